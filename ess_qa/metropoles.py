"""The metropolises' fact sheets as a table, and comparison questions answered from it.

The records come from ingest.factsheets at indexing time and are stored in the index (extra
"metropoles"). This module reads questions that compare or rank metropolises — the most
populous, the densest, the largest by area, the most communes, more (or fewer) than N
inhabitants, where the ESS weighs most in employment, the ESS jobs of two named metropolises —
in French and English, and answers them from the table with the fact-sheet pages as citations.

Detection is deliberately strict (`parse_comparison` returns None when unsure) so that every
other question keeps the normal passage answer: a figure of the table must be named, together
with a superlative, a threshold ("plus de 500 000 habitants"), a ranking word, two or more
metropolises by name, or a "how much" question about the metropolises in the plural; the
question must be about metropolises (not "la commune la plus peuplée", "le secteur qui pèse le
plus"); and ESS figures need the question to name the ESS. All French and English cue words are
in the tables below (matched accent-insensitively, see ingest.french.fold_for_matching).
"""

from __future__ import annotations

import csv
import io
import operator
import re
from dataclasses import dataclass, field

from ingest.factsheets import share_kind
from ingest.french import fold_accents, fold_for_matching, normalize_apostrophes
from ingest.numbers import MULTIPLIER_WORDS, parse_typed_number, read_typed_number
from ingest.types import format_citation

from .questions import guess_language
from .shortening import shorten_list

EXTRA_NAME = "metropoles"
SNIPPET_LIMIT = 300  # characters of a ranking or threshold list before "… (+N)"

# --- the vocabulary (accent-folded, lower case, plain apostrophes; regular expressions) ------------


@dataclass(frozen=True)
class Figure:
    """A figure of the table that questions can compare, with its words and phrasings."""

    key: str  # series name
    column: str  # record field holding the value
    label_fr: str
    label_en: str
    unit_fr: str  # after a value: '7 026 945 habitants'
    unit_en: str
    top_fr: str  # '(la plus peuplée des 14 métropoles ...)'
    bottom_fr: str
    top_en: str
    bottom_en: str
    ess: bool = False  # an ESS figure: the question must name the ESS


FIGURES = {
    f.key: f
    for f in (
        Figure("population", "population", "population", "population", "habitants", "inhabitants",
               "la plus peuplée", "la moins peuplée", "the most populous", "the least populous"),
        Figure("density", "density", "densité", "density", "hab./km²", "inhabitants/km²",
               "la plus dense", "la moins dense", "the densest", "the least dense"),
        Figure("area_km2", "area_km2", "superficie", "area", "km²", "km²",
               "la plus étendue", "la moins étendue", "the largest by area", "the smallest by area"),
        Figure("communes", "communes", "nombre de communes", "number of communes", "communes", "communes",
               "celle qui compte le plus de communes", "celle qui compte le moins de communes",
               "the one with the most communes", "the one with the fewest communes"),
        Figure("ess_jobs", "ess_jobs", "salariés de l'ESS", "ESS employees", "salariés de l'ESS", "ESS employees",
               "celle qui compte le plus de salariés de l'ESS", "celle qui compte le moins de salariés de l'ESS",
               "the one with the most ESS employees", "the one with the fewest ESS employees", ess=True),
        Figure("ess_establishments", "ess_establishments", "établissements employeurs de l'ESS",
               "ESS employer establishments", "établissements employeurs de l'ESS", "ESS employer establishments",
               "celle qui compte le plus d'établissements employeurs de l'ESS",
               "celle qui compte le moins d'établissements employeurs de l'ESS",
               "the one with the most ESS employer establishments", "the one with the fewest ESS employer establishments", ess=True),
        Figure("ess_share", "ess_share_of_employment", "part de l'ESS dans l'emploi",
               "ESS share of employment", "%", "%",
               "la plus forte part", "la plus faible part", "the highest share", "the lowest share", ess=True),
        Figure("ess_share_total", "ess_share_of_employment", "part de l'ESS dans l'emploi total",
               "ESS share of total employment", "%", "%",
               "la plus forte part", "la plus faible part", "the highest share", "the lowest share", ess=True),
        Figure("ess_share_private", "ess_share_of_private_employment", "part de l'ESS dans l'emploi privé",
               "ESS share of private employment", "%", "%",
               "la plus forte part", "la plus faible part", "the highest share", "the lowest share", ess=True),
    )
}

