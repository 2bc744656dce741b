"""A printed table of contents read as an outline, for a file that has no bookmarks.

Many reports print their contents on a page of their own ("1- Introduction | 4", "2.1 Fonctionnement
..... 5", "Les acteurs  p. 12") and have no PDF outline. Their headings are often printed with the
first paragraph and do not stand out as headings by their cues. The contents page names them and
their pages: read it, and the file's sections come from it as from an outline (ingest.structure.
OutlineSections). It is taken only when it holds enough entries in page order, and when most of its
titles are printed on the pages it gives (possibly shifted by a constant offset: covers and the
contents themselves are often not numbered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from .clean import clean_page_text, clean_title
from .french import fold_for_matching, words
from .layout import half_point
from .structure import MAX_HEADING_CHARS, locate_titles
from .types import Page

MIN_ENTRIES = 4  # fewer lines ending with a page number are no table of contents
SEARCHED_PAGES = 10  # the contents are looked for on a file's first pages
MAX_OFFSET = 10  # printed page numbers may differ from physical ones by this much (covers, unnumbered pages)

MAX_ENTRY_CHARS = 200  # a longer line is text, not a line of contents
# 'Titre | 12', 'Titre ..... 12', 'Titre 12', 'Titre  p. 12', 'Titre page 12': the page number ending a line
# (a document's printed contents, never a citation of ess-qa's: those are values, ingest.types.Citation)
_PAGE_AT_END_RE = re.compile(r"(?:\b(?:p[.]|page)\s*)?(?<!\d)(?P<page>\d{1,4})$", re.IGNORECASE)
_PAGE_ONLY_RE = re.compile(r"^(?:p[.]|page)\s*(?P<page>\d{1,4})$", re.IGNORECASE)  # 'Page 3' under its title
# '04  Édito', '12 Les acteurs': a page number, then the title (not a numbering: '1.', '2.1-', '3)')
_PAGE_FIRST_RE = re.compile(r"^(?P<page>\d{1,4})(?![\d.)\-–])\s+(?P<title>[^\W\d_].*)$")
_NUMBERED_LINE_RE = re.compile(r"^\s*\d|\d[ \t]*$", re.MULTILINE)  # a line that starts or ends with a number
# '2.1-', '3.', '4)', and a lettered sub-point '7.1.7.d -' (one level below 7.1.7)
NUMBERING_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*(?:\.[a-z])?)\s*[.)\-–]?\s+")


@dataclass(frozen=True)
class Entry:
    """A line of a table of contents: its title as printed, its level (1 for '3-', 2 for '3.1-') and printed page."""

    title: str
    level: int
    page: int


def contents_entries(text: str, min_entries: int = MIN_ENTRIES) -> list[Entry]:
    """The entries of a page that is a table of contents (min_entries or more, pages in order), else []:
    lines that end with their page number ('Introduction ..... 4'), else lines that start with it
    ('04  Édito')."""
    for read in (_entries_page_last, _entries_page_first):
        entries = _without_spikes(read(text))
        pages = [e.page for e in entries]
        if len(entries) >= min_entries and pages == sorted(pages):
            return entries
    return []


def _without_spikes(entries: list[Entry]) -> list[Entry]:
    """Entries less those whose page number stands above the next entry's while the entries around them are in
    order: a title that ends with a year, its page number pushed to the next line (« … entre 2023, 2024 et 2025 »).
    When the next entry is no numbered title while the spike is one, it is the spike's title going on, to its page
    (« 3.2.1. Les surcoûts … évalués en 2019 » then « restent une référence consensuelle ….. 40 »): one entry."""
    kept: list[Entry] = []
    joined = False
    for i, entry in enumerate(entries):
        if joined:
            joined = False
            continue
        if 0 < i < len(entries) - 1 and entry.page > entries[i + 1].page and entries[i - 1].page <= entries[i + 1].page:
            after = entries[i + 1]
            if NUMBERING_RE.match(entry.title) and not NUMBERING_RE.match(after.title):
                kept.append(Entry(f"{entry.title} {entry.page} {after.title}", entry.level, after.page))
                joined = True
            continue
        kept.append(entry)
    return kept


def _entries_page_first(text: str) -> list[Entry]:
    found = (_PAGE_FIRST_RE.match(line.strip()) for line in text.split("\n") if len(line) <= MAX_ENTRY_CHARS)
    return [_entry(m.group("title"), int(m.group("page"))) for m in found if m]


def _entries_page_last(text: str) -> list[Entry]:
    entries: list[Entry] = []
    pending = ""  # title lines without a page number since the last blank line: the number follows, or the title goes on
    last_title = ""  # the whole title of the last entry, with the number it was taken to end with
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            pending = ""
            continue
        if len(line) > MAX_ENTRY_CHARS:
            pending = ""
            continue
        page_only = _PAGE_ONLY_RE.match(line)
        titled = None if page_only else _titled_page(line)
        if _BARE_PAGE_RE.match(line) and not pending and _ends_with_a_year(entries, int(line)):
            # « 4.2.5. … entre les campagnes de 2023, 2024 et 2025 » then « 56 »: the year was the title's
            entries[-1] = _entry(last_title, int(line))
        elif page_only and pending:
            entries.append(_entry(pending, int(page_only.group("page"))))
            pending = ""
        elif titled:
            last_title = f"{pending} {line}".strip()
            entries.append(_entry(f"{pending} {titled[0]}".strip(), titled[1]))
            pending = ""
        elif entries or NUMBERING_RE.match(line):
            # before the first entry stands the contents' own title ('Sommaire'), not a numbered title's first line
            # (« 4.3.6. Les paramètres … doivent être » then « interrogés ….. 58 », at the top of a contents' page)
            pending = f"{pending} {line}".strip() if len(pending) < 200 else ""
    return entries


_BARE_PAGE_RE = re.compile(r"^\d{1,4}$")


def _ends_with_a_year(entries: list[Entry], page: int) -> bool:
    """Whether the last entry's page number is a year that ended its title, the page number on the next line: a
    number from 1900 to 2099 above that page, which is not below the entry before (page order)."""
    if not entries or not 1900 <= entries[-1].page <= 2099 or entries[-1].page <= page:
        return False
    return len(entries) < 2 or entries[-2].page <= page


def _titled_page(line: str) -> tuple[str, int] | None:
    """A line's title and the page number that ends it, or None (no number, or no letter before it)."""
    found = _PAGE_AT_END_RE.search(line)
    if not found:
        return None
    title = line[: found.start()].rstrip(" \t|.…")
    return (title, int(found.group("page"))) if any(c.isalpha() for c in title) else None


