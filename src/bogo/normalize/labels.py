"""The table vocabulary: total and subtotal words, header words, non-part columns.

One place for every word list that tells what a row or column label *is*:
a grand total (계, 합계, 총계 …), a subtotal (소계), a header stub (구분, 연도 …)
or a column that is not an additive part (rates, averages, changes …).  Readers,
structure, the table view, extraction and checks all ask these functions;
nobody keeps a list of their own.
"""

from __future__ import annotations

import re

from .text import compact

#: labels of a grand-total row or column (compared without spaces)
GRAND_TOTALS = frozenset({"계", "합계", "총계", "총합계", "합", "전체"})
#: labels of a subtotal row or column
SUB_TOTALS = frozenset({"소계"})
TOTAL_WORDS = GRAND_TOTALS | SUB_TOTALS

#: first header cells that mark a row of column labels
HEADER_FIRST = frozenset({"구분", "연도", "연번", "번호", "항목", "분야", "부서", "부서명", "사업명", "과목", "기관",
                          "기관명", "시정및처리요구사항", "건의사항", "조사분야", "연도구분"})

#: words in a first column's header that say the column names rows, whatever it
#: holds ("연도" over a column of years, "세부사업", "회계구분")
_LABEL_HEAD = re.compile(r"구분|연도|년도|항목|과목|부서|회계|기관|사업")


def label_head(header: str | None) -> bool:
    """Whether a first column's header says the column names rows."""
    return bool(_LABEL_HEAD.search(compact(header or "")))


#: the key of an audit item's status section ("추진상황", "처리 상태"): each item states it once
STATUS_KEY = r"(?:추진|처리|조치|진행)\s*(?:상황|상태)"


#: words a header line of a text export is made of (column labels, not data)
HEADER_WORDS = frozenset({
    "구분", "증감", "비고", "예산액", "집행액", "잔액", "정원", "현원", "건수", "예산", "금액", "연도", "연번",
    "번호", "항목", "내용", "분야", "대상", "기간", "목표", "실적", "비율", "집행률", "누적", "사업수", "예산현액",
    "일반직", "별정직", "임기제", "관리운영직",
}) | TOTAL_WORDS

#: header words marking a column that is not an additive part (rates, averages, changes…)
NON_PART_WORDS = ("%", "율", "률", "비율", "비중", "평균", "증감", "누계", "누적", "비고", "대비",
                  "기준", "순위", "전년", "차이", "과부족")

#: staffing vocabulary: employment types, and the words of a staffing context
EMPLOYMENT_TYPES = ("일반직", "별정직", "임기제", "관리운영직", "기능직", "정무직", "연구직", "지도직", "전문경력관",
                    "계약직", "공무직", "기간제", "청원경찰", "소방직", "교육직", "전문직", "경력직", "특정직")
#: the two sides of a headcount: a staffing row or column is one of them
HEADCOUNT_SIDES = ("정원", "현원")
STAFF_CONTEXT_WORDS = ("인력", *HEADCOUNT_SIDES, "인원")

_PAREN_TAIL = re.compile(r"\([^()]*\)$")


def norm_label(text: str | None) -> str:
    """A label without spaces, line breaks and trailing parentheticals ("계 (건/억원)" → "계")."""
    t = compact(text or "").replace("<br>", "")
    while True:
        s = _PAREN_TAIL.sub("", t)
        if s == t or not s:
            return t
        t = s


def total_kind(label: str | None) -> str | None:
    """"grand" for 계/합계/총계…, "sub" for 소계, else None."""
    n = norm_label(label)
    if n in GRAND_TOTALS:
        return "grand"
    if n in SUB_TOTALS:
        return "sub"
    return None


def is_total(label: str | None) -> bool:
    return total_kind(label) is not None


def is_grand_total(label: str | None) -> bool:
    return total_kind(label) == "grand"


def is_non_part(label: str) -> bool:
    """A column label of rates, averages, changes or remarks: never an additive part."""
    return any(w in label for w in NON_PART_WORDS)


def is_header_stub(label: str | None) -> bool:
    return compact(label or "") in HEADER_FIRST
