"""The `ess-qa` command line: a thin layer over ess_qa's Python API.

Errors are reported in one or two lines (what failed, what to do) with exit status 1;
`--verbose` (before or after the command) adds the full details.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import traceback
from pathlib import Path

from .config import BUNDLED_CORPUS, DEFAULT_K, EVAL_K
from .jsonl import JsonLineError, read_json_lines

EXIT_OK, EXIT_ERROR = 0, 1  # argparse exits 2 on usage errors


from .store_options import add_store_arguments


class CliError(Exception):
    """A failure to report in one or two lines: what failed, what to do."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ess-qa", description="Cited answers from your French reports: index documents, then ask questions.")
    parser.add_argument("--verbose", action="store_true", help="show full error details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="build (or rebuild) the index of a corpus")
    p.add_argument(
        "--corpus",
        default=str(BUNDLED_CORPUS),
        help="file or folder of .pdf/.txt/.md files (default: the bundled report); files over $ESS_QA_MAX_FILE_MB (200) MB are skipped",
    )
    p.add_argument("--index-dir", help="where to write the index (default: $ESS_QA_INDEX_DIR or .ess-qa-index/)")
    p.add_argument("--model", default=None, help="sentence-transformers model name or path (default: bundled multilingual USE)")
    p.add_argument("--strict", action="store_true", help="fail, leaving the previous index untouched, when any file would be skipped")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--full", action="store_true", help="embed every text again (default: reuse the vectors the existing index holds for the same texts)")
    add_store_arguments(p, writing=True)

    p = sub.add_parser("ask", help="ask one question")
    p.add_argument("question")
    p.add_argument("--k", type=int, default=DEFAULT_K, help=f"number of passages shown (default {DEFAULT_K}); the answer is looked for among {DEFAULT_K} at least")
    p.add_argument("--index-dir")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_filters(p)
    add_store_arguments(p)

    p = sub.add_parser("batch", help="answer questions from a .txt (one a line) or .jsonl file")
    p.add_argument("file")
    p.add_argument("--out", help="output file, .jsonl or .csv (default: JSON lines on stdout)")
    p.add_argument("--k", type=int, default=DEFAULT_K)
    p.add_argument("--index-dir")
    add_store_arguments(p)

    p = sub.add_parser("eval", help="score retrieval on a question set (JSON lines with id, kind, question, evidence, optional style)")
    p.add_argument("file")
    p.add_argument("--k", type=int, default=EVAL_K)
    p.add_argument("--index-dir")
    p.add_argument("--json", action="store_true")
    add_store_arguments(p)

    p = sub.add_parser("serve", help="start the chat page")
    from .web.options import add_serve_arguments  # the same options as `python app.py`

    add_serve_arguments(p)

    p = sub.add_parser("metropoles", help="the metropolises' fact sheets as a table")
    p.add_argument("--index-dir", help="index directory (default: $ESS_QA_INDEX_DIR or .ess-qa-index/)")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="CSV with every field")
    output.add_argument("--json", action="store_true", help="JSON records (see Assistant.metropoles())")
    add_store_arguments(p)
    for command in sub.choices.values():  # `ess-qa ask "..." --verbose` works as well as `ess-qa --verbose ask "..."`
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="show full error details")
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

    return Assistant.load(args.index_dir, store=args.store, collections=tuple(args.collection))


def _print_skips(skipped) -> None:
    for skip in skipped:
        print(f"skipped {skip.path}: {skip.reason}", file=sys.stderr)


