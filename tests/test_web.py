"""The chat page (ess_qa.web): replies as safe HTML, filters, the source-page view, and the real server
used over HTTP — `/search` through gradio_client, the index built on first start, `ess-qa serve`
and `python app.py`."""

from __future__ import annotations

import html
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ess_qa import Answer, Citation, Passage, web
from ess_qa.evaluation import contains_evidence
from support import free_port, search_when_ready, start_command, write_text_pdf

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REPORT = "metropoles-ess.txt"
CITATION_RE = re.compile(r"^metropoles-ess\.txt · p\. \d+( · .+)?$")
PASSAGE_KEYS = {"text", "source", "page", "section", "score", "citation"}

# Twelve questions written for this test from corpus/metropoles-ess.txt (not from the dev set),
# about different parts of the report; evidence is a string of the page that answers.
UNSEEN_QUESTIONS = [
    ("Quel titre européen Strasbourg a-t-elle obtenu pour l'année 2019 ?", ["Capitale européenne de l’ESS"]),  # p. 6, 40
    ("Combien d'entreprises de l'ESS le FINES a-t-il financées en 2017 ?", ["49 entreprises de l’ESS"]),  # p. 9
    ("En quelle année le Business and Innovation Centre de Montpellier a-t-il été créé ?", ["créé en 1987"]),  # p. 21
    ("Combien coûte chaque année le fonctionnement du Conseil de l'ESS de Strasbourg ?", ["environ 20 000€ par an"]),  # p. 40
    (
        "Quel était le taux de chômage dans les quartiers prioritaires de la politique de la ville en 2017 ?",
        ["taux de chômage s’élevait à 24,7%"],
    ),  # p. 36
    ("Quels cabinets ont mené l'évaluation de la politique ESS de Bordeaux Métropole ?", ["Pluricité"]),  # p. 47
    ("Combien de salariés l'ESS compte-t-elle sur le territoire de Toulon-Provence-Méditerranée ?", ["15 446 effectifs salariés"]),  # p. 58
    ("Which law of 27 January 2014 gave metropolises their reinforced powers?", ["loi MAPTAM"]),  # p. 43
    ("À quel moment de l'année a lieu le mois de l'ESS ?", ["chaque année en novembre"]),  # p. 27
    ("What forum on innovation, inclusion and ecology did the Lyon metropolis host in December 2018?", ["Lyon City Life"]),  # p. 27
    ("Avec quelle démarche climat la politique ESS de la Métropole Rouen Normandie est-elle articulée ?", ["COP 21 locale"]),  # p. 30
    ("Depuis quand le service ESS de la ville de Grenoble est-il intégré à la Métropole ?", ["depuis 2015 le service ESS de la ville de Grenoble"]),  # p. 43
]

HOSTILE_TEXT = (
    'Attention <script>window.__pwned = 1</script> et <img src=x onerror="window.__pwned = 2"> '
    "**gras** _italique_ [lien](javascript:alert(1)) `code` $$x^2$$ | a | b | ~~barré~~ & &amp; "
    "https://example.org"
)


