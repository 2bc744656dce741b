"""Chunks -> embeddings (sentence-transformers) + FAISS + French BM25, saved to disk with a manifest."""

from .embedding import DEFAULT_MODEL, Embedder, ModelError, load_embedder
from .lexical import LexicalIndex
from .store import IndexProblem, Manifest, SearchIndex, build_index, read_manifest

__all__ = [
    "DEFAULT_MODEL",
    "Embedder",
    "IndexProblem",
    "LexicalIndex",
    "Manifest",
    "ModelError",
    "SearchIndex",
    "build_index",
    "load_embedder",
    "read_manifest",
]
