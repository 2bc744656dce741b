"""French BM25 over chunks (bm25s), with the analyzers of ingest.french."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import numpy as np

from ingest.french import ANALYZERS, DEFAULT_ANALYZER, content_words, search_terms

BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
ANALYZER_FILE = "analyzer.json"
WORDS_FILE = "words.json"
WORD_VECTORS_FILE = "word_vectors.npy"
TRANSLATION_MIN_COSINE = 0.8  # below this, a corpus word is not taken as a translation
TRANSLATIONS_PER_WORD = 2
TRANSLATIONS_CACHE = 256  # questions whose translations are remembered


def corpus_words(texts: list[str]) -> list[str]:
    """The distinct words of the corpus worth translating into (no numbers, no short words)."""
    return sorted({w for text in texts for w in content_words(text) if len(w) > 2 and not w.isdigit()})


class LexicalIndex:
    """BM25 scores of every chunk for a query, and the corpus words with their embeddings.

    The word embeddings let a question in another language be searched lexically: a
    multilingual model places "procurement" next to "achats", "neighbourhoods" next to "quartiers".
    """

    def __init__(self, bm25, analyzer: str = DEFAULT_ANALYZER, words: list[str] | None = None, word_vectors: np.ndarray | None = None) -> None:
        self.bm25 = bm25
        self.analyzer = analyzer
        self.vocab = bm25.vocab_dict
        self.words = words or []
        self.word_vectors = word_vectors if word_vectors is not None else np.zeros((0, 0), dtype=np.float32)
        self.embedded_words = 0  # words embedded by build() (the others were reused)
        self._translations: dict[tuple, str] = {}  # question -> translations, oldest first
        self._translations_lock = threading.Lock()

    @classmethod
    def build(cls, texts: list[str], analyzer: str = DEFAULT_ANALYZER, embedder=None, reuse: "LexicalIndex | None" = None) -> "LexicalIndex":
        """BM25 over texts; with an embedder, also the corpus words' embeddings (for translations).

        reuse: an index built with the same embedder, whose word embeddings are copied for the words
        it has (only new words are embedded; `embedded_words` says how many were)."""
        import bm25s

        bm25 = bm25s.BM25(**BM25_PARAMS)
        bm25.index([search_terms(t, analyzer) or ["_"] for t in texts], show_progress=False)
        words = corpus_words(texts) if embedder is not None else []
        known = {}
        if reuse is not None and len(reuse.words) == len(reuse.word_vectors):
            known = {word: row for row, word in enumerate(reuse.words)}
        missing = [w for w in words if w not in known]
        vectors = None
        if words and not known:
            vectors = embedder.encode_passages(words, batch_size=256)
        elif words:
            vectors = np.empty((len(words), reuse.word_vectors.shape[1]), dtype=np.float32)
            rows = [i for i, w in enumerate(words) if w in known]
            vectors[rows] = reuse.word_vectors[[known[words[i]] for i in rows]]
            if missing:
                vectors[[i for i, w in enumerate(words) if w not in known]] = embedder.encode_passages(missing, batch_size=256)
        index = cls(bm25, analyzer, words, vectors)
        index.embedded_words = len(missing)
        return index

    def translations(self, question: str, embedder) -> str:
        """Corpus words closest in meaning to the question's words (its words in the corpus' language).

        Remembered for the last TRANSLATIONS_CACHE questions: retrieval and the answerability check
        both ask for the same question's."""
        key = (question, getattr(embedder, "spec", id(embedder)))
        with self._translations_lock:
            cached = self._translations.get(key)
        if cached is not None:
            return cached
        query_words = [w for w in dict.fromkeys(content_words(question)) if len(w) > 2 and not w.isdigit()]
        if not query_words or not self.words:
            return ""
        from .embedding import blas_threads

        vectors = embedder.encode_queries(query_words)
        with blas_threads():
            similarities = vectors @ self.word_vectors.T
        found: list[str] = []
        for word, row in zip(query_words, similarities):
            for i in np.argsort(-row)[:TRANSLATIONS_PER_WORD]:
                if row[i] >= TRANSLATION_MIN_COSINE and self.words[i] != word:
                    found.append(self.words[i])
        result = " ".join(found)
        with self._translations_lock:
            if len(self._translations) >= TRANSLATIONS_CACHE:
                del self._translations[next(iter(self._translations))]  # the oldest
            self._translations[key] = result
        return result

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
        self.bm25.save(str(directory), allow_pickle=False, show_progress=False)
        (Path(directory) / ANALYZER_FILE).write_text(json.dumps({"analyzer": self.analyzer, **BM25_PARAMS}), encoding="utf-8")
        (Path(directory) / WORDS_FILE).write_text(json.dumps(self.words, ensure_ascii=False), encoding="utf-8")
        np.save(Path(directory) / WORD_VECTORS_FILE, np.asarray(self.word_vectors, dtype=np.float32), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        settings = json.loads((Path(directory) / ANALYZER_FILE).read_text(encoding="utf-8"))
        analyzer = settings.get("analyzer", DEFAULT_ANALYZER)
        if analyzer not in ANALYZERS:
            raise ValueError(f"unknown lexical analyzer {analyzer!r} in {directory}: rebuild the index with `ess-qa index`")
        words = json.loads((Path(directory) / WORDS_FILE).read_text(encoding="utf-8"))
        vectors = np.load(Path(directory) / WORD_VECTORS_FILE, allow_pickle=False)
        bm25 = bm25s.BM25.load(str(directory), mmap=False, allow_pickle=False, show_progress=False)
        return cls(bm25, analyzer, words, vectors)
