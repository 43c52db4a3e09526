"""The data of the workbench's document pages: one function per page, shared by HTML, ``.json`` and ``/api``.

Everything is plain data (dicts and lists of JSON-able values) computed with SQL
aggregation and pagination, so a page costs the same on a 10-report and a
10,000-report store: the dashboard counts with ``GROUP BY``, the document list
pages with ``LIMIT``/``OFFSET``, a document view reads only that document's
records.  Nothing here knows about HTTP; the routes in :mod:`.pages` and
:mod:`.api` call these functions and render or serialise what they return.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, select, text

from ..search import SearchFilters, search
from ..store import Store
from ..store.models import (
    RECORD_TABLES,
    AuditItemRow,
    Document,
    FindingRow,
    MilestoneRow,
    ParagraphRow,
    TableRow,
)
from ..track.audit import canonical_status
from .cache import CACHE

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
RECENT = 10
TOP_CODES = 30
SEARCH_LIMIT = 20
MAX_SOURCE_LINES = 50_000
DOC_FIELDS = ("id", "path", "format", "office", "kind", "date", "year", "title", "version", "current")


def _doc_row(d: Any) -> dict[str, Any]:
    return {k: getattr(d, k) for k in DOC_FIELDS}


def _partial_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return "json_array_length(COALESCE(data->'source'->'warnings', '[]'::json)) > 0"
    return "json_array_length(json_extract(data, '$.source.warnings')) > 0"


def facets(store: Store) -> dict[str, list]:
    """The offices, years and kinds of the current documents (for filter menus; once per store state)."""
    return CACHE.get(store, ("facets",), lambda: _facets(store))


def _facets(store: Store) -> dict[str, list]:
    with store.connect() as conn:
        cur = Document.current == 1
        col = lambda c: [v for (v,) in conn.execute(select(c).where(cur, c.is_not(None)).distinct().order_by(c))]  # noqa: E731
        return {"offices": col(Document.office), "years": col(Document.year), "kinds": col(Document.kind)}


def _finding_counts(conn) -> dict[tuple[str, str], int]:
    """Findings of the current documents per (code, severity): all of them less those of superseded versions.

    Both halves read narrow indexes only; superseded versions are few, so this
    does not grow with a join of every finding to its document."""
    counts: dict[tuple[str, str], int] = {}
    for c, s, n in conn.execute(select(FindingRow.code, FindingRow.severity, func.count())
                                .group_by(FindingRow.code, FindingRow.severity)):
        counts[(c, s)] = n
    old = select(Document.id).where(Document.current == 0).scalar_subquery()
    for c, s, n in conn.execute(select(FindingRow.code, FindingRow.severity, func.count())
                                .where(FindingRow.document_id.in_(old))
                                .group_by(FindingRow.code, FindingRow.severity)):
        counts[(c, s)] -= n
    return {k: n for k, n in counts.items() if n > 0}


def dashboard(store: Store, today: str | None = None) -> dict[str, Any]:
    """Counts for the dashboard: documents by office and year, findings, open audit items, overdue plans.

    Computed once per store state and day (:data:`.cache.CACHE`)."""
    today = today or date.today().isoformat()
    return CACHE.get(store, ("dashboard", today), lambda: _dashboard(store, today))


def _dashboard(store: Store, today: str) -> dict[str, Any]:
    cur = Document.current == 1
    with store.connect() as conn:
        by_oy = [{"office": o, "year": y, "documents": n} for o, y, n in conn.execute(
            select(Document.office, Document.year, func.count()).where(cur)
            .group_by(Document.office, Document.year).order_by(Document.office, Document.year))]
        found = _finding_counts(conn)
        raw_status = conn.execute(select(AuditItemRow.status, func.count()).join(
            Document, Document.id == AuditItemRow.document_id).where(cur).group_by(AuditItemRow.status)).all()
        overdue = conn.execute(select(func.count()).select_from(MilestoneRow).join(
            Document, Document.id == MilestoneRow.document_id).where(
            cur, MilestoneRow.end.is_not(None), MilestoneRow.end < today)).scalar_one()
        partial = [_doc_row(d) for d in conn.execute(
            select(Document).where(cur, text(_partial_sql(store.dialect))).order_by(Document.id.desc()).limit(RECENT))]
        recent = [_doc_row(d) | {"ingested_at": d.ingested_at.isoformat(timespec="seconds")} for d in conn.execute(
            select(Document).order_by(Document.ingested_at.desc(), Document.id.desc()).limit(RECENT))]
        total = conn.execute(select(func.count()).select_from(Document).where(cur)).scalar_one()
    sev: dict[str, int] = {}
    for (_, s), n in found.items():
        sev[s] = sev.get(s, 0) + n
    codes = [{"code": c, "severity": s, "count": n}
             for (c, s), n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))[:TOP_CODES]]
    audit: dict[str, int] = {}
    for raw, n in raw_status:
        key = canonical_status(raw) or "unknown"
        audit[key] = audit.get(key, 0) + n
    open_items = sum(n for k, n in audit.items() if k != "done")
    return {"documents": total, "by_office_year": by_oy,
            "findings_by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
            "findings_by_code": codes, "audit_by_status": audit, "open_audit_items": open_items,
            "overdue_milestones": overdue, "today": today, "partial": partial, "recent": recent}


def document_list(store: Store, office: str | None = None, year: int | None = None, kind: str | None = None,
                  has_errors: bool | None = None, page: int = 1, per_page: int = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """One page of the current documents under the filters, each with its finding counts."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    cond = [Document.current == 1]
    if office:
        cond.append(Document.office == office)
    if year:
        cond.append(Document.year == year)
    if kind:
        cond.append(Document.kind == kind)
    if has_errors is not None:
        err = exists().where(and_(FindingRow.document_id == Document.id, FindingRow.severity == "error"))
        cond.append(err if has_errors else ~err)
    with store.connect() as conn:
        total = conn.execute(select(func.count()).select_from(Document).where(*cond)).scalar_one()
        docs = conn.execute(select(Document).where(*cond).order_by(Document.date.desc(), Document.id.desc())
                            .limit(per_page).offset((page - 1) * per_page)).all()
        counts: dict[int, dict[str, int]] = {d.id: {"error": 0, "warning": 0, "info": 0} for d in docs}
        if docs:
            for i, s, n in conn.execute(select(FindingRow.document_id, FindingRow.severity, func.count())
                                        .where(FindingRow.document_id.in_(list(counts)))
                                        .group_by(FindingRow.document_id, FindingRow.severity)):
                counts[i][s] = n
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)),
            "filters": {"office": office, "year": year, "kind": kind, "has_errors": has_errors},
            "documents": [_doc_row(d) | {"findings": counts[d.id]} for d in docs]}


