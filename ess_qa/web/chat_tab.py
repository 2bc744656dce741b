"""The « Questions » tab: the chat, its examples, and the filter settings that apply to the next
question; and the reply to a question (`reply`), which never raises for what a visitor types."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..config import DEFAULT_K
from ..questions import EmptyQuestion, prepare_question
from ..retrieval import Filters
from .rendering import answer_html, escape_text, note_html
from ..profiles import PageTexts
from .service import QUERY_EVENTS, WHOLE_REPORT, WHOLE_REPORT_CHOICE, Busy, NotReady, Service, log

MAX_K_UI = 20  # the most passages the settings' slider offers
EXAMPLES_PER_PAGE = 10

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
    """A page number from a Number control: None for a blank, 0 or anything not a number."""
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
        return Reply(note_html("Tapez une question sur les documents, ou cliquez sur un exemple. (Type a question about the documents.)"), False)
    try:
        assistant = service.assistant()
    except NotReady as exc:
        return Reply(note_html(str(exc), "warning"), False)
    try:
        typed = prepare_question(question).text
        with service.gate.turn():
            answer = assistant.ask(question, k=int(k or DEFAULT_K), filters=filters, previous=previous or None)
    except Busy as exc:
        return Reply(note_html(f"Le serveur est très sollicité : réessayez dans un instant. ({exc})", "warning"), False)
    except EmptyQuestion:
        return Reply(note_html("La question ne contient aucun mot à chercher : tapez une question sur les documents. (Type a question with words in it.)"), False)
    except Exception:
        log.error("search failed for %r:\n%s", question[:200], traceback.format_exc())
        return Reply(note_html("La recherche a échoué : le détail est dans le journal du serveur. (The search failed; see the server log.)", "warning"), False)
    follow_up = answer.question != typed
    understood = answer.question if follow_up else None
    return Reply(answer_html(answer, filters, understood=understood, several=assistant.several), True, answer.question, follow_up)



# until the index is loaded, the settings offer no choice: `ChatTab.when_ready` puts the index's in
NO_CONTROLS = {"sections": [], "page_max": None, "sources": []}


@dataclass
class ChatTab:
    """The tab's components and its event handlers; each handler returns the components it updates."""

    service: Service
    intro: Any
    chatbot: Any
    question: Any
    ask: Any
    examples: Any
    clear: Any
    k: Any
    section: Any
    page_from: Any
    page_to: Any
    sources: Any
    reset: Any
    topic: Any  # gr.State: the last question that was not a follow-up (see respond)

    def last_page(self) -> int | None:
        """The index's last page, None until it is loaded."""
        return self.service.controls()["page_max"] if self.service.ready else None

    def respond(self, question: Any, history: Any, topic: str, k: Any, section: str, page_from: Any, page_to: Any, sources: Any) -> dict:
        """A question typed in the chat. `topic` is the conversation's last question that was not a
        follow-up: it completes the next follow-up (« Et à Bordeaux ? »), and follow-ups of follow-ups."""
        history = list(history or [])
        text = question if isinstance(question, str) else ""
        filters = make_filters(section, page_from, page_to, sources, last_page=self.last_page())
        answer = reply(self.service, text, k, filters, previous=topic)
        if text.strip():
            history.append({"role": "user", "content": escape_text(" ".join(text.split()))})
        history.append({"role": "assistant", "content": answer.html})
        if answer.answered and not answer.follow_up:
            topic = answer.question
        # keep the question in the box when it could not be answered yet (index being built)
        keep = text if (text.strip() and not answer.answered and not self.service.ready) else ""
        return {self.chatbot: history, self.question: keep, self.topic: topic}

    def ask_example(self, sample: Any, history: Any, topic: str, k: Any, section: str, page_from: Any, page_to: Any, sources: Any) -> dict:
        """An example clicked: asked as if typed, and the question box left empty."""
        question = sample[0] if isinstance(sample, (list, tuple)) and sample else str(sample or "")
        return {**self.respond(question, history, topic, k, section, page_from, page_to, sources), self.question: ""}

    def clear_conversation(self) -> dict:
        """An empty chat, question box and topic."""
        return {self.chatbot: [], self.question: "", self.topic: ""}

    def reset_filters(self) -> dict:
        """The settings back to the whole corpus."""
        return {self.section: WHOLE_REPORT, self.page_from: 1, self.page_to: self.last_page(), self.sources: []}

    @property
    def filters(self) -> list:
        """The filter settings: section, first and last page, files."""
        return [self.section, self.page_from, self.page_to, self.sources]

    @property
    def ready_outputs(self) -> list:
        """What `when_ready` fills in: the intro, the examples, and the settings with the index's
        choices (the first page stays 1)."""
        return [self.intro, self.examples, *self.filters]

    def when_ready(self, texts: PageTexts) -> dict:
        """The corpus's intro and examples, and its sections, last page and files in the settings, once it is loaded."""
        import gradio as gr

        controls = self.service.controls()
        many = len(controls["sources"]) > 1
        return {
            self.intro: texts.intro,
            self.examples: gr.update(samples=[[q] for q in texts.examples], visible=bool(texts.examples)),
            self.section: gr.update(choices=controls["sections"]),
            self.page_to: gr.update(value=controls["page_max"]),
            self.sources: gr.update(choices=controls["sources"], visible=many),
        }

    def connect(self) -> None:
        """The tab's events: a question typed or an example clicked (queries, in the query group),
        clearing the conversation, resetting the filters."""
        settings = [self.k, *self.filters]
        conversation = [self.chatbot, self.question, self.topic]
        query = {**QUERY_EVENTS, "api_visibility": "private"}
        for asked in (
            self.question.submit(self.respond, [self.question, self.chatbot, self.topic, *settings], conversation, **query),
            self.ask.click(self.respond, [self.question, self.chatbot, self.topic, *settings], conversation, **query),
            self.examples.click(self.ask_example, [self.examples, self.chatbot, self.topic, *settings], conversation, **query),
        ):
            asked.then(None, None, None, js=SHOW_REPLY_JS, api_visibility="private")
        self.clear.click(self.clear_conversation, None, conversation, api_visibility="private")
        self.reset.click(self.reset_filters, None, self.filters, api_visibility="private")


