"""Questions about the metropolises' fact-sheet table: which figure, which metropolis, what comparison.

`parse_comparison` reads questions that compare or rank metropolises — the most populous, the
densest, the largest by area, the most communes, more (or fewer) than N inhabitants, where the ESS
weighs most in employment, the ESS jobs of two named metropolises — in French and English;
table answers them from the table, and lookup reuses the vocabulary for
questions on one metropolis's sheet.

Detection is deliberately strict (`parse_comparison` returns None when unsure) so that every
other question keeps the normal passage answer: a figure of the table must be named, together
with a superlative, a threshold ("plus de 500 000 habitants"), a ranking word, two or more
metropolises by name, or a "how much" question about the metropolises in the plural; the
question must be about metropolises (not "la commune la plus peuplée", "le secteur qui pèse le
plus"); and ESS figures need the question to name the ESS. All French and English cue words are
in the tables below (matched accent-insensitively, see ingest.french.fold_for_matching).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.french import fold_accents, fold_for_matching, normalize_apostrophes
from ingest.numbers import MULTIPLIER_WORDS, parse_typed_number, read_typed_number

from ...questions import guess_language

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
_SUBJECT_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(\w+) (?:(?:qui|dont) (?:\w+ ){0,2})?(?:(?:est|sont|a|ont|compte|comptent) )?(?:la|le|les) (?:plus|moins)\b",
        r"\bquel(?:le)?s? (\w+)",
        r"\b(?:which|what) (\w+)",
        r"\b(?:most|least) \w+ (\w+)",
        r"\b(?:largest|biggest|smallest|densest|highest|lowest) (\w+)",
    )
)
# "de" may be elided before a vowel: "plus d'un million".
THRESHOLD_WORDS = (
    (r"plus d(?:e\b|')|au-?dela d(?:e\b|')|au-?dessus d(?:e\b|')|superieure?s? a|depassant|depassent|depasse|more than|over|above|greater than|exceeding|exceeds?|in excess of", ">"),
    (r"au moins|at least", ">="),
    (r"moins d(?:e\b|')|en dessous d(?:e\b|')|au-?dessous d(?:e\b|')|inferieure?s? a|less than|fewer than|under|below", "<"),
    (r"au plus|at most|up to", "<="),
)
_ONE_IN_WORDS = r"(?:un|une|a|one)\s+"  # 'un million', 'a million'
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
    holders = Counter(w for words in words_of for w in words)  # how many names hold each word (linear in the records)
    aliases = []
    for k, record in enumerate(records):
        own = sorted(w for w in words_of[k] if w not in GENERIC_NAME_WORDS and holders[w] == 1 and w not in region_words)
        aliases.append([fold_for_matching(record["name"])] + own)
    return aliases


def named_record_indexes(question: str, records: list[dict]) -> list[int]:
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


def matches_any(patterns: str | tuple[str, ...], text: str) -> bool:
    """Whether any of the patterns (one pattern, or a tuple of them) is found in the text."""
    if isinstance(patterns, str):
        patterns = (patterns,)
    return any(re.search(p, text) for p in patterns)


def figure_named(text: str) -> str | None:
    """The key of the first figure (FIGURE_WORDS order) a folded question names, or None."""
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
        for match in re.finditer(rf"\b(?:{words})\s*(?=\d|{_ONE_IN_WORDS}(?:{MULTIPLIER_WORDS}))", text):
            rest = text[match.end():]
            one = re.match(rf"{_ONE_IN_WORDS}({MULTIPLIER_WORDS})", rest)
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
        if matches_any(PRIVATE_WORDS, text):
            series = ("ess_share_private",)
        elif matches_any(TOTAL_WORDS, text):
            series = ("ess_share_total",)
        else:
            series = ("ess_share_total", "ess_share_private")
    else:
        series = (figure,)
    if FIGURES[series[0]].ess and not matches_any(ESS_WORDS, text):
        return None
    if matches_any(CHANGE_WORDS, text):
        return None
    names = tuple(named_record_indexes(question, records))
    about_metropolises = matches_any(METROPOLIS_WORDS, text) or bool(names) or "où" in question.lower() or matches_any(WHERE_WORDS, text)
    if not about_metropolises or about_other_subject(text, figure):
        return None
    direction = "min" if matches_any(MIN_WORDS, text) else "max"
    threshold = _threshold(text, language)
    if threshold:
        op, value, start, end = threshold
        near = text[max(0, start - 40) : end + 40]
        if figure_named(near) == figure or (figure == "ess_share" and "%" in text[end : end + 3]):
            return Comparison("threshold", series, direction, (op, value), names, language)
        return None
    superlative = matches_any(MIN_WORDS, text) or matches_any(MAX_WORDS, text)
    if superlative and not _superlative_about_metropolises(text):
        return None
    if superlative:
        count = _count_asked(text)
        if count and len(names) < 2:  # 'les trois métropoles les plus peuplées': the first three of the ranking
            return Comparison("ranking", series, direction, None, names, language, top=count)
        return Comparison("superlative", series, direction, None, names, language)
    ascending = matches_any(ASCENDING_WORDS, text)
    if len(names) >= 2:
        kind = "superlative" if matches_any(COMPARATIVE_WORDS, text) and figure != "ess_share" else "values"
        if kind == "superlative" and re.search(r"\b(?:moins|less|fewer|smaller|lower)\b", text):
            direction = "min"
        return Comparison(kind, series, direction, None, names, language)
    if matches_any(RANKING_WORDS, text) or (matches_any(PLURAL_METROPOLIS_WORDS, text) and matches_any(HOW_MUCH_WORDS, text)):
        return Comparison("ranking", series, "min" if ascending else "max", None, names, language)
    return None

