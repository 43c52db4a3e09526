"""Row labels and header pieces of space-separated tables that an export broke over lines.

- A unit's name on lines of its own over the unit's 정원 and 현원 rows (a merged unit
  cell, pdftotext -raw: "소속" / "기관" / "정 원 7,833 …" / "현 원 7,850 …"): it leads
  the first row of the pair (:func:`unit_lines`, :func:`unit_row`).
- A corner cell split by a diagonal, "직급별" over "구분 계 …" (:func:`corner_into_stub`).
- A header broken one cell a line right above the body (:func:`pieced_header`).
"""

from __future__ import annotations

import re

from ..normalize.labels import HEADCOUNT_SIDES as PAIR_WORDS
from ..normalize.labels import HEADER_FIRST as LABEL_HEADERS
from ..normalize.markers import split_marker
from ._spaceheaders import header_words, is_header_piece

_DIGIT = re.compile(r"\d")
_LABEL_CHARS = re.compile(r"[가-힣·()\s]+")

Rows = dict[int, tuple[str, list[str]]]


def label_piece(text: str) -> bool:
    """A short label-only line: spaced syllables or one word, no digits or bullet."""
    return len(text) <= 20 and not _DIGIT.search(text) and not split_marker(text)[0] \
        and bool(_LABEL_CHARS.fullmatch(text))


#: a unit's name broken over at most this many lines, each at most UNIT_PIECE_MAX long
MAX_UNIT_LINES, UNIT_PIECE_MAX = 3, 8


def unit_lines(texts: list[str], j: int, rows: Rows, upward: bool = False) -> list[int]:
    """The lines holding a unit's name right above a row labelled 정원 or 현원 (one word
    each, no figures): from line ``j`` down to that row, or (``upward``) from the row
    above ``j`` up; [] when there are none or the row is labelled otherwise."""
    step = -1 if upward else 1
    run: list[int] = []
    k = j
    while 0 <= k < len(texts) and len(run) < MAX_UNIT_LINES and _unit_piece(texts[k]) and k not in rows:
        run.append(k)
        k += step
    row = j + 1 if upward else k
    run.sort()
    if not run or row not in rows or rows[row][0].replace(" ", "") not in PAIR_WORDS \
            or texts[run[0]].replace(" ", "") in LABEL_HEADERS:
        return []  # ("구분" over the first row heads the label column: it is no unit)
    return run


def _unit_piece(text: str) -> bool:
    compact = text.replace(" ", "")
    return 0 < len(compact) <= UNIT_PIECE_MAX and label_piece(text) and compact not in PAIR_WORDS


def corner_into_stub(idx: list[int], split: list[list[str]]) -> tuple[list[int], list[list[str]]]:
    """A corner cell split by a diagonal, its two words on two lines: "직급별" alone over
    "구분 계 정무직 …".  The "by …" word (…별) names the axis of the columns from the
    corner; it joins the label header below it ("직급별 구분") instead of spanning the
    value columns."""
    for k in range(len(split) - 1):
        one, below = split[k], split[k + 1]
        if len(one) == 1 and one[0].endswith("별") and below and below[0] in LABEL_HEADERS:
            below = [f"{one[0]} {below[0]}", *below[1:]]
            return idx[:k] + idx[k + 1:], split[:k] + [below] + split[k + 2:]
    return idx, split


def pair_word_joined(label: str) -> str:
    """A label ending in a spaced-out 정원/현원 written whole ("기타 현 원" → "기타 현원")."""
    for w in PAIR_WORDS:
        spaced = " ".join(w)
        if label.endswith(" " + spaced) or label == spaced:
            return label[:-len(spaced)] + w
    return label


def unit_row(unit_lines: list[str], label: str) -> str:
    """The label of a pair's first row with its unit before it: "합계 정원"."""
    return " ".join([*unit_lines, label.replace(" ", "")])


#: the most lines a header broken one cell a line may take
MAX_PIECES = 12


def pieced_header(texts: list[str], first: int, rows: Rows, width: int) -> list[int]:
    """A header broken one cell a line right above the body (pdftotext -raw: "구 분
    2021년" / "(A)" / "2022년" / "(B)" / "증 감" / "(B-A) %"): three lines or more of short
    pieces that open with the row labels' header (구분, 과목 …) and whose words, joined,
    are exactly one per column.  They become one header line, in place (``texts`` of
    the first piece; the others blank); else [].  (Pieces of a header of two levels,
    which an export may also reorder, never open with it and make no such line.)"""
    idx: list[int] = []
    j = first - 1
    while j >= 0 and len(idx) < MAX_PIECES and texts[j] and j not in rows and is_header_piece(texts[j]) \
            and not split_marker(texts[j])[0]:
        idx.append(j)
        j -= 1
    idx.reverse()
    for k in range(len(idx) - 2):  # the longest run that fits: the lines above may be a caption
        joined = " ".join(texts[x] for x in idx[k:])
        words = header_words(joined)
        if len(words) == width and words[0] in LABEL_HEADERS:
            texts[idx[k]] = joined
            for x in idx[k + 1:]:
                texts[x] = ""
            return [idx[k]]
    return []
