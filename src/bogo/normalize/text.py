"""Korean typography normalisation of a line or cell.

``normalize_text`` is pure and idempotent: it maps private-use bullet glyphs
(Hancom/Wingdings, U+F000–U+F8FF) and compatibility forms to Unicode, folds
full-width ASCII, unifies middle dots and dashes, collapses whitespace and joins
spaced-out labels ("기 획 담 당 관" → "기획담당관") without gluing real word
sequences together.
"""

from __future__ import annotations

import re
import unicodedata

# Wingdings/Symbol code points as Hancom exports them into the PUA (U+F0xx).
PUA_BULLETS: dict[str, str] = {
    "\uf06c": "●", "\uf06e": "■", "\uf06f": "□", "\uf070": "□", "\uf071": "❑",
    "\uf075": "◆", "\uf076": "❖", "\uf077": "◆", "\uf09f": "•", "\uf0a0": "▪",
    "\uf0a1": "○", "\uf0a7": "▪", "\uf0a8": "◻", "\uf0b7": "•", "\uf0d8": "➢",
    "\uf0e0": "→", "\uf0e8": "➔", "\uf0f0": "⇨", "\uf0fc": "✓", "\uf0fe": "☑",
    "\uf0a2": "◎", "\uf0a4": "◉", "\uf06d": "❍", "\uf0b2": "◇", "\uf0b1": "◆",
    "\uf09e": "·", "\uf0d5": "⌫", "\uf0c4": "⇒", "\uf0db": "⇧", "\uf0f1": "▶",
    "\uf046": "☞", "\uf0f3": "⇨",
}
# Wingdings 0x80–0x95: circled digits ⓪①…⑩, then negative ones ⓿❶…❿
PUA_BULLETS.update({chr(0xF080 + k): c for k, c in enumerate("⓪①②③④⑤⑥⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿")})

# middle dots: Hancom's PDFs give the one of its fonts as the jamo arae-a (U+119E), which
# stands alone after a syllable ("수어ᆞ점자"), never in a syllable of modern text
_TRANSLATE = {
    0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: "",
    0xFEFF: "", 0x2024: "·", 0x2027: "·", 0x30FB: "·", 0xFF65: "·", 0x318D: "·",
    0x2219: "·", 0x00B7: "·", 0x22C5: "·", 0x119E: "·", 0x2022: "•", 0xFF0D: "-", 0x2212: "-", 0x2010: "-",
    0x2011: "-", 0x2013: "-", 0xFFED: "▪", 0x223C: "~", 0xFF5E: "~", 0x301C: "~",
    0x2018: "'", 0x2019: "'", 0x201B: "'", 0x00B4: "'", 0x2032: "'",
    0x201C: '"', 0x201D: '"', 0x3008: "〈", 0x3009: "〉",
}
_TRANSLATE.update({ord(k): v for k, v in PUA_BULLETS.items()})
_TRANSLATE.update({c: " " for c in range(0x2000, 0x200B)})
# Hancom's numbered-box glyphs in the supplementary private-use plane (U+F02B1 …)
# follow each other like ①②③: read them as circled numbers
_TRANSLATE.update({0xF02B1 + k: chr(0x2460 + k) for k in range(20)})
_TRANSLATE.update({0xFF62: "「", 0xFF63: "」"})
# bullet glyphs other fonts draw for the same bullets: large and medium circles (○), a
# small one (◦), ballot and shadowed boxes (□)
_TRANSLATE.update({0x25EF: "○", 0x26AA: "○", 0x26AC: "◦", 0x2610: "□", 0x25A2: "□", 0x274F: "□", 0x2750: "□"})
# parenthesised and full-stop numbers and Hangul as one glyph ("⑴", "⒈", "㈎", "㉮") → the
# numbering they stand for: (1), 1., (가), 가)
_TRANSLATE.update({0x2474 + k: f"({k + 1})" for k in range(20)})
_TRANSLATE.update({0x2488 + k: f"{k + 1}." for k in range(20)})
_TRANSLATE.update({0x320E + k: f"({h})" for k, h in enumerate("가나다라마바사아자차카타파하")})
_TRANSLATE.update({0x326E + k: f"{h})" for k, h in enumerate("가나다라마바사아자차카타파하")})
# full-width ASCII forms (Ａ–Ｚ, ０–９, punctuation) → ASCII
_TRANSLATE.update({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if c not in (0xFF0D, 0xFF5E)})

# a run of single Hangul syllables (or digits) separated by single spaces
_SPACED_RUN = re.compile(r"(?<![가-힣0-9A-Za-z])((?:[가-힣0-9] ){2,}[가-힣0-9])(?![가-힣0-9A-Za-z])")
_SPACED_PAIR_LABEL = re.compile(r"^([가-힣]) ([가-힣])(?=$|\t| ?[:(\[0-9])")
_SPACED_HINT = re.compile(r"[가-힣0-9] [가-힣0-9] [가-힣0-9]")
_FOLD = {chr(k): v for k, v in _TRANSLATE.items() if chr(k) != v}
# the characters fold changes, plus any private-use glyph (unknown ones become "•")
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _FOLD
                                     if not ("\ue000" <= c <= "\uf8ff" or c >= "\U000f0000"))
                       + "\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD.get(m.group(), "•")


