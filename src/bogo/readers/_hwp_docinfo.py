"""Numbering, bullets and bold character shapes from an HWP 5.0 ``DocInfo`` stream.

The HWPX path reads these from ``header.xml`` (:mod:`._owpml_numbering`); here
the same :class:`~._owpml_numbering.Numberer` is filled straight from the
records, with the ids the HWPX header uses: paragraph and character shapes by
record index, numberings and bullets by record index plus one.  A paragraph
shape states its heading kind in bits 23-24 of its first property word (1
outline, 2 number, 3 bullet), the numbering or bullet id, and a 0-based level
(its own word in newer files, else bits 25-27).  Levels past 6 have no OWPML
heading of their own (Hancom writes them in a ``switch`` the HWPX reader does
not follow), so neither reading numbers them.  Short or damaged records give
what they hold instead of stopping the document.
"""

from __future__ import annotations

import re
import struct

from ._hwp_records import BULLET, CHAR_SHAPE, NUMBERING, PARA_SHAPE, Records
from ._owpml_numbering import Heading, Numberer
from ._owpml_numbering import _Level as Level

#: OWPML ``numFormat`` names by the 5-bit code of a paragraph head
NUMBER_FORMAT = (
    "DIGIT", "CIRCLED_DIGIT", "ROMAN_CAPITAL", "ROMAN_SMALL", "LATIN_CAPITAL", "LATIN_SMALL",
    "CIRCLED_LATIN_CAPITAL", "CIRCLED_LATIN_SMALL", "HANGUL_SYLLABLE", "CIRCLED_HANGUL_SYLLABLE",
    "HANGUL_JAMO", "CIRCLED_HANGUL_JAMO", "HANGUL_PHONETIC", "IDEOGRAPH", "CIRCLED_IDEOGRAPH",
    "DECAGON_CIRCLE", "DECAGON_CIRCLE_HANJA",
)
_HEADING_KINDS = {1: "OUTLINE", 2: "NUMBER", 3: "BULLET"}
_MAX_HEADING_LEVEL = 6
_LEVELS = 10
_BOLD_BIT = 0x2
_SUPERSCRIPT_BIT = 1 << 15  # 위 첨자 (HWPX: <hh:supscript/>)
_CHAR_PROPS_AT = 46
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_clean(text: str) -> str:
    """``text`` as XML 1.0 can hold it: what the HWPX conversion would drop is dropped."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def read_docinfo(recs: Records) -> tuple[Numberer, set[str], set[str]]:
    """The document's numbering tables and the ids of its bold and of its superscript
    character shapes."""
    num = Numberer()
    bold: set[str] = set()
    superscript: set[str] = set()
    shapes = paras = numberings = bullets = 0
    for i, tag in enumerate(recs.tags):
        if tag == CHAR_SHAPE:
            p = recs.payload(i)
            props = struct.unpack_from("<I", p, _CHAR_PROPS_AT)[0] if len(p) >= _CHAR_PROPS_AT + 4 else 0
            if props & _BOLD_BIT:
                bold.add(str(shapes))
            if props & _SUPERSCRIPT_BIT:
                superscript.add(str(shapes))
            shapes += 1
        elif tag == PARA_SHAPE:
            heading = _para_heading(recs.payload(i))
            if heading is not None:
                num.headings[str(paras)] = heading
            paras += 1
        elif tag == NUMBERING:
            numberings += 1
            num.numberings[numberings] = _numbering_levels(recs.payload(i))
        elif tag == BULLET:
            bullets += 1
            p = recs.payload(i)
            code = struct.unpack_from("<H", p, 12)[0] if len(p) >= 14 else 0
            num.bullets[bullets] = xml_clean(chr(code)) if code else ""
    return num, bold, superscript


def _para_heading(p: bytes) -> Heading | None:
    if len(p) < 32:
        return None
    props1 = struct.unpack_from("<I", p, 0)[0]
    kind = _HEADING_KINDS.get((props1 >> 23) & 0x3)
    if kind is None:
        return None
    ref = struct.unpack_from("<H", p, 30)[0]
    # the optional words after the 42 fixed bytes, read in the order python-hwpx reads them
    at, level = 42, None
    if len(p) - at >= 4:
        at += 4
        if len(p) - at >= 8:
            at += 8
        if len(p) - at >= 4:
            level = struct.unpack_from("<I", p, at)[0]
    if level is None:
        level = (props1 >> 25) & 0x7
    if level > _MAX_HEADING_LEVEL:
        return None
    return Heading(kind, ref, level)


def _heads(p: bytes, at: int, count: int) -> tuple[list[tuple[int, str]], int]:
    """``count`` paragraph heads (property word, format text) from offset ``at``."""
    out: list[tuple[int, str]] = []
    for _ in range(count):
        if at + 14 > len(p):
            break
        props = struct.unpack_from("<I", p, at)[0]
        n = struct.unpack_from("<H", p, at + 12)[0]
        if at + 14 + 2 * n > len(p):
            break
        text = p[at + 14:at + 14 + 2 * n].decode("utf-16-le", errors="surrogatepass")
        out.append((props, xml_clean(text)))
        at += 14 + 2 * n
    return out, at


def _numbering_levels(p: bytes) -> dict[int, Level]:
    heads, at = _heads(p, 0, 7)
    starts = [1] * 7
    if len(heads) == 7:
        at += 2  # the numbering's own start
        if len(p) - at >= 28:
            starts = list(struct.unpack_from("<7I", p, at))
            at += 28
        extra: list[tuple[int, str]] = []
        extra_starts = [1] * 3
        if len(p) - at >= 3 * 14:
            extra, after = _heads(p, at, 3)
            if len(extra) == 3 and len(p) - after >= 12:
                extra_starts = list(struct.unpack_from("<3I", p, after))
            elif len(extra) < 3:
                extra = []
        heads += extra
        starts += extra_starts
    levels = {}
    for i, (props, text) in enumerate(heads, 1):
        code = (props >> 5) & 0x1F
        fmt = NUMBER_FORMAT[code] if code < len(NUMBER_FORMAT) else NUMBER_FORMAT[0]
        levels[i] = Level(text, fmt, starts[i - 1] if i - 1 < len(starts) else 1)
    for i in range(len(heads) + 1, _LEVELS + 1):
        levels[i] = Level("", "DIGIT", 1)
    return levels
