"""Cleaning extraction artefacts: running headers and footers across a file's pages; on one page,
bullets, hyphenation, spacing, pull quotes, leader dots, numbered notes."""

from __future__ import annotations

import pytest

from pathlib import Path

from ingest.clean import (
    collapse_overprinted_lines,
    clean_bullets,
    clean_leaders,
    clean_page_text,
    clean_title,
    normalize_spaces,
    remove_pull_quotes,
    read_running_lines,
    remove_running_lines,
    running_lines,
)
from ingest.footnotes import attach_footnotes
from ingest.french import join_hyphenated_lines, join_letter_spaced, match_key

LONG_LINE = "Ce paragraphe assez long décrit comment les métropoles soutiennent les acteurs de l'économie sociale et solidaire."


# --- bullets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("zz \ufffdSubventionnement des structures", "• Subventionnement des structures"),
        ("zz\ufffd Appels à projets", "• Appels à projets"),
        ("• \ufffdSoutien aux SCIC", "• Soutien aux SCIC"),
        ("\ufffd• \ufffdMise à disposition de locaux", "• Mise à disposition de locaux"),
        ("\uf0b7 Accompagnement", "• Accompagnement"),
        ("\uf06e\u00a0le syndic, mandataire du syndicat ;", "• le syndic, mandataire du syndicat ;"),  # any symbol-font glyph
    ],
)
def test_bullet_noise_becomes_one_clean_bullet(raw, expected):
    assert clean_page_text(raw) == expected


def test_every_bullet_of_a_list_keeps_its_own_line():
    raw = "Les outils :\nzz \ufffdSubventions\nzz \ufffdPrêts d'honneur\n• \ufffdGaranties"
    assert clean_page_text(raw) == "Les outils :\n• Subventions\n• Prêts d'honneur\n• Garanties"


def test_stray_replacement_characters_disappear_but_words_stay():
    assert clean_bullets("l'\ufffdéconomie sociale\ufffd") == "l'économie sociale"
    assert "\ufffd" not in clean_page_text("a\ufffdb \ufffd\ufffd c")


def test_zz_inside_a_word_is_not_a_bullet():
    assert clean_page_text("Le jazz \ufffd est joué") == "Le jazz est joué"
    assert clean_page_text("zzz est une onomatopée") == "zzz est une onomatopée"


# --- hyphenation across lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("le dévelop-\npement de l'ESS", "le développement de l'ESS"),
        ("les coopé-\nratives", "les coopératives"),
        ("l'accompa-\n\ngnement des projets", "l'accompagnement des projets"),  # blank line of a column break
        ("la métropole d'Aix-Marseille-\nProvence soutient", "la métropole d'Aix-Marseille-Provence soutient"),
        ("Saint-\nÉtienne Métropole", "Saint-Étienne Métropole"),
        ("la période 2015-\n2020", "la période 2015-2020"),
        ("a-t-\nil dit", "a-t-il dit"),
        ("les non-\nsalariés", "les non-salariés"),
        ("un face-à-\nface", "un face-à-face"),  # a compound chain keeps its hyphens
        ("metropole.rennes.fr/economie-sociale-\n\nle-pari", "metropole.rennes.fr/economie-sociale-le-pari"),  # web address
        # an address that goes on after the line's end keeps its hyphen (« macantine.agriculture.gouv.fr » was read)
        ("sur ma-\ncantine.agriculture.gouv.fr ou à support-\negalim@beta.gouv.fr", "sur ma-cantine.agriculture.gouv.fr ou à support-egalim@beta.gouv.fr"),
        # a prefix or capitals keep no hyphen when the page writes the word whole (« mi-nistère », « SER-VICE » were read)
        ("le mi-\nnistère et le ministère ; le SER-\nVICE et le service", "le ministère et le ministère ; le SERVICE et le service"),
        # a compound's linking word that goes on with a hyphen (« rezde-chaussée », « visà-vis » were read)
        ("au rez-\nde-chaussée, vis-\nà-vis de Berneuil-\nsur-Aisne ; re-\ncouvrent-ils", "au rez-de-chaussée, vis-à-vis de Berneuil-sur-Aisne ; recouvrent-ils"),
        ("voir la capture ci-\ndessous", "voir la capture ci-dessous"),
        ("en liaison avec celle-\nci.", "en liaison avec celle-ci."),
        ("les établissements médico-sociaux et l'action médico-\nsociale", "les établissements médico-sociaux et l'action médico-sociale"),
        ("l'action médico-\nsociale", "l'action médicosociale"),  # no sign on the page that it is a compound
        ("la for -\nmation des gou -\nvernances", "la formation des gouvernances"),  # a layout that spaces the hyphen
        # two words of the lexicon that are none written as one: a compound (« savoirfaire », « Îlede-France » were read)
        ("les savoir-\nfaire indispensables", "les savoir-faire indispensables"),
        ("le bien-\nêtre des résidents, le fait-\nmaison", "le bien-être des résidents, le fait-maison"),
        ("en Île-\nde-France", "en Île-de-France"),
        ("pour-\ntant, le défraie-\nment et la dé-\nmatérialisation", "pourtant, le défraiement et la dématérialisation"),
        ("Loi ESS -\nArticle 3, la loi n° 2014 -\n856", "Loi ESS -\nArticle 3, la loi n° 2014 -\n856"),  # a dash, a range
    ],
)
def test_hyphenation_joined_only_where_a_word_was_cut(raw, expected):
    assert join_hyphenated_lines(raw) == expected
    assert clean_page_text(raw) == expected


def test_hyphen_not_at_a_line_end_is_kept():
    assert clean_page_text("l'économie socio-solidaire") == "l'économie socio-solidaire"


def test_ligatures_and_glyph_names_are_read_as_text():
    """« ofﬁces » is shown and copied as « offices »; a glyph's name that extraction writes for a symbol
    (« /triangle-right ») opens an item as a bullet, and goes elsewhere; a web address's path stays."""
    cleaned = clean_page_text("le ﬁlm des ofﬁces\n/triangle-right lourdeur des bacs\nla chauffe. /triangle-right /triangle-right voir https://a.fr/x-y")
    assert cleaned == "le film des offices\n• lourdeur des bacs\nla chauffe. voir https://a.fr/x-y"


def test_a_capitals_form_of_a_sign_written_by_its_glyphs_name_is_the_sign():
    """A guide's titles in capitals use the capital's forms of brackets, quotation marks and hyphens, which pypdf
    writes by name (« GARANTIE /parenleft.caseSTG/parenright.case », « DATES/hyphen.caseCLÉS »): read as the signs;
    a web address's path stays."""
    cleaned = clean_page_text("GARANTIE /parenleft.caseSTG/parenright.case\nMENTION /guillemetleft.case FERMIER /guillemetright.case\nDATES/hyphen.caseCLÉS voir https://a.fr/hyphen/case.html")
    assert cleaned == "GARANTIE (STG)\nMENTION « FERMIER »\nDATES-CLÉS voir https://a.fr/hyphen/case.html"


def test_a_ligature_written_by_its_glyphs_name_is_its_letters():
    """An InDesign guide's ligatures come out of pypdf by their glyph's name (« l'e/f_f.shorticience », « /f_inancé
    par », « ré/f_lexion »): read as their letters, so the words are found and shown whole; a web address's path with
    words joined by « _ » stays."""
    cleaned = clean_page_text("améliorer l’e/f_f.shorticience des doses\nProjet /f_inancé par le CASDAR\nune ré/f_lexion voir https://a.fr/de_la_diminution")
    assert cleaned == "améliorer l’efficience des doses\nProjet financé par le CASDAR\nune réflexion voir https://a.fr/de_la_diminution"


