"""Stored unit identity: the events of :mod:`.units` kept as dated rows of the store.

The events of an office are computed per pair of *consecutive staffing
reports* (the current versions of its documents that have a staffing table,
in date order) and stored with the pair's document ids.  :func:`refresh_identity`
brings the table in line with the documents: pairs that are no longer
consecutive (a report ingested in between, a new version, a deleted document)
are dropped, pairs not yet compared are computed.  It runs after every write
of a document of the office, so each ingest compares at most two new pairs,
however long the office's history.  A pair compared without any change is
kept as one ``unchanged`` row, which readers skip.

User decisions (``bogo track unit link|unlink``) are applied when a pair is
compared; recording one (:func:`decide_and_refresh`) recomputes every pair
that involves either name, so a decision always wins over an automatic match.
A weak match stays a ``possible`` suggestion with ``linked`` false.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import delete, exists, select, text, tuple_

from .docinfo import DocInfo
from .similarity import compact
from .units import UnitEvent, compare, snapshot

UNCHANGED = "unchanged"
REFRESH_LOCK = 0x626F6775  # PostgreSQL advisory lock: one refresh of stored identity at a time


def _models():
    from ..store.models import Document, StaffRowRow, UnitEventRow

    return Document, StaffRowRow, UnitEventRow


def staffing_sequences(conn, offices: list[str] | None = None) -> dict[str, list[DocInfo]]:
    """Per office, its current documents that have a staffing table, oldest first."""
    Document, StaffRowRow, _ = _models()
    q = (select(Document.id, Document.office, Document.kind, Document.date, Document.path, Document.sha256)
         .where(Document.current == 1, Document.office.is_not(None),
                exists().where(StaffRowRow.document_id == Document.id)))
    if offices is not None:
        q = q.where(Document.office.in_(offices))
    out: dict[str, list[DocInfo]] = defaultdict(list)
    for r in conn.execute(q):
        out[r[1]].append(DocInfo(*r))
    for seq in out.values():
        seq.sort(key=lambda d: (d.date or "", d.id))
    return dict(out)


def _stored_pairs(conn, offices: list[str] | None) -> set[tuple[int, int]]:
    _, _, Ev = _models()
    q = select(Ev.from_doc, Ev.to_doc).distinct()
    if offices is not None:
        q = q.where(Ev.office.in_(offices))
    return {(a, b) for a, b in conn.execute(q)}


def _decisions(store) -> dict[tuple[str, str], str]:
    from ..store.query import decisions

    return {(compact(a), compact(b)): v for (a, b), v in decisions(store).items()}


def _rows(events: list[UnitEvent], before: DocInfo, after: DocInfo, now: datetime) -> list[dict]:
    if not events:
        events = [UnitEvent(UNCHANGED, after.date, after.office, None, None, 1.0, "auto", False,
                            before.id, after.id)]
    return [{"office": e.office, "date": e.date, "kind": e.kind, "old": e.old, "new": e.new,
             "old_key": compact(e.old)[:200] or None, "new_key": compact(e.new)[:200] or None,
             "confidence": e.confidence, "source": e.source, "linked": int(e.linked),
             "from_doc": before.id, "to_doc": after.id, "ordinal": i, "evidence": e.evidence, "computed_at": now}
            for i, e in enumerate(events)]


def refresh_identity(store, offices: list[str] | None = None) -> int:
    """Bring the stored identity events of ``offices`` (all when None) up to date; returns pairs compared."""
    _, _, Ev = _models()
    with store.engine.connect() as conn:
        seqs = staffing_sequences(conn, offices)
        stored = _stored_pairs(conn, offices)
    wanted = {(a.id, b.id): (a, b) for seq in seqs.values() for a, b in zip(seq, seq[1:], strict=False)}
    stale = stored - set(wanted)
    missing = [wanted[p] for p in wanted if p not in stored]
    if not stale and not missing:
        return 0
    hist, decided, now = store.history(), _decisions(store), datetime.now(UTC).replace(tzinfo=None)
    snaps: dict[int, object] = {}

    def snap(d: DocInfo):
        if d.id not in snaps:
            snaps[d.id] = snapshot(hist, d)
        return snaps[d.id]

    rows = [r for a, b in missing for r in _rows(compare(snap(a), snap(b), decided), a, b, now)]
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REFRESH_LOCK})
        if stale:
            conn.execute(delete(Ev).where(tuple_(Ev.from_doc, Ev.to_doc).in_(sorted(stale))))
        done = _stored_pairs(conn, offices)  # another writer may have compared some meanwhile
        rows = [r for r in rows if (r["from_doc"], r["to_doc"]) not in done]
        if rows:
            conn.execute(Ev.__table__.insert(), rows)
    return len(missing)


def stored_events(store, office: str | None = None, refresh: bool = True) -> list[UnitEvent]:
    """The stored identity events (of one office, or all), in office and date order."""
    Document, _, Ev = _models()
    if refresh:
        refresh_identity(store, [office] if office else None)
    q = (select(Ev.kind, Ev.date, Ev.office, Ev.old, Ev.new, Ev.confidence, Ev.source, Ev.linked, Ev.from_doc,
                Ev.to_doc, Ev.evidence)
         .join(Document, Document.id == Ev.to_doc).where(Ev.kind != UNCHANGED)
         .order_by(Ev.office, Document.date, Ev.to_doc, Ev.ordinal))
    if office:
        q = q.where(Ev.office == office)
    with store.engine.connect() as conn:
        return [UnitEvent(k, d, o, old, new, c, s, bool(ln), f, t, ev or {})
                for k, d, o, old, new, c, s, ln, f, t, ev in conn.execute(q)]


def decide_and_refresh(store, a: str, b: str, action: str, office: str | None = None) -> None:
    """Record a user's decision about units ``a`` and ``b`` and recompute the pairs that involve them."""
    from ..store.query import decide

    decide(store, a, b, action, office)
    _, _, Ev = _models()
    keys = [compact(a)[:200], compact(b)[:200]]
    with store.engine.begin() as conn:
        q = select(Ev.from_doc, Ev.to_doc, Ev.office).where(Ev.old_key.in_(keys) | Ev.new_key.in_(keys))
        if office:
            q = q.where(Ev.office == office)
        hit = {(f, t): o for f, t, o in conn.execute(q)}
        if hit:
            conn.execute(delete(Ev).where(tuple_(Ev.from_doc, Ev.to_doc).in_(sorted(hit))))
    if hit:
        refresh_identity(store, sorted(set(hit.values())))
