"""The data of the workbench's tracking pages: unit, audit board, plans, question candidates.

They run the library's tracking (:mod:`bogo.track`) over :class:`BulkHistory`,
which loads one record type for all current documents of the offices asked
about in a single query (instead of one query per document), and keep results
in a small cache keyed by the store's fingerprint (:func:`.data.store_stamp`),
so a page is computed once per change of the store.  Pages that need the
expensive follow-up (plans, questions) work on one office at a time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from ..store import Store
from ..store.models import RECORD_TABLES, BudgetLineRow, Document
from ..store.query import decisions
from ..track import StoreHistory, unit_events, unit_series
from ..track.audit import audit_series
from ..track.plans import plan_followup
from ..track.similarity import compact
from .data import store_stamp

CACHE_SIZE = 64
OVERDUE = ("no_trace", "in_progress")
#: a staffing change at least this share of the quota, and this many people, is a question candidate
CHANGE_SHARE = 0.15
CHANGE_PEOPLE = 3


class BulkHistory(StoreHistory):
    """A store history that reads each record type once for all current documents (of ``office``)."""

    def __init__(self, store: Store, office: str | None = None):
        super().__init__(store)
        self.office = office
        self._docs: dict[str | None, list] = {}
        self._recs: dict[str, dict[int, list[dict[str, Any]]]] = {}

    def documents(self, office: str | None = None):
        if office not in self._docs:
            self._docs[office] = super().documents(office)
        return self._docs[office]

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]:
        if rtype not in self._recs:
            model, _ = RECORD_TABLES[rtype]
            q = (select(model.document_id, model.data).join(Document, Document.id == model.document_id)
                 .where(Document.current == 1).order_by(model.document_id, model.ordinal))
            if self.office is not None:
                q = q.where(Document.office == self.office)
            by_doc: dict[int, list[dict[str, Any]]] = {}
            with self.store.connect() as conn:
                for i, d in conn.execute(q):
                    by_doc.setdefault(i, []).append(d)
            self._recs[rtype] = by_doc
        return self._recs[rtype].get(doc_id, [])


class ResultCache:
    """Results of expensive tracking calls, valid while the store's fingerprint is unchanged."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (store.url, store_stamp(store), *key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


CACHE = ResultCache()


def _unit_compute(store: Store, office: str, name: str) -> dict[str, Any]:
    hist, dec = BulkHistory(store, office), decisions(store)
    series = unit_series(hist, office, name, dec)
    names = {compact(name)} | {compact(r["unit"]) for r in series}
    events = [e.to_dict() for e in unit_events(hist, office, dec)
              if compact(e.old or "") in names or compact(e.new or "") in names]
    items = [s.to_dict() for s in audit_series(hist, office)
             if any(compact(d) in names for e in s.entries for d in _departments(hist, e))]
    with store.connect() as conn:
        budget = [{"document_id": i, "date": d, "item": it, "column": c, "amount": a, "line": ln}
                  for i, d, it, c, a, ln in conn.execute(
                      select(Document.id, Document.date, BudgetLineRow.item, BudgetLineRow.column,
                             BudgetLineRow.amount, BudgetLineRow.line)
                      .join(Document, Document.id == BudgetLineRow.document_id)
                      .where(Document.current == 1, Document.office == office)
                      .order_by(Document.date, Document.id, BudgetLineRow.ordinal))
                  if compact(it) in names]
    plans = [p.to_dict() for p in plan_followup(hist, office)
             if any(compact(u) in compact(p.milestone) for u in names if u)]
    return {"office": office, "name": name, "names": sorted(names), "series": series, "events": events,
            "budget": budget, "audit": items, "plans": plans}


def _departments(hist: BulkHistory, entry: dict[str, Any]) -> list[str]:
    for item in hist.records(entry["document_id"], "audit_item"):
        if item.get("id") == entry.get("id") and item.get("line") == entry.get("line"):
            return item.get("departments") or []
    return []


def unit_page(store: Store, office: str, name: str) -> dict[str, Any]:
    """One unit across the office's reports: staffing series, budget lines, identity events, audit items, plans."""
    return CACHE.get(store, ("unit", office, compact(name)), lambda: _unit_compute(store, office, name))


def units(store: Store, office: str | None = None) -> dict[str, Any]:
    """The units of the store's staffing tables (by office), with how many reports name them."""
    from ..store.models import StaffRowRow

    q = (select(Document.office, StaffRowRow.unit_key, StaffRowRow.unit, Document.id)
         .join(Document, Document.id == StaffRowRow.document_id).where(Document.current == 1))
    if office:
        q = q.where(Document.office == office)
    out: dict[tuple, dict[str, Any]] = {}
    with store.connect() as conn:
        for off, key, unit, doc in conn.execute(q.order_by(Document.office, StaffRowRow.unit_key, Document.date)):
            u = out.setdefault((off, key), {"office": off, "name": unit, "documents": set()})
            u["documents"].add(doc)
    return {"units": [u | {"documents": len(u["documents"])} for u in out.values()]}


def audit_board(store: Store, office: str | None = None, status: str | None = None,
                department: str | None = None, year: int | None = None) -> dict[str, Any]:
    """The audit requests as series (open first), filtered by status, department and year."""
    def compute() -> list[dict[str, Any]]:
        hist = BulkHistory(store, office)
        out = []
        for s in audit_series(hist, office):
            d = s.to_dict()
            d["departments"] = sorted({x for e in s.entries for x in _departments(hist, e)})
            d["years"] = sorted({int(e["date"][:4]) for e in s.entries if (e["date"] or "")[:4].isdigit()})
            out.append(d)
        return out

    series = CACHE.get(store, ("audit", office), compute)
    rows = [s for s in series if (not status or s["current"] == status or (status == "open" and s["current"] != "done"))
            and (not department or any(department in d for d in s["departments"]))
            and (not year or year in s["years"])]
    rows.sort(key=lambda s: (s["current"] == "done", s["office"] or "", s["request"]))
    return {"filters": {"office": office, "status": status, "department": department, "year": year},
            "count": len(rows), "open": sum(s["current"] != "done" for s in rows), "series": rows}


