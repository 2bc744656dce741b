"""Retrieval quality on question sets, with the real model: the floors issue 2 asks for.

dev.jsonl is the development set; heldout.jsonl holds 80 questions written for this project
from the report (not used to choose settings question by question); unseen.jsonl holds 60 more,
written later by someone who never ran the assistant, and first measured after every setting
was chosen (see the README). All score with the rules of ess_qa.evaluation (evidence string
contained in a passage after normalisation).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ess_qa.evaluation import evaluate, first_hit_rank, load_questions

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def dev_report(assistant):
    return evaluate(assistant, DATA / "dev.jsonl", k=10)


@pytest.fixture(scope="module")
def heldout_report(assistant):
    return evaluate(assistant, DATA / "heldout.jsonl", k=10)


def test_dev_set_floors(dev_report):
    overall = dev_report["overall"]
    assert overall["hit@5"] >= 0.93, overall
    assert overall["mrr@10"] >= 0.80, overall
    assert overall["mean_passage_chars"] <= 1200, overall


def test_every_english_question_is_answered_in_the_top_10(assistant):
    for path in (DATA / "dev.jsonl", DATA / "heldout.jsonl"):
        english = [q for q in load_questions(path) if q.kind == "crosslingual"]
        assert english
        misses = []
        for question in english:
            texts = [p.text for p in assistant.search(question.question, k=10)]
            if first_hit_rank(texts, question.evidence) is None:
                misses.append(question.id)
        # dev: all of them; held-out: at most one in nine (h71 is asked with no word of its passage)
        assert len(misses) <= (0 if path.name == "dev.jsonl" else 1), misses


def test_heldout_set_does_about_as_well(heldout_report):
    overall = heldout_report["overall"]
    assert overall["hit@5"] >= 0.85, overall
    assert overall["mrr@10"] >= 0.72, overall
    assert overall["mean_passage_chars"] <= 1200, overall


def test_characters_read_until_the_evidence_stay_low(dev_report, heldout_report):
    assert dev_report["overall"]["read_chars"] <= 1500
    assert heldout_report["overall"]["read_chars"] <= 1800


def test_unseen_set_keeps_its_first_measured_level(assistant):
    report = evaluate(assistant, DATA / "unseen.jsonl", k=10)
    overall = report["overall"]
    # first measure: hit@5 0.83, MRR 0.75, answer@1 0.67, out of scope refused 3/6, none in scope refused
    assert overall["hit@5"] >= 0.80 and overall["mrr@10"] >= 0.70, overall
    assert overall["answer@1"] >= 0.62 and overall["false_abstention"] <= 0.05, overall
    assert report["out_of_scope"]["abstention"] >= 0.5, report["out_of_scope"]


# Three pages written for this test: two metropolises' employment figures, full of the question's words, and
# the national figure, which names France once.
EMPLOYMENT_PAGES = (
    """L'emploi dans l'ESS à Lille

À Lille, l'économie sociale et solidaire représente 12 % de l'emploi privé. La part de l'emploi privé
que représente l'économie sociale et solidaire progresse chaque année : l'emploi privé de l'économie
sociale et solidaire compte 40 000 salariés, et sa part de l'emploi privé dépasse celle de l'industrie.""",
    """L'emploi dans l'ESS à Rennes

À Rennes, l'économie sociale et solidaire représente 11 % de l'emploi privé. La part de l'emploi privé
que représente l'économie sociale et solidaire est stable : l'emploi privé de l'économie sociale et
solidaire compte 25 000 salariés, et sa part de l'emploi privé reste la plus forte de la région.""",
    """Les chiffres nationaux

En France, 2,3 millions de salariés travaillent dans une entreprise de l'ESS, soit 14 % des salariés
du secteur privé. Les associations en emploient les trois quarts.""",
)


def test_a_passage_about_the_place_the_question_names_comes_first(tmp_path):
    """Pages that do not mention France, however many of the question's other words they hold, come
    after the page that does: a metropolis's share of private employment is not France's."""
    from ess_qa import Assistant, build

    (tmp_path / "emploi.txt").write_text("\f".join(EMPLOYMENT_PAGES), encoding="utf-8")
    build(tmp_path, tmp_path / "index")
    passages = Assistant.load(tmp_path / "index").search("Quelle part de l'emploi privé représente l'économie sociale et solidaire en France ?", k=3)
    assert passages[0].page == 3, [(p.page, p.text[:40]) for p in passages]
    # the pages put after it show no higher score than it: a list read top down never climbs
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True), scores


