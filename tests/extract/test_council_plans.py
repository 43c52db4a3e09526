"""Council work plans (Hancom PDF): reviewed goldens of their tasks, dated plans and cover meta.

``tests/golden/council/<stem>.plans.json`` holds the report date and office, each
task (number, group, title) and each milestone (task, raw date, start, end) that
extraction makes of one plan.  They were compared by eye with the rendered pages
(``pdftoppm -png -r 70``): the task headings against the plan's summary diagram
and its task pages, every milestone date against its line; ``checked`` counts the
entries compared.  Regenerate with ``BOGO_REGEN=1`` (refused in CI) and review the
diff against the pages again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from conftest import assert_reviewed_golden, parsed

REPO = Path(__file__).resolve().parents[2]
COUNCIL = REPO.parent / "shared" / "samples" / "real" / "pdf" / "council"
GOLDEN = REPO / "tests" / "golden" / "council"
# the plans reviewed so far (a plan joins when its golden has been compared with its pages)
STEMS = sorted(p.name[:-len(".plans.json")] for p in GOLDEN.glob("*.plans.json")
               if (COUNCIL / (p.name[:-len(".plans.json")] + ".pdf")).exists()) if COUNCIL.is_dir() else []


def council_plans(report: bogo.Report) -> dict:
    number = {t.id: t.number for t in report.tasks}
    return {"date": report.meta.date, "office": report.meta.office,
            "tasks": [[t.number, t.group, t.title] for t in report.tasks],
            "milestones": [[number.get(m.task), m.raw, m.start, m.end] for m in report.milestones]}


@pytest.mark.skipif(not STEMS, reason="council samples not present")
@pytest.mark.parametrize("stem", STEMS)
def test_council_plans(stem):
    got = council_plans(parsed(COUNCIL / f"{stem}.pdf"))
    assert_reviewed_golden(GOLDEN / f"{stem}.plans.json", "plans", got)
