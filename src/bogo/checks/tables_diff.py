"""T102 and T103 — differences and balances inside one table.

A 증감 column is the later minus the earlier of the columns it compares: named by
a formula in its header ("당초(A-B)" with columns marked "(A)", "(B)"), or else the
two amount columns just left of it, in the direction most rows agree on.  A 잔액
column is 예산액 − 집행액 of the same row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding, TableRec
from .arith import fmt_num, tolerance, value_of
from .context import Context
from .grid import Grid, is_non_part, table_name
from .registry import REGISTRY, register

_FORMULA = re.compile(r"\(\s*([A-Za-z가-힣])\s*[-−–]\s*([A-Za-z가-힣])\s*\)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _marked(g: Grid, letter: str) -> int | None:
    hits = [c for c in range(g.label_cols, g.ncols)
            if re.search(r"\(\s*" + re.escape(letter) + r"\s*\)", g.raw_labels[c])]
    return hits[0] if len(hits) == 1 else None


def _compared(g: Grid, d: int) -> tuple[int, int, bool] | None:
    """(later, earlier, sure) columns of 증감 column ``d``."""
    m = _FORMULA.search(g.raw_labels[d])
    if m:
        a, b = _marked(g, m.group(1)), _marked(g, m.group(2))
        if a is not None and b is not None:
            return a, b, True
    left = [c for c in range(g.label_cols, d) if not is_non_part(g.labels[c])
            and any(row[c].numeric for row in g.cells)]
    if len(left) < 2:
        return None
    a, b = left[-2], left[-1]
    ya, yb = _YEAR.findall(g.labels[a]), _YEAR.findall(g.labels[b])
    if ya and yb and ya[0] != yb[0]:
        return (b, a, True) if yb[0] > ya[0] else (a, b, True)
    return b, a, False


@register("T102", "difference-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: 증감 {found} ≠ {later} − {earlier} = {expected}")
def diff_findings(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A 증감 (change) column differs from the difference of the columns it compares.

    Bad:
        구분 | 2017년 | 2018년 | 증감
        합계 | 1,000  | 1,200  | 100
    Good:
        합계 | 1,000  | 1,200  | 200

    Decreases may be printed with △ or a minus.  The compared columns come from a
    header formula ("(A-B)") or are the two amount columns just before it; the
    later year minus the earlier one.

    Traps:
        Without years or a formula the direction is taken from the rows: most rows
        must agree before one is flagged.  증감률 (rate) columns are T104's.
        A table that shows rounding (bogo.checks.rounding) allows one unit.
    """
    chk = REGISTRY["T102"]
    g = ctx.grid(table)
    for d, later, earlier in diff_columns(g):
        rows = _rows(g, d, later, earlier)
        for r in rows:
            if not _ok(g, r, d, later, earlier):
                exp = value_of(g.cells[r][later]) - value_of(g.cells[r][earlier])
                yield chk.finding(found=fmt_num(g.cells[r][d].value), expected=fmt_num(exp),
                                  later=g.col_name(later), earlier=g.col_name(earlier),
                                  line=g.row_line(r), table=table.id, row=g.row_name(r),
                                  col=g.col_name(d), table_label=table_name(table))


def diff_columns(g: Grid) -> list[tuple[int, int, int]]:
    """(증감 column, later, earlier) for each 증감 column whose compared columns are
    known — from the header, or from the direction most rows agree on (within one
    unit, so that rounding does not hide the direction)."""
    out = []
    for d in range(g.label_cols, g.ncols):
        lab = g.labels[d]
        if "증감" not in lab and "전년대비" not in lab or any(w in lab for w in ("율", "률", "%")):
            continue
        pair = _compared(g, d)
        if not pair:
            continue
        later, earlier, sure = pair
        if not sure:
            rows = _rows(g, d, later, earlier)
            fwd = sum(_near(g, r, d, later, earlier) for r in rows)
            back = sum(_near(g, r, d, earlier, later) for r in rows)
            if back > fwd:
                later, earlier = earlier, later
            if max(fwd, back) * 2 <= len(rows):
                continue
        out.append((d, later, earlier))
    return out


def _rows(g: Grid, d: int, later: int, earlier: int) -> list[int]:
    return [r for r in g.data_rows() if g.cells[r][d].value is not None
            and (g.cells[r][later].numeric or g.cells[r][earlier].numeric)]


def _near(g: Grid, r: int, d: int, later: int, earlier: int) -> bool:
    cells = [g.cells[r][later], g.cells[r][earlier], g.cells[r][d]]
    step = 10 ** -max(x.decimals for x in cells)
    return abs(value_of(cells[2]) - value_of(cells[0]) + value_of(cells[1])) <= step + 1e-9


def _ok(g: Grid, r: int, d: int, later: int, earlier: int) -> bool:
    cells = [g.cells[r][later], g.cells[r][earlier], g.cells[r][d]]
    exp = value_of(cells[0]) - value_of(cells[1])
    return abs(value_of(cells[2]) - exp) <= tolerance(g, 2, cells, diff=True)


def _find(g: Grid, *words: str, exclude: tuple[str, ...] = ()) -> int | None:
    hits = [c for c in range(g.label_cols, g.ncols)
            if any(w in g.labels[c] for w in words) and not any(x in g.labels[c] for x in exclude)
            and not any(x in g.labels[c] for x in ("율", "률", "%"))]
    return hits[0] if len(hits) == 1 else None


@register("T103", "balance-mismatch", "error",
          "{table} '{row}' 행: 잔액 {found} ≠ {budget} − {spent} = {expected}")
def balance_findings(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A 잔액 (balance) differs from 예산액 − 집행액 in the same row.

    Bad:
        구분 | 예산액  | 집행액 | 잔액
        계   | 357,200 | 56,732 | 300,568
    Good:
        계   | 357,200 | 56,732 | 300,468

    Traps:
        Only a table with exactly one 잔액, one 예산 and one 집행 column is checked;
        집행률 columns are ignored; "56,732 (15.9%)" compares its amount.
    """
    chk = REGISTRY["T103"]
    g = ctx.grid(table)
    bal = _find(g, "잔액")
    bud = _find(g, "예산", exclude=("잔액",))
    spent = _find(g, "집행", exclude=("잔액", "예산"))
    if None in (bal, bud, spent):
        return
    for r in g.data_rows():
        b, s, x = g.cells[r][bud], g.cells[r][spent], g.cells[r][bal]
        if x.value is None or b.value is None:
            continue
        exp = value_of(b) - value_of(s)
        if abs(value_of(x) - exp) > tolerance(g, 2, [b, s, x], diff=True):
            yield chk.finding(found=fmt_num(x.value), expected=fmt_num(exp), budget=g.col_name(bud),
                              spent=g.col_name(spent), line=g.row_line(r), table=table.id,
                              row=g.row_name(r), col=g.col_name(bal), table_label=table_name(table))
