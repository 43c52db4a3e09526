"""A schedule drawn as a chart: months (or quarters, halves) as columns, marks in the cells.

추진일정 tables are often bar charts on a grid: "구분 | 1월 | 2월 | … | 12월", a row
per step ("기본계획 수립 | ● | ● | | …"), the months of the step marked ("●", "■",
"━", "○" …).  Each row is one milestone: from its first marked period to its last.
The periods are read from the header path of each column by the date reader —
"3월", a bare "3" under "2025년" or "월", "1/4분기", "2분기", "상반기" — with the year
from that path ("2025년", "'25"), else the report's.  A table is a chart only when it has three
period columns or more and every filled cell under them is a short mark without
digits (a table of monthly figures is data, not a schedule).

Other schedules write the plans themselves in the cells: "이행과제 | 1/4분기 | 2/4분기
| …", a row per task, each cell listing that quarter's steps ("ㅇ 기본계획 보고(1월)
ㅇ 자문회의 개최(1월)").  :func:`cell_plans` reads each step of each cell with the
periods of the columns it is written in (a step repeated across columns spans
them); the caller dates a step by its own date when it has one, else by those
columns.  The period labels may stand in the last header row or, when the header
was read one row short, in the first body row; each must be a period alone
("1/4분기", "3월", "상반기" — not "상반기 실적").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Milestone, TableRec
from ..normalize.dates import find_dates

#: the least number of period columns that makes a chart
MIN_PERIODS = 3
#: a mark is at most this long ("●", "━━", "착수")
MARK_MAX = 6

_BARE_MONTH = re.compile(r"(?:1[0-2]|0?[1-9])")
_BARE_QUARTER = re.compile(r"[1-4]\s*/\s*4")
_MONTH_CONTEXT = re.compile(r"월|\d{4}|['’‘]\d\d|년")
_YEAR_TEXT = re.compile(r"(?:19|20)\d\d\s*년?|['’‘]\d\d\s*년?")
_DIGIT = re.compile(r"\d")
_HANGUL = re.compile(r"[가-힣]")
_WORDS = re.compile(r"[가-힣]{2}")
_MEANT = re.compile(r"[가-힣A-Za-z0-9]")  # a cell that says something (not "-" or "·")
#: a step's bullet inside a cell (the cell's paragraphs joined with spaces)
_STEP = re.compile(r"(?:^|(?<=\s))(?:[ㅇ○◦•▪□■◇◆\-]|o(?=\s))\s*")  # ("o": a Latin o as bullet)
#: the least number of period columns of a schedule written in words
MIN_TEXT_PERIODS = 2


@dataclass(frozen=True)
class Period:
    """The months one column covers ("YYYY-MM" each) and its label as written."""

    start: str
    end: str
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
        out.append(Milestone(task=task, raw=raw, start=a.start, end=b.end,
                             line=table.row_lines[r] if r < len(table.row_lines) else table.line,
                             heading=heading, text=label))
    return out


def _periods(table: TableRec, report_year: int, header: list[list[str]] | None = None,
             pure: bool = False) -> dict[int, Period]:
    """Column → the period its header names, for the columns that name one; ``pure``:
    only where the label is a period and nothing else."""
    out: dict[int, Period] = {}
    header = table.header if header is None else header
    width = max((len(h) for h in header), default=0)
    for c in range(width):
        path = [h[c].strip() for h in header if c < len(h) and h[c].strip()]
        if path:
            p = _period(path[-1], " ".join(path[:-1]), report_year)
            if p is not None and (not pure or _alone(p.label, report_year)):
                out[c] = p
    return out


def _alone(label: str, report_year: int) -> bool:
    """Whether ``label`` is one period and nothing more ("2/4분기", not "2/4분기 실적")."""
    spans = find_dates(label, report_year)
    return len(spans) == 1 and not _HANGUL.search(label.replace(spans[0].raw, ""))


@dataclass(frozen=True)
class CellPlan:
    """One step written in a schedule grid: its text, its row's label and line, and
    the first and last period columns it is written in."""

    text: str
    label: str
    line: int
    first: Period
    last: Period


def cell_plans(table: TableRec, report_year: int) -> list[CellPlan] | None:
    """The steps of ``table`` when it is a schedule written in words, else None."""
    rows, header = table.rows, table.header
    periods = _periods(table, report_year, pure=True)
    if len(periods) < MIN_TEXT_PERIODS and rows:
        periods = _periods(table, report_year, header + [rows[0]], pure=True)
        if len(periods) >= MIN_TEXT_PERIODS:
            rows = rows[1:]
    if len(periods) < MIN_TEXT_PERIODS:
        return None
    skip = len(table.rows) - len(rows)
    filled = [row[c] for row in rows for c in periods if c < len(row) and _MEANT.search(row[c])]
    if not filled or not all(_WORDS.search(x) for x in filled):
        return None  # figures or marks under the periods: data, or a chart
    out = []
    for r, row in enumerate(rows, skip):
        label = " ".join(x.strip() for c, x in enumerate(row) if c not in periods and x.strip())
        spans: dict[str, list[int]] = {}
        for c in sorted(periods):
            for step in _steps(row[c] if c < len(row) else ""):
                spans.setdefault(step, [c, c])[1] = c
        line = table.row_lines[r] if r < len(table.row_lines) else table.line
        out.extend(CellPlan(step, label, line, periods[a], periods[b]) for step, (a, b) in spans.items())
    return out


def _steps(cell: str) -> list[str]:
    """The steps of one cell: its bulleted items, or the cell itself."""
    parts = [p.strip() for p in _STEP.split(cell)]
    return [p for p in parts if _WORDS.search(p)]


def _period(leaf: str, above: str, report_year: int) -> Period | None:
    """The period of a column headed ``leaf`` under ``above``, read by the date reader
    (:func:`bogo.normalize.dates.find_dates`): a bare "3" under "2025년" or "월" is a
    month, a bare "1/4" a quarter, and a year above holds for a leaf without one."""
    text = leaf.strip()
    if _BARE_MONTH.fullmatch(text):
        if not _MONTH_CONTEXT.search(above):
            return None
        text += "월"
    elif _BARE_QUARTER.fullmatch(text):
        text += "분기"
    year = _YEAR_TEXT.search(above)
    if year and not _YEAR_TEXT.search(text):
        text = f"{year.group(0)} {text}"
    spans = [s for s in find_dates(text, report_year) if s.kind in ("month", "period") and s.start and s.end]
    if len(spans) != 1:
        return None
    return Period(spans[0].start[:7], spans[0].end[:7], leaf)
