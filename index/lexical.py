"""French BM25 over chunks (bm25s), with the analyzers of ingest.french."""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import numpy as np

from ingest.french import ANALYZERS, DEFAULT_ANALYZER, STOP_WORDS, content_words, fold_accents, inflected_pair, search_terms, stem, typed_stems, typo_variants, written_words

if TYPE_CHECKING:
    from .embedding_cache import EmbeddingCache

BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
ANALYZER_FILE = "analyzer.json"
WORDS_FILE = "words.json"
WORD_VECTORS_FILE = "word_vectors.npy"
TRANSLATION_MIN_COSINE = 0.8  # below this, a corpus word is not taken as a translation
TRANSLATIONS_PER_WORD = 2
TRANSLATIONS_CACHE = 4096  # words whose translations are remembered


def corpus_words(texts: list[str]) -> list[str]:
    """The distinct words of the corpus worth translating into (no numbers, no short words)."""
    return sorted({w for text in texts for w in content_words(text) if len(w) > 2 and not w.isdigit()})


# bm25s writes its eager score matrix as these files; they are read back with numpy alone, so that
# searching needs neither bm25s nor scipy (0.5 s of imports here).
_SCORE_FILES = {"data": "data.csc.index.npy", "indices": "indices.csc.index.npy", "indptr": "indptr.csc.index.npy"}
_VOCAB_FILE = "vocab.index.json"
_PARAMS_FILE = "params.index.json"


@dataclass(frozen=True)
class TermScores:
    """BM25 scores precomputed per (term, chunk), as a compressed sparse matrix by term (CSC).

    The score of a chunk for a query is the sum of its scores for the query's terms (Lucene's BM25:
    a term absent from a chunk adds nothing)."""

    data: np.ndarray  # score of each (term, chunk) pair, grouped by term
    indices: np.ndarray  # chunk of each pair
    indptr: np.ndarray  # term t's pairs are data[indptr[t]:indptr[t + 1]]
    num_docs: int
    vocab: dict[str, int]  # term -> id

    def scores(self, term_ids: list[int]) -> np.ndarray:
        total = np.zeros(self.num_docs, dtype=np.float32)
        for term in term_ids:
            start, end = self.indptr[term], self.indptr[term + 1]
            np.add.at(total, self.indices[start:end], self.data[start:end])
        return total

    def document_frequency(self, term_id: int) -> int:
        return int(self.indptr[term_id + 1] - self.indptr[term_id])

    @classmethod
    def from_bm25s(cls, bm25) -> "TermScores":
        scores = bm25.scores
        return cls(scores["data"], scores["indices"], scores["indptr"], int(scores["num_docs"]), _scored_terms(bm25.vocab_dict, scores["indptr"]))

    @classmethod
    def load(cls, directory: Path) -> "TermScores":
        arrays = {name: np.load(Path(directory) / file, allow_pickle=False) for name, file in _SCORE_FILES.items()}
        vocab = json.loads((Path(directory) / _VOCAB_FILE).read_text(encoding="utf-8"))
        num_docs = int(json.loads((Path(directory) / _PARAMS_FILE).read_text(encoding="utf-8"))["num_docs"])
        if len(arrays["indptr"]) > len(vocab) + 1 or len(arrays["data"]) != len(arrays["indices"]):
            raise ValueError("BM25 arrays do not match the vocabulary")
        return cls(arrays["data"], arrays["indices"], arrays["indptr"], num_docs, _scored_terms(vocab, arrays["indptr"]))


def _scored_terms(vocab: dict[str, int], indptr: np.ndarray) -> dict[str, int]:
    """The vocabulary's terms that have a column (bm25s adds '' as a sentinel without one)."""
    columns = len(indptr) - 1
    return {term: i for term, i in vocab.items() if 0 <= i < columns}


# A web or e-mail address ('toulouse-metropole.fr', 'contact@ville.fr'): names in it are written in lower case.
_ADDRESS_RE = re.compile(r"\S*(?:\w\.\w|@|/)\S*")


