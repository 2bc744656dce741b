"""Clean extracted text: running headers and footers across the pages of a file, and the short lines its
layout repeats on most pages; then, page by page, notes' calls read as « 18 F / 19 », bullets, hyphenation,
spacing, leader dots and pull quotes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from .footnotes import attach_footnotes, detach_note_marks, spaced_note_starts
from .layout import CELL_SEPARATOR
from .french import STOP_WORDS, UNICODE_HYPHENS, join_hyphenated_lines, match_key, words
from .numbers import roman_value

BULLET = "•"
_SPACES_RE = re.compile(r"[ \t\u00a0\u202f\u2009\u2007\u200a]+")
# 'zz �', '• �', '�• �', '' (private-use glyphs) at the start of a line are bullets.
_BULLET_RE = re.compile(r"^[ \t]*(?:zz[ \t]*)?[\ufffd\uf0a7\uf0b7\uf0d8\u25aa\u25cf\u2022\u00b7\u2013\u25a0\uf02d]*[\ufffd\uf0a7\uf0b7\uf0d8\u25aa\u25cf\u2022\u00b7\u25a0][\ufffd \t]*", re.MULTILINE)
_ZZ_BULLET_RE = re.compile(r"^[ \t]*zz[ \t]*\ufffd+[ \t]*", re.MULTILINE)
# A glyph of a symbol font (Wingdings, Symbol) that extraction leaves in Unicode's private use area.
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_PRIVATE_USE_BULLET_RE = re.compile("^[ \t]*[\ue000-\uf8ff][\ue000-\uf8ff \t]*", re.MULTILINE)
# A symbol font's arrow that extraction reads as a letter no French word opens with alone: « Æ Fiche : environ 15 mn »;
# a word processor's hollow bullet read as « o », and a bullet that character recognition read as « e », before a capital
# or a figure (« o Le montant de la DGF », « e Entrée de ville »): no French word is « o » or « e » alone.
_LETTER_BULLET_RE = re.compile("^[ \t]*(?:Æ|[oe](?=[ \t]+[A-ZÀ-ÝŒ0-9]))[ \t]+", re.MULTILINE)
# a glyph's name that extraction writes for a symbol it cannot map: « /triangle-right /triangle-right lourdeur des bacs »
_GLYPH_NAME_RE = re.compile(r"(?<!\S)/[a-z]+(?:-[a-z]+)+(?!\S)")
_GLYPH_NAME_BULLET_RE = re.compile(r"^[ \t]*/[a-z]+(?:-[a-z]+)+(?:[ \t]+/[a-z]+(?:-[a-z]+)+)*[ \t]+", re.MULTILINE)
# a capital's form of a sign, by name, that extraction writes for a glyph it cannot map: « /parenleft.caseSTG/parenright.case »,
# « DATES/hyphen.caseCLÉS »; a small capital by name (« /a.sc »)
_CASE_FORMS = {
    "parenleft": "(", "parenright": ")", "bracketleft": "[", "bracketright": "]", "braceleft": "{", "braceright": "}",
    "hyphen": "-", "endash": "–", "emdash": "—", "guillemetleft": "«", "guillemetright": "»", "guilsinglleft": "‹",
    "guilsinglright": "›", "colon": ":", "semicolon": ";", "exclam": "!", "question": "?", "periodcentered": "·",
    "bullet": "•", "at": "@", "slash": "/", "ampersand": "&", "quoteright": "’", "quoteleft": "‘",
}
_CASE_FORM_RE = re.compile(rf"/({'|'.join(_CASE_FORMS)})\.(?:case|sc)|/([a-z])\.sc")
# a ligature by its glyph's name, its letters joined by « _ », maybe with a variant's suffix: « e/f_f.shorticience »
# (efficience), « /f_inancé » (financé)
_LIGATURE_NAME_RE = re.compile(r"/((?:[a-z]_)+[a-z])(?:\.(?:short|alt\d*|liga|dlig|ss\d\d|\d{1,3}))?")
_LEADING_MARKS_RE = re.compile("^[\\s•·▪■●◦*\\-–—]+")
_LEADER_RE = re.compile(r"[ \t]*\.{4,}[ \t]*")
# lone surrogates, which pypdf gives for a glyph it cannot map (« \udcf9\udcf9 » for an icon) and which no file nor
# database can store
_UNMAPPED_GLYPHS = "\ud800-\udfff"
_UNMAPPED_RE = re.compile(f"[{_UNMAPPED_GLYPHS}]")
# control characters, zero-width ones, soft hyphens, unmapped glyphs
_CONTROL_RE = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u00ad\ufeff{_UNMAPPED_GLYPHS}]")
SHORT_LINE = 40
MIN_QUOTE_KEY = 25


# typographic ligatures, written as their letters (« ofﬁces » was shown, and copied, with its « ﬁ »)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


# a word in capitals but for its accented letters, as pypdf reads some small capitals (« RèGLEMENT », « CRITèRES »):
# four letters or more, two capitals at least, lower case only where accented
_SMALL_CAPS_ACCENT_RE = re.compile(r"\b(?=(?:\w*[A-ZÀ-Ý]){2})(?=\w*[à-ÿ])[A-ZÀ-Ýà-ÿ]{4,}\b")


def _capital_accents(text: str) -> str:
    """Accented letters in lower case written in capitals inside a word otherwise in capitals (see _SMALL_CAPS_ACCENT_RE)."""
    return _SMALL_CAPS_ACCENT_RE.sub(lambda m: m.group().upper(), text)


def drop_unmapped_glyphs(text: str) -> str:
    """A text without the glyphs its extraction could not map (lone surrogates): what a page is read as, stored as is."""
    return _UNMAPPED_RE.sub("", text)


def normalize_spaces(text: str) -> str:
    """NFC, ligatures as their letters, Unicode's hyphens as « - », control characters dropped, every run of spaces (incl. no-break ones) made one
    space, small capitals read with their accents in lower case written in capitals (« RèGLEMENT »)."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES).translate(UNICODE_HYPHENS).replace("\r\n", "\n").replace("\r", "\n")
    text = _capital_accents(_CONTROL_RE.sub("", text))
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))


