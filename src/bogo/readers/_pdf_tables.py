"""PDF stage 4: ruled tables of a page, cell boxes turned into span-aware grids.

The cell finder (:mod:`bogo.readers._pdf_cells`) returns, per table, the bounding
boxes of its cells.  A merged cell is a box that spans several grid lines, so the grid is
rebuilt from the union of all cell edges and each box gets a row/column span.  Text
is assigned to cells by the centre of each character, with a binary search on the
grid lines (no per-cell scan over characters).

Boxes with a single row or a single column are page layout (a framed title bar, a
"참고" box around bullets), not data: they are returned as ``None`` so their text
flows into paragraphs — as is a box whose texts stand one per row (a title bar over a
body of bulleted lines, the other column blank: a picture area), see ``_text_frame``.  A grid that is mostly blank or has very many columns is a
box diagram (an org chart, a flow chart: boxes joined by connectors, whose rules
only meet on a fine grid of their own): it is no table at all, and the text of
each of its boxes (:mod:`._pdf_diagram`) is returned as one block of text
(``RuledTable.boxes``), so that neighbouring boxes are never run together.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from ..blocks import Cell, Table
from ..normalize.markers import split_marker
from ..normalize.text import normalize_text
from ._owpml import _is_approval as is_approval
from ._pdf_cells import join_side_by_side
from ._pdf_diagram import diagram_boxes
from ._pdf_lines import group_lines
from ._pdf_noterefs import drop_note_refs
from ._pdf_spancut import cut_spans
from ._pdf_subrows import split_subrows
from ._pdf_wraps import Wraps

GRID_TOL = 2.0  # points: edges closer than this are one grid line
LAYOUT_MAX_COLS = 30  # more grid columns than this: a diagram, not a data table
LAYOUT_FILL = 0.3  # below this share of the grid area holding text, a table is layout
CLOSING = frozenset(")]},.%'’”」』〉》")  # narrow marks that end a cell's text
FRAME_MIN_BULLETS = 2  # bulleted lines in one cell of a one-text-per-row box: a text frame
BOX_MAX_CHARS = 60  # letters (no spaces) of a labelled box of a strip at most: a label, not running text
INK_EM = 0.25  # × glyph height: a narrow glyph's ink lies this far right of its box's left edge


@dataclass(slots=True)
class RuledTable:
    """A ruled table found on a page, before line numbers are assigned."""

    bbox: tuple[float, float, float, float]
    table: Table | None          # None: a layout box, its text stays in paragraphs
    cols: tuple[float, ...] = ()  # column edges, to join a table continued on the next page
    boxes: list[list[dict]] | None = None   # a diagram: the characters of each text box


def ink_x(ch: dict) -> float:
    """Where a character's glyph is, across: the centre of its box; for a closing
    mark (")", ",", "%") at most a quarter em from its left edge.  PDFium's loose
    box of such a narrow glyph is a full em wide from where the glyph starts, so
    at the end of a cell's text its centre can lie beyond the rule that ends the
    cell (an opening mark, or a glyph of vertical text, is left at its centre)."""
    mid = (ch["x0"] + ch["x1"]) / 2
    if ch["text"] not in CLOSING:
        return mid
    return min(mid, ch["x0"] + INK_EM * (ch["bottom"] - ch["top"]))


def _grid_lines(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > GRID_TOL:
            out.append(v)
    return out


def _index(lines: list[float], v: float) -> int:
    """Index of the grid line nearest to ``v`` (``v`` is one of the merged edges)."""
    i = bisect_right(lines, v + GRID_TOL) - 1
    return max(i, 0)


def build_tables(found, chars: list[dict], line_text, wraps: Wraps | None = None
                 ) -> tuple[list[RuledTable], list[dict]]:
    """Turn ``found`` (from :func:`bogo.readers._pdf_cells.find_tables`) into tables;
    return them with the characters that lie outside every real (non-layout) table.
    A character inside nested boxes (a table in a frame) goes to the innermost.
    ``line_text`` turns a cell's characters into its visual lines of text; with
    ``wraps`` (:mod:`._pdf_wraps`) a cell's lines are joined at its wraps as its
    words show, else with a space."""
    if not found:
        return [], chars
    found = join_side_by_side(found, chars)
    order = sorted(range(len(found)), key=lambda k: _area(found[k][0]))
    boxes = [(k, found[k][0]) for k in order]
    per_table: list[list[dict]] = [[] for _ in found]
    rest: list[dict] = []
    for ch in chars:
        cx = ink_x(ch) if ch["text"] in CLOSING else (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        for k, (x0, top, x1, bottom) in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                per_table[k].append(ch)
                break
        else:
            rest.append(ch)
    built: dict[int, Table | list[list[dict]] | None] = {}
    diagrams: list[tuple[float, float, float, float]] = []
    for k in reversed(order):          # largest first: a diagram is known before the boxes inside it
        bbox, cells = found[k]
        built[k] = _build(cells, per_table[k], line_text, any(_inside(bbox, d) for d in diagrams), wraps)
        if isinstance(built[k], list):
            diagrams.append(bbox)
    out = []
    for k, ((bbox, cells), tchars) in enumerate(zip(found, per_table, strict=True)):
        cols = tuple(_grid_lines([b[0] for b in cells] + [b[2] for b in cells]))
        got = built[k]
        if isinstance(got, list):
            out.append(RuledTable(bbox=bbox, table=None, cols=cols, boxes=got))
            continue
        out.append(RuledTable(bbox=bbox, table=got, cols=cols))
        if got is None:
            rest.extend(tchars)
    return out, rest


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (outer[0] - GRID_TOL <= inner[0] and inner[2] <= outer[2] + GRID_TOL
            and outer[1] - GRID_TOL <= inner[1] and inner[3] <= outer[3] + GRID_TOL)


def same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two tables share their column edges (one table across a page break)."""
    return len(a) == len(b) > 2 and all(abs(x - y) <= 2 * GRID_TOL for x, y in zip(a, b, strict=True))


