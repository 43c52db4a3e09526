"""The check result as one self-contained, escaped HTML page.

Every finding is shown in context: a table finding renders its table with the
offending cell (or row) highlighted — found by the finding's coordinates
(``row_index``, ``col_index``), never by its labels — and a prose finding quotes
its source line.  A file only partly read gets its reader warnings in a box at
the top of its section and never the line "발견된 문제 없음".  All document text —
cells, lines, captions, messages, paths — goes through
:func:`html.escape`: reports carry raw HTML fragments and must never inject
markup into the page.  No scripts, no external resources.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Finding, Report, TableRec
from .display import file_status, status_label, visible

_CSS = """
body{font-family:'Malgun Gothic','Apple SD Gothic Neo',sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em}
.f{border-left:4px solid #999;padding:.4em .8em;margin:1em 0;background:#fafafa}
.error{border-color:#c62828}.warning{border-color:#f9a825}.info{border-color:#1565c0}
.sev{font-weight:bold;margin-right:.5em}.code{font-family:monospace;margin-right:.5em}
table.t{border-collapse:collapse;margin:.5em 0;font-size:.9em}
table.t td,table.t th{border:1px solid #bbb;padding:2px 6px;text-align:right}
table.t th{background:#eee} td.hit{background:#ffcdd2;font-weight:bold} tr.hitrow td{background:#fff3e0}
.partial{border:2px solid #f9a825;background:#fffde7;padding:.4em .8em;margin:.5em 0}
.st-partial{color:#e65100}.st-clean{color:#2e7d32}.st-findings{color:#555}
blockquote{margin:.4em 0;padding:.3em .6em;background:#fff;border:1px dashed #bbb;white-space:pre-wrap}
"""
_LABEL = {"error": "오류", "warning": "경고", "info": "참고"}


def table_html(t: TableRec, row: int | None = None, col: int | None = None) -> str:
    out = ['<table class="t">']
    if t.caption:
        out.append(f"<caption>{escape(t.caption)}{' (' + escape(t.unit) + ')' if t.unit else ''}</caption>")
    for h in t.header:
        out.append("<tr>" + "".join(f"<th>{escape(x)}</th>" for x in h) + "</tr>")
    for i, r in enumerate(t.rows):
        cls = ' class="hitrow"' if i == row else ""
        cells = "".join(f'<td{" class=hit" if (i == row and j == col) else ""}>{escape(x)}</td>'
                        for j, x in enumerate(r))
        out.append(f"<tr{cls}>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _context(rep: Report | None, f: Finding, lines: dict[int, str]) -> str:
    if rep is not None and f.table:
        t = rep.table(f.table)
        if t is not None:
            return table_html(t, f.row_index, f.col_index)
    if f.line and f.line in lines:
        return f"<blockquote>{f.line}: {escape(lines[f.line])}</blockquote>"
    return ""


def findings_html(result: Any, title: str = "bogo 점검 결과") -> str:
    reps = {r.source.sha256: r for r in getattr(result, "reports", [])}
    s = result.summary
    out = ["<!DOCTYPE html>", '<html lang="ko"><head><meta charset="utf-8">',
           f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{escape(title)}</h1>",
           f"<p>오류 {s['error']}건, 경고 {s['warning']}건, 참고 {s['info']}건"
           + (f", 일부만 읽은 파일 {getattr(result, 'partial', 0)}개" if getattr(result, "partial", 0) else "")
           + "</p>"]
    for path, sha, findings in result.files:
        rep = reps.get(sha)
        lines = {p.line: p.text for p in rep.paragraphs} if rep is not None else {}
        status, warnings = file_status(result, path, sha, findings)
        out.append(f'<h2>{escape(visible(path))} <small class="st-{status}">{status_label(status)}</small></h2>')
        if warnings:
            out.append('<div class="partial"><strong>일부만 읽음: 점검 결과가 완전하지 않습니다</strong><ul>'
                       + "".join(f"<li>{escape(visible(w))}</li>" for w in warnings) + "</ul></div>")
        elif not findings:
            out.append("<p>발견된 문제 없음</p>")
        for f in findings:
            out.append(f'<div class="f {escape(f.severity)}">'
                       f'<span class="sev">{_LABEL.get(f.severity, escape(f.severity))}</span>'
                       f'<span class="code">{escape(f.code)}</span>'
                       f'<span>{escape(f.message)}</span>'
                       f'{" <small>(" + str(int(f.line)) + "행)</small>" if f.line else ""}'
                       f"{_context(rep, f, lines)}</div>")
    out.append("</body></html>")
    return "\n".join(out)
