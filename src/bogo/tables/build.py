"""The chain of stages that builds a table view, and the per-report cache.

:func:`build_view` runs :data:`STAGES` in order on a contract table; each stage
is a small function of :mod:`bogo.tables.view` (or the part groups and rounding
evidence here) that fills part of the view and returns a one-line account,
kept in ``view.trace`` for ``bogo parse --debug tables``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report, TableRec
from ..settings import SETTINGS, TableSettings
from .diffs import diff_columns
from .groups import col_groups, row_groups
from .rounding import analyse
from .view import (
    TableView,
    stage_cells,
    stage_evidence,
    stage_header,
    stage_label_columns,
    stage_paths,
    stage_row_labels,
    stage_totals,
)


def stage_groups(v: TableView) -> str:
    rows = [f"{v.row_name(t)}←{len(p)}" for t, p in row_groups(v)]
    cols = [f"{v.col_name(t)}←{len(p)}" for t, p in col_groups(v)]
    diffs = [f"{v.col_name(d)}={v.col_name(a)}−{v.col_name(b)}" for d, a, b in diff_columns(v)]
    return f"row totals {rows or '-'}; column totals {cols or '-'}; differences {diffs or '-'}"


def stage_rounding(v: TableView) -> str:
    v.rounding, v.rounding_diff = analyse(v)
    return f"sums rounded: {v.rounding}; differences rounded: {v.rounding_diff}"


STAGES: tuple[tuple[str, Callable[[TableView], str]], ...] = (
    ("header", stage_header), ("paths", stage_paths), ("cells", stage_cells),
    ("label_columns", stage_label_columns), ("row_labels", stage_row_labels), ("totals", stage_totals),
    ("evidence", stage_evidence), ("groups", stage_groups), ("rounding", stage_rounding),
)


def build_view(table: TableRec, settings: TableSettings | None = None) -> TableView:
    """Run every stage on ``table``; the view keeps each stage's account."""
    v = TableView(table=table, settings=settings or SETTINGS.tables)
    for name, stage in STAGES:
        v.trace.append((name, stage(v)))
    return v


def view_of(report: Report, table: TableRec, settings: TableSettings | None = None) -> TableView:
    """The view of ``table``, built once and cached on ``report``.  Records are
    treated as read-only once viewed: after editing a table in place, call
    ``report.clear_derived()``.  A view built with other ``settings`` is rebuilt."""
    settings = settings or SETTINGS.tables
    views = report.derived("table_views", dict)
    v = views.get(table.id)
    if v is None or v.table is not table or v.settings != settings:
        v = views[table.id] = build_view(table, settings)
    return v
