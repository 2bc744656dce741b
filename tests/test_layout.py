"""Text in columns and tables, as a reader sees it in passages: real PDFs written here with fpdf2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import chunk_pages, read_file_pages
from ingest.layout import Piece, TableReader, line_segments
from ingest.structure import looks_like_heading, reflow
from ingest.units import answer_units, is_label_value_row

LEFT = [
    "Les jardins partagés du quartier nord ouvrent le samedi matin à tous les habitants.",
    "Chaque parcelle est confiée pour un an à une famille qui en fait la demande.",
    "Les récoltes sont partagées entre les jardiniers et la banque alimentaire voisine.",
]
RIGHT = [
    "La ressourcerie du centre-ville collecte les meubles et les revend à petit prix.",
    "Elle emploie douze salariés en insertion encadrés par deux techniciens.",
    "Ses ateliers de réparation accueillent le public chaque mercredi après-midi.",
]
CITIES = [("Ville", "Habitants", "Superficie"), ("Lyon", "522 250", "48 km2"), ("Grenoble", "158 198", "18 km2"), ("Annecy", "130 721", "67 km2")]
LEVELS = ("COMMUNES", "DÉPARTEMENTS", "RÉGIONS", "ÉTAT")
THEMES = ("Écoles", "Transports", "Culture", "Sport", "Déchets", "Logement")
TITLE_ROW = 3  # a title across the four columns before this theme


ACTIONS = {"COMMUNES": "gèrent", "DÉPARTEMENTS": "financent", "RÉGIONS": "planifient", "ÉTAT": "contrôle"}


def cell_text(theme: str, level: str) -> str:
    """A text of its own for each cell of the long table (repeated text would be taken for a pull quote)."""
    t, j = THEMES.index(theme), LEVELS.index(level)
    sites = ", ".join(f"le site {t}{j}{n} ouvert en {2000 + 7 * t + 3 * j + n}" for n in range(5))
    return f"{theme} : les {level.lower()} {ACTIONS[level]} {sites}."


def new_pdf(orientation: str = "P"):
    from fpdf import FPDF

    pdf = FPDF(orientation=orientation)
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    return pdf


def write_columns(path: Path) -> Path:
    """Two columns of three paragraphs each, the left one written first."""
    pdf = new_pdf()
    for x, paragraphs in ((15, LEFT), (110, RIGHT)):
        pdf.set_xy(x, 30)
        for paragraph in paragraphs:
            pdf.multi_cell(85, 5, paragraph, new_x="LEFT", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def write_short_table(path: Path) -> Path:
    """A paragraph, a table of short cells (header first), a paragraph."""
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "Chiffres des villes de l'exemple, relevés en 2020 par le service statistique.")
    pdf.ln(4)
    with pdf.table(col_widths=(60, 40, 40), text_align="LEFT") as table:
        for values in CITIES:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Le tableau donne la population municipale de chaque ville.")
    pdf.output(str(path))
    return path


def write_long_table(path: Path) -> Path:
    """A four-column table of long cells over pages, its header printed once, a title across the columns."""
    pdf = new_pdf("L")
    with pdf.table(repeat_headings=0, text_align="LEFT") as table:
        header = table.row()
        for level in LEVELS:
            header.cell(level)
        for k, theme in enumerate(THEMES):
            if k == TITLE_ROW:
                table.row().cell("Vie quotidienne", colspan=len(LEVELS))
            row = table.row()
            for level in LEVELS:
                row.cell(cell_text(theme, level))
    pdf.output(str(path))
    return path


def passages(path: Path) -> list:
    return chunk_pages(read_file_pages(path))


def flat(chunks) -> str:
    return " ".join(" ".join(chunk.text.split()) for chunk in chunks)


def test_two_columns_read_column_after_column(tmp_path):
    text = flat(passages(write_columns(tmp_path / "colonnes.pdf")))
    positions = [text.index(sentence) for sentence in LEFT + RIGHT]  # each sentence whole
    assert positions == sorted(positions)
    assert "|" not in text  # text in columns is not a table


def test_a_table_of_short_cells_reads_a_row_per_line(tmp_path):
    chunks = passages(write_short_table(tmp_path / "villes.pdf"))
    lines = [line for chunk in chunks for line in chunk.text.split("\n")]
    for values in CITIES:
        assert " | ".join(values) in lines
    assert "Chiffres des villes de l'exemple, relevés en 2020 par le service statistique." in lines
    assert "Le tableau donne la population municipale de chaque ville." in flat(chunks)


def test_a_long_table_opens_each_cell_with_its_column_header_on_every_page(tmp_path):
    chunks = passages(write_long_table(tmp_path / "competences.pdf"))
    text = flat(chunks)
    for theme in THEMES:
        for level in LEVELS:
            assert f"{level} : {cell_text(theme, level)}" in text
    assert len({chunk.page for chunk in chunks}) > 1  # the header was carried over
    last = next(chunk for chunk in chunks if cell_text(THEMES[-1], "RÉGIONS")[:40] in " ".join(chunk.text.split()))
    assert last.page > 1 and "RÉGIONS :" in last.text


def test_a_title_across_the_columns_stays_alone(tmp_path):
    chunks = passages(write_long_table(tmp_path / "competences.pdf"))
    lines = [line.strip() for chunk in chunks for line in chunk.text.split("\n")]
    assert "Vie quotidienne" in lines or any(chunk.section == "Vie quotidienne" for chunk in chunks)
    assert not any(line.endswith(": Vie quotidienne") or line.startswith("Vie quotidienne ") for line in lines)


def piece(x: float, text: str, size: float = 11.0) -> Piece:
    return Piece(x, 600.0, size, text)


@pytest.mark.parametrize(
    "pieces, expected",
    [
        ([piece(240, "10"), piece(250, " "), piece(406, "10")], ["10", "10"]),  # two cells drawn on one line
        ([piece(61, "(D) = (C) x 1,5 "), piece(231, "100 m "), piece(397, "140 m")], ["(D) = (C) x 1,5", "100 m", "140 m"]),
        ([piece(984, "et bon ordre en cas de grand", 9.0), piece(1149, "s ", 9.0)], ["et bon ordre en cas de grands"]),  # one word
        ([piece(572, "Le financement des opérations programmées dans le cadre ", 9.0), piece(848, "des ", 9.0)], None),  # justified
    ],
)
def test_a_line_is_cut_into_cells_only_at_wide_gaps_between_words(pieces, expected):
    segments = [segment.text.strip() for segment in line_segments(0, pieces)]
    assert segments == (expected or ["".join(p.text for p in pieces).strip()])


class FakePage:
    """A page whose pieces do not add up to its text: its text is kept as pypdf gives it."""

    def extract_text(self, visitor_operand_before=None, visitor_text=None):
        visitor_text("Ville", [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 50, 700], None, 10)
        return "Ville Habitants"


def test_a_page_whose_pieces_do_not_make_its_text_is_kept_as_read():
    assert TableReader().read(FakePage()) == "Ville Habitants"


def test_a_table_row_keeps_its_line_and_is_no_heading():
    assert reflow(["Ville | Habitants", "Lyon | 522 250", "Grenoble | 158 198"]) == "Ville | Habitants\nLyon | 522 250\nGrenoble | 158 198"
    assert reflow(["| après 2005 | années 80", "Distance | 100 m | 140 m"]).count("\n") == 1
    assert not looks_like_heading(["Ville | Habitants"])


def test_a_table_row_answers_under_its_header():
    units = answer_units("Exemple de calcul :\n| après 2005 | années 80\nDistance acceptable | 100 m | 140 m")
    assert "| après 2005 | années 80\nDistance acceptable | 100 m | 140 m" in units
    assert units[0].count("| après 2005") == 1  # the lead-in keeps its items as they are


def test_a_first_row_of_figures_is_no_header_of_the_next_rows():
    """« ≤ 100 000 € HT | 150 heures » is the table's first row of data: the next rows are not shown under it."""
    units = answer_units("≤ 100 000 € HT | 150 heures (1 mois)\n> 100 000 € HT et ≤ 200 000 € HT | 300 heures (2 mois)")
    assert units == ["≤ 100 000 € HT | 150 heures (1 mois)", "> 100 000 € HT et ≤ 200 000 € HT | 300 heures (2 mois)"]
    assert answer_units("Indicateur | 2019 | 2020\nEmplois | 12 | 14")[-1] == "Indicateur | 2019 | 2020\nEmplois | 12 | 14"


