"""The source-page view: the original files of an index's sources, read page by page, shown as a
page of their own (with the PDF itself when there is one)."""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

from ingest.french import match_key

from .rendering import highlight, question_terms

class SourceUnavailable(LookupError):
    """The original file of a source cannot be shown; the message says why."""


@dataclass(frozen=True)
class SourcePage:
    """One page of a source file, as the source-page view shows it."""

    source: str
    page: int
    pages: int
    text: str
    is_pdf: bool
    changed: bool  # the file differs from the one that was indexed


def corpus_root(corpus: str | Path) -> Path:
    """The folder that an index's file names are relative to: the corpus folder, or a file's folder."""
    path = Path(corpus)
    return path.parent if path.is_file() or path.suffix.lower() in (".pdf", ".txt", ".md") else path


class SourceLibrary:
    """The original files of an index's sources, found under corpus folders and read page by page.

    roots are tried in order (the corpus recorded in the index first); a file is only served from
    inside a root, and one that differs from its checksum at indexing time is shown with a warning."""

    def __init__(self, roots: Path | str | list, fingerprints: dict[str, str], fetch: Callable[[str], bytes | None] | None = None) -> None:
        self.roots = [Path(r) for r in roots] if isinstance(roots, (list, tuple)) else [Path(roots)]
        self.fetch = fetch  # the original file from the store (a database keeps them), when no root has it
        self._fetched: Path | None = None  # where fetched files are kept, made on first use
        self.fingerprints = dict(fingerprints)  # file name -> sha256 recorded at indexing time
        self._cache: dict[str, tuple[tuple[float, int], list, bool]] = {}  # source -> (mtime, size), pages, changed
        self._lock = threading.Lock()

    def path(self, source: str) -> Path:
        """The original file of a source, inside one of the roots (SourceUnavailable otherwise)."""
        if source not in self.fingerprints:
            raise SourceUnavailable(f"« {source} » n'est pas un fichier de cet index (not a file of this index)")
        for root in self.roots:
            # inside the root as named (« ../ » never leaves it), though a link there may point elsewhere: a corpus
            # folder of links to the user's files is theirs to make
            root = Path(os.path.abspath(root))
            path = Path(os.path.abspath(root / source))
            if root in path.parents and path.is_file():
                return path
        fetched = self._fetch(source)
        if fetched is not None:
            return fetched
        raise SourceUnavailable(
            f"le fichier original « {source} » n'est pas disponible sur ce serveur (the original file is not available); "
            "le texte des passages affiché dans le chat est celui qui a été indexé"
        )

    def _fetch(self, source: str) -> Path | None:
        """The original file, copied from the store into a private folder of this server; None when it has none."""
        data = self.fetch(source) if self.fetch is not None else None
        if data is None:
            return None
        import tempfile

        with self._lock:
            if self._fetched is None:
                self._fetched = Path(tempfile.mkdtemp(prefix="essqa-sources-"))
            path = (self._fetched / source).resolve()
            if self._fetched.resolve() not in path.parents:
                return None
            if not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        return path

    def _pages(self, source: str) -> tuple[list, bool]:
        from ingest.loaders import SkippedFile, read_file_pages

        path = self.path(source)
        stat = path.stat()
        version = (stat.st_mtime, stat.st_size)
        with self._lock:
            cached = self._cache.get(source)
            if cached is None or cached[0] != version:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                try:
                    pages = read_file_pages(path, source)
                except SkippedFile as exc:
                    raise SourceUnavailable(f"le fichier « {source} » ne peut pas être lu ({exc})") from None
                cached = self._cache[source] = (version, pages, digest != self.fingerprints[source])
            return cached[1], cached[2]

    def page(self, source: str, page: int) -> SourcePage:
        """One page of a source, its text cleaned as at indexing time (SourceUnavailable past the last page)."""
        from ingest.clean import clean_page_text

        pages, changed = self._pages(source)
        if not 1 <= page <= len(pages):
            raise SourceUnavailable(f"« {source} » n'a pas de page {page} (it has {len(pages)} pages)")
        text = clean_page_text(pages[page - 1].text)
        return SourcePage(source, page, len(pages), text, source.lower().endswith(".pdf"), changed)


CITED_KEY_WORDS = 6  # the cited text's first words looked for on the page (its lines may be joined otherwise)


def cited_place(paragraphs: list[str], at: str) -> tuple[int, int] | None:
    """(paragraph index, character offset in it) where a cited text starts (at: its opening words), found word for
    word, accents and case aside; None when it is not on the page."""
    wanted = [key for key, _ in _keyed_words(at)][:CITED_KEY_WORDS]
    if not wanted:
        return None
    places: list[tuple[int, int]] = []
    words: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        for key, offset in _keyed_words(paragraph):
            words.append(key)
            places.append((index, offset))
    for start in range(len(words) - len(wanted) + 1):
        if words[start : start + len(wanted)] == wanted:
            return places[start]
    return None


def _keyed_words(text: str) -> list[tuple[str, int]]:
    """A text's words as keys (accents and case aside), each with its offset."""
    return [(key, match.start()) for match in re.finditer(r"\w+", text) if (key := match_key(match.group()))]


