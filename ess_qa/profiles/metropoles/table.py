"""The metropolises' fact sheets as a table, and comparison questions answered from it.

The records come from factsheets at indexing time and are stored in the index (the attachment
"metropoles"). questions reads the questions that compare or rank metropolises; this module answers them from the table, with the fact-sheet pages as citations, and gives the
table to people (CSV, text, chart data).
"""

from __future__ import annotations

import csv
import io
import operator
from dataclasses import dataclass, field

from .factsheets import share_kind
from ingest.french import fold_for_matching
from ingest.types import Citation

from .questions import FIGURES, Comparison, Figure, parse_comparison
from ...shortening import shorten_list

SNIPPET_LIMIT = 300  # characters of a ranking or threshold list before "… (+N)"

_OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
_OPERATOR_WORDS_FR = {">": "plus de", ">=": "au moins", "<": "moins de", "<=": "au plus"}
_OPERATOR_WORDS_EN = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most"}


# --- answering ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableAnswer:
    """A sentence answering from the table, and the fact-sheet citations of the records it names."""

    text: str
    cites: tuple[Citation, ...]
    records: list[str] = field(default_factory=list)


def series_value(record: dict, key: str):
    """The value of a series for a record, or None (a total share is one whose basis is total employment)."""
    figure = FIGURES[key]
    value = record.get(figure.column)
    if key == "ess_share_total" and value is not None and share_kind(record.get("ess_share_basis") or "") != "total":
        return None
    return value


def format_number(value, language: str) -> str:
    """7026945 -> '7 026 945' (French) or '7,026,945' (English); 579.27 -> '579,27' / '579.27'."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", " ") if language == "fr" else text
    whole, _, decimals = f"{value:,.4f}".rstrip("0").rstrip(".").partition(".")
    if language == "fr":
        whole = whole.replace(",", " ")
        return f"{whole},{decimals}" if decimals else whole
    return f"{whole}.{decimals}" if decimals else whole


def format_value(record: dict, key: str, language: str) -> str:
    """A record's value of a series with its unit: '1 898 950 habitants (au 01/01/2019)', '12 % de l’emploi total'."""
    figure = FIGURES[key]
    value = series_value(record, key)
    number = format_number(value, language)
    if key.startswith("ess_share"):
        basis = _private_basis(record) if key == "ess_share_private" else record.get("ess_share_basis")
        if language == "fr":
            return f"{number} % {basis}" if basis else f"{number} %"
        kind = share_kind(basis or "")
        text = f"{number}% of {'private' if kind == 'private' else 'total'} employment"
        if basis and fold_for_matching(basis) not in ("de l'emploi total", "de l'emploi prive"):
            text += f" (« {basis} »)"
        return text
    unit = figure.unit_fr if language == "fr" else figure.unit_en
    text = f"{number} {unit}"
    if key == "population" and record.get("population_date"):
        date = record["population_date"]
        if "/" in date:
            text += f" (au {date})" if language == "fr" else f" (as of {date})"
        else:
            text += f" ({date})"
    return text


def _private_basis(record: dict) -> str | None:
    for share in record.get("ess_shares") or []:
        if share_kind(share["of"]) == "private" and share["percent"] == record.get("ess_share_of_private_employment"):
            return share["of"]
    return None


def citation_of(record: dict, key: str) -> Citation:
    """The page of a record's fact sheet that gives the series (else the sheet's first page)."""
    column = FIGURES[key].column
    pages = record.get("pages") or {}
    page = pages.get(column) or pages.get("name")
    return Citation(record.get("source", ""), page, record.get("section", ""))


def _ranked(records: list[dict], key: str, direction: str) -> list[int]:
    """Indexes of the records that have the series' value, best first for the direction."""
    with_value = [k for k in range(len(records)) if series_value(records[k], key) is not None]
    return sorted(with_value, key=lambda k: series_value(records[k], key), reverse=direction == "max")


