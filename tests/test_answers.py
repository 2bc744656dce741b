"""Answers: the short cited extract (snippet) and "the report does not say" (found=False)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ess_qa import Answer
from ess_qa.cli import main as cli_main
from ess_qa.evaluation import contains_evidence, evaluate
from ess_qa.questions import asks_authorship, question_measure, question_type
from ingest.french import CREDITS_RE, folded_content_words, match_key

DATA = Path(__file__).resolve().parent / "data"
SNIPPET_LIMIT = 400


def page_text(assistant, source: str, page: int) -> str:
    return "\n".join(c.text for c in assistant.store.chunks if c.source == source and c.page == page)


def check_snippet(assistant, answer: Answer) -> None:
    """A snippet is short, cited, and its text stands on the cited page (each line: a list's items are
    shown by their start)."""
    assert answer.found and answer.snippet
    assert len(answer.snippet) <= SNIPPET_LIMIT
    cited = next(p for p in answer.passages if p.citation == answer.snippet_citation)
    page = match_key(page_text(assistant, cited.source, cited.page))
    for line in answer.snippet.split("\n"):
        assert match_key(line.strip("•… ")) in page, line


@pytest.mark.parametrize(
    "question, kind, evidence",
    [
        ("Combien de communes compte Bordeaux Métropole ?", "number", r"\b28\b"),
        ("Combien de salariés compte l'ESS à Bordeaux Métropole ?", "number", r"36 515"),
        ("En quelle année l'Avise a-t-elle été créée ?", "date", r"2002"),
        ("Quand le Conseil de l'ESS de Strasbourg a-t-il été mis en place ?", "date", r"2010"),
        ("Qui est la présidente du RTES ?", "person", r"Christiane Bouchart"),
        ("Où se trouve le siège de Nantes Métropole ?", "place", r"(?i)2 cours du champs de mars"),
        ("Qu'est-ce que la Social Cup ?", "definition", r"Makesense"),
    ],
)
def test_snippet_answers_each_question_type(assistant, question, kind, evidence):
    assert question_type(question) == kind
    answer = assistant.ask(question, k=5)
    check_snippet(assistant, answer)
    assert re.search(evidence, answer.snippet) or any(re.search(evidence, p.text) for p in answer.passages[:3]), answer.snippet


@pytest.mark.parametrize(
    "question",
    [
        "Quelle est la capitale du Japon ?",
        "Comment réinitialiser le mot de passe de ma box internet ?",
        "What is the boiling point of water at sea level?",
        "Quelle est la meilleure recette de la tarte Tatin ?",
        "L'Anah finance-t-elle les projets d'économie sociale et solidaire des métropoles ?",  # a body the report never names, first
        "How does Angers Loire Métropole support the social and solidarity economy?",  # a metropolis it never names, in English
        "Combien de projets l'incubateur Lille-Wazemmes a-t-il accompagnés ?",  # a name of which the report has one part only
        "Combien de métropoles y a-t-il en France ?",  # the report's subject, named everywhere, counted only for its survey
    ],
)
def test_out_of_scope_questions_get_no_snippet(assistant, question):
    answer = assistant.ask(question, k=3)
    assert answer.found is False
    assert answer.snippet is None and answer.snippet_citation is None
    assert answer.passages  # the closest passages are still shown, as such


def holds_what_is_asked(question: str, line: str) -> bool:
    """Whether a line holds what the question's type asks for (ess_qa.evidence.type_matches), the question read as answering reads it."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_measure, question_type
    from ingest.french import folded_content_words

    return type_matches(line, question_type(question), folded_content_words(question), question_measure(question))


def test_an_answer_to_a_figure_question_shows_its_figure(assistant):
    """Every answered "combien", "quel montant", "quel pourcentage", "quand" ... question of the dev and
    held-out sets shows the figure it asks for in its snippet, not only somewhere in the sentence it was cut from."""
    from ess_qa.answering import STRICT_TYPES
    from ess_qa.evaluation import load_questions

    questions = [q.question for name in ("dev.jsonl", "heldout.jsonl") for q in load_questions(DATA / name) if question_type(q.question) in STRICT_TYPES]
    answers = assistant.batch(questions, k=5)
    assert len(questions) >= 20 and sum(a.found for a in answers) >= 15
    for question, answer in zip(questions, answers):
        if answer.found:
            assert holds_what_is_asked(question, answer.snippet), (question, answer.snippet)


def test_a_window_keeps_a_figure_written_over_several_words():
    from ess_qa.answering import held_terms
    from ess_qa.shortening import shorten
    from ingest.numbers import holds_money

    line = "Elle investit 2,6 millions d’euros d’aides directes. " + ("Une suite sans rapport aucun. " * 12) + "Ces aides de la métropole soutiennent la création d’activités ESS."
    cut = shorten(line, 300, wanted=held_terms(frozenset({"metro", "aides", "activ"}), "prefix5"), needed=holds_money)
    assert "2,6 millions d’euros" in cut, cut


def test_dev_set_answer_figures(assistant):
    report = evaluate(assistant, DATA / "dev.jsonl", k=5)
    assert report["out_of_scope"]["abstention"] == 1.0, report["out_of_scope"]
    assert report["overall"]["false_abstention"] <= 0.05, report["overall"]
    assert report["overall"]["answer@1"] >= 0.5, report["overall"]


def test_every_snippet_of_the_question_sets_is_short_and_cited_on_its_page(assistant):
    questions = [json.loads(line)["question"] for path in ("dev.jsonl", "heldout.jsonl", "unseen.jsonl") for line in (DATA / path).read_text(encoding="utf-8").splitlines() if line.strip()]
    for answer in assistant.batch(questions, k=5):
        if answer.found:
            check_snippet(assistant, answer)


def test_batch_gives_the_same_answers_as_ask(assistant):
    questions = ["Combien de collectivités adhèrent au RTES ?", "Quelle est la capitale du Japon ?"]
    assert assistant.batch(questions, k=4) == [assistant.ask(q, k=4) for q in questions]


def test_cli_shows_the_snippet_first_and_says_when_the_report_does_not_answer(report_index_dir, capsys):
    assert cli_main(["ask", "Combien de communes compte Bordeaux Métropole ?", "--index-dir", str(report_index_dir), "--k", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Réponse : ")
    assert out.index("Réponse") < out.index("[1] ")
    assert cli_main(["ask", "Quelle est la capitale du Japon ?", "--index-dir", str(report_index_dir), "--k", "2"]) == 0
    out = capsys.readouterr().out
    assert "ne semble pas répondre" in out and "Réponse :" not in out


def test_json_and_batch_outputs_carry_snippet_and_found(report_index_dir, tmp_path, capsys):
    assert cli_main(["ask", "Qu'est-ce que la Social Cup ?", "--index-dir", str(report_index_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] is True and data["snippet"] and data["snippet_citation"].startswith("metropoles-ess.txt · p. ")
    questions = tmp_path / "q.txt"
    questions.write_text("Qu'est-ce que la Social Cup ?\nQuelle est la capitale du Japon ?\n", encoding="utf-8")
    out = tmp_path / "answers.jsonl"
    assert cli_main(["batch", str(questions), "--out", str(out), "--index-dir", str(report_index_dir)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["found"] for r in rows] == [True, False]
    assert rows[0]["snippet"] and rows[1]["snippet"] is None


def test_snippet_holds_the_evidence_on_english_questions_too(assistant):
    answer = assistant.ask("How many metropolises were surveyed for the study?", k=5)
    assert answer.found
    assert contains_evidence(" ".join(p.text for p in answer.passages[:3]), ("22 métropoles",))


def test_a_follow_up_asks_of_what_the_previous_question_quoted():
    """After the page's example « Que dit le document sur « Edito » ? », « et le contact ? » asks the same of the
    contact; it was read as « Que dit le document sur « Edito » le contact ? » and refused."""
    from ess_qa.questions import complete_follow_up

    assert complete_follow_up("et le contact ?", "Que dit le document sur « Edito » ?") == "Que dit le document sur « le contact » ?"
    assert complete_follow_up("Et à Lyon ?", "Que dit le document sur « Edito » ?") == "Que dit le document sur « Lyon » ?"
    assert complete_follow_up("Et à Bordeaux ?", "Combien d'habitants compte Nantes Métropole ?") == "Combien d'habitants compte Bordeaux ?"


def test_a_follow_up_replaces_one_name_or_year_of_the_previous_question_and_keeps_the_others():
    """Every name of the previous question was taken out: « l'ESS … dans l'Ouest guyanais », then « Et dans la CACL ? »,
    was read « l' représente-t-elle dans l' guyanais dans la CACL »; « produits EGAlim … applicables à Mayotte, période
    par période », then « Et pour Saint-Pierre-et-Miquelon ? », lost « EGAlim » and left « à , »; « Et en 2025 ? »
    after a question on 2024 asked of both years."""
    from ess_qa.questions import complete_follow_up

    assert complete_follow_up("Et dans la CACL ?", "Quelle part de l'emploi privé l'ESS représente-t-elle dans l'Ouest guyanais ?") == "Quelle part de l'emploi privé l'ESS représente-t-elle dans la CACL guyanais ?"
    assert complete_follow_up("Et pour Saint-Pierre-et-Miquelon ?", "Quels sont les seuils de produits EGAlim et bio applicables à Mayotte, période par période ?") == "Quels sont les seuils de produits EGAlim et bio applicables à Saint-Pierre-et-Miquelon, période par période ?"
    assert complete_follow_up("Et selon Ecodiag ?", "Quelle est l'empreinte des écrans selon l'outil NumEcoDiag ?") == "Quelle est l'empreinte des écrans selon l'outil Ecodiag ?"
    assert complete_follow_up("Et en 2025 ?", "Quel est le montant de l'avantage en nature d'un repas en 2024 ?") == "Quel est le montant de l'avantage en nature d'un repas en 2025 ?"
    assert complete_follow_up("And in Lyon?", "What is the ESS budget of Lille?") == "What is the ESS budget of Lyon?"
    # a kind of what the previous question asked of: the phrase with the same noun (« pour les enjeux ponctuels pour
    # les enjeux linéaires » was asked, and the ponctual ones answered again)
    assert complete_follow_up("Et pour les enjeux linéaires ?", "Quelle symbologie utiliser pour les enjeux ponctuels ?") == "Quelle symbologie utiliser pour les enjeux linéaires ?"
    assert complete_follow_up("Et pour les véhicules lourds ?", "Quel objectif pour les véhicules légers des hôpitaux ?") == "Quel objectif pour les véhicules lourds des hôpitaux ?"
    assert complete_follow_up("Et les enjeux ?", "Quelle couleur pour les enjeux de la commune ?") == "Quelle couleur pour les enjeux de la commune ?"


def test_a_term_is_quoted_in_french_english_or_typewriter_quotation_marks():
    """« venaisons », “venaisons” and "repas de chasse" are quoted terms (a second pattern of the same name, for
    follow-ups, had replaced the first with « » only)."""
    from ess_qa.questions import complete_follow_up, quoted_term

    assert quoted_term("Que veut dire « venaisons » ?") == quoted_term("Que veut dire “venaisons” ?") == "venaisons"
    assert quoted_term('Qu\'est-ce qu\'un "repas de chasse" ?') == "repas de chasse"
    assert complete_follow_up("et le contact ?", 'Que dit le document sur "Edito" ?') == 'Que dit le document sur "le contact" ?'


def test_a_follow_up_question_is_completed_with_the_previous_one(assistant):
    answer = assistant.ask("Et à Bordeaux ?", k=3, previous="Combien d'habitants compte Nantes Métropole ?")
    assert "habitants" in answer.question and "Bordeaux" in answer.question and "Nantes" not in answer.question
    assert answer.found and "783 000" in answer.snippet
    assert "Bordeaux Métropole" in answer.snippet_citation
    # a question that stands on its own is left as it is
    alone = assistant.ask("Quelles métropoles ont adopté un SPASER en 2016 ?", k=3, previous="Qui préside Nantes Métropole ?")
    assert alone.question == "Quelles métropoles ont adopté un SPASER en 2016 ?"


@pytest.mark.parametrize(
    "question, evidence",
    [
        # a list announced by a sentence ending with ':' is shown with its first items
        ("Quelles particularités présentent les SCIC ?", "activité économique d’intérêt collectif"),
        ("Selon le CISCA, quelles sont les deux dimensions de l'innovation sociale ?", "réponse aux besoins sociaux"),
        # a table row is read with its label: the metropolis and its value
        ("Quelle direction suit l'ESS à Clermont-Auvergne Métropole ?", "Dynamiques économique et de l’emploi"),
        # a name opening a line (a signature) is a name
        ("Qui est la présidente de Nantes Métropole ?", "Johanna Rolland"),
    ],
)
def test_snippet_holds_the_answer_of_lists_table_rows_and_signatures(assistant, question, evidence):
    answer = assistant.ask(question, k=5)
    check_snippet(assistant, answer)
    assert match_key(evidence) in match_key(answer.snippet), answer.snippet


def test_names_are_found_at_the_start_of_a_line_but_not_a_capitalised_article():
    from ess_qa.evidence import names

    assert names("Johanna Rolland, Présidente de Nantes Métropole") == ["Johanna Rolland", "Nantes Métropole"]
    assert names("Les Ecossolies Nantes ont créé un lieu.") == ["Ecossolies Nantes"]
    assert names("Le réseau grandit. Christiane Bouchart préside.") == ["Christiane Bouchart"]
    assert names("La coopérative est née.") == []


@pytest.mark.parametrize(
    "question, searched",
    [
        # the document as the source of what is asked: every page of it need not name itself
        ("qui represente les associations au niveau national selon le panorama", "qui represente les associations au niveau national"),
        ("Quelles banques le panorama présente-t-il ?", "Quelles banques présente-t-il ?"),
        ("Pourquoi l'empreinte eau n'est pas prise en compte dans l'étude ?", "Pourquoi l'empreinte eau n'est pas prise en compte ?"),
        ("Qu'est-ce qu'un label, tel que le définit cette note ?", "Qu'est-ce qu'un label ?"),
        ("Qu'est-ce qu'un cookie selon cette politique de confidentialité ?", "Qu'est-ce qu'un cookie ?"),
        ("Qui peut utiliser l'outil d'après cette charte", "Qui peut utiliser l'outil"),
        ("Quels champs sont obligatoires d'après ce questionnaire ?", "Quels champs sont obligatoires ?"),  # a form's guide
        ("Que dit la charte selon cette politique sur les cookies ?", "Que dit la charte selon cette politique sur les cookies ?"),
        # a document asked about, or one of its own kind that the question names, stays
        ("Quand le rapport est-il rendu ?", "Quand le rapport est-il rendu ?"),
        ("Qui a rédigé ce guide méthodologique ?", "Qui a rédigé ce guide méthodologique ?"),
        ("Que contient la note de synthèse ?", "Que contient la note de synthèse ?"),
        ("Quels chiffres figurent dans le rapport de la Cour des comptes ?", "Quels chiffres figurent dans le rapport de la Cour des comptes ?"),
        # « rendre » and the word after it make one verb: that word is asked, not « compte rendu »'s « rendu »
        ("Comment la décision doit-elle être rendue publique ?", "Comment la décision doit-elle être publique ?"),
        ("Que contient le compte rendu de la réunion ?", "Que contient le compte rendu de la réunion ?"),
        ("Que contient le compte rendu annuel ?", "Que contient le compte rendu annuel ?"),
        ("Qui rend le rapport ?", "Qui rend le rapport ?"),
        # how, asked with a noun that names nothing asked about
        ("Par quels moyens peut-on transmettre sa demande ?", "comment peut-on transmettre sa demande ?"),
        ("De quelle manière la collecte est-elle organisée ?", "comment la collecte est-elle organisée ?"),
        ("Par quel moyen de paiement régler la facture ?", "Par quel moyen de paiement régler la facture ?"),
        # the discourse markers of spoken French frame what is asked and name nothing
        ("le classement a permis de raccorder combien de logements au final ?", "le classement a permis de raccorder combien de logements ?"),
        ("CoMobi, ça marche comment concrètement ?", "CoMobi, ça marche comment ?"),
        ("Quel genre de projets ?", "Quel genre de projets ?"),
        # where the document uses a term a definition question asks of; not what a list question asks the document shows
        ("Que désigne l'abréviation TEE employée tout au long du rapport ?", "qu'est-ce que TEE ?"),
        ("Quels sont les partenaires présentés dans le livret du plateau ?", "Quels sont les partenaires présentés dans le livret du plateau ?"),
    ],
)
def test_question_content_drops_the_document_as_source_and_the_rendering_verb(question, searched):
    """« Comment la décision de classement doit-elle être rendue publique ? » was answered by a line on a CRAC
    (« compte-rendu annuel »), and « … selon le panorama » ranked the panorama's own introduction first."""
    from ess_qa.questions import question_content

    assert question_content(question) == searched


def test_the_impersonal_modal_is_no_word_to_search():
    """« Quels types d'effets faut-il décrire … ? » ranked first « Il faut entendre par « effets de nature
    transfrontière » … »: « faut » weighed most of the question's words, as « doit » never did."""
    from ingest.french import content_words

    assert content_words("Quels types d'effets faut-il décrire ? Il faudra le dire.") == ["types", "effets", "décrire", "dire"]
    assert "must" not in content_words("Which system must be used?")


@pytest.mark.parametrize(
    "question, focus",
    [
        ("Combien d'habitants compte Brest Métropole ?", "habitants"),
        ("Quelle est la population de Rennes Métropole ?", "population"),
        ("Quels réseaux de financement la métropole soutient-elle ?", "réseaux"),
        ("Avec quel logiciel la métropole suit-elle les clauses ?", "logiciel"),
        ("Quels types d'établissements sont concernés ?", "établissements"),  # a kind of its complement
        ("What kinds of companies can join?", "companies"),
        ("How many cities belong to the network?", "cities"),
        ("What is the population of Lyon?", "population"),
        ("Qu'est-ce que la Social Cup ?", None),
        # no noun asked about: the verb asked of the subject, after an opening « qui » or an inverted pronoun
        ("En quelle année l'Avise a-t-elle été créée ?", "créée"),  # the date type asks for the year
        ("Qui pilote et anime le Parcours ADRESS ?", "pilote"),
        ("Qui est responsable de la télédéclaration ?", "responsable"),
        ("Par qui le guide a-t-il été rédigé ?", "rédigé"),
        ("Comment la décision doit-elle être publiée ?", "publiée"),
        ("Comment la cuisine centrale a-t-elle pu acheter ses bacs inox ?", "acheter"),  # what it could do
        ("Un remblai qui soustrait 2 000 m² relève de quel régime ?", "régime"),
        ("Quel est le nombre de logements raccordés ?", "logements"),  # a number of its complement
        ("nombre annexes instruction technique gibier", "annexes"),  # a keyword query
        ("quel nombre faut il prevoir", "nombre"),  # in a sentence, a verb follows: no complement
    ],
)
def test_question_focus_is_the_noun_asked_about(question, focus):
    from ess_qa.questions import question_focus

    assert question_focus(question) == focus


@pytest.mark.parametrize(
    "question",
    [
        "Combien de salariés l'ESS emploie-t-elle à Dijon Métropole ?",  # no fact sheet, no figure for Dijon
        "Combien d'emplois l'ESS représente-t-elle à Grenoble ?",  # the closest figures are Rennes'
    ],
)
def test_a_question_about_a_place_no_passage_found_speaks_of_is_not_answered_with_another_place(assistant, question):
    answer = assistant.ask(question, k=5)
    assert answer.found is False, answer.snippet
    assert answer.snippet is None


def test_a_named_place_is_looked_for_on_the_whole_page_of_the_passage(assistant):
    # Bordeaux's figures are on its fact sheet; the question's names must be on the snippet's page
    answer = assistant.ask("Combien de salariés compte l'ESS à Bordeaux Métropole ?", k=5)
    check_snippet(assistant, answer)
    assert "36 515" in answer.snippet


ROW_QUESTIONS = {  # the two tables of pages 33 and 34: each metropolis's elected official, and department
    33: ("Quelle est la délégation de l'élu référent ESS de {label} ?", "Quel élu porte l'ESS à {label} ?"),
    34: ("Quelle direction porte l'ESS à {label} ?", "Dans quel service l'ESS est-elle rattachée à {label} ?"),
}


def test_table_rows_are_found_and_shown_for_the_metropolis_named(assistant):
    from ingest.units import ROW_SEPARATOR, row_label

    rows = []
    for position, text in assistant.store.unit_texts:
        page = assistant.store.chunks[position].page
        if page in ROW_QUESTIONS and row_label(text) and len(text.split(ROW_SEPARATOR, 1)[1]) > 12:
            rows.append((page, row_label(text), text.split(ROW_SEPARATOR, 1)[1]))
    assert len(rows) >= 25
    shown = first = asked = 0
    for page, label, value in rows:
        for template in ROW_QUESTIONS[page]:
            answer = assistant.ask(template.format(label=label), k=5)
            shown += bool(answer.snippet) and match_key(value[:40]) in match_key(answer.snippet)
            first += match_key(value[:40]) in match_key(answer.passages[0].text)
            asked += 1
    # measured 57/64 and 57/64 (a few rows are split by the extraction: 'Non Rennes Métropole')
    assert shown / asked >= 0.8 and first / asked >= 0.8, (shown, first, asked)


def test_a_table_header_that_echoes_the_question_is_never_the_answer(assistant):
    answer = assistant.ask("Quel est l'élu référent ESS de Toulouse Métropole ?", k=5)
    assert not answer.snippet.startswith("Métropole Élu référent ESS"), answer.snippet


def test_a_long_sentence_is_cut_to_a_window_that_keeps_what_follows_the_question_terms(assistant):
    from ess_qa.answering import SNIPPET_TARGET, held_terms
    from ess_qa.shortening import CLAUSE_ROOM, WINDOW_ROOM, shorten

    unit = ("Introduction sans rapport avec la question posée, " * 6) + "le fonds soutient les lieux partagés Hévéa et la Friche, " + ("puis une suite sans rapport. " * 6)
    window = shorten(unit, SNIPPET_TARGET, wanted=held_terms(frozenset({"lieux", "parta"}), "prefix5"))
    # the size asked, grown at most to CLAUSE_ROOM times it to finish a clause, and the marks of the cuts
    assert len(window) <= CLAUSE_ROOM * SNIPPET_TARGET + 4 and "Hévéa et la Friche" in window
    after = window.split("partagés", 1)[1]
    assert len(after) >= WINDOW_ROOM


def test_a_window_that_must_show_a_figure_shows_it_whole_with_the_question_words():
    from ess_qa.shortening import shorten

    unit = (
        "Un taux réduit de 5,5 % de la TVA peut s’appliquer aux abonnements relatifs aux livraisons d’énergie calorifique "
        "distribuée par les réseaux (quelles que soient les sources d’énergie utilisées en amont pour la production de chaleur) "
        "et à la fourniture de l’énergie calorifique elle-même, lorsque le réseau est alimenté par au moins 50 % d’EnR&R."
    )
    question_terms = {"taux": "taux", "TVA": "tva", "chaleur)": "chale"}
    window = shorten(unit, 300, wanted=lambda word: {question_terms[word]} if word in question_terms else set(), needed=lambda text: "%" in text)
    assert "5,5 % de la TVA" in window  # not '… alimenté par au …', whose figure is cut off
    for words in ("50", "au moins"):
        assert not window.rstrip(" …").endswith(words)


def test_a_figure_window_runs_on_past_question_words_said_again_after_the_figure():
    from ess_qa.shortening import shorten

    unit = (
        "- diffuser à tous les utilisateurs la conduite à tenir et la liste des personnes à contacter en cas d’incident de "
        "sécurité ou de survenance d’un événement inhabituel touchant aux systèmes d’information et de communication de "
        "l’organisme ; - tenir un registre interne de toutes les violations de données personnelles ; - notifier à la CNIL, "
        "dans les 72 heures, les violations présentant un risque pour les droits et libertés des personnes et, en cas de "
        "risque élevé, informer les personnes concernées pour qu’elles puissent en limiter les conséquences."
    )
    terms = {"violations": "viola", "données": "donne", "personnelles": "perso", "personnes": "perso", "notifier": "notif", "CNIL,": "cnil"}
    window = shorten(unit, 300, wanted=lambda word: {terms[word]} if word in terms else set(), needed=lambda text: "72 heures" in text)
    # « les violations » after the figure repeats a question word: what the deadline is for still follows it
    assert "à la CNIL, dans les 72 heures, les violations présentant un risque" in window


def test_a_figure_window_does_not_take_a_date_s_day_for_the_figure():
    """« Combien de lignes … la norme AFNOR XPZ 10-011 … ? »: the window stopped before « 6 lignes maximum », taking « … du
    19 » of « du 19 janvier 2013 » (four words read alone) for the count asked; read with the words after it, it is a date."""
    from ess_qa.evidence import type_matches
    from ess_qa.shortening import shorten

    unit = (
        "Norme AFNOR XPZ 10-011 du 19 janvier 2013 En vigueur (concerne l'adresse postale seulement) Cette norme payante est "
        "de ce fait ni obligatoire ni exigible aux communes pour l'adresse des locaux. Norme technique non contraignante pour "
        "la dénomination elle-même, cette norme a vocation à faciliter le traitement d'une adresse dans les systèmes de tri "
        "postal : 6 lignes maximum (7 avec l'international), 38 caractères au plus par ligne."
    )
    terms = {"Norme": "norme", "norme": "norme", "AFNOR": "afnor", "XPZ": "xpz", "postale": "posta", "postal": "posta", "lignes": "ligne"}
    asked = {"combien", "lignes", "caracteres", "ligne", "norme", "afnor", "xpz", "10", "011", "adresse", "postale"}
    window = shorten(unit, 300, wanted=lambda word: {terms[word]} if word in terms else set(),
                     needed=lambda text: type_matches(text, "number", asked, "count", "lignes"))
    assert "6 lignes maximum" in window, window


def test_a_how_many_question_gets_a_sentence_with_a_count_not_a_year():
    from ess_qa.evidence import type_matches
    from ingest.french import folded_content_words

    words = folded_content_words("Combien de collectivités adhèrent au RTES ?")
    assert not type_matches("Europe et ESS, Septembre 2018, collection RepèrESS", "number", words)
    assert type_matches("Plus de 130 collectivités rejoignent le RTES", "number", words)
    assert type_matches("2 023 nouveaux emplois ont été créés", "number", words)  # grouped digits: a count
    assert type_matches("voté en 2004 la création", "date", folded_content_words("Quand a-t-il été créé ?"))


def test_a_where_question_is_answered_by_an_address_or_a_line_that_says_where_and_not_by_a_place_taken():
    """« Où se trouvent les locaux du RTES ? » was answered by « renforcer la place de l'ESS … » (« place » read as a
    square) and « Où se trouve le siège d'AMORCE ? » by « … afin de trouver un compromis » (« se trouve » read as a
    word of what is asked)."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_content, question_type
    from ingest.french import folded_content_words

    question = question_content("Où se trouvent les locaux du RTES ?")
    assert question == "Où sont les locaux du RTES ?" and question_type(question) == "place"
    assert question_content("Où est situé le siège d'AMORCE ?") == "Où est le siège d'AMORCE ?"
    words = folded_content_words(question)
    where = (
        "Contact La Grappe – 75 rue Léon Gambetta, 59000 Lille",
        "ANCT, 20, avenue de Ségur TSA 10717",
        "Situé sur la friche industrielle de l'ancienne COOP Alsace, l'espace appartient à la SEM",
        # a named place after the preposition that says where, not the question's own name
        "Uzaje a ouvert à ce jour deux centres, à Neuilly-sur-Marne et Avignon",
        "Dans le Lot, 700 trajets proposés à travers le département en un an",
    )
    nowhere = (
        "Guide pratique, renforcer la place de l'ESS dans les contrats de ville, Juillet 2019",
        "Une prime a été mise en place pour les collectivités",
        "Le RTES a été créé en 2004.",
        "A partir de 2020, le réseau compte 150 adhérents.",
        "Ils le font dans le respect des règles.",
    )
    assert all(type_matches(text, "place", words) for text in where)
    assert not any(type_matches(text, "place", words) for text in nowhere)


def test_a_french_definition_defines_every_word_asked():
    """« Qu'est-ce que l'activité principale d'une unité statistique ? » was answered by « … chaque unité constitue une
    entité spécifique … », which defines a unit, the line that defines the main activity of a unit found second; plural
    and singular are one word (« projets alimentaires territoriaux (PAT) » for « un projet alimentaire territorial »).
    An English question's words are not the text's: not asked of it."""
    import numpy as np

    from ess_qa.evidence import QuestionProfile
    from ess_qa.questions import defined_words

    def asked(question: str, french: bool = True) -> QuestionProfile:
        return QuestionProfile([], np.zeros(0), set(), "definition", np.zeros(1), defined=defined_words(question), defined_whole=french)

    main = asked("Qu'est-ce que l'activité principale d'une unité statistique ?")
    assert main.answered_by("L’activité principale d’une unité statistique est l’activité qui contribue le plus à la valeur ajoutée totale.")
    assert not main.answered_by("À des besoins différents répondent des unités statistiques différentes : chaque unité constitue une entité spécifique.")
    pat = asked("Qu'est-ce qu'un projet alimentaire territorial (PAT) ?")
    assert pat.answered_by("C’est l’ambition des projets alimentaires territoriaux (PAT), un outil essentiel mis en place depuis 6 ans.")
    fund = asked("What is the ESS Nantes Factory?", french=False)
    assert fund.answered_by("ESS Nantes Factory : fonds d’amorçage destiné à financer le parcours des porteurs de projet.")


def test_a_count_written_in_words_answers_when_it_counts_what_is_asked():
    """« combien de parties » is answered by « trois parties », not by « les deux nouvelles fiches » nor a year."""
    from ess_qa.evidence import type_matches
    from ingest.numbers import spelled_counts

    words = folded_content_words("En combien de parties se divise la nouvelle fiche ?")
    assert spelled_counts("La fiche comporte désormais trois parties.") == [("trois", "parties")]
    assert spelled_counts("pour cent des emplois, deux fois plus, mille euros, un bâtiment neuf") == []
    # a number of several words counts what follows it: a law's « au moins deux cents salariés »
    assert spelled_counts("d'au moins deux cents salariés, l'employeur") == [("deux cents", "salariés")]
    assert spelled_counts("vingt et une personnes, quatre-vingt-dix sites") == [("vingt et une", "personnes"), ("quatre-vingt-dix", "sites")]
    # after « pour », a count still (a federation's honours: « or pour huit mandats »), but a rate's round denominator
    assert spelled_counts("argent pour quatre mandats ; or pour huit mandats ou plus") == [("quatre", "mandats"), ("huit", "mandats")]
    assert spelled_counts("trois médecins pour mille habitants") == [("trois", "médecins")]
    salaries = folded_content_words("Combien de salariés faut-il pour un local commun ?")
    assert type_matches("Dans les entreprises d'au moins deux cents salariés, un local commun", "number", salaries, "count", "salariés")
    assert type_matches("La fiche comporte désormais trois parties.", "number", words, "count", "parties")
    assert type_matches("Elle a Trois Partie distinctes.", "number", words, "count", "parties")  # case and number aside
    # about so many (« combien d'acteurs clés … » was refused, the guide writing « une cinquantaine d'acteurs clés »)
    assert spelled_counts("un groupe de travail composé d'une cinquantaine d'acteurs clés") == [("une cinquantaine", "acteurs")]
    assert spelled_counts("des centaines de bénévoles et plusieurs milliers d'emplois") == [("des centaines", "bénévoles"), ("plusieurs milliers", "emplois")]
    assert spelled_counts("une centaine d'euros") == []  # a sum
    actors = folded_content_words("Combien d'acteurs clés dans le groupe de travail ?")
    assert type_matches("un groupe de travail composé d'une cinquantaine d'acteurs clés", "number", actors, "count", "acteurs")
    assert not type_matches("Les deux nouvelles fiches figurent en annexe.", "number", words, "count", "parties")
    assert not type_matches("La fiche comporte désormais trois parties.", "number", words)  # nothing said counted


def test_how_much_of_a_noun_in_the_singular_is_answered_by_an_amount():
    """« combien d'amende » asks how much: a sum of money answers it; « combien de salariés » counts, and a sum does not."""
    from ess_qa.evidence import type_matches

    fine = "Celle-ci s'élève à 300 000 € au maximum."
    assert type_matches(fine, "number", folded_content_words("on risque combien d'amende ?"), "count", "amende")
    assert not type_matches(fine, "number", folded_content_words("combien de salariés ?"), "count", "salariés")
    # and a measure glued to its unit answers it too (« 500g/semaine » for « combien de viande »), not a count
    meat = "de limiter la viande (porc, bœuf, veau, mouton, agneau, abats) à 500g/semaine."
    assert type_matches(meat, "number", folded_content_words("combien de viande rouge par semaine ?"), "count", "viande")
    assert not type_matches(meat, "number", folded_content_words("combien de repas par semaine ?"), "count", "repas")


def test_an_agendas_numbers_count_nothing():
    """Bare numbers going 1, 2, 3 … before titles are an agenda's entries run together (a slide's contents), no count:
    « combien de cantines » is not answered by « 1 2 À quoi sert ma cantine ? 3 La réglementation 4 … »."""
    from ingest.numbers import counts

    agenda = "Rappel du contexte 1 2 À quoi sert ma cantine ? 3 La réglementation 4 Les solutions de contenants"
    assert counts(agenda) == []
    assert counts("soit 12 Métropoles sur 22, et 3 Conseils") == ["12", "22", "3"]  # no run from 1
    assert counts("1 Région et 2 Départements") == ["1", "2"]  # two are no agenda


def test_a_number_after_a_word_in_capitals_names_and_counts_nothing():
    """« site ENERGIF 4 (base de donnée du ROSE) » (a note's call), « la COP 21 », « RE 2020 »: a number after a word in
    capitals names a thing, as « article 31 » does, and answers no « combien de réseaux ? »."""
    from ingest.numbers import counts

    assert counts("En Île-de-France site ENERGIF 4 (base de donnée du ROSE)") == []
    assert counts("la COP 21 a réuni 195 pays") == ["195"]
    assert counts("12 SIAE emploient 300 salariés") == ["12", "300"]  # a count before the acronym counts


@pytest.mark.parametrize("question", ["Combien a coûté la construction de la station ?", "combien ça a coûté les travaux ?", "Combien ont coûté les travaux ?"])
def test_how_much_something_cost_asks_for_a_sum_of_money(question):
    """« Combien a coûté … ? » (a past tense) asks for a sum, as « Combien coûte … ? » does: not any count."""
    from ess_qa.questions import question_type

    assert question_type(question) == "money"


@pytest.mark.parametrize("question", ["combien est payee l astreinte d une semaine complete", "Combien est rémunéré le stage ?", "Combien gagne un apprenti ?", "À combien est indemnisé le bénévole ?"])
def test_how_much_one_is_paid_asks_for_a_sum_of_money(question):
    """« combien est payée l'astreinte » was read as a count, answered by « par semaine complète de 7 jours »: how much one is
    paid, earns or is refunded is a sum; « Combien de jeunes sont payés ? » still counts."""
    from ess_qa.questions import question_type

    assert question_type(question) == "money"
    assert question_type("Combien de jeunes sont payés ?") == "number"


def test_a_measure_the_question_gives_itself_is_no_answer():
    """« Quelle était la hauteur maximale avant qu'elle soit portée à 18 mètres ? » was answered with « … à monter à 18 m »:
    the figure asked is another one (« 18m de haut contre 12m auparavant »). A threshold question gives the figure that
    the text compares, which may be written there too."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_measure
    from ingest.french import folded_content_words

    question = "Quelle était la hauteur maximale des constructions avant qu'elle soit portée à 18 mètres ?"
    words = folded_content_words(question)
    assert question_measure(question) == "length"
    assert not type_matches("la Métropole autorise à monter à 18 m voire plus", "number", words, "length")
    assert type_matches("atteindre les 18m de haut contre 12m auparavant", "number", words, "length")
    assert type_matches("au-delà de 18 m, une autorisation est requise", "threshold", words, "length")


def test_a_noun_made_from_a_verb_is_said_by_the_verb():
    """« combien de livraisons par semaine » is answered by « livrés au moins quatre fois par semaine »: the place says
    what is counted with the verb the noun is made from (ingest.french.verb_of_noun)."""
    from ingest.french import verb_of_noun

    assert verb_of_noun("livraisons", "livrés") and verb_of_noun("créations", "créés") and verb_of_noun("recrutement", "recrutés")
    assert not verb_of_noun("nation", "né") and not verb_of_noun("station", "stationnent") and not verb_of_noun("salariés", "salarie")


SPELLED_COUNT_PAGES = (
    """La fiche d'accompagnement du gibier

Les deux nouvelles fiches d'accompagnement du gibier et leur mode d'emploi figurent en annexe de la présente note.

Toutefois, les anciennes fiches restent acceptées jusqu'au 30 juin 2022.""",
    """Le contenu de la fiche

La fiche d'accompagnement modifiée comporte désormais trois parties remplies par les différents acteurs de la filière.""",
)


def test_a_how_many_question_is_answered_by_a_count_in_words(tmp_path):
    answer = assistant_on(tmp_path, "fiche.txt", SPELLED_COUNT_PAGES).ask("En combien de parties se divise la fiche d'accompagnement ?")
    assert answer.found and "trois parties" in answer.snippet, answer.snippet


AUTOCOMPLETE_PAGES = (
    """L'autocomplétion

Le service propose une autocomplétion dans son champ de recherche, que l'utilisateur peut désactiver à tout moment.

La requête d'autocomplétion est envoyée au serveur lorsque l'utilisateur a saisi trois caractères et attendu 500 ms.

Les suggestions affichées sont limitées à cinq pour réduire les données transférées.""",
)


@pytest.mark.parametrize("question", ["Quand la requête d'autocomplétion est-elle envoyée au serveur ?", "When is the autocomplete request sent to the server?"])
def test_a_when_question_no_date_answers_is_answered_by_the_moment_a_line_tells(tmp_path, question):
    """« Quand » asks a moment: no line gives a date, and the one that tells it by a condition (« lorsque … ») answers."""
    answer = assistant_on(tmp_path, "service.txt", AUTOCOMPLETE_PAGES).ask(question)
    assert answer.found and "trois caractères" in answer.snippet, answer.snippet


CARD_PAGES = (
    """Rôles et responsabilités

L'aidant habilité veille à la bonne compréhension du mandat par l'usager et protège ses données personnelles.

Avant son départ, l'aidant doit remettre au référent sa carte physique s'il en possède une ; le référent désactive son compte.

Le référent tient à jour la liste des aidants de la structure et signale tout changement à l'équipe nationale.""",
)


def test_a_when_question_is_answered_by_a_moment_told_with_a_possessive(tmp_path):
    """« c'est quand qu'un aidant doit rendre sa carte au référent ? » was refused: « Avant son départ, … » tells the
    moment with a possessive, which the moments « avant la … », « dès le … » did not cover."""
    answer = assistant_on(tmp_path, "formation.txt", CARD_PAGES).ask("c'est quand qu'un aidant doit rendre sa carte physique au référent ?")
    assert answer.found and "Avant son départ" in answer.snippet, answer


GAME_NOTE_PAGES = (
    """Le contrôle des venaisons

Les agents vérifient que la fiche accompagne effectivement les venaisons et que la destination des venaisons correspond à une destination autorisée.

Les venaisons sont examinées par une personne formée avant toute cession. Dans le cas où l'anomalie appelle la décision « NON », la venaison ne doit pas être envoyée vers la destination considérée.

Dans le cas où la venaison est destinée à un repas de chasse, l'arbre décisionnel défini pour le commerce de détail s'applique.""",
    """La formation des examinateurs

La formation est délivrée par un formateur référent de la fédération départementale.

2 venaisons : dans la présente note, on considère comme « venaisons » des carcasses de gibier non dépouillées.

4 repas de chasse : repas organisé par un ou plusieurs chasseurs, en dehors de l'usage domestique privé.""",
)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Qu'est-ce que la note appelle des « venaisons » ?", "carcasses de gibier"),
        ("Comment la note définit-elle un repas de chasse ?", "repas organisé"),
    ],
)
def test_a_definition_in_a_footnote_answers_what_a_text_calls_a_word(tmp_path, question, expected):
    answer = assistant_on(tmp_path, "note.txt", GAME_NOTE_PAGES).ask(question)
    assert answer.found and expected in answer.snippet, answer.snippet


FORM_PAGES = (
    """La fiche d'accompagnement

L'examinateur initial remplit la fiche d'accompagnement du gibier et la signe. La fiche indique si la venaison ne peut être cédée qu'à un atelier de traitement, l'examinateur ayant réalisé l'examen initial.""",
    """Les destinations possibles

Si la venaison ne peut être cédée qu'à un atelier de traitement, l'examinateur doit l'indiquer sur la fiche en :
- cochant la case « atelier de traitement » ;
- rayant les autres destinations possibles ;
- y apposant sa signature.""",
)


def test_a_how_to_question_gets_the_steps_a_lead_in_announces(tmp_path):
    answer = assistant_on(tmp_path, "fiche.txt", FORM_PAGES).ask("Comment l'examinateur doit-il indiquer sur la fiche que la venaison ne peut être cédée qu'à un atelier ?")
    assert answer.found and "cochant la case" in answer.snippet, answer.snippet


def test_a_date_may_be_told_by_its_quarter_of_the_year():
    """« Jusqu'à quand » is answered by « jusqu'à la fin du 3e trimestre civil », which names no year nor month;
    a question that names the quarter itself is not answered by its echo."""
    from ess_qa.evidence import type_matches
    from ingest.french import folded_content_words

    until = folded_content_words("Jusqu'à quand le taux minoré s'applique-t-il ?")
    assert type_matches("Le taux minoré s'applique jusqu'à la fin du 3e trimestre civil qui suit", "date", until)
    assert not type_matches("Le taux minoré s'applique aux nouveaux créateurs", "date", until)
    quarter = folded_content_words("Quel trimestre faut-il déclarer en premier ?")
    assert not type_matches("Vous déclarez chaque trimestre votre chiffre d'affaires", "date", quarter)


def test_a_how_many_question_is_not_answered_with_an_address(assistant):
    """The fact sheets' address lines ('BP 231 63007 Clermond-Ferrand Cedex 1') hold numbers that count nothing."""
    answer = assistant.ask("Combien de métropoles ont été interrogées ?", k=5)
    assert not (answer.found and re.search(r"\b(?:BP|Cedex)\b", answer.snippet)), answer.snippet


def test_a_number_question_prefers_a_passage_line_that_holds_a_number(assistant):
    answer = assistant.ask("Combien de collectivités sont membres du RTES ?", k=5)
    check_snippet(assistant, answer)
    assert re.search(r"\b130\b", answer.snippet), answer.snippet


def test_a_table_row_is_shown_alone_not_continued_with_the_next_rows(assistant):
    answer = assistant.ask("Quelle est la délégation de l'élu référent ESS de Brest Métropole ?", k=5)
    assert answer.snippet.startswith("Brest Métropole : Vice-Président en charge du numérique"), answer.snippet
    assert "\n" not in answer.snippet


@pytest.mark.parametrize("question", ["Quelle longueur de littoral compte la ville ?", "Quelle est la durée du parcours ?", "Quel est le budget alloué ?", "How long is the programme?"])
def test_questions_on_a_length_a_duration_or_a_budget_ask_for_a_number(question):
    assert question_type(question) in ("number", "money")  # a sum of money: a number of its own kind


@pytest.mark.parametrize(
    "question, measure",
    [
        ("Quelle sera la résolution en centimètres de l'orthophotographie ?", "length"),
        ("Quelle est la consommation électrique des réseaux mobiles, en TWh ?", "energy"),
        ("Quelle est l'emprise du projet en hectares ?", "area"),
    ],
)
def test_a_figure_asked_in_a_unit_is_a_number_of_that_dimension(question, measure):
    """« Quelle sera la résolution en centimètres … » read as no type was answered with a sum of money (« haute
    résolution … 266 160,00 € »): the unit a question wants its figure in says it asks for a number of that kind."""
    from ess_qa.questions import question_measure

    assert question_type(question) == "number" and question_measure(question) == measure


@pytest.mark.parametrize("question", ["Le restaurant est-il ouvert en semaine ?", "Comment agir en l'absence de compteur ?"])
def test_a_time_told_in_the_singular_or_an_elided_word_is_no_unit_asked(question):
    from ess_qa.questions import question_measure

    assert question_measure(question) is None and question_type(question) != "number"


def test_a_list_is_shown_as_its_lead_in_and_the_start_of_each_item(assistant):
    """A question that asks for a list gets its lead-in and the start of its items, up to LIST_TARGET characters, the
    last one cut to the room left (at SNIPPET_TARGET, whole items only, « … 3 contrôles: » showed one control of three)."""
    from ess_qa.answering import LIST_TARGET, SNIPPET_TARGET

    answer = assistant.ask("Quelles particularités présentent les SCIC ?", k=5)
    check_snippet(assistant, answer)
    lines = answer.snippet.split("\n")
    assert lines[0].endswith(":") and len([line for line in lines if line.startswith("• ")]) >= 4, answer.snippet
    assert SNIPPET_TARGET < len(answer.snippet) <= LIST_TARGET


def test_a_list_item_that_holds_what_the_question_asks_is_shown_longer(tmp_path):
    """« Questions importantes : » then items cut to ITEM_KEPT characters: the one on contracts lost « contrat aidé »,
    which the question asked of. An item holding words of the question its lead-in lacks is shown longer; the others
    still short."""
    from ess_qa.answering import ASKED_ITEM_KEPT, ITEM_KEPT

    contracts = "Quels types de contrat proposons-nous aux salariés de la structure (CDI, CDD, intérim, contrat aidé, apprentissage) ?"
    page = (
        "Emploi et conditions de travail\n\nQuestions importantes :\n"
        "• L'entreprise organise-t-elle des parcours d'insertion par l'emploi pour les jeunes en difficulté et les chômeurs de longue durée ?\n"
        f"• {contracts}\n"
        "• Les salariés bénéficient-ils d'un entretien annuel avec leur responsable et d'un plan de formation individualisé ?\n"
    )
    assert ITEM_KEPT < len(contracts) <= ASKED_ITEM_KEPT
    answer = assistant_on(tmp_path, "guide.txt", (page,)).ask("Quels types de contrat le guide invite-t-il à examiner pour les salariés ?")
    assert answer.found and "contrat aidé, apprentissage" in answer.snippet, answer.snippet
    assert "chômeurs de longue durée" not in answer.snippet  # the other items as short as before


def test_a_list_whose_items_open_with_the_word_asked_shows_those_items(tmp_path):
    """« Quels plats faut-il limiter ? » after « … les recommandations suivantes : » then items that open « Privilégier … »
    and « Limiter … »: the extract showed the first items, the « Privilégier » ones, and ran out of room before the
    asked ones. When two items or more open with a word of the question the lead-in lacks, only those are shown."""
    page = (
        "Menus végétariens\n\nLe groupe de travail a émis les recommandations suivantes pour les menus végétariens :\n"
        "• Privilégier le fait maison et les aliments bruts, en utilisant des légumineuses et des céréales variées chaque semaine\n"
        "• Privilégier les recettes simples que les convives connaissent déjà, et les présenter avec soin aux enfants\n"
        "• Privilégier les produits de saison et les circuits courts, en lien avec les producteurs du territoire\n"
        "• Limiter les aliments ultra-transformés contenant de nombreux additifs\n"
        "• Limiter les plats à base de fromage, comme les panés fromagers\n"
    )
    guide = assistant_on(tmp_path, "guide.txt", (page,))
    answer = guide.ask("Quels plats le groupe de travail recommande-t-il de limiter dans les menus végétariens ?")
    assert answer.found and "Limiter les aliments ultra-transformés" in answer.snippet and "Limiter les plats" in answer.snippet, answer.snippet
    assert "Privilégier" not in answer.snippet
    first = guide.ask("Quelles recommandations le groupe de travail a-t-il émises pour les menus végétariens ?")
    assert first.found and "Privilégier le fait maison" in first.snippet, first.snippet  # no item opens with a word asked


def test_a_best_line_that_answers_too_weakly_is_not_given(assistant):
    from dataclasses import replace

    from ess_qa import Assistant

    question = "Qui est la présidente du RTES ?"
    assert assistant.ask(question).found
    strict = Assistant(assistant.store, assistant.weights, replace(assistant.answer_settings, min_snippet_score=2.0))
    answer = strict.ask(question)
    assert answer.found is False and answer.snippet is None and answer.passages


def test_a_long_line_is_cut_to_show_the_figure_a_number_question_asks_for():
    """The window of question words that also holds, after them, the figure asked for: not the first
    figure of the line, nor the question's words alone."""
    from ess_qa.evidence import type_matches
    from ess_qa.shortening import CLAUSE_ROOM, shorten

    line = (
        "Les immeubles de bureaux sont alimentés par un réseau d’eau chaude dont la température est comprise entre 60 °C et 110 °C. "
        "Les laveries et les industries textiles sont alimentées par des réseaux d’eau surchauffée dont la température est comprise entre 110 °C et 180 °C. "
        "Enfin, dans certains réseaux anciens comme celui de Paris, le réseau fait circuler de la vapeur dont la température est comprise entre 200 °C et 300 °C. "
        "Son utilisation est de plus en plus limitée, et les réseaux de vapeur sont peu à peu convertis à l’eau chaude."
    )
    question = "À quelle température circule la vapeur dans le réseau de Paris ?"
    assert question_type(question) == "number"
    wanted = {"temperature", "circule", "circuler", "vapeur", "reseau", "paris"}
    cut = shorten(line, 300, wanted=lambda word: {match_key(word)} & wanted, needed=lambda words: type_matches(words, "number", set()))
    assert "200 °C et 300 °C" in cut and len(cut) <= CLAUSE_ROOM * 300 + 4, cut


def test_a_window_starts_where_its_sentence_does_when_the_whole_stays_short():
    """« Avec un budget de 50 000 € … », not « … budget de 50 000 € … »: the window goes back to where its sentence
    starts when it then spans at most CLAUSE_ROOM times its limit; a start further back leaves it as it was."""
    from ess_qa.shortening import CLAUSE_ROOM, shorten

    wanted = {"budget", "ans,", "évaluation", "l'eau."}
    answer = "budget de 50 000 € sur 4 ans, l'évaluation a été conduite au fil de l'eau."
    limit = len(answer) + 2
    for lead in ("Avec un", "Sur toute la période un", "Pour la longue période de programmation européenne qui commence, un"):
        line = "Texte sans rapport. " * 8 + f"{lead} {answer} " + "Suite sans rapport. " * 10
        cut = shorten(line, limit, wanted=lambda word: {word} & wanted)
        if len(f"{lead} {answer}") <= CLAUSE_ROOM * limit:  # back to where the sentence starts, beyond the limit
            assert cut.startswith(f"… {lead} {answer}"), cut
        else:
            assert cut.startswith(f"… {answer}"), cut


def test_a_window_ends_where_its_phrase_does_when_the_whole_stays_short():
    """« … entre six mois et un an », not « … entre six mois et un … »: the window goes on to the end of its phrase
    (a comma, a point, before a parenthesis) when it then spans at most CLAUSE_ROOM times its limit."""
    from ess_qa.shortening import CLAUSE_ROOM, shorten

    wanted = {"conserver", "évènements"}
    sentence = "Il faut conserver ces évènements sur une période comprise entre six mois et un an (sauf obligation légale)."
    line = "Texte sans rapport. " * 8 + sentence + " Suite sans rapport." * 10
    for limit in range(64, 80, 4):  # windows that end a few words short of « an »
        cut = shorten(line, limit, wanted=lambda word: {word} & wanted)
        assert cut.endswith("entre six mois et un an …") and "(sauf" not in cut, (limit, cut)
        assert len(cut) <= CLAUSE_ROOM * limit + 4, (limit, cut)
    cut = shorten(line, 40, wanted=lambda word: {word} & wanted)  # « an » too far for the room: cut as before
    assert cut.endswith(" …") and " an " not in cut and len(cut) <= CLAUSE_ROOM * 40 + 4, cut


def test_a_short_parenthesis_ends_the_phrase_with_it():
    """« … contre 1,4% dans l'étude (2020) », not « … dans l'étude … »: a parenthesis of one or two words (a year, an
    acronym, an article) closes the phrase with it when the whole still fits; a longer one stays out (above)."""
    from ess_qa.shortening import shorten

    sentence = (
        "La part des écrans OLED atteint 13,3% en 2022 selon les données reprises de l'enquête sur les équipements "
        "contre 1,4% dans l'étude (2020). Suite sans rapport."
    )
    line = "Texte sans rapport. " * 8 + sentence + " Suite sans rapport." * 10
    for limit in (108, 124):
        cut = shorten(line, limit, wanted=lambda word: {word.strip(".,")} & {"OLED", "2022"})
        assert "1,4% dans l'étude (2020)." in cut, (limit, cut)


def test_a_window_holds_the_most_question_terms_not_one_term_said_again_and_again():
    from ess_qa.answering import held_terms
    from ess_qa.shortening import shorten

    repeated = "Le réseau national, le réseau régional et le réseau local du réseau associatif forment un réseau dense, " * 3
    line = repeated + "et le Mois de l'ESS en novembre est une initiative portée par le Conseil national des CRESS qui animent le projet. " + "Suite sans rapport. " * 8
    cut = shorten(line, 300, wanted=held_terms(frozenset({"mois", "porte", "natio", "resea"}), "prefix5"))
    assert "Mois de l’ESS" in cut.replace("'", "’") and "portée par le Conseil national" in cut, cut


@pytest.mark.parametrize("question", ["Quelle est la température de l'eau ?", "Quelle distance sépare la chaufferie des immeubles ?", "How far is the plant?", "Quel délai faut-il prévoir ?", "Au-delà de quelle quantité de boues faut-il une autorisation ?", "What quantity of sludge needs a permit?", "Quel est le PUE moyen des centres de données ?", "What is the average PUE?"])
def test_a_measure_asks_for_a_number(question):
    assert question_type(question) == "number"


def test_a_means_is_no_average():
    assert question_type("Quel est le moyen de joindre le service ?") != "number"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What is the population of Tours Métropole?", "number"),
        ("What is the turnover ceiling for a micro-entrepreneur?", "number"),
        ("What was the unemployment rate in priority neighbourhoods?", "percent"),
        ("What is the ESS?", "definition"),  # a thing, not a measure: still a definition
        ("In which town is the association's seat located?", "place"),
        ("Which reference system must be used for a project located in Guyane?", "other"),  # located: where the project is
    ],
)
def test_an_english_question_about_a_measure_asks_what_its_french_twin_asks(question, kind):
    """« What is the population » asks for a number as « Quelle est la population » does, not for a definition."""
    assert question_type(question) == kind


