"""Growing past one report: the FAISS index chosen by size, recall of the approximate index,
incremental re-indexing (only added or changed files embedded), and the query-path caches.

Small corpora and the real bundled model; approximate indexes of the report are made by
rebuilding a copy of the session index with exact_limit=0, which reuses all its vectors.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from ess_qa import Assistant, Filters, build
from ess_qa.cli import main
from ess_qa.evaluation import load_questions
from index.fusion import top_positions
from index import Embedder, LocalStore, build_index, load_embedder, read_manifest
from index.build import DEFAULT_EXACT_LIMIT, EXACT_LIMIT_ENV, make_vector_index
from index.layout import MANIFEST
from ingest import Page, chunk_pages
from ingest.french import fold_accents

DEV_SET = Path(__file__).resolve().parent / "data" / "dev.jsonl"

FILES = {
    "fonds.txt": "Le fonds de garantie solidaire couvre les prêts des coopératives. Il est géré par France Active.",
    "monnaie.txt": "La monnaie locale complémentaire circule dans trente commerces du quartier.\fElle est acceptée au marché couvert le samedi.",
    "atelier.txt": "Le tiers-lieu accueille des ateliers de réparation de vélos chaque samedi matin.",
}
QUESTIONS = ["Qui gère le fonds de garantie ?", "Où circule la monnaie locale ?", "Quand ont lieu les ateliers vélo ?", "What is repaired in the third place?"]


class CountingEmbedder(Embedder):
    """The bundled model, counting the passages (chunks, units, words) it is asked to embed."""

    def __init__(self) -> None:
        inner = load_embedder()
        super().__init__(inner.spec, inner.model)
        self.passages: list[str] = []

    def encode_passages(self, texts, progress=None, workers=None):
        self.passages.extend(texts)
        return super().encode_passages(texts, progress, workers)


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for existing in folder.iterdir():
        if existing.name not in files:
            existing.unlink()
    for name, text in files.items():
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def results(directory: Path) -> list:
    assistant = Assistant(LocalStore.load(directory))
    return [[(p.citation, p.text, p.score) for p in assistant.search(q, k=3)] for q in QUESTIONS]


# --- the FAISS index chosen by size ------------------------------------------------------------

PAGES = [Page("guide.txt", i, text) for i, text in enumerate(FILES.values(), start=1)]


def test_small_indexes_are_exact_and_the_choice_is_in_the_manifest(tmp_path):
    manifest = build_index(chunk_pages(PAGES), tmp_path / "index", {"guide.txt": "0" * 64}, {})
    assert manifest.vector_index == {"type": "flat", "exact_limit": DEFAULT_EXACT_LIMIT}
    assert read_manifest(tmp_path / "index").vector_index["type"] == "flat"
    assert not LocalStore.load(tmp_path / "index").approximate


def test_beyond_the_threshold_the_index_is_hnsw(tmp_path):
    manifest = build_index(chunk_pages(PAGES), tmp_path / "index", {"guide.txt": "0" * 64}, {}, exact_limit=2)
    assert manifest.vector_index["type"] == "hnsw" and manifest.vector_index["exact_limit"] == 2
    loaded = LocalStore.load(tmp_path / "index")
    assert loaded.approximate and type(loaded.vectors).__name__ == "IndexHNSWFlat"
    assert loaded.vector_matrix.shape == (3, 512)
    hits = Assistant(loaded).search("Qui gère le fonds de garantie ?", k=1)
    assert "France Active" in hits[0].text


def test_the_threshold_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(EXACT_LIMIT_ENV, "1")
    manifest = build_index(chunk_pages(PAGES), tmp_path / "index", {"guide.txt": "0" * 64}, {})
    assert manifest.vector_index["type"] == "hnsw"


def test_an_index_without_the_new_manifest_fields_still_loads(tmp_path):
    build_index(chunk_pages(PAGES), tmp_path / "index", {"guide.txt": "0" * 64}, {})
    data = json.loads((tmp_path / "index" / MANIFEST).read_text(encoding="utf-8"))
    del data["vector_index"], data["build"]
    (tmp_path / "index" / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    loaded = LocalStore.load(tmp_path / "index")
    assert loaded.manifest.vector_index == {} and not loaded.approximate


@pytest.fixture(scope="module")
def approximate_report(report_index_dir, tmp_path_factory) -> Path:
    """The report's index rebuilt as HNSW (every vector reused: only the graph is built)."""
    directory = tmp_path_factory.mktemp("approximate") / "index"
    shutil.copytree(report_index_dir, directory)
    report = build(Path(__file__).resolve().parent.parent / "corpus", directory, exact_limit=0)
    assert report.embedded == {"chunks": 0, "units": 0, "words": 0}
    return directory


