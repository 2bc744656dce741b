"""Writing a PostgreSQL store: documents added, replaced, removed, each write one transaction.

A writer takes the store's advisory lock first (a second `ess-qa index` on the same store waits,
and says so), so writes are serialised; readers see the store before or after a write, never
half of one, and a write that fails or is killed leaves the store as it was. Texts already
embedded by the store's model (any document, any collection) are found by content in
essqa_text_vectors and not embedded again.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from typing import Callable, Sequence

from .embedding import DEFAULT_MODEL, load_embedder
from .embedding_cache import EmbeddingCache, text_key
from .interface import NewDocument
from .lexical import DEFAULT_ANALYZER, corpus_words
from .manifest import Manifest
from .pg_schema import LOCK_KEY, SCHEMA_VERSION, StoreProblem, check_schema, connect, create_schema, ensure_hnsw, next_generation, read_meta, redact, write_meta

DEFAULT_COLLECTION = "default"


class PostgresWriter:
    """Writes one collection of a PostgreSQL store (see index.interface.StoreWriter)."""

    def __init__(
        self, url: str, model: str | None = None, chunking: dict | None = None, collection: str = DEFAULT_COLLECTION, corpus: str = "", derived: Callable | None = None
    ) -> None:
        self.url, self.location = url, redact(url)
        self.model, self.chunking, self.collection, self.corpus = model, chunking or {}, collection or DEFAULT_COLLECTION, corpus
        self.derived = derived  # derived(store) -> attachments computed from the collection once written (a calibration)

    def put_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable | None = None) -> Manifest:
        """Add these documents (a document is its name and its content: a file of the same name and other
        bytes is another document, kept beside the first; sync_documents replaces a corpus's)."""
        return self._write(documents, lambda held: [], attachments, progress)

    def remove_documents(self, names: Sequence[str], attachments: dict | None = None) -> Manifest:
        """Remove every document of these names from the collection."""
        def dropped(held: dict) -> list[int]:
            missing = sorted(set(names) - {name for name, _ in held})
            if missing:
                raise StoreProblem(f"not in the collection {self.collection!r} of {self.location}: {', '.join(missing)}", self.location)
            return [i for (name, _), i in held.items() if name in names]

        return self._write((), dropped, attachments, None)

    def sync_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable | None = None) -> Manifest:
        """The collection holds exactly these documents afterwards."""
        return self._write(documents, lambda held: [i for key, i in held.items() if key not in _keys(documents)], attachments, progress)

    def _write(self, documents: Sequence[NewDocument], dropped: Callable[[dict], list[int]], attachments: dict | None, progress) -> Manifest:
        connection = connect(self.url)
        try:
            with connection.transaction():
                _lock(connection, self.location)
                meta = self._settings(connection)
                _upgrade(connection)
                embedder = load_embedder(meta["model"])
                collection_id = _collection(connection, self.collection)
                held = {(name, sha): i for name, sha, i in connection.execute("select name, sha256, id from essqa_documents where collection_id = %s", (collection_id,))}
                removed = dropped(held)
                _delete(connection, removed)
                new = [d for d in documents if (d.name, d.sha256) not in held]
                cache = EmbeddingCache(embedder)
                embedded = _add(connection, collection_id, new, meta["analyzer"], cache, progress)
                if new or removed:
                    _sum_statistics(connection, collection_id)
                if attachments is not None:
                    _attach(connection, collection_id, attachments)
                if new or removed or attachments is not None:
                    next_generation(connection)  # readers drop what they read before this write when it commits
                chunk_count = connection.execute("select chunks from essqa_stats").fetchone()[0]
                approximate = ensure_hnsw(connection, chunk_count)
                sources = {name: sha for name, sha in connection.execute("select name, sha256 from essqa_documents where collection_id = %s order by name", (collection_id,))}
        finally:
            connection.close()
        if self.derived is not None and (new or removed):
            self._write_derived()
        return Manifest(
            SCHEMA_VERSION, meta["model"], embedder.dimension, meta.get("chunking", {}), sources, chunk_count, time.strftime("%Y-%m-%dT%H:%M:%S%z"), {},
            corpus=self.corpus, vector_index={"type": "hnsw" if approximate else "flat"},
            build={
                "reused_files": sorted(name for name, _ in held if name in sources and name not in {d.name for d in new}),
                "added_files": sorted(d.name for d in new if d.name not in {name for name, _ in held}),
                "changed_files": sorted(d.name for d in new if d.name in {name for name, _ in held}),
                "removed_files": sorted({name for (name, _), i in held.items() if i in removed} - set(sources)),
                "embedded": embedded,
            },
        )

    def _write_derived(self) -> None:
        """The derived attachments of the collection as now written, added in a second transaction
        (until it commits, readers use the defaults those attachments refine)."""
        from .pg_store import PostgresStore

        store = PostgresStore(self.url, (self.collection,))
        try:
            extra = self.derived(store)
        finally:
            store.close()
        connection = connect(self.url)
        try:
            with connection.transaction():
                collection_id = _collection(connection, self.collection)
                for name, value in extra.items():
                    connection.execute(
                        "insert into essqa_attachments (collection_id, name, value) values (%s, %s, %s) "
                        "on conflict (collection_id, name) do update set value = excluded.value",
                        (collection_id, name, json.dumps(value, ensure_ascii=False)),
                    )
                next_generation(connection)
        finally:
            connection.close()

    def _settings(self, connection) -> dict:
        """The store's settings, written on its first write; a write with another model is refused."""
        meta = read_meta(connection)
        if not meta:
            model = self.model or DEFAULT_MODEL
            create_schema(connection, load_embedder(model).dimension)
            meta = {"schema_version": SCHEMA_VERSION, "model": model, "dimension": load_embedder(model).dimension, "analyzer": DEFAULT_ANALYZER, "chunking": self.chunking}
            write_meta(connection, meta)
            return meta
        check_schema(meta, self.location)
        from pgvector.psycopg import register_vector

        register_vector(connection)  # the types exist now (this connection may predate the store's first write)
        if self.model and self.model != meta["model"]:
            raise StoreProblem(f"the store {self.location} holds vectors of the model {meta['model']!r}, not {self.model!r}: index with --model {meta['model']} or into another database", self.location)
        return meta


