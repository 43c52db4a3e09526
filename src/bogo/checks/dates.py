"""D3xx — dates: weekdays, stale plans, impossible dates, items outside their period.

D301 and D303 scan the prose lines with :func:`bogo.normalize.dates.find_dates`
(year from the report's own date); D302 and D304 read the report's milestones
(dated plan items, with the heading they were listed under).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding
from ..normalize.dates import AS_OF_WORDS, find_dates, period_of_title, weekday_matches, weekday_of
from .context import Context
from .registry import REGISTRY, register

#: the year a date without one is read in when the report's own year is unknown: a leap year,
#: so that no 2.29 is ever taken for impossible
UNKNOWN_YEAR = 2024


def _spans(ctx: Context, any_year: bool = False):
    """(line, DateSpan) of every date in the prose, computed once per run.  Without the
    report's year nothing is read, unless ``any_year``: then dates are read in a leap
    year, for the checks whose verdict no year changes (an impossible date)."""
    year = ctx.year if ctx.year is not None else UNKNOWN_YEAR if any_year else None
    if year is None:
        return []
    return ctx.memo(f"date_spans-{year}", lambda: [(ln, sp) for ln in ctx.lines or [] if _candidate(ln.text)
                                                   for sp in find_dates(ln.text, year, ctx.month)])


def _candidate(text: str) -> bool:
    """Whether ``_CANDIDATE`` matches (by ``_CANDIDATE_SCAN``, the same pattern)."""
    return _CANDIDATE_SCAN.search(text) is not None


# Only a line with a written weekday (D301), a number that cannot be a month or
# a day of every month, or a five-digit year (D303) can give a finding here:
# scan just those lines.
_CANDIDATE = re.compile(r"\(\s?[월화수목금토일]|(?<![\d,])(?:1[3-9]|[2-9]\d|0)\s*(?:월|\.\s*\d)"
                        r"|[.월]\s*(?:29|3\d|[4-9]\d|0+)(?!\d)|(?<![\d.,])(?:19|20)\d{3}(?!\d)\s?[년.]")
# ``_CANDIDATE`` with the first character of every form taken first, by one class
# ("(", a digit, "." or 월), and the form chosen by what that character was: a
# pattern that opens with a class lets the regex engine skip, in C, every
# position that cannot start a match (most of a line); the same matches.
_CANDIDATE_SCAN = re.compile(
    r"[(\d.월](?:(?<=\()\s?[월화수목금토일]"
    r"|(?<=\d)(?<![\d,].)(?:(?<=1)[3-9]|(?<=[2-9])\d|(?<=0))\s*(?:월|\.\s*\d)"
    r"|(?<=[.월])\s*(?:29|3\d|[4-9]\d|0+)(?!\d)"
    r"|(?<=[12])(?<![\d.,].)(?:(?<=1)9|(?<=2)0)\d{3}(?!\d)\s?[년.])")


@register("D301", "weekday-mismatch", "error",
          "'{raw}': {date}은 {expected}요일인데 ({found})로 적혀 있음", scope="document")
def weekday_mismatch(ctx: Context) -> Iterator[Finding]:
    """A written weekday does not match its date in the report's year.

    Bad:
        핵심과제 대시민 발표 : 9.10(화)   (2018년 보고서: 9월 10일은 월요일)
    Good:
        핵심과제 대시민 발표 : 9.10(월)

    Traps:
        The year is the report's own unless written; a plan for next January in a
        December report may carry next year's weekday — only explicit-year dates
        and dates in the report's year range are trusted (no rollover guessed).
    """
    chk = REGISTRY["D301"]
    for ln, sp in _spans(ctx):
        if weekday_matches(sp) is not False:
            continue
        for d, w in ((sp.start, sp.weekday), (sp.end, sp.end_weekday)):
            if w and d and len(d) == 10 and weekday_of(d) != w:
                yield chk.finding(found=w, expected=weekday_of(d), raw=sp.raw, date=d, line=ln.no)
                break


@register("D303", "impossible-date", "error", "'{found}': 존재하지 않는 날짜", scope="document")
def impossible_date(ctx: Context) -> Iterator[Finding]:
    """A date that does not exist (2.30, 13월, 4.31) or a year mistyped with five digits.

    Bad:
        '18. 2. 30.(금) 개최
        20024년 3월 착공
    Good:
        '18. 2. 28.(수) 개최
        2024년 3월 착공

    Traps:
        A bare "2.30" without a year, 일, weekday or range is not read as a date
        (it may be a ratio or a section number); only unambiguous forms count.
        A five-digit number counts as a year only before 년 or in a dotted date
        ("20024. 3. 5."): "20024.5톤" and "20,024년" are amounts, not dates.
    """
    chk = REGISTRY["D303"]
    for ln, sp in _spans(ctx, any_year=True):
        if sp.kind == "invalid" or not sp.valid:
            yield chk.finding(found=sp.raw, expected=None, raw=sp.raw, line=ln.no)


def _ym(s: str | None) -> str | None:
    return s[:7] if s else None


@register("D302", "stale-plan", "warning",
          "'{raw}': 보고서 작성일({expected}) 이전 일정({found})이 계획으로 남아 있음",
          scope="document")
def stale_plan(ctx: Context) -> Iterator[Finding]:
    """A plan item dated before the report's own date, still listed as a plan.

    Bad:
        (2018. 7 보고서) □ 추진계획 - 조사업체 선정 및 착수보고회 개최 ('18. 6)
    Good:
        □ 추진실적 - 조사업체 선정 및 착수보고회 개최 ('18. 6)

    Compared at month precision: a plan for the report's own month is not stale.

    Traps:
        Open ranges ('17.8.~) and recurring plans (연중, 수시) have no end and are
        skipped; only milestones the extractor found under plan headings count.
        An item with any date on or after the report month is not stale; bare
        years ('14년) and dates of facts the plan refers to ("'20.1월 통과",
        "'18.7~'19.6월 사이 완료된") are not plan dates.
    """
    chk = REGISTRY["D302"]
    date = ctx.report.meta.date
    if not date or len(date) < 7:
        return
    ref = date[:7]
    items: dict[tuple, list] = {}
    for m in ctx.report.milestones:
        items.setdefault((m.line, m.text), []).append(m)
    for ms in items.values():
        if any((_ym(m.end) or "9999") >= ref for m in ms):
            continue  # some date of the item is still ahead (or open)
        plans = [m for m in ms if not _YEAR_ONLY.match(m.raw.strip())
                 and not _is_reference(m.text or "", m.raw)]
        if plans:
            m = max(plans, key=lambda x: (x.end or "", x.start or "", len(x.raw)))
            yield chk.finding(found=m.end, expected=ref, raw=m.raw, line=m.line)


_YEAR_ONLY = re.compile(r"^[\'’‘]?\d{2,4}\s*년(도)?$")
_REFERENCE_WORDS = re.compile(r"^\s*\)?\s*(" + AS_OF_WORDS + r"|통과|제정|개정|시행|사이|대비|이후|부터|에서|발표|말\s*기준)")


def _is_reference(text: str, raw: str) -> bool:
    """A date that dates a fact the plan refers to ("'20.1월 통과", "'18.7~'19.6월 사이")."""
    i = text.find(raw)
    return i >= 0 and bool(_REFERENCE_WORDS.match(text[i + len(raw):]))


@register("D304", "date-outside-period", "warning",
          "'{raw}'({found})가 상위 제목 '{heading}'의 기간({expected}) 밖에 있음",
          scope="document")
def outside_period(ctx: Context) -> Iterator[Finding]:
    """A dated item listed under a period heading (상반기, 3분기 …) — or written in a
    schedule grid's period column ("1/4분기 | …" with the steps in the cells) — falls
    outside it.

    Bad:
        □ 상반기 추진계획 - 종합평가 실시 : '20. 9월
    Good:
        □ 하반기 추진계획 - 종합평가 실시 : '20. 9월

    Traps:
        Only headings that are a period (not '20년 추진계획, not 연중) count, and an
        item overlapping its period (4~7월 under 상반기) is not flagged.
    """
    chk = REGISTRY["D304"]
    year = ctx.year
    if year is None:
        return
    for m in ctx.report.milestones:
        if not m.heading or not m.start or not m.end:
            continue
        per = period_of_title(m.heading, year)
        if not per:
            continue
        lo, hi = _ym(per[0]), _ym(per[1])
        if _ym(m.end) < lo or _ym(m.start) > hi:
            yield chk.finding(found=f"{m.start}~{m.end}" if m.start != m.end else m.start,
                              expected=f"{lo}~{hi}", raw=m.raw, heading=m.heading, line=m.line)
