"""Floors: the least work any reader of a format must do, to time readers against.

Each floor takes a file's bytes and touches every part a reader must read, with
no structure built: text — decode and one regex pass per line; HTML — one lxml
parse; HWPX/DOCX — open the zip and lxml-parse every body part; HWP 5.0 — open
the compound file, inflate DocInfo and every BodyText section and walk their
record headers; PDF — PDFium's bare character extraction of every page.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable

_WORDS = re.compile(r"\S+")
_HEADER = struct.Struct("<I")


def text_floor(data: bytes) -> int:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp949", errors="replace")
    return sum(len(_WORDS.findall(line)) for line in text.splitlines())


def html_floor(data: bytes) -> int:
    from lxml import html

    return len(html.fromstring(data))


def _zip_xml_floor(data: bytes, prefix: str) -> int:
    from lxml import etree

    n = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith(prefix) and name.endswith(".xml"):
                n += len(etree.fromstring(z.read(name)))
    return n


def hwpx_floor(data: bytes) -> int:
    return _zip_xml_floor(data, "Contents/")


def docx_floor(data: bytes) -> int:
    return _zip_xml_floor(data, "word/")


def _walk_records(stream: bytes) -> int:
    """Count the records of an HWP stream by their headers (tag, level, size)."""
    pos, n, end = 0, 0, len(stream)
    while pos + 4 <= end:
        (head,) = _HEADER.unpack_from(stream, pos)
        size = head >> 20
        pos += 4
        if size == 0xFFF:
            (size,) = _HEADER.unpack_from(stream, pos)
            pos += 4
        pos += size
        n += 1
    return n


def hwp_floor(data: bytes) -> int:
    from hwpx.hwp5.cfb import CompoundFile
    from hwpx.hwp5.fileheader import parse_file_header

    cf = CompoundFile(data)
    compressed = parse_file_header(cf.read("FileHeader")).compressed
    n = 0
    for name in cf.stream_paths():
        if name == "DocInfo" or name.startswith("BodyText/"):
            raw = cf.read(name)
            n += _walk_records(zlib.decompress(raw, -15) if compressed else raw)
    return n


def pdf_floor(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            n += len(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        pdf.close()
    return n


FLOORS: dict[str, Callable[[bytes], int]] = {
    "text": text_floor, "html": html_floor, "hwpx": hwpx_floor, "docx": docx_floor,
    "hwp": hwp_floor, "pdf": pdf_floor,
}