def named_glyphs(text: str) -> str:
    """Signs, small capitals and ligatures that extraction wrote by their glyph's name, written as themselves."""
    text = _LIGATURE_NAME_RE.sub(lambda m: m.group(1).replace("_", ""), text)
    return _CASE_FORM_RE.sub(lambda m: _CASE_FORMS[m.group(1)] if m.group(1) else m.group(2).upper(), text)


def clean_bullets(text: str) -> str:
    """'zz �Subventionnement' and '• �Soutien' become '• Subventionnement'; stray U+FFFD go; a symbol-font
    glyph (private use area) or a glyph's name (« /triangle-right ») opening a line is a bullet, elsewhere it is
    dropped; so is a lone « Æ » opening a line, and a lone « o » or « e » before a capital (_LETTER_BULLET_RE)."""
    text = _ZZ_BULLET_RE.sub(f"{BULLET} ", text)
    text = _BULLET_RE.sub(f"{BULLET} ", text)
    text = _PRIVATE_USE_BULLET_RE.sub(f"{BULLET} ", text)
    text = _LETTER_BULLET_RE.sub(f"{BULLET} ", text)
    text = _GLYPH_NAME_RE.sub("", _GLYPH_NAME_BULLET_RE.sub(f"{BULLET} ", text))
    return _PRIVATE_USE_RE.sub("", text.replace("\ufffd", ""))


def clean_title(title: str) -> str:
    """A title as a heading path shows it ('\uf0a5 Le numéro SIRET' -> 'Le numéro SIRET'): spaces
    normalised, symbol-font glyphs and leading bullets or dashes dropped."""
    text = _PRIVATE_USE_RE.sub("", normalize_spaces(title.replace("\n", " ")))
    return _LEADING_MARKS_RE.sub("", text).strip()


def clean_leaders(text: str) -> str:
    """'Superficie.......3 173 km2' -> 'Superficie : 3 173 km2' (fact-sheet and table-of-contents dots)."""
    return _LEADER_RE.sub(" : ", text)


def _spaced_key(text: str) -> str:
    """A text's words by their match keys, one space apart: compared word for word (« tances » is not in « instances »)."""
    return " ".join(key for key in map(match_key, text.split()) if key)


