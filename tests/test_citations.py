"""Citations as values (ingest.types.Citation): the strings readers check are made from them, the
JSON carries both, and no module reads a citation string back."""

from __future__ import annotations

import re
from pathlib import Path

from ess_qa import Answer, Citation, Passage

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NANTES = Citation("metropoles-ess.txt", 54, "Fiches métropoles › Nantes Métropole")
RENNES = Citation("metropoles-ess.txt", 56, "Fiches métropoles › Rennes Métropole")


def test_passage_and_answer_strings_come_from_their_citations():
    passage = Passage("Nantes Métropole compte 639 000 habitants.", NANTES.source, NANTES.page, NANTES.section, 0.9, "c1")
    assert passage.cite == NANTES and passage.citation == "metropoles-ess.txt · p. 54 · Fiches métropoles › Nantes Métropole"
    answer = Answer("Nantes vs Rennes ?", [passage], snippet="…", snippet_cites=(NANTES, RENNES))
    assert answer.snippet_citation == f"{NANTES.label} ; {RENNES.label}"
    assert Answer("?", [passage], found=False).snippet_citation is None


def test_json_has_the_citation_strings_and_the_structured_citations():
    passage = Passage("Nantes Métropole compte 639 000 habitants.", NANTES.source, NANTES.page, NANTES.section, 0.9, "c1")
    data = Answer("Nantes vs Rennes ?", [passage], snippet="…", snippet_cites=(NANTES, RENNES)).to_dict()
    assert list(data) == ["question", "found", "snippet", "snippet_citation", "snippet_cites", "notice", "answer_first", "passages"]
    assert data["answer_first"] is True  # the first passage is the extract's (Nantes's sheet)
    assert data["snippet_citation"] == f"{NANTES.label} ; {RENNES.label}"
    assert data["snippet_cites"] == [
        {"source": "metropoles-ess.txt", "page": 54, "section": "Fiches métropoles › Nantes Métropole"},
        {"source": "metropoles-ess.txt", "page": 56, "section": "Fiches métropoles › Rennes Métropole"},
    ]
    assert data["passages"] == [{
        "text": passage.text, "source": NANTES.source, "page": 54, "section": NANTES.section, "score": 0.9,
        "citation": NANTES.label, "chunk_id": "c1", "cite": NANTES.to_dict(),
    }]
    unanswered = Answer("?", [passage], found=False).to_dict()
    assert unanswered["snippet_citation"] is None and unanswered["snippet_cites"] == [] and unanswered["answer_first"] is False


# A citation string split on its separators, or a regular expression for its "p. N".
PARSE_BACK = re.compile(r"""\.(?:r?split|partition)\(\s*["']\s*[;·]\s*["']|p\\\\?\.""")


def test_no_module_parses_a_citation_string():
    modules = [PROJECT_ROOT / "app.py"] + sorted(
        path for package in ("ess_qa", "ingest", "index", "benchmarks") for path in (PROJECT_ROOT / package).rglob("*.py")
    )
    assert len(modules) > 20
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}"
        for path in modules
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PARSE_BACK.search(line)
    ]
    assert found == []


# --- printed page labels -------------------------------------------------------------------------


def test_a_printed_page_label_shows_in_the_string_and_the_physical_page_stays():
    cite = Citation("guide.pdf", 5, "Collecte", page_label="iii")
    assert cite.label == "guide.pdf · p. iii · Collecte" and cite.page == 5
    assert cite.to_dict() == {"source": "guide.pdf", "page": 5, "section": "Collecte", "page_label": "iii"}
    assert Citation(**cite.to_dict()) == cite


def test_without_a_label_the_string_and_json_are_as_before():
    assert Citation("guide.pdf", 5, "Collecte").label == "guide.pdf · p. 5 · Collecte"
    assert Citation("guide.pdf", 5).to_dict() == {"source": "guide.pdf", "page": 5, "section": ""}


def test_passages_and_chunks_cite_their_label_only_when_it_differs_from_the_page():
    from ingest.types import Chunk

    labelled = Passage("Texte.", "guide.pdf", 7, "Collecte", 0.5, "c1", label="5")
    assert labelled.citation == "guide.pdf · p. 5 · Collecte" and labelled.cite.page == 7
    assert Passage("Texte.", "guide.pdf", 7, "Collecte", 0.5, "c1", label="7").citation == "guide.pdf · p. 7 · Collecte"
    assert Chunk("c1", "guide.pdf", 2, "", "Texte.", label="ii").citation == "guide.pdf · p. ii"
    # a chunk stored before labels existed (Chunk(**data) of an older index) has none
    assert Chunk(**{"id": "c1", "source": "a.pdf", "page": 2, "section": "", "text": "Texte."}).citation == "a.pdf · p. 2"


def test_objects_without_a_label_field_still_cite():
    from dataclasses import dataclass

    from ingest.types import OnePage

    @dataclass(frozen=True)
    class Hit(OnePage):
        source: str
        page: int
        section: str

    assert Hit("a.txt", 3, "Intro").citation == "a.txt · p. 3 · Intro"
