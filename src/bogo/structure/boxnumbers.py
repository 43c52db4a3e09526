"""Group headings whose number was drawn in a box glyph the text layer does not hold.

Hancom fonts draw a group heading's number in a box ("[1] 스마트 그린 모빌리티")
with a private-use glyph that stands for every number alike; readers map it to a
bullet, so the group reads as "• 스마트 그린 모빌리티" and its tasks (❶, ❷ …) fall
into the previous group.  A short line bulleted with a private-use glyph directly
followed by a circled item numbered 1 is such a group heading: it is numbered by
its place among them in its chapter (a Ⅰ/Ⅱ heading starts the count again).

A heading boxed so may be numbered in more than one part ("1-1 국민의 국어능력 …"),
which no place count can give; when the report's table of contents lists it
("1-1. 국민의 국어능력 … ······ 17"), the contents give its number
(``contents_numbers``).

A numbered heading whose title wraps inside its frame may come apart as lines
around its number; ``join_split_headings`` puts it together again.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph
from ..normalize.markers import LOST_GLYPHS, marker_kind, marker_number
from ..normalize.text import compact
from ._heading import split_decimal

#: a group heading is a title, not a sentence
MAX_TITLE = 40


def _private_use(raw: str) -> bool:
    """Whether a line opens with a private-use glyph, or with what an export wrote for
    one it could not encode ("? 국민의 …")."""
    head = raw.lstrip()[:2]
    c = head[:1]
    return bool(c) and ("\ue000" <= c <= "\uf8ff" or c in LOST_GLYPHS and head[1:] == " ")


#: the end of a table-of-contents line: a dot leader and the page number
TOC_LEADER = re.compile(r"(?:[·.…‥ㆍ・]\s*){2,}\s*\d{1,4}\s*$")


#: where an entry of a table of contents written on one line starts: its number
_RUN_ENTRY = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2}(?:-\d{1,2})?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\.\s")
_RUN_PAGE = re.compile(r"\s(\d{1,3})(?=\s|$)")
#: entries with page numbers a one-line table of contents lists at least
RUN_MIN_ENTRIES = 3


def contents_run(text: str) -> list[tuple[str, str]]:
    """(number, title) of each numbered entry of a table of contents written on one line,
    its entries run together ("1. 언어자원, 키우기 6 2. 언어능력, 높히기 9 3. …"): each
    entry's title ends at its page number, the first number standing alone after it.
    At least :data:`RUN_MIN_ENTRIES` entries with pages, the pages in order; else []."""
    starts = list(_RUN_ENTRY.finditer(text))
    if len(starts) < RUN_MIN_ENTRIES:
        return []
    out: list[tuple[str, str]] = []
    pages: list[int] = []
    for m, nxt in zip(starts, [*starts[1:], None], strict=True):
        segment = text[m.end():nxt.start() if nxt else len(text)]
        page = _RUN_PAGE.search(segment)
        if page is None:
            continue                        # a part listed without its page ("Ⅳ. 역점추진 과제")
        pages.append(int(page.group(1)))
        title = segment[:page.start()].strip()
        if title and m["n"][0].isdigit():
            out.append((m["n"], title))
    if len(pages) < RUN_MIN_ENTRIES or pages != sorted(pages):
        return []
    return out


def _contents_entries(blocks: list[Block]) -> dict[str, str]:
    """Compact title → number of each numbered entry of the table of contents (one
    entry per line, or all on one line).  A title listed twice with different
    numbers is no evidence, and is left out."""
    found: dict[str, set[str]] = {}
    for b in blocks:
        if not isinstance(b, Paragraph) or not b.text or not b.text[-1].isdigit():
            continue
        m = TOC_LEADER.search(b.text)
        entry = b.text[:m.start()].strip() if m else ""
        if not entry:
            for number, title in contents_run(" ".join((b.marker, b.text)).strip()):
                found.setdefault(compact(title), set()).add(number)
            continue
        if b.marker[:1].isdigit():          # "1." / "1": split off as the marker
            number = b.marker.rstrip(".")
        else:                               # "1-1." / "2.3": left in the text
            numbered = split_decimal(entry)
            if numbered is None:
                continue
            number, entry = numbered
        if number.replace("-", "").replace(".", "").isdigit():
            found.setdefault(compact(entry), set()).add(number)
    return {title: next(iter(ns)) for title, ns in found.items() if len(ns) == 1 and len(title) >= 4}


def contents_numbers(blocks: list[Block], kinds: list[str | None]) -> dict[int, str]:
    """Block index → the number the table of contents gives a heading whose boxed
    number was lost: a short line bulleted with a private-use glyph whose title is a
    numbered entry of the contents, word for word."""
    entries = _contents_entries(blocks)
    if not entries:
        return {}
    out: dict[int, str] = {}
    for i, b in enumerate(blocks):
        if not isinstance(b, Paragraph) or kinds[i] is not None or not b.text or len(b.text) > MAX_TITLE:
            continue
        if not _private_use(b.raw):
            continue
        number = entries.get(compact(b.text))
        if number is not None:
            out[i] = number
    return out


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


#: how far back (in blocks) the previous number of a list is looked for
LIST_REACH = 80
_NUMBER_ONLY = re.compile(r"^(\d{1,2})$")
_NUMBER_AT_END = re.compile(r"^(?P<t>.{4,60}?)\s+(?P<n>\d{1,2})$")


def _title_piece(b: Block) -> bool:
    return isinstance(b, Paragraph) and not b.marker and 2 <= len(b.text) <= 60 and not b.text.endswith(".")


def _bare_number(b: Block) -> int | None:
    """The number of a bare-numbered paragraph ("3 …"), else None."""
    if isinstance(b, Paragraph) and b.marker.isascii() and b.marker.isdigit():
        return int(b.marker)
    return None


class _Numbered:
    """The output blocks and the last bare-numbered one among them, found by
    scanning each block once, when a number is asked for (never back)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.append = self.blocks.append
        self._scanned = 0
        self._last: tuple[int, int] | None = None  # (index, number)

    def previous_number(self) -> int | None:
        """The number of the nearest bare-numbered paragraph among the last
        :data:`LIST_REACH` blocks."""
        blocks = self.blocks
        for k in range(max(self._scanned, len(blocks) - LIST_REACH), len(blocks)):
            n = _bare_number(blocks[k])
            if n is not None:
                self._last = (k, n)
        self._scanned = len(blocks)
        if self._last is None or self._last[0] < len(blocks) - LIST_REACH:
            return None
        return self._last[1]


