"""Each constant of retrieval, reranking and snippets tried one at a time around its value: does it hold elsewhere?

Usage: python benchmarks/settings_sweep.py [--only NAME ...] [--json OUT] [--markdown OUT] [--docs DIR ...]

For each constant (docs/settings.md says what each does), a few values around the current one (for a
weight vector: one feature at a time lower, higher, off or on), everything else at its default. For each
value, hit@5, MRR@10 and answer@1 by the rule of `ess-qa eval` (ess_qa.evaluation.score, k = EVAL_K) on:

- the tuning sets, the only ones a value may be chosen on: the report's tests/data/dev.jsonl and
  heldout.jsonl and benchmarks/questions/report-typed.jsonl (an index of corpus/), cantine.jsonl and
  raccordement.jsonl (an index of a copy of each shared PDF, alone in a temporary folder);
- the unseen sets, reported only: tests/data/unseen.jsonl (report) and competences.jsonl.

How a value is applied, in this process:
- FusionWeights fields: Assistant(store, weights=FusionWeights(...)).
- module constants: patched (unittest.mock.patch.object) in the module that reads them at call time:
  ess_qa.retrieval.RERANK_POOL; ess_qa.evidence.RERANK_WEIGHTS and ROW_PAGE_COVERAGE;
  ess_qa.answering.SNIPPET_WEIGHTS (the name answering imported), SNIPPET_TARGET, PASSAGES_SCANNED,
  RANK_PRIOR, ECHO_NEW_SHARE; index.lexical.TRANSLATION_MIN_COSINE and TRANSLATIONS_PER_WORD (read
  when a word is first translated, at query time). Stores are opened afresh for every value, so no
  translation remembered under one value is used under another.
- ChunkingParams: every document is indexed again with them (ess_qa.assistant.build), into a copy of
  its default index so that texts already embedded are reused.

Under each table, the verdict of the rule in docs/settings.md (verdict()). `--only NAME` runs one
constant (names: see --help); `--json OUT` writes every figure, `--markdown OUT` the tables as Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator
from unittest import mock

from bench_questions import DOCS, SETS, TUNING, UNSEEN, Docs, QuestionSet, check_documents, corpus_folder, figures
from paired import ROOT, machine

sys.path.insert(0, str(ROOT))  # this checkout's ess_qa, whatever copy is installed

import ess_qa.answering as answering  # noqa: E402
import ess_qa.evidence as evidence  # noqa: E402
import ess_qa.retrieval as retrieval  # noqa: E402
import index.lexical as lexical  # noqa: E402
from ess_qa import Assistant  # noqa: E402
from ess_qa.assistant import build  # noqa: E402
from ess_qa.config import EVAL_K  # noqa: E402
from ess_qa.evaluation import Question, load_questions, score  # noqa: E402
from ess_qa.retrieval import FusionWeights  # noqa: E402
from ess_qa.types import Answer  # noqa: E402
from index.store import open_store  # noqa: E402
from ingest.chunking import ChunkingParams  # noqa: E402

# this sweep's roles (benchmarks/questions/README.md counts report-unseen as tuning: see docs/settings.md)
ROLES = {"report-dev": TUNING, "report-heldout": TUNING, "report-typed": TUNING, "cantine": TUNING, "raccordement": TUNING, "near-topic-report": TUNING, "near-topic-cantine": TUNING, "near-topic-raccordement": TUNING, "report-unseen": UNSEEN, "competences": UNSEEN, "impermeabilisation": UNSEEN}
SWEEP_SETS = tuple(replace(s, role=ROLES[s.name]) for s in SETS)
GROUPS = ("well_formed", "typed", "unstyled")  # question styles pooled: typed is every style but well_formed
METRICS = ("hit@5", "mrr@10", "answer@1")
TUNING_MARGIN = 0.01  # how much higher a value's tuning mean must be to count as better
SET_DROP = 0.03  # ... with no tuning set's mean down by more than this
COST_GROWTH = 1.10  # ... and passages and snippets at most 10 % longer


# --- the constants and their values ---------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One value of a constant: how the assistant is built and what is patched while it answers."""

    label: str
    weights: FusionWeights = FusionWeights()
    patches: tuple[tuple[object, str, object], ...] = ()  # (module, attribute, value)
    chunking: ChunkingParams = ChunkingParams()

    @property
    def key(self) -> tuple:
        """What makes two variants answer alike (the defaults share one key)."""
        return (self.weights, tuple((m.__name__, a, repr(v)) for m, a, v in self.patches), self.chunking)


