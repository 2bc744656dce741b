"""The PostgreSQL store's tables, its schema version, its settings, and how to connect.

Everything lives in tables named essqa_*: collections of documents (content hash and name), their
pages and original files, chunks with their vector (pgvector `vector`) and BM25 term weights
(`sparsevec`), answer units, the terms' document frequencies and the corpus statistics (the
store's, and each document's), corpus words with their vectors (for translations) and each
document's, each page's words, an embedding cache by text
content, attachments per collection, and the store's settings (model, dimension, analyzer,
schema version) in essqa_meta. Indexes for the filters; HNSW indexes once the store is large
(below HNSW_THRESHOLD chunks, searches scan exactly).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit, urlunsplit

from .layout import IndexProblem

SCHEMA_VERSION = 1
TERM_DIMENSIONS = 1_000_000_000  # term ids are the sparse vectors' dimensions (pgvector's maximum)
HNSW_THRESHOLD = 50_000  # chunks; the same bound as the local store's exact search (index.build.DEFAULT_EXACT_LIMIT)
# What an HNSW scan of any connection may return: pgvector keeps 40 candidates by default, so a pool query
# (LIMIT index.pg_search.POOL) got 40 rows, not 200, once a store had its HNSW indexes; and rows dropped by
# the filters (other collections, pages, sections) are replaced by the next nearest (iterative scans, pgvector >= 0.8)
HNSW_SEARCH_SETTINGS = (("hnsw.ef_search", "200"), ("hnsw.iterative_scan", "strict_order"))
LOCK_KEY = 0x65737371  # 'essq': the advisory lock every writer takes
DATABASE_SCHEMES = ("postgresql://", "postgres://")

_TABLES = """
create table if not exists essqa_meta (key text primary key, value jsonb not null);
create table if not exists essqa_collections (id serial primary key, name text unique not null);
create table if not exists essqa_documents (
    id bigserial primary key,
    collection_id int not null references essqa_collections on delete cascade,
    name text not null, sha256 text not null, title text not null default '', date text not null default '',
    added timestamptz not null default now(), original bytea,
    unique (collection_id, name, sha256));
create table if not exists essqa_pages (
    document_id bigint not null references essqa_documents on delete cascade,
    page int not null, label text not null default '', text text not null,
    primary key (document_id, page));
create table if not exists essqa_text_vectors (hash bytea primary key, vector vector({dimension}) not null);
create table if not exists essqa_chunks (
    id bigserial primary key,
    document_id bigint not null references essqa_documents on delete cascade,
    chunk_key text not null, page int not null, label text not null default '',
    section text not null, section_key text not null, text text not null,
    length int not null, term_ids int[] not null,
    vector vector({dimension}) not null, terms sparsevec({terms}) not null);
-- vectors kept in the row (pgvector's default moves a 512-d vector out of it, to be fetched apart for every
-- row an exact scan reads); the texts go out of the row instead when it is too long
alter table essqa_chunks alter column vector set storage main, alter column terms set storage main;
create index if not exists essqa_chunks_page on essqa_chunks (document_id, page);
create table if not exists essqa_units (
    id bigserial primary key,
    chunk_id bigint not null references essqa_chunks on delete cascade,
    text text not null, vector_hash bytea not null references essqa_text_vectors,
    terms text[] not null, words text[] not null, section_terms text[] not null,
    section_words text[] not null, row_label_terms text[] not null);
create index if not exists essqa_units_chunk on essqa_units (chunk_id);
create index if not exists essqa_units_rows on essqa_units using gin (row_label_terms) where row_label_terms <> '{{}}';
create table if not exists essqa_terms (id serial primary key, term text unique not null, df int not null default 0);
create table if not exists essqa_stats (id int primary key default 1, chunks bigint not null, total_length bigint not null);
create table if not exists essqa_words (word text primary key, vector vector({dimension}) not null);
create table if not exists essqa_page_words (
    document_id bigint not null references essqa_documents on delete cascade,
    word text not null, primary key (word, document_id));
create table if not exists essqa_attachments (
    collection_id int not null references essqa_collections on delete cascade,
    name text not null, value jsonb not null, primary key (collection_id, name));
"""

# Each document's share of the BM25 statistics and of the translations' words (removed with their
# document), and each collection's statistics summed from its documents' at each write, so that a search
# in some collections uses theirs alone (index.pg_store.PostgresStore.term_stats: a row per collection and
# term, not per document). A store written before them gets them at its next write
# (index.pg_rows.add_document_statistics); essqa_collection_terms is created last.
_DOCUMENT_STATISTICS = """
create table if not exists essqa_document_stats (
    document_id bigint primary key references essqa_documents on delete cascade,
    chunks int not null, total_length bigint not null);
create table if not exists essqa_document_terms (
    document_id bigint not null references essqa_documents on delete cascade,
    term_id int not null, df int not null, primary key (term_id, document_id));
create index if not exists essqa_document_terms_document on essqa_document_terms (document_id);
create table if not exists essqa_document_words (
    document_id bigint not null references essqa_documents on delete cascade,
    word text not null, primary key (word, document_id));
create index if not exists essqa_document_words_document on essqa_document_words (document_id);
create table if not exists essqa_collection_stats (
    collection_id int primary key references essqa_collections on delete cascade,
    chunks bigint not null, total_length bigint not null);
