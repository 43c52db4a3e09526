"""PDF: footnotes at a page's foot are notes, never outline headings.

Hancom sets a footnote at the foot of its page, usually under a short rule and in
a smaller font: "1) BOD : Biochemical Oxygen Demand 생물화학적 산소요구량".  Its
number looks like a "1)" heading, so the reader marks the lines of such a block
(:func:`mark_footnotes`) and emits each note as an unmarked paragraph that keeps
its number in the text.  A block is a run of lines that ends the page, lies in
its lower half, opens with a line numbered "N)" and holds nothing larger than
that line.  It is a footnote block when the page also shows at least two of:

- its lines are set smaller than the page's body above it;
- a note has the "N) term : explanation" form;
- the number N of the first note is printed raised after a word earlier on the
  page (the note reference, "BOD¹⁾": :func:`raised_refs`);
- a gap wider than the page's line spacing separates it from the body above;

and one of the first or the third (a note is smaller or referenced).
"""

from __future__ import annotations

import re
from statistics import median

from ._pdf_noterefs import RAISE

FOOTNOTE = re.compile(r"^(\d{1,2})\)\s*\S")
_TERM = re.compile(r"^\d{1,2}\)\s*[^:：]{1,40}?\s*[:：]\s*\S")
FOOT_FROM = 0.5        # × page height: a footnote block starts below this
SMALLER = 0.95         # × body size: note lines at most this large are set smaller
LARGER = 1.08          # × the first note's size: a line larger than this is body text
MIN_SIGNS = 2


def raised_refs(chars: list[dict]) -> set[int]:
    """Numbers printed as raised note references ("…량¹⁾") on a page: one or two
    digits and ")" right after a letter, their feet raised by :data:`RAISE` × its
    height (``chars`` in content order)."""
    out: set[int] = set()
    for k, ch in enumerate(chars):
        if ch["text"] != ")" or k < 2:
            continue
        j = k - 1
        while j >= 0 and k - j <= 2 and chars[j]["text"].isdigit():
            j -= 1
        if j < 0 or j == k - 1 or not chars[j]["text"].isalpha():
            continue
        base = chars[j]
        h = base["bottom"] - base["top"]
        mark = chars[j + 1:k + 1]
        if h > 0 and all(base["bottom"] - c["bottom"] >= RAISE * h and c["x0"] >= base["x0"] for c in mark):
            out.add(int("".join(c["text"] for c in mark[:-1])))
    return out


def _block_start(items: list, height: float, line_type) -> int | None:
    """Index in ``items`` of the first line of a footnote block that could end the
    page: the topmost "N)" line of the trailing run of lines in the page's lower
    half set no larger than its last line, or None."""
    start = None
    last = items[-1] if items else None
    for i in range(len(items) - 1, -1, -1):
        it = items[i]
        if not isinstance(it, line_type) or it.box or it.top < FOOT_FROM * height \
                or it.size > LARGER * last.size:
            break
        if FOOTNOTE.match(it.text):
            start = i
    if start is None:
        return None
    first = items[start]
    if any(ln.size > LARGER * first.size or ln.x0 < first.x0 - 0.5 * first.size for ln in items[start:]):
        return None
    return start


def mark_footnotes(items: list, chars: list[dict], height: float, line_type) -> None:
    """Mark (``note = True``) the lines of the footnote block that ends a page's
    ``items`` (its lines and tables, top to bottom), if it has one."""
    start = _block_start(items, height, line_type)
    if start is None:
        return
    tail = items[start:]
    above = [it for it in items[:start] if isinstance(it, line_type)]
    body = median([ln.size for ln in above]) if above else None
    smaller = body is not None and max(ln.size for ln in tail) <= SMALLER * body
    term = any(_TERM.match(ln.text) for ln in tail)
    first = int(FOOTNOTE.match(tail[0].text).group(1))
    referenced = first in raised_refs(chars)
    gaps = [b.top - a.bottom for a, b in zip(above, above[1:], strict=False) if b.top > a.bottom]
    spacing = median(gaps) if gaps else None
    gap = bool(above) and spacing is not None and tail[0].top - above[-1].bottom > max(1.6 * spacing, tail[0].size)
    if (smaller or referenced) and smaller + term + referenced + gap >= MIN_SIGNS:
        for ln in tail:
            ln.note = True
