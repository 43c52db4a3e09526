"""Superscript words set apart the same way in HWPX, HWP and PDF (readers/_superscript.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import bogo.readers.hwp  # noqa: F401
import bogo.readers.hwpx  # noqa: F401
import bogo.readers.pdf  # noqa: F401
from bogo.blocks import Paragraph
from bogo.readers import read
from bogo.readers._superscript import needs_space, spaced_units
from hostile_kit import NS

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "real"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head">'
        '<hh:refList><hh:charProperties><hh:charPr id="0"/><hh:charPr id="1"><hh:supscript/></hh:charPr>'
        '</hh:charProperties></hh:refList></hh:head>')


def _runs(*runs: tuple[str, int]) -> str:
    body = "".join(f'<hp:run charPrIDRef="{c}"><hp:t>{t}</hp:t></hp:run>' for t, c in runs)
    return f'<hp:p paraPrIDRef="0">{body}</hp:p>'


def test_the_rule():
    assert needs_space("역", False, "신", True) and needs_space("년", True, "5", False)
    assert needs_space("0", False, "보", True)                      # "1,900" + small "보육료"
    assert not needs_space("(", False, "월", True)                  # a bracket keeps its text
    assert not needs_space("질", False, "1", True)                  # a note number is no word
    assert not needs_space("역", False, "신", False) and not needs_space("신", True, "규", True)


def test_hwpx_runs_in_a_superscript_shape_are_set_apart(tmp_path):
    p = tmp_path / "sup.hwpx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/header.xml", HEAD)
        z.writestr("Contents/section0.xml", f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>'
                   + _runs(("정수장 기술진단 용역", 0), ("신규", 1))
                   + _runs(("「", 0), ("가칭", 1), ("시민참여기본법」 제정", 0))
                   + _runs(("수질", 0), ("1)", 1), (" 검사 강화", 0)) + "</hs:sec>")
    texts = [b.text for b in read(p).blocks if isinstance(b, Paragraph)]
    assert texts == ["정수장 기술진단 용역 신규", "「가칭 시민참여기본법」 제정", "수질1) 검사 강화"]


def test_hwp_units_in_a_superscript_shape_are_set_apart():
    pieces = [(0, 8, "개선공사신규추진", True)]
    assert spaced_units(pieces, [(0, 0), (4, 7), (6, 0)], {7}) == "개선공사 신규 추진"
    assert spaced_units(pieces, [(0, 0), (4, 7), (6, 0)], {9}) is None   # no superscript run
    # a control's text is kept whole; the edge after it is judged on its last character
    ctrl = [(0, 2, "합계", True), (2, 10, "\t", False), (10, 12, "신규", True)]
    assert spaced_units(ctrl, [(0, 0), (10, 7)], {7}) == "합계\t신규"


@pytest.mark.skipif(not REAL.is_dir(), reason="real samples not present")
def test_one_report_reads_the_same_in_hwpx_hwp_and_pdf():
    """The press release sets "가칭" as a superscript before a law's name: every format
    reads "「가칭 시민참여기본법」"."""
    for sub, ext in (("hwpx", "hwpx"), ("hwp", "hwp"), ("pdf", "pdf")):
        doc = read(REAL / sub / f"mois_gov_innovation_press_2025-12.{ext}")
        texts = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
        assert "「가칭 시민참여기본법」" in texts and "가칭시민" not in texts, sub
