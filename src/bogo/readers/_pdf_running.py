"""PDF: running headers and footers, left out of the text.

A report printed from Hancom may carry a 머리말/꼬리말 on every page: the report's
title and office above the text ("2025년 주요업무계획 | 기획조정실"), a chapter
name, a line with the page number ("기획조정실 - 3 -").  They are no part of the
page's text, and kept they would read as a paragraph on each page (a doubled
word to W401, a heading to the outline).  A line in the top or bottom band of
the page (:data:`BAND` of its height), set no larger than the page's text and not
opening with a marker, is a running line when the same text — digits aside, a
page number changes from page to page — stands at the same height on
:data:`MIN_PAGES` pages or more and on at least :data:`MIN_SHARE` of the pages
read.  A heading that opens several pages ("추진상황") is larger or marked, and
rarely opens half of them.  Page numbers alone are dropped before (:func:`~bogo.normalize.
text.is_page_number`); a table is never a running line.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median

from ..normalize.markers import split_marker
from ..normalize.text import furniture_key
from ._pdf_lines import Line

BAND = 0.1        # × page height: the top and bottom bands of a page
MIN_PAGES = 3
MIN_SHARE = 0.5   # of the pages read
SAME_HEIGHT = 3.0  # points: a running line stands at the same height on each page


def _key(ln: Line, h: float, body: float) -> tuple[str, str] | None:
    """(band, text with its digits masked) of a line in a page's top or bottom band,
    not opening with a marker and set no larger than the page's text (``body``: its
    median line size) — a heading that happens to open a page is neither."""
    if ln.bottom <= BAND * h:
        band = "top"
    elif ln.top >= (1 - BAND) * h:
        band = "bottom"
    else:
        return None
    if ln.size > body + 0.5 or split_marker(ln.text)[0]:
        return None
    text = furniture_key(ln.text)
    return (band, text) if text is not None else None


def drop_running_lines(pages: list[tuple[int, list]], heights: dict[int, float]) -> int:
    """Take the running lines out of ``pages`` ((page number, items) in place); how
    many were taken out."""
    seen: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)   # key → page → top
    keys: dict[int, tuple[str, str] | None] = {}
    for pno, items in pages:
        lines = [it for it in items if isinstance(it, Line) and not it.box]
        body = median(ln.size for ln in lines) if lines else 0.0
        for ln in lines:
            k = keys[id(ln)] = _key(ln, heights[pno], body)
            if k is not None:
                seen[k].setdefault(pno, ln.top if k[0] == "top" else heights[pno] - ln.bottom)
    need = max(MIN_PAGES, MIN_SHARE * len(pages))
    running = {k for k, at in seen.items() if len(at) >= need
               and max(at.values()) - min(at.values()) <= SAME_HEIGHT}
    if not running:
        return 0
    dropped = 0
    for n, (pno, items) in enumerate(pages):
        kept = [it for it in items if keys.get(id(it)) not in running]
        dropped += len(items) - len(kept)
        pages[n] = (pno, kept)
    return dropped
