"""What the assistant returns: passages (search hits) and answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Passage:
    """A passage of the report that matches a question, with a citation a reader can check."""

    text: str
    source: str
    page: int
    section: str
    score: float  # in [0, 1]: the fused rank score relative to the best possible
    citation: str
    chunk_id: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """A question, the passages that answer it, and (when found) a short cited extract."""

    question: str
    passages: list[Passage] = field(default_factory=list)
    snippet: str | None = None
    snippet_citation: str | None = None
    found: bool = True
    notice: str | None = None  # e.g. the question was truncated

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "found": self.found,
            "snippet": self.snippet,
            "snippet_citation": self.snippet_citation,
            "notice": self.notice,
            "passages": [p.to_dict() for p in self.passages],
        }
