"""Exports of the store's records: JSON, CSV and XLSX (one sheet per record type).

Each record becomes a row of its document's columns followed by the record's
scalar fields (lists and objects as JSON text).  Headers are Korean; amounts and
counts stay numbers; a text that a spreadsheet would take for a formula (it
starts with = + - @, a tab or a carriage return) is escaped with a leading
apostrophe, and NUL characters are removed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .models import RECORD_TABLES
from .query import records
from .store import Store

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAMES = {"section": "목차", "table": "표", "staff_row": "인력", "budget_line": "예산", "task": "과제",
               "milestone": "일정", "audit_item": "감사처리", "paragraph": "문단", "finding": "점검결과"}
HEADERS = {"document_id": "문서번호", "path": "파일", "office": "기관", "date": "날짜", "id": "식별자",
           "line": "행", "title": "제목", "level": "수준", "marker": "표지", "parent": "상위", "unit": "단위·부서",
           "quota": "정원", "current": "현원", "women": "여성", "item": "항목", "column": "열", "amount": "금액",
           "count": "사업수", "task": "과제", "raw": "원문", "start": "시작", "end": "끝", "heading": "제목줄",
           "text": "내용", "category": "구분", "status": "처리상황", "code": "코드", "severity": "심각도",
           "message": "메시지", "found": "발견값", "expected": "기대값", "caption": "표제목", "number": "번호"}
EXPORT_FORMATS = ("json", "csv", "xlsx")


def safe_cell(v: Any) -> Any:
    """A cell value safe to open in a spreadsheet (numbers untouched)."""
    if isinstance(v, (dict, list)):
        v = json.dumps(v, ensure_ascii=False)
    if isinstance(v, str):
        v = v.replace("\x00", "")
        if v.startswith(FORMULA_START):
            v = "'" + v
    return v


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for r in rows:
        cols.extend(k for k in r if k not in cols)
    return cols


def export_rows(store: Store, types: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The records of each type (current versions) as flat dicts."""
    for t in types or []:
        if t not in RECORD_TABLES:
            raise UsageError(None, f"알 수 없는 레코드 종류입니다: {t} (사용 가능: {', '.join(RECORD_TABLES)})")
    return {t: records(store, t) for t in (types or list(RECORD_TABLES))}


def export(store: Store, fmt: str, output: Path, types: list[str] | None = None) -> int:
    """Write the records to ``output`` as ``fmt``; returns the number of records written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(None, f"알 수 없는 내보내기 형식입니다: {fmt} (json, csv, xlsx 중 하나)")
    data = export_rows(store, types)
    if fmt == "json":
        output.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "csv":
        output.write_text(_csv(data), encoding="utf-8-sig")
    else:
        _xlsx(data, output)
    return sum(len(v) for v in data.values())


def _csv(data: dict[str, list[dict[str, Any]]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    for rtype, rows in data.items():
        cols = _columns(rows)
        if not cols:
            continue
        w.writerow(["종류"] + [HEADERS.get(c, c) for c in cols])
        for r in rows:
            w.writerow([SHEET_NAMES.get(rtype, rtype)] + [safe_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def _xlsx(data: dict[str, list[dict[str, Any]]], output: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(output), {"strings_to_formulas": False, "strings_to_urls": False})
    for rtype, rows in data.items():
        sheet = book.add_worksheet(SHEET_NAMES.get(rtype, rtype))
        cols = _columns(rows)
        for j, c in enumerate(cols):
            sheet.write_string(0, j, HEADERS.get(c, c))
        for i, r in enumerate(rows, 1):
            for j, c in enumerate(cols):
                v = safe_cell(r.get(c))
                if isinstance(v, bool) or v is None:
                    sheet.write_string(i, j, "" if v is None else str(v))
                elif isinstance(v, (int, float)):
                    sheet.write_number(i, j, v)
                else:
                    sheet.write_string(i, j, v)
    book.close()
