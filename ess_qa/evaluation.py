"""Score retrieval (and answers) on a question set: hit@k, MRR@10, passage length, characters read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingest.french import match_key

from .config import EVAL_K
from .jsonl import JsonLineError, read_json_lines
from .types import Answer

OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    question: str
    evidence: tuple[str, ...]


class QuestionFileError(ValueError):
    """A question file that cannot be read; the message names the line."""


def load_questions(path: str | Path) -> list[Question]:
    """Questions from a JSON-lines file of {"id", "kind", "question", "evidence"}."""
    with open(path, encoding="utf-8") as handle:
        try:
            return read_json_lines(handle, _question)
        except JsonLineError as exc:
            raise QuestionFileError(f"{path}, line {exc.number}: not a question record ({exc.reason})") from None


def _question(number: int, data: dict) -> Question:
    """A question record; its id defaults to its line number."""
    return Question(
        id=str(data.get("id", number)),
        kind=str(data.get("kind", "unknown")),
        question=str(data["question"]),
        evidence=tuple(data.get("evidence") or ()),
    )


def contains_evidence(text: str, evidence: tuple[str, ...]) -> bool:
    """Whether a text holds any evidence string, compared after the eval normalisation."""
    key = match_key(text)
    return any(match_key(e) and match_key(e) in key for e in evidence)


def first_hit_rank(texts: list[str], evidence: tuple[str, ...]) -> int | None:
    """1-based rank of the first text holding the evidence, None when none does."""
    for rank, text in enumerate(texts, start=1):
        if contains_evidence(text, evidence):
            return rank
    return None


@dataclass
class _Totals:
    n: int = 0
    hit1: int = 0
    hit5: int = 0
    hit10: int = 0
    rr: float = 0.0
    length: float = 0.0
    passages: int = 0
    read: float = 0.0
    answered: int = 0
    answer_hit: int = 0
    refused: int = 0

    def as_dict(self, in_scope: bool) -> dict:
        n = max(self.n, 1)
        if not in_scope:
            return {"n": self.n, "abstention": round(self.refused / n, 3)}
        return {
            "n": self.n,
            "hit@1": round(self.hit1 / n, 3),
            "hit@5": round(self.hit5 / n, 3),
            "hit@10": round(self.hit10 / n, 3),
            "mrr@10": round(self.rr / n, 3),
            "mean_passage_chars": round(self.length / max(self.passages, 1)),
            "read_chars": round(self.read / n),
            "answer@1": round(self.answer_hit / n, 3),
            "false_abstention": round(self.refused / n, 3),
        }


def score(questions: list[Question], answers: list[Answer]) -> dict:
    """Metrics per kind and overall (in-scope questions), plus the rows behind them."""
    per_kind: dict[str, _Totals] = defaultdict(_Totals)
    overall = _Totals()
    out_of_scope = _Totals()
    rows = []
    for question, answer in zip(questions, answers):
        texts = [p.text for p in answer.passages[:10]]
        if question.kind == OUT_OF_SCOPE or not question.evidence:
            out_of_scope.n += 1
            out_of_scope.refused += not answer.found
            rows.append({"id": question.id, "kind": question.kind, "found": answer.found})
            continue
        rank = first_hit_rank(texts, question.evidence)
        read = sum(len(t) for t in (texts[:rank] if rank else texts))
        snippet_hit = bool(answer.snippet) and contains_evidence(answer.snippet, question.evidence)
        for totals in (per_kind[question.kind], overall):
            totals.n += 1
            totals.hit1 += rank == 1
            totals.hit5 += rank is not None and rank <= 5
            totals.hit10 += rank is not None and rank <= 10
            totals.rr += 1 / rank if rank else 0.0
            totals.length += sum(len(t) for t in texts)
            totals.passages += len(texts)
            totals.read += read
            totals.answer_hit += snippet_hit
            totals.refused += not answer.found
        rows.append({"id": question.id, "kind": question.kind, "rank": rank, "read": read, "snippet_hit": snippet_hit, "found": answer.found})
    return {
        "overall": overall.as_dict(True),
        "per_kind": {kind: totals.as_dict(True) for kind, totals in sorted(per_kind.items())},
        "out_of_scope": out_of_scope.as_dict(False),
        "rows": rows,
    }


def evaluate(assistant, path: str | Path, k: int = EVAL_K) -> dict:
    """Run every question of a file through the assistant and score the answers."""
    questions = load_questions(path)
    answers = assistant.batch([q.question for q in questions], k=k)
    report = score(questions, answers)
    report["k"] = k
    report["questions"] = len(questions)
    return report


def format_report(report: dict) -> str:
    """A plain-text table of the metrics, per kind then overall."""
    columns = ["n", "hit@1", "hit@5", "hit@10", "mrr@10", "mean_passage_chars", "read_chars", "answer@1", "false_abstention"]
    header = f"{'kind':<14}" + "".join(f"{c:>10}" if len(c) < 10 else f"{c[:9]:>10}" for c in columns)
    lines = [header]
    for kind, metrics in list(report["per_kind"].items()) + [("ALL", report["overall"])]:
        lines.append(f"{kind:<14}" + "".join(f"{metrics.get(c, ''):>10}" for c in columns))
    oos = report["out_of_scope"]
    if oos["n"]:
        lines.append(f"out_of_scope: {oos['n']} questions, abstention {oos['abstention']}")
    misses = [r for r in report["rows"] if "rank" in r and (r["rank"] is None or r["rank"] > 5)]
    if misses:
        lines.append("not in top 5: " + ", ".join(f"{r['id']} ({r['kind']}, rank {r['rank'] or '>10'})" for r in misses))
    return "\n".join(lines)
