"""Store fixtures: one PostgreSQL server per test session, and a fresh store per test on each engine.

Parsed and tokenised reports are prepared once per session and written into
every store a test asks for, so the suite stays fast.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from .pgserver import PgServer

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO.parent / "shared" / "samples" / "real"
EXAMPLES = REPO / "examples"

CORPUS = sorted(SEEDS.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt")) + [
    SAMPLES / "html" / "jongno_fmc_council_audit_2009.html",
    SAMPLES / "html" / "jongno_fmc_settlement_2009.html",
]
_COUNTER = itertools.count()


@pytest.fixture(scope="session")
def pg():
    server = PgServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def prepared():
    from bogo.store import prepare

    return [prepare(str(p)) for p in CORPUS]


def new_store(engine: str, pg, tmp_path):
    from bogo.store import Store

    if engine == "sqlite":
        return Store(str(tmp_path / f"s{next(_COUNTER)}.db"))
    return Store(pg.create_database(f"bogo_{next(_COUNTER)}"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    pg = request.getfixturevalue("pg") if request.param == "postgresql" else None
    s = new_store(request.param, pg, tmp_path)
    yield s
    s.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request, tmp_path, prepared):
    """A store (each engine) holding the prepared corpus."""
    from bogo.store.ingest import with_corpus_findings

    pg = request.getfixturevalue("pg") if request.param == "postgresql" else None
    s = new_store(request.param, pg, tmp_path)
    for p in prepared:
        s.write(with_corpus_findings(s, _copy(p)))
    yield s
    s.close()


def _copy(p):
    import copy

    return copy.deepcopy(p)


@pytest.fixture(scope="session")
def pair(pg, prepared, tmp_path_factory):
    """The corpus in one SQLite and one PostgreSQL store, shared by read-only tests."""
    from bogo.store.ingest import with_corpus_findings

    stores = {}
    for engine in ("sqlite", "postgresql"):
        s = new_store(engine, pg, tmp_path_factory.mktemp("pair"))
        for p in prepared:
            s.write(with_corpus_findings(s, _copy(p)))
        stores[engine] = s
    yield stores
    for s in stores.values():
        s.close()
