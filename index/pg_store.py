"""The PostgreSQL store (index.interface.Store): a store shared by several processes and users.

Opened on one or several collections (none: all). Chunk positions are the chunks' ids. Each
thread gets its own connection; what it reads once (chunks, units, page terms, translations)
is kept in bounded caches, so a serving process's memory does not grow with the corpus.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Iterator, Sequence

import numpy as np

from ingest.french import folded_content_words, search_terms
from ingest.types import Chunk

from .embedding import Embedder, load_embedder
from .interface import Candidate, Document, Filters, HybridQuery, Unit
from .lexical import TRANSLATION_MIN_COSINE, TRANSLATIONS_PER_WORD
from .pg_lexical import as_array, idf
from .pg_schema import StoreProblem, check_schema, connect, has_document_dates, has_document_statistics, read_generation, read_meta, redact

CACHE_ENTRIES = 4096  # chunks, chunks' units, pages and words remembered per process
FRESHNESS_SECONDS = 1.0  # how long a reader may go on with what it read before a write (see PostgresStore._connection)
VOCABULARY_BATCH = 1000  # texts read at a time for the spelling vocabulary


class _Bounded(OrderedDict):
    """A dict that forgets its oldest entries past CACHE_ENTRIES (safe across threads)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()

    def remember(self, key, value):
        with self._lock:
            self[key] = value
            while len(self) > CACHE_ENTRIES:
                self.popitem(last=False)
        return value


# PostgresStore.term_stats: (chunk count, term, id, document frequency) rows, one row of nulls when no term is known
_SCOPED_TERM_STATS = (
    "select n.chunks, f.term, f.id, f.df from "
    "(select coalesce(sum(chunks), 0) as chunks from essqa_collection_stats where collection_id = any(%(collections)s)) n "
    "left join (select t.term, t.id, sum(x.df) as df from essqa_terms t join essqa_collection_terms x on x.term_id = t.id "
    "where t.term = any(%(terms)s) and x.collection_id = any(%(collections)s) group by t.term, t.id) f on true"
)
_STORE_TERM_STATS = (
    "select n.chunks, f.term, f.id, f.df from (select chunks from essqa_stats) n "
    "left join (select term, id, df from essqa_terms where term = any(%(terms)s) and df > 0) f on true"
)
# PostgresStore.translate: the corpus words nearest a word's vector, among those of the collections' documents
_SCOPED_TRANSLATIONS = (
    "select w.word, -(w.vector <#> %(v)s) from essqa_words w where exists (select 1 from essqa_document_words x "
    "join essqa_documents d on d.id = x.document_id where x.word = w.word and {scope}) order by w.vector <#> %(v)s limit %(limit)s"
)
_STORE_TRANSLATIONS = "select word, -(vector <#> %(v)s) from essqa_words order by vector <#> %(v)s limit %(limit)s"

_CHUNK_COLUMNS = "c.id, d.name, c.page, c.section, c.text, c.label, c.chunk_key, c.section_key"
_FROM_SCOPED = "from essqa_chunks c join essqa_documents d on d.id = c.document_id"


