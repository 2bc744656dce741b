"""Build, save and load a search index: chunks (JSON lines), FAISS vectors, BM25, and a manifest.

A new index is written to a staging folder beside the target and swapped in only when
complete, so a failed or killed build leaves the previous index as it was. Leftovers of a
killed build (staging folders, a previous index moved aside mid-swap) are cleaned up or
restored by the next build or load. Only JSON, .npy (never pickled) and FAISS files are
written, and loading reads nothing outside the index folder: every file is checked against
the manifest's sizes and SHA-256 checksums first.

Rebuilding over an existing index is incremental: every text whose vector the previous index
holds is reused by content, and only new texts are embedded (see build_index).
Chunk vectors are searched exactly (FAISS flat inner product) up to `exact_limit` vectors, and
with an approximate HNSW graph beyond (see make_vector_index); the choice is in the manifest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shlex
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Callable, TypeVar

import numpy as np

from ingest.types import Chunk
from ingest.units import answer_units

from .embedding import Embedder, load_embedder
from .embedding_cache import EmbeddingCache
from .lexical import LexicalIndex

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "dense.faiss"
LEXICAL = "lexical"
UNITS = "units.jsonl"
UNIT_VECTORS = "unit_vectors.npy"
EXTRAS = "extras"  # JSON documents derived from the corpus at build time (e.g. fact-sheet tables)

# Exact search costs a pass over every vector per question: measured on this project's 2-core
# machine (one thread), 0.2 ms for 7,440 vectors, 3 ms for 50,000, 7.6 ms for 100,000, 16 ms for
# 200,000; an HNSW graph answers in about 1 ms at any of these sizes, at the price of a slower
# build and a recall below 1 (measured by benchmarks/bench_scale.py). Beyond this many chunk
# vectors the index is approximate. Override with build_index(exact_limit=...) or $ESS_QA_EXACT_LIMIT.
DEFAULT_EXACT_LIMIT = 50_000
EXACT_LIMIT_ENV = "ESS_QA_EXACT_LIMIT"
# HNSW parameters: on 20 copies of the report (7,440 vectors, many exact duplicates), recall@10 for
# real questions was 0.86 with efConstruction 80 / efSearch 128, 0.99 with 200 / 256 (0.2 ms a query).
HNSW_M = 32  # graph neighbours per vector
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 256  # candidates explored per search (raised to the number of results asked when higher)


class IndexProblem(RuntimeError):
    """An index that cannot be used; the message says what went wrong and what to run to fix it.

    `problem` is what went wrong; the fix is an `ess-qa index` command (with `fix_args`, e.g.
    `--model X`). str() names the index folder in that command; a caller that knows whether
    the user gave a folder (the CLI) uses `message(index_dir)` to repeat exactly what they typed.
    """

    def __init__(self, problem: str, directory: str | Path | None = None, fix_args: tuple[str, ...] = (), action: str = "rebuild it") -> None:
        self.problem = problem
        self.directory = Path(directory) if directory is not None else None
        self.fix_args = tuple(fix_args)
        self.action = action
        super().__init__(self.message(self.directory))

    def fix_command(self, index_dir: str | Path | None = None) -> str:
        """The command that fixes the problem, e.g. `ess-qa index --index-dir my-index`."""
        parts = ["ess-qa", "index", *self.fix_args]
        if index_dir:
            parts += ["--index-dir", str(index_dir)]
        return shlex.join(parts)

    def message(self, index_dir: str | Path | None = None) -> str:
        """'<problem>: run `<fix>` to <action>' (just the problem when no folder is known)."""
        if self.directory is None:
            return self.problem
        return f"{self.problem}: run `{self.fix_command(index_dir)}` to {self.action}"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model: str
    dimension: int
    chunking: dict
    sources: dict  # file name -> sha256 of the file's bytes
    chunk_count: int
    created: str
    files: dict  # index file (relative path) -> {"size": int, "sha256": str}
    corpus: str = ""  # the corpus that was indexed (file or folder), when the builder said it
    vector_index: dict = field(default_factory=dict)  # {"type": "flat"} or {"type": "hnsw", "m": ..., ...}; {} = flat
    build: dict = field(default_factory=dict)  # what the build reused and embedded (see build_index)

    def rebuild_args(self, model: bool = True) -> tuple[str, ...]:
        """`ess-qa index` arguments that rebuild this index: its corpus, and its model unless the default."""
        return _rebuild_args(self.corpus, self.model if model else "")


def _rebuild_args(corpus, model) -> tuple[str, ...]:
    from .embedding import DEFAULT_MODEL

    args: tuple[str, ...] = ()
    if isinstance(corpus, str) and corpus:
        args += ("--corpus", corpus)
    if isinstance(model, str) and model and model != DEFAULT_MODEL:
        args += ("--model", model)
    return args


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _index_files(directory: Path) -> dict:
    files = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            files[path.relative_to(directory).as_posix()] = {"size": path.stat().st_size, "sha256": sha256_file(path)}
    return files


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


def stored_vectors(vector_index) -> np.ndarray:
    """The (n, d) float32 vectors held by a flat or HNSW index: a view of FAISS' memory, not a copy.

    Valid as long as vector_index lives."""
    import faiss

    flat = faiss.downcast_index(vector_index.storage) if hasattr(vector_index, "storage") else vector_index
    n, d = int(flat.ntotal), int(flat.d)
    if n == 0:
        return np.zeros((0, d), dtype=np.float32)
    return faiss.rev_swig_ptr(flat.get_xb(), n * d).reshape(n, d)


# --- the folders beside an index: staging, moved-aside previous index, lock -----------------


def _staging_dir(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.building-{os.getpid()}"


def _old_dir(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.old-{os.getpid()}"


def _leftovers(directory: Path, kind: str) -> list[Path]:
    """Staging ('building') or moved-aside ('old') folders of earlier runs for this index."""
    if not directory.parent.is_dir():
        return []
    return sorted(p for p in directory.parent.glob(f".{directory.name}.{kind}-*") if p.is_dir())


def _pid_of(leftover: Path) -> int | None:
    try:
        return int(leftover.name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return None


def _alive(pid: int | None) -> bool:
    """Whether a process of this machine with that id is running (a malformed id counts as dead)."""
    if pid is None or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return True


class IndexBusy(IndexProblem):
    """Another process is writing the same index."""


def _check_not_busy(directory: Path) -> None:
    for staging in _leftovers(directory, "building"):
        pid = _pid_of(staging)
        if pid != os.getpid() and _alive(pid):
            raise IndexBusy(
                f"another `ess-qa index` (process {pid}) is writing the index at {directory}: wait for it to finish "
                f"(or stop it), then try again"
            )


def recover_interrupted_build(directory: str | Path) -> list[str]:
    """Tidy what killed builds left beside an index (only folders of processes no longer running).

    - A build killed between the two renames of the swap leaves no index folder and the previous
      index under `.NAME.old-PID`: it is put back in place.
    - Staging folders (`.NAME.building-PID`) and leftover `.NAME.old-PID` folders are removed.
    Returns what was done, one line each (for logs and tests).
    """
    directory = Path(directory)
    done = []

    def dead(kind: str) -> list[Path]:
        return [p for p in _leftovers(directory, kind) if not _alive(_pid_of(p))]

    if not (directory / MANIFEST).is_file() and _replaceable(directory):
        for old in sorted(dead("old"), key=lambda p: p.stat().st_mtime, reverse=True):
            if (old / MANIFEST).is_file():
                if directory.exists():
                    shutil.rmtree(directory)
                os.replace(old, directory)
                done.append(f"restored the previous index from {old.name}")
                break
    for leftover in dead("building") + dead("old"):
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed {leftover.name}")
    return done


_INDEX_ENTRIES = {MANIFEST, CHUNKS, VECTORS, LEXICAL, UNITS, UNIT_VECTORS, EXTRAS}


def _replaceable(directory: Path) -> bool:
    """Whether directory may be replaced by an index: absent, empty, or holding only index files.

    Anything else (a folder of the user's documents given as --index-dir by mistake) is never
    moved or deleted.
    """
    if not directory.exists():
        return True
    if not directory.is_dir():
        return False
    return all(child.name in _INDEX_ENTRIES for child in directory.iterdir())


def _fsync_tree(directory: Path) -> None:
    """Flush a folder's files and entries to disk, so a crash after the swap cannot leave them empty."""
    for path in sorted(directory.rglob("*"), reverse=True):
        _fsync_path(path)
    _fsync_path(directory)


def _fsync_path(path: Path) -> None:
    """fsync a file or a folder's entries (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def build_index(
    chunks: list[Chunk],
    directory: str | Path,
    sources: dict,
    chunking: dict,
    model: str | Embedder = "use-multilingual-v3",
    progress: Callable[[int, int], None] | None = None,
    corpus: str | Path | None = None,
    extras: dict[str, object] | None = None,
    reuse: bool = True,
    exact_limit: int | None = None,
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
    """
    import faiss

    directory = Path(directory)
    embedder = model if isinstance(model, Embedder) else load_embedder(model)
    directory.parent.mkdir(parents=True, exist_ok=True)
    _check_not_busy(directory)
    recover_interrupted_build(directory)
    if not _replaceable(directory):
        raise IndexProblem(
            f"{directory} exists and is not an ess-qa index, so it was left untouched: "
            "give another --index-dir (or remove that folder first)"
        )
    previous = _previous_index(directory, embedder) if reuse else None
    cache = _cache_from(previous, embedder)
    before = previous.manifest.sources if previous else {}
    del previous  # its FAISS memory and arrays (the cache holds copies), before its folder is replaced
    chunk_units = [answer_units(chunk.text) for chunk in chunks]
    staging = _staging_dir(directory)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        texts = [index_text(c) for c in chunks]
        fresh = {text for text in texts if text not in cache} | {u for units in chunk_units for u in units if u not in cache}
        vectors, embedded_chunks = cache.vectors(texts, progress)
        vector_index, described = make_vector_index(vectors, exact_limit)
        faiss.write_index(vector_index, str(staging / VECTORS))
        del vector_index
        lexical = LexicalIndex.build(texts, cache=cache)
        lexical.save(staging / LEXICAL)
        embedded_units = _write_units(chunk_units, cache, staging)
        _write_extras(extras or {}, staging)
        with open(staging / CHUNKS, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        embedded_files = {c.source for c, text, units in zip(chunks, texts, chunk_units) if text in fresh or any(u in fresh for u in units)}
        reused = [name for name, checksum in sources.items() if before.get(name) == checksum and name not in embedded_files]
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            model=embedder.spec,
            dimension=embedder.dimension,
            chunking=chunking,
            sources=sources,
            chunk_count=len(chunks),
            created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            files=_index_files(staging),
            corpus=str(Path(corpus).resolve()) if corpus else "",
            vector_index=described,
            build={
                "reused_files": sorted(reused),
                "added_files": sorted(name for name in sources if name not in before),
                "changed_files": sorted(name for name in sources if name in before and name not in reused),
                "removed_files": sorted(name for name in before if name not in sources),
                "embedded": {"chunks": embedded_chunks, "units": embedded_units, "words": lexical.embedded_words},
                "distinct_chunks": len(set(texts)),
            },
        )
        # The manifest is written last: a folder with a manifest is a complete index.
        (staging / MANIFEST).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), encoding="utf-8")
        _fsync_tree(staging)
        _swap_in(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _previous_index(directory: Path, embedder: Embedder) -> "SearchIndex | None":
    """The index at directory if its vectors can serve a build with this model, else None."""
    if not (directory / MANIFEST).is_file():
        return None
    try:
        return SearchIndex.load(directory, embedder)
    except (IndexProblem, OSError, ValueError):  # damaged, another format or model: everything is embedded again
        return None


def _cache_from(previous: "SearchIndex | None", embedder: Embedder) -> EmbeddingCache:
    """An embedding cache holding every vector of the previous index (empty without one)."""
    cache = EmbeddingCache(embedder)
    if previous is not None:
        cache.add([index_text(c) for c in previous.chunks], previous.vector_matrix)
        cache.add([text for _, text in previous.units], previous.unit_vectors)
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


def _write_extras(extras: dict[str, object], directory: Path) -> None:
    """Each extra as `extras/NAME.json` (names are plain words: letters, digits, '-' and '_')."""
    (directory / EXTRAS).mkdir()
    for name, document in extras.items():
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"extra name {name!r}: use letters, digits, '-' and '_' only")
        (directory / EXTRAS / f"{name}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _load_units(directory: Path, chunk_count: int, fix: tuple[str, ...]) -> tuple[list[tuple[int, str]], np.ndarray]:
    try:
        with open(directory / UNITS, encoding="utf-8") as handle:
            units = [(int(p), str(t)) for p, t in (json.loads(line) for line in handle if line.strip())]
        vectors = np.load(directory / UNIT_VECTORS, allow_pickle=False)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexProblem(f"damaged index at {directory}: answer units cannot be read ({type(exc).__name__})", directory, fix) from None
    if len(units) != len(vectors) or any(not 0 <= p < chunk_count for p, _ in units):
        raise IndexProblem(f"damaged index at {directory}: answer units do not match the chunks", directory, fix)
    return units, vectors


def _swap_in(staging: Path, directory: Path) -> None:
    """Replace directory with staging by two renames.

    Between them the previous index sits complete under `.NAME.old-PID`; if the process dies
    there, the next build or load puts it back (recover_interrupted_build).
    """
    old = _old_dir(directory)
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        os.replace(directory, old)
    os.replace(staging, directory)
    _fsync_path(directory.parent)
    shutil.rmtree(old, ignore_errors=True)


# --- reading and checking an index -------------------------------------------------------------

_MANIFEST_TYPES = {
    "format_version": int,
    "model": str,
    "dimension": int,
    "chunking": dict,
    "sources": dict,
    "chunk_count": int,
    "created": str,
    "files": dict,
}
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def read_manifest(directory: str | Path) -> Manifest:
    """The manifest of the index at directory, checked; raises IndexProblem with the fix."""
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.is_file() and _leftovers(directory, "old"):
        with contextlib.suppress(OSError):  # a previous index moved aside by a killed build goes back
            recover_interrupted_build(directory)
    if not path.is_file():
        if directory.exists() and not _replaceable(directory):
            raise IndexProblem(
                f"no index at {directory}: it is a folder of other files (or not a folder); "
                "give --index-dir a folder of its own for the index"
            )
        if directory.is_dir() and any(directory.iterdir()):
            raise IndexProblem(f"incomplete index at {directory}: {MANIFEST} is missing", directory)
        raise IndexProblem(f"no index at {directory}", directory, action="build it")
    damaged = f"damaged index manifest {path}"
    try:
        if path.stat().st_size > _MAX_MANIFEST_BYTES:
            raise IndexProblem(f"{damaged} (too large to be a manifest)", directory)
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:  # JSON and UTF-8 errors are ValueErrors
        raise IndexProblem(f"{damaged} ({exc.__class__.__name__})", directory) from None
    if not isinstance(data, dict):
        raise IndexProblem(f"{damaged} (not a JSON object)", directory)
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexProblem(
            f"index at {directory} has format version {version}, this ess-qa reads version {FORMAT_VERSION}",
            directory,
            _rebuild_args(data.get("corpus"), data.get("model")),
        )
    fix = _rebuild_args(data.get("corpus"), data.get("model"))
    for name, kind in _MANIFEST_TYPES.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            raise IndexProblem(f"{damaged} ('{name}' is missing or not a {kind.__name__})", directory, fix)
    for name, entry in data["files"].items():
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)):
            raise IndexProblem(f"{damaged} (bad entry for {name!r})", directory, fix)
    if not isinstance(data.get("corpus", ""), str):
        raise IndexProblem(f"{damaged} ('corpus' is not a str)", directory)
    for name in ("vector_index", "build"):
        if not isinstance(data.get(name, {}), dict):
            raise IndexProblem(f"{damaged} ('{name}' is not a dict)", directory, fix)
    return Manifest(**{f.name: data[f.name] for f in fields(Manifest) if f.name in data})


