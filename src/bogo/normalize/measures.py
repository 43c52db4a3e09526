"""Measures: what a unit text (단위) means — its name, scale and kind.

``measure_of("백만원")`` → ``Measure("백만원", 1_000_000, "money")``.  Every place
that needs to know what a unit is — the caption reader, the table view, budget
extraction, the cross-reference checks — asks here, so there is one list of
unit words.  Kinds: money, people, count, percent, area, weight, length, time,
households, and "other" for a unit bogo does not interpret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: money units and their value in won
MONEY_SCALE = {"원": 1, "천원": 1_000, "만원": 10_000, "백만원": 1_000_000, "천만원": 10_000_000,
               "억원": 100_000_000, "십억원": 1_000_000_000, "조원": 1_000_000_000_000}
#: money units written coarse enough that their figures are rounded from finer data
COARSE_MONEY = ("억원", "조원")

_KINDS: dict[str, str] = {
    "명": "people", "인": "people",
    "건": "count", "개": "count", "개소": "count", "개국": "count", "회": "count", "곳": "count", "대": "count",
    "배": "count", "강": "count", "면": "count",
    "%": "percent", "％": "percent",
    "㎡": "area", "m²": "area", "㎢": "area", "ha": "area", "평": "area",
    "톤": "weight", "kg": "weight", "t": "weight",
    "km": "length", "m": "length",
    "일": "time", "시간": "time", "개월": "time",
    "가구": "households", "세대": "households",
}
_KINDS.update({u: "money" for u in MONEY_SCALE})

#: every unit word, longest first (so that "백만원" is found before "원")
UNIT_WORDS: tuple[str, ...] = tuple(sorted(_KINDS, key=len, reverse=True))
_ALT = "|".join(re.escape(u) for u in UNIT_WORDS)
#: a number followed by its unit: "60건", "3,000명", "1,230억원"
NUMBER_WITH_UNIT = re.compile(r"^(?P<n>[△▲+\-]?\s?\d[\d,]*(?:\.\d+)?)\s?(?P<u>" + _ALT + r")$")
#: a money unit named in text: "(단위: 백만원)", "(건/억원)"
MONEY_IN_TEXT = re.compile(r"(조원|십억원|억원|천만원|백만원|만원|천원|원)\s*[)\]]")


@dataclass(frozen=True, slots=True)
class Measure:
    """A unit as bogo understands it: ``scale`` converts to the base unit (won for money)."""

    name: str
    scale: float = 1
    kind: str = "other"

    @property
    def money(self) -> bool:
        return self.kind == "money"

    @property
    def coarse(self) -> bool:
        """Money in 억원/조원: figures rounded from won or 천원."""
        return self.name in COARSE_MONEY


_UNIT_SEP = re.compile(r"[,/·\s]+")
_MONEY_SEP = re.compile(r"[,/·\s()]+")


def measure_of(unit: str | None) -> Measure | None:
    """The measure of a unit text ("백만원", "명", "건, 백만원" → the first known unit)."""
    if not unit:
        return None
    for piece in _UNIT_SEP.split(unit.strip()):
        if piece in _KINDS:
            return Measure(piece, MONEY_SCALE.get(piece, 1), _KINDS[piece])
    for w in UNIT_WORDS:  # "천원)" or "명(%)": a known unit at the start
        if unit.strip().startswith(w):
            return Measure(w, MONEY_SCALE.get(w, 1), _KINDS[w])
    return None


def money_unit(unit: str | None) -> str | None:
    """The money unit named in ``unit`` ("건, 백만원" → "백만원"), else None."""
    for piece in _MONEY_SEP.split((unit or "").strip()):
        if piece in MONEY_SCALE:
            return piece
    return None


def is_unit_word(text: str) -> bool:
    return text in _KINDS


def starts_with_unit(text: str) -> bool:
    return any(text.startswith(w) for w in UNIT_WORDS)


def coarse_money_in(text: str | None) -> bool:
    """Does ``text`` (a unit or caption) speak of 억원/조원?"""
    return any(u in (text or "") for u in COARSE_MONEY)


#: a headcount as prose states it: "정원 1,138명", "현 원 : 90명"
_HEADCOUNT = re.compile(r"(정\s*원|현\s*원)\s*[:：]?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*명")


@dataclass(frozen=True)
class StatedHeadcount:
    """A 정원 or 현원 written in prose: which (``side``), how many, and the text as written."""

    side: str
    count: int
    raw: str


def stated_headcounts(text: str) -> list[StatedHeadcount]:
    """Every 정원/현원 N명 of ``text``, in order."""
    return [StatedHeadcount(m.group(1).replace(" ", ""), int(m.group(2).replace(",", "")), m.group(0))
            for m in _HEADCOUNT.finditer(text)]