def test_how_long_asks_a_time():
    """« How long does the team have to tell an applicant … ? » asks a time, as « combien de temps » does: a line that
    gives one (« dans un délai maximum d’un mois ») answers it, not one with any number."""
    from ess_qa.questions import question_measure

    assert question_measure("How long does the team have to tell an applicant that its request was rejected?") == "duration"
    assert question_measure("combien de temps faut-il ?") == "duration"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Quel a été le coût total du développement du module ?", "money"),
        ("Quel était le montant de la subvention ?", "money"),
        ("Quel a été le taux de réussite ?", "percent"),
        ("Quelle sera la durée du marché ?", "number"),
        ("Quelle a été la date de signature ?", "date"),
        ("Quel a été le rôle de la métropole ?", "other"),
        # « quel jour », « quel mois » ask a date too; « quels jours » asks which days, a list
        ("Quel jour le Premier ministre a-t-il présenté le plan ?", "date"),
        ("En quel mois le rapport est-il publié ?", "date"),
        ("Quels jours la cantine est-elle ouverte ?", "list"),
        # an English question's date or deadline, with words before it, as its number or cost
        ("What is the exact launch date of the IAL service?", "date"),
        # « de quand date … », and a keyword query's « date de parution », ask a date; « de quand même » does not
        ("De quand date la loi EGAlim ?", "date"),
        ("guide menu végétarien date de parution", "date"),
        ("C'est une question de quand même ?", "other"),
    ],
)
def test_a_question_asks_for_the_same_figure_whatever_the_tense_of_its_verb(question, kind):
    """« Quel a été le coût total … ? » was read as asking for anything, and answered with a line without a sum: it
    asks for a sum as « Quel est le coût … ? » does."""
    assert question_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Quels pourcentages d'achats durables et bio les cantines doivent-elles atteindre ?", "percent"),
        ("Quels montants sont versés aux lauréats ?", "money"),
        # a plural that may name things as well as figures asks for a list of them: « Quels coûts s'ajoutent … ? » asks
        # for the items of cost a table lists, « dans quels délais … rendus publics ? » for the steps and their times
        ("Quels coûts s'ajoutent aux canalisations secondaires ?", "list"),
        ("Quels délais de paiement s'appliquent ?", "list"),
        ("Quelles subventions existent pour les cantines ?", "list"),
        ("Quelles parties prenantes sont associées ?", "list"),
    ],
)
def test_figures_asked_in_the_plural_are_figures(question, kind):
    """« Quels pourcentages … doivent-elles atteindre ? » was read as asking for a list, and answered with a line
    without a percentage: percentages and amounts asked in the plural are figures, as in the singular."""
    assert question_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("combien paie un etudiant pour un repas au resto u ?", "money"),
        ("on paye combien pour la cantine ?", "money"),
        ("combien payent les familles ?", "money"),
        ("combien de payeurs ?", "number"),
        ("quel surcoût par repas le rapport prévoit-il pour 2025 ?", "money"),
        ("surcoût repas bio", "money"),
    ],
)
def test_what_one_pays_is_a_sum(question, kind):
    """« combien paie un étudiant pour un repas … ? » was answered with « 80 % des achats »: what one pays, as what a
    thing costs, is a sum of money; and so is an extra cost (« quel surcoût … pour 2025 ? » was answered with a line
    without a sum)."""
    assert question_type(question) == kind


@pytest.mark.parametrize(
    "question, dimension",
    [
        ("Quelle est la longueur totale du réseau de chaleur ?", "length"),
        ("Quelle surface minimale doit avoir le local ?", "area"),
        ("Quelle est la densité de population de la métropole ?", "density"),
        ("a quelle temperature circule la vapeur", "temperature"),
        ("Quelle est la durée du parcours d'accompagnement ?", "duration"),
        ("Quelle doit être la durée minimale d'une séance de suivi ?", "duration"),  # « quel est » with a modal
        ("Quelle peut être la hauteur maximale du mur ?", "length"),
        ("hectares ENAF consommés 2011-2021 total national", "area"),  # keywords: a measure's unit asks a figure in it
        ("aides-territoires nombre visiteurs par mois", None),  # a period after « par » is a rate's, no duration
        ("How far is the plant from the network?", "length"),
        ("Quelle est la masse salariale de l'ESS ?", None),  # payroll: a sum of money
        ("Combien de réseaux de chaleur sont en service ?", "count"),  # a count: no sum of money answers it
        ("Quel est le nombre de logements raccordés ?", "count"),
        ("nombre annexes instruction technique", "count"),
        ("Quel est le rôle du syndic ?", None),
        ("Pour combien d'années une autorisation peut-elle être accordée ?", "duration"),  # years: a duration, not a count
        ("y a combien de temps max pour retrouver la fiche ?", "duration"),  # « 48h », not « 3 fiches »
        ("À quelle fréquence les adresses sont-elles transmises ?", "frequency"),
        ("Tous les combien le conseil publie-t-il un rapport ?", "frequency"),  # « tous les trois ans », not any count
        ("À partir de quel diamètre la canalisation doit-elle être cotée ?", "length"),  # a diameter is a length
        ("What thickness must the protective layer have?", "length"),
        ("les plats témoins faut prélever combien de grammes ?", "mass"),  # « 80 g », the unit's symbol, answers
        ("Au bout de combien de minutes la session se verrouille-t-elle ?", "duration"),
        ("Combien de centimètres au-dessus du sol ?", "length"),
        ("ça pollue combien de fois plus ?", None),  # how many times more: a ratio (« multiplie par 4 »), no « fois » counted
    ],
)
def test_a_measure_question_asks_for_a_figure_in_its_unit(question, dimension):
    from ess_qa.questions import question_measure

    assert question_measure(question) == dimension


def test_a_figure_in_another_unit_does_not_answer_a_measure_question():
    from ess_qa.evidence import type_matches
    from ingest.numbers import holds_measure

    words = folded_content_words("Quelle est la longueur totale du réseau ?")
    assert not type_matches("des réseaux d’eau surchauffée entre 110 °C et 180 °C", "number", words, "length")
    assert type_matches("Densité : 1 200 hab./ km2 et 200 km de littoral", "number", words, "length")
    assert type_matches("des réseaux d’eau surchauffée entre 110 °C et 180 °C", "number", words)  # any count, without a dimension
    # a figure glued to its unit measures (« Quel seuil horaire … » found no line: no count is glued to a letter)
    threshold = folded_content_words("Quel seuil horaire distingue le temps partiel ?")
    assert type_matches("Taux de temps partiel (inférieur à 24h hebdomadaires)", "number", threshold)
    assert not type_matches("Voir l'annexe R24 du guide", "number", threshold)
    for text, dimension in (("36 654 Ha", "area"), ("579,27 km2", "area"), ("959 hab./km2", "density"), ("une densité minimale à la plantation de 6000 pieds à l’hectare", "density"), ("40 logements par ha", "density"), ("17 °C", "temperature"), ("sur une durée de 18 mois", "duration"), ("10 MW", "power"), ("120 MWh", "energy"), ("supérieure à dix ans", "duration"), ("synchronisées une fois par semaine", "frequency"), ("un code renouvelé toutes les 60 secondes", "frequency"), ("un bilan annuel", "frequency"), ("le jaune dure 3 s. en agglomération", "duration"), ("un jaune de 5 secondes", "duration"), ("Fiche : environ 15 mn", "duration"), ("dans un délai maximal de cinq (5) jours ouvrés", "duration"), ("une formation courte (1 journée)", "duration"), ("3 trimestres", "duration"),
                            ("des projections réalisées sur une vingtaine d’années", "duration"), ("une dizaine de kilomètres", "length"),
                            # a table's row that gives the unit in the next cell
                            ("Chaudière gaz à condensation coll | 22 | Années | INIES", "duration"), ("Chaudière fioul coll. | 0,0947 | L/ kWh PCI", "volume")):
        assert holds_measure(text, dimension), (text, dimension)
    for text, dimension in (("579,27 km2", "length"), ("sur 12 ha", "density"), ("une parcelle de 3 hectares", "density"), ("120 MWh", "power"), ("en 2019", "duration"), ("2 réseaux", "length"), ("une des années", "duration"), ("une fois la déclaration faite", "frequency"), ("une vitesse de 10 m/s", "duration"), ("des relevés 24h/24", "duration"), ("une centaine de projets", "duration"),
                            # a letter before an apostrophe is an elided word (« en 2 l'année », « 3 m'ont »)
                            ("les objectifs pour 2030 l'office", "volume"), ("3 m'ont répondu", "length")):
        assert not holds_measure(text, dimension), (text, dimension)
    assert holds_measure("Ne plus dépasser les 40gr pour les pains ronds", "mass")  # « gr », as French writes grammes
    # a table flattened by extraction gives its columns' unit in its header, in brackets, and its figures bare: a charter's
    # « Quelle hauteur de module … au format A4 ? » was refused; a plural's mark in brackets is no duration
    assert holds_measure("Format papier Largeur support (mm) Hauteur support (mm) d (mm) A4 210 297 42.25", "length")
    assert holds_measure("Surface (en ha) | 12,5", "area") and not holds_measure("Surface (ha) totale", "area")
    assert not holds_measure("le ou les restaurant(s) 12", "duration") and not holds_measure("Longueur (km) 12", "length", {"12"})
    # one period after a word that says how long (« dans quel délai … ? » was refused: « valide dans un délai d'un mois »)
    assert holds_measure("Citeo Pro valide dans un délai d’un mois les boucles", "duration") and holds_measure("pendant une semaine", "duration")
    assert holds_measure("suivre les stocks sur une période plus longue (idéalement un mois)", "duration") and holds_measure("sur un an", "duration")
    # a deadline that says it is the longest or the legal one (« notifié … dans un délai maximum d’un mois »)
    assert holds_measure("notifié par courriel en cas de refus dans un délai maximum d’un mois", "duration")
    assert holds_measure("dans un délai légal d'un an", "duration")
    assert not holds_measure("les sédiments extraits au cours d'une année", "duration") and not holds_measure("un jour férié", "duration")
    # an adverb says how often (« à quelle fréquence … ? » was refused: « Il convient de vérifier, au moins annuellement, … »)
    assert holds_measure("Il convient de vérifier, au moins annuellement, leur évolution", "frequency")
    # so many things per period: a slide's « 1 rendez-vous de suivi / 2 mois », « 4 réunions par an »; not a period alone
    # minutes as a timetable writes them (« Combien de temps avant la fin de la séance … ? » was refused: « au moins 30’
    # avant la fin de la séance »); an elided word after a figure is none
    assert holds_measure("Le retour au ponton s’effectue au moins 30’ avant la fin", "duration") and holds_measure("une mi-temps de 45'", "duration")
    assert not holds_measure("en 2 s'ajoutant", "duration") and not holds_measure("30 ’ plus loin", "duration")
    assert holds_measure("Accompagnement personnalisé 1 rendez-vous de suivi / 2 mois", "frequency")
    assert holds_measure("le comité tient 4 réunions par an", "frequency")
    assert not holds_measure("un accompagnement de 6 mois pour 3 000 habitants", "frequency")
    assert holds_measure("les données sont mises à jour quotidiennement", "frequency")
    from ingest.numbers import holds_money

    assert holds_money("Investissement | 128 398 | €HT | FEDENE") and not holds_money("Article 3 | Euro-métropole")
    # a row under a header that gives its column in euros (a question on Attichy's price per m3 was refused: no line
    # held « € » after a figure); a row under a header of counts is no sum
    assert holds_money("Commune | Prix au 01/01/2024 en €/m3 | Prix au 01/01/2025 en €/m3\nAttichy | 2,97 | 2,84")
    assert holds_money("Poste | Montant (k€)\nÉtudes | 120") and not holds_money("Ville | Habitants\nLyon | 522 250")
    # millions written before the sign, as a town's budget writes them (« Quel budget est dédié à la voirie ? » was refused)
    for sum_ in ("un budget dédié de 1,225 M d’€", "UN BUDGET DE 25 M d'€", "16,279 millions d’€ inscrits", "3 Md€"):
        assert holds_money(sum_), sum_
    assert not holds_money("12 M de personnes")
    # a sum under one euro, in cents (« ça coûte combien le gaspi par repas ? » found no line with a sum: « un coût
    # estimé à 68 centimes d'euros »); a length in centimetres is none
    assert holds_money("un coût estimé à 68 centimes d’euros par convive") and holds_money("une hausse de 50 centimes")
    assert not holds_money("une marge de 2 centimètres")
    # other currencies than the euro: a Swiss, Belgian or older French text counts in francs, a Quebec one in dollars;
    # a code or a sign written before the sum; a code in small letters is no currency (« cad » for « c'est-à-dire »)
    for sum_ in ("maintenue à 70.- francs par jour", "2 millions de francs", "35 000 CHF", "CHF 70.–", "Fr. 250.– par an",
                 "un loyer de 1 200 dollars", "500 $", "150 000 F CFA", "£5"):
        assert holds_money(sum_), sum_
    for text in ("des coups francs", "les francs-maçons", "3 cad", "12 F", "70.- par personne"):
        assert not holds_money(text), text
    assert not holds_money("Commune | Prix en €\nAttichy | n.c.") and not holds_money("Le prix en euros est fixé\npar délibération")
    counted = folded_content_words("Combien d'emplois l'ESS représente-t-elle ?")
    assert not type_matches("avec pour prix une participation financière de 2 000€ de la Métropole", "number", counted, "count")
    assert type_matches("l'ESS représente 2 983 établissements et 36 515 salariés", "number", counted, "count")
    # one, or none, said in words counts what the question counts; « un » alone is an article
    projects = folded_content_words("Combien de projets ont été créés ?")
    assert type_matches("un seul projet a été créé à l'échelle départementale", "number", projects, "count", "projets")
    assert type_matches("aucun projet n'a été déposé", "number", projects, "count", "projets")
    assert not type_matches("un projet a été créé à l'échelle départementale", "number", projects, "count", "projets")


# A note on youth cooperatives: the acronym is used on every page, defined on one.
COOPERATIVE_PAGES = (
    """Les coopératives jeunesse de services à Rennes

À Rennes, la CJS du quartier Villejean accueille chaque été quinze jeunes. La CJS loue ses services
aux habitants et aux commerces du quartier pendant deux mois, de juillet à août. Chaque CJS a ses propres
règles de vie, votées en juin par les jeunes de la CJS, qui les affichent dans leur local du quartier
pendant tout l'été et les relisent chaque lundi matin avant de partir sur les chantiers.""",
    """Ce qu'il faut savoir

Une CJS est une coopérative éphémère où des jeunes de 16 à 18 ans créent et gèrent ensemble leur
propre entreprise, encadrés par deux animateurs.""",
    """Le financement

Chaque CJS reçoit une subvention de la métropole, qui paie les animateurs, et l'appui d'une
coopérative d'activité et d'emploi pour sa comptabilité.""",
    """Le bilan de l'été

En 2023, la CJS de Villejean a réalisé 120 chantiers de jardinage et de déménagement ; les jeunes
de la CJS se sont partagé les bénéfices à la fin de l'été.""",
    """L'organisation

Dans chaque CJS, les jeunes respectent les règles suivantes :
• une voix par jeune à l'assemblée
• des bénéfices partagés à parts égales
• un chantier accepté par tous""",
)


def assistant_on(folder, name: str, pages: tuple[str, ...]):
    """An assistant on a text file of these pages (one per form feed), indexed in folder."""
    from ess_qa import Assistant, build

    (folder / name).write_text("\f".join(pages), encoding="utf-8")
    build(folder, folder / "index")
    return Assistant.load(folder / "index")


def pages_fixture(name: str, pages: tuple[str, ...]):
    """A module fixture: an assistant on a text file of these pages (assistant_on), built once for the module."""

    @pytest.fixture(scope="module")
    def made(tmp_path_factory):
        return assistant_on(tmp_path_factory.mktemp(name.partition(".")[0]), name, pages)

    return made


def assistant_on_pdf(folder, name: str, pages: tuple[str, ...], title: str | None = None):
    """An assistant on a real PDF of these pages (fpdf2, its metadata title when given), indexed in folder."""
    from fpdf import FPDF

    from ess_qa import Assistant, build

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(folder / name))
    build(folder, folder / "index")
    return Assistant.load(folder / "index")


@pytest.fixture(scope="module")
def cooperatives(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("cjs"), "cjs.txt", COOPERATIVE_PAGES)


@pytest.mark.parametrize("question", ["Qu'est-ce qu'une CJS ?", "Que signifie le sigle CJS ?", "c'est quoi une cjs", "What is a CJS?"])
def test_a_definition_question_gets_the_line_that_defines(cooperatives, question):
    """The acronym is on every page; the answer is the sentence that says what it is, not one where it acts."""
    answer = cooperatives.ask(question)
    assert answer.found and "coopérative éphémère" in answer.snippet, answer.snippet


# A note on hot water in a block of flats: the acronym is spelled out once, in the middle of a page, and
# used on every page, in a title with a colon too.
HOT_WATER_PAGES = (
    """Les besoins en ECS : chiffres clés

Une famille de quatre personnes consomme environ 200 litres d'ECS par jour. Les besoins en ECS
représentent près d'un quart de la chaleur livrée à un immeuble de logements, été comme hiver.""",
    """La sous-station

La sous-station, en pied d'immeuble, reçoit la chaleur du réseau par un échangeur thermique. Elle
alimente les radiateurs et prépare l'eau chaude sanitaire (ECS) de chacun des appartements raccordés.""",
    """Le ballon

Le ballon d'ECS stocke l'eau chauffée la nuit ; un ballon d'ECS de 500 litres suffit pour dix logements.
La température de l'ECS stockée ne doit pas descendre sous 55 °C, pour prévenir les légionelles.""",
    """Le comptage

Chaque logement a son compteur d'ECS. Le relevé de l'ECS se fait chaque mois ; la facture d'ECS suit la
consommation d'ECS de chaque logement, et une fuite d'ECS se voit au compteur d'ECS.""",
    """Les économies

Un mitigeur réduit la consommation d'ECS ; une douche courte aussi. Moins d'ECS, c'est moins de chaleur
achetée au réseau : l'ECS pèse lourd dans les charges, et l'ECS des parties communes aussi.""",
)


