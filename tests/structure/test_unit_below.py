"""A unit printed under its table (a text export that puts a right-aligned unit line
after the table) is the table's unit; a unit line that opens the next table is not."""

from __future__ import annotations

from pathlib import Path

import bogo
from bogo.checks import run_checks

TABLE = "구 분\t2025년 (A)\t2026년 (B)\t증감 (B-A)\n일반회계\t51,469\t59,082\t7,612\n특별회계\t6,080\t7,576\t1,496\n"


def _findings(r: bogo.Report, code: str) -> list:
    [(_, _, found)] = run_checks([r]).files
    return [f for f in found if f.code == code]


def _parse(tmp_path: Path, text: str) -> bogo.Report:
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


def test_unit_line_after_the_table_at_the_end(tmp_path):
    r = _parse(tmp_path, "□ 예산 현황\n\n" + TABLE + "\n(단위 : 억원, %)\n")
    [t] = r.tables
    assert t.unit == "억원, %"
    # 억원 figures are rounded from 백만원: 59,082 − 51,469 = 7,613 shown as 7,612 is no typo
    assert _findings(r, "T102") == []


def test_unit_line_after_the_table_before_a_heading_and_after_notes(tmp_path):
    text = "□ 예산 현황\n\n" + TABLE + "\n※ 본예산 기준\n(단위: 백만원)\n\n□ 다음 과제\n- 내용\n"
    [t] = _parse(tmp_path, text).tables
    assert t.unit == "백만원"


def test_unit_line_that_opens_the_next_table_is_not_the_first_tables(tmp_path):
    second = "구 분\t정원\t현원\n계\t10\t9\n"
    [a, b] = _parse(tmp_path, "□ 예산 현황\n\n" + TABLE + "\n(단위 : 명)\n\n" + second).tables
    assert (a.unit, b.unit) == (None, "명")


def test_unit_line_before_unmarked_text_is_not_taken(tmp_path):
    # the header rows of a table that was not recognised follow the unit line: it is theirs
    [t] = _parse(tmp_path, "□ 예산 현황\n\n" + TABLE + "\n(단위 : 백만원)\n구 분 총사업비 국비 시비\n").tables
    assert t.unit is None
    # without a unit, the same off-by-one difference is reported
    r = _parse(tmp_path, "□ 예산 현황\n\n" + TABLE)
    [f] = _findings(r, "T102")
    assert (f.row, f.found, f.expected) == ("일반회계", 7612, 7613)
