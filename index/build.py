"""Building an index: embed chunks, answer units and corpus words (each distinct text once, reusing
the previous index's vectors by content), write FAISS, BM25 and the manifest to a staging folder,
then swap it in atomically (index.folder).

Chunk vectors are searched exactly (FAISS flat inner product) up to `exact_limit` vectors, and
with an approximate HNSW graph beyond (see make_vector_index); the choice is in the manifest.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from ingest.types import Chunk
from ingest.units import answer_units

from .embedding import Embedder, load_embedder
from .embedding_cache import EmbeddingCache
from .folder import check_not_busy, fsync_tree, recover_interrupted_build, replaceable, staging_dir, swap_in
from .layout import CHUNKS, EXTRAS, FORMAT_VERSION, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M, LEXICAL, MANIFEST, UNIT_VECTORS, UNITS, VECTORS, IndexProblem
from .lexical import LexicalIndex
from .local import LocalStore
from .manifest import Manifest, index_files

# Exact search costs a pass over every vector per question: measured on this project's 2-core
# machine (one thread), 0.2 ms for 7,440 vectors, 3 ms for 50,000, 7.6 ms for 100,000, 16 ms for
# 200,000; an HNSW graph answers in about 1 ms at any of these sizes, at the price of a slower
# build and a recall below 1 (measured by benchmarks/bench_scale.py). Beyond this many chunk
# vectors the index is approximate. Override with build_index(exact_limit=...) or $ESS_QA_EXACT_LIMIT.
DEFAULT_EXACT_LIMIT = 50_000
EXACT_LIMIT_ENV = "ESS_QA_EXACT_LIMIT"


def index_text(chunk: Chunk) -> str:
    """What the retrievers see for a chunk: its section path, then its text."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def exact_limit_default() -> int:
    """$ESS_QA_EXACT_LIMIT (a number of vectors), else DEFAULT_EXACT_LIMIT."""
    try:
        return max(0, int(os.environ.get(EXACT_LIMIT_ENV, DEFAULT_EXACT_LIMIT)))
    except ValueError:
        return DEFAULT_EXACT_LIMIT


