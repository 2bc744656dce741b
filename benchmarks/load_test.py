"""Load test of the chat page's /search API: many gradio_client users at once.

Run on demand (not part of the test suite):

    python benchmarks/load_test.py                      # 16 clients x 8 questions, the default index
    python benchmarks/load_test.py --clients 32 --questions 4 --index-dir my-index

Starts the real server (`python app.py`) on 127.0.0.1 on a free port, in its own process, waits
until its index answers, then runs the clients in threads, each with its own gradio_client
Client, each asking its questions one after the other (questions from tests/data/heldout.jsonl,
a different slice per client). Every call is bounded (--timeout), and so is the whole run
(--time-limit). Prints the zero-error check, p50/p95/max latency as the clients saw it (queue
wait included) and the throughput; exits 1 when any call failed or returned something else than
k cited passages.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

__test__ = False  # not a pytest module, whatever its name

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "heldout.jsonl"
PASSAGE_KEYS = {"text", "source", "page", "section", "score", "citation"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


class Server:
    """`python app.py` on 127.0.0.1:port, in its own process, with its output kept."""

    def __init__(self, port: int, index_dir: str) -> None:
        env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
        env.pop("GRADIO_SERVER_NAME", None)
        env.pop("ESS_QA_AUTH", None)
        self.url = f"http://127.0.0.1:{port}/"
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port), "--index-dir", index_dir],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=lambda: self.output.extend(self.process.stdout), daemon=True).start()

    def wait_ready(self, deadline: float) -> None:
        """Until the page is up and /search answers (the index may be built on first start)."""
        from gradio_client import Client

        while not any("chat page at" in line for line in self.output):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start:\n" + "".join(self.output))
            time.sleep(0.2)
        client = Client(self.url, verbose=False)
        while True:
            try:
                client.predict(question="SCIC", k=1, api_name="/search")
                return
            except Exception as exc:  # "index being loaded/built" until it is ready
                if time.monotonic() > deadline:
                    raise SystemExit(f"the index did not become ready: {exc}") from None
                time.sleep(0.5)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class GradioUser:
    """One person's program using gradio_client (a Client each, as the README shows)."""

    def __init__(self, url: str) -> None:
        from gradio_client import Client

        self.client = Client(url, verbose=False)

    def search(self, question: str, k: int, timeout: float):
        return self.client.submit(question=question, k=k, api_name="/search").result(timeout=timeout)


class HttpUser:
    """One program calling Gradio's REST API with a plain HTTP client (POST the call, GET its result),
    as curl would: what the server costs without gradio_client's own work in the same process."""

    def __init__(self, url: str) -> None:
        import httpx

        self.url = url
        self.http = httpx.Client(timeout=60)

    def search(self, question: str, k: int, timeout: float):
        call = self.http.post(f"{self.url}gradio_api/call/search", json={"data": [question, k]}, timeout=timeout)
        call.raise_for_status()
        events = self.http.get(f"{self.url}gradio_api/call/search/{call.json()['event_id']}", timeout=timeout).text
        kind, data = "", ""
        for line in events.splitlines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                data = line.split(":", 1)[1].strip()
        if kind != "complete":
            raise RuntimeError(f"{kind}: {data[:200]}")
        return json.loads(data)[0]


class ApiUser(HttpUser):
    """One program calling the plain JSON API, `/api/search` (one request per question, no Gradio queue)."""

    def search(self, question: str, k: int, timeout: float):
        response = self.http.get(f"{self.url}api/search", params={"q": question, "k": k}, timeout=timeout)
        response.raise_for_status()
        return response.json()["passages"]


USERS = {"gradio": GradioUser, "http": HttpUser, "api": ApiUser}


