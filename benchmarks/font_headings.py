"""Where a PDF's sections come from, measured: its bookmarks, its printed contents, its headings' font sizes, or the text's cues alone.

Usage: python benchmarks/font_headings.py [--docs DIR]

The two tuning PDFs of benchmarks/questions/ (cantine has bookmarks, raccordement printed contents)
are indexed four ways, each alone in a temporary folder: as ess-qa reads them ("as read"), then with
their bookmarks and printed contents ignored, so that the sections come from the headings' font
sizes (ingest.font_headings), then with those ignored too (the text's cues alone: what a PDF without
bookmarks nor contents got before font headings). For each, the number of sections and the largest
one (in passages), and the figures of the document's question set and its near-topic set (k = 10,
the rule of `ess-qa eval`). HEADING_SIZE_RATIO and the bold rule were chosen on these two documents.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ingest.loaders as loaders  # noqa: E402
from ess_qa import Assistant, build  # noqa: E402
from ess_qa.config import EVAL_K  # noqa: E402
from ess_qa.evaluation import load_questions, score  # noqa: E402

DOCUMENTS = {"cantine": "prise-en-main-ma-cantine-2026.pdf", "raccordement": "raccordement-coproprietes-2019.pdf"}
MODES = {
    "as read": {},
    "font sizes": {"outline_by_page": lambda reader: None, "with_printed_outline": lambda pages: pages},
    "cues alone": {
        "outline_by_page": lambda reader: None,
        "with_printed_outline": lambda pages: pages,
        "with_font_outline": lambda pages, sized_lines: pages,
    },
}


def measure(pdf: Path, name: str, patches: dict, work: Path) -> str:
    """One line: sections, the largest, and the figures of the document's two question sets."""
    corpus, index = work / "corpus", work / "index"
    shutil.rmtree(work, ignore_errors=True)
    corpus.mkdir(parents=True)
    shutil.copy(pdf, corpus / pdf.name)
    with ExitStack() as stack:
        for attribute, value in patches.items():
            stack.enter_context(mock.patch.object(loaders, attribute, value))
        build(corpus, index)
    assistant = Assistant.load(index)
    store = assistant.store
    sections = Counter(store.chunk(position).section for position in range(len(store.chunks)))
    cells = [f"{len(sections):>8} {max(sections.values()):>7}"]
    for questions_file in (f"{name}.jsonl", f"near-topic-{name}.jsonl"):
        questions = load_questions(ROOT / "benchmarks" / "questions" / questions_file)
        report = score(questions, assistant.batch([q.question for q in questions], k=EVAL_K))
        inside, outside = report["overall"], report["out_of_scope"]
        if inside.get("n"):
            cells.append(f"{inside['hit@5']:.2f}/{inside['mrr@10']:.2f}/{inside['answer@1']:.2f} {outside['refused']}/{outside['n']}")
        else:
            cells.append(f"{outside['refused']}/{outside['n']}")
    return "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT.parent / "shared" / "docs", help="the folder of the shared PDFs")
    args = parser.parse_args()
    print(f"{'document':<13} {'sections from':<11} {'sections':>8} {'largest':>7}  {'hit@5/MRR/answer@1 oos':<22}  near-topic refused")
    with tempfile.TemporaryDirectory(prefix="ess-qa-font-") as temporary:
        for name, file_name in DOCUMENTS.items():
            pdf = args.docs / file_name
            if not pdf.is_file():
                print(f"{name}: {pdf} not found, skipped")
                continue
            for mode, patches in MODES.items():
                print(f"{name:<13} {mode:<11} {measure(pdf, name, patches, Path(temporary) / 'work')}", flush=True)


if __name__ == "__main__":
    main()
