"""Tables written as space-separated lines (text exports of PDFs and HWPs).

A body row is a label followed by numeric cells ("기 획 담 당 관 39 /38 (16) 31 / 29
6 / 6 2 / 3"); cell boundaries are recovered from the grammar of Korean table
cells (composite "a / b (c)", "n (m)", "n(±m)", "41조 5,459", "-"), not from the
spacing, which exports lose.  Header lines above the body are split into as many
cells as the body has columns by a small dynamic programme that prefers joining
spaced-out syllables and known header words.  Continuation lines ("(65.0%)" or a
lone "7조 4,737" after a row broken across lines) are joined to their row.  The
chain is ``lines → classify → group → header → grid``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..blocks import Table, grid_to_table
from ..normalize.markers import split_marker
from ..normalize.numbers import parse_composite
from ..normalize.text import fold, normalize_text
from ..settings import Settings

Line = tuple[int, str]

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUM_TOKEN = re.compile(r"^[△▲+\-]?" + _N + r"(?:%|\*{1,2})?(?:\((?:[+\-△▲]?" + _N + r"%?|-|\s*-\s*)\))?\*{0,2}$")
_PAIR_TOKEN = re.compile(r"^(?:" + _N + r")?/(?:" + _N + r")?$")
_JO_TOKEN = re.compile(r"^" + _N + r"조$")
_PAREN_TOKEN = re.compile(r"^\((?:[+\-△▲]?" + _N + r"%?|-)\)\*{0,2}$")
_YEARISH = re.compile(r"^(?:19|20)\d{2}(?:\.\d{1,2}월?)?(?:년)?$|^\d{1,2}월$|^\d{4}\.\d{1,2}월$")
_DIGIT = re.compile(r"\d")
_ROW_END = re.compile(r"[\d)/%*-]\s*$")  # a table row ends in a value
_EOK_PART = re.compile(r"\d,\d{3}|\d{1,4}")
_YEAR4 = re.compile(r"\d{4}")
_YEAR_START = re.compile(r"(?:19|20)\d{2}")
_LABEL_CHARS = re.compile(r"[가-힣·()\s]+")
_SENTENCE_END = re.compile(r"(?:다|음|함|됨|임|요|\.)$")

HEADER_WORDS = {
    "구분", "합계", "계", "소계", "총계", "증감", "비고", "예산액", "집행액", "잔액", "정원", "현원",
    "건수", "예산", "금액", "연도", "연번", "번호", "항목", "내용", "분야", "대상", "기간", "목표",
    "실적", "비율", "집행률", "일반직", "별정직", "임기제", "관리운영직", "누적", "사업수", "예산현액",
}


@dataclass(slots=True)
class _Row:
    idx: int          # index into the lines list
    label: str
    cells: list[str]


def _is_num(tok: str) -> bool:
    return bool(_NUM_TOKEN.match(tok))


def parse_numeric_row(text: str) -> tuple[str, list[str]] | None:
    """Split a line into (label, numeric cells), or None when it is not a table row."""
    toks = text.split()
    if len(toks) < 2:
        return None
    # label: leading tokens up to the first numeric cell token
    k = 0
    while k < len(toks) and not (_is_num(toks[k]) or toks[k].startswith("/") or _PAIR_TOKEN.match(toks[k])
                                 or _JO_TOKEN.match(toks[k]) or toks[k] == "-"):
        k += 1
    label_toks = toks[:k]
    rest = toks[k:]
    if not label_toks and rest and _YEARISH.match(rest[0]) and len(rest) >= 4:
        label_toks, rest = rest[:1], rest[1:]
    cells = _parse_cells(rest)
    if cells is None or not cells:
        return None
    label = " ".join(label_toks)
    if label and (len(label) > 40 or _SENTENCE_END.search(label) and len(label) > 12):
        return None
    if len(cells) < 2 and not (label and len(cells) == 1 and _is_num(rest[0]) and "," in rest[0]):
        return None
    if label and split_marker(label)[0] and split_marker(label)[0] not in ("*",):
        return None
    return label, cells


def _parse_cells(toks: list[str]) -> list[str] | None:
    cells: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if _JO_TOKEN.match(t):
            if i + 1 < n and _EOK_PART.fullmatch(toks[i + 1]):
                cells.append(t + " " + toks[i + 1])
                i += 2
            else:
                cells.append(t)
                i += 1
            continue
        if t == "/":
            if i + 1 < n and _is_num(toks[i + 1]) and not (i + 2 < n and toks[i + 2].startswith("/")):
                cells.append("/ " + toks[i + 1])
                i += 2
            else:
                cells.append("/")
                i += 1
            continue
        if t.startswith("/") and _is_num(t[1:]):
            cells.append("/ " + t[1:])
            i += 1
            continue
        if _PAIR_TOKEN.match(t):
            a, b = t.split("/")
            cells.append(f"{a} / {b}".strip())
            i += 1
            continue
        if t in ("(", "( -", "(-") or _PAREN_TOKEN.match(t):
            # a parenthesised count of the previous cell, possibly spaced "( - )"
            j = i
            buf = []
            while j < n:
                buf.append(toks[j])
                if toks[j].endswith(")"):
                    break
                j += 1
            if not cells:
                return None
            cells[-1] = cells[-1] + " " + "".join(buf).replace("(", "(").replace(" ", "")
            i = j + 1
            continue
        if t == "-":
            cells.append("-")
            i += 1
            continue
        if _is_num(t):
            cell = t
            i += 1
            if i < n and toks[i] == "/":
                # "34 / 33": a pair; take the right number unless it starts the next "n /"
                if i + 1 < n and _is_num(toks[i + 1]):
                    cell = f"{t} / {toks[i + 1]}"
                    i += 2
                else:
                    cell = f"{t} /"
                    i += 1
            elif i < n and toks[i].startswith("/") and _is_num(toks[i][1:]):
                cell = f"{t} /{toks[i][1:]}"
                i += 1
            cells.append(cell)
            continue
        return None
    return cells


def _continuation(text: str) -> list[str] | None:
    """A line holding only numeric cells or a parenthesised part, no label."""
    toks = text.split()
    if not toks:
        return None
    if len(toks) == 1 and _PAREN_TOKEN.match(toks[0]):
        return ["(" + toks[0][1:]]
    if _JO_TOKEN.match(toks[0]) or _is_num(toks[0]):
        return _parse_cells(toks)
    return None


def _header_like(text: str) -> bool:
    if not text or len(text) > 80:
        return False
    if split_marker(text)[0] and not text[0].isdigit():
        return False
    if any(s in text for s in ("단위", "기준 :", "기준:")) or text[0] in "<〈【[《(":
        return False
    if _SENTENCE_END.search(text) and len(text) > 15:
        return False
    return True


def split_header(text: str, n: int) -> list[str]:
    """Split a header line into ``n`` cells (or fewer when it has fewer tokens)."""
    toks = text.split()
    if len(toks) > 40:
        return normalize_text(text).split()[:n]
    paired = _pair_syllables(toks)
    if len(paired) <= n:
        return paired
    toks = paired
    # dynamic programme over contiguous groups: minimise the cost of joins
    inf = float("inf")
    m = len(toks)
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(1, m + 1):
        for g in range(1, min(i, n) + 1):
            for j in range(g - 1, i):
                if best[j][g - 1] == inf:
                    continue
                c = best[j][g - 1] + _group_cost(toks[j:i])
                if c < best[i][g]:
                    best[i][g], back[i][g] = c, j
    groups, i, g = [], m, n
    while g > 0:
        j = back[i][g]
        groups.append(toks[j:i])
        i, g = j, g - 1
    groups.reverse()
    return [normalize_text(" ".join(grp)) if not all(len(t) == 1 for t in grp) else "".join(grp)
            for grp in groups]


def _pair_syllables(toks: list[str]) -> list[str]:
    """Spaced-out header words: a run of single syllables is read as two-syllable
    words ("이 월 신 소" → 이월, 신소), except that 계 where a word would begin
    stands alone ("계 이 월 신 소 계 승 소" → 계, 이월, 신소, 계, 승소; "소 계" →
    소계).  An odd run without 계 is one spaced-out word ("진 행 중" → 진행중)."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        if not _single_syllable(toks[i]):
            out.append(toks[i])
            i += 1
            continue
        j = i
        while j < len(toks) and _single_syllable(toks[j]):
            j += 1
        run = toks[i:j]
        i = j
        if len(run) % 2 and "계" not in run:
            out.append("".join(run))
            continue
        k = 0
        while k < len(run):
            if run[k] == "계" or k + 1 >= len(run):
                out.append(run[k])
                k += 1
            else:
                out.append(run[k] + run[k + 1])
                k += 2
    return out


