"""The store interface: ess_qa reaches the index only through it, and documents are added,
replaced and removed through it with the embedding cache behind."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from ess_qa import Assistant, Filters
from index.interface import Store
from index.store import NewDocument, open_store, open_writer, sha256_file
from index.writing import UnknownDocument
from ingest.chunking import ChunkingParams, chunk_pages
from ingest.loaders import load_pages

ESS_QA = Path(__file__).resolve().parents[1] / "ess_qa"
STORE_NAMES = {name for name, _ in inspect.getmembers(Store) if not name.startswith("_")} | set(Store.__annotations__)


def test_ess_qa_imports_nothing_of_index_but_its_store_interface():
    for path in sorted(ESS_QA.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "index":
                assert node.module == "index.store", f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not any(alias.name.split(".")[0] == "index" for alias in node.names), f"{path.name} imports index"


class OnlyTheInterface:
    """A store that offers the Store protocol's names and nothing else, to catch any reach-in."""

    def __init__(self, store) -> None:
        self._store = store

    def __getattr__(self, name: str):
        if name not in STORE_NAMES:
            raise AssertionError(f"ess_qa used {name!r}, which is not in the Store interface")
        return getattr(self._store, name)


@pytest.mark.parametrize("kind", ["local", "postgresql"])
def test_the_assistant_works_through_the_interface_alone(kind, request):
    location = str(request.getfixturevalue("report_index_dir" if kind == "local" else "report_store"))
    plain = Assistant(open_store(location))
    strict = Assistant(OnlyTheInterface(open_store(location)))
    questions = [
        "Combien d'habitants compte Rennes Métropole ?",  # a fact-sheet line
        "Quelle métropole a le plus d'emplois dans l'ESS ?",  # the metropolises' table
        "What is KaléidosCOOP?",  # English: translated words
        "Qui est l'élu référent ESS de Brest Métropole ?",  # a table row named
        "Quelle est la recette de la tarte tatin ?",  # refused
    ]
    for question in questions:
        assert strict.ask(question).to_dict() == plain.ask(question).to_dict()
    filters = Filters(page_min=40, page_max=64, section="Fiches métropoles")
    assert strict.search("emploi", k=5, filters=filters) == plain.search("emploi", k=5, filters=filters)
    assert strict.overview() == plain.overview() and strict.sources == ["metropoles-ess.txt"]


def documents_of(folder: Path) -> list[NewDocument]:
    loaded = load_pages(folder)
    chunks = chunk_pages(loaded.pages, ChunkingParams())
    return [NewDocument(name, sha256_file(folder / name), tuple(c for c in chunks if c.source == name)) for name in loaded.files]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_documents_are_added_replaced_and_removed_embedding_only_new_text(tmp_path):
    index = tmp_path / "index"
    writer = open_writer(str(index), chunking=ChunkingParams().as_dict())
    first = write(tmp_path / "a", "garantie.txt", "Le fonds de garantie France Active a garanti 120 prêts aux entreprises de l'ESS en 2018.")
    writer.put_documents(documents_of(first))
    second = write(tmp_path / "b", "tiers-lieux.txt", "La métropole finance douze tiers-lieux dédiés à l'économie sociale et solidaire.")
    manifest = writer.put_documents(documents_of(second))
    assert sorted(manifest.sources) == ["garantie.txt", "tiers-lieux.txt"]
    assert manifest.build["embedded"]["chunks"] == 1  # the first document's vectors were reused
    assistant = Assistant.load(index)
    assert "120 prêts" in assistant.search("Combien de prêts le fonds a-t-il garantis ?", k=1)[0].text

    changed = write(tmp_path / "c", "garantie.txt", "Le fonds de garantie a garanti 95 prêts en 2019.")
    writer.put_documents(documents_of(changed))  # same name: replaced
    texts = [p.text for p in Assistant.load(index).search("prêts garantis par le fonds", k=5)]
    assert any("95 prêts" in t for t in texts) and not any("120 prêts" in t for t in texts)

    manifest = writer.remove_documents(["tiers-lieux.txt"])
    assert list(manifest.sources) == ["garantie.txt"]
    assert [d.name for d in open_store(str(index)).documents()] == ["garantie.txt"]
    with pytest.raises(UnknownDocument, match="rapport.pdf.*it holds: garantie.txt"):
        writer.remove_documents(["rapport.pdf"])
    assert [d.name for d in open_store(str(index)).documents()] == ["garantie.txt"]  # nothing lost
