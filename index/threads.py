"""How many CPU threads each kind of work may use: BLAS at query time, FAISS searches, build workers.

On this project's 2-core machines, one query using every core for each small matrix product is
slower than one core per query (threads of two pools wait for each other), while a build is
fastest with one worker per core, each on one BLAS thread. The process-wide settings are made
here and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import threading

THREADS_ENV = "ESS_QA_THREADS"
WORKERS_ENV = "ESS_QA_BUILD_WORKERS"


def _positive_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def inference_threads() -> int:
    """CPU threads for one model call or one search: $ESS_QA_THREADS, else 1 (best for concurrent queries here)."""
    return _positive_int(THREADS_ENV, 1)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers and taskset narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def build_workers() -> int:
    """Threads that embed batches in parallel during a build: $ESS_QA_BUILD_WORKERS, else one per usable core."""
    return _positive_int(WORKERS_ENV, usable_cores())


_blas_libs = None
_blas_lock = threading.Lock()
_blas_users = 0  # threads inside blas_threads(): the limit is set by the first, undone by the last
_blas_saved: list[int] = []


def _numpy_blas() -> list:
    """threadpoolctl controllers of the pthreads BLAS libraries (numpy's), found once; [] without threadpoolctl.

    Their thread count is process-wide. OpenMP builds (the one bundled with faiss) keep a count
    per calling thread and are left alone: FAISS searches have search_threads() for that."""
    global _blas_libs
    if _blas_libs is None:
        try:
            from threadpoolctl import ThreadpoolController

            controllers = ThreadpoolController().lib_controllers
            _blas_libs = [lib for lib in controllers if lib.user_api == "blas" and getattr(lib, "threading_layer", "") == "pthreads"]
        except Exception:  # threadpoolctl missing or unable to inspect this platform
            _blas_libs = []
    return _blas_libs


@contextlib.contextmanager
def blas_threads():
    """Run numpy's BLAS (matrix products of queries and model calls) on inference_threads() threads.

    BLAS would otherwise use every core for each product, which is slower on a loaded machine
    (60 questions x 7,440 chunks: 23 ms on 2 busy cores, 9 ms on one; the bundled model's
    encoder took 3.0 s on one thread and 17 s on two for the report's chunks). The limit is
    process-wide, so concurrent callers share it: the first to enter sets it, the last to
    leave restores the previous setting."""
    global _blas_users, _blas_saved
    with _blas_lock:
        if _blas_users == 0:
            libs = _numpy_blas()
            _blas_saved = [lib.num_threads for lib in libs]
            for lib in libs:
                _set_num_threads(lib, inference_threads())
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0:
                for lib, count in zip(_numpy_blas(), _blas_saved):
                    _set_num_threads(lib, count)


def _set_num_threads(lib, count: int) -> None:
    """Set a BLAS library's thread count from this thread (callers hold _blas_lock). threadpoolctl (3.8) lets only
    the first thread that set an OpenBLAS limit set it again, and silently ignores the others: a query's thread set
    the limit and another restored nothing, or the limit was never set (the process kept every core). This thread
    takes control first; the lock keeps the settings of this module one at a time."""
    clear = getattr(lib, "clear_controlling_thread", None)
    if clear is not None:
        clear(force=True)
    lib.set_num_threads(count)


@contextlib.contextmanager
def search_threads():
    """FAISS searches on inference_threads() OpenMP threads (restored after).

    With its default of one thread per core, a FAISS HNSW search between two query encodings
    took 16-27 ms instead of 6 on this project's 2 shared cores (threads of two pools waiting
    for each other); builds keep the default, so graph construction uses every core. OpenMP
    keeps this count per calling thread, so concurrent searches do not disturb each other."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(inference_threads())
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)