def _scope(records: list[dict], count: int, language: str, phrase: str = "") -> str:
    """'des 14 métropoles ayant une fiche', 'parmi les 9 métropoles, sur 14, dont la fiche donne ce chiffre'.

    `phrase` is the superlative it follows: 'celle qui ...' / 'the one with ...' take 'parmi les' / 'among the'."""
    total = len(records)
    if language == "fr":
        article = "parmi les" if phrase.startswith("celle") else "des"
        if count == total:
            return f"{article} {total} métropoles ayant une fiche"
        return f"{article} {count} métropoles, sur {total}, dont la fiche donne ce chiffre"
    article = "among the" if phrase.startswith("the one") else "of the"
    if count == total:
        return f"{article} {total} metropolises with a fact sheet"
    return f"{article} {count} metropolises, out of {total}, whose fact sheet gives this figure"


def answer_comparison(comparison: Comparison, records: list[dict]) -> TableAnswer | None:
    """The sentence that answers a comparison from the table (None when no record has the figure)."""
    series = comparison.series
    if comparison.kind == "values" or (comparison.kind == "superlative" and len(comparison.names) >= 2):
        if set(series) == {"ess_share_total", "ess_share_private"}:
            series = ("ess_share",)  # metropolises named: each one's share as its sheet states it
    merged = _merged_superlative(comparison, records, series)
    if merged:
        return merged
    limit = SNIPPET_LIMIT if len(series) == 1 else SNIPPET_LIMIT // len(series) + 60
    parts, cited = [], []
    for key in series:
        answered = _answer_series(comparison, records, key, limit)
        if answered:
            text, indexes = answered
            parts.append(text)
            cited.extend((k, key) for k in indexes)
    if not parts:
        return None
    return TableAnswer(" ".join(parts), _citations(records, cited), list(dict.fromkeys(records[k]["name"] for k, _ in cited)))


def _citations(records: list[dict], cited: list[tuple[int, str]]) -> tuple[Citation, ...]:
    """The citations of (record index, series) pairs, each once, in order."""
    return tuple(dict.fromkeys(citation_of(records[k], key) for k, key in cited))


def _merged_superlative(c: Comparison, records: list[dict], series: tuple[str, ...]) -> TableAnswer | None:
    """'Montpellier ... : 12 % de l'emploi total et 18 % de l'emploi privé (...)' when one metropolis leads every series."""
    if c.kind != "superlative" or len(series) < 2 or c.names:
        return None
    leaders = [_ranked(records, key, c.direction) for key in series]
    if any(not ranked for ranked in leaders) or len({ranked[0] for ranked in leaders}) != 1:
        return None
    best = leaders[0][0]
    fr = c.language == "fr"
    values = (" et " if fr else " and ").join(format_value(records[best], key, c.language) for key in series)
    sizes = [len(ranked) for ranked in leaders]
    counts = str(sizes[0]) if len(set(sizes)) == 1 else (" et " if fr else " and ").join(str(n) for n in sizes)
    phrase = _phrase(FIGURES[series[0]], c.direction, c.language)
    if fr:
        text = f"{records[best]['name']} : {values} ({phrase} dans les deux cas, parmi les {counts} métropoles, sur {len(records)}, dont la fiche donne ces chiffres)."
    else:
        text = f"{records[best]['name']}: {values} ({phrase} in both cases, among the {counts} metropolises, out of {len(records)}, whose fact sheet gives these figures)."
    return TableAnswer(text, _citations(records, [(best, key) for key in series]), [records[best]["name"]])


def _phrase(figure: Figure, direction: str, language: str) -> str:
    if language == "fr":
        return figure.top_fr if direction == "max" else figure.bottom_fr
    return figure.top_en if direction == "max" else figure.bottom_en


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _answer_series(c: Comparison, records: list[dict], key: str, limit: int = SNIPPET_LIMIT) -> tuple[str, list[int]] | None:
    """One series' sentence and the records it names (None when no record has this figure)."""
    ranked = _ranked(records, key, c.direction)
    if not ranked:
        return None
    if c.kind == "values" or (c.kind == "superlative" and len(c.names) >= 2):
        return _named_values(c, records, key, ranked)
    if c.kind == "superlative":
        return _superlative(c, records, key, ranked)
    if c.kind == "threshold":
        return _above_threshold(c, records, key, ranked, limit)
    return _ranking(c, records, key, ranked, limit)


