"""French BM25 over chunks (bm25s), with the analyzers of ingest.french."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

from ingest.french import ANALYZERS, DEFAULT_ANALYZER, search_terms

BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
ANALYZER_FILE = "analyzer.json"


class LexicalIndex:
    """BM25 scores of every chunk for a query."""

    def __init__(self, bm25, analyzer: str = DEFAULT_ANALYZER) -> None:
        self.bm25 = bm25
        self.analyzer = analyzer
        self.vocab = bm25.vocab_dict

    @classmethod
    def build(cls, texts: list[str], analyzer: str = DEFAULT_ANALYZER) -> "LexicalIndex":
        import bm25s

        bm25 = bm25s.BM25(**BM25_PARAMS)
        bm25.index([search_terms(t, analyzer) or ["_"] for t in texts], show_progress=False)
        return cls(bm25, analyzer)

    def query_terms(self, query: str) -> list[str]:
        """The query's terms that the index knows."""
        return [t for t in search_terms(query, self.analyzer) if t in self.vocab]

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (zeros when no query term is in the index)."""
        terms = self.query_terms(query)
        if not terms:
            return np.zeros(self.bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.bm25.get_scores(terms), dtype=np.float32)

    def idf(self, terms: list[str]) -> np.ndarray:
        """BM25 inverse document frequency of each term; a term the index lacks gets the highest."""
        n = int(self.bm25.scores["num_docs"])
        indptr = self.bm25.scores["indptr"]
        freqs = []
        for term in terms:
            token = self.vocab.get(term)
            freqs.append(0 if token is None else int(indptr[token + 1] - indptr[token]))
        df = np.asarray(freqs, dtype=np.float64)
        return np.log1p((n - df + 0.5) / (df + 0.5))

    def save(self, directory: Path) -> None:
        self.bm25.save(str(directory), show_progress=False)
        (Path(directory) / ANALYZER_FILE).write_text(json.dumps({"analyzer": self.analyzer, **BM25_PARAMS}), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        settings = json.loads((Path(directory) / ANALYZER_FILE).read_text(encoding="utf-8"))
        analyzer = settings.get("analyzer", DEFAULT_ANALYZER)
        if analyzer not in ANALYZERS:
            raise ValueError(f"unknown lexical analyzer {analyzer!r} in {directory}: rebuild the index with `ess-qa index`")
        return cls(bm25s.BM25.load(str(directory), mmap=False, allow_pickle=False, show_progress=False), analyzer)
