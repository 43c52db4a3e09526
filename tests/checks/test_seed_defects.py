"""The checks on the real seeds and the examples: every confirmed defect is
reported, and no other error-severity finding appears (zero false alarms)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

import bogo
from bogo.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
DIRS = {"seeds": ROOT.parent / "shared" / "seeds", "examples": ROOT / "examples"}
DATA = yaml.safe_load((Path(__file__).parent / "seed_defects.yaml").read_text(encoding="utf-8"))
ENTRIES = [(kind, e) for kind in DIRS for e in DATA.get(kind, [])]
FILES = sorted({(kind, e["file"]) for kind, e in ENTRIES})


@cache
def _findings(kind: str, name: str):
    path = DIRS[kind] / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return run_checks([bogo.parse(path)]).findings


@pytest.mark.parametrize(("kind", "entry"), ENTRIES,
                         ids=[f"{e['code']}-{e['file'][:12]}-L{e['line']}" for _, e in ENTRIES])
def test_defect_reported(kind, entry):
    got = [(f.code, f.line) for f in _findings(kind, entry["file"])]
    assert (entry["code"], entry["line"]) in got, entry["what"]


@pytest.mark.parametrize(("kind", "name"), FILES, ids=[n[:16] for _, n in FILES])
def test_no_other_errors(kind, name):
    known = {(e["code"], e["line"]) for k, e in ENTRIES if k == kind and e["file"] == name}
    known |= {(e["code"], e["line"]) for e in DATA.get("allowed", []) if e["file"] == name}
    extra = [f.message for f in _findings(kind, name)
             if f.severity == "error" and (f.code, f.line) not in known]
    assert not extra
