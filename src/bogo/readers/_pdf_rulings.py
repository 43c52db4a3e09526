"""PDF stage 2: the ruling segments of one page from its vector path objects.

Every path object of the page (form XObjects included, their matrices composed)
is walked once.  Straight axis-parallel pieces become rulings: a horizontal
ruling is ``(y, x0, x1)`` and a vertical one ``(x, top, bottom)``, in top-left page
coordinates.  A rectangle gives its four edges, a thin filled rectangle (a thick
rule drawn as a bar) gives one line through its middle; white fills draw nothing.
Dotted and dashed rules arrive either as one path with a dash pattern (kept as a
solid line) or as many short pieces, which :func:`join_collinear` joins when the
gaps between them are short.  A dotted box is often one path of thousands of
dots: the pieces of one path on one line are joined as they are read, and a long
path's segments are read from PDFium in one copy (:mod:`._pdfium_lean`).
Curves (rounded boxes, connectors) are only kept as their straight pieces.  A stack of touching parallel bars of one length — a
gradient or a shaded area painted as slices — is an area, not rules: only its
two outer edges are kept (:func:`drop_fill_slices`).
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat

import pypdfium2.raw as pdfium_c

from . import _pdfium_lean as pdfium

AXIS_TOL = 0.8        # points: a piece this far from axis-parallel still counts
THIN = 3.0            # points: a filled rectangle thinner than this is a rule
JOIN_GAP = 4.0        # points: collinear pieces closer than this are one rule (dotted lines)
SNAP = 2.5            # points: rules this close on the other axis are collinear
MAX_DEPTH = 4         # nesting of form XObjects followed
SLICE_GAP = 1.5       # points: parallel bars this close, one after another, paint one area
SLICE_RUN = 4         # bars in such a stack that make it an area (a double rule is two)
BULK_SEGMENTS = 32    # a path this long is read from PDFium's segment array in one copy

_PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
_LINETO, _BEZIERTO = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO


@dataclass(slots=True)
class Rulings:
    """The rulings of a page: horizontal (y, x0, x1) and vertical (x, top, bottom),
    plus the number of curve segments seen (connectors and rounded boxes)."""

    h: list[tuple[float, float, float]] = field(default_factory=list)
    v: list[tuple[float, float, float]] = field(default_factory=list)
    curves: int = 0


def page_rulings(page_handle, height: float) -> Rulings:
    """All rulings of a PDFium page handle, joined (see :func:`join_collinear`).
    Objects are walked through the lean prototypes of :mod:`._pdfium_lean`."""
    out = Rulings()
    page = pdfium.handle_address(page_handle)
    n = pdfium.count_objects(page)
    objs = list(map(pdfium.get_object, repeat(page, n), range(n)))  # (a page may hold 85,000 images)
    _walk(objs, None, height, out, 0, _Probe())
    out.h = join_collinear(drop_fill_slices(out.h))
    out.v = join_collinear(drop_fill_slices(out.v))
    return out


class _Probe:
    """Out-parameters for PDFium's getters, allocated once per page (a page has
    thousands of path objects, most of them one bounds query)."""

    __slots__ = ("f", "fp", "u", "up", "mode", "mode_p", "pt", "pt_p")

    def __init__(self) -> None:
        self.f = [ctypes.c_float() for _ in range(4)]
        self.fp = [ctypes.addressof(v) for v in self.f]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.up = [ctypes.addressof(v) for v in self.u]
        self.mode = [ctypes.c_int(), ctypes.c_int()]
        self.mode_p = [ctypes.addressof(v) for v in self.mode]
        self.pt = [ctypes.c_float(), ctypes.c_float()]
        self.pt_p = [ctypes.addressof(v) for v in self.pt]


def _walk(objs, parent, height: float, out: Rulings, depth: int, probe: _Probe) -> None:
    for o, typ in zip(objs, map(pdfium.object_type, objs), strict=True):
        if typ == _PATH:
            _path(o, parent, height, out, probe)
        elif typ == _FORM and depth < MAX_DEPTH:
            m = _matrix(o)
            if parent is not None:
                m = _compose(m, parent)
            kids = [pdfium.form_object(o, i) for i in range(pdfium.form_count(o))]
            _walk(kids, m, height, out, depth + 1, probe)


def _matrix(o) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium.object_matrix(o, ctypes.addressof(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m, n) -> tuple[float, ...]:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _white(o, probe: _Probe) -> bool:
    if not pdfium.fill_color(o, *probe.up):
        return False
    r, g, b, a = probe.u
    return a.value == 0 or (r.value > 240 and g.value > 240 and b.value > 240)


def _path(o, parent, height: float, out: Rulings, probe: _Probe) -> None:
    # PDFium makes a path object only of a path that is filled or stroked (``n`` paths only
    # clip), so a thin one is a rule or a dot whatever its draw mode: its bounds say all
    if parent is None and _thin_from_bounds(o, height, out, probe):
        return                     # (most paths)
    pdfium.draw_mode(o, *probe.mode_p)
    fill, stroked = probe.mode[0].value, bool(probe.mode[1].value)
    if not stroked and not fill:
        return
    filled = fill != 0 and not _white(o, probe)
    if not (stroked or filled):
        return
    m = _matrix(o)
    if parent is not None:
        m = _compose(m, parent)
    kinds, pts = _points(o, m, height, probe)
    _path_pieces(kinds, pts, filled and not stroked, out)


def _points(o, m, height: float, probe: _Probe) -> tuple[list[int], list[tuple[float, float]]]:
    """The segment kinds and points of a path, in top-left page coordinates.  The
    close flag is not read: PDFium's parser makes a closing edge an explicit line
    back to the start (``h`` adds one unless the path is already there, ``re``
    gives five points)."""
    a, b, c, d, e, f = m
    n = pdfium.count_segments(o)
    records = pdfium.segment_records(o, n, probe.pt_p, probe.pt) if n >= BULK_SEGMENTS else None
    if records is not None:
        return ([kind for _, _, kind in records],
                [(a * xv + c * yv + e, height - (b * xv + d * yv + f)) for xv, yv, _ in records])
    x, y = probe.pt
    xp, yp = probe.pt_p
    kinds: list[int] = []
    pts: list[tuple[float, float]] = []
    get_seg, get_type, get_point = pdfium.get_segment, pdfium.segment_type, pdfium.segment_point
    for i in range(n):
        seg = get_seg(o, i)
        kinds.append(get_type(seg))
        get_point(seg, xp, yp)
        xv, yv = x.value, y.value
        pts.append((a * xv + c * yv + e, height - (b * xv + d * yv + f)))
    return kinds, pts


def _path_pieces(kinds: list[int], pts: list[tuple[float, float]], fill_only: bool, out: Rulings) -> None:
    """The rules of one path: the straight axis-parallel pieces of each of its
    subpaths; a subpath of a filled, unstroked path that is a thin bar is one rule
    through its middle (a thick rule, or a thin column rule, drawn as a filled
    rectangle; or a dot)."""
    pieces = _Pieces(out)
    for run in _runs(kinds, pts, out):
        if fill_only and len(run) >= 4:
            xs = [p[0] for p in run]
            ys = [p[1] for p in run]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if x1 - x0 < THIN or y1 - y0 < THIN:
                pieces.add_bar(x0, x1, y0, y1)
                continue
        pieces.add_lines(run)


def _runs(kinds: list[int], pts: list[tuple[float, float]], out: Rulings):
    """The straight runs of a path (its points from a move or a curve's end through
    the lines after it), counting the curve segments into ``out``."""
    run: list[tuple[float, float]] = []
    for kind, p in zip(kinds, pts, strict=True):
        if kind == _LINETO:
            run.append(p)
            continue
        if kind == _BEZIERTO:
            out.curves += 1
        if len(run) > 1:
            yield run
        run = [p]
    if len(run) > 1:
        yield run


class _Pieces:
    """The rules one path adds to a page.  A dotted or dashed outline drawn as one
    path of thousands of dots or dashes gives each run of collinear pieces at most
    ``JOIN_GAP`` apart as one rule already: the join :func:`join_collinear` would
    make of them, without sorting thousands of dots.  (A dot's outline gives two
    lines in turn, its top and its bottom, so the latest rule is kept per position.)"""

    __slots__ = ("h", "v", "at_h", "at_v")

    def __init__(self, out: Rulings) -> None:
        self.h, self.v = out.h, out.v
        self.at_h: dict[float, int] = {}    # position -> index of this path's latest rule there
        self.at_v: dict[float, int] = {}

    def add_lines(self, run: list[tuple[float, float]]) -> None:
        h, v, at_h, at_v = self.h, self.v, self.at_h, self.at_v
        for (px, py), (qx, qy) in zip(run, run[1:], strict=False):
            dx, dy = abs(px - qx), abs(py - qy)
            if dy <= AXIS_TOL and dx > dy:             # dots of a dotted rule are tiny pieces
                _add_piece(h, at_h, (py + qy) / 2, min(px, qx), max(px, qx))
            elif dx <= AXIS_TOL and dy > dx:
                _add_piece(v, at_v, (px + qx) / 2, min(py, qy), max(py, qy))

    def add_bar(self, x0: float, x1: float, y0: float, y1: float) -> None:
        if x1 - x0 >= y1 - y0:
            _add_piece(self.h, self.at_h, (y0 + y1) / 2, x0, x1)
        else:
            _add_piece(self.v, self.at_v, (x0 + x1) / 2, y0, y1)


def _add_piece(segs: list[tuple], at: dict[float, int], pos: float, a: float, b: float) -> None:
    """Add the piece ``(pos, a, b)`` to ``segs``, or widen the latest rule at its
    position with it when the two are at most ``JOIN_GAP`` apart.  A widened rule
    carries, as a fourth element, how many pieces it holds: :func:`join_collinear`
    weighs it so when it places a line (as it would weigh the pieces themselves)."""
    last = at.get(pos)
    if last is not None:
        held = segs[last]
        lo, hi = held[1], held[2]
        if a <= hi + JOIN_GAP and lo <= b + JOIN_GAP:
            segs[last] = (pos, min(lo, a), max(hi, b), (held[3] if len(held) > 3 else 1) + 1)
            return
    at[pos] = len(segs)
    segs.append((pos, a, b))


def _thin_from_bounds(o, height: float, out: Rulings, probe: _Probe) -> bool:
    """Add a path whose bounds are thin in one direction as one rule; return
    whether it was one.  White bars (erasers) are not rules."""
    if not pdfium.object_bounds(o, *probe.fp):
        return False
    f0, f1, f2, f3 = probe.f
    left, bottom, right, top = f0.value, f1.value, f2.value, f3.value
    w, h = right - left, top - bottom
    if w >= THIN and h >= THIN:
        return False
    if _white(o, probe) and not _stroke_visible(o, probe):
        return True
    if w >= h:
        out.h.append((height - (top + bottom) / 2, left, right))
    else:
        out.v.append(((left + right) / 2, height - top, height - bottom))
    return True


def _stroke_visible(o, probe: _Probe) -> bool:
    if not pdfium.stroke_color(o, *probe.up):
        return True
    r, g, b, a = probe.u
    return a.value > 0 and not (r.value > 240 and g.value > 240 and b.value > 240)


def drop_fill_slices(segs: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Drop the inner bars of each stack of at least ``SLICE_RUN`` parallel bars of
    the same extent, each within ``SLICE_GAP`` of the next: the slices of a
    gradient or shaded area.  Its first and last bar stay (they may be the edges
    of a box); single, double and ordinary table rules are untouched."""
    if len(segs) < SLICE_RUN:
        return segs
    keys = [(round(s[1]), round(s[2])) for s in segs]
    counts = Counter(keys)
    # an extent that fewer than SLICE_RUN bars share holds no stack: those bars stay
    # as they are, unsorted (a page of dashed boxes has thousands of one-off dashes)
    out: list[tuple[float, float, float]] = [s for s, k in zip(segs, keys, strict=True) if counts[k] < SLICE_RUN]
    if len(out) == len(segs):
        return segs
    by_extent: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
    for s, k in zip(segs, keys, strict=True):
        if counts[k] >= SLICE_RUN:
            by_extent.setdefault(k, []).append(s)
    for group in by_extent.values():
        group.sort()
        run = [group[0]]
        for s in group[1:]:
            if s[0] - run[-1][0] <= SLICE_GAP:
                run.append(s)
                continue
            out.extend(_outer(run))
            run = [s]
        out.extend(_outer(run))
    return out


def _outer(run: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    return [run[0], run[-1]] if len(run) >= SLICE_RUN else run


def join_collinear(segs: list[tuple]) -> list[tuple[float, float, float]]:
    """Snap rules to shared positions and join overlapping or nearly touching
    collinear pieces (a dotted line becomes one rule).  A piece ``(pos, a, b, n)``
    already holds ``n`` pieces (:func:`_add_piece`) and weighs ``n`` in the position."""
    if not segs:
        return []
    segs = sorted(segs)
    groups: list[list[tuple[float, float, float]]] = [[segs[0]]]
    for s in segs[1:]:
        if s[0] - groups[-1][-1][0] <= SNAP and s[0] - groups[-1][0][0] <= 2 * SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    out: list[tuple[float, float, float]] = []
    for g in groups:
        weights = [s[3] if len(s) > 3 else 1 for s in g]
        pos = sum(s[0] * w for s, w in zip(g, weights, strict=True)) / sum(weights)
        spans = sorted((s[1], s[2]) for s in g)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + JOIN_GAP:
                hi = max(hi, b)
            else:
                out.append((pos, lo, hi))
                lo, hi = a, b
        out.append((pos, lo, hi))
    return out
