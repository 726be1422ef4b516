"""Schema migrations: find where a database stands and bring it to the newest revision."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

log = logging.getLogger("claimwatch.storage")

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: serialises upgrades when several instances start on one PostgreSQL.
_PG_MIGRATION_LOCK = 0x636C_6D01


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _current(sync_conn: Any) -> str | None:
    return MigrationContext.configure(sync_conn).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _current(conn)


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply every pending migration. Returns (revision before, revision after)."""

    def run(sync_conn: Any) -> tuple[str | None, str | None]:
        before = _current(sync_conn)
        head = head_revision()
        if before != head:
            cfg = alembic_config()
            cfg.attributes["connection"] = sync_conn
            command.upgrade(cfg, "head")
        return before, head

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        before, after = run(conn)
    if before != after:
        log.info("database migrated from %s to %s", before or "empty", after)
    return before, after
