"""Group headings whose number was drawn in a box glyph the text layer does not hold.

Hancom fonts draw a group heading's number in a box ("[1] 스마트 그린 모빌리티")
with a private-use glyph that stands for every number alike; readers map it to a
bullet, so the group reads as "• 스마트 그린 모빌리티" and its tasks (❶, ❷ …) fall
into the previous group.  A short line bulleted with a private-use glyph directly
followed by a circled item numbered 1 is such a group heading: it is numbered by
its place among them in its chapter (a Ⅰ/Ⅱ heading starts the count again).
"""

from __future__ import annotations

from ..blocks import Block, Paragraph
from ..normalize.markers import marker_kind, marker_number

#: a group heading is a title, not a sentence
MAX_TITLE = 40


def _private_use(raw: str) -> bool:
    c = raw.lstrip()[:1]
    return bool(c) and "\ue000" <= c <= "\uf8ff"


def lost_box_numbers(blocks: list[Block], kinds: list[str | None]) -> dict[int, str]:
    """Block index → the bare number ("1", "2" …) of each group heading whose boxed
    number was lost (``kinds``: each block's outline kind as read)."""
    out: dict[int, str] = {}
    count = 0
    for i, b in enumerate(blocks):
        if kinds[i] == "roman":
            count = 0
            continue
        if not isinstance(b, Paragraph) or kinds[i] is not None or not b.text or len(b.text) > MAX_TITLE:
            continue
        if marker_kind(b.marker) not in ("dot", "small_square", "square") or not _private_use(b.raw):
            continue
        nxt = next((j for j in range(i + 1, min(i + 3, len(blocks)))
                    if not (isinstance(blocks[j], Paragraph) and not blocks[j].text)), None)
        if nxt is None or kinds[nxt] != "circled" or marker_number(blocks[nxt].marker) != 1:
            continue
        count += 1
        out[i] = str(count)
    return out
