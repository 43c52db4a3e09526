"""T102 names a difference as its column does: 과부족, 차이, else 증감."""

from __future__ import annotations

import yaml
from casekit import CASES, build_case

from bogo.checks import run_checks


def _message(case_id: str) -> str:
    cases = {c["id"]: c for c in yaml.safe_load((CASES / "T102.yaml").read_text(encoding="utf-8"))["cases"]}
    [(_, _, found)] = run_checks([build_case(cases[case_id])], select=["T102"]).files
    [f] = found
    return f.message


def test_the_message_uses_the_columns_word():
    assert ": 과부족 -3 ≠ 현원 − 정원 = -2" in _message("surplus-shortage-wrong")
    assert ": 차이 500 ≠ " in _message("difference-formula-wrong")
    assert ": 증감 100 ≠ 2018년 − 2017년 = 200" in _message("years-wrong")
