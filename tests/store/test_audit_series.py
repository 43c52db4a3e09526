"""Audit series across years: seven years of one organisation's published audit results (HTML), and the
same pattern on synthetic reports — undated covers, recurring requests, status histories, unreported items."""

from __future__ import annotations

import copy

import pytest

from bogo.model import Audit, AuditItem, Meta, ParagraphRec, Report, Source
from bogo.settings import Settings, TrackSettings
from bogo.track import MemoryHistory, StoreHistory
from bogo.track.audit import audit_series
from bogo.track.history import inferred_date

from .conftest import SAMPLES

HTML = sorted((SAMPLES / "html").glob("*.html"))


@pytest.fixture(scope="module")
def html_prepared():
    from bogo.store import prepare

    return [prepare(str(p)) for p in HTML]


@pytest.fixture
def html_store(store, html_prepared):
    from bogo.store.ingest import with_corpus_findings

    for p in html_prepared:
        store.write(with_corpus_findings(store, copy.deepcopy(p)))
    return store


def _key(series):
    return [(s.request[:20], [(e["date"], e["raw_status"], e["status"]) for e in s.entries], s.current,
             s.recurring, s.raised_again, s.unreported) for s in series]


def test_undated_reports_are_dated_by_their_opening_paragraphs(html_store):
    docs = [d for d in StoreHistory(html_store).documents() if "audit" in d.path]
    assert [d.date for d in docs] == ["2004-11", "2005-11", "2006-11", "2008-12", "2009-11", "2010-11", "2011-11"]
    from bogo.store.query import show_document

    assert show_document(html_store, docs[0].path)["data"]["dated_by"] == "body"


def test_html_audit_years_recur_with_status_history_and_evidence(html_store):
    series = audit_series(StoreHistory(html_store))
    assert len(series) == 65 and sum(s.recurring for s in series) == 6
    parking = next(s for s in series if s.recurring and s.request.startswith("주차수요가 모자라는 삼청동"))
    assert [(e["date"], e["raw_status"], e["status"]) for e in parking.entries] == [
        ("2008-12", "추진중", "in_progress"), ("2009-11", "완료", "done")]  # raw: as the page words it
    assert {"거주자", "노상주차장", "기계식"} <= set(parking.shared_words)
    assert parking.current == "done" and not parking.raised_again
    # every recurring series spans two consecutive audit years
    assert sorted({(s.entries[0]["date"][:4], s.entries[-1]["date"][:4]) for s in series if s.recurring}) == [
        ("2008", "2009"), ("2010", "2011")]


def test_an_item_that_disappears_is_unreported_never_done(html_store):
    series = audit_series(StoreHistory(html_store))
    gone = [s for s in series if s.entries[-1]["date"] != "2011-11" and s.entries[-1]["status"] != "done"]
    assert len(gone) == 26 and all(s.current == "unreported" and s.unreported for s in gone)
    pool = next(s for s in gone if s.request.startswith("종로문화체육센터의 수영장"))
    assert [(e["date"], e["raw_status"]) for e in pool.entries] == [("2008-12", "추진중")]
    # the last year's open item has no later report: still in progress, not unreported
    [last_open] = [s for s in series if s.entries[-1]["date"] == "2011-11" and s.current != "done"]
    assert (last_open.current, last_open.unreported) == ("in_progress", False)
    assert not any(s.current == "done" and s.entries[-1]["status"] != "done" for s in series)


def test_engines_give_identical_audit_series(pg, tmp_path, html_prepared):
    from .conftest import new_store

    keys = []
    for engine in ("sqlite", "postgresql"):
        s = new_store(engine, pg, tmp_path)
        for p in html_prepared:
            s.write(copy.deepcopy(p))
        keys.append(_key(audit_series(StoreHistory(s))))
        s.close()
    assert keys[0] == keys[1] and len(keys[0]) == 65


# --- the same pattern, synthetic: covers without a date, the audit period in an opening paragraph ---

def _para(line: int, text: str) -> ParagraphRec:
    return ParagraphRec(line=line, text=text, raw=text)


def _undated_audit(i: int, period: str, items: list[tuple[str, str]]) -> Report:
    return Report(source=Source(path=f"u{i}.html", sha256=f"{i:064d}", format="html", bytes=1),
                  meta=Meta(kind="행정사무감사"),
                  paragraphs=[_para(1, "행정사무감사"), _para(2, "목적"), _para(3, f"감사기간 : {period}")],
                  audit=Audit(items=[AuditItem(id=f"a{j}", category="건의사항", text=t, status=s, line=10 + j)
                                     for j, (t, s) in enumerate(items)]))


def test_inferred_date_needs_a_written_year_and_month():
    assert inferred_date([_para(1, "감사기간 : 2019. 11. 20 ~ 11. 28(9일간)")]) == "2019-11"
    assert inferred_date([_para(1, "2019년도 결산 보고")]) is None
    assert inferred_date([]) is None


def test_synthetic_undated_years_unreported_and_recurring():
    hist = MemoryHistory([
        # given out of order: the years come from the audit periods, not from the order or the file names
        _undated_audit(3, "2021.11.22~11.30", [("경로당 냉방기 교체 예산 확보 방안 강구", "추진완료")]),
        _undated_audit(1, "2019.11.20~11.28", [("경로당 냉방기 교체 예산 확보 방안 강구", "이행중"),
                                              ("공원 화장실 야간 개방 시간 연장 검토", "장기과제"),
                                              ("체육시설 대관 기준 정비", "조치완료")]),
        _undated_audit(2, "2020.11.23~12.1", [("경로당 냉방기 교체 예산 확보 방안 강구 바람", "부분완료"),
                                             ("공원 화장실 야간 개방 시간 연장 검토 요망", "추진예정")]),
    ])
    series = audit_series(hist)
    by = lambda start: next(s for s in series if s.request.startswith(start))  # noqa: E731
    cooler = by("경로당 냉방")
    assert [(e["date"], e["raw_status"], e["status"]) for e in cooler.entries] == [
        ("2019-11", "이행중", "in_progress"), ("2020-11", "부분완료", "in_progress"), ("2021-11", "추진완료", "done")]
    assert cooler.recurring and cooler.current == "done" and {"경로당", "냉방"} <= set(cooler.shared_words)
    toilet = by("공원 화장실")
    assert [e["status"] for e in toilet.entries] == ["reviewing", "in_progress"]
    assert toilet.unreported and toilet.current == "unreported"  # gone from 2021: never taken as done
    venue = by("체육시설 대관")
    assert venue.current == "done" and not venue.unreported  # reported done, then not listed again


def test_same_request_share_is_the_track_setting():
    # the two requests share 4 of their 6 words (Jaccard ⅔): one series at the default share ½, two at ⅘
    hist = MemoryHistory([
        _undated_audit(1, "2019.11.20~11.28", [("경로당 냉방기 교체 예산", "이행중")]),
        _undated_audit(2, "2020.11.23~12.1", [("경로당 냉방기 교체 예산 확보 요망", "추진완료")]),
    ])
    assert [len(s.entries) for s in audit_series(hist)] == [2]
    strict = TrackSettings(same_request_share=0.8)
    assert sorted(len(s.entries) for s in audit_series(hist, settings=strict)) == [1, 1]
    assert Settings.from_env({"BOGO_TRACK_SAME_REQUEST_SHARE": "0.8"}).track == strict