@pytest.fixture(scope="module")
def hot_water(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("ecs"), "ecs.txt", HOT_WATER_PAGES)


@pytest.mark.parametrize("question", ["Que signifie ECS ?", "c'est quoi l'ECS", "Que veut dire le sigle ECS ?"])
def test_an_acronym_question_gets_the_line_that_spells_it_out(hot_water, question):
    """Not the title whose colon follows the acronym, nor a line that only uses it, on the pages that use it most."""
    answer = hot_water.ask(question)
    assert answer.found and "eau chaude sanitaire (ECS)" in answer.snippet, answer.snippet


def test_a_question_defining_more_than_the_acronym_is_not_answered_by_its_spelling_out(tmp_path):
    """« Qu'est-ce que l'ECS solaire ? » asks what the solar kind is: the line spelling ECS out says only what ECS is."""
    solar = "L'ECS solaire\n\nL'ECS solaire est chauffée par des capteurs posés sur le toit de l'immeuble, reliés au ballon."
    assistant = assistant_on(tmp_path, "ecs.txt", HOT_WATER_PAGES + (solar,))
    answer = assistant.ask("Qu'est-ce que l'ECS solaire ?")
    assert answer.found and "capteurs posés sur le toit" in answer.snippet, answer.snippet
    assert "eau chaude sanitaire (ECS)" in assistant.ask("Que signifie ECS ?").snippet


@pytest.mark.parametrize("k", [1, 2, 5])
def test_the_answer_does_not_depend_on_how_many_passages_are_shown(hot_water, k):
    """« --k 1 » shows one passage, not a worse answer: the answer is looked for among as many passages, and its
    passage comes first among the k shown."""
    answer = hot_water.ask("Que signifie ECS ?", k=k)
    assert answer.found and "eau chaude sanitaire (ECS)" in answer.snippet, answer.snippet
    assert len(answer.passages) == k and "eau chaude sanitaire (ECS)" in answer.passages[0].text


# A regulation's table: a rubric's wording, what it is about, then its thresholds on lines of their own.
RUBRIC_PAGES = (
    """Titre III : Impacts sur le milieu aquatique

3.2.2.0 Installations, ouvrages, remblais dans le lit majeur d'un cours d'eau, soustrayant une surface à
l'expansion des crues. Les remblais en zone inondable réduisent le champ d'expansion des crues et
accroissent le risque d'inondation à l'aval ; ils sont encadrés quelle que soit leur nature.
1° Surface soustraite supérieure ou égale à 10 000 m2 : autorisation
2° Surface soustraite supérieure ou égale à 400 m2 et inférieure à 10 000 m2 : déclaration
Le dossier de déclaration est instruit par le service de police de l'eau du département.""",
    """3.1.5.0 Installations, ouvrages ou travaux dans le lit mineur d'un cours d'eau, étant de nature à
détruire les frayères. Les frayères sont les zones où les poissons pondent ; leur destruction menace
les espèces du cours d'eau.
1° Destruction de plus de 200 m2 de frayères : autorisation
2° Dans les autres cas : déclaration""",
)


@pytest.fixture(scope="module")
def rubrics(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("rubrics"), "rubriques.txt", RUBRIC_PAGES)


@pytest.mark.parametrize(
    "question, threshold",
    [
        ("Un remblai en zone inondable qui soustrait 2 000 m² à l'expansion des crues relève de quel régime ?", "400 m2"),
        ("remblai lit majeur 2 000 m2 declaration ou autorisation", "400 m2"),
    ],
)
def test_a_question_that_states_a_figure_gets_the_thresholds_it_is_compared_with(rubrics, question, threshold):
    """Not the rubric's wording, which repeats the question's words: the lines with the thresholds."""
    answer = rubrics.ask(question)
    assert answer.found and threshold in answer.snippet, answer.snippet


def test_an_address_question_on_a_document_without_one_is_not_answered(rubrics):
    """The table names the service that instructs a file, never its address: no line answers."""
    assert not rubrics.ask("Quelle est l'adresse du service de police de l'eau qui instruit le dossier de déclaration ?").found


# A guide whose contents page lists its sheets with their page numbers, on one line as pypdf may read it.
GUIDE_PAGES = (
    "SOMMAIRE NOS ACTIONS Composteurs de quartier 2 Tri sélectif 3 Déchetterie mobile 4",
    """Composteurs de quartier

Les composteurs de quartier accueillent les épluchures des habitants volontaires. Un guide composteur
formé par la métropole ouvre le composteur deux fois par semaine et conseille les habitants.""",
    """Tri sélectif

Le tri sélectif des emballages se fait dans le bac jaune, collecté chaque semaine en porte-à-porte.""",
    """Déchetterie mobile

La déchetterie mobile s'installe chaque samedi dans un quartier différent pour les encombrants.""",
)


def test_a_table_of_contents_answers_no_question(tmp_path):
    """Its page numbers count nothing: « Composteurs de quartier 2 » is no count of composters."""
    answer = assistant_on(tmp_path, "guide.txt", GUIDE_PAGES).ask("Combien de composteurs de quartier la métropole a-t-elle installés ?")
    assert not answer.found or "SOMMAIRE" not in answer.snippet, answer.snippet


RUN_TOGETHER_CONTENTS_PAGES = (
    """Sommaire

Glossaire : 4 Synthèse : 5 I. Etat des lieux du mal-logement : 7 Les marchands de sommeil : 7 Santé : 8 II. La plateforme de signalement : 9 III. Calendrier : 12""",
    """Etat des lieux du mal-logement

Il existe en France près de 450 000 logements occupés considérés comme indignes. Les marchands de sommeil louent des logements insalubres à des personnes vulnérables.""",
)


def test_contents_entries_run_together_answer_no_question(tmp_path):
    """pypdf may read a contents page's entries as one line (« Glossaire : 4 Synthèse : 5 … »): its page numbers
    count nothing, however many of the question's words its titles hold."""
    from ingest.structure import opens_contents

    assert opens_contents(RUN_TOGETHER_CONTENTS_PAGES[0].split("\n\n")[1])
    assert opens_contents("Introduction ........ 3 Partie 1 ........ 5 Partie 2 ........ 9 Conclusion ..... 12")
    assert not opens_contents("Emplois : 12 Établissements : 300 Salariés : 45 Structures : 2 Budget")  # figures, not pages in order
    answer = assistant_on(tmp_path, "ami.txt", RUN_TOGETHER_CONTENTS_PAGES).ask("Combien de marchands de sommeil ont été condamnés ?")
    assert not answer.found or "Glossaire" not in answer.snippet, answer.snippet


# A designed page: a strip of key figures in capitals, read before the sentence that gives the same figure.
FIGURES_PAGES = (
    """Travailler dans l'ESS

2 400 000 SALARIÉS 493 200 DÉPARTS EN RETRAITE ESTIMÉS D'ICI À 2026 32,1% DE TEMPS PARTIEL 67% DE FEMMES

Dans l'action sociale, les effectifs vieillissent : on compte 493 200 salariés qui partiront
d'ici à 2026. La revalorisation des conditions de travail est un enjeu pour les employeurs.""",
    """Les coopératives

Les coopératives d'activité et d'emploi accueillent des entrepreneurs salariés. Elles mutualisent la
comptabilité et la formation des entrepreneurs.""",
)


def test_a_strip_of_figures_in_capitals_is_never_the_snippet(tmp_path):
    """The sentence that says the figure is shown, not the banner whose labels read out of order."""
    answer = assistant_on(tmp_path, "panorama.txt", FIGURES_PAGES).ask("Combien de départs en retraite d'ici 2026 ?")
    assert answer.found and "on compte 493 200 salariés" in answer.snippet, answer.snippet


WASTE_PAGES = (
    """Les déchets dangereux

La traçabilité des déchets dangereux est assurée par un bordereau de suivi, rempli à chaque étape par
le producteur, le transporteur et l'installation de traitement, puis archivé pendant cinq ans.""",
    """Les bilans de la station

Sur les douze bilans de la station d'épuration réalisés en 2021, onze sont conformes. La non-conformité du douzième
porte sur le niveau de rejet de la DCO, avec une valeur de 100 mg/l.""",
    """Les biodéchets

Les biodéchets des cantines sont collectés deux fois par semaine et compostés sur la plateforme de la
métropole, qui en tire un amendement pour les espaces verts.""",
    """Les contrôles

Pour l'assainissement, le service lance les contrôles des installations dont la collectivité ne sait rien, la loi
imposant un contrôle tous les dix ans.""",
)


@pytest.mark.parametrize(
    "question, answered",
    [
        ("Comment la traçabilité des déchets non dangereux est-elle assurée ?", False),  # the guide says it of the others
        ("Comment la traçabilité des déchets dangereux est-elle assurée ?", True),
        # « collectivité » is no « collectif », though the search reads both as « colle »
        ("À quelle fréquence les installations d'assainissement non collectif sont-elles contrôlées ?", True),
        # a place that negates a word of the same family (« la non-conformité ») says the negated case too
        ("Pourquoi un des bilans de la station a-t-il été jugé non conforme ?", True),
    ],
)
def test_a_question_on_what_is_not_x_is_not_answered_with_x(tmp_path, question, answered):
    assert assistant_on(tmp_path, "dechets.txt", WASTE_PAGES).ask(question).found is answered


@pytest.mark.parametrize("question", ["Quelles sont les règles de la CJS ?", "c'est quoi les règles de la cjs"])
def test_a_list_question_gets_the_lead_in_with_its_items(cooperatives, question):
    """The sentence that announces the rules, shown with them, not the one that only says there are rules."""
    answer = cooperatives.ask(question)
    assert answer.found and "une voix par jeune" in answer.snippet, answer.snippet


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Quand a lieu la période de correction des télédéclarations ?", "date"),
        ("Quand faut-il, au plus tard, déposer le bilan ?", "date"),
        ("Quand plusieurs syndicats déposent une liste commune, comment les voix sont-elles réparties ?", "other"),
        ("When a union is dissolved, what happens to its property?", "other"),
    ],
)
def test_when_opening_a_clause_before_the_question_asks_no_date(question, kind):
    """« Quand » opens a question of date, or a clause that sets the case the question after its comma asks about."""
    assert question_type(question) == kind


def test_a_long_line_is_shown_from_the_term_the_question_quotes(tmp_path):
    """Two approaches told in one long line: asked about the second one by its quoted name, the extract shows it
    and what is said of it, not the first one's."""
    from ess_qa import Assistant, build

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "fin-de-vie.txt").write_text(
        "La fin de vie des équipements numériques\n\n"
        "Deux approches ont été retenues pour la fin de vie des équipements : l'approche « sans bénéfices », qui "
        "suppose que le recyclage ou la valorisation énergétique des équipements n'apporte aucun bénéfice lié à la "
        "substitution de matière vierge ou de sources d'énergie primaire, et l'approche « avec bénéfices », qui "
        "suppose que le recyclage des équipements apporte un bénéfice lié à la substitution de matière vierge.\n",
        encoding="utf-8",
    )
    build(tmp_path / "docs", tmp_path / "index")
    answer = Assistant.load(tmp_path / "index").ask("c'est quoi l'approche « avec bénéfices » pour la fin de vie des équipements ?")
    assert answer.found and "apporte un bénéfice" in answer.snippet


@pytest.mark.parametrize(
    "question, kind",
    [
        ("En cas de dissolution d'un syndicat, ses biens peuvent-ils être partagés entre les adhérents ?", "yesno"),
        ("Est-ce que les heures de délégation sont payées ?", "yesno"),
        ("Is the platform free of charge?", "yesno"),
        ("Que doit faire l'employeur ?", "other"),  # « que » asks for something
        ("Combien de salariés faut-il ?", "number"),
        ("Un curage de 1 500 m3 est-il soumis à déclaration ?", "threshold"),  # a stated figure wants its thresholds
    ],
)
def test_a_yes_or_no_question_is_answered_by_what_may_must_or_may_not_be(question, kind):
    """A verb before its subject, and no word that asks for something else: the answer says what may, must or may not be."""
    from ess_qa.evidence import type_matches

    assert question_type(question) == kind
    if kind == "yesno":
        assert type_matches("En aucun cas les biens du syndicat ne peuvent être répartis entre les membres.", kind, set())
        assert type_matches("Il est interdit à l'employeur de prélever les cotisations.", kind, set())
        assert not type_matches("Les biens sont dévolus conformément aux statuts.", kind, set())


def test_a_gloss_in_brackets_opened_by_an_acronym_defines_it():
    from ingest.french import defines

    line = "Extension du dispositif de lissage des recettes fiscales créé en 2025 (DILICO : DIspositif de LIssage COnjoncturel)"
    assert defines(line, {"dilico"})
    assert not defines("Le budget primitif (voir annexe : tableau 3)", {"voir"})


def test_the_words_a_definition_of_announces_before_a_colon_are_defined():
    """A note's « L'article L541-1-1 CE donne une définition du biodéchet : les déchets … » defines the biodéchet (a
    question on it got another note that names biodéchets); a definition merely mentioned defines nothing."""
    from ingest.french import defines

    assert defines("³ L'article L541-1-1 CE donne une définition du biodéchet : les déchets non dangereux biodégradables", {"biodechet"})
    assert defines("Le décret précise la définition des biodéchets : déchets alimentaires et de jardin", {"biodechet"})
    assert not defines("La définition du biodéchet a changé en 2020.", {"biodechet"})
    assert not defines("L'arrêté fixe les seuils des producteurs de biodéchets : 10 tonnes par an", {"biodechet"})


def test_what_a_question_sets_aside_is_not_what_its_answer_must_name(tmp_path):
    """« En dehors du congé d'engagement et du congé de représentation, quels autres congés … ? » was refused as not
    about a « congé de représentation »: the page that answers names the other leaves, not the ones set aside."""
    from ess_qa.questions import without_set_aside

    assert without_set_aside("À part gérer la flotte, les noues ça apporte quoi de plus ?") == "les noues ça apporte quoi de plus ?"
    assert without_set_aside("Outre Paris, quelles villes ont signé ?") == "quelles villes ont signé ?"
    assert without_set_aside("Quelles villes, outre Paris, ont signé ?") == "Quelles villes, outre Paris, ont signé ?"
    assistant = assistant_on_pdf(tmp_path, "guide.pdf", (
        "Le congé d'engagement associatif permet aux dirigeants bénévoles de demander six jours par an. Le congé de "
        "représentation permet de siéger dans une instance publique au nom d'une association.",
        "D'autres congés permettent à un salarié de s'engager bénévolement : le congé solidaire permet de partir sur ses "
        "congés annuels pendant deux à quatre semaines dans un pays du Sud, et le congé de solidarité internationale "
        "permet de participer à une mission d'entraide à l'étranger.",
        "Le congé de formation des bénévoles est ouvert aux salariés qui animent une association. Le congé est accordé "
        "par l'employeur sur demande écrite, un mois avant son début.",
        "Le bénévole n'est pas rémunéré. Il peut être remboursé de ses frais sur justificatifs, et l'association tient un "
        "registre des bénévoles et des congés qu'ils ont pris.",
        "Les associations employeuses recrutent aussi des salariés, des stagiaires et des volontaires en service civique."))
    question = "En dehors du congé d'engagement et du congé de représentation, quels autres congés permettent à un salarié de s'engager bénévolement ?"
    judged = assistant.judgements([question])[0]
    assert not judged.refusal.startswith("not about"), judged


def test_inclusive_writing_and_c_est_define_and_a_bracket_that_says_how_does_not():
    """« c'est quoi un promeneur du net ? » got « … la charte graphique de Promeneur du Net (a minima un compte facebook) »,
    read as a gloss, while « Un-e « Promeneur-e du Net » est un-e professionnel-le … » and « un-e Promeneur-e du Net
    c'est : » defined nothing: the « -e » of inclusive writing was read as a noun that « du Net » complements."""
    from ingest.french import defines, without_inclusive_endings

    subject = {"promeneur", "net"}
    assert defines("Un-e « Promeneur-e du Net » est un-e professionnel-le salarié-e d'une structure jeunesse", subject)
    assert defines("Concrètement, un-e Promeneur-e du Net c'est :\n• Un-e professionnel-le du champ éducatif", subject)
    assert defines("Le Promeneur du Net, c'est un professionnel qui va vers les jeunes.", subject)
    assert not defines("la charte graphique de Promeneur du Net (a minima un compte facebook)", subject)
    assert not defines("le compte de Promeneur du Net (par exemple sur Instagram)", subject)
    assert defines("le PAT (ou projet alimentaire territorial) fédère les acteurs", {"pat"})
    assert without_inclusive_endings("les animateur-rices, éducateur·rice·s et salarié.e.s") == "les animateur, éducateur et salarié"
    for kept in ("Fontaine-le-Port", "Seine-et-Marne", "peut-être", "a-t-elle", "la structure.Les jeunes", "Aix-les-Bains"):
        assert without_inclusive_endings(kept) == kept


def test_a_file_pattern_in_brackets_is_no_gloss():
    """« Diagfeux (*.dfe) » names the files of a program, it does not say what the program is; « La loi EGalim
    (Équilibre …) » glosses it."""
    from ingest.french import defines

    assert not defines("Double-clic sur un fichier de données Diagfeux (*.dfe).", {"diagfeux"})
    assert not defines("Le rapport est exporté en fichier Diagfeux (.pdf) dans le dossier.", {"diagfeux"})
    assert defines("La loi EGalim (Équilibre des relations commerciales dans le secteur agricole)", {"egalim"})


@pytest.mark.parametrize(
    "line, subject",
    [
        ("L’authentification d’un utilisateur est qualifiée de multifacteur lorsqu’elle combine deux facteurs.", {"multifacteur"}),
        ("On appelle tiers-lieu un espace partagé ouvert aux habitants.", {"tiers"}),
        ("Par économie circulaire, on entend un modèle qui limite le gaspillage.", {"economie", "circulaire"}),
        ("Une entreprise dite d’insertion embauche des personnes éloignées de l’emploi.", {"insertion"}),
        ("Ce processus s’appelle « l’alimentation par bâchées ».", {"alimentation"}),
    ],
)
def test_a_naming_verb_before_a_word_defines_it(line, subject):
    """« est qualifiée de X », « on appelle X », « par X, on entend », « dite X », « s'appelle X »: the word named is the
    one defined; a line that only uses it, or a verb « dit » that reports speech, defines nothing."""
    from ingest.french import defines

    assert defines(line, subject)
    assert not defines("Privilégier l’authentification multifacteur lorsque cela est possible.", {"multifacteur"})
    assert not defines("Le président a dit que la coopérative recrute.", {"cooperative"})


def test_what_weight_asks_for_a_mass_or_a_share():
    """« Quel poids » is a mass for a carcass, a share for taxes in a budget: both answer it, a bare count does not."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_measure

    question = "Quel poids représentaient les impôts locaux dans les ressources de la ville en 2025 ?"
    assert question_type(question) == "number" and question_measure(question) == "mass"
    words = folded_content_words(question)
    assert type_matches("En 2025, les produits de la fiscalité représentaient 42,93 % des recettes.", "number", words, "mass")
    assert type_matches("Les carcasses pèsent en moyenne 45 kg.", "number", words, "mass")
    assert not type_matches("La commune compte 252 agents.", "number", words, "mass")


COUNTED_PAGES = (
    """La coopérative Énergie Locale

La coopérative Énergie Locale a été créée en 2015 par des habitants du pays de Redon. Elle compte aujourd'hui
81 sociétaires, dont 6 communes, et produit chaque année 12 GWh d'électricité renouvelable avec ses éoliennes.""",
    """Les projets

Ses 4 parcs éoliens ont été financés en partie par un prêt bancaire de 3 millions d'euros. Un cinquième parc est
à l'étude sur la commune de Guémené-Penfao.""",
)


@pytest.fixture(scope="module")
def energy_cooperative(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("counted"), "energie.txt", COUNTED_PAGES)


def test_a_count_of_something_the_answer_never_names_is_not_given(energy_cooperative):
    """« Combien de salariés » answered with « 81 sociétaires » would give another count: the place of the figure
    must name what is counted. A count it names is answered."""
    asked_other, asked_named = energy_cooperative.judgements(
        ["Combien de salariés emploie la coopérative Énergie Locale ?", "Combien de sociétaires compte la coopérative Énergie Locale ?"]
    )
    assert "salariés" in asked_other.refusal, asked_other
    assert not asked_named.refusal and "81 sociétaires" in asked_named.snippet.text, asked_named



def test_a_figure_of_something_the_answer_never_names_is_not_given(energy_cooperative):
    """« Quel est le montant des subventions … » answered with « un prêt bancaire de 3 millions d'euros » would give
    the figure of something else: the place of the figure must name what it is of. A figure it names is answered."""
    from ess_qa.questions import figure_of

    assert figure_of("Quel est le taux de la taxe d'enlèvement des ordures ménagères ?") == "taxe"
    assert figure_of("Quelle part de ces structures ?") is None  # no noun after the figure's
    # the context told before what is asked asks no figure (« … la part de la location baisse. Au bout de combien de
    # temps … ? » was refused as not about « location »)
    assert figure_of("La part de la location baisse. Au bout de combien de temps l'activité principale est-elle modifiée ?") is None
    assert figure_of("Quelle part minimale de viandes et de poissons durables ?") == "viandes"  # past an adjective
    # a figure noun in the complement of what is asked names no figure asked for
    assert figure_of("Quel est l'excédent de fonctionnement du compte administratif 2021 du budget principal de la commune ?") is None
    # how much a thing is or costs asks a figure of it (« 240 euros de formation … » is no volunteer's allowance); the
    # subject that spends is no figure's
    assert figure_of("c'est combien l'indemnité mensuelle d'un volontaire en service civique ?") == "indemnité"
    assert figure_of("Combien coûte la formation des bénévoles ?") == "formation"
    assert figure_of("Combien la commune a-t-elle dépensé pour la cantine ?") is None
    # a rate's denominator counts nothing: « 63 médecins pour 100 000 habitants » says no number of habitants
    from ess_qa.answering import _only_per
    from ingest.french import search_terms

    habitants = set(search_terms("habitants", "prefix5"))
    assert _only_per(habitants, "La densité des médecins généralistes pour 100 000 habitants s'élève à 63.", "prefix5")
    assert not _only_per(habitants, "La commune compte 3 000 habitants, soit 12 médecins pour 10 000 habitants.", "prefix5")
    # a rate's denominator is a round number: « pour 850 000 collégiens une formidable occasion » counts them
    collegiens = set(search_terms("collégiens", "prefix5"))
    assert not _only_per(collegiens, "le stage représente pour 850 000 collégiens une formidable occasion", "prefix5")
    # a subject every passage names is counted only where a figure or a share is written before it
    from ess_qa.answering import _AMONG_THEM_RE, _COUNTED_AFTER_RE

    def counted_after(text):
        return [word for match in _COUNTED_AFTER_RE.finditer(text) for word in match.groups() if word]

    assert "métropoles" in counted_after("une enquête auprès de 22 métropoles sur leurs actions")
    assert "métropoles" in counted_after("22 grandes métropoles") and "métropoles" in counted_after("trois métropoles")
    assert "métropoles" in counted_after("le nombre de métropoles") and "métropoles" in counted_after("la moitié des métropoles")
    assert counted_after("une stratégie métropolitaine") == [] and counted_after("au centre-ville") == []
    assert counted_after("l'industrie représente 13,9% des emplois") == ["emplois"]
    # a figure in millions or in thousands counts what comes after its « de »
    assert counted_after("le calcul de l'impôt des 37 millions de foyers fiscaux")[0] == "foyers"
    assert counted_after("près de 3 milliers d'associations")[0] == "associations"
    assert _AMONG_THEM_RE.search("En effet, 12 d’entre elles ont indiqué") and not _AMONG_THEM_RE.search("entre elles")
    # a share whose verb follows it counts what was named before it: « combien d'atlas … ont plus de 10 ans » is answered
    # by « Plus de 67% ont plus de 10 ans »; a share of something named after it is no such share
    assert _AMONG_THEM_RE.search("Plus de 67% ont plus de 10 ans") and _AMONG_THEM_RE.search("la moitié ne sont pas à jour")
    assert not _AMONG_THEM_RE.search("67 % des atlas ont plus de 10 ans") and not _AMONG_THEM_RE.search("la moitié du budget")
    # a word joined by hyphens is one: « la part de rendez-vous » is not of « rendez », nor is the noun complement's
    from ingest.french import noun_complements

    assert figure_of("De combien a baissé la part de rendez-vous non honorés ?") == "rendez-vous"
    assert noun_complements("la part de rendez-vous non honorés, le nombre de porte-à-porte") == [("part", "rendez-vous"), ("nombre", "porte-à-porte")]
    assert noun_complements("un réseau d'Aix-en-Provence de chaleur") == [("réseau", "Aix-en-Provence")]  # « Provence » heads nothing
    # a verb's infinitive is no noun's complement: « le PNNS recommande de manger des légumes secs combien de fois par
    # semaine » was refused as « not about: recommande manger »
    assert noun_complements("le PNNS recommande de manger des legumes secs") == []
    assert noun_complements("sont-ils obligés de continuer à proposer un repas sans viande") == []
    assert noun_complements("les frais de gestion du dossier de demande") == [("frais", "gestion"), ("dossier", "demande")]
    # nor is a verb's object: « … ont-ils pu disposer de matériel de visioconférence ? » was refused as « not about: disposer
    # matériel »
    assert noun_complements("ont-ils pu disposer de matériel de visioconférence") == [("matériel", "visioconférence")]
    # the word before « de » in a prepositional phrase is no noun: « … faire avant d'envoyer à l'étranger du vin en vrac »
    # was refused as « not about: avant envoyer »
    assert noun_complements("avant d'envoyer le vin, autour de midi, à partir de mai, lors de la réunion") == []
    # « de face à face » is an adverbial phrase: « Quelle durée de face à face … » was refused as « not about: durée face »
    assert noun_complements("Quelle duree de face a face est preconisee pour un recyclage") == []
    asked_other, asked_named = energy_cooperative.judgements(
        ["Quel est le montant des subventions reçues pour les parcs éoliens ?", "Quel est le montant du prêt bancaire des parcs éoliens ?"]
    )
    assert "subventions" in asked_other.refusal, asked_other
    assert not asked_named.refusal and "3 millions d'euros" in asked_named.snippet.text, asked_named



def test_a_count_whose_noun_the_place_writes_only_as_its_kin_is_not_given():
    """« combien de baigneurs » is not told by a line on the « baignade flottante » and its fees: the same search term,
    another word; the noun itself, in the singular, or a mass noun's adjective, still names it."""
    from ess_qa.answering import _only_its_kin
    from ingest.french import search_terms

    baigneurs = set(search_terms("baigneurs", "prefix5"))
    line = "Arrête les honoraires du marché (baignade flottante, pontons) pour un montant de 106 901,63 € HT."
    assert _only_its_kin("baigneurs", baigneurs, line, "prefix5")
    assert not _only_its_kin("baigneurs", baigneurs, "La baignade accueille 120 baigneurs à la fois.", "prefix5")
    assert not _only_its_kin("baigneurs", baigneurs, "Chaque baigneur paie 3 €.", "prefix5")
    amendes = set(search_terms("amendes", "prefix5"))
    assert not _only_its_kin("amendes", amendes, "L'amende s'élève à 300 000 €.", "prefix5")  # after an elision
    electricite = set(search_terms("électricité", "prefix5"))
    assert not _only_its_kin("électricité", electricite, "13 TWh de consommation électrique", "prefix5")  # how much of it
    assert not _only_its_kin("minuts", set(search_terms("minuts", "prefix5")), "plus de 15 minutes", "prefix5")  # a typo
    jeunes = set(search_terms("jeunes", "prefix5"))
    assert _only_its_kin("jeunes", jeunes, "Le service jeunesse a reçu 40 000 € en 2024.", "prefix5")
    # another word of the search term that is no noun of an action or a state may name the same things
    vegetales = set(search_terms("végétales", "prefix5"))
    assert not _only_its_kin("végétales", vegetales, "5 menus végétariens sur 20 repas", "prefix5")


def test_an_acronym_the_corpus_never_writes_is_mentioned_by_its_words_spelled_out(tmp_path):
    """« Dans quels cas la rupture du CDD d'un délégué syndical exige-t-elle l'autorisation … ? » was refused as
    « never mentioned: CDD » by a labour code that writes « contrat de travail à durée déterminée » and never « CDD ».
    An acronym the snippet's passage spells out (content words in a row, function words and one complement aside)
    is mentioned; one it does not spell out is still never mentioned, and chance initials across function words
    (« PIA avec une taille cible ») spell nothing."""
    from ess_qa.initials import spells_initials

    assert spells_initials("CDD", "La rupture du contrat de travail à durée déterminée du délégué syndical")
    assert spells_initials("PME", "les petites et moyennes entreprises")
    assert not spells_initials("PAC", "Le nouveau PIA, dit PIA 4 avec une taille cible 20 Md€")
    assert not spells_initials("CDI", "La rupture du contrat de travail à durée déterminée")
    assistant = assistant_on(tmp_path, "code.txt", (
        "Article L. 2412-2. La rupture du contrat de travail à durée déterminée du délégué syndical avant l'échéance du "
        "terme en raison d'une faute grave ne peut intervenir qu'après autorisation de l'inspecteur du travail.",
        "Article L. 2412-3. Le licenciement d'un membre élu de la délégation du personnel ne peut intervenir qu'après "
        "autorisation de l'inspecteur du travail, saisi par lettre recommandée.",
    ))
    spelled, unknown = assistant.judgements([
        "Quand la rupture du CDD d'un délégué syndical exige-t-elle l'autorisation de l'inspecteur du travail ?",
        "Quand la rupture du CDI d'un délégué syndical exige-t-elle l'autorisation de l'inspecteur du travail ?",
    ])
    assert not spelled.refusal and "durée déterminée" in spelled.snippet.text, spelled
    assert unknown.refusal == "never mentioned: CDI", unknown


def test_a_figure_of_a_name_run_together_is_named_by_the_name_written_apart():
    """« Quel montant de MaPrimeRénov' … ? » was refused as « not about: maprimerénov » by the table row that gives it,
    which writes « Ma Prime Rénov’ »: a name run together is named by its words written in a row."""
    from ess_qa.answering import _written_apart_in

    row = "Très modeste PAC air/eau 5000 € Ma Prime Rénov’ Très modeste Poêle à granulés indiv 1800 €"
    assert _written_apart_in("maprimerénov'", row)
    assert _written_apart_in("MaPrimeRénov", row)
    assert not _written_apart_in("maprimerénov", "Très modeste PAC air/eau 5000 € Prime Rénov’")
    assert not _written_apart_in("subventions", "un prêt bancaire de 3 millions d'euros")


def test_a_measure_of_something_the_answer_never_names_is_not_given(energy_cooperative):
    """« Combien de GWh de chaleur » answered with « 12 GWh d'électricité » would give the measure of something else;
    what a « combien de <unit> de … » measures is the noun after the unit, past an adjective that comes before it."""
    from ess_qa.questions import figure_of

    assert figure_of("Combien de tonnes de déchets alimentaires les cantines produisent-elles ?") == "déchets"
    assert figure_of("Combien de kilomètres de nouvelles haies seront plantés ?") == "haies"
    assert figure_of("Combien de salariés de la coopérative ?") is None  # a count, not a measure of something
    asked_other, asked_named = energy_cooperative.judgements(
        ["Combien de GWh de chaleur la coopérative Énergie Locale produit-elle ?", "Combien de GWh d'électricité la coopérative Énergie Locale produit-elle ?"]
    )
    assert "chaleur" in asked_other.refusal, asked_other
    assert not asked_named.refusal and "12 GWh" in asked_named.snippet.text, asked_named

ACRONYM_PAGES = (
    """L'insertion par l'activité économique

Les structures d'insertion par l'activité économique (SIAE) accompagnent des personnes éloignées de l'emploi
vers un travail durable. Elles relèvent de l'économie sociale et solidaire.""",
    """Les chiffres de l'insertion

En 2017, on comptait en France plus de 4 000 SIAE pour près de 136 000 salariés en insertion. Leurs financements
viennent de l'État et des départements.""",
)


@pytest.fixture(scope="module")
def insertion(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("siae"), "insertion.txt", ACRONYM_PAGES)


def test_an_acronym_holds_the_words_the_corpus_spells_it_out_with(insertion):
    """« 4 000 SIAE » counts the « structures d'insertion par l'activité économique » that the report spells out
    once as SIAE: it is not refused as counting something else."""
    (spelled,) = insertion.judgements(["Combien de structures d'insertion par l'activité économique existaient en France en 2017 ?"])
    assert not spelled.refusal and "4 000 SIAE" in spelled.snippet.text, spelled


def test_the_report_counts_its_siae_for_the_words_they_stand_for(assistant):
    """In the report, « 4 000 SIAE pour près de 136 000 salariés en insertion » shows « insertion » without
    « structures », except through the acronym: it answers « combien de structures d'insertion … »."""
    answer = assistant.ask("Combien de structures d'insertion par l'activité économique en 2017 ?")
    assert answer.found and "4 000 SIAE" in answer.snippet, answer


def test_an_acronym_never_spelled_out_stands_for_the_name_of_its_initials():
    """A yearly report writes « SPANC » and, elsewhere, « Service Public d'Assainissement Non Collectif », never the one
    in parentheses after the other: its page on the service, which writes the name only, was no page about the SPANC."""
    from ess_qa.acronyms import corpus_acronyms
    from ingest.types import Chunk

    texts = ("La Communauté de Communes a la compétence du Service Public d'Assainissement Non Collectif depuis 2009.",
             "Le SPANC contrôle les installations. La CCLO publie ce rapport.")
    chunks = [Chunk(f"r.pdf:{i}:0", "r.pdf", i, "", text) for i, text in enumerate(texts, start=1)]
    assert corpus_acronyms(chunks) == {"SPANC": "service public assainissement non collectif"}  # CCLO: no such name


def test_what_a_text_holds_through_acronyms(insertion):
    from ess_qa.acronyms import corpus_acronyms
    from ingest.french import search_terms
    from ingest.types import Chunk

    text = "Les quartiers prioritaires de la politique de la ville (QPV) ; la ville (QPV)"
    assert corpus_acronyms([Chunk("a.txt:1:0", "a.txt", 1, "", text)]) == {"QPV": "quartiers prioritaires de la politique de la ville"}
    acronyms, analyzer = insertion.acronyms, insertion.store.analyzer  # the index keeps what its corpus spells out
    words = set(search_terms("structures insertion activité économique", analyzer))
    assert acronyms.held_through("dans les 4 000 SIAE de France", set()) == words
    assert acronyms.held_through("dans les SIAEs", set()) == words  # a plural
    assert acronyms.held_through("les structures d'insertion par l'activité économique", words) == set(search_terms("SIAE", analyzer))
    assert not acronyms.held_through("les structures d'insertion", set(search_terms("structures insertion", analyzer)))


ACRONYM_IN_BRACKETS_PAGES = (
    """Les aides aux économies d'énergie

Parmi les dispositifs cités par les dirigeants, l'exemple le plus souvent mobilisé est celui des CEE (certificats d'économie d'énergie) qui financent une part des travaux.""",
    """Le bilan de l'année

En 2020, 4 000 CEE ont été délivrés aux entreprises du territoire. Les CEE ont financé des isolations et des chaudières.""",
    """Les entreprises interrogées

Les dirigeants interrogés citent aussi les aides régionales et les prêts bancaires. Les CEE sont jugés complexes par les petites entreprises.""",
)


def test_an_acronym_spelled_out_in_brackets_after_it_is_the_corpus_s(tmp_path):
    """« celui des CEE (certificats d'économie d'énergie) »: the index keeps what the acronym stands for, so « Que
    signifie CEE ? » is answered by that line, and a question that writes the words in full by a line that writes only
    the acronym (« 4 000 CEE ont été délivrés »)."""
    assistant = assistant_on(tmp_path, "energie.txt", ACRONYM_IN_BRACKETS_PAGES)
    meaning = assistant.ask("Que signifie CEE ?")
    assert meaning.found and "certificats d'économie d'énergie" in meaning.snippet
    count = assistant.ask("Combien de certificats d'économie d'énergie ont été délivrés en 2020 ?")
    assert count.found and "4 000 CEE" in count.snippet


