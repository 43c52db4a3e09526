"""Worker processes that share what their parent loaded: when forking is safe, and a trimmed heap.

A batch (:mod:`bogo.batch`) or an ingest (:mod:`bogo.store.ingest`) forks its
workers after loading the Korean analyser without threads, so that one model's
pages serve every worker (copy-on-write) instead of one copy per worker.
Forking is safe only where the platform has it and no other thread is running
(a thread's locks would be copied held); otherwise workers are spawned fresh.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading


def fork_context():
    """The fork start method where it exists, else None."""
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def can_fork_safely() -> bool:
    """Whether this process may fork workers now: fork exists and this is its only thread."""
    return fork_context() is not None and threading.active_count() == 1


def prepare_fork() -> None:
    """Just before forking: the objects made so far left out of the collector in the workers
    (collecting them would write to their pages and unshare them), the C heap trimmed."""
    gc.freeze()
    trim_heap()


def trim_heap() -> None:
    """Give the C heap's free pages back to the system before forking (glibc only), so that the
    workers do not inherit, and the batch does not count, what loading the analyser left free."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
