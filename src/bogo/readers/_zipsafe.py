"""Safe opening of zip packages and their XML parts (private to the readers).

HWPX (and DOCX) files are zip archives of XML.  A hostile archive can claim
small sizes and inflate to gigabytes (a zip bomb), hold thousands of entries,
name entries ``../../etc/passwd``, be cut short, or carry an XML entity bomb.
:class:`SafeZip` checks the central directory against the limits in
:class:`~bogo.settings.Settings` *and* enforces them again while inflating
(never more than limit + 1 bytes are decompressed), and :func:`parse_xml`
parses with a hardened lxml parser that refuses any DTD.  Every refusal is a
:class:`~bogo.errors.BogoError` with a one-line Korean reason.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path, PurePosixPath

from lxml import etree

from ..errors import CorruptFile, LimitExceeded
from ..settings import Settings

# Entries smaller than this are not held to the compression-ratio limit: a tiny
# run of zeros compresses a thousandfold and is harmless.
_CHUNK = 1 << 16

_BOMB = "압축 해제 크기가 한도를 넘습니다 (zip bomb 의심)"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=True,
                           remove_pis=True, collect_ids=False)


def parse_xml(path: Path, data: bytes, part: str) -> etree._Element:
    """Parse one XML part with a hardened parser; refuse DTDs and entities."""
    # OWPML never declares a DTD; entity declarations are the only way to a bomb
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise LimitExceeded(path, f"XML 부분({part})에 DTD/엔티티 선언이 있습니다 (entity bomb 의심)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        msg = str(e)
        if any(w in msg.lower() for w in ("depth", "huge", "amplification")):
            raise LimitExceeded(path, f"XML 부분({part})의 중첩이 너무 깊거나 큽니다") from None
        line, col = (e.position or (0, 0))[:2]
        raise CorruptFile(path, f"XML 부분({part})이 손상되었습니다 ({line}행 {col}열)") from None
    if root is None:
        raise CorruptFile(path, f"XML 부분({part})이 비어 있습니다")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise LimitExceeded(path, f"XML 부분({part})에 DTD/엔티티 선언이 있습니다 (entity bomb 의심)")
    return root


def _zip_reason(e: Exception) -> str:
    """A Korean summary of a zip/zlib error (library wording stays out of messages)."""
    msg = str(e).lower()
    if "crc" in msg:
        return "CRC 불일치"
    if "not a zip" in msg or "end of central directory" in msg or "truncated" in msg or isinstance(e, EOFError):
        return "압축 목록이 없거나 파일이 잘림"
    if isinstance(e, zlib.error) or "decompress" in msg or "invalid" in msg:
        return "압축 데이터 손상"
    if "overlap" in msg:
        return "겹치는 압축 항목"
    return type(e).__name__


def _bad_name(name: str) -> bool:
    if not name or "\x00" in name:
        return True
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return True
    return ".." in PurePosixPath(norm).parts


class SafeZip:
    """A zip archive opened from bytes, with the directory checked up front."""

    def __init__(self, path: Path, data: bytes, settings: Settings):
        self.path = path
        self.settings = settings
        self._budget = settings.max_uncompressed_bytes
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as e:
            raise CorruptFile(path, f"손상되었거나 잘린 압축(zip) 파일입니다 ({_zip_reason(e)})") from None
        if len(infos) > settings.max_zip_entries:
            raise LimitExceeded(path, f"압축 항목이 너무 많습니다 ({len(infos):,}개, 한도 {settings.max_zip_entries:,})")
        total = 0
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if _bad_name(info.filename):
                raise LimitExceeded(path, f"압축 항목 이름이 위험합니다 (경로 조작 의심: {info.filename[:80]!r})")
            if info.flag_bits & 0x1:
                raise CorruptFile(path, "암호화된 압축 항목이 있습니다")
            total += info.file_size
            if total > settings.max_uncompressed_bytes:
                raise LimitExceeded(path, _BOMB)
            self._check_ratio(info.file_size, info.compress_size)
            self._infos[info.filename] = info

    def _check_ratio(self, size: int, packed: int) -> None:
        if size > self.settings.ratio_check_min_bytes and size > self.settings.max_compression_ratio * max(packed, 1):
            raise LimitExceeded(self.path, _BOMB)

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """Inflate one entry, stopping as soon as any limit is passed."""
        info = self._infos.get(name)
        if info is None:
            raise CorruptFile(self.path, f"필요한 부분({name})이 없습니다")
        if info.file_size > self.settings.max_part_bytes:
            raise LimitExceeded(self.path, f"압축 항목({name})이 너무 큽니다 ({info.file_size:,} 바이트, "
                                           f"한도 {self.settings.max_part_bytes:,})")
        limit = min(self._budget, info.file_size, self.settings.max_part_bytes)
        if info.file_size > self.settings.ratio_check_min_bytes:
            limit = min(limit, self.settings.max_compression_ratio * max(info.compress_size, 1))
        out = bytearray()
        try:
            with self._zip.open(info) as f:
                while True:
                    chunk = f.read(min(_CHUNK, limit + 1 - len(out)))
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise LimitExceeded(self.path, _BOMB)
                    if len(out) > self.settings.ratio_check_min_bytes:
                        self._check_ratio(len(out), info.compress_size)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
            raise CorruptFile(self.path, f"압축 항목({name})이 손상되었거나 잘렸습니다 ({_zip_reason(e)})") from None
        self._budget -= len(out)
        return bytes(out)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
