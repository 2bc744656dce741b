"""The assistant: load an index, search it, answer questions one at a time or in batches."""

from __future__ import annotations

import copy
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from index.store import DEFAULT_MODEL, DOCUMENT_DETAILS, IndexProblem, NewDocument, Store, index_exists, is_database, open_store, open_writer, redact, sha256_file
from ingest.chunking import ChunkingParams, chunk_pages, joined_text
from ingest.french import match_key
from ingest.loaders import Skip, document_metadata, load_pages, textless_pages

from .acronyms import ATTACHMENT as ACRONYMS, Acronyms, corpus_acronyms
from .place_names import ATTACHMENT as NAMES, CAPITALISED_ATTACHMENT as CAPITALISED, PROPER_ATTACHMENT as PROPER_NAMES, PlaceNames
from .place_names import corpus_capitalised_names, corpus_names, corpus_proper_names, count_names
from .initials import ATTACHMENT as INITIALS, corpus_initials, names_by_initials
from .answering import announced_list, AnswerSettings, Judgement, closing_lead_in_items, continued, judge, opening_names, title_words
from .calibration import ATTACHMENT as CALIBRATION, calibrate, calibrated_settings
from .config import BUNDLED_CORPUS, DEFAULT_K, MAX_K, default_index_dir, resolve_index_dir, resolve_store
from .evidence import QuestionProfile, profile
from .corpus_texts import CORPUS_ATTACHMENT, EXAMPLES_ATTACHMENT, answered_examples, describe_corpus, page_texts_for
from .profiles import PROFILES_ATTACHMENT, PageTexts, active_profiles, find_profiles, heading_rules
from .questions import PreparedQuestion, complete_follow_up, prepare_question, question_content
from .retrieval import Filters, FusionWeights, Hit, filters_problem, join_neighbours, rank_chunks
from .spelling import read_question
from .types import Answer, Passage

@dataclass(frozen=True)
class BuildReport:
    """What an indexing run did."""

    index_dir: str
    files: list[str]
    skipped: list[Skip]
    pages: int
    chunks: int
    model: str
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)
    # what was taken from the index already there (see index.build.build_index): file names
    reused_files: list[str] = field(default_factory=list)
    added_files: list[str] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    embedded: dict = field(default_factory=dict)  # counts of embedded chunks, units and words
    textless: dict = field(default_factory=dict)  # file name -> its pages without text to search (images, blank pages)

    def reuse_summary(self) -> str:
        """'reused 20 files, embedded 1 new file' (what an incremental build did), or '' for a full build."""
        if not (self.reused_files or self.changed_files or self.removed_files):
            return ""
        def files(n: int, what: str = "") -> str:
            return f"{n} {what}{' ' if what else ''}file{'s' if n != 1 else ''}"
        parts = [f"reused {files(len(self.reused_files))}"]
        embedded = [files(len(self.added_files), "new")] if self.added_files else []
        embedded += [files(len(self.changed_files), "changed")] if self.changed_files else []
        parts.append("embedded " + " and ".join(embedded) if embedded else "embedded nothing new")
        if self.removed_files:
            parts.append(f"dropped {files(len(self.removed_files), 'removed')}")
        return ", ".join(parts)


class NothingToIndex(RuntimeError):
    """No file of the corpus could be indexed; `skipped` says why, file by file."""

    def __init__(self, message: str, skipped: list[Skip]) -> None:
        super().__init__(message)
        self.skipped = skipped


class FilesSkipped(RuntimeError):
    """Some files could not be read and the build was strict: nothing was written."""

    def __init__(self, message: str, skipped: list[Skip]) -> None:
        super().__init__(message)
        self.skipped = skipped


