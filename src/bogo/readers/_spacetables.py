"""Tables written as space-separated lines (text exports of PDFs and HWPs).

A body row is a label followed by numeric cells ("기 획 담 당 관 39 /38 (16) 31 / 29
6 / 6 2 / 3"); cell boundaries are recovered from the grammar of Korean table
cells (:mod:`bogo.readers._spacerows`), not from the spacing, which exports lose.  Header lines above the body are split into as many
cells as the body has columns by a small dynamic programme that prefers joining
spaced-out syllables and known header words.  Continuation lines ("(65.0%)" or a
lone "7조 4,737" after a row broken across lines) are joined to their row.  The
chain is ``lines → classify → group → header → grid``.  A table whose header does
not tell its value columns apart (two neighbouring columns named alike, two years
crammed into one cell, a last header line naming few of the columns) has origin
"inferred": its sums are checked, but a mismatch there is at most a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..blocks import Table, grid_to_table
from ..normalize.labels import HEADER_FIRST as LABEL_HEADERS
from ..normalize.markers import opens_item, split_marker
from ..normalize.text import fold, normalize_text
from ..settings import Settings, TableSettings
from ._placement import place_rows
from ._spaceheaders import align_to_groups, split_header, stubs_over_leaves
from ._spacerows import continuation, parse_numeric_row, parse_row_or_bulleted
from ._spaceunits import (
    PAIR_WORDS,
    corner_into_stub,
    label_piece,
    pair_word_joined,
    pieced_header,
    unit_lines,
    unit_row,
)

Line = tuple[int, str]

_DIGIT = re.compile(r"\d")
_ROW_END = re.compile(r"[\d)/%*-]\s*$")  # a table row ends in a value
_UNIT_LEAD = re.compile(r"^\(\s*단\s*위\s*[:：][^()]*\)\s*")
_FORMULA = re.compile(r"^\([A-Za-z0-9+\-−/×* ]+\)(?:\s*[/×*]\s*[A-Za-z0-9()+\-−]+)*$")
_SENTENCE_END = re.compile(r"(?:다|음|함|됨|임|요|\.)$")


@dataclass(slots=True)
class _Row:
    idx: int          # index into the lines list
    label: str
    cells: list[str]


def _header_like(text: str) -> bool:
    if not text or len(text) > 80:
        return False
    marker = split_marker(text)[0]
    if marker and (text[0] not in "0123456789" or marker[-1] in ".)"):
        return False  # a bullet or a numbered heading ("1. 분기별 동향") heads no columns
    unit = _UNIT_LEAD.match(text)
    if unit and text[unit.end():].strip():
        return _header_like(text[unit.end():].strip())  # the unit in the stub cell, labels after it
    if _FORMULA.match(text):
        return True  # a ratio's label on its own line ("(B-A)/A")
    if any(s in text for s in ("단위", "기준 :", "기준:")) or text[0] in "<〈【[《(":
        return False
    if _SENTENCE_END.search(text) and len(text) > 15:
        return False
    return True


def fold_lines(lines: list[Line]) -> list[str]:
    """The lines' texts with typography folded, in one call for the whole chunk."""
    return fold("\n".join(ln[1] for ln in lines)).split("\n")


