"""Staffing layouts read across the columns: units as columns, and tables of one side only.

(c) **units as columns**: 정원 / 현원 rows (or one row of "정원/현원" pairs) and
    one column per unit (계 | 문화예술과 | 문화유산과 …): one staff row per unit
    column, the 계 column as the total.  Columns are units when most of them
    (:data:`UNIT_COLUMN_SHARE`) read as unit names and none names an employment
    type or a grade.
(d) **one side only**: a table of 현원 (or 정원) alone, as its caption or header
    says ("(현원, 명)"), with unit rows, a 계 column and grade columns: each unit
    row gives that side only; the other stays unknown (null), never 0.
"""

from __future__ import annotations

from ..model import Count3, Staffing, StaffRow
from ..normalize.departments import looks_like_unit, normalize_unit
from ..normalize.labels import HEADCOUNT_SIDES
from ..normalize.text import compact
from ..structure import Layout
from ..tables import TableView
from .staff_cells import (
    GRADE,
    SUBTOTAL_WORDS,
    TOTAL_WORDS,
    TYPE_WORDS,
    as_int,
    column_labels,
    context_text,
    row_label,
    row_line,
    side_counts,
    single_count,
)

#: share of a staffing table's data columns that must read as unit names for the columns to be units
UNIT_COLUMN_SHARE = 0.6


def units_as_columns(cols: list[str]) -> bool:
    """Whether the data columns are units (문화예술과 | 문화유산과 | …) rather than types and grades.

    Most non-total columns must read as unit names, and none may name an
    employment type or a grade ("일반직 5급", "6급", "2급상당").
    """
    named = [c for c in cols if c and c.split(" ")[-1] not in TOTAL_WORDS | SUBTOTAL_WORDS]
    if len(named) < 2 or any(w in c for c in named for w in TYPE_WORDS) \
            or any(GRADE.search(c) for c in named):
        return False
    return sum(looks_like_unit(normalize_unit(c)) for c in named) >= UNIT_COLUMN_SHARE * len(named)


def column_units(layout: Layout, i: int, v: TableView, cols: list[str], nlab: int,
                  g: dict[str, int]) -> Staffing | None:
    """One staff row per unit column; the 계 column is the total."""
    t = v.table
    st = Staffing()
    for j in range(nlab, len(cols)):
        q, c, w = side_counts(v, g, j)
        if cols[j].split(" ")[-1] in TOTAL_WORDS:
            st.total = Count3(quota=q, current=c, women=w)
        elif cols[j] and cols[j].split(" ")[-1] not in SUBTOTAL_WORDS and (q is not None or c is not None):
            st.rows.append(StaffRow(unit=normalize_unit(cols[j]), quota=q, current=c, women=w,
                                    line=row_line(layout, i, t, min(g.values()), j)))
    if not st.rows:
        return None
    if st.total.quota is None and st.total.current is None:
        st.total = Count3(quota=sum(r.quota or 0 for r in st.rows), current=sum(r.current or 0 for r in st.rows))
    return st


def one_side(layout: Layout, i: int, v: TableView) -> Staffing | None:
    """One count per unit and grade, the table saying which side it counts ("(현원, 명)"):
    rows of units (and a 계 row), a 계 column and grade or type columns."""
    t = v.table
    cols = column_labels(t)
    said = compact(context_text(layout, i, t) + " " + " ".join(c for h in t.header for c in h))
    sides = [w for w in HEADCOUNT_SIDES if w in said]
    total_col = next((j for j in range(1, len(cols)) if cols[j] in TOTAL_WORDS), None)
    graded = [j for j in range(1, len(cols)) if j != total_col
              and (GRADE.search(cols[j]) or any(w in cols[j] for w in TYPE_WORDS))]
    if len(sides) != 1 or total_col is None or len(graded) < 2 or len(graded) * 2 < len(cols) - 2:
        return None
    side = "quota" if sides[0] == "정원" else "current"
    st = Staffing()
    for r, row in enumerate(t.rows):
        n = as_int(single_count(v.value(r, total_col)))
        label = row_label(row)
        if n is None or not label:
            continue
        if label in TOTAL_WORDS:
            st.total = Count3(**{side: n})
        elif label not in SUBTOTAL_WORDS:
            # each grade's count on the side the table counts, the other side unknown (null)
            by_type = {cols[j]: _one_sided(as_int(single_count(v.value(r, j))), side) for j in graded}
            st.rows.append(StaffRow(unit=normalize_unit(row[0]), line=row_line(layout, i, t, r),
                                    by_type=by_type, **{side: n}))
    return st if st.rows else None


def _one_sided(n: int | None, side: str) -> list[int | None] | None:
    """A [정원, 현원] pair of which only ``side`` was counted; None for a blank cell."""
    if n is None:
        return None
    return [n, None] if side == "quota" else [None, n]
