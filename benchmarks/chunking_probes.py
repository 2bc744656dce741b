"""Could the passage size be calibrated per corpus from the corpus's own probes? Their figures at each size.

Usage: python benchmarks/chunking_probes.py [--docs DIR ...]

Issue 13 allows a constant that is not general to be calibrated per corpus at index time, from
questions the corpus itself yields. For ChunkingParams that would mean indexing at a few sizes and
keeping the one whose probes are found best. This script measures whether the probes can tell the
sizes apart: for every document of the question sets (the bundled report and each PDF, alone), it
indexes at each size of the settings sweep's range (into a copy of the default index, so texts
already embedded are reused), draws the answerable probes of ess_qa.probes from the default index's
sentences (the same probes for every size), and prints, per size, how often the passage holding the
probe's sentence is among the first five found (hit@5) and its MRR@10. Compare with the real
questions' figures at the same sizes (docs/settings.md, ChunkingParams).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench_questions import DOCS, SETS, Docs, check_documents
from paired import ROOT, machine
from settings_sweep import Indexes

sys.path.insert(0, str(ROOT))
from ess_qa import Assistant  # noqa: E402
from ess_qa.config import EVAL_K  # noqa: E402
from ess_qa.evaluation import first_hit_rank  # noqa: E402
from ess_qa.probes import DRAWN, SEED, SENTENCES, answerable_probes, corpus_sentences, draw  # noqa: E402
from ingest.chunking import ChunkingParams  # noqa: E402

SIZES = (ChunkingParams(500, 800, 200), ChunkingParams(600, 900, 200), ChunkingParams(), ChunkingParams(900, 1300, 200))
EVIDENCE_CHARS = 60  # the start of a probe's sentence, looked for in the passages found


def probe_ranks(assistant: Assistant, probes: list) -> list[int | None]:
    """For each (probe, sentence): the rank of the first passage found that holds the sentence's start."""
    return [first_hit_rank([p.text for p in assistant.search(probe.question, k=EVAL_K)], [sentence.text[:EVIDENCE_CHARS]]) for probe, sentence in probes]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", nargs="+", default=[str(DOCS)], metavar="DIR", help=f"folders of the PDFs (default {DOCS})")
    args = parser.parse_args(argv)
    docs = Docs(tuple(Path(folder) for folder in args.docs))
    one_set_per_document = {qset.document: qset for qset in check_documents(list(SETS), docs)}
    print(f"machine: {machine()}")
    print(f"{'document':58}  {'size':>12}  {'probes':>6}  {'hit@5':>5}  {'MRR@10':>6}")
    with tempfile.TemporaryDirectory(prefix="ess-qa-chunking-") as folder:
        indexes = Indexes(Path(folder).resolve(), docs)
        for document, qset in one_set_per_document.items():
            default = Assistant.load(indexes.get(qset, ChunkingParams()))
            rng = np.random.default_rng(SEED)
            sentences = corpus_sentences(default.store)
            probes = answerable_probes(rng, default.store, sentences, draw(rng, sentences, 2 * DRAWN * SENTENCES))
            for params in SIZES:
                ranks = probe_ranks(Assistant.load(indexes.get(qset, params)), probes)
                hit5 = np.mean([r is not None and r <= 5 for r in ranks])
                mrr = np.mean([1 / r if r else 0.0 for r in ranks])
                size = f"{params.target_chars}/{params.max_chars}/{params.min_chars}"
                print(f"{document:58}  {size:>12}  {len(ranks):>6}  {hit5:5.3f}  {mrr:6.3f}", flush=True)


if __name__ == "__main__":
    main()