create table if not exists essqa_collection_terms (
    collection_id int not null references essqa_collections on delete cascade,
    term_id int not null, df int not null, primary key (term_id, collection_id));
"""

_HNSW_INDEXES = (
    "create index if not exists essqa_chunks_vector on essqa_chunks using hnsw (vector vector_ip_ops)",
    "create index if not exists essqa_chunks_terms on essqa_chunks using hnsw (terms sparsevec_ip_ops)",
    "create index if not exists essqa_words_vector on essqa_words using hnsw (vector vector_ip_ops)",
)


class StoreProblem(IndexProblem):
    """A database store that cannot be used as asked; the message says what to do."""

    def __init__(self, message: str, location: str) -> None:
        super().__init__(message)
        self.location = location

    def message(self, index_dir=None) -> str:
        """The problem and what to do (no index folder is involved)."""
        return self.problem


def is_database(location: str | None) -> bool:
    """Whether a store location is a PostgreSQL URL (else a local index folder)."""
    return bool(location) and str(location).startswith(DATABASE_SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages, logs and the manifest."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}:***@" if parts.username else ":***@"
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, parts.fragment))


def connect(url: str):
    """A psycopg connection with pgvector's types; StoreProblem (password never shown) when it fails."""
    try:
        import psycopg
        from pgvector.psycopg import register_vector
    except ImportError:
        raise StoreProblem("a PostgreSQL store needs the postgres extra: pip install 'ess-qa[postgres]'", redact(url)) from None
    try:
        connection = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        reason = re.sub(r"password=\S+", "password=***", str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
        raise StoreProblem(f"cannot connect to the store {redact(url)}: {reason}", redact(url)) from None
    try:
        register_vector(connection)
    except psycopg.ProgrammingError:  # the vector extension is not there yet: created by the first write
        pass
    for name, value in HNSW_SEARCH_SETTINGS:
        try:
            connection.execute("select set_config(%s, %s, false)", (name, value))
        except psycopg.Error:  # a pgvector without this setting keeps its default
            pass
    return connection


def create_schema(connection, dimension: int) -> None:
    """The extension and tables, for vectors of this dimension (a new store's first write)."""
    from pgvector.psycopg import register_vector

    connection.execute("create extension if not exists vector")
    register_vector(connection)
    connection.execute(_TABLES.format(dimension=dimension, terms=TERM_DIMENSIONS))
    connection.execute(_DOCUMENT_STATISTICS)
    connection.execute("insert into essqa_stats (id, chunks, total_length) values (1, 0, 0) on conflict do nothing")


def has_document_statistics(connection) -> bool:
    """Whether the store keeps each document's statistics (a store written before them does not, until its next write)."""
    return connection.execute("select to_regclass('essqa_collection_terms') is not null").fetchone()[0]


def create_document_statistics(connection) -> bool:
    """The tables of the documents' statistics, in a store written before them; whether they were missing."""
    if has_document_statistics(connection):
        return False
    connection.execute(_DOCUMENT_STATISTICS)
    return True


def read_meta(connection) -> dict:
    """The store's settings ({} for a database with no store yet)."""
    exists = connection.execute("select to_regclass('essqa_meta') is not null").fetchone()[0]
    if not exists:
        return {}
    return {key: value for key, value in connection.execute("select key, value from essqa_meta")}


def has_document_dates(connection) -> bool:
    """Whether the store's documents have a date column (stores written before it have none until their next write)."""
    sql = "select exists (select 1 from information_schema.columns where table_name = 'essqa_documents' and column_name = 'date')"
    return bool(connection.execute(sql).fetchone()[0])


GENERATION = "generation"  # essqa_meta key: how many writes the store has had (readers drop what a write changed)


def read_generation(connection) -> int:
    """The generation of a store (one that exists: read_meta found it); 0 before a write counted one."""
    row = connection.execute("select value from essqa_meta where key = %s", (GENERATION,)).fetchone()
    return int(row[0]) if row else 0


def next_generation(connection) -> None:
    """Count one more write, in the writer's transaction: readers see it when it commits."""
    connection.execute(
        "insert into essqa_meta (key, value) values (%s, '1') "
        "on conflict (key) do update set value = to_jsonb((essqa_meta.value #>> '{}')::bigint + 1)",
        (GENERATION,),
    )


def write_meta(connection, settings: dict) -> None:
    for key, value in settings.items():
        connection.execute(
            "insert into essqa_meta (key, value) values (%s, %s) on conflict (key) do update set value = excluded.value",
            (key, json.dumps(value)),
        )


def check_schema(meta: dict, location: str) -> None:
    """Refuse a store written by another schema version, with what to do."""
    version = meta.get("schema_version")
    if version is None:
        raise StoreProblem(f"no ess-qa store at {location} yet: index documents into it first with `ess-qa index --store URL`", location)
    if version != SCHEMA_VERSION:
        raise StoreProblem(
            f"the store at {location} has schema version {version}, this ess-qa reads version {SCHEMA_VERSION}: "
            "upgrade ess-qa, or index the documents into a new database",
            location,
        )


def ensure_hnsw(connection, chunk_count: int, threshold: int = HNSW_THRESHOLD) -> bool:
    """HNSW indexes once the store holds more than threshold chunks; whether they are there."""
    if chunk_count <= threshold:
        return False
    for statement in _HNSW_INDEXES:
        connection.execute(statement)
    return True
