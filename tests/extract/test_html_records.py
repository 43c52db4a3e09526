"""Published audit results and settlements (HTML pages): reviewed goldens of their records.

``tests/golden/html/<stem>.records.json`` holds, for each page of
``../shared/samples/real/html/``, the audit items (category, id, status as written,
council status, canonical status, the first words of the request), the audit summary, and the
budget lines (table, item, column, amount).  Each was compared with an
independent lxml reading of the page's ``<tr>``s: every audit row's number,
status cell and first words (one disagreement, "추진 불가" against "추진불가": a
line break in the cell), and every numeric ``<td>`` of a settlement matched by an
amount (as a multiset: 431 of 431); the categories against the page's own
summary counts.  ``checked`` counts the values compared.  Regenerate with ``BOGO_REGEN=1`` (refused in CI) and review the
diff again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from bogo.track.audit import canonical_status
from conftest import assert_reviewed_golden

REPO = Path(__file__).resolve().parents[2]
HTML = REPO.parent / "shared" / "samples" / "real" / "html"
GOLDEN = REPO / "tests" / "golden" / "html"
STEMS = sorted(p.stem for p in HTML.glob("*.html")) if HTML.is_dir() else []
REQUEST_WORDS = 6


def html_records(report: bogo.Report) -> dict:
    audit = report.audit
    items = [] if audit is None else [
        [it.category, it.id, it.status_text, it.status, canonical_status(it.status),
         " ".join((it.text or "").split()[:REQUEST_WORDS])]
        for it in audit.items]
    summary = None if audit is None or audit.summary is None else audit.summary.model_dump(exclude={"line", "table"})
    budget = [[b.table, b.item, b.column, b.amount] for b in report.budget_lines]
    return {"audit_items": items, "audit_summary": summary, "budget": budget}


@pytest.mark.skipif(not STEMS, reason="HTML samples not present")
@pytest.mark.parametrize("stem", STEMS)
def test_html_records(stem):
    got = html_records(bogo.parse(HTML / f"{stem}.html"))
    gold = GOLDEN / f"{stem}.records.json"
    assert_reviewed_golden(gold, "records", got)
