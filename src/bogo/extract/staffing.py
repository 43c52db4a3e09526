"""Staffing (인력 현황): the first staffing table of a report → ``report.staffing``.

Four layouts are recognised, by their header and labels, never by position:

(a) **one row per unit**: a label column, a total column (합계/계/총계) and one
    column per employment type (일반직, 임기제, 별정직, 관리운영직 …) holding
    composite cells "정원 / 현원 (여성)" — "33 / 29 (10)", "1 /", "/ 1", "/".
    The 계/합계 row gives ``total``; every other row (except 소계 rows) is a unit.
    Separate 정원 / 현원 (/ 여성) columns per unit are read the same way.
(b) **per grade**: rows labelled 정원 and 현원, columns grouped under a merged
    header (일반직 → 소계, 5급, 6급 …; 별정직 → 소계, 2급상당 …) plus a 총계
    column.  This yields one row for the whole office (``report.meta.office``,
    or "계").
(c) **units as columns** and (d) **one side only** (a table of 현원 alone):
    see :mod:`bogo.extract.staff_columns`.

A report with no staffing table may state its headcount in a line ("인력 : 정원
149명, 현원 149명"): the total only, :mod:`bogo.extract.staff_prose`.

``by_type`` keys: the column's header labels joined with a space, merged labels
said once ("일반직", "일반직 5급").  A 소계/계 column under a group is keyed by the
group alone ("일반직"), so keys without a space are the employment types that add
up to the total, and "group grade" keys break a type down further.
Values are [정원, 현원]; a blank side of "n /" is 0; a fully blank cell is null;
in a table of one side only (d) the side not counted is null.
A lone number in a pair column ("1") is resolved by the row's arithmetic.
When the reader could not tell which column a short row's cells belong to (a
space-separated export with blank cells), the cells are re-placed, keeping their
order, only if that makes every type column add up to the 계 row exactly.
"""

from __future__ import annotations

import re

from ..model import Count3, Report, Staffing, StaffRow, TableRec
from ..normalize.dates import AS_OF_WORDS, parse_date
from ..normalize.departments import normalize_unit
from ..normalize.numbers import Composite
from ..normalize.placement import place_by_totals
from ..normalize.text import compact
from ..settings import SETTINGS
from ..structure import Layout
from ..tables import CellValue, TableView, view_of
from .staff_cells import (
    CONTEXT_WORDS,
    SUBTOTAL_WORDS,
    TOTAL_WORDS,
    TYPE_WORDS,
    as_int,
    column_labels,
    context_text,
    office_above,
    row_label,
    row_line,
    side_counts,
    single_count,
)
from .staff_columns import column_units, one_side, units_as_columns
from .staff_prose import stated_staffing

#: improvement rounds when only an exact placement is taken (the reader, which takes any improvement, has fewer)
EXACT_PLACEMENT_ROUNDS = 8
_PAIR_KINDS = ("정원/현원",)
_ROW_KINDS = ("정원", "현원", "여성", "여", *_PAIR_KINDS)
_ASOF = re.compile(r"(['’]?\d{2,4}\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.?)?)\s*" + AS_OF_WORDS + "?")


_GRADE_HEAD = re.compile(r"직급|직종|계급")
_GRADE_SERIES_HEAD = re.compile(r"직급|직종|계급|직렬")
_AS_OF_WORD = re.compile(AS_OF_WORDS)
_YEAR_LEAD = re.compile(r"\s*(['’]|\d{4})")

def extract(layout: Layout, report: Report) -> None:
    for i, t in enumerate(layout.tables):
        if t.role != "data" or not t.rows:
            continue
        v = view_of(report, t, layout.settings.tables)
        st = _read(layout, report, i, v)
        if st is None:
            continue
        if not report.meta.office:   # a cover without the office: the head of the org chart drawn above
            report.meta.office = office_above(layout, i)
            if report.meta.office:   # read again: a one-row layout names its row after the office
                st = _read(layout, report, i, v) or st
        st.as_of = _as_of(layout, i, t)
        st.table = t.id
        report.staffing = st
        return
    report.staffing = stated_staffing(layout)   # no staffing table: the headcount a line states