def test_small_capitals_read_with_lower_case_accents_are_written_in_capitals():
    """pypdf reads some small capitals with their accented letters in lower case (« RèGLEMENT DE LA CONSULTATION »):
    written « RÈGLEMENT »; a short abbreviation (« PàP », porte-à-porte) and words in lower case stay."""
    cleaned = clean_page_text("Le RèGLEMENT DE LA CONSULTATION fixe les CRITèRES. Collecte en PàP, été comme hiver.")
    assert cleaned == "Le RÈGLEMENT DE LA CONSULTATION fixe les CRITÈRES. Collecte en PàP, été comme hiver."


def test_a_unit_after_a_degree_sign_joins_no_word():
    """« 0°C et » stays: « C » is the unit of a temperature, not a piece of the « Cet » the document writes elsewhere."""
    from ingest.french import join_split_words

    body = "Cet avis. Cet outil. Cet été. Cet usage. Cet homme. "
    assert join_split_words([body, "transportés entre 0°C et + 4 °C, lavées à 90 °C et séchées"])[1] == "transportés entre 0°C et + 4 °C, lavées à 90 °C et séchées"


def test_a_word_a_narrow_cell_cuts_at_a_lines_end_is_joined_where_the_document_writes_it_whole():
    """A table's narrow column wraps its words without hyphens (« gouvernanc⏎e ⏎démocratiq⏎ue », « déon⏎tolog⏎ie »):
    joined when the document writes the word whole and a piece is written nowhere else; a long line's last word and
    the next line's first stay apart, and so do two words of the document (« pour⏎suivre »)."""
    from ingest.french import join_split_words

    body = "La gouvernance démocratique, la déontologie et l'élaboration. Une gouvernance démocratique ; sa déontologie ; son élaboration. Poursuivre, poursuivre. "
    cells = "1. Modalités \neffectives de \ngouvernanc\ne \ndémocratiq\nue \n8. Éthique \net \ndéon\ntolog\nie \ndans l’élaboratio\nn de la stratégie\nSe former pour\nsuivre"
    assert join_split_words([body, cells])[1] == (
        "1. Modalités \neffectives de \ngouvernance \ndémocratique \n8. Éthique \net \ndéontologie \n"
        "dans l’élaboration de la stratégie\nSe former pour\nsuivre"
    )
    prose = "Les membres se réunissent chaque année pour élire la gouvernanc\ne qui porte le projet."
    assert join_split_words([body, prose])[1] == prose  # a long line: a word cut there is no column's


def test_a_word_split_once_is_joined_when_it_is_french_and_a_piece_no_word():
    """pypdf splits some words by a space inside them (« L’ajo ut », « mu ltipliée », « incertit ude », a referential's
    text), words the document writes nowhere else whole: joined when the whole is a French word of five letters or more,
    a piece of two letters or more is no French word nor written elsewhere, and no piece is a function word (« de vale
    urs » is « de valeurs », not « dévale urs »); two words stay apart (« pour suivre », « en fin de compte »)."""
    from ingest.french import join_split_words

    text = "L’ajo ut d’un indicateur est mu ltipliée par deux, l’incertit ude des méth odes ; de vale urs. Pour suivre, en fin de compte."
    assert join_split_words([text])[0] == "L’ajout d’un indicateur est multipliée par deux, l’incertitude des méthodes ; de valeurs. Pour suivre, en fin de compte."
    # a piece with an accent is a word as written, not once its accents are folded: « carrièr » is no « carrier »
    assert join_split_words(["l’exploitation d’une carrièr e d’argile"])[0] == "l’exploitation d’une carrière d’argile"


def test_a_word_split_in_four_or_by_an_accented_piece_is_joined():
    """A shaded box read letter-spaced (« Le mé dia teu r national … est comp ét ent »): four pieces make one word (not
    « média teu r »), and « ét » is no function word, though « et » is once its accent is folded."""
    from ingest.french import join_split_words

    text = "« Le mé dia teu r national de l’énergie est comp ét ent pour les litiges. » Le médiateur répond. Le médiateur tranche."
    assert join_split_words([text])[0].startswith("« Le médiateur national de l’énergie est compétent pour les litiges. »")
    assert join_split_words(["le prix et la qualité"])[0] == "le prix et la qualité"


def test_a_french_word_with_accents_is_one_as_written():
    """« arêté » is a typo of the « arrêté » a guide writes, not the « arête » its folded form is; a word typed without
    its accents is still French (« evenement », « amende »)."""
    from ingest.french import is_french_word

    assert not is_french_word("arêté") and not is_french_word("carrièr")
    assert is_french_word("arrêté") and is_french_word("evenement") and is_french_word("Événement") and is_french_word("amende")


def test_the_feminine_of_a_noun_of_office_is_a_french_word():
    """A lexicon may lack the feminine forms of nouns of office (« autrice », « auteure », « cheffe »): « Qui sont les
    autrices de ce kit ? » was refused, « autrices » read as a word the document never mentions. Each is French when its
    masculine is; a word that only ends that way and whose masculine is no word stays none."""
    from ingest.french import is_french_word

    for word in ("autrices", "autrice", "auteure", "cheffes", "professeures", "Autrices"):
        assert is_french_word(word), word
    assert not is_french_word("zorbatrice") and not is_french_word("glimeure")


def test_words_split_by_letter_spacing_are_joined_where_the_document_writes_them_whole():
    """pypdf reads letter-spaced lines with spaces inside words (« f ait », « v éhicules », « Expl oitant »): a piece
    that is no word of the document (one letter but « a », « à », « y », or written alone far less often than the
    whole) joins the next; two words of the document stay apart (« en fin de », « main courante »), and a data
    model's « valideDe » joins nothing."""
    from ingest.french import join_split_words

    body = (
        "Le fait est là : les véhicules et les valeurs sont fixés, l'exploitant le fait. Les véhicules roulent. "
        "Le fait demeure, les véhicules aussi, les valeurs aussi ; l'Exploitant répond, l'exploitant signe, un exploitant. "
        "Enfin la main courante, la main, une courante. valideDe valideDe valideDe : une date valide, de fait. "
    )
    split = "Ce calcul est f ait pour les v éhicules et des v aleurs par l'Expl oitant. Il a été prévu en fin de mois, le long de la main courante, valide de 2020."
    joined = join_split_words([body, split])[1]
    assert "est fait pour les véhicules et des valeurs par l'Exploitant" in joined, joined
    assert "Il a été prévu en fin de mois" in joined and "main courante" in joined and "valide de 2020" in joined, joined
    assert join_split_words([body]) == [body]
    # an acronym before a word stays apart, though a web address writes them as one (« tcocertified.com »)
    labels = "Le label TCO certified, voir tcocertified.com ou www.tcocertified.com. TCO certified encore."
    assert join_split_words([labels]) == [labels]
    # a word a hyphen cuts inside a flattened table's cell, written whole elsewhere; a suspended hyphen stays
    cells = "Label | NF Environ- nement | ren- dement\nL'environnement et le rendement ; les pré- et post-traitements."
    assert join_split_words([cells]) == ["Label | NF Environnement | rendement\nL'environnement et le rendement ; les pré- et post-traitements."]
    # an item's code glued to the word before it goes apart; a word that ends so stays
    codes = "Optimiser le centre de donnéesh.3 et le pilotagea.3 ; les données, le pilotage, l'annexe.2, la fig.3."
    assert join_split_words([codes]) == ["Optimiser le centre de données h.3 et le pilotage a.3 ; les données, le pilotage, l'annexe.2, la fig.3."]
    # glued so on several pages: set apart on each, not joined again as a letter-spaced word written twice
    pages = ["Réduire le nombre d’équipementsd.1\nLes équipements.", "Séparer les achats d’équipementsd.4\nDes équipements."]
    assert join_split_words(pages) == ["Réduire le nombre d’équipements d.1\nLes équipements.", "Séparer les achats d’équipements d.4\nDes équipements."]
    # items lettered « a) », « b) », « c) » stay apart from the word before, though the text writes « etc. » often
    items = "les catégories 6° a), b) et c) du tableau, etc. ; les rubriques, etc. ; les annexes, etc."
    assert join_split_words([items]) == [items]


