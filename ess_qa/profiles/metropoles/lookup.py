"""Questions that ask one figure or line of one metropolis's fact sheet, answered with that line.

"Combien d'habitants compte Rennes Métropole ?", "Quelle est l'adresse de Nantes Métropole ?",
"What is the population of Tours Métropole Val de Loire?": the question names one metropolis that
has a fact sheet (see questions.named_record_indexes) and one field of its "Carte
d'identité du territoire" (inhabitants, communes, area, density, region, address, website), or one
ESS figure of its panorama (jobs, establishments, share of employment) when it names the ESS. The
answer is the box's own line (with the lines that continue it, such as the end of an address) or
the panorama sentence that states the figure, cited on the sheet's page, and the passage that holds
it comes first. Comparisons between metropolises are table's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.store import Store
from .factsheets import BOX_LABELS
from ingest.french import content_words, fold_for_matching
from ingest.numbers import french_numbers, is_percent_at

from .questions import (
    CHANGE_WORDS,
    EMPLOYMENT_WORDS,
    ESS_WORDS,
    FIGURE_WORDS,
    GENERIC_NAME_WORDS,
    METROPOLIS_WORDS,
    PRIVATE_WORDS,
    TOTAL_WORDS,
    about_other_subject,
    figure_named,
    name_aliases,
    named_record_indexes,
    parse_comparison,
)
from ...shortening import shorten

# Box fields a question may ask for, besides the figures the comparison vocabulary names.
FIELD_WORDS = (
    ("websites", r"\bsites? (?:internet|web)\b|\bweb ?sites?\b|\burl\b"),
    ("address", r"\badresses?\b|\bsiege\b|\baddress\b|\bheadquarters\b|\bhead office\b"),
    ("region", r"\bregions?\b"),
)
# Words a lookup question may hold besides the name and the field: 'Combien ... compte', 'se trouve'.
ASKING_WORDS = (
    r"\b(?:compte|comptent|compter|trouve|situee?s?|situe|located|situated|have|has|does|is|are|totale?|nombre|number"
    r"|territoire|territory|officiel\w*|official|actuel\w*|current|couvre|covers?|donne|give|its|y|there"
    r"|vivent|habitent|live|lives|living|compos\w*|regroup\w*|rassembl\w*|compren\w*|comprises?|includes?|made up"
    r"|represent\w*|emploie|emploient|employs?|account\w*|for|secteur|sector)\b"
)
ESS_FIGURES = ("ess_jobs", "ess_establishments", "ess_share")  # read from the sheet's panorama sentences
BOX_FIELDS = ("population", "communes", "area_km2", "density", "region", "address", "websites")
SHOWN_WITH = {"address": ("address", "address_visitor")}  # an address question gets the visitor address too
LINES_LIMIT = 300  # characters
MAX_CONTINUATION_LINES = 2
CONTINUATION_MAX_CHARS = 80


@dataclass(frozen=True)
class Lookup:
    """A question asking one field of one record: a line of its identity box or an ESS figure."""

    record: int
    field: str


def parse_lookup(question: str, records: list[dict]) -> Lookup | None:
    """The field of one named metropolis's sheet a question asks for, or None (see module doc)."""
    if not records or parse_comparison(question, records) is not None:
        return None
    names = named_record_indexes(question, records)
    if len(names) != 1:
        return None
    record = records[names[0]]
    text = fold_for_matching(question)
    if re.search(CHANGE_WORDS, text):
        return None  # jobs created, growth: not the figures of the sheet
    figure = figure_named(text)
    names_ess = bool(re.search(ESS_WORDS, text))
    if figure in ESS_FIGURES:
        if not names_ess:
            return None  # 'combien de salariés' without the ESS: all jobs, which the sheet does not give
        field = ess_column(figure, text, record)
    else:
        if names_ess:
            return None  # a question on the ESS asks for something else than the identity box
        field = figure or next((key for key, pattern in FIELD_WORDS if re.search(pattern, text)), None)
        if field not in BOX_FIELDS or (field != "region" and about_other_subject(text, field)):
            return None
    if field is None or record.get(field) in (None, "", []):
        return None
    if other_words(text, name_aliases(records)[names[0]]):
        return None  # 'la population des quartiers prioritaires de Nantes Métropole': about something else
    return Lookup(names[0], field)


