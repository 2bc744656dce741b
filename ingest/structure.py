"""Find paragraphs and headings in a cleaned page, and track the heading path across pages.

Two ways to read sections: from a PDF's outline (bookmarks) when the file has one
(OutlineSections), else from heading cues in the text (CueSections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, Sequence

from .clean import BULLET, clean_title
from .french import STOP_WORDS, fold_accents, match_key, normalize_apostrophes
from .layout import is_table_row
from .types import SECTION_SEPARATOR, Page, last_heading

# The titles of a table of contents: a section of its own page, never the parent of what follows.
CONTENTS_TITLES = frozenset(("sommaire", "table des matieres", "contents", "table of contents"))
MAX_HEADING_CHARS = 80
MAX_OUTLINE_TITLE_LINES = 4  # an outline title is found in the text over at most this many lines
MIN_OUTLINE_TITLE_KEY = 3  # shorter titles (letters and digits) are not looked for in the text

_END_PUNCT = ".;:,!?…»)"
# A Markdown heading: one to six '#', a space, its title (« ## Gestion de la protection »)
_MARKDOWN_HEADING_RE = re.compile(r"(#{1,6})\s+(\S.*?)\s*#*\s*$")


@dataclass
class Block:
    """A paragraph of a page: its lines, and whether it is a heading (with its path level)."""

    lines: list[str]
    heading_level: int = 0  # 0: body text; 1: part; 2: sub-part
    title: str = ""
    boxed: bool = False  # a box of lines read one by one ('label : value'), kept apart from the text around it
    parent: str = ""  # for a level-2 heading: the part it belongs to, when not the current one
    section: str = ""  # this block's own section path, when it is not the one in force (a box placed by a rule)

    @property
    def text(self) -> str:
        return reflow(self.lines, keep_lines=self.boxed)


class HeadingRules(Protocol):
    """Heading cues of one family of documents (a profile's), tried before the general ones."""

    def read(self, raw_blocks: list[list[str]], i: int, blocks: list[Block]) -> int | None:
        """Read the paragraph at i (and maybe the next ones) into blocks: the index of the next
        paragraph to read, or None when no rule applies (the general cues then read it)."""

    def finish(self, blocks: list[Block]) -> None:
        """Adjust a page's blocks once all are read."""


def reflow(lines: list[str], keep_lines: bool = False) -> str:
    """Join the lines of a paragraph with spaces, keeping breaks before bullets and table rows (cells
    separated by ' | ', ingest.layout), or every break."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif keep_lines or line.startswith(BULLET) or is_table_row(line):
            out += "\n" + line
        else:
            out += " " + line
    return out


def split_blocks(text: str) -> list[list[str]]:
    """Paragraphs of a cleaned page; a paragraph starting in lower case continues the previous one; the line
    that opens a legal text's article is a paragraph of its own (split_articles)."""
    blocks: list[list[str]] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        for lines in _at_markdown_headings(lines):
            if blocks and lines[0][0].islower() and not blocks[-1][-1].endswith((".", "!", "?")):
                blocks[-1].extend(lines)
            else:
                blocks.append(lines)
    return [part for block in blocks for part in split_articles(block)]


def _at_markdown_headings(lines: list[str]) -> list[list[str]]:
    """Lines cut where a Markdown heading starts (« ## Titre »: it may follow a paragraph's last line directly)."""
    parts: list[list[str]] = []
    for line in lines:
        if not parts or _MARKDOWN_HEADING_RE.fullmatch(line):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _is_capitals_subtitle(lines: list[str]) -> bool:
    """A short block in capitals that continues a title with a complement ("DE L’AVISE ET DU RTES")."""
    text = normalize_apostrophes(" ".join(lines))
    letters = [c for c in text if c.isalpha()]
    complement = re.match(r"(DE|DES|DU|D'|POUR|SUR|EN)\b", text)
    return bool(complement) and len(letters) >= 4 and all(c.isupper() for c in letters) and looks_like_heading(lines)


def heading_title(lines: list[str]) -> str:
    """A heading's lines as one title, whole: its last words often name what the section is about
    ("Zoom sur … des clauses sociales de Montpellier Méditerranée Métropole"). Titles used to be cut
    at 70 characters, which hid those words from search; kept whole, the tuning sets gained (held-out
    hit@5 .905 -> .932, MRR@10 .825 -> .845; cantine answer@1 .645 -> .677), and no set lost more
    than one question."""
    title = " ".join(lines).strip()
    title = re.sub(r"\s+", " ", title)
    return re.sub(r"([^\W\d_])- (?=[A-ZÀ-Ý])", r"\1-", title)  # 'Aix-Marseille- Provence', not '1- Présentation'


def looks_like_heading(lines: list[str]) -> bool:
    text = " ".join(lines)
    return (
        len(text) <= MAX_HEADING_CHARS
        and len(lines) <= 4
        and text[:1].isupper()
        and not text.rstrip().endswith(tuple(_END_PUNCT))
        and not text.startswith(BULLET)
        and not text.startswith("[")
        and not re.search(r"\d{3,}", text)
        and " : " not in text
        and not is_table_row(text)
    )


# An article of a legal text opens with its number on a line of its own, or before what says where it comes from:
# « Article 12 », « Art. 1er », « Article L. 541-1 », « L. 2122-6 LOI n°2010-1215 du … » (a code's article as
# Légifrance prints it); not « L. 2122-5 du présent code » where a sentence wrapped before a reference.
_ARTICLE_RE = re.compile(
    r"(?:(?:Article|Art\.)\s+(?:(?:L|R|D|A|LO)\.?\s*)?\d+(?:er)?(?:[-.]\d+)*(?:\s+(?:bis|ter|quater))?"
    r"|(?:L|R|D|LO)\.\s?\d{3,4}(?:-\d+)+)"
    r"(?=\s*$|\s+[A-ZÀ-Ý]|\s*[-–—:.]\s+[A-ZÀ-Ý])"
)


def article_title(line: str) -> str | None:
    """The number of the article a line opens ('Article 12', 'L. 2122-6'), or None."""
    match = _ARTICLE_RE.match(line.strip())
    return match.group() if match else None


def split_articles(lines: list[str]) -> list[list[str]]:
    """A paragraph's lines cut before each line that opens an article and after it: the article's first line
    (its number, the text that last amended it) is a paragraph of its own, not the start of its first sentence
    (« … Conseil Constit. 2010-89 QPC Les délégués syndicaux sont tenus … »). A line that goes on a sentence
    (the line before it does not end one) opens nothing. Measured as sections too, and not kept
    (docs/settings.md, tenth session): the articles stay in the sections in force."""
    parts: list[list[str]] = []
    current: list[str] = []
    for k, line in enumerate(lines):
        if article_title(line) and (k == 0 or lines[k - 1].rstrip().endswith(tuple(".:;!?)»"))):
            if current:
                parts.append(current)
            parts.append([line])
            current = []
        else:
            current.append(line)
    if current:
        parts.append(current)
    return parts


def page_blocks(text: str, rules: Sequence[HeadingRules] = ()) -> list[Block]:
    """Blocks of one cleaned page, with headings marked: a family's rules first, then the general cues."""
    raw_blocks = split_blocks(text)
    blocks: list[Block] = []
    i = 0
    while i < len(raw_blocks):
        following = next((n for n in (rule.read(raw_blocks, i, blocks) for rule in rules) if n is not None), None)
        i = following if following is not None else _read_general(raw_blocks, i, blocks)
    for rule in rules:
        rule.finish(blocks)
    return blocks


def _read_general(raw_blocks: list[list[str]], i: int, blocks: list[Block]) -> int:
    """The general heading cues: a Markdown heading (« # » a part, « ## » and deeper a sub-part), a page's title, a
    title continued by a line of capitals, else body text."""
    lines = raw_blocks[i]
    nxt = raw_blocks[i + 1] if i + 1 < len(raw_blocks) else None
    marked = _MARKDOWN_HEADING_RE.fullmatch(lines[0])
    if marked:  # its own line; what follows it without a blank line is the section's first paragraph
        title = heading_title([marked.group(2)])
        blocks.append(Block([title], 1 if len(marked.group(1)) == 1 else 2, title))
        if len(lines) > 1:
            blocks.append(Block(lines[1:]))
    elif not blocks and looks_like_heading(lines):  # a page's title (or a divider page's only line)
        blocks.append(Block(lines, 1, heading_title(lines)))
    elif nxt is not None and looks_like_heading(lines) and _is_capitals_subtitle(nxt):
        # a title set as a word and a line of capitals: "Présentation" / "DE L’AVISE ET DU RTES"
        blocks.append(Block(lines + nxt, 1, heading_title(lines + nxt)))
        return i + 2
    else:
        blocks.append(Block(lines))
    return i + 1


@dataclass
class SectionTracker:
    """The heading path in force while reading pages in order."""

    part: str = ""
    sub: str = ""

    def path(self) -> str:
        return SECTION_SEPARATOR.join(p for p in (self.part, self.sub) if p)

    def enter(self, block: Block) -> None:
        if block.heading_level == 1:
            self.part, self.sub = block.title, ""
        elif block.heading_level == 2:
            self.part, self.sub = (block.parent or self.part), block.title

    def path_for(self, block: Block) -> str:
        """A block's section: its own when a rule placed it, else the path in force."""
        return block.section or self.path()


# A numbered heading, a paragraph of one or two lines: « 1- Informations générales », « 2.3 Comment remplir le
# formulaire ? », « 3.1. Intitulé du projet »; its number's depth is its level
_NUMBERED_HEADING_RE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s?[-–—)])?\s+([A-ZÀ-ÝŒ«].*)")