def _read(layout: Layout, report: Report, i: int, v: TableView) -> Staffing | None:
    """The staffing of table ``i`` in the first layout that recognises it, else None."""
    return (_per_grade(layout, report, i, v) or _grade_rows(layout, report, i, v) or _per_unit(layout, i, v)
            or one_side(layout, i, v))


# ---------------------------------------------------------------- helpers

# ---------------------------------------------------------------- layout (b)

def _per_grade(layout: Layout, report: Report, i: int, v: TableView) -> Staffing | None:
    """Rows of 정원 and 현원 (and 여성), columns of employment types and grades;
    the rows may be grouped by unit in the label columns (합계 / 본부 / 소속기관,
    each with its own 정원 and 현원 rows, the unit printed once over both)."""
    t = v.table
    nlab = _label_width(v)
    if nlab == 0:
        return None
    cols = column_labels(t)
    if not any(w in c for c in cols for w in TYPE_WORDS) and not any(c in TOTAL_WORDS for c in cols) \
            and not _GRADE_HEAD.search(cols[0] if cols else ""):
        return None
    groups: dict[str, dict[str, int]] = {}   # unit → {"정원"/"현원"/"여성": row index}
    unit = ""
    for r, row in enumerate(t.rows):
        labs = [compact(x) for x in row[:nlab]]
        kind = next((x for x in reversed(labs) if x in _ROW_KINDS), None)
        if kind is None:
            continue
        named = [x for x in labs if x and x != kind]
        if named:
            unit = named[-1]
        g = groups.setdefault(unit, {})
        if kind in _PAIR_KINDS:   # one row of "정원/현원" pairs: both sides
            g["정원"] = g["현원"] = r
        else:
            g["여성" if kind.startswith("여") else kind] = r
    if not any("정원" in g and "현원" in g for g in groups.values()):
        return None
    if len(groups) == 1 and units_as_columns(cols[nlab:]):
        return column_units(layout, i, v, cols, nlab, next(iter(groups.values())))
    rows: list[StaffRow] = []
    total: StaffRow | None = None
    for unit, g in groups.items():
        row = _grade_unit(layout, i, v, cols, nlab, unit, g, report)
        if row is None:
            continue
        if unit in TOTAL_WORDS or (not unit and len(groups) == 1):
            total = row
        if unit not in TOTAL_WORDS:
            rows.append(row)
    head = total or (rows[0] if len(rows) == 1 else None)
    if head is None and rows:
        head = StaffRow(unit="계", quota=sum(x.quota or 0 for x in rows), current=sum(x.current or 0 for x in rows))
    if head is None:
        return None
    return Staffing(total=Count3(quota=head.quota, current=head.current, women=head.women), rows=rows or [head])


def _label_width(v: TableView) -> int:
    """Leading columns that hold no number in any data row (a row with two numbers or more): the row labels."""
    rows = v.table.rows
    n = max((len(r) for r in rows), default=0)
    data = [r for r in range(len(rows)) if sum(v.value(r, j).numeric for j in range(len(rows[r]))) >= 2]
    k = 0
    while k < n - 1 and not any(v.value(r, k).numeric for r in data):
        k += 1
    return k


def _grade_unit(layout: Layout, i: int, v: TableView, cols: list[str], nlab: int, unit: str,
                g: dict[str, int], report: Report) -> StaffRow | None:
    if "정원" not in g and "현원" not in g:
        return None
    t = v.table
    by_type: dict[str, list[int] | None] = {}
    quota = current = women = None
    for j in range(nlab, len(cols)):
        q, c, w = side_counts(v, g, j)
        parts = cols[j].split(" ")
        if parts[-1] in TOTAL_WORDS and len(parts) == 1:
            quota, current, women = q, c, w
            continue
        if not cols[j]:
            continue
        if parts[-1] in SUBTOTAL_WORDS | TOTAL_WORDS and len(parts) > 1:
            key = " ".join(parts[:-1])
        else:
            key = cols[j]
        by_type[key] = None if q is None and c is None else [as_int(q) or 0, as_int(c) or 0]
    if quota is None and current is None:
        # no total column: the types without a grade add up to the total
        tops = [v for k, v in by_type.items() if " " not in k and v]
        if not tops:
            return None
        quota, current = sum(v[0] for v in tops), sum(v[1] for v in tops)
    name = normalize_unit(unit) if unit else (normalize_unit(report.meta.office) if report.meta.office else "계")
    first = min(g.values())
    return StaffRow(unit=name or "계", quota=quota, current=current, women=women, by_type=by_type,
                    line=row_line(layout, i, t, first))


