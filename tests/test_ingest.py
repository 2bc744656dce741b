"""Reading files into pages: a real multi-page PDF generated here with fpdf2, text files paged by form feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import load_pages, read_file_pages
from ingest.french import match_key
from ingest.types import SECTION_SEPARATOR, Page
from support import write_text_pdf

# One distinctive text per physical page; page 3 is left blank on purpose (numbering must not shift).
PDF_PAGES = {
    1: "Rapport de test. La coopérative Alpha développe le maraîchage biologique à Grenoble.",
    2: (
        "Deuxième page. La Métropole de Lyon finance un fonds de garantie pour les entreprises solidaires. "
        "Ce fonds couvre les prêts bancaires des structures d'insertion par l'activité économique "
        "et des sociétés coopératives d'intérêt collectif du territoire métropolitain."
    ),
    3: "",
    4: "Quatrième page. La régie de quartier Oméga recycle les vélos abandonnés à Strasbourg.",
}


def write_pdf(path: Path, pages: dict[int, str]) -> Path:
    """A real PDF with one page per entry (blank pages stay blank), written with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in sorted(pages):
        pdf.add_page()
        if pages[number]:
            pdf.multi_cell(0, 8, pages[number])
    pdf.output(str(path))
    return path


def test_pdf_pages_are_numbered_physically_and_hold_their_own_text(tmp_path):
    pdf = write_pdf(tmp_path / "rapport.pdf", PDF_PAGES)
    pages = read_file_pages(pdf)
    assert [p.page for p in pages] == [1, 2, 3, 4]
    assert {p.source for p in pages} == {"rapport.pdf"}
    for page in pages:
        assert match_key(page.text) == match_key(PDF_PAGES[page.page])
    assert "Lyon" in pages[1].text and "Lyon" not in pages[0].text + pages[3].text
    assert pages[2].text.strip() == ""


def test_pdf_in_a_folder_is_named_by_its_relative_path(tmp_path):
    (tmp_path / "rapports").mkdir()
    write_pdf(tmp_path / "rapports" / "2019.pdf", {1: "Texte."})
    loaded = load_pages(tmp_path)
    assert loaded.files == ["rapports/2019.pdf"]
    assert loaded.pages[0].source == "rapports/2019.pdf"


# --- text files ----------------------------------------------------------------------------------


