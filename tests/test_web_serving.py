"""Serving the chat page safely: loopback by default, a warning (or a refusal) for other addresses,
an optional login from ESS_QA_AUTH, concurrent /search calls kept apart, and refused calls logged
in one line. Servers in these tests only ever bind 127.0.0.1."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from ess_qa import cli, web
from support import free_port, search_when_ready, start_command

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ALL_INTERFACES_WARNING = (
    "warning: serving on all interfaces: anyone who can reach this machine can use the page; "
    "set ESS_QA_AUTH=user:password to require a login"
)


# --- where the page may listen ---------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]", " 127.0.0.1 "])
def test_loopback_addresses_are_served_without_a_warning(host):
    assert web.is_loopback(host)
    assert web.choose_host(host, environ={}) == (host.strip(), None)


def test_the_default_is_this_machine_only():
    assert web.choose_host(None, environ={}) == ("127.0.0.1", None)
    assert web.choose_host(None, environ={"GRADIO_SERVER_NAME": "localhost"}) == ("localhost", None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_all_interfaces_when_asked_explicitly_with_a_warning(host):
    chosen, warning = web.choose_host(host, environ={})
    assert chosen == host and warning == ALL_INTERFACES_WARNING


@pytest.mark.parametrize("host", ["192.168.1.20", "10.0.0.5", "myserver.example.org"])
def test_another_address_when_asked_explicitly_with_a_warning(host):
    assert not web.is_loopback(host)
    chosen, warning = web.choose_host(host, environ={})
    assert chosen == host
    assert warning.startswith(f"warning: serving on {host}: anyone who can reach {host} can use the page; set ESS_QA_AUTH=")


def test_with_a_login_the_warning_is_about_plain_http():
    _, warning = web.choose_host("0.0.0.0", environ={}, auth=True)
    assert warning.startswith("warning: serving on all interfaces: anyone who can reach this machine gets the login page")
    assert "HTTPS" in warning


@pytest.mark.parametrize("name", ["0.0.0.0", "192.168.1.20", "example.org"])
def test_a_non_loopback_address_from_the_environment_is_refused(name):
    with pytest.raises(web.ServeError, match=rf"GRADIO_SERVER_NAME={name} would serve the page beyond this machine.*--host {name}"):
        web.choose_host(None, environ={"GRADIO_SERVER_NAME": name})
    assert web.choose_host(name, environ={"GRADIO_SERVER_NAME": name})[0] == name  # explicit --host wins


def test_an_empty_host_is_refused():
    with pytest.raises(web.ServeError, match="--host needs an address"):
        web.choose_host("  ", environ={})


# --- the commands' decisions, without binding anything ----------------------------------------------


class FakePage:
    def block_thread(self):
        return None

    def close(self, verbose=False):
        return None


@pytest.fixture
def launches(monkeypatch):
    """Replaces web.launch for serve(): records each call's host and auth, binds nothing."""
    calls: list[dict] = []

    def fake_launch(host, port, index_dir=None, **kwargs):
        calls.append({"host": host, "port": port, **kwargs})
        service = web.Service(index_dir or "/nonexistent/never-used")
        return web.RunningServer(FakePage(), service, f"http://{host}:{port}/")

    monkeypatch.setattr(web.serving, "launch", fake_launch)  # where serve() finds it
    monkeypatch.delenv("ESS_QA_AUTH", raising=False)
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    return calls


def test_serve_binds_loopback_by_default_and_says_nothing_alarming(launches, capsys, tmp_path):
    assert cli.main(["serve", "--index-dir", str(tmp_path / "index")]) == 0
    assert [call["host"] for call in launches] == ["127.0.0.1"] and launches[0]["auth"] is None
    out = capsys.readouterr()
    assert "warning" not in out.err and "chat page at http://127.0.0.1:7860/" in out.out


@pytest.mark.parametrize("entry", ["ess-qa", "app.py"])
def test_serve_on_all_interfaces_prints_the_warning(launches, capsys, tmp_path, entry):
    argv = ["--host", "0.0.0.0", "--port", "8123", "--index-dir", str(tmp_path / "index")]
    status = cli.main(["serve", *argv]) if entry == "ess-qa" else web.main(argv)
    assert status == 0
    assert launches[0]["host"] == "0.0.0.0"
    assert capsys.readouterr().err.strip() == ALL_INTERFACES_WARNING


