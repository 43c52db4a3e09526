"""Difference columns: which 증감 (과부족, 차이) column compares which two columns.

A 증감 column is the later minus the earlier of the columns it compares: named by
a formula in its header ("당초(A-B)" with columns marked "(A)", "(B)"), or else the
two amount columns just left of it, in the direction most rows agree on (within
one unit, so that rounding does not hide the direction).
"""

from __future__ import annotations

import re

from ..normalize.labels import is_non_part
from .view import TableView

#: header words of a column that is one column minus another: a change, a year-on-year
#: change, a surplus or shortage (과부족: 현원 − 정원), a difference (차이)
DIFF_WORDS = ("증감", "전년대비", "과부족", "차이")
_FORMULA = re.compile(r"\(\s*([A-Za-z가-힣])\s*[-−–]\s*([A-Za-z가-힣])\s*\)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _marked(g: TableView, letter: str, d: int) -> int | None:
    """The one column other than 증감 column ``d`` marked "(letter)" (a header that
    stacked every letter over the 증감 column marks no operand)."""
    hits = [c for c in range(g.label_cols, g.ncols)
            if re.search(r"\(\s*" + re.escape(letter) + r"\s*\)", g.raw_labels[c])]
    return hits[0] if len(hits) == 1 and hits[0] != d else None


def _compared(g: TableView, d: int) -> tuple[int, int, bool] | None:
    """(later, earlier, sure) columns of 증감 column ``d``."""
    m = _FORMULA.search(g.raw_labels[d])
    if m:
        a, b = _marked(g, m.group(1), d), _marked(g, m.group(2), d)
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


def diff_columns(g: TableView) -> list[tuple[int, int, int]]:
    """(증감 column, later, earlier) for each 증감 column whose compared columns are
    known — from the header, or from the direction most rows agree on (within one
    unit, so that rounding does not hide the direction)."""
    out = []
    for d in range(g.label_cols, g.ncols):
        lab = g.labels[d]
        if not any(w in lab for w in DIFF_WORDS) or any(w in lab for w in ("율", "률", "%")):
            continue
        pair = _compared(g, d)
        if not pair:
            continue
        later, earlier, sure = pair
        if not sure:
            rows = diff_rows(g, d, later, earlier)
            fwd = sum(_near(g, r, d, later, earlier) for r in rows)
            back = sum(_near(g, r, d, earlier, later) for r in rows)
            if back > fwd:
                later, earlier = earlier, later
            if max(fwd, back) * 2 <= len(rows):
                continue
        out.append((d, later, earlier))
    return out


def diff_rows(g: TableView, d: int, later: int, earlier: int) -> list[int]:
    return [r for r in g.data_rows() if g.cells[r][d].value is not None
            and (g.cells[r][later].numeric or g.cells[r][earlier].numeric)]


def _near(g: TableView, r: int, d: int, later: int, earlier: int) -> bool:
    cells = [g.cells[r][later], g.cells[r][earlier], g.cells[r][d]]
    step = 10 ** -max(x.decimals for x in cells)
    return abs((cells[2].value or 0) - (cells[0].value or 0) + (cells[1].value or 0)) <= step + 1e-9
