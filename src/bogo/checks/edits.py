"""Edit distances of W402's typo rules: one edit or swap (Latin), one jamo (Hangul).

:func:`_jamo` spells a Hangul word as its jamo (cached per word), so that a slip
of one stroke group ("획" → "휙") is one edit; :func:`_lev1` tells whether two
spellings are one edit apart.
"""

from __future__ import annotations

from functools import lru_cache


def _damerau1(a: str, b: str) -> bool:
    """True when a and b differ by exactly one edit or one adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1:] == s for i in range(len(t)))


@lru_cache(maxsize=65536)
def _jamo(word: str) -> str:
    out = []
    for ch in word:
        o = ord(ch) - 0xAC00
        if 0 <= o < 11172:
            out.append(chr(0x1100 + o // 588))
            out.append(chr(0x1161 + (o % 588) // 28))
            if o % 28:
                out.append(chr(0x11A7 + o % 28))
        else:
            out.append(ch)
    return "".join(out)


def _lev1(a: str, b: str) -> bool:
    if len(a) != len(b):
        return _damerau1(a, b)
    return sum(x != y for x, y in zip(a, b, strict=False)) == 1
