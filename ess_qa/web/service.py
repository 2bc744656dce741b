"""The assistant every visitor shares (loaded in the background, the index built on first start when
there is none), what the page's controls offer for its index, and how many queries run at once."""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..config import BUNDLED_CORPUS, DEFAULT_K, resolve_index_dir, resolve_store  # noqa: F401  (DEFAULT_K: web.DEFAULT_K)
from .sources import SourceLibrary, corpus_root

if TYPE_CHECKING:
    from ..assistant import Assistant

log = logging.getLogger("ess_qa.web")  # the page's server log (see serving._log_to_stderr)


# --- concurrency: every setting of how many events run at once is here ---------------------------
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
# The settings of every event that runs a query, given to Gradio as keyword arguments.
QUERY_EVENTS = {"concurrency_id": QUERY_GROUP, "concurrency_limit": QUERY_CONCURRENCY}
# Queries running at once across the page, Gradio's /search and the plain /api routes (QueryGate),
# and how many more may wait for a turn: past that, a call is told the server is busy (HTTP 503
# with Retry-After on /api). 32 waiting calls at 25 ms each wait under a second here; Starlette
# runs plain routes on a pool of 40 threads, which the waiting calls must not exhaust.
MAX_WAITING_QUERIES = 32
# An API call made while the index loads waits for it this long (a load takes about a second; a
# first build of the bundled report, under a minute), then gets a message saying to retry.
API_READY_WAIT_SECONDS = 60.0

WHOLE_REPORT = ""  # the section filter's value for no section filter
WHOLE_REPORT_CHOICE = ("Tous les documents", WHOLE_REPORT)  # the page speaks French


class NotReady(RuntimeError):
    """The index is being built or loaded, or cannot be used; the message says which."""


class Busy(RuntimeError):
    """Too many queries are waiting already: the caller should retry shortly."""


