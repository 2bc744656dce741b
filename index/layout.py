"""What an index folder holds: its format version and file names, and IndexProblem, the error
that says what is wrong with an index and which `ess-qa index` command fixes it."""

from __future__ import annotations

import shlex
from pathlib import Path

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "dense.faiss"
LEXICAL = "lexical"
UNITS = "units.jsonl"
UNIT_VECTORS = "unit_vectors.npy"
EXTRAS = "extras"  # JSON documents derived from the corpus at build time (e.g. fact-sheet tables)

# HNSW parameters: on 20 copies of the report (7,440 vectors, many exact duplicates), recall@10 for
# real questions was 0.86 with efConstruction 80 / efSearch 128, 0.99 with 200 / 256 (0.2 ms a query).
HNSW_M = 32  # graph neighbours per vector
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 256  # candidates explored per search (raised to the number of results asked when higher)

INDEX_ENTRIES = {MANIFEST, CHUNKS, VECTORS, LEXICAL, UNITS, UNIT_VECTORS, EXTRAS}  # what an index folder may hold


class IndexProblem(RuntimeError):
    """An index that cannot be used; the message says what went wrong and what to run to fix it.

    `problem` is what went wrong; the fix is an `ess-qa index` command (with `fix_args`, e.g.
    `--model X`). str() names the index folder in that command; a caller that knows whether
    the user gave a folder (the CLI) uses `message(index_dir)` to repeat exactly what they typed.
    """

    def __init__(self, problem: str, directory: str | Path | None = None, fix_args: tuple[str, ...] = (), action: str = "rebuild it") -> None:
        self.problem = problem
        self.directory = Path(directory) if directory is not None else None
        self.fix_args = tuple(fix_args)
        self.action = action
        super().__init__(self.message(self.directory))

    def fix_command(self, index_dir: str | Path | None = None) -> str:
        """The command that fixes the problem, e.g. `ess-qa index --index-dir my-index`."""
        parts = ["ess-qa", "index", *self.fix_args]
        if index_dir:
            parts += ["--index-dir", str(index_dir)]
        return shlex.join(parts)

    def message(self, index_dir: str | Path | None = None) -> str:
        """'<problem>: run `<fix>` to <action>' (just the problem when no folder is known)."""
        if self.directory is None:
            return self.problem
        return f"{self.problem}: run `{self.fix_command(index_dir)}` to {self.action}"



def rebuild_args(corpus, model) -> tuple[str, ...]:
    from .embedding import DEFAULT_MODEL

    args: tuple[str, ...] = ()
    if isinstance(corpus, str) and corpus:
        args += ("--corpus", corpus)
    if isinstance(model, str) and model and model != DEFAULT_MODEL:
        args += ("--model", model)
    return args