def get(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, without raising on 4xx."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("content-type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read()


def cited(reply_html: str) -> list[str]:
    """The citations shown in a reply, as the reader sees them."""
    return [html.unescape(c) for c in re.findall(r'class="essqa-cite"[^>]*>([^<]*)</a>', reply_html)]


def visible_text(fragment: str) -> str:
    """What a browser shows for an HTML fragment (tags out, references decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def passage(text: str = "Un passage.", page: int = 3, section: str = "Intro", score: float = 0.9) -> Passage:
    return Passage(text=text, source=REPORT, page=page, section=section, score=score)


# --- replies: text stays text ----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_escaped_text_reads_back_and_has_no_markup_left(text):
    out = web.escape_text(text)
    assert html.unescape(out) == text
    assert not set(re.sub(r"&#\d+;", "", out)) & set("<>&*_[]`$|~#\\")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["tiers-lieu KaléidosCOOP", "SCIC métropoles", ""]))
def test_highlighting_adds_only_marks(text, question):
    out = web.highlight(text, web.question_terms(question))
    assert html.unescape(out.replace("<mark>", "").replace("</mark>", "")) == text
    assert not re.search(r"<(?!/?mark>)", out)


def test_question_words_are_highlighted():
    out = web.highlight("Le tiers-lieu KaléidosCOOP ouvrira en 2021.", web.question_terms("Qu'est-ce que KaléidosCOOP ?"))
    assert "<mark>KaléidosCOOP</mark>" in out
    assert "<mark>Le</mark>" not in out  # stop words stay plain


def test_passages_read_as_paragraphs_and_lists():
    out = web.passage_html("Deux missions :\n• La réponse aux besoins\nsociaux\n• La dimension citoyenne\nSuite du texte.")
    assert out == (
        "<p>Deux missions &#58;</p><ul><li>La réponse aux besoins sociaux</li><li>La dimension citoyenne</li></ul>"
        "<p>Suite du texte.</p>"
    )


def test_reply_lists_ranked_cited_passages_on_one_line():
    answer = Answer(question="KaléidosCOOP ?", passages=[passage("KaléidosCOOP à Strasbourg.", 17), passage("Autre.", 18)])
    out = web.answer_html(answer)
    assert "\n" not in out  # one HTML block for the Markdown renderer
    assert re.findall(r'class="essqa-rank"[^>]*>(\d+)<', out) == ["1", "2"]
    # the score is the rank's tooltip, not shown: users read it as the document's confidence
    assert "0.90" not in visible_text(out) and 'title="pertinence 0.90"' in out
    assert cited(out) == [f"{REPORT} · p. 17 · Intro", f"{REPORT} · p. 18 · Intro"]
    assert 'href="source?file=metropoles-ess.txt&amp;page=17&amp;q=Kal%C3%A9idosCOOP%20%3F&amp;at=Kal%C3%A9idosCOOP%20%C3%A0%20Strasbourg.&amp;n=3#cited"' in out
    assert "<mark>KaléidosCOOP</mark>" in out


def test_the_passage_an_extract_comes_from_says_why_it_comes_first():
    """The answer's passage is listed first whatever its score: it says so, the others follow by score."""
    first = Answer("q", [passage(page=3), passage("Autre.", 18)], snippet="22 métropoles", snippet_cites=(Citation(REPORT, 3, "Intro"),))
    shown = visible_text(web.answer_html(first))
    assert shown.count("source de la réponse") == 1 and shown.index("source de la réponse") < shown.index("Autre.")
    refused = Answer("q", [passage(page=3)], found=False)
    assert "source de la réponse" not in visible_text(web.answer_html(refused))


def test_reply_shows_the_snippet_first_and_says_when_the_report_does_not_answer():
    with_snippet = web.answer_html(Answer("q", [passage()], snippet="22 métropoles", snippet_cites=(Citation(REPORT, 3),)))
    assert with_snippet.index("essqa-snippet") < with_snippet.index("essqa-passages")
    assert "22 métropoles" in visible_text(with_snippet)
    linked = web.answer_html(Answer("q", [passage(page=3)], snippet="22 métropoles", snippet_cites=(Citation(REPORT, 3, "Intro"),)))
    assert linked.count('href="source?file=metropoles-ess.txt&amp;page=3') == 2  # the extract's citation opens its page too
    not_found = web.answer_html(Answer("Quelle est la capitale du Japon ?", [passage()], found=False))
    assert "ne semble pas répondre" in visible_text(not_found)
    assert "essqa-passages" in not_found  # the closest passages are still shown
    nothing = web.answer_html(Answer("q", [], found=False))
    assert "Aucun passage" in visible_text(nothing)
    truncated = web.answer_html(Answer("q", [passage()], notice="question truncated"))
    assert "question truncated" in visible_text(truncated)


def test_hostile_passage_and_question_are_shown_as_text():
    answer = Answer(question="<b>gras</b> **x**", passages=[passage(HOSTILE_TEXT, section="<i>section</i>")])
    out = web.answer_html(answer)
    tags = set(re.findall(r"</?([a-zA-Z]+)", out))
    assert tags <= {"div", "ol", "li", "span", "a", "p", "ul", "mark"}
    assert "javascript:" not in out and "**" not in out and "$$" not in out
    assert HOSTILE_TEXT in visible_text(out)
    assert "<i>section</i>" in visible_text(out)


# --- replies through the page's handler: messages, filters --------------------------------------


def test_empty_question_and_index_not_ready_get_messages_not_errors(assistant):
    ready = web.Service(assistant=assistant)
    for question in ("", "   ", "?!"):
        content, answered, *_ = web.reply(ready, question)
        assert not answered and "essqa-note" in content and "question" in visible_text(content).lower()
    waiting = web.Service(index_dir="/nonexistent/never-started")
    content, answered, *_ = web.reply(waiting, "Quelles métropoles soutiennent les SCIC ?")
    assert not answered and "index" in visible_text(content).lower()


def test_filters_from_the_controls_apply_to_the_next_question(assistant):
    service = web.Service(assistant=assistant)
    question = "Combien de salariés compte l'ESS sur le territoire ?"
    fiche = "Fiches métropoles › Bordeaux Métropole"
    assert (fiche, fiche) in service.controls()["sections"]
    content, answered, *_ = web.reply(service, question, 5, web.make_filters(fiche, 1, 64, last_page=63))
    assert answered and cited(content) and all(f"· {fiche}" in c for c in cited(content))
    assert "section « Fiches métropoles › Bordeaux Métropole »" in visible_text(content)
    content = web.reply(service, question, 3, web.make_filters("", 30, 20)).html  # reversed range put right
    pages = [int(re.search(r"p\. (\d+)", c).group(1)) for c in cited(content)]
    assert len(pages) == 3 and all(20 <= p <= 30 for p in pages)
    content = web.reply(service, question, 2, web.make_filters("", 1, 63, last_page=63)).html
    assert len(cited(content)) == 2 and "filtres" not in visible_text(content)


def test_a_follow_up_is_completed_with_the_previous_question_and_says_so(assistant):
    service = web.Service(assistant=assistant)
    first = web.reply(service, "Combien d'habitants compte Nantes Métropole ?")
    assert first.answered and not first.follow_up and "Question comprise" not in visible_text(first.html)
    follow = web.reply(service, "Et à Bordeaux ?", previous=first.question)
    assert follow.answered and follow.follow_up
    assert "Bordeaux" in follow.question and "Nantes" not in follow.question
    assert f"Question comprise (understood as) : « {follow.question} »" in visible_text(follow.html)
    assert "Bordeaux Métropole" in cited(follow.html)[0]
    assert "783 000" in visible_text(follow.html)  # the Bordeaux fact sheet's population
    alone = web.reply(service, "Quelles métropoles soutiennent les SCIC ?", previous=first.question)
    assert alone.answered and not alone.follow_up  # a question of its own is asked as it is
    assert "Question comprise" not in visible_text(alone.html)


def test_snippet_citations_each_open_their_page():
    cites = [Citation("a.txt", 3, "Fiches › A"), Citation("b.pdf", 12), Citation("c.txt", 5, "<b>not markup</b>")]
    out = web.citations_html(cites, "q")
    assert re.findall(r'href="([^"]+)"', out) == [
        "source?file=a.txt&amp;page=3&amp;q=q", "source?file=b.pdf&amp;page=12&amp;q=q", "source?file=c.txt&amp;page=5&amp;q=q"
    ]
    assert visible_text(out) == "a.txt · p. 3 · Fiches › A ; b.pdf · p. 12 ; c.txt · p. 5 · <b>not markup</b>"
    assert "<b>" not in out  # a section is shown as text


def test_an_answer_from_the_metropolises_table_links_its_fact_sheet_page(assistant):
    out = web.reply(web.Service(assistant=assistant), "Quelle est la métropole la plus peuplée ?").html
    snippet = re.search(r'class="essqa-snippet">(.*?)</div></div>', out).group(1)
    assert "Métropole du Grand Paris" in visible_text(snippet) and "7 026 945" in visible_text(snippet)
    assert 'href="source?file=metropoles-ess.txt&amp;page=55&amp;q=' in snippet
    assert "Fiches métropoles › Métropole du Grand Paris" in visible_text(snippet)


def test_an_answer_from_the_metropolises_table_links_each_of_its_pages(assistant):
    question = "Combien de salariés de l'ESS à Nantes vs Rennes ?"
    answer = assistant.ask(question)
    assert [(c.page, c.section) for c in answer.snippet_cites] == [
        (54, "Fiches métropoles › Nantes Métropole"), (56, "Fiches métropoles › Rennes Métropole")
    ]
    out = web.reply(web.Service(assistant=assistant), question).html
    cite = re.search(r'class="essqa-snippet-cite">(.*?)</div>', out).group(1)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]*)</a>', cite)
    assert [(html.unescape(href).split("&q=")[0], html.unescape(text)) for href, text in links] == [
        (f"source?file={REPORT}&page={c.page}", c.label) for c in answer.snippet_cites
    ]
    assert visible_text(cite) == answer.snippet_citation


