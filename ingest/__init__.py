"""Files -> clean pages -> chunks with page and section (pypdf for PDF, form-feed-paged text)."""

from .chunking import ChunkingParams, chunk_pages
from .loaders import LoadResult, Skip, SkippedFile, load_pages, read_file_pages
from .types import Chunk, Citation, Page

__all__ = [
    "Chunk",
    "ChunkingParams",
    "Citation",
    "LoadResult",
    "Page",
    "Skip",
    "SkippedFile",
    "chunk_pages",
    "load_pages",
    "read_file_pages",
]
