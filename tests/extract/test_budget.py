"""Budget lines on the seeds: every numeric cell of every finance table."""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from bogo.blocks import Document, Paragraph, grid_to_table
from bogo.extract import budget
from bogo.model import Report, Source
from bogo.structure import analyse

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def r000():
    return bogo.parse(SEEDS / "000_8bcafe1a101c0321.txt")


def _by(report, table_id):
    return {(b.item, b.column): b for b in report.budget_lines if b.table_id == table_id}


# 000 lines 62-104, cell by cell: item -> (2017 amount, count, 2018 amount, count, 증감)
TOTALS = {
    "합계": (2438845, 78, 1395971, 78, -1042874),
    "일반회계": (927561, 62, 555571, 61, -371990),
    "도시개발특별회계": (26920, None, 40674, None, 13754),
    "기금": (1484364, 16, 799726, 17, -684638),
}
GENERAL = {
    "합계": (927561, 61, 555571, 62, -371990),
    "기획담당관": (1035, 3, 1229, 3, 194),
    "조직담당관": (98699, 10, 85139, 12, -13560),
    "평가담당관": (1727, 7, 2638, 6, 911),
    "법무담당관": (555, 3, 661, 3, 106),
    "법률지원담당관": (4616, 2, 5824, 2, 1208),
    "대외협력담당관": (3973, 7, 4356, 7, 383),
    "예산담당관": (186863, 3, 259820, 3, 72957),
    "재정관리담당관": (619345, 6, 183660, 5, -435685),
    "시민참여예산담당관": (464, 2, 630, 3, 166),
    "공기업담당관": (789, 4, 697, 4, -92),
    "국제교류담당관": (4051, 7, 5542, 7, 1491),
    "해외도시협력담당관": (5444, 7, 5374, 7, -70),
}
SPECIAL = {"예산담당관": (26920, None, 40674, None, 13754)}
FUNDS = {
    "합계": (1484364, 16, 799726, 17, -684638),
    "재정투융자기금": (727603, None, 591495, None, -136108),
    "감채기금": (727463, None, 183161, None, -544302),
    "남북교류협력기금": (11345, 1, 10875, 1, -470),
    "대외협력기금": (12225, 15, 13281, 16, 1056),
    "지역개발기금": (5728, None, 914, None, -4814),
}


@pytest.mark.parametrize("caption, want", [
    ("총괄표", TOTALS), ("일반회계 : 총 5,556억원", GENERAL),
    ("도시개발특별회계 : 총 407억원", SPECIAL), ("기금 : 총 7,995억원", FUNDS),
])
def test_000_budget_tables(r000, caption, want):
    t = next(t for t in r000.tables if t.caption == caption)
    got = _by(r000, t.id)
    assert len(got) == 3 * len(want)
    for item, (a17, c17, a18, c18, diff) in want.items():
        b = got[(item, "2017년 (사업수)")]
        assert (b.amount, b.count, b.unit, b.table) == (a17, c17, "백만원", caption)
        b = got[(item, "2018년 (사업수)")]
        assert (b.amount, b.count) == (a18, c18)
        b = got[(item, "증감")]
        assert (b.amount, b.count) == (diff, None)
    first = got[(next(iter(want)), "2017년 (사업수)")]
    assert (first.row, first.col, first.line) == (0, 1, t.line + 1)


def test_000_midterm_plan_and_percent_columns(r000):
    t = next(t for t in r000.tables if "중기지방재정계획" in (t.caption or ""))
    got = _by(r000, t.id)
    assert len(got) == 4 * 10
    assert got[("계", "2017 (최종)")].amount == 345988
    assert got[("계", "계획기간 계")].amount == 1777816
    assert got[("일반회계", "계획기간 2022")].amount == 253410
    assert got[("기금", "연평균 규모")].unit == "억원"
    b = got[("기금", "연평균 증가율")]
    assert (b.amount, b.unit) == (-0.6, "%")
    assert got[("일반회계", "연평균 비중")].amount == 67.7


def test_000_budget_composition(r000):
    t = next(t for t in r000.tables if "예산 편성 현황" in (t.caption or ""))
    got = _by(r000, t.id)
    assert len(got) == 15
    assert got[("합계", "2018년(A)")].amount == 318141
    assert got[("특별회계(10개)", "증감 최종(A-C)")].amount == -618


def test_000_non_finance_tables_are_skipped(r000):
    finance = {b.table_id for b in r000.budget_lines}
    staffing_id = r000.staffing.table
    skipped = {t.id for t in r000.tables if t.unit == "건"} | {staffing_id}
    assert not finance & skipped
    for t in r000.tables:
        if t.caption in ("주요기능", "추진방법"):
            assert t.id not in finance


def test_003_unit_stated_above_the_caption():
    r = bogo.parse(SEEDS / "003_cfa35aeae6f4c650.txt")
    lines = [b for b in r.budget_lines if b.table == "과목별 집행현황"]
    assert len(lines) == 9
    assert {b.unit for b in lines} == {"천원"}
    got = {(b.item, b.column): b for b in lines}
    b = got[("계", "집행액")]
    assert (b.amount, b.count) == (56732, None)          # "56,732 (15.9%)": a share, not a count
    assert got[("기관운영업무추진비", "잔액")].amount == 224539
    assert got[("시책추진업무추진비", "예산액")].amount == 80000
    assert "비고" not in {b.column for b in lines}