def test_filter_choices_describe_the_report(assistant):
    controls = web.describe_index(assistant.overview())
    values = [value for _, value in controls["sections"]]
    assert values[0] == web.WHOLE_REPORT
    assert controls["sections"][0][0] == "Tous les documents"  # in French, as the rest of the page
    assert "CHAMP D’ACTION #1" in values and "Fiches métropoles › Toulouse Métropole" in values
    assert "Fiches métropoles" in values  # the whole group, too
    assert controls["page_max"] >= 60 and REPORT in controls["sources"]


# --- the source page ---------------------------------------------------------------------------


def test_source_page_without_the_original_file_says_so(tmp_path):
    library = web.SourceLibrary(tmp_path, {REPORT: "0" * 64})
    status, document = web.source_page_document(library, REPORT, 3)
    assert status == 404 and "n'est pas disponible" in visible_text(document)
    status, document = web.source_page_document(None, REPORT, 3)
    assert status == 404 and "pas encore prêt" in visible_text(document)


def test_source_files_are_looked_for_in_each_corpus_folder_in_turn(tmp_path):
    first, second = tmp_path / "recorded", tmp_path / "given"
    first.mkdir(), second.mkdir()
    (second / "notes.txt").write_text("Page une.\fPage deux : les SCIC.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not a source", encoding="utf-8")
    library = web.SourceLibrary([first, second], {"notes.txt": "0" * 64, "../secret.txt": "0" * 64})
    assert library.path("notes.txt") == (second / "notes.txt").resolve()
    view = library.page("notes.txt", 2)
    assert "les SCIC" in view.text and view.changed  # its checksum is not the one indexed
    with pytest.raises(web.SourceUnavailable):
        library.path("../secret.txt")  # never outside a corpus folder
    assert web.corpus_root(second / "notes.txt") == second and web.corpus_root(second) == second


