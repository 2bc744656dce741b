"""The metropolises' fact sheets as data: one record per sheet, read from the pages' text.

A fact sheet is a metropolis heading followed by "Panorama de l'ESS sur le territoire" (a few
sentences with the ESS figures) and a "Carte d'identité du territoire" box (inhabitants,
communes, area, density, region, address, website). `extract_fact_sheets(pages)` returns one
JSON-ready dict per sheet; every value comes from the text, with the page it was read on.

Layout rules followed (see the report's README):

- Sheet headings are found by the report's heading rules (headings.py, through page_blocks); on a page, the i-th identity box
  belongs to the i-th sheet heading, whatever their order: a box may sit before its heading,
  and two metropolises may share a page. Boxes are found line by line (one starts right after
  a bullet list on Clermont's page, where page_blocks does not mark it) and read from the page
  before hyphenation is joined, so that a web address cut at a '-' keeps its hyphen.
- Leader dots between label and value, labels split over two lines, values continued on the
  next line (addresses, web addresses) are handled; numbers are French ('1 898 950',
  '579,27'), units are read after them.
- An area given in hectares ('36 654 Ha') is converted to km² (1 km² = 100 ha): the printed
  density confirms the conversion (439 542 inhabitants / 366.54 km² ≈ 1 200 hab./km²); a note
  says so. A value cut off by the extraction is completed only when the page prints the same
  words in full elsewhere; otherwise it is kept as extracted.
- ESS figures are read from the panorama's sentences. A sentence about the whole region
  ("En région Provence-Alpes-Côte d'Azur, l'ESS représente ...") describes the region, not
  the metropolis: its figures are not recorded, and a note says so. Shares are kept with what
  they are a share of, as printed ("de l'emploi total", "des emplois privés");
  `ess_share_of_employment` is the share of total employment when stated, else of private
  employment, `ess_share_basis` its wording; a share of something else than employment
  (Clermont: "de l'activité économique globale") is kept in `ess_shares` only.
"""

from __future__ import annotations

import re
from typing import Iterable

from ingest.clean import clean_bullets, clean_page_text, normalize_spaces
from ingest.french import fold_for_matching, normalize_apostrophes, split_sentences
from ingest.numbers import FRENCH_NUMBER, PERCENT, french_numbers, parse_french_number
from ingest.structure import Block, looks_like_heading, page_blocks
from ingest.types import SECTION_SEPARATOR, Page

from .headings import FACT_SHEETS, RULES, is_identity_box_title, is_panorama_title, is_sheet_heading

_LEADER_RE = re.compile(r"\.{2,}")
MAX_ADDRESS_LINES = 3
MAX_LINES_BEFORE_FIRST_LABEL = 2

# Labels of an identity box (accent-folded, lower case, plain apostrophes) -> record field.
# Longer labels first: "adresse visiteur" before "adresse".
BOX_LABELS = (
    ("nombre d'habitants", "population"),
    ("nombre de communes", "communes"),
    ("superficie", "area_km2"),
    ("densite", "density"),
    ("region", "region"),
    ("adresse visiteur", "address_visitor"),
    ("adresse", "address"),
    ("sites internet", "websites"),
    ("site internet", "websites"),
)

RECORD_FIELDS = (
    "name",
    "population",
    "population_date",
    "communes",
    "area_km2",
    "density",
    "region",
    "address",
    "address_visitor",
    "websites",
    "ess_jobs",
    "ess_share_of_employment",
    "ess_share_basis",
    "ess_share_of_private_employment",
    "ess_shares",
    "ess_establishments",
)

_DOMAIN_RE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_URL_PIECE_RE = re.compile(r"^[\w./%#?=&-]+$")
_UNIT_HECTARES_RE = re.compile(r"^\s*(?:ha|hectares?)\b", re.IGNORECASE)
_UNIT_KM2_RE = re.compile(r"^\s*(?:km ?2|km²)", re.IGNORECASE)
_POPULATION_DATE_RES = (
    re.compile(r"\bau (\d{1,2}/\d{1,2}/\d{4})"),
    re.compile(r"\((\d{4})\)"),
    re.compile(r"\ben (\d{4})\b"),
)