GLOSSARY_PAGES = (
    """Acronymes et abréviations

AFIGÉO Association Française pour l'Information Géographique AFNOR Association Française de NORmalisation CNIG Conseil
National de l'Information Géographique DAO Dessin Assisté par Ordinateur BD Base de Données CRS Coordinate Reference
System DT-DICT Déclaration de Travaux – Déclaration
d'Intention de Commencement de Travaux GML Dialecte du langage XML permettant de coder des entités géographiques IGN
Institut National de l'Information Géographique et forestière SIG Système d'Information Géographique""",
    """Les réponses aux DT-DICT

L'exploitant répond aux DT-DICT dans un délai de neuf jours. Les plans joints aux réponses aux DT-DICT sont au format PDF.""",
    """Le géostandard

Le géostandard décrit les réseaux. Un plan joint aux DT-DICT situe les ouvrages en classe A, B ou C.""",
)


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("glossary"), "geostandard.txt", GLOSSARY_PAGES)


def test_a_definition_of_an_acronym_also_searches_the_words_it_stands_for(glossary):
    """« Que signifie DT-DICT ? » in a guide that writes DT-DICT on every page: the words a list of acronyms gives it
    are searched too (in a long guide, the acronym alone ranks that list below the pages that use it most), and the
    list, which spells it out, comes first."""
    from ess_qa.evidence import profile
    from ess_qa.retrieval import FusionWeights
    from ingest.french import search_terms

    def more_words(question: str) -> str:
        asked = profile(glossary.store, question, glossary.store.encode_queries([question])[0])
        return FusionWeights().query(glossary.store, asked, question, None, 20, glossary.acronyms).translated

    question = "Que signifie DT-DICT ?"
    assert glossary.acronyms.written_in(question) == ["DT-DICT"]
    assert set(search_terms("déclaration intention commencement travaux", glossary.store.analyzer)) <= set(more_words(question).split())
    assert more_words("Quel délai pour répondre aux DT-DICT ?") == ""  # not a definition: the acronym is what it asks about
    answer = glossary.ask(question)
    assert "Intention de Commencement" in answer.passages[0].text, answer.passages[0]
    # the list is one long line: the extract is shown around the acronym, with all its words
    assert "DT-DICT Déclaration de Travaux – Déclaration d'Intention de Commencement de Travaux" in answer.snippet, answer.snippet


def test_a_count_of_a_unit_asks_for_a_measure():
    """« Combien de tonnes », « combien de TWh » ask for a mass and an energy, which « 29,5 Mt » and « 13 TWh » give."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_measure

    for question, dimension, answer in (
        ("À combien de tonnes équivalent CO2 s'élève l'impact du numérique ?", "mass", "Les émissions s'élèvent à 29,5 Mt équivalent CO2."),
        ("Combien de TWh consomment les centres de données ?", "energy", "La mise à jour estime à 13 TWh leur consommation."),
        ("Combien de litres d'eau faut-il ?", "volume", "Il faut compter 150 litres par jour."),
    ):
        assert question_measure(question) == dimension, question
        words = folded_content_words(question)
        assert type_matches(answer, "number", words, dimension), answer
        assert not type_matches("Le secteur compte 12 entreprises.", "number", words, dimension)


YEARS_SECTIONS = {  # a budget report's sections (its outline) and their lines
    "Orientations budgetaires pour 2026": [
        "La dotation de solidarite urbaine versee a la commune :",
        "2022 | 2023 | 2024 | 2025",
        "Dotation de solidarite urbaine | 100 012 EUR | 103 012 EUR | 109 183 EUR | 117 006 EUR",
    ],
    "Les effectifs en 2026": ["La commune prevoit de recruter 12 agents supplementaires pour ouvrir la nouvelle mediatheque."],
}


@pytest.fixture(scope="module")
def budget_years(tmp_path_factory):
    """An assistant on a PDF whose sections, from its outline, name the year 2026."""
    from fpdf import FPDF

    from ess_qa import Assistant, build

    folder = tmp_path_factory.mktemp("years")
    pdf = FPDF()
    for title, lines in YEARS_SECTIONS.items():
        pdf.add_page()
        pdf.start_section(title)
        pdf.set_font("helvetica", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(folder / "budget.pdf"))
    build(folder, folder / "index")
    return Assistant.load(folder / "index")


def test_a_line_that_gives_its_own_years_is_about_those_years(budget_years):
    """A table of 2022 to 2025 under « … pour 2026 » does not answer for 2026; a line without a year under a
    section of 2026 still does."""
    table, unyeared = budget_years.judgements(
        [
            "Quel montant de dotation de solidarite urbaine la commune percevra-t-elle en 2026 ?",
            "Combien d'agents supplémentaires la commune prévoit-elle de recruter en 2026 ?",
        ]
    )
    assert "2026" in table.refusal, table
    assert not unyeared.refusal and "12 agents" in unyeared.snippet.text, unyeared


JOINED_NAME_PAGES = (
    """Les données utilisées

La BD Topo de l'IGN décrit les éléments du territoire. La BD Charm décrit les cartes géologiques du BRGM.""",
    """Les calculs

Les calculs sont réalisés sur le MNT de la BDTopo, au pas d'espace de 25 mètres et avec des altitudes entières.""",
)


def test_a_name_the_page_writes_as_one_word_is_named_there(tmp_path):
    """« BD Topo » in the question, « BDTopo » on the page that answers: that page is about the name the question
    uses, and its line is the answer."""
    floods = assistant_on(tmp_path, "donnees.txt", JOINED_NAME_PAGES)
    answer = floods.ask("Quelle est la résolution du MNT de la BD Topo ?")
    assert answer.found and "25 mètres" in answer.snippet, answer


CONTEXT_NAME_PAGES = (
    """Le pilotage

La DREAL de bassin coordonne le recueil des cartes de zones inondables dans chaque région.""",
    """Le calendrier

Les services rassemblent les cartes existantes et doivent les verser dans le répertoire régional avant fin décembre 2010.""",
)


def test_a_name_in_the_askers_context_does_not_decide_which_page_answers(tmp_path):
    """« Je travaille dans une DREAL … Jusqu'à quand … ? »: the DREAL says where the asker stands; the page that gives
    the date need not name it (a name in what is asked still must be on the page that answers)."""
    floods = assistant_on(tmp_path, "calendrier.txt", CONTEXT_NAME_PAGES)
    answer = floods.ask(
        "Je travaille dans une DREAL et nous rassemblons les cartes de zones inondables. "
        "Jusqu'à quand avons-nous pour verser ces données dans le répertoire régional ?"
    )
    assert answer.found and "décembre 2010" in answer.snippet, answer


MENU_PAGES = (
    """## À propos du logiciel

La fenêtre « À propos » rappelle le numéro de version du logiciel installé sur le poste.

## Gestion de la protection

Il est possible d'accéder à la gestion de la protection de deux manières, par le menu ou par le clavier.""",
)


def test_what_follows_an_extract_stops_at_the_next_sections_heading(tmp_path):
    """An echo of the question or a lead-in is shown with what follows it on its page, never with the next section
    (« … le numéro de version. 3.3.5.5. Gestion de la protection »)."""
    from ess_qa.answering import units_after_in_section

    store = assistant_on(tmp_path, "guide.md", MENU_PAGES).store
    first = next(u for position in range(len(store.chunks)) for u in store.units(position) if "numéro de version" in u.text)
    assert store.chunk(first.position).section.endswith("À propos du logiciel")
    assert any("protection" in u.text for u in store.following_units(first))  # the page goes on into the next section
    assert not any("protection" in u.text for u in units_after_in_section(store, first))


def test_a_spelling_the_question_gives_itself_defines_nothing():
    """« Qu'est-ce qu'une coopérative jeunesse de services (CJS) ? »: a line that spells CJS out (or glosses the words
    with it) tells the asker nothing they did not write; « Une CJS est … » still defines it, and so does an apposition."""
    from ingest.french import defines

    subject = {"cooperative", "jeunesse", "services", "cjs"}
    line = "La métropole a financé deux coopératives jeunesse de services (CJS) en 2017 et 2018."
    assert defines(line, subject)
    assert not defines(line, subject, told=frozenset({"CJS"}))
    assert defines("Une CJS est un projet éducatif pour des jeunes de 16 à 25 ans.", subject, told=frozenset({"CJS"}))
    apposition = "C'est l'ambition des projets alimentaires territoriaux (PAT), un outil mis en place depuis 6 ans."
    assert defines(apposition, {"projet", "alimentaire", "territorial", "pat"}, told=frozenset({"PAT"}))
    assert not defines("En 2020, une étude a été menée.", {"etude"})


def test_a_word_alone_in_brackets_is_a_tag_not_a_gloss():
    """« … des projets alimentaires territoriaux (amplification) » marks a measure; it does not say what they are."""
    from ingest.french import defines

    assert not defines("Partenariat au service des projets alimentaires territoriaux (amplification)", {"projet", "alimentaire", "territorial"})
    assert defines("Les tiers-lieux (espaces de travail partagés) se multiplient.", {"tiers", "lieux"})


YOUTH_COOPERATIVE_PAGES = (
    """La sensibilisation des jeunes

La métropole subventionne la coopérative d'activité et d'emploi Talents Croisés, qui a permis de créer deux
coopératives jeunesse de services (CJS) en 2017 et 2018.
Une CJS est un projet éducatif qui permet à une quinzaine de jeunes de 16 à 25 ans de créer et de piloter
une entreprise sociale pendant un été.""",
    """Les salons

La métropole favorise la participation des entreprises sociales aux salons professionnels du territoire.""",
    """Le budget

Le budget consacré aux entreprises sociales atteint 2 millions d'euros par an.""",
)


def test_a_definition_question_that_spells_its_acronym_out_gets_the_definition(tmp_path):
    assistant = assistant_on(tmp_path, "jeunes.txt", YOUTH_COOPERATIVE_PAGES)
    answer = assistant.ask("Qu'est-ce qu'une coopérative jeunesse de services (CJS) ?")
    assert answer.found and "projet éducatif" in answer.snippet, answer.snippet


def test_a_sentence_opened_by_a_title_in_capitals_can_be_the_extract():
    """A designed page reads its banner and the sentence under it as one line: the sentence may answer, and is
    shown without the banner (the citation names the section)."""
    from ess_qa.answering import _answering
    from ingest.french import after_capital_title

    line = "L'ESS AU CŒUR DES POLITIQUES PUBLIQUES Depuis 1981, l'ESS a fait son entrée dans l'action des gouvernements."
    assert after_capital_title(line) == "Depuis 1981, l'ESS a fait son entrée dans l'action des gouvernements."
    assert _answering(None, "date")(line)
    assert not _answering(None, "date")("L'ESS AU CŒUR DES POLITIQUES PUBLIQUES")
    assert after_capital_title("La loi ESS du 31 juillet 2014 reconnaît les SCIC.") == "La loi ESS du 31 juillet 2014 reconnaît les SCIC."


@pytest.mark.parametrize(
    "question, kind",
    [
        ("comment integrer le test d'adresse sur le site internet de ma collectivite", "procedure"),
        ("Comment déclarer un changement d'adresse ?", "procedure"),
        ("comment contacter le service par mail ?", "contact"),
        ("quel est le site internet du service ?", "contact"),
        ("Quelle est l'adresse du siège ?", "address"),
        ("adresse mail contact du service", "contact"),
    ],
)
def test_a_question_that_asks_how_to_do_something_asks_a_procedure_whatever_address_it_names(question, kind):
    """« comment intégrer le test d'adresse sur le site internet » wants the steps, not an address: it was refused for
    want of a line holding a web address; « comment contacter … par mail » still wants the address."""
    assert question_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("source données consommations de gaz à l'adresse", "other"),
        ("d'ou viennent les donnees de consommation de gaz a l'adresse", "other"),  # typed without its accent
        ("consommations de gaz par adresse", "other"),
        ("combien d'adresses testées par mois", "number"),
        ("Quelle est l'adresse de la CRESS ?", "address"),
        ("À quelle adresse envoyer le dossier ?", "address"),
        ("adresse CRESS Bretagne", "address"),
        ("What is the address of the agency?", "address"),
        # a thing told by what it is for is no definition asked
        ("What is the penalty for a repeat offence?", "other"),
        ("What is the RGAA?", "definition"),
        # the context told before the sentence that asks sets no kind: a phone mentioned is no phone number asked
        ("Une usagère est hospitalisée. Elle m'a demandé par téléphone de faire sa démarche. Quelles conditions faut-il respecter ?", "list"),
        ("Quel est le numéro de téléphone de la CRESS ?", "contact"),
        # typed without its accent, « à partir de quand » still asks a date
        ("a partir de quand le menu vegetarien est obligatoire", "date"),
    ],
)
def test_an_address_that_says_where_a_figure_is_measured_is_not_asked_for(question, kind):
    """« les consommations de gaz à l'adresse » (a guide's data, building by building) asks no postal address: it was
    refused for want of a line holding one, the passage that answers ranked first."""
    assert question_type(question) == kind


def test_a_name_the_documents_title_gives_is_no_name_the_corpus_never_mentions(tmp_path):
    """« RGESN » is in the PDF's title only (« Référentiel … - RGESN version 2024 »): a question that names the
    document so is answered; a name neither its text nor its title gives is still refused as never mentioned."""
    # its first page writes its title's words, as a document does, but never the acronym
    assistant = assistant_on_pdf(tmp_path, "referentiel.pdf", ("Référentiel général de l'écoconception des services numériques\n\n"
        "Les applications natives sont testées sur un smartphone mis sur le marché il y a sept ans ou plus. "
        "Le service limite les notifications à cinq par jour par défaut.",), title="Référentiel général de l'écoconception des services numériques - RGESN version 2024")
    answer = assistant.ask("On me demande de suivre le RGESN : sur quel smartphone tester une application native ?")
    assert answer.found and "sept ans" in answer.snippet, answer.snippet
    assert not assistant.ask("On me demande de suivre le RGAA : sur quel smartphone tester une application native ?").found


def test_a_name_the_documents_title_gives_need_not_be_on_the_page_that_answers(tmp_path):
    """A guide to « France Chaleur Urbaine » names it on its cover and a few pages only: « Comment intégrer le test
    d'adresses de France Chaleur Urbaine sur le site … ? » was answered from a page that names it (the contact page),
    the page that answers ranked sixth for not naming it. A name the title does not give still picks its page."""
    pages = [
        "France Chaleur Urbaine est un service public gratuit du ministère de la transition écologique. "
        "Contact : l'équipe France Chaleur Urbaine répond par courriel.",
        "Intégrez à votre site notre test d'adresses : un iframe intégrable en un simple copié/collé. "
        "Les habitants vérifient ainsi si leur immeuble est raccordable.",
        "Le réseau de Grenoble compte 170 kilomètres de canalisations. Le réseau de Metz dessert 40 000 logements.",
    ]
    assistant = assistant_on_pdf(tmp_path, "guide.pdf", pages, title="France Chaleur Urbaine, une plateforme au service des collectivités")
    answer = assistant.ask("Comment intégrer le test d'adresses de France Chaleur Urbaine sur le site de ma collectivité ?")
    assert answer.passages[0].page == 2 and "iframe" in answer.snippet, answer
    answer = assistant.ask("Combien de logements le réseau de Metz dessert-il ?")
    assert answer.passages[0].page == 3 and "40 000" in answer.snippet, answer


def test_the_initials_of_the_documents_title_need_not_be_on_the_page_that_answers(tmp_path):
    """« Le site FCU il sort bien sur Google … ? » asked of France Chaleur Urbaine's own guide found no page to answer:
    the page on its search ranking never writes « FCU » nor « France Chaleur Urbaine », and pages must use the names a
    question uses. Initials the corpus spells out as its title's words are the document's own name, as the title is.
    Initials of another name still pick their page."""
    pages = [
        "France Chaleur Urbaine est un service public gratuit. France Chaleur Urbaine (FCU) accompagne les collectivités.",
        "Notre site est en deuxième position dans Google pour la recherche « chauffage urbain ».",
        "L'Agence de la transition écologique (ADEME) finance les études. Google Maps affiche les réseaux.",
    ]
    assistant = assistant_on_pdf(tmp_path, "guide.pdf", pages, title="France Chaleur Urbaine, une plateforme au service des collectivités")
    answer = assistant.ask("Le site FCU il sort bien sur Google quand on cherche chauffage urbain ?")
    assert answer.found and "deuxième position" in answer.snippet, answer
    answer = assistant.ask("L'ADEME est-elle sur Google ?")
    assert not answer.found or answer.passages[0].page == 3, answer


def test_the_context_told_before_a_question_names_nothing_it_asks_of(tmp_path):
    """« Je travaille dans une DSI et on lance un projet. On se demande comment le développement avait été cadré : quelle
    durée ? » was refused as naming a « DSI » the document never mentions. Once its « On se demande » was left out, the
    question's last sentence opened in lower case and was no longer read as a sentence of its own."""
    assistant = assistant_on_pdf(tmp_path, "bilan.pdf", ("Le développement a duré 3 mois stricts, structurés sur un cadre SCRUM avec des sprints de deux semaines. "
        "Le produit est hébergé dans le datacentre ministériel.",))
    answer = assistant.ask("Je travaille dans une DSI et on lance un projet avec un prestataire. On se demande comment le développement avait été cadré : quelle durée et quel rythme de sprints ?")
    assert answer.found and "3 mois" in answer.snippet, answer


def test_an_acronym_the_corpus_never_writes_is_answered_by_the_line_that_spells_it_out(tmp_path):
    """« jusqu'à quand les produits HVE comptent … ? » was refused as naming an « HVE » the note never writes: it writes
    « haute valeur environnementale », in a passage below the first. The first passages that spell out such an acronym
    answer, by their line that spells it; an acronym no passage spells out is still never mentioned."""
    pages = [
        "Les repas comprennent une part au moins égale à 50 % de produits durables et de qualité. "
        "Les produits durables sont achetés par les établissements publics de santé.",
        "Sont comptés les produits issus de l'agriculture biologique. Sont aussi comptés, jusqu'au 31 décembre 2026, "
        "les produits issus d'une exploitation ayant la certification « haute valeur environnementale ».",
    ]
    assistant = assistant_on_pdf(tmp_path, "note.pdf", pages)
    answer = assistant.ask("jusqu a quand les produits HVE comptent dans les 50% de produits durables")
    assert answer.found and "31 décembre 2026" in answer.snippet and "haute valeur" in answer.snippet, answer
    assert assistant.judgements(["jusqu a quand les produits AOP comptent dans les produits durables"])[0].refusal == "never mentioned: AOP"


def test_who_wrote_the_document_is_answered_by_its_credits(tmp_path):
    """« Qui a rédigé cette note juridique … ? » was answered with the note's purpose, or refused: its credits line
    (« ◊AUTEUR Rudy CHOUVEL … ») shares no word with the question and names no subject. A question on who wrote the
    document searches the words documents credit their authors by, and is answered by the line that does; a sentence
    that mentions « l'auteur » is no credits line."""
    pages = [
        "AUTEUR Rudy CHOUVEL Chargé de mission Transition écologique - CONTACT r.chouvel@example.fr",
        "Cette note a pour objet de présenter les obligations applicables aux établissements en matière de restauration. "
        "Toute obligation absente du texte peut être signalée à l'auteur par écrit. Un roman n'est pas une note.",
        "Le tri des biodéchets est obligatoire depuis le 1er janvier 2024 pour tous les établissements.",
    ]
    assistant = assistant_on_pdf(tmp_path, "note.pdf", pages)
    answer = assistant.ask("Qui a rédigé cette note juridique sur la restauration ?")
    assert answer.found and "Rudy CHOUVEL" in answer.snippet, answer
    answer = assistant.ask("auteur note restauration")
    assert answer.found and "Rudy CHOUVEL" in answer.snippet, answer
    answer = assistant.ask("Depuis quand le tri des biodéchets est-il obligatoire ?")
    assert "1er janvier 2024" in answer.snippet, answer
    # the authors of another work are not this document's: its credits line says nothing of « qui a écrit le roman »
    # (an off-topic probe of the calibration, whose score had risen on such a line and the corpus's floor with it)
    judged = assistant.judgements(["Qui a écrit le roman ?"])[0]
    assert judged.answerability < assistant.answer_settings.min_answerability, judged



def test_when_the_document_was_published_is_answered_by_its_cover(tmp_path):
    """« De quand date ce document … ? » was refused, or answered with a date of the body: the cover's date (« Juillet
    2023 ») shares no word with the question. A date question on when the document it names by « document », or by a
    kind its cover writes (« GUIDE »), was published is answered by the line of its first pages that gives a date,
    shown after what it dates; a date question on something else is answered from the body."""
    pages = [
        "GUIDE DE LA RESTAURATION COLLECTIVE\n\nJuillet 2023",
        "Ce guide présente les obligations des cantines. La pesée des déchets alimentaires est recommandée au printemps 2024, "
        "sur une semaine entière, avant toute action de réduction du gaspillage.",
        "Le tri des biodéchets est obligatoire depuis le 1er janvier 2024 pour tous les établissements de restauration.",
    ]
    assistant = assistant_on_pdf(tmp_path, "guide.pdf", pages)
    for question in ("De quand date ce guide ?", "guide restauration collective date de parution", "When was this guide published?"):
        answer = assistant.ask(question)
        assert answer.found and "Juillet 2023" in answer.snippet and "GUIDE DE LA RESTAURATION" in answer.snippet, (question, answer)
        assert answer.passages[0].page == 1, answer
    answer = assistant.ask("Depuis quand le tri des biodéchets est-il obligatoire ?")
    assert "1er janvier 2024" in answer.snippet, answer
    answer = assistant.ask("Quand le guide recommande-t-il de peser les déchets ?")
    assert "printemps 2024" in answer.snippet, answer
    # a line that says the date as asked (« Date de publication du document : … ») answers before the cover's
    pages = ["GUIDE DES RÉSEAUX\n\nversion 1.0 - 15 novembre 2019", "Rapporteur : CNIG. Date de publication du document : 19/11/2019."]
    (tmp_path / "other").mkdir()
    answer = assistant_on_pdf(tmp_path / "other", "standard.pdf", pages).ask("quelle est la date de publication du document")
    assert answer.found and "19/11/2019" in answer.snippet, answer
    # a year alone on its line under the title, too short to be a line of its own: the cover shown whole
    pages = ["Aidants Connect\n- Éléments juridiques\n2024", "Ce document présente le mandat, un contrat par lequel une personne donne à une autre le pouvoir d'agir, "
        "publié en ligne et renouvelé chaque année."]
    (tmp_path / "third").mkdir()
    answer = assistant_on_pdf(tmp_path / "third", "juridique.pdf", pages).ask("En quelle année a été publié ce document ?")
    assert answer.found and "2024" in answer.snippet and "Éléments juridiques" in answer.snippet, answer


@pytest.mark.parametrize(
    "question, kind",
    [
        ("De quand date ce document du pôle logistique de l'ANAP ?", "document"),
        ("Le guide pour passer du format PPR au standard SUP, il date de quand ?", "guide"),
        ("De quand date la dernière mise à jour de ce guide ?", "guide"),
        ("De quand date la révision de ce guide d'utilisation ?", "guide"),  # a revision dates it too
        ("quelle est la date de publication du document StaR-DT", "document"),
        ("note FHF restauration date de mise à jour", "note"),
        ("En quelle année a été publié ce document sur les éléments juridiques ?", "document"),
        ("When was this guide published?", "guide"),
        ("De quand date cette charte graphique du coût environnemental ?", "charte"),  # a charter, a manual, a form are documents too
        ("Quand ce bilan social a-t-il été publié ?", "bilan"),  # a report by its kind (a « bilan » is a balance sheet too)
        ("De quand date la loi dite Egalim dont l'article 25 impose ce rapport ?", None),  # the law's date
        ("Quand le guide recommande-t-il de peser ?", None),  # when to weigh
        ("Combien de pages compte ce guide ?", None),
    ],
)
def test_a_question_on_when_the_document_was_published_is_told_apart(question, kind):
    from ess_qa.questions import dated_document

    assert dated_document(question) == kind

@pytest.mark.parametrize(
    "question, asks",
    [
        ("Qui a rédigé cette note juridique ?", True),
        ("Qui sont les auteurs du rapport ?", True),
        ("Quelle direction de la mairie a rédigé ce rapport ?", True),
        ("auteur discours plan transformation écologique", True),
        ("Who wrote the assessment, and when?", True),
        ("L'Ordre a-t-il participé au groupe de travail qui a rédigé le standard ?", False),
        ("Comment rédiger le CCTP ?", False),
        ("Qui finance le projet ?", False),
    ],
)
def test_a_question_on_who_wrote_the_document_is_told_apart(question, asks):
    assert asks_authorship(question) == asks


def test_a_credits_line_is_a_label_not_a_mention():
    assert all(CREDITS_RE.search(line) for line in ("◊AUTEUR Rudy CHOUVEL", "Auteurs : Chouaib Nounes", "Rédaction : Geoffrey ARTHAUD",
        "Document produit par la Direction des Finances", "Rapport n° 22071 établi par", "Discours de M. Gabriel ATTAL"))
    assert not any(CREDITS_RE.search(line) for line in ("peut être signalée à l'auteur.", "les auteurs du rapport",
        "43 % ont été réalisées par des SIAE", "le rapport est produit par l'ADEME",
        "À ce titre, le suivi technique des travaux est nécessairement réalisé par la direction opérationnelle"))


def test_a_month_an_english_question_names_is_a_date_not_a_name(tmp_path):
    """« … the joint appeal of 15 June 2022 … » was refused as naming a « June » the report never mentions: it writes
    « 15 juin 2022 ». An English question's month is named when the corpus writes it in French; one it never writes is not."""
    assistant = assistant_on_pdf(tmp_path, "rapport.pdf", ("L'appel du 15 juin 2022, co-signé par huit organisations, souhaitait une hausse de 0,20 euro par repas. "
        "Le rapport a été remis au Parlement en septembre 2019.",))
    answer = assistant.ask("How much of a per-meal increase did the joint appeal of 15 June 2022 ask for?")
    assert answer.found and "0,20" in answer.snippet, answer
    assert assistant.judgements(["What did the appeal of 15 March 2022 ask for?"])[0].refusal == "never mentioned: March"
    # an English possessive names what it is said of (« the State's consumption »: the State, the corpus's « État »)
    (tmp_path / "state").mkdir()
    assistant = assistant_on_pdf(tmp_path / "state", "discours.pdf", ("Ainsi, en 2023, la sobriété a été au programme pour toutes les administrations d'Etat : la facture "
        "énergétique de l'Etat et de ses opérateurs a baissé de 150 millions d'euros. C'est notre consommation de gaz qui baisse de 11 % !",))
    assert not assistant.judgements(["How much did the State's gas consumption decrease in 2023?"])[0].refusal


def test_a_name_that_only_shares_a_search_term_with_a_corpus_word_is_never_mentioned(tmp_path):
    """« Quel rôle Eurostat a-t-il joué … ? » was answered from a guide that never names Eurostat: its search term
    « euros » is that of the guide's « euros ». A French question's name is one the corpus writes whole (or in the
    plural, or as its adjective, or one typo away: « parisien », « Européene »); an English question's capitalised word
    may still be a cognate of a corpus word (« Metropolis »)."""
    assistant = assistant_on_pdf(tmp_path, "guide.pdf", ("La révision de la nomenclature d'activités a été pilotée par l'INSEE avec les Métropoles. "
        "Les entreprises dont le chiffre d'affaires dépasse 2 milliards d'euros ont une sous-classe propre. "
        "Le centre de données parisien est mesuré chaque mois pour la Commission européenne.",))
    judged = assistant.judgements(["Quel rôle Eurostat a-t-il joué dans la révision de la nomenclature ?"])[0]
    assert judged.refusal == "never mentioned: Eurostat"
    assert not assistant.judgements(["Quel rôle l'INSEE a-t-il joué dans la révision de la nomenclature ?"])[0].refusal
    assert not assistant.judgements(["What role did the Metropolis play in the revision?"])[0].refusal.startswith("never mentioned")
    # a name's adjective, a name typed with a slip: written (« parisien » for Paris, « Européene » for « européenne »)
    assert not assistant.judgements(["Pour quelle Commission Européene le centre de Paris est-il mesuré ?"])[0].refusal


def test_a_word_neither_french_nor_the_corpuss_names_what_it_never_mentions(tmp_path):
    """« Quel surcoût carbone attribue-t-on au streaming ? » was answered from a study that never says « streaming », a
    word in lower case, so no name: a word neither of the corpus nor of the French lexicon, nor one typo away from
    one, nor two of its words run together, is what the corpus never mentions; a typo (« comune »), a French word,
    « aujourd'hui », « vidéosurveillance » asked of a text that writes « vidéo surveillance » are not."""
    assistant = assistant_on_pdf(tmp_path, "etude.pdf", ("Le surcoût carbone des téléviseurs plus grands est estimé à un million de tonnes par an. "
        "Chaque commune reçoit une dotation de 5 000 euros pour ses écoles. Les caméras de vidéo surveillance sont déclarées.",))
    assert assistant.judgements(["Quel surcoût carbone attribue-t-on au streaming ?"])[0].refusal == "never mentioned: streaming"
    # a compound the corpus writes in two words (« vidéo surveillance »; pypdf splits some too) is mentioned
    for question in ("Quelle dotation reçoit chaque comune pour ses écoles ?", "Quelle dotation reçoit chaque commune aujourd'hui ?",
                     "Les caméras de vidéosurveillance sont-elles déclarées ?"):
        assert not assistant.judgements([question])[0].refusal, question


def test_a_word_made_of_a_prefix_the_corpus_writes_apart_is_mentioned(tmp_path):
    """« … que la CCLO cofinance … ? » was refused as naming what the minutes never mention: they write
    « co-financement ». A prefix the corpus writes apart before a form of one of its words is its word; a prefix before
    a word the corpus lacks (« cogénération ») still names what it never mentions."""
    assistant = assistant_on_pdf(tmp_path, "cr.pdf", ("La communauté obtient un co-financement de la Région pour quatre dispositifs d'aide "
        "aux entreprises : la création, la reprise, les commerces et l'artisanat.",))
    assert not assistant.judgements(["Quels dispositifs d'aide aux entreprises la communauté cofinance avec la Région ?"])[0].refusal
    assert assistant.judgements(["Quels dispositifs de cogénération la communauté finance-t-elle ?"])[0].refusal == "never mentioned: cogénération"


def test_a_name_spelled_out_before_an_acronym_the_corpus_writes_is_the_corpuss(tmp_path):
    """« … with the regional Chamber of Trades and Crafts (CMA)? » was refused as naming « Trades », which no French
    word translates; the question spells out the CMA that the minutes write. A name's words before an acronym in
    brackets that the corpus writes name nothing it lacks; before one it never writes, they still do."""
    assistant = assistant_on_pdf(tmp_path, "cr.pdf", ("La convention de partenariat avec la CMA Hauts-de-France coûte 12 750 euros annuels "
        "à la communauté de communes, pour des permanences et des actions de communication.",))
    answer = assistant.ask("What is the annual cost of the partnership with the regional Chamber of Trades and Crafts (CMA)?")
    assert answer.found and "12 750" in answer.snippet, answer
    judged = assistant.judgements(["What is the annual cost of the partnership with the Chamber of Trades and Crafts (CRMA)?"])[0]
    assert judged.refusal.startswith("never mentioned"), judged


def test_a_name_spelled_out_whose_initials_the_corpus_writes_is_read_with_them(tmp_path):
    """« Quelle est l'adresse postale de la Fédération hospitalière de France ? » was refused as naming what a note of the
    FHF never mentions: it only writes « FHF ». A name a question spells out whose initials the corpus writes (and never
    spells out) is read with them; a postal address is a street or a postcode, which a back cover prints in capitals,
    not the author's e-mail."""
    assistant = assistant_on_pdf(tmp_path, "note.pdf", (
        "AUTEUR Rudy Martin, chargé de mission transition écologique à la FHF. CONTACT r.martin@fhf.fr. Cette note fait le "
        "point sur les obligations des hôpitaux publics en matière de restauration collective et de gaspillage alimentaire.",
        "Les hôpitaux publics doivent trier leurs biodéchets à la source depuis le 1er janvier 2024, quelle que soit la "
        "quantité produite, et proposer une convention de don aux associations d'aide alimentaire.",
        "1 BIS RUE CABANIS - 75993 PARIS CEDEX 14 - FHF@FHF.FR - WWW.FHF.FR"))
    answer = assistant.ask("Quelle est l'adresse postale de la Fédération hospitalière de France ?")
    assert answer.found and "CABANIS" in answer.snippet, answer
    assert "(FHF)" in (answer.notice or ""), answer.notice
    # a name whose initials the corpus does not write is still one it never mentions
    judged = assistant.judgements(["Que demande la Fédération nationale des Collectivités aux hôpitaux publics ?"])[0]
    assert judged.refusal.startswith("never mentioned"), judged


def test_a_page_that_spells_out_a_name_answers_though_the_corpus_writes_its_initials_elsewhere(tmp_path):
    """« Quel montant la CCSA a-t-elle accordé au Centre Hospitalier de Fourmies … ? » is read with « (CHF) », initials
    another page writes (the corpus does not say which centre they stand for: two are spelled out with them); the page
    that gives the amount spells the name out and never writes « CHF »: it still names what the question names (no
    snippet was found before)."""
    assistant = assistant_on_pdf(tmp_path, "cls.pdf", (
        "La communauté de communes attribue en 2023 au Centre Hospitalier de Fourmies une aide financière de 35 000 euros pour "
        "contribuer à l'installation d'un chirurgien-dentiste au sein de la maison de santé. Le Centre Hospitalier de "
        "Felleries accueille quant à lui une consultation de tabacologie.",
        "Fiche action 2.1 : le CHF et les médecins libéraux organisent des permanences de soins non programmés le samedi "
        "matin, avec l'appui de la coordination du contrat local de santé."))
    answer = assistant.ask("Quel montant la communauté de communes a-t-elle accordé au Centre Hospitalier de Fourmies pour l'installation d'un chirurgien-dentiste ?")
    assert "(CHF)" in (answer.notice or ""), answer.notice
    assert answer.found and "35 000 euros" in answer.snippet, answer


def test_the_names_a_question_spells_out_end_at_a_function_word_a_mark_or_an_acronym():
    """« … de Clermont Auvergne Métropole pour l'ESS ? » spells out « Clermont Auvergne Métropole » (CAM), not
    « … Métropole pour l'ESS » (CAME, a word the report writes); an address asked by post is a postal one."""
    from ess_qa.initials import initials_of_names
    from ess_qa.questions import question_measure

    assert initials_of_names("c'est quoi les 5 défis de Clermont Auvergne Métropole pour l'ESS ?") == [("CAM", ["Clermont", "Auvergne", "Métropole"])]
    assert ("FHF", ["Fédération", "hospitalière", "France"]) in initials_of_names("L'adresse de la Fédération hospitalière de France ?")
    assert question_measure("Quelle est l'adresse postale de la FHF ?") == "postal"
    assert question_measure("Quelle est l'adresse de la FHF ?") is None


def test_a_clipped_word_is_read_as_the_corpus_words_it_starts(tmp_path):
    """« y en a combien de végé sur 20 repas ? » was refused as « not about: végé »: the guide writes « végétariens »,
    and « végé », four letters, is shorter than a search term. A clip the corpus lacks, neither French nor a typo, is
    read as the corpus's words it starts when they share one search term; a short word that starts a short word
    (« dej », « déjà ») is no clip."""
    assistant = assistant_on(tmp_path, "menus.txt", (
        "Le menu végétarien hebdomadaire est obligatoire en restauration scolaire. Si l'école sert 4 menus du midi par "
        "semaine : 5 menus végétariens sur 20 repas successifs du midi. Il est déjà recommandé toute l'année.",
        "Les protéines végétales des légumes secs et des céréales couvrent les besoins des enfants.",
    ))
    clipped = assistant.ask("y en a combien de végé sur 20 repas ?")
    assert "« végé » lu comme « végét" in (clipped.notice or ""), clipped.notice
    assert clipped.found and "5 menus végétariens" in clipped.snippet, clipped
    assert assistant.ask("les menus de la dej ?").notice is None


def test_a_moment_told_by_what_it_follows_answers_when():
    """« quand » may be answered by the event after which something happens: « suite à une baisse », « à la suite de la
    délibération », as by « après » or « lorsque »; « la suite du document » tells no moment."""
    from ingest.numbers import MOMENT_RE

    assert MOMENT_RE.search("le classement est abrogé par délibération suite à une baisse de la part des énergies renouvelables")
    assert MOMENT_RE.search("à la suite de la délibération du conseil")
    assert not MOMENT_RE.search("la suite du document présente les résultats")
    # and « at any time » answers when too (« Quand les ressources sont-elles disponibles ? »: « Disponibles à tout moment »)
    assert MOMENT_RE.search("Je consulte des ressources liées à mon territoire. Disponibles à tout moment")
    assert MOMENT_RE.search("le service est ouvert en permanence") and MOMENT_RE.search("available at any time")
    assert not MOMENT_RE.search("un moment fort du mandat")
    # and at once (« Quand le compte doit-il être désactivé ? »: « le jour même »)
    assert MOMENT_RE.search("son compte doit être désactivé le jour même") and MOMENT_RE.search("signalée sans délai")
    assert MOMENT_RE.search("the account is closed the same day") and not MOMENT_RE.search("le même jour de la semaine que la réunion")


