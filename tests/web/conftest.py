"""Web fixtures: one real SQLite store per session (seeds, examples, a few real samples), and clients on it.

The store is built once by :func:`bogo.store.ingest` (one process) and copied
for tests that write (uploads, unit decisions), so read-only tests share it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
SAMPLES = SHARED / "samples" / "real"
CORPUS = (sorted((SHARED / "seeds").glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
          + [SAMPLES / "html" / "jongno_fmc_council_audit_2009.html",
             SAMPLES / "html" / "jongno_fmc_council_audit_2010.html",
             SAMPLES / "hwpx" / "seoul_fire_report_2026-298.hwpx"])
TOKEN = "test-token-123"



def pytest_configure(config):
    # starlette's TestClient warns that it prefers another HTTP client than the pinned httpx
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    from bogo.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(path))
    summary = ingest(store, [p for p in CORPUS if p.exists()], jobs=1)
    assert not summary.failures, summary.failures
    store.close()
    return path


def _client(db: Path, **kw):
    from fastapi.testclient import TestClient

    from bogo.web import create_app

    return TestClient(create_app(str(db), token=TOKEN, **kw))


@pytest.fixture(scope="session")
def client(store_path):
    """A client on the shared store (read-only tests)."""
    with _client(store_path) as c:
        yield c


@pytest.fixture
def fresh(store_path, tmp_path):
    """A client factory on a private copy of the store (tests that write)."""
    made = []

    def make(**kw):
        copy = tmp_path / f"copy{len(made)}.db"
        shutil.copy(store_path, copy)
        c = _client(copy, **kw)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


@pytest.fixture(scope="session")
def docs(client) -> dict[str, int]:
    """File name → document id of the shared store."""
    got = client.get("/api/documents", params={"per_page": 200}).json()["documents"]
    return {Path(d["path"]).name: d["id"] for d in got}
