"""Browser tests: the workbench served by ``bogo serve`` and driven in a real
headless Chromium (Debian's ``/usr/bin/chromium``, installed by ``make test``)
through Playwright, with the launch flags of a closed office network.

One server per test session, on a free local port, over a store that the CLI's
own ``bogo ingest`` fills with the seeds, the examples and a report carrying
injected HTML.  A browser that cannot start is a failure, not a skip: ``make
test`` installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
CHROMIUM = os.environ.get("BOGO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TOKEN = "browser-test-token"
#: a report whose heading, prose and table cell carry HTML that must never run
INJECTED = """2026 주요업무보고 <script>window.__xss = 1</script>

1. 일반 현황 <img src=x onerror="window.__xss = 2">

 가. 주입점검과의 목표는 <script>window.__xss = 3</script> 입니다.

구분\t정원\t현원
주입점검과<b onmouseover="window.__xss=4">\t3\t2
합계\t3\t2
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bogo(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bogo", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=600)


@pytest.fixture(scope="session")
def injected_file(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("inj") / "injected_report.txt"
    p.write_text(INJECTED, encoding="utf-8")
    return p


@pytest.fixture(scope="session")
def server(tmp_path_factory, injected_file):
    """(base URL, db path) of a running ``bogo serve``."""
    db = tmp_path_factory.mktemp("web") / "bogo.db"
    r = _bogo("ingest", str(SEEDS), str(EXAMPLES), str(injected_file), "--db", str(db), "--jobs", "1")
    assert r.returncode == 0, r.stderr
    port = _free_port()
    env = {**os.environ, "BOGO_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "bogo", "serve", "--db", str(db), "--port", str(port)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # a loaded 2-core machine imports slowly
    while True:
        try:
            urllib.request.urlopen(base + "/docs.json", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out = proc.stdout.read() if proc.stdout else ""
                pytest.fail(f"bogo serve did not start: {out[-2000:]}")
            time.sleep(0.2)
    yield base, db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page; console errors (a CSP violation, a script failure) are collected."""
    ctx = browser.new_context(locale="ko-KR")
    pg = ctx.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.failed_responses = []
    pg.on("response", lambda r: r.status >= 400 and pg.failed_responses.append(f"{r.status} {r.url}"))
    pg.base = server[0]
    yield pg
    ctx.close()
