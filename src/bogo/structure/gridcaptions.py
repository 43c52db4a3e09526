"""Caption, unit and source lines that a table sets inside its own grid.

Hancom authors often put a table's title and unit in its first row and its source
in its last, in cells without borders: "【 특성가구별 평균 주택가격 】 | … | (단위 :
만원)" above the header, "< 국토교통부, 2024년도 주거실태조사 >" under the body.
Printed, they stand outside the ruled table, and the PDF reader reads them as the
lines around it; read as rows, they would be a header row and a data row.  So a
first row whose texts are only a bracketed title and/or a unit statement, and a
last row whose only text is a source or a note, leave the grid and become the
table's caption, unit and notes, as the lines around a table do
(:mod:`.captions`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..blocks import Table
from .captions import find_unit, strip_brackets

_UNIT_TEXT = re.compile(r"^[(（\[]?\s*단위\s*[:：]")
_TITLE_TEXT = re.compile(r"^[【\[〔〈《<].+[】\]〕〉》>]$")
# a source, or a note; a row of asterisks is masked text, not a note
_SOURCE_TEXT = re.compile(r"^(?:[<〈《].+[>〉》]|(?:자료|출처)\s*[:：].+|※\s*\S.*|\*\s*[^*\s].*)$")
MIN_BODY_ROWS = 2     # rows holding text that the table keeps at least


def split_grid_captions(table: Table) -> tuple[Table, str | None, str | None, list[str]]:
    """``table`` without its caption row and source row (when it has them), with
    the caption, the unit and the notes they held."""
    caption = unit = None
    notes: list[str] = []
    top, bottom = 0, table.n_rows
    filled = sorted({r for c in table.cells if c.text.strip() for r in range(c.row, c.row + c.rowspan)})
    # the first row's text cells may span a second row (a title set two rows high)
    depth = max((c.rowspan for c in table.cells if c.row == 0 and c.text.strip()), default=1)
    first = _band_texts(table, 0, depth)
    if first and sum(1 for r in filled if r >= depth) >= MIN_BODY_ROWS:
        units = [t for t in first if _UNIT_TEXT.match(t) and find_unit(t)]
        titles = [t for t in first if _TITLE_TEXT.match(t)]
        if len(units) + len(titles) == len(first) and len(units) <= 1 and len(titles) <= 1:
            top = depth
            unit = find_unit(units[0]) if units else None
            caption = strip_brackets(titles[0]) if titles else None
    last = _band_texts(table, table.n_rows - 1, table.n_rows)
    if last is not None and len(last) == 1 and _SOURCE_TEXT.match(last[0]) and \
            sum(1 for r in filled if top <= r < bottom - 1) >= MIN_BODY_ROWS:
        bottom -= 1
        notes.append(last[0])
    if (top, bottom) == (0, table.n_rows):
        return table, None, None, []
    return _rows_between(table, top, bottom), caption, unit, notes


def _band_texts(table: Table, start: int, end: int) -> list[str] | None:
    """The texts of the rows ``start`` to ``end`` (exclusive), or None when one of
    their text cells reaches beyond them (a blank margin cell spanning rows does not
    count: text exports lose such spans)."""
    texts = []
    for c in table.cells:
        if c.row < end and c.row + c.rowspan > start and c.text.strip():
            if c.row < start or c.row + c.rowspan > end:
                return None
            texts.append(c.text.strip())
    return texts


def _rows_between(table: Table, top: int, bottom: int) -> Table:
    """The rows ``top`` to ``bottom`` (exclusive); a blank cell spanning into them is cut to them."""
    cells = []
    for c in table.cells:
        first, end = max(c.row, top), min(c.row + c.rowspan, bottom)
        if first < end and (c.row >= top or not c.text.strip()):
            cells.append(replace(c, row=first - top, rowspan=end - first))
    header_rows = table.header_rows
    if header_rows:
        header_rows = max(header_rows - top, 0) or None
    return replace(table, cells=cells, n_rows=bottom - top, header_rows=header_rows)