def _single_syllable(t: str) -> bool:
    return len(t) == 1 and "가" <= t <= "힣"


def _group_cost(grp: list[str]) -> float:
    joined = "".join(grp)
    cost = 0.0
    if len(grp) == 1:
        if grp[0] in HEADER_WORDS:
            return -0.5  # a known header word is a cell of its own
        return 0.6 if len(grp[0]) == 1 and grp[0] not in ("계",) else 0.0
    if joined in HEADER_WORDS:
        return -1.0
    for a, b in zip(grp, grp[1:], strict=False):
        if len(a) == 1 and len(b) == 1:
            cost += 0.0
        elif _YEAR4.match(a) and not _YEAR4.match(b):
            cost += 1.0
        else:
            cost += 2.0
    years = sum(1 for t in grp if _YEAR_START.match(t))
    return cost + (3.0 if years > 1 else 0.0)


def fold_lines(lines: list[Line]) -> list[str]:
    """The lines' texts with typography folded, in one call for the whole chunk."""
    return fold("\n".join(ln[1] for ln in lines)).split("\n")


def find_space_tables(lines: list[Line], settings: Settings,
                      folded: list[str] | None = None) -> list[tuple[int, int, Table]]:
    """Find space-separated tables; returns (start index, end index, table) spans."""
    texts = [t.strip() for t in (folded if folded is not None else fold_lines(lines))]
    rows: dict[int, tuple[str, list[str]]] = {}
    for i, t in enumerate(texts):
        if t and _ROW_END.search(t) and _DIGIT.search(t):
            r = parse_numeric_row(t)
            if r is not None:
                rows[i] = r
    out: list[tuple[int, int, Table]] = []
    i = 0
    n = len(lines)
    while i < n:
        if i not in rows:
            i += 1
            continue
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
            if nxt is not None and nxt in rows and _label_piece(texts[j]):
                # a row label broken over two lines ("스 마 트 정 보" / "담 당 관 17 /16 …")
                label, cells = rows[nxt]
                rows[nxt] = (texts[j] + " " + label, cells)
                j += 1
                continue
            cont = _continuation(texts[j])
            if cont is not None and j - last <= 3:
                _extend(body[-1], cont)
                last = j
                j += 1
                continue
            break
        header_idx = _header_lines(texts, i, rows)
        width = max(len(r.cells) for r in body) + 1
        if len(body) < settings.min_table_rows and not header_idx:
            i = last + 1
            continue
        start = header_idx[0] if header_idx else i
        table = _build(lines, texts, header_idx, body, width, last)
        out.append((start, last + 1, table))
        i = last + 1
    return out


