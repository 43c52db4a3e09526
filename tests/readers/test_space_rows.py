"""Space-separated rows: a last text column, headers broken at a fixed width, and
placement the reader cannot tell (``placement: inferred``)."""

from __future__ import annotations

from bogo.blocks import Table
from bogo.readers._placement import place_rows
from bogo.readers.textlines import lines_to_blocks


def _tables(text: str, aligned: bool = True) -> list[Table]:
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)), aligned=aligned)
    return [b for b in blocks if isinstance(b, Table)]


def test_figures_then_a_text_column():
    text = ("구분 당초 추경 증감액 산출내역\n"
            "급여 64,896 65,136 240 시설장 1인*1,950원*12개월\n"
            "제수당 1,190 1,190 0 종사자 명절 수당\n"
            "소계 66,086 66,326 240\n")
    (t,) = _tables(text)
    assert t.grid()[1] == ["급여", "64,896", "65,136", "240", "시설장 1인*1,950원*12개월"]
    assert t.grid()[3] == ["소계", "66,086", "66,326", "240", ""]


def test_a_lone_line_of_figures_and_words_is_no_table():
    """A text row needs a row beside it; a year header with words is a header."""
    assert not _tables("사업비 1,200 1,300 증액 편성\n\n다음 문단입니다.")
    (t,) = _tables("구분 2017 계획기간\n계 2018 2019 규모 비중\n계 345,988 338,670 344,194 355,826 100\n"
                   "일반 225,725 224,665 234,699 240,942 67.7")
    assert len(t.grid()) == 4 and t.grid()[2][0] == "계" and t.grid()[2][1] == "345,988"


def test_a_header_broken_at_a_fixed_width_goes_on_below():
    text = ("(단위 : 조원) '22년중 (1~12월) '23년중 (1~12월) '24년중\n"
            "  (1~12월) '25년중 (1~7월)\n"
            "6월 7월 6월 7월 6월 7월 6월 7월\n"
            "은행 △2.8 +0.2 △0.3 +37.1 +5.8 +5.9 +46.2 +5.9 +5.4 +23.3 +6.2 +2.8\n"
            "보험 +3.6 +0.1 +0.2 +2.8 +0.2 +0.5 +0.5 △0.2 △0.1 △1.7 △0.3 △0.4\n")
    (t,) = _tables(text)
    assert t.grid()[1][-8:] == ["6월", "7월"] * 4  # the leaf line stands over the last columns


def test_placement_the_totals_cannot_decide_is_inferred():
    rows = [["계", "3", "2", "1", "1"], ["가", "2", "1", "1"], ["나", "1", "1", "1"]]
    _, _, certain = place_rows(rows, 5)
    assert not certain  # 가 and 나 could trade their "1" between the last two columns
    rows = [["계", "5", "3", "4"], ["가", "3", "2"], ["나", "2", "3", "2"]]
    placed, moved, certain = place_rows(rows, 4)
    assert certain and moved and placed[1] == ["가", "3", "", "2"]
    rows = [["계", "5", "3", "2"], ["가", "3", "3"], ["나", "2", "2"]]
    assert not place_rows(rows, 4)[2]  # the sums that the greedy search reaches do not all match
    _, _, certain = place_rows([["가", "1", "2"], ["나", "3"]], 3)
    assert not certain  # no total row: the blank of 나 stands where the reader guesses


def test_an_inferred_grid_is_marked_on_the_table():
    text = "구분 계 일반직 별정직\n가과 3 2\n나과 4 3 1\n"
    (t,) = _tables(text, aligned=False)
    assert t.placement == "inferred"


def test_bulleted_budget_items_among_rows_are_rows():
    """"□ 항목" and "- 세부" lines of figures read as rows where a plain row is next to them;
    bulleted lines of figures alone stay paragraphs."""
    text = ("구분 2021년 2022년 증감\n"
            "합계 22,565 24,887 2,322\n"
            "□ 청사 시설관리 1,420 1,597 177\n"
            "- 민원서비스 개선 3,655 3,352 △303\n")
    (t,) = _tables(text, aligned=False)
    assert [r[0] for r in t.grid()] == ["구분", "합계", "□ 청사 시설관리", "- 민원서비스 개선"]
    assert t.grid()[3][1:] == ["3,655", "3,352", "△303"]
    assert not _tables("□ 추진 실적 12 15\n- 세부 과제 3 4\n", aligned=False)


def test_a_units_quota_and_current_rows_are_two_stub_columns():
    """"본부 정원 658 …" / "현원 773 …": the unit spans its 정원 and 현원 rows, so the
    labels are two stub columns, and the header's two stub words head them."""
    text = ("직급별 구분 계 정무직 5급 6급이하\n"
            "합계 정원 931 4 651 276\n"
            "현원 940 3 659 278\n"
            "본부 정원 658 3 250 405\n"
            "현원 773 3 236 534\n")
    (t,) = _tables(text, aligned=False)
    assert t.grid()[0] == ["직급별", "구분", "계", "정무직", "5급", "6급이하"]
    assert [r[:3] for r in t.grid()[1:]] == [["합계", "정원", "931"], ["", "현원", "940"],
                                             ["본부", "정원", "658"], ["", "현원", "773"]]


def test_a_row_of_one_figure_and_a_text_cell_beside_rows():
    """Beside rows of a table, "기 타 400 직접 지원" (a label, one figure, a text cell) is a
    row too, so the total above it is not checked against the other rows alone; a
    heading "1 분야" (no label) is none, and a line of one figure is no row on its own."""
    from bogo.readers._spacerows import parse_numeric_row

    assert parse_numeric_row("기 타 400 직접 지원", lone_figure=True) == ("기 타", ["400", "직접 지원"])
    assert parse_numeric_row("기 타 400 직접 지원") is None
    assert parse_numeric_row("1 분야", lone_figure=True) is None


def test_a_total_over_a_row_with_a_text_cell_holds(tmp_path):
    import bogo
    from bogo.checks import run_checks

    p = tmp_path / "budget.txt"
    p.write_text("□ 총사업비\n(단위: 백만원)\n구분 총사업비 예산 집행\n계 1,580 1,180 1,180\n국 비 390 390 390\n"
                 "시 비 790 790 790\n기 타 400 직접 지원\n", encoding="utf-8")
    rep = bogo.parse(p)
    assert [r[0] for r in rep.tables[0].rows] == ["계", "국비", "시비", "기타"]
    assert [f for f in run_checks([rep], select="T101").findings if f.severity == "error"] == []
