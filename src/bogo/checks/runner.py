"""The runner: walk the selected checks over reports and collect findings.

``run_checks(reports, select, ignore)`` calls every table-scope check once per
table and every document-scope check once per report, puts the findings into
each ``report.findings`` (sorted by line) and returns a :class:`CheckResult`
whose ``to_json()`` is the contract ``bogo.check/1`` (spec §4).  A check that
raises is a bug in that check: the other checks still run, and the crash is
kept in ``CheckResult.crashes`` (file, check code, exception) so that the caller
reports it as an internal error — never as a finding.
An error of a table-scope check on a table whose
grid a reader only inferred (``TableRec.origin`` "aligned" or "inferred"), or
whose short rows' cells it could only guess the columns of (``placement``
"inferred"), is lowered to a warning whose message says the reading is uncertain.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, Report
from ..settings import SETTINGS, Settings
from .context import Context
from .registry import SEVERITY_ORDER, Check, select_checks

SCHEMA = "bogo.check/1"
#: table origins whose grid came from unambiguous structure (None: the format states it)
CERTAIN_ORIGINS = (None, "ruled")
UNCERTAIN_NOTE = " (표 읽기 불확실: 격자를 괘선이 아닌 글자 배치로 추정해 경고로 낮춤)"
#: why a table's values are uncertain although its grid is not (TableView.uncertain) → the note
VALUE_NOTES = {"bare-parens": " (값 읽기 불확실: 괄호만 있는 금액은 음수 표기일 수 있어 경고로 낮춤)",
               "placement": " (표 읽기 불확실: 칸이 빠진 행의 값이 어느 열인지 정할 근거가 없어 경고로 낮춤)"}


#: table checks whose findings do not depend on the column a short row's cell was put in
#: (T106 compares the 정원/현원 pairs of one row with its own total)
PLACEMENT_FREE = frozenset({"T106"})


#: per-file status: read completely without findings, with findings, or only partly read
STATUSES = ("clean", "findings", "partial")


@dataclass
class CheckResult:
    """Findings per file: ``files`` is [(path, sha256, findings)].

    ``notes`` maps (path, sha256) to the reader's warnings for that file.  A file
    with reader warnings was not fully read: its status is ``partial`` whatever
    its findings, and it is never reported as clean.
    """

    files: list[tuple[str, str, list[Finding]]] = field(default_factory=list)
    #: the checked reports, for renderers that show findings in context
    reports: list[Report] = field(default_factory=list, repr=False)
    #: checks that raised: (path, check code, exception)
    crashes: list[tuple[str, str, BaseException]] = field(default_factory=list, repr=False)
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def warnings_of(self, path: str, sha: str) -> list[str]:
        """The reader warnings of one checked file."""
        return self.notes.get((path, sha), [])

    def status_of(self, path: str, sha: str, findings: list[Finding]) -> str:
        """``partial`` when the reader warned, else ``findings`` or ``clean``."""
        if self.warnings_of(path, sha):
            return "partial"
        return "findings" if findings else "clean"

    @property
    def partial(self) -> int:
        """How many files were only partly read."""
        return sum(self.status_of(p, h, fs) == "partial" for p, h, fs in self.files)

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
            "files": [{"path": p, "sha256": h, "status": self.status_of(p, h, fs),
                       "warnings": self.warnings_of(p, h),
                       "findings": [f.model_dump(mode="json") for f in fs]}
                      for p, h, fs in self.files],
            "summary": {**self.summary, "partial": self.partial},
        }

    def to_json(self, pretty: bool = False) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2 if pretty else None)


def _sort_key(f: Finding) -> tuple:
    return (f.line or 0, SEVERITY_ORDER[f.severity], f.code)


def _gate(f: Finding, origin: str | None, uncertain: str | None = None) -> Finding:
    """An error on a table whose grid or values are uncertain becomes a warning that says so."""
    if f.severity != "error" or (origin in CERTAIN_ORIGINS and uncertain is None):
        return f
    note = UNCERTAIN_NOTE if origin not in CERTAIN_ORIGINS else VALUE_NOTES.get(uncertain or "", "")
    return f.model_copy(update={"severity": "warning", "message": f.message + note})


def check_report(report: Report, checks: list[Check],
                 crashes: list[tuple[str, BaseException]] | None = None, history=None,
                 settings: Settings = SETTINGS) -> list[Finding]:
    """All findings of ``checks`` on one report (not stored in the report).  Corpus
    checks run last, with ``history``, and see the other findings in ``report.findings``.

    A check that raises is appended to ``crashes`` as (code, exception) and the
    other checks go on; without a ``crashes`` list the exception propagates."""
    ctx = Context(report, settings=settings)
    out: list[Finding] = []
    for chk in sorted(checks, key=lambda c: c.scope == "corpus"):
        try:
            if chk.scope == "table":
                for t in report.tables:
                    found = list(chk.func(t, ctx))
                    if found:
                        doubt = ctx.grid(t).uncertain
                        if doubt == "placement" and chk.code in PLACEMENT_FREE:
                            doubt = None
                        out.extend(_gate(f, t.origin, doubt) for f in found)
            elif chk.scope == "corpus":
                if history is not None:
                    report.findings = list(out)
                    out.extend(chk.func(ctx, history))
            else:
                out.extend(chk.func(ctx))
        except Exception as e:  # noqa: BLE001 — one broken check must not hide the others
            if crashes is None:
                raise
            crashes.append((chk.code, e))
    seen, uniq = set(), []
    for f in sorted(out, key=_sort_key):
        key = (f.code, f.line, f.table, str(f.row), str(f.col), str(f.found), f.message)
        if key not in seen:
            seen.add(key)
            uniq.append(f)
    _set_pages(report, uniq)
    return uniq


def _set_pages(report: Report, findings: list[Finding]) -> None:
    """Give each finding the page of the source that holds it (a PDF's): its table's
    page, else that of the paragraph or table its line falls in.  A finding already
    placed keeps its page; a format without pages gives none."""
    spans = sorted([(p.line, p.page) for p in report.paragraphs if p.page]
                   + [(t.line, t.page) for t in report.tables if t.page and t.line])
    if not spans:
        return
    tables = {t.id: t.page for t in report.tables if t.page}
    starts = [line for line, _ in spans]
    for f in findings:
        if f.page is not None:
            continue
        page = tables.get(f.table) if f.table else None
        if page is None and f.line:
            i = bisect_right(starts, f.line) - 1
            page = spans[i][1] if i >= 0 else None
        f.page = page


def run_checks(reports: Iterable[Report], select: Iterable[str] | str | None = None,
               ignore: Iterable[str] | str | None = None, history=None,
               settings: Settings = SETTINGS) -> CheckResult:
    """Run the selected checks on each report; fill ``report.findings``."""
    checks = select_checks(select, ignore)
    result = CheckResult()
    for rep in reports:
        crashed: list[tuple[str, BaseException]] = []
        findings = check_report(rep, checks, crashed, history, settings)
        result.crashes.extend((rep.source.path, code, e) for code, e in crashed)
        rep.findings = findings
        result.files.append((rep.source.path, rep.source.sha256, findings))
        if rep.source.warnings:
            result.notes[(rep.source.path, rep.source.sha256)] = list(rep.source.warnings)
        result.reports.append(rep)
    return result
