"""Find and normalise Korean date expressions in report text (pure functions).

``find_dates(text, ref_year)`` returns every date expression, left to right, as a
``DateSpan`` with ``start``/``end`` as ``"YYYY-MM"`` or ``"YYYY-MM-DD"``;
``parse_date`` parses one expression.  The regexes live in ``_date_patterns``.

Forms: '18. 7. 12. / 2019. 11. 15. / 18. 7. 12. / 2018.7.2. / 2018-07-12 /
2018년 7월 12일 / 7월 12일 / 8.14(화) / 3. 22. / (3.2.) / '18. 6 / 2018. 7. /
'18년 8월 / '18. 11월 / 20. 5월 / 11월 / 6월 말·중·초 / 6월 초순·중순·하순 /
4~6월 / ranges with ``~`` (7.5(목)~8.14(화), 4.20~21, 9.28~10.5, '19.12.20~'20.1.31,
'18. 7~11월, '20. 4. ~ 8., '18. 11월 ~ '19. 2월, '18년~'20년) / open ranges
('20. 4월~, 4.3.~, 7월 이후, 5월부터) / deadlines (5.29限, 8월까지, ~3월) / 5.29字 /
day lists (8.21, 24, 31) and month lists ('19.6,8,12, 3, 6, 9월, 1·7월) / 상반기 하반기 上半期 下半期
상·하반기 / 1/4분기 1·4분기 3분기 제1분기 第1四半期 2Q Q3 / 연중, 연중 계속, 연초, 연말, 연내 /
'18년, 2018년(도), '18년 하반기, '20.상반기, ˊ24.上 / ˊ24.下 (a half as one
character after a year), '24. 1/4분기, 내년 상반기 / 매월 매주 매년 매일 매분기
상시 (recurring) / 수시 (no date).  A five-digit year (20024년 3월, 20024. 3. 5.)
is a slip: kind "invalid".

Decisions:
- The year comes from ``ref_year`` when not written.  No rollover is guessed from
  the report month; a later year is used only when written ('19.) — except for the
  end of a range written without its year and earlier than its start
  ('18.11~2월 → 2019-02), which cannot be read otherwise.  A date that continues a
  list after an explicit year ('19. 11. 5., 11. 14.) keeps that year.
- Parts of a month (6월 초/중/말, 초순/중순/하순) stay month-level:
  start = end = "YYYY-MM", kind "month", the word kept in ``part``;
  ``month_part_days`` gives the day range (초순 01-10, 중순 11-20, 하순/말 21-end,
  초 01-10, 중 = whole month) for a caller that wants it.
- Deadlines (限, 까지, a leading ``~``) are kind "until": start None, end = the
  date's end.  Open ranges ('20. 4월~, 이후, 부터) are kind "open": end None.
- Recurring words (매월, 매주, 상시 …) span the whole report year, kind
  "recurring"; 수시 is kind "none" with start = end = None.
- Impossible dates (2.30(화), '18. 2. 30., 2월 30일) give kind "invalid",
  ``valid=False``, start = end = None — when the form is unambiguous (a year, 일,
  a weekday, 限/字 or a range).  A bare "2.30" is just not a date.
- A bare "M.D" counts only with a weekday, 限/字/까지, a trailing dot, a range or
  day list, a following time ("4.17 10시"), or inside "(…)", after ":" or ","
  and followed by ")", ",", "(" or the end — so 1.5배, 20.7%, 5.6건 are not dates.
- ``ref_month`` is accepted for the API but does not change any result.
"""

from __future__ import annotations

import re

from bogo.normalize import _date_patterns as P
from bogo.normalize._date_points import (  # noqa: F401  (public names re-exported)
    WEEKDAYS,
    DateSpan,
    _bump,
    _point,
    _Pt,
    _pt_bounds,
    _y2,
    _ym,
    is_valid,
    month_part_days,
    weekday_matches,
    weekday_of,
)

#: the character folding applied before date patterns (shared with the milestone reader)
FOLD = P.FOLD
#: ``text.translate(FOLD)``, done at the few characters that fold
fold_dates = P.fold

#: the words that make a date the as-of date of a figure ("'24.6.30. 기준", "'24.12.말 현재")
AS_OF_WORDS = r"(?:기준|현재)"
_LIST_SEPS = frozenset({",", "·", "/", "및", "와", "과"})
_SPAN_KINDS = frozenset({"iso", "ymdk", "ymd", "mdk", "md", "ymk", "ym", "mk", "y", "yp", "period"})


def _context_ok(text: str, s: int, e: int) -> bool:
    """Weak context for a bare M.D: '(' ',' ':' '·' or start before; ')' ',' '(' or end after."""
    while s > 0 and text[s - 1] == " ":
        s -= 1
    n = len(text)
    while e < n and text[e] == " ":
        e += 1
    if s > 1 and text[s - 1] == ":" and text[s - 2].isdigit():
        return False
    return (s == 0 or text[s - 1] in "(,:·[") and (e == n or text[e] in "),(]")


