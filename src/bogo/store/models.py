"""The store's tables: documents and one table per record type of the contract.

Every record table keeps the record's full contract JSON in ``data`` beside a few
indexed columns that queries filter on, so a field added to :mod:`bogo.model`
is stored at once and only needs a column (and a migration) when something must
filter or sort on it.  ``RECORD_TABLES`` lists, per record type, its model and
the function that picks the indexed columns out of the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    """One ingested file; ``report_key`` (office|kind|date) groups versions of one report."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("report_key", "version", name="uq_documents_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    bytes: Mapped[int] = mapped_column(Integer)
    office: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str | None] = mapped_column(String(100))
    date: Mapped[str | None] = mapped_column(String(10))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    report_key: Mapped[str] = mapped_column(String(400), index=True)
    version: Mapped[int] = mapped_column(Integer)
    current: Mapped[int] = mapped_column(Integer, default=1)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class _Record:
    """Columns shared by every record table."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    @declared_attr
    def document_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class SectionRow(_Record, Base):
    __tablename__ = "sections"
    sid: Mapped[str] = mapped_column(String(100))
    level: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)


class TableRow(_Record, Base):
    __tablename__ = "tables"
    tid: Mapped[str] = mapped_column(String(100))
    caption: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(100))


class StaffRowRow(_Record, Base):
    __tablename__ = "staff_rows"
    unit: Mapped[str] = mapped_column(Text)
    unit_key: Mapped[str] = mapped_column(String(200), index=True)
    quota: Mapped[int | None] = mapped_column(Integer)
    current: Mapped[int | None] = mapped_column(Integer)


class BudgetLineRow(_Record, Base):
    __tablename__ = "budget_lines"
    item: Mapped[str] = mapped_column(Text)
    column: Mapped[str] = mapped_column(Text)
    amount: Mapped[float | None] = mapped_column(Float)


class TaskRow(_Record, Base):
    __tablename__ = "tasks"
    tid: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)


class MilestoneRow(_Record, Base):
    __tablename__ = "milestones"
    task: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))


class AuditItemRow(_Record, Base):
    __tablename__ = "audit_items"
    aid: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(100))


class ParagraphRow(_Record, Base):
    __tablename__ = "paragraphs"
    text: Mapped[str] = mapped_column(Text)


class FindingRow(_Record, Base):
    __tablename__ = "findings"
    code: Mapped[str] = mapped_column(String(10), index=True)
    severity: Mapped[str] = mapped_column(String(10))


class SearchEntry(Base):
    """One searchable passage (section, table, task, audit item) and its tokens."""

    __tablename__ = "search_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    ref: Mapped[str | None] = mapped_column(String(100))
    line: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    head: Mapped[str] = mapped_column(Text)
    tokens: Mapped[str] = mapped_column(Text)


class UnitDecision(Base):
    """A user's decision that two unit names are (``link``) or are not (``unlink``) one unit."""

    __tablename__ = "unit_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office: Mapped[str | None] = mapped_column(String(200))
    a: Mapped[str] = mapped_column(String(200))
    b: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class UnitEventRow(Base):
    """A stored identity event of a unit between two consecutive staffing reports of an office.

    Written by :func:`bogo.track.identity.refresh_identity` when a document of
    the office is ingested (and when a user decides about two units); the pair
    ``(from_doc, to_doc)`` is the unit of refresh.  ``linked`` is 1 only for
    the renamed/merged/split events that tie two names together; a weak
    ``possible`` match stays 0.
    """

    __tablename__ = "unit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office: Mapped[str] = mapped_column(String(200), index=True)
    date: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    old_key: Mapped[str | None] = mapped_column(String(200), index=True)
    new_key: Mapped[str | None] = mapped_column(String(200), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(10))
    linked: Mapped[int] = mapped_column(Integer)
    from_doc: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    to_doc: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(DateTime)


def _compact(s: str | None) -> str:
    return "".join((s or "").split())


#: record type → (model, function from the record's JSON to its indexed columns)
RECORD_TABLES: dict[str, tuple[type[Base], Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "section": (SectionRow, lambda r: {"sid": r["id"], "level": r["level"], "title": r["title"]}),
    "table": (TableRow, lambda r: {"tid": r["id"], "caption": r.get("caption"), "unit": r.get("unit")}),
    "staff_row": (StaffRowRow, lambda r: {"unit": r["unit"], "unit_key": _compact(r["unit"])[:200],
                                          "quota": r.get("quota"), "current": r.get("current")}),
    "budget_line": (BudgetLineRow, lambda r: {"item": r["item"], "column": r["column"],
                                              "amount": r.get("amount")}),
    "task": (TaskRow, lambda r: {"tid": r["id"], "title": r["title"]}),
    "milestone": (MilestoneRow, lambda r: {"task": r.get("task"), "start": r.get("start"), "end": r.get("end")}),
    "audit_item": (AuditItemRow, lambda r: {"aid": r["id"], "category": r["category"],
                                            "status": r.get("status")}),
    "paragraph": (ParagraphRow, lambda r: {"text": r["text"]}),
    "finding": (FindingRow, lambda r: {"code": r["code"], "severity": r["severity"]}),
}
