"""Hybrid retrieval: ask the store for the chunks that best fuse dense and lexical scores, then
rerank them by how well their best answer unit answers the question, those on a page that uses
every name the question uses first."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from index.store import Document, Filters, Fusion, HybridQuery, Store
from ingest.french import CREDIT_WORDS, fold_accents
from ingest.structure import is_navigation

from .acronyms import NO_ACRONYMS, Acronyms
from .evidence import QuestionProfile, best_unit, names_its_page, profile, translated
from .questions import guess_language

RERANK_POOL = 20  # chunks reranked by their best answer unit


def filters_problem(documents: list[Document], filters: Filters | None) -> str:
    """Why filters leave no passage of these documents to search ('' when some pass): a file the index does not
    hold, pages past every document's last, a section no document has."""
    if filters is None or filters.is_empty():
        return ""
    names = [document.name for document in documents]
    unknown = [source for source in filters.sources if source not in names]
    if filters.sources and len(unknown) == len(filters.sources):
        return f"no indexed file is named {', '.join(unknown)}; the index holds: {', '.join(names)}"
    chosen = [document for document in documents if not filters.sources or document.name in filters.sources]
    last = max((document.last_page for document in chosen), default=0)
    low, high = filters.page_min or 1, filters.page_max if filters.page_max is not None else last
    if low > last:
        return f"no page {low} or after: the last page indexed is {last}"
    if low > high:
        return f"pages {low}-{high}: a range goes from its first page to its last ({high}-{low})"
    wanted = fold_accents(filters.section).lower().strip()
    if wanted and not any(wanted in fold_accents(section).lower() for document in chosen for section in document.sections):
        return f"no section contains « {filters.section} »"
    return ""


@dataclass(frozen=True)
class FusionWeights:
    """How the lexical and dense rankings are combined.

    method "score" (default): each score list is scaled to [0, 1] over the candidate chunks and
    summed with the dense weight for the question's language; the bundled multilingual model is
    a weaker judge than French BM25 on French questions, and the only one for English questions.
    method "rrf": reciprocal-rank fusion with the same weights (see index.fusion).
    """

    method: str = "score"
    lexical: float = 1.0
    dense_fr: float = 0.2
    dense_en: float = 1.0

    translations: float = 0.5  # weight of the lexical search for translated words (English questions), or for the
    # words of the acronyms a definition question asks about (« Que signifie DT-DICT ? »: a list of acronyms gives them)
    evidence: float = 0.75  # weight of the best answer unit's score when reranking

    def dense_for(self, question: str) -> float:
        return self.dense_en if guess_language(question) == "en" else self.dense_fr

    def query(
        self, store: Store, asked: QuestionProfile, question: str, filters: Filters | None, count: int, acronyms: Acronyms = NO_ACRONYMS
    ) -> HybridQuery:
        """The hybrid query of a question (asked: its profile): an English one also matches its words' translations,
        a definition of an acronym the words it stands for, a question on who wrote the document the words its
        credits use (« Auteurs : », « Rédaction : »)."""
        more = ""
        if self.translations > 0:  # the extra words weigh nothing otherwise: not looked for
            if guess_language(question) == "en":
                more = translated(store, question)
            elif asked.kind == "definition":
                more = acronyms.words_for(question)
            if asked.authorship:
                more = f"{more} {CREDIT_WORDS}".strip()
        return HybridQuery(
            text=question,
            vector=asked.vector,
            fusion=Fusion(self.method, self.lexical, self.dense_for(question)),
            translated=more,
            translated_weight=self.translations,
            filters=filters,
            count=count,
            include=tuple(sorted(asked.named_row_positions)),
        )


@dataclass(frozen=True)
class Hit:
    """A ranked chunk: position in the store, final score in [0, 1] and cosine with the question; joined:
    the position of a chunk found further down that continues it (see join_neighbours)."""

    position: int
    score: float
    cosine: float
    joined: int | None = None

    @property
    def positions(self) -> tuple[int, ...]:
        """The chunks its passage shows, in reading order."""
        return tuple(sorted((self.position, self.joined))) if self.joined is not None else (self.position,)