def run(url: str, questions: list[str], clients: int, per_client: int, k: int, timeout: float, time_limit: float, kind: str = "gradio") -> dict:
    """Run the clients; returns latencies (s), errors and wall time."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(clients + 1)
    stop_at = [float("inf")]

    def user(number: int) -> None:
        try:
            client = USERS[kind](url)
        except Exception as exc:
            with lock:
                errors.append(f"client {number}: cannot connect: {exc}")
            ready.abort()
            return
        try:
            ready.wait(timeout=120)
        except threading.BrokenBarrierError:
            return
        for i in range(per_client):
            if time.monotonic() > stop_at[0]:
                with lock:
                    errors.append(f"client {number}: time limit reached before question {i + 1}")
                return
            question = questions[(number * per_client + i) % len(questions)]
            start = time.perf_counter()
            try:
                result = client.search(question, k, timeout)
                problem = check(result, k)
            except Exception as exc:  # a timeout, an error from the server, a dropped connection
                problem = f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors.append(f"client {number}, {question[:60]!r}: {problem}")

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    try:
        ready.wait(timeout=120)  # every client connected: start together
    except threading.BrokenBarrierError:
        pass
    began = time.perf_counter()
    stop_at[0] = time.monotonic() + time_limit
    for thread in threads:
        thread.join(timeout=max(0.0, stop_at[0] - time.monotonic()) + timeout)
    wall = time.perf_counter() - began
    stuck = sum(thread.is_alive() for thread in threads)
    if stuck:
        errors.append(f"{stuck} client(s) still running after the time limit")
    return {"latencies": latencies, "errors": errors, "wall": wall}


def check(result, k: int) -> str:
    """'' when a /search result is k cited passages, else what is wrong."""
    if not isinstance(result, list) or len(result) != k:
        return f"expected {k} passages, got {type(result).__name__} of {len(result) if isinstance(result, list) else '?'}"
    for passage in result:
        if not isinstance(passage, dict) or not PASSAGE_KEYS <= set(passage) or not passage["citation"]:
            return f"malformed passage: {str(passage)[:80]}"
    return ""


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from ess_qa.config import DEFAULT_K, resolve_index_dir
    from ess_qa.evaluation import load_questions
    from ess_qa.web import QUERY_CONCURRENCY

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--questions", type=int, default=8, help="questions per client")
    parser.add_argument("--k", type=int, default=DEFAULT_K)
    parser.add_argument("--index-dir", help="index to serve (default: $ESS_QA_INDEX_DIR or .ess-qa-index/; the bundled report is indexed into a temporary folder when there is none)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per call (default 60)")
    parser.add_argument("--time-limit", type=float, default=300.0, help="seconds allowed for the whole run (default 300)")
    parser.add_argument(
        "--client", choices=sorted(USERS), nargs="+", default=["gradio", "http", "api"],
        help="how the users call: gradio_client on /search, plain HTTP on Gradio's REST API for /search, or the "
        "JSON API /api/search (default: all three, one after the other)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 256 or not 1 <= args.questions <= 1000:
        parser.error("--clients must be 1-256 and --questions 1-1000")

    questions = [q.question for q in load_questions(QUESTIONS)]
    temporary = None
    index_dir = resolve_index_dir(args.index_dir)
    if not (index_dir / "manifest.json").is_file():
        temporary = tempfile.TemporaryDirectory(prefix="ess-qa-load-")
        index_dir = Path(temporary.name) / "index"
        print(f"no index at {resolve_index_dir(args.index_dir)}: the server indexes the bundled report into {index_dir} first")

    server = Server(free_port(), str(index_dir))
    try:
        server.wait_ready(time.monotonic() + 300)
        total = args.clients * args.questions
        print(
            f"load test: {args.clients} clients x {args.questions} questions = {total} /search calls (k={args.k}) "
            f"on {server.url}; {os.cpu_count()} CPU cores; server query concurrency {QUERY_CONCURRENCY}"
        )
        outcomes = {kind: run(server.url, questions, args.clients, args.questions, args.k, args.timeout, args.time_limit, kind) for kind in args.client}
    finally:
        server.stop()
        if temporary is not None:
            temporary.cleanup()
    return 0 if all(report(kind, outcome, total) for kind, outcome in outcomes.items()) else 1


def report(kind: str, outcome: dict, total: int) -> bool:
    """Print one run's figures; True when every call succeeded."""
    latencies = outcome["latencies"]
    errors = outcome["errors"]
    done = len(latencies)
    print(f"[{kind}] calls completed: {done} / {total}; errors: {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    if latencies:
        print(
            f"[{kind}] latency: p50 {percentile(latencies, 50) * 1000:.0f} ms, p95 {percentile(latencies, 95) * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms; "
            f"throughput: {done / outcome['wall']:.1f} calls/s over {outcome['wall']:.1f} s"
        )
    ok = not errors and done == total
    print(f"[{kind}] zero errors: {'OK' if ok else 'FAILED'}")
    return ok


if __name__ == "__main__":
    sys.exit(main())