# the previous entry's page number pushed before a numbered title (« 56 4.3. Les résultats … »)
_STRAY_PAGE_RE = re.compile(r"^\d{1,4}\s+(?=\d{1,2}(?:\.\d{1,2})+\.?\s)")


def _entry(title: str, page: int) -> Entry:
    title = _STRAY_PAGE_RE.sub("", clean_title(title).strip(" |.…:"))  # its bullet or dash off
    numbering = NUMBERING_RE.match(title)
    return Entry(title, numbering.group("number").count(".") + 1 if numbering else 1, page)


def outline_paths(entries: Sequence[Entry]) -> list[tuple[str, ...]]:
    """Each entry's heading path (its title and its parents', outermost first), from the levels."""
    paths: list[tuple[str, ...]] = []
    stack: list[tuple[int, str]] = []
    for entry in entries:
        while stack and stack[-1][0] >= entry.level:
            stack.pop()
        stack.append((entry.level, entry.title))
        paths.append(tuple(title for _, title in stack))
    return paths


SizedLines = list[list[tuple[str, float, bool]]]  # each page's lines, their font sizes, whether bold (ingest.layout)


def with_printed_outline(pages: list[Page], sized_lines: SizedLines | None = None) -> list[Page]:
    """A file's pages, given the outline its printed table of contents makes when it has no outline of
    its own and one is found (see the module's docstring); else as they are. A file that merges several
    reports, each with its contents and its pages numbered from 1 again, gets each report's outline on its own
    pages (a file of four yearly reports, one per commune, had the first one's sections only), under the title
    its cover prints larger than the others do not all print (part_titles; sized_lines: the pages' lines)."""
    if not pages or any(page.outline is not None for page in pages):
        return pages
    texts = _CleanTexts(pages)
    parts: list[tuple[list[Entry], list[int]]] = []
    index = 0
    while index < len(pages) and (parts or index < SEARCHED_PAGES):
        found = _contents_at(pages, texts, index)
        if found is None:
            index += 1
            continue
        entries, last = found
        if not parts:
            physical = _physical_pages(pages, texts, range(index, last + 1), entries)
        elif _starts_another_report(entries, parts[-1][0]):
            physical = _physical_pages(pages, texts, range(index, last + 1), entries, after=last)
        else:  # a chapter's own contents, whose entries the file's contents give
            physical = None
        if physical is not None:
            parts.append((entries, physical))
        index = last + 1
    if len(parts) > 1 and sized_lines is not None and len(sized_lines) == len(pages):
        parts = _titled_parts(parts, sized_lines)
    return outlined_pages(pages, parts) if parts else pages


