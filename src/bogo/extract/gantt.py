"""A schedule drawn as a chart: months (or quarters, halves) as columns, marks in the cells.

추진일정 tables are often bar charts on a grid: "구분 | 1월 | 2월 | … | 12월", a row
per step ("기본계획 수립 | ● | ● | | …"), the months of the step marked ("●", "■",
"━", "○" …).  Each row is one milestone: from its first marked period to its last.
The periods are read from the header path of each column — "3월", a bare "3" under
"2025년" or "월", "1/4분기", "2분기", "상반기" — and the year from that path
("2025년", "'25"), else the report's.  A table is a chart only when it has three
period columns or more and every filled cell under them is a short mark without
digits (a table of monthly figures is data, not a schedule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Milestone, TableRec

#: the least number of period columns that makes a chart
MIN_PERIODS = 3
#: a mark is at most this long ("●", "━━", "착수")
MARK_MAX = 6

_MONTH = re.compile(r"^(?:(?P<y>(?:19|20)\d\d|['’‘]\d\d)\s*[.년]?\s*)?(?P<m>1[0-2]|0?[1-9])\s*월?$")
_QUARTER = re.compile(r"^(?P<q>[1-4])\s*(?:/\s*4\s*)?분기$|^(?P<q2>[1-4])\s*/\s*4$|^(?P<q3>[1-4])\s*Q$", re.I)
_HALF = {"상반기": (1, 6), "하반기": (7, 12), "上": (1, 6), "下": (7, 12)}
_YEAR = re.compile(r"((?:19|20)\d\d)\s*년?|['’‘](\d\d)")
_MONTH_WORD = re.compile(r"월|[0-9]{4}|['’‘]\d\d|년")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Period:
    """The months one column covers, in one year."""

    year: int
    first: int
    last: int
    label: str


def chart_milestones(table: TableRec, report_year: int, task: str | None, heading: str | None) -> list[Milestone] | None:
    """The milestones of ``table`` when it is a schedule chart, else None."""
    periods = _periods(table, report_year)
    if len(periods) < MIN_PERIODS:
        return None
    filled = [row[c].strip() for row in table.rows for c in periods if c < len(row) and row[c].strip()]
    if not filled or any(len(x) > MARK_MAX or _DIGIT.search(x) for x in filled):
        return None
    out = []
    for r, row in enumerate(table.rows):
        marked = [c for c in sorted(periods) if c < len(row) and row[c].strip()]
        label = " ".join(x for c, x in enumerate(row) if c not in periods and x.strip())
        if not marked or not label:
            continue
        a, b = periods[marked[0]], periods[marked[-1]]
        raw = a.label if a == b else f"{a.label}~{b.label}"
        out.append(Milestone(task=task, raw=raw, start=f"{a.year}-{a.first:02d}", end=f"{b.year}-{b.last:02d}",
                             line=table.row_lines[r] if r < len(table.row_lines) else table.line,
                             heading=heading, text=label))
    return out


def _periods(table: TableRec, report_year: int) -> dict[int, Period]:
    """Column → the period its header names, for the columns that name one."""
    out: dict[int, Period] = {}
    if not table.header:
        return out
    width = max(len(h) for h in table.header)
    for c in range(width):
        path = [h[c].strip() for h in table.header if c < len(h) and h[c].strip()]
        if not path:
            continue
        leaf, above = path[-1], " ".join(path[:-1])
        year = _year_of(" ".join(path)) or report_year
        p = _period(leaf, above, year)
        if p is not None:
            out[c] = p
    return out


def _period(leaf: str, above: str, year: int) -> Period | None:
    text = leaf.replace(" ", "")
    m = _MONTH.match(text)
    if m and (text.endswith("월") or _MONTH_WORD.search(above)):
        if m.group("y"):
            year = _year_of(m.group("y")) or year
        month = int(m.group("m"))
        return Period(year, month, month, leaf)
    q = _QUARTER.match(text)
    if q:
        n = int(q.group("q") or q.group("q2") or q.group("q3"))
        return Period(year, 3 * n - 2, 3 * n, leaf)
    for word, (a, b) in _HALF.items():
        if text.endswith(word) and len(text) <= len(word) + 5:
            return Period(year, a, b, leaf)
    return None


def _year_of(text: str) -> int | None:
    m = _YEAR.search(text)
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
