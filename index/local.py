"""An index loaded from its folder: chunks, their FAISS vectors, BM25, answer units with their
vectors, the model that embeds queries, and the searches over them.

Loading reads only the files the manifest lists, inside the folder, after checking their sizes
and checksums; only JSON, .npy (never pickled) and FAISS files are read.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Callable, TypeVar

import numpy as np

from ingest.types import Chunk

from .embedding import Embedder, load_embedder
from .layout import CHUNKS, EXTRAS, HNSW_EF_SEARCH, LEXICAL, UNIT_VECTORS, UNITS, VECTORS, IndexProblem, rebuild_args
from .lexical import LexicalIndex
from .manifest import Manifest, read_manifest, verify_files

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



_T = TypeVar("_T")


class SearchIndex:
    """A loaded index: chunks, their vectors, their BM25 index, and the model that embeds queries."""

    def __init__(self, directory: Path, manifest: Manifest, chunks: list[Chunk], vectors, lexical: LexicalIndex, embedder: Embedder, units: list[tuple[int, str]], unit_vectors: np.ndarray):
        self.directory = directory
        self.manifest = manifest
        self.chunks = chunks
        self.vectors = vectors  # the FAISS index
        self.vector_matrix = stored_vectors(vectors)  # its (chunks, dimension) vectors, a view of FAISS' memory
        self.approximate = hasattr(vectors, "hnsw")  # HNSW graph (else exact flat search)
        self.lexical = lexical
        self.embedder = embedder
        self.units = units  # (chunk position, text) in chunk order
        self.unit_vectors = unit_vectors
        self._unit_ranges = _ranges_by_chunk([p for p, _ in units], len(chunks))
        self._derived: dict[str, object] = {}
        self._derived_lock = threading.Lock()

    def derived(self, name: str, compute: Callable[[], _T]) -> _T:
        """Data derived from this index, computed once on first use and kept with it.

        For the layers above: per-index arrays and caches (chunk metadata for filters, terms of
        answer units) that would otherwise be recomputed at every query."""
        with self._derived_lock:
            if name not in self._derived:
                self._derived[name] = compute()
            return self._derived[name]  # type: ignore[return-value]

    def extra(self, name: str, default=None):
        """A JSON document stored at build time (see build_index's extras); default when absent."""
        path = self.directory / EXTRAS / f"{name}.json"
        if f"{EXTRAS}/{name}.json" not in self.manifest.files:
            return default
        return json.loads(path.read_text(encoding="utf-8"))

    def units_of(self, position: int) -> range:
        """Indexes (into units and unit_vectors) of the answer units of the chunk at position."""
        return self._unit_ranges[position]

    @classmethod
    def load(cls, directory: str | Path, embedder: Embedder | None = None) -> "SearchIndex":
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