# ESS figures in a panorama sentence (matched on the accent-folded, lower-case sentence).
_JOBS_RE = re.compile(rf"({FRENCH_NUMBER})\s+(?:emplois salaries|effectifs salaries|salaries|emplois)\b")
_ESTABLISHMENTS_RE = re.compile(rf"({FRENCH_NUMBER})\s+(?:etablissements|employeurs)\b")
_SHARE_RE = re.compile(
    PERCENT + r"\s+"
    r"(d(?:e l['’]|es |u )[^,.;:()]*?)"
    r"(?=\s+(?:et|soit|dont|pour|avec|dans|ce|qui|sur|en|entre)\b|[,.;:()]|\s*$)"
)
_EMPLOYMENT_HEADS = {"emploi", "emplois", "salaries", "effectifs"}
_REGION_NOUN_RE = re.compile(r"\bregion\b")
_METROPOLIS_RE = re.compile(r"\b(?:metropol\w*|eurometropol\w*|territoire)\b")
# '... des emplois privés de Nantes Métropole': the place named after the share is not its basis
_TRAILING_PLACE_RE = re.compile(r"\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?[A-ZÀ-Ý].*$")


# --- the whole report --------------------------------------------------------------------------


def extract_fact_sheets(pages: Iterable[Page]) -> list[dict]:
    """One record per metropolis fact sheet found in the pages, in page order."""
    records: list[dict] = []
    for page in pages:
        records.extend(page_fact_sheets(page))
    return records


def sheet_headings(blocks: list[Block]) -> list[int]:
    """Indexes of the fact-sheet headings among a page's blocks (as the report's heading rules mark them)."""
    return [k for k, b in enumerate(blocks) if is_sheet_heading(b) and b.title]


def page_fact_sheets(page: Page) -> list[dict]:
    """The fact-sheet records of one page: each sheet heading with its box and panorama figures."""
    cleaned = clean_page_text(page.text)
    blocks = page_blocks(cleaned, RULES)
    headings = sheet_headings(blocks)
    if not headings:
        return []
    boxes = identity_boxes(page.text)
    paired = len(boxes) == len(headings)
    records = []
    for order, heading_index in enumerate(headings):
        name = blocks[heading_index].title
        record = empty_record(name, page.source)
        record["pages"]["name"] = page.page
        if paired:
            fill_from_box(record, parse_identity_box(boxes[order]), page.page, cleaned)
        else:
            record["notes"].append(
                f"identity box not read: {len(boxes)} box(es) for {len(headings)} sheet heading(s) on page {page.page}"
            )
        panorama = panorama_text(blocks, heading_index)
        fill_from_panorama(record, parse_panorama(panorama), page.page)
        records.append(record)
    return records


def empty_record(name: str, source: str) -> dict:
    record: dict = {field: None for field in RECORD_FIELDS}
    record.update(
        name=name,
        source=source,
        section=SECTION_SEPARATOR.join((FACT_SHEETS, name)),
        websites=[],
        ess_shares=[],
        notes=[],
        pages={},
    )
    return record


def fill_from_box(record: dict, box: dict, page: int, page_text: str) -> None:
    notes = box.pop("notes", [])
    if box.get("region"):
        completed = complete_truncated(box["region"], page_text)
        if completed != box["region"]:
            notes.append(f"région completed from the page: {box['region']!r} -> {completed!r}")
            box["region"] = completed
    for field, value in box.items():
        if value in (None, [], ""):
            continue
        record[field] = value
        record["pages"][field] = page
    record["notes"].extend(notes)


def fill_from_panorama(record: dict, figures: dict, page: int) -> None:
    record["notes"].extend(figures.pop("notes", []))
    for field, value in figures.items():
        if value in (None, []):
            continue
        record[field] = value
        record["pages"][field] = page


# --- identity boxes ----------------------------------------------------------------------------


def _box_lines(text: str) -> list[str]:
    """A page's lines, spacing and bullets normalised, hyphenation left alone."""
    return normalize_spaces(clean_bullets(text)).split("\n")


def identity_boxes(text: str) -> list[list[str]]:
    """The lines of each "Carte d'identité du territoire" box of a page, in page order.

    A box runs from its title over label lines and their continuations (blank lines skipped) and
    ends at the first line that is neither, or at the next box.
    """
    lines = _box_lines(text)
    starts = [k for k, line in enumerate(lines) if is_identity_box_title(line)]
    boxes = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        boxes.append(_box_extent(lines[start + 1 : end]))
    return boxes


def label_of(line: str) -> tuple[str, str] | None:
    """(field, rest of the line) when a line starts with a box label, else None."""
    folded = fold_for_matching(line)
    for label, field in BOX_LABELS:
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalpha():
            return field, line[len(label) :]
    return None


