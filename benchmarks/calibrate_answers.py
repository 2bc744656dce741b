"""Calibrate the threshold that decides whether the report answers a question, and report how well it does.

Usage: python benchmarks/calibrate_answers.py [QUESTION_FILE ...] [--index-dir DIR] [--max-false-refusal 0.05]

Questions are split in two halves (alternately within each kind); the threshold is chosen on one
half (the highest that refuses at most --max-false-refusal of its in-scope questions) and
measured on the other, both ways; then chosen on all questions, which is the value to put in
ess_qa.answering.AnswerSettings.min_answerability.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_qa import Assistant  # noqa: E402
from ess_qa.answering import answer_found, answerability, extract_snippet  # noqa: E402
from ess_qa.config import DEFAULT_K  # noqa: E402
from ess_qa.evaluation import OUT_OF_SCOPE, load_questions  # noqa: E402
from ess_qa.evidence import profile  # noqa: E402
from ess_qa.questions import prepare_question  # noqa: E402


def scored(assistant: Assistant, files: list[str]) -> list[tuple[float, bool, str]]:
    """(answerability, in scope?, id) of every question."""
    rows = []
    for path in files:
        questions = load_questions(path)
        retrieved = assistant._retrieve([q.question for q in questions], DEFAULT_K, None)
        for question, (passages, hits) in zip(questions, retrieved):
            in_scope = question.kind != OUT_OF_SCOPE and bool(question.evidence)
            rows.append((answerability(assistant.store, question.question, passages, hits), in_scope, question.id))
    return rows


def choose_threshold(rows: list[tuple[float, bool, str]], max_false_refusal: float) -> float:
    """The threshold refusing the most out-of-scope questions while refusing at most max_false_refusal
    of the in-scope ones; among equals, the middle of the range that does so (the widest margin)."""
    scores = sorted({score for score, _, _ in rows})
    candidates = [0.0] + [(a + b) / 2 for a, b in zip(scores, scores[1:])]
    keyed = []
    for threshold in candidates:
        result = measure(rows, threshold)
        if result["false_refusal"] <= max_false_refusal:
            keyed.append(((result["abstention_recall"], -result["false_refusal"]), threshold))
    if not keyed:
        return 0.0
    best_key = max(key for key, _ in keyed)
    best = [t for key, t in keyed if key == best_key]
    low_end = max((s for s in scores if s < min(best)), default=min(best))
    high_end = min((s for s in scores if s > max(best)), default=max(best))
    return (low_end + high_end) / 2


def measure(rows: list[tuple[float, bool, str]], threshold: float) -> dict:
    refused_out = sum(1 for s, ok, _ in rows if not ok and s < threshold)
    refused_in = sum(1 for s, ok, _ in rows if ok and s < threshold)
    n_out = sum(1 for _, ok, _ in rows if not ok)
    n_in = sum(1 for _, ok, _ in rows if ok)
    refused = refused_out + refused_in
    return {
        "abstention_recall": refused_out / n_out if n_out else 0.0,  # out-of-scope questions refused
        "abstention_precision": refused_out / refused if refused else 1.0,  # refusals that were right
        "false_refusal": refused_in / n_in if n_in else 0.0,
        "n_in": n_in,
        "n_out": n_out,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=[str(ROOT / "tests/data/dev.jsonl"), str(ROOT / "tests/data/heldout.jsonl")])
    parser.add_argument("--index-dir")
    parser.add_argument("--max-false-refusal", type=float, default=0.03)
    args = parser.parse_args()
    assistant = Assistant.load(args.index_dir)
    rows = scored(assistant, args.files)
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row[1]].append(row)
    halves = ([], [])
    for kind_rows in by_kind.values():
        for i, row in enumerate(kind_rows):
            halves[i % 2].append(row)
    for name, fit, test in (("A->B", halves[0], halves[1]), ("B->A", halves[1], halves[0])):
        threshold = choose_threshold(fit, args.max_false_refusal)
        print(f"{name}: threshold {threshold:.3f} chosen on {len(fit)} questions; on the other {len(test)}: {measure(test, threshold)}")
    threshold = choose_threshold(rows, args.max_false_refusal)
    print(f"all: threshold {threshold:.3f}: {measure(rows, threshold)}")
    print("lowest in-scope:", [(round(s, 3), i) for s, ok, i in sorted(rows) if ok][:5])
    print("out-of-scope:", [(round(s, 3), i) for s, ok, i in sorted(rows) if not ok])
    snippet_rows = snippet_scores(Assistant(assistant.store, assistant.weights, replace(assistant.answer_settings, min_snippet_score=0.0)), args.files)
    for name, fit, test in (("A->B", snippet_rows[0::2], snippet_rows[1::2]), ("B->A", snippet_rows[1::2], snippet_rows[0::2])):
        threshold = choose_threshold(fit, args.max_false_refusal)
        print(f"snippet score {name}: threshold {threshold:.3f} chosen on {len(fit)} answered questions; on the other {len(test)}: {measure(test, threshold)}")
    threshold = choose_threshold(snippet_rows, args.max_false_refusal)
    print(f"snippet score, all answered: threshold {threshold:.3f}: {measure(snippet_rows, threshold)}")
    print("lowest snippet scores:", [(round(s, 3), ok, i) for s, ok, i in sorted(snippet_rows)][:8])
    print(f"the assistant's whole rule (this threshold; an answer from a page about what the question names; a number or date when asked): {measure(answered(assistant, args.files), 0.5)}")


def snippet_scores(assistant: Assistant, files: list[str]) -> list[tuple[float, bool, str]]:
    """(snippet score, in scope?, id) of the questions the assistant answers with a snippet from passages."""
    rows = []
    for path in files:
        for question in load_questions(path):
            prepared = prepare_question(question.question).text
            vector = assistant.store.encode_queries([prepared])
            asked = profile(assistant.store, prepared, vector[0])
            passages, hits = assistant._retrieve([prepared], DEFAULT_K, None, vector, [asked])[0]
            if not answer_found(assistant.store, prepared, passages, hits, assistant.answer_settings):
                continue
            snippet = extract_snippet(assistant.store, prepared, passages, hits, asked)
            if snippet is not None:
                rows.append((snippet.score, question.kind != OUT_OF_SCOPE and bool(question.evidence), question.id))
    return rows


def answered(assistant: Assistant, files: list[str]) -> list[tuple[float, bool, str]]:
    """(1 if found else 0, in scope?, id) of every question, as Assistant.batch answers it."""
    rows = []
    for path in files:
        questions = load_questions(path)
        for question, answer in zip(questions, assistant.batch([q.question for q in questions], k=DEFAULT_K)):
            rows.append((float(answer.found), question.kind != OUT_OF_SCOPE and bool(question.evidence), question.id))
    return rows


if __name__ == "__main__":
    main()
