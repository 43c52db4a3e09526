"""Format detection by magic bytes, not by file extension.

A ``.hwp`` that is really a zip is read as HWPX; an OLE compound file as HWP 5.0;
``%PDF`` as PDF; a zip with ``word/document.xml`` as DOCX.  Text is told from
binary garbage by the share of control and undecodable bytes
(:func:`bogo.readers.text.looks_binary`), UTF-16 by its byte-order mark, and HTML
from plain text by its leading tag.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import CorruptFile, InputError, UnsupportedFormat
from .text import looks_binary, utf16_encoding

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
    if looks_binary(data):
        raise InputError(path, "알 수 없는 형식입니다 (텍스트도, HWP/HWPX/PDF/DOCX도 아닌 이진 파일)")
    ext = path.suffix.lower()
    if ext in _HTML_EXT:
        return "html"
    if ext in _TEXT_EXT:
        return "text"
    utf16 = utf16_encoding(data)
    head_text = data[2:2050].decode(utf16, errors="ignore") if utf16 else data[:512].decode("latin-1")
    probe = head_text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if any(probe.startswith(s) for s in _HTML_STARTS):
        return "html"
    return "text"


def _zip_kind(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist()[:5000])
            mimetype = b""
            if any(i.flag_bits & 0x1 for i in z.infolist()[:5000]):
                raise UnsupportedFormat(path, "암호화된 압축 항목이 있어 읽을 수 없습니다. 암호를 풀고 다시 저장해 주세요")
            if "mimetype" in names:
                info = z.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = z.read("mimetype")
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError, RuntimeError, OSError) as e:
        raise CorruptFile(path, f"손상되었거나 잘린 압축(zip) 파일입니다 ({type(e).__name__})") from None
    if b"hwp" in mimetype or any(n.startswith("Contents/") for n in names):
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    raise InputError(path, "알 수 없는 zip 기반 형식입니다 (HWPX도 DOCX도 아님)")
