"""Read source files into pages: PDF with pypdf (one page per PDF page), text split on form feeds."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .types import Page

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES
MAX_FILE_BYTES = 200 * 1024 * 1024  # a larger file is skipped rather than read into memory


class SkippedFile(Exception):
    """A file that cannot be indexed; the message says why, in a few words."""


@dataclass(frozen=True)
class Skip:
    path: str
    reason: str


@dataclass
class LoadResult:
    """Pages read from a corpus, and the files that were skipped with their reasons."""

    pages: list[Page] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def corpus_files(path: Path) -> list[Path]:
    """The files under a directory (sorted, hidden ones left out), or the file itself."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def read_text_pages(path: Path, name: str) -> list[Page]:
    """Pages of a text file: form feeds separate pages; a file without them is one page."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise SkippedFile("binary content, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) / 100:
            raise SkippedFile("not readable as UTF-8 or Windows-1252 text") from None
    texts = text.split("\f")
    if texts and not texts[-1].strip() and len(texts) > 1 and text.endswith("\f"):
        texts = texts[:-1]
    return [Page(source=name, page=i, text=t) for i, t in enumerate(texts, start=1)]


def read_pdf_pages(path: Path, name: str) -> list[Page]:
    """Pages of a PDF read with pypdf, one per physical page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise SkippedFile("password-protected PDF")
            except SkippedFile:
                raise
            except Exception:
                raise SkippedFile("password-protected PDF") from None
        pages = [Page(source=name, page=i, text=p.extract_text() or "") for i, p in enumerate(reader.pages, start=1)]
    except SkippedFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise SkippedFile(f"damaged PDF ({type(exc).__name__})") from None
    return pages


def read_file_pages(path: Path, name: str | None = None) -> list[Page]:
    """Pages of one file; raises SkippedFile with the reason when it cannot be indexed."""
    path = Path(path)
    name = name or path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SkippedFile(f"unsupported file type '{suffix or 'no extension'}' (supported: .pdf, .txt, .md)")
    try:
        size = path.stat().st_size
        if size == 0:
            raise SkippedFile("empty file")
        if size > MAX_FILE_BYTES:
            raise SkippedFile(f"too large ({size // (1024 * 1024)} MiB > {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
        with path.open("rb"):
            pass
    except PermissionError:
        raise SkippedFile("not readable (permission denied)") from None
    except OSError as exc:
        raise SkippedFile(f"not readable ({exc.strerror or exc})") from None
    pages = read_pdf_pages(path, name) if suffix in PDF_SUFFIXES else read_text_pages(path, name)
    if not any(p.text.strip() for p in pages):
        raise SkippedFile("no text layer (scanned or image-only?)" if suffix in PDF_SUFFIXES else "no text")
    return pages


def load_pages(path: str | Path) -> LoadResult:
    """Read every supported file under path (a file or a directory) into pages."""
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or directory: {root}")
    result = LoadResult()
    for file in corpus_files(root):
        name = file.relative_to(root).as_posix() if root.is_dir() else file.name
        try:
            pages = read_file_pages(file, name)
        except SkippedFile as exc:
            result.skipped.append(Skip(path=name, reason=str(exc)))
            continue
        result.pages.extend(pages)
        result.files.append(name)
    return result
