"""Tables of an HWP 5.0 body: cell headers, the declared grid, and the Table block.

A table is a ``tbl `` control whose children are an optional caption list, the
``TABLE`` record (declared rows and columns, cells per row) and one
``LIST_HEADER`` per cell (flags, column, row, column span, row span) followed by
the cell's paragraphs.  The grid is sized as the HWPX reader sizes it (the
larger of the declared counts and the cells' reach), unless that grid would
pass ``settings.max_table_cells``: then the declared counts and spans are only
believed as far as the cells themselves reach, with a warning, so a table that
declares 65,535 × 65,535 allocates nothing; a table whose own cells still pass
the budget is refused with :class:`~bogo.errors.LimitExceeded`.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..blocks import Cell, Table
from ..errors import LimitExceeded
from ..settings import Settings
from ._owpml import _header_rows, _is_approval, _is_layout

_CELL_FLAGS_AT = 6
_HEADER_CELL = 0x4
_CELL_MIN = 16


def cell_address(payload: bytes) -> tuple[int, int, int, int, bool]:
    """Row, column, row span, column span and header flag of a cell's list header."""
    if len(payload) < _CELL_MIN:
        payload = payload.ljust(_CELL_MIN, b"\0")
    flags, col, row, colspan, rowspan = struct.unpack_from("<HHHHH", payload, _CELL_FLAGS_AT)
    return row, col, rowspan, colspan, bool(flags & _HEADER_CELL)


def declared_grid(payload: bytes) -> tuple[int, int]:
    """Rows and columns a ``TABLE`` record declares (0 when it is too short)."""
    if len(payload) < 8:
        return 0, 0
    return struct.unpack_from("<HH", payload, 4)


def build_table(path: Path, settings: Settings, cells: list[Cell], header_cells: set[tuple[int, int]],
                declared: tuple[int, int], line: int, end_line: int, caption: str | None,
                has_nested: bool, warnings: list[str]) -> Table:
    """The :class:`Table` block, sized within the cell budget."""
    n_rows, n_cols = _grid(path, settings, cells, declared, warnings)
    table = Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=line, end_line=end_line,
                  caption=caption, header_rows=_header_rows(cells, header_cells))
    table.layout = _is_layout(table, has_nested)
    table.form = "approval" if _is_approval(table) else ""
    return table


def _grid(path: Path, settings: Settings, cells: list[Cell], declared: tuple[int, int],
          warnings: list[str]) -> tuple[int, int]:
    limit = settings.max_table_cells
    n_rows = max([declared[0]] + [c.row + c.rowspan for c in cells])
    n_cols = max([declared[1]] + [c.col + c.colspan for c in cells])
    if n_rows * n_cols <= limit:
        return n_rows, n_cols
    rows = max((c.row for c in cells), default=-1) + 1
    cols = max((c.col for c in cells), default=-1) + 1
    if rows * cols > limit:
        raise LimitExceeded(path, f"표가 너무 큽니다 ({rows:,}×{cols:,}칸, 한도 {limit:,}칸)")
    for c in cells:
        c.rowspan = min(c.rowspan, rows - c.row)
        c.colspan = min(c.colspan, cols - c.col)
    warnings.append(f"표의 선언된 크기({n_rows:,}×{n_cols:,}칸)가 한도({limit:,}칸)를 넘어 "
                    f"실제 칸이 있는 {rows:,}×{cols:,}칸으로 줄였습니다 (손상 의심)")
    return rows, cols
