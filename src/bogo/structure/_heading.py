"""The outline heading, the ranks of its kinds and the decimal numbers a line keeps
in its text ("1-1 …"), shared by the outline builder (``outline``), the tree it
builds (``tree``) and the contents numbers (``boxnumbers``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..normalize.markers import ORDINAL_HEAD

#: Ⅰ > 1. > 1 > □ > ① > (1) > 가., with an appendix at the chapter's rank, a divider-page group
#: between "1." and "1", and a ▣ title between "1" and □
RANK = {"appendix": 1, "roman": 1, "divider": 2.5, "box_title": 3.5, "num": 2, "decimal": 3, "bare_num": 3,
        "square": 4, "part": 4, "mdhead": 4, "circled": 5, "paren_num": 6, "hangul": 7, "paren_hangul": 8,
        # "제1편 > 제1장 > 제1절 > 제1조", written in the text: the chapter at the rank of Ⅰ
        "volume": 0.5, "chapter": 1, "section_no": 1.5, "article": 1.8}


@dataclass(slots=True)
class Heading:
    index: int          # block index
    rank: float
    marker: str
    title: str
    line: int
    kind: str
    children: list[Heading] = field(default_factory=list)
    id: str = ""
    level: int = 0
    parent: Heading | None = None
    end: int = 0        # block index where the section ends (set by ``section_ends``)


def similar(a: str, b: str, sa: frozenset | None = None, sb: frozenset | None = None) -> bool:
    """Two compact titles that are one title written twice (a summary entry and its
    heading, a heading restated after a page break)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > max(3, len(a) // 5) or not a or not b:
        return False
    if a[:2] != b[:2] and a[-2:] != b[-2:]:
        return False  # a recurring title keeps its beginning or its end
    sa, sb = sa or frozenset(a), sb or frozenset(b)
    if len(sa & sb) < 0.6 * len(sa | sb):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


# "1-1 글로벌 해양경제 선도", "2.1 추진 전략", "2.1.1 세부 과제", "4-1. 2025 세계 총회",
# "1-1.「보는 재미」…": decimal numbering the marker splitter leaves in the text
_DECIMAL = re.compile(r"^(?P<m>\d{1,2}(?:[-.]\d{1,2}){1,2})\.?(?:\s+(?P<t>(?:[^\d\s]|(?:19|20)\d{2}(?:\s|년)).*)"
                      r"|(?P<q>[「『\"“'‘].*))$")
DECIMAL_MAX = 80  # a longer line is a sentence that starts with a figure


def split_decimal(text: str) -> tuple[str, str] | None:
    """(number, title) of a line numbered "1-1" / "2.1" / "2.1.1" in its text, else None."""
    if len(text) > DECIMAL_MAX:
        return None
    m = _DECIMAL.match(text)
    return (m.group("m"), (m.group("t") or m.group("q")).strip()) if m else None


# "제1장 일반현황", "제 2 절 추진 전략", "제3조(목적)": a numbered volume, chapter, section or
# article, its number left in the text
_ORDINAL = re.compile(r"^(?P<m>" + ORDINAL_HEAD + r")(?:\s+(?P<t>\S.*)|(?P<p>\(.*))$")
ORDINAL_KINDS = {"편": "volume", "장": "chapter", "절": "section_no", "조": "article"}
ORDINAL_MAX = 40  # a longer line is the article's text, not its heading


def split_ordinal(text: str) -> tuple[str, str, str] | None:
    """(kind, number, title) of a line numbered "제1장" / "제2절" / "제3조(목적)", else None."""
    if len(text) > ORDINAL_MAX or not text.startswith("제"):
        return None
    m = _ORDINAL.match(text)
    if m is None or m.group("k") not in ORDINAL_KINDS:
        return None
    title = (m.group("t") or m.group("p")).strip()
    return ORDINAL_KINDS[m.group("k")], m.group("m").replace(" ", ""), title
