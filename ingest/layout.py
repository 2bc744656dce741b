"""Tables that extraction flattens cell by cell, made readable from where pypdf draws the text.

pypdf's default mode reads a table cell after cell and row after row, in the order the file draws
them: its words and their order are right, but a reader can no longer tell where a cell ends, nor
which column it stands in. The same extraction says where each piece of text is drawn
(`visitor_text`); from those positions the page's lines are cut into cells (the text goes back up,
or jumps to another column, or leaves a wide gap within a line) and the cells into rows (a row goes
from left to right). Then:

- a row short enough to read on one line (ROW_CHARS), next to another such row, becomes one line,
  its cells separated by ' | ' (an empty cell keeps its place): 'Lyon | 522 250 | 48 km2';
- under a header row (short cells over a row of as many cells, too long for one line), each column's
  text becomes a paragraph opened by that column's header ('DÉPARTEMENTS :'), and a title across
  the columns stays alone; a header of three columns or more is carried over to the next pages
  whose rows use at least three of its columns (a table running over pages prints it once);
- everything else keeps the default mode's text, unchanged (text in two columns: pypdf already
  reads it column after column; benchmarks/pdf_layout.py measures layout mode against it).

Before that, a line that goes on where the one before it stops (same baseline, to its right, within
a cell's gap) is joined to it: pypdf starts a line at each word of a text whose words are drawn one
by one (some word processors justify text so), and the table reader took such a page for a table of
one-word cells.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .footnotes import note_numbers

CELL_SEPARATOR = " | "
CHAR_EM = 0.5  # the width of one character, in font sizes (about that of a Latin font's lower-case letters)
GAP_EM = 3.0  # a blank wider than this within a line separates two cells,
SLACK = 0.05  # plus this share of the estimated width of the text before it
RISE_EM = 0.5  # a line higher than the previous one by this much starts another cell (the next one of a row)
LEAD_GAP_EM = 1.6  # lines this far apart (a blank between them) are not one cell's,
LEAD_STEP = 1.25  # nor lines this many times farther apart than the cell's closest lines
JUMP_EM = 5.0  # a line starting this far left or right of a cell's text starts another cell
ALIGN_EM = 2.5  # a cell belongs to the last column whose edge is at most this far right of its start
ROW_CHARS = 500  # a row of cells this short in all reads as one line (chunking keeps such a line whole)
HEADER_CELL = 60  # characters: a header cell is this short, and does not end a sentence
TITLE_CHARS = 60  # a one-line row alone inside a table (a title across the columns) is this short
MIN_LINES_READ_APART = 3  # cells of this many level lines each are rows of a table read column by column (_line_by_line)
MIN_CARRIED_COLUMNS = 3  # a header is carried to the next pages for tables of this many columns
DEFAULT_SIZE = 10.0  # points, for text whose size is unknown
_SENTENCE_END = (".", ";", "!", "?", ":")


def is_table_row(line: str) -> bool:
    """Whether a line is a table's row as written here (cells separated by ' | ', the first may be empty)."""
    return CELL_SEPARATOR in f" {line} "


@dataclass(frozen=True)
class Piece:
    """Text drawn at one place: its start (x, y, in points), its font size and whether its font is bold."""

    x: float
    y: float
    size: float
    text: str
    bold: bool = False
    # drawn left to right where (x, y) says; False for text turned, and for a line after the first of one drawing (placed
    # at that first one)
    placed: bool = True


@dataclass(frozen=True)
class Segment:
    """A line of the page's text, or the part of it that one cell holds."""

    line: int
    x: float
    y: float
    size: float
    text: str


@dataclass
class Cell:
    """Consecutive segments that read as one cell (or one column's text)."""

    segments: list[Segment]

    @property
    def left(self) -> float:
        return min(s.x for s in self.segments)

    @property
    def top(self) -> float:
        return self.segments[0].y

    @property
    def bottom(self) -> float:
        return min(s.y for s in self.segments)

    @property
    def size(self) -> float:
        return self.segments[0].size

    @property
    def text(self) -> str:
        """The cell's words on one line."""
        return " ".join(" ".join(s.text.split()) for s in self.segments).strip()


Row = list[Cell]