def test_a_corpus_file_that_is_a_link_to_the_users_file_is_shown(tmp_path):
    """A corpus folder made of links to files kept elsewhere (« ln -s ~/rapports/guide.pdf corpus/ »): the link is in
    the corpus folder, so its page is shown."""
    kept, corpus = tmp_path / "rapports", tmp_path / "corpus"
    kept.mkdir(), corpus.mkdir()
    (kept / "notes.txt").write_text("Page une.\fPage deux : les SCIC.", encoding="utf-8")
    (corpus / "notes.txt").symlink_to(kept / "notes.txt")
    library = web.SourceLibrary(corpus, {"notes.txt": "0" * 64})
    assert "les SCIC" in library.page("notes.txt", 2).text


# --- the real server over HTTP -------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, quiet=True)
    yield running
    running.close()


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server.url, verbose=False)


def test_search_endpoint_returns_cited_passages(client):
    result = client.predict(question="Qu'est-ce que le tiers-lieu KaléidosCOOP ?", k=3, api_name="/search")
    assert isinstance(result, list) and len(result) == 3
    for item in result:
        assert PASSAGE_KEYS <= set(item)
        assert item["source"] == REPORT and isinstance(item["page"], int)
        assert CITATION_RE.match(item["citation"]) and 0 <= item["score"] <= 1
    assert [r["score"] for r in result] == sorted((r["score"] for r in result), reverse=True)
    assert "KaléidosCOOP" in result[0]["text"] + result[0]["section"]
    assert len(client.predict(question="SCIC", k=1, api_name="/search")) == 1
    assert len(client.predict(question="SCIC", api_name="/search")) == web.DEFAULT_K


def test_search_endpoint_refuses_bad_input_with_a_message(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="empty"):
        client.predict(question="   ", k=3, api_name="/search")
    with pytest.raises(AppError, match="k must be"):
        client.predict(question="SCIC", k=0, api_name="/search")


def test_only_search_is_offered_as_an_api(client):
    assert set(client.view_api(return_format="dict", print_info=False)["named_endpoints"]) == {"/search"}


