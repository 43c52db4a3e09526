"""The check result as one self-contained, escaped HTML page (shared templates).

The page (``templates/findings_report.html``) shows when and by which bogo it
was made, an index of the files with their counts, and for each file every
table that has findings drawn *once* with all its findings marked in place —
found by the findings' coordinates (``row_index``, ``col_index``), never by
labels — the same table drawing as the web workbench.  Prose findings quote
their source line.  A file only partly read gets its reader warnings at the top
of its section and never the line "발견된 문제 없음".  Autoescape is on: reports
carry raw HTML fragments and never inject markup.  No scripts, no external
resources.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .display import file_status, status_label
from .templating import environment, mark_table

VERSION_FALLBACK = "0+unknown"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bogo")
    except PackageNotFoundError:
        return VERSION_FALLBACK


def _file_view(result: Any, rep: Any, path: str, sha: str, findings: list) -> dict[str, Any]:
    status, warnings = file_status(result, path, sha, findings)
    by_table: dict[str, list] = {}
    rest = []
    known = {t.id for t in rep.tables} if rep is not None else set()
    for f in findings:
        if f.table and f.table in known:
            by_table.setdefault(f.table, []).append(f)
        else:
            rest.append(f)
    tables = [mark_table(t, by_table[t.id], i) for i, t in enumerate(rep.tables) if t.id in by_table] if rep else []
    lines = {p.line: p.text for p in rep.paragraphs} if rep is not None else {}
    return {"path": path, "status": status, "status_label": status_label(status), "warnings": warnings,
            "count": len(findings), "counts": {k: sum(f.severity == k for f in findings) for k in ("error", "warning", "info")},
            "tables": tables, "prose": [(f, lines.get(f.line) if f.line else None) for f in rest]}


def findings_html(result: Any, title: str = "bogo 점검 결과", now: datetime | None = None) -> str:
    reps = {r.source.sha256: r for r in getattr(result, "reports", [])}
    files = [_file_view(result, reps.get(sha), path, sha, findings) for path, sha, findings in result.files]
    page = environment().get_template("findings_report.html").render(
        title=title, created=(now or datetime.now()).strftime("%Y-%m-%d %H:%M"), version=_version(),
        summary=result.summary, partial=getattr(result, "partial", 0), files=files)
    return page
