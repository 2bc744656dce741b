"""Answer units: the pieces of a chunk a short answer can be (sentences, list items, fact-sheet lines)."""

from __future__ import annotations

import re

from .clean import BULLET
from .french import split_capital_runs, split_sentences
from .layout import CELL_SEPARATOR, is_table_row
from .numbers import YEAR_RE

UNIT_MAX_CHARS = 300  # a list announced by a line ending with ':' keeps its items up to this size
UNIT_MIN_CHARS = 12
ROW_LABEL_MAX_CHARS = 45  # 'Eurométropole de Strasbourg': a table's row label
ROW_VALUE_MAX_CHARS = 160  # a table cell; a longer line is running text


def is_row_label(line: str) -> bool:
    """A short line of two or more capitalised words and nothing else ('Brest Métropole'):
    the label of a table row, whose value is the next line."""
    if len(line) > ROW_LABEL_MAX_CHARS or re.search(r"[\d.:;!?,]", line) or line.startswith(BULLET) or is_table_row(line):
        return False
    capitalised = [w for w in re.findall(r"[\w'’-]+", line) if len(w) > 3 or w[:1].isupper()]
    return len(capitalised) >= 2 and all(w[:1].isupper() for w in capitalised)


ROW_SEPARATOR = " : "


def row_label(unit: str) -> str | None:
    """The label of a unit that reads a table row ('Brest Métropole : Vice-Président ...'), else None."""
    label, separator, _ = unit.partition(ROW_SEPARATOR)
    return label if separator and "\n" not in label and is_row_label(label) else None


def row_groups(lines: list[str]) -> list[list[str]]:
    """Lines grouped so that each table row label stays with the value that follows it."""
    groups: list[list[str]] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and is_row_label(lines[i]) and not is_row_label(lines[i + 1]) and len(lines[i + 1]) <= ROW_VALUE_MAX_CHARS:
            groups.append(lines[i : i + 2])
            i += 2
        else:
            groups.append([lines[i]])
            i += 1
    return groups


def is_label_value_row(line: str) -> bool:
    """Whether a table row is a label and its value, two cells the first a short label ending with a colon
    ('Définition: | Espace formé …'): a line of a form or of a catalogue's entry, never the header of the rows after it."""
    cells = _cells(line)
    return len(cells) == 2 and cells[0].endswith(":") and len(cells[0]) <= ROW_LABEL_MAX_CHARS


def holds_figures(row: str) -> bool:
    """Whether every cell of a table row holds a figure, and no year (« ≤ 100 000 € HT | 150 heures (1 mois) »): a
    row of data, not the header of the rows after it (« Indicateur | 2019 | 2020 », « | après 2005 | années 80 »)."""
    cells = [cell for cell in _cells(row) if cell]
    return bool(cells) and all(re.search(r"\d", cell) and not YEAR_RE.search(cell) for cell in cells)


def _cells(row: str) -> list[str]:
    """A table row's cells (ingest.layout), stripped; the first may be empty."""
    return [cell.strip() for cell in f" {row} ".split(CELL_SEPARATOR)]


def with_table_headers(lines: list[str]) -> list[str]:
    """Lines, each table row (ingest.layout) after the first of its run shown under that first row (its header),
    unless that row gives a label and its value ('Définition: | …'), a form or a catalogue having no header, or
    figures (holds_figures), a row of data."""
    out: list[str] = []
    header = None
    above: list[str] = []  # the cells of the row above, with its first cell filled
    for line in lines:
        if not is_table_row(line):
            header, above = None, []
            out.append(line)
            continue
        if header is None:
            header = "" if is_label_value_row(line) or holds_figures(line) else line
            above = _cells(line)
            out.append(line)
            continue
        line, above = _filled_down(line, above)
        if header and len(header) + 1 + len(line) <= UNIT_MAX_CHARS:
            line = header + "\n" + line
        out.append(line)
    return out


def _filled_down(row: str, above: list[str]) -> tuple[str, list[str]]:
    """A table's row whose first cell is empty under a row of as many cells whose first is not: that cell spans both
    rows (« Jusqu'au 31/12/2025 | DROM hors Mayotte | 20 % » then « | Mayotte | 5 % »), and the row is read with it
    (« Jusqu'au 31/12/2025 | Mayotte | 5 % »). The row as read, and its cells for the row below."""
    cells = _cells(row)
    if cells[0] or len(cells) != len(above) or not above[0]:
        return row, cells
    return f"{above[0]} {row.strip()}", [above[0], *cells[1:]]


def answer_units(text: str) -> list[str]:
    """The units of a chunk's text, in reading order.

    Each line (list item, fact-sheet line, table row with its header) is a unit, long lines are cut
    into sentences, and a line that announces a list (ends with ':') keeps the items that follow
    within UNIT_MAX_CHARS.
    """
    # a table row reads as one line: 'Brest Métropole : Vice-Président ...'
    lines = [ROW_SEPARATOR.join(group) for group in row_groups([line.strip() for line in text.split("\n") if line.strip()])]
    units: list[str] = []
    for i, line in enumerate(with_table_headers(lines)):
        if line.endswith(":") and len(line) < UNIT_MAX_CHARS:
            grown = line
            for item in lines[i + 1 :]:
                if len(grown) + 1 + len(item) > UNIT_MAX_CHARS:
                    break
                grown += "\n" + item
            units.append(grown)
            continue
        line = line.lstrip(BULLET + " ").strip()
        for part in split_capital_runs(line):
            units.extend(split_sentences(part) if len(part) > UNIT_MAX_CHARS else [part])
    return [u for u in units if len(u) >= UNIT_MIN_CHARS]
