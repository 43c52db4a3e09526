"""Forked ingest workers share the analyser the parent loaded, and store exactly what one process stores."""

from __future__ import annotations

import importlib
import shutil

import pytest
from sqlalchemy import select

from bogo import analyser, procs
from bogo.store import Store, ingest
from bogo.store.models import Document, FindingRow, SearchEntry
from conftest import EXAMPLES, SEEDS

ingest_module = importlib.import_module("bogo.store.ingest")  # the module (the package exports the function)


def _stored(store: Store) -> dict[str, tuple]:
    """Per document (by sha256): its search entries' tokens and its findings' codes and lines."""
    out = {}
    with store.connect() as c:
        for sha, doc in c.execute(select(Document.sha256, Document.id)):
            tokens = c.execute(select(SearchEntry.type, SearchEntry.ref, SearchEntry.tokens, SearchEntry.head)
                               .where(SearchEntry.document_id == doc).order_by(SearchEntry.id)).all()
            found = sorted((d["code"], d.get("line") or 0, str(d.get("found") or "")) for (d,) in
                           c.execute(select(FindingRow.data).where(FindingRow.document_id == doc)))
            out[sha] = (tuple(map(tuple, tokens)), tuple(found))
    return out


def test_forked_workers_store_what_one_process_stores(tmp_path, monkeypatch):
    if not procs.can_fork_safely():
        pytest.skip("this platform or process cannot fork safely: the spawned path is the one taken")
    later = tmp_path / "later"
    later.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(f, later / f.name)
    taken = []
    real = ingest_module._shared_analyser_fork
    monkeypatch.setattr(ingest_module, "_shared_analyser_fork", lambda *a: taken.append(real(*a)) or taken[-1])
    stored = {}
    for jobs in (1, 2):
        store = Store(str(tmp_path / f"s{jobs}.db"))
        analyser.reset()
        ingest(store, sorted(SEEDS.glob("*.txt")), jobs=1)  # its units are taught as user words next
        analyser.reset()  # no analyser with threads in this process: the workers may share one
        summary = ingest(store, [later], jobs=jobs)
        assert summary.new == len(list(later.iterdir())) and not summary.failures
        stored[jobs] = _stored(store)
        store.close()
    analyser.reset()
    assert taken == [True]  # jobs=2 forked its workers with the shared analyser
    assert stored[2] == stored[1]
