"""Tables of a reference and a variant reading compared cell by cell (bench/layouts.py).

A reference data table is paired with the variant table that shares most cell
texts (:func:`match_tables`); rows are aligned by content (:func:`align_rows`);
each visible anchor cell of the reference is compared, whitespace removed and a
leading bullet dropped, with the cell in the same place of the variant
(:func:`table_agreement`).  Cells an export path cannot carry
(bench/layout_loss.py) are counted apart.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from layout_loss import inherent

from bogo.model import Report

#: a bullet that opens a cell or a title is decoration: "□ 인건비" and "인건비" are one label
#: (a dash before a figure is a minus sign: "-17,514" keeps it)
_BULLET = re.compile(r"^(?:[□■○●◦•▪◆◇❑❍◎➢➔→·ㅇ※*]+-*(?=.)|-+(?=[^\s\d.,]))")


def _k(s: str | None) -> str:
    """A cell or label as compared: whitespace removed, a leading bullet dropped."""
    return _BULLET.sub("", "".join((s or "").split()))


def _full(t) -> list[list[str]]:
    return [list(r) for r in t.header] + [list(r) for r in t.rows]


def _covered(t) -> set[tuple[int, int]]:
    """Grid positions covered by a span but not its anchor."""
    out = set()
    for r, c, rs, cs in t.spans:
        out.update((r + i, c + j) for i in range(rs) for j in range(cs) if i or j)
    return out


def match_tables(ref: Report, var: Report) -> dict[int, int]:
    """Reference table index → variant table index, pairs with most cell texts in
    common first (Dice over the multisets of cell texts, at least 0.25)."""
    bags = [Counter(_k(c) for row in _full(t) for c in row if _k(c)) for t in var.tables]
    cands = []
    for i, t in enumerate(ref.tables):
        if not scored(t):
            continue
        mine = Counter(_k(c) for row in _full(t) for c in row if _k(c))
        size = sum(mine.values())
        for j, bag in enumerate(bags):
            common = sum((mine & bag).values())
            dice = 2 * common / max(size + sum(bag.values()), 1)
            if dice >= 0.25:
                cands.append((-dice, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(cands):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def align_rows(a: list[list[str]], b: list[list[str]]) -> dict[int, int]:
    """Row of ``a`` → row of ``b``, aligned by content (unmatched rows of a block paired in order)."""
    ka = ["\x1f".join(x for x in map(_k, r) if x) for r in a]  # a phantom empty column shifts no row
    kb = ["\x1f".join(x for x in map(_k, r) if x) for r in b]
    out = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op in ("equal", "replace"):
            for d in range(min(i2 - i1, j2 - j1)):
                out[i1 + d] = j1 + d
    return out


@dataclass
class Visible:
    """A table as it shows: rows and columns with some text (an org chart's spacer rows,
    the sub-columns of merged cells that no export shows), anchor cells only."""

    grid: list[list[str]]
    rows: list[int]  # row of the full grid (header + body) of each visible row
    cols: list[int]
    covered: set[tuple[int, int]]


def visible(t) -> Visible:
    full, cov = _full(t), _covered(t)
    # a header label repeated right or down is a merged cell spread over its span
    # (with the source's spans, or by the structure stage without them): one cell
    for r in range(len(t.header)):
        for c in range(len(full[r])):
            if _k(full[r][c]) and ((c and full[r][c] == full[r][c - 1]) or (r and full[r][c] == full[r - 1][c])):
                cov.add((r, c))
    width = max((len(r) for r in full), default=0)
    shown = {(r, c) for r, row in enumerate(full) for c, x in enumerate(row) if _k(x) and (r, c) not in cov}
    rows = sorted({r for r, _ in shown})
    cols = sorted({c for _, c in shown if c < width})
    grid = [[full[r][c] if c < len(full[r]) else "" for c in cols] for r in rows]
    covered = {(i, j) for i, r in enumerate(rows) for j, c in enumerate(cols) if (r, c) in cov}
    return Visible(grid, rows, cols, covered)


def scored(t) -> bool:
    """A data table of at least two rows and two columns as it shows (a one-row or
    one-column grid reads as a paragraph or a list in any text export)."""
    v = visible(t)
    return t.role == "data" and len(v.rows) >= 2 and len(v.cols) >= 2


def table_agreement(ref: Report, var: Report, kind: str = "", fold=None) -> tuple[int, int, int, int]:
    """(cells right, cells, and the same over the cells whose place export ``kind`` can
    carry — with the reference's text as the export writes it, ``fold``) over the
    visible anchor cells of the reference's data tables."""
    right = total = right_c = total_c = 0
    pairs = match_tables(ref, var)
    for i, t in enumerate(ref.tables):
        if not scored(t):
            continue
        v = visible(t)
        lost = inherent(v.grid, v.covered, kind)
        shown = [(r, c) for r, row in enumerate(v.grid) for c in range(len(row)) if (r, c) not in v.covered]
        total += len(shown)
        total_c += sum(1 for rc in shown if rc not in lost)
        if i not in pairs:
            continue
        vg = visible(var.tables[pairs[i]]).grid
        rows = align_rows(v.grid, vg)
        for r, c in shown:
            if r not in rows:
                continue
            vrow = vg[rows[r]]
            got = _k(vrow[c] if c < len(vrow) else "")
            right += _k(v.grid[r][c]) == got
            right_c += (r, c) not in lost and _k(fold(v.grid[r][c]) if fold else v.grid[r][c]) == got
    return right, total, right_c, total_c


def locate(rt, vt, r: int, c: int, rows: dict[int, int]) -> tuple[int, int] | None:
    """Body cell (r, c) of reference table ``rt`` in variant table ``vt`` (``rows``: the
    alignment of their visible rows); None when the variant lost it."""
    a, b = visible(rt), visible(vt)
    full_r = len(rt.header) + r
    if full_r not in a.rows or c not in a.cols:
        return None
    i = rows.get(a.rows.index(full_r))
    j = a.cols.index(c)
    if i is None or j >= len(b.cols):
        return None
    vr = b.rows[i] - len(vt.header)
    return (vr, b.cols[j]) if vr >= 0 else None