def test_a_number_sign_and_a_drop_caps_apostrophe_are_read_as_written():
    """« Loi n° 2014-856 » stays apart though the document writes « loin » (« pour aller plus loin »); a drop cap read
    apart from its apostrophe joins it (« L 'acheteur » -> « L'acheteur »)."""
    from ingest.french import join_split_words

    page = "Pour aller plus loin, la Loi n° 2014-856 et le N° 3 ; plus loin encore. L 'acheteur et d ’abord l 'offre."
    assert join_split_words([page]) == ["Pour aller plus loin, la Loi n° 2014-856 et le N° 3 ; plus loin encore. L'acheteur et d’abord l'offre."]
    # spaced after it, or at a line's end, before a word in lower case (« d' identifier », « de l’⏎établissement »)
    page = "Il faut d' identifier les causes, jusqu’ à 30 %, dans l’attente de l’\nétablissement. Le 'Guide' L' Europe"
    assert join_split_words([page]) == ["Il faut d'identifier les causes, jusqu’à 30 %, dans l’attente de l’établissement. Le 'Guide' L' Europe"]
    # spaced on both sides, as letter-spaced text is read (« l ’ outil de suivi d ’ achats »)
    assert join_split_words(["En utilisant l ’ outil de suivi d ’ achats, et le ’ 2"]) == ["En utilisant l’outil de suivi d’achats, et le ’ 2"]
    # a drop cap read as a line of its own joins its word, which the document writes elsewhere; a lone « A » is a word
    page = "PRÉFACE\nL\ne début du siècle, le temps des choix.\nA\nla suite de quoi, X\nyz."
    assert join_split_words([page]) == ["PRÉFACE\nLe début du siècle, le temps des choix.\nA\nla suite de quoi, X\nyz."]


def test_a_symbol_fonts_arrow_read_as_a_letter_opening_a_line_is_a_bullet():
    raw = "DURÉE DE LECTURE\n\tÆ Fiche : environ 15 mn\n\tÆ Annexes : environ 20 mn"
    assert clean_page_text(raw) == "DURÉE DE LECTURE\n• Fiche : environ 15 mn\n• Annexes : environ 20 mn"


def test_a_hollow_bullet_read_as_o_and_a_recognised_bullet_read_as_e_are_bullets():
    """« o Le montant de la DGF » (a word processor's hollow bullet), « e Entrée de ville » (character recognition's reading
    of « • »): no French word is « o » or « e » alone; before a lower-case word (« 4 » then « e catégorie », a drop cap's
    « e début ») the letter stays."""
    raw = "Les sites suivants :\ne Entrée de ville,\ne Camping et stade,\no Le montant de la DGF\nERP de 4\ne catégorie"
    assert clean_page_text(raw) == "Les sites suivants :\n• Entrée de ville,\n• Camping et stade,\n• Le montant de la DGF\nERP de 4\ne catégorie"


# --- whitespace ---------------------------------------------------------------------------------


def test_spaces_of_every_kind_fold_to_one_and_lines_are_trimmed():
    raw = "  un\u00a0\u00a0texte \t avec\u202fdes\u2009espaces   \nfin  "
    assert normalize_spaces(raw) == "un texte avec des espaces\nfin"


def test_blank_lines_keep_paragraphs_apart_but_never_more_than_one():
    assert clean_page_text("premier paragraphe.\n\n\n\n\nsecond paragraphe.") == "premier paragraphe.\n\nsecond paragraphe."


def test_windows_line_ends_control_characters_and_soft_hyphens_removed():
    assert clean_page_text("une ligne\r\nune autre\rfin") == "une ligne\nune autre\nfin"
    assert clean_page_text("texte\x07 avec\x00 contrôle et tir\u00ade invisible\u200b") == "texte avec contrôle et tire invisible"


def test_glyphs_pypdf_cannot_map_are_dropped_not_kept_as_lone_surrogates():
    # pypdf writes an icon it cannot map as lone surrogates, which no file can store (`ess-qa index` failed on them)
    text = clean_page_text("peuvent prendre la parole\n\udcf9\udcf9\nVous pouvez")
    assert text == "peuvent prendre la parole\n\nVous pouvez"
    text.encode("utf-8")


def test_composed_and_decomposed_accents_give_the_same_text():
    assert clean_page_text("e\u0301conomie") == clean_page_text("économie") == "économie"


# --- leader dots --------------------------------------------------------------------------------


def test_leader_dots_of_fact_sheets_become_label_value_pairs():
    raw = "Superficie.......3 173 km2\nPopulation..........1 898 950 hab.\nCommunes ........ 92"
    assert clean_page_text(raw) == "Superficie : 3 173 km2\nPopulation : 1 898 950 hab.\nCommunes : 92"


def test_ellipsis_and_sentence_dots_are_not_leaders():
    assert clean_leaders("Et ensuite... la suite.") == "Et ensuite... la suite."


# --- pull quotes --------------------------------------------------------------------------------


def test_pull_quote_repeating_the_page_is_removed():
    body = (
        "Pour la présidente, l'échelle métropolitaine est la plus pertinente pour consolider "
        "l'écosystème au cœur de notre agglomération et développer des coopérations."
    )
    quote = "l'échelle métropolitaine est la\nplus pertinente pour consolider\nl'écosystème au cœur de notre"
    page = f"{body}\n\n{quote}\n\n{LONG_LINE}"
    cleaned = clean_page_text(page)
    assert "plus pertinente pour consolider\n" not in cleaned
    assert cleaned.count("plus pertinente pour consolider") == 1
    assert body in cleaned and LONG_LINE in cleaned


def test_a_box_repeating_another_boxs_sentence_keeps_it():
    """Two boxes of a fact sheet's page end on the same sanction, set in short lines: the second is no pull quote,
    its sentence going on in the line right after the repeated lines."""
    sanction = "Quatre ans d’emprisonnement et\n150 000 € d’amende en cas de mauvaise\ngestion des déchets (dépôts sauvages,\ngestion par un organisme non agréé, etc.) selon le code de l'environnement."
    page = f"Les déchets dangereux\n{LONG_LINE}\n{sanction}\nLes DASRIA\n{LONG_LINE}\n{sanction}"
    assert clean_page_text(page).count("Quatre ans d’emprisonnement") == 2


def test_short_lines_that_repeat_nothing_are_kept():
    lines = "Nantes Métropole\nRennes Métropole\nBrest Métropole"
    page = f"{LONG_LINE}\n\n{lines}"
    assert clean_page_text(page) == page


def test_a_single_short_line_is_never_taken_for_a_pull_quote():
    page = f"Le RTES réunit des collectivités.\n\n{LONG_LINE}\n\nLe RTES réunit des collectivités."
    assert clean_page_text(page).count("Le RTES réunit des collectivités.") == 2


