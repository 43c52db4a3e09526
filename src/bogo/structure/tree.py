"""The section tree of the outline, from headings in document order.

Ranks follow the Korean convention (``_heading.RANK``) with the corrections a
report's own numbering calls for: □ sections after a circled task are the task's;
a list starting at 1 under a heading of the kind ranked just below is that
heading's (its kind ranking above the list's for the rest of the chapter when
the heading stands right under a chapter); a circled list that starts again at 1
and after which the outer count goes on is the previous item's own list; a
heading restating the previous sibling merges into it.
"""

from __future__ import annotations

from ..normalize.markers import marker_number
from ..normalize.text import compact
from ._heading import RANK, Heading
from ._heading import similar as _similar


def build_tree(heads: list[Heading]) -> list[Heading]:
    roots: list[Heading] = []
    stack: list[Heading] = []
    promoted: dict[str, float] = {}  # kind → the rank it takes in this chapter
    adopted: dict[str, tuple[Heading, float]] = {}  # kind → (adopting heading, rank given)
    for h in heads:
        if h.kind in ("roman", "appendix"):
            promoted = {}
        owner = _section_owner(stack) if h.kind == "square" else None
        if owner is not None:
            h.rank = owner.rank + 0.5  # "① 과제 / □추진계획": the □ section is the task's
        elif h.kind in promoted:
            h.rank = promoted[h.kind]
        elif h.kind in adopted and adopted[h.kind][0] in stack:
            h.rank = adopted[h.kind][1]  # the adopted list goes on
        elif (t := _adopter(stack, h)) is not None:
            if len(stack) == 1 or stack[-2].rank < RANK[h.kind] - 0.5:
                # "1 분야 / 1. 소분야 / 1-1. 과제": this chapter ranks the bare number above "1."
                t.rank = promoted[t.kind] = RANK[h.kind] - 0.5
            else:  # "6. 분야 / 6-4 사업소 / 1. 시장 / 2. 단지 / 6-5 …": a list of the item's own
                h.rank = t.rank + 0.5
                adopted[h.kind] = (t, h.rank)
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        parent = stack[-1] if stack else None
        siblings = parent.children if parent else roots
        # a repeated heading that restates the previous sibling merges into it
        if siblings and siblings[-1].marker == h.marker and _similar(compact(siblings[-1].title), compact(h.title)) \
                and h.kind not in ("part", "square"):
            stack.append(siblings[-1])
            continue
        h.parent = parent
        siblings.append(h)
        stack.append(h)
    _nest_restarts(roots)
    _number(roots, 1, "s")
    return roots


def _nest_restarts(nodes: list[Heading]) -> None:
    """A circled list that starts again at 1 under the same parent, and after which
    the outer list goes on counting, is the previous item's own list ("❶ 과제 /
    ○ … / ❶ 세부사업 ❷ 세부사업 / ❷ 과제"): its items move under that item.  Lists
    that restart without the outer count going on (①②③ under one bullet, ①② under
    the next) stay as they are."""
    for h in nodes:
        _nest_restarts(h.children)
    nums = [marker_number(c.marker) if c.kind == "circled" else None for c in nodes]
    kept: list[Heading] = []
    outer = 0
    i = 0
    while i < len(nodes):
        c, n = nodes[i], nums[i]
        if n == 1 and outer >= 1 and kept and kept[-1].kind == "circled":
            j, inner = i + 1, 1
            while j < len(nodes) and nums[j] is not None and (nums[j] == inner + 1 or nums[j] == 1):
                inner = nums[j]
                j += 1
            if j < len(nodes) and nums[j] == outer + 1:
                host = kept[-1]
                for k in range(i, j):
                    nodes[k].parent = host
                    nodes[k].rank = host.rank + 0.5
                    host.children.append(nodes[k])
                i = j
                continue
        kept.append(c)
        outer = n or 0
        i += 1
    nodes[:] = kept


NUMBERED = ("roman", "num", "bare_num", "decimal", "circled", "paren_num")


def _adopter(stack: list[Heading], h: Heading) -> Heading | None:
    """The heading that takes a list starting at 1 as its children although the
    list's kind ranks above it ("1 분야 / 1. 소분야 / 1-1. 과제", "3 분야 / 1. 과제"
    where the other groups have ❶, "6-4 사업소 / 1. 시장 / 2. 단지"): a numbered
    heading at the top of ``stack``, of the kind ranked just below, with no child
    yet.  Right under a chapter (Ⅰ, Ⅱ) its kind then ranks above the list's kind for
    the rest of the chapter; deeper, the list is that heading's own."""
    if not stack or h.kind not in NUMBERED or marker_number(h.marker) != 1:
        return None
    t = stack[-1]
    if t.kind == h.kind or t.kind not in NUMBERED or t.children or RANK[t.kind] != RANK[h.kind] + 1:
        return None
    return t


def _section_owner(stack: list[Heading]) -> Heading | None:
    """The circled heading that owns the □ sections at the top of ``stack``."""
    k = len(stack) - 1
    while k > 0 and stack[k].kind == "square" and stack[k].rank == stack[k - 1].rank + 0.5:
        k -= 1
    return stack[k] if k >= 0 and _owns_sections(stack[k]) else None


def _owns_sections(h: Heading) -> bool:
    """A circled heading under a numbered one ("1. 분야 / ① 과제") whose □ section
    headings follow it: the Korean rank (□ above ①) would make them its siblings.
    Bullet part headings ("○ 향후 일정") after a list of ① items stay the
    numbered heading's own."""
    return h.kind == "circled" and h.parent is not None and h.parent.kind in ("roman", "num", "bare_num", "decimal")


def _number(nodes: list[Heading], level: int, prefix: str) -> None:
    for i, h in enumerate(nodes, 1):
        h.level = level
        h.id = f"{prefix}{i}" if prefix == "s" else f"{prefix}.{i}"
        _number(h.children, level + 1, h.id)
