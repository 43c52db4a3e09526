"""Staffing tables whose unit names stand on lines of their own over the unit's 정원 and
현원 rows (pdftotext -raw of a table with merged unit cells), and a corner cell split by a
diagonal ("직급별" over "구분")."""

from __future__ import annotations

import bogo

RAW = ("□ 인원 현황\n직급별\n구 분 계 일반직 별정직\n합계\n정 원 30 25 5\n현 원 28 24 4\n"
       "본부\n정 원 20 17 3\n현 원 19 16 3\n소속\n기관\n정 원 10 8 2\n현 원 9 8 1\n기타 현 원 2 - 2\n")


def _parse(tmp_path, text: str) -> bogo.Report:
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


def test_unit_lines_lead_their_pairs_and_the_corner_joins_the_stub(tmp_path):
    r = _parse(tmp_path, RAW)
    [t] = r.tables
    assert t.header == [["직급별 구분", "직급별 구분", "계", "일반직", "별정직"]]
    assert [row[:3] for row in t.rows] == [["합계", "정원", "30"], ["", "현원", "28"], ["본부", "정원", "20"],
                                           ["", "현원", "19"], ["소속 기관", "정원", "10"], ["", "현원", "9"],
                                           ["기타", "현원", "2"]]
    s = r.staffing
    assert (s.total.quota, s.total.current) == (30, 28)
    got = {row.unit: (row.quota, row.current, row.by_type) for row in s.rows}
    assert got["본부"] == (20, 19, {"일반직": [17, 16], "별정직": [3, 3]})
    assert got["소속기관"][:2] == (10, 9)


def test_a_label_line_over_a_row_of_another_kind_stays_what_it_was(tmp_path):
    # "합계" over a row labelled otherwise than 정원/현원 is no unit of a pair
    text = "□ 예산\n구 분 2024년 2025년\n합계\n일반회계 10 12\n특별회계 5 6\n"
    [t] = _parse(tmp_path, text).tables
    assert all(row[0] != "합계 일반회계" for row in t.rows)


def test_a_slip_in_such_a_table_is_found_at_its_cell(tmp_path):
    from bogo.checks import run_checks

    r = _parse(tmp_path, RAW.replace("정 원 30 25 5", "정 원 31 25 5"))
    [f] = [f for f in run_checks([r]).findings if f.severity == "error"]
    assert (f.code, f.row, f.col, f.found, f.expected) == ("T101", "합계 정원", "계", 31, 30)
    assert [f for f in run_checks([_parse(tmp_path, RAW)]).findings if f.severity == "error"] == []
