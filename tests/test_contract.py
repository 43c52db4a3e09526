"""The contract: the checked-in JSON Schema is current and every output validates."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

import bogo
from bogo.schema import SCHEMA_PATH, load, render
from conftest import REPO, SEED_FILES


def test_schema_file_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), "run `python -m bogo.schema --write`"


def test_golden_files_validate():
    schema = load()
    files = sorted((REPO / "tests" / "golden").glob("*.json"))
    assert files
    for f in files:
        jsonschema.validate(json.loads(f.read_text(encoding="utf-8")), schema)


def test_cli_json_validates_and_has_all_fields():
    out = subprocess.run([sys.executable, "-m", "bogo", "parse", str(SEED_FILES[0]), "--json"],
                         capture_output=True, text=True, check=True).stdout
    d = json.loads(out)
    jsonschema.validate(d, load())
    assert d["schema"] == "bogo.report/1"
    for key in ("source", "meta", "outline", "tables", "staffing", "budget_lines", "tasks", "milestones",
                "audit", "findings"):
        assert key in d


def test_cli_errors_are_one_korean_line():
    r = subprocess.run([sys.executable, "-m", "bogo", "parse", "/nonexistent/report.txt"], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "파일이 없습니다" in r.stderr


def test_public_surface():
    assert sorted(bogo.__all__) == ["BogoError", "Report", "__version__", "check", "parse"]
