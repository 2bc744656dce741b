"""The chat page in a real browser: Debian's chromium, headless, driven by Playwright.

Set ESS_QA_UPDATE_SCREENSHOT=1 to also write docs/screenshot.png from the first test.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from ess_qa import build, web
from ess_qa.profiles.metropoles import EXAMPLES as REPORT_EXAMPLES
from support import free_port

pytestmark = pytest.mark.browser

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ESS_QA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPLY_TIMEOUT_MS = 60_000
CITATION = r"metropoles-ess\.txt · p\. \d+"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no chromium at {CHROMIUM}: run scripts/test.sh (installs Debian's chromium) or set ESS_QA_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, quiet=True)
    yield running
    running.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.goto(server.url)
    tab.locator("#essqa-question textarea").wait_for()
    yield tab
    context.close()


def ask(page, question: str) -> None:
    box = page.locator("#essqa-question textarea")
    box.fill(question)
    box.press("Enter")


def wait_for_replies(page, count: int):
    """The chat's assistant replies, once there are `count` of them."""
    replies = page.locator("#essqa-chat .bot")
    page.wait_for_function(
        "n => document.querySelectorAll('#essqa-chat .bot').length >= n", arg=count, timeout=REPLY_TIMEOUT_MS
    )
    return replies


def test_typed_question_gets_cited_passages_and_opens_the_source(page, tmp_path):
    from playwright.sync_api import expect

    question = "Qu'est-ce que le tiers-lieu KaléidosCOOP à Strasbourg ?"
    ask(page, question)
    reply = wait_for_replies(page, 1).last
    citations = reply.locator(".essqa-cite")
    expect(citations.first).to_have_text(re.compile(CITATION), timeout=REPLY_TIMEOUT_MS)
    assert citations.count() == web.DEFAULT_K
    assert [r.inner_text() for r in reply.locator(".essqa-rank").all()] == [str(i) for i in range(1, web.DEFAULT_K + 1)]
    assert reply.locator("mark", has_text="KaléidosCOOP").count() >= 1
    assert "KaléidosCOOP" in reply.locator(".essqa-text").first.inner_text()
    expect(page.locator("#essqa-chat .user").last).to_have_text(question)
    expect(page.locator("#essqa-question textarea")).to_have_value("")
    assert page.locator("#essqa-chat button[aria-label='Copy message']").count() == 0  # it would copy HTML

    page.locator("#essqa-chat [role=log]").evaluate("log => log.scrollTop = 0")  # the question, then the passages
    shot = tmp_path / "chat.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("ESS_QA_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, PROJECT_ROOT / "docs" / "screenshot.png")

    cited = citations.first.inner_text()
    with page.context.expect_page() as opened:
        citations.first.click()
    source = opened.value
    source.wait_for_load_state()
    page_number = cited.split("· p. ")[1].split(" ")[0]
    assert f"p. {page_number} / 64" in source.locator("h1").inner_text()
    assert source.locator(".page mark").count() >= 1
    assert page.errors == []


