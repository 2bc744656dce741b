"""Same figures through both stores: every question set answered from a local index and from the PostgreSQL store.

Usage: python benchmarks/bench_stores.py [--sets NAME ...] [--json OUT] [--docs DIR] [--show-differences]

Issue 14: "hit@5 and MRR@10 within 0.01 of the local store, identical answers on at least 95% of
questions". Starts its own PostgreSQL (embedded, as benchmarks/bench_postgres.py; Unix socket in a
/tmp folder, stopped and removed at the end). Each document of the sets asked for (the bundled
report's corpus/, each shared PDF copied alone into a temporary folder, as benchmarks/bench_questions.py
does) is indexed twice by `ess-qa index`: into a local index folder, and into the store with
`--store URL --collection NAME` (one collection per document, in one store). Each set is answered by
`ess-qa batch FILE --k 10` from both, scored by ess_qa.evaluation (the rule of `ess-qa eval`), and
its answers compared: identical when found, snippet and the list of passage citations (file, page,
section, page label) are the same, as tests/test_postgres.py's answer_key.

One row per set: hit@5, MRR@10 and answer@1 local / PostgreSQL / difference, refusals, identical
answers; then a verdict per set and overall. It measures: the exit status is 0 whatever the verdict.
--show-differences lists each differing answer's question id with both stores' top citations (only
the ids for an unseen set: its answers are not to be looked at).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench_postgres import start_postgres
from bench_questions import UNSEEN, Docs, QuestionSet, batch, chosen_sets, corpus_folder, figures_of, format_table, rate, revision, set_options
from paired import ROOT, build_seconds, index_seconds, machine

from ess_qa.config import EVAL_K
from ess_qa.evaluation import load_answers, load_questions, score

__test__ = False  # not a pytest module

TOLERANCE = 0.01  # hit@5 and MRR@10: |PostgreSQL - local| at most this
IDENTICAL_SHARE = 0.95  # answers identical through both stores, at least this share of a set's questions
STORES = ("local", "postgres")
HEADERS = [
    "set", "role", "n", "hit@5 local", "pg", "diff", "MRR@10 local", "pg", "diff", "answer@1 local/pg",
    "in-scope refused local/pg", "out-of-scope refused local/pg", "identical", "%",
]


@dataclass
class Comparison:
    """A set through both stores: each store's figures, and the answers that differ."""

    figures: dict[str, dict]  # by store: figures_of(score(...))
    questions: int
    differences: list[dict] = field(default_factory=list)  # id, what differs, each store's top citation

    @property
    def identical(self) -> int:
        return self.questions - len(self.differences)


# --- comparing answers ----------------------------------------------------------------------------


def answer_key(record: dict) -> tuple:
    """What must be the same for two answers to be identical: found, the snippet, the passages' citations
    (an answer's JSON line from `ess-qa batch`; tests/test_postgres.py's answer_key on Answer objects)."""
    return (record["found"], record["snippet"], tuple(p["citation"] for p in record["passages"]))


def top_citation(record: dict) -> str:
    """The first passage's citation, "(no passage)" when there is none."""
    return record["passages"][0]["citation"] if record["passages"] else "(no passage)"


def differences(ids: list[str], local: list[dict], postgres: list[dict]) -> list[dict]:
    """The answers that differ, in question order: the question's id, which parts differ, each store's top citation."""
    assert len(ids) == len(local) == len(postgres), f"{len(ids)} questions, {len(local)} and {len(postgres)} answers"
    found = []
    for qid, a, b in zip(ids, local, postgres):
        parts = [name for name, x, y in zip(("found", "snippet", "citations"), answer_key(a), answer_key(b)) if x != y]
        if parts:
            found.append({"id": qid, "differs": parts, "local": top_citation(a), "postgres": top_citation(b)})
    return found


def read_records(path: Path) -> list[dict]:
    """The answers' JSON lines of `ess-qa batch`, as dicts."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- measuring ------------------------------------------------------------------------------------


def collection_of(qset: QuestionSet) -> str:
    """The store's collection holding a set's document."""
    return Path(qset.document).stem


def index_both(sets: list[QuestionSet], docs: Docs, work: Path, url: str) -> dict[str, dict[str, list[str]]]:
    """Each document of the sets indexed locally and into the store; by document, each store's `ess-qa` options."""
    where: dict[str, dict[str, list[str]]] = {}
    for qset in sets:
        if qset.document in where:
            continue
        corpus = corpus_folder(ROOT, qset, docs, work)
        local = work / f"index-{collection_of(qset)}"
        where[qset.document] = {"local": ["--index-dir", str(local)], "postgres": ["--store", url, "--collection", collection_of(qset)]}
        seconds = build_seconds(ROOT, corpus, local), index_seconds(ROOT, corpus, where[qset.document]["postgres"])
        print(f"indexed {qset.document}: local {seconds[0]:.1f} s, PostgreSQL {seconds[1]:.1f} s", file=sys.stderr, flush=True)
    return where


def compare(qset: QuestionSet, where: dict[str, list[str]], work: Path) -> Comparison:
    """A set answered through both stores, scored, and its answers compared."""
    questions = load_questions(qset.questions)
    out = {store: batch(ROOT, qset.questions, where[store], work / f"{qset.name}.{store}.jsonl") for store in STORES}
    figures = {}
    for store in STORES:
        answers = load_answers(out[store])
        assert len(answers) == len(questions), f"{qset.name} ({store}): {len(answers)} answers to {len(questions)} questions"
        figures[store] = figures_of(score(questions, answers))
    found = differences([q.id for q in questions], read_records(out["local"]), read_records(out["postgres"]))
    print(f"{qset.name}: {len(questions) - len(found)}/{len(questions)} answers identical", file=sys.stderr, flush=True)
    return Comparison(figures, len(questions), found)


