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

from index.store import SearchIndex
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
    page_texts,
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


def extract_snippet(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit], asked: QuestionProfile) -> Snippet | None:
    """The best answer unit of the top passages, cut to the snippet size; None when there is none.

    asked: the question's profile (the one retrieval used, see ess_qa.evidence.profile)."""
    if not hits:
        return None
    names = known_names(index, question)
    # the best passages about what the question names: Lille's figures do not answer for Toulouse,
    # whose own page may come further down the list
    scanned = zip(hits[:PASSAGES_SEARCHED], passages)
    candidates = [(rank, hit, passage) for rank, (hit, passage) in enumerate(scanned) if names <= page_words(index, hit.position)]
    candidates = candidates[:PASSAGES_SCANNED]
    best = _best_snippet(index, asked, candidates, typed=False)
    if best is not None and asked.kind in STRICT_TYPES and not type_matches(best.text, asked.kind, asked.words):
        # "combien", "quand": a line without a number or a date does not answer; take the best one that
        # has one, and when no passage found has any, the report does not answer
        best = _best_snippet(index, asked, candidates, typed=True)
    return best


def _best_snippet(index: SearchIndex, asked: QuestionProfile, candidates: list, typed: bool) -> Snippet | None:
    scored = []
    for rank, hit, passage in candidates:
        unit, score = best_unit(index, asked, hit.position, SNIPPET_WEIGHTS, skip_echoes=True, typed=typed)
        if unit >= 0:
            scored.append((score + RANK_PRIOR / (1 + rank), unit, passage))
    if not scored:
        return None
    score, unit, passage = max(scored, key=lambda item: item[0])
    return Snippet(snippet_text(index, unit, asked), passage, score)


def snippet_text(index: SearchIndex, unit: int, asked: QuestionProfile) -> str:
    """A unit as shown: a long one cut to its window of question terms; one that announces a list
    (ends with ':') shown with the start of its items; a short one that mostly echoes the question
    continued by the next units of its page, since the answer follows it."""
    text = index.units[unit][1]
    if len(text) >= SNIPPET_TARGET:
        return shorten(text, SNIPPET_TARGET, wanted=holds_terms(asked.term_set, index.lexical.analyzer))
    if row_label(text):
        return text  # a table row is whole: the next rows are other metropolises'
    if text.split("\n", 1)[0].rstrip().endswith(":"):  # a lead-in, alone or with its first items
        return lead_in_with_items(index, unit, asked)
    if unit_features(index, asked, unit)[FEATURES.index("new")] < ECHO_NEW_SHARE:
        text = shorten(unit_with_following_units(index, unit), SNIPPET_TARGET)
    return text


def lead_in_with_items(index: SearchIndex, unit: int, asked: QuestionProfile) -> str:
    """A lead-in ('... dans plusieurs domaines :'), cut to its window of question terms when long,
    and the start of each item of the list that follows on its page, as many as SNIPPET_TARGET holds."""
    position, text = index.units[unit]
    lead = shorten(text.split("\n", 1)[0], LEAD_IN_KEPT, wanted=holds_terms(asked.term_set, index.lexical.analyzer))  # items follow as units
    page = index.chunks[position].page
    parts, size = [lead], len(lead)
    following = unit + 1
    while following < len(index.units) and index.chunks[index.units[following][0]].page == page:
        item = BULLET + " " + shorten(index.units[following][1], ITEM_KEPT)
        if size + 1 + len(item) > SNIPPET_TARGET:
            break
        parts.append(item)
        size += 1 + len(item)
        following += 1
    return "\n".join(parts)


def unit_with_following_units(index: SearchIndex, unit: int) -> str:
    """A unit followed by the next units of the same page, up to SNIPPET_TARGET characters or just past."""
    position, text = index.units[unit]
    page = index.chunks[position].page
    following = unit + 1
    while len(text) < SNIPPET_TARGET and following < len(index.units) and index.chunks[index.units[following][0]].page == page:
        text += "\n" + index.units[following][1]
        following += 1
    return text


def known_names(index: SearchIndex, question: str) -> frozenset[str]:
    """Words of the names a French question uses (Lyon, Dijon, ADRESS) that the report uses, as whole
    words: a prefix would take Toulon for Toulouse."""
    if guess_language(question) != "fr":  # English capitalises common words ("French")
        return frozenset()
    pages = _page_words(index)
    used = index.derived("answering.report_words", lambda: frozenset().union(*pages.values()))
    return frozenset(w for name in proper_names(question) for w in folded_content_words(name) if w in used)


def _page_words(index: SearchIndex) -> dict[tuple[str, int], frozenset[str]]:
    texts = page_texts(index)  # outside the compute function: index.derived() holds its lock while computing
    return index.derived("answering.page_words", lambda: {key: frozenset(folded_content_words(text)) for key, text in texts.items()})


def page_words(index: SearchIndex, position: int) -> frozenset[str]:
    """Content words (accents folded) of the page, with its sections, that holds the chunk at position."""
    chunk = index.chunks[position]
    return _page_words(index)[(chunk.source, chunk.page)]


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
    terms = search_terms(searched_text(index, question), analyzer)  # an English question's translations count
    best_text_terms: set[str] = set()
    for passage in passages[:PASSAGES_SCANNED]:
        best_text_terms |= set(search_terms(f"{passage.section}\n{passage.text}", analyzer))
    share = coverage(terms, index.lexical.idf(terms), best_text_terms)
    cosine = max((h.cosine for h in hits[:PASSAGES_SCANNED]), default=0.0)
    return share + max(0.0, cosine)


def answer_found(index: SearchIndex, question: str, passages: list[Passage], hits: list[Hit], settings: AnswerSettings) -> bool:
    """Whether the report answers the question (see answerability), by a calibrated threshold."""
    return answerability(index, question, passages, hits) >= settings.min_answerability
