"""The section tree of a report, from its markers.

Headings are paragraphs whose marker is a numbering (Ⅰ./I., 1., a bare "1", ①,
(1), 가.) or a square bullet (□), plus unmarked part headings (추진방향, 향후계획,
…), decimal numbers left in the text ("1-1 …", "2.1 …"), volumes, chapters, sections and
articles numbered in the text ("제1편", "제1장", "제2절", "제3조(목적)") and Markdown/HTML headings.  Levels follow the Korean government convention
(Ⅰ > 1. > 1 > □ > ① > (1) > 가.), with a format-stated level taking precedence.
Reports list their task titles twice — once as a summary and again as headings —
so a heading with no content of its own whose title recurs later is a summary
entry and is dropped (``drop_summary_entries``), as is a repeated heading that
restates an earlier one; so is an entry of a summary diagram with a line or two
of its own.  Also headings: ▣ titles, lines led by a frame's label ("현안 …"),
appendix lines (별첨, 부록, 붙임), group titles of divider pages (``dividers``) and
group headings whose boxed number was lost (``boxnumbers``).  The tree itself is
built in ``tree``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..blocks import Block, Paragraph
from ..normalize.markers import marker_kind, marker_number
from ..normalize.text import compact
from ._heading import ORDINAL_KINDS, RANK, Heading, split_decimal, split_ordinal
from ._heading import similar as _similar
from .boxnumbers import TOC_LEADER as _TOC_LINE
from .boxnumbers import contents_numbers, lost_box_numbers
from .dividers import divider_headings
from .lostbullets import lost_squares
from .tree import NUMBERED as _NUMBERED
from .tree import build_tree

PART_HEADING = re.compile(
    r"^(?:['’]?\d{2}년\s*|\d{4}년\s*)?(?:"
    r"추진\s*(?:방향|내용|실적|계획|경과|개요|일정|현황|배경|목표|체계|근거|전략|성과)"
    r"|향후\s*(?:계획|일정|추진\s*계획|추진\s*일정|추진\s*방향|과제)"
    r"|세부\s*추진\s*계획|주요\s*(?:내용|추진\s*실적|추진\s*계획|성과|실적)|사업\s*개요|운영\s*개요|제도\s*개요"
    r"|기대\s*효과|문제점|개선\s*방안|대응\s*방향|발생\s*현황|그간\s*추진\s*실적|현황|총\s*괄"
    r"|조치\s*(?:결과|내역|현황)|추진\s*상황|추진\s*(?:상황|경과|실적|사항)\s*및\s*(?:향후\s*)?(?:추진\s*)?(?:계획|일정)|참고\s+[^\s:：].{1,36})$"
)


_BULLET_KINDS = ("circle", "small_circle", "diamond", "tri", "small_square")
_TRAILING_PAREN = re.compile(r"\s*[(（【\[][^()（）]*[)）】\]]\s*$")
STRAY_TITLE_MAX = 4  # a numbered "heading" this short that opens its kind at 2 or more is a diagram box
_LABELLED = re.compile(r"\S\s*[:：]\s*\S")
_LEADING_NUMBER = re.compile(r"\d+")
_DECIMAL_HEAD = re.compile(r"\d+(?=[-.])")
_ORDINAL_NUMBER = re.compile(r"\d+")


def strip_trailing_paren(title: str) -> str:
    """A title without its trailing bracketed note: "추진실적 ('25. 2월 말 기준)" → "추진실적"."""
    return _TRAILING_PAREN.sub("", title).strip()


def decimal_heading(p: Paragraph) -> tuple[str, str] | None:
    """(marker, title) of an unmarked paragraph numbered "1-1" / "2.1" / "2.1.1"."""
    return None if p.marker else split_decimal(p.text)
_APPENDIX = re.compile(r"^[\[【(]?\s*(?:별첨|부록|붙임)\s*\d{0,2}\s*[\]】)]?\s*(?=\S)(?![\]】)])(?!.*[\s/·.…]\d{1,3}$)")


_CLOSERS = ")）】]"


def _part_heading(text: str) -> bool:
    """``text`` without a trailing bracketed note is a part heading (the note is only
    looked for when the text ends with a closing bracket)."""
    if text.rstrip()[-1:] in _CLOSERS:
        text = _TRAILING_PAREN.sub("", text)
    return PART_HEADING.match(text.strip()) is not None


def heading_kind(p: Paragraph) -> str | None:
    """The outline kind of a paragraph, or None when it is body text."""
    text, marker = p.text, p.marker
    if not text or (text[-1].isdigit() and _TOC_LINE.search(text)):
        return None  # empty, or a table-of-contents line with a dot leader and page number
    k = marker_kind(marker)
    size = len(text)
    if k in ("hangul", "paren_hangul", "paren_num") and size <= 40 and _part_heading(text):
        return "part"  # "가. 추진배경", "(1) 향후계획": a task's part under a numbered letter
    if k in RANK:
        if k == "bare_num" and size > 80:
            return None
        if k in ("num", "roman", "bare_num", "circled") and size > 100:
            return None
        if k == "roman" and not marker.endswith(".") and (_LABELLED.search(text) or text[0] in "-–~,;:·"):
            return None  # "Ⅱ 발전 전략체계 : 4대 추진전략, 12개 과업", "Ⅰ -3-5 …": a line, not a chapter
        return k
    if size <= 40 and (not marker or k in _BULLET_KINDS) and _part_heading(text):
        return "part"  # "추진방향", "○ 향후 계획", "○ 추진 실적 ('25. 2월 말 기준)"
    if marker:
        return None  # (the kinds below are all unmarked)
    if size <= 60 and _APPENDIX.match(text):
        return "appendix"  # "별첨 2023~2024 공모사업 추진상황", "[부록 1] …": a chapter of its own
    if p.heading and size <= 40 and text[0] not in "[【〈<《「(":
        return "mdhead"
    if text[0].isdigit() and decimal_heading(p):
        return "decimal"
    if text[0] == "제" and (got := split_ordinal(text)) is not None:
        return got[0]  # "제1장 일반현황", "제2절 추진 전략"
    return None


def _has_content(blocks: list[Block], start: int, end: int) -> bool:
    for b in blocks[start + 1:end]:
        if not isinstance(b, Paragraph):
            return True
        if b.text and not (b.text[-1].isdigit() and _TOC_LINE.search(b.text)):
            return True
    return False


_BOX_LABEL = re.compile(r"^(?:현안|신규|중점|역점)\s+[^\s\d(:：].{2,38}$")


def _labelled_boxes(blocks: list[Block], kinds: list[str | None]) -> list[int]:
    """Unmarked lines led by a frame's label word ("현안 재정 신속집행 추진") and
    followed by a lead (❖) or a □ section: the title of an item."""
    out = []
    for i, b in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if kinds[i] is None and isinstance(b, Paragraph) and not b.marker and _BOX_LABEL.match(b.text) \
                and isinstance(nxt, Paragraph) and nxt.marker[:1] in ("❖", "□", "◆"):
            out.append(i)
    return out


def collect_headings(blocks: list[Block]) -> list[Heading]:
    heads: list[Heading] = []
    seen_top = False
    open_kinds: set[str] = set()  # numbered kinds met in the current chapter
    group: tuple[str, float] | None = None  # number and rank of the latest "1." / "1" heading
    kinds = [heading_kind(b) if isinstance(b, Paragraph) else None for b in blocks]
    for i in lost_squares(blocks, kinds):
        kinds[i] = "square"  # a □ heading whose bullet the export lost
    for i in _labelled_boxes(blocks, kinds):
        kinds[i] = "box_title"  # "현안 | 재정 신속집행 추진": a title in a labelled frame
    boxed = contents_numbers(blocks, kinds)
    for i, number in boxed.items():
        kinds[i] = "bare_num" if number.isdigit() else "decimal"  # numbered by the contents
    for i, number in lost_box_numbers(blocks, kinds).items():
        kinds[i] = "bare_num"  # a group heading whose boxed number the text layer lost
        boxed[i] = number
    for i, b in enumerate(blocks):
        k = kinds[i]
        if k is None or not isinstance(b, Paragraph):
            continue
        if k in ("roman", "num", "volume", "chapter"):
            seen_top = True
        if k in ("mdhead", "appendix") and not seen_top:
            continue  # cover lines, the table of contents
        if k in ("roman", "appendix", "volume", "chapter"):
            open_kinds = set()
        marker, title = (boxed[i], b.text) if i in boxed else decimal_heading(b) if k == "decimal" \
            else split_ordinal(b.text)[1:] if k in ORDINAL_KINDS.values() else (b.marker, b.text)
        if k == "roman" and title.startswith(".") and not marker.endswith("."):
            marker, title = marker + ".", title[1:].strip()  # "Ⅰ" + ". 기본현황" as a PDF draws it
        under_group = k == "decimal" and group is not None and _DECIMAL_HEAD.match(marker).group() == group[0]
        if k in _NUMBERED and k not in ("roman", "appendix") and k not in open_kinds and not under_group \
                and (int(_LEADING_NUMBER.match(marker).group()) if k == "decimal" else marker_number(marker) or 1) > 1 \
                and len(title.replace(" ", "")) <= STRAY_TITLE_MAX:
            continue  # "2 전략", "4-1 돌봄": the boxes of a diagram, not a list that starts at 2
        open_kinds.add(k)
        rank = RANK[k]
        if b.level is not None and k not in ("part",):
            rank = min(rank, b.level + 1) if b.level >= 0 else rank
        if under_group:
            rank = max(rank, group[1] + 0.5)  # "1-1 …" under "1 핵심성과 과제": a part of its number
        if k in ("num", "bare_num"):
            group = (_LEADING_NUMBER.match(marker).group(), rank)
        elif k in ("chapter", "volume"):
            group = (_ORDINAL_NUMBER.search(marker).group(), rank)  # "2.1 …" under "제2장"
        elif k == "roman":
            group = None
        heads.append(Heading(index=i, rank=rank, marker=marker, title=title, line=b.line, kind=k))
    return heads


def drop_summary_entries(heads: list[Heading], blocks: list[Block]) -> list[Heading]:
    """Drop headings that only list a title repeated later as a real heading."""
    drop, _ = summary_entries(heads, blocks)
    return [h for h, d in zip(heads, drop, strict=True) if not d]


def summary_entries(heads: list[Heading], blocks: list[Block]) -> tuple[list[bool], Callable[[int], int | None]]:
    """Which headings are summary entries, and a function giving the index (in
    ``heads``) of the heading an entry's title comes back as, or None."""
    keys = [compact(h.title) for h in heads]
    n = len(heads)
    empty = [h.kind not in ("part", "square", "mdhead")
             and not _has_content(blocks, h.index, heads[i + 1].index if i + 1 < n else len(blocks))
             for i, h in enumerate(heads)]
    sets = [frozenset(k) for k in keys]
    # a summary entry comes back as a numbered heading, never as a part heading;
    # a recurring title keeps its first or its last two characters (_similar),
    # so candidates are looked up by those
    by_end: dict[str, list[int]] = {}
    for j, h in enumerate(heads):
        if h.kind not in ("part", "square", "mdhead") and keys[j]:
            by_end.setdefault("<" + keys[j][:2], []).append(j)
            by_end.setdefault(">" + keys[j][-2:], []).append(j)

    def recurrence(i: int) -> int | None:
        cands = sorted(set(by_end.get("<" + keys[i][:2], []) + by_end.get(">" + keys[i][-2:], [])))
        # an entry of a diagram may run into the label of the box beside it: the later
        # title is then the beginning of this one
        return next((j for j in cands if j > i and not _own_item(heads[i], heads[j])
                     and (_similar(keys[i], keys[j], sets[i], sets[j])
                          or len(keys[j]) >= PREFIX_MIN and keys[i].startswith(keys[j]))), None)

    def recurs_later(i: int) -> bool:
        return recurrence(i) is not None

    # an entry of a summary diagram ("① 과제" beside its group's label in a box) has a
    # line or two of its own; it is a summary entry too when its title recurs
    slight = [not empty[i] and h.kind in _SUMMARY_KINDS and _own_text(blocks, h.index,
              heads[i + 1].index if i + 1 < n else len(blocks)) <= SUMMARY_TEXT_MAX
              for i, h in enumerate(heads)]
    recurs = [(empty[i] or slight[i]) and bool(keys[i]) and recurs_later(i) for i in range(n)]
    drop = list(recurs)
    # a run of empty headings of one kind is a summary list when any of them recurs
    i = 0
    while i < n:
        j = i
        while j + 1 < n and empty[j + 1] and heads[j + 1].kind == heads[i].kind and empty[i] \
                and not _restarts(heads[j], heads[j + 1]) \
                and not any(_similar(keys[j + 1], keys[k], sets[j + 1], sets[k]) for k in range(i, j + 1)):
            j += 1  # a summary list ends where its numbering restarts or a title comes back
        if j > i and any(recurs[i:j + 1]):
            for k in range(i, j + 1):
                drop[k] = True
        i = j + 1
    return drop, recurrence


