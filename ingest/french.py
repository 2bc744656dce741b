"""French text handling, in one place: apostrophes, accents, elisions, hyphenation, stop words, stems.

Everything that knows how French is written lives here; the cleaner, the chunker, the lexical
index, the snippet extractor and the evaluation all call these functions. Numbers are read by
ingest.numbers.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from .numbers import join_number_groups

APOSTROPHES = "'’‘ʼ´`"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
# l', d', qu', j', n', s', c', m', t', jusqu', lorsqu', puisqu', quoiqu' at the start of a word.
_ELISION_RE = re.compile(r"^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)", re.IGNORECASE)
_WORD_RE = re.compile(r"[0-9a-zà-ÿœæ]+(?:'[0-9a-zà-ÿœæ]+)*", re.IGNORECASE)

# Words too common to say anything about a passage (French and the English of cross-lingual
# questions). Kept short on purpose: "plus", "moins", numbers and named entities stay searchable.
STOP_WORDS = frozenset(
    """
    a à au aux avec ce ces cet cette celle celles celui ceux comme comment dans de des du elle
    elles en est et être été eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne
    nos notre nous on ont ou où par pas pour qu que quel quelle quelles quels qui sa se ses son
    sont sur ta te tes toi ton tu un une vos votre vous y sa si ni donc or car dont ainsi
    afin aussi cela ceci ça fait faire peut peuvent doit doivent été étaient était sera
    combien pourquoi quand quoi lequel laquelle lesquels lesquelles
    the of and or to in on for is are was were be been by with what which who whom how does do
    did an as at from that this these those it its their there has have had can into
    many much why when where whose
    """.split()
)


def normalize_apostrophes(text: str) -> str:
    """Turn every apostrophe-like character into a plain '."""
    return _APOSTROPHE_RE.sub("'", text)


