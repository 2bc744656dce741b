"""Read source files into pages: PDF with pypdf (one page per PDF page, with its printed label and
the outline entries that point to it), text split on form feeds. Running headers, footers and page
numbers are taken out of a file's pages as they are read.

Every file that cannot be indexed raises SkippedFile with a short reason ("password-protected
PDF", "empty file", ...); `load_pages` collects those reasons and carries on with the rest.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
from collections import defaultdict
from itertools import groupby
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_title, drop_unmapped_glyphs, normalize_spaces, read_running_lines
from .french import folded_content_words, join_letter_spaced, join_split_words, split_glued_words, split_run_together
from .contents import with_printed_outline
from .font_headings import with_font_outline
from .layout import TableReader, half_point
from .structure import MAX_HEADING_CHARS
from .types import Page

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES
MAX_FILE_MB_ENV = "ESS_QA_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 200
MAX_FILE_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024  # a larger file is skipped rather than read into memory
_BINARY_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05  # text with more control characters than this is binary


class SkippedFile(Exception):
    """A file that cannot be indexed; the message says why, in a few words."""


@dataclass(frozen=True)
class Skip:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class LoadResult:
    """Pages read from a corpus, and the files that were skipped with their reasons."""

    pages: list[Page] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def max_file_bytes() -> int:
    """The size limit for one file: $ESS_QA_MAX_FILE_MB (megabytes, decimals allowed), else 200 MB."""
    value = os.environ.get(MAX_FILE_MB_ENV, "").strip()
    if value:
        try:
            megabytes = float(value)
        except ValueError:
            megabytes = -1
        if megabytes > 0:
            return int(megabytes * 1024 * 1024)
        logging.getLogger(__name__).warning("ignoring %s=%r: not a positive number of megabytes", MAX_FILE_MB_ENV, value)
    return MAX_FILE_BYTES


def _format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} bytes"


def _is_corpus_notes(path: Path) -> bool:
    """README files describe a corpus folder (provenance, licence) rather than belong to it."""
    return path.stem.lower() == "readme"


def corpus_files(path: Path) -> list[Path]:
    """The files under a directory (sorted; hidden files and README notes left out), or the file itself.

    A README given as the corpus itself is read like any other file.
    """
    path = Path(path)
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not _is_corpus_notes(p) and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


def _looks_binary(text: str) -> bool:
    """Control characters (other than tab, line breaks and form feeds) in more than a few percent of a text."""
    sample = text[:_BINARY_SNIFF_BYTES]
    if not sample:
        return False
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\x7f")
    return controls > len(sample) * _MAX_CONTROL_SHARE


def decode_text(data: bytes) -> str:
    """Text of a file's bytes: UTF-16/32 with a byte-order mark, UTF-8, else Windows-1252; binary is refused."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise SkippedFile(f"not readable as {encoding.upper()} text despite its byte-order mark") from None
            break
    else:
        if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
            raise SkippedFile("binary content, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if text.count("\ufffd") > len(text) / 100:
                raise SkippedFile("binary content or unknown encoding: not readable as UTF-8 or Windows-1252 text") from None
    if _looks_binary(text):
        raise SkippedFile("binary content, not text")
    return text


def read_text_pages(path: Path, name: str) -> list[Page]:
    """Pages of a text file: form feeds separate pages; a file without them is one page."""
    text = decode_text(Path(path).read_bytes())
    texts = text.split("\f")
    if texts and not texts[-1].strip() and len(texts) > 1 and text.endswith("\f"):
        texts = texts[:-1]
    cleaned, chapters = read_running_lines(texts)
    return with_printed_outline([Page(source=name, page=i, text=t, chapter=c) for i, (t, c) in enumerate(zip(cleaned, chapters), start=1)])


class _QuietPypdf:
    """Silence pypdf's log messages about broken files while reading one (the skip line says it)."""

    def __enter__(self):
        self.logger = logging.getLogger("pypdf")
        self.level = self.logger.level
        self.logger.setLevel(logging.CRITICAL + 1)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.setLevel(self.level)


def read_pdf_pages(path: Path, name: str) -> list[Page]:
    """Pages of a PDF read with pypdf, one per physical page, with their printed labels and outline entries."""
    from pypdf import PdfReader

    with _QuietPypdf():
        try:
            reader = PdfReader(path)
            _open_encrypted(reader)
            tables = TableReader()
            texts = [drop_unmapped_glyphs(_page_text(page, number, tables)) for number, page in enumerate(reader.pages, start=1)]
            labels = page_labels(reader)
            outline = outline_by_page(reader)
        except SkippedFile:
            raise
        except MemoryError:
            raise SkippedFile("damaged or too complex PDF (out of memory while reading it)") from None
        except Exception as exc:  # PdfReadError, PdfStreamError, LimitReachedError, NotImplementedError, ...
            raise SkippedFile(f"damaged PDF, cannot be read ({type(exc).__name__})") from None
    cleaned, chapters = read_running_lines([join_letter_spaced(text) for text in texts], labels)
    # « v éhicules » read whole again: véhicules; a page read with its spaces lost cut into words; « mobileset »: mobiles et
    texts = split_glued_words(split_run_together(join_split_words(cleaned)))
    pages = [
        Page(name, number, text, labels[number - 1], None if outline is None else tuple(path for path, _ in outline.get(number, ())),
             outline_at_top=bool(outline and outline.get(number) and outline[number][0][1]), chapter=chapters[number - 1])
        for number, text in enumerate(texts, start=1)
    ]
    slides = is_presentation(tables.landscape, [page.text for page in pages])
    return with_font_outline(with_printed_outline(pages, tables.sized_lines), tables.sized_lines, tables.line_heights, slides)


# A presentation's slides are landscape and say little each: SLIDES_SHARE of its pages landscape, and half of them at
# most SLIDE_MAX_CHARS characters (a slide deck at hand: 380; landscape reports and brochures: 1,064 to 6,753)
SLIDES_SHARE = 0.8
SLIDE_MAX_CHARS = 800


def is_presentation(landscape: list[bool], texts: list[str]) -> bool:
    """Whether a PDF is a presentation (each slide's title then heads it: ingest.font_headings): see SLIDES_SHARE."""
    if not texts or len(landscape) != len(texts) or sum(landscape) < SLIDES_SHARE * len(texts):
        return False
    return sorted(len(text.strip()) for text in texts)[len(texts) // 2] <= SLIDE_MAX_CHARS


# A file's name or a program's default title, which names no document (PowerPoint's « Présentation PowerPoint »,
# InDesign's « Mise en page 1 »), or the name of a slide's layout or placeholder that a template left as the title
# (« Disposition titre », « Titre de la présentation », « Diapositive 1 », « Title Slide »)
_FILE_NAME_TITLE_RE = re.compile(
    r"\.(docx?|odt|pptx?|xlsx?|indd|pdf|rtf)\s*$|^microsoft (word|powerpoint)|^untitled|^sans titre|^(pr[ée]sentation powerpoint|powerpoint presentation|mise en page \d+)\s*$"
    r"|^(disposition|diapositive|titre|title|slide)(\s+(de\s+la\s+|de\s+|du\s+)?(titre|title|pr[ée]sentation|slide|\d+))?\s*$",
    re.IGNORECASE,
)
# A metadata title named as files are, with underscores (« MEEDDM_rapport bureautique_preventions », « ADEME-Methodo-Outil-
# trajectoire-référence VF_Nov2024 »), or a template's (« Modèle de rapport méthodo … »): no document's either (an
# outline's entry may name a data class so: « 19. Cheminement_ERP »)
_FILE_LIKE_TITLE_RE = re.compile(r"[^\W_]_[^\W_]|^(mod[èe]le|template)\b", re.IGNORECASE)


def document_metadata(path: str | Path) -> tuple[str, str]:
    """A PDF's (title, date), read once: the title from its metadata ('' when it has none, or when it is a
    file or template name such as 'Microsoft Word - rapport.docx'), else its cover's (cover_title), the date
    it was made ('2019-07-04', from /CreationDate, else /ModDate); ('', '') for other files and for a PDF
    that cannot be read."""
    path = Path(path)
    if path.suffix.lower() not in PDF_SUFFIXES:
        return "", ""
    from pypdf import PdfReader

    with _QuietPypdf():
        try:
            reader = PdfReader(path)
            metadata = reader.metadata
            title = clean_title(str(metadata.title or "")) if metadata else ""
            raw_date = str((metadata.get("/CreationDate") or metadata.get("/ModDate") or "") if metadata else "")
        except Exception:  # a damaged or encrypted PDF: no title, the loader says why it is skipped
            return "", ""
        if sum(c.isalpha() for c in title) < 4 or _FILE_NAME_TITLE_RE.search(title) or _FILE_LIKE_TITLE_RE.search(title) or _anothers_title(reader, title):
            try:
                title = cover_title(reader)
            except Exception:  # a first page that cannot be read: no title, the date stays
                title = ""
    return title, pdf_date(raw_date)


OWN_TITLE_PAGES = 3  # the pages where a document writes its own title's words: its cover, its contents, its first page


def _anothers_title(reader, title: str) -> bool:
    """Whether a metadata title is another document's, left by the file it was made from: its first pages (OWN_TITLE_PAGES)
    write less than half of its content words (a federation's rules titled « Association Nationale des Puéricultrices
    Diplômées et des Etudiantes »). First pages without text (a scanned cover) say nothing: the title stays."""
    words = folded_content_words(title)
    try:
        text = " ".join(page.extract_text() or "" for page in reader.pages[:OWN_TITLE_PAGES])
    except Exception:  # pages that cannot be read: nothing tells the title wrong
        return False
    squeezed = "".join(sorted(folded_content_words(text), key=len))  # words a cover runs together are written too
    written = [word for word in words if word in squeezed] if len(squeezed) >= sum(map(len, words)) else words
    return bool(words) and len(written) * 2 < len(words)


def cover_title(reader) -> str:
    """The text drawn largest on a PDF's first page, its lines of that size in a row joined (« Comparaison économique /
    des modes de chauffage / en 2017 »), when they are one run; '' when the page draws text of that size in two places,
    when it is too short or too long for a title, or the page has no text of known size."""
    tables = TableReader()
    tables.read(reader.pages[0])
    lines = [(" ".join(text.split()), half_point(size)) for text, size, _ in tables.sized_lines[0]]
    lines = [(text, size) for text, size in lines if text and size]
    if not lines:
        return ""
    largest = max(size for _, size in lines)
    runs = [[text for text, _ in run] for size, run in groupby(lines, key=lambda line: line[1]) if size == largest]
    title = clean_title(" ".join(runs[0])) if len(runs) == 1 else ""
    return title if sum(c.isalpha() for c in title) >= 4 and len(title) <= 2 * MAX_HEADING_CHARS else ""


_PDF_DATE_RE = re.compile(r"^(?:D:)?((?:19|20)\d\d)(0[1-9]|1[0-2])?(0[1-9]|[12]\d|3[01])?")


def pdf_date(raw: str) -> str:
    """A PDF date string ('D:20190704120000+02'00'') as '2019-07-04' ('2019-07', '2019' when less is given); '' when it is none."""
    match = _PDF_DATE_RE.match(raw.strip())
    return "-".join(part for part in match.groups() if part) if match else ""


def _open_encrypted(reader) -> None:
    """Open an encrypted PDF with the empty password; SkippedFile when that is not enough."""
    from pypdf.errors import DependencyError

    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except DependencyError:
        raise SkippedFile("encrypted PDF: reading it needs the 'cryptography' package (pip install cryptography)") from None
    except Exception:
        raise SkippedFile("password-protected PDF") from None
    if not opened:
        raise SkippedFile("password-protected PDF")


def _page_text(page, number: int, tables: TableReader) -> str:
    """The text of one PDF page (pypdf's default mode, its tables made readable: ingest.layout);
    SkippedFile when it cannot be read."""
    from pypdf.errors import FileNotDecryptedError

    try:
        return tables.read(page)
    except FileNotDecryptedError:
        raise SkippedFile("password-protected PDF") from None
    except Exception as exc:  # pypdf raises many types on broken content streams
        raise SkippedFile(f"damaged PDF: page {number} cannot be read ({type(exc).__name__})") from None


def page_labels(reader) -> list[str]:
    """The printed label of each page when the PDF defines page labels (/PageLabels), else '' for each."""
    count = len(reader.pages)
    try:
        if "/PageLabels" not in reader.trailer["/Root"]:
            return [""] * count
        labels = [normalize_spaces(str(label)) for label in reader.page_labels]
    except Exception:  # a broken label tree: the pages keep their physical numbers
        return [""] * count
    return labels if len(labels) == count else [""] * count


def outline_by_page(reader) -> dict[int, list[tuple[tuple[str, ...], bool]]] | None:
    """The outline (bookmarks) as heading paths by physical page (1-based), in outline order, each with
    whether it points to the whole page (no place on it: '/Fit'); None when the PDF has no outline or
    none that points to a page."""
    try:
        outline = reader.outline
        by_page: dict[int, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
        _walk_outline(reader, outline, (), by_page)
    except Exception:  # a broken outline: headings come from the text instead
        return None
    return dict(by_page) or None


def _walk_outline(reader, items: list, parent: tuple[str, ...], by_page: dict[int, list[tuple[tuple[str, ...], bool]]]) -> None:
    """Add each outline entry under parent to by_page; a nested list holds the children of the entry before it."""
    path = parent
    for item in items:
        if isinstance(item, list):
            _walk_outline(reader, item, path, by_page)
            continue
        title = _SLIDE_NUMBER_RE.sub("", clean_title(str(getattr(item, "title", "") or "")))
        if _FILE_NAME_TITLE_RE.search(title):  # a merging tool's bookmark, named after the file it took in: no section
            title = ""
        path = parent + (title,) if title else parent
        number = _destination_page(reader, item)
        if title and number is not None:
            by_page[number + 1].append((path, getattr(item, "top", None) is None))


# A presentation exports an entry for each slide, named by its number then its title when it has one
# ('Diapositive 3 Indications liminaires', 'Diapositive 4'): the number names nothing, and a slide without a title
# goes on the section of the slide before it.
_SLIDE_NUMBER_RE = re.compile(r"^(?:diapositive|slide|folie)\s*\d+\b\s*", re.IGNORECASE)


def _destination_page(reader, item) -> int | None:
    """The 0-based page an outline entry points to, or None (a link elsewhere, a broken destination)."""
    try:
        number = reader.get_destination_page_number(item)
    except Exception:
        return None
    return number if isinstance(number, int) and 0 <= number < len(reader.pages) else None


def read_file_pages(path: Path, name: str | None = None, max_bytes: int | None = None) -> list[Page]:
    """Pages of one file; raises SkippedFile with the reason when it cannot be indexed.

    max_bytes: size limit (default: $ESS_QA_MAX_FILE_MB megabytes, else 200 MB).
    """
    path = Path(path)
    name = name or path.name
    suffix = path.suffix.lower()
    limit = max_file_bytes() if max_bytes is None else max_bytes
    if suffix not in SUPPORTED_SUFFIXES:
        raise SkippedFile(f"unsupported file type '{suffix or 'no extension'}' (supported: .pdf, .txt, .text, .md)")
    try:
        if not path.is_file():
            raise SkippedFile("not a regular file" if path.exists() else "file not found")
        size = path.stat().st_size
        if size == 0:
            raise SkippedFile("empty file")
        if size > limit:
            raise SkippedFile(f"too large ({_format_size(size)}, the limit is {_format_size(limit)}; set {MAX_FILE_MB_ENV} to raise it)")
        with path.open("rb"):
            pass
    except PermissionError:
        raise SkippedFile("not readable (permission denied)") from None
    except OSError as exc:
        raise SkippedFile(f"not readable ({exc.strerror or exc})") from None
    try:
        pages = read_pdf_pages(path, name) if suffix in PDF_SUFFIXES else read_text_pages(path, name)
    except PermissionError:
        raise SkippedFile("not readable (permission denied)") from None
    except OSError as exc:
        raise SkippedFile(f"not readable ({exc.strerror or exc})") from None
    if not any(_has_words(p.text) for p in pages):  # blank, or only signs: bullets, icons (« ✔ ■ »), dashes
        raise SkippedFile("no text layer (scanned or image-only PDF?)" if suffix in PDF_SUFFIXES else "no text (only blank space or signs)")
    return pages


def _has_words(text: str) -> bool:
    """Whether a text holds a letter or a digit: something to search."""
    return any(char.isalnum() for char in text)


TEXTLESS_LETTERS = 20  # a page with fewer letters than this has no text to search (a picture, a scan, a blank page)


def textless_pages(pages: list[Page]) -> dict[str, list[int]]:
    """Each file's pages that have no text to search (fewer than TEXTLESS_LETTERS letters): its images' words are
    not read (no OCR), which a user should be told."""
    found: dict[str, list[int]] = {}
    for page in pages:
        if sum(c.isalpha() for c in page.text) < TEXTLESS_LETTERS:
            found.setdefault(page.source, []).append(page.page)
    return found


def load_pages(path: str | Path, max_bytes: int | None = None) -> LoadResult:
    """Read every supported file under path (a file or a directory) into pages; skip the others with a reason."""
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {root}")
    result = LoadResult()
    for file in corpus_files(root):
        name = file.relative_to(root).as_posix() if root.is_dir() else file.name
        try:
            pages = read_file_pages(file, name, max_bytes)
        except SkippedFile as exc:
            result.skipped.append(Skip(path=name, reason=str(exc)))
            continue
        except (MemoryError, RecursionError) as exc:
            result.skipped.append(Skip(path=name, reason=f"cannot be read ({type(exc).__name__})"))
            continue
        result.pages.extend(pages)
        result.files.append(name)
    return result
