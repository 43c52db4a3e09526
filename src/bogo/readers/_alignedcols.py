"""Segments and columns of lines laid out in columns (for :mod:`bogo.readers._alignedtables`).

A line is cut into segments at runs of two or more spaces, each with its display
columns (Hangul is two wide); figures one space apart are cells of their own on a
line laid out in columns.  A block's columns are the runs of overlapping segments
of its lines with figures (:func:`_columns`); a segment goes to the column it starts
in (:func:`_place`), and a line of as many labels as columns, centred over them
("구분  북미  유럽 …" over right-aligned figures), goes to them in order.
"""

from __future__ import annotations

import re

from ..normalize.text import display_width

Seg = tuple[int, int, str]  # display start, display end, text

_SEG = re.compile(r"\S+(?: \S+)*")
_NUMERIC = re.compile(r"\d")
_HANGUL = re.compile(r"[가-힣]")
_SYLLABLE = re.compile(r"[가-힣]")
_SIGNS = ("△", "▲", "▽")  # not "-": a dash alone is an empty cell
_PLAIN = re.compile(r"^[△▲+\-]?\d[\d,]*(?:\.\d+)?%?$")
_PAREN = re.compile(r"^\([△▲+\-]?\d[\d,]*(?:\.\d+)?%?\)$")



def segments(raw: str) -> list[Seg]:
    """The text runs of a line separated by two or more spaces, with display columns.
    A sign standing apart from its figure ("△   777") is one run, and so is the row
    label of a line of figures spaced out wider than a gap ("수      입 (A)   168,550",
    "합     계   306"); 계 stands alone, and a line without figures ("관   항   목")
    keeps its syllables apart."""
    raw = raw.replace("\u3000", "  ").rstrip()
    out: list[Seg] = []
    runs = list(_SEG.finditer(raw))
    for m in runs:
        start = display_width(raw[:m.start()])
        run = (start, start + display_width(m.group(0)), m.group(0))
        # figures one space apart are cells only on a line laid out in columns
        for seg in _figures_apart(run) if len(runs) > 1 else [run]:
            if out and out[-1][2] in _SIGNS and _NUMERIC.match(seg[2]):
                out[-1] = (out[-1][0], seg[1], f"{out[-1][2]} {seg[2]}")
            else:
                out.append(seg)
    if len(out) >= 3 and _spaced_label(out[0][2], out[1][2]) and any(_value(t) for _, _, t in out[2:]):
        out[:2] = [(out[0][0], out[1][1], f"{out[0][2]} {out[1][2]}")]
    return out


def _figures_apart(seg: Seg) -> list[Seg]:
    """A run of figures one space apart is several cells where the page was tight
    ("(5.2) (△51.2) (△37.4)", "150.9 176.8"); a figure with its parenthesised count
    ("357 (93%)") stays one cell."""
    start, _, text = seg
    toks = text.split(" ")
    if len(toks) < 2 or not all(_PLAIN.match(t) or _PAREN.match(t) for t in toks):
        return [seg]
    out: list[Seg] = []
    pos = start
    for t in toks:
        w = display_width(t)
        if out and _PAREN.match(t) and _PLAIN.match(out[-1][2].split(" ")[-1]):
            out[-1] = (out[-1][0], pos + w, f"{out[-1][2]} {t}")
        else:
            out.append((pos, pos + w, t))
        pos += w + 1
    return out


#: a line holds two runs or more: two words apart by more than one space (or by
#: another blank, a tab or U+3000), the necessary condition of two segments
_GAP = re.compile(r"\S(?:[^\S ]| \s)\s*\S")


class LineSegments:
    """The segments of each of a block of lines, computed when first asked for.

    A line without a gap (:data:`_GAP`) is one run, one segment at most; only a line
    near a gapped one can ever hold two (:meth:`may_split`), so the lines of plain
    prose are never cut.  A line of figures one space apart and nothing else
    ("(288.4) (85.2) (18.8)") is a row of cells when a line next to it is laid out
    in columns; among lines without column gaps (a collapsed export) it stays one
    run for the grammar reader."""

    def __init__(self, raws: list[str]):
        self._raws = raws
        self.gapped = [bool(_GAP.search(r)) for r in raws]
        self._base: list[list[Seg] | None] = [None] * len(raws)
        self._segs: list[list[Seg] | None] = [None] * len(raws)

    def __len__(self) -> int:
        return len(self._raws)

    def __getitem__(self, k: int) -> list[Seg]:
        s = self._segs[k]
        if s is None:
            s = self._line(k)
            if len(s) == 1 and any(self.gapped[j] and len(self._line(j)) >= 3 for j in self._near(k)):
                s = _figures_apart(s[0])
            self._segs[k] = s
        return s

    def splittable(self) -> list[bool]:
        """For each line, can it hold two segments: it is gapped, or a gapped line is near it."""
        out = [False] * len(self._raws)
        for k, gapped in enumerate(self.gapped):
            if gapped:
                for j in range(max(k - 2, 0), min(k + 3, len(out))):
                    out[j] = True
        return out

    def _near(self, k: int) -> list[int]:
        return [j for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(self._raws)]

    def _line(self, k: int) -> list[Seg]:
        s = self._base[k]
        if s is None:
            s = self._base[k] = segments(self._raws[k])
        return s


