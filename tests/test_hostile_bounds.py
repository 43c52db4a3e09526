"""Bounds of the hostile suite: the time budget (CPU seconds) of every reader, and memory under 2 GiB.

The deadline is tested on readers that never finish by themselves — one that
swallows every ``Exception`` in its loop, one that runs in a worker thread (where
the deadline is cooperative) — and on a generated 2,500-page PDF.  The memory
bombs of :mod:`test_hostile_inputs` run again in one subprocess whose address
space is limited to 2 GiB: a reader that allocated from declared sizes would die
there with MemoryError (exit 3) instead of ending in its expected exit code.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest

import hostile_kit as k
from bogo import readers
from bogo.errors import BogoError, LimitExceeded
from bogo.readers import Reader
from bogo.readers._deadline import check_deadline, deadline
from bogo.settings import SETTINGS

TWO_GIB = 2 << 30
QUICK = replace(SETTINGS, read_seconds=0.5)
_GIVE_UP = 30.0  # a loop that was not interrupted stops by itself, so a failure cannot hang the suite


def _stubborn_reader(path, data, settings):
    end = time.monotonic() + _GIVE_UP
    while time.monotonic() < end:
        try:
            sum(range(10_000))
        except Exception:  # noqa: BLE001 - the reader under test swallows everything it can
            pass
    return readers.Document(blocks=[], format="text")


def _cooperative_reader(path, data, settings):
    end = time.monotonic() + _GIVE_UP
    while time.monotonic() < end:
        check_deadline()
    return readers.Document(blocks=[], format="text")


@pytest.fixture
def text_reader(monkeypatch):
    readers.registered()

    def use(fn):
        monkeypatch.setitem(readers._REGISTRY, "text", Reader("text", fn))
    return use


def test_deadline_interrupts_a_reader_that_swallows_exceptions(tmp_path, text_reader):
    text_reader(_stubborn_reader)
    p = tmp_path / "slow.txt"
    p.write_text("Ⅰ. 현황\n", encoding="utf-8")
    with pytest.raises(LimitExceeded, match="시간 한도"):
        readers.read(p, QUICK)


def test_deadline_is_cooperative_outside_the_main_thread(tmp_path, text_reader):
    text_reader(_cooperative_reader)
    p = tmp_path / "slow.txt"
    p.write_text("Ⅰ. 현황\n", encoding="utf-8")
    caught: list[BaseException] = []

    def work():
        try:
            readers.read(p, QUICK)
        except BaseException as e:  # noqa: BLE001 - handed to the main thread
            caught.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join(_GIVE_UP + 5)
    assert caught and isinstance(caught[0], LimitExceeded) and "시간 한도" in str(caught[0])


def _waiting_reader(path, data, settings):
    end = time.monotonic() + _GIVE_UP
    while time.monotonic() < end:
        time.sleep(0.05)  # blocked, burning no CPU: only the wall-clock budget can stop it
    return readers.Document(blocks=[], format="text")


def _waiting_cooperative_reader(path, data, settings):
    end = time.monotonic() + _GIVE_UP
    while time.monotonic() < end:
        time.sleep(0.05)
        check_deadline()
    return readers.Document(blocks=[], format="text")


def test_wall_clock_budget_stops_a_reader_that_waits(tmp_path, text_reader):
    text_reader(_waiting_reader)
    p = tmp_path / "wait.txt"
    p.write_text("Ⅰ. 현황\n", encoding="utf-8")
    t0 = time.monotonic()
    with pytest.raises(LimitExceeded, match="경과 0.5초") as e:
        readers.read(p, replace(SETTINGS, read_wall_seconds=0.5))
    assert time.monotonic() - t0 < 5 and "BOGO_READ_WALL_SECONDS" in str(e.value)


def test_wall_clock_budget_is_cooperative_outside_the_main_thread(tmp_path, text_reader):
    text_reader(_waiting_cooperative_reader)
    p = tmp_path / "wait.txt"
    p.write_text("Ⅰ. 현황\n", encoding="utf-8")
    caught: list[BaseException] = []

    def work():
        try:
            readers.read(p, replace(SETTINGS, read_wall_seconds=0.5))
        except BaseException as e:  # noqa: BLE001 - handed to the main thread
            caught.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join(_GIVE_UP + 5)
    assert caught and isinstance(caught[0], LimitExceeded) and "경과" in str(caught[0])


def test_deadline_leaves_no_timer_behind():
    import signal

    with deadline(None, 5, 10):
        pass
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_many_page_pdf_ends_within_its_deadline(tmp_path):
    """2,500 pages end within a 1-second budget: read (PDFium is fast enough), or
    stopped by the time limit, or refused for having no Hangul text — one Korean line."""
    p = tmp_path / "pages.pdf"
    p.write_bytes(k.pdf_many_pages(2500))
    try:
        doc = readers.read(p, replace(SETTINGS, read_seconds=1))
    except BogoError as e:
        assert re.search("시간 한도|텍스트 층", str(e)) and "\n" not in str(e)
    else:
        assert doc.blocks


_RUNNER = """
import json, resource, sys
from typer.main import get_command
from bogo.cli import app
group = get_command(app)
out = []
for path in sys.argv[1:]:
    code = group.run(["check", path, "--format", "json"], "bogo", None)
    out.append([path, code])
print("RESULT " + json.dumps({"results": out,
                              "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (TWO_GIB, TWO_GIB))


def test_memory_bombs_stay_under_two_gib(tmp_path):
    from test_hostile_inputs import CASES

    bombs = {"hwpx-declared-100000x100000": (0, 1), "hwpx-cell-address-1e9": (2,),
             "hwpx-overlapping-spans-1000": (2,), "html-rowspan-colspan-1000": (2,),
             "text-table-rowspan-colspan-1000": (2,), "docx-gridspan-1e9": (0, 1),
             "ten-million-lines": (2,), "zip-sections-over-total-budget": (2,), "deflate-bomb": (2,)}
    files = {}
    for case in CASES:
        if case.id in bombs:
            d = tmp_path / case.id
            d.mkdir()
            files[str(case.build(d))] = case.id
    env = dict(os.environ, BOGO_READ_SECONDS="20")
    r = subprocess.run([sys.executable, "-c", _RUNNER, *files], preexec_fn=_limit_memory, env=env,
                       capture_output=True, text=True, timeout=600)
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, r.stderr[-2000:]
    got = json.loads(line[len("RESULT "):])
    wrong = {files[p]: code for p, code in got["results"] if code not in bombs[files[p]]}
    assert not wrong, (wrong, r.stderr[-2000:])
    assert got["maxrss_kib"] * 1024 < TWO_GIB
    assert "Traceback" not in r.stderr