# After a reply, the conversation shows the question and the reply's start (its answer), not the reply's end (its last
# passage): the question is scrolled to the top of the conversation once the reply is drawn (the chat's own scrolling
# to the bottom is off).
SHOW_REPLY_JS = """() => { setTimeout(() => {
  const asked = document.querySelectorAll('#essqa-chat .message-row.user-row, #essqa-chat .user');
  const replies = document.querySelectorAll('#essqa-chat .message-row.bot-row, #essqa-chat .bot');
  const shown = asked.length ? asked[asked.length - 1] : replies[replies.length - 1];
  if (shown) shown.scrollIntoView({block: 'start'});
}, 50); }"""


def build_chat_tab(service: Service, texts: PageTexts) -> ChatTab:
    """The tab, inside the page's gr.Tabs, with its events connected (texts: the corpus's intro and examples)."""
    import gradio as gr

    with gr.Tab("Questions", id="chat", elem_id="essqa-chat-tab"):
        intro = gr.Markdown(texts.intro, elem_id="essqa-intro")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                conversation = _conversation_column(texts.examples)
            with gr.Column(scale=1, min_width=260):
                settings = _settings_column(service.controls() if service.ready else NO_CONTROLS)
        topic = gr.State("")
    tab = ChatTab(service, intro, **conversation, **settings, topic=topic)
    tab.connect()
    return tab


def _conversation_column(example_questions: tuple[str, ...]) -> dict[str, Any]:
    """The chat, the question box, the examples and the clear button, by name."""
    import gradio as gr

    chatbot = gr.Chatbot(
        label="Conversation",
        show_label=False,  # its label floats over the conversation's first line (« RÉPONSE ») when scrolled
        elem_id="essqa-chat",
        height=560,
        latex_delimiters=[],
        feedback_options=None,
        buttons=[],  # a copy button would copy the reply's HTML, not its text
        autoscroll=False,  # a reply is shown from its start (SHOW_REPLY_JS)
        placeholder="Les réponses citent les documents : fichier, page, section.",
    )
    with gr.Row():
        question = gr.Textbox(
            placeholder="Votre question… (your question)",
            label="Votre question",  # not shown: what a screen reader says of the box (Gradio's default was « Textbox »)
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
        samples=[[q] for q in example_questions],
        elem_id="essqa-examples",
        samples_per_page=EXAMPLES_PER_PAGE,
        visible=bool(example_questions),
    )
    clear = gr.Button("Effacer la conversation (clear)", size="sm", variant="secondary")
    return {"chatbot": chatbot, "question": question, "ask": ask, "examples": examples, "clear": clear}


def _settings_column(initial: dict) -> dict[str, Any]:
    """The settings (passages, section, pages, files) and the reset button, by name."""
    import gradio as gr

    gr.Markdown("### Réglages (settings)")
    k = gr.Slider(1, MAX_K_UI, value=DEFAULT_K, step=1, label="Nombre de passages (passages)", elem_id="essqa-k")
    section = gr.Dropdown(
        choices=initial["sections"] or [WHOLE_REPORT_CHOICE],
        value=WHOLE_REPORT,
        label="Section",
        info="Limiter la recherche à une partie des documents (section) ; tapez des mots pour filtrer la liste",
        elem_id="essqa-section",
    )
    # Numbers without bounds: a bound changed when the index arrives would make Gradio
    # reject a value sent a moment before (0 or blank means no limit)
    with gr.Row():
        page_from = gr.Number(1, label="De la page (from)", precision=0, min_width=100, elem_id="essqa-page-from")
        page_to = gr.Number(initial["page_max"], label="à la page (to)", precision=0, min_width=100, elem_id="essqa-page-to")
    sources = gr.CheckboxGroup(label="Fichiers (files)", choices=initial["sources"], visible=len(initial["sources"]) > 1)
    reset = gr.Button("Retirer les filtres (reset)", size="sm", variant="secondary")
    gr.Markdown(
        "Les réglages s'appliquent à la question suivante. Une question qui en prolonge une autre "
        "(« Et en 2020 ? ») est complétée par la précédente. Cliquez sur une citation pour lire la "
        "page du document. L'API JSON : `/api/ask?q=…` (la réponse) et `/api/search?q=…&k=5` (les passages) ; "
        "l'API Gradio `/search` est décrite sous « Use via API » en bas de page."
    )
    return {"k": k, "section": section, "page_from": page_from, "page_to": page_to, "sources": sources, "reset": reset}
