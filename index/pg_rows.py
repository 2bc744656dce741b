"""The rows new documents add to a PostgreSQL store: documents, pages, chunks with their vectors
and BM25 weights, answer units, terms and statistics, page words, corpus words (pg_writer calls it
inside its transaction, after every vector is in the embedding cache)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ingest.french import fold_accents, folded_content_words, search_terms
from ingest.types import Chunk
from ingest.units import answer_units

from .build import index_text
from .embedding_cache import EmbeddingCache, text_key
from .interface import NewDocument
from .lexical import corpus_words
from .pg_lexical import saturated, sparse
from .pg_schema import create_document_statistics
from .unit_terms import row_label_terms, section_terms_and_words


@dataclass
class ChunkRows:
    """What new documents add, prepared in Python before it is written."""

    documents: Sequence[NewDocument]
    analyzer: str
    chunks: list[Chunk] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)  # index into documents of each chunk
    chunk_texts: list[str] = field(default_factory=list)  # what the retrievers see (section + text)
    tokens: list[list[str]] = field(default_factory=list)  # their BM25 terms
    units: list[list[str]] = field(default_factory=list)  # each chunk's answer units
    words: list[str] = field(default_factory=list)  # corpus words for translations (set by the writer)

    @classmethod
    def of(cls, documents: Sequence[NewDocument], analyzer: str) -> "ChunkRows":
        rows = cls(documents, analyzer)
        for owner, document in enumerate(documents):
            for chunk in document.chunks:
                text = index_text(chunk)
                rows.chunks.append(chunk)
                rows.owners.append(owner)
                rows.chunk_texts.append(text)
                rows.tokens.append(search_terms(text, analyzer) or ["_"])
                rows.units.append(answer_units(chunk.text))
        return rows

    def write(self, connection, collection_id: int, cache: EmbeddingCache) -> None:
        """Insert every row (one transaction is open on connection)."""
        document_ids = [self._document(connection, collection_id, d) for d in self.documents]
        average_length = self._statistics(connection, collection_id, document_ids)
        term_ids = self._terms(connection, document_ids)
        # ascending, so that a chunk's neighbours in its document are the ids next to its own (retrieval.join_neighbours)
        chunk_ids = sorted(row[0] for row in connection.execute("select nextval('essqa_chunks_id_seq') from generate_series(1, %s)", (len(self.chunks),)))
        self._copy_chunks(connection, document_ids, chunk_ids, term_ids, average_length, cache)
        self._copy_units(connection, chunk_ids)
        self._page_words(connection, document_ids)
        vectors = cache.vectors(self.words)[0] if self.words else []
        known = {row[0] for row in connection.execute("select word from essqa_words where word = any(%s)", (self.words,))}
        with connection.cursor().copy("copy essqa_words (word, vector) from stdin with (format binary)") as copy:
            copy.set_types(["text", "vector"])
            for word, vector in zip(self.words, vectors):
                if word not in known:
                    copy.write_row([word, vector])
        texts: dict[int, list[str]] = {}
        for owner, text in zip(self.owners, self.chunk_texts):
            texts.setdefault(document_ids[owner], []).append(text)
        _copy_document_words(connection, texts)

    def _document(self, connection, collection_id: int, document: NewDocument) -> int:
        document_id = connection.execute(
            "insert into essqa_documents (collection_id, name, sha256, title, date, original) values (%s, %s, %s, %s, %s, %s) returning id",
            (collection_id, document.name, document.sha256, document.title, document.date, document.original),
        ).fetchone()[0]
        for page in document.pages:
            connection.execute("insert into essqa_pages (document_id, page, label, text) values (%s, %s, %s, %s)", (document_id, page.page, page.label, page.text))
        return document_id

    def _statistics(self, connection, collection_id: int, document_ids: list[int]) -> float:
        """The chunk count and total length with the new chunks, the store's and each new document's; the
        average length of a chunk of the collection (its documents as this write leaves them)."""
        connection.execute(
            "update essqa_stats set chunks = chunks + %s, total_length = total_length + %s", (len(self.tokens), sum(len(t) for t in self.tokens))
        )
        chunks, lengths = Counter(), Counter()
        for owner, tokens in zip(self.owners, self.tokens):
            chunks[document_ids[owner]] += 1
            lengths[document_ids[owner]] += len(tokens)
        connection.execute(
            "insert into essqa_document_stats (document_id, chunks, total_length) select * from unnest(%s::bigint[], %s::int[], %s::bigint[])",
            (document_ids, [chunks[i] for i in document_ids], [lengths[i] for i in document_ids]),
        )
        sql = "select sum(s.chunks), sum(s.total_length) from essqa_document_stats s join essqa_documents d on d.id = s.document_id where d.collection_id = %s"
        count, total = connection.execute(sql, (collection_id,)).fetchone()
        return float(total) / float(count) if count else 0.0

    def _terms(self, connection, document_ids: list[int]) -> dict[str, int]:
        """Ids of every term of the new chunks, their document frequencies counted in (the store's and each new document's)."""
        by_document = {i: Counter() for i in document_ids}
        for owner, tokens in zip(self.owners, self.tokens):
            by_document[document_ids[owner]].update(set(tokens))
        df = Counter()
        for counts in by_document.values():
            df.update(counts)
        connection.execute("insert into essqa_terms (term) select unnest(%s::text[]) on conflict (term) do nothing", (list(df),))
        connection.execute(
            "update essqa_terms t set df = t.df + x.n from unnest(%s::text[], %s::int[]) as x(term, n) where t.term = x.term",
            (list(df), list(df.values())),
        )
        ids = dict(connection.execute("select term, id from essqa_terms where term = any(%s)", (list(df),)).fetchall())
        with connection.cursor().copy("copy essqa_document_terms (document_id, term_id, df) from stdin with (format binary)") as copy:
            copy.set_types(["int8", "int4", "int4"])
            for document_id, counts in by_document.items():
                for term, count in counts.items():
                    copy.write_row([document_id, ids[term], count])
        return ids

    def _copy_chunks(self, connection, document_ids: list[int], chunk_ids: list[int], term_ids: dict[str, int], average_length: float, cache: EmbeddingCache) -> None:
        vectors, _ = cache.vectors(self.chunk_texts)
        columns = "id, document_id, chunk_key, page, label, section, section_key, text, length, term_ids, vector, terms"
        with connection.cursor().copy(f"copy essqa_chunks ({columns}) from stdin with (format binary)") as copy:
            copy.set_types(["int8", "int8", "text", "int4", "text", "text", "text", "text", "int4", "int4[]", "vector", "sparsevec"])
            for chunk_id, chunk, owner, tokens, vector in zip(chunk_ids, self.chunks, self.owners, self.tokens, vectors):
                weights = saturated(Counter(tokens), len(tokens), average_length)
                ids = sorted({term_ids[t] for t in tokens})
                copy.write_row([
                    chunk_id, document_ids[owner], chunk.id, chunk.page, chunk.label, chunk.section,
                    fold_accents(chunk.section).lower(), chunk.text, len(tokens), ids, vector,
                    sparse({term_ids[t]: w for t, w in weights.items()}),
                ])

    def _copy_units(self, connection, chunk_ids: list[int]) -> None:
        sections: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        columns = "chunk_id, text, vector_hash, terms, words, section_terms, section_words, row_label_terms"
        with connection.cursor().copy(f"copy essqa_units ({columns}) from stdin with (format binary)") as copy:
            copy.set_types(["int8", "text", "bytea", "text[]", "text[]", "text[]", "text[]", "text[]"])
            for chunk_id, chunk, units in zip(chunk_ids, self.chunks, self.units):
                if chunk.section not in sections:
                    sections[chunk.section] = section_terms_and_words(chunk.section, self.analyzer)
                section_terms, section_words = sections[chunk.section]
                for text in units:
                    copy.write_row([
                        chunk_id, text, text_key(text), sorted(set(search_terms(text, self.analyzer))), sorted(folded_content_words(text)),
                        sorted(section_terms), sorted(section_words), sorted(row_label_terms(text, section_terms, self.analyzer)),
                    ])

    def _page_words(self, connection, document_ids: list[int]) -> None:
        """The content words of each page with its sections (Store.known_words), per document."""
        words: dict[int, set[str]] = {}
        for chunk, owner in zip(self.chunks, self.owners):
            words.setdefault(document_ids[owner], set()).update(folded_content_words(f"{chunk.section}\n{chunk.text}"))
        with connection.cursor().copy("copy essqa_page_words (document_id, word) from stdin with (format binary)") as copy:
            copy.set_types(["int8", "text"])
            for document_id, found in words.items():
                for word in sorted(found):
                    copy.write_row([document_id, word])


def _copy_document_words(connection, texts: dict[int, list[str]]) -> None:
    """The words each document gives the translations (index.lexical.corpus_words of its chunks' texts)."""
    with connection.cursor().copy("copy essqa_document_words (document_id, word) from stdin with (format binary)") as copy:
        copy.set_types(["int8", "text"])
        for document_id, document_texts in texts.items():
            for word in corpus_words(document_texts):
                copy.write_row([document_id, word])


def add_document_statistics(connection) -> None:
    """In a store written before the documents' statistics (index.pg_schema), those of the documents it holds,
    from their chunks (inside a write's transaction)."""
    if not create_document_statistics(connection):
        return
    connection.execute("insert into essqa_document_stats select document_id, count(*), sum(length) from essqa_chunks group by document_id")
    connection.execute(
        "insert into essqa_document_terms select c.document_id, t.id, count(*) from essqa_chunks c cross join unnest(c.term_ids) as t(id) group by 1, 2"
    )
    texts: dict[int, list[str]] = {}
    for document_id, section, text in connection.execute("select document_id, section, text from essqa_chunks order by id"):
        texts.setdefault(document_id, []).append(index_text(Chunk("", "", 0, section, text)))
    _copy_document_words(connection, texts)
    for (collection_id,) in connection.execute("select id from essqa_collections").fetchall():
        sum_collection_statistics(connection, collection_id)


def sum_collection_statistics(connection, collection_id: int) -> None:
    """A collection's chunk count, total length and document frequencies: its documents' summed (after a write to it)."""
    params = {"c": collection_id}
    connection.execute("delete from essqa_collection_stats where collection_id = %(c)s", params)
    connection.execute(
        "insert into essqa_collection_stats select %(c)s, coalesce(sum(s.chunks), 0), coalesce(sum(s.total_length), 0) "
        "from essqa_document_stats s join essqa_documents d on d.id = s.document_id where d.collection_id = %(c)s",
        params,
    )
    connection.execute("delete from essqa_collection_terms where collection_id = %(c)s", params)
    connection.execute(
        "insert into essqa_collection_terms select %(c)s, x.term_id, sum(x.df) "
        "from essqa_document_terms x join essqa_documents d on d.id = x.document_id where d.collection_id = %(c)s group by x.term_id",
        params,
    )
