"""T104 — printed percentages against the ratios they show.

For every percentage in a table — a rate column (비율, 비중, 집행률, "(%)") or the
parenthesised share of a composite cell ("56,732 (15.9%)") — the plausible bases
are tried: its own amount (or any amount of the row) over another amount of the
row, a over a + b, and the share of the same column's total row.  The formula that
explains most percentages of a column (or of a one-row table) is learned; a
percentage that no candidate explains is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Finding, TableRec
from ..tables import TableView, part_columns, row_groups
from .arith import _QUICK_DECIMALS, _QUICK_MAGNITUDE, pct_matches, round_half_up
from .context import Context
from .rates import Formula, is_rate_label, named_formula, own_formula
from .registry import REGISTRY, register

_RATE_WORDS = ("%", "비율", "비중", "율", "률")
_RATE_WORD = re.compile("|".join(_RATE_WORDS))  # a label holding one of them


def _candidates(g: TableView, r: int, c: int, own: float | None,
                totals: dict[int, int]) -> dict[tuple, tuple[float, float]]:
    """Candidate ratios (in %) for the percentage at (r, c): key → (value, relative
    error of the value when its operands are rounded to ±0.5 unit, :func:`_ratio`)."""
    row = g.cells[r]
    nums = {k: row[k].value for k in _amount_columns(g) if k != c and row[k].value not in (None, 0)}
    out: dict[tuple, tuple[float, float]] = {}
    tr = totals.get(r)
    if own is not None:
        for k, v in nums.items():
            out[("ratio", k)] = _ratio(own, v)
        if tr == r:
            out[("share",)] = (100.0, 0.0)  # "3조 3,000 (100%)": the total row's share of itself
        elif tr is not None and g.cells[tr][c].value:
            out[("share",)] = _ratio(own, g.cells[tr][c].value)
        return out
    for a, va in nums.items():
        # _ratio written out (the pairs are most of T104's work); va is never 0
        for b, vb in nums.items():
            if a != b:
                out[("ratio", a, b)] = va / vb * 100, 0.5 / abs(va) + 0.5 / abs(vb)
                if va + vb:
                    out[("part", a, b)] = va / (va + vb) * 100, 0.5 / abs(va) + 0.5 / abs(va + vb)
        if tr == r:
            out[("share", a)] = (100.0, 0.0)  # the total row's share of itself
        elif tr is not None and g.cells[tr][a].value:
            out[("share", a)] = _ratio(va, g.cells[tr][a].value)
    return out


def _ratio(a: float, b: float) -> tuple[float, float]:
    return a / b * 100, 0.5 / abs(a) + 0.5 / abs(b) if a else 0.0


def _shown(cands: dict[tuple, tuple[float, float]], p: float, d: int, coarse: bool) -> dict[tuple, None]:
    """The keys of the candidates that percentage ``p`` (``d`` decimals) shows, in the
    candidates' order (a dict, not a set: when formulas tie, the one taken for the
    expected value must not depend on string hashing, which differs per process):
    :func:`~bogo.checks.arith.pct_matches`, its quick rejection done here first
    (the same test, without a call for each of the many far-off candidates)."""
    quick = d <= _QUICK_DECIMALS
    u4 = 4 * 10 ** -d
    ok: dict[tuple, None] = {}
    for k, (v, rel) in cands.items():
        spread = abs(v) * rel if coarse else 0.0
        if quick and abs(v) + spread < _QUICK_MAGNITUDE and (p < v - spread - u4 or p > v + spread + u4):
            continue
        if pct_matches(p, v, d, spread):
            ok[k] = None
    return ok


def _amount_columns(g: TableView) -> list[int]:
    """Columns a percentage may be computed from: the summable ones and averages
    of amounts (연평균 규모, the base of 연평균 비중); found once per view, not per cell."""
    cols = g.memo.get("pct_amount_columns")
    if cols is None:
        avg = [c for c in range(g.label_cols, g.ncols) if "평균" in g.labels[c]
               and not is_rate_label(g.labels[c])
               and any(row[c].numeric for row in g.cells) and not any(row[c].pct for row in g.cells)]
        cols = g.memo["pct_amount_columns"] = sorted(set(part_columns(g)) | set(avg))
    return cols  # type: ignore[return-value]


def _pct_cells(g: TableView) -> list[tuple[int, int, float, int, float | None]]:
    out = []
    rows = g.data_rows()
    for c in range(g.label_cols, g.ncols):
        rate_col = _RATE_WORD.search(g.labels[c]) is not None and "증감" not in g.labels[c]
        for r in rows:
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

    Rounded half-up or truncated to the printed decimals both pass, at the
    column's usual precision: "16%" among "16.4%", "35.0%" is judged as 16.0%.
    A rate whose name gives its operands (달성률 = 실적 ÷ 목표, 집행률 = 집행액 ÷
    예산액, 반영률 = 반영 ÷ 제안, 승소율 = 승소 ÷ (승소 + 패소); bogo.checks.rates)
    is judged against them, even alone in a one-row table.  Otherwise the formula
    that explains most cells of the column is learned, and then binds every cell.

    Traps:
        The base is not printed: several are tried (row ratios, a/(a+b) as in
        승소율 = 승소/(승소+패소), share of the total row).  Growth rates (연평균
        증가율) match no simple ratio: with no formula confirmed by two or more
        cells the column is left alone; only a lone composite share is checked
        against all bases.  A total row printing "(100%)" beside its amount
        declares the column's parenthesised percentages shares of the total
        (one part besides it is then enough).  Operands are named only when exactly one column carries
        each name (in the rate's own header group first); a named formula that most
        rows of its column break is a misreading and is not used.
    """
    chk = REGISTRY["T104"]
    g = ctx.grid(table)
    totals = {p: tr for tr, parts in row_groups(g) for p in parts}
    for tr, _ in row_groups(g):
        totals.setdefault(tr, tr)
    cells = _at_usual_precision(_pct_cells(g))
    named, cells = _named(g, cells)
    for r, c, p, d, exp in named:
        yield _finding(chk, g, table, r, c, p, round_half_up(exp, d))
    one_row = len(g.data_rows()) == 1
    families: dict[object, list] = {}
    for cell in cells:
        families.setdefault("row" if one_row else (cell[1], cell[4] is None), []).append(cell)
    for fam in families.values():
        info = []
        for r, c, p, d, own in fam:
            cands = _candidates(g, r, c, own, totals)
            ok = _shown(cands, p, d, g.coarse_unit)
            info.append((r, c, p, d, cands, ok))
        # a total row's 100% in a column of its own is every column's share of itself: no
        # evidence; printed beside the total's amount ("3조 3,000 (100%)") it says the
        # parenthesised figures are shares of the total
        plain = fam[0][4] is None

        def evidence(r: int, k: tuple, plain: bool = plain) -> bool:
            return not (k[0] == "share" and totals.get(r) == r and plain)

        keys = Counter(k for r, *_, ok in info for k in ok if evidence(r, k))
        n = max(keys.values(), default=0)
        # formulas explaining two or more cells and most of the cells they apply to;
        # several tied ones (share of 계획기간 계 or of 연평균 규모) all stay possible
        best = [k for k, v in keys.items() if v == n and n >= 2
                and n * 2 > sum(k in x[4] and evidence(x[0], k) for x in info)]
        for r, c, p, d, cands, ok in info:
            mine = [k for k in best if k in cands]
            if mine:
                # the column's formula is known: a chance match with another base
                # (41 ÷ (41 + 9) = 82.0%) does not excuse the cell
                if any(k in ok for k in mine):
                    continue
                exp = cands[mine[0]][0]
            elif ok or not cands:
                continue
            elif len(info) == 1 and fam[0][4] is not None:
                k = ("share",) if ("share",) in cands else min(cands, key=lambda k: (k[-1] > c, abs(k[-1] - c)))
                exp = cands[k][0]
            else:
                continue
            yield _finding(chk, g, table, r, c, p, round_half_up(exp, d))


