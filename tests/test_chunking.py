"""Chunk boundaries: one page per chunk, whole sentences, bounded sizes, sections carried over pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from ess_qa.profiles.metropoles.headings import RULES as REPORT_RULES  # the report's heading cues (a profile's plug-in)
from ingest import ChunkingParams, Citation, Page, chunk_pages, load_pages
from ingest.chunking import joined_text
from ingest.clean import clean_bullets, clean_page_text
from ingest.french import match_key, split_sentences
from ingest.types import SECTION_SEPARATOR

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPORT = "metropoles-ess.txt"


def sentences(count: int, topic: str = "la coopérative") -> list[str]:
    return [
        f"Phrase {i} : {topic} numéro {i} accompagne les porteurs de projets de l'économie sociale et solidaire du territoire."
        for i in range(1, count + 1)
    ]


def own_text(chunks, pages) -> list[str]:
    """Each chunk's text without the table header it repeats (a passage that starts inside a table of rows
    starts with the header printed above the table earlier on its page): a first line that the page's
    chunks hold more often than the page itself does."""
    printed = {(p.source, p.page): Counter(line.strip() for line in clean_page_text(p.text).split("\n")) for p in pages}
    texts, seen = [], defaultdict(Counter)
    for chunk in chunks:
        place = (chunk.source, chunk.page)
        first, _, rest = chunk.text.partition("\n")
        repeated = rest and seen[place][first] >= printed[place][first] > 0
        texts.append(rest if repeated else chunk.text)
        seen[place].update(chunk.text.split("\n"))
    return texts


def page_keys(chunks, pages) -> dict[tuple[str, int], str]:
    """The chunks' text of each page, in order, as one match key (a repeated table header counted once)."""
    keys: dict[tuple[str, int], str] = defaultdict(str)
    for chunk, text in zip(chunks, own_text(chunks, pages)):
        keys[(chunk.source, chunk.page)] += match_key(text)
    return keys


# --- synthetic pages -----------------------------------------------------------------------------


def test_a_chunk_never_crosses_a_page():
    page1 = " ".join(sentences(12, "la coopérative"))
    page2 = " ".join(sentences(12, "l'association"))
    pages = [Page("doc.txt", 1, page1), Page("doc.txt", 2, page2)]
    chunks = chunk_pages(pages)
    assert {c.page for c in chunks} == {1, 2}
    for chunk in chunks:
        own, other = (page1, page2) if chunk.page == 1 else (page2, page1)
        assert match_key(chunk.text) in match_key(own)
        assert "association" not in chunk.text if chunk.page == 1 else "coopérative" not in chunk.text
    keys = page_keys(chunks, pages)
    assert keys[("doc.txt", 1)] == match_key(page1) and keys[("doc.txt", 2)] == match_key(page2)


def test_a_sentence_cut_by_a_page_break_is_whole_on_the_page_where_it_starts():
    """« … le maître d'ouvrage indique à l'autorité » / « chargée de l'examen … »: the end of the sentence goes back to
    its first page (cited there), and the next page starts with its own sentence; a note, a title or a file's end
    takes nothing."""
    cut = "En application du code, le maître d'ouvrage indique à l'autorité compétente, dans un délai raisonnable, à l'autorité"
    rest = "chargée de l'examen les informations dont la divulgation serait nuisible. La suite du texte commence ici."
    pages = [Page("doc.txt", 1, f"Une page de texte.\n{cut}"), Page("doc.txt", 2, rest)]
    first, second = chunk_pages(pages)
    assert first.page == 1 and first.text.endswith("à l'autorité chargée de l'examen les informations dont la divulgation serait nuisible.")
    assert second.page == 2 and second.text == "La suite du texte commence ici."
    noted = [Page("doc.txt", 1, "Une page de texte.\n14 https://www.exemple.fr/une-page-de-reference-du-texte"), Page("doc.txt", 2, rest)]
    titled = [Page("doc.txt", 1, "Une page de texte.\nLes informations sensibles"), Page("doc.txt", 2, rest)]
    other_file = [Page("a.txt", 1, f"Une page de texte.\n{cut}"), Page("b.txt", 1, rest)]
    for kept in (noted, titled, other_file):
        assert chunk_pages(kept)[-1].text == rest


