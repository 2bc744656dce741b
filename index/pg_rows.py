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
from .pg_lexical import saturated, sparse
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
        average_length = self._statistics(connection)
        term_ids = self._terms(connection)
        chunk_ids = [row[0] for row in connection.execute("select nextval('essqa_chunks_id_seq') from generate_series(1, %s)", (len(self.chunks),))]
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

    def _document(self, connection, collection_id: int, document: NewDocument) -> int:
        document_id = connection.execute(
            "insert into essqa_documents (collection_id, name, sha256, title, original) values (%s, %s, %s, %s, %s) returning id",
            (collection_id, document.name, document.sha256, document.title, document.original),
        ).fetchone()[0]
        for page in document.pages:
            connection.execute("insert into essqa_pages (document_id, page, label, text) values (%s, %s, %s, %s)", (document_id, page.page, page.label, page.text))
        return document_id

    def _statistics(self, connection) -> float:
        """The chunk count and total length with the new chunks; their average length."""
        chunks, total = connection.execute(
            "update essqa_stats set chunks = chunks + %s, total_length = total_length + %s returning chunks, total_length",
            (len(self.tokens), sum(len(t) for t in self.tokens)),
        ).fetchone()
        return total / chunks if chunks else 0.0

    def _terms(self, connection) -> dict[str, int]:
        """Ids of every term of the new chunks, their document frequencies counted in."""
        df = Counter(term for tokens in self.tokens for term in set(tokens))
        connection.execute("insert into essqa_terms (term) select unnest(%s::text[]) on conflict (term) do nothing", (list(df),))
        connection.execute(
            "update essqa_terms t set df = t.df + x.n from unnest(%s::text[], %s::int[]) as x(term, n) where t.term = x.term",
            (list(df), list(df.values())),
        )
        return dict(connection.execute("select term, id from essqa_terms where term = any(%s)", (list(df),)).fetchall())

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