def test_an_hnsw_index_gives_its_vectors_back_to_an_exact_rebuild(report_index_dir, approximate_report, tmp_path):
    directory = tmp_path / "index"
    shutil.copytree(approximate_report, directory)
    report = build(Path(__file__).resolve().parent.parent / "corpus", directory)
    assert report.embedded == {"chunks": 0, "units": 0, "words": 0}
    rebuilt, exact = LocalStore.load(directory), LocalStore.load(report_index_dir)
    assert not rebuilt.approximate and np.array_equal(rebuilt.vector_matrix, exact.vector_matrix)


def dev_questions() -> list[str]:
    return [q.question for q in load_questions(DEV_SET)]


def test_recall_at_10_of_the_approximate_index(report_index_dir):
    exact = LocalStore.load(report_index_dir)
    graph, described = make_vector_index(exact.vector_matrix, exact_limit=0)
    assert described["type"] == "hnsw"
    queries = exact.embedder.encode_queries(dev_questions())
    _, truth = exact.dense_search(queries, 10)
    _, found = graph.search(queries, 10)
    recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)])
    assert recall >= 0.98


def test_approximate_search_answers_like_exact_search(report_index_dir, approximate_report):
    exact, approximate = Assistant(LocalStore.load(report_index_dir)), Assistant(LocalStore.load(approximate_report))
    assert approximate.store.approximate and not exact.store.approximate
    same = [
        [p.citation for p in exact.search(q, k=5)] == [p.citation for p in approximate.search(q, k=5)]
        for q in dev_questions()
    ]
    assert sum(same) >= 0.9 * len(same)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(page_min=50, page_max=60),  # a few dozen chunks: scored exactly
        Filters(page_min=10, page_max=64),  # most chunks: the graph, restricted to allowed chunks
        Filters(section="Fiches métropoles"),
        Filters(sources=("autre.pdf",)),  # nothing allowed
    ],
)
def test_filters_stay_exact_on_the_approximate_index(report_index_dir, approximate_report, filters):
    exact, approximate = Assistant(LocalStore.load(report_index_dir)), Assistant(LocalStore.load(approximate_report))
    allowed = {c.id for c, keep in zip(approximate.store.chunks, approximate.store.mask(filters)) if keep}
    for question in dev_questions()[:8]:
        found = approximate.search(question, k=10, filters=filters)
        assert all(p.chunk_id in allowed for p in found) and (len(found) == 10 or len(found) <= len(allowed))
        assert [p.citation for p in found] == [p.citation for p in exact.search(question, k=10, filters=filters)]


# --- the query path: filters as arrays, partial sort ---------------------------------------------


def reference_mask(filters: Filters, index: LocalStore) -> np.ndarray:
    """The filter as it was written first: a loop over chunks."""
    wanted = fold_accents(filters.section).lower().strip()
    return np.array(
        [
            (not filters.sources or c.source in filters.sources)
            and (filters.page_min is None or c.page >= filters.page_min)
            and (filters.page_max is None or c.page <= filters.page_max)
            and (not wanted or wanted in fold_accents(c.section).lower())
            for c in index.chunks
        ],
        dtype=bool,
    )


@pytest.mark.parametrize(
    "filters",
    [
        Filters(sources=("metropoles-ess.txt",)),
        Filters(sources=("autre.pdf",)),
        Filters(page_min=17, page_max=17),
        Filters(page_min=60),
        Filters(section="fiches metropoles › NANTES"),
        Filters(section="CHAMP D’ACTION #3", page_max=40, sources=("metropoles-ess.txt", "x.txt")),
    ],
)
def test_filter_masks_match_a_loop_over_chunks(assistant, filters):
    assert np.array_equal(assistant.store.mask(filters), reference_mask(filters, assistant.store))


def test_top_positions_is_a_stable_partial_sort():
    rng = np.random.default_rng(7)
    for _ in range(200):
        scores = rng.integers(-3, 4, size=rng.integers(1, 60)).astype(np.float64) / 2  # many ties
        count = int(rng.integers(0, 70))
        assert np.array_equal(top_positions(scores, count), np.argsort(-scores, kind="stable")[:count])


