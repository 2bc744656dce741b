"""The local store's hybrid search: BM25 and cosine scores of every allowed chunk, fused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ingest.french import fold_accents
from ingest.types import Chunk

from .fusion import fuse, top_positions
from .interface import Candidate, Filters, HybridQuery

if TYPE_CHECKING:
    from .local import LocalStore

DENSE_POOL = 200  # on an approximate (HNSW) index: chunks taken from the graph, and from BM25, per question


@dataclass(frozen=True)
class ChunkTable:
    """Chunk metadata as arrays, for filtering without a Python loop over chunks."""

    pages: np.ndarray  # page of each chunk
    source_ids: np.ndarray  # index into sources
    sources: list[str]
    section_ids: np.ndarray  # index into section_keys
    section_keys: list[str]  # each distinct section, accents folded, lower case

    @classmethod
    def of(cls, chunks: list[Chunk]) -> "ChunkTable":
        sources: dict[str, int] = {}
        sections: dict[str, int] = {}
        source_ids = np.fromiter((sources.setdefault(c.source, len(sources)) for c in chunks), dtype=np.int64, count=len(chunks))
        section_ids = np.fromiter((sections.setdefault(c.section, len(sections)) for c in chunks), dtype=np.int64, count=len(chunks))
        pages = np.fromiter((c.page for c in chunks), dtype=np.int64, count=len(chunks))
        return cls(pages, source_ids, list(sources), section_ids, [fold_accents(s).lower() for s in sections])

    def mask(self, filters: Filters | None) -> np.ndarray:
        """Boolean array: which chunks pass the filters."""
        keep = np.ones(len(self.pages), dtype=bool)
        if filters is None or filters.is_empty():
            return keep
        if filters.sources:
            keep &= np.array([name in filters.sources for name in self.sources], dtype=bool)[self.source_ids]
        if filters.page_min is not None:
            keep &= self.pages >= filters.page_min
        if filters.page_max is not None:
            keep &= self.pages <= filters.page_max
        wanted_section = fold_accents(filters.section).lower().strip()
        if wanted_section:
            keep &= np.array([wanted_section in key for key in self.section_keys], dtype=bool)[self.section_ids]
        return keep


def lexical_scores(store: "LocalStore", query: HybridQuery) -> np.ndarray:
    """BM25 scores of every chunk; with translated words, plus (weighted) those of the translations."""
    scores = store.lexical.scores(query.text)
    if not query.translated or query.translated_weight <= 0:
        return scores
    extra = store.lexical.scores(query.translated)
    if extra.max() <= 0:
        return scores
    top = scores.max() if scores.max() > 0 else 1.0
    return scores / top + query.translated_weight * extra / extra.max()


def dense_scores_pooled(store: "LocalStore", query_vector: np.ndarray, lexical: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Dense scores of one query on an approximate index, shape (chunks,).

    Exact cosines for a candidate pool: the DENSE_POOL nearest allowed chunks found by the HNSW
    graph, the DENSE_POOL best allowed chunks by BM25, and the farthest chunk (the nearest to the
    opposite of the query), whose cosine is the low end of the scale as in an exact search. Every
    other chunk gets the lowest cosine of the graph's nearest chunks, which bounds its own. When
    the graph finds fewer allowed chunks than asked (a narrow filter), all allowed chunks are
    scored exactly.
    """
    n = len(store.chunks)
    count = int(allowed.sum())
    if count == 0:
        return np.full(n, -1.0, dtype=np.float32)
    if count <= DENSE_POOL:
        pool = np.flatnonzero(allowed)
        cosines = store.cosines(query_vector[None, :], pool)[0]
        scores = np.full(n, float(cosines.min()), dtype=np.float32)
    else:
        queries = np.vstack([query_vector, -query_vector])
        _, ids = store.dense_search(queries, DENSE_POOL, None if allowed.all() else allowed)
        nearest, farthest = ids[0][ids[0] >= 0], ids[1][ids[1] >= 0][:1]
        if len(nearest) < DENSE_POOL:  # the graph lost its way among filtered-out chunks
            nearest = np.flatnonzero(allowed)
        lexical_best = np.flatnonzero(allowed & (lexical > 0))
        if len(lexical_best) > DENSE_POOL:
            lexical_best = lexical_best[np.argpartition(-lexical[lexical_best], DENSE_POOL)[:DENSE_POOL]]
        pool = np.union1d(np.union1d(nearest, lexical_best), farthest)
        cosines = store.cosines(query_vector[None, :], pool)[0]
        scores = np.full(n, float(cosines[np.isin(pool, nearest)].min()), dtype=np.float32)
    scores[pool] = cosines
    return scores


def exact_dense_scores(store: "LocalStore", queries: Sequence[HybridQuery]) -> np.ndarray | None:
    """Cosine of each query with every chunk, (queries, chunks), in one matrix product; None on an HNSW index."""
    if store.approximate:
        return None
    if len(store.chunks) == 0:
        return np.full((len(queries), 0), -1.0, dtype=np.float32)
    return store.cosines(np.vstack([q.vector for q in queries]))


def search(store: "LocalStore", queries: Sequence[HybridQuery]) -> list[list[Candidate]]:
    """Each query's candidates: the best fused scores above 0, then its included positions."""
    if not queries:
        return []
    exact = exact_dense_scores(store, queries)
    results = []
    for row, query in enumerate(queries):
        allowed = store.mask(query.filters)
        lexical = lexical_scores(store, query)
        dense = exact[row] if exact is not None else dense_scores_pooled(store, query.vector, lexical, allowed)
        fused = fuse(lexical, dense, allowed, query.fusion.lexical, query.fusion.dense, query.fusion.method)
        fused[~allowed] = -1.0
        pool = [int(i) for i in top_positions(fused, query.count) if fused[i] > 0]
        pool += [i for i in sorted(query.include) if allowed[i] and i not in pool]
        results.append([Candidate(i, float(fused[i]), float(dense[i])) for i in pool])
    return results