def build(
    corpus: str | Path = BUNDLED_CORPUS,
    index_dir: str | Path | None = None,
    model: str = DEFAULT_MODEL,
    params: ChunkingParams | None = None,
    progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
    reuse: bool = True,
    exact_limit: int | None = None,
    store: str | None = None,
    collection: str = "",
) -> BuildReport:
    """Read, chunk, embed and index a corpus (a file or a folder); replaces the index atomically.

    strict: raise FilesSkipped, before writing anything, when any file cannot be read.
    reuse: take the vectors of unchanged files from the index already at index_dir (False: embed all).
    exact_limit: the most chunks searched exactly; beyond, an approximate (HNSW) index.
    store: a PostgreSQL URL (default $ESS_QA_STORE) to write instead of the index folder, into
    `collection` (default "default"), which then holds exactly this corpus's documents."""
    import time

    start = time.perf_counter()
    params = params or ChunkingParams()
    corpus = Path(corpus)
    loaded = load_pages(corpus)
    if not loaded.files:
        raise NothingToIndex(f"nothing to index in {corpus}: no file could be read", loaded.skipped)
    if strict and loaded.skipped:
        raise FilesSkipped(f"{len(loaded.skipped)} file(s) of {corpus} cannot be indexed", loaded.skipped)
    found = find_profiles(loaded.pages)  # the document families recognised, with their data
    chunks = chunk_pages(loaded.pages, params, heading_rules(found[PROFILES_ATTACHMENT]))
    if not chunks:  # what its pages hold is no passage: a page number, running lines
        raise NothingToIndex(f"nothing to index in {corpus}: its files hold no passage to search", loaded.skipped)
    root = corpus if corpus.is_dir() else corpus.parent
    sources = {name: sha256_file(root / name) for name in loaded.files}
    location = resolve_store(store) or str(resolve_index_dir(index_dir))
    documents = [_document(root, name, sources[name], chunks, loaded.pages, keep_file=is_database(location)) for name in loaded.files]
    name_counts = count_names(chunks)  # its words counted once for the three attachments of its names
    by_initials = names_by_initials(chunks)  # its names counted by initials once, for its acronyms and its initials
    # the corpus's title: the first document's, from its metadata
    attachments = {
        **found,
        CORPUS_ATTACHMENT: describe_corpus(loaded.pages, chunks, documents[0].title, [d.title for d in documents]),
        DOCUMENT_DETAILS: {d.name: {"title": d.title, "date": d.date} for d in documents},
        ACRONYMS: corpus_acronyms(chunks, by_initials),
        NAMES: corpus_names(name_counts),
        PROPER_NAMES: corpus_proper_names(name_counts),
        CAPITALISED: corpus_capitalised_names(name_counts),
        INITIALS: corpus_initials(chunks, by_initials),
    }
    writer = open_writer(
        location, model, params.as_dict(), collection=collection, corpus=corpus, exact_limit=exact_limit, reuse=reuse, derived=derived_attachments
    )
    manifest = writer.sync_documents(documents, attachments, progress)
    return BuildReport(
        index_dir=redact(location),
        files=loaded.files,
        skipped=loaded.skipped,
        pages=len(loaded.pages),
        chunks=len(chunks),
        model=manifest.model,
        seconds=time.perf_counter() - start,
        reused_files=manifest.build.get("reused_files", []),
        added_files=manifest.build.get("added_files", []),
        changed_files=manifest.build.get("changed_files", []),
        removed_files=manifest.build.get("removed_files", []),
        embedded=manifest.build.get("embedded", {}),
        textless=textless_pages(loaded.pages),
    )


def _document(root: Path, name: str, sha256: str, chunks: list, pages: list, keep_file: bool) -> NewDocument:
    """One file of a corpus as a store writes it (with its pages and bytes for a database store)."""
    title, date = document_metadata(root / name)
    return NewDocument(
        name,
        sha256,
        tuple(c for c in chunks if c.source == name),
        title,
        tuple(p for p in pages if p.source == name) if keep_file else (),
        (root / name).read_bytes() if keep_file else None,
        date,
    )


def derived_attachments(store: Store) -> dict[str, object]:
    """What is computed from the index just written, as attachments of it: the refusal thresholds calibrated on its
    corpus (ess_qa.calibration), then the page's example questions that the corpus answers with them."""
    calibration = calibrate(store, Assistant(store).judgements)
    assistant = Assistant(store, answer_settings=AnswerSettings(**calibration["settings"]))
    examples = answered_examples(store.attachment(CORPUS_ATTACHMENT), lambda questions: [a.found for a in assistant.batch(questions)])
    return {CALIBRATION: calibration, EXAMPLES_ATTACHMENT: examples}


