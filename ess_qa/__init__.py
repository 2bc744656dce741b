"""ess-qa: cited answers from French reports, with passages, citations and short extracts.

The public names load on first use, so that `ess-qa --help` and argument errors need no numpy.
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    "Answer": ".types",
    "Assistant": ".assistant",
    "BuildReport": ".assistant",
    "Chunk": "ingest.types",
    "EmptyQuestion": ".questions",
    "Filters": ".retrieval",
    "NothingToIndex": ".assistant",
    "Page": "ingest.types",
    "Passage": ".types",
    "build": ".assistant",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'ess_qa' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
