"""Build, save and load a search index: chunks (JSON lines), FAISS vectors, BM25, and a manifest.

A new index is written to a temporary folder beside the target and swapped in only when
complete, so a failed or killed build leaves the previous index as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ingest.types import Chunk

from .embedding import Embedder, load_embedder
from .lexical import LexicalIndex

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "dense.faiss"
LEXICAL = "lexical"


class IndexProblem(RuntimeError):
    """An index that cannot be used; the message says what to run to fix it."""


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


def make_vector_index(vectors: np.ndarray):
    """Exact inner-product search (vectors are normalised, so scores are cosines)."""
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(vectors)
    return index


def build_index(
    chunks: list[Chunk],
    directory: str | Path,
    sources: dict,
    chunking: dict,
    model: str | Embedder = "use-multilingual-v3",
    progress: Callable[[int, int], None] | None = None,
) -> Manifest:
    """Embed and index chunks, then atomically replace whatever index was at directory."""
    import faiss

    directory = Path(directory)
    embedder = model if isinstance(model, Embedder) else load_embedder(model)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.parent / f".{directory.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        texts = [index_text(c) for c in chunks]
        batches = []
        step = 64
        for start in range(0, len(texts), step):
            batches.append(embedder.encode_passages(texts[start : start + step], batch_size=step))
            if progress:
                progress(min(start + step, len(texts)), len(texts))
        vectors = np.vstack(batches) if batches else np.zeros((0, embedder.dimension), dtype=np.float32)
        faiss.write_index(make_vector_index(vectors), str(staging / VECTORS))
        LexicalIndex.build(texts).save(staging / LEXICAL)
        with open(staging / CHUNKS, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            model=embedder.spec,
            dimension=embedder.dimension,
            chunking=chunking,
            sources=sources,
            chunk_count=len(chunks),
            created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            files=_index_files(staging),
        )
        (staging / MANIFEST).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), encoding="utf-8")
        _swap_in(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _swap_in(staging: Path, directory: Path) -> None:
    """Replace directory with staging; at every instant one complete index is in place or being renamed."""
    old = directory.parent / f".{directory.name}.old-{os.getpid()}"
    if directory.exists():
        os.replace(directory, old)
    os.replace(staging, directory)
    shutil.rmtree(old, ignore_errors=True)


def read_manifest(directory: str | Path) -> Manifest:
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.is_file():
        raise IndexProblem(f"no index at {directory}: run `ess-qa index` to build it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except (ValueError, TypeError) as exc:
        raise IndexProblem(f"damaged index manifest at {path} ({exc.__class__.__name__}): run `ess-qa index` to rebuild it") from None
    if manifest.format_version != FORMAT_VERSION:
        raise IndexProblem(
            f"index at {directory} has format version {manifest.format_version}, this ess-qa reads version "
            f"{FORMAT_VERSION}: run `ess-qa index` to rebuild it"
        )
    return manifest


def verify_files(directory: Path, manifest: Manifest) -> None:
    """Check every index file is present with the size and checksum the manifest recorded."""
    for name, expected in manifest.files.items():
        path = directory / name
        if not path.is_file():
            raise IndexProblem(f"incomplete index at {directory}: {name} is missing; run `ess-qa index` to rebuild it")
        if path.stat().st_size != expected["size"] or sha256_file(path) != expected["sha256"]:
            raise IndexProblem(f"damaged index at {directory}: {name} does not match its checksum; run `ess-qa index` to rebuild it")


class SearchIndex:
    """A loaded index: chunks, their vectors, their BM25 index, and the model that embeds queries."""

    def __init__(self, directory: Path, manifest: Manifest, chunks: list[Chunk], vectors, lexical: LexicalIndex, embedder: Embedder):
        self.directory = directory
        self.manifest = manifest
        self.chunks = chunks
        self.vectors = vectors
        self.lexical = lexical
        self.embedder = embedder

    @classmethod
    def load(cls, directory: str | Path, embedder: Embedder | None = None) -> "SearchIndex":
        """Load and check an index; raises IndexProblem with the fix when it cannot be used."""
        import faiss

        directory = Path(directory)
        manifest = read_manifest(directory)
        verify_files(directory, manifest)
        embedder = embedder or load_embedder(manifest.model)
        if embedder.spec != manifest.model or embedder.dimension != manifest.dimension:
            raise IndexProblem(
                f"index at {directory} was built with model '{manifest.model}' ({manifest.dimension}-d), not "
                f"'{embedder.spec}' ({embedder.dimension}-d): run `ess-qa index --model {embedder.spec}` to rebuild it"
            )
        with open(directory / CHUNKS, encoding="utf-8") as handle:
            chunks = [Chunk(**json.loads(line)) for line in handle if line.strip()]
        vectors = faiss.read_index(str(directory / VECTORS))
        if len(chunks) != manifest.chunk_count or vectors.ntotal != len(chunks):
            raise IndexProblem(f"damaged index at {directory}: chunk and vector counts differ; run `ess-qa index` to rebuild it")
        return cls(directory, manifest, chunks, vectors, LexicalIndex.load(directory / LEXICAL), embedder)

    def dense_search(self, query_vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the k nearest chunks for each query vector."""
        k = min(k, len(self.chunks))
        return self.vectors.search(np.ascontiguousarray(query_vectors, dtype=np.float32), k)
