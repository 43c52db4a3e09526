"""Audit items laid out as cards: the field names run down the table, not across it.

Many 처리결과 pages and HWP forms give each request a small table of its own (or
stack several in one), a field name in a cell and its value in the cell to its
right::

    | 번호     | 1                     | 소관부서 | 기획예산과 |
    | 요구사항 | 예산 편성 시 … 바람                          |
    | 처리결과 | 2025년 예산에 … 높였음                       |
    | 처리상태 | 완료                                         |

:func:`cards` reads such rows into one dict per card (field → value and where the
value stands); a card opens at each request field.  A field name is a cell whose
whole text is one of the names below, so a value that merely holds such a word
("총무담당", "처리결과를 보고함") is never taken for one.
"""

from __future__ import annotations

import re

from ..normalize.text import compact

#: field → the whole text of a cell naming it (spaces removed)
FIELDS: dict[str, re.Pattern[str]] = {
    "request": re.compile(r"(?:감사)?(?:시정[·및]?)?(?:처리)?(?:요구|지적|건의|요청|질의|시정)(?:사항|내용)(?:\(요지\))?"),
    "status": re.compile(r"(?:처리|추진|진행|조치|이행)?(?:상태|상황)|(?:처리|추진|이행|완료)여부"),
    "plans": re.compile(r"향후(?:추진|조치)?(?:계획|일정)"),
    "result": re.compile(r"(?:조치|처리|추진|이행)(?:결과|내용|실적|사항)(?:및향후(?:추진)?(?:계획|일정))?"),
    "department": re.compile(r"(?:소관|담당|주관)(?:부서|기관|과)?(?:명)?|처리(?:부서|기관|과)(?:명)?|부서(?:명)?"),
    "number": re.compile(r"번호|연번|순번"),
}
FIELD_MAX = 16  # a field name is a word or two, never a sentence

#: a card's field → (value, row index, column index)
Card = dict[str, tuple[str, int, int]]


def field_of(text: str) -> str | None:
    """The field a cell names, or None when its text is not a field name."""
    t = compact(text).strip("[]【】<>()·:：")
    if not t or len(t) > FIELD_MAX:
        return None
    for field, pattern in FIELDS.items():
        if pattern.fullmatch(t):
            return field
    return None


def cards(rows: list[list[str]]) -> list[Card]:
    """The cards of a table's rows (header rows included), in order; only the cards
    with a request field holding text.  A value is the first cell right of its field
    name that is neither empty, nor the name again (a merged cell), nor another name."""
    out: list[Card] = []
    cur: Card = {}
    for r, row in enumerate(rows):
        j = 0
        while j < len(row):
            field = field_of(row[j])
            if field is None:
                j += 1
                continue
            k = j + 1
            while k < len(row) and (not row[k].strip() or row[k] == row[j]):
                k += 1
            if k == len(row) or field_of(row[k]) is not None:
                j = k
                continue
            if field == "request" and "request" in cur:
                out.append(cur)
                cur = {}
            cur.setdefault(field, (row[k].strip(), r, k))
            j = k + 1
    if cur:
        out.append(cur)
    return [c for c in out if "request" in c]

