"""Format detection by magic bytes, not by file extension.

A ``.hwp`` that is really a zip is read as HWPX; an OLE compound file as HWP 5.0;
``%PDF`` as PDF; a zip with ``word/document.xml`` as DOCX.  Text is told from
binary garbage by decoding, and HTML from plain text by its leading tag.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import CorruptFile, InputError, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
HWP3_MAGIC = b"HWP Document File V3"

_HTML_STARTS = ("<!doctype html", "<html", "<body", "<head", "<table", "<div", "<p>", "<meta")
_TEXT_EXT = {".txt", ".md", ".markdown", ".text", ".csv", ".tsv"}
_HTML_EXT = {".html", ".htm", ".xhtml"}


def detect(path: Path, data: bytes) -> str:
    """Return the reader format name for ``data``: text, html, hwpx, hwp, pdf, docx."""
    head = data[:8]
    if head.startswith(OLE_MAGIC):
        return "hwp"
    if head.startswith(ZIP_MAGIC) or data[:4] in (b"PK\x05\x06", b"PK\x07\x08"):
        return _zip_kind(path, data)
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(HWP3_MAGIC):
        raise UnsupportedFormat(path, "HWP 3.0 문서는 지원하지 않습니다. 한글에서 HWPX로 저장해 주세요")
    if _looks_binary(data):
        raise InputError(path, "알 수 없는 형식입니다 (텍스트도, HWP/HWPX/PDF/DOCX도 아닌 이진 파일)")
    ext = path.suffix.lower()
    if ext in _HTML_EXT:
        return "html"
    if ext in _TEXT_EXT:
        return "text"
    probe = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(probe.startswith(s.encode()) for s in _HTML_STARTS):
        return "html"
    return "text"


def _zip_kind(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist()[:5000])
            mimetype = b""
            if "mimetype" in names:
                info = z.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = z.read("mimetype")
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError) as e:
        raise CorruptFile(path, f"손상된 압축(zip) 파일입니다 ({e})") from None
    if b"hwp" in mimetype or any(n.startswith("Contents/") for n in names):
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    raise InputError(path, "알 수 없는 zip 기반 형식입니다 (HWPX도 DOCX도 아님)")


_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16 text would have many NULs too; we do not read UTF-16, call it binary
        return True
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    if ctrl / len(sample) > 0.05:
        return True
    try:
        sample.decode("utf-8")
        return False
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 4:
            return False
    try:
        sample.decode("cp949")
        return False
    except UnicodeDecodeError:
        pass
    bad = 0
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return bad / max(len(text), 1) > 0.2