def test_text_repeated_twice_in_short_lines_keeps_one_copy():
    repeated = "Nantes Métropole et Rennes\nMétropole financent les SCIC"
    page = f"{repeated}\n\n{LONG_LINE}\n\n{repeated}"
    cleaned = clean_page_text(page)
    assert match_key(repeated) in match_key(cleaned)


def test_the_cut_end_of_a_list_item_is_no_pull_quote_of_the_next_item():
    """« … dans les ins-\\ntances dirigeantes (comité de direction, » ends like the next item: both stay whole."""
    page = (
        "Indicateurs potentiels\n• Taux de femmes et d’hommes dans les ins-\ntances dirigeantes (comité de direction,\n"
        "conseils d’administration)\n• Taux de jeunes dans les instances dirigeantes\n(comité de direction, conseils d’administration)"
    )
    cleaned = clean_page_text(page)
    assert "Taux de femmes et d’hommes dans les instances dirigeantes (comité de direction,\nconseils d’administration)" in cleaned
    assert "Taux de jeunes dans les instances dirigeantes\n(comité de direction, conseils d’administration)" in cleaned


def test_pull_quote_removal_leaves_every_line_content_somewhere_on_the_page():
    body = "Selon l'Avise, la coopération entre les acteurs de l'ESS et les métropoles est essentielle pour le territoire."
    quote = "la coopération entre les\nacteurs de l'ESS et les\nmétropoles est essentielle"
    page = f"{body}\n\n{quote}\n\n{LONG_LINE}"
    removed = remove_pull_quotes(page)
    assert "acteurs de l'ESS et les\n" not in removed
    for line in page.split("\n"):
        assert match_key(line) in match_key(removed)


# --- symbol-font glyphs and titles ---------------------------------------------------------------


def test_symbol_font_glyphs_never_reach_the_text():
    cleaned = clean_page_text("\uf0a5 Le numéro SIRET\nIl identifie \uf0e0 l'établissement.")
    assert cleaned == "• Le numéro SIRET\nIl identifie l'établissement."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\uf0a5 Le numéro SIRET", "Le numéro SIRET"),
        ("• Découvrir ma cantine", "Découvrir ma cantine"),
        ("  Étape 2 :\u00a0Créer   votre compte ", "Étape 2 : Créer votre compte"),
        ("1. Les objectifs à atteindre", "1. Les objectifs à atteindre"),
    ],
)
def test_titles_lose_their_bullets_and_glyphs(raw, expected):
    assert clean_title(raw) == expected


# --- running headers, footers and page numbers ---------------------------------------------------


OBJECTS = ["vélos", "meubles", "livres", "jouets", "vêtements", "lampes", "outils", "disques", "tapis", "chaises"]


def body(n: int) -> str:
    """A page's own text (no page number in it: a line that differs from page to page only by the
    page's number is a running line)."""
    thing = OBJECTS[n % len(OBJECTS)]
    return f"La ressourcerie collecte et répare les {thing} donnés par les habitants.\nLes {thing} réparés sont revendus."


def test_a_running_header_and_page_numbers_are_removed_and_the_body_kept():
    texts = [f"Guide des ressourceries | Édition 2024 {n} sur 6\n{body(n)}\n- {n} -" for n in range(1, 7)]
    cleaned = remove_running_lines(texts)
    for n, text in enumerate(cleaned, start=1):
        assert text == body(n)


def test_a_running_header_read_as_a_tables_cells_on_some_pages_is_removed_there_too():
    """The page reader writes a header as cells on pages it reads as tables (« AMORCE / ADEME | Comparaison … | Page
    14/66 »), as plain text elsewhere: one running line."""
    texts = [
        (f"Étude ADEME | Comparaison des modes de chauffage | Page {n}/8" if n in (3, 6) else f"Étude ADEME Comparaison des modes de chauffage  Page {n}/8")
        + f"\n{body(n)}"
        for n in range(1, 9)
    ]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 9)]


def test_a_running_header_read_with_the_first_row_of_a_table_is_removed_there_too():
    """A header printed over several lines (a guide's title, then its authors, then the page's number) is read, on the
    pages a table tops, as one row of cells with its last lines (« alimentation durable | Académie de Bordeaux : … |
    17 »): its cells are running text and the page's number, so the row runs too; the table's own rows stay."""
    title = "GUIDE D'ACCOMPAGNEMENT\nFormer les cuisiniers de demain\nalimentation durable"
    authors = ["Académie de Bordeaux : C. LAVIGE et J. FORT (professeurs de", "cuisine) - DGAL : E. de GAVELLE"]
    rows = {3: "Les produits de saison | Les identifier | Technologie", 8: "Les circuits courts | Les nommer | Gestion", 10: "Le gaspillage | Le mesurer | Sciences"}
    tables = tuple(rows)
    texts = []
    for n in range(1, 13):
        if n in tables:
            header = f"{title.rsplit(chr(10), 1)[0]}\nalimentation durable | {' '.join(authors)} | {n}"
            texts.append(f"{header}\n{rows[n]}\n{body(n)}")
        else:
            texts.append(f"{title}\n{authors[0]}\n{authors[1]}\n{n}\n{body(n)}")
    assert len(texts) == 12  # the tables top too few pages for the row to run alone
    cleaned = remove_running_lines(texts)
    for n, text in enumerate(cleaned, start=1):
        assert text == (f"{rows[n]}\n" if n in rows else "") + body(n)


def test_a_tables_row_with_a_cell_of_its_own_is_no_running_header():
    """A row one of whose cells is a running header's words, the others the table's, is the table's."""
    texts = [
        f"Guide des ressourceries Édition 2024\n{body(n)}" if n != 4 else f"Guide des ressourceries Édition 2024 | Tarifs des dépôts | 12 €\n{body(n)}"
        for n in range(1, 7)
    ]
    cleaned = remove_running_lines(texts)
    assert cleaned[3] == f"Guide des ressourceries Édition 2024 | Tarifs des dépôts | 12 €\n{body(4)}"
    assert all(text == body(n) for n, text in enumerate(cleaned, start=1) if n != 4)


def test_a_magazines_footer_above_each_pages_rubric_is_removed_wherever_it_is_printed():
    """« Au fil des Lisières 1# - SEPTEMBRE 2022 » sits above each page's number and rubric (« 01 / UN / HOMMAGE »),
    which differ from page to page: it reaches the page's edge on a few pages only, yet runs through the file; a line
    whose numbers change from page to page (« Quand ? Au 1er janvier 2021 ») is the text's."""
    rubrics = ["UN\nHOMMAGE", "LES\nSERVICES", "LA\nPÊCHE", "LE\nTOURISME", "LES\nÉLUS", "LA\nCULTURE"]
    texts = []
    for n in range(1, 21):
        footer = "Au fil des Lisières 1# - SEPTEMBRE 2022"
        tail = f"{footer}" if n in (3, 6, 8, 15) else f"{footer}\n{n // 4 + 1:02d}\n{rubrics[n // 4]}"  # a rubric a few pages long
        texts.append(f"Quand ? Au 1er janvier {2020 + 3 * n % 5}\n{body(n)}\n{tail}")
    cleaned = remove_running_lines(texts)
    assert not any("SEPTEMBRE 2022" in text for text in cleaned), cleaned
    assert all(f"Au 1er janvier {2020 + 3 * n % 5}\n{body(n)}" in text for n, text in enumerate(cleaned, start=1)), cleaned


