"""BodyText records of an HWP 5.0 section into bogo blocks, in one pass.

The walk mirrors :mod:`._owpml` (the HWPX reader) so that an HWP file and its
HWPX twin give the same blocks: every paragraph the HWPX walker visits (body,
table cell, caption, text box, foot/endnote of a body paragraph) takes the next
paragraph index as its ``line``; page headers, footers, memos and pictures are
skipped.  A paragraph is a ``PARA_HEADER`` with its text (``PARA_TEXT``), its
character shape runs and the controls its text refers to: UTF-16 units under 32
are control characters, one unit for a char control (line break, hyphen, fixed
spaces, paragraph end) and eight for an inline (tab) or extended control (a
table, drawing, note, section definition…), the n-th extended control standing
for the n-th ``CTRL_HEADER`` child.  The records are read through a
:class:`~._hwp_records.Records` cursor; no record tree is built.
"""

from __future__ import annotations

import bisect
import re
import struct
from pathlib import Path

from ..blocks import Cell, Paragraph, Table
from ..errors import LimitExceeded
from ..normalize.markers import split_marker
from ..normalize.text import normalize_text
from ..settings import Settings
from ._hwp_docinfo import xml_clean
from ._hwp_records import CTRL_HEADER, LIST_HEADER, PARA_CHAR_SHAPE, PARA_HEADER, PARA_TEXT, SHAPE_COMPONENT, \
    TABLE, Records
from ._hwp_tables import build_table, cell_address, declared_grid
from ._owpml_numbering import Numberer

# a run of UTF-16LE units that are not control characters (code >= 32), from an even offset
_TEXT_UNITS = re.compile(rb"(?:[\x20-\xff][\x00-\xff]|[\x00-\x1f][\x01-\xff])*")
_CHAR_CONTROLS = frozenset({0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31})
_EXTENDED = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
_CHAR_TEXT = {10: "\n", 24: "-", 30: " ", 31: " "}
_TAB = 9
_TEXT_SHAPES = frozenset({"$rec", "$ell", "$arc", "$pol", "$lin", "$cur", "$col", "$tat"})
_SHAPES = _TEXT_SHAPES | {"$con", "$pic", "$ole", "$vid"}
_NOTES = frozenset({"fn  ", "en  "})
_SECD = b"dces"

Piece = tuple[int, int, str, bool]  # first unit, end unit, text, from the text itself


def split_text(p: bytes) -> tuple[list[Piece], int]:
    """Text pieces of a ``PARA_TEXT`` payload and the number of extended controls in it."""
    pieces: list[Piece] = []
    n_ext = 0
    pos, n = 0, len(p) & ~1
    match = _TEXT_UNITS.match
    while pos < n:
        e = match(p, pos, n).end()
        if e > pos:
            pieces.append((pos >> 1, e >> 1, xml_clean(p[pos:e].decode("utf-16-le", "surrogatepass")), True))
        if e >= n:
            break
        code = p[e]
        if code in _CHAR_CONTROLS:
            s = _CHAR_TEXT.get(code)
            if s:
                pieces.append((e >> 1, (e >> 1) + 1, s, False))
            pos = e + 2
            continue
        if code == _TAB:
            pieces.append((e >> 1, (e >> 1) + 8, "\t", False))
        elif code in _EXTENDED:
            n_ext += 1
        pos = min(e + 16, n)
    return pieces, n_ext


def char_shape_runs(p: bytes) -> list[tuple[int, int]]:
    """(first unit, shape id) of each run, consecutive entries of one shape merged."""
    flat = struct.unpack_from(f"<{len(p) // 8 * 2}I", p)
    runs: list[tuple[int, int]] = []
    for i in range(0, len(flat), 2):
        if not runs or runs[-1][1] != flat[i + 1]:
            runs.append((flat[i], flat[i + 1]))
    return runs


def ctrl_id(payload: bytes) -> str:
    return payload[3::-1].decode("latin-1") if len(payload) >= 4 else ""


class _Flow:
    """Texts, raws, first line and nested tables of a cell, caption or text box."""

    __slots__ = ("texts", "raws", "first", "nested")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.raws: list[str] = []
        self.first: int | None = None
        self.nested: list[Table] = []


