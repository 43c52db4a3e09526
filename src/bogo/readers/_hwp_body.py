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
import struct
from pathlib import Path

from ..blocks import Cell, Paragraph, Table
from ..errors import LimitExceeded
from ..normalize.markers import split_marker
from ..normalize.text import normalize_text
from ..settings import Settings
from ._hwp_records import (
    CTRL_HEADER,
    LIST_HEADER,
    PARA_CHAR_SHAPE,
    PARA_HEADER,
    PARA_TEXT,
    SHAPE_COMPONENT,
    TABLE,
    Records,
)
from ._hwp_tables import build_table, cell_address, declared_grid
from ._hwp_text import Piece, char_shape_runs, raw_text, split_text
from ._owpml_numbering import Numberer
from ._superscript import spaced_units

_TEXT_SHAPES = frozenset({"$rec", "$ell", "$arc", "$pol", "$lin", "$cur", "$col", "$tat"})
_SHAPES = _TEXT_SHAPES | {"$con", "$pic", "$ole", "$vid"}
_NOTES = frozenset({b"  nf", b"  ne"})
_SECD = b"dces"


def ctrl_id(payload: bytes) -> str:
    """The four-character id a control or shape component starts with ("tbl ", "$rec")."""
    return payload[3::-1].decode("latin-1") if len(payload) >= 4 else ""


class _Flow:
    """Texts, raws, first line and nested tables of a cell, caption or text box."""

    __slots__ = ("texts", "raws", "first", "nested")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.raws: list[str] = []
        self.first: int | None = None
        self.nested: list[Table] = []


