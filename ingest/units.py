"""Answer units: the pieces of a chunk a short answer can be (sentences, list items, fact-sheet lines)."""

from __future__ import annotations

from .clean import BULLET
from .french import split_sentences

UNIT_MAX_CHARS = 300  # a list announced by a line ending with ':' keeps its items up to this size
UNIT_MIN_CHARS = 12


def answer_units(text: str) -> list[str]:
    """The units of a chunk's text, in reading order.

    Each line (list item, fact-sheet line) is a unit, long lines are cut into sentences, and a
    line that announces a list (ends with ':') keeps the items that follow within UNIT_MAX_CHARS.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    units: list[str] = []
    for i, line in enumerate(lines):
        if line.endswith(":") and len(line) < UNIT_MAX_CHARS:
            grown = line
            for item in lines[i + 1 :]:
                if len(grown) + 1 + len(item) > UNIT_MAX_CHARS:
                    break
                grown += "\n" + item
            units.append(grown)
            continue
        line = line.lstrip(BULLET + " ").strip()
        units.extend(split_sentences(line) if len(line) > UNIT_MAX_CHARS else [line])
    return [u for u in units if len(u) >= UNIT_MIN_CHARS]