def _titled_parts(parts: list[tuple[list[Entry], list[int]]], sized_lines: SizedLines) -> list[tuple[list[Entry], list[int]]]:
    """Merged reports' parts, each opened by its cover's title (part_titles) on its cover, its entries under it; as
    they are when a cover is not found (the page its numbers start on) or a title is missing."""
    covers = [physical[0] - (entries[0].page - 1) for entries, physical in parts]
    if any(not 0 <= cover <= physical[0] for cover, (_, physical) in zip(covers, parts)):
        return parts
    titles = part_titles([sized_lines[cover] for cover in covers])
    if not all(titles):
        return parts
    return [
        ([Entry(title, 1, entries[0].page - (physical[0] - cover))] + [replace(e, level=e.level + 1) for e in entries], [cover, *physical])
        for title, cover, (entries, physical) in zip(titles, covers, parts)
    ]


def part_titles(covers: SizedLines) -> list[str]:
    """The title of each of merged reports, from their covers' lines: the largest of the runs of lines (one size, no
    blank line between) that holds a word some other cover does not print (« assainissement collectif : ATTICHY »,
    where all print « Communauté de communes des Lisières de l'Oise » larger; a first cover that prints everything at
    one size gives « Eau Potable : ATTICHY », not its whole page); '' for a cover without one."""
    runs = [_size_runs(lines) for lines in covers]
    printed = [{fold_for_matching(word) for text, _ in cover for word in words(text)} for cover in runs]
    titles = []
    for k, cover in enumerate(runs):
        others = printed[:k] + printed[k + 1:]
        own = [
            (size, text) for text, size in cover
            if sum(c.isalpha() for c in text) >= 4 and len(text) <= 2 * MAX_HEADING_CHARS
            and any(not all(fold_for_matching(word) in other for other in others) for word in words(text))
        ]
        largest = max((size for size, _ in own), default=None)
        titles.append(next((text for size, text in own if size == largest), ""))
    return titles


def _size_runs(lines: list[tuple[str, float, bool]]) -> list[tuple[str, float]]:
    """A page's lines joined in runs of one font size (to half a point) with no blank line between, as titles:
    (text, size)."""
    runs: list[tuple[str, float]] = []
    joined = False  # whether the next line may join the last run
    for text, size, _ in lines:
        text, size = " ".join(text.split()), half_point(size)
        if not text or not size:
            joined = False
            continue
        if joined and runs[-1][1] == size:
            runs[-1] = (f"{runs[-1][0]} {text}", size)
        else:
            runs.append((text, size))
        joined = True
    return [(clean_title(text), size) for text, size in runs]