def _grade_rows(layout: Layout, report: Report, i: int, v: TableView) -> Staffing | None:
    """Layout (b) transposed: one row per grade (label column 직급/직종/계급) with
    정원 and 현원 columns, possibly printed as side-by-side column groups."""
    t = v.table
    cols = column_labels(t)
    if not cols or not _GRADE_SERIES_HEAD.search(cols[0]):
        return None
    starts = [j for j, c in enumerate(cols) if c == cols[0]]
    by_type: dict[str, list[int] | None] = {}
    quota = current = None
    line = None
    for g, s0 in enumerate(starts):
        end = starts[g + 1] if g + 1 < len(starts) else len(cols)
        seg = cols[s0:end]
        if "정원" not in seg or "현원" not in seg:
            return None
        qj, cj = s0 + seg.index("정원"), s0 + seg.index("현원")
        for r, row in enumerate(t.rows):
            lab = normalize_unit(row[s0]) if s0 < len(row) else ""
            q, c = single_count(v.value(r, qj)), single_count(v.value(r, cj))
            if not lab:
                continue
            if lab in TOTAL_WORDS:
                if q is not None or c is not None:
                    quota, current = as_int(q), as_int(c)
                continue
            by_type[lab] = None if q is None and c is None else [as_int(q) or 0, as_int(c) or 0]
            line = line or row_line(layout, i, t, r, s0)
    if not by_type:
        return None
    if quota is None and current is None:
        quota = sum(v[0] for v in by_type.values() if v)
        current = sum(v[1] for v in by_type.values() if v)
    unit = normalize_unit(report.meta.office) if report.meta.office else "계"
    row = StaffRow(unit=unit or "계", quota=quota, current=current, by_type=by_type, line=line or t.line)
    return Staffing(total=Count3(quota=quota, current=current), rows=[row])


# ---------------------------------------------------------------- layout (a)