def test_unit_terms_are_computed_once_per_store(report_index_dir):
    assistant = Assistant.load(report_index_dir)  # a store of its own: the session's has scored chunks for other tests
    store = assistant.store
    assistant.search("Qui préside Nantes Métropole ?", k=5)
    filled = [position for position, units in enumerate(store._units) if units is not None]
    assert 0 < len(filled) < len(store.chunks)  # only the chunks scored
    first = store.units(filled[0])
    assistant.search("Qui préside Nantes Métropole ?", k=5)
    assert [p for p, units in enumerate(store._units) if units is not None] == filled
    assert store.units(filled[0]) is first


# --- incremental indexing ----------------------------------------------------------------------


def file_texts(folder: Path, name: str) -> tuple[list[str], list[str]]:
    """The chunk texts (as embedded) and answer units of one file."""
    from index.store import index_text
    from ingest.loaders import load_pages
    from ingest.units import answer_units

    chunks = chunk_pages(load_pages(folder / name).pages)
    return [index_text(c) for c in chunks], [u for c in chunks for u in answer_units(c.text)]


def assert_same_as_a_full_rebuild(corpus: Path, incremental: Path, tmp_path: Path, params=None) -> None:
    full = tmp_path / "full"
    build(corpus, full, reuse=False, params=params)
    a, b = LocalStore.load(incremental), LocalStore.load(full)
    assert a.chunks == b.chunks and a.unit_texts == b.unit_texts and a.lexical.words == b.lexical.words
    assert np.allclose(a.vector_matrix, b.vector_matrix, atol=1e-5)
    assert np.allclose(a.unit_vectors, b.unit_vectors, atol=1e-5)
    assert np.allclose(a.lexical.word_vectors, b.lexical.word_vectors, atol=1e-5)
    assert read_manifest(incremental).sources == read_manifest(full).sources
    for x, y in zip(results(incremental), results(full)):
        assert [(c, t) for c, t, _ in x] == [(c, t) for c, t, _ in y]
        assert np.allclose([s for _, _, s in x], [s for _, _, s in y], atol=2e-4)


