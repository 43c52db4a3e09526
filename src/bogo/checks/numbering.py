"""W406: heading numbers used twice or skipped within one level of the outline.

Numbering styles are told apart by their marker with the ordinal masked by its
kind ("1." and "가." are two styles); siblings of one style are compared each
with the one before it, and anything between them that may hold the missing
number or start a new list silences the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding
from ..normalize.markers import ORDINAL_MARKER, marker_kind, marker_number, ordinal_number
from .context import Context
from .registry import REGISTRY, register

# numbering kinds from the outermost level in; a heading between two siblings
# numbered with an outer kind (or an article "제3조") starts a new list
_NUMBERED_KINDS = ("roman", "num", "bare_num", "circled", "paren_num", "hangul", "paren_hangul")


def _numbered(marker: str) -> bool:
    return marker_kind(marker) in _NUMBERED_KINDS or ordinal_number(marker) is not None


def _number(marker: str) -> int | None:
    n = ordinal_number(marker)
    return n if n is not None else marker_number(marker.replace(" ", ""))


#: the circled digit sets, each a style of its own (① ❶ ➀ ➊ ⓵)
_CIRCLED_SETS = ("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "❶❷❸❹❺❻❼❽❾❿⓫⓬⓭⓮⓯⓰⓱⓲⓳⓴", "➀➁➂➃➄➅➆➇➈➉",
                 "➊➋➌➍➎➏➐➑➒➓", "⓵⓶⓷⓸⓹⓺⓻⓼⓽⓾")
_ORDINAL = re.compile(r"\d+|[가-하]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|[IVX]+|[" + "".join(_CIRCLED_SETS) + "]")


#: one mask per kind of ordinal, so that "1." and "가." are two styles, never one list
_MASKS = {"digit": "#", "hangul": "\ue001", "roman": "\ue002", "circled": "\ue003", "latin": "\ue004",
          **{f"circled{i}": chr(0xE005 + i) for i in range(1, len(_CIRCLED_SETS))}}
_MASK_RX = re.compile("[" + "".join(_MASKS.values()) + "]")


def _shape(marker: str) -> str:
    """A numbering style: the marker with its ordinal masked by the ordinal's kind."""
    m = ORDINAL_MARKER.fullmatch(marker)
    if m:
        return marker[:m.start("n")] + _MASKS["digit"] + marker[m.end("n"):]  # "제2장" → "제#장"
    return _ORDINAL.sub(lambda m: _MASKS[_ordinal_kind(m.group(0))], marker.replace(" ", ""), count=1)


def _fill(shape: str, ordinal: str) -> str:
    """The marker of style ``shape`` written with ``ordinal``."""
    return _MASK_RX.sub(ordinal, shape, count=1)


def _ordinal_kind(c: str) -> str:
    if c.isascii() and c.isdigit():
        return "digit"
    if "가" <= c <= "하":
        return "hangul"
    if c in "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ":
        return "roman"
    for i, digits in enumerate(_CIRCLED_SETS):
        if c in digits:
            return "circled" if i == 0 else f"circled{i}"
    return "latin"


def _numbering_slips(sections) -> Iterator[tuple[object, object, str]]:
    """(previous, heading, "repeated"|"skipped") along each run of sibling headings
    numbered the same way.  A lower number, or a repeated 1, starts a new list inside
    the one before (a sub-list the outline set beside its parent's items) and is not
    a slip; a later number that continues an earlier, still open list ("1. 진단",
    "1. …", "2. …" of a sub-list, then "2. 대응방향") returns to that list."""
    chains: dict[str, list[tuple[object, int]]] = {}     # per style: the open lists, innermost last
    for s in sections:
        kind = _shape(s.marker) if _numbered(s.marker) else None
        n = _number(s.marker) if kind else None
        if n is None:
            continue
        open_lists = chains.setdefault(kind, [])
        if not open_lists or n < open_lists[-1][1] or n == 1:
            open_lists.append((s, n))
            continue
        last = open_lists[-1]
        if _unanchored(open_lists[0], kind):
            open_lists[-1] = (s, n)
            continue  # a run that never showed its first number ("(사) 부산…", "(사) 여성…": 사단법인)
        if n == last[1] + 1:
            open_lists[-1] = (s, n)
            continue
        outer = next((k for k in range(len(open_lists) - 2, -1, -1) if open_lists[k][1] + 1 == n), None)
        if outer is not None:
            del open_lists[outer + 1:]
            open_lists[-1] = (s, n)
            continue
        yield last[0], s, "repeated" if n == last[1] else "skipped"
        open_lists[-1] = (s, n)
    for s in sections:
        yield from _numbering_slips(s.children)


