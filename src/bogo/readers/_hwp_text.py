"""The text of one HWP 5.0 paragraph: ``PARA_TEXT`` units into text pieces, ``PARA_CHAR_SHAPE`` into runs.

UTF-16 units under 32 are control characters: one unit for a char control
(line break 10 → ``\\n``, hyphen 24 → ``-``, fixed-width and non-breaking
spaces 30/31 → a space, paragraph end 13 and the reserved codes → nothing),
eight units for an inline control (a tab, 9 → ``\\t``; field ends, title
marks → nothing) and for an extended control (a table, drawing, note, section
definition: counted, since the n-th stands for the paragraph's n-th
``CTRL_HEADER``).  Text the HWPX conversion could not carry in XML (lone
surrogates, U+FFFE/U+FFFF) is dropped the same way, so both readings agree.
Each piece keeps its UTF-16 unit span, which character shape runs are counted in.
"""

from __future__ import annotations

import codecs
import re
import struct

from ._hwp_docinfo import xml_clean

# a run of UTF-16LE units that are not control characters (code >= 32), from an even offset
_TEXT_UNITS = re.compile(rb"(?:[\x20-\xff][\x00-\xff]|[\x00-\x1f][\x01-\xff])*")
_CONTROL = re.compile("[\x00-\x1f]")
_CHAR_CONTROLS = frozenset({0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31})
_EXTENDED = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
_CHAR_TEXT = {10: "\n", 24: "-", 30: " ", 31: " "}
_TAB = 9
_decode = codecs.utf_16_le_decode  # the codec itself: bytes.decode looks its name up on every call
_PARA_END = 13

Piece = tuple[int, int, str, bool]  # first unit, end unit, text, from the text itself


def split_text(p: bytes) -> tuple[list[Piece], int]:
    """Text pieces of a ``PARA_TEXT`` payload and the number of extended controls in it."""
    n = len(p) & ~1
    s = _decode(p if n == len(p) else p[:n], "surrogatepass")[0]
    if 2 * len(s) != n:  # a surrogate pair became one character: count in UTF-16 units
        return _split_units(p, n)
    body = s[:-1] if s and s[-1] == "\r" else s
    if body.isprintable():  # no control character and nothing XML would drop
        return ([(0, len(body), body, True)] if body else []), 0
    pieces: list[Piece] = []
    n_ext = pos = 0
    end = len(s)
    search = _CONTROL.search
    while pos < end:
        m = search(s, pos)
        e = m.start() if m else end
        if e > pos:
            pieces.append((pos, e, xml_clean(s[pos:e]), True))
        if m is None:
            break
        code = ord(s[e])
        pos = e + 1
        if code in _CHAR_CONTROLS:
            if code in _CHAR_TEXT:
                pieces.append((e, pos, _CHAR_TEXT[code], False))
            continue
        if code == _TAB:
            pieces.append((e, e + 8, "\t", False))
        elif code in _EXTENDED:
            n_ext += 1
        pos = min(e + 8, end)
    return pieces, n_ext


def _split_units(p: bytes, n: int) -> tuple[list[Piece], int]:
    """:func:`split_text` on raw units, for text with characters outside the BMP."""
    pieces: list[Piece] = []
    n_ext = 0
    pos = 0
    match = _TEXT_UNITS.match
    while pos < n:
        e = match(p, pos, n).end()
        if e > pos:
            pieces.append((pos >> 1, e >> 1, xml_clean(_decode(p[pos:e], "surrogatepass")[0]), True))
        if e >= n:
            break
        code = p[e]
        if code in _CHAR_CONTROLS:
            if code in _CHAR_TEXT:
                pieces.append((e >> 1, (e >> 1) + 1, _CHAR_TEXT[code], False))
            pos = e + 2
            continue
        if code == _TAB:
            pieces.append((e >> 1, (e >> 1) + 8, "\t", False))
        elif code in _EXTENDED:
            n_ext += 1
        pos = min(e + 16, n)
    return pieces, n_ext


def char_shape_runs(p: bytes) -> list[tuple[int, int]]:
    """(first unit, shape id) of each run, consecutive entries of one shape merged."""
    if len(p) == 8:
        return [struct.unpack("<II", p)]
    flat = struct.unpack_from(f"<{len(p) // 8 * 2}I", p)
    runs: list[tuple[int, int]] = []
    for i in range(0, len(flat), 2):
        if not runs or runs[-1][1] != flat[i + 1]:
            runs.append((flat[i], flat[i + 1]))
    return runs


def raw_text(pieces: list[Piece]) -> str:
    if len(pieces) == 1:
        return pieces[0][2]
    return "".join([t for _a, _b, t, _own in pieces])