def _upgrade(connection) -> None:
    """What a store written by an earlier ess-qa lacks, added (each document's statistics, its date)."""
    from .pg_rows import add_document_statistics

    add_document_statistics(connection)
    connection.execute("alter table essqa_documents add column if not exists date text not null default ''")


def _sum_statistics(connection, collection_id: int) -> None:
    from .pg_rows import sum_collection_statistics

    sum_collection_statistics(connection, collection_id)


def _keys(documents: Sequence[NewDocument]) -> set[tuple[str, str]]:
    return {(d.name, d.sha256) for d in documents}


def _lock(connection, location: str) -> None:
    """The store's write lock, held until the transaction ends; says so when another writer has it."""
    if not connection.execute("select pg_try_advisory_xact_lock(%s)", (LOCK_KEY,)).fetchone()[0]:
        print(f"ess-qa: another ess-qa index is writing to {location}; waiting for it to finish ...", file=sys.stderr)
        connection.execute("select pg_advisory_xact_lock(%s)", (LOCK_KEY,))


def _collection(connection, name: str) -> int:
    connection.execute("insert into essqa_collections (name) values (%s) on conflict (name) do nothing", (name,))
    return connection.execute("select id from essqa_collections where name = %s", (name,)).fetchone()[0]


def _delete(connection, document_ids: list[int]) -> None:
    """Remove documents, and their chunks from the terms' document frequencies and the statistics."""
    if not document_ids:
        return
    rows = connection.execute("select term_ids, length from essqa_chunks where document_id = any(%s)", (document_ids,)).fetchall()
    counts = Counter(term for term_ids, _ in rows for term in term_ids)
    if counts:
        connection.execute(
            "update essqa_terms t set df = t.df - x.n from unnest(%s::int[], %s::int[]) as x(id, n) where t.id = x.id", (list(counts), list(counts.values()))
        )
    connection.execute("update essqa_stats set chunks = chunks - %s, total_length = total_length - %s", (len(rows), sum(length for _, length in rows)))
    connection.execute("delete from essqa_documents where id = any(%s)", (document_ids,))


def _attach(connection, collection_id: int, attachments: dict) -> None:
    connection.execute("delete from essqa_attachments where collection_id = %s", (collection_id,))
    for name, value in attachments.items():
        connection.execute("insert into essqa_attachments (collection_id, name, value) values (%s, %s, %s)", (collection_id, name, json.dumps(value, ensure_ascii=False)))


def _add(connection, collection_id: int, documents: Sequence[NewDocument], analyzer: str, cache: EmbeddingCache, progress) -> dict:
    """Write new documents: their rows, their terms and statistics, and the vectors of their texts."""
    from .pg_rows import ChunkRows

    if not documents:
        return {"chunks": 0, "units": 0, "words": 0}
    rows = ChunkRows.of(documents, analyzer)
    embedded = _vectors(connection, cache, rows, progress)
    rows.write(connection, collection_id, cache)
    return embedded


def _vectors(connection, cache: EmbeddingCache, rows, progress) -> dict:
    """The vectors of every text the rows need, from the store by content, else embedded and stored."""
    texts = {"chunks": rows.chunk_texts, "units": [u for units in rows.units for u in units], "words": corpus_words(rows.chunk_texts)}
    keys = list({text_key(t) for group in texts.values() for t in group})
    stored = connection.execute("select hash, vector from essqa_text_vectors where hash = any(%s)", (keys,)).fetchall()
    cache.add_keyed(stored)
    embedded = {}
    for group, group_texts in texts.items():
        _, embedded[group] = cache.vectors(group_texts, progress if group == "chunks" else None)
    rows.words = texts["words"]
    known = {bytes(key) for key, _ in stored}
    fresh = cache.keyed(key for key in keys if key not in known)
    with connection.cursor().copy("copy essqa_text_vectors (hash, vector) from stdin with (format binary)") as copy:
        copy.set_types(["bytea", "vector"])
        for key, vector in fresh:
            copy.write_row([key, vector])
    return embedded
