"""HWP 5.0 reader: an OLE compound ``.hwp`` file straight from its records into bogo blocks.

The compound file is opened by :mod:`._hwp_cfb`, the ``FileHeader`` flags are
checked (password, distribution-only (배포용) and DRM documents are refused with
:class:`~bogo.errors.UnsupportedFormat`), ``DocInfo`` gives the numbering,
bullets and bold shapes (:mod:`._hwp_docinfo`), and each inflated BodyText
section is walked record by record (:mod:`._hwp_body`) into the same blocks the
HWPX reader makes of the HWPX twin.  No HWPX XML is built.

Damage is reported, never read past in silence: a container that cannot be
walked (a looping DIFAT or directory) is a :class:`~bogo.errors.CorruptFile`;
damage confined to a stream (a FAT or mini FAT chain that loops or runs off a
cut file, a compression flag that contradicts the stream, a record whose size
runs past the stream) keeps what was read before it and adds a Korean warning to
:attr:`Document.warnings`, so a partly read file is never reported clean.  When
no section can be read, the preview text stream (``PrvText``) gives the
paragraphs, with a warning.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from ..blocks import Document, Paragraph
from ..errors import CorruptFile, LimitExceeded, UnsupportedFormat
from ..normalize.markers import split_marker
from ..normalize.text import normalize_text
from ..settings import SETTINGS, Settings
from . import register
from ._hwp_body import BodyWalker
from ._hwp_cfb import CfbError, CompoundFile
from ._hwp_docinfo import read_docinfo
from ._hwp_records import DOCUMENT_PROPERTIES, PARA_HEADER, Records, inflate, inflated_head, plausible
from ._owpml_numbering import Numberer

_SIGNATURE = b"HWP Document File"
_COMPRESSED, _TRACK_CHANGES = 1 << 0, 1 << 14
# FileHeader property bits (offset 36) that mean the body cannot be read without a key
_REFUSALS: tuple[tuple[int, str], ...] = (
    (1 << 1, "암호가 걸린 HWP 문서입니다. 한글에서 암호를 해제하고 다시 저장해 주세요"),
    (1 << 2, "배포용 HWP 문서는 본문이 암호화되어 읽을 수 없습니다. 원본(편집용) 문서를 사용해 주세요"),
    (1 << 4, "DRM으로 보호된 HWP 문서는 읽을 수 없습니다. 보호를 해제하고 다시 저장해 주세요"),
    (1 << 8, "공인인증서로 암호화된 HWP 문서는 읽을 수 없습니다"),
    (1 << 10, "공인인증서 DRM으로 보호된 HWP 문서는 읽을 수 없습니다"),
)
_SECTION = re.compile(r"^(BodyText|ViewText)/Section(\d+)$")
_PREVIEW_WARNING = "HWP 본문을 읽지 못하여 미리보기 텍스트(PrvText)만 읽었습니다 ({reason}); 표와 번호 수준은 없습니다"


def file_header(path: Path, data: bytes) -> tuple[CompoundFile, int]:
    """Open the compound file; return it with the ``FileHeader`` property flags (checked)."""
    try:
        compound = CompoundFile(data)
    except CfbError as e:
        raise CorruptFile(path, f"손상된 HWP(OLE) 파일입니다: {e}") from None
    if not compound.has_stream("FileHeader"):
        raise CorruptFile(path, "HWP 5.0 파일 헤더가 없는 OLE 파일입니다 (HWP가 아님)")
    stream = compound.read("FileHeader")
    head = stream.data
    if len(head) < 40 or not head.startswith(_SIGNATURE):
        why = f" ({stream.problem})" if stream.problem else ""
        raise CorruptFile(path, f"HWP 5.0 파일 헤더가 손상되었습니다{why}")
    version, flags = struct.unpack_from("<II", head, 32)
    major = version >> 24
    if major != 5:
        text = ".".join(str((version >> s) & 0xFF) for s in (24, 16, 8, 0))
        raise UnsupportedFormat(path, f"HWP {text} 형식은 지원하지 않습니다 (HWP 5.0만 지원)")
    for bit, message in _REFUSALS:
        if flags & bit:
            raise UnsupportedFormat(path, message)
    return compound, flags


class _Streams:
    """Reads the record streams of one document within one inflate budget."""

    def __init__(self, path: Path, compound: CompoundFile, compressed: bool, settings: Settings):
        self.path = path
        self.cf = compound
        self.compressed = compressed
        self.settings = settings
        self.left = settings.max_uncompressed_bytes

    def read(self, name: str, first_tag: int) -> tuple[bytes | None, list[str]]:
        """The record bytes of ``name`` (None when unreadable) and what went wrong.

        The stream is taken as the FileHeader says (compressed or not) when it then
        starts like a record stream, else the other way round with a warning; a
        stream that starts like neither is not inflated further (a deflate bomb of
        zeros costs nothing).
        """
        stream = self.cf.read(name)
        problems = [stream.problem] if stream.problem else []
        raw = stream.data
        deflated = plausible(inflated_head(raw), first_tag, whole=False)
        stored = plausible(raw, first_tag)
        if self.compressed and deflated or not self.compressed and not stored and deflated:
            data, why = inflate(raw, name, self.left)
            if data is None:
                raise LimitExceeded(self.path, f"HWP 본문의 압축을 푼 크기가 한도를 넘습니다 ({why})")
            problems += [why] if why else []
            if not self.compressed:
                problems.append("FileHeader에는 압축하지 않았다고 되어 있으나 스트림이 압축되어 있습니다 (플래그 손상)")
            return self._spend(data, name), problems
        if stored:
            if self.compressed:
                problems.append("FileHeader에는 압축했다고 되어 있으나 스트림이 압축되어 있지 않습니다 (플래그 손상)")
            return self._spend(raw, name), problems
        problems.append("HWP 레코드 형식이 아닙니다")
        return None, problems

    def _spend(self, data: bytes, name: str) -> bytes:
        self.left -= len(data)
        if self.left < 0:
            raise LimitExceeded(self.path, "HWP 본문의 압축을 푼 크기가 한도를 넘습니다")
        return data


def _section_names(compound: CompoundFile, flags: int, warnings: list[str]) -> list[str]:
    found: dict[str, dict[int, str]] = {"BodyText": {}, "ViewText": {}}
    for p in compound.stream_paths():
        m = _SECTION.match(p)
        if m:
            found[m.group(1)][int(m.group(2))] = p
    body = found["BodyText"]
    # a document that tracks changes keeps its body, change marks included, in ViewText
    if flags & _TRACK_CHANGES and sorted(found["ViewText"]) == sorted(body):
        body = found["ViewText"]
    numbers = sorted(body)
    if numbers != list(range(len(numbers))):
        warnings.append(f"HWP 본문 구역 번호가 이어지지 않습니다 ({numbers[:8]}): 빠진 구역이 있습니다")
    return [body[n] for n in numbers]


def _declared_sections(docinfo: bytes | None) -> int | None:
    if docinfo is None or len(docinfo) < 6:
        return None
    word = struct.unpack_from("<I", docinfo, 0)[0]
    if word & 0x3FF != DOCUMENT_PROPERTIES:
        return None
    return struct.unpack_from("<H", docinfo, 4 if word >> 20 != 0xFFF else 8)[0]


def read_hwp(path: Path, data: bytes, settings: Settings = SETTINGS) -> Document:
    """Read the bytes of an HWP 5.0 file (``path`` is used for messages only)."""
    compound, flags = file_header(path, data)
    warnings = [f"HWP 파일 구조: {p}" for p in compound.problems]
    streams = _Streams(path, compound, bool(flags & _COMPRESSED), settings)
    numberer, bold, superscript, docinfo = Numberer(), set(), set(), None
    if compound.has_stream("DocInfo"):
        docinfo, problems = streams.read("DocInfo", DOCUMENT_PROPERTIES)
        if docinfo is not None:
            recs = Records(docinfo, "DocInfo", settings)
            numberer, bold, superscript = read_docinfo(recs)
            _limit(path, recs)
            problems += [recs.problem] if recs.problem else []
        _warn(warnings, "문서 정보(DocInfo)", problems, docinfo is None)
    else:
        warnings.append("HWP 문서 정보(DocInfo) 스트림이 없어 번호 매기기와 글머리표를 알 수 없습니다")
    names = _section_names(compound, flags, warnings)
    declared = _declared_sections(docinfo)
    if declared is not None and declared > len(names):
        warnings.append(f"HWP 본문 구역이 선언({declared}개)보다 적습니다 ({len(names)}개): 잘렸거나 손상된 파일입니다")
    walker = BodyWalker(path, settings, numberer, bold, superscript)
    read_any = False
    for name in names:
        section, problems = streams.read(name, PARA_HEADER)
        if section is not None:
            recs = Records(section, name, settings)
            walker.section(recs)
            _limit(path, recs)
            read_any = True
            problems += [recs.problem] if recs.problem else []
        _warn(warnings, f"본문 {name}", problems, section is None)
    warnings.extend(walker.warnings)
    if not read_any or (not walker.blocks and warnings):
        reason = warnings[-1] if warnings else "본문 구역(BodyText)이 없습니다"
        return _preview(path, compound, settings, reason, warnings)
    return Document(blocks=walker.blocks, format="hwp", warnings=warnings, pages=None, line_count=walker.count)


def _limit(path: Path, recs: Records) -> None:
    if recs.limited:
        raise LimitExceeded(path, f"HWP {recs.what}: {recs.problem}")


def _warn(warnings: list[str], what: str, problems: list[str], lost: bool) -> None:
    if problems:
        head = f"HWP {what}을(를) 읽지 못했습니다" if lost else f"HWP {what}을(를) 일부만 읽었습니다"
        warnings.append(f"{head}: {'; '.join(dict.fromkeys(problems))}")


def _preview(path: Path, compound: CompoundFile, settings: Settings, reason: str,
             warnings: list[str]) -> Document:
    """Paragraphs from the ``PrvText`` stream, when no section can be read."""
    raw_bytes = compound.read("PrvText").data if compound.has_stream("PrvText") else b""
    if len(raw_bytes) > settings.max_text_bytes:
        raise LimitExceeded(path, "HWP 미리보기 텍스트가 한도를 넘습니다")
    text = raw_bytes.decode("utf-16-le", errors="replace").split("\0", 1)[0]
    reason_line = " ".join(reason.split())[:160]
    if not text.strip():
        raise CorruptFile(path, f"HWP 본문을 읽을 수 없고 미리보기 텍스트도 없습니다 ({reason_line})")
    blocks: list[Paragraph] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, raw in enumerate(lines, 1):
        norm = normalize_text(raw)
        if not norm:
            continue
        marker, rest = split_marker(norm)
        stripped = raw.lstrip(" \t\u3000")
        blocks.append(Paragraph(text=rest, raw=raw, line=i, marker=marker, indent=len(raw) - len(stripped)))
    return Document(blocks=list(blocks), format="hwp", pages=None, line_count=len(lines),
                    warnings=[_PREVIEW_WARNING.format(reason=reason_line)] + warnings)


register("hwp", read_hwp)
