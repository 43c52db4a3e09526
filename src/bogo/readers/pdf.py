"""PDF reader (text layer) into the block model, on PDFium.

Each page is loaded, read and closed in turn (memory stays flat in the number of
pages): PDFium gives the characters with their boxes (:mod:`._pdf_chars`) and the
vector paths, turned into rulings (:mod:`._pdf_rulings`) and cell boxes
(:mod:`._pdf_cells`).  Characters are grouped into visual lines (:mod:`._pdf_lines`),
ruled tables are rebuilt with their merged cells (:mod:`._pdf_tables`), and the
lines outside the tables are grouped into paragraphs.  A paragraph starts at a
bullet or number marker, after a vertical gap wider than the page's line spacing,
after a short (unjustified) line, or at a change of font size.  Footnotes at a
page's foot (:mod:`._pdf_footnotes`) are paragraphs without a marker, never
headings.  Lines whose cells are separated by wide gaps go to the shared text-table recogniser
(:func:`bogo.readers.textlines.lines_to_blocks`) when it is available.  The visual
lines of a paragraph or a cell are joined with a space at a wrap only where a word
ends (:mod:`._pdf_wraps`): the wraps only the document's own words can decide are
settled once every page is read.

Pages whose content the text layer does not give (scans, pictures of text, fonts
without a Unicode map, text drawn as outlines) are named in ``Document.warnings``:
such a file was only partly read.  A page without Hangul that holds nothing more
— the blank back of a sheet printed on both sides, a folio ("- 16 -") or a
"MEMO" page, a small logo — is not (:mod:`._pdf_unread`).  A PDF without
Hangul on any page is refused.  Running headers and footers repeated on the pages
(:mod:`._pdf_running`) are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from statistics import median

from ..blocks import Block, Document, Paragraph, Table
from ..errors import CorruptFile, UnsupportedFormat
from ..normalize.markers import split_marker
from ..normalize.text import is_page_number, normalize_text
from ..settings import Settings
from . import register
from ._pdf_cells import find_tables
from ._pdf_chars import page_chars
from ._pdf_columns import column_regions, free_rules, split_by_columns
from ._pdf_footnotes import FOOTNOTE, mark_footnotes
from ._pdf_glyphs import GlyphReader
from ._pdf_join import append_rows, continuation, inside
from ._pdf_lines import Line, group_lines, line_texts
from ._pdf_rulings import page_rulings
from ._pdf_running import drop_running_lines
from ._pdf_tables import RuledTable, build_tables
from ._pdf_unread import unread_content
from ._pdf_wraps import Wraps

_HANGUL = re.compile("[가-힣ㄱ-ㅣ]")
# line starts that open a paragraph although split_marker does not call them markers
_EXTRA_BULLET = re.compile(r"^[ㅇo◦∘]\s")
_NUMBER_BOX = re.compile(r"^(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[①-⑳])\.?$")
_LEADER_END = re.compile(r"(?:[·.…‥]\s*){3,}\d+$")       # a table-of-contents entry
NO_TEXT_WARNING = "{pages}쪽: 한글 텍스트 층이 없습니다 (스캔 또는 글꼴 문제)"


def _open(path: Path, data: bytes):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
        n = len(pdf)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UnsupportedFormat(path, "암호가 걸린 PDF입니다. 암호를 풀고 다시 저장해 주세요") from None
        raise CorruptFile(path, "손상되었거나 잘린 PDF입니다 (PDFium이 문서를 열지 못함)") from None
    except (RecursionError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        raise CorruptFile(path, f"손상된 PDF입니다 ({type(e).__name__})") from None
    if n == 0:
        pdf.close()
        raise CorruptFile(path, "쪽이 없는 PDF입니다")
    return pdf, n


def read_page(pdf, i: int) -> tuple[list[dict], tuple[list, list], float]:
    """Characters, drawing (ruled-table candidates, and the vertical rules outside them
    that may split columns of text) and height of page ``i`` (0-based); the page is
    closed before returning."""
    page = pdf[i]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            chars = page_chars(textpage.raw, height, GlyphReader(pdf.raw, page.raw, textpage.raw))
        finally:
            textpage.close()
        rulings = page_rulings(page.raw, height)
        found = find_tables(rulings)
    finally:
        page.close()
    return chars, (found, free_rules(rulings.v, [bbox for bbox, _ in found])), height


def read_pdf(path: Path, data: bytes, settings: Settings) -> Document:
    """Read a PDF's text layer into a :class:`Document`."""
    pdf, n_pages = _open(path, data)
    warnings: list[str] = []
    no_text: list[int] = []                   # pages holding what the text layer does not give
    without_hangul = 0
    broken: list[int] = []
    pages: list[tuple[int, list]] = []        # (page number, items sorted by top)
    heights: dict[int, float] = {}
    wraps = Wraps()                           # the document's words, deciding its wraps
    limit = min(n_pages, settings.max_pdf_pages)
    if n_pages > limit:
        warnings.append(f"PDF가 {n_pages}쪽으로 한도({limit}쪽)를 넘어 앞의 {limit}쪽만 읽었습니다")
    try:
        for i in range(limit):
            try:
                chars, found, height = read_page(pdf, i)
            except Exception:  # noqa: BLE001 - hostile content streams raise anything
                broken.append(i + 1)
                continue
            if not any(_HANGUL.match(c["text"]) for c in chars):
                without_hangul += 1
                if unread_content(pdf, i, chars):
                    no_text.append(i + 1)
                if not chars or all(not c["text"].strip() for c in chars):
                    continue
            pages.append((i + 1, _page_items(height, chars, found, wraps)))
            heights[i + 1] = height
    finally:
        pdf.close()
    if without_hangul + len(broken) >= limit:
        if broken and not without_hangul:
            raise CorruptFile(path, "PDF의 어느 쪽도 읽을 수 없습니다 (손상된 내용)")
        raise UnsupportedFormat(path, "PDF에 한글 텍스트 층이 없습니다 (스캔본이거나 글꼴 문제). "
                                      "HWP/HWPX 원본이나 텍스트가 있는 PDF를 사용해 주세요")
    if no_text:
        warnings.append(NO_TEXT_WARNING.format(pages=", ".join(map(str, no_text))))
    if broken:
        warnings.append(f"{', '.join(map(str, broken))}쪽: 손상되어 읽지 못했습니다")
    drop_running_lines(pages, heights)
    blocks = _emit(pages, settings, wraps)
    wraps.resolve()
    last = blocks[-1] if blocks else None
    line_count = (last.end_line if isinstance(last, Table) else last.line) if last else 0
    return Document(blocks=blocks, format="pdf", warnings=warnings, pages=n_pages,
                    line_count=line_count)