# Words that name each figure, most specific first (the first figure named wins).
FIGURE_WORDS = (
    ("ess_share", r"\b(?:part|parts|pourcentage|proportion|share|percentage|percent)\b|%"),
    ("ess_share", r"\b(?:pese|pesent|peser|poids|weighs?|weight|weighing)\b"),
    ("ess_establishments", r"\b(?:etablissements?|employeurs|establishments?|employers|workplaces)\b"),
    ("ess_jobs", r"\b(?:salaries|emplois|effectifs|emploie|emploient|travaill\w*|jobs|employees|workers|employ\w*|work|works|working|workforce|staff)\b"),
    ("density", r"\b(?:densite|denses?|densement|density|densest|densely)\b"),
    ("population", r"\b(?:habitants?|population|peuplees?|peuples?|inhabitants?|populous|populated|residents|people)\b"),
    ("communes", r"\b(?:communes?|municipalit(?:y|ies)|towns)\b"),
    ("area_km2", r"\b(?:superficie|surface|etendues?|vastes?|area|size|km2|km²|square (?:kilomet\w*|km)|(?:plus|moins) (?:grande?s?|petite?s?)|largest|biggest|smallest|larger|bigger|smaller|widest)\b"),
)
# A share must be a share of employment ("part de l'emploi", "share of ESS employment"), unless the
# question asks where the ESS weighs most.
EMPLOYMENT_WORDS = r"\b(?:emploi|emplois|salaries|effectifs|employment|jobs|workforce|employees)\b"
WEIGH_WORDS = r"\b(?:pese|pesent|peser|poids|weighs?|weight|weighing)\b"
PRIVATE_WORDS = r"\b(?:prive|privee|prives|private)\b"
TOTAL_WORDS = r"\b(?:total|totale|overall|all employment)\b"
ESS_WORDS = r"\bess\b|economie sociale|economie solidaire|social (?:and solidarity )?economy|solidarity economy|\bsse\b"