def cmd_index(args) -> int:
    from index.store import DEFAULT_MODEL

    from index.store import redact

    from .assistant import FilesSkipped, NothingToIndex, build
    from .config import resolve_index_dir, resolve_store

    corpus = Path(args.corpus)
    if not corpus.exists():
        raise CliError(f"no such file or folder: {corpus}\ngive --corpus a folder (or file) of .pdf, .txt or .md files")
    store = resolve_store(args.store)
    target = redact(store) if store else resolve_index_dir(args.index_dir)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.quiet:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc="embedding chunks", unit="chunk", file=sys.stderr)
        bar.update(done - bar.n)

    try:
        report = build(
            corpus, args.index_dir, args.model or DEFAULT_MODEL, progress=progress, strict=args.strict, reuse=not args.full, store=store, collection=args.collection
        )
    except FilesSkipped as exc:
        _print_skips(exc.skipped)
        raise CliError(
            f"{len(exc.skipped)} file(s) of {corpus} cannot be indexed (--strict): nothing was written, "
            f"the index at {target} is unchanged\nfix or remove those files, or run without --strict to index the others"
        ) from None
    except NothingToIndex as exc:
        _print_skips(exc.skipped)
        raise CliError(
            f"{exc}; the index at {target} is unchanged\n"
            "give --corpus a folder (or file) with readable .pdf, .txt or .md files"
        ) from None
    finally:
        if bar is not None:
            bar.close()
    _print_skips(report.skipped)
    for name, numbers in report.textless.items():
        print(f"note: {name}: no text to search on {len(numbers)} page(s), {page_ranges(numbers)} (images or blank pages: their words are not read)", file=sys.stderr)
    if report.reuse_summary():
        print(report.reuse_summary())
    print(
        f"indexed {len(report.files)} file(s), skipped {len(report.skipped)}: {report.pages} pages, "
        f"{report.chunks} chunks, model {report.model}, {report.seconds:.1f} s -> {report.index_dir}"
    )
    return EXIT_OK


def page_ranges(numbers: list[int]) -> str:
    """Page numbers in ranges: [19, 20, 21, 26] -> 'pp. 19-21, 26'."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ("pp. " if len(numbers) > 1 else "p. ") + ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)


def format_answer(answer, several: bool = False) -> str:
    """Human-readable answer: the extract first (when found), then ranked, cited passages (several: the index holds
    several documents)."""
    from .types import does_not_answer

    lines = []
    if answer.notice:
        lines.append(f"Note: {answer.notice}")
    if answer.snippet:
        lines += [f"Réponse : {answer.snippet}", f"  [{answer.snippet_citation}]", ""]
    elif not answer.found:
        lines += [f"{does_not_answer(several)}. Passages les plus proches :", ""]
    for rank, passage in enumerate(answer.passages, start=1):
        source = " · source de la réponse" if rank == 1 and answer.answer_first() else ""
        lines.append(f"[{rank}] {passage.citation}  (score {passage.score:.2f}{source})")
        if passage.cite.document:
            lines.append(f"    {passage.cite.document}")
        lines.extend("    " + line for line in passage.text.splitlines())
        lines.append("")
    if not answer.passages:
        lines.append("Aucun passage trouvé.")
    return "\n".join(lines).rstrip()


def cmd_ask(args) -> int:
    assistant = _load(args)
    filters = _filters(args)
    problem = assistant.filters_problem(filters)
    if problem:
        raise CliError(f"{problem}\nchange --source, --pages or --section")
    answer = assistant.ask(args.question, k=args.k, filters=filters)
    print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) if args.json else format_answer(answer, assistant.several))
    return EXIT_OK


OUTPUT_SUFFIXES = (".jsonl", ".csv")


def read_question_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, question) from a .txt file (one per line) or .jsonl ({"question": ...} per line)."""
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text\nsave it as UTF-8 (one question a line, or JSON lines)") from None
    lines = text.splitlines()
    if path.suffix.lower() == ".jsonl":
        try:
            questions = read_json_lines(lines, lambda number, data: (number, _question_text(data)))
        except JsonLineError as exc:
            raise CliError(f"{path}, line {exc.number}: expected a JSON object with a \"question\" string") from None
    else:
        questions = [(number, line.strip()) for number, line in enumerate(lines, start=1) if line.strip()]
    if not questions:
        raise CliError(f"no question in {path}")
    return questions


def _question_text(data) -> str:
    """The "question" string of a JSON line (TypeError when there is none)."""
    if not isinstance(data, dict) or not isinstance(data["question"], str):
        raise TypeError
    return data["question"]


