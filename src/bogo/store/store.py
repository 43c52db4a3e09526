"""The store: documents and their contract records in SQLite or PostgreSQL.

:class:`Store` opens (and migrates) the database and writes one prepared report
per transaction (:meth:`Store.write`): a report already stored (same sha256) is
a no-op, a changed file of the same report (same office, kind and date) becomes
its next version while the older one stays stored and queryable.  A failure or
a kill inside the transaction leaves nothing of that document behind.  Several
processes may write at once: the unique sha256 and (report, version) keys make
the database the only coordinator.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pydantic_core
from sqlalchemy import Connection, delete, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..lru import LRU
from ..records import inferred_date, report_records
from ..search.engine import facet_tokens
from .db import make_engine, migrate, resolve_url
from .models import RECORD_TABLES, Document, SearchEntry, StaffRowRow, UnitEventRow
from .prepare import Prepared

MAX_VERSION_RETRIES = 5
RECORDS_CACHE = 512  # (document id, record type) pairs whose records are kept in memory
SNAPSHOT_CACHE = 512  # documents whose unit snapshot is kept (the next report of an office compares with it)


@dataclass
class WriteResult:
    status: str  # "new", "version" or "duplicate"
    document_id: int
    records: int = 0
    findings: Counter = field(default_factory=Counter)
    written: dict = field(default_factory=dict, repr=False)  # record type → records, as read back


#: the tables whose statistics a batch changes the most (:meth:`Store.settle`)
SETTLED_TABLES = ("documents", "search_entries", "staff_rows", "findings")


def _clean(v: Any) -> Any:
    """``v`` without NUL characters (PostgreSQL text cannot hold them; both engines store the same)."""
    if isinstance(v, str):
        return v.replace("\x00", "") if "\x00" in v else v
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_clean(x) for x in v]
    return v


def report_key(meta: dict[str, Any], sha256: str) -> str:
    """The key that groups versions of one report: office, kind and date, when known."""
    office, kind, date = meta.get("office"), meta.get("kind"), meta.get("date")
    if office and date:
        return f"{office}|{kind or ''}|{date}"
    return "sha:" + sha256


def _document_data(report: dict[str, Any], dated_by: str | None) -> dict[str, Any]:
    staffing = dict(report.get("staffing") or {})
    staffing.pop("rows", None)
    audit = report.get("audit") or {}
    return {"schema": report.get("schema"), "source": report.get("source"), "meta": report.get("meta"),
            "staffing": staffing or None, "audit_summary": audit.get("summary"),
            "dated_by": dated_by}  # "cover" (meta.date), "body" (an opening paragraph's date) or None


class Store:
    """A bogo store at ``db`` (a path, ``postgresql://…``, or ``BOGO_DB`` / ``./bogo.db``)."""

    def __init__(self, db: str | None = None, migrate_schema: bool = True):
        self.url = resolve_url(db)
        self.engine = make_engine(self.url)
        self.records_cache = LRU(RECORDS_CACHE)  # read by track.history.StoreHistory
        self.snapshots = LRU(SNAPSHOT_CACHE)  # document id → track.units.Snapshot, through StoreHistory
        if migrate_schema:
            migrate(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def connect(self) -> Connection:
        return self.engine.connect()

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None

    def write(self, prep: Prepared, identity: bool = True) -> WriteResult:
        """Store one prepared report in one transaction (see the module doc).

        ``identity=False`` leaves the office's unit identity events to the caller's
        :meth:`refresh_identity` (a batch refreshes each office once, at its end);
        readers of the events refresh them first, so they are never seen stale."""
        report = _clean(prep.report) if b"\\u0000" in pydantic_core.to_json(prep.report, fallback=str) else prep.report
        for _ in range(MAX_VERSION_RETRIES):
            try:
                with self.engine.begin() as conn:
                    res = self._write(conn, prep, report)
            except IntegrityError:
                continue  # another process stored this file, or took the version number: look again
            office = (report.get("meta") or {}).get("office")
            if res.status != "duplicate":
                self._remember(res.document_id, res.written)
            if identity and res.status != "duplicate" and office:
                self.refresh_identity([office])  # its own transaction; the next write of the office heals a kill here
            return res
        with self.engine.connect() as conn:
            found = conn.execute(select(Document.id).where(Document.sha256 == prep.sha256)).scalar()
        if found is None:
            raise RuntimeError(f"{prep.path}: version conflict persisted")
        return WriteResult("duplicate", found)

    def _write(self, conn: Connection, prep: Prepared, report: dict[str, Any]) -> WriteResult:
        found = conn.execute(select(Document.id).where(Document.sha256 == prep.sha256)).scalar()
        if found is not None:
            return WriteResult("duplicate", found)
        meta, src = report.get("meta") or {}, report["source"]
        key = report_key(meta, prep.sha256)
        prev = conn.execute(select(func.max(Document.version)).where(Document.report_key == key)).scalar()
        conn.execute(update(Document).where(Document.report_key == key).values(current=0))
        date = meta.get("date") or inferred_date(prep.paragraphs)  # tracking orders reports by date
        year = int(date[:4]) if date and date[:4].isdigit() else None
        doc_id = conn.execute(Document.__table__.insert().values(
            sha256=prep.sha256, path=src["path"], format=src["format"], bytes=src["bytes"],
            office=meta.get("office"), kind=meta.get("kind"), date=date, year=year, title=meta.get("title"),
            report_key=key, version=(prev or 0) + 1, current=1, ingested_at=datetime.now(UTC).replace(tzinfo=None),
            data=_document_data(report, dated_by="cover" if meta.get("date") else "body" if date else None),
        )).inserted_primary_key[0]
        written = self._write_records(conn, doc_id, report, _clean(prep.paragraphs))
        self._write_entries(conn, doc_id, prep, meta.get("office"), year, meta.get("kind"))
        sev = Counter(f["severity"] for f in report.get("findings") or [])
        records = sum(len(v) for v in written.values())
        origin = {"document_id": doc_id, "path": src["path"], "office": meta.get("office"), "date": date}
        written = {t: [{**origin, **r} for r in recs] for t, recs in written.items()}
        return WriteResult("version" if prev else "new", doc_id, records, sev, written)

    def _write_records(self, conn: Connection, doc_id: int, report: dict[str, Any],
                       paragraphs) -> dict[str, list[dict[str, Any]]]:
        written: dict[str, list[dict[str, Any]]] = {}
        for rtype, recs in report_records(report, paragraphs).items():
            written[rtype] = recs
            if not recs:
                continue
            model, columns = RECORD_TABLES[rtype]
            rows = [{"document_id": doc_id, "ordinal": i, "line": r.get("line"), "data": r, **columns(r)}
                    for i, r in enumerate(recs)]
            conn.execute(model.__table__.insert(), rows)
        return written

    def _remember(self, doc_id: int, written: dict[str, list[dict[str, Any]]]) -> None:
        """Keep a just-committed document's records as :func:`query.records` would read them back.

        The next report of the same office compares with this one (identity, C5xx): its
        records are then read from memory instead of the database."""
        for rtype in RECORD_TABLES:
            self.records_cache[(doc_id, rtype)] = written.get(rtype, [])

    def _write_entries(self, conn: Connection, doc_id: int, prep: Prepared, office, year, kind) -> None:
        rows = [{"document_id": doc_id, "type": t, "ref": ref, "line": line, "text": _clean(txt),
                 "head": _clean(head), "tokens": _clean(tokens) + " " + facet_tokens(office, year, kind, t)}
                for t, ref, line, txt, tokens, head in prep.entries]
        if rows:
            conn.execute(SearchEntry.__table__.insert(), rows)

    def history(self):
        """The store as a tracking history (:class:`bogo.track.history.StoreHistory`)."""
        from ..track.history import StoreHistory

        return StoreHistory(self)

    def refresh_identity(self, offices: list[str] | None = None) -> int:
        """Recompute the stored unit identity events of ``offices`` that the documents changed."""
        from ..track.identity import refresh_identity

        return refresh_identity(self, offices)

    def delete(self, document_id: int) -> None:
        """Remove a document with all its records, search tokens and identity events."""
        self.records_cache.clear()
        self.snapshots.clear()
        with self.engine.begin() as conn:
            office = conn.execute(select(Document.office).where(Document.id == document_id)).scalar()
            conn.execute(delete(SearchEntry).where(SearchEntry.document_id == document_id))
            conn.execute(delete(UnitEventRow).where(or_(UnitEventRow.from_doc == document_id,
                                                        UnitEventRow.to_doc == document_id)))
            for model, _ in RECORD_TABLES.values():
                conn.execute(delete(model).where(model.document_id == document_id))
            conn.execute(delete(Document).where(Document.id == document_id))
        if office:
            self.refresh_identity([office])

    def settle(self) -> None:
        """After a batch of writes, the upkeep the engine would do later, done now: on PostgreSQL
        ``VACUUM (ANALYZE)`` of the tables a batch grows — new rows' visibility recorded (else
        the first searches set it row by row, writing as they read), the search index's pending
        entries merged (GIN ``fastupdate`` keeps them in a list every search reads in full) and
        the planner's statistics refreshed; on SQLite ``PRAGMA optimize``.  Right after the
        10k-report ingest of ``bench/corpus.py`` the PostgreSQL search p95 was 79.7 ms unsettled.
        VACUUM skips the pages a previous run left all-visible, so a small batch costs little;
        a step the database refuses (not the tables' owner) is skipped."""
        if self.dialect == "postgresql":
            steps = [f"VACUUM (ANALYZE) {table}" for table in SETTLED_TABLES]
        else:
            steps = ["PRAGMA optimize"]
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for sql in steps:
                try:
                    conn.execute(text(sql))
                except DBAPIError:
                    continue

    def unit_names(self) -> list[str]:
        """Distinct unit names of the stored staffing tables (user words for the tokeniser)."""
        with self.engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(select(StaffRowRow.unit_key).distinct()))
