"""Find paragraphs and headings in a cleaned page, and track the heading path across pages.

Two ways to read sections: from a PDF's outline (bookmarks) when the file has one
(OutlineSections), else from heading cues in the text (CueSections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import BULLET, clean_title
from .french import fold_accents, match_key, normalize_apostrophes
from .types import SECTION_SEPARATOR, Page

FACT_SHEETS = "Fiches métropoles"
MAX_HEADING_CHARS = 80
MAX_TITLE_CHARS = 70
MAX_OUTLINE_TITLE_LINES = 4  # an outline title is found in the text over at most this many lines
MIN_OUTLINE_TITLE_KEY = 3  # shorter titles (letters and digits) are not looked for in the text

_CHAMP_RE = re.compile(r"^CHAMP D.ACTION\s*#\s*(\d+)", re.IGNORECASE)
_ZOOM_RE = re.compile(r"^Zoom sur\b\s*(.*)$", re.IGNORECASE)
_PAROLE_RE = re.compile(r"^La parole\s*(.*)$", re.IGNORECASE)
# A fact sheet's two parts: "Panorama de l'ESS sur le territoire" and "Carte d'identité du territoire".
_PANORAMA_RE = re.compile(r"^Panorama de l.ESS\b", re.IGNORECASE)
_IDENTITY_BOX_RE = re.compile(r"^Carte d.identit", re.IGNORECASE)
_LABEL_VALUE_RE = re.compile(r"^[^:]{2,60} : \S")
_END_PUNCT = ".;:,!?…»)"


@dataclass
class Block:
    """A paragraph of a page: its lines, and whether it is a heading (with its path level)."""

    lines: list[str]
    heading_level: int = 0  # 0: body text; 1: part; 2: sub-part (Zoom sur, a metropolis' sheet)
    title: str = ""
    identity_box: bool = False

    @property
    def text(self) -> str:
        return reflow(self.lines, keep_lines=self.identity_box)


def reflow(lines: list[str], keep_lines: bool = False) -> str:
    """Join the lines of a paragraph with spaces, keeping breaks before bullets (or every break)."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif keep_lines or line.startswith(BULLET):
            out += "\n" + line
        else:
            out += " " + line
    return out


def split_blocks(text: str) -> list[list[str]]:
    """Paragraphs of a cleaned page; a paragraph starting in lower case continues the previous one."""
    blocks: list[list[str]] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        if not lines:
            continue
        if blocks and lines[0][0].islower() and not blocks[-1][-1].endswith((".", "!", "?")):
            blocks[-1].extend(lines)
        else:
            blocks.append(lines)
    return blocks


def is_panorama_title(line: str) -> bool:
    """Whether a line opens a fact sheet's "Panorama de l'ESS sur le territoire"."""
    return bool(_PANORAMA_RE.match(normalize_apostrophes(line)))


def is_identity_box_title(line: str) -> bool:
    """Whether a line opens a fact sheet's "Carte d'identité du territoire" box."""
    return bool(_IDENTITY_BOX_RE.match(normalize_apostrophes(line)))


def _is_box_line(line: str) -> bool:
    """A line of an identity box: 'label : value', or a short continuation holding digits."""
    return bool(_LABEL_VALUE_RE.match(line)) or (len(line) <= 30 and any(c.isdigit() for c in line))


def _is_capitals_subtitle(lines: list[str]) -> bool:
    """A short block in capitals that continues a title with a complement ("DE L’AVISE ET DU RTES")."""
    text = normalize_apostrophes(" ".join(lines))
    letters = [c for c in text if c.isalpha()]
    complement = re.match(r"(DE|DES|DU|D'|POUR|SUR|EN)\b", text)
    return bool(complement) and len(letters) >= 4 and all(c.isupper() for c in letters) and looks_like_heading(lines)


def _is_box_block(lines: list[str]) -> bool:
    """A block that continues an identity box: most of its lines are box lines."""
    return sum(_is_box_line(line) for line in lines) * 2 >= len(lines) + (len(lines) == 1 and not _is_box_line(lines[0]))


