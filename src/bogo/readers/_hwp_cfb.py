"""The OLE compound file ([MS-CFB]) around an HWP 5.0 document, read defensively.

An ``.hwp`` file is a small FAT file system: 512- or 4,096-byte sectors chained
by a FAT (whose own sectors are listed by the header and the DIFAT chain), a
directory of storages and streams, and a mini stream with its mini FAT for the
streams under 4,096 bytes.  :class:`CompoundFile` follows every chain with a
visited set, so a chain that loops ends with a clear reason instead of a hang,
and a chain that runs past the end of the file (a cut file) gives the bytes
that are there plus a reason.  Every reason is Korean and ready for a user:
structural damage (no directory, a looping directory or FAT list) raises
:class:`CfbError`; damage confined to one stream is returned with its bytes so
the caller can read the rest and warn.
"""

from __future__ import annotations

import struct

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAXREGSECT = 0xFFFFFFFA
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_DIFAT_IN_HEADER = 109
_DIRENT = 128
_MINI = 64


class CfbError(Exception):
    """The container itself is unreadable; ``str()`` is a Korean reason."""


class Stream:
    """The bytes of one stream and, when it could not be read whole, why."""

    __slots__ = ("data", "problem")

    def __init__(self, data: bytes, problem: str | None = None):
        self.data = data
        self.problem = problem


class _Entry:
    __slots__ = ("name", "kind", "left", "right", "child", "start", "size")

    def __init__(self, raw: bytes, major: int):
        name_len, kind = struct.unpack_from("<HB", raw, 64)
        self.kind = kind
        n = min(max(name_len - 2, 0), 62) & ~1
        self.name = raw[:n].decode("utf-16-le", errors="replace")
        self.left, self.right, self.child = struct.unpack_from("<III", raw, 68)
        self.start, self.size = struct.unpack_from("<IQ", raw, 116)
        if major == 3:
            self.size &= 0xFFFFFFFF


