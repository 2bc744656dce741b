"""The chat page: ask the report in a browser, read cited passages, open the source page.

A thin layer over `ess_qa.Assistant`. What lives here is presentation (escaping, highlighting,
layout), the life of the shared index (loaded once for every visitor, built on first start when
there is none), the source-page view, and the `/search` HTTP endpoint. Retrieval is the
Assistant's.

Everything from the report or from a question is shown as text: it is HTML-escaped, and the
characters Markdown gives a meaning to are written as character references, so nothing in a
document can run or restyle the page.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import logging
import os
import re
import sys
import threading
import traceback
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, urlencode

from ingest.french import search_terms

from .config import BUNDLED_CORPUS, resolve_index_dir
from .questions import EmptyQuestion, prepare_question
from .retrieval import Filters
from .types import Answer, Passage

log = logging.getLogger("ess_qa.web")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
DEFAULT_K = 5
MAX_K_UI = 20
# Every event that runs a query (the chat's question, an example, the /search API) shares one
# concurrency group, QUERY_GROUP, of QUERY_CONCURRENCY workers; later requests wait in Gradio's queue.
# A query is CPU work of 10-50 ms (numpy/FAISS/BM25, partly under the GIL; the USE encoder runs one
# call at a time behind its lock; BLAS on one thread), and the machines this is sized for have 2
# cores: 2 workers keep both cores busy, and one slow query does not hold up every other user.
# More workers only interleave the same CPU work: with 16 clients (benchmarks/load_test.py) limits
# of 1, 2, 4 and 8 gave the same throughput within the noise of a shared machine (24-31 calls/s).
QUERY_CONCURRENCY = 2
QUERY_GROUP = "query"
# The page's light events (status line, clear, reset) keep Gradio's own per-event limit.
CONCURRENCY_LIMIT = 4
AUTH_ENV = "ESS_QA_AUTH"
SERVER_NAME_ENV = "GRADIO_SERVER_NAME"  # Gradio's variable, honoured for loopback addresses only
TITLE = "Métropoles, ESS et innovation sociale — interroger le rapport"

EXAMPLES = [
    "Quelles métropoles soutiennent des SCIC ?",
    "Qu'est-ce que le tiers-lieu KaléidosCOOP à Strasbourg ?",
    "Comment les métropoles utilisent-elles la commande publique responsable ?",
    "Combien de métropoles ont un élu dédié à l'ESS ?",
    "How do metropolitan areas evaluate their social economy policies?",
    "Which metropolis created a social innovation research centre with the Institut Godin?",
]

WHOLE_REPORT = ""


# --- text as text --------------------------------------------------------------------------

# Characters that mean something to HTML or Markdown (or to the chat's math renderer), written
# as numeric character references so the browser shows them and no parser acts on them.
_SPECIAL = "&<>\"'`*_[]()#|~$\\!{}+=:-"
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in _SPECIAL})


def escape_text(text: str) -> str:
    """Text ready to sit inside HTML that a Markdown renderer may also read: shown, never run."""
    return str(text).translate(_ESCAPES)


_WORD_RE = re.compile(r"\w+")


def question_terms(question: str) -> frozenset[str]:
    """The terms of a question as the lexical index sees them (stop words out, analyzed)."""
    try:
        return frozenset(search_terms(question or ""))
    except Exception:  # highlighting is a nicety: never let it break a reply
        return frozenset()


@lru_cache(maxsize=50_000)
def _word_terms(word: str) -> tuple[str, ...]:
    return tuple(search_terms(word))


def highlight(text: str, terms: frozenset[str]) -> str:
    """Escaped text with the words that match a question term wrapped in <mark>."""
    if not terms:
        return escape_text(text)
    out: list[str] = []
    last = 0
    for match in _WORD_RE.finditer(text):
        if not any(term in terms for term in _word_terms(match.group())):
            continue
        out.append(escape_text(text[last : match.start()]))
        out.append(f"<mark>{escape_text(match.group())}</mark>")
        last = match.end()
    out.append(escape_text(text[last:]))
    return "".join(out)


_BULLET_RE = re.compile(r"^[•▪●■►◦‣∙·○–—-]\s*")


def passage_html(text: str, terms: frozenset[str] = frozenset()) -> str:
    """A passage as paragraphs and bullet lists: line breaks of the layout joined, bullets as a list."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(f"<p>{highlight(' '.join(paragraph), terms)}</p>")
            paragraph.clear()

    def flush_items() -> None:
        if items:
            blocks.append("<ul>" + "".join(f"<li>{highlight(item, terms)}</li>" for item in items) + "</ul>")
            items.clear()

    for raw in str(text).splitlines():
        line = " ".join(raw.split())
        if not line:
            flush_paragraph()
            flush_items()
            continue
        bullet = _BULLET_RE.match(line)
        if bullet and len(line) > bullet.end():
            flush_paragraph()
            items.append(line[bullet.end() :])
        elif items and not paragraph and line[:1].islower():
            items[-1] += " " + line  # a bullet item continued on the next line
        else:
            flush_items()
            paragraph.append(line)
    flush_paragraph()
    flush_items()
    return "".join(blocks)


# --- replies -------------------------------------------------------------------------------


def source_link(passage: Passage, question: str = "") -> str:
    """Relative URL of the source-page view for a passage (works behind a proxy's path prefix)."""
    return page_link(passage.source, passage.page, question)


def page_link(source: str, page: int, question: str = "") -> str:
    """Relative URL of the source-page view of a file's page."""
    query = {"file": source, "page": page}
    if question:
        query["q"] = question[:300]
    return "source?" + urlencode(query, quote_via=quote)


_CITATION_RE = re.compile(r"^(?P<source>.+?) · p\. (?P<page>\d+)(?: · .*)?$")


