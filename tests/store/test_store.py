"""The store on both engines: idempotent ingest, versions, one transaction per document."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from bogo.search import search
from bogo.search.entries import Entry, tokenize_entries
from bogo.store.models import RECORD_TABLES, Document, SearchEntry
from bogo.store.query import records, show_document


def _counts(store) -> dict[str, int]:
    with store.connect() as conn:
        out = {"documents": conn.execute(select(func.count()).select_from(Document)).scalar_one(),
               "entries": conn.execute(select(func.count()).select_from(SearchEntry)).scalar_one()}
        for rtype, (model, _) in RECORD_TABLES.items():
            out[rtype] = conn.execute(select(func.count()).select_from(model)).scalar_one()
    return out


def test_corpus_stored_with_every_record_type(filled, prepared):
    c = _counts(filled)
    assert c["documents"] == len(prepared)
    for rtype in ("section", "table", "staff_row", "budget_line", "task", "milestone", "audit_item",
                  "paragraph", "finding"):
        assert c[rtype] > 0, rtype
    # the record JSON is stored whole beside the indexed columns
    staff = records(filled, "staff_row")
    first = next(r for r in staff if r["unit"] == "대외협력담당관")
    assert first["quota"] == 27 and first["current"] == 22 and "by_type" in first


def test_records_kept_after_a_write_are_what_the_database_gives_back(filled):
    """The writer keeps each document's records in memory for the next report of the office:
    they must be exactly the records read back from the database (JSON round trip, order, origin keys)."""
    kept = dict(filled.records_cache)
    assert {rtype for _, rtype in kept} == set(RECORD_TABLES) and any(kept.values())
    filled.records_cache.clear()
    for (doc_id, rtype), recs in kept.items():
        assert recs == records(filled, rtype, document_id=doc_id), (doc_id, rtype)


def test_rewrite_is_a_no_op(filled, prepared):
    before = _counts(filled)
    results = [filled.write(copy.deepcopy(p)) for p in prepared]
    assert {r.status for r in results} == {"duplicate"}
    assert _counts(filled) == before


def test_changed_file_of_same_report_is_a_new_version(store, prepared):
    old = copy.deepcopy(prepared[0])
    new = copy.deepcopy(prepared[0])
    new.sha256 = "f" * 64
    new.report["source"]["sha256"] = new.sha256
    new.report["staffing"]["rows"][0]["quota"] += 1
    assert store.write(old).status == "new"
    res = store.write(new)
    assert res.status == "version"
    info = show_document(store, str(res.document_id))
    assert [v["version"] for v in info["versions"]] == [1, 2]
    assert [v["current"] for v in info["versions"]] == [0, 1]
    # the older version stays queryable
    old_id = info["versions"][0]["id"]
    assert records(store, "staff_row", document_id=old_id)[0]["quota"] + 1 == \
        records(store, "staff_row", document_id=res.document_id)[0]["quota"]


def test_failure_inside_the_transaction_leaves_nothing(store, prepared, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(type(store), "_write_entries", broken)
    with pytest.raises(RuntimeError):
        store.write(copy.deepcopy(prepared[0]))
    assert set(_counts(store).values()) == {0}


def test_deleted_document_is_no_longer_found_by_its_words(store, prepared):
    old = copy.deepcopy(prepared[0])
    res = store.write(old)
    with store.connect() as conn:
        assert any(h.document_id == res.document_id for h in search(conn, "대외협력담당관"))
    store.delete(res.document_id)
    with store.connect() as conn:
        assert search(conn, "대외협력담당관") == []
        assert conn.execute(select(func.count()).select_from(SearchEntry)).scalar_one() == 0


def _rename(text: str) -> str:
    """The text with the unit 협력상생담당관 renamed, however it is spaced."""
    import re

    return re.sub(r"협\s*력\s*상\s*생", "상생협치", text)


def test_replaced_document_loses_its_old_words(store, prepared):
    old = copy.deepcopy(prepared[2])
    res = store.write(old)
    new = copy.deepcopy(prepared[2])
    new.sha256 = "e" * 64
    renamed = tokenize_entries([Entry(t, ref, line, _rename(txt)) for t, ref, line, txt, *_ in new.entries])
    new.entries = [(e.type, e.ref, e.line, e.text, e.tokens, e.head) for e in renamed]
    store.delete(res.document_id)
    store.write(new)
    with store.connect() as conn:
        assert search(conn, "협력상생담당관") == []
        assert search(conn, "상생협치담당관")




def test_an_ingest_settles_the_store(store, tmp_path):
    """After a batch the planner's statistics are fresh and (PostgreSQL) the search index holds every
    new entry itself, not in the pending list that each search would read through."""
    import shutil

    from sqlalchemy import text

    from bogo.store import ingest
    from conftest import EXAMPLES

    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(f, folder / f.name)
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            conn.execute(text("ALTER INDEX ix_search_entries_tsv SET (fastupdate = on)"))
            conn.commit()
    assert ingest(store, [folder], jobs=1).new == 2
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            vacuumed, analysed = conn.execute(text("SELECT last_vacuum, last_analyze FROM pg_stat_user_tables "
                                                   "WHERE relname = 'search_entries'")).one()
            assert vacuumed is not None and analysed is not None
            # nothing left to merge: cleaning the pending list again moves no page
            assert conn.execute(text("SELECT gin_clean_pending_list('ix_search_entries_tsv')")).scalar() == 0
        else:
            assert conn.execute(text("SELECT count(*) FROM search_entries")).scalar() > 0
