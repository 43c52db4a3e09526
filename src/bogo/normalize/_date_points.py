"""Date points and spans for the Korean date normaliser (``dates.py``).

Role: the interpretation half of date recognition.  ``DateSpan`` is the result
type; ``_point`` reads one ``_date_patterns.ATOM`` match into a ``_Pt`` (a point
year/month/day, or a ready span for halves, quarters, year words and recurring
words), with the year taken from the text or from the reference year; the
helpers check that a date exists (``is_valid``), give its weekday and the day
range of a month part.  The scanner that joins points into ranges, lists and
deadlines is ``dates._scan``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

WEEKDAYS = "월화수목금토일"


@dataclass(frozen=True, slots=True)
class DateSpan:
    raw: str
    start: str | None
    end: str | None
    pos: int
    weekday: str | None = None
    kind: str = "day"
    end_weekday: str | None = None
    part: str | None = None
    valid: bool = True


@dataclass(slots=True)
class _Pt:
    """An intermediate date: a point (year, month, day?) or a ready span."""

    s: int
    e: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    start: str | None = None
    end: str | None = None
    explicit: bool = False
    weekday: str | None = None
    part: str | None = None
    valid: bool = True


def _y2(yy: str) -> int:
    n = int(yy)
    return 1900 + n if n >= 70 else 2000 + n


def is_valid(year: int, month: int, day: int | None = None) -> bool:
    """True when the month (and day) exist in that year."""
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def weekday_of(date_str: str) -> str:
    """The Korean weekday ("월".."일") of a "YYYY-MM-DD" date."""
    y, m, d = (int(x) for x in date_str.split("-"))
    return WEEKDAYS[_dt.date(y, m, d).weekday()]


def weekday_matches(span: DateSpan) -> bool | None:
    """Whether the written weekday(s) agree with the date(s); None when nothing to check."""
    checks = [(span.start, span.weekday), (span.end, span.end_weekday)]
    if span.kind in ("day", "list") or span.end_weekday is None:
        checks = [(span.start, span.weekday)]
    out: bool | None = None
    for d, w in checks:
        if w and d and len(d) == 10:
            ok = weekday_of(d) == w
            out = ok if out is None else (out and ok)
    return out


def month_part_days(part: str, year: int, month: int) -> tuple[str, str]:
    """Day range of a month part: 초/초순/상순 01-10, 중순 11-20, 하순/말 21-end, 중 whole."""
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"초": (1, 10), "초순": (1, 10), "상순": (1, 10), "중순": (11, 20),
              "하순": (21, last), "말": (21, last)}.get(part, (1, last))
    return f"{year:04d}-{month:02d}-{lo:02d}", f"{year:04d}-{month:02d}-{hi:02d}"


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _year_of(m, t: str, ref_year: int) -> tuple[int, bool]:
    g = m.groupdict()
    if g.get(f"{t}_a"):
        return _y2(g[f"{t}_a"]), True
    if g.get(f"{t}_f"):
        return int(g[f"{t}_f"]), True
    if g.get(f"{t}_b"):
        return _y2(g[f"{t}_b"]), True
    rel = g.get(f"{t}_r")
    if rel:
        return ref_year + (1 if rel in ("내년", "명년") else 0), True
    return ref_year, False


def _period_span(m, t: str, y: int) -> tuple[str, str] | None:
    g = m.groupdict()
    if g.get(f"{t}_both"):
        return _ym(y, 1), _ym(y, 12)
    h = g.get(f"{t}_h") or g.get(f"{t}_hh")
    if h:
        return (_ym(y, 1), _ym(y, 6)) if h == "상" else (_ym(y, 7), _ym(y, 12))
    q = g.get(f"{t}_q") or g.get(f"{t}_qq") or g.get(f"{t}_qx")  # 1/4분기, 2Q, Q3
    if q:
        k = int(q)
        return _ym(y, 3 * k - 2), _ym(y, 3 * k)
    if g.get(f"{t}_yr"):
        return _ym(y, 1), _ym(y, 12)
    ye = g.get(f"{t}_ye")
    if ye:
        return {"초": (_ym(y, 1), _ym(y, 1)), "말": (_ym(y, 12), _ym(y, 12))}.get(ye, (_ym(y, 1), _ym(y, 12)))
    return None


def _point(m, ref_year: int, base_year: int | None) -> _Pt | None:
    """Interpret one ATOM match; base_year replaces ref_year for unwritten years."""
    t = m.lastgroup
    s, e = m.span()
    dflt = base_year if base_year is not None else ref_year
    if t == "bad":
        return _Pt(s, e, "invalid", valid=False)
    if t in ("rec", "none"):
        if t == "none":
            return _Pt(s, e, "none")
        return _Pt(s, e, "recurring", start=_ym(ref_year, 1), end=_ym(ref_year, 12))
    if t == "mm":
        a, b = int(m["mm_a"]), int(m["mm_b"])
        if not (1 <= a <= 12 and 1 <= b <= 12 and a < b):
            return None
        return _Pt(s, e, "range", year=dflt, start=_ym(dflt, a), end=_ym(dflt, b))
    if t in ("period", "yp"):
        y, explicit = _year_of(m, t, ref_year) if t == "yp" else (dflt, False)
        if not explicit:
            y = dflt
        se = _period_span(m, t, y)
        if se is None:
            return None
        return _Pt(s, e, "period", year=y, start=se[0], end=se[1], explicit=explicit)
    if t == "y":
        y, _ = _year_of(m, t, ref_year)
        if m["y_a"] and not m["y_n"] and not m["y_d"]:
            # an apostrophe year without 년 counts only before ~, 까지, ), , or the end
            rest = m.string[e:e + 3]
            if not (rest == "" or rest[0] in "~),;" or rest.lstrip().startswith(("~", "까지"))):
                return None
        return _Pt(s, e, "year", year=y, start=_ym(y, 1), end=_ym(y, 12), explicit=True)
    # point forms
    if t in ("iso", "ymdk", "ymd"):
        y, explicit = (int(m["iso_y"]), True) if t == "iso" else _year_of(m, t, ref_year)
        mo, d = int(m[f"{t}_m"]), int(m[f"{t}_d"])
    elif t in ("mdk", "md"):
        y, explicit = dflt, False
        mo, d = int(m[f"{t}_m"]), int(m[f"{t}_d"])
    elif t in ("ymk", "ym"):
        y, explicit = _year_of(m, t, ref_year)
        mo, d = int(m[f"{t}_m"]), None
        if t == "ym" and not 1 <= mo <= 12:
            return None  # "'25.13" without 월 is a figure after a year, not a 13th month
    else:  # mk
        y, explicit = dflt, False
        mo, d = int(m["mk_m"]), None
    part = m.groupdict().get(f"{t}_p")
    return _Pt(s, e, "day" if d is not None else "month", year=y, month=mo, day=d,
               explicit=explicit, part=part, valid=is_valid(y, mo, d))


def _pt_bounds(p: _Pt) -> tuple[str | None, str | None]:
    if p.start is not None or p.month is None or not p.valid:
        return p.start, p.end
    v = _ym(p.year, p.month) + (f"-{p.day:02d}" if p.day is not None else "")
    return v, v


def _bump(p: _Pt) -> None:
    """Move an end written without its year into the next year."""
    if p.year is not None:
        p.year += 1
        p.valid = p.month is None or is_valid(p.year, p.month, p.day)
