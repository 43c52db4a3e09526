"""Council work plans (Hancom PDF): reviewed goldens of their staffing and first budget table's records.

``tests/golden/council/<stem>.records.json`` holds what extraction makes of each
plan's 기본현황 pages: the staffing record (total, and each unit's 정원/현원) and
the budget lines of the first finance table (item, column, amount, unit).  The
tables themselves are reviewed in ``tests/readers/test_pdf_council.py``; these
records were compared by eye with the rendered pages (``pdftoppm -png -r 80``),
``checked`` counting the values compared.  Regenerate with ``BOGO_REGEN=1``
(refused in CI) and review the diff against the pages again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from conftest import assert_reviewed_golden

REPO = Path(__file__).resolve().parents[2]
COUNCIL = REPO.parent / "shared" / "samples" / "real" / "pdf" / "council"
GOLDEN = REPO / "tests" / "golden" / "council"
STEMS = sorted(p.stem for p in COUNCIL.glob("*.pdf")) if COUNCIL.is_dir() else []


def council_records(report: bogo.Report) -> dict:
    st = report.staffing
    staffing = None if st is None else {
        "table": st.table, "as_of": st.as_of, "total": [st.total.quota, st.total.current],
        "rows": [[r.unit, r.quota, r.current] for r in st.rows]}
    first = next((b.table_id for b in report.budget_lines), None)
    budget = [[b.item, b.column, b.amount, b.unit] for b in report.budget_lines if b.table_id == first]
    return {"date": report.meta.date, "office": report.meta.office, "staffing": staffing,
            "budget_table": first, "budget": budget}


@pytest.fixture(scope="module")
def parsed():
    cache: dict[str, bogo.Report] = {}

    def get(stem: str) -> bogo.Report:
        if stem not in cache:
            cache[stem] = bogo.parse(COUNCIL / f"{stem}.pdf")
        return cache[stem]
    return get


@pytest.mark.skipif(not STEMS, reason="council samples not present")
@pytest.mark.parametrize("stem", STEMS)
def test_council_records(stem, parsed):
    got = council_records(parsed(stem))
    gold = GOLDEN / f"{stem}.records.json"
    assert_reviewed_golden(gold, "records", got)