DEPARTURE_PAGES = (
    """Comptes et accès

Chaque membre de l'équipe dispose d'un compte personnel protégé par un mot de passe.

Le compte d'un membre qui quitte l'équipe doit être désactivé le jour même par l'administrateur.

Les identifiants ne doivent jamais être partagés entre collègues.""",
)


def test_a_when_question_is_answered_by_a_line_that_says_at_once(tmp_path):
    """« le jour même » tells when, as a date would: the line that says it answers « Quand … ? »."""
    answer = assistant_on(tmp_path, "charte.txt", DEPARTURE_PAGES).ask("Quand le compte d'un membre qui quitte l'équipe doit-il être désactivé ?")
    assert answer.found and "le jour même" in answer.snippet, answer.snippet


def test_a_name_ends_at_the_verb_asked_of_it():
    """« Quand le Conseil National de l'Alimentation a-t-il publié son avis n° 87 ? » was read as « … publié (AAP) »:
    « Alimentation a-t-il publié » spelled AAP, a word of a white paper (« Appel à Projets (AAP) »), and the question then
    named what no page about the CNA wrote, so it got no snippet. A verb followed by its subject pronoun is no name's
    word."""
    from ess_qa.initials import initials_of_names
    from ingest.french import inverts_its_subject

    assert initials_of_names("Quand le Conseil National de l'Alimentation a-t-il publié son avis n° 87 ?") == [("CNA", ["Conseil", "National", "Alimentation"])]
    assert all(inverts_its_subject(verb) for verb in ("a-t-il", "peut-on", "sont-elles", "Faut-il"))
    assert not any(inverts_its_subject(word) for word in ("Saint-Martin", "Neuilly-sur-Marne", "Île-de-France", "a"))


def test_a_keyword_query_that_asks_a_meaning_asks_for_a_definition():
    """« GEMAPI signification sigle » was answered with a line that names the tax without spelling it out: the meaning
    nouns after the acronym asked nothing. As keywords, « signification », « sigle » or « acronyme » anywhere ask what
    the rest means, and are not words to find in the answer."""
    from ess_qa.questions import defined_words, question_content

    for typed in ("GEMAPI signification sigle", "signification sigle GEMAPI", "acronyme GEMAPI"):
        content = question_content(typed)
        assert content == "qu'est-ce que GEMAPI", content
        assert question_type(content) == "definition" and defined_words(content) == {"gemapi"}
    assert question_type("GEMAPI signification sigle") == "definition"


def test_a_definition_asked_with_a_second_question_defines_its_own_words():
    """« Qu'est-ce que le portage à domicile et à quel public s'adresse-t-il ? » was read as asking for a postal address
    (« s'adresse »), so no line without a street or a postcode could answer it, and as defining « public » too. The verb
    « s'adresser » asks no address; what is defined ends where a second question starts."""
    from ess_qa.questions import defined_words

    question = "Qu'est-ce que le portage à domicile et à quel public s'adresse-t-il ?"
    assert question_type(question) == "definition"
    assert defined_words(question) == {"portage", "domicile"}
    assert defined_words("Qu'est-ce que le CSE et comment est-il élu ?") == {"cse"}
    assert defined_words("Qu'est-ce que la garantie et la caution ?") == {"garantie", "caution"}
    assert question_type("À qui s'adressent les aides ?") == "person"
    assert question_type("Quelle est l'adresse de la mairie ?") == "address"


def test_a_date_a_lead_in_gives_is_shown_with_its_items(tmp_path):
    """« En quelle année a été publiée la première version du référentiel … ? » found the thanks that say « publiée en
    janvier 2023, notamment : » before a list, and showed the lead-in cut to the question's words, without the date,
    so refused it. A lead-in cut for its items keeps the figure or date a strict question asks for."""
    assistant = assistant_on(tmp_path, "rcp.txt", (
        "REMERCIEMENTS\nNos remerciements vont à tous les acteurs qui ont contribué à construire la première version du "
        "référentiel méthodologique d'évaluation des impacts environnementaux des services d'hébergement informatique en "
        "centre de données et services cloud, publiée en janvier 2023, notamment :\n"
        "• L'agence, qui a financé cette action collective dans le cadre d'un appel à projets ;\n"
        "• Deux bureaux d'études, qui ont coordonné le projet et rédigé le référentiel ;\n"
        "• Les membres de deux fédérations professionnelles, qui ont soutenu et participé au projet.",))
    answer = assistant.ask("En quelle année a été publiée la première version du référentiel sur l'hébergement en centre de données et les services cloud ?")
    assert answer.found and "janvier 2023" in answer.snippet, answer


def test_an_english_questions_name_is_found_on_a_page_that_writes_its_french_cognate(tmp_path):
    """« What does the International Energy Agency expect … by 2030? » found no line: the page that answers writes
    « l'Agence Internationale de l'Energie », and « international » was looked for as a whole word, which another
    page writes. An English question's names are found on a page by their search terms."""
    assistant = assistant_on_pdf(tmp_path, "fiche.pdf", ("Le marché international des serveurs progressera jusqu'en 2030 sans doubler. Les acheteurs publics suivent "
        "cette évolution de près, année après année, dans chacun de leurs marchés de fournitures.",
        "L'Agence Internationale de l'Energie anticipe un doublement de la demande électrique des centres de données d'ici 2030."))
    answer = assistant.ask("What does the International Energy Agency expect for the electricity demand of data centres by 2030?")
    assert answer.found and "doublement" in answer.snippet, answer


def test_an_english_question_may_say_that_the_law_is_french(tmp_path):
    """« Which ordinance adapted French waste legislation to European Union law? » was refused as naming something the
    document never mentions, « French »: a French document need not say that its law is French. A country it does
    not cover is still never mentioned."""
    assistant = assistant_on_pdf(tmp_path, "dechets.pdf", ("L'ordonnance n° 2010-1579 du 17 décembre 2010 porte diverses dispositions d'adaptation au droit de l'Union "
        "européenne dans le domaine des déchets. Les établissements trient leurs déchets en cinq flux.",))
    answer = assistant.ask("Which ordinance adapted French waste legislation to European law?")
    assert answer.found and "2010-1579" in answer.snippet, answer
    assert not assistant.ask("Which ordinance adapted Spanish waste legislation to European law?").found


def test_a_date_beside_a_web_address_answers_when(tmp_path):
    """« À quelle date la feuille de route … a-t-elle été publiée ? » was refused: the line that dates it is mostly its
    web address (« Publiée le 23/02/2021 - https://www.ecologie.gouv.fr/… »), and lines mostly made of sources say
    where to read, not what. Its other words give the date asked: it answers."""
    slides = (  # a slide deck's: one line a slide
        "La feuille de route numérique et environnement engage le gouvernement sur quinze mesures.",
        "Publiée le 23/02/2021 - https://www.ecologie.gouv.fr/feuille-route-numerique-et-environnement",
        "Ses mesures portent sur la connaissance, la sobriété et l'innovation.",
    )
    assistant = assistant_on_pdf(tmp_path, "feuille.pdf", slides)
    answer = assistant.ask("À quelle date la feuille de route numérique et environnement a-t-elle été publiée ?")
    assert answer.found and "23/02/2021" in answer.snippet, answer


def test_an_english_question_names_french_places_in_english(tmp_path):
    """« What share of management positions in the social economy of French Guiana is held by women? » was refused as
    naming something a panorama of the ESS in Guyane never mentions, « Guiana », which no model translation puts close
    enough to « Guyane ». A region the panorama does not cover, named in English, is still never mentioned."""
    assistant = assistant_on_pdf(tmp_path, "panorama.pdf", ("L'économie sociale et solidaire en Guyane compte 4 490 emplois. "
        "En Guyane, 65 % des postes à responsabilités de l'ESS sont occupés par des femmes.",))
    answer = assistant.ask("What share of management positions in the social economy of French Guiana is held by women?")
    assert answer.found and "65 %" in answer.snippet, answer
    refusal = assistant.judgements(["What share of management positions in the social economy of Brittany is held by women?"])[0].refusal
    assert "never mentioned: Brittany" in refusal


def test_a_name_in_the_sentences_told_before_the_question_is_not_what_it_asks_of(tmp_path):
    """« Je suis responsable des achats dans un CHU … . À partir de quand … ? » was refused because the note never
    names a CHU, the line that answers ranked first; so was « … pour l'AG. Côté santé et sécurité, … ? » (« Côté »
    opens a sentence). A name in the sentence that asks is still one the document must give."""
    note = (
        "Au 1er janvier 2025 : interdiction de l'utilisation de contenants alimentaires de réchauffage en plastique "
        "dans les services de pédiatrie, d'obstétrique et de maternité. "
        "Le document unique d'évaluation des risques professionnels est un indicateur de santé et sécurité au travail."
    )
    assistant = assistant_on_pdf(tmp_path, "note.pdf", (note,))
    context = "Je suis responsable des achats dans un CHU qui a une maternité ; nous réchauffons les repas en barquettes. "
    answer = assistant.ask(context + "À partir de quand le réchauffage en plastique sera-t-il interdit en maternité ?")
    assert answer.found and "1er janvier 2025" in answer.snippet, answer
    answer = assistant.ask("Nous préparons notre rapport pour l'AG. Côté santé et sécurité au travail, le document unique est-il un indicateur ?")
    assert answer.found and "document unique" in answer.snippet, answer
    assert not assistant.ask(context + "À partir de quand le réchauffage en plastique sera-t-il interdit au CHU de Rennes ?").found


def test_a_page_that_writes_the_words_an_acronym_stands_for_names_it(tmp_path):
    """« … des élections du CSE … » was refused: the Code's article that answers writes « comité social et économique »,
    never « CSE », and every passage that did not name the CSE was set aside. A page that writes the words an acronym
    of the question stands for (the corpus spelling it out elsewhere) names it."""
    pages = (
        "Représentativité syndicale\n\nLe comité social et économique (CSE) est élu tous les quatre ans dans les entreprises d'au moins onze salariés.",
        "Élections professionnelles\n\nSont représentatives les organisations syndicales qui ont recueilli au moins 10 % des suffrages exprimés "
        "au premier tour des dernières élections des titulaires au comité social et économique.",
        "Congés\n\nLe salarié bénéficie de douze jours de congé de formation économique, sociale et syndicale par an, soit 12 jours.",
    )
    assistant = assistant_on(tmp_path, "code.txt", pages)
    answer = assistant.ask("Quel pourcentage des suffrages exprimés aux élections du CSE une organisation syndicale doit-elle recueillir ?")
    assert answer.found and "10 %" in answer.snippet, answer
    assert answer.passages[0].page == 2


def test_a_street_or_a_towns_postal_name_is_nobody():
    """« Qui … » asks for a person: « 18, rue Gabriel Péri – 69623 Villeurbanne Cedex » names a street and a town."""
    from ess_qa.evidence import names

    assert names("AMORCE 18, rue Gabriel Péri – CS 20102 – 69623 Villeurbanne Cedex") == []
    assert names("Le siège est 3 place de la République ; Jean Dupont le préside.") == ["Jean Dupont"]


def test_a_contact_question_that_names_its_channel_wants_that_channel():
    """« Quel est le numéro de téléphone … ? » is not answered by a web address (a notice's helper got the platform's
    address for the help desk's phone number, which the notice never gives); « comment contacter » takes any."""
    from ess_qa.evidence import type_matches
    from ess_qa.questions import question_measure

    web_line = "La structure doit disposer d’un espace sur la plateforme : https://lecompteasso.associations.gouv.fr/"
    phone = question_measure("Quel est le numéro de téléphone de la cellule d'assistance ?")
    assert phone == "phone" and not type_matches(web_line, "contact", set(), phone)
    assert type_matches("Tél : 04.72.74.09.77 – Mail : amorce@amorce.asso.fr", "contact", set(), phone)
    assert question_measure("Quelle adresse mail pour écrire au service ?") == "email"
    assert type_matches(web_line, "contact", set(), question_measure("Quel site internet faut-il consulter ?"))


def test_a_mail_or_a_website_named_as_a_means_or_a_place_is_no_contact_asked():
    """« Le lien reçu par mail … peut-il servir … ? » asks whether a link serves again, and « une entreprise qui n'a pas de
    site Internet » what it must write: a form's guide answered neither, looking for an e-mail or a web address."""
    from ess_qa.questions import question_type

    assert question_type("Le lien reçu par mail pour accéder au questionnaire peut-il servir pour une autre déclaration ?") == "yesno"
    assert question_type("Que doit indiquer une entreprise qui n'a pas de site Internet pour publier son résultat ?") != "contact"
    assert question_type("Quelle commune a créé sur son site internet une page dédiée à l'adressage ?") != "contact"
    for asked in ("Quel est le site internet de l'Eurométropole de Strasbourg ?", "Quel est le mail du RTES ?", "téléphone SPIP contact", "Sur quel site internet faut-il déclarer ?"):
        assert question_type(asked) == "contact", asked
    # nor is an address that says who is asked about (« une personne sans adresse »)
    assert question_type("Une personne sans adresse peut-elle obtenir une domiciliation par le plateau technique ?") == "yesno"
    assert question_type("Quelle est l'adresse du SPIP ?") == "address"


def test_the_line_next_to_an_extract_that_says_what_is_asked_is_judged_in_its_place(tmp_path):
    """« Niort frais de fermeture par compteur »: the best line is Niort's rule, which says « fermeture » but not « frais
    de fermeture », and the noun-complement rule refused it; the next line says « Les frais de fermeture … par
    compteur »: it is the extract, and it answers."""
    from ess_qa import Assistant, build
    from ess_qa.answering import Snippet, _neighbour_saying_it
    from ess_qa.evidence import profile

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "reglement.txt").write_text(
        "Article 18 - Résiliation\n\nExemple du règlement de service de la Ville de Niort : en cas de résiliation anticipée, "
        "l'abonné verse une indemnité correspondant à la fermeture du branchement et à l'enlèvement du compteur. "
        "Les frais de fermeture s'établissent à deux cents (200) euros HT par compteur. "
        "En cas de faute grave du service, l'abonné peut résilier sans frais.\n",
        encoding="utf-8",
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    question = "Niort frais de fermeture par compteur"
    asked = profile(assistant.store, question, assistant.store.encode_queries([question])[0])
    passages, hits = assistant._retrieve_profiled(assistant.view(), [question], 5, None)[0][0]
    units = list(assistant.store.units(hits[0].position))
    first = next(u for u in units if "Niort" in u.text)
    neighbour = _neighbour_saying_it(assistant.store, question, Snippet(first.text, passages[0], 0.5, first), asked)
    assert neighbour is not None and neighbour.unit.text.startswith("Les frais de fermeture")
    answer = assistant.ask(question)
    assert answer.found and "200" in answer.snippet


SETUP_THEN_ANSWER_PAGES = (
    """Le traitement des signalements

Lorsqu'un signalement est affecté à un partenaire, ce dernier reçoit une alerte par courriel.

Il peut alors valider ou refuser la prise en charge du signalement, et en cas de refus il en mentionne les raisons.

Les signalements clos sont archivés au bout de deux ans.""",
    """Le suivi des visites

Chaque visite donne lieu à un compte rendu déposé sur la plateforme dans les huit jours, avec les photographies prises sur place et la liste des désordres constatés par l'opérateur, pièce par pièce, puis signé.

Le propriétaire en reçoit une copie.""",
    """Les relances

Lorsqu'un partenaire n'a pas répondu dans le délai fixé par la convention, la plateforme lui adresse une relance automatique, puis une seconde quinze jours plus tard, et en informe le référent du territoire qui décide des suites.

La troisième relance est faite par téléphone par le référent du territoire, qui consigne l'échange dans le dossier du signalement, avec la date de l'appel, le nom de l'interlocuteur et les engagements pris par le partenaire pour la suite de la procédure, puis en rend compte au comité de suivi.""",
)


def test_a_short_extract_is_continued_by_the_next_lines_of_its_section(tmp_path):
    """A short line that sets up the answer (« Lorsqu'un signalement est affecté … reçoit une alerte ») is shown with what
    follows it in its section (« Il peut alors valider ou refuser … »), up to the snippet's size; a longer line with the
    next line only when that fits whole within the size an extract never passes (« Le propriétaire en reçoit une
    copie. »), else alone; nothing of the next section is added."""
    from ess_qa.answering import CLAUSE_ROOM, SHORT_EXTRACT, SNIPPET_TARGET, Snippet, continued

    assistant = assistant_on(tmp_path, "plateforme.txt", SETUP_THEN_ANSWER_PAGES)
    store = assistant.store
    units = [u for page in (1, 2, 3) for position in store.positions_on_page(page) for u in store.units(position)]
    alert = next(u for u in units if u.text.startswith("Lorsqu'un signalement"))
    passage = assistant.ask("Que fait un partenaire d'un signalement ?").passages[0]
    shown = continued(store, Snippet(alert.text, passage, 0.5, alert)).text
    assert shown.startswith(alert.text) and "valider ou refuser" in shown and len(shown) <= SNIPPET_TARGET + 2, shown
    last = next(u for u in units if u.text.startswith("Les signalements clos"))
    assert continued(store, Snippet(last.text, passage, 0.5, last)).text == last.text  # the section ends there
    visit = next(u for u in units if u.text.startswith("Chaque visite"))
    assert len(visit.text) >= SHORT_EXTRACT
    assert continued(store, Snippet(visit.text, passage, 0.5, visit)).text == visit.text + "\nLe propriétaire en reçoit une copie."
    reminder = next(u for u in units if u.text.startswith("Lorsqu'un partenaire n'a pas répondu"))
    assert len(reminder.text) >= SHORT_EXTRACT and len(reminder.text) + len(units[units.index(reminder) + 1].text) > CLAUSE_ROOM * SNIPPET_TARGET
    assert continued(store, Snippet(reminder.text, passage, 0.5, reminder)).text == reminder.text  # the next line would not fit whole


LEAD_IN_WITH_ITEMS_PAGES = (
    """Les coordonnées du projet

Pour connaître les coordonnées géographiques d'un lieu, utilisez le géoportail et affichez ce lieu sur la carte.

Ces coordonnées doivent être exprimées :
• pour la France métropolitaine et la Corse : selon le réseau géodésique français 1993 ;
• pour la Guadeloupe, la Martinique, Saint Barthélémy et Saint-Martin : selon le réseau de référence des Antilles françaises 1991 ;
• pour la Guyane : selon le réseau géodésique français de la Guyane 1995 ;
• pour Mayotte : selon le réseau géodésique de Mayotte 2004 ;
• pour la Réunion : selon le réseau géodésique de la Réunion 1992.""",
)


def test_an_extract_continued_never_shows_a_line_twice(tmp_path):
    """A lead-in's line holds its first items, which are lines of their own too: the extract went on with them again
    (« … Antilles françaises 1991 ; » then « pour la France métropolitaine … » a second time). It goes on with the
    next item not yet shown."""
    assistant = assistant_on(tmp_path, "notice.txt", LEAD_IN_WITH_ITEMS_PAGES)
    shown = assistant.ask("Dans quel réseau géodésique exprimer les coordonnées ?").snippet
    lines = [line.lstrip("• ").strip() for line in shown.split("\n")]
    assert len(lines) == len(set(lines)), shown
    assert "Guyane" in shown, shown


THRESHOLD_TABLE_PAGES = (
    """Les objectifs adaptés des outre-mer

Les obligations en produits durables et de qualité sont adaptées pour les départements d'outre-mer. Les seuils adaptés sont les suivants :
| | Produits durables | Produits Bio
Jusqu'au 31/12/2025 | DROM hors Mayotte | 20 % | 5 %
Jusqu'au 31/12/2029 | DROM hors Mayotte | 35 % | 10 %
Jusqu'au 31/12/2034 | Mayotte | 30 % | 10 %

Les départements d'outre-mer ont des résultats assez éloignés de leurs obligations.""",
)


def test_a_lead_in_followed_by_a_table_shows_its_rows_under_their_header_once(tmp_path):
    """« Les seuils adaptés sont les suivants : » then a table: the extract showed each row's header again, each after a
    bullet; the header is shown once and the rows as rows."""
    answer = assistant_on(tmp_path, "outremer.txt", THRESHOLD_TABLE_PAGES).ask("Quels sont les seuils adaptés pour les DROM ?")
    assert answer.found, answer
    lines = answer.snippet.split("\n")
    assert lines[0].endswith("sont les suivants :"), answer.snippet
    assert lines.count("| | Produits durables | Produits Bio") == 1 and not any(line.startswith("•") for line in lines), answer.snippet
    assert "Jusqu'au 31/12/2025 | DROM hors Mayotte | 20 % | 5 %" in lines, answer.snippet


ISO_CODES_PAGES = (
    """Les langues régionales

Une adresse peut être écrite aussi dans une langue régionale, avec son code ISO 639-3.
Voici les principaux codes ISO pour les langues utilisées en France : breton bre
basque | eus
alsacien | gsw
corse | cos
occitan | oci
catalan | cat""",
)


def test_the_rows_that_follow_a_line_show_a_table_s_first_row_once(tmp_path):
    """The extract of « Voici les principaux codes ISO … : breton bre » showed « basque | eus », the table's first row, again
    above each next row: each row is stored under it as under a header (ingest.units), and was shown with it."""
    answer = assistant_on(tmp_path, "bal.txt", ISO_CODES_PAGES).ask("Quels codes ISO utiliser pour les langues régionales ?")
    assert answer.found, answer
    lines = answer.snippet.split("\n")
    assert lines.count("basque | eus") == 1 and "corse | cos" in lines, answer.snippet


DROM_PAGES = (
    """Les seuils adaptés des outre-mer

Les obligations en produits durables et de qualité sont adaptées pour les départements d'outre-mer par le décret de 2021.
| Échéance | Territoire | Produits durables | Produits Bio
Jusqu'au 31/12/2029 | seuils des produits durables, DROM hors Mayotte | 35 % | 10 %
Jusqu'au 31/12/2025 | DROM | 20 % | 5 %
Jusqu'au 31/12/2034 | Mayotte | 30 % | 10 %""",
)


def test_a_question_that_names_a_year_is_answered_by_a_line_of_that_year():
    """« seuils DROM hors Mayotte jusqu'au 31/12/2025 »: the row of 2029 says as much of the question, but gives another year;
    the row of 2025 answers."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        answer = assistant_on(Path(folder), "drom.txt", DROM_PAGES).ask("seuils produits durables DROM hors Mayotte jusqu'au 31/12/2025")
    lines = answer.snippet.split("\n")
    assert answer.found and lines[1] == "Jusqu'au 31/12/2025 | DROM | 20 % | 5 %", answer.snippet
    # the next rows follow, without their header again
    assert lines[0] == "| Échéance | Territoire | Produits durables | Produits Bio" and lines.count(lines[0]) == 1, answer.snippet


TITLED_LINE_PAGES = (
    """Faits marquants de l'année

MARCHÉ INTERMINISTÉRIEL POUR L'ACHAT DE MATÉRIELS INFORMATIQUES ISSUS DU RÉEMPLOI Ce marché permettra d'atteindre l'objectif de 20 % du parc des ministères en matériel d'occasion et d'allonger la durée de vie du matériel.

Ce marché porté par le ministère de la Justice est en phase de consultation depuis janvier 2025.

Le plan de sobriété a été présenté en mars 2024 aux acteurs de la transformation écologique de l'État.""",
)


def test_a_short_extract_continued_leaves_out_the_title_in_capitals_that_opens_its_line(tmp_path):
    """A line shown without the title in capitals that opens it is continued without it too: the title took the room
    of the next line, which says who carries the market (« Ce marché porté … » was cut there)."""
    from ess_qa.answering import Snippet, continued

    assistant = assistant_on(tmp_path, "bilan.txt", TITLED_LINE_PAGES)
    store = assistant.store
    units = [u for position in store.positions_on_page(1) for u in store.units(position)]
    market = next(u for u in units if u.text.startswith("MARCHÉ"))
    passage = assistant.ask("Quel ministère porte le marché d'achat de matériels issus du réemploi ?").passages[0]
    shown = continued(store, Snippet(market.text.split("RÉEMPLOI ", 1)[1], passage, 0.5, market)).text
    assert shown.startswith("Ce marché permettra") and "ministère de la Justice" in shown and len(shown) <= SNIPPET_LIMIT, shown
    assert "…" not in shown  # the lines that follow fit whole within the extract's limit: none is cut before its end


