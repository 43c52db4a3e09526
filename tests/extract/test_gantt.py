"""Schedule charts (months, quarters or halves as columns, marks in the cells) give one
milestone per row; tables of monthly figures give none."""

from __future__ import annotations

import bogo
from bogo.extract.gantt import chart_milestones
from bogo.model import TableRec

HEAD = "2025년 주요업무계획\n2025. 2. 10.(월)\n기획조정실\n\nⅠ. 주요업무\n1. 청년 일자리 확대\n □ 추진일정\n\n"


def _parse(tmp_path, body: str):
    p = tmp_path / "plan.txt"
    p.write_text(HEAD + body, encoding="utf-8")
    return bogo.parse(p)


def test_a_month_chart_gives_each_step_its_months(tmp_path):
    r = _parse(tmp_path, "구분\t1월\t2월\t3월\t4월\t5월\t6월\n"
                         "기본계획 수립\t●\t●\t\t\t\t\n공모 및 선정\t\t\t━\t━\t\t\n사업 추진\t\t\t\t\t\t■\n")
    got = [(m.task, m.text, m.raw, m.start, m.end) for m in r.milestones]
    assert got == [("k1", "기본계획 수립", "1월~2월", "2025-01", "2025-02"),
                   ("k1", "공모 및 선정", "3월~4월", "2025-03", "2025-04"),
                   ("k1", "사업 추진", "6월", "2025-06", "2025-06")]


def _rec(header, rows):
    return TableRec(id="t1", section=None, caption=None, unit=None, line=10, header=header, rows=rows,
                    row_lines=[11 + k for k in range(len(rows))])


def test_quarters_and_months_under_a_year_and_halves():
    quarters = _rec([["추진내용", "2026년", "2026년", "2026년", "2026년"], ["추진내용", "1/4", "2/4", "3/4", "4/4"]],
                    [["설계", "○", "○", "", ""], ["착공", "", "", "○", "○"]])
    assert [(m.start, m.end) for m in chart_milestones(quarters, 2025, None, "추진일정")] == [
        ("2026-01", "2026-06"), ("2026-07", "2026-12")]
    months = _rec([["단계", "'25년", "'25년", "'25년"], ["단계", "7", "8", "9"]], [["시범 운영", "", "▶", "▶"]])
    assert [(m.start, m.end) for m in chart_milestones(months, 2024, None, None)] == [("2025-08", "2025-09")]
    halves = _rec([["구분", "'25. 상반기", "'25. 하반기", "'26. 상반기"]], [["구축", "●", "●", ""]])
    assert [(m.raw, m.start, m.end) for m in chart_milestones(halves, 2025, None, None)] == [
        ("'25. 상반기~'25. 하반기", "2025-01", "2025-12")]


def test_a_table_of_monthly_figures_or_few_periods_is_no_chart(tmp_path):
    figures = _rec([["구분", "1월", "2월", "3월"]], [["방문객", "1,200", "980", "1,430"]])
    assert chart_milestones(figures, 2025, None, None) is None
    few = _rec([["구분", "1월", "2월"]], [["착수", "●", ""]])
    assert chart_milestones(few, 2025, None, None) is None
    r = _parse(tmp_path, "구분\t1월\t2월\t3월\n방문객\t1,200\t980\t1,430\n")
    assert r.milestones == []


# a schedule written in words: a row per task, each quarter's steps listed in its cell,
# the quarter labels in the first body row (the header read one row short)
WORDED = ("붙임 과제별 추진일정\n\n"
          "이행과제\t주요 일정\t주요 일정\t주요 일정\t주요 일정\n"
          "\t1/4분기\t2/4분기\t3/4분기\t4/4분기\n"
          "ㅇ 첫째 분야\t\t\t\t\n"
          "청년 창업 지원\tㅇ 지원계획 수립(1월) ㅇ 설명회 개최(2월)\tㅇ 참여기업 선정\tㅇ 참여기업 선정\t"
          "ㅇ 성과 보고회(11월) o 만족도 조사(12월)\n"
          "공유 공간 운영\tㅇ 공간 운영(연중)\tㅇ 공간 운영(연중)\tㅇ 공간 운영(연중)\tㅇ 공간 운영(연중)\n")


