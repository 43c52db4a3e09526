"""The findings renderers: JSON contract, escaped HTML, XLSX with formula escaping."""

from __future__ import annotations

import io
import json

from casekit import build_case
from openpyxl import load_workbook
from rich.console import Console

from bogo.checks import run_checks
from bogo.render import findings_json, findings_output
from bogo.render.findings_html import findings_html
from bogo.render.findings_xlsx import safe_cell, write_findings_xlsx

CASE = {
    "id": "render",
    "lines": ["<script>alert(1)</script> 소통·협력·협력 강화", "=HYPERLINK(\"x\") 워크샵 개최"],
    "table": {"caption": "<b>총괄</b>", "unit": "백만원", "header": ["구분 | 2017년"],
              "rows": ["합계 | 1,000", "<img src=x onerror=alert(1)> | 600", "B | 300"]},
}


def _result():
    return run_checks([build_case(CASE)])


def test_json_contract():
    res = _result()
    data = json.loads(findings_json(res))
    assert data["schema"] == "bogo.check/1"
    assert set(data) == {"schema", "files", "summary"}
    f0 = data["files"][0]
    assert set(f0) == {"path", "sha256", "status", "warnings", "findings"}
    assert f0["status"] == "findings" and f0["warnings"] == []
    assert set(data["summary"]) == {"error", "warning", "info", "partial"} and data["summary"]["partial"] == 0
    assert data["summary"]["error"] >= 1
    keys = {"code", "severity", "message", "line", "table", "row", "col", "row_index", "col_index",
            "page", "found", "expected"}
    assert all(set(f) == keys for f in f0["findings"])
    assert all(f["page"] is None for f in f0["findings"])  # a text report has no pages
    assert res.reports[0].findings == [f for _, _, fs in res.files for f in fs]


def test_html_escapes_everything():
    page = findings_html(_result())
    assert "<script>" not in page and "<img" not in page and "<b>총괄" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert 'class="has-finding sev-error" data-codes="T101"' in page  # the offending cell is highlighted
    assert "T101" in page and "W401" in page


def test_html_draws_each_table_once_with_all_findings_and_an_index():
    res = _result()
    page = findings_html(res)
    table_findings = [f for f in res.findings if f.table]
    assert table_findings
    assert page.count('<table class="doc-table">') == len({f.table for f in table_findings})
    assert page.count('class="finding ') == len(res.findings)
    assert "파일 목록" in page and 'href="#f1"' in page and "bogo 0." in page and "만든 때 20" in page


def test_xlsx_sortable_and_formula_safe(tmp_path):
    res = _result()
    p = tmp_path / "f.xlsx"
    write_findings_xlsx(res, p)
    ws = load_workbook(p).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["파일", "코드", "심각도", "내용"] and header[-1] == "조치"
    assert ws.max_row == 1 + len(res.findings)
    texts = [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    assert safe_cell("=1+1") == "'=1+1" and safe_cell(-5) == -5 and safe_cell("@x") == "'@x"


def test_terminal_table_and_output_dispatch(tmp_path):
    res = _result()
    buf = io.StringIO()
    findings_output(res, "table", None, Console(file=buf, width=200))
    text = buf.getvalue()
    assert "T101" in text and "합계:" in text
    out = tmp_path / "r.json"
    findings_output(res, "json", out)
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "bogo.check/1"


def _paged_result():
    """The render case, as if read from a PDF: the table on page 3, the prose on page 2."""
    rep = build_case(CASE)
    for t in rep.tables:
        t.page = 3
    for p in rep.paragraphs:
        p.page = 2
    return run_checks([rep])


def test_findings_carry_their_page_and_every_output_shows_it(tmp_path):
    res = _paged_result()
    pages = {(f.code, f.page) for f in res.findings}
    assert ("T101", 3) in pages and ("W401", 2) in pages
    assert all(f.page == (3 if f.table else 2) for f in res.findings)
    buf = io.StringIO()
    findings_output(res, "table", None, Console(file=buf, width=200))
    assert "쪽" in buf.getvalue()
    p = tmp_path / "f.xlsx"
    write_findings_xlsx(res, p)
    ws = load_workbook(p).active
    header = [c.value for c in ws[1]]
    at = header.index("쪽")
    assert header[at + 1] == "줄" and sorted({row[at].value for row in ws.iter_rows(min_row=2)}) == [2, 3]
    assert "3쪽" in findings_html(res)
    buf = io.StringIO()
    findings_output(_result(), "table", None, Console(file=buf, width=200))
    assert "쪽" not in buf.getvalue()  # no page column for a format without pages
