"""HWP 5.0 reader: real samples, HWP/HWPX twins, protected files and the PrvText fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hwpx.hwp5.cfb import build_compound_file
from hwpx.hwp5.fileheader import FLAG_BITS, FileHeader

import bogo.readers.hwp  # noqa: F401  (registers the reader; see _load_builtin)
import bogo.readers.hwpx  # noqa: F401
from bogo.blocks import Paragraph, Table
from bogo.errors import CorruptFile, UnsupportedFormat
from bogo.readers import read
from bogo.readers.hwp import read_hwp

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "real"
HWP = sorted(p for p in (SAMPLES / "hwp").glob("*.hwp") if "is_hwpx" not in p.name)
TWINS = ["moef_fdi_2024q1_press", "fsc_household_loans_2025-07_press", "mois_gov_innovation_press_2025-12"]


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def signature(doc) -> list[tuple]:
    """Everything a later stage can see of the blocks."""
    out: list[tuple] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            out.append(("T", b.line, b.end_line, b.n_rows, b.n_cols, b.layout, b.form, b.caption,
                        b.header_rows, tuple((c.text, c.raw, c.row, c.col, c.rowspan, c.colspan, c.line)
                                             for c in b.cells)))
        else:
            out.append(("P", b.line, b.text, b.raw, b.marker, b.level, b.indent, b.emphasis))
    return out


def test_samples_present():
    assert len(HWP) == 10


@pytest.mark.parametrize("path", HWP, ids=lambda p: p.stem)
def test_every_sample_opens(path):
    doc = read(path)
    assert doc.format == "hwp"
    assert doc.blocks
    assert not doc.warnings, doc.warnings


@pytest.mark.parametrize("stem", TWINS)
def test_hwp_and_hwpx_twins_give_the_same_blocks(stem):
    a = read(SAMPLES / "hwpx" / f"{stem}.hwpx")
    b = read(SAMPLES / "hwp" / f"{stem}.hwp")
    assert signature(a) == signature(b)
    assert a.line_count == b.line_count


@pytest.mark.parametrize(("stem", "n_tables", "merged_nonempty", "nonempty"), [
    # SOURCES.md: budget 276 cells/33 merged, gov_award 119 merged, nikl 90 merged, nts 10/10
    ("budget_statement_table", 4, 33, 276),
    ("gov_award_nomination_forms", 27, 119, None),
    ("nikl_work_plan_2022", 55, 90, None),
    ("nts_tax_ruling_1978", 1, 10, 10),
    ("moef_fdi_2024q1_press", 26, 97, None),
])
def test_table_counts(stem, n_tables, merged_nonempty, nonempty):
    ts = tables(read(SAMPLES / "hwp" / f"{stem}.hwp"))
    assert len(ts) == n_tables
    cells = [c for t in ts for c in t.cells if c.text]
    assert sum(1 for c in cells if c.rowspan > 1 or c.colspan > 1) == merged_nonempty
    if nonempty is not None:
        assert len(cells) == nonempty


def _hwp(flags: int = 0, streams: dict[str, bytes] | None = None, version=(5, 0, 3, 0)) -> bytes:
    header = FileHeader(version, flags).to_bytes()
    parts = {"FileHeader": header, "DocInfo": b"\x00" * 8, "BodyText/Section0": b"\x01\x02\x03"}
    parts.update(streams or {})
    return build_compound_file(list(parts.items()))


@pytest.mark.parametrize("flag", ["password", "distribution", "drm"])
def test_protected_hwp_is_refused(tmp_path, flag):
    path = tmp_path / f"{flag}.hwp"
    path.write_bytes(_hwp(1 << FLAG_BITS[flag]))
    with pytest.raises(UnsupportedFormat) as e:
        read(path)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in e.value.reason)
    assert "\n" not in str(e.value)


def test_distribution_message_names_it(tmp_path):
    path = tmp_path / "dist.hwp"
    path.write_bytes(_hwp(1 << FLAG_BITS["distribution"]))
    with pytest.raises(UnsupportedFormat, match="배포용"):
        read(path)


def test_hwp3_version_in_ole_is_refused(tmp_path):
    path = tmp_path / "old.hwp"
    path.write_bytes(_hwp(version=(3, 0, 0, 0)))
    with pytest.raises(UnsupportedFormat):
        read(path)


def test_broken_body_falls_back_to_preview_text(tmp_path):
    preview = "□ 추진방향\r\n  ○ 민원 처리 기간 단축\r\n\r\n기 획 담 당 관\0".encode("utf-16-le")
    path = tmp_path / "broken.hwp"
    path.write_bytes(_hwp(streams={"PrvText": preview}))
    doc = read(path)
    assert doc.format == "hwp"
    assert doc.warnings and "PrvText" in doc.warnings[0]
    ps = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [(p.marker, p.text) for p in ps] == [("□", "추진방향"), ("○", "민원 처리 기간 단축"), ("", "기획담당관")]
    assert ps[1].indent == 2 and ps[1].line == 2
    assert not tables(doc)


def test_broken_body_without_preview_is_corrupt(tmp_path):
    path = tmp_path / "broken.hwp"
    path.write_bytes(_hwp())
    with pytest.raises(CorruptFile):
        read(path)


def test_ole_file_that_is_not_hwp(tmp_path):
    path = tmp_path / "excel.hwp"
    path.write_bytes(build_compound_file([("Workbook", b"\x00" * 600)]))
    with pytest.raises(CorruptFile):
        read(path)


def test_direct_call_on_garbage_bytes():
    with pytest.raises(CorruptFile):
        read_hwp(Path("x.hwp"), b"")
    with pytest.raises(CorruptFile):
        read_hwp(Path("x.hwp"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
