"""Make a user's question safe to search: control characters out, spacing folded, length bounded."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUESTION_CHARS = 1000


class EmptyQuestion(ValueError):
    """The question has no words to search for."""


@dataclass(frozen=True)
class PreparedQuestion:
    text: str
    notice: str | None = None


def prepare_question(question: str) -> PreparedQuestion:
    """Clean a question; raises EmptyQuestion when nothing searchable is left, truncates long ones."""
    if not isinstance(question, str):
        raise EmptyQuestion(f"a question must be text, not {type(question).__name__}")
    text = unicodedata.normalize("NFC", question)
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not any(c.isalnum() for c in text):
        raise EmptyQuestion("the question is empty: type a question about the report")
    notice = None
    if len(text) > MAX_QUESTION_CHARS:
        cut = text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS]
        notice = f"question truncated to its first {len(cut)} characters (of {len(text)})"
        text = cut
    return PreparedQuestion(text, notice)
