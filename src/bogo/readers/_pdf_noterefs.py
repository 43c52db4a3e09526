"""PDF: footnote reference marks left out of table cells.

Hancom prints the number of a footnote anchored in a cell ("경상수입¹⁾") as a
raised, smaller "1)" right after the word.  It is no part of the cell's text:
the HWP/HWPX source holds it as a note control, not as characters, and a label
like "경상수입1)" would no longer match its name.  A run of digits closed by
")" that directly follows a Hangul character on the same visual line, no larger
than it and with its foot raised by :data:`RAISE` × its height or more, is
such a mark and is dropped from the cell.
"""

from __future__ import annotations

RAISE = 0.12      # × the word's glyph height: a foot this much higher is superscript
TOUCH = 0.5       # × glyph height: the mark starts at most this far after the word
MAX_DIGITS = 2


def _raised(ch: dict, base: dict) -> bool:
    h = base["bottom"] - base["top"]
    return (h > 0 and base["bottom"] - ch["bottom"] >= RAISE * h
            and ch["bottom"] - ch["top"] <= h and ch["top"] >= base["top"] - RAISE * h)


def _next(line: list[dict], k: int, base: dict) -> int:
    """Index of the first character after ``k`` (by x) on ``base``'s line, or -1."""
    for j in range(k + 1, len(line)):
        mid = (line[j]["top"] + line[j]["bottom"]) / 2
        if base["top"] <= mid <= base["bottom"] and line[j]["text"].strip():
            return j
    return -1


def drop_note_refs(chars: list[dict]) -> list[dict]:
    """``chars`` of one cell without the footnote reference marks in them."""
    if ")" not in [c["text"] for c in chars]:
        return chars
    line = sorted(chars, key=lambda c: c["x0"])
    drop: set[int] = set()
    for i, base in enumerate(line):
        if not "가" <= base["text"] <= "힣":
            continue
        h = base["bottom"] - base["top"]
        mark: list[dict] = []
        j = _next(line, i, base)
        if j < 0 or line[j]["x0"] - base["x1"] > TOUCH * h:
            continue
        while j >= 0 and line[j]["text"].isdigit() and _raised(line[j], base) and len(mark) <= MAX_DIGITS:
            mark.append(line[j])
            j = _next(line, j, base)
        if 1 <= len(mark) <= MAX_DIGITS and j >= 0 and line[j]["text"] == ")" and _raised(line[j], base):
            drop.update(id(c) for c in mark + [line[j]])
    return [c for c in chars if id(c) not in drop] if drop else chars