def _bare_end(text: str, i: int, kind: str) -> re.Match[str] | None:
    """The right side of a range written as a bare number at ``i`` ("4.20~21", "'20. 4. ~ 8.");
    after a month, "5." before a counted figure ("'25. 4~5. 16개 구군") ends the range too."""
    b = P.BARE_NUM.match(text, i)
    if b is None and kind == "month" and (d := P.MONTH_DOT_END.match(text, i)) and \
            P.UNIT_AFTER.match(text, d.end("k")):
        return d
    return b


def _next_atom(text: str, i: int) -> re.Match[str] | None:
    """``P.ATOM.search(text, i)``, tried only where an alternative can begin."""
    while True:
        s = P.START.search(text, i)
        if s is None:
            return None
        m = P.ATOM.match(text, s.start())
        if m is not None:
            return m
        i = s.start() + 1


#: the first year of a range written before its "~" or "-" without a date of its own
#: ("2024~", "'25-"): four digits 19xx/20xx or an apostrophe and two, then spaces
_YEAR_BEFORE = re.compile(r"(?<![\d.,'’])(?:['’]\s?(?P<y2>\d{2})|(?P<y4>(?:19|20)\d{2}))\s*$")
_LEAD_MONTHS = re.compile(r"(?<![\d.,'’])((?:\d{1,2}\s?[,·]\s?){1,11})$")


def _lead_months(text: str, lo: int, at: int, month: int) -> tuple[int, int] | None:
    """(start, first month) of the bare months listed before the month at ``at``
    ("3, 6, " before "9월"), strictly rising, not reaching back before ``lo``."""
    m = _LEAD_MONTHS.search(text, lo, at)
    if m is None:
        return None
    seq = [int(x) for x in P.NUMS.findall(m.group(1))] + [month]
    if seq[0] < 1 or any(a >= b for a, b in zip(seq, seq[1:], strict=False)):
        return None
    return m.start(), seq[0]


