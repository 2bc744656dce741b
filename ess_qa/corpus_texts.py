"""What the page shows for a corpus: an active profile's texts, else its own title and example
questions made from its headings (found when the corpus is indexed, stored as an attachment)."""

from __future__ import annotations

import re
from typing import Callable

from ingest.contents import NUMBERING_RE
from ingest.french import STOP_WORDS
from ingest.structure import is_contents_title
from ingest.types import SECTION_SEPARATOR, Chunk, Page

from .profiles import PageTexts, Profile
from .shortening import shorten

CORPUS_ATTACHMENT = "corpus"  # {"title": ..., "subjects": [...], "documents": n, "titles": [...] for several}
EXAMPLES_ATTACHMENT = "examples"  # {"questions": [...]}: the example questions the corpus answers (answered_examples)
TITLE_MAX_CHARS = 90
EXAMPLES_SHOWN = 4
EXAMPLE_CANDIDATES = 12  # subjects kept, of which the example questions shown are those the corpus answers
EXAMPLE_HEADING_MAX_CHARS = 60  # a longer heading reads as a sentence, not a subject
TITLES_LISTED = 4  # documents named in the page's intro, the others said by « … »


def corpus_title(pages: list[Page], chunks: list[Chunk], metadata_title: str = "") -> str:
    """The corpus's title: its first document's title from the file's metadata, else its first heading,
    else the first line of its first page."""
    if metadata_title:
        return shorten(metadata_title, TITLE_MAX_CHARS)
    if chunks and chunks[0].section:
        return shorten(chunks[0].section.split(SECTION_SEPARATOR)[0], TITLE_MAX_CHARS)
    lines = [line.strip() for page in pages for line in page.text.splitlines()]
    # a stray mark or a letter alone (« ‘ », a drop cap) titles nothing
    return shorten(first_title_lines([line for line in lines if sum(c.isalpha() for c in line) >= 3]), TITLE_MAX_CHARS)


def first_title_lines(lines: list[str]) -> str:
    """The first line, with the next ones that go on with it: after a line that ends with a function word
    ('Raccordement des copropriétés aux' / 'réseaux de chaleur'), or a line that starts in lower case."""
    if not lines:
        return ""
    title = lines[0]
    for line in lines[1:]:
        last_word = title.split()[-1].lower() if title.split() else ""
        if last_word not in STOP_WORDS and not line[:1].islower():
            break
        title = f"{title} {line}"
    return title


# a heading's code of letters or roman numbers before its title: « B.3.23 Classe d'objets … », « A. Transport »,
# « II- Les actions » (a code's punctuation required: « A propos » keeps its « A »)
_OUTLINE_CODE_RE = re.compile(r"^(?:[A-Z]|[IVXL]{1,4})(?:[.)\-–]\d{0,2})+\s+")


def example_subjects(sections: list[str], title: str, count: int = EXAMPLES_SHOWN) -> list[str]:
    """Up to count top-level headings without their numbering nor a closing colon, spread over the corpus, the
    title and a table of contents' own heading left out, and what opens in lower case once its number is gone: no
    heading but a badge's or a figure's words (« 5 minutes » read « minutes ») or a web address (« www.ademe.fr »)."""
    parts = [_OUTLINE_CODE_RE.sub("", NUMBERING_RE.sub("", section.split(SECTION_SEPARATOR)[0])).rstrip(" :") for section in sections]
    subjects = [
        p
        for p in dict.fromkeys(parts)
        if p != title and len(p) <= EXAMPLE_HEADING_MAX_CHARS and sum(c.isalpha() for c in p) >= 4 and not is_contents_title(p) and not p[:1].islower()
    ]
    return spread(subjects, count)


def spread(items: list, count: int) -> list:
    """Up to count of the items, taken evenly from first to last."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def example_questions(corpus: dict | None) -> list[str]:
    """The example question of each subject of a corpus's description (describe_corpus)."""
    corpus = corpus or {}
    several = corpus.get("documents", 1) > 1
    return [f"Que {'disent' if several else 'dit'} {'les documents' if several else 'le document'} sur « {s} » ?" for s in corpus.get("subjects", [])]


def answered_examples(corpus: dict | None, answered: Callable[[list[str]], list[bool]]) -> dict:
    """The example questions the corpus answers (answered: whether each is, as the assistant answers it with the
    corpus's settings), up to EXAMPLES_SHOWN spread over them: a page's example that gets « the document does not
    say » shows nothing of it. Kept as the EXAMPLES_ATTACHMENT when the corpus is indexed."""
    questions = example_questions(corpus)
    kept = [question for question, found in zip(questions, answered(questions) if questions else []) if found]
    return {"questions": spread(kept, EXAMPLES_SHOWN)}


def describe_corpus(pages: list[Page], chunks: list[Chunk], metadata_title: str = "", titles: list[str] | None = None) -> dict:
    """What the page needs of a corpus, found when it is indexed: its title (its first document's), example subjects,
    its number of documents and, for several, each one's title (titles: from their metadata or covers, '' for none:
    the file's name)."""
    title = corpus_title(pages, chunks, metadata_title)
    sections = [chunk.section for chunk in chunks if chunk.section]
    sources = list(dict.fromkeys(page.source for page in pages))
    described = {"title": title, "subjects": example_subjects(sections, title, EXAMPLE_CANDIDATES), "documents": len(sources)}
    if len(sources) > 1:
        named = titles if titles is not None and len(titles) == len(sources) else [""] * len(sources)
        described["titles"] = [shorten(t, TITLE_MAX_CHARS) if t else source for t, source in zip(named, sources)]
    return described


def page_texts_for(profiles: list[tuple[Profile, object]], corpus: dict | None, examples: dict | None = None) -> PageTexts:
    """The first active profile's texts, else texts made from the corpus's description (describe_corpus) and the
    example questions it answers (answered_examples; for an index built before they were kept, its first subjects')."""
    for profile, _ in profiles:
        if profile.page is not None:
            return profile.page
    corpus = corpus or {}
    count = corpus.get("documents", 1)
    kept = examples.get("questions") if isinstance(examples, dict) else None
    shown = tuple(kept if isinstance(kept, list) else spread(example_questions(corpus), EXAMPLES_SHOWN))
    how = (
        ", en français ou en anglais : chaque réponse cite ses passages (fichier, page, section). Cliquez sur une citation "
        "pour ouvrir la page source. *Ask in French or English; click a citation to open the source page.*"
    )
    if count > 1:  # no one document's title names them all
        titles = [t for t in corpus.get("titles", []) if isinstance(t, str)]
        listed = ""
        if titles:
            listed = " : " + ", ".join(f"« {t} »" for t in titles[:TITLES_LISTED]) + (" …" if len(titles) > TITLES_LISTED else "")
        return PageTexts(f"Vos {count} documents — interroger les documents", f"Posez une question sur les {count} documents indexés{listed}{how}", shown)
    title = corpus.get("title") or "vos documents"
    return PageTexts(f"{title} — interroger le document", f"Posez une question sur « {title} »{how}", shown)
