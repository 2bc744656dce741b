"""One line of one metropolis's identity box: "Combien d'habitants compte Rennes Métropole ?"."""

from __future__ import annotations

import pytest

from ess_qa.profiles.metropoles.lookup import Lookup, label_starts, parse_lookup
from ess_qa.retrieval import Filters
from ingest.french import match_key
from ingest.numbers import french_numbers

QUESTIONS = {
    "population": ["Quelle est la population de {name} ?", "Combien d'habitants compte {name} ?", "What is the population of {name}?"],
    "communes": ["Combien de communes compte {name} ?", "How many municipalities does {name} have?"],
    "area_km2": ["Quelle est la superficie de {name} ?", "What is the area of {name}?"],
    "density": ["Quelle est la densité de population de {name} ?"],
    "region": ["Dans quelle région se trouve {name} ?"],
    "address": ["Quelle est l'adresse de {name} ?", "What is the address of {name}?"],
    "websites": ["Quel est le site internet de {name} ?"],
}


def expected_text(record: dict, field: str) -> str:
    """What the box line must show, from the record read by ingest.factsheets."""
    value = record[field]
    if field == "websites":
        return value[0]
    if field == "area_km2" and record.get("notes") and any("ha" in note.lower() for note in record["notes"]):
        return ""  # printed in hectares, recorded in km²: checked by the page test only
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)[:25]


def test_every_field_of_every_sheet_is_answered_with_its_box_line_first(assistant):
    records = assistant.metropoles()
    assert len(records) == 14
    asked = 0
    for record in records:
        for field, templates in QUESTIONS.items():
            if record.get(field) in (None, "", []):
                continue
            for template in templates:
                question = template.format(name=record["name"])
                answer = assistant.ask(question, k=3)
                assert answer.found and answer.snippet, question
                first = answer.passages[0]
                assert first.page == record["pages"][field] and first.section == record["section"], question
                assert answer.snippet_citation == first.citation
                assert match_key(expected_text(record, field)) in match_key(answer.snippet), (question, answer.snippet)
                assert len(answer.snippet) <= 400
                assert assistant.search(question, k=3)[0].citation == first.citation  # search agrees with ask
                asked += 1
    assert asked > 120


def test_an_address_is_read_to_its_end_across_lines_and_chunks(assistant):
    answer = assistant.ask("Quelle est l'adresse de Clermont Auvergne Métropole ?")
    assert "64-66 avenue de l’Union Soviétique" in answer.snippet
    assert "63007" in answer.snippet  # the next line, in the next passage of the page
    assert "Site internet" not in answer.snippet


@pytest.mark.parametrize(
    "question",
    [
        "Quelle métropole compte le plus d'habitants ?",  # a comparison: answered from the table
        "Combien d'habitants comptent Rennes Métropole et Nantes Métropole ?",  # two metropolises: the table compares
        "Combien de salariés compte Bordeaux Métropole ?",  # all jobs: the sheet gives the ESS's only
        "Combien d'emplois l'ESS a-t-elle créés à Bordeaux Métropole ?",  # a change, not the stock
        "Quelle est la population des quartiers prioritaires de Nantes Métropole ?",  # another subject
        "Combien d'habitants compte la ville de Lyon ?",  # no fact sheet
        "Comment Rennes Métropole soutient-elle l'ESS ?",  # no box field
    ],
)
def test_other_questions_are_not_box_lookups(assistant, question):
    assert parse_lookup(question, assistant.metropoles()) is None


def test_a_lookup_names_the_record_and_field(assistant):
    records = assistant.metropoles()
    lookup = parse_lookup("Combien de communes compte Toulouse Métropole ?", records)
    assert isinstance(lookup, Lookup) and records[lookup.record]["name"] == "Toulouse Métropole" and lookup.field == "communes"


def test_labels_are_found_inside_a_joined_line():
    text = "Nombre d’habitants sur le territoire : 288 000 Nombre de communes : 21 Adresse visiteur : 2 rue X"
    assert [field for _, field in label_starts(text)] == ["population", "communes", "address_visitor"]


def test_filters_that_exclude_the_sheet_keep_the_ranking(assistant):
    question = "Combien d'habitants compte Rennes Métropole ?"
    answer = assistant.ask(question, k=3, filters=Filters(page_max=40))
    assert all(p.page <= 40 for p in answer.passages)


ESS_QUESTIONS = {
    "ess_jobs": ["Combien de salariés compte l'ESS à {name} ?", "How many people work in the social economy in {name}?"],
    "ess_establishments": ["Combien d'établissements employeurs de l'ESS compte {name} ?"],
    "ess_share_of_employment": ["Quelle part de l'emploi l'ESS représente-t-elle à {name} ?"],
}


def test_every_ess_figure_of_every_sheet_is_answered_with_the_sentence_that_states_it(assistant):
    asked = 0
    for record in assistant.metropoles():
        for field, templates in ESS_QUESTIONS.items():
            value = record.get(field)
            if value is None:
                continue
            for template in templates:
                question = template.format(name=record["name"])
                answer = assistant.ask(question, k=3)
                assert answer.found and any(number == value for number, _, _ in french_numbers(answer.snippet)), (question, answer.snippet)
                assert answer.passages[0].page == record["pages"][field] and answer.passages[0].section == record["section"]
                assert len(answer.snippet) <= 400
                asked += 1
    assert asked >= 30


def test_an_ess_figure_the_sheet_does_not_give_is_not_a_lookup(assistant):
    records = assistant.metropoles()
    aix = next(r for r in records if r["name"].startswith("Aix"))
    assert aix["ess_jobs"] is None  # the panorama gives the region's figures
    assert parse_lookup("Combien de salariés compte l'ESS à Aix-Marseille-Provence Métropole ?", records) is None
