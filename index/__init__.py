"""Chunks -> embeddings (sentence-transformers) + FAISS + French BM25, saved to disk with a manifest."""

from .embedding import DEFAULT_MODEL, Embedder, ModelError, load_embedder
from .lexical import LexicalIndex
from .local import LocalStore
from .store import IndexProblem, Manifest, build_index, read_manifest

__all__ = [
    "DEFAULT_MODEL",
    "Embedder",
    "IndexProblem",
    "LexicalIndex",
    "Manifest",
    "ModelError",
    "LocalStore",
    "build_index",
    "load_embedder",
    "read_manifest",
]
