"""Indexes for the workbench's reads on a large store, written by hand for both engines.

Every record table keeps its full JSON in a wide ``data`` column, so a count
that has to read the rows reads all that JSON too.  These composite indexes
hold exactly the columns the dashboard, the filter menus and the document list
group and filter on, so those queries read the (narrow) index only:

* documents by current flag with office/year, year, kind, date (the document
  list's order), and by ingest time;
* findings by document with severity and code (counts per document), and
  by code with severity (the store-wide counts, from which the dashboard takes
  away those of the few superseded versions);
* audit items by document with status, milestones by document with end date.

Revision ID: r0005
"""

from alembic import op

revision = "r0005"
down_revision = "r0004"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_documents_current_office_year": ("documents", ["current", "office", "year"]),
    "ix_documents_current_year": ("documents", ["current", "year"]),
    "ix_documents_current_kind": ("documents", ["current", "kind"]),
    "ix_documents_ingested_at": ("documents", ["ingested_at", "id"]),
    "ix_documents_current_date": ("documents", ["current", "date", "id"]),
    "ix_findings_document_severity_code": ("findings", ["document_id", "severity", "code"]),
    "ix_findings_code_severity": ("findings", ["code", "severity"]),
    "ix_audit_items_document_status": ("audit_items", ["document_id", "status"]),
    "ix_milestones_document_end": ("milestones", ["document_id", "end"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