MAX_WORDS = (
    r"\b(?:le|la|les) plus\b(?! (?:petite?s?|faibles?|basses?|bas)\b)",
    r"\bplus (?:grand nombre|forte?s?|elevee?s?|importante?s?)\b",
    r"\b(?:maximum|maximale?|en tete)\b",
    r"\b(?:most|highest|largest|biggest|greatest|densest|top|maximum)\b",
)
MIN_WORDS = (
    r"\b(?:le|la|les) moins\b",
    r"\b(?:le|la|les) plus (?:petite?s?|faibles?|basses?|bas)\b",
    r"\bplus petit nombre\b",
    r"\b(?:minimum|minimale?)\b",
    r"(?<!\bat )\bleast\b|\b(?:lowest|smallest|fewest|minimum|sparsest)\b",
)
# "plus peuplée que", "more populous than", "vs": a comparison between metropolises named.
COMPARATIVE_WORDS = r"\b(?:plus|moins|more|less|fewer|larger|bigger|smaller|denser|higher|lower)\b.*\b(?:que|qu|than)\b|\bvs\b|\bversus\b"
RANKING_WORDS = (
    r"\bclass(?:ement|er|ez|e|ees|es)\b|\bpar ordre\b|\btri(?:er|ez|ees?|es)\b|\bpalmares\b|\bordonn\w*\b"
    r"|\bcompar\w*\b|\bchaque metropole\b|\btoutes les metropoles\b"
    r"|\brank\w*\b|\b(?:order|sort)(?:ed)? by\b|\beach metropolis\b|\ball (?:the )?metropolises\b"
)
# The table holds stocks: a question about change (jobs created, growth) is not answered by it.
CHANGE_WORDS = r"\b(?:cree\w*|creation\w*|nouveaux?|nouvelles?|croissance|progression|evolution|hausse|baisse|augment\w*|growth|grew|grow\w*|creat\w*|new|increase\w*|decrease\w*)\b"
ASCENDING_WORDS = r"\b(?:croissant|ascending|du moins au plus|from (?:the )?(?:least|lowest|smallest|fewest))\b"
HOW_MUCH_WORDS = (
    r"\bcombien\b|\bquel(?:le)?s? (?:est|sont) (?:la|le|les)\b|\bquelle part\b|\bquel (?:pourcentage|poids|nombre)\b"
    r"|\bhow (?:many|much|large|big|dense)\b|\bwhat (?:is|are) the\b|\bwhat (?:share|percentage|proportion)\b"
)
METROPOLIS_WORDS = r"\b(?:metropol\w*|eurometropol\w*|villes?|agglomerations?|metros?|cit(?:y|ies)|urban areas?)\b"
PLURAL_METROPOLIS_WORDS = r"\b(?:metropoles|eurometropoles|metropolises|metropolitan areas|metros|villes|cities|agglomerations)\b"
WHERE_WORDS = r"\b(?:where|laquelle|lesquelles|which one)\b"
# Nouns that make a superlative about something else than a metropolis.
OTHER_SUBJECTS = frozenset(
    """
    region regions departement departements pays commune communes quartier quartiers secteur secteurs
    association associations entreprise entreprises structure structures projet projets scic scop
    cooperative cooperatives collectivite collectivites elu elus elue elues service services direction
    directions dispositif dispositifs filiere filieres action actions annee annees
    department departments country countries municipality municipalities neighbourhood neighbourhoods
    neighborhood neighborhoods district districts sector sectors company companies business businesses
    project projects organisation organisations organization organizations year years
    """.split()
)
_SUBJECT_PATTERNS = (
    re.compile(r"\b(\w+) (?:(?:qui|dont) (?:\w+ ){0,2})?(?:(?:est|sont|a|ont|compte|comptent) )?(?:la|le|les) (?:plus|moins)\b"),
    re.compile(r"\bquel(?:le)?s? (\w+)"),
    re.compile(r"\b(?:which|what) (\w+)"),
    re.compile(r"\b(?:most|least) \w+ (\w+)"),
    re.compile(r"\b(?:largest|biggest|smallest|densest|highest|lowest) (\w+)"),
)
# "de" may be elided before a vowel: "plus d'un million".
THRESHOLD_WORDS = (
    (r"plus d(?:e\b|')|au-?dela d(?:e\b|')|au-?dessus d(?:e\b|')|superieure?s? a|depassant|depassent|depasse|more than|over|above|greater than|exceeding|exceeds?|in excess of", ">"),
    (r"au moins|at least", ">="),
    (r"moins d(?:e\b|')|en dessous d(?:e\b|')|au-?dessous d(?:e\b|')|inferieure?s? a|less than|fewer than|under|below", "<"),
    (r"au plus|at most|up to", "<="),
)
_ONE = r"(?:un|une|a|one)\s+"  # 'un million', 'a million'
# 'les trois métropoles les plus peuplées', 'the 3 most populous', 'top five': a superlative asking for several
COUNT_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_COUNT_RE = re.compile(
    r"\b(?:les|the|top)\s+(\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:premieres?\s+|first\s+)?(?:metropol\w*|most|least|largest|biggest|smallest|densest|highest|lowest|plus|moins)\b"
    r"|\btop\s+(\d{1,2}|" + "|".join(COUNT_WORDS) + r")\b"
)
# Size adjectives put before the noun they qualify: 'la plus grande métropole' but 'le plus grand défi'.
_SIZE_ADJECTIVES_FR = r"grande?s?|petite?s?|forte?s?|faibles?|importante?s?|elevee?s?|gros|grosses?|hautes?|basses?"
_SUPERLATIVE_NOUN_RES = (
    re.compile(rf"\b(?:le|la|les) (?:plus|moins) (?:{_SIZE_ADJECTIVES_FR}) (\w+)"),
    re.compile(r"\b(?:largest|biggest|smallest|highest|lowest|greatest|most|least|fewest) (\w+)"),
)
# Words that may follow a superlative in a question about the table (besides figure and metropolis words).
_SUPERLATIVE_FOLLOWERS = frozenset(
    """
    de d du des en par sur dans a au aux ou of in by for and et the a an ess social sociale economy economie
    nombre number amount total totale part parts share proportion percentage pourcentage
    """.split()
)
_OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
_OPERATOR_WORDS_FR = {">": "plus de", ">=": "au moins", "<": "moins de", "<=": "au plus"}
_OPERATOR_WORDS_EN = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most"}
# Words of a name that do not identify one metropolis on their own.
GENERIC_NAME_WORDS = frozenset("metropole metropolitaine eurometropole europeenne grand grande de du des la le les d l val et sur".split())


# --- reading a question ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """What a comparison question asks of the table."""

    kind: str  # 'superlative' | 'threshold' | 'ranking' | 'values'
    series: tuple[str, ...]  # keys of FIGURES (two for "where does the ESS weigh most")
    direction: str = "max"  # 'max' or 'min'
    threshold: tuple[str, float] | None = None  # (operator, value)
    names: tuple[int, ...] = ()  # indexes of the records the question names
    language: str = "fr"
    top: int | None = None  # a ranking cut to its first `top` metropolises


