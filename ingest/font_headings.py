"""Headings told by their font size, read as an outline, for a PDF with neither bookmarks nor printed contents.

A report's headings are drawn larger than its text. The body size is the size most of a file's
letters are drawn in; a line drawn HEADING_SIZE_RATIO times larger or more, or in bold and larger
than the body, short and not a sentence, is a heading (lines of one size that follow each other make
one title). The sizes that head sections on two pages or more are the levels, largest first (at most
MAX_LEVELS); a larger one-off title (a cover's) is of the first level. Text repeated on many pages (a running header in a large
font) and a contents' own title are no headings. The headings are taken only when the file has
MIN_HEADINGS or more, each found among its page's lines; ingest.structure.OutlineSections then reads
the sections as from bookmarks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .clean import clean_page_text, clean_title, collapse_overprinted_lines
from .french import HEADING_OPENERS, STOP_WORDS, words
from .contents import Entry, outlined_pages
from .layout import half_point
from .structure import MAX_HEADING_CHARS, is_contents_title, locate_titles, title_key
from .types import Page

# A heading is drawn this many times larger than the body text, or more (or in bold and larger than
# it): the smallest step of the usual type scales (11 pt text, 13-14 pt sub-headings). Chosen on the
# two tuning PDFs, whose bookmarks or printed contents the font headings match; with both ignored,
# `python benchmarks/font_headings.py` (1 December 2026): cantine .90/.82/.68, 6/6 out of scope
# refused (cues alone .94/.79/.68, 4/6), raccordement .97/.84/.75 (cues alone .94/.84/.72).
HEADING_SIZE_RATIO = 1.2
MAX_LEVELS = 3  # 2 measured worse on cantine read this way (.87/.80/.71 against .90/.82/.68: its bold sub-heads are the 3rd level)
MIN_HEADINGS = 3  # fewer large lines are a cover and a few callouts, not a document's structure
RUNNING_PAGES = 3  # a large line on this many pages is a running header, not a heading
_SENTENCE_END = (".", ",", ";")


def body_size(sized_lines: list[list[tuple[str, float, bool]]]) -> float:
    """The font size (to half a point) most of a file's letters are drawn in, a line repeated on RUNNING_PAGES pages
    or more left out (a running header in small print holds most of a slide deck's letters); 0 when none is known."""
    keyed = [[(title_key(text), text, size) for text, size, _ in page] for page in sized_lines]
    pages_of = Counter(key for page in keyed for key in {key for key, _, _ in page})
    letters: Counter = Counter()
    for page in keyed:
        for key, text, size in page:
            if size and pages_of[key] < RUNNING_PAGES:
                letters[half_point(size)] += sum(c.isalpha() for c in text)
    return letters.most_common(1)[0][0] if letters else 0.0


def page_headings(lines: list[tuple[str, float, bool]], body: float) -> list[tuple[str, float]]:
    """A page's heading lines (their text and size), consecutive lines of one size joined: drawn
    HEADING_SIZE_RATIO times larger than the body, or in bold and larger than the body."""
    joined: list[tuple[str, float]] = []
    previous_size = None
    for text, size, bold in lines:
        size = half_point(size)
        text = collapse_overprinted_lines(" ".join(text.split()))  # « CoopCycle CoopCycle »: a logo on two facing pages
        if not text or (size < HEADING_SIZE_RATIO * body and not (bold and size > body)):
            previous_size = None
            continue
        if joined and previous_size is not None and (previous_size == size or _goes_on(joined[-1][0], text)):
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        else:
            joined.append((text, size))
        previous_size = size
    titles = [(clean_title(text), size) for text, size in joined]
    return [(title, size) for title, size in titles if _may_head(title)]


def _goes_on(title: str, next_line: str) -> bool:
    """Whether the heading line after a title, drawn in another size, goes on with it: the title ends on a function
    word (« SOCIALE ET » / « SOLIDAIRE ») or the line starts with one (« EXEMPLES » / « DE RÉALISATIONS … »)."""
    if title.rstrip().endswith(("?", "!", ":")):
        return False
    last, first = words(title)[-1:], words(next_line)[:1]
    return bool(last and last[0] in STOP_WORDS) or bool(first and first[0] in STOP_WORDS and first[0] not in HEADING_OPENERS)


def _may_head(title: str) -> bool:
    """Whether a large or bold line may be a heading: some letters, not too long, not a sentence's end nor a long
    sentence that leads in to what follows (« Une fois le document prêt, cliquer sur … puis cliquer sur « Ajouter » : »)."""
    return (
        sum(c.isalpha() for c in title) >= 3
        and len(title) <= 2 * MAX_HEADING_CHARS
        and not title.endswith(_SENTENCE_END)
        and not (title.endswith(":") and len(title) > MAX_HEADING_CHARS)
        and not title.startswith(("«", '"', "“"))
        and not is_contents_title(title)
    )


def with_font_outline(
    pages: list[Page], sized_lines: list[list[tuple[str, float, bool]]], line_heights: list[list[float | None]] | None = None, slides: bool = False
) -> list[Page]:
    """A PDF's pages, given the outline its headings' font sizes make when it has no outline yet and
    enough headings are found (see the module's docstring); else as they are. line_heights: how high each line is
    printed (see opens_its_page), when known. slides: the file is a presentation, whose slides size each title to
    fit it: a slide's largest heading is its title, of the first level."""
    if not pages or len(sized_lines) != len(pages) or any(page.outline is not None for page in pages):
        return pages
    body = body_size(sized_lines)
    if not body:
        return pages
    found = [page_headings(lines, body) for lines in sized_lines]
    pages_of = Counter(key for headings in found for key in {title_key(t) for t, _ in headings})
    kept: list[tuple[int, str, float]] = []
    for index, headings in enumerate(found):
        headings = [(t, s) for t, s in headings if pages_of[title_key(t)] < RUNNING_PAGES]
        lines = clean_page_text(pages[index].text).split("\n") if headings else []
        spans = locate_titles(lines, [t for t, _ in headings])
        kept += [(index, title, size) for (title, size), span in zip(headings, spans) if span is not None]
    if len(kept) < MIN_HEADINGS:
        return pages
    entries, physical = [], []
    if slides:
        largest: dict[int, tuple[str, float]] = {}
        for index, title, size in kept:
            if index not in largest or size > largest[index][1]:
                largest[index] = (title, size)
        for index, (title, _) in sorted(largest.items()):
            entries.append(Entry(title, 1, index + 1))
            physical.append(index)
    else:
        on_pages: dict[float, set[int]] = {}
        for index, _, size in kept:
            on_pages.setdefault(size, set()).add(index)
        covers = {0, len(pages) - 1} if _is_back_cover(sized_lines[-1], body) else set()  # a size seen there only heads no level
        levels = sorted((size for size, where in on_pages.items() if len(where) >= 2 and not where <= covers), reverse=True)[:MAX_LEVELS]
        if not levels:
            return pages
        for index, title, size in kept:
            if size >= levels[-1]:
                entries.append(Entry(title, 1 + sum(level > size for level in levels), index + 1))
                physical.append(index)
    outlined = outlined_pages(pages, [(entries, physical)])
    if line_heights is None or len(line_heights) != len(pages):
        return outlined
    first = {}
    for index, title in zip(physical, (entry.title for entry in entries)):
        first.setdefault(index, title)
    return [
        replace(page, outline_at_top=True) if index in first and opens_its_page(first[index], sized_lines[index], line_heights[index], body) else page
        for index, page in enumerate(outlined)
    ]


def _is_back_cover(lines: list[tuple[str, float, bool]], body: float) -> bool:
    """Whether a file's last page is a back cover: no line in the body's size (logos' captions, web addresses, a
    publisher's name), so that a size seen on it and on the cover only is no level of the text's headings."""
    return bool(lines) and all(half_point(size) != body for _, size, _ in lines)


def opens_its_page(title: str, lines: list[tuple[str, float, bool]], heights: list[float | None], body: float) -> bool:
    """Whether a page's heading (its first, as read) is printed above all of the page's text in the body's size: its
    section starts at the top of the page, even where pypdf reads the title after the text (a page designed with its
    title set last)."""
    key = title_key(title)
    at = next((i for i, (text, _, _) in enumerate(lines) if title_key(text) and key.startswith(title_key(text))), None)
    if at is None or heights[at] is None:
        return False
    body_heights = [h for (text, size, _), h in zip(lines, heights) if h is not None and half_point(size) == body]
    return all(h <= heights[at] for h in body_heights)