def test_search_serves_concurrent_requests(client, server):
    questions = [q for q, _ in UNSEEN_QUESTIONS[:8]]
    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [client.submit(question=q, k=2, api_name="/search") for q in questions]
        results = list(pool.map(lambda job: job.result(timeout=60), jobs))
    assert all(len(r) == 2 for r in results)


def test_unseen_questions_have_their_evidence_in_the_top_5_over_http(client):
    misses = []
    for question, evidence in UNSEEN_QUESTIONS:
        passages = client.predict(question=question, k=5, api_name="/search")
        if not any(contains_evidence(p["text"], tuple(evidence)) for p in passages):
            misses.append(question)
    hit_rate = 1 - len(misses) / len(UNSEEN_QUESTIONS)
    print(f"hit@5 over HTTP: {hit_rate:.3f}; misses: {misses}")
    assert hit_rate >= 0.9, misses


def test_source_page_over_http(server):
    status, kind, body = get(server.url + "source?file=metropoles-ess.txt&page=17&q=tiers-lieu%20Kal%C3%A9idosCOOP")
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    assert "metropoles-ess.txt · p. 17 / 64" in html.unescape(page)
    assert "<mark>KaléidosCOOP</mark>" in page
    assert "page=16" in page and "page=18" in page  # previous / next page
    for query in ("file=nope.txt&page=1", "file=metropoles-ess.txt&page=999", "file=..%2Fpyproject.toml&page=1", "file=metropoles-ess.txt&page=x"):
        status, _, body = get(server.url + "source?" + query)
        assert status == 404 and "<script" not in body.decode()
    status, _, _ = get(server.url + "source/file?file=metropoles-ess.txt")
    assert status == 404  # only PDF sources are served as files


def test_source_page_over_http_marks_content_words_only(server):
    query = urlencode({"file": REPORT, "page": 40, "q": "Strasbourg a-t-elle mis en place un SPASER pour l'emploi ?"})
    status, _, body = get(server.url + "source?" + query)
    marks = {html.unescape(word) for word in re.findall(r"<mark>(.*?)</mark>", body.decode())}
    assert status == 200 and {"Strasbourg", "SPASER", "emploi"} <= marks
    assert not marks & {"mis", "place", "en", "un", "pour", "l"}  # « mis en place »: one verb, no topic


def test_a_passages_link_opens_its_source_page_at_the_passage_marked(server, assistant):
    """A citation's link gives the passage's opening words and how many words it holds; over HTTP, the source page marks
    those words where the passage starts (id « cited », which the link's « #cited » opens at), not the whole page when
    its text has no blank line (helpers saw whole pages marked); without the count, the paragraph; nothing when the
    words are not there."""
    answer = assistant.ask("Qui préside Nantes Métropole ?")
    passage = answer.passages[0]
    href = html.unescape(re.search(r'class="essqa-cite" href="([^"]+)"', web.answer_html(answer)).group(1))
    assert href.endswith("#cited") and "at=" in href and f"n={len(passage.text.split())}" in href
    status, _, body = get(server.url + href.split("#")[0])
    marked = re.findall(r'<span (?:id="cited" )?class="cited">(.*?)</span>', body.decode(), re.S)  # over paragraphs
    assert status == 200 and marked and body.decode().count('id="cited"') == 1
    shown = re.sub(r"<[^>]+>", "", html.unescape(" ".join(marked))).split()
    assert shown[:4] == passage.text.split()[:4] and len(shown) == len(passage.text.split())
    status, _, body = get(server.url + href.split("#")[0].replace(f"&n={len(passage.text.split())}", ""))
    whole = re.search(r'<p id="cited" class="cited">(.*?)</p>', body.decode(), re.S)
    assert status == 200 and re.sub(r"<[^>]+>", "", html.unescape(whole.group(1))).split()[:4] == passage.text.split()[:4]
    status, _, body = get(server.url + "source?" + urlencode({"file": passage.source, "page": passage.page, "at": "mots absents de cette page"}))
    assert status == 200 and 'id="cited"' not in body.decode()


# --- first start: the page builds the index -------------------------------------------------------


