"""The store interface's vocabulary and protocol: what ess_qa asks of an index and what it gets back.

See index.store for the whole story; implementations: index.local.LocalStore."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator, Protocol, Sequence

import numpy as np

from ingest.types import Chunk, Page


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some sources, a page range, or sections containing some text."""

    sources: tuple[str, ...] = ()
    page_min: int | None = None
    page_max: int | None = None
    section: str = ""  # matched without accents or case

    def is_empty(self) -> bool:
        return not self.sources and self.page_min is None and self.page_max is None and not self.section


@dataclass(frozen=True)
class Fusion:
    """How a hybrid search combines its lexical and dense rankings.

    method "score": each score list is scaled to [0, 1] over the allowed chunks (BM25 from 0 to
    its best, cosines from the farthest to the nearest) and summed with these weights; "rrf":
    reciprocal-rank fusion with the same weights."""

    method: str = "score"
    lexical: float = 1.0
    dense: float = 0.2


@dataclass(frozen=True, eq=False)
class HybridQuery:
    """One question as a store searches it."""

    text: str  # matched lexically
    vector: np.ndarray  # its embedding (Store.encode_queries)
    fusion: Fusion = Fusion()
    translated: str = ""  # more words to match lexically (an English question's words in the corpus' language) ...
    translated_weight: float = 0.0  # ... and their weight against the question's own
    filters: Filters | None = None
    count: int = 20  # candidates returned, best fused score first (only those scoring above 0)
    include: tuple[int, ...] = ()  # chunk positions returned as well when the filters allow them


@dataclass(frozen=True)
class Candidate:
    """A chunk found by a hybrid search: its fused score in [0, 1] and its cosine with the question."""

    position: int
    fused: float
    cosine: float


@dataclass(frozen=True, eq=False)
class Unit:
    """An answer unit (sentence, list item, table row) of a chunk, with what scoring needs of it."""

    id: int  # units of a chunk, and of a page, have consecutive ids in reading order
    position: int  # its chunk
    text: str
    vector: np.ndarray
    terms: frozenset[str]  # its search terms (the store's analyzer)
    words: frozenset[str]  # its content words, accents folded
    section_terms: frozenset[str]  # the same two for its chunk's section
    section_words: frozenset[str]
    row_label_terms: frozenset[str] = frozenset()  # a table row's label ('Brest Métropole : ...'), else empty


DOCUMENT_DETAILS = "documents"  # the attachment a build writes: {name: {"title": ..., "date": ...}} of its documents


@dataclass(frozen=True)
class Document:
    """A document of a store: its name, content hash, last page with text, its sections in reading order,
    and its title and date from its metadata ('' when it has none)."""

    name: str
    sha256: str
    last_page: int
    sections: tuple[str, ...] = field(default=())
    title: str = ""
    date: str = ""


class Store(Protocol):
    """What ess_qa needs of an index. Positions name chunks; they are stable while the store is open."""

    location: str  # where it is (a folder, or a URL without its password)
    model: str  # the embedding model's spec
    analyzer: str  # the lexical analyzer's name (ingest.french.ANALYZERS)
    corpus: str  # the file or folder it was built from ("" when unknown)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Embeddings of questions, one row each, with the store's model."""

    def translate(self, text: str) -> str:
        """The corpus words closest in meaning to the text's words (for a question in another language)."""

    def query_terms(self, text: str) -> list[str]:
        """The text's search terms that the corpus holds."""

    def idf(self, terms: list[str]) -> np.ndarray:
        """Inverse document frequency of each term over the chunks (a term the corpus lacks gets the highest)."""

    def search(self, queries: Sequence[HybridQuery]) -> list[list[Candidate]]:
        """For each query, its candidates (see HybridQuery.count and include), best fused score first."""

    def chunk(self, position: int) -> Chunk:
        """The chunk at a position. A document's chunks have consecutive positions, in reading order: the
        chunks next to a chunk's position are its neighbours in its document (or in another one)."""

    def allows(self, position: int, filters: Filters | None) -> bool:
        """Whether the chunk at position passes the filters."""

    def units(self, position: int) -> list[Unit]:
        """The answer units of a chunk, in reading order."""

    def following_units(self, unit: Unit) -> Iterator[Unit]:
        """The units after a unit on the same page of the same document, in reading order."""

    def positions_on_page(self, page: int, source: str | None = None) -> list[int]:
        """Positions of the chunks on a page (of one document, or of any), in reading order."""

    def page_terms(self, source: str, page: int) -> frozenset[str]:
        """Search terms of a page's chunks and their sections."""

    def page_words(self, source: str, page: int) -> frozenset[str]:
        """Content words (accents folded) of a page's chunks and their sections."""

    def known_words(self, words: frozenset[str]) -> frozenset[str]:
        """Those of the content words (accents folded) that some page of the corpus uses."""

    def spelling_suggestions(self, words: list[str]) -> dict[str, str]:
        """For each of these words of which the corpus has no form (word or stem), its word one typo away (ingest.french.typo_variants: 'inserton' -> 'insertion'), the more frequent on a tie, as spelt there; never a name (a word it never writes in lower case) nor a stop word; the words asked only."""

    def name_suggestions(self, words: list[str]) -> dict[str, str]:
        """For each of these capitalised words of which the corpus has no form, the name it writes one typo away
        ('Stasbourg' -> 'strasbourg', lower case; a name: a word it never writes in lower case), the more frequent
        on a tie; the words asked only."""

    def rows_named(self, terms: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
        """(position, label terms) of the table rows whose label's terms are all among terms, by position."""

    def documents(self) -> list[Document]:
        """The documents it holds, by name."""

    def attachment(self, name: str, default=None):
        """A JSON document stored with the index at build time (a profile's data); default when absent."""

    def document_file(self, name: str) -> bytes | None:
        """The original file of a document when the store keeps it (a database does), else None."""

    def generation(self) -> int:
        """A count that changes when a write changes what the store holds (another process indexing into a shared
        database): what was read of its corpus before is then out of date. A store that never changes while open: 0."""


@dataclass(frozen=True)
class NewDocument:
    """A document to write into a store: its name, the sha256 of its bytes, and its chunks (and, for a
    store that keeps them, its title, its pages and its original file)."""

    name: str
    sha256: str
    chunks: tuple[Chunk, ...]
    title: str = ""
    pages: tuple[Page, ...] = ()
    original: bytes | None = None
    date: str = ""  # from its metadata ('2019-07-04')


class StoreWriter(Protocol):
    """Writes a store: each write is atomic (readers see the store before or after it, never half)."""

    def put_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable[[int, int], None] | None = None):
        """Add these documents, keeping every other; text already embedded is not embedded again.
        A local folder names documents by file name (one of the same name is replaced); a database
        by name and content (a file of the same name with other bytes is another document).
        attachments: the store's attachments afterwards (None: keep)."""

    def remove_documents(self, names: Sequence[str], attachments: dict | None = None):
        """Remove the documents of these names (an error names any the store lacks)."""

    def sync_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable[[int, int], None] | None = None):
        """Hold exactly these documents afterwards (a corpus indexed again): new and changed ones are
        written, the others removed, unchanged ones kept as they are."""
