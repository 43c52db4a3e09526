"""The whole pipeline on an HWPX report built here with python-hwpx: reader,
structure, typed extraction and checks run unchanged on the office format."""

from __future__ import annotations

import pytest
from hwpx.document import HwpxDocument

import bogo


def _table(doc, rows):
    t = doc.add_table(len(rows), len(rows[0]))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


@pytest.fixture(scope="module")
def report_path(tmp_path_factory):
    doc = HwpxDocument.new()
    for text in ["주요업무보고", "2024. 9.", "기획경제국", "Ⅰ. 일반현황", "1 인력현황", "('24. 9. 1. 현재)"]:
        doc.add_paragraph(text)
    _table(doc, [["구분", "합계", "일반직", "임기제"], ["계", "60 / 57 (30)", "55 / 52", "5 / 5"],
                 ["기획과", "30 / 29 (15)", "28 / 27", "2 / 2"], ["경제과", "30 / 28 (15)", "27 / 25", "3 / 3"]])
    doc.add_paragraph("2 예산현황")
    doc.add_paragraph("(단위 : 백만원)")
    # deliberate defect: 경제과 760 makes the parts 1,210 against a 합계 of 1,200
    _table(doc, [["구분", "2023년", "2024년", "증감"], ["합계", "1,000", "1,200", "200"],
                 ["기획과", "400", "450", "50"], ["경제과", "600", "760", "160"]])
    for text in ["Ⅱ. 주요업무", "1 지역경제 활성화", "□ 추진방향", "○ 소상공인 지원 확대", "□ 향후계획",
                 "○ 지원사업 공고 : '24. 10월", "○ 성과 점검 : 12.20(목)"]:   # 2024-12-20 is a Friday
        doc.add_paragraph(text)
    path = tmp_path_factory.mktemp("hwpx") / "report.hwpx"
    doc.save_to_path(str(path))
    return path


def test_structure_and_records(report_path):
    r = bogo.parse(report_path)
    assert r.source.format == "hwpx"
    assert (r.meta.office, r.meta.kind, r.meta.date) == ("기획경제국", "주요업무보고", "2024-09")
    assert [s.title for s in r.outline] == ["일반현황", "주요업무"]
    st = r.staffing
    assert (st.total.quota, st.total.current, st.total.women, st.as_of) == (60, 57, 30, "2024-09-01")
    assert [(x.unit, x.by_type["일반직"]) for x in st.rows] == [("기획과", [28, 27]), ("경제과", [27, 25])]
    amounts = {(b.item, b.column): b.amount for b in r.budget_lines}
    assert amounts[("합계", "2024년")] == 1200 and all(b.unit == "백만원" for b in r.budget_lines)
    [task] = r.tasks
    assert list(task.parts) == ["추진방향", "향후계획"]
    assert [(m.start, m.end) for m in r.milestones] == [("2024-10", "2024-10"), ("2024-12-20", "2024-12-20")]


def test_checks_find_the_planted_defects(report_path):
    result = bogo.check([report_path])
    found = {(f.code, str(f.found), str(f.expected)) for f in result.findings if f.severity == "error"}
    assert ("T101", "1200", "1210") in found        # the 2024년 합계 against its parts
    assert ("D301", "목", "금") in found             # 12.20(목) is a Friday in 2024
    assert result.summary["error"] == len(found)


def test_per_grade_staffing_with_merged_headers(tmp_path):
    doc = HwpxDocument.new()
    for text in ["현안업무보고", "2024. 11.", "시민소통관", "Ⅰ. 일반현황", "1 인력현황 (기준 / 단위 : '24. 10. 31. / 명)"]:
        doc.add_paragraph(text)
    rows = [["구분", "총계", "일반직", "", "", "별정직", ""], ["", "", "소계", "5급", "6급", "소계", "5급상당"],
            ["정원", "12", "10", "4", "6", "2", "2"], ["현원", "11", "9", "4", "5", "2", "2"]]
    t = doc.add_table(4, 7)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    for cells in ("A1:A2", "B1:B2", "C1:E1", "F1:G1"):
        doc.tables.merge_cells(t, cells)
    path = tmp_path / "grades.hwpx"
    doc.save_to_path(str(path))
    r = bogo.parse(path)
    [tab] = r.tables
    assert tab.header[0] == ["구분", "총계", "일반직", "일반직", "일반직", "별정직", "별정직"]
    assert [0, 2, 1, 3] in tab.spans and (tab.unit, tab.as_of) == ("명", "'24. 10. 31.")
    st = r.staffing
    assert (st.total.quota, st.total.current, st.as_of) == (12, 11, "2024-10-31")
    assert st.rows[0].by_type == {"일반직": [10, 9], "일반직 5급": [4, 4], "일반직 6급": [6, 5],
                                  "별정직": [2, 2], "별정직 5급상당": [2, 2]}
