"""Unit (department) names: one normaliser for every place a unit name is produced.

``normalize_unit("기 획 담 당 관")`` → ``"기획담당관"``.  Spec §3 compares unit names
without internal spaces, so the normalised form has none.  Middle dots of every
kind become "·", surrounding brackets and trailing punctuation go, and a trailing
"등" ("총무과 등") is dropped.  The 市 prefix is kept as written: it is part of
names such as "市 산하기관" and is not a spelling variant of a unit.

``split_departments`` reads the departments an audit request names in a trailing
parenthesis: "… 마련하기 바람 (도시농업과, 농수산물공사)" → ["도시농업과", "농수산물공사"].
"""

from __future__ import annotations

import re

from .text import fold

_DOTS = re.compile(r"[ㆍ・‧･∙•⋅·]")
_OPEN = "([{<（［｛〈《「『【〔"
_CLOSE = ")]}>）］｝〉》」』】〕"
_EDGE_PUNCT = ".,;:!?·~-*※ "
_TRAILING_DEUNG = re.compile(r"(?<=[가-힣A-Za-z0-9)])\s*등$")
_SPACE = re.compile(r"\s+")


_NOT_NAME = re.compile(r"[.:%~]")

def normalize_unit(name: str | None) -> str:
    """The canonical form of a unit/department name (no spaces, unified dots)."""
    if not name:
        return ""
    t = fold(name)
    t = _DOTS.sub("·", t)
    t = t.strip()
    # surrounding brackets: "(총무과)", "【기획담당관】"
    while len(t) >= 2 and t[0] in _OPEN and t[-1] in _CLOSE and _balanced(t[1:-1]):
        t = t[1:-1].strip()
    t = _TRAILING_DEUNG.sub("", t)
    t = _SPACE.sub("", t)
    t = t.strip(_EDGE_PUNCT)
    # a dangling open bracket left by a cut label ("기획담당관(")
    if t and t[-1] in _OPEN:
        t = t[:-1]
    return t


def _balanced(t: str) -> bool:
    depth = 0
    for ch in t:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# a unit name ends in one of these (과, 담당관, 실, 국, 본부, 단, 센터, 공사, 재단 …)
_UNIT_END = re.compile(
    r"(과|관|실|국|본부|단|센터|공사|공단|재단|원|청|소|처|부|팀|회|반|구|시|군|도)$"
)
_TRAILING_PAREN = re.compile(r"[(（]\s*([^()（）]{1,120})\s*[)）]\s*[.。]?\s*$")
_SEP = re.compile(r"\s*[,，、/]\s*|\s+및\s+")


def split_departments(text: str | None) -> list[str]:
    """Departments named in the trailing parenthesis of ``text``.

    "(총무과)" → ["총무과"]; "(총무과, 예산담당관)" → ["총무과", "예산담당관"].
    Returns [] when the text has no trailing parenthesis or when the parenthesis
    does not read as a list of unit names (a date, a number, a sentence).
    """
    if not text:
        return []
    m = _TRAILING_PAREN.search(fold(text))
    if not m:
        return []
    return parse_department_list(m.group(1))


def parse_department_list(inner: str) -> list[str]:
    """"총무과, 인사과" → ["총무과", "인사과"]; [] when it is not a list of units."""
    parts = [normalize_unit(p) for p in _SEP.split(inner.strip())]
    parts = [p for p in parts if p]
    if not parts or not all(looks_like_unit(p) for p in parts):
        return []
    return parts


def strip_departments(text: str) -> tuple[str, list[str]]:
    """(text without its trailing department parenthesis, departments)."""
    t = text.rstrip()
    m = _TRAILING_PAREN.search(t)
    if not m:
        return t, []
    deps = parse_department_list(fold(m.group(1)))
    if not deps:
        return t, []
    return t[:m.start()].rstrip(), deps


def looks_like_unit(name: str) -> bool:
    """Whether a normalised name reads as a unit's (a unit ending, no digits first, no dates or ratios)."""
    if len(name) < 2 or len(name) > 30:
        return False
    if name[0].isdigit() or _NOT_NAME.search(name):
        return False
    return bool(_UNIT_END.search(name))