class PostgresStore:
    """Reads a PostgreSQL store; see index.interface.Store for what each method returns."""

    analyzer: str

    def __init__(self, url: str, collections: Sequence[str] = (), embedder: Embedder | None = None) -> None:
        self.url = url
        self.location = redact(url)
        self._local = threading.local()
        meta = read_meta(self._raw_connection())
        check_schema(meta, self.location)
        self.model, self.analyzer, self.dimension = meta["model"], meta["analyzer"], int(meta["dimension"])
        self.corpus = ""
        self.embedder = embedder or load_embedder(self.model)
        self.collections = tuple(collections)
        self._chunks: _Bounded = _Bounded()  # by id: a chunk written again gets a new id, so these never go stale
        self._units: _Bounded = _Bounded()
        self._vocabulary_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._generation, self._checked = read_generation(self._raw_connection()), time.monotonic()
        self._forget_what_writes_change()

    def _forget_what_writes_change(self) -> None:
        """What a write to the store may change, read again when next asked: the collections and
        their statistics (terms' too), page terms, translations, the spelling vocabulary."""
        self._collection_ids = self._find_collections(self.collections)
        self._scoped_statistics = has_document_statistics(self._raw_connection())
        self._dated = has_document_dates(self._raw_connection())  # a store written before documents had a date: none
        self._pages: _Bounded = _Bounded()
        self._page_positions: _Bounded = _Bounded()  # a page's chunks: asked for by several rules of one question
        self._translations: _Bounded = _Bounded()
        self._term_stats: _Bounded = _Bounded()  # a question's terms are looked up several times (terms, idf, BM25 query)
        self._words = None  # the Vocabulary, read on first use

    def _raw_connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = self._local.connection = connect(self.url)
        return connection

    def _connection(self):
        """This thread's connection, the store's freshness checked first (_fresh)."""
        self._fresh()
        return self._raw_connection()

    def _fresh(self) -> None:
        """At most every FRESHNESS_SECONDS, a look at whether the store was written since (its generation,
        one small query); when it was, what the write may have changed is forgotten. Called before
        every read, from the database or from a cache."""
        if time.monotonic() - self._checked < FRESHNESS_SECONDS or not self._refresh_lock.acquire(blocking=False):
            return
        try:
            self._checked = time.monotonic()
            generation = read_generation(self._raw_connection())
            if generation != self._generation:
                self._generation = generation
                self._forget_what_writes_change()
        finally:
            self._refresh_lock.release()

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self._connection().execute(sql, params).fetchall()

    def _find_collections(self, names: Sequence[str]) -> list[int]:
        rows = dict(self._rows("select name, id from essqa_collections"))
        missing = [name for name in names if name not in rows]
        if missing:
            known = ", ".join(sorted(rows)) or "none"
            raise StoreProblem(f"no collection {', '.join(missing)} in the store {self.location} (it holds: {known})", self.location)
        return [rows[name] for name in names] if names else sorted(rows.values())

    def scope_sql(self, alias: str = "d") -> str:
        """SQL that keeps the documents of the store's collections."""
        return f"{alias}.collection_id = any(%(collections)s)"

    # --- the question's terms and words ---------------------------------------------------------

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode_queries(texts)

    def query_terms(self, text: str) -> list[str]:
        terms = search_terms(text, self.analyzer)
        if not terms:
            return []
        known = self.term_stats(terms)[1]
        return [t for t in terms if t in known]

    def term_stats(self, terms: Sequence[str]) -> tuple[int, dict[str, tuple[int, int]]]:
        """The chunk count of the store's collections, and the id and document frequency there of each of
        these terms that some chunk of theirs holds (one query). A store written before the documents'
        statistics (until its next write): the whole store's."""
        key = frozenset(terms)
        self._fresh()
        found = self._term_stats.get(key)
        if found is None:
            sql = _SCOPED_TERM_STATS if self._scoped_statistics else _STORE_TERM_STATS
            rows = self._connection().execute(sql, {"terms": list(key), "collections": self._collection_ids}).fetchall()
            found = self._term_stats.remember(key, (int(rows[0][0]), {term: (term_id, int(df)) for _, term, term_id, df in rows if term is not None}))
        return found

    def idf(self, terms: list[str]) -> np.ndarray:
        if not terms:
            return np.zeros(0, dtype=np.float64)
        n, known = self.term_stats(terms)
        return np.asarray([idf(known[term][1] if term in known else 0, n) for term in terms], dtype=np.float64)

    def translate(self, text: str) -> str:
        from ingest.french import content_words

        words = [w for w in dict.fromkeys(content_words(text)) if len(w) > 2 and not w.isdigit()]
        self._fresh()
        missing = [w for w in words if w not in self._translations]
        if missing:
            sql = _SCOPED_TRANSLATIONS.format(scope=self.scope_sql()) if self._scoped_statistics else _STORE_TRANSLATIONS
            for word, vector in zip(missing, self.embedder.encode_queries(missing)):
                rows = self._connection().execute(sql, {"v": vector, "limit": TRANSLATIONS_PER_WORD, "collections": self._collection_ids}).fetchall()
                self._translations.remember(word, tuple(w for w, cosine in rows if cosine >= TRANSLATION_MIN_COSINE and w != word))
        return " ".join(t for w in words for t in self._translations.get(w, ()))

    # --- search -------------------------------------------------------------------------------

    def search(self, queries: Sequence[HybridQuery]) -> list[list[Candidate]]:
        from .pg_search import search

        return search(self, queries)

    # --- chunks and units ---------------------------------------------------------------------

    def chunk(self, position: int) -> Chunk:
        return self._chunk_row(position)[0]

    def _chunk_row(self, position: int) -> tuple[Chunk, str]:
        """The chunk and its section key (accents folded, lower case)."""
        found = self._chunks.get(position)
        if found is None:
            rows = self._rows(f"select {_CHUNK_COLUMNS} from essqa_chunks c join essqa_documents d on d.id = c.document_id where c.id = %s", (position,))
            if not rows:
                raise StoreProblem(f"chunk {position} is no longer in the store {self.location} (documents were removed meanwhile): ask again", self.location)
            found = self._chunks.remember(position, _chunk_from(rows[0]))
        return found

    def allows(self, position: int, filters: Filters | None) -> bool:
        if filters is None or filters.is_empty():
            return True
        from ingest.french import fold_accents

        chunk, section_key = self._chunk_row(position)
        wanted = fold_accents(filters.section).lower().strip()
        return (
            (not filters.sources or chunk.source in filters.sources)
            and (filters.page_min is None or chunk.page >= filters.page_min)
            and (filters.page_max is None or chunk.page <= filters.page_max)
            and (not wanted or wanted in section_key)
        )

    def units(self, position: int) -> list[Unit]:
        found = self._units.get(position)
        if found is None:
            rows = self._rows(
                "select u.id, u.chunk_id, u.text, v.vector, u.terms, u.words, u.section_terms, u.section_words, u.row_label_terms "
                "from essqa_units u join essqa_text_vectors v on v.hash = u.vector_hash where u.chunk_id = %s order by u.id",
                (position,),
            )
            found = self._units.remember(position, [_unit_from(row) for row in rows])
        return found

    def following_units(self, unit: Unit) -> Iterator[Unit]:
        chunk = self.chunk(unit.position)
        for position in self.positions_on_page(chunk.page, chunk.source):
            if position >= unit.position:
                yield from (u for u in self.units(position) if u.id > unit.id)

    def positions_on_page(self, page: int, source: str | None = None) -> list[int]:
        self._fresh()
        key = (page, source)
        found = self._page_positions.get(key)
        if found is None:
            sql = f"select c.id from essqa_chunks c join essqa_documents d on d.id = c.document_id where c.page = %(page)s and {self.scope_sql()}"
            if source is not None:
                sql += " and d.name = %(source)s"
            params = {"page": page, "source": source, "collections": self._collection_ids}
            found = self._page_positions.remember(key, tuple(row[0] for row in self._connection().execute(sql + " order by c.id", params)))
        return list(found)

    def _page(self, source: str, page: int) -> tuple[frozenset[str], frozenset[str]]:
        self._fresh()
        key = (source, page)
        found = self._pages.get(key)
        if found is None:
            text = "\n".join(f"{c.section}\n{c.text}" for c in (self.chunk(p) for p in self.positions_on_page(page, source)))
            found = self._pages.remember(key, (frozenset(search_terms(text, self.analyzer)), frozenset(folded_content_words(text))))
        return found

    def page_terms(self, source: str, page: int) -> frozenset[str]:
        return self._page(source, page)[0]

    def page_words(self, source: str, page: int) -> frozenset[str]:
        return self._page(source, page)[1]

    def known_words(self, words: frozenset[str]) -> frozenset[str]:
        if not words:
            return frozenset()
        sql = f"select distinct w.word from essqa_page_words w join essqa_documents d on d.id = w.document_id where w.word = any(%(words)s) and {self.scope_sql()}"
        return frozenset(row[0] for row in self._connection().execute(sql, {"words": list(words), "collections": self._collection_ids}))

    def spelling_suggestions(self, words: list[str]) -> dict[str, str]:
        return self._vocabulary().suggestions(words)

    def name_suggestions(self, words: list[str]) -> dict[str, str]:
        return self._vocabulary().name_suggestions(words)

    def _vocabulary(self):
        """The collections' words, read once per process and again after a write (its size grows with the vocabulary, not the chunks)."""
        from .lexical import Vocabulary

        self._fresh()
        with self._vocabulary_lock:
            if self._words is None:
                sql = f"select c.section || E'\\n' || c.text {_FROM_SCOPED} where {self.scope_sql()}"
                # streamed: every text at once would leave the process ~100 MB larger at 50,000 chunks
                rows = self._connection().cursor().stream(sql, {"collections": self._collection_ids}, size=VOCABULARY_BATCH)
                self._words = Vocabulary.of(row[0] for row in rows)
            return self._words

    def rows_named(self, terms: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
        if not terms:
            return []
        sql = (
            "select u.chunk_id, u.row_label_terms from essqa_units u join essqa_chunks c on c.id = u.chunk_id "
            "join essqa_documents d on d.id = c.document_id "
            # '&&' (overlap) lets the GIN index find the rows; '<@' keeps those whose every label term is asked
            f"where u.row_label_terms <> '{{}}' and u.row_label_terms && %(terms)s and u.row_label_terms <@ %(terms)s and {self.scope_sql()} order by u.id"
        )
        rows = self._connection().execute(sql, {"terms": list(terms), "collections": self._collection_ids})
        return [(position, frozenset(label)) for position, label in rows]

    # --- documents and attachments ------------------------------------------------------------

    def documents(self) -> list[Document]:
        sql = (
            "select d.name, d.sha256, coalesce(max(c.page), 0), d.title, " + ("d.date, " if self._dated else "'', ")
            + "array(select section from essqa_chunks s where s.document_id = d.id and s.section <> '' group by section order by min(page), min(id)) "
            f"from essqa_documents d left join essqa_chunks c on c.document_id = d.id where {self.scope_sql()} "
            "group by d.id order by d.name, d.id"
        )
        rows = self._connection().execute(sql, {"collections": self._collection_ids})
        return [Document(name, sha, int(last), tuple(sections), title, date) for name, sha, last, title, date, sections in rows]

    def attachment(self, name: str, default=None):
        rows = self._rows("select collection_id, value from essqa_attachments where name = %s and collection_id = any(%s)", (name, self._collection_ids))
        by_collection = dict(rows)
        return next((by_collection[c] for c in self._collection_ids if c in by_collection), default)

    def document_file(self, name: str) -> bytes | None:
        """The original file of a document of the store's collections (the newest of that name)."""
        sql = f"select original from essqa_documents d where d.name = %(name)s and {self.scope_sql()} order by d.id desc limit 1"
        rows = self._connection().execute(sql, {"name": name, "collections": self._collection_ids}).fetchall()
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def generation(self) -> int:
        """The store's count of writes, as last looked at (at most FRESHNESS_SECONDS ago)."""
        self._fresh()
        return self._generation

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()


def _chunk_from(row: tuple) -> tuple[Chunk, str]:
    position, name, page, section, text, label, key, section_key = row
    return Chunk(key, name, page, section, text, label), section_key


def _unit_from(row: tuple) -> Unit:
    unit_id, position, text, vector, terms, words, section_terms, section_words, label_terms = row
    return Unit(
        unit_id,
        position,
        text,
        as_array(vector),
        frozenset(terms),
        frozenset(words),
        frozenset(section_terms),
        frozenset(section_words),
        frozenset(label_terms),
    )
