"""Tracking across reports on the seeds (기획조정실 2018 → 2020) and on synthetic audit series."""

from __future__ import annotations

import pytest

from bogo.model import Audit, AuditItem, Meta, Report, Source, Staffing, StaffRow
from bogo.track import MemoryHistory, StoreHistory, unit_events, unit_series
from bogo.track.audit import audit_series, canonical_status
from bogo.track.plans import plan_followup
from bogo.track.units import Snapshot, compare


def _renames(history):
    return {(e.old, e.new) for e in unit_events(history, "기획조정실") if e.kind == "renamed" and e.linked}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_seed_units_line_up_across_renames(pair, engine):
    hist = StoreHistory(pair[engine])
    assert _renames(hist) == {("대외협력담당관", "협력상생담당관"), ("재정관리담당관", "재정균형발전담당관")}
    series = unit_series(hist, "기획조정실", "협력상생담당관")
    assert [(r["date"], r["unit"], r["quota"], r["current"]) for r in series] == [
        ("2018-07", "대외협력담당관", 27, 22), ("2020-04", "협력상생담당관", 17, 16)]
    # units present in both years under spacing variants are the same unit, not events
    names = {e.old for e in unit_events(hist, "기획조정실")} | {e.new for e in unit_events(hist, "기획조정실")}
    assert "기획담당관" not in names and "해외도시협력담당관" not in names


def _snap(doc_id, date, staff, functions):
    from bogo.track.history import DocInfo

    return Snapshot(DocInfo(doc_id, "가구", None, date, f"d{doc_id}"),
                    {k: {"unit": k, "quota": q} for k, q in staff.items()}, functions)


def test_name_similarity_alone_does_not_decide():
    before = _snap(0, "2018-07", {"대외협력담당관": 27}, {"대외협력담당관": "타 지자체와의 상생교류 협력, 국회 협력 업무"})
    after = _snap(1, "2020-04", {"해외도시협력담당관": 16, "협력상생담당관": 17},
                  {"해외도시협력담당관": "해외 도시 외교 정책, 국제기구 협력",
                   "협력상생담당관": "지역상생 프로젝트, 타 지자체와의 상생교류 협력, 국회 협력 업무"})
    events = compare(before, after, {})
    [renamed] = [e for e in events if e.kind == "renamed"]
    assert renamed.new == "협력상생담당관" and renamed.evidence["functions"] > 0.3
    assert {e.new for e in events if e.kind == "created"} == {"해외도시협력담당관"}


def test_user_decision_wins_and_weak_match_is_never_merged():
    before = _snap(0, "2018", {"가나과": 10}, {})
    after = _snap(1, "2020", {"다라과": 30}, {})
    auto = compare(before, after, {})
    assert not any(e.linked and e.kind == "renamed" for e in auto)
    assert {e.kind for e in auto} >= {"abolished", "created"}
    linked = compare(before, after, {("가나과", "다라과"): "link"})
    assert [(e.kind, e.source, e.linked) for e in linked] == [("renamed", "user", True)]


def test_seed_plans_classified_with_evidence_or_no_trace(pair):
    items = plan_followup(StoreHistory(pair["sqlite"]), "기획조정실")
    assert items and all(i.planned_date == "2018-07" for i in items)
    assert {i.status for i in items} <= {"done", "in_progress", "not_due", "no_trace"}
    done = [i for i in items if i.status == "done"]
    assert done and all(i.evidence and i.evidence_line and "2020" in (i.evidence_path or "") or
                        "004_" in (i.evidence_path or "") for i in done)
    assert any(i.status == "no_trace" and i.evidence is None for i in items)
    # the 민간위탁 운영평가위원회 of 2018 is reported held in 2020
    assert any("운영평가위원회" in i.milestone and i.status == "done" for i in items)


def test_engines_track_identically(pair):
    a, b = (StoreHistory(pair[e]) for e in ("sqlite", "postgresql"))
    strip = lambda xs: [(x.status, x.line, x.evidence_line) for x in xs]  # noqa: E731
    assert strip(plan_followup(a)) == strip(plan_followup(b))
    assert [(e.kind, e.old, e.new) for e in unit_events(a)] == [(e.kind, e.old, e.new) for e in unit_events(b)]


def _audit_report(i, date, items):
    return Report(source=Source(path=f"a{i}.txt", sha256=f"{i:064d}", format="text", bytes=1),
                  meta=Meta(office="가구 총무과", date=date),
                  staffing=Staffing(rows=[StaffRow(unit="총무과", quota=10)]),
                  audit=Audit(items=[AuditItem(id=f"a{j}", category="시정요구", text=t, status=s, line=10 + j)
                                     for j, (t, s) in enumerate(items)]))


def test_audit_series_recurring_status_history_and_flags():
    hist = MemoryHistory([
        _audit_report(1, "2019-11", [("청사 주차장 야간 개방 확대 방안 마련", "검토중"),
                                     ("구립도서관 장서 확충 계획 수립", "추진완료"),
                                     ("체육관 안전점검 결과 공개", "추진중")]),
        _audit_report(2, "2020-11", [("청사 주차장 야간 개방 확대 방안 마련 요구", "추진중"),
                                     ("구립도서관 장서 확충 계획 수립 요구", "계속추진")]),
    ])
    series = {s.request[:6]: s for s in audit_series(hist)}
    parking = series["청사 주차장"]
    assert parking.recurring and [e["raw_status"] for e in parking.entries] == ["검토중", "추진중"]
    assert [e["status"] for e in parking.entries] == ["reviewing", "in_progress"]
    assert "주차장" in parking.shared_words
    assert series["구립도서관 "].raised_again
    gym = series["체육관 안전"]
    assert gym.unreported and gym.current == "unreported" and not gym.recurring


@pytest.mark.parametrize(("raw", "canon"), [("추진완료", "done"), ("조치 완료", "done"), ("추진중", "in_progress"),
                                            ("계속추진", "in_progress"), ("검토중", "reviewing"),
                                            ("장기검토", "reviewing"), ("미반영", "not_adopted"),
                                            ("반영곤란", "not_adopted"), ("", None)])
def test_status_vocabularies(raw, canon):
    assert canonical_status(raw) == canon
