"""The index on disk: save/load round trip, and every way a stale, damaged or foreign index is detected.

Every IndexProblem message must say what is wrong and name the command that fixes it.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from index import IndexProblem, LocalStore, build_index, load_embedder, read_manifest
from index.embedding import DEFAULT_MODEL, Embedder
from index.folder import IndexBusy, recover_interrupted_build
from index.layout import CHUNKS, FORMAT_VERSION, LEXICAL, MANIFEST, VECTORS
from ingest import Page, chunk_pages

PAGES = [
    Page("guide.txt", 1, "Le fonds de garantie solidaire couvre les prêts des coopératives. Il est géré par France Active."),
    Page("guide.txt", 2, "La monnaie locale complémentaire circule dans trente commerces du quartier."),
    Page("guide.txt", 3, "Le tiers-lieu accueille des ateliers de réparation de vélos chaque samedi."),
]
CHUNKING = {"target_chars": 700, "max_chars": 1000, "min_chars": 200}


def write_index(directory: Path, pages=PAGES, **kwargs):
    return build_index(chunk_pages(pages), directory, {"guide.txt": "0" * 64}, CHUNKING, **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("store") / "index"
    write_index(directory)
    return directory


@pytest.fixture
def index_copy(built, tmp_path) -> Path:
    """A private copy of the built index, free to damage."""
    directory = tmp_path / "index"
    shutil.copytree(built, directory)
    return directory


def problem(directory) -> str:
    with pytest.raises(IndexProblem) as caught:
        LocalStore.load(directory)
    message = str(caught.value)
    assert "`ess-qa index" in message, message  # always names the fix
    return message


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# --- round trip ----------------------------------------------------------------------------------


def test_round_trip_keeps_chunks_vectors_and_manifest(built):
    loaded = LocalStore.load(built)
    assert [c.text for c in loaded.chunks] == [c.text for c in chunk_pages(PAGES)]
    assert [(c.source, c.page) for c in loaded.chunks] == [("guide.txt", 1), ("guide.txt", 2), ("guide.txt", 3)]
    assert loaded.vectors.ntotal == len(loaded.chunks) == loaded.manifest.chunk_count
    manifest = read_manifest(built)
    assert manifest.format_version == FORMAT_VERSION
    assert manifest.model == DEFAULT_MODEL and manifest.dimension == 512
    assert manifest.chunking == CHUNKING
    assert manifest.sources == {"guide.txt": "0" * 64}
    assert set(manifest.files) >= {CHUNKS, VECTORS} and any(name.startswith(LEXICAL + "/") for name in manifest.files)
    for name, entry in manifest.files.items():
        assert (built / name).stat().st_size == entry["size"] and len(entry["sha256"]) == 64


def test_loaded_index_searches_like_the_built_one(built):
    from ess_qa import Assistant

    first = Assistant(LocalStore.load(built)).search("Qui gère le fonds de garantie ?", k=3)
    second = Assistant(LocalStore.load(built)).search("Qui gère le fonds de garantie ?", k=3)
    assert first == second
    assert first[0].page == 1 and "France Active" in first[0].text


def test_manifest_is_plain_json(built):
    data = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION and data["chunk_count"] == 3


def test_rebuild_replaces_the_index_and_leaves_nothing_beside_it(tmp_path):
    directory = tmp_path / "index"
    write_index(directory)
    write_index(directory, pages=PAGES[:1])
    assert [c.page for c in LocalStore.load(directory).chunks] == [1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


def test_corpus_is_recorded_and_named_in_fix_commands(tmp_path):
    directory = tmp_path / "index"
    write_index(directory, corpus=tmp_path / "mes rapports")
    assert read_manifest(directory).corpus == str((tmp_path / "mes rapports").resolve())
    (directory / CHUNKS).write_text("", encoding="utf-8")
    with pytest.raises(IndexProblem) as caught:
        LocalStore.load(directory)
    assert caught.value.fix_command() == f"ess-qa index --corpus '{(tmp_path / 'mes rapports').resolve()}'"


# --- mismatches ---------------------------------------------------------------------------------


def test_no_index(tmp_path):
    message = problem(tmp_path / "nothing-here")
    assert message.startswith(f"no index at {tmp_path / 'nothing-here'}")
    assert f"run `ess-qa index --index-dir {tmp_path / 'nothing-here'}` to build it" in message


def test_fix_command_repeats_only_what_the_user_typed(tmp_path):
    with pytest.raises(IndexProblem) as caught:
        LocalStore.load(tmp_path / "absent")
    assert caught.value.message(None) == f"no index at {tmp_path / 'absent'}: run `ess-qa index` to build it"
    assert caught.value.message("my index") == f"no index at {tmp_path / 'absent'}: run `ess-qa index --index-dir 'my index'` to build it"


def test_wrong_format_version(index_copy):
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["format_version"] = 99
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    message = problem(index_copy)
    assert "format version 99" in message and f"reads version {FORMAT_VERSION}" in message and "to rebuild it" in message


def test_model_that_cannot_be_loaded_here(index_copy, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["model"] = "no-such-org/no-such-model"
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    message = problem(index_copy)
    assert "built with model 'no-such-org/no-such-model', which cannot be loaded here" in message
    assert "rebuild it with the bundled model" in message


def test_different_model_than_the_one_asked_for(built):
    real = load_embedder()
    other = Embedder("paraphrase-multilingual-MiniLM-L12-v2", real.model)  # the real model under another name
    with pytest.raises(IndexProblem) as caught:
        LocalStore.load(built, embedder=other)
    message = caught.value.message()
    assert f"built with model '{DEFAULT_MODEL}' (512-d), not 'paraphrase-multilingual-MiniLM-L12-v2'" in message
    assert "run `ess-qa index --model paraphrase-multilingual-MiniLM-L12-v2` to rebuild it" in message


def test_missing_file(index_copy):
    (index_copy / CHUNKS).unlink()
    assert f"incomplete index at {index_copy}: {CHUNKS} is missing" in problem(index_copy)


def test_missing_lexical_folder(index_copy):
    shutil.rmtree(index_copy / LEXICAL)
    assert "incomplete index" in problem(index_copy)


def test_missing_manifest(index_copy):
    (index_copy / MANIFEST).unlink()
    assert f"incomplete index at {index_copy}: {MANIFEST} is missing" in problem(index_copy)


def test_checksum_mismatch_with_same_size(index_copy):
    path = index_copy / VECTORS
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert f"damaged index at {index_copy}: {VECTORS} does not match its checksum" in problem(index_copy)


def test_truncated_file(index_copy):
    path = index_copy / CHUNKS
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert f"{CHUNKS} has {len(data) // 2} bytes, not {len(data)}" in problem(index_copy)


def test_edited_chunks_are_detected(index_copy):
    path = index_copy / CHUNKS
    path.write_text(path.read_text(encoding="utf-8").replace("France Active", "Franse Active"), encoding="utf-8")
    assert "does not match its checksum" in problem(index_copy)


@pytest.mark.parametrize(
    "content, expected",
    [
        ("{not json", "damaged index manifest"),
        ("[1, 2, 3]", "not a JSON object"),
        (b"\xff\xfe\x00garbage", "damaged index manifest"),
        (json.dumps({"format_version": FORMAT_VERSION}), "'model' is missing"),
    ],
    ids=["invalid-json", "not-an-object", "not-utf8", "missing-fields"],
)
def test_damaged_manifest(index_copy, content, expected):
    path = index_copy / MANIFEST
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert expected in problem(index_copy)


def test_manifest_entry_with_bad_types(index_copy):
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["files"][CHUNKS] = {"size": "big"}
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert f"bad entry for '{CHUNKS}'" in problem(index_copy)


def test_damaged_index_messages_name_the_rebuild_command(index_copy):
    (index_copy / VECTORS).write_bytes(b"")
    message = problem(index_copy)
    assert message.endswith(f"run `ess-qa index --index-dir {index_copy}` to rebuild it")


# --- reading only the index folder, and nothing executable ----------------------------------------


def test_manifest_cannot_point_outside_the_index_folder(index_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["files"]["../secret.txt"] = {"size": 7, "sha256": "0" * 64}
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert "points outside the index folder" in problem(index_copy)
    manifest["files"].pop("../secret.txt")
    manifest["files"][str(secret)] = {"size": 7, "sha256": "0" * 64}
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert "points outside the index folder" in problem(index_copy)


def test_index_file_linked_outside_the_folder_is_refused(index_copy, tmp_path):
    outside = tmp_path / "elsewhere.jsonl"
    shutil.copy(index_copy / CHUNKS, outside)  # same bytes: the checksum alone would not notice
    (index_copy / CHUNKS).unlink()
    (index_copy / CHUNKS).symlink_to(outside)
    assert "links outside the index folder" in problem(index_copy)


def test_index_files_hold_no_pickle(built):
    for path in built.rglob("*"):
        if not path.is_file():
            continue
        head = path.read_bytes()[:16]
        assert not head.startswith(b"\x80"), f"{path.name} looks like a pickle"
        if path.suffix == ".npy":
            array = np.load(path, allow_pickle=False)  # raises on object arrays, which need pickle
            assert array.dtype != object
        elif path.suffix in (".json", ".jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines() if path.suffix == ".jsonl" else [path.read_text(encoding="utf-8")]:
                json.loads(line)
        else:
            assert path.name == VECTORS, f"unexpected index file {path.name}"


def test_loading_and_searching_never_unpickle(built, monkeypatch):
    from ess_qa import Assistant

    def refuse(*args, **kwargs):
        raise AssertionError("pickle used while loading an index")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    monkeypatch.setattr(np, "load", _no_pickle_np_load(np.load))
    assistant = Assistant(LocalStore.load(built))
    assert assistant.search("monnaie locale", k=1)[0].page == 2


def _no_pickle_np_load(original):
    def load(*args, **kwargs):
        assert not kwargs.get("allow_pickle"), "np.load called with allow_pickle=True"
        return original(*args, **kwargs)

    return load


def test_load_reads_only_files_inside_the_index_folder(built, monkeypatch):
    import builtins
    import io

    opened: list[Path] = []
    real_open = builtins.open
    loading = threading.current_thread()

    def record(target, *args, **kwargs):
        # Only this thread's opens: a thread left running by an earlier test (a web server's, say)
        # may open a file of its own meanwhile: the likely cause of one CI failure, whose path was cut off.
        if isinstance(target, (str, os.PathLike)) and threading.current_thread() is loading:
            opened.append(Path(target).resolve())
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", record)
    monkeypatch.setattr(io, "open", record)  # pathlib's read_text goes through io.open
    LocalStore.load(built, embedder=load_embedder())
    # Python-level opens while loading (library files imported lazily aside): all inside the index folder.
    root = built.resolve()
    index_reads = [p for p in opened if "site-packages" not in p.parts and not p.is_relative_to(Path(sys.prefix).resolve())]
    assert index_reads, "no read of the index folder recorded"
    assert [p for p in index_reads if not p.is_relative_to(root)] == []


# --- interrupted and concurrent builds -----------------------------------------------------------


def test_staging_folder_of_a_killed_build_is_ignored_by_load_and_removed_by_the_next_build(index_copy):
    staging = index_copy.parent / f".{index_copy.name}.building-{dead_pid()}"
    staging.mkdir()
    (staging / CHUNKS).write_text("half written", encoding="utf-8")
    assert len(LocalStore.load(index_copy).chunks) == 3
    write_index(index_copy)
    assert not staging.exists()


def test_previous_index_moved_aside_by_a_killed_swap_is_restored(index_copy):
    # A build killed between the two renames of the swap: no index folder, the previous one aside.
    aside = index_copy.parent / f".{index_copy.name}.old-{dead_pid()}"
    os.replace(index_copy, aside)
    assert len(LocalStore.load(index_copy).chunks) == 3
    assert not aside.exists()


def test_recovery_reports_what_it_did(index_copy):
    pid = dead_pid()
    aside = index_copy.parent / f".{index_copy.name}.old-{pid}"
    os.replace(index_copy, aside)
    (index_copy.parent / f".{index_copy.name}.building-{pid}").mkdir()
    done = recover_interrupted_build(index_copy)
    assert done == [f"restored the previous index from {aside.name}", f"removed .{index_copy.name}.building-{pid}"]
    assert (index_copy / MANIFEST).is_file()


def test_a_build_in_progress_elsewhere_is_not_disturbed(index_copy):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        staging = index_copy.parent / f".{index_copy.name}.building-{other.pid}"
        staging.mkdir()
        with pytest.raises(IndexBusy, match=f"process {other.pid}"):
            write_index(index_copy)
        assert staging.exists()
        assert recover_interrupted_build(index_copy) == []
    finally:
        other.kill()
        other.wait()


def test_a_folder_that_is_not_an_index_is_never_replaced(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "lettre.odt").write_text("précieux", encoding="utf-8")
    with pytest.raises(IndexProblem, match="is not an ess-qa index, so it was left untouched"):
        write_index(documents)
    assert (documents / "lettre.odt").read_text(encoding="utf-8") == "précieux"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents"]


def test_a_failed_build_leaves_the_previous_index_and_no_staging(index_copy):
    def fail(done, total):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):  # a page the index lacks, so that it is embedded
        write_index(index_copy, pages=[Page("guide.txt", 1, "Une page nouvelle sur les achats responsables.")], progress=fail)
    assert len(LocalStore.load(index_copy).chunks) == 3
    assert sorted(p.name for p in index_copy.parent.iterdir()) == ["index"]


def test_loading_a_folder_of_other_files_says_so(tmp_path):
    (tmp_path / "notes.txt").write_text("mes notes", encoding="utf-8")
    with pytest.raises(IndexProblem) as caught:
        LocalStore.load(tmp_path)
    assert str(caught.value) == (
        f"no index at {tmp_path}: it is a folder of other files (or not a folder); give --index-dir a folder of its own for the index"
    )
    with pytest.raises(IndexProblem, match="not a folder"):
        LocalStore.load(tmp_path / "notes.txt")
