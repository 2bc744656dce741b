"""Serving the page: `launch` (in a background thread), `serve` (until interrupted, for `ess-qa serve`
and `python app.py`), the choice of the address, the optional login (its failed sign-ins limited per
client: throttle.py), the server log, the plain routes of the source pages, and the one declaration
of the serve options."""

from __future__ import annotations

import argparse
import html
import importlib.util
import ipaddress
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import BUNDLED_CORPUS
from .api import api_routes
from .options import AUTH_ENV, DEFAULT_HOST, DEFAULT_PORT, add_serve_arguments
from .page import CSS, PAGE_JS, build_page
from .service import CONCURRENCY_LIMIT, MAX_WAITING_QUERIES, Service
from .sources import SourceUnavailable, source_page_document
from .throttle import LoginThrottle, SignInThrottle

if TYPE_CHECKING:
    from ..assistant import Assistant

SERVER_NAME_ENV = "GRADIO_SERVER_NAME"  # Gradio's variable, honoured for loopback addresses only


# --- sign-in for the plain routes ----------------------------------------------------------------


def signed_in(request: Any) -> bool:
    """Whether a plain route may answer: always when the page has no login; with a login
    (ESS_QA_AUTH), only a visitor holding Gradio's session cookie. Fails closed.

    Gradio 6 tells the user only to its own events (gr.Request.username); a plain route has no
    public way to know it. So this reads what Gradio's own /gradio_api/user route reads: App.auth
    (and App.auth_dependency, which this page never sets), App.cookie_id and App.tokens.
    test_signed_in_reads_what_gradio_reads (tests/test_web_serving.py) fails when a Gradio upgrade
    changes them."""
    app = request.app
    if getattr(app, "auth", None) is None and getattr(app, "auth_dependency", None) is None:
        return True
    cookie_id = getattr(app, "cookie_id", None)
    tokens = getattr(app, "tokens", None)
    if cookie_id is None or not isinstance(tokens, dict):
        return False
    token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(f"access-token-unsecure-{cookie_id}")
    return token is not None and token in tokens


# --- the page and its plain routes ---------------------------------------------------------------

_SIGN_IN_FIRST = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion requise</title></head><body>'
    '<p>Connectez-vous d\'abord sur <a href="./">la page du chat</a>. (Log in on the chat page first.)</p></body></html>'
)


def _routes(service: Service) -> list:
    """Plain HTTP routes served beside the page: the source-page view and the original PDF."""
    from starlette.responses import FileResponse, HTMLResponse
    from starlette.routing import Route

    def source_page(request):
        if not signed_in(request):
            return HTMLResponse(_SIGN_IN_FIRST, status_code=401)
        params = request.query_params
        try:
            page = int(params.get("page", "1"))
        except ValueError:
            page = 0
        count = params.get("n", "")
        words = int(count) if count.isdigit() and len(count) <= 4 else 0
        status, document = source_page_document(service.library(), params.get("file", ""), page, params.get("q", ""), params.get("at", "")[:500], words)
        return HTMLResponse(document, status_code=status)

    def source_file(request):
        if not signed_in(request):
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
    assistant: Assistant | None = None,
    corpus: str | Path = BUNDLED_CORPUS,
    service: Service | None = None,
    auth: list[tuple[str, str]] | None = None,
    throttle: SignInThrottle | None = None,
    quiet: bool = False,
    store: str | None = None,
    collections: tuple[str, ...] = (),
) -> RunningServer:
    """Start the page in a background thread and return at once (the index loads meanwhile).

    Binds `host` as given (`serve` is where the loopback policy is applied). Give an `assistant`
    already loaded to share it, or a `service` to watch the index's life; `auth`, (user, password)
    pairs, requires a login for the page, its API and the source pages, with failed sign-ins limited
    per client by `throttle` (by default MAX_FAILED_SIGN_INS per SIGN_IN_WINDOW_SECONDS)."""
    service = service or Service(index_dir, corpus, assistant, store, collections)
    throttle = throttle or SignInThrottle()
    if service.index_exists():
        service.start()  # only loading: it overlaps with building the page (a first build waits for the port)
    _settle_gradio()
    page = build_page(service)
    # Gradio's queue holds the page's events and /search calls waiting for a worker: bounded like the
    # gate's waiting calls, past which Gradio answers that its queue is full (HTTP 503 on joining it).
    page.queue(default_concurrency_limit=CONCURRENCY_LIMIT, max_size=MAX_WAITING_QUERIES)
    _, url, _ = page.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=True,
        quiet=quiet,
        show_error=False,
        css=CSS,
        js=PAGE_JS,
        footer_links=["api"],
        auth=auth or None,
        auth_message=f"Identifiez-vous pour interroger les documents. (Log in to ask the documents.) {throttle.rule()}" if auth else None,
        app_kwargs=_app_kwargs(service, auth, throttle),
    )
    service.start()  # once the port is ours: load (or first build) the index in the background
    return RunningServer(page, service, url if url.endswith("/") else url + "/")


