"""PDF stage 3: cell boxes from rulings, grouped into tables.

The chain is ``rulings_to_intersections → intersections_to_cells →
cells_to_tables`` (the method of pdfplumber's table finder, on PDFium's rulings):
a crossing of a horizontal and a vertical rule is a corner; a cell is the
smallest rectangle whose four corners exist and whose sides run along rules; and
cells that share a corner belong to one table.  A cell that spans several grid
lines (a merged cell) is simply a larger rectangle; the table stage gives it its
row and column spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from ._pdf_rulings import Rulings

CROSS_TOL = 3.0       # points: a rule ending this short of another still meets it
MIN_RULE = 3.0        # points: shorter pieces are glyph parts or dots, not rules
MAX_STACK = 3         # boxes in a timeline's column (head, plan, budget); more: a chart's column
EDGE_TOL = 2.0        # points: row edges of side-by-side stacks this close are the same
Box = tuple[float, float, float, float]   # x0, top, x1, bottom


def rulings_to_intersections(r: Rulings) -> dict[tuple[float, float], tuple[set[int], set[int]]]:
    """Corners: (x, y) → (indices of horizontal rules, indices of vertical rules)."""
    hs = [h for h in r.h if h[2] - h[1] >= MIN_RULE]
    vs = sorted((v for v in r.v if v[2] - v[1] >= MIN_RULE), key=lambda v: v[0])
    vx = [v[0] for v in vs]
    out: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for hi, (y, x0, x1) in enumerate(hs):
        lo = bisect_left(vx, x0 - CROSS_TOL)
        hi_end = bisect_right(vx, x1 + CROSS_TOL)
        for vi in range(lo, hi_end):
            x, top, bottom = vs[vi]
            if top - CROSS_TOL <= y <= bottom + CROSS_TOL:
                hset, vset = out.setdefault((round(x, 1), round(y, 1)), (set(), set()))
                hset.add(hi)
                vset.add(vi)
    return out


def intersections_to_cells(points: dict[tuple[float, float], tuple[set[int], set[int]]]) -> list[Box]:
    """The smallest rectangles whose corners are connected by rules."""
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for x, y in points:
        by_x[x].append(y)
        by_y[y].append(x)
    for v in by_x.values():
        v.sort()
    for v in by_y.values():
        v.sort()
    cells: list[Box] = []
    for (x, y), (hset, vset) in points.items():
        downs = [d for d in by_x[x] if d > y and points[(x, d)][1] & vset]
        rights = [k for k in by_y[y] if k > x and points[(k, y)][0] & hset]
        cell = _first_cell(points, x, y, downs, rights)
        if cell:
            cells.append(cell)
    return cells


def _first_cell(points, x: float, y: float, downs: list[float], rights: list[float]) -> Box | None:
    for d in downs:
        below = points[(x, d)][0]
        for k in rights:
            corner = points.get((k, d))
            if corner is None:
                continue
            if corner[0] & below and corner[1] & points[(k, y)][1]:
                return (x, y, k, d)
    return None


def cells_to_tables(cells: list[Box]) -> list[tuple[Box, list[Box]]]:
    """Group cells that share a corner; each group as (bounding box, cells), top
    to bottom."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, t, x1, b) in enumerate(cells):
        for corner in ((x0, t), (x1, t), (x0, b), (x1, b)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[Box]] = defaultdict(list)
    for i, c in enumerate(cells):
        groups[find(i)].append(c)
    out = []
    for g in groups.values():
        bbox = (min(c[0] for c in g), min(c[1] for c in g), max(c[2] for c in g), max(c[3] for c in g))
        out.append((bbox, g))
    out.sort(key=lambda t: (t[0][1], t[0][0]))
    return out


def close_open_sides(r: Rulings) -> Rulings:
    """Add the outer borders that open-sided tables leave out.

    Government tables are often drawn without outer vertical rules, and a table
    cut by a page break has no bottom rule under its spanning label.  Where
    consecutive rules of one direction end at the same place with no crossing
    rule there, and some rule of the other direction spans the band between them
    (so they belong to one table, not two tables side by side or one above the
    other), the missing border is added."""
    v_extra = _missing_borders(r.h, r.v)
    h_extra = _missing_borders(r.v + v_extra, r.h)
    if not v_extra and not h_extra:
        return r
    return Rulings(h=r.h + h_extra, v=r.v + v_extra, curves=r.curves)


def _missing_borders(along, across):
    """Borders (in ``across``'s direction) at the common ends of ``along`` rules."""
    extra: list[tuple[float, float, float]] = []
    by_pos = sorted(along)
    positions = [r[0] for r in by_pos]

    def spans_near(a: float, b: float) -> list[tuple[float, float]]:
        """The spans of the ``along`` rules within half a point of position ``a`` or ``b``."""
        lo, hi = bisect_right(positions, a - 0.5), bisect_left(positions, b + 0.5)
        return [(r[1], r[2]) for r in by_pos[lo:hi] if abs(r[0] - a) < 0.5 or abs(r[0] - b) < 0.5]

    for side in (1, 2):
        ends: dict[float, list[float]] = defaultdict(list)
        for pos, lo, hi in along:
            if hi - lo >= MIN_RULE:
                ends[round((lo, hi)[side - 1])].append(pos)
        for end, ps in ends.items():
            ps.sort()
            for a, b in zip(ps, ps[1:], strict=False):
                if _has_rule(across, end, a, b) or _passes(along, end, a, b):
                    continue
                # the ``along`` rules at ``a`` or ``b``, found once per pair (not once per
                # ``across`` rule): a page of boxed diagrams has hundreds of each
                near = spans_near(a, b)
                if len(near) >= 2 and any(c[1] <= a + CROSS_TOL and c[2] >= b - CROSS_TOL
                                          and _reach(near, c[0]) for c in across):
                    extra.append((float(end), a, b))
    return extra