def test_text_file_pages_are_split_on_form_feeds(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("page un\fpage deux\f\fpage quatre\f", encoding="utf-8")
    pages = read_file_pages(path)
    assert [(p.page, p.text) for p in pages] == [(1, "page un"), (2, "page deux"), (3, ""), (4, "page quatre")]


def test_text_file_without_form_feed_is_one_page(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Titre\n\nUn paragraphe.\n", encoding="utf-8")
    assert [(p.page, p.source) for p in read_file_pages(path)] == [(1, "notes.md")]


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_text_encodings(tmp_path, encoding, prefix):
    text = "L'économie sociale et solidaire « ESS » représente 14 % de l'emploi privé.\fPage deux : coopératives."
    path = tmp_path / "texte.txt"
    path.write_bytes(prefix + text.encode(encoding))
    pages = read_file_pages(path)
    assert [p.text for p in pages] == text.split("\f")


def test_folder_is_read_in_sorted_order_without_hidden_files(tmp_path):
    (tmp_path / "b.txt").write_text("Fichier B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Fichier A.\fA page deux.", encoding="utf-8")
    (tmp_path / "sous-dossier").mkdir()
    (tmp_path / "sous-dossier" / "c.md").write_text("Fichier C.", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    (tmp_path / ".brouillon.txt").write_text("caché", encoding="utf-8")
    (tmp_path / "README.md").write_text("Provenance de ces fichiers.", encoding="utf-8")
    (tmp_path / "sous-dossier" / "readme.txt").write_text("Notes.", encoding="utf-8")
    loaded = load_pages(tmp_path)
    assert loaded.files == ["a.txt", "b.txt", "sous-dossier/c.md"]
    assert [(p.source, p.page) for p in loaded.pages] == [("a.txt", 1), ("a.txt", 2), ("b.txt", 1), ("sous-dossier/c.md", 1)]
    assert loaded.skipped == []


def test_a_single_file_can_be_the_corpus(tmp_path):
    path = tmp_path / "seul.txt"
    path.write_text("Seul fichier.", encoding="utf-8")
    loaded = load_pages(path)
    assert loaded.files == ["seul.txt"] and len(loaded.pages) == 1
    readme = tmp_path / "README.md"
    readme.write_text("Un README donné comme corpus est lu.", encoding="utf-8")
    assert load_pages(readme).files == ["README.md"]


def test_bundled_corpus_is_the_report_alone():
    from ess_qa.config import BUNDLED_CORPUS

    loaded = load_pages(BUNDLED_CORPUS)
    assert loaded.files == ["metropoles-ess.txt"] and loaded.skipped == []
    assert [p.page for p in loaded.pages] == list(range(1, 65))


def test_missing_corpus_is_an_error_not_an_empty_index(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        load_pages(tmp_path / "absent")


# --- a PDF laid out like real reports: running header and footers, page labels, an outline ------

HEADER = "Guide des ressourceries | Edition 2024"
ODD_FOOTER = "Reseau des ressourceries - juillet 2024"
# physical page -> (printed label, outline entries (level, title) opened on it, body paragraphs)
GUIDE = {
    1: ("i", [], ["Guide pratique des ressourceries", "Ce guide accompagne les benevoles des ressourceries."]),
    2: ("ii", [], ["Avant-propos", "Les ressourceries donnent une seconde vie aux objets depuis trente ans."]),
    3: ("1", [(0, "Collecter les objets")], [
        "Collecter les objets",
        "La ressourcerie collecte les meubles et la vaisselle chez les particuliers.",
        "Apport volontaire",
        "Les habitants deposent leurs objets au quai de collecte le mercredi.",
    ]),
    4: ("2", [], ["Les objets collectes sont peses puis tries par famille dans le hangar."]),
    5: ("3", [(0, "Reparer")], [
        "Reparer",
        "Atelier de reparation",
        "Les electriciens benevoles remettent en etat les lampes et les grille-pain.",
    ]),
    6: ("4", [], ["Atelier de reparation", "Les couturieres reprennent les vetements dechires avant la vente."]),
    7: ("5", [(0, "Vendre")], ["Vendre", "La boutique solidaire ouvre le samedi matin de neuf heures a midi."]),
}
GUIDE_CHILD = (3, "Apport volontaire")  # a level-1 outline entry under "Collecter les objets"


def write_guide(path: Path) -> Path:
    """A 7-page guide written with fpdf2: a header and a page number on every page, a footer on odd pages,
    pages labelled i, ii then 1-5, and a two-level outline."""
    from fpdf import FPDF

    class Guide(FPDF):
        def header(self):
            self.set_font("helvetica", size=9)
            self.cell(0, 6, HEADER, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-20)
            self.set_font("helvetica", size=9)
            if self.page_no() % 2:
                self.cell(0, 5, ODD_FOOTER, new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"Page {self.get_page_label()}", align="C")

    pdf = Guide()
    for number, (_, entries, paragraphs) in GUIDE.items():
        pdf.add_page()
        if number == 1:
            pdf.set_page_label("r")
        if number == 3:
            pdf.set_page_label("D", label_start=1)
        for level, title in entries:
            pdf.start_section(title, level)
        for paragraph in paragraphs:
            if (number, paragraph) == GUIDE_CHILD:
                pdf.start_section(paragraph, 1)
            pdf.set_font("helvetica", size=12)
            pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    from ingest import chunk_pages

    pages = read_file_pages(write_guide(tmp_path_factory.mktemp("guide") / "guide.pdf"))
    return pages, chunk_pages(pages)


# Product sheets as a designed guide prints them: the body first, the product's name below it (a side
# column that pypdf reads last), and bookmarks that point to whole pages.
SHEETS = {"Compost'Ville": "Les habitants deposent leurs epluchures dans un bac partage du quartier.",
          "Velo'Cite": "Les agents empruntent un velo de service pour leurs deplacements en ville."}


def test_a_bookmark_to_a_whole_page_starts_its_section_at_the_top(tmp_path):
    """The body above the name printed at the bottom of the sheet is the sheet's, not the previous one's."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    from ingest import chunk_pages

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for name, body in SHEETS.items():
        pdf.add_page()
        pdf.multi_cell(0, 8, " ".join([body] * 4), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(20)
        pdf.multi_cell(0, 8, name, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "plain.pdf"))
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    for number, name in enumerate(SHEETS):
        writer.add_outline_item(title=name, page_number=number, fit=Fit.fit())
    writer.write(tmp_path / "sheets.pdf")

    pages = read_file_pages(tmp_path / "sheets.pdf")
    assert [p.outline_at_top for p in pages] == [True, True]
    chunks = chunk_pages(pages)
    for name, body in SHEETS.items():
        assert {c.section for c in chunks if body[:30] in c.text} == {name}


def test_running_header_footer_and_page_numbers_leave_the_pages(guide):
    pages, chunks = guide
    for page in pages:
        assert HEADER not in page.text and ODD_FOOTER not in page.text and "Page" not in page.text
        for paragraph in GUIDE[page.page][2]:
            assert paragraph in page.text
    text = "\n".join(chunk.text for chunk in chunks)
    assert "Edition 2024" not in text and "juillet 2024" not in text and "Page" not in text


def test_a_heading_printed_on_two_pages_is_kept_on_both(guide):
    _, chunks = guide
    assert {c.page for c in chunks if "Atelier de reparation" in c.text} == {5, 6}


def test_pages_keep_their_printed_labels_and_citations_show_them(guide):
    pages, chunks = guide
    assert [p.label for p in pages] == ["i", "ii", "1", "2", "3", "4", "5"]
    cover = next(c for c in chunks if c.page == 1)
    assert cover.citation == "guide.pdf · p. i" and cover.cite.page == 1
    sale = next(c for c in chunks if "boutique solidaire" in c.text)
    assert sale.citation == "guide.pdf · p. 5 · Vendre" and sale.cite.page == 7


def test_sections_come_from_the_outline(guide):
    _, chunks = guide

    def where(phrase: str) -> tuple[int, str]:
        (chunk,) = [c for c in chunks if phrase in c.text]
        return chunk.page, chunk.section

    collect, drop_off = "Collecter les objets", f"Collecter les objets{SECTION_SEPARATOR}Apport volontaire"
    assert where("les meubles et la vaisselle") == (3, collect)
    assert where("au quai de collecte") == (3, drop_off)
    assert where("tries par famille") == (4, drop_off)  # carried to the next page
    assert where("les vetements dechires") == (6, "Reparer")
    assert where("le samedi matin") == (7, "Vendre")
    assert {c.section for c in chunks if c.page < 3} == {""}


def test_a_text_file_loses_its_running_header_per_form_feed_page(tmp_path):
    path = tmp_path / "annexe.txt"
    bodies = ["La collecte a lieu le mercredi.", "Le tri se fait au hangar.", "La vente a lieu le samedi.", "Les dons sont recus toute l'annee."]
    path.write_text("\f".join(f"Annexe technique - 2024\n{body}\n{n}" for n, body in enumerate(bodies, start=1)), encoding="utf-8")
    assert [p.text for p in read_file_pages(path)] == bodies


# --- the PDF through the whole engine: build, search, citations ----------------------------------


@pytest.fixture(scope="module")
def pdf_assistant(tmp_path_factory):
    from ess_qa import Assistant, build

    corpus = tmp_path_factory.mktemp("pdf-corpus")
    write_pdf(corpus / "rapport.pdf", PDF_PAGES)
    (corpus / "annexe.txt").write_text(
        "Annexe, page un : la monnaie locale Beta circule à Toulouse.\fAnnexe, page deux : le tiers-lieu Gamma ouvre à Nantes.",
        encoding="utf-8",
    )
    index_dir = tmp_path_factory.mktemp("pdf-index") / "index"
    report = build(corpus, index_dir)
    return report, Assistant.load(index_dir)


def test_build_reports_files_pages_and_chunks(pdf_assistant):
    report, _ = pdf_assistant
    assert report.files == ["annexe.txt", "rapport.pdf"]
    assert report.skipped == []
    assert report.pages == 6
    assert report.chunks >= 5


@pytest.mark.parametrize(
    "question, citation",
    [
        ("Quelle coopérative fait du maraîchage biologique à Grenoble ?", "rapport.pdf · p. 1"),
        ("Qui finance un fonds de garantie pour les entreprises solidaires ?", "rapport.pdf · p. 2"),
        ("Qui recycle les vélos abandonnés à Strasbourg ?", "rapport.pdf · p. 4"),
        ("Où circule la monnaie locale Beta ?", "annexe.txt · p. 1"),
        ("Where does the Gamma third place open?", "annexe.txt · p. 2"),
    ],
)
def test_search_cites_the_physical_page_that_holds_the_answer(pdf_assistant, question, citation):
    _, assistant = pdf_assistant
    best = assistant.search(question, k=3)[0]
    assert best.citation.startswith(citation)
    page_text = PDF_PAGES.get(best.page, "") if best.source == "rapport.pdf" else ""
    if page_text:
        assert match_key(best.text) in match_key(page_text)


def test_no_passage_cites_the_blank_page(pdf_assistant):
    _, assistant = pdf_assistant
    passages = assistant.search("page", k=20)
    assert passages and all(not (p.source == "rapport.pdf" and p.page == 3) for p in passages)


@pytest.fixture(scope="module")
def guide_assistant(tmp_path_factory):
    from ess_qa import Assistant, build

    corpus = tmp_path_factory.mktemp("guide-corpus")
    write_guide(corpus / "guide.pdf")
    index_dir = tmp_path_factory.mktemp("guide-index") / "index"
    build(corpus, index_dir)
    return Assistant.load(index_dir)


def test_passages_and_snippets_of_a_laid_out_pdf_show_no_running_line(guide_assistant):
    for question in ("Quand la boutique solidaire ouvre-t-elle ?", "Ou les habitants deposent-ils leurs objets ?", "Guide des ressourceries, edition 2024"):
        answer = guide_assistant.ask(question, k=5)
        shown = "\n".join([answer.snippet or ""] + [p.text for p in answer.passages])
        assert "Edition 2024" not in shown and "juillet 2024" not in shown and "Page " not in shown
    best = guide_assistant.search("Quand la boutique solidaire ouvre-t-elle ?", k=1)[0]
    assert (best.page, best.section) == (7, "Vendre")


# A report without bookmarks whose contents page names its sections: each heading is printed as the
# first line of its page's text, with no blank line before the paragraph, so no heading cue finds it.
CONTENTS = [
    (1, "1- Présentation du réseau", 3, "Le réseau de chaleur dessert 4 000 logements depuis 1985."),
    (2, "1.1- La chaufferie biomasse", 4, "La chaufferie brûle des plaquettes forestières locales."),
    (1, "2- Les tarifs", 5, "Le prix de la chaleur livrée est de 75 euros par mégawattheure."),
    (2, "2.1- Les aides au raccordement", 6, "Le fonds chaleur finance une partie des travaux de la sous-station."),
]


def write_report_with_contents(path: Path, printed_offset: int = 0) -> Path:
    """A 6-page PDF written with fpdf2, without an outline: a cover, a contents page ('Sommaire', a
    title and its printed page per line), then one page per entry, its title run into its text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    add_report_with_contents(pdf, "Guide du raccordement au réseau de chaleur", printed_offset)
    pdf.output(str(path))
    return path


def add_report_with_contents(pdf, cover: str, printed_offset: int = 0, place: str = "") -> None:
    """A cover, a contents page and one page per entry of CONTENTS, its title run into its text (which names the place
    when given), added to an fpdf2 document."""
    pdf.add_page()
    pdf.multi_cell(0, 8, cover, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.multi_cell(0, 8, "SOMMAIRE", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for _, title, page, _ in CONTENTS:
        pdf.multi_cell(0, 8, f"{title} | {page - printed_offset}", new_x="LMARGIN", new_y="NEXT")
    for _, title, _, text in CONTENTS:
        pdf.add_page()
        where = f" À {place}, ce" if place else " Ce"
        pdf.multi_cell(0, 8, f"{title}\n{text}{where} paragraphe décrit le fonctionnement du service en détail. " + "Ce paragraphe décrit le fonctionnement du service en détail. " * 2, new_x="LMARGIN", new_y="NEXT")


@pytest.mark.parametrize("offset", [0, 2])
def test_sections_come_from_the_printed_contents_of_a_pdf_without_outline(tmp_path, offset):
    from ingest import chunk_pages

    chunks = chunk_pages(read_file_pages(write_report_with_contents(tmp_path / "reseau.pdf", offset)))
    for level, title, page, text in CONTENTS:
        (chunk,) = [c for c in chunks if text[:30] in c.text]
        parent = next(t for lv, t, p, _ in reversed(CONTENTS) if lv == 1 and p <= page)
        assert chunk.page == page
        assert chunk.section == (title if level == 1 else f"{parent}{SECTION_SEPARATOR}{title}")
    assert not any("SOMMAIRE" in c.section for c in chunks)


def test_a_file_that_merges_two_reports_gets_each_reports_sections_from_its_own_contents(tmp_path):
    """Four yearly reports in one file, each with its cover, its contents and its pages numbered from 1: the first
    report's contents headed its pages only, every later page sat under its last section (« 6. Tableau
    récapitulatif »). Each report's contents now head its own pages, under the title its cover prints, which tells the
    reports apart."""
    from fpdf import FPDF

    from ingest import chunk_pages

    towns = ("Attichy", "Rethondes")
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for town in towns:
        add_report_with_contents(pdf, f"Rapport annuel du service de l'assainissement de {town}", place=town)
    pdf.output(str(tmp_path / "rapports.pdf"))
    chunks = chunk_pages(read_file_pages(tmp_path / "rapports.pdf"))
    for k, town in enumerate(towns):
        for level, title, page, text in CONTENTS:
            (chunk,) = [c for c in chunks if text[:30] in c.text and f"À {town}," in c.text]
            assert chunk.page == page + 6 * k
            assert chunk.section.endswith(title), (town, chunk.section)
            assert chunk.section.startswith(f"Rapport annuel du service de l'assainissement de {town}"), chunk.section  # its cover's


def test_merged_reports_are_titled_by_the_words_their_covers_do_not_share():
    """Four water reports in one file: the first cover prints everything at one size, the others print the
    authority's name largest. The first report was titled by its whole cover, the others by the authority's name,
    which told them apart no more; each is now titled by the lines its cover alone prints."""
    from ingest.contents import part_titles

    def cover(lines):
        return [(text, size, True) for text, size in lines]

    first = cover([("Rapport annuel", 28), ("sur le Prix et la Qualité du Service public", 28), (" ", 0), ("Exercice 2024", 28), (" ", 0),
                   ("Eau Potable : ATTICHY", 28), (" ", 0), ("Communauté de communes des Lisières", 28), ("de l'Oise (CCLO)", 28)])
    others = [
        cover([("Communauté de communes des Lisières", 30), ("de l'Oise (CCLO)", 30), (" ", 0), (f"eau potable : {town}", 25), (" ", 0),
               ("Rapport annuel", 28), ("sur le Prix et la Qualité du Service public de l'eau potable", 28), (" ", 0), ("Exercice 2024", 28)])
        for town in ("ancien SIAE Cuise la Motte", "PIERREFONDS", "distribution régie Rethondes")
    ]
    assert part_titles([first, *others]) == [
        "Eau Potable : ATTICHY", "eau potable : ancien SIAE Cuise la Motte", "eau potable : PIERREFONDS", "eau potable : distribution régie Rethondes"
    ]


def test_a_contents_page_is_read_into_entries_with_levels():
    from ingest.contents import contents_entries, outline_paths

    text = "SOMMAIRE\n\n1- Introduction | 4\n2- Définition | 5\n2.1- Fonctionnement ..... 5\n\n5- MEMENTO :\nLes étapes 23\n6- Références p. 26"
    entries = contents_entries(text)
    assert [(e.title, e.level, e.page) for e in entries] == [
        ("1- Introduction", 1, 4), ("2- Définition", 1, 5), ("2.1- Fonctionnement", 2, 5), ("5- MEMENTO : Les étapes", 1, 23), ("6- Références", 1, 26)
    ]
    assert outline_paths(entries)[2] == ("2- Définition", "2.1- Fonctionnement")
    assert contents_entries("Le budget atteint 12\nPuis 4\nEt 7") == []  # too few, and not in page order


def test_a_contents_title_that_ends_with_a_year_does_not_spoil_the_contents():
    """« … entre les campagnes de 2023, 2024 et 2025 » with its page number pushed before the next title: the year
    is no page, the stray number is no title's, and the other entries stay in page order."""
    from ingest.contents import contents_entries

    text = (
        "Sommaire\n4.2.4. Les résultats par segments : 45\n4.2.5. L'évolution entre les campagnes de 2023, 2024 et 2025\n"
        "56 4.3. Les menus végétariens : 63\n4.3.1. Le gaspillage : 66\n5. Les perspectives : 70"
    )
    entries = contents_entries(text)
    assert [(e.title, e.level, e.page) for e in entries] == [
        ("4.2.4. Les résultats par segments", 3, 45), ("4.3. Les menus végétariens", 2, 63), ("4.3.1. Le gaspillage", 3, 66), ("5. Les perspectives", 1, 70)
    ]


def test_a_contents_title_that_ends_with_a_year_takes_the_page_number_of_the_next_line():
    """« 4.2.5. … entre les campagnes de 2023, 2024 et 2025 » then « 56 » alone on its line (pypdf's reading of the
    EGalim report's contents): the year ends the title, 56 is its page, and pages 56-62 are cited under 4.2.5."""
    from ingest.contents import contents_entries

    text = (
        "Sommaire\n4.2.4. Les résultats par segments ....... 45\n4.2.5. L'évolution entre les campagnes de 2023, 2024 et 2025\n"
        " 56 \n4.3. Les menus végétariens ....... 63\n4.3.1. Le gaspillage ....... 66\n5. Les perspectives ....... 70"
    )
    assert [(e.title, e.page) for e in contents_entries(text)] == [
        ("4.2.4. Les résultats par segments", 45),
        ("4.2.5. L'évolution entre les campagnes de 2023, 2024 et 2025", 56),
        ("4.3. Les menus végétariens", 63),
        ("4.3.1. Le gaspillage", 66),
        ("5. Les perspectives", 70),
    ]


def test_a_numbered_contents_title_over_two_lines_is_one_entry():
    """A numbered title that wraps in the contents is one entry, with its page: after a year that ends its first line
    (« … évalués en 2019 » then « restent une référence consensuelle ….. 40 », which was a section of its own, « 2019 »
    read as a page), and at the top of a contents' page (« 4.3.6. … doivent être » then « interrogés ….. 58 »: pages 58
    to 60 of an inspection report were cited under « interrogés »)."""
    from ingest.contents import contents_entries

    text = (
        "Sommaire\n3.2. Quels surcoûts considérer en 2022 ? ....... 40\n"
        "3.2.1. Les surcoûts liés à un approvisionnement durable et de qualité évalués en 2019\n"
        "restent une référence consensuelle ....... 40\n3.2.2. Quelle évolution des surcoûts retenir ? ....... 43\n3.3. Le surcoût global ....... 45"
    )
    assert [(e.title, e.level, e.page) for e in contents_entries(text)] == [
        ("3.2. Quels surcoûts considérer en 2022 ?", 2, 40),
        ("3.2.1. Les surcoûts liés à un approvisionnement durable et de qualité évalués en 2019 restent une référence consensuelle", 3, 40),
        ("3.2.2. Quelle évolution des surcoûts retenir ?", 3, 43),
        ("3.3. Le surcoût global", 2, 45),
    ]
    next_page = "4.3.6. Les paramètres de la tarification aux usagers doivent être\ninterrogés ....... 58\n5. LES MESURES D'ACCOMPAGNEMENT ....... 61"
    assert [(e.title, e.page) for e in contents_entries(next_page, min_entries=2)] == [
        ("4.3.6. Les paramètres de la tarification aux usagers doivent être interrogés", 58),
        ("5. LES MESURES D'ACCOMPAGNEMENT", 61),
    ]


def test_a_lettered_sub_point_of_the_contents_is_one_level_below_its_number():
    """« 7.1.7.d - Liste … » is a sub-point of 7.1.7: read at the first level, it became the parent of 7.2, 7.3 and
    7.4 (a 227-page manual's sections from p. 97 on were cited under it)."""
    from ingest.contents import contents_entries, outline_paths

    text = "Sommaire\n7.1.7 -Onglet Surveillance ....... 95\n7.1.7.d - Liste des appareils ....... 97\n7.2 - Détails d'un aménagement ....... 97\n7.2.1 -Description ....... 98"
    entries = contents_entries(text)
    assert [e.level for e in entries] == [3, 4, 2, 3]
    assert outline_paths(entries)[2] == ("7.2 - Détails d'un aménagement",)


def test_a_contents_heading_is_no_section_beyond_its_page(tmp_path):
    """A contents page whose lines give no page numbers is not read as an outline; its heading, found by the
    cues, stays on its page: the text after it is not cited under « SOMMAIRE »."""
    from ingest import chunk_pages

    path = tmp_path / "note.txt"
    contents = "SOMMAIRE\n\nLes acteurs du réseau\nLes tarifs\nLes aides"
    body = "Le réseau est géré par une régie municipale depuis 1985, sous le contrôle du conseil communautaire."
    path.write_text(f"{contents}\f{body}", encoding="utf-8")
    chunks = chunk_pages(read_file_pages(path))
    assert [c.section for c in chunks if "régie municipale" in c.text] == [""]


def test_an_outline_contents_entry_is_no_parent_of_its_children():
    from ingest.structure import outline_path

    assert outline_path(("Sommaire", "Le cas de la gestion concédée")) == "Le cas de la gestion concédée"
    assert outline_path(("Table des matières",)) == "Table des matières"
    # a part listed again as its own first entry is one level, not two
    assert outline_path(("Pour aller plus loin", "Pour aller plus loin", "Synthèse des outils")) == "Pour aller plus loin › Synthèse des outils"
    assert outline_path(("Étape 2", "Le numéro SIRET")) == f"Étape 2{SECTION_SEPARATOR}Le numéro SIRET"


def test_contents_over_two_pages_and_page_numbers_first_are_read(tmp_path):
    from ingest.contents import contents_entries, with_printed_outline

    assert [(e.title, e.page) for e in contents_entries("SOMMAIRE\n04  Édito\n06 Les chiffres clés\n10 Les acteurs\n14 Les aides")] == [
        ("Édito", 4), ("Les chiffres clés", 6), ("Les acteurs", 10), ("Les aides", 14)
    ]
    assert contents_entries("1. Créer un compte\n2. Ajouter une cantine\n3. Télédéclarer\n4. Corriger") == []  # numbering, not pages
    titles = ["Présentation", "Le réseau", "Les usagers", "Les tarifs", "Les aides", "Les travaux"]
    pages = [Page("r.txt", 1, "Sommaire\n" + "\n".join(f"{t} | {n}" for n, t in enumerate(titles[:4], start=3))),
             Page("r.txt", 2, "\n".join(f"{t} | {n}" for n, t in enumerate(titles[4:], start=7)))]
    pages += [Page("r.txt", n, f"{t}\nLe texte de la partie {t.lower()} suit son titre.") for n, t in enumerate(titles, start=3)]
    outlined = with_printed_outline(pages)
    assert [p.outline for p in outlined[2:]] == [((t,),) for t in titles]
    assert outlined[0].outline == outlined[1].outline == ()


def test_contents_that_list_the_front_matter_before_them_are_read(tmp_path):
    """« Présentation d'AMORCE | 2 », « Sommaire | 5 »: entries on and before the contents' own page head those pages;
    the contents are not dropped for them (a 66-page study had no section on pages 1 to 47)."""
    from ingest.contents import with_printed_outline

    titles = ["Les usagers", "Les tarifs", "Les aides", "Les travaux"]
    pages = [Page("r.txt", 1, "Présentation\nL'association rassemble les collectivités du réseau.")]
    pages += [Page("r.txt", 2, "Sommaire\nPrésentation | 1\nSommaire | 2\n" + "\n".join(f"{t} | {n}" for n, t in enumerate(titles, start=3)))]
    pages += [Page("r.txt", n, f"{t}\nLe texte de la partie {t.lower()} suit son titre.") for n, t in enumerate(titles, start=3)]
    outlined = with_printed_outline(pages)
    assert [p.outline for p in outlined] == [(("Présentation",),), (("Sommaire",),)] + [((t,),) for t in titles]


# A report without bookmarks nor contents page: parts set in 18 pt, sub-parts in bold 12 pt, text in
# 11 pt, and a running title in 16 pt on every page (no heading). pages: [(part or None, [(sub-part or None, text)])]
FONT_REPORT = [
    ("Le réseau de chaleur", [(None, "Le réseau dessert 4 000 logements depuis 1985."), ("La chaufferie", "La chaufferie brûle des plaquettes forestières.")]),
    (None, [("Les sous-stations", "Chaque immeuble a sa sous-station d'échange.")]),
    ("Les tarifs", [(None, "Le prix de la chaleur est de 75 euros par mégawattheure."), ("Les aides", "Le fonds chaleur finance une partie des travaux.")]),
]


def write_font_report(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    filler = " Ce paragraphe décrit le service en détail pour les copropriétés." * 3
    for part, paragraphs in FONT_REPORT:
        pdf.add_page()
        pdf.set_font("helvetica", size=16)
        pdf.cell(0, 10, "Guide du réseau", new_x="LMARGIN", new_y="NEXT")
        if part:
            pdf.set_font("helvetica", size=18)
            pdf.cell(0, 12, part, new_x="LMARGIN", new_y="NEXT")
        for sub, text in paragraphs:
            if sub:
                pdf.set_font("helvetica", style="B", size=12)
                pdf.cell(0, 8, sub, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("helvetica", size=11)
            pdf.multi_cell(0, 6, text + filler, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


SLIDES = [
    ("Le plan d'action 2022", 25, "Stratégie et gouvernance des services numériques"),
    ("La feuille de route du ministère de la transition écologique", 18, "Écoconception et mesure de l'empreinte"),
    ("Les premiers enseignements", 20, "Un travail sur le long terme, itératif"),
    ("Les aides financières de l'ADEME", 22, "Le pack écoconception finance les diagnostics"),
]


def test_each_slide_of_a_presentation_is_headed_by_its_own_title(tmp_path):
    """A slide deck exported to PDF: landscape pages that say little, each title sized to fit its slide, a running
    header in small print on every slide (most of the deck's letters): each slide's largest heading is its section."""
    from fpdf import FPDF

    from ingest import chunk_pages

    pdf = FPDF(orientation="L", format=(135, 240))
    for title, size, bullet in SLIDES:
        pdf.add_page()
        pdf.set_font("helvetica", size=7)
        pdf.cell(0, 5, "Mission interministérielle numérique écoresponsable - Direction interministérielle du numérique", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", style="B", size=size)
        pdf.multi_cell(0, size * 0.5, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, f"- {bullet}.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "slides.pdf"))
    chunks = chunk_pages(read_file_pages(tmp_path / "slides.pdf"))
    assert [{c.section for c in chunks if c.page == n} for n in range(1, len(SLIDES) + 1)] == [{title} for title, _, _ in SLIDES]


def test_sections_come_from_the_headings_font_sizes_without_outline_or_contents(tmp_path):
    from ingest import chunk_pages

    chunks = chunk_pages(read_file_pages(write_font_report(tmp_path / "guide.pdf")))

    def section_of(phrase: str) -> str:
        (chunk,) = [c for c in chunks if phrase in c.text]
        return chunk.section

    assert section_of("4 000 logements") == "Le réseau de chaleur"
    assert section_of("plaquettes forestières") == f"Le réseau de chaleur{SECTION_SEPARATOR}La chaufferie"
    assert section_of("sa sous-station") == f"Le réseau de chaleur{SECTION_SEPARATOR}Les sous-stations"  # carried to the next page
    assert section_of("75 euros") == "Les tarifs"
    assert section_of("fonds chaleur") == f"Les tarifs{SECTION_SEPARATOR}Les aides"
    assert not any("Guide du réseau" in c.section for c in chunks)  # on every page: a running title, no heading


def test_a_heading_drawn_over_lines_of_two_sizes_is_one_title():
    from ingest.font_headings import page_headings

    lines = [("EXEMPLES", 20.0, True), ("DE RÉALISATIONS D’ENTREPRISE", 13.0, True), ("Un texte courant de la page.", 10.0, False),
             ("QUELS ENJEUX ?", 20.0, True), ("Les entreprises de l’ESS", 13.0, True), ("Un autre texte courant.", 10.0, False)]
    assert page_headings(lines, 10.0) == [("EXEMPLES DE RÉALISATIONS D’ENTREPRISE", 20.0), ("QUELS ENJEUX ?", 20.0), ("Les entreprises de l’ESS", 13.0)]


def test_a_heading_printed_twice_side_by_side_is_read_once_and_runs_when_on_many_pages():
    """A booklet exported as spreads prints its logo on each of two facing pages: extraction reads one large line
    « CoopCycle CoopCycle », which was a heading of its own on the pages that print it twice, and the sections below it
    were cited under it. Read once, it is the same line on every page: a running line, no heading."""
    from ingest.font_headings import page_headings, with_font_outline
    from ingest.types import Page

    assert page_headings([("CoopCycle CoopCycle", 16.0, False), ("Un texte courant.", 10.0, False)], 10.0) == [("CoopCycle", 16.0)]
    logo = [("CoopCycle", 16.0, False), ("CoopCycle CoopCycle", 16.0, False), ("CoopCycle CoopCycle", 16.0, False), ("CoopCycle", 16.0, False)]
    titles = ["Sources de revenus", "Modes de tarification", "Salarisation des travailleurs", "Logistique"]
    body = [f"Le texte courant de la page {n}, assez long pour être le corps du livret." for n in range(1, 5)]
    sized = [[line, (title, 14.0, True), (text, 10.0, False)] for line, title, text in zip(logo, titles, body)]
    pages = [Page("b.pdf", n, f"{line[0]}\n{title}\n{text}") for n, (line, title, text) in enumerate(zip(logo, titles, body), start=1)]
    outlined = with_font_outline(pages, sized)
    assert [page.outline for page in outlined] == [((title,),) for title in titles]


def test_a_long_bold_sentence_that_leads_in_is_no_heading():
    """A sentence in bold that leads in to a figure or a form (« Une fois le document prêt, cliquer sur … puis cliquer sur
    « Ajouter » : ») is no heading: the pages after it are not cited under it."""
    from ingest.font_headings import page_headings

    lead_in = "Une fois le document prêt, cliquer sur « Importer un document pré-rempli », puis remplir les champs de la fenêtre ci-dessous :"
    lines = [("Vos documents pré-remplis", 16.0, True), ("Un texte courant de la page.", 10.0, False), (lead_in, 12.0, True),
             ("Un autre texte courant.", 10.0, False), ("Quels modèles ?", 12.0, True)]
    assert page_headings(lines, 10.0) == [("Vos documents pré-remplis", 16.0), ("Quels modèles ?", 12.0)]


def test_a_size_seen_on_the_front_and_back_covers_only_heads_no_level():
    """A guide whose cover title and back cover (« agriculture.gouv.fr », no text in the body's size) share a size: that
    size is on two pages, but it is no level of the document's structure, and its parts are not cited under the cover's
    title."""
    from ingest.font_headings import with_font_outline

    titles = {1: ("Guide pratique de la restauration durable", 24.0), 2: ("Les enjeux du gaspillage", 16.0),
              3: ("Les actions du guide", 16.0), 4: ("Les annexes du guide", 16.0), 5: ("agriculture.gouv.fr", 24.0)}
    body = "Un texte courant qui se lit sur la page {n} du guide, avec assez de lettres pour faire le corps du texte."
    pages = [Page("guide.pdf", n, f"{titles[n][0]}\n{body.format(n=n)}" if n < 5 else titles[n][0]) for n in titles]
    sized = [[(titles[n][0], titles[n][1], True)] + ([(body.format(n=n), 11.0, False)] if n < 5 else []) for n in titles]
    outlined = with_font_outline(pages, sized)
    assert [page.outline for page in outlined[1:4]] == [((title,),) for title, _ in (titles[2], titles[3], titles[4])]
    # a last page with text in the body's size is no back cover: a short document's parts on its first and last pages
    pages[4] = Page("guide.pdf", 5, f"{titles[5][0]}\n{body.format(n=5)}")
    sized[4] = [(titles[5][0], 24.0, True), (body.format(n=5), 11.0, False)]
    assert with_font_outline(pages, sized)[1].outline == ((titles[1][0], titles[2][0]),)


def test_few_large_lines_make_no_outline():
    from ingest.font_headings import with_font_outline

    pages = [Page("a.pdf", n, f"Titre {n}\nUn texte courant qui se lit page {n}.") for n in (1, 2)]
    sized = [[(f"Titre {n}", 18.0, False), (f"Un texte courant qui se lit page {n}.", 11.0, False)] for n in (1, 2)]
    assert with_font_outline(pages, sized) == pages  # two headings: a cover and a callout, not a structure


# --- numbered notes: a note at the foot of the page answers with the sentence that carries its mark ---


def test_a_pdf_note_is_read_with_the_sentence_of_its_mark(tmp_path):
    from ess_qa import Assistant, build

    (tmp_path / "corpus").mkdir()
    write_pdf(
        tmp_path / "corpus" / "guide.pdf",
        {
            1: "Déclarer son chiffre d'affaires\n"
            "Vous déclarez votre chiffre d'affaires et payez vos cotisations sociales chaque mois ou, sur option, "
            "chaque trimestre (1) sur le site de l'Urssaf. Une déclaration est due même sans chiffre d'affaires.\n"
            "Le versement libératoire de l'impôt se paie avec les cotisations.\n"
            "(1) 31 janvier, 30 avril, 31 juillet et 31 octobre.",
            2: "Assurances\nUne assurance de responsabilité civile professionnelle est obligatoire pour certains métiers du bâtiment.",
        },
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    chunks = " ".join(p.text for p in assistant.search("cotisations chaque trimestre", k=5))
    assert "chaque trimestre (1) [31 janvier, 30 avril, 31 juillet et 31 octobre]" in chunks.replace("\n", " ")
    answer = assistant.ask("Quelles sont les échéances des déclarations trimestrielles ?")
    assert answer.found and "31 juillet" in answer.snippet and "trimestre" in answer.snippet


def test_a_presentations_slide_numbers_in_its_outline_name_no_section(tmp_path):
    """A presentation exported to PDF names its outline's entries 'Diapositive 3 Indications liminaires', 'Diapositive 4':
    the section is the slide's title, and a slide without one goes on the section before it."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    from ingest import chunk_pages

    slides = [
        ("Diapositive 1 Indications liminaires", "Le rapport est présenté au conseil municipal deux mois avant le vote du budget."),
        ("Diapositive 2", "Il est mis en ligne sur le site internet de la commune dans les quinze jours."),
        ("Diapositive 3 Etat de la dette", "Le capital restant dû s'élève à 7,3 millions d'euros au 1er janvier."),
    ]
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _, body in slides:
        pdf.add_page()
        pdf.multi_cell(0, 8, " ".join([body] * 3), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "plain.pdf"))
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    for number, (title, _) in enumerate(slides):
        writer.add_outline_item(title=title, page_number=number, fit=Fit.fit())
    writer.write(tmp_path / "slides.pdf")

    chunks = chunk_pages(read_file_pages(tmp_path / "slides.pdf"))
    sections = [{c.section for c in chunks if body[:30] in c.text} for _, body in slides]
    assert sections == [{"Indications liminaires"}, {"Indications liminaires"}, {"Etat de la dette"}]


def test_bookmarks_named_after_merged_files_name_no_section(tmp_path):
    """A PDF merged from several files may be given one bookmark per file, named after it ('1 (003).pdf', 'Page pour
    équilibre3.pdf'): no section is a file's name; a real heading bookmarked under one is its pages' section."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    from ingest import chunk_pages

    bodies = [
        "Le réseau de chaleur dessert les bâtiments publics de la commune depuis sa création.",
        "La facture de l'abonné comprend une part fixe et une part proportionnelle à sa consommation.",
        "La police d'abonnement fixe les conditions de fourniture de la chaleur à chaque abonné.",
    ]
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for body in bodies:
        pdf.add_page()
        pdf.multi_cell(0, 8, " ".join([body] * 3), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "plain.pdf"))
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    writer.add_outline_item(title="1 (003).pdf", page_number=0, fit=Fit.fit())
    writer.add_outline_item(title="Page pour équilibre3.pdf", page_number=1, fit=Fit.fit())
    merged = writer.add_outline_item(title="4 (003).pdf", page_number=2, fit=Fit.fit())
    writer.add_outline_item(title="Modèle de police d'abonnement", page_number=2, parent=merged, fit=Fit.fit())
    writer.write(tmp_path / "merged.pdf")

    chunks = chunk_pages(read_file_pages(tmp_path / "merged.pdf"))
    assert not any(".pdf" in c.section for c in chunks)
    assert {c.section for c in chunks if bodies[2][:30] in c.text} == {"Modèle de police d'abonnement"}


# A notice without bookmarks whose headings are numbered, in bold at the text's size: « 1- », « 1.1 » (a question),
# « 2. », « 2.1. »; a numbered list set as paragraphs of their own is no heading.
NUMBERED_NOTICE = [
    ("1- Informations générales", "La procédure est prévue aux articles du code de l'environnement."),
    ("1.1 Dans quels cas remplir le formulaire ?", "Le formulaire sert aux projets soumis à examen au cas par cas."),
    ("1.2 Quelle autorité saisir ?", "L'autorité est en règle générale le préfet de région."),
    ("2. Modalités pratiques", "Les étapes de la demande sont les suivantes :"),
    (None, "1. Remplir le formulaire"),
    (None, "2. Joindre les annexes"),
    (None, "3. Envoyer le dossier"),
    ("2.1. Délais (à respecter)", "L'autorité dispose d'un délai de 35 jours pour prendre sa décision."),
]


def write_numbered_notice(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for heading, text in NUMBERED_NOTICE:
        if heading:
            pdf.set_font("helvetica", style="B", size=11)
            pdf.cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 6, " ", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_numbered_headings_make_the_sections_of_a_pdf_without_outline(tmp_path):
    from ingest import chunk_pages

    chunks = chunk_pages(read_file_pages(write_numbered_notice(tmp_path / "notice.pdf")))

    def section_of(phrase: str) -> str:
        return next(c.section for c in chunks if phrase in c.text)

    assert section_of("articles du code") == "1- Informations générales"
    assert section_of("examen au cas par cas") == f"1- Informations générales{SECTION_SEPARATOR}1.1 Dans quels cas remplir le formulaire ?"
    assert section_of("préfet de région") == f"1- Informations générales{SECTION_SEPARATOR}1.2 Quelle autorité saisir ?"
    assert section_of("Joindre les annexes") == "2. Modalités pratiques"  # a list's items are no headings
    assert section_of("35 jours") == f"2. Modalités pratiques{SECTION_SEPARATOR}2.1. Délais (à respecter)"


def _sections_of_pages(path, pages: tuple[str, ...]):
    """A real PDF of these pages (fpdf2, one text each), chunked: the section of the first chunk that holds a phrase."""
    from ingest import chunk_pages

    write_text_pdf(path, pages, size=11, line_height=6)
    chunks = chunk_pages(read_file_pages(path))
    return chunks, lambda phrase: next(c.section for c in chunks if phrase in c.text)


def test_an_orders_articles_and_annexes_make_the_sections_of_a_pdf_without_outline(tmp_path):
    """A prefect's order has no outline: its titled articles (« Article 2 : Période d'activation », a title that wraps
    after « de ») are sub-parts and its annexes parts, so a line under them cites them; an article whose first
    sentence follows its number (« Article 6 - Ces plaques sont apposées … ») and the list of the annexes in its
    contents are no headings."""
    chunks, section_of = _sections_of_pages(tmp_path / "arrete.pdf", (
        "SOMMAIRE\nArticle 1er : Objet\nArticle 2 : Période d'activation\nAnnexe n°1 : Liste des communes",
        "ARRÊTE\nArticle 1er : Objet\nLe présent arrêté réglemente l'usage du feu dans les zones boisées du département.\n\n"
        "Article 2 : Période d'activation de la vigilance incendie de\nforêt\nLe présent arrêté s'applique entre le 15 juin et le 15 septembre.\n\n"
        "Article 6 - Ces plaques sont apposées sur la façade de chaque\nimmeuble par les soins de la commune.",
        "Annexe n°1 : Liste des communes et de leur zone\nAIGALIERS 04 - GARDON VIDOURLE\nUZES 04 - GARDON VIDOURLE",
    ))
    assert section_of("réglemente l'usage du feu") == "Article 1er : Objet"
    assert section_of("15 juin et le 15 septembre") == "Article 2 : Période d'activation de la vigilance incendie de forêt"
    assert section_of("apposées sur la façade") == "Article 2 : Période d'activation de la vigilance incendie de forêt"
    assert section_of("UZES") == "Annexe n°1 : Liste des communes et de leur zone"
    assert not any("Annexe" in c.section for c in chunks if c.page < 3)


def test_an_annex_title_on_the_line_after_its_number_and_a_list_of_annexes(tmp_path):
    """« Annexe n°1 : » alone on its line takes its title from the next one; an order's list of its annexes, one after
    the other with no text under them, makes no section (the page after it is not under the last annex listed)."""
    _, section_of = _sections_of_pages(tmp_path / "arrete.pdf", (
        "Le présent arrêté comporte les annexes suivantes.\n\nAnnexe 1 : Dispositifs d'extinction\n\nAnnexe 2 : Carte des zones",
        "Les maires sont chargés de l'exécution du présent arrêté dans leur commune.",
        "Annexe n°1 :\nDispositifs d'extinction et moyens de sécurité\nUn extincteur de 9 litres à eau est placé à portée de main.",
    ))
    assert section_of("chargés de l'exécution") == ""
    assert section_of("9 litres à eau") == "Annexe n°1 : Dispositifs d'extinction et moyens de sécurité"


def test_a_title_printed_at_the_top_but_read_last_heads_its_whole_page(tmp_path):
    """A page designed with its title set last (pypdf reads it after the text) is still under that title: the title is
    printed above all of the page's text, so its section starts at the page's top, not the previous page's."""
    from fpdf import FPDF

    from ingest import chunk_pages

    pages = [("Le réseau de chaleur", "Le réseau dessert 4 000 logements depuis 1985."),
             ("Les sous-stations", "Chaque immeuble a sa sous-station d'échange."),
             ("Les tarifs", "Le prix de la chaleur est de 75 euros par mégawattheure.")]
    pdf = FPDF()
    filler = " Ce paragraphe décrit le service en détail pour les copropriétés." * 3
    for title, text in pages:
        pdf.add_page()
        pdf.set_xy(10, 40)
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text + filler, new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(10, 15)  # drawn last, printed first
        pdf.set_font("helvetica", size=18)
        pdf.cell(0, 12, title)
    pdf.output(str(tmp_path / "guide.pdf"))
    chunks = chunk_pages(read_file_pages(tmp_path / "guide.pdf"))
    for title, text in pages:
        (chunk,) = [c for c in chunks if text[:30] in c.text]
        assert chunk.section == title, (chunk.section, title)