def _app_kwargs(service: Service, auth: list[tuple[str, str]] | None, throttle: SignInThrottle) -> dict:
    """What ess-qa adds to Gradio's app: the plain routes, the page's language, and with a login the throttle of its
    /login."""
    from starlette.middleware import Middleware

    middleware = [Middleware(FrenchPage)] + ([Middleware(LoginThrottle, throttle=throttle)] if auth else [])
    return {"routes": _routes(service) + api_routes(service, auth, signed_in, throttle), "middleware": middleware}


class FrenchPage:
    """ASGI middleware: the page's HTML says it is French (Gradio writes « lang="en" », which the page's script only
    changes once it runs: a browser offered to translate the page from English, a screen reader read it as English).
    The same number of bytes: the response's length stands."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        first = True

        async def in_french(message: dict) -> None:
            nonlocal first
            if message["type"] == "http.response.body" and first:
                first = False
                message = {**message, "body": message.get("body", b"").replace(b'lang="en"', b'lang="fr"', 1)}
            await send(message)

        await self.app(scope, receive, in_french)


def _settle_gradio() -> None:
    """Gradio settings for a server that answers many API calls (unless the environment sets them).

    By default Gradio recomputes a pandas summary of up to 10,000 past events after every event
    (GRADIO_ANALYTICS_CACHE_FREQUENCY=1): its cost grows with the server's age. Every event also
    tries to import matplotlib to switch its backend; where it is not installed, each failed
    import searches sys.path again, unless the module is recorded as absent (a None entry in
    sys.modules, Python's documented way to make an import fail at once)."""
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "1000")
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "1000")
    if "matplotlib" not in sys.modules and importlib.util.find_spec("matplotlib") is None:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]


# --- serving until interrupted --------------------------------------------------------------------


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


def choose_host(host: str | None, environ: Mapping[str, str] | None = None, auth: bool = False) -> tuple[str, str | None]:
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


def auth_from_env(environ: Mapping[str, str] | None = None) -> list[tuple[str, str]] | None:
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
    environ: Mapping[str, str] | None = None,
    store: str | None = None,
    collections: tuple[str, ...] = (),
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
        server = launch(host, port, index_dir, corpus=corpus, auth=auth, quiet=True, store=store, collections=collections)
    except OSError as exc:
        if "empty port" in str(exc):  # Gradio's words for a port in use
            raise ServeError(f"port {port} on {host} is already in use: choose another with --port") from None
        raise ServeError(f"cannot serve on {host}:{port} ({exc.strerror or exc}): check --host and --port") from None
    login = f"; login required ({AUTH_ENV}: {len(auth)} user{'s' if len(auth) > 1 else ''})" if auth else ""
    print(f"ess-qa: chat page at {server.url} (index: {server.service.location}){login}; Ctrl+C to stop", flush=True)
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


def main(argv: list[str] | None = None) -> int:
    """`python app.py [--host] [--port] [--index-dir] [--corpus]`: the same page as `ess-qa serve`."""
    parser = argparse.ArgumentParser(prog="app.py", description="Serve the ess-qa chat page (same as `ess-qa serve`).")
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        serve(args.host, args.port, args.index_dir, args.corpus, store=args.store, collections=tuple(args.collection))
    except ServeError as exc:
        print(f"app.py: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
