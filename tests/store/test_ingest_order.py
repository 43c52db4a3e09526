"""Ingest hands the workers' results on in input order, whichever worker finishes
first: the corpus checks compare each report with those stored before it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from bogo.store.ingest import in_input_order


def test_results_come_in_input_order_when_later_files_finish_first():
    first_may_finish = threading.Event()
    finished: list[str] = []

    def work(name: str) -> str:
        if name == "a":
            first_may_finish.wait(5)   # the first file is the slowest
        finished.append(name)
        if len(finished) == 3:
            first_may_finish.set()
        return name.upper()

    with ThreadPoolExecutor(4) as pool:
        got = list(in_input_order(pool, work, ["a", "b", "c", "d", "e"], limit=8))
    assert finished[0] != "a"                      # the workers did finish out of order
    assert got == ["A", "B", "C", "D", "E"]


def test_at_most_limit_files_are_in_flight():
    running = 0
    most = 0
    lock = threading.Lock()

    def work(name: str) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        with lock:
            running -= 1
        return name

    names = [str(i) for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        submitted = []
        real_submit = pool.submit
        pool.submit = lambda fn, x: submitted.append(x) or real_submit(fn, x)  # type: ignore[method-assign]
        out = []
        for r in in_input_order(pool, work, names, limit=3):
            # when a result is handed on, no more than ``limit`` files were submitted past it
            assert len(submitted) - len(out) <= 3
            out.append(r)
    assert out == names
