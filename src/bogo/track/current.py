"""A history seen from one report: its office's earlier documents plus the report itself.

The corpus checks run on a report that may not be stored yet; :class:`WithReport`
adds it to a :class:`~bogo.track.history.History` as document ``-1`` (or finds
it there by sha256) and hides the office's documents dated after it.
"""

from __future__ import annotations

from typing import Any

from ..model import Report
from .history import DocInfo, History, MemoryHistory, report_date

SELF_ID = -1


class WithReport:
    def __init__(self, history: History, report: Report):
        self.history, self.report = history, report
        self._own = MemoryHistory([report])
        self._earlier: list[DocInfo] | None = None
        m = report.meta
        self.doc = DocInfo(SELF_ID, m.office, m.kind, report_date(report), report.source.path, report.source.sha256)
        stored = getattr(history, "snapshots", None)  # the stored documents' snapshots, never the report's own
        self.snapshots = _StoredOnly(stored) if stored is not None else None

    def earlier(self) -> list[DocInfo]:
        """The office's stored documents dated before the report (oldest first; read once per view)."""
        if not self.doc.office or not self.doc.date:
            return []
        if self._earlier is None:
            self._earlier = [d for d in self.history.documents(self.doc.office)
                             if d.sha256 != self.doc.sha256 and (d.date or "") < self.doc.date]
        return list(self._earlier)

    def documents(self, office: str | None = None) -> list[DocInfo]:
        if office is not None and office != self.doc.office:
            return [d for d in self.history.documents(office) if d.sha256 != self.doc.sha256]
        return self.earlier() + [self.doc]

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]:
        return self._own.records(0, rtype) if doc_id == SELF_ID else self.history.records(doc_id, rtype)


class _StoredOnly:
    """A snapshot cache seen through a view: the view's own report (not stored, id SELF_ID) is never kept."""

    def __init__(self, cache):
        self._cache = cache

    def __contains__(self, doc_id) -> bool:
        return doc_id != SELF_ID and doc_id in self._cache

    def __getitem__(self, doc_id):
        return self._cache[doc_id]

    def __setitem__(self, doc_id, snap) -> None:
        if doc_id != SELF_ID:
            self._cache[doc_id] = snap