def make_pdf(path: Path, pages: list[str]) -> None:
    write_text_pdf(path, pages)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("small-corpus")
    (corpus / "notes.txt").write_text(
        "Les coopératives\n\nLes SCIC associent salariés, usagers et collectivités.\f"
        "Les tiers-lieux\n\nUn tiers-lieu accueille des associations et des artisans.\n",
        encoding="utf-8",
    )
    make_pdf(
        corpus / "guide.pdf",
        ["Page one: the guide introduction.", "Page two: the Kaleidoscope garden hosts community composting."],
    )
    return corpus


def test_first_start_builds_the_index_with_a_visible_message(tmp_path, small_corpus):
    index_dir = tmp_path / "index"
    service = web.Service(index_dir, small_corpus)
    messages = []
    report_progress = service._on_progress

    def on_progress(done, total):  # what the page shows while the index is being built
        report_progress(done, total)
        messages.append((service.state, web.status_html(service)))

    service._on_progress = on_progress
    running = web.launch("127.0.0.1", free_port(), service=service, quiet=True)
    try:
        deadline = time.monotonic() + 180
        while service.state in ("loading", "building") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert service.ready, (service.state, service.problem)
        assert messages and all(state == "building" for state, _ in messages)
        assert re.search(r"indexation des documents en cours \((\d+) / \1 passages\)", visible_text(messages[-1][1]))
        assert (index_dir / "manifest.json").is_file()
        assert web.status_html(service) == ""

        from gradio_client import Client

        client = Client(running.url, verbose=False)
        result = client.predict(question="community composting garden", k=2, api_name="/search")
        assert result[0]["source"] == "guide.pdf" and result[0]["page"] == 2

        status, _, body = get(running.url + "source?file=guide.pdf&page=2")
        page = body.decode()
        assert status == 200 and 'src="source/file?file=guide.pdf#page=2"' in page
        assert "Kaleidoscope garden" in html.unescape(page)
        status, kind, body = get(running.url + "source/file?file=guide.pdf")
        assert status == 200 and kind == "application/pdf" and body.startswith(b"%PDF")
        status, _, body = get(running.url + "source?file=notes.txt&page=2")
        assert status == 200 and "tiers-lieu" in html.unescape(body.decode())
    finally:
        running.close()


def test_source_pages_come_from_the_corpus_the_index_was_built_from(tmp_path, small_corpus):
    from ess_qa import build

    index_dir = tmp_path / "index"
    build(small_corpus, index_dir)
    elsewhere = tmp_path / "served-with-another-corpus"
    elsewhere.mkdir()
    service = web.Service(index_dir, elsewhere).start(wait=True)
    assert service.ready, service.problem
    assert service.assistant().overview()["corpus"] == str(small_corpus.resolve())
    status, document = web.source_page_document(service.library(), "notes.txt", 2)
    assert status == 200 and "tiers-lieu" in visible_text(document)
    assert "a changé" not in visible_text(document)  # same checksum as indexed


def test_damaged_index_is_reported_on_the_page(tmp_path, small_corpus):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    service = web.Service(index_dir, small_corpus).start(wait=True)
    assert service.state == "failed"
    message = visible_text(web.status_html(service))
    assert "ne peut pas être utilisé" in message and "ess-qa index" in message
    content, answered, *_ = web.reply(service, "SCIC ?")
    assert not answered and "ess-qa index" in visible_text(content)


# --- the commands that start the page ---------------------------------------------------------------


@pytest.mark.parametrize("command", [["ess-qa", "serve"], [sys.executable, "app.py"]], ids=["ess-qa serve", "python app.py"])
def test_commands_serve_the_page_on_localhost(command, report_index_dir):
    port = free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    process, output = start_command([*command, "--port", str(port), "--index-dir", str(report_index_dir)], env, PROJECT_ROOT)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, "".join(output)
            try:
                if get(url)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("the page did not come up:\n" + "".join(output))
        from gradio_client import Client

        # the index loads in the background: /search says so until it is ready
        result = search_when_ready(Client(url, verbose=False), "Quelles métropoles soutiennent les SCIC ?", 2)
        assert len(result) == 2 and CITATION_RE.match(result[0]["citation"])
        assert f"chat page at http://127.0.0.1:{port}/" in "".join(output)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_taken_port_is_a_one_line_error(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert web.main(["--port", str(port), "--index-dir", str(tmp_path / "index")]) == 1
    assert f"port {port} on 127.0.0.1 is already in use: choose another with --port" in capsys.readouterr().err
    assert not (tmp_path / "index").exists()  # nothing was built for a page that could not start
