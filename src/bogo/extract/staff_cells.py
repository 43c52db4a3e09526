"""Reading staffing tables: the labels, counts and source lines the staffing layouts share.

Helpers of :mod:`bogo.extract.staffing` and :mod:`bogo.extract.staff_columns`:
a table's column labels without inner spaces, the source line of a body cell,
the caption and text just above a table, one count of a cell, and the
(정원, 현원, 여성) of a column from the rows that hold them.
"""

from __future__ import annotations

import re

from ..model import TableRec
from ..normalize.departments import looks_like_unit, normalize_unit
from ..normalize.labels import EMPLOYMENT_TYPES, GRAND_TOTALS, STAFF_CONTEXT_WORDS, SUB_TOTALS
from ..normalize.text import compact
from ..structure import Layout
from ..structure.headers import column_labels as header_labels
from ..tables import CellValue, TableView

TYPE_WORDS = EMPLOYMENT_TYPES
TOTAL_WORDS = GRAND_TOTALS
SUBTOTAL_WORDS = SUB_TOTALS
CONTEXT_WORDS = STAFF_CONTEXT_WORDS
#: the endings of an office that has units under it (국, 실, 본부, 청 …), the head of an org chart
OFFICE_END = re.compile(r"(국|실|본부|청)$")
#: paragraphs that must name it: an office is named again in its report, a fragment of a box is not
OFFICE_MENTIONS = 3
#: blocks looked at above a staffing table for the head of its org chart
OFFICE_LOOKBACK = 16
#: a grade column ("5급", "2급상당", "8급이하", "서기관급")
GRADE = re.compile(r"\d\s*급|급\s*상당|[가-힣]급$")


def column_labels(t: TableRec) -> list[str]:
    """One label per column, spaces inside labels removed ("일반직 5급")."""
    return header_labels(t.header, max([len(r) for r in t.header + t.rows] or [0]), squeeze=True)


def row_line(layout: Layout, i: int, t: TableRec, r: int, col: int = 0) -> int:
    """The source line of body row ``r`` (cell ``col``) of table ``i``."""
    tb = layout.table_blocks[i] if i < len(layout.table_blocks) else None
    if tb is not None:
        cell = tb.cell_at(len(t.header) + r, col)
        if cell is not None and cell.line:
            return cell.line
    return t.line


def context_text(layout: Layout, i: int, t: TableRec) -> str:
    """Caption plus the text of the paragraphs just above the table."""
    from ..blocks import Paragraph, Table
    texts = [t.caption or ""]
    if i >= len(layout.table_index):
        return " ".join(texts)
    k = layout.table_index[i]
    for b in reversed(layout.blocks[max(0, k - 5):k]):
        if isinstance(b, Table):
            break
        if isinstance(b, Paragraph):
            texts.append(b.text)
    return " ".join(texts)


def row_label(row: list[str]) -> str:
    return compact(row[0]) if row else ""


def single_count(cv: CellValue) -> int | float | None:
    """A cell holding one count ("45", "45명"), else None."""
    return cv.value if cv.numeric and not cv.is_pair and cv.c.paren is None and not cv.note else None


def as_int(v: int | float | None) -> int | None:
    return int(v) if v is not None else None


def side_counts(v: TableView, g: dict[str, int], j: int) -> tuple[int | None, int | None, int | None]:
    """(정원, 현원, 여성) of column ``j`` from a group's rows; a 정원/현원 row gives both sides of its pairs."""
    qr, cr, wr = g.get("정원"), g.get("현원"), g.get("여성")
    if qr is not None and qr == cr:
        cv = v.value(qr, j)
        q, c = (cv.quota, cv.current) if cv.is_pair else (None, None)
    else:
        q = as_int(single_count(v.value(qr, j))) if qr is not None else None
        c = as_int(single_count(v.value(cr, j))) if cr is not None else None
    return q, c, as_int(single_count(v.value(wr, j))) if wr is not None else None


def office_above(layout: Layout, i: int) -> str | None:
    """The office heading the org chart above staffing table ``i``: the first line, within a few
    blocks above the table, that is one office name alone ("문화체육국", "상수도사업본부") and that
    the report names again elsewhere."""
    from ..blocks import Paragraph
    if i >= len(layout.table_index):
        return None
    k = layout.table_index[i]
    for b in layout.blocks[max(0, k - OFFICE_LOOKBACK):k]:
        if isinstance(b, Paragraph) and not b.marker:
            name = normalize_unit(b.text)
            if 3 <= len(name) <= 15 and looks_like_unit(name) and OFFICE_END.search(name) \
                    and _mentions(layout, name) >= OFFICE_MENTIONS:
                return name
    return None


def _mentions(layout: Layout, name: str) -> int:
    """How many paragraphs name ``name`` (a piece of a wrapped box is named once, an office often)."""
    from ..blocks import Paragraph
    return sum(name in compact(b.text) for b in layout.blocks if isinstance(b, Paragraph))
