"""What the assistant returns: passages (search hits) and answers, with their citations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ingest.types import Citation, OnePage


@dataclass(frozen=True)
class Passage(OnePage):
    """A passage of the report that matches a question, with a citation a reader can check (cite, citation)."""

    text: str
    source: str
    page: int
    section: str
    score: float  # in [0, 1]: the fused rank score relative to the best possible
    chunk_id: str = ""
    label: str = ""  # the page's printed label when the file defines one (cite shows it)
    title: str = ""  # its document's title and date, from the file's metadata (cite shows them)
    date: str = ""

    def to_dict(self) -> dict:
        """The fields, the citation string and the structured citation ("cite"), for JSON."""
        fields = asdict(self)
        for carried in ("label", "title", "date"):  # carried by "cite" (page_label, title, date) when there are
            del fields[carried]
        return {**fields, "citation": self.citation, "cite": self.cite.to_dict()}


@dataclass(frozen=True)
class Answer:
    """A question, the passages that answer it, and (when found) a short extract with the page(s) it cites."""

    question: str
    passages: list[Passage] = field(default_factory=list)
    snippet: str | None = None
    snippet_cites: tuple[Citation, ...] = ()  # several for an answer from the metropolises' table
    found: bool = True
    notice: str | None = None  # e.g. the question was truncated

    @property
    def snippet_citation(self) -> str | None:
        """The snippet's citations as one string ('a.txt · p. 54 · … ; a.txt · p. 56 · …'), None when it cites none."""
        return " ; ".join(cite.label for cite in self.snippet_cites) or None

    def answer_first(self) -> bool:
        """Whether the first passage is the one the extract comes from, put first whatever its score: the others
        follow by score."""
        return bool(self.found and self.snippet and self.passages and self.passages[0].cite in self.snippet_cites)

    def to_dict(self) -> dict:
        """The answer for JSON: snippet_citation (the string) beside snippet_cites (structured)."""
        return {
            "question": self.question,
            "found": self.found,
            "snippet": self.snippet,
            "snippet_citation": self.snippet_citation,
            "snippet_cites": [cite.to_dict() for cite in self.snippet_cites],
            "notice": self.notice,
            # the first passage is the extract's, put first whatever its score: a lower score than the next one's is no fault
            "answer_first": self.answer_first(),
            "passages": [p.to_dict() for p in self.passages],
        }


def does_not_answer(several: bool = False) -> str:
    """How the CLI and the page say that the indexed document, or documents (several), do not answer."""
    return f"{'Les documents ne semblent' if several else 'Le document ne semble'} pas répondre à cette question"
