"""How the refusal calibration of an index does: its thresholds, its probes, their steadiness, real questions.

Usage: python benchmarks/calibrate_answers.py [QUESTION_FILE ...] [--index-dir DIR] [--draws 4]

The thresholds that decide whether the document answers are calibrated for each corpus when it is
indexed (ess_qa.calibration), from questions the corpus asks itself (ess_qa.probes); nothing here
is pasted into code. This prints, for the index at --index-dir (default: the bundled report's):
- the calibration stored with it: thresholds, probes refused by kind, seconds;
- the thresholds of --draws other draws of probes (other seeds), to show how steady they are;
- the scores (answerability, snippet score: quartiles) of the probes by kind and of the real
  questions of each file, in and out of scope, and how many of these the assistant refuses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ess_qa import Assistant  # noqa: E402
from ess_qa.calibration import ATTACHMENT, ProbeScore, calibrate, score_probes  # noqa: E402
from ess_qa.evaluation import load_questions  # noqa: E402
from ess_qa.probes import SEED, Probe, make_probes  # noqa: E402

DEFAULT_FILES = [str(ROOT / "tests/data/dev.jsonl"), str(ROOT / "tests/data/heldout.jsonl")]


def quartiles(values: list[float]) -> str:
    """'q1 / median / q3', or '-' for no values."""
    return " / ".join(f"{v:.2f}" for v in np.quantile(values, [0.25, 0.5, 0.75])) if values else "-"


def score_lines(label: str, scored: list[ProbeScore]) -> str:
    """One line: how many, and the quartiles of their answerability and snippet scores."""
    return f"  {label:<26} n={len(scored):<4} answerability {quartiles([s.answerability for s in scored]):<20} snippet {quartiles([s.snippet_score for s in scored])}"


def print_stored(assistant: Assistant) -> None:
    """The calibration stored with the index, and the settings the assistant uses."""
    stored = assistant.store.attachment(ATTACHMENT)
    if stored is None:
        print("no calibration stored with this index (built before calibration): the defaults are used")
    else:
        print(f"stored calibration ({stored['seconds']} s at build): {stored['settings']}; probes refused: "
              + ", ".join(f"{kind} {c['refused']}/{c['of']}" for kind, c in stored["probes"].items()))
    print(f"settings used: {assistant.answer_settings}")


def print_draws(assistant: Assistant, draws: int) -> None:
    """The thresholds that other draws of probes give, and their spread."""
    found = [calibrate(assistant.store, assistant.judgements, SEED + 1 + i)["settings"] for i in range(draws)]
    for name in found[0] if found else ():
        values = [settings[name] for settings in found]
        print(f"  {name}: {', '.join(f'{v:.3f}' for v in values)} (spread {max(values) - min(values):.3f})")


def print_real(assistant: Assistant, files: list[str]) -> None:
    """Each file's questions scored as probes are, and how many the assistant refuses, in and out of scope."""
    for path in files:
        questions = load_questions(path)
        scored = score_probes([Probe(q.question, q.in_scope, "real") for q in questions], assistant.judgements)
        answers = assistant.batch([q.question for q in questions], k=5)
        for in_scope in (True, False):
            chosen = [i for i, q in enumerate(questions) if q.in_scope == in_scope]
            refused = sum(not answers[i].found for i in chosen)
            print(score_lines(f"{Path(path).stem} {'in' if in_scope else 'out of'} scope", [scored[i] for i in chosen]) + f"  refused {refused}/{len(chosen)}")


def main() -> None:
    """Print the stored calibration, other draws, and the probes and real questions side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_FILES)
    parser.add_argument("--index-dir")
    parser.add_argument("--draws", type=int, default=4, help="other draws of probes to calibrate with (0: none)")
    args = parser.parse_args()
    assistant = Assistant.load(args.index_dir)
    print_stored(assistant)
    if args.draws:
        print(f"thresholds of {args.draws} other draws of probes:")
        print_draws(assistant, args.draws)
    probes = score_probes(make_probes(assistant.store), assistant.judgements)
    print("scores (quartiles):")
    for kind in sorted({s.probe.kind for s in probes}):
        print(score_lines(f"probes: {kind}", [s for s in probes if s.probe.kind == kind]))
    print_real(assistant, args.files)


if __name__ == "__main__":
    main()
