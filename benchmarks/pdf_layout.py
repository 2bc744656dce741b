"""pypdf's layout mode against its default mode on real PDFs, and the table reading of ingest.layout.

    python benchmarks/pdf_layout.py [--docs DIR] [--no-eval] [--json OUT]

Part 1, each PDF of --docs (../shared/docs/), read where it is:
- the pages whose layout-mode text shows several columns (a gutter: a run of spaces that splits most
  lines of a band of the page at a stable place), and the pages whose tables ingest.layout rewrites;
- the words layout mode cuts in two (its fixed-width grid) or runs together;
- reading order: how much of the default mode's word sequence the layout text, read column by column,
  keeps in the same order (1.00: the same words in the same order);
- examples: a two-column page and a table as each way reads them.
Part 2, retrieval: each PDF copied alone into a temporary folder outside the project, indexed by
`ess-qa index` (defaults) with each way of reading a page, and its question set of benchmarks/questions/
scored by `ess-qa eval --k 10`:
  default   pypdf's default mode, as ess-qa read PDFs before ingest.layout
  layout    layout mode, its text as is (cleaning makes runs of spaces one space)
  columns   layout mode read column by column (the gutters above)
  tables    default mode with its tables rewritten by ingest.layout (what ess-qa reads now)
The competences set stays unseen (benchmarks/questions/README.md): only its figures are printed.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from bench_questions import DOCS, SETS, figures
from paired import ROOT, cli, env_for

sys.path.insert(0, str(ROOT))  # this checkout's ingest, whatever copy is installed

from ingest.clean import clean_page_text  # noqa: E402
from ingest.layout import TableReader  # noqa: E402

VARIANTS = ("default", "layout", "columns", "tables")
MIN_GAP = 3  # spaces: a gutter between two columns is at least this wide on a band's first line
MIN_SPLIT_LINES = 3  # lines with text on both sides of a gutter, for a band to be read as columns
MIN_SPLIT_SHARE = 0.5  # and at least this share of the band's lines
MAX_BLANK = 3  # blank lines that end a band (a figure or a gap between two bands)
MIN_COLUMN_LINES = 8  # a page "has several columns" when its bands split this many lines
EXAMPLE_LINES = 6
EVAL_K = 10
_WORD_RE = re.compile(r"\w+")


# --- layout-mode text read column by column --------------------------------------------------------


def space_runs(line: str, width: int) -> list[tuple[int, int]]:
    """Where a line (padded to width) has spaces: [start, end) of each run."""
    return [(m.start(), m.end()) for m in re.finditer(r" +", line.ljust(width))]


def narrowed(gaps: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of gaps (two characters wide at least) that a line leaves blank too."""
    out = []
    for a, b in gaps:
        for c, d in runs:
            if min(b, d) - max(a, c) >= 2:
                out.append((max(a, c), min(b, d)))
    return out


def two_sided(line: str, gap: tuple[int, int]) -> bool:
    """Whether a line has text on both sides of a gap."""
    return bool(line[: gap[0]].strip()) and bool(line[gap[1] :].strip())


def bridged(line: str, gaps: list[tuple[int, int]]) -> str:
    """A line whose text crosses the gutter (layout mode's fixed-width grid), cut at its last space before it."""
    a, b = max(gaps, key=lambda g: g[1] - g[0])
    spaces = [m.start() for m in re.finditer(" ", line) if m.start() <= a and line[: m.start()].strip()]
    if not spaces:
        return line
    return line[: spaces[-1]].rstrip().ljust(a) + " " * (b - a) + line[spaces[-1] :].strip()


def band(lines: list[str], i: int, width: int) -> tuple[int, tuple[int, int] | None]:
    """The band of lines from i that share a gutter: its end and its gutter (None: line i alone)."""
    gaps = [g for g in space_runs(lines[i], width) if g[1] - g[0] >= MIN_GAP]
    j = end = i + 1
    blank = 0
    while j < len(lines) and gaps and blank < MAX_BLANK:
        if not lines[j].strip():
            j, blank = j + 1, blank + 1
            continue
        if not narrowed(gaps, space_runs(lines[j], width)) and j + 1 < len(lines) and narrowed(gaps, space_runs(lines[j + 1], width)):
            lines[j] = bridged(lines[j], gaps)
        sided = [g for g in gaps if any(two_sided(line, g) for line in lines[i:j])]
        kept = [g for g in narrowed(gaps, space_runs(lines[j], width)) if not sided or any(s[0] <= g[0] and g[1] <= s[1] for s in sided)]
        if not kept:
            break
        gaps, j, end, blank = kept, j + 1, j + 1, 0
    body = [line for line in lines[i:end] if line.strip()]
    scored = sorted(((sum(two_sided(line, g) for line in body), g[1] - g[0], g) for g in gaps), reverse=True)
    if scored and scored[0][0] >= MIN_SPLIT_LINES and scored[0][0] >= MIN_SPLIT_SHARE * len(body):
        return end, scored[0][2]
    return i + 1, None