def remove_pull_quotes(text: str) -> str:
    """Drop runs of short lines whose words repeat text found elsewhere on the same page (a pull quote), but a run
    whose sentence goes on in the line after it."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        if not _is_short(lines[i]):
            i += 1
            continue
        j, nonblank = i, []
        while j < len(lines) and (not lines[j].strip() or _is_short(lines[j])):
            if lines[j].strip():
                nonblank.append(j)
            j += 1
        # a run whose sentence goes on in the line right after it (it ends on a comma or a function word) is part of
        # a paragraph: a box repeating a sentence of another box on the page keeps it (« … (dépôts sauvages, » /
        # « gestion par … »); a pull quote stands apart, cut where it may
        last = nonblank[-1] if nonblank else i
        goes_on = last + 1 < len(lines) and lines[last + 1].strip() != "" and _ends_on_function_word(lines[last])
        if len(nonblank) >= 2 and not goes_on:
            key = _spaced_key(" ".join(lines[k] for k in nonblank))
            # compare with what is kept elsewhere, so text printed twice keeps one copy; whole words
            rest = _spaced_key(" ".join(line for k, line in enumerate(lines) if keep[k] and not i <= k < j))
            if len(key.replace(" ", "")) >= MIN_QUOTE_KEY and f" {key} " in f" {rest} ":
                for k in nonblank:
                    keep[k] = False
        i = max(j, i + 1)
    return "\n".join(line for line, kept in zip(lines, keep) if kept)


def _is_short(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= SHORT_LINE and not stripped.startswith(BULLET)


# A note's call as some word processors export it and pypdf reads it: the note's number less one (its digits
# maybe apart), « F », often a line break, the note's number (« Comparé18 F\n19 au 671 Mt », « ISO
# 14044:20067F\n8, cette », « Hubblo1 4F 15 »).
_NOTE_CALL_RE = re.compile(r"(\d+(?:[ \t]\d+)?)[ \t]?F[ \t]*\n?[ \t]*(\d{1,3})(?!\d)")


def remove_note_calls(text: str) -> str:
    """Notes' calls read as '…18 F\n19 …' taken out (_NOTE_CALL_RE), the words around them joined as printed:
    only where the number after « F » follows the one before it, so that a figure in francs stays."""

    def drop(match: re.Match) -> str:
        before, note = match.group(1), match.group(2)
        call = str(int(note) - 1)
        digits = before.replace(" ", "").replace("\t", "")
        if not digits.endswith(call):
            return match.group()
        return _first_digits(before, len(digits) - len(call))  # the figure before the call: '2006' of '20067'

    return _NOTE_CALL_RE.sub(drop, text)


def _first_digits(text: str, count: int) -> str:
    """The start of a run of digits (spaces kept between them) that holds its first `count` digits."""
    seen = 0
    for i, char in enumerate(text):
        if seen == count:
            return text[:i].rstrip()
        seen += char.isdigit()
    return text


# A figure glued to the word it counts, as slide decks print them (« 48vulnérabilités », « 101services »): not an
# ordinal (« 3ème », « 1ers », « 2nde »)
_GLUED_FIGURE_RE = re.compile(r"(?<![\w.,/@-])(\d+)(?=(?!(?:i?[èe]me|ers?|res?|nde?s?)(?![^\W\d_]))[a-zà-ÿœæ]{3,})")


def separate_glued_figures(text: str) -> str:
    """A space between a figure and the lower-case word glued to it: « 48vulnérabilités » -> « 48 vulnérabilités »."""
    return _GLUED_FIGURE_RE.sub(r"\1 ", text)


# A line that is one text written again right after itself, glued (« TITRE ITITRE ITITRE ITITRE I »,
# « SE LOGERSE LOGER »): a title made bold or shadowed by printing it two to four times over, which pypdf reads once a
# print. The text is four characters or more (« mots ! ») with three letters or more (not « 1010 », a code). Written
# again after a space, it is printed side by side (« CoopCycle CoopCycle », a logo on each of two facing pages), when it
# is MIN_SIDE_BY_SIDE_CHARS long (not « Bora Bora »).
_OVERPRINTED_RE = re.compile(r"^([ \t]*)(\S[^\n]{3,}?)(?:[ \t]?\2){1,3}[ \t]*$", re.MULTILINE)
MIN_OVERPRINTED_LETTERS = 3
MIN_SIDE_BY_SIDE_CHARS = 6  # a text printed twice with a space between, at least this long: « Bora Bora » is a name


def collapse_overprinted_lines(text: str) -> str:
    """A line printed over itself read once: « ANNEXE 3 : DÉFINITIONSANNEXE 3 : DÉFINITIONS » -> « ANNEXE 3 : DÉFINITIONS »;
    and a line printed twice side by side, a space between (« CoopCycle CoopCycle »: a logo on each of two facing pages
    that a booklet exported as spreads prints on one)."""

    def once(match: re.Match) -> str:
        printed = match.group(2)
        side_by_side = not match.group().strip().startswith(printed * 2)
        if len(re.findall(r"[^\W\d_]", printed)) < MIN_OVERPRINTED_LETTERS or (side_by_side and len(printed) < MIN_SIDE_BY_SIDE_CHARS):
            return match.group()
        return match.group(1) + printed

    return _OVERPRINTED_RE.sub(once, text)


def clean_page_text(text: str) -> str:
    """All cleaning steps for one page, in order; blank lines (paragraph breaks) are kept."""
    text = separate_glued_figures(remove_note_calls(collapse_overprinted_lines(text)))
    text = detach_note_marks(spaced_note_starts(text))
    text = normalize_spaces(named_glyphs(text))
    text = clean_bullets(text)
    text = normalize_spaces(text)
    text = join_hyphenated_lines(text)  # before pull quotes: the end of a cut word is no short line of its own
    text = remove_pull_quotes(text)
    text = clean_leaders(text)
    text = attach_footnotes(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# --- running headers, footers and page numbers ------------------------------------------------

EDGE_LINES = 3  # the lines looked at, at the top and at the bottom of each page (blank lines aside)
MIN_RUNNING_PAGES = 3  # a running line is on at least this many pages, and on half the pages of the
# file, or on half its odd or half its even pages (a footer printed on right-hand pages only)
_NUMBER_TOKEN_RE = re.compile(r"\d+|\b[ivxlcdm]+\b", re.IGNORECASE)

LineForm = tuple[str, tuple[int, ...]]


# a page number glued to the year before it, as extraction may read a running header (« Rapport annuel 20123 » on page 3,
# « … 201210 » on page 10): a year, then one to three digits
_YEAR_THEN_PAGE_RE = re.compile(r"((?:19|20)\d\d)(\d{1,3})")


def line_form(line: str) -> LineForm | None:
    """A line with its numbers (arabic, or roman words) taken out, and those numbers
    ('Page 3 sur 19' -> ('page # sur #', (3, 19)), 'Page iv' -> ('page #', (4,))); a year with a page number glued to it is
    two numbers ('Rapport annuel 20123' -> ('rapport annuel ##', (2012, 3))); None for a blank line."""
    text = normalize_spaces(line).lower()
    if not text:
        return None
    numbers: list[int] = []

    def take(match: re.Match) -> str:
        glued = _YEAR_THEN_PAGE_RE.fullmatch(match.group())
        if glued:
            numbers.extend(int(part) for part in glued.groups())
            return "##"
        value = int(match.group()) if match.group().isdigit() else roman_value(match.group())
        if value is None:
            return match.group()
        numbers.append(value)
        return "#"

    return _NUMBER_TOKEN_RE.sub(take, text), tuple(numbers)


def edge_lines(lines: list[str]) -> list[int]:
    """Indexes of the first and last EDGE_LINES non-blank lines of a page."""
    nonblank = [i for i, line in enumerate(lines) if normalize_spaces(line)]
    return sorted(set(nonblank[:EDGE_LINES] + nonblank[-EDGE_LINES:]))


def _page_numbers(texts: list[str], labels: list[str] | None) -> list[int]:
    """The number each page text prints (printed_numbers), from the labels when there is one per page."""
    return printed_numbers(labels if labels and len(labels) == len(texts) else [""] * len(texts))


def printed_numbers(labels: list[str]) -> list[int]:
    """The number each page prints: its label read as a number ('12', 'iv') when it is one, else its
    physical number (1-based)."""
    numbers = []
    for physical, label in enumerate(labels, start=1):
        value = int(label) if label.isdigit() else roman_value(label)
        numbers.append(physical if value is None else value)
    return numbers


Occurrence = tuple[int, int, tuple[int, ...]]  # (page number as printed, line index, the line's numbers)


# How a page number goes with the page: up by one a page, or by two (a booklet exported as spreads prints two facing
# pages on each physical page, « page 8 » and « page 9 », then « page 10 » and « page 11 »), the two facing pages' numbers
# read as one (they pair from an even or from an odd number): (pace, shift), see _page_offset
PAGE_PACES = ((1, 0), (2, 0), (2, 1))
Pace = tuple[int, int]
FIXED: Pace = (0, 0)


def _page_offset(number: int, page: int, pace: Pace) -> int:
    """A number's offset from the page at a pace: the same on every page for a page number."""
    step, shift = pace
    return (number - step * page + shift) // step