def name_aliases(records: list[dict]) -> list[list[str]]:
    """For each record, the folded forms a question may use to name it.

    The full name, and each word of it that identifies this metropolis only: not a generic word
    ('Métropole', 'Grand'), not a word of another name ('Provence', 'Méditerranée') and not a word
    of a region ('Normandie', 'Azur'), which a question may use for the region itself.
    """
    words_of = []
    for record in records:
        words_of.append({w for w in re.split(r"[^a-z0-9]+", fold_for_matching(record["name"])) if len(w) >= 3})
    region_words = set()
    for record in records:
        region_words |= set(re.split(r"[^a-z0-9]+", fold_for_matching(record.get("region") or "")))
    aliases = []
    for k, record in enumerate(records):
        others = set().union(*(w for j, w in enumerate(words_of) if j != k)) if len(records) > 1 else set()
        own = sorted(w for w in words_of[k] if w not in GENERIC_NAME_WORDS and w not in others and w not in region_words)
        aliases.append([fold_for_matching(record["name"])] + own)
    return aliases


def named_records(question: str, records: list[dict]) -> list[int]:
    """Indexes of the records a question names (full name or an identifying word, capitalised)."""
    folded_question = fold_for_matching(question)
    plain = fold_accents(normalize_apostrophes(question))  # case kept: 'Nice' the city, not 'nice'
    found = []
    for k, aliases in enumerate(name_aliases(records)):
        full, words = aliases[0], aliases[1:]
        if re.search(rf"\b{re.escape(full)}\b", folded_question) or any(
            re.search(rf"\b{re.escape(w.capitalize())}\b", plain) or re.search(rf"\b{re.escape(w.upper())}\b", plain) for w in words
        ):
            found.append(k)
    return found


def _any(patterns, text: str) -> bool:
    if isinstance(patterns, str):
        patterns = (patterns,)
    return any(re.search(p, text) for p in patterns)


def figure_named(text: str) -> str | None:
    for key, pattern in FIGURE_WORDS:
        if re.search(pattern, text):
            if key == "ess_share" and not (re.search(EMPLOYMENT_WORDS, text) or re.search(WEIGH_WORDS, text)):
                continue  # 'la part des métropoles qui ...' is not a share of employment
            return key
    return None


def about_other_subject(text: str, figure: str) -> bool:
    """Whether the superlative or question word bears on something else than metropolises."""
    for pattern in _SUBJECT_PATTERNS:
        for match in pattern.finditer(text):
            word = match.group(1)
            if word in OTHER_SUBJECTS and not (figure == "communes" and word.startswith("commune")):
                return True
    return False


def _threshold(text: str, language: str) -> tuple[str, float, int, int] | None:
    """(operator, value, start, end) of 'plus de 500 000' / 'more than 500,000' / 'plus d'un million' in a folded question."""
    for words, op in THRESHOLD_WORDS:
        for match in re.finditer(rf"\b(?:{words})\s*(?=\d|{_ONE}(?:{MULTIPLIER_WORDS}))", text):
            rest = text[match.end():]
            one = re.match(rf"{_ONE}({MULTIPLIER_WORDS})", rest)
            if one:
                value = parse_typed_number(f"1 {one.group(1)}", language)
                return op, value, match.start(), match.end() + one.end()
            number = read_typed_number(rest, language)
            if number is None:
                continue
            value, end = number
            return op, value, match.start(), match.end() + end
    return None


def _superlative_about_metropolises(text: str) -> bool:
    """False when a superlative qualifies another noun: 'le plus grand défi', 'the biggest challenge'."""
    for pattern in _SUPERLATIVE_NOUN_RES:
        for match in pattern.finditer(text):
            word = match.group(1)
            if word in _SUPERLATIVE_FOLLOWERS or re.fullmatch(METROPOLIS_WORDS, word) or figure_named(word):
                continue
            return False
    return True


def _count_asked(text: str) -> int | None:
    """How many metropolises a superlative asks for ('les trois plus peuplées': 3), or None."""
    match = _COUNT_RE.search(text)
    if not match:
        return None
    word = match.group(1) or match.group(2)
    count = int(word) if word.isdigit() else COUNT_WORDS[word]
    return count if count >= 2 else None