def test_a_scrap_of_a_few_letters_joins_a_passage_of_its_section():
    """A label or a number left at the foot of a page (« Verso ») is no passage of its own: alone it says nothing, and
    a keyword search would rank it high."""
    first = "La collectivité recense ses équipements numériques et leur âge, service par service, chaque année."
    second = "Elle allonge leur durée d'usage : réparation, réemploi, puis recyclage par une filière agréée."
    text = f"{first}\n\n{second}\n\nVerso"
    chunks = chunk_pages([Page("doc.txt", 1, text)], ChunkingParams(target_chars=96, max_chars=150, min_chars=50))
    assert [c.text for c in chunks] == [first, f"{second}\nVerso"]


def test_a_bullet_or_an_item_number_alone_in_its_section_is_no_passage():
    """« 1. » or « • » left alone under a heading of its own (a slide's number, a side menu's bullet) says nothing and
    is not indexed; a row of figures stays."""
    pages = [Page("doc.pdf", 1, "1."), Page("doc.pdf", 2, "•"), Page("doc.pdf", 3, "224 336 14 775 212 306"), Page("doc.pdf", 4, "Le réseau dessert 640 bâtiments.")]
    chunks = chunk_pages(pages)
    assert [c.page for c in chunks] == [3, 4]


def test_sentences_are_kept_whole_and_sizes_bounded():
    params = ChunkingParams(target_chars=300, max_chars=420, min_chars=100)
    parts = sentences(30)
    chunks = chunk_pages([Page("doc.txt", 1, " ".join(parts))], params)
    assert len(chunks) > 5
    for chunk in chunks:
        assert len(chunk.text) <= params.max_chars
        assert chunk.text.endswith(".")
        assert chunk.text.startswith("Phrase ")
    for sentence in parts:
        holders = [c for c in chunks if sentence in c.text]
        assert len(holders) == 1, sentence


def test_a_sentence_ends_after_a_capital_in_parentheses_but_not_after_an_initial():
    """« (annexe I). Un formateur … » is two sentences; « J. Dupont » and « l'article L. 214-1 » are not cut."""
    text = "Le modèle est annexé à la présente note (annexe I). Un formateur peut former. Selon J. Dupont, oui. Voir l'article L. 214-1 du code."
    assert split_sentences(text) == [
        "Le modèle est annexé à la présente note (annexe I).",
        "Un formateur peut former.",
        "Selon J. Dupont, oui.",
        "Voir l'article L. 214-1 du code.",
    ]


def test_a_sentence_goes_on_after_an_abbreviation_before_a_number():
    """« la NAF rév. 2 », « (voir fig. 4) »: the period ends a short word, not the sentence."""
    text = "La NAF rév. 2 est entrée en vigueur le 1er janvier 2008 (voir fig. 4 et chap. 3). Elle remplace la NAF rév. 1."
    assert split_sentences(text) == [
        "La NAF rév. 2 est entrée en vigueur le 1er janvier 2008 (voir fig. 4 et chap. 3).",
        "Elle remplace la NAF rév. 1.",
    ]


def test_items_an_arrow_opens_on_one_line_are_units_of_their_own():
    """Extraction glues a brochure's arrow items onto one line: each item is an answer unit, not the tail of the
    sentence or lead-in before it; an arrow inside a sentence (« passe de 3 → 5 ») cuts nothing."""
    from ingest.units import answer_units

    line = (
        "Elle passera par : → la création d'un fonds forêt doté de 150 millions d'euros pour aider les propriétaires ; "
        "→ un renforcement des dispositifs de soutien aux entreprises de la filière bois ; → le développement d'une "
        "couverture LiDAR HD (Light detection and ranging) par l'IGN. Le montant passe de 3 → 5 millions d'euros cette année."
    )
    assert answer_units(line) == [
        "Elle passera par :",
        "→ la création d'un fonds forêt doté de 150 millions d'euros pour aider les propriétaires ;",
        "→ un renforcement des dispositifs de soutien aux entreprises de la filière bois ;",
        "→ le développement d'une couverture LiDAR HD (Light detection and ranging) par l'IGN.",
        "Le montant passe de 3 → 5 millions d'euros cette année.",
    ]


