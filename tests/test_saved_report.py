"""A saved ``bogo parse --json`` is checked exactly like the file it came from.

The contract carries everything the checks read (paragraphs, tables, records),
so for every seed, example and real sample the findings of the saved JSON equal
the findings of the original — and through the command line as well.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bogo import api
from bogo.checks import run_checks
from conftest import EXAMPLES, SAMPLES, SEED_FILES, parsed

INPUTS = SEED_FILES + sorted(p for p in EXAMPLES.glob("*.txt")) + sorted(
    p for p in SAMPLES.rglob("*") if p.suffix in (".hwp", ".hwpx", ".pdf", ".html"))


def _findings(report) -> list[dict]:
    res = run_checks([report])
    assert not res.crashes, res.crashes
    return [f.model_dump(mode="json") for f in res.findings]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_json_gives_the_same_findings(path: Path, tmp_path: Path):
    original = parsed(path)
    saved = tmp_path / (path.name + ".json")
    saved.write_text(original.to_json(), encoding="utf-8")
    reloaded = api.load(saved)
    assert reloaded.paragraphs == original.paragraphs
    assert _findings(reloaded) == _findings(original.model_copy(deep=True))


def test_cli_checks_a_saved_report(tmp_path: Path):
    src = EXAMPLES / "hanbit_2025_issue_report.txt"
    saved = tmp_path / "saved.json"
    bogo = [sys.executable, "-m", "bogo"]
    saved.write_text(subprocess.run(bogo + ["parse", "--json", str(src)], capture_output=True, text=True,
                                    check=True).stdout, encoding="utf-8")

    def check(p: Path) -> list[dict]:
        out = subprocess.run(bogo + ["check", "--format", "json", "--fail-on", "never", str(p)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)["files"][0]["findings"]

    direct, via_json = check(src), check(saved)
    assert direct and via_json == direct


def test_a_broken_saved_report_is_one_korean_error(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "bogo.report/1", "source": {"path": 3}}', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "bogo", "check", str(bad)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "계약" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