class QueryGate:
    """At most `workers` queries at once, and at most `waiting` more waiting for a turn (then Busy)."""

    def __init__(self, workers: int = QUERY_CONCURRENCY, waiting: int = MAX_WAITING_QUERIES) -> None:
        self.workers = workers
        self.waiting = waiting
        self._turns = threading.Semaphore(workers)
        self._lock = threading.Lock()
        self._inside = 0  # running or waiting

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for a turn to run a query; raises Busy at once when too many calls wait already."""
        with self._lock:
            if self._inside >= self.workers + self.waiting:
                raise Busy(f"the server is busy ({self._inside} questions in progress): retry in a second")
            self._inside += 1
        try:
            with self._turns:
                yield
        finally:
            with self._lock:
                self._inside -= 1


class Service:
    """The assistant every visitor shares: loaded once; the index is built first when there is none."""

    def __init__(
        self, index_dir: str | Path | None = None, corpus: str | Path = BUNDLED_CORPUS, assistant: Assistant | None = None, store: str | None = None, collections: tuple[str, ...] = ()
    ) -> None:
        self.corpus = Path(corpus)  # indexed when there is no index yet; also where source files are looked for
        self._assistant = assistant
        self.store = None if assistant is not None else resolve_store(store)  # a PostgreSQL URL, or None (an index folder)
        self.collections = tuple(collections)
        self.index_dir = Path(assistant.overview()["index_dir"]) if assistant is not None else resolve_index_dir(index_dir)
        self.state = "ready" if assistant is not None else "waiting"
        self.progress = (0, 0)
        self.problem = ""
        self._thread: threading.Thread | None = None
        self._settled = threading.Event()  # set once the index is ready, or has failed
        self.gate = QueryGate()  # every query of every visitor and API call takes a turn here
        if assistant is not None:
            self._settled.set()
        # What is derived from the loaded assistant, computed once under a lock (requests run in threads)
        self._lock = threading.Lock()
        self._library: SourceLibrary | None = None
        self._controls: dict | None = None
        self._metropoles: list[dict] | None = None

    def index_exists(self) -> bool:
        """Whether an index is already built at index_dir (so that starting only loads it); a database
        store is never built by the page (loading it says when it holds no documents yet)."""
        if self.store:
            return True
        from index.store import index_exists

        return index_exists(self.index_dir)

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
        from ..assistant import Assistant, build

        try:
            if not self.index_exists():
                self.state = "building"
                log.warning("no index at %s: indexing %s", self.index_dir, self.corpus)
                build(self.corpus, self.index_dir, progress=self._on_progress)
            self.state = "loading"
            self._assistant = Assistant.load(self.index_dir, store=self.store, collections=self.collections)
            self.state = "ready"
        except Exception as exc:  # shown on the page; the server keeps running
            log.error("the index cannot be used:\n%s", traceback.format_exc())
            self.problem = str(exc) or type(exc).__name__
            self.state = "failed"
        finally:
            self._settled.set()

    @property
    def location(self) -> str:
        """Where the index is, for messages (a database URL without its password)."""
        from index.store import redact

        return redact(self.store) if self.store else str(self.index_dir)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress = (done, total)

    @property
    def ready(self) -> bool:
        """Whether the assistant is loaded and answers."""
        return self.state == "ready"

    def status_text(self) -> str:
        """What the page's status line says of the index ('' once it is ready)."""
        if self.state == "building":
            done, total = self.progress
            count = f" ({done} / {total} passages)" if total else ""
            return (
                f"Premier démarrage : indexation des documents en cours{count}… Les questions auront une réponse dès "
                f"qu'elle sera terminée. (First start: indexing the documents{count}, usually under a minute.)"
            )
        if self.state in ("loading", "waiting"):
            return "Chargement de l'index… (Loading the index, a few seconds.)"
        if self.state == "failed":
            return f"L'index ne peut pas être utilisé (the index cannot be used) : {self.problem}"
        return ""

    def assistant(self, wait: float = 0.0) -> Assistant:
        """The loaded Assistant, or NotReady with the message to show.

        wait: seconds to wait for an index that is still loading or being built."""
        if self._assistant is None and wait > 0 and self.state != "failed":
            self._settled.wait(wait)
        if self._assistant is None:
            still = f" (still not ready after {wait:.0f} s: retry shortly)" if wait > 0 and self.state != "failed" else ""
            raise NotReady((self.status_text() or "L'index n'est pas prêt. (The index is not ready.)") + still)
        return self._assistant

    def readiness(self) -> dict:
        """What a supervisor polls: {"ready": bool, "state": waiting|loading|building|ready|failed, "progress": [done, total]}."""
        return {"ready": self.ready, "state": self.state, "progress": list(self.progress)}

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
                self._library = SourceLibrary(roots, overview["sources"], self._assistant.store.document_file)
            return self._library

    def controls(self) -> dict:
        """What the filter controls offer for this index: sections, metropolis sheets, pages, files."""
        assistant = self.assistant()
        with self._lock:
            if self._controls is None:
                self._controls = describe_index(assistant.overview())
            return self._controls

    def active_profiles(self) -> list:
        """The index's profiles with their data (ess_qa.profiles): the loaded assistant's, else read
        from the index's files before it loads, else none (no index yet)."""
        from ..profiles import active_profiles

        if self.ready:
            return self.assistant().profiles
        return active_profiles(self._peek) if self.index_exists() else []

    def _peek(self, name: str, default=None):
        """An attachment of the index, read before it loads; default when it cannot be read (loading will say why)."""
        from index.store import read_attachment

        try:
            return read_attachment(self.store or str(self.index_dir), name, default)
        except Exception:  # a damaged index: the page still builds, and the status line shows the problem
            return default

    def page_texts(self):
        """The page's title, intro and examples for this index (see Assistant.page_texts), also before it loads."""
        if self.ready:
            return self.assistant().page_texts()
        from ..corpus_texts import CORPUS_ATTACHMENT, EXAMPLES_ATTACHMENT, page_texts_for

        exists = self.index_exists()
        return page_texts_for(self.active_profiles(), self._peek(CORPUS_ATTACHMENT) if exists else None, self._peek(EXAMPLES_ATTACHMENT) if exists else None)

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
    choices: list[tuple[str, str]] = [WHOLE_REPORT_CHOICE]
    for top in order:
        choices.append((top, top))
        if top not in direct:  # a grouping section: offer its entries one by one
            choices.extend((f"{top} › {child}", f"{top}{SECTION_SEPARATOR}{child}") for child in children[top])
    page_max = max(overview["pages"].values(), default=1)
    return {"sections": choices, "page_max": page_max, "sources": sorted(overview["sources"])}

