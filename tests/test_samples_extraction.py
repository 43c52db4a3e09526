"""Typed extraction on the real 업무보고/업무계획 samples in their office formats.

The same pipeline runs unchanged on HWP, HWPX and PDF: these tests pin the
structure each sample yields (outline, tables, budget and staffing records).
"""

from __future__ import annotations

import pytest

import bogo
from conftest import SAMPLES, parsed

ALL = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".hwp", ".hwpx", ".pdf"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_parses(path):
    r = parsed(path)
    assert r.source.format in ("hwp", "hwpx", "pdf")
    assert r.outline or r.tables or r.source.warnings
    assert not [w for w in r.source.warnings if "추출 실패" in w], r.source.warnings


@pytest.mark.parametrize("fmt", ["hwp", "pdf"])
def test_moel_work_report(fmt):
    r = bogo.parse(SAMPLES / fmt / f"moel_work_report_2025-12.{fmt}")
    assert r.meta.date == "2025-12-11"
    [top] = r.outline
    assert top.marker == "Ⅰ." and top.title == "일반현황"
    if fmt == "hwp":
        assert [s.title for s in top.children] == ["기구 및 조직 현황", "인원 현황('25.11.30. 기준)", "예산 현황"]
        budget = next(t for t in r.tables if t.caption == "예산 현황")
        assert budget.unit.startswith("억원") and len(budget.rows) == 10
        first = r.budget_lines[0]
        assert (first.item, first.column, first.amount) == ("총지출(a+b)", "2025 예산 (A)", 353452)
        staff = next(t for t in r.tables if t.caption and t.caption.startswith("인원 현황"))
        assert staff.header[0][:3] == ["직급별 구분"] * 3 and staff.rows[0][2:4] == ["정원", "8,491"]
        # units grouped in the label columns, each with its 정원 and 현원 rows
        assert (r.staffing.total.quota, r.staffing.total.current) == (8491, 8667)
        units = {x.unit: (x.quota, x.current) for x in r.staffing.rows}
        assert units["본부"] == (658, 773) and units["소속기관"] == (7833, 7850)
        assert r.staffing.rows[0].by_type["고공단"] == [22, 18]


@pytest.mark.parametrize("fmt", ["hwp", "pdf"])
def test_nikl_work_plan(fmt):
    r = bogo.parse(SAMPLES / fmt / f"nikl_work_plan_2022.{fmt}")
    titles = [s.title for s in r.outline]
    for t in ["2021년 평가", "2022년 정책 방향", "주요업무 추진계획", "역점추진 과제"]:
        assert t in titles
    if fmt == "hwp":
        # the cover title sits in a one-column frame, section numbers in their own cell
        assert r.meta.title == "2022년 국립국어원 업무계획" and r.meta.kind == "업무계획"
        first = next(s for s in r.outline if s.title == "2021년 평가")
        assert [(c.marker, c.title) for c in first.children] == [("1", "성과"), ("2", "한계")]
    plan = next(s for s in r.outline if s.title == "주요업무 추진계획")
    assert [c.marker for c in plan.children][:7] == [f"{i}." for i in range(1, 8)]
    revenue = [b for b in r.budget_lines if b.table == "세입예산" and b.item == "계"]
    assert revenue and revenue[0].amount == 1125 and revenue[0].unit == "백만원"


WORK_SAMPLES = ["hwp/moel_work_report_2025-12.hwp", "pdf/moel_work_report_2025-12.pdf",
                "hwp/nikl_work_plan_2022.hwp", "pdf/nikl_work_plan_2022.pdf"]


@pytest.mark.parametrize("rel", WORK_SAMPLES)
def test_golden_outline_of_work_reports(rel):
    """The 업무보고/업무계획 samples: outline, tables and tasks as a reviewed text
    golden (regenerate with BOGO_REGEN=1 outside CI and read the diff)."""
    import os

    from test_golden import GOLDEN, outline_text

    r = bogo.parse(SAMPLES / rel)
    gold = GOLDEN / "samples" / (rel.replace("/", "__") + ".outline.txt")
    if os.environ.get("BOGO_REGEN"):
        assert not os.environ.get("CI"), "golden files are never regenerated in CI"
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(outline_text(r), encoding="utf-8")
    assert gold.read_text(encoding="utf-8") == outline_text(r)