@dataclass(frozen=True)
class CorpusView:
    """What an Assistant reads of its store's corpus before answering, as of one generation of the store."""

    generation: int
    answer_settings: AnswerSettings  # when the document answers: calibrated for the corpus unless given
    profiles: list  # (profile, its data), recorded when the corpus was indexed
    answerers: list  # the profiles' answerers, tried before the general answer
    acronyms: Acronyms  # spelled out by the corpus, found when it was indexed
    titled: frozenset[str]  # names a document's title gives, and those its opening names (« Commune de Charrat »)
    several: bool  # « les documents ne semblent pas répondre », not « le document »
    place_names: PlaceNames  # written by the corpus, and what its profiles are about, typed in lower case too
    document_details: dict[str, tuple[str, str]]  # each document's (title, date), by name, for its citations


def corpus_view(store: Store, answer_settings: AnswerSettings | None = None) -> CorpusView:
    """What an Assistant reads of the store's corpus now (answer_settings: those to use, else the calibrated ones)."""
    generation = store.generation()  # read first: a write meanwhile makes the view out of date, and read again
    profiles = active_profiles(store.attachment)
    documents = store.documents()
    profile_names = [name for found, data in profiles if found.names is not None for name in found.names(data)]
    return CorpusView(
        generation=generation,
        answer_settings=answer_settings or calibrated_settings(store),
        profiles=profiles,
        answerers=[answerer for found, data in profiles for answerer in found.answerers(store, data)],
        acronyms=Acronyms.of(store),
        titled=title_words(document.title for document in documents) | opening_names(store, documents),
        several=len(documents) > 1,
        place_names=PlaceNames.of(store).with_names(profile_names),
        document_details={document.name: (document.title, document.date) for document in documents},
    )


