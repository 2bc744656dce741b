"""Fusing a lexical and a dense ranking of chunks: numpy functions over score arrays, for any store."""

from __future__ import annotations

import numpy as np

RRF_K = 60  # the usual reciprocal-rank-fusion constant


def ranks_from_scores(scores: np.ndarray, allowed: np.ndarray, positive_only: bool) -> np.ndarray:
    """1-based rank of every chunk by descending score; 0 where the chunk is not ranked."""
    candidates = np.flatnonzero(allowed & (scores > 0)) if positive_only else np.flatnonzero(allowed)
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    ranks = np.zeros(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def scaled(scores: np.ndarray, allowed: np.ndarray, floor_at_zero: bool) -> np.ndarray:
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
        return scaled(dense_scores, allowed, False)
    return (lexical_weight * scaled(lexical_scores, allowed, True) + dense_weight * scaled(dense_scores, allowed, False)) / total


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
