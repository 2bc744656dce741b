"""ess-qa: cited answers from French reports, with passages, citations and short extracts.

The public names load on first use, so that `ess-qa --help` and argument errors need no numpy.
"""

from .lazy import lazy_names
from .siblings import import_siblings

import_siblings()  # `ingest` and `index` are this project's, whatever folders the working directory holds

_MODULES = {
    ".assistant": ("Assistant", "BuildReport", "NothingToIndex", "build"),
    ".questions": ("EmptyQuestion",),
    ".retrieval": ("Filters",),
    ".types": ("Answer", "Passage"),
    "ingest.types": ("Chunk", "Citation", "Page"),
}

__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
