"""What a check sees: the report, its table views, its prose lines.

:class:`Context` wraps one :class:`~bogo.model.Report` for the duration of a run.
Table views (:mod:`bogo.tables`) are built once per table and cached on the
report; prose checks (X2, D3, W4) read the report's ``paragraphs`` — part of the
contract, so a report loaded from a saved ``bogo parse --json`` is checked
against exactly the text of the original file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from ..model import Report, TableRec
from ..settings import SETTINGS, Settings
from ..tables import TableView, view_of
from .textwords import part_starts, parts_matching


class Line(NamedTuple):
    """One paragraph of prose: its 1-based source line, bullet marker and text
    (a named tuple: immutable, and made twice as fast as a frozen dataclass)."""

    no: int
    text: str
    marker: str = ""
    indent: int = 0


def document_lines(report: Report) -> list[Line]:
    """The report's paragraphs (not table cells) as :class:`Line` objects, by line."""
    return sorted([Line(p.line, p.text, p.marker, p.indent) for p in report.paragraphs], key=_LINE_NO)


_LINE_NO = itemgetter(0)


@dataclass
class Context:
    report: Report
    lines: list[Line] | None = None
    #: the run's settings: ``settings.tables`` for the views, ``settings.checks`` for the checks
    settings: Settings = SETTINGS
    _memo: dict[str, object] = field(default_factory=dict)
    _line_nos: list[int] = field(default_factory=list)
    #: id(table) → (table, its view), for this run
    _views: dict[int, tuple[TableRec, TableView]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lines is None:
            self.lines = document_lines(self.report)
        self._line_nos = [x.no for x in self.lines]

    def memo(self, key: str, make):
        """A value shared by the checks of one run (computed on first use)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def grid(self, table: TableRec) -> TableView:
        """The table's view (built once per report, :func:`~bogo.tables.view_of`;
        kept here too for the run, as asking the report costs more than a check of
        a small table)."""
        got = self._views.get(id(table))
        if got is not None and got[0] is table:
            return got[1]
        v = view_of(self.report, table, self.settings.tables)
        self._views[id(table)] = (table, v)
        return v

    view = grid

    @property
    def year(self) -> int | None:
        """The year of the report's own date, never a year from its title: "2021년
        예산안" in a press release of 2020 names the budget's year, and reading
        weekdays against it would raise false D301 errors (extraction may use the
        title year to date plans: ``structure.Layout.year_month``)."""
        d = self.report.meta.date or ""
        return int(d[:4]) if d[:4].isdigit() else None

    @property
    def month(self) -> int | None:
        d = self.report.meta.date or ""
        return int(d[5:7]) if len(d) >= 7 and d[5:7].isdigit() else None

    def prose(self) -> str:
        """The prose lines joined by newlines (computed once per run)."""
        return self.memo("prose_text", lambda: "\n".join(ln.text for ln in self.lines or []))

    def lines_matching(self, pattern: re.Pattern) -> list[int]:
        """The indices in ``lines`` of the lines in which ``pattern`` matches, in
        order, by searches of the joined prose (:meth:`prose`): one per such line.
        A match that spans a newline gives its first line too, so the caller reads
        each line given with the pattern again, as before, and may skip the others."""
        starts = self.memo("prose_starts", lambda: part_starts([ln.text for ln in self.lines or []]))
        return parts_matching(self.prose(), starts, pattern)

    def lines_before(self, line: int, n: int = 4) -> list[Line]:
        """The last ``n`` prose lines before source line ``line`` (binary search)."""
        assert self.lines is not None
        k = bisect_left(self._line_nos, line)
        return self.lines[max(0, k - n):k]
