"""Completeness of the check registry: codes, names, docs, cases, catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casekit import load_cases

from bogo.checks import load_all, select_checks
from bogo.checks.docs import render
from bogo.errors import UsageError

CHECKS = load_all()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_codes_and_names_unique_and_well_formed():
    names = [c.name for c in CHECKS.values()]
    assert len(names) == len(set(names))
    for code, c in CHECKS.items():
        assert code == c.code and re.fullmatch(r"[TXDWC]\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", c.name)
        assert c.severity in ("error", "warning", "info") and c.scope in ("table", "document", "corpus")


@pytest.mark.parametrize("code", list(CHECKS))
def test_documented(code):
    c = CHECKS[code]
    assert c.summary, "docstring summary"
    assert c.section("Bad") and c.section("Good") and c.section("Traps")
    assert "{found}" in c.message or "{expected}" in c.message
    assert re.search(r"[가-힣]", c.message), "Korean message"


@pytest.mark.parametrize("code", list(CHECKS))
def test_has_pass_and_fail_case(code):
    cases = [case for c, case in load_cases() if c == code]
    assert any(not case.get("expect") for case in cases), "no passing case"
    assert any(code in case.get("expect", []) for case in cases), "no failing case"


def test_catalogue_is_current():
    assert DOCS.read_text(encoding="utf-8") == render(), "run: python -m bogo.checks.docs --write"


def test_select_and_ignore_prefixes():
    assert {c.code for c in select_checks(["T1"])} == {c for c in CHECKS if c.startswith("T1")}
    assert "W405" not in {c.code for c in select_checks(ignore="W405")}
    assert {c.code for c in select_checks("W", ignore=["W40"])} == set()


def test_unknown_code_is_a_usage_error():
    with pytest.raises(UsageError, match="알 수 없는 점검 코드"):
        select_checks(["Z999"])