@dataclass(frozen=True)
class Setting:
    """A constant, where it lives, and the values tried (the current one is labelled current)."""

    name: str
    where: str
    current: str
    variants: tuple[Variant, ...]


def fusion_values(field_name: str, values: tuple) -> tuple[Variant, ...]:
    """Variants of one FusionWeights field."""
    default = getattr(FusionWeights(), field_name)
    return tuple(Variant(str(v)) if v == default else Variant(str(v), weights=replace(FusionWeights(), **{field_name: v})) for v in values)


def module_values(module, name: str, values: tuple) -> tuple[Variant, ...]:
    """Variants of a module constant (the current value patches nothing)."""
    default = getattr(module, name)
    return tuple(Variant(str(v)) if v == default else Variant(str(v), patches=((module, name, v),)) for v in values)


def vector_values(module, name: str, changes: tuple[tuple[str, float], ...], extra: tuple[tuple[str, tuple], ...] = ()) -> tuple[Variant, ...]:
    """Variants of a weight vector in evidence.FEATURES order: the current one, then one feature set to
    another value ('cosine', 0.0) per change, then whole other vectors (label, vector)."""
    default = getattr(module, name)
    variants = [Variant("current")]
    for feature, value in changes:
        vector = list(default)
        vector[evidence.FEATURES.index(feature)] = value
        variants.append(Variant(f"{feature} {default[evidence.FEATURES.index(feature)]:g}→{value:g}", patches=((module, name, tuple(vector)),)))
    variants += [Variant(label, patches=((module, name, vector),)) for label, vector in extra]
    return tuple(variants)


def chunking_values(params: tuple[tuple[int, int, int], ...]) -> tuple[Variant, ...]:
    """Variants of ChunkingParams (target, max, min)."""
    default = ChunkingParams()
    made = (ChunkingParams(*p) for p in params)
    return tuple(Variant(f"{p.target_chars}/{p.max_chars}/{p.min_chars}", chunking=p) if p != default else Variant(f"{p.target_chars}/{p.max_chars}/{p.min_chars}") for p in made)


