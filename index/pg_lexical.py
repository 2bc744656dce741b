"""BM25 in PostgreSQL: each chunk stores its saturated term frequencies as a `sparsevec`, and a
query's vector holds the idf of its terms, so that their inner product is the chunk's BM25 score.

The statistics are those of the collections searched, as a local index of their documents has
its own: the chunk side uses the average length of its collection's chunks at the time it is
written (exact for a collection written at once; documents added later do not rewrite the earlier
rows); idf comes from the document frequencies and chunk counts of the searched collections
(essqa_collection_terms, essqa_collection_stats, the sums of their documents'; PostgresStore.term_stats).
Same formulas as bm25s's "lucene" method with the local store's parameters (index.lexical).
"""

from __future__ import annotations

import math
from collections import Counter

from .lexical import BM25_PARAMS


def saturated(term_counts: Counter, length: int, average_length: float) -> dict[str, float]:
    """A chunk's BM25 term weights without idf: tf / (tf + k1 (1 - b + b len/avg))."""
    k1, b = BM25_PARAMS["k1"], BM25_PARAMS["b"]
    norm = k1 * ((1 - b) + b * length / average_length) if average_length > 0 else k1
    return {term: count / (count + norm) for term, count in term_counts.items()}


def idf(document_frequency: int, chunk_count: int) -> float:
    """BM25 (lucene) inverse document frequency; a term no chunk holds gets the highest."""
    return math.log(1 + (chunk_count - document_frequency + 0.5) / (document_frequency + 0.5))


def sparse(weights: dict[int, float]):
    """A pgvector SparseVector over term ids."""
    from pgvector import SparseVector

    from .pg_schema import TERM_DIMENSIONS

    return SparseVector({term_id: float(weight) for term_id, weight in weights.items() if weight}, TERM_DIMENSIONS)


def as_array(vector) -> "np.ndarray":
    """A vector read from the database (pgvector's Vector, or a numpy array) as float32 numpy."""
    import numpy as np

    return np.asarray(vector.to_numpy() if hasattr(vector, "to_numpy") else vector, dtype=np.float32)