def _page_items(h: float, chars: list[dict], drawing, wraps: Wraps | None = None) -> list:
    """Tables and lines of one page in reading order, page numbers dropped: top to
    bottom, and where a rule splits the text into columns, column by column."""
    found, rules = drawing
    tables, rest = build_tables(found, chars, line_texts, wraps)
    regions = column_regions(rules, rest) if rules else []

    def at(top: float, x: float) -> tuple[float, int, float]:
        for r in regions:
            if r.top <= top <= r.bottom:
                return (r.top, bisect_right(r.xs, x), top)
        return (top, 0, top)

    items: list = [(at(t.bbox[1], (t.bbox[0] + t.bbox[2]) / 2), t) for t in tables if t.table is not None]
    for t in tables:
        for ln in _box_lines(t.boxes or ()):
            items.append((at(ln.top, (ln.x0 + ln.x1) / 2), ln))
    for col, part in split_by_columns(rest, regions).items():
        for ln in group_lines(part):
            if is_page_number(ln.text) and (ln.top > 0.88 * h or ln.bottom < 0.08 * h):
                continue
            ln.col = col
            region = regions[col[0] - 1] if col[0] else None
            items.append(((region.top, col[1], ln.top) if region else (ln.top, 0, ln.top), ln))
    items.sort(key=lambda it: it[0])
    out = [it[1] for it in items]
    mark_footnotes(out, chars, h, Line)
    return out


