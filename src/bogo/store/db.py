"""Opening a store: the database URL, the engine, and the migrations.

``resolve_url`` picks the database: an explicit ``--db`` value, else the
``BOGO_DB`` environment variable, else the SQLite file ``./bogo.db``.  A bare
path is taken as an SQLite file; ``postgresql://…`` selects PostgreSQL through
psycopg 3.  SQLite runs in WAL mode with foreign keys on and a busy timeout, so
a reader never blocks the writer and a second writer waits instead of failing.
``migrate`` brings the schema to the newest Alembic revision shipped in
``bogo/store/migrations``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pydantic_core
from sqlalchemy import Engine, create_engine, event

from ..errors import UsageError

DEFAULT_DB = "bogo.db"
SQLITE_BUSY_MS = 60_000
#: SQLite page cache per connection (KiB): an ingest touches pages of a dozen indexes per report,
#: scattered through a store of gigabytes; SQLite's default 2 MiB made it re-read them
#: (10,000 generated reports, the writer alone: 197.5 → 153.9 s with 64 MiB)
SQLITE_CACHE_KIB = 65_536
MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of the store named by ``db`` / ``BOGO_DB`` / the default file."""
    value = db or os.environ.get("BOGO_DB") or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if value.startswith(("postgresql+", "sqlite:")):
        return value
    if "://" in value:
        raise UsageError(None, f"지원하지 않는 데이터베이스 주소입니다: {value} (SQLite 파일 경로 또는 postgresql://…)")
    return f"sqlite:///{Path(value)}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cur.close()


def _to_json(value) -> str:
    """JSON text of a column value: pydantic-core's encoder, UTF-8 kept as is (not \\u-escaped)."""
    return pydantic_core.to_json(value).decode()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the per-engine settings applied."""
    codec = {"json_serializer": _to_json, "json_deserializer": pydantic_core.from_json}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, **codec)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **codec)


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (safe to run from several processes)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
