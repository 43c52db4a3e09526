"""Dated plan items → milestones (pure functions, no I/O).

Role: recognise the headings under which a report lists its plans
(``is_plan_heading``), read the period a heading stands for (``period_of_heading``,
for check D304), and turn the plan items found under such headings into
``bogo.model.Milestone`` records (``extract_milestones``) with the dates
normalised by ``bogo.normalize.dates``.

Decisions:
- Plan headings: (연도)(상/하반기|N분기|N월)?(세부|향후|주요|금후)?(추진|조치|시행)?
  (계획|일정)(및 일정|및 계획)? — e.g. 추진계획, 향후 계획, 향후 일정, 향후 추진계획,
  추진일정, 세부 추진계획, '20년 추진계획, 2020년 추진계획, 하반기 추진계획,
  향후 조치계획.  Not: 추진실적, 추진경과, 추진내용, 추진방향 and 향후 추진방향 (a
  direction is not a dated plan), 주요업무 추진계획 (a chapter title, not a list of
  plans), and mixed titles such as 추진내용 및 향후계획 (their items may be past).
- Mixed titles (추진상황 및 향후계획, 추진경과 및 향후 일정) hold plans on their
  date-led lines only ("'25. 5. : 용역발주"); their past lines drop out with the
  rule below (``is_mixed_plan_heading``, ``date_led``).
- A task of a chapter of the year's plans told in its own text, under no plan
  heading (a council work plan's "① 과제" with its "○ … 개최(4월)" lines): its
  items are plans, but only their dates from the report's month on
  (``PlanItem.upcoming_only``; an earlier date is what was done).  A date a
  figure is stated as of ("('25.1.1. 기준)", "'24.12.말 현재") is never a plan.
- 수시 gives no milestone (spec: "수시 has none"), and neither does an impossible
  date (that is check D303's business).  A year-level date ('20년, 2020년) is kept
  only when the item has no finer date, so a year inside a name
  (「2020년 학술용역 추진지침」 … : '20. 2월) does not become a second milestone.
- Recurring words (연중, 매월, 상시) are milestones spanning the report year.
- Whole years in brackets between the words of a name ("제2차('26년~'30년)기반시설
  관리계획") are that plan's term, not a date of the item.
- A half or quarter that ends by the time the item's first date begins
  ("'25. 6~7. 상반기 세부사업 모니터링") is the period under review, not a date;
  so is one followed by its own finer date from its last month on ("상반기 실적
  점검(6월)", "하반기 준공(12월)": the month says when) — unless the half stands in
  brackets of its own, a stage of a chain ("('25.上) 제작 → ('25.6.) 운행").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Milestone
from ..normalize.dates import AS_OF_WORDS, find_dates, fold_dates, period_of_title


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One line/bullet of a plan section: the task it belongs to, the heading it is
    listed under, its text and its 1-based source line."""

    task: str | None
    heading: str | None
    text: str
    line: int
    #: the item is a task's own text in a chapter of plans, under no plan heading: only
    #: its dates from the report's month on are plans (an earlier one is what was done)
    upcoming_only: bool = False


_LEAD = re.compile(
    r"^(?:[\s#□■○◦●◎◆◇▶▷▸‣•·\-－*※⇒➢>〈<\[【「(]|\d{1,2}[.)]|\(\d{1,2}\)|[가-하][.)]"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?|(?:I{1,3}|IV|V|VI{0,3}|IX|X)\.|[①-⑳])+"
)
_TAIL = re.compile(r"[\s:〉>\]】」)]*(?:\(안\))?[\s:〉>\]】」)]*$")
_KEEP = re.compile(r"[^가-힣0-9'/~.·]")

_YEAR = r"(?:'?\d{2}|\d{4})년도?"
_WHEN = r"(?:상반기|하반기|[1-4](?:/4)?분기|\d{1,2}월)"
_PLAN = re.compile(
    rf"^(?:{_YEAR})?{_WHEN}?(?:세부|향후|주요|금후)*(?:추진|조치|시행)?(?:계획|일정)"
    r"(?:및(?:추진)?(?:일정|계획))?$"
)