def _box_lines(boxes: list[list[dict]]) -> list[Line]:
    """The lines of a diagram's boxes; a box holding only a section number ("2",
    "Ⅲ") is joined to the box right of it on the same row: a heading drawn as a
    number box beside a title box."""
    out: list[Line] = []
    pending: Line | None = None
    for ln in (b for b in map(_box_line, boxes) if b is not None):
        if pending is not None:
            mid = (ln.top + ln.bottom) / 2
            if pending.top <= mid <= pending.bottom and ln.x0 >= pending.x1:
                ln = Line(text=f"{pending.text} {ln.text}", x0=pending.x0, x1=ln.x1, top=min(ln.top, pending.top),
                          bottom=max(ln.bottom, pending.bottom), size=ln.size, bold=ln.bold, box=True)
            else:
                out.append(pending)
            pending = None
        if _NUMBER_BOX.match(ln.text):
            pending = ln
        else:
            out.append(ln)
    if pending is not None:
        out.append(pending)
    return out


def _box_line(chars: list[dict]) -> Line | None:
    """The text of one diagram box as one line (its visual lines joined)."""
    lines = group_lines(chars)
    if not lines:
        return None
    text = " ".join(ln.text.replace("\t", " ") for ln in lines)
    return Line(text=text, x0=min(ln.x0 for ln in lines), x1=max(ln.x1 for ln in lines),
                top=lines[0].top, bottom=lines[-1].bottom, size=lines[0].size,
                bold=all(ln.bold for ln in lines), box=True)


def _starts_paragraph(ln: Line, first: Line, prev: Line, gap_limit: float, right: float) -> bool:
    if ln.has_tab or prev.has_tab or ln.box or prev.box or ln.note != prev.note or ln.col != prev.col:
        return True
    if ln.note and FOOTNOTE.match(ln.text):
        return True                                 # the next footnote
    norm = normalize_text(ln.text)
    if split_marker(norm)[0] or _EXTRA_BULLET.match(norm) or _LEADER_END.search(prev.text):
        return True
    if ln.top - prev.bottom > gap_limit or abs(ln.size - prev.size) > max(1.0, 0.12 * prev.size):
        return True
    if ln.x0 > first.x0 + 0.5 * ln.size:
        return False                                # hanging indent: a continuation line
    return prev.x1 < right - 2.5 * prev.size        # the previous line ended short


def _group_page(items: list) -> tuple[list, dict[tuple[int, int], float]]:
    """Group a page's lines into paragraphs (lists of lines); tables pass through.
    With them, the right edge of the text of each column of the page."""
    lines = [it for it in items if isinstance(it, Line)]
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)
            if 0 <= b.top - a.bottom < 2 * a.size]
    base = median(gaps) if gaps else 4.0
    right: dict[tuple[int, int], float] = {}     # the right edge of the text, per column
    for ln in lines:
        right[ln.col] = max(right.get(ln.col, 0.0), ln.x1)
    out: list = []
    cur: list[Line] | None = None
    for it in items:
        if not isinstance(it, Line):
            out.append(it)
            cur = None
            continue
        limit = max(base * 1.6, base + 0.4 * it.size)
        if cur is None or _starts_paragraph(it, cur[0], cur[-1], limit, right[it.col]):
            cur = [it]
            out.append(cur)
        else:
            cur.append(it)
    return out, right


def _lines_to_blocks():
    try:
        from .textlines import lines_to_blocks
    except ImportError:
        return None
    return lines_to_blocks


