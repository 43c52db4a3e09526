"""Group headings on the divider pages of a plan.

Some offices open each group of tasks with a divider page: the unit's name, the
group's title in large type and the list of its tasks ("1. …", "2. …"), then one
page per task headed by the same titles ("1 …", "2 …").  The list is dropped as a
summary (its titles come back), which leaves the group's title as plain text and
its tasks numbered again from 1 under the chapter.  The line just above such a
list is read as the group's heading when the list's titles come back, in order,
right after it with no other heading of their level between them; the groups are
numbered by their place in the chapter (a Ⅰ/Ⅱ heading starts the count again).
A whole chapter's summary (its tasks come back under group headings of their
own) is not a divider.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from ..blocks import Block, Paragraph
from ..normalize.markers import marker_number


class _Head(Protocol):
    """What is read of an outline heading (``outline.Heading``)."""

    index: int
    rank: float
    marker: str
    kind: str

#: a group title is a title, not a sentence, a label or a table-of-contents line
MAX_TITLE = 60
_NOT_TITLE = re.compile(r"(?:다\s*\.?|\.)$|^[\[【(<〈《「*※\d]|\d$")
_LABEL = re.compile(r"^(?:\d{4}년\s*)?(?:중점\s*)?(?:추진\s*)?(?:과제|목표|목차|전략|순서|보고\s*순서)(?:\s*\(안\))?$")
_NUMBERED = ("num", "bare_num", "circled", "decimal")


def _title_above(blocks: list[Block], i: int, floor: int) -> int | None:
    k = i - 1
    while k > floor and isinstance(blocks[k], Paragraph) and not blocks[k].text:
        k -= 1
    b = blocks[k] if k > floor else None
    if not isinstance(b, Paragraph) or b.marker or not 4 <= len(b.text) <= MAX_TITLE:
        return None
    t = b.text.strip()
    return None if _NOT_TITLE.search(t) or _LABEL.match(t.replace(" ", "")) else k


def divider_headings(heads: Sequence[_Head], drop: list[bool], recurrence: Callable[[int], int | None],
                     blocks: list[Block], max_rank: float) -> list[tuple[int, float, str, str, int]]:
    """(block index, rank, marker, title, line) of the group headings made of the titles
    of divider pages (see the module docstring); ``drop`` flags the summary entries
    among ``heads``, ``recurrence(i)`` gives the heading entry ``i`` comes back as,
    ``max_rank`` is the rank a group heading takes at most."""
    out: list[tuple[int, float, str, str, int]] = []
    count = 0
    n = len(heads)
    i = 0
    while i < n:
        h = heads[i]
        if h.kind == "roman":
            count = 0
        if not drop[i] or h.kind not in _NUMBERED or marker_number(h.marker) != 1:
            i += 1
            continue
        j = i
        while j + 1 < n and drop[j + 1] and heads[j + 1].kind == h.kind \
                and marker_number(heads[j + 1].marker) == j + 2 - i:
            j += 1
        back = [recurrence(k) for k in range(i, j + 1)]
        k = _title_above(blocks, h.index, heads[i - 1].index if i else -1)
        if j > i and k is not None and None not in back and back == sorted(back) and back[0] > j \
                and _alone(heads, drop, back):
            count += 1
            rank = min(min(heads[b].rank for b in back) - 0.5, max_rank)
            out.append((k, rank, str(count), blocks[k].text.strip(), blocks[k].line))
        i = j + 1
    return out


def _alone(heads: Sequence[_Head], drop: list[bool], back: list[int]) -> bool:
    """No kept heading of the recurring titles' level or above stands between them."""
    level = max(heads[b].rank for b in back)
    want = set(back)
    return all(m in want or drop[m] or heads[m].rank > level for m in range(back[0], back[-1] + 1))
