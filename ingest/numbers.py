"""Numbers, in one place: as the report prints them, as questions type them, as tokens see them.

The report writes numbers the French way: groups of three digits separated by spaces (plain,
no-break, thin or figure spaces) and a decimal comma: '1 898 950', '579,27', '12 %'. A question
may also type them the English way ('500,000', '1.5m') or in words ('un million').

| function            | reads                                      | used by                                   |
| ------------------- | ------------------------------------------ | ----------------------------------------- |
| french_numbers      | every French number of a text, with spans  | profiles.metropoles (factsheets, lookup)  |
| parse_french_number | one French number ('1 898 950' -> 1898950) | profiles.metropoles, french_numbers       |
| FRENCH_NUMBER       | the same, as a pattern to build regexes on | profiles.metropoles.factsheets            |
| PERCENT             | a percentage's number ('12 %', '12,5%')    | profiles.metropoles.factsheets (shares)   |
| is_percent_at       | whether '%' follows a number               | profiles.metropoles.lookup                |
| RATE_PER            | a rate per thousand ('4,54 pour 1000')     | ess_qa.evidence (a rate question's line)  |
| join_number_groups  | '1 898 950' -> '1898950' (for tokenizing)  | ingest.french.words                       |
| number_runs         | digit runs joined by ' ', ',' or '.'       | quantity_runs                             |
| quantity_runs       | the same, list and section numbers left out| ess_qa.evidence (does a line hold a count)|
| counts              | the same, sums of money left out           | ess_qa.evidence ("combien de salariés")   |
| years / YEAR_RE     | the years a text names ('2019', '01/03/26')| ess_qa.evidence, ess_qa.answering         |
| MONTH_RE            | a French month's name                      | ess_qa.evidence, quantity_runs            |
| PERIOD_RE           | a quarter or half of the year (trimestre)  | ess_qa.evidence (the date type)           |
| CLOCK_RE            | a time of day, a weekday (« 9 h », lundi)  | ess_qa.evidence (a time of day asked)     |
| gives_a_day         | whether a text gives a day (« 6 décembre »)| ess_qa.answering (a day asked)            |
| holds_money         | whether a text gives a sum of money        | ess_qa.evidence (a money question's line) |
| holds_measure       | whether it gives a length, an area, ...    | ess_qa.evidence (a measure question's)    |
| stated_dimensions   | the dimensions of a text's figures in units| ess_qa.questions (a threshold question)   |
| is_unit_word        | whether a word names a unit (mètre, tonne) | ess_qa.answering (the price of a unit)    |
| unit_dimension      | the dimension of the unit a word names     | ess_qa.evidence (a figure in words)       |
| gives_a_unit        | whether a text writes a unit (« au m3 »)   | ess_qa.answering (the price of a unit)    |
| read_typed_number   | a number as a question types it, with end  | profiles.metropoles.questions             |
| parse_typed_number  | the same, its value only                   | profiles.metropoles.questions             |
| PHONE               | a French phone number, as a pattern        | ess_qa.evidence (a contact line)          |
| STREET_WORDS        | the words that name a street (rue, place…) | ess_qa.evidence (a place line)            |
| roman_value         | a roman numeral ('xiv' -> 14), or None     | ingest.clean (page numbers)               |
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

# What may separate groups of three digits: space, no-break space, narrow no-break space, thin space, figure space.
GROUP_SPACE = "[ \u00a0\u202f\u2009\u2007]"
# '1 898 950', '579,27', '1637', '11,08': not glued to a word, a comma or a point before it.
FRENCH_NUMBER = rf"(?<![\w,.])(?:\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+|\d+)(?:,\d+)?(?!\d)"
# The number of a percentage, as group 1: '12 %', '12,5%'.
PERCENT = r"(?<![\w,.])(\d+(?:,\d+)?)\s?%"
# A rate given per thousand (or per ten, hundred thousand) rather than in percent: « 4,54 pour 1000 abonnés », « 3 ‰ »
RATE_PER = rf"\d\s?[‰‱]|\d(?:,\d+)?\s+(?:pour|per)\s+(?:1{GROUP_SPACE}?0{{3}}|10{GROUP_SPACE}?0{{3}}|100{GROUP_SPACE}?0{{3}}|mille|cent\s+mille)(?!\d)"

_FRENCH_NUMBER_RE = re.compile(FRENCH_NUMBER)
_NUMBER_GROUP_RE = re.compile(rf"(?<=\d){GROUP_SPACE}(?=\d{{3}}\b)")
# not glued to a letter before: « A4 210 297 » (a paper size, its width and height) is no « 4 210 297 »
_GROUPED_NUMBER_RE = re.compile(rf"(?<![^\W_])\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+\b")
# not glued to a letter: R24, km2, Sèva5 (a footnote call), 2e are codes, units and ranks, not counts
NUMBER_RUN = r"(?<![^\W_])\d+(?:[ ,.]\d+)*"  # digits not glued to a letter before, groups joined by ' ', ',' or '.'
_NUMBER_RUN_RE = re.compile(NUMBER_RUN + r"(?![^\W_])")
# a sum of money: '20 000€', '50 000 €', '1,7 millions d'euros', '10 000 euros', '35 k€', '2 M€'
# what follows a sum's number (not « Euro-métropole »); « 25 M d'€ », « 16,279 millions d'€ », « 3 Md€ » as a budget writes them;
# « 68 centimes d'euros », « 50 centimes »
# Other currencies a French text may count in: Swiss, Belgian or former French francs, CFA francs, dollars (Quebec),
# pounds: « 70.- francs » (the Swiss way to write a round sum), « 2 millions de francs », « 500 $ », « 35 000 CHF »
_OTHER_CURRENCIES = r"francs?|dollars?|livres?\s+sterling|(?-i:FF|CHF|F\s?CFA|XOF|XAF|USD|CAD|GBP)"  # codes in capitals only
_MONEY_AFTER = (
    r"(?:\.[-–‑—])?(?:\s?(?:(?:[kM]|Mds?|milliers|millions?|milliards?)\s?(?:d['’]\s?)?)?€|\s?(?:milliers|millions?|milliards?)?\s?(?:d['’]\s?)?euros?(?![\w-])"
    r"|\s?centimes?(?![\w-])"
    rf"|\s?(?:[kM]|milliers|millions?|milliards?)?\s?(?:de\s)?(?:{_OTHER_CURRENCIES})(?![\w-])|\s?[kM]?[$£])"
)
# a currency written before its sum: « CHF 70.– », « Fr. 250.– », « $ 20 », « £5 »
_MONEY_BEFORE = r"\b(?-i:CHF|SFr\.?|Fr\.)\s?\d|[$£]\s?\d"
# a table's row may give a figure's unit or currency in the next cell: « Chaudière gaz à condensation coll | 22 | Années »
_NEXT_CELL = r"(?:\s?\|)?"
_MONEY_RE = re.compile(rf"\d{_NEXT_CELL}(?:{_MONEY_AFTER})|{_MONEY_BEFORE}|\bEUR\b|\b(?-i:CHF|USD|CAD|GBP|FCFA|XOF|XAF)\b", re.IGNORECASE)
# a table header's column in euros: « Prix en €/m3 », « Montant (k€) », « Coût € HT »
_MONEY_HEADER_RE = re.compile(rf"(?:\ben\s|\()\s?(?:[kM]\s?)?(?:€|euros?\b|(?:{_OTHER_CURRENCIES})\b|[$£])|€\s?(?:HT|TTC)\b", re.IGNORECASE)
# A measure's units, by dimension: what follows a figure that answers "quelle longueur", "quelle température", ...; a
# letter before an apostrophe is an elided word, no unit (« pour 2030 l'office », « en 2 s'ajoutant »)
MEASURE_UNITS = {
    # a text's length is counted in characters: « au minimum douze caractères », « 254 signes »
    "length": r"(?:k?m|cm|mm|(?:centi|milli)?m[èe]tres?|kilom[èe]tres?|miles?|caract[èe]res|signes|characters)(?![²³\w/'’])",
    "area": r"(?:k?m\s?[²2]|ha|hectares?|ares?)(?!\w)",
    # so many of a thing per unit of area: « 300 hab/km² », « 6000 pieds à l'hectare », « 40 logements par ha »
    "density": r"(?:[^\W\d_]+\.?\s?)?(?:/|par\s|au\s|à\s?l['’]\s?)\s?(?:km|ha(?!\w)|hectares?\b|m\s?[²2])",
    "temperature": r"(?:°\s?C?|degr[ée]s?)",
    "duration": r"(?:(?:ans?|ann[ée]es?|mois|semaines?|jours?|journ[ée]es?|nuits?|trimestres?|semestres?|heures?|h|minutes?|min|mn|secondes?"
    r"|sec|s|years?|months?|weeks?|days?|hours?|seconds?)(?![\w/'’])"
    # minutes and seconds as a timetable writes them: « 30’ avant la fin », « 45' », « 20'' »
    r"|(?<=\d)['’]{1,2}(?![\w'’]))",
    "power": r"(?:[kMG]?W[ce]?|watts?)(?![h\w])",
    "energy": r"[kMGT]?Wh(?!\w)",
    "mass": r"(?:kg|[kM]?t|tonnes?|gr?|grammes?)(?![\w'’])",  # '29,5 Mt' (millions of tonnes), '12 kt', '40gr'
    "volume": r"(?:m\s?[³3]|litres?|l|hl)(?![\w'’])",
    "speed": r"(?:km/h|m/s)",
    "data": r"(?:[kKMGT]i?[oB]|(?:kilo|m[ée]ga|giga|t[ée]ra)?octets?|bytes?)(?!\w)",  # a file's size: '460 Mo', '2 GB'
}
# a figure written in words before its unit: 'dix ans', 'trois mois' ('un', 'une' are articles as often)
NUMBER_WORD_LIST = "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille"
NUMBER_WORDS = rf"\b(?:{NUMBER_WORD_LIST})"
# a word inside a number written in words: 'vingt et un', 'quatre-vingts', 'deux cents' (see _SPELLED_COUNT_RE)
_NUMBER_WORD = rf"(?:{NUMBER_WORD_LIST}|une?|vingts|cents)"
# how often, which words say more than figures: 'une fois par semaine', 'chaque mois', 'tous les deux ans', 'toutes les
# 60 secondes', 'mensuel', '4 réunions par an'
PERIODS = r"(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|ann[ée]es?|trimestres?|semestres?)"
_FREQUENCY_RE = re.compile(
    rf"(?:{NUMBER_RUN}|\bune|{NUMBER_WORDS})\s+fois\s+(?:par|chaque)|\bchaque\s+{PERIODS}\b|\btou(?:s|tes)\s+les\s+(?:\w+\s+)?{PERIODS}\b"
    # so many things per period: « 1 rendez-vous de suivi / 2 mois », « 4 réunions par an »
    rf"|{NUMBER_RUN}(?:[\s-]+[^\W\d_]+){{1,4}}\s*(?:/|\bpar\b)\s*(?:{NUMBER_RUN}\s*)?{PERIODS}\b"
    r"|\b(?:quotidien|hebdomadaire|mensuel|trimestriel|semestriel|annuel|bimestriel)(?:le)?s?\b"
    r"|\b(?:quotidiennement|hebdomadairement|mensuellement|trimestriellement|semestriellement|annuellement)\b|\b(?:daily|weekly|monthly|yearly|annually|once a)\b",
    re.IGNORECASE,
)
# an approximate number in words, and the « de » before what it counts: « une vingtaine d' », « des centaines de »
_ABOUT_WORDS = (
    r"(?:une|des|plusieurs|quelques)\s+(?:(?:petite|bonne)\s+)?"
    r"(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)s?"
)
_ABOUT_NUMBER = rf"\b{_ABOUT_WORDS}\s+d(?:e\s+|['’]\s*)"
# what answers a measure question: a figure in digits or in words and a unit of its dimension, or how often
_MEASURE_RES = {
    # « cinq (5) jours ouvrés »: a figure in words then in digits, as a contract writes it; « une vingtaine d'années »
    **{dimension: re.compile(rf"(?:{NUMBER_RUN}{_NEXT_CELL}\s?|{NUMBER_WORDS}\s(?:\(\s?\d+\s?\)\s)?|{_ABOUT_NUMBER})" + unit, re.IGNORECASE) for dimension, unit in MEASURE_UNITS.items()},
    "frequency": _FREQUENCY_RE,
}
# one period after a word that says how long (« valide dans un délai d'un mois », « pendant une semaine », « sous un
# mois », « sur un an »), or in brackets (« (idéalement un mois) »), not a period of reference (« au cours d'une année »)
_ONE_PERIOD_RE = re.compile(r"(?:\b(?:délai\s+(?:(?:maxim|minim)(?:um|ale?)\s+|légal\s+)?d['’]\s?|pendant\s+|durant\s+|sous\s+|dans\s+|en\s+|pour\s+|sur\s+|après\s+|avant\s+)|\((?:\w+ment\s+)?)une?\s+(?:demi-)?(?:ans?|ann[ée]es?|mois|semaines?|jours?|journ[ée]es?|trimestres?|semestres?|heures?)\b", re.IGNORECASE)
_MEASURE_RES["duration"] = re.compile(f"{_MEASURE_RES['duration'].pattern}|{_ONE_PERIOD_RE.pattern}", re.IGNORECASE)
# « quel volume de … » asks a quantity in any unit of matter or energy, or in euros: « 3 TWh » of cold delivered, « 20 000 € »
# of purchases, « 12 m3 » of water
_MEASURE_RES["quantity"] = re.compile(
    "|".join(_MEASURE_RES[dimension].pattern for dimension in ("volume", "mass", "energy")) + rf"|\d{_NEXT_CELL}(?:{_MONEY_AFTER})", re.IGNORECASE
)
# what a question states: a figure in digits and a unit ('2 000 m²'; see stated_dimensions)
_FIGURE_MEASURE_RES = {dimension: re.compile(NUMBER_RUN + r"\s?" + unit, re.IGNORECASE) for dimension, unit in MEASURE_UNITS.items()}
# a four-digit number from 1800 to 2099 read as a year; not a signed figure (« Grigny (-6224) », « +1059 »), though a
# range's dash (« 2015-2020 ») or a prefix's (« mi-2019 ») may come before a year
YEAR_RE = re.compile(r"(?<![+−±])(?<!(?<!\w)-)\b(1[89]\d\d|20\d\d)\b")
_FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
# a month's name, with or without its accent (« fevrier », « aout »)
MONTH_RE = re.compile(
    r"\b(" + "|".join(dict.fromkeys(form for month in _FRENCH_MONTHS for form in (month, unicodedata.normalize("NFKD", month).encode("ascii", "ignore").decode()))) + r")\b",
    re.IGNORECASE,
)
# the months as an English question names them, in French: a date, not a name the corpus lacks (« the appeal of 15 June »)
ENGLISH_MONTHS = dict(zip("January February March April May June July August September October November December".split(), _FRENCH_MONTHS))
WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"  # a day of the week, as a pattern
WEEKDAY_RE = re.compile(rf"(?:{WEEKDAYS})s?", re.IGNORECASE)
# a time of day or the days a place is open: '5 h', '13h30', '9:00', 'à 18 heures', 'midi', 'du lundi au vendredi'; not
# a duration in hours ('4 heures ouvrées')
CLOCK_RE = re.compile(
    r"(?<![^\W_])(?:[01]?\d|2[0-3])\s?(?:h(?:\s?[0-5]\d)?|:[0-5]\d)(?![^\W\d_])"
    r"|\b(?:à|a|dès|avant|après|vers|entre|partir\s+de)\s+(?:[01]?\d|2[0-3])\s+heures?\b|\b(?:midi|minuit)\b"
    rf"|\b(?:{WEEKDAYS})s?\b",
    re.IGNORECASE,
)
# a date told by its place in the calendar's year: 'jusqu'à la fin du 3e trimestre civil', 'au premier semestre'
PERIOD_RE = re.compile(r"\b(trimestres?|semestres?)\b", re.IGNORECASE)
# a time told by an event or a condition rather than a date: 'lorsque la demande est reçue', 'dès réception', 'après
# trois caractères', 'avant son départ', 'au moment de la signature', 'à l'issue de la formation', 'au plus tard', 'suite à
# une baisse', 'after', 'when', 'once'; or any time: 'disponibles à tout moment', 'en permanence', 'toute l'année'; or
# at once: 'le jour même', 'le lendemain', 'la veille', 'immédiatement', 'sans délai', 'aussitôt'
MOMENT_RE = re.compile(
    r"\b(?:lorsqu(?:e|')|quand|d[èe]s (?:que|qu'|la|le|les|l'|r[ée]ception|son|sa|ses|leur|leurs)|apr[èe]s"
    r"|avant (?:que|qu'|de|d'|la|le|les|l'|son|sa|ses|leur|leurs)|au moment"
    r"|[àa] l'issue|[àa] (?:partir|compter) d|au plus (?:tard|t[ôo]t)|[àa] chaque|pendant|durant|suite [àa] |[àa] la suite d"
    r"|[àa] tout (?:moment|instant)|en permanence|toute l'ann[ée]e"
    r"|le jour m[êe]me|le lendemain|la veille|imm[ée]diatement|sans d[ée]lai|aussit[ôo]t"
    r"|after|before|when|once|as soon as|at any time|any ?time|the same day|the next day|immediately|without delay)",
    re.IGNORECASE,
)


def parse_french_number(text: str) -> int | float | None:
    """A number written the French way, or None: '1 898 950' -> 1898950, '579,27' -> 579.27.

    Groups of three digits may be separated by spaces, no-break or thin spaces; the decimal mark
    is a comma. Whole numbers come back as int, others as float. The whole text must be the number
    (surrounding spaces aside): use french_numbers() to find numbers inside a text.
    """
    text = unicodedata.normalize("NFC", text).strip()
    match = _FRENCH_NUMBER_RE.fullmatch(text)
    if not match:
        return None
    digits = re.sub(GROUP_SPACE, "", match.group())
    if "," in digits:
        return float(digits.replace(",", "."))
    return int(digits)


def french_numbers(text: str) -> list[tuple[int | float, int, int]]:
    """The numbers written the French way in a text, as (value, start, end), in order.

    A number glued to letters before it is not one ('km2'); units after it are the caller's to read:
    '1 352 hab./km2' gives [(1352, 0, 5)].
    """
    out = []
    for match in _FRENCH_NUMBER_RE.finditer(text):
        value = parse_french_number(match.group())
        if value is not None:
            out.append((value, match.start(), match.end()))
    return out


def is_percent_at(text: str, end: int) -> bool:
    """Whether the number that ends at offset `end` of a text is a percentage ('12 %', '12%')."""
    return text[end : end + 2].strip().startswith("%")


def join_number_groups(text: str) -> str:
    """'1 898 950' -> '1898950', so French thousands separators do not split numbers; a number that
    would read as a year ('2 023 nouveaux emplois') is left as written, so that it is not taken for one."""
    return _GROUPED_NUMBER_RE.sub(lambda m: m.group() if YEAR_RE.fullmatch(joined := _NUMBER_GROUP_RE.sub("", m.group())) else joined, text)


def holds_measure(text: str, dimension: str, told: Collection[str] = ()) -> bool:
    """Whether a text gives a figure in a unit of the dimension (MEASURE_UNITS): '200 km', '36 654 Ha', '17 °C', '18 mois',
    'dix ans', and for a duration one period ('dans un délai d'un mois'); or, for 'frequency', says how often: 'une fois
    par semaine', 'chaque mois', 'mensuel'. An amount of matter, room or energy may be told by what it equals: « réduire
    la surface des bureaux, soit l'équivalent de 50 tours Montparnasse ». told: the numbers a question gives itself,
    whose measure is no answer (« la hauteur maximale avant qu'elle soit portée à 18 mètres »: not « 18 m »)."""
    if dimension in _EQUIVALENT_DIMENSIONS and _EQUIVALENT_RE.search(text):
        return True
    if dimension in _HEADER_UNIT_RES and any(re.sub(r"\D", "", m.group(1)) not in told for m in _HEADER_UNIT_RES[dimension].finditer(text)):
        return True
    return any(re.sub(r"\D", "", m.group()) not in told for m in _MEASURE_RES[dimension].finditer(text))


# a table's header that gives its column's unit in brackets, and a figure after it: « Hauteur support (mm) d (mm) A0 841 »,
# « Surface (en ha) | 12,5 »; not a duration, whose symbols are a plural's mark (« restaurant(s) »)
_HEADER_UNIT_RES = {
    dimension: re.compile(rf"\((?:en\s)?(?:{unit})\)[^()]*?({NUMBER_RUN})", re.IGNORECASE)
    for dimension, unit in MEASURE_UNITS.items()
    if dimension != "duration"
}
_EQUIVALENT_DIMENSIONS = frozenset(("length", "area", "mass", "energy", "volume", "power", "quantity"))
_EQUIVALENT_RE = re.compile(rf"\béquivalent\s+(?:de\s+|d['’]\s?)(?:{NUMBER_RUN}|{NUMBER_WORDS}\b)", re.IGNORECASE)


_ANY_UNIT = "|".join(f"(?:{unit})" for unit in MEASURE_UNITS.values())
_PER_UNIT_RE = re.compile(rf"(?:{NUMBER_RUN}\s?|/\s?|\b(?:au|par|le|per)\s)(?:{_ANY_UNIT})", re.IGNORECASE)


_UNIT_WORD_RES = {dimension: re.compile(unit, re.IGNORECASE) for dimension, unit in MEASURE_UNITS.items()}


def unit_dimension(word: str) -> str | None:
    """The dimension (MEASURE_UNITS) of the unit a word names: « litres » -> 'volume', « années » -> 'duration', or None."""
    return next((dimension for dimension, pattern in _UNIT_WORD_RES.items() if pattern.fullmatch(word)), None)


def is_unit_word(word: str) -> bool:
    """Whether a word names a unit of measure (MEASURE_UNITS): « mètre », « tonne », « litre », « hectare »."""
    return unit_dimension(word) is not None


# « en centimètres », « in TWh »: the unit a question wants its figure in; not an elided word (« en l'absence », « en
# s'appuyant ») nor a time told in the singular (« en semaine », « en journée »: when, not how long)
_IN_UNIT_RE = re.compile(rf"\b(?:en|in)\s+((?:{_ANY_UNIT}))(?!['’])", re.IGNORECASE)
_DURATION_SYMBOLS = frozenset(("h", "min", "mn", "s", "sec"))


def unit_asked(text: str) -> str | None:
    """The dimension (MEASURE_UNITS) of the unit a question asks its figure in (« Quelle est la résolution en
    centimètres … ? »: 'length'; « … des réseaux mobiles, en TWh ? »: 'energy'), or None."""
    for match in _IN_UNIT_RE.finditer(text):
        unit = match.group(1)
        dimension = unit_dimension(unit)
        if dimension and (dimension != "duration" or unit.lower().endswith("s") or unit.lower() in _DURATION_SYMBOLS):
            return dimension
    return None


def gives_a_unit(text: str) -> bool:
    """Whether a text writes a unit of measure after a figure or as what a figure is per: « 120 m3 », « €/m3 », « au m3 »."""
    return bool(_PER_UNIT_RE.search(text))


def stated_dimensions(text: str) -> list[str]:
    """The dimensions (MEASURE_UNITS) of the figures a text gives in digits and a unit: 'un remblai de 2 000 m²'
    -> ['area'] (not 'les trois ans du plan', a time more often named than measured)."""
    return [dimension for dimension, pattern in _FIGURE_MEASURE_RES.items() if pattern.search(text)]


def holds_money(text: str) -> bool:
    """Whether a text gives a sum of money (a number with €, euros, k€, M€, or another currency: francs, CHF, $), or a
    table's row under a header, on a line above it, that gives its figures in euros (« Commune | Prix au 01/01/2025 en
    €/m3 » over « Attichy | 2,97 | 2,84 »)."""
    if _MONEY_RE.search(text):
        return True
    lines = text.split("\n")
    header = next((i for i, line in enumerate(lines) if "|" in line and _MONEY_HEADER_RE.search(line)), None)
    return header is not None and any(_NUMBER_RUN_RE.search(cell) for row in lines[header + 1 :] for cell in row.split("|")[1:])


# a date written with slashes and a two-digit year ('01/03/26', in a schedule of repayments), its year caught
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"  # a date's day and month in figures
_SHORT_DATE_RE = re.compile(rf"(?<![\d/]){_DAY}/{_MONTH}/(\d\d)(?![\d/])")
TWO_DIGIT_PIVOT = 69  # '00' to '68' are 2000 to 2068, '69' to '99' 1969 to 1999: POSIX's rule for %y (strptime)


# a year that opens a text's number (« règlement n° 2018-06 », « décret 2020-828 »): a hyphen and a number that is no
# year (« 2018-2020 » is two) nor the rest of a date (« 2019-06-15 »)
_NUMBERS_A_TEXT_RE = re.compile(r"[-‑](?!(?:1[89]|20)\d\d\b)\d{1,4}\b(?![-‑]\d)")


def years(text: str) -> list[str]:
    """The years a text names, in order: as written ('2019'), or of a date with a two-digit year ('01/03/26': '2026'); not
    the first part of a text's number (« le règlement 2018-06 »)."""
    found = [(m.start(), m.group()) for m in YEAR_RE.finditer(text) if not _NUMBERS_A_TEXT_RE.match(text, m.end())]
    found += [(m.start(), _full_year(m.group(1))) for m in _SHORT_DATE_RE.finditer(text)]
    return [year for _, year in sorted(found)]


# a French act's number opens with the year it was signed in: « la loi n° 2004-575 », « le décret n°2021-1234 »
_ACT_NUMBER_RE = re.compile(r"\b(?:lois?|d[ée]crets?|ordonnances?|arr[êe]t[ée]s?)\s+n\s?[°o]\s?((?:19|20)\d\d)[-‑]\d", re.IGNORECASE)


def act_years(text: str) -> list[str]:
    """The years of the French acts a text cites by number (« la loi n°2004-575 »: '2004'), which years leaves out as
    the first part of a text's number: when the act was signed, not a year of what the text tells."""
    return _ACT_NUMBER_RE.findall(text)


# Where a text compares a figure with another time's: « 2 400 € bruts (contre 2 379 € en 2012) », « stable par rapport à
# la moyenne des trois dernières années (3.84% en 2012, …) », « identique à 2012 », and brackets right after a figure that
# give another figure's year: « 22.50% (21.35% en 2012) » (« par la DINUM (5,8M € en 2024) » gives its own). « contre »
# before a figure only (« la lutte contre … » compares nothing). The comparison runs to the end of its brackets, of its
# clause or of its line.
_COMPARISON_RE = re.compile(
    r"(?:\b(?:contre\s+(?:(?:seulement|environ|près\s+de|plus\s+de|moins\s+de)\s+)?(?=\d)|par\s+rapport\s+(?:à|au|aux)\b|comparée?s?\s+(?:à|au|aux)\b|vs\.?\s|versus\b"
    r"|(?:identiques?|stables?|équivalente?s?)\s+(?:à|a)\s+(?=(?:19|20)\d\d\b))|(?P<figure>\d(?:\s*(?:%|€|[^\W\d_]{1,5}\.?))?\s*)\((?=\s*\d[^()\n]*\ben\s+(?:19|20)\d\d\s*\)))"
    r"[^;)\n]*?(?:\([^)\n]*\)[^;)\n]*?)*(?=[;)\n]|\.(?:\s|$)|$)",
    re.IGNORECASE,
)


# Two figures that bound a range: « de 1 à 10 », « entre 20 et 30 cm », « 20 à 30 % », « [3 ; 5 m] », « 600-700 EH » (a
# dash between figures of at most three digits, not years: « 2015-2020 »)
RANGE_RE = re.compile(
    r"\[\s*-?\d[\d,.]*\s*[;,]\s*-?\d[\d,.]*\s*[^\W\d_]{0,3}\s*\]"
    r"|\b(?:de|entre|from|between)\s+-?\d[\d\s,.]*?\s*(?:[^\W\d_]{1,6}\.?\s+)?(?:à|a|et|and|to)\s+-?\d"
    r"|\b\d[\d,.]*\s*(?:%|€|[^\W\d_]{1,6}\.?)?\s+(?:à|to)\s+\d"
    r"|(?<![\d/.,])\d{1,3}(?:[,.]\d+)?\s*[-–]\s*\d{1,3}(?:[,.]\d+)?(?![\d/])",
    re.IGNORECASE,
)


def without_comparisons(text: str) -> str:
    """A text without what it compares its figures with (_COMPARISON_RE): the years left are those of its own figures
    (« Le salaire … s'établit à 2 400 € bruts (contre 2 379 € en 2012) »: its own figure is of no year it says)."""
    return _COMPARISON_RE.sub(lambda m: (m.group("figure") or "") + " ", text)


def _full_year(two_digits: str) -> str:
    """'26' -> '2026', '98' -> '1998' (see TWO_DIGIT_PIVOT)."""
    return ("19" if int(two_digits) >= TWO_DIGIT_PIVOT else "20") + two_digits


def number_runs(text: str) -> list[str]:
    """Runs of digits joined by spaces, commas or points, as printed: '2 023', '1.5', '12,5', '2018'; none glued to a letter ('R24', 'km2')."""
    return _NUMBER_RUN_RE.findall(text)


# A list item's or a section's number where a line starts: '2. Quels produits', '2/ Cas', '3) ', '1- Introduction',
# '4.2.2 Proximité' (a bullet may come before it), under a part in roman numerals or before a spaced dash: 'X.1 - Les
# REGAL', '2.1 – Méthode'.
_LINE_ENUMERATOR_RE = re.compile(
    r"(?:^|\n)[ \t•▪◦·*-]*(?:[IVXLC]{1,4}\.)?(\d{1,2}(?:\.\d{1,2})*)(?:[.)/-]|(?<=\d\.\d)|(?<=\d\.\d\d)|(?=[ \t]+[-–][ \t]))"
    r"(?=[ \t\u00a0]*(?:[-–][ \t]+)?[A-ZÀ-ÝŒ«“\"(]|[ \t]*$)",
    re.MULTILINE,
)
# An item's number inside a line, read as one only after the item before it: '1. Disposer ... 2. Créer ... 3. Réaliser'.
_INLINE_ENUMERATOR_RE = re.compile(r"(?<![\w,.])(\d{1,2})([.)/])(?=\s+[A-ZÀ-ÝŒ«“\"]|\s*$)")


def enumerators(text: str) -> set[int]:
    """Start offsets of the numbers that count list items or sections rather than things: at a
    line's start ('2. Quels produits', '2/ Cas', '4.2.2 Proximité'), or inside a line when the
    item before it is numbered the same way ('... 2. Créer ... 3. Réaliser') or, for the first,
    after a colon. 'passé à 22. Elles' stays a count: no '21.' before it."""
    found = {m.start(1) for m in _LINE_ENUMERATOR_RE.finditer(text)}
    numbered: dict[str, set[int]] = {}
    inline = list(_INLINE_ENUMERATOR_RE.finditer(text))
    for match in inline:
        numbered.setdefault(match.group(2), set()).add(int(match.group(1)))
    for match in inline:
        value, mark = int(match.group(1)), match.group(2)
        first_after_colon = value == 1 and text[: match.start()].rstrip().endswith(":")  # 'cas mentionnés : 1/ Cas où'
        if value - 1 in numbered[mark] or (value == 1 and 2 in numbered[mark]) or first_after_colon:
            found.add(match.start(1))
    return found | _agenda_numbers(text)


# A bare number before a title (« 3 La réglementation »), or before the next such number (« 1 2 À quoi sert … »)
_BARE_ENUMERATOR_RE = re.compile(r"(?<![\w,.])(\d{1,2})(?=[ \t\u00a0\n]+(?:\d{1,2}[ \t\u00a0\n]+)?[A-ZÀ-ÝŒ])")
AGENDA_ENTRIES = 3  # bare numbers 1, 2, 3 … in a row before titles: a slide's agenda, read as one line


def _agenda_numbers(text: str) -> set[int]:
    """Start offsets of the bare numbers that go 1, 2, 3 … (AGENDA_ENTRIES or more, in reading order) before titles:
    an agenda's entries run together (« Rappel du contexte 1 2 À quoi sert ma cantine ? 3 La réglementation 4 Les
    solutions »), whose numbers count nothing."""
    chain: list[int] = []
    for match in _BARE_ENUMERATOR_RE.finditer(text):
        value = int(match.group(1))
        if value == len(chain) + 1:
            chain.append(match.start(1))
        elif value == 1:
            chain = [match.start(1)]
    return set(chain) if len(chain) >= AGENDA_ENTRIES else set()


def quantity_runs(text: str) -> list[str]:
    """number_runs() of a text that count or measure something: list and section numbers, the
    offsets of a formula ('l'année n+1'), a date's day ('26 avril'), a note's call ('[1]') and a
    number that names ('#3', 'n° 12') left out."""
    return [m.group() for m in _quantities(text)]


def counts(text: str) -> list[str]:
    """quantity_runs() of a text that are no sum of money ('2 000€', '2,6 millions d'euros'): what a
    "combien de salariés" asks for."""
    return [m.group() for m in _quantities(text) if not _MONEY_AFTER_RE.match(text, m.end())]


# A count written in words before what it counts: 'trois parties', 'douze mois', 'deux cents salariés', and one or none
# said so (« un seul projet a été créé », « aucune subvention »), after « pour » too (« or pour huit mandats »); not 'pour
# cent des', 'pour mille habitants' (a rate's denominator), 'deux fois', 'mille euros' (a sum), nor 'un', 'une' alone
# (articles as often as counts).
_SPELLED_COUNT_RE = re.compile(
    rf"(?:(?<!pour )|(?<=pour )(?!(?:cent|mille)\b))({NUMBER_WORDS}(?:(?:[ -]et)?[ -]{_NUMBER_WORD}\b)*|\bune? seule?|\baucune?)\s+(?!(?:de|des|du|et|ou|fois|pour|euros?)\b)([a-zà-ÿ]{{3,}})",
    re.IGNORECASE,
)


# A count about so many, of what follows « de »: « une cinquantaine d'acteurs », « des centaines de bénévoles », « plusieurs
# milliers d'emplois »; not of a sum (« une centaine d'euros »)
_ABOUT_COUNT_RE = re.compile(
    rf"\b({_ABOUT_WORDS})\s+d(?:e\s+|['’]\s*)(?!euros?\b)([a-zà-ÿ]{{3,}})",
    re.IGNORECASE,
)


def spelled_counts(text: str) -> list[tuple[str, str]]:
    """The counts of a text written in words, each as its number word and the word it counts: 'comporte trois
    parties' -> [('trois', 'parties')], 'au moins deux cents salariés' -> [('deux cents', 'salariés')], 'une
    cinquantaine d'acteurs' -> [('une cinquantaine', 'acteurs')]."""
    found = [(m.start(), m.group(1), m.group(2)) for regex in (_SPELLED_COUNT_RE, _ABOUT_COUNT_RE) for m in regex.finditer(text)]
    return [(number, counted) for _, number, counted in sorted(found)]


def _quantities(text: str) -> list[re.Match]:
    skipped = enumerators(text)
    unread_spans = _contact_spans(text) + [m.span() for m in _NUMERIC_DATE_RE.finditer(text)]  # they reach or date
    return [
        m
        for m in _NUMBER_RUN_RE.finditer(text)
        if m.start() not in skipped
        and not _FORMULA_RE.match(text, max(0, m.start() - 2))
        and not _DAY_OR_NOTE_RE.match(text, max(0, m.start() - 1))
        and not _names_something(text, m)
        and not _ALL_ROUND_RE.search(text, max(0, m.start() - 6), m.start())
        and not _ORDINAL_AFTER_RE.match(text, m.end())
        and not any(start <= m.start() < end for start, end in unread_spans)
    ]


# a date written in figures ('16/07/2021', '12.06.2019', '01/03/26', '07/2021'): its numbers count nothing
_DAY_IN_FIGURES = rf"{_DAY}([/.-]){_MONTH}\1(?:\d{{4}}|\d\d)"  # '16/07/2021', '12.06.2019', '01/03/26'
_NUMERIC_DATE_RE = re.compile(rf"(?<![\d/.,-])(?:{_DAY_IN_FIGURES}|{_MONTH}/\d{{4}})(?![\d/])")
_FORMULA_RE = re.compile(r"[^\W\d_][+-]")  # 'n+1', 'J-7': a letter, then a sign glued to the number
# a day of a date ('le 26 avril'), a note's call or reference ('[1]')
_DAY_OR_NOTE_RE = re.compile(r"\W?\d{1,2}(?:er)?\s+" + MONTH_RE.pattern + r"|\[\d{1,3}\]", re.IGNORECASE)
_MONEY_AFTER_RE = re.compile(_MONEY_AFTER, re.IGNORECASE)

# a day of the calendar: its number and its month's name (« le 6 décembre », « 1er juillet 2021 ») or a date in figures
# with its year (« 16/11/2023 », « 12.06.2019 »)
_DAY_OF_MONTH_RE = re.compile(r"(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:er|°|º)?\s+" + MONTH_RE.pattern, re.IGNORECASE)
_DAY_IN_FIGURES_RE = re.compile(rf"(?<![\d/.,-]){_DAY_IN_FIGURES}(?![\d/])")


def gives_a_day(text: str) -> bool:
    """Whether a text gives a day of the calendar, not only a month or a year (« remis le mardi 6 décembre », « 16/11/2023 »)."""
    return bool(_DAY_OF_MONTH_RE.search(text) or _DAY_IN_FIGURES_RE.search(text))


# a law's ordinal (« 2° La concertation … ; 3° La territorialisation … »: secondly, thirdly), not degrees (« 55 °C »)
_ORDINAL_AFTER_RE = re.compile(r"\s?[°º](?!\s?[CF]\b)")
_ALL_ROUND_RE = re.compile(r"\d\s?[^\W\d_]{1,2}\s?/\s?$")  # '24h/24', '7j/7': all the time, the second number counts nothing
# What names a thing by its number rather than counting it: 'CHAMP D'ACTION #3', 'loi n° 2014', 'article 31', 'Axe 1',
# 'annexe 3', 'rubrique 2.1.5.0', a code's article 'L. 2111-1' or 'R. 214-1', an item's code 'h.7', a word in capitals
# ('la COP 21', 'RE 2020', a note's call after a name: 'site ENERGIF 4 (base …)')
_IDENTIFIER_RE = re.compile(
    r"(?:#|[nN][°º]|(?<![^\W\d_])[LRD]\.?|(?<![^\W\d_])[a-z]\.(?=$)|(?i:\b(?:articles?|art\.|annexes?|axes?|phases?|chapitres?|titres?|sections?"
    r"|rubriques?|pages?|pp?\.|fiches?|[ée]tapes?|tomes?|volets?|alin[ée]as?|d[ée]crets?|arr[êe]t[ée]s?|circulaires?|ordonnances?"
    r"|d[ée]lib[ée]rations?))|(?<=[^\W\d_])/|(?<![^\W\d_])(?-i:[A-ZÀ-Ý]{2,}))\s?$"
)
_GLUED_BEFORE_RE = re.compile(r"\d+[-/]$")  # the first number of '2020-828', '2111-1', '2019/624'


def _names_something(text: str, number: re.Match) -> bool:
    """Whether a number names (see _IDENTIFIER_RE) rather than counts or measures; the second number of a
    reference names as its first does ('n°2020-828', 'L. 2111-1'), and a code of several dots names ('2.1.5.0')."""
    if number.group().count(".") >= 2:
        return True
    start = number.start()
    glued = _GLUED_BEFORE_RE.search(text, max(0, start - 12), start)
    while glued:
        start = glued.start()
        glued = _GLUED_BEFORE_RE.search(text, max(0, start - 12), start)
    return bool(_IDENTIFIER_RE.search(text, max(0, start - 14), start))


# Numbers of a postal address or a phone: 'BP 231', 'CS 30151', 'Cedex 1', '04 73 98 34 00',
# '+33 1 23 45 67 89', and a postcode ('63007 Clermont-Ferrand', '75 013 Paris') after a street or a box or before
# 'Cedex'. They locate or reach, and count nothing ('12500 Salariés' in a table still counts).
# '04 73 98 34 00', '+33 1 23 45 67 89', '+33 (0)1 23 45 67 89', a free or shared-cost number in groups of three
# ('0 808 800 700'), and another country's after its code ('+41 (0)22 388 00 00', '+32 2 123 45 67')
PHONE = (
    r"(?:(?:\+33\s?(?:\(0\)\s?)?|(?<!\d)0)[1-9](?:[\s.-]?\d{2}){4}|(?<!\d)0[\s.-]?8\d{2}(?:[\s.-]?\d{3}){2}"
    r"|\+(?!33)\d{2,3}\s?(?:\(0\)\s?)?\d{1,3}(?:[\s.-]?\d{2,4}){2,4})(?!\d)"
)
_CONTACT_NUMBER_RE = re.compile(r"\b(?:BP|CS|TSA|Cedex)\s?\d+|" + PHONE, re.IGNORECASE)
_POSTCODE_RE = re.compile(r"(?<![\d,.])(?:\d{5}|\d{2}[ \u00a0\u202f]\d{3})(?=\s+[A-ZÀ-Ý])")  # « 75013 Paris », « 75 013 Paris »
# a town written in capitals after a postcode of five digits, as the post writes it: « 55200 COMMERCY », « 93500 PANTIN »
# (« 12500 Salariés » still counts)
_TOWN_IN_CAPITALS_RE = re.compile(r"(?<=\d{5})\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}(?![^\W\d_]*[a-zà-ÿ])")
# the words that name a street in an address: 'rue Léon Gambetta', '2 cours du Champ de Mars'
STREET_WORDS = "rue|avenue|boulevard|bd|place|quai|allée|cours|esplanade"
_STREET_BEFORE_RE = re.compile(rf"\b(?:{STREET_WORDS}|av\.|chemin|route|impasse|square|parvis|BP|CS|TSA)\b", re.IGNORECASE)
_CEDEX_AFTER_RE = re.compile(r"\s+[^\W\d][\w'’ -]{0,40}?\bcedex\b", re.IGNORECASE)
# a street number before its street: '15-19 avenue Pierre Mendès-France', '2 bis rue …'
_STREET_NUMBER_RE = re.compile(rf"(?<![\d,.])\d{{1,4}}(?:\s?[-–/]\s?\d{{1,4}})?(?:\s?(?:bis|ter))?,?(?=\s+(?:{STREET_WORDS})\b)", re.IGNORECASE)


def _contact_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _CONTACT_NUMBER_RE.finditer(text)] + [m.span() for m in _STREET_NUMBER_RE.finditer(text)]
    for m in _POSTCODE_RE.finditer(text):
        if _STREET_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()) or _CEDEX_AFTER_RE.match(text, m.end()) or _TOWN_IN_CAPITALS_RE.match(text, m.end()):
            spans.append(m.span())
    return spans


