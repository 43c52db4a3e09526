"""Headers of space-separated tables rebuilt from the leaf line and the body's width."""

from __future__ import annotations

from bogo.blocks import Document
from bogo.readers._spaceheaders import stubs_over_leaves
from bogo.readers.textlines import lines_to_blocks
from bogo.structure import analyse


def test_stub_columns_over_a_short_leaf_line():
    top, leaf = stubs_over_leaves("구분 2018년(A) 2017년 증감", ["당초(B)", "최종(C)", "당초(A-B)", "최종(A-C)"], 6)
    assert top == ["구분", "2018년(A)", "2017년", "", "증감", ""]
    assert leaf == ["", "", "당초(B)", "최종(C)", "당초(A-B)", "최종(A-C)"]


def test_groups_split_by_kind_of_leaf_cell():
    top, _ = stubs_over_leaves("구분 2017 (최종) 계획기간 연평균",
                               ["계", "2018", "2019", "2020", "2021", "2022", "규모", "비중", "증가율"], 11)
    assert top == ["구분", "2017 (최종)", "계획기간", "", "", "", "", "", "연평균", "", ""]


def test_lines_that_do_not_fit_are_left_alone():
    assert stubs_over_leaves("구분", ["a", "b"], 3) is None  # no group over the leaves
    assert stubs_over_leaves("구분 일반 특별 기금", ["a", "b"], 3) is None  # more groups than leaves


def test_collapsed_export_reads_as_the_grid():
    text = ("(단위 : 억원)\n구분 2018년(A) 2017년 증감\n당초(B) 최종(C) 당초(A-B) 최종(A-C)\n"
            "합계 318,141 298,011 319,819 20,130 △1,678\n일반회계 224,665 206,398 225,725 18,267 △1,060\n"
            "특별회계 93,476 91,613 94,094 1,863 △618")
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    (t,) = analyse(Document(blocks=blocks, format="text")).tables
    assert t.header == [["구분", "2018년(A)", "2017년", "2017년", "증감", "증감"],
                        ["구분", "2018년(A)", "당초(B)", "최종(C)", "당초(A-B)", "최종(A-C)"]]
    assert t.rows[2] == ["특별회계", "93,476", "91,613", "94,094", "1,863", "△618"]


def test_rows_broken_by_a_line_width_are_joined():
    text = ("구분 2018 2019 2020 2021 2022 규모\n"
            "계 345,988 1,777,816 338,670 344,194\n  355,826 100 2.5\n"
            "일반회계 225,725 1,204,710 224,665\n  253,410 240,942 67.7 3.1\n"
            "기금 26,169 99,436 20,529 19,167 20,039\n  5.7 △0.6")
    (t,) = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert t.grid()[1:] == [["계", "345,988", "1,777,816", "338,670", "344,194", "355,826", "100", "2.5"],
                            ["일반회계", "225,725", "1,204,710", "224,665", "253,410", "240,942", "67.7", "3.1"],
                            ["기금", "26,169", "99,436", "20,529", "19,167", "20,039", "5.7", "△0.6"]]


def test_label_less_rows_of_their_own_stay_rows():
    text = "구분 2023 2024\n금액 1,000 1,200\n 10 12\n건수 30 40\n 3 4"
    (t,) = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert len(t.grid()) == 5


def test_parenthesised_rates_under_a_row_are_a_row_of_their_own():
    text = ("구분 2022년 2023년 2024년\n총투자 282.3 198.5 150.9\n증감률 (147.8) (△16.6) (5.2)\n"
            "제조업 111.8 59.7 40.5\n(288.4) (85.2) (△35.9)")
    (t,) = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert t.grid()[1:] == [["총투자", "282.3", "198.5", "150.9"], ["증감률", "(147.8)", "(△16.6)", "(5.2)"],
                            ["제조업", "111.8", "59.7", "40.5"], ["", "(288.4)", "(85.2)", "(△35.9)"]]


def test_a_numbered_heading_above_a_table_is_no_header():
    text = "1. 분기별 동향\n\n구분 2023년 2024년\n전체 176.8 150.9\n제조업 63.2 40.5"
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert blocks[0].text == "분기별 동향"
    assert blocks[1].grid()[0] == ["구분", "2023년", "2024년"]


def test_a_label_between_figures_and_their_rates_is_the_figures_rows():
    text = "구분 2023 2024\n91.8 72.4\n미 국\n(113.5) (15.7)\n16.1 14.4\n룩셈부르크\n(76.6) (56.3)"
    (t,) = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert [r[0] for r in t.grid()] == ["구분", "미국", "", "룩셈부르크", ""]


def test_a_unit_in_the_stub_cell_opens_the_header_and_nothing_above_it_is_header():
    text = ("대출항목별 가계대출 증감 추이\n\n(단위 : 조원) '25.1월 2월 3월\n"
            "주담대 +3.2 +4.9 +3.7\n기타대출 △4.1 △0.7 △3.0\n합계 △0.9 +4.2 +0.7")
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert blocks[0].text == "대출항목별 가계대출 증감 추이"
    assert blocks[1].grid()[0] == ["(단위 : 조원)", "'25.1월", "2월", "3월"]


def test_header_lines_stop_at_a_circled_heading_and_a_run_of_blank_lines():
    text = ("지청 출장소 (42)\n\n\n② 인원 현황(기준)\n\n구분 계 정무직 고공단\n"
            "합계 100 4 96\n본부 30 1 29")
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    assert blocks[-1].grid()[0] == ["구분", "계", "정무직", "고공단"]
    text = "1 분야\n\n\n구분 2023 2024\n합계 10 12\n일반 4 5"
    assert lines_to_blocks(list(enumerate(text.split("\n"), 1)))[-1].grid()[0] == ["구분", "2023", "2024"]
