"""Staffing stated in a line, for a report that gives no staffing table.

Some 기본현황 pages give the office's staff only in prose: "ㅇ인력 ▸정원 1,138명
(공무원 850명, 공무직·청경 등 288명)", "인 력 : 정원 149명, 현원 149명".  The first
paragraph that *is* about 인력 — its text opens with the word 인력 (or 인원), then
a separator or nothing but the figures ("인력양성 …" is another word) — and that
states 정원 and/or 현원 in 명 gives ``staffing.total``; there are no rows, and
``table`` stays empty.  A total without the word 정원 or 현원 ("…, 137명") says
neither, and is left alone.
"""

from __future__ import annotations

import re

from ..blocks import Paragraph
from ..model import Count3, Staffing
from ..normalize.measures import stated_headcounts
from ..structure import Layout

_ABOUT_STAFF = re.compile(r"^(?:인\s*력|인\s*원)(?:\s*현\s*황)?\s*(?:[:：▸▹►▶·‧\-–]|\s|$)")


def stated_staffing(layout: Layout) -> Staffing | None:
    """The headcount of the first paragraph about 인력 that states 정원 or 현원, else None."""
    for b in layout.blocks:
        if not isinstance(b, Paragraph) or not _ABOUT_STAFF.match(b.text):
            continue
        said: dict[str, int] = {}
        for h in stated_headcounts(b.text):
            said.setdefault(h.side, h.count)
        if said:
            return Staffing(total=Count3(quota=said.get("정원"), current=said.get("현원")))
    return None