def _next_nonblank(texts: list[str], j: int) -> int | None:
    while j < len(texts) and not texts[j]:
        j += 1
    return j if j < len(texts) else None


def _label_piece(text: str) -> bool:
    """A short label-only line: spaced syllables or one word, no digits or bullet."""
    return len(text) <= 20 and not _DIGIT.search(text) and not split_marker(text)[0] \
        and bool(_LABEL_CHARS.fullmatch(text))


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
    while j >= 0 and seen < 4:
        t = texts[j]
        if not t:
            j -= 1
            continue
        if not _header_like(t) or j in rows:
            break
        idx.append(j)
        seen += 1
        j -= 1
    idx.reverse()
    return idx


def _build(lines: list[Line], texts: list[str], header_idx: list[int], body: list[_Row],
           width: int, last: int) -> Table:
    grid: list[list[str]] = []
    raws: list[list[str]] = []
    line_of: list[int] = []
    split = [split_header(texts[h], width) for h in header_idx]
    rows_h: list[list[str]] = []
    for k, cells in enumerate(split):
        if len(cells) < width:
            # a spanning header line: it names the row labels when its first cell
            # is a label word, otherwise it starts over the value columns
            lead = [] if cells and cells[0] in _LABEL_HEADERS else [""]
            cells = (lead + cells + [""] * width)[:width]
        rows_h.append(cells)
    for k in range(len(rows_h) - 1):
        rows_h[k] = _align_to_groups(split[k], rows_h[k], rows_h[k + 1], width)
    for h, cells in zip(header_idx, rows_h, strict=True):
        grid.append(cells)
        raws.append([texts[h]] + [""] * (width - 1))
        line_of.append(lines[h][0])
    placed = _place_rows([[normalize_text(r.label)] + [normalize_text(c) for c in r.cells] for r in body], width)
    for r, cells in zip(body, placed, strict=True):
        grid.append(cells)
        raws.append([r.label] + r.cells + [""] * (width - 1 - len(r.cells)))
        line_of.append(lines[r.idx][0])
    t = grid_to_table(grid, lines[header_idx[0] if header_idx else body[0].idx][0], lines[last][0],
                      raw_rows=raws, header_rows=len(header_idx) or None)
    for c in t.cells:
        c.line = line_of[c.row]
    return t


