"""Budgets a reader spends while it builds blocks (private to the readers).

A file declares sizes — ``rowCnt="100000"``, ``colspan="1000"``, ``gridSpan="1e9"``,
a cell address of minus one — and a reader that allocates from them explodes on a
851-byte file.  The rule here: declared numbers are *parsed* (:func:`span`,
:func:`address`: non-numeric, negative or absurd values become 1 / 0 / the cap),
and the grid of a table is *measured* from its anchored cells before anything is
allocated (:func:`table_shape`), then charged to a per-document
:class:`DocBudget` that also counts lines and characters.  Over a budget, the
reader raises :class:`~bogo.errors.LimitExceeded` with a Korean reason; the path is
filled in by :func:`bogo.readers.read_bytes` when the raiser does not know it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..blocks import Cell
from ..errors import LimitExceeded
from ..settings import Settings
from ._deadline import check_deadline


def span(value: object, limit: int) -> int:
    """A declared rowspan/colspan: 1 when missing, non-numeric or below 1; at most ``limit``."""
    try:
        n = int(str(value).strip()) if value is not None else 1
    except ValueError:
        return 1
    return min(max(n, 1), limit)


def address(value: object) -> int:
    """A declared 0-based row/column address: 0 when missing, non-numeric or negative."""
    try:
        n = int(str(value).strip()) if value is not None else 0
    except ValueError:
        return 0
    return max(n, 0)


def table_shape(cells: list[Cell], settings: Settings, path: Path | None = None,
                declared_rows: int = 0, declared_cols: int = 0) -> tuple[int, int]:
    """Rows and columns of a table, measured from its cells; spans clamped in place.

    A declared count is believed only as far as the cells' spans reach, a span only
    as far as the table's anchors extend (rows) or the span cap (columns).  Raises
    before any grid is built when the grid or the area its spans cover passes
    ``max_table_cells``.
    """
    if not cells:
        return 0, 0
    limit = settings.max_table_cells
    anchor_rows = max(c.row for c in cells) + 1
    anchor_cols = max(c.col for c in cells) + 1
    if anchor_rows * anchor_cols > limit:
        raise _too_big(path, anchor_rows * anchor_cols, limit)
    for c in cells:
        c.rowspan = span(c.rowspan, settings.max_span)
        c.colspan = span(c.colspan, settings.max_span)
    reach_rows = max(c.row + c.rowspan for c in cells)
    reach_cols = max(c.col + c.colspan for c in cells)
    n_rows = max(anchor_rows, min(max(declared_rows, 0), reach_rows))
    n_cols = max(anchor_cols, min(max(declared_cols, 0), reach_cols), reach_cols)
    if n_rows * n_cols > limit:
        raise _too_big(path, n_rows * n_cols, limit)
    area = 0
    for c in cells:
        c.rowspan = min(c.rowspan, n_rows - c.row)
        c.colspan = min(c.colspan, n_cols - c.col)
        area += c.rowspan * c.colspan
    if area > limit:
        raise LimitExceeded(path, f"표의 병합 셀이 겹쳐 너무 넓습니다 (합계 {area:,}칸, 한도 {limit:,}칸)")
    return n_rows, n_cols


def span_area_guard(rows: int, cols: int, settings: Settings, path: Path | None = None) -> None:
    """Refuse a table grid of ``rows`` × ``cols`` over the per-table budget."""
    if rows * cols > settings.max_table_cells:
        raise _too_big(path, rows * cols, settings.max_table_cells)


def _too_big(path: Path | None, n: int, limit: int) -> LimitExceeded:
    return LimitExceeded(path, f"표가 너무 큽니다 ({n:,}칸, 한도 {limit:,}칸)")


class DocBudget:
    """What one document may spend: table cells, lines (paragraphs) and characters."""

    def __init__(self, settings: Settings, path: Path | None = None):
        self.settings = settings
        self.path = path
        self.cells = 0
        self.lines = 0
        self.chars = 0

    def table(self, n_rows: int, n_cols: int) -> None:
        self.cells += n_rows * n_cols
        if self.cells > self.settings.max_doc_cells:
            raise LimitExceeded(self.path, f"문서의 표 칸 수가 한도를 넘습니다 ({self.cells:,}칸 이상, "
                                           f"한도 {self.settings.max_doc_cells:,}칸)")

    def line(self, text: str = "") -> None:
        self.lines += 1
        self.chars += len(text)
        if self.lines > self.settings.max_lines:
            raise too_many_lines(self.path, self.lines, self.settings)
        if self.chars > self.settings.max_doc_chars:
            raise too_many_chars(self.path, self.chars, self.settings)
        if not self.lines & 0x3FF:
            check_deadline()

    def lines_of(self, texts: Iterable[str]) -> None:
        for t in texts:
            self.line(t)


def too_many_lines(path: Path | None, n: int, settings: Settings) -> LimitExceeded:
    return LimitExceeded(path, f"문서의 줄(문단) 수가 한도를 넘습니다 ({n:,}줄 이상, 한도 {settings.max_lines:,}줄)")


def too_many_chars(path: Path | None, n: int, settings: Settings) -> LimitExceeded:
    return LimitExceeded(path, f"문서의 글자 수가 한도를 넘습니다 ({n:,}자 이상, 한도 {settings.max_doc_chars:,}자)")