def ess_column(figure: str, text: str, record: dict) -> str | None:
    """The record field of an ESS figure named in a question (a share of private or of all employment)."""
    if figure != "ess_share":
        return figure
    if re.search(PRIVATE_WORDS, text):
        return "ess_share_of_private_employment"
    if record.get("ess_share_of_employment") is None:
        return "ess_share_of_private_employment"
    return "ess_share_of_employment"


def other_words(folded_question: str, aliases: list[str]) -> list[str]:
    """Content words of a question besides the metropolis' name, the box field and the asking words."""
    text = folded_question
    for alias in aliases:
        text = re.sub(rf"\b{re.escape(alias)}\b", " ", text)
    patterns = [pattern for _, pattern in FIGURE_WORDS] + [pattern for _, pattern in FIELD_WORDS]
    for pattern in patterns + [ASKING_WORDS, METROPOLIS_WORDS, ESS_WORDS, EMPLOYMENT_WORDS, PRIVATE_WORDS, TOTAL_WORDS]:
        text = re.sub(pattern, " ", text)
    return [w for w in content_words(text) if w not in GENERIC_NAME_WORDS]


@dataclass(frozen=True)
class SheetLines:
    """The lines of a fact sheet that answer a lookup, and the chunk that holds them."""

    text: str
    position: int


def label_starts(text: str) -> list[tuple[int, str]]:
    """(offset, field) of each box label in a text, in order: a line may hold several labels when the
    extraction joined the box's lines ('Nombre d'habitants ... : 288 000 Nombre de communes : 21')."""
    folded, origin = [], []
    for offset, char in enumerate(text):
        for folded_char in fold_for_matching(char):
            folded.append(folded_char)
            origin.append(offset)
    folded_text = "".join(folded)
    starts: dict[int, str] = {}
    for label, field in BOX_LABELS:  # longer labels first: 'adresse visiteur' before 'adresse'
        for match in re.finditer(rf"(?<![\w']){re.escape(label)}(?![a-z])", folded_text):
            offset = origin[match.start()]
            if not any(offset <= other < offset + len(label) for other in starts):
                starts.setdefault(offset, field)
    return sorted(starts.items())


def sheet_chunks(store: Store, record: dict, page: int) -> list[int]:
    """Positions, in reading order, of the chunks of the record's sheet on a page."""
    return [position for position in store.positions_on_page(page) if store.chunk(position).section == record.get("section")]


def box_lines(store: Store, record: dict, field: str) -> SheetLines | None:
    """The record's box line(s) for field, read from the index's answer units; None when not found."""
    page = (record.get("pages") or {}).get(field)
    if page is None:
        return None
    wanted = SHOWN_WITH.get(field, (field,))
    lines: list[str] = []
    position = None
    taking, continuations = False, 0  # a line may continue in the next chunk
    for chunk_position in sheet_chunks(store, record, page):
        for unit in store.units(chunk_position):
            text = unit.text
            starts = label_starts(text)
            if not starts:  # the end of an address or of a list of sites, on the next line
                continuations += 1
                taking = taking and continuations <= MAX_CONTINUATION_LINES and len(text) <= CONTINUATION_MAX_CHARS
                if taking:
                    lines.append(text)
                continue
            if taking and starts[0][0] > 0:
                lines.append(text[: starts[0][0]].strip())
            for (offset, labelled), following in zip(starts, starts[1:] + [(len(text), "")]):
                taking, continuations = labelled in wanted, 0
                if taking:
                    lines.append(text[offset : following[0]].strip())
                    position = chunk_position if position is None else position
    if not lines or position is None:
        return None
    return SheetLines(shorten("\n".join(line for line in lines if line), LINES_LIMIT), position)


def sheet_lines(store: Store, record: dict, field: str) -> SheetLines | None:
    """The lines of the record's sheet that give field: its box line(s), or for an ESS figure the
    panorama sentence that states it; None when not found."""
    if field in BOX_FIELDS:
        return box_lines(store, record, field)
    return figure_sentence(store, record, field)


def figure_sentence(store: Store, record: dict, field: str) -> SheetLines | None:
    """The sentence of the sheet's panorama that states an ESS figure of the record."""
    page, value = (record.get("pages") or {}).get(field), record.get(field)
    if page is None or value is None:
        return None
    percent = field.startswith("ess_share")
    for position in sheet_chunks(store, record, page):
        for unit in store.units(position):
            text = unit.text
            for number, _, end in french_numbers(text):
                if number == value and (not percent or is_percent_at(text, end)):
                    return SheetLines(shorten(text, LINES_LIMIT, around=end), position)
    return None