def test_a_name_typed_as_one_word_that_the_corpus_writes_in_words_is_mentioned(tmp_path):
    """« MaPrimeRenov » typed as one word, the document writing « Ma Prime Rénov’ »: the name is the document's, the
    question answered (it was refused as never mentioned, the table that answers ranked first); a name whose words
    the corpus lacks, or writes only apart in other places, is still refused."""
    from ess_qa import Assistant, build

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "aides.txt").write_text(
        "Aides à la rénovation\n\nUn ménage très modeste reçoit 5 000 € de Ma Prime Rénov’ pour une pompe à chaleur air/eau.\n\n"
        "Un ménage modeste reçoit 4 000 € pour la même pompe à chaleur.\n",
        encoding="utf-8",
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    answer = assistant.ask("montant MaPrimeRenov pompe à chaleur ménage très modeste")
    assert answer.found and "5 000 €" in answer.snippet, answer.snippet
    assert not assistant.ask("montant MonPrêtVert pompe à chaleur ménage très modeste").found
    # its words written apart, each somewhere, do not write it: « How much MaPrimeRénov' … ? » asked of a 2019 study
    # that writes « prime » and « rénovation » in other places was answered with an unrelated line
    (tmp_path / "corpus" / "aides.txt").write_text(
        "Coût des modes de chauffage\n\nUne prime de raccordement réduit la facture d'un ménage très modeste.\n\n"
        "La rénovation thermique d'un logement avec une pompe à chaleur coûte 7 918 € par logement.\n",
        encoding="utf-8",
    )
    build(tmp_path / "corpus", tmp_path / "index2")
    judged = Assistant.load(tmp_path / "index2").judgements(["How much MaPrimeRenov subsidy can a household get for a heat pump?"])[0]
    assert judged.refusal == "never mentioned: MaPrimeRenov", judged


def test_a_free_phone_number_in_groups_of_three_answers_a_phone_question(tmp_path):
    """« Quel est le numéro de téléphone de Rénovation Info Service ? »: a leaflet names the service and says to call an
    adviser, and gives the number after the agency's paragraph, in groups of three (« 0 808 800 700 », a free number):
    it was refused, no line read as giving a phone number."""
    from ingest.numbers import PHONE

    assert re.search(PHONE, "0 808 800 700") and re.search(PHONE, "Tél. 0800 123 456") and not re.search(PHONE, "10 808 800 7001")
    service = (
        "Ce guide vous est fourni par les Espaces Conseil, membres du réseau Rénovation Info Service, qui vous conseillent "
        "gratuitement pour diminuer vos consommations d'énergie et choisir un mode de chauffage adapté à votre logement. "
    ) * 2 + "Pour prendre rendez-vous avec un conseiller et être accompagné dans votre projet :"
    agency = (
        "L'Agence participe à la mise en oeuvre des politiques publiques dans les domaines de l'environnement, de l'énergie "
        "et du développement durable, et aide au financement de projets de la recherche à leur mise en oeuvre. "
    ) * 2 + "0 808 800 700 renovation-info-service.gouv.fr"
    assistant = assistant_on(tmp_path, "depliant.txt", (f"Contacts\n\n{service}\n\n{agency}\n",))
    question = "Quel est le numéro de téléphone de Rénovation Info Service ?"
    answer = assistant.ask(question)
    assert answer.found and "0 808 800 700" in answer.snippet


def test_a_noun_complement_of_the_askers_context_asks_nothing(tmp_path):
    """« Je prépare une note … pour mon conseil d'administration. Depuis quelle année l'Anap … ? » was refused as not
    about the « conseil d'administration », which the guide never names and its line on the Anap's « conseil » does not
    specify: the sentences told before what is asked say where the asker stands, not what the answer is about."""
    page = (
        "L'Anap\n\nCréée en 2009, l'Anap a pour mission de soutenir les établissements de santé et médico-sociaux. Elle leur "
        "apporte conseil et appui dans l'amélioration de leur performance.\n\nLes restaurants collectifs générant plus de 60 "
        "litres d'huiles alimentaires par an doivent collecter les huiles usagées.\n"
    )
    assistant = assistant_on(tmp_path, "guide.txt", (page,))
    asked = "Depuis quelle année l'Anap a-t-elle pour mission de soutenir les établissements ?"
    (judged,) = assistant.judgements([f"Je prépare une note de présentation pour mon conseil d'administration. {asked}"])
    assert not judged.refusal and "2009" in judged.snippet.text, judged
    (judged,) = assistant.judgements(["Qui siège au conseil d'administration de l'Anap ?"])  # asked: not about it
    assert judged.refusal == "not about: conseil administration", judged


def test_a_field_named_by_the_head_of_a_noun_complement_answers_for_it(tmp_path):
    """« Quels sont les horaires d'ouverture du SPIP … ? » was refused as not about « horaires ouverture »: the booklet's
    contacts page writes « Horaires : Du lundi au vendredi … » and never « ouverture ». A field's value is the head's own."""
    from ess_qa.answering import _labels

    assert _labels("Horaires : Du lundi au vendredi de 9 heures à 12 heures", "horai", "prefix5")
    assert not _labels("Les horaires des cours sont affichés : voir le panneau.", "horai", "prefix5")
    pages = (
        "Nous contacter\n\nService d'insertion et de probation, 12 rue des Lilas, Nanterre.\nHoraires : Du lundi au vendredi de "
        "9 heures à 12 heures puis de 14 heures à 17 heures.\n",
        "Le suivi\n\nLe conseiller reçoit la personne suivie chaque mois et fait le point sur ses obligations et ses démarches.\n",
    )
    assistant = assistant_on(tmp_path, "livret.txt", pages)
    (judged,) = assistant.judgements(["Quels sont les horaires d'ouverture du service le matin ?"])
    assert not judged.refusal and "9 heures" in judged.snippet.text, judged


def test_a_date_the_first_passages_lack_is_taken_from_the_next_ones(tmp_path):
    """« Entre quelles dates se sont tenus les groupes de travail … ? »: the three first passages on the working groups
    give no date, the fifth thanks them, « menés entre fin 2017 et mi-2018 »; it was refused, only the first three
    being read for a line that gives what the question's type asks for."""
    from ess_qa.answering import PASSAGES_SCANNED, extract_snippet

    pages = (
        "Élaboration\n\nLe groupe de travail a rassemblé des collectivités, des exploitants et des associations d'usagers pour rédiger le modèle.",
        "Méthode\n\nLe groupe de travail a fait en sorte de faciliter la lecture du modèle de règlement par les usagers.",
        "Structure\n\nLe modèle de règlement suit le plan que le groupe de travail a retenu pour les services publics.",
        "Usagers\n\nLes usagers du service sont les abonnés, propriétaires ou syndics, qui signent une police d'abonnement.",
        "Remerciements\n\nLa fédération remercie les participants aux groupes de travail menés entre fin 2017 et mi-2018 pour leur mobilisation.",
    )
    assistant = assistant_on(tmp_path, "reglement.txt", pages)
    question = "Entre quelles dates se sont tenus les groupes de travail qui ont élaboré ce modèle de règlement ?"
    (passages, hits), asked = (found[0] for found in assistant._retrieve_profiled(assistant.view(), [question], 5, None))
    dated = next(i for i, passage in enumerate(passages) if "2017" in passage.text)
    order = [i for i in range(len(passages)) if i != dated] + [dated]  # the thanks fifth, after three passages without a date
    assert order.index(dated) >= PASSAGES_SCANNED
    snippet = extract_snippet(assistant.store, question, [passages[i] for i in order], [hits[i] for i in order], asked)
    assert snippet is not None and "entre fin 2017 et mi-2018" in snippet.text


WATER_REPORT_PAGES = (
    "Eau potable : ancien SIAE Cuise-la-Motte\n\nLe service dessert les communes de Bitry, Chelles et Cuise-la-Motte."
    " Le réseau de distribution compte 170 kilomètres de canalisations.",
    "Indicateurs de performance du SIAE Cuise-la-Motte\n\nPour l'année 2024, le taux d'impayés sur les factures d'eau de l'année 2023 est de 1,63 %."
    "\n\nPour l'année 2024, le taux de réclamations est de 4,54 pour 1000 abonnés (1,14 en 2023).",
    "Tarification\n\nLes tarifs applicables au 1er janvier 2025 pour un ménage de référence sont les suivants."
    "\n\nPrix TTC au m3 : 2,98 euros. Le prix moyen de l'eau en France est de 4,34 euros par m3.\n\nLa part fixe de"
    " l'abonnement est facturée par semestre.",
    "Plan de l'État\n\nL'État prévoit de remplacer 5 000 véhicules par an par des véhicules électriques dans sa flotte.",
    "Commission des usagers\n\nLa commission se réunit une fois par trimestre. Il est recommandé de limiter la durée des"
    " réunions à deux ou trois heures au maximum, pour ne pas lasser les participants. Lors d'une vente, le contrôle"
    " présenté à l'acquéreur doit être daté de moins de 3 ans.",
)


@pytest.fixture(scope="module")
def water_report(tmp_path_factory):
    return assistant_on_pdf(tmp_path_factory.mktemp("eau"), "rapport-eau.pdf", WATER_REPORT_PAGES)


def test_a_rate_given_per_thousand_answers_a_rate_question(water_report):
    """« Quel est le taux de réclamations … ? » asks for a rate; the report gives « 4,54 pour 1000 abonnés », no percent:
    the line on the rate of unpaid bills, in percent, was chosen, then refused as not about complaints."""
    answer = water_report.ask("Quel est le taux de réclamations du service en 2024 ?")
    assert answer.found and "4,54 pour 1000 abonnés" in answer.snippet, answer.snippet


def test_a_short_word_of_a_name_typed_with_one_consonant_single_is_read(water_report):
    """« Cuise-la-Mote »: a word of four letters is too short for any typo but a doubled consonant made single, next
    to the corpus's word of the same name; it was « never mentioned »."""
    answer = water_report.ask("Quel est le taux d'impayés de l'ancien SIAE de Cuise-la-Mote ?")
    assert answer.notice == "« Mote » lu comme « Motte »" and answer.found and "1,63 %" in answer.snippet, answer


def test_a_unit_asked_in_words_is_held_by_its_symbol(water_report):
    """« le prix TTC du mètre cube »: the price is per unit, and the report writes the unit « m3 »; the line was refused
    as not about « mètre »."""
    (judged,) = water_report.judgements(["Quel est le prix TTC du mètre cube d'eau au 1er janvier 2025 ?"])
    assert not judged.refusal and "2,98" in judged.snippet.text, judged


def test_a_clipped_word_is_read_whole(water_report):
    """« combien de temps max »: everyday French clips « maximum »; the corpus has the whole word only."""
    answer = water_report.ask("ça doit durer combien de temps max une réunion de la commission ?")
    assert "maximum" in answer.question and answer.found and "deux ou trois heures" in answer.snippet, answer


def test_an_acronym_typed_glued_to_its_article_is_read_and_refused_when_never_mentioned(water_report):
    """« lUGAP », typed without its apostrophe: read as « l'UGAP », a body the report never names."""
    answer = water_report.ask("est ce que lUGAP fixe le prix TTC au m3")
    assert answer.notice == "« lUGAP » lu comme « l'UGAP »" and not answer.found, answer


@pytest.mark.parametrize(
    "question, line, answers",
    [
        ("Quel volume de livraisons de froid les réseaux doivent-ils atteindre en 2028 ?", "les livraisons de froid doivent atteindre 3 TWh d'ici 2028", True),
        ("Quel volume d'achats les cantines déclarent-elles ?", "Les cantines ont déclaré 20 000 € d'achats", True),
        ("Quel volume d'eau est prélevé ?", "Le service prélève 25 666 m3", True),
        ("Quelle surface de bureaux l'État peut-il économiser ?", "réduire la surface des bureaux, soit l'équivalent de 50 tours Montparnasse", True),
        ("Quel volume de livraisons de froid les réseaux doivent-ils atteindre en 2028 ?", "des bâtiments du secteur tertiaire (88%)", False),
        ("Quel est le taux de réclamations ?", "le taux de réclamations est de 4,54 pour 1000 abonnés", True),
        ("Quel est le taux de réclamations ?", "le taux de réclamations a baissé depuis 2022", False),
        ("Quel est le taux de l'indemnité du maire ?", "Maire : 43.9 % de l'indice brut terminal", True),  # a decimal point
    ],
)
def test_a_volume_is_any_quantity_and_a_rate_may_be_per_thousand(question, line, answers):
    """« Quel volume de … » asks a quantity in any unit of matter or energy, or in euros (« 3 TWh » of cold was no
    volume of litres or cubic metres, and the question was refused); an amount may be told by what it equals (« soit
    l'équivalent de 50 tours Montparnasse »); a rate may be given per thousand."""
    assert holds_what_is_asked(question, line) == answers


def test_typed_slips_read_as_the_corpus_words_they_are(water_report):
    """A pronoun glued to its verb (« sappliquent »: s'appliquent), which the rule on words neither French nor the
    corpus's refused as never mentioned; a name with two letters swapped (« Frnace »)."""
    answer = water_report.ask("quels tarifs sappliquent au 1er janvier 2025")
    assert answer.notice == "« sappliquent » lu comme « s'appliquent »" and answer.found, answer
    answer = water_report.ask("Quel est le prix moyen de l'eau en Frnace ?")
    assert answer.notice == "« Frnace » lu comme « France »" and answer.found and "4,34" in answer.snippet, answer
    # a French word is no elided one glued to another: « caisse » is no « c'aisse »
    from ess_qa.answering import _elided_french

    assert _elided_french("sappliquent") and not _elided_french("caisse") and not _elided_french("juge")


def test_an_english_question_names_the_state_as_a_french_document_writes_it(water_report):
    """« What will the State do … ? »: the State is the document's « État », not a name it never mentions; the Senate,
    which it never names, is one."""
    (judged,) = water_report.judgements(["What will the State do with its vehicle fleet?"])
    assert not judged.refusal and "5 000 véhicules" in judged.snippet.text, judged
    (judged,) = water_report.judgements(["What will the Senate do with its vehicle fleet?"])
    assert judged.refusal == "never mentioned: Senate", judged


def test_a_word_neither_french_nor_the_corpus_s_is_read_as_the_french_word_with_a_consonant_doubled(water_report):
    """« combien d'anées » (années, which the report never writes: it says « 3 ans ») was refused as not about
    « anées »; any other typo would reach too far (« dimentions » is no « démentions »)."""
    from ingest.french import french_doubling_reading

    assert french_doubling_reading("anées") == "années" and french_doubling_reading("dimentions") is None
    answer = water_report.ask("Lors d'une vente, le contrôle doit dater de moins de combien d'anées ?")
    assert answer.notice == "« anées » lu comme « années »" and answer.found and "moins de 3 ans" in answer.snippet, answer


# Slides on a guide's green star: two lines name the star before a colon, then ask a question; the criteria are on a
# line of their own.
GREEN_STAR_PAGES = (
    """Des exemples d'outils et de pratiques

Le guide présente des distinctions accordées aux restaurants.
L'Etoile Verte du Guide MICHELIN : Qu'est-ce que l'étoile verte MICHELIN ? L'étoile verte est une distinction annuelle qui met en avant des restaurants exemplaires en matière de durabilité.
L'Etoile Verte du Guide MICHELIN : Que font les restaurants étoiles vertes ? Ils travaillent avec des producteurs voisins, cuisinent les légumes de saison et limitent leurs déchets.
Les inspecteurs du Guide MICHELIN recherchent ceux qui sont à la pointe de la durabilité, en tenant compte des critères suivants : les déchets alimentaires, l'utilisation d'ingrédients locaux et de saison, l'empreinte écologique.""",
    """Les restaurants collectifs

Les cuisines des cantines peuvent suivre la même démarche, avec l'aide de la plateforme ma cantine.""",
)


def test_a_title_that_asks_is_no_table_row(tmp_path):
    """« L'Etoile Verte du Guide MICHELIN : Que font … ? » reads as a label and its value, but a value that asks is a
    slide's title, no row that a question naming the label is answered by; a label's value that answers stays one."""
    from ess_qa.evidence import is_named_row, profile

    assistant = assistant_on(tmp_path, "etoile.txt", GREEN_STAR_PAGES + ("Les distinctions\n\nEtoile Verte du Guide MICHELIN : La Maison Dupont, Lyon.",))
    store = assistant.store
    question = "Quels critères les inspecteurs du Guide Michelin prennent-ils en compte pour attribuer une étoile verte ?"
    asked = profile(store, question, store.encode_queries([question])[0])
    labelled = [unit for page in (1, 3) for position in store.positions_on_page(page) for unit in store.units(position) if unit.row_label_terms]
    assert [unit.text.endswith("?") for unit in labelled] == [True, True, False]
    assert [is_named_row(unit, asked) for unit in labelled] == [False, False, True]


def test_a_line_that_negates_what_is_asked_tells_the_opposite():
    """« la fraction comestible » is not defined by « Fraction non comestible : … », nor a « regard visitable » by a line
    on the « regard non visitable »; a question that negates the word itself asks of that line."""
    from ess_qa.answering import _negates_what_is_asked

    edible = "c'est quoi au juste la fraction comestible des déchets ?"
    assert _negates_what_is_asked(edible, "Fraction non comestible : déchets dits inévitables, non considérés comme du gaspillage.")
    assert not _negates_what_is_asked(edible, "Fraction comestible : déchets dits évitables, assimilable à du gaspillage alimentaire.")
    # said both ways, it says what is asked too
    assert not _negates_what_is_asked(edible, "La fraction comestible et la fraction non comestible sont pesées à part.")
    assert not _negates_what_is_asked("c'est quoi la fraction non comestible ?", "Fraction non comestible : déchets dits inévitables.")
    # in the plural in the question, the singular in the line: a staffing table's « agent non titulaire »
    staff = "Combien de postes du tableau des effectifs sont pourvus par des agents titulaires ?"
    assert _negates_what_is_asked(staff, "Nombre de postes pourvus par agent non titulaire : 45")
    assert not _negates_what_is_asked(staff, "Nombre de postes pourvus par agent titulaire : 341")
    assert _negates_what_is_asked("C'est quoi exactement un regard visitable ?", "Le regard non visitable est de taille trop limitée.")


# A weighing protocol's two definitions, the edible fraction second
EDIBLE_PAGES = (
    """Les fractions des déchets alimentaires

Fraction non comestible : déchets dits inévitables, non considérés comme du gaspillage alimentaire. Exemple : épluchures.

Fraction comestible : déchets dits évitables, assimilable à du gaspillage alimentaire. Exemple : plats préparés et jetés.""",
    """La pesée

Les déchets sont pesés chaque jour, après chaque service, dans des bacs séparés.""",
)


def test_a_definition_question_gets_the_line_of_what_it_asks_not_its_opposite(tmp_path):
    assistant = assistant_on(tmp_path, "pesees.txt", EDIBLE_PAGES)
    answer = assistant.ask("c'est quoi au juste la fraction comestible des déchets ?")
    assert answer.found and answer.snippet.startswith("Fraction comestible"), answer.snippet


def test_a_caption_answers_nothing():
    """A table's or a figure's caption says what it shows, none of its values: no snippet (« Tableau I : … »)."""
    from ingest.structure import is_caption

    assert is_caption("Tableau I : Proposition de composition de la commission de menus (CM) en EHPAD.")
    assert is_caption("Figure 3 – Évolution des emplois") and is_caption("Graphique n°2 : part des achats")
    assert not is_caption("Le tableau 3 montre que les emplois progressent.") and not is_caption("Tableau de bord : suivi")


@pytest.mark.parametrize(
    "question, asked",
    [
        ("Qu'est-ce que le harcèlement sexuel au sens du Code du travail ?", "Qu'est-ce que le harcèlement sexuel ?"),
        ("Au sens du RGPD, qui est responsable de traitement ?", "qui est responsable de traitement ?"),
        ("What is a biowaste within the meaning of the Environment Code?", "What is a biowaste ?"),
        ("Que veut dire recyclage au sens large ?", "Que veut dire recyclage au sens large ?"),  # no frame: « au sens large »
    ],
)
def test_the_frame_a_question_sets_is_no_part_of_what_it_asks(question, asked):
    """« … au sens du Code du travail » says where a definition comes from: the line that gives it need not name it, so
    the frame's words weigh as the context told before a question does (evidence.context_discounted)."""
    from ess_qa.questions import asked_part, defined_words

    assert asked_part(question) == asked
    assert defined_words("Qu'est-ce que le harcèlement sexuel au sens du Code du travail ?") == {"harcelement", "sexuel"}


FRAMED_PAGES = (
    """Le Code du travail

Le Code du travail regroupe les règles applicables aux salariés. Le Code du travail interdit le harcèlement sexuel au travail et le Code du travail protège les salariés qui le signalent.

Le harcèlement sexuel est constitué par des propos ou comportements à connotation sexuelle répétés qui portent atteinte à la dignité.

Le harcèlement moral se manifeste par des agissements répétés qui dégradent les conditions de travail.""",
)


def test_a_definition_asked_within_a_frame_is_the_line_that_gives_it(tmp_path):
    answer = assistant_on(tmp_path, "code.txt", FRAMED_PAGES).ask("Qu'est-ce que le harcèlement sexuel au sens du Code du travail ?")
    assert answer.found and "propos ou comportements" in answer.snippet, answer.snippet



def test_a_why_question_asks_for_a_reason():
    """« Pourquoi … ? » asks for a cause or an aim: a line that gives one (« en raison de », « parce qu' », « dû à »)
    holds the type of answer asked for, which weighs in choosing the snippet (evidence.unit_features, « type »)."""
    from ess_qa.evidence import type_matches

    assert question_type("Pourquoi le chantier a-t-il pris du retard ?") == "reason"
    assert question_type("Qu'est-ce qui explique que les écoles soient plus avancées ?") == "reason"
    assert question_type("Why was the opening postponed?") == "reason"
    assert question_type("À quoi est due la baisse des achats ?") == "reason"
    assert question_type("Quand le chantier a-t-il pris du retard ?") == "date"  # another cue first
    assert type_matches("Le chantier a été suspendu en raison de la découverte de vestiges.", "reason", set())
    assert type_matches("Les prix ont baissé parce qu’il y avait moins de demande.", "reason", set())
    assert type_matches("Ce retard est dû à la découverte de vestiges archéologiques.", "reason", set())
    assert type_matches("This is due to the new fleet.", "reason", set())
    assert not type_matches("La carte est gratuite pour les moins de 26 ans.", "reason", set())
    assert not type_matches("Le chantier a pris du retard au printemps.", "reason", set())


# A geodata centre's operation: its title spells out the acronym the pages use, and no page spells it out.
GEODATA_PAGES = (
    """Présentation

Le centre régional de l'information géographique achète des données pour les collectivités de la région et les diffuse sous licence ouverte.
Il anime aussi le réseau des techniciens du territoire, qui se réunit deux fois par an.""",
    """Plan de financement

Acquisition de photographies aériennes en 2024 : 266 160 euros.
Acquisition du plan de corps de rue simplifié en 2025 : 174 166 euros.
Modélisation des bâtiments en trois dimensions : 98 000 euros.""",
    """Les partenaires

Le département, la métropole et les syndicats d'énergie cofinancent les acquisitions du CRAIG avec l'Union européenne.
Le CRAIG rend compte chaque année de l'usage des fonds à ses partenaires.""",
)


def test_a_title_s_initials_name_the_document():
    from ess_qa.answering import title_words
    from ess_qa.initials import title_initials

    # a compound read as one word and as its parts; a line's end after its hyphen (« Auvergne- Rhône-Alpes »)
    assert {"craig", "craraig"} <= title_initials("Centre Régional Auvergne- Rhône-Alpes de l'Information Géographique")
    assert "fcu" in title_initials("France Chaleur Urbaine")
    assert not title_initials("Le guide")  # fewer than three words: too many things' initials
    assert {"craig", "centre", "geographique"} <= title_words(["Centre Régional Auvergne-Rhône-Alpes de l'Information Géographique"])


def test_the_acronym_of_the_document_s_title_need_not_be_on_the_page_that_answers(tmp_path):
    """« le CRAIG » is the document itself, whose title spells it out: the budget's page answers without naming it."""
    assistant = assistant_on_pdf(tmp_path, "craig.pdf", GEODATA_PAGES, title="Centre Régional Auvergne- Rhône-Alpes de l'Information Géographique")
    answer = assistant.ask("Quel montant le CRAIG prévoit-il pour le plan de corps de rue simplifié ?")
    assert answer.found and "174 166 euros" in answer.snippet, answer.snippet


@pytest.mark.parametrize(
    "question, defined",
    [
        ("Qu'est-ce que le DILICO évoqué dans le projet de loi de finances ?", {"dilico"}),
        ("Qu'est-ce que le fonds mentionné page 4 ?", {"fonds"}),
        ("Qu'est-ce que le dispositif qui finance les cantines ?", {"dispositif"}),
        ("Qu'est-ce que la base de données Charm-50 ?", {"base", "donnees", "charm", "50"}),
    ],
)
def test_where_a_question_says_a_term_is_used_is_no_part_of_the_term(question, defined):
    """« … évoqué dans … », « … mentionné … », « … qui … » say where the term is used or what it does: the term ends there."""
    from ess_qa.questions import defined_words

    assert defined_words(question) == defined


USED_TERM_PAGES = (
    """Le calendrier du projet de loi de finances

Le projet de loi de finances a été déposé le 14 octobre, une semaine après le délai légal. L'examen du projet de loi de finances a commencé le 24 octobre à l'Assemblée nationale.""",
    """Les mesures pour les collectivités

Renouvellement du dispositif de lissage des recettes fiscales des collectivités créé en 2025 (DILICO : DIspositif de LIssage COnjoncturel), avec une ponction de 890 millions d'euros.

La dotation globale de fonctionnement est stable.""",
)


def test_a_definition_asked_with_where_the_term_is_used_is_the_line_that_defines_it(tmp_path):
    """The words of where the question says the term is used (« le projet de loi de finances ») count as context: the
    line that spells the term out answers, not the lines that repeat the context's words."""
    assistant = assistant_on(tmp_path, "plf.txt", USED_TERM_PAGES)
    for question in (
        "Qu'est-ce que le DILICO évoqué dans le projet de loi de finances ?",
        "Qu'est-ce que le DILICO mentionné dans le calendrier du projet de loi de finances ?",
    ):
        answer = assistant.ask(question)
        assert answer.found and "lissage" in answer.snippet, (question, answer.snippet)


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Dans quel département la plateforme de covoiturage a-t-elle déjà été utilisée ?", "place"),
        ("Sur quelle commune le réseau est-il implanté ?", "place"),
        ("In which region is the network run?", "place"),
        ("Quelle région finance le plus de projets ?", "other"),  # the region is the subject asked, not where
    ],
)
def test_a_question_on_which_place_by_its_kind_asks_where(question, kind):
    """« Dans quel département … ? » asks where, as « où » does: the line that answers names a place (« Dans le Lot, … »)."""
    from ess_qa.questions import question_type

    assert question_type(question) == kind


ANNOUNCED_LIST_PAGES = (
    """Ressources humaines

Le protocole d'accord-cadre sur l'organisation du temps de travail, signé par le maire et les représentants du personnel après six réunions du comité social territorial, fixe les règles communes à l'ensemble des services municipaux, des crèches aux équipes techniques, et fait suite à la délibération du 14 décembre 2021 ainsi qu'à l'expérimentation des horaires aménagés menée pendant un an.

Il poursuit trois objectifs principaux :
• Se conformer à la réglementation en vigueur ;
• Garantir l'équité entre les agents et les services ;
• Maintenir une large ouverture des services municipaux à la population.

Les horaires des crèches sont fixés par un règlement distinct, adopté chaque année par le conseil municipal après avis des familles.""",
)


def test_a_list_announced_after_the_line_that_answers_is_shown(tmp_path):
    """« Quels objectifs poursuit le protocole … ? »: the line on the protocol is found, and the next one announces the
    objectives (« Il poursuit trois objectifs principaux : »): the extract shows that list, not the line alone."""
    answer = assistant_on(tmp_path, "temps.txt", ANNOUNCED_LIST_PAGES).ask(
        "Quels objectifs poursuit le protocole d'accord-cadre sur l'organisation du temps de travail ?"
    )
    assert answer.found and "Garantir l'équité" in answer.snippet, answer.snippet


def test_an_order_of_magnitude_asks_for_a_figure_of_what_follows():
    """« Quel est l'ordre de grandeur des frais de raccordement ? » asks for a figure of the frais, as « le nombre de »."""
    from ess_qa.questions import question_focus, question_type

    question = "Quel est l'ordre de grandeur des frais de raccordement par logement ?"
    assert question_type(question) == "number" and question_focus(question) == "frais"
    assert question_type("What is the order of magnitude of the connection fees?") == "number"


@pytest.mark.parametrize(
    "question, signing",
    [
        ("Qui a signé la préface du rapport ?", "signé préface"),
        ("Qui a signé, au nom du Médiateur, la recommandation donnée en exemple ?", "signé recommandation"),
        ("Who signed the foreword?", "signed foreword"),
        ("Quand la convention a-t-elle été signée ?", ""),  # when, not who
        ("Quel document faut-il signer ?", ""),
    ],
)
def test_a_question_on_who_signed_names_the_signing_and_what_is_signed(question, signing):
    from ess_qa.questions import signing_words

    assert signing_words(question) == signing


def test_a_signature_is_a_short_line_that_opens_with_a_name():
    from ingest.french import signs

    assert signs("Christiane Bouchart, Présidente du RTES et Jérôme Saddier, Président de l'Avise")
    assert signs("Jean Gaubert : Copie : A Z") and signs("M. Jean DUPONT") and signs("Jean-Marc Ayrault")
    assert not signs("Nantes Métropole a voté le plan d'action en 2016.")
    assert not signs("Le médiateur national de l'énergie")
    # the signer's office right after the name, no comma (« Stéphane LE FOLL Ministre de l'Agriculture … »)
    assert signs("Stéphane LE FOLL Ministre de l’Agriculture, de l’Agroalimentaire et de la Forêt")
    assert signs("Anne Martin Directrice générale de l'agence")
    assert not signs("Le Ministre de l'Agriculture a signé la préface.")


SIGNED_PREFACE_PAGES = (
    """« Puisse cet ouvrage aider les territoires à construire des transitions durables avec tous leurs partenaires. »

Marie Durand, Présidente du réseau des collectivités""",
    """Les politiques métropolitaines

Ce guide présente l'économie sociale et solidaire dans les métropoles. Plusieurs métropoles ont signé des conventions avec les chambres régionales de l'économie sociale et solidaire.""",
    """Les financements

Le guide décrit comment les métropoles financent les têtes de réseau de l'économie sociale et solidaire et signent des contrats avec les incubateurs.""",
)


def test_who_signed_the_preface_is_its_signature_line(tmp_path):
    """« Qui a signé la préface ? » was answered with « Plusieurs métropoles ont signé des conventions … »: the signature
    under the preface, on the document's first pages, answers (answering._signature_line)."""
    answer = assistant_on(tmp_path, "guide.txt", SIGNED_PREFACE_PAGES).ask("Qui a signé la préface de ce guide sur l'économie sociale et solidaire ?")
    assert answer.found and "Marie Durand" in answer.snippet, answer.snippet
    assert answer.snippet_cites[0].page == 1


CONTRACT_PAGES = (
    """Contrat local de santé du Pays de Brie 2025-2028

Le contrat local de santé réunit la communauté de communes, l'agence régionale de santé, la caisse primaire d'assurance
maladie et les communautés professionnelles territoriales de santé autour de cinq axes de travail.""",
    """Article 1 : Objet du contrat

Le présent contrat fixe les actions de prévention et d'accès aux soins conduites sur le territoire. La communauté de
communes a conclu en 2023 une convention avec la caisse d'allocations familiales pour la petite enfance.""",
    """Article 9 : Durée et révision

Le contrat est conclu pour quatre ans. Il peut être modifié par avenant à la demande de l'une des parties, après avis du
comité de pilotage qui se réunit deux fois par an.""",
    """Fait à Melun, le 21 octobre 2025
Madame Claire Petit, Présidente de la communauté de communes
Monsieur Paul Martin, Directeur général de l'agence régionale de santé""",
)


def test_when_a_contract_was_signed_is_the_line_above_its_signatures(tmp_path):
    """« À quelle date le contrat local de santé a-t-il été signé par les partenaires ? » got a line of the preamble: the
    date is given by « Fait à …, le 21 octobre 2025 » above the signatures on the last page, which names nothing the
    question asks. Not when the question names another text (« la convention avec la caisse d'allocations familiales »)."""
    from ess_qa.questions import asks_signing_date, signed_subject
    from ingest.french import dates_signing

    assert dates_signing("Fait en trois exemplaires à Paris, le 3 mars 2024") and dates_signing("Fait à Lille le 1er juin 2020")
    assert not dates_signing("Fait marquant : le 12 mai, le comité a siégé")
    assert asks_signing_date("Quand le contrat a-t-il été signé ?") and not asks_signing_date("Qui a signé le contrat ?")
    subject = signed_subject("À quelle date le contrat local de santé a-t-il été signé par les partenaires ?")
    assert "contrat local de santé" in subject and "partenaires" not in subject and "date" not in subject
    assistant = assistant_on(tmp_path, "cls.txt", CONTRACT_PAGES)
    answer = assistant.ask("À quelle date le contrat local de santé a-t-il été signé par les partenaires ?")
    assert answer.found and "21 octobre 2025" in answer.snippet, answer.snippet
    assert answer.snippet_cites[0].page == 4
    other = assistant.ask("Quand a été signée la convention avec la caisse d'allocations familiales pour la petite enfance ?")
    assert "21 octobre 2025" not in (other.snippet or "")


HEATING_MEDIATION_PAGES = (
    """La médiation

Le médiateur national de l'énergie est compétent pour les litiges des réseaux de chaleur depuis août 2015. Il formule sa recommandation dans un délai de quatre-vingt-dix jours.""",
    """Les abonnés

L'abonné du réseau de chaleur est le bâtiment, représenté par le syndic de copropriété. Les usagers sont les occupants des logements.""",
)


def test_a_subject_the_document_never_names_in_either_word_is_not_answered(tmp_path):
    """« … les litiges liés aux bornes de recharge … ? » asked of a guide on heating networks: it never uses « bornes » nor
    « recharge », French words both: the question is about a subject it lacks (answering.unknown_phrases)."""
    from ess_qa.answering import unknown_phrases

    assistant = assistant_on(tmp_path, "mediation.txt", HEATING_MEDIATION_PAGES)
    question = "Le médiateur national de l'énergie est-il compétent pour les litiges liés aux bornes de recharge des véhicules ?"
    assert unknown_phrases(assistant.store, question) == ["bornes de recharge"]
    assert not assistant.ask(question).found
    answered = assistant.ask("Le médiateur national de l'énergie est-il compétent pour les litiges des réseaux de chaleur ?")
    assert answered.found and "août 2015" in answered.snippet
    # a word glued to an elided one, typed without its apostrophe, is no subject the document lacks
    assert unknown_phrases(assistant.store, "le delai de lenquete de labonne") == []


ROGUEZ_PAGES = (
    """Les nouvelles zones d'activités

Sur la zone du Vallon du Roguez, les baux s'étendent sur 52 ans. Le parc d'activités du Vallon du Roguez accueille
des entreprises industrielles sur douze hectares, en fond de vallon.""",
    """La zone industrielle

La zone industrielle s'étend sur 200 hectares, sans réserve foncière existante.""",
)


def test_a_word_of_a_name_joined_by_du_is_read_as_the_name_the_corpus_writes():
    """« le parc du Valon du Roguez »: « Valon », a doubled consonant typed single, stands next to « Roguez » through
    « du », as the corpus's « Vallon du Roguez »; it was read as a name of its own and refused as never mentioned (the
    corpus also writes « vallon » in lower case: no name of its own to read a slip against)."""
    import pathlib
    import tempfile

    assistant = assistant_on(pathlib.Path(tempfile.mkdtemp()), "zones.txt", ROGUEZ_PAGES)
    answer = assistant.ask("Quelle est la durée des baux signés sur le parc du Valon du Roguez ?")
    assert answer.notice == "« Valon » lu comme « Vallon »" and answer.found and "52 ans" in answer.snippet, answer
    assert not assistant.ask("Quelle est la durée des baux signés sur le parc du Valon de Bitry ?").found  # no name next to it


def test_a_page_that_spells_out_an_acronym_the_corpus_never_glosses_names_it(tmp_path):
    """« téléphone SPIP Hauts-de-Seine contact » found no passage: the contacts page writes « Service pénitentiaire
    d'insertion et de probation des Hauts-de-Seine … Tél. », never « SPIP », and the booklet never glosses the
    acronym, so the page was shown after every page that writes « SPIP ». A page that spells out an acronym's words
    (content words in a row with its letters as initials) names it."""
    from ess_qa.evidence import _spelled_on_page

    assistant = assistant_on(tmp_path, "livret.txt", (
        "Le SPIP des Hauts-de-Seine accueille dans ses locaux plusieurs partenaires associés à l'accompagnement des "
        "personnes suivies.",
        "Service pénitentiaire d'insertion et de probation des Hauts-de-Seine, 94 boulevard du Général Leclerc, 92000 "
        "Nanterre. Tél. 01 71 13 02 00. Horaires : du lundi au vendredi de 9 heures à 12 heures.",
        "Toute personne suivie par le SPIP des Hauts-de-Seine peut être orientée vers la mission locale.",
        "Toute personne prise en charge par le SPIP des Hauts-de-Seine peut rencontrer un juriste du point justice.",
    ))
    store = assistant.store
    contacts = next(p for p in range(len(store.chunks)) if store.chunk(p).page == 2)
    assert _spelled_on_page(store, contacts, {"spip", "cnil"}) == {"spip"}
    answer = assistant.ask("téléphone SPIP Hauts-de-Seine contact")
    assert answer.found and "01 71 13 02 00" in answer.snippet, answer
    assert answer.passages[0].page == 2


def test_a_french_act_s_number_gives_the_year_it_was_signed_in(tmp_path):
    """« De quelle année date la loi … citée … ? » got no extract: the line cites « la loi n°2004-575 » and no year of its
    own, the number's first part being no year of what the line tells (« le règlement 2018-06 »). A law's, a decree's, an
    ordinance's or an order's number opens with its year."""
    from ess_qa.evidence import type_matches

    assert type_matches("Conformément à l'article 6 de la loi n°2004-575, tout contenu illicite est signalé.", "date", set())
    assert type_matches("Le décret n° 2021-1234 fixe les règles.", "date", set())
    assert not type_matches("Le règlement 2018-06 fixe les règles.", "date", set())
    assistant = assistant_on(tmp_path, "cgu.txt", (
        "Signalement\nTout utilisateur constatant la présence d'un contenu illicite s'engage à le déclarer à l'éditeur. "
        "Conformément à l'article 6-I.5 de la loi n°2004-575 pour la confiance dans l'économie numérique, le signalement "
        "précise la date de la découverte et la description du contenu.",
        "Hébergement\nLes données sont hébergées en France chez un hébergeur certifié pour les données de santé.",
    ))
    answer = assistant.ask("De quelle année date la loi sur la confiance dans l'économie numérique citée pour les signalements ?")
    assert answer.found and "2004-575" in answer.snippet


def test_a_text_s_length_is_counted_in_characters(tmp_path):
    """« mot de passe longueur minimale » got no extract: « longueur » asked for metres, and « au minimum douze caractères »
    gives none. A text's length is counted in characters (or signs), written in figures or in words."""
    from ess_qa.evidence import type_matches

    assert type_matches("Le mot de passe comprend au minimum douze caractères.", "number", set(), measure="length")
    assert type_matches("Le résumé ne dépasse pas 1 500 signes.", "number", set(), measure="length")
    assert not type_matches("La piste compte 12 panneaux.", "number", set(), measure="length")
    assistant = assistant_on(tmp_path, "cgu.txt", (
        "Compte utilisateur\nLe mot de passe sera composé d'au minimum douze caractères comprenant des majuscules et des "
        "caractères spéciaux. Il est personnel et ne doit pas être communiqué.",
        "Données\nLes données sont hébergées en France chez un hébergeur certifié pour les données de santé.",
    ))
    answer = assistant.ask("mot de passe longueur minimale")
    assert answer.found and "douze caractères" in answer.snippet


def test_a_file_s_weight_is_a_size_and_a_name_before_its_number_may_be_written_glued(tmp_path):
    """« Quel poids de fichier obtient-on … ? » got no extract: « poids » asked for a mass, and « un fichier de 460 Mo »
    holds none. « Sur quel site Natura 2000 … ? » was refused as « never mentioned: Natura » by a manual that writes
    « Natura2000 »."""
    from ess_qa.evidence import type_matches

    assert type_matches("Cette taille de pixel génère un fichier de 460 Mo environ.", "number", set(), measure="mass")
    assert not type_matches("La carte compte 12 feuilles.", "number", set(), measure="mass")
    assistant = assistant_on(tmp_path, "manuel.txt", (
        "Ancienneté des forêts appliquée au site Natura2000 « Bois de Morgon ».",
        "La vectorisation se fait dans QGIS avec le module Historical Map, que l'État finance.",
    ))
    from ess_qa.answering import unknown_names

    assert unknown_names(assistant.store, "Sur quel site Natura 2000 l'ancienneté des forêts a-t-elle été présentée ?") == []
    assert unknown_names(assistant.store, "Sur quel site Natura 2010 l'ancienneté des forêts a-t-elle été présentée ?") == ["2010", "Natura"]
    # the country of a French document is what it is about without naming it
    assert unknown_names(assistant.store, "Combien de sites Natura2000 compte-t-on en France ?") == []
    # nor is its State a name a page must write (« dans quelle startup d'État … »)
    from ess_qa.evidence import known_names

    assert "etat" not in known_names(assistant.store, "Quel site Natura2000 l'État a-t-il classé en QGIS ?")


def test_a_line_of_a_list_read_twice_is_shown_once():
    """A guide's home screen listed « L'identité … », « L'année … » twice: a unit of several lines, then each of its lines,
    came after the lead-in. A line shown cut short may come again whole, where it shows what was cut."""
    from types import SimpleNamespace

    from ess_qa.answering import _lead_and_items

    store, asked = SimpleNamespace(analyzer="prefix5"), SimpleNamespace(term_set=frozenset(), kind="list")
    items = ["Les informations sont :\n• L'identité de la personne\n• L'année de visualisation", "L'identité de la personne", "L'année de visualisation", "La version"]
    shown = _lead_and_items(store, asked, "L'écran d'accueil se présente comme suit :", items)
    assert shown.count("L'identité de la personne") == 1 and "La version" in shown, shown


def test_a_list_written_in_its_line_is_shown_as_a_list(tmp_path):
    """« Quels gestes barrières … doit-il appliquer … ? » was shown the first 300 characters of a line whose lead-in
    is long and whose items follow it in the line (« … pauses) : - Je me lave … - Je tousse … »): none of them. A list
    question gets the lead-in, cut, and its items on their own lines, as a list written item by item is shown."""
    from ess_qa.answering import _inline_list

    assert _inline_list("Le montant : 12 euros - hors taxes.") is None  # one clause between dashes is no list
    # the lead-in ends at the colon before the first item, not at an earlier one
    assert _inline_list("Article 2 : les pièces à joindre sont : - le devis ; - la facture.") == ("Article 2 : les pièces à joindre sont :", ["le devis ;", "la facture."])
    assistant = assistant_on(tmp_path, "guide.txt", (
        "Respecter les gestes barrières et les mesures d'hygiène, diffusées par le ministère de la Santé et mises en place "
        "par mon employeur, tout au long de ma journée de travail et partout dans l'entreprise (vestiaires, poste de travail, "
        "salles de repos ou de restauration, salles de réunion, déplacements, pauses) : - Je me lave régulièrement les mains "
        "avec du savon ou du gel hydroalcoolique. - Je tousse ou éternue dans mon coude. - Je me mouche avec un mouchoir en "
        "papier et le jette. - Je salue mes collègues sans les toucher.",
        "Télétravailler en fonction du nombre minimal de jours fixés par mon employeur.",
    ))
    answer = assistant.ask("Quels gestes barrières le salarié doit-il appliquer pendant sa journée de travail ?")
    assert answer.found and "• Je me lave régulièrement les mains" in answer.snippet and "• Je tousse" in answer.snippet, answer
    assert len(answer.snippet) <= 420


@pytest.mark.parametrize(
    ("question", "kind", "measure"),
    [
        ("Le vendredi, le service ferme à quelle heure l'après-midi ?", "date", "time"),
        ("Quels sont les horaires d'ouverture de l'accueil ?", "date", "clock"),
        ("horaires ouverture coworking Montreuil", "date", "clock"),
        ("What time does the office open?", "date", "time"),
        # an hourly rate, a working week's hours: no time of day
        ("Quel était le montant du SMIC horaire brut en 2019 ?", "money", None),
        ("Combien de jours de RTT génère le cycle horaire de 38 heures ?", "number", "duration"),
        ("Quand le guide a-t-il été publié ?", "date", None),
        # the hours of what another noun asked names: that noun is asked (« Quel logiciel »), not a time
        ("Quel logiciel l'école utilise-t-elle pour suivre les horaires et les congés des agents ?", "other", None),
        ("Quels horaires pour la mairie ?", "date", "clock"),
    ],
)
def test_a_time_of_day_asked_is_a_date_told_by_the_clock(question, kind, measure):
    """« les horaires d'ouverture » ask opening hours (a date question whose measure is « clock »), « à quelle heure » a
    time of day (« time »): the line that answers gives one, not a year nor a duration in hours."""
    from ess_qa.questions import question_measure

    assert (question_type(question), question_measure(question)) == (kind, measure)


def test_a_line_gives_a_time_of_day_by_the_clock_or_the_weekdays():
    from ingest.numbers import CLOCK_RE

    for text in ("de 5 h à 13 h", "ouvert jusqu'à 17h30", "9:00", "à partir de 18 heures la veille", "du lundi au vendredi", "fermé à midi"):
        assert CLOCK_RE.search(text), text
    for text in ("un délai de 4 heures ouvrées", "pendant 3 heures", "24h/24", "en 2020", "5 ha", "art. 12"):
        assert not CLOCK_RE.search(text), text


def test_a_figure_in_words_with_its_unit_measures():
    """« Quelle quantité d'eau un seul mégot peut-il contaminer ? » was refused: « jusqu'à cinq cents litres d'eau » gives
    its figure in words. A time in words (« pendant trois ans ») is more often named than measured, as in figures."""
    from ess_qa.evidence import type_matches

    asked = folded_content_words("Quelle quantité d'eau un seul mégot peut-il contaminer ?")
    assert type_matches("Un mégot peut contaminer jusqu'à cinq cents litres d'eau.", "number", asked)
    assert not type_matches("Le programme a duré pendant trois ans.", "number", asked)
    assert not type_matches("Le programme existe depuis une dizaine d'années.", "number", asked)  # an approximate time too
    assert type_matches("Le réseau compte une vingtaine de kilomètres.", "number", asked)
    assert not type_matches("Les mégots polluent les eaux des rivières.", "number", asked)


def test_a_figure_of_a_years_form_before_what_is_counted_is_a_count():
    """« Y a combien d'exemplaires du nouveau programme papier ? » was refused: « revu à 1800 exemplaires » was read as the
    year 1800, and a line with another figure was taken instead."""
    from ess_qa.evidence import type_matches

    asked = folded_content_words("Y a combien d'exemplaires du nouveau programme papier ?")
    assert type_matches("Le tirage a également été revu à 1800 exemplaires.", "number", asked, "count", "exemplaires")
    assert not type_matches("Le programme papier a été refondu en 2019.", "number", asked, "count", "exemplaires")


