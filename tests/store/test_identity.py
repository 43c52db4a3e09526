"""Stored unit identity events (both engines): refreshed at ingest, decisions win, budget series through renames."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bogo.model import Meta, Report, Source, Staffing, StaffRow
from bogo.store import prepare_report
from bogo.store.models import UnitEventRow
from bogo.track import MemoryHistory, StoreHistory, budget_series, unit_events, unit_series
from bogo.track.identity import decide_and_refresh

from .conftest import CORPUS


def _rows(store):
    with store.connect() as conn:
        return conn.execute(select(UnitEventRow.kind, UnitEventRow.old, UnitEventRow.new, UnitEventRow.linked,
                                   UnitEventRow.source, UnitEventRow.from_doc, UnitEventRow.to_doc)
                            .order_by(UnitEventRow.id)).all()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_seed_events_are_stored_with_evidence(pair, engine):
    store = pair[engine]
    rows = [r for r in _rows(store) if r.kind == "renamed"]
    assert {(r.old, r.new, r.linked, r.source) for r in rows} == {
        ("대외협력담당관", "협력상생담당관", 1, "auto"), ("재정관리담당관", "재정균형발전담당관", 1, "auto")}
    events = unit_events(StoreHistory(store), "기획조정실")
    renamed = next(e for e in events if e.new == "협력상생담당관")
    assert renamed.date == "2020-04" and 0.45 <= renamed.confidence < 1 and renamed.evidence["functions"] > 0
    assert renamed.evidence["staffing"] == [27, 17]


def test_stored_events_equal_events_computed_in_memory(pair):
    import bogo

    memory = MemoryHistory([bogo.parse(p) for p in CORPUS])
    key = lambda es: sorted((e.office, e.date, e.kind, e.old, e.new, e.confidence, e.linked) for e in es)  # noqa: E731
    assert key(unit_events(StoreHistory(pair["sqlite"]))) == key(unit_events(memory))
    assert key(unit_events(StoreHistory(pair["postgresql"]))) == key(unit_events(memory))


def test_budget_series_follows_the_rename(pair):
    series = budget_series(StoreHistory(pair["sqlite"]), "기획조정실", "협력상생담당관")
    assert [(r["date"], r["unit"], r["column"], r["amount"]) for r in series] == [
        ("2018-07", "대외협력담당관", "2017년 (사업수)", 3973), ("2018-07", "대외협력담당관", "2018년 (사업수)", 4356),
        ("2018-07", "대외협력담당관", "증감", 383), ("2020-04", "협력상생담당관", "2019년 최종(사업수)", 3386),
        ("2020-04", "협력상생담당관", "2020년(사업수)", 3976), ("2020-04", "협력상생담당관", "증감", 590)]
    assert all(r["money_unit"] == "백만원" and r["line"] for r in series)
    assert budget_series(StoreHistory(pair["postgresql"]), "기획조정실", "협력상생담당관") == series


def test_user_decision_wins_over_the_stored_match(filled):
    hist = StoreHistory(filled)
    decide_and_refresh(filled, "대외협력담당관", "협력상생담당관", "unlink", "기획조정실")
    events = unit_events(hist, "기획조정실")
    assert not any(e.linked and {e.old, e.new} == {"대외협력담당관", "협력상생담당관"} for e in events)
    assert [r["unit"] for r in unit_series(hist, "기획조정실", "협력상생담당관")] == ["협력상생담당관"]
    decide_and_refresh(filled, "대외협력담당관", "협력상생담당관", "link", "기획조정실")
    [user] = [e for e in unit_events(hist, "기획조정실") if e.new == "협력상생담당관"]
    assert (user.kind, user.source, user.linked, user.confidence) == ("renamed", "user", True, 1.0)


def _staff_report(i: int, date: str, staff: dict[str, int]) -> Report:
    return Report(source=Source(path=f"s{i}.txt", sha256=f"{i:064x}", format="text", bytes=1),
                  meta=Meta(office="가구 행정국", kind="주요업무보고", date=date),
                  staffing=Staffing(rows=[StaffRow(unit=u, quota=q, line=10 + k)
                                          for k, (u, q) in enumerate(staff.items())]))


def test_refreshed_when_a_report_lands_in_between_and_when_one_is_deleted(store):
    docs = {}
    for i, date, staff in [(1, "2018-07", {"총무과": 10, "가나과": 8}), (3, "2020-07", {"총무과": 10, "바사과": 30})]:
        docs[date] = store.write(prepare_report(_staff_report(i, date, staff), run_checks=False)).document_id
    assert {(r.from_doc, r.to_doc) for r in _rows(store)} == {(docs["2018-07"], docs["2020-07"])}
    docs["2019-07"] = store.write(prepare_report(
        _staff_report(2, "2019-07", {"총무과": 10, "가나과": 8, "자차과": 3}), run_checks=False)).document_id
    pairs = {(r.from_doc, r.to_doc) for r in _rows(store)}
    assert pairs == {(docs["2018-07"], docs["2019-07"]), (docs["2019-07"], docs["2020-07"])}
    assert [(r.kind, r.new) for r in _rows(store) if r.to_doc == docs["2019-07"]] == [("created", "자차과")]
    store.delete(docs["2019-07"])
    assert {(r.from_doc, r.to_doc) for r in _rows(store)} == {(docs["2018-07"], docs["2020-07"])}


def test_weak_match_stays_a_suggestion(store):
    for i, date, staff in [(1, "2018-07", {"총무과": 10, "가나과": 8}), (2, "2019-07", {"총무과": 10, "가나다과": 30})]:
        store.write(prepare_report(_staff_report(i, date, staff), run_checks=False))
    events = unit_events(StoreHistory(store), "가구 행정국")
    [possible] = [e for e in events if e.kind == "possible"]
    assert (possible.old, possible.new, possible.linked) == ("가나과", "가나다과", False)
    assert 0.25 <= possible.confidence < 0.45
    assert [r["unit"] for r in unit_series(StoreHistory(store), "가구 행정국", "가나과")] == ["가나과"]


@pytest.mark.parametrize("decision", [None, "link"])
def test_staffing_jump_check_follows_the_users_decision(store, decision):
    from bogo.store.ingest import with_corpus_findings
    from bogo.store.query import decide

    store.write(prepare_report(_staff_report(1, "2018-07", {"총무과": 10, "가나과": 10}), run_checks=False))
    if decision:
        decide(store, "가나과", "다라마과", decision, "가구 행정국")
    later = with_corpus_findings(store, prepare_report(
        _staff_report(2, "2019-07", {"총무과": 10, "다라마과": 30}), run_checks=False))
    jumps = [(f["found"], f["expected"]) for f in later.report["findings"] if f["code"] == "C503"]
    # no automatic link between unlike names; the user's link makes it the same unit, whose quota tripled
    assert jumps == ([(30, 10)] if decision else [])
