"""The narrow history interface that tracking and the corpus checks (C5xx, W403) read.

A :class:`History` answers two questions only: which documents of an office
exist (current versions, oldest first), and what records of one type a
document holds (contract JSON).  :class:`StoreHistory` answers them from a
store; :class:`MemoryHistory` from parsed reports (tests, ``bogo check`` on
several files).  Nothing here hands out a database session.
"""

from __future__ import annotations

from typing import Any

from ..model import Report
from ..records import inferred_date
from .docinfo import DocInfo, History  # noqa: F401 - re-exported: the trackers' types


def report_date(rep: Report) -> str | None:
    """The date tracking uses for a report: its cover date, else :func:`inferred_date`."""
    return rep.meta.date or inferred_date(rep.paragraphs)


def _order(d: DocInfo) -> tuple:
    return (d.date or "", d.id)


def _report_records(rep: Report) -> dict[str, list[dict[str, Any]]]:
    from ..records import report_records

    paragraphs = [{"line": p.line, "marker": p.marker, "text": p.text} for p in rep.paragraphs]
    return report_records(rep.to_dict(), paragraphs)


class MemoryHistory:
    """A history over parsed reports held in memory."""

    def __init__(self, reports: list[Report]):
        self.reports = list(reports)
        self._cache: dict[int, dict[str, list[dict[str, Any]]]] = {}

    def documents(self, office: str | None = None) -> list[DocInfo]:
        docs = [DocInfo(i, r.meta.office, r.meta.kind, report_date(r), r.source.path, r.source.sha256)
                for i, r in enumerate(self.reports)]
        return sorted((d for d in docs if office is None or d.office == office), key=_order)

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]:
        if doc_id not in self._cache:  # all record types at once: one serialisation of the report
            self._cache[doc_id] = _report_records(self.reports[doc_id])
        return self._cache[doc_id].get(rtype, [])


class StoreHistory:
    """A history over a store (current versions of each report)."""

    def __init__(self, store):
        self.store = store
        # a stored document never changes, so its unit snapshot (track.units.snapshot) is kept by the store
        self.snapshots = getattr(store, "snapshots", None)

    def documents(self, office: str | None = None) -> list[DocInfo]:
        from sqlalchemy import select

        from ..store.models import Document

        q = select(Document.id, Document.office, Document.kind, Document.date, Document.path,
                   Document.sha256).where(Document.current == 1)
        if office is not None:
            q = q.where(Document.office == office)
        with self.store.engine.connect() as conn:
            return sorted((DocInfo(*r) for r in conn.execute(q)), key=_order)

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]:
        from ..store.query import records

        # the store's bounded cache of (document id, record type) → records: a stored document's records
        # never change (a changed file is a new document); Store.write fills it, Store.delete clears it
        cache = getattr(self.store, "records_cache", None)
        if cache is None:
            return records(self.store, rtype, document_id=doc_id)
        key = (doc_id, rtype)
        if key not in cache:
            cache[key] = records(self.store, rtype, document_id=doc_id)
        return cache[key]

    def stored_unit_events(self, office: str | None = None) -> list:
        """The unit identity events stored for ``office`` (all offices when None), refreshed first."""
        from .identity import stored_events

        return stored_events(self.store, office)

    def decisions(self) -> dict[tuple[str, str], str]:
        """The users' unit decisions recorded in the store (compact names, both directions)."""
        from ..store.query import decisions
        from .similarity import compact

        return {(compact(a), compact(b)): v for (a, b), v in decisions(self.store).items()}
