"""Golden files: every seed and example parsed into the contract, compared as JSON.

Regenerate with ``BOGO_REGEN=1`` (refused under CI), then read the diff of the
``.outline.txt`` twins and the JSON before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import bogo
from conftest import EXAMPLES, REPO, SEED_FILES

GOLDEN = REPO / "tests" / "golden"
INPUTS = SEED_FILES + sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")


def _stable(report: bogo.Report) -> dict:
    d = report.to_dict()
    d["source"]["path"] = Path(d["source"]["path"]).name
    return d


def outline_text(report: bogo.Report) -> str:
    lines = [f"# {report.meta.office} | {report.meta.title} | {report.meta.kind} | {report.meta.date}"]

    def walk(sections, depth):
        for s in sections:
            lines.append(f"{'  ' * depth}{s.marker} {s.title}  [{s.line}]".replace("  ", "  ", 1))
            walk(s.children, depth + 1)

    walk(report.outline, 0)
    for t in report.tables:
        width = len(t.rows[0]) if t.rows else 0
        lines.append(f"table {t.id} line {t.line} '{t.caption}' unit={t.unit} header={len(t.header)} rows={len(t.rows)}x{width}")
    for k in report.tasks:
        lines.append(f"task {k.number} {k.title} :: {', '.join(k.parts)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden(path: Path):
    report = bogo.parse(path)
    got = _stable(report)
    gold = GOLDEN / (path.stem + ".json")
    twin = GOLDEN / (path.stem + ".outline.txt")
    if os.environ.get("BOGO_REGEN"):
        assert not os.environ.get("CI"), "golden files are never regenerated in CI"
        gold.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        twin.write_text(outline_text(report), encoding="utf-8")
    assert gold.exists(), f"missing golden file {gold.name}; run with BOGO_REGEN=1 and review"
    expected = json.loads(gold.read_text(encoding="utf-8"))
    assert twin.read_text(encoding="utf-8") == outline_text(report)
    assert got == expected
