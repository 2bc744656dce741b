"""Every CLI command through `ess_qa.cli.main([...])`, and once each through the installed `ess-qa` script.

(`serve` is tested with the web page.)
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ess_qa import Citation
from ess_qa.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

DEV_SET = Path(__file__).resolve().parent / "data" / "dev.jsonl"
QUESTION = "Qui préside Nantes Métropole ?"


def run(capsys, *argv):
    """(exit status, stdout, stderr) of `ess-qa ARGV` run in this process."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("cli-corpus")
    (corpus / "guide.txt").write_text(
        "Le fonds de garantie solidaire couvre les prêts des coopératives.\f"
        "La monnaie locale complémentaire circule dans trente commerces du quartier.",
        encoding="utf-8",
    )
    (corpus / "notes.md").write_text("Le tiers-lieu accueille des ateliers de réparation de vélos.", encoding="utf-8")
    return corpus


# --- index -------------------------------------------------------------------------------------


def test_index_shows_progress_and_a_summary(capsys, small_corpus, tmp_path):
    status, out, err = run(capsys, "index", "--corpus", small_corpus, "--index-dir", tmp_path / "idx")
    assert status == 0
    assert "embedding chunks" in err and "100%" in err  # the progress bar
    assert out.startswith("indexed 2 file(s), skipped 0: 3 pages, 3 chunks, model use-multilingual-v3")
    assert out.rstrip().endswith(f"-> {tmp_path / 'idx'}")
    assert (tmp_path / "idx" / "manifest.json").is_file()


def test_index_quiet_has_no_progress_bar(capsys, small_corpus, tmp_path):
    status, out, err = run(capsys, "index", "--corpus", small_corpus, "--index-dir", tmp_path / "idx", "--quiet")
    assert status == 0 and "embedding chunks" not in err and out.startswith("indexed 2 file(s)")


