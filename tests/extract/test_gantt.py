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