@dataclass(frozen=True)
class Vocabulary:
    """A corpus's words (lower case, accents folded), how often and how they are written, their stems and its names, for spelling suggestions."""

    counts: dict[str, int]  # folded word -> occurrences
    spellings: dict[str, str]  # folded word -> its most frequent lower-case spelling ('métropole')
    names: frozenset[str]  # folded words never written in lower case outside addresses ('nantes', 'ess')
    stems: frozenset[str]  # Snowball stems of its words, as written and accents folded

    @classmethod
    def of(cls, texts: Iterable[str]) -> "Vocabulary":
        """The vocabulary of some texts (read once: a stream of them will do)."""
        written = Counter(w for text in texts for w in written_words(_ADDRESS_RE.sub(" ", text)) if not w.isdigit())
        spelt: Counter = Counter()
        counts: Counter = Counter()
        lower_case: set[str] = set()
        for word, count in written.items():
            lower = word.lower()
            folded = fold_accents(lower)
            counts[folded] += count
            spelt[(folded, lower)] += count
            if word[0].islower():
                lower_case.add(folded)
        spellings = {folded: lower for (folded, lower), _ in sorted(spelt.items(), key=lambda item: item[1])}
        stems = frozenset(stem(form) for lower in spellings.values() for form in (lower, fold_accents(lower)))
        return cls(dict(counts), spellings, frozenset(counts.keys() - lower_case), stems)

    def holds_a_form_of(self, word: str) -> bool:
        """Whether the corpus has the word or another form of it (utilise / utiliser: one stem)."""
        return fold_accents(word.lower()) in self.counts or not typed_stems(word).isdisjoint(self.stems)

    def suggestion(self, word: str) -> str | None:
        """The corpus word one typo from a word of which it has no form (the more frequent, then alphabetical first), never a name nor a stop word."""
        if self.holds_a_form_of(word):
            return None
        candidates = [c for c in typo_variants(fold_accents(word.lower())) if c in self.counts and c not in self.names and c not in STOP_WORDS]
        if not candidates or any(inflected_pair(word, c) for c in candidates):  # souscrit is a form of souscrite
            return None
        return self._most_frequent(candidates)

    def name_suggestion(self, word: str) -> str | None:
        """The corpus name one typo from a word of which it has no form ('Stasbourg' -> 'strasbourg'), the more
        frequent then alphabetical first."""
        if self.holds_a_form_of(word):
            return None
        candidates = [c for c in typo_variants(fold_accents(word.lower())) if c in self.names]
        return self._most_frequent(candidates) if candidates else None

    def _most_frequent(self, candidates: list[str]) -> str:
        """The candidate the corpus writes most often (alphabetical first on a tie), as it spells it."""
        return self.spellings[min(candidates, key=lambda c: (-self.counts[c], c))]

    def suggestions(self, words: list[str]) -> dict[str, str]:
        """Each word's suggestion, for the words that have one (Store.spelling_suggestions)."""
        return _each_found(words, self.suggestion)

    def name_suggestions(self, words: list[str]) -> dict[str, str]:
        """Each word's name suggestion, for the words that have one (Store.name_suggestions)."""
        return _each_found(words, self.name_suggestion)


def _each_found(words: list[str], suggest: Callable[[str], str | None]) -> dict[str, str]:
    """Each distinct word with what suggest() finds for it, the words it finds nothing for left out."""
    found = {word: suggest(word) for word in dict.fromkeys(words)}
    return {word: suggestion for word, suggestion in found.items() if suggestion}


