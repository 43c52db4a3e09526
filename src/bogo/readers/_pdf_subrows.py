"""PDF stage 4b: sub-rows that the drawing does not rule.

Hancom tables often stack two or three values in one ruled row — an amount and
its change in parentheses under it, or one line per sub-item next to a label that
spans them — with the rule between them left invisible.  Read as drawn, such a
row becomes cells like "85.0 (54.4)".  A grid row is split into ``k`` sub-rows when
the lines of its multi-line numeric cells fall on ``k`` shared levels, each held
by at least :data:`MIN_COLUMNS` cells (a column may leave some levels blank); its
numeric and empty cells, and label cells whose two or more lines sit on the levels,
are split at the midpoints between the levels, its other cells (a label centred
over its sub-rows) span them.
A grid row is also cut where at least :data:`MIN_GAP_COLUMNS` of its cells leave
a wide blank band at the same height and no text crosses it, above which no cell
holds more than :data:`MAX_HEAD_LINES` lines: a header row drawn without a rule
under it, merged into the first data row (not the paragraphs of text cells that
happen to leave blank lines at one height).  The table then records
``origin = "aligned"``: its rows came from text alignment, not from rules.

An anchor is ``[row, col, rowspan, colspan]``; ``texts[i]`` are the characters of
anchor ``i``.
"""

from __future__ import annotations

import re

MIN_COLUMNS = 2        # numeric cells that must agree on the sub-rows
LINE_SPLIT = 0.5       # × glyph height: a vertical jump larger than this starts a line
LEVEL_TOL = 0.45       # × glyph height: baselines of two columns this close are one level
MIN_GAP_COLUMNS = 3    # cells that must share a blank band for a gap cut
GAP_BAND = 1.2         # × glyph height: blank band between two lines that cuts a row
MAX_HEAD_LINES = 2     # lines above such a band: more is a text cell's paragraphs, not a header
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
    """The shared line levels that split grid row ``r``, or ``None``.

    The levels are the union of the lines of the row's multi-line numeric cells:
    a column may leave some sub-rows blank (a "과부족" column filled only where
    there is a difference), but every level must be held by at least
    :data:`MIN_COLUMNS` cells and no cell may put two lines on one level."""
    found: list[list[float]] = []
    for (r0, _c, rs, _cs), chars in zip(anchors, texts, strict=True):
        if r0 != r or rs != 1 or not chars or not _numeric(chars):
            continue
        lv = _levels(chars)
        if len(lv) > 1:
            found.append(lv)
    if len(found) < MIN_COLUMNS:
        return None
    h = max(c["bottom"] - c["top"] for chars in texts for c in chars) if texts else 10.0
    tol = LEVEL_TOL * h
    clusters: list[list[float]] = []
    for v in sorted(v for lv in found for v in lv):
        if clusters and v - clusters[-1][0] <= tol:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    if any(len(c) < MIN_COLUMNS for c in clusters):
        return None
    centres = [sum(c) / len(c) for c in clusters]
    for lv in found:
        hit = [_nearest(centres, v) for v in lv]
        if len(set(hit)) != len(hit) or any(abs(centres[k] - v) > tol for k, v in zip(hit, lv, strict=True)):
            return None
    return centres


def _nearest(centres: list[float], v: float) -> int:
    return min(range(len(centres)), key=lambda k: abs(centres[k] - v))


def _on_levels(chars: list[dict], levels: list[float]) -> bool:
    """Whether a label's lines (two or more) each sit on a distinct sub-row level:
    a label column stacked like the values beside it ("예산지출 / ⋅일반회계")."""
    lv = _levels(chars)
    if len(lv) < 2:
        return False                         # one line: a label centred over its sub-rows
    h = max(c["bottom"] - c["top"] for c in chars) or 10.0
    hit = [_nearest(levels, v) for v in lv]
    return len(set(hit)) == len(hit) and all(abs(levels[k] - v) <= LEVEL_TOL * h
                                             for k, v in zip(hit, lv, strict=True))


