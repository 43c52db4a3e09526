"""PDF stage 4d: text columns split by a vertical rule (reading order of side-by-side text).

A page may set two texts side by side with a vertical rule between them: the
quadrants of a SWOT analysis (강점 | 약점 over 기회 | 위협), a 현황 | 개선방안
comparison.  Grouped as one page, a visual row would run the two columns together
("… 향후 활용 ·낙동강 수질 열악") and the left column's numbered items would
interleave with the right's.  A long vertical rule that belongs to no table and
that no text crosses, with text on both of its sides, makes a *column region*: the
characters beside it are grouped into lines column by column, and the lines are
read column by column (the left column's lines, then the right's), so that each
column's paragraphs hold only its own lines.

Pure functions over the rulings and characters of one page (no PDFium).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

#: a rule at least this long (points) may split columns: several lines of text, not a
#: heading's frame or a cell border
COLUMN_RULE_MIN = 60.0
#: non-space characters each side of a rule must hold, for the rule to split text
SIDE_MIN_CHARS = 12
#: points: a character's box reaching this far over a rule on both sides crosses it
CROSS_TOL = 1.0
#: points: rules whose ends lie this close are the edges of one region of columns
SAME_SPAN = 12.0


@dataclass(frozen=True, slots=True)
class ColumnRegion:
    """A band of the page (``top``…``bottom``) whose text stands in columns split at ``xs``."""

    top: float
    bottom: float
    xs: tuple[float, ...]

    def holds(self, ch: dict) -> bool:
        return self.top <= (ch["top"] + ch["bottom"]) / 2 <= self.bottom

    def column(self, ch: dict) -> int:
        return bisect_right(self.xs, (ch["x0"] + ch["x1"]) / 2)


def free_rules(v: list[tuple[float, float, float]],
               boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float]]:
    """The parts of vertical rules ``(x, top, bottom)`` outside every table box, at
    least :data:`COLUMN_RULE_MIN` long: the candidates for a column split."""
    out = []
    for x, top, bottom in v:
        parts = [(top, bottom)]
        for x0, t, x1, b in boxes:
            if not x0 - 1 <= x <= x1 + 1:
                continue
            parts = [piece for a, z in parts for piece in ((a, min(z, t)), (max(a, b), z)) if piece[1] > piece[0]]
        out.extend((x, a, z) for a, z in parts if z - a >= COLUMN_RULE_MIN)
    return out


def column_regions(rules: list[tuple[float, float, float]], chars: list[dict]) -> list[ColumnRegion]:
    """The regions of columns that ``rules`` make of the text ``chars`` (the characters
    outside the page's tables); longest rule first, a rule overlapping an accepted
    region joins it only when it spans the same band."""
    regions: list[ColumnRegion] = []
    text = sorted(((c["top"] + c["bottom"]) / 2, k) for k, c in enumerate(chars) if c["text"].strip())
    mids = [m for m, _ in text]
    for x, top, bottom in sorted(rules, key=lambda r: r[1] - r[2]):
        band = [chars[k] for _, k in text[bisect_left(mids, top):bisect_right(mids, bottom)]]
        if not _splits(x, band):
            continue
        for k, r in enumerate(regions):
            if top <= r.bottom and r.top <= bottom:
                if abs(r.top - top) <= SAME_SPAN and abs(r.bottom - bottom) <= SAME_SPAN and x not in r.xs:
                    regions[k] = ColumnRegion(r.top, r.bottom, tuple(sorted((*r.xs, x))))
                break
        else:
            regions.append(ColumnRegion(top, bottom, (x,)))
    return regions


def _splits(x: float, band: list[dict]) -> bool:
    """Whether the rule at ``x`` stands between two texts: enough characters on each side
    and none across it."""
    left = right = 0
    for c in band:
        if c["x0"] < x - CROSS_TOL and c["x1"] > x + CROSS_TOL:
            return False
        if (c["x0"] + c["x1"]) / 2 < x:
            left += 1
        else:
            right += 1
    return left >= SIDE_MIN_CHARS and right >= SIDE_MIN_CHARS


def split_by_columns(chars: list[dict], regions: list[ColumnRegion]) -> dict[tuple[int, int], list[dict]]:
    """The characters per column: key ``(region number, column)`` (region 0: the page
    outside every region, one column)."""
    out: dict[tuple[int, int], list[dict]] = {}
    for ch in chars:
        key = (0, 0)
        for k, r in enumerate(regions, start=1):
            if r.holds(ch):
                key = (k, r.column(ch))
                break
        out.setdefault(key, []).append(ch)
    return out
