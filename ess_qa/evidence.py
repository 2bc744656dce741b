"""How well each answer unit (sentence, list item, fact-sheet line) of a chunk answers a question.

Used twice: to rerank retrieved chunks by their best unit, and to pick the snippet of an answer.
Unit embeddings are computed when the index is built, so scoring costs dot products only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import numpy as np

from index.store import Store, Unit
from ingest.french import (
    BEFORE_NOUN_ADJECTIVES,
    CREDITS_RE,
    PREFIX_CHARS,
    acronyms_spelled_out,
    content_words,
    dates_signing,
    defines,
    fold_accents,
    folded_content_words,
    french_place_names,
    in_capitals,
    inflected_forms,
    is_french_word,
    normalize_apostrophes,
    prefix_terms,
    same_word,
    search_terms,
    signs,
    without_web_addresses,
    word_key,
)
from ingest.numbers import CLOCK_RE, MONTH_RE, PERIOD_RE, PHONE, RANGE_RE, RATE_PER, STREET_WORDS, WEEKDAY_RE, YEAR_RE, act_years, counts, holds_measure, holds_money, quantity_runs, spelled_counts, stated_dimensions, unit_dimension, years
from ingest.units import ROW_SEPARATOR

from .acronyms import NO_ACRONYMS, Acronyms
from .initials import MAX_NAME_WORDS, MIN_NAME_WORDS, spells_initials
from .questions import DOCUMENT_NAMED_RE, DOCUMENTS_STATE, KIND_NOUNS, asked_part, asked_sentence, asks_authorship, asks_signing_date, dated_document, dating_words, defined_words, guess_language, name_runs, proper_names, question_focus, question_measure, question_type, quoted_term, signed_subject, signing_words

# The last feature, "row" (the table row the question names), is a bonus on top of the weighted mean
# of the others: scores are divided by the other weights' sum and capped at 1.
FEATURES = ("coverage", "context", "words", "cosine", "type", "new", "focus", "row")
ROW = FEATURES.index("row")
ROW_PAGE_COVERAGE = 0.6  # share of a question's other terms a table's page must hold for its named rows to be searched
RERANK_WEIGHTS = (0.3, 0.6, 0.0, 0.2, 0.2, 0.0, 0.0, 1.0)  # which chunk answers best (tuned on dev + held-out sets)
SNIPPET_WEIGHTS = (0.3, 1.0, 0.0, 0.2, 0.4, 0.1, 0.2, 0.5)  # which sentence to show: new information counts too

_NAME_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ]+)+")
# someone's name with the surname in capitals, before or after the first name: « Gaëlle FADDA », « CARVALHO Marie »
_SURNAME_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+[A-ZÀ-Ý]{2,}(?:[- ][A-ZÀ-Ý]{2,})*\b|\b[A-ZÀ-Ý]{2,}\s+[A-ZÀ-Ý][a-zà-ÿ]+\b")
_STREET_END_RE = re.compile(rf"\b(?:{STREET_WORDS})(?:\s+(?:du|de\s+la|de|des|d'|d’))?$", re.IGNORECASE)  # « rue », « place de la »
# a percentage, with a decimal comma or point (« 43.9 % » as a council's minutes write it), or a rate per thousand
_PERCENT_RE = re.compile(r"\d\s?%|\bpour ?cents?\b|\bpercent\b|" + RATE_PER, re.IGNORECASE)
# a ratio, which a rate may be told as (« un taux d'encadrement de 6 enfants par animateur(trice) », « 1 adulte pour 8
# enfants »): a figure and its noun, then « par » or « pour » and what it is per
_RATIO_RE = re.compile(r"\b(?:\d+|un|une)\s+[^\W\d_]{3,}(?:\([^\W\d_]+\))?\s+(?:par|pour)\s+(?:(?:un|une|chaque)\s+|\d+\s+)?[^\W\d_]{3,}", re.IGNORECASE)
# a phone number ('01 23 45 67 89', '+33 1 23 45 67 89'), an e-mail or a web address
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.]+"
_WEB = r"\bhttps?://|\bwww\.|\b[\w-]+\.(?:fr|org|com|eu|net|gouv)\b"
_CONTACT_RE = re.compile(f"{PHONE}|{_EMAIL}|{_WEB}", re.IGNORECASE)
_CHANNEL_RES = {"phone": re.compile(PHONE), "email": re.compile(_EMAIL), "web": re.compile(_WEB, re.IGNORECASE)}  # see question_measure
# a lead-in ('... les principes suivants :') or a line that lists after a colon, with bullets, arrows or numbers
# ('cinq domaines : – Les services', ': → rappels') or items parted by commas or semicolons ('sont : le répertoire …, …, …')
_LIST_RE = re.compile(r":\s*$|:\s*(?:[-–—•>→➔➢►▶✓✔*]|\d+[.)/]|1er\b)|:[^.:]*[,;][^.:]*[,;]")
# question types that a named row's value answers whatever it holds (a definition or list cue has no row form)
_ANY_ROW_VALUE = ("other", "definition", "list")
# What may, must or may not be: the words of a rule, a right, a ban or a denial (the answer to a yes-or-no question)
_MODAL_RE = re.compile(
    r"\b(peut|peuvent|pourra|pourront|doit|doivent|devra|devront|faut|droits?|interdite?s?|obligatoires?|obligatoirement"
    r"|oblig[ée]e?s?|tenue?s?|autoris[ée]e?s?|possible|impossible|aucune?|jamais|exclusivement|exempt[ée]e?s?|dispens[ée]e?s?"
    r"|soumise?s?|ne\s+(?:\S+\s+){1,2}?(?:pas|plus|jamais)|n'\S+\s+(?:pas|plus|jamais))\b",
    re.IGNORECASE,
)
# A cause or an aim, the answer to « pourquoi » (« en raison de l'absence de compteurs », « afin de limiter », « because »),
# read with straight apostrophes; an elided word ends at its apostrophe or goes on with « e » (« parce qu' », « parce que »)
_REASON_RE = re.compile(
    r"\b(parce\s+qu|car|puisqu|en\s+raison\s+d|du\s+fait\s+(?:d|qu)|[àa]\s+cause\s+d|gr[âa]ce\s+(?:[àa]|aux?)|faute\s+d|afin\s+(?:d|qu)"
    r"|dans\s+le\s+but|en\s+vue\s+d|pour\s+(?:cette|ces)\s+raisons?|c'est\s+pourquoi|d'o[ùu]|s'expliqu\w*|expliqu\w*\s+par|d[uû]e?s?\s+[àa]"
    r"|[ée]tant\s+donn[ée]|compte\s+tenu|because|due\s+to|owing\s+to|in\s+order\s+to|so\s+that)(?:\b|(?=['e]))",
    re.IGNORECASE,
)
# what says where a thing is, when no address does: « Situé sur la friche … », « implantée à … », « se trouve dans … »
_LOCATED_RE = re.compile(r"\b(?:situ|implant|localis|install|h[ée]berg)[ée]e?s?\s+(?:à|a|au|aux|sur|dans|en|pr[èe]s)\b|\bse\s+(?:trouv|situ)e(?:nt)?\s+(?:à|au|aux|sur|dans|en|pr[èe]s)\b", re.IGNORECASE)
# a named place after the preposition that says where (« à Neuilly-sur-Marne », « en Bretagne », « aux Açores », « dans
# le Lot »)
_AT_NAMED_PLACE_RE = re.compile(r"\b(?:(?:à|au|aux|en|dans\s+(?:le|la|les))\s+|dans\s+l['’]\s*)((?-i:[A-ZÀ-Ý])[\w'’-]+)", re.IGNORECASE)
# a street address: its number before the street (« 2, chemin Vert », « 15 bis rue … ») or a post box (« BP 12 »), not a
# postcode alone, which a year or a page's number glued to it may look like (« Rapport annuel 20123 »)
_STREET_ADDRESS_RE = re.compile(rf"\b\d{{1,4}}(?:\s*(?:bis|ter))?,?\s+(?:{STREET_WORDS}|chemin|route|impasse|square|parvis)\b|\b(?:BP|CS|TSA)\s?\d", re.IGNORECASE)


def gives_a_street(text: str) -> bool:
    """Whether a text gives a street address (_STREET_ADDRESS_RE) outside its web addresses."""
    return bool(_STREET_ADDRESS_RE.search(without_web_addresses(text)))


# an address: a street after its number (« 18, rue … », « 3 place … »; « la place de l'ESS » is none), or before it as
# Switzerland and Belgium write it, after the street's name in capitals (« Rue du Grand-Pré 64-66 »), a postcode, a post box
_PLACE_RE = re.compile(
    rf"\b\d{{1,4}}(?:\s*(?:bis|ter))?,?\s+(?:{STREET_WORDS})\b|\b(?:cedex|bp|cs)\b|\b\d{{5}}\b"
    rf"|\b(?:{STREET_WORDS}|chemin|route)\s+(?:(?:de\s+la|du|des|de)\s+|d['’]|l['’])?(?-i:[A-ZÀ-Ý])[\w'’-]+(?:\s+(?-i:[A-ZÀ-Ý])[\w'’-]+){{0,3}},?\s+\d{{1,3}}(?:\s?[-–]\s?\d{{1,3}})?(?!\d|[,.]\d)",
    re.IGNORECASE,
)


def locates(text: str) -> bool:
    """Whether a text says where something is (« situé à », « se trouve dans »): a place, without a street."""
    return bool(_LOCATED_RE.search(text))


def holds_words(text: str, words: frozenset[str]) -> bool:
    """Whether a text holds each of these content words (accents folded), by its first PREFIX_CHARS letters (« projets
    alimentaires territoriaux » holds « projet alimentaire territorial »)."""
    held = set(prefix_terms(text))
    return all(word[:PREFIX_CHARS] in held for word in words)


_YEAR_FORM_BEFORE_RE = re.compile(YEAR_RE.pattern + r"\s+([^\W\d_]{3,})")  # a year's figure, then a word


def _counted_by_a_year_form(text: str, counted: str) -> bool:
    """Whether a figure that could be a year is followed by what a question counts (« revu à 1800 exemplaires » for
    « combien d'exemplaires »): a count, not a year."""
    return any(same_word(match.group(2), word) for match in _YEAR_FORM_BEFORE_RE.finditer(text) for word in content_words(counted))


def _spelled_measure(text: str) -> bool:
    """Whether a text gives a figure in words in a unit of measure other than a duration (« cinq cents litres »)."""
    return any(unit_dimension(noun) not in (None, "duration") for _, noun in spelled_counts(text))


KIND_OF = r"\s+(?:de|d['’]|des)\s*"  # between a kind and what it is a kind of: « deux types de profil »


def spelled_counted(text: str) -> list[str]:
    """What the counts a text writes in words count (ingest.numbers.spelled_counts), past an adjective French puts before
    its noun (« sept courts films » counts films) and past a kind (« deux types de profil » counts profiles too)."""
    counted = []
    for number, noun in spelled_counts(text):
        counted.append(noun)
        folded = fold_accents(noun.lower())
        between = r"\s+" if folded in BEFORE_NOUN_ADJECTIVES else KIND_OF if folded in KIND_NOUNS else None
        if between:
            after = re.search(rf"\b{re.escape(number)}\s+{re.escape(noun)}{between}([^\W\d_]{{3,}})", text, re.IGNORECASE)
            if after:
                counted.append(after.group(1))
    return counted


# who does a thing, said by the passive's agent (« financé par la Mairie », « est recherché par le médecin »: a past
# participle before « par », not « se termine par un bilan ») or by whose charge it is under (« placée sous la
# responsabilité de Monsieur le Maire »): a role or a body answers « Qui … ? » as a name does; not the locutions
# « par » opens that name no one (« traité par la suite », « diffusé par le biais de »)
_AGENT_RE = re.compile(
    r"\b[^\W\d_]{2,}(?:ée?s?|i[st]?e?s?|ue?s?)\s+par\s+(?:l['’]\s*|les\s+|le\s+|la\s+|un\s+|une\s+|des\s+|du\s+|son\s+|sa\s+|ses\s+|leurs?\s+)([^\W\d_]+)"
    r"|\bsous\s+(?:la\s+responsabilit[ée]|l['’]\s*autorit[ée]|la\s+tutelle|la\s+direction)\s+(?:de\s+|d['’]\s*|du\s+|des\s+)"
    r"(?:(?:l['’]\s*|les\s+|le\s+|la\s+)?(?:Monsieur|Madame|M\.|Mme)\s+)?(?:l['’]\s*|les\s+|le\s+|la\s+|son\s+|sa\s+|ses\s+|leurs?\s+)?([^\W\d_]+)",
    re.IGNORECASE,
)
_NO_AGENT = frozenset({"suite", "biais", "intermediaire", "passe", "voie", "moyen", "moyens", "fait", "force"})
# a name given by a verb of naming: « nommé Clervia », « appelée « La Fabrique » », « dit Pass'Sport »
_NAMED_RE = re.compile(r"\b(?:nomm|appel|d[ée]nomm|intitul|baptis)[ée]e?s?\s+(?:«\s*|\"|“)?((?-i:[A-ZÀ-Ý])[\w'’-]*)", re.IGNORECASE)
# a name the text puts in quotes, short and capitalised: le programme « PHARE », le label "Quartiers d'été"
_QUOTED_NAME_RE = re.compile(r"(?:«\s*|\"|“)([A-ZÀ-Ý][^«»\"“”\n]{0,60}?)\s*(?:»|\"|”)")


def type_matches(
    unit: str, kind: str, question_words: set[str], measure: str | None = None, counted: str | None = None, told: frozenset[str] = frozenset()
) -> bool:
    """Whether a unit holds what the question type asks for, and that the question does not already say:
    a sum of money, a percentage, a count (not a list item's number) or a measure in its unit (measure:
    the dimension a "quelle longueur" asks for, or that of the figure a question compares with thresholds,
    see ess_qa.questions.question_measure), a phone, mail or web address, a date, a list (its lead-in), a
    name, a place, an address (postal, mail or web), a definition of a word of the question. A count
    written in words answers when it counts what the question does (counted: 'parties' in « combien de
    parties »): « comporte trois parties », not « les deux nouvelles fiches ». told: the acronyms the question
    spells out itself, whose spelling defines nothing (ingest.french.defines)."""
    if kind == "money":
        return holds_money(unit)
    if kind == "number" and measure == "range":  # « entre quelles valeurs »: « dans une fourchette de 1 à 10 », « 600-700 EH »
        return bool(RANGE_RE.search(unit))
    if kind in ("number", "threshold") and measure not in (None, "count"):  # 'quelle température': '17 °C', not '2 réseaux'
        # « quel poids » asks for a mass, for a share (« le poids de l'ESS dans l'emploi », « 42,93 % des recettes ») or
        # for a file's size (« 460 Mo »)
        told_figures = question_words if kind == "number" else ()  # a threshold question gives the figure the text compares
        return holds_measure(unit, measure, told_figures) or (measure == "mass" and (bool(_PERCENT_RE.search(unit)) or holds_measure(unit, "data")))
    if kind == "number":  # a count or an amount ('combien de salariés': not a sum of money); a year alone ('Juillet 2018') is neither
        # « combien de salariés » counts, and a sum of money is no count; « combien d'amende », of a noun in the singular, asks how much
        how_much = measure == "count" and _in_the_singular(counted)
        runs = counts(unit) if measure == "count" and not how_much else quantity_runs(unit)
        written = any(re.sub(r"\D", "", n) not in question_words and not YEAR_RE.fullmatch(n) for n in runs)
        # a figure glued to its unit (« inférieur à 24h », « 40gr ») measures, though no count is glued to a letter; and
        # so answers how much of a thing is asked (« combien de viande »: « 500g/semaine »)
        # a figure in words measures too, in a unit other than time's (« cinq cents litres d'eau », not « trois ans »)
        measured = (measure is None or how_much) and bool(stated_dimensions(unit) or _spelled_measure(unit))
        return written or measured or (
            counted is not None and (any(same_word(noun, counted) for noun in spelled_counted(unit)) or _counted_by_a_year_form(unit, counted))
        )
    if kind == "percent":
        return bool(_PERCENT_RE.search(unit) or _RATIO_RE.search(unit))
    if kind == "contact":
        return bool((_CHANNEL_RES.get(measure) or _CONTACT_RE).search(unit))
    if kind == "date" and measure in ("clock", "time"):  # « les horaires »: '5 h', '13h30', 'du lundi au vendredi'
        # not the day the question names itself: « le forum du vendredi soir » is not told by « au forum le vendredi soir »;
        # nor, for a time of day (« à quelle heure »), any day of the week
        times = [t for t in CLOCK_RE.findall(unit) if not (measure == "time" and WEEKDAY_RE.fullmatch(t))]
        return any(not (t.isalpha() and fold_accents(t).lower().rstrip("s") in question_words) for t in times)
    if kind == "date":
        periods = {fold_accents(p).lower() for p in PERIOD_RE.findall(unit)}
        dated = [*years(unit), *act_years(unit)]
        return any(y not in question_words for y in dated) or bool(MONTH_RE.search(unit)) or bool(periods - question_words)
    if kind == "person":  # who holds a role: someone's name (« Gaëlle FADDA », « Johanna Rolland »)
        found = someones_names(unit) if measure == "identity" else names(unit)
        return any(not folded_content_words(name) <= question_words for name in found) or (measure is None and _names_an_agent(unit, question_words))
    if kind == "name":  # a name of several words, or one a verb of naming gives (« le réseau … nommé Clervia »)
        named = (match.group(1) for match in _NAMED_RE.finditer(unit))
        quoted = (name for name in _QUOTED_NAME_RE.findall(unit) if len(name.split()) <= MAX_NAME_WORDS)
        return any(not folded_content_words(name) <= question_words for name in (*names(unit), *named, *quoted))
    if kind == "place":
        named = any(word_key(name) not in question_words for name in _AT_NAMED_PLACE_RE.findall(unit))
        return bool(_PLACE_RE.search(unit) or locates(unit)) or named
    if kind == "address":  # a postal one asked for (measure « postal »): a street, a postcode (no web address's number), a box
        text = without_web_addresses(unit)
        return bool(_PLACE_RE.search(text) or _STREET_ADDRESS_RE.search(text) or (measure != "postal" and _CONTACT_RE.search(unit)))
    if kind == "definition":
        return defines(unit, question_words, told)
    if kind in ("list", "procedure"):
        return bool(_LIST_RE.search(unit))
    if kind == "yesno":
        return bool(_MODAL_RE.search(unit))
    if kind == "reason":
        return bool(_REASON_RE.search(normalize_apostrophes(unit)))
    return False


def _names_an_agent(text: str, question_words: set[str]) -> bool:
    """Whether a text says who does a thing by a role or a body (_AGENT_RE) that the question does not name itself."""
    for match in _AGENT_RE.finditer(text):
        word = fold_accents(match.group(match.lastindex or 1)).lower()
        if word not in _NO_AGENT and word not in question_words and word_key(word) not in question_words:
            return True
    return False


def _in_the_singular(noun: str | None) -> bool:
    """Whether a French noun is written in the singular (no final s or x): « combien d'amende » asks how much of it."""
    return noun is not None and not noun.lower().endswith(("s", "x"))


def names(text: str) -> list[str]:
    """Runs of capitalised words ('Johanna Rolland', 'Nantes Métropole'); at a sentence's start,
    where any word is capitalised, a run must not begin with a function word ('Les Ecossolies'); after a street's
    word, a run names the street, not someone (« 18, rue Gabriel Péri »), and one holding « Cedex » a town
    (« Strasbourg Cedex Tél. »)."""
    return [name for _, name in _name_runs(text)]


def _name_runs(text: str) -> list[tuple[str, str]]:
    """The runs of names() as (what the text says before it, the name)."""
    found = []
    for match in _NAME_RE.finditer(text):
        name = match.group()
        before = text[: match.start()].rstrip()
        if _STREET_END_RE.search(before) or "cedex" in name.lower().split():  # a street's or a town's postal name
            continue
        if not before or before[-1] in ".!?:»\n":
            first, _, rest = name.partition(" ")
            if not content_words(first):
                name = rest
            if len(name.split()) < 2:
                continue
        found.append((before, name))
    return found


# a determiner right before a name: « dans le Grand Avignon », « du Pays Voironnais » name a place or a body, no one
_DETERMINER_END_RE = re.compile(r"(?:^|\s)(?:le|la|les|l['’]|du|des|au|aux)$", re.IGNORECASE)


def someones_names(text: str) -> list[str]:
    """The names of a text that name someone: those not made of French words only (« Établissement Public » names no
    one), nor a place's or a body's that a determiner opens (« dans le Grand Avignon »; a first word of French, a
    title, aside: « le Président Jean Dupont » names him), and a surname in capitals before or after a first name
    (« Gaëlle FADDA », which names() does not read)."""
    found = []
    for before, name in _name_runs(text):
        words = re.split(r"[ -]", name)
        if all(is_french_word(word) for word in words):
            continue
        named = words[1:] if is_french_word(words[0]) else words  # a title before the name: « le Président Jean Dupont »
        if _DETERMINER_END_RE.search(before) and len(named) < 2:
            continue
        found.append(name)
    return [*found, *_SURNAME_RE.findall(text)]


def coverage(terms: list[str], weights: np.ndarray, text_terms: set[str]) -> float:
    """Share of the question's term weight (idf) that a text holds."""
    total = float(weights.sum())
    if not terms or total <= 0:
        return 0.0
    return float(sum(w for t, w in zip(terms, weights) if t in text_terms) / total)


# How much a term of the context told before what a question asks counts (see asked_part), against 1 for a term of
# what it asks: the context says where the asker stands, and may name what « les » refers to in what is asked. Chosen
# on the tuning sets (benchmarks/dev_loop.py): 0.5 gives 2 more right answers (long questions) and changes nothing
# else, 0.25 as many gained as lost (docs/settings.md, CONTEXT_WEIGHT).
CONTEXT_WEIGHT = 0.5


def context_discounted(
    store: Store, question: str, terms: list[str], weights: np.ndarray, defined: frozenset[str] = frozenset()
) -> np.ndarray:
    """The weights of a question's terms, those of the context told before what it asks (see asked_part), or around
    the term a definition question asks for (defined: QuestionProfile.defined), lowered."""
    # a definition question asks for its term; where it says the term is used (« … évoqué dans le projet de loi de
    # finances ») is context too
    asked = asked_part(question)
    if asked == question and not defined:
        return weights
    asked_terms = set(search_terms(searched_text(store, " ".join(sorted(defined)) or asked), store.analyzer))
    return weights * np.array([1.0 if term in asked_terms else CONTEXT_WEIGHT for term in terms])


@dataclass(frozen=True)
class QuestionProfile:
    """What unit scoring needs to know of a question, computed once."""

    terms: list[str]
    weights: np.ndarray
    words: set[str]
    kind: str
    vector: np.ndarray
    focus: frozenset[str] = frozenset()  # terms of the noun asked about ('habitants'), with its translations
    named_row_positions: frozenset[int] = frozenset()  # chunks holding a table row the question names
    term_set: frozenset[str] = frozenset()  # terms, as a set
    measure: str | None = None  # the dimension a measure question asks for ('length'), see type_matches
    names: frozenset[str] = frozenset()  # words of the names (and years) of what it asks that the corpus knows, see known_names
    subject_names: frozenset[str] = frozenset()  # those of them the corpus is about (name_term), which a page may lack
    joined_names: tuple[tuple[frozenset[str], str], ...] = ()  # (words, one word) of a name the corpus also writes joined
    spelled_names: tuple[tuple[str, frozenset[str]], ...] = ()  # (name, its words) of an acronym the corpus spells out
    defined: frozenset[str] = frozenset()  # for a definition question, the words of what it asks to be defined (else empty)
    counted: str | None = None  # what a count question counts, as asked ('parties' in « combien de parties »)
    quoted: str | None = None  # the term it quotes, as written (« avec bénéfices »), see questions.quoted_term
    told: frozenset[str] = frozenset()  # the acronyms it spells out itself (« coopérative jeunesse de services (CJS) »)
    told_terms: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()  # (terms of each, terms of its words)
    authorship: bool = False  # whether it asks who wrote the document (questions.asks_authorship)
    signatory: frozenset[str] = frozenset()  # for a question on who signed, the terms a signature says (questions.signing_words)
    signed_on: frozenset[str] = frozenset()  # for a question on when a text was signed, its terms, which « Fait à …, le … » says
    signed_subject: frozenset[str] = frozenset()  # ... and those it names the text by (questions.signed_subject)
    credited: frozenset[str] = frozenset()  # ... and then what it names the document by (credited_terms)
    dated_kind: str | None = None  # the kind it names the document by when it asks when that was published (« guide »)
    dated: frozenset[str] = frozenset()  # ... and then what it names the document by (credited_terms) and asks the date with
    dated_positions: frozenset[int] = frozenset()  # ... and the chunks of the cover that dates it, once found (dated_by)
    defined_whole: bool = False  # whether a definition must hold every word defined (a French question's are the text's)
    english: bool = False  # whether it is asked in English

    def answered_by(self, text: str) -> bool:
        """Whether a text holds what the question's type asks for (type_matches); a definition, of all the words a French
        question defines (« l'activité principale d'une unité statistique » is not defined by « chaque unité constitue
        une entité … »)."""
        if not type_matches(text, self.kind, self.defined or self.words, self.measure, self.counted, self.told):
            return False
        return not self.defined_whole or holds_words(text, self.defined)

    def typed_answer(self, unit: Unit) -> bool:
        """Whether a unit holds what the question's type asks for (answered_by); a list must also name what the
        question asks about: « Trois types d'informations : » lists, but not the establishments asked for."""
        named = self.kind != "list" or not self.focus or bool(self.focus & unit.terms)
        return named and self.answered_by(unit.text)


def searched_text(store: Store, question: str) -> str:
    """The question as matched against the report: an English question gets its words' French translations."""
    if guess_language(question) == "en":
        return f"{question} {translated(store, question)}"
    return question


def translated(store: Store, question: str) -> str:
    """An English question's words in the corpus's French: the corpus words closest to them in meaning, and the French
    names of the places it names in English (« Guiana »: « Guyane »), which no model puts close enough."""
    return f"{store.translate(question)} {french_place_names(question)}".strip()


def profile(store: Store, question: str, vector: np.ndarray, acronyms: Acronyms = NO_ACRONYMS, titled: frozenset[str] = frozenset()) -> QuestionProfile:
    """What scoring needs of a question (vector: its embedding; acronyms: the corpus's, see
    ess_qa.acronyms; titled: the words of its documents' titles, see answering.title_words); computed once per
    question, used by retrieval to rerank chunks and by answering to choose the snippet. A name the titles give
    is what a document is about (« … de France Chaleur Urbaine » in its own guide), and so are its initials when the
    corpus spells them out (« FCU »): a page need not repeat it to answer, so it is no name a page must use
    (names_its_page)."""
    terms = list(dict.fromkeys(store.query_terms(searched_text(store, question))))  # each once; only the terms the report uses
    focus = question_focus(question)
    focus_terms = frozenset(search_terms(searched_text(store, focus), store.analyzer)) if focus else frozenset()
    kind = question_type(question)
    measure = question_measure(question)
    asked_text = asked_part(question)  # its names are those of what it asks: the context told before says where the asker stands
    told = acronyms_spelled_out(question)
    language = guess_language(question)
    authorship = asks_authorship(question)
    dated_kind = dated_document(question)
    signing_dated = asks_signing_date(question, kind)
    spelled = spelled_names(acronyms, asked_text)
    # the titles' acronym is the document's name too (« FCU » for « France Chaleur Urbaine »)
    title_acronyms = {name for name, words in spelled if words and words <= titled}
    defined = defined_words(question) if kind == "definition" else frozenset()
    named = known_names(store, asked_text) - titled - title_acronyms
    named_terms = [name_term(store, name) for name in sorted(named)]
    idf = store.idf(terms + named_terms + [ABSENT_TERM])  # one read of the store for all
    asked = QuestionProfile(
        terms,
        context_discounted(store, question, terms, idf[: len(terms)], defined),
        folded_content_words(question),
        kind,
        vector,
        focus_terms,
        term_set=frozenset(terms),
        measure=measure,
        counted=focus if measure == "count" else None,
        names=named,
        subject_names=frozenset(name for name, weight in zip(sorted(named), idf[len(terms) : -1]) if is_subject(weight, idf[-1])),
        joined_names=joined_names(store, asked_text),
        spelled_names=spelled,
        defined=defined,
        defined_whole=kind == "definition" and language == "fr",
        english=language == "en",
        quoted=quoted_term(question),
        told=frozenset(told),
        told_terms=tuple((frozenset(search_terms(acronym, store.analyzer)), frozenset(search_terms(words, store.analyzer))) for acronym, words in told.items())
        + corpus_told(acronyms, question, frozenset(terms)),
        authorship=authorship,
        signatory=frozenset(search_terms(signing_words(question), store.analyzer)),
        signed_on=frozenset(terms) if signing_dated else frozenset(),
        signed_subject=frozenset(search_terms(signed_subject(question), store.analyzer)) if signing_dated else frozenset(),
        credited=credited_terms(store, question, titled) if authorship else frozenset(),
        dated_kind=dated_kind,
        dated=dated_terms(store, question, titled) if dated_kind else frozenset(),
    )
    return replace(asked, named_row_positions=frozenset(find_named_row_positions(store, asked)))


def dated_terms(store: Store, question: str, titled: frozenset[str] = frozenset()) -> frozenset[str]:
    """For a question on when the document was published, what a cover's date says of it: what it names the document by
    (credited_terms) and the words it asks the date with (« année », « publié »)."""
    return credited_terms(store, question, titled) | frozenset(search_terms(" ".join(dating_words(question)), store.analyzer))


def credited_terms(store: Store, question: str, titled: frozenset[str] = frozenset()) -> frozenset[str]:
    """For a question on who wrote the document (« Qui a rédigé cette note juridique ? »), what it names the document
    by: the kind of document it calls it (« cette note juridique ») and its title's words (titled). A line that
    credits the authors (« AUTEUR Rudy CHOUVEL … », ingest.french.CREDITS_RE) names no subject but says these
    (credited_by). Not the words that ask who wrote: « Qui a écrit le roman Madame Bovary ? » asks of another work,
    which a credits line does not answer."""
    asked = asked_sentence(question)
    naming = [m.group(1) for m in DOCUMENT_NAMED_RE.finditer(asked)]
    return frozenset(search_terms(" ".join(naming), store.analyzer)) | title_terms(titled, store.analyzer)


@lru_cache(maxsize=16)
def title_terms(titled: frozenset[str], analyzer: str) -> frozenset[str]:
    """The search terms of a corpus's title words and initials (answering.title_words), the same for every question:
    read once per corpus, not once per question (a few hundred documents' titles give tens of thousands of initials)."""
    return frozenset(search_terms(" ".join(sorted(titled)), analyzer))


# BM25's idf of a word in a third of the passages, ln(1 + (2/3) / (1/3)): a word that common is one of the
# corpus's subjects, never a detail the question would add to them (see ess_qa.answering._more_specific), nor a name a
# page must write to be about it (see name_term)
SUBJECT_IDF = math.log(3)
# ... and named in this many passages at least: in a corpus of a few passages, one or two are a third of them, and a name
# on one page of a three-page note (« en France ») is a detail it gives, not what it is about
MIN_SUBJECT_PASSAGES = 3
ABSENT_TERM = " "  # a search term no passage holds (no term has a space): its idf is the store's highest


def is_subject(idf: float, highest_idf: float) -> bool:
    """Whether a term of this idf is one of the corpus's subjects (SUBJECT_IDF, MIN_SUBJECT_PASSAGES); highest_idf: that
    of a term no passage holds. Both are BM25's, log(1 + (n - df + 0.5) / (df + 0.5)) = log((n + 1) / (df + 0.5)) over
    the corpus's n passages, df of which hold the term: so n + 1 = e^highest / 2 and df = (n + 1) / e^idf - 0.5."""
    holding = math.exp(highest_idf) / 2 / math.exp(idf) - 0.5
    return idf <= SUBJECT_IDF and holding >= MIN_SUBJECT_PASSAGES - 0.01  # (less a float's rounding)


def name_term(store: Store, name: str) -> str:
    """A name's (a word's) search term, whose idf tells whether the corpus is about it (SUBJECT_IDF): a name used in a
    third of the passages or more (« la Maison de la Poésie » in the association's report) is a subject, which a page
    need not write to answer (QuestionProfile.subject_names)."""
    return (search_terms(name, store.analyzer) or [name])[0]


def known_names(store: Store, question: str) -> frozenset[str]:
    """Words of the names a question uses (Lyon, Dijon, ADRESS; in English, whose common words are
    capitalised too ("French"), names of two words or more: "Orléans Métropole"), and the years it
    names, that the corpus uses, as whole words: a prefix would take Toulon for Toulouse."""
    names = proper_names(question) if guess_language(question) == "fr" else name_runs(question)
    # the State is no name its page must write (« dans quelle startup d'État … »), as « la Ville » is none
    words = set(years(question)) | {w for name in names if name not in DOCUMENTS_STATE for w in folded_content_words(name)}
    return store.known_words(frozenset(words)) if words else frozenset()


def joined_names(store: Store, question: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The names of two or more words of a question that the corpus also writes as one word (« BD Topo »,
    « BDTopo »): each as its words and that word, for a page that writes it the other way."""
    found = []
    for name in name_runs(question):
        words = folded_content_words(name)
        joined = "".join(fold_accents(w).lower() for w in re.findall(r"\w+", name))
        if len(words) > 1 and store.known_words(frozenset([joined])):
            found.append((frozenset(words), joined))
    return tuple(found)


def corpus_told(acronyms: Acronyms, question: str, terms: frozenset[str]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The corpus's acronyms a question names, as (its terms, the terms of the words it stands for): those it writes
    (« SUP »), and those whose words it writes all of (« servitude d'utilité publique », terms: the question's), for a
    line that says it the other way (« L'assiette d'une SUP est … »)."""
    written = set(acronyms.written_in(question))
    return tuple(
        (acronyms.own[acronym], spelled)
        for acronym, spelled in acronyms.spelled.items()
        if acronym in written or (len(spelled) > 1 and spelled <= terms)
    )


def spelled_names(acronyms: Acronyms, question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The acronyms a question writes in capitals that the corpus spells out (« CSE », « comité social et économique »),
    or that the question spells out itself (« Centre Hospitalier de Fourmies (CHF) », as a reading of the question writes
    the initials the corpus uses after the name it spells out: ess_qa.spelling): each as its name's word and the content
    words it stands for, for a page that writes them and not the acronym."""
    written = [name for name in proper_names(question) if in_capitals(name)]
    told = acronyms_spelled_out(question)
    spelled = [(name, acronyms.words.get(name) or (folded_content_words(told[name]) if name in told else None)) for name in written]
    return tuple((fold_accents(name).lower(), words) for name, words in spelled if words)


def page_terms(store: Store, position: int) -> frozenset[str]:
    """Search terms of the page, with its sections, that holds the chunk at position."""
    chunk = store.chunk(position)
    return store.page_terms(chunk.source, chunk.page)


def page_words(store: Store, position: int) -> frozenset[str]:
    """Content words (accents folded) of the page, with its sections, that holds the chunk at position."""
    chunk = store.chunk(position)
    return store.page_words(chunk.source, chunk.page)


def names_its_page(store: Store, question: QuestionProfile, position: int) -> bool:
    """Whether the page (with its sections) of the chunk at position uses every name the question uses but those of what
    the corpus is about (name_term: every page is about them), a name of several words also when the page writes it as
    one (see joined_names), an acronym also when the page writes the words it stands for (see spelled_names)."""
    names = question.names - question.subject_names
    if not names:
        return True
    words = page_words(store, position)
    missing = {name for name in names - words if not inflected_forms(name) & words}  # « vedènaises » for the « Vedènais »
    for parts, joined in question.joined_names:
        if missing & parts and joined in words:
            missing -= parts
    for name, spelled in question.spelled_names:  # « comité social et économique » names the CSE
        if name in missing and spelled and spelled <= words:
            missing -= {name}
    if missing:  # an acronym the corpus never glosses, that the page spells out (« Service pénitentiaire d'insertion et de probation » for the SPIP)
        missing -= _spelled_on_page(store, position, missing)
    if missing and question.english:  # a cognate: the page's « Agence Internationale » for the « International … Agency »
        terms = page_terms(store, position)
        missing = {name for name in missing if not set(search_terms(name, store.analyzer)) <= terms}
    return not missing


def _spelled_on_page(store: Store, position: int, names: set[str]) -> set[str]:
    """Those of the names, of MIN_NAME_WORDS to MAX_NAME_WORDS letters, that the page holding the chunk at position spells
    out: content words in a row with a name's letters as initials (see spells_initials). The page is read once."""
    acronyms = [name for name in names if MIN_NAME_WORDS <= len(name) <= MAX_NAME_WORDS and name.isalpha()]
    if not acronyms:
        return set()
    chunk = store.chunk(position)
    text = "\n".join(store.chunk(at).text for at in store.positions_on_page(chunk.page, chunk.source))
    return {name for name in acronyms if spells_initials(name, text)}


def unit_features(question: QuestionProfile, unit: Unit) -> tuple[float, ...]:
    """The features (FEATURES order, each in [0, 1]) of an answer unit for a question."""
    unit_words = unit.words
    held = told_through(question, unit.terms) | credited_by(question, unit.text) | dated_by(question, unit) | signed_by(question, unit.text)
    # the section names what a line of a fact sheet or a case study is about
    context_terms = held | unit.section_terms
    # what the unit says beyond the question and its heading: an echo of the question answers nothing
    new_words = unit_words - question.words - unit.section_words
    return (
        coverage(question.terms, question.weights, held),
        coverage(question.terms, question.weights, context_terms),
        len(question.words & unit_words) / max(len(question.words), 1),
        max(0.0, float(unit.vector @ question.vector)),
        float(question.typed_answer(unit)),
        len(new_words) / max(len(unit_words), 1),
        float(bool(question.focus & unit.terms)),
        float(is_named_row(unit, question)),
    )


def credited_by(question: QuestionProfile, text: str) -> frozenset[str]:
    """What a line (its text) says of a question on who wrote the document when it credits the authors (« AUTEUR Rudy
    CHOUVEL … »): what the question names the document by (QuestionProfile.credited); else nothing."""
    return question.credited if question.credited and CREDITS_RE.search(text) else frozenset()


def signed_by(question: QuestionProfile, text: str) -> frozenset[str]:
    """What a signature line (ingest.french.signs) says of a question on who signed: the signing word and what is
    signed (QuestionProfile.signatory); what the line that dates the signatures (« Fait à Lille, le 21 octobre 2025 »,
    ingest.french.dates_signing) says of a question on when the text was signed: all it asks (QuestionProfile.signed_on);
    else nothing."""
    if question.signed_on and dates_signing(text):
        return question.signed_on
    return question.signatory if question.signatory and signs(text) else frozenset()


def dated_by(question: QuestionProfile, unit: Unit) -> frozenset[str]:
    """What a line of the cover that dates the document says of a question on when it was published (its chunk among
    QuestionProfile.dated_positions): what the question names the document by and asks the date with; else nothing."""
    return question.dated if unit.position in question.dated_positions else frozenset()


def told_through(question: QuestionProfile, terms: frozenset[str]) -> frozenset[str]:
    """A unit's terms, with those of an acronym the question spells out itself (« coopérative jeunesse de services
    (CJS) ») when it holds the acronym or all its words: one thing, said either way."""
    for acronym, spelled in question.told_terms:
        if acronym <= terms:
            terms = terms | spelled
        elif spelled <= terms:
            terms = terms | acronym
    return terms


def find_named_row_positions(store: Store, question: QuestionProfile) -> list[int]:
    """Positions of the chunks holding a table row whose label the question names, to be ranked with the others."""
    found = set()
    weights = dict(zip(question.terms, question.weights))  # the question's idf, read once (not once a row: a store's query each)
    for position, label_terms in store.rows_named(question.term_set):
        if position in found:
            continue
        # the table must be about the rest of the question: its page holds most of its other terms
        rest = [t for t in question.terms if t not in label_terms]
        chunk = store.chunk(position)
        rest_weights = np.asarray([weights[t] for t in rest], dtype=np.float64)
        if not rest or coverage(rest, rest_weights, store.page_terms(chunk.source, chunk.page)) >= ROW_PAGE_COVERAGE:
            found.add(position)
    return sorted(found)


# A text whose first sentence asks (ends with a question mark): a title's question, where a row would give a value
_OPENS_ON_A_QUESTION_RE = re.compile(r"\s*[^.!?\n]{1,150}\?")


def is_named_row(unit: Unit, question: QuestionProfile) -> bool:
    """Whether a unit is the table row the question names ('Brest Métropole : ...' for a question on
    Brest Métropole) and its value holds what a typed question asks for (a person for 'qui', ...)."""
    if not unit.row_label_terms or not unit.row_label_terms <= question.term_set:
        return False
    value = unit.text.split(ROW_SEPARATOR, 1)[1]
    if _OPENS_ON_A_QUESTION_RE.match(value):  # a slide's title (« L'Etoile Verte du Guide MICHELIN : Que font … ? »), no row
        return False
    return question.kind in _ANY_ROW_VALUE or question.answered_by(value)


def best_unit(
    store: Store,
    question: QuestionProfile,
    position: int,
    weights: tuple[float, ...] | None = None,
    skip_echoes: bool = False,
    only: Callable[[str], bool] | None = None,
) -> tuple[Unit | None, float]:
    """(unit, score in [0, 1]) of the chunk's unit that best answers; (None, 0) for a chunk without units.

    weights: in FEATURES order; None: RERANK_WEIGHTS, read at each call (so a sweep can patch it).
    skip_echoes: leave out the units whose every word is in the question (a table's header
    'Métropole Élu référent ESS'), which cannot be an answer. only: the units whose text it accepts
    (one that holds what the question's type asks for: a number, a date, ...)."""
    w = np.asarray(RERANK_WEIGHTS if weights is None else weights, dtype=np.float64)
    best, best_score = None, 0.0
    for unit in store.units(position):
        if skip_echoes and unit.words <= question.words:
            continue
        if only is not None and not only(unit.text):
            continue
        features = unit_features(question, unit)
        score = min(1.0, float(w @ np.asarray(features)) / float(w[:ROW].sum()))  # the named row: a bonus
        if best is None or score > best_score:
            best, best_score = unit, score
    return best, best_score