def test_a_slides_footer_with_its_page_number_is_removed_wherever_the_slide_prints_it():
    """A slide deck's footer with the page's number (« Sous-direction de la Restauration du Cnous 7 ») comes first or last
    on most slides, and amid the text of slides whose text boxes come before and after it: removed there too. A line of
    the same words with another number than the page's is the text's."""
    texts = []
    for n in range(1, 13):
        footer = f"Sous-direction de la Restauration du Cnous {n}"
        if n in (4, 7, 9):
            lines = ["Étape 1", "Étape 2", "Étape 3", footer, body(n), "Étape 4", "Étape 5", "Étape 6"]
        else:
            lines = [footer, body(n)]
        texts.append("\n".join(lines))
    texts[10] += "\nSous-direction de la Restauration du Cnous 3"  # a citation of slide 3, on slide 11
    cleaned = remove_running_lines(texts)
    assert not any(f"Cnous {n}" in text for n, text in enumerate(cleaned, start=1)), cleaned
    assert all(body(n) in text for n, text in enumerate(cleaned, start=1))
    assert cleaned[10].endswith("Sous-direction de la Restauration du Cnous 3")


def test_a_running_line_printed_with_the_pages_number_beside_it_goes_there_too():
    """A slide deck's date runs on every slide (« 26/01/2023 »), and on its second slide with the slide's number
    before and after it (« 2 26/01/2023 2 »), which an answer showed: removed there too."""
    texts = ["26/01/2023\n" + body(n) for n in range(1, 9)]
    texts[1] = "2 26/01/2023 2\n" + body(2)
    assert remove_running_lines(texts) == [body(n) for n in range(1, 9)]


def test_a_running_header_whose_page_number_is_glued_to_its_year_goes_on_every_page():
    """pypdf reads a foundation's header « Rapport annuel 2012 » with the page's number glued to the year (« … 20123 » on
    page 3, « … 201210 » on page 10): it stayed on the first page of each run of numbers of one length, and its « 20123 »
    was read as a postcode. A year and the page's number glued to it are two numbers; a year alone in a line is one."""
    from ingest.clean import line_form

    assert line_form("Rapport annuel 201210") == ("rapport annuel ##", (2012, 10))
    assert line_form("Bilan 2019") == ("bilan #", (2019,))
    headed = set(range(3, 14)) | set(range(15, 19))  # not on the covers, nor on a section's title page
    texts = [(f"Fondation Exemple Rapport annuel 2012{n}\n" if n in headed else "") + body(n) for n in range(1, 21)]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 21)]


def test_a_booklets_spreads_lose_their_two_page_numbers_wherever_they_print_them():
    """A booklet exported as spreads prints two facing pages on each physical page, and their numbers alone on a line,
    apart or glued, in either order (« 9 10 », « 87 », « 1211 »: « 1211 » was read into a passage's text), not always
    at the page's edge: removed. A line of figures that is no such pair stays (« 4 490 », « 455 »)."""
    texts = [body(1)]
    for n in range(2, 9):
        numbers = [f"{2 * n - 3} {2 * n - 2}", f"{2 * n - 2}{2 * n - 3}"][n % 2]
        figures = "\n4 490\n455" if n == 4 else ""
        texts.append(f"{body(n)}{figures}\n{numbers}\nLes {OBJECTS[n]} sont triés chaque semaine.")
    cleaned = remove_running_lines(texts)
    for n, text in enumerate(cleaned[1:], start=2):
        figures = "\n4 490\n455" if n == 4 else ""
        assert text == f"{body(n)}{figures}\nLes {OBJECTS[n]} sont triés chaque semaine.", text


def test_a_booklets_spreads_lose_both_facing_headers_one_line_or_two():
    """A booklet exported as spreads prints both facing pages' headers, each with its page's number (« Guide SCIC Sports
    I Edition 2018 I page 8 », « … page 9 »): on some pages as two lines, on others read as one line, with or without a
    space between them. Its numbers go up by two a page: removed everywhere, the pages' text kept."""
    header = "Guide pratique des coopératives I Edition 2018 I page {}"
    texts = [body(1)]
    for n in range(2, 10):
        left, right = header.format(2 * n - 2), header.format(2 * n - 1)
        top = [f"{right}\n{left}", f"{left} {right}", f"{left}{right}"][n % 3]
        texts.append(f"{top}\n{body(n)}")
    assert remove_running_lines(texts) == [body(n) for n in range(1, 10)]


def test_a_footer_on_odd_pages_only_is_removed():
    texts = [(f"Guide de la collecte - juillet 2019\n{n}\n" if n % 2 else f"{n}\n") + body(n) for n in range(1, 9)]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 9)]


def test_printed_numbers_may_follow_the_page_labels_or_an_offset():
    labels = ["i", "ii", "1", "2", "3", "4"]
    texts = [f"{body(n)}\nPage {label}" for n, label in enumerate(labels, start=1)]
    assert remove_running_lines(texts, labels) == [body(n) for n in range(1, 7)]
    shifted = [f"{n - 2}\n{body(n)}" for n in range(1, 8)]  # a cover and a blank page before page 1
    assert remove_running_lines(shifted)[2:] == [body(n) for n in range(3, 8)]


def test_a_heading_printed_at_the_top_of_two_pages_stays():
    texts = [("Zoom sur\n" if n in (2, 5) else "") + body(n) for n in range(1, 9)]
    assert remove_running_lines(texts) == texts


def test_numbered_lines_at_page_tops_stay_unless_their_number_follows_the_page():
    steps = [f"Étape {k}\n{body(n)}" for k, n in enumerate((2, 3, 5, 7, 8), start=1)]  # 1, 2, 3, 4, 5 on pages 2, 3, 5, 7, 8
    texts = [body(1), steps[0], steps[1], body(4), steps[2], body(6), steps[3], steps[4]]
    assert remove_running_lines(texts) == texts


def test_a_line_repeated_in_the_middle_of_pages_is_not_a_header():
    repeated = "Pour en savoir plus, consultez le site de la ressourcerie."
    texts = ["\n".join([body(n), body(n + 5), repeated, body(n + 1), body(n + 6)]) for n in (0, 2, 4)]  # 2 + 2 lines at each edge
    assert remove_running_lines(texts) == texts


def test_a_header_of_the_documents_title_and_each_chapters_is_removed_on_every_page():
    chapters = ["Préface", "Les labels", "Les labels", "Les fiches", "Les fiches", "Glossaire"]
    texts = [f"{n}\nGUIDE ACHATS NUMÉRIQUE | {chapter.upper()}\n{body(n)}" for n, chapter in enumerate(chapters, start=1)]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 7)]


def test_a_running_header_read_with_an_echo_of_its_words_goes_too():
    """Slides whose header is read twice on some pages, glued (« …du numériqueDirection interministérielle du
    numérique »): too few pages for that form to run, and no chapter title either; a line with words of its own
    after the header stays."""
    header = "Mission numérique écoresponsable - Direction interministérielle du numérique"
    echoed = header + "Direction interministérielle du numérique"
    texts = [f"{echoed if 3 <= n <= 6 else header}\n{n}\n{body(n)}" for n in range(1, 17)]
    texts[9] = f"{header} Annexe sur les ressourceries\n10\n{body(10)}"
    cleaned, chapters = read_running_lines(texts)
    assert [text for n, text in enumerate(cleaned, start=1) if n != 10] == [body(n) for n in range(1, 17) if n != 10]
    assert cleaned[9].startswith(header + " Annexe") and not any(chapters)


