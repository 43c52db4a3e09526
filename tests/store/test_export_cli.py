"""Exports and the read-side commands (search, show, track) through the CLI."""

from __future__ import annotations

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from bogo.cli import app
from bogo.store.export import safe_cell

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(("value", "safe"), [("=SUM(A1)", "'=SUM(A1)"), ("+82", "'+82"), ("-3", "'-3"),
                                             ("@x", "'@x"), ("\tx", "'\tx"), ("a\x00b", "ab"), ("정원", "정원"),
                                             (27, 27), (1.5, 1.5)])
def test_cells_that_look_like_formulas_are_escaped(value, safe):
    assert safe_cell(value) == safe


def test_xlsx_one_sheet_per_type_korean_headers_numbers(pair, tmp_path):
    out = tmp_path / "r.xlsx"
    r = run("export", "--format", "xlsx", "-o", str(out), "--type", "staff_row,audit_item", "--db", pair["sqlite"].url)
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["인력", "감사처리"]
    ws = wb["인력"]
    head = [c.value for c in ws[1]]
    assert "정원" in head and "단위·부서" in head
    quota = head.index("정원")
    assert all(isinstance(row[quota].value, int) for row in ws.iter_rows(min_row=2) if row[quota].value is not None)


def test_json_export_and_unknown_type(pair, tmp_path):
    out = tmp_path / "r.json"
    assert run("export", "-o", str(out), "--type", "milestone", "--db", pair["sqlite"].url).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["milestone"] and all("raw" in m for m in data["milestone"])
    r = run("export", "-o", str(out), "--type", "nothing", "--db", pair["sqlite"].url)
    assert r.exit_code == 2 and "알 수 없는 레코드 종류" in r.output


def test_search_show_track_commands(pair):
    db = pair["sqlite"].url
    r = run("search", "협력상생담당관", "--json", "--db", db)
    hits = json.loads(r.stdout)
    assert hits and all({"path", "line", "snippet", "highlights"} <= set(h) for h in hits)
    r = run("show", str(hits[0]["document_id"]), "--json", "--db", db)
    assert json.loads(r.stdout)["document"]["office"] == hits[0]["office"]
    r = run("track", "unit", "--json", "--db", db)
    assert any(e["kind"] == "renamed" and e["new"] == "협력상생담당관" for e in json.loads(r.stdout))
    r = run("track", "plans", "--overdue", "--json", "--db", db)
    assert all(p["status"] in ("no_trace", "in_progress") for p in json.loads(r.stdout))
    r = run("track", "audit", "--json", "--db", db)
    assert r.exit_code == 0 and isinstance(json.loads(r.stdout), list)
    assert run("show", "999999", "--db", db).exit_code == 2


def test_user_link_wins(tmp_path, prepared):
    from bogo.store import Store

    db = str(tmp_path / "l.db")
    s = Store(db)
    for p in prepared[:3]:
        s.write(p)
    s.close()
    assert run("track", "unit", "unlink", "대외협력담당관", "협력상생담당관", "--db", db).exit_code == 0
    events = json.loads(run("track", "unit", "--json", "--db", db).stdout)
    assert not any(e["old"] == "대외협력담당관" and e["new"] == "협력상생담당관" and e["linked"] for e in events)


def test_track_unit_budget_series_through_the_rename(pair):
    db = pair["sqlite"].url
    staffing = json.loads(run("track", "unit", "협력상생담당관", "--json", "--db", db).stdout)
    assert [(r["date"], r["unit"], r["quota"]) for r in staffing] == [
        ("2018-07", "대외협력담당관", 27), ("2020-04", "협력상생담당관", 17)]
    assert {r["office"] for r in staffing} == {"기획조정실"}   # each row names its office
    budget = json.loads(run("track", "unit", "협력상생담당관", "--budget", "--json", "--db", db).stdout)
    assert [(r["date"], r["column"], r["amount"]) for r in budget if r["column"] == "증감"] == [
        ("2018-07", "증감", 383), ("2020-04", "증감", 590)]
    r = run("track", "unit", "협력상생담당관", "--db", db)
    assert r.exit_code == 0 and "예산 추이" in r.output and "인력 추이" in r.output and "기관" in r.output
