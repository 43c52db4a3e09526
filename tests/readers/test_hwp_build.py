"""Small HWP 5.0 files built for tests, and the record reader checked on them against python-hwpx.

Only what the tests need: a paragraph is a ``PARA_HEADER`` with its text and one
character shape run; a table is a ``tbl `` control with its ``TABLE`` record and
one list header per cell; DocInfo holds the document properties and, on
request, character shapes, numberings, bullets and paragraph shapes.  The
compound file is written by python-hwpx's writer, then patched by the tests
(:func:`cfb_layout` finds where each stream's sectors are).  The tests at the
end read built documents (numbering, bullets, bold, tables with spans and
nesting, notes, tabs and line breaks) with the record reader and with the
python-hwpx conversion the reader replaced, and want the same blocks.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from hwpx.hwp5.cfb import build_compound_file
from hwpx.hwp5.fileheader import FLAG_BITS, FileHeader

PARA_HEADER, PARA_TEXT, PARA_CHAR_SHAPE, CTRL_HEADER, LIST_HEADER, TABLE = 0x42, 0x43, 0x44, 0x47, 0x48, 0x4D
DOCUMENT_PROPERTIES, CHAR_SHAPE, NUMBERING, BULLET, PARA_SHAPE = 0x10, 0x15, 0x17, 0x18, 0x19
EXT = 11  # the extended control code a table or drawing uses in the text


def rec(tag: int, level: int, payload: bytes, size: int | None = None) -> bytes:
    """One record; ``size`` overrides the declared size (a lying header)."""
    n = len(payload) if size is None else size
    if n >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, n) + payload
    return struct.pack("<I", tag | level << 10 | n << 20) + payload


def para(text: str, level: int = 0, shape: int = 0, controls: list[bytes] = (), char_shape: int = 0) -> bytes:
    """A paragraph at ``level``; each control (records one level down) gets an extended control in the text."""
    units = text.encode("utf-16-le")
    for ctrl in controls:
        ident = ctrl[4:8] if len(ctrl) >= 8 else b"\0\0\0\0"
        units += struct.pack("<H", EXT) + ident + b"\0" * 8 + struct.pack("<H", EXT)
    units += "\r".encode("utf-16-le")
    header = struct.pack("<IIHBBHHHI", len(units) // 2, 0, shape, 0, 0, 1, 0, 0, 0)
    out = rec(PARA_HEADER, level, header) + rec(PARA_TEXT, level + 1, units)
    out += rec(PARA_CHAR_SHAPE, level + 1, struct.pack("<II", 0, char_shape))
    return out + b"".join(controls)


def cell_header(row: int, col: int, rowspan: int = 1, colspan: int = 1, header: bool = False) -> bytes:
    return struct.pack("<HIHHHHH", 1, 0, 0x4 if header else 0, col, row, colspan, rowspan).ljust(46, b"\0")


def table(level: int, rows: int, cols: int, cells: list[tuple[int, int, int, int, bytes]]) -> bytes:
    """A ``tbl `` control at ``level``; each cell is (row, col, rowspan, colspan, paragraph records)."""
    out = rec(CTRL_HEADER, level, b" lbt" + b"\0" * 42)
    out += rec(TABLE, level + 1, struct.pack("<IHHH4H", 0, rows, cols, 0, 0, 0, 0, 0))
    for row, col, rowspan, colspan, body in cells:
        out += rec(LIST_HEADER, level + 1, cell_header(row, col, rowspan, colspan)) + body
    return out


def cell_para(text: str, table_level: int) -> bytes:
    return para(text, level=table_level + 1)


def docinfo(sections: int = 1, extra: bytes = b"") -> bytes:
    return rec(DOCUMENT_PROPERTIES, 0, struct.pack("<H", sections).ljust(26, b"\0")) + extra


def numbering(formats: list[str], fmt_code: int = 0) -> bytes:
    """A NUMBERING record: seven level heads with these format texts, start 1."""
    out = b""
    for i in range(7):
        text = formats[i] if i < len(formats) else ""
        out += struct.pack("<IhhIH", fmt_code << 5, 0, 50, 0xFFFFFFFF, len(text)) + text.encode("utf-16-le")
    return rec(NUMBERING, 0, out + struct.pack("<H", 1) + struct.pack("<7I", *([1] * 7)))


def bullet(char: str) -> bytes:
    return rec(BULLET, 0, struct.pack("<IhhIH", 0, 0, 50, 0xFFFFFFFF, ord(char)) + struct.pack("<i4sHB", 0, b"\0" * 4, 0, 0))


def para_shape(kind: int = 0, ref: int = 0, level: int = 0) -> bytes:
    """A PARA_SHAPE of 58 bytes: heading kind (1 outline, 2 number, 3 bullet), id and 0-based level."""
    props1 = (kind & 0x3) << 23
    body = struct.pack("<I6iHHH4h", props1, 0, 0, 0, 0, 0, 160, 0, ref, 0, 0, 0, 0, 0)
    return rec(PARA_SHAPE, 0, body + struct.pack("<IIII", 0, 0, 160, level))


def char_shape(bold: bool = False) -> bytes:
    body = bytes(42) + struct.pack("<iI", 1000, 0x2 if bold else 0) + bytes(20)
    return rec(CHAR_SHAPE, 0, body.ljust(72, b"\0"))


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def hwp_file(sections: list[bytes], info: bytes | None = None, *, compressed: bool = True,
             flag_compressed: bool | None = None, flags: tuple[str, ...] = (),
             extra_streams: dict[str, bytes] | None = None) -> bytes:
    """The compound file; ``flag_compressed`` may contradict how the streams are stored."""
    bits = 0
    if compressed if flag_compressed is None else flag_compressed:
        bits |= 1 << FLAG_BITS["compressed"]
    for name in flags:
        bits |= 1 << FLAG_BITS[name]
    pack = deflate if compressed else (lambda b: b)
    streams = [("FileHeader", FileHeader((5, 0, 3, 0), bits).to_bytes()),
               ("DocInfo", pack(info if info is not None else docinfo(len(sections))))]
    streams += [(f"BodyText/Section{i}", pack(s)) for i, s in enumerate(sections)]
    streams += list((extra_streams or {}).items())
    return build_compound_file(streams)


def cfb_layout(data: bytes) -> dict:
    """Sector size, FAT sector list, mini FAT sector chain, and (start, size) of every stream by name."""
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    fat_count, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_minifat = struct.unpack_from("<I", data, 0x3C)[0]
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA][:fat_count]
    fat: list[int] = []
    for s in fat_sectors:
        fat.extend(struct.unpack_from(f"<{sector // 4}I", data, (s + 1) * sector))

    def chain(start: int) -> list[int]:
        out = []
        while start < 0xFFFFFFFA and start not in out:
            out.append(start)
            start = fat[start]
        return out

    entries = {}
    for s in chain(first_dir):
        base = (s + 1) * sector
        for k in range(sector // 128):
            raw = data[base + 128 * k: base + 128 * (k + 1)]
            n = struct.unpack_from("<H", raw, 64)[0]
            if n:
                name = raw[:n - 2].decode("utf-16-le")
                start, size = struct.unpack_from("<IQ", raw, 116)
                entries[name] = (start, size & 0xFFFFFFFF)
    return {"sector": sector, "fat_sectors": fat_sectors, "fat": fat,
            "minifat_chain": chain(first_minifat) if first_minifat < 0xFFFFFFFA else [],
            "chain": chain, "entries": entries}


def set_fat(data: bytearray, layout: dict, index: int, value: int) -> None:
    per = layout["sector"] // 4
    sector = layout["fat_sectors"][index // per]
    struct.pack_into("<I", data, (sector + 1) * layout["sector"] + 4 * (index % per), value)


def set_minifat(data: bytearray, layout: dict, index: int, value: int) -> None:
    per = layout["sector"] // 4
    sector = layout["minifat_chain"][index // per]
    struct.pack_into("<I", data, (sector + 1) * layout["sector"] + 4 * (index % per), value)


# -- the record reader on built documents ------------------------------------------------


def _read(data: bytes):
    from bogo.readers.hwp import read_hwp

    return read_hwp(Path("built.hwp"), data)


def _both(data: bytes):
    from test_hwp_oracle import oracle_read_hwp, signature

    new = _read(data)
    old = oracle_read_hwp(Path("built.hwp"), data)
    assert signature(new) == signature(old)
    assert new.line_count == old.line_count
    return new


def _numbered_info() -> bytes:
    info = docinfo(1, char_shape(False) + char_shape(True)
                   + numbering(["^1.", "^2)", "(^3)"], fmt_code=0) + numbering(["^1."], fmt_code=8)
                   + bullet("\uf0a7") + bullet("\u25a1")
                   + para_shape() + para_shape(2, 1, 0) + para_shape(2, 1, 1) + para_shape(2, 2, 0)
                   + para_shape(3, 1, 0) + para_shape(3, 2, 0) + para_shape(2, 1, 7))
    return info


def test_numbering_bullets_and_bold_from_docinfo():
    body = (para("추진 배경", shape=1) + para("세부 내용", shape=2) + para("세부 둘", shape=2)
            + para("다음 항목", shape=1) + para("가나다", shape=3) + para("글머리", shape=4)
            + para("네모", shape=5) + para("깊은 수준", shape=6) + para("굵게", char_shape=1) + para("보통"))
    doc = _both(hwp_file([body], _numbered_info()))
    got = [(b.marker, b.text, b.level, b.emphasis) for b in doc.blocks]
    assert got[:5] == [("1.", "추진 배경", 1, False), ("1)", "세부 내용", 2, False), ("2)", "세부 둘", 2, False),
                       ("2.", "다음 항목", 1, False), ("가.", "가나다", 1, False)]
    assert got[5][1:] == ("글머리", None, False) and got[5][0]  # a private-use bullet glyph, folded
    assert got[6][:3] == ("□", "네모", None)
    assert got[7][:3] == ("", "깊은 수준", None)  # level 8: no heading of its own, as in HWPX
    assert got[8][3] is True and got[9][3] is False


def test_text_controls_tabs_and_line_breaks():
    text = "항목\t값"
    units = text.encode("utf-16-le")
    tab = struct.pack("<H", 9) + b"\0" * 12 + struct.pack("<H", 9)
    line_break = struct.pack("<H", 10)
    payload = units[:4] + tab + units[6:] + line_break + "둘째 줄".encode("utf-16-le") + "\r".encode("utf-16-le")
    header = struct.pack("<IIHBBHHHI", len(payload) // 2, 0, 0, 0, 0, 1, 0, 0, 0)
    body = rec(PARA_HEADER, 0, header) + rec(PARA_TEXT, 1, payload) + rec(PARA_CHAR_SHAPE, 1, bytes(8))
    doc = _both(hwp_file([body]))
    assert doc.blocks[0].raw == "항목\t값\n둘째 줄"


def test_tables_with_spans_nesting_and_captions():
    inner = table(3, 1, 2, [(0, 0, 1, 1, cell_para("안", 3)), (0, 1, 1, 1, cell_para("쪽", 3))])
    outer = table(1, 2, 2, [
        (0, 0, 1, 2, cell_para("머리", 1)),
        (1, 0, 1, 1, para("바깥", level=2, controls=[inner])),
        (1, 1, 1, 1, cell_para("12", 1)),
    ])
    body = para("표 앞") + para("", controls=[outer]) + para("표 뒤")
    doc = _both(hwp_file([body]))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Table", "Paragraph"]
    t = doc.blocks[1]
    assert (t.n_rows, t.n_cols) == (2, 2)
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in t.cells] == [
        ("머리", 0, 0, 1, 2), ("바깥", 1, 0, 1, 1), ("12", 1, 1, 1, 1)]
    assert [c.text for c in doc.blocks[2].cells] == ["안", "쪽"]


@pytest.mark.parametrize("compressed", [True, False])
def test_storage_either_way(compressed):
    doc = _both(hwp_file([para("본문")], compressed=compressed))
    assert [b.text for b in doc.blocks] == ["본문"] and not doc.warnings