class _Emitter:
    """Numbers blocks in reading order; indent is measured from the global margin."""

    def __init__(self, pages: list[tuple[int, list]], settings: Settings, wraps: Wraps | None = None):
        self.settings = settings
        self.wraps = wraps
        self.right: dict[tuple[int, int], float] = {}
        self.recognise = _lines_to_blocks()
        all_lines = [it for _, items in pages for it in items if isinstance(it, Line)]
        self.margin = min((ln.x0 for ln in all_lines), default=0.0)
        self.em = median([ln.size for ln in all_lines]) if all_lines else 10.0
        self.blocks: list[Block] = []
        self.n = 0
        self.open: tuple | None = None   # last table: (table, edges, bbox and page drawn last)

    def page(self, pno: int, items: list) -> None:
        run: list[list[Line]] = []
        groups, self.right = _group_page(items)
        for g in groups:
            if isinstance(g, RuledTable):
                self.run(run, pno)
                run = []
                self.table(g, pno)
            else:
                run.append(g)
        self.run(run, pno)

    def table(self, rt: RuledTable, pno: int) -> None:
        """Emit a ruled table, or append it to the last table of an earlier page
        when it continues it (:func:`._pdf_join.continuation`) with nothing but
        that table's nested tables between."""
        g, last = rt.table, self.open
        if last is not None and last[3] < pno and continuation(last[0], last[1], g, rt.cols):
            self.n += append_rows(last[0], g, self.n + 1)
            self.open = (last[0], last[1], rt.bbox, pno)
            return
        g.line, g.end_line, g.page = self.n + 1, self.n + g.n_rows, pno
        for c in g.cells:
            c.line = g.line + c.row
        self.n += g.n_rows
        self.blocks.append(g)
        if last is None or last[3] != pno or not inside(rt.bbox, last[2]):
            self.open = (g, rt.cols, rt.bbox, pno)

    def run(self, run: list[list[Line]], pno: int) -> None:
        """Paragraphs between two ruled tables; runs of gapped lines go to the
        shared text-table recogniser."""
        if run:
            self.open = None
        i = 0
        while i < len(run):
            j = i
            while j < len(run) and run[j][0].has_tab:
                j += 1
            if self.recognise and j - i >= self.settings.min_table_rows:
                numbered = [(self.n + k + 1, run[i + k][0].text) for k in range(j - i)]
                first = {num: run[i + k][0] for k, (num, _) in enumerate(numbered)}
                for b in self.recognise(numbered, self.settings):
                    b.page = pno
                    if isinstance(b, Table):
                        b.origin = "inferred"          # columns guessed from gaps, no rules
                    if isinstance(b, Paragraph) and b.line in first:
                        b.indent = _indent(first[b.line], self.margin, self.em)
                    self.blocks.append(b)
                self.n += j - i
                i = j
                continue
            self.n += 1
            self.blocks.append(_paragraph(run[i], self.n, pno, self.margin, self.em,
                                          self.wraps, self.right.get(run[i][0].col)))
            i += 1


def _emit(pages: list[tuple[int, list]], settings: Settings, wraps: Wraps | None = None) -> list[Block]:
    em = _Emitter(pages, settings, wraps)
    for pno, items in pages:
        em.page(pno, items)
    return em.blocks


def _indent(ln: Line, margin: float, em: float) -> int:
    return max(0, round((ln.x0 - margin) / em))


def _paragraph(g: list[Line], n: int, pno: int, margin: float, em: float,
               wraps: Wraps | None = None, right: float | None = None) -> Paragraph:
    if wraps is None:
        raw, undecided = " ".join(ln.text for ln in g), []
    else:
        raw, undecided = wraps.join(g, right)
    marker, text = split_marker(normalize_text(raw))
    if g[0].note and FOOTNOTE.match(raw):
        marker, text = "", normalize_text(raw)      # a footnote keeps its number: no heading
    p = Paragraph(text=text, raw=raw, line=n, marker=marker, indent=_indent(g[0], margin, em),
                  emphasis=all(ln.bold for ln in g), page=pno)
    if wraps is not None:
        wraps.defer(p, ("text", "raw"), undecided)
    return p


register("pdf", read_pdf)
