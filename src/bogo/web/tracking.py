"""The data of the workbench's tracking pages: unit, audit board, plans, question candidates.

They run the library's tracking (:mod:`bogo.track`) over :class:`BulkHistory`,
which loads one record type for all current documents of the offices asked
about in a single query (instead of one query per document), and keep results
in a small cache keyed by the store's fingerprint (:mod:`.cache`),
so a page is computed once per change of the store.  Pages that need the
expensive follow-up (plans, questions) work on one office at a time.
"""

from __future__ import annotations

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
from .cache import CACHE

#: the latest reports of an office that tracking pages compare
TRACK_WINDOW = 24
MAX_UNITS = 1000
OVERDUE = ("no_trace", "in_progress")
#: a staffing change at least this share of the quota, and this many people, is a question candidate
CHANGE_SHARE = 0.15
CHANGE_PEOPLE = 3
#: a budget line changing by at least this share between reports is a question candidate
BUDGET_SHARE = 0.3


class BulkHistory(StoreHistory):
    """A store history of each office's latest ``window`` reports, reading a record type in one query per office.

    Tracking compares reports pairwise, so its cost grows with the square of an
    office's reports; the window keeps a page's cost bounded however many
    reports a store holds (the pages say which reports they cover).
    """

    def __init__(self, store: Store, office: str | None = None, window: int | None = None):
        super().__init__(store)
        self.office = office
        self.window = TRACK_WINDOW if window is None else window
        self._docs: dict[str | None, list] = {}
        self._office_of: dict[int, str | None] = {}
        self._recs: dict[tuple[str | None, str], dict[int, list[dict[str, Any]]]] = {}

    def documents(self, office: str | None = None):
        if office not in self._docs:
            docs = super().documents(office)
            if office is not None and self.window:
                docs = docs[-self.window:]
            elif office is None and self.window:
                by: dict[str | None, list] = {}
                for d in docs:
                    by.setdefault(d.office, []).append(d)
                keep = {d.id for ds in by.values() for d in ds[-self.window:]}
                docs = [d for d in docs if d.id in keep]
            self._docs[office] = docs
            self._office_of.update((d.id, d.office) for d in docs)
        return self._docs[office]

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]:
        if doc_id not in self._office_of:
            return super().records(doc_id, rtype)
        office = self._office_of[doc_id]
        key = (office, rtype)
        if key not in self._recs:
            ids = [i for i, o in self._office_of.items() if o == office]
            model, _ = RECORD_TABLES[rtype]
            by_doc: dict[int, list[dict[str, Any]]] = {}
            with self.store.connect() as conn:
                for i, d in conn.execute(select(model.document_id, model.data).where(model.document_id.in_(ids))
                                         .order_by(model.document_id, model.ordinal)):
                    by_doc.setdefault(i, []).append(d)
            self._recs[key] = by_doc
        return self._recs[key].get(doc_id, [])


def office_events(store: Store, office: str) -> list:
    """The office's unit identity events (computed once per store state)."""
    return CACHE.get(store, ("events", office),
                     lambda: unit_events(BulkHistory(store, office), office, decisions(store)))


def _unit_compute(store: Store, office: str, name: str) -> dict[str, Any]:
    events = office_events(store, office)
    series = unit_series(BulkHistory(store, office), office, name, events=events)
    names = {compact(name)} | {compact(r["unit"]) for r in series}
    mine = [e.to_dict() for e in events if compact(e.old or "") in names or compact(e.new or "") in names]
    items = [s for s in audit_board(store, office)["series"] if any(compact(d) in names for d in s["departments"])]
    with store.connect() as conn:
        budget = [{"document_id": i, "date": d, "item": it, "column": c, "amount": a, "line": ln}
                  for i, d, it, c, a, ln in conn.execute(
                      select(Document.id, Document.date, BudgetLineRow.item, BudgetLineRow.column,
                             BudgetLineRow.amount, BudgetLineRow.line)
                      .join(Document, Document.id == BudgetLineRow.document_id)
                      .where(Document.current == 1, Document.office == office,
                             BudgetLineRow.item.in_(sorted(names | {r["unit"] for r in series} | {name})))
                      .order_by(Document.date, Document.id, BudgetLineRow.ordinal))
                  if compact(it) in names]
    plans = [p for p in plans_page(store, office)["plans"] if any(u and u in compact(p["milestone"]) for u in names)]
    return {"office": office, "name": name, "names": sorted(names), "window": TRACK_WINDOW, "series": series,
            "events": mine,
            "budget": budget, "audit": items, "plans": plans}