def citations_html(citations: str, question: str = "") -> str:
    """A snippet's citation(s) ('file · p. 55 · section', several joined by ' ; '), each a link to its page."""
    links = []
    for citation in (c.strip() for c in citations.split(" ; ")):
        if not citation:
            continue
        match = _CITATION_RE.match(citation)
        if match is None:
            links.append(escape_text(citation))
            continue
        href = html.escape(page_link(match["source"], int(match["page"]), question), quote=True)
        links.append(f'<a href="{href}" target="_blank" rel="noopener">{escape_text(citation)}</a>')
    return " ; ".join(links)


def note_html(text: str, kind: str = "info") -> str:
    """A short message in the chat (an empty question, an index being built...)."""
    return f'<div class="essqa-note essqa-{kind}">{escape_text(text)}</div>'


def filters_label(filters: Filters | None) -> str:
    if not filters or filters.is_empty():
        return ""
    parts = []
    if filters.section:
        parts.append(f"section « {filters.section} »")
    if filters.page_min is not None or filters.page_max is not None:
        low = filters.page_min if filters.page_min is not None else 1
        parts.append(f"pages {low}–{filters.page_max}" if filters.page_max is not None else f"pages {low}+")
    if filters.sources:
        parts.append("fichiers " + ", ".join(filters.sources))
    return "filtres : " + " · ".join(parts)


def answer_html(answer: Answer, filters: Filters | None = None, understood: str | None = None) -> str:
    """One chat reply: notices, the short answer when there is one, then the ranked, cited passages.

    understood: the question as the assistant completed it (a follow-up such as « Et à Bordeaux ? »
    read with the question before), shown first so the reader knows what was searched.
    Written on a single line with no blank line, so a Markdown renderer takes it as one HTML
    block and leaves its content alone.
    """
    terms = question_terms(answer.question)
    parts = ['<div class="essqa-answer">']
    if understood:
        parts.append(
            f'<div class="essqa-note essqa-understood">Question comprise (understood as) : '
            f"« {escape_text(understood)} »</div>"
        )
    if answer.notice:
        parts.append(note_html(f"Note : {answer.notice}", "warning"))
    if not answer.passages:
        parts.append(
            note_html(
                "Aucun passage ne correspond avec ces filtres : élargissez les pages ou choisissez une autre section. "
                "(No passage matches these filters.)",
                "warning",
            )
        )
        parts.append("</div>")
        return "".join(parts)
    if answer.snippet:
        # the extract's citations (several for an answer from the metropolises' table) open their pages
        cite = citations_html(answer.snippet_citation or "", answer.question)
        parts.append(
            f'<div class="essqa-snippet"><div class="essqa-snippet-label">Réponse</div>'
            f"<p>{highlight(answer.snippet, terms)}</p>"
            + (f'<div class="essqa-snippet-cite">{cite}</div>' if cite else "")
            + "</div>"
        )
    elif not answer.found:
        parts.append(
            note_html(
                "Le rapport ne semble pas répondre à cette question ; voici les passages les plus proches. "
                "(The report does not seem to answer this question; closest passages below.)",
                "warning",
            )
        )
    count = len(answer.passages)
    summary = f"{count} passage{'s' if count > 1 else ''} du rapport"
    label = filters_label(filters)
    if label:
        summary += f" — {label}"
    parts.append(f'<div class="essqa-summary">{escape_text(summary)}</div>')
    parts.append('<ol class="essqa-passages">')
    for rank, passage in enumerate(answer.passages, start=1):
        href = html.escape(source_link(passage, answer.question), quote=True)
        parts.append(
            f'<li class="essqa-passage">'
            f'<div class="essqa-head"><span class="essqa-rank">{rank}</span>'
            f'<a class="essqa-cite" href="{href}" target="_blank" rel="noopener" '
            f'title="Voir la page source / open the source page">{escape_text(passage.citation)}</a>'
            f'<span class="essqa-score" title="score">{passage.score:.2f}</span></div>'
            f'<div class="essqa-text">{passage_html(passage.text, terms)}</div></li>'
        )
    parts.append("</ol></div>")
    return "".join(parts)


# --- the source page -----------------------------------------------------------------------


class SourceUnavailable(LookupError):
    """The original file of a source cannot be shown; the message says why."""


@dataclass(frozen=True)
class SourcePage:
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

    def __init__(self, roots: Path | str | list, fingerprints: dict[str, str]) -> None:
        self.roots = [Path(r) for r in roots] if isinstance(roots, (list, tuple)) else [Path(roots)]
        self.fingerprints = dict(fingerprints)  # file name -> sha256 recorded at indexing time
        self._cache: dict[str, tuple[tuple[float, int], list, bool]] = {}  # source -> (mtime, size), pages, changed
        self._lock = threading.Lock()

    def path(self, source: str) -> Path:
        if source not in self.fingerprints:
            raise SourceUnavailable(f"« {source} » n'est pas un fichier de cet index (not a file of this index)")
        for root in self.roots:
            root = root.resolve()
            path = (root / source).resolve()
            if root in path.parents and path.is_file():
                return path
        raise SourceUnavailable(
            f"le fichier original « {source} » n'est pas disponible sur ce serveur (the original file is not available); "
            "le texte des passages affiché dans le chat est celui qui a été indexé"
        )

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
        from ingest.clean import clean_page_text

        pages, changed = self._pages(source)
        if not 1 <= page <= len(pages):
            raise SourceUnavailable(f"« {source} » n'a pas de page {page} (it has {len(pages)} pages)")
        text = clean_page_text(pages[page - 1].text)
        return SourcePage(source, page, len(pages), text, source.lower().endswith(".pdf"), changed)


_PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1f2933}
header{background:#fff;border-bottom:1px solid #e3e6ea;padding:14px 24px}
header h1{font-size:1.15rem;margin:4px 0}
nav a{margin-right:14px;color:#1d4ed8;text-decoration:none}
main{max-width:860px;margin:18px auto;padding:0 18px}
.page{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:22px 28px;line-height:1.55}
.page p{white-space:pre-line;margin:0 0 1em}
.warning{background:#fff7e6;border:1px solid #f5c26b;border-radius:6px;padding:10px 14px;margin-bottom:14px}
mark{background:#fde68a;padding:0 1px;border-radius:2px}
iframe{width:100%;height:80vh;border:1px solid #e3e6ea;border-radius:8px;margin-bottom:16px;background:#fff}
h2{font-size:1rem;color:#52606d}
"""


def source_page_document(library: SourceLibrary | None, source: str, page: int, question: str = "") -> tuple[int, str]:
    """(HTTP status, HTML document) of the source-page view."""
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
        paragraphs = [p for p in re.split(r"\n\s*\n", view.text) if p.strip()]
        text = "".join(f"<p>{highlight(p.strip(), terms)}</p>" for p in paragraphs) or "<p><em>(page sans texte / no text on this page)</em></p>"
        body.append(f'<div class="page">{text}</div>')
    nav += "</nav>"
    document = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}</style></head>"
        f"<body><header>{nav}<h1>{html.escape(title)}</h1></header><main>{''.join(body)}</main></body></html>"
    )
    return status, document


# --- the shared assistant ------------------------------------------------------------------


class NotReady(RuntimeError):
    """The index is being built or loaded, or cannot be used; the message says which."""


class Service:
    """The assistant every visitor shares: loaded once; the index is built first when there is none."""

    def __init__(self, index_dir: str | Path | None = None, corpus: str | Path = BUNDLED_CORPUS, assistant=None) -> None:
        self.corpus = Path(corpus)  # indexed when there is no index yet; also where source files are looked for
        self._assistant = assistant
        self.index_dir = Path(assistant.overview()["index_dir"]) if assistant is not None else resolve_index_dir(index_dir)
        self.state = "ready" if assistant is not None else "waiting"
        self.progress = (0, 0)
        self.problem = ""
        self._thread: threading.Thread | None = None
        # What is derived from the loaded assistant, computed once under a lock (requests run in threads)
        self._lock = threading.Lock()
        self._library: SourceLibrary | None = None
        self._controls: dict | None = None
        self._metropoles: list[dict] | None = None

    def start(self, wait: bool = False) -> "Service":
        """Load (or first build) the index in the background; the page answers meanwhile."""
        if self.state == "waiting":
            self.state = "loading"
            self._thread = threading.Thread(target=self._prepare, name="ess-qa-index", daemon=True)
            self._thread.start()
        if wait and self._thread is not None:
            self._thread.join()
        return self

    def _prepare(self) -> None:
        from index.store import MANIFEST

        from .assistant import Assistant, build

        try:
            if not (self.index_dir / MANIFEST).is_file():
                self.state = "building"
                log.warning("no index at %s: indexing %s", self.index_dir, self.corpus)
                build(self.corpus, self.index_dir, progress=self._on_progress)
            self.state = "loading"
            self._assistant = Assistant.load(self.index_dir)
            self.state = "ready"
        except Exception as exc:  # shown on the page; the server keeps running
            log.error("the index cannot be used:\n%s", traceback.format_exc())
            self.problem = str(exc) or type(exc).__name__
            self.state = "failed"

    def _on_progress(self, done: int, total: int) -> None:
        self.progress = (done, total)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def status_text(self) -> str:
        if self.state == "building":
            done, total = self.progress
            count = f" ({done} / {total} passages)" if total else ""
            return (
                f"Premier démarrage : indexation du rapport en cours{count}… Les questions auront une réponse dès "
                f"qu'elle sera terminée. (First start: indexing the report{count}, usually under a minute.)"
            )
        if self.state in ("loading", "waiting"):
            return "Chargement de l'index… (Loading the index, a few seconds.)"
        if self.state == "failed":
            return f"L'index ne peut pas être utilisé (the index cannot be used) : {self.problem}"
        return ""

    def assistant(self):
        """The loaded Assistant, or NotReady with the message to show."""
        if self._assistant is None:
            raise NotReady(self.status_text() or "L'index n'est pas prêt. (The index is not ready.)")
        return self._assistant

    def library(self) -> SourceLibrary | None:
        """The index's source files: looked for in the corpus the index records it was built from,
        then in this server's corpus (--corpus); None until the index is loaded."""
        if self._assistant is None:
            return None
        with self._lock:
            if self._library is None:
                overview = self._assistant.overview()
                roots = [corpus_root(overview["corpus"])] if overview["corpus"] else []
                roots.append(corpus_root(self.corpus))
                self._library = SourceLibrary(roots, overview["sources"])
            return self._library

    def controls(self) -> dict:
        """What the filter controls offer for this index: sections, metropolis sheets, pages, files."""
        assistant = self.assistant()
        with self._lock:
            if self._controls is None:
                self._controls = describe_index(assistant.overview())
            return self._controls

    def metropoles(self) -> list[dict]:
        """The metropolises' fact-sheet records of the index ([] for an index built without them)."""
        assistant = self.assistant()
        with self._lock:
            if self._metropoles is None:
                self._metropoles = assistant.metropoles()
            return self._metropoles


def describe_index(overview: dict) -> dict:
    """Filter choices for an index (from Assistant.overview()): top-level sections in reading order,
    and the entries of a section that only groups others (the report's « Fiches métropoles » → one
    per metropolis)."""
    from ingest.types import SECTION_SEPARATOR

    order: list[str] = []
    direct: set[str] = set()
    children: dict[str, list[str]] = {}
    for section in overview["sections"]:
        path = section.split(SECTION_SEPARATOR)
        top = path[0]
        if top not in order:
            order.append(top)
            children[top] = []
        if len(path) == 1:
            direct.add(top)
        elif path[1] not in children[top]:
            children[top].append(path[1])
    choices: list[tuple[str, str]] = [("Tout le rapport (whole report)", WHOLE_REPORT)]
    for top in order:
        choices.append((top, top))
        if top not in direct:  # a grouping section: offer its entries one by one
            choices.extend((f"{top} › {child}", f"{top}{SECTION_SEPARATOR}{child}") for child in children[top])
    page_max = max(overview["pages"].values(), default=1)
    return {"sections": choices, "page_max": page_max, "sources": sorted(overview["sources"])}


# --- the metropolises tab ------------------------------------------------------------------------

# Columns of the table, from the fact-sheet records (ess_qa.metropoles labels them); numbers stay
# numbers so that sorting by a column sorts by value, and are displayed the French way.
METROPOLES_COLUMNS = (
    "name", "pages", "population", "communes", "area_km2", "density", "region", "ess_jobs",
    "ess_share_of_employment", "ess_share_basis", "ess_establishments",
)
METROPOLES_WIDTHS = ["15%", "7%", "9%", "8%", "8%", "8%", "11%", "8%", "7%", "10%", "9%"]
_NUMERIC_COLUMNS = {"population", "communes", "area_km2", "density", "ess_jobs", "ess_share_of_employment", "ess_establishments"}
MISSING = "—"  # shown where a fact sheet does not state the figure


def chart_figures() -> dict[str, str]:
    """The figures the chart can show: record field -> readable label."""
    from .metropoles import CHART_FIELDS

    return dict(CHART_FIELDS)


DEFAULT_FIGURE = "population"


def metropoles_frame(records: list[dict]):
    """The table of the tab as a pandas Styler: readable headers, numbers as numbers (sortable),
    shown with French separators, '—' where a sheet does not say."""
    import pandas as pd

    from .metropoles import TABLE_COLUMNS, format_number, table_rows

    labels = dict(TABLE_COLUMNS)
    order = [column for column, _ in TABLE_COLUMNS]
    positions = [order.index(column) for column in METROPOLES_COLUMNS]
    rows = [[row[k] for k in positions] for row in table_rows(records)]
    headers = [labels[column] for column in METROPOLES_COLUMNS]
    frame = pd.DataFrame(rows, columns=headers)
    for column in _NUMERIC_COLUMNS:
        frame[labels[column]] = pd.to_numeric(frame[labels[column]], errors="coerce")
    numbers = [labels[column] for column in METROPOLES_COLUMNS if column in _NUMERIC_COLUMNS]
    text = [header for header in headers if header not in numbers]

    def french(value) -> str:  # as the report prints it: '1 898 950', '579,27'
        return MISSING if pd.isna(value) else format_number(float(value), "fr")

    return frame.style.format(french, subset=numbers).format(na_rep=MISSING, subset=text)


def metropoles_datatypes() -> list[str]:
    return ["number" if column in _NUMERIC_COLUMNS else "str" for column in METROPOLES_COLUMNS]


CHART_COLUMNS = ["Métropole", "Valeur", "Page", "Base"]


def chart_frame(records: list[dict], column: str):
    """(name, value, page, base) of the metropolises whose sheet states the figure, largest first;
    base says what a share is a share of, as the sheet prints it ('de l'emploi total')."""
    import pandas as pd

    rows = []
    for record in records:
        if record.get(column) is None:
            continue
        pages = record.get("pages") or {}
        base = record.get("ess_share_basis") if column == "ess_share_of_employment" else ""
        rows.append((record["name"], float(record[column]), pages.get(column) or pages.get("name"), base or ""))
    rows.sort(key=lambda row: row[1], reverse=True)
    return pd.DataFrame(rows, columns=CHART_COLUMNS)


def chart_note_html(records: list[dict], column: str) -> str:
    """Which metropolises the chart leaves out (their sheet does not state the figure), and for the
    share of employment, that the sheets do not all state the same share."""
    if not records:
        return note_html(
            "Aucune fiche métropole dans cet index : il a été construit avant leur extraction (relancez `ess-qa index`) "
            "ou sur d'autres documents. (No metropolis fact sheet in this index.)",
            "warning",
        )
    missing = [r["name"] for r in records if r.get(column) is None]
    label = chart_figures().get(column, column)
    if not missing:
        text = f"{label} : les {len(records)} fiches donnent ce chiffre."
    else:
        text = f"{label} : {len(records) - len(missing)} fiches sur {len(records)} donnent ce chiffre ; sans ce chiffre : {', '.join(missing)}."
    if column == "ess_share_of_employment":
        text += (
            " La part est celle de l'emploi total quand la fiche la donne, sinon celle qu'elle donne (emploi privé, "
            "emplois salariés : colonne « Part de quel emploi ») : à comparer avec prudence."
        )
    return f'<div class="essqa-chart-note">{escape_text(text)}</div>'


def sheets_html(records: list[dict]) -> str:
    """A link to each metropolis' fact-sheet page, to check the figures against the report."""
    links = []
    for record in records:
        page = (record.get("pages") or {}).get("name")
        if not page or not record.get("source"):
            continue
        href = html.escape(page_link(record["source"], page), quote=True)
        links.append(f'<a href="{href}" target="_blank" rel="noopener">{escape_text(record["name"])} · p. {page}</a>')
    if not links:
        return ""
    return '<div class="essqa-sheets"><span>Vérifier une fiche (check a fact sheet) : </span>' + " · ".join(links) + "</div>"


METROPOLES_INTRO = (
    "Les chiffres des fiches métropoles du rapport (« Carte d'identité du territoire » et « Panorama de l'ESS »), "
    "lus dans le texte à l'indexation ; « — » : la fiche ne donne pas ce chiffre. Cliquez sur un en-tête de colonne "
    "pour trier ; la colonne Page(s) et les liens en bas de page ouvrent les fiches. Les questions de comparaison "
    "posées dans le chat (« Quelle est la métropole la plus peuplée ? ») sont répondues à partir de ce tableau. "
    "*The metropolises' fact sheets as a table: sort by a column, chart a figure, open each sheet.*"
)


# --- the page ------------------------------------------------------------------------------

_CSS = """
.essqa-answer{line-height:1.5}
.essqa-summary{color:var(--body-text-color-subdued);font-size:.9em;margin:2px 0 8px}
.essqa-passages{list-style:none;padding:0;margin:0}
.essqa-passage{border:1px solid var(--border-color-primary);border-radius:8px;padding:8px 12px;margin:0 0 10px;background:var(--background-fill-primary)}
.essqa-head{display:flex;align-items:baseline;gap:8px;margin-bottom:4px;font-size:.9em}
.essqa-rank{flex:none;display:inline-block;min-width:1.6em;text-align:center;border-radius:999px;background:var(--color-accent);color:#fff;font-weight:600}
.essqa-cite{font-weight:600;text-decoration:underline dotted}
.essqa-score{margin-left:auto;color:var(--body-text-color-subdued);font-variant-numeric:tabular-nums}
.essqa-text p{margin:.2em 0 .5em}
.essqa-text ul{margin:.2em 0 .5em 1.2em;padding:0}
.essqa-answer mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}
.essqa-snippet{border-left:4px solid var(--color-accent);background:var(--background-fill-secondary);padding:8px 12px;margin:0 0 10px;border-radius:4px}
.essqa-snippet-label{font-weight:700;font-size:.85em;text-transform:uppercase;letter-spacing:.04em}
.essqa-snippet p{white-space:pre-line;margin:4px 0}
.essqa-snippet-cite{font-size:.85em;color:var(--body-text-color-subdued)}
.essqa-note{padding:6px 10px;border-radius:6px;margin:0 0 8px;background:var(--background-fill-secondary)}
.essqa-warning{background:#fff7e6;border:1px solid #f5c26b;color:#5c3d00}
#essqa-status .essqa-status{padding:10px 14px;border-radius:8px;background:#fff7e6;border:1px solid #f5c26b;color:#5c3d00}
#essqa-status .essqa-status.failed{background:#fdecec;border-color:#f19999;color:#6b1111}
.essqa-understood{font-size:.9em;color:var(--body-text-color-subdued)}
.essqa-chart-note{font-size:.9em;margin:2px 0 6px}
.essqa-sheets{font-size:.9em;line-height:1.8}
.essqa-sheets a{white-space:nowrap}
"""

INTRO = (
    "Posez une question sur le rapport « Métropoles, économie sociale et solidaire et innovation sociale » "
    "(Avise & RTES, 2019), en français ou en anglais : chaque réponse cite les passages du rapport (fichier, page, "
    "section). Cliquez sur une citation pour ouvrir la page source. "
    "*Ask in French or English; click a citation to open the source page.*"
)


def status_html(service: Service) -> str:
    text = service.status_text()
    if not text:
        return ""
    kind = "failed" if service.state == "failed" else service.state
    return f'<div class="essqa-status {kind}" role="status">{escape_text(text)}</div>'


def make_filters(section: str | None, page_from: Any, page_to: Any, sources: list[str] | None = None, last_page: int | None = None) -> Filters:
    """Filters from the page's controls: the full page range (1 to last_page) or a blank filters nothing,
    a reversed range is put right."""
    low, high = _page_number(page_from), _page_number(page_to)
    if low == 1:
        low = None
    if high is not None and last_page is not None and high >= last_page:
        high = None
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Filters(sources=tuple(sources or ()), page_min=low, page_max=high, section=section or "")


def _page_number(value: Any) -> int | None:
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None


class Reply(NamedTuple):
    """A chat reply: its HTML, whether the question was answered, and the question as searched
    (completed with the previous one for a follow-up; None when not answered)."""

    html: str
    answered: bool
    question: str | None = None
    follow_up: bool = False  # the question was completed with the previous one


def reply(service: Service, question: str, k: Any = DEFAULT_K, filters: Filters | None = None, previous: str | None = None) -> Reply:
    """The reply to a question typed in the chat — never raises for a user's input.

    previous: the conversation's previous question, which completes a follow-up (« Et à Bordeaux ? »)."""
    if not isinstance(question, str) or not question.strip():
        return Reply(note_html("Tapez une question sur le rapport, ou cliquez sur un exemple. (Type a question about the report.)"), False)
    try:
        assistant = service.assistant()
    except NotReady as exc:
        return Reply(note_html(str(exc), "warning"), False)
    try:
        typed = prepare_question(question).text
        answer = assistant.ask(question, k=int(k or DEFAULT_K), filters=filters, previous=previous or None)
    except EmptyQuestion:
        return Reply(note_html("La question ne contient aucun mot à chercher : tapez une question sur le rapport. (Type a question with words in it.)"), False)
    except Exception:
        log.error("search failed for %r:\n%s", question[:200], traceback.format_exc())
        return Reply(note_html("La recherche a échoué : le détail est dans le journal du serveur. (The search failed; see the server log.)", "warning"), False)
    follow_up = answer.question != typed
    return Reply(answer_html(answer, filters, understood=answer.question if follow_up else None), True, answer.question, follow_up)


def build_page(service: Service):
    """The Gradio Blocks of the chat page (not launched)."""
    import gradio as gr

    def _last_page() -> int | None:
        return service.controls()["page_max"] if service.ready else None

    def respond(question, history, topic, k, section, page_from, page_to, sources):
        """A question typed in the chat. `topic` is the conversation's last question that was not a
        follow-up: it completes the next follow-up (« Et à Bordeaux ? »), and follow-ups of follow-ups."""
        history = list(history or [])
        text = question if isinstance(question, str) else ""
        filters = make_filters(section, page_from, page_to, sources, last_page=_last_page())
        answer = reply(service, text, k, filters, previous=topic)
        if text.strip():
            history.append({"role": "user", "content": escape_text(" ".join(text.split()))})
        history.append({"role": "assistant", "content": answer.html})
        if answer.answered and not answer.follow_up:
            topic = answer.question
        # keep the question in the box when it could not be answered yet (index being built)
        keep = text if (text.strip() and not answer.answered and not service.ready) else ""
        return history, keep, topic

    def ask_example(sample, history, topic, k, section, page_from, page_to, sources):
        question = sample[0] if isinstance(sample, (list, tuple)) and sample else str(sample or "")
        history, _, topic = respond(question, history, topic, k, section, page_from, page_to, sources)
        return history, "", topic

    def metropoles_view(figure):
        """Table, chart, its note and the sheet links, once the index is there."""
        records = service.metropoles()
        column = figure if figure in chart_figures() else DEFAULT_FIGURE
        return (
            gr.update(value=metropoles_frame(records)),
            *chart_view(records, column),
            sheets_html(records),
        )

    def chart_view(records, column):
        label = chart_figures()[column]
        return gr.update(value=chart_frame(records, column), y_title=label), chart_note_html(records, column)

    def change_figure(figure):
        if not service.ready:
            return gr.update(), ""
        column = figure if figure in chart_figures() else DEFAULT_FIGURE
        return chart_view(service.metropoles(), column)

    def refresh(figure):
        """Status line, and the controls and the metropolises' table once the index is there; the
        timer runs until then."""
        status = status_html(service)
        waiting = service.state in ("waiting", "loading", "building")
        if not service.ready:
            return (status, gr.update(), gr.update(), gr.update(), gr.update(), gr.Timer(active=waiting), *([gr.update()] * 4))
        controls = service.controls()
        many = len(controls["sources"]) > 1
        return (
            status,
            gr.update(choices=controls["sections"]),
            gr.update(),
            gr.update(value=controls["page_max"]),
            gr.update(choices=controls["sources"], visible=many),
            gr.Timer(active=False),
            *metropoles_view(figure),
        )

    # until the index is loaded, placeholders: `refresh` puts the index's sections and pages in
    initial = service.controls() if service.ready else {"sections": [], "page_max": None, "sources": []}
    last_page = initial["page_max"]

    with gr.Blocks(title=TITLE, analytics_enabled=False) as page:
        gr.Markdown(f"## {TITLE}")
        status = gr.HTML(status_html(service), elem_id="essqa-status")
        topic = gr.State("")  # the last question that was not a follow-up (see respond)
        with gr.Tabs(elem_id="essqa-tabs"):
            with gr.Tab("Questions", id="chat", elem_id="essqa-chat-tab"):
                gr.Markdown(INTRO)
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Conversation",
                            elem_id="essqa-chat",
                            height=560,
                            latex_delimiters=[],
                            feedback_options=None,
                            buttons=[],  # a copy button would copy the reply's HTML, not its text
                            placeholder="Les réponses citent le rapport : fichier, page, section.",
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                placeholder="Votre question… (your question)",
                                show_label=False,
                                scale=5,
                                autofocus=True,
                                elem_id="essqa-question",
                                max_lines=4,
                            )
                            ask = gr.Button("Demander", variant="primary", scale=1, elem_id="essqa-ask")
                        examples = gr.Dataset(
                            label="Exemples (cliquez pour demander) · examples",
                            components=["textbox"],
                            samples=[[q] for q in EXAMPLES],
                            elem_id="essqa-examples",
                            samples_per_page=len(EXAMPLES),
                        )
                        clear = gr.Button("Effacer la conversation (clear)", size="sm", variant="secondary")
                    with gr.Column(scale=1, min_width=260):
                        gr.Markdown("### Réglages (settings)")
                        k = gr.Slider(1, MAX_K_UI, value=DEFAULT_K, step=1, label="Nombre de passages (passages)", elem_id="essqa-k")
                        section = gr.Dropdown(
                            choices=initial["sections"] or [("Tout le rapport (whole report)", WHOLE_REPORT)],
                            value=WHOLE_REPORT,
                            label="Section ou fiche métropole",
                            info="Limiter la recherche à une partie du rapport (section or metropolis)",
                            elem_id="essqa-section",
                        )
                        # Numbers without bounds: a bound changed when the index arrives would make Gradio
                        # reject a value sent a moment before (0 or blank means no limit)
                        with gr.Row():
                            page_from = gr.Number(1, label="De la page (from)", precision=0, min_width=100, elem_id="essqa-page-from")
                            page_to = gr.Number(last_page, label="à la page (to)", precision=0, min_width=100, elem_id="essqa-page-to")
                        sources = gr.CheckboxGroup(label="Fichiers (files)", choices=initial["sources"], visible=len(initial["sources"]) > 1)
                        reset = gr.Button("Retirer les filtres (reset)", size="sm", variant="secondary")
                        gr.Markdown(
                            "Les réglages s'appliquent à la question suivante. Une question qui en prolonge une autre "
                            "(« Et à Bordeaux ? ») est complétée par la précédente. Cliquez sur une citation pour lire la "
                            "page du rapport. L'API HTTP `/search` (question, k) est décrite sous « Use via API » en bas de page."
                        )
            with gr.Tab("Métropoles", id="metropoles", elem_id="essqa-metropoles-tab"):
                gr.Markdown(METROPOLES_INTRO)
                figures = chart_figures()
                figure = gr.Dropdown(
                    choices=[(label, column) for column, label in figures.items()],
                    value=DEFAULT_FIGURE,
                    label="Chiffre comparé (figure)",
                    elem_id="essqa-figure",
                )
                chart = gr.BarPlot(
                    None,
                    x="Métropole",
                    y="Valeur",
                    y_title=figures[DEFAULT_FIGURE],
                    sort="-y",
                    x_label_angle=-35,
                    tooltip=CHART_COLUMNS,
                    height=380,
                    show_label=False,
                    elem_id="essqa-chart",
                )
                chart_note = gr.HTML("", elem_id="essqa-chart-note")
                table = gr.Dataframe(
                    None,
                    datatype=metropoles_datatypes(),
                    interactive=False,
                    wrap=True,
                    max_height=900,
                    column_widths=METROPOLES_WIDTHS,
                    show_label=False,
                    elem_id="essqa-table",
                )
                sheets = gr.HTML("", elem_id="essqa-sheets")
        timer = gr.Timer(1.0, active=False)

        inputs = [question, chatbot, topic, k, section, page_from, page_to, sources]
        private = {"api_visibility": "private"}
        # every query shares one concurrency group with /search (see QUERY_CONCURRENCY)
        query = {**private, "concurrency_id": QUERY_GROUP, "concurrency_limit": QUERY_CONCURRENCY}
        question.submit(respond, inputs, [chatbot, question, topic], **query)
        ask.click(respond, inputs, [chatbot, question, topic], **query)
        examples.click(ask_example, [examples, *inputs[1:]], [chatbot, question, topic], **query)
        clear.click(lambda: ([], "", ""), None, [chatbot, question, topic], **private)
        reset.click(lambda: (WHOLE_REPORT, 1, _last_page(), []), None, [section, page_from, page_to, sources], **private)
        figure.change(change_figure, figure, [chart, chart_note], **private)
        outputs = [status, section, page_from, page_to, sources, timer, table, chart, chart_note, sheets]
        page.load(refresh, figure, outputs, **private)
        timer.tick(refresh, figure, outputs, **private)

        def search(question: str, k: int = DEFAULT_K) -> list[dict]:
            """The k passages of the report that best match the question, best first: text, source, page,
            section, score (0-1), citation."""
            try:
                assistant = service.assistant()
            except NotReady as exc:
                raise rejected(str(exc)) from None
            if isinstance(k, float) and k.is_integer():
                k = int(k)
            try:
                passages = assistant.search(question, k=k)
            except (EmptyQuestion, ValueError) as exc:
                raise rejected(str(exc)) from None
            return [p.to_dict() for p in passages]

        gr.api(search, api_name="search", concurrency_id=QUERY_GROUP, concurrency_limit=QUERY_CONCURRENCY)
    return page


def rejected(message: str):
    """The error a /search call gets for a request it refuses (an empty question, k=0, the index not
    ready): the caller reads the message; the server log gets one line, not a traceback."""
    import gradio as gr

    log.warning("/search refused: %s", message)
    return gr.Error(message, print_exception=False)


# --- serving ---------------------------------------------------------------------------------


def _signed_in(request) -> bool:
    """Whether a plain route may answer: always when the page has no login; with a login
    (ESS_QA_AUTH), only a visitor holding Gradio's session cookie. Fails closed."""
    app = request.app
    if getattr(app, "auth", None) is None and getattr(app, "auth_dependency", None) is None:
        return True
    cookie_id = getattr(app, "cookie_id", None)
    tokens = getattr(app, "tokens", None)
    if cookie_id is None or not isinstance(tokens, dict):
        return False
    token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(f"access-token-unsecure-{cookie_id}")
    return token is not None and token in tokens


_SIGN_IN_FIRST = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion requise</title></head><body>'
    '<p>Connectez-vous d\'abord sur <a href="./">la page du chat</a>. (Log in on the chat page first.)</p></body></html>'
)


def _routes(service: Service) -> list:
    """Plain HTTP routes served beside the page: the source-page view and the original PDF."""
    from starlette.responses import FileResponse, HTMLResponse
    from starlette.routing import Route

    def source_page(request):
        if not _signed_in(request):
            return HTMLResponse(_SIGN_IN_FIRST, status_code=401)
        params = request.query_params
        try:
            page = int(params.get("page", "1"))
        except ValueError:
            page = 0
        status, document = source_page_document(service.library(), params.get("file", ""), page, params.get("q", ""))
        return HTMLResponse(document, status_code=status)

    def source_file(request):
        if not _signed_in(request):
            return HTMLResponse(_SIGN_IN_FIRST, status_code=401)
        name = request.query_params.get("file", "")
        library = service.library()
        try:
            if library is None or not name.lower().endswith(".pdf"):
                raise SourceUnavailable("only the PDF sources are served as files")
            path = library.path(name)
        except SourceUnavailable as exc:
            return HTMLResponse(html.escape(str(exc)), status_code=404)
        return FileResponse(path, media_type="application/pdf", content_disposition_type="inline")

    return [Route("/source", source_page), Route("/source/file", source_file)]


@dataclass
class RunningServer:
    """A page being served; `url` ends with '/', `close()` stops it."""

    page: Any
    service: Service
    url: str

    def close(self) -> None:
        self.page.close(verbose=False)


def launch(
    host: str = DEFAULT_HOST,
    port: int | None = DEFAULT_PORT,
    index_dir: str | Path | None = None,
    *,
    assistant=None,
    corpus: str | Path = BUNDLED_CORPUS,
    service: Service | None = None,
    auth: list[tuple[str, str]] | None = None,
    quiet: bool = False,
) -> RunningServer:
    """Start the page in a background thread and return at once (the index loads meanwhile).

    Binds `host` as given (`serve` is where the loopback policy is applied). Give an `assistant`
    already loaded to share it, or a `service` to watch the index's life; `auth`, (user, password)
    pairs, requires a login for the page, its API and the source pages."""
    service = service or Service(index_dir, corpus, assistant)
    page = build_page(service)
    page.queue(default_concurrency_limit=CONCURRENCY_LIMIT)
    _, url, _ = page.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=True,
        quiet=quiet,
        show_error=False,
        css=_CSS,
        footer_links=["api"],
        auth=auth or None,
        auth_message="Identifiez-vous pour interroger le rapport. (Log in to ask the report.)" if auth else None,
        app_kwargs={"routes": _routes(service)},
    )
    service.start()  # once the port is ours: load (or first build) the index in the background
    return RunningServer(page, service, url if url.endswith("/") else url + "/")


class ServeError(RuntimeError):
    """The page cannot be served (the port is taken, the address is wrong); the message says what to do."""


_ALL_INTERFACES = {"0.0.0.0", "::", "[::]"}


def is_loopback(host: str) -> bool:
    """Whether an address only reaches this machine (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().lower()
    if name in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def choose_host(host: str | None, environ=None, auth: bool = False) -> tuple[str, str | None]:
    """(address to bind, warning to print or None) — the page stays on this machine unless told.

    host: the --host given on the command line, None when not given. Without it the page binds
    127.0.0.1, or Gradio's GRADIO_SERVER_NAME when that is a loopback address; any other address
    must be given explicitly with --host (ServeError otherwise), and then a warning is printed."""
    environ = os.environ if environ is None else environ
    if host is None:
        wanted = environ.get(SERVER_NAME_ENV, "").strip()
        if not wanted or is_loopback(wanted):
            return wanted or DEFAULT_HOST, None
        raise ServeError(
            f"{SERVER_NAME_ENV}={wanted} would serve the page beyond this machine: ess-qa only does that when told "
            f"on its command line: run with --host {wanted} (or unset {SERVER_NAME_ENV} to stay on {DEFAULT_HOST})"
        )
    host = host.strip()
    if not host:
        raise ServeError("--host needs an address: 127.0.0.1 (this machine only) or, to share the page, e.g. 0.0.0.0")
    if is_loopback(host):
        return host, None
    where = "all interfaces" if host in _ALL_INTERFACES else host
    who = "anyone who can reach this machine" if host in _ALL_INTERFACES else f"anyone who can reach {host}"
    if auth:
        warning = (
            f"warning: serving on {where}: {who} gets the login page ({AUTH_ENV}); the page is plain HTTP, "
            "so put it behind an HTTPS proxy if passwords cross a network you do not trust"
        )
    else:
        warning = f"warning: serving on {where}: {who} can use the page; set {AUTH_ENV}=user:password to require a login"
    return host, warning


def auth_from_env(environ=None) -> list[tuple[str, str]] | None:
    """The logins of ESS_QA_AUTH ('user:password', several separated by commas), None when unset.

    A malformed value is a ServeError that names the faulty pair by position, never its password."""
    environ = os.environ if environ is None else environ
    value = environ.get(AUTH_ENV)
    if value is None:
        return None
    items = value.split(",")
    pairs: list[tuple[str, str]] = []
    for number, item in enumerate(items, start=1):
        user, colon, password = item.strip().partition(":")
        user = user.strip()
        if not colon or not user or not password:
            where = f"pair {number} of {len(items)}" if len(items) > 1 else "its value"
            raise ServeError(
                f"{AUTH_ENV} must be user:password, or several separated by commas (e.g. {AUTH_ENV}=alice:s3cret,bob:other); "
                f"{where} is not (empty user or password, or no ':')"
            )
        if any(user == known for known, _ in pairs):
            raise ServeError(f"{AUTH_ENV} names the user {user!r} twice: give each user one password")
        pairs.append((user, password))
    return pairs


def serve(
    host: str | None = None,
    port: int = DEFAULT_PORT,
    index_dir: str | Path | None = None,
    corpus: str | Path = BUNDLED_CORPUS,
    environ=None,
) -> None:
    """Serve the chat page until interrupted (`ess-qa serve`, `python app.py`).

    host: None (not given) binds 127.0.0.1; another address must be given explicitly and prints a
    warning (see choose_host). corpus: indexed on first start when index_dir holds no index yet.
    ESS_QA_AUTH=user:password[,user:password...] requires a login."""
    environ = os.environ if environ is None else environ
    auth = auth_from_env(environ)
    host, warning = choose_host(host, environ, auth=bool(auth))
    _log_to_stderr()
    if not Path(corpus).exists():
        raise ServeError(f"no such corpus file or folder: {corpus}: give --corpus a folder (or file) of .pdf, .txt or .md files")
    if warning:
        print(warning, file=sys.stderr, flush=True)
    try:
        server = launch(host, port, index_dir, corpus=corpus, auth=auth, quiet=True)
    except OSError as exc:
        if "empty port" in str(exc):  # Gradio's words for a port in use
            raise ServeError(f"port {port} on {host} is already in use: choose another with --port") from None
        raise ServeError(f"cannot serve on {host}:{port} ({exc.strerror or exc}): check --host and --port") from None
    login = f"; login required ({AUTH_ENV}: {len(auth)} user{'s' if len(auth) > 1 else ''})" if auth else ""
    print(f"ess-qa: chat page at {server.url} (index: {server.service.index_dir}){login}; Ctrl+C to stop", flush=True)
    try:
        server.page.block_thread()
    finally:
        server.close()


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record is logged (not the stream of the moment it was made)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr() -> None:
    """The server log: ess_qa's warnings and errors on stderr, one dated line each (tracebacks only
    for real failures)."""
    logger = logging.getLogger("ess_qa")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s ess-qa %(levelname)s: %(message)s", "%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)


def add_serve_arguments(parser) -> None:
    """The options of `ess-qa serve` and `python app.py`."""
    parser.add_argument(
        "--host",
        default=None,
        help=f"address to bind (default {DEFAULT_HOST}: this machine only); another address, e.g. 0.0.0.0, serves "
        f"the page to other machines, with a warning: set {AUTH_ENV}=user:password to require a login",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--index-dir", help="index directory (default: $ESS_QA_INDEX_DIR or .ess-qa-index/; built on first start)")
    parser.add_argument(
        "--corpus",
        default=str(BUNDLED_CORPUS),
        help="file or folder indexed on first start when there is no index yet (default: the bundled report)",
    )


def main(argv: list[str] | None = None) -> int:
    """`python app.py [--host] [--port] [--index-dir] [--corpus]`: the same page as `ess-qa serve`."""
    import argparse

    parser = argparse.ArgumentParser(prog="app.py", description="Serve the ess-qa chat page (same as `ess-qa serve`).")
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        serve(args.host, args.port, args.index_dir, args.corpus)
    except ServeError as exc:
        print(f"app.py: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


__all__ = [
    "EXAMPLES",
    "Reply",
    "RunningServer",
    "ServeError",
    "Service",
    "answer_html",
    "auth_from_env",
    "build_page",
    "choose_host",
    "escape_text",
    "is_loopback",
    "launch",
    "main",
    "serve",
]
