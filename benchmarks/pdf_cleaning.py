"""What cleaning does to real PDFs: running lines removed, page labels, outline sections.

    python benchmarks/pdf_cleaning.py [FOLDER_OR_PDF ...]     (default: ../shared/docs/)

For each PDF: its pages; the lines removed as running headers, footers or page numbers (how many,
on how many pages, the most frequent ones as examples); whether it defines page labels and an
outline (its bookmarks, else its printed contents, else its headings' font sizes), and how many
outline titles were found printed on their pages; the sections its passages
fall under; and a check that no removed line (of 10 letters or more) is left in any passage.
Reads the files where they are; nothing is copied or indexed.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.chunking import chunk_pages  # noqa: E402
from ingest.clean import clean_page_text, line_form, normalize_spaces, running_lines  # noqa: E402
from ingest.french import match_key  # noqa: E402
from ingest.contents import with_printed_outline  # noqa: E402
from ingest.loaders import outline_by_page, page_labels, read_file_pages  # noqa: E402
from ingest.structure import locate_titles  # noqa: E402
from ingest.types import Chunk, Page  # noqa: E402

SHARED_DOCS = ROOT.parent / "shared" / "docs"
EXAMPLES = 3
MIN_CHECKED_KEY = 10  # shorter removed lines (page numbers) are not looked for in passages


def pdf_paths(arguments: list[str]) -> list[Path]:
    """The PDFs named on the command line (files, or folders of them), else those of ../shared/docs/."""
    paths = [Path(a) for a in arguments] or [SHARED_DOCS]
    return sorted(p for path in paths for p in ([path] if path.is_file() else path.glob("*.pdf")))


def removed_lines(path: Path) -> list[tuple[int, str]]:
    """(physical page, line) of each line taken out as a running header, footer or page number."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    texts = [page.extract_text() or "" for page in reader.pages]
    found = running_lines(texts, page_labels(reader))
    return [(n, normalize_spaces(text.split("\n")[i])) for n, (text, drop) in enumerate(zip(texts, found), start=1) for i in sorted(drop)]


def outline_found(pages: list[Page]) -> tuple[int, int]:
    """(outline entries, entries whose title was found printed on their page)."""
    entries = found = 0
    for page in pages:
        titles = [entry[-1] for entry in page.outline or ()]
        spans = locate_titles(clean_page_text(page.text).split("\n"), titles)
        entries += len(titles)
        found += sum(span is not None for span in spans)
    return entries, found


def left_in_passages(removed: list[tuple[int, str]], chunks: list[Chunk]) -> list[str]:
    """Removed lines (long enough to be told apart) that a passage still contains."""
    keys = {match_key(line) for _, line in removed if len(match_key(line)) >= MIN_CHECKED_KEY}
    return sorted(key for key in keys if any(key in match_key(chunk.text) for chunk in chunks))


def outline_source(path: Path, pages: list[Page]) -> str:
    """Where the sections come from: the PDF's bookmarks, its printed contents or its headings' font sizes; 'no' without any."""
    from pypdf import PdfReader

    if pages[0].outline is None:
        return "no"
    if outline_by_page(PdfReader(path)) is not None:
        return "bookmarks"
    without_bookmarks = [replace(page, outline=None) for page in pages]
    return "printed contents" if with_printed_outline(without_bookmarks) != without_bookmarks else "font headings"


def report(path: Path) -> list[str]:
    """The lines printed for one PDF."""
    pages = read_file_pages(path)
    chunks = chunk_pages(pages)
    removed = removed_lines(path)
    labels = [p.label for p in pages]
    forms = Counter(line_form(line)[0] for _, line in removed).most_common(EXAMPLES)  # numbers shown as #
    entries, found = outline_found(pages) if pages[0].outline is not None else (0, 0)
    sections = Counter(chunk.section for chunk in chunks)
    lines = [
        f"{path.name}: {len(pages)} pages, {len(chunks)} passages",
        f"  running lines removed: {len(removed)} on {len({n for n, _ in removed})} pages; e.g. "
        + "; ".join(f"« {line[:70]} » ×{count}" for line, count in forms),
        f"  page labels: {'yes' if any(labels) else 'no'}"
        + (f", {sum(label != str(p.page) for label, p in zip(labels, pages))} differ from the physical page" if any(labels) else ""),
        f"  outline: {outline_source(path, pages)}" + (f", {entries} entries, {found} titles found on their page" if entries else ""),
        f"  sections: {len(sections)} ({sum(1 for c in chunks if not c.section)} passages without one); e.g. "
        + "; ".join(f"« {s[:60]} »" for s, _ in sections.most_common(EXAMPLES) if s),
        f"  removed lines left in passages: {len(left_in_passages(removed, chunks))}",
    ]
    return lines


def main(arguments: list[str]) -> int:
    """Print the report of every PDF; exit 1 when a removed line is left in a passage."""
    paths = pdf_paths(arguments)
    if not paths:
        print(f"no PDF found (looked in {', '.join(arguments) or SHARED_DOCS})")
        return 1
    status = 0
    for path in paths:
        lines = report(path)
        print("\n".join(lines))
        status |= not lines[-1].endswith(": 0")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
