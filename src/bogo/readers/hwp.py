"""HWP 5.0 reader: an OLE compound ``.hwp`` file into bogo blocks.

python-hwpx (Apache-2.0) converts the HWP 5.0 record streams into the OWPML
parts of an HWPX package; those parts go through the same walker as HWPX
(:mod:`bogo.readers._owpml`), so an HWP file and its HWPX twin give the same
blocks.  Before converting, the ``FileHeader`` flags are checked and password,
distribution-only (배포용) and DRM documents are refused with
:class:`~bogo.errors.UnsupportedFormat`.  When the conversion fails on a file,
the preview text stream (``PrvText``, UTF-16LE) is read instead, giving
paragraphs only, with a warning in :attr:`Document.warnings`.
"""

from __future__ import annotations

from pathlib import Path

from hwpx.hwp5.cfb import CompoundFile
from hwpx.hwp5.errors import Hwp5Error
from hwpx.hwp5.fileheader import FileHeader, parse_file_header
from hwpx.hwp5.package import convert

from ..blocks import Document, Paragraph
from ..errors import CorruptFile, LimitExceeded, UnsupportedFormat
from ..normalize.markers import split_marker
from ..normalize.text import normalize_text
from ..settings import SETTINGS, Settings
from . import register
from ._owpml import walk_package

# FileHeader property bits (HWP 5.0 format, "FileHeader" stream, offset 36)
_REFUSALS: tuple[tuple[str, str], ...] = (
    ("password", "암호가 걸린 HWP 문서입니다. 한글에서 암호를 해제하고 다시 저장해 주세요"),
    ("distribution", "배포용 HWP 문서는 본문이 암호화되어 읽을 수 없습니다. 원본(편집용) 문서를 사용해 주세요"),
    ("drm", "DRM으로 보호된 HWP 문서는 읽을 수 없습니다. 보호를 해제하고 다시 저장해 주세요"),
    ("cert_encrypted", "공인인증서로 암호화된 HWP 문서는 읽을 수 없습니다"),
    ("cert_drm", "공인인증서 DRM으로 보호된 HWP 문서는 읽을 수 없습니다"),
)
_CODE_MESSAGES = {
    "hwp5-password": _REFUSALS[0][1],
    "hwp5-distribution": _REFUSALS[1][1],
    "hwp5-drm": _REFUSALS[2][1],
}
_PREVIEW_WARNING = "HWP 본문 변환에 실패하여 미리보기 텍스트(PrvText)만 읽었습니다 ({reason}); 표와 번호 수준은 없습니다"


class _Parts:
    """The converted package parts, with the same interface as SafeZip."""

    def __init__(self, files: dict[str, bytes]):
        self._files = files

    def names(self) -> list[str]:
        return list(self._files)

    def has(self, name: str) -> bool:
        return name in self._files

    def read(self, name: str) -> bytes:
        return self._files[name]


def file_header(path: Path, data: bytes) -> tuple[CompoundFile, FileHeader]:
    """Open the compound file and parse its ``FileHeader`` stream."""
    try:
        compound = CompoundFile(data)
    except Hwp5Error as e:
        raise CorruptFile(path, f"손상된 HWP(OLE) 파일입니다 ({e})") from None
    if not compound.has_stream("FileHeader"):
        raise CorruptFile(path, "HWP 5.0 파일 헤더가 없는 OLE 파일입니다 (HWP가 아님)")
    try:
        header = parse_file_header(compound.read("FileHeader"))
    except Hwp5Error:
        raise CorruptFile(path, "HWP 5.0 파일 헤더가 손상되었습니다") from None
    return compound, header


def refuse_protected(path: Path, header: FileHeader) -> None:
    if header.version[0] != 5:
        raise UnsupportedFormat(path, f"HWP {header.version_text} 형식은 지원하지 않습니다 (HWP 5.0만 지원)")
    for flag, message in _REFUSALS:
        if header.has(flag):
            raise UnsupportedFormat(path, message)


def read_hwp(path: Path, data: bytes, settings: Settings = SETTINGS) -> Document:
    """Read the bytes of an HWP 5.0 file (``path`` is used for messages only)."""
    compound, header = file_header(path, data)
    refuse_protected(path, header)
    try:
        converted = convert(data)
    except Hwp5Error as e:
        code = getattr(e, "code", "")
        if code in _CODE_MESSAGES:
            raise UnsupportedFormat(path, _CODE_MESSAGES[code]) from None
        if code == "hwp5-limit-exceeded":
            raise LimitExceeded(path, f"HWP 문서가 처리 한도를 넘습니다 ({e})") from None
        return _preview(path, compound, settings, str(e))
    except Exception as e:  # noqa: BLE001 - a library bug on one file must not stop the batch
        return _preview(path, compound, settings, f"{type(e).__name__}: {e}")
    files = {k: v for k, v in converted.files.items() if not k.startswith("BinData/")}
    if sum(len(v) for v in files.values()) > settings.max_uncompressed_bytes:
        raise LimitExceeded(path, "HWP 본문의 변환 크기가 한도를 넘습니다")
    warnings = []
    unconverted = dict(getattr(converted.report, "unconverted", {}) or {})
    if unconverted:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(unconverted.items()))
        warnings.append(f"HWP 변환에서 빠진 요소가 있습니다: {kinds}")
    return walk_package(path, _Parts(files), settings, "hwp", warnings)


def _preview(path: Path, compound: CompoundFile, settings: Settings, reason: str) -> Document:
    """Paragraphs from the ``PrvText`` stream, when the body cannot be converted."""
    try:
        raw_bytes = compound.read("PrvText") if compound.has_stream("PrvText") else b""
    except Hwp5Error:
        raw_bytes = b""
    if len(raw_bytes) > settings.max_text_bytes:
        raise LimitExceeded(path, "HWP 미리보기 텍스트가 한도를 넘습니다")
    text = raw_bytes.decode("utf-16-le", errors="replace").split("\0", 1)[0]
    if not text.strip():
        raise CorruptFile(path, f"HWP 본문을 읽을 수 없고 미리보기 텍스트도 없습니다 ({reason[:120]})")
    blocks: list[Paragraph] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, raw in enumerate(lines, 1):
        norm = normalize_text(raw)
        if not norm:
            continue
        marker, rest = split_marker(norm)
        stripped = raw.lstrip(" \t\u3000")
        blocks.append(Paragraph(text=rest, raw=raw, line=i, marker=marker,
                                indent=len(raw) - len(stripped)))
    reason_line = " ".join(reason.split())[:120]
    return Document(blocks=list(blocks), format="hwp", warnings=[_PREVIEW_WARNING.format(reason=reason_line)],
                    pages=None, line_count=len(lines))


register("hwp", read_hwp)
