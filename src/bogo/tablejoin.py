"""Joining a table to its continuation: the rows of ``second`` appended to ``first``.

A table broken over a page (a PDF page, or an HWP document whose author drew one
table per page) repeats its header rows on the next page.  The repeated rows are
dropped when the two are joined, also when the page left out the rule under the
repeated header, so that its last cells also hold the first data row's figures.
Format-neutral: the PDF reader joins by column edges, :mod:`bogo.structure.continued`
by a repeated header between tables with only page furniture between them.
"""

from __future__ import annotations

from .blocks import Cell, Table


def join_tables(first: Table, second: Table) -> None:
    """Append ``second``'s rows to ``first`` in place; header rows that ``second``
    repeats from the top of ``first`` are dropped — also when the page left out
    the rule under the repeated header, so that its last cells also hold the
    first data row's figures ("당초 147,975,100"): those figures become that row's."""
    g1, g2 = first.grid(), second.grid()
    skip = 0
    while skip < min(len(g1), len(g2) - 1, 3) and g2[skip] == g1[skip] and any(g2[skip]):
        skip += 1
    merged = _header_with_data(g1, g2, skip)
    if merged is not None:
        skip = _move_data_below(second, skip, *merged)
    shift = first.n_rows - skip
    for c in second.cells:
        if c.row < skip:
            continue
        c.row += shift
        first.cells.append(c)
    first.n_rows += second.n_rows - skip
    first.layout = first.layout and second.layout
    if second.origin != first.origin:
        first.origin = "aligned"
    first._grids.clear()
    first._index = None


def _header_with_data(g1: list[list[str]], g2: list[list[str]], start: int) -> tuple[int, list[str]] | None:
    """(rows, data per column) when rows ``start…`` of ``g2`` repeat those of ``g1``
    with text appended to some cells ("구분 세출" under "구분"): the header of a
    continued table drawn without a rule under it.  None when any cell differs
    otherwise, or nothing was appended."""
    data = [""] * len(g2[0]) if g2 else []
    k = start
    while k < min(len(g1), len(g2) - 1, 3) and any(g1[k]):
        row = _appended(g1[k], g2[k])
        if row is None:
            break          # past the header: the first row that is not a repeat
        data = [" ".join(x for x in pair if x) for pair in zip(data, row, strict=False)]
        k += 1
    return (k - start, data) if k > start and any(data) else None


def _appended(want: list[str], got: list[str]) -> list[str] | None:
    """The text ``got`` adds to each cell of ``want`` ("" where equal or blank);
    None when some cell differs otherwise."""
    out = []
    for w, g in zip(want, got, strict=False):
        if g == w or not g:
            out.append("")
        elif w and g.startswith(w + " "):
            out.append(g[len(w) + 1:].strip())
        else:
            return None
    return out


def _move_data_below(t: Table, start: int, n: int, data: list[str]) -> int:
    """Drop the repeated header rows ``start…start+n`` of ``t`` and put the text
    they held beyond the header into the row below them when that row leaves those
    columns empty (the rule-less row was one row, cut only where rules ran), else
    into a row of its own.  Returns the number of leading rows to drop."""
    below = start + n
    grid = t.grid()
    anchors = {(c.row, c.col): c for c in t.cells}
    fits = below < t.n_rows and all(not (x and grid[below][j]) for j, x in enumerate(data))
    if not fits:
        below -= 1   # the last header row becomes the data row
    for j, x in enumerate(data):
        if not x:
            continue
        c = anchors.get((below, j))
        if c is not None:
            c.text = c.raw = " ".join(y for y in (c.text, x) if y) if fits else x
        else:
            t.cells.append(Cell(text=x, raw=x, row=below, col=j))
    if not fits:
        covered = {j for j, x in enumerate(data) if x}
        t.cells = [c for c in t.cells if c.row != below or c.col in covered]
    t._grids.clear()
    t._index = None
    return below
