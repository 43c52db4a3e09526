"""normalize_unit and split_departments: one spelling of a unit name everywhere."""

from __future__ import annotations

import pytest

from bogo.normalize.departments import normalize_unit, split_departments, strip_departments


@pytest.mark.parametrize("raw, want", [
    ("기 획 담 당 관", "기획담당관"),
    ("기획담당관", "기획담당관"),
    ("  법률지원담당관 ", "법률지원담당관"),
    ("투자ㆍ출연기관", "투자·출연기관"),
    ("투자・출연기관", "투자·출연기관"),
    ("투자‧출연기관", "투자·출연기관"),
    ("(총무과)", "총무과"),
    ("【기획담당관】", "기획담당관"),
    ("총무과 등", "총무과"),
    ("총무과등", "총무과"),
    ("예산담당관,", "예산담당관"),
    ("市 산하기관", "市산하기관"),
    ("특별회계(10개)", "특별회계(10개)"),
    ("", ""),
])
def test_normalize_unit(raw, want):
    assert normalize_unit(raw) == want


def test_normalize_unit_is_idempotent():
    for raw in ("기 획 담 당 관", "투자ㆍ출연기관 등", "(도시농업과)"):
        once = normalize_unit(raw)
        assert normalize_unit(once) == once


@pytest.mark.parametrize("text, want", [
    ("… 시스템 마련이 필요함 (총무과)", ["총무과"]),
    ("… 대책을 마련하기 바람 (도시농업과, 농수산물공사)", ["도시농업과", "농수산물공사"]),
    ("… 고민하여 주기 바람 (총무과, 예산담당관)", ["총무과", "예산담당관"]),
    ("… 재취업현황 (총무과, 인사과)", ["총무과", "인사과"]),
    ("… 손실 처리하는 방안 (서울신용보증재단)", ["서울신용보증재단"]),
    ("… 검토 (기 획 담 당 관)", ["기획담당관"]),
    ("… 협조 (문화정책과 및 관광정책과)", ["문화정책과", "관광정책과"]),
    ("자료 제출 완료 (2019. 11. 15.)", []),
    ("추진 (계속)", []),
    ("추진 중 (5회)", []),
    ("괄호 없는 요구사항", []),
    ("", []),
])
def test_split_departments(text, want):
    assert split_departments(text) == want


def test_strip_departments_keeps_other_parentheses():
    body, deps = strip_departments("최근 5년간 직원 출신(별정직) 중 산하기관 (수탁기관포함) 재취업현황 (총무과, 인사과)")
    assert deps == ["총무과", "인사과"]
    assert body == "최근 5년간 직원 출신(별정직) 중 산하기관 (수탁기관포함) 재취업현황"
    assert strip_departments("자료 제출 완료 (2019. 11. 15.)") == ("자료 제출 완료 (2019. 11. 15.)", [])
