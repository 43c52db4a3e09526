"""The command line's one handler: Korean help and errors, exit codes 0/1/2/3, -o handling, --version."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import bogo
from bogo import cli as cli_mod
from bogo.cli import app
from bogo.settings import Settings
from conftest import EXAMPLES

runner = CliRunner()
PLAN = str(EXAMPLES / "hanbit_2024_plan_office.txt")
ENGLISH = ("Show this message", "Missing argument", "No such option", "Usage:", "[OPTIONS]", "<list[Path]>",
           "Options", "Arguments", "Error", "Traceback")
#: in an error line an exception's type name may appear (exit 3), the library's sentences may not
ENGLISH_IN_ERRORS = tuple(w for w in ENGLISH if w != "Error")


def run(*args: str):
    return runner.invoke(app, list(args))


def one_line(r) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert re.search("[가-힣]", lines[0]) and not any(w in lines[0] for w in ENGLISH_IN_ERRORS), lines[0]
    return lines[0]


def _every_command() -> list[list[str]]:
    """The --help of the app, of every command and of every group's commands."""
    from bogo.cli import app

    out = [["--help"]] + [[c.name, "--help"] for c in app.registered_commands]
    for g in app.registered_groups:
        out.append([g.name, "--help"])
        out += [[g.name, c.name, "--help"] for c in g.typer_instance.registered_commands]
    return out


@pytest.mark.parametrize("args", _every_command(), ids=" ".join)
def test_help_is_korean_throughout(args):
    r = run(*args)
    assert r.exit_code == 0
    assert "사용법:" in r.stdout and "도움말을 보여 주고" in r.stdout
    assert not [w for w in ENGLISH if w in r.stdout], r.stdout


def test_help_documents_exit_codes():
    r = run("check", "--help")
    assert all(s in r.stdout for s in ("종료 코드", "0 문제 없음", "2 입력", "3 내부 오류"))


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"bogo {bogo.__version__}"


@pytest.mark.parametrize("args, says", [
    (["check"], "필요한 인자가 없습니다"),
    (["parse"], "필요한 인자가 없습니다"),
    (["check", PLAN, "--bogus"], "알 수 없는 옵션입니다: --bogus"),
    (["check", PLAN, "--format"], "--format"),
    (["chek", PLAN], "알 수 없는 명령입니다: chek"),
    (["parse", PLAN, "extra"], "필요 없는 인자"),
])
def test_usage_errors_are_one_korean_line_exit_2(args, says):
    r = run(*args)
    assert r.exit_code == 2
    assert says in one_line(r)


def test_output_into_missing_folder_refused_before_work(tmp_path, monkeypatch):
    called = []
    monkeypatch.setattr(cli_mod.api, "check", lambda *a, **kw: called.append(a))
    r = run("check", PLAN, "-o", str(tmp_path / "없는폴더" / "r.html"))
    assert r.exit_code == 2 and "저장할 폴더가 없습니다" in one_line(r)
    assert not called


def test_output_onto_directory_refused(tmp_path):
    r = run("check", PLAN, "-o", str(tmp_path))
    assert r.exit_code == 2 and "디렉터리" in one_line(r)


@pytest.mark.parametrize("suffix, starts", [(".html", "<!DOCTYPE html>"), (".json", "{"), (".txt", PLAN)])
def test_format_inferred_from_output_extension_and_path_printed(tmp_path, suffix, starts):
    out = tmp_path / f"결과{suffix}"
    r = run("check", PLAN, "-o", str(out), "--fail-on", "never")
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith(starts)
    assert f"저장했습니다: {out}" in r.stderr
    if suffix == ".json":
        assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "bogo.check/1"


def test_xlsx_inferred_from_extension(tmp_path):
    out = tmp_path / "결과.xlsx"
    assert run("check", PLAN, "-o", str(out), "--fail-on", "never").exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_internal_error_is_one_line_exit_3(monkeypatch):
    def boom(*a, **kw):
        raise ZeroDivisionError("a bug")
    monkeypatch.setattr(cli_mod.api, "parse", boom)
    r = run("parse", PLAN)
    assert r.exit_code == 3
    line = one_line(r)
    assert "내부 오류" in line and "ZeroDivisionError" in line


def test_bad_environment_value_is_a_korean_error():
    from bogo.errors import UsageError

    with pytest.raises(UsageError, match="BOGO_MAX_TABLE_CELLS"):
        Settings.from_env({"BOGO_MAX_TABLE_CELLS": "many"})
    with pytest.raises(UsageError, match="BOGO_READ_SECONDS"):
        Settings.from_env({"BOGO_READ_SECONDS": "-1"})
    s = Settings.from_env({"BOGO_MAX_TABLE_CELLS": "1_000", "BOGO_READ_SECONDS": "2.5"})
    assert s.max_table_cells == 1000 and s.read_seconds == 2.5


def test_bad_environment_value_stops_the_cli(monkeypatch):
    from bogo.errors import UsageError

    monkeypatch.setattr(cli_mod, "ENV_ERROR", UsageError(None, "환경 변수 BOGO_MAX_LINES의 값이 잘못되었습니다"))
    r = run("check", PLAN)
    assert r.exit_code == 2 and "BOGO_MAX_LINES" in one_line(r)


def test_findings_exit_1_clean_exit_0(tmp_path):
    assert run("check", PLAN).exit_code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("Ⅰ. 현황\n\n□ 추진 계획을 세웠습니다\n", encoding="utf-8")
    r = run("check", str(clean))
    assert r.exit_code == 0 and "발견된 문제 없음" in r.stdout