def _clean(title: str) -> str:
    t = fold_dates(title)
    t = _LEAD.sub("", t.strip())
    t = _TAIL.sub("", t)
    return t


def _key(title: str) -> str:
    """A compact comparison key: markers, brackets and spaces removed."""
    return _KEEP.sub("", _clean(title))


def is_plan_heading(title: str) -> bool:
    """True when ``title`` heads a list of (dated) plans (see the module docstring)."""
    return plan_heading_kind(title) == "plan"


_MIXED = re.compile(
    r"^(?:추진|조치|진행)(?:상황|경과|실적|사항|내용|결과|현황)및"
    r"(?:향후|금후|세부)*(?:추진|조치|시행)?(?:계획|일정)$"
)


def is_mixed_plan_heading(title: str) -> bool:
    """True for a title that lists what was done and what is planned in one section
    ("추진상황 및 향후계획", "추진경과 및 향후 일정"): only its date-led lines are plans."""
    return plan_heading_kind(title) == "mixed"


def plan_heading_kind(title: str) -> str | None:
    """"plan" for a plan heading, "mixed" for a mixed one, else None — the one test
    behind :func:`is_plan_heading` and :func:`is_mixed_plan_heading` (the two patterns
    never match the same key: a mixed title names what was done first)."""
    if not title:
        return None
    key = _key(title)
    return "plan" if _PLAN.match(key) else "mixed" if _MIXED.match(key) else None


# a line that states its date first ("'25. 5. : 용역발주", "'24. 3. ~ 5. 착수", "'24. 하반기 : …",
# "('25. 1.~ 4.) 운영프로그램 수립")
_DATE_LED = re.compile(r"^[\s○◦●·•\-–ㅇ(\[]*(?=['’ˊ`]?\s?\d{2,4}\s?[.년~])")


def date_led(text: str, report_year: int) -> bool:
    """True when ``text`` begins with a date expression (its marker aside)."""
    m = _DATE_LED.match(fold_dates(text))
    if m is None:
        return False
    spans = find_dates(text[m.end():], report_year)
    return bool(spans) and spans[0].pos == 0


def period_of_heading(title: str, report_year: int) -> tuple[str, str] | None:
    """(start, end) of a period heading (see :func:`bogo.normalize.dates.period_of_title`)."""
    return period_of_title(title, report_year)


_DIGIT = re.compile(r"\d")
_FINER = ("day", "month", "range", "list")
_NEAR = 12      # characters: a finer date this close after a half or quarter refers to it


def _bracketed(text: str, s) -> bool:
    """The span stands alone in brackets: "(…'27)", "('30)"."""
    before = text[:s.pos].rstrip()
    after = text[s.pos + len(s.raw):].lstrip()
    return before.endswith("(") and after.startswith(")")


def _years(s) -> list[str]:
    return [d[:4] for d in (s.start, s.end) if d]


def _before_year(s, report_year: int) -> bool:
    last = s.end or s.start
    return last is not None and int(last[:4]) < report_year


def _before_month(s, report_year: int, report_month: int | None) -> bool:
    """Span ``s`` ends before the report's month (before its year when it has no
    month); a span left open ("'25.~", "'25년부터") goes on: it is past only when it
    opened before the report's year."""
    if s.end is None:
        return _before_year(s, report_year)
    last = s.end
    if report_month is None:
        return int(last[:4]) < report_year
    return last[:7] < f"{report_year:04d}-{report_month:02d}"


# what follows a reference date: "기준", "현재", "말 기준", "말 현재"
_AS_OF = re.compile(r"\s*(?:말|末)?\s*" + AS_OF_WORDS)


def _as_of(text: str, s) -> bool:
    """Span ``s`` is the date a figure is stated as of ("('25.1.1. 기준) 1,150대")."""
    return bool(_AS_OF.match(text, s.pos + len(s.raw)))


