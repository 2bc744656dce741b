"""How well the words of a page read with its spaces lost are given back (ingest.french.split_run_together).

    python benchmarks/run_together.py --docs ../shared/docs /work/extra-docs [--documents N] [--sweep]

Lines of the tuning documents (benchmarks/questions/README.md) whose words are read apart have their spaces taken out,
as pypdf reads a page whose fonts hold no space; each is cut again as split_run_together cuts a page that lost its
spaces, the document's own words counted on a random 30% of its other lines (a page that lost its spaces is read
among others that did too). Printed: the share of the lines' words given back at their place. With --sweep, the same
for the settings DOCUMENT_SHARE, UNKNOWN_PIECE_COST and UNKNOWN_LETTER_COST around their values. Unseen documents
are never read. Reads the PDFs where they are; nothing is copied or indexed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ingest.french as french  # noqa: E402
from bench_questions import SETS, TUNING  # noqa: E402
from ingest.loaders import read_file_pages  # noqa: E402

MIN_WORDS = 6  # a line of this many words or more is glued
LINES = 60  # lines glued in each document
KEPT_SHARE = 0.3  # of the other lines, those the document's words are counted on
SEED = 7
SWEEP = {
    "DOCUMENT_SHARE": (0.3, 0.5, 0.7),
    "UNKNOWN_PIECE_COST": (20.0, 30.0, 45.0),
    "UNKNOWN_LETTER_COST": (1.0, 2.0, 3.0, 5.0),
}


def tuning_pdfs(folders: list[Path], count: int) -> list[Path]:
    """count PDFs of the tuning sets found in the folders, drawn with SEED."""
    names = sorted({q.pdf for q in SETS if q.role == TUNING and q.pdf})
    found = [folder / name for name in names for folder in folders if (folder / name).is_file()]
    random.Random(SEED).shuffle(found)
    return found[:count]


def read_apart_lines(path: Path) -> list[str]:
    """The lines of a PDF that read their words apart, MIN_WORDS words or more."""
    pages = read_file_pages(path)
    return [line for page in pages for line in page.text.split("\n") if len(line.split()) >= MIN_WORDS and not french.words_run_together(line)]


def _spans(words: list[str], letters: str) -> set[tuple[int, int]]:
    """Where each word stands in a text without its spaces: (start, length)."""
    spans, at = set(), 0
    for word in words:
        start = letters.find(word, at)
        spans.add((start, len(word)))
        at = start + len(word)
    return spans


def given_back(documents: list[list[str]]) -> float:
    """The share of the glued lines' words that the cut gives back at their place."""
    right = total = 0
    for lines in documents:
        rng = random.Random(SEED)
        kept = [line for line in lines if rng.random() < KEPT_SHARE]
        glued = [line for line in lines if line not in kept][:LINES]
        costs = french.word_costs(kept)
        for line in glued:
            cut = french._set_apart(re.sub(r"(?<=\S) (?=\S)", "", line), costs)
            want = _spans(french._LETTERS_RE.findall(line), line.replace(" ", ""))
            got = _spans(french._LETTERS_RE.findall(cut), cut.replace(" ", "").replace("\n", ""))
            right += len(want & got)
            total += len(want)
    return right / max(total, 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", nargs="+", type=Path, default=[ROOT.parent / "shared" / "docs"])
    parser.add_argument("--documents", type=int, default=16)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args(argv)
    documents = [lines for path in tuning_pdfs(args.docs, args.documents) if len(lines := read_apart_lines(path)) > LINES // 2]
    print(f"{len(documents)} tuning documents, {LINES} lines each at most")
    print(f"{'current settings':40} {given_back(documents):.3f}")
    if args.sweep:
        for name, values in SWEEP.items():
            current = getattr(french, name)
            for value in values:
                setattr(french, name, value)
                print(f"{name + ' = ' + str(value):40} {given_back(documents):.3f}")
            setattr(french, name, current)


if __name__ == "__main__":
    main()
