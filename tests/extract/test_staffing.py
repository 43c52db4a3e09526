"""Staffing extraction on the seeds, checked cell by cell against the documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from bogo.blocks import Document, Paragraph, grid_to_table
from bogo.extract import staffing
from bogo.model import Report, Source
from bogo.structure import analyse

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def r000():
    return bogo.parse(SEEDS / "000_8bcafe1a101c0321.txt")


@pytest.fixture(scope="module")
def r003():
    return bogo.parse(SEEDS / "003_cfa35aeae6f4c650.txt")


@pytest.fixture(scope="module")
def r004():
    return bogo.parse(SEEDS / "004_b40a5c2b04908ad5.txt")


# unit: (quota, current, women, 일반직, 임기제, 별정직, 관리운영직) as printed in 000 (lines 24-36)
SEED000 = {
    "기획담당관": (33, 29, 10, [30, 26], [1, 1], None, [2, 2]),
    "조직담당관": (31, 30, 16, [29, 29], [1, 1], None, [1, 0]),
    "평가담당관": (34, 30, 17, [32, 28], [1, 1], None, [1, 1]),
    "법무담당관": (25, 23, 13, [23, 21], [1, 1], None, [1, 1]),
    "법률지원담당관": (29, 28, 17, [14, 13], [15, 14], None, [0, 1]),
    # "1" alone in 관리운영직: 27/22 = 20/19 + 7/2 + x, so x = 0/1
    "대외협력담당관": (27, 22, 9, [20, 19], [7, 2], None, [0, 1]),
    "예산담당관": (40, 35, 13, [39, 34], None, None, [1, 1]),
    "재정관리담당관": (18, 17, 9, [17, 16], [1, 1], None, None),
    "시민참여예산담당관": (9, 8, 5, [8, 7], [1, 1], None, None),
    "공기업담당관": (17, 14, 6, [15, 12], [2, 2], None, None),
    "국제교류담당관": (27, 26, 15, [17, 15], [8, 8], [1, 1], [1, 1]),
    "해외도시협력담당관": (16, 12, 9, [12, 9], [4, 3], None, None),
}
TYPES = ("일반직", "임기제", "별정직", "관리운영직")


def test_000_per_unit_table(r000):
    st = r000.staffing
    assert st is not None and st.table == r000.tables[0].id
    assert st.as_of == "2018-07-12"
    assert (st.total.quota, st.total.current, st.total.women) == (306, 274, 139)
    assert [r.unit for r in st.rows] == list(SEED000)
    for row in st.rows:
        q, c, w, *types = SEED000[row.unit]
        assert (row.quota, row.current, row.women) == (q, c, w), row.unit
        assert row.by_type == dict(zip(TYPES, types, strict=True)), row.unit
    assert st.rows[0].line == 25 and st.rows[-1].line == 36


def test_000_rows_add_up_to_total(r000):
    st = r000.staffing
    assert sum(r.quota for r in st.rows) == st.total.quota
    assert sum(r.current for r in st.rows) == st.total.current
    assert sum(r.women for r in st.rows) == st.total.women


def test_003_per_grade_table(r003):
    st = r003.staffing
    assert st is not None and st.as_of == "2020-01-31"
    assert (st.total.quota, st.total.current, st.total.women) == (22, 21, None)
    assert len(st.rows) == 1
    row = st.rows[0]
    assert row.unit == "시장비서실"
    assert (row.quota, row.current, row.women) == (22, 21, None)
    assert row.by_type == {
        "일반직": [6, 6], "일반직 5급": [2, 2], "일반직 6급": [2, 2], "일반직 7급": [1, 1],
        "일반직 8·9급": [1, 1],
        "별정직": [16, 15], "별정직 2급상당": [1, 1], "별정직 4급상당": [2, 1], "별정직 5급상당": [11, 11],
        "별정직 6급이하": [2, 2],
    }
    # keys without a space are the employment types; they add up to the total
    tops = [v for k, v in row.by_type.items() if " " not in k]
    assert sum(v[0] for v in tops) == row.quota and sum(v[1] for v in tops) == row.current


# 004 is a space-separated export (lines 20-43): blank cells are lost, so the reader
# cannot tell which column a short row's cells belong to; the column totals decide.
SEED004 = {
    "기획담당관": (39, 38, 16, {"일반직": [31, 29], "임기제": [6, 6], "관리운영직": [2, 3]}),
    "조직담당관": (35, 33, 22, {"일반직": [34, 33], "관리운영직": [1, 0]}),
    "평가담당관": (33, 30, 21, {"일반직": [31, 28], "임기제": [1, 1], "관리운영직": [1, 1]}),
    "법무담당관": (26, 24, 15, {"일반직": [23, 23], "임기제": [2, 1], "관리운영직": [1, 0]}),
    "법률지원담당관": (28, 29, 23, {"일반직": [13, 13], "임기제": [15, 15], "관리운영직": [0, 1]}),
    "협력상생담당관": (17, 16, 7, {"일반직": [14, 15], "임기제": [3, 1]}),
    "예산담당관": (40, 37, 18, {"일반직": [38, 35], "임기제": [1, 1], "관리운영직": [1, 1]}),
    "재정균형발전담당관": (25, 23, 14, {"일반직": [24, 22], "임기제": [1, 1]}),
    "공기업담당관": (21, 19, 10, {"일반직": [19, 17], "임기제": [2, 2]}),
    "국제교류담당관": (26, 24, 15, {"일반직": [16, 15], "임기제": [8, 7], "별정직": [1, 1], "관리운영직": [1, 1]}),
    "해외도시협력담당관": (16, 16, 13, {"일반직": [13, 12], "임기제": [3, 3], "관리운영직": [0, 1]}),
}


def test_004_space_separated_rows(r004):
    st = r004.staffing
    assert st is not None and st.as_of == "2020-04-20"
    assert (st.total.quota, st.total.current, st.total.women) == (306, 289, 174)
    assert [r.unit for r in st.rows] == list(SEED004)
    for row in st.rows:
        q, c, w, types = SEED004[row.unit]
        assert (row.quota, row.current, row.women) == (q, c, w), row.unit
        printed = {k: v for k, v in row.by_type.items() if v and v != [0, 0]}
        assert printed == types, row.unit
    # every type column adds up to the 계 row: 256/242, 42/38, 1/1, 7/8
    want = {"일반직": (256, 242), "임기제": (42, 38), "별정직": (1, 1), "관리운영직": (7, 8)}
    for k, (q, c) in want.items():
        assert sum(r.by_type[k][0] for r in st.rows if r.by_type.get(k)) == q, k
        assert sum(r.by_type[k][1] for r in st.rows if r.by_type.get(k)) == c, k


def _layout(rows, before=("인력 현황",), header_rows=1):
    blocks = [Paragraph(text=t, raw=t, line=n + 1) for n, t in enumerate(before)]
    blocks.append(grid_to_table(rows, line=len(blocks) + 1, header_rows=header_rows))
    doc = Document(blocks=blocks, format="text")
    return analyse(doc)


def _report():
    return Report(source=Source(path="x", sha256="0", format="text", bytes=0))


def test_separate_quota_current_columns():
    layout = _layout([["부서", "정원", "현원", "여성"], ["합계", "10", "9", "4"],
                      ["총 무 과", "6", "5", "3"], ["재무과", "4", "4", "1"]])
    rep = _report()
    staffing.extract(layout, rep)
    st = rep.staffing
    assert (st.total.quota, st.total.current, st.total.women) == (10, 9, 4)
    assert [(r.unit, r.quota, r.current, r.women) for r in st.rows] == [("총무과", 6, 5, 3), ("재무과", 4, 4, 1)]


def test_unrecognised_tables_give_no_staffing():
    layout = _layout([["구분", "2017년", "2018년"], ["합계", "1,000", "2,000"], ["일반회계", "600", "700"]],
                     before=("예산 현황",))
    rep = _report()
    staffing.extract(layout, rep)
    assert rep.staffing is None
    rep = _report()
    staffing.extract(_layout([["x"]], before=()), rep)
    assert rep.staffing is None


def test_repair_leaves_an_inconsistent_table_alone():
    # the 계 row cannot be matched by any placement: cells stay where they were read
    layout = _layout([["구분", "합계", "일반직", "임기제"], ["계", "9 / 9", "5 / 5", "3 / 3"],
                      ["가과", "4 / 4", "", "4 / 4"], ["나과", "4 / 4", "4 / 4", ""]])
    rep = _report()
    staffing.extract(layout, rep)
    rows = {r.unit: r.by_type for r in rep.staffing.rows}
    assert rows == {"가과": {"일반직": None, "임기제": [4, 4]}, "나과": {"일반직": [4, 4], "임기제": None}}


def test_grade_rows_side_by_side_groups():
    layout = _layout([["직급별", "정원", "현원", "과부족", "직급별", "정원", "현원", "과부족"],
                      ["서기관", "1", "1", "", "행정주사", "2", "1", "△1"],
                      ["사무관", "3", "3", "", "", "", "", ""],
                      ["", "", "", "", "총계", "6", "5", "△1"]], before=("(2021. 12. 현재 기준)",))
    rep = _report()
    staffing.extract(layout, rep)
    st = rep.staffing
    assert (st.total.quota, st.total.current) == (6, 5)
    assert len(st.rows) == 1 and st.rows[0].unit == "계"
    assert st.rows[0].by_type == {"서기관": [1, 1], "사무관": [3, 3], "행정주사": [2, 1]}


def test_units_as_columns_give_one_row_per_unit():
    # 정원 / 현원 rows, the office's units across the columns (a wrapped header keeps its spaces)
    layout = _layout([["구분", "계", "총 무 과", "재무과", "문화 시설 사업소"],
                      ["정원", "20", "8", "5", "7"], ["현원", "19", "8", "4", "7"]],
                     before=("인 력 : 20명", "(단위 : 명)"))
    rep = _report()
    staffing.extract(layout, rep)
    st = rep.staffing
    assert (st.total.quota, st.total.current) == (20, 19)
    assert [(r.unit, r.quota, r.current) for r in st.rows] == [("총무과", 8, 8), ("재무과", 5, 4),
                                                               ("문화시설사업소", 7, 7)]


def test_grade_columns_stay_one_office_row():
    # the same shape with grades across the columns is the per-grade layout: one row for the office
    layout = _layout([["구분", "계", "4급", "5급", "6급"], ["정원", "9", "1", "3", "5"], ["현원", "8", "1", "3", "4"]],
                     before=("인력 현황",))
    rep = _report()
    staffing.extract(layout, rep)
    assert len(rep.staffing.rows) == 1
    assert rep.staffing.rows[0].by_type == {"4급": [1, 1], "5급": [3, 3], "6급": [5, 4]}


def test_units_as_columns_with_one_row_of_pairs():
    # "정원 / 현원" pairs on one row; a section number swallowed under the table is not a label column's number
    layout = _layout([["구분", "구분", "계", "가정책과", "나복지과"], ["정 원 / 현 원", "", "12/13", "5/6", "7/7"],
                      ["과부족", "", "1", "1", ""], ["2", "예산", "", "", ""]])
    rep = _report()
    staffing.extract(layout, rep)
    st = rep.staffing
    assert (st.total.quota, st.total.current) == (12, 13)
    assert [(r.unit, r.quota, r.current) for r in st.rows] == [("가정책과", 5, 6), ("나복지과", 7, 7)]


def test_a_current_only_table_gives_current_counts_and_unknown_quotas():
    layout = _layout([["구분", "계", "4급", "5급", "6급"], ["계", "30", "1", "9", "20"],
                      ["본청", "18", "1", "5", "12"], ["사업소", "12", "", "4", "8"]], before=("(현원, 명)",))
    rep = _report()
    staffing.extract(layout, rep)
    st = rep.staffing
    assert (st.total.quota, st.total.current) == (None, 30)
    assert [(r.unit, r.quota, r.current) for r in st.rows] == [("본청", None, 18), ("사업소", None, 12)]
    # each grade on the side counted, the other side unknown; a blank cell is null
    assert [r.by_type for r in st.rows] == [{"4급": [None, 1], "5급": [None, 5], "6급": [None, 12]},
                                            {"4급": None, "5급": [None, 4], "6급": [None, 8]}]
    # without a word saying which side it counts, the same table is not read as staffing
    rep = _report()
    staffing.extract(_layout([["구분", "계", "4급", "5급", "6급"], ["계", "30", "1", "9", "20"],
                              ["본청", "18", "1", "5", "12"]], before=("직급별 현황",)), rep)
    assert rep.staffing is None


def test_office_from_the_org_chart_head_when_the_cover_has_none():
    layout = _layout([["구분", "계", "가정책과", "나복지과"], ["정원", "12", "5", "7"], ["현원", "13", "6", "7"]],
                     before=("다누리국 주요업무계획", "다누리국 소관 사업 보고", "1. 조직 및 인력", "다누리국",
                             "가정책과", "나복지과", "인력 현황"))
    rep = _report()
    staffing.extract(layout, rep)
    assert rep.meta.office == "다누리국"
    # a box named once (a fragment of a wrapped org chart) is not taken for the office
    rep = _report()
    staffing.extract(_layout([["구분", "계", "가정책과", "나복지과"], ["정원", "12", "5", "7"], ["현원", "13", "6", "7"]],
                             before=("다누리국", "가정책과", "인력 현황")), rep)
    assert rep.meta.office is None
    rep = _report()
    rep.meta.office = "표지의국"   # a cover's office is never replaced
    staffing.extract(layout, rep)
    assert rep.meta.office == "표지의국"


def _text_report(tmp_path, text: str):
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


def test_a_headcount_stated_in_a_line_when_there_is_no_staffing_table(tmp_path):
    head = "2025년 주요업무계획\n\nⅠ. 기본현황\n□ 조직·인력\n"
    r = _text_report(tmp_path, head + "ㅇ인력 ▸정원 1,138명(공무원 850명, 공무직·청경 등 288명)\n")
    assert r.staffing is not None and r.staffing.table is None and r.staffing.rows == []
    assert (r.staffing.total.quota, r.staffing.total.current) == (1138, None)
    r = _text_report(tmp_path, head + "□ 인 력 : 정원 84명 / 현원 90명 ('25. 1. 1. 기준)\n")
    assert (r.staffing.total.quota, r.staffing.total.current) == (84, 90)


def test_a_line_about_something_else_states_no_headcount(tmp_path):
    head = "2025년 주요업무계획\n\nⅠ. 기본현황\n"
    for line in ("ㅇ인력양성 : 교육생 정원 30명", "ㅇ조직 및 인력 ▹ 3과 12팀, 137명", "ㅇ공단 정원 4,431명(현원 4,642명)"):
        assert _text_report(tmp_path, head + line + "\n").staffing is None


def test_the_staffing_table_wins_over_the_line(tmp_path):
    text = ("2025년 주요업무계획\n\nⅠ. 기본현황\n인 력 : 정원 10명, 현원 9명\n\n"
            "부서\t정원\t현원\n계\t10\t9\n기획과\t6\t5\n총무과\t4\t4\n")
    r = _text_report(tmp_path, text)
    assert r.staffing.table == "t1" and [x.unit for x in r.staffing.rows] == ["기획과", "총무과"]
