"""Engine set-up: URL translation, SQLite pragmas, and error translation at the edge."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from watchers.errors import ConfigError

log = logging.getLogger("claimwatch.storage")

SQLITE_BUSY_TIMEOUT_MS = 10_000


def async_url(url: str) -> URL:
    """Map the user-facing URL (``sqlite:///x.db``, ``postgresql://...``) to an async driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}", key="storage.url") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg")
    raise ConfigError(f"unsupported database {backend!r} (use sqlite:/// or postgresql://)",
                      key="storage.url")


def safe_url(url: str | URL) -> str:
    """The URL with any password masked, for logs and errors."""
    try:
        return make_url(str(url) if isinstance(url, URL) else url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable url>"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine_for(url: str) -> AsyncEngine:
    target = async_url(url)
    if target.get_backend_name() == "sqlite":
        database = target.database or ""
        if database in ("", ":memory:"):
            raise ConfigError("an in-memory SQLite database cannot be shared; give a file path",
                              key="storage.url")
        engine = create_async_engine(target, poolclass=NullPool if database == "" else None)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(target, pool_size=5, max_overflow=5, pool_pre_ping=True)