def _colon(language: str) -> str:
    return " : " if language == "fr" else ": "


def _short_value(records: list[dict], k: int, key: str, language: str) -> str:
    """A value in a list: the unit is in the sentence's head ('1 898 950', '12 %')."""
    percent = (" %" if language == "fr" else "%") if key.startswith("ess_share") else ""
    return format_number(series_value(records[k], key), language) + percent


def _named_values(c: Comparison, records: list[dict], key: str, ranked: list[int]) -> tuple[str, list[int]]:
    """'Population — Rennes : ... ; Nantes : ...' for the metropolises the question names."""
    fr, colon = c.language == "fr", _colon(c.language)
    figure = FIGURES[key]
    among = [k for k in ranked if k in c.names]
    missing = [k for k in c.names if k not in among]
    items = [f"{records[k]['name']}{colon}{format_value(records[k], key, c.language)}" for k in among]
    items += [f"{records[k]['name']}{colon}" + ("la fiche ne donne pas ce chiffre" if fr else "its fact sheet does not give this figure") for k in missing]
    text = f"{_capital(figure.label_fr if fr else figure.label_en)} — " + " ; ".join(items)
    if c.kind == "superlative" and len(among) >= 2:
        text += f" ({_phrase(figure, c.direction, c.language)}{colon}{records[among[0]]['name']})"
    return text + ".", among + missing


def _superlative(c: Comparison, records: list[dict], key: str, ranked: list[int]) -> tuple[str, list[int]]:
    """The metropolis first for the series, and where each one the question names stands."""
    fr, colon = c.language == "fr", _colon(c.language)
    phrase = _phrase(FIGURES[key], c.direction, c.language)
    best = ranked[0]
    text = f"{records[best]['name']}{colon}{format_value(records[best], key, c.language)} ({phrase} {_scope(records, len(ranked), c.language, phrase)})"
    indexes = [best]
    for k in c.names:  # 'Nantes est-elle la plus dense ?': say where the one named stands
        if k != best and k in ranked:
            rank = ranked.index(k) + 1
            where = f"{rank}e sur {len(ranked)}" if fr else f"#{rank} of {len(ranked)}"
            text += f" ; {records[k]['name']}{colon}{format_value(records[k], key, c.language)} ({where})"
            indexes.append(k)
    return text + ".", indexes


def _above_threshold(c: Comparison, records: list[dict], key: str, ranked: list[int], limit: int) -> tuple[str, list[int]]:
    """The metropolises whose value passes the question's threshold, or the nearest one when none does."""
    fr, colon = c.language == "fr", _colon(c.language)
    figure = FIGURES[key]
    op, bound = c.threshold
    matching = [k for k in _ranked(records, key, "max") if _OPERATORS[op](series_value(records[k], key), bound)]
    unit = figure.unit_fr if fr else figure.unit_en
    amount = format_number(bound, c.language)
    words = _OPERATOR_WORDS_FR[op] if fr else _OPERATOR_WORDS_EN[op]
    condition = f"{words} {amount} {unit}" if not key.startswith("ess_share") else (
        f"{words} {amount} % de l'emploi {'total' if key == 'ess_share_total' else 'privé'}" if fr
        else f"{words} {amount}% of {'total' if key == 'ess_share_total' else 'private'} employment"
    )
    if not matching:
        extreme = ranked[0] if op in (">", ">=") else ranked[-1]
        direction = "max" if op in (">", ">=") else "min"
        nobody = f"aucune {_scope(records, len(ranked), 'fr')}" if fr else f"none {_scope(records, len(ranked), 'en')}"
        text = (
            f"{_capital(condition)}{colon}{nobody} ({_phrase(figure, direction, c.language)}{colon}"
            f"{records[extreme]['name']}, {format_value(records[extreme], key, c.language)})."
        )
        return text, [extreme]
    count = f"{len(matching)} {_scope(records, len(ranked), c.language)}"
    items = [f"{records[k]['name']} ({_short_value(records, k, key, c.language)})" for k in matching]
    text, shown = shorten_list(f"{_capital(condition)}{colon}{count} — ", items, limit, "autres" if fr else "more")
    return text, matching[:shown]


