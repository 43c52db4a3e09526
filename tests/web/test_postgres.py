"""The workbench's queries on PostgreSQL: the same pages over a store on a throw-away server."""

from __future__ import annotations

import pytest

from .conftest import CORPUS, TOKEN


@pytest.fixture(scope="module")
def pg_client():
    from fastapi.testclient import TestClient
    from tests.store.pgserver import PgServer

    from bogo.store import Store, ingest
    from bogo.web import create_app

    server = PgServer()
    server.start()
    try:
        url = server.create_database("bogo_web")
        store = Store(url)
        assert not ingest(store, [p for p in CORPUS if p.suffix == ".txt"], jobs=1).failures
        store.close()
        with TestClient(create_app(url, token=TOKEN)) as c:
            yield c
    finally:
        server.stop()


@pytest.mark.parametrize("url", ["/", "/docs?has_errors=1", "/search?q=협력상생담당관", "/units", "/audit",
                                 "/plans", "/questions", "/api/findings"])
def test_pages_on_postgresql(pg_client, url):
    r = pg_client.get(url)
    assert r.status_code == 200, r.text[:300]


def test_same_data_as_sqlite(pg_client, client):
    pg, lite = pg_client.get("/index.json").json(), client.get("/index.json").json()
    assert pg["findings_by_severity"]["error"] >= 1
    doc = pg_client.get("/docs.json").json()["documents"][0]
    page = pg_client.get(f"/doc/{doc['id']}")
    assert page.status_code == 200 and '<span id="L1" class="line">' in page.text
    unit = pg_client.get("/unit.json", params={"office": "기획조정실", "name": "협력상생담당관"}).json()
    assert any(e["kind"] == "renamed" for e in unit["events"])
    assert pg["documents"] == len([p for p in CORPUS if p.suffix == ".txt"])
    assert "T101" in {c["code"] for c in pg["findings_by_code"]} & {c["code"] for c in lite["findings_by_code"]}