def settings() -> tuple[Setting, ...]:
    """Every constant swept, with its values."""
    rerank, snippet = evidence.RERANK_WEIGHTS, evidence.SNIPPET_WEIGHTS
    return (
        Setting("fusion.method", "ess_qa/retrieval.py FusionWeights", "score", fusion_values("method", ("score", "rrf"))),
        Setting("fusion.lexical", "ess_qa/retrieval.py FusionWeights", "1.0", fusion_values("lexical", (0.5, 0.75, 1.0, 1.5))),
        Setting("fusion.dense_fr", "ess_qa/retrieval.py FusionWeights", "0.2", fusion_values("dense_fr", (0.0, 0.1, 0.2, 0.35, 0.5))),
        Setting("fusion.dense_en", "ess_qa/retrieval.py FusionWeights", "1.0", fusion_values("dense_en", (0.5, 0.75, 1.0, 1.5, 2.0))),
        Setting("fusion.translations", "ess_qa/retrieval.py FusionWeights", "0.5", fusion_values("translations", (0.0, 0.25, 0.5, 0.75, 1.0))),
        Setting("fusion.evidence", "ess_qa/retrieval.py FusionWeights", "0.75", fusion_values("evidence", (0.25, 0.5, 0.75, 1.0, 1.5))),
        Setting("RERANK_POOL", "ess_qa/retrieval.py", "20", module_values(retrieval, "RERANK_POOL", (20, 30, 40, 50))),
        Setting(
            "RERANK_WEIGHTS", "ess_qa/evidence.py", "current",
            vector_values(
                evidence, "RERANK_WEIGHTS",
                (("coverage", 0.0), ("coverage", 0.6), ("context", 0.3), ("context", 1.0), ("cosine", 0.0), ("cosine", 0.4),
                 ("type", 0.0), ("type", 0.4), ("row", 0.0), ("row", 0.5), ("words", 0.2), ("new", 0.1), ("focus", 0.2)),
                (("= SNIPPET_WEIGHTS", snippet),),
            ),
        ),
        Setting(
            "SNIPPET_WEIGHTS", "ess_qa/evidence.py (read by ess_qa/answering.py)", "current",
            vector_values(
                answering, "SNIPPET_WEIGHTS",
                (("coverage", 0.0), ("coverage", 0.6), ("context", 0.5), ("context", 1.5), ("cosine", 0.0), ("cosine", 0.4),
                 ("type", 0.0), ("type", 0.8), ("new", 0.0), ("new", 0.2), ("focus", 0.0), ("focus", 0.4), ("row", 0.0), ("row", 1.0), ("words", 0.2)),
                (("= RERANK_WEIGHTS", rerank),),
            ),
        ),
        Setting("ROW_PAGE_COVERAGE", "ess_qa/evidence.py", "0.6", module_values(evidence, "ROW_PAGE_COVERAGE", (0.0, 0.4, 0.6, 0.8, 1.0))),
        Setting("SNIPPET_TARGET", "ess_qa/answering.py", "300", module_values(answering, "SNIPPET_TARGET", (200, 250, 300, 350, 400))),
        Setting("PASSAGES_SCANNED", "ess_qa/answering.py", "3", module_values(answering, "PASSAGES_SCANNED", (1, 2, 3, 4, 5))),
        Setting("RANK_PRIOR", "ess_qa/answering.py", "0.2", module_values(answering, "RANK_PRIOR", (0.0, 0.1, 0.2, 0.3, 0.5))),
        Setting("ECHO_NEW_SHARE", "ess_qa/answering.py", "0.6", module_values(answering, "ECHO_NEW_SHARE", (0.0, 0.4, 0.6, 0.8, 1.0))),
        Setting("TRANSLATION_MIN_COSINE", "index/lexical.py", "0.8", module_values(lexical, "TRANSLATION_MIN_COSINE", (0.7, 0.75, 0.8, 0.85, 0.9))),
        Setting("TRANSLATIONS_PER_WORD", "index/lexical.py", "2", module_values(lexical, "TRANSLATIONS_PER_WORD", (1, 2, 3, 4))),
        Setting(
            "ChunkingParams", "ingest/chunking.py (target/max/min characters)", "700/1000/200",
            chunking_values(((500, 800, 200), (600, 900, 200), (700, 1000, 100), (700, 1000, 200), (700, 1000, 300), (900, 1300, 200))),
        ),
    )


# --- measuring ------------------------------------------------------------------------------------


@contextlib.contextmanager
def patched(patches: tuple[tuple[object, str, object], ...]) -> Iterator[None]:
    """The module constants set to a variant's values while answering, restored after."""
    with contextlib.ExitStack() as stack:
        for module, name, value in patches:
            stack.enter_context(mock.patch.object(module, name, value))
        yield