def _short_title(lines: list[str]) -> str:
    title = " ".join(lines).strip()
    title = re.sub(r"\s+", " ", title)
    title = re.sub(r"(\w)- (?=[A-ZÀ-Ý])", r"\1-", title)  # 'Aix-Marseille- Provence'
    if len(title) > MAX_TITLE_CHARS:
        cut = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
        title = cut.rstrip(" ,;:") + "…"
    return title


def looks_like_heading(lines: list[str]) -> bool:
    text = " ".join(lines)
    return (
        len(text) <= MAX_HEADING_CHARS
        and len(lines) <= 4
        and text[:1].isupper()
        and not text.rstrip().endswith(tuple(_END_PUNCT))
        and not text.startswith(BULLET)
        and not text.startswith("[")
        and not re.search(r"\d{3,}", text)
        and " : " not in text
    )


def page_blocks(text: str) -> list[Block]:
    """Blocks of one cleaned page, with headings marked."""
    raw_blocks = split_blocks(text)
    blocks: list[Block] = []
    i = 0
    while i < len(raw_blocks):
        lines = raw_blocks[i]
        first = normalize_apostrophes(lines[0])
        nxt = raw_blocks[i + 1] if i + 1 < len(raw_blocks) else None
        champ = _CHAMP_RE.match(first)
        zoom = _ZOOM_RE.match(first)
        parole = _PAROLE_RE.match(first)
        panorama_at = next((k for k, line in enumerate(lines) if is_panorama_title(line)), None)
        if is_identity_box_title(first):
            while i + 1 < len(raw_blocks) and _is_box_block(raw_blocks[i + 1]):
                i += 1
                lines = lines + raw_blocks[i]
            blocks.append(Block(lines, identity_box=True))
        elif champ:
            blocks.append(Block(lines, 1, f"CHAMP D’ACTION #{champ.group(1)}"))
        elif zoom and len(" ".join(lines)) <= MAX_HEADING_CHARS * 2:
            rest = [zoom.group(1)] + lines[1:] if zoom.group(1) else lines[1:]
            rest = [r for r in rest if r]
            if not rest and nxt and looks_like_heading(nxt) or (not rest and nxt and len(" ".join(nxt)) <= 160):
                rest = nxt
                lines = lines + nxt
                i += 1
            blocks.append(Block(lines, 2, "Zoom sur " + _short_title(rest) if rest else "Zoom sur"))
        elif parole and len(" ".join(lines)) <= MAX_HEADING_CHARS:
            blocks.append(Block(lines, 1, _short_title(lines)))
        elif panorama_at is not None and panorama_at > 0 and len(" ".join(lines[:panorama_at])) <= MAX_HEADING_CHARS:
            name = _short_title(lines[:panorama_at])
            blocks.append(Block(lines[:panorama_at], 2, name))
            blocks.append(Block(lines[panorama_at:]))
        elif panorama_at == 0 and blocks and looks_like_heading(blocks[-1].lines):
            blocks[-1].heading_level, blocks[-1].title = 2, _short_title(blocks[-1].lines)
            blocks.append(Block(lines))
        elif not blocks and looks_like_heading(lines):  # a page's title (or a divider page's only line)
            blocks.append(Block(lines, 1, _short_title(lines)))
        elif nxt is not None and looks_like_heading(lines) and _is_capitals_subtitle(nxt):
            # a title set as a word and a line of capitals: "Présentation" / "DE L’AVISE ET DU RTES"
            blocks.append(Block(lines + nxt, 1, _short_title(lines + nxt)))
            i += 1
        else:
            blocks.append(Block(lines))
        i += 1
    _attach_identity_boxes(blocks)
    return blocks


def _attach_identity_boxes(blocks: list[Block]) -> None:
    """On a fact-sheet page, the i-th identity box belongs to the i-th metropolis of the page.

    The layout sometimes prints a box before its metropolis' heading, and two metropolises can
    share a page: pairing boxes and sheet headings in order places each box under its own one.
    """
    sheet_headings = [b for b in blocks if b.heading_level == 2 and not b.title.startswith("Zoom sur")]
    boxes = [k for k, b in enumerate(blocks) if b.identity_box]
    if not sheet_headings or len(boxes) != len(sheet_headings):
        return
    for box_index, heading in zip(boxes, sheet_headings):
        blocks[box_index].title = heading.title  # owner of the box, read by SectionTracker