def join_split_headings(blocks: list[Block]) -> list[Block]:
    """A numbered heading whose title takes two lines in its frame, read as three
    lines ("액티브시니어와 함께하는 …" / "6" / "공동협력 업무협약") or as two with
    the number at the end of the first ("… 캠페인」 8" / "공동협력 업무협약"), is
    one heading again — when its number goes on the bare-numbered list before it."""
    out = _Numbered()
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < n else None
        if isinstance(b, Paragraph) and not b.marker and isinstance(nxt, Paragraph) and not nxt.marker \
                and nxt.page == b.page:
            mid = _NUMBER_ONLY.match(nxt.text)
            if _title_piece(b) and mid and i + 2 < n and _title_piece(blocks[i + 2]) \
                    and out.previous_number() == int(mid.group(1)) - 1:
                last = blocks[i + 2]
                out.append(_joined(b, mid.group(1), f"{b.text} {last.text}"))
                i += 3
                continue
            end = _NUMBER_AT_END.match(b.text)
            if end and _title_piece(nxt) and not mid and out.previous_number() == int(end["n"]) - 1:
                out.append(_joined(b, end["n"], f"{end['t']} {nxt.text}"))
                i += 2
                continue
        out.append(b)
        i += 1
    return out.blocks


def _joined(first: Paragraph, number: str, title: str) -> Paragraph:
    return Paragraph(text=title, raw=f"{number} {title}", line=first.line, marker=number, page=first.page,
                     emphasis=True)
