"""The chat page: ask the documents in a browser, read cited passages, open the source page.

A thin layer over `ess_qa.Assistant`; retrieval is the Assistant's. One module a job:

- rendering: text shown as text (escaped, highlighted), the chat's reply as HTML
- sources: the original files of the sources and the source-page view
- service: the assistant every visitor shares, loaded in the background; the concurrency settings
- chat_tab: the chat's tab and its event handlers (a profile may add a tab of its own: ess_qa.profiles)
- page: the page assembled from the tabs, and the `/search` HTTP API
- serving: launch and serve, the address, the login, the server log, the plain routes
- options: the serve options, declared once for `ess-qa serve` and app.py

The names below are the ones other code (`ess-qa serve`, app.py, the benchmarks) and the tests use;
they load on first use, so that `ess-qa` can declare the serve options without importing the page.
"""

from ..lazy import lazy_names

_MODULES = {
    ".chat_tab": (
        "Reply",
        "make_filters",
        "reply",
    ),
    ".options": (
        "add_serve_arguments",
    ),
    ".page": (
        "build_page",
        "status_html",
    ),
    ".rendering": (
        "answer_html",
        "citations_html",
        "escape_text",
        "helpful_terms",
        "highlight",
        "passage_html",
        "question_terms",
    ),
    ".service": (
        "DEFAULT_K",
        "NotReady",
        "QUERY_CONCURRENCY",
        "QUERY_GROUP",
        "Service",
        "WHOLE_REPORT",
        "describe_index",
    ),
    ".serving": (
        "RunningServer",
        "ServeError",
        "auth_from_env",
        "choose_host",
        "is_loopback",
        "launch",
        "main",
        "serve",
    ),
    ".sources": (
        "SourceLibrary",
        "SourceUnavailable",
        "corpus_root",
        "source_page_document",
    ),
}

__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
