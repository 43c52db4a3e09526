"""Table views are built once per report and rebuilt after ``clear_derived``."""

from __future__ import annotations

from casekit import build_case

from bogo.checks import run_checks
from bogo.tables import view_of

CASE = {"id": "cache", "table": {"header": ["구분 | 금액"], "rows": ["계 | 100", "A | 60", "B | 40"]}}


def test_view_is_cached_and_rebuilt_after_an_edit():
    rep = build_case(CASE)
    t = rep.tables[0]
    v = view_of(rep, t)
    assert view_of(rep, t) is v and v.value(0, 1).value == 100
    assert not run_checks([rep], select=["T101"]).findings
    t.rows[1][1] = "61"
    rep.clear_derived()
    [f] = run_checks([rep], select=["T101"]).findings
    assert (f.row_index, f.col_index, f.found, f.expected) == (0, 1, 100, 101)