# --- numbers as questions type them -------------------------------------------------------------

# '500 000', '500,000', '500.000', '1,5', '1.5', '12'
TYPED_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
MULTIPLIERS = ((r"millions?|m\b", 1_000_000), (r"milliers?|mille|thousand|k\b", 1_000))
MULTIPLIER_WORDS = f"(?:{MULTIPLIERS[0][0]})|(?:{MULTIPLIERS[1][0]})"  # 'million', 'mille', 'k', ...
_TYPED_NUMBER_RE = re.compile(rf"\s*({TYPED_NUMBER})\s*({MULTIPLIER_WORDS})?")


def read_typed_number(text: str, language: str) -> tuple[float, int] | None:
    """The number typed at the start of a text (spaces before it skipped) and the offset where it
    ends, multiplier included: '500 000', '500,000' (English), '1,5 million', '1.5m', '12'; or None."""
    match = _TYPED_NUMBER_RE.match(text)
    if not match:
        return None
    digits, multiplier = match.group(1), match.group(2)
    digits = re.sub(r"[ \u00a0\u202f]", "", digits)
    if language == "en":
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
            digits = digits.replace(",", "")
        digits = digits.replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
            digits = digits.replace(".", "")
        digits = digits.replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    if multiplier:
        for pattern, factor in MULTIPLIERS:
            if re.fullmatch(pattern, multiplier):
                value *= factor
    return value, match.end()


def parse_typed_number(text: str, language: str) -> float | None:
    """The value of the number typed at the start of a text (see read_typed_number), or None."""
    found = read_typed_number(text, language)
    return found[0] if found else None


_ROMAN_RE = re.compile(r"(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", re.IGNORECASE)
_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral, either case ('xiv' -> 14, 'IV' -> 4), else None."""
    if not _ROMAN_RE.fullmatch(text):
        return None
    values = [_ROMAN_DIGITS[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