def test_004_minus_signs_and_stars():
    r = bogo.parse(SEEDS / "004_b40a5c2b04908ad5.txt")
    t = next(t for t in r.tables if t.caption == "총괄표")
    got = _by(r, t.id)
    assert len(got) == 12
    assert got[("일반회계", "증감")].amount == -645131        # "-645,131*"
    assert got[("합계", "2019년 최종(사업수)")].count == 80
    assert got[("특별회계", "2020년(사업수)")].count is None


def _layout(rows, before=("(단위 : 억원)",)):
    blocks = [Paragraph(text=t, raw=t, line=n + 1) for n, t in enumerate(before)]
    blocks.append(grid_to_table(rows, line=len(blocks) + 1, header_rows=1))
    return analyse(Document(blocks=blocks, format="text"))


def _run(layout):
    rep = Report(source=Source(path="x", sha256="0", format="text", bytes=0))
    budget.extract(layout, rep)
    return rep.budget_lines


def test_jo_amounts_and_multi_column_labels():
    lines = _run(_layout([["회계", "구분", "2020년", "비중"],
                          ["일반회계", "세 출", "41조 5,459", "70.5%"],
                          ["특별회계", "세 출", "△3조 2", "29.5%"]]))
    got = {(b.item, b.column): b for b in lines}
    assert got[("일반회계 세출", "2020년")].amount == 415459
    assert got[("특별회계 세출", "2020년")].amount == -30002
    assert (got[("일반회계 세출", "비중")].amount, got[("일반회계 세출", "비중")].unit) == (70.5, "%")


def test_unrecognised_layouts_give_no_lines():
    assert _run(_layout([["구분", "2019", "2020"], ["방문객", "1,000", "2,000"]], before=("(단위 : 명)",))) == []
    assert _run(_layout([["x"]], before=())) == []
    assert _run(_layout([["항목", "내용"], ["가", "나"]])) == []


def test_hierarchical_labels_continue_downwards():
    lines = _run(_layout([["구분", "관", "목", "예산액"],
                          ["세입", "보조금수입", "국고보조금", "1,000"],
                          ["", "", "시도보조금", "500"],
                          ["세출", "인건비", "급여", "1,500"]], before=("(단위 : 원)",)))
    assert [(b.item, b.amount, b.unit) for b in lines] == [
        ("세입 보조금수입 국고보조금", 1000, "원"), ("세입 보조금수입 시도보조금", 500, "원"),
        ("세출 인건비 급여", 1500, "원")]


def test_inner_subtotal_keeps_its_outer_labels():
    """A 소계 printed at an inner level ("| | 보조금수입 소계 | |") still belongs to the
    outer group: a text export has no spans to say so."""
    lines = _run(_layout([["구분", "관", "항", "목", "예산액"],
                          ["세입", "보조금수입", "보조금수입", "국고보조금", "1,000"],
                          ["", "", "", "시도보조금", "500"],
                          ["", "", "보조금수입 소계", "", "1,500"],
                          ["", "보조금수입 소계", "", "", "1,500"]], before=("(단위 : 원)",)))
    assert [(b.item, b.amount) for b in lines] == [
        ("세입 보조금수입 국고보조금", 1000), ("세입 보조금수입 시도보조금", 500),
        ("세입 보조금수입 보조금수입소계", 1500), ("세입 보조금수입소계", 1500)]


def test_a_column_stating_its_own_unit():
    # "사업비 (억원)" holds amounts in 억원; "용량 (천㎥)" and "연장 (km)" hold no amounts at all
    rows = [["구분", "용량 (천㎥)", "연장 (km)", "사업비 (억원)"], ["가배수지", "10", "2.5", "214"],
            ["나배수지", "0.6", "1", "38"]]
    lines = _run(_layout(rows, before=("배수지 확충 사업비",)))
    assert [(ln.item, ln.column, ln.amount, ln.unit) for ln in lines] == [
        ("가배수지", "사업비 (억원)", 214, "억원"), ("나배수지", "사업비 (억원)", 38, "억원")]


def test_a_money_column_mostly_dashes_is_not_a_label_column():
    # most accounts have nothing to report ("-"): the 예산액/결산액 columns still hold amounts
    rows = [["계정과목", "세목", "예산액", "결산액"], ["합계", "", "300", "270"], ["가수입", "소계", "-", "-"],
            ["", "토지", "-", "-"], ["나수입", "소계", "300", "270"], ["", "기타", "300", "270"],
            ["다수입", "", "-", "-"]]
    lines = _run(_layout(rows, before=("(단위 : 원)",)))
    assert [(ln.item, ln.column, ln.amount) for ln in lines] == [
        ("합계", "예산액", 300), ("합계", "결산액", 270), ("나수입 소계", "예산액", 300), ("나수입 소계", "결산액", 270),
        ("나수입 기타", "예산액", 300), ("나수입 기타", "결산액", 270)]


def test_a_rate_column_with_its_formula_holds_percentages():
    # "예산비율 (b/a*100)": a rate word before a parenthesised formula still names a rate
    rows = [["구분", "전체예산 (a)", "복지예산 (b)", "예산비율 (b/a*100)"], ["가구", "3,000", "1,200", "40.0"]]
    lines = _run(_layout(rows, before=("(단위 : 억원)",)))
    assert [(ln.column, ln.amount, ln.unit) for ln in lines] == [
        ("전체예산 (a)", 3000, "억원"), ("복지예산 (b)", 1200, "억원"), ("예산비율 (b/a*100)", 40.0, "%")]
