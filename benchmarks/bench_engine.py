"""Print the engine's speed on the bundled report: index build, cold start, warm search/ask latency, batch.

Usage: python benchmarks/bench_engine.py [--corpus DIR] [--questions FILE] [--rounds 3]
Figures, not assertions: run it on a quiet machine and copy the output into the README.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_qa import Assistant, build  # noqa: E402
from ess_qa.evaluation import load_questions  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--questions", default=str(ROOT / "tests/data/heldout.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    questions = [q.question for q in load_questions(args.questions)]
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        build_ms, report = timed(build, args.corpus, index_dir)
        print(f"build: {build_ms / 1000:.1f} s for {report.pages} pages, {report.chunks} chunks "
              f"({report.pages / (build_ms / 1000):.1f} pages/s, {report.chunks / (build_ms / 1000):.1f} chunks/s)")
        load_ms, assistant = timed(Assistant.load, index_dir)
        first_ms, _ = timed(assistant.ask, questions[0])
        print(f"cold start (process already warm, model cached): load {load_ms:.0f} ms, first answer {first_ms:.0f} ms")
        for name, call, k in (("search k=10", assistant.search, 10), ("ask k=5", assistant.ask, 5)):
            latencies = [timed(call, q, k=k)[0] for _ in range(args.rounds) for q in questions]
            print(f"warm {name}: median {statistics.median(latencies):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms over {len(latencies)} queries")
        loop_ms = sum(timed(assistant.ask, q)[0] for q in questions)
        batch_ms, _ = timed(assistant.batch, questions)
        print(f"batch of {len(questions)}: {len(questions) / (batch_ms / 1000):.1f} questions/s; "
              f"loop of ask: {len(questions) / (loop_ms / 1000):.1f} questions/s")


if __name__ == "__main__":
    main()
