"""The chat page: ask the report in a browser, read cited passages, open the source page.

A thin layer over `ess_qa.Assistant`; retrieval is the Assistant's. One module a job:

- rendering: text shown as text (escaped, highlighted), the chat's reply as HTML
- sources: the original files of the sources and the source-page view
- service: the assistant every visitor shares, loaded in the background; the concurrency settings
- chat_tab, metropoles_tab: one builder a tab, each with its event handlers
- page: the page assembled from the tabs, and the `/search` HTTP API
- serving: launch and serve, the address, the login, the server log, the plain routes
- options: the serve options, declared once for `ess-qa serve` and app.py

The names below are the ones other code (`ess-qa serve`, app.py, the benchmarks) and the tests use;
they load on first use, so that `ess-qa` can declare the serve options without importing the page.
"""

from ..lazy import lazy_names

_PUBLIC = {
    "CHART_COLUMNS": ".metropoles_tab",
    "DEFAULT_K": ".service",
    "EXAMPLES": ".chat_tab",
    "METROPOLES_WIDTHS": ".metropoles_tab",
    "MISSING": ".metropoles_tab",
    "NotReady": ".service",
    "QUERY_CONCURRENCY": ".service",
    "QUERY_GROUP": ".service",
    "Reply": ".chat_tab",
    "RunningServer": ".serving",
    "ServeError": ".serving",
    "Service": ".service",
    "SourceLibrary": ".sources",
    "SourceUnavailable": ".sources",
    "WHOLE_REPORT": ".service",
    "add_serve_arguments": ".options",
    "answer_html": ".rendering",
    "auth_from_env": ".serving",
    "build_page": ".page",
    "chart_figures": ".metropoles_tab",
    "chart_frame": ".metropoles_tab",
    "chart_note_html": ".metropoles_tab",
    "choose_host": ".serving",
    "citations_html": ".rendering",
    "corpus_root": ".sources",
    "describe_index": ".service",
    "escape_text": ".rendering",
    "highlight": ".rendering",
    "is_loopback": ".serving",
    "launch": ".serving",
    "main": ".serving",
    "make_filters": ".chat_tab",
    "metropoles_datatypes": ".metropoles_tab",
    "metropoles_frame": ".metropoles_tab",
    "passage_html": ".rendering",
    "question_terms": ".rendering",
    "reply": ".chat_tab",
    "serve": ".serving",
    "sheets_html": ".metropoles_tab",
    "source_page_document": ".sources",
    "status_html": ".page",
}

__all__ = sorted(_PUBLIC)
__getattr__, __dir__ = lazy_names(__name__, _PUBLIC, globals())
