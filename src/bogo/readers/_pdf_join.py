"""PDF stage 5: a ruled table continued over a page break.

The continuation on the next page is recognised by its column edges: the same
edges as the table it continues, or a subset of them with the same outer edges
and a repeated header row.  The second kind is a form whose first page has a row
split into many narrow cells (a "작성자" row with name, office, telephone…) while
the next page only draws the label and content columns: its cells are placed on
the first page's grid, a content cell spanning the narrow columns it covers.
"""

from __future__ import annotations

from ..blocks import Table
from ..normalize.text import normalize_text
from ..tablejoin import join_tables
from ._pdf_tables import GRID_TOL, same_columns


def edge_map(cols: tuple[float, ...], sub: tuple[float, ...]) -> list[int] | None:
    """For each edge of ``sub``, the index of the same edge in ``cols``; None
    when some edge of ``sub`` is not one of ``cols`` or the outer edges differ."""
    if len(sub) < 2 or len(cols) < len(sub):
        return None
    out: list[int] = []
    j = 0
    for x in sub:
        while j < len(cols) and cols[j] < x - 2 * GRID_TOL:
            j += 1
        if j == len(cols) or abs(cols[j] - x) > 2 * GRID_TOL:
            return None
        out.append(j)
    if out[0] != 0 or out[-1] != len(cols) - 1:
        return None
    return out


def place_on(table: Table, edges: list[int], n_cols: int) -> None:
    """Move ``table``'s cells onto a finer grid of ``n_cols`` columns (in place):
    column ``c`` of the table runs from edge ``edges[c]`` to ``edges[c + 1]``."""
    for c in table.cells:
        start, end = edges[c.col], edges[c.col + c.colspan]
        c.col, c.colspan = start, end - start
    table.n_cols = n_cols
    table._grids.clear()
    table._index = None


def continuation(prev: Table, prev_cols: tuple[float, ...], nxt: Table, cols: tuple[float, ...]) -> bool:
    """Whether ``nxt`` (drawn with edges ``cols``) continues ``prev``; when it does
    on a subset of ``prev``'s edges, its cells are first placed on ``prev``'s grid."""
    if same_columns(prev_cols, cols):
        return prev.n_cols == nxt.n_cols
    if len(cols) < 3 or prev.n_cols != len(prev_cols) - 1 or nxt.n_cols != len(cols) - 1:
        return False
    edges = edge_map(prev_cols, cols)
    if edges is None or not _repeats_header(prev, nxt, edges):
        return False
    place_on(nxt, edges, prev.n_cols)
    return True


def _repeats_header(prev: Table, nxt: Table, edges: list[int]) -> bool:
    """Whether ``nxt``'s first row, placed on ``prev``'s grid, is ``prev``'s first row."""
    def first_row(t: Table, col_of) -> dict[int, str]:
        return {col_of(c.col): c.text for c in t.cells if c.row == 0 and c.text}

    want = first_row(prev, lambda k: k)
    got = first_row(nxt, lambda k: edges[k])
    return len(want) >= 2 and want == got


def inside(box: tuple, outer: tuple) -> bool:
    """Whether ``box`` (x0, top, x1, bottom) lies within ``outer``: a table nested in a cell."""
    return (box[0] >= outer[0] - GRID_TOL and box[1] >= outer[1] - GRID_TOL
            and box[2] <= outer[2] + GRID_TOL and box[3] <= outer[3] + GRID_TOL)


def merge_cut_row(table: Table, row: int) -> bool:
    """Join row ``row`` (the first row continued on a new page) into the row above
    when the page break cut one row in two: the new row holds text in a single
    cell, under a cell of the same columns that has text, and its other cells are
    blank where the row above has its own labels (cells anchored in that row, not
    spans from further up, whose blank continuation would start a new sub-row)."""
    if row < 1 or row >= table.n_rows:
        return False
    here = [c for c in table.cells if c.row == row]
    above = {c.col: c for c in table.cells if c.row + c.rowspan == row}
    filled = [c for c in here if c.text]
    if len(filled) != 1 or any(c.rowspan != 1 for c in here):
        return False
    cont = filled[0]
    top = above.get(cont.col)
    if top is None or top.colspan != cont.colspan or not top.text:
        return False
    labels = [c for c in here if c.col < cont.col]
    if not labels or any(above.get(c.col) is None or above[c.col].row != row - 1 or not above[c.col].text
                         for c in labels):
        return False
    top.text = normalize_text(f"{top.raw} {cont.raw}")
    top.raw = f"{top.raw} {cont.raw}"
    table.cells = [c for c in table.cells if c.row != row]
    for c in table.cells:
        if c.row > row:
            c.row -= 1
        elif c.row + c.rowspan > row:
            c.rowspan -= 1
    table.n_rows -= 1
    table._grids.clear()
    table._index = None
    return True


def append_rows(prev: Table, nxt: Table, first_line: int) -> int:
    """Join ``nxt`` (a continuation) to ``prev``; its new rows are numbered from
    ``first_line`` on.  Returns the number of rows added."""
    before = prev.n_rows
    join_tables(prev, nxt)
    merge_cut_row(prev, before)
    for c in prev.cells:
        if c.row >= before:
            c.line = first_line + c.row - before
    prev.end_line = first_line + prev.n_rows - before - 1
    return prev.n_rows - before