class BodyWalker:
    """The blocks of every section of one document."""

    def __init__(self, path: Path, settings: Settings, numberer: Numberer, bold: set[str],
                 superscript: set[str] | None = None):
        self.path = path
        self.settings = settings
        self.num = numberer
        self.headings = {int(k): v for k, v in numberer.headings.items() if k.isdigit()}
        self.bold = bold
        self.superscript = {int(x) for x in superscript or ()}  # shape ids, as the runs give them
        self.blocks: list[Paragraph | Table] = []
        self.count = 0
        self.warnings: list[str] = []
        self._norm: dict[str, str] = {}
        self.r: Records | None = None

    # -- sections and paragraphs ------------------------------------------

    def section(self, r: Records) -> None:
        self.r = r
        self._outline(r)
        levels, words = r.levels, r.words
        i = 0
        while levels[i] >= 0:
            if levels[i] == 0 and (words[i] & 0x3FF) == PARA_HEADER:
                i = self._paragraph(i, 0, None)
            else:
                i += 1

    def _outline(self, r: Records) -> None:
        """The outline numbering named by the section's first ``secd`` control."""
        tags, data, i = r.tags, r.data, -1  # one list, once per section
        while True:
            try:
                i = tags.index(CTRL_HEADER, i + 1)
            except ValueError:
                return
            if data[r.bodies[i]:r.bodies[i] + 4] == _SECD:
                p = r.payload(i).ljust(20, b"\0")
                self.num.set_outline(str(struct.unpack_from("<H", p, 18)[0]))
                return

    def _paragraph(self, i: int, depth: int, flow: _Flow | None) -> int:
        """One paragraph: into the blocks (``flow`` None) or a cell's flow; the index after it."""
        r = self.r
        levels, words = r.levels, r.words
        level = levels[i]
        child = level + 1
        shape = struct.unpack_from("<H", r.data, r.bodies[i] + 8)[0] if words[i] >> 20 >= 10 else 0
        pieces: list[Piece] = []
        n_ext = ctrl = 0
        runs = -1
        emitted = False
        i += 1
        while True:
            lv = levels[i]
            if lv <= level:
                break
            if lv == child:
                tag = (words[i] & 0x3FF)
                if tag == PARA_TEXT:
                    size = words[i] >> 20
                    body = r.bodies[i]
                    pieces, n_ext = split_text(r.data[body:body + size] if size != 0xFFF else self._long_text(i))
                elif tag == PARA_CHAR_SHAPE:
                    runs = i
                elif tag == CTRL_HEADER:
                    ctrl += 1
                    if ctrl <= n_ext:
                        if not emitted:
                            self._emit(shape, pieces, runs, flow)
                            emitted = True
                        i = self._control(i, depth, flow)
                        continue
            i += 1
        if not emitted:
            self._emit(shape, pieces, runs, flow)
        return i

    def _long_text(self, i: int) -> bytes:
        """A ``PARA_TEXT`` of 4,095 bytes or more, refused past ``settings.max_line_chars``."""
        size = self.r.size(i)
        if size > 2 * self.settings.max_line_chars:
            raise LimitExceeded(self.path, f"HWP 문단 하나가 너무 깁니다 ({size // 2:,}자, 한도 "
                                           f"{self.settings.max_line_chars:,}자)")
        return self.r.payload(i)

    def _emit(self, shape: int, pieces: list[Piece], runs: int, flow: _Flow | None) -> None:
        line = self.count = self.count + 1
        raw = (pieces[0][2] if len(pieces) == 1 else raw_text(pieces)) if pieces else ""
        runs_list = None
        if self.superscript and raw and runs >= 0 and self.r.size(runs) > 8:  # (one run has no edge)
            runs_list = char_shape_runs(self.r.payload(runs))
            if any(shape in self.superscript for _start, shape in runs_list):
                raw = spaced_units(pieces, runs_list, self.superscript) or raw
        hd = self.headings.get(shape)
        auto = self.num.marker(hd) if hd is not None else ""
        if not raw:
            if flow is not None and flow.first is None:
                flow.first = line
            return
        key = raw.replace("\n", " ") if "\n" in raw else raw
        cache = self._norm
        text = cache.get(key)
        if text is None:
            text = cache[key] = normalize_text(key)
        if flow is not None:
            if flow.first is None:
                flow.first = line
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
        if runs_list is None:
            runs_list = char_shape_runs(self.r.payload(runs)) if runs >= 0 else []
        self.blocks.append(Paragraph(text=text, raw=raw, line=line, marker=marker, level=level,
                                     indent=len(raw) - len(stripped),
                                     emphasis=self._all_bold(pieces, runs_list, raw)))

    def _all_bold(self, pieces: list[Piece], runs: list[tuple[int, int]], raw: str) -> bool:
        """Whether every non-blank character sits in a bold run (HWPX: every ``hp:t`` with text)."""
        if not raw.strip():
            return False
        runs = runs or [(0, 0)]
        flags = [str(shape) in self.bold for _start, shape in runs]
        if all(flags) or not any(flags):
            return flags[0]
        bounds = [start for start, _shape in runs[1:]]
        run_of = bisect.bisect_right
        for a, b, text, _own in pieces:
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

    def _control(self, i: int, depth: int, flow: _Flow | None) -> int:
        r = self.r
        kind = r.data[r.bodies[i]:r.bodies[i] + 4]
        if kind == b" lbt":
            tables = self._table(i, depth + 1)
            (self.blocks if flow is None else flow.nested).extend(tables)
            return r.after(i)
        if kind == b" osg":
            return self._drawing(i, depth, flow)
        if kind in _NOTES and flow is None:
            return self._note(i, depth)
        return r.after(i)

    def _check_depth(self, depth: int) -> None:
        if depth > self.settings.max_nesting:
            raise LimitExceeded(self.path, f"표/글상자 중첩이 너무 깊습니다 (한도 {self.settings.max_nesting})")

    def _note(self, i: int, depth: int) -> int:
        """The first paragraph list of a foot/endnote, as body paragraphs."""
        levels, words = self.r.levels, self.r.words
        level = levels[i]
        i += 1
        lists = 0
        while levels[i] > level:
            if levels[i] == level + 1:
                if (words[i] & 0x3FF) == LIST_HEADER:
                    lists += 1
                    if lists == 1:
                        self._check_depth(depth + 1)
                elif (words[i] & 0x3FF) == PARA_HEADER and lists == 1:
                    i = self._paragraph(i, depth + 1, None)
                    continue
            i += 1
        return i

    def _drawing(self, i: int, depth: int, flow: _Flow | None) -> int:
        """The text boxes of a drawing object (its first shape component)."""
        levels, words = self.r.levels, self.r.words
        level = levels[i]
        i += 1
        seen = False
        while levels[i] > level:
            if levels[i] == level + 1 and (words[i] & 0x3FF) == SHAPE_COMPONENT and not seen:
                seen = True
                i = self._component(i, depth, flow)
                continue
            i += 1
        return i

    def _component(self, i: int, depth: int, flow: _Flow | None) -> int:
        r = self.r
        levels, words = r.levels, r.words
        level = levels[i]
        kind = ctrl_id(r.payload(i)[:4])
        i += 1
        lists = 0
        inner = _Flow() if flow is not None else None
        text_shape = kind in _TEXT_SHAPES
        while levels[i] > level:
            if levels[i] == level + 1:
                tag = (words[i] & 0x3FF)
                if kind == "$con" and tag == SHAPE_COMPONENT and ctrl_id(r.payload(i)[:4]) in _SHAPES:
                    i = self._component(i, depth, flow)
                    continue
                if text_shape and tag == LIST_HEADER:
                    lists += 1
                    if lists == 1:
                        self._check_depth(depth + 1)
                elif text_shape and tag == PARA_HEADER and lists == 1:
                    i = self._paragraph(i, depth + 1, inner)
                    continue
            i += 1
        if flow is not None and inner is not None:
            flow.texts.extend(inner.texts)
            flow.raws.extend(inner.raws)
            flow.nested.extend(inner.nested)
        return i

    # -- tables -------------------------------------------------------------

    def _table(self, i: int, depth: int) -> list[Table]:
        """The table, followed by the tables nested in its caption and cells."""
        self._check_depth(depth)
        r = self.r
        levels, words = r.levels, r.words
        start = self.count + 1
        level = levels[i]
        child = level + 1
        i += 1
        caption: _Flow | None = None
        current: _Flow | None = None
        cells: list[Cell] = []
        flows: list[_Flow] = []
        header_cells: set[tuple[int, int]] = set()
        declared = (0, 0)
        seen_table = False
        while levels[i] > level:
            if levels[i] == child:
                tag = (words[i] & 0x3FF)
                if tag == PARA_HEADER:
                    if current is not None:
                        i = self._paragraph(i, depth, current)
                        continue
                elif tag == LIST_HEADER:
                    if seen_table:
                        body = r.bodies[i]
                        row, col, rowspan, colspan, header = cell_address(r.data[body:body + min(16, words[i] >> 20)])
                        current = _Flow()
                        flows.append(current)
                        cells.append(Cell("", "", row, col, rowspan or 1, colspan or 1))
                        if header:
                            header_cells.add((row, col))
                    else:
                        caption = current = _Flow()
                elif tag == TABLE:
                    seen_table = True
                    declared = declared_grid(r.payload(i))
            i += 1
        nested: list[Table] = list(caption.nested) if caption is not None else []
        for cell, flow in zip(cells, flows, strict=True):
            if flow.texts:
                cell.text = " ".join(flow.texts)
                cell.raw = "\n".join(flow.raws)
            cell.line = flow.first
            if flow.nested:
                nested.extend(flow.nested)
        cap = (" ".join(caption.texts) or None) if caption is not None else None
        table = build_table(self.path, self.settings, cells, header_cells, declared, start,
                            max(self.count, start), cap, any(f.nested for f in flows), self.warnings)
        return [table] + nested
