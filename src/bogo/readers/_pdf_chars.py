"""PDF stage 1: the characters of one page from PDFium, with boxes, size and weight.

PDFium's text page gives every character with its loose box (the font's ascent
to descent, so all glyphs of a line share one top and bottom), its font size and
weight.  The text of the whole page is fetched with one call and the boxes one
character at a time (the loose box's height is the size: PDFium's font size
ignores the text matrix), in the page's top-left coordinate system used by the later
stages (``top`` grows downwards).  Line breaks PDFium generated itself are
dropped; the spaces it infers between words are kept, placed right after the
previous glyph (the loose box of a narrow glyph is a full em wide, so gaps alone
would miss the space after a comma).  A glyph drawn twice at almost the same place ("fake bold") is kept
once and marks its neighbours bold.  Private-use glyphs of symbol fonts are read by
:mod:`._pdf_glyphs` when the caller passes the page's :class:`GlyphReader`.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from . import _pdfium_lean as pdfium
from ._pdf_glyphs import LOOKUP_BELOW, LOOKUP_EXTRA, LOOKUP_FROM, GlyphReader, needs_lookup

BOLD_WEIGHT = 600            # PDFium font weight at and above which a glyph is bold
# × font size: a repeat of the glyph closer than this is a double strike.  Genuine
# doubles of narrow glyphs in condensed fonts ("··", "))", "00", "(ii)") stand a
# quarter of an em apart, a double strike a few hundredths
FAKE_BOLD_SHIFT = 0.1


def page_chars(textpage, height: float, glyphs: GlyphReader | None = None) -> list[dict]:
    """The characters of a PDFium text page as dicts (text, x0, x1, top, bottom,
    size, bold), in content order, fake-bold doubles removed; ``glyphs`` reads the
    private-use glyphs."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    text = _page_text(textpage, n)
    rect = pdfium_c.FS_RECTF()
    rect_p = ctypes.addressof(rect)
    tp = pdfium.handle_address(textpage)       # the per-character calls take it lean
    box, generated = pdfium.text_loose_box, pdfium.text_is_generated
    font_size, weight = pdfium.text_font_size, pdfium.text_font_weight
    out: list[dict] = []
    last: dict[str, dict] = {}
    in_text_word = False  # the previous glyph was a letter of a text font
    for i in range(n):
        t = text[i]
        if t in "\r\n\x00\ufffe":
            continue
        if t == " " and generated(tp, i) == 1:   # PDFium generates only spaces and breaks
            in_text_word = False
            if t == " " and out and not out[-1]["text"].isspace():
                p = out[-1]
                out.append({**p, "text": " ", "x0": p["x0"] + 1e-3, "x1": p["x0"] + 1e-3})
            continue
        if not box(tp, i, rect_p):
            continue
        size = (rect.top - rect.bottom) or font_size(tp, i) or 10.0
        if glyphs is not None and (t < LOOKUP_BELOW or t >= LOOKUP_FROM or t in LOOKUP_EXTRA):
            # the inline range test spares the rest for Hangul and most other text; a letter
            # right after a letter that its font showed to be text is text too (one lookup per word)
            letter = t.isascii() and t.isalpha()
            if not (letter and in_text_word) and needs_lookup(t):
                read = glyphs.char(i, t, rect.left, rect.right, size)
                in_text_word = letter and read == t
                t = read
            elif not letter:
                in_text_word = False
        else:
            in_text_word = False
        left, top = rect.left, height - rect.top
        prev = last.get(t)
        if prev is not None and _same_place(prev, left, top, size):
            prev["bold"] = True                        # a double strike: keep one, bold
            continue
        ch = {"text": t, "x0": left, "x1": rect.right, "top": top,
              "bottom": height - rect.bottom, "size": size,
              "bold": weight(tp, i) >= BOLD_WEIGHT}
        if not t.isspace():
            last[t] = ch
        out.append(ch)
    return out


def _same_place(prev: dict, x0: float, top: float, size: float) -> bool:
    """Whether a glyph at (``x0``, ``top``) of ``size`` repeats ``prev`` in place."""
    tol = FAKE_BOLD_SHIFT * size
    return abs(prev["x0"] - x0) < tol and abs(prev["top"] - top) < tol


def _page_text(textpage, n: int) -> str:
    """The page's characters, one string index per character index."""
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) == n:
        return text
    # surrogate pairs (or a short read): ask character by character
    uni = pdfium_c.FPDFText_GetUnicode
    return "".join(chr(u) if 0 < (u := uni(textpage, i)) < 0x110000 else "\ufffe" for i in range(n))


def floor_chars(textpage) -> int:
    """The bare PDFium floor for the benchmark: every character's text and loose
    box, nothing else.  Returns the number of characters read."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return 0
    _page_text(textpage, n)
    rect = pdfium_c.FS_RECTF()
    rect_p = ctypes.addressof(rect)
    tp, box = pdfium.handle_address(textpage), pdfium.text_loose_box   # as lean as the reader's calls
    for i in range(n):
        box(tp, i, rect_p)
    return n
