"""Section headings whose □ bullet an export lost.

Text exports that drop bullet glyphs turn "□ 업종별 동향" into a plain line.  A
report that has numbered headings (1., a bare "1", ①, 1-1) but not one □ heading
has lost them when numbered headings are followed straight by a short unmarked
line and then sub-items (where the □ line stood under its heading) at least
:data:`MIN_EVIDENCE` times and for :data:`MIN_SHARE` of them — a report that lost
its □ glyphs lost them under many headings, a lone unbulleted line under a heading
or two is the writer's; there, a short unmarked line that opens a block of sub-items — the
next block is a table or a line bulleted "ㅇ", "○", "-", "·" — and that follows a
numbered heading, a table or a sub-item (the end of the previous □ block) reads as
a □ heading, and so does an unmarked part heading ("주요 내용") wherever it stands.  Lines that are sentences ("…하였다."), captions ("< … >", "(단위 …)"),
notes ("*", "※"), lines that open with a glyph of their own ("◊ …") or figures
never do, nor does a line between two tables (a
caption or a one-cell row as much as a heading).
"""

from __future__ import annotations

import re
import unicodedata

from ..blocks import Block, Paragraph, Table
from ..normalize.markers import marker_kind

#: a lost □ line is a title, not a sentence
MAX_TITLE = 60
#: numbered headings followed straight by a lost □ line before any is believed
MIN_EVIDENCE = 2
MIN_SHARE = 0.25
_NUMBERED = ("num", "bare_num", "circled", "roman")
_SUB_ITEM = re.compile(r"^(?:ㅇ|[○◦∘●·•\-–▪])\s")
_SENTENCE = re.compile(r"(?:다[.!]?|[요까][.!?])$")
_NOT_TITLE = re.compile(r"^[\[【〈<《「(（*※\d'‘\"“]")


def _kind(b: Block) -> str:
    return marker_kind(b.marker) if isinstance(b, Paragraph) else ""


def _sub_item(b: Block) -> bool:
    if isinstance(b, Table):
        return True
    return isinstance(b, Paragraph) and (_kind(b) in ("circle", "small_circle", "dash", "dot", "small_square")
                                         or bool(_SUB_ITEM.match(b.text)))


def _title_like(p: Paragraph) -> bool:
    t = p.text
    return not p.marker and 2 <= len(t) <= MAX_TITLE and not _SENTENCE.search(t, len(t) - 3) and not _NOT_TITLE.match(t) \
        and not p.heading and not _SUB_ITEM.match(t) and unicodedata.category(t[0])[0] in "LN"


def _candidate(blocks: list[Block], kinds: list[str | None], i: int) -> bool:
    """Block ``i`` (not the first or last) may stand where a □ heading stood."""
    b = blocks[i]
    return isinstance(b, Paragraph) and kinds[i] in (None, "part") and _title_like(b) and _sub_item(blocks[i + 1]) \
        and not (isinstance(blocks[i - 1], Table) and isinstance(blocks[i + 1], Table))


def lost_squares(blocks: list[Block], kinds: list[str | None]) -> set[int]:
    """Block indices of unmarked lines that stand where □ headings stood (``kinds``:
    each block's outline kind as read, None for body text and tables).  An unmarked
    part heading ("추진배경") there is a □ heading too: it ranks as one."""
    if "square" in kinds or not any(k in _NUMBERED for k in kinds):
        return set()
    # the evidence first: candidates right after a numbered heading (few), so that the
    # whole document is scanned only when it lost its □ glyphs
    evidence = sum(1 for i in range(1, len(blocks) - 1) if kinds[i - 1] in _NUMBERED and _candidate(blocks, kinds, i))
    if evidence < max(MIN_EVIDENCE, MIN_SHARE * sum(1 for k in kinds if k in _NUMBERED)):
        return set()
    cands = [i for i in range(1, len(blocks) - 1) if _candidate(blocks, kinds, i)]
    first = next(i for i, k in enumerate(kinds) if k in _NUMBERED)
    return {i for i in cands if i > first and (kinds[i] == "part" or kinds[i - 1] in _NUMBERED
                                               or _sub_item(blocks[i - 1]))}