def _tracks_page(occurrences: list[Occurrence]) -> tuple[Pace, ...]:
    """For each number of a line form, the pace at which it follows the page (PAGE_PACES) when it does more often
    than it stays the same, else FIXED."""
    result = []
    for j in range(len(occurrences[0][2])):
        same = Counter(numbers[j] for _, _, numbers in occurrences).most_common(1)[0][1]
        counts = {pace: Counter(_page_offset(numbers[j], page, pace) for page, _, numbers in occurrences).most_common(1)[0][1] for pace in PAGE_PACES}
        pace = max(PAGE_PACES, key=lambda p: counts[p])  # the first on a tie: one page at a time
        result.append(pace if counts[pace] > same else FIXED)
    return tuple(result)


def _follows_page(tracks: tuple[Pace, ...]) -> bool:
    """Whether some of a line form's numbers follow the page (see _tracks_page)."""
    return any(pace != FIXED for pace in tracks)


def _signature(numbers: tuple[int, ...], page: int, tracks_page: tuple[Pace, ...]) -> tuple[int, ...]:
    """Numbers as they run across pages: a page number by its offset from the page (at its pace), any other as it is."""
    return tuple(_page_offset(n, page, pace) if pace != FIXED else n for n, pace in zip(numbers, tracks_page))


def is_running(pages: set[int], page_count: int) -> bool:
    """Whether a line seen at the edge of these physical pages (1-based) runs through the file."""
    if len(pages) < MIN_RUNNING_PAGES:
        return False
    odd = sum(1 for p in pages if p % 2)
    even = len(pages) - odd
    return len(pages) * 2 >= page_count or odd * 2 >= (page_count + 1) // 2 or even * 2 >= page_count // 2


def _edge_forms(texts: list[str], numbers: list[int]) -> dict[str, list[tuple[int, Occurrence]]]:
    """The lines at the edges of every page, by form: (physical page, occurrence) for each; a line that is the same
    numbered line twice (two facing pages' headers, see _facing_halves) counts as each of its halves."""
    by_form: dict[str, list[tuple[int, Occurrence]]] = defaultdict(list)
    for physical, (text, printed) in enumerate(zip(texts, numbers), start=1):
        lines = text.split("\n")
        for i in edge_lines(lines):
            for part in _facing_halves(lines[i].replace(CELL_SEPARATOR, " ")):  # a header read as a table's cells on some pages
                form = line_form(part)
                if form:
                    by_form[form[0]].append((physical, (printed, i, form[1])))
    return by_form


FACING_MIN_CHARS = 12  # a line's half, for a line read twice to be two facing pages' headers


def _facing_halves(line: str) -> list[str]:
    """A line cut where its second copy starts, when it is the same numbered line twice (numbers aside); else the line.
    A booklet exported as spreads prints both facing pages' headers on one physical page, which extraction may read as
    one line (« Guide SCIC Sports I Edition 2018 I page 8 Guide SCIC Sports I Edition 2018 I page 9 »), each its own line
    on other pages."""
    stripped = line.strip()
    lead = stripped[:FACING_MIN_CHARS]
    at = stripped.find(lead, FACING_MIN_CHARS) if len(lead) == FACING_MIN_CHARS else -1
    if at < 0:
        return [line]
    first, second = stripped[:at], stripped[at:]
    first_form, second_form = line_form(first), line_form(second)
    numbered = first_form and second_form and first_form[1] and second_form[1]  # each half prints its page's number
    return [first.rstrip(), second] if numbered and first_form[0] == second_form[0] else [line]


RunningKey = tuple[str, tuple[int, ...]]  # a running line's form and the signature of its numbers (_signature)


