"""The check result as a Rich table in the terminal, grouped by file.

The only module of the checks' output that imports ``rich``.  Each file gets a
heading with its counts and a table of its findings (severity in colour, line,
code, table/row/col, message); a file without findings says so in one line.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "오류", "warning": "경고", "info": "참고"}


def findings_tables(result: Any) -> list[tuple[str, Table | None]]:
    out = []
    for path, _sha, findings in result.files:
        counts = {k: sum(f.severity == k for f in findings) for k in _LABEL}
        head = f"[bold]{escape(path)}[/] — " + ", ".join(f"{_LABEL[k]} {n}" for k, n in counts.items())
        if not findings:
            out.append((head + " — 발견된 문제 없음", None))
            continue
        t = Table(show_lines=False, expand=False)
        for col in ("구분", "줄", "코드", "위치", "내용"):
            t.add_column(col, overflow="fold")
        for f in findings:
            where = " / ".join(str(x) for x in (f.table, f.row, f.col) if x not in (None, ""))
            t.add_row(f"[{_STYLE[f.severity]}]{_LABEL[f.severity]}[/]", str(f.line or ""), f.code,
                      escape(where), escape(f.message))
        out.append((head, t))
    return out


def print_findings(result: Any, console: Console | None = None) -> None:
    console = console or Console()
    for head, table in findings_tables(result):
        console.print(head)
        if table is not None:
            console.print(table)
    s = result.summary
    console.print(f"합계: 오류 {s['error']}, 경고 {s['warning']}, 참고 {s['info']}")