def _finding(chk, g: TableView, table: TableRec, r: int, c: int, p: float, exp: float) -> Finding:
    return chk.finding(found=p, expected=exp, **g.at(r, c))


def _at_usual_precision(cells: list) -> list:
    """Each percentage judged at its column's usual precision: "16%" among "16.4%",
    "35.0%" is read as 16.0%, not as any value from 15.5 to 16.9."""
    usual: dict[tuple, int] = {}
    for key in {(c, own is None) for _, c, _, _, own in cells}:
        ds = Counter(d for _, c, _, d, own in cells if (c, own is None) == key)
        usual[key] = max(ds, key=lambda d: (ds[d], d))
    return [(r, c, p, max(d, usual[(c, own is None)]), own) for r, c, p, d, own in cells]


def _named(g: TableView, cells: list) -> tuple[list, list]:
    """Findings of the percentages whose operands the column's name gives
    (:mod:`bogo.checks.rates`), and the cells left for the learned formulas.  A
    named formula that most of its column's rows break is a misreading of the
    names: its cells are left to the learned formulas."""
    by_col: dict[tuple, list] = {}
    for cell in cells:
        by_col.setdefault((cell[1], cell[4] is None), []).append(cell)
    found, rest = [], []
    for (c, plain), col in by_col.items():
        f = named_formula(g, c) if plain else own_formula(g, c)
        judged = [x for x in (_judge(g, f, cell) for cell in col) if x is not None] if f else []
        bad = [x for x in judged if x[4] is not None]
        if not judged or (len(judged) > 1 and bad and len(bad) * 2 >= len(judged)):
            rest.extend(col)
            continue
        found.extend(bad)
    return found, rest


def _judge(g: TableView, f: Formula, cell) -> tuple | None:
    """(r, c, p, d, expected or None when it matches); None when not computable."""
    r, c, p, d, _ = cell
    a = g.cells[r][f.num].value
    dens = [g.cells[r][k].value for k in f.den]
    if a is None or any(v is None for v in dens) or not sum(dens):
        return None
    b = sum(dens)
    v = a / b * 100
    spread = abs(v) * (0.5 / abs(a) + 0.5 / abs(b)) if g.coarse_unit and a else 0.0
    return r, c, p, d, None if pct_matches(p, v, d, spread) else v
