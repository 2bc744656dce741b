"""Paired runs: the same measure on this checkout and on an earlier commit, in one benchmark run.

`checkout(rev)` makes a temporary git worktree of rev; `env_for(root)` is an environment whose
Python imports ess-qa from that root (before any installed copy), so a child process started with
it runs the old code. `machine()` describes where the figures come from.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """A temporary worktree of rev (removed after)."""
    folder = Path(tempfile.mkdtemp(prefix="ess-qa-baseline-"))
    target = folder / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(target), rev], check=True)
    try:
        yield target
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(target)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def env_for(root: Path, **extra: str) -> dict:
    """The environment of a child process that imports ess-qa from root."""
    env = {**os.environ, "PYTHONPATH": str(root), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.update(extra)
    return env


def cli(root: Path) -> list[str]:
    """The `ess-qa` command of the code at root."""
    return [sys.executable, "-m", "ess_qa.cli"]


def wall_seconds(argv: list[str], env: dict, cwd: Path) -> float:
    """Wall time of one run of a command (which must succeed)."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def build_seconds(root: Path, corpus: Path, index: Path) -> float:
    """Wall time of `ess-qa index` of corpus into an empty index folder, with the code at root."""
    shutil.rmtree(index, ignore_errors=True)
    return index_seconds(root, corpus, ["--index-dir", str(index)])


def index_seconds(root: Path, corpus: Path, where: list[str]) -> float:
    """Wall time of `ess-qa index` of corpus into the index its options `where` name (--index-dir DIR, or
    --store URL --collection NAME), with the code at root."""
    start = time.perf_counter()
    subprocess.run(cli(root) + ["index", "--corpus", str(corpus), *where, "--quiet"], env=env_for(root), cwd=root, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def machine() -> str:
    """One line: cores, CPU model, memory, load average."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{len(os.sched_getaffinity(0))} cores ({cpu}){memory}, load average {load}"
