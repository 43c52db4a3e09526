"""Build a Report from a YAML check case (shared by the check tests)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bogo.model import Audit, Milestone, ParagraphRec, Report, Source, TableRec

CASES = Path(__file__).parent / "cases"


def _row(r):
    return [c.strip() for c in r.split("|")] if isinstance(r, str) else [str(c) for c in r]


def build_table(i: int, t: dict) -> TableRec:
    return TableRec(id=t.get("id", f"t{i + 1}"), section=None, caption=t.get("caption"),
                    unit=t.get("unit"), line=t.get("line", 100 + 20 * i),
                    header=[_row(r) for r in t.get("header", [])],
                    rows=[_row(r) for r in t.get("rows", [])],
                    spans=t.get("spans", []), notes=t.get("notes", []))


def build_case(case: dict) -> Report:
    tables = list(case.get("tables", []))
    if "table" in case:
        tables.insert(0, case["table"])
    rep = Report(
        source=Source(path=f"case-{case['id']}.txt", sha256=f"{abs(hash(case['id'])):064d}"[:64],
                      format="text", bytes=1),
        meta=case.get("meta", {"date": "2018-07"}),
        tables=[build_table(i, t) for i, t in enumerate(tables)],
        milestones=[Milestone(**m) for m in case.get("milestones", [])],
        audit=Audit(**case["audit"]) if case.get("audit") else None,
        paragraphs=[ParagraphRec(text=text, raw=text, line=i + 1) for i, text in enumerate(case.get("lines", []))],
    )
    return rep


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for p in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["code"], case))
    return out
