"""From passages to an answer: the shortest cited extract that answers, or "the report does not say".

Sentences (and lines of lists and fact sheets) of the best passages are scored against the
question: how much of the question's vocabulary they hold (weighted by rarity), how close they
are in meaning (the embedding model), whether they hold what the question type asks for (a
number, a date, a name, a place), and how well their passage ranked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index.store import SearchIndex
from ingest.french import question_type, search_terms, split_sentences

from .retrieval import Hit
from .types import Passage

SNIPPET_TARGET = 300  # characters; longer units are cut to their best window
SNIPPET_MAX = 400
PASSAGES_SCANNED = 3
MIN_UNIT_CHARS = 12

_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_RE = re.compile(r"\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d")
_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý][a-zà-ÿ]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ]+)+")
_PLACE_RE = re.compile(r"\b(rue|avenue|boulevard|bd|place|quai|allée|cours|esplanade|cedex|bp|cs)\b|\b\d{5}\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnswerSettings:
    """Weights of the sentence score, and the thresholds that decide whether the report answers."""

    lexical: float = 0.45
    context: float = 0.0  # coverage by the unit and its passage's section heading together
    dense: float = 0.35
    type_match: float = 0.2
    rank_prior: float = 0.1
    min_answerability: float = 0.6  # see answerability(); calibrated by benchmarks/calibrate_found.py


@dataclass(frozen=True)
class Snippet:
    text: str
    passage: Passage
    score: float


def candidate_units(text: str) -> list[str]:
    """The pieces of a passage an answer can be: its lines (list items, fact-sheet lines) or sentences."""
    units: list[str] = []
    for line in text.split("\n"):
        line = line.strip().lstrip("• ").strip()
        if not line:
            continue
        units.extend(split_sentences(line) if len(line) > SNIPPET_TARGET else [line])
    return [u for u in units if len(u) >= MIN_UNIT_CHARS]


def type_matches(unit: str, kind: str) -> bool:
    """Whether a unit holds what the question type asks for."""
    if kind == "number":
        return bool(_NUMBER_RE.search(unit))
    if kind == "date":
        return bool(_YEAR_RE.search(unit) or _MONTH_RE.search(unit))
    if kind == "person":
        return bool(_NAME_RE.search(unit))
    if kind == "place":
        return bool(_PLACE_RE.search(unit))
    return False


def _coverage(terms: list[str], weights: np.ndarray, text_terms: set[str]) -> float:
    """Share of the question's term weight that a text holds."""
    total = float(weights.sum())
    if not terms or total <= 0:
        return 0.0
    return float(sum(w for t, w in zip(terms, weights) if t in text_terms) / total)


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


def extract_snippets(index: SearchIndex, questions: list[str], passages: list[list[Passage]], settings: AnswerSettings) -> list[Snippet | None]:
    """The best extract for each question from its top passages (None when there is none)."""
    analyzer = index.lexical.analyzer
    jobs = []  # (question index, passage rank, passage, unit)
    for qi, hits in enumerate(passages):
        for rank, passage in enumerate(hits[:PASSAGES_SCANNED]):
            for unit in candidate_units(passage.text):
                jobs.append((qi, rank, passage, unit))
    if not jobs:
        return [None] * len(questions)
    query_vectors = index.embedder.encode_queries(questions)
    unit_vectors = index.embedder.encode_passages([unit for _, _, _, unit in jobs])
    results: list[Snippet | None] = [None] * len(questions)
    for qi, question in enumerate(questions):
        terms = search_terms(question, analyzer)
        weights = index.lexical.idf(terms)
        kind = question_type(question)
        for job, vector in zip(jobs, unit_vectors):
            if job[0] != qi:
                continue
            _, rank, passage, unit = job
            cosine = float(vector @ query_vectors[qi])
            unit_terms = set(search_terms(unit, analyzer))
            # the section names what a line of a fact sheet or a case study is about
            context_terms = unit_terms | set(search_terms(passage.section, analyzer))
            score = (
                settings.lexical * _coverage(terms, weights, unit_terms)
                + settings.context * _coverage(terms, weights, context_terms)
                + settings.dense * max(0.0, cosine)
                + settings.type_match * type_matches(unit, kind)
                + settings.rank_prior / (1 + rank)
            )
            if results[qi] is None or score > results[qi].score:
                results[qi] = Snippet(best_window(unit, set(terms), analyzer), passage, score)
    return results


def answerability(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit]) -> float:
    """How well the best passages answer: share of the question's (idf-weighted) terms they hold,
    plus the best cosine between the question and them. Out-of-scope questions score low on both."""
    if not passages:
        return 0.0
    analyzer = index.lexical.analyzer
    terms = search_terms(question, analyzer)
    best_text_terms: set[str] = set()
    for passage in passages[:PASSAGES_SCANNED]:
        best_text_terms |= set(search_terms(f"{passage.section}\n{passage.text}", analyzer))
    coverage = _coverage(terms, index.lexical.idf(terms), best_text_terms)
    cosine = max((h.cosine for h in hits[:PASSAGES_SCANNED]), default=0.0)
    return coverage + max(0.0, cosine)


def answer_found(index: SearchIndex, question: str, retrieved: tuple[list[Passage], list[Hit]], settings: AnswerSettings) -> bool:
    """Whether the report answers the question (see answerability), by a threshold calibrated offline."""
    passages, hits = retrieved
    return answerability(index, question, passages, hits) >= settings.min_answerability