def _in_shown_order(store: Store, asked: QuestionProfile, hits: list[Hit]) -> list[Hit]:
    """Hits in the order a reader is shown them: best first, then those whose page does not use another name the question
    uses than those the corpus is about (Toulouse, France, 2018; evidence.name_term), then the document's navigation (its
    contents, its list of figures: is_navigation), each group in its order and scored no higher than the last hit before
    it: Lille's figures do not answer for Toulouse, a list of figures' titles holds a question's words and answers
    nothing, and a passage shown lower never shows a higher score. A name the corpus is about (« FNPC » in a federation's
    rules) need not be written on the page that answers: every page is about it."""
    def rank(hit: Hit) -> int:
        if not names_its_page(store, asked, hit.position):
            return 1
        chunk = store.chunk(hit.position)
        return 2 if is_navigation(chunk.section, chunk.text) else 0

    ranks = {hit.position: rank(hit) for hit in hits}
    ordered: list[Hit] = []
    for level in (0, 1, 2):
        floor = ordered[-1].score if ordered else 1.0
        ordered += [replace(hit, score=min(hit.score, floor)) for hit in hits if ranks[hit.position] == level]
    return ordered


def join_neighbours(store: Store, hits: list[Hit]) -> list[Hit]:
    """Hits in rank order, each joined by a lower-ranked hit on the chunk just before or after it in the same
    page and section, which then leaves the list: two found pieces of one run of text are one passage,
    and the answer a question's words point to is often in the piece after them. A passage joins two
    chunks at most."""
    kept: list[Hit] = []
    for hit in hits:
        index = next((i for i, lead in enumerate(kept) if lead.joined is None and abs(lead.position - hit.position) == 1 and _same_place(store, lead.position, hit.position)), None)
        if index is None:
            kept.append(hit)
        else:
            kept[index] = replace(kept[index], joined=hit.position)
    return kept


def _same_place(store: Store, a: int, b: int) -> bool:
    """Whether two chunks are of one document, page and section."""
    first, second = store.chunk(a), store.chunk(b)
    return (first.source, first.page, first.section) == (second.source, second.page, second.section)


def rank_chunks(
    store: Store,
    questions: list[str],
    k: int,
    filters: Filters | None = None,
    weights: FusionWeights | None = None,
    query_vectors: np.ndarray | None = None,
    profiles: list[QuestionProfile] | None = None,
    acronyms: Acronyms = NO_ACRONYMS,
) -> list[list[Hit]]:
    """For each question, the top candidates (about 2k, for de-duplication), best first.

    The store returns the chunks with the best fused lexical and dense scores (RERANK_POOL, or 2k
    when more), and the table rows the question names; they are reranked by how well their best
    sentence (or list item, or fact-sheet line) answers the question. query_vectors: the questions'
    embeddings when the caller already has them; profiles: their profiles (ess_qa.evidence.profile)
    likewise; acronyms: the corpus's (see FusionWeights.query).
    """
    weights = weights or FusionWeights()
    if not questions:
        return []
    if query_vectors is None:
        query_vectors = store.encode_queries(questions)
    if profiles is None:
        profiles = [profile(store, question, vector, acronyms) for question, vector in zip(questions, query_vectors)]
    count = max(RERANK_POOL, k * 2)
    queries = [weights.query(store, p, q, filters, count, acronyms) for q, p in zip(questions, profiles)]
    results = []
    for candidates, asked in zip(store.search(queries), profiles):
        hits = []
        for candidate in candidates:
            _, unit_score = best_unit(store, asked, candidate.position)
            score = (candidate.fused + weights.evidence * unit_score) / (1 + weights.evidence)
            hits.append(Hit(candidate.position, float(score), candidate.cosine))
        hits.sort(key=lambda h: -h.score)
        results.append(_in_shown_order(store, asked, hits)[: k * 2])
    return results