def test_a_sentence_longer_than_the_maximum_stays_whole_in_its_own_chunk():
    params = ChunkingParams(target_chars=200, max_chars=300, min_chars=50)
    giant = "Une phrase interminable " + "qui énumère les acteurs, " * 30 + "et se termine enfin."
    text = f"Une courte phrase d'introduction. {giant} Une courte phrase de conclusion."
    chunks = chunk_pages([Page("doc.txt", 1, text)], params)
    assert any(c.text == giant for c in chunks)
    assert all(len(c.text) <= params.max_chars or c.text == giant for c in chunks)


def test_chunks_are_sized_for_reading_by_default():
    params = ChunkingParams()
    chunks = chunk_pages([Page("doc.txt", 1, "\n\n".join(" ".join(sentences(8, f"le projet {k}")) for k in range(6)))])
    assert all(len(c.text) <= params.max_chars for c in chunks)
    assert sum(len(c.text) for c in chunks) / len(chunks) <= 1200


def test_section_heading_is_carried_to_the_next_pages_and_reset_per_file():
    pages = [
        Page("a.txt", 1, "CHAMP D'ACTION #3\n\nFaciliter l'accès au foncier.\n\n" + " ".join(sentences(3))),
        Page("a.txt", 2, " ".join(sentences(3, "la foncière solidaire"))),
        Page("b.txt", 1, " ".join(sentences(3, "la régie de quartier"))),
    ]
    chunks = chunk_pages(pages, rules=REPORT_RULES)
    by_page = {(c.source, c.page): c.section for c in chunks}
    assert by_page[("a.txt", 1)].startswith("CHAMP D’ACTION #3")
    assert by_page[("a.txt", 2)].startswith("CHAMP D’ACTION #3")
    assert by_page[("b.txt", 1)] == ""


def test_markdown_headings_are_sections():
    """« # » opens a part, « ## » and deeper a sub-part, even right after a paragraph's last line; the passage reads
    the title without its marks; a « # » glued to a word is no heading."""
    text = (
        "# Guide de l'utilisateur\n\n" + " ".join(sentences(2, "le guide"))
        + "\n## À propos du logiciel\n" + " ".join(sentences(2, "la version"))
        + "\n\n### Gestion de la protection ###\n" + " ".join(sentences(2, "la protection")) + "\n#hashtag dans le texte"
    )
    chunks = chunk_pages([Page("guide.md", 1, text)])
    section_of = {word: next(c.section for c in chunks if f"{word} numéro" in c.text) for word in ("guide", "version", "protection")}
    assert section_of["guide"] == "Guide de l'utilisateur"
    assert section_of["version"] == f"Guide de l'utilisateur{SECTION_SEPARATOR}À propos du logiciel"
    assert section_of["protection"] == f"Guide de l'utilisateur{SECTION_SEPARATOR}Gestion de la protection"
    assert not any(line.startswith("#") and " " in line[:7] for c in chunks for line in c.text.split("\n"))
    assert any("#hashtag" in c.text for c in chunks)


def test_zoom_heading_nests_under_its_part():
    text = (
        "CHAMP D'ACTION #3\n\nFaciliter l'accès au foncier.\n\n"
        + " ".join(sentences(2))
        + "\n\nZoom sur\n\nLa création du tiers-lieu KaléidosCOOP\n\n"
        + " ".join(sentences(2, "le tiers-lieu"))
    )
    chunks = chunk_pages([Page("doc.txt", 1, text)], rules=REPORT_RULES)
    sections = [c.section for c in chunks if "tiers-lieu numéro" in c.text]
    assert sections and all(s == f"CHAMP D’ACTION #3{SECTION_SEPARATOR}Zoom sur La création du tiers-lieu KaléidosCOOP" for s in sections)


def test_chunk_ids_are_unique_and_stable():
    pages = [Page("doc.txt", n, " ".join(sentences(10, f"page {n}"))) for n in (1, 2, 3)]
    first, second = chunk_pages(pages), chunk_pages(pages)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)
    assert all(c.id.startswith(f"doc.txt:p{c.page}:") for c in first)


def test_citation_names_file_page_and_section():
    chunk = chunk_pages([Page("rapport.pdf", 4, "CHAMP D'ACTION #2\n\n" + " ".join(sentences(2)))])[-1]
    assert chunk.citation == f"rapport.pdf · p. 4 · {chunk.section}"
    assert chunk_pages([Page("notes.txt", 1, "Une phrase sans titre.")])[0].citation == "notes.txt · p. 1"