def test_adding_a_file_embeds_only_that_file(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    files = dict(FILES)
    added = files.pop("atelier.txt")
    write_corpus(corpus, files)
    counting = CountingEmbedder()
    first = build(corpus, index, model=counting)
    assert first.added_files == sorted(files) and first.reused_files == [] and first.reuse_summary() == ""
    counting.passages.clear()
    write_corpus(corpus, {**files, "atelier.txt": added})
    report = build(corpus, index, model=counting)
    chunks, units = file_texts(corpus, "atelier.txt")
    embedded_words = report.embedded["words"]
    new_units = [u for u in units if u not in chunks]  # a one-sentence chunk is its own unit: embedded once
    assert len(counting.passages) == len(chunks) + embedded_words + len(new_units)  # chunks, new words, units
    assert counting.passages[: len(chunks)] == chunks and counting.passages[len(counting.passages) - len(new_units) :] == new_units
    new_words = counting.passages[len(chunks) : len(chunks) + embedded_words]
    assert 0 < embedded_words < 15 and all(w in added.lower() for w in new_words)  # only words the corpus lacked
    assert len(set(counting.passages)) == len(counting.passages)  # each text embedded once
    assert report.reused_files == sorted(files) and report.added_files == ["atelier.txt"]
    assert report.changed_files == [] and report.removed_files == []
    assert report.reuse_summary() == "reused 2 files, embedded 1 new file"
    assert_same_as_a_full_rebuild(corpus, index, tmp_path)


def test_changing_a_file_embeds_only_that_file(tmp_path):
    corpus, index = write_corpus(tmp_path / "corpus", FILES), tmp_path / "index"
    counting = CountingEmbedder()
    build(corpus, index, model=counting)
    counting.passages.clear()
    write_corpus(corpus, {**FILES, "fonds.txt": FILES["fonds.txt"] + " Il a garanti 120 prêts en 2018."})
    report = build(corpus, index, model=counting)
    chunks, units = file_texts(corpus, "fonds.txt")
    new_units = [u for u in units if u not in chunks and u not in FILES["fonds.txt"]]  # the unchanged sentences were embedded before
    assert counting.passages[: len(chunks)] == chunks and counting.passages[len(counting.passages) - len(new_units) :] == new_units
    assert len(counting.passages) == len(chunks) + report.embedded["words"] + len(new_units)
    assert report.embedded["chunks"] == len(chunks) and report.embedded["units"] == len(new_units)
    assert report.changed_files == ["fonds.txt"] and report.reused_files == ["atelier.txt", "monnaie.txt"]
    assert report.reuse_summary() == "reused 2 files, embedded 1 changed file"
    assert "120 prêts" in Assistant(LocalStore.load(index)).search("Combien de prêts le fonds a-t-il garantis ?", k=1)[0].text
    assert_same_as_a_full_rebuild(corpus, index, tmp_path)


def test_removing_a_file_removes_its_chunks_and_embeds_nothing(tmp_path):
    corpus, index = write_corpus(tmp_path / "corpus", FILES), tmp_path / "index"
    counting = CountingEmbedder()
    build(corpus, index, model=counting)
    counting.passages.clear()
    write_corpus(corpus, {k: v for k, v in FILES.items() if k != "monnaie.txt"})
    report = build(corpus, index, model=counting)
    assert counting.passages == []
    assert report.removed_files == ["monnaie.txt"] and report.embedded == {"chunks": 0, "units": 0, "words": 0}
    assert report.reuse_summary() == "reused 2 files, embedded nothing new, dropped 1 removed file"
    loaded = LocalStore.load(index)
    assert {c.source for c in loaded.chunks} == {"fonds.txt", "atelier.txt"}
    assert "monnaie" not in loaded.lexical.words
    assert_same_as_a_full_rebuild(corpus, index, tmp_path)


def test_vectors_are_reused_by_content_across_chunking_parameters_but_not_when_asked_not_to(tmp_path):
    from index.store import index_text
    from ingest.chunking import ChunkingParams
    from ingest.loaders import load_pages

    long_text = " ".join(f"La coopérative numéro {i} accompagne {i * 3} porteurs de projets dans le quartier {i}." for i in range(40))
    files = {**FILES, "long.txt": long_text}
    corpus, index = write_corpus(tmp_path / "corpus", files), tmp_path / "index"
    counting = CountingEmbedder()
    build(corpus, index, model=counting)
    before = {index_text(c) for c in chunk_pages(load_pages(corpus).pages)}
    counting.passages.clear()
    small = ChunkingParams(target_chars=500, max_chars=800, min_chars=100)
    report = build(corpus, index, model=counting, params=small)
    after = [index_text(c) for c in chunk_pages(load_pages(corpus).pages, small)]
    new_chunks = [t for t in dict.fromkeys(after) if t not in before]
    assert new_chunks and len(new_chunks) < len(after)  # the long file's chunks changed, the short files' did not
    assert report.embedded["chunks"] == len(new_chunks) and counting.passages[: len(new_chunks)] == new_chunks
    assert report.changed_files == ["long.txt"] and report.reused_files == sorted(FILES)
    assert_same_as_a_full_rebuild(corpus, index, tmp_path, small)
    counting.passages.clear()
    report = build(corpus, index, model=counting, params=small, reuse=False)
    assert report.reused_files == [] and report.embedded["chunks"] == len(set(after))


def test_a_damaged_previous_index_is_rebuilt_in_full(tmp_path):
    corpus, index = write_corpus(tmp_path / "corpus", FILES), tmp_path / "index"
    build(corpus, index)
    (index / "unit_vectors.npy").write_bytes(b"garbage")
    report = build(corpus, index)
    assert report.reused_files == [] and report.embedded["chunks"] == report.chunks
    LocalStore.load(index)


def test_cli_says_what_was_reused(capsys, tmp_path):
    corpus, index = write_corpus(tmp_path / "corpus", FILES), tmp_path / "index"
    assert main(["index", "--corpus", str(corpus), "--index-dir", str(index), "--quiet"]) == 0
    assert not capsys.readouterr().out.startswith("reused")
    (corpus / "note.txt").write_text("Une note sur la commande publique responsable.", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus), "--index-dir", str(index), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "reused 3 files, embedded 1 new file" and "indexed 4 file(s)" in out
    assert main(["index", "--corpus", str(corpus), "--index-dir", str(index), "--quiet", "--full"]) == 0
    assert not capsys.readouterr().out.startswith("reused")
    assert read_manifest(index).build["reused_files"] == []
