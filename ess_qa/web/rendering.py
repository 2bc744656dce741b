"""Text as text, and the chat's reply as HTML: escaping, highlighting, passages, citations, answers.

Everything from the report or from a question is shown as text: it is HTML-escaped, and the
characters Markdown gives a meaning to are written as character references, so nothing in a
document can run or restyle the page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Iterable, Sequence
from urllib.parse import quote, urlencode

from ingest.french import variant_keys
from ingest.types import Citation

from ..retrieval import Filters
from ..types import Answer, does_not_answer


# Characters that mean something to HTML or Markdown (or to the chat's math renderer), written
# as numeric character references so the browser shows them and no parser acts on them.
_SPECIAL = "&<>\"'`*_[]()#|~$\\!{}+=:-"
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in _SPECIAL})


def escape_text(text: str) -> str:
    """Text ready to sit inside HTML that a Markdown renderer may also read: shown, never run."""
    return str(text).translate(_ESCAPES)


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)+")  # « 3.2.2 », « 2,58 »: one number, not its parts
_WORD_RE = re.compile(rf"{_NUMBER_RE.pattern}|\w+")


def question_words(question: str) -> list[frozenset[str]]:
    """The content words of a question, each as the keys its variants share (see variant_keys), its numbers of
    several parts whole (« 2,58 »), but a digit alone (« la NAF rév. 2 »), which would mark every 2 of a page."""
    try:
        numbers = [frozenset([match.group()]) for match in _NUMBER_RE.finditer(question or "")]
        found = variant_keys(_NUMBER_RE.sub(" ", question or ""))
        return [keys for keys in found if not all(len(key) == 1 and key.isdigit() for key in keys)] + numbers
    except Exception:  # highlighting is a nicety: never let it break a reply
        return []


@lru_cache(maxsize=50_000)
def _word_keys(word: str) -> frozenset[str]:
    """The variant keys of one word of a shown text (a number of several parts as it is); none for a function word."""
    return frozenset([word]) if _NUMBER_RE.fullmatch(word) else frozenset().union(*variant_keys(word))


def text_keys(text: str) -> frozenset[str]:
    """The variant keys of every word of a text."""
    return frozenset().union(*(_word_keys(match.group()) for match in _WORD_RE.finditer(text)))


def helpful_terms(question: str, texts: Sequence[str] = ()) -> frozenset[str]:
    """The keys worth marking in texts shown together: the question's content words but those every one of several texts holds."""
    found = question_words(question)
    if len(texts) > 1:
        held = [text_keys(text) for text in texts]
        found = [keys for keys in found if not all(keys & text for text in held)]
    return frozenset().union(*found)


def question_terms(question: str) -> frozenset[str]:
    """The keys of a question's content words, to mark in one text."""
    return helpful_terms(question)


def highlight(text: str, terms: frozenset[str]) -> str:
    """Escaped text with the words that are variants of a question's word wrapped in <mark>."""
    if not terms:
        return escape_text(text)
    out: list[str] = []
    last = 0
    for match in _WORD_RE.finditer(text):
        if not _word_keys(match.group()) & terms:
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


CITED_WORDS = 12  # the words of a cited text's start that its link gives, for the source page to mark where it is ...
MAX_CITED_WORDS = 400  # ... and how many words it holds, this many at most (the source page marks them)


def source_link(citation: Citation, question: str = "", cited: str = "") -> str:
    """Relative URL of the source-page view of a citation's page (works behind a proxy's path prefix); cited: the
    text cited (a passage, an extract), whose place the page marks and opens at."""
    return page_link(citation.source, citation.page, question, cited)


def page_link(source: str, page: int, question: str = "", cited: str = "") -> str:
    """Relative URL of the source-page view of a file's page."""
    query = {"file": source, "page": page}
    if question:
        query["q"] = question[:300]
    words = cited.strip(" …").split()
    opening = " ".join(words[:CITED_WORDS])
    if opening:
        query["at"] = opening
        query["n"] = min(len(words), MAX_CITED_WORDS)
    return "source?" + urlencode(query, quote_via=quote) + ("#cited" if opening else "")


def citations_html(citations: Iterable[Citation], question: str = "", cited: str = "") -> str:
    """A snippet's citations ('file · p. 55 · section'), each a link to its page (cited: the snippet), joined by ' ; '."""
    links = []
    for citation in citations:
        href = html.escape(source_link(citation, question, cited), quote=True)
        links.append(f'<a href="{href}" target="_blank" rel="noopener">{escape_text(citation.label)}</a>')
    return " ; ".join(links)


