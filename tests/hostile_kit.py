"""Builders of hostile and broken inputs for the hostile suite (tests/test_hostile_*.py).

Every file is generated here, small, from the pattern of the attack — never
copied from elsewhere.  Each builder takes a directory and returns the path.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

NS = ('xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"')
HEADER = '<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"/>'
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text: str = "", inner: str = "") -> str:
    return f'<hp:p paraPrIDRef="0"><hp:run charPrIDRef="0"><hp:t>{text}</hp:t>{inner}</hp:run></hp:p>'


def hwpx_cell(text: str, row: object, col: object, rowspan: object = 1, colspan: object = 1) -> str:
    return (f'<hp:tc><hp:subList>{para(text)}</hp:subList><hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
            f'<hp:cellSpan colSpan="{colspan}" rowSpan="{rowspan}"/></hp:tc>')


def hwpx_table(cells: str, rows: object = 1, cols: object = 1) -> str:
    return para("", f'<hp:tbl rowCnt="{rows}" colCnt="{cols}"><hp:tr>{cells}</hp:tr></hp:tbl>')


def section(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{body}</hs:sec>'


def write_hwpx(path: Path, sections: list[str], extra: dict[str, bytes | str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/header.xml", HEADER)
        for i, s in enumerate(sections):
            z.writestr(f"Contents/section{i}.xml", s)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def hwpx(path: Path, body: str, extra: dict[str, bytes | str] | None = None) -> Path:
    return write_hwpx(path, [section(para("Ⅰ. 현황") + body)], extra)


def write_docx(path: Path, body: str) -> Path:
    """A minimal WordprocessingML package around ``body`` (the children of w:body)."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
          'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
    return path


def docx_para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_table(rows: list[list[tuple[str, str]]]) -> str:
    """Rows of (text, tcPr inner XML) cells."""
    trs = "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr>{pr}</w:tcPr>{docx_para(t)}</w:tc>" for t, pr in r)
                  + "</w:tr>" for r in rows)
    return f"<w:tbl>{trs}</w:tbl>"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_reference_loop() -> bytes:
    """A page tree whose Kids point back at itself."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 2 >>"])


def pdf_many_pages(n: int) -> bytes:
    """``n`` pages sharing one content stream of Latin text (no Hangul, so every page warns)."""
    stream = b"BT /F1 12 Tf 72 720 Td (Page text line one) Tj 0 -14 Td (Page text line two) Tj ET"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>")
    return pdf(objs + [page] * n)


def zip_with_encrypted_flag(path: Path) -> Path:
    """An HWPX whose section entry has the 'encrypted' general-purpose flag set."""
    write_hwpx(path, [section(para("x"))])
    data = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while (pos := data.find(sig, pos)) != -1:
            (flags,) = struct.unpack_from("<H", data, pos + flag_at)
            struct.pack_into("<H", data, pos + flag_at, flags | 1)
            pos += 4
    path.write_bytes(bytes(data))
    return path
