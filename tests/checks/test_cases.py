"""One parametrised runner for every check case in ``cases/<CODE>.yaml``.

Each case is a small table or a few prose lines and the list of codes the check
must report (empty for a passing case).  A failing case also pins each finding
(``at``): its row and column — labels and indices — and the found and expected
values, so a check that fires on the wrong cell fails its case.  Test ids contain the code, so
``pytest -k T101`` runs one check's cases.
"""

from __future__ import annotations

import pytest
from casekit import build_case, build_history, load_cases

from bogo.checks import run_checks

CASES = load_cases()


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{x['id']}" for c, x in CASES])
def test_case(code: str, case: dict) -> None:
    rep = build_case(case)
    res = run_checks([rep], select=[code], history=build_history(case))
    assert not res.crashes, res.crashes
    got = sorted(f.code for f in res.findings)
    assert got == sorted(case.get("expect", [])), [f.message for f in res.findings]
    for f in res.findings:
        assert f.message and (f.found is not None or f.expected is not None)
    if got:
        assert "at" in case, f"failing case {case['id']} must pin its findings (at: row, col, found, expected)"
        pins = [_pinned(f, pin) for f, pin in zip(res.findings, case["at"], strict=False)]
        assert len(res.findings) == len(case["at"]) and pins == case["at"], [f.message for f in res.findings]


def _pinned(f, keys: dict) -> dict:
    """The finding's fields named in the case's pin (row/col labels and indices, found, expected)."""
    return {k: getattr(f, k) for k in keys}