def note_html(text: str, kind: str = "info") -> str:
    """A short message in the chat (an empty question, an index being built...)."""
    return f'<div class="essqa-note essqa-{kind}">{escape_text(text)}</div>'


def filters_label(filters: Filters | None) -> str:
    """What the filters of a reply limit the search to ('filtres : section « … » · pages 10–20'), '' for none."""
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




NO_PASSAGE = (
    "Aucun passage ne correspond avec ces filtres : élargissez les pages ou choisissez une autre section. "
    "(No passage matches these filters.)"
)
def not_answered(several: bool = False) -> str:
    """What the page says when the documents do not answer: of one document or of several."""
    english = "documents do" if several else "document does"
    return f"{does_not_answer(several)} ; voici les passages les plus proches. (The {english} not seem to answer this question; closest passages below.)"


def answer_html(answer: Answer, filters: Filters | None = None, understood: str | None = None, several: bool = False) -> str:
    """One chat reply: notices, the short answer when there is one, then the ranked, cited passages.

    understood: the question as the assistant completed it (a follow-up such as « Et à Bordeaux ? »
    read with the question before), shown first so the reader knows what was searched. several: the index holds
    several documents (it says « les documents » do not answer).
    Written on a single line with no blank line, so a Markdown renderer takes it as one HTML
    block and leaves its content alone.
    """
    terms = helpful_terms(answer.question, [passage.text for passage in answer.passages])
    parts = ['<div class="essqa-answer">']
    if understood:
        parts.append(
            f'<div class="essqa-note essqa-understood">Question comprise (understood as) : '
            f"« {escape_text(understood)} »</div>"
        )
    if answer.notice:
        parts.append(note_html(f"Note : {answer.notice}", "warning"))
    if not answer.passages:
        parts.append(note_html(NO_PASSAGE, "warning"))
        parts.append("</div>")
        return "".join(parts)
    if answer.snippet:
        parts.append(snippet_html(answer, terms))
    elif not answer.found:
        parts.append(note_html(not_answered(several), "warning"))
    count = len(answer.passages)
    summary = f"{count} passage{'s' if count > 1 else ''} trouvé{'s' if count > 1 else ''}"
    label = filters_label(filters)
    if label:
        summary += f" — {label}"
    parts.append(f'<div class="essqa-summary">{escape_text(summary)}</div>')
    parts.append(passages_html(answer, terms))
    parts.append("</div>")
    return "".join(parts)


def snippet_html(answer: Answer, terms: frozenset[str]) -> str:
    """The short answer, with its citations linked to their pages (several for an answer from the
    metropolises' table)."""
    cite = citations_html(answer.snippet_cites, answer.question, answer.snippet or "")
    return (
        f'<div class="essqa-snippet"><div class="essqa-snippet-label">Réponse</div>'
        f"<p>{highlight(answer.snippet, terms)}</p>"
        + (f'<div class="essqa-snippet-cite">{cite}</div>' if cite else "")
        + "</div>"
    )


def passages_html(answer: Answer, terms: frozenset[str]) -> str:
    """The ranked passages of an answer, each with its citation linked to the source page; its score is the rank's
    tooltip, not shown: users read it as the document's confidence (a refusal above a passage scored 0.95) and the
    answer's passage, listed first whatever its score, as out of order."""
    parts = ['<ol class="essqa-passages">']
    for rank, passage in enumerate(answer.passages, start=1):
        cite = passage.cite
        href = html.escape(source_link(cite, answer.question, passage.text), quote=True)
        parts.append(
            f'<li class="essqa-passage">'
            f'<div class="essqa-head"><span class="essqa-rank" title="pertinence {passage.score:.2f}">{rank}</span>'
            f'<a class="essqa-cite" href="{href}" target="_blank" rel="noopener" '
            f'title="Voir la page source / open the source page">{escape_text(cite.label)}</a>'
            + (f'<span class="essqa-document">{escape_text(cite.document)}</span>' if cite.document else "")
            + (f'<span class="essqa-answer-source">source de la réponse</span>' if rank == 1 and answer.answer_first() else "")
            + "</div>"
            f'<div class="essqa-text">{passage_html(passage.text, terms)}</div></li>'
        )
    parts.append("</ol>")
    return "".join(parts)