def column_lines(lines: list[str]) -> tuple[list[str], int]:
    """Lines read column by column within each band (and within columns), and how many a gutter split."""
    width = max((len(line) for line in lines), default=0) + 1
    out: list[str] = []
    split = 0
    i = 0
    while i < len(lines):
        end, gap = band(lines, i, width) if lines[i].strip() else (i + 1, None)
        if gap is None:
            out.append(lines[i].strip())
            i += 1
            continue
        split += sum(two_sided(line, gap) for line in lines[i:end])
        for part in ([line[: gap[0]].rstrip() for line in lines[i:end]], [line[gap[1] :] for line in lines[i:end]]):
            read, inner = column_lines(part)
            out.extend(read + [""])
            split += inner
        i = end
    return out, split


def read_columns(text: str) -> tuple[str, int]:
    """Layout-mode text read column by column, and how many of its lines a gutter split."""
    lines, split = column_lines([line.rstrip() for line in text.expandtabs().split("\n")])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), split


# --- the ways of reading a page ------------------------------------------------------------------


def page_reader(variant: str):
    """A replacement for ingest.loaders._page_text reading a page the variant's way."""

    def read(page, number: int, tables: TableReader) -> str:
        if variant == "tables":
            return tables.read(page)
        if variant == "default":
            return page.extract_text() or ""
        text = page.extract_text(extraction_mode="layout") or ""
        return read_columns(text)[0] if variant == "columns" else text

    return read


def index_with(variant: str, corpus: str, index: str) -> int:
    """`ess-qa index` of a corpus, its PDF pages read the variant's way (run in a process of its own)."""
    import ingest.loaders
    from ess_qa.cli import main

    ingest.loaders._page_text = page_reader(variant)
    return main(["index", "--quiet", "--corpus", corpus, "--index-dir", index])


# --- part 1: what each mode gives ------------------------------------------------------------------


def words(text: str) -> list[str]:
    """A cleaned page's words, lower-cased."""
    return _WORD_RE.findall(clean_page_text(text).lower())


def page_facts(number: int, page, tables: TableReader) -> dict:
    """What one page gives in each mode."""
    default = page.extract_text() or ""
    layout = page.extract_text(extraction_mode="layout") or ""
    columns, split = read_columns(layout)
    plain, by_layout = words(default), words(layout)
    return {
        "page": number,
        "columns": split >= MIN_COLUMN_LINES,
        "split": split,
        "table": tables.read(page) != default,
        "cut_words": sum((Counter(by_layout) - Counter(plain)).values()),
        "order": SequenceMatcher(None, plain, words(columns), autojunk=False).ratio() if plain else 1.0,
        "texts": {"default": default, "layout": layout, "columns": columns},
    }


def pdf_facts(path: Path) -> list[dict]:
    """The facts of every page of a PDF."""
    from pypdf import PdfReader

    tables = TableReader()
    return [page_facts(n, page, tables) for n, page in enumerate(PdfReader(path).pages, start=1)]