def _heading_number(lines: list[str]) -> tuple[int, ...] | None:
    """The number of a paragraph that reads as a numbered heading (see _NUMBERED_HEADING_RE): short, not a sentence
    (a question may be one: « 2.1 Comment et où adresser votre demande ? », a lead-in too: « 4.3 Décrivez le projet : »),
    no label and value, no table row."""
    if len(lines) > 2:
        return None
    text = " ".join(" ".join(lines).split())
    match = _NUMBERED_HEADING_RE.fullmatch(text)
    if not match or len(text) > 2 * MAX_HEADING_CHARS:  # its number says it is one: a long title may wrap
        return None
    title = re.sub(r"\s*\([^()]*\)$", "", match.group(2).rstrip("?: "))  # « 7. Auto-évaluation (facultatif) »
    if title.endswith(tuple(_END_PUNCT)) or " : " in title or re.search(r"\d{3,}", title) or is_table_row(text):
        return None
    return tuple(int(n) for n in match.group(1).split("."))


class NumberedHeadings:
    """The general cue of numbered headings (see _heading_number), as the headings' rules of a family are read:
    their numbers go up through a document, and a paragraph whose neighbour is numbered at the same depth is a list's
    item (« 1. Disposer d'un compte » / « 2. Créer votre cantine »), not a heading."""

    def __init__(self) -> None:
        self.last: tuple[int, ...] = ()

    def read(self, raw_blocks: list[list[str]], i: int, blocks: list[Block]) -> int | None:
        number = _heading_number(raw_blocks[i])
        if number is None or number <= self.last:
            return None
        neighbours = [_heading_number(raw_blocks[j]) for j in (i - 1, i + 1) if 0 <= j < len(raw_blocks)]
        if any(other is not None and len(other) == len(number) for other in neighbours):
            return None
        # « 6.1 » after « 5. » (« 6. » not read as a heading) opens a part of its own, not a sub-part of « 5. »
        part = len(number) == 1 or not self.last or number[0] != self.last[0]
        self.last = number
        blocks.append(Block(raw_blocks[i], 1 if part else 2, heading_title(raw_blocks[i])))
        return i + 1

    def finish(self, blocks: list[Block]) -> None:
        pass


