"""What a check sees: the report, its tables as numeric grids, its prose lines.

:class:`Context` wraps one :class:`~bogo.model.Report` for the duration of a run.
Table grids (:mod:`bogo.checks.grid`) are built once per table and shared by all
table checks.  Prose checks (X2, D3, W4) need the document's paragraphs: ``bogo.parse`` keeps
them on the report (a private attribute, outside the JSON contract); for a report
loaded from JSON, :func:`document_lines` re-reads the source through the readers
(cached by sha256) — or a caller (tests, the web app) passes them in.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Report, TableRec
from .grid import Grid, build_grid

_LINES_CACHE: OrderedDict[str, list[Line]] = OrderedDict()
_LINES_CACHE_SIZE = 64


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of prose: its 1-based source line, bullet marker and text."""

    no: int
    text: str
    marker: str = ""
    indent: int = 0


def document_lines(report: Report) -> list[Line]:
    """The report's paragraphs (not table cells) as :class:`Line` objects."""
    if report._paragraphs is not None:
        return [Line(no, text, marker, indent) for no, marker, text, indent in report._paragraphs]
    key = report.source.sha256
    if key in _LINES_CACHE:
        _LINES_CACHE.move_to_end(key)
        return _LINES_CACHE[key]
    lines: list[Line] = []
    p = Path(report.source.path)
    if p.is_file():
        try:
            from .. import readers
            doc = readers.read(p)
            lines = [Line(b.line, b.text, b.marker, b.indent) for b in doc.blocks
                     if b.kind == "paragraph"]
        except Exception:  # a check must never fail on an unreadable source
            lines = []
    if not lines:
        lines = _lines_from_model(report)
    _LINES_CACHE[key] = lines
    if len(_LINES_CACHE) > _LINES_CACHE_SIZE:
        _LINES_CACHE.popitem(last=False)
    return lines


def remember_lines(report: Report, lines: list[Line]) -> None:
    """Use ``lines`` as the report's prose (for callers that hold them already)."""
    _LINES_CACHE[report.source.sha256] = list(lines)
    if len(_LINES_CACHE) > _LINES_CACHE_SIZE:
        _LINES_CACHE.popitem(last=False)


def _lines_from_model(report: Report) -> list[Line]:
    """Fallback when the source cannot be re-read: outline titles and task parts."""
    out: list[Line] = []

    def walk(secs):
        for s in secs:
            out.append(Line(s.line, s.title, s.marker))
            walk(s.children)

    walk(report.outline)
    for t in report.tasks:
        for part in t.parts.values():
            out.extend(Line(t.line, x) for x in part)
    return sorted(out, key=lambda x: x.no)


@dataclass
class Context:
    report: Report
    lines: list[Line] | None = None
    _grids: dict[str, Grid] = field(default_factory=dict)
    _memo: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lines is None:
            self.lines = document_lines(self.report)

    def memo(self, key: str, make):
        """A value shared by the checks of one run (computed on first use)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def grid(self, table: TableRec) -> Grid:
        g = self._grids.get(table.id)
        if g is None:
            g = self._grids[table.id] = build_grid(table)
            rows = table.row_lines
            if rows and len(rows) == len(table.rows) and all(rows):
                g.body_lines = rows[g.header_offset:]
        return g

    @property
    def year(self) -> int | None:
        d = self.report.meta.date or ""
        return int(d[:4]) if d[:4].isdigit() else None

    @property
    def month(self) -> int | None:
        d = self.report.meta.date or ""
        return int(d[5:7]) if len(d) >= 7 and d[5:7].isdigit() else None

    def lines_before(self, line: int, n: int = 4) -> list[Line]:
        """The last ``n`` prose lines before source line ``line``."""
        assert self.lines is not None
        before = [x for x in self.lines if x.no < line]
        return before[-n:]