def _write_atomically(path: Path, text: str) -> None:
    """Write a whole output file or nothing (a temporary file beside it, then a rename)."""
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CliError(f"cannot write {path}: {exc.strerror or exc}\nchoose an --out path in a folder you can write to") from None


def _as_asked(answer, asked: str) -> dict:
    """An answer's record under the question as the file asks it, with how it was read when that differs
    (« cest quoi » read « c'est quoi »)."""
    record = answer.to_dict()
    if record["question"] != asked:
        record = {"question": asked, "read_as": record["question"]} | {k: v for k, v in record.items() if k != "question"}
    return record


def cmd_batch(args) -> int:
    from .questions import EmptyQuestion, prepare_question

    path = Path(args.file)
    out = Path(args.out) if args.out else None
    if out and out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise CliError(f"--out {out}: the output file must end in .jsonl or .csv")
    lines = read_question_lines(path)
    for number, question in lines:
        try:
            prepare_question(question)
        except EmptyQuestion as exc:
            raise CliError(f"{path}, line {number}: {exc}\nremove or fix that line, then run the batch again") from None
    questions = [question for _, question in lines]
    answers = _load(args).batch(questions, k=args.k)
    if out and out.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["question", "found", "snippet", "snippet_citation", "rank", "citation", "score", "text"])
        for answer, asked in zip(answers, questions):
            for rank, p in enumerate(answer.passages, start=1):
                writer.writerow([asked, answer.found, answer.snippet or "", answer.snippet_citation or "", rank, p.citation, p.score, p.text])
        _write_atomically(out, buffer.getvalue())
    else:
        text = "".join(json.dumps(_as_asked(a, q), ensure_ascii=False) + "\n" for a, q in zip(answers, questions))
        if out:
            _write_atomically(out, text)
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

    serve(host=args.host, port=args.port, index_dir=args.index_dir, corpus=args.corpus, store=args.store, collections=tuple(args.collection))
    return EXIT_OK


def cmd_metropoles(args) -> int:
    from .profiles.metropoles.table import format_table, to_csv

    records = _load(args).metropoles()
    if not records:
        raise CliError("this index has no metropolis fact sheets (built before they were extracted, or from other documents)\nrebuild it with `ess-qa index`")
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.csv:
        sys.stdout.write(to_csv(records))
    else:
        print(format_table(records))
    return EXIT_OK


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "batch": cmd_batch, "eval": cmd_eval, "serve": cmd_serve, "metropoles": cmd_metropoles}


def error_message(exc: BaseException, args) -> str:
    """What failed and what to do, in one or two lines."""
    from index.store import IndexProblem

    if isinstance(exc, IndexProblem):
        # Name the exact command to run: with --index-dir only when the user gave one.
        index_dir = getattr(args, "index_dir", None)
        hint = "\nadd --corpus FOLDER to index the documents of FOLDER (without it, the bundled report is indexed)"
        return exc.message(index_dir) + (hint if index_dir and exc.action == "build it" else "")
    if isinstance(exc, (CliError, ValueError)) or type(exc).__module__.startswith(("ess_qa", "index", "ingest")):
        return str(exc)
    if type(exc).__module__.startswith("psycopg"):
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"the PostgreSQL store failed: {reason}\na write that did not finish changed nothing; check the database server and run the command again"
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}\ncheck the path and its permissions (--verbose shows details)"
    return f"unexpected {type(exc).__name__}: {exc}\nrun again with --verbose for the details, and report it if it persists"


def main(argv: list[str] | None = None) -> int:
    """Entry point of `ess-qa`; returns the exit status (0 done, 1 failed, 2 bad usage, 130 interrupted)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print(f"ess-qa {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `ess-qa ask ... | head`: the reader went away, nothing to report
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # keeps the interpreter's final flush of stdout quiet
        return EXIT_ERROR
    except Exception as exc:  # every failure ends in a short message, never a traceback (unless --verbose)
        if args.verbose:
            traceback.print_exc()
        lines = error_message(exc, args).strip().split("\n")
        print(f"ess-qa {args.command}: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