# A legal text's titled article or an annex, as an order, a convention or a regulation sets them: « Article 2 : Période
# d'activation », « ARTICLE 5 – Réglementation applicable … », « Annexe n°3 : tableau de correspondance … », « ANNEXE I »
_ARTICLE_HEADING_RE = re.compile(r"(?:Article|ARTICLE)\s+(?:\d+(?:er)?|premier|[IVXL]+)(?:\s+(?:bis|ter))?\s*[:.–—-]\s+(?=[A-ZÀ-ÝŒ])")
_ANNEX_HEADING_RE = re.compile(r"(?:Annexe|ANNEXE)\s+(?:n°\s*)?(?:\d+|[IVXL]+|[A-Z])(?![\w'’])\s*(?:[:.–—-]\s*)?")


class LegalHeadings:
    """The general cue of an article's title and of an annex in a file without an outline: its line where it opens a
    paragraph or follows a line that does not end on a function word or a comma, with the lines its title wraps onto (a line
    that ends on a function word, or a next line in lower case: « … vigilance incendie de » / « forêt »); not a sentence
    the article opens with (« Article 2 - Ces plaques … sont apposées sur la façade de chaque » / « immeuble … »: no
    title ends with a full stop nor runs past LEGAL_TITLE_CHARS). An annex is a part, an article a sub-part of the
    part in force. Its title is what the citation shows and what every line under it is about."""

    def read(self, raw_blocks: list[list[str]], i: int, blocks: list[Block]) -> int | None:
        lines = raw_blocks[i]
        if any(is_contents_title(line) for line in lines) or any(is_contents_title(line) for block in blocks for line in block.lines):
            return None  # a table of contents lists them
        next_block = raw_blocks[i + 1] if i + 1 < len(raw_blocks) else None
        starts = [k for k, line in enumerate(lines) if _opens_legal_heading(line) and (k == 0 or _ends_a_sentence(lines[k - 1]))]
        titles = [(k, found) for k in starts if (found := _legal_title(lines[k:], next_block)) is not None]
        if not titles:
            return None
        for k, (taken, from_next, _) in titles:
            # a title followed right away by another (page numbers aside): a list of the articles or annexes (a table
            # of contents, an order's list of its annexes), no heading
            follower = None if from_next else _text_line(lines[k + taken :])
            if follower is None and not from_next and k + taken >= len(lines) and next_block is not None:
                follower = _text_line(next_block)
            if follower is not None and _opens_legal_heading(follower):
                return None
        following = i + 1
        if lines[: titles[0][0]]:  # the paragraph's lines before its first title
            blocks.append(Block(lines[: titles[0][0]]))
        for n, (k, (taken, from_next, annex)) in enumerate(titles):
            end = titles[n + 1][0] if n + 1 < len(titles) else len(lines)
            title_lines = lines[k : k + taken] + (next_block[:from_next] if from_next else [])
            blocks.append(Block(title_lines, 1 if annex else 2, heading_title(title_lines)))
            body = next_block[from_next:] if from_next else lines[k + taken : end]  # a title over two paragraphs ends the first
            if from_next:
                following = i + 2
            if body:
                blocks.append(Block(body))
        return following

    def finish(self, blocks: list[Block]) -> None:
        pass


