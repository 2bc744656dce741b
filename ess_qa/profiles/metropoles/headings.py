"""The report's heading cues, plugged into ingest.structure (HeadingRules): its parts
("CHAMP D'ACTION #3", "La parole à ..."), case studies ("Zoom sur ..."), and its metropolises'
fact sheets: a sheet's heading (the metropolis' name, before "Panorama de l'ESS sur le territoire")
under the part « Fiches métropoles », and its "Carte d'identité du territoire" box kept as lines and
placed under its own metropolis.
"""

from __future__ import annotations

import re

from ingest.french import normalize_apostrophes
from ingest.structure import MAX_HEADING_CHARS, Block, heading_title, looks_like_heading
from ingest.types import SECTION_SEPARATOR

FACT_SHEETS = "Fiches métropoles"
ZOOM = "Zoom sur"
ZOOM_TITLE_MAX_CHARS = 160  # a "Zoom sur" line alone takes the next paragraph as its title up to this size

# What names this report's layout: its parts' and boxes' headings (the metropolises are the fact sheets' names,
# see factsheets). Only this profile may name them (tests/test_profiles.py checks the general modules).
HEADING_CUES = ("CHAMP D'ACTION", ZOOM, "La parole", "Panorama de l'ESS", "Carte d'identité", FACT_SHEETS)

_CHAMP_RE = re.compile(r"^CHAMP D.ACTION\s*#\s*(\d+)", re.IGNORECASE)
_ZOOM_RE = re.compile(r"^Zoom sur\b\s*(.*)$", re.IGNORECASE)
_PAROLE_RE = re.compile(r"^La parole\s*(.*)$", re.IGNORECASE)
# A fact sheet's two parts: "Panorama de l'ESS sur le territoire" and "Carte d'identité du territoire".
_PANORAMA_RE = re.compile(r"^Panorama de l.ESS\b", re.IGNORECASE)
_IDENTITY_BOX_RE = re.compile(r"^Carte d.identit", re.IGNORECASE)
_LABEL_VALUE_RE = re.compile(r"^[^:]{2,60} : \S")


def is_panorama_title(line: str) -> bool:
    """Whether a line opens a fact sheet's "Panorama de l'ESS sur le territoire"."""
    return bool(_PANORAMA_RE.match(normalize_apostrophes(line)))


def is_identity_box_title(line: str) -> bool:
    """Whether a line opens a fact sheet's "Carte d'identité du territoire" box."""
    return bool(_IDENTITY_BOX_RE.match(normalize_apostrophes(line)))


def _is_box_line(line: str) -> bool:
    """A line of an identity box: 'label : value', or a short continuation holding digits."""
    return bool(_LABEL_VALUE_RE.match(line)) or (len(line) <= 30 and any(c.isdigit() for c in line))


def _is_box_block(lines: list[str]) -> bool:
    """A block that continues an identity box: most of its lines are box lines."""
    return sum(_is_box_line(line) for line in lines) * 2 >= len(lines) + (len(lines) == 1 and not _is_box_line(lines[0]))


def is_sheet_heading(block: Block) -> bool:
    """Whether a block is a metropolis' sheet heading (read by these rules)."""
    return block.heading_level == 2 and block.parent == FACT_SHEETS


class ReportHeadings:
    """The report's heading rules (see the module's docstring)."""

    def read(self, raw_blocks: list[list[str]], i: int, blocks: list[Block]) -> int | None:
        lines = raw_blocks[i]
        first = normalize_apostrophes(lines[0])
        if is_identity_box_title(first):
            while i + 1 < len(raw_blocks) and _is_box_block(raw_blocks[i + 1]):
                i += 1
                lines = lines + raw_blocks[i]
            blocks.append(Block(lines, boxed=True))
            return i + 1
        champ = _CHAMP_RE.match(first)
        if champ:
            blocks.append(Block(lines, 1, f"CHAMP D’ACTION #{champ.group(1)}"))
            return i + 1
        zoom = _ZOOM_RE.match(first)
        if zoom and len(" ".join(lines)) <= MAX_HEADING_CHARS * 2:
            return self._zoom(raw_blocks, i, blocks, zoom.group(1))
        if _PAROLE_RE.match(first) and len(" ".join(lines)) <= MAX_HEADING_CHARS:
            blocks.append(Block(lines, 1, heading_title(lines)))
            return i + 1
        return self._panorama(lines, blocks, i)

    def _zoom(self, raw_blocks: list[list[str]], i: int, blocks: list[Block], rest_of_line: str) -> int:
        """A case study's heading, its title on the same line or in the next paragraph."""
        lines = raw_blocks[i]
        nxt = raw_blocks[i + 1] if i + 1 < len(raw_blocks) else None
        rest = [r for r in ([rest_of_line] + lines[1:] if rest_of_line else lines[1:]) if r]
        if not rest and nxt and (looks_like_heading(nxt) or len(" ".join(nxt)) <= ZOOM_TITLE_MAX_CHARS):
            rest, lines, i = nxt, lines + nxt, i + 1
        blocks.append(Block(lines, 2, f"{ZOOM} " + heading_title(rest) if rest else ZOOM))
        return i + 1

    def _panorama(self, lines: list[str], blocks: list[Block], i: int) -> int | None:
        """A sheet's panorama: the lines before its title (or the heading before it) name the metropolis."""
        at = next((k for k, line in enumerate(lines) if is_panorama_title(line)), None)
        if at is not None and at > 0 and len(" ".join(lines[:at])) <= MAX_HEADING_CHARS:
            blocks.append(Block(lines[:at], 2, heading_title(lines[:at]), parent=FACT_SHEETS))
            blocks.append(Block(lines[at:]))
            return i + 1
        if at == 0 and blocks and looks_like_heading(blocks[-1].lines):
            blocks[-1].heading_level, blocks[-1].title, blocks[-1].parent = 2, heading_title(blocks[-1].lines), FACT_SHEETS
            blocks.append(Block(lines))
            return i + 1
        return None

    def finish(self, blocks: list[Block]) -> None:
        """On a fact-sheet page, the i-th identity box belongs to the i-th metropolis of the page.

        The layout sometimes prints a box before its metropolis' heading, and two metropolises can
        share a page: pairing boxes and sheet headings in order places each box under its own one.
        """
        headings = [b for b in blocks if is_sheet_heading(b)]
        boxes = [b for b in blocks if b.boxed]
        if not headings or len(boxes) != len(headings):
            return
        for box, heading in zip(boxes, headings):
            box.section = SECTION_SEPARATOR.join((FACT_SHEETS, heading.title))


RULES = (ReportHeadings(),)
