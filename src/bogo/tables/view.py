"""The one table view: labels, column paths, total rows and columns, cell values.

:func:`build_view` turns a contract table (:class:`~bogo.model.TableRec`) into a
:class:`TableView` through a chain of named stages, each a small pure function
whose output is kept (``view.trace``) so that ``bogo parse --debug tables`` can
show how a table was understood:

``header`` (header rows with merged labels filled, or the first body row when
it holds no number) →
``paths`` (every column's header labels top to bottom, merged labels said once)
→ ``label_columns`` (the leading columns that name rows) → ``cells`` (each body
cell parsed once, :mod:`bogo.tables.cells`) → ``row_labels`` → ``totals`` (rows
and columns labelled 계/합계/소계) → ``evidence`` (notes and units that say the
figures are rounded or counted otherwise) → ``rounding`` (what the table's own
sums show, :mod:`bogo.tables.rounding`).

The stages are chained by :mod:`bogo.tables.build`, which also caches the
view on the report (:func:`~bogo.tables.build.view_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import TableRec
from ..normalize.labels import label_head, norm_label, total_kind
from ..normalize.measures import coarse_money_in, measure_of
from ..normalize.numbers import parse_jo_amount
from ..settings import TableSettings
from ..structure.headers import fill_header
from .cells import CellValue, parse_cell

_COUNT_EXCLUDED = re.compile(r"(사업수|건수|개수|사업\s*수).{0,30}제외")
_ROUNDING_NOTE = re.compile(r"반올림|단수|절사|사사오입")
_BLANK = parse_cell("")
#: "(77,225,918)": an amount only in parentheses — a negative in accounting notation,
#: or a count whose main figure is missing; either way its value is uncertain
_BARE_PAREN = re.compile(r"^\(\s*[△▲\-]?\d[\d,]*(?:\.\d+)?\s*\)$")
_YEAR_LABEL = re.compile(r"^(?:19|20)\d\d(?:년도?)?(?:[.\s]*\d{1,2}(?:월(?:말)?)?\.?)?$")


def table_name(t: TableRec) -> str:
    """How a message names a table: its id and caption, "t3(총괄표)"."""
    cap = (t.caption or "").strip()
    return f"{t.id}({cap})" if cap else t.id


@dataclass
class TableView:
    """A table as extraction and checks see it (body rows only in ``cells``)."""

    table: TableRec
    settings: TableSettings = field(default_factory=TableSettings)
    ncols: int = 0
    header: list[list[str]] = field(default_factory=list)
    body: list[list[str]] = field(default_factory=list)
    header_offset: int = 0
    paths: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    raw_labels: list[str] = field(default_factory=list)
    label_cols: int = 0
    cells: list[list[CellValue]] = field(default_factory=list)
    #: every row of ``table.rows`` parsed (``cells`` without the promoted header row)
    all_cells: list[list[CellValue]] = field(default_factory=list)
    row_labels: list[list[str]] = field(default_factory=list)
    row_kind: list[str | None] = field(default_factory=list)
    col_kind: list[str | None] = field(default_factory=list)
    body_lines: list[int] = field(default_factory=list)
    #: sums may be off by ½ unit per part (set by :mod:`bogo.tables.rounding`)
    rounding: bool = False
    #: differences (증감, 잔액) may be off by one unit (idem)
    rounding_diff: bool = False
    #: a ※ note says the figures are rounded (반올림, 단수조정, 사사오입, 절사)
    rounding_note: bool = False
    #: amounts in 억원/조원 (unit or caption headline): rounded from won, as ratio operands
    coarse_unit: bool = False
    #: the table's own unit is 억원/조원: its figures are rounded from finer data
    own_unit_coarse: bool = False
    counts_excluded: bool = False
    #: the header comes from the source's spans or is one row: its paths are certain
    strict_header: bool = False
    #: cells of short rows could not be placed in their column with certainty
    misaligned: bool = False
    #: the reader placed cells by making the totals add up: those sums prove nothing
    placed_by_totals: bool = False
    #: why the values may be misread although the grid is sure ("bare-parens": an
    #: amount printed only in parentheses, the accounting form of a negative), or None
    uncertain: str | None = None
    #: derived structure (total groups, part columns) computed once per view
    memo: dict[str, object] = field(default_factory=dict, repr=False)
    #: each stage's name and a one-line account of its output
    trace: list[tuple[str, str]] = field(default_factory=list, repr=False)

    def row_name(self, r: int) -> str:
        parts = [x for x in self.row_labels[r] if x]
        return " ".join(dict.fromkeys(parts)) or f"{r + 1}행"

    def col_name(self, c: int) -> str:
        return self.labels[c] or f"{c + 1}열"

    def body_index(self, r: int) -> int:
        """Index in ``table.rows`` of view row ``r``."""
        return r + self.header_offset

    def value(self, r: int, c: int) -> CellValue:
        """The parsed cell at row ``r`` of ``table.rows`` and column ``c``."""
        row = self.all_cells[r] if 0 <= r < len(self.all_cells) else []
        return row[c] if 0 <= c < len(row) else _BLANK

    def data_rows(self) -> list[int]:
        rows = self.memo.get("data_rows")
        if rows is None:
            rows = self.memo["data_rows"] = [
                r for r in range(len(self.cells))
                if any(self.cells[r][c].numeric for c in range(self.label_cols, self.ncols))]
        return rows  # type: ignore[return-value]

    def row_line(self, r: int) -> int:
        """Best guess of the source line of body row ``r``."""
        if r < len(self.body_lines):
            return self.body_lines[r]
        t = self.table
        n = len(t.header) + len(t.rows)
        if t.end_line and t.end_line - t.line + 1 == n:
            return t.line + len(t.header) + self.header_offset + r
        return t.line

    def at(self, r: int, c: int | None = None) -> dict[str, Any]:
        """The location fields of a finding on row ``r`` (and column ``c``)."""
        out: dict[str, Any] = dict(line=self.row_line(r), table=self.table.id, row=self.row_name(r),
                                   row_index=self.body_index(r), table_label=table_name(self.table))
        if c is not None:
            out.update(col=self.col_name(c), col_index=c)
        return out


# ---------------------------------------------------------------- the stages

def stage_header(v: TableView) -> str:
    t = v.table
    header = [list(r) for r in t.header]
    body = [list(r) for r in t.rows]
    if not header and body and not any(parse_cell(x).numeric for x in body[0]):
        header, body, v.header_offset = [body[0]], body[1:], 1
    v.ncols = max([len(r) for r in header + body] or [0])
    v.header = fill_header(header, t.spans, v.ncols) if header else []
    v.body = body
    v.strict_header = bool(t.spans) or len(header) == 1
    return f"{len(v.header)} header rows, {len(body)} body rows, {v.ncols} columns" + (
        " (first body row taken as header)" if v.header_offset else "")


def stage_paths(v: TableView) -> str:
    v.paths = [[norm_label(h[j]) for h in v.header] for j in range(v.ncols)]
    v.labels = [" ".join(dict.fromkeys(p for p in path if p)) for path in v.paths]
    v.raw_labels = [" ".join(dict.fromkeys(h[j].strip() for h in v.header if h[j].strip()))
                    for j in range(v.ncols)]
    return " | ".join(v.labels)


def stage_cells(v: TableView) -> str:
    unit = v.table.unit
    v.all_cells = [[parse_cell(r[j] if j < len(r) else "", unit) for j in range(v.ncols)] for r in v.table.rows]
    v.cells = v.all_cells[v.header_offset:]
    n = sum(x.numeric for row in v.cells for x in row)
    return f"{n} numeric cells of {len(v.cells) * v.ncols}"


def _year_labels(col: list[CellValue]) -> bool:
    """A column of years ("2020.3월", "2019", "2018") labels its rows, it is not data."""
    return len(col) >= 2 and all(_YEAR_LABEL.match(x.text) for x in col)


def _data_column(col: list[CellValue], share: float) -> bool:
    """Whether a column holds figures: at least ``share`` of its filled cells are
    numbers or 조/억 amounts, and they are not a column of years.  A "-" (nothing
    to report) is a blank of a data column: a column of blanks and "-" is one."""
    filled = [x for x in col if x.text and not x.c.empty]
    if not filled:
        return any(x.text for x in col)
    if _year_labels(filled):
        return False
    figures = sum(1 for x in filled if x.numeric or parse_jo_amount(x.text, "원"))
    return figures >= share * len(filled)


def stage_label_columns(v: TableView) -> str:
    """The leading columns that name rows: up to the first column of figures (the
    last column is never one).  A first column under a label word (구분, 항목, 사업 …)
    names rows whatever it holds."""
    share = v.settings.label_numeric_share
    first = v.table.header[0][0] if v.table.header and v.table.header[0] else ""
    v.label_cols = 0
    for j in range(v.ncols - 1):
        if _data_column([row[j] for row in v.cells], share) and not (j == 0 and label_head(first)):
            break
        v.label_cols = j + 1
    return f"{v.label_cols} label columns"


def stage_row_labels(v: TableView) -> str:
    prev: list[str] = [""] * v.label_cols
    v.row_labels = []
    for row in v.body:
        lab = [norm_label(row[j]) if j < len(row) else "" for j in range(v.label_cols)]
        if v.label_cols >= 2 and not lab[0] and any(lab[1:]):
            lab[0] = prev[0]  # an outer label printed once continues downwards
        v.row_labels.append(lab)
        prev = lab
    lines = v.table.row_lines
    if lines and len(lines) == len(v.table.rows) and all(lines):
        v.body_lines = lines[v.header_offset:]
    return f"{len(v.row_labels)} row labels"


def _row_total(labels: list[str]) -> str | None:
    for i, lab in enumerate(labels):
        k = total_kind(lab)
        if k:
            return "grand" if (k == "grand" and i == 0) else "sub"
    return None


def _col_total(path: list[str]) -> str | None:
    return next((k for k in map(total_kind, path) if k), None)


def stage_totals(v: TableView) -> str:
    v.col_kind = [_col_total(p) for p in v.paths]
    v.row_kind = [_row_total(lab) for lab in v.row_labels]
    rows = [v.row_name(r) for r, k in enumerate(v.row_kind) if k]
    cols = [v.col_name(c) for c, k in enumerate(v.col_kind) if k]
    return f"total rows {rows or '-'}; total columns {cols or '-'}"


def stage_evidence(v: TableView) -> str:
    t = v.table
    notes = " ".join(t.notes)
    m = measure_of(t.unit)
    v.rounding_note = bool(_ROUNDING_NOTE.search(notes))
    # the unit, or a 억원/조원 headline in the caption ("일반회계 : 총 5,556억원"): the
    # amounts are rounded from won (a ratio of two of them is approximate)
    v.coarse_unit = coarse_money_in((t.unit or "") + " " + (t.caption or "")) or v.rounding_note
    v.own_unit_coarse = bool(m and m.coarse and (t.unit or "").strip().startswith(m.name))
    v.counts_excluded = bool(_COUNT_EXCLUDED.search(notes))
    # a bare "/" (an empty 정원/현원 pair) comes from space-separated layouts whose
    # cells cannot be placed in their column with certainty
    v.misaligned = any(x.strip() == "/" for r in v.body for x in r)
    # the columns of short rows' cells were set by the totals, or guessed: their sums prove nothing
    v.placed_by_totals = t.placement in ("totals", "inferred")
    if t.placement == "inferred":
        v.uncertain = "placement"  # where short rows' cells stand is the reader's guess
    elif any(_BARE_PAREN.match(x) for r in v.body for x in r[v.label_cols:] if x):
        v.uncertain = "bare-parens"
    flags = [n for n in ("rounding_note", "coarse_unit", "own_unit_coarse", "counts_excluded", "misaligned",
                         "placed_by_totals", "uncertain") if getattr(v, n)]
    return "unit " + (f"{m.name} ({m.kind})" if m else "-") + (f"; {', '.join(flags)}" if flags else "")
