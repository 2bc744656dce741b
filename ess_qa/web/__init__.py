"""The chat page: ask the report in a browser, read cited passages, open the source page.

A thin layer over `ess_qa.Assistant`; retrieval is the Assistant's. One module a job:

- rendering: text shown as text (escaped, highlighted), the chat's reply as HTML
- sources: the original files of the sources and the source-page view
- service: the assistant every visitor shares, loaded in the background; the concurrency settings
- chat_tab, metropoles_tab: one builder a tab, each with its event handlers
- page: the page assembled from the tabs, and the `/search` HTTP API
- serving: launch and serve, the address, the login, the server log, the plain routes, the serve options

The names below are the ones other code (`ess-qa serve`, app.py, the benchmarks) and the tests use.
"""

from .chat_tab import EXAMPLES, Reply, make_filters, reply
from .metropoles_tab import (
    CHART_COLUMNS,
    METROPOLES_WIDTHS,
    MISSING,
    chart_figures,
    chart_frame,
    chart_note_html,
    metropoles_datatypes,
    metropoles_frame,
    sheets_html,
)
from .page import build_page, status_html
from .rendering import answer_html, citations_html, escape_text, highlight, passage_html, question_terms
from .service import DEFAULT_K, QUERY_CONCURRENCY, QUERY_GROUP, WHOLE_REPORT, NotReady, Service, describe_index
from .serving import (
    RunningServer,
    ServeError,
    add_serve_arguments,
    auth_from_env,
    choose_host,
    is_loopback,
    launch,
    main,
    serve,
)
from .sources import SourceLibrary, SourceUnavailable, corpus_root, source_page_document

__all__ = [
    "CHART_COLUMNS",
    "DEFAULT_K",
    "EXAMPLES",
    "METROPOLES_WIDTHS",
    "MISSING",
    "QUERY_CONCURRENCY",
    "QUERY_GROUP",
    "Reply",
    "RunningServer",
    "ServeError",
    "Service",
    "NotReady",
    "SourceLibrary",
    "SourceUnavailable",
    "WHOLE_REPORT",
    "add_serve_arguments",
    "answer_html",
    "auth_from_env",
    "build_page",
    "chart_figures",
    "chart_frame",
    "chart_note_html",
    "choose_host",
    "citations_html",
    "corpus_root",
    "describe_index",
    "escape_text",
    "highlight",
    "is_loopback",
    "launch",
    "main",
    "make_filters",
    "metropoles_datatypes",
    "metropoles_frame",
    "passage_html",
    "question_terms",
    "reply",
    "serve",
    "sheets_html",
    "source_page_document",
    "status_html",
]
