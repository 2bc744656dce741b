"""From passages to an answer: the shortest cited extract that answers, or "the report does not say".

The snippet is the best answer unit (sentence, list item, fact-sheet line) of the top passages,
as scored by ess_qa.evidence, slightly favouring better-ranked passages; a long unit is cut to
its window that holds the question's terms. Whether the report answers at all is decided by
answerability(): out-of-scope questions share few rare terms with the passages found and are
far from them in meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from index.store import Store, Unit
from ingest.clean import BULLET
from ingest.french import folded_content_words, search_terms
from ingest.units import row_label

from .config import DEFAULT_K
from .evidence import (
    FEATURES,
    SNIPPET_WEIGHTS,
    QuestionProfile,
    best_unit,
    coverage,
    searched_text,
    type_matches,
    unit_features,
)
from .questions import guess_language, proper_names
from .retrieval import Hit
from .shortening import shorten
from .types import Passage

SNIPPET_TARGET = 300  # characters; longer units are cut to their best window
PASSAGES_SCANNED = 3  # passages whose units may give the snippet ...
PASSAGES_SEARCHED = DEFAULT_K  # ... the first ones about what the question names, among this many
STRICT_TYPES = ("number", "date")  # question types whose answer must hold one
RANK_PRIOR = 0.2  # snippet score bonus of the first passage's units, divided by (1 + rank)
LEAD_IN_KEPT = 160  # characters of a long lead-in shown before its list ...
ITEM_KEPT = 80  # ... and of each item of the list
ECHO_NEW_SHARE = 0.6  # a unit with less new wording than this mostly repeats the question (and its heading)


@dataclass(frozen=True)
class AnswerSettings:
    """The thresholds that decide whether the report answers (calibrated by benchmarks/calibrate_answers.py)."""

    min_answerability: float = 0.56
    min_snippet_score: float = 0.438  # below it, the best line found answers too weakly: the report does not say


@dataclass(frozen=True)
class Snippet:
    text: str
    passage: Passage
    score: float


def holds_terms(terms: frozenset[str], analyzer: str) -> Callable[[str], bool]:
    """A test of whether a word holds any of the terms, for shorten(wanted=...)."""
    return lambda word: bool(set(search_terms(word, analyzer)) & terms)


def extract_snippet(store: Store, question: str, passages: list[Passage], hits: list[Hit], asked: QuestionProfile) -> Snippet | None:
    """The best answer unit of the top passages, cut to the snippet size; None when there is none.

    asked: the question's profile (the one retrieval used, see ess_qa.evidence.profile)."""
    if not hits:
        return None
    names = known_names(store, question)
    # the best passages about what the question names: Lille's figures do not answer for Toulouse,
    # whose own page may come further down the list
    scanned = zip(hits[:PASSAGES_SEARCHED], passages)
    candidates = [(rank, hit, passage) for rank, (hit, passage) in enumerate(scanned) if names <= page_words(store, hit.position)]
    candidates = candidates[:PASSAGES_SCANNED]
    best = _best_snippet(store, asked, candidates, typed=False)
    if best is not None and asked.kind in STRICT_TYPES and not type_matches(best.text, asked.kind, asked.words):
        # "combien", "quand": a line without a number or a date does not answer; take the best one that
        # has one, and when no passage found has any, the report does not answer
        best = _best_snippet(store, asked, candidates, typed=True)
    return best


def _best_snippet(store: Store, asked: QuestionProfile, candidates: list, typed: bool) -> Snippet | None:
    scored = []
    for rank, hit, passage in candidates:
        unit, score = best_unit(store, asked, hit.position, SNIPPET_WEIGHTS, skip_echoes=True, typed=typed)
        if unit is not None:
            scored.append((score + RANK_PRIOR / (1 + rank), unit, passage))
    if not scored:
        return None
    score, unit, passage = max(scored, key=lambda item: item[0])
    return Snippet(snippet_text(store, unit, asked), passage, score)


