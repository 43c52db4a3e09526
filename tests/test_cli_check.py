"""`bogo check` through the command line: formats, selection, exit codes."""

from __future__ import annotations

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from bogo.cli import app
from conftest import EXAMPLES

runner = CliRunner()
PLAN = str(EXAMPLES / "hanbit_2024_plan_office.txt")
CLEAN = "Ⅰ. 현황\n\n(단위 : 백만원)\n\n구 분\t2023년\t2024년\t증 감\n합 계\t300\t330\t30\n가 과\t100\t110\t10\n나 과\t200\t220\t20\n"


def run(*args: str):
    return runner.invoke(app, list(args))


def test_defects_give_exit_1_and_json_contract():
    r = run("check", PLAN, "--format", "json")
    assert r.exit_code == 1, r.output
    d = json.loads(r.stdout)
    assert d["schema"] == "bogo.check/1" and set(d["summary"]) == {"error", "warning", "info", "partial"}
    [f] = d["files"]
    assert f["path"] == PLAN and len(f["sha256"]) == 64
    codes = {x["code"] for x in f["findings"]}
    assert {"T102", "X202", "W405"} <= codes
    for x in f["findings"]:
        assert set(x) >= {"code", "severity", "message", "line", "table", "row", "col", "found", "expected"}


def test_clean_report_exit_0(tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text(CLEAN, encoding="utf-8")
    r = run("check", str(p), "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["summary"]["error"] == 0


@pytest.mark.parametrize("args, code", [
    (["--fail-on", "never"], 0),
    (["--select", "W405"], 0),               # info only: nothing reaches the error level
    (["--select", "W405", "--fail-on", "warning"], 0),
    (["--select", "T1"], 1),
    (["--ignore", "T,X,W,D"], 0),
])
def test_select_ignore_fail_on(args, code):
    r = run("check", PLAN, "--format", "json", *args)
    assert r.exit_code == code, r.output
    found = {x["code"] for x in json.loads(r.stdout)["files"][0]["findings"]}
    if "--select" in args:
        prefix = args[args.index("--select") + 1]
        assert found and all(c.startswith(prefix) for c in found)
    if "--ignore" in args:
        assert not found


def test_html_and_xlsx_outputs(tmp_path):
    html_out = tmp_path / "r.html"
    r = run("check", PLAN, "--format", "html", "-o", str(html_out), "--fail-on", "never")
    assert r.exit_code == 0, r.output
    page = html_out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "<script" not in page.lower()
    xlsx_out = tmp_path / "r.xlsx"
    r = run("check", PLAN, "--format", "xlsx", "-o", str(xlsx_out), "--fail-on", "never")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(xlsx_out).active
    assert ws.max_row > 1


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "-o"),
    (["--format", "pdf"], "출력 형식"),
    (["--select", "Z999"], "Z999"),
    (["--fail-on", "sometimes"], "--fail-on"),
])
def test_usage_errors_exit_2(args, message):
    r = run("check", PLAN, *args)
    assert r.exit_code == 2
    assert message in r.output and "Traceback" not in r.output


def test_missing_file_exit_2(tmp_path):
    r = run("check", str(tmp_path / "없음.txt"))
    assert r.exit_code == 2 and "파일이 없습니다" in r.output


def test_every_command_has_korean_help():
    import re

    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("parse", "check", "demo"):
        h = run(cmd, "--help")
        assert h.exit_code == 0 and re.search("[가-힣]", h.output), cmd