def cited_span(paragraph: str, start: int, count: int) -> tuple[int, int]:
    """The characters of a paragraph that a cited text of `count` words starting at `start` covers, to the end of the
    word that ends it (or of the paragraph)."""
    ends = [match.end() for match in re.finditer(r"\S+", paragraph[start:])]
    return start, start + (ends[min(count, len(ends)) - 1] if ends and count > 0 else len(paragraph) - start)


_PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1f2933}
header{background:#fff;border-bottom:1px solid #e3e6ea;padding:14px 24px}
header h1{font-size:1.15rem;margin:4px 0}
nav a{margin-right:14px;color:#1d4ed8;text-decoration:none}
main{max-width:860px;margin:18px auto;padding:0 18px}
.page{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:22px 28px;line-height:1.55}
.page p{white-space:pre-line;margin:0 0 1em}
.page p.cited{background:#eef4ff;border-left:4px solid #1d4ed8;padding:4px 10px;scroll-margin-top:80px}
.page span.cited{background:#dbe7ff;box-shadow:0 0 0 2px #dbe7ff;border-radius:2px;scroll-margin-top:80px}
.warning{background:#fff7e6;border:1px solid #f5c26b;border-radius:6px;padding:10px 14px;margin-bottom:14px}
mark{background:#fde68a;padding:0 1px;border-radius:2px}
iframe{width:100%;height:80vh;border:1px solid #e3e6ea;border-radius:8px;margin-bottom:16px;background:#fff}
h2{font-size:1rem;color:#52606d}
"""


def _page_html(paragraphs: list[str], terms, place: tuple[int, int] | None, words: int) -> str:
    """The page's paragraphs, the question's words highlighted; the cited text marked from where it starts (place:
    its paragraph and offset; id « cited », which the link opens at): its `words` words, over the next paragraphs when
    it goes on there, when given; else the whole paragraph it starts in."""
    out, left = [], words
    for i, paragraph in enumerate(paragraphs):
        if place is None or i < place[0] or (i > place[0] and left <= 0):
            out.append(f"<p>{highlight(paragraph, terms)}</p>")
        elif words <= 0:  # its paragraph (i == place[0]: the next ones are plain, nothing left to mark)
            out.append(f'<p id="cited" class="cited">{highlight(paragraph, terms)}</p>')
        else:
            start, end = cited_span(paragraph, place[1] if i == place[0] else 0, left)
            left -= len(paragraph[start:end].split())
            mark = '<span id="cited" class="cited">' if i == place[0] else '<span class="cited">'
            out.append(f"<p>{highlight(paragraph[:start], terms)}{mark}{highlight(paragraph[start:end], terms)}</span>{highlight(paragraph[end:], terms)}</p>")
    return "".join(out)


def source_page_document(
    library: SourceLibrary | None, source: str, page: int, question: str = "", at: str = "", words: int = 0
) -> tuple[int, str]:
    """(HTTP status, HTML document) of the source-page view; at: the opening words of the text cited, which is marked
    (id « cited », which the link opens at): its `words` words when given (the link says how many), else the whole
    paragraph it starts in (a page's text without blank lines is one paragraph)."""
    title = f"{source} · p. {page}"
    nav = '<nav><a href="./">← retour au chat (back to the chat)</a>'
    body: list[str] = []
    status = 200
    try:
        if library is None:
            raise SourceUnavailable("l'index n'est pas encore prêt (the index is not ready yet)")
        view = library.page(source, page)
    except SourceUnavailable as exc:
        status = 404
        body.append(f'<div class="warning">{html.escape(str(exc))}</div>')
    else:
        title = f"{source} · p. {page} / {view.pages}"
        for target, label in ((page - 1, "← page précédente"), (page + 1, "page suivante →")):
            if 1 <= target <= view.pages:
                query = urlencode({"file": source, "page": target, "q": question}, quote_via=quote)
                nav += f'<a href="source?{html.escape(query)}">{label}</a>'
        if view.changed:
            body.append(
                '<div class="warning">Le fichier a changé depuis l\'indexation : la page peut ne pas correspondre '
                "exactement au passage cité. (The file changed since it was indexed.)</div>"
            )
        if view.is_pdf:
            pdf = "source/file?" + urlencode({"file": source}, quote_via=quote) + f"#page={page}"
            body.append(f'<iframe src="{html.escape(pdf)}" title="{html.escape(title)}"></iframe>')
            body.append("<h2>Texte extrait de la page (extracted text)</h2>")
        terms = question_terms(question)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", view.text) if p.strip()]
        place = cited_place(paragraphs, at)
        text = _page_html(paragraphs, terms, place, words) or "<p><em>(page sans texte / no text on this page)</em></p>"
        body.append(f'<div class="page">{text}</div>')
    nav += "</nav>"
    document = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}</style></head>"
        f"<body><header>{nav}<h1>{html.escape(title)}</h1></header><main>{''.join(body)}</main></body></html>"
    )
    return status, document

