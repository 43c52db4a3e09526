"""An error on a table whose values may be misread is lowered to a warning that says why.

An amount printed only in parentheses ("(77,225,918)") is the accounting form of a
negative — or a count whose main figure is missing: either way a total over it
cannot be called wrong with certainty.
"""

from __future__ import annotations

from casekit import build_case

from bogo.checks import run_checks

TABLE = {"header": ["구분 | 결산액"], "rows": ["계 | 1,000", "A | 700", "B | {b}"]}


def _t101(b: str):
    table = {**TABLE, "rows": [r.format(b=b) for r in TABLE["rows"]]}
    return run_checks([build_case({"id": f"paren-{b}", "table": table})], select=["T101"]).findings


def test_wrong_total_over_plain_amounts_is_an_error():
    [f] = _t101("200")
    assert (f.severity, f.row, f.col, f.found, f.expected) == ("error", "계", "결산액", 1000, 900)


def test_wrong_total_over_a_bare_parenthesised_amount_is_a_warning():
    [f] = _t101("(200)")
    assert f.severity == "warning" and "음수 표기일 수 있어" in f.message
    assert (f.row, f.col, f.found) == ("계", "결산액", 1000)
