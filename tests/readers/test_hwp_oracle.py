"""The record reader against the python-hwpx conversion it replaced, kept here as an oracle.

Before, bogo read an ``.hwp`` by converting it to HWPX XML with python-hwpx
(``hwpx.hwp5.package.convert``) and walking that XML like an HWPX package.  The
record reader (:mod:`bogo.readers.hwp`) must give the same blocks, the same
extracted records and the same findings on every HWP sample; a difference
would have to be an improvement explained here.  (On the ten samples there is
none.)  Places where the two readings part by construction (read from the
python-hwpx code, found in no sample, and not built by a test here):
cells past the row sizes a ``TABLE`` record declares (the conversion drops
them, the record reader keeps them), a text box inside a text box (the XML walk
reads it twice), a table whose declared grid passes the cell budget (clamped,
with a warning), and damaged DocInfo records (the conversion gives up on the
body and falls back to the preview text; the record reader keeps the body).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hwpx.hwp5.errors import Hwp5Error
from hwpx.hwp5.package import convert

import bogo
from bogo import readers
from bogo.blocks import Document, Table
from bogo.readers._owpml import walk_package
from bogo.readers.hwp import read_hwp
from bogo.settings import SETTINGS, Settings

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "real"
HWP = sorted(p for p in (SAMPLES / "hwp").glob("*.hwp") if "is_hwpx" not in p.name)
TWINS = sorted(p.stem for p in HWP if (SAMPLES / "hwpx" / f"{p.stem}.hwpx").exists())


class _Parts:
    def __init__(self, files: dict[str, bytes]):
        self._files = files

    def names(self) -> list[str]:
        return list(self._files)

    def has(self, name: str) -> bool:
        return name in self._files

    def read(self, name: str) -> bytes:
        return self._files[name]


def oracle_read_hwp(path: Path, data: bytes, settings: Settings = SETTINGS) -> Document:
    """The previous reader: python-hwpx's HWPX conversion walked as an HWPX package."""
    converted = convert(data)
    files = {k: v for k, v in converted.files.items() if not k.startswith("BinData/")}
    return walk_package(path, _Parts(files), settings, "hwp")


def signature(doc: Document) -> list[tuple]:
    out: list[tuple] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            out.append(("T", b.line, b.end_line, b.n_rows, b.n_cols, b.layout, b.form, b.caption,
                        b.header_rows, tuple((c.text, c.raw, c.row, c.col, c.rowspan, c.colspan, c.line)
                                             for c in b.cells)))
        else:
            out.append(("P", b.line, b.text, b.raw, b.marker, b.level, b.indent, b.emphasis))
    return out


def test_samples_and_twins_present():
    assert len(HWP) == 10
    assert len(TWINS) >= 3


@pytest.mark.parametrize("path", HWP, ids=lambda p: p.stem)
def test_blocks_match_the_conversion(path):
    data = path.read_bytes()
    new, old = read_hwp(path, data), oracle_read_hwp(path, data)
    assert new.warnings == []
    assert new.line_count == old.line_count
    assert signature(new) == signature(old)


@pytest.fixture
def with_oracle(monkeypatch):
    """Run the whole pipeline with the old HWP reader registered."""
    readers.registered()  # load the built-in readers first
    monkeypatch.setitem(readers._REGISTRY, "hwp", readers.Reader("hwp", oracle_read_hwp))


def _records(path: Path) -> dict:
    d = bogo.parse(path).to_dict()
    d.pop("source")
    return d


@pytest.mark.parametrize("path", HWP, ids=lambda p: p.stem)
def test_records_and_findings_match_the_conversion(path, request):
    new_records = _records(path)
    new_findings = bogo.check([path]).to_dict()
    request.getfixturevalue("with_oracle")
    assert readers.registered()["hwp"].read is oracle_read_hwp
    assert _records(path) == new_records
    assert bogo.check([path]).to_dict() == new_findings


@pytest.mark.parametrize("stem", TWINS)
def test_twins_read_alike_by_records_and_by_conversion(stem):
    hwp = SAMPLES / "hwp" / f"{stem}.hwp"
    hwpx = readers.read(SAMPLES / "hwpx" / f"{stem}.hwpx")
    new = read_hwp(hwp, hwp.read_bytes())
    assert signature(new) == signature(hwpx)
    assert signature(oracle_read_hwp(hwp, hwp.read_bytes())) == signature(hwpx)


def test_the_oracle_refuses_what_the_reader_reports():
    """Sanity of the oracle itself: it raises on a file that is not HWP."""
    with pytest.raises(Hwp5Error):
        convert(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
