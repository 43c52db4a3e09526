"""Numbers and composite cells as Korean reports print them.

``parse_number("△1,042,874")`` → ``-1042874``; ``parse_composite("306 / 274 (139)")``
→ quota 306, current 274, paren 139.  One shared function parses every composite
cell form of spec §2 — "a / b (c)", "n (m)", "n (p%)", "1 /", "/ 1", "-" — so
extraction and checks agree on what a cell holds.  Korean amounts in prose
("1조 3,960억원") are handled by :func:`parse_korean_amount`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .measures import MONEY_SCALE

_NUM = r"[△▲▽▼+\-]?\s?\d[\d,]*(?:\.\d+)?"
_NUMBER = re.compile(r"^\s*(?P<sign>[△▲▽▼+\-]?)\s?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<pct>%)?\s*(?P<star>\*+)?\s*$")
_NONE = {"", "-", "–", "—", "－", "ー", "‐", "0-", "해당없음", "없음", "N/A", "n/a", "."}
_PAREN = re.compile(r"^(?P<main>.*?)\s*\(\s*(?P<inner>[^()]*)\s*\)\s*(?P<star>\*+)?\s*$")
_PAIR = re.compile(r"^(?P<a>[^/]*)/(?P<b>[^/]*)$")
_DECIMALS = re.compile(r"\.(\d+)")


def parse_number(text: str | None) -> int | float | None:
    """A single printed number, or None for blank/"-" cells and non-numbers.

    △ and ▲ (both mark a decrease in Korean budget tables), ▽/▼ and a leading
    minus give negatives.
    Percent signs and trailing footnote stars are dropped; use :func:`is_percent`.
    """
    if text is None:
        return None
    t = text.strip()
    if t in _NONE:
        return None
    m = _NUMBER.match(t)
    if not m:
        return None
    digits = m.group("digits").replace(",", "")
    frac = m.group("frac")
    val: int | float = float(digits + frac) if frac else int(digits)
    if m.group("sign") in ("△", "▲", "▽", "▼", "-"):
        val = -val
    return val


def is_percent(text: str) -> bool:
    return text.strip().rstrip("*").strip().endswith("%")


def decimals(text: str) -> int:
    """How many decimals a printed number shows ("15.9%" → 1)."""
    if "." not in text:
        return 0
    m = _DECIMALS.search(text)
    return len(m.group(1)) if m else 0


@dataclass(frozen=True, slots=True)
class Composite:
    """The parts of a table cell. ``value`` is the main number (the quota of a
    pair); ``paren`` the parenthesised number; ``quota``/``current`` the two sides
    of an "a / b" pair (a blank side is 0 when the other side is printed)."""

    text: str
    value: int | float | None = None
    quota: int | None = None
    current: int | None = None
    paren: int | float | None = None
    paren_pct: bool = False
    is_pair: bool = False
    empty: bool = True
    numeric: bool = False
    pct: bool = False


@lru_cache(maxsize=8192)
def parse_composite(text: str | None) -> Composite:
    """Parse a cell: "306 / 274 (139)", "2,438,845 (78)", "56,732 (15.9%)",
    "1 /", "/ 1", "26,920 (-)", "-645,131*", "15.9%", "-" or text.  The result
    is immutable and cached: the same cell text is read by several stages."""
    t = (text or "").strip()
    if t in _NONE:
        return Composite(text=t)
    paren = None
    paren_pct = False
    main = t
    # (the pattern needs a parenthesis, closed at the end of the stripped text but for stars)
    m = _PAREN.match(t) if "(" in t and t[-1] in ")*" else None
    if m:
        inner = m.group("inner").strip()
        pv = parse_number(inner)
        if pv is not None or inner in _NONE:
            main = m.group("main").strip()
            paren = pv
            paren_pct = inner.endswith("%")
    v = parse_number(main)
    if v is not None:
        return Composite(text=t, value=v, paren=paren, paren_pct=paren_pct, empty=False,
                         numeric=True, pct=is_percent(main))
    pm = _PAIR.match(main) if "/" in main else None
    if pm:
        a_txt, b_txt = pm.group("a").strip(), pm.group("b").strip()
        a, b = parse_number(a_txt), parse_number(b_txt)
        if (a is not None or a_txt == "") and (b is not None or b_txt == ""):
            if a is None and b is None:
                return Composite(text=t, quota=0, current=0, paren=paren, is_pair=True,
                                 empty=False, numeric=True, value=0)
            qa = int(a) if a is not None else 0
            qb = int(b) if b is not None else 0
            return Composite(text=t, value=qa, quota=qa, current=qb, paren=paren, paren_pct=paren_pct,
                             is_pair=True, empty=False, numeric=True)
    if main in _NONE and paren is not None:
        return Composite(text=t, paren=paren, paren_pct=paren_pct, empty=False, numeric=True)
    return Composite(text=t, empty=False)


_KR_AMOUNT = re.compile(
    r"(?:(?P<jo>\d[\d,]*(?:\.\d+)?)\s*조\s*)?(?:(?P<eok>\d[\d,]*(?:\.\d+)?)\s*억\s*)?"
    r"(?:(?P<man>\d[\d,]*(?:\.\d+)?)\s*만\s*)?(?:(?P<won>\d[\d,]*)\s*)?(?P<unit>천원|백만원|억원|조원|만원|원)"
)

UNIT_IN_WON = MONEY_SCALE


@dataclass(frozen=True, slots=True)
class Amount:
    raw: str
    won: float
    pos: int
    precision_won: float


def parse_korean_amount(text: str) -> list[Amount]:
    """Money amounts in prose: "1조 3,960억원" → 1.396e12 won; "5,556억원"; "706백만원";
    "111,500천원".  ``precision_won`` is the value of one unit of the last printed
    digit, so a check can allow for rounding."""
    out = []
    for m in _KR_AMOUNT.finditer(text):
        if not any(m.group(g) for g in ("jo", "eok", "man", "won")):
            continue
        unit = m.group("unit")
        total = 0.0
        precision = UNIT_IN_WON[unit]
        if unit == "원":
            parts = (("jo", 1e12), ("eok", 1e8), ("man", 1e4), ("won", 1))
            for g, mult in parts:
                if m.group(g):
                    total += float(m.group(g).replace(",", "")) * mult
                    precision = mult
        else:
            # "3,960억원" or "1조 3,960억원": the last group multiplies by the unit
            if m.group("jo") and unit == "억원":
                total += float(m.group("jo").replace(",", "")) * 1e12
            num = m.group("won") or m.group("eok") or m.group("man")
            if num is None:
                if m.group("jo") and unit == "조원":
                    num = m.group("jo")
                else:
                    continue
            total += float(num.replace(",", "")) * UNIT_IN_WON[unit]
            if "." in num:
                precision = UNIT_IN_WON[unit] * 10 ** -len(num.split(".")[1])
        out.append(Amount(raw=m.group(0), won=total, pos=m.start(), precision_won=precision))
    return out


#: a number annotated in parentheses with words: "512 (1,200강)", "9,800 (시비 6,500, 국비 3,300)"
ANNOTATED_NUMBER = re.compile(
    r"^(?P<main>[△▲▽▼+\-]?\s?\d[\d,]*(?:\.\d+)?%?)\s*\((?P<inner>[^()]*[가-힣A-Za-z][^()]*)\)\s*\**$")

_JO_AMOUNT = re.compile(r"^(?P<sign>[△▲▽▼\-]?)\s*(?P<jo>\d[\d,]*)\s*조\s*(?P<rest>[\d,]*)\s*억?\s*(?P<tail>\(.*\))?$")


def parse_jo_amount(text: str, unit: str | None) -> tuple[int, str] | None:
    """An amount written with 조 in a table counted in a smaller money unit:
    "15조 6,397" in a 억원 table → (156397, ""); the parenthesised tail is returned
    for the caller ("(61)").  None when the text is no such amount or the unit is
    not money finer than 조원."""
    m = _JO_AMOUNT.match((text or "").strip())
    scale = UNIT_IN_WON.get((unit or "").replace(" ", ""))
    if not m or not scale or scale >= UNIT_IN_WON["조원"]:
        return None
    per_jo = UNIT_IN_WON["조원"] // scale
    val = int(m.group("jo").replace(",", "")) * per_jo + int((m.group("rest") or "0").replace(",", "") or 0)
    if m.group("sign"):
        val = -val
    return val, m.group("tail") or ""