def _ranking(c: Comparison, records: list[dict], key: str, ranked: list[int], limit: int) -> tuple[str, list[int]]:
    """The metropolises in the series' order (its first `c.top` when the question asks for a few)."""
    fr, colon = c.language == "fr", _colon(c.language)
    figure = FIGURES[key]
    order = ("ordre décroissant" if c.direction == "max" else "ordre croissant") if fr else ("highest first" if c.direction == "max" else "lowest first")
    sheets = (f"{len(ranked)} fiches" if len(ranked) == len(records) else f"{len(ranked)} fiches sur {len(records)} donnent ce chiffre") if fr else (
        f"{len(ranked)} fact sheets" if len(ranked) == len(records) else f"{len(ranked)} of {len(records)} fact sheets give this figure"
    )
    ordered = ranked[: c.top] if c.top else ranked
    percent = key.startswith("ess_share")
    items = [
        f"{n}. {records[k]['name']} {_short_value(records, k, key, c.language) if percent else format_value(records[k], key, c.language)}"
        for n, k in enumerate(ordered, 1)
    ]
    label = figure.label_fr if fr else figure.label_en
    text, shown = shorten_list(f"{_capital(label)} ({order}, {sheets}){colon}", items, limit, "autres" if fr else "more")
    return text, ordered[:shown]


def answer_question(question: str, records: list[dict]) -> TableAnswer | None:
    """The table's answer to a comparison question, or None when the question is not one."""
    comparison = parse_comparison(question, records)
    if comparison is None:
        return None
    return answer_comparison(comparison, records)


# --- the table for people: CSV, text -------------------------------------------------------------

TABLE_COLUMNS = (
    ("name", "Métropole"),
    ("population", "Habitants"),
    ("population_date", "Date (habitants)"),
    ("communes", "Communes"),
    ("area_km2", "Superficie (km²)"),
    ("density", "Densité (hab./km²)"),
    ("region", "Région"),
    ("address", "Adresse"),
    ("websites", "Site(s) internet"),
    ("ess_jobs", "Salariés ESS"),
    ("ess_share_of_employment", "Part ESS de l'emploi (%)"),
    ("ess_share_basis", "Part de quel emploi"),
    ("ess_share_of_private_employment", "Part ESS de l'emploi privé (%)"),
    ("ess_establishments", "Établissements employeurs ESS"),
    ("pages", "Page(s)"),
)
CHART_FIELDS = {
    "population": "Habitants",
    "density": "Densité (hab./km²)",
    "area_km2": "Superficie (km²)",
    "communes": "Communes",
    "ess_jobs": "Salariés ESS",
    "ess_share_of_employment": "Part ESS de l'emploi (%)",
    "ess_share_of_private_employment": "Part ESS de l'emploi privé (%)",
    "ess_establishments": "Établissements employeurs ESS",
}


def _cell(record: dict, column: str):
    value = record.get(column)
    if column == "websites":
        return " ".join(value or [])
    if column == "pages":
        return ", ".join(str(p) for p in sorted(set((value or {}).values())))
    return value


def table_rows(records: list[dict]) -> list[list]:
    """One row per record, in TABLE_COLUMNS order (None where the sheet does not say)."""
    return [[_cell(record, column) for column, _ in TABLE_COLUMNS] for record in records]