def test_a_side_menu_printed_on_every_page_goes_whole():
    """A menu of the document's parts read before each page's text: more lines than the edges looked at at once."""
    menu = "Introduction\n1\nPour les acheteurs :\néchanges préalables\n2\nClauses\n3\nAnnexes\n4\nFiche pratique pour l'achat"
    texts = [f"{n}\n{menu}\n{body(n)}" for n in range(1, 9)]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 9)]


def test_a_chapters_running_header_is_removed_but_on_its_opening_page():
    """« Guide | Les labels » tops pages 3 to 6 only, « Solutions d'impression » pages 7 to 10 (every other page of
    them, as a left-hand header): fewer than half the file's pages each, yet running lines of their chapters."""
    chapters = {n: "Guide des achats | Les labels" for n in range(3, 7)} | {n: "Solutions d’impression" for n in (7, 9, 11)}
    texts = [(chapters[n] + "\n" if n in chapters else "") + body(n) for n in range(1, 21)]
    cleaned = remove_running_lines(texts)
    assert cleaned[2] == texts[2] and cleaned[6] == texts[6]  # the chapter's first page: the line may be its heading
    assert [n for n in range(1, 21) if cleaned[n - 1] != texts[n - 1]] == [4, 5, 6, 9, 11]
    assert all(cleaned[n - 1] == body(n) for n in (4, 5, 6, 9, 11))


@pytest.mark.parametrize(
    "first_line",
    [
        "Thèmes :",  # a label of what follows it
        "Les indicateurs des",  # part of a longer line: it ends on a function word
        "Métropole",  # one word: a title printed over lines (« Métropole » / « Rouen Normandie »)
        "du numérique",  # the sequel of a line: it opens in lower case
        "→ Direction logistique",  # a list's item
    ],
)
def test_a_line_topping_a_run_of_pages_stays_when_it_is_text(first_line):
    texts = [(first_line + "\n" if 3 <= n <= 6 else "") + body(n) for n in range(1, 13)]
    assert remove_running_lines(texts) == texts


def test_a_list_number_that_grows_with_the_pages_is_no_page_number():
    """« 5.1.2.7 », « 5.2.2.7 », « 5.3.2.7 » end three pages in a row: the same item of three lists, not a footer."""
    texts = [body(n) + (f"\n5.{n - 2}.2.7 Réaliser au moins une action sur le recyclage" if 3 <= n <= 5 else "") for n in range(1, 13)]
    assert remove_running_lines(texts) == texts


def test_a_page_counter_of_a_part_of_the_file_is_removed():
    """A guide bound with others counts its own pages (« 1/4 » … « 4/4 » on pages 4 to 7 of 12): a bare number that
    follows the page is a page number, though it runs on fewer than half the file's pages (and of its odd or even ones)."""
    texts = [body(n) + (f"\n{n - 3}/4" if 4 <= n <= 7 else "") for n in range(1, 13)]
    assert remove_running_lines(texts) == [body(n) for n in range(1, 13)]


def test_short_files_keep_every_line():
    texts = ["Guide des ressourceries\nPage 1", "Guide des ressourceries\nPage 2"]
    assert remove_running_lines(texts) == texts


def test_the_bundled_report_has_no_running_line():
    report = Path(__file__).resolve().parent.parent / "corpus" / "metropoles-ess.txt"
    assert not any(running_lines(report.read_text(encoding="utf-8").split("\f")))


# --- numbered notes ----------------------------------------------------------------------------

GUIDE_PAGE = """Vous déclarez votre chiffre d’affaires chaque mois ou, sur option, chaque trimestre (1) et payez
vos cotisations sociales en ligne.
(1) 31 janvier, 30 avril, 31 juillet et 31 octobre.
(2) Les professions libérales réglementées relèvent d’une autre caisse, qui fixe ses propres
échéances. Voir le site de la caisse.
Le statut convient aux professions libérales(2) non réglementées."""


def test_a_short_note_joins_the_line_of_its_mark_and_leaves_its_place():
    text = attach_footnotes(GUIDE_PAGE)
    assert "chaque trimestre (1) [31 janvier, 30 avril, 31 juillet et 31 octobre] et payez" in text
    assert "\n(1)" not in text


def test_a_note_of_several_sentences_stays_where_it_is():
    text = attach_footnotes(GUIDE_PAGE)
    assert "(2) Les professions libérales réglementées relèvent d’une autre caisse, qui fixe ses propres\néchéances." in text
    assert "libérales(2) non réglementées" in text


@pytest.mark.parametrize(
    "page",
    [
        "Les étapes :\n(1) Créer un compte.\n(2) Déclarer le bilan.",  # a numbered list: no mark on the page
        "Le taux (1) est fixé par décret.\nLa suite du texte.",  # a mark without its note
    ],
)
def test_numbered_lines_without_a_mark_elsewhere_on_the_page_stay(page):
    assert attach_footnotes(page) == page


def test_short_lines_repeated_on_most_pages_are_the_layouts_and_removed():
    """A legal site's export prints its link labels under every article (« Legif. », « Plan », « Juricaf »): not text."""
    subjects = ["les statuts", "les cotisations", "le local", "les réunions", "la dissolution", "les délégués", "les biens"]

    def page(n: int) -> str:
        articles = [f"L. {n}10-{k} Ordonnance du 12 mars 2007\nLegif.\nPlan\nJuricaf\nCet article traite de {subjects[n - 1 + k - 1]}." for k in (1, 2)]
        return "\n".join(articles)

    texts = [page(n) for n in range(1, 7)]
    cleaned = remove_running_lines(texts)
    assert all("Legif." not in text and "Juricaf" not in text and "\nPlan\n" not in text for text in cleaned)
    assert all(f"Cet article traite de {subjects[n]}." in text for n, text in zip(range(1, 7), cleaned))
    column = [  # a table's cell repeated down its column stands between other cells: it stays
        "\n".join(f"Rubrique {n}.{k}\nDéclaration\nSeuil de {subjects[k]} fixé à {n * 10 + k} m3" for k in range(4))
        for n in range(1, 7)
    ]
    from ingest.clean import repeated_lines

    assert repeated_lines(column) == [set()] * 6 and repeated_lines(texts)[0] == {1, 2, 3, 6, 7, 8}
    once = [  # a short line once a page is no such line
        f"Première phrase sur {a}.\nDeuxième phrase sur {a}.\nTroisième phrase sur {a}.\nVoir aussi\nQuatrième sur {a}.\nCinquième sur {a}.\nFin sur {a}."
        for a in subjects[:6]
    ]
    assert remove_running_lines(once) == once


def test_note_calls_a_word_processor_exports_as_n_f_n_plus_one_are_taken_out():
    """pypdf reads some notes' calls as « 18 F » and « 19 » on the next line, glued to the word or figure before."""
    from ingest.clean import clean_page_text, remove_note_calls

    assert remove_note_calls("Comparé18 F\n19 au 671 Mt CO2 eq.") == "Comparé au 671 Mt CO2 eq."
    assert remove_note_calls("normalisée dans la série ISO 14044:20067F\n8, cette méthode") == "normalisée dans la série ISO 14044:2006, cette méthode"
    assert remove_note_calls("les données de Hubblo1 4F 15. La suite") == "les données de Hubblo. La suite"
    assert remove_note_calls("un prix de 100 F\n20 francs de plus") == "un prix de 100 F\n20 francs de plus"  # 20 does not follow 100
    assert "rapport un scénario" in clean_page_text("dans son dernier rapport 1F\n2 un scénario anticipant")


