"""Hybrid retrieval: fuse the dense (embedding) and lexical (BM25) rankings of chunks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.french import guess_language

from index.store import SearchIndex

from .evidence import best_unit, profile

RRF_K = 60  # the usual reciprocal-rank-fusion constant
RERANK_POOL = 20  # chunks reranked by their best answer unit


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
    """How the lexical and dense rankings are combined.

    method "score" (default): each score list is scaled to [0, 1] over the candidate chunks and
    summed with the dense weight for the question's language; the bundled multilingual model is
    a weaker judge than French BM25 on French questions, and the only one for English questions.
    method "rrf": reciprocal-rank fusion with the same weights.
    """

    method: str = "score"
    lexical: float = 1.0
    dense_fr: float = 0.2
    dense_en: float = 1.0

    translations: float = 0.5  # weight of the lexical search for translated words (English questions)
    evidence: float = 0.75  # weight of the best answer unit's score when reranking

    def dense_for(self, question: str) -> float:
        return self.dense_en if guess_language(question) == "en" else self.dense_fr


def ranks_from_scores(scores: np.ndarray, allowed: np.ndarray, positive_only: bool) -> np.ndarray:
    """1-based rank of every chunk by descending score; 0 where the chunk is not ranked."""
    candidates = np.flatnonzero(allowed & (scores > 0)) if positive_only else np.flatnonzero(allowed)
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    ranks = np.zeros(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def _scaled(scores: np.ndarray, allowed: np.ndarray, floor_at_zero: bool) -> np.ndarray:
    """Scores scaled to [0, 1] over the allowed chunks (BM25 keeps 0 as its floor)."""
    out = np.zeros(len(scores), dtype=np.float64)
    if not allowed.any():
        return out
    values = scores[allowed].astype(np.float64)
    low = 0.0 if floor_at_zero else float(values.min())
    span = float(values.max()) - low
    if span > 0:
        out[allowed] = np.clip((values - low) / span, 0.0, 1.0)
    return out


def fuse(lexical_scores: np.ndarray, dense_scores: np.ndarray, allowed: np.ndarray, lexical_weight: float, dense_weight: float, method: str = "score") -> np.ndarray:
    """Fused score of every chunk in [0, 1] (1: best in both rankings)."""
    total = lexical_weight + dense_weight
    if method == "rrf":
        fused = np.zeros(len(lexical_scores), dtype=np.float64)
        for scores, weight, positive_only in ((lexical_scores, lexical_weight, True), (dense_scores, dense_weight, False)):
            ranks = ranks_from_scores(scores, allowed, positive_only)
            ranked = ranks > 0
            fused[ranked] += weight / (RRF_K + ranks[ranked])
        return fused / (total / (RRF_K + 1))
    if method != "score":
        raise ValueError(f"unknown fusion method {method!r}: use 'score' or 'rrf'")
    if not (lexical_scores > 0).any():  # nothing matched lexically: the dense ranking alone
        return _scaled(dense_scores, allowed, False)
    return (lexical_weight * _scaled(lexical_scores, allowed, True) + dense_weight * _scaled(dense_scores, allowed, False)) / total


def lexical_scores(index: SearchIndex, question: str, weights: FusionWeights) -> np.ndarray:
    """BM25 scores; for an English question, plus those of its words translated into the corpus' words."""
    scores = index.lexical.scores(question)
    if guess_language(question) != "en" or weights.translations <= 0:
        return scores
    translated = index.lexical.translations(question, index.embedder)
    extra = index.lexical.scores(translated) if translated else None
    if extra is None or extra.max() <= 0:
        return scores
    top = scores.max() if scores.max() > 0 else 1.0
    return scores / top + weights.translations * extra / extra.max()


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


@dataclass(frozen=True)
class Hit:
    """A ranked chunk: position in the index, final score in [0, 1], cosine with the question,
    and its best answer unit (index into SearchIndex.units, -1 if none) with that unit's score."""

    position: int
    score: float
    cosine: float
    unit: int = -1
    unit_score: float = 0.0


def rank_chunks(index: SearchIndex, questions: list[str], k: int, filters: Filters | None = None, weights: FusionWeights | None = None) -> list[list[Hit]]:
    """For each question, the top candidates (about 2k, for de-duplication), best first.

    Chunks are ranked by fused lexical and dense scores; the best RERANK_POOL are then reranked
    by how well their best sentence (or list item, or fact-sheet line) answers the question.
    """
    weights = weights or FusionWeights()
    allowed = filters.mask(index) if filters and not filters.is_empty() else np.ones(len(index.chunks), dtype=bool)
    query_vectors = index.embedder.encode_queries(questions)
    dense = dense_scores_all(index, query_vectors)
    results = []
    for row, question in enumerate(questions):
        fused = fuse(lexical_scores(index, question, weights), dense[row], allowed, weights.lexical, weights.dense_for(question), weights.method)
        fused[~allowed] = -1.0
        pool = [int(i) for i in np.argsort(-fused, kind="stable")[: max(RERANK_POOL, k * 2)] if fused[i] > 0]
        asked = profile(index, question, query_vectors[row])
        hits = []
        for i in pool:
            unit, unit_score = best_unit(index, asked, i)
            score = (fused[i] + weights.evidence * unit_score) / (1 + weights.evidence)
            hits.append(Hit(i, float(score), float(dense[row, i]), unit, unit_score))
        hits.sort(key=lambda h: -h.score)
        results.append(hits[: k * 2])
    return results