def _starts_another_report(entries: list[Entry], before: list[Entry]) -> bool:
    """Whether contents found after the file's own (before: the entries of the last report's) are another report's:
    pages numbered from the start again (no later than the last report's first entry), over several pages, each title
    its own (a catalogue's repeated « Multiplicité : … 1 » lines are no contents; a chapter's list of its sheets goes
    on with the file's page numbers)."""
    restarted = entries[0].page <= before[0].page
    return restarted and len({e.page for e in entries}) > 1 and len({e.title for e in entries}) == len(entries)


def _contents_at(pages: list[Page], texts: "_CleanTexts", index: int) -> tuple[list[Entry], int] | None:
    """The entries of a table of contents that starts on a page (0-based), and the index of its last page; None."""
    if len(_NUMBERED_LINE_RE.findall(pages[index].text)) < MIN_ENTRIES:  # no contents: not worth cleaning
        return None
    entries = contents_entries(texts[index])
    if not entries:
        return None
    last = index
    while last + 1 < len(pages):  # contents over several pages: the next ones go on in page order
        more = contents_entries(texts[last + 1], min_entries=2)
        if not more or more[0].page < entries[-1].page or not _mostly_entries(texts[last + 1], more):
            break
        entries, last = entries + more, last + 1
    return entries, last


def _mostly_entries(text: str, entries: list[Entry]) -> bool:
    """Whether entries make at least half of a page's lines (a page of text may end two lines with numbers)."""
    return 2 * len(entries) >= sum(1 for line in text.split("\n") if line.strip())


class _CleanTexts:
    """The pages' cleaned texts, each cleaned when first read (most files have no contents page)."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.texts: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        if index not in self.texts:
            self.texts[index] = clean_page_text(self.pages[index].text)
        return self.texts[index]


def _physical_pages(pages: list[Page], texts: _CleanTexts, contents: range, entries: list[Entry], after: int | None = None) -> list[int] | None:
    """The physical page (0-based) of each entry (contents: the indexes of the contents' own pages, which name every
    title): by the pages' printed labels when they have them, else by the offset that finds the most titles on their
    pages; None when fewer than half of the titles are found there. The front matter the contents list before
    themselves (« Présentation … 2 », « Sommaire … 5 ») heads its pages too. after: for the contents of a report
    merged after others, the page they end on, which its entries follow, by any offset."""
    labels = {page.label: i for i, page in enumerate(pages) if page.label}
    if after is not None:
        first = after + 1 - (entries[0].page - 1)  # the offset that puts the first entry on the next page
        offsets = range(first, first + 2 * MAX_OFFSET + 1)
        candidates = [[e.page - 1 + offset for e in entries] for offset in offsets]
    elif labels:
        candidates = [[labels.get(str(e.page), -1) for e in entries]]
    else:
        candidates = [[e.page - 1 + offset for e in entries] for offset in range(-MAX_OFFSET, MAX_OFFSET + 1)]
    best, found = None, 0
    for physical in candidates:
        count = sum(_printed_on(texts, i, e.title) for i, e in zip(physical, entries) if 0 <= i < len(pages) and i not in contents)
        if count > found:
            best, found = physical, count
    if best is None or found * 2 < len(entries) or any(not 0 <= i < len(pages) for i in best):
        return None
    return best


def _printed_on(texts: _CleanTexts, index: int, title: str) -> bool:
    return locate_titles(texts[index].split("\n"), [title])[0] is not None


def outlined_pages(pages: list[Page], parts: list[tuple[list[Entry], list[int]]]) -> list[Page]:
    """Pages given the outline that each part's entries make, each entry on its physical page (0-based)."""
    by_page: dict[int, list[tuple[str, ...]]] = {}
    for entries, physical in parts:
        for path, index in zip(outline_paths(entries), physical):
            by_page.setdefault(index, []).append(path)
    return [replace(page, outline=tuple(by_page.get(i, ()))) for i, page in enumerate(pages)]
