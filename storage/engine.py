"""Engine set-up: URL translation, SQLite pragmas, and the worker threads that run transactions.

Each transaction runs as one call on a worker thread with the synchronous driver (sqlite3,
psycopg): the event loop never blocks on the database, and a transaction of fifty statements
costs one thread hop instead of fifty (measured in bench/replay_export.py; see the README).
SQLite gets a single worker (one writer at a time); PostgreSQL a small pool.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import QueuePool

from watchers.errors import ConfigError

log = logging.getLogger("claimwatch.storage")

SQLITE_BUSY_TIMEOUT_MS = 10_000
PG_POOL = 4


def sync_url(url: str) -> URL:
    """Map the user-facing URL (``sqlite:///x.db``, ``postgresql://...``) to a driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}", key="storage.url") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    raise ConfigError(f"unsupported database {backend!r} (use sqlite:/// or postgresql://)", key="storage.url")


def safe_url(url: str | URL) -> str:
    """The URL with any password masked, for logs and errors."""
    try:
        return make_url(str(url) if isinstance(url, URL) else url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable url>"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling breaks SAVEPOINT (the per-message error boundary):
    # take it over, as SQLAlchemy documents for pysqlite.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB of pages: the incident indexes stay in memory
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # "IMMEDIATE" for a Store transaction that reads, then writes (Store.run(..., writes=True))
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def is_sqlite(url: str) -> bool:
    return sync_url(url).get_backend_name() == "sqlite"


def create_engine_for(url: str) -> Engine:
    target = sync_url(url)
    if target.get_backend_name() == "sqlite":
        if (target.database or "") in ("", ":memory:"):
            raise ConfigError("an in-memory SQLite database cannot be shared; give a file path", key="storage.url")
        engine = create_engine(target, poolclass=QueuePool, pool_size=1, max_overflow=2,
                               connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # no server-side prepared statements: a generic plan made while the tables were small kept
    # the incident lookup at ~100 ms a call late in a 1M replay (a custom plan: under 1 ms), and
    # poolers in transaction mode (PgBouncer) do not carry prepared statements between clients
    return create_engine(target, pool_size=PG_POOL, max_overflow=2, pool_pre_ping=True,
                         connect_args={"connect_timeout": 10, "prepare_threshold": None})


def sqlite_file(url: str) -> str | None:
    """The file a ``sqlite:///`` URL names, or None for an in-memory database or another backend."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}", key="storage.url") from exc
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database