def _departments(hist: BulkHistory, entry: dict[str, Any]) -> list[str]:
    for item in hist.records(entry["document_id"], "audit_item"):
        if item.get("id") == entry.get("id") and item.get("line") == entry.get("line"):
            return item.get("departments") or []
    return []


def unit_page(store: Store, office: str, name: str) -> dict[str, Any]:
    """One unit across the office's reports: staffing series, budget lines, identity events, audit items, plans."""
    return CACHE.get(store, ("unit", office, compact(name)), lambda: _unit_compute(store, office, name))


def units(store: Store, office: str | None = None, limit: int = MAX_UNITS) -> dict[str, Any]:
    """The units of the current staffing tables (by office), with how many reports name them."""
    from sqlalchemy import func

    from ..store.models import StaffRowRow

    q = (select(Document.office, StaffRowRow.unit_key, func.min(StaffRowRow.unit),
                func.count(func.distinct(Document.id)))
         .join(Document, Document.id == StaffRowRow.document_id).where(Document.current == 1)
         .group_by(Document.office, StaffRowRow.unit_key).order_by(Document.office, StaffRowRow.unit_key))
    if office:
        q = q.where(Document.office == office)
    with store.connect() as conn:
        rows = conn.execute(q.limit(limit + 1)).all()
    return {"office": office, "truncated": len(rows) > limit,
            "units": [{"office": o, "name": u, "documents": n} for o, _, u, n in rows[:limit]]}


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
            "window": TRACK_WINDOW,
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
    return {"office": office, "today": today, "overdue_only": overdue, "count": len(rows), "window": TRACK_WINDOW,
            "overdue": sum(p["overdue"] for p in rows), "plans": rows}


def _staff_changes(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for a, b in zip(series, series[1:], strict=False):
        qa, qb = a.get("quota"), b.get("quota")
        if qa and qb and abs(qb - qa) >= CHANGE_PEOPLE and abs(qb - qa) >= CHANGE_SHARE * max(qa, qb):
            out.append({"before": a, "after": b, "change": qb - qa})
    return out


def _budget_changes(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive reports where one budget line of the unit changed by at least ``BUDGET_SHARE``."""
    by: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for b in lines:
        if isinstance(b.get("amount"), (int, float)):
            by.setdefault((compact(b["item"]), b["column"]), []).append(b)
    out = []
    for rows in by.values():
        for a, b in zip(rows, rows[1:], strict=False):
            if a["document_id"] != b["document_id"] and a["amount"] and \
                    abs(b["amount"] - a["amount"]) >= BUDGET_SHARE * abs(a["amount"]):
                out.append({"before": a, "after": b, "share": (b["amount"] - a["amount"]) / abs(a["amount"])})
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
    page = unit_page(store, office, unit) if unit else None
    changes = _staff_changes(page["series"]) if page else _office_staff_changes(store, office)
    for c in _budget_changes(page["budget"]) if page else []:
        a, b = c["before"], c["after"]
        out.append({"kind": "예산 변동", "text": f"{b['item']} {b['column']} {a['amount']:,} → {b['amount']:,}",
                    "document_id": b["document_id"], "line": b["line"],
                    "reason": f"{a['date']}와 {b['date']} 사이 {c['share']:+.0%} 바뀜 — 보고서에서 사유를 확인할 필요"})
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