def _opens_legal_heading(line: str) -> bool:
    return bool(_ARTICLE_HEADING_RE.match(line) or _ANNEX_HEADING_RE.match(line))


def _text_line(lines: list[str]) -> str | None:
    """The first of lines that is not a page number alone."""
    return next((line for line in lines if not line.strip().isdigit()), None)


def _ends_a_sentence(line: str) -> bool:
    """Whether a line ends where a heading may follow: not on a function word nor a comma (« … conformément à l' » /
    « Article 4 … »)."""
    text = line.strip()
    return bool(text) and not text.endswith((",", "'", "’")) and text.split()[-1].lower() not in STOP_WORDS


LEGAL_TITLE_CHARS = 4 * MAX_HEADING_CHARS  # an order's article names its whole subject: « Article 5 : Réglementation … d'étincelles »


def _legal_title(lines: list[str], next_block: list[str] | None) -> tuple[int, int, bool] | None:
    """(lines of lines, lines of next_block, whether an annex) that make an article's or an annex's title, when
    lines[0] opens one (see LegalHeadings); None when its line opens a sentence."""
    article = _ARTICLE_HEADING_RE.match(lines[0])
    annex = None if article else _ANNEX_HEADING_RE.match(lines[0])
    bare = annex is not None and annex.end() >= len(lines[0].rstrip())  # « Annexe n°1 : » / « Dispositifs … »
    title, taken, from_next = lines[0].strip(), 1, 0

    def wraps(following: str) -> bool:  # the title goes on on the next line
        return (bare and taken == 1) or title.split()[-1].lower() in STOP_WORDS or following.lstrip()[:1].islower()

    while taken < len(lines) and wraps(lines[taken]) and len(title) <= LEGAL_TITLE_CHARS:
        title, taken = f"{title} {lines[taken].strip()}", taken + 1
    if taken == len(lines) and next_block:  # a paragraph break inside the title: « … incendie de » / « forêt … »
        while from_next < len(next_block) and wraps(next_block[from_next]) and len(title) <= LEGAL_TITLE_CHARS:
            title, from_next = f"{title} {next_block[from_next].strip()}", from_next + 1
    if len(title) > LEGAL_TITLE_CHARS or title.endswith(tuple(_END_PUNCT)) or title.split()[-1].lower() in STOP_WORDS:
        return None
    label = (article or annex).end()
    named = title[label:].split()
    # a sentence (« Article 1er : Est abrogé … », « Article 2 : Pour les communes de 2 000 … »), a contents' line and
    # its page (« Annexe 2 : Répondants et catégories . . . 21 »)
    if named and (named[0].lower() in STOP_WORDS or re.search(r"\d{3}|\d$", title[label:])):
        return None
    rest = lines[taken:] if not from_next else next_block[from_next:]
    if rest and rest[0].lstrip()[:1].islower():
        return None  # the title's sentence goes on: the article's text, no title
    return taken, from_next, annex is not None