class _Para:
    """What a paragraph's own records say: shape, text pieces, runs, extended controls."""

    __slots__ = ("shape", "pieces", "n_ext", "runs")

    def __init__(self, payload: bytes):
        self.shape = struct.unpack_from("<H", payload, 8)[0] if len(payload) >= 10 else 0
        self.pieces: list[Piece] = []
        self.n_ext = 0
        self.runs: list[tuple[int, int]] = []

    def raw(self) -> str:
        return "".join(t for _a, _b, t, _own in self.pieces)


class BodyWalker:
    """The blocks of every section of one document."""

    def __init__(self, path: Path, settings: Settings, numberer: Numberer, bold: set[str]):
        self.path = path
        self.settings = settings
        self.num = numberer
        self.bold = bold
        self.blocks: list[Paragraph | Table] = []
        self.count = 0
        self.warnings: list[str] = []

    # -- sections and paragraphs ------------------------------------------

    def section(self, data: bytes, r: Records) -> None:
        self._outline(data, r.what)
        while r.level >= 0:
            if r.level == 0 and r.tag == PARA_HEADER:
                self._paragraph(r, 0, None)
            else:
                r.skip_subtree()

    def _outline(self, data: bytes, what: str) -> None:
        """The outline numbering named by the section's first ``secd`` control."""
        scan = Records(data, what, self.settings)
        while scan.level >= 0:
            if scan.tag == CTRL_HEADER and data[scan.body:scan.body + 4] == _SECD:
                p = scan.payload().ljust(20, b"\0")
                self.num.set_outline(str(struct.unpack_from("<H", p, 18)[0]))
                return
            scan.advance()

    def _paragraph(self, r: Records, depth: int, flow: _Flow | None) -> None:
        """One paragraph: into the blocks (``flow`` None) or into a cell's flow."""
        level = r.level
        para = _Para(r.payload())
        r.advance()
        emitted = False
        ctrl_index = 0
        while r.level > level:
            if r.level == level + 1:
                tag = r.tag
                if tag == PARA_TEXT:
                    para.pieces, para.n_ext = split_text(r.payload())
                elif tag == PARA_CHAR_SHAPE:
                    para.runs = char_shape_runs(r.payload())
                elif tag == CTRL_HEADER:
                    ctrl_index += 1
                    if ctrl_index <= para.n_ext:
                        if not emitted:
                            self._emit(para, flow)
                            emitted = True
                        self._control(r, depth, flow)
                        continue
            r.skip_subtree()
        if not emitted:
            self._emit(para, flow)

    def _emit(self, para: _Para, flow: _Flow | None) -> None:
        self.count += 1
        line = self.count
        raw = para.raw()
        hd = self.num.heading(str(para.shape))
        auto = self.num.marker(hd) if hd is not None else ""
        text = normalize_text(raw.replace("\n", " "))
        if flow is not None:
            flow.first = line if flow.first is None else flow.first
            if text:
                flow.texts.append(f"{auto} {text}" if auto else text)
                flow.raws.append(raw)
            return
        if not text:
            return
        level = None if hd is None or hd.kind == "BULLET" else hd.level + 1
        marker = auto
        if not auto:
            marker, text = split_marker(text)
        stripped = raw.lstrip(" \t\u3000")
        self.blocks.append(Paragraph(text=text, raw=raw, line=line, marker=marker, level=level,
                                     indent=len(raw) - len(stripped), emphasis=self._all_bold(para, raw)))

    def _all_bold(self, para: _Para, raw: str) -> bool:
        """Whether every non-blank character sits in a bold run (HWPX: every ``hp:t`` with text)."""
        if not raw.strip():
            return False
        runs = para.runs or [(0, 0)]
        flags = [str(shape) in self.bold for _start, shape in runs]
        if all(flags) or not any(flags):
            return flags[0]
        bounds = [start for start, _shape in runs[1:]]
        run_of = bisect.bisect_right
        for a, b, text, own in para.pieces:
            if not text.strip():
                continue
            first = run_of(bounds, a)
            if first == run_of(bounds, b - 1):
                if not flags[first]:
                    return False
                continue
            unit = a
            for ch in text:
                if not ch.isspace() and not flags[run_of(bounds, unit)]:
                    return False
                unit += 2 if ord(ch) > 0xFFFF else 1
        return True

    # -- controls -----------------------------------------------------------

    def _control(self, r: Records, depth: int, flow: _Flow | None) -> None:
        kind = ctrl_id(r.payload())
        if kind == "tbl ":
            tables = self._table(r, depth + 1)
            (self.blocks if flow is None else flow.nested).extend(tables)
        elif kind == "gso ":
            self._drawing(r, depth, flow)
        elif kind in _NOTES and flow is None:
            self._note(r, depth)
        else:
            r.skip_subtree()

    def _check_depth(self, depth: int) -> None:
        if depth > self.settings.max_nesting:
            raise LimitExceeded(self.path, f"표/글상자 중첩이 너무 깊습니다 (한도 {self.settings.max_nesting})")

    def _note(self, r: Records, depth: int) -> None:
        """The first paragraph list of a foot/endnote, as body paragraphs."""
        level = r.level
        r.advance()
        lists = 0
        while r.level > level:
            if r.level == level + 1 and r.tag == LIST_HEADER:
                lists += 1
                if lists == 1:
                    self._check_depth(depth + 1)
            elif r.level == level + 1 and r.tag == PARA_HEADER and lists == 1:
                self._paragraph(r, depth + 1, None)
                continue
            r.skip_subtree()

    def _drawing(self, r: Records, depth: int, flow: _Flow | None) -> None:
        """The text boxes of a drawing object (its first shape component)."""
        level = r.level
        r.advance()
        seen = False
        while r.level > level:
            if r.level == level + 1 and r.tag == SHAPE_COMPONENT and not seen:
                seen = True
                self._component(r, depth, flow)
                continue
            r.skip_subtree()

    def _component(self, r: Records, depth: int, flow: _Flow | None) -> None:
        level = r.level
        kind = ctrl_id(r.payload())
        r.advance()
        lists = 0
        inner = _Flow() if flow is not None else None
        while r.level > level:
            if r.level == level + 1:
                tag = r.tag
                if kind == "$con" and tag == SHAPE_COMPONENT and ctrl_id(r.payload()) in _SHAPES:
                    self._component(r, depth, flow)
                    continue
                if kind in _TEXT_SHAPES and tag == LIST_HEADER:
                    lists += 1
                    if lists == 1:
                        self._check_depth(depth + 1)
                elif kind in _TEXT_SHAPES and tag == PARA_HEADER and lists == 1:
                    self._paragraph(r, depth + 1, inner)
                    continue
            r.skip_subtree()
        if flow is not None and inner is not None:
            flow.texts.extend(inner.texts)
            flow.raws.extend(inner.raws)
            flow.nested.extend(inner.nested)

    # -- tables -------------------------------------------------------------

    def _table(self, r: Records, depth: int) -> list[Table]:
        """The table, followed by the tables nested in its caption and cells."""
        self._check_depth(depth)
        start = self.count + 1
        level = r.level
        r.advance()
        caption: _Flow | None = None
        current: _Flow | None = None
        cells: list[Cell] = []
        flows: list[_Flow] = []
        header_cells: set[tuple[int, int]] = set()
        declared = (0, 0)
        seen_table = False
        while r.level > level:
            if r.level == level + 1:
                tag = r.tag
                if tag == TABLE:
                    seen_table = True
                    declared = declared_grid(r.payload())
                elif tag == LIST_HEADER:
                    if seen_table:
                        row, col, rowspan, colspan, header = cell_address(r.payload())
                        current = _Flow()
                        flows.append(current)
                        cells.append(Cell(text="", raw="", row=row, col=col, rowspan=max(rowspan, 1),
                                          colspan=max(colspan, 1)))
                        if header:
                            header_cells.add((row, col))
                    else:
                        caption = current = _Flow()
                elif tag == PARA_HEADER and current is not None:
                    self._paragraph(r, depth, current)
                    continue
            r.skip_subtree()
        nested: list[Table] = list(caption.nested) if caption is not None else []
        for cell, flow in zip(cells, flows):
            cell.text = " ".join(flow.texts)
            cell.raw = "\n".join(flow.raws)
            cell.line = flow.first
            nested.extend(flow.nested)
        table = build_table(self.path, self.settings, cells, header_cells, declared, start,
                            max(self.count, start), " ".join(caption.texts) or None if caption else None,
                            any(f.nested for f in flows), self.warnings)
        return [table] + nested
