"""The shared vocabulary of ingestion: a page of a source file, and a chunk of a page."""

from __future__ import annotations

from dataclasses import dataclass

SECTION_SEPARATOR = " › "


@dataclass(frozen=True)
class Page:
    """One physical page of a source file (page is 1-based)."""

    source: str
    page: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """A passage of one page, with the heading path it sits under. Never crosses a page."""

    id: str
    source: str
    page: int
    section: str
    text: str

    @property
    def citation(self) -> str:
        """The string a reader checks: file · page · section."""
        return format_citation(self.source, self.page, self.section)


def format_citation(source: str, page: int, section: str) -> str:
    """'metropoles-ess.txt · p. 17 · CHAMP D'ACTION #3 › Zoom sur KaléidosCOOP'."""
    parts = [source, f"p. {page}"]
    if section:
        parts.append(section)
    return " · ".join(parts)
