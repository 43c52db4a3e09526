"""X204 and X205 — figures that prose states twice.

"총 32건 … 적정 4, 조건부 추진 25, 재검토 3, 부적정 1건" states a total and its
breakdown; "145건→200건, ↑55건" states two figures and their change.  Both are
recognised only in their clear forms: a breakdown is a comma list in which every
piece is "label number[unit]" (optionally with a percentage in parentheses), in
parentheses right after the total or as the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding
from .arith import round_half_up, truncate
from .context import Context
from .registry import REGISTRY, register

_UNITS = "건|개소|개|명|회|곳"
_TOTAL = re.compile(r"(총|정원|현원)\s*(\d[\d,]*)\s*(" + _UNITS + r")(?![가-힣]*\d)")
#: labels of a part that is no share of a partition: "정원 30명(여성 12명, 장애인 2명)"
#: counts some of the 30, not all (여성 is a part only beside 남성)
_SUBSET_LABELS = frozenset({"여성", "여", "장애인", "청년", "외국인", "결원", "증원", "감원"})
_GENDER_PAIRS = {"여성": "남성", "여": "남"}
_PAREN_AFTER = re.compile(r"^[가-힣\s·]{0,15}\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_PIECE = re.compile(r"^\s*([^\d,]*?[가-힣A-Za-z)][^\d,]*?)\s*(\d[\d,]*)\s*(" + _UNITS
                    + r")?\s*(\(\s*\d[\d.]*\s*%\s*\))?\s*$")


def _breakdown(text: str) -> tuple[int, set[str]] | None:
    pieces = text.split(",")
    if len(pieces) < 2:
        return None
    total, units, labels = 0, set(), set()
    for p in pieces:
        m = _PIECE.match(p)
        if not m:
            return None
        total += int(m.group(2).replace(",", ""))
        labels.add(re.sub(r"\s+", "", m.group(1)))
        if m.group(3):
            units.add(m.group(3))
    if any(x in _SUBSET_LABELS and _GENDER_PAIRS.get(x) not in labels for x in labels):
        return None
    return total, units


@register("X204", "total-count-mismatch", "error",
          "'{word} {found}{unit}' ≠ 나열된 항목의 합 {expected}{unit}", scope="document")
def total_breakdown(ctx: Context) -> Iterator[Finding]:
    """"총 N건/개" (or "정원/현원 N명") in prose differs from the sum of the items it lists.

    Bad:
        2018년 상반기 : 총 32건
          - 적정 4, 조건부 추진 25, 재검토 3, 부적정 1건
    Good:
        2018년 상반기 : 총 33건

    The breakdown is the parenthesised list right after the total ("총 50개
    지자체(광역 12, 기초 38)") or the next line when it is only such a list (a line
    ending with "," continues on the next); a headcount ("정원 1,138명(공무원 850명,
    공무직 288명)") only the parenthesised list.

    Traps:
        A list in another unit (총 2회 … 10건, 22건) is not a breakdown; pieces
        with other numbers in their label (10억이상 20개) make the list unreadable
        and it is skipped; percentages in parentheses are ignored; a list of
        groups that need not add up (여성 and 장애인 among the 정원, 여성 without
        남성) is no breakdown.
    """
    chk = REGISTRY["X204"]
    lines = ctx.lines or []
    for i in ctx.lines_matching(_TOTAL):
        ln = lines[i]
        for m in _TOTAL.finditer(ln.text):
            word, n, unit = m.group(1), int(m.group(2).replace(",", "")), m.group(3)
            pm = _PAREN_AFTER.match(ln.text[m.end():])
            src = pm.group(1) if pm else _next_list(lines, i) if word == "총" else None
            bd = _breakdown(src) if src else None
            if not bd or (bd[1] and bd[1] != {unit}):
                continue
            if bd[0] != n:
                yield chk.finding(found=n, expected=bd[0], unit=unit, line=ln.no, word=word)


def _next_list(lines, i: int) -> str | None:
    if i + 1 >= len(lines):
        return None
    text = lines[i + 1].text.strip()
    j = i + 1
    while text.endswith(",") and j + 1 < len(lines) and lines[j + 1].no - lines[j].no <= 2:
        j += 1
        text += " " + lines[j].text.strip()
    return re.sub(r"^\([^()]*\)\s*", "", text)


_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_CHANGE = re.compile(_NUM + r"\s*(%|[가-힣]{0,2})\s*(?:→|⇒|->)\s*" + _NUM + r"\s*(%|[가-힣]{0,2})"
                     r"[^\d→]{0,12}?(?:([↑↓▲▼△])\s*" + _NUM + r"\s*(%p|%|[가-힣]{0,2})"
                     r"|" + _NUM + r"\s*(%p|%|[가-힣]{0,2})\s*(증가|감소|상승|하락|늘|줄))")


_ARROW = re.compile(r"→|⇒|->")


def _other_clause(text: str, m: re.Match[str]) -> bool:
    """The stated change lies past the parenthesis that holds the figures:
    "1.2일 증가(4일→5.2일), 자가용 0.8일 감소(…)" — the change after ")" is another clause's."""
    between = text[m.end(4):m.start(5) if m.group(5) else m.start(8)]
    before = text[:m.start(1)]
    return ")" in between and before.count("(") > before.count(")")


def _f(s: str) -> float:
    return float(s.replace(",", ""))


@register("X205", "change-rate-mismatch", "error",
          "'{raw}': 변화 {found} ≠ 계산값 {expected}", scope="document")
def change_rate(ctx: Context) -> Iterator[Finding]:
    """A change stated in prose differs from the change between the figures it compares.

    Bad:
        3,200억 → 4,000억, 30% 증가
    Good:
        3,200억 → 4,000억, 25% 증가

    A percentage is the relative change (B − A) / A, or — when both figures are
    percentages — the difference in points; a count ("↑55건") is B − A.  Rounded
    half-up or truncated to the printed decimals both pass.

    Traps:
        Chains ("16.2건('17)→18.8건('18)→…") and arrows without a stated change are
        not read; figures with different units are skipped.  Figures in parentheses
        belong to the change stated before them ("1.2일 증가(4일→5.2일)"): a change
        after the closing parenthesis is another clause's and is not compared.
    """
    chk = REGISTRY["X205"]
    lines = ctx.lines or []
    for i in ctx.lines_matching(_ARROW):  # a change is written with an arrow
        ln = lines[i]
        for m in _CHANGE.finditer(ln.text):
            a, ua, b, ub = _f(m.group(1)), m.group(2), _f(m.group(3)), m.group(4)
            if ua and ub and ua != ub or _other_clause(ln.text, m):
                continue
            arrow, val, unit = m.group(5), m.group(6) or m.group(8), m.group(7) or m.group(9)
            word = m.group(10) or ""
            stated = _f(val)
            if (arrow in ("↓", "▼", "△")) or word in ("감소", "하락", "줄"):
                stated = -stated
            d = len(val.split(".")[1]) if "." in val else 0
            if unit in ("%", "%p"):
                exps = [b - a] if unit == "%p" or ua == "%" else []
                if unit == "%" and a:
                    exps.append((b - a) / a * 100)
            elif unit == (ub or ua) or not unit:
                exps = [b - a]
            else:
                continue
            if any(abs(f(abs(e), d) - abs(stated)) < 10 ** -(d + 3) and (e >= 0) == (stated >= 0)
                   for e in exps for f in (round_half_up, truncate)):
                continue
            yield chk.finding(found=f"{val}{unit}", expected=f"{round_half_up(exps[-1], d):g}{unit}",
                              raw=m.group(0), line=ln.no)