def find_space_tables(lines: list[Line], settings: Settings, folded: list[str] | None = None,
                      rewrap: bool = False) -> list[tuple[int, int, Table]]:
    """Find space-separated tables; returns (start index, end index, table) spans.
    ``rewrap``: the lines keep an exporter's indentation, and a header line broken at
    its fixed width goes on in the deeper indented line below it."""
    texts = [t.strip() for t in (folded if folded is not None else fold_lines(lines))]
    if rewrap:
        _join_wrapped_headers(lines, texts)
    rows, maybe = _numeric_rows(texts)
    if not rows:
        return []  # a table starts at a row; the others join only beside one
    _rows_beside_rows(texts, rows, maybe)
    out: list[tuple[int, int, Table]] = []
    i = 0
    n = len(lines)
    while i < n:
        if i not in rows:
            i += 1
            continue
        lead = unit_lines(texts, i - 1, rows, upward=True)
        if lead:
            # the first row's unit on the line above it ("합계" / "정 원 8,491 …"): no header line
            rows[i] = (unit_row([texts[k] for k in lead], rows[i][0]), rows[i][1])
            for k in lead:
                texts[k] = ""
        body: list[_Row] = [_Row(i, *rows[i])]
        j = i + 1
        last = i
        while j < n:
            if not texts[j]:
                j += 1
                continue
            if j in rows:
                body.append(_Row(j, *rows[j]))
                last = j
                j += 1
                continue
            nxt = _next_nonblank(texts, j + 1)
            if not body[-1].label and label_piece(texts[j]) and nxt in rows and not rows[nxt][0] \
                    and all(c.startswith("(") for c in rows[nxt][1]):
                # a label centred between the two lines of its row (figures over rates,
                # pdftotext -layout): the row above has none of its own
                body[-1].label = texts[j]
                j += 1
                continue
            if nxt is not None and nxt in rows and label_piece(texts[j]):
                # a row label broken over two lines ("스 마 트 정 보" / "담 당 관 17 /16 …")
                label, cells = rows[nxt]
                pair = label.replace(" ", "") in PAIR_WORDS
                rows[nxt] = (unit_row([texts[j]], label) if pair else texts[j] + " " + label, cells)
                j += 1
                continue
            run = unit_lines(texts, j, rows)
            if run:
                # a unit's name over its 정원/현원 rows, broken over lines ("소속" / "기관" /
                # "정 원 7,833 …"): it leads the first row of the pair
                label, cells = rows[run[-1] + 1]
                rows[run[-1] + 1] = (unit_row([texts[k] for k in run], label), cells)
                j = run[-1] + 1
                continue
            cont = continuation(texts[j])
            if cont is not None and j - last <= 3:
                _extend(body[-1], cont)
                last = j
                j += 1
                continue
            break
        body = _join_wrapped(body)
        width = max(len(r.cells) for r in body) + 1
        header_idx = pieced_header(texts, i, rows, width) or _header_lines(texts, i, rows)
        if len(body) < settings.min_table_rows and not header_idx:
            i = last + 1
            continue
        start = header_idx[0] if header_idx else i
        table = _build(lines, texts, header_idx, body, width, last, settings.tables)
        out.append((start, last + 1, table))
        i = last + 1
    return out


def _numeric_rows(texts: list[str]) -> tuple[dict[int, tuple[str, list[str]]], dict[int, tuple[str, list[str]]]]:
    """The lines read as rows (label, cells): ``rows``, ending in a value, and ``maybe``,
    rows ending in text or with a bulleted label, which count only beside a row.
    The lines that end in a value are read first: without a row among them the
    others are not read at all."""
    rows: dict[int, tuple[str, list[str]]] = {}
    maybe: dict[int, tuple[str, list[str]]] = {}
    later = []
    for i, t in enumerate(texts):
        if t and _DIGIT.search(t):
            if not _ROW_END.search(t):
                later.append(i)
                continue
            r, bulleted = parse_row_or_bulleted(t)
            if r is not None:
                (maybe if bulleted else rows)[i] = r
    if rows:
        for i in later:
            if (r := parse_numeric_row(texts[i], lone_figure=True)) is not None:
                maybe[i] = r
        maybe = dict(sorted(maybe.items()))  # in line order, as _rows_beside_rows reads them
    return rows, maybe


#: an exporter's fixed line width is at least this wide (display columns)
WRAP_MIN = 40


def _join_wrapped_headers(lines: list[Line], texts: list[str]) -> None:
    """Lines without figures broken at an exporter's fixed width ("(단위 : 조원) '22년중
    (1~12월) '23년중" / "  (1~12월) '25년중 (1~7월)"): the deeper indented piece is
    joined to the line above it, in place (the piece's line becomes blank)."""
    prev = None
    base = 0  # the indent of line ``prev``
    for j, t in enumerate(texts):
        if not t:
            continue
        indent = _indent(lines[j][1])
        if prev is not None and indent >= base + 2 and not _ROW_END.search(texts[prev]) \
                and _display_width(lines[prev][1].rstrip()) >= WRAP_MIN \
                and continuation(t) is None and not opens_item(t):
            texts[prev] = f"{texts[prev]} {t}"
            texts[j] = ""
            continue
        prev, base = j, indent


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


