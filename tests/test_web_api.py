"""The plain JSON API (/api/search, /api/ask), the readiness check (/ready), calls made while the index
loads, and the bound on waiting queries. Real servers on 127.0.0.1, real HTTP."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from ess_qa import web
from ess_qa.web.service import Busy, QueryGate
from support import free_port


@pytest.fixture(scope="module")
def server(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, quiet=True)
    yield running
    running.close()


@pytest.fixture(scope="module")
def protected(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, auth=[("alice", "s3cret")], quiet=True)
    yield running
    running.close()


def test_api_search_returns_the_passages_search_gives(server, assistant):
    question = "Quelles métropoles soutiennent les SCIC ?"
    response = httpx.get(server.url + "api/search", params={"q": question, "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["question"] == question
    assert body["passages"] == [p.to_dict() for p in assistant.search(question, k=3)]
    posted = httpx.post(server.url + "api/search", json={"question": question, "k": 3})
    assert posted.status_code == 200 and posted.json() == body


def test_api_ask_returns_the_answer_with_its_extract(server, assistant):
    question = "Combien de métropoles ont été interrogées dans l'enquête ?"
    response = httpx.post(server.url + "api/ask", json={"question": question})
    assert response.status_code == 200
    assert response.json() == assistant.ask(question).to_dict()
    assert response.json()["found"] is True and response.json()["snippet"]


@pytest.mark.parametrize(
    ("params", "message"),
    [({"q": "  "}, "the question is empty"), ({"q": "SCIC", "k": "0"}, "k must be a whole number from 1"), ({"q": "SCIC", "k": "deux"}, "k must be a whole number")],
)
def test_api_refuses_bad_input_with_400_and_a_message(server, params, message):
    response = httpx.get(server.url + "api/search", params=params)
    assert response.status_code == 400 and message in response.json()["error"]


def test_api_refuses_a_body_that_is_not_a_json_object(server):
    for body in (b"not json", b"[1, 2]"):
        response = httpx.post(server.url + "api/search", content=body)
        assert response.status_code == 400 and "JSON" in response.json()["error"]


def test_with_a_login_the_api_takes_basic_credentials(protected):
    url = protected.url + "api/search"
    refused = httpx.get(url, params={"q": "SCIC"})
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
    assert "passages" not in refused.text
    assert httpx.get(url, params={"q": "SCIC"}, auth=("alice", "wrong")).status_code == 401
    answered = httpx.get(url, params={"q": "SCIC", "k": 2}, auth=("alice", "s3cret"))
    assert answered.status_code == 200 and len(answered.json()["passages"]) == 2


def test_ready_answers_200_once_the_index_is_loaded(server, protected):
    for running in (server, protected):  # no login needed: a load balancer polls it
        response = httpx.get(running.url + "ready")
        assert response.status_code == 200 and response.json() == {"ready": True, "state": "ready", "progress": [0, 0]}


def small_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "notes.txt").write_text(
        "Les coopératives\n\nLes SCIC associent salariés, usagers et collectivités.\f"
        "Les tiers-lieux\n\nUn tiers-lieu accueille des associations et des artisans.\n",
        encoding="utf-8",
    )
    return folder


def test_calls_made_while_the_index_is_built_wait_for_it(tmp_path):
    service = web.Service(tmp_path / "index", small_corpus(tmp_path / "corpus"))
    release = threading.Event()
    building = service._on_progress

    def slow_progress(done, total):  # hold the build until the test has seen /ready say so
        building(done, total)
        release.wait(60)

    service._on_progress = slow_progress
    running = web.launch("127.0.0.1", free_port(), service=service, quiet=True)
    try:
        deadline = time.monotonic() + 60
        while service.state != "building" and time.monotonic() < deadline:
            time.sleep(0.02)
        not_ready = httpx.get(running.url + "ready")
        assert not_ready.status_code == 503 and not_ready.headers["retry-after"] == "1"
        assert not_ready.json()["state"] == "building"
        results = {}
        calls = [
            threading.Thread(target=lambda: results.update(api=httpx.get(running.url + "api/search", params={"q": "tiers-lieu artisans", "k": 1}, timeout=120))),
            threading.Thread(target=lambda: results.update(gradio=gradio_search(running.url, "tiers-lieu artisans"))),
        ]
        for call in calls:
            call.start()
        time.sleep(1.0)
        assert not results  # both are waiting for the index, neither failed
        release.set()
        for call in calls:
            call.join(120)
        assert results["api"].status_code == 200 and results["api"].json()["passages"][0]["page"] == 2
        assert results["gradio"][0]["page"] == 2
        assert httpx.get(running.url + "ready").json()["ready"] is True
    finally:
        release.set()
        running.close()


def gradio_search(url: str, question: str) -> list:
    from gradio_client import Client

    return Client(url, verbose=False).predict(question=question, k=1, api_name="/search")


def test_past_the_wait_a_call_gets_503_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(web.api, "API_READY_WAIT_SECONDS", 0.2)
    service = web.Service(tmp_path / "index", small_corpus(tmp_path / "corpus"))
    release = threading.Event()
    service._on_progress = lambda done, total: release.wait(60)
    running = web.launch("127.0.0.1", free_port(), service=service, quiet=True)
    try:
        while service.state != "building":
            time.sleep(0.02)
        response = httpx.get(running.url + "api/search", params={"q": "tiers-lieu"})
        assert response.status_code == 503 and response.headers["retry-after"] == "1"
        assert "indexation des documents en cours" in response.json()["error"] and "retry shortly" in response.json()["error"]
    finally:
        release.set()
        running.close()


def test_the_gate_runs_a_bounded_number_of_queries_and_turns_away_the_excess():
    gate = QueryGate(workers=2, waiting=1)
    inside, most = [0], [0]
    lock = threading.Lock()
    hold = threading.Event()

    def query():
        with gate.turn():
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            hold.wait(10)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=query) for _ in range(3)]  # 2 run, 1 waits
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    with pytest.raises(Busy, match="retry in a second"):
        with gate.turn():
            pass
    hold.set()
    for thread in threads:
        thread.join(10)
    assert most[0] == 2
    with gate.turn():  # free again
        pass


def test_past_the_bound_gradio_s_queue_answers_503(tmp_path):
    """Gradio's /search and the page's events wait in Gradio's queue: bounded like the gate, at
    MAX_WAITING_QUERIES waiting calls, past which Gradio answers 503 (queue full)."""
    from ess_qa.web.service import MAX_WAITING_QUERIES

    service = web.Service(tmp_path / "index", small_corpus(tmp_path / "corpus"))
    release = threading.Event()
    service._on_progress = lambda done, total: release.wait(60)  # the workers' calls wait for the index
    running = web.launch("127.0.0.1", free_port(), service=service, quiet=True)
    try:
        while service.state != "building":
            time.sleep(0.02)
        url = running.url + "gradio_api/call/search"
        statuses = [httpx.post(url, json={"data": ["tiers-lieu", 1]}).status_code for _ in range(MAX_WAITING_QUERIES + 8)]
        assert statuses[:MAX_WAITING_QUERIES] == [200] * MAX_WAITING_QUERIES
        assert statuses.count(200) <= MAX_WAITING_QUERIES + web.QUERY_CONCURRENCY and statuses[-1] == 503
    finally:
        release.set()
        running.close()
