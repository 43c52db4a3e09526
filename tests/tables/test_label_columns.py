"""Which leading columns of a table name its rows: one rule (``tables.view``) that
the budget lines and the checks both read."""

from __future__ import annotations

from bogo.checks import run_checks
from bogo.model import Report, Source, TableRec
from bogo.tables import build_view


def _table(header: list[str], rows: list[list[str]], unit: str | None = "원") -> TableRec:
    return TableRec(id="t1", section=None, caption="자본예산결산", unit=unit, line=1, header=[header], rows=rows)


# a settlement table whose figure columns are mostly "-" (nothing to report)
MOSTLY_DASHES = [
    ["합계", "", "300", "250", "50"],
    ["설비자산", "소계", "300", "250", "50"],
    ["", "건물", "100", "90", "10"],
    ["", "구축물", "-", "-", "-"],
    ["", "기계장치", "190", "160", "30"],
    ["무형자산", "소계", "-", "-", "-"],
    ["", "개발비", "-", "-", "-"],
    ["투자자산", "소계", "-", "-", "-"],
    ["", "대여금", "-", "-", "-"],
    ["기타자본적지출", "", "-", "-", "-"],
]


def test_dashes_are_blanks_of_a_figure_column_not_labels():
    # four figures among ten cells: read as text, the dashes made these columns labels
    v = build_view(_table(["계정과목", "계정과목", "예산액", "결산액", "증감"], MOSTLY_DASHES))
    assert v.label_cols == 2


def test_a_sum_in_a_column_of_dashes_is_checked(tmp_path):
    # 100 + 190 = 290, not the 300 printed: found only once the column is read as figures
    report = Report(source=Source(path=str(tmp_path / "r.txt"), sha256="0", format="text", bytes=0),
                    tables=[_table(["계정과목", "계정과목", "예산액", "결산액", "증감"], MOSTLY_DASHES)])
    found = [(f.code, f.row, f.col, f.found, f.expected) for f in run_checks([report]).findings
             if f.code == "T101"]
    assert ("T101", "설비자산 소계", "예산액", 300, 290) in found
    fixed = [r[:] for r in MOSTLY_DASHES]
    fixed[4][2] = "200"
    report.tables = [_table(["계정과목", "계정과목", "예산액", "결산액", "증감"], fixed)]
    assert not [f for f in run_checks([report]).findings if f.code == "T101" and f.col == "예산액"]


def test_a_column_of_years_names_rows_and_a_column_of_dashes_is_data():
    years = build_view(_table(["기금명", "설치년도", "운용규모"],
                              [["재난관리기금", "2005", "931"], ["재해구호기금", "1992", "614"]], unit="억원"))
    assert years.label_cols == 2
    dashes = build_view(_table(["구분", "비고", "금액"], [["가", "-", "10"], ["나", "-", "20"]]))
    assert dashes.label_cols == 1


def test_a_first_column_under_a_label_word_names_rows_whatever_it_holds():
    # 사업 codes are numbers, but the header says the column names the rows
    coded = build_view(_table(["사업코드", "예산", "결산"], [["1101", "10", "9"], ["1102", "20", "18"]]))
    assert coded.label_cols == 1
    plain = build_view(_table(["예산", "결산", "증감"], [["1101", "10", "9"], ["1102", "20", "18"]]))
    assert plain.label_cols == 0
