"""Shared fixtures: the bundled report indexed once per test session with the real default model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_ROOT / "corpus"
DEV_SET = Path(__file__).resolve().parent / "data" / "dev.jsonl"


@pytest.fixture(scope="session")
def report_index_dir(tmp_path_factory) -> Path:
    """An index of the bundled report, built once for the session (read-only for tests)."""
    from ess_qa import build

    directory = tmp_path_factory.mktemp("report-index") / "index"
    build(CORPUS, directory)
    return directory


@pytest.fixture(scope="session")
def assistant(report_index_dir):
    from ess_qa import Assistant

    return Assistant.load(report_index_dir)