def pages_list(numbers: list[int]) -> str:
    """'3, 5-11, 13' for [3, 5, 6, ..., 11, 13]; '–' for none."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) or "–"


def summary_lines(path: Path, facts: list[dict]) -> list[str]:
    """The lines printed for one PDF."""
    columns = [f for f in facts if f["columns"]]
    return [
        f"{path.name}: {len(facts)} pages",
        f"  several columns (layout mode): pages {pages_list([f['page'] for f in columns])}",
        f"  tables rewritten (ingest.layout): pages {pages_list([f['page'] for f in facts if f['table']])}",
        f"  words layout mode cuts or runs together: {sum(f['cut_words'] for f in facts)}",
        "  reading order kept by layout read by columns, on pages with columns: "
        + (f"mean {sum(f['order'] for f in columns) / len(columns):.2f}, lowest {min(f['order'] for f in columns):.2f} "
           f"(p. {min(columns, key=lambda f: f['order'])['page']})" if columns else "–"),
    ]


def example_lines(path: Path, facts: list[dict]) -> list[str]:
    """The start of the page most split in columns, in each mode."""
    if not any(f["columns"] for f in facts):
        return []
    most = max(facts, key=lambda f: f["split"])
    out = [f"  columns, p. {most['page']} (reading order kept: {most['order']:.2f}):"]
    for mode, text in most["texts"].items():
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()][:EXAMPLE_LINES]
        out += [f"    {mode}:"] + [f"      {line[:110]}" for line in lines]
    return out


def table_example(path: Path, facts: list[dict]) -> list[str]:
    """The first rewritten table rows of a PDF, as the default mode gives them and as ess-qa reads them."""
    from pypdf import PdfReader

    if not any(f["table"] for f in facts):
        return []
    tables, reader = TableReader(), PdfReader(path)
    rewritten = {f["page"]: tables.read(reader.pages[f["page"] - 1]) for f in facts}
    number = max((f["page"] for f in facts if f["table"]), key=lambda n: (max(line.count(" | ") for line in rewritten[n].split("\n")), -n))
    lines = [line.strip() for line in rewritten[number].split("\n") if line.strip()]
    start = next(i for i, line in enumerate(lines) if " | " in line)
    default = [line.strip() for line in facts[number - 1]["texts"]["default"].split("\n") if line.strip()]
    first = next((i for i, line in enumerate(default) if line and lines[start].startswith(line[:20])), 0)
    return (
        [f"  table, p. {number}, default mode:"]
        + [f"      {line[:110]}" for line in default[first : first + EXAMPLE_LINES]]
        + ["    as ess-qa reads it:"]
        + [f"      {line[:110]}" for line in lines[start : start + EXAMPLE_LINES]]
    )


# --- part 2: retrieval -----------------------------------------------------------------------------


def evaluate(questions: Path, index: Path) -> dict:
    """`ess-qa eval --k 10` of a question file on an index, as figures."""
    argv = cli(ROOT) + ["eval", str(questions), "--index-dir", str(index), "--k", str(EVAL_K), "--json"]
    report = json.loads(subprocess.run(argv, env=env_for(ROOT), cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    return figures(report["overall"], report["out_of_scope"])


def retrieval(docs: Path, work: Path) -> dict[str, dict[str, dict]]:
    """Each shared PDF's set, measured with each way of reading its pages."""
    results: dict[str, dict[str, dict]] = {}
    for qset in (s for s in SETS if s.pdf and (docs / s.pdf).is_file()):
        folder = work / Path(qset.pdf).stem
        folder.mkdir(parents=True)
        shutil.copy(docs / qset.pdf, folder / qset.pdf)
        results[qset.name] = {}
        for variant in VARIANTS:
            index = work / f"index-{qset.name}-{variant}"
            argv = [sys.executable, __file__, "--index-with", variant, str(folder), str(index)]
            subprocess.run(argv, env=env_for(ROOT), cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            results[qset.name][variant] = evaluate(qset.questions, index)
            print(f"measured {qset.name} / {variant}", file=sys.stderr)
    return results


def retrieval_lines(results: dict[str, dict[str, dict]]) -> list[str]:
    """The retrieval table."""
    roles = {s.name: s.role for s in SETS}
    lines = ["| set | reading | hit@5 | MRR@10 | answer@1 | in-scope refused | out-of-scope refused |", "|---|---|---|---|---|---|---|"]
    for name, per_variant in results.items():
        for variant, f in per_variant.items():
            lines.append(
                f"| {name} ({roles[name]}) | {variant} | {f['hit@5']:.3f} | {f['mrr@10']:.3f} | {f['answer@1']:.3f} "
                f"| {f['in_scope_refused']}/{f['in_scope']} | {f['out_of_scope_refused']}/{f['out_of_scope']} |"
            )
    return lines


def main(arguments: list[str]) -> int:
    """Print the comparison (or, with --index-with, index one corpus the variant's way)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--no-eval", action="store_true", help="part 1 only (no index, a few seconds)")
    parser.add_argument("--json", type=Path, help="write the retrieval figures there")
    parser.add_argument("--index-with", nargs=3, metavar=("VARIANT", "CORPUS", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args(arguments)
    if args.index_with:
        return index_with(*args.index_with)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # layout mode warns about long runs of spaces
    for path in sorted(args.docs.glob("*.pdf")):
        facts = pdf_facts(path)
        print("\n".join(summary_lines(path, facts) + example_lines(path, facts) + table_example(path, facts)))
    if args.no_eval:
        return 0
    with tempfile.TemporaryDirectory(prefix="ess-qa-layout-") as folder:
        work = Path(folder).resolve()
        assert ROOT not in work.parents, f"{work} is inside the project"
        results = retrieval(args.docs, work)
    print("\n".join(retrieval_lines(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
