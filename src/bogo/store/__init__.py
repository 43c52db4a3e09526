"""The store (spec §5): documents and the contract's records in SQLite or PostgreSQL.

``Store(db)`` opens and migrates a database (``./bogo.db`` by default, or
``postgresql://…`` / ``BOGO_DB``); ``ingest(store, paths, jobs)`` parses files in
worker processes and writes each in its own transaction.
"""

from .db import resolve_url
from .ingest import IngestSummary, discover, ingest
from .prepare import Prepared, prepare, prepare_report
from .store import Store, WriteResult

__all__ = ["IngestSummary", "Prepared", "Store", "WriteResult", "discover", "ingest", "prepare",
           "prepare_report", "resolve_url"]
