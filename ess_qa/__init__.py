"""ess-qa: cited answers from French reports, with passages, citations and short extracts.

The public names load on first use, so that `ess-qa --help` and argument errors need no numpy.
"""

from .lazy import lazy_names

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
__getattr__, __dir__ = lazy_names(__name__, _PUBLIC, globals())
