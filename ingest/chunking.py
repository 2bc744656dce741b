"""Cut pages into passages sized for reading: whole sentences, one page, one section each (a sentence a page break cuts
is made whole on the page where it starts)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Sequence

from .clean import clean_page_text
from .french import split_sentences
from .layout import CELL_SEPARATOR
from .structure import Block, HeadingRules, section_reader, with_chapter
from .types import Chunk, Page
from .units import ROW_VALUE_MAX_CHARS, is_row_label, row_groups


@dataclass(frozen=True)
class ChunkingParams:
    """Passage sizes in characters: aim for target, never above max unless one sentence is longer."""

    target_chars: int = 700
    max_chars: int = 1000
    min_chars: int = 200

    def as_dict(self) -> dict:
        return {"target_chars": self.target_chars, "max_chars": self.max_chars, "min_chars": self.min_chars}


def chunk_id(source: str, page: int, index: int, text: str) -> str:
    """A stable id: source, page, position, and a short hash of the text."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{source}:p{page}:{index}:{digest}"


def _units(block: Block, max_chars: int) -> list[tuple[str, str]]:
    """The pieces a block may be cut into, each with the separator that joins it to the previous
    piece: a line break at each paragraph, list item or fact-sheet line, a space between sentences."""
    text = block.text
    if len(text) <= max_chars and ("\n" in text or block.heading_level):
        return [(text, "\n")]
    units: list[tuple[str, str]] = []
    for line in text.split("\n"):
        pieces = split_sentences(line) if len(line) > max_chars // 2 else [line]
        units.extend((piece, "\n" if i == 0 else " ") for i, piece in enumerate(pieces))
    return units


def _rows_kept(units: list[tuple[str, str]], max_chars: int) -> list[tuple[str, str]]:
    """Units with each table row label joined to the value that follows (when both fit in a
    passage), so a passage never cuts a row."""
    kept: list[tuple[str, str]] = []
    position = 0
    for group in row_groups([text for text, _ in units]):
        joined = "\n".join(group)
        if len(joined) <= max_chars:
            kept.append((joined, units[position][1]))
        else:
            kept.extend(units[position : position + len(group)])
        position += len(group)
    return kept


_SENTENCE_END = (".", ":", ";", "!", "?", "»")
TABLE_CELLS_BEFORE = 2  # cells the rows did not pair between a table's header and its first row ('Nice Côte' / 'd'Azur')


def _short_line(text: str) -> bool:
    """A line that may be a table's header or cell: one line, short, not ending a sentence."""
    return "\n" not in text and len(text) <= ROW_VALUE_MAX_CHARS and not text.rstrip().endswith(_SENTENCE_END)


def _is_row(text: str) -> bool:
    """A unit that reads a table row: its label line, then its value ('Brest Métropole' / 'Vice-Président …')."""
    return "\n" in text and is_row_label(text.split("\n", 1)[0])


def _header_before(units: list[tuple[str, str]], first_row: int) -> str:
    """The header of the table whose first row is units[first_row], or '': the short line of words (no figure,
    no colon, no row) that starts it, after text that ends, with at most TABLE_CELLS_BEFORE cells the rows did
    not pair between it and the first row."""
    start = first_row
    while start > max(0, first_row - TABLE_CELLS_BEFORE - 1) and _short_line(units[start - 1][0]):
        start -= 1
    if start == first_row or start == 0 or _short_line(units[start - 1][0]):
        return ""  # nothing before the rows, or no text ending before the table (a fact sheet's box of short lines)
    first = units[start][0]
    return "" if re.search(r"[\d:]", first) or _is_row(first) else first


def _table_headers(units: list[tuple[str, str]]) -> list[str | None]:
    """For each unit of a table of rows, the table's header ('Métropole Élu référent ESS', _header_before),
    else None. A long unit or a sentence ends the table."""
    headers: list[str | None] = [None] * len(units)
    header = None
    for i, (text, _) in enumerate(units):
        if _is_row(text):
            if header is None:
                header = _header_before(units, i)
            headers[i] = header or None
        elif len(text) > ROW_VALUE_MAX_CHARS or text.rstrip().endswith(_SENTENCE_END):
            header = None
        elif header:
            headers[i] = header if text != header else None
    return headers


def _pack(units: list[tuple[str, str]], params: ChunkingParams) -> list[str]:
    """Group consecutive units into passages near the target size; a passage that starts inside a table
    starts with the table's header, as a printed table repeats it on each page."""
    passages: list[str] = []
    current = ""
    for (unit, separator), header in zip(units, _table_headers(units)):
        # the header repeated when the passage still fits: a row near the size limit goes without it
        opening = f"{header}\n{unit}" if header and len(header) + 1 + len(unit) <= params.max_chars else unit
        if not current:
            current = opening
        elif len(current) + 1 + len(unit) <= params.target_chars or (
            len(current) < params.min_chars and len(current) + 1 + len(unit) <= params.max_chars
        ):
            current += separator + unit
        else:
            passages.append(current)
            current = opening
    if current:
        passages.append(current)
    return passages


def joined_text(texts: Sequence[str]) -> str:
    """Consecutive passages of a page as one text, as printed: a passage's first line is left out when the text
    before it has that line already (the header of a table whose rows run on, which _pack repeats)."""
    joined = texts[0] if texts else ""
    for text in texts[1:]:
        head, _, rest = text.partition("\n")
        repeated = rest and head.strip() and head.strip() in {line.strip() for line in joined.splitlines()}
        joined += "\n" + (rest if repeated else text)
    return joined


