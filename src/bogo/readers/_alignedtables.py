"""Tables laid out in columns of text (``pdftotext -layout``, space-padded exports).

Where an export keeps the page layout, a table's cells are separated by runs of
two or more spaces and line up in display columns (Hangul is two columns wide).
A block of consecutive lines whose segments line up is read by position: the
columns are those of the lines with the most segments, each other segment goes
to the column it starts in (a spanning header goes to its leftmost column, an
empty cell stays empty), and a line that only continues text cells filled to
their column's width ("시민참여예산" / "담당관") is joined to the row above.  The
grammar-based reader (:mod:`bogo.readers._spacetables`) reads what is left: rows
whose cells are separated by single spaces.
"""

from __future__ import annotations

import re

from ..blocks import Table, grid_to_table
from ..normalize.markers import opens_item
from ..normalize.text import display_width, normalize_text
from ._alignedcols import (
    LineSegments,
    Seg,
    _bare,
    _column_of,
    _columns,
    _place,
    _value,
    _whole,
    segments,  # noqa: F401  (re-exported: the tests cut lines with it)
)

Line = tuple[int, str]

_HANGUL = re.compile(r"[가-힣]")
_FIGURE = re.compile(r"^[△▲+\-]?\d[\d,.]*(?:\s*/\s*[\d,.]*)?(?:\s*\([^)]*\))?\s*%?$")
_SYLLABLE = re.compile(r"[가-힣]")
_OPEN_END = re.compile(r"[~∼～\-–,(·:]$")  # a piece of text that cannot end a cell
#: blank lines an export puts between the rows of one table (pdftotext -layout)
MAX_BLANKS = 2
#: a continuation fills at least this share of its column's width in the row above
FULL_SHARE = 0.8
MAX_COLS = 40



def _continues(segs: list[Seg], tail: dict[int, Seg] | None, cols: list[tuple[int, int]]) -> bool:
    """A line that carries on text cells of the row above, each filled to its column's
    width (a piece of text may hold digits, "(1월) 착수", ",000원*12개"; a figure alone,
    "1,234" or "33 / 29 (10)", is a cell of its own).  ``tail``: the last piece of each
    cell of the row so far (a cell wrapped over three lines goes on from its second)."""
    if not tail:
        return False
    for seg in segs:
        i = _column_of(seg, cols)
        p = tail.get(i)
        if p is not None and (_OPEN_END.search(p[2]) or p[2].count("(") > p[2].count(")")) \
                and not _FIGURE.match(p[2]):
            continue  # text left open ("'20. 4. ~" over "8.", "2020년(사업" over "수)"): it goes on
        a, b = cols[i]
        if p is None or _FIGURE.match(seg[2]) or _FIGURE.match(p[2]) or _whole(p[2]) and _bare(seg[2]) \
                or (p[1] - p[0]) < FULL_SHARE * (b - a) \
                or seg[1] - seg[0] > p[1] - p[0] + 2:
            return False  # (a piece wider than the text above it is a line of its own)
    return True


def _wrapping(block: list[tuple[int, list[Seg]]], cols: list[tuple[int, int]]) -> bool:
    """Does the table wrap its text cells: a line of fewer cells than the table carries
    on full cells of the line above?  Then a line of every cell may carry on too."""
    for (_, above), (_, s) in zip(block, block[1:], strict=False):
        if 0 < len(s) < len(cols) and len(above) >= 2 \
                and _continues(s, {_column_of(x, cols): x for x in above}, cols):
            return True
    return False