class CompoundFile:
    """The directory and FAT of a compound file held in memory."""

    def __init__(self, data: bytes):
        if len(data) < 512 or data[:8] != SIGNATURE:
            raise CfbError("OLE 복합 파일 서명이 없거나 파일이 너무 짧습니다")
        major, order, shift, mini_shift = struct.unpack_from("<HHHH", data, 0x1A)
        if order != 0xFFFE or (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise CfbError("OLE 복합 파일 헤더가 손상되었습니다 (섹터 크기·바이트 순서)")
        self._data = memoryview(data)
        self.sector_size = 1 << shift
        self.major = major
        self.problems: list[str] = []
        self.sector_count = (len(data) - self.sector_size + self.sector_size - 1) // self.sector_size
        (fat_count, first_dir, _tx, self.mini_cutoff, first_minifat, minifat_count,
         first_difat, difat_count) = struct.unpack_from("<IIIIIIII", data, 0x2C)
        self._fat = self._read_fat(fat_count, first_difat, difat_count)
        self._check_used_sectors()
        if (len(data) - self.sector_size) % self.sector_size:
            self._note("파일이 잘렸을 수 있습니다: 파일 크기가 섹터 크기의 배수가 아닙니다")
        self._entries = self._read_directory(first_dir)
        root = self._entries[0]
        self._minifat: list[int] = []
        self._ministream = b""
        if root.size and first_minifat <= MAXREGSECT:
            raw = self._chain_bytes(first_minifat, None, "mini FAT")
            self._minifat = list(struct.unpack(f"<{len(raw.data) // 4}I", raw.data[: len(raw.data) // 4 * 4]))
            self._note(raw.problem)
            ms = self._chain_bytes(root.start, root.size, "mini 스트림")
            self._ministream = ms.data
            self._note(ms.problem)
        self.paths = self._walk_tree()

    # -- structure ----------------------------------------------------------

    def _note(self, problem: str | None) -> None:
        if problem and problem not in self.problems:
            self.problems.append(problem)

    def _sector(self, index: int) -> memoryview:
        off = (index + 1) * self.sector_size
        return self._data[off:off + self.sector_size]

    def _read_fat(self, fat_count: int, first_difat: int, difat_count: int) -> list[int]:
        per = self.sector_size // 4
        difat = list(struct.unpack_from(f"<{_DIFAT_IN_HEADER}I", self._data, 0x4C))
        sector, seen = first_difat, set()
        while sector <= MAXREGSECT and len(seen) < difat_count:
            if sector in seen:
                raise CfbError(f"DIFAT 체인이 순환합니다 (섹터 {sector})")
            if sector >= self.sector_count or len(self._sector(sector)) < self.sector_size:
                raise CfbError(f"파일이 잘렸습니다: DIFAT 섹터 {sector}가 파일 끝을 넘습니다")
            seen.add(sector)
            words = struct.unpack(f"<{per}I", self._sector(sector))
            difat.extend(words[:-1])
            sector = words[-1]
        fat_sectors = [s for s in difat if s <= MAXREGSECT][:fat_count]
        if len(set(fat_sectors)) != len(fat_sectors):
            raise CfbError("FAT 섹터 목록이 같은 섹터를 되풀이합니다 (손상)")
        fat: list[int] = []
        for s in fat_sectors:
            chunk = self._sector(s) if s < self.sector_count else b""
            if len(chunk) < self.sector_size:
                self._note("파일이 잘렸습니다: FAT 일부가 파일 끝 너머에 있습니다")
                fat.extend([FREESECT] * per)  # unknown: any chain through here is cut
                continue
            fat.extend(struct.unpack(f"<{per}I", chunk))
        return fat

    def _check_used_sectors(self) -> None:
        """A FAT that marks sectors past the end of the file in use: the file was cut."""
        tail = self._fat[self.sector_count:]
        if any(v != FREESECT for v in tail):
            self._note("파일이 잘렸습니다: 사용 중인 섹터가 파일 끝 너머에 있습니다")

    def _chain_bytes(self, start: int, size: int | None, what: str) -> Stream:
        """Follow the FAT from ``start``; ``size`` None reads the whole chain."""
        fat, limit = self._fat, self.sector_count
        need = None if size is None else (size + self.sector_size - 1) // self.sector_size
        parts: list[memoryview] = []
        seen: set[int] = set()
        sector, problem = start, None
        while need is None or len(parts) < need:
            if sector == ENDOFCHAIN:
                if need is not None:
                    problem = f"{what}의 섹터 체인이 선언된 크기보다 일찍 끝납니다"
                break
            if sector > MAXREGSECT or sector >= len(fat):
                problem = f"{what}의 섹터 체인이 잘못된 섹터를 가리킵니다 ({sector})"
                break
            if sector in seen:
                problem = f"{what}의 FAT 체인이 순환합니다 (섹터 {sector})"
                break
            chunk = self._sector(sector) if sector < limit else b""
            if len(chunk) < self.sector_size:
                parts.append(chunk)
                problem = f"파일이 잘렸습니다: {what}이(가) 파일 끝에서 끊깁니다"
                break
            seen.add(sector)
            parts.append(chunk)
            sector = fat[sector]
        data = b"".join(parts)
        return Stream(data[:size] if size is not None else data, problem)

    def _mini_bytes(self, start: int, size: int, what: str) -> Stream:
        minifat, ms = self._minifat, self._ministream
        need = (size + _MINI - 1) // _MINI
        parts: list[bytes] = []
        seen: set[int] = set()
        sector, problem = start, None
        while len(parts) < need:
            if sector == ENDOFCHAIN:
                problem = f"{what}의 mini 체인이 선언된 크기보다 일찍 끝납니다"
                break
            off = sector * _MINI
            if sector >= len(minifat) or off >= len(ms):
                problem = f"{what}의 mini 체인이 mini 스트림 밖을 가리킵니다 (잘렸거나 손상)"
                break
            if sector in seen:
                problem = f"{what}의 mini FAT 체인이 순환합니다 (섹터 {sector})"
                break
            seen.add(sector)
            parts.append(ms[off:off + _MINI])
            sector = minifat[sector]
        return Stream(b"".join(parts)[:size], problem)

    def _read_directory(self, first: int) -> list[_Entry]:
        raw = self._chain_bytes(first, None, "디렉터리")
        if raw.problem and "순환" in raw.problem:
            raise CfbError(raw.problem)
        self._note(raw.problem)
        data = raw.data
        entries = [_Entry(data[i:i + _DIRENT], self.major) for i in range(0, len(data) - _DIRENT + 1, _DIRENT)]
        if not entries or entries[0].kind != _ROOT:
            why = f" ({raw.problem})" if raw.problem else ""
            raise CfbError(f"OLE 디렉터리가 없거나 손상되었습니다{why}")
        return entries

    def _walk_tree(self) -> dict[str, _Entry]:
        paths: dict[str, _Entry] = {}
        entries = self._entries
        seen = {0}
        stack = [(entries[0].child, "")]
        while stack:
            sid, prefix = stack.pop()
            if sid == NOSTREAM:
                continue
            if sid >= len(entries):
                self._note("OLE 디렉터리 항목이 파일 밖을 가리킵니다 (잘렸거나 손상)")
                continue
            if sid in seen:
                raise CfbError("OLE 디렉터리 트리가 순환합니다 (손상)")
            seen.add(sid)
            e = entries[sid]
            if e.kind not in (_STORAGE, _STREAM):
                continue
            path = prefix + e.name
            paths.setdefault(path, e)
            stack.append((e.left, prefix))
            stack.append((e.right, prefix))
            if e.kind == _STORAGE:
                stack.append((e.child, path + "/"))
        return paths

    # -- reading ------------------------------------------------------------

    def has_stream(self, path: str) -> bool:
        e = self.paths.get(path)
        return e is not None and e.kind == _STREAM

    def stream_paths(self) -> list[str]:
        return sorted(p for p, e in self.paths.items() if e.kind == _STREAM)

    def size(self, path: str) -> int:
        return self.paths[path].size

    def read(self, path: str) -> Stream:
        """The stream at ``path`` (which must exist), with a problem when it is cut or loops."""
        e = self.paths[path]
        if e.size == 0:
            return Stream(b"")
        if e.size < self.mini_cutoff:
            return self._mini_bytes(e.start, e.size, path)
        return self._chain_bytes(e.start, e.size, path)