def _box_extent(lines: list[str]) -> list[str]:
    """The lines of a box, title excluded, up to where the box ends."""
    kept: list[str] = []
    field, extra_lines = None, 0
    skipped_before_label = 0
    for line in lines:
        if not line.strip():
            continue
        labelled = label_of(line)
        if labelled:
            field, extra_lines = labelled[0], 0
            kept.append(line)
            continue
        if field is None:  # the title's second line ('du territoire'), at most a couple
            skipped_before_label += 1
            if skipped_before_label > MAX_LINES_BEFORE_FIRST_LABEL:
                break
            continue
        if _continues(field, kept[-1], line, extra_lines):
            kept.append(line)
            extra_lines += 1
            continue
        break
    return kept


def _has_value(line: str) -> bool:
    """Whether a box line holds a value after its label and leader dots (a label may stand alone)."""
    labelled = label_of(line)
    rest = labelled[1] if labelled else line
    parts = _LEADER_RE.split(rest, maxsplit=1)
    value = parts[1] if len(parts) == 2 else rest
    return bool(value.strip(" .:"))


def _continues(field: str, previous: str, line: str, extra_lines: int) -> bool:
    """Whether a non-label line continues the value of the entry above it."""
    if extra_lines == 0 and not _has_value(previous):
        return True  # the label was alone on its line ('Nombre d'habitants' / 'sur le territoire... 755 882')
    if field in ("address", "address_visitor"):
        return extra_lines < MAX_ADDRESS_LINES and len(line) <= 60 and (bool(re.search(r"\d", line)) or "cedex" in fold_for_matching(line))
    if field == "websites":
        token = line.strip()
        if " " in token:
            return False
        return bool(_DOMAIN_RE.match(token)) or (previous.rstrip().endswith(("-", "/")) and bool(_URL_PIECE_RE.match(token)))
    return False


def _entries(box: list[str]) -> list[tuple[str, str, str]]:
    """(field, label remainder, value) of each entry, continuation lines joined to their entry."""
    entries: list[list] = []
    for line in box:
        labelled = label_of(line)
        if labelled:
            entries.append([labelled[0], [line]])
        elif entries:
            entries[-1][1].append(line)
    out = []
    for field, lines in entries:
        if field == "websites":
            joined = _join_url_lines(lines)
        else:
            joined = " ".join(line.strip() for line in lines)
        rest = label_of(joined)[1]
        parts = _LEADER_RE.split(rest, maxsplit=1)
        if len(parts) == 2:
            label_rest, value = parts
        else:
            label_rest, value = "", rest
        out.append((field, label_rest.strip(), value.strip(" :.").strip() if field != "websites" else value.strip(" :")))
    return out


def _join_url_lines(lines: list[str]) -> str:
    """Join a web-address entry: a line ending with '-' or '/' continues the address on the next."""
    out = lines[0].rstrip()
    for line in lines[1:]:
        piece = line.strip()
        if out.endswith(("-", "/")) and " " not in piece and not _LEADER_RE.match(piece):
            out += piece
        else:
            out += " " + piece
    return out


def parse_identity_box(box: list[str]) -> dict:
    """Field values of one box's lines (see identity_boxes), with notes on conversions."""
    values: dict = {"notes": []}
    for field, label_rest, value in _entries(box):
        if field in values and field != "notes":
            continue  # a label printed twice: the first one wins
        if field == "population":
            values["population"] = _first_int(value)
            date = _population_date(f"{label_rest} {value}")
            if date:
                values["population_date"] = date
        elif field == "communes":
            values["communes"] = _first_int(value)
        elif field == "area_km2":
            values["area_km2"] = _area_km2(value, values["notes"])
        elif field == "density":
            numbers = french_numbers(value)
            values["density"] = numbers[0][0] if numbers else None
            if numbers and len(numbers) > 1:
                values["notes"].append(f"densité printed as {value!r}: the first number is the density")
        elif field in ("region", "address", "address_visitor"):
            values[field] = re.sub(r"\s+", " ", value).strip(" ,") or None
        elif field == "websites":
            values["websites"] = _websites(value)
    return values


def _first_int(value: str) -> int | None:
    numbers = french_numbers(value)
    if not numbers:
        return None
    number = numbers[0][0]
    return int(number) if float(number).is_integer() else None


def _population_date(text: str) -> str | None:
    for pattern in _POPULATION_DATE_RES:
        match = pattern.search(text)
        if match:
            return match.group(1)
    return None


