"""Score retrieval (and answers) on a question set: hit@k, MRR@10, passage length, characters read, per kind and style."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ingest.french import match_key

from .config import EVAL_K
from .jsonl import JsonLineError, read_json_lines
from .types import Answer, Passage

OUT_OF_SCOPE = "out_of_scope"
NO_STYLE = "unknown"  # the style of a question without one, in a file where others have one


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    question: str
    evidence: tuple[str, ...]
    style: str | None = None  # how it is typed (well_formed, keywords, typo, ...), when the file says

    @property
    def in_scope(self) -> bool:
        """Whether the document answers it (it has evidence and is not out of scope)."""
        return self.kind != OUT_OF_SCOPE and bool(self.evidence)


class QuestionFileError(ValueError):
    """A question file that cannot be read; the message names the line."""


def load_questions(path: str | Path) -> list[Question]:
    """Questions from a JSON-lines file of {"id", "kind", "question", "evidence"}, and optionally "style"."""
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
        style=str(data["style"]) if data.get("style") else None,
    )


def load_answers(path: str | Path) -> list[Answer]:
    """Answers read back from the JSON lines of `ess-qa batch` (what scoring needs: passages, snippet, found)."""
    with open(path, encoding="utf-8") as handle:
        return read_json_lines(handle, lambda _, data: _answer(data))


def _answer(data: dict) -> Answer:
    """An answer from its JSON (Answer.to_dict()), without its snippet's citations."""
    passages = [Passage(p["text"], p["source"], p["page"], p["section"], p["score"], p.get("chunk_id", "")) for p in data["passages"]]
    return Answer(data["question"], passages, snippet=data.get("snippet"), found=bool(data["found"]), notice=data.get("notice"))


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


@dataclass(frozen=True)
class _Scored:
    """One question's outcome: the rank of its evidence, characters shown and read, the snippet's hit, refusal."""

    question: Question
    found: bool
    rank: int | None = None
    read: int = 0
    chars: int = 0
    passages: int = 0
    snippet_hit: bool = False

    def row(self) -> dict:
        """The question's line of the report's "rows"."""
        q = self.question
        row = {"id": q.id, "kind": q.kind} | ({"style": q.style} if q.style else {})
        if q.in_scope:
            row |= {"rank": self.rank, "read": self.read, "snippet_hit": self.snippet_hit}
        return row | {"found": self.found}


def _score_one(question: Question, answer: Answer) -> _Scored:
    """Where the evidence ranks among the first 10 passages, what a reader reads, whether the snippet holds it."""
    if not question.in_scope:
        return _Scored(question, answer.found)
    texts = [p.text for p in answer.passages[:10]]
    rank = first_hit_rank(texts, question.evidence)
    read = sum(len(t) for t in (texts[:rank] if rank else texts))
    snippet_hit = bool(answer.snippet) and contains_evidence(answer.snippet, question.evidence)
    return _Scored(question, answer.found, rank, read, sum(len(t) for t in texts), len(texts), snippet_hit)


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
    answer_hit: int = 0
    refused: int = 0

    def add(self, scored: _Scored) -> None:
        """Count one question's outcome."""
        rank = scored.rank
        self.n += 1
        self.hit1 += rank == 1
        self.hit5 += rank is not None and rank <= 5
        self.hit10 += rank is not None and rank <= 10
        self.rr += 1 / rank if rank else 0.0
        self.length += scored.chars
        self.passages += scored.passages
        self.read += scored.read
        self.answer_hit += scored.snippet_hit
        self.refused += not scored.found

    def as_dict(self, in_scope: bool) -> dict:
        """The rates (and the count refused) of in-scope or out-of-scope questions."""
        n = max(self.n, 1)
        if not in_scope:
            return {"n": self.n, "abstention": round(self.refused / n, 3), "refused": self.refused}
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
            "refused": self.refused,
        }


def _tally(scored: Iterable[_Scored], in_scope: bool) -> dict:
    """The metrics of some questions' outcomes."""
    totals = _Totals()
    for one in scored:
        totals.add(one)
    return totals.as_dict(in_scope)


def _per(scored: list[_Scored], group: Callable[[Question], str], in_scope: bool) -> dict:
    """The metrics of each group of questions (by kind, by style), groups in name order."""
    groups: dict[str, list[_Scored]] = defaultdict(list)
    for one in scored:
        groups[group(one.question)].append(one)
    return {name: _tally(groups[name], in_scope) for name in sorted(groups)}


def _style(question: Question) -> str:
    """The question's style, NO_STYLE when it has none."""
    return question.style or NO_STYLE


def score(questions: list[Question], answers: list[Answer]) -> dict:
    """Metrics per kind (and per style, when questions have one) and overall, plus the rows behind them."""
    scored = [_score_one(question, answer) for question, answer in zip(questions, answers)]
    inside = [s for s in scored if s.question.in_scope]
    outside = [s for s in scored if not s.question.in_scope]
    report = {
        "overall": _tally(inside, True),
        "per_kind": _per(inside, lambda q: q.kind, True),
        "out_of_scope": _tally(outside, False),
        "rows": [s.row() for s in scored],
    }
    if any(q.style for q in questions):
        report["per_style"] = _per(inside, _style, True)
        report["out_of_scope"]["per_style"] = _per(outside, _style, False)
    return report


def evaluate(assistant, path: str | Path, k: int = EVAL_K) -> dict:
    """Run every question of a file through the assistant and score the answers."""
    questions = load_questions(path)
    answers = assistant.batch([q.question for q in questions], k=k)
    report = score(questions, answers)
    report["k"] = k
    report["questions"] = len(questions)
    return report


COLUMNS = ["n", "hit@1", "hit@5", "hit@10", "mrr@10", "mean_passage_chars", "read_chars", "answer@1", "false_abstention"]


def _metric_lines(title: str, groups: dict[str, dict]) -> list[str]:
    """A header naming the grouping, then one line of in-scope metrics per group."""
    header = f"{title:<14}" + "".join(f"{c:>10}" if len(c) < 10 else f"{c[:9]:>10}" for c in COLUMNS)
    return [header] + [f"{name:<14}" + "".join(f"{metrics.get(c, ''):>10}" for c in COLUMNS) for name, metrics in groups.items()]


def _out_of_scope_line(oos: dict) -> str:
    """How many out-of-scope questions were refused, and by style when they have one."""
    line = f"out_of_scope: {oos['n']} questions, abstention {oos['abstention']}"
    styles = oos.get("per_style", {})
    if styles:
        line += "; refused by style: " + ", ".join(f"{style} {m['refused']}/{m['n']}" for style, m in styles.items())
    return line


def format_report(report: dict) -> str:
    """A plain-text table of the metrics, per kind then overall, then per style when questions have one."""
    lines = _metric_lines("kind", {**report["per_kind"], "ALL": report["overall"]})
    if report.get("per_style"):
        lines += _metric_lines("style", report["per_style"])
    if report["out_of_scope"]["n"]:
        lines.append(_out_of_scope_line(report["out_of_scope"]))
    misses = [r for r in report["rows"] if "rank" in r and (r["rank"] is None or r["rank"] > 5)]
    if misses:
        lines.append("not in top 5: " + ", ".join(f"{r['id']} ({r['kind']}, rank {r['rank'] or '>10'})" for r in misses))
    return "\n".join(lines)
