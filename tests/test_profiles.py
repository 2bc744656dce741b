"""Profiles: the bundled report's knowledge is active only for a corpus of its family; any other
corpus gets the general pipeline, its own title and example questions, and no Métropoles tab."""

from __future__ import annotations

import ast
import html
import json
import re
import urllib.request
from pathlib import Path

import pytest

from ess_qa import Assistant, build, cli, web
from ess_qa.profiles import PROFILES_ATTACHMENT, known_profiles
from index.store import read_attachment
from support import free_port

GUIDE = (
    "Guide des cantines scolaires\n\n"
    "Approvisionnement local\n\nLa cantine achète 40 % de produits locaux auprès des producteurs du département.\f"
    "Gaspillage alimentaire\n\nLes restes sont pesés chaque semaine ; le gaspillage a baissé de 12 % en un an.\f"
    "Menus végétariens\n\nUn menu végétarien est servi une fois par semaine depuis 2019.\n"
)


@pytest.fixture(scope="module")
def guide_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("guide")
    (corpus / "guide.txt").write_text(GUIDE, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("guide-index")
    build(corpus, index_dir)
    return index_dir


def test_the_report_profile_is_recorded_for_the_bundled_report(report_index_dir, assistant):
    assert read_attachment(str(report_index_dir), PROFILES_ATTACHMENT) == ["metropoles"]
    assert [profile.name for profile, _ in assistant.profiles] == ["metropoles"]
    assert "Métropoles" in assistant.page_texts().title and len(assistant.metropoles()) >= 10


def test_another_corpus_gets_the_general_pipeline_and_its_own_texts(guide_index):
    assert read_attachment(str(guide_index), PROFILES_ATTACHMENT) == []
    guide = Assistant.load(guide_index)
    assert guide.profiles == [] and guide.answerers == [] and guide.metropoles() == []
    texts = guide.page_texts()
    assert texts.title.startswith("Guide des cantines scolaires") and "Métropoles" not in texts.intro
    assert texts.examples and all("«" in q for q in texts.examples)
    assert all(a.found for a in guide.batch(list(texts.examples)))  # an example the page offers is answered
    answer = guide.ask("Quelle part de produits locaux la cantine achète-t-elle ?")
    assert answer.found and "40 %" in answer.snippet
    assert not guide.ask("Quelle est la métropole la plus peuplée ?").found


def test_the_cli_names_no_report(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "Métropoles" not in capsys.readouterr().out


def tab_visibility(url: str) -> dict[str, bool]:
    """elem_id -> visible of the page's tabs, from the config the browser reads."""
    with urllib.request.urlopen(f"{url}/config", timeout=30) as response:
        config = json.load(response)
    return {c["props"].get("elem_id"): c["props"].get("visible", True) for c in config["components"] if c.get("type") == "tabitem"}


@pytest.mark.parametrize("which", ["report", "guide"])
def test_the_page_shows_the_metropoles_tab_only_for_the_report(which, report_index_dir, guide_index):
    index_dir = report_index_dir if which == "report" else guide_index
    running = web.launch("127.0.0.1", free_port(), assistant=Assistant.load(index_dir), quiet=True)
    try:
        tabs = tab_visibility(running.url.rstrip("/"))
    finally:
        running.close()
    assert tabs["essqa-chat-tab"] is True
    assert tabs["essqa-metropoles-tab"] is (which == "report")
    assert [p.name for p in known_profiles()] == ["metropoles"]


def titled_pdf(folder):
    """A corpus folder holding one PDF whose metadata give a title and a creation date."""
    from datetime import datetime, timezone

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Guide de l'achat public responsable")
    pdf.set_creation_date(datetime(2019, 7, 4, 12, 0, tzinfo=timezone.utc))
    pdf.set_font("helvetica", size=12)
    # its first page writes its title, as a guide's cover does
    for text in ("Guide de l'achat public responsable\nLes clauses sociales favorisent l'insertion.", "Les marchés réservés aux structures de l'ESS."):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    folder.mkdir()
    pdf.output(str(folder / "guide.pdf"))
    return folder


def test_a_pdf_title_from_its_metadata_names_the_page(tmp_path):
    build(titled_pdf(tmp_path / "corpus"), tmp_path / "index")
    assert Assistant.load(tmp_path / "index").page_texts().title.startswith("Guide de l'achat public responsable")


@pytest.mark.parametrize(
    "metadata_title",
    [
        None,
        "Présentation PowerPoint",
        "MEEDDM_rapport bureautique_preventions_risques",
        "Modèle de rapport méthodo GIRUS GE",
        "Disposition titre",  # a slide layout's name, left as the title by a template
        "Titre de la présentation",  # a placeholder's
    ],
)
def test_a_pdf_without_a_title_of_its_own_is_named_by_its_covers_largest_text(tmp_path, metadata_title):
    """No title in the metadata, a program's default one, a file's name (underscores), a template's or a slide layout's
    or placeholder's name: the text drawn
    largest on the first page names the document (its lines in a row joined), not a partner's line printed above it
    nor its first heading."""
    from fpdf import FPDF

    pdf = FPDF()
    if metadata_title:
        pdf.set_title(metadata_title)
    pdf.add_page()
    pdf.set_font("helvetica", "B", size=9)
    pdf.multi_cell(0, 5, "Avec le soutien technique et financier de", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=28)
    pdf.multi_cell(0, 12, "Comparaison économique\ndes modes de chauffage", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=14)
    pdf.multi_cell(0, 8, "Janvier 2019", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", "B", size=16)
    pdf.multi_cell(0, 10, "Introduction", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Le coût global d'un chauffage au gaz comprend l'abonnement, la consommation et l'entretien. " * 4, new_x="LMARGIN", new_y="NEXT")
    (tmp_path / "corpus").mkdir()
    pdf.output(str(tmp_path / "corpus" / "etude.pdf"))
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    assert assistant.page_texts().title.startswith("Comparaison économique des modes de chauffage —")
    assert [d.title for d in assistant.store.documents()] == ["Comparaison économique des modes de chauffage"]


def test_citations_give_the_documents_title_and_date(tmp_path, capsys):
    """Each passage's citation names its document as its metadata do, in Python, JSON, the CLI and the page."""
    from ess_qa.web.rendering import passages_html

    build(titled_pdf(tmp_path / "corpus"), tmp_path / "index")
    answer = Assistant.load(tmp_path / "index").ask("Quelles clauses favorisent l'insertion ?")
    cite = answer.passages[0].cite
    assert (cite.title, cite.date, cite.document) == ("Guide de l'achat public responsable", "2019-07-04", "« Guide de l'achat public responsable », fichier du 2019-07-04")
    assert answer.passages[0].to_dict()["cite"]["date"] == "2019-07-04"
    assert "« Guide de l'achat public responsable », fichier du 2019-07-04" in html.unescape(passages_html(answer, frozenset()))
    assert cli.main(["ask", "Quelles clauses favorisent l'insertion ?", "--index-dir", str(tmp_path / "index")]) == 0
    assert "« Guide de l'achat public responsable », fichier du 2019-07-04" in capsys.readouterr().out


def test_only_the_profile_names_the_reports_headings_and_metropolises(assistant):
    """The general modules (ingest/, index/, ess_qa/ but the profile's package) hold in their code no
    heading cue of the report and no name of a metropolis its fact sheets give (docstrings and
    comments may cite them as examples)."""
    from ess_qa.profiles.metropoles.headings import HEADING_CUES
    from ingest.french import fold_for_matching

    cities = {word for record in assistant.metropoles() for word in record["name"].split() if len(word) > 3 and word[0].isupper()}
    cities -= {"Métropole", "Metropole", "Eurométropole", "Grand", "Européenne", "Provence"}  # words of any metropolis' name
    words = {fold_for_matching(word) for word in (*HEADING_CUES, *cities)}
    assert len(cities) >= 10, sorted(cities)
    root = Path(__file__).resolve().parent.parent
    profile = root / "ess_qa" / "profiles" / "metropoles"
    for path in sorted(p for folder in ("ingest", "index", "ess_qa") for p in (root / folder).rglob("*.py")):
        if profile in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = fold_for_matching(node.value)
                named = [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
                assert not named, f"{path.relative_to(root)}:{node.lineno} names {named} of the report"


def test_a_title_set_over_several_lines_is_read_whole_and_examples_lose_numbering_and_contents():
    from ess_qa.corpus_texts import example_subjects, first_title_lines

    assert first_title_lines(["Raccordement des copropriétés aux", "réseaux de chaleur", "Guide méthodologique"]) == (
        "Raccordement des copropriétés aux réseaux de chaleur"
    )
    assert first_title_lines(["Tutoriel de prise en main plateforme ma", "cantine", "Janvier 2026"]) == "Tutoriel de prise en main plateforme ma cantine"
    assert first_title_lines(["Guide des cantines scolaires", "Approvisionnement local"]) == "Guide des cantines scolaires"
    from ess_qa.corpus_texts import corpus_title
    from ingest.types import Page

    # a stray mark on the cover's first line titles nothing: « ‘ — interroger le document » was shown
    cover = Page("notice.pdf", 1, "‘ \nMinistère chargé de \nl'environnement \nNotice explicative")
    assert corpus_title([cover], []) == "Ministère chargé de l'environnement"
    sections = ["Sommaire", "1- Introduction", "2- Définition d'un réseau › 2.1- Fonctionnement", "3- Les aides"]
    assert example_subjects(sections, "Guide") == ["Introduction", "Définition d'un réseau", "Les aides"]
    # codes of letters or roman numbers too (« B.3.23 Classe d'objets … » was offered as is); « A propos » keeps its « A »
    sections = ["B.3.23 Classe d'objets Proeminence", "A. Transport interne", "II- Les actions", "A propos du guide"]
    assert example_subjects(sections, "Guide") == ["Classe d'objets Proeminence", "Transport interne", "Les actions", "A propos du guide"]
    # what opens in lower case once its number is gone is no heading (a badge « 5 minutes », a web address): four helpers
    # were offered « Que dit le document sur « minutes » ? » or « … « www.ademe.fr » ? »
    assert example_subjects(["5 minutes", "1. Les obligations", "www.ademe.fr", "2. Le SPASER"], "Guide") == ["Les obligations", "Le SPASER"]


def test_the_page_offers_the_example_questions_the_corpus_answers():
    """« Que dit le document sur « Edito » ? » answered « the document does not say » on a helper's first click: the
    examples are those the corpus answers, spread over it; an index built before they were kept shows its subjects'."""
    from ess_qa.corpus_texts import answered_examples, page_texts_for

    corpus = {"title": "Guide", "subjects": ["Edito", "Les aides", "Le raccordement"], "documents": 1}
    kept = answered_examples(corpus, lambda questions: ["Edito" not in q for q in questions])
    assert kept == {"questions": ["Que dit le document sur « Les aides » ?", "Que dit le document sur « Le raccordement » ?"]}
    assert page_texts_for([], corpus, kept).examples == tuple(kept["questions"])
    assert len(page_texts_for([], corpus, None).examples) == 3


def test_a_corpus_of_several_documents_is_named_as_several_not_after_its_first(tmp_path, capsys):
    """Three notices indexed together: the page names « Vos 3 documents » and lists their titles (one's title named
    the whole corpus); a question none of them answers says « les documents », in the CLI and on the page."""
    from fpdf import FPDF

    from ess_qa.web.rendering import answer_html

    notices = {
        "charte.pdf": ("Charte d'engagement", "Le club s'engage à accueillir les jeunes éligibles toute la saison."),
        "notice-club.pdf": ("Notice pass Sport 2025", "Le club crée son espace sur la plateforme Le Compte Asso."),
        "notice-partenaire.pdf": ("Notice des partenaires", "Le partenaire déclare ses structures avant le 31 décembre."),
    }
    (tmp_path / "corpus").mkdir()
    for name, (title, text) in notices.items():
        pdf = FPDF()
        pdf.set_title(title)
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, title + "\n" + " ".join([text] * 4), new_x="LMARGIN", new_y="NEXT")  # its title on top, as printed
        pdf.output(str(tmp_path / "corpus" / name))
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    texts = assistant.page_texts()
    assert texts.title == "Vos 3 documents — interroger les documents"
    assert all(f"« {title} »" in texts.intro for title, _ in notices.values())
    refused = assistant.ask("Quelle est la capitale du Japon ?")
    assert not refused.found and "Les documents ne semblent pas répondre" in html.unescape(answer_html(refused, several=assistant.several))
    assert cli.main(["ask", "Quelle est la capitale du Japon ?", "--index-dir", str(tmp_path / "index")]) == 0
    assert "Les documents ne semblent pas répondre à cette question" in capsys.readouterr().out
