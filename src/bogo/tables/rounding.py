"""Does a table show that its figures are rounded?  (the T1xx rounding allowance)

A table printed in 백만원 or 억원 may have been rounded from won, so that a total is
off by up to half a unit per part — or it may add up exactly, and then a total off
by one is a typo.  The unit alone cannot tell; the table can:

- a ※ note says so (반올림, 단수조정, 사사오입, 절사), or
- the table's own unit is 억원 or 조원: budgets are kept in won or 천원, so
  figures this coarse are rounded (a caption headline in 억원 over a 백만원
  table is no such evidence), or
- its own sums show it: two or more totals (row or column) that are off by a
  little (0 < |total − Σ parts| ≤ n × ½ unit) and that share no cell — rounding
  scatters small differences over the table, while one wrong figure (a typo) puts
  all the differences it causes through one cell; or one such total whose every
  cell is confirmed by another relation that holds exactly (each part's and the
  total's 증감 in the same row): the figures are right, so the sum is rounded.

Differences (증감, 잔액) get their one-unit allowance only from a note or from two
증감 cells off by one unit.

False-alarm trap: a rounded table that happens to show only one small
difference, with no other relation confirming its cells, looks like a typo and
is reported; a ※ 단수조정 note, or a second visible rounding difference, silences
it.
"""

from __future__ import annotations

from .cells import CellValue
from .diffs import diff_columns
from .groups import col_groups, part_columns, row_groups
from .view import TableView

EPS = 1e-9

Cell = tuple[int, int]


def _sums(g: TableView) -> list[tuple[set[Cell], int]]:
    """Every total of the table as (its cells, state): 0 exact, 1 off by a
    rounding-sized amount, 2 off by more (or not comparable)."""
    out: list[tuple[set[Cell], int]] = []
    cols = part_columns(g)
    for tr, parts in row_groups(g):
        for c in cols:
            out.append(({(tr, c), *((r, c) for r in parts)},
                        _state(g.cells[tr][c], [g.cells[r][c] for r in parts])))
    for tc, parts in col_groups(g):
        for r in g.data_rows():
            out.append(({(r, tc), *((r, c) for c in parts)},
                        _state(g.cells[r][tc], [g.cells[r][c] for c in parts])))
    return out


def _state(tot: CellValue, parts: list[CellValue]) -> int:
    nums = [x for x in parts if x.numeric]
    if tot.value is None or tot.is_pair or not nums or any(x.is_pair for x in nums):
        return 2
    step = 10 ** -max([x.decimals for x in nums] + [tot.decimals])
    diff = abs(tot.value - sum(x.value or 0 for x in nums))
    return 0 if diff <= EPS else 1 if diff <= len(nums) * 0.5 * step + EPS else 2


def _diffs(g: TableView) -> list[tuple[set[Cell], int]]:
    """Every 증감 cell as (its cells, state), in the direction most rows agree on."""
    out: list[tuple[set[Cell], int]] = []
    for d, later, earlier in diff_columns(g):
        for r in g.data_rows():
            x, a, b = g.cells[r][d], g.cells[r][later], g.cells[r][earlier]
            if x.value is None or not (a.numeric or b.numeric):
                continue
            step = 10 ** -max(x.decimals, a.decimals, b.decimals)
            off = abs(x.value - ((a.value or 0) - (b.value or 0)))
            out.append(({(r, d), (r, later), (r, earlier)},
                        0 if off <= EPS else 1 if off <= step + EPS else 2))
    return out


def _scattered(offs: list[set[Cell]]) -> bool:
    return len(offs) >= 2 and not set.intersection(*offs)


def analyse(g: TableView) -> tuple[bool, bool]:
    """(sums may be rounded, differences may be rounded) for table ``g``.

    Sums: a note; or small differences scattered over two totals sharing no cell;
    or one small difference whose every cell is confirmed by another relation
    that holds exactly (its row's 증감, another total) — a typo would break that
    other relation too.  Differences: a note, or two 증감 cells off by one unit.
    """
    if g.rounding_note or g.own_unit_coarse:
        return True, True  # a note says so, or the table counts in 억원/조원
    sums, diffs = _sums(g), _diffs(g)
    exact = set().union(*[cells for cells, st in sums + diffs if st == 0])
    small = [cells for cells, st in sums if st == 1]
    confirmed = any(all(any(c in other for other in _others(cells, sums + diffs)) for c in cells)
                    for cells in small) if small and exact else False
    diff_small = [cells for cells, st in diffs if st == 1]
    return _scattered(small) or confirmed, _scattered(diff_small)


def _others(cells: set[Cell], rels: list[tuple[set[Cell], int]]) -> list[set[Cell]]:
    return [c for c, st in rels if st == 0 and c != cells]