def running_lines(texts: list[str], labels: list[str] | None = None, known: set[RunningKey] | None = None) -> list[set[int]]:
    """For each page text of one file, the indexes of its lines that are running headers, footers or
    page numbers: the same line, numbers aside (a page number follows the page, as labels print it),
    at the top or the bottom of many pages, or the same title before a bar and each page's chapter (_titled_headers).
    known: the lines found running before (by form and signature), running wherever they come to a page's edge,
    and the lines found now added to them (a page number under a chapter's header reaches the edge once the header
    is gone, on that chapter's pages only)."""
    numbers = _page_numbers(texts, labels)
    known = set() if known is None else known
    found: list[set[int]] = [set() for _ in texts]
    edge_forms = _edge_forms(texts, numbers)
    for form, seen in edge_forms.items():
        tracks = _tracks_page([occurrence for _, occurrence in seen])
        groups: dict[tuple[int, ...], list[tuple[int, int]]] = defaultdict(list)
        for physical, (printed, i, values) in seen:
            groups[_signature(values, printed, tracks)].append((physical, i))
        for signature, group in groups.items():
            pages = {physical for physical, _ in group}
            # a bare number that follows the page (« 9/12 ») numbers the pages of its part, though the part is short
            counter = _follows_page(tracks) and not re.search(r"[^\W\d_]", form) and len(pages) >= MIN_RUNNING_PAGES
            if (form, signature) in known or counter or is_running(pages, len(texts)):
                if _follows_page(tracks):  # a line that prints the page's number runs wherever it comes to the edge
                    known.add((form, signature))
                for physical, i in group:
                    found[physical - 1].add(i)
    for places in _titled_headers(texts).values():
        if is_running({physical for physical, _ in places}, len(texts)):
            for physical, i in places:
                found[physical - 1].add(i)
    for places in _dated_lines_anywhere(texts, numbers, edge_forms):
        for physical, i in places:
            found[physical - 1].add(i)
    _add_echoed(texts, found)
    _add_page_numbered(texts, numbers, found)
    for physical, i in _spread_numbers(texts):
        found[physical - 1].add(i)
    return found


def _dated_lines_anywhere(texts: list[str], numbers: list[int], edge_forms: dict[str, list[tuple[int, Occurrence]]]) -> list[list[tuple[int, int]]]:
    """The places (physical page, line index) of each line of words and numbers (an issue's name and date: « Au fil des
    Lisières 1# - SEPTEMBRE 2022 »), no table's row, at the edge of MIN_RUNNING_PAGES pages or more and printed whole,
    with the same numbers, on half the file's pages or more (and MIN_RUNNING_PAGES), wherever it is printed: a
    magazine's footer sits above each page's number and rubric, which differ from page to page, and reaches the edge on
    some pages only. A number that follows the page at the edges is the same when it is that page's (« Sous-direction
    de la Restauration du Cnous 7 » on page 7: a slide deck's footer in the middle of the text of slides whose text
    boxes come after it). A line without a number (« Quelle solution avons-nous trouvée ? », a heading repeated on many
    pages) or whose numbers change (« Quand ? Au 1er janvier 2022 », « … 2023 ») is the text's. numbers: the number
    each page prints (printed_numbers)."""
    tracks = {
        form: _tracks_page([occurrence for _, occurrence in seen])
        for form, seen in edge_forms.items()
        if "#" in form and CELL_SEPARATOR.strip() not in form and len(words(form)) >= 2 and len({physical for physical, _ in seen}) >= MIN_RUNNING_PAGES
    }
    if not tracks:
        return []
    places: dict[RunningKey, list[tuple[int, int]]] = defaultdict(list)
    for physical, (text, printed) in enumerate(zip(texts, numbers), start=1):
        for i, line in enumerate(text.split("\n")):
            form = line_form(line)
            if form and form[0] in tracks and len(form[1]) == len(tracks[form[0]]):
                places[(form[0], _signature(form[1], printed, tracks[form[0]]))].append((physical, i))
    least = max(len(texts), 2 * MIN_RUNNING_PAGES)  # twice the pages a line is on, at least
    return [where for where in places.values() if 2 * len({physical for physical, _ in where}) >= least]


MIN_PAGE_NUMBERED_CHARS = 8  # a running line this long at least, for the page's number printed beside it to go with it
ECHOED_MIN_CHARS = 20  # a running line this long at least, for a line that starts with it to be that line


def _add_echoed(texts: list[str], found: list[set[int]]) -> None:
    """Add to found the edge lines that are a running line found with nothing of their own glued to its end: an
    echo of its words (extraction reads the same text twice on some slides: « … - Direction interministérielle du
    numériqueDirection interministérielle du numérique »), or figures only (« GBPH - Aide alimentaire 13.03.2023 »)."""
    forms = (line_form(text.split("\n")[i]) for text, indexes in zip(texts, found) for i in indexes)
    running = {form[0] for form in forms if form and len(form[0]) >= ECHOED_MIN_CHARS and "#" not in form[0]}
    for text, indexes in zip(texts, found):
        lines = text.split("\n")
        for i in edge_lines(lines):
            form = line_form(lines[i])
            if i in indexes or not form:
                continue
            for head in running:
                rest = form[0][len(head) :]
                if form[0].startswith(head) and rest.strip() and set(words(rest)) <= set(words(head)):
                    indexes.add(i)
                    break