def test_a_page_number_under_a_chapters_header_goes_once_the_header_is_gone():
    """A guide's header, a sheet's title (on its pages only), then the page number: the guide's header runs through
    the file; the sheet's title runs through its pages (kept on its first, where it is the heading); the page number
    under it comes to the page's edge on those pages only, and is the page number all the same."""
    def page(n: int) -> str:
        sheet = "Fiche 6 – Déconditionnement des produits\n" if 5 <= n <= 9 else ""
        return f"GBPH - Aide alimentaire\n{sheet}Sommaire des fiches\n{n - 4}\n{text(n)}"

    def text(n: int) -> str:
        return f"{body(n)}\n{body(n + 1)}"

    texts = [page(n) for n in range(1, 21)]
    cleaned = remove_running_lines(texts)
    assert cleaned[4].startswith("Fiche 6 – Déconditionnement des produits\n")
    assert [cleaned[n - 1] for n in range(6, 10)] == [text(n) for n in range(6, 10)]
    assert all(cleaned[n - 1] == text(n) for n in range(10, 21))


def test_a_chapters_running_header_names_its_pages_section():
    """The hygiene guide's outline stops at « 4. Les Fiches Pratiques »; each sheet's title tops its pages: it names
    their section below the outline's part, on every page of the sheet. A table's header repeated at the top of its
    pages, or a header holding a date, names nothing."""
    from ingest import chunk_pages
    from ingest.clean import read_running_lines
    from ingest.structure import with_chapter
    from ingest.types import Page

    def page(n: int) -> str:
        header = "Fiche 2 – Transport\n" if 5 <= n <= 8 else "Produit | Température | Durée\n" if 10 <= n <= 13 else ""
        return f"{header}{body(n)}\n{body(n + 1)}"

    texts = [page(n) for n in range(1, 17)]
    cleaned, chapters = read_running_lines(texts)
    assert [n for n in range(1, 17) if chapters[n - 1]] == [5, 6, 7, 8] and chapters[5] == "Fiche 2 – Transport"
    assert with_chapter("4. Les Fiches Pratiques", "Fiche 2 – Transport") == "4. Les Fiches Pratiques › Fiche 2 – Transport"
    assert with_chapter("4. Les Fiches Pratiques › Fiche 2 – Transport › Objectif", "Fiche 2 – Transport").count("Fiche 2") == 1
    assert with_chapter("", "Fiche 2 – Transport") == "Fiche 2 – Transport"
    outline = (("4. Les Fiches Pratiques",),)
    pages = [Page("guide.pdf", n, cleaned[n - 1], outline=outline if n == 1 else (), chapter=chapters[n - 1]) for n in range(1, 17)]
    sections = {c.page: c.section for c in chunk_pages(pages)}
    assert sections[6] == "4. Les Fiches Pratiques › Fiche 2 – Transport" and sections[12] == "4. Les Fiches Pratiques"


def test_a_note_mark_glued_to_its_word_is_taken_off_when_the_page_gives_the_note():
    """pypdf reads a superscript note mark glued to the word it follows (« de qualité1. »); with the page's note « 1  Pour
    rappel … » at its foot, the word reads whole again. « CO2 » and a number the page has no note of stay."""
    page = "Le taux de produits de qualité1. Les émissions de CO2 baissent.\nLe niveau d'eau4 monte.\n\n1  Pour rappel, la photo 2023 estimait 27,5 %.\n2 https://ma-cantine.fr"
    cleaned = clean_page_text(page)
    assert "de qualité. Les émissions de CO2 baissent." in cleaned and "d'eau4 monte" in cleaned
    assert "1 Pour rappel" in cleaned
    # glued to the period that ends its sentence: « à ce référentiel.1 Ce document »; « la version 2.1 » stays
    page = "contribué à ce\nréférentiel.2 Ce document, version 2.1, p.2 ici.\n\n2 Outre le présent document, une version web."
    assert "référentiel. Ce document, version 2.1, p.2 ici." in clean_page_text(page)


def test_a_note_whose_number_is_glued_to_its_first_word_is_read_as_a_note():
    """« 2Tolérance de +2 °C … » at a page's foot (a superscript number read glued): the number is set apart, the word
    searched whole, and the mark glued to the word it notes (« Fréquence2 ») taken off as for any note; « 3D » and
    « 4G » at a line's start stay."""
    page = "Surface Fréquence2 et zone de la vente1.\n3D et 4G restent. 500g/semaine3.\n\n1Le retour à l'entrepôt.\n2Tolérance de +2 °C pour les produits.\n3https://www.mangerbouger.fr/recommandations"
    cleaned = clean_page_text(page)
    assert "Surface Fréquence et zone de la vente." in cleaned and "3D et 4G restent. 500g/semaine." in cleaned
    assert "1 Le retour à l'entrepôt." in cleaned and "2 Tolérance de +2 °C" in cleaned


@pytest.mark.parametrize(
    "spaced, read",
    [
        ("L E S  C O M M E N T A I R E S  O N T  E T E  C O N Ç U S  P O U R", "LES COMMENTAIRES ONT ETE CONÇUS POUR"),
        ("F E D E R A T I ON NA T I O NA L E D E S C O L L E C T I VI TE S  1", "FEDERATION NATIONALE DES COLLECTIVITES  1"),
        ("L ’ A BO NNE  PE UT ET RE  L E PR O PRI E TA IR E D ’ UNE MAI SO N", "L’ABONNE PEUT ETRE LE PROPRIETAIRE D’UNE MAISON"),
        ("il y a un an et à la fin de la vie de la loi", "il y a un an et à la fin de la vie de la loi"),  # words, not letters
        ("Les critères A, B et C du guide", "Les critères A, B et C du guide"),
    ],
)
def test_letter_spaced_capitals_read_as_words(spaced, read):
    """A heading or a box set with wide letter spacing is read letter by letter; its letters are cut into the fewest
    words of French again, two spaces parting words where extraction left them."""
    assert join_letter_spaced(spaced) == read


def test_words_a_pdf_glued_together_are_set_apart():
    """pypdf reads some lines without their spaces (« équipes mobileset professionnels », a bold heading
    « Courriersparamétrablespourlesstructures »): the words are set apart where the cut is into French words the
    document also writes alone, holding a function word or an elided form."""
    from ingest.french import split_glued_words

    body = (
        "Les courriers paramétrables sont envoyés aux structures. Chaque accès est personnel. Les personnes suivies "
        "donnent leur accord. Les équipes utilisent les téléphones. Les comptes personnels restent secrets."
    )
    glued = "Courriersparamétrablespourlesstructures\nLes personnesqui ont un rôle gèrent lesaccès dansl'utilisation des téléphonespersonnels."
    assert split_glued_words([body, glued])[1] == (
        "Courriers paramétrables pour les structures\nLes personnes qui ont un rôle gèrent les accès dans l'utilisation des téléphones personnels."
    )


@pytest.mark.parametrize(
    "text",
    [
        "La pyramide de Maslow et le cabinet Jeunet.",  # names, capitalised
        "Un budget pluriannuel et une programmation pluriannuelle.",  # a feminine, not « pluriannuel le »
        "Les surcoûts et les coûts de la télédéclaration.",  # prefixes glued to words
        "Voir www.poubellesbattle.fr ou ecrire a contact.poubelles@battle.fr pour les poubelles.",  # addresses
        "Les impacts environ-\nnementaux du numérique, les mentaux.",  # the end of a word a hyphen cut
        "Quelqu'un viendra aujourd'hui.",  # elided compounds
        "Le lycée Descartes et le village de Moyenneville ont une ville, un car et des tes.",  # names, however cut
        "Les mails, ses priorités : il priorise. Les souplesses souples de ses règles.",  # endings, function words alone
        "Les canneberges et la canne des berges ; les films photosensibles, les photos sensibles.",  # two words once
        "Les chêneaux du toit et le chêne aux feuilles.",  # a plural in -eaux
    ],
)
def test_words_written_whole_stay_whole(text):
    from ingest.french import split_glued_words

    assert split_glued_words([text]) == [text]