def split_subrows(anchors: list[list[int]], texts: list[list[dict]], n_rows: int,
                  ys: list[float] | None = None) -> tuple[list[list[int]], list[list[dict]], int, bool]:
    """Split every grid row whose numeric cells stack aligned lines; return the new
    anchors, texts, row count and whether any row was split."""
    split_any = False
    ys = list(ys) if ys is not None else None
    r = 0
    while r < n_rows:
        levels = _row_levels(r, anchors, texts)
        if levels is None:
            cut = _gap_cut(r, anchors, texts, ys[r], ys[r + 1]) if ys else None
            if cut is None:
                r += 1
                continue
            ys.insert(r + 1, cut)
            anchors, texts = _cut_row(r, cut, anchors, texts)
            n_rows += 1
            split_any = True
            r += 1                         # the lower part is the next row: look at it too
            continue
        cuts = [(a + b) / 2 for a, b in zip(levels, levels[1:], strict=False)]
        anchors, texts = _split_row(r, cuts, levels, anchors, texts)
        if ys:
            ys[r + 1:r + 1] = cuts
        n_rows += len(cuts)
        r += len(cuts) + 1
        split_any = True
    return anchors, texts, n_rows, split_any


def _split_row(r: int, cuts: list[float], levels: list[float], anchors, texts):
    extra = len(cuts)
    new_a: list[list[int]] = []
    new_t: list[list[dict]] = []
    for (r0, c0, rs, cs), chars in zip(anchors, texts, strict=True):
        if r0 > r:
            new_a.append([r0 + extra, c0, rs, cs])
            new_t.append(chars)
        elif r0 == r and rs == 1 and (not chars or _numeric(chars) or _on_levels(chars, levels)):
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


def _gap_cut(r: int, anchors, texts, top: float, bottom: float) -> float | None:
    """A height inside grid row ``r`` (from ``top`` to ``bottom``) where enough cells
    share a wide blank band between their lines and no text of the row crosses it."""
    bands: list[tuple[float, float]] = []
    spans: list[tuple[float, float]] = []
    for (r0, _c, rs, _cs), chars in zip(anchors, texts, strict=True):
        if not (r0 <= r < r0 + rs) or not chars:
            continue
        boxes = sorted((c["top"], c["bottom"]) for c in chars if c["text"].strip()
                       and top <= (c["top"] + c["bottom"]) / 2 <= bottom)
        spans.extend(boxes)
        h = max(b - t for t, b in boxes) if boxes else 10.0
        reach = boxes[0][1] if boxes else 0.0
        for t, b in boxes[1:]:
            if t - reach > GAP_BAND * h:
                bands.append((reach, t))
            reach = max(reach, b)
    for lo, hi in sorted(bands):
        mid = (lo + hi) / 2
        shared = sum(1 for a, b in bands if a < mid < b)
        if shared >= MIN_GAP_COLUMNS and not any(t < mid < b for t, b in spans) \
                and _head_lines(r, anchors, texts, top, mid) <= MAX_HEAD_LINES:
            return mid
    return None


def _head_lines(r: int, anchors, texts, top: float, cut: float) -> int:
    """The most visual lines any cell of row ``r`` holds between ``top`` and ``cut``."""
    most = 0
    for (r0, _c, rs, _cs), chars in zip(anchors, texts, strict=True):
        if r0 <= r < r0 + rs and chars:
            most = max(most, len(_levels([c for c in chars if top <= (c["top"] + c["bottom"]) / 2 < cut])))
    return most


def _cut_row(r: int, cut: float, anchors, texts):
    """Cut grid row ``r`` at height ``cut``: text below goes to a new row."""
    new_a: list[list[int]] = []
    new_t: list[list[dict]] = []
    for (r0, c0, rs, cs), chars in zip(anchors, texts, strict=True):
        if r0 > r:
            new_a.append([r0 + 1, c0, rs, cs])
            new_t.append(chars)
        elif r0 <= r < r0 + rs:
            above = [c for c in chars if (c["top"] + c["bottom"]) / 2 < cut]
            below = [c for c in chars if (c["top"] + c["bottom"]) / 2 >= cut]
            if r0 + rs - 1 == r:             # the cell ends in this row: split it
                new_a.append([r0, c0, rs, cs])
                new_t.append(above)
                new_a.append([r + 1, c0, 1, cs])
                new_t.append(below)
            elif above and below:            # it continues below: its lower text starts there
                new_a.append([r0, c0, r - r0 + 1, cs])
                new_t.append(above)
                new_a.append([r + 1, c0, rs - (r - r0), cs])
                new_t.append(below)
            else:                            # it spans the new row
                new_a.append([r0, c0, rs + 1, cs])
                new_t.append(chars)
        else:
            new_a.append([r0, c0, rs, cs])
            new_t.append(chars)
    return new_a, new_t
