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


SLOW_FIRST_CHILD = r'''
import importlib, json, sys, time
from pathlib import Path
from sqlalchemy import select
from bogo import analyser
from bogo.store import Store, ingest
from bogo.store.models import Document, FindingRow
ingest_module = importlib.import_module("bogo.store.ingest")
tmp, seeds, examples, slow = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
real = ingest_module._prepare_safe

def slow_first(path):  # inherited by the forked workers: this file finishes after the next one
    if path.endswith(slow):
        time.sleep(2)
    return real(path)

ingest_module._prepare_safe = slow_first
out = {}
for jobs in (1, 2):
    store = Store(str(tmp / f"s{jobs}.db"))
    analyser.reset()
    ingest(store, sorted(seeds.glob("*.txt")), jobs=1)
    analyser.reset()
    ingest(store, [examples], jobs=jobs)
    with store.connect() as c:
        out[jobs] = {sha: sorted([d["code"], d.get("line") or 0, str(d.get("found") or "")] for (d,) in
                                 c.execute(select(FindingRow.data).where(FindingRow.document_id == doc)))
                     for sha, doc in c.execute(select(Document.sha256, Document.id))}
    store.close()
print(json.dumps(out))
'''


def test_a_store_filled_by_two_workers_is_the_store_one_fills_when_an_earlier_file_is_slow(tmp_path):
    """The 2025 report's C501 findings compare it with the 2024 plan stored before it: with
    the plan slowed down, a store that took results as they finished lost them."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from conftest import EXAMPLES, SEEDS

    later = tmp_path / "later"
    later.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt")):
        (later / f.name).write_bytes(f.read_bytes())
    proc = subprocess.run([sys.executable, "-c", SLOW_FIRST_CHILD, str(tmp_path), str(SEEDS), str(later),
                           "hanbit_2024_plan_office.txt"],
                          capture_output=True, text=True, timeout=600, cwd=Path(__file__).parent)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    one, two = out["1"], out["2"]
    assert any(code == "C501" for rows in one.values() for code, _, _ in rows)  # the findings at stake
    assert two == one
