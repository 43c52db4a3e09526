"""Hostile HWPX/HWP inputs built here: each must end in a BogoError, not a crash or a blow-up.

The zip bomb holds 1 GiB of zeros (about 1 MB compressed): a reader that
inflates it into memory would need a gigabyte.  No test is timed.
"""

from __future__ import annotations

import random
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hwpx.hwp5.cfb import build_compound_file
from hwpx.hwp5.fileheader import FLAG_BITS, FileHeader

import bogo.readers.hwp  # noqa: F401  (registers the reader)
import bogo.readers.hwpx  # noqa: F401
from bogo.blocks import Paragraph, Table
from bogo.errors import BogoError, CorruptFile, InputError, LimitExceeded, UnsupportedFormat
from bogo.readers import read
from bogo.readers.hwp import read_hwp
from bogo.readers.hwpx import read_hwpx
from bogo.settings import SETTINGS

NS = ('xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"')
HEADER = '<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"/>'
MIB = 1 << 20


def para(text: str = "", inner: str = "") -> str:
    return f'<hp:p paraPrIDRef="0"><hp:run charPrIDRef="0"><hp:t>{text}</hp:t>{inner}</hp:run></hp:p>'


def table(cell_inner: str) -> str:
    return ('<hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList>' + cell_inner +
            '</hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/><hp:cellSpan colSpan="1" rowSpan="1"/>'
            '</hp:tc></hp:tr></hp:tbl>')


