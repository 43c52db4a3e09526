"""T104 — printed percentages against the ratios they show.

For every percentage in a table — a rate column (비율, 비중, 집행률, "(%)") or the
parenthesised share of a composite cell ("56,732 (15.9%)") — the plausible bases
are tried: its own amount (or any amount of the row) over another amount of the
row, a over a + b, and the share of the same column's total row.  The formula that
explains most percentages of a column (or of a one-row table) is learned; a
percentage that no candidate explains is flagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..model import Finding, TableRec
from .arith import pct_matches, round_half_up
from .context import Context
from .grid import Grid, table_name
from .groups import part_columns, row_groups
from .registry import REGISTRY, register

_RATE_WORDS = ("%", "비율", "비중", "율", "률")


def _candidates(g: Grid, r: int, c: int, own: float | None,
                totals: dict[int, int]) -> dict[tuple, tuple[float, float]]:
    """Candidate ratios (in %) for the percentage at (r, c): key → (value, relative
    error of the value when its operands are rounded to ±0.5 unit)."""
    row = g.cells[r]
    nums = {k: row[k].value for k in part_columns(g) if k != c and row[k].value not in (None, 0)}
    out: dict[tuple, tuple[float, float]] = {}

    def ratio(a: float, b: float) -> tuple[float, float]:
        return a / b * 100, 0.5 / abs(a) + 0.5 / abs(b) if a else 0.0

    tr = totals.get(r)
    if own is not None:
        for k, v in nums.items():
            out[("ratio", k)] = ratio(own, v)
        if tr is not None and tr != r and g.cells[tr][c].value:
            out[("share",)] = ratio(own, g.cells[tr][c].value)
        return out
    for a, va in nums.items():
        for b, vb in nums.items():
            if a != b:
                out[("ratio", a, b)] = ratio(va, vb)
                if va + vb:
                    out[("part", a, b)] = ratio(va, va + vb)
        if tr is not None and tr != r and g.cells[tr][a].value:
            out[("share", a)] = ratio(va, g.cells[tr][a].value)
    return out


def _pct_cells(g: Grid) -> list[tuple[int, int, float, int, float | None]]:
    out = []
    for c in range(g.label_cols, g.ncols):
        rate_col = any(w in g.labels[c] for w in _RATE_WORDS) and "증감" not in g.labels[c]
        for r in g.data_rows():
            x = g.cells[r][c]
            if x.paren_pct is not None and x.value is not None:
                out.append((r, c, x.paren_pct, _dec(x.text.split("(")[-1]), x.value))
            elif (rate_col or x.pct) and x.value is not None and not x.is_pair:
                out.append((r, c, x.value, x.decimals, None))
    return out


def _dec(s: str) -> int:
    s = s.split("%")[0]
    return len(s.split(".")[1]) if "." in s else 0


@register("T104", "percentage-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: 비율 {found}% ≠ 계산값 {expected}%")
def pct_findings(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A percentage differs from its ratio beyond the printed precision.

    Bad:
        구분 | 예산액  | 집행액
        계   | 357,200 | 56,732 (19.5%)
    Good:
        계   | 357,200 | 56,732 (15.9%)

    Rounded half-up or truncated to the printed decimals both pass.

    Traps:
        The base is not printed: several are tried (row ratios, a/(a+b) as in
        승소율 = 승소/(승소+패소), share of the total row).  Growth rates (연평균
        증가율) match no simple ratio: with no formula confirmed by two or more
        cells the column is left alone; only a lone composite share is checked
        against all bases.
    """
    chk = REGISTRY["T104"]
    g = ctx.grid(table)
    totals = {p: tr for tr, parts in row_groups(g) for p in parts}
    for tr, _ in row_groups(g):
        totals.setdefault(tr, tr)
    cells = _pct_cells(g)
    one_row = len(g.data_rows()) == 1
    families: dict[object, list] = {}
    for cell in cells:
        families.setdefault("row" if one_row else (cell[1], cell[4] is None), []).append(cell)
    for fam in families.values():
        info = []
        for r, c, p, d, own in fam:
            cands = _candidates(g, r, c, own, totals)
            ok = {k for k, (v, rel) in cands.items()
                  if pct_matches(p, v, d, abs(v) * rel if g.coarse_unit else 0.0)}
            info.append((r, c, p, d, cands, ok))
        keys = Counter(k for *_, ok in info for k in ok)
        best, n = keys.most_common(1)[0] if keys else (None, 0)
        learned = best is not None and n >= 2 and n * 2 > len(info)
        for r, c, p, d, cands, ok in info:
            if ok or not cands:
                continue
            if learned and best in cands:
                exp = cands[best][0]
            elif len(info) == 1 and fam[0][4] is not None:
                k = ("share",) if ("share",) in cands else min(cands, key=lambda k: (k[-1] > c, abs(k[-1] - c)))
                exp = cands[k][0]
            else:
                continue
            yield chk.finding(found=p, expected=round_half_up(exp, d), line=g.row_line(r),
                              table=table.id, row=g.row_name(r), col=g.col_name(c),
                              table_label=table_name(table))
