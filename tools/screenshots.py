"""Screenshots of the workbench's main pages for the README (``make screenshots``).

Ingests the bundled (fictional) examples into a temporary store — the real
reports under ../shared are test fixtures and are not shown in published images — starts ``bogo serve``
on a free port, and saves one PNG per page under ``docs/screenshots/`` with
Debian's Chromium driven by Playwright (the closed-network launch flags of the
browser tests).  Korean text needs a Korean font (``make screenshots`` installs
Debian's fonts-nanum).

    python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "examples"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def pages(base: str) -> list[tuple[str, str]]:
    """(file name, URL) of each page shown in the README."""
    docs = _get(base + "/docs.json")
    docs = docs["documents"] if isinstance(docs, dict) else docs
    with_errors = next((d for d in docs if (d.get("errors") or 0) > 0), docs[0])
    unit = urllib.parse.urlencode({"office": "기획예산실", "name": "대외협력담당관"})
    return [
        ("dashboard.png", base + "/"),
        ("documents.png", base + "/docs"),
        ("document.png", f"{base}/doc/{with_errors['id']}"),
        ("search.png", base + "/search?q=" + urllib.parse.quote("신속집행")),
        ("unit.png", base + "/unit?" + unit),
        ("audit.png", base + "/audit"),
        ("plans.png", base + "/plans"),
        ("questions.png", base + "/questions?" + urllib.parse.urlencode({"office": "기획예산실"})),
        ("upload.png", base + "/upload"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bogo.db")
        bogo = [sys.executable, "-m", "bogo"]
        subprocess.run(bogo + ["ingest", *map(str, SOURCES), "--db", db, "--jobs", "1"], check=True,
                       capture_output=True)
        port = _port()
        env = {**os.environ, "BOGO_TOKEN": "screenshots"}
        proc = subprocess.Popen(bogo + ["serve", "--db", db, "--port", str(port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    _get(base + "/docs.json")
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="ko-KR")
                for name, url in pages(base):
                    page.goto(url)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out / name))
                    print(out / name)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