class LexicalIndex:
    """BM25 scores of every chunk for a query, and the corpus words with their embeddings.

    The word embeddings let a question in another language be searched lexically: a
    multilingual model places "procurement" next to "achats", "neighbourhoods" next to "quartiers".
    """

    def __init__(self, terms: TermScores, analyzer: str = DEFAULT_ANALYZER, words: list[str] | None = None, word_vectors: np.ndarray | None = None, bm25=None) -> None:
        self.terms = terms
        self._bm25 = bm25  # the bm25s model of a build, which writes the files; None once loaded
        self.analyzer = analyzer
        self.vocab = terms.vocab
        self.words = words or []
        self.word_vectors = word_vectors if word_vectors is not None else np.zeros((0, 0), dtype=np.float32)
        self.embedded_words = 0  # words embedded by build() (the others were reused)
        self._translations: dict[tuple, tuple[str, ...]] = {}  # (word, model) -> translations, oldest first
        self._translations_lock = threading.Lock()

    @classmethod
    def build(cls, texts: list[str], analyzer: str = DEFAULT_ANALYZER, cache: "EmbeddingCache | None" = None) -> "LexicalIndex":
        """BM25 over texts; with an embedding cache, also the corpus words' embeddings (for translations).

        Only words the cache lacks are embedded; `embedded_words` says how many were."""
        import bm25s

        bm25 = bm25s.BM25(**BM25_PARAMS)
        bm25.index([search_terms(t, analyzer) or ["_"] for t in texts], show_progress=False)
        words = corpus_words(texts) if cache is not None else []
        vectors, embedded = cache.vectors(words) if words else (None, 0)
        index = cls(TermScores.from_bm25s(bm25), analyzer, words, vectors, bm25=bm25)
        index.embedded_words = embedded
        return index

    def translations(self, question: str, embedder) -> str:
        """Corpus words closest in meaning to the question's words (its words in the corpus' language).

        Each word's translations are remembered (the last TRANSLATIONS_CACHE words): questions share
        most of their words, and retrieval and the answerability check both ask for the same
        question's, so a new question usually embeds none or one of its words."""
        query_words = [w for w in dict.fromkeys(content_words(question)) if len(w) > 2 and not w.isdigit()]
        if not query_words or not self.words:
            return ""
        spec = getattr(embedder, "spec", id(embedder))
        with self._translations_lock:
            known = {w: self._translations[(w, spec)] for w in query_words if (w, spec) in self._translations}
        missing = [w for w in query_words if w not in known]
        if missing:
            known.update(self._translate_words(missing, embedder))
            with self._translations_lock:
                for word in missing:
                    if len(self._translations) >= TRANSLATIONS_CACHE:
                        del self._translations[next(iter(self._translations))]  # the oldest
                    self._translations[(word, spec)] = known[word]
        return " ".join(t for w in query_words for t in known[w])

    def _translate_words(self, query_words: list[str], embedder) -> dict[str, tuple[str, ...]]:
        """Each word's closest corpus words (at most TRANSLATIONS_PER_WORD, cosine >= TRANSLATION_MIN_COSINE)."""
        from .threads import blas_threads

        vectors = embedder.encode_queries(query_words)
        with blas_threads():
            similarities = vectors @ self.word_vectors.T
        found = {}
        for word, row in zip(query_words, similarities):
            best = np.argsort(-row)[:TRANSLATIONS_PER_WORD]
            found[word] = tuple(self.words[i] for i in best if row[i] >= TRANSLATION_MIN_COSINE and self.words[i] != word)
        return found

    def query_terms(self, query: str) -> list[str]:
        """The query's terms that the index knows."""
        return [t for t in search_terms(query, self.analyzer) if t in self.vocab]

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (zeros when no query term is in the index)."""
        return self.terms.scores([self.vocab[t] for t in self.query_terms(query)])

    def idf(self, terms: list[str]) -> np.ndarray:
        """BM25 inverse document frequency of each term; a term the index lacks gets the highest."""
        n = self.terms.num_docs
        df = np.asarray([0 if term not in self.vocab else self.terms.document_frequency(self.vocab[term]) for term in terms], dtype=np.float64)
        return np.log1p((n - df + 0.5) / (df + 0.5))

    def save(self, directory: Path) -> None:
        """Write a built index (one made by build(), not one loaded)."""
        self._bm25.save(str(directory), allow_pickle=False, show_progress=False)
        (Path(directory) / ANALYZER_FILE).write_text(json.dumps({"analyzer": self.analyzer, **BM25_PARAMS}), encoding="utf-8")
        (Path(directory) / WORDS_FILE).write_text(json.dumps(self.words, ensure_ascii=False), encoding="utf-8")
        np.save(Path(directory) / WORD_VECTORS_FILE, np.asarray(self.word_vectors, dtype=np.float32), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        settings = json.loads((Path(directory) / ANALYZER_FILE).read_text(encoding="utf-8"))
        analyzer = settings.get("analyzer", DEFAULT_ANALYZER)
        if analyzer not in ANALYZERS:
            raise ValueError(f"unknown lexical analyzer {analyzer!r} in {directory}: rebuild the index with `ess-qa index`")
        words = json.loads((Path(directory) / WORDS_FILE).read_text(encoding="utf-8"))
        vectors = np.load(Path(directory) / WORD_VECTORS_FILE, allow_pickle=False)
        return cls(TermScores.load(directory), analyzer, words, vectors)
