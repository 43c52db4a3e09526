"""Cover metadata: office, title, kind, date, session, committee.

Read from the paragraphs before the first numbered heading (the cover page) and,
failing that, from the first lines of the document.

The date is the cover line that holds a date with its year and nothing else
but a weekday, a time, the committee or the session ("2024. 2. 6. (화)",
"2024. 2. 13.(화) 10:00", "행정문화위원회 2025. 2. 10. (월)", "2018. 7").  When the
cover has none, the first as-of note with a year and a month dates the report
("('24.6.30. 기준)", "(기준 : '25. 2. 1.)").  A year alone ("2025년도") never does.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph
from ..model import Meta
from ..normalize.dates import AS_OF_WORDS, find_dates
from ..normalize.text import compact

KINDS = ("주요업무보고", "현안업무보고", "업무계획", "행정사무감사", "업무보고", "예산안", "결산")
#: a kind written with a word between its parts ("주요 업무 추진 계획"), on the compact text
_KIND_SPELLED = re.compile(r"업무(?:추진|시행|운영)계획")
#: paragraphs after a line on the organisation ("조직", "조 직 : 5과 …") searched for
#: the root of its chart, the office itself, when the cover names none
ORG_CHART_LOOKAHEAD = 3
#: blocks searched for the organisation line
ORG_CHART_BLOCKS = 150
#: cover lines that may hold the title when none names a kind of report
TITLE_LINES = 5
#: Hangul syllables a dated title holds beside its dates at least ("일일굴착복구공사
#: 현황보고('26.06.26)" is one; "보도시점 2024. 6. 21.(금) 11:00 배포 …" is a date line)
TITLE_MIN_SYLLABLES = 8
#: what a cover calls the kind of paper it is, never its title ("보도자료" over the headline)
DOCUMENT_LABELS = frozenset({"보도자료", "보도참고자료", "참고자료", "설명자료", "해명자료", "보도해명자료", "설명해명자료"})
_SESSION = re.compile(r"제\s*(\d{2,4})\s*회")
#: the kind of session, after its number and at most the council's name ("제325회 부산광역시의회 임시회")
_SESSION_KIND = re.compile(r"^[\s가-힣\d]{0,20}?(정례회|임시회)")
_COMMITTEE = re.compile(r"([가-힣]{2,15}위원회)")
_OFFICE = re.compile(r"^[가-힣·ㆍ]{2,20}(?:실|국|본부|관|과|담당관|청|원|소|단|처|센터|사업소|공단|공사|재단|구|군|시|부)$")
# words that end like a unit but name a heading or a label ("감사결과", "감사기관")
_NOT_OFFICE = re.compile(r"(?:결과|성과|효과|기관|기간|현황|목적|개요|순서|목차|일반현황|기본현황)$")

# a date written with its year: 'YY. / YYYY. / YYYY년 (the form a cover uses)
_YEAR_WRITTEN = re.compile(r"^(?:['’‘ˊ`]\s?\d{2}|(?:19|20)\d{2})\s*[.년]")
# what may stand beside the date on a cover line
_COVER_NOISE = re.compile(
    r"\(\s*[월화수목금토일](?:요일)?\s*\)|(?:오전|오후)?\s*\d{1,2}\s*[:시]\s*(?:\d{2}\s*분?)?"
    r"|[가-힣]{2,15}위원회|제\s*\d{2,4}\s*회(?:\s*[가-힣]{0,8}(?:정례회|임시회))?|[\s.,·()\[\]~\-–]+"
)
_AS_OF = re.compile(r"\(\s*([^()]{3,30}?)\s*" + AS_OF_WORDS + r"\s*\)|\(\s*기준\s*[:：]?\s*([^()]{3,30}?)\s*\)")


_SYLLABLE = re.compile("[가-힣]")

def _written_date(text: str) -> tuple[str, str] | None:
    """(raw, "YYYY-MM[-DD]") of the first day- or month-precise date of ``text``
    whose year is written, else None."""
    for sp in find_dates(text, 2000):
        if sp.kind in ("day", "month") and sp.start and sp.valid and _YEAR_WRITTEN.match(sp.raw):
            return sp.raw, sp.start
    return None


def cover_date(text: str) -> str | None:
    """The date of a cover line that is only a date (with weekday, time,
    committee or session beside it), else None."""
    if not text or len(text) > 60:
        return None
    got = _written_date(text)
    if got is None:
        return None
    raw, date = got
    rest = _COVER_NOISE.sub("", text.replace(raw, " ", 1))
    return date if not rest or _is_office(rest) else None


def as_of_date(text: str) -> str | None:
    """The date of an as-of note in ``text`` ("('24.6.30. 기준)"), else None."""
    for m in _AS_OF.finditer(text):
        got = _written_date(m.group(1) or m.group(2) or "")
        if got is not None:
            return got[1]
    return None


def _cover(blocks: list[Block]) -> list[Paragraph]:
    cover: list[Paragraph] = []
    for b in blocks[:40]:
        if isinstance(b, Paragraph):
            if b.marker and b.marker[0] in "ⅠⅡIⅢ1" and cover:
                break
            cover.append(b)
        elif cover:
            break
    return cover


def _is_office(key: str) -> bool:
    return bool(_OFFICE.match(key)) and len(key) <= 20 and key not in KINDS and not _NOT_OFFICE.search(key)


def _kind(key: str) -> str | None:
    """The kind of report a compact cover line names, if any."""
    got = next((k for k in KINDS if k in key), None)
    if got is None and _KIND_SPELLED.search(key):
        got = "업무계획"
    return got


#: what a title holds besides the office it names: the year and the kind of report
_TITLE_YEAR = re.compile(r"^\s*(?:['’]\d{2}|(?:19|20)\d{2})\s*년도?\s*")
_TITLE_KIND_WORDS = re.compile(r"(?:주요|현안)?\s*업무\s*(?:추진|시행|운영)?\s*(?:보고|계획)(?:서)?\s*$")


def title_office(title: str | None) -> str | None:
    """The office a title names between its year and its kind of report ("2022년
    국립국어원 업무계획", "고용노동부 업무보고"): its last word that is an office."""
    if not title:
        return None
    rest = _TITLE_YEAR.sub("", title)
    m = _TITLE_KIND_WORDS.search(rest)
    if m is None:
        return None
    words = rest[:m.start()].split()
    return next((w for w in reversed(words) if _is_office(w)), None)


def chart_office(blocks: list[Block]) -> str | None:
    """The office at the root of the organisation chart: the first bare office name
    within a few paragraphs after the line that opens the organisation ("조직·인력",
    "조 직 : 5과 (24팀 1TF)"), in the first pages.  A cover without the office's name
    (it is often a picture) still has its chart."""
    paras = [b for b in blocks[:ORG_CHART_BLOCKS] if isinstance(b, Paragraph)]
    for i, p in enumerate(paras):
        if not compact(p.text).startswith("조직"):
            continue
        for q in paras[i + 1:i + 1 + ORG_CHART_LOOKAHEAD]:
            key = compact(q.text)
            if _is_office(key):
                return key
    return None


def extract_meta(blocks: list[Block]) -> Meta:
    cover = _cover(blocks)
    meta = Meta()
    for p in cover:
        t = p.text
        key = compact(t)
        kind = _kind(key)
        if meta.title is None and kind and len(t) <= 60:
            meta.title = t
            meta.kind = kind
            if meta.kind == "행정사무감사" and "처리결과" in key:
                meta.kind = "행정사무감사 처리결과"
            continue
        d = cover_date(t)
        if d and meta.date is None:
            meta.date = d
        ms = _SESSION.search(t)
        if ms and meta.session is None:
            mk = _SESSION_KIND.match(t[ms.end():])
            meta.session = f"제{ms.group(1)}회" + (f" {mk.group(1)}" if mk else "")
        mc = _COMMITTEE.search(key)
        if mc and meta.committee is None and "위원회" in t and len(t) <= 40:
            meta.committee = mc.group(1)
        if d:
            key = compact(_COVER_NOISE.sub("", t.replace(_written_date(t)[0], " ", 1)))
        if meta.office is None and _is_office(key):
            meta.office = key
    if meta.office is None:
        meta.office = title_office(meta.title) or chart_office(blocks)
    if meta.date is None:
        meta.date = next((d for b in blocks if isinstance(b, Paragraph) and ("기준" in b.text or "현재" in b.text)
                          for d in [as_of_date(b.text)] if d), None)
    if meta.title is None:
        for p in cover[:TITLE_LINES]:
            # the first short line of words: not the paper's kind ("보도자료"), nor a dated
            # line ("보도시점 2024. 6. 21.(금) 11:00 …")
            if p.text and len(p.text) <= 60 and _SYLLABLE.search(p.text) and not _date_line(p.text) \
                    and compact(p.text) not in DOCUMENT_LABELS:
                meta.title = p.text
                break
    return meta


def _date_line(text: str) -> bool:
    """A line that states dates with a few words ("(온라인) 2025. 12. 2.(화) 16:00 보도시점")."""
    if _written_date(text) is None:
        return False
    rest = text
    for sp in find_dates(text, 2000):
        rest = rest.replace(sp.raw, " ")
    return len(_SYLLABLE.findall(_COVER_NOISE.sub(" ", rest))) < TITLE_MIN_SYLLABLES