def _headings_joined(groups: list[tuple[str, list[tuple[str, str]], list[Block]]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The page's runs, a heading with nothing under it before the next heading ('2 ENQUETE' then '2.1
    Méthodologie') put at the start of the run after it rather than left alone as a passage of a few words."""
    joined: list[tuple[str, list[tuple[str, str]]]] = []
    pending: list[tuple[str, str]] = []
    for i, (section, units, blocks) in enumerate(groups):
        if all(block.heading_level for block in blocks) and i + 1 < len(groups):
            pending.extend(units)
            continue
        joined.append((section, pending + units))
        pending = []
    return joined


def chunk_pages(pages: list[Page], params: ChunkingParams | None = None, rules: Sequence[HeadingRules] = ()) -> list[Chunk]:
    """Chunks of pages read in order; the section path carries over from page to page (from the file's
    outline when it has one, else from heading cues in the text: rules, a family's, then the general ones)."""
    params = params or ChunkingParams()
    chunks: list[Chunk] = []
    sections = None
    current_source = None
    texts = continued_sentences(pages, [clean_page_text(page.text) for page in pages])
    for page, text in zip(pages, texts):
        if page.source != current_source:
            sections, current_source = section_reader(page, rules), page.source
        groups: list[tuple[str, list[tuple[str, str]], list[Block]]] = []  # (section, units, blocks) runs within the page
        for block, section in sections.read(page, text):
            section = with_chapter(section, page.chapter)
            units = _units(block, params.max_chars)
            starts_new = block.heading_level or block.boxed or not groups or groups[-1][0] != section
            if starts_new:
                groups.append((section, units, [block]))
            else:
                groups[-1][1].extend(units)
                groups[-1][2].append(block)
        packed = [(section, text) for section, units in _headings_joined(groups) for text in _pack(_rows_kept(units, params.max_chars), params)]
        for index, (section, text) in enumerate(_scraps_joined(packed, params.max_chars)):
            chunks.append(Chunk(chunk_id(page.source, page.page, index, text), page.source, page.page, section, text, page.label))
    return chunks


CONTINUED_MAX_CHARS = 300  # the end of a sentence taken back over a page break is this long at most
CONTINUED_LINE_CHARS = 45  # a page's last line shorter than this is a title or a label, not a sentence's wrapped line
# the last line of a page that is a note, not a sentence going on: « 14 https://… », « 3 Source : … »
_NOTE_LINE_RE = re.compile(r"\s*(?:\d{1,3}|\*)\s|.*(?:https?:|www\.)")


def continued_sentences(pages: list[Page], texts: list[str]) -> list[str]:
    """The cleaned texts of pages, a sentence that a page break cuts made whole on the page where it starts: when a
    page ends on a word or a comma (not in a note) and the next page of its file opens on a word in lower case, that
    page's text up to its first sentence's end (CONTINUED_MAX_CHARS at most, within its first paragraph) goes back to
    the end of the page before: « … le maître d'ouvrage indique à l'autorité » / « chargée de l'examen … ». Cited at the
    page where it starts, as a reader quotes it."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        head, following = texts[i].rstrip(), texts[i + 1].lstrip()
        last_line = head.rsplit("\n", 1)[-1]
        if pages[i].source != pages[i + 1].source or not re.search(r"[^\W\d_],?$", head) or _NOTE_LINE_RE.match(last_line):
            continue
        if len(last_line) < CONTINUED_LINE_CHARS or CELL_SEPARATOR in last_line:  # a title, a label, a table's row
            continue
        if not re.match(r"[a-zà-ÿœæ]{2,}\b", following):
            continue
        paragraph = re.split(r"\n\s*\n", following, maxsplit=1)[0].replace("\n", " ")  # offsets kept
        first = split_sentences(paragraph)[0]
        end = paragraph.find(first) + len(first)
        if end > CONTINUED_MAX_CHARS or CELL_SEPARATOR in first or not first.rstrip("»\")]").endswith((".", "!", "?", "…", ";", ":")):
            continue
        texts[i] = f"{head} {' '.join(following[:end].split())}"
        texts[i + 1] = following[end:].lstrip(" \t").lstrip("\n")
    return texts


MIN_PASSAGE_LETTERS = 25  # fewer letters make no passage of their own: « GLOSSAIRE », « Fiche 2 », « 1. », « — », « Verso »


def _scraps_joined(packed: list[tuple[str, str]], max_chars: int) -> list[tuple[str, str]]:
    """A page's passages (section, text), a scrap of a few letters (a label, a number, a heading left alone) put at the
    end of the passage before it, or else at the start of the one after it, of its section on the page: alone, it
    says nothing and a keyword search would still rank it high. A scrap alone in its section on the page stays, and so
    does one that would make its neighbour longer than max_chars."""
    passages = [[section, text] for section, text in packed]
    for i in range(len(passages) - 1, -1, -1):
        section, text = passages[i]
        if sum(c.isalpha() for c in text) >= MIN_PASSAGE_LETTERS:
            continue
        room = max_chars - 1 - len(text)
        if i > 0 and passages[i - 1][0] == section and len(passages[i - 1][1]) <= room:
            passages[i - 1][1] += "\n" + text
            del passages[i]
        elif i + 1 < len(passages) and passages[i + 1][0] == section and len(passages[i + 1][1]) <= room:
            passages[i + 1][1] = text + "\n" + passages[i + 1][1]
            del passages[i]
    return [(section, text) for section, text in passages if _says_something(text)]


def _says_something(text: str) -> bool:
    """Whether a passage holds a word, or figures (« 1 170 T », a table's row of numbers), not only a bullet, a dash or
    an item's number left alone on its page's section (« • », « — », « 1. »): such a scrap is not indexed."""
    return any(c.isalpha() for c in text) or len(re.findall(r"\d+", text)) > 1