class CueSections:
    """Sections of a file without an outline: headings found by their cues in the text, page after page (a family's
    rules first, then the general ones: numbered headings, legal texts' articles and annexes, those of _read_general)."""

    def __init__(self, rules: Sequence[HeadingRules] = ()) -> None:
        self.tracker = SectionTracker()
        self.rules = (*rules, NumberedHeadings(), LegalHeadings())

    def read(self, page: Page, text: str) -> list[tuple[Block, str]]:
        """The blocks of one cleaned page, each with the heading path it sits under."""
        if is_contents_title(self.tracker.part):  # the contents end with their page
            self.tracker = SectionTracker()
        out = []
        for block in page_blocks(text, self.rules):
            if block.heading_level:
                self.tracker.enter(block)
            out.append((block, self.tracker.path_for(block)))
        return out


def title_key(text: str) -> str:
    """How a title is compared with the lines of a page: letters and digits only, accents folded."""
    return fold_accents(match_key(text))


def _find_title(keys: list[str], key: str, start: int) -> tuple[int, int] | None:
    """The first run of lines from start (at most MAX_OUTLINE_TITLE_LINES, no blank line) that spells key."""
    for i in range(start, len(keys)):
        joined = ""
        for j in range(i, min(i + MAX_OUTLINE_TITLE_LINES, len(keys))):
            if not keys[j]:
                break
            joined += keys[j]
            if joined == key:
                return i, j + 1
            if not key.startswith(joined):
                break
    return None


