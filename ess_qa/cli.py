"""The `ess-qa` command line: a thin layer over ess_qa's Python API."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import traceback
from pathlib import Path

from .config import BUNDLED_CORPUS

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure to report in one or two lines: what failed, what to do."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ess-qa", description="Cited answers from the report « Métropoles, ESS et innovation sociale ».")
    parser.add_argument("--verbose", action="store_true", help="show full error details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="build (or rebuild) the index of a corpus")
    p.add_argument("--corpus", default=str(BUNDLED_CORPUS), help="file or folder of .pdf/.txt/.md files (default: the bundled report)")
    p.add_argument("--index-dir", help="where to write the index (default: $ESS_QA_INDEX_DIR or .ess-qa-index/)")
    p.add_argument("--model", default=None, help="sentence-transformers model name or path (default: bundled multilingual USE)")
    p.add_argument("--strict", action="store_true", help="fail when any file is skipped")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("ask", help="ask one question")
    p.add_argument("question")
    p.add_argument("--k", type=int, default=5, help="number of passages (default 5)")
    p.add_argument("--index-dir")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_filters(p)

    p = sub.add_parser("batch", help="answer questions from a .txt (one a line) or .jsonl file")
    p.add_argument("file")
    p.add_argument("--out", help="output file, .jsonl or .csv (default: JSON lines on stdout)")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--index-dir")

    p = sub.add_parser("eval", help="score retrieval on a question set (JSON lines with id, kind, question, evidence)")
    p.add_argument("file")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--index-dir")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("serve", help="start the chat page")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--index-dir")
    return parser


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", action="append", default=[], help="only passages from this file (repeatable)")
    p.add_argument("--section", default="", help="only passages whose section contains this text")
    p.add_argument("--pages", default="", help="page range, e.g. 10-20 or 17")


def _filters(args):
    from .retrieval import Filters

    page_min = page_max = None
    if args.pages:
        try:
            low, dash, high = args.pages.partition("-")
            page_min = int(low) if low.strip() else None
            page_max = (int(high) if high.strip() else None) if dash else page_min
        except ValueError:
            raise CliError(f"--pages takes a page or a range like 10-20, not {args.pages!r}") from None
    return Filters(sources=tuple(args.source), page_min=page_min, page_max=page_max, section=args.section)


def _load(args):
    from .assistant import Assistant

    return Assistant.load(args.index_dir)


def cmd_index(args) -> int:
    from index.embedding import DEFAULT_MODEL

    from .assistant import build

    corpus = Path(args.corpus)
    if not corpus.exists():
        raise CliError(f"no such file or folder: {corpus}")
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.quiet:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc="embedding chunks", unit="chunk", file=sys.stderr)
        bar.update(done - bar.n)

    report = build(corpus, args.index_dir, args.model or DEFAULT_MODEL, progress=progress)
    if bar is not None:
        bar.close()
    for skip in report.skipped:
        print(f"skipped {skip.path}: {skip.reason}", file=sys.stderr)
    print(
        f"indexed {len(report.files)} file(s), skipped {len(report.skipped)}: {report.pages} pages, "
        f"{report.chunks} chunks, model {report.model}, {report.seconds:.1f} s -> {report.index_dir}"
    )
    if args.strict and report.skipped:
        raise CliError(f"{len(report.skipped)} file(s) skipped (--strict); the index was still written")
    return EXIT_OK


def format_answer(answer) -> str:
    """Human-readable answer: the extract first (when found), then ranked, cited passages."""
    lines = []
    if answer.notice:
        lines.append(f"Note: {answer.notice}")
    if answer.snippet:
        lines += [f"Réponse : {answer.snippet}", f"  [{answer.snippet_citation}]", ""]
    elif not answer.found:
        lines += ["Le rapport ne semble pas répondre à cette question. Passages les plus proches :", ""]
    for rank, passage in enumerate(answer.passages, start=1):
        lines.append(f"[{rank}] {passage.citation}  (score {passage.score:.2f})")
        lines.extend("    " + line for line in passage.text.splitlines())
        lines.append("")
    if not answer.passages:
        lines.append("No passage found.")
    return "\n".join(lines).rstrip()


def cmd_ask(args) -> int:
    assistant = _load(args)
    answer = assistant.ask(args.question, k=args.k, filters=_filters(args))
    print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) if args.json else format_answer(answer))
    return EXIT_OK


def read_questions(path: Path) -> list[str]:
    """Questions from a .txt file (one per line) or .jsonl ({"question": ...} per line)."""
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if path.suffix.lower() == ".jsonl":
            try:
                questions.append(str(json.loads(line)["question"]))
            except (ValueError, KeyError, TypeError):
                raise CliError(f"{path}, line {number}: expected a JSON object with a \"question\"") from None
        else:
            questions.append(line.strip())
    if not questions:
        raise CliError(f"no question in {path}")
    return questions


def cmd_batch(args) -> int:
    from .questions import EmptyQuestion, prepare_question

    questions = read_questions(Path(args.file))
    for number, question in enumerate(questions, start=1):
        try:
            prepare_question(question)
        except EmptyQuestion as exc:
            raise CliError(f"question {number}: {exc}") from None
    answers = _load(args).batch(questions, k=args.k)
    out = Path(args.out) if args.out else None
    if out and out.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["question", "found", "snippet", "snippet_citation", "rank", "citation", "score", "text"])
        for answer in answers:
            for rank, p in enumerate(answer.passages, start=1):
                writer.writerow([answer.question, answer.found, answer.snippet or "", answer.snippet_citation or "", rank, p.citation, p.score, p.text])
        out.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        text = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in answers)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    if out:
        print(f"{len(answers)} answers written to {out}")
    return EXIT_OK


def cmd_eval(args) -> int:
    from .evaluation import QuestionFileError, evaluate, format_report

    if not Path(args.file).is_file():
        raise CliError(f"no such file: {args.file}")
    try:
        report = evaluate(_load(args), args.file, k=args.k)
    except QuestionFileError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report))
    return EXIT_OK


def cmd_serve(args) -> int:
    from .web import serve

    serve(host=args.host, port=args.port, index_dir=args.index_dir)
    return EXIT_OK


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "batch": cmd_batch, "eval": cmd_eval, "serve": cmd_serve}


def main(argv: list[str] | None = None) -> int:
    """Entry point of `ess-qa`; returns the exit status."""
    from index.embedding import ModelError
    from index.store import IndexProblem

    from .assistant import NothingToIndex
    from .questions import EmptyQuestion

    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (CliError, IndexProblem, ModelError, NothingToIndex, EmptyQuestion, ValueError, OSError) as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"ess-qa {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"ess-qa {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