def _scan(text: str, orig: str, ref_year: int) -> list[DateSpan]:
    out: list[DateSpan] = []
    last_end = 0
    last_year: int | None = None
    i = 0
    n = len(text)
    while i < n:
        m = _next_atom(text, i)
        if m is None:
            break
        carry = None
        sep = text[last_end:m.start()].strip() if out and m.start() - last_end <= 5 else None
        if sep in _LIST_SEPS and (sep != "/" or m.lastgroup != "md" or m["md_dot"]):
            carry = last_year  # ("'24. 8.26. / 8.28.": a bare "2.4" after a slash is a figure)
        p = _point(m, ref_year, carry)
        if p is None:
            i = m.start() + 1
            continue
        t = m.lastgroup
        e = m.end()
        strong = t != "md" or carry is not None
        kind, wk, end_wk = p.kind, None, None
        if p.kind == "day":
            w = P.WEEKDAY.match(text, e)
            if w:
                wk, e, strong = w["w"], w.end(), True
            if t == "md" and m["md_dot"]:
                strong = True
        start, end = _pt_bounds(p)
        # range, open range or list
        rng_end: _Pt | None = None
        tl = P.TILDE.match(text, e) if t != "mm" and p.kind not in ("none", "recurring") else None
        if tl:
            q = P.ATOM.match(text, tl.end())
            qp = _point(q, ref_year, p.year) if q and q.lastgroup in _SPAN_KINDS else None
            if qp is None and p.kind == "year" and (y := P.YEAR_END.match(text, tl.end())):
                # "'26. ~ '29. 설계 및 착공": the end of a range of years may stand before a word
                yy = _y2(y["y"])
                qp, q = _Pt(y.start(), y.end(), "year", year=yy, start=_ym(yy, 1), end=_ym(yy, 12), explicit=True), y
            if qp is not None and not (q.lastgroup == "md" and p.kind in ("month", "year")):
                rng_end, e = qp, q.end()
            elif p.kind in ("day", "month") and (b := _bare_end(text, tl.end(), p.kind)) and \
                    not P.UNIT_AFTER.match(text, b.end()):
                v = int(b["n"])
                if p.kind == "day":
                    rng_end = _Pt(b.start(), b.end(), "day", year=p.year, month=p.month, day=v)
                else:
                    rng_end = _Pt(b.start(), b.end(), "month", year=p.year, month=v)
                rng_end.valid = is_valid(rng_end.year, rng_end.month, rng_end.day)
                e = b.end()
            elif P.OPEN_END.match(text, tl.end()):
                kind, end, e, strong = "open", None, tl.end(), True
        if rng_end is not None:
            strong = True
            if rng_end.kind == "day":
                w = P.WEEKDAY.match(text, e)
                if w:
                    end_wk, e = w["w"], w.end()
            if not rng_end.explicit and rng_end.start is None and p.year is not None:
                a0, _ = _pt_bounds(p)
                a1, _ = _pt_bounds(rng_end)
                if a0 and a1 and a1[:7] < a0[:7]:
                    _bump(rng_end)
            _, end = _pt_bounds(rng_end)
            kind = "range"
            if not rng_end.valid:
                kind = "invalid"
            if rng_end.valid and p.valid:
                last_year = rng_end.year
        elif kind not in ("open",) and p.kind in ("day", "month") and t not in ("mm",):
            lst = (P.DAY_LIST if p.kind == "day" else P.MONTH_LIST).match(text, e)
            if lst and wk is None and p.valid:
                nums = [int(x) for x in P.NUMS.findall(lst.group())]
                seq = [p.day if p.kind == "day" else p.month, *nums]
                if all(a < b for a, b in zip(seq, seq[1:], strict=False)) and all(
                        is_valid(p.year, p.month if p.kind == "day" else v, v if p.kind == "day" else None)
                        for v in nums):
                    last = nums[-1]
                    end = _ym(p.year, p.month) + f"-{last:02d}" if p.kind == "day" else _ym(p.year, last)
                    kind, e, strong = "list", lst.end(), True
        # suffixes: 限 까지 字 이후 부터
        sx = P.SUFFIX.match(text, e)
        if sx:
            word = sx["s"]
            e = sx.end()
            strong = True
            if kind not in ("range", "open", "invalid", "list"):
                if word in ("限", "까지"):
                    kind, start = "until", None
                elif word in ("이후", "부터"):
                    kind, end = "open", None
        # a leading "~" (not the tail of the previous span): a deadline
        s0 = m.start()
        if t == "mk" and kind == "month" and p.valid and (lead := _lead_months(text, last_end, s0, p.month)):
            s0, first = lead                      # "(3, 6, 9월)": a list of months written once
            kind, start, strong = "list", _ym(p.year, first), True
        if kind in ("day", "month", "period", "year"):
            k = s0
            while k > last_end and k > s0 - 3 and text[k - 1] == " ":
                k -= 1
            y0 = _YEAR_BEFORE.search(text, last_end, k - 1) if kind == "year" and k > last_end \
                and text[k - 1] in "~-" else None
            first_year = (int(y0["y4"]) if y0["y4"] else _y2(y0["y2"])) if y0 is not None else None
            if first_year is not None and p.year is not None and first_year < p.year:
                # "2024~2027년", "'25-'29": a range of years whose first year stands bare
                kind, start, strong = "range", _ym(first_year, 1), True
                s0 = y0.start()
            elif k > last_end and text[k - 1] == "~":
                kind, start, strong = "until", None, True
                s0 = k - 1
        if t == "md" and not m["md_dot"] and P.UNIT_AFTER.match(text, m.end()) \
                and not (wk or kind in ("until", "range", "list")):
            # "'23~'25, 9.3억원": a figure with its unit, also where a list of dates could go on
            i = m.start() + 1
            continue
        if t == "md" and not strong:
            if P.TIME_AFTER.match(text, e):
                strong = True
            elif not _context_ok(text, m.start(), e) or P.UNIT_AFTER.match(text, m.end()):
                i = m.start() + 1
                continue
        if not p.valid:
            if t in ("md", "mk") and not (wk or kind in ("until", "range")):
                i = m.start() + 1
                continue
            kind, start, end = "invalid", None, None
        elif kind == "invalid":
            start = end = None
        if p.kind == "none":
            start = end = None
        out.append(DateSpan(raw=orig[s0:e].rstrip(), start=start, end=end, pos=s0,
                            weekday=wk, kind=kind, end_weekday=end_wk, part=p.part,
                            valid=kind != "invalid"))
        if rng_end is None and p.year is not None and p.valid:
            last_year = p.year if (p.explicit or carry is not None) else last_year
        last_end = e
        i = e
    return out


def find_dates(text: str, ref_year: int, ref_month: int | None = None) -> list[DateSpan]:
    """Every date expression in ``text``, left to right (see the module docstring)."""
    if not text or not P.QUICK.search(text):
        return []
    return _scan(P.fold(text), text, ref_year)


def parse_date(expr: str, ref_year: int, ref_month: int | None = None) -> DateSpan | None:
    """The first date expression in ``expr`` (normally the whole of it), or None."""
    spans = find_dates(expr.strip(), ref_year, ref_month)
    return spans[0] if spans else None


def period_of_title(title: str, year: int) -> tuple[str, str] | None:
    """(start, end) of a title that names a period — 상반기, 하반기, 1분기, 3/4분기,
    '20년 상반기, 7월, 4~6월, optionally followed by plan words (상반기 추진계획).  A
    bare year ('20년 추진계획) or 연중 is the scope of a plan, not a period: None."""
    t = P.TITLE_TAIL.sub("", P.TITLE_LEAD.sub("", P.fold(title or "").strip()))
    core = P.PLAN_WORDS.sub("", P.SPACES.sub("", t))
    if not core:
        return None
    spans = find_dates(core, year)
    if len(spans) != 1:
        return None
    sp = spans[0]
    if sp.raw != core or sp.kind not in ("period", "month", "range") or sp.start is None or sp.end is None:
        return None
    if sp.start[5:7] == "01" and sp.end[5:7] == "12" and sp.start[:4] == sp.end[:4]:
        return None  # 연중: the whole year
    return sp.start, sp.end
