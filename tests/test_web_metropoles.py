"""The metropolises at a glance: the page's « Métropoles » tab (table, chart, links to the fact
sheets) and `ess-qa metropoles`, from the records of Assistant.metropoles()."""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re

import pytest

from ess_qa import cli
from ess_qa.profiles.metropoles import tab as web

REPORT = "metropoles-ess.txt"


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.fixture(scope="module")
def records(assistant):
    return assistant.metropoles()


def test_the_table_has_every_metropolis_with_readable_columns(records):
    frame = web.metropoles_frame(records).data
    assert len(frame) == len(records) == 14
    assert list(frame.columns) == [
        "Métropole",
        "Page(s)",
        "Habitants",
        "Communes",
        "Superficie (km²)",
        "Densité (hab./km²)",
        "Région",
        "Salariés ESS",
        "Part ESS de l'emploi (%)",
        "Part de quel emploi",
        "Établissements employeurs ESS",
    ]
    assert len(web.metropoles_datatypes()) == len(frame.columns) == len(web.METROPOLES_WIDTHS)
    paris = frame[frame["Métropole"] == "Métropole du Grand Paris"].iloc[0]
    assert paris["Habitants"] == 7026945 and paris["Page(s)"] == "55"
    assert math.isnan(paris["Salariés ESS"])  # its sheet gives no ESS figures: a gap, not a zero
    assert frame["Habitants"].dtype.kind in "if"  # numbers, so that sorting sorts by value


def test_the_table_shows_numbers_as_the_report_prints_them(records):
    shown = visible_text(web.metropoles_frame(records).to_html())
    assert "7 026 945" in shown and "579,27" in shown and "11,9" in shown
    assert web.MISSING in shown and not re.search(r"\bnan\b", shown, re.IGNORECASE)


@pytest.mark.parametrize("column", list(web.chart_figures()))
def test_the_chart_ranks_the_metropolises_that_state_the_figure(records, column):
    frame = web.chart_frame(records, column)
    assert list(frame.columns) == web.CHART_COLUMNS
    stated = [r for r in records if r.get(column) is not None]
    assert len(frame) == len(stated)
    assert list(frame["Valeur"]) == sorted(frame["Valeur"], reverse=True)
    for _, row in frame.iterrows():  # each bar carries the page its figure was read on
        record = next(r for r in records if r["name"] == row["Métropole"])
        assert row["Valeur"] == record[column] and row["Page"] == record["pages"][column]
    note = visible_text(web.chart_note_html(records, column))
    missing = [r["name"] for r in records if r.get(column) is None]
    assert all(name in note for name in missing)
    assert (f"{len(stated)} fiches sur 14" in note) if missing else ("les 14 fiches" in note)


def test_the_share_chart_says_which_share_each_bar_is(records):
    frame = web.chart_frame(records, "ess_share_of_employment")
    nantes = frame[frame["Métropole"] == "Nantes Métropole"].iloc[0]
    assert nantes["Valeur"] == 16 and nantes["Base"] == "des emplois privés"
    assert "à comparer avec prudence" in visible_text(web.chart_note_html(records, "ess_share_of_employment"))


def test_each_fact_sheet_page_is_linked(records):
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', web.sheets_html(records))
    assert len(links) == 14
    assert ("source?file=metropoles-ess.txt&amp;page=50", "Bordeaux Métropole · p. 50") in [(h, html.unescape(t)) for h, t in links]


def test_hostile_names_stay_text():
    record = {"name": '<img src=x onerror="alert(1)">', "source": "a.txt", "pages": {"name": 2}, "population": None}
    out = web.sheets_html([record]) + web.chart_note_html([record], "population")
    assert "<img" not in out and '<img src=x onerror="alert(1)">' in visible_text(out)


def test_an_index_without_fact_sheets_says_so():
    assert "Aucune fiche" in visible_text(web.chart_note_html([], "population"))
    assert web.sheets_html([]) == "" and len(web.chart_frame([], "population")) == 0
    assert len(web.metropoles_frame([]).data) == 0


# --- ess-qa metropoles ---------------------------------------------------------------------------


def test_cli_prints_an_aligned_table(report_index_dir, capsys):
    assert cli.main(["metropoles", "--index-dir", str(report_index_dir)]) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert lines[0].split()[:3] == ["Métropole", "Habitants", "Communes"] and set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 14
    paris = next(line for line in lines if line.startswith("Métropole du Grand Paris"))
    assert "7 026 945" in paris and paris.rstrip().endswith("55")
    population_end = lines[0].index("Habitants") + len("Habitants")
    assert all(line[population_end - 1] != " " for line in lines[2:])  # numbers right-aligned under their header
    bordeaux = next(line for line in lines if line.startswith("Bordeaux Métropole"))
    assert "579,27" in bordeaux and "36 515" in bordeaux
    aix = next(line for line in lines if line.startswith("Aix-Marseille"))
    assert "—" in aix  # the ESS figures its sheet does not give


def test_cli_prints_json_records(report_index_dir, capsys, assistant):
    assert cli.main(["metropoles", "--json", "--index-dir", str(report_index_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == assistant.metropoles()


def test_cli_prints_csv(report_index_dir, capsys):
    assert cli.main(["metropoles", "--csv", "--index-dir", str(report_index_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 14
    nantes = next(r for r in rows if r["name"] == "Nantes Métropole")
    assert nantes["population"] == "639000" and nantes["ess_share_of_employment"] == "16"


def test_cli_refuses_csv_and_json_together(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["metropoles", "--csv", "--json"])
    assert exited.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_cli_on_an_index_without_fact_sheets(tmp_path, capsys):
    from ess_qa import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("Les SCIC associent salariés et usagers.", encoding="utf-8")
    build(corpus, tmp_path / "index")
    assert cli.main(["metropoles", "--index-dir", str(tmp_path / "index")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ess-qa metropoles: error: this index has no metropolis fact sheets")