def parse_comparison(question: str, records: list[dict]) -> Comparison | None:
    """The comparison a question asks of the table, or None when it is not one (see module doc)."""
    if not records:
        return None
    text = fold_for_matching(question)
    language = guess_language(question)
    figure = figure_named(text)
    if figure is None:
        return None
    series: tuple[str, ...]
    if figure == "ess_share":
        if _any(PRIVATE_WORDS, text):
            series = ("ess_share_private",)
        elif _any(TOTAL_WORDS, text):
            series = ("ess_share_total",)
        else:
            series = ("ess_share_total", "ess_share_private")
    else:
        series = (figure,)
    if FIGURES[series[0]].ess and not _any(ESS_WORDS, text):
        return None
    if _any(CHANGE_WORDS, text):
        return None
    names = tuple(named_records(question, records))
    about_metropolises = _any(METROPOLIS_WORDS, text) or bool(names) or "où" in question.lower() or _any(WHERE_WORDS, text)
    if not about_metropolises or about_other_subject(text, figure):
        return None
    direction = "min" if _any(MIN_WORDS, text) else "max"
    threshold = _threshold(text, language)
    if threshold:
        op, value, start, end = threshold
        near = text[max(0, start - 40) : end + 40]
        if figure_named(near) == figure or (figure == "ess_share" and "%" in text[end : end + 3]):
            return Comparison("threshold", series, direction, (op, value), names, language)
        return None
    superlative = _any(MIN_WORDS, text) or _any(MAX_WORDS, text)
    if superlative and not _superlative_about_metropolises(text):
        return None
    if superlative:
        count = _count_asked(text)
        if count and len(names) < 2:  # 'les trois métropoles les plus peuplées': the first three of the ranking
            return Comparison("ranking", series, direction, None, names, language, top=count)
        return Comparison("superlative", series, direction, None, names, language)
    ascending = _any(ASCENDING_WORDS, text)
    if len(names) >= 2:
        kind = "superlative" if _any(COMPARATIVE_WORDS, text) and figure != "ess_share" else "values"
        if kind == "superlative" and re.search(r"\b(?:moins|less|fewer|smaller|lower)\b", text):
            direction = "min"
        return Comparison(kind, series, direction, None, names, language)
    if _any(RANKING_WORDS, text) or (_any(PLURAL_METROPOLIS_WORDS, text) and _any(HOW_MUCH_WORDS, text)):
        return Comparison("ranking", series, "min" if ascending else "max", None, names, language)
    return None


# --- answering ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableAnswer:
    """A sentence answering from the table, and the fact-sheet citations of the records it names."""

    text: str
    citation: str
    records: list[str] = field(default_factory=list)


def series_value(record: dict, key: str):
    """The value of a series for a record, or None (a total share is one whose basis is total employment)."""
    figure = FIGURES[key]
    value = record.get(figure.column)
    if key == "ess_share_total" and value is not None and share_kind(record.get("ess_share_basis") or "") != "total":
        return None
    return value


def format_number(value, language: str) -> str:
    """7026945 -> '7 026 945' (French) or '7,026,945' (English); 579.27 -> '579,27' / '579.27'."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", " ") if language == "fr" else text
    whole, _, decimals = f"{value:,.4f}".rstrip("0").rstrip(".").partition(".")
    if language == "fr":
        whole = whole.replace(",", " ")
        return f"{whole},{decimals}" if decimals else whole
    return f"{whole}.{decimals}" if decimals else whole


def format_value(record: dict, key: str, language: str) -> str:
    """A record's value of a series with its unit: '1 898 950 habitants (au 01/01/2019)', '12 % de l’emploi total'."""
    figure = FIGURES[key]
    value = series_value(record, key)
    number = format_number(value, language)
    if key.startswith("ess_share"):
        basis = _private_basis(record) if key == "ess_share_private" else record.get("ess_share_basis")
        if language == "fr":
            return f"{number} % {basis}" if basis else f"{number} %"
        kind = share_kind(basis or "")
        text = f"{number}% of {'private' if kind == 'private' else 'total'} employment"
        if basis and fold_for_matching(basis) not in ("de l'emploi total", "de l'emploi prive"):
            text += f" (« {basis} »)"
        return text
    unit = figure.unit_fr if language == "fr" else figure.unit_en
    text = f"{number} {unit}"
    if key == "population" and record.get("population_date"):
        date = record["population_date"]
        if "/" in date:
            text += f" (au {date})" if language == "fr" else f" (as of {date})"
        else:
            text += f" ({date})"
    return text


def _private_basis(record: dict) -> str | None:
    for share in record.get("ess_shares") or []:
        if share_kind(share["of"]) == "private" and share["percent"] == record.get("ess_share_of_private_employment"):
            return share["of"]
    return None


def citation_of(record: dict, key: str) -> str:
    """'metropoles-ess.txt · p. 55 · Fiches métropoles › Métropole du Grand Paris' for the series' page."""
    column = FIGURES[key].column
    pages = record.get("pages") or {}
    page = pages.get(column) or pages.get("name")
    return format_citation(record.get("source", ""), page, record.get("section", ""))