_WIDE = re.compile("[\u3000-\u9fff가-힣]")  # two columns each (CJK and Hangul syllables)


def _display_width(s: str) -> int:
    return len(s) if s.isascii() else len(s) + len(_WIDE.findall(s))


def _join_wrapped(body: list[_Row]) -> list[_Row]:
    """Rows broken over two lines by a fixed line width: each labelled row is followed
    by a line of figures without a label, and the two hold the same number of cells
    every time while the lines themselves vary ("계 345,988 … 374,164" / "355,826 100
    2.5").  Rows of a table whose label-less lines are rows of their own keep them."""
    pairs = [(a, b) for a, b in zip(body, body[1:], strict=False) if a.label and not b.label]
    loose = [r for k, r in enumerate(body) if not r.label and (k == 0 or not body[k - 1].label)]
    if len(pairs) < 2 or loose:
        return body
    sums = {len(a.cells) + len(b.cells) for a, b in pairs}
    if len(sums) != 1 or all(len(a.cells) == len(b.cells) for a, b in pairs):
        return body
    out: list[_Row] = []
    for r in body:
        if not r.label and out:
            _extend(out[-1], r.cells)
        else:
            out.append(r)
    return out


def _next_nonblank(texts: list[str], j: int) -> int | None:
    while j < len(texts) and not texts[j]:
        j += 1
    return j if j < len(texts) else None


def _rows_beside_rows(texts: list[str], rows: dict, maybe: dict) -> None:
    """Rows that read as rows only among rows (their figures end in a text cell, or their
    label opens with a bullet: "□ 국어진흥연구 10,833 11,535 702 6.5" under "사업비 18,583
    …"): each joins ``rows`` when the line next to it is a row, a chain of them reaching
    one of the plain rows."""
    grew = True
    while grew and maybe:
        grew = False
        for i in list(maybe):
            near = [_next_nonblank(texts, i + 1), _prev_nonblank(texts, i - 1)]
            if any(j is not None and j in rows for j in near):
                rows[i] = maybe.pop(i)
                grew = True


def _prev_nonblank(texts: list[str], j: int) -> int | None:
    while j >= 0 and not texts[j]:
        j -= 1
    return j if j >= 0 else None


def _extend(row: _Row, cont: list[str]) -> None:
    for c in cont:
        if c.startswith("(") and row.cells:
            row.cells[-1] = row.cells[-1] + " " + c
        else:
            row.cells.append(c)


def _header_lines(texts: list[str], first: int, rows: dict[int, tuple[str, list[str]]]) -> list[int]:
    idx: list[int] = []
    j = first - 1
    seen = 0
    blanks = 0
    while j >= 0 and seen < 4:
        t = texts[j]
        if not t:
            blanks += 1
            if blanks >= 2:
                break  # a header is not set apart from its table by a run of blank lines
            j -= 1
            continue
        blanks = 0
        if not _header_like(t) or j in rows:
            break
        idx.append(j)
        seen += 1
        j -= 1
        if _UNIT_LEAD.match(t):
            break  # the unit stands in the table's top-left cell: nothing above is header
    idx.reverse()
    return idx


def _two_level_stub(labels: list[str]) -> list[tuple[str, str]] | None:
    """Row labels of two stub columns written on one line: a unit's rows of 정원 and 현원
    read "본부 정원 658 …" / "현원 773 …" (the unit spans both rows).  When a label that
    ends in a word A is followed by a label that is a word B alone, twice or more with
    the same A and B, every label ending in A or B is split into (unit, A or B)."""
    pairs = Counter((a.rpartition(" ")[2], b) for a, b in zip(labels, labels[1:], strict=False)
                    if " " in a and b and " " not in b and a.rpartition(" ")[2] != b)
    if not pairs:
        return None
    (top, low), n = pairs.most_common(1)[0]
    if n < 2:
        return None
    out = []
    for lab in labels:
        head, _, word = lab.rpartition(" ")
        if lab in (top, low):
            out.append(("", lab))
        elif head and word in (top, low):
            out.append((head, word))
        else:
            out.append((lab, ""))
    return out