def test_example_question_and_follow_up(page):
    from playwright.sync_api import expect

    page.locator("#essqa-examples button", has_text=REPORT_EXAMPLES[0]).click()
    first = wait_for_replies(page, 1).last
    expect(first.locator(".essqa-cite").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    expect(page.locator("#essqa-chat .user").first).to_have_text(REPORT_EXAMPLES[0])

    english = REPORT_EXAMPLES[-1]
    page.locator("#essqa-examples button", has_text=english[:30]).click()
    second = wait_for_replies(page, 2).nth(1)
    expect(second.locator(".essqa-cite").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)

    ask(page, "Et à Bordeaux ?")  # a follow-up in the same conversation
    third = wait_for_replies(page, 3).nth(2)
    expect(third.locator(".essqa-cite").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    assert page.locator("#essqa-chat .user").count() == 3
    assert page.errors == []


def test_the_page_speaks_french_and_a_reply_is_shown_from_its_answer(page):
    """The page declares French; after a second question, the conversation shows that question and the new reply's
    start (its answer), not the end of its last passage, and nothing covers the answer."""
    from playwright.sync_api import expect

    assert page.evaluate("document.documentElement.lang") == "fr"
    # the question box is named in French for a screen reader, not Gradio's « Textbox »
    assert page.get_by_label("Votre question").count() == 1 and page.get_by_label("Textbox").count() == 0
    for count, question in enumerate(("Qui préside Nantes Métropole ?", "Combien de salariés compte l'ESS à Lille ?"), start=1):
        ask(page, question)
        reply = wait_for_replies(page, count).nth(count - 1)
        expect(reply.locator(".essqa-cite").first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    answer = page.locator("#essqa-chat .bot").last.locator(".essqa-answer").first
    page.wait_for_timeout(300)  # the reply is scrolled to once drawn
    in_view = "a => { const log = a.closest('[role=log]').getBoundingClientRect(); const r = a.getBoundingClientRect(); return r.top >= log.top - 1 && r.top < log.bottom; }"
    assert answer.evaluate(in_view)
    assert page.locator("#essqa-chat .user").last.evaluate(in_view)  # the question asked, above its reply
    # nothing covers the answer's first line (the chat's label floated over « RÉPONSE »)
    on_top = answer.evaluate("a => { const r = a.getBoundingClientRect(); const e = document.elementFromPoint(r.left + 8, r.top + 4); return a.contains(e); }")
    assert on_top
    assert page.errors == []


def test_a_follow_up_question_is_read_with_the_previous_one(page):
    from playwright.sync_api import expect

    ask(page, "Combien d'habitants compte Nantes Métropole ?")
    first = wait_for_replies(page, 1).last
    expect(first.locator(".essqa-cite").first).to_contain_text("Nantes Métropole", timeout=REPLY_TIMEOUT_MS)
    assert first.locator(".essqa-understood").count() == 0

    ask(page, "Et à Bordeaux ?")
    second = wait_for_replies(page, 2).nth(1)
    expect(second.locator(".essqa-cite").first).to_contain_text("Fiches métropoles › Bordeaux Métropole", timeout=REPLY_TIMEOUT_MS)
    expect(second.locator(".essqa-understood")).to_contain_text("Question comprise")
    assert "Bordeaux" in second.locator(".essqa-understood").inner_text()
    assert "783 000" in second.locator(".essqa-snippet").inner_text()  # Bordeaux's population, from its sheet
    expect(page.locator("#essqa-chat .user").last).to_have_text("Et à Bordeaux ?")  # as typed
    assert page.errors == []


def test_a_comparison_question_is_answered_from_the_fact_sheets(page):
    from playwright.sync_api import expect

    ask(page, "Quelle est la métropole la plus peuplée ?")
    reply = wait_for_replies(page, 1).last
    snippet = reply.locator(".essqa-snippet")
    expect(snippet).to_contain_text("Métropole du Grand Paris", timeout=REPLY_TIMEOUT_MS)
    assert "7 026 945" in snippet.inner_text()
    cite = snippet.locator(".essqa-snippet-cite a").first
    expect(cite).to_have_text(re.compile(r"metropoles-ess\.txt · p\. 55 · Fiches métropoles › Métropole du Grand Paris"))
    with page.context.expect_page() as opened:
        cite.click()
    source = opened.value
    source.wait_for_load_state()
    assert "p. 55 / 64" in source.locator("h1").inner_text()
    assert "7 026 945" in source.locator(".page").inner_text()
    assert page.errors == []


def test_metropoles_tab_table_sorts_and_the_chart_follows_the_chosen_figure(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Métropoles").click()
    table = page.locator("#essqa-table")
    names = table.locator("[role=gridcell][data-col='0']")
    expect(names).to_have_count(14, timeout=REPLY_TIMEOUT_MS)
    assert names.first.inner_text() == "Aix-Marseille-Provence Métropole"  # in the report's order
    headers = table.locator("th")
    assert headers.nth(2).inner_text().strip() == "Habitants"
    headers.nth(2).hover()
    headers.nth(2).locator("button.cell-menu-button").click()
    page.get_by_role("menuitem", name=re.compile("Trier par ordre décroissant|Sort descending")).click()  # fr-FR browser
    expect(names.first).to_have_text("Métropole du Grand Paris")
    population = table.locator("[role=gridcell][data-col='2']")
    assert population.first.inner_text().replace("\u202f", " ") == "7 026 945"
    assert names.nth(1).inner_text() == "Aix-Marseille-Provence Métropole"

    expect(page.locator("#essqa-chart-note")).to_contain_text("Habitants : les 14 fiches donnent ce chiffre")
    expect(page.locator("#essqa-chart canvas, #essqa-chart svg").first).to_be_visible()
    figure = page.locator("#essqa-figure input")
    figure.click()
    page.get_by_role("option", name="Salariés ESS").click()
    expect(page.locator("#essqa-chart-note")).to_contain_text("Salariés ESS : 9 fiches sur 14 donnent ce chiffre")
    assert "Métropole du Grand Paris" in page.locator("#essqa-chart-note").inner_text()  # no ESS figures on its sheet

    link = page.locator("#essqa-sheets a", has_text="Bordeaux Métropole · p. 50")
    with page.context.expect_page() as opened:
        link.click()
    source = opened.value
    source.wait_for_load_state()
    assert "p. 50 / 64" in source.locator("h1").inner_text()
    assert page.errors == []


def test_controls_apply_to_the_next_question(page):
    from playwright.sync_api import expect

    k = page.locator("#essqa-k input[type=number]")
    k.fill("2")
    k.press("Enter")
    ask(page, "Quelles métropoles soutiennent les SCIC ?")
    reply = wait_for_replies(page, 1).last
    expect(reply.locator(".essqa-passage")).to_have_count(2, timeout=REPLY_TIMEOUT_MS)

    for selector, value in (("#essqa-page-from", "20"), ("#essqa-page-to", "30")):
        box = page.locator(f"{selector} input")
        box.fill(value)
        box.press("Enter")
    ask(page, "Quelles métropoles soutiennent les SCIC ?")
    reply = wait_for_replies(page, 2).nth(1)
    expect(reply.locator(".essqa-summary")).to_contain_text("pages 20–30", timeout=REPLY_TIMEOUT_MS)
    for citation in reply.locator(".essqa-cite").all():
        assert 20 <= int(citation.inner_text().split("· p. ")[1].split(" ")[0]) <= 30


def test_empty_question_gets_a_message_not_an_error(page):
    from playwright.sync_api import expect

    page.locator("#essqa-ask").click()
    reply = wait_for_replies(page, 1).last
    expect(reply.locator(".essqa-note")).to_contain_text("Tapez une question")
    assert page.locator("#essqa-chat .user").count() == 0
    assert page.locator(".toast-body, .error").count() == 0
    assert page.errors == []


HOSTILE_PAGE = (
    "Piège à balises\n\n"
    "Le jardin partagé Kaleidoscope <script>window.__pwned = 1</script> accueille "
    '<img src=x onerror="window.__pwned = 2"> des habitants. **gras** _italique_ '
    "[lien](javascript:window.__pwned=3) `code` $$x^2$$ ~~barré~~ &amp; <b>fin</b>\n"
)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "piege.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("hostile-index") / "index"
    build(corpus, index_dir)
    running = web.launch("127.0.0.1", free_port(), str(index_dir), corpus=corpus, quiet=True)
    running.service.start(wait=True)
    assert running.service.ready, running.service.problem
    yield running
    running.close()


def test_html_and_markdown_in_documents_and_questions_are_shown_as_text(browser, hostile_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(hostile_server.url)
        ask(page, "<img src=y onerror=\"window.__pwned = 4\"> jardin **Kaleidoscope** ?")
        reply = wait_for_replies(page, 1).last
        reply.locator(".essqa-cite").first.wait_for(timeout=REPLY_TIMEOUT_MS)
        chat = page.locator("#essqa-chat")
        assert chat.locator("script, img, b, strong, em, code, del, .katex").count() == 0
        links = [a.get_attribute("href") for a in reply.locator("a").all()]
        assert links and all(href.startswith("source?file=piege.txt&page=1") for href in links)  # citations only
        text = reply.inner_text()
        for shown in ("<script>window.__pwned = 1</script>", "<img src=x", "**gras**", "_italique_", "[lien](javascript:", "$$x^2$$", "&amp;", "<b>fin</b>"):
            assert shown in text, shown
        assert '<img src=y onerror="window.__pwned = 4"> jardin **Kaleidoscope** ?' in page.locator("#essqa-chat .user").inner_text()

        with context.expect_page() as opened:
            reply.locator(".essqa-cite").first.click()
        source = opened.value
        source.wait_for_load_state()
        assert "<script>window.__pwned = 1</script>" in source.locator(".page").inner_text()
        assert source.locator(".page script, .page img, .page b").count() == 0
        for tab in (page, source):
            assert tab.evaluate("() => window.__pwned") is None
        assert errors == []
    finally:
        context.close()


def test_first_start_shows_the_indexing_message_then_answers(browser, tmp_path):
    from playwright.sync_api import expect

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("Les coopératives\n\nLes SCIC associent salariés, usagers et collectivités.\n", encoding="utf-8")
    service = web.Service(tmp_path / "index", corpus)
    release = threading.Event()
    report_progress = service._on_progress

    def on_progress(done, total):  # hold the build here until the page has been looked at
        report_progress(done, total)
        release.wait(timeout=120)

    service._on_progress = on_progress
    running = web.launch("127.0.0.1", free_port(), service=service, quiet=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(running.url)
        status = page.locator("#essqa-status .essqa-status")
        expect(status).to_contain_text("indexation des documents en cours", timeout=REPLY_TIMEOUT_MS)
        ask(page, "Que sont les SCIC ?")
        reply = wait_for_replies(page, 1).last
        expect(reply.locator(".essqa-note")).to_contain_text("indexation")
        expect(page.locator("#essqa-question textarea")).to_have_value("Que sont les SCIC ?")  # kept to ask again

        release.set()
        expect(status).to_have_count(0, timeout=REPLY_TIMEOUT_MS)  # the message goes once the index is ready
        page.locator("#essqa-question textarea").press("Enter")
        second = wait_for_replies(page, 2).nth(1)
        expect(second.locator(".essqa-cite").first).to_have_text(re.compile(r"notes\.txt · p\. 1"), timeout=REPLY_TIMEOUT_MS)
    finally:
        release.set()
        context.close()
        running.close()