class Assistant:
    """Answers questions about the indexed report(s) with cited passages."""

    def __init__(self, store: Store, weights: FusionWeights | None = None, answer_settings: AnswerSettings | None = None) -> None:
        """answer_settings: when the document answers; by default those calibrated for the index's corpus."""
        self.store = store
        self.weights = weights or FusionWeights()
        self._given_settings = answer_settings
        self._view = corpus_view(store, answer_settings)
        self._view_lock = threading.Lock()

    def view(self) -> CorpusView:
        """What is read of the corpus, read again when the store was written since (a shared database that another
        process indexes into: its new documents' names, acronyms and calibration count from then on)."""
        if self.store.generation() != self._view.generation:
            with self._view_lock:
                if self.store.generation() != self._view.generation:
                    self._view = corpus_view(self.store, self._given_settings)
        return self._view

    # what the view holds that callers ask the assistant for, read through view(): up to date after a write
    @property
    def answer_settings(self) -> AnswerSettings:
        return self.view().answer_settings

    @property
    def profiles(self) -> list:
        return self.view().profiles

    @property
    def answerers(self) -> list:
        return self.view().answerers

    @property
    def acronyms(self) -> Acronyms:
        return self.view().acronyms

    @property
    def several(self) -> bool:
        return self.view().several

    @classmethod
    def load(cls, index_dir: str | Path | None = None, store: str | None = None, collections: Sequence[str] = ()) -> "Assistant":
        """Load an index (default: $ESS_QA_INDEX_DIR or the project's); builds the bundled report's on first use.

        store: a PostgreSQL URL (default $ESS_QA_STORE) instead of an index folder, searched in some
        collections (default all)."""
        database = resolve_store(store)
        if database:
            return cls(open_store(database, collections))
        directory = resolve_index_dir(index_dir)
        if index_dir is None and directory == default_index_dir() and not index_exists(directory):
            print(f"ess-qa: no index yet, indexing the bundled report into {directory} ...", file=sys.stderr)
            build(BUNDLED_CORPUS, directory)
        return cls(open_store(str(directory)))

    @property
    def sources(self) -> list[str]:
        return [document.name for document in self.store.documents()]

    def metropoles(self) -> list[dict]:
        """The metropolises' fact sheets as records (profile `metropoles`); [] when the corpus has none."""
        return copy.deepcopy(self.profile_data("metropoles") or [])

    def profile_data(self, name: str):
        """The data of an active profile (see ess_qa.profiles), None when that profile is not active."""
        return next((data for found, data in self.profiles if found.name == name), None)

    def page_texts(self) -> PageTexts:
        """The page's title, intro and example questions: an active profile's, else made from the corpus."""
        return page_texts_for(self.profiles, self.store.attachment(CORPUS_ATTACHMENT), self.store.attachment(EXAMPLES_ATTACHMENT))

    def overview(self) -> dict:
        """What the index holds, for pages that describe it (a fresh dict each call, read-only use):
        index_dir; corpus, the file or folder it was built from (absolute, "" for an index that did
        not record it); sources, file name -> sha256 at indexing time; pages, file name -> last page
        with text; sections, the distinct section paths in reading order (by file, then page)."""
        documents = self.store.documents()
        return {
            "index_dir": self.store.location,
            "corpus": self.store.corpus,
            "sources": {document.name: document.sha256 for document in documents},
            "pages": {document.name: document.last_page for document in documents if document.last_page},
            "sections": list(dict.fromkeys(section for document in documents for section in document.sections)),
        }

    def filters_problem(self, filters: Filters | None) -> str:
        """Why filters leave nothing of the index to search (a file it does not hold, pages past the last, a section
        none has), '' when they leave something: ask() then finds no passage."""
        return filters_problem(self.store.documents(), filters)

    def search(self, question: str, k: int = DEFAULT_K, filters: Filters | None = None) -> list[Passage]:
        """The k passages that best match the question, best first."""
        view = self.view()
        return self._retrieve(view, [question_content(self._read(view, question).text)], k, filters)[0][0]

    def ask(self, question: str, k: int = DEFAULT_K, filters: Filters | None = None, previous: str | None = None) -> Answer:
        """An Answer: a short cited extract when the report answers, and the passages it comes from.

        previous: the question asked just before, which completes a follow-up such as "Et à Bordeaux ?"."""
        if previous:
            question = complete_follow_up(prepare_question(question).text, prepare_question(previous).text)
        return self.batch([question], k, filters)[0]

    def batch(self, questions: Iterable[str], k: int = DEFAULT_K, filters: Filters | None = None) -> list[Answer]:
        """Answers for many questions; questions are embedded together, faster than a loop of ask."""
        k = _check_k(k)
        view = self.view()  # one reading of the corpus for the whole batch
        prepared = [self._read(view, q) for q in questions]
        texts = [question_content(p.text) for p in prepared]
        # the answer is looked for among as many passages whatever k (« --k 1 » shows one passage, not a worse
        # answer); then the first k are shown, the answer's first
        retrieved, profiles = self._retrieve_profiled(view, texts, max(k, DEFAULT_K), filters)
        answered = zip(prepared, texts, retrieved, profiles)
        return [self._answer(view, prep, text, passages, hits, asked, k) for prep, text, (passages, hits), asked in answered]

    def judgements(self, questions: list[str], k: int = DEFAULT_K) -> list[Judgement]:
        """How well the passages found answer each question (see ess_qa.answering.judge), whatever the thresholds."""
        view = self.view()
        texts = [question_content(self._read(view, q).text) for q in questions]
        retrieved, profiles = self._retrieve_profiled(view, texts, k, None)
        return [judge(self.store, text, passages, hits, asked, view.acronyms, view.titled) for text, (passages, hits), asked in zip(texts, retrieved, profiles)]

    def _retrieve_profiled(self, view: CorpusView, texts: list[str], k: int, filters: Filters | None) -> tuple[list, list[QuestionProfile]]:
        """Passages and hits of question contents, embedded together, with their profiles (made once, for retrieval and snippets)."""
        _check_k(k)
        vectors = self.store.encode_queries(texts)
        profiles = [profile(self.store, text, vector, view.acronyms, view.titled) for text, vector in zip(texts, vectors)]
        return self._retrieve(view, texts, k, filters, vectors, profiles), profiles

    def _read(self, view: CorpusView, question: str) -> PreparedQuestion:
        """A question made safe to search (prepare_question), then read with the corpus's words (apostrophes, typos)."""
        return read_question(self.store, prepare_question(question), view.place_names, view.acronyms)

    def _answer(self, view: CorpusView, prepared: PreparedQuestion, text: str, passages: list[Passage], hits: list[Hit], asked: QuestionProfile, k: int) -> Answer:
        """The answer to a prepared question, from what its content (text: see question_content) retrieved, with
        the first k passages."""
        for answerer in view.answerers:  # a profile's answers first
            reply = answerer.reply(text, passages, hits)
            if reply is not None:
                return Answer(prepared.text, passages[:k], snippet=reply.text, snippet_cites=reply.cites, found=True, notice=prepared.notice)
        snippet = judge(self.store, text, passages, hits, asked, view.acronyms, view.titled).answer(view.answer_settings)
        found = snippet is not None
        if found:  # a short line is shown with what follows it; its passage comes first, then the others by score
            snippet = closing_lead_in_items(self.store, asked, announced_list(self.store, asked, continued(self.store, snippet)))
            passages = [snippet.passage] + [p for p in passages if p.chunk_id != snippet.passage.chunk_id]
        return Answer(
            question=prepared.text,
            passages=passages[:k],
            snippet=snippet.text if snippet else None,
            snippet_cites=(snippet.passage.cite,) if snippet else (),
            found=found,
            notice=prepared.notice,
        )

    def _retrieve(
        self,
        view: CorpusView,
        questions: list[str],
        k: int,
        filters: Filters | None,
        query_vectors: np.ndarray | None = None,
        profiles: list[QuestionProfile] | None = None,
    ) -> list[tuple[list[Passage], list[Hit]]]:
        """Passages (and the hits behind them) for questions already through prepare_question."""
        k = _check_k(k)
        ranked = rank_chunks(self.store, questions, k, filters, self.weights, query_vectors, profiles, view.acronyms)
        return [self._passages(view, self._profile_first(view, question, hits, filters), k) for question, hits in zip(questions, ranked)]

    def _profile_first(self, view: CorpusView, question: str, hits: list[Hit], filters: Filters | None) -> list[Hit]:
        """Hits with first the chunk a profile's answerer puts first for the question (one line of a fact sheet)."""
        position = next((p for p in (a.first_position(question) for a in view.answerers) if p is not None), None)
        if position is None or not self.store.allows(position, filters):
            return hits
        found = next((h for h in hits if h.position == position), None)
        if found is None:
            best = hits[0] if hits else None
            found = Hit(position, best.score if best else 1.0, best.cosine if best else 0.0)
        return [found] + [h for h in hits if h.position != position]

    def _passages(self, view: CorpusView, hits: list[Hit], k: int) -> tuple[list[Passage], list[Hit]]:
        """The first k passages of the hits, each with its hit: a chunk whose text an earlier one has is left
        out, and two neighbouring chunks found are one passage (join_neighbours)."""
        distinct: list[Hit] = []
        seen: set[str] = set()
        for hit in hits:
            key = match_key(self.store.chunk(hit.position).text)
            if key not in seen:
                seen.add(key)
                distinct.append(hit)
        kept = join_neighbours(self.store, distinct)[:k]
        return [self._passage(view, hit) for hit in kept], kept

    def _passage(self, view: CorpusView, hit: Hit) -> Passage:
        """A hit's passage: its chunks' text, cited by its own chunk's place."""
        chunk = self.store.chunk(hit.position)
        title, date = view.document_details.get(chunk.source, ("", ""))
        return Passage(
            text=joined_text([self.store.chunk(position).text for position in hit.positions]),
            source=chunk.source,
            page=chunk.page,
            section=chunk.section,
            score=round(min(1.0, max(0.0, hit.score)), 4),
            chunk_id=chunk.id,
            label=chunk.label,
            title=title,
            date=date,
        )


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number from 1 to {MAX_K}, not {k!r}")
    return min(k, MAX_K)


__all__ = ["Assistant", "BuildReport", "FilesSkipped", "IndexProblem", "NothingToIndex", "build"]
