"""Golden findings: every seed, example and real sample checked, compared with
``tests/golden/findings/``, so a speed change (analyser options, caches, the
batch) that alters any finding fails here.

Each file is one JSON list of [code, severity, line, table, row, col, found,
expected].  Regenerate with ``BOGO_REGEN=1`` (refused under CI) and read the
diff: a change must be one a check's author meant.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import bogo
from bogo.checks import run_checks
from conftest import EXAMPLES, REPO, SAMPLES, SEED_FILES

GOLDEN = REPO / "tests" / "golden" / "findings"
INPUTS = SEED_FILES + sorted(EXAMPLES.glob("*.txt")) + sorted(
    p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in (".html", ".hwp", ".hwpx", ".pdf"))


def _name(path: Path) -> str:
    if path.is_relative_to(SAMPLES):
        return "__".join(path.relative_to(SAMPLES).parts) + ".json"
    return path.name + ".json"


def _rows(path: Path) -> list[list]:
    try:
        report = bogo.parse(path)
    except bogo.BogoError as e:
        return [["unreadable", e.reason]]
    return [[f.code, f.severity, f.line, f.table, f.row, f.col, f.found, f.expected]
            for f in run_checks([report]).findings]


@pytest.mark.parametrize("path", INPUTS, ids=_name)
def test_findings_golden(path: Path):
    got = json.loads(json.dumps(_rows(path), ensure_ascii=False))
    gold = GOLDEN / _name(path)
    if os.environ.get("BOGO_REGEN"):
        assert not os.environ.get("CI"), "golden files are never regenerated in CI"
        GOLDEN.mkdir(parents=True, exist_ok=True)
        gold.write_text(json.dumps(got, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    assert gold.exists(), f"missing golden findings {gold.name}; run with BOGO_REGEN=1 and review"
    assert got == json.loads(gold.read_text(encoding="utf-8"))
