"""The vocabulary of 행정사무감사 처리결과: categories, statuses and category headings."""

from __future__ import annotations

import re

from ..normalize.labels import GRAND_TOTALS
from ..normalize.text import compact

CATEGORIES = ("시정·처리요구사항", "건의사항", "기타")
STATUSES = ("추진완료", "추진중", "검토중", "미반영")
TOTAL_WORDS = GRAND_TOTALS


def category_of(text: str | None) -> str | None:
    """시정·처리요구사항 / 건의사항 / 기타 for a category label, else None."""
    t = compact(text or "")
    if not t:
        return None
    if "시정" in t or "처리요구" in t or "지적사항" in t:
        return "시정·처리요구사항"
    if "건의" in t:
        return "건의사항"
    if "기타" in t or "자료제출" in t or "자료요구" in t:
        return "기타"
    return None


_NOT_TAKEN = re.compile(r"미반영|반영불가|불수용|수용불가|불가|미수용")
_ONGOING = re.compile(r"추진중|진행중|조치중|계속|추진$|진행$|중$")
#: done only in part, or only planned ("완료예정", "추진예정"): still open
_NOT_YET = re.compile(r"일부완료|부분완료|(?:완료|추진|조치|시행|처리|이행)예정")
#: closed without the word 완료 ("종결", "해결")
_CLOSED = re.compile(r"^(?:종결|해결|해소)")


def normalize_status(text: str | None) -> str | None:
    """추진완료 / 추진중 / 검토중 / 미반영 for a status phrase, else None."""
    t = compact(text or "")
    if not t:
        return None
    if _NOT_TAKEN.search(t):
        return "미반영"
    if "검토" in t:
        return "검토중"
    if _NOT_YET.search(t):
        return "추진중"
    if "완료" in t or _CLOSED.match(t):
        return "추진완료"
    if _ONGOING.search(t):
        return "추진중"
    return None


_STATUS_TEXT_MAX = 20


def status_text(text: str | None) -> str | None:
    """A status phrase as written, spaces collapsed ("추진 불가" stays "추진 불가"); None when empty."""
    t = " ".join((text or "").split())
    return t[:_STATUS_TEXT_MAX] or None


_CATEGORY_HEADING = re.compile(
    r"^(?:시정[·및]?처리요구사항|시정요구사항|처리요구사항|지적사항|건의사항|기타사항|기타|자료제출(?:등)?(?:기타사항|요구사항)?"
    r"|기타\(자료제출등\))(?:\(?총?\d+건\)?|[:：]총?\d+건)?$"
)


def is_category_heading(text: str) -> bool:
    """A short paragraph that names a category and nothing else."""
    return len(text) <= 40 and bool(_CATEGORY_HEADING.match(compact(text).strip(_BRACKETS)))


_BRACKETS = "[]【】〈〉<>《》()「」『』〔〕"
