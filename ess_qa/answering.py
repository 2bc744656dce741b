"""From passages to an answer: the shortest cited extract that answers, or "the document does not say".

The snippet is the best answer unit (sentence, list item, fact-sheet line) of the top passages,
as scored by ess_qa.evidence, slightly favouring better-ranked passages; a long unit is cut to
its window that holds the question's terms. Whether the document answers at all is judged at
the snippet's place (judge): the share of the question's rare terms that the snippet's unit,
its neighbours and its section hold, plus its cosine with the question, and the snippet's own
score, each against a threshold calibrated for the corpus when it is indexed (ess_qa.calibration).
A question that names something, or a year, that the corpus never mentions is not answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

import numpy as np

from index.store import Document, Store, Unit
from ingest.clean import BULLET
from ingest.layout import is_table_row
from ingest.types import Chunk, last_heading
from ingest.french import (
    CREDITS_RE,
    PUBLISHED_RE,
    REFERENCES_HEADING_RE,
    REFERS_BACK_RE,
    dates_signing,
    after_capital_title,
    content_words,
    fold_accents,
    folded_content_words,
    french_place_names,
    glued_elisions,
    in_capitals,
    is_french_word,
    mostly_capitals,
    name_forms,
    near_french_word,
    negated_words,
    words_after_negation,
    noun_complements,
    prefix_splits,
    same_word,
    search_terms,
    signs,
    spells_out,
    taken_up_noun,
    tells_who_holds,
    mostly_sources,
    names_an_abstraction,
    verb_of_noun,
    whole_words,
    words,
    without_surnames,
    without_web_addresses,
    word_key,
    words_run_together,
)
from ingest.numbers import ENGLISH_MONTHS, MOMENT_RE, NUMBER_RUN, NUMBER_WORDS, YEAR_RE, gives_a_day, gives_a_unit, is_unit_word, number_runs, without_comparisons, years
from ingest.structure import is_caption, is_form, opens_contents
from ingest.units import row_label

from .acronyms import NO_ACRONYMS, Acronyms
from .config import DEFAULT_K
from .evidence import (
    FEATURES,
    KIND_OF,
    SNIPPET_WEIGHTS,
    SUBJECT_IDF,
    QuestionProfile,
    best_unit,
    context_discounted,
    coverage,
    credited_by,
    gives_a_street,
    locates,
    names_its_page,
    searched_text,
    signed_by,
    unit_features,
)
from .initials import initialled_names, spelled_at, spells_initials, title_initials
from .questions import ASKS_A_WORK_RE, CONTACT_NOUN_RE, DOCUMENTS_COUNTRY, INSTANCE_NOUNS, KIND_NOUNS, PUBLISHING_WORDS, asked_sentence, figure_of, glossed_names, guess_language, proper_names, role_asked, without_set_aside
from .retrieval import Hit
from .shortening import CLAUSE_ROOM, shorten
from .types import Passage

SNIPPET_TARGET = 300  # characters; longer units are cut to their best window
# a whole line shorter than this is shown continued by the next lines of its section (see continued): two thirds of
# SNIPPET_TARGET, chosen on the tuning sets (benchmarks/dev_loop.py; docs/settings.md, SHORT_EXTRACT)
SHORT_EXTRACT = 200
PASSAGES_SCANNED = 3  # passages whose units may give the snippet ...
PASSAGES_SEARCHED = DEFAULT_K  # ... the first ones about what the question names, among this many
FIGURE_TYPES = ("money", "percent", "number")  # question types that ask for a figure
STRICT_TYPES = ("money", "percent", "number", "contact", "address", "date", "threshold", "name")  # question types whose answer must hold one
RANK_PRIOR = 0.2  # snippet score bonus of the first passage's units, divided by (1 + rank)
LEAD_IN_KEPT = 160  # characters of a long lead-in shown before its list ...
ITEM_KEPT = 80  # ... and of each item of the list ...
ASKED_ITEM_KEPT = 2 * ITEM_KEPT  # ... or of one that holds a word of the question its lead-in lacks
LIST_TARGET = 400  # characters of a lead-in and its items when the question asks for a list or for steps: still a short extract
ITEM_MARKS = "-–—‐•· "  # an item's own dash or bullet, which the bullet shown before it replaces
ECHO_NEW_SHARE = 0.6  # a unit with less new wording than this mostly repeats the question (and its heading)
QUOTED_LEAD = 40  # characters shown before the term a question quotes, in a long unit (a few words: « L'approche »)


def is_strict(asked: QuestionProfile) -> bool:
    """Whether the line that answers must hold what the question asks for (STRICT_TYPES; and a name for who holds a role)."""
    return asked.kind in STRICT_TYPES or (asked.kind == "person" and asked.measure == "identity")


@dataclass(frozen=True)
class AnswerSettings:
    """The thresholds that decide whether the document answers (see judge): calibrated for each corpus
    when it is indexed (ess_qa.calibration). These defaults serve only an index that holds no
    calibration for its model and documents: they are what the calibration gives the bundled report
    with the default model (python benchmarks/calibrate_answers.py prints it; tests/test_calibration.py
    checks that they stay close)."""

    min_answerability: float = 0.5
    min_snippet_score: float = 0.234  # below it, the best line found answers too weakly: the document does not say


@dataclass(frozen=True)
class Snippet:
    """The extract shown, the passage it comes from, its score and the answer unit it was cut from."""

    text: str
    passage: Passage
    score: float
    unit: Unit


@dataclass(frozen=True)
class Judgement:
    """How well the document answers a question: the best snippet found (None when no passage about
    what the question names holds one) and the answerability at its place (see answerability)."""

    snippet: Snippet | None
    answerability: float
    refusal: str = ""  # why the document does not answer, whatever the scores: a rule of judge's

    def answer(self, settings: AnswerSettings) -> Snippet | None:
        """The snippet when no rule refuses and both its answerability and its score reach the settings, else None."""
        if self.snippet is None or self.refusal or self.answerability < settings.min_answerability:
            return None
        return self.snippet if self.snippet.score >= settings.min_snippet_score else None


def held_terms(terms: frozenset[str], analyzer: str) -> Callable[[str], frozenset[str]]:
    """The terms of `terms` that a word holds, for shorten(wanted=...)."""
    return lambda word: terms.intersection(search_terms(word, analyzer))


def extract_snippet(store: Store, question: str, passages: list[Passage], hits: list[Hit], asked: QuestionProfile) -> Snippet | None:
    """The best answer unit of the top passages, cut to the snippet size; None when there is none.

    asked: the question's profile (the one retrieval used, see ess_qa.evidence.profile)."""
    if not hits:
        return None
    # the best passages about what the question names: Lille's figures do not answer for Toulouse,
    # whose own page may come further down the list; a name the corpus is about (« la Maison de la Poésie » in the
    # association's report) need not be written on the page that answers
    scanned = list(zip(hits[:PASSAGES_SEARCHED], passages))
    about = [(rank, hit, passage) for rank, (hit, passage) in enumerate(scanned) if names_its_page(store, asked, hit.position)]
    if not ASKS_A_WORK_RE.search(question):
        # a bibliography's entries answer what they cite (« Statut actuel et passé du Lézard ocellé … »), not the question's
        about = [(rank, hit, passage) for rank, hit, passage in about if not _in_references(store, hit.position)]
    # a form's lines (a slip to sign at the end of a set of rules) name the document's subject, and answer nothing
    about = [(rank, hit, passage) for rank, hit, passage in about if not _on_a_form(store, hit.position)]
    candidates, spelled = _spelling_its_acronyms(store, question, about[:PASSAGES_SCANNED])
    best = _best_snippet(store, asked, candidates)
    dating = _colophon_dating_line(store, asked, candidates) or _cover_dating_line(store, asked, candidates)
    if dating is not None and not (best is not None and _dates_as_asked(asked, best.unit)):
        # « De quand date ce guide ? »: its colophon says (« Date de publication : … »), else its cover, unless the best line
        # dates it as asked
        return _with_its_day(store, asked, candidates, dating)
    if best is not None and spelled:
        best = _spelling_line(store, asked, candidates, spelled) or best
    if best is not None and asked.authorship:
        # who wrote it: the line that credits them (« Auteurs : … »), on a cover or a last page, below the first passages
        best = _best_snippet(store, asked, about, only=lambda text: bool(CREDITS_RE.search(text))) or best
    if asked.signed_on and not (best is not None and dates_signing(best.unit.text)):
        # when it was signed: the line above the signatures (« Fait à Lille, le 21 octobre 2025 »), wherever it is
        best = _signing_date_line(store, asked, candidates) or best
    if best is not None and asked.signatory:
        # who signed: a signature line (« Christiane Bouchart, Présidente du RTES … ») of the first passages or of the
        # first pages of their document, where a preface or an editorial is signed
        best = _signature_line(store, asked, candidates) or best
    asked_years = years_asked(question)
    if best is not None and asked_years and not _of_the_years(best.unit.text, asked_years):
        # « … jusqu'au 31/12/2025 »: the row of 2029 gives other years only; the best line that gives that year, or none
        best = _best_snippet(store, asked, candidates, only=lambda text: _of_the_years(text, asked_years)) or best
    if best is not None:
        best = _with_its_day(store, asked, candidates, best)
    if best is not None and asked.counted and not counts_named(best.unit.text, asked.counted, figures_only=True):
        # « combien de contacts »: the line of its passage that gives the figure of contacts, not one that counts the accompaniments
        its_passage = [(rank, hit, passage) for rank, hit, passage in candidates if passage.chunk_id == best.passage.chunk_id]
        best = _best_snippet(store, asked, its_passage, only=lambda text: counts_named(text, asked.counted, figures_only=True)) or best
    if best is not None and asked.kind == "definition":
        best = _spelled_out(store, question, asked, about, best) or best
        if not asked.answered_by(best.text):
            best = _best_snippet(store, asked, candidates, only=asked.answered_by) or best
    if best is not None and _negates_what_is_asked(question, best.unit.text):
        # « la fraction comestible » is not told by « Fraction non comestible : … »: the best line that says it as asked
        best = _best_snippet(store, asked, candidates, only=lambda text: not _negates_what_is_asked(question, text)) or best
    # « quand » asks a moment, which the best line may tell by an event or a condition (« mis en place à chaque fin de
    # vacances », « consultable à partir de 18 heures la veille »): it answers, though a lesser line gives a date
    moment_told = asked.kind == "date" and asked.measure not in ("clock", "time") and not _CALENDAR_ASKED_RE.search(question)
    told_by_moment = best is not None and moment_told and bool(MOMENT_RE.search(best.text))
    if best is not None and is_strict(asked) and not asked.answered_by(best.text) and not told_by_moment:
        # "combien", "quand": a line without a number or a date does not answer; take the best one that
        # has one, and when no passage found has any, or what is shown of it does not show it, the
        # report does not answer
        unnamed, best = best, _best_snippet(store, asked, candidates, only=asked.answered_by)
        if best is None:  # none of the first passages gives one: the next ones about what it names may (a date's thanks, fifth)
            best = _best_snippet(store, asked, about[PASSAGES_SCANNED:], only=asked.answered_by)
        if _tells_the_role(store, question, asked, unnamed) and not (best is not None and _tells_the_role(store, question, asked, best)):
            # who holds a role, told by a title rather than a name (« un conseil d'administration présidé par le maire »,
            # « le syndic, qui est le mandataire et représentant légal du syndicat »): no line with a name says that role
            return unnamed
        if best is None and moment_told:
            # « quand » asks a moment, which an event or a condition may tell when no line gives a date (« lorsque
            # la demande est reçue », « après trois caractères »); a time of day is no event. « Quelle date … » may ask
            # which date it is, which a field's or a form's line names (« ARRETE_DATE | Date de signature de l'arrêté »)
            which = bool(_DATE_WORD_RE.search(question))
            return _best_snippet(store, asked, candidates, only=lambda text: bool(MOMENT_RE.search(text) or which and _NAMES_A_DATE_RE.search(text)))
        if best is None and asked.kind == "address":
            # where to write to the document's publisher: its back cover says, in words the question seldom uses
            best = _back_cover_address_line(store, asked, candidates)
        if best is None and asked.kind == "address" and asked.measure != "postal":
            # where it is, when no line gives its street: the line that locates it (« Situé à Saint-Erme, dans un bâtiment … »)
            return _best_snippet(store, asked, candidates, only=locates)
        if best is not None and not asked.answered_by(best.text):
            return None
    return best


