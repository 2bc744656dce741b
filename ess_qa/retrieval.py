"""Hybrid retrieval: fuse the dense (embedding) and lexical (BM25) rankings of chunks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.store import SearchIndex

RRF_K = 60  # the usual reciprocal-rank-fusion constant


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some sources, a page range, or sections containing some text."""

    sources: tuple[str, ...] = ()
    page_min: int | None = None
    page_max: int | None = None
    section: str = ""

    def is_empty(self) -> bool:
        return not self.sources and self.page_min is None and self.page_max is None and not self.section

    def mask(self, index: SearchIndex) -> np.ndarray:
        """Boolean array: which chunks pass the filters."""
        from ingest.french import fold_accents

        keep = np.ones(len(index.chunks), dtype=bool)
        wanted_section = fold_accents(self.section).lower().strip()
        for i, chunk in enumerate(index.chunks):
            if self.sources and chunk.source not in self.sources:
                keep[i] = False
            elif self.page_min is not None and chunk.page < self.page_min:
                keep[i] = False
            elif self.page_max is not None and chunk.page > self.page_max:
                keep[i] = False
            elif wanted_section and wanted_section not in fold_accents(chunk.section).lower():
                keep[i] = False
        return keep


@dataclass(frozen=True)
class FusionWeights:
    """Weights of each ranking in the reciprocal-rank fusion."""

    lexical: float = 1.0
    dense: float = 1.0


def ranks_from_scores(scores: np.ndarray, allowed: np.ndarray, positive_only: bool) -> np.ndarray:
    """1-based rank of every chunk by descending score; 0 where the chunk is not ranked."""
    candidates = np.flatnonzero(allowed & (scores > 0)) if positive_only else np.flatnonzero(allowed)
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    ranks = np.zeros(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def fuse(lexical_scores: np.ndarray, dense_scores: np.ndarray, allowed: np.ndarray, weights: FusionWeights) -> np.ndarray:
    """Reciprocal-rank fusion score of every chunk, scaled to [0, 1] (1 = first in both rankings)."""
    fused = np.zeros(len(lexical_scores), dtype=np.float64)
    for scores, weight, positive_only in ((lexical_scores, weights.lexical, True), (dense_scores, weights.dense, False)):
        ranks = ranks_from_scores(scores, allowed, positive_only)
        ranked = ranks > 0
        fused[ranked] += weight / (RRF_K + ranks[ranked])
    best = (weights.lexical + weights.dense) / (RRF_K + 1)
    return fused / best


def dense_scores_all(index: SearchIndex, query_vectors: np.ndarray) -> np.ndarray:
    """Cosine similarity of each query with every chunk, shape (queries, chunks)."""
    n = len(index.chunks)
    scores = np.full((len(query_vectors), n), -1.0, dtype=np.float32)
    if n == 0:
        return scores
    sims, ids = index.dense_search(query_vectors, n)
    for row in range(len(query_vectors)):
        valid = ids[row] >= 0
        scores[row, ids[row][valid]] = sims[row][valid]
    return scores


def rank_chunks(index: SearchIndex, questions: list[str], k: int, filters: Filters | None = None, weights: FusionWeights | None = None) -> list[list[tuple[int, float]]]:
    """For each question, the top k (chunk position, fused score) pairs, best first."""
    weights = weights or FusionWeights()
    allowed = filters.mask(index) if filters and not filters.is_empty() else np.ones(len(index.chunks), dtype=bool)
    dense = dense_scores_all(index, index.embedder.encode_queries(questions))
    results = []
    for row, question in enumerate(questions):
        fused = fuse(index.lexical.scores(question), dense[row], allowed, weights)
        fused[~allowed] = -1.0
        top = np.argsort(-fused, kind="stable")[: k * 2]
        results.append([(int(i), float(fused[i])) for i in top if fused[i] > 0])
    return results
