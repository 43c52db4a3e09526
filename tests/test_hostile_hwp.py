"""Broken HWP 5.0 containers through the public API: never a clean result.

Built from a real sample's streams (re-packed, flags or records altered, or the
file cut): each must end in a BogoError or a result whose file status is
``partial`` (today the reader falls back to the preview text with a warning, or
refuses the container); the HWP reader's own integrity checks are being
rewritten separately and must keep this true.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

import pytest
from hwpx.hwp5.cfb import CompoundFile, build_compound_file
from hwpx.hwp5.fileheader import FileHeader, parse_file_header

import bogo
from bogo.errors import BogoError
from bogo.settings import SETTINGS
from conftest import SAMPLES

SAMPLE = SAMPLES / "hwp" / "budget_statement_table.hwp"
BOUNDED = replace(SETTINGS, read_seconds=15)


def _streams() -> list[tuple[str, bytes]]:
    cf = CompoundFile(SAMPLE.read_bytes())
    return [(p, cf.read(p)) for p in cf.stream_paths()]


def _deflate(raw: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(raw) + c.flush()


def _inflate(data: bytes) -> bytes:
    return zlib.decompress(data, -15)


def compression_flag_cleared() -> bytes:
    out = []
    for p, d in _streams():
        if p == "FileHeader":
            h = parse_file_header(d)
            d = FileHeader(h.version, h.flags & ~1).to_bytes()
        out.append((p, d))
    return build_compound_file(out)


def record_size_4gib() -> bytes:
    out = []
    for p, d in _streams():
        if p == "BodyText/Section0":
            raw = bytearray(_inflate(d))
            (head,) = struct.unpack_from("<I", raw, 0)
            raw[0:4] = struct.pack("<I", (head & 0xFFFFF) | (0xFFF << 20))
            raw[4:4] = struct.pack("<I", 0xFFFFFFFF)
            d = _deflate(bytes(raw))
        out.append((p, d))
    return build_compound_file(out)


def fat_chain_loop() -> bytes:
    """The directory's sector chain points back at itself in the FAT."""
    data = bytearray(SAMPLE.read_bytes())
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    size = 1 << shift
    dir_start = struct.unpack_from("<I", data, 0x30)[0]
    fat0 = struct.unpack_from("<I", data, 0x4C)[0]
    struct.pack_into("<I", data, (fat0 + 1) * size + 4 * dir_start, dir_start)
    return bytes(data)


def cut_in_half() -> bytes:
    data = SAMPLE.read_bytes()
    return data[: len(data) // 2]


def _outcome(path) -> str:
    try:
        result = bogo.check([path], settings=BOUNDED)
    except BogoError as e:
        assert str(e) and "\n" not in str(e)
        return "refused"
    if result.failed:  # several paths: a file that cannot be read is listed, the batch goes on
        [(_, reason)] = result.failed
        assert reason and "\n" not in reason
        return "refused"
    (p, sha, findings), = result.files
    return result.status_of(p, sha, findings)


@pytest.mark.parametrize("build", [cut_in_half, compression_flag_cleared, record_size_4gib, fat_chain_loop],
                         ids=["cut-in-half", "compression-flag-cleared", "record-size-4gib", "fat-chain-loop"])
def test_broken_hwp_is_never_clean(tmp_path, build):
    p = tmp_path / "broken.hwp"
    p.write_bytes(build())
    assert _outcome(p) in ("refused", "partial")


def test_intact_sample_is_read_fully():
    assert _outcome(SAMPLE) in ("clean", "findings")