def _in_references(store: Store, position: int) -> bool:
    """Whether a chunk is in a section that lists the works a document cites (its last heading: REFERENCES_HEADING_RE)."""
    return bool(REFERENCES_HEADING_RE.match(last_heading(store.chunk(position).section)))


def _on_a_form(store: Store, position: int) -> bool:
    """Whether a chunk is on a page that is a form to fill (ingest.structure.is_form)."""
    chunk = store.chunk(position)
    return is_form([unit.text for at in store.positions_on_page(chunk.page, chunk.source) for unit in store.units(at)])


def _tells_the_role(store: Store, question: str, asked: QuestionProfile, snippet: Snippet) -> bool:
    """Whether a question asks who holds a role (« Qui préside … ? », « Qui est le représentant légal … ? ») and the
    snippet's line tells who holds it (ingest.french.tells_who_holds)."""
    if asked.measure != "identity" or asked.authorship:
        return False
    role = role_asked(asked_sentence(question))
    return bool(role) and tells_who_holds(snippet.unit.text, role, store.analyzer)


def _with_its_day(store: Store, asked: QuestionProfile, candidates: list, snippet: Snippet) -> Snippet:
    """The snippet, or when the question asks which day (« À quelle date … ? », « Quel jour … ? ») and it gives only a
    month or a year, the best line of the candidates that gives the day (« remis à la Municipalité le mardi 6 décembre »)."""
    if asked.measure != "day" or gives_a_day(snippet.text):
        return snippet
    return _best_snippet(store, asked, candidates, only=gives_a_day) or snippet


_DATE_WORD_RE = re.compile(r"\bdates?\b", re.IGNORECASE)  # a question that asks « quelle date », « la date de … »
# a question that names the year or the month it asks (« En quelle année … ? », « which month »): a moment (« lorsque le
# supermarché est fermé ») does not tell it
_CALENDAR_ASKED_RE = re.compile(r"\b(?:quel(?:le)?s?|which|what)\s+(?:ann[ée]es?|mois|years?|months?)\b", re.IGNORECASE)
_NAMES_A_DATE_RE = re.compile(r"\bdates?\s+(?:de|d['’]|du|des)\s*\w", re.IGNORECASE)  # « Date de signature de l'arrêté »


COVER_PAGES = 2  # the pages where a document's cover may be: the first, or the second behind a cover that is an image


def _cover_dating_line(store: Store, asked: QuestionProfile, candidates: list) -> Snippet | None:
    """For a question on when the document was published (« De quand date ce guide ? », see QuestionProfile.dated_kind),
    the best line that gives a date on the cover (cover_page) of the first passage's document, when the question names the
    document « document » or by a kind its first pages write (« GUIDE », « Ce guide est issu … »): the cover dates it, in
    words the question seldom uses (« Pôle logistique Thématique Restauration Juillet 2023 »), often in capitals. None
    otherwise."""
    if not asked.dated_kind or not candidates:
        return None
    first = candidates[0][2]
    page = cover_page(store, first.source)
    first_pages = range(1, COVER_PAGES + 1)
    named = asked.dated_kind == "document" or any(asked.dated_kind in store.page_words(first.source, p) for p in first_pages)
    if page is None or not named:
        return None
    positions = store.positions_on_page(page, first.source)
    asked = replace(asked, dated_positions=frozenset(positions))  # its lines say what the question names the document by

    def dating(text: str) -> bool:  # a line that gives a date, not one of a table of contents
        return asked.answered_by(text) and not opens_contents(text)

    scored = []
    for position in positions:
        unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS, only=dating)
        chunk = store.chunk(position)
        if unit is not None:
            text = snippet_text(store, unit, asked) if len(unit.text) >= SHORT_EXTRACT else _after_lines_before(store, unit)
            scored.append((score, position, unit, text))
        elif len(chunk.text) <= SNIPPET_TARGET and asked.answered_by(chunk.text):
            # a date on a line of its own, too short to be a unit (« 2024 » under the title): the cover's chunk whole
            unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS)
            if unit is not None:
                scored.append((score, position, unit, chunk.text))
    if not scored:
        return None
    score, position, unit, text = max(scored, key=lambda item: item[0])
    chunk = store.chunk(position)
    passage = _chunk_passage(first, chunk)
    return Snippet(text, passage, score, unit)


# The pages where a document's preface or editorial may be: behind its cover, an inside cover and its contents
OPENING_PAGES = 4


def _colophon_dating_line(store: Store, asked: QuestionProfile, candidates: list) -> Snippet | None:
    """For a question on when the document was published (QuestionProfile.dated_kind), the line of its colophon that says
    when it came out (PUBLISHED_RE: « Date de publication : Février 2021 », « Dépôt légal : février 2017 », « Cet ouvrage
    a été édité en décembre 2022 »), on its first OPENING_PAGES pages or its last COVER_PAGES (a back cover); None when
    none does. It dates the document before its cover does, whose year may be the one it is about (« BILAN SOCIAL 2020 »)."""
    if not asked.dated_kind or not candidates:
        return None
    first = candidates[0][2]
    pages = sorted(set(range(1, OPENING_PAGES + 1)) | set(_back_pages(store, first.source)))

    def publishing(text: str) -> bool:  # a line that says when the document came out, with the date
        return bool(PUBLISHED_RE.search(text)) and asked.answered_by(text)

    best = _best_line_on_pages(store, asked, first.source, pages, publishing)
    if best is None:
        return None
    score, unit = best
    text = unit.text
    if len(text) >= SNIPPET_TARGET:  # a colophon's long line: its label and the date after it
        text = shorten(text, SNIPPET_TARGET, around=PUBLISHED_RE.search(text).start() + SNIPPET_TARGET // 2 - QUOTED_LEAD)
    return Snippet(text, _chunk_passage(first, store.chunk(unit.position)), score, unit)


def _back_cover_address_line(store: Store, asked: QuestionProfile, candidates: list) -> Snippet | None:
    """For a question on an address that no line of the candidate passages gives, the best line that gives a street address
    (evidence.gives_a_street) on a back page (_back_pages) of the first passage's document where it gives its own
    (_names_its_owner); None when there is none."""
    if not candidates:
        return None
    first = candidates[0][2]
    pages = [page for page in _back_pages(store, first.source) if _names_its_owner(store, asked, first.source, page)]
    best = _best_line_on_pages(store, asked, first.source, pages, gives_a_street)
    if best is None:
        return None
    score, unit = best
    return Snippet(shorten(unit.text, SNIPPET_TARGET), _chunk_passage(first, store.chunk(unit.position)), score, unit)


def _best_line_on_pages(store: Store, asked: QuestionProfile, source: str, pages: Iterable[int], only: Callable[[str], bool]) -> tuple[float, Unit] | None:
    """The best line (best_unit) that `only` keeps on these pages of a document, with its score; None when there is none."""
    scored = []
    for page in pages:
        for position in store.positions_on_page(page, source):
            unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS, only=only)
            if unit is not None:
                scored.append((score, unit))
    return max(scored, key=lambda item: item[0]) if scored else None


def _back_pages(store: Store, source: str) -> list[int]:
    """A document's last COVER_PAGES pages with text: its back cover, where its publisher's address is printed."""
    last = _last_page(store, source)
    return list(range(max(1, last - COVER_PAGES + 1), last + 1))


def _names_its_owner(store: Store, asked: QuestionProfile, source: str, page: int) -> bool:
    """Whether a back page (_back_pages) is where an address question finds the document's own address (« 2, chemin Vert
    1253 Vandœuvres Tél. … », in words the question seldom uses): the page, with the document's first OPENING_PAGES pages
    (its cover, its inside cover, a preface), writes every name the question asks the address of (« la Fondation
    Hardt »). Not a first page, whose address may be another's (where a meeting was held)."""
    opening = frozenset().union(*(store.page_words(source, first) for first in range(1, OPENING_PAGES + 1)))
    return asked.names <= opening | store.page_words(source, page)


def addressed_by(store: Store, asked: QuestionProfile, unit: Unit) -> frozenset[str]:
    """What a line that gives a street address on a back page where a document gives its own (_names_its_owner) says of
    an address question: all it asks; else nothing."""
    if asked.kind != "address" or not gives_a_street(unit.text):
        return frozenset()
    chunk = store.chunk(unit.position)
    own = chunk.page in _back_pages(store, chunk.source) and _names_its_owner(store, asked, chunk.source, chunk.page)
    return asked.term_set if own else frozenset()


