"""Placing the cells of short space-separated rows by the table's totals.

A text export loses blank cells, so a row of four values under five columns is
ambiguous.  :func:`place_rows` pads short rows; when the table has a total row
of composite cells it puts the blanks where the column sums then match the
total row (greedy improvement, bounded by :class:`~bogo.settings.TableSettings`).
"""

from __future__ import annotations

from itertools import combinations

from ..normalize.labels import is_grand_total
from ..normalize.numbers import parse_composite
from ..settings import TableSettings


def place_rows(rows: list[list[str]], width: int,
                cfg: TableSettings = TableSettings()) -> tuple[list[list[str]], bool]:
    """Pad short rows to ``width``.  Exports lose blank cells, so a row of four
    values under five columns is ambiguous; when the table has a total row of
    composite cells, blanks go where the column sums then match the total row
    (greedy improvement), otherwise to the end of the row.  The flag says whether
    the totals moved any cell (the table then records ``placement="totals"``)."""
    padded = [r + [""] * (width - len(r)) for r in rows]
    short = [i for i, r in enumerate(rows) if len(r) < width]
    totals = [i for i, r in enumerate(rows) if r and is_grand_total(r[0]) and len(r) == width]
    if not short or not totals:
        return padded, False
    t = totals[0]

    def qc(text: str) -> tuple[float, float]:
        v = parse_composite(text)
        return (v.quota or 0, v.current or 0) if v.is_pair else (v.value or 0, 0)

    target_cells = [parse_composite(c) for c in rows[t][1:]]
    if not all(v.numeric for v in target_cells):
        return padded, False
    target = [qc(c) for c in rows[t][1:]]
    values = [[qc(c) for c in r[1:]] for r in rows]
    slots = width - 1

    def layout(i: int, blanks: tuple[int, ...]) -> list[tuple[float, float]]:
        it = iter(values[i])
        return [(0, 0) if s in blanks else next(it) for s in range(slots)]

    choice = {i: tuple(range(len(rows[i]) - 1, slots)) for i in short}
    sums = [[0.0, 0.0] for _ in range(slots)]
    for i in range(len(rows)):
        if i == t:
            continue
        cells = layout(i, choice[i]) if i in choice else values[i] + [(0, 0)] * (slots - len(values[i]))
        for k, (q, c) in enumerate(cells):
            sums[k][0] += q
            sums[k][1] += c

    def err(s: list[list[float]]) -> float:
        return sum(abs(s[k][0] - target[k][0]) + abs(s[k][1] - target[k][1]) for k in range(slots))

    cur = err(sums)
    for _ in range(cfg.placement_rounds):
        improved = False
        for i in short:
            old = layout(i, choice[i])
            for blanks in list(combinations(range(slots), width - len(rows[i])))[:cfg.placement_combinations]:
                new = layout(i, blanks)
                trial = [[sums[k][0] - old[k][0] + new[k][0], sums[k][1] - old[k][1] + new[k][1]] for k in range(slots)]
                e = err(trial)
                if e < cur:
                    cur, sums, old, improved = e, trial, new, True
                    choice[i] = blanks
        if not improved or cur == 0:
            break
    out = []
    for i, r in enumerate(rows):
        if i in choice:
            it = iter(r[1:])
            out.append([r[0]] + ["" if s in choice[i] else next(it) for s in range(slots)])
        else:
            out.append(padded[i])
    moved = any(choice[i] != tuple(range(len(rows[i]) - 1, slots)) for i in choice)
    return out, moved
