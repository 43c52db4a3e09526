"""Unit identity events, stored per pair of consecutive staffing reports of an office.

Written by hand for both engines (plain columns, a JSON evidence column, and
foreign keys that cascade when a document is deleted).  Existing stores get an
empty table; the events of their offices are computed on first read (see
:func:`bogo.track.identity.refresh_identity`), since the matching needs the
Korean analyser and cannot run inside a migration.

Revision ID: r0004
"""

import sqlalchemy as sa
from alembic import op

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office", sa.String(200), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("old_key", sa.String(200)),
        sa.Column("new_key", sa.String(200)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("linked", sa.Integer, nullable=False),
        sa.Column("from_doc", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("to_doc", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("computed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_unit_events_office", "unit_events", ["office"])
    op.create_index("ix_unit_events_old_key", "unit_events", ["old_key"])
    op.create_index("ix_unit_events_new_key", "unit_events", ["new_key"])
    op.create_index("ix_unit_events_from_doc", "unit_events", ["from_doc"])
    op.create_index("ix_unit_events_to_doc", "unit_events", ["to_doc"])


def downgrade() -> None:
    op.drop_table("unit_events")