def _add_page_numbered(texts: list[str], numbers: list[int], found: list[set[int]]) -> None:
    """Add to found the edge lines that are a running line found on other pages, as printed there, with the page's
    number before or after it (« 2 26/01/2023 2 » on a slide deck's second page, « 26/01/2023 » on the others); not on
    the first page, whose title a deck repeats as its running line (« Repas à l'hôpital 1 »).
    numbers: the number each page prints (printed_numbers)."""
    running = {normalize_spaces(text.split("\n")[i]) for text, indexes in zip(texts, found) for i in indexes}
    running = {line for line in running if len(line) >= MIN_PAGE_NUMBERED_CHARS}
    if not running:
        return
    for text, printed, indexes in list(zip(texts, numbers, found))[1:]:  # the cover keeps its title (« Repas à l'hôpital 1 »)
        lines = text.split("\n")
        pattern = re.compile(rf"^(?:{printed}\s+)?(.+?)(?:\s+{printed})?$")
        for i in edge_lines(lines):
            line = normalize_spaces(lines[i])
            match = pattern.match(line)
            if i not in indexes and match and match.group(1) != line and match.group(1) in running:
                indexes.add(i)


SPREAD_OFFSETS = range(-6, 3)  # a booklet's spread n prints pages 2n + c and 2n + c + 1: the constants looked for
_BARE_NUMBERS_RE = re.compile(r"\s*(\d{1,6})(?:(?:\s+|\s*\|\s*)(\d{1,3}))?\s*")  # « 9 10 », « 15 | 16 », « 1211 »


def _spread_numbers(texts: list[str]) -> list[tuple[int, int]]:
    """The places (physical page, line index) of the page numbers of a booklet exported as spreads: two facing pages on
    each physical page, whose numbers (2n + c and the next, for one constant c) a line gives alone, in either order and
    often glued (« 9 10 », « 87 », « 1211 » on physical pages 6, 5 and 7), wherever the page prints it; taken when the
    same c holds on MIN_RUNNING_PAGES pages and half the file's."""
    bare = [  # the lines of one or two numbers alone, read once for every constant
        (physical, i, match)
        for physical, text in enumerate(texts, start=1)
        for i, line in enumerate(text.split("\n"))
        if (match := _BARE_NUMBERS_RE.fullmatch(line))
    ]
    best: list[tuple[int, int]] = []
    for c in SPREAD_OFFSETS:
        places = [(physical, i) for physical, i, match in bare if _reads_as(match, {str(2 * physical + c), str(2 * physical + c + 1)})]
        pages = len({physical for physical, _ in places})
        if pages >= MIN_RUNNING_PAGES and 2 * pages >= len(texts) and len(places) > len(best):
            best = places
    return best


def _reads_as(match: re.Match, pair: set[str]) -> bool:
    """Whether a line of one or two numbers gives the two numbers of a pair, apart or glued in either order."""
    first, second = match.group(1), match.group(2)
    if second is not None:
        return {first, second} == pair
    low, high = sorted(pair, key=int)
    return first in (low + high, high + low)


_TITLED_HEADER_RE = re.compile(r"^(.{10,}?)\s+[|•]\s+\S")  # « Guide achats numérique responsable | Les labels »


def _titled_headers(texts: list[str]) -> dict[str, list[tuple[int, int]]]:
    """The lines at the edges of the pages that open with a title and a bar (« GUIDE ACHATS NUMÉRIQUE RESPONSABLE |
    LES LABELS »), by that title: the document's title before its chapter's, a running header whatever the chapter."""
    by_title: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for physical, text in enumerate(texts, start=1):
        lines = text.split("\n")
        for i in edge_lines(lines):
            line = normalize_spaces(lines[i])
            match = _TITLED_HEADER_RE.match(line)
            if match and len(match.group(1).split()) >= 2 and line.count("|") <= 2:  # more bars: a table's row
                by_title[match.group(1).lower()].append((physical, i))
    return by_title


# Short lines printed several times on most pages, anywhere on them, in a run of several such lines, are the
# layout's, not the text's: the link labels a legal site's export prints under every article (« Legif. », « Plan »,
# « Jp.Judi. », « Jp.Admin. », « Juricaf »). A table's cell repeated down a column (« Déclaration ») stands alone
# between other cells, and stays.
REPEATED_LINE_CHARS = 30  # at most this long
REPEATED_PER_PAGE = 2  # times per page it is on, on average
REPEATED_RUN = 3  # lines of that kind in a row


def repeated_lines(texts: list[str]) -> list[set[int]]:
    """For each page text of one file, the indexes of its short lines (REPEATED_LINE_CHARS at most) printed
    REPEATED_PER_PAGE times a page or more, on average over the pages that have them, those being half the file's
    pages or more (and MIN_RUNNING_PAGES at least), that stand in a run of REPEATED_RUN such lines or more."""
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for physical, text in enumerate(texts, start=1):
        for i, line in enumerate(text.split("\n")):
            key = normalize_spaces(line)
            if key and len(key) <= REPEATED_LINE_CHARS:
                where[key].append((physical, i))
    repeated: list[set[int]] = [set() for _ in texts]
    for places in where.values():
        pages = {physical for physical, _ in places}
        if len(places) >= REPEATED_PER_PAGE * len(pages) and len(pages) * 2 >= len(texts) and len(pages) >= MIN_RUNNING_PAGES:
            for physical, i in places:
                repeated[physical - 1].add(i)
    return [_in_runs(lines) for lines in repeated]


