"""T102 and T103 — differences and balances inside one table.

A 증감 column is the later minus the earlier of the columns it compares: named by
a formula in its header ("당초(A-B)" with columns marked "(A)", "(B)"), or else the
two amount columns just left of it, in the direction most rows agree on.  A 잔액
column is 예산액 − 집행액 of the same row.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, TableRec
from ..tables import TableView, diff_columns, diff_rows
from ..tables.diffs import DIFF_WORDS
from .arith import fmt_num, tolerance, value_of
from .context import Context
from .registry import REGISTRY, register


@register("T102", "difference-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: {kind} {found} ≠ {later} − {earlier} = {expected}")
def diff_findings(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A 증감 (change) column — or a 과부족 (현원 − 정원) or 차이 column — differs from the
    difference of the columns it compares.

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
        must agree before one is flagged (a 과부족 printed as 정원 − 현원 is read so).  증감률 (rate) columns are T104's.
        A table that shows rounding (bogo.tables.rounding) allows one unit.
    """
    chk = REGISTRY["T102"]
    g = ctx.grid(table)
    for d, later, earlier in diff_columns(g):
        rows = diff_rows(g, d, later, earlier)
        for r in rows:
            if not _ok(g, r, d, later, earlier):
                exp = value_of(g.cells[r][later]) - value_of(g.cells[r][earlier])
                yield chk.finding(found=fmt_num(g.cells[r][d].value), expected=fmt_num(exp),
                                  later=g.col_name(later), earlier=g.col_name(earlier),
                                  kind=_kind(g.labels[d]), **g.at(r, d))


def _kind(label: str) -> str:
    """What the column calls its difference: 과부족 or 차이 as its header says, else 증감."""
    return next((w for w in DIFF_WORDS if w in label and w != "전년대비"), "증감")





def _ok(g: TableView, r: int, d: int, later: int, earlier: int) -> bool:
    cells = [g.cells[r][later], g.cells[r][earlier], g.cells[r][d]]
    exp = value_of(cells[0]) - value_of(cells[1])
    return abs(value_of(cells[2]) - exp) <= tolerance(g, 2, cells, diff=True)


def _find(g: TableView, *words: str, exclude: tuple[str, ...] = ()) -> int | None:
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
                              spent=g.col_name(spent), **g.at(r, bal))
