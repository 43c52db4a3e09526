"""DOCX reader (python-docx) into the block model.

The body is walked in XML order, so paragraphs and tables interleave as in the
document (content controls, ``w:sdt``, are looked into).  Heading styles ("Heading
1", "제목 1", or a paragraph outline level) give ``Paragraph.level``; list
numbering (``w:numPr``, directly or through the style) gives the level below the
deepest heading used, and the marker Word would draw is synthesised from the
numbering definition ("1.", "가.", "①", "•", "○" …) so DOCX markers look like those
of the other formats.  Tables keep merged cells: ``w:gridSpan`` → colspan,
``w:vMerge`` restart/continue → rowspan on the anchor; tables nested in cells are
emitted as separate tables right after their parent.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from ..blocks import Block, Cell, Document, Paragraph, Table
from ..errors import CorruptFile
from ..normalize.markers import split_marker
from ..normalize.text import fold, normalize_text
from ..settings import Settings
from . import register
from ._budget import DocBudget, address, span_area_guard, table_shape
from ._budget import span as _span

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|제목)\s*(\d)$", re.I)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_GANADA = "가나다라마바사아자차카타파하"
_CHOSUNG = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
# bullet glyphs as Word writes them with Symbol/Wingdings/Courier fonts
_BULLETS = {"o": "○", "§": "▪", "Ø": "➢", "ü": "✓", "q": "❑", "v": "❖", "n": "■", "l": "●"}


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("ganada", "koreanDigital2") and 1 <= n <= 14:
        return _GANADA[n - 1]
    if fmt == "chosung" and 1 <= n <= 14:
        return _CHOSUNG[n - 1]
    return str(n)


class _Numbering:
    """Numbering definitions and running counters (per numId, per level)."""

    def __init__(self, doc):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for a in root.findall(W + "abstractNum"):
            lv = {}
            for lvl in a.findall(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl", "0"), 0)
                fmt = _val(lvl.find(W + "numFmt"), "decimal")
                text = _val(lvl.find(W + "lvlText"), "")
                start = _int(_val(lvl.find(W + "start"), "1"), 1)
                lv[ilvl] = (fmt, text, start)
            abstract[a.get(W + "abstractNumId")] = lv
        for num in root.findall(W + "num"):
            aid = _val(num.find(W + "abstractNumId"), "")
            for ilvl, spec in abstract.get(aid, {}).items():
                self.levels[(num.get(W + "numId"), ilvl)] = spec

    def marker(self, num_id: str, ilvl: int) -> str:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, text, _ = spec
        if fmt == "none":
            return ""
        if fmt == "bullet":
            t = fold(text).strip()
            return _BULLETS.get(text.strip(), t) or "•"
        counts = self.counters.setdefault(num_id, [0] * 9)
        ilvl = min(ilvl, 8)
        if counts[ilvl] == 0:
            counts[ilvl] = self.levels[(num_id, ilvl)][2] - 1
        counts[ilvl] += 1
        for k in range(ilvl + 1, 9):
            counts[k] = 0

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((num_id, k))
            return _format_number(max(counts[k], 1), lv[0] if lv else "decimal")

        return re.sub(r"%(\d)", sub, text).strip()


def _int(v: str, default: int) -> int:
    """A declared number; ``default`` when it is not one (hostile or broken XML)."""
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _val(el, default: str) -> str:
    if el is None:
        return default
    return el.get(W + "val", default)


def _num_pr(p, styles: dict) -> tuple[str, int] | None:
    ppr = p.find(W + "pPr")
    num = ppr.find(W + "numPr") if ppr is not None else None
    if num is None:
        sid = _val(ppr.find(W + "pStyle"), "") if ppr is not None else ""
        return styles.get(sid, (None, None, None))[1]
    num_id = _val(num.find(W + "numId"), "")
    if not num_id or num_id == "0":
        return None
    return num_id, min(_int(_val(num.find(W + "ilvl"), "0"), 0), 9)


def _style_info(doc) -> dict:
    """styleId → (heading level, style numbering, outline level)."""
    out = {}
    for st in doc.styles.element.findall(W + "style"):
        sid = st.get(W + "styleId")
        name = _val(st.find(W + "name"), "")
        m = _HEADING.match(name.strip())
        level = int(m.group(1)) if m else None
        ppr = st.find(W + "pPr")
        numbering = None
        if ppr is not None:
            olvl = ppr.find(W + "outlineLvl")
            if level is None and olvl is not None and _val(olvl, "9").isdigit() and int(_val(olvl, "9")) < 9:
                level = int(_val(olvl, "9")) + 1
            num = ppr.find(W + "numPr")
            if num is not None and _val(num.find(W + "numId"), "0") != "0":
                numbering = (_val(num.find(W + "numId"), ""), min(_int(_val(num.find(W + "ilvl"), "0"), 0), 9))
        out[sid] = (level, numbering, None)
    return out


def _para_text(p) -> str:
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "delText"):
        tag = el.tag[len(W):]
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append(" ")
    return "".join(parts)


def _is_bold(p) -> bool:
    runs = [r for r in p.iter(W + "r") if (r.findtext(W + "t") or "").strip()]
    if not runs:
        return False
    for r in runs:
        b = r.find(W + "rPr/" + W + "b")
        if b is None or _val(b, "true") in ("0", "false"):
            return False
    return True


class _Walker:
    def __init__(self, doc, settings: Settings):
        self.settings = settings
        self.styles = _style_info(doc)
        self.numbering = _Numbering(doc)
        used = {_val(el, "") for el in doc.element.body.iter(W + "pStyle")}
        self.max_heading = max((self.styles[s][0] or 0 for s in used if s in self.styles), default=0)
        self.blocks: list[Block] = []
        self.n = 0
        self.budget = DocBudget(settings)

    def body(self, el, depth: int = 0) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child, depth)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None and depth < self.settings.max_nesting:
                    self.body(content, depth + 1)

    def paragraph(self, p) -> None:
        raw = _para_text(p)
        self.budget.line(raw)
        ppr = p.find(W + "pPr")
        sid = _val(ppr.find(W + "pStyle"), "") if ppr is not None else ""
        level = self.styles.get(sid, (None, None, None))[0]
        olvl = ppr.find(W + "outlineLvl") if ppr is not None else None
        if olvl is not None and _val(olvl, "9").isdigit() and int(_val(olvl, "9")) < 9:
            level = int(_val(olvl, "9")) + 1
        num = _num_pr(p, self.styles)
        marker_text = ""
        indent = 0
        if num is not None:
            marker_text = self.numbering.marker(*num)   # counts even an empty item
            indent = num[1]
            if level is None:
                level = self.max_heading + num[1] + 1
        if not raw.strip():
            return
        text = normalize_text(raw)
        own_marker, rest = split_marker(text)
        if marker_text:
            marker = normalize_text(marker_text)
            if own_marker:                  # the author also typed a marker
                marker = own_marker
            else:
                rest = text
        else:
            marker = own_marker
        if num is None and ppr is not None:
            ind = ppr.find(W + "ind")
            left = (ind.get(W + "left") or ind.get(W + "start") or "0") if ind is not None else "0"
            indent = max(0, int(left) // 400) if left.lstrip("-").isdigit() else 0
        self.n += 1
        self.blocks.append(Paragraph(text=rest, raw=raw, line=self.n, marker=marker, level=level,
                                     indent=indent, emphasis=_is_bold(p)))

    def table(self, tbl, depth: int) -> None:
        nested: list = []
        cells: list[Cell] = []
        open_v: dict[int, Cell] = {}          # column → anchor cell of a running vMerge
        n_cols = 0
        rows = tbl.findall(W + "tr")
        line = self.n + 1
        for r, tr in enumerate(rows):
            col = 0
            trpr = tr.find(W + "trPr")
            if trpr is not None:
                col = min(address(_val(trpr.find(W + "gridBefore"), "0")), self.settings.max_span)
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = _span(_val(tcpr.find(W + "gridSpan"), "1"), self.settings.max_span) if tcpr is not None else 1
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                if vm is not None and _val(vm, "continue") != "restart" and col in open_v:
                    open_v[col].rowspan = r - open_v[col].row + 1
                    col += span
                    continue
                texts = []
                for child in tc:
                    if child.tag == W + "p":
                        t = _para_text(child)
                        if t.strip():
                            texts.append(t)
                    elif child.tag == W + "tbl":
                        nested.append(child)
                raw = "\n".join(texts)
                cell = Cell(text=normalize_text(raw.replace("\n", " ")), raw=raw, row=r, col=col,
                            colspan=span, line=line + r)
                cells.append(cell)
                for k in range(col, col + span):
                    open_v.pop(k, None)
                if vm is not None:
                    open_v[col] = cell
                col += span
            n_cols = max(n_cols, col)
        if not rows:
            return
        span_area_guard(len(rows), n_cols, self.settings)
        n_rows, n_cols = table_shape(cells, self.settings, None, len(rows), n_cols)
        self.budget.table(n_rows, n_cols)
        self.n += len(rows)
        self.blocks.append(Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=line,
                                 end_line=self.n))
        if depth + 1 < self.settings.max_nesting:
            for t in nested:
                self.table(t, depth + 1)


def read_docx(path: Path, data: bytes, settings: Settings) -> Document:
    """Read a DOCX file into a :class:`Document`."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from ._zipsafe import SafeZip

    with SafeZip(path, data, settings) as z:   # entry count, names, sizes, ratios
        if not z.has("word/document.xml"):
            raise CorruptFile(path, "DOCX 본문(word/document.xml)이 없습니다")
    try:
        doc = docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CorruptFile(path, f"손상된 DOCX 파일입니다 ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - lxml/python-docx raise many kinds on broken XML
        if type(e).__name__ == "XMLSyntaxError":
            raise CorruptFile(path, "손상된 DOCX 파일입니다 (XML 오류)") from None
        raise
    walker = _Walker(doc, settings)
    walker.body(doc.element.body)
    return Document(blocks=walker.blocks, format="docx", line_count=walker.n)


register("docx", read_docx)
