"""Build a Report from a YAML check case (shared by the check tests)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bogo.model import Audit, Milestone, ParagraphRec, Report, Section, Source, Staffing, TableRec

CASES = Path(__file__).parent / "cases"


def _row(r):
    return [c.strip() for c in r.split("|")] if isinstance(r, str) else [str(c) for c in r]


def build_table(i: int, t: dict) -> TableRec:
    return TableRec(id=t.get("id", f"t{i + 1}"), section=None, caption=t.get("caption"),
                    unit=t.get("unit"), line=t.get("line", 100 + 20 * i),
                    header=[_row(r) for r in t.get("header", [])],
                    rows=[_row(r) for r in t.get("rows", [])],
                    spans=t.get("spans", []), notes=t.get("notes", []))


def build_sections(items: list, prefix: str = "s", level: int = 1) -> list[Section]:
    """Outline entries ``{marker, title, line, children}`` as contract sections."""
    out = []
    for i, it in enumerate(items, 1):
        sid = f"{prefix}{i}" if prefix == "s" else f"{prefix}.{i}"
        out.append(Section(id=sid, level=level, marker=it["marker"], title=it["title"], line=it["line"],
                           children=build_sections(it.get("children", []), sid, level + 1)))
    return out


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
        outline=build_sections(case.get("outline", [])),
        paragraphs=_paragraphs(case),
        staffing=Staffing(**case["staffing"]) if case.get("staffing") else None,
    )
    return rep


def _paragraphs(case: dict) -> list[ParagraphRec]:
    """The case's prose: its lines, and an outline case's headings and body lines with their markers."""
    lines = [(i + 1, text, "") for i, text in enumerate(case.get("lines", []))]
    lines += [(s["line"], s["title"], s["marker"]) for s in _flat(case.get("outline", []))]
    lines += [(x["line"], x["text"], x.get("marker", "")) for x in case.get("body", [])]
    lines.sort(key=lambda x: x[0])
    return [ParagraphRec(text=t, raw=(m + " " + t).strip(), line=n, marker=m) for n, t, m in lines]


def _flat(items: list) -> list[dict]:
    out = []
    for it in items:
        out.append(it)
        out.extend(_flat(it.get("children", [])))
    return out


def build_history(case: dict):
    """The earlier reports of a corpus case (``history:``), checked, as a MemoryHistory (or None)."""
    if "history" not in case:
        return None
    from bogo.checks import run_checks
    from bogo.track import MemoryHistory

    reps = [build_case({"id": f"{case['id']}-h{i}", **h}) for i, h in enumerate(case["history"])]
    run_checks(reps)
    return MemoryHistory(reps)


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for p in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["code"], case))
    return out