def test_a_citation_renders_the_string_readers_check():
    cite = Citation("metropoles-ess.txt", 17, "CHAMP D’ACTION #3 › Zoom sur KaléidosCOOP")
    assert cite.label == "metropoles-ess.txt · p. 17 · CHAMP D’ACTION #3 › Zoom sur KaléidosCOOP"
    assert Citation("notes.txt", 1).label == Citation("notes.txt", 1, "").label == "notes.txt · p. 1"
    assert cite.to_dict() == {"source": "metropoles-ess.txt", "page": 17, "section": "CHAMP D’ACTION #3 › Zoom sur KaléidosCOOP"}
    chunk = chunk_pages([Page("rapport.pdf", 4, "CHAMP D'ACTION #2\n\n" + " ".join(sentences(2)))])[-1]
    assert chunk.cite == Citation("rapport.pdf", 4, chunk.section) and chunk.citation == chunk.cite.label


def test_blank_pages_give_no_chunk_but_keep_the_numbering():
    chunks = chunk_pages([Page("doc.txt", 1, "Première page."), Page("doc.txt", 2, "   \n\n "), Page("doc.txt", 3, "Troisième page.")])
    assert [(c.page, c.text) for c in chunks] == [(1, "Première page."), (3, "Troisième page.")]


# --- sections from a PDF's outline ----------------------------------------------------------------


def outlined(page: int, text: str, *entries: tuple[str, ...], label: str = "") -> Page:
    """A page of a PDF with an outline: the entries that point to it."""
    return Page("guide.pdf", page, text, label, tuple(entries))


def sections_of(chunks) -> list[tuple[int, str, str]]:
    return [(c.page, c.section, c.text.split("\n")[0].split(".")[0]) for c in chunks]


def test_outline_titles_open_nested_sections_where_they_are_printed():
    pages = [
        outlined(1, "Guide de la ressourcerie\n\nUn guide pour les bénévoles."),
        outlined(
            2,
            "Collecter les objets\nLa ressourcerie collecte les objets. Elle les trie.\n"
            "\uf0a5 Apport volontaire\nLes habitants déposent leurs objets. Ils sont pesés.",
            ("Collecter les objets",),
            ("Collecter les objets", "\uf0a5 Apport volontaire"),
        ),
        outlined(3, "Les objets sont rangés par famille. Chaque famille a son rayon.\n\nVendre\nLa boutique ouvre le samedi.", ("Vendre",)),
    ]
    assert sections_of(chunk_pages(pages)) == [
        (1, "", "Guide de la ressourcerie"),
        (2, "Collecter les objets", "Collecter les objets"),
        (2, f"Collecter les objets{SECTION_SEPARATOR}Apport volontaire", "• Apport volontaire"),
        (3, f"Collecter les objets{SECTION_SEPARATOR}Apport volontaire", "Les objets sont rangés par famille"),  # carried over
        (3, "Vendre", "Vendre"),
    ]


def test_a_heading_with_nothing_under_it_starts_the_passage_of_the_next_one():
    """'2 Enquête' then '2.1 Méthodologie': no passage of two words, the part's title opens its first subsection's."""
    text = "Enquête\nMéthodologie\nL'enquête a été menée au cours de l'été auprès des collectivités.\nRésultats\nLa moitié a répondu."
    outline = ("Enquête",), ("Enquête", "Méthodologie"), ("Enquête", "Résultats")
    chunks = chunk_pages([outlined(1, text, *outline)])
    assert [(c.section, c.text.split("\n")[:2]) for c in chunks] == [
        (f"Enquête{SECTION_SEPARATOR}Méthodologie", ["Enquête", "Méthodologie"]),
        (f"Enquête{SECTION_SEPARATOR}Résultats", ["Résultats", "La moitié a répondu."]),
    ]


