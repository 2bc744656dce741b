"""From passages to an answer: the shortest cited extract that answers, or "the report does not say".

The snippet is the best answer unit (sentence, list item, fact-sheet line) of the top passages,
as scored by ess_qa.evidence, slightly favouring better-ranked passages; a long unit is cut to
its window that holds the question's terms. Whether the report answers at all is decided by
answerability(): out-of-scope questions share few rare terms with the passages found and are
far from them in meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index.store import SearchIndex
from ingest.french import guess_language, proper_names, search_terms

from .evidence import SNIPPET_WEIGHTS, best_unit, coverage, profile
from .retrieval import Hit
from .types import Passage

SNIPPET_TARGET = 300  # characters; longer units are cut to their best window
PASSAGES_SCANNED = 3
RANK_PRIOR = 0.2  # snippet score bonus of the first passage's units, divided by (1 + rank)


@dataclass(frozen=True)
class AnswerSettings:
    """The threshold that decides whether the report answers (calibrated by benchmarks/calibrate_answers.py)."""

    min_answerability: float = 0.56


@dataclass(frozen=True)
class Snippet:
    text: str
    passage: Passage
    score: float


def best_window(unit: str, terms: set[str], analyzer: str, limit: int = SNIPPET_TARGET) -> str:
    """A unit cut to the window of at most `limit` characters that holds most question terms."""
    if len(unit) <= limit:
        return unit
    tokens = list(re.finditer(r"\S+", unit))
    hits = [bool(set(search_terms(m.group(), analyzer)) & terms) for m in tokens]
    best, best_hits = (0, 0), -1
    for start in range(len(tokens)):
        end = start
        while end + 1 < len(tokens) and tokens[end + 1].end() - tokens[start].start() <= limit:
            end += 1
        count = sum(hits[start : end + 1])
        if count > best_hits:
            best, best_hits = (start, end), count
    start, end = best
    text = unit[tokens[start].start() : tokens[end].end()]
    return ("… " if start > 0 else "") + text + (" …" if end < len(tokens) - 1 else "")


def extract_snippet(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit], vector: np.ndarray) -> Snippet | None:
    """The best answer unit of the top passages, cut to the snippet size; None when there is none.

    vector: the question's embedding (the one retrieval used)."""
    if not hits:
        return None
    asked = profile(index, question, vector)
    scored = []
    for rank, (hit, passage) in enumerate(zip(hits[:PASSAGES_SCANNED], passages)):
        unit, score = best_unit(index, asked, hit.position, SNIPPET_WEIGHTS)
        if unit >= 0:
            scored.append((score + RANK_PRIOR / (1 + rank), unit, passage))
    if not scored:
        return None
    score, unit, passage = max(scored, key=lambda item: item[0])
    analyzer = index.lexical.analyzer
    text = best_window(index.units[unit][1], set(asked.terms), analyzer)
    return Snippet(text, passage, score)


def unknown_names(index: SearchIndex, question: str) -> list[str]:
    """Names in a French question that the corpus never mentions (Japon, Québec, ...)."""
    if guess_language(question) != "fr":  # English words are capitalised too ("French", "European")
        return []
    return [name for name in proper_names(question) if not index.lexical.query_terms(name) and search_terms(name, index.lexical.analyzer)]


def answerability(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit]) -> float:
    """How well the best passages answer: share of the question's (idf-weighted) terms they hold,
    plus the best cosine between the question and them. Out-of-scope questions score low on both,
    and a question that names something the report never mentions scores 0."""
    if not passages or unknown_names(index, question):
        return 0.0
    analyzer = index.lexical.analyzer
    searched = question
    if guess_language(question) == "en":  # count the English words' corpus translations as theirs
        searched = f"{question} {index.lexical.translations(question, index.embedder)}"
    terms = search_terms(searched, analyzer)
    best_text_terms: set[str] = set()
    for passage in passages[:PASSAGES_SCANNED]:
        best_text_terms |= set(search_terms(f"{passage.section}\n{passage.text}", analyzer))
    share = coverage(terms, index.lexical.idf(terms), best_text_terms)
    cosine = max((h.cosine for h in hits[:PASSAGES_SCANNED]), default=0.0)
    return share + max(0.0, cosine)


def answer_found(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit], settings: AnswerSettings) -> bool:
    """Whether the report answers the question (see answerability), by a calibrated threshold."""
    return answerability(index, question, passages, hits) >= settings.min_answerability