def _signature_line(store: Store, asked: QuestionProfile, candidates: list) -> Snippet | None:
    """The best signature line (ingest.french.signs) of the candidate passages' chunks and of the first OPENING_PAGES pages
    of the first one's document, shown after the short lines of its chunk before it (« Le médiateur national de
    l'énergie » above « Jean Gaubert »); None when there is none."""
    if not candidates:
        return None
    passages, positions = _passages_then_pages(store, candidates, range(1, OPENING_PAGES + 1))
    scored = []
    for position in positions:
        unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS, only=signs)
        if unit is not None:
            scored.append((score, position, unit))
    if not scored:
        return None
    score, position, unit = max(scored, key=lambda item: item[0])
    return Snippet(_after_lines_before(store, unit), _citing_passage(store, candidates, passages, position), score, unit)


def _signing_date_line(store: Store, asked: QuestionProfile, candidates: list) -> Snippet | None:
    """The line that says where and when the first candidate passage's document was signed (ingest.french.dates_signing),
    of the candidate passages' chunks, else of its pages from the last (where signatures are); None when none says it, or
    when the question names the text signed by words that neither the document's first page nor the line's page holds
    (« la convention avec la CAF » of a contract whose partners signed it: another text)."""
    if not candidates:
        return None
    passages, positions = _passages_then_pages(store, candidates, range(_last_page(store, candidates[0][2].source), 0, -1))
    for position in positions:
        unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS, only=dates_signing)
        if unit is not None:
            chunk = store.chunk(position)
            if not asked.signed_subject <= store.page_terms(chunk.source, 1) | store.page_terms(chunk.source, chunk.page):
                return None
            passage = _citing_passage(store, candidates, passages, position)
            return Snippet(shorten(unit.text, SHORT_EXTRACT), passage, score, unit)  # the date, then who signed
    return None


def _last_page(store: Store, source: str) -> int:
    """A document's last page with text (0 for a name the store does not hold)."""
    return next((document.last_page for document in store.documents() if document.name == source), 0)


def _passages_then_pages(store: Store, candidates: list, pages: Iterable[int]) -> tuple[dict[int, Passage], list[int]]:
    """The candidate passages by the positions of their chunks, and where to look for a line: those positions, then the
    positions on these pages of the first passage's document that no candidate shows."""
    source = candidates[0][2].source
    passages = {position: passage for _, hit, passage in candidates for position in hit.positions}
    on_pages = [p for page in pages for p in store.positions_on_page(page, source) if p not in passages]
    return passages, [*passages, *on_pages]


def _citing_passage(store: Store, candidates: list, passages: dict[int, Passage], position: int) -> Passage:
    """The passage that cites the chunk at a position: a candidate's, else the chunk's own (_chunk_passage)."""
    return passages.get(position) or _chunk_passage(candidates[0][2], store.chunk(position))


def _chunk_passage(like: Passage, chunk: Chunk) -> Passage:
    """A chunk's own passage, with the document's details (source, title, date) of a passage of the same document: what
    cites a line found outside the passages retrieved (a cover's date, a preface's signature)."""
    return replace(like, text=chunk.text, page=chunk.page, section=chunk.section, chunk_id=chunk.id, label=chunk.label)


def cover_page(store: Store, source: str) -> int | None:
    """A document's cover: its first page with text, among the first COVER_PAGES (behind a cover that is an image, the
    next); None when none of them has text."""
    return next((page for page in range(1, COVER_PAGES + 1) if store.positions_on_page(page, source)), None)


def _after_lines_before(store: Store, unit: Unit) -> str:
    """A short line after the lines of its chunk before it, as many as SNIPPET_TARGET holds: a cover's date (« Juillet
    2023 ») after what it dates, its title."""
    units = store.units(unit.position)
    at = next((i for i, other in enumerate(units) if other.id == unit.id), 0)
    text = unit.text
    for before in reversed(units[:at]):
        if len(before.text) + 1 + len(text) > SNIPPET_TARGET:
            break
        text = f"{before.text}\n{text}"
    return text


def _dates_as_asked(asked: QuestionProfile, unit: Unit) -> bool:
    """Whether a line gives a date with every word a question on when the document was published asks it with (« Date de
    publication du document : 19/11/2019 » for « quelle est la date de publication du document »)."""
    return asked.words & PUBLISHING_WORDS <= unit.words and asked.answered_by(unit.text)


def cover_dated_by(store: Store, asked: QuestionProfile, unit: Unit) -> frozenset[str]:
    """What a line of a document's cover (cover_page), or of its colophon (PUBLISHED_RE: « Date de publication : Février
    2021 »), that gives a date says of a question on when the document was published: what the question names the
    document by and asks the date with (QuestionProfile.dated); else nothing."""
    chunk = store.chunk(unit.position)  # its chunk's text: a date alone on its line is no unit (« 2024 » under the title)
    if not asked.dated or not asked.answered_by(unit.text if len(chunk.text) > SNIPPET_TARGET else chunk.text):
        return frozenset()
    dating = chunk.page == cover_page(store, chunk.source) or bool(PUBLISHED_RE.search(unit.text))
    return asked.dated if dating else frozenset()


def _negates_what_is_asked(question: str, text: str) -> bool:
    """Whether a line says a word of a French question only with « non » (« Fraction non comestible » for « la fraction
    comestible », « agent non titulaire » for « des agents titulaires »), which the question does not negate: it is about the
    opposite of what is asked (see opposite_words)."""
    if guess_language(question) != "fr":
        return False
    negated = negated_words(text)
    if not negated:
        return False
    unasked = negated_words(question)
    asked = [word for word in content_words(asked_sentence(question)) if not any(same_word(word, other) for other in unasked)]
    said = content_words(text)
    return any(
        any(same_word(word, other) for other in asked)  # in the singular or the plural: « agents titulaires », « agent non titulaire »
        and sum(same_word(word, other) for other in said) <= sum(same_word(word, other) for other in negated)
        for word in set(negated)
    )


def _spelling_its_acronyms(store: Store, question: str, candidates: list) -> tuple[list, list[str]]:
    """The candidate passages that spell out an acronym the question asks of and the corpus never writes (« les
    produits HVE » of a note that only writes « haute valeur environnementale »), with those acronyms, when some do:
    what it asks is there (judge_snippet reads the acronym in the snippet's passage so); else all of them, and none."""
    unwritten = [name for name in proper_names(asked_sentence(question)) if in_capitals(name) and not store.known_words(frozenset([name.lower()]))]
    if not unwritten:
        return candidates, []
    spelling = [(item, [name for name in unwritten if spells_initials(name, item[2].text)]) for item in candidates]  # read once
    spelled = [name for name in unwritten if any(name in names for _, names in spelling)]
    if not spelled:
        return candidates, []
    return [item for item, names in spelling if names], spelled


def _spelling_line(store: Store, asked: QuestionProfile, candidates: list, spelled: list[str]) -> Snippet | None:
    """The best line of the candidate passages that spells out one of the acronyms (see _spelling_its_acronyms), a long
    one shown around the words that spell it; None when no line does."""
    found = _best_snippet(store, asked, candidates, only=lambda text: any(spells_initials(name, text) for name in spelled))
    if found is None or any(spells_initials(name, found.text) for name in spelled):
        return found
    at = min(at for at in (spelled_at(name, found.unit.text) for name in spelled) if at is not None)
    return replace(found, text=shorten(found.unit.text, SNIPPET_TARGET, around=at))


def _of_the_years(text: str, asked: list[str]) -> bool:
    """Whether a line gives no year of its own figures, or one of the years a question asks about (asked: years_asked) or
    between them (see other_years): « 2 400 € bruts (contre 2 379 € en 2012) » gives the salary of no year it says
    (without_comparisons)."""
    return _within(set(years(without_comparisons(text))), asked)


def years_asked(question: str) -> list[str]:
    """The years a question asks about, sorted: not those of the context it tells (« notre PLUi, approuvé en 2015 »,
    asked_sentence), nor those it compares with (« … par rapport à l'étude ADEME-Arcep sur 2020 », without_comparisons)."""
    return sorted(set(years(without_comparisons(asked_sentence(question)))))


def _within(held: set[str], asked: list[str]) -> bool:
    """Whether no year is held, or one of the years asked (sorted) or between them ('entre 2015 et 2020')."""
    return not held or any(asked[0] <= year <= asked[-1] for year in held)


def _spelled_out(store: Store, question: str, asked: QuestionProfile, about: list, best: Snippet) -> Snippet | None:
    """For "qu'est-ce que la CCSPL", the line of the passages about the question that spells the acronym out
    (« … la Commission consultative des services publics locaux (CCSPL) »), which may come after the lines
    that only use it; None when none does, or when the question defines more than the acronym and only the best
    line says it all (« un CA junior »: « (CA / Conseil d'administration) » says what a CA is). The word defined is
    the question's first word with content, whole when hyphenated (« DT-DICT »)."""
    asked_words = question.split()
    first_at = next((i for i, word in enumerate(asked_words) if content_words(word)), len(asked_words))
    first = asked_words[first_at].strip("?!.,;:«»\"'()") if first_at < len(asked_words) else ""
    defined = {fold_accents(word) for word in content_words(first)}
    found = _best_snippet(store, asked, about, only=lambda text: spells_out(text, defined))
    if found is not None and _says_less(found.unit.text, best.unit.text, _words_after(asked_words, first_at), store.analyzer):
        return None
    if found is None or len(found.unit.text) < SNIPPET_TARGET:
        return found
    at = _shown_late(found.unit.text, found.text, first)
    # a long line (a list of acronyms) that shows the acronym late or not at all: shown around it, its words
    # being on either side of it (« DT-DICT Déclaration de Travaux … », « … eau chaude sanitaire (ECS) »)
    return found if at is None else replace(found, text=shorten(found.unit.text, SNIPPET_TARGET, around=at))


def _words_after(asked_words: list[str], at: int) -> set[str]:
    """The content words that follow the defined word in a question, up to its next function word or its end
    (« junior » in « Qu'est-ce qu'un CA junior ? »), accents folded."""
    found: set[str] = set()
    for word in asked_words[at + 1 :]:
        kept = content_words(word.strip("?!.,;:«»\"'()"))
        if not kept:
            break
        found |= {fold_accents(w) for w in kept}
    return found


def _says_less(line: str, other: str, wanted: set[str], analyzer: str) -> bool:
    """Whether a line lacks some wanted words (their search terms: « junior » as « juniors ») that another line holds."""
    said, other_said = set(search_terms(line, analyzer)), set(search_terms(other, analyzer))
    return any(term not in said and term in other_said for term in search_terms(" ".join(wanted), analyzer))