@dataclass(frozen=True)
class Header:
    """A table's header: its columns' left edges and their labels ('' for an empty header cell)."""

    edges: tuple[float, ...]
    labels: tuple[str, ...]


@dataclass
class Page:
    """One page read into rows: its lines, its rows, and how each row is written."""

    lines: list[str]
    rows: list[Row]
    modes: list[str] = field(default_factory=list)


def positioned_lines(page) -> tuple[str, list[list[Piece]] | None]:
    """The page's default-mode text and its pieces line by line (None when they do not make the text)."""
    lines: list[list[Piece]] = [[]]
    broken = False
    # the text rise (« Ts »: a superscript's) of the text last shown, which pypdf's matrices leave out; q and Q save it
    rise, shown_rise, saved = 0.0, 0.0, []

    def before(operator, operands, cm, tm) -> None:
        nonlocal rise, shown_rise
        try:
            if operator == b"Ts" and operands:
                rise = float(operands[0])
            elif operator == b"q":
                saved.append(rise)
            elif operator == b"Q":
                rise = saved.pop() if saved else 0.0
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                shown_rise = rise
        except (TypeError, ValueError):
            rise = 0.0

    def visit(text, cm, tm, font, size) -> None:
        nonlocal broken
        try:
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] + shown_rise * scale
            height = scale * float(size or 0)
            run_x, run_y = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]  # where the text runs
            upright = run_x > 0 and abs(run_y) <= UPRIGHT_SLOPE * run_x
        except (TypeError, IndexError, ValueError):
            broken, x, y, height, upright = True, 0.0, 0.0, 0.0, False
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Piece(float(x), float(y), height or DEFAULT_SIZE, part, _is_bold(font), placed=upright and k == 0))

    text = page.extract_text(visitor_operand_before=before, visitor_text=visit) or ""
    joined = "\n".join("".join(p.text for p in line) for line in lines)
    if joined != text or broken:
        return text, None
    lines = rejoined_words(without_note_marks(lines))
    return "\n".join("".join(p.text for p in line) for line in lines), lines


BASELINE_EM = 0.1  # pieces whose baselines are this close (in font sizes) are drawn on one line
UPRIGHT_SLOPE = 0.01  # text runs left to right when it rises at most this much for each point it goes right


def rejoined_words(lines: list[list[Piece]]) -> list[list[Piece]]:
    """A page's lines with a line that goes on where the one before it stops joined to it, a space between: on the same
    baseline, to the right, at most a cell's gap (GAP_EM) from its estimated end. pypdf starts a line at each word of
    some justified text whose words are drawn one by one (« Les\nprésentes\nconditions »)."""
    joined: list[list[Piece]] = []
    for line in lines:
        last = next((p for p in reversed(joined[-1]) if p.text.strip()), None) if joined else None
        first = next((p for p in line if p.text.strip()), None)
        if last is not None and first is None and line and _on_one_line(last, line[0]):
            continue  # the spaces of the line joined, drawn after its words
        if last is None or first is None or not _goes_on(last, first):
            joined.append(list(line))
            continue
        spaced = joined[-1][-1].text[-1:].isspace() or line[0].text[:1].isspace()
        joined[-1] += ([] if spaced else [Piece(estimated_end(last), last.y, last.size, " ", last.bold)]) + list(line)
    return joined


def _goes_on(last: Piece, first: Piece) -> bool:
    """Whether a piece goes on the line that another ends: same baseline, to its right, within a cell's gap."""
    return _on_one_line(last, first) and last.x < first.x <= estimated_end(last) + GAP_EM * first.size


def _on_one_line(one: Piece, other: Piece) -> bool:
    """Whether two pieces, both placed, are drawn on one line: their baselines within BASELINE_EM of the larger font size."""
    return one.placed and other.placed and abs(other.y - one.y) <= BASELINE_EM * max(one.size, other.size)


def estimated_end(piece: Piece) -> float:
    """Where a piece's text ends, estimated from its characters (CHAR_EM each)."""
    return piece.x + len(piece.text.rstrip()) * CHAR_EM * piece.size


SUPERSCRIPT_SIZE = 0.8  # a note's mark is drawn this share of the text's size or smaller ...
SUPERSCRIPT_RISE = 0.15  # ... and raised this share of it or more (pypdf reads « en 2017⁶ » as « en 20176 »)


