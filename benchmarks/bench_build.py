"""Indexing speed: embedding throughput on distinct texts, full builds, and N copies of the report.

Usage: python benchmarks/bench_build.py [--baseline REV] [--copies 20] [--docs ../shared/docs]

- embedding: the distinct chunk texts of the bundled report plus the PDFs of --docs (read from
  there, never copied into the project), embedded by the default model in a fresh process after
  one warm-up call: chunks per second. With --baseline, the same texts through that commit's code.
- build: `ess-qa index` of the same files into an empty index directory, wall time (model loading,
  chunking, embedding of chunks, answer units and words, BM25, writing).
- copies: N copies of the report (copy i with every number shifted by i - 1, as in bench_scale.py)
  built into an empty index directory: wall time, total and distinct chunks; then warm `search`
  (k=10) p50 over the held-out questions on that index: their first pass (each question new to
  the freshly loaded index, whose per-sentence term caches fill as questions reach them), then a
  second pass (warm).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_scale import make_corpus
from paired import ROOT, build_seconds, checkout, env_for, machine

DOCS = ROOT.parent / "shared" / "docs"
HELDOUT = ROOT / "tests" / "data" / "heldout.jsonl"

EMBED = """
import json, time
from pathlib import Path
from index import load_embedder
from index.store import index_text
from ingest import chunk_pages
from ingest.loaders import load_pages
texts = sorted({{index_text(c) for c in chunk_pages(load_pages(Path({corpus!r})).pages)}})
embedder = load_embedder()
embedder.encode_passages(texts[:8])
start = time.perf_counter()
embedder.encode_passages(texts)
print(json.dumps({{"chunks": len(texts), "seconds": time.perf_counter() - start}}))
"""

SEARCH = """
import json, statistics, time
from ess_qa import Assistant
from ess_qa.evaluation import load_questions
assistant = Assistant.load({index!r})
questions = [q.question for q in load_questions({questions!r})]
assistant.search(questions[0], k=10)
passes = []
for _ in range(2):
    times = []
    for question in questions:
        start = time.perf_counter()
        assistant.search(question, k=10)
        times.append((time.perf_counter() - start) * 1000)
    passes.append(statistics.median(times))
print(json.dumps({{"first_pass_p50_ms": passes[0], "search_p50_ms": passes[1], "n": len(questions)}}))
"""


def child(root: Path, code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], env=env_for(root), cwd=root, check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def mixed_corpus(folder: Path, docs: Path) -> Path:
    """The bundled report and the PDFs of docs, in a temporary folder outside the project."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "corpus" / "metropoles-ess.txt", folder)
    for pdf in sorted(docs.glob("*.pdf")):
        shutil.copy(pdf, folder)
    return folder


def measure(root: Path, corpus: Path, work: Path) -> dict:
    embedding = child(root, EMBED.format(corpus=str(corpus)))
    return {
        "chunks": embedding["chunks"],
        "chunks_per_s": embedding["chunks"] / embedding["seconds"],
        "build_s": statistics.median(build_seconds(root, corpus, work / "index") for _ in range(2)),
    }


def copies(root: Path, count: int, work: Path) -> dict:
    corpus = make_corpus(work / f"copies-{count}", count)
    index = work / f"copies-index-{count}"
    seconds = build_seconds(root, corpus, index)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    search = child(root, SEARCH.format(index=str(index), questions=str(HELDOUT)))
    distinct = manifest.get("build", {}).get("distinct_chunks", "?")
    return {"build_s": seconds, "chunks": manifest["chunk_count"], "distinct": distinct, **search}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="also measure this commit (e.g. 51ea399), in a temporary worktree")
    parser.add_argument("--copies", type=int, default=20, help="copies of the report for the large build (0: skip)")
    parser.add_argument("--baseline-copies", action="store_true", help="also build the copies with the baseline (slow)")
    parser.add_argument("--docs", default=str(DOCS), help="folder of PDFs indexed with the report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ess-qa-build-") as folder:
        work = Path(folder)
        corpus = mixed_corpus(work / "corpus", Path(args.docs))
        roots = {"this checkout": ROOT}
        results: dict[str, dict] = {}
        with checkout(args.baseline) if args.baseline else contextlib.nullcontext() as old:
            if old is not None:
                roots[f"baseline {args.baseline}"] = old
            for name, root in roots.items():
                results[name] = measure(root, corpus, work / name.replace(" ", "-"))
                if args.copies and (root == ROOT or args.baseline_copies):
                    results[name]["copies"] = copies(root, args.copies, work / name.replace(" ", "-"))
    print(f"machine: {machine()}")
    print(f"corpus: the bundled report + {len(list(Path(args.docs).glob('*.pdf')))} PDFs of {args.docs}")
    for name, figures in results.items():
        print(
            f"{name}: embedding {figures['chunks_per_s']:.1f} distinct chunks/s ({figures['chunks']} chunks); "
            f"build {figures['build_s']:.1f} s ({figures['chunks'] / figures['build_s']:.1f} chunks/s)"
        )
        if "copies" in figures:
            c = figures["copies"]
            print(
                f"  {args.copies} copies of the report: build {c['build_s']:.1f} s, {c['chunks']} chunks ({c['distinct']} distinct), "
                f"search p50 {c['first_pass_p50_ms']:.1f} ms first pass, {c['search_p50_ms']:.1f} ms warm, over {c['n']} questions"
            )
    if len(results) == 2:
        new, old = results.values()
        print(
            f"embedding throughput: {new['chunks_per_s'] / old['chunks_per_s']:.2f}x the baseline's; "
            f"whole build: {old['build_s'] / new['build_s']:.2f}x faster"
        )


if __name__ == "__main__":
    main()
