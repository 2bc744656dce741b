"""The store interface: the one way the layers above reach an index.

A store holds a corpus's chunks with their vectors, a French lexical index over them, and each
chunk's answer units (sentences, list items, table rows) with their vectors. Everything it
returns is per query or per chunk (candidates, units, the statistics of a question's terms),
never a whole-corpus array, so a database can implement it as well as the local folder
(`index.local.LocalStore`, the default).

The protocol and its values are in `interface`. The local index's jobs each live in their own
module: `layout` (format and file names, IndexProblem), `folder` (staging, atomic swap, recovery
after a killed build), `manifest` (what an index holds and the checks made before reading it),
`build` (embedding by content and writing), `writing` (adding, replacing and removing
documents), `local` (an index loaded from its folder) and
`local_search` (its hybrid search), over `fusion` (how two rankings combine, for any store).
ess_qa imports from this module only.
"""

from __future__ import annotations

from .build import build_index, index_text
from .embedding import DEFAULT_MODEL
from .interface import Candidate, Document, Filters, Fusion, HybridQuery, NewDocument, Store, StoreWriter, Unit
from .layout import IndexProblem
from .manifest import Manifest, index_exists, read_manifest, sha256_file


def open_store(location: str) -> Store:
    """The store at a location: a local index folder (the only kind so far)."""
    from .local import LocalStore

    return LocalStore.load(location)


def read_attachment(location: str, name: str, default=None):
    """An attachment of the store at a location, read without opening the store (for a page built before it loads)."""
    from .local import read_attachment as read_local

    return read_local(location, name, default)


def open_writer(location: str, model: str | None = None, chunking: dict | None = None) -> StoreWriter:
    """A writer of the store at a location (model and chunking: those of a new store; an existing one keeps its own)."""
    from .writing import LocalWriter

    return LocalWriter(location, model, chunking)


__all__ = [
    "DEFAULT_MODEL",
    "Candidate",
    "Document",
    "Filters",
    "Fusion",
    "HybridQuery",
    "IndexProblem",
    "Manifest",
    "NewDocument",
    "Store",
    "StoreWriter",
    "Unit",
    "build_index",
    "index_exists",
    "index_text",
    "open_store",
    "open_writer",
    "read_attachment",
    "read_manifest",
    "sha256_file",
]