def _best_snippet(store: Store, asked: QuestionProfile, candidates: list, only: Callable[[str], bool] | None = None) -> Snippet | None:
    """The best unit of the candidate passages as a snippet, of those whose text only() accepts when given."""
    scored = []
    for rank, hit, passage in candidates:
        for position in hit.positions:
            unit, score = best_unit(store, asked, position, SNIPPET_WEIGHTS, skip_echoes=True, only=_answering(only, asked.kind))
            if unit is not None:  # a chunk joined to the hit's was found lower: its units count as the next passage's
                scored.append((score + RANK_PRIOR / (1 + rank + (position != hit.position)), unit, passage))
    if not scored:
        return None
    score, unit, passage = max(scored, key=lambda item: item[0])
    return Snippet(snippet_text(store, unit, asked), passage, score, unit)


def _answering(only: Callable[[str], bool] | None, kind: str) -> Callable[[str], bool]:
    """The units a snippet may be: those `only` accepts (all when None), but a line of one word (a field's name,
    « zonage_règlementaire »), the lines of a table of contents, a table's or a figure's caption (« Tableau I : … »),
    the lines mostly in capitals (titles, banners, a figure's label; a title that opens a sentence, and the surnames of a
    list of people, aside: without_surnames) unless an address or a contact is asked for, which a back cover prints in
    capitals (« 1 BIS RUE CABANIS – 75993 PARIS »), or they are
    a table's rows of figures (« DETTES FISCALES ET SOCIALES | 1 233 193 € | … », a balance sheet's; not its header), those
    whose words lost their spaces,
    and, unless the question asks where or how (a contact, an address, a place, a procedure: « consulter la page
    https://… »), those mostly made of sources (numbered notes, web addresses)."""
    sources_answer = kind in ("contact", "address", "place", "procedure")
    reached = kind in ("contact", "address")  # an address, a phone number: often printed in capitals (a back cover's)
    return lambda text: (
        len(text.split()) > 1
        and not opens_contents(text)
        and not is_caption(text)
        and (reached or _row_of_figures(text) or not mostly_capitals(without_surnames(after_capital_title(text))))
        and not words_run_together(text)
        and (sources_answer or not mostly_sources(text) or _says_beside_its_address(text, only))
        and (only is None or only(text))
    )


def _row_of_figures(text: str) -> bool:
    """Whether a text is a table's row (cells apart, see ingest.layout) that gives a figure of two digits or more
    (number_runs), not a year: a row of data (« DETTES FISCALES ET SOCIALES | 1 233 193 € »), not a header (« EXERCICE N |
    EXERCICE N-1 », « CHARGES | 2011 | 2010 ») nor a row of codes (« Zone 1 | RGF93 | CC42 »)."""
    return is_table_row(text) and any(sum(c.isdigit() for c in run) > 1 and not YEAR_RE.fullmatch(run) for run in number_runs(text))


def _says_beside_its_address(text: str, only: Callable[[str], bool] | None) -> bool:
    """Whether a line mostly made of web addresses says what a strict question asks (only) in its other words, which are
    words, not notes' numbers (« 10 https://… 11 https://… »): « Publiée le 23/02/2021 - https://www.ecologie.gouv.fr/…»
    dates what it links to."""
    rest = without_web_addresses(text)
    return only is not None and any(word.isalpha() for word in content_words(rest)) and not mostly_sources(rest) and only(rest)