def _spaced_label(left: str, right: str) -> bool:
    return bool(_SYLLABLE.fullmatch(left)) and left != "계" and bool(_HANGUL.match(right)) \
        and not right.startswith("계")


def _value(text: str) -> bool:
    """A cell that is a figure ("1,234", "33 / 29 (10)", "3조 1,200", "60건"), not a label."""
    return bool(_NUMERIC.search(text)) and len(_HANGUL.findall(text)) <= 2


def _bare(text: str) -> bool:
    """A value written as one word that opens and closes as a value does, its brackets
    closed ("(02-2100-1690)", "60건"): a whole cell, not a piece of a wrapped one
    ("x12개월 50,0", "개월=840,000", "0원/12)*12개", "40,000원*")."""
    if text in ("-", "－"):
        return True  # an empty figure
    if not _value(text) or " " in text or text[0] not in "0123456789(△▲+-" or text[-1] in "*/x×=+,-.(":
        return False
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


_CUT_START = re.compile(r"0\d")  # a figure never starts so: the rest of one cut ("00원 전기비")
_CUT = re.compile(r"(?:,\d{0,2}|[*/x×=+,(\-.])$")


def _whole(text: str) -> bool:
    """A value that starts and ends as a cell does ("18억 어절", "(02-2100-1690)"), not
    one cut inside a figure ("x12개월 50,0", "40,000원*", "00원 전기비")."""
    return bool(_NUMERIC.search(text)) and text[0] in "0123456789(△▲+-" and not _CUT.search(text) \
        and not _CUT_START.match(text)


def _overlap_columns(rows: list[list[Seg]]) -> list[tuple[int, int]] | None:
    """Columns as the runs of overlapping segments of ``rows``; None when a line has two
    cells in one run (the runs joined columns that the lines keep apart)."""
    spans = sorted((s, e) for r in rows for s, e, _ in r)
    cols: list[list[int]] = []
    for s, e in spans:
        if cols and s < cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], e)
        else:
            cols.append([s, e])
    out = [(a, b) for a, b in cols]
    for r in rows:
        hit = [next(i for i, (a, b) in enumerate(out) if a <= s < b) for s, _, _ in r]
        if len(set(hit)) < len(hit):
            return None
    return out if len(out) >= 2 else None


def _columns(rows: list[list[Seg]]) -> list[tuple[int, int]] | None:
    """Column intervals: the runs of overlapping cells of the body rows (the lines with
    figures), so that a label column indented under another stays a column of its own;
    else those of the lines with the most segments.  None when they disagree."""
    body = [r for r in rows if any(_value(t) for _, _, t in r)]
    cols = _overlap_columns(body if len(body) >= 2 else rows)
    if cols is not None and len(cols) >= max(len(r) for r in rows):
        return cols
    k = max(len(r) for r in rows)
    full = [r for r in rows if len(r) == k]
    cols = [(min(r[i][0] for r in full), max(r[i][1] for r in full)) for i in range(k)]
    for i in range(k - 1):
        if cols[i][1] > min(r[i + 1][0] for r in full):
            return None  # the i-th cell of one line runs into the next cell of another
    return cols


def _column_of(seg: Seg, cols: list[tuple[int, int]]) -> int:
    s, e, _ = seg
    for i, (a, b) in enumerate(cols):
        if a <= s < max(b, a + 1) or (i + 1 < len(cols) and b <= s < cols[i + 1][0] and s - b < 2):
            return i
    over = [i for i, (a, b) in enumerate(cols) if s < b and e > a]
    if over:
        return over[0]
    return min(range(len(cols)), key=lambda i: abs(cols[i][0] - s))


def _place(segs: list[Seg], cols: list[tuple[int, int]]) -> list[str] | None:
    """The cells of a line in the block's columns; None when two fall in one column
    (unless it is a line of as many labels as columns, centred over them: in order)."""
    out = [""] * len(cols)
    last = -1
    for seg in segs:
        i = _column_of(seg, cols)
        if i <= last:  # two cells in one column: the line is not laid out in these columns
            if len(segs) != len(cols) or any(_value(t) for _, _, t in segs):
                return None
            return [t for _, _, t in segs]  # a label over every column, centred: in order
        out[i] = seg[2]
        last = i
    return out