def without_note_marks(lines: list[list[Piece]]) -> list[list[Piece]]:
    """A page's lines without the notes' marks drawn small and raised right after a word or a figure (« 2,58¹² »,
    read « 2,5812 ») whose note the page gives at a line's start (« 12 ADEME : Méthode RT 2005 … »)."""
    notes = note_numbers(["".join(p.text for p in line) for line in lines])
    if not notes:
        return lines
    kept_lines = []
    for line in lines:
        kept: list[Piece] = []
        for piece in line:
            before = kept[-1] if kept else None
            glued = before is not None and before.text.strip() != "" and not before.text[-1].isspace()
            if glued and piece.text in notes and piece.size <= SUPERSCRIPT_SIZE * before.size and piece.y >= before.y + SUPERSCRIPT_RISE * before.size:
                continue
            kept.append(piece)
        kept_lines.append(kept)
    return kept_lines


def line_segments(index: int, pieces: list[Piece]) -> list[Segment]:
    """A line cut between two words where the second starts far right of the estimated end of the first."""
    groups: list[list[Piece]] = [[]]
    start, end, spaced = math.inf, -math.inf, False
    for piece in pieces:
        visible = bool(piece.text.strip())
        between_words = spaced or piece.text[:1].isspace()
        if visible and between_words and piece.x - end > GAP_EM * piece.size + SLACK * (end - start):
            groups.append([])
            start, end = math.inf, -math.inf
        groups[-1].append(piece)
        if visible:
            start = min(start, piece.x)
            end = max(end, estimated_end(piece))
        spaced = piece.text[-1:].isspace()
    return [_segment(index, group) for group in groups if any(p.text.strip() for p in group)]


def _segment(index: int, pieces: list[Piece]) -> Segment:
    """A segment of pieces, placed where its first visible piece is."""
    first = next(p for p in pieces if p.text.strip())
    return Segment(index, first.x, first.y, first.size, "".join(p.text for p in pieces))


def page_cells(segments: list[Segment]) -> list[Cell]:
    """Segments grouped into cells, in reading order."""
    cells: list[Cell] = []
    for segment in segments:
        if not cells or _starts_cell(cells[-1], segment):
            cells.append(Cell([segment]))
        else:
            cells[-1].segments.append(segment)
    return cells


def _starts_cell(cell: Cell, segment: Segment) -> bool:
    """Whether a segment starts another cell: on the same line as the last, higher up, or far aside."""
    last = cell.segments[-1]
    if segment.line == last.line or segment.y > last.y + RISE_EM * segment.size:
        return True
    return abs(segment.x - cell.left) > JUMP_EM * segment.size


def page_rows(cells: list[Cell]) -> list[Row]:
    """Cells grouped into rows, each going on to the right, level with its first cell."""
    rows: list[Row] = []
    for cell in cells:
        row = rows[-1] if rows else None
        if row and cell.left > row[-1].left + JUMP_EM * cell.size and _level(row, cell):
            row.append(cell)
        else:
            rows.append([cell])
    return [line for row in rows for part in _without_lead(row) for line in _line_by_line(part)]


def _without_lead(row: Row) -> list[Row]:
    """A row, with the lines its first cell has above the others after a blank (text before it) apart."""
    if len(row) < 2:
        return [row]
    first = row[0].segments
    top = max(cell.top for cell in row[1:]) + RISE_EM * row[0].size
    k = next((i for i, s in enumerate(first) if s.y <= top), 0)
    if k == 0 or first[k - 1].y - first[k].y <= _blank(first, k):
        return [row]
    return [[Cell(first[:k])], [Cell(first[k:]), *row[1:]]]


def _line_by_line(row: Row) -> list[Row]:
    """A short row whose cells hold as many short lines each, three or more, level line for line, each line of its
    first cell opening with a capital: one row per line (a table without rules read column by column, « Longueur du
    pont » over « Largeur du pont » beside « 65 m » over « 8 m »; not a row of cards of two lines, a commune's name
    over its mayor's, nor a contents' column of page numbers)."""
    count = len(row[0].segments)
    if count < MIN_LINES_READ_APART or not is_short_row(row) or any(len(cell.segments) != count for cell in row):
        return [row]
    lines = [[cell.segments[j] for cell in row] for j in range(count)]
    if any(max(s.y for s in line) - min(s.y for s in line) > RISE_EM * line[0].size for line in lines):
        return [row]
    if any(len(s.text.strip()) > HEADER_CELL for line in lines for s in line):
        return [row]
    if not all(s.text.strip()[:1].isupper() for s in row[0].segments):
        return [row]
    return [[Cell([segment]) for segment in line] for line in lines]


