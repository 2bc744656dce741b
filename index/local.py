"""An index loaded from its folder: chunks, their FAISS vectors, BM25, answer units with their
vectors, the model that embeds queries, and the searches over them.

Loading reads only the files the manifest lists, inside the folder, after checking their sizes
and checksums; only JSON, .npy (never pickled) and FAISS files are read.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from ingest.french import folded_content_words, search_terms
from ingest.types import Chunk
from ingest.units import row_label

from .embedding import Embedder, load_embedder
from .layout import CHUNKS, EXTRAS, HNSW_EF_SEARCH, LEXICAL, UNIT_VECTORS, UNITS, VECTORS, IndexProblem, rebuild_args
from .lexical import LexicalIndex, Vocabulary
from .local_search import ChunkTable
from .manifest import Manifest, read_manifest, verify_files
from .interface import DOCUMENT_DETAILS, Candidate, Document, Filters, HybridQuery, Unit
from .unit_terms import row_label_terms, section_terms_and_words

MASKS_KEPT = 64  # filters whose chunk masks are kept

def stored_vectors(vector_index) -> np.ndarray:
    """The (n, d) float32 vectors held by a flat or HNSW index: a view of FAISS' memory, not a copy.

    Valid as long as vector_index lives."""
    import faiss

    flat = faiss.downcast_index(vector_index.storage) if hasattr(vector_index, "storage") else vector_index
    n, d = int(flat.ntotal), int(flat.d)
    if n == 0:
        return np.zeros((0, d), dtype=np.float32)
    return faiss.rev_swig_ptr(flat.get_xb(), n * d).reshape(n, d)


def _load_units(directory: Path, chunk_count: int, fix: tuple[str, ...]) -> tuple[list[tuple[int, str]], np.ndarray]:
    try:
        with open(directory / UNITS, encoding="utf-8") as handle:
            units = [(int(p), str(t)) for p, t in (json.loads(line) for line in handle if line.strip())]
        vectors = np.load(directory / UNIT_VECTORS, allow_pickle=False)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexProblem(f"damaged index at {directory}: answer units cannot be read ({type(exc).__name__})", directory, fix) from None
    if len(units) != len(vectors) or any(not 0 <= p < chunk_count for p, _ in units):
        raise IndexProblem(f"damaged index at {directory}: answer units do not match the chunks", directory, fix)
    return units, vectors


def _load_chunks(directory: Path, fix: tuple[str, ...] = ()) -> list[Chunk]:
    chunks = []
    with open(directory / CHUNKS, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                chunk = Chunk(**data)
                if not (isinstance(chunk.text, str) and isinstance(chunk.page, int) and isinstance(chunk.source, str)):
                    raise TypeError("bad field types")
            except (ValueError, TypeError):
                raise IndexProblem(f"damaged index at {directory}: {CHUNKS} line {number} is not a chunk", directory, fix) from None
            chunks.append(chunk)
    return chunks


def _ranges_by_chunk(owners: list[int], chunk_count: int) -> list[range]:
    starts = np.searchsorted(np.asarray(owners, dtype=np.int64), np.arange(chunk_count + 1))
    return [range(int(starts[i]), int(starts[i + 1])) for i in range(chunk_count)]



class LocalStore:
    """The local store (see index.store.Store): an index loaded from its folder, with its chunks, their
    FAISS vectors, BM25, answer units with their vectors, and the model that embeds queries.

    What it derives for scoring (units' terms, pages' terms and words, table rows) is computed on
    first use and kept in typed attributes."""

    def __init__(self, directory: Path, manifest: Manifest, chunks: list[Chunk], vectors, lexical: LexicalIndex, embedder: Embedder, units: list[tuple[int, str]], unit_vectors: np.ndarray):
        self.directory = directory
        self.manifest = manifest
        self.chunks = chunks
        self.vectors = vectors  # the FAISS index
        self.vector_matrix = stored_vectors(vectors)  # its (chunks, dimension) vectors, a view of FAISS' memory
        self.approximate = hasattr(vectors, "hnsw")  # HNSW graph (else exact flat search)
        self.lexical = lexical
        self.embedder = embedder
        self.unit_texts = units  # (chunk position, text) in chunk order
        self.unit_vectors = unit_vectors
        self._unit_ranges = _ranges_by_chunk([p for p, _ in units], len(chunks))
        self._units: list[list[Unit] | None] = [None] * len(chunks)
        self._sections: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._page_terms: dict[tuple[str, int], frozenset[str]] = {}
        self._page_words: dict[tuple[str, int], frozenset[str]] = {}
        self._masks: dict[Filters, np.ndarray] = {}
        self._table = ChunkTable.of(chunks)
        self._pages: dict[tuple[str, int], list[int]] = {}
        for position, chunk in enumerate(chunks):
            self._pages.setdefault((chunk.source, chunk.page), []).append(position)

    location = property(lambda self: str(self.directory))
    model = property(lambda self: self.manifest.model)
    analyzer = property(lambda self: self.lexical.analyzer)
    corpus = property(lambda self: self.manifest.corpus)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode_queries(texts)

    def translate(self, text: str) -> str:
        return self.lexical.translations(text, self.embedder)

    def query_terms(self, text: str) -> list[str]:
        return self.lexical.query_terms(text)

    def idf(self, terms: list[str]) -> np.ndarray:
        return self.lexical.idf(terms)

    def search(self, queries: Sequence[HybridQuery]) -> list[list[Candidate]]:
        from .local_search import search

        return search(self, queries)

    def chunk(self, position: int) -> Chunk:
        return self.chunks[position]

    def mask(self, filters: Filters | None) -> np.ndarray:
        """Boolean array over chunks: which pass the filters (kept for the last MASKS_KEPT filters)."""
        if filters is None or filters.is_empty():
            filters = Filters()
        mask = self._masks.get(filters)
        if mask is None:
            if len(self._masks) >= MASKS_KEPT:
                self._masks.pop(next(iter(self._masks)), None)
            mask = self._masks[filters] = self._table.mask(filters)
        return mask

    def allows(self, position: int, filters: Filters | None) -> bool:
        return filters is None or filters.is_empty() or bool(self.mask(filters)[position])

    def units(self, position: int) -> list[Unit]:
        found = self._units[position]
        if found is None:
            found = self._units[position] = [self._unit(i) for i in self._unit_ranges[position]]
        return found

    def _unit(self, unit_id: int) -> Unit:
        position, text = self.unit_texts[unit_id]
        section = self.chunks[position].section
        if section not in self._sections:
            self._sections[section] = section_terms_and_words(section, self.analyzer)
        section_terms, section_words = self._sections[section]
        return Unit(
            unit_id,
            position,
            text,
            self.unit_vectors[unit_id],
            frozenset(search_terms(text, self.analyzer)),
            frozenset(folded_content_words(text)),
            section_terms,
            section_words,
            row_label_terms(text, section_terms, self.analyzer),
        )

    def following_units(self, unit: Unit) -> Iterator[Unit]:
        chunk = self.chunks[unit.position]
        for unit_id in range(unit.id + 1, len(self.unit_texts)):
            position = self.unit_texts[unit_id][0]
            other = self.chunks[position]
            if (other.source, other.page) != (chunk.source, chunk.page):
                return
            yield self.units(position)[unit_id - self._unit_ranges[position].start]

    def positions_on_page(self, page: int, source: str | None = None) -> list[int]:
        if source is not None:
            return list(self._pages.get((source, page), []))
        return sorted(p for (_, number), positions in self._pages.items() if number == page for p in positions)

    def _page_text(self, source: str, page: int) -> str:
        return "\n".join(f"{self.chunks[p].section}\n{self.chunks[p].text}" for p in self._pages.get((source, page), []))

    def page_terms(self, source: str, page: int) -> frozenset[str]:
        key = (source, page)
        if key not in self._page_terms:
            self._page_terms[key] = frozenset(search_terms(self._page_text(source, page), self.analyzer))
        return self._page_terms[key]

    def page_words(self, source: str, page: int) -> frozenset[str]:
        key = (source, page)
        if key not in self._page_words:
            self._page_words[key] = frozenset(folded_content_words(self._page_text(source, page)))
        return self._page_words[key]

    @functools.cached_property
    def _corpus_words(self) -> frozenset[str]:
        return frozenset().union(*(self.page_words(source, page) for source, page in self._pages))

    def known_words(self, words: frozenset[str]) -> frozenset[str]:
        return frozenset(words) & self._corpus_words

    @functools.cached_property
    def _vocabulary(self) -> Vocabulary:
        return Vocabulary.of([f"{chunk.section}\n{chunk.text}" for chunk in self.chunks])

    def spelling_suggestions(self, words: list[str]) -> dict[str, str]:
        return self._vocabulary.suggestions(words)

    def name_suggestions(self, words: list[str]) -> dict[str, str]:
        return self._vocabulary.name_suggestions(words)

    @functools.cached_property
    def _rows(self) -> list[tuple[int, frozenset[str]]]:
        """(position, label terms) of every unit that reads a table row, in unit order."""
        rows = []
        for unit_id, (position, text) in enumerate(self.unit_texts):
            if row_label(text):
                label_terms = self.units(position)[unit_id - self._unit_ranges[position].start].row_label_terms
                if label_terms:
                    rows.append((position, label_terms))
        return rows

    def rows_named(self, terms: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
        return [(position, label) for position, label in self._rows if label <= terms]

    def documents(self) -> list[Document]:
        last_pages: dict[str, int] = {}
        sections: dict[str, dict[str, None]] = {}
        for source, page in sorted(self._pages):
            last_pages[source] = max(last_pages.get(source, 0), page)
            for position in self._pages[(source, page)]:
                if self.chunks[position].section:
                    sections.setdefault(source, {}).setdefault(self.chunks[position].section)
        details = self.attachment(DOCUMENT_DETAILS, None) or {}  # name -> {"title": ..., "date": ...}
        documents = []
        for name, sha in sorted(self.manifest.sources.items()):
            detail = details.get(name, {})
            documents.append(Document(name, sha, last_pages.get(name, 0), tuple(sections.get(name, ())), detail.get("title", ""), detail.get("date", "")))
        return documents

    def document_file(self, name: str) -> bytes | None:
        """None: the original files stay in the corpus folder (the page looks for them there)."""
        return None

    def attachment(self, name: str, default=None):
        """A JSON document stored at build time (see build_index's attachments); default when absent."""
        return _attachment(self.directory, self.manifest, name, default)

    def generation(self) -> int:
        """0: what it holds is read when it is opened; a build swaps in a new folder, which a new store opens (index.folder)."""
        return 0


    @classmethod
    def load(cls, directory: str | Path, embedder: Embedder | None = None) -> "LocalStore":
        """Load and check an index; raises IndexProblem with the fix when it cannot be used.

        Reads only the files the manifest lists, inside directory, after checking their checksums.
        """
        import faiss

        from .embedding import ModelError

        directory = Path(directory)
        manifest = read_manifest(directory)
        verify_files(directory, manifest)
        if embedder is None:
            try:
                embedder = load_embedder(manifest.model)
            except ModelError as exc:
                raise IndexProblem(
                    f"index at {directory} was built with model '{manifest.model}', which cannot be loaded here",
                    directory,
                    manifest.rebuild_args(model=False),
                    action=f"rebuild it with the bundled model (or make '{manifest.model}' available offline)",
                ) from exc
        if embedder.spec != manifest.model or embedder.dimension != manifest.dimension:
            raise IndexProblem(
                f"index at {directory} was built with model '{manifest.model}' ({manifest.dimension}-d), not "
                f"'{embedder.spec}' ({embedder.dimension}-d)",
                directory,
                rebuild_args(manifest.corpus, "") + ("--model", embedder.spec),
            )
        fix = manifest.rebuild_args()
        chunks = _load_chunks(directory, fix)
        try:
            vectors = faiss.read_index(str(directory / VECTORS))
        except Exception as exc:  # faiss raises RuntimeError on a file it cannot parse
            raise IndexProblem(f"damaged index at {directory}: {VECTORS} cannot be read ({type(exc).__name__})", directory, fix) from None
        if len(chunks) != manifest.chunk_count or vectors.ntotal != len(chunks) or (len(chunks) and vectors.d != manifest.dimension):
            raise IndexProblem(f"damaged index at {directory}: chunk and vector counts differ", directory, fix)
        try:
            lexical = LexicalIndex.load(directory / LEXICAL)
        except Exception as exc:  # a bm25s file that passed its checksum but does not parse
            raise IndexProblem(f"damaged index at {directory}: the lexical index cannot be read ({type(exc).__name__})", directory, fix) from None
        units, unit_vectors = _load_units(directory, len(chunks), fix)
        return cls(directory, manifest, chunks, vectors, lexical, embedder, units, unit_vectors)

    def dense_search(self, query_vectors: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the k nearest chunks for each query vector; ids -1 (score -inf) pad missing results.

        allowed (optional boolean array over chunks): only those chunks are returned. On an HNSW
        index, the graph explores max(ef_search, k) candidates."""
        import faiss

        k = min(k, len(self.chunks))
        queries = np.ascontiguousarray(query_vectors, dtype=np.float32)
        if k <= 0:
            return np.zeros((len(queries), 0), dtype=np.float32), np.zeros((len(queries), 0), dtype=np.int64)
        selector, bits = None, None
        if allowed is not None:
            bits = np.packbits(np.asarray(allowed, dtype=bool), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))
        if self.approximate:
            ef_search = int(self.manifest.vector_index.get("ef_search", HNSW_EF_SEARCH))
            params = faiss.SearchParametersHNSW(efSearch=max(ef_search, k), sel=selector)
        else:
            params = faiss.SearchParameters(sel=selector) if selector is not None else None
        from .threads import search_threads

        with search_threads():
            return self.vectors.search(queries, k, params=params)

    def cosines(self, query_vectors: np.ndarray, positions: np.ndarray | None = None) -> np.ndarray:
        """Exact cosine of each query with every chunk (or the chunks at positions): (queries, chunks).

        One matrix product over the stored vectors, with $ESS_QA_THREADS BLAS threads."""
        from .threads import blas_threads

        matrix = self.vector_matrix if positions is None else self.vector_matrix[positions]
        queries = np.asarray(query_vectors, dtype=np.float32)
        with blas_threads():
            return queries @ matrix.T


def _attachment(directory: Path, manifest: Manifest, name: str, default):
    relative = f"{EXTRAS}/{name}.json"
    if relative not in manifest.files:
        return default
    return json.loads((directory / relative).read_text(encoding="utf-8"))


def read_attachment(directory: str | Path, name: str, default=None):
    """An attachment of the index at directory, read without loading the index (its manifest is checked)."""
    directory = Path(directory)
    return _attachment(directory, read_manifest(directory), name, default)