def test_a_pdf_whose_lines_lost_their_spaces_is_searched_by_its_words(tmp_path):
    """A real PDF (fpdf2) read by pypdf, a line of it glued: its words are indexed apart."""
    from ingest import read_file_pages
    from tests.test_ingest import write_pdf

    text = (
        "Les équipes suivent les personnes. Chaque accès est donné aux personnes suivies.\n"
        "Les personnesqui quittent l'équipe perdent lesaccès le jour même."
    )
    pages = read_file_pages(write_pdf(tmp_path / "charte.pdf", {1: text}))
    assert "Les personnes qui quittent l'équipe perdent les accès le jour même." in pages[0].text.replace("\n", " ")


def test_a_page_read_with_its_spaces_lost_is_cut_into_its_words():
    """A PDF whose fonts hold no space is read by pypdf with most of its words run together (an Etalab guide: «
    Danscecadre,Etalabdéveloppeuncertainnombrederessourcespour: »): on such a page each run is cut into the likeliest
    words of the lexicon and of the document's own lines (« Etalab »), an elided form kept before its apostrophe, a
    word cut by a hyphen at a line's end joined first (a Unicode hyphen too), punctuation and figures spaced."""
    from ingest.french import split_run_together

    spaced = (
        "Etalab accompagne les administrations. La mission Etalab publie des guides sur les obligations de transparence. "
        "Les administrations publient leurs algorithmes."
    )
    glued = (
        "1 Introduction\nDanscecadre,Etalabdéveloppeuncertainnombrederessourcespour:\n"
        "— Lafichepratiquesurl’obligationdementionexplicite;\n"
        "Leprincipedetranspa\u2011\nrencedesalgorithmespublicss’appliquedepuis2016."
    )
    assert split_run_together([spaced, glued]) == [
        spaced,
        "1 Introduction\nDans ce cadre, Etalab développe un certain nombre de ressources pour:\n"
        "— La fiche pratique sur l’obligation de mention explicite;\n"
        "Le principe de transparence des algorithmes publics s’applique depuis 2016.",
    ]


def test_pages_read_with_their_spaces_are_left_as_they_are():
    """A page whose words are read apart, even with a word or two glued (left to split_glued_words), is not cut again:
    names the lexicon lacks (« Moyenneville », « Hautefontaine ») stay whole."""
    from ingest.french import split_run_together

    texts = ["Le village de Moyenneville et Hautefontaine ont signé la charte.", "Les personnesqui quittent l'équipe perdent leur accès."]
    assert split_run_together(texts) == texts


def test_a_pdf_read_with_its_spaces_lost_is_searched_by_its_words(tmp_path):
    """A real PDF (fpdf2) whose second page pypdf reads with its words run together: its words are indexed apart."""
    from ingest import read_file_pages
    from tests.test_ingest import write_pdf

    pages = {
        1: "La mission accompagne les administrations dans la publication de leurs algorithmes publics.",
        2: "Lesadministrationspubliquesdoiventpublierlesrèglesdeleurstraitementsalgorithmiques.\n"
        "Unementionexpliciteinformelesusagersdel'utilisationd'unalgorithme.",
    }
    read = read_file_pages(write_pdf(tmp_path / "guide.pdf", pages))
    assert read[1].text.split("\n") == [
        "Les administrations publiques doivent publier les règles de leurs traitements algorithmiques.",
        "Une mention explicite informe les usagers de l'utilisation d'un algorithme.",
    ]


def test_unicode_hyphens_are_hyphens():
    """Some PDFs print U+2010 or U+2011 (a hyphen no line break may follow) for « - »: a word cut at a line's end by one
    is joined like any other, and a compound keeps its hyphen."""
    from ingest.clean import clean_page_text

    assert clean_page_text("le principe de transpa\u2011\nrence des algorithmes") == "le principe de transparence des algorithmes"
    assert clean_page_text("qu\u2019est\u2011ce qu\u2019un algorithme ?") == "qu\u2019est-ce qu\u2019un algorithme ?"


def test_a_figure_glued_to_the_word_it_counts_is_written_apart():
    """A slide deck printed « 48vulnérabilités » and « 101services numériques »: the figure and its word are two words,
    so « combien de services » finds what it counts; ordinals, codes and addresses stay as written."""
    from ingest.clean import clean_page_text, separate_glued_figures

    assert separate_glued_figures("48vulnérabilités reportées sur 30 services") == "48 vulnérabilités reportées sur 30 services"
    assert clean_page_text("101services numériques ont publié leur budget") == "101 services numériques ont publié leur budget"
    for kept in ("le 3ème trimestre", "les 1ers résultats", "la 2nde édition", "1er janvier", "zones 2AU", "contact@75paris.fr", "www.site2france.fr", "1,5million"):
        assert separate_glued_figures(kept) == kept


@pytest.mark.parametrize("line, read", [
    ("TITRE ITITRE ITITRE ITITRE I", "TITRE I"),
    ("SE LOGERSE LOGER", "SE LOGER"),
    ("Les bourses sur critères sociauxLes bourses sur critères sociaux", "Les bourses sur critères sociaux"),
    ("ANNEXE 3 : DÉFINITIONSANNEXE 3 : DÉFINITIONSANNEXE 3 : DÉFINITIONS", "ANNEXE 3 : DÉFINITIONS"),
    ("bonbon", "bonbon"),  # too short to be a title printed over
    ("1010 1010", "1010 1010"),  # no letters: figures, a code
    ("ha ha ha", "ha ha ha"),  # apart: a text that says it again
    ("Bora-Bora", "Bora-Bora"),
    # a logo on each of two facing pages that a booklet exported as spreads prints on one, a space between
    ("CoopCycle CoopCycle", "CoopCycle"),
    ("Bora Bora", "Bora Bora"),  # side by side and short: a name
    ("Total Total", "Total Total"),
])
def test_a_line_printed_over_itself_is_read_once(line, read):
    """A title made bold by printing it several times over is read by pypdf once a print, glued: read once."""
    assert collapse_overprinted_lines(f"Avant\n{line}\nAprès") == f"Avant\n{read}\nAprès"


def test_an_overprinted_title_of_a_real_pdf_is_indexed_once(tmp_path):
    """A PDF whose title is printed four times over, a little apart (a bold made by hand): its passages hold it once."""
    from fpdf import FPDF

    from ess_qa import Assistant, build

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    for shift in (0, 0.2, 0.4, 0.6):
        pdf.text(20 + shift, 30, "TITRE II : ZONES URBAINES")
    pdf.set_font("helvetica", "", 11)
    pdf.set_xy(20, 40)
    pdf.multi_cell(170, 6, "Les zones urbaines sont destinées à l'habitat et aux seules activités compatibles avec l'habitat. "
                   "Les constructions y sont admises sous réserve de respecter les articles du présent règlement.")
    (tmp_path / "docs").mkdir()
    pdf.output(str(tmp_path / "docs" / "reglement.pdf"))
    build(tmp_path / "docs", tmp_path / "index")
    passages = Assistant.load(tmp_path / "index").search("À quoi sont destinées les zones urbaines ?")
    assert passages and "ZONES URBAINESTITRE" not in passages[0].text and "ZONES URBAINES" in passages[0].text, passages[0].text