def locate_titles(lines: list[str], titles: list[str]) -> list[tuple[int, int] | None]:
    """Where each title stands in a page's lines, as a line range, looked for in order (each after the
    previous one found); None for a title that is not printed as lines of its own."""
    keys = [title_key(line) for line in lines]
    spans: list[tuple[int, int] | None] = []
    position = 0
    for title in titles:
        key = title_key(title)
        span = _find_title(keys, key, position) if len(key) >= MIN_OUTLINE_TITLE_KEY else None
        if span:
            position = span[1]
        spans.append(span)
    return spans


def is_contents_title(title: str) -> bool:
    """Whether a heading is a table of contents' ('SOMMAIRE', 'Table des matières')."""
    return " ".join(fold_accents(title).lower().split()) in CONTENTS_TITLES


# A list of the document's tables or figures: their titles, which name pages of the document and answer nothing
_LIST_OF_FIGURES_RE = re.compile(r"^(?:liste|table|index) des (?:tableaux|figures|illustrations|graphiques|cartes|encadres)\b")


# A table's or a figure's caption: its kind, its number and a colon or a dash (« Tableau I : Proposition de composition … »,
# « Figure 3 – Évolution … », « Graphique n°2 : … »)
_CAPTION_RE = re.compile(
    r"^\W*(?:tableau|table|figure|fig\.|graphique|sch[ée]ma|illustration|carte|encadr[ée])\s+(?:n\s?[°º]\s*)?(?:[IVXLC]+|\d+[a-z]?)\s*[:.–—-]\s",
    re.IGNORECASE,
)


def is_caption(text: str) -> bool:
    """Whether a line is a table's or a figure's caption, which says what the table shows but none of its values."""
    return bool(_CAPTION_RE.match(text))


def is_navigation(section: str, text: str) -> bool:
    """Whether a passage (its section path and text) is the document's navigation: its table of contents or its list of
    tables or figures, by its section's last title or its own opening (opens_contents)."""
    title = " ".join(fold_accents(last_heading(section)).lower().split()) if section else ""
    return is_contents_title(title) or bool(_LIST_OF_FIGURES_RE.match(title)) or opens_contents(text)


# a blank to write in, on a form: a run of five or more ellipses and dots, or of underscores (« Nom : ……………… Prénom :
# ……… », « Signature : ________ »): wider than the two or three that end a list (« - …… »); not a contents entry's
# leader, which a page number follows (« Ressources humaines ………… : p 4 »)
_FILL_IN_RE = re.compile(r"(?:[….]{5,}(?![….])|_{5,}(?!_))(?!\s*:?\s*(?:(?:pages?|p)[.]?)?\s*\d)", re.IGNORECASE)


def leaves_blanks(text: str) -> bool:
    """Whether a line leaves blanks to write in, as a form's lines do (« Fait à ……… Le ……… Signature »)."""
    return bool(_FILL_IN_RE.search(text))


def is_form(lines: list[str]) -> bool:
    """Whether a page's lines are a form to fill: at least half of them leave blanks to write in (leaves_blanks). Its
    other lines are its labels and what the signer declares (« Déclare avoir pris connaissance du règlement … »): they
    answer nothing, though they name the document's subject."""
    return 2 * sum(map(leaves_blanks, lines)) >= len(lines) > 0