def _unanchored(first: tuple[object, int], shape: str) -> bool:
    """A run of Hangul-ordinal headings whose first does not stand for 1: "(사)" is
    far more often 사단법인 than a seventh item, and a list met only from its middle
    gives no number to compare with."""
    return first[1] > 1 and _MASKS["hangul"] in shape


def _shape_order(ctx: Context) -> dict[str, int]:
    """Each numbering style → the index of its first line: styles met earlier in
    the document are the outer levels (Ⅰ. before 1. before 가. before 1))."""
    def make() -> dict[str, int]:
        order: dict[str, int] = {}
        for i, ln in enumerate(ctx.lines or []):
            if marker_kind(ln.marker) in _NUMBERED_KINDS:
                order.setdefault(_shape(ln.marker), i)
        return order
    return ctx.memo("numbering_shapes", make)


def _list_broken_between(ctx: Context, prev, s) -> bool:
    """Something between the two headings explains the numbers: a line numbered
    the same way that the outline did not take as a heading, a number of the
    list written inside a flattened line ("… ② 해양신산업"), a table (a heading
    drawn in a frame, an org chart), a heading numbered in a style met earlier
    in the document (an outer level) or an article (제3조) starting a new list."""
    shape = _shape(s.marker)
    order = _shape_order(ctx)
    mine = order.get(shape, 0)
    hi = _number(s.marker) or 1
    ordinal = ordinal_number(s.marker) is not None
    wanted = [_fill(shape, _ordinal_text(s.marker, n)) for n in range(1, hi)]
    if any(prev.line < t.line < s.line for t in ctx.report.tables):
        return True
    for ln in ctx.lines or []:
        if prev.line < ln.no < s.line:
            other = _shape(ln.marker) if marker_kind(ln.marker) in _NUMBERED_KINDS else None
            if other == shape or (other is not None and order.get(other, mine) < mine) \
                    or (ORDINAL_MARKER.match(ln.text) and not ordinal) or any(w in ln.text for w in wanted):
                return True
    return False


def _ordinal_text(marker: str, n: int) -> str:
    """The ordinal ``n`` written the way ``marker`` writes its own."""
    if ordinal_number(marker) is not None:
        return str(n)
    m = _ORDINAL.search(marker)
    c = m.group(0) if m else "1"
    if c.isascii() and c.isdigit():
        return str(n)
    for digits in _CIRCLED_SETS:
        if c in digits:
            return digits[n - 1] if n <= len(digits) else c
    if c in "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ":
        return "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"[n - 1] if n <= 12 else c
    if "가" <= c <= "하":
        return "가나다라마바사아자차카타파하"[n - 1] if n <= 14 else c
    return c


@register("W406", "heading-number-sequence", "warning",
          "'{found}': 제목 번호가 {what} (앞 제목 '{prev}') → '{expected}'", scope="document")
def heading_number_sequence(ctx: Context) -> Iterator[Finding]:
    """A heading number used twice or skipped within one level of the outline.

    Bad:
        1. 조직 현황
        2. 예산 현황
        2. 주요 사업      (2 used twice: expected 3)
        4. 향후 계획      (3 skipped)
    Good:
        1. 조직 현황  2. 예산 현황  3. 주요 사업  4. 향후 계획

    Only siblings of one parent numbered the same way (Ⅰ, 1., 1, ①, (1), 가.,
    제1장, 제1절, 제1조) are compared, each with the one before it.

    Traps:
        A lower number starts a new list (a table of contents followed by the
        body, or lists under headings the outline did not see) and is never
        flagged.  Nothing is flagged when something between the two headings may
        hold the missing number or start a new list: a line numbered the same
        way that is not a heading (too long), a table (headings drawn in frames,
        org charts), an outer numbering or an article (제3조).  A heading that
        restates the one before it was merged by the outline builder.  The
        outline is inferred, so this is a warning.
    """
    chk = REGISTRY["W406"]
    for prev, s, what in _numbering_slips(ctx.report.outline):
        if _list_broken_between(ctx, prev, s):
            continue
        n = _number(prev.marker) + 1
        expected = _fill(_shape(s.marker), _ordinal_text(s.marker, n))
        yield chk.finding(found=f"{s.marker} {s.title}", expected=expected, line=s.line,
                          what="반복됨" if what == "repeated" else "건너뜀", prev=f"{prev.marker} {prev.title}")
