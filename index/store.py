"""What the layers above use of an index: the loaded index, its build, its manifest and its errors.

The index's jobs each live in their own module: `layout` (format and file names, IndexProblem),
`folder` (staging, atomic swap, recovery after a killed build), `manifest` (what an index holds and
the checks made before reading it), `build` (embedding by content and writing), `local` (an index
loaded from its folder, and its searches). ess_qa imports from here only.
"""

from .build import build_index, index_text
from .layout import IndexProblem
from .local import SearchIndex
from .manifest import Manifest, index_exists, read_manifest, sha256_file

__all__ = ["IndexProblem", "Manifest", "SearchIndex", "build_index", "index_exists", "index_text", "read_manifest", "sha256_file"]
