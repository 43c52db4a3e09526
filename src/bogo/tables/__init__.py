"""The one table view, shared by extraction, checks and renderers.

A contract table (:class:`~bogo.model.TableRec`) holds strings; its
:class:`TableView` holds what they mean — header paths, label columns, total
rows and columns, part groups, difference columns, rounding evidence and every
body cell's parsed value — built once per table (:func:`view_of` caches it on
the report).  Nothing downstream parses a cell string again.
"""

from __future__ import annotations

from .build import STAGES, build_view, view_of
from .cells import CellValue, parse_cell
from .diffs import diff_columns, diff_rows
from .groups import col_groups, part_columns, row_groups
from .view import TableView, table_name

__all__ = ["STAGES", "CellValue", "TableView", "build_view", "col_groups", "diff_columns", "diff_rows",
           "parse_cell", "part_columns", "row_groups", "table_name", "view_of"]
