"""Arithmetic helpers shared by the table checks: tolerances, pairs, percentages.

Rounding policy (spec §4): integer amounts and counts are compared exactly,
unless the table shows that its figures are rounded (a 반올림 note, or its own
sums: :mod:`bogo.tables.rounding`) — then a sum of ``n`` parts may be off by
``n × 0.5`` unit.  A
printed percentage matches a ratio when the ratio rounded half-up *or* truncated
to the printed decimals equals it.  A lone number in a "정원 / 현원" column is
ambiguous ("1" may be either side) and is tried both ways.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import product

from ..tables import CellValue, TableView

EPS = 1e-9


def tolerance(g: TableView, n_parts: int, cells: Iterable[CellValue] = (), diff: bool = False) -> float:
    """How far a relation of ``n_parts`` parts may be off: ½ unit of the last printed
    decimal per part when the figures have decimals or the table shows rounding
    (:mod:`bogo.tables.rounding`; ``diff`` for 증감/잔액), else nothing."""
    d = max((x.decimals for x in cells), default=0)
    step = 10 ** -d
    if (g.rounding_diff if diff else g.rounding) or d:
        return n_parts * 0.5 * step + EPS
    return EPS


def fmt_num(v: float | int | None) -> float | int | None:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, float):
        return round(v, 6)
    return v


def value_of(x: CellValue) -> float:
    v = x.value
    return 0 if v is None else v


def pair_combos(cells: list[CellValue], pair_col: list[bool], max_ambiguous: int) -> set[tuple[int, int]] | None:
    """Possible (quota, current) sums of ``cells``; None when more than ``max_ambiguous``
    bare numbers could be either side (``CheckSettings.max_ambiguous_cells``)."""
    q = c = 0
    amb: list[int] = []
    for x, is_pair_col in zip(cells, pair_col, strict=False):
        if x.is_pair:
            q += x.c.quota or 0
            c += x.c.current or 0
        elif x.numeric and x.value is not None:
            if is_pair_col:
                amb.append(int(x.value))
            else:
                q += int(x.value)
    if len(amb) > max_ambiguous:
        return None
    out = set()
    for bits in product((0, 1), repeat=len(amb)):
        qq = q + sum(v for v, b in zip(amb, bits, strict=False) if b == 0)
        cc = c + sum(v for v, b in zip(amb, bits, strict=False) if b == 1)
        out.add((qq, cc))
    return out


def pair_mismatch(total: CellValue, combos: set[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """[(정원|현원, found, expected)] for the sides of ``total`` no combo explains."""
    tq, tc = total.c.quota or 0, total.c.current or 0
    if (tq, tc) in combos:
        return []
    out = []
    if all(q != tq for q, _ in combos):
        out.append(("정원", tq, min(combos, key=lambda qc: abs(qc[0] - tq))[0]))
    if all(c != tc for _, c in combos):
        out.append(("현원", tc, min(combos, key=lambda qc: abs(qc[1] - tc))[1]))
    return out


def round_half_up(x: float, d: int) -> float:
    m = 10 ** d
    return math.floor(abs(x) * m + 0.5 + EPS) / m * (1 if x >= 0 else -1)


def truncate(x: float, d: int) -> float:
    m = 10 ** d
    return math.floor(abs(x) * m + EPS) / m * (1 if x >= 0 else -1)


#: the quick rejection of :func:`pct_matches` holds for these decimals and magnitudes
_QUICK_DECIMALS = 6
_QUICK_MAGNITUDE = 1e6


def pct_matches(p: float, ratio: float, d: int, spread: float = 0.0) -> bool:
    """Does printed percentage ``p`` (``d`` decimals) show ``ratio`` (in %)?

    Quick rejection, the same verdict: each ``x`` tried lies in [ratio − spread,
    ratio + spread], and its half-up and truncated roundings to ``d`` decimals lie
    within 2 units u = 10^-d of it — one unit by definition, one more when the
    floating-point floor is off by one (with |x| < 10^6 and d ≤ 6 the error of
    ``|x|·10^d`` is below 10^-3, far from a whole unit).  So a ``p`` more than 4 u
    outside the interval is at least 2 u from every rounding (a match needs
    10^-(d+3)) and outside the closing test's ±u/2: no match."""
    if d <= _QUICK_DECIMALS and abs(ratio) + spread < _QUICK_MAGNITUDE:
        u4 = 4 * 10 ** -d
        if p < ratio - spread - u4 or p > ratio + spread + u4:
            return False
    for x in (ratio, ratio - spread, ratio + spread) if spread else (ratio,):
        if abs(round_half_up(x, d) - p) < 10 ** -(d + 3) or abs(truncate(x, d) - p) < 10 ** -(d + 3):
            return True
    if spread:
        lo, hi = ratio - spread, ratio + spread
        return lo - 0.5 * 10 ** -d <= p <= hi + 0.5 * 10 ** -d
    return False
