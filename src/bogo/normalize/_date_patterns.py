"""Compiled regular expressions for the Korean date normaliser (``dates.py``).

Role: the lexical half of date recognition.  Everything here is compiled once at
import.  The patterns run on *folded* text: ``FOLD`` is a strictly one-to-one
character map (so positions in the folded text are positions in the original),
turning curly apostrophes into ``'``, wave dashes into ``~`` and the Chinese
characters reports use for dates (年 月 日, 上半期/下半期, 第, 中 末 初 旬 and the
weekday characters) into their Hangul readings.

``ATOM`` is one alternation; each alternative is wrapped in an outer named group
(``iso``, ``ymdk``, ``ymd`` …) so ``m.lastgroup`` names the form that matched, and
its inner groups carry a prefix of that name.
"""

from __future__ import annotations

import re

_FOLD_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u00b4": "'", "\u2032": "'", "`": "'",
    "\u02ca": "'", "\u02bc": "'", "\u02bb": "'", "\uff07": "'",
    "\u223c": "~", "\uff5e": "~", "\u301c": "~", "\u2053": "~",
    "\u00b7": "·", "\u2024": "·", "\u2027": "·", "\u30fb": "·", "\uff65": "·", "\u318d": "·",
    "\u2219": "·", "\uff0f": "/", "\uff0e": ".", "\uff08": "(", "\uff09": ")", "\uff0c": ",",
    "\u00a0": " ", "\u3000": " ", "\t": " ",
    "年": "년", "月": "월", "日": "일", "上": "상", "下": "하", "半": "반", "期": "기",
    "分": "분", "第": "제", "中": "중", "末": "말", "初": "초", "旬": "순",
    "火": "화", "水": "수", "木": "목", "金": "금", "土": "토",
}
# full-width digits
_FOLD_MAP.update({chr(0xFF10 + i): str(i) for i in range(10)})
FOLD = str.maketrans(_FOLD_MAP)
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _FOLD_MAP) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_MAP[m.group()]


def fold(text: str) -> str:
    """``text.translate(FOLD)``, replacing only the few characters that fold (a
    translation looks every character up)."""
    return _FOLDABLE.sub(_fold_char, text)

# Cheap pre-filter: text without any of these cannot contain a date expression.
QUICK = re.compile(r"[0-9０-９]|반기|분기|半期|연[중말초내]|매[월주년일분반]|수시|상시|내년|금년|올해|명년")


_DAY = r"(?:3[01]|[12]\d|0?\d)(?!\d)"
_UNIT = r"\s?(?:%|배|점|억|만|천|조|원|명|건|개|회|톤|㎡|㎞|km|kg|시간|위|등|호|차|세|층|대)"


def _year_sep(t: str) -> str:
    """A year followed by its separator: 'YY (separator optional), YYYY or bare YY
    (separator 년 or '.' required), or a relative year word (내년, 금년…)."""
    return (
        rf"(?:'\s?(?P<{t}_a>\d{{2}})(?!\d)(?:\s?년도?|\s?\.)?"
        rf"|(?<![\d.,])(?P<{t}_f>(?:19|20)\d{{2}})(?!\d)(?:\s?년도?|\s?\.)"
        rf"|(?<![\w.,'])(?P<{t}_b>\d{{2}})(?!\d)(?:\s?년도?|\s?\.)"
        rf"|(?<![가-힣])(?P<{t}_r>내년|금년|올해|명년)도?)\s?"
    )


def _year_dot(t: str, bare: bool) -> str:
    """A numeric year directly before a '.' separated month ('18. / 2018. / 18.)."""
    alts = [rf"'\s?(?P<{t}_a>\d{{2}})", rf"(?<![\d.,])(?P<{t}_f>(?:19|20)\d{{2}})"]
    if bare:
        alts.append(rf"(?<![\w.,'])(?P<{t}_b>\d{{2}})")
    return "(?:" + "|".join(alts) + r")(?!\d)\s?\.\s?"


def _part(t: str) -> str:
    """An optional part of a month: 초/중/말, 초순/중순/하순 (6월 말, 8월중)."""
    return (
        rf"(?:\s?(?P<{t}_p>초순|상순|중순|하순|초|중|말)(?:경|께)?"
        r"(?=까지|부터|이후|에|[^가-힣]|$))?"
    )


def _period(t: str) -> str:
    """Halves, quarters and whole-year words."""
    return (
        rf"(?:(?P<{t}_both>상\s?[·/,]\s?하)\s?반기"
        rf"|(?P<{t}_h>[상하])\s?반기"
        rf"|(?:제\s?)?(?<![\d/.,])(?P<{t}_q>[1-4])\s?(?:[/·]\s?4\s?)?(?:분기|四반기)(?!별)"
        rf"|(?<![\d/.,A-Za-z])(?P<{t}_qq>[1-4])\s?Q(?![A-Za-z\d])|(?<![A-Za-z])Q(?P<{t}_qx>[1-4])(?!\d)"
        rf"|(?P<{t}_yr>연중)(?:\s?(?:계속|상시|수시))?"
        rf"|연(?P<{t}_ye>초|말|내)(?!정산|결산|시상))"
    )


_ALTS = [
    # 2018-07-12
    r"(?P<iso>(?<![\d.])(?P<iso_y>(?:19|20)\d{2})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d))",
    # 2018년 7월 12일
    rf"(?P<ymdk>{_year_sep('ymdk')}(?P<ymdk_m>\d{{1,2}})\s?월\s?(?P<ymdk_d>\d{{1,2}})\s?일)",
    # '18. 7. 12.  /  2019. 11. 15.  /  18. 7. 12.
    rf"(?P<ymd>{_year_dot('ymd', True)}(?P<ymd_m>\d{{1,2}})\s?\.\s?(?P<ymd_d>{_DAY})"
    rf"(?!\s?\.\s?\d)(?!{_UNIT})(?:\s?\.)?)",
    # '18년 8월, '18. 11월, 20. 5월, 내년 3월 (+ 초/중/말)
    rf"(?P<ymk>{_year_sep('ymk')}(?P<ymk_m>\d{{1,2}})\s?월{_part('ymk')})",
    # a five-digit "year" (20024년 3월, 20024. 3. 5.): a slip, read as an impossible date
    r"(?P<bad>(?<![\d.,])(?:19|20)\d{3}(?!\d)(?:\s?년도?(?:\s?\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?)?"
    r"|\s?\.\s?\d{1,2}\s?\.(?:\s?\d{1,2}(?!\d)\s?\.?)?))",
    # '18. 6  /  2018. 7.  (apostrophe or four-digit year only; not '24. 1/4분기)
    rf"(?P<ym>{_year_dot('ym', False)}(?P<ym_m>\d{{1,2}})(?!\d)(?!\s?\.\s?\d)(?!{_UNIT})"
    r"(?!\s?(?:[/·]\s?4\s?)?(?:분기|四반기)|\s?Q(?![A-Za-z]))(?:\s?\.)?)",
    # '18년 하반기, '20.상반기, 2020년 1/4분기, 내년 상반기; 'ˊ24.上 / ˊ24.下' (a half as one character)
    rf"(?P<yp>{_year_sep('yp')}(?:{_period('yp')}|(?P<yp_hh>[상하])(?![가-힣\w])))",
    # '18년, 2018년(도), '21 (apostrophe year alone), '25. before ~ ) : or the end ('25.~'26.), 내년
    r"(?P<y>(?:'\s?(?P<y_a>\d{2})(?!\d)(?P<y_d>\s?\.(?=\s*(?:[~),;:]|$)))?|(?<![\d.,])(?P<y_f>(?:19|20)\d{2})(?=\s?년)"
    r"|(?<![가-힣])(?P<y_r>내년|금년|올해|명년)(?!도\s?\d))(?P<y_n>\s?년도?)?)",
    # 7월 12일
    r"(?P<mdk>(?<![\d.])(?P<mdk_m>\d{1,2})\s?월\s?(?P<mdk_d>\d{1,2})\s?일)",
    # 4~6월, 6-7월 (a hyphen between two months, the second with 월)
    r"(?P<mm>(?<![\d.~'\-])(?P<mm_a>\d{1,2})\s?(?:~|-(?=\d{1,2}\s?월))\s?(?P<mm_b>\d{1,2})\s?월)",
    # 6월, 6월 말, 8월중
    rf"(?P<mk>(?<![\d.])(?P<mk_m>\d{{1,2}})\s?월{_part('mk')})",
    # 8.14  /  3. 22.  (accepted only in date-like context, see dates.py)
    rf"(?P<md>(?<![\w.'])(?<!\d,)(?P<md_m>\d{{1,2}})\s?\.\s?(?P<md_d>{_DAY})(?!\s?\.\d)"
    r"(?P<md_dot>\s?\.)?)",
    # 상반기, 1/4분기, 연중 계속
    rf"(?P<period>{_period('period')})",
    # 매월, 매주, 상시 (not 상시프로그램: a noun)
    r"(?P<rec>(?<![가-힣])(?:매(?:월|주|년|일|분기|반기)|상시(?![가-힣])))",
    # 수시: explicitly no date
    r"(?P<none>(?<![가-힣])수시)",
]
ATOM = re.compile("|".join(_ALTS))
# Every alternative of ATOM begins with one of these characters (a digit, the
# year apostrophe, or the first syllable of 내년/금년/올해/명년, 상·하반기, 상시,
# 제N분기, a quarter as Q2, 연중/연초/연말/연내, 매월…, 수시): the scanner tries ATOM only there.
START = re.compile(r"[\d'내금올명상하제연매수Q]")

WEEKDAY = re.compile(r"\s?\(\s?(?P<w>[월화수목금토일])(?:요일)?\s?\)")
TILDE = re.compile(r"\s{0,2}~\s{0,2}")
# the right side of a range written as a bare number: 4.20~21, '20. 4. ~ 8.
BARE_NUM = re.compile(r"(?P<n>\d{1,2})(?!\d)(?!\s?\.\s?\d)(?:\s?(?:일|월)|\s?\.)?")
# a month ending a range, followed by a counted figure: '25. 4~5. 16개 (see dates._bare_end)
MONTH_DOT_END = re.compile(r"(?P<n>\d{1,2})\s?\.(?=\s?(?P<k>\d{1,4}))")
# an apostrophe year ending a range of years: '26. ~ '29. (see dates._scan)
YEAR_END = re.compile(r"'\s?(?P<y>\d{2})(?!\d)(?:\s?년도?|\s?\.)?(?!\s?\d)")
# what may follow an open range "…~": nothing date-like
OPEN_END = re.compile(r"\s*(?:$|[)\],;:(]|[가-힣])")
UNIT_AFTER = re.compile(_UNIT + r"|\s?(?:년|월|분|m|p)")
DAY_LIST = re.compile(r"(?:\s?,\s?\d{1,2}(?!\d)(?!\s?\.\s?\d)(?!\s?[월년%]))+(?:\s?일)?")
MONTH_LIST = re.compile(r"(?:\s?,\s?\d{1,2}(?!\d)(?!\s?\.\s?\d)(?!\s?[일년%]))+(?:\s?월)?")
SUFFIX = re.compile(r"\s?(?P<s>限|까지|字|이후|부터)")
TIME_AFTER = re.compile(r"\s\d{1,2}(?:시|:\d{2})")
NUMS = re.compile(r"\d{1,2}")

# period titles (period_of_title): leading bullets/numbering, trailing brackets/(안),
# and the plan words after a period ("상반기 추진계획")
TITLE_LEAD = re.compile(
    r"^(?:[\s#□■○◦●◎◆◇▶▷▸‣•·\-－*※⇒➢>〈<\[【「(]|\d{1,2}[.)]|\(\d{1,2}\)|[가-하][.)]"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?|(?:I{1,3}|IV|V|VI{0,3}|IX|X)\.|[①-⑳])+"
)
TITLE_TAIL = re.compile(r"[\s:〉>\]】」)]*(?:\(안\))?[\s:〉>\]】」)]*$")
PLAN_WORDS = re.compile(r"(?:세부|향후|주요|금후)*(?:추진|조치|시행)?(?:계획|일정|실적|과제)?$")
SPACES = re.compile(r"\s+")
