"""Placing the cells of short space-separated rows by the table's totals.

A text export loses blank cells, so a row of four values under five columns is
ambiguous.  :func:`place_rows` pads short rows; when the table has a total row
of composite cells it puts the blanks where the column sums then match the
total row (:func:`bogo.normalize.placement.place_by_totals`, the search staffing
uses too, bounded by :class:`~bogo.settings.TableSettings`).
"""

from __future__ import annotations

from ..normalize.labels import is_grand_total
from ..normalize.numbers import parse_composite
from ..normalize.placement import place_by_totals
from ..settings import TableSettings


def place_rows(rows: list[list[str]], width: int,
               cfg: TableSettings = TableSettings()) -> tuple[list[list[str]], bool, bool]:
    """Pad short rows to ``width``.  Exports lose blank cells, so a row of four
    values under five columns is ambiguous; when the table has a total row of
    composite cells, blanks go where the column sums then match the total row
    (greedy improvement), otherwise to the end of the row.  Returns the rows, whether
    the totals moved any cell (the table then records ``placement="totals"``), and
    whether the placement is certain: no short row has a figure whose column it could
    not tell, or the totals decide every one (all sums match, and no two rows could
    trade a figure between their blanks, nor a row move a zero, with the same sums).
    An uncertain grid is the reader's inference (``placement="inferred"``)."""
    padded = [r + [""] * (width - len(r)) for r in rows]
    short = [i for i, r in enumerate(rows) if len(r) < width]
    totals = [i for i, r in enumerate(rows) if r and is_grand_total(r[0]) and len(r) == width]
    if not any(len(rows[i]) > 1 for i in short):
        return padded, False, True  # labels alone: nothing to place
    if not totals:
        return padded, False, False
    t = totals[0]

    def qc(text: str) -> tuple[float, float]:
        v = parse_composite(text)
        return (v.quota or 0, v.current or 0) if v.is_pair else (v.value or 0, 0)

    target_cells = [parse_composite(c) for c in rows[t][1:]]
    if not all(v.numeric for v in target_cells):
        return padded, False, False
    target = [qc(c) for c in rows[t][1:]]
    values = [[qc(c) for c in r[1:]] for r in rows]
    slots = width - 1
    full = [None if i == t or i in short else values[i] + [(0, 0)] * (slots - len(values[i]))
            for i in range(len(rows))]
    start = {i: (values[i], tuple(range(len(values[i])))) for i in short}
    placed, cur = place_by_totals(full, start, target, cfg.placement_rounds, cfg.placement_combinations,
                                  blanks_first=True)
    choice = {i: tuple(s for s in range(slots) if s not in cols) for i, cols in placed.items()}
    out = []
    for i, r in enumerate(rows):
        if i in choice:
            it = iter(r[1:])
            out.append([r[0]] + ["" if s in choice[i] else next(it) for s in range(slots)])
        else:
            out.append(padded[i])
    moved = any(choice[i] != tuple(range(len(rows[i]) - 1, slots)) for i in choice)
    return out, moved, cur == 0 and not _tradeable(out, [i for i in short if len(rows[i]) > 1], values)


def _tradeable(out: list[list[str]], short: list[int], values: list[list[tuple[float, float]]]) -> bool:
    """Could the figures of short rows stand elsewhere with the same column sums: a zero
    next to a blank of its row, or one figure in two rows each next to the other's blank
    ("1 / 1" under 별정직 in one row and under 임기제 in the other)?"""
    def free(r: list[str], a: int, b: int) -> bool:  # every cell strictly between a and b blank
        lo, hi = min(a, b), max(a, b)
        return all(not r[k] for k in range(lo + 1, hi))

    for i in short:
        r = out[i]
        for p in range(1, len(r)):
            if r[p] and values[i] and parse_composite(r[p]).numeric and qc0(r[p]) \
                    and any(not r[q] and free(r, p, q) for q in range(1, len(r))):
                return True
    for x in short:
        for y in short:
            if x >= y:
                continue
            a, b = out[x], out[y]
            for p in range(1, len(a)):
                for q in range(1, len(a)):
                    if p != q and a[p] and a[p] == b[q] and not a[q] and not b[p] \
                            and free(a, p, q) and free(b, p, q):
                        return True
    return False


def qc0(text: str) -> bool:
    """A figure of nothing: 0, "0 / 0", "-"."""
    v = parse_composite(text)
    if v.is_pair:
        return not (v.quota or v.current)
    return not v.value
