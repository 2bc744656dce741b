"""The options of `ess-qa serve` and `python app.py`, declared once for both (no page imported)."""

from __future__ import annotations

import argparse

from ..config import BUNDLED_CORPUS
from ..store_options import add_store_arguments

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
AUTH_ENV = "ESS_QA_AUTH"


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `ess-qa serve` and `python app.py`, declared once for both."""
    parser.add_argument(
        "--host",
        default=None,
        help=f"address to bind (default {DEFAULT_HOST}: this machine only); another address, e.g. 0.0.0.0, shares the "
        f"page with other machines and prints a warning; set {AUTH_ENV}=user:password to require a login",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--index-dir", help="index directory (default: $ESS_QA_INDEX_DIR or .ess-qa-index/; built on first start)")
    parser.add_argument(
        "--corpus",
        default=str(BUNDLED_CORPUS),
        help="file or folder indexed on first start when there is no index yet (default: the bundled report)",
    )
    add_store_arguments(parser)
