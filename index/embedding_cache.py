"""Vectors of texts already embedded by one model, found by the text's content.

A build asks the cache for every text it needs (chunks, answer units, corpus words): texts seen
before (in the previous index, or earlier in the same build, such as an unchanged page of a
re-exported PDF or a second copy of a report) are copied, and only the distinct new ones are
embedded, in parallel batches.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable

import numpy as np

from .embedding import Embedder


def text_key(text: str) -> bytes:
    """The content key of a text: 16 bytes of BLAKE2b over its UTF-8 bytes."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class EmbeddingCache:
    """Passage vectors of one model, keyed by text content; `embedded` counts the texts it had to embed."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._rows: dict[bytes, np.ndarray] = {}
        self.embedded = 0

    def add(self, texts: Iterable[str], vectors: np.ndarray) -> None:
        """Remember vectors already computed with this cache's model (e.g. a previous index's)."""
        owned = np.array(vectors, dtype=np.float32, copy=True)  # rows outlive the caller's arrays (FAISS memory)
        for text, vector in zip(texts, owned):
            self._rows.setdefault(text_key(text), vector)

    def add_keyed(self, rows: Iterable[tuple[bytes, np.ndarray]]) -> None:
        """Remember vectors stored by content key (a database store's essqa_text_vectors)."""
        for key, vector in rows:
            self._rows.setdefault(bytes(key), np.asarray(vector.to_numpy() if hasattr(vector, "to_numpy") else vector, dtype=np.float32))

    def keyed(self, keys: Iterable[bytes]) -> list[tuple[bytes, np.ndarray]]:
        """(key, vector) of those keys the cache holds."""
        return [(key, self._rows[key]) for key in keys if key in self._rows]

    def __contains__(self, text: str) -> bool:
        return text_key(text) in self._rows

    def vectors(self, texts: list[str], progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, int]:
        """(vectors of texts, how many distinct texts were embedded for this call).

        progress(done, total) counts the distinct texts being embedded."""
        keys = [text_key(t) for t in texts]
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in self._rows and key not in missing:
                missing[key] = text
        if missing:
            fresh = self.embedder.encode_passages(list(missing.values()), progress=progress)
            self._rows.update(zip(missing.keys(), fresh))
            self.embedded += len(missing)
        if not texts:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32), 0
        return np.stack([self._rows[key] for key in keys]).astype(np.float32, copy=False), len(missing)