def test_the_rows_of_a_form_or_catalogue_have_no_header():
    """A catalogue's entry reads as labels and values ('Définition: | …'): its first row is no header for the others."""
    units = answer_units("Titre: | Nappe de câbles\nDéfinition: | Espace formé par le tracé commun de plusieurs câbles\nMultiplicité: | 0..1")
    assert units == ["Titre: | Nappe de câbles", "Définition: | Espace formé par le tracé commun de plusieurs câbles", "Multiplicité: | 0..1"]
    assert is_label_value_row("Définition: | Espace formé") and not is_label_value_row("Ville | Habitants")
    assert not is_label_value_row("la zone asséchée ou mise en eau étant : | Il s’agit de tous travaux | Pour en savoir plus")


def test_a_notes_mark_drawn_as_a_superscript_after_a_figure_goes(tmp_path):
    """pypdf reads « en 2017⁶ » as « en 20176 » and « 2,58¹² » as « 2,5812 »: a small raised number glued to a figure or a
    word whose note the page gives at a line's start is a mark, taken out; one without a note on the page stays."""
    pdf = new_pdf()
    pdf.set_font("helvetica", size=11)
    for before, mark, after in (("Les clients en offre de marché étaient 54% en 2017", "6", ", contre 47% en 2016."), ("Le coefficient retenu est de 2,58", "12", ". Il vaut 1 pour le gaz."), ("La surface est de 70 m", "2", " par logement.")):
        pdf.write(6, before)
        pdf.char_vpos = "SUP"
        pdf.write(6, mark)
        pdf.char_vpos = "LINE"
        pdf.write(6, after)
        pdf.ln(10)
    pdf.ln(40)
    pdf.set_font("helvetica", size=8)
    pdf.write(5, "6 Source CRE, observatoire des marchés de détail.")
    pdf.ln(6)
    pdf.write(5, "12 ADEME, méthode de calcul des diagnostics.")
    pdf.output(str(tmp_path / "notes.pdf"))
    text = read_file_pages(tmp_path / "notes.pdf")[0].text
    assert "54% en 2017, contre 47%" in text and "de 2,58. Il vaut" in text
    assert "20176" not in text and "2,5812" not in text
    assert "70 m2 par logement" in text  # no note 2 on the page: a square metre's exponent


