"""Start-up as a person meets it: `ess-qa --help`, a cold `ess-qa ask`, `Assistant.load()`, `ess-qa serve` until /search answers.

Usage: python benchmarks/bench_startup.py [--baseline REV] [--runs 5] [--skip-serve]

Each figure is the median wall time of --runs fresh processes, with an index of the bundled report
already built (the OS page cache is warm, as for a person asking a second question). With
--baseline, the same measures run on that commit too (a temporary git worktree), against the same
index, in the same run: old and new side by side. For `serve`, the time that importing gradio alone
takes is printed beside it, since no page can answer before gradio is imported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paired import ROOT, checkout, cli, env_for, machine, median_of, wall_seconds

QUESTION = "Combien de métropoles ont été interrogées dans l'enquête ?"
LOAD = """
import json, time
start = time.perf_counter()
from ess_qa import Assistant
assistant = Assistant.load({index!r})
loaded = time.perf_counter()
assistant.ask({question!r})
print(json.dumps({{"load": loaded - start, "first_answer": time.perf_counter() - start}}))
"""


def in_process(root: Path, index: Path) -> dict:
    """Seconds from `import ess_qa` to a loaded Assistant, and to its first answer, in a fresh process."""
    code = LOAD.format(index=str(index), question=QUESTION)
    out = subprocess.run([sys.executable, "-c", code], env=env_for(root), cwd=root, check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def serve_until_search(root: Path, index: Path, port: int) -> float:
    """Seconds from starting `ess-qa serve` to its first successful /search answer.

    Polled every 50 ms with plain HTTP calls to Gradio's REST API for /search (a gradio_client
    Client costs several requests to set up, which would be counted here)."""
    import httpx

    start = time.perf_counter()
    process = subprocess.Popen(
        cli(root) + ["serve", "--port", str(port), "--index-dir", str(index)],
        env=env_for(root), cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/gradio_api/call/search"
    try:
        with httpx.Client(timeout=30) as http:
            while True:
                try:
                    call = http.post(url, json={"data": [QUESTION, 5]})
                    if call.status_code == 200 and "event: complete" in http.get(f"{url}/{call.json()['event_id']}").text:
                        return time.perf_counter() - start
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.perf_counter() - start > 180:
                    raise RuntimeError("ess-qa serve did not answer /search within 180 s")
                time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(root: Path, index: Path, runs: int, serve: bool) -> dict:
    env = env_for(root)
    figures = {
        "help": median_of(runs, lambda: wall_seconds(cli(root) + ["--help"], env, root)),
        "ask": median_of(runs, lambda: wall_seconds(cli(root) + ["ask", QUESTION, "--index-dir", str(index)], env, root)),
    }
    loads = [in_process(root, index) for _ in range(runs)]
    figures["load"] = sorted(x["load"] for x in loads)[runs // 2]
    figures["load_and_first_answer"] = sorted(x["first_answer"] for x in loads)[runs // 2]
    if serve:
        figures["serve"] = median_of(max(1, runs // 2), lambda: serve_until_search(root, index, 7871))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="also measure this commit (e.g. 51ea399), in a temporary worktree")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-serve", action="store_true", help="leave out `ess-qa serve` (the slowest measure)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ess-qa-bench-") as work:
        index = Path(work) / "index"
        subprocess.run(cli(ROOT) + ["index", "--index-dir", str(index), "--quiet"], env=env_for(ROOT), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        gradio = median_of(args.runs, lambda: wall_seconds([sys.executable, "-c", "import gradio"], env_for(ROOT), ROOT))
        results = {"this checkout": measure(ROOT, index, args.runs, not args.skip_serve)}
        if args.baseline:
            with checkout(args.baseline) as old:
                results[f"baseline {args.baseline}"] = measure(old, index, args.runs, not args.skip_serve)
    print(f"machine: {machine()}")
    print(f"median of {args.runs} fresh processes; `import gradio` alone: {gradio:.2f} s")
    names = ["help", "ask", "load", "load_and_first_answer"] + ([] if args.skip_serve else ["serve"])
    labels = {"help": "ess-qa --help", "ask": "ess-qa ask (cold)", "load": "Assistant.load()", "load_and_first_answer": "load + first ask", "serve": "serve until /search answers"}
    print(f"{'':32}" + "".join(f"{name:>24}" for name in results))
    for name in names:
        print(f"{labels[name]:32}" + "".join(f"{figures[name]:>22.2f} s" for figures in results.values()))


if __name__ == "__main__":
    main()