def snippet_text(store: Store, unit: Unit, asked: QuestionProfile) -> str:
    """A unit as shown: a long one cut to its window of question terms; one that announces a list
    (ends with ':') shown with the start of its items; a short one that mostly echoes the question
    continued by the next units of its page, since the answer follows it. A title in capitals that opens it is left
    out (the citation names the section)."""
    text = after_capital_title(unit.text)
    inline = _inline_list(text) if asked.kind == "list" and len(text) >= SNIPPET_TARGET else None
    if inline:  # « … pauses) : - Je me lave … - Je tousse … »: the lead-in and its items, as a list on its own lines is shown
        return _lead_and_items(store, asked, *inline)
    if len(text) >= SNIPPET_TARGET:
        window = shorten(text, SNIPPET_TARGET, wanted=held_terms(asked.term_set, store.analyzer), needed=_needed(asked, text))
        quoted_at = _shown_late(text, window, asked.quoted)
        if quoted_at is not None:
            # the term the question quotes, and what follows it: what the text says of it; from where its clause or item
            # starts, when near (« - Les calcaires … qui ont donné des sols à forte pierrosité, localement appelés
            # « caillottes » »: what it is called is said before it)
            lead = max(QUOTED_LEAD, quoted_at - _clause_start(text, quoted_at))
            return shorten(text, SNIPPET_TARGET, around=quoted_at + SNIPPET_TARGET // 2 - (lead if lead <= SNIPPET_TARGET // 2 else QUOTED_LEAD))
        return window
    if row_label(text):
        return text  # a table row is whole: the next rows are other metropolises'
    if asked.kind == "definition" and taken_up_noun(text):
        # « Ce processus s'appelle « l'alimentation par bâchées ». »: the thing it takes up is said in the line before it
        before = _units_before(store, unit)
        if before:
            told = f"{before[-1].text}\n{text}"
            return shorten(told, SNIPPET_TARGET, around=max(0, len(told) - SNIPPET_TARGET // 2))
    if text.split("\n", 1)[0].rstrip().endswith(":"):  # a lead-in, alone or with its first items
        return lead_in_with_items(store, unit, asked)
    if unit_features(asked, unit)[FEATURES.index("new")] < ECHO_NEW_SHARE:
        text = shorten(unit_with_following_units(store, unit), SNIPPET_TARGET)
    return text


_CLAUSE_START_RE = re.compile(r"[.;!?]\s+(?:[-–•]\s+)?|\s[-–•]\s+|\n")


def _clause_start(text: str, at: int) -> int:
    """Where the sentence, clause or item that holds a text's position starts: after the last full stop, semicolon,
    item's dash or line break before it; 0 when none."""
    return max((match.end() for match in _CLAUSE_START_RE.finditer(text, 0, at)), default=0)


_INLINE_ITEM_RE = re.compile(r"\s[-–•]\s+")
_INLINE_LIST_OPENS_RE = re.compile(r":(?= *[-–•](?:\s|$))")  # the colon right before the first item's mark
MIN_INLINE_ITEMS = 2  # a list, not a clause between dashes


def _inline_list(text: str) -> tuple[str, list[str]] | None:
    """A unit that writes its list in its line (« … (vestiaires, pauses) : - Je me lave … - Je tousse … »): its lead-in,
    up to the colon before the first item (not an earlier one: « Article 2 : … : - … »), and its items; None when it
    writes none."""
    opens = _INLINE_LIST_OPENS_RE.search(text)
    if opens is None:
        return None
    items = [item.strip() for item in _INLINE_ITEM_RE.split(" " + text[opens.end() :]) if item.strip()]
    return (text[: opens.end()], items) if len(items) >= MIN_INLINE_ITEMS else None


def _needed(asked: QuestionProfile, text: str = "") -> Callable[[str], bool] | None:
    """What a cut line (its text) must keep whole for a strict question (« combien », « quand »): its figure or date, and
    for a count, the figure of what it counts when the line gives one (« 452 élèves touchés », after « 23 artistes
    invités » and « 8 résidences » for « combien d'élèves »); else None."""
    if not is_strict(asked):
        return None
    if asked.counted and counts_named(text, asked.counted):
        return lambda words: counts_named(words, asked.counted)
    return asked.answered_by


def counts_named(text: str, counted: str, figures_only: bool = False) -> bool:
    """Whether a text gives a figure of what a question counts, named right after it as the question does but for an
    inflection (« 452 élèves touchés » for « combien d'élèves »); with figures_only, a figure in digits or words, not a
    share (« la majorité des demandes »)."""
    asked = content_words(counted)
    return any(
        same_word(noun, word)
        for match in _COUNTED_AFTER_RE.finditer(text)
        if not (figures_only and _SHARE_WORD_RE.match(match.group()))
        for noun in match.groups() if noun for word in asked
    )


def continued(store: Store, snippet: Snippet) -> Snippet:
    """A snippet that shows a whole line shorter than SHORT_EXTRACT characters, continued by the next lines of its
    page and section up to SNIPPET_TARGET characters: what a short line sets up often follows it (« Lorsqu'un
    signalement est affecté à un partenaire, ce dernier reçoit une alerte … » then « Il peut alors valider ou refuser
    … »); a longer whole line, by the next line only when that fits whole within CLAUSE_ROOM times SNIPPET_TARGET (the
    size an extract never passes) and announces no list of its own (announced_list shows that). A fact sheet's row
    stays alone: the next rows are other metropolises'. For the extract shown once the document is judged to answer;
    the judgement reads the line alone."""
    text = after_capital_title(snippet.unit.text)
    if snippet.text != text or row_label(text):
        return snippet
    if len(snippet.text) >= SHORT_EXTRACT:  # a longer whole line: continued by the next one only when it fits whole
        following = next(_units_not_shown(store, snippet.unit, text), None)
        if following is None or row_label(following.text) or following.text.rstrip().endswith(":"):
            return snippet  # a row is another row's; a lead-in's list is announced_list's to show
        joined = f"{text}\n{following.text}"
        return replace(snippet, text=joined) if len(joined) <= CLAUSE_ROOM * SNIPPET_TARGET else snippet
    # without the title in capitals that opens the line, as the line alone was shown: it took the room of what follows
    joined = unit_with_following_units(store, snippet.unit, text)
    if len(joined) <= CLAUSE_ROOM * SNIPPET_TARGET:  # the last line whole, not cut before its end (« … inscription au … »)
        return replace(snippet, text=joined)
    return replace(snippet, text=shorten(joined, SNIPPET_TARGET))


def announced_list(store: Store, asked: QuestionProfile, snippet: Snippet) -> Snippet:
    """For a question that asks for a list or for steps, when the line shown gives none but the next line of its section
    announces one that names what is asked (« Quels objectifs poursuit le protocole … ? »: the line on the protocol, then
    « Il poursuit trois objectifs principaux : » and its items), that list shown in its place: the line the document was
    judged on says what the list is about, the list is what is asked. For the extract shown once the document is judged
    to answer, as continued is; else the snippet as it is."""
    if asked.kind not in ("list", "procedure") or not asked.focus or asked.typed_answer(snippet.unit):
        return snippet
    following = next(units_after_in_section(store, snippet.unit), None)
    if following is None or not asked.focus & following.terms or not asked.typed_answer(following):
        return snippet
    if " ".join(following.text.split()[:8]) in " ".join(snippet.text.split()):
        return snippet  # already shown after the line (continued)
    return replace(snippet, text=snippet_text(store, following, asked), unit=following)


def _shown_late(text: str, shown: str, term: str | None) -> int | None:
    """Where a long unit (its text) holds a term that what is shown of it shows late (in its second half) or not at
    all; None when it does not hold it, or shows it early."""
    at, shown_at = _quoted_at(text, term), _quoted_at(shown, term)
    return at if at is not None and (shown_at is None or shown_at > len(shown) // 2) else None


def _quoted_at(text: str, quoted: str | None) -> int | None:
    """Where a long unit holds a term (the one a question quotes, an acronym: see _shown_late), accents and case
    aside, or None."""
    if not quoted:
        return None
    found = fold_accents(text).lower().find(fold_accents(" ".join(quoted.split())).lower())
    return found if found >= 0 else None


def lead_in_with_items(store: Store, unit: Unit, asked: QuestionProfile) -> str:
    """A lead-in ('... dans plusieurs domaines :') and the start of each item of the list that follows it (see
    _lead_and_items, items_after): first the unit's own lines after its lead-in (« Les membres du CA sont : » then
    « • 22 membres élus avec une voix délibérative chacun : »), then the units after it."""
    lead, _, own = unit.text.partition("\n")
    following = [item.text for item in items_after(store, unit)]
    read_after = {_item_line(line) for text in following for line in text.split("\n")}  # lines read twice (a unit of lines, then each)
    return _lead_and_items(store, asked, lead, [line for line in own.split("\n") if line.strip() and _item_line(line) not in read_after] + following)


def items_after(store: Store, unit: Unit) -> list[Unit]:
    """The units after a lead-in in its section (units_after_in_section); when it ends its page, the first units of the
    next page in the same section: a list announced at a page's foot goes on overleaf (« Ce projet a plusieurs
    objectifs : », then « S'intégrer aux prairies St Martin … » on the next page)."""
    following = list(units_after_in_section(store, unit))
    if following:
        return following
    chunk = store.chunk(unit.position)
    overleaf = store.positions_on_page(chunk.page + 1, chunk.source)
    first = store.units(overleaf[0])[:1] if overleaf and store.chunk(overleaf[0]).section == chunk.section else []
    return [*first, *units_after_in_section(store, first[0])] if first else []


def closing_lead_in_items(store: Store, asked: QuestionProfile, snippet: Snippet) -> Snippet:
    """An extract that ends on a lead-in (« … Peuvent ainsi être envisagés : »: continued up to it, or the lead-in line
    alone), or on a lead-in and the mark of an item cut away (« • … »), shown with the start of its items
    (_lead_and_items): the list it announces is what it says. For the extract shown once the document is judged to
    answer, as continued is; else the snippet as it is."""
    lines = snippet.text.rstrip().split("\n")
    while lines and not lines[-1].strip(ITEM_MARKS + "… "):
        lines.pop()  # an item cut away: its mark alone
    last = lines[-1].strip().lstrip("…").strip() if lines else ""
    if not last.endswith(":") or len(last) < 2:
        return snippet
    lead = next((unit for unit in (snippet.unit, *units_after_in_section(store, snippet.unit)) if last in (line.strip() for line in unit.text.split("\n"))), None)
    items = [item.text for item in items_after(store, lead)] if lead is not None else []
    if not items:
        return snippet
    before = "\n".join(lines[:-1]).rstrip().rstrip("…").rstrip()
    if before:  # what the extract read before its lead-in, cut to its window of question terms: what the list is of
        before = shorten(before, LEAD_IN_KEPT, wanted=held_terms(asked.term_set, store.analyzer)) + "\n"
    return replace(snippet, text=before + _lead_and_items(store, asked, last, items))


def _lead_and_items(store: Store, asked: QuestionProfile, lead_in: str, items: list[str]) -> str:
    """A lead-in, cut to its window of question terms when long (keeping the figure or date a strict question asks
    for, as snippet_text does), and the start of each of its items, as many as SNIPPET_TARGET holds (LIST_TARGET when
    the question asks for a list, or how to do something: its steps), the last one cut to the room left; a table's rows
    under their header, shown once."""
    wanted = held_terms(asked.term_set, store.analyzer)
    lead = shorten(lead_in, LEAD_IN_KEPT, wanted=wanted, needed=_needed(asked, lead_in))
    in_lead = _terms_held(lead, wanted)
    parts, size, header = [lead], len(lead), ""
    target = LIST_TARGET if asked.kind in ("list", "procedure") else SNIPPET_TARGET
    # an item that holds a word of the question the lead-in lacks is what it asks of: shown longer (« Questions
    # importantes : » then « Quels types de contrat … (CDI, CDD, intérim, contrat aidé) ? »); when two items or more open
    # with such a word, the others are left out (« quels types de préparations … de limiter » : the « Limiter … » items)
    opening = [bool(_terms_held(" ".join(item.lstrip(ITEM_MARKS).split()[:1]), wanted) - in_lead) for item in items]
    parallel = sum(opening) >= 2
    shown = {_item_line(line) for line in lead.split("\n")}
    for following, opens in zip(items, opening):
        if parallel and not opens:
            continue
        if _shown_already(following, shown):  # lines read twice (a unit of lines, then each)
            continue
        above, _, row = following.rpartition("\n")
        kept = ASKED_ITEM_KEPT if _terms_held(following, wanted) - in_lead else ITEM_KEPT
        if is_table_row(row):  # a table's rows, each under its header (ingest.units): the header shown once
            item = "\n".join(([above] if above and above != header else []) + [shorten(row, kept)])
            header = above or row
        else:
            room = target - size - 3  # the item's bullet and space, and the line break
            if room < ITEM_KEPT // 2:
                break
            # one mark: « • », not « • - »; the last item that fits cut to the room left (the controls' third, an audit),
            # around the figure or the date a strict question asks for when the item gives it (« … valable 7 jours »)
            text = following.lstrip(ITEM_MARKS)
            needed = _needed(asked, text)
            told = needed is not None and asked.answered_by(text)
            item = BULLET + " " + (shorten(text, min(kept, room), wanted=wanted, needed=needed) if told else shorten(text, min(kept, room)))
            if told and size + 1 + len(item) > target:  # its figure's line kept whole does not fit: cut as another item
                item = BULLET + " " + shorten(text, min(kept, room))
        if size + 1 + len(item) > target:
            break
        parts.append(item)
        shown.update(_item_line(line) for line in item.split("\n"))  # as shown: a line cut short may come again whole
        size += 1 + len(item)
    return "\n".join(parts)


def _shown_already(text: str, shown: set[str]) -> bool:
    """Whether every line of a text is among the lines already shown (as _item_line reads them)."""
    return all(_item_line(line) in shown for line in text.split("\n"))


def _item_line(line: str) -> str:
    """A list's line without its mark and with its spaces made one: the same line, however it was read."""
    return " ".join(line.lstrip(ITEM_MARKS).split())  # ITEM_MARKS holds the BULLET shown


def _terms_held(text: str, wanted: Callable[[str], frozenset[str]]) -> set[str]:
    """The question's terms that a text's words hold (wanted: held_terms)."""
    return {term for word in text.split() for term in wanted(word)}


def unit_with_following_units(store: Store, unit: Unit, shown: str | None = None) -> str:
    """A unit followed by the next units of the same page and section, up to SNIPPET_TARGET characters or just past; a
    table's next rows without the header each carries (ingest.units), shown once. shown: the unit's text as shown
    (default: all of it)."""
    text = unit.text if shown is None else shown
    header = unit.text.rpartition("\n")[0]
    for following in _units_not_shown(store, unit, text):
        if len(text) >= SNIPPET_TARGET:
            break
        above, _, row = following.text.rpartition("\n")
        text += "\n" + (row if above and above == header and is_table_row(row) else following.text)
        # shown once: the next rows under the same header (the table's first row, when it has no other) show their row alone
        header = above or (row if is_table_row(row) else header)
    return text


def _units_not_shown(store: Store, unit: Unit, shown: str) -> Iterator[Unit]:
    """The units after a unit in its section (units_after_in_section) whose lines are not all shown already: a lead-in's
    unit may hold its first items, which are units of their own too (« Ces coordonnées doivent être exprimées : • pour la
    France métropolitaine … », then « pour la France métropolitaine … »)."""
    lines = {_item_line(line) for line in shown.split("\n")}
    return (following for following in units_after_in_section(store, unit) if not _shown_already(following.text, lines))


def units_after_in_section(store: Store, unit: Unit) -> Iterator[Unit]:
    """The units after a unit on its page, up to the next section's heading: what follows a lead-in or an echo of the
    question belongs to it, the next section does not (« … le numéro de version. 3.3.5.5. Gestion de la protection »)."""
    section = store.chunk(unit.position).section
    for following in store.following_units(unit):
        if store.chunk(following.position).section != section:
            return
        yield following


def other_years(question: str, snippet: Snippet, place: str) -> list[str]:
    """The years a question asks about when the snippet's place (its text: place_text, or when that gives none,
    its section) gives other years and none of them, nor one between them ('entre 2015 et 2020'): the 2022 figure
    does not answer for 2023. Empty when neither gives a year: a year need not be repeated in every sentence. A
    line's own years tell what it is about, whatever its section's (a table of 2015 to 2025 under « … pour 2026 »); a
    year it compares its figure with is not its own (« 2 400 € bruts (contre 2 379 € en 2012) », without_comparisons)."""
    asked = years_asked(question)
    if not asked:
        return []
    placed = years(place)
    if placed and not years(without_comparisons(place)):
        return []  # its figures are of its own time, compared with another's: not said of another year
    held = set(placed) or {word for word in snippet.unit.section_words if YEAR_RE.fullmatch(word)}
    return [] if _within(held, asked) else asked


def unknown_names(store: Store, question: str, titled: frozenset[str] = frozenset()) -> list[str]:
    """Names in what a question asks (Japon, Québec, ...; in an English question, Angers, CCIAG), and years, that
    the corpus never mentions; a name its documents' titles hold (titled: their words, see title_words) is the
    document's own (« RGESN » for the « Référentiel général … - RGESN version 2024 »), mentioned. The sentences told
    before what is asked (asked_sentence: « Je suis acheteur dans un CHU. … ») and a sentence's first word (« … pour
    l'AG. Côté santé, … ») name nothing asked of, nor a name's words spelled out before an acronym in brackets that the
    corpus writes (« the Chamber of Trades and Crafts (CMA) »: the document's CMA, in other words), nor the words of a name
    whose initials the corpus writes (« la Fédération hospitalière de France » of a note that only writes « FHF »). In a
    French question, a word in lower case that neither the corpus
    nor French knows names something too (unknown_words)."""
    asked = asked_sentence(question)
    glued = _written_glued(store, asked)
    unknown = [year for year in years(asked) if not store.known_words(frozenset([year])) and year not in titled and year not in glued]
    english = guess_language(question) != "fr"
    glossed = glossed_names(asked)
    initialled = {word for _, spelled in initialled_names(store, asked) for word in spelled}
    names = [
        name
        for name in proper_names(asked)
        if never_mentioned(store, name, english)
        and not folded_content_words(name) <= titled
        and not (name in glossed and not never_mentioned(store, glossed[name], english))
        and name not in initialled
        and name not in glued
    ]
    if not english:
        names += unknown_words(store, asked, titled)
    return unknown + names


def _written_glued(store: Store, question: str) -> set[str]:
    """The names and numbers a question writes apart (« Natura 2000 ») that the corpus writes as one word
    (« Natura2000 »): both are mentioned."""
    glued = {(name, number): word_key(name) + number for name, number in re.findall(r"(?<![\w-])([^\W\d_]+)\s+(\d+)\b", question)}
    known = store.known_words(frozenset(glued.values()))
    return {part for pair, word in glued.items() if word in known for part in pair}


MIN_PHRASE_WORD = 4  # letters of each word of an unknown phrase: « prix de l'eau » is no subject the corpus lacks


def unknown_phrases(store: Store, asked: str) -> list[str]:
    """The 'N de M' phrases of a French question (what it asks: asked_sentence; judge_snippet reads them for the questions
    that ask for no figure, date or contact) of which the corpus uses neither word,
    both common words (« bornes de recharge » asked of a guide on heating networks, « feux de forêt » of one on floods):
    a subject it lacks, though each word is French (unknown_words reads those French does not know). Not a word glued
    to an elided one (« lenquete de lavise », typed without apostrophes)."""
    return [
        f"{head} de {complement}"
        for head, complement in noun_complements(asked)
        if all(
            word[:1].islower() and len(word) >= MIN_PHRASE_WORD and not store.query_terms(word) and not _elided_french(word)
            for word in (head, complement)
        )
    ]


MIN_UNKNOWN_WORD = 5  # letters: a shorter word unknown is as often a colloquial clip (« clim », « pro ») as a subject


def unknown_words(store: Store, asked: str, titled: frozenset[str] = frozenset()) -> list[str]:
    """The words of a French question in lower case, of MIN_UNKNOWN_WORD letters or more, that are neither a word of
    the corpus nor of the general French lexicon nor one typo away from one (ingest.french.near_french_word): what
    the corpus never mentions (« méthanisation », « vidéosurveillance », « streaming » asked of documents that never
    use them), not a typo (« comune »)."""
    typed = [w for w in whole_words(asked) if w.islower() and w.isalpha() and len(w) >= MIN_UNKNOWN_WORD]
    unknown = [w for w in typed if not near_french_word(w) and not store.query_terms(w) and fold_accents(w) not in titled]
    return [w for w in unknown if not _written_apart(store, fold_accents(w)) and not _elided_french(w)]


def _elided_french(word: str) -> bool:
    """Whether a word is an elided form glued to a French word, its apostrophe left out (« sappliquent », « sappuyer »);
    a French word itself is none (« caisse » is no « c'aisse » one typo from « caisse »)."""
    return not is_french_word(word) and any(near_french_word(rest) for _, rest in glued_elisions(word))


MIN_COMPOUND_PART = 3  # letters of each word a compound may be written as apart (« bio géographiques »)


def _written_apart(store: Store, word: str) -> bool:
    """Whether the corpus writes a word (folded) as two of its words: « biogéographiques » as « bio géographiques »
    (pypdf splits them, and writers do), « vidéosurveillance » as « vidéo surveillance »; or as a prefix it writes
    apart and a form of one of its words: « cofinance » as « co-financement »; a plural as its singular, « véloroutes »
    as « vélo route »."""
    singular = word[:-1] if word[-1:] in ("s", "x") and len(word) > 2 * MIN_COMPOUND_PART else None
    splits = [(form[:i], form[i:]) for form in filter(None, (word, singular)) for i in range(MIN_COMPOUND_PART, len(form) - MIN_COMPOUND_PART + 1)]
    known = store.known_words(frozenset(part for pair in splits + prefix_splits(word) for part in pair))
    if any(head in known and tail in known for head, tail in splits):
        return True
    # a prefix the corpus writes apart (« co-financement »), before a form of a corpus word: « cofinance »
    return any(prefix in known and store.query_terms(rest) for prefix, rest in prefix_splits(word))


def title_words(titles: Iterable[str]) -> frozenset[str]:
    """The content words of documents' titles, accents folded, and the initials of their runs of words (title_initials:
    the acronym a document goes by, « CRAIG »): what names the document itself (see unknown_names)."""
    return frozenset(word for title in titles for word in folded_content_words(title) | title_initials(title))


def opening_names(store: Store, documents: Iterable[Document]) -> frozenset[str]:
    """The words of the names each document's opening chunk writes (« Commune de Charrat : REGLEMENT … », « La ville de
    Saint Just en Chaussée met à disposition … »): the body or the place the document is about, whose later pages need
    not repeat it to answer a question that names it (see title_words)."""
    found: set[str] = set()
    for document in documents:
        first = store.positions_on_page(1, document.name)[:1]
        if first:
            found |= {word for name in proper_names(store.chunk(first[0]).text) for word in folded_content_words(name)}
    return frozenset(found)


# The French institutions an English question capitalises as names (« What will the State do … ? »): named when the
# corpus writes their French word
INSTITUTIONS = {"State": "état", "Government": "gouvernement", "Parliament": "parlement", "Senate": "sénat", "Republic": "république"}


def never_mentioned(store: Store, name: str, english: bool) -> bool:
    """Whether a capitalised word of a question, or a part of it ('Restau'Co', 'Lille-Wazemmes'), is no word
    of the corpus: in a French question, a word the corpus does not write whole (« Eurostat » is no « euros »).
    English capitalises common words too ("French", "Metropolis"): in an English question,
    one that translates to corpus words, or that shares a search term with one, is no name; one that does not
    (Angers, CCIAG, a French word the corpus lacks: Agence) is. A name run together (« MaPrimeRénov' ») is one the
    corpus lacks, unless the snippet's passage writes it apart (judge_snippet): its words apart anywhere name nothing."""
    if english:
        name = re.sub(r"['’]s$", "", name)  # « the State's consumption »: the State
    terms = set(search_terms(name, store.analyzer))
    # in English, a prefix is a cognate (« Metropolis », the corpus's « Métropole »); in French, a name is written whole
    if not terms or (terms <= set(store.query_terms(name)) and (english or _written(store, name))):
        return False
    if name in DOCUMENTS_COUNTRY:
        return False  # « French waste legislation », « en France », « l'État »: a French document need not say whose it is
    french = (INSTITUTIONS.get(name) or ENGLISH_MONTHS.get(name) or french_place_names(name)) if english else ""
    if french:  # « State », « June », « Guiana »: named when the corpus writes their French word (« état », « juin », « Guyane »)
        return not store.known_words(frozenset(folded_content_words(french)))
    return not (english and store.translate(name).strip())


def _written(store: Store, name: str) -> bool:
    """Whether the corpus writes each word of a name, whole or in a form of it (name_forms: « parisien » for Paris,
    « européenne » for a typed « Européene »): a search term is a prefix, and « Eurostat » shares « euros »'s."""
    forms = {word: name_forms(word) for word in folded_content_words(name)}
    known = store.known_words(frozenset().union(*forms.values())) if forms else frozenset()
    return all(variants & known for variants in forms.values())



def place_terms(store: Store, snippet: Snippet, place: str, acronyms: Acronyms = NO_ACRONYMS) -> set[str]:
    """Search terms of the snippet's place (its text: place_text) and of its section, and those it holds
    through the corpus's acronyms (« 4 000 SIAE » holds « structures d'insertion par l'activité
    économique »). A long unit (a flattened table) counts for what is shown of it, not for every word it holds."""
    held = set(snippet.unit.section_terms) | set(search_terms(place, store.analyzer))
    return held | acronyms.held_through(place, held)


def place_text(store: Store, snippet: Snippet) -> str:
    """What the snippet's place reads, its section aside: the end of the unit before it, what it shows,
    and the start of the unit after it in its chunk (SNIPPET_TARGET characters each). A line that opens by referring
    back (« Son montant est de 30 euros », « Celle-ci est … ») reads the SNIPPET_TARGET characters before it, however
    many units they span: what it refers to is named there."""
    units = store.units(snippet.unit.position)
    index = snippet.unit.id - units[0].id
    refers_back = bool(REFERS_BACK_RE.match(snippet.unit.text))
    # a chunk's first line reads on from the chunk before (_units_before); one that refers back reads that chunk too
    earlier = _chunk_before(store, snippet.unit.position) + units[:index] if refers_back else _units_before(store, snippet.unit)
    if refers_back:
        told = "\n".join(unit.text for unit in earlier)
        before = told[_referent_start(told, taken_up_noun(snippet.unit.text)) :]
    else:
        before = earlier[-1].text[-SNIPPET_TARGET:] if earlier else ""
    after = units[index + 1].text[:SNIPPET_TARGET] if index + 1 < len(units) else ""
    return f"{before}\n{snippet.text}\n{after}"


def _units_before(store: Store, unit: Unit) -> list[Unit]:
    """The units before a unit in its chunk, or when it opens its chunk those of the chunk before (_chunk_before)."""
    units = store.units(unit.position)
    earlier = units[: unit.id - units[0].id]
    return earlier or _chunk_before(store, unit.position)


def _chunk_before(store: Store, position: int) -> list[Unit]:
    """The units of the chunk before a chunk when it is on the same page of the same section: a chunk's first line goes on
    from there (« Une étude menée dans le centre de l'Espagne … » then « La CMR offre un résultat de 3.2 individus / ha »);
    else none."""
    chunk = store.chunk(position)
    on_page = store.positions_on_page(chunk.page, chunk.source)
    at = on_page.index(position) if position in on_page else 0
    if at == 0 or store.chunk(on_page[at - 1]).section != chunk.section:
        return []
    return store.units(on_page[at - 1])


REFERENT_REACH = 3 * SNIPPET_TARGET  # characters back a line that takes up a noun (« Cette notification … ») looks for it


def _referent_start(told: str, noun: str | None) -> int:
    """Where what a line refers back to starts in what its chunk told before it (told): the line that last names the noun
    it takes up (« Une notification d'ouverture de session … » for « Cette notification … »), REFERENT_REACH characters
    back at most; else the last SNIPPET_TARGET characters."""
    near = max(0, len(told) - SNIPPET_TARGET)
    if noun:
        reach = max(0, len(told) - REFERENT_REACH)
        named = [m.start() for m in re.finditer(r"[^\W\d_]+", told[reach:]) if same_word(m.group(), noun)]
        if named:
            at = reach + named[-1]
            return min(near, told.rfind("\n", 0, at) + 1)
    return near


def term_weights(store: Store, terms: list[str]) -> np.ndarray:
    """The weight of each of a question's terms: its idf, and for a term the corpus never uses (a typo,
    an English or a phrasing word, or a subject the corpus lacks) the median idf of the others: the
    highest idf, which BM25 gives it, would let one unknown word outweigh all the others."""
    weights = store.idf(terms)
    known = np.isin(terms, store.query_terms(" ".join(terms))) if terms else np.zeros(0, dtype=bool)
    typical = float(np.median(weights[known])) if known.any() else 0.0
    return np.where(known, weights, typical)


def answerability(store: Store, question: str, snippet: Snippet, asked: QuestionProfile, held: set[str]) -> float:
    """How well the snippet's place answers: the share of the question's weighted terms (see term_weights)
    that it holds (held: place_terms), plus its unit's cosine with the question. A
    near-topic question (a figure, a body, a detail the document does not give) misses its key
    term there, even when other passages hold it."""
    terms = search_terms(searched_text(store, question), store.analyzer)  # an English question's translations count
    share = coverage(terms, context_discounted(store, question, terms, term_weights(store, terms), asked.defined), held)
    return share + max(0.0, float(snippet.unit.vector @ asked.vector))


# the heads of an 'N de M' phrase that name a kind or instances of their complement (« types de zones », « exemples de
# consignes »): the complement is what is asked about
_ASKED_BY_COMPLEMENT = KIND_NOUNS | INSTANCE_NOUNS


def unspecified_heads(
    store: Store,
    question: str,
    snippet: Snippet,
    place: str,
    held: set[str],
    acronyms: Acronyms = NO_ACRONYMS,
    asked: QuestionProfile | None = None,
) -> list[str]:
    """The 'N de M' phrases of a French question whose head the snippet's place (its text: place_text, its
    terms: held, see place_terms) holds
    but not the complement that says which one, when that complement is a common word (not a name)
    that the corpus never uses or that is more specific than the head (_more_specific): 'réseau de froid'
    answered with a line on the 'réseau de chaleur', 'critères de sélection' with the call for projects'
    aims; or whose complement the snippet's unit shows without its head (_apart_from_its_head), the unit read
    with the words of the corpus's acronyms it writes (« 4 000 SIAE » shows « structures »). A phrase that names the means
    of contact a question (asked: its profile) asks for (« numéro de téléphone ») is none, when the line gives one (« Tél.
    +41 (0)22 388 00 00 »): it shows it by giving it."""
    if guess_language(question) != "fr":
        return []
    shown = snippet.unit.terms | acronyms.held_through(snippet.unit.text, set(snippet.unit.terms))
    channel_given = asked is not None and asked.kind == "contact" and asked.answered_by(snippet.text)
    items_announced = asked is not None and asked.kind == "list" and asked.typed_answer(snippet.unit)
    place_words = folded_content_words(place) | snippet.unit.section_words
    headed = _heading_phrases(store, snippet.unit)
    unspecified = []
    for head, complement in noun_complements(without_set_aside(asked_sentence(question))):
        head_terms, complement_terms = search_terms(head, store.analyzer), search_terms(complement, store.analyzer)
        if not complement[:1].islower() or not head_terms or not complement_terms or _ends_a_name(question, head):
            continue
        if head.lower() in _ASKED_BY_COMPLEMENT:  # « exemples de consignes »: what is asked about is the complement
            continue
        head_term, complement_term = head_terms[0], complement_terms[0]
        if head_term not in held or _labels(snippet.unit.text, head_term, store.analyzer):
            continue
        if items_announced and head_term in asked.focus:
            # « Quelles étapes de conception … ? » of a line that announces its list (« En phase de conception, elle
            # distingue ainsi : ») or gives it (« les taux 2022 proposés sont les suivants ✓ Taxe Foncière … »): its items
            # are the heads asked, and the line names their kind as it will
            continue
        if channel_given and CONTACT_NOUN_RE.fullmatch(head) and CONTACT_NOUN_RE.fullmatch(complement):
            continue
        if (head_term, complement_term) in headed:
            continue  # the unit's section is titled by the phrase (« Contrat de licence »): what it says is of that
        # held inside a longer word too: 'déclaration' in 'télédéclaré'
        if complement_term in held or any(complement_term in word for word in place_words):
            if _apart_from_its_head(store, question, shown, head_term, complement_term):
                unspecified.append(f"{head} {complement}")
        elif not store.query_terms(complement) or _more_specific(store, question, head_term, complement_term):
            unspecified.append(f"{head} {complement}")
    return unspecified


def _heading_phrases(store: Store, unit: Unit) -> set[tuple[str, str]]:
    """The 'N de M' phrases of the last heading of a unit's section, as the search terms of their head and complement."""
    phrases = set()
    for head, complement in noun_complements(last_heading(store.chunk(unit.position).section)):
        head_terms, complement_terms = search_terms(head, store.analyzer), search_terms(complement, store.analyzer)
        if head_terms and complement_terms:
            phrases.add((head_terms[0], complement_terms[0]))
    return phrases


def _ends_a_name(text: str, head: str) -> bool:
    """Whether a capitalised head ends a name of several capitalised words in a text (« les sessions Innov' Ton Stage de
    décembre »): the name's, which a month or a place may follow, not a common noun whose kind the complement says."""
    return head[:1].isupper() and bool(re.search(rf"\b[A-ZÀ-Ý][\w'’-]*\s+{re.escape(head)}\b", text))


_LABEL_RE = re.compile(r"(?:^|\n|[.!?]\s)\s*([^\W\d_]+)\s?:")  # a field's name that opens a line or a sentence: « Horaires : Du lundi … »


def _labels(text: str, term: str, analyzer: str) -> bool:
    """Whether a line or a sentence opens with a field named by a term (« Horaires : Du lundi au vendredi … »): its value is the
    head's own, whatever complement the question gives it (« les horaires d'ouverture »)."""
    return any(term in search_terms(match.group(1), analyzer) for match in _LABEL_RE.finditer(text))


def _apart_from_its_head(store: Store, question: str, shown: frozenset[str], head_term: str, complement_term: str) -> bool:
    """Whether the snippet's own unit (its terms: shown) holds a specific complement without its head, the head
    only around it (its section, the lines next to it): the weather's 'froid' shown for a 'réseau de froid'."""
    return complement_term in shown and head_term not in shown and _more_specific(store, question, head_term, complement_term)


def _more_specific(store: Store, question: str, head_term: str, complement_term: str) -> bool:
    """Whether the corpus uses a complement less than its head, and less than the question's typical term,
    and it is not one of the corpus's subjects (a word in a third of its passages or more): 'froid' in
    'réseau de froid', not 'chaleur' in a guide on the 'réseaux de chaleur' (nor in a survey on classing
    'réseaux de chaleur et de froid', where 'chaleur' is in 41% of the passages and 'réseau' in 83%)."""
    head_idf, complement_idf = store.idf([head_term, complement_term])
    terms = search_terms(searched_text(store, question), store.analyzer)
    return complement_idf > max(head_idf, SUBJECT_IDF) and complement_idf > float(np.median(term_weights(store, terms)))


def uncounted(store: Store, question: str, asked: QuestionProfile, place: str, held: set[str], acronyms: Acronyms = NO_ACRONYMS) -> list[str]:
    """What a French count question counts (« combien de salariés »), or a figure question measures (« le taux
    de la taxe … », see figure_of), when the snippet's place (its text and terms: place, held, see place_terms) never
    names it: its figure is of something else (« 81 » sources, « 42,93 % » of the receipts). Empty when the question
    names nothing counted or measured, or the place names it; a unit (« le prix du mètre cube ») is named by its
    symbol too (« Prix TTC au m3 »), and a noun made from a verb by the verb (« livrés » for « livraisons »)."""
    if guess_language(question) != "fr":
        return []
    counted = asked.counted or (figure_of(question) if asked.kind in FIGURE_TYPES else None)
    terms = set(search_terms(counted, store.analyzer)) if counted else set()
    if terms and terms & held and asked.counted and _only_per(terms, place, store.analyzer):
        return [counted]  # « pour 100 000 habitants »: a rate's denominator, no count of habitants
    if terms and terms & held and asked.counted and _only_its_kin(counted, terms, place, store.analyzer):
        return [counted]  # « combien de baigneurs » where the place only says « baignade »
    if terms and asked.counted and _subjects_never_counted(store, terms, place, acronyms):
        return [counted]  # « combien de métropoles » where every passage says « métropole » and none counts them
    if not terms or terms & held or (is_unit_word(counted) and gives_a_unit(place)) or _written_apart_in(counted, place):
        return []
    if any(verb_of_noun(counted, word) for word in whole_words(place)):  # « livrés … par semaine » counts « livraisons »
        return []
    return [counted]


_SHARE_WORDS = r"(?:nombre|moitié|tiers|quart|majorité|plupart|totalité)\b"  # a number or a share of them, without its figure
_COUNTED_AFTER_RE = re.compile(
    rf"(?:(?:{NUMBER_RUN}|{NUMBER_WORDS})(?:\s*%\s*(?:des?\s+|d['’]\s?)|\s+(?:(?:millions?|milliards?|milliers?|centaines?|dizaines?)\s+(?:de\s+|d['’]\s?))?)|\b{_SHARE_WORDS}\s+(?:de\s+|des\s+|d['’]\s?))([^\W\d_]+)(?:\s+([^\W\d_]+))?",
    re.IGNORECASE,
)
_SHARE_WORD_RE = re.compile(_SHARE_WORDS, re.IGNORECASE)
_KIND_OF_RE = re.compile(rf"{KIND_OF}([^\W\d_]+)", re.IGNORECASE)  # what a kind is of: « types de profil »
# a field that counts what its name opens with: « Jeunes en 1er accueil : 629 », « Salariés au 31/12 : 194 »
_COUNTED_FIELD_RE = re.compile(rf"(?:^|\n|\|[^\S\n]*|[.;•][^\S\n]+)([^\W\d_]+)(?:[^\S\n]+[\w'’/]+){{0,4}}[^\S\n]*:[^\S\n]*(?:{NUMBER_RUN})", re.IGNORECASE)
# a figure or a share that counts what was named before it: « 12 d'entre elles », and a share whose verb follows it,
# its noun left unsaid (« Plus de 67% ont plus de 10 ans », « la moitié ne sont pas … »)
_AMONG_THEM_RE = re.compile(
    rf"(?:{NUMBER_RUN}|{NUMBER_WORDS})\s+d['’]\s?entre\s+(?:eux|elles)\b"
    rf"|(?:{NUMBER_RUN}\s?%|\b(?:la\s+moitié|(?:le|un)\s+(?:tiers|quart)|la\s+majorité|la\s+plupart))\s+(?:n['’]\s?|ne\s+)?(?:ont|sont|avaient|étaient)\b",
    re.IGNORECASE,
)


def _subjects_never_counted(store: Store, terms: set[str], place: str, acronyms: Acronyms = NO_ACRONYMS) -> bool:
    """Whether what a question counts is one of the corpus's subjects (its terms each in a third of the passages or
    more: SUBJECT_IDF) that the place never writes after a figure or a share (« 22 métropoles », « nombre de métropoles »,
    « la moitié des métropoles »), nor as the first word of a field whose value is a figure (« Jeunes en 1er accueil :
    629 »), nor before « N d'entre elles » or a share whose verb follows it (« 67% ont … »): naming
    a subject every passage names says nothing of its count; an acronym after the figure counts its words (« 4 000
    SIAE », structures d'insertion …)."""
    if any(idf > SUBJECT_IDF for idf in store.idf(sorted(terms))):
        return False
    for match in _COUNTED_AFTER_RE.finditer(place):
        counted = f"{match.group(1)} {match.group(2) or ''}"
        kind_of = _KIND_OF_RE.match(place, match.end(1)) if fold_accents(match.group(1).lower()) in KIND_NOUNS else None
        if kind_of:  # « deux types de profil » counts profiles too
            counted += f" {kind_of.group(1)}"
        if (set(search_terms(counted, store.analyzer)) | acronyms.held_through(counted, set())) & terms:
            return False
    if any(set(search_terms(match.group(1), store.analyzer)) & terms for match in _COUNTED_FIELD_RE.finditer(place)):
        return False
    among = _AMONG_THEM_RE.search(place)  # counts what was named before it
    return not (among and set(search_terms(place[: among.start()], store.analyzer)) & terms)


def unheld_role(store: Store, question: str, asked: QuestionProfile, held: set[str]) -> list[str]:
    """The role a French question asks who holds (« Qui est le maire de Vedène ? », « Qui préside … ? »: role_asked), or the
    kind of thing it asks the name of (« Comment s'appelle le préfet … ? »), when the snippet's place (its terms: held)
    never names it: a name there is someone else's, or a place's. Not the authors of
    the document, whom a credits line names without the word (credited_by)."""
    role = role_asked(asked_sentence(question)) if (asked.measure == "identity" or asked.kind == "name") and not asked.authorship else None
    if not role or set(search_terms(role, store.analyzer)) & held:
        return []
    return [role]


# a rate's denominator is a round number: « pour 100 000 habitants », not « pour 850 000 collégiens »
_PER_RE = re.compile(r"\b(?:pour|par)\s+(?:10{0,2}(?:[\s\u202f\u00a0]000)*|10{0,5}|cent|mille)\s+(\w+)", re.IGNORECASE)


def _only_per(terms: set[str], place: str, analyzer: str) -> bool:
    """Whether a place names what a question counts (its search terms) only after « pour » or « par » and a number (« 63
    médecins pour 100 000 habitants »): the denominator of a rate, not a count of it."""
    per = {m.start(1) for m in _PER_RE.finditer(place) if set(search_terms(m.group(1), analyzer)) & terms}
    named = [m.start() for m in re.finditer(r"\w+", place) if set(search_terms(m.group(), analyzer)) & terms]
    return bool(named) and all(at in per for at in named)


def _only_its_kin(counted: str, terms: set[str], place: str, analyzer: str) -> bool:
    """Whether a place writes what a question counts (its search terms) only as nouns of an action, a state or a whole of
    the same search term (« baignade flottante » for « combien de baigneurs », « jeunesse » for « combien de jeunes »):
    neither the word itself, in the singular or the plural, nor a verb it is made from. Only a French plural noun, what
    a count counts, itself none of those: « combien d'électricité » asks how much of it, and a typo is no word to
    compare (« minuts »). Another word of the search term may name the same things (« végétariens » for a « végé » read
    as « végétales »)."""
    if not (counted.endswith(("s", "x")) and is_french_word(counted)) or names_an_abstraction(counted):
        return False
    kin = [word for word in words(place) if set(search_terms(word, analyzer)) & terms]  # « l'amende », « fiches-actions »: each word
    return bool(kin) and all(names_an_abstraction(word) and not same_word(counted, word) and not verb_of_noun(counted, word) for word in kin)


MAX_PARTS_APART = 4  # words a name run together may be written as: « Ma Prime Rénov' » for « MaPrimeRénov' »


def _written_apart_in(word: str, text: str) -> bool:
    """Whether a text writes a word as several of its words in a row (accents folded): « MaPrimeRénov' » as « Ma Prime
    Rénov' »."""
    folded = word_key(word).replace("'", "").replace("’", "")
    parts = [word_key(w) for w in whole_words(text)]
    return any("".join(parts[i:j]) == folded for i in range(len(parts)) for j in range(i + 2, min(i + MAX_PARTS_APART, len(parts)) + 1))


def opposite_words(store: Store, question: str, place: str) -> list[str]:
    """The words a French question negates (« les déchets non dangereux ») that the snippet's place (its
    text: place_text) says without their « non »: it is about the opposite of what is asked (« les déchets
    dangereux »), nor under a verb's negation (« Ne font pas partie des dépenses éligibles », words_after_negation). Words
    compared whole, but for an inflection (same_word): « collectivité » is no « collectif », though
    the search reads both as « colle ». A place that negates a word of the same family says what is asked too (« non
    conforme » of « La non-conformité porte sur … »)."""
    if guess_language(question) != "fr":
        return []
    negated = negated_words(place)
    # a word a verb's negation governs is not said either (« Ne font pas partie des dépenses éligibles » for « non éligibles »)
    unsaid = negated + words_after_negation(place)
    said = [word for word in whole_words(place) if not any(same_word(word, other) for other in unsaid)]
    negated_family = {term for word in negated for term in search_terms(word, store.analyzer)}
    return [
        f"non {word}"
        for word in negated_words(question)
        if any(same_word(word, other) for other in said) and not set(search_terms(word, store.analyzer)) & negated_family
    ]


def judge(
    store: Store,
    question: str,
    passages: list[Passage],
    hits: list[Hit],
    asked: QuestionProfile,
    acronyms: Acronyms = NO_ACRONYMS,
    titled: frozenset[str] = frozenset(),
) -> Judgement:
    """The best snippet of the passages and its answerability; 0 when the question names something,
    or a year, that the corpus never mentions, or when the snippet's place is about another kind of
    what it asks for (unspecified_heads), its opposite (opposite_words), other years (other_years) or
    something else than it counts (uncounted). acronyms: the corpus's (see place_terms); titled: its documents' titles'
    words (see unknown_names)."""
    snippet = extract_snippet(store, question, passages, hits, asked)
    if snippet is None:
        return Judgement(None, 0.0)
    judged = judge_snippet(store, question, snippet, asked, acronyms, titled)
    neighbour = _neighbour_saying_it(store, question, snippet, asked) if judged.refusal else None
    if neighbour is not None:  # the line next to it says what the question asks of: judged in its place
        other = judge_snippet(store, question, neighbour, asked, acronyms, titled)
        if not other.refusal:
            return other
    return judged


def judge_snippet(
    store: Store, question: str, snippet: Snippet, asked: QuestionProfile, acronyms: Acronyms = NO_ACRONYMS, titled: frozenset[str] = frozenset()
) -> Judgement:
    """A snippet's answerability, and the rule of judge's that refuses it, if any."""
    place = place_text(store, snippet)  # read once: the score and the rules look at the same place ...
    held = place_terms(store, snippet, place, acronyms)  # ... and at the same terms of it
    held |= credited_by(asked, snippet.unit.text)  # a line that credits the authors says what a question on them names
    held |= cover_dated_by(store, asked, snippet.unit)  # a cover's date says what a question on the document's date names
    held |= addressed_by(store, asked, snippet.unit)  # a back cover's address says what a question on its address names
    held |= signed_by(asked, snippet.unit.text)  # a signature says what a question on who signed names
    score = answerability(store, question, snippet, asked, held)
    # a name the snippet's passage writes otherwise: an acronym it spells out (« CDD », « contrat à durée déterminée »),
    # a name run together that it writes apart (« MaPrimeRénov' », « Ma Prime Rénov’ »)
    passage = snippet.passage.text
    unknown = [
        name
        for name in unknown_names(store, question, titled)
        if not (in_capitals(name) and spells_initials(name, passage)) and not _written_apart_in(name, passage)
    ]
    if asked.kind not in STRICT_TYPES and guess_language(question) == "fr":
        # (a question that asks for a figure, a date or a contact names it in words a document need not use: « le numéro de
        # téléphone » of a leaflet that only prints the number)
        unknown += unknown_phrases(store, asked_sentence(question))
    if unknown:
        return Judgement(snippet, score, f"never mentioned: {', '.join(unknown)}")
    unspecified = (
        unspecified_heads(store, question, snippet, place, held, acronyms, asked)
        + opposite_words(store, question, place)
        + other_years(question, snippet, place)
        + uncounted(store, question, asked, place, held, acronyms)
        + unheld_role(store, question, asked, held)
    )
    if unspecified:
        return Judgement(snippet, score, f"not about: {', '.join(unspecified)}")
    return Judgement(snippet, score)


def _neighbour_saying_it(store: Store, question: str, snippet: Snippet, asked: QuestionProfile) -> Snippet | None:
    """The line just after (else before) the snippet's in its chunk that holds every 'N de M' phrase of a French question,
    head and complement (« Niort frais de fermeture par compteur »: « Les frais de fermeture s'établissent à deux cents
    (200) €HT par compteur », after the line on Niort's rule that only says « fermeture »), as a snippet; else None."""
    if guess_language(question) != "fr":
        return None
    wanted = {terms[0] for pair in noun_complements(question) for terms in (search_terms(part, store.analyzer) for part in pair) if terms}
    units = store.units(snippet.unit.position)
    at = next((i for i, unit in enumerate(units) if unit.text == snippet.unit.text), None)
    if not wanted or at is None:
        return None
    for j in (at + 1, at - 1):
        if 0 <= j < len(units) and wanted <= units[j].terms:
            unit, score = best_unit(store, asked, units[j].position, SNIPPET_WEIGHTS, only=lambda text, said=units[j].text: text == said)
            if unit is not None:
                return Snippet(snippet_text(store, unit, asked), snippet.passage, score, unit)
    return None