_SUMMARY_KINDS = ("circled", "bare_num", "num", "decimal")
SUMMARY_TEXT_MAX = 60  # characters of its own a summary-diagram entry may carry
PREFIX_MIN = 10  # characters of a later title that, begun by an entry, make it a summary entry


def _own_item(h: Heading, later: Heading) -> bool:
    """``later`` is numbered as an item of ``h`` ("4. 문화시설 확충" / "4-1. 문화시설 확충"):
    a title repeated by its own first item does not make ``h`` a summary entry."""
    n = marker_number(h.marker)
    return n is not None and later.kind == "decimal" and re.match(rf"{n}[-.]\d", later.marker) is not None


def _own_text(blocks: list[Block], start: int, end: int) -> int:
    """Characters of paragraph text between a heading and the next on its page (the
    boxes of a diagram read as small tables; they hold its other entries, not text
    of its own; the diagram ends with its page)."""
    page = getattr(blocks[start], "page", None)
    return sum(len(b.text) for b in blocks[start + 1:end]
               if isinstance(b, Paragraph) and (page is None or b.page == page))


def _restarts(a: Heading, b: Heading) -> bool:
    na, nb = marker_number(a.marker), marker_number(b.marker)
    return na is not None and nb is not None and nb <= na


def squares_over_numbers(heads: list[Heading]) -> bool:
    """Whether this document ranks its □ headings above its "1." lists, against the
    Korean convention (1. > □): a □ comes before any "1.", the list after each □
    starts again at 1 (at least twice) and never goes on from the list before it,
    and no chapter (Ⅰ, 제1장) stands above them.  The order in which the document
    uses its markers then decides their levels."""
    seen_square = after_square = False
    last: int | None = None
    restarts = 0
    for h in heads:
        if h.kind in ("roman", "chapter", "volume", "appendix"):
            return False
        if h.kind == "square":
            seen_square = after_square = True
            continue
        if h.kind != "num":
            continue
        n = marker_number(h.marker) or 0
        if not seen_square:
            return False
        if after_square:
            if n == 1:
                restarts += 1
            elif last is not None and n == last + 1:
                return False  # the list goes on across the □: the □ is inside it
        after_square = False
        last = n
    return restarts >= 2


def outline(blocks: list[Block]) -> list[Heading]:
    heads = collect_headings(blocks)
    if squares_over_numbers(heads):
        for h in heads:
            if h.kind == "square":
                h.rank = RANK["num"] - 0.5
    drop, recurrence = summary_entries(heads, blocks)
    kept = [h for h, d in zip(heads, drop, strict=True) if not d]
    groups = [Heading(index=k, rank=rank, marker=marker, title=title, line=line, kind="divider")
              for k, rank, marker, title, line in divider_headings(heads, drop, recurrence, blocks, RANK["divider"])]
    if groups:
        kept = sorted(kept + groups, key=lambda h: h.index)
    return build_tree(kept)


def walk(nodes: list[Heading]):
    for h in nodes:
        yield h
        yield from walk(h.children)


def section_ends(heads: list[Heading], n_blocks: int) -> None:
    """Set each heading's ``end``: the block index of the next heading of the
    same or a higher level (headings in document order)."""
    open_: list[Heading] = []  # ranks strictly increase from bottom to top
    for h in heads:
        while open_ and open_[-1].rank >= h.rank:
            open_.pop().end = h.index
        open_.append(h)
    for o in open_:
        o.end = n_blocks