def test_serve_refuses_a_public_address_it_was_not_given_explicitly(launches, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    assert cli.main(["serve", "--index-dir", str(tmp_path / "index")]) == 1
    assert launches == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ess-qa serve: error: GRADIO_SERVER_NAME=0.0.0.0 would serve the page beyond this machine")


def test_serve_passes_the_logins_and_the_corpus(launches, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("ESS_QA_AUTH", "alice:s3cret, bob:pass:with:colons")
    corpus = tmp_path / "docs"
    corpus.mkdir()
    assert cli.main(["serve", "--index-dir", str(tmp_path / "index"), "--corpus", str(corpus)]) == 0
    assert launches[0]["auth"] == [("alice", "s3cret"), ("bob", "pass:with:colons")]
    assert launches[0]["corpus"] == str(corpus)
    assert "login required (ESS_QA_AUTH: 2 users)" in capsys.readouterr().out


def test_serve_refuses_a_corpus_that_does_not_exist(launches, capsys, tmp_path):
    assert cli.main(["serve", "--corpus", str(tmp_path / "nope")]) == 1
    assert launches == [] and "no such corpus file or folder" in capsys.readouterr().err


# --- ESS_QA_AUTH --------------------------------------------------------------------------------------


def test_auth_is_off_when_the_variable_is_unset():
    assert web.auth_from_env({}) is None


@pytest.mark.parametrize("value", ["alice", "alice:", ":hunter2", "", "alice:hunter2,", "alice:hunter2,,bob:x", " : ", "alice;hunter2"])
def test_malformed_auth_is_a_one_line_error_without_the_password(value, launches, capsys, monkeypatch, tmp_path):
    with pytest.raises(web.ServeError, match="ESS_QA_AUTH must be user:password"):
        web.auth_from_env({"ESS_QA_AUTH": value})
    monkeypatch.setenv("ESS_QA_AUTH", value)
    assert cli.main(["serve", "--index-dir", str(tmp_path / "index")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ess-qa serve: error: ESS_QA_AUTH must be user:password")
    assert "hunter2" not in err
    assert launches == []  # refused before anything is served or built


def test_a_user_named_twice_is_refused():
    with pytest.raises(web.ServeError, match="names the user 'alice' twice"):
        web.auth_from_env({"ESS_QA_AUTH": "alice:a,alice:b"})


def test_app_py_reports_malformed_auth_in_one_line(monkeypatch, capsys, launches, tmp_path):
    monkeypatch.setenv("ESS_QA_AUTH", "nocolon")
    assert web.main(["--index-dir", str(tmp_path / "index")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("app.py: error: ESS_QA_AUTH must be user:password")


@pytest.fixture(scope="module")
def protected(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, auth=[("alice", "s3cret")], quiet=True)
    yield running
    running.close()


def test_with_auth_http_without_credentials_is_refused(protected):
    url = protected.url
    assert httpx.post(url + "gradio_api/call/search", json={"data": ["SCIC", 2]}).status_code == 401
    assert httpx.get(url + "config").status_code == 401
    assert httpx.get(url + "gradio_api/info").status_code == 401
    for path in ("source?file=metropoles-ess.txt&page=3", "source/file?file=metropoles-ess.txt"):
        response = httpx.get(url + path)
        assert response.status_code == 401 and "metropoles" not in response.text  # the report's pages too


def test_with_auth_the_client_logs_in(protected):
    from gradio_client import Client

    with pytest.raises(Exception, match="credentials were not provided"):
        Client(protected.url, verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(protected.url, auth=("alice", "wrong"), verbose=False)
    client = Client(protected.url, auth=("alice", "s3cret"), verbose=False)
    result = client.predict(question="Quelles métropoles soutiennent les SCIC ?", k=2, api_name="/search")
    assert len(result) == 2 and result[0]["source"] == "metropoles-ess.txt"


def test_with_auth_a_logged_in_browser_opens_source_pages(protected):
    with httpx.Client(base_url=protected.url) as browser:
        assert browser.post("login", data={"username": "alice", "password": "wrong"}).status_code == 400
        assert browser.get("source?file=metropoles-ess.txt&page=17").status_code == 401
        assert browser.post("login", data={"username": "alice", "password": "s3cret"}).status_code == 200
        response = browser.get("source?file=metropoles-ess.txt&page=17")
        assert response.status_code == 200 and "KaléidosCOOP" in response.text


def test_signed_in_reads_what_gradio_reads(protected, server):
    """The source pages are plain routes, and Gradio 6 tells who is logged in only to its own events
    (gr.Request.username), so web.serving.signed_in reads Gradio's internals: App.auth, App.cookie_id,
    App.tokens. If this fails after a Gradio upgrade, those changed: make signed_in read what Gradio's
    own /gradio_api/user route reads now."""
    from types import SimpleNamespace

    from ess_qa.web.serving import signed_in

    app = protected.page.server_app
    assert app.auth is not None, "Gradio's App no longer keeps the logins in App.auth"
    assert isinstance(app.cookie_id, str), "Gradio's App no longer names its session cookie with App.cookie_id"
    assert isinstance(app.tokens, dict), "Gradio's App no longer keeps its sessions in the dict App.tokens"
    with httpx.Client(base_url=protected.url) as browser:
        for logged_in in (False, True):
            if logged_in:
                assert browser.post("login", data={"username": "alice", "password": "s3cret"}).status_code == 200
            gradio_user = browser.get("gradio_api/user").json()  # Gradio's own answer for this visitor
            assert gradio_user == ("alice" if logged_in else None)
            assert signed_in(SimpleNamespace(app=app, cookies=dict(browser.cookies))) is logged_in
    open_app = server.page.server_app
    assert open_app.auth is None and signed_in(SimpleNamespace(app=open_app, cookies={}))


def test_ess_qa_auth_protects_the_page_started_by_the_command(report_index_dir):
    port = free_port()
    env = dict(os.environ, ESS_QA_AUTH="alice:s3cret", HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    env.pop("GRADIO_SERVER_NAME", None)
    process, output = start_command([sys.executable, "app.py", "--port", str(port), "--index-dir", str(report_index_dir)], env, PROJECT_ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while not any("chat page at" in line for line in output):
            assert process.poll() is None and time.monotonic() < deadline, "".join(output)
            time.sleep(0.2)
        assert "login required (ESS_QA_AUTH: 1 user)" in "".join(output)
        assert "warning" not in "".join(output)  # loopback: nothing to warn about
        assert httpx.post(url + "gradio_api/call/search", json={"data": ["SCIC", 2]}).status_code == 401

        from gradio_client import Client

        result = search_when_ready(Client(url, auth=("alice", "s3cret"), verbose=False), "SCIC", 1)
        assert len(result) == 1
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- concurrent queries -----------------------------------------------------------------------------

CONCURRENT_QUESTIONS = [
    "Qu'est-ce que le tiers-lieu KaléidosCOOP ?",
    "Combien d'habitants compte Nantes Métropole ?",
    "Which law of 27 January 2014 gave metropolises their reinforced powers?",
    "Quels cabinets ont mené l'évaluation de la politique ESS de Bordeaux Métropole ?",
    "Combien coûte le Conseil de l'ESS de Strasbourg ?",
    "En quelle année le Business and Innovation Centre de Montpellier a-t-il été créé ?",
    "How do metropolitan areas evaluate their social economy policies?",
    "Quelle est la métropole la plus peuplée ?",
]


@pytest.fixture(scope="module")
def server(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, quiet=True)
    yield running
    running.close()


def test_concurrent_search_calls_get_their_own_results(server, assistant):
    """8 threads, each with its own client, ask the 8 questions in a different order, 3 times:
    every answer is the one the question gets alone (same passages, same order, same scores)."""
    from gradio_client import Client

    expected = {q: [p.to_dict() for p in assistant.search(q, k=4)] for q in CONCURRENT_QUESTIONS}
    assert len({tuple(p["citation"] + p["text"][:40] for p in e) for e in expected.values()}) == len(CONCURRENT_QUESTIONS)
    results: list[tuple[str, list]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def user(offset: int) -> None:
        try:
            client = Client(server.url, verbose=False)
            start.wait(timeout=60)
            for round_ in range(3):
                for i in range(len(CONCURRENT_QUESTIONS)):
                    question = CONCURRENT_QUESTIONS[(i + offset + round_) % len(CONCURRENT_QUESTIONS)]
                    got = client.predict(question=question, k=4, api_name="/search")
                    with lock:
                        results.append((question, got))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert len(results) == 8 * 3 * len(CONCURRENT_QUESTIONS)
    for question, got in results:
        assert got == expected[question], question


def test_queries_share_one_concurrency_group(server):
    """The chat's question events and /search run in one group, limited for 2 cores."""
    blocks = server.page
    query_events = [fn for fn in blocks.fns.values() if fn.concurrency_id == web.QUERY_GROUP]
    assert {fn.api_name for fn in query_events} >= {"search"}
    assert len(query_events) == 4  # the question box, the button, the examples, /search
    assert all(fn.concurrency_limit == web.QUERY_CONCURRENCY == 2 for fn in query_events)


# --- refused calls in the server log ------------------------------------------------------------------


def test_a_refused_search_call_logs_one_line_not_a_traceback(server, caplog, capfd):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(server.url, verbose=False)
    capfd.readouterr()
    with caplog.at_level(logging.WARNING, logger="ess_qa.web"):
        with pytest.raises(AppError, match="empty"):
            client.predict(question="   ", k=3, api_name="/search")
        with pytest.raises(AppError, match="k must be"):
            client.predict(question="SCIC", k=0, api_name="/search")
    refused = [r.getMessage() for r in caplog.records if r.name == "ess_qa.web"]
    assert len(refused) == 2 and all(m.startswith("/search refused: ") and "\n" not in m for m in refused)
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_the_pages_html_says_it_is_french(server):
    """Gradio writes « lang="en" », which the page's script changes only once it runs: a browser offered to translate
    the French page from English, a screen reader read it as English (a helper read the raw HTML). The HTML served
    says « fr », and the page's length is unchanged."""
    import httpx

    response = httpx.get(server.url)
    assert response.status_code == 200 and 'lang="fr"' in response.text[:300] and 'lang="en"' not in response.text[:300]
    assert int(response.headers["content-length"]) == len(response.content)