def _index_file_path(directory: Path, name: str, fix: tuple[str, ...] = ()) -> Path:
    """The path of an index file named in the manifest; refuses anything outside the index folder."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts or "\\" in name:
        raise IndexProblem(f"damaged index manifest in {directory}: file name {name!r} points outside the index folder", directory, fix)
    path = directory.joinpath(*relative.parts)
    try:
        inside = path.resolve().is_relative_to(directory.resolve())
    except OSError:
        inside = False
    if not inside:
        raise IndexProblem(f"damaged index at {directory}: {name} links outside the index folder", directory, fix)
    return path


def verify_files(directory: Path, manifest: Manifest) -> None:
    """Check every index file is present, inside the folder, with the size and checksum the manifest recorded."""
    directory = Path(directory)
    fix = manifest.rebuild_args()
    names = set(manifest.files)
    for required in (CHUNKS, VECTORS):
        if required not in names:
            raise IndexProblem(f"damaged index manifest in {directory}: {required} is not listed", directory, fix)
    if not any(name.startswith(LEXICAL + "/") for name in names):
        raise IndexProblem(f"damaged index manifest in {directory}: no lexical index is listed", directory, fix)
    for name, expected in manifest.files.items():
        path = _index_file_path(directory, name, fix)
        if not path.is_file():
            raise IndexProblem(f"incomplete index at {directory}: {name} is missing", directory, fix)
        if path.stat().st_size != expected["size"]:
            raise IndexProblem(f"damaged index at {directory}: {name} has {path.stat().st_size} bytes, not {expected['size']}", directory, fix)
        if sha256_file(path) != expected["sha256"]:
            raise IndexProblem(f"damaged index at {directory}: {name} does not match its checksum", directory, fix)


def _load_chunks(directory: Path, fix: tuple[str, ...] = ()) -> list[Chunk]:
    chunks = []
    with open(directory / CHUNKS, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                chunk = Chunk(**data)
                if not (isinstance(chunk.text, str) and isinstance(chunk.page, int) and isinstance(chunk.source, str)):
                    raise TypeError("bad field types")
            except (ValueError, TypeError):
                raise IndexProblem(f"damaged index at {directory}: {CHUNKS} line {number} is not a chunk", directory, fix) from None
            chunks.append(chunk)
    return chunks


def _ranges_by_chunk(owners: list[int], chunk_count: int) -> list[range]:
    starts = np.searchsorted(np.asarray(owners, dtype=np.int64), np.arange(chunk_count + 1))
    return [range(int(starts[i]), int(starts[i + 1])) for i in range(chunk_count)]


_T = TypeVar("_T")


class SearchIndex:
    """A loaded index: chunks, their vectors, their BM25 index, and the model that embeds queries."""

    def __init__(self, directory: Path, manifest: Manifest, chunks: list[Chunk], vectors, lexical: LexicalIndex, embedder: Embedder, units: list[tuple[int, str]], unit_vectors: np.ndarray):
        self.directory = directory
        self.manifest = manifest
        self.chunks = chunks
        self.vectors = vectors  # the FAISS index
        self.vector_matrix = stored_vectors(vectors)  # its (chunks, dimension) vectors, a view of FAISS' memory
        self.approximate = hasattr(vectors, "hnsw")  # HNSW graph (else exact flat search)
        self.lexical = lexical
        self.embedder = embedder
        self.units = units  # (chunk position, text) in chunk order
        self.unit_vectors = unit_vectors
        self._unit_ranges = _ranges_by_chunk([p for p, _ in units], len(chunks))
        self._derived: dict[str, object] = {}
        self._derived_lock = threading.Lock()

    def derived(self, name: str, compute: Callable[[], _T]) -> _T:
        """Data derived from this index, computed once on first use and kept with it.

        For the layers above: per-index arrays and caches (chunk metadata for filters, terms of
        answer units) that would otherwise be recomputed at every query."""
        with self._derived_lock:
            if name not in self._derived:
                self._derived[name] = compute()
            return self._derived[name]  # type: ignore[return-value]

    def extra(self, name: str, default=None):
        """A JSON document stored at build time (see build_index's extras); default when absent."""
        path = self.directory / EXTRAS / f"{name}.json"
        if f"{EXTRAS}/{name}.json" not in self.manifest.files:
            return default
        return json.loads(path.read_text(encoding="utf-8"))

    def units_of(self, position: int) -> range:
        """Indexes (into units and unit_vectors) of the answer units of the chunk at position."""
        return self._unit_ranges[position]

    @classmethod
    def load(cls, directory: str | Path, embedder: Embedder | None = None) -> "SearchIndex":
        """Load and check an index; raises IndexProblem with the fix when it cannot be used.

        Reads only the files the manifest lists, inside directory, after checking their checksums.
        """
        import faiss

        from .embedding import ModelError

        directory = Path(directory)
        manifest = read_manifest(directory)
        verify_files(directory, manifest)
        if embedder is None:
            try:
                embedder = load_embedder(manifest.model)
            except ModelError as exc:
                raise IndexProblem(
                    f"index at {directory} was built with model '{manifest.model}', which cannot be loaded here",
                    directory,
                    manifest.rebuild_args(model=False),
                    action=f"rebuild it with the bundled model (or make '{manifest.model}' available offline)",
                ) from exc
        if embedder.spec != manifest.model or embedder.dimension != manifest.dimension:
            raise IndexProblem(
                f"index at {directory} was built with model '{manifest.model}' ({manifest.dimension}-d), not "
                f"'{embedder.spec}' ({embedder.dimension}-d)",
                directory,
                _rebuild_args(manifest.corpus, "") + ("--model", embedder.spec),
            )
        fix = manifest.rebuild_args()
        chunks = _load_chunks(directory, fix)
        try:
            vectors = faiss.read_index(str(directory / VECTORS))
        except Exception as exc:  # faiss raises RuntimeError on a file it cannot parse
            raise IndexProblem(f"damaged index at {directory}: {VECTORS} cannot be read ({type(exc).__name__})", directory, fix) from None
        if len(chunks) != manifest.chunk_count or vectors.ntotal != len(chunks) or (len(chunks) and vectors.d != manifest.dimension):
            raise IndexProblem(f"damaged index at {directory}: chunk and vector counts differ", directory, fix)
        try:
            lexical = LexicalIndex.load(directory / LEXICAL)
        except Exception as exc:  # a bm25s file that passed its checksum but does not parse
            raise IndexProblem(f"damaged index at {directory}: the lexical index cannot be read ({type(exc).__name__})", directory, fix) from None
        units, unit_vectors = _load_units(directory, len(chunks), fix)
        return cls(directory, manifest, chunks, vectors, lexical, embedder, units, unit_vectors)

    def dense_search(self, query_vectors: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the k nearest chunks for each query vector; ids -1 (score -inf) pad missing results.

        allowed (optional boolean array over chunks): only those chunks are returned. On an HNSW
        index, the graph explores max(ef_search, k) candidates."""
        import faiss

        k = min(k, len(self.chunks))
        queries = np.ascontiguousarray(query_vectors, dtype=np.float32)
        if k <= 0:
            return np.zeros((len(queries), 0), dtype=np.float32), np.zeros((len(queries), 0), dtype=np.int64)
        selector, bits = None, None
        if allowed is not None:
            bits = np.packbits(np.asarray(allowed, dtype=bool), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))
        if self.approximate:
            ef_search = int(self.manifest.vector_index.get("ef_search", HNSW_EF_SEARCH))
            params = faiss.SearchParametersHNSW(efSearch=max(ef_search, k), sel=selector)
        else:
            params = faiss.SearchParameters(sel=selector) if selector is not None else None
        from .threads import search_threads

        with search_threads():
            return self.vectors.search(queries, k, params=params)

    def cosines(self, query_vectors: np.ndarray, positions: np.ndarray | None = None) -> np.ndarray:
        """Exact cosine of each query with every chunk (or the chunks at positions): (queries, chunks).

        One matrix product over the stored vectors, with $ESS_QA_THREADS BLAS threads."""
        from .threads import blas_threads

        matrix = self.vector_matrix if positions is None else self.vector_matrix[positions]
        queries = np.asarray(query_vectors, dtype=np.float32)
        with blas_threads():
            return queries @ matrix.T