def opens_contents(text: str) -> bool:
    """Whether a text starts with a table of contents' title ('SOMMAIRE NOS SERVICES PHARES Administration + 6 …'),
    or reads as contents' entries run together (CONTENTS_ENTRIES titles or more, each followed by its page, the
    pages in order: 'Glossaire : 4 Synthèse : 5 I. Etat des lieux : 7 …'): the contents' lines name pages, and
    answer nothing."""
    first_words = fold_accents(text).lower().split()[:3]
    if any(" ".join(first_words[:n]) in CONTENTS_TITLES for n in range(1, len(first_words) + 1)):
        return True
    pages = [int(page) for page in _CONTENTS_ENTRY_RE.findall(text)]
    return len(pages) >= CONTENTS_ENTRIES and pages == sorted(pages) and pages[-1] > pages[0]


# A contents entry's page: after a title's last letter and a colon, or after dots, then the next entry's start (a
# capital, a part's or an item's number: 'II.', '2.', 'a.') or the end.
_CONTENTS_ENTRY_RE = re.compile(r"(?:[^\W\d_]\s*:|\.{3,}|…+)\s*(\d{1,3})(?=\s+(?:[IVXL]+\.|\d{1,2}\.|[a-z]\.\s|[A-ZÀ-Ý])|\s*$)")
CONTENTS_ENTRIES = 4  # a sentence may name a page or two ('voir p. 17'); four in a row, in page order, are contents


def outline_path(entry: tuple[str, ...]) -> str:
    """The section path of an outline entry: its titles and its parents', whole, outermost first; a
    contents entry ('Sommaire') is no parent: its children are the document's parts, and a title that repeats its
    parent's (a part listed again as its own first entry) is one level."""
    titles = [heading_title([clean_title(title)]) for title in entry]
    kept = [title for i, title in enumerate(titles) if i == len(titles) - 1 or not is_contents_title(title)]
    return SECTION_SEPARATOR.join(title for i, title in enumerate(kept) if i == 0 or match_key(title) != match_key(kept[i - 1]))


class OutlineSections:
    """Sections of a PDF with an outline: an entry's path applies from its title, found in the text of the
    page it points to, until the next entry; an entry whose title is not found there applies from where the
    previous entry of that page was found (or from the top of the page); a page's first entry that points to
    the whole page applies from its top."""

    def __init__(self) -> None:
        self.path = ""

    def read(self, page: Page, text: str) -> list[tuple[Block, str]]:
        """The blocks of one cleaned page, each with the outline path it sits under."""
        lines = text.split("\n")
        entries = list(page.outline or ())
        out: list[tuple[Block, str]] = []
        position = 0
        if entries and page.outline_at_top:
            self.path = outline_path(entries[0])
        for entry, span in zip(entries, locate_titles(lines, [entry[-1] for entry in entries])):
            if span is None:
                self.path = outline_path(entry)
                continue
            out.extend(self._body(lines[position : span[0]]))
            self.path = outline_path(entry)
            heading = [line.strip() for line in lines[span[0] : span[1]]]
            out.append((Block(heading, len(entry), heading_title([clean_title(entry[-1])])), self.path))
            position = span[1]
        out.extend(self._body(lines[position:]))
        return out

    def _body(self, lines: list[str]) -> list[tuple[Block, str]]:
        """Paragraphs of body text, under the current path."""
        return [(Block(block), self.path) for block in split_blocks("\n".join(lines))]


def with_chapter(section: str, chapter: str) -> str:
    """A section path with the chapter whose running header tops its page (Page.chapter), after its first title (an
    outline's part, « 4. Les Fiches Pratiques › Fiche 2 – Transport »), unless the path already names it."""
    if not chapter or match_key(chapter) in match_key(section):
        return section
    first, *rest = section.split(SECTION_SEPARATOR) if section else [""]
    return SECTION_SEPARATOR.join(part for part in (first, clean_title(chapter), *rest) if part)


def section_reader(page: Page, rules: Sequence[HeadingRules] = ()) -> CueSections | OutlineSections:
    """How the sections of a file are read, from its first page: its outline when it has one, else cues
    (a family's rules, then the general ones)."""
    return OutlineSections() if page.outline is not None else CueSections(rules)
