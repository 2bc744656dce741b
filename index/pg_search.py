"""The PostgreSQL store's hybrid search: candidates from the database, fused like the local store's.

For each query: the POOL nearest chunks by cosine, the farthest one (the low end of the dense
scale), the POOL best by BM25 (and by the translated words' BM25), all within the filters; then
every score of that union is computed exactly and fused with index.fusion, as the local store
fuses its whole arrays. Below the store's HNSW threshold every search is an exact scan.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ingest.french import fold_accents, search_terms

from .fusion import fuse, top_positions
from .interface import Candidate, Filters, HybridQuery
from .pg_lexical import idf, sparse

if TYPE_CHECKING:
    from .pg_store import PostgresStore

POOL = 200  # candidates taken from each ranking (index.local_search.DENSE_POOL for the local store)
_FROM = "from essqa_chunks c join essqa_documents d on d.id = c.document_id"


def filter_sql(store: "PostgresStore", filters: Filters | None) -> tuple[str, dict]:
    """The WHERE clause (and its parameters) of the store's collections and the filters."""
    conditions, params = [store.scope_sql()], {"collections": store._collection_ids}
    if filters is not None and not filters.is_empty():
        if filters.sources:
            conditions.append("d.name = any(%(sources)s)")
            params["sources"] = list(filters.sources)
        if filters.page_min is not None:
            conditions.append("c.page >= %(page_min)s")
            params["page_min"] = filters.page_min
        if filters.page_max is not None:
            conditions.append("c.page <= %(page_max)s")
            params["page_max"] = filters.page_max
        wanted = fold_accents(filters.section).lower().strip()
        if wanted:
            conditions.append("strpos(c.section_key, %(section)s) > 0")
            params["section"] = wanted
    return " and ".join(conditions), params


def query_vector(store: "PostgresStore", text: str):
    """The sparse BM25 query of a text: the idf of each of its terms the corpus holds, times its count; None without any."""
    counts = Counter(search_terms(text, store.analyzer))
    n, known = store.term_stats(list(counts)) if counts else (0, {})
    if not known:
        return None
    return sparse({term_id: idf(df, n) * counts[term] for term, (term_id, df) in known.items()})


def _ids(store: "PostgresStore", order: str, where: str, params: dict, limit: int) -> list[int]:
    sql = f"select c.id {_FROM} where {where} order by {order} limit {int(limit)}"
    return [row[0] for row in store._connection().execute(sql, params)]


def _top_score(store: "PostgresStore", vector) -> float:
    """The best BM25 score of a sparse query over every chunk of the collections (no filter)."""
    where, params = filter_sql(store, None)
    rows = store._connection().execute(f"select -(c.terms <#> %(q)s) {_FROM} where {where} order by c.terms <#> %(q)s limit 1", {**params, "q": vector}).fetchall()
    return float(rows[0][0]) if rows else 0.0


def _scores(store: "PostgresStore", ids: list[int], where: str, params: dict, lexical, translated, vector) -> tuple[list[int], np.ndarray]:
    """(ids kept by the filters, in reading order; their [lexical, translated, cosine] scores)."""
    zero = sparse({})
    sql = f"select c.id, -(c.terms <#> %(q1)s), -(c.terms <#> %(q2)s), -(c.vector <#> %(v)s) {_FROM} where c.id = any(%(ids)s) and {where} order by c.id"
    rows = store._connection().execute(sql, {**params, "ids": ids, "q1": lexical or zero, "q2": translated or zero, "v": vector}).fetchall()
    return [row[0] for row in rows], np.asarray([row[1:] for row in rows], dtype=np.float64).reshape(len(rows), 3)


def _lexical(store: "PostgresStore", query: HybridQuery, scores: np.ndarray, lexical, translated, filtered: bool) -> np.ndarray:
    """BM25 scores, plus the translated words' (each scaled by its best over the whole corpus, as the local store)."""
    own = scores[:, 0].astype(np.float32)
    if translated is None or query.translated_weight <= 0:
        return own
    extra = scores[:, 1].astype(np.float32)
    extra_top = _top_score(store, translated) if filtered else float(extra.max(initial=0.0))
    if extra_top <= 0:
        return own
    own_top = (_top_score(store, lexical) if filtered else float(own.max(initial=0.0))) if lexical is not None else 0.0
    return own / (own_top if own_top > 0 else 1.0) + query.translated_weight * extra / extra_top


def search_one(store: "PostgresStore", query: HybridQuery) -> list[Candidate]:
    """One query's candidates (see index.interface.HybridQuery)."""
    where, params = filter_sql(store, query.filters)
    vector = np.asarray(query.vector, dtype=np.float32)
    lexical = query_vector(store, query.text)
    translated = query_vector(store, query.translated) if query.translated and query.translated_weight > 0 else None
    found = set(_ids(store, "c.vector <#> %(v)s", where, {**params, "v": vector}, POOL))
    found |= set(_ids(store, "c.vector <#> %(v)s", where, {**params, "v": -vector}, 1))  # the farthest chunk
    for sparse_query in (lexical, translated):
        if sparse_query is not None:
            found |= set(_ids(store, "c.terms <#> %(q)s", where, {**params, "q": sparse_query}, POOL))
    ids, scores = _scores(store, sorted(found | set(query.include)), where, params, lexical, translated, vector)
    if not ids:
        return []
    filtered = query.filters is not None and not query.filters.is_empty()
    lexical_scores = _lexical(store, query, scores, lexical, translated, filtered)
    dense = scores[:, 2].astype(np.float32)
    # the extremes of both scales are in the union (the nearest, the farthest, the best by BM25), so
    # scaling over it is scaling over every allowed chunk
    fused = fuse(lexical_scores, dense, np.ones(len(ids), dtype=bool), query.fusion.lexical, query.fusion.dense, query.fusion.method)
    kept = [ids[i] for i in top_positions(fused, query.count) if fused[i] > 0]
    kept += [p for p in sorted(query.include) if p in ids and p not in kept]
    index_of = {p: i for i, p in enumerate(ids)}
    return [Candidate(p, float(fused[index_of[p]]), float(dense[index_of[p]])) for p in kept]


def search(store: "PostgresStore", queries: Sequence[HybridQuery]) -> list[list[Candidate]]:
    """Each query's candidates."""
    return [search_one(store, query) for query in queries]
