"""ess-qa: cited answers from the report « Métropoles, économie sociale et solidaire et innovation sociale »."""

from ingest.types import Chunk, Page

from .assistant import Assistant, BuildReport, NothingToIndex, build
from .questions import EmptyQuestion
from .retrieval import Filters
from .types import Answer, Passage

__all__ = ["Answer", "Assistant", "BuildReport", "Chunk", "EmptyQuestion", "Filters", "NothingToIndex", "Page", "Passage", "build"]
