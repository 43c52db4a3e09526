"""The contract's records of one report, grouped by record type.

One report's JSON as the flat lists the store keeps per record type (its
tables) and the trackers read (:class:`~bogo.track.history.MemoryHistory`):
sections flattened with their parent, tables, staffing rows, budget lines,
tasks, milestones, audit items, paragraphs and findings; and the date a report
is filed under when its cover has none.  It needs neither the database nor the
trackers, so both the store and the trackers import it.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter

from .model import Section

#: opening paragraphs searched for a date when the cover has none
DATE_PARAGRAPHS = 12
DATED_KINDS = frozenset({"day", "month", "range"})  # a year alone ("2009년도") is not a date
_YEAR_WRITTEN = re.compile(r"^(?:19|20)\d{2}\s*[.년\-/]")
_OUTLINE = TypeAdapter(list[Section])


def _flat_sections(sections: list[Section], parent: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in sections:
        d = s.model_dump(mode="json", exclude={"children"})
        d["parent"] = parent
        out.append(d)
        out.extend(_flat_sections(s.children, s.id))
    return out


def report_records(report_json: dict[str, Any], paragraphs: list[dict[str, Any]] | None = None,
                   ) -> dict[str, list[dict[str, Any]]]:
    """The contract's records of one report, grouped by record type (the store's tables)."""
    outline = _OUTLINE.validate_python(report_json.get("outline") or [])  # only the part flattened
    staffing = report_json.get("staffing") or {}
    audit = report_json.get("audit") or {}
    return {
        "section": _flat_sections(outline),
        "table": report_json.get("tables") or [],
        "staff_row": staffing.get("rows") or [],
        "budget_line": report_json.get("budget_lines") or [],
        "task": report_json.get("tasks") or [],
        "milestone": report_json.get("milestones") or [],
        "audit_item": audit.get("items") or [],
        "paragraph": report_json.get("paragraphs") or paragraphs or [],
        "finding": report_json.get("findings") or [],
    }


def inferred_date(paragraphs: list[Any]) -> str | None:
    """A date (YYYY-MM) for a report whose cover has none: the first date with a written
    four-digit year and a month among its opening paragraphs (an audit period
    "감사기간 : 2005.11.28~12.2", a "2024. 7. 1. 현재" line), else None.

    Tracking orders an office's reports by date, and an item missing from a
    later report is "unreported" only when the reports can be ordered; a year
    alone ("2009년도 결산") never dates a report.
    """
    from .normalize.dates import find_dates

    for p in paragraphs[:DATE_PARAGRAPHS]:
        text = p.get("text") if isinstance(p, dict) else p.text
        for sp in find_dates(text or "", 2000):
            if sp.valid and sp.kind in DATED_KINDS and sp.start and _YEAR_WRITTEN.match(sp.raw):
                return sp.start[:7]
    return None
