"""The check result as an XLSX sheet a planning officer can sort and annotate.

Reader warnings of a partly read file come first, one row each (code 읽기경고,
severity 일부만 읽음); then one row per finding: file, code, severity, message, table, row, col, found,
expected, page (a PDF's), line and an empty 조치 (action) column to fill in.  An autofilter and
frozen header make it sortable; text starting with = + - @ is written with a
leading "'" so a spreadsheet never evaluates document text as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from .display import file_status

COLUMNS = ("파일", "코드", "심각도", "내용", "표", "행", "열", "발견값", "기대값", "쪽", "줄", "조치")
WIDTHS = (28, 7, 8, 70, 8, 18, 18, 14, 14, 5, 6, 30)
_SEV = {"error": "오류", "warning": "경고", "info": "참고"}
#: code and severity columns of a reader-warning row: the file was only partly read
READ_WARNING = "읽기경고"
PARTIAL = "일부만 읽음"


def safe_cell(v: Any) -> Any:
    """Numbers stay numbers; text that a spreadsheet would run as a formula is escaped."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        return v
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def finding_rows(result: Any) -> list[list[Any]]:
    """One row per reader warning (first, per file), then one per finding."""
    rows = []
    for path, sha, findings in result.files:
        _status, warnings = file_status(result, path, sha, findings)
        for w in warnings:
            rows.append([path, READ_WARNING, PARTIAL, w, None, None, None, None, None, None, None, ""])
        for f in findings:
            rows.append([path, f.code, _SEV.get(f.severity, f.severity), f.message, f.table, f.row,
                         f.col, f.found, f.expected, f.page, f.line, ""])
    return rows


def write_findings_xlsx(result: Any, path: str | Path) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet("점검결과")
    head = wb.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    for j, (name, width) in enumerate(zip(COLUMNS, WIDTHS, strict=False)):
        ws.write_string(0, j, name, head)
        ws.set_column(j, j, width, wrap if name in ("내용", "조치") else None)
    rows = finding_rows(result)
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            v = safe_cell(v)
            if isinstance(v, (int, float)):
                ws.write_number(i, j, v)
            else:
                ws.write_string(i, j, v)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(COLUMNS) - 1)
    wb.close()