def test_a_schedule_written_in_words_gives_each_step_its_date_or_its_columns(tmp_path):
    r = _parse(tmp_path, "- 세부 내용\n\nⅡ. 붙임\n\n" + WORDED)
    got = [(m.text, m.raw, m.start, m.end) for m in r.milestones]
    # (in a row: the steps dated by their own words, then those dated by their columns)
    assert got == [("지원계획 수립(1월)", "1월", "2025-01", "2025-01"),
                   ("설명회 개최(2월)", "2월", "2025-02", "2025-02"),
                   ("성과 보고회(11월)", "11월", "2025-11", "2025-11"),
                   ("만족도 조사(12월)", "12월", "2025-12", "2025-12"),
                   # no date of its own: the quarters it is written under
                   ("참여기업 선정", "2/4분기~3/4분기", "2025-04", "2025-09"),
                   # repeated in every quarter: one step, dated by its own words
                   ("공간 운영(연중)", "연중", "2025-01", "2025-12")]
    # a step dated by its own words is listed under its column (D304 compares the two);
    # one dated by its columns, under the table
    assert [m.heading for m in r.milestones] == ["2025년 1/4분기", "2025년 1/4분기", "2025년 4/4분기",
                                                 "2025년 4/4분기", "붙임 과제별 추진일정", "붙임 과제별 추진일정"]


def test_figures_or_results_under_quarters_are_no_schedule(tmp_path):
    from bogo.extract.gantt import cell_plans

    figures = _rec([["구분", "1/4분기", "2/4분기", "3/4분기"]], [["참여 인원", "120명", "95명", "140명"]])
    assert cell_plans(figures, 2025) is None
    results = _rec([["구분", "상반기 실적", "하반기 계획"]], [["교육", "교육 3회 실시", "교육 4회 실시"]])
    assert cell_plans(results, 2025) is None   # "상반기 실적" is no period alone
    # the same worded quarters with no schedule caption and no plan heading above: no plans
    r = _parse(tmp_path, "- 세부 내용\n\nⅡ. 현황\n\n" + WORDED.replace("붙임 과제별 추진일정", "분기별 현황")
               .replace("주요 일정", "주요 내용"))
    assert r.milestones == []


def test_a_steps_own_month_is_of_its_columns_year(tmp_path):
    # a 2025 report scheduling the next year: "(3월)" under 2026's first quarter is 2026-03
    grid = ("붙임 추진일정\n\n구분\t2026년\t2026년\n\t1/4분기\t2/4분기\n"
            "시설 확충\tㅇ 설계 착수(3월)\tㅇ 공사 발주\n")
    r = _parse(tmp_path, "- 세부 내용\n\nⅡ. 붙임\n\n" + grid)
    assert [(m.text, m.start, m.end) for m in r.milestones] == [
        ("설계 착수(3월)", "2026-03", "2026-03"), ("공사 발주", "2026-04", "2026-06")]


def test_a_step_dated_outside_its_column_is_a_d304_warning(tmp_path):
    from bogo.checks import run_checks

    odd = WORDED.replace("ㅇ 설명회 개최(2월)", "ㅇ 설명회 개최(5월)")
    r = _parse(tmp_path, "- 세부 내용\n\nⅡ. 붙임\n\n" + odd)
    [f] = [f for f in run_checks([r]).findings if f.code == "D304"]
    assert (f.severity, f.found, f.expected) == ("warning", "2025-05", "2025-01~2025-03")
    assert "1/4분기" in f.message
    r = _parse(tmp_path, "- 세부 내용\n\nⅡ. 붙임\n\n" + WORDED)
    assert [f for f in run_checks([r]).findings if f.code == "D304"] == []
