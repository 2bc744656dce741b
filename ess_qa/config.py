"""Defaults, in one place: the bundled corpus, the index directory, how many passages a question gets."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "corpus"
INDEX_DIR_ENV = "ESS_QA_INDEX_DIR"
STORE_ENV = "ESS_QA_STORE"  # a PostgreSQL URL: the shared store every command uses instead of an index folder

DEFAULT_K = 5  # passages a question gets unless it asks for another number
MAX_K = 50  # the most passages a question may ask for (more are cut to this)
EVAL_K = 10  # passages each question of an evaluation gets (hit@10, MRR@10)


def default_index_dir() -> Path:
    """$ESS_QA_INDEX_DIR, else `.ess-qa-index/` at the project root (git-ignored)."""
    value = os.environ.get(INDEX_DIR_ENV)
    return Path(value).expanduser() if value else PROJECT_ROOT / ".ess-qa-index"


def resolve_index_dir(index_dir: str | os.PathLike | None) -> Path:
    return Path(index_dir).expanduser() if index_dir else default_index_dir()


def resolve_store(store: str | None) -> str | None:
    """The database store to use: the one given, else $ESS_QA_STORE, else None (a local index folder)."""
    return store or os.environ.get(STORE_ENV) or None
