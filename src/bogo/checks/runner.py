"""The runner: walk the selected checks over reports and collect findings.

``run_checks(reports, select, ignore)`` calls every table-scope check once per
table and every document-scope check once per report, puts the findings into
each ``report.findings`` (sorted by line) and returns a :class:`CheckResult`
whose ``to_json()`` is the contract ``bogo.check/1`` (spec §4).  A check that
raises is a bug in that check: it is reported as an info finding ``E000`` rather
than aborting the whole run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, Report
from .context import Context, Line, remember_lines
from .registry import SEVERITY_ORDER, Check, select_checks

SCHEMA = "bogo.check/1"


@dataclass
class CheckResult:
    """Findings per file: ``files`` is [(path, sha256, findings)]."""

    files: list[tuple[str, str, list[Finding]]] = field(default_factory=list)
    #: the checked reports, for renderers that show findings in context
    reports: list[Report] = field(default_factory=list, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return [f for _, _, fs in self.files for f in fs]

    @property
    def summary(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    @property
    def has_errors(self) -> bool:
        return self.summary["error"] > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "files": [{"path": p, "sha256": h, "findings": [f.model_dump(mode="json") for f in fs]}
                      for p, h, fs in self.files],
            "summary": self.summary,
        }

    def to_json(self, pretty: bool = False) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2 if pretty else None)


def _sort_key(f: Finding) -> tuple:
    return (f.line or 0, SEVERITY_ORDER[f.severity], f.code)


def check_report(report: Report, checks: list[Check], lines: list[Line] | None = None,
                 history=None) -> list[Finding]:
    """All findings of ``checks`` on one report (not stored in the report).  Corpus
    checks run last, with ``history``, and see the other findings in ``report.findings``."""
    ctx = Context(report, lines)
    out: list[Finding] = []
    for chk in sorted(checks, key=lambda c: c.scope == "corpus"):
        try:
            if chk.scope == "table":
                for t in report.tables:
                    out.extend(chk.func(t, ctx))
            elif chk.scope == "corpus":
                if history is not None:
                    report.findings = list(out)
                    out.extend(chk.func(ctx, history))
            else:
                out.extend(chk.func(ctx))
        except Exception as e:  # noqa: BLE001 — one broken check must not hide the others
            out.append(Finding(code="E000", severity="info",
                               message=f"점검 {chk.code} 실행 중 오류: {type(e).__name__}: {e}"))
    seen, uniq = set(), []
    for f in sorted(out, key=_sort_key):
        key = (f.code, f.line, f.table, str(f.row), str(f.col), str(f.found), f.message)
        if key not in seen:
            seen.add(key)
            uniq.append(f)
    return uniq


def run_checks(reports: Iterable[Report], select: Iterable[str] | str | None = None,
               ignore: Iterable[str] | str | None = None,
               lines: dict[str, list[Line]] | None = None, history=None) -> CheckResult:
    """Run the selected checks on each report; fill ``report.findings``.

    ``lines`` optionally maps a report's sha256 (or path) to its prose lines,
    for callers that hold them already; otherwise they are re-read from the source.
    """
    checks = select_checks(select, ignore)
    result = CheckResult()
    for rep in reports:
        given = None
        if lines:
            given = lines.get(rep.source.sha256) or lines.get(rep.source.path)
            if given is not None:
                remember_lines(rep, given)
        findings = check_report(rep, checks, given, history)
        rep.findings = findings
        result.files.append((rep.source.path, rep.source.sha256, findings))
        result.reports.append(rep)
    return result
