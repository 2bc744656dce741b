"""Adding, replacing and removing documents of a local index.

The new index holds the documents kept and the ones given; every vector the index already holds
is taken from it by content (index.embedding_cache), so only new text is embedded, and the folder
is swapped atomically as by any build (a failed or killed write leaves the previous index).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from ingest.types import Chunk

from .build import build_index
from .embedding import DEFAULT_MODEL
from .interface import NewDocument
from .layout import EXTRAS
from .local import LocalStore
from .manifest import Manifest, index_exists


class UnknownDocument(ValueError):
    """A document named for removal that the index does not hold."""


class LocalWriter:
    """Writes the index folder at directory (see index.interface.StoreWriter)."""

    def __init__(
        self, directory: str | Path, model: str | None = None, chunking: dict | None = None, exact_limit: int | None = None, corpus: str | Path | None = None, reuse: bool = True,
        derived: Callable[[LocalStore], dict] | None = None,
    ) -> None:
        """derived: attachments computed from each new index (see build_index), such as a calibration."""
        self.directory = Path(directory)
        self.model = model
        self.chunking = chunking
        self.exact_limit = exact_limit
        self.corpus = corpus
        self.reuse = reuse
        self.derived = derived

    def sync_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable[[int, int], None] | None = None) -> Manifest:
        """Hold exactly these documents: a build of the whole corpus (see index.build.build_index)."""
        chunks = [chunk for document in documents for chunk in document.chunks]
        sources = {document.name: document.sha256 for document in documents}
        return build_index(
            chunks, self.directory, sources, self.chunking or {}, self.model or DEFAULT_MODEL, progress,
            corpus=self.corpus, attachments=attachments, reuse=self.reuse, exact_limit=self.exact_limit, derived=self.derived,
        )

    def put_documents(self, documents: Sequence[NewDocument], attachments: dict | None = None, progress: Callable[[int, int], None] | None = None) -> Manifest:
        """Add these documents, or replace those of the same name; keep every other."""
        names = {document.name for document in documents}
        return self._write(names, documents, attachments, progress)

    def remove_documents(self, names: Sequence[str], attachments: dict | None = None) -> Manifest:
        """Remove the documents of these names; raises UnknownDocument for a name the index lacks."""
        held = self._current()[1]
        missing = [name for name in names if name not in held]
        if missing:
            raise UnknownDocument(f"not in the index at {self.directory}: {', '.join(missing)} (it holds: {', '.join(sorted(held)) or 'nothing'})")
        return self._write(set(names), (), attachments, None)

    def _current(self) -> tuple[list[Chunk], dict[str, str], dict, str, str, dict]:
        """The index now there: chunks, sources, attachments, model, corpus, chunking (empty when none)."""
        if not index_exists(self.directory):
            return [], {}, {}, self.model or DEFAULT_MODEL, "", self.chunking or {}
        store = LocalStore.load(self.directory)
        prefix = f"{EXTRAS}/"
        names = [path[len(prefix) : -len(".json")] for path in store.manifest.files if path.startswith(prefix) and path.endswith(".json")]
        attachments = {name: store.attachment(name) for name in names}
        manifest = store.manifest
        return list(store.chunks), dict(manifest.sources), attachments, manifest.model, manifest.corpus, manifest.chunking

    def _write(self, dropped: set[str], documents: Sequence[NewDocument], attachments: dict | None, progress) -> Manifest:
        chunks, sources, previous_attachments, model, corpus, chunking = self._current()
        kept = [chunk for chunk in chunks if chunk.source not in dropped]
        sources = {name: checksum for name, checksum in sources.items() if name not in dropped}
        for document in documents:
            kept.extend(document.chunks)
            sources[document.name] = document.sha256
        return build_index(
            kept,
            self.directory,
            sources,
            chunking,
            model,
            progress,
            corpus=corpus or None,
            attachments=previous_attachments if attachments is None else attachments,
            exact_limit=self.exact_limit,
            derived=self.derived,
        )
