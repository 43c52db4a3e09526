"""PDF stage 2: characters grouped into visual lines (pure, no PDFium).

Characters are grouped by vertical centre, then ordered by x; a gap wider than
:data:`SPACE_GAP` × the font size is a space, one wider than :data:`TAB_GAP` ×
the size a tab (cells of a text table).  A row opened by a smaller raised mark
(the "*" of "점검*(4월)", whose centre sorts first) is centred again on the first
larger glyph, so that it does not cut off the smaller glyphs after it.  A glyph
drawn twice at almost the same place (fake bold) counts once.  A word set in raised,
smaller Hangul (a superscript "신규" after a title) is set apart by spaces.  A line's size is the median size of its Hangul
glyphs (digits and Latin are often set smaller).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from ._pdf_chars import FAKE_BOLD_SHIFT
from ._pdf_noterefs import RAISE
from ._superscript import needs_space

SPACE_GAP = 0.22      # × font size: a gap wider than this is a space
TAB_GAP = 1.8         # × font size: a gap wider than this separates cells
#: a line holding a Hangul run this long may be set in condensed type
_LONG_RUN = re.compile("[가-힣]{6,}")
BASE_GAP_MIN_PAIRS = 4  # Hangul glyph pairs a line needs for its usual gap to be measured
MARK_CHARS = 2        # a row's first glyphs, up to this many and no letters, may be a raised mark
SUPER_SIZE = 0.8      # × the size beside it: raised Hangul at most this large is a superscript word


@dataclass(slots=True)
class Line:
    """One visual line of text on a page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    box: bool = False       # the text of one box of a diagram: a paragraph of its own
    note: bool = False      # a line of the page's footnotes (:mod:`._pdf_footnotes`)
    col: tuple[int, int] = (0, 0)   # (column region, column) of side-by-side text (:mod:`._pdf_columns`)
    trail_space: bool = False       # the text layer has a space after the line's last glyph

    @property
    def has_tab(self) -> bool:
        return "\t" in self.text


def _superscript(ch: dict, base: dict) -> bool:
    """``ch`` set in smaller type than ``base`` beside it and raised (Hancom's
    superscript: the "신규" badge after a title, "…기술진단 용역신규"); whether a space
    sets it apart is :func:`~bogo.readers._superscript.needs_space`, as in the other
    readers."""
    h = base["bottom"] - base["top"]
    return h > 0 and _size(ch) <= SUPER_SIZE * _size(base) and base["bottom"] - ch["bottom"] >= RAISE * h


def _size(ch: dict) -> float:
    return ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0


def group_lines(chars: list[dict]) -> list[Line]:
    """Group characters into visual lines, top to bottom (O(n log n))."""
    items = []
    for ch in chars:
        t = ch["text"]
        if t.startswith("(cid:"):
            continue
        items.append(((ch["top"] + ch["bottom"]) / 2, ch))
    items.sort(key=lambda it: it[0])
    rows: list[list[dict]] = []
    ref = -1e9
    ref_size = 0.0
    for mid, ch in items:
        s = _size(ch)
        if rows and abs(mid - ref) <= 0.45 * max(ref_size, s):
            row = rows[-1]
            if s > ref_size and len(row) <= MARK_CHARS and not any(c["text"].isalnum() for c in row):
                ref, ref_size = mid, s      # a row opened by a raised mark ("*") centres on its text
            row.append(ch)
        else:
            rows.append([ch])
            ref, ref_size = mid, s
    return [ln for ln in (_make_line(r) for r in rows) if ln is not None]


def _condensed_spaces(chars: list[dict]) -> set[int]:
    """The glyphs (by id) a space goes before in a line set in condensed type: where
    a line's Hangul glyphs overlap (their loose boxes are wider than the advance, the
    usual gap between two of them negative), a word gap can stay under
    :data:`SPACE_GAP` ("쓰기능력진단체계구축": words 1.8 pt apart, glyphs overlapping
    by 2.7).  Such a gap is a space when it is wider by ``SPACE_GAP`` × size than
    the line's usual gap *and* than the gaps on either side of it (a label set with
    wider tracking inside the line is not spaced out letter by letter)."""
    glyphs = [c for c in chars if c["text"].strip()]
    gaps: list[float | None] = []
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        hangul = "가" <= a["text"] <= "힣" and "가" <= b["text"] <= "힣" and b["x0"] > a["x0"] + 0.5 * _size(a)
        gaps.append(b["x0"] - a["x1"] if hangul else None)
    known = [g for g in gaps if g is not None]
    if len(known) < BASE_GAP_MIN_PAIRS or (base := median(known)) >= 0:
        return set()
    out: set[int] = set()
    for i, gap in enumerate(gaps):
        if gap is None:
            continue
        limit = SPACE_GAP * _size(glyphs[i + 1])
        sides = [g for g in (gaps[i - 1] if i else None, gaps[i + 1] if i + 1 < len(gaps) else None)
                 if g is not None]
        if sides and gap - base > limit and gap - max(sides) > limit:
            out.add(id(glyphs[i + 1]))
    return out


def _make_line(chars: list[dict], condensed: set[int] | None = None) -> Line | None:
    """The line of ``chars``; a line holding a long Hangul run is looked at again
    for the spaces of condensed type (:func:`_condensed_spaces`, given as
    ``condensed``), which most lines need not pay for."""
    if condensed is None:
        chars.sort(key=lambda c: c["x0"])
    parts: list[str] = []
    prev = None
    space_seen = False
    sizes: list[float] = []
    hsizes: list[float] = []   # Hangul glyph sizes: digits and Latin are often set smaller
    bold = 0
    x0 = x1 = None
    for ch in chars:
        t = ch["text"]
        if not t.strip():
            space_seen = prev is not None
            continue
        s = _size(ch)
        if prev is not None:
            if t == prev["text"] and abs(ch["x0"] - prev["x0"]) < FAKE_BOLD_SHIFT * s:
                continue                      # fake bold: the glyph drawn twice
            gap = ch["x0"] - prev["x1"]
            if gap > TAB_GAP * s:
                parts.append("\t")
            elif space_seen or gap > SPACE_GAP * s or (condensed and id(ch) in condensed) \
                    or prev["bottom"] != ch["bottom"] and t.isalnum() and prev["text"].isalnum() \
                    and needs_space(prev["text"], _superscript(prev, ch), t, _superscript(ch, prev)):
                parts.append(" ")
        parts.append(t)
        sizes.append(s)
        if "가" <= t <= "힣":
            hsizes.append(s)
        if ch.get("bold"):
            bold += 1
        if x0 is None:
            x0 = ch["x0"]
        x1 = ch["x1"]
        prev = ch
        space_seen = False
    if prev is None:
        return None
    text = "".join(parts)
    if condensed is None and _LONG_RUN.search(text):
        spaces = _condensed_spaces(chars)
        if spaces:
            return _make_line(chars, spaces)
    return Line(text=text, x0=x0, x1=x1, top=min(c["top"] for c in chars),
                bottom=max(c["bottom"] for c in chars), size=median(hsizes or sizes),
                bold=bold * 2 > len(sizes), trail_space=space_seen)


def line_texts(chars: list[dict], cell: bool = False) -> list[str]:
    """Texts of the visual lines formed by ``chars`` (cell text: no tabs)."""
    out = [ln.text for ln in group_lines(chars)]
    return [t.replace("\t", " ") for t in out] if cell else out
