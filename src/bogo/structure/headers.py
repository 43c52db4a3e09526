"""Header rows of a table: how many, and their merged cells.

Format-blind: when a reader did not mark header rows, the leading rows whose
non-empty cells are all labels (no numbers, no composite cells) are headers, up
to the first row that holds data or a total.  In header rows exported without
spans, a blank cell right of a label continues that label (a merged header such
as "일 반 직" over 5급/6급/…), and a blank below a label continues it downwards.
"""

from __future__ import annotations

import re

from ..blocks import Table
from ..normalize.labels import TOTAL_WORDS, is_header_stub
from ..normalize.measures import NUMBER_WITH_UNIT
from ..normalize.numbers import ANNOTATED_NUMBER, parse_composite
from ..normalize.text import compact
from ..settings import TableSettings

_NONE_CELLS = {"", "-", "–", "—", "·"}


def _is_data(text: str) -> bool:
    if not text:
        return False
    c = parse_composite(text)
    if not c.numeric:
        a = ANNOTATED_NUMBER.match(text)
        if a:  # "6 (76,559기)": a count annotated with words is data; "2017 (최종)" is a year label
            v = parse_composite(a.group("main")).value
            return not (v is not None and 1990 <= v <= 2100 and "," not in a.group("main"))
        m = NUMBER_WITH_UNIT.match(text)  # "60건", "3,000명": a count with its unit is data
        return bool(m) and parse_composite(m.group("n")).numeric
    # a bare year or "2020(4.6.기준)" in a header is a label, not data
    return not (c.value is not None and 1990 <= c.value <= 2100 and not c.is_pair and "," not in text)


def detect_header_rows(grid: list[list[str]], merged_rows: frozenset[int] = frozenset(),
                       max_rows: int = TableSettings().max_header_rows) -> int:
    """Number of leading header rows of a span-filled grid.

    ``merged_rows`` are rows holding a cell merged across value columns (a colspan
    right of the first column): a label row over groups, never a total row, even
    when its first cell reads 계 ("계 | 폐가 철거사업 | 햇살둥지사업" over
    "동수 | 사업비 | …")."""
    if len(grid) < 2 or not grid[0]:
        return 0
    limit = min(max_rows, len(grid) - 1)
    n = 0
    for i, row in enumerate(grid[:limit]):
        cells = [c for c in row if c]
        if not cells:
            n += 1
            continue
        if any(_is_data(c) for c in row[1:] if c):
            break
        words = [c for c in row[1:] if c.strip() not in _NONE_CELLS]
        if compact(row[0]) in TOTAL_WORDS and len(words) * 2 < len(row) - 1 and i not in merged_rows:
            break  # a total row of blanks and "-"; "계 | 이월 | 신규 | 계 | …" is a header
        n += 1
    if n == 0:
        return 0
    if n == limit and not any(_is_data(c) for r in grid for c in r[1:]):
        # no numbers anywhere: a header only when the first row looks like one
        first = grid[0]
        longest = max(len(c) for c in first)
        if is_header_stub(first[0]) or (
            longest <= 20 and any(len(c) >= max(16, 2 * longest) for r in grid[1:] for c in r)
        ):
            return 1  # short labels over long text cells
        return 1 if len(grid) > 2 and all(0 < len(c) <= 10 for c in first) else 0
    return n


_UNIT_CELL = re.compile(r"^[(\[]?\s*단\s*위\s*[:：]")


def fill_header(header: list[list[str]], spans: list[list[int]] | None = None,
                ncols: int | None = None) -> list[list[str]]:
    """Spread merged header labels over the blanks they cover; rows padded to ``ncols``.

    With the source's ``spans`` ([row, col, rowspan, colspan]), a merged cell's
    label fills the blanks of its span.  Without them (text exports), above the
    last header row a blank right of a label continues that label while both
    stand under the same parent (a group such as "일 반 직" over its grades) and the
    label does not go on down into a blank beside a sub-label ("증감 (B-A)" over a
    blank, next to a blank over "%": two cells merged down); any other blank
    continues the label above it; blanks in a single header row stay
    blank.  Idempotent: a filled header is returned unchanged."""
    width = max([len(r) for r in header] + [ncols or 0])
    h = [list(r) + [""] * (width - len(r)) for r in header]
    if spans:
        for r, c, rs, cs in spans:
            if 0 <= r < len(h) and 0 <= c < width:
                for i in range(r, min(r + rs, len(h))):
                    for j in range(c, min(c + cs, width)):
                        h[i][j] = h[i][j] or h[r][c]
        return h
    if len(h) < 2:
        return h
    units = [r for r, row in enumerate(h) if any(row) and all(_UNIT_CELL.match(x) for x in row if x)]
    if units:
        # a unit line drawn inside the table's frame ("(단위: 백만원)" over the last
        # columns) labels no column: the header rows around it fill as if it were not there
        rest = [r for r in range(len(h)) if r not in units]
        for r, row in zip(rest, fill_header([h[r] for r in rest], None, width), strict=True):
            h[r] = row
        return h
    last = len(h) - 1
    for r in range(len(h)):
        # a row holding only the stub label ("구 분") spans down, not across
        stub_only = bool(h[r][0]) and not any(h[r][1:])
        for c in range(len(h[r])):
            if h[r][c]:
                continue
            same_parent = r == 0 or (c > 0 and h[r - 1][c] == h[r - 1][c - 1])
            if r < last and c > 0 and h[r][c - 1] and same_parent and not stub_only \
                    and not _spans_down(header, r, c - 1, c):
                h[r][c] = h[r][c - 1]
            elif r > 0:
                h[r][c] = h[r - 1][c]
    return h


def _spans_down(header: list[list[str]], r: int, left: int, c: int) -> bool:
    """The label at (r, left) goes on down into the row below it — a blank there, or
    the same label again (an export that writes a merged cell's text in every row it
    covers) — while column ``c`` has a label of its own there: a cell merged down,
    not a group over column ``c`` (a group label has a sub-label under each of its
    columns)."""
    row = header[r]
    while left > 0 and not (row[left] if left < len(row) else ""):
        left -= 1  # the label's own cell, not a blank it was spread over
    below = header[r + 1] if r + 1 < len(header) else []
    return left < len(below) and below[left] in ("", row[left]) and c < len(below) and bool(below[c])


def table_header_rows(t: Table, grid: list[list[str]],
                      max_rows: int = TableSettings().max_header_rows) -> int:
    if t.header_rows is not None and t.form != "pipe":
        return t.header_rows
    merged = frozenset(c.row for c in t.cells if c.colspan > 1 and c.col > 0)
    found = detect_header_rows(grid, merged, max_rows)
    # a Markdown separator marks one header row; a taller header goes on in the body rows
    return max(found, t.header_rows) if t.header_rows is not None else found


def column_labels(header: list[list[str]], n: int, squeeze: bool = False) -> list[str]:
    """The full header text of each of ``n`` columns: header rows top to bottom,
    a merged (repeated) label said once, joined with a space; ``squeeze`` removes
    the spaces inside each label first ("일 반 직" → "일반직").  A unit statement
    drawn in a header cell is not part of any label."""
    out = []
    for j in range(n):
        parts: list[str] = []
        for row in header:
            c = row[j] if j < len(row) else ""
            c = "".join(c.split()) if squeeze else c.strip()
            if c and c not in parts and not _UNIT_CELL.match(c):  # "(단위: 백만원)" labels no column
                parts.append(c)
        out.append(" ".join(parts))
    return out
