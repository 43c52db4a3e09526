"""PDF stage 1b: private-use glyphs of symbol fonts read as the bullets they draw.

Word and Hancom draw bullets and section boxes (□ ○ ▪ ➢ …) with symbol fonts, and
PDFium reports such a glyph as a Private Use Area code point.  Three cases:

- **U+F020–U+F0FF from a font of the Adobe Symbol family** ("Symbol", "SymbolMT"):
  the symbol-font convention puts the glyph's code in the low byte, read here in the
  Symbol encoding (0xB7 •, 0xAE →, 0xDE ⇒ …: :data:`SYMBOL_LOW`);
- **U+F0xx of any other font** is left as it is: :func:`bogo.normalize.text.fold`
  maps these code points (the Wingdings codes) for every format, exactly as it maps
  them when they come from an HWP or HWPX file;
- **a plain character of a Wingdings font**: a font without a Unicode map comes out
  of PDFium as its codes read as WinAnsi text ("w" for Wingdings' ⬥, "ž" for 0x9E);
  the code (the byte of that character in cp1252) is read as U+F000 + code, so
  that fold maps it as above.  A plain character of another dingbat font
  (Wingdings 2 or 3, Webdings: other tables) is read by its shape, as below;
- **Hancom's placeholder U+F000, and any private-use code that fold does not
  know**: Hancom's PDF export writes U+F000 in the ToUnicode map for every glyph of
  its own symbol set (rounded and shadowed squares, boxed and circled numbers), so
  the code names nothing.  The glyph is then rendered alone (it is a text object of
  its own) and its shape read by :func:`glyph_shape`: an empty square frame is □,
  an empty ring ○, a full square ■, a full disc ●.  Anything else — a boxed or
  circled digit, whose number cannot be read without OCR, an arrow, a diamond —
  stays unidentified and keeps its code, which fold turns into the unknown
  bullet "•" as it does for the same glyph from HWP.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c

from ..normalize.text import PUA_BULLETS

PLACEHOLDER = "\uf000"
# Adobe Symbol encoding: the codes of marks that serve as bullets, arrows and notes
SYMBOL_LOW: dict[int, str] = {
    0x2A: "*", 0x2D: "-", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔",
    0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB4: "×", 0xB7: "•",
    0xD7: "·", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊",
}
_SYMBOL_FONT = re.compile(r"^(?:[A-Z]{6}\+)?Symbol(?:MT|PS)?(?:[-,].*)?$", re.IGNORECASE)
_WINGDINGS = re.compile(r"^(?:[A-Z]{6}\+)?Wingdings(?:-Regular)?(?:,.*)?$", re.IGNORECASE)
_DINGBATS = re.compile(r"wingdings|webdings|dingbat", re.IGNORECASE)
# the characters a font without a Unicode map comes out as (WinAnsi text of its codes)
_CP1252_EXTRA = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
#: the characters :func:`needs_lookup` may accept: below U+0100, private use and up, cp1252's extras
LOOKUP_BELOW, LOOKUP_FROM, LOOKUP_EXTRA = "\u0100", "\ue000", _CP1252_EXTRA
GLYPH_PX = 32          # the glyph is rendered about this many pixels high
MAX_SCALE = 16.0       # pixels per point at most
INK = 32               # alpha above which a rendered pixel is ink (thin strokes are anti-aliased)


def needs_lookup(t: str) -> bool:
    """A private-use character, or one a dingbat font's code may come out as (a
    letter, Latin-1, cp1252): the reader looks at its font (a cheap test per glyph)."""
    return ("\ue000" <= t <= "\uf8ff" or "\x80" <= t <= "\xff" or t in _CP1252_EXTRA
            or t.isascii() and t.isalpha())


def font_kind(name: str) -> str:
    """"symbol", "wingdings", "dingbats" (another dingbat font) or "" for a text font."""
    name = name.strip()
    if _SYMBOL_FONT.match(name):
        return "symbol"
    if _WINGDINGS.match(name):
        return "wingdings"
    return "dingbats" if _DINGBATS.search(name) else ""


def code_of(t: str) -> int | None:
    """The one-byte code a font without a Unicode map wrote for character ``t``."""
    if len(t) != 1:
        return None
    if ord(t) < 0x100:
        return ord(t)
    try:
        return t.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def is_symbol_font(name: str) -> bool:
    """The Adobe Symbol family, by the base font name PDFium gives (subset prefix aside)."""
    return bool(_SYMBOL_FONT.match(name.strip()))


def symbol_char(t: str, font: str) -> str | None:
    """The Unicode character of a U+F0xx glyph of a Symbol-family font, or None."""
    if is_symbol_font(font) and "\uf020" <= t <= "\uf0ff":
        return SYMBOL_LOW.get(ord(t) & 0xFF)
    return None


def _frac_row(mask, y: int, x0: int, x1: int) -> float:
    row = mask[y]
    return sum(row[x0:x1]) / max(1, x1 - x0)


def _frac_col(mask, x: int, y0: int, y1: int) -> float:
    return sum(mask[y][x] for y in range(y0, y1)) / max(1, y1 - y0)


def _frac(mask, y0: int, y1: int, x0: int, x1: int) -> float:
    n = (y1 - y0) * (x1 - x0)
    return sum(sum(mask[y][x0:x1]) for y in range(y0, y1)) / n if n > 0 else 0.0


def _bbox(mask) -> tuple[int, int, int, int] | None:
    ys = [y for y, row in enumerate(mask) if any(row)]
    if not ys:
        return None
    xs = [x for row in mask for x, v in enumerate(row) if v]
    return ys[0], ys[-1] + 1, min(xs), max(xs) + 1


def _edges(mask, y0: int, y1: int, x0: int, x1: int, band: int) -> list[float]:
    """Best ink coverage of a row (column) within ``band`` of each side: top, bottom, left, right."""
    return [max(_frac_row(mask, y, x0, x1) for y in range(y0, y0 + band)),
            max(_frac_row(mask, y, x0, x1) for y in range(y1 - band, y1)),
            max(_frac_col(mask, x, y0, y1) for x in range(x0, x0 + band)),
            max(_frac_col(mask, x, y0, y1) for x in range(x1 - band, x1))]


def _on_ring(mask, y0: int, y1: int, x0: int, x1: int) -> bool:
    """Ink near the four 45° points of a circle inscribed in the box (a diamond has none there)."""
    h, w = y1 - y0, x1 - x0
    r = max(1, round(0.06 * min(h, w)))
    for fy, fx in ((0.146, 0.146), (0.146, 0.854), (0.854, 0.146), (0.854, 0.854)):
        cy, cx = y0 + round(fy * (h - 1)), x0 + round(fx * (w - 1))
        if not any(mask[y][x] for y in range(max(y0, cy - r), min(y1, cy + r + 1))
                   for x in range(max(x0, cx - r), min(x1, cx + r + 1))):
            return False
    return True


def glyph_shape(mask: list[list[bool]]) -> str | None:
    """The bullet a rendered glyph draws (□ ○ ■ ●), or None when its shape is not one
    of these (pure: ``mask`` is rows of ink flags)."""
    box = _bbox(mask)
    if box is None:
        return None
    y0, y1, x0, x1 = box
    h, w = y1 - y0, x1 - x0
    if min(h, w) < 5 or not 0.75 <= w / h <= 1.33:
        return None
    total = _frac(mask, y0, y1, x0, x1)
    if total >= 0.95:
        return "■"
    band = max(1, round(0.12 * min(h, w)))
    ins = max(band + 1, round(0.25 * min(h, w)))
    inner = _frac(mask, y0 + ins, y1 - ins, x0 + ins, x1 - ins)
    edges = _edges(mask, y0, y1, x0, x1, band)
    if min(edges) >= 0.75 and inner <= 0.02:
        return "□"
    c = max(1, round(0.12 * min(h, w)))
    corners = (_frac(mask, y0, y0 + c, x0, x0 + c) + _frac(mask, y0, y0 + c, x1 - c, x1)
               + _frac(mask, y1 - c, y1, x0, x0 + c) + _frac(mask, y1 - c, y1, x1 - c, x1)) / 4
    if corners > 0.1 or not _on_ring(mask, y0, y1, x0, x1):
        return None
    if inner >= 0.95 and 0.65 <= total <= 0.9:
        return "●"
    if inner <= 0.02 and min(edges) >= 0.15:
        return "○"
    return None


def _render_mask(pdf, page, obj, scale: float, cols: tuple[float, float] | None = None) -> list[list[bool]] | None:
    """Ink flags of text object ``obj`` rendered at ``scale``; ``cols`` keeps the
    columns between these two x positions (page units) only: one glyph of a longer object."""
    bm = pdfium_c.FPDFTextObj_GetRenderedBitmap(pdf, page, obj, ctypes.c_float(scale))
    if not bm:
        return None
    try:
        if pdfium_c.FPDFBitmap_GetFormat(bm) != pdfium_c.FPDFBitmap_BGRA:
            return None
        w, h = pdfium_c.FPDFBitmap_GetWidth(bm), pdfium_c.FPDFBitmap_GetHeight(bm)
        stride = pdfium_c.FPDFBitmap_GetStride(bm)
        buf = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bm), stride * h)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bm)
    a, b = 0, w
    if cols is not None:
        a, b = max(0, int(cols[0] * scale)), min(w, int(cols[1] * scale + 0.999))
    return [[v > INK for v in buf[y * stride + 4 * a + 3:y * stride + 4 * b:4]] for y in range(h)]


def _base_font(font) -> str:
    buf = ctypes.create_string_buffer(128)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    return buf.value.decode("utf-8", "replace") if n > 0 else ""


class GlyphReader:
    """Looks up the private-use glyphs of one page (its PDFium document, page and
    text page handles): :meth:`char` gives the character to read for glyph ``i``."""

    def __init__(self, pdf, page, textpage):
        self.pdf, self.page, self.textpage = pdf, page, textpage
        self.kinds: dict[int, str] = {}          # font handle → font_kind

    def char(self, i: int, t: str, left: float, right: float, size: float) -> str:
        """The character to read for glyph ``i`` (text ``t``, loose box from ``left`` to
        ``right`` on the page, ``size`` high)."""
        obj = pdfium_c.FPDFText_GetTextObject(self.textpage, i)
        kind = self._kind(obj)
        if not "\ue000" <= t <= "\uf8ff":
            if kind not in ("wingdings", "dingbats") or t == "\xa0":
                return t                       # text, or a Symbol glyph PDFium has decoded
            code = code_of(t)
            if code is None:
                return t
            pua = chr(0xF000 + code)
            if kind == "wingdings" and pua in PUA_BULLETS:
                return pua                     # read by fold as the same code from HWP
            return self._shape(obj, left, right, size) or PLACEHOLDER
        if kind == "symbol" and (sym := symbol_char(t, "Symbol")) is not None:
            return sym
        if t != PLACEHOLDER and t in PUA_BULLETS:
            return t                           # a symbol-font code fold knows (as for HWP)
        return self._shape(obj, left, right, size) or t

    def _kind(self, obj) -> str:
        font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
        key = ctypes.cast(font, ctypes.c_void_p).value if font else 0
        kind = self.kinds.get(key)
        if kind is None:
            kind = self.kinds[key] = font_kind(_base_font(font)) if font else ""
        return kind

    def _shape(self, obj, left: float, right: float, size: float) -> str | None:
        """The bullet the glyph draws (:func:`glyph_shape`), rendering it alone."""
        cols = self._columns(obj, left, right)
        if cols is None:
            return None
        scale = min(MAX_SCALE, max(0.5, GLYPH_PX / max(size, 1.0)))
        mask = _render_mask(self.pdf, self.page, obj, scale, cols)
        box = _bbox(mask) if mask else None
        small = min(box[1] - box[0], box[3] - box[2]) if box is not None else GLYPH_PX
        if small < GLYPH_PX * 0.75 and scale < MAX_SCALE:
            # a small mark within its em (a bullet dot): rendered again so that its shape shows
            mask = _render_mask(self.pdf, self.page, obj, min(MAX_SCALE, scale * GLYPH_PX / max(1, small)), cols)
        return glyph_shape(mask) if mask else None

    def _columns(self, obj, left: float, right: float) -> tuple[float, float] | None:
        """The glyph's columns within its text object's rendering (None: no object), or
        the whole object when it holds the glyph alone."""
        if not obj:
            return None
        if self._alone(obj):
            return 0.0, 1e9
        x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (x0, y0, x1, y1))):
            return None
        return max(0.0, left - x0.value), max(0.0, right - x0.value)

    def _alone(self, obj) -> bool:
        """The text object holds this glyph only (spaces aside): rendering it shows the glyph."""
        n = pdfium_c.FPDFTextObj_GetText(obj, self.textpage, None, 0)
        if n <= 0 or n > 16:
            return False
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFTextObj_GetText(obj, self.textpage, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
        return len(buf.raw[: max(n - 2, 0)].decode("utf-16-le", "replace").strip()) == 1