def _blank(segments: list[Segment], k: int) -> float:
    """How far apart lines k-1 and k of a cell must be to have a blank between them (LEAD_GAP_EM, LEAD_STEP)."""
    steps = [a.y - b.y for i, (a, b) in enumerate(zip(segments, segments[1:]), start=1) if i != k and a.y > b.y]
    return max(LEAD_GAP_EM * segments[k].size, LEAD_STEP * min(steps, default=0.0))


def _level(row: Row, cell: Cell) -> bool:
    """Whether a cell stands level with a row: their heights overlap (cells may be centred vertically)."""
    top = max(c.top for c in row)
    bottom = min(c.bottom for c in row)
    margin = RISE_EM * cell.size
    return cell.top >= bottom - margin and cell.bottom <= top + margin


def column_edges(rows: list[Row]) -> list[float]:
    """Where the columns of some rows start: their cells' starts, clustered; a cluster of one row is none."""
    lefts = sorted((cell.left, cell.size, i) for i, row in enumerate(rows) if len(row) > 1 for cell in row)
    clusters: list[tuple[float, set[int]]] = []
    previous = -math.inf
    for left, size, i in lefts:
        if left - previous > JUMP_EM * size:
            clusters.append((left, set()))
        clusters[-1][1].add(i)
        previous = left
    support = min(2, max((len(rows_seen) for _, rows_seen in clusters), default=0))
    return [edge for edge, rows_seen in clusters if len(rows_seen) >= support]


def column_of(cell: Cell, edges: list[float] | tuple[float, ...]) -> int:
    """The column a cell stands in: the last whose edge is left of its start (or not far right of it)."""
    return max((k for k, edge in enumerate(edges) if edge <= cell.left + ALIGN_EM * cell.size), default=0)


def is_short_row(row: Row) -> bool:
    """Several cells, short enough to read on one line together."""
    return len(row) > 1 and sum(len(cell.text) for cell in row) <= ROW_CHARS


# a page's place in its file, as a running header or footer prints it: « 38 / 89 », « 3 sur 12 », « Page 4 »
_PAGE_COUNTER_RE = re.compile(r"(?:page\s*)?\d{1,4}\s*(?:/|sur|of)\s*\d{1,4}|page\s*\d{1,4}", re.IGNORECASE)
_SHORT_NUMBERS_RE = re.compile(r"\s*\d{1,3}(?:\s+\d{1,3})*\s*")  # one or more short numbers alone: « 15 », « 1 3 »


def is_header_row(rows: list[Row], i: int) -> bool:
    """Several short cells that end no sentence, over a row of as many cells, one of them long; not a running header
    laid out like a row, one of its cells the page's place (« CNIG | Plan du Corps de Rue Simplifié | 38 / 89 »): the
    pages after it would read it as their columns' labels; nor a row of bare short numbers (a booklet's facing pages'
    numbers, « 15 | 16 », which ingest.clean removes, or steps' numbers: their columns are the text's)."""
    row = rows[i]
    if len(row) < 2 or any(len(c.text) > HEADER_CELL or c.text.endswith(_SENTENCE_END) for c in row):
        return False
    if any(_PAGE_COUNTER_RE.fullmatch(c.text.strip()) for c in row):
        return False
    if all(_SHORT_NUMBERS_RE.fullmatch(c.text) for c in row):  # a spread's two page numbers (« 15 | 16 »), labelling nothing
        return False
    following = next((r for r in rows[i + 1 :] if len(r) > 1), None)
    return following is not None and len(following) == len(row) and not is_short_row(following)


def fits(header: Header, rows: list[Row]) -> bool:
    """Whether a page's rows of several cells use at least MIN_CARRIED_COLUMNS of a header's columns."""
    used = {column_of(cell, header.edges) for row in rows if len(row) > 1 for cell in row}
    return len(used) >= MIN_CARRIED_COLUMNS