class Indexes:
    """One index per document and chunking, built on first need in a temporary folder."""

    def __init__(self, work: Path, docs: Docs) -> None:
        self.work, self.docs = work, docs
        self.built: dict[tuple[str, ChunkingParams], Path] = {}

    def get(self, qset: QuestionSet, params: ChunkingParams) -> Path:
        """The index of a set's document with these chunking parameters."""
        key = (qset.document, params)
        if key not in self.built:
            self.built[key] = self._build(qset, params)
        return self.built[key]

    def _build(self, qset: QuestionSet, params: ChunkingParams) -> Path:
        """Index the document, into a copy of its default index when there is one (its vectors are reused)."""
        target = self.work / f"index-{Path(qset.document).stem}-{params.target_chars}-{params.max_chars}-{params.min_chars}"
        default = self.built.get((qset.document, ChunkingParams()))
        if default is not None:
            shutil.copytree(default, target)
        start = time.perf_counter()
        build(corpus_folder(ROOT, qset, self.docs, self.work), target, params=params)
        print(f"  indexed {qset.document} ({params.target_chars}/{params.max_chars}/{params.min_chars}) in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return target


def answer_sets(variant: Variant, sets: tuple[QuestionSet, ...], indexes: Indexes) -> dict[str, list[Answer]]:
    """Every set's answers under a variant (k = EVAL_K, as `ess-qa eval`), stores opened afresh."""
    index_dirs = {s.name: indexes.get(s, variant.chunking) for s in sets}  # built before patching
    answers = {}
    with patched(variant.patches):
        assistants = {str(d): Assistant(open_store(str(d)), weights=variant.weights) for d in set(index_dirs.values())}
        for qset in sets:
            questions = [q.question for q in load_questions(qset.questions)]
            answers[qset.name] = assistants[str(index_dirs[qset.name])].batch(questions, k=EVAL_K)
    return answers


def style_group(question: Question) -> str:
    """well_formed, typed (any other style) or unstyled (a file that gives no style)."""
    if question.style is None:
        return "unstyled"
    return "well_formed" if question.style == "well_formed" else "typed"


def snippet_chars(answers: list[Answer]) -> float:
    """Mean length of the snippets shown (0 when none)."""
    shown = [len(a.snippet) for a in answers if a.snippet]
    return sum(shown) / len(shown) if shown else 0.0


def set_figures(questions: list[Question], answers: list[Answer]) -> dict:
    """A set's figures (bench_questions.figures of its eval report) and its reading costs."""
    report = score(questions, answers)
    return figures(report["overall"], report["out_of_scope"]) | {
        "passage_chars": report["overall"].get("mean_passage_chars", 0),
        "snippet_chars": round(snippet_chars(answers)),
    }


def pooled_figures(questions: list[Question], answers: list[Answer]) -> dict:
    """Figures of questions pooled over sets, overall and per style group."""
    grouped = [replace(q, style=style_group(q)) for q in questions]
    report = score(grouped, answers)
    result = figures(report["overall"], report["out_of_scope"])
    inside, outside = report.get("per_style", {}), report["out_of_scope"].get("per_style", {})
    result["groups"] = {g: figures(inside.get(g, {}), outside.get(g, {})) for g in GROUPS if g in inside or g in outside}
    return result


def variant_figures(sets: tuple[QuestionSet, ...], answers: dict[str, list[Answer]]) -> dict:
    """Per set, the tuning mean over sets, and the unseen sets pooled (with their style groups)."""
    questions = {s.name: load_questions(s.questions) for s in sets}
    per_set = {s.name: set_figures(questions[s.name], answers[s.name]) for s in sets}
    result = {"sets": per_set}
    for role in (TUNING, UNSEEN):
        names = [s.name for s in sets if s.role == role]
        if names:
            result[role] = mean_figures([per_set[n] for n in names]) | {
                "pooled": pooled_figures([q for n in names for q in questions[n]], [a for n in names for a in answers[n]])
            }
    return result


def mean_figures(figs: list[dict]) -> dict:
    """The mean of sets' metrics and reading costs (over the sets with questions in scope), and the
    out-of-scope questions refused in all."""
    scored = [f for f in figs if f["in_scope"]] or figs
    mean = {m: round(sum(f[m] or 0.0 for f in scored) / len(scored), 3) for m in (*METRICS, "passage_chars", "snippet_chars")}
    return mean | {"out_of_scope_refused": sum(f["out_of_scope_refused"] for f in figs), "out_of_scope": sum(f["out_of_scope"] for f in figs)}


def sweep(setting: Setting, sets: tuple[QuestionSet, ...], indexes: Indexes, memo: dict) -> dict[str, dict]:
    """Each value's figures (a variant answering like one already measured is not run again)."""
    results = {}
    for variant in setting.variants:
        if variant.key not in memo:
            start = time.perf_counter()
            memo[variant.key] = variant_figures(sets, answer_sets(variant, sets, indexes))
            print(f"  {setting.name} = {variant.label}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
        results[variant.label] = memo[variant.key]
    return results


# --- the verdict ----------------------------------------------------------------------------------


def combined(f: dict) -> float:
    """The mean of hit@5, MRR@10 and answer@1 (0 for a metric without questions)."""
    return sum(f[m] or 0.0 for m in METRICS) / len(METRICS)


def better_on_tuning(candidate: dict, current: dict) -> bool:
    """Higher tuning mean by TUNING_MARGIN, no tuning set down by more than SET_DROP, no fewer
    out-of-scope questions refused, and passages and snippets at most COST_GROWTH longer."""
    t, c = candidate[TUNING], current[TUNING]
    tuning_sets = [n for n in current["sets"] if n in candidate["sets"] and ROLES[n] == TUNING]
    return (
        combined(t) >= combined(c) + TUNING_MARGIN
        and all(combined(candidate["sets"][n]) >= combined(current["sets"][n]) - SET_DROP for n in tuning_sets)
        and t["out_of_scope_refused"] >= c["out_of_scope_refused"]
        and within_cost(candidate, current)
    )


def within_cost(candidate: dict, current: dict) -> bool:
    """Passages and snippets (tuning means) at most COST_GROWTH longer than the current value's."""
    t, c = candidate[TUNING], current[TUNING]
    return all(t[cost] <= c[cost] * COST_GROWTH for cost in ("passage_chars", "snippet_chars"))


def no_effect(results: dict[str, dict]) -> bool:
    """Whether every value gives the same figures, tuning and unseen (refusals included)."""
    def outcome(r: dict) -> tuple:
        p = r[UNSEEN]["pooled"]
        return (combined(r[TUNING]), r[TUNING]["out_of_scope_refused"], combined(p), p["out_of_scope_refused"])

    return len({outcome(r) for r in results.values()}) == 1


def one_question(f: dict) -> float:
    """What one in-scope question weighs in a pooled mean (1/n)."""
    return 1.0 / max(f["in_scope"], 1)


def not_worse_on_unseen(candidate: dict, current: dict) -> bool:
    """Pooled unseen mean not lower, no style group down by more than one question, no fewer refusals out of scope."""
    p, c = candidate[UNSEEN]["pooled"], current[UNSEEN]["pooled"]
    groups_hold = all(combined(p["groups"][g]) >= combined(c["groups"][g]) - one_question(c["groups"][g]) for g in c["groups"] if c["groups"][g]["in_scope"])
    return combined(p) >= combined(c) and groups_hold and p["out_of_scope_refused"] >= c["out_of_scope_refused"]


def beats_on_unseen(candidate: dict, current: dict) -> list[str]:
    """Where (pooled, or a style group) a value does better than the current one on unseen by more than one question."""
    p, c = candidate[UNSEEN]["pooled"], current[UNSEEN]["pooled"]
    where = ["pooled"] if combined(p) > combined(c) + one_question(c) else []
    return where + [g for g in c["groups"] if c["groups"][g]["in_scope"] and combined(p["groups"][g]) > combined(c["groups"][g]) + one_question(c["groups"][g])]


def verdict(setting: Setting, results: dict[str, dict]) -> str:
    """general, changed → VALUE, or corpus-dependent, with the reason (rule in docs/settings.md)."""
    current = results[setting.current]
    better = [label for label, r in results.items() if label != setting.current and better_on_tuning(r, current)]
    if better:
        best = max(better, key=lambda label: combined(results[label][TUNING]))
        if not_worse_on_unseen(results[best], current):
            return f"changed → {best} (better on tuning, not worse on unseen)"
        return f"corpus-dependent: {best} is better on tuning but worse on unseen; keep {setting.current}"
    if no_effect(results):
        return "general: no effect in the range tried (every value gives the same figures)"
    # a value that reads more is no rival: longer passages find more and cost the reader
    rivals = {label: beats_on_unseen(r, current) for label, r in results.items() if label != setting.current and within_cost(r, current)}
    rivals = {label: where for label, where in rivals.items() if where}
    if rivals:
        said = "; ".join(f"{label} ({', '.join(where)})" for label, where in rivals.items())
        return f"corpus-dependent: no value better on tuning, but on unseen better: {said}"
    return "general: no value better on tuning, and none better on unseen (pooled and per style)"


# --- the tables -----------------------------------------------------------------------------------


def cell(f: dict) -> str:
    """hit@5/MRR@10/answer@1 as '.93/.85/.80', '–' without in-scope questions."""
    if not f.get("in_scope", 1) or f["hit@5"] is None:
        return "–"
    return "/".join(f"{f[m]:.2f}".lstrip("0") for m in METRICS)


def tuning_row(label: str, r: dict, sets: tuple[QuestionSet, ...]) -> list[str]:
    """A value's tuning cells: each set, the mean, its combined score, out-of-scope refused, reading costs."""
    t = r[TUNING]
    per_set = [cell(r["sets"][s.name]) for s in sets if s.role == TUNING]
    return [label, *per_set, cell(t), f"{combined(t):.3f}", f"{t['out_of_scope_refused']}/{t['out_of_scope']}", str(round(t["passage_chars"])), str(round(t["snippet_chars"]))]


def unseen_row(label: str, r: dict, sets: tuple[QuestionSet, ...]) -> list[str]:
    """A value's unseen cells: each set, pooled, its combined score, each style group, out-of-scope refused."""
    p = r[UNSEEN]["pooled"]
    per_set = [cell(r["sets"][s.name]) for s in sets if s.role == UNSEEN]
    groups = [cell(p["groups"].get(g, {"in_scope": 0})) for g in GROUPS]
    return [label, *per_set, cell(p), f"{combined(p):.3f}", *groups, f"{p['out_of_scope_refused']}/{p['out_of_scope']}"]


def headers(sets: tuple[QuestionSet, ...]) -> tuple[list[str], list[str]]:
    """The tuning table's and the unseen table's column names."""
    tuning = ["value", *[s.name for s in sets if s.role == TUNING], "mean", "combined", "oos refused", "psg chars", "snip chars"]
    unseen = ["value", *[s.name for s in sets if s.role == UNSEEN], "pooled", "combined", *GROUPS, "oos refused"]
    return tuning, unseen


def aligned(rows: list[list[str]]) -> str:
    """Plain-text columns, the first left-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip() for row in rows)


def markdown(rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])


def tables(setting: Setting, results: dict[str, dict], sets: tuple[QuestionSet, ...], fmt, gap: str = "\n") -> str:
    """The constant's two tables (tuning, unseen) and its verdict, in a format (aligned or markdown), parts joined by gap."""
    tuning_head, unseen_head = headers(sets)
    tuning_rows = [tuning_head] + [tuning_row(label, r, sets) for label, r in results.items()]
    parts = [f"{setting.name} ({setting.where}; current {setting.current})", "tuning (hit@5/MRR@10/answer@1):", fmt(tuning_rows)]
    if any(s.role == UNSEEN for s in sets):
        parts += ["unseen (reported, never chosen on):", fmt([unseen_head] + [unseen_row(label, r, sets) for label, r in results.items()])]
        parts.append("verdict: " + verdict(setting, results))
    return gap.join(parts)


# --- the command ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command's options."""
    names = [s.name for s in settings()]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help="only these constants: " + ", ".join(names))
    parser.add_argument("--json", metavar="OUT", help="also write every figure as JSON to OUT")
    parser.add_argument("--markdown", metavar="OUT", help="also write the tables and verdicts as Markdown to OUT")
    parser.add_argument("--docs", nargs="+", default=[str(DOCS)], metavar="DIR", help=f"folders of the PDFs (default {DOCS})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Sweep the constants asked for, print a table per constant, write JSON and Markdown when asked."""
    args = parse_args(argv)
    chosen = [s for s in settings() if not args.only or s.name in args.only]
    docs = Docs(tuple(Path(folder) for folder in args.docs))
    sets = check_documents(list(SWEEP_SETS), docs)
    print(f"machine: {machine()}; k = {EVAL_K}")
    everything, texts = {}, []
    with tempfile.TemporaryDirectory(prefix="ess-qa-sweep-") as folder:
        work = Path(folder).resolve()
        assert ROOT not in work.parents, f"{work} is inside the project"
        indexes, memo = Indexes(work, docs), {}
        for setting in chosen:
            everything[setting.name] = sweep(setting, sets, indexes, memo)
            print(tables(setting, everything[setting.name], sets, aligned) + "\n", flush=True)
            texts.append(tables(setting, everything[setting.name], sets, markdown, "\n\n"))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "k": EVAL_K, "results": everything}, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text("\n\n".join(texts) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
