"""Search index, written by hand per engine.

SQLite: an FTS5 table over the pre-tokenised text, with the first line's tokens
(``head``) in a column of its own that ranking weighs higher (``rowid`` = the
entry's id), kept in step by triggers.  PostgreSQL: a ``tsvector`` column
('simple' configuration, so the Kiwi tokens are taken as they are; the head as
weight A) with a GIN index.

Revision ID: r0002
"""

import sqlalchemy as sa
from alembic import op

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("ref", sa.String(100)),
        sa.Column("line", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("head", sa.Text, nullable=False),
        sa.Column("tokens", sa.Text, nullable=False),
    )
    op.create_index("ix_search_entries_document_id", "search_entries", ["document_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_entries ADD COLUMN tsv tsvector "
                   "GENERATED ALWAYS AS (setweight(to_tsvector('simple', head), 'A') || "
                   "setweight(to_tsvector('simple', tokens), 'D')) STORED")
        op.execute("CREATE INDEX ix_search_entries_tsv ON search_entries USING GIN (tsv)")
        return
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(head, tokens, content='search_entries', "
               "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
    op.execute("CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
               "INSERT INTO search_fts(rowid, head, tokens) VALUES (new.id, new.head, new.tokens); END")
    op.execute("CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
               "INSERT INTO search_fts(search_fts, rowid, head, tokens) VALUES ('delete', old.id, old.head, old.tokens); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER search_entries_ad")
        op.execute("DROP TRIGGER search_entries_ai")
        op.execute("DROP TABLE search_fts")
    op.drop_table("search_entries")
