"""Placing the values of short rows by the column totals: the one search both table readers use.

An export that drops blank cells leaves a row with fewer values than columns,
and nothing in the row says which columns its values belong to.  When the
table has a total row, the values can be put where the column sums then match
it.  :func:`place_by_totals` is that search: every short row keeps the order of
its values, each row in turn tries every way of spreading them over the
columns (at most ``combinations`` ways), keeps a change only when it lowers the
total mismatch, and the rounds stop when one brings nothing or the sums match.

Both callers decide what to do with the result: the text reader
(:mod:`bogo.readers._placement`) takes any improvement and marks the table as
placed by its totals; staffing (:mod:`bogo.extract.staffing`) re-places its
rows only when every column then adds up exactly.
"""

from __future__ import annotations

from itertools import combinations, islice

Pair = tuple[float, float]


def place_by_totals(rows: list[list[Pair] | None], short: dict[int, tuple[list[Pair], tuple[int, ...]]],
                    target: list[Pair], rounds: int, combinations_cap: int,
                    blanks_first: bool = False) -> tuple[dict[int, tuple[int, ...]], float]:
    """The columns of each short row's values, and the mismatch left.

    ``rows`` holds each full row's values per column (None for the rows that
    take no part, such as the total row itself or a short row); ``short`` maps a
    short row to its values in order and the columns they start in; ``target``
    is the total row.  A pair is a (quota, current) couple, or (value, 0).
    The ways are tried in the order of the values' columns, or with
    ``blanks_first`` in the order of the blanks' columns (the reader's, which
    starts from blanks at the end of the row)."""
    width = len(target)
    sums = [[0.0, 0.0] for _ in range(width)]
    choice = {i: cols for i, (_, cols) in short.items()}
    for i, vals in enumerate(rows):  # in row order, short rows where they stand (the same float sums always)
        placed = zip(short[i][1], short[i][0], strict=True) if i in short else enumerate(vals or ())
        for k, (q, c) in placed:
            sums[k][0] += q
            sums[k][1] += c

    def term(k: int, s: list[float]) -> float:
        return abs(s[0] - target[k][0]) + abs(s[1] - target[k][1])

    # the mismatch is the sum of one term per column, left to right; a trial
    # recomputes the terms of the columns it moves values in and sums them all
    # again in the same order, so it is the very float the whole sum would be
    terms = [term(k, sums[k]) for k in range(width)]
    best = sum(terms)
    for _ in range(rounds):
        if best == 0:
            break
        improved = False
        for i, (vals, _) in short.items():
            for cols in islice(_ways(width, len(vals), blanks_first), combinations_cap):
                moved = _moved(sums, choice[i], cols, vals)
                trial = terms.copy()
                for k, s in moved.items():
                    trial[k] = term(k, s)
                e = sum(trial)
                if e < best:
                    best, terms, improved = e, trial, True
                    for k, s in moved.items():
                        sums[k] = s
                    choice[i] = cols
        if not improved:
            break
    return choice, best


def _moved(sums: list[list[float]], old: tuple[int, ...], new: tuple[int, ...],
           vals: list[Pair]) -> dict[int, list[float]]:
    """The sums of the columns a row's values leave (``old``) and go to (``new``),
    each taken out of its old column first, then added to its new one."""
    width = len(sums)
    out: dict[int, list[float]] = {}
    for cols, sign in ((old, -1), (new, 1)):
        for k, (q, c) in zip(cols, vals, strict=True):
            if -width <= k < 0:
                k += width  # (one key per column, as indexing has it)
            s = out.get(k)
            if s is None:
                s = out[k] = list(sums[k])
            if sign < 0:
                s[0] -= q
                s[1] -= c
            else:
                s[0] += q
                s[1] += c
    return out


def _ways(width: int, n: int, blanks_first: bool):
    """The columns ``n`` values may take among ``width``, in order of theirs or of the blanks'."""
    if not blanks_first:
        yield from combinations(range(width), n)
        return
    for blanks in combinations(range(width), width - n):
        yield tuple(k for k in range(width) if k not in blanks)
