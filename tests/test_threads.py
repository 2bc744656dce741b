"""Thread limits are process-wide: concurrent queries must leave them as they found them."""

from __future__ import annotations

import threading

import faiss  # noqa: F401  (its OpenMP BLAS is loaded in real runs too)
import numpy as np
from threadpoolctl import threadpool_info

from index.threads import blas_threads


def blas_thread_counts() -> list[int]:
    """Thread counts of the process-wide (pthreads) BLAS libraries, numpy's among them."""
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas" and lib.get("threading_layer") == "pthreads"]


def test_concurrent_blas_limits_restore_the_process_setting(monkeypatch):
    monkeypatch.setenv("ESS_QA_THREADS", "1")
    before = blas_thread_counts()
    inside: list[list[int]] = []

    def work() -> None:
        for _ in range(100):
            with blas_threads():
                matrix = np.random.rand(40, 40)
                matrix @ matrix
                inside.append(blas_thread_counts())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert blas_thread_counts() == before
    # Whether worker threads see the limit depends on OpenBLAS's state (process-wide before torch
    # is loaded, not seen from new threads after, here): only the restored setting is asserted.
    assert len(inside) == 400


def test_model_encodes_running_beside_queries_leave_the_setting_as_it_was(monkeypatch):
    """The bundled model sets its own BLAS limit around each encode; it must nest in the shared one."""
    from index.embedding import load_embedder

    monkeypatch.setenv("ESS_QA_THREADS", "1")
    embedder = load_embedder()
    embedder.encode_queries(["warm-up"])  # the model loads in a background thread: the setting is read once it has loaded
    before = blas_thread_counts()

    def queries() -> None:
        for _ in range(100):
            with blas_threads():
                matrix = np.random.rand(40, 40)
                matrix @ matrix

    def encodes() -> None:
        for _ in range(20):
            embedder.encode_queries(["Quelles métropoles soutiennent les SCIC ?"])

    threads = [threading.Thread(target=queries) for _ in range(2)] + [threading.Thread(target=encodes) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert blas_thread_counts() == before


def test_a_lexicon_asked_for_by_many_requests_at_once_is_loaded_once():
    """A server's first requests ask for the lexicons together: each loading its own copy stalled every request for
    seconds (a keyword query's language is told by the English and French word lists)."""
    import time

    from ingest.french import _loaded_once

    loads: list[int] = []

    @_loaded_once
    def lexicon() -> frozenset[str]:
        loads.append(1)
        time.sleep(0.2)  # a load long enough for every thread to ask meanwhile
        return frozenset({"mot"})

    results: list[frozenset[str]] = []
    threads = [threading.Thread(target=lambda: results.append(lexicon())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1 and results == [frozenset({"mot"})] * 8


def test_the_limit_is_set_and_restored_from_any_thread(monkeypatch):
    """threadpoolctl lets only the first thread that set an OpenBLAS limit set it again, and silently ignores the others:
    a server's requests run in many threads, and the limit set by one was never restored by another (the
    test above failed about once in twenty runs), or never set at all."""
    from index.threads import _numpy_blas

    def controlled() -> list[int]:  # the libraries blas_threads sets (numpy's, found when first used: not a BLAS loaded later)
        return [lib.num_threads for lib in _numpy_blas()]

    monkeypatch.setenv("ESS_QA_THREADS", "1")
    before = controlled()
    with blas_threads():  # this thread sets the limit first
        pass
    inside: list[list[int]] = []

    def query() -> None:
        with blas_threads():
            inside.append(controlled())

    thread = threading.Thread(target=query)
    thread.start()
    thread.join()
    assert inside == [[1] * len(before)] and controlled() == before