def _table(block: list[tuple[int, list[Seg]]], lines: list[Line]) -> tuple[Table, int] | None:
    """The table of ``block`` and the index of the line after it; lines of one cell at its
    end that continue no cell are not the table's."""
    stubs = _stub_lines(block)
    segs = [s for k, (_, s) in enumerate(block) if k not in stubs]
    multi = [s for s in segs if len(s) >= 2]
    if len(multi) < 2 or max(len(s) for s in segs) > MAX_COLS:
        return None
    cols = _columns(multi)
    if cols is None:
        return None
    if stubs and cols[0][0] >= min(block[k][1][-1][1] for k in stubs):
        cols = [(0, cols[0][0] - 1), *cols]  # the labels stood only on lines of their own
    grid: list[list[str]] = []
    first: list[int] = []
    last: list[int] = []
    tail: dict[int, Seg] = {}
    wrapping = _wrapping(block, cols)
    pending = ""
    for k, (idx, s) in enumerate(block):
        if k in stubs:
            label = " ".join(t for _, _, t in s)
            if grid and not grid[-1][0] and first[-1] == last[-1]:
                grid[-1][0] = label  # a label centred under the first line of its row pair
                last[-1] = idx
            else:
                pending = f"{pending} {label}".strip()
            continue
        if pending and (p := _place(s, cols)) is not None and not p[0]:
            s = [(0, display_width(pending), pending), *s]
        elif pending:
            grid.append([pending] + [""] * (len(cols) - 1))
            first.append(idx - 1)
            last.append(idx - 1)
        pending = ""
        if grid and (len(s) < len(cols) or wrapping) and _continues(s, tail, cols):
            tail = {}  # a cell without a piece on this line has ended: it goes on no further
            for seg in s:
                i = _column_of(seg, cols)
                grid[-1][i] = f"{grid[-1][i]} {seg[2]}".strip()
                tail[i] = seg
            last[-1] = idx
            continue
        row = _place(s, cols)
        if row is None:
            return None
        grid.append(row)
        first.append(idx)
        last.append(idx)
        tail = {_column_of(x, cols): x for x in s}
    while grid and sum(1 for c in grid[-1] if c) < 2 and first[-1] == last[-1]:
        grid.pop()
        first.pop()
        last.pop()
    if len(grid) < 2:
        return None
    texts = [[normalize_text(c) for c in r] for r in grid]
    t = grid_to_table(texts, lines[first[0]][0], lines[last[-1]][0], raw_rows=grid)
    for c in t.cells:
        c.line = lines[first[c.row]][0]
    return t, last[-1] + 1


def _stub_lines(block: list[tuple[int, list[Seg]]]) -> set[int]:
    """Positions in ``block`` of lines that hold only a row label, left of where the
    lines next to them start: pdftotext centres the label of a row of two lines between
    them (figures over rates: "  91.8  72.4" / "미      국" / "(113.5) (15.7)"; a unit
    over its 정원 and 현원 lines: "정 원  658 …" / "본부" / "현 원  773 …")."""
    out: set[int] = set()
    for k, (_, segs) in enumerate(block):
        if not segs or any(_value(t) or not _HANGUL.search(t) for _, _, t in segs) or len(segs) > 8 \
                or len(segs) > 1 and not all(_SYLLABLE.fullmatch(t) for _, _, t in segs):
            continue  # one label, or one spaced out syllable by syllable ("미      국")
        near = [s for j in (k - 1, k + 1) if 0 <= j < len(block) and j != k
                for s, _, t in block[j][1][:1] if _value(t)]
        if not near and 0 < k < len(block) - 1 \
                and all(any(_value(t) for _, _, t in block[j][1]) for j in (k - 1, k + 1)):
            # between two lines of figures that open with labels of their own in one column
            # ("정 원 8,491 …" / "합계" / "현 원 8,667 …"): the unit of the pair, left of that column
            starts = [block[j][1][0][0] for j in (k - 1, k + 1)]
            near = starts if abs(starts[0] - starts[1]) <= 1 else []
        if len(near) == 2 or (near and (k == 0 or k == len(block) - 1)):
            if segs[-1][0] < min(near) and segs[-1][1] <= min(near) + 1:
                out.add(k)
    return out


def _prose(segs: list[Seg]) -> bool:
    """A line that opens with a bullet or number of its own (a paragraph, not a row)."""
    return len(segs) == 1 and opens_item(normalize_text(segs[0][2]))