def test_a_running_header_laid_out_like_a_row_is_no_tables_header():
    """« CNIG | Plan du Corps de Rue Simplifié | 38 / 89 » over a table of three columns read as its header: the
    next pages' rows were labelled « CNIG : », « 38 / 89 : » (a standard's 27 chunks of nothing else). A row holding
    the page's place (« 38 / 89 », « 3 sur 12 », « Page 4 ») heads no table; a table's own header still does."""
    from ingest.layout import Cell, Segment, is_header_row

    def row(line: int, *texts: str) -> list:
        return [Cell([Segment(line, x, 700.0 - 12 * line, 9.0, text)]) for x, text in zip((50.0, 180.0, 340.0), texts)]

    long = "Identifiant unique du tronçon dans le référentiel source utilisé par le fournisseur, selon le fournisseur du référentiel, une valeur unique pour un référentiel donné" * 4
    data = row(1, "reference", "CharacterString", long)
    for counter in ("38 / 89", "3 sur 12", "Page 4"):
        assert not is_header_row([row(0, "CNIG", "Plan du Corps de Rue Simplifié", counter), data], 0)
    assert is_header_row([row(0, "Attribut", "Type", "Définition"), data], 0)


def test_a_table_without_rules_read_column_by_column_pairs_its_rows_and_labels_nothing_after_it(tmp_path):
    """A notice's table of sizes, its labels written down one column and its values down the next (pypdf reads
    them as two cells of seven lines): one row per line. The paragraph after it, one of its lines ending far right
    with the start of a web address, is no row under the table's last line taken for a header (« Superficie du
    massif 0,7 ha 40 ha : » was written into the paragraph and into the address)."""
    sizes = [("Superficie globale du projet", "10 000 m² incluant les zones de chantier"), ("Longueur du pont", "65 m"), ("Largeur du pont", "8 m"), ("Hauteur du remblai", "de 1 à 3 m")]
    pdf = new_pdf()
    pdf.set_xy(15, 20)
    pdf.cell(text="Exemple 1 :")
    for x, column in ((20, 0), (110, 1)):
        for k, pair in enumerate(sizes):
            pdf.set_xy(x, 32 + 5 * k)
            pdf.cell(text=pair[column])
    paragraph = [
        "Les coordonnées géographiques sont exprimées dans le référentiel adapté, comme le détaille",
        "le mode d'emploi publié par le ministère chargé de l'environnement (voir sur",
        "durable.gouv.fr/-Les-donnees-environnementales-.html) pour chaque département.",
    ]
    for k, line in enumerate(paragraph):
        pdf.set_xy(15, 70 + 5 * k)
        pdf.cell(text=line)
    pdf.set_xy(160, 75)
    pdf.cell(text="http://www.developpement-")
    pdf.output(str(tmp_path / "notice.pdf"))
    text = read_file_pages(tmp_path / "notice.pdf")[0].text
    lines = [line.strip() for line in text.split("\n")]
    for label, value in sizes:
        assert f"{label} | {value}" in lines
    assert all(text.count(value) == 1 for pair in sizes for value in pair)  # the table once, nothing of it after


