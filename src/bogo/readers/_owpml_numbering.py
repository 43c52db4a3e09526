"""Hancom paragraph numbering and bullets from an OWPML ``header.xml``.

A paragraph shape (``hh:paraPr``) may carry a heading (``hh:heading``) of type
OUTLINE (개요 번호, using the section's outline numbering), NUMBER (문단 번호)
or BULLET (글머리표), with a 0-based level.  The number or bullet is then drawn
by Hancom, not typed into the text.  :class:`Numberer` resolves the heading of a
paragraph, keeps the running counters, and renders the marker the way Hancom
draws it ("1.", "가.", "①", "(1)", "ⅰ)"…), so the outline builder sees the same
marker whether it was typed or generated.

Levels are reported 1-based (Hancom's "수준 1" = level 1), like Markdown ``#`` and DOCX
headings; a bullet states no level (Hancom bullets have only one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..normalize.text import fold

HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
MAX_LEVELS = 10

_HANGUL = "가나다라마바사아자차카타파하"
_JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_HANGUL = "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻"
_CIRCLED_JAMO = "㉠㉡㉢㉣㉤㉥㉦㉧㉨㉩㉪㉫㉬㉭"
_IDEOGRAPH = "一二三四五六七八九十"
_HANGUL_PHONETIC = "일이삼사오육칠팔구십"
_PLACEHOLDER = re.compile(r"\^(\d{1,2})")


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _cycle(seq: str, n: int) -> str:
    return seq[(n - 1) % len(seq)] if n > 0 else str(n)


def _latin(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) if n > 0 else str(n)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in an OWPML ``numFormat``."""
    if fmt == "CIRCLED_DIGIT":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "ROMAN_CAPITAL":
        return _roman(n) if n > 0 else str(n)
    if fmt == "ROMAN_SMALL":
        return _roman(n).lower() if n > 0 else str(n)
    if fmt in ("LATIN_CAPITAL", "CIRCLED_LATIN_CAPITAL"):
        return _latin(n)
    if fmt in ("LATIN_SMALL", "CIRCLED_LATIN_SMALL"):
        return _latin(n).lower()
    if fmt == "HANGUL_SYLLABLE":
        return _cycle(_HANGUL, n)
    if fmt == "CIRCLED_HANGUL_SYLLABLE":
        return _cycle(_CIRCLED_HANGUL, n)
    if fmt == "HANGUL_JAMO":
        return _cycle(_JAMO, n)
    if fmt == "CIRCLED_HANGUL_JAMO":
        return _cycle(_CIRCLED_JAMO, n)
    if fmt == "HANGUL_PHONETIC":
        return _HANGUL_PHONETIC[n - 1] if 0 < n <= 10 else str(n)
    if fmt in ("IDEOGRAPH", "CIRCLED_IDEOGRAPH"):
        return _IDEOGRAPH[n - 1] if 0 < n <= 10 else str(n)
    return str(n)


@dataclass(slots=True)
class _Level:
    template: str
    fmt: str
    start: int


@dataclass(slots=True)
class Heading:
    kind: str  # OUTLINE | NUMBER | BULLET
    ref: int
    level: int  # 0-based as in OWPML


@dataclass
class Numberer:
    """Header numbering tables plus the running counters of one document."""

    headings: dict[str, Heading] = field(default_factory=dict)
    numberings: dict[int, dict[int, _Level]] = field(default_factory=dict)
    bullets: dict[int, str] = field(default_factory=dict)
    outline_ref: int = 1
    _counters: dict[int, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_header(cls, header: etree._Element | None) -> Numberer:
        num = cls()
        if header is None:
            return num
        for pp in header.iter(f"{HH}paraPr"):
            hd = pp.find(f"{HH}heading")
            if hd is not None and hd.get("type") in ("OUTLINE", "NUMBER", "BULLET"):
                num.headings[pp.get("id", "")] = Heading(
                    hd.get("type", ""), _int(hd.get("idRef")), _int(hd.get("level")))
        for nb in header.iter(f"{HH}numbering"):
            levels = {}
            for ph in nb.iterfind(f"{HH}paraHead"):
                lv = _int(ph.get("level"))
                levels[lv] = _Level(ph.text or "", ph.get("numFormat", "DIGIT"), _int(ph.get("start"), 1))
            num.numberings[_int(nb.get("id"))] = levels
        for bl in header.iter(f"{HH}bullet"):
            num.bullets[_int(bl.get("id"))] = bl.get("char") or ""
        return num

    def set_outline(self, ref: str | None) -> None:
        """A section's ``secPr/@outlineShapeIDRef`` names its outline numbering."""
        if ref and ref.isdigit() and int(ref) in self.numberings:
            self.outline_ref = int(ref)

    def heading(self, para_pr: str | None) -> Heading | None:
        return self.headings.get(para_pr or "")

    def marker(self, hd: Heading) -> str:
        """Advance the counters for ``hd`` and return its rendered marker."""
        if hd.kind == "BULLET":
            ch = fold(self.bullets.get(hd.ref, "")).strip()
            return ch or "•"
        ref = self.outline_ref if hd.kind == "OUTLINE" and hd.ref == 0 else hd.ref
        levels = self.numberings.get(ref)
        if not levels:
            return ""
        counters = self._counters.setdefault(ref, [None] * MAX_LEVELS)
        lv = min(max(hd.level, 0), MAX_LEVELS - 1)
        cur = counters[lv]
        counters[lv] = (levels[lv + 1].start if lv + 1 in levels else 1) if cur is None else cur + 1
        for deeper in range(lv + 1, MAX_LEVELS):
            counters[deeper] = None
        spec = levels.get(lv + 1)
        if spec is None:
            return ""

        def _render(m: re.Match[str]) -> str:
            k = int(m.group(1))
            value = counters[k - 1] if 0 < k <= MAX_LEVELS else None
            if value is None:
                value = levels[k].start if k in levels else 1
            return format_number(value, levels[k].fmt if k in levels else "DIGIT")

        return fold(_PLACEHOLDER.sub(_render, spec.template)).strip()


def _int(v: str | None, default: int = 0) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default
