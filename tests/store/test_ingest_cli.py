"""``bogo ingest`` as a user runs it: folders, failures, re-runs, kills and concurrent writers."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from bogo.cli import app
from bogo.store import Store
from bogo.store.models import Document, SearchEntry, SectionRow
from conftest import EXAMPLES, SEEDS

BOGO = [sys.executable, "-m", "bogo"]


def _folder(tmp_path: Path, name: str, files: list[Path]) -> Path:
    d = tmp_path / name / "nested"
    d.mkdir(parents=True)
    for f in files:
        shutil.copy(f, d / f.name)
    return d.parent


def _docs(db: str) -> list[tuple[str, int, int]]:
    """(sha256, sections, search entries) of each stored document."""
    s = Store(db)
    with s.connect() as c:
        rows = c.execute(select(Document.sha256, Document.id)).all()
        out = [(sha, c.execute(select(func.count()).select_from(SectionRow).where(SectionRow.document_id == i))
                .scalar_one(), c.execute(select(func.count()).select_from(SearchEntry)
                                         .where(SearchEntry.document_id == i)).scalar_one()) for sha, i in rows]
    s.close()
    return sorted(out)


def test_ingest_lists_failures_and_rerun_is_a_no_op(tmp_path):
    folder = _folder(tmp_path, "in", sorted(EXAMPLES.glob("*.txt"))[:2])
    (folder / "broken.hwpx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "README.md").write_text("# 설명", encoding="utf-8")
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--jobs", "1"])
    assert r.exit_code == 1, r.output
    assert "broken.hwpx" in r.output and "실패" in r.output and "저장 결과" in r.output
    first = _docs(db)
    assert len(first) == 2 and all(sections and entries for _, sections, entries in first)
    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--jobs", "2"])
    assert _docs(db) == first


def test_killed_ingest_leaves_the_store_intact_and_a_rerun_completes_it(tmp_path):
    files = sorted(SEEDS.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
    folder = _folder(tmp_path, "in", files)
    db = str(tmp_path / "k.db")
    Store(db).close()  # migrated before the race starts
    proc = subprocess.Popen([*BOGO, "ingest", str(folder), "--db", db, "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        with sqlite3.connect(db) as c:
            if c.execute("SELECT count(*) FROM documents").fetchone()[0] >= 1:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _docs(db)
    assert 1 <= len(partial) < len(files)
    assert all(sections and entries for _, sections, entries in partial)
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    subprocess.run([*BOGO, "ingest", str(folder), "--db", db, "--jobs", "1"], check=True, capture_output=True)
    done = _docs(db)
    assert len(done) == len(files) and set(partial) <= set(done)


def test_two_concurrent_ingests_on_postgresql(tmp_path, pg):
    seeds, examples = sorted(SEEDS.glob("*.txt")), sorted(EXAMPLES.glob("*.txt"))
    a = _folder(tmp_path, "a", seeds + examples[:1])
    b = _folder(tmp_path, "b", seeds[:2] + examples)
    url = pg.create_database("concurrent")
    procs = [subprocess.Popen([*BOGO, "ingest", str(d), "--db", url, "--jobs", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for d in (a, b)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    docs = _docs(url)
    assert len(docs) == len(seeds) + len(examples)
    assert len({sha for sha, _, _ in docs}) == len(docs)
    assert all(sections and entries for _, sections, entries in docs)
