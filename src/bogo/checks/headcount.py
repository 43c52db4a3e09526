"""X206 — the headcount a report states above its staffing table must be the table's.

기본현황 pages state the office's staff in a line ("인 력 : 정원 149명, 현원 149명")
and then give the staffing table whose 계 says the same.  The line is read only
right above the table (its caption, and the prose lines between the table before
it and this one), so that another body's figures elsewhere in the report
("공단 정원 4,431명") are never compared.  A figure the table itself holds in
another row or column (a 과 or a grade the line names) is no mismatch.  A table
whose grid was only inferred from the layout of the text makes the finding a
warning that says so, as for the table checks.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Staffing, TableRec
from ..normalize.measures import stated_headcounts
from .context import Context
from .registry import REGISTRY, register
from .runner import CERTAIN_ORIGINS, UNCERTAIN_NOTE

#: prose lines above the staffing table that may state its headcount
LINES_ABOVE = 6


@register("X206", "staffing-headline-mismatch", "error",
          "'{raw}' ≠ 인력표 {table}의 {what} 합계 {expected}명", scope="document")
def staffing_headline(ctx: Context) -> Iterator[Finding]:
    """The 정원 or 현원 stated right above the staffing table differs from its total.

    Bad:
        인 력 : 정원 149명, 현원 148명 — 계 | 149 | 149
    Good:
        인 력 : 정원 149명, 현원 149명

    Traps:
        Only the caption and the prose lines after the previous table are read; a
        figure that any row of the table holds (a 과, a grade) is accepted.
    """
    staffing = ctx.report.staffing
    table = _table(ctx, staffing)
    if table is None:
        return
    totals = {"정원": staffing.total.quota, "현원": staffing.total.current}
    held = _figures(staffing)
    chk = REGISTRY["X206"]
    seen: set[str] = set()
    for line, text in _lines_above(ctx, table):
        for h in stated_headcounts(text):
            word, n = h.side, h.count
            if word in seen:
                continue
            seen.add(word)
            want = totals[word]
            if want is None or n == want or n in held:
                continue
            f = chk.finding(found=n, expected=want, line=line, table=table.id, raw=h.raw, what=word)
            if table.origin not in CERTAIN_ORIGINS or table.placement == "inferred":
                f = f.model_copy(update={"severity": "warning", "message": f.message + UNCERTAIN_NOTE})
            yield f


def _table(ctx: Context, staffing: Staffing | None) -> TableRec | None:
    if staffing is None or staffing.table is None:
        return None
    return next((t for t in ctx.report.tables if t.id == staffing.table), None)


def _figures(staffing: Staffing) -> set[int]:
    """Every headcount the staffing rows hold, totals of types and grades included."""
    out: set[int] = set()
    for r in staffing.rows:
        out.update(x for x in (r.quota, r.current) if x is not None)
        for pair in r.by_type.values():
            out.update(x for x in pair or () if x is not None)
    return out


def _lines_above(ctx: Context, table: TableRec) -> list[tuple[int, str]]:
    """The prose lines between the previous table and this one, nearest first, then the
    caption (a caption taken from a prose line is found at that line first)."""
    prev_end = max((t.end_line or t.line for t in ctx.report.tables
                    if (t.end_line or t.line) < table.line), default=0)
    out = [(ln.no, ln.text) for ln in reversed(ctx.lines_before(table.line, LINES_ABOVE)) if ln.no > prev_end]
    return out + ([(table.line, table.caption)] if table.caption else [])
