"""French BM25 over chunks (bm25s), with the tokenisation of ingest.french."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from ingest.french import search_terms

BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}


class LexicalIndex:
    """BM25 scores of every chunk for a query."""

    def __init__(self, bm25) -> None:
        self.bm25 = bm25
        self.vocab = bm25.vocab_dict

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        import bm25s

        bm25 = bm25s.BM25(**BM25_PARAMS)
        bm25.index([search_terms(t) or ["_"] for t in texts], show_progress=False)
        return cls(bm25)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (zeros when no query term is in the index)."""
        terms = [t for t in search_terms(query) if t in self.vocab]
        if not terms:
            return np.zeros(self.bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.bm25.get_scores(terms), dtype=np.float32)

    def save(self, directory: Path) -> None:
        self.bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        return cls(bm25s.BM25.load(str(directory), mmap=False, allow_pickle=False, show_progress=False))
