"""Council work plans (Hancom PDF): reviewed goldens of their 기본현황 tables.

For each reviewed file, ``tests/golden/council/<stem>.basics.json`` holds the data
tables (staffing, budget, fund) of the 기본현황 pages as the PDF reader reads them:
page, size, origin, every anchor cell with its spans.  Each golden was checked
cell by cell against the rendered page (``pdftoppm -png -r 80``); ``checked``
records how many cells were compared by eye.  Regenerate with ``BOGO_REGEN=1``
(refused in CI) and review the diff against the rendered pages again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bogo.readers.pdf  # noqa: F401
from bogo.blocks import Paragraph, Table
from bogo.readers import read
from conftest import assert_reviewed_golden

REPO = Path(__file__).resolve().parents[2]
COUNCIL = REPO.parent / "shared" / "samples" / "real" / "pdf" / "council"
GOLDEN = REPO / "tests" / "golden" / "council"
# reviewed files: the 기본현황 section spans this many pages after its heading
REVIEWED = {"busan_women_family_plan_2025": 0, "busan_planning_coordination_plan_2025": 0,
            "busan_ocean_fisheries_plan_2025": 0, "busan_housing_building_plan_2025": 0,
            "busan_culture_sports_plan_2025": 0, "busan_transport_innovation_plan_2025": 0}
_LEADER = re.compile(r"(?:[·.…‥]\s*){3,}")     # a table-of-contents entry, not the heading


def basics_tables(doc, extra_pages: int) -> list[dict]:
    """The data tables on the pages of the "Ⅰ. 기본현황" section."""
    start = next((b.page for b in doc.blocks if isinstance(b, Paragraph) and b.marker.startswith("Ⅰ")
                  and "기본현황" in b.text.replace(" ", "") and not _LEADER.search(b.text)), None)
    assert start is not None, "no Ⅰ. 기본현황 heading"
    out = []
    for b in doc.blocks:
        if isinstance(b, Table) and not b.layout and b.origin != "inferred" \
                and start <= (b.page or 0) <= start + extra_pages:
            out.append({"page": b.page, "size": [b.n_rows, b.n_cols], "origin": b.origin,
                        "cells": [[c.row, c.col, c.rowspan, c.colspan, c.text] for c in b.cells]})
    return out


@pytest.mark.skipif(not COUNCIL.is_dir(), reason="council samples not present")
@pytest.mark.parametrize("stem", sorted(REVIEWED))
def test_council_basics_tables(stem):
    got = basics_tables(read(COUNCIL / f"{stem}.pdf"), REVIEWED[stem])
    gold = GOLDEN / f"{stem}.basics.json"
    assert_reviewed_golden(gold, "tables", got)


@pytest.mark.skipif(not COUNCIL.is_dir(), reason="council samples not present")
def test_findings_name_the_page_a_reader_turns_to():
    """A PDF's findings carry the page that holds them (checked against the pages: the
    bus table with 마을버스 on page 18, '네비게이션' on page 14)."""
    import bogo
    from bogo.checks import run_checks

    rep = bogo.parse(COUNCIL / "busan_transport_innovation_plan_2025.pdf")
    found = run_checks([rep], select="T101,W405").findings
    assert {(f.code, f.table, f.row, f.page) for f in found if f.code == "T101"} == {
        ("T101", "t25", "합계", 18), ("T101", "t25", "마을버스", 18)}
    assert {f.page for f in found if f.code == "W405"} == {14}
