"""The 총괄 of 행정사무감사 처리결과: a summary table, or summary lines of prose.

A summary table has a 계 column and status columns (추진완료, 추진중, 검토중,
미반영 and their variants), one row per category; the 계 row gives the total and
"-" is 0.  Without one, lines such as "건의사항 6건 (완료 3, 추진중 3)" are read
as its rows.
"""

from __future__ import annotations

import re

from ..blocks import Paragraph
from ..model import AuditItem, AuditSummary, AuditSummaryRow, TableRec
from ..normalize.numbers import parse_number
from ..normalize.text import compact
from ..structure import Layout
from .audit_words import STATUSES, TOTAL_WORDS, category_of, is_category_heading, normalize_status

# "시정요구사항 5건 (완료 2, 추진중 2, 추진불가 1)": a category's count and its
# breakdown by status, stated in a line of prose
_PROSE_SUMMARY = re.compile(r"^[-·○◦•▪\s]*(?P<cat>[가-힣·ㆍ\s]{2,20}?)\s*(?P<n>\d{1,4})\s*건\s*"
                            r"\((?P<parts>[^()]*)\)\s*$")
_STATUS_COUNT = re.compile(r"^\s*(?P<st>[가-힣\s]{1,10}?)\s*(?P<n>\d{1,4})\s*건?\s*$")


_COMMA = re.compile(r"[,，]")

def prose_summary_row(text: str) -> AuditSummaryRow | None:
    """A summary row from a line "건의사항 6건 (완료 3, 추진중 3)", else None.

    Every piece of the parenthesis must be a status word with its count and the
    counts must add up to the category's — else the line is not read at all."""
    m = _PROSE_SUMMARY.match(text)
    cat = category_of(m.group("cat")) if m else None
    if cat is None or not is_category_heading(m.group("cat")):
        return None
    counts = dict.fromkeys(STATUSES, 0)
    for piece in _COMMA.split(m.group("parts")):
        pm = _STATUS_COUNT.match(piece)
        st = normalize_status(pm.group("st")) if pm else None
        if st is None:
            return None
        counts[st] += int(pm.group("n"))
    total = int(m.group("n"))
    if sum(counts.values()) != total:
        return None
    return AuditSummaryRow(category=cat, total=total, **counts)


def prose_summary(layout: Layout) -> AuditSummary | None:
    """The 감사결과 lines of a report with no 총괄 table, as its summary."""
    rows: list[AuditSummaryRow] = []
    line = None
    for b in layout.blocks:
        if isinstance(b, Paragraph) and len(b.text) <= 80 and "건" in b.text:
            row = prose_summary_row(b.text)
            if row is not None and all(r.category != row.category for r in rows):
                rows.append(row)
                line = line or b.line
    if not rows:
        return None
    return AuditSummary(total=sum(r.total or 0 for r in rows), rows=rows, line=line)


def status_from_summary(summary: AuditSummary, items: list[AuditItem]) -> None:
    """Items of a category whose summary puts every item in one status, and that
    lists exactly that many items, take that status when their own row has none."""
    for row in summary.rows:
        mine = [it for it in items if it.category == row.category]
        extra = row.model_extra or {}
        sole = [st for st in STATUSES if extra.get(st)]
        if len(sole) == 1 and extra[sole[0]] == row.total == len(mine):
            for it in mine:
                it.status = it.status or sole[0]


def summary_table(t: TableRec) -> AuditSummary | None:
    if not t.header:
        return None
    n = max(len(r) for r in t.header + t.rows)
    cols = [compact(" ".join(dict.fromkeys(h[j] for h in t.header if j < len(h)))) for j in range(n)]
    status_cols = {j: normalize_status(c) for j, c in enumerate(cols) if j > 0 and normalize_status(c)}
    total_col = next((j for j, c in enumerate(cols) if j > 0 and c in TOTAL_WORDS), None)
    if len(set(status_cols.values())) < 2:
        return None
    labels = [compact(r[0]) if r else "" for r in t.rows]
    if not any(category_of(lab) for lab in labels) and not any(lab in TOTAL_WORDS for lab in labels):
        return None
    s = AuditSummary(line=t.line, table=t.id)
    for r, row in enumerate(t.rows):
        counts: dict[str, int] = {}
        for j, name in status_cols.items():
            v = parse_number(row[j]) if j < len(row) else None
            counts[name] = counts.get(name, 0) + (int(v) if v is not None else 0)
        tot = parse_number(row[total_col]) if total_col is not None and total_col < len(row) else None
        total = int(tot) if tot is not None else sum(counts.values())
        if labels[r] in TOTAL_WORDS:
            s.total = total
            continue
        if not labels[r]:
            continue
        s.rows.append(AuditSummaryRow(category=category_of(labels[r]) or labels[r], total=total, **counts))
    if s.total is None and s.rows:
        s.total = sum(x.total or 0 for x in s.rows)
    return s
