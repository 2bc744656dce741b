"""The shared vocabulary of ingestion: a page of a source file, a citation of a page, and a chunk of a page."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SECTION_SEPARATOR = " › "


def last_heading(section: str) -> str:
    """The innermost heading of a section path (« Partie 2 › Bibliographie »: « Bibliographie »), stripped."""
    return section.split(SECTION_SEPARATOR)[-1].strip()


@dataclass(frozen=True)
class Page:
    """One physical page of a source file (page is 1-based).

    label: the page's printed label when the PDF defines page labels ("iv", "12"), else "".
    outline: the heading paths of the file's outline entries that point to this page, in outline
    order (each a tuple of titles, outermost first); None when the file has no outline.
    outline_at_top: whether the first of them points to the whole page, not to a place on it: its
    section starts at the top of the page, even where its title is printed after the text (a side
    column that pypdf reads last).
    """

    source: str
    page: int
    text: str
    label: str = ""
    outline: tuple[tuple[str, ...], ...] | None = None
    outline_at_top: bool = False
    chapter: str = ""  # the running header of its chapter that tops it (« Fiche 2 – Transport »), '' for none


@dataclass(frozen=True)
class Citation:
    """A page a reader can check: the file, its physical page (1-based), the heading path on it ('' for
    none) and the page's printed label when the file defines one ('' otherwise)."""

    source: str
    page: int
    section: str = ""
    page_label: str = ""
    title: str = ""  # the document's title, from its metadata ('' when it has none)
    date: str = ""  # the document's date, from its metadata ('2019-07-04'; '' when it has none)

    @property
    def document(self) -> str:
        """The document as a reader names it, its date said to be the file's (a reader took it for what the text
        dates): '« Title », fichier du 2019-07-04', '« Title »', 'fichier du 2019-07-04' or ''."""
        return ", ".join(part for part in (f"« {self.title} »" if self.title else "", f"fichier du {self.date}" if self.date else "") if part)

    @property
    def printed_page(self) -> str:
        """The page as a reader finds it printed: the label when there is one, else the physical number."""
        return self.page_label or str(self.page)

    @property
    def label(self) -> str:
        """'metropoles-ess.txt · p. 17 · CHAMP D'ACTION #3 › Zoom sur KaléidosCOOP' ('notes.txt · p. 1' without a section)."""
        parts = [self.source, f"p. {self.printed_page}"]
        if self.section:
            parts.append(self.section)
        return " · ".join(parts)

    def to_dict(self) -> dict:
        """{"source": ..., "page": ..., "section": ...} (and "page_label", "title", "date" when there are), for JSON."""
        data = asdict(self)
        for optional in ("page_label", "title", "date"):
            if not data[optional]:
                del data[optional]
        return data


class OnePage:
    """What stands on one page of a file (a class with fields source, page, section and, optionally,
    label, title and date): its citation."""

    @property
    def cite(self) -> Citation:
        """Where it stands: the file, page, section and printed page label (when it differs from the page)."""
        return Citation(
            self.source, self.page, self.section, _differing_label(getattr(self, "label", ""), self.page), getattr(self, "title", ""), getattr(self, "date", "")
        )

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
    label: str = ""  # the page's printed label when the file defines one


def _differing_label(label: str, page: int) -> str:
    """A printed page label worth showing: not empty and not the physical page number itself."""
    return label if label and label != str(page) else ""