def fold_accents(text: str) -> str:
    """Remove diacritics (é -> e, œ -> oe), keep everything else."""
    if text.isascii():  # most words: nothing to fold
        return text
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_elision(word: str) -> str:
    """l'économie -> économie, qu'elle -> elle (apostrophes already normalised)."""
    return _ELISION_RE.sub("", word)


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes normalised, elisions removed, accents kept."""
    text = join_number_groups(normalize_apostrophes(unicodedata.normalize("NFKC", text)).lower())
    out = []
    for word in _WORD_RE.findall(text):
        if "'" not in word:  # most words: no elision to strip
            out.append(word)
            continue
        out.extend(part for part in strip_elision(word).split("'") if part)
    return out


_stemmer_local = threading.local()


def _stemmer():
    """One Snowball stemmer per thread (PyStemmer objects are not thread-safe)."""
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _stemmer_local.stemmer = Stemmer.Stemmer("french")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball French stem of a lower-case word, accents folded afterwards."""
    return fold_accents(_stemmer().stemWord(word))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: stop words and lone letters dropped (numbers kept)."""
    return [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def stem_terms(text: str) -> list[str]:
    """Content words, Snowball-stemmed and accent-folded."""
    return [stem(w) for w in content_words(text)]


PREFIX_CHARS = 5


def prefix_terms(text: str, length: int = PREFIX_CHARS) -> list[str]:
    """Content words, accent-folded and cut to their first letters ("truncation stemming").

    Cutting at five letters conflates what Snowball keeps apart (préside / présidente,
    sensibilisés / sensibilisation) and English cognates of French words (economy / économie).
    """
    return [fold_accents(w)[:length] for w in content_words(text)]


ANALYZERS = {"stem": stem_terms, "prefix5": prefix_terms}
DEFAULT_ANALYZER = "prefix5"


def search_terms(text: str, analyzer: str = DEFAULT_ANALYZER) -> list[str]:
    """The terms a lexical index sees for a text, with the named analyzer."""
    return ANALYZERS[analyzer](text)


_FRENCH_MARKERS = frozenset("le la les des du de un une est et en que qui quel quelle quels quelles combien comment où dans pour par sur au aux ont sont".split())
_ENGLISH_MARKERS = frozenset("the of and is are what which who how many much does do did in for to with by was were has have from".split())


def guess_language(text: str) -> str:
    """'fr' or 'en', from function words (a question has too few words for anything fancier)."""
    tokens = words(text)
    french = sum(t in _FRENCH_MARKERS for t in tokens)
    english = sum(t in _ENGLISH_MARKERS for t in tokens)
    return "en" if english > french else "fr"


def match_key(text: str) -> str:
    """Normalisation used to decide whether a passage contains a string.

    Unicode NFKC, lower case, then keep only digits, a-z, accented letters à-ÿ, œ and æ: spacing,
    line breaks, hyphenation, apostrophes and punctuation never decide a match.
    """
    return unicodedata.normalize("NFKC", text).lower().translate(_MATCH_KEY_TABLE)


class _MatchKeyTable(dict):
    """str.translate table of match_key: a character is kept or deleted, decided once per character."""

    def __missing__(self, code: int) -> int | None:
        c = chr(code)
        kept = code if c.isdigit() or "a" <= c <= "z" or "à" <= c <= "ÿ" or c in "œæ" else None
        self[code] = kept
        return kept


_MATCH_KEY_TABLE = _MatchKeyTable()


# --- hyphenation across line breaks --------------------------------------------------------

# A word cut at a line end, possibly with a blank line between its halves (column breaks).
# The left part keeps any earlier '-', '.' or '/' of its token (a compound chain, a web address).
_HYPHEN_BREAK_RE = re.compile(r"((?:[\w.:/]+[-./])?\w+)-[ \t]*\n(?:[ \t]*\n)?[ \t]*(\w+)")


def _keeps_hyphen(left: str, right: str) -> bool:
    """Whether 'left-\\nright' is a real hyphenated compound rather than a word cut in two."""
    if right[0].isupper():  # Aix-Marseille-\nProvence, Saint-\nÉtienne
        return True
    if any(c in left for c in "-./"):  # vis-à-\nvis, metropole.rennes.fr/economie-sociale-\nle-pari
        return True
    if right.isdigit() or left.isdigit():  # 2015-\n2020
        return True
    if right.lower() in {"t", "il", "ils", "elle", "elles", "on", "ce", "je", "nous", "vous"}:
        return True  # a-t-\nil, peut-\non
    if left.lower() in {"ex", "non", "co", "anti", "néo", "sous", "semi", "après", "avant", "vice", "mi"}:
        return True
    return False


def join_hyphenated_lines(text: str) -> str:
    """Join words hyphenated across line breaks ('dévelop-\\npement' -> 'développement').

    Real compounds whose hyphen falls at the end of a line ('Aix-Marseille-\\nProvence') keep it.
    """

    def repl(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        sep = "-" if _keeps_hyphen(left, right) else ""
        return f"{left}{sep}{right}"

    return _HYPHEN_BREAK_RE.sub(repl, text)


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = {"m", "mme", "mm", "dr", "p", "art", "n", "no", "cf", "etc", "hab", "env", "st", "ste", "av", "bd", "vol"}
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[»\")\]]*\s+(?=[«\"(\[]?\s?[A-ZÀ-Ý0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, without cutting after common abbreviations."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        before = text[start : m.start()].rstrip()
        last_word = re.findall(r"(\w+)\W*$", before)
        if last_word and last_word[-1].lower() in _ABBREVIATIONS and before.endswith("."):
            continue
        if last_word and len(last_word[-1]) == 1 and last_word[-1].isupper():  # initials: J. Dupont
            continue
        parts.append(text[start : m.start()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


# --- what kind of answer a question expects ---------------------------------------------------

QUESTION_TYPES = ("number", "date", "person", "place", "other")
_TYPE_CUES = (
    ("date", r"\b(quand|en quelle ann[ée]e|depuis quand|à quelle date|quelle date|when|what year|which year|since when)\b"),
    ("number", r"\b(combien|quel(le)?s? (est le |est la |est l')?(montant|nombre|part|pourcentage|taux|budget|superficie|surface|densit[ée]|population|longueur|taille|dur[ée]e|effectifs?|somme|co[uû]t|enveloppe)|how (many|much|long|large)|what (share|percentage|proportion|number|amount|length|size|budget))\b"),
    ("person", r"\b(qui|who|whom)\b"),
    ("place", r"\b(où|adresse|where|address|located)\b"),
)


def question_type(question: str) -> str:
    """The kind of answer a question asks for: number, date, person, place or other."""
    text = normalize_apostrophes(question).lower()
    for kind, pattern in _TYPE_CUES:
        if re.search(pattern, text):
            return kind
    return "other"


# The noun a question asks about: "combien d'habitants", "quelle direction", "quelle est la population",
# "how many cities", "what is the population", "which network".
_FOCUS_RES = (
    re.compile(r"\bcombien (?:de |d')(?:l'|la |les )?(\w+)"),
    re.compile(r"\bquel(?:le)?s? (?:est|sont|étaient|était|furent) (?:la |le |les |l')(\w+)"),
    re.compile(r"\b(?:à |a |par |pour |avec |dans |sur |de )?quel(?:le)?s? (?!est\b|sont\b|étaient\b|était\b)(\w+)"),
    re.compile(r"\bhow many (\w+)"),
    re.compile(r"\bwhat (?:is|are|was|were) the (\w+)"),
    re.compile(r"\b(?:which|what) (?!is\b|are\b|was\b|were\b|does\b|do\b|did\b|has\b|have\b)(\w+)"),
)


_TIME_NOUNS = frozenset("année annee date époque epoque period période periode year date time".split())  # the date type asks for these


def question_focus(question: str) -> str | None:
    """The noun a question asks about ('habitants' in "Combien d'habitants compte ..."), or None."""
    text = normalize_apostrophes(question).lower()
    for pattern in _FOCUS_RES:
        match = pattern.search(text)
        if match and match.group(1) not in STOP_WORDS and match.group(1) not in _TIME_NOUNS:
            return match.group(1)
    return None


_NAME_TOKEN_RE = re.compile(r"[A-ZÀ-ÝŒ][\w'’-]*")


def proper_names(text: str) -> list[str]:
    """Capitalised words of a question other than its first word (names of places, bodies, people)."""
    tokens = list(_NAME_TOKEN_RE.finditer(normalize_apostrophes(text)))
    first = re.search(r"\w", text)
    return [m.group() for m in tokens if not first or m.start() > first.start()]


_FOLLOW_UP_RE = re.compile(r"^\W*(et|and|what about|how about|quid de|idem|même question|same question)\b", re.IGNORECASE)


def is_follow_up(question: str) -> bool:
    """Whether a question only makes sense after the previous one ("Et à Bordeaux ?", "And in Lyon?")."""
    return bool(_FOLLOW_UP_RE.match(question))


# A name and the capitalised words chained to it: "Métropole européenne de Lille", "Nantes Métropole".
_NAME_PHRASE_RE = re.compile(r"(?:\b(?:la|le|les|l'|the)\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de|du|des|d'|of|sur)?\s*[A-ZÀ-Ý][\w'’-]*)*")


def complete_follow_up(question: str, previous: str) -> str:
    """A follow-up completed with the previous question; names it gives replace the previous one's.

    "Et à Bordeaux ?" after "Combien d'habitants compte Nantes Métropole ?" becomes
    "Combien d'habitants compte à Bordeaux ?"."""
    if not previous or not is_follow_up(question):
        return question
    base = normalize_apostrophes(previous).strip()
    first = re.match(r"\W*\w+", base)
    if proper_names(question):  # the follow-up names what the question is now about
        start = first.end() if first else 0
        base = base[:start] + _NAME_PHRASE_RE.sub(" ", base[start:])
    base = re.sub(r"[\s?!.]+$", "", base)
    rest = _FOLLOW_UP_RE.sub("", question).strip()
    return re.sub(r"\s+", " ", f"{base} {rest}").strip()
