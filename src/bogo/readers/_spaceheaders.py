"""Header lines of space-separated tables, split into cells.

Exports lose the spacing that separated header cells, and spaced-out labels
("구 분", "합 계") look like several words.  ``split_header`` reads a header line
as ``n`` cells: spaced syllables are paired into words (계 stands alone), then a
small dynamic programme joins the remaining tokens at the cheapest places,
preferring known header words.  ``align_to_groups`` places a spanning header
line over the 계/소계 groups of the line below.
"""

from __future__ import annotations

import re
from itertools import combinations

from ..normalize.labels import HEADER_FIRST as LABEL_HEADERS
from ..normalize.labels import HEADER_WORDS, is_total
from ..normalize.text import normalize_text

_YEAR4 = re.compile(r"\d{4}")
_YEAR_START = re.compile(r"(?:19|20)\d{2}")



def header_words(text: str) -> list[str]:
    """The words a header line holds before any are joined: bracketed phrases whole,
    spaced syllables paired, formula letters on their words."""
    return _with_formulas(_pair_syllables(_bracketed(text.split())))


#: a piece of a header broken one cell a line (pdftotext -raw): short, no bullet
PIECE_MAX = 12
_PIECE_WORD = re.compile(r"[가-힣A-Za-z0-9·%()~\-'’]+")


def is_header_piece(text: str) -> bool:
    """A line that may be one cell (or two) of a header broken over lines: "구 분 2021년",
    "(A)", "증 감", "(B-A) %"."""
    return 0 < len(text) <= PIECE_MAX and "단위" not in text and all(_PIECE_WORD.fullmatch(w) for w in text.split())


def split_header(text: str, n: int) -> list[str]:
    """Split a header line into ``n`` cells (or fewer when it has fewer tokens)."""
    toks = _bracketed(text.split())
    if len(toks) > 40:
        return normalize_text(text).split()[:n]
    paired = _with_formulas(_pair_syllables(toks))
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


#: a column's formula letter in brackets ("(A)", "(B-A)", "(C=A+B)", "(B/A)"): it names the
#: column of the words before it and never stands for a column of its own
_WORDED = re.compile(r"[가-힣0-9]")
_FORMULA = re.compile(r"[(（][A-Za-z][A-Za-z0-9+\-−/×*=%]{0,7}[)）]")


def _with_formulas(toks: list[str]) -> list[str]:
    """A formula letter joined to the words it follows ("예산 (A)"); a line of letters
    alone ("(A) (B) (B-A)", under the words of the line above) keeps each apart."""
    out: list[str] = []
    for t in toks:
        if out and _FORMULA.fullmatch(t) and _WORDED.search(_FORMULA.sub("", out[-1])):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


def _bracketed(toks: list[str]) -> list[str]:
    """Tokens with a bracketed phrase held together as one ("(단위 : 조원)")."""
    out: list[str] = []
    depth = 0
    for t in toks:
        if depth > 0 and out:
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
        depth = max(0, depth + t.count("(") - t.count(")"))
    return out


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


def align_to_groups(own: list[str], cells: list[str], child: list[str], width: int) -> list[str]:
    """Place a spanning header line's labels over the groups of the line below:
    each group of a Korean table begins with its 계/소계 column ("확진환자 의사환자"
    over "소계 격리중 퇴원 사망 소계 검사중 결과음성")."""
    labels = [c for c in own if c and c not in LABEL_HEADERS]
    starts = [i for i, c in enumerate(child) if is_total(c)]
    if not labels or len(labels) != len(starts) or len(own) >= width:
        return cells
    out = [""] * width
    if own and own[0] in LABEL_HEADERS:
        out[0] = own[0]
    for lab, pos in zip(labels, starts, strict=True):
        out[pos] = lab
    return out


def stubs_over_leaves(upper: str, leaf: list[str], width: int) -> tuple[list[str], list[str]] | None:
    """A two-line header whose leaf line has fewer cells than the body: the upper
    line's first cells are stub columns spanning both lines ("구분", "2018년(A)"),
    its other cells name groups of the leaf cells, which stand under the last
    columns ("구분 2018년(A) 2017년 증감" over "당초(B) 최종(C) 당초(A-B) 최종(A-C)"
    in six columns).  Returns the two rows, each ``width`` cells, or None when the
    lines do not fit that reading."""
    k = len(leaf)
    stubs = width - k
    cells = _words(upper)
    groups = len(cells) - stubs
    if not 0 < k < width or stubs < 1 or not 1 <= groups <= k:
        return None
    sizes = _group_sizes(leaf, groups)
    top = cells[:stubs] + [""] * k
    pos = stubs
    for lab, size in zip(cells[stubs:], sizes, strict=True):
        top[pos] = lab
        pos += size
    return top, [""] * stubs + leaf


def _words(text: str) -> list[str]:
    """Header cells at their finest: spaced syllables paired, a parenthesis kept with
    the word before it ("2017 (최종)")."""
    out: list[str] = []
    for t in _pair_syllables(text.split()):
        if out and t.startswith("(") and not out[-1].endswith(")"):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return [normalize_text(t) for t in out]


def _kind(label: str) -> str:
    return "year" if _YEAR_START.match(label) else "total" if is_total(label) else "word"


def _group_sizes(leaf: list[str], g: int) -> list[int]:
    """Split the leaf cells into ``g`` contiguous groups: at the 계/소계 cells when there
    are ``g`` of them from the first cell on; else the split that keeps cells of one
    kind (years, words) together, groups opening with a total, sizes nearest equal."""
    starts = [i for i, c in enumerate(leaf) if is_total(c)]
    if len(starts) == g and starts[0] == 0:
        return [b - a for a, b in zip(starts, [*starts[1:], len(leaf)], strict=True)]
    best: tuple[float, list[int]] | None = None
    for cuts in combinations(range(1, len(leaf)), g - 1):
        bounds = [0, *cuts, len(leaf)]
        sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        score = 0.0
        for a, b in zip(bounds, bounds[1:], strict=False):
            kinds = [_kind(c) for c in leaf[a:b]]
            score += sum(1 if x == y else -1 for x, y in zip(kinds, kinds[1:], strict=False) if "total" not in (x, y))
            score += 0.5 if kinds[0] == "total" else 0.0
        score -= 0.01 * (max(sizes) - min(sizes))
        if best is None or score > best[0]:
            best = (score, sizes)
    return best[1] if best else [len(leaf)]