def section(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{body}</hs:sec>'


def write_hwpx(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/hwp+zip")
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def minimal(path: Path, body: str) -> Path:
    return write_hwpx(path, {"Contents/header.xml": HEADER, "Contents/section0.xml": section(body)})


def test_minimal_builder_is_readable(tmp_path):
    doc = read(minimal(tmp_path / "ok.hwpx", para("□ 추진방향") + para("", table(para("셀")))))
    assert [type(b) for b in doc.blocks] == [Paragraph, Table]
    assert doc.blocks[0].marker == "□" and doc.blocks[1].cells[0].text == "셀"


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """1 GiB of zeros as Contents/section0.xml, written by streaming."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.hwpx"
    chunk = b"\0" * MIB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/header.xml", HEADER)
        with z.open("Contents/section0.xml", "w", force_zip64=True) as f:
            for _ in range(1024):
                f.write(chunk)
    assert path.stat().st_size < 20 * MIB
    return path


def test_zip_bomb_public_read(zip_bomb):
    with pytest.raises(LimitExceeded, match="zip bomb"):
        read(zip_bomb)


def test_zip_bomb_direct(zip_bomb):
    with pytest.raises(LimitExceeded):
        read_hwpx(zip_bomb, zip_bomb.read_bytes())


def test_total_uncompressed_limit(tmp_path):
    rng = random.Random(0)
    text = "".join(chr(rng.randrange(0xAC00, 0xD7A4)) for _ in range(400_000))  # ~1.2 MB, incompressible
    path = minimal(tmp_path / "big.hwpx", para(text))
    small = replace(SETTINGS, max_uncompressed_bytes=MIB)
    with pytest.raises(LimitExceeded):
        read(path, small)
    assert read(path).blocks  # fine under the default limit


def test_too_many_entries(tmp_path):
    parts: dict[str, bytes | str] = {"Contents/header.xml": HEADER, "Contents/section0.xml": section(para("x"))}
    parts.update({f"BinData/image{i}.png": b"x" for i in range(30)})
    path = write_hwpx(tmp_path / "many.hwpx", parts)
    with pytest.raises(LimitExceeded, match="항목"):
        read(path, replace(SETTINGS, max_zip_entries=10))


def test_lying_directory_is_caught_while_reading(tmp_path):
    """The directory claims 1,000 bytes for a 20 MiB entry: never inflate past the claim."""
    path = minimal(tmp_path / "liar.hwpx", para("x" * (20 * MIB)))
    data = bytearray(path.read_bytes())
    name = b"Contents/section0.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) != -1:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, pos + size_at, 1000)
            pos += 4
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile):
        read(path)


@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_truncated_zip(tmp_path, keep):
    good = SAMPLE_HWPX.read_bytes()
    path = tmp_path / "cut.hwpx"
    path.write_bytes(good[: int(len(good) * keep)])
    with pytest.raises(CorruptFile):
        read(path)
    with pytest.raises(CorruptFile):
        read_hwpx(path, path.read_bytes())


def test_damaged_member_data(tmp_path):
    """Central directory intact, compressed section data overwritten."""
    path = minimal(tmp_path / "dmg.hwpx", "".join(para(f"문단 {i} 내용입니다") for i in range(2000)))
    data = bytearray(path.read_bytes())
    start = data.find(b"Contents/section0.xml") + len(b"Contents/section0.xml") + 40
    data[start:start + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile):
        read(path)


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + f']><hs:sec {NS}><hp:p><hp:run><hp:t>&lol9;</hp:t></hp:run></hp:p></hs:sec>'
)
XXE = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       f'<hs:sec {NS}><hp:p><hp:run><hp:t>&xxe;</hp:t></hp:run></hp:p></hs:sec>')


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion_laughs", "xxe"])
def test_entity_declarations_are_refused(tmp_path, xml):
    path = write_hwpx(tmp_path / "ent.hwpx", {"Contents/header.xml": HEADER, "Contents/section0.xml": xml})
    with pytest.raises(LimitExceeded, match="엔티티"):
        read(path)


def test_entity_bomb_after_long_comment(tmp_path):
    xml = BILLION_LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!--' + "x" * 10_000 + "-->")
    path = write_hwpx(tmp_path / "ent2.hwpx", {"Contents/header.xml": HEADER, "Contents/section0.xml": xml})
    with pytest.raises(LimitExceeded):
        read(path)


@pytest.mark.parametrize("name", ["../../evil.xml", "/etc/evil.xml", "Contents/../../evil.xml", "C:\\evil.xml"])
def test_path_traversal_entry(tmp_path, name):
    path = write_hwpx(tmp_path / "trav.hwpx", {"Contents/header.xml": HEADER,
                                               "Contents/section0.xml": section(para("x")), name: "boom"})
    with pytest.raises(LimitExceeded, match="경로"):
        read(path)


def test_malformed_xml(tmp_path):
    path = write_hwpx(tmp_path / "bad.hwpx", {"Contents/header.xml": HEADER,
                                              "Contents/section0.xml": section(para("x"))[:-20]})
    with pytest.raises(CorruptFile):
        read(path)


def test_no_section(tmp_path):
    path = write_hwpx(tmp_path / "empty.hwpx", {"Contents/header.xml": HEADER})
    with pytest.raises(CorruptFile):
        read(path)


def test_deep_table_nesting_setting(tmp_path):
    body = para("x")
    for _ in range(6):
        body = para("", table(body))
    path = minimal(tmp_path / "deep.hwpx", body)
    assert len([b for b in read(path).blocks if isinstance(b, Table)]) == 6
    with pytest.raises(LimitExceeded, match="중첩"):
        read(path, replace(SETTINGS, max_nesting=3))


def test_very_deep_nesting_default_limit(tmp_path):
    body = para("x")
    for _ in range(60):
        body = para("", table(body))
    path = minimal(tmp_path / "deeper.hwpx", body)
    with pytest.raises(LimitExceeded):
        read(path)


def test_empty_hwp_file(tmp_path):
    path = tmp_path / "empty.hwp"
    path.write_bytes(b"")
    with pytest.raises(InputError):
        read(path)
    with pytest.raises(BogoError):
        read_hwp(path, b"")


def test_encrypted_hwp_flag(tmp_path):
    header = FileHeader((5, 0, 3, 0), (1 << FLAG_BITS["compressed"]) | (1 << FLAG_BITS["password"])).to_bytes()
    path = tmp_path / "secret.hwp"
    path.write_bytes(build_compound_file([("FileHeader", header), ("DocInfo", b""),
                                          ("BodyText/Section0", b"")]))
    with pytest.raises(UnsupportedFormat, match="암호"):
        read(path)


def test_garbage_after_ole_magic(tmp_path):
    path = tmp_path / "garbage.hwp"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with pytest.raises(CorruptFile):
        read(path)


def test_truncated_real_hwp(tmp_path):
    good = (SAMPLES / "hwp" / "moef_budget_press_2020-09.hwp").read_bytes()
    path = tmp_path / "cut.hwp"
    path.write_bytes(good[: len(good) // 3])
    try:  # an error, or a partial read that says so: never a silent clean read
        doc = read(path)
    except BogoError:
        return
    assert doc.warnings and "잘" in " ".join(doc.warnings)


SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "real"
SAMPLE_HWPX = SAMPLES / "hwpx" / "mcst_press_2024-01-02.hwpx"


# -- budgets on declared sizes (bogo.readers._budget) --------------------------

def test_declared_spans_are_parsed_not_trusted():
    from bogo.readers._budget import address, span

    assert [span(v, 1000) for v in (None, "", "x", "-5", "0", "3", "1e9", 10**9)] == [1, 1, 1, 1, 1, 3, 1, 1000]
    assert [address(v) for v in (None, "x", "-1", "7")] == [0, 0, 0, 7]


def test_table_shape_is_measured_from_cells():
    from bogo.blocks import Cell
    from bogo.readers._budget import table_shape

    cells = [Cell("a", "a", 0, 0, rowspan=1000, colspan=2), Cell("b", "b", 1, 2)]
    rows, cols = table_shape(cells, SETTINGS, None, declared_rows=100_000, declared_cols=100_000)
    assert (rows, cols) == (1000, 3)  # declared counts believed only as far as spans reach
    cells = [Cell("a", "a", 0, 0, rowspan=1000), Cell("b", "b", 1, 1)]
    assert table_shape(cells, SETTINGS, None, declared_rows=2, declared_cols=2) == (2, 2)
    assert cells[0].rowspan == 2  # clamped to the table


def test_table_shape_refuses_before_allocating():
    from bogo.blocks import Cell
    from bogo.readers._budget import table_shape

    with pytest.raises(LimitExceeded, match="표가 너무 큽니다"):
        table_shape([Cell("a", "a", 10**9, 10**9)], SETTINGS)
    overlapping = [Cell("x", "x", r, 0, rowspan=1000, colspan=1000) for r in range(300)]
    with pytest.raises(LimitExceeded):
        table_shape(overlapping, SETTINGS, None, declared_rows=1300)


def test_document_cell_budget(tmp_path):
    body = "".join(para("", table(para(f"셀 {i}"))) for i in range(30))
    path = minimal(tmp_path / "many.hwpx", body)
    assert read(path).blocks
    with pytest.raises(LimitExceeded, match="표 칸 수"):
        read(path, replace(SETTINGS, max_doc_cells=10))