def _area_km2(value: str, notes: list[str]) -> float | int | None:
    numbers = french_numbers(value)
    if not numbers:
        return None
    number, _, end = numbers[0]
    unit = value[end:]
    if _UNIT_HECTARES_RE.match(unit):
        km2 = round(number / 100, 4)
        notes.append(f"superficie printed as {value.strip()!r}: converted from hectares (1 km² = 100 ha) to {km2} km²")
        return km2
    if not _UNIT_KM2_RE.match(unit):
        notes.append(f"superficie printed as {value.strip()!r}: no unit, read as km²")
    return number


def _websites(value: str) -> list[str]:
    sites = []
    for token in value.split():
        token = token.strip(".,;:()")
        if token and (_DOMAIN_RE.match(token) or "/" in token):
            sites.append(token)
    return sites


def complete_truncated(value: str, page_text: str) -> str:
    """A value cut mid-word by the extraction ('Provence-Alpes-Côte d'Az'), completed when the page
    prints the same words in full elsewhere ('... Côte d'Azur'); otherwise the value unchanged."""
    if not value or not value[-1].isalpha():
        return value
    text = normalize_apostrophes(re.sub(r"\s+", " ", page_text))
    pattern = re.escape(normalize_apostrophes(value)) + r"(\w+)"
    endings = {m.group(1) for m in re.finditer(pattern, text)}
    if len(endings) == 1:
        return value + endings.pop()
    return value


# --- panorama figures --------------------------------------------------------------------------


def panorama_text(blocks: list[Block], heading_index: int) -> str:
    """The sentences under a sheet's "Panorama de l'ESS" heading (up to the next heading)."""
    following = [k for k in sheet_headings(blocks) if k > heading_index]
    stop = following[0] if following else len(blocks)
    start = next((k for k in range(heading_index + 1, stop) if is_panorama_title(blocks[k].lines[0])), None)
    if start is None:
        return ""
    paragraphs = []
    for block in blocks[start + 1 : stop]:
        if block.heading_level or block.boxed or looks_like_heading(block.lines):
            break
        paragraphs.append(block.text)
    return "\n".join(paragraphs)


def share_kind(phrase: str) -> str:
    """What a share is of: 'total', 'private' or 'regional' employment, or 'other' (not employment)."""
    folded = fold_for_matching(phrase)
    words = re.findall(r"[a-z]+", folded)
    head = next((w for w in words if w not in {"de", "des", "du", "l", "la", "le"}), "")
    if head not in _EMPLOYMENT_HEADS:
        return "other"
    if "regional" in folded or _REGION_NOUN_RE.search(folded):
        return "regional"
    if "prive" in folded:
        return "private"
    return "total"


def parse_panorama(text: str) -> dict:
    """ESS jobs, shares of employment and employer establishments stated for the metropolis."""
    figures: dict = {"ess_jobs": None, "ess_establishments": None, "ess_shares": [], "notes": []}
    regional: list[str] = []
    scope = "metropolis"
    for sentence in split_sentences(re.sub(r"\s+", " ", text)):
        folded = fold_for_matching(sentence)
        if _REGION_NOUN_RE.search(folded):
            scope = "region"
        elif _METROPOLIS_RE.search(folded):
            scope = "metropolis"
        # otherwise the sentence goes on about the territory of the sentence before it
        if not re.search(r"\d", folded):
            continue
        if scope == "region":
            regional.append(sentence)
            continue
        if figures["ess_jobs"] is None:
            match = _JOBS_RE.search(folded)
            if match:
                figures["ess_jobs"] = parse_french_number(match.group(1))
        if figures["ess_establishments"] is None:
            match = _ESTABLISHMENTS_RE.search(folded)
            if match:
                figures["ess_establishments"] = parse_french_number(match.group(1))
        for match in _SHARE_RE.finditer(sentence):
            basis = _TRAILING_PLACE_RE.sub("", match.group(2).strip())
            figures["ess_shares"].append({"percent": parse_french_number(match.group(1)), "of": basis})
    shares = figures["ess_shares"]
    total = [s for s in shares if share_kind(s["of"]) == "total"]
    private = [s for s in shares if share_kind(s["of"]) == "private"]
    headline = (total or private or [None])[0]
    if headline:
        figures["ess_share_of_employment"] = headline["percent"]
        figures["ess_share_basis"] = headline["of"]
    if private:
        figures["ess_share_of_private_employment"] = private[0]["percent"]
    if regional and not any(figures[f] is not None for f in ("ess_jobs", "ess_establishments")) and not shares:
        figures["notes"].append(
            "the panorama gives figures for the whole region, not the metropolis; they are not recorded: "
            + " ".join(regional)
        )
    return figures