def test_a_day_of_the_week_gives_opening_hours_but_no_time_of_day():
    """« À quelle heure est la pleine mer … le 1er novembre ? » was answered with « une enquête publique aura lieu du
    mercredi 1er novembre au vendredi 1er décembre »: a day of the week tells when a service opens, not at what time."""
    from ess_qa.evidence import type_matches

    line = "Une enquête publique aura lieu du mercredi 1er novembre au vendredi 1er décembre 2023."
    asked = folded_content_words("À quelle heure est la pleine mer au port le 1er novembre 2023 ?")
    assert not type_matches(line, "date", asked, "time")
    assert type_matches("La mairie est ouverte du lundi au vendredi.", "date", folded_content_words("Quels sont les horaires de la mairie ?"), "clock")
    assert type_matches("La séance commence à 18 h le mercredi.", "date", asked, "time")


def test_opening_hours_are_answered_by_a_time_and_refused_where_no_line_gives_one(tmp_path):
    """A question on opening hours shows the line that gives them, not the one that names the service best; on a
    document that gives none, « the document does not say » (a keyword query on a coworking's hours was answered with
    the line that describes the coworking)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assistant = assistant_on_pdf(tmp_path / "a", "accueil.pdf", (
        "L'accueil du public est assuré par le service habitat de la mairie, au rez-de-chaussée. "
        "Le service habitat instruit les demandes d'aide et répond aux courriers dans un délai de 4 heures ouvrées.\n\n"
        "Le service est ouvert du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h.",
    ))
    answer = assistant.ask("Quels sont les horaires d'ouverture du service habitat ?")
    assert answer.found and "9 h à 12 h" in answer.snippet, answer.snippet
    other = assistant_on_pdf(tmp_path / "b", "coworking.pdf", (
        "En tant qu'incubée, vous avez accès à l'espace de coworking de Montreuil : espace de travail, salles de réunion, "
        "cuisine équipée. Chaque projet est suivi par une chargée d'accompagnement lors de rendez-vous d'une heure.",
        "Le programme accompagne les porteuses de projet pendant douze mois, avec des ateliers collectifs.",
    ))
    assert not other.ask("horaires ouverture coworking Montreuil").found


def test_a_colophon_line_says_when_the_document_came_out():
    from ingest.french import PUBLISHED_RE

    assert PUBLISHED_RE.search("ISBN 2-906417-69-6 – Dépôt légal : février 2017")
    assert PUBLISHED_RE.search("Achevé d'imprimer en mars 2019") and PUBLISHED_RE.search("Publié en juin 2022")
    assert PUBLISHED_RE.search("Cet ouvrage a été édité en décembre 2022 par l'Institut") and PUBLISHED_RE.search("Imprimé en mai 2021")
    assert not PUBLISHED_RE.search("Les résultats publiés dans la revue en 2019") and not PUBLISHED_RE.search("la date de la réunion")
    assert not PUBLISHED_RE.search("Le guide édité par la région")


SYNTHESIS_PAGES = (
    "Les atlas de paysages, un outil de connaissances en action ?\n\nSynthèse du questionnaire national",
    "Depuis sa création en 1994, l'atlas de paysages et sa méthode d'élaboration ont évolué conjointement. "
    "La synthèse rend compte des réponses des utilisateurs des atlas.",
    "Les répondants notent enfin un besoin de synthèse pour simplifier la compréhension de l'atlas par le grand public.",
    "Direction générale de l'Aménagement, du Logement et de la Nature. Rédaction : Chloé Leprompt. "
    "Date de publication : Février 2021. Photo de couverture : Laurent Mignaux.",
)
SOCIAL_REPORT_PAGES = (
    "BILAN SOCIAL 2020\n\nInstitut des sciences appliquées",
    "L'effectif de l'établissement compte 412 agents au 31 décembre 2020, dont 169 fonctionnaires.",
    "Les absences pour raison de santé ont baissé en 2020, avec la fermeture des locaux au printemps.",
    "Cet ouvrage a été édité en décembre 2022 par l'Institut des sciences appliquées. Directeur de la publication : "
    "Jean Martin. Crédits photos : service communication.",
)


@pytest.mark.parametrize(
    ("pages", "question", "date"),
    [
        # a synthesis whose date is on its back cover only, among the credits: not a body line that mentions a year
        (SYNTHESIS_PAGES, "Quand la synthèse du questionnaire national a-t-elle été publiée ?", "Février 2021"),
        # « BILAN SOCIAL 2020 », the cover's year, is the year the report is about: its colophon dates it first
        (SOCIAL_REPORT_PAGES, "Quand ce bilan social a-t-il été publié ?", "décembre 2022"),
    ],
)
def test_a_document_is_dated_by_the_colophon_line_that_says_when_it_came_out(tmp_path, pages, question, date):
    answer = assistant_on_pdf(tmp_path, "document.pdf", pages).ask(question)
    assert answer.found and date in answer.snippet, answer.snippet


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        # a measure named asks its figure, though the keywords also name a cost (the label's name)
        ("taille minimale module coût environnemental impression mm", "number"),
        ("hauteur haie anti-dérive", "number"),
        # a price in a unit stays a sum of money
        ("prix kWh chaleur", "money"),
        ("coût travaux raccordement", "money"),
    ],
)
def test_a_keyword_query_that_names_a_measure_asks_its_figure(query, kind):
    assert question_type(query) == kind


MANAGEMENT_REPORT_PAGES = (
    "Rapport de gestion de l'exercice 2013 du C.D.S.E.A. de l'Essonne. Le S.A.I.S. accompagne vingt adultes en "
    "appartements à St Michel sur Orge. Le service a été installé à St Michel sur Orge en avril 2009. L'association mène "
    "la lutte contre l'isolement des adultes depuis 2009.",
    "Les ressources humaines au 31 décembre 2013\nL'effectif compte 193 salariés, pour la plupart des éducateurs "
    "spécialisés et des moniteurs éducateurs qui accompagnent les adultes au quotidien dans leurs appartements.\n"
    "La formation continue des équipes progresse, avec des sessions sur le vieillissement et sur la santé mentale.\n"
    "Le taux de maladie moyen est de 4.32%, stable par rapport à la moyenne des trois dernières années (3.84% en 2012, "
    "4.83% en 2011 et 4.63% en 2010).\nLes entretiens annuels ont tous été menés par les chefs de service.\n"
    "Le coût moyen d'une journée d'accompagnement s'établit à 182 € (contre 176 € en 2012).\nLe GVT moyen est de 22.50% (21.35% en 2012) et l'ancienneté moyenne des salariés est de "
    "10.75 ans (12 en 2012).\nLe salaire mensuel moyen dans l'association s'établit à 2 400 € bruts (contre 2 379 € en "
    "2012).\nL'écart maximal de rémunération entre les salaires est de 4.38, identique à 2012.",
    "Glossaire\nC.H.E.M.E.A. : Comité pour le Handicap Mental Enfant et Adulte\nC.M.P. : Centre Médico-Psychologique\n"
    "Les équipes sont assurées d'être rappelées rapidement par le bon référent après une demande.",
    "Bilan de l'exercice\nDETTES FISCALES ET SOCIALES | 1 233 193 € | 1 253 592 €\nDETTES FOURNISSEURS | 262 981 € | 177 387 €\n"
    "AUTRES DETTES | 80 616 € | 79 075 €",
    "Le tiers-lieu numérique\nSitué à Saint-Erme, dans un bâtiment jouxtant la Communauté de communes, le FAITOUT CONNECTÉ "
    "accueille les habitants et les entreprises du territoire. Il propose des permanences et des ateliers.",
    "Dictionnaire des attributs\nNuméro | Nom de l'attribut | Définition\n38 | ARRETE_DATE | Date de signature de l'arrêté "
    "préfectoral\n39 | GESTION | Gestionnaire du tronçon : Etat, Région, Commune",
)


management_report = pages_fixture("gestion.txt", MANAGEMENT_REPORT_PAGES)


def test_a_dotted_acronym_and_saint_abbreviated_are_one_word_as_a_reader_types_them(management_report):
    """Older French writes acronyms with a dot after each letter (« C.H.E.M.E.A. »): its letters were words of one
    letter, which search drops, so the glossary's line was never found, and « SAIS » typed never met « S.A.I.S. ».
    « St Michel » is « Saint Michel », as a question writes « Saint-Michel-sur-Orge »."""
    from ingest.french import whole_words, words, written_words

    assert words("le S.A.I.S. et la C.C.A.S, p. 12, M. Dupont") == ["le", "sais", "et", "la", "ccas", "p", "12", "m", "dupont"]
    assert written_words("Un S.A.M.S.A.H. est") == ["Un", "SAMSAH", "est"] and whole_words("à St Michel") == ["à", "Saint", "Michel"]
    assert words("www.a.b.fr") == ["www", "a", "b", "fr"]  # an address is no acronym
    for question in ("Que signifie le sigle C.H.E.M.E.A. ?", "que veut dire CHEMEA"):
        answer = management_report.ask(question)
        assert answer.found and "Comité pour le Handicap Mental" in answer.snippet, (question, answer.snippet)
    answer = management_report.ask("Quand le SAIS s'est-il installé à Saint-Michel-sur-Orge ?")
    assert answer.found and "avril 2009" in answer.snippet, answer.snippet


def test_a_word_redone_with_re_is_french_not_a_word_the_corpus_never_mentions(management_report):
    """« recontacté » is « re- » and « contacté », which the lexicon lists for some verbs only."""
    from ingest.french import near_french_word

    assert near_french_word("recontacté") and near_french_word("redéposer") and not near_french_word("reméthanisation")
    (judged,) = management_report.judgements(["Les équipes sont-elles recontactées rapidement après une demande ?"])
    assert not judged.refusal.startswith("never mentioned"), judged.refusal


def test_a_table_row_of_figures_in_capitals_is_a_snippet_but_not_a_header_or_a_row_of_codes(management_report):
    """A balance sheet writes its rows' labels in capitals; lines in capitals are left out as titles, but a row that gives
    figures is data."""
    from ess_qa.answering import _answering, _row_of_figures

    may_show = _answering(None, "money")
    assert may_show("DETTES FISCALES ET SOCIALES | 1 233 193 € | 1 253 592 €")
    assert not may_show("BILAN CONSOLIDÉ DE L'EXERCICE EN EUROS") and not may_show("CHARGES | EXERCICE N | EXERCICE N-1")
    assert _row_of_figures("DETTES FISCALES ET SOCIALES | 1 233 193 € | 1 253 592 €")
    assert not _row_of_figures("B - CONTRIBUTIONS VOLONTAIRES : EXERCICE N | EXERCICE N-1")
    assert not _row_of_figures("CHARGES | 2011 | 2010") and not _row_of_figures("Zone 1 | RGF93 | CC42 (RGF93CC42)")
    answer = management_report.ask("montant des dettes fiscales et sociales au bilan")
    assert answer.found and "1 233 193 €" in answer.snippet, answer.snippet


def test_a_year_a_line_compares_its_figure_with_is_not_the_year_it_is_about(management_report):
    """« 4.32%, stable par rapport à la moyenne … (3.84% en 2012, …) » in the 2013 report answers for 2013; « contre »
    compares only before a figure (« la lutte contre l'isolement … depuis 2009 » keeps its year). A line that compares with
    another year is of no year it says when it is chosen as much as when it is judged."""
    from ingest.numbers import without_comparisons, years

    assert years(without_comparisons("2 400 € bruts (contre 2 379 € en 2012). En 2013, …")) == ["2013"]
    assert years(without_comparisons("la lutte contre l'isolement depuis 2009")) == ["2009"]
    assert years(without_comparisons("101 services vs 81 en 2024")) == []
    # brackets right after a figure give another figure's year; after a name, the figure's own
    assert years(without_comparisons("Le GVT est de 22.50% (21.35% en 2012), l'ancienneté de 10.75 ans (12 en 2012)")) == []
    assert years(without_comparisons("un écart de 4.38, identique à 2012")) == []
    assert years(without_comparisons("les ressources de la DINUM (5,8M € en 2024)")) == ["2024"]
    for question, figure in (
        ("Quel était le taux de maladie moyen en 2013 ?", "4.32%"),
        ("Quel est le coût moyen d'une journée d'accompagnement en 2013 ?", "182 €"),
        ("Quel est le salaire mensuel moyen brut dans l'association en 2013 ?", "2 400 €"),  # its neighbours compare with 2012
    ):
        answer = management_report.ask(question)
        assert answer.found and figure in answer.snippet, (question, answer.snippet)


def test_an_address_where_no_line_gives_a_street_is_the_line_that_locates_it(management_report):
    """A booklet that says where a place is, without its street: « Situé à Saint-Erme, … » answers where it is; a postal
    address asked for still wants a street or a postcode."""
    answer = management_report.ask("Quelle est l'adresse du FAITOUT CONNECTÉ ?")
    assert answer.found and "Situé à Saint-Erme" in answer.snippet, answer.snippet
    assert not management_report.ask("Quelle est l'adresse postale du FAITOUT CONNECTÉ ?").found


def test_which_date_a_field_holds_is_answered_by_the_line_that_names_it(management_report):
    """« Quelle date doit figurer dans l'attribut ARRETE_DATE ? » asks which date, which a data dictionary names
    (« Date de signature de l'arrêté préfectoral »); « quand » asks a date or a moment, which that line does not give."""
    answer = management_report.ask("Quelle date doit figurer dans l'attribut ARRETE_DATE ?")
    assert answer.found and "Date de signature de l'arrêté" in answer.snippet, answer.snippet
    answer = management_report.ask("Quand l'arrêté préfectoral est-il signé ?")
    assert not (answer.found and "Date de signature" in answer.snippet), answer.snippet


def test_a_question_that_asks_a_name_wants_a_line_that_gives_one(tmp_path):
    """« Comment s'appelle … », « Quel est le nom de … » ask a name, not how to do something: the line that answers
    gives a name of several words or one a verb of naming gives (« nommé Clervia »); a line that only says « un
    intervenant extérieur » names nobody, and the document does not say."""
    from ess_qa.evidence import type_matches

    assert question_type("Comment s'appelle le réseau de chaleur de Clermont-Ferrand ?") == "name"
    assert question_type("Quel est le nom de l'intervenant extérieur ?") == "name" and question_type("Comment déposer un dossier ?") == "procedure"
    assert type_matches("C'est le cas du réseau de Clermont-Ferrand nommé Clervia.", "name", {"reseau", "clermont", "ferrand"})
    assert not type_matches("Elle est animée par un intervenant extérieur.", "name", {"intervenant", "exterieur"})
    # a short capitalised term in quotes is a name; a quoted sentence is none
    quoted = 'Le collège agit dans le cadre du programme ministériel "PHARE" (Programme de lutte contre le harcèlement).'
    assert type_matches(quoted, "name", {"programme", "ministeriel", "harcelement"})
    said = "Le principal rappelle : « Nous voulons que chaque élève trouve sa place dans le collège et y réussisse »."
    assert not type_matches(said, "name", {"programme", "college"})
    assistant = assistant_on(tmp_path, "reseaux.txt", (
        "Les réseaux de chaleur des villes moyennes. C'est le cas du réseau de chaleur de Clermont-Ferrand nommé Clervia, "
        "qui dessert quarante mille logements.",
        "La réunion d'analyse des pratiques, destinée à l'équipe éducative, se déroule une fois par mois. Elle est animée "
        "et supervisée par un intervenant extérieur.",
    ))
    named = assistant.ask("Comment s'appelle le réseau de chaleur de Clermont-Ferrand ?")
    assert named.found and "Clervia" in named.snippet, named.snippet
    assert not assistant.ask("Quel est le nom de l'intervenant extérieur qui anime la réunion d'analyse des pratiques ?").found


@pytest.mark.parametrize("question, kind", [
    ("Quel était en 2018 le taux de vaccination des personnes de 65 ans et plus ?", "percent"),  # a time between
    ("Quelle est, selon le guide, la part des femmes parmi les salariés ?", "number"),
    ("Quel est le salaire brut d'un éducateur spécialisé ?", "money"),
    ("Quel est le loyer mensuel d'un appartement ?", "money"),
    ("Quel est le montant de l'excédent consolidé ?", "money"),
    ("Quel est le taux de cotisation ?", "percent"),
    ("Quels sont les salaires pratiqués ?", "list"),  # in the plural, which ones may be asked
])
def test_what_is_paid_asked_in_the_singular_asks_a_sum_of_money(question, kind):
    """« Quel est le salaire brut … ? » was answered with a list of names, no sum at all: a salary, a rent, a fee, a
    surplus asked « quel est le … » is a sum of money, which the line that answers must give."""
    assert question_type(question) == kind


ACTIVITY_REPORT_PAGES = (
    "Rapport d'activité de la Maison des Lilas, saison 2020-2021. La Maison des Lilas est une association qui accueille "
    "les enfants et les jeunes du quartier autour d'ateliers de lecture et d'écriture.",
    "Les ateliers de la Maison des Lilas ont lieu le mercredi et le samedi. La Maison des Lilas propose aussi des "
    "séjours en proximité pendant les vacances.",
    "La Maison des Lilas applique un taux d'encadrement moyen de :\n6 enfants par animateur pour les 3-5 ans\n"
    "8 enfants par animateur pour les 6-11 ans",
    "Concernant les réseaux sociaux, notre compte Instagram est passé de 889 abonnés à 1282 (+400) au cours de la saison.\n"
    "Les rencontres publiques ont été annulées au printemps.",
    "La Maison des Lilas en chiffres. Pendant la saison 2020-2021 : 23 artistes invités : Samuel Rochery, Juliette Mézenc, "
    "Pierre Vinclair, Jean-Paul Auxeméry, Guillaume Dorvillé, Camille Leherpeur, Gabriel Gauthier, Jérôme Game, Jean-Claude "
    "Pinson, Maxime Actis, Laurence Cathala, Josèfa Ntjam, Lou Sarabadzic, Michèle Métail, Antoine Giard, Gerty Dambury, "
    "Eric Suchère, Pierre Bazantay, Florence Jou, Emanuel Campo, Nicole Caligaris 10 soirées de lectures 8 résidences "
    "21 établissements touchés 452 élèves touchés",
    "La Maison des Lilas remercie ses partenaires : la Ville, le Département et la Région. Les itinéraires de la balade "
    "littéraire suivent la vélo route du canal et les voies vertes.",
    "Les temps festifs en famille sont mis en place à chaque fin de vacances : les parents, les enfants et les animateurs "
    "partagent un goûter.\n\nLa passerelle entre les ateliers a lieu une fois par trimestre, le mercredi, pour les familles.",
)


activity_report = pages_fixture("lilas.txt", ACTIVITY_REPORT_PAGES)


def test_a_rate_told_as_a_ratio_answers_a_question_on_the_rate(activity_report):
    """« Quel taux d'encadrement … ? » asks for a rate, which a line may give as a ratio (« 6 enfants par animateur »),
    not as a percentage; a date's « par le conseil » is no ratio."""
    from ess_qa.evidence import type_matches

    assert type_matches("6 enfants par animateur(trice) pour les 3-5 ans", "percent", set())
    assert type_matches("un adulte pour 8 enfants", "percent", set())
    assert not type_matches("Réunion du 12 mars par le conseil, deux fois par an.", "percent", set())
    answer = activity_report.ask("Quel taux d'encadrement la Maison des Lilas applique-t-elle pour les enfants de 3 à 5 ans ?")
    assert answer.found and "6 enfants par animateur" in answer.snippet, answer.snippet


def test_how_a_figure_changed_asks_for_figures_and_a_page_need_not_name_what_the_report_is_about(activity_report):
    """« Comment a évolué le nombre … » asks for figures, not for a way to do something; and the page that gives them need
    not name the association the whole report is about (« la Maison des Lilas », in a third of its passages or more),
    though the question does."""
    assert question_type("Comment a évolué le nombre d'abonnés du compte Instagram ?") == "number"
    assert question_type("Comment a évolué le budget de la commune ?") == "money"
    answer = activity_report.ask("Comment a évolué le nombre d'abonnés du compte Instagram de la Maison des Lilas ?")
    assert answer.found and "1282" in answer.snippet, answer.snippet


def test_a_count_cut_from_a_long_line_shows_the_figure_of_what_it_counts(activity_report):
    """A key figures panel read as one long line: for « combien d'élèves », the window shown holds « 452 élèves », not
    the first figure of the line (« 23 artistes invités »)."""
    from ess_qa.answering import counts_named

    assert counts_named("21 établissements touchés 452 élèves touchés", "élèves") and not counts_named("23 artistes invités", "élèves")
    (judged,) = activity_report.judgements(["Combien d'élèves ont été touchés pendant la saison 2020-2021 ?"])
    assert "452 élèves" in judged.snippet.text, judged.snippet.text


def test_a_compound_the_corpus_writes_apart_and_in_the_singular_is_mentioned(activity_report):
    """« véloroutes » asked of a text that writes « vélo route »: a word the corpus uses, apart and in the singular."""
    from ess_qa.answering import unknown_words

    assert unknown_words(activity_report.store, "quel linéaire de véloroutes ?") == []
    assert unknown_words(activity_report.store, "combien de véloparcs ?") == ["véloparcs"]  # « parc » is not written


def test_when_the_best_line_tells_the_moment_it_answers_though_a_lesser_line_gives_a_date(activity_report):
    """« Quand sont organisés les temps festifs en famille ? »: the line on them tells when by an event (« à chaque fin de
    vacances »); the line on the workshops' bridge gives a period (« une fois par trimestre ») but is about another thing."""
    answer = activity_report.ask("Quand sont organises les temps festifs en famille ?")
    assert answer.found and "chaque fin de vacances" in answer.snippet, answer.snippet


MISSION_LOCALE_PAGES = (
    """Le rapport d'activité de la mission locale

En 2019, les conseillers de la mission locale ont suivi 1 647 jeunes vers l'emploi et la formation.
Les jeunes sont reçus sur rendez-vous du lundi au vendredi, et les jeunes mineurs avec un parent.""",
    """L'organigramme au 31 décembre 2019

Pôle Direction : Olivier LEFEBVRE – Directeur Ibrahima CAMARA – Responsable Secteur Pôle Structure : Anne-Sophie MOAL
Assistante de Direction Pôle Technique : Aissatou DIALLO – PPAE Aurélie MEZANGER – JUSTICE Elise NOEL – CHANTIERS
Francine BOURGUIGNON – PARRAINAGE Hania ESSABIR – RENAULT Khadija LAKRIM – AVENIR JEUNES Lysiane GUEGAN – ALTERNANCE

Bureau : Présidente : Marianne CANTAU Vice-Présidente : Armelle MANTRAND Trésorière : Nadine FROMAGEOT Secrétaire :
Armelle PODIKAKIS, élus des communes du territoire.""",
    """Le premier accueil

Les jeunes reçus en premier accueil viennent surtout des Mureaux et d'Aubergenville.
| Hommes | Femmes
Jeunes en 1er accueil : 629 Evolution 2017/2018 : +2,61% | 319 310""",
    """Les ateliers

Les jeunes participent à des ateliers collectifs sur le CV, l'entretien d'embauche et la mobilité, animés par les
conseillers avec des entreprises partenaires qui recrutent des jeunes du territoire.""",
)
mission_locale = pages_fixture("mission-locale.txt", MISSION_LOCALE_PAGES)


def test_a_list_of_people_with_their_surnames_in_capitals_can_be_the_extract(mission_locale):
    """An organigram's line names its people as French writes them, the surname in capitals (« Olivier LEFEBVRE –
    Directeur »): most of its letters are capitals, yet it is no title, and it answers who the director is."""
    from ingest.french import mostly_capitals, without_surnames

    line = MISSION_LOCALE_PAGES[1].split("\n\n")[1]
    assert mostly_capitals(line) and not mostly_capitals(without_surnames(line))
    assert without_surnames("LE FORUM DE L'ALTERNANCE Le FORUM") == "LE FORUM DE L'ALTERNANCE Le FORUM"  # no given name
    answer = mission_locale.ask("Qui est le directeur de la mission locale au 31 décembre 2019 ?")
    assert answer.found and "LEFEBVRE" in answer.snippet, answer.snippet


def test_a_field_whose_name_opens_with_what_is_counted_counts_it(mission_locale):
    """« Jeunes en 1er accueil : 629 »: a field's name opens with the young people counted and its value is their
    number; « jeunes » is in most passages, yet this line counts them, and answers."""
    answer = mission_locale.ask("y a combien de jeunes qui sont venus en premier accueil en 2018 ?")
    assert answer.found and "629" in answer.snippet, answer.snippet


SERVITUDES_PAGES = (
    """Les servitudes d'utilité publique

Les servitudes d'utilité publique (SUP) sont des limitations administratives au droit de propriété, instituées au
profit de personnes publiques, et annexées aux plans locaux d'urbanisme.""",
    """Le modèle de données

Toutes les assiettes de servitude d'utilité publique sont numérisées par le gestionnaire dans un format vectoriel, à
l'échelle de la parcelle, avant leur publication sur le Géoportail de l'urbanisme.
Définition | L'assiette d'une SUP est la zone géographique à l'intérieur de laquelle s'applique la servitude.
Le générateur d'une SUP est l'objet qui a permis de définir l'assiette.""",
    """Les actes

Un acte institue une ou plusieurs SUP ; il est publié et annexé au document d'urbanisme de la commune.""",
)


def test_a_line_that_writes_an_acronym_the_corpus_spells_out_holds_its_words(tmp_path):
    """« Qu'est-ce que l'assiette d'une servitude d'utilité publique ? »: the corpus spells SUP out, and the line that
    defines the assiette writes « SUP »; it holds the question's words that way, and is the extract, not a line that
    repeats « servitude d'utilité publique » and defines nothing."""
    answer = assistant_on(tmp_path, "standard.txt", SERVITUDES_PAGES).ask("Qu'est-ce que l'assiette d'une servitude d'utilité publique ?")
    assert answer.found and "zone géographique" in answer.snippet.split("\n")[0], answer.snippet


ASSEMBLY_REPORT_PAGES = (
    "ASSEMBLÉE CITOYENNE POUR LE CLIMAT\n\nRAPPORT FINAL\n\nDécembre 2022",
    "Le déroulement\n\nL'Assemblée s'est réunie durant deux week-ends d'octobre et de novembre. Les inscriptions aux"
    " ateliers se faisaient au forum le vendredi soir, auprès des animateurs.\n\nLe rapport a été remis au conseil"
    " municipal le mardi 6 décembre, en vue de la version finale du plan climat.",
    "La commune\n\nLa commune compte 4 500 habitants. Le matériel des ateliers est prêté par la société Combine, qui"
    " l'entrepose au local technique.\n\nLa vitesse est limitée à 30 km/h dans le centre.",
)


@pytest.fixture(scope="module")
def assembly_report(tmp_path_factory):
    return assistant_on_pdf(tmp_path_factory.mktemp("assemblee"), "rapport-assemblee.pdf", ASSEMBLY_REPORT_PAGES)


def test_a_function_word_that_opens_a_question_is_no_name_with_two_letters_swapped(assembly_report):
    """« Combien d'habitants … ? »: the question's first word, capitalised, was read as « Combine », a company the corpus
    names, with two letters swapped; the question then asked no count and the line on the inhabitants was not chosen."""
    answer = assembly_report.ask("Combien d'habitants compte la commune ?")
    assert answer.notice is None and answer.found and "4 500 habitants" in answer.snippet, answer


def test_a_day_asked_is_told_by_the_line_that_gives_the_day_not_by_the_covers_month(assembly_report):
    """« Quel jour le rapport a-t-il été remis … ? » asks a day: the cover's « Décembre 2022 » was shown, though a line
    says « remis au conseil municipal le mardi 6 décembre »."""
    answer = assembly_report.ask("Quel jour le rapport a-t-il été remis au conseil municipal ?")
    assert answer.found and "6 décembre" in answer.snippet, answer.snippet


@pytest.mark.parametrize(
    "question, line, answers",
    [
        # a weekday the question names itself tells no time
        ("À quelle heure ouvre le forum du vendredi soir ?", "Les inscriptions se font au forum le vendredi soir.", False),
        ("À quelle heure ouvre le forum du vendredi soir ?", "Le forum ouvre le vendredi à 18 h.", True),
        ("Quels sont les horaires du secrétariat ?", "Le secrétariat est ouvert du lundi au vendredi.", True),
        # a speed is no length
        ("Combien de kilomètres de pistes cyclables compte la commune ?", "La vitesse est limitée à 30 km/h.", False),
        ("Combien de kilomètres de pistes cyclables compte la commune ?", "La commune compte 12 km de pistes.", True),
    ],
)
def test_a_time_is_not_the_day_the_question_names_and_a_speed_is_no_length(question, line, answers):
    """« À quelle heure … le forum du vendredi soir ? » was answered by « au forum le vendredi soir », the question's own
    day; « Combien de kilomètres … ? » by « 30 km/h », a speed."""
    assert holds_what_is_asked(question, line) == answers


@pytest.mark.parametrize(
    "text, day",
    [("remis le mardi 6 décembre", True), ("à compter du 1° mars 2022", True), ("le 1er juillet", True), ("16/11/2023", True),
     ("Décembre 2022", False), ("en 2019", False), ("12 mois", False), ("07/2021", False)],
)
def test_a_day_is_a_day_with_its_month_or_a_date_in_figures(text, day):
    from ingest.numbers import gives_a_day

    assert gives_a_day(text) == day


CENTRE_SOCIAL_PAGES = (
    """Le multi-accueil « Les Lutins »

Les 45 familles accueillies au multi-accueil « Les Lutins » en 2019 ont versé 13,59 % des produits du centre social.

Nous avons reçu 70 enfants cette année-là, un chiffre en baisse.

Les familles sont orientées par la PMI et par les services de la ville.""",
    """L'accueil de loisirs

L'accueil de loisirs est ouvert le mercredi et pendant les vacances scolaires.""",
)


def test_a_count_is_told_by_the_line_of_its_passage_that_gives_the_figure_of_what_it_counts(tmp_path):
    """« Combien d'enfants le multi-accueil « Les Lutins » a-t-il accueillis en 2019 ? »: the line that names the
    multi-accueil and the year, and counts the families, was the extract; the line of the same passage that gives the
    figure of the children answers."""
    answer = assistant_on(tmp_path, "rapport.txt", CENTRE_SOCIAL_PAGES).ask("Combien d'enfants le multi-accueil « Les Lutins » a-t-il accueillis en 2019 ?")
    assert answer.found and "70 enfants" in answer.snippet.split("\n")[0], answer.snippet


OFFICE_STRATEGY_PAGES = (
    """La stratégie de l'office

L'office publie le code de ses logiciels et choisit ses serveurs et ses centres de données avec le canton et les
communes.""",
    """Le portail

L'adresse de messagerie électronique professionnelle de l'entité est hébergée chez Brevo.""",
    """Contact

Office cantonal des systèmes d'information et du numérique
Rue du Grand-Pré 64-66 - 1202 Genève
Tél. +41 (0)22 388 00 00""",
)


@pytest.fixture(scope="module")
def office_strategy(tmp_path_factory):
    return assistant_on_pdf(tmp_path_factory.mktemp("office"), "strategie-office.pdf", OFFICE_STRATEGY_PAGES)


@pytest.mark.parametrize(
    "question, shown",
    [
        # a street before its number (Switzerland, Belgium), a phone after its country's code
        ("À quelle adresse se trouve l'office cantonal des systèmes d'information et du numérique ?", "Rue du Grand-Pré 64-66"),
        ("Quel numéro de téléphone faut-il composer pour joindre l'office ?", "+41 (0)22 388 00 00"),
        # « quel prestataire » asks for a provider, though the question names an e-mail address
        ("Chez quel prestataire l'adresse électronique professionnelle de l'entité est-elle hébergée ?", "Brevo"),
    ],
)
def test_an_office_s_address_phone_and_host_are_shown(office_strategy, question, shown):
    """Questions refused: a Swiss address (« Rue du Grand-Pré 64-66 ») and phone (« +41 (0)22 … ») were none; « Chez quel
    prestataire l'adresse électronique … » asked for an e-mail address."""
    answer = office_strategy.ask(question)
    assert answer.found and shown in answer.snippet, answer


PORTAL_PAGES = (
    """Le portail

Le portail MonAideCyber a pour objet :
• de mettre à disposition de chaque entité publique ou privée un diagnostic de cybersécurité de premier niveau en libre
accès, sans inscription préalable et sans authentification, avec un accès au lien de la restitution des résultats valable 7
jours ;
• de permettre à tout utilisateur de s'inscrire pour suivre ses diagnostics et ceux des entités qu'il accompagne.""",
    """Les aidants

Les aidants sont des agents publics ou des bénévoles d'associations ; ils signent une charte avant leur première
intervention.""",
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    return assistant_on(tmp_path_factory.mktemp("portail"), "portail.txt", PORTAL_PAGES)


@pytest.mark.parametrize(
    "question", ["Combien de temps le lien du diagnostic MonAideCyber est-il valable ?", "how long is the link to the diagnostic results valid on MonAideCyber?"]
)
def test_a_list_item_is_cut_around_the_duration_asked(portal, question):
    """The extract is the lead-in « Le portail MonAideCyber a pour objet : » and its items: the first item was cut before its
    « 7 jours », and the extract that did not show the duration asked was refused."""
    answer = portal.ask(question)
    assert answer.found and "7 jours" in answer.snippet, answer


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Chez quel prestataire l'adresse électronique de l'entité est-elle hébergée ?", "other"),
        ("Quelle entreprise héberge le site web de la commune ?", "other"),
        ("Quelle est l'adresse électronique du service ?", "contact"),
        ("Quel service contacter par mail ?", "contact"),
        ("Quel est le courriel de contact ?", "contact"),
        ("Sur quel site internet trouver le formulaire ?", "contact"),
        ("Quelle est l'adresse du siège ?", "address"),
        ("À qui le conseil d'administration a-t-il confié la maintenance du site internet ?", "person"),
        ("Qui appeler au téléphone en cas de panne ?", "contact"),
        # « où » asks for a place, whatever phone it names, unless it asks where to reach someone
        ("Où les parents ont-ils le droit d'utiliser leur téléphone portable dans la crèche ?", "place"),
        ("Where can visitors use their phone?", "place"),
        ("Où écrire par mail pour une réclamation ?", "contact"),
        # a « téléphone portable » is a device, unless its number is asked
        ("Que remet le collège à chaque élève en début d'année pour ranger son téléphone portable ?", "other"),
        ("Quel est le numéro de téléphone portable du directeur ?", "contact"),
    ],
)
def test_a_question_on_another_noun_than_a_means_of_contact_asks_for_that_noun(question, kind):
    assert question_type(question) == kind


@pytest.mark.parametrize("text", ["+41 (0)22 388 00 00", "+33 (0)1 42 75 80 00", "+32 2 123 45 67", "04 73 98 34 00"])
def test_a_phone_number_is_read_with_its_country_code(text):
    from ingest.numbers import PHONE

    assert re.fullmatch(PHONE, text)


@pytest.mark.parametrize(
    "question, dimensions",
    [("Quel objectif pour 2030 l'office prend-il comme repère ?", []), ("Une cuve de 500 l est-elle soumise à déclaration ?", ["volume"])],
)
def test_a_letter_before_an_apostrophe_is_an_elided_word_no_unit(question, dimensions):
    """« pour 2030 l'office » states no volume of 2 030 litres, which made the question ask for a threshold."""
    from ingest.numbers import stated_dimensions

    assert stated_dimensions(question) == dimensions


TRIAL_PAGES = (
    """L'essai d'infiltration

Le protocole de l'essai de la fosse se déroule en trois étapes successives, décrites ci-après :
• la fosse est creusée dans un premier temps, puis saturée d'eau pendant quatre heures au moins avant toute mesure ;
• la fosse est ensuite agrandie afin de minimiser les effets de bord, et l'on mesure la vitesse d'infiltration de l'eau ;
• les résultats sont enfin reportés sur la fiche d'essai, avec la profondeur de la fosse et la date de la mesure.""",
    """Le rapport

Le bureau d'études remet son rapport au maître d'ouvrage un mois après les essais.""",
)


def test_a_procedure_question_gets_the_steps_a_list_question_gets(tmp_path):
    """« Comment se déroule l'essai … en quelles étapes ? » asks for steps: the lead-in and its items are shown as for a list
    (LIST_TARGET), not cut before the last step."""
    answer = assistant_on(tmp_path, "guide.txt", TRIAL_PAGES).ask("Comment se déroule l'essai de la fosse, en quelles étapes ?")
    assert answer.found and "Le protocole" in answer.snippet and "reportés sur la fiche" in answer.snippet, answer.snippet


# A federation's rules: its name on every page but the annex for its staff, whose sanctions answer
FEDERATION_PAGES = (
    """Objet du règlement

Le présent règlement intérieur précise les statuts de la FNPC. Il est adopté par l'assemblée générale de la FNPC.""",
    """Les associations affiliées

Chaque association affiliée à la FNPC verse une cotisation annuelle. La FNPC tient la liste des associations affiliées.""",
    """Le comité directeur

Le comité directeur de la FNPC se réunit quatre fois par an. Il arrête le budget de la FNPC.""",
    """Les commissions

La FNPC constitue des commissions thématiques. Chaque commission de la FNPC rend compte au comité directeur.""",
    """Les récompenses

La FNPC décerne des diplômes d'honneur aux bénévoles. Le motif du diplôme est approuvé par le comité de la FNPC.""",
    """L'audit interne

La FNPC conduit un audit interne des associations affiliées tous les trois ans.""",
    """Annexe : salariés fédéraux

Les sanctions applicables aux salariés sont, par ordre d'importance : l'avertissement ; le blâme ; la mise à pied
disciplinaire pour une durée maximale de 10 jours ; le licenciement disciplinaire.""",
)


def test_a_page_answers_without_writing_the_name_the_corpus_is_about(tmp_path):
    """« FNPC » is on every page of the federation's rules but its staff annex: the annex still answers a question on the
    FNPC's staff, and comes first; a name on most pages is what the corpus is about, no name that page must write."""
    rules = assistant_on(tmp_path, "reglement.txt", FEDERATION_PAGES)
    answer = rules.ask("Quelle est la durée maximale d'une mise à pied disciplinaire pour un salarié de la FNPC ?")
    assert answer.found and "10 jours" in answer.snippet, answer
    assert answer.passages[0].page == 7, [(p.page, p.text[:40]) for p in answer.passages]


def test_a_name_on_one_or_two_passages_is_no_subject_of_the_corpus():
    """A subject is named in a third of the passages and in three at least: in a note of three passages, a name on one
    of them is a detail it gives."""
    from ess_qa.evidence import is_subject
    from index.pg_lexical import idf

    assert is_subject(idf(73, 129), idf(0, 129)) and is_subject(idf(3, 9), idf(0, 9))
    assert not is_subject(idf(1, 3), idf(0, 3)) and not is_subject(idf(2, 6), idf(0, 6)) and not is_subject(idf(20, 129), idf(0, 129))


@pytest.mark.parametrize(
    "question, measure",
    [
        ("Qui est le médecin attaché à la crèche ?", "identity"),
        ("Qui préside le conseil de surveillance ?", "identity"),
        ("Who is the director of the centre?", "identity"),
        ("Qui peut bénéficier de l'aide ?", None),  # who may: a kind of people answers
    ],
)
def test_who_holds_a_role_asks_for_a_name(question, measure):
    from ess_qa.questions import question_measure

    assert question_measure(question) == measure


def test_a_line_that_names_no_one_does_not_say_who_holds_a_role():
    from ess_qa.evidence import type_matches

    asked = folded_content_words("Qui est le médecin attaché à la crèche ?")
    assert type_matches("Gaëlle FADDA, médecin de la crèche", "person", asked, "identity")
    assert not type_matches("l'accueil est préparé avec la responsable, le médecin de crèche et le médecin traitant", "person", asked, "identity")
    assert not type_matches("Le Centre Hospitalier est un Établissement Public de Santé", "person", asked, "identity")


def test_a_metadata_title_of_another_document_gives_way_to_the_cover(tmp_path):
    """A federation's rules made from another body's file keep its title in their metadata (« Association Nationale des
    Puéricultrices … »), which the first pages never write: the cover's title is the document's."""
    from fpdf import FPDF

    from ingest.loaders import document_metadata

    def rules(name: str, title: str):
        pdf = FPDF()
        pdf.set_title(title)
        pdf.add_page()
        pdf.set_font("helvetica", size=24)
        pdf.multi_cell(0, 12, "Règlement intérieur de la fédération", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, "Le présent règlement précise les statuts de la fédération nationale de protection civile. " * 4)
        pdf.output(str(tmp_path / name))
        return document_metadata(tmp_path / name)[0]

    assert rules("other.pdf", "Association Nationale des Puéricultrices Diplômées et des Etudiantes") == "Règlement intérieur de la fédération"
    assert rules("own.pdf", "Règlement intérieur de la fédération nationale") == "Règlement intérieur de la fédération nationale"


def test_a_line_that_refers_back_is_read_with_what_it_refers_to(tmp_path):
    """« Son montant est de 30 euros » says the amount of the membership named two lines above it: a question on the
    membership's amount is answered by it, not refused for a membership the line does not name."""
    assistant = assistant_on(tmp_path, "reglement.txt", (
        "Article 40 Obligations des parents\n"
        "Les parents participent à la vie de la crèche et aux réunions de l'équipe.\n"
        "L'adhésion à l'association est versée une fois par an, le 1er septembre pour les parents adhérents et à "
        "l'inscription pour ceux arrivant en cours d'année.\n"
        "Elle est révisée chaque année par le conseil d'administration.\n"
        "Son montant est de 30 euros par famille ou 15 euros par personne.",
        "Article 41 Horaires\nLa crèche est ouverte du lundi au vendredi de 8 h 30 à 18 h 30. Les enfants sont accueillis "
        "par une équipe de six professionnelles diplômées.",
        "Article 42 Repas\nLes repas sont préparés sur place par une cuisinière. Les menus sont affichés chaque semaine "
        "dans le hall d'entrée de la crèche.",
    ))
    answer = assistant.ask("Quel est le montant de l'adhésion à l'association pour une famille ?")
    assert answer.found and "30 euros" in answer.snippet, answer.snippet


GARDEN_PAGES = (
    "Le jardin partagé\n\nLa maison accueille des ateliers d'écriture chaque semaine. Un important projet a été lancé en janvier "
    "2019 : la création d'un potager en permaculture.\nCe projet a plusieurs objectifs :",
    "• S'intégrer aux prairies du quartier, zone de biodiversité de premier plan.\n• Créer des outils pédagogiques autour du "
    "jardin.\n• Faire du lien avec les autres jardins partagés du quartier.\n\nLes bénévoles se retrouvent le samedi matin.",
    "Les sondages\n\nDiverses techniques de sondages sont disponibles pour connaître les couches du sol, selon la profondeur du "
    "projet et les emprises du chantier.\n\nLe choix dépend aussi du budget de l'étude, de l'accès des engins au terrain et du délai "
    "laissé avant le début des travaux.\n\nPeuvent ainsi être envisagés :\n• des sondages à la pelle mécanique ;\n"
    "• des forages à la tarière ;\n• des sondages carottés, qui prélèvent des échantillons intacts.",
    "La bibliothèque\n\nLa bibliothèque prête des livres de poésie aux adhérents et organise des lectures publiques.",
)


@pytest.mark.parametrize(
    "question, item",
    [
        # the lead-in ends its page: its items open the next one
        ("Quels objectifs poursuit le projet de potager en permaculture ?", "outils pédagogiques"),
        # the extract goes on up to a lead-in: its items follow it
        ("Quelles techniques de sondage peut-on utiliser pour connaître les couches du sol ?", "pelle mécanique"),
    ],
)
def test_an_extract_that_ends_on_a_lead_in_shows_its_items(tmp_path, question, item):
    """An extract that ended on « Ce projet a plusieurs objectifs : » or « Peuvent ainsi être envisagés : » showed no
    objective and no technique: the list a lead-in announces is what the extract says."""
    answer = assistant_on(tmp_path, "maison.txt", GARDEN_PAGES).ask(question)
    assert answer.found and item in answer.snippet, answer.snippet


SOILS_PAGES = (
    "Les sols de l'appellation\n\nSont notamment privilégiés : - Les marnes kimméridgiennes, ou « terres blanches », qui se "
    "rencontrent dans la partie centrale de la zone géographique, sur les communes de la vallée : ce sont les sols viticoles les "
    "plus largement représentés ; - Les calcaires de l'Oxfordien qui ont donné des sols à forte pierrosité, localement appelés "
    "« caillottes » : ils sont très présents au nord-est de la zone géographique ; - Les « silex », résidus plus ou moins "
    "argileux apparus à la suite de la puissante phase érosive du Crétacé, présents surtout sur la commune du plateau ; - Les "
    "sols siliceux, plus ou moins argileux, présents essentiellement à l'extrémité sud de la zone géographique.",
    "La récolte\n\nLes raisins sont récoltés à bonne maturité, puis pressés le jour même dans les chais de l'exploitation.",
)


def test_a_quoted_term_is_shown_from_where_its_item_starts():
    """« Que désigne-t-on localement par le mot « caillottes » ? » was shown « … forte pierrosité, localement appelés
    « caillottes » … », the soil it names cut away: a term the question quotes is shown from the start of its item or clause
    when that is near, since what it is called may be said before it."""
    from ess_qa.answering import _clause_start

    text = SOILS_PAGES[0]
    at = text.index("« caillottes »")
    assert text[_clause_start(text, at) :].startswith("Les calcaires de l'Oxfordien")


def test_a_quoted_term_is_shown_with_what_names_it_before(tmp_path):
    answer = assistant_on(tmp_path, "cahier.txt", SOILS_PAGES).ask("Que désigne-t-on localement par le mot « caillottes » ?")
    assert answer.found and "sols à forte pierrosité, localement appelés « caillottes »" in answer.snippet, answer.snippet


LIZARD_PAGES = (
    "Le suivi du lézard\n\nLe suivi du lézard ocellé se fait au printemps, d'avril à juin, par des placettes d'un hectare.\n\n"
    "Le prospecteur doit avoir un comportement discret et silencieux sur le terrain.",
    "Les gîtes\n\nLe lézard ocellé s'abrite dans les terriers de lapin et sous les pierres plates des garrigues.",
    "Bibliographie\n\nMARTIN P., 2011. Statut actuel et passé du lézard ocellé sur l'île de Porquerolles. Parc national, 40 p.\n\n"
    "DURAND J., 2013. Régime alimentaire du lézard ocellé en Crau. Bulletin de la société herpétologique, 12 : 90-98.",
)


def test_a_bibliography_entry_is_no_answer_unless_a_work_is_asked_for(tmp_path):
    """« Quel est le statut du lézard ocellé sur la liste rouge ? » was answered with a cited work's title (« Statut actuel et
    passé du lézard ocellé … »): a bibliography's entries answer what they cite, not the question's; a question on a study
    or a publication may still be answered there."""
    assistant = assistant_on(tmp_path, "lezard.txt", LIZARD_PAGES)
    status = assistant.ask("Quel est le statut du lézard ocellé sur la liste rouge nationale ?")
    assert not (status.found and "Porquerolles" in status.snippet), status.snippet
    study = assistant.ask("Quelle étude porte sur le régime alimentaire du lézard ocellé en Crau ?")
    assert study.found and "DURAND" in study.snippet, study.snippet


def test_a_definition_that_takes_up_the_line_before_shows_that_line(tmp_path):
    """« Ce processus s'appelle « l'alimentation par bâchées ». » names the process the line before describes: shown alone,
    the extract says what it is called, not what it is."""
    pages = (
        "Le fonctionnement des filtres\nLe filtre reçoit les eaux usées de la commune après leur décantation. De tels apports ne "
        "peuvent pas être répartis sur toute la surface s'ils arrivent au fil de l'eau ; il faut donc les stocker puis les "
        "envoyer à fort débit pendant un temps limité. Ce processus s'appelle « l'alimentation par bâchées ». Un auget "
        "basculant sert de réservoir pour les petites installations.\nLe filtre est curé tous les dix ans par une entreprise.",
        "L'entretien\nLe dispositif d'alimentation par bâchées est vérifié chaque semaine par l'agent communal, qui "
        "contrôle aussi la répartition de l'eau sur les filtres.",
    )
    answer = assistant_on_pdf(tmp_path, "filtres.pdf", pages).ask("Qu'entend-on par « alimentation par bâchées » ?")
    assert answer.found and "stocker puis les envoyer à fort débit" in answer.snippet and "s'appelle" in answer.snippet, answer.snippet


def test_a_range_asked_is_answered_by_the_figures_that_bound_it(tmp_path):
    """« Entre quelles valeurs … ? » asks for a range, not a list of things nor any figure: « parmi les 4 choix » does not
    answer it, « dans une fourchette de 1 à 10 » does."""
    from ess_qa.questions import question_measure, question_type
    from ingest.numbers import RANGE_RE

    question = "Entre quelles valeurs peut-on choisir le poids donné à chaque sens de circulation ?"
    assert question_type(question) == "number" and question_measure(question) == "range"
    assert question_measure("Dans quelle fourchette se situe le loyer ?") == "range"
    for text in ("dans une fourchette de 1 à 10", "entre 20 et 30 cm", "une taille de 600-700 EH", "Valeurs libres [3 ; 5 m]"):
        assert RANGE_RE.search(text), text
    for text in ("parmi les 4 choix", "le plan 2015-2020", "voir la note [12]", "Tél. 04 72 74 59 59"):
        assert not RANGE_RE.search(text), text
    pages = (
        "L'onglet des paramètres\nUn bouton permet de choisir parmi les 4 choix le type d'onde verte et les valeurs de poids "
        "pour chaque sens de circulation.",
        "Le poids des sens\nLe logiciel permet, par l'attribution de poids, dans une fourchette de 1 à 10, de dimensionner "
        "la bande passante de chaque sens de circulation selon le trafic. Le poids le plus fort va au sens le plus chargé.",
    )
    answer = assistant_on_pdf(tmp_path, "ondes.pdf", pages).ask(question)
    assert answer.found and "de 1 à 10" in answer.snippet, answer.snippet


def test_a_phrase_the_section_is_titled_by_is_what_its_lines_are_about(tmp_path):
    """« selon le contrat de licence »: the section titled « Contrat de licence » says « La présente licence … propriété du
    CERTU »; its line does not name the « contrat », yet it is no other « licence » (a 'N de M' phrase whose complement a
    line shows without its head is otherwise read as something else: the weather's « froid » for a « réseau de froid »)."""
    from fpdf import FPDF

    from ess_qa import Assistant, build

    sections = {
        "Contrat de licence": "La présente licence a pour objet de définir les conditions de cession du droit d'usage non exclusif "
        "du logiciel, propriété du CERTU, désigné ci-après par le Maître d'Ouvrage. Le logiciel est protégé par le code de la "
        "propriété intellectuelle.",
        "Installation du logiciel": "Le contrat de maintenance du logiciel est conclu pour une durée d'un an. Le programme "
        "d'installation copie les fichiers dans le dossier choisi par l'utilisateur.",
        "Le menu Fichier": "Le menu Fichier ouvre, enregistre et imprime les études. Une étude enregistrée garde ses carrefours, "
        "ses lignes de feux et ses débits.",
        "Le menu Édition": "Le menu Édition copie un carrefour, le colle dans une autre étude ou le supprime. Chaque action peut "
        "être annulée.",
        "Les onglets": "L'onglet des paramètres regroupe la vitesse, le cycle et le type d'onde verte. L'onglet des résultats "
        "montre la bande passante de chaque sens.",
        "Le diagramme": "Le diagramme espace-temps montre les feux de chaque carrefour et la bande passante. Il s'imprime en "
        "couleur ou en noir et blanc.",
        "Assistance": "Le service d'assistance répond aux utilisateurs par courrier électronique. Le contrat d'assistance est "
        "renouvelé chaque année par le service acheteur.",
    }
    pdf = FPDF()
    for title, text in sections.items():
        pdf.add_page()
        pdf.start_section(title)
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    pdf.output(str(tmp_path / "licence.pdf"))
    build(tmp_path, tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    assert assistant.store.chunk(0).section == "Contrat de licence"
    (judged,) = assistant.judgements(["À qui appartient le logiciel selon le contrat de licence ?"])
    assert not judged.refusal and "propriété du CERTU" in judged.snippet.text, judged


def test_how_many_times_a_year_asks_a_frequency(tmp_path):
    """« Combien de fois par an au minimum le conseil d'administration doit-il se réunir ? » was answered by « un délai
    minimum de 10 jours », a figure in digits, and not by « au moins trois fois par an », a figure in words: so many
    times in a period is a frequency, which the line that says how often answers."""
    assert question_measure("Combien de fois par an au minimum le conseil doit-il se réunir ?") == "frequency"
    assert question_measure("Combien de fois le bureau se réunit-il par mois ?") == "frequency"
    assert question_measure("How many times a year does the board meet?") == "frequency"
    assert question_measure("Combien de fois plus cher est le neuf ?") is None  # a ratio, not a frequency
    assistant = assistant_on(tmp_path, "statuts.txt", (
        "CONSEIL D'ADMINISTRATION\nLe conseil d'administration se réunit aussi souvent que l'intérêt de l'association l'exige et "
        "au moins trois fois par an, sur convocation du président ou du quart de ses membres. Si le quorum n'est pas atteint, "
        "un deuxième conseil d'administration est convoqué dans un délai minimum de 10 jours et délibère quel que soit le "
        "nombre d'administrateurs présents.",))
    answer = assistant.ask("Combien de fois par an au minimum le conseil d administration doit il se reunir")
    assert answer.found and "trois fois par an" in answer.snippet, answer


def test_a_lead_in_shows_the_first_item_its_own_line_holds(tmp_path):
    """« … dans 5 grandes familles de produits : » was shown with its items from the second on: the lead-in's unit holds
    its first item (« • Charcuterie »), and the extract showed the lead-in's line, then the units after it."""
    assistant = assistant_on(tmp_path, "bilan.txt", (
        "SAISIE DES ACHATS\nLes gestionnaires de restaurants collectifs déclarent chaque année leurs achats de denrées "
        "alimentaires. L'arrêté du 14 septembre 2022 prévoit par ailleurs une saisie d'information dans 5 grandes familles de "
        "produits :\n• Charcuterie\n• Viandes et volailles fraîches et surgelées\n• Poissons et produits de la mer\n"
        "• Fruits et légumes\n• Produits laitiers\nCette saisie est facultative la première année.",))
    answer = assistant.ask("Quelles sont les grandes familles de produits prévues pour la saisie d'information ?")
    assert answer.found and "Charcuterie" in answer.snippet and "Viandes" in answer.snippet, answer


def test_a_long_first_item_that_gives_the_figure_asked_is_cut_not_dropped(tmp_path):
    """« Combien de membres élus … siègent au conseil d'administration ? » was refused: after the lead-in « Les membres
    du CA sont : », its first item (« • 22 membres élus avec une voix délibérative chacun : », read with the next line),
    kept whole for its figure, did not fit, and was dropped. It is cut as another item is."""
    assistant = assistant_on(tmp_path, "statuts.txt", (
        "CONSEIL D'ADMINISTRATION\nLe conseil d'administration met en oeuvre les orientations décidées par l'assemblée "
        "générale.\n• Composition Le bureau des élèves est administré par un CA. La durée du mandat des membres du CA est "
        "fixée à un an. Les membres du CA sont :\n• 22 membres élus avec une voix délibérative chacun :\n"
        "• Les 8 membres du BR du bureau des élèves : parmi les membres actifs par AG dans les conditions définies dans le RI "
        "du bureau des élèves\n• 2 membres du bureau de chaque pôle thématique, soit 10 membres.\n"
        "• 4 représentants des associations fédérées, nommés par leur conseil.",))
    answer = assistant.ask("Combien de membres élus avec voix délibérative siègent au conseil d'administration ?")
    assert answer.found and "22 membres élus" in answer.snippet, answer


@pytest.mark.parametrize(
    "question, defined",
    [
        ("Que désigne le foisonnement pour un réseau de chaleur ?", {"foisonnement"}),
        ("Que signifie le sigle EGalim ?", {"egalim"}),
        ("Que signifie le sigle C.H.E.M.E.A. ?", {"chemea"}),
        ("Que désigne l'abréviation TEE employée tout au long du rapport ?", {"tee"}),
    ],
)
def test_a_meaning_asked_defines_the_term_not_the_verb_nor_for_whom(question, defined):
    """« Que signifie / désigne … » asks for the words after it: not the verb, nor the word that names the term
    (« le sigle »), nor for whom it is asked (« pour un réseau de chaleur »); a dotted acronym is whole."""
    from ess_qa.questions import defined_words

    assert defined_words(question) == defined


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Que signifie être « désinscrit » pour un coopérateur ?", "definition"),
        ("Qu'est-ce que le dispositif du cumul emploi-retraite pour un auto-entrepreneur retraité ?", "definition"),
        ("c'est quoi le site pour voir s'il y a un réseau de chaleur près de chez moi ?", "other"),
    ],
)
def test_a_meaning_asked_for_someone_is_a_definition(question, kind):
    """« pour » and an article say for whom a written « que signifie » or « qu'est-ce que » asks, still a definition;
    « pour » and a verb say what a thing is for (« c'est quoi le site pour voir … »), which is no definition."""
    from ess_qa.questions import question_type

    assert question_type(question) == kind