CSV_COLUMNS = (
    "name", "population", "population_date", "communes", "area_km2", "density", "region", "address", "address_visitor",
    "websites", "ess_jobs", "ess_share_of_employment", "ess_share_basis", "ess_share_of_private_employment",
    "ess_establishments", "ess_shares", "pages", "notes",
)


def to_csv(records: list[dict]) -> str:
    """The table as CSV: field names as header; lists joined ('a.fr b.fr', '14 % de l'activité …'),
    pages as 'field:page' pairs, notes joined by ' | '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        row = []
        for column in CSV_COLUMNS:
            value = record.get(column)
            if column == "websites":
                value = " ".join(value or [])
            elif column == "ess_shares":
                value = " ; ".join(f"{format_number(s['percent'], 'fr')} % {s['of']}" for s in value or [])
            elif column == "pages":
                value = " ".join(f"{k}:{v}" for k, v in (value or {}).items())
            elif column == "notes":
                value = " | ".join(value or [])
            row.append("" if value is None else value)
        writer.writerow(row)
    return buffer.getvalue()


# (field, header, right-aligned) of the text table (`ess-qa metropoles`)
TEXT_COLUMNS = (
    ("name", "Métropole", False),
    ("population", "Habitants", True),
    ("communes", "Communes", True),
    ("area_km2", "km²", True),
    ("density", "hab./km²", True),
    ("ess_jobs", "Salariés ESS", True),
    ("ess_share_of_employment", "Part ESS %", True),
    ("ess_establishments", "Étab. ESS", True),
    ("page", "Page", True),
)


def format_table(records: list[dict]) -> str:
    """The fact sheets as an aligned text table ('—' where a sheet does not state the figure)."""
    def cell(record: dict, field: str) -> str:
        if field == "page":
            return str((record.get("pages") or {}).get("name") or "—")
        value = record.get(field)
        if value is None:
            return "—"
        return format_number(value, "fr") if isinstance(value, (int, float)) else str(value)

    rows = [[header for _, header, _ in TEXT_COLUMNS]]
    rows += [[cell(record, field) for field, _, _ in TEXT_COLUMNS] for record in records]
    widths = [max(len(row[k]) for row in rows) for k in range(len(TEXT_COLUMNS))]
    lines = []
    for row in rows:
        cells = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, (_, _, right) in zip(row, widths, TEXT_COLUMNS)
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def to_text(records: list[dict]) -> str:
    """A short human-readable listing: one line per metropolis with its main figures and page."""
    lines = []
    for record in records:
        figures = [
            f"{format_number(record.get('population'), 'fr')} hab." if record.get("population") is not None else None,
            f"{record['communes']} communes" if record.get("communes") is not None else None,
            f"{format_number(record.get('area_km2'), 'fr')} km²" if record.get("area_km2") is not None else None,
            f"{format_number(record.get('density'), 'fr')} hab./km²" if record.get("density") is not None else None,
            record.get("region"),
            f"ESS : {format_number(record['ess_jobs'], 'fr')} salariés" if record.get("ess_jobs") is not None else None,
            f"{format_number(record['ess_share_of_employment'], 'fr')} % {record.get('ess_share_basis') or ''}".strip()
            if record.get("ess_share_of_employment") is not None
            else None,
        ]
        page = (record.get("pages") or {}).get("name")
        lines.append(f"{record['name']} (p. {page}) : " + " · ".join(f for f in figures if f))
    return "\n".join(lines)


def chart_data(records: list[dict], column: str) -> list[tuple[str, float]]:
    """(name, value) of the records that have a value for a CHART_FIELDS column, largest first."""
    pairs = [(r["name"], r.get(column)) for r in records if r.get(column) is not None]
    return sorted(pairs, key=lambda pair: pair[1], reverse=True)


__all__ = [
    "CHART_FIELDS",
    "EXTRA_NAME",
    "CSV_COLUMNS",
    "TABLE_COLUMNS",
    "TableAnswer",
    "answer_comparison",
    "answer_question",
    "chart_data",
    "citation_of",
    "format_number",
    "table_rows",
    "to_csv",
    "to_text",
]