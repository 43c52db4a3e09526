"""Initial schema: documents, one table per record type, unit decisions.

Revision ID: r0001
"""

import sqlalchemy as sa
from alembic import op

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_document_id", name, ["document_id"])


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("bytes", sa.Integer, nullable=False),
        sa.Column("office", sa.String(200)),
        sa.Column("kind", sa.String(100)),
        sa.Column("date", sa.String(10)),
        sa.Column("year", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("report_key", sa.String(400), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("current", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("report_key", "version", name="uq_documents_version"),
    )
    op.create_index("ix_documents_office", "documents", ["office"])
    op.create_index("ix_documents_year", "documents", ["year"])
    op.create_index("ix_documents_report_key", "documents", ["report_key"])
    _record_table("sections", sa.Column("sid", sa.String(100), nullable=False),
                  sa.Column("level", sa.Integer, nullable=False), sa.Column("title", sa.Text, nullable=False))
    _record_table("tables", sa.Column("tid", sa.String(100), nullable=False), sa.Column("caption", sa.Text),
                  sa.Column("unit", sa.String(100)))
    _record_table("staff_rows", sa.Column("unit", sa.Text, nullable=False),
                  sa.Column("unit_key", sa.String(200), nullable=False),
                  sa.Column("quota", sa.Integer), sa.Column("current", sa.Integer))
    op.create_index("ix_staff_rows_unit_key", "staff_rows", ["unit_key"])
    _record_table("budget_lines", sa.Column("item", sa.Text, nullable=False),
                  sa.Column("column", sa.Text, nullable=False), sa.Column("amount", sa.Float))
    _record_table("tasks", sa.Column("tid", sa.String(100), nullable=False), sa.Column("title", sa.Text, nullable=False))
    _record_table("milestones", sa.Column("task", sa.String(100)), sa.Column("start", sa.String(10)),
                  sa.Column("end", sa.String(10)))
    _record_table("audit_items", sa.Column("aid", sa.String(100), nullable=False),
                  sa.Column("category", sa.Text, nullable=False), sa.Column("status", sa.String(100)))
    _record_table("findings", sa.Column("code", sa.String(10), nullable=False),
                  sa.Column("severity", sa.String(10), nullable=False))
    op.create_index("ix_findings_code", "findings", ["code"])
    op.create_table(
        "unit_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office", sa.String(200)),
        sa.Column("a", sa.String(200), nullable=False),
        sa.Column("b", sa.String(200), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for name in ("unit_decisions", "findings", "audit_items", "milestones", "tasks", "budget_lines",
                 "staff_rows", "tables", "sections", "documents"):
        op.drop_table(name)
