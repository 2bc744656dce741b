"""The metropolises' fact sheets as data (ess_qa.profiles.metropoles.factsheets) and comparisons answered from them
(ess_qa.profiles.metropoles, Assistant.metropoles, Assistant.ask).

Expected values were read by a person in corpus/metropoles-ess.txt (pages 49-60, physical page
numbers); each test also checks that the value is printed on the page the record cites.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from ess_qa import Assistant
from ess_qa.profiles.metropoles.lookup import parse_lookup
from ess_qa.profiles.metropoles.questions import Comparison, named_record_indexes, parse_comparison
from ess_qa.profiles.metropoles.table import (
    answer_question,
    chart_data,
    format_number,
    table_rows,
    to_csv,
    to_text,
    TABLE_COLUMNS,
)
from ess_qa.profiles.metropoles.factsheets import complete_truncated, extract_fact_sheets, identity_boxes, page_fact_sheets, parse_identity_box, parse_panorama
from ingest.numbers import french_numbers, parse_french_number, parse_typed_number
from ingest.loaders import load_pages
from ingest.types import Citation, Page

from conftest import CORPUS, DEV_SET

SOURCE = "metropoles-ess.txt"
HELDOUT_SET = DEV_SET.parent / "heldout.jsonl"
CARD = ("population", "communes", "area_km2", "density", "region", "address", "websites")
ESS = ("ess_jobs", "ess_share_of_employment", "ess_establishments")

# Every field each sheet states, as printed in the report (page = physical page of the text).
EXPECTED = {
    "Aix-Marseille-Provence Métropole": dict(
        page=49, population=1_898_950, population_date="01/01/2019", communes=92, area_km2=3173, density=597,
        region="Provence-Alpes-Côte d’Azur", address="BP 48014 – 13567 Marseille Cedex – 0204 91 99 99 00",
        address_visitor="2 bis, boulevard Euromed Quai d’Arenc – 13002 Marseille", websites=["ampmetropole.fr"],
        regional_panorama="Provence-Alpes-Côte d’Azur",
    ),
    "Bordeaux Métropole": dict(
        page=50, population=783_000, communes=28, area_km2=579.27, density=1352, region="Nouvelle-Aquitaine",
        address="Esplanade Charles de Gaulle 33076 Bordeaux cedex", websites=["ess.bordeaux-metropole.fr"],
        ess_jobs=36_515, ess_establishments=2983, ess_share_of_employment=10, ess_share_basis="des emplois",
    ),
    "Clermont Auvergne Métropole": dict(
        page=51, population=288_000, communes=21, area_km2=300.62, density=959, region="Auvergne Rhône Alpes",
        address="64-66 avenue de l’Union Soviétique BP 231 63007 Clermond-Ferrand Cedex 1", websites=["clermontmetropole.eu"],
        ess_jobs=14_500, ess_establishments=1295,
        # "environ 14% de l'activité économique globale": a share of activity, not of employment
        ess_shares=[{"percent": 14, "of": "de l’activité économique globale"}],
    ),
    "Métropole Européenne de Lille": dict(
        page=52, population=1_143_572, communes=90, area_km2=647.71, density=1766, region="Hauts-de-France",
        address="1 rue du ballon, 59 000 Lille", websites=["lillemetropole.fr/fr/economie-sociale-et-solidaire"],
        ess_jobs=52_000, ess_share_of_employment=11, ess_share_basis="des emplois",
        # "3 900 organismes de l'ESS": organisations, not employer establishments
    ),
    "Montpellier Méditerranée Métropole": dict(
        page=53, population=465_070, communes=31, area_km2=421.8, density=1103, region="Occitanie",
        address="50 place Zeus, 34 000 Montpellier", websites=["montpellier3m.fr", "entreprendre-montpellier.com"],
        ess_jobs=23_570, ess_establishments=2298, ess_share_of_employment=12, ess_share_basis="de l’emploi total",
        ess_share_of_private_employment=18,
    ),
    "Nantes Métropole": dict(
        page=54, population=639_000, communes=24, area_km2=523.36, density=1221, region="Pays de la Loire",
        address="2 cours du champs de mars 44923, Nantes Cedex 2", websites=["nantesmetropole.fr"],
        ess_jobs=36_000, ess_establishments=2819, ess_share_of_employment=16, ess_share_basis="des emplois privés",
        ess_share_of_private_employment=16,
    ),
    "Métropole Nice Côte d’Azur": dict(
        page=55, population=538_766, communes=49, area_km2=1465.8, density=368, region="Provence-Alpes-Côte d’Azur",
        address="5 rue de l’Hôtel-de-Ville 06 364 Nice Cedex 4", websites=["nicecotedazur.org"],
        regional_panorama="Provence-Alpes-Côte d’Azur",
    ),
    "Métropole du Grand Paris": dict(
        page=55, population=7_026_945, communes=131, area_km2=814, density=8633, region="Ile-de-France",
        address="15-19 avenue Pierre Mendès-France, 75 013 Paris", websites=["metropolegrandparis.fr"],
        regional_panorama="Ile-de-France",
    ),
    "Rennes Métropole": dict(
        page=56, population=443_192, population_date="2016", communes=43, area_km2=704.94, density=629, region="Bretagne",
        address="Rennes Métropole, CS 93111 35 031 Rennes Cedex 2",
        websites=["metropole.rennes.fr/economie-sociale-et-solidaire-le-pari-gagnant-de-rennes-metropole"],
        ess_jobs=25_000, ess_share_of_employment=14, ess_share_basis="de l’emploi salarié privé",
        ess_share_of_private_employment=14,
    ),
    "Métropole Rouen Normandie": dict(
        page=57, population=498_822, communes=71, area_km2=663.83, density=738, region="Normandie",
        address="Le 108, 108 allée François Mitterrand CS 50589 Rouen Cedex", websites=["metropole-rouen-normandie.fr"],
        ess_jobs=21_300, ess_establishments=1700, ess_share_of_employment=15, ess_share_basis="de l’emploi privé",
        ess_share_of_private_employment=15,
    ),
    "Eurométropole de Strasbourg": dict(
        page=57, population=500_000, communes=33, area_km2=339.57, density=1447, region="Grand Est",
        address="Centre administratif - Ville et Strasbourg Eurométropole, 1 parc de l’Étoile 67076 Strasbourg Cedex",
        websites=["strasbourg.eu", "europtimist.eu"], regional_panorama="Grand Est",
    ),
    "Métropole Toulon-Provence-Méditerranée": dict(
        page=58, population=439_542, population_date="01/01/2019", communes=12, area_km2=366.54, density=1200,
        region="Provence-Alpes-Côte d’Azur", address="107 Boulevard Henri Fabre - CS 30536 83041 TOULON Cedex 09",
        websites=["metropoletpm.fr"], ess_jobs=15_446, ess_establishments=1388, ess_share_of_employment=11.9,
        ess_share_basis="de l’emploi total", ess_share_of_private_employment=17.7,
    ),
    "Toulouse Métropole": dict(
        page=59, population=755_882, communes=37, area_km2=465.96, density=1637, region="Occitanie",
        address="6 rue René LEDUC, B.P. 35821 31505 Toulouse cedex 5", websites=["toulouse-metropole.fr"],
        ess_jobs=33_000, ess_establishments=3100, ess_share_of_employment=8, ess_share_basis="des emplois du territoire",
    ),
    "Tours Métropole Val de Loire": dict(
        page=60, population=293_123, communes=22, area_km2=390.41, density=751, region="Centre Val de Loire",
        address="60 avenue marcel Dassault CS 30651 37206 Tours Cedex 03", websites=["tours-metropole.fr"],
        regional_panorama="Centre-Val de Loire",
    ),
}
OPTIONAL = ("population_date", "address_visitor", "ess_jobs", "ess_share_of_employment", "ess_share_basis",
            "ess_share_of_private_employment", "ess_establishments")


@pytest.fixture(scope="module")
def pages():
    return load_pages(CORPUS).pages


@pytest.fixture(scope="module")
def records(pages):
    return extract_fact_sheets(pages)


def by_name(records):
    return {r["name"]: r for r in records}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def printed_forms(value) -> list[str]:
    """How the report may print a number: '1 898 950' (spaces of any kind), '579,27', '1637'."""
    fr = format_number(value, "fr")
    return [fr, fr.replace(" ", ""), fr.replace(" ", "\u2009")]


# --- extraction, one test per metropolis -----------------------------------------------------------


def test_fourteen_sheets_in_report_order(records):
    assert [r["name"] for r in records] == list(EXPECTED)
    assert [r["pages"]["name"] for r in records] == [e["page"] for e in EXPECTED.values()]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fact_sheet_values(records, pages, name):
    record, expected = by_name(records)[name], EXPECTED[name]
    page = expected["page"]
    page_text = flat(pages[page - 1].text)
    assert record["source"] == SOURCE
    assert record["section"] == f"Fiches métropoles › {name}"
    for field in CARD:
        value = record[field]
        if field == "area_km2":
            assert value == pytest.approx(expected[field]), field
        else:
            assert value == expected[field], field
        assert record["pages"][field] == page, field
    for field in OPTIONAL:
        assert record[field] == expected.get(field), field
        if expected.get(field) is not None:
            assert record["pages"][field] == page, field
    if "ess_shares" in expected:
        assert record["ess_shares"] == expected["ess_shares"]
    # every number read is printed on the cited page (Toulon's area is printed in hectares)
    for field in ("population", "communes", "density", "ess_jobs", "ess_establishments", "ess_share_of_employment"):
        if record[field] is not None:
            assert any(form in page_text for form in printed_forms(record[field])), (field, record[field])
    if "regional_panorama" in expected:
        assert all(record[f] is None for f in ESS) and record["ess_shares"] == []
        assert any("region" in note and expected["regional_panorama"] in note for note in record["notes"]), record["notes"]


def test_area_in_hectares_is_converted_with_a_note(records, pages):
    toulon = by_name(records)["Métropole Toulon-Provence-Méditerranée"]
    assert "36 654 Ha" in flat(pages[57].text)
    assert toulon["area_km2"] == pytest.approx(366.54)
    assert any("hectares" in note for note in toulon["notes"])
    # the printed density agrees with the conversion
    assert toulon["population"] / toulon["area_km2"] == pytest.approx(toulon["density"], rel=0.01)


def test_densities_agree_with_population_and_area(records):
    """A cross-check of three fields read separately: printed densities are population / area, ±10%."""
    for record in records:
        if record["name"] == "Métropole Nice Côte d’Azur":
            continue  # the sheet prints 368 hab./km² for 538 766 inhabitants on 1 465,8 km² (= 368)
        assert record["population"] / record["area_km2"] == pytest.approx(record["density"], rel=0.1), record["name"]


def test_records_are_json_documents(records):
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records


# --- extraction rules on small pages ----------------------------------------------------------------

SHEET = """{name}
Panorama de l’ESS
sur le territoire