def plans_page(store: Store, office: str, overdue: bool = False, today: str | None = None) -> dict[str, Any]:
    """The office's milestones with their follow-up status; overdue = due and not reported done."""
    today = today or date.today().isoformat()
    items = CACHE.get(store, ("plans", office),
                      lambda: [p.to_dict() for p in plan_followup(BulkHistory(store, office), office)])
    rows = []
    for p in items:
        due = bool(p["end"]) and p["end"] < today
        p = p | {"overdue": p["status"] in OVERDUE and due}
        if not overdue or p["overdue"]:
            rows.append(p)
    rows.sort(key=lambda p: (p["end"] or "9999", p["planned_date"] or "", p["line"]))
    return {"office": office, "today": today, "overdue_only": overdue, "count": len(rows),
            "overdue": sum(p["overdue"] for p in rows), "plans": rows}


def _staff_changes(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for a, b in zip(series, series[1:], strict=False):
        qa, qb = a.get("quota"), b.get("quota")
        if qa and qb and abs(qb - qa) >= CHANGE_PEOPLE and abs(qb - qa) >= CHANGE_SHARE * max(qa, qb):
            out.append({"before": a, "after": b, "change": qb - qa})
    return out


def _office_staff_changes(store: Store, office: str) -> list[dict[str, Any]]:
    hist = BulkHistory(store, office)
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for d in hist.documents(office):
        for r in hist.records(d.id, "staff_row"):
            by_unit.setdefault(compact(r["unit"]), []).append(
                {"date": d.date, "document_id": d.id, "unit": r["unit"], "quota": r.get("quota"), "line": r.get("line")})
    return [c for rows in by_unit.values() for c in _staff_changes(rows)]


def _link(doc_id: int | None, line: int | None) -> str | None:
    if doc_id is None:
        return None
    return f"/doc/{doc_id}" + (f"#L{line}" if line else "")


def questions(store: Store, office: str, unit: str | None = None, today: str | None = None) -> dict[str, Any]:
    """What a council member could ask the office (or one unit): each candidate with its source and reason.

    Candidates are listed by kind and source order; departments are never ranked against each other.
    """
    out: list[dict[str, Any]] = []
    key = compact(unit or "")
    for s in audit_board(store, office, status="open")["series"]:
        if key and not any(key in compact(d) for d in s["departments"]):
            continue
        last = s["entries"][-1]
        flags = [f for f, on in (("반복 지적", s["recurring"]), ("완료 보고 후 재지적", s["raised_again"]),
                                 ("이후 보고 없음", s["unreported"])) if on]
        out.append({"kind": "감사 처리", "text": s["request"], "document_id": last["document_id"],
                    "line": last["line"], "reason": f"처리되지 않은 감사 요구 (최근 상태: {last['raw_status'] or '없음'})"
                    + (" · " + ", ".join(flags) if flags else "")})
    for p in plans_page(store, office, overdue=True, today=today)["plans"]:
        if key and key not in compact(p["milestone"]):
            continue
        ev = (f"이후 보고 {p['evidence_line']}행: {p['evidence']}" if p["evidence"] else "흔적 없음")
        out.append({"kind": "일정", "text": p["milestone"], "document_id": p["planned_in"], "line": p["line"],
                    "reason": f"기한 {p['end']} 지남, 완료 보고 없음 — {ev}"})
    with store.connect() as conn:
        latest = conn.execute(select(Document.id).where(Document.current == 1, Document.office == office)
                              .order_by(Document.date.desc(), Document.id.desc()).limit(1)).scalar()
    if latest is not None and not key:
        from .data import findings_list

        for f in findings_list(store, document_id=latest, per_page=100)["findings"]:
            if f["severity"] in ("error", "warning"):
                out.append({"kind": "점검 결과", "text": f["message"], "document_id": latest, "line": f.get("line"),
                            "reason": f"최근 보고서의 점검 결과 {f['code']}"})
    changes = (_staff_changes(unit_page(store, office, unit)["series"]) if unit
               else _office_staff_changes(store, office))
    for c in changes:
        a, b = c["before"], c["after"]
        out.append({"kind": "인력 변동", "text": f"{b['unit']} 정원 {a['quota']} → {b['quota']} ({c['change']:+d}명)",
                    "document_id": b["document_id"], "line": b["line"],
                    "reason": f"{a['date']}와 {b['date']} 사이 정원이 크게 바뀜 — 보고서에서 사유를 확인할 필요"})
    for q in out:
        q["link"] = _link(q["document_id"], q["line"])
    return {"office": office, "unit": unit, "count": len(out), "questions": out}


CSV_HEADER = ("구분", "내용", "이유", "문서", "행", "링크")


def questions_csv(data: dict[str, Any]) -> str:
    """The question candidates as CSV text (formula-safe cells); written with a UTF-8 BOM by the caller."""
    import csv
    import io

    from ..store.export import safe_cell

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_HEADER)
    for q in data["questions"]:
        w.writerow([safe_cell(q[k]) for k in ("kind", "text", "reason", "document_id", "line", "link")])
    return buf.getvalue()
