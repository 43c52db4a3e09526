"""Box diagrams drawn on a table grid: an org chart is not a data table.

Hancom users draw org charts and flow charts as a table: boxes are cells of a
fine grid (dozens of columns), connectors are cell borders, and most of the grid
is blank.  Read as a data table, such a grid would be checked and compared as
one, cell by cell.  A data table labels every column in some row (its header) or
holds figures; a diagram on a grid does neither: no row of it has text across
most of its columns, it holds no figures, and text covers a small part of it.
Such a table is laid out, not tabulated (``role`` "layout"); its text stays in
the report, outside the table checks (the PDF reader recognises the same boxes
from the drawing: ``readers/_pdf_diagram``).

A flow chart on a grid ("세종학당 교원 | ⇨ | 배움이음터 특별과정 이수 | ⇨ | 인증 평가")
has its connectors as cells holding only an arrow: a row with two or more of them
(steps side by side), or a row holding nothing but arrows (steps one under the
other), and next to no figures (:func:`grid_flowchart`).  A comparison table
with one arrow per row between its columns ("현행 | ⇨ | 개선") is neither.
"""

from __future__ import annotations

from ..blocks import Table
from ..normalize.numbers import parse_number

MIN_COLS = 10         # a diagram's boxes stand on a fine grid
MIN_ROWS = 3
MAX_FILL = 0.35       # share of the grid's area that text cells cover, at most
MAX_ROW_SPAN = 0.9    # share of the columns the fullest row's text cells span, below
MAX_FIGURES = 0.05    # share of the text cells that are figures, at most


#: the glyphs of a flow chart's connectors
ARROWS = frozenset("⇨⇒⇛→➔➜➡➝➞⟶⇩⇓↓⬇⇘⇗⇙⇖↘↗↙↖⇧⇑↑⬆⇦⇐←⬅▶▷►▼▽▲△◀◁")
MIN_ARROWS = 2


def _arrow(text: str) -> bool:
    t = text.replace(" ", "")
    return bool(t) and all(ch in ARROWS for ch in t)


def grid_flowchart(table: Table) -> bool:
    """Whether ``table`` is a flow chart drawn on a table grid: arrow cells between its
    steps, two in one row or a row of arrows only, and next to no figures."""
    texts = [c for c in table.cells if c.text.strip()]
    arrows = [c for c in texts if _arrow(c.text)]
    if len(arrows) < MIN_ARROWS:
        return False
    per_row: dict[int, list[bool]] = {}
    for c in texts:
        per_row.setdefault(c.row, []).append(_arrow(c.text))
    if not any(sum(row) >= 2 or all(row) for row in per_row.values()):
        return False
    steps = [c for c in texts if not _arrow(c.text)]
    figures = sum(1 for c in steps if parse_number(c.text) is not None)
    return figures <= MAX_FIGURES * max(len(steps), 1)


def grid_diagram(table: Table) -> bool:
    """Whether ``table`` is a box diagram drawn on a table grid (see the module)."""
    if grid_flowchart(table):
        return True
    if table.n_cols < MIN_COLS or table.n_rows < MIN_ROWS:
        return False
    texts = [c for c in table.cells if c.text.strip()]
    if not texts:
        return False
    area = table.n_rows * table.n_cols
    if sum(c.rowspan * c.colspan for c in texts) > MAX_FILL * area:
        return False
    spanned: dict[int, int] = {}
    for c in texts:
        for r in range(c.row, c.row + c.rowspan):
            spanned[r] = spanned.get(r, 0) + c.colspan
    if max(spanned.values()) >= MAX_ROW_SPAN * table.n_cols:
        return False
    figures = sum(1 for c in texts if parse_number(c.text) is not None)
    return figures <= MAX_FIGURES * len(texts)
