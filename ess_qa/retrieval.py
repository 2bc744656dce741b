"""Hybrid retrieval: fuse the dense (embedding) and lexical (BM25) rankings of chunks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.store import SearchIndex

from .evidence import QuestionProfile, best_unit, profile
from .questions import guess_language

RRF_K = 60  # the usual reciprocal-rank-fusion constant
RERANK_POOL = 20  # chunks reranked by their best answer unit
DENSE_POOL = 200  # on an approximate (HNSW) index: chunks taken from the graph, and from BM25, per question


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

        table = chunk_table(index)
        keep = np.ones(len(index.chunks), dtype=bool)
        if self.sources:
            keep &= np.array([name in self.sources for name in table.sources], dtype=bool)[table.source_ids]
        if self.page_min is not None:
            keep &= table.pages >= self.page_min
        if self.page_max is not None:
            keep &= table.pages <= self.page_max
        wanted_section = fold_accents(self.section).lower().strip()
        if wanted_section:
            keep &= np.array([wanted_section in key for key in table.section_keys], dtype=bool)[table.section_ids]
        return keep


@dataclass(frozen=True)
class ChunkTable:
    """Chunk metadata as arrays, for filtering without a Python loop over chunks (built once per index)."""

    pages: np.ndarray  # page of each chunk
    source_ids: np.ndarray  # index into sources
    sources: list[str]
    section_ids: np.ndarray  # index into section_keys
    section_keys: list[str]  # each distinct section, accents folded, lower case


def chunk_table(index: SearchIndex) -> ChunkTable:
    def build() -> ChunkTable:
        from ingest.french import fold_accents

        sources: dict[str, int] = {}
        sections: dict[str, int] = {}
        source_ids = np.fromiter((sources.setdefault(c.source, len(sources)) for c in index.chunks), dtype=np.int64, count=len(index.chunks))
        section_ids = np.fromiter((sections.setdefault(c.section, len(sections)) for c in index.chunks), dtype=np.int64, count=len(index.chunks))
        pages = np.fromiter((c.page for c in index.chunks), dtype=np.int64, count=len(index.chunks))
        return ChunkTable(pages, source_ids, list(sources), section_ids, [fold_accents(s).lower() for s in sections])

    return index.derived("retrieval.chunk_table", build)


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
    """Cosine similarity of each query with every chunk, shape (queries, chunks): one matrix product."""
    if len(index.chunks) == 0:
        return np.full((len(query_vectors), 0), -1.0, dtype=np.float32)
    return index.cosines(query_vectors)


def dense_scores_pooled(index: SearchIndex, query_vector: np.ndarray, lexical: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Dense scores of one query on an approximate index, shape (chunks,).

    Exact cosines for a candidate pool: the DENSE_POOL nearest allowed chunks found by the HNSW
    graph, the DENSE_POOL best allowed chunks by BM25, and the farthest chunk (the nearest to the
    opposite of the query), whose cosine is the low end of the scale as in an exact search. Every
    other chunk gets the lowest cosine of the graph's nearest chunks, which bounds its own. When
    the graph finds fewer allowed chunks than asked (a narrow filter), all allowed chunks are
    scored exactly.
    """
    n = len(index.chunks)
    count = int(allowed.sum())
    if count == 0:
        return np.full(n, -1.0, dtype=np.float32)
    if count <= DENSE_POOL:
        pool = np.flatnonzero(allowed)
        cosines = index.cosines(query_vector[None, :], pool)[0]
        scores = np.full(n, float(cosines.min()), dtype=np.float32)
    else:
        queries = np.vstack([query_vector, -query_vector])
        _, ids = index.dense_search(queries, DENSE_POOL, None if allowed.all() else allowed)
        nearest, farthest = ids[0][ids[0] >= 0], ids[1][ids[1] >= 0][:1]
        if len(nearest) < DENSE_POOL:  # the graph lost its way among filtered-out chunks
            nearest = np.flatnonzero(allowed)
        lexical_best = np.flatnonzero(allowed & (lexical > 0))
        if len(lexical_best) > DENSE_POOL:
            lexical_best = lexical_best[np.argpartition(-lexical[lexical_best], DENSE_POOL)[:DENSE_POOL]]
        pool = np.union1d(np.union1d(nearest, lexical_best), farthest)
        cosines = index.cosines(query_vector[None, :], pool)[0]
        scores = np.full(n, float(cosines[np.isin(pool, nearest)].min()), dtype=np.float32)
    scores[pool] = cosines
    return scores


def top_positions(scores: np.ndarray, count: int) -> np.ndarray:
    """Positions of the count highest scores, best first, ties in position order.

    The same as np.argsort(-scores, kind="stable")[:count], without sorting every chunk."""
    n = len(scores)
    if count >= n:
        return np.argsort(-scores, kind="stable")
    if count <= 0:
        return np.zeros(0, dtype=np.int64)
    threshold = np.partition(scores, n - count)[n - count]  # the count-th highest score
    candidates = np.flatnonzero(scores >= threshold)  # every tie at the threshold, in position order
    return candidates[np.argsort(-scores[candidates], kind="stable")][:count]


@dataclass(frozen=True)
class Hit:
    """A ranked chunk: position in the index, final score in [0, 1] and cosine with the question."""

    position: int
    score: float
    cosine: float


def rank_chunks(
    index: SearchIndex,
    questions: list[str],
    k: int,
    filters: Filters | None = None,
    weights: FusionWeights | None = None,
    query_vectors: np.ndarray | None = None,
    profiles: list[QuestionProfile] | None = None,
) -> list[list[Hit]]:
    """For each question, the top candidates (about 2k, for de-duplication), best first.

    Chunks are ranked by fused lexical and dense scores; the best RERANK_POOL are then reranked
    by how well their best sentence (or list item, or fact-sheet line) answers the question.
    query_vectors: the questions' embeddings when the caller already has them; profiles: their
    profiles (ess_qa.evidence.profile) likewise.
    """
    weights = weights or FusionWeights()
    allowed = filters.mask(index) if filters and not filters.is_empty() else np.ones(len(index.chunks), dtype=bool)
    if query_vectors is None:
        query_vectors = index.embedder.encode_queries(questions)
    dense = None if index.approximate else dense_scores_all(index, query_vectors)
    results = []
    for row, question in enumerate(questions):
        lexical = lexical_scores(index, question, weights)
        dense_row = dense[row] if dense is not None else dense_scores_pooled(index, query_vectors[row], lexical, allowed)
        fused = fuse(lexical, dense_row, allowed, weights.lexical, weights.dense_for(question), weights.method)
        fused[~allowed] = -1.0
        pool = [int(i) for i in top_positions(fused, max(RERANK_POOL, k * 2)) if fused[i] > 0]
        asked = profiles[row] if profiles is not None else profile(index, question, query_vectors[row])
        pool += [i for i in sorted(asked.named_row_positions) if allowed[i] and i not in pool]  # a table row it names
        hits = []
        for i in pool:
            _, unit_score = best_unit(index, asked, i)
            score = (fused[i] + weights.evidence * unit_score) / (1 + weights.evidence)
            hits.append(Hit(i, float(score), float(dense_row[i])))
        hits.sort(key=lambda h: -h.score)
        results.append(hits[: k * 2])
    return results