def test_index_says_which_pages_have_no_text_to_search(capsys, tmp_path):
    """A PDF whose pages 2 to 4 hold only pictures (here: nothing) is indexed, and the user is told which pages
    cannot be searched."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(1, 6):
        pdf.add_page()
        if number in (1, 5):
            pdf.multi_cell(0, 8, "Le réseau de chaleur dessert les bâtiments publics de la commune.")
    (tmp_path / "corpus").mkdir()
    pdf.output(str(tmp_path / "corpus" / "deck.pdf"))
    status, out, err = run(capsys, "index", "--corpus", tmp_path / "corpus", "--index-dir", tmp_path / "idx", "--quiet")
    assert status == 0 and out.startswith("indexed 1 file(s), skipped 0: 5 pages")
    assert "note: deck.pdf: no text to search on 3 page(s), pp. 2-4" in err


def test_index_of_a_missing_corpus(capsys, tmp_path):
    status, out, err = run(capsys, "index", "--corpus", tmp_path / "absent", "--index-dir", tmp_path / "idx")
    assert status == 1 and out == ""
    assert err.startswith(f"ess-qa index: error: no such file or folder: {tmp_path / 'absent'}\n")
    assert len(err.strip().splitlines()) == 2 and "Traceback" not in err


def test_index_honours_the_environment_variable(capsys, small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ESS_QA_INDEX_DIR", str(tmp_path / "from-env"))
    status, out, _ = run(capsys, "index", "--corpus", small_corpus, "--quiet")
    assert status == 0 and (tmp_path / "from-env" / "manifest.json").is_file()


# --- ask ---------------------------------------------------------------------------------------


def test_ask_prints_cited_passages(capsys, report_index_dir):
    status, out, err = run(capsys, "ask", QUESTION, "--index-dir", report_index_dir)
    assert status == 0, err
    assert "[1] metropoles-ess.txt · p. " in out and "(score " in out
    assert "Johanna Rolland" in out
    assert out.count("source de la réponse") == 1 and "· source de la réponse)\n" in out.split("[2]")[0]
    assert err == ""


def test_ask_json(capsys, report_index_dir):
    status, out, _ = run(capsys, "ask", QUESTION, "--index-dir", report_index_dir, "--json", "--k", 3)
    assert status == 0
    data = json.loads(out)
    assert data["question"] == QUESTION
    assert set(data) >= {"question", "found", "snippet", "snippet_citation", "snippet_cites", "notice", "passages"}
    assert len(data["passages"]) == 3
    first = data["passages"][0]
    assert set(first) >= {"text", "source", "page", "section", "score", "citation", "chunk_id", "cite"}
    assert first["citation"].startswith(f"metropoles-ess.txt · p. {first['page']}")
    assert first["cite"] == {"source": "metropoles-ess.txt", "page": first["page"], "section": first["section"]}
    # the extract's passage comes first whatever its score, and the JSON says so (helpers read a lower first score as a fault)
    assert data["answer_first"] is (data["found"] and first["cite"] in data["snippet_cites"])


def test_ask_with_filters(capsys, report_index_dir):
    status, out, _ = run(capsys, "ask", "emploi", "--index-dir", report_index_dir, "--json", "--k", 5, "--pages", "50-60", "--section", "Fiches métropoles")
    assert status == 0
    passages = json.loads(out)["passages"]
    assert passages and all(50 <= p["page"] <= 60 and p["section"].startswith("Fiches métropoles") for p in passages)
    status, out, _ = run(capsys, "ask", "emploi", "--index-dir", report_index_dir, "--json", "--pages", "17")
    assert status == 0 and {p["page"] for p in json.loads(out)["passages"]} == {17}


@pytest.mark.parametrize(
    "option, value, expected",
    [
        ("--source", "autre.pdf", "no indexed file is named autre.pdf; the index holds: metropoles-ess.txt"),
        ("--pages", "100", "no page 100 or after: the last page indexed is 63"),
        ("--pages", "20-10", "pages 20-10: a range goes from its first page to its last (10-20)"),
        ("--pages", "70-", "no page 70 or after: the last page indexed is 63"),
        ("--section", "Chapitre inconnu", "no section contains « Chapitre inconnu »"),
    ],
)
def test_ask_with_filters_that_leave_nothing_says_why(capsys, report_index_dir, option, value, expected):
    status, out, err = run(capsys, "ask", "emploi", "--index-dir", report_index_dir, option, value)
    assert status == 1 and out == ""
    assert err == f"ess-qa ask: error: {expected}\n  change --source, --pages or --section\n"


def test_ask_bad_page_range(capsys, report_index_dir):
    status, _, err = run(capsys, "ask", "emploi", "--index-dir", report_index_dir, "--pages", "dix-vingt")
    assert status == 1 and err == "ess-qa ask: error: --pages takes a page or a range like 10-20, not 'dix-vingt'\n"


def test_ask_bad_k(capsys, report_index_dir):
    status, _, err = run(capsys, "ask", "emploi", "--index-dir", report_index_dir, "--k", 0)
    assert status == 1 and err == "ess-qa ask: error: k must be a whole number from 1 to 50, not 0\n"


def test_ask_empty_question(capsys, report_index_dir):
    status, out, err = run(capsys, "ask", "   ", "--index-dir", report_index_dir)
    assert status == 1 and out == ""
    assert err == "ess-qa ask: error: the question is empty: type a question about the documents\n"


def test_ask_without_an_index_names_the_exact_command(capsys, tmp_path):
    status, _, err = run(capsys, "ask", QUESTION, "--index-dir", tmp_path / "nowhere")
    assert status == 1
    assert err == (
        f"ess-qa ask: error: no index at {tmp_path / 'nowhere'}: run `ess-qa index --index-dir {tmp_path / 'nowhere'}` to build it\n"
        "  add --corpus FOLDER to index the documents of FOLDER (without it, the bundled report is indexed)\n"
    )


def test_ask_with_a_damaged_index_names_the_exact_command(capsys, report_index_dir, tmp_path, monkeypatch):
    damaged = tmp_path / "index"
    shutil.copytree(report_index_dir, damaged)
    (damaged / "chunks.jsonl").write_text("", encoding="utf-8")
    status, _, err = run(capsys, "ask", QUESTION, "--index-dir", damaged)
    assert status == 1 and len(err.splitlines()) == 1
    # the manifest recorded the corpus the index was built from: the command rebuilds that one
    assert f"run `ess-qa index --corpus {CORPUS} --index-dir {damaged}` to rebuild it" in err
    # Through $ESS_QA_INDEX_DIR the user typed no --index-dir: the command says none either.
    monkeypatch.setenv("ESS_QA_INDEX_DIR", str(damaged))
    status, _, err = run(capsys, "ask", QUESTION)
    assert status == 1 and err.endswith(f"run `ess-qa index --corpus {CORPUS}` to rebuild it\n")


# --- batch -------------------------------------------------------------------------------------


@pytest.fixture
def questions_txt(tmp_path) -> Path:
    path = tmp_path / "questions.txt"
    path.write_text(f"{QUESTION}\n\nCombien de collectivités adhèrent au RTES ?\n", encoding="utf-8")
    return path


@pytest.fixture
def questions_jsonl(tmp_path) -> Path:
    path = tmp_path / "questions.jsonl"
    lines = [{"id": "q1", "question": QUESTION}, {"question": "What is KaléidosCOOP?"}]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def test_batch_txt_to_stdout_jsonl(capsys, report_index_dir, questions_txt):
    status, out, _ = run(capsys, "batch", questions_txt, "--index-dir", report_index_dir, "--k", 2)
    assert status == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["question"] for a in answers] == [QUESTION, "Combien de collectivités adhèrent au RTES ?"]
    assert all(len(a["passages"]) == 2 for a in answers)


def test_batch_keeps_each_question_as_the_file_asks_it(capsys, report_index_dir, tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text("cest quoi kaleidoscoop\n", encoding="utf-8")
    status, out, _ = run(capsys, "batch", path, "--index-dir", report_index_dir, "--k", 2)
    answer = json.loads(out)
    assert status == 0 and answer["question"] == "cest quoi kaleidoscoop"
    assert answer["read_as"].startswith("c'est quoi")


def test_batch_jsonl_to_jsonl_file(capsys, report_index_dir, questions_jsonl, tmp_path):
    out_file = tmp_path / "answers.jsonl"
    status, out, _ = run(capsys, "batch", questions_jsonl, "--index-dir", report_index_dir, "--out", out_file)
    assert status == 0 and out == f"2 answers written to {out_file}\n"
    answers = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [a["question"] for a in answers] == [QUESTION, "What is KaléidosCOOP?"]
    assert all(len(a["passages"]) == 5 for a in answers)


def test_batch_json_has_the_citation_strings_and_the_structured_citations(capsys, report_index_dir, tmp_path):
    questions = tmp_path / "questions.txt"
    questions.write_text(f"Combien de salariés de l'ESS à Nantes vs Rennes ?\n{QUESTION}\n", encoding="utf-8")
    status, out, _ = run(capsys, "batch", questions, "--index-dir", report_index_dir, "--k", 3)
    assert status == 0
    table, plain = [json.loads(line) for line in out.splitlines()]
    assert table["snippet_cites"] == [
        {"source": "metropoles-ess.txt", "page": 54, "section": "Fiches métropoles › Nantes Métropole"},
        {"source": "metropoles-ess.txt", "page": 56, "section": "Fiches métropoles › Rennes Métropole"},
    ]
    assert table["snippet_citation"] == (
        "metropoles-ess.txt · p. 54 · Fiches métropoles › Nantes Métropole ; metropoles-ess.txt · p. 56 · Fiches métropoles › Rennes Métropole"
    )
    assert plain["found"] and [Citation(**c).label for c in plain["snippet_cites"]] == [plain["snippet_citation"]]
    for passage in table["passages"] + plain["passages"]:
        assert passage["cite"] == {"source": passage["source"], "page": passage["page"], "section": passage["section"]}
        assert passage["citation"] == Citation(**passage["cite"]).label


def test_batch_to_csv(capsys, report_index_dir, questions_txt, tmp_path):
    out_file = tmp_path / "answers.csv"
    status, _, _ = run(capsys, "batch", questions_txt, "--index-dir", report_index_dir, "--out", out_file, "--k", 3)
    assert status == 0
    with open(out_file, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["question", "found", "snippet", "snippet_citation", "rank", "citation", "score", "text"]
    assert len(rows) == 6 and [r["rank"] for r in rows] == ["1", "2", "3"] * 2
    assert all(r["citation"].startswith("metropoles-ess.txt · p. ") for r in rows)


def test_batch_matches_ask(capsys, report_index_dir, questions_txt):
    _, out, _ = run(capsys, "batch", questions_txt, "--index-dir", report_index_dir, "--k", 3)
    batch = [json.loads(line) for line in out.splitlines()]
    _, out, _ = run(capsys, "ask", QUESTION, "--index-dir", report_index_dir, "--k", 3, "--json")
    assert batch[0] == json.loads(out)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("q.txt", f"{QUESTION}\n???\n", "q.txt, line 2: the question has no words to search for"),
        ("q.jsonl", '{"question": "ok ?"}\n{"q": "x"}\n', 'q.jsonl, line 2: expected a JSON object with a "question" string'),
        ("q.jsonl", '{"question": "ok ?"}\nnot json\n', "q.jsonl, line 2: expected a JSON object"),
        ("q.txt", "\n\n   \n", "no question in"),
        ("q.txt", b"caf\xe9 ?\n", "is not UTF-8 text"),
    ],
    ids=["empty-question", "jsonl-no-question", "jsonl-not-json", "no-question", "not-utf8"],
)
def test_batch_bad_input_files(capsys, report_index_dir, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    status, out, err = run(capsys, "batch", path, "--index-dir", report_index_dir)
    assert status == 1 and out == ""
    assert err.startswith("ess-qa batch: error: ") and expected in err
    assert len(err.strip().splitlines()) <= 2 and "Traceback" not in err


def test_batch_missing_file_and_bad_output(capsys, report_index_dir, questions_txt, tmp_path):
    status, _, err = run(capsys, "batch", tmp_path / "absent.txt", "--index-dir", report_index_dir)
    assert status == 1 and "no such file" in err
    status, _, err = run(capsys, "batch", questions_txt, "--index-dir", report_index_dir, "--out", tmp_path / "answers.xlsx")
    assert status == 1 and "must end in .jsonl or .csv" in err
    status, _, err = run(capsys, "batch", questions_txt, "--index-dir", report_index_dir, "--out", tmp_path / "no" / "dir" / "a.jsonl")
    assert status == 1 and "cannot write" in err and len(err.strip().splitlines()) == 2
    assert not list(tmp_path.glob("**/.a.jsonl.tmp-*"))


# --- eval --------------------------------------------------------------------------------------


def test_eval_json(capsys, report_index_dir):
    status, out, _ = run(capsys, "eval", DEV_SET, "--index-dir", report_index_dir, "--json")
    assert status == 0
    report = json.loads(out)
    assert report["questions"] == sum(1 for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip())
    assert report["k"] == 10
    overall = report["overall"]
    assert set(overall) >= {"n", "hit@1", "hit@5", "hit@10", "mrr@10", "mean_passage_chars", "read_chars"}
    assert 0 <= overall["hit@1"] <= overall["hit@5"] <= overall["hit@10"] <= 1
    assert overall["hit@5"] >= 0.8  # a sanity floor; the quality floors live in test_retrieval_quality.py
    assert report["per_kind"] and len(report["rows"]) == report["questions"]


def test_eval_human_table(capsys, report_index_dir):
    status, out, _ = run(capsys, "eval", DEV_SET, "--index-dir", report_index_dir, "--k", 5)
    assert status == 0
    assert out.splitlines()[0].split()[:4] == ["kind", "n", "hit@1", "hit@5"]
    assert any(line.startswith("ALL") for line in out.splitlines())


def test_eval_bad_file(capsys, report_index_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "ok"}\n{oops\n', encoding="utf-8")
    status, _, err = run(capsys, "eval", bad, "--index-dir", report_index_dir)
    assert status == 1 and "line 2" in err and "Traceback" not in err
    status, _, err = run(capsys, "eval", tmp_path / "absent.jsonl", "--index-dir", report_index_dir)
    assert status == 1 and "no such file" in err


# --- errors: short by default, detailed with --verbose --------------------------------------------


@pytest.mark.parametrize("position", ["before", "after"])
def test_verbose_shows_the_details(capsys, tmp_path, position):
    argv = ["ask", QUESTION, "--index-dir", tmp_path / "nowhere"]
    argv = ["--verbose", *argv] if position == "before" else [*argv, "--verbose"]
    status, _, err = run(capsys, *argv)
    assert status == 1
    assert "Traceback (most recent call last)" in err and "IndexProblem" in err
    assert err.rstrip().splitlines()[-2].startswith("ess-qa ask: error: no index at")


def test_without_verbose_errors_are_one_or_two_lines(capsys, tmp_path):
    for argv in (
        ["ask", QUESTION, "--index-dir", tmp_path / "nowhere"],
        ["index", "--corpus", tmp_path / "absent"],
        ["batch", tmp_path / "absent.txt"],
        ["eval", tmp_path / "absent.jsonl"],
    ):
        status, _, err = run(capsys, *argv)
        assert status == 1 and 1 <= len(err.strip().splitlines()) <= 2 and "Traceback" not in err, argv


def test_unexpected_errors_are_short_too(capsys, report_index_dir, monkeypatch):
    from ess_qa import assistant as assistant_module

    def explode(*args, **kwargs):
        raise RuntimeError("something deep broke")

    monkeypatch.setattr(assistant_module.Assistant, "ask", explode)
    status, _, err = run(capsys, "ask", QUESTION, "--index-dir", report_index_dir)
    assert status == 1
    assert err == "ess-qa ask: error: unexpected RuntimeError: something deep broke\n  run again with --verbose for the details, and report it if it persists\n"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["ask"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    capsys.readouterr()


# --- the installed console script ---------------------------------------------------------------


def ess_qa(*argv, timeout=180) -> subprocess.CompletedProcess:
    script = shutil.which("ess-qa")
    assert script, "the ess-qa console script is not installed (pip install -e .)"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run([script, *map(str, argv)], capture_output=True, text=True, timeout=timeout, env=env)


def test_console_script_index_and_ask(small_corpus, tmp_path):
    index_dir = tmp_path / "idx"
    done = ess_qa("index", "--corpus", small_corpus, "--index-dir", index_dir)
    assert done.returncode == 0, done.stderr
    assert "embedding chunks" in done.stderr
    assert done.stdout.startswith("indexed 2 file(s), skipped 0: 3 pages, 3 chunks")
    done = ess_qa("ask", "Où circule la monnaie locale ?", "--index-dir", index_dir, "--json", "--k", 1)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["passages"][0]["citation"] == "guide.txt · p. 2"


def test_console_script_batch_and_eval(report_index_dir, tmp_path):
    questions = tmp_path / "questions.txt"
    questions.write_text(f"{QUESTION}\nCombien de collectivités adhèrent au RTES ?\n", encoding="utf-8")
    out_file = tmp_path / "answers.csv"
    done = ess_qa("batch", questions, "--index-dir", report_index_dir, "--out", out_file, "--k", 2)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"2 answers written to {out_file}\n"
    assert len(list(csv.reader(out_file.open(encoding="utf-8")))) == 1 + 4
    done = ess_qa("eval", DEV_SET, "--index-dir", report_index_dir, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overall"]["n"] > 0


def test_console_script_error_is_short_and_exit_1(tmp_path):
    done = ess_qa("ask", QUESTION, "--index-dir", tmp_path / "nowhere")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines()[0] == f"ess-qa ask: error: no index at {tmp_path / 'nowhere'}: run `ess-qa index --index-dir {tmp_path / 'nowhere'}` to build it"
    assert len(done.stderr.strip().splitlines()) == 2 and "--corpus FOLDER" in done.stderr


def test_module_entry_point(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    done = subprocess.run([sys.executable, "-m", "ess_qa.cli", "--help"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "index" in done.stdout and "batch" in done.stdout