def test_a_spreads_two_page_numbers_over_its_columns_label_nothing(tmp_path):
    """A booklet exported as spreads prints each facing page's number at the top of its column (« 15 » and « 16 »,
    laid out like a row over two columns of paragraphs): read as a table's header, each column's text was opened by
    « 15 : », shown in an extract. A row of bare short numbers heads nothing, and the numbers go as running lines."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.set_font("helvetica", size=10)
    for n, (left, right) in enumerate(zip(THEMES, reversed(THEMES)), start=1):
        pdf.add_page()
        for x, number in ((20, 2 * n + 1), (160, 2 * n + 2)):
            pdf.set_xy(x, 15)
            pdf.cell(20, 5, str(number))
        for x, theme in ((20, left), (160, right)):
            pdf.set_xy(x, 30)
            for action in ACTIONS.values():
                pdf.multi_cell(115, 5, f"{theme} : la commune {action} les projets que les associations {theme.lower()} présentent au conseil de quartier, {n * len(action)} fois par an.", new_x="LEFT", new_y="NEXT")
                pdf.ln(3)
    pdf.output(str(tmp_path / "livret.pdf"))
    pages = read_file_pages(tmp_path / "livret.pdf")
    for n, page in enumerate(pages, start=1):
        assert f"{2 * n + 1} :" not in page.text and f"{2 * n + 2} :" not in page.text, page.text
        assert page.text.count(" : la commune ") == 2 * len(ACTIONS), page.text
    text = flat(chunk_pages(pages))
    assert text.count(" : la commune ") == 2 * len(THEMES) * len(ACTIONS)
    assert not re.search(r"(^|\. )\d+ ", text), text  # a page's number before a paragraph


def write_drawn(path: Path, content: str) -> Path:
    """A one-page PDF (Helvetica) whose page is drawn by the content stream given, as word processors write theirs."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    stream = DecodedStreamObject()
    stream.set_data(content.encode("cp1252"))
    page.replace_contents(stream)
    writer.write(str(path))
    return path


JUSTIFIED = [
    "Les jardins partagés du quartier nord ouvrent le samedi",
    "matin à tous les habitants qui en font la demande.",
    "Chaque parcelle est confiée pour un an à une famille,",
    "et les récoltes sont partagées avec la banque alimentaire.",
]


def drawn_word_by_word(lines: list[str], size: float = 16.0, turned: bool = False) -> str:
    """Each word drawn on its own at its place (its own BT … ET, a matrix turned upside down and back), as some word
    processors justify text; turned: each line drawn whole, turned a quarter, the lines side by side."""
    out = ["1 0 0 -1 0 842 cm"]
    for n, line in enumerate(lines):
        if turned:
            out.append(f"BT /F1 {size} Tf 0 -1 -1 0 {100 + 1.4 * size * n:.2f} 700 Tm ({line}) Tj ET")
            continue
        out.append(f"q .75 0 0 .75 70 {100 + 1.05 * size * n:.2f} cm")
        x = 0.0
        for word in line.split():
            out.append(f"BT /F1 {size} Tf 1 0 0 -1 {x:.2f} .68 Tm 0 -14.26 Td ({word}) Tj ET")
            x += (len(word) * 0.55 + 0.35) * size
        out.append("Q")
    return "\n".join(out)


def test_a_text_whose_words_are_drawn_one_by_one_reads_line_by_line(tmp_path):
    """pypdf starts a line at each word of such a text (« Les\\njardins\\npartagés »), which was then read as a table of
    one-word cells: the words that go on along one baseline are one line again, a space between them."""
    path = write_drawn(tmp_path / "cgu.pdf", drawn_word_by_word(JUSTIFIED))
    assert read_file_pages(path)[0].text.split("\n") == JUSTIFIED
    text = flat(passages(path))
    assert "Les jardins partagés du quartier nord ouvrent le samedi matin à tous les habitants" in text
    assert "|" not in text


def test_lines_drawn_turned_side_by_side_stay_apart(tmp_path):
    """A page drawn turned a quarter: its lines share their y and go right by a line's height; they are not one line."""
    lines = ["Rapport annuel", "Ville de Lorient"]
    text = read_file_pages(write_drawn(tmp_path / "tourne.pdf", drawn_word_by_word(lines, turned=True)))[0].text
    assert [line.strip() for line in text.split("\n") if line.strip()] == lines