def _ranked(records: list[dict], key: str, direction: str) -> list[int]:
    """Indexes of the records that have the series' value, best first for the direction."""
    with_value = [k for k in range(len(records)) if series_value(records[k], key) is not None]
    return sorted(with_value, key=lambda k: series_value(records[k], key), reverse=direction == "max")


def _scope(records: list[dict], count: int, language: str, phrase: str = "") -> str:
    """'des 14 métropoles ayant une fiche', 'parmi les 9 métropoles, sur 14, dont la fiche donne ce chiffre'.

    `phrase` is the superlative it follows: 'celle qui ...' / 'the one with ...' take 'parmi les' / 'among the'."""
    total = len(records)
    if language == "fr":
        article = "parmi les" if phrase.startswith("celle") else "des"
        if count == total:
            return f"{article} {total} métropoles ayant une fiche"
        return f"{article} {count} métropoles, sur {total}, dont la fiche donne ce chiffre"
    article = "among the" if phrase.startswith("the one") else "of the"
    if count == total:
        return f"{article} {total} metropolises with a fact sheet"
    return f"{article} {count} metropolises, out of {total}, whose fact sheet gives this figure"


def answer_comparison(comparison: Comparison, records: list[dict]) -> TableAnswer | None:
    """The sentence that answers a comparison from the table (None when no record has the figure)."""
    series = comparison.series
    if comparison.kind == "values" or (comparison.kind == "superlative" and len(comparison.names) >= 2):
        if set(series) == {"ess_share_total", "ess_share_private"}:
            series = ("ess_share",)  # metropolises named: each one's share as its sheet states it
    merged = _merged_superlative(comparison, records, series)
    if merged:
        return merged
    limit = SNIPPET_LIMIT if len(series) == 1 else SNIPPET_LIMIT // len(series) + 60
    parts, cited = [], []
    for key in series:
        answered = _answer_series(comparison, records, key, limit)
        if answered:
            text, indexes = answered
            parts.append(text)
            cited.extend((k, key) for k in indexes)
    if not parts:
        return None
    return TableAnswer(" ".join(parts), _citations(records, cited), list(dict.fromkeys(records[k]["name"] for k, _ in cited)))


def _citations(records: list[dict], cited: list[tuple[int, str]]) -> str:
    citations: list[str] = []
    for k, key in cited:
        cite = citation_of(records[k], key)
        if cite not in citations:
            citations.append(cite)
    return " ; ".join(citations)


def _merged_superlative(c: Comparison, records: list[dict], series: tuple[str, ...]) -> TableAnswer | None:
    """'Montpellier ... : 12 % de l'emploi total et 18 % de l'emploi privé (...)' when one metropolis leads every series."""
    if c.kind != "superlative" or len(series) < 2 or c.names:
        return None
    leaders = [_ranked(records, key, c.direction) for key in series]
    if any(not ranked for ranked in leaders) or len({ranked[0] for ranked in leaders}) != 1:
        return None
    best = leaders[0][0]
    fr = c.language == "fr"
    values = (" et " if fr else " and ").join(format_value(records[best], key, c.language) for key in series)
    sizes = [len(ranked) for ranked in leaders]
    counts = str(sizes[0]) if len(set(sizes)) == 1 else (" et " if fr else " and ").join(str(n) for n in sizes)
    phrase = _phrase(FIGURES[series[0]], c.direction, c.language)
    if fr:
        text = f"{records[best]['name']} : {values} ({phrase} dans les deux cas, parmi les {counts} métropoles, sur {len(records)}, dont la fiche donne ces chiffres)."
    else:
        text = f"{records[best]['name']}: {values} ({phrase} in both cases, among the {counts} metropolises, out of {len(records)}, whose fact sheet gives these figures)."
    return TableAnswer(text, _citations(records, [(best, key) for key in series]), [records[best]["name"]])


