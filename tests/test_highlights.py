"""Highlights on the chat page: the question's content words and their variants are marked, never
function words, nor words that every passage shown holds; marking never lets markup through."""

from __future__ import annotations

import html
import re

from ess_qa import Answer, Citation, Passage, web
from ingest.french import variant_keys

REPORT = "metropoles-ess.txt"


def marked(fragment: str) -> list[str]:
    """The words a fragment of HTML marks, as the reader sees them."""
    return [html.unescape(word) for word in re.findall(r"<mark>(.*?)</mark>", fragment)]


def passage(text: str, page: int = 3) -> Passage:
    return Passage(text=text, source=REPORT, page=page, section="Intro", score=0.9)


def test_function_words_and_support_verb_phrases_are_never_marked():
    text = "Les métropoles ont mis en place un SPASER en 2016 ; la mise en place de la stratégie a pris du temps."
    out = web.highlight(text, web.question_terms("Quelles métropoles ont mis en place un SPASER de leur côté ?"))
    assert marked(out) == ["métropoles", "SPASER"]


def test_variants_of_a_question_word_are_marked():
    text = "L’Emploi et les emplois salariés de l'économie ; un salarié, des SALARIÉES, la Métropole."
    out = web.highlight(text, web.question_terms("emploi economie salariés metropoles"))
    assert marked(out) == ["Emploi", "emplois", "salariés", "économie", "salarié", "SALARIÉES", "Métropole"]
    assert "L’<mark>Emploi</mark>" in out and "l&#39;<mark>économie</mark>" in out  # the elided article stays plain


def test_unrelated_words_of_the_same_first_letters_are_not_marked():
    out = web.highlight("Un modèle soutenable, des employeurs métropolitains.", web.question_terms("métropoles soutenus emploi"))
    assert marked(out) == []


def test_a_digit_alone_is_not_marked_and_a_number_of_several_parts_is_one():
    """« la NAF rév. 2 » marks no 2 of a page (nor the 2 of « 3.2.2 »); « 2,58 » marks « 2,58 », not the 2 of « 2 000 »."""
    out = web.highlight("Voir la section 3.2.2 : la NAF rév. 2 compte 2 niveaux.", web.question_terms("Quand la NAF rév. 2 est-elle entrée en vigueur ?"))
    assert marked(out) == ["NAF", "rév"]
    out = web.highlight("Un coefficient de 2,58 pour 2 000 logements.", web.question_terms("coefficient 2,58 électricité"))
    assert marked(out) == ["coefficient", "2,58"]


def test_words_every_passage_holds_are_not_marked_when_several_are_shown():
    question = "Combien d'emplois compte l'ESS à Lille ?"
    passages = [passage("L'ESS compte 52 000 emplois à Lille.", 52), passage("L'ESS de Nantes compte 40 000 salariés.", 54)]
    out = web.answer_html(Answer(question, passages, snippet="L'ESS compte 52 000 emplois à Lille.", snippet_cites=(Citation(REPORT, 52),)))
    assert marked(out) == ["emplois", "Lille"] * 2  # the snippet, then the first passage; ESS and compte are everywhere
    alone = web.answer_html(Answer(question, passages[:1]))
    assert marked(alone) == ["ESS", "compte", "emplois", "Lille"]  # one passage: every question word helps


def test_helpful_terms_keep_words_some_passage_lacks():
    texts = ["Les SCIC de Lille.", "Les SCIC de Rennes.", "Les coopératives."]
    assert web.helpful_terms("SCIC Lille", texts) == frozenset().union(*variant_keys("SCIC Lille"))
    assert web.helpful_terms("SCIC Lille", texts[:2]) == frozenset().union(*variant_keys("Lille"))
    assert web.helpful_terms("de les", texts) == frozenset()


def test_a_hostile_question_and_passage_are_marked_as_text():
    question = "<script>alert(1)</script> SCIC & <b>Lille</b> ?"
    passages = [passage("Les SCIC & <coopératives> de Lille <script>x</script>."), passage("Autre texte < 3 & plus.")]
    out = web.answer_html(Answer(question, passages))
    assert "<script" not in out and "<b>" not in out and "<coop" not in out
    assert set(re.findall(r"</?([a-zA-Z]+)", out)) <= {"div", "ol", "li", "span", "a", "p", "ul", "mark"}
    assert marked(out) == ["SCIC", "Lille", "script", "script"]  # a word of the question, shown as text
    assert "&#38; &#60;coopératives&#62;" in out and "&#60; 3 &#38; plus" in out
    assert "Les <mark>SCIC</mark> &#38;" in out
