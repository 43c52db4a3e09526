"""HWP 5.0 record streams: inflating them and walking their records in one pass.

DocInfo and every BodyText section are a sequence of records, each a 32-bit
header (tag in bits 0-9, level in bits 10-19, size in bits 20-31; a size of
0xFFF is followed by the real size as another 32-bit word) and its payload.  A
record belongs to the nearest earlier record one level up, so the stream is a
tree written in pre-order.  :class:`Records` is a cursor over that sequence: the
body walker asks for the next record, or skips a whole subtree, without ever
building the tree.  A header cut short or a size past the end of the stream (a
4 GB size in a 10 KB file) ends the walk there and leaves a Korean reason in
:attr:`Records.problem`; nothing is allocated from a declared size.
"""

from __future__ import annotations

import struct
import zlib
from itertools import repeat

from ..settings import Settings

DOCUMENT_PROPERTIES = 0x10
CHAR_SHAPE = 0x15
NUMBERING = 0x17
BULLET = 0x18
PARA_SHAPE = 0x19
PARA_HEADER = 0x42
PARA_TEXT = 0x43
PARA_CHAR_SHAPE = 0x44
CTRL_HEADER = 0x47
LIST_HEADER = 0x48
SHAPE_COMPONENT = 0x4C
TABLE = 0x4D

#: record levels one object nesting (a table in a cell, a text box in a shape) may use:
#: paragraph → control → shape component → member component → list / paragraph
LEVELS_PER_NESTING = 4

_U32 = struct.Struct("<I")
_INFLATE_CHUNK = 1 << 16


class Records:
    """The record headers of one inflated stream, split in one pass.

    ``levels[i]``, ``words[i]`` (the header word: tag in its low 10 bits) and
    ``bodies[i]`` (payload offset) describe record ``i``; a sentinel with level -1 closes the lists, so a walker
    can read ``levels[i + 1]`` without a bounds check.  The split stops at the
    first record that is cut short, runs past the stream, or passes a budget
    (record count, level), with the reason in :attr:`problem`.
    """

    __slots__ = ("data", "what", "levels", "words", "bodies", "problem", "limited")

    def __init__(self, data: bytes, what: str, settings: Settings):
        self.data = data
        self.what = what
        self.problem: str | None = None
        self.limited = False
        words: list[int] = []
        bodies: list[int] = []
        add_word, add_body = words.append, bodies.append
        max_level = LEVELS_PER_NESTING * (settings.max_nesting + 1)
        unpack = _U32.unpack_from
        pos, end = 0, len(data)
        for _ in repeat(None, settings.max_hwp_records):
            if pos + 4 > end:
                if pos < end:
                    self._stop("레코드 머리가 스트림 끝에서 잘렸습니다")
                break
            word = unpack(data, pos)[0]
            size = word >> 20
            pos += 4
            if size == 0xFFF:
                if pos + 4 > end:
                    self._stop("레코드 머리가 스트림 끝에서 잘렸습니다")
                    break
                size = unpack(data, pos)[0]
                pos += 4
            if pos + size > end:
                self._stop(f"레코드 크기({size:,} 바이트)가 남은 스트림({end - pos:,} 바이트)을 넘습니다")
                break
            add_word(word)
            add_body(pos)
            pos += size
        else:
            if pos < end:
                self._stop(f"레코드가 너무 많습니다 (한도 {settings.max_hwp_records:,})", limit=True)
        levels = [(w >> 10) & 0x3FF for w in words]
        if levels and max(levels) > max_level:
            cut = next(k for k, lv in enumerate(levels) if lv > max_level)
            self._stop(f"레코드 중첩이 너무 깊습니다 (수준 {levels[cut]}, 한도 {max_level})", limit=True)
            del levels[cut:], words[cut:], bodies[cut:]
        levels.append(-1)
        add_word(0x3FF)  # tag 1023: no record kind
        add_body(end)
        self.levels, self.words, self.bodies = levels, words, bodies

    @property
    def tags(self) -> list[int]:
        return [w & 0x3FF for w in self.words]

    def tag(self, i: int) -> int:
        return self.words[i] & 0x3FF

    def size(self, i: int) -> int:
        size = self.words[i] >> 20
        return _U32.unpack_from(self.data, self.bodies[i] - 4)[0] if size == 0xFFF else size

    def _stop(self, reason: str, limit: bool = False) -> None:
        self.problem = reason
        self.limited = limit

    def payload(self, i: int) -> bytes:
        body = self.bodies[i]
        return self.data[body:body + self.size(i)]

    def after(self, i: int) -> int:
        """The index just past record ``i`` and its subtree."""
        levels = self.levels
        level = levels[i]
        i += 1
        while levels[i] > level:
            i += 1
        return i


def inflate(raw: bytes, what: str, budget: int) -> tuple[bytes | None, str | None]:
    """Raw-deflate ``raw``, at most ``budget`` bytes; a cut or damaged stream gives what inflated.

    ``None`` with a reason when the output would pass ``budget`` (a deflate bomb).
    """
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(raw, budget + 1)
    except zlib.error:
        return _salvage(raw), "압축 스트림이 손상되었습니다"
    if len(out) > budget or d.unconsumed_tail:
        return None, f"{what}의 압축을 푼 크기가 한도({budget:,} 바이트)를 넘습니다"
    if not d.eof:
        return out, "압축 스트림이 중간에 끊깁니다 (잘린 파일)"
    return out, None


def _salvage(raw: bytes) -> bytes:
    """What inflates before the damage (the budget was already checked by the caller's first try)."""
    d = zlib.decompressobj(-15)
    parts: list[bytes] = []
    for at in range(0, len(raw), _INFLATE_CHUNK):
        try:
            parts.append(d.decompress(raw[at:at + _INFLATE_CHUNK]))
        except zlib.error:
            break
    return b"".join(parts)


def inflated_head(raw: bytes, n: int = 8) -> bytes:
    """The first ``n`` inflated bytes of ``raw`` (fewer when it is not deflate)."""
    try:
        return zlib.decompressobj(-15).decompress(raw[:_INFLATE_CHUNK], n)
    except zlib.error:
        return b""


def plausible(data: bytes, first_tag: int, whole: bool = True) -> bool:
    """Whether ``data`` starts like a record stream whose first record is ``first_tag`` at level 0.

    ``whole`` False: ``data`` is only the head of the stream, so the size is not checked.
    """
    if len(data) < 4:
        return False
    word = _U32.unpack_from(data, 0)[0]
    size = word >> 20
    fits = not whole or size == 0xFFF or 4 + size <= len(data)
    return word & 0x3FF == first_tag and (word >> 10) & 0x3FF == 0 and fits
