"""Alembic environment: runs on the connection that :func:`bogo.store.db.migrate` hands over.

On PostgreSQL the migration holds a transaction-level advisory lock, so several
``bogo ingest`` processes starting at once against one database migrate it once.
"""

from alembic import context
from sqlalchemy import text

MIGRATION_LOCK = 0x626F676F  # "bogo"

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
    context.run_migrations()