def _build(lines: list[Line], texts: list[str], header_idx: list[int], body: list[_Row],
           width: int, last: int, cfg: TableSettings) -> Table:
    grid: list[list[str]] = []
    raws: list[list[str]] = []
    line_of: list[int] = []
    labels = [pair_word_joined(normalize_text(r.label)) for r in body]
    stubs = _two_level_stub(labels)
    cols = width + (stubs is not None)
    split = [split_header(texts[h], cols) for h in header_idx]
    header_idx, split = corner_into_stub(header_idx, split)
    if stubs is not None:
        # a line that names one column fewer, its first the label header ("구분 계 정무직 …"):
        # that header spans both stub columns (unit and 정원/현원)
        split = [[c[0], *c] if len(c) == cols - 1 and c and c[0].split()[-1] in LABEL_HEADERS else c
                 for c in split]
    rows_h: list[list[str]] = []
    filled_in = False  # the last line named exactly the columns the lines above left unnamed
    for cells in split:
        filled_in = False
        unnamed = [c for c in range(1, cols) if rows_h and not rows_h[-1][c]]
        if len(cells) < cols and cells and len(cells) == len(unnamed) and cells[0] not in LABEL_HEADERS:
            # a short line under a line that left as many columns unnamed ("%" under
            # "구분 2021년 (A) 2022년 (B) 증감 (B-A)" over five columns): it names those
            row = [""] * cols
            for c, x in zip(unnamed, cells, strict=True):
                row[c] = x
            cells, filled_in = row, True
        elif len(cells) < cols:
            # a spanning header line: it names the row labels when its first cell
            # is a label word, otherwise it starts over the value columns
            lead = [] if cells and cells[0] in LABEL_HEADERS else [""]
            cells = (lead + cells + [""] * cols)[:cols]
        rows_h.append(cells)
    for k in range(len(rows_h) - 1):
        rows_h[k] = align_to_groups(split[k], rows_h[k], rows_h[k + 1], cols)
    # a leaf line under another header line that names fewer columns than the body has
    # value columns: where its labels stand is a guess, unless stub columns above it and
    # groups over it explain it
    leaf_guessed = len(split) >= 2 and len(split[-1]) < cols - 1 and not filled_in
    if len(split) == 2 and len(split[-1]) < cols:
        both = stubs_over_leaves(texts[header_idx[-2]], split[-1], cols)
        if both is not None:
            rows_h[-2:] = list(both)
            leaf_guessed = False
    for h, cells in zip(header_idx, rows_h, strict=True):
        grid.append(cells)
        raws.append([texts[h]] + [""] * (cols - 1))
        line_of.append(lines[h][0])
    placed, by_totals, certain = place_rows([[lab] + [normalize_text(c) for c in r.cells] for lab, r in zip(labels, body, strict=True)],
                                            width, cfg)
    for k, (r, cells) in enumerate(zip(body, placed, strict=True)):
        if stubs is not None:
            cells = [*stubs[k], *cells[1:]]
        grid.append(cells)
        raws.append([r.label] + r.cells + [""] * (cols - 1 - len(r.cells)))
        line_of.append(lines[r.idx][0])
    t = grid_to_table(grid, lines[header_idx[0] if header_idx else body[0].idx][0], lines[last][0],
                      raw_rows=raws, header_rows=len(header_idx) or None)
    for c in t.cells:
        c.line = line_of[c.row]
    # "inferred": a short row's figures could stand in other columns (no total row decides)
    t.placement = "inferred" if not certain else "totals" if by_totals else None
    if rows_h and (leaf_guessed or not _columns_named_apart(rows_h, 1 if stubs is None else 2)):
        t.origin = "inferred"  # the header does not tell its value columns apart: which is which is a guess
    return t


_YEAR_WORD = re.compile(r"['’]?\d{2,4}년")


def _columns_named_apart(header: list[list[str]], first: int) -> bool:
    """Whether the header lines, as split, give each value column its own name: no two
    neighbouring columns from ``first`` on have the same labels top to bottom (a header
    line with fewer words than the body has columns leaves them alike), and no cell
    holds two years (a header line crammed into one cell: "예산'23년 이전 '24년 '25년")."""
    paths = [tuple(row[j] for row in header) for j in range(first, len(header[0]))]
    if any(a == b for a, b in zip(paths, paths[1:], strict=False)):
        return False
    return not any(len(_YEAR_WORD.findall(cell)) >= 2 for row in header for cell in row)