def make_vector_index(vectors: np.ndarray, exact_limit: int | None = None) -> tuple[object, dict]:
    """The FAISS index of the chunk vectors and its description for the manifest.

    Vectors are normalised, so inner products are cosines. Up to exact_limit vectors (default:
    exact_limit_default()): exact search (IndexFlatIP). Beyond: an HNSW graph over the same
    inner product (IndexHNSWFlat), approximate but about constant in time per query.
    """
    import faiss

    limit = exact_limit_default() if exact_limit is None else exact_limit
    dimension = vectors.shape[1]
    if len(vectors) <= limit:
        index, described = faiss.IndexFlatIP(dimension), {"type": "flat", "exact_limit": limit}
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
        described = {"type": "hnsw", "m": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": HNSW_EF_SEARCH, "exact_limit": limit}
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index, described


def build_index(
    chunks: list[Chunk],
    directory: str | Path,
    sources: dict,
    chunking: dict,
    model: str | Embedder = "use-multilingual-v3",
    progress: Callable[[int, int], None] | None = None,
    corpus: str | Path | None = None,
    attachments: dict[str, object] | None = None,
    reuse: bool = True,
    exact_limit: int | None = None,
    derived: Callable[[LocalStore], dict[str, object]] | None = None,
) -> Manifest:
    """Embed and index chunks, then atomically replace whatever index was at directory.

    corpus (optional) is recorded so that error messages can name the exact command that rebuilds
    the index. Leftovers of killed builds are tidied first; raises IndexBusy when another running process
    is building the same index, and IndexProblem when directory holds something else than an index.

    reuse: when directory holds an index of the same format and model, its vectors (chunks, answer
    units, corpus words) seed an EmbeddingCache: any text it already holds is not embedded again,
    whatever file or chunking it comes from, and a text repeated within the corpus is embedded
    once. The manifest's `build` records reused_files (same bytes as before, nothing embedded),
    added_files, changed_files, removed_files, and `embedded` counts of distinct chunks, units
    and words that the model encoded.
    progress(done, total) counts the distinct chunk texts being embedded.
    exact_limit: the most chunk vectors searched exactly (see make_vector_index).
    derived(store): more attachments, computed from the new index itself (opened as a store) before
    it replaces the old one, so that they always describe the corpus indexed (a calibration, ...).
    """
    directory = Path(directory)
    embedder = model if isinstance(model, Embedder) else load_embedder(model)
    _check_target(directory)
    previous = _previous_index(directory, embedder) if reuse else None
    cache = _cache_from(previous, embedder)
    before = previous.manifest.sources if previous else {}
    del previous  # its FAISS memory and arrays (the cache holds copies), before its folder is replaced
    staging = staging_dir(directory)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        written = _write_contents(chunks, cache, staging, progress, attachments or {}, exact_limit)
        manifest = _manifest(embedder, chunking, sources, chunks, staging, corpus, written, before)
        # The manifest is written last: a folder with a manifest is a complete index.
        _write_manifest(manifest, staging)
        if derived is not None:
            manifest = _add_derived_attachments(manifest, staging, embedder, derived)
        fsync_tree(staging)
        swap_in(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _manifest(embedder: Embedder, chunking: dict, sources: dict, chunks: list[Chunk], staging: Path, corpus, written: "_Written", before: dict) -> Manifest:
    """The manifest of the index written in staging, with what the build reused and embedded."""
    reused = [name for name, checksum in sources.items() if before.get(name) == checksum and name not in written.embedded_files]
    return Manifest(
        format_version=FORMAT_VERSION,
        model=embedder.spec,
        dimension=embedder.dimension,
        chunking=chunking,
        sources=sources,
        chunk_count=len(chunks),
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        files=index_files(staging),
        corpus=str(Path(corpus).resolve()) if corpus else "",
        vector_index=written.vector_index,
        build={
            "reused_files": sorted(reused),
            "added_files": sorted(name for name in sources if name not in before),
            "changed_files": sorted(name for name in sources if name in before and name not in reused),
            "removed_files": sorted(name for name in before if name not in sources),
            "embedded": written.embedded,
            "distinct_chunks": written.distinct_chunks,
        },
    )


def _check_target(directory: Path) -> None:
    """Tidy what killed builds left beside directory; refuse a folder another build writes, or one that is not an index."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    check_not_busy(directory)
    recover_interrupted_build(directory)
    if not replaceable(directory):
        raise IndexProblem(
            f"{directory} exists and is not an ess-qa index, so it was left untouched: "
            "give another --index-dir (or remove that folder first)"
        )


@dataclass(frozen=True)
class _Written:
    """What writing an index's files did: the vector index chosen, the embedding counts, the files that needed embedding."""

    vector_index: dict
    embedded: dict
    distinct_chunks: int
    embedded_files: frozenset[str]


def _write_contents(chunks: list[Chunk], cache: EmbeddingCache, staging: Path, progress, attachments: dict, exact_limit: int | None) -> _Written:
    """Every file of the index but the manifest: vectors (FAISS), BM25 and words, answer units, attachments, chunks."""
    import faiss

    texts = [index_text(c) for c in chunks]
    chunk_units = [answer_units(chunk.text) for chunk in chunks]
    fresh = {text for text in texts if text not in cache} | {u for units in chunk_units for u in units if u not in cache}
    vectors, embedded_chunks = cache.vectors(texts, progress)
    vector_index, described = make_vector_index(vectors, exact_limit)
    faiss.write_index(vector_index, str(staging / VECTORS))
    del vector_index
    lexical = LexicalIndex.build(texts, cache=cache)
    lexical.save(staging / LEXICAL)
    embedded_units = _write_units(chunk_units, cache, staging)
    _write_attachments(attachments, staging)
    with open(staging / CHUNKS, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    embedded_files = frozenset(c.source for c, text, units in zip(chunks, texts, chunk_units) if text in fresh or any(u in fresh for u in units))
    embedded = {"chunks": embedded_chunks, "units": embedded_units, "words": lexical.embedded_words}
    return _Written(described, embedded, len(set(texts)), embedded_files)


def _previous_index(directory: Path, embedder: Embedder) -> "LocalStore | None":
    """The index at directory if its vectors can serve a build with this model, else None."""
    if not (directory / MANIFEST).is_file():
        return None
    try:
        return LocalStore.load(directory, embedder)
    except (IndexProblem, OSError, ValueError):  # damaged, another format or model: everything is embedded again
        return None


def _cache_from(previous: "LocalStore | None", embedder: Embedder) -> EmbeddingCache:
    """An embedding cache holding every vector of the previous index (empty without one)."""
    cache = EmbeddingCache(embedder)
    if previous is not None:
        cache.add([index_text(c) for c in previous.chunks], previous.vector_matrix)
        cache.add([text for _, text in previous.unit_texts], previous.unit_vectors)
        cache.add(previous.lexical.words, previous.lexical.word_vectors)
    return cache


def _write_units(chunk_units: list[list[str]], cache: EmbeddingCache, directory: Path) -> int:
    """Answer units of every chunk (JSON lines of [chunk position, text]) and their embeddings.

    Returns how many distinct unit texts had to be embedded."""
    units = [(position, unit) for position, texts in enumerate(chunk_units) for unit in texts]
    vectors, embedded = cache.vectors([text for _, text in units])
    with open(directory / UNITS, "w", encoding="utf-8") as handle:
        for position, text in units:
            handle.write(json.dumps([position, text], ensure_ascii=False) + "\n")
    np.save(directory / UNIT_VECTORS, vectors, allow_pickle=False)
    return embedded


def _write_attachments(attachments: dict[str, object], directory: Path) -> None:
    """Each attachment as `extras/NAME.json` (names are plain words: letters, digits, '-' and '_')."""
    (directory / EXTRAS).mkdir(exist_ok=True)
    for name, document in attachments.items():
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"extra name {name!r}: use letters, digits, '-' and '_' only")
        (directory / EXTRAS / f"{name}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _write_manifest(manifest: Manifest, directory: Path) -> None:
    """The manifest, as JSON."""
    (directory / MANIFEST).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), encoding="utf-8")


def _add_derived_attachments(manifest: Manifest, staging: Path, embedder: Embedder, derived: Callable[[LocalStore], dict[str, object]]) -> Manifest:
    """The attachments derived(store) computes from the index written at staging, written beside the others; the manifest lists them."""
    store = LocalStore.load(staging, embedder)
    attachments = derived(store)
    del store  # its FAISS memory, before the folder moves
    _write_attachments(attachments, staging)
    manifest = replace(manifest, files=index_files(staging))
    _write_manifest(manifest, staging)
    return manifest