def _in_runs(indexes: set[int]) -> set[int]:
    """The line indexes that belong to a run of REPEATED_RUN consecutive indexes or more."""
    kept: set[int] = set()
    for i in indexes:
        if i - 1 not in indexes:  # a run starts here
            run = [i]
            while run[-1] + 1 in indexes:
                run.append(run[-1] + 1)
            if len(run) >= REPEATED_RUN:
                kept.update(run)
    return kept


# A chapter's running header is printed on its pages only, not on half the file's: « Guide achats | Les labels » on
# pages 21 to 38, « Solutions d'impression » on pages 59 to 78. It is then the very first or very last line of each
# of a run of pages.
CHAPTER_RUN_GAP = 2  # pages apart at most within a run: a header printed on every other page runs too


def chapter_lines(texts: list[str], labels: list[str] | None = None, titles: list[str] | None = None) -> list[set[int]]:
    """For each page text of one file, the index of its first or last non-blank line when that line, numbers
    aside (a page number follows the page, as in running_lines), stands at the same edge of a run of
    MIN_RUNNING_PAGES pages or more, each at most CHAPTER_RUN_GAP pages after the one before. Not on a run's first
    page, where the chapter opens and the line may be its heading, nor a line of text (_may_head_pages). titles: when
    given, a page's item is set (if empty) to the header that tops it as its chapter's title, on every page of the run,
    when it holds no page number nor date and is no table's row (« Fiche 2 – Transport », not « GBPH 13.03.2023 »,
    « Guide 12 », a table's header repeated at the top of its pages)."""
    numbers = _page_numbers(texts, labels)
    by_form: dict[tuple[str, str], list[tuple[int, Occurrence]]] = defaultdict(list)
    for physical, (text, printed) in enumerate(zip(texts, numbers), start=1):
        lines = text.split("\n")
        nonblank = [i for i, line in enumerate(lines) if normalize_spaces(line)]
        for edge in ("top", "bottom") if nonblank else ():
            header = _edge_header(lines, nonblank, edge)
            if header:
                i, form = header
                by_form[(edge, form[0])].append((physical, (printed, i, form[1])))
    found: list[set[int]] = [set() for _ in texts]
    for (edge, form), seen in by_form.items():
        tracks = _tracks_page([occurrence for _, occurrence in seen])
        if _follows_page(tracks[1:-1]):
            continue  # a number that follows the page inside others is a list's (« 5.1.2.7 », « 5.2.2.7 »), not a page's
        groups: dict[tuple[int, ...], list[tuple[int, int]]] = defaultdict(list)
        for physical, (printed, i, values) in seen:
            groups[_signature(values, printed, tracks)].append((physical, i))
        for group in groups.values():
            for run in _page_runs(sorted(group)):
                for physical, i in run[1:]:
                    found[physical - 1].add(i)
                if titles is not None and edge == "top" and not _follows_page(tracks) and not _DATED_FORM_RE.search(form) and "|" not in form:
                    first, line = run[0]
                    title = normalize_spaces(texts[first - 1].split("\n")[line])
                    for physical, _ in run:
                        titles[physical - 1] = titles[physical - 1] or title
    return found


_DATED_FORM_RE = re.compile(r"#\s?[./]\s?#")  # a date or a version in a line's form (« # . # . # », « #/# »)


def _edge_header(lines: list[str], nonblank: list[int], edge: str) -> tuple[int, LineForm] | None:
    """The line index and form of what may be a chapter's running header at a page's edge ('top' or 'bottom';
    nonblank: the indexes of its non-blank lines): its first or last line, unless it is text (_may_head_pages)."""
    i = nonblank[0] if edge == "top" else nonblank[-1]
    form = line_form(lines[i])
    return (i, form) if form and _may_head_pages(lines, i, edge, form[0]) else None


def _may_head_pages(lines: list[str], i: int, edge: str, form: str) -> bool:
    """Whether a page's first or last line (edge: 'top' or 'bottom'; form: line_form's text) may be a chapter's running
    header: not a label ending with « : » (« Thèmes : », « Définition : »), nor one word, nor a list's item, nor a part
    of a longer line (_one_word, _item_or_sequel, _continued)."""
    return not form.endswith(":") and not _one_word(form) and not _item_or_sequel(lines[i]) and not _continued(lines, i, edge)


def _item_or_sequel(line: str) -> bool:
    """Whether a line is a list's item (it opens with a bullet, a dash or an arrow: « → Direction logistique ») or the
    sequel of the line before it (it opens in lower case: « du numérique »): text, not a header."""
    stripped = normalize_spaces(line)
    return bool(stripped) and (stripped[0].islower() or stripped[0] in "•·▪■●◦*-–—→➔➢►▶")


def _one_word(form: str) -> bool:
    """Whether a line's form (its numbers taken out) is one word: the start of a title printed over several lines
    (« Métropole » / « Rouen Normandie »), not a header; a page number's form (« # ») has no word."""
    return len(form.split()) == 1 and any(c.isalpha() for c in form)