def test_a_passage_that_starts_inside_a_table_repeats_its_header():
    """Rows of a label / value table cut over two passages: the second one starts with the table's header,
    as a printed table repeats it; the first row's label is never cut from its value."""
    names = ["Brest Métropole", "Dijon Métropole", "Nantes Métropole", "Rennes Métropole", "Toulouse Métropole", "Grand Nancy", "Metz Métropole"]
    rows = "\n\n".join(f"{name}\n\nDirection de l’économie sociale et solidaire et de l’emploi" for name in names)
    text = f"Chaque ville a désigné un service référent pour l’économie sociale et solidaire.\n\nMétropole Service référent\n\n{rows}"
    chunks = chunk_pages([Page("doc.txt", 1, text)], ChunkingParams(target_chars=300, max_chars=400, min_chars=100))
    assert len(chunks) >= 2
    assert chunks[0].text.split("\n")[1:3] == ["Métropole Service référent", "Brest Métropole"]
    for chunk in chunks[1:]:
        header, label, value = chunk.text.split("\n")[:3]
        assert header == "Métropole Service référent" and label in names and value.startswith("Direction"), chunk.text
    # without a sentence before them, short lines are no header: a fact sheet's box is no table
    boxed = chunk_pages([Page("doc.txt", 1, f"OBSERVER\n\nMétropole Service référent\n\n{rows}")], ChunkingParams(target_chars=300, max_chars=400, min_chars=100))
    assert not any(c.text.startswith("Métropole Service référent") for c in boxed[1:])


def test_two_passages_of_a_table_joined_read_as_printed():
    """Shown as one passage, two passages of a table give its header once, as the page prints it; a first line
    the passage before does not have is kept."""
    names = ["Brest Métropole", "Dijon Métropole", "Nantes Métropole", "Rennes Métropole", "Toulouse Métropole"]
    rows = "\n\n".join(f"{name}\n\nDirection de l’économie sociale et solidaire et de l’emploi" for name in names)
    text = f"Chaque ville a désigné un service référent pour l’économie sociale et solidaire.\n\nMétropole Service référent\n\n{rows}"
    chunks = chunk_pages([Page("doc.txt", 1, text)], ChunkingParams(target_chars=300, max_chars=400, min_chars=100))
    assert chunks[1].text.startswith("Métropole Service référent\n")
    assert match_key(joined_text([c.text for c in chunks])) == match_key(text)
    assert joined_text(["Le premier paragraphe.", "Le second.\nSa suite."]) == "Le premier paragraphe.\nLe second.\nSa suite."


def test_an_outline_title_printed_over_two_lines_or_without_accents_is_found():
    text = "Fin de la partie précédente.\n\nÉtape 2 : créer votre\nrestaurant collectif\nAvant de commencer, réunissez les informations."
    chunks = chunk_pages([outlined(1, "Début.", ("Etape 1",)), outlined(2, text, ("Etape 2 : Créer votre restaurant collectif",))])
    assert sections_of(chunks)[1:] == [
        (2, "Etape 1", "Fin de la partie précédente"),
        (2, "Etape 2 : Créer votre restaurant collectif", "Étape 2 : créer votre restaurant collectif"),
    ]


def test_an_outline_entry_not_printed_on_its_page_applies_from_the_top_of_the_page():
    chunks = chunk_pages([outlined(1, "Introduction du guide.", ("Introduction",)), outlined(2, "Annexes du guide.", ("Annexes",))])
    assert [(c.page, c.section) for c in chunks] == [(1, "Introduction"), (2, "Annexes")]


def test_with_an_outline_heading_cues_in_the_text_open_no_section():
    chunks = chunk_pages([outlined(1, "CHAMP D'ACTION #3\n\nFaciliter l'accès au foncier.", ("Foncier",))])
    assert {c.section for c in chunks} == {"Foncier"}


def test_chunks_carry_their_page_label():
    chunks = chunk_pages([outlined(3, "Texte de la page.", ("Partie",), label="1")])
    assert chunks[0].label == "1" and chunks[0].citation == "guide.pdf · p. 1 · Partie" and chunks[0].cite.page == 3


# --- the bundled report --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report():
    loaded = load_pages(CORPUS)
    return loaded.pages, chunk_pages(loaded.pages, rules=REPORT_RULES)


def test_report_has_its_64_pages(report):
    pages, chunks = report
    assert [p.page for p in pages] == list(range(1, 65))
    assert {c.source for c in chunks} == {REPORT}


def test_every_report_chunk_is_found_on_its_own_page(report):
    pages, chunks = report
    cleaned = {p.page: match_key(clean_page_text(p.text)) for p in pages}
    # The original page with only its bullet glyphs ('zz �') taken out: match keys ignore spacing,
    # line breaks and hyphens, so the citation's page holds every word of the chunk as extracted
    # (not always contiguously: a pull quote removed between two lines joins them).
    raw = {p.page: match_key(clean_bullets(p.text)) for p in pages}
    for chunk, text in zip(chunks, own_text(chunks, pages)):
        key = match_key(text)
        assert key in cleaned[chunk.page], chunk.id
        missing = [w for w in chunk.text.split() if match_key(w) not in raw[chunk.page]]
        assert not missing, (chunk.id, missing)