@dataclass
class SectionTracker:
    """The heading path in force while reading pages in order."""

    part: str = ""
    sub: str = ""
    history: list[str] = field(default_factory=list)

    def path(self) -> str:
        return SECTION_SEPARATOR.join(p for p in (self.part, self.sub) if p)

    def enter(self, block: Block) -> None:
        if block.heading_level == 1:
            self.part, self.sub = block.title, ""
        elif block.heading_level == 2 and block.title.startswith("Zoom sur"):
            self.sub = block.title
        elif block.heading_level == 2:
            self.part, self.sub = FACT_SHEETS, block.title

    def path_for_box(self, block: Block) -> str:
        """Section of an identity box: its own metropolis when known, else the current path."""
        if block.identity_box and block.title:
            return SECTION_SEPARATOR.join((FACT_SHEETS, block.title))
        return self.path()


class CueSections:
    """Sections of a file without an outline: headings found by their cues in the text, page after page."""

    def __init__(self) -> None:
        self.tracker = SectionTracker()

    def read(self, page: Page, text: str) -> list[tuple[Block, str]]:
        """The blocks of one cleaned page, each with the heading path it sits under."""
        out = []
        for block in page_blocks(text):
            if block.heading_level:
                self.tracker.enter(block)
            out.append((block, self.tracker.path_for_box(block)))
        return out


def title_key(text: str) -> str:
    """How a title is compared with the lines of a page: letters and digits only, accents folded."""
    return fold_accents(match_key(text))


def _find_title(keys: list[str], key: str, start: int) -> tuple[int, int] | None:
    """The first run of lines from start (at most MAX_OUTLINE_TITLE_LINES, no blank line) that spells key."""
    for i in range(start, len(keys)):
        joined = ""
        for j in range(i, min(i + MAX_OUTLINE_TITLE_LINES, len(keys))):
            if not keys[j]:
                break
            joined += keys[j]
            if joined == key:
                return i, j + 1
            if not key.startswith(joined):
                break
    return None


def locate_titles(lines: list[str], titles: list[str]) -> list[tuple[int, int] | None]:
    """Where each title stands in a page's lines, as a line range, looked for in order (each after the
    previous one found); None for a title that is not printed as lines of its own."""
    keys = [title_key(line) for line in lines]
    spans: list[tuple[int, int] | None] = []
    position = 0
    for title in titles:
        key = title_key(title)
        span = _find_title(keys, key, position) if len(key) >= MIN_OUTLINE_TITLE_KEY else None
        if span:
            position = span[1]
        spans.append(span)
    return spans


def outline_path(entry: tuple[str, ...]) -> str:
    """The section path of an outline entry: its titles and its parents', shortened, outermost first."""
    return SECTION_SEPARATOR.join(_short_title([clean_title(title)]) for title in entry)


class OutlineSections:
    """Sections of a PDF with an outline: an entry's path applies from its title, found in the text of the
    page it points to, until the next entry; an entry whose title is not found there applies from where the
    previous entry of that page was found (or from the top of the page)."""

    def __init__(self) -> None:
        self.path = ""

    def read(self, page: Page, text: str) -> list[tuple[Block, str]]:
        """The blocks of one cleaned page, each with the outline path it sits under."""
        lines = text.split("\n")
        entries = list(page.outline or ())
        out: list[tuple[Block, str]] = []
        position = 0
        for entry, span in zip(entries, locate_titles(lines, [entry[-1] for entry in entries])):
            if span is None:
                self.path = outline_path(entry)
                continue
            out.extend(self._body(lines[position : span[0]]))
            self.path = outline_path(entry)
            heading = [line.strip() for line in lines[span[0] : span[1]]]
            out.append((Block(heading, len(entry), _short_title([clean_title(entry[-1])])), self.path))
            position = span[1]
        out.extend(self._body(lines[position:]))
        return out

    def _body(self, lines: list[str]) -> list[tuple[Block, str]]:
        """Paragraphs of body text, under the current path."""
        return [(Block(block), self.path) for block in split_blocks("\n".join(lines))]


def section_reader(page: Page) -> CueSections | OutlineSections:
    """How the sections of a file are read, from its first page: its outline when it has one, else cues."""
    return OutlineSections() if page.outline is not None else CueSections()