def _passes(rules, pos: float, a: float, b: float) -> bool:
    """Whether a rule strictly between ``a`` and ``b`` runs past ``pos``."""
    return any(a + 0.5 < p < b - 0.5 and lo + CROSS_TOL < pos < hi - CROSS_TOL for p, lo, hi in rules)


def _has_rule(rules, pos: float, a: float, b: float) -> bool:
    return any(abs(c[0] - pos) <= CROSS_TOL and c[1] <= a + CROSS_TOL and c[2] >= b - CROSS_TOL
               for c in rules)


def _reach(spans: list[tuple[float, float]], pos: float) -> bool:
    """Whether two of the rules at a pair's two positions (their spans) reach ``pos``."""
    return sum(1 for lo, hi in spans if lo - CROSS_TOL < pos < hi + CROSS_TOL) >= 2


def find_tables(r: Rulings) -> list[tuple[Box, list[Box]]]:
    """The ruled tables of a page as (bbox, cell boxes)."""
    # pieces too short to border a cell (glyph parts, the ends of shading slices)
    # are left out before the borders are searched, which compares rule pairs
    r = Rulings(h=[x for x in r.h if x[2] - x[1] >= MIN_RULE], v=[x for x in r.v if x[2] - x[1] >= MIN_RULE],
                curves=r.curves)
    if not r.h or not r.v:
        return []
    r = close_open_sides(r)
    return cells_to_tables(intersections_to_cells(rulings_to_intersections(r)))


def _stack_key(cells: list[Box]) -> tuple[float, ...] | None:
    """The row edges of a single-column stack of 2…:data:`MAX_STACK` boxes, else None."""
    if not 2 <= len(cells) <= MAX_STACK or len({(round(c[0]), round(c[2])) for c in cells}) != 1:
        return None
    return tuple(sorted({c[1] for c in cells} | {c[3] for c in cells}))


def _same_edges(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= EDGE_TOL for x, y in zip(a, b, strict=True))


def _holds_text(box: Box, chars: list[dict]) -> bool:
    x0, top, x1, bottom = box
    return any(x0 < (c["x0"] + c["x1"]) / 2 < x1 and top < (c["top"] + c["bottom"]) / 2 < bottom
               for c in chars if c["text"].strip())


def _chained(k: int, key: tuple[float, ...], tables: list[tuple[Box, list[Box]]]) -> bool:
    """Whether boxes stand above or below stack ``k``, across its width, closer
    than the height of its first row."""
    x0, top, x1, bottom = tables[k][0]
    near = key[1] - key[0]
    return any(j != k and b[0] < x1 and b[2] > x0 and (0 <= top - b[3] < near or 0 <= b[1] - bottom < near)
               for j, (b, _) in enumerate(tables))


def join_side_by_side(tables: list[tuple[Box, list[Box]]], chars: list[dict]) -> list[tuple[Box, list[Box]]]:
    """Stacks of boxes standing side by side with the same row edges, each one
    column wide (a timeline: a year's header box, its plan box and its budget
    box, one column per year, a blank gap between columns), joined into one
    table: the gap between two stacks becomes a blank cell as high as the table,
    as the source table holds it.  Columns of more boxes are a chart's (a
    policy system chart's columns of goals and tasks).  A gap wider than the narrower stack is no gap
    inside one table; a gap holding text (an arrow "⇨" between the steps of a
    flow chart) is no blank gap; and a stack with other boxes right above or
    below it (an org chart's branch: its teams under their office's box,
    :func:`_chained`) is part of a diagram."""
    keys = [None if key is None or _chained(k, key, tables) else key
            for k, key in enumerate(_stack_key(cells) for _, cells in tables)]
    used: set[int] = set()
    joined: list[tuple[Box, list[Box]]] = []
    for i, key in enumerate(keys):
        if key is None or i in used:
            continue
        run = [i]
        for j in sorted((j for j in range(len(tables)) if j != i and j not in used and keys[j] is not None
                         and _same_edges(key, keys[j]) and tables[j][0][0] > tables[i][0][0]),
                        key=lambda j: tables[j][0][0]):
            left, right = tables[run[-1]][0], tables[j][0]
            gap = right[0] - left[2]
            if 0 < gap <= min(left[2] - left[0], right[2] - right[0]) and \
                    not _holds_text((left[2], key[0], right[0], key[-1]), chars):
                run.append(j)
        if len(run) < 2:
            continue
        used.update(run)
        cells = [c for k in run for c in tables[k][1]]
        top, bottom = key[0], key[-1]
        for a, b in zip(run, run[1:], strict=False):
            cells.append((tables[a][0][2], top, tables[b][0][0], bottom))
        boxes = [tables[k][0] for k in run]
        bbox = (boxes[0][0], min(b[1] for b in boxes), boxes[-1][2], max(b[3] for b in boxes))
        joined.append((bbox, cells))
    if not joined:
        return tables
    out = [t for k, t in enumerate(tables) if k not in used] + joined
    out.sort(key=lambda t: (t[0][1], t[0][0]))
    return out
