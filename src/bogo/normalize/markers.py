"""Bullet and numbering markers at the start of a paragraph.

``split_marker("□ 추진방향")`` → ``("□", "추진방향")``.  ``marker_kind`` names the
family of a marker ("roman", "num", "circled", "paren_num", "hangul", "square",
"circle", "dash", …) so the outline builder can rank them.  Readers of every
format use this one function, so markers look the same whatever the source.
Circled numbers come in several digit sets (① ❶ ➀ ➊ ⓵); the jamo ㅇ typed for
○ is that bullet.  A bare number ("1 …") is a marker before a Hangul word, a
quote, a year, a bracketed word ("3 (가칭)부산…") or a Latin abbreviation
("8 K-블루푸드…", "2 BRT 확충").  A glyph the export could not encode ("? 국민의 …",
as CP949 writes a private-use bullet) is a bullet, as a private-use glyph is.
"""

from __future__ import annotations

import re
from functools import lru_cache

ROMAN_UNI = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# the other circled digit sets fonts draw task numbers with: negative ❶–❿ and ⓫–⓴,
# sans-serif ➀–➉ and negative sans-serif ➊–➓, double-circled ⓵–⓾ (each → its ordinal)
CIRCLED_ALT = {c: n for base in ("❶❷❸❹❺❻❼❽❾❿⓫⓬⓭⓮⓯⓰⓱⓲⓳⓴", "➀➁➂➃➄➅➆➇➈➉", "➊➋➌➍➎➏➐➑➒➓", "⓵⓶⓷⓸⓹⓺⓻⓼⓽⓾")
               for n, c in enumerate(base, 1)}
_CIRCLED_ANY = CIRCLED + "".join(CIRCLED_ALT)
SYMBOLS = "□■▣○●◦∘‣▶▸▷►▹-·•▪※⇒⇨→◇◆◈◊❍➢✓*◎◉❑❖➔☞◻○▫◼⦁"

#: an ordinal of its own kind, 제N편 / 제N장 / 제N절 / 제N조 / 제N관 ("제 2 절" spaced)
ORDINAL_HEAD = r"제\s?(?P<n>\d{1,3})\s?(?P<k>[편장절조관])"
ORDINAL_MARKER = re.compile(ORDINAL_HEAD)

_MARKER = re.compile(
    r"^(?:"
    r"(?P<roman>[" + ROMAN_UNI + r"]\.?|(?:X{0,3}(?:IX|IV|V?I{0,3}))\.(?=\s))"
    r"|(?P<circled>[" + _CIRCLED_ANY + r"])"
    r"|(?P<paren_num>\(\d{1,2}\)|\d{1,2}\))"
    r"|(?P<num>\d{1,2}\.(?!\d))"
    r"|(?P<hangul>[가나다라마바사아자차카타파하][.)])"
    r"|(?P<paren_hangul>\([가나다라마바사아자차카타파하]\))"
    r"|(?P<bare_num>\d{1,2}(?=\s+(?:[가-힣「『\"']|(?:19|20)\d{2}(?:년|\s+[가-힣A-Z「『])|\([가-힣][가-힣\s]{1,10}\)\s?[가-힣]{2}|[A-Z]-[가-힣]|[A-Z]{2,5}\s[가-힣])))"
    r"|(?P<sym>[" + re.escape(SYMBOLS) + r"]+)"
    r")\s*"
)

#: what an export writes for a character its encoding lacks (CP949: "?"); before a word at
#: the start of a line it stood for a bullet or a numbered box glyph, as a private-use glyph does
LOST_GLYPHS = "?\ufffd"
_HANGUL_ORD = "가나다라마바사아자차카타파하"
_SYMBOL_SET = frozenset(SYMBOLS)
_JAMO_BULLET_NEXT = frozenset(" '‘’ˊ`(")

SYMBOL_KIND = {
    "□": "square", "■": "square", "▣": "box_title", "❑": "square", "◻": "square", "◼": "square",
    "○": "circle", "●": "circle", "◦": "small_circle", "∘": "small_circle", "❍": "circle",
    "◎": "circle", "◉": "circle", "⦁": "circle",
    "-": "dash", "·": "dot", "•": "dot", "‣": "tri", "▶": "tri", "▸": "tri", "▷": "tri",
    "►": "tri", "➢": "tri", "▪": "small_square", "▫": "small_square", "※": "note",
    "*": "note", "⇒": "arrow", "⇨": "arrow", "→": "arrow", "➔": "arrow", "☞": "arrow",
    "◇": "diamond", "◆": "diamond", "◈": "diamond", "◊": "diamond", "▹": "tri", "❖": "diamond", "✓": "check",
}