def test_c_est_a_dire_after_a_word_defines_it():
    """« … par référendum, c'est-à-dire un vote général … » says what a référendum is."""
    from ingest.french import defines

    assert defines("Certaines décisions doivent être prises par référendum, c’est-à-dire un vote général de tous les membres.", {"referendum"})
    assert not defines("Tout référendum se tient par vote à bulletin secret.", {"referendum"})


REFERENDUM_PAGES = (
    """Le fonctionnement de la coopérative

Les assemblées générales ont lieu tous les deux mois. Chaque membre y dispose d'une voix, quel que soit le nombre de ses parts.

Référendum

La plupart des décisions majeures sont prises à l'Assemblée générale, mais parfois l'Assemblée elle-même décide que certaines décisions doivent être prises par référendum, c'est-à-dire un vote général de tous les membres de la coopérative.

Tout référendum se tient par vote à bulletin secret dans une urne placée dans le magasin.

Par exemple, l'interdiction de la vente d'un produit dans le fonctionnement de la coopérative devra faire l'objet d'un référendum comme le stipule l'article 20 des statuts de la coopérative.""",
)


def test_a_definition_question_gets_the_line_that_defines_among_the_first_passages(tmp_path):
    """The line that repeats most of the question's words (« fonctionnement », « coopérative ») does not say what a
    référendum is: a line of the first passages that defines it answers."""
    assistant = assistant_on(tmp_path, "coop.txt", REFERENDUM_PAGES)
    answer = assistant.ask("Qu'appelle-t-on un référendum dans le fonctionnement de la coopérative ?")
    assert answer.found and "vote général" in answer.snippet, answer.snippet


@pytest.mark.parametrize(
    "question, kind",
    [
        ("date assemblée générale ordinaire 2023", "date"),
        ("lieu assemblées générales coopérative", "place"),
        ("Quel est le lieu des assemblées générales ?", "place"),
        ("tiers-lieux numériques soutenus métropole", "other"),
    ],
)
def test_a_date_or_a_place_named_in_keywords_asks_for_one(question, kind):
    """« date … », « lieu … » in a keyword query say what it wants, as « quelle date », « quel lieu » would; a
    tiers-lieu is no place asked."""
    from ess_qa.questions import question_type

    assert question_type(question) == kind


EXAMPLES_PAGES = (
    """Des exemples d'actions

Les administrations développeront le réemploi et la réparation : contenants alimentaires consignés, informatique, vêtements, électroménager, mobiliers.

Autre exemple, les achats de papier recyclé atteindront 40 % des achats de papier en 2027.""",
) + tuple(
    f"""{title}

Le plan de transformation écologique de l'État fixe des objectifs pour 2027 sur {subject}. Par exemple, chaque ministère désignera un référent chargé du suivi, qui rendra compte deux fois par an au comité de pilotage.

Les administrations publieront leurs résultats sur {subject} dans le rapport annuel, avec des exemples de bonnes pratiques."""
    for title, subject in (
        ("Énergie", "la consommation d'énergie des bâtiments"),
        ("Mobilités", "les flottes de véhicules électriques"),
        ("Alimentation", "les repas servis dans les restaurants administratifs"),
        ("Numérique", "la durée de vie des ordinateurs"),
        ("Biodiversité", "les espaces verts des sites"),
        ("Eau", "la consommation d'eau des sites"),
        ("Formation", "la formation des agents à la transition écologique"),
    )
)


def test_examples_of_a_thing_are_answered_by_its_instances(tmp_path):
    """« quels exemples de consignes » asks about consignes: a line that lists them without the word « exemples »
    answers, and its complement shown without « exemples » says nothing of another thing."""
    assistant = assistant_on(tmp_path, "plan.txt", EXAMPLES_PAGES)
    answer = assistant.ask("quels exemples de consignes de reparation le plan veut developper dans les administrations ?")
    assert answer.found and "contenants alimentaires" in answer.snippet, answer.snippet


MOMENT_PAGES = (
    """Faire ses courses

Les membres font leurs courses aux heures d'ouverture du supermarché. Si leur service a lieu lorsque le supermarché est fermé, une caisse sera spécialement ouverte pour qu'ils puissent faire leurs courses à la fin de leur service.

Les membres présentent leur carte à l'entrée du magasin.""",
    """Les services

Chaque membre assure un service de trois heures toutes les quatre semaines. Un membre qui manque son service en doit deux à la coopérative.""",
)


def test_a_year_asked_is_not_told_by_a_moment(tmp_path):
    """« Quand … ? » may be answered by a moment (« lorsque le supermarché est fermé »); « En quelle année … ? » asks a
    year, which such a line does not give: the document does not say."""
    assistant = assistant_on(tmp_path, "coop.txt", MOMENT_PAGES)
    answer = assistant.ask("En quelle année le supermarché a-t-il ouvert ses portes ?")
    assert not answer.found, answer.snippet
    answer = assistant.ask("Quand une caisse est-elle spécialement ouverte ?")
    assert answer.found and "lorsque le supermarché est fermé" in answer.snippet, answer.snippet


def test_a_sum_in_francs_answers_how_much_something_costs(tmp_path):
    """A Swiss foundation's report writes its prices in francs, the Swiss way (« 70.- francs »): « Ça coûte combien par
    jour … ? » was refused, no line of the document holding a sum in euros. « Combien de francs … » asks a sum too."""
    from ess_qa import Assistant, build
    from tests.support import write_text_pdf

    (tmp_path / "corpus").mkdir()
    write_text_pdf(
        tmp_path / "corpus" / "rapport.pdf",
        [
            "Accueil des chercheurs\nLa Fondation a recu 110 hotes, venus de 24 pays differents, pour des sejours de "
            "deux semaines en moyenne. Elle a accorde 51 bourses a de jeunes chercheurs.\n"
            "La participation demandee aux hotes pour leurs frais de sejour est maintenue a 70.- francs par jour et par "
            "personne en pension complete.",
            "Bibliotheque\nLes acquisitions de monographies ont porte sur les editions des auteurs grecs et latins. "
            "Les depenses totales de l'annee, d'un montant de 35 000 francs, sont conformes au budget alloue.",
        ],
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    answer = assistant.ask("Ça coûte combien par jour d'être logé en pension complète ?")
    assert answer.found and "70.- francs" in answer.snippet
    assert question_type("Combien de francs la bibliothèque a-t-elle dépensé ?") == "money"


def test_a_form_to_sign_is_no_answer(tmp_path):
    """A school canteen's rules end with a slip to fill and sign, which names the rules and the town again (« Déclare
    avoir pris connaissance du règlement de la restauration municipale de la ville de … »): « Qui a la responsabilité de
    la cantine … ? » was answered with it. A page whose lines mostly leave blanks to write in is a form, and none of its
    lines is shown as an answer; a contents page's leaders and a list's closing « …… » are no blanks."""
    from ess_qa import Assistant, build
    from ess_qa.answering import _on_a_form
    from ingest.structure import is_form, leaves_blanks
    from tests.support import write_text_pdf

    assert leaves_blanks("Fait à ____________ le ________ Signature") and leaves_blanks("Nom : ……………………… Prénom : ………………")
    assert not leaves_blanks("Ressources humaines ………………… : p 4") and not leaves_blanks("- Aide au budget - ……")
    assert not is_form(["Présentation …………… 3", "Le budget est voté en mars."]) and not is_form([])
    (tmp_path / "corpus").mkdir()
    write_text_pdf(
        tmp_path / "corpus" / "reglement.pdf",
        [
            "RESTAURATION MUNICIPALE POUR LES ENFANTS\nREGLEMENT INTERIEUR\nLa ville de Villebois met a disposition des "
            "enfants des ecoles publiques une restauration pour le repas de midi.",
            "Dispositions generales\nLa cantine est placee sous la responsabilite de Monsieur le Maire, ou de son adjoint. Elle "
            "fonctionne pendant les journees scolaires et les journees du centre de loisirs.\nIl n'y a pas d'achat de tickets "
            "mais une reservation de repas avec paiement au secretariat de mairie.",
            "ACCEPTATION DU REGLEMENT INTERIEUR\n\nNom : ____________________ Prenom : ____________________\n\n"
            "Adresse : ________________________________________\n\nTelephone : ____________________\n\n"
            "Declare avoir pris connaissance du reglement de la restauration municipale de la ville de Villebois,\n"
            "S'engage a en communiquer le contenu a mon enfant.\n\nFait a ____________________ le ____________________ Signature",
        ],
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    store = assistant.store
    on_form = {store.chunk(at).page: _on_a_form(store, at) for page in (1, 2, 3) for at in store.positions_on_page(page)}
    assert on_form == {1: False, 2: False, 3: True}
    for question in ("Qui a la responsabilité de la restauration municipale de la ville de Villebois ?", "Faut-il acheter des tickets ?"):
        snippet = assistant.ask(question).snippet or ""
        assert "connaissance" not in snippet and "Signature" not in snippet


def test_a_count_of_kinds_is_answered_by_a_count_in_words(tmp_path):
    """« Combien de types de profils … ? » asks a count, of kinds of profiles, which « Deux types de profil … peuvent être
    créés » gives in words: it was refused, the question being read as asking no count and the line holding no figure."""
    from ess_qa import Assistant, build
    from ess_qa.evidence import spelled_counted
    from tests.support import write_text_pdf

    assert question_measure("Combien de types de profils une organisation peut-elle créer ?") == "count"
    assert question_measure("Combien de catégories de membres compte l'association ?") == "count"
    assert spelled_counted("Deux types de profil peuvent être créés") == ["types", "profil"]
    (tmp_path / "corpus").mkdir()
    write_text_pdf(
        tmp_path / "corpus" / "cgu.pdf",
        [
            "Article 4 - Fonctionnalites\nToute structure utilisant l'outil peut creer un profil Organisation qui lui permet de "
            "gerer ses equipes et ses parametres.\nDeux types de profil Utilisateurs peuvent etre crees : le profil normal, pour "
            "les professionnels d'accompagnement, et le profil restreint, pour les autres personnels de la structure.",
            "Article 5 - Donnees\nLes donnees sont hebergees en France chez un hebergeur certifie pour les donnees de sante.",
        ],
    )
    build(tmp_path / "corpus", tmp_path / "index")
    answer = Assistant.load(tmp_path / "index").ask("Combien de types de profils utilisateurs une structure peut-elle créer ?")
    assert answer.found and "Deux types de profil" in answer.snippet


def test_the_postal_address_of_the_documents_publisher_is_on_its_back_cover(tmp_path):
    """A foundation's annual report prints its address on its back cover only (« 2, chemin Vert 1253 Vandoeuvres Tél. … »),
    in no words of the question « Quelle est l'adresse postale de la Fondation … ? », which was refused. The back cover
    answers for the publisher its first pages name, not for another body the report names further on."""
    from ess_qa import Assistant, build
    from ess_qa.evidence import gives_a_street
    from tests.support import write_text_pdf

    assert gives_a_street("2, chemin Vert 1253 Vandoeuvres") and gives_a_street("BP 12 - 75001 Paris")
    assert not gives_a_street("Rapport annuel 20123") and not gives_a_street("http://www.tv.ch/vod/20651-39082 Genève")
    (tmp_path / "corpus").mkdir()
    write_text_pdf(
        tmp_path / "corpus" / "rapport.pdf",
        [
            "Fondation Exemple pour l'etude de l'Antiquite classique\nRapport annuel 2012",
            "En 2012, la Fondation Exemple a recu 110 hotes venus de 24 pays differents pour des sejours d'etude.",
            "La bibliotheque a acquis 300 monographies et poursuivi l'informatisation de son catalogue.",
            "Les travaux de renovation de la cuisine ont ete conduits par un atelier d'architecture de Carouge.",
            "Une exposition de papyrus a ete organisee avec le Musee d'art de Pully, qui a prete douze pieces.",
            "2, chemin Vert 1253 Vandoeuvres Tel. +41 22 736 31 04 www.fondationexemple.ch",
        ],
    )
    build(tmp_path / "corpus", tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    answer = assistant.ask("Quelle est l'adresse postale de la Fondation Exemple ?")
    assert answer.found and "chemin Vert" in answer.snippet
    assert "chemin Vert" not in (assistant.ask("Quelle est l'adresse postale du Musée d'art de Pully ?").snippet or "")


def test_a_role_or_a_body_that_does_the_thing_answers_who(tmp_path):
    """« Qui … ? » is answered by a role or a body as by a name: the passive's agent (« financé par la mairie »,
    « recherché par le médecin ») or whose charge it is under (« sous la responsabilité de Monsieur le Maire »). Only a
    name counted, so the passage's opening, which echoed the question's words, was shown first; what « par » opens after
    no participle (« se termine par un bilan », « trois repas par jour ») or as a locution (« par la suite ») says no one,
    nor does an agent the question names itself."""
    from ess_qa.evidence import type_matches

    for line in ("La cantine est placée sous la responsabilité de Monsieur le Maire.", "Il est recherché par le médecin qui oriente.",
                 "Les dossiers sont étudiés par un jury."):
        assert type_matches(line, "person", set())
    for line in ("Trois repas par jour sont servis.", "Le dossier sera complété par la suite.", "Il se termine par un bilan.",
                 "Il est reçu par le maire."):
        assert not type_matches(line, "person", {"maire"} if "maire" in line else set())
    assistant = assistant_on_pdf(
        tmp_path,
        "rapport.pdf",
        (
            "Chantiers de pre-insertion\nLes chantiers de pre-insertion en espaces verts ont pour objectif d'ameliorer "
            "l'entretien des quartiers et de faire decouvrir aux jeunes les metiers de l'environnement.\n"
            "Depuis 2019, il est financé par la mairie et permet aux jeunes d'avoir une premiere experience de travail "
            "remuneree pendant trois semaines. Les jeunes sont accompagnés de deux educateurs techniques qui leur apprennent "
            "les gestes du metier et la securite sur les chantiers. Chaque chantier de pre-insertion dure trois semaines, a "
            "raison de quatre jours de travail par semaine, et se termine par un bilan individuel avec le conseiller. Les "
            "chantiers de pre-insertion en espaces verts se deroulent dans les parcs et les jardins publics des quartiers "
            "prioritaires.",
            "Accueil des jeunes\nLa mission locale accueille les jeunes de 16 a 25 ans sortis du systeme scolaire. "
            "Les conseillers les recoivent sur rendez-vous du lundi au vendredi.",
        ),
    )
    answer = assistant.ask("Qui finance les chantiers de pré-insertion ?")
    assert answer.found and answer.snippet.startswith("Depuis 2019, il est financé par la mairie")


def test_a_name_the_document_opens_with_need_not_be_on_the_page_that_answers(tmp_path):
    """A commune's building rules name the commune on their cover only (« Commune de Charrat »): every question that named
    it was refused, no page but the cover writing it. What a document's opening names is what it is about, like its
    title's words; a question the rules do not answer is still refused."""
    assistant = assistant_on_pdf(
        tmp_path,
        "reglement.pdf",
        (
            "Commune de Vernayaz\nReglement communal des constructions et des zones, adopte par l'assemblee primaire le 19 "
            "decembre 1988 et homologue par le conseil d'Etat le 28 mars 1990.",
            "Demande d'autorisation\nToute construction nouvelle est soumise a une autorisation prealable du conseil "
            "communal. La demande est deposee au bureau technique en quatre exemplaires, avec les plans signes.",
            "Opposition\nLe delai d'opposition est de dix jours a partir de la publication au bulletin officiel. Les "
            "oppositions sont formulees par ecrit et motivees.",
            "Clotures\nLes clotures en fil de fer barbele sont interdites le long des voies publiques. Les haies vives ne "
            "depassent pas deux metres de hauteur.",
        ),
    )
    answer = assistant.ask("Quel est le délai pour faire opposition à Vernayaz ?")
    assert answer.found and "dix jours" in answer.snippet and answer.passages[0].page == 3
    answer = assistant.ask("Les clôtures en fil de fer barbelé sont-elles permises à Vernayaz ?")
    assert answer.found and "interdites" in answer.snippet
    assert not assistant.ask("Combien coûte un permis de construire à Vernayaz ?").found