def test_report_chunks_cover_each_cleaned_page_exactly_in_order(report):
    pages, chunks = report
    keys = page_keys(chunks, pages)
    for page in pages:
        assert keys.get((REPORT, page.page), "") == match_key(clean_page_text(page.text)), f"page {page.page}"


def test_report_chunks_are_bounded_and_whole(report):
    _, chunks = report
    params = ChunkingParams()
    for chunk in chunks:
        assert chunk.text == chunk.text.strip() and chunk.text
        if len(chunk.text) > params.max_chars:
            assert len(split_sentences(chunk.text)) == 1, chunk.id
    assert sum(len(c.text) for c in chunks) / len(chunks) <= 1200
    assert len({c.id for c in chunks}) == len(chunks)


def test_report_sections(report):
    _, chunks = report
    sections = {c.section for c in chunks}
    assert "CHAMP D’ACTION #3" in sections
    assert "Fiches métropoles › Nantes Métropole" in sections
    assert "Fiches métropoles › Toulouse Métropole" in sections
    assert any(s.startswith("CHAMP D’ACTION #3 › Zoom sur") and "KaléidosCOOP" in s for s in sections)
    assert any(s.startswith("La parole à Johanna Rolland") for s in sections)
    kaleidos = [c for c in chunks if "KaléidosCOOP" in c.section]
    assert kaleidos and {c.page for c in kaleidos} == {17}
    nantes_sheet = [c for c in chunks if c.section == "Fiches métropoles › Nantes Métropole"]
    assert {c.page for c in nantes_sheet} == {54}


def test_a_divider_page_with_only_a_title_opens_a_section():
    pages = [
        Page("r.txt", 1, "Conclusion\n\nLes métropoles soutiennent l'ESS de bien des façons."),
        Page("r.txt", 2, "Pour aller plus loin"),
        Page("r.txt", 3, "Les publications\n\nUn guide pratique sur les contrats de ville."),
    ]
    sections = {c.page: c.section for c in chunk_pages(pages)}
    assert sections[2] == "Pour aller plus loin"


TABLE_ROWS = [
    ("Brest Métropole", "Vice-Président en charge du numérique, de l’ESS, du développement durable"),
    ("Dijon Métropole", "Non renseigné"),
    ("Grenoble-Alpes Métropole", "Vice-Président délégué à l’insertion, l’emploi et l’ESS"),
    ("Eurométropole de Strasbourg", "Vice-Président en charge du soutien et du développement de l’ESS"),
    ("Orléans Métropole", "Vice-Président en charge de l’emploi"),
    ("Nantes Métropole", "Vice-Présidente déléguée à l’ESS et à l’économie circulaire"),
    ("Toulouse Métropole", "Conseillère métropolitaine en charge de l’ESS"),
]


def test_a_table_row_label_is_never_cut_from_its_value():
    # a two-column table as pdf text gives it: each cell a block of its own
    text = "Élus référents\n\n" + "\n\n".join(f"{label}\n\n{value}" for label, value in TABLE_ROWS)
    chunks = chunk_pages([Page("doc.txt", 1, text)], ChunkingParams(target_chars=150, max_chars=250, min_chars=50))
    assert len(chunks) >= 3
    for chunk in chunks:
        lines = chunk.text.split("\n")
        assert lines[-1] not in {label for label, _ in TABLE_ROWS}, chunk.text  # a label never ends a passage
        assert lines[0] not in {value for _, value in TABLE_ROWS}, chunk.text  # nor a value starts one


def test_answer_units_read_a_table_row_as_one_line():
    from ingest.units import answer_units, is_row_label

    units = answer_units("\n".join(f"{label}\n{value}" for label, value in TABLE_ROWS))
    assert units == [f"{label} : {value}" for label, value in TABLE_ROWS]
    # running text, headings and list items are not row labels
    for line in ("Non renseigné", "Carte d’identité du territoire", "Les SCIC présentent plusieurs particularités :", "En 2018, 3 initiatives"):
        assert not is_row_label(line), line


