"""Page furniture in text exports: page numbers and running headers and footers.

A text saved from a paged document (``pdftotext``, a viewer's "save as text")
keeps what was printed on every page: a page number line ("- 3 -") and the
running header and footer ("2025년 주요업무보고", "기획조정실 - 3 -"), with a
form feed (``\\f``) where a page ends.  They are no part of the text: kept, each
would read as a paragraph (a dash item "3 -", a repeated line).

- A line that is a page number between dashes ("- 3 -", "— 12 —") is dropped
  wherever it stands; a bare or slashed number ("3", "3 / 10") only as the first
  or the last line of a page.
- With :data:`MIN_PAGES` form feeds or more, the first line of each page after the
  first, and the last line of each page, are running lines when the same text —
  digits aside — stands there on :data:`MIN_PAGES` pages and on half the pages,
  and it opens with no marker (a "□ 추진상황" opening pages is a heading): dropped,
  but on the first page, where the same line is the title.

Dropped lines are left blank, so that every other line keeps its number.
"""

from __future__ import annotations

import re
from collections import Counter

from ..normalize.markers import split_marker
from ..normalize.text import furniture_key, is_page_number, normalize_text

MIN_PAGES = 3
_DASHED = re.compile(r"^\s*[-–—]\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*[-–—]\s*$")
_DASHES = frozenset("-–—")

Line = tuple[int, str]


def _pages(lines: list[Line]) -> list[list[int]]:
    """Indices of the non-blank lines of each page (a form feed opens a page)."""
    pages: list[list[int]] = [[]]
    for i, (_no, raw) in enumerate(lines):
        if "\f" in raw:
            head, _, tail = raw.rpartition("\f")
            if head.replace("\f", "").strip():
                pages[-1].append(i)
            pages.append([])
            if tail.strip():
                pages[-1].append(i)
        elif raw.strip():
            pages[-1].append(i)
    return [p for p in pages if p]


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """``lines`` with page numbers and running headers and footers blanked."""
    drop = {i for i, (_no, raw) in enumerate(lines)
            if raw.lstrip(" \t\f")[:1] in _DASHES and _DASHED.match(raw.replace("\f", ""))}
    if not any("\f" in raw for _no, raw in lines):
        return _blank(lines, drop)
    pages = _pages(lines)
    text = [raw.replace("\f", " ").strip() for _no, raw in lines]
    for p in pages:
        for i in (p[0], p[-1]):
            if is_page_number(text[i]):
                drop.add(i)
    if len(pages) > MIN_PAGES:
        need = max(MIN_PAGES, len(pages) / 2)
        for ends, first in ((pages[1:], True), (pages, False)):   # headers (not the title page), footers
            at = [next((i for i in (p if first else reversed(p)) if i not in drop), None) for p in ends]
            at = [i for i in at if i is not None and not split_marker(normalize_text(text[i]))[0]]
            keys = {i: furniture_key(text[i]) for i in at}
            counts = Counter(k for k in keys.values() if k is not None)
            running = {k for k, n in counts.items() if n >= need}
            drop.update(i for i, k in keys.items() if k in running)
    return _blank(lines, drop)


def _blank(lines: list[Line], drop: set[int]) -> list[Line]:
    if not drop:
        return lines
    return [(no, "" if i in drop else raw) for i, (no, raw) in enumerate(lines)]