{panorama}

Programme d’intervention
dans le champ de l’ESS

La Métropole agit.
"""
BOX = """Carte d’identité du territoire

Nombre d’habitants sur le territoire.............. {population} habitants
Nombre de communes......................................{communes}
Superficie...............................................{area}
Densité.....................................{density} hab./km2
Région.................................................{region}
Site internet.........................................{site}
"""


def test_box_before_its_heading_and_two_sheets_on_a_page():
    box_a = BOX.format(population="1 000 000", communes=10, area="100 km2", density="10 000", region="Normandie", site="a.fr")
    box_b = BOX.format(population="2\u202f500", communes=3, area="12,5 km2", density="200", region="Bretagne", site="b.fr")
    text = (
        box_a
        + "\n"
        + SHEET.format(name="Alpha\nMétropole", panorama="L’ESS représente 5 000 salariés.")
        + "\n"
        + SHEET.format(name="Métropole\nde Beta", panorama="L’ESS compte 40 établissements employeurs.")
        + "\n"
        + box_b
    )
    alpha, beta = page_fact_sheets(Page("x.txt", 3, text))
    assert (alpha["name"], alpha["population"], alpha["communes"], alpha["region"], alpha["websites"]) == ("Alpha Métropole", 1_000_000, 10, "Normandie", ["a.fr"])
    assert (beta["name"], beta["population"], beta["area_km2"], beta["region"], beta["websites"]) == ("Métropole de Beta", 2500, 12.5, "Bretagne", ["b.fr"])
    assert alpha["ess_jobs"] == 5000 and beta["ess_establishments"] == 40
    assert alpha["pages"]["population"] == beta["pages"]["ess_establishments"] == 3


def test_boxes_and_headings_that_do_not_pair_are_not_guessed():
    box = BOX.format(population="1 000", communes=1, area="1 km2", density="1 000", region="Occitanie", site="a.fr")
    text = SHEET.format(name="Alpha\nMétropole", panorama="Rien.") + "\n" + box + "\n" + box
    (alpha,) = page_fact_sheets(Page("x.txt", 1, text))
    assert alpha["population"] is None and any("not read" in note for note in alpha["notes"])


def test_label_split_over_two_lines_and_value_on_the_next_line():
    box = identity_boxes(
        "Carte d’identité\ndu territoire\n\nNombre d’habitants\nsur le territoire............ 755 882\n"
        "Nombre de communes........37\nSite internet\n.................. toulouse-metropole.fr\n\nOBSERVER\n"
    )[0]
    values = parse_identity_box(box)
    assert (values["population"], values["communes"], values["websites"]) == (755_882, 37, ["toulouse-metropole.fr"])


def test_region_cut_by_the_extraction_is_completed_only_from_the_page():
    page = "En région Provence-Alpes-Côte d’Azur, l’ESS représente ..."
    assert complete_truncated("Provence-Alpes-Côte d’Az", page) == "Provence-Alpes-Côte d’Azur"
    assert complete_truncated("Provence-Alpes-Côte d’Az", "rien d'autre") == "Provence-Alpes-Côte d’Az"
    assert complete_truncated("Occitanie", page) == "Occitanie"


def test_panorama_keeps_what_a_share_is_of_and_leaves_regional_figures_out():
    figures = parse_panorama("En 2015, l’ESS apporte 12 % de l’emploi total, 18 % de l’emploi privé et 2 298 établissements employeurs et 23 570 salariés.")
    assert (figures["ess_share_of_employment"], figures["ess_share_basis"], figures["ess_share_of_private_employment"]) == (12, "de l’emploi total", 18)
    assert (figures["ess_jobs"], figures["ess_establishments"]) == (23_570, 2298)
    regional = parse_panorama("En région Occitanie, l’ESS représente 10 000 emplois. Les associations en emploient 5 000 salariés.")
    assert regional["ess_jobs"] is None and regional["notes"]


def test_french_numbers():
    assert parse_french_number("1 898 950") == 1_898_950
    assert parse_french_number("1\u00a0898\u202f950") == 1_898_950
    assert parse_french_number("579,27") == pytest.approx(579.27)
    assert parse_french_number("1637") == 1637
    assert parse_french_number("12 34") is None and parse_french_number("km2") is None
    assert [v for v, _, _ in french_numbers("Superficie : 3 173 km2, densité 1 352 hab./km2")] == [3173, 1352]
    assert [v for v, _, _ in french_numbers("498 822hab.")] == [498_822]


# --- the table in the index ---------------------------------------------------------------------------


def test_assistant_metropoles_is_the_stored_table(assistant, records):
    stored = assistant.metropoles()
    assert stored == records
    assert assistant.store.attachment("metropoles") == records
    stored[0]["population"] = -1
    stored[0]["websites"].append("x")
    assert assistant.metropoles() == records  # callers get copies


def test_index_without_the_table_gives_an_empty_list_and_plain_answers():
    class NoAttachments:
        def attachment(self, name, default=None):
            return default

        def documents(self):
            return []

        def generation(self):
            return 0

    assistant = Assistant(NoAttachments())
    assert assistant.metropoles() == []
    assert parse_comparison("Quelle est la métropole la plus peuplée ?", assistant.metropoles()) is None


def test_table_exports(records):
    rows = list(csv.reader(io.StringIO(to_csv(records))))
    assert len(rows) == 15 and rows[0][0] == "name" and rows[0][-1] == "notes"
    header = rows[0]
    grand_paris = next(r for r in rows if r[0] == "Métropole du Grand Paris")
    assert grand_paris[header.index("population")] == "7026945"
    assert grand_paris[header.index("websites")] == "metropolegrandparis.fr"
    assert len(table_rows(records)) == 14 and all(len(r) == len(TABLE_COLUMNS) for r in table_rows(records))
    assert "Bordeaux Métropole (p. 50) : 783 000 hab." in to_text(records)
    assert chart_data(records, "population")[0] == ("Métropole du Grand Paris", 7_026_945)
    assert len(chart_data(records, "ess_jobs")) == 9


# --- comparison questions ------------------------------------------------------------------------------


def cite(page: int, name: str) -> str:
    return f"{SOURCE} · p. {page} · Fiches métropoles › {name}"


COMPARISONS = [
    # (question, words the snippet must hold, exact citation)
    ("Quelle est la métropole la plus peuplée ?",
     ["Métropole du Grand Paris : 7 026 945 habitants", "la plus peuplée des 14 métropoles"], cite(55, "Métropole du Grand Paris")),
    ("Quelle est la métropole la moins peuplée ?",
     ["Clermont Auvergne Métropole : 288 000 habitants", "la moins peuplée"], cite(51, "Clermont Auvergne Métropole")),
    ("Quelle métropole est la plus dense ?", ["Métropole du Grand Paris : 8 633 hab./km²", "la plus dense"], cite(55, "Métropole du Grand Paris")),
    ("Quelle est la métropole la moins dense ?", ["Métropole Nice Côte d’Azur : 368 hab./km²"], cite(55, "Métropole Nice Côte d’Azur")),
    ("Quelle est la plus grande métropole en superficie ?",
     ["Aix-Marseille-Provence Métropole : 3 173 km²", "la plus étendue"], cite(49, "Aix-Marseille-Provence Métropole")),
    ("Quelle métropole compte le plus de communes ?", ["Métropole du Grand Paris : 131 communes"], cite(55, "Métropole du Grand Paris")),
    ("Quelle métropole compte le moins de communes ?",
     ["Métropole Toulon-Provence-Méditerranée : 12 communes"], cite(58, "Métropole Toulon-Provence-Méditerranée")),
    ("Dans quelle métropole l'ESS pèse-t-elle le plus dans l'emploi privé ?",
     ["Montpellier Méditerranée Métropole : 18 % de l’emploi privé", "5 métropoles, sur 14"], cite(53, "Montpellier Méditerranée Métropole")),
    ("Où l'ESS pèse-t-elle le plus dans l'emploi ?",
     ["Montpellier Méditerranée Métropole : 12 % de l’emploi total et 18 % de l’emploi privé"], cite(53, "Montpellier Méditerranée Métropole")),
    ("Quelle métropole compte le plus de salariés de l'ESS ?",
     ["Métropole Européenne de Lille : 52 000 salariés de l'ESS", "9 métropoles, sur 14"], cite(52, "Métropole Européenne de Lille")),
    ("Quelle métropole compte le plus d'établissements employeurs de l'ESS ?",
     ["Toulouse Métropole : 3 100 établissements employeurs"], cite(59, "Toulouse Métropole")),
    ("Quelles métropoles comptent plus de 2 millions d'habitants ?",
     ["Plus de 2 000 000 habitants : 1 des 14 métropoles", "Métropole du Grand Paris (7 026 945)"], cite(55, "Métropole du Grand Paris")),
    ("Which metropolis is the most populous?",
     ["Métropole du Grand Paris: 7,026,945 inhabitants", "the most populous of the 14 metropolises"], cite(55, "Métropole du Grand Paris")),
    ("Which is the densest metropolis?", ["Métropole du Grand Paris: 8,633 inhabitants/km²", "the densest"], cite(55, "Métropole du Grand Paris")),
    ("What is the largest metropolis by area?", ["Aix-Marseille-Provence Métropole: 3,173 km²"], cite(49, "Aix-Marseille-Provence Métropole")),
    ("Which metropolis has the fewest communes?", ["Métropole Toulon-Provence-Méditerranée: 12 communes"], cite(58, "Métropole Toulon-Provence-Méditerranée")),
    ("Which metropolis has the highest share of ESS employment?",
     ["Montpellier Méditerranée Métropole: 12% of total employment and 18% of private employment"], cite(53, "Montpellier Méditerranée Métropole")),
    ("Which metropolis has the least populous territory among metropolises?",
     ["Clermont Auvergne Métropole: 288,000 inhabitants"], cite(51, "Clermont Auvergne Métropole")),
]


@pytest.mark.parametrize("question, expected, citation", COMPARISONS, ids=[q for q, _, _ in COMPARISONS])
def test_comparison_answered_from_the_table(assistant, question, expected, citation):
    answer = assistant.ask(question, k=5)
    assert answer.found
    for words in expected:
        assert words in answer.snippet, answer.snippet
    assert answer.snippet_citation == citation
    assert len(answer.snippet) <= 320
    # the passages are the normal retrieved ones, for the reader to check
    assert [p.chunk_id for p in answer.passages] == [p.chunk_id for p in assistant.search(question, k=5)]


def test_threshold_lists_every_metropolis_above_it_fr_and_en(assistant, records):
    above = sorted((r for r in records if r["population"] > 500_000), key=lambda r: -r["population"])
    assert len(above) == 7  # Strasbourg's 500 000 is not more than 500 000
    fr = assistant.ask("Quelles métropoles ont plus de 500 000 habitants ?")
    en = assistant.ask("Which metropolises have more than 500,000 inhabitants?")
    assert fr.snippet.startswith("Plus de 500 000 habitants : 7 des 14 métropoles ayant une fiche — Métropole du Grand Paris (7 026 945) ;")
    assert en.snippet.startswith("More than 500,000 inhabitants: 7 of the 14 metropolises with a fact sheet — Métropole du Grand Paris (7,026,945) ;")
    for answer in (fr, en):
        named = [r for r in above if r["name"] in answer.snippet]
        assert len(named) >= 4 and named == above[: len(named)]  # in order, cut to the snippet size
        assert answer.snippet.endswith(f"(+{7 - len(named)} autres)." if answer is fr else f"(+{7 - len(named)} more).")
        assert answer.snippet_citation == " ; ".join(cite(r["pages"]["population"], r["name"]) for r in named)
        assert len(answer.snippet) <= 300
    small = assistant.ask("Combien de métropoles comptent moins de 300 000 habitants ?")
    assert small.snippet == "Moins de 300 000 habitants : 2 des 14 métropoles ayant une fiche — Tours Métropole Val de Loire (293 123) ; Clermont Auvergne Métropole (288 000)."
    none = assistant.ask("Quelles métropoles comptent plus de 10 millions d'habitants ?")
    assert "aucune des 14 métropoles" in none.snippet and "Métropole du Grand Paris" in none.snippet


def test_named_metropolises_compared(assistant):
    jobs = assistant.ask("Combien de salariés de l'ESS à Nantes vs Rennes ?")
    assert "Nantes Métropole : 36 000 salariés de l'ESS ; Rennes Métropole : 25 000 salariés de l'ESS" in jobs.snippet
    assert jobs.snippet_citation == f"{cite(54, 'Nantes Métropole')} ; {cite(56, 'Rennes Métropole')}"
    assert jobs.snippet_cites == (
        Citation(SOURCE, 54, "Fiches métropoles › Nantes Métropole"), Citation(SOURCE, 56, "Fiches métropoles › Rennes Métropole")
    )
    both = assistant.ask("Nantes ou Rennes : laquelle est la plus peuplée ?")
    assert "Nantes Métropole : 639 000 habitants ; Rennes Métropole : 443 192 habitants (2016)" in both.snippet
    assert both.snippet.endswith("(la plus peuplée : Nantes Métropole).")
    en = assistant.ask("Is Nice more populous than Toulon?")
    assert "Métropole Nice Côte d’Azur: 538,766 inhabitants" in en.snippet and en.snippet.endswith("(the most populous: Métropole Nice Côte d’Azur).")
    missing = assistant.ask("Quelle part de l'emploi l'ESS représente-t-elle à Nantes et à Paris ?")
    assert "Nantes Métropole : 16 % des emplois privés" in missing.snippet
    assert "Métropole du Grand Paris : la fiche ne donne pas ce chiffre" in missing.snippet
    where = assistant.ask("Nantes Métropole est-elle la métropole la plus dense ?")
    assert "Métropole du Grand Paris : 8 633 hab./km²" in where.snippet and "Nantes Métropole : 1 221 hab./km² (6e sur 14)" in where.snippet


def test_rankings_are_short_and_ordered(assistant, records):
    answer = assistant.ask("Rank the metropolises by population.")
    ordered = [r["name"] for r in sorted(records, key=lambda r: -r["population"])]
    assert answer.snippet.startswith(f"Population (highest first, 14 fact sheets): 1. {ordered[0]} 7,026,945 inhabitants ; 2. {ordered[1]}")
    assert len(answer.snippet) <= 300 and re.search(r"\(\+\d+ more\)\.$", answer.snippet)
    shares = assistant.ask("Quelle part de l'emploi l'ESS représente-t-elle dans les métropoles ?")
    assert "Part de l'ESS dans l'emploi total (ordre décroissant, 5 fiches sur 14 donnent ce chiffre) : 1. Montpellier Méditerranée Métropole 12 %" in shares.snippet
    assert "Part de l'ESS dans l'emploi privé (ordre décroissant, 5 fiches sur 14 donnent ce chiffre) : 1. Montpellier Méditerranée Métropole 18 %" in shares.snippet
    three = assistant.ask("Quelles sont les trois métropoles les plus peuplées ?")
    assert three.snippet == (
        "Population (ordre décroissant, 14 fiches) : 1. Métropole du Grand Paris 7 026 945 habitants ; "
        "2. Aix-Marseille-Provence Métropole 1 898 950 habitants (au 01/01/2019) ; 3. Métropole Européenne de Lille 1 143 572 habitants."
    )
    assert three.snippet_citation.count(" ; ") == 2
    assert [c.page for c in three.snippet_cites] == [55, 49, 52]  # Paris, Aix-Marseille, Lille: each sheet's page
    jobs = assistant.ask("Classez les métropoles par nombre de salariés de l'ESS.")
    assert jobs.snippet.startswith("Salariés de l'ESS (ordre décroissant, 9 fiches sur 14 donnent ce chiffre) : 1. Métropole Européenne de Lille 52 000")


NOT_COMPARISONS = [
    "Combien d'habitants compte Nantes Métropole ?",
    "Quelle est la superficie de Bordeaux Métropole ?",
    "What is the population of Tours Métropole Val de Loire?",
    "Quelle part de l'emploi privé représente l'ESS en France ?",
    "Quelle est la commune la plus peuplée de la métropole de Lyon ?",
    "Quelle région est la plus peuplée ?",
    "Quel est le secteur qui pèse le plus dans l'ESS ?",
    "Quelle est la part des métropoles qui ont un élu ESS ?",
    "Quelles métropoles associent les habitants à leurs projets ?",
    "Quelle métropole a le plus de SCIC ?",
    "Quelles métropoles comptent plus de 20 salariés dans leur service ?",
    "Which metropolis launched the most calls for projects?",
    "Quelle métropole a créé le plus d'emplois dans l'ESS entre 2015 et 2018 ?",
    "Quel est le plus grand défi des métropoles ?",
    "What is the biggest challenge for metropolises?",
    "Which metropolis has the fastest growth in social economy jobs?",
    "Les entreprises solidaires sont-elles plus implantées que les entreprises classiques dans les quartiers ?",
]


@pytest.mark.parametrize("question", NOT_COMPARISONS)
def test_other_questions_are_not_comparisons(records, question):
    assert parse_comparison(question, records) is None


def test_report_questions_keep_their_normal_answers(assistant, records):
    """No question of the dev and held-out sets is a comparison; their answers are those without the table,
    except the questions that ask one line of one sheet's identity box (see test_lookup.py)."""
    questions = [json.loads(line)["question"] for path in (DEV_SET, HELDOUT_SET) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [q for q in questions if parse_comparison(q, records)] == []
    plain = Assistant(assistant.store, assistant.weights, assistant.answer_settings)
    plain._metropoles = []  # the same index, without the table
    sample = [q for q in questions[:12] + NOT_COMPARISONS[:3] if parse_lookup(q, records) is None]
    assert len(sample) >= 12
    assert [a.to_dict() for a in assistant.batch(sample)] == [a.to_dict() for a in plain.batch(sample)]
    nantes = assistant.ask("Combien d'habitants compte Nantes Métropole ?")
    assert "639 000" in nantes.snippet and nantes.snippet_citation == cite(54, "Nantes Métropole")


def test_question_parsing_details(records):
    assert parse_typed_number("500 000", "fr") == 500_000
    assert parse_typed_number("500,000", "en") == 500_000
    assert parse_typed_number("1,5 million", "fr") == 1_500_000
    assert parse_typed_number("1.5m", "en") == 1_500_000
    assert parse_typed_number("12,5", "fr") == 12.5
    names = lambda q: [records[k]["name"] for k in named_record_indexes(q, records)]
    assert names("Compare Marseille and Toulon") == ["Aix-Marseille-Provence Métropole", "Métropole Toulon-Provence-Méditerranée"]
    assert names("Is the metropolis of Nice nice?") == ["Métropole Nice Côte d’Azur"]
    assert names("En Normandie et en Provence") == []  # region words name no metropolis
    c = parse_comparison("Which metropolises have at least 500 000 inhabitants?", records)
    assert c == Comparison("threshold", ("population",), "max", (">=", 500_000), (), "en")
    assert "At least 500,000 inhabitants: 8 of the 14" in answer_question("Which metropolises have at least 500 000 inhabitants?", records).text
    c = parse_comparison("QUELLE EST LA METROPOLE LA PLUS PEUPLEE ?", records)
    assert c is not None and c.series == ("population",)
    assert parse_comparison("Quelle métropole a la plus forte densité ?", records).series == ("density",)
    assert parse_comparison("Quelles métropoles ont plus de 15 % de l'emploi privé dans l'ESS ?", records).threshold == (">", 15)
    assert parse_comparison("Combien de métropoles ont plus d'un million d'habitants ?", records).threshold == (">", 1_000_000)
    assert parse_comparison("Which metropolises have over a million inhabitants?", records).threshold == (">", 1_000_000)
    assert parse_comparison("What are the top 5 metropolises by density?", records).top == 5
