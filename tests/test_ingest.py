"""Reading files into pages: a real multi-page PDF generated here with fpdf2, text files paged by form feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import load_pages, read_file_pages
from ingest.french import match_key

# One distinctive text per physical page; page 3 is left blank on purpose (numbering must not shift).
PDF_PAGES = {
    1: "Rapport de test. La coopérative Alpha développe le maraîchage biologique à Grenoble.",
    2: (
        "Deuxième page. La Métropole de Lyon finance un fonds de garantie pour les entreprises solidaires. "
        "Ce fonds couvre les prêts bancaires des structures d'insertion par l'activité économique "
        "et des sociétés coopératives d'intérêt collectif du territoire métropolitain."
    ),
    3: "",
    4: "Quatrième page. La régie de quartier Oméga recycle les vélos abandonnés à Strasbourg.",
}


def write_pdf(path: Path, pages: dict[int, str]) -> Path:
    """A real PDF with one page per entry (blank pages stay blank), written with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in sorted(pages):
        pdf.add_page()
        if pages[number]:
            pdf.multi_cell(0, 8, pages[number])
    pdf.output(str(path))
    return path


def test_pdf_pages_are_numbered_physically_and_hold_their_own_text(tmp_path):
    pdf = write_pdf(tmp_path / "rapport.pdf", PDF_PAGES)
    pages = read_file_pages(pdf)
    assert [p.page for p in pages] == [1, 2, 3, 4]
    assert {p.source for p in pages} == {"rapport.pdf"}
    for page in pages:
        assert match_key(page.text) == match_key(PDF_PAGES[page.page])
    assert "Lyon" in pages[1].text and "Lyon" not in pages[0].text + pages[3].text
    assert pages[2].text.strip() == ""


def test_pdf_in_a_folder_is_named_by_its_relative_path(tmp_path):
    (tmp_path / "rapports").mkdir()
    write_pdf(tmp_path / "rapports" / "2019.pdf", {1: "Texte."})
    loaded = load_pages(tmp_path)
    assert loaded.files == ["rapports/2019.pdf"]
    assert loaded.pages[0].source == "rapports/2019.pdf"


# --- text files ----------------------------------------------------------------------------------


def test_text_file_pages_are_split_on_form_feeds(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("page un\fpage deux\f\fpage quatre\f", encoding="utf-8")
    pages = read_file_pages(path)
    assert [(p.page, p.text) for p in pages] == [(1, "page un"), (2, "page deux"), (3, ""), (4, "page quatre")]


def test_text_file_without_form_feed_is_one_page(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Titre\n\nUn paragraphe.\n", encoding="utf-8")
    assert [(p.page, p.source) for p in read_file_pages(path)] == [(1, "notes.md")]


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_text_encodings(tmp_path, encoding, prefix):
    text = "L'économie sociale et solidaire « ESS » représente 14 % de l'emploi privé.\fPage deux : coopératives."
    path = tmp_path / "texte.txt"
    path.write_bytes(prefix + text.encode(encoding))
    pages = read_file_pages(path)
    assert [p.text for p in pages] == text.split("\f")


def test_folder_is_read_in_sorted_order_without_hidden_files(tmp_path):
    (tmp_path / "b.txt").write_text("Fichier B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Fichier A.\fA page deux.", encoding="utf-8")
    (tmp_path / "sous-dossier").mkdir()
    (tmp_path / "sous-dossier" / "c.md").write_text("Fichier C.", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    (tmp_path / ".brouillon.txt").write_text("caché", encoding="utf-8")
    (tmp_path / "README.md").write_text("Provenance de ces fichiers.", encoding="utf-8")
    (tmp_path / "sous-dossier" / "readme.txt").write_text("Notes.", encoding="utf-8")
    loaded = load_pages(tmp_path)
    assert loaded.files == ["a.txt", "b.txt", "sous-dossier/c.md"]
    assert [(p.source, p.page) for p in loaded.pages] == [("a.txt", 1), ("a.txt", 2), ("b.txt", 1), ("sous-dossier/c.md", 1)]
    assert loaded.skipped == []


def test_a_single_file_can_be_the_corpus(tmp_path):
    path = tmp_path / "seul.txt"
    path.write_text("Seul fichier.", encoding="utf-8")
    loaded = load_pages(path)
    assert loaded.files == ["seul.txt"] and len(loaded.pages) == 1
    readme = tmp_path / "README.md"
    readme.write_text("Un README donné comme corpus est lu.", encoding="utf-8")
    assert load_pages(readme).files == ["README.md"]


def test_bundled_corpus_is_the_report_alone():
    from ess_qa.config import BUNDLED_CORPUS

    loaded = load_pages(BUNDLED_CORPUS)
    assert loaded.files == ["metropoles-ess.txt"] and loaded.skipped == []
    assert [p.page for p in loaded.pages] == list(range(1, 65))


def test_missing_corpus_is_an_error_not_an_empty_index(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        load_pages(tmp_path / "absent")


# --- the PDF through the whole engine: build, search, citations ----------------------------------


@pytest.fixture(scope="module")
def pdf_assistant(tmp_path_factory):
    from ess_qa import Assistant, build

    corpus = tmp_path_factory.mktemp("pdf-corpus")
    write_pdf(corpus / "rapport.pdf", PDF_PAGES)
    (corpus / "annexe.txt").write_text(
        "Annexe, page un : la monnaie locale Beta circule à Toulouse.\fAnnexe, page deux : le tiers-lieu Gamma ouvre à Nantes.",
        encoding="utf-8",
    )
    index_dir = tmp_path_factory.mktemp("pdf-index") / "index"
    report = build(corpus, index_dir)
    return report, Assistant.load(index_dir)


def test_build_reports_files_pages_and_chunks(pdf_assistant):
    report, _ = pdf_assistant
    assert report.files == ["annexe.txt", "rapport.pdf"]
    assert report.skipped == []
    assert report.pages == 6
    assert report.chunks >= 5


@pytest.mark.parametrize(
    "question, citation",
    [
        ("Quelle coopérative fait du maraîchage biologique à Grenoble ?", "rapport.pdf · p. 1"),
        ("Qui finance un fonds de garantie pour les entreprises solidaires ?", "rapport.pdf · p. 2"),
        ("Qui recycle les vélos abandonnés à Strasbourg ?", "rapport.pdf · p. 4"),
        ("Où circule la monnaie locale Beta ?", "annexe.txt · p. 1"),
        ("Where does the Gamma third place open?", "annexe.txt · p. 2"),
    ],
)
def test_search_cites_the_physical_page_that_holds_the_answer(pdf_assistant, question, citation):
    _, assistant = pdf_assistant
    best = assistant.search(question, k=3)[0]
    assert best.citation.startswith(citation)
    page_text = PDF_PAGES.get(best.page, "") if best.source == "rapport.pdf" else ""
    if page_text:
        assert match_key(best.text) in match_key(page_text)


def test_no_passage_cites_the_blank_page(pdf_assistant):
    _, assistant = pdf_assistant
    passages = assistant.search("page", k=20)
    assert passages and all(not (p.source == "rapport.pdf" and p.page == 3) for p in passages)