def _inside(seg: Seg, block: list[tuple[int, list[Seg]]]) -> bool:
    """A run that starts right of the block's first column: a piece of a wrapped cell
    ("2)*12개월 돌" under "(2,150,000원/1"), not a numbered paragraph."""
    return seg[0] > min(s[0][0] for _, s in block) + 2 and any(len(s) >= 2 for _, s in block)


def find_aligned_tables(lines: list[Line]) -> list[tuple[int, int, Table]]:
    """(start, end, table) of every block of lines laid out in columns, as indices into ``lines``."""
    out: list[tuple[int, int, Table]] = []
    segs = LineSegments([raw for _, raw in lines])
    if not any(segs.gapped):
        return out  # no line holds two segments: no block starts anywhere
    splittable = segs.splittable()
    i, n = 0, len(lines)
    done = 0  # lines before this belong to a table already
    while i < n:
        if not splittable[i] or len(segs[i]) < 2:
            i += 1
            continue
        found = None
        for bridge in (True, False):  # rows set apart by blank lines, else one run of lines
            block = _block(segs, i, bridge)
            if block and i > done and _corner(segs[i - 1], block):
                block = [(i - 1, segs[i - 1]), *block]
            got = _table(block, lines) if block else None
            if got is not None:
                found = (block[0][0], got[1], got[0])
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = done = found[1]
    return out


def _corner(above: list[Seg], block: list[tuple[int, list[Seg]]]) -> bool:
    """A lone short label right above a block, left of where its second column starts
    ("구분" over "확진환자 … 의사환자"): the table's top-left header cell."""
    if len(above) != 1 or _prose(above) or _value(above[0][2]) or len(above[0][2]) > 8:
        return False
    second = min((s[1][0] for _, s in block if len(s) >= 2), default=0)
    return above[0][1] < second and above[0][0] <= min(s[0][0] for _, s in block) + 2


def _texts(segs: list[Seg]) -> list[str]:
    return [t for _, _, t in segs]


def _lines_from(segs: LineSegments, k: int) -> list[list[Seg]]:
    """The lines from ``k`` up to the next blank one."""
    out = []
    while k < len(segs) and segs[k]:
        out.append(segs[k])
        k += 1
    return out


def _another_table(before: list[list[Seg]], after: list[list[Seg]]) -> bool:
    """Two runs of lines set apart by blank lines, each with two lines or more of several
    cells, with a different number of cells at most per line or cells that start in
    other columns: two tables, not one table's rows set apart (pdftotext -layout puts
    blank lines between the rows of one table, whose cells line up)."""
    a = [x for x in before if len(x) >= 2]
    b = [x for x in after if len(x) >= 2]
    if len(a) < 2 or len(b) < 2:
        return False  # (a row apart, "(113.5) (15.7)" under its figures, lines up loosely)
    if max(map(len, a)) != max(map(len, b)):
        return True
    starts = {s for x in a for s, _, _ in x[1:]}
    theirs = [s for x in b for s, _, _ in x[1:]]
    return 2 * sum(1 for s in theirs if {s - 1, s, s + 1} & starts) < len(theirs)


def _block(segs: LineSegments, i: int, bridge: bool) -> list[tuple[int, list[Seg]]]:
    """The lines of a candidate table from line ``i``: non-blank lines, and with ``bridge``
    also across up to MAX_BLANKS blank lines when a line of two or more cells follows
    (not the block's first line again: a repeated header opens the next table)."""
    n = len(segs)
    j = i
    block: list[tuple[int, list[Seg]]] = []
    chunk = 0  # where the lines since the last blank start in ``block``
    while j < n:
        if not segs[j]:
            k = j
            while k < n and not segs[k] and k - j < MAX_BLANKS:
                k += 1
            if bridge and block and k < n and len(segs[k]) >= 2 and _texts(segs[k]) != _texts(block[0][1]) \
                    and not _another_table([s for _, s in block[chunk:]], _lines_from(segs, k)):
                j = k
                chunk = len(block)
                continue
            break
        if len(segs[j]) == 1 and (not block or _prose(segs[j]) and not _inside(segs[j][0], block)):
            break
        block.append((j, segs[j]))
        j += 1
    return block