_TOTAL = {"계", "합계", "총계"}
_LABEL_HEADERS = {"구분", "연도", "항목", "분야", "연번", "번호", "부서", "기관", "연도구분"}


_GROUP_START = {"계", "소계", "합계"}


def _align_to_groups(own: list[str], cells: list[str], child: list[str], width: int) -> list[str]:
    """Place a spanning header line's labels over the groups of the line below:
    each group of a Korean table begins with its 계/소계 column ("확진환자 의사환자"
    over "소계 격리중 퇴원 사망 소계 검사중 결과음성")."""
    labels = [c for c in own if c and c not in _LABEL_HEADERS]
    starts = [i for i, c in enumerate(child) if c in _GROUP_START]
    if not labels or len(labels) != len(starts) or len(own) >= width:
        return cells
    out = [""] * width
    if own and own[0] in _LABEL_HEADERS:
        out[0] = own[0]
    for lab, pos in zip(labels, starts, strict=True):
        out[pos] = lab
    return out


def _place_rows(rows: list[list[str]], width: int) -> list[list[str]]:
    """Pad short rows to ``width``.  Exports lose blank cells, so a row of four
    values under five columns is ambiguous; when the table has a total row of
    composite cells, blanks go where the column sums then match the total row
    (greedy improvement), otherwise to the end of the row."""
    padded = [r + [""] * (width - len(r)) for r in rows]
    short = [i for i, r in enumerate(rows) if len(r) < width]
    totals = [i for i, r in enumerate(rows) if r and r[0].replace(" ", "") in _TOTAL and len(r) == width]
    if not short or not totals:
        return padded
    t = totals[0]

    def qc(text: str) -> tuple[float, float]:
        v = parse_composite(text)
        return (v.quota or 0, v.current or 0) if v.is_pair else (v.value or 0, 0)

    target_cells = [parse_composite(c) for c in rows[t][1:]]
    if not all(v.numeric for v in target_cells):
        return padded
    target = [qc(c) for c in rows[t][1:]]
    values = [[qc(c) for c in r[1:]] for r in rows]
    slots = width - 1

    def layout(i: int, blanks: tuple[int, ...]) -> list[tuple[float, float]]:
        it = iter(values[i])
        return [(0, 0) if s in blanks else next(it) for s in range(slots)]

    choice = {i: tuple(range(len(rows[i]) - 1, slots)) for i in short}
    sums = [[0.0, 0.0] for _ in range(slots)]
    for i in range(len(rows)):
        if i == t:
            continue
        cells = layout(i, choice[i]) if i in choice else values[i] + [(0, 0)] * (slots - len(values[i]))
        for k, (q, c) in enumerate(cells):
            sums[k][0] += q
            sums[k][1] += c

    def err(s: list[list[float]]) -> float:
        return sum(abs(s[k][0] - target[k][0]) + abs(s[k][1] - target[k][1]) for k in range(slots))

    cur = err(sums)
    for _ in range(3):
        improved = False
        for i in short:
            old = layout(i, choice[i])
            for blanks in list(combinations(range(slots), width - len(rows[i])))[:200]:
                new = layout(i, blanks)
                trial = [[sums[k][0] - old[k][0] + new[k][0], sums[k][1] - old[k][1] + new[k][1]] for k in range(slots)]
                e = err(trial)
                if e < cur:
                    cur, sums, old, improved = e, trial, new, True
                    choice[i] = blanks
        if not improved or cur == 0:
            break
    out = []
    for i, r in enumerate(rows):
        if i in choice:
            it = iter(r[1:])
            out.append([r[0]] + ["" if s in choice[i] else next(it) for s in range(slots)])
        else:
            out.append(padded[i])
    return out
