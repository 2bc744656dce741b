"""The chat page: the corpus's title, the index's status line, the chat's tab and the tabs of the
profiles (shown when the index's profile is active), and the `/search` HTTP API beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import DEFAULT_K
from ..questions import EmptyQuestion
from .chat_tab import build_chat_tab
from .rendering import escape_text
from .service import API_READY_WAIT_SECONDS, QUERY_EVENTS, Busy, NotReady, Service, log

if TYPE_CHECKING:
    import gradio as gr

WAITING_STATES = ("waiting", "loading", "building")  # the status line is checked every second meanwhile

# Gradio's page template says lang="en"; the page speaks French (screen readers, spelling, hyphenation)
PAGE_JS = "() => { document.documentElement.lang = 'fr'; }"

CSS = """
.essqa-answer{line-height:1.5}
.essqa-summary{color:var(--body-text-color-subdued);font-size:.9em;margin:2px 0 8px}
.essqa-passages{list-style:none;padding:0;margin:0}
.essqa-passage{border:1px solid var(--border-color-primary);border-radius:8px;padding:8px 12px;margin:0 0 10px;background:var(--background-fill-primary)}
.essqa-head{display:flex;align-items:baseline;gap:8px;margin-bottom:4px;font-size:.9em}
.essqa-rank{flex:none;display:inline-block;min-width:1.6em;text-align:center;border-radius:999px;background:var(--color-accent);color:#fff;font-weight:600}
.essqa-cite{font-weight:600;text-decoration:underline dotted}
.essqa-document{margin-left:.6em;color:var(--body-text-color-subdued);font-style:italic}
.essqa-answer-source{margin-left:.6em;font-size:.85em;padding:0 .4em;border-radius:.3em;background:var(--color-accent-soft)}
.essqa-text p{margin:.2em 0 .5em}
.essqa-text ul{margin:.2em 0 .5em 1.2em;padding:0}
.essqa-answer mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}
.essqa-snippet{border-left:4px solid var(--color-accent);background:var(--background-fill-secondary);padding:8px 12px;margin:0 0 10px;border-radius:4px}
.essqa-snippet-label{font-weight:700;font-size:.85em;text-transform:uppercase;letter-spacing:.04em}
.essqa-snippet p{white-space:pre-line;margin:4px 0}
.essqa-snippet-cite{font-size:.9em;margin-top:4px}
.essqa-snippet-cite a{color:var(--link-text-color);font-weight:600;text-decoration:underline}
.essqa-note{padding:6px 10px;border-radius:6px;margin:0 0 8px;background:var(--background-fill-secondary)}
.essqa-warning{background:#fff7e6;border:1px solid #f5c26b;color:#5c3d00}
#essqa-status .essqa-status{padding:10px 14px;border-radius:8px;background:#fff7e6;border:1px solid #f5c26b;color:#5c3d00}
#essqa-status .essqa-status.failed{background:#fdecec;border-color:#f19999;color:#6b1111}
.essqa-understood{font-size:.9em;color:var(--body-text-color-subdued)}
.essqa-chart-note{font-size:.9em;margin:2px 0 6px}
.essqa-sheets{font-size:.9em;line-height:1.8}
.essqa-sheets a{white-space:nowrap}
"""


def status_html(service: Service) -> str:
    """The status line: what the index is doing until it is ready, then nothing."""
    text = service.status_text()
    if not text:
        return ""
    return f'<div class="essqa-status {service.state}" role="status">{escape_text(text)}</div>'


def build_page(service: Service) -> gr.Blocks:
    """The Gradio Blocks of the chat page (not launched)."""
    import gradio as gr

    from ..profiles import known_profiles

    texts = service.page_texts()
    active = {profile.name for profile, _ in service.active_profiles()}
    with gr.Blocks(title=texts.title, analytics_enabled=False) as page:
        title = gr.Markdown(title_markdown(texts.title), elem_id="essqa-title")
        status = gr.HTML(status_html(service), elem_id="essqa-status")
        with gr.Tabs(elem_id="essqa-tabs"):
            chat = build_chat_tab(service, texts)
            tabs = [(p.name, p.tab(service, p.name in active)) for p in known_profiles() if p.tab is not None]
        timer = gr.Timer(1.0, active=False)

        def refresh(*values) -> dict:
            """Status line, and the tabs' settings and contents once the index is there; the
            timer runs until then."""
            updates = {status: status_html(service)}
            if not service.ready:
                return {**updates, timer: gr.Timer(active=service.state in WAITING_STATES)}
            texts = service.page_texts()
            updates.update({title: title_markdown(texts.title), **chat.when_ready(texts), timer: gr.Timer(active=False)})
            now_active = {profile.name for profile, _ in service.active_profiles()}
            for name, tab in tabs:
                tab_values, values = values[: len(tab.ready_inputs)], values[len(tab.ready_inputs) :]
                updates[tab.tab] = gr.Tab(visible=name in now_active)
                if name in now_active:
                    updates.update(tab.when_ready(*tab_values))
            return updates

        inputs = [component for _, tab in tabs for component in tab.ready_inputs]
        outputs = [title, status, *chat.ready_outputs, timer] + [c for _, tab in tabs for c in (tab.tab, *tab.ready_outputs)]
        page.load(refresh, inputs, outputs, api_visibility="private")
        timer.tick(refresh, inputs, outputs, api_visibility="private")
        add_search_api(service)
    return page


def title_markdown(title: str) -> str:
    """The page's heading, its text escaped for Markdown."""
    return f"## {escape_text(title)}"


def add_search_api(service: Service) -> None:
    """The `/search` endpoint of the page being built, in the query concurrency group."""
    import gradio as gr

    def search(question: str, k: int = DEFAULT_K) -> list[dict]:
        """The k passages of the report that best match the question, best first: text, source, page,
        section, score (0-1), citation, chunk_id and cite (source, page, section). A call made while the
        index loads waits for it."""
        try:
            assistant = service.assistant(wait=API_READY_WAIT_SECONDS)
        except NotReady as exc:
            raise rejected(str(exc)) from None
        if isinstance(k, float) and k.is_integer():
            k = int(k)
        try:
            with service.gate.turn():
                passages = assistant.search(question, k=k)
        except (EmptyQuestion, ValueError, Busy) as exc:
            raise rejected(str(exc)) from None
        return [p.to_dict() for p in passages]

    gr.api(search, api_name="search", **QUERY_EVENTS)


def rejected(message: str) -> gr.Error:
    """The error a /search call gets for a request it refuses (an empty question, k=0, the index not
    ready): the caller reads the message; the server log gets one line, not a traceback."""
    import gradio as gr

    log.warning("/search refused: %s", message)
    return gr.Error(message, print_exception=False)