def _phrase(figure: Figure, direction: str, language: str) -> str:
    if language == "fr":
        return figure.top_fr if direction == "max" else figure.bottom_fr
    return figure.top_en if direction == "max" else figure.bottom_en


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _answer_series(c: Comparison, records: list[dict], key: str, limit: int = SNIPPET_LIMIT) -> tuple[str, list[int]] | None:
    """One series' sentence and the records it names (None when no record has this figure)."""
    fr = c.language == "fr"
    colon = " : " if fr else ": "
    figure = FIGURES[key]
    label = figure.label_fr if fr else figure.label_en
    ranked = _ranked(records, key, c.direction)
    if not ranked:
        return None
    phrase = _phrase(figure, c.direction, c.language)
    scope = _scope(records, len(ranked), c.language, phrase)
    percent = key.startswith("ess_share")

    def short(k: int) -> str:  # a value in a list: the unit is in the sentence's head
        return format_number(series_value(records[k], key), c.language) + ((" %" if fr else "%") if percent else "")

    if c.kind == "values" or (c.kind == "superlative" and len(c.names) >= 2):
        among = [k for k in ranked if k in c.names]
        missing = [k for k in c.names if k not in among]
        items = [f"{records[k]['name']}{colon}{format_value(records[k], key, c.language)}" for k in among]
        items += [f"{records[k]['name']}{colon}" + ("la fiche ne donne pas ce chiffre" if fr else "its fact sheet does not give this figure") for k in missing]
        text = f"{_capital(label)} — " + " ; ".join(items)
        if c.kind == "superlative" and len(among) >= 2:
            text += f" ({phrase}{colon}{records[among[0]]['name']})"
        return text + ".", among + missing

    if c.kind == "superlative":
        best = ranked[0]
        text = f"{records[best]['name']}{colon}{format_value(records[best], key, c.language)} ({phrase} {scope})"
        indexes = [best]
        for k in c.names:  # 'Nantes est-elle la plus dense ?': say where the one named stands
            if k != best and k in ranked:
                rank = ranked.index(k) + 1
                where = f"{rank}e sur {len(ranked)}" if fr else f"#{rank} of {len(ranked)}"
                text += f" ; {records[k]['name']}{colon}{format_value(records[k], key, c.language)} ({where})"
                indexes.append(k)
        return text + ".", indexes

    if c.kind == "threshold":
        op, bound = c.threshold
        matching = [k for k in _ranked(records, key, "max") if _OPERATORS[op](series_value(records[k], key), bound)]
        unit = figure.unit_fr if fr else figure.unit_en
        amount = format_number(bound, c.language)
        words = _OPERATOR_WORDS_FR[op] if fr else _OPERATOR_WORDS_EN[op]
        condition = f"{words} {amount} {unit}" if not key.startswith("ess_share") else (
            f"{words} {amount} % de l'emploi {'total' if key == 'ess_share_total' else 'privé'}" if fr
            else f"{words} {amount}% of {'total' if key == 'ess_share_total' else 'private'} employment"
        )
        if not matching:
            extreme = ranked[0] if op in (">", ">=") else ranked[-1]
            direction = "max" if op in (">", ">=") else "min"
            nobody = f"aucune {_scope(records, len(ranked), 'fr')}" if fr else f"none {_scope(records, len(ranked), 'en')}"
            text = (
                f"{_capital(condition)}{colon}{nobody} ({_phrase(figure, direction, c.language)}{colon}"
                f"{records[extreme]['name']}, {format_value(records[extreme], key, c.language)})."
            )
            return text, [extreme]
        count = f"{len(matching)} {_scope(records, len(ranked), c.language)}"
        items = [f"{records[k]['name']} ({short(k)})" for k in matching]
        text, shown = shorten_list(f"{_capital(condition)}{colon}{count} — ", items, limit, "autres" if fr else "more")
        return text, matching[:shown]

    # ranking
    order = ("ordre décroissant" if c.direction == "max" else "ordre croissant") if fr else ("highest first" if c.direction == "max" else "lowest first")
    sheets = (f"{len(ranked)} fiches" if len(ranked) == len(records) else f"{len(ranked)} fiches sur {len(records)} donnent ce chiffre") if fr else (
        f"{len(ranked)} fact sheets" if len(ranked) == len(records) else f"{len(ranked)} of {len(records)} fact sheets give this figure"
    )
    ordered = ranked[: c.top] if c.top else ranked
    items = [f"{n}. {records[k]['name']} {short(k) if percent else format_value(records[k], key, c.language)}" for n, k in enumerate(ordered, 1)]
    text, shown = shorten_list(f"{_capital(label)} ({order}, {sheets}){colon}", items, limit, "autres" if fr else "more")
    return text, ordered[:shown]


def answer_question(question: str, records: list[dict]) -> TableAnswer | None:
    """The table's answer to a comparison question, or None when the question is not one."""
    comparison = parse_comparison(question, records)
    if comparison is None:
        return None
    return answer_comparison(comparison, records)


# --- the table for people: CSV, text -------------------------------------------------------------

