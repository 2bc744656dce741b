"""Speed and size of ess-qa on the bundled report and on synthetic corpora of N copies of it.

Usage: python benchmarks/bench_scale.py [--copies 1,10,20] [--questions FILE] [--rounds 3] [--json OUT]

For each N: a folder of N files report-01.txt ... report-NN.txt, each a copy of the report
(copy 1 verbatim; in copy i every number is shifted by i - 1, digit count kept, so the copies are
distinct files with distinct fact-sheet figures; the 154 of 372 chunks without a digit stay
identical across copies). Every scenario runs in a fresh Python process, which reports its own
peak memory (ru_maxrss):

- build: `ess_qa.build` from scratch (model loading included), pages/s and chunks/s, size on disk;
- cold start: import + Assistant.load + first `ask`, in a process that has not loaded anything
  (the index files are in the OS page cache after the build);
- warm latency: `search` (k=10) and `ask` (k=5) over every question of the set, `rounds` times,
  median and 95th percentile over all rounds (the median of the first round, questions never seen
  before by the per-index caches, is printed below the table);
- batch: `batch` of 60 questions against a loop of 60 `ask` calls (median of 3 runs each).

For the largest N, also:
- the HNSW index (forced with exact_limit=0 on a copy of the index: incremental, so only the graph
  is built), its warm latency, and recall@10 of the graph against exact search for the real query
  vectors of the dev and held-out questions. Many chunks are identical across copies, so recall
  follows ann-benchmarks' definition (a result counts when its exact cosine reaches the 10th best,
  so any of 20 identical chunks is right); it is also printed for a graph of the distinct chunks
  only (no duplicates crowding the neighbour lists), with plain ids as well;
- incremental re-indexing: the same corpus plus one small new file, re-indexed over a copy of the
  index (only the new file is embedded), against the full build.

Figures, not assertions: the machine (cores, CPU, RAM, load average) is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "heldout.jsonl"
DEV = ROOT / "tests" / "data" / "dev.jsonl"
BATCH_SIZE = 60
NOTE = (
    "Note de service : la métropole ouvre en 2026 un appel à projets pour les tiers-lieux de "
    "l'économie sociale et solidaire, doté de 250 000 euros, avec un jury composé d'élus et "
    "d'acteurs de l'ESS. Les dossiers sont à déposer avant le 15 mars.\n"
)


# --- the child processes: one scenario each, a JSON line on stdout ------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child_build(corpus: str, index_dir: str, exact_limit: str) -> dict:
    start = time.perf_counter()
    from ess_qa import build

    imported = time.perf_counter()
    report = build(corpus, index_dir, exact_limit=int(exact_limit) if exact_limit != "default" else None)
    done = time.perf_counter()
    return {
        "import_s": imported - start,
        "build_s": done - imported,
        "pages": report.pages,
        "chunks": report.chunks,
        "files": len(report.files),
        "reuse": report.reuse_summary(),
        "embedded": report.embedded,
        "peak_mb": _peak_mb(),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def child_query(index_dir: str, questions_file: str, rounds: str) -> dict:
    start = time.perf_counter()
    from ess_qa import Assistant
    from ess_qa.evaluation import load_questions

    imported = time.perf_counter()
    assistant = Assistant.load(index_dir)
    loaded = time.perf_counter()
    questions = [q.question for q in load_questions(questions_file)]
    assistant.ask(questions[0])
    first = time.perf_counter()
    out = {"import_s": imported - start, "load_s": loaded - imported, "first_answer_s": first - loaded, "cold_s": first - start}
    for name, call, k in (("search", assistant.search, 10), ("ask", assistant.ask, 5)):
        latencies = []
        for _ in range(int(rounds)):
            for question in questions:
                t = time.perf_counter()
                call(question, k=k)
                latencies.append((time.perf_counter() - t) * 1000)
        out[f"{name}_first_pass_p50_ms"] = statistics.median(latencies[: len(questions)])  # questions not seen before
        out[f"{name}_p50_ms"] = statistics.median(latencies)
        out[f"{name}_p95_ms"] = percentile(latencies, 0.95)
        out[f"{name}_n"] = len(latencies)
    batch = (questions * 2)[:BATCH_SIZE]
    batch_s, loop_s = [], []
    for _ in range(3):
        t = time.perf_counter()
        assistant.batch(batch, k=5)
        batch_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        for question in batch:
            assistant.ask(question, k=5)
        loop_s.append(time.perf_counter() - t)
    out["batch_qps"] = BATCH_SIZE / statistics.median(batch_s)
    out["loop_qps"] = BATCH_SIZE / statistics.median(loop_s)
    out["peak_mb"] = _peak_mb()
    return out


def recall_at_10(cosines, found) -> float:
    """ann-benchmarks' recall@10: a result is right when its exact cosine reaches the 10th best
    (so any of several identical vectors is right), averaged over queries."""
    import numpy as np

    tenth = -np.sort(-cosines, axis=1)[:, 9]
    return float(np.mean([(cosines[i, row[row >= 0]] >= tenth[i] - 1e-6).sum() / 10 for i, row in enumerate(found)]))


def child_recall(exact_dir: str, approximate_dir: str, questions_file: str) -> dict:
    import faiss
    import numpy as np

    from ess_qa import Assistant
    from ess_qa.evaluation import load_questions
    from index import LocalStore
    from index.build import index_text, make_vector_index

    exact = LocalStore.load(exact_dir)
    approximate = LocalStore.load(approximate_dir, exact.embedder)
    questions = [q.question for f in (questions_file, str(DEV)) for q in load_questions(f)]
    queries = exact.embedder.encode_queries(questions)
    cosines = exact.cosines(queries)  # exact cosine of every query with every chunk
    _, found = approximate.dense_search(queries, 10)
    tie_recall = recall_at_10(cosines, found)
    # the same on a graph of the distinct chunks only (no duplicates to crowd neighbour lists; the
    # vectors of one text embedded in two batches differ in the 7th decimal, so texts are compared)
    first = {}
    for position, chunk in enumerate(exact.chunks):
        first.setdefault(index_text(chunk), position)
    distinct = np.ascontiguousarray(exact.vector_matrix[sorted(first.values())])
    t = time.perf_counter()
    graph, described = make_vector_index(distinct, exact_limit=0)
    graph_s = time.perf_counter() - t
    _, got = graph.search(queries, 10, params=faiss.SearchParametersHNSW(efSearch=described["ef_search"]))
    distinct_recall = recall_at_10(queries @ distinct.T, got)
    exact_ids = np.argsort(-queries @ distinct.T, axis=1, kind="stable")[:, :10]
    id_recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact_ids, got)]))
    # end to end: the same passages from the approximate index as from the exact one?
    a, b = Assistant(exact), Assistant(approximate)
    same = sum([p.chunk_id for p in a.search(q, k=10)] == [p.chunk_id for p in b.search(q, k=10)] for q in questions)
    same_cited = sum([p.citation for p in a.search(q, k=10)] == [p.citation for p in b.search(q, k=10)] for q in questions)
    return {
        "queries": len(queries),
        "vectors": int(exact.vector_matrix.shape[0]),
        "distinct_vectors": int(len(distinct)),
        "recall_ties": tie_recall,
        "recall_distinct": distinct_recall,
        "recall_distinct_ids": id_recall,
        "distinct_graph_s": graph_s,
        "hnsw": described,
        "same_top10": same,
        "same_top10_citations": same_cited,
    }


CHILDREN = {"build": child_build, "query": child_query, "recall": child_recall}


# --- the parent: corpora, scenarios, report -----------------------------------------------------


def run_child(kind: str, *args: str) -> dict:
    started = time.perf_counter()
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    done = subprocess.run([sys.executable, __file__, "--child", kind, *map(str, args)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark child {kind} failed")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started
    return result


def shift_numbers(text: str, shift: int) -> str:
    """Every run of digits shifted by `shift`, keeping its number of digits (modulo 10^len)."""
    if shift == 0:
        return text
    return re.sub(r"\d+", lambda m: str((int(m.group()) + shift) % 10 ** len(m.group())).zfill(len(m.group())), text)


def make_corpus(folder: Path, copies: int) -> Path:
    report = (ROOT / "corpus" / "metropoles-ess.txt").read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    width = max(2, len(str(copies)))
    for i in range(1, copies + 1):
        (folder / f"report-{i:0{width}d}.txt").write_text(shift_numbers(report, i - 1), encoding="utf-8")
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    mem_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return {"nproc": nproc, "cpu": model, "ram_gib": round(mem_kb / 1024 / 1024, 1), "python": sys.version.split()[0], "threads": os.environ.get("ESS_QA_THREADS", "1")}


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,10,20", help="comma-separated numbers of copies of the report (default 1,10,20)")
    parser.add_argument("--questions", default=str(QUESTIONS))
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions for warm latencies")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    parser.add_argument("--work", help="folder for corpora and indexes (default: a temporary folder, removed)")
    args = parser.parse_args()
    copies = sorted({int(c) for c in args.copies.split(",") if c.strip()})
    info = machine()
    print(f"machine: {info['nproc']} cores ({info['cpu']}), {info['ram_gib']} GiB RAM, Python {info['python']}, ESS_QA_THREADS={info['threads']}")
    print(f"load average at start: {load_average()}")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="ess-qa-bench-"))
    results: dict = {"machine": info, "load_start": load_average(), "scenarios": {}}
    try:
        for n in copies:
            corpus = make_corpus(work / f"corpus-{n}", n)
            index = work / f"index-{n}"
            built = run_child("build", corpus, index, "default")
            built["index_mb"] = folder_size(index) / 1e6
            built["vector_index"] = json.loads((index / "manifest.json").read_text(encoding="utf-8"))["vector_index"]["type"]
            queried = run_child("query", index, args.questions, args.rounds)
            results["scenarios"][f"{n}"] = {"copies": n, "build": built, "query": queried}
            print(f"{n} copies: built in {built['build_s']:.1f} s, warm search p50 {queried['search_p50_ms']:.1f} ms", flush=True)
        largest = copies[-1]
        corpus, index = work / f"corpus-{largest}", work / f"index-{largest}"
        # the approximate index: same vectors, HNSW graph (incremental rebuild embeds nothing)
        approximate = work / f"index-{largest}-hnsw"
        shutil.copytree(index, approximate)
        graph = run_child("build", corpus, approximate, "0")
        graph["index_mb"] = folder_size(approximate) / 1e6
        graph["vector_index"] = "hnsw"
        queried = run_child("query", approximate, args.questions, args.rounds)
        recall = run_child("recall", index, approximate, args.questions)
        results["scenarios"][f"{largest}-hnsw"] = {"copies": largest, "build": graph, "query": queried, "recall": recall}
        # incremental: one small new file
        plus = work / f"corpus-{largest}-plus"
        plus.mkdir()
        for file in corpus.iterdir():
            os.link(file, plus / file.name)
        (plus / "note-de-service.txt").write_text(NOTE, encoding="utf-8")
        incremental_index = work / f"index-{largest}-incremental"
        shutil.copytree(index, incremental_index)
        incremental = run_child("build", plus, incremental_index, "default")
        unchanged = run_child("build", plus, incremental_index, "default")
        results["incremental"] = {"copies": largest, "full": results["scenarios"][f"{largest}"]["build"], "added_one_file": incremental, "unchanged": unchanged}
    finally:
        results["load_end"] = load_average()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


def report(results: dict) -> None:
    info = results["machine"]
    print()
    print(f"Machine: {info['nproc']} cores (`nproc`), {info['cpu']}, {info['ram_gib']} GiB RAM; ESS_QA_THREADS={info['threads']}; "
          f"load average {results['load_start']} at start, {results['load_end']} at the end.")
    print()
    print("| corpus | pages | chunks | FAISS | build | pages/s | chunks/s | index on disk | build peak RSS | cold start (import + load + 1st answer) | search k=10 p50 / p95 | ask k=5 p50 / p95 | batch of 60 | 60 × ask | query peak RSS |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, s in results["scenarios"].items():
        b, q = s["build"], s["query"]
        label = "the report" if s["copies"] == 1 else f"{s['copies']} copies"
        if name.endswith("-hnsw"):
            label += " (HNSW forced)"
            build = f"{b['build_s']:.1f} s (graph only)"
            rates = "–", "–"
        else:
            build = f"{b['build_s']:.1f} s"
            rates = f"{b['pages'] / b['build_s']:.1f}", f"{b['chunks'] / b['build_s']:.0f}"
        cold = f"{q['cold_s']:.1f} s ({q['import_s']:.1f} + {q['load_s']:.2f} + {q['first_answer_s']:.1f})"
        print(
            f"| {label} | {b['pages']:,} | {b['chunks']:,} | {b['vector_index']} | {build} | {rates[0]} | {rates[1]} | {b['index_mb']:.0f} MB | {b['peak_mb']:.0f} MB | {cold} | "
            f"{q['search_p50_ms']:.1f} / {q['search_p95_ms']:.1f} ms | {q['ask_p50_ms']:.1f} / {q['ask_p95_ms']:.1f} ms | "
            f"{q['batch_qps']:.0f} q/s | {q['loop_qps']:.0f} q/s | {q['peak_mb']:.0f} MB |"
        )
    print()
    for name, s in results["scenarios"].items():
        if "recall" in s:
            r = s["recall"]
            print(
                f"HNSW ({s['copies']} copies, M={r['hnsw']['m']}, efConstruction={r['hnsw']['ef_construction']}, efSearch={r['hnsw']['ef_search']}), "
                f"{r['queries']} real questions: recall@10 {r['recall_ties']:.3f} against exact search over the {r['vectors']:,} vectors "
                f"(ann-benchmarks' definition: a result counts when its cosine reaches the exact 10th best, so any of identical copies counts); "
                f"on a graph of the {r['distinct_vectors']:,} distinct chunks only, {r['recall_distinct']:.3f} ({r['recall_distinct_ids']:.3f} as plain ids, near-ties included); "
                f"top-10 passages identical to exact search for {r['same_top10']}/{r['queries']} questions "
                f"(same citations for {r['same_top10_citations']}/{r['queries']})."
            )
    inc = results.get("incremental")
    if inc:
        full, added, unchanged = inc["full"], inc["added_one_file"], inc["unchanged"]
        print(
            f"Re-indexing {inc['copies']} copies + 1 small new file: {added['build_s']:.1f} s ({added['reuse']}; embedded {added['embedded']}) "
            f"against {full['build_s']:.1f} s for the full build ({added['build_s'] / full['build_s']:.0%}); "
            f"whole process {added['process_s']:.1f} s against {full['process_s']:.1f} s. Nothing changed: {unchanged['build_s']:.1f} s ({unchanged['reuse']})."
        )
    for name, s in results["scenarios"].items():
        q = s["query"]
        print(f"{name}: first pass over the questions: search p50 {q['search_first_pass_p50_ms']:.1f} ms, ask p50 {q['ask_first_pass_p50_ms']:.1f} ms")
        print(f"{name}: batch of {BATCH_SIZE} {q['batch_qps']:.1f} questions/s, loop of {BATCH_SIZE} ask {q['loop_qps']:.1f} questions/s ({q['batch_qps'] / q['loop_qps']:.2f}x)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        print(json.dumps(CHILDREN[sys.argv[2]](*sys.argv[3:])))
    else:
        main()