def opens_item(text: str) -> bool:
    """Whether a line opening with ``text`` starts an item of its own where it could also
    carry on the line above (a line broken at a fixed width, a wrapped cell): it opens with
    a marker — but not the jamo ㅇ glued to its word ("ㅇ원시 …"), which Hancom also runs
    inline, item after item, inside one cell's paragraph."""
    return bool(split_marker(text)[0]) and not (text[:1] == "ㅇ" and "가" <= text[1:2] <= "힣")


def split_marker(text: str) -> tuple[str, str]:
    """Split a leading marker off ``text`` (already normalised)."""
    if not text:
        return "", text
    c = text[0]
    if c == "ㅇ" and (text[1:2] in _JAMO_BULLET_NEXT or "가" <= text[1:2] <= "힣") and text[2:].strip():
        # the jamo ㅇ typed for the ○ bullet ("ㅇ 추진내용", "ㅇ'25. 3. : 착공", "ㅇ인력 ▸…": no
        # word opens with a lone jamo); "ㅇㅇ구" is a placeholder
        return "○", text[1:].strip()
    if "가" <= c <= "힣" and not (c in _HANGUL_ORD and text[1:2] in (".", ")")):
        return "", text  # plain text: no marker starts with another syllable
    if c in LOST_GLYPHS and text[1:2] == " " and "가" <= text[2:3] <= "힣":
        return "•", text[2:]  # a glyph the export could not encode, where a private-use bullet stood
    if c in _SYMBOL_SET and text[1:2] == " ":
        rest = text[2:].strip()
        return (c, rest) if rest or c not in "-*" else ("", text)  # the common "- 내용", "○ 내용"
    m = _MARKER.match(text)
    if not m or m.end() == 0:
        return "", text
    marker = m.group(0).strip()
    rest = text[m.end():]
    if not marker:
        return "", text
    if m.lastgroup == "sym":
        # "-1,000" or "->" is not a bullet; "※" and dashes need a following space or text
        if marker in ("-", "*") and (not rest or text[1:2].isdigit()):  # "-1,000" is a number
            return "", text
        marker = marker[0] if len(set(marker)) == 1 else marker
    if m.lastgroup == "roman" and not marker.strip("."):
        return "", text
    return marker, rest.strip()


@lru_cache(maxsize=1024)
def marker_kind(marker: str) -> str:
    """The family of a marker, used to rank outline levels."""
    if not marker:
        return ""
    c = marker[0]
    if c in SYMBOL_KIND:
        return SYMBOL_KIND[c]
    if c in ROMAN_UNI or _ROMAN_DOT.fullmatch(marker):
        return "roman"
    if c in CIRCLED or c in CIRCLED_ALT:
        return "circled"
    if marker.startswith("(") and marker[1:2].isdigit() or _NUM_PAREN.fullmatch(marker):
        return "paren_num"
    if _NUM_DOT.fullmatch(marker):
        return "num"
    if marker.isdigit():
        return "bare_num"
    if _HANGUL_DOT.fullmatch(marker):
        return "hangul"
    if _PAREN_HANGUL.fullmatch(marker):
        return "paren_hangul"
    return "other"


_ROMAN_DOT = re.compile(r"[IVX]+\.")
_NUM_PAREN = re.compile(r"\d+\)")
_NUM_DOT = re.compile(r"\d+\.")
_HANGUL_DOT = re.compile(r"[가-하][.)]")
_PAREN_HANGUL = re.compile(r"\([가-하]\)")
_ORD_NUM = re.compile(r"\(?(\d+)[.)]?")
_ORD_ROMAN = re.compile(r"([IVX]+)\.")
_ORD_HANGUL = re.compile(r"\(?([가-하])[.)]")


def ordinal_number(marker: str) -> int | None:
    """The number of an ordinal marker written out as a word ("제3절" → 3), else None."""
    m = ORDINAL_MARKER.fullmatch(marker)
    return int(m.group("n")) if m else None


@lru_cache(maxsize=1024)
def marker_number(marker: str) -> int | None:
    """The ordinal a numbering marker stands for (Ⅲ → 3, ② → 2, "4." → 4)."""
    if not marker:
        return None
    c = marker[0]
    if c in ROMAN_UNI:
        return ROMAN_UNI.index(c) + 1
    if c in CIRCLED:
        return CIRCLED.index(c) + 1
    if c in CIRCLED_ALT:
        return CIRCLED_ALT[c]
    m = _ORD_NUM.fullmatch(marker)
    if m:
        return int(m.group(1))
    m = _ORD_ROMAN.fullmatch(marker)
    if m:
        vals = {"I": 1, "V": 5, "X": 10}
        s, total = m.group(1), 0
        for i, ch in enumerate(s):
            v = vals[ch]
            total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
        return total
    m = _ORD_HANGUL.fullmatch(marker)
    if m:
        return "가나다라마바사아자차카타파하".index(m.group(1)) + 1
    return None