def _in_name(text: str, s) -> bool:
    """Span ``s`` is whole years in brackets set between the words of a name."""
    if not s.start or not s.end or s.start[5:7] != "01" or s.end[5:7] != "12":
        return False
    before, after = text[:s.pos], text[s.pos + len(s.raw):]
    return before.endswith("(") and after.startswith(")") and len(before) > 1 and before[-2].isalnum() \
        and len(after) > 1 and after[1].isalnum()


def _reviewed(text: str, s, nxt) -> bool:
    """Half or quarter ``s`` is the period a finer date ``nxt`` close after it, from its
    last month on, looks back at ("상반기 실적 점검(6월)"), not a date of its own: not
    when the finer date is far ("'25. 하반기 : 구축, 시범운영, 시행(12월)") or the half
    stands in brackets of its own, a stage of a chain ("('25.上) 제작 → ('25.6.) 운행")."""
    if s.kind != "period" or not s.end or nxt.kind not in _FINER or not nxt.start or nxt.start[:7] < s.end[:7]:
        return False
    return not text[:s.pos].rstrip().endswith("(") and nxt.pos - (s.pos + len(s.raw)) <= _NEAR


def extract_milestones(items: Iterable[PlanItem], report_year: int,
                       report_month: int | None = None) -> list[Milestone]:
    """Every date expression of every plan item, as a Milestone, in order."""
    out: list[Milestone] = []
    for it in items:
        spans = [s for s in find_dates(it.text, report_year, report_month)
                 if s.kind not in ("none", "invalid")]
        # a year-level date gives way to a finer date of the same year ("「2020년 …지침」 : '20. 2월");
        # a stage in another year stays ("MOA('25.상), 실시설계('27), 준공('30)")
        if any(s.kind != "year" for s in spans):
            finer = {y for s in spans if s.kind != "year" for y in _years(s)}
            spans = [s for s in spans if s.kind != "year"
                     or _bracketed(it.text, s) and not (set(_years(s)) & finer)]
        # "연중 입·퇴사자 현황 조사 : '20. 4월 중": a whole-year or recurring word used
        # in the sentence gives way to the item's own written date
        if any(_DIGIT.search(s.raw) for s in spans):
            spans = [s for s in spans if _DIGIT.search(s.raw) or s.kind not in ("recurring", "period")
                     or (s.start or "")[5:7] != "01" or (s.end or "")[5:7] != "12"]
        # whole years in brackets inside a name ("제2차('26년~'30년)기반시설 관리계획") name a plan's term
        spans = [s for s in spans if not _in_name(it.text, s)]
        # a span wholly in years before the report ("'14년 34%에서 '17년 21%로") is a
        # reference to the past inside the plan text, not a planned date
        spans = [s for s in spans if not _before_year(s, report_year)]
        # a half or quarter that ends by the time the item's own date begins is the period
        # under review ("'25. 6~7. 상반기 세부사업 모니터링"), not a second date
        if spans and spans[0].kind in ("day", "month", "range", "open", "list") and spans[0].start:
            first = spans[0].start[:7]
            spans = [spans[0]] + [s for s in spans[1:] if not (s.kind == "period" and s.end and s.end[:7] <= first)]
        # ... and so is one whose own date follows it from its end on ("상반기 실적 점검(6월)")
        spans = [s for k, s in enumerate(spans) if not (k + 1 < len(spans) and _reviewed(it.text, s, spans[k + 1]))]
        # a date stating when a figure held ("('25.1.1. 기준)", "'24.12.말 현재") dates no plan
        spans = [s for s in spans if not _as_of(it.text, s)]
        if it.upcoming_only:
            spans = [s for s in spans if not _before_month(s, report_year, report_month)]
        for s in spans:
            out.append(Milestone(task=it.task, raw=s.raw, start=s.start, end=s.end,
                                 line=it.line, heading=it.heading, text=it.text))
    return out
