"""One parametrised runner for every check case in ``cases/<CODE>.yaml``.

Each case is a small table or a few prose lines and the list of codes the check
must report (empty for a passing case).  Test ids contain the code, so
``pytest -k T101`` runs one check's cases.
"""

from __future__ import annotations

import pytest
from casekit import build_case, build_history, load_cases

from bogo.checks import run_checks

CASES = load_cases()


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{x['id']}" for c, x in CASES])
def test_case(code: str, case: dict) -> None:
    rep, lines = build_case(case)
    res = run_checks([rep], select=[code], lines={rep.source.sha256: lines}, history=build_history(case))
    got = sorted(f.code for f in res.findings)
    assert got == sorted(case.get("expect", [])), [f.message for f in res.findings]
    for f in res.findings:
        assert f.message and (f.found is not None or f.expected is not None)
