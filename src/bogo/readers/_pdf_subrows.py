"""PDF stage 4b: sub-rows that the drawing does not rule.

Hancom tables often stack two or three values in one ruled row — an amount and
its change in parentheses under it, or one line per sub-item next to a label that
spans them — with the rule between them left invisible.  Read as drawn, such a
row becomes cells like "85.0 (54.4)".  A grid row is split into ``k`` sub-rows when
at least :data:`MIN_COLUMNS` of its numeric cells hold exactly ``k`` text lines
whose baselines line up across the columns; its numeric and empty cells are split
at the midpoints between the lines, its other cells (labels) span the sub-rows.
The table then records ``origin = "aligned"``: its rows came from text alignment,
not from rules.

An anchor is ``[row, col, rowspan, colspan]``; ``texts[i]`` are the characters of
anchor ``i``.
"""

from __future__ import annotations

import re

MIN_COLUMNS = 2        # numeric cells that must agree on the sub-rows
LINE_SPLIT = 0.5       # × glyph height: a vertical jump larger than this starts a line
LEVEL_TOL = 0.45       # × glyph height: baselines of two columns this close are one level
_NUMERIC = re.compile(r"^[\d\s,.()%△▲▽▼+\-~∼·/]*$")


def _levels(chars: list[dict]) -> list[float]:
    """Vertical centres of the text lines formed by ``chars``, top to bottom."""
    mids = sorted((c["top"] + c["bottom"]) / 2 for c in chars if c["text"].strip())
    if not mids:
        return []
    h = max((c["bottom"] - c["top"]) for c in chars) or 10.0
    out = [[mids[0]]]
    for m in mids[1:]:
        if m - out[-1][-1] > LINE_SPLIT * h:
            out.append([m])
        else:
            out[-1].append(m)
    return [sum(g) / len(g) for g in out]


def _numeric(chars: list[dict]) -> bool:
    return bool(_NUMERIC.match("".join(c["text"] for c in chars)))


def _row_levels(r: int, anchors: list[list[int]], texts: list[list[dict]]) -> list[float] | None:
    """The shared line levels that split grid row ``r``, or ``None``."""
    found: list[list[float]] = []
    for (r0, _c, rs, _cs), chars in zip(anchors, texts, strict=True):
        if r0 != r or rs != 1 or not chars or not _numeric(chars):
            continue
        lv = _levels(chars)
        if len(lv) > 1:
            found.append(lv)
    if len(found) < MIN_COLUMNS or len({len(lv) for lv in found}) != 1:
        return None
    h = max(c["bottom"] - c["top"] for chars in texts for c in chars) if texts else 10.0
    ref = found[0]
    if any(abs(a - b) > LEVEL_TOL * h for lv in found[1:] for a, b in zip(lv, ref, strict=True)):
        return None
    return [sum(lv[i] for lv in found) / len(found) for i in range(len(ref))]


def split_subrows(anchors: list[list[int]], texts: list[list[dict]], n_rows: int
                  ) -> tuple[list[list[int]], list[list[dict]], int, bool]:
    """Split every grid row whose numeric cells stack aligned lines; return the new
    anchors, texts, row count and whether any row was split."""
    split_any = False
    r = 0
    while r < n_rows:
        levels = _row_levels(r, anchors, texts)
        if levels is None:
            r += 1
            continue
        cuts = [(a + b) / 2 for a, b in zip(levels, levels[1:], strict=False)]
        anchors, texts = _split_row(r, cuts, anchors, texts)
        n_rows += len(cuts)
        r += len(cuts) + 1
        split_any = True
    return anchors, texts, n_rows, split_any


def _split_row(r: int, cuts: list[float], anchors, texts):
    extra = len(cuts)
    new_a: list[list[int]] = []
    new_t: list[list[dict]] = []
    for (r0, c0, rs, cs), chars in zip(anchors, texts, strict=True):
        if r0 > r:
            new_a.append([r0 + extra, c0, rs, cs])
            new_t.append(chars)
        elif r0 == r and rs == 1 and (not chars or _numeric(chars)):
            parts: list[list[dict]] = [[] for _ in range(extra + 1)]
            for ch in chars:
                mid = (ch["top"] + ch["bottom"]) / 2
                parts[sum(1 for cut in cuts if mid > cut)].append(ch)
            for k, part in enumerate(parts):
                new_a.append([r + k, c0, 1, cs])
                new_t.append(part)
        elif r0 <= r < r0 + rs:
            new_a.append([r0, c0, rs + extra, cs])
            new_t.append(chars)
        else:
            new_a.append([r0, c0, rs, cs])
            new_t.append(chars)
    return new_a, new_t
