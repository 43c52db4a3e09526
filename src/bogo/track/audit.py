"""Audit items across years: the same request recurring, and its status history.

Raw statuses are kept beside a canonical one (:func:`canonical_status`):
``done`` (추진완료, 조치완료, 처리완료, 반영, 해결 …), ``in_progress`` (추진중,
진행중, 이행중, 계속추진, 일부완료, 부분반영, 추진예정 …), ``reviewing`` (검토중,
추진검토, 장기검토, 장기과제 …), ``not_adopted`` (미반영, 불수용, 반영곤란,
추진불가 …).  Items of one office's reports are grouped into
series when their request texts share at least ``same_request_share`` of their words
(:class:`~bogo.settings.TrackSettings`)
(the shared words are the evidence).  A series whose last known status is done
but which appears again later is flagged ``raised_again``; a series not done
whose office has a later report with audit items but not this one is
``unreported`` — never taken as done.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..settings import SETTINGS, TrackSettings
from .history import DocInfo, History
from .similarity import overlap, word_set

_STATUS = (
    ("not_adopted", re.compile(r"미반영|불수용|반영\s*곤란|수용\s*곤란|추진\s*곤란|불가|미조치|미채택|불채택")),
    ("reviewing", re.compile(r"검토|장기\s*과제")),
    # a verb + 중 is ongoing (추진중, 이행중, 협의중 …); partial, planned or continuing work is not done
    ("in_progress", re.compile(r"[가-힣]\s*중$|[가-힣]\s*중\s*[(（]|계속|일부|부분|예정|미완료|미흡")),
    ("done", re.compile(r"완료|종결|조치|처리|반영|해소|시행|해결|이행|수용|채택|준공|개선")),
)


def canonical_status(raw: str | None) -> str | None:
    """The canonical status of a council's raw wording (None when unknown)."""
    if not raw:
        return None
    for name, pat in _STATUS:
        if pat.search(raw):
            return name
    return None


@dataclass
class AuditSeries:
    office: str | None
    request: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    shared_words: list[str] = field(default_factory=list)
    recurring: bool = False
    raised_again: bool = False
    unreported: bool = False
    current: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _entry(doc: DocInfo, item: dict[str, Any]) -> dict[str, Any]:
    return {"document_id": doc.id, "date": doc.date, "path": doc.path, "line": item.get("line"),
            "id": item.get("id"), "raw_status": item.get("status_text") or item.get("status"),
            "status": canonical_status(item.get("status")), "text": item.get("text")}


def _assign(series: list[tuple[AuditSeries, frozenset[str]]], doc: DocInfo, item: dict[str, Any],
            same_share: float) -> None:
    words = word_set(item.get("text") or "")
    best, best_score = None, 0.0
    for s, w in series:
        score = overlap(words, w)
        if score > best_score and s.entries[-1]["document_id"] != doc.id:
            best, best_score = (s, w), score
    if best and best_score >= same_share:
        s, w = best
        s.entries.append(_entry(doc, item))
        s.shared_words = sorted(w & words)[:12]
        return
    series.append((AuditSeries(doc.office, item.get("text") or "", [_entry(doc, item)]), words))


def _finish(s: AuditSeries, audit_docs: list[DocInfo]) -> AuditSeries:
    dates = [e["date"] for e in s.entries]
    s.recurring = len({e["document_id"] for e in s.entries}) > 1
    statuses = [e["status"] for e in s.entries]
    s.raised_again = any(st == "done" for st in statuses[:-1]) and len(statuses) > 1
    s.current = statuses[-1]
    later = [d for d in audit_docs if (d.date or "") > (dates[-1] or "")]
    if s.current != "done" and later:
        s.unreported = True
        s.current = "unreported"
    return s


def audit_series(history: History, office: str | None = None,
                 settings: TrackSettings | None = None) -> list[AuditSeries]:
    """The audit requests of each office as series across its reports."""
    same_share = (settings or SETTINGS.track).same_request_share
    offices = [office] if office else sorted({d.office or "" for d in history.documents()})
    out: list[AuditSeries] = []
    for off in offices:
        docs = [d for d in history.documents(off or None) if (d.office or "") == off]
        audit_docs = [d for d in docs if history.records(d.id, "audit_item")]
        series: list[tuple[AuditSeries, frozenset[str]]] = []
        for d in audit_docs:
            for item in history.records(d.id, "audit_item"):
                _assign(series, d, item, same_share)
        out.extend(_finish(s, audit_docs) for s, _ in series)
    return out
