"""The check result as a Rich table in the terminal, grouped by file.

The only module of the checks' output that imports ``rich``.  Each file gets a
heading with its status and counts, then the reader's warnings (a file only
partly read says so first, and never "발견된 문제 없음"), then a table of its
findings (severity in colour, page for a PDF, line, code, table/row/col, message).  Every
document string is shown through :func:`bogo.render.display.term`.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .display import file_status, status_label, term

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "오류", "warning": "경고", "info": "참고"}


def findings_tables(result: Any) -> list[tuple[str, list[str], Table | None]]:
    """Per file: (heading, reader-warning lines, findings table or None)."""
    out = []
    for path, sha, findings in result.files:
        status, warnings = file_status(result, path, sha, findings)
        counts = {k: sum(f.severity == k for f in findings) for k in _LABEL}
        head = f"[bold]{term(path)}[/] — " + ", ".join(f"{_LABEL[k]} {n}" for k, n in counts.items())
        notes = [f"[bold yellow]읽기 경고[/] {term(w)}" for w in warnings]
        if status == "partial":
            head += " — [bold yellow]일부만 읽음: 점검 결과가 완전하지 않습니다[/]"
        elif status == "clean":
            head += " — 발견된 문제 없음"
        if not findings:
            out.append((head, notes, None))
            continue
        t = Table(show_lines=False, expand=False)
        paged = any(f.page for f in findings)  # a PDF's findings: the page first, where a reader looks
        for col in ("구분", *(("쪽",) if paged else ()), "줄", "코드", "위치", "내용"):
            t.add_column(col, overflow="fold")
        for f in findings:
            where = " / ".join(str(x) for x in (f.table, f.row, f.col) if x not in (None, ""))
            page = (str(f.page or ""),) if paged else ()
            t.add_row(f"[{_STYLE[f.severity]}]{_LABEL[f.severity]}[/]", *page, str(f.line or ""), term(f.code),
                      term(where), term(f.message))
        out.append((head, notes, t))
    return out


def print_sections(result: Any, console: Console) -> None:
    """Each file's heading, reader warnings and findings table."""
    for head, notes, table in findings_tables(result):
        console.print(head, highlight=False)
        for n in notes:
            console.print(n, highlight=False)
        if table is not None:
            console.print(table, highlight=False)


def print_findings(result: Any, console: Console | None = None) -> None:
    console = console or Console()
    print_sections(result, console)
    s = result.summary
    partial = getattr(result, "partial", 0)
    tail = f", 일부만 읽은 파일 {partial}" if partial else ""
    console.print(f"합계: 오류 {s['error']}, 경고 {s['warning']}, 참고 {s['info']}{tail}", highlight=False)


__all__ = ["findings_tables", "print_findings", "print_sections", "status_label"]
