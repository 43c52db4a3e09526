"""Paragraphs of each document (the prose lines that tracking quotes as evidence).

Revision ID: r0003
"""

import sqlalchemy as sa
from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_paragraphs_document_id", "paragraphs", ["document_id"])


def downgrade() -> None:
    op.drop_table("paragraphs")