KEEP, GRID, LABELLED = "keep", "grid", "labelled"  # how a row is written


def is_title(row: Row, before: int | None, after: int | None) -> bool:
    """One short line alone, where the table goes back to an earlier column: a title across the columns."""
    text = row[0].text
    alone = len(row) == 1 and len(row[0].segments) == 1 and len(text) <= TITLE_CHARS and not text.endswith(_SENTENCE_END)
    return alone and (before is None or after is None or after < before)


def row_modes(rows: list[Row], header_at: int | None, labelled_from: int | None) -> list[str]:
    """How each row is written: labelled under a header, else one line when short (by another), else kept."""
    modes = []
    for i, row in enumerate(rows):
        near_short = any(0 <= j < len(rows) and is_short_row(rows[j]) for j in (i - 1, i + 1))
        if labelled_from is not None and i >= labelled_from:
            modes.append(LABELLED)
        elif is_short_row(row) and (i == header_at or near_short):
            modes.append(GRID)
        else:
            modes.append(KEEP)
    return modes


def grid_line(row: Row, edges: list[float] | tuple[float, ...]) -> str:
    """A row on one line, its cells in their columns, separated by ' | ' (an empty cell left empty)."""
    columns = [column_of(cell, edges) for cell in row]
    if len(set(columns)) < len(columns):
        return CELL_SEPARATOR.join(cell.text for cell in row)
    slots = [""] * (max(columns) + 1)
    for cell, k in zip(row, columns):
        slots[k] = cell.text
    return CELL_SEPARATOR.join(slots).strip()


MAX_UNLABELLED_COLUMNS = 1  # a header may leave one column unlabelled: the rows' own labels (« | 2020 | 2021 »)


def labels_columns(row: Row, edges: list[float]) -> bool:
    """Whether a header row's cells stand in distinct columns of the rows below it: two of them over one column
    label no table (a table's last row over a paragraph with a web address at its right); and whether they label all
    its columns but MAX_UNLABELLED_COLUMNS: a table's title over two of its four columns (« Classe d'objet | FRICHE »
    above « Attribut | Définition | Occurrences | Type ») labels none, and carried to the next pages would open every
    row with it."""
    columns = [column_of(cell, edges) for cell in row]
    return len(set(columns)) == len(columns) and len(edges) - len(set(columns)) <= MAX_UNLABELLED_COLUMNS


def header_labels(row: Row, edges: list[float]) -> tuple[str, ...]:
    """The label of each column from a header row."""
    labels = [""] * len(edges)
    for cell in row:
        k = column_of(cell, edges)
        labels[k] = f"{labels[k]} {cell.text}".strip()
    return tuple(labels)


def labelled_lines(rows: list[Row], header: Header) -> list[str]:
    """Rows under a header: titles alone, each column's run of text opened by its header ('RÉGIONS :')."""
    columns = [[column_of(cell, header.edges) for cell in row] for row in rows]
    out: list[str] = []
    current = None
    for i, row in enumerate(rows):
        before = columns[i - 1][-1] if i else None
        after = columns[i + 1][0] if i + 1 < len(rows) else None
        if is_title(row, before, after):
            out.extend(["", row[0].text, ""])
            current = None
            continue
        for cell, k in zip(row, columns[i]):
            if k != current:
                label = header.labels[k] if k < len(header.labels) else ""
                out.extend(["", f"{label} :"] if label else [""])
                current = k
            out.extend(segment.text for segment in cell.segments)
    return out + [""]


def mode_runs(modes: list[str]) -> list[tuple[str, int, int]]:
    """Consecutive rows written the same way: (mode, first row, end row)."""
    runs: list[tuple[str, int, int]] = []
    for i, mode in enumerate(modes):
        if runs and runs[-1][0] == mode:
            runs[-1] = (mode, runs[-1][1], i + 1)
        else:
            runs.append((mode, i, i + 1))
    return runs


