"""HTML fragments inside text exports and HTML files: tables and cell text.

Text exports of Hancom documents carry raw HTML (``<table>``, ``<p>``,
``<ul><li>``, ``<input type="checkbox">``).  ``html_tables`` turns a fragment
into :class:`~bogo.blocks.Table` blocks with row/column spans (nested tables
become tables of their own, after their parent); ``html_to_text`` flattens a
cell's HTML to one line of text.  Parsing uses lxml's HTML parser, which never
resolves entities from outside or touches the network.
"""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree, html

from ..blocks import Cell, Table
from ..normalize.text import normalize_text
from ..settings import SETTINGS, Settings
from ._budget import span, span_area_guard

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
_PAREN = re.compile(r"\([^()]*\)")
_HAS_TAG = re.compile(r"<\s*/?\s*(p|ul|li|br|table|tr|td|th|input|span|div|b|strong|em|i|thead|tbody)\b", re.I)


def has_html(text: str) -> bool:
    return "<" in text and _HAS_TAG.search(text) is not None


def _node_text(node, skip_tables: bool = True) -> str:
    """Text of an element: list items and paragraphs become separate segments;
    a checkbox input becomes "□"; nested tables are skipped (they become tables)."""
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and skip_tables and el is not node:
            if el.tail:
                parts.append(el.tail)
            return
        if tag == "input" and (el.get("type") or "").lower() == "checkbox":
            parts.append(" □ ")
        elif tag in ("br",):
            parts.append(" ")
        elif tag in ("p", "li", "div", "tr") and parts:
            parts.append(" ")
        if el.text and tag not in ("script", "style"):
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in ("p", "li", "div", "td", "th"):
            parts.append(" ")
        if el.tail and el is not node:
            parts.append(el.tail)

    walk(node)
    return "".join(parts)


_CHECKBOX = re.compile(r"<input\b[^>]*type\s*=\s*[\"']?checkbox[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def html_to_text(fragment: str) -> str:
    """Flatten an HTML fragment (a table cell of a text export) to plain text."""
    if not has_html(fragment):
        return fragment
    if "<table" not in fragment.lower():
        # no nested table: tags become spaces, a checkbox becomes "□"
        text = _SCRIPT.sub(" ", fragment)
        text = _CHECKBOX.sub(" □ ", text)
        return html_lib.unescape(_TAG.sub(" ", text))
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _TAG.sub(" ", fragment)
    return _node_text(root)


def html_tables(fragment: str, line: int, end_line: int | None = None, max_depth: int = 32,
                settings: Settings = SETTINGS) -> list[Table]:
    """Every ``<table>`` in ``fragment`` as a Table, nested ones after their parent.

    Spans are clamped (to the rows that exist, to ``settings.max_span`` columns) and
    the area they cover is charged against ``settings.max_table_cells`` before the
    grid is filled: a few bytes of ``rowspan="1000" colspan="1000"`` cost nothing.
    """
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    out: list[Table] = []
    for t in root.iter("table"):
        depth = sum(1 for _ in t.iterancestors("table"))
        if depth >= max_depth:
            continue
        tb = _table(t, line, end_line if end_line is not None else line, settings)
        if tb is not None:
            out.extend(split_side_by_side(tb))
    return out


def _rows(table_el) -> list:
    rows = []
    for el in table_el.iter("tr"):
        # only rows of this table, not of a nested one
        owner = next(el.iterancestors("table"), None)
        if owner is table_el:
            rows.append(el)
    return rows


def _table(table_el, line: int, end_line: int, settings: Settings = SETTINGS) -> Table | None:
    trs = _rows(table_el)
    if not trs:
        return None
    occupied: dict[tuple[int, int], bool] = {}
    cells: list[Cell] = []
    header_rows = 0
    n_cols = 0
    area = 0
    all_th_prefix = True
    for r, tr in enumerate(trs):
        c = 0
        tds = [td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
        in_thead = any(a.tag == "thead" for a in tr.iterancestors())
        is_header = in_thead or (tds and all(td.tag == "th" for td in tds))
        if is_header and all_th_prefix:
            header_rows = r + 1
        else:
            all_th_prefix = False
        for td in tds:
            while occupied.get((r, c)):
                c += 1
            rs = min(span(td.get("rowspan"), settings.max_span), len(trs) - r)
            cs = span(td.get("colspan"), settings.max_span)
            area += rs * cs
            span_area_guard(1, area, settings)
            raw = _WS.sub(" ", _node_text(td)).strip()  # HTML whitespace: tabs, newlines = a space
            cells.append(Cell(text=normalize_text(raw), raw=raw, row=r, col=c, rowspan=rs, colspan=cs, line=line))
            for i in range(r, r + rs):
                for k in range(c, c + cs):
                    occupied[(i, k)] = True
            c += cs
            n_cols = max(n_cols, c)
    n_rows = max([len(trs)] + [i + 1 for (i, _k) in occupied])
    span_area_guard(n_rows, n_cols, settings)
    # fill holes so that every grid position is covered
    covered = {(i, k) for (i, k) in occupied}
    for i in range(n_rows):
        for k in range(n_cols):
            if (i, k) not in covered:
                cells.append(Cell(text="", raw="", row=i, col=k, line=line))
    cells.sort(key=lambda x: (x.row, x.col))
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=line, end_line=end_line,
                 header_rows=header_rows or None)


def split_side_by_side(t: Table) -> list[Table]:
    """Two ledgers set side by side in one table ("수입의 부 | 지출의 부", each over
    the same sub-headers 계정과목 | 예산액 | 결산액 | 증감) as one table each.
    Sub-headers are compared without their bracketed tags ("예산액(A)" = "예산액(C)").

    Recognised only when the first header row is two or more cells of equal
    width covering every column, the header rows below them repeat the same
    labels in every group, and no cell spans across a group boundary; the group
    label stays the first header row of its table.  Rows left empty in a group
    (the shorter ledger) are dropped."""
    hr = t.header_rows or 0
    top = sorted((c for c in t.cells if c.row == 0), key=lambda c: c.col)
    if hr < 2 or len(top) < 2 or any(c.rowspan != 1 for c in top):
        return [t]
    width = top[0].colspan
    if width < 2 or any(c.colspan != width for c in top) or width * len(top) != t.n_cols:
        return [t]
    if any(c.col // width != (c.col + c.colspan - 1) // width for c in t.cells):
        return [t]
    head = t.grid(fill_spans=True)[1:hr]
    labels = [[tuple(_PAREN.sub("", _WS.sub("", x)) for x in row[g * width:(g + 1) * width]) for row in head]
              for g in range(len(top))]
    if any(lab != labels[0] for lab in labels[1:]) or not all(x for row in labels[0] for x in row):
        return [t]
    return [_group_table(t, g, width, hr) for g in range(len(top))]


def _group_table(t: Table, g: int, width: int, hr: int) -> Table:
    lo = g * width
    mine = [c for c in t.cells if lo <= c.col < lo + width]
    filled = {c.row for c in mine if c.text}
    keep = [r for r in range(t.n_rows) if r < hr or r in filled]
    new_row = {r: i for i, r in enumerate(keep)}
    cells = []
    for c in mine:
        if c.row not in new_row:
            continue
        span = sum(1 for r in range(c.row, c.row + c.rowspan) if r in new_row)
        cells.append(Cell(text=c.text, raw=c.raw, row=new_row[c.row], col=c.col - lo, rowspan=max(1, span),
                          colspan=c.colspan, line=c.line))
    return Table(cells=cells, n_rows=len(keep), n_cols=width, line=t.line, end_line=t.end_line,
                 header_rows=hr, caption=t.caption)
