"""PDF stage 4a: a spanning cell holding texts of several rows, cut at its rows.

A border that the drawing leaves out fuses two cells into one box.  The common
case is a table continued on the next page: Hancom repeats the header and draws
no rule under a header cell whose column continues a spanning label ("구분"
above "세출", "관" above "사무비"), so the box runs from the header to the foot of
the page.  Read as one cell its text becomes "구분 세출", anchored in the header.

Such a box is cut where its text has a wide blank band (:data:`GAP` × glyph
height, far more than line spacing) with a grid line inside it: the text below
the band starts a cell of its own at the grid row whose top is the last grid line
above that text, spanning the rest of the box.  A label with one line, or lines
set at line spacing (a label wrapped inside its span), is never cut, nor a label
spaced out down its span (one syllable a line, "법 / 정 / 기 / 금"): a band must
also be :data:`SPREAD` times wider than the cell's other gaps.

An anchor is ``[row, col, rowspan, colspan]``; ``texts[i]`` are the characters of
anchor ``i``.
"""

from __future__ import annotations

from bisect import bisect_right

GAP = 1.5            # × glyph height: a blank band wider than this between two lines cuts
LINE_SPLIT = 0.5     # × glyph height: a vertical jump larger than this starts a line
SPREAD = 2.0         # × the cell's median other gap: a band narrower than this is spacing


def _line_bands(chars: list[dict]) -> list[tuple[float, float, list[dict]]]:
    """(top, bottom, characters) of each visual line of ``chars``, top to bottom."""
    items = sorted((c for c in chars if c["text"].strip()), key=lambda c: (c["top"] + c["bottom"]) / 2)
    out: list[list] = []
    for c in items:
        mid = (c["top"] + c["bottom"]) / 2
        h = c["bottom"] - c["top"]
        if out and mid - out[-1][3] <= LINE_SPLIT * max(h, out[-1][4]):
            band = out[-1]
            band[0], band[1] = min(band[0], c["top"]), max(band[1], c["bottom"])
            band[2].append(c)
        else:
            out.append([c["top"], c["bottom"], [c], mid, h])
    return [(b[0], b[1], b[2]) for b in out]


def _cuts(r0: int, rs: int, chars: list[dict], ys: list[float]) -> list[tuple[int, float]]:
    """(grid row, height) of every cut of a box spanning rows ``r0…r0+rs``."""
    bands = _line_bands(chars)
    gaps = [b[0] - a[1] for a, b in zip(bands, bands[1:], strict=False)]
    out: list[tuple[int, float]] = []
    for i, ((_t, bottom, above), (top, _b, below)) in enumerate(zip(bands, bands[1:], strict=False)):
        h = max(c["bottom"] - c["top"] for c in above + below) or 10.0
        others = sorted(gaps[:i] + gaps[i + 1:])
        if top - bottom <= GAP * h or (others and top - bottom < SPREAD * others[len(others) // 2]):
            continue
        k = bisect_right(ys, top) - 1          # the last grid line above the lower text
        if r0 < k < r0 + rs and ys[k] >= bottom and (not out or k > out[-1][0]):
            out.append((k, ys[k]))
    return out


def cut_spans(anchors: list[list[int]], texts: list[list[dict]],
              ys: list[float]) -> tuple[list[list[int]], list[list[dict]], bool]:
    """Cut every spanning anchor whose text lies in separate rows (see the module
    docstring); return the new anchors and texts and whether any was cut."""
    new_a: list[list[int]] = []
    new_t: list[list[dict]] = []
    changed = False
    for (r0, c0, rs, cs), chars in zip(anchors, texts, strict=True):
        cuts = _cuts(r0, rs, chars, ys) if rs > 1 and chars else []
        if not cuts:
            new_a.append([r0, c0, rs, cs])
            new_t.append(chars)
            continue
        changed = True
        starts = [r0] + [k for k, _ in cuts] + [r0 + rs]
        heights = [y for _, y in cuts]
        parts: list[list[dict]] = [[] for _ in starts[:-1]]
        for ch in chars:
            parts[bisect_right(heights, (ch["top"] + ch["bottom"]) / 2)].append(ch)
        for i, part in enumerate(parts):
            new_a.append([starts[i], c0, starts[i + 1] - starts[i], cs])
            new_t.append(part)
    return new_a, new_t, changed
