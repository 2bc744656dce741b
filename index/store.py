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

from pathlib import Path
from typing import Callable, Sequence

from .build import build_index, index_text
from .embedding import DEFAULT_MODEL
from .interface import DOCUMENT_DETAILS, Candidate, Document, Filters, Fusion, HybridQuery, NewDocument, Store, StoreWriter, Unit
from .layout import IndexProblem
from .manifest import Manifest, index_exists, read_manifest, sha256_file
from .pg_schema import StoreProblem, is_database, redact


def open_store(location: str, collections: Sequence[str] = ()) -> Store:
    """The store at a location: a PostgreSQL URL (postgresql://..., scoped to some collections, or all),
    else a local index folder."""
    if is_database(location):
        from .pg_store import PostgresStore

        return PostgresStore(location, collections)
    from .local import LocalStore

    return LocalStore.load(location)


def read_attachment(location: str, name: str, default=None):
    """An attachment of the store at a location, read without opening the store (for a page built before it loads)."""
    if is_database(location):
        return default  # the page's texts come once the store is open
    from .local import read_attachment as read_local

    return read_local(location, name, default)


def store_exists(location: str) -> bool:
    """Whether a store is there: an index folder with its manifest, or a database with ess-qa's tables."""
    if not is_database(location):
        return index_exists(location)
    from .pg_schema import connect, read_meta

    connection = connect(location)
    try:
        return bool(read_meta(connection))
    finally:
        connection.close()


def open_writer(
    location: str, model: str | None = None, chunking: dict | None = None, *, collection: str = "", corpus: str | Path | None = None, exact_limit: int | None = None, reuse: bool = True,
    derived: Callable[[Store], dict] | None = None,
) -> StoreWriter:
    """A writer of the store at a location (model and chunking: those of a new store; an existing one keeps
    its own). collection: the collection a database store writes (default "default"). derived(store):
    attachments computed from each new index (see build_index), or from a database store's collection once written."""
    if is_database(location):
        from .pg_writer import PostgresWriter

        return PostgresWriter(location, model, chunking, collection, str(Path(corpus).resolve()) if corpus else "", derived)
    from .writing import LocalWriter

    return LocalWriter(location, model, chunking, exact_limit, corpus, reuse, derived)


__all__ = [
    "DEFAULT_MODEL",
    "DOCUMENT_DETAILS",
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
    "redact",
    "store_exists",
    "StoreProblem",
    "is_database",
    "read_manifest",
    "sha256_file",
]