def _continued(lines: list[str], i: int, edge: str) -> bool:
    """Whether a page's first or last line (edge: 'top' or 'bottom') is part of a longer line: it ends on a function
    word (« Epuisement des », « QUELLES SONT »), or, at the bottom, the line before it does (« … centrales et »)."""
    ends = [lines[i]] + ([lines[j] for j in range(i - 1, -1, -1) if normalize_spaces(lines[j])][:1] if edge == "bottom" else [])
    return any(_ends_on_function_word(line) for line in ends)


def _ends_on_function_word(line: str) -> bool:
    """Whether a line ends on a function word or a comma: the sentence or the title goes on after it."""
    return (words(line)[-1:] or [""])[0].lower() in STOP_WORDS or line.rstrip().endswith(",")


def _page_runs(places: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The (page, line) places, sorted by page, cut into runs of pages at most CHAPTER_RUN_GAP apart; only the runs of
    MIN_RUNNING_PAGES pages or more."""
    runs: list[list[tuple[int, int]]] = []
    for place in places:
        if runs and place[0] - runs[-1][-1][0] <= CHAPTER_RUN_GAP:
            runs[-1].append(place)
        else:
            runs.append([place])
    return [run for run in runs if len(run) >= MIN_RUNNING_PAGES]


def _without_lines(texts: list[str], drops: list[set[int]]) -> list[str]:
    """The page texts without the lines of the given indexes."""
    return ["\n".join(line for i, line in enumerate(text.split("\n")) if i not in drop) if drop else text for text, drop in zip(texts, drops)]


MAX_RUNNING_PASSES = 8  # a side menu printed on every page, read before its text, is 8 x EDGE_LINES lines at most


def remove_running_lines(texts: list[str], labels: list[str] | None = None) -> list[str]:
    """The page texts of one file without their running headers, footers and page numbers (labels: the
    pages' printed labels, when the file defines them), nor the short lines repeated on most of its pages
    (repeated_lines), then without the running headers of its chapters (chapter_lines). The lines that removing
    running lines brings to a page's edges are looked at again: a stack of them (a side menu) goes whole."""
    return read_running_lines(texts, labels)[0]


def read_running_lines(texts: list[str], labels: list[str] | None = None) -> tuple[list[str], list[str]]:
    """remove_running_lines' texts, with each page's chapter title: the running header of its chapter that tops it
    (chapter_lines' titles; '' for none), which names its pages' section better than a coarser outline."""
    titles = [""] * len(texts)
    if len(texts) < MIN_RUNNING_PAGES:
        return list(texts), titles
    known: set[RunningKey] = set()
    cleaned = _peeled(list(texts), labels, known)
    for _ in range(MAX_RUNNING_PASSES):  # a chapter's header gone, the next at the edge (its title, a page number) goes too
        chapters = chapter_lines(cleaned, labels, titles)
        if not any(chapters):
            break
        cleaned = _peeled(_without_lines(cleaned, chapters), labels, known)
    return cleaned, titles


def _peeled(texts: list[str], labels: list[str] | None, known: set[RunningKey]) -> list[str]:
    """The page texts without their running lines (running_lines, repeated_lines, and the rows of a table that are
    running text: _running_rows), peeled EDGE_LINES at a time so that a stack of them (a side menu) goes whole; known:
    the running lines found so far, to which those found are added."""
    numbers = _page_numbers(texts, labels)
    removed = [""] * len(texts)  # each page's running lines found so far, joined
    for _ in range(MAX_RUNNING_PASSES):
        running = [edges | repeated for edges, repeated in zip(running_lines(texts, labels, known), repeated_lines(texts))]
        removed = [_joined(before, text, drop) for before, text, drop in zip(removed, texts, running)]
        texts = _without_lines(texts, running)
        rows = _running_rows(texts, numbers, "\n".join(removed))
        if not any(running) and not any(rows):
            break
        texts = _without_lines(texts, rows)
    return texts


RUNNING_CELL_CHARS = ECHOED_MIN_CHARS  # a row's cell this long at least, of running text, for the row to be running


def _running_rows(texts: list[str], numbers: list[int], running_text: str) -> list[set[int]]:
    """For each page text, the indexes of its edge lines (the edges of the text left) read as a table's row whose every
    cell is running text found on some page (running_text: each page's running lines joined, a page a line) or the
    page's printed number, one cell RUNNING_CELL_CHARS long at least: a footer read with the cells of a table that
    ends or tops the page (« alimentation durable | Académie de Bordeaux : … IGESR : Michel LUGNIER | 17 », printed
    over three lines on the pages without a table)."""
    found: list[set[int]] = [set() for _ in texts]
    if not running_text:
        return found
    for page, (text, printed) in enumerate(zip(texts, numbers)):
        lines = text.split("\n")
        for i in edge_lines(lines):
            cells = [_key(cell) for cell in lines[i].split(CELL_SEPARATOR.strip())]
            if len(cells) < 2 or not any(len(cell) >= RUNNING_CELL_CHARS for cell in cells):
                continue
            if all(cell and (cell == str(printed) or cell in running_text) for cell in cells):
                found[page].add(i)
    return found


def _joined(before: str, text: str, drop: set[int]) -> str:
    """A page's running text found so far (before), with the lines of its text that drop's indexes name."""
    return " ".join([before, *(_key(line) for i, line in enumerate(text.split("\n")) if i in drop)]).strip()


def _key(line: str) -> str:
    """A line as running text is compared: spaces made one, in lower case."""
    return normalize_spaces(line).lower()  # its spaces stripped too