TABLE_COLUMNS = (
    ("name", "Métropole"),
    ("population", "Habitants"),
    ("population_date", "Date (habitants)"),
    ("communes", "Communes"),
    ("area_km2", "Superficie (km²)"),
    ("density", "Densité (hab./km²)"),
    ("region", "Région"),
    ("address", "Adresse"),
    ("websites", "Site(s) internet"),
    ("ess_jobs", "Salariés ESS"),
    ("ess_share_of_employment", "Part ESS de l'emploi (%)"),
    ("ess_share_basis", "Part de quel emploi"),
    ("ess_share_of_private_employment", "Part ESS de l'emploi privé (%)"),
    ("ess_establishments", "Établissements employeurs ESS"),
    ("pages", "Page(s)"),
)
CHART_FIELDS = {
    "population": "Habitants",
    "density": "Densité (hab./km²)",
    "area_km2": "Superficie (km²)",
    "communes": "Communes",
    "ess_jobs": "Salariés ESS",
    "ess_share_of_employment": "Part ESS de l'emploi (%)",
    "ess_share_of_private_employment": "Part ESS de l'emploi privé (%)",
    "ess_establishments": "Établissements employeurs ESS",
}


def _cell(record: dict, column: str):
    value = record.get(column)
    if column == "websites":
        return " ".join(value or [])
    if column == "pages":
        return ", ".join(str(p) for p in sorted(set((value or {}).values())))
    return value


def table_rows(records: list[dict]) -> list[list]:
    """One row per record, in TABLE_COLUMNS order (None where the sheet does not say)."""
    return [[_cell(record, column) for column, _ in TABLE_COLUMNS] for record in records]


CSV_COLUMNS = (
    "name", "population", "population_date", "communes", "area_km2", "density", "region", "address", "address_visitor",
    "websites", "ess_jobs", "ess_share_of_employment", "ess_share_basis", "ess_share_of_private_employment",
    "ess_establishments", "ess_shares", "pages", "notes",
)


def to_csv(records: list[dict]) -> str:
    """The table as CSV: field names as header; lists joined ('a.fr b.fr', '14 % de l'activité …'),
    pages as 'field:page' pairs, notes joined by ' | '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        row = []
        for column in CSV_COLUMNS:
            value = record.get(column)
            if column == "websites":
                value = " ".join(value or [])
            elif column == "ess_shares":
                value = " ; ".join(f"{format_number(s['percent'], 'fr')} % {s['of']}" for s in value or [])
            elif column == "pages":
                value = " ".join(f"{k}:{v}" for k, v in (value or {}).items())
            elif column == "notes":
                value = " | ".join(value or [])
            row.append("" if value is None else value)
        writer.writerow(row)
    return buffer.getvalue()


def to_text(records: list[dict]) -> str:
    """A short human-readable listing: one line per metropolis with its main figures and page."""
    lines = []
    for record in records:
        figures = [
            f"{format_number(record.get('population'), 'fr')} hab." if record.get("population") is not None else None,
            f"{record['communes']} communes" if record.get("communes") is not None else None,
            f"{format_number(record.get('area_km2'), 'fr')} km²" if record.get("area_km2") is not None else None,
            f"{format_number(record.get('density'), 'fr')} hab./km²" if record.get("density") is not None else None,
            record.get("region"),
            f"ESS : {format_number(record['ess_jobs'], 'fr')} salariés" if record.get("ess_jobs") is not None else None,
            f"{format_number(record['ess_share_of_employment'], 'fr')} % {record.get('ess_share_basis') or ''}".strip()
            if record.get("ess_share_of_employment") is not None
            else None,
        ]
        page = (record.get("pages") or {}).get("name")
        lines.append(f"{record['name']} (p. {page}) : " + " · ".join(f for f in figures if f))
    return "\n".join(lines)


def chart_data(records: list[dict], column: str) -> list[tuple[str, float]]:
    """(name, value) of the records that have a value for a CHART_FIELDS column, largest first."""
    pairs = [(r["name"], r.get(column)) for r in records if r.get(column) is not None]
    return sorted(pairs, key=lambda pair: pair[1], reverse=True)


__all__ = [
    "CHART_FIELDS",
    "Comparison",
    "EXTRA_NAME",
    "FIGURES",
    "CSV_COLUMNS",
    "TABLE_COLUMNS",
    "TableAnswer",
    "answer_comparison",
    "answer_question",
    "chart_data",
    "citation_of",
    "format_number",
    "named_records",
    "parse_comparison",
    "table_rows",
    "to_csv",
    "to_text",
]