def fold(text: str) -> str:
    """Character-level folding only: PUA bullets, full-width forms, dots, quotes.
    (A substitution at the few matching characters: much cheaper than
    ``str.translate`` over every character of the text.)"""
    return _FOLDABLE.sub(_fold_char, text)


def join_spaced(text: str) -> str:
    """Join spaced-out labels: three or more single syllables separated by single
    spaces ("기 획 담 당 관", "민 선 7 기"), and a two-syllable label at the start
    of a cell or line when a number, colon or the end follows ("인 력 306/274명").
    Runs that contain a digit must also contain at least two syllables.  In a
    long text only its beginning is looked at: a spaced label heads a line or a
    cell, and syllables spaced in the middle of prose are words ("및 그 외 각")."""
    if " " not in text:
        return text
    # positions are counted in non-space characters, which joining never changes,
    # so that normalising twice gives the same text
    head = len(text)
    if len(text) - text.count(" ") > _LONG:
        head = _HEAD_RE.match(text).end()  # just past the _HEAD-th non-space character
    hint = _SPACED_HINT.search(text, 0, head + 6)  # cheap superset of _SPACED_RUN
    if hint:
        text = _join_runs(text, hint.start(), head)
    if len(text) > 2 and text[1] == " " and "가" <= text[0] <= "힣":  # (what the pair pattern opens with)
        text = _SPACED_PAIR_LABEL.sub(_pair, text)
    return text


def _join_runs(text: str, start: int, head: int) -> str:
    """``text`` with each spaced run that starts before ``head`` joined.  No run starts
    before ``start``, the first three spaced syllables (:data:`_SPACED_HINT`), so the
    scan begins there (its lookbehind still sees the text before)."""
    out: list[str] = []
    last = 0
    for m in _SPACED_RUN.finditer(text, start):
        if m.start() >= head:
            break
        out += (text[last:m.start()], _join_run(m))
        last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


_LONG = 100   # texts longer than this …
_HEAD = 40    # … are joined in their first characters only
_HEAD_RE = re.compile(f"(?: *[^ ]){{{_HEAD}}}")


def _join_run(m: re.Match[str]) -> str:
    run = m.group(1)
    parts = run.split(" ")
    if sum(p.isdigit() for p in parts) > len(parts) - 2:
        return run
    if parts[0].isdigit() and not parts[1].isdigit():
        # "2 강 화" style counters are rare; keep a leading number separate
        return parts[0] + " " + "".join(parts[1:])
    return "".join(parts)


def _pair(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2)


def normalize_text(text: str, folded: bool = False) -> str:
    """Full normalisation of a line or cell text (idempotent).  ``folded`` says
    the caller has applied :func:`fold` already (readers fold a whole chunk of
    lines in one call)."""
    if text.isascii():
        # nothing to fold or compose, and no syllable to join: a run of spaced
        # digits alone stays as it is (:func:`_join_run`)
        return collapse_spaces(text)
    if not folded:
        text = fold(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # composing may make a character that folds (U+1FFD → ´ → '): fold once more
        text = unicodedata.normalize("NFC", fold(unicodedata.normalize("NFC", text)))
    return join_spaced(collapse_spaces(text))


# whitespace that ``" ".join(text.split())`` would change inside a text: any but a
# single space (``\s`` is the whitespace of ``str.split``)
_MESSY_SPACE = re.compile(r"[^\S ]|  ")


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``: every run of whitespace one space, none at the
    ends — without splitting a text that is already so (most are)."""
    if text[:1] == " " or text[-1:] == " " or _MESSY_SPACE.search(text):
        return " ".join(text.split())
    return text


def compact(text: str) -> str:
    """A key for comparing labels: all whitespace removed."""
    return "".join(text.split())


_HANGUL_SYLLABLES = re.compile("[가-힣]")  # every one East Asian Wide


def display_width(s: str) -> int:
    """Columns ``s`` takes in a fixed-width rendering: two for each East Asian Wide or
    Fullwidth character, one for any other (Hangul syllables counted in one regex pass)."""
    if s.isascii():
        return len(s)
    rest, wide = _HANGUL_SYLLABLES.subn("", s)
    if not rest.isascii():
        wide += sum(1 for ch in rest if ch > "\x7f" and unicodedata.east_asian_width(ch) in "WF")
    return len(s) + wide


#: a page number standing alone: "7", "- 7 -", "(7)", "3/4", "3 / 12"
_PAGE_NUMBER = re.compile(r"^[-–(]?\s*\d{1,4}\s*[-–)]?$|^\d{1,4}\s*/\s*\d{1,4}$")


def is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number (page furniture, not content)."""
    return bool(_PAGE_NUMBER.match(text.strip()))


_DIGIT_RUN = re.compile(r"\d+")


def furniture_key(text: str) -> str | None:
    """What stays the same of a line repeated on every page (a running header or
    footer): its text without spaces and with each number masked (the page number
    changes); None when nothing but numbers and dashes is left (a bare page number)."""
    key = _DIGIT_RUN.sub("#", "".join(text.split()))
    return key if key.strip("#-–—·.()[]|") else None