# One page, one section, two passages long: the question's words open it, its answer ends it. Then a page on
# something else, under its own heading.
COMPOST_PAGES = (
    """Le compostage partagé dans les quartiers

Les composteurs partagés installés au pied des immeubles permettent aux habitants de déposer leurs
épluchures, leur marc de café et leurs restes de repas non carnés. Chaque site de compostage partagé est
suivi par un référent bénévole, formé par la collectivité, qui ouvre le bac aux heures convenues, vérifie
la qualité des apports et mélange la matière avec du broyat de branches. Le compost mûr est distribué
deux fois par an aux habitants qui ont participé, lors d'une fête de quartier organisée par le référent.
Les bailleurs sociaux signent une convention avec la collectivité pour mettre à disposition l'emplacement
et prendre en charge l'entretien des abords du site.
La métropole fournit gratuitement le bac, le broyat, un bio-seau par foyer et les panneaux d'information.
Elle organise aussi une formation de deux demi-journées pour chaque nouveau référent, avec une visite
d'une plateforme de compostage de proximité déjà installée. En 2023, quatre cent douze sites étaient en
service sur le territoire, et ils détournaient chaque année environ mille tonnes de biodéchets des
ordures ménagères résiduelles. L'objectif fixé par le plan local de prévention est de six cents sites.""",
    """La collecte des encombrants

Les encombrants sont collectés sur rendez-vous, une fois par mois, devant le domicile. Les habitants
prennent rendez-vous en ligne ou par téléphone, au plus tard trois jours avant la date de collecte.""",
)


def test_two_neighbouring_pieces_found_are_one_passage(tmp_path):
    """The piece of a page that holds the question's words and the piece after it, which holds its figure,
    are shown as one passage, cited by their page: the reader sees the answer with what it answers."""
    from ess_qa import Assistant, build
    from ingest.french import match_key

    (tmp_path / "compost.txt").write_text("\f".join(COMPOST_PAGES), encoding="utf-8")
    build(tmp_path, tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    assert len(assistant.store.positions_on_page(1, "compost.txt")) == 2  # the page is two passages long
    passages = assistant.search("Combien de sites de compostage partagé étaient en service en 2023 ?", k=2)
    first = passages[0]
    assert first.page == 1 and "référent bénévole" in first.text and "quatre cent douze sites" in first.text, first.text
    for passage in assistant.search("compost encombrants collecte habitants", k=5):  # each as printed on the page it cites
        assert match_key(passage.text) in match_key(COMPOST_PAGES[passage.page - 1]), passage


# A report's list of figures, whose titles hold the words of many questions, then two pages that say something.
FIGURES_PAGES = (
    "Liste des tableaux et des figures\n\nFigure 1 Taux de produits bio par segment de la restauration collective\n"
    "Figure 2 Taux de produits bio par région\nFigure 3 Évolution du taux de produits bio des cantines\n"
    "Figure 4 Part des cantines ayant télédéclaré par segment",
    "Les résultats par segment\n\nLe taux de produits bio atteint 15,3 % dans le segment scolaire, contre 8,1 % dans le "
    "segment santé.\nLes cantines du segment social restent en retrait.",
    "Les régions\n\nLa Bretagne et l'Occitanie ont les taux les plus élevés. Les régions du nord progressent.",
)


def test_a_list_of_figures_comes_after_the_passages_that_say_something(tmp_path):
    """A list of figures or a table of contents names what the document says, and answers nothing: it comes after the
    pages that say it, with no higher score, however many of the question's words its titles hold."""
    from ess_qa import Assistant, build
    from ingest.structure import is_navigation

    (tmp_path / "rapport.txt").write_text("\f".join(FIGURES_PAGES), encoding="utf-8")
    build(tmp_path, tmp_path / "index")
    passages = Assistant.load(tmp_path / "index").search("évolution du taux de produits bio des cantines par région", k=3)
    assert [p.page for p in passages] == [2, 3, 1], [(p.page, p.score) for p in passages]
    assert passages[2].score <= passages[1].score
    assert is_navigation("Annexes › Liste des figures", "Figure 1 …") and is_navigation("", "SOMMAIRE 1. Introduction 4")
    assert not is_navigation("Liste des sigles", "CCAS Centre communal d'action sociale")  # a glossary answers « que signifie »
