"""Cover metadata: office, title, kind, date, session, committee.

Read from the paragraphs before the first numbered heading (the cover page) and,
failing that, from the first lines of the document.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph
from ..model import Meta
from ..normalize.text import compact

KINDS = ("주요업무보고", "현안업무보고", "업무계획", "행정사무감사", "업무보고", "예산안", "결산")
_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*[.년]\s*(?P<m>\d{1,2})\s*(?:[.월]\s*(?:(?P<d>\d{1,2})\s*[.일]?)?)?\s*$")
_SESSION = re.compile(r"제\s*(\d{2,4})\s*회\s*(?:[가-힣]*\s*)?(정례회|임시회)?")
_COMMITTEE = re.compile(r"([가-힣]{2,15}위원회)")
_OFFICE = re.compile(r"^[가-힣·ㆍ]{2,20}(?:실|국|본부|관|과|담당관|청|원|소|단|처|센터|사업소|공단|공사|재단|구|군|시|부)$")


def extract_meta(blocks: list[Block]) -> Meta:
    cover: list[Paragraph] = []
    for b in blocks[:40]:
        if isinstance(b, Paragraph):
            if b.marker and b.marker[0] in "ⅠⅡIⅢ1" and cover:
                break
            cover.append(b)
        elif cover:
            break
    meta = Meta()
    for p in cover:
        t = p.text
        key = compact(t)
        if meta.title is None and any(k in key for k in KINDS) and len(t) <= 60:
            meta.title = t
            meta.kind = next(k for k in KINDS if k in key)
            if meta.kind == "행정사무감사" and "처리결과" in key:
                meta.kind = "행정사무감사 처리결과"
            continue
        m = _DATE.match(t)
        if m and meta.date is None:
            y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
            if 1 <= mo <= 12:
                meta.date = f"{y:04d}-{mo:02d}" + (f"-{int(d):02d}" if d and 1 <= int(d) <= 31 else "")
            continue
        ms = _SESSION.search(t)
        if ms and meta.session is None:
            meta.session = f"제{ms.group(1)}회" + (f" {ms.group(2)}" if ms.group(2) else "")
        mc = _COMMITTEE.search(key)
        if mc and meta.committee is None and "위원회" in t and len(t) <= 40:
            meta.committee = mc.group(1)
        if meta.office is None and _OFFICE.match(key) and len(key) <= 20 and key not in KINDS:
            meta.office = key
    if meta.title is None:
        for p in cover[:3]:
            if p.text and len(p.text) <= 60 and not _DATE.match(p.text) and re.search("[가-힣]", p.text):
                meta.title = p.text
                break
    return meta
