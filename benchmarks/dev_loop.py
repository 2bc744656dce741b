"""The quick loop for choosing a setting: index once, answer again after each change, compare question by question.

Usage:
  python benchmarks/dev_loop.py build DIR [--sets NAME ...] [--docs DIR ...]
  python benchmarks/dev_loop.py answer DIR OUT.json [--sets NAME ...]
  python benchmarks/dev_loop.py compare BEFORE.json AFTER.json [--show]
  python benchmarks/dev_loop.py reasons OUT.json [--match TEXT]

`build` indexes each document of the sets once (`ess-qa index` defaults, this checkout) into
DIR/<document>; `answer` answers each set's questions with this checkout (in process, on those
indexes) and writes every question's outcome (rank of the evidence, snippet right, refused, snippet)
to OUT.json, printing one row per set; `compare` counts what changed between two such files and,
with --show, lists the questions that changed; `reasons` counts why questions were refused, in scope and out of
scope, by the rule that refused them, and with --match lists the in-scope questions of tuning sets refused for a reason
that holds TEXT. Only the tuning sets are used unless --sets names
others: the unseen sets are never used to choose a setting (benchmarks/questions/README.md). A
change to indexing needs `build` again; a change to answering does not. bench_questions.py gives
the figures to report (fresh processes, fresh indexes, one ruler for two revisions).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from bench_questions import DOCS, SETS, TUNING, Docs, QuestionSet, check_documents, corpus_folder
from paired import ROOT, build_seconds

sys.path.insert(0, str(ROOT))  # answer with this checkout's ess_qa, whatever copy is installed

from ess_qa.config import EVAL_K  # noqa: E402
from ess_qa.evaluation import contains_evidence, first_hit_rank, load_questions  # noqa: E402


def chosen(names: list[str] | None) -> list[QuestionSet]:
    """The sets named (each name a set's whole name, else a prefix of one or more set names), else every tuning set."""
    if not names:
        return [q for q in SETS if q.role == TUNING]
    whole = {q.name for q in SETS}
    picked = [q for q in SETS if any(q.name == n or n not in whole and q.name.startswith(n) for n in names)]
    if not picked:
        sys.exit(f"dev_loop: no set named {' '.join(names)}")
    return picked


def index_dir(folder: Path, qset: QuestionSet) -> Path:
    return folder / Path(qset.document).stem


def build(folder: Path, sets: list[QuestionSet], docs: Docs) -> None:
    """Index each document of the sets into folder (report: corpus/ of this checkout)."""
    work = folder / "copies"
    done: set[str] = set()
    for qset in check_documents(sets, docs):
        if qset.document in done:
            continue
        done.add(qset.document)
        seconds = build_seconds(ROOT, corpus_folder(ROOT, qset, docs, work), index_dir(folder, qset))
        print(f"indexed {qset.document} in {seconds:.1f} s", file=sys.stderr)


def outcomes(folder: Path, qset: QuestionSet) -> list[dict]:
    """Every question of a set with what this checkout answers on its index."""
    from ess_qa import Assistant

    assistant = Assistant.load(index_dir(folder, qset))
    questions = load_questions(qset.questions)
    answers = assistant.batch([q.question for q in questions], k=EVAL_K)
    refused = [q.question for q, a in zip(questions, answers) if not a.found]  # judged again, for why
    judged = iter(assistant.judgements(refused) if refused else [])
    rows = []
    for q, a in zip(questions, answers):
        rank = first_hit_rank([p.text for p in a.passages[:EVAL_K]], q.evidence) if q.in_scope else None
        right = q.in_scope and bool(a.snippet) and contains_evidence(a.snippet, q.evidence)
        rows.append({
            "set": qset.name, "id": q.id, "kind": q.kind, "style": q.style, "in_scope": q.in_scope,
            "rank": rank, "right": right, "found": a.found, "snippet": a.snippet,
            "why": "" if a.found else refusal_reason(next(judged), assistant.answer_settings),
        })
    return rows


def refusal_reason(judgement, settings) -> str:
    """Why a question was refused: a rule of judge's, or the threshold its scores missed."""
    if judgement.snippet is None:
        return "no snippet"
    if judgement.refusal:
        return judgement.refusal
    if judgement.answerability < settings.min_answerability:
        return f"answerability {judgement.answerability:.3f} < {settings.min_answerability}"
    return f"snippet score {judgement.snippet.score:.3f} < {settings.min_snippet_score}"


def summary(rows: list[dict]) -> str:
    """hit@5, MRR@10, answer@1, in-scope refused, out-of-scope refused of some questions."""
    inside = [r for r in rows if r["in_scope"]]
    outside = [r for r in rows if not r["in_scope"]]
    n = max(len(inside), 1)
    hit5 = sum(1 for r in inside if r["rank"] and r["rank"] <= 5) / n
    mrr = sum(1 / r["rank"] for r in inside if r["rank"]) / n
    right = sum(r["right"] for r in inside) / n
    refused = sum(not r["found"] for r in inside)
    oos = sum(not r["found"] for r in outside)
    return f"{hit5:5.3f} {mrr:5.3f} {right:5.3f}  refused {refused:3}/{len(inside):<3}  oos {oos:3}/{len(outside)}"


def answer(folder: Path, out: Path, sets: list[QuestionSet]) -> None:
    """Answer each set, print its row, write every outcome."""
    rows = []
    for qset in sets:
        if not index_dir(folder, qset).is_dir():
            print(f"skipped {qset.name}: no index in {folder} (run build)", file=sys.stderr)
            continue
        these = outcomes(folder, qset)
        print(f"{qset.name:34} {summary(these)}")
        rows += these
    print(f"{'all':34} {summary(rows)}")
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")


def compare(before: Path, after: Path, show: bool) -> None:
    """What changed between two outcome files, counted, and listed with --show."""
    old = {(r["set"], r["id"]): r for r in json.loads(before.read_text(encoding="utf-8"))}
    new = {(r["set"], r["id"]): r for r in json.loads(after.read_text(encoding="utf-8"))}
    changes: Counter = Counter()
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        what = []
        if a["in_scope"]:
            if a["right"] != b["right"]:
                what.append("right gained" if b["right"] else "right lost")
            if a["found"] != b["found"]:
                what.append("refused (in scope)" if not b["found"] else "no longer refused (in scope)")
            hit_a, hit_b = bool(a["rank"] and a["rank"] <= 5), bool(b["rank"] and b["rank"] <= 5)
            if hit_a != hit_b:
                what.append("hit@5 gained" if hit_b else "hit@5 lost")
        elif a["found"] != b["found"]:
            what.append("out of scope refused" if not b["found"] else "out of scope answered")
        if a["snippet"] != b["snippet"]:
            what.append("snippet changed")
        changes.update(what)
        if show and what:
            print(f"{key[0]} {key[1]} ({b['kind']}, {b['style']}): {', '.join(what)}\n   before: {a['snippet']!r:.160}\n   after:  {b['snippet']!r:.160}")
    print(f"before: {summary(list(old.values()))}\nafter:  {summary(list(new.values()))}")
    for what, count in sorted(changes.items()):
        print(f"  {what}: {count}")


def refusing_rule(why: str) -> str:
    """The rule a refusal's reason names, its words before a colon or a figure (« not about: réseau froid » -> « not
    about »; « answerability 0.30 < 0.46 » -> « answerability »)."""
    return re.match(r"[^\d:<]*", why).group().strip() or "no snippet"


def reasons(out: Path, match: str | None) -> None:
    """Refusals counted by rule, in scope and out of scope; with match, the in-scope questions of tuning sets refused for
    a reason that holds it, with their question (an unseen set's questions are never printed)."""
    rows = json.loads(out.read_text(encoding="utf-8"))
    refused = [r for r in rows if not r["found"]]
    inside, outside = Counter(refusing_rule(r["why"]) for r in refused if r["in_scope"]), Counter(refusing_rule(r["why"]) for r in refused if not r["in_scope"])
    print(f"{'rule':20} {'in scope':>8} {'out of scope':>12}")
    for rule in sorted(inside.keys() | outside.keys(), key=lambda rule: -(inside[rule] + outside[rule])):
        print(f"{rule:20} {inside[rule]:8} {outside[rule]:12}")
    if match is None:
        return
    questions = {(qset.name, q.id): q.question for qset in SETS if qset.role == TUNING for q in load_questions(qset.questions)}
    for r in refused:
        if r["in_scope"] and match in r["why"] and (r["set"], r["id"]) in questions:
            print(f"{r['set']} {r['id']} ({r['kind']}, {r['style']}, rank {r['rank']}): {r['why']}\n   {questions[(r['set'], r['id'])]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--sets", nargs="+")
    b.add_argument("--docs", nargs="+", default=[str(DOCS)])
    a = commands.add_parser("answer")
    a.add_argument("folder", type=Path)
    a.add_argument("out", type=Path)
    a.add_argument("--sets", nargs="+")
    c = commands.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", action="store_true")
    r = commands.add_parser("reasons")
    r.add_argument("out", type=Path)
    r.add_argument("--match")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.folder.resolve(), chosen(args.sets), Docs(tuple(Path(d).resolve() for d in args.docs)))
    elif args.command == "answer":
        answer(args.folder.resolve(), args.out, chosen(args.sets))
    elif args.command == "compare":
        compare(args.before, args.after, args.show)
    else:
        reasons(args.out, args.match)


if __name__ == "__main__":
    main()