def render(page: Page, header: Header | None) -> str:
    """The page's text with its rows written as their modes say; other lines as they were read."""
    out: list[str] = []
    next_line = 0
    for mode, first, end in mode_runs(page.modes):
        rows = page.rows[first:end]
        last = max(s.line for row in rows for cell in row for s in cell.segments)
        if mode == KEEP:
            out.extend(page.lines[next_line : last + 1])
        elif mode == GRID:
            edges = column_edges(rows)
            out.extend(["", *(grid_line(row, edges) for row in rows), ""])
        else:
            out.extend(labelled_lines(rows, header))
        next_line = max(next_line, last + 1)
    out.extend(page.lines[next_line:])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def half_point(size: float) -> float:
    """A font size to the nearest half point: how sizes are compared (extraction gives 10.98 for an 11-point font)."""
    return round(size * 2) / 2


_BOLD_RE = re.compile(r"bold|black|heavy", re.IGNORECASE)


def _is_bold(font) -> bool:
    """Whether a font (a pypdf font dictionary) is a bold one, by its name ('ABCDEF+Calibri-Bold')."""
    try:
        return bool(font) and bool(_BOLD_RE.search(str(font.get("/BaseFont", ""))))
    except Exception:  # a damaged font dictionary
        return False


LANDSCAPE_RATIO = 1.2  # a page this many times wider than high is landscape (slides are 4:3 or 16:9)


def _is_landscape(pdf_page) -> bool:
    """Whether a page is printed wider than high by LANDSCAPE_RATIO, its rotation counted; False when its box is unreadable."""
    try:
        box = pdf_page.mediabox
        width, height = abs(float(box.width)), abs(float(box.height))
        if int(pdf_page.get("/Rotate", 0) or 0) % 180:
            width, height = height, width
    except Exception:  # a damaged page box
        return False
    return height > 0 and width >= LANDSCAPE_RATIO * height


def _height(line: list[Piece]) -> float | None:
    """How high a line is printed on its page (PDF units, from the bottom), by its lettered pieces; None when it has none."""
    return max((p.y for p in line if any(c.isalpha() for c in p.text)), default=None)


def _sized(line: list[Piece]) -> tuple[str, float, bool]:
    """A line's text, the font size of its largest lettered piece (0 when it has none) and whether all its lettered pieces are bold."""
    lettered = [p for p in line if any(c.isalpha() for c in p.text)]
    return "".join(p.text for p in line), max((p.size for p in lettered), default=0.0), bool(lettered) and all(p.bold for p in lettered)


class TableReader:
    """Reads the pages of one PDF in order, tables made readable, a header carried to the next pages."""

    def __init__(self) -> None:
        self.header: Header | None = None
        self.sized_lines: list[list[tuple[str, float, bool]]] = []  # each page read: its lines, their font sizes, whether bold
        self.line_heights: list[list[float | None]] = []  # and how high each line is printed (None: no letter)
        self.landscape: list[bool] = []  # each page read: whether it is wider than high by LANDSCAPE_RATIO (a slide)

    def read(self, pdf_page) -> str:
        """The text of one page (a pypdf page), in pypdf's default mode, its tables rewritten."""
        text, pieces = positioned_lines(pdf_page)
        self.landscape.append(_is_landscape(pdf_page))
        self.sized_lines.append([] if pieces is None else [_sized(line) for line in pieces])
        self.line_heights.append([] if pieces is None else [_height(line) for line in pieces])
        if pieces is None:
            return text
        segments = [s for i, line in enumerate(pieces) for s in line_segments(i, line)]
        rows = page_rows(page_cells(segments))
        header_at = next((i for i in range(len(rows)) if is_header_row(rows, i)), None)
        header, labelled_from = self._header(rows, header_at)
        modes = row_modes(rows, header_at, labelled_from)
        if all(mode == KEEP for mode in modes):
            return text
        return render(Page(text.split("\n"), rows, modes), header)

    def _header(self, rows: list[Row], header_at: int | None) -> tuple[Header | None, int | None]:
        """The header in force on a page and the first row it labels; remembers it for the next page."""
        edges = column_edges(rows[header_at + 1 :]) if header_at is not None else []
        if header_at is not None and labels_columns(rows[header_at], edges):
            header, labelled_from = Header(tuple(edges), header_labels(rows[header_at], edges)), header_at + 1
        elif self.header is not None and fits(self.header, rows):
            header, labelled_from = self.header, 0
        else:
            header, labelled_from = None, None
        if header is not None and len(header.edges) >= MIN_CARRIED_COLUMNS:
            self.header = header
        elif any(len(row) > 1 for row in rows):
            self.header = None
        return header, labelled_from
