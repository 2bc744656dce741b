"""Make a user's question safe to search: control characters out, spacing folded, length bounded.

Any text is either accepted (possibly truncated, with a notice saying so) or refused with
EmptyQuestion and a message a user can act on; the work done is bounded whatever the input's size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUESTION_CHARS = 1000
# Characters looked at before truncating: enough for MAX_QUESTION_CHARS once spacing is folded,
# small enough that a pasted book costs no more than a long question.
_SCAN_CHARS = MAX_QUESTION_CHARS * 8
_SPACE_RE = re.compile(r"\s+")


class EmptyQuestion(ValueError):
    """The question has no words to search for."""


@dataclass(frozen=True)
class PreparedQuestion:
    text: str
    notice: str | None = None


def _clean(text: str) -> str:
    """NFC; control, format, private-use, unassigned and surrogate characters become spaces; spacing folded."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    return _SPACE_RE.sub(" ", text).strip()


def prepare_question(question: str) -> PreparedQuestion:
    """Clean a question; raises EmptyQuestion when nothing searchable is left, truncates long ones."""
    if not isinstance(question, str):
        raise EmptyQuestion(f"a question must be text, not {type(question).__name__}")
    original_length = len(question)
    question = question.strip()  # C speed, whatever the size: blank lines around a pasted question cost nothing
    text = _clean(question[:_SCAN_CHARS])
    dropped = len(question) > _SCAN_CHARS
    if not text:
        if dropped:
            raise EmptyQuestion("the question starts with thousands of invisible characters: type a question about the report")
        raise EmptyQuestion("the question is empty: type a question about the report")
    notice = None
    if len(text) > MAX_QUESTION_CHARS or dropped:
        cut = text[:MAX_QUESTION_CHARS]
        if len(text) > MAX_QUESTION_CHARS and text[MAX_QUESTION_CHARS] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # do not end on half a word
        cut = cut.rstrip()
        notice = f"question truncated to its first {len(cut)} characters (of {original_length}): ask a shorter question for better results"
        text = cut
    if not any(c.isalnum() for c in text):
        raise EmptyQuestion("the question has no words to search for (only symbols, emoji or punctuation): type a question about the report")
    return PreparedQuestion(text, notice)