def run_all(sets: list[QuestionSet], docs: Docs) -> dict[str, Comparison]:
    """Every set through both stores, in a temporary folder outside the project with its own PostgreSQL (stopped after)."""
    folder = Path(tempfile.mkdtemp(prefix="pgstores", dir="/tmp")).resolve()  # short: the socket path has a ~100-byte limit
    assert ROOT not in folder.parents, f"{folder} is inside the project"
    server = None
    try:
        server, url = start_postgres(folder)
        where = index_both(sets, docs, folder / "work", url)
        return {qset.name: compare(qset, where[qset.document], folder / "work") for qset in sets}
    finally:
        if server is not None:
            server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


# --- the verdict and the table --------------------------------------------------------------------


def difference(comparison: Comparison, metric: str) -> float | None:
    """PostgreSQL's figure minus the local store's, None without in-scope questions."""
    local, postgres = (comparison.figures[store][metric] for store in STORES)
    return None if local is None or postgres is None else postgres - local


def verdict(comparison: Comparison) -> tuple[bool, str]:
    """Whether a set meets issue 14's bound, and why not."""
    problems = [
        f"{label} differs by {diff:+.3f}"
        for label, metric in (("hit@5", "hit@5"), ("MRR@10", "mrr@10"))
        if (diff := difference(comparison, metric)) is not None and abs(diff) > TOLERANCE + 1e-9
    ]
    if comparison.identical < IDENTICAL_SHARE * comparison.questions:
        problems.append(f"{comparison.identical}/{comparison.questions} answers identical, under {IDENTICAL_SHARE:.0%}")
    return not problems, "; ".join(problems)


def signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.3f}"


def table_row(qset: QuestionSet, comparison: Comparison) -> list[str]:
    """One set's line under HEADERS."""
    local, postgres = (comparison.figures[store] for store in STORES)
    pair = lambda key: f"{local[key]}/{postgres[key]}"  # noqa: E731
    n = comparison.questions
    return [
        qset.name, qset.role, f"{local['in_scope']}+{local['out_of_scope']}",
        rate(local["hit@5"]), rate(postgres["hit@5"]), signed(difference(comparison, "hit@5")),
        rate(local["mrr@10"]), rate(postgres["mrr@10"]), signed(difference(comparison, "mrr@10")),
        f"{rate(local['answer@1'])}/{rate(postgres['answer@1'])}", pair("in_scope_refused"), pair("out_of_scope_refused"),
        f"{comparison.identical}/{n}", f"{100 * comparison.identical / n:.0f}" if n else "–",
    ]


def verdict_lines(sets: list[QuestionSet], results: dict[str, Comparison]) -> list[str]:
    """A verdict per set, then overall."""
    lines, failed = [], []
    for qset in sets:
        ok, why = verdict(results[qset.name])
        lines.append(f"{qset.name}: {'PASS' if ok else 'FAIL'}" + (f" ({why})" if why else ""))
        if not ok:
            failed.append(qset.name)
    identical, total = sum(c.identical for c in results.values()), sum(c.questions for c in results.values())
    overall = "PASS" if not failed else f"FAIL ({', '.join(failed)})"
    lines.append(
        f"overall: {overall}; {identical}/{total} answers identical ({100 * identical / max(total, 1):.1f}%); "
        f"bound: hit@5 and MRR@10 within {TOLERANCE} of the local store, at least {IDENTICAL_SHARE:.0%} identical answers per set"
    )
    return lines


def difference_lines(sets: list[QuestionSet], results: dict[str, Comparison]) -> list[str]:
    """Each differing answer: its question id, which parts differ and both top citations (only ids for an unseen set)."""
    lines = []
    for qset in sets:
        found = results[qset.name].differences
        if not found:
            continue
        if qset.role == UNSEEN:
            lines.append(f"{qset.name} (unseen: ids only): " + ", ".join(d["id"] for d in found))
            continue
        lines.append(f"{qset.name}:")
        for d in found:
            lines.append(f"  {d['id']}: {', '.join(d['differs'])} differ; top local: {d['local']} | top pg: {d['postgres']}")
    return lines or ["no answer differs"]


def as_json(sets: list[QuestionSet], results: dict[str, Comparison], code: str) -> dict:
    """The table's figures, verdicts and differing answers (only their ids for an unseen set)."""
    def entry(qset: QuestionSet) -> dict:
        comparison = results[qset.name]
        ok, why = verdict(comparison)
        found = comparison.differences
        return {
            "name": qset.name, "role": qset.role, "document": qset.document, "collection": collection_of(qset),
            "questions": comparison.questions, "identical": comparison.identical, "figures": comparison.figures,
            "differences": [d["id"] for d in found] if qset.role == UNSEEN else found, "pass": ok, "why": why,
        }

    return {"machine": machine(), "code": code, "k": EVAL_K, "tolerance": TOLERANCE, "identical_share": IDENTICAL_SHARE, "sets": [entry(s) for s in sets]}


# --- the command ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = set_options(__doc__.splitlines()[0])
    parser.add_argument("--show-differences", action="store_true", help="list the differing answers (ids only for an unseen set)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sets, docs = chosen_sets(args)
    code = revision("HEAD")
    results = run_all(sets, docs)
    print(f"machine: {machine()}")
    print(f"code: {code}; k = {EVAL_K}; local: an index folder per document; pg: a collection per document of one PostgreSQL store")
    print(format_table([table_row(s, results[s.name]) for s in sets], HEADERS))
    print("n: questions in scope + out of scope; diff: pg - local; identical: same found, snippet and passage citations (file, page, section)")
    print("\n".join(verdict_lines(sets, results)))
    if args.show_differences:
        print("\n".join(difference_lines(sets, results)))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(sets, results, code), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
