"""The store options of every command that reads or writes an index, declared once (no numpy imported)."""

from __future__ import annotations

import argparse

from .config import STORE_ENV

STORE_HELP = (
    f"a PostgreSQL store, postgresql://USER@HOST/DB (default ${STORE_ENV}), instead of an index folder; keep the "
    "password out of the URL (any user can read a command line with `ps`): use PGPASSWORD, ~/.pgpass or PGSERVICE"
)


def add_store_arguments(parser: argparse.ArgumentParser, writing: bool = False) -> None:
    """--store, and --collection: the one a write goes to, or the ones a read searches (repeatable; default all)."""
    parser.add_argument("--store", default=None, help=STORE_HELP)
    if writing:
        parser.add_argument("--collection", default="", help="the store's collection this corpus goes to (default: 'default'); it then holds exactly this corpus")
    else:
        parser.add_argument("--collection", action="append", default=[], help="search only this collection of the store (repeatable; default: all)")
