"""Shared fixtures: a SQLite file per test, and a throwaway PostgreSQL database per session when
CLAIMWATCH_TEST_PG names a server (CI sets it; a fresh user machine skips those tests)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storage import Store

FIXTURES = Path(__file__).parent / "fixtures"
PG_ENV = "CLAIMWATCH_TEST_PG"
# the built gazetteer kept between processes (bot/gazetteer_cache.py): in a directory of the
# tests' own, not the user's cache
os.environ.setdefault("CLAIMWATCH_CACHE_DIR", os.path.join(tempfile.gettempdir(), "claimwatch-test-cache"))


def _pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _pg_exec(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PgDatabase:
    admin: str  # the server's admin URL (CLAIMWATCH_TEST_PG)
    name: str
    url: str


@pytest.fixture
def own_pg_database(request: pytest.FixtureRequest) -> Iterator[PgDatabase]:
    """A database for this one test (daemons in subprocesses, outages), dropped after it."""
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(f"{PG_ENV} not set: PostgreSQL tests skipped")
    name = f"claimwatch_{request.node.name[:20].lower()}_{uuid.uuid4().hex[:8]}"
    _pg_exec(admin, f'CREATE DATABASE "{name}"')
    yield PgDatabase(admin, name, f"{admin.rsplit('/', 1)[0]}/{name}")
    _pg_exec(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own for this test session, dropped at the end."""
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(f"{PG_ENV} not set: PostgreSQL tests skipped")
    name = f"claimwatch_test_{uuid.uuid4().hex[:10]}"
    _pg_exec(admin, f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    _pg_exec(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'claimwatch.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every storage test runs on both backends (PostgreSQL when CLAIMWATCH_TEST_PG is set)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claimwatch.db'}"
    url: str = request.getfixturevalue("pg_database")
    _pg_exec(url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    return url


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[Store]:
    st = await Store.open(db_url)
    yield st
    await st.close()


@pytest.fixture(scope="session")
def web_demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """examples/ plus a message carrying markup, replayed once for the web view's tests."""
    from .web_demo import replay_examples

    base = tmp_path_factory.mktemp("web")
    return replay_examples(base / "demo.db", base / "extra")


@pytest.fixture(autouse=True)
def _incident_memory_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer an incident transaction gives from memory is compared with the database's
    (a difference fails that message's linking, which the tests' expectations then show)."""
    from storage.incident_tx import IncidentTx

    monkeypatch.setattr(IncidentTx, "verify", True)