def snippet_text(store: Store, unit: Unit, asked: QuestionProfile) -> str:
    """A unit as shown: a long one cut to its window of question terms; one that announces a list
    (ends with ':') shown with the start of its items; a short one that mostly echoes the question
    continued by the next units of its page, since the answer follows it."""
    text = unit.text
    if len(text) >= SNIPPET_TARGET:
        return shorten(text, SNIPPET_TARGET, wanted=holds_terms(asked.term_set, store.analyzer))
    if row_label(text):
        return text  # a table row is whole: the next rows are other metropolises'
    if text.split("\n", 1)[0].rstrip().endswith(":"):  # a lead-in, alone or with its first items
        return lead_in_with_items(store, unit, asked)
    if unit_features(asked, unit)[FEATURES.index("new")] < ECHO_NEW_SHARE:
        text = shorten(unit_with_following_units(store, unit), SNIPPET_TARGET)
    return text


def lead_in_with_items(store: Store, unit: Unit, asked: QuestionProfile) -> str:
    """A lead-in ('... dans plusieurs domaines :'), cut to its window of question terms when long,
    and the start of each item of the list that follows on its page, as many as SNIPPET_TARGET holds."""
    lead = shorten(unit.text.split("\n", 1)[0], LEAD_IN_KEPT, wanted=holds_terms(asked.term_set, store.analyzer))  # items follow as units
    parts, size = [lead], len(lead)
    for following in store.following_units(unit):
        item = BULLET + " " + shorten(following.text, ITEM_KEPT)
        if size + 1 + len(item) > SNIPPET_TARGET:
            break
        parts.append(item)
        size += 1 + len(item)
    return "\n".join(parts)


def unit_with_following_units(store: Store, unit: Unit) -> str:
    """A unit followed by the next units of the same page, up to SNIPPET_TARGET characters or just past."""
    text = unit.text
    for following in store.following_units(unit):
        if len(text) >= SNIPPET_TARGET:
            break
        text += "\n" + following.text
    return text


def known_names(store: Store, question: str) -> frozenset[str]:
    """Words of the names a French question uses (Lyon, Dijon, ADRESS) that the report uses, as whole
    words: a prefix would take Toulon for Toulouse."""
    if guess_language(question) != "fr":  # English capitalises common words ("French")
        return frozenset()
    words = frozenset(w for name in proper_names(question) for w in folded_content_words(name))
    return store.known_words(words) if words else frozenset()


def page_words(store: Store, position: int) -> frozenset[str]:
    """Content words (accents folded) of the page, with its sections, that holds the chunk at position."""
    chunk = store.chunk(position)
    return store.page_words(chunk.source, chunk.page)


def unknown_names(store: Store, question: str) -> list[str]:
    """Names in a French question that the corpus never mentions (Japon, Québec, ...)."""
    if guess_language(question) != "fr":  # English words are capitalised too ("French", "European")
        return []
    return [name for name in proper_names(question) if not store.query_terms(name) and search_terms(name, store.analyzer)]


def answerability(store: Store, question: str, passages: list[Passage], hits: list[Hit]) -> float:
    """How well the best passages answer: share of the question's (idf-weighted) terms they hold,
    plus the best cosine between the question and them. Out-of-scope questions score low on both,
    and a question that names something the report never mentions scores 0."""
    if not passages or unknown_names(store, question):
        return 0.0
    analyzer = store.analyzer
    terms = search_terms(searched_text(store, question), analyzer)  # an English question's translations count
    best_text_terms: set[str] = set()
    for passage in passages[:PASSAGES_SCANNED]:
        best_text_terms |= set(search_terms(f"{passage.section}\n{passage.text}", analyzer))
    share = coverage(terms, store.idf(terms), best_text_terms)
    cosine = max((h.cosine for h in hits[:PASSAGES_SCANNED]), default=0.0)
    return share + max(0.0, cosine)


def answer_found(store: Store, question: str, passages: list[Passage], hits: list[Hit], settings: AnswerSettings) -> bool:
    """Whether the report answers the question (see answerability), by a calibrated threshold."""
    return answerability(store, question, passages, hits) >= settings.min_answerability
