"""Reading JSON-lines files (one JSON value a line, blank lines skipped), in one place."""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")


class JsonLineError(ValueError):
    """A line that is not JSON, or not the record expected: its number (from 1) and the error's name."""

    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"line {number}: {reason}")
        self.number = number
        self.reason = reason


def read_json_lines(lines: Iterable[str], record: Callable[[int, Any], T]) -> list[T]:
    """record(line number, value) of each non-blank line, in order.

    A line that is not JSON, or whose value record() rejects with ValueError, KeyError or
    TypeError, raises JsonLineError."""
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(record(number, json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise JsonLineError(number, exc.__class__.__name__) from None
    return records
