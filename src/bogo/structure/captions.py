"""Caption, unit, as-of date and notes of a table, from the paragraphs around it.

Reports state a table's unit once above it ("(단위 : 백만원)", "(기준 / 단위 :
'20. 1. 31. / 명)") and its caption on the line before ("○ 총괄표", "【 … 】",
"2 인력 현황").  Notes ("※ 사업수는 … 제외", "* …") follow it.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph
from ..normalize.dates import AS_OF_WORDS
from ..normalize.measures import starts_with_unit

_UNIT = re.compile(r"단위\s*[:：]?\s*(?:[^)\]]*?/\s*)?(?P<unit>[가-힣a-zA-Z㎡%,/ ]+?)\s*[)\]】]")
_UNIT2 = re.compile(r"(?:기준\s*/\s*단위|단위\s*/\s*기준)\s*:\s*(?P<a>[^/]+)/\s*(?P<b>[^)]+)\)")
_ASOF = re.compile(r"[(（]\s*(?P<d>['’]?\d{2,4}\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.?)?)\s*" + AS_OF_WORDS + r"?\s*[)）]"
                   r"|(?P<d2>['’]?\d{2,4}\.\s*\d{1,2}\.\s*\d{0,2}\.?)\s*" + AS_OF_WORDS)
_CAPTION_STRIP = re.compile(r"\s*[(（][^()]*단위[^()]*[)）]\s*|\s*\[[^\]]*[:：][^\]]*\]\s*")
_BRACKETS = re.compile(r"^[\[【〔〈<《「\s]+|[\]】〕〉>》」\s]+$")


_UNIT_ONLY = re.compile(r"[(（\[]\s*(?:기준\s*/\s*)?단위\s*[:：][^()\[\]]*[)）\]]")
_DIGIT = re.compile(r"\d")
_NOTE_LEAD = re.compile(r"[※*].*")

def find_unit(text: str) -> str | None:
    m = _UNIT2.search(text)
    if m:
        for g in (m.group("b"), m.group("a")):
            u = g.strip()
            if starts_with_unit(u) and not _DIGIT.search(u):
                return u
    m = _UNIT.search(text)
    if m:
        u = m.group("unit").strip().rstrip(",").strip()
        return u or None
    return None


def find_as_of(text: str) -> str | None:
    m = _ASOF.search(text)
    if m:
        return (m.group("d") or m.group("d2")).strip()
    m = _UNIT2.search(text)
    if m:
        a = m.group("a").strip()
        if _DIGIT.search(a):
            return a
    return None


def strip_brackets(text: str) -> str:
    """A title without the brackets around it ("【 가구별 주택가격 】" → "가구별 주택가격")."""
    return _BRACKETS.sub("", text).strip()


def clean_caption(p: Paragraph) -> str:
    return strip_brackets(_CAPTION_STRIP.sub(" ", p.text).strip())


def caption_for(before: list[Paragraph]) -> tuple[str | None, str | None, str | None]:
    """(caption, unit, as_of) from the paragraphs just above a table, nearest last."""
    unit = as_of = caption = None
    extra = 0
    for p in reversed(before[-4:]):
        t = p.text
        if unit is None:
            unit = find_unit(t)
        if as_of is None:
            as_of = find_as_of(t)
        if caption is not None:
            # a unit line may sit one paragraph above the caption
            extra += 1
            if extra > 1 or (unit and as_of):
                break
            continue
        stripped = clean_caption(p)
        if stripped and not _ASOF.fullmatch(stripped) and not _NOTE_LEAD.fullmatch(p.marker + stripped):
            if len(stripped) > 80 or p.marker == "-":
                break
            caption = stripped
    return caption, unit, as_of


def unit_below(blocks: list[Block], start: int) -> str | None:
    """A unit printed under its table: "(단위 : 억원, %)" alone on the first line after
    it (``blocks[start]`` on; notes aside), with nothing after it or a marked paragraph
    (□, ○, a heading).  Units usually open the next table instead, so a unit line
    followed by a table or by unmarked text (the header rows of a table not
    recognised) is not taken."""
    for k in range(start, min(start + 4, len(blocks))):
        b = blocks[k]
        if not isinstance(b, Paragraph):
            return None
        if b.marker in ("※", "*") or b.text.startswith(("※", "*")):
            continue
        if not _UNIT_ONLY.fullmatch(b.text.strip()):
            return None
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is None or (isinstance(nxt, Paragraph) and nxt.marker):
            return find_unit(b.text)
        return None
    return None


def notes_after(after: list[Paragraph]) -> list[str]:
    notes = []
    for p in after[:4]:
        if p.marker in ("※", "*") or p.text.startswith(("※", "*")):
            notes.append((p.marker + " " + p.text).strip())
        else:
            break
    return notes