def document_records(store: Store, doc_id: int) -> dict[str, Any] | None:
    """The stored document row, its data and all its records by type (None when there is no such document)."""
    with store.connect() as conn:
        doc = conn.execute(select(Document).where(Document.id == doc_id)).one_or_none()
        if doc is None:
            return None
        recs = {rtype: [d for (d,) in conn.execute(select(model.data).where(model.document_id == doc_id)
                                                    .order_by(model.ordinal))]
                for rtype, (model, _) in RECORD_TABLES.items()}
        versions = [_doc_row(v) for v in conn.execute(select(Document).where(
            Document.report_key == doc.report_key).order_by(Document.version))]
    return {"document": _doc_row(doc), "data": doc.data or {}, "records": recs, "versions": versions}


def _nest(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for s in sections:
        node = {k: v for k, v in s.items() if k != "parent"} | {"children": []}
        by_id[s["id"]] = node
        parent = by_id.get(s.get("parent") or "")
        (parent["children"] if parent else roots).append(node)
    return roots


def contract(store: Store, doc_id: int) -> dict[str, Any] | None:
    """The stored document as contract JSON (``bogo.report/1``), rebuilt from its records."""
    got = document_records(store, doc_id)
    if got is None:
        return None
    data, r = got["data"], got["records"]
    staffing = data.get("staffing")
    if staffing is not None or r["staff_row"]:
        staffing = dict(staffing or {}) | {"rows": r["staff_row"]}
    audit = None
    if data.get("audit_summary") is not None or r["audit_item"]:
        audit = {"summary": data.get("audit_summary"), "items": r["audit_item"]}
    return {"schema": data.get("schema"), "source": data.get("source"), "meta": data.get("meta"),
            "outline": _nest(r["section"]), "tables": r["table"], "staffing": staffing,
            "budget_lines": r["budget_line"], "tasks": r["task"], "milestones": r["milestone"], "audit": audit,
            "paragraphs": r["paragraph"], "findings": r["finding"]}


def source_lines(records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The document's lines as bogo read them, at their source line numbers (gaps left empty)."""
    lines: dict[int, str] = {}

    def put(n: Any, s: str) -> None:
        if isinstance(n, int) and 0 < n <= MAX_SOURCE_LINES and s and n not in lines:
            lines[n] = s

    for s in records["section"]:
        put(s.get("line"), f"{s.get('marker') or ''} {s.get('title') or ''}".strip())
    for t in records["table"]:
        start, first = t.get("line") or 0, (t.get("row_lines") or [None])[0]
        for k, h in enumerate(t.get("header") or []):
            if start and (first is None or start + k < first):
                put(start + k, " | ".join(h))
        for n, row in zip(t.get("row_lines") or [], t.get("rows") or [], strict=False):
            put(n, " | ".join(row))
    for p in records["paragraph"]:
        put(p.get("line"), f"{p.get('marker') or ''} {p.get('text') or ''}".strip())
    for rtype, key in (("task", "title"), ("milestone", "raw"), ("audit_item", "text")):
        for x in records[rtype]:
            put(x.get("line"), x.get(key) or "")
    top = max(lines, default=0)
    return [{"n": n, "text": lines.get(n, "")} for n in range(1, top + 1)]


def document_view(store: Store, doc_id: int) -> dict[str, Any] | None:
    """Everything the document page shows: outline, tables with findings, tasks, plans, audit, source."""
    got = document_records(store, doc_id)
    if got is None:
        return None
    r = got["records"]
    by_table: dict[str, list[dict[str, Any]]] = {}
    for f in r["finding"]:
        if f.get("table"):
            by_table.setdefault(f["table"], []).append(f)
    counts = {k: sum(f["severity"] == k for f in r["finding"]) for k in ("error", "warning", "info")}
    source = got["data"].get("source") or {}
    return {"document": got["document"], "meta": got["data"].get("meta") or {}, "source": source,
            "partial": bool(source.get("warnings")), "versions": got["versions"], "outline": r["section"],
            "tables": r["table"], "findings_by_table": by_table, "findings": r["finding"], "counts": counts,
            "tasks": r["task"], "milestones": r["milestone"], "audit_items": r["audit_item"],
            "staff_rows": r["staff_row"], "lines": source_lines(r)}


def hit_line(conn, hit: Any, words: list[str]) -> int | None:
    """The source line of the first highlighted word of a hit (its passage's first line when unknown).

    A passage is its heading followed by one line per paragraph (sections) or its
    caption, header and body rows (tables), so the passage line holding the word
    maps back to that paragraph's or row's own source line.
    """
    found = [i for i in (hit.text.find(w) for w in words if w) if i >= 0]
    k = hit.text[:min(found)].count("\n") if found else 0
    if not k or hit.line is None:
        return hit.line
    if hit.type == "section":
        row = conn.execute(select(ParagraphRow.line).where(ParagraphRow.document_id == hit.document_id,
                                                           ParagraphRow.line > hit.line)
                           .order_by(ParagraphRow.line).limit(1).offset(k - 1)).scalar()
        return row or hit.line
    if hit.type == "table":
        t = conn.execute(select(TableRow.data).where(TableRow.document_id == hit.document_id,
                                                     TableRow.tid == hit.ref)).scalar()
        if not t:
            return hit.line
        start = t.get("line") or hit.line
        lines = ([start] if (t.get("caption") or "").strip() else [])
        lines += [start + i for i, h in enumerate(t.get("header") or []) if "\t".join(h).strip()]
        lines += [n for n, r in zip(t.get("row_lines") or [], t.get("rows") or [], strict=False) if "\t".join(r).strip()]
        return lines[k] if k < len(lines) else hit.line
    return hit.line


def search_results(store: Store, q: str, office: str | None = None, year: int | None = None,
                   kind: str | None = None, type_: str | None = None, limit: int = SEARCH_LIMIT) -> dict[str, Any]:
    """Ranked hits of ``q`` with highlighted snippets and the words to highlight in the document."""
    hits: list[dict[str, Any]] = []
    if q.strip():
        with store.connect() as conn:
            found = search(conn, q, SearchFilters(office or None, year or None, kind or None, type_ or None),
                           limit=max(1, min(limit, SEARCH_LIMIT)))
            for h in found:
                words = sorted({h.snippet[a:b] for a, b in h.highlights} | set(q.split()))
                hits.append(h.to_dict() | {"words": words, "line": hit_line(conn, h, words)})
    return {"q": q, "filters": {"office": office, "year": year, "kind": kind, "type": type_},
            "count": len(hits), "hits": hits}


def findings_list(store: Store, document_id: int | None = None, code: str | None = None,
                  severity: str | None = None, page: int = 1, per_page: int = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """One page of stored findings (current documents), newest documents first."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    cond = [Document.current == 1] if document_id is None else [Document.id == document_id]
    if code:
        cond.append(FindingRow.code == code)
    if severity:
        cond.append(FindingRow.severity == severity)
    q = select(FindingRow.data, Document.id, Document.path).join(Document, Document.id == FindingRow.document_id)
    with store.connect() as conn:
        total = conn.execute(select(func.count()).select_from(FindingRow).join(
            Document, Document.id == FindingRow.document_id).where(*cond)).scalar_one()
        rows = conn.execute(q.where(*cond).order_by(Document.id.desc(), FindingRow.ordinal)
                            .limit(per_page).offset((max(1, page) - 1) * per_page)).all()
    return {"total": total, "page": page, "per_page": per_page,
            "findings": [{"document_id": i, "path": p} | d for d, i, p in rows]}
