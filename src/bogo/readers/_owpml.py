"""Walk the OWPML XML of an HWPX package into bogo blocks (shared by HWPX and HWP).

The HWPX reader feeds the parts of the zip; the HWP reader feeds the parts that
python-hwpx converts an HWP 5.0 file into.  Both go through :func:`walk_package`,
so the two formats give identical blocks for the same document.

Reading order: sections in package order, paragraphs (``hp:p``) in document
order.  Every paragraph, wherever it sits (body, table cell, text box, caption,
note), gets the next 1-based paragraph index, used as ``line``.  A body paragraph
becomes a :class:`Paragraph`; a table (``hp:tbl``) becomes a :class:`Table`
whose nested tables follow it as their own blocks; paragraphs of text boxes
(``hp:drawText``) and of foot/endnotes become paragraphs after their anchor.
Page headers, footers and memos are skipped: they are page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from lxml import etree

from ..blocks import Cell, Document, Paragraph, Table
from ..errors import CorruptFile, LimitExceeded
from ..normalize.markers import split_marker
from ..normalize.text import compact, normalize_text
from ..settings import Settings
from ._budget import DocBudget, table_shape
from ._owpml_numbering import HH, Numberer
from ._superscript import needs_space
from ._zipsafe import parse_xml

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
OPF = "{http://www.idpf.org/2007/opf/}"

_T_CHILD_TEXT = {"tab": "\t", "lineBreak": "\n", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"}
_SHAPES = {"rect", "ellipse", "arc", "polygon", "curve", "connectLine", "container", "textart", "line"}
_SKIP_CTRL = {"header", "footer", "memo", "hiddenComment"}
_NOTES = {"footNote", "endNote"}
_SECTION_RE = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)

# 결재란 vocabulary: a table holding one of the markers and a title is an approval block
_APPROVAL_MARKERS = {"결재", "협조", "전결", "대결", "담당", "기안", "기안자", "검토", "검토자", "결재권자"}
_TITLE_RE = re.compile(r"(?:팀장|과장|국장|실장|단장|부장|관장|청장|시장|구청장|원장|본부장|주무관|담당관|담당)$")
_APPROVAL_MAX_ROWS = 8
_APPROVAL_MAX_CELL_CHARS = 16


class Parts(Protocol):
    def names(self) -> list[str]: ...
    def has(self, name: str) -> bool: ...
    def read(self, name: str) -> bytes: ...


def section_names(path: Path, parts: Parts) -> list[str]:
    """Section parts in reading order: the content.hpf spine, else numeric order."""
    names = parts.names()
    ordered: list[str] = []
    if parts.has("Contents/content.hpf"):
        root = parse_xml(path, parts.read("Contents/content.hpf"), "content.hpf")
        items = {}
        for it in root.iter(f"{OPF}item"):
            href = it.get("href", "")
            if href and not parts.has(href) and parts.has("Contents/" + href):
                href = "Contents/" + href
            items[it.get("id", "")] = href
        spine = [items.get(ref.get("idref", ""), "") for ref in root.iter(f"{OPF}itemref")]
        for href in spine or list(items.values()):
            if _SECTION_RE.search(href) and parts.has(href) and href not in ordered:
                ordered.append(href)
    if not ordered:
        found = [(int(m.group(1)), n) for n in names if (m := _SECTION_RE.search(n)) and n.startswith("Contents/")]
        ordered = [n for _, n in sorted(found)]
    if not ordered:
        raise CorruptFile(path, "본문(section) 부분이 없습니다")
    return ordered


def walk_package(path: Path, parts: Parts, settings: Settings, fmt: str,
                 warnings: Iterable[str] = ()) -> Document:
    """Read every section of a package into a :class:`Document`."""
    header = parse_xml(path, parts.read("Contents/header.xml"), "header.xml") \
        if parts.has("Contents/header.xml") else None
    walker = _Walker(path, settings, Numberer.from_header(header), _bold_char_shapes(header),
                     _char_shapes_with(header, "supscript"))
    for name in section_names(path, parts):
        root = parse_xml(path, parts.read(name), name)
        walker.section(root)
    return Document(blocks=walker.blocks, format=fmt, warnings=list(warnings), pages=None,
                    line_count=walker.count)


def _bold_char_shapes(header: etree._Element | None) -> set[str]:
    return _char_shapes_with(header, "bold")


def _char_shapes_with(header: etree._Element | None, prop: str) -> set[str]:
    """The ids of the character shapes that have ``prop`` ("bold", "supscript")."""
    if header is None:
        return set()
    return {cp.get("id", "") for cp in header.iter(f"{HH}charPr") if cp.find(f"{HH}{prop}") is not None}


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _t_text(t: etree._Element) -> str:
    out = [t.text or ""]
    for c in t:
        out.append(_T_CHILD_TEXT.get(_local(c), ""))
        out.append(c.tail or "")
    return "".join(out)


class _Walker:
    def __init__(self, path: Path, settings: Settings, numberer: Numberer, bold: set[str],
                 superscript: set[str] | None = None):
        self.path = path
        self.settings = settings
        self.num = numberer
        self.bold = bold
        self.superscript = superscript or set()
        self.blocks: list[Paragraph | Table] = []
        self.count = 0
        self.budget = DocBudget(settings, path)

    # -- paragraphs -------------------------------------------------------

    def section(self, root: etree._Element) -> None:
        sec_pr = next(root.iter(f"{HP}secPr"), None)
        if sec_pr is not None:
            self.num.set_outline(sec_pr.get("outlineShapeIDRef"))
        for p in root.iterfind(f"{HP}p"):
            self._body_paragraph(p, 0)

    def _scan(self, p: etree._Element) -> tuple[str, list[etree._Element], bool]:
        """Raw text of ``p``, its embedded objects in order, and whether all text is bold."""
        text: list[str] = []
        objects: list[etree._Element] = []
        bold = True
        last, last_super = "", False   # the text so far ends in ``last``, in a superscript run or not
        for run in p.iterfind(f"{HP}run"):
            run_bold = run.get("charPrIDRef", "") in self.bold
            run_super = run.get("charPrIDRef", "") in self.superscript
            for child in run:
                name = _local(child)
                if name == "t":
                    s = _t_text(child)
                    if self.superscript and s:
                        if last and needs_space(last, last_super, s[0], run_super):
                            s = " " + s
                        last, last_super = s[-1], run_super
                    if s.strip() and not run_bold:
                        bold = False
                    text.append(s)
                elif name == "tbl" or name in _SHAPES:
                    objects.append(child)
                elif name == "ctrl":
                    objects.extend(c for c in child if _local(c) in _NOTES)
        raw = "".join(text)
        return raw, objects, bold and bool(raw.strip())

    def _next_line(self, raw: str = "") -> int:
        self.count += 1
        self.budget.line(raw)
        return self.count

    def _auto_marker(self, p: etree._Element) -> tuple[str, int | None]:
        hd = self.num.heading(p.get("paraPrIDRef"))
        if hd is None:
            return "", None
        # a bullet (글머리표) has a single level in Hancom: it states no outline level
        level = None if hd.kind == "BULLET" else hd.level + 1
        return self.num.marker(hd), level

    def _body_paragraph(self, p: etree._Element, depth: int) -> None:
        raw, objects, bold = self._scan(p)
        line = self._next_line(raw)
        auto, level = self._auto_marker(p)
        text = normalize_text(raw.replace("\n", " "))
        if text:
            if auto:
                marker = auto
            else:
                marker, text = split_marker(text)
            stripped = raw.lstrip(" \t\u3000")
            self.blocks.append(Paragraph(text=text, raw=raw, line=line, marker=marker, level=level,
                                         indent=len(raw) - len(stripped), emphasis=bold))
        for obj in objects:
            name = _local(obj)
            if name == "tbl":
                self.blocks.extend(self._table(obj, depth + 1))
            else:
                for sub in self._sublists(obj):
                    self._check_depth(depth + 1)
                    for q in sub.iterfind(f"{HP}p"):
                        self._body_paragraph(q, depth + 1)

    @staticmethod
    def _sublists(obj: etree._Element) -> list[etree._Element]:
        """The text flows of a shape (its text boxes) or of a foot/endnote."""
        if _local(obj) in _NOTES:
            return obj.findall(f"{HP}subList")
        return [s for dt in obj.iter(f"{HP}drawText") for s in dt.iterfind(f"{HP}subList")]

    def _check_depth(self, depth: int) -> None:
        if depth > self.settings.max_nesting:
            raise LimitExceeded(self.path, f"표/글상자 중첩이 너무 깊습니다 (한도 {self.settings.max_nesting})")

    # -- flows inside cells and captions ----------------------------------

    def _flow(self, sub: etree._Element | None, depth: int) -> tuple[list[str], list[str], int | None, list[Table]]:
        """Texts, raws, first line and nested tables of a cell's or caption's paragraphs."""
        texts: list[str] = []
        raws: list[str] = []
        first: int | None = None
        nested: list[Table] = []
        if sub is None:
            return texts, raws, first, nested
        for p in sub.iterfind(f"{HP}p"):
            raw, objects, _bold = self._scan(p)
            line = self._next_line(raw)
            first = line if first is None else first
            auto, _level = self._auto_marker(p)
            text = normalize_text(raw.replace("\n", " "))
            if text:
                texts.append(f"{auto} {text}" if auto else text)
                raws.append(raw)
            for obj in objects:
                name = _local(obj)
                if name == "tbl":
                    nested.extend(self._table(obj, depth + 1))
                elif name not in _NOTES:
                    for inner in self._sublists(obj):
                        self._check_depth(depth + 1)
                        t, r, _f, n = self._flow(inner, depth + 1)
                        texts.extend(t)
                        raws.extend(r)
                        nested.extend(n)
        return texts, raws, first, nested

    # -- tables -------------------------------------------------------------

    def _table(self, tbl: etree._Element, depth: int) -> list[Table]:
        """The table, followed by the tables nested in its cells."""
        self._check_depth(depth)
        start = self.count + 1
        caption = None
        cap = tbl.find(f"{HP}caption")
        nested: list[Table] = []
        if cap is not None:
            texts, _raws, _first, inner = self._flow(cap.find(f"{HP}subList"), depth)
            caption = " ".join(texts) or None
            nested.extend(inner)
        cells: list[Cell] = []
        header_cells: set[tuple[int, int]] = set()
        has_nested = False
        for tc in tbl.iterfind(f"{HP}tr/{HP}tc"):
            row, col = _addr(tc.find(f"{HP}cellAddr"), "rowAddr", "colAddr", 0)
            row, col = max(row, 0), max(col, 0)
            rowspan, colspan = _addr(tc.find(f"{HP}cellSpan"), "rowSpan", "colSpan", 1)
            texts, raws, first, inner = self._flow(tc.find(f"{HP}subList"), depth)
            has_nested = has_nested or bool(inner)
            nested.extend(inner)
            cells.append(Cell(text=" ".join(texts), raw="\n".join(raws), row=row, col=col,
                              rowspan=max(rowspan, 1), colspan=max(colspan, 1), line=first))
            if tc.get("header") == "1":
                header_cells.add((row, col))
        n_rows, n_cols = table_shape(cells, self.settings, self.path,
                                     _int(tbl.get("rowCnt")), _int(tbl.get("colCnt")))
        self.budget.table(n_rows, n_cols)
        table = Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=start,
                      end_line=max(self.count, start), caption=caption,
                      header_rows=_header_rows(cells, header_cells))
        table.layout = _is_layout(table, has_nested)
        table.form = "approval" if _is_approval(table) else ""
        return [table] + nested


def _int(v: str | None, default: int = 0) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def _addr(el: etree._Element | None, a: str, b: str, default: int) -> tuple[int, int]:
    if el is None:
        return default, default
    return _int(el.get(a), default), _int(el.get(b), default)


def _header_rows(cells: list[Cell], header_cells: set[tuple[int, int]]) -> int | None:
    if not header_cells:
        return None
    rows = 0
    while True:
        anchors = [c for c in cells if c.row == rows]
        if not anchors or not all((c.row, c.col) in header_cells for c in anchors):
            break
        rows = max(c.row + c.rowspan for c in anchors)
    return rows or None


def _is_layout(table: Table, has_nested: bool) -> bool:
    """A 1x1 box (title or text frame), or a one-column frame around other tables."""
    if table.n_rows * table.n_cols == 1:
        return True
    return has_nested and table.n_cols == 1


def _is_approval(table: Table) -> bool:
    """결재란: small table with an approval marker (결재/협조/전결…) and an official's title."""
    if table.n_rows > _APPROVAL_MAX_ROWS:
        return False
    keys = [compact(c.text) for c in table.cells if c.text]
    has_marker = any(k in _APPROVAL_MARKERS or k.startswith(("전결", "대결")) for k in keys)
    titles = sum(1 for k in keys if len(k) <= _APPROVAL_MAX_CELL_CHARS and _TITLE_RE.search(k))
    return has_marker and titles >= 1