def _per_unit(layout: Layout, i: int, v: TableView) -> Staffing | None:
    t = v.table
    cols = column_labels(t)
    if len(cols) < 2:
        return None
    type_cols = [j for j in range(1, len(cols)) if any(w in cols[j] for w in TYPE_WORDS)]
    total_col = next((j for j in range(1, len(cols)) if cols[j].split(" ")[-1] in TOTAL_WORDS), None)
    quota_col = next((j for j in range(1, len(cols)) if cols[j].split(" ")[-1] == "정원"), None)
    current_col = next((j for j in range(1, len(cols)) if cols[j].split(" ")[-1] == "현원"), None)
    women_col = next((j for j in range(1, len(cols)) if "여성" in cols[j] or cols[j].endswith(" 여")), None)
    pairs = sum(1 for r, row in enumerate(t.rows) for j in range(1, len(row)) if v.value(r, j).is_pair)
    split = quota_col is not None and current_col is not None
    context = context_text(layout, i, t)
    if not split:
        if not type_cols or pairs < max(2, len(t.rows) // 2):
            return None
        if not (total_col is not None or any(w in context for w in CONTEXT_WORDS)):
            return None
    elif not (type_cols or any(w in context for w in CONTEXT_WORDS)):
        return None

    vals: list[list[list[int] | None]] = []   # per row, per type column
    heads: list[Count3] = []
    for r in range(len(t.rows)):
        def cell(j: int | None, r: int = r) -> Composite:
            return v.value(r, j).c if j is not None else Composite(text="")
        if split:
            q, c = cell(quota_col), cell(current_col)
            w = cell(women_col) if women_col is not None else Composite(text="")
            head = Count3(quota=as_int(q.value), current=as_int(c.value),
                          women=as_int(w.value if w.numeric else q.paren if q.paren is not None else c.paren))
        else:
            tc = cell(total_col)
            head = Count3(quota=tc.quota if tc.is_pair else as_int(tc.value),
                          current=tc.current if tc.is_pair else None,
                          women=as_int(tc.paren) if tc.paren is not None and not tc.paren_pct else None)
        heads.append(head)
        vals.append([_pair(cell(j)) for j in type_cols])
    for r in range(len(t.rows)):
        _resolve_bare(vals[r], [v.value(r, j) for j in type_cols], heads[r])
    labels = [row_label(r) for r in t.rows]
    total_idx = next((k for k, lab in enumerate(labels) if lab in TOTAL_WORDS), None)
    if total_idx is not None and not split:
        _repair(vals, total_idx, [k for k, lab in enumerate(labels) if lab not in TOTAL_WORDS | SUBTOTAL_WORDS])

    st = Staffing()
    for r, row in enumerate(t.rows):
        head = heads[r]
        if head.quota is None and head.current is None and all(v is None for v in vals[r]):
            continue
        by_type = {cols[j]: vals[r][k] for k, j in enumerate(type_cols)}
        if head.quota is None and any(v for v in vals[r]):
            head = Count3(quota=sum(v[0] for v in vals[r] if v), current=sum(v[1] for v in vals[r] if v),
                          women=head.women)
        if r == total_idx:
            st.total = head
            continue
        if labels[r] in SUBTOTAL_WORDS or not labels[r]:
            continue
        st.rows.append(StaffRow(unit=normalize_unit(row[0]), quota=head.quota, current=head.current,
                                women=head.women, by_type=by_type, line=row_line(layout, i, t, r)))
    if not st.rows and total_idx is None:
        return None
    return st


def _pair(c: Composite) -> list[int] | None:
    if c.is_pair:
        return [c.quota or 0, c.current or 0]
    if c.numeric and c.value is not None:
        return [int(c.value), 0]   # a lone number: provisional, see _resolve_bare
    return None


def _resolve_bare(vals: list[list[int] | None], cells: list[CellValue], head: Count3) -> None:
    """A lone number in a pair column is the quota, the current or both: pick
    the reading that makes the row add up to its total."""
    for k, c in enumerate(cells):
        if not (c.numeric and not c.is_pair and c.value is not None) or vals[k] is None:
            continue
        v = int(c.value)
        others = [x for n, x in enumerate(vals) if n != k and x]
        oq, oc = sum(x[0] for x in others), sum(x[1] for x in others)
        for cand in ([v, v], [v, 0], [0, v]):
            if head.quota == oq + cand[0] and head.current == oc + cand[1]:
                vals[k] = cand
                break


def _repair(vals: list[list[list[int] | None]], total_idx: int, unit_rows: list[int]) -> None:
    """Re-place the cells of short rows (order kept) when that makes every type
    column add up to the total row exactly; otherwise leave the table as read."""
    target = vals[total_idx]
    ncol = len(target)
    if ncol < 2 or any(v is None for v in target):
        return
    rows: list[list[tuple[float, float]] | None] = [None] * len(vals)
    short: dict[int, tuple[list[tuple[float, float]], tuple[int, ...]]] = {}
    for r in unit_rows:
        filled = [k for k, v in enumerate(vals[r]) if v is not None]
        pairs = [(vals[r][k][0], vals[r][k][1]) for k in filled]
        if 0 < len(filled) < ncol:
            short[r] = (pairs, tuple(filled))
        else:
            rows[r] = [(v[0], v[1]) if v else (0, 0) for v in vals[r]]
    if not short:
        return
    choice, left = place_by_totals(rows, short, [(q, c) for q, c in target], EXACT_PLACEMENT_ROUNDS,
                                   SETTINGS.tables.placement_combinations)
    if left != 0:
        return
    for r, cols in choice.items():
        it = iter(short[r][0])
        vals[r] = [list(next(it)) if k in cols else None for k in range(ncol)]


# ---------------------------------------------------------------- as_of

def _as_of(layout: Layout, i: int, t: TableRec) -> str | None:
    raw = t.as_of
    if not raw:
        m = _ASOF.search(context_text(layout, i, t))
        if m and _AS_OF_WORD.search(context_text(layout, i, t)):
            raw = m.group(1)
    if not raw:
        return None
    year = layout.year_month[0]
    span = parse_date(raw, year or 2000)
    if span is not None and span.start:
        if year is None and not _YEAR_LEAD.match(raw):
            return raw.strip()
        return span.start
    return raw.strip()


# ---------------------------------------------------------------- layout (d)

