"""The shared vocabulary of ingestion: a page of a source file, a citation of a page, and a chunk of a page."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SECTION_SEPARATOR = " › "


@dataclass(frozen=True)
class Page:
    """One physical page of a source file (page is 1-based)."""

    source: str
    page: int
    text: str


@dataclass(frozen=True)
class Citation:
    """A page a reader can check: the file, its page (1-based) and the heading path on it ('' for none)."""

    source: str
    page: int
    section: str = ""

    @property
    def label(self) -> str:
        """'metropoles-ess.txt · p. 17 · CHAMP D'ACTION #3 › Zoom sur KaléidosCOOP' ('notes.txt · p. 1' without a section)."""
        parts = [self.source, f"p. {self.page}"]
        if self.section:
            parts.append(self.section)
        return " · ".join(parts)

    def to_dict(self) -> dict:
        """{"source": ..., "page": ..., "section": ...}, for JSON."""
        return asdict(self)


class OnePage:
    """What stands on one page of a file (a class with fields source, page and section): its citation."""

    @property
    def cite(self) -> Citation:
        """Where it stands: the file, page and section."""
        return Citation(self.source, self.page, self.section)

    @property
    def citation(self) -> str:
        """The string a reader checks: file · page · section."""
        return self.cite.label


@dataclass(frozen=True)
class Chunk(OnePage):
    """A passage of one page, with the heading path it sits under. Never crosses a page."""

    id: str
    source: str
    page: int
    section: str
    text: str