def test_a_table_cell_that_spans_two_rows_is_read_with_both():
    """pypdf reads a cell spanning two rows once, the second row with an empty first cell (« | Mayotte | 5 % | 2 % »):
    that row is read with the cell above, so that « Mayotte jusqu'au 31/12/2025 » finds its own row."""
    from ingest.units import answer_units

    table = (
        "| | Produits durables et de qualité | Produits Bio\n"
        "Jusqu'au 31/12/2025 | DROM hors Mayotte | 20 % | 5 %\n| Mayotte | 5 % | 2 %\n"
        "Jusqu'au 31/12/2029 | DROM hors Mayotte | 35 % | 10 %\n| Mayotte | 15 % | 5 %\n| total | 2 %"
    )
    rows = [unit.split("\n")[-1] for unit in answer_units(table)]
    assert "Jusqu'au 31/12/2025 | Mayotte | 5 % | 2 %" in rows and "Jusqu'au 31/12/2029 | Mayotte | 15 % | 5 %" in rows
    assert "| total | 2 %" in rows  # fewer cells than the row above: not that row's sequel


def test_a_strip_of_key_figures_is_cut_from_the_sentence_after_it():
    """A designed page's figures and their labels in capitals, read in one line with the box that follows."""
    from ingest.units import answer_units

    line = (
        "900 000 PERSONNES 82 PROJETS CITOYENS LABELLISÉS PAR ENERGIE PARTAGÉE KWALA FAYA COOP (Guyane) "
        "Kwala Faya est une coopérative qui électrifie les habitations de communes rurales isolées."
    )
    assert answer_units(line) == [
        "900 000 PERSONNES 82 PROJETS CITOYENS LABELLISÉS PAR ENERGIE PARTAGÉE KWALA FAYA COOP (Guyane)",
        "Kwala Faya est une coopérative qui électrifie les habitations de communes rurales isolées.",
    ]
    # a title in capitals without figures names what its text is about: it stays with it
    titled = "CLASSEMENT DU RÉSEAU DE GRENOBLE Le classement est adopté pour une durée de 15 ans."
    assert answer_units(titled) == [titled]
    # acronyms in a sentence are no run of capitals
    sentence = "La loi ESS de 2014 reconnaît les SCIC et les SCOP CAE ESUS comme entreprises de l'ESS."
    assert answer_units(sentence) == [sentence]


def test_mostly_capitals_tells_a_banner_from_a_sentence():
    from ingest.french import mostly_capitals

    assert mostly_capitals("493 200 DÉPARTS EN RETRAITE ESTIMÉS D’ICI À 2026 32,1% DE TEMPS PARTIEL")
    assert not mostly_capitals("La CRESS et l'URSCOP accompagnent les SCIC et les CAE de la région.")
    assert not mostly_capitals("CCAS, CIAS")  # too short to tell: a list of acronyms


def test_the_line_that_opens_a_legal_article_is_no_part_of_its_first_sentence():
    """A code's article as Légifrance prints it: its number and the text that last amended it, then its text."""
    from ingest.structure import split_blocks

    page = (
        "L. 2143-14 Ordonnance 2007-329 2007-03-12 JORF 13 mars 2007 - Conseil Constit. 2010-89 QPC\n"
        "Les délégués syndicaux sont tenus au secret professionnel pour toutes les questions relatives aux\n"
        "procédés de fabrication, dans les conditions prévues à l'article\n"
        "L. 2122-5 du présent code.\n"
        "Article 3 - Les dispositions du présent décret entrent en vigueur le 1er janvier."
    )
    blocks = split_blocks(page)
    assert blocks[0] == ["L. 2143-14 Ordonnance 2007-329 2007-03-12 JORF 13 mars 2007 - Conseil Constit. 2010-89 QPC"]
    assert blocks[1][0].startswith("Les délégués syndicaux") and blocks[1][-1] == "L. 2122-5 du présent code."  # a wrapped reference
    assert blocks[2] == ["Article 3 - Les dispositions du présent décret entrent en vigueur le 1er janvier."]
    chunks = chunk_pages([Page(source="code.pdf", page=1, text=page)])
    assert "Les délégués syndicaux sont tenus" in chunks[0].text and "QPC Les délégués" not in chunks[0].text
