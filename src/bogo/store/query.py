"""Read-side queries of the store: documents, their records and versions.

``show_document`` finds a document by id, sha256 prefix or path and returns its
row, the count of each record type and all versions of the same report;
``records`` returns the contract JSON of one record type, filtered by document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from ..errors import UsageError
from .models import RECORD_TABLES, Document

if TYPE_CHECKING:  # annotations only: the store's methods call back into these queries
    from .store import Store

DOC_COLUMNS = ("id", "sha256", "path", "format", "office", "kind", "date", "year", "title", "version", "current")


def _doc_dict(d: Document) -> dict[str, Any]:
    return {c: getattr(d, c) for c in DOC_COLUMNS}


def find_document(conn, ref: str) -> int:
    """The id of the document named by ``ref`` (id, sha256 prefix of 8+ characters, or path; the newest)."""
    cond = [Document.path == ref]
    if ref.isdigit():
        cond.append(Document.id == int(ref))
    if len(ref) >= 8:
        cond.append(Document.sha256.startswith(ref.lower()))
    rows = conn.execute(select(Document.id).where(or_(*cond)).order_by(Document.id)).scalars().all()
    if not rows:
        raise UsageError(ref, "저장소에 없는 문서입니다")
    return rows[-1]


def show_document(store: Store, ref: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        from sqlalchemy.orm import Session

        with Session(conn) as session:
            doc = session.execute(select(Document).where(Document.id == find_document(conn, ref))).scalar_one()
            counts = {rtype: session.execute(select(func.count()).select_from(model)
                                             .where(model.document_id == doc.id)).scalar_one()
                      for rtype, (model, _) in RECORD_TABLES.items()}
            versions = session.execute(select(Document).where(Document.report_key == doc.report_key)
                                       .order_by(Document.version)).scalars().all()
            return {"document": _doc_dict(doc), "data": doc.data, "records": counts,
                    "versions": [_doc_dict(v) for v in versions]}


def records(store: Store, rtype: str, document_id: int | None = None, current_only: bool = True) -> list[dict]:
    """The stored records of ``rtype`` as contract JSON with their document's id, path, office and date."""
    if rtype not in RECORD_TABLES:
        raise UsageError(None, f"알 수 없는 레코드 종류입니다: {rtype} (사용 가능: {', '.join(RECORD_TABLES)})")
    model, _ = RECORD_TABLES[rtype]
    q = (select(model.data, Document.id, Document.path, Document.office, Document.date)
         .join(Document, Document.id == model.document_id).order_by(Document.id, model.ordinal))
    if document_id is not None:
        q = q.where(Document.id == document_id)
    elif current_only:
        q = q.where(Document.current == 1)
    with store.engine.connect() as conn:
        return [{"document_id": i, "path": p, "office": o, "date": d, **data} for data, i, p, o, d in conn.execute(q)]


def decide(store: Store, a: str, b: str, action: str, office: str | None = None) -> None:
    """Record a user's decision that units ``a`` and ``b`` are (``link``) or are not (``unlink``) one unit."""
    from datetime import UTC, datetime

    from .models import UnitDecision

    if action not in ("link", "unlink"):
        raise UsageError(None, f"알 수 없는 결정입니다: {action} (link 또는 unlink)")
    with store.engine.begin() as conn:
        conn.execute(UnitDecision.__table__.insert().values(
            office=office, a=a, b=b, action=action, decided_at=datetime.now(UTC).replace(tzinfo=None)))


def decisions(store: Store) -> dict[tuple[str, str], str]:
    """The users' unit decisions, the latest per pair winning (both directions)."""
    from .models import UnitDecision

    out: dict[tuple[str, str], str] = {}
    with store.engine.connect() as conn:
        for a, b, action in conn.execute(select(UnitDecision.a, UnitDecision.b, UnitDecision.action)
                                         .order_by(UnitDecision.id)):
            out[(a, b)] = out[(b, a)] = action
    return out
