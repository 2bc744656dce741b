"""`ess-qa eval` by style: figures per `style` beside those per kind when the questions carry one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ess_qa.cli import main
from ess_qa.evaluation import Question, score
from ess_qa.types import Answer, Passage

# A tiny question set on the bundled report, two styles, each with in-scope and out-of-scope questions.
STYLED = [
    {"id": "s1", "kind": "numeric", "style": "keywords", "question": "aix-marseille-provence métropole nombre habitants", "evidence": ["1 898 950 habitants"]},
    {"id": "s2", "kind": "numeric", "style": "keywords", "question": "tours métropole val de loire nombre habitants", "evidence": ["293 123 habitants"]},
    {"id": "s3", "kind": "out_of_scope", "style": "keywords", "question": "budget ESS métropole de lyon 2019", "evidence": []},
    {"id": "s4", "kind": "crosslingual", "style": "english", "question": "population of the Métropole du Grand Paris", "evidence": ["7 026 945 hab"]},
    {"id": "s5", "kind": "out_of_scope", "style": "english", "question": "What is the annual ESS budget of Orléans Métropole?", "evidence": []},
]


def write_set(folder: Path, records: list[dict]) -> Path:
    path = folder / "questions.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def eval_cli(capsys, path: Path, index_dir: Path, *extra: str) -> str:
    """stdout of `ess-qa eval PATH --index-dir INDEX ...` (which must succeed)."""
    assert main(["eval", str(path), "--index-dir", str(index_dir), *extra]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def styled_set(tmp_path_factory) -> Path:
    return write_set(tmp_path_factory.mktemp("styled"), STYLED)


def test_json_has_figures_per_style(capsys, styled_set, report_index_dir):
    report = json.loads(eval_cli(capsys, styled_set, report_index_dir, "--json"))
    per_style, oos = report["per_style"], report["out_of_scope"]
    assert list(per_style) == ["english", "keywords"]
    assert (per_style["keywords"]["n"], per_style["english"]["n"], report["overall"]["n"]) == (2, 1, 3)
    assert {style: m["n"] for style, m in oos["per_style"].items()} == {"english": 1, "keywords": 1}
    rows = {row["id"]: row for row in report["rows"]}
    assert all(rows[r["id"]]["style"] == r["style"] for r in STYLED)
    for style, metrics in oos["per_style"].items():  # refusals per style agree with the rows
        assert metrics["refused"] == sum(not row["found"] for row in rows.values() if row["style"] == style and row["kind"] == "out_of_scope")
    assert oos["refused"] == sum(m["refused"] for m in oos["per_style"].values())
    assert report["overall"]["refused"] == sum(m["refused"] for m in per_style.values())


def test_text_has_a_row_per_style(capsys, styled_set, report_index_dir):
    lines = eval_cli(capsys, styled_set, report_index_dir, "--k", "5").splitlines()
    headers = [line.split()[0] for line in lines if line.split()[1:3] == ["n", "hit@1"]]
    assert headers == ["kind", "style"]
    style_block = lines[[line.split()[0] for line in lines].index("style") + 1 :]
    assert [line.split()[:2] for line in style_block[:2]] == [["english", "1"], ["keywords", "2"]]
    oos_line = next(line for line in lines if line.startswith("out_of_scope:"))
    assert "refused by style: english " in oos_line and "/1, keywords " in oos_line


def test_without_styles_nothing_changes(capsys, tmp_path, report_index_dir):
    path = write_set(tmp_path, [{k: v for k, v in r.items() if k != "style"} for r in STYLED])
    report = json.loads(eval_cli(capsys, path, report_index_dir, "--json"))
    assert "per_style" not in report and "per_style" not in report["out_of_scope"]
    assert all("style" not in row for row in report["rows"])
    assert [line.split()[0] for line in eval_cli(capsys, path, report_index_dir).splitlines()].count("style") == 0


def test_a_question_without_style_among_styled_ones_counts_as_unknown():
    passage = Passage("Nantes compte 656 275 habitants.", "a.txt", 1, "", 1.0)
    questions = [
        Question("a", "numeric", "habitants nantes ?", ("656 275 habitants",), "keywords"),
        Question("b", "numeric", "Combien d'habitants à Nantes ?", ("656 275 habitants",)),
    ]
    answers = [Answer(q.question, [passage], snippet=passage.text) for q in questions]
    report = score(questions, answers)
    assert list(report["per_style"]) == ["keywords", "unknown"]
    assert report["per_style"]["unknown"] == report["per_style"]["keywords"]
    assert report["per_style"]["unknown"]["hit@1"] == report["per_style"]["unknown"]["answer@1"] == 1.0