def _area(b: tuple[float, float, float, float]) -> float:
    return (b[2] - b[0]) * (b[3] - b[1])


def _build(cell_boxes: list[tuple], chars: list[dict], line_text,
           in_diagram: bool = False, wraps: Wraps | None = None) -> Table | list[list[dict]] | None:
    """A table; ``None`` for a layout frame; for a diagram the characters of its
    text boxes, top to bottom and left to right (``in_diagram``: the box lies inside
    a diagram, where a stack of boxes is part of it)."""
    xs = _grid_lines([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = _grid_lines([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_rows < 2 or n_cols < 1:
        return None
    anchors, owner = _claim(cell_boxes, xs, ys)
    texts: list[list[dict]] = [[] for _ in anchors]
    for ch in chars:
        cx = ink_x(ch) if ch["text"] in CLOSING else (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        c = min(max(bisect_right(xs, cx) - 1, 0), n_cols - 1)
        r = min(max(bisect_right(ys, cy) - 1, 0), n_rows - 1)
        texts[owner[(r, c)]].append(ch)
    if n_cols < 2:
        return _box_stack(anchors, texts, line_text) if in_diagram else None
    filled = sum(rs * cs for (_r, _c, rs, cs), t in zip(anchors, texts, strict=True)
                 if any(ch["text"].strip() for ch in t))
    if filled < LAYOUT_FILL * n_rows * n_cols or n_cols > LAYOUT_MAX_COLS:
        # a box diagram: most of its grid blank, or boxes placed on a very fine grid
        boxes = diagram_boxes(texts)
        if len(boxes) > 1:
            return boxes
    anchors, texts, cut = cut_spans(anchors, texts, ys)
    anchors, texts, n_rows, aligned = split_subrows(anchors, texts, n_rows, ys)
    aligned = aligned or cut
    cells = []
    lines_of: list[list[str]] = []
    deferred: list[tuple[Cell, list[tuple[str, str]]]] = []
    for (r, c, rs, cs), tchars in zip(anchors, texts, strict=True):
        undecided: list[tuple[str, str]] = []
        if wraps is not None and tchars:
            visual = [replace(ln, text=ln.text.replace("\t", " ")) if "\t" in ln.text else ln
                      for ln in group_lines(drop_note_refs(tchars))]
            lines = [ln.text for ln in visual]
            raw, undecided = wraps.join(visual, xs[min(c + cs, n_cols)], cell=True) if visual else ("", [])
        else:
            lines = line_text(drop_note_refs(tchars), cell=True) if tchars else []
            raw = " ".join(lines)
        text = normalize_text(raw)
        cell = Cell(text=text, raw=raw, row=r, col=c, rowspan=rs, colspan=cs)
        cells.append(cell)
        lines_of.append(lines)
        if undecided:
            deferred.append((cell, undecided))
    if sum(1 for c in cells if c.text) <= 1:
        return None                     # a frame around one text (a title bar): layout
    if _text_frame(cells, lines_of):
        return None
    cells.sort(key=lambda c: (c.row, c.col))
    for cell, undecided in deferred:
        assert wraps is not None
        wraps.defer(cell, ("text", "raw"), undecided)
    # a form or a frame whose rows are mostly blank: layout, kept out of the checks
    rows_with_text = {r for c in cells if c.text for r in range(c.row, c.row + c.rowspan)}
    layout = 3 * (n_rows - len(rows_with_text)) >= n_rows
    table = Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=0, end_line=0, layout=layout,
                  origin="aligned" if aligned else "ruled")
    table.form = "approval" if is_approval(table) else ""     # 결재란, as the HWP/HWPX readers mark it
    return table


def _box_stack(anchors: list[list[int]], texts: list[list[dict]], line_text) -> list[list[dict]] | None:
    """A ruled stack (one column of cells) inside a diagram is a column of the diagram's
    boxes (the tiers of a policy tree under one strategy): the characters of each of its
    cells as a text box of its own, so that a box's text is never run together with the
    boxes beside it; None (the text flows into paragraphs) when a cell frames running
    text — a box of bulleted lines, a long sentence — or fewer than two cells hold text.
    A stack outside a diagram is left to the paragraphs: beside other stacks it may be a
    column of a table drawn as boxes (추진과제 | As-Is | To-Be), whose rows the text
    recogniser lines up; a heading's number box stacked over another is read with its
    title beside it."""
    order = sorted(range(len(anchors)), key=lambda k: (anchors[k][0], anchors[k][1]))
    boxes = [texts[k] for k in order if any(ch["text"].strip() for ch in texts[k])]
    if len(boxes) < 2:
        return None
    for chars in boxes:
        lines = line_text(chars, cell=True)
        if len("".join(lines).replace(" ", "")) > BOX_MAX_CHARS:
            return None
        if sum(1 for ln in lines if split_marker(normalize_text(ln))[0]) >= FRAME_MIN_BULLETS:
            return None
    return boxes


def _text_frame(cells: list[Cell], lines_of: list[list[str]]) -> bool:
    """A ruled box that frames text, not data: its filled cells are stacked one per
    row (a title bar over a body, the other columns blank — a picture area or a
    margin) and a cell holds several bulleted lines ("ㅇ (사업내용) …", "ㅇ (추진계획) …").
    No cell of such a box stands beside another, so it holds no relation a table check
    could test; read as paragraphs, its bullets and plans are found as in the text."""
    per_row: dict[int, int] = {}
    for c in cells:
        if c.text:
            for r in range(c.row, c.row + c.rowspan):
                per_row[r] = per_row.get(r, 0) + 1
    if any(n > 1 for n in per_row.values()):
        return False
    return any(sum(1 for ln in lines if split_marker(normalize_text(ln))[0]) >= FRAME_MIN_BULLETS
               for lines in lines_of)


def _anchor_rect(free: set, ar: int, ac: int, r1: int, c1: int) -> tuple[int, int, int, int]:
    """The rectangle from (ar, ac) inside ``free``, widest first: an L-shaped label
    region (a label over an indented blank column) keeps the label on its row, as
    Hancom draws it (a label cell spanning the columns, a blank cell under it)."""
    cs = 1
    while ac + cs < c1 and (ar, ac + cs) in free:
        cs += 1
    rs = 1
    while ar + rs < r1 and all((ar + rs, ac + j) in free for j in range(cs)):
        rs += 1
    return ar, ac, rs, cs


def _claim(cell_boxes: list[tuple], xs: list[float], ys: list[float]):
    """Anchors ``[row, col, rowspan, colspan]`` and the owner of every grid position.

    Boxes claim their grid positions smallest first, so a box drawn around smaller
    ones (an L-shaped label region, a frame) keeps only what they leave: its anchor
    is a top-left rectangle of it (:func:`_anchor_rect`), the rest become empty cells whose text
    still goes to the anchor."""
    owner: dict[tuple[int, int], int] = {}
    anchors: list[list[int]] = []
    for b in sorted(cell_boxes, key=lambda b: ((b[2] - b[0]) * (b[3] - b[1]), b[1], b[0])):
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        free = [(r, c) for r in range(r0, r1) for c in range(c0, c1) if (r, c) not in owner]
        if not free:
            continue
        k = len(anchors)
        ar, ac = free[0]
        ar, ac, rs, cs = _anchor_rect(set(free), ar, ac, r1, c1)
        anchors.append([ar, ac, rs, cs])
        inside = {(ar + i, ac + j) for i in range(rs) for j in range(cs)}
        for pos in free:
            owner[pos] = k
            if pos not in inside:
                anchors.append([pos[0], pos[1], 1, 1])   # a leftover: empty, text to k
    # grid positions no box covers (ragged outlines) get empty cells
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if (r, c) not in owner:
                owner[(r, c)] = len(anchors)
                anchors.append([r, c, 1, 1])
    return anchors, owner
