"""The store: one async facade over SQLite or PostgreSQL.

Every public method is one short transaction, run whole on a worker thread (see
``storage.engine``), and returns plain values (``storage.values``): no database call blocks the
event loop, and sessions never leave this package. SQLAlchemy errors are translated here into
``StorageError`` / ``StorageUnavailable``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from classifiers.types import Classification
from storage import incident_queries, incident_writes, messages, migrate, outbox, planner, views
from storage.engine import PG_POOL, create_engine_for, is_sqlite, safe_url
from storage.incident_tx import IncidentTx, RetryGuarded
from storage.incident_values import ActorState, IncidentMessage, IncidentValue
from storage.ingest import _IN_CHUNK, _ingest, _table, stored_by_keys
from storage.rows import add_alert_row, alert_value, utcnow
from storage.tables import (
    AlertRow,
    CursorRow,
    MessageEditRow,
    MessageRow,
    SourceRow,
    StateRow,
)
from storage.values import AlertValue, IngestResult, SourceHealth, StoredMessage
from watchers.errors import StorageError, StorageUnavailable
from watchers.message import Message

log = logging.getLogger("claimwatch.storage")
T = TypeVar("T")



class Store:
    """Async access to the database. Build it with ``await Store.open(url)``."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.safe_url = safe_url(url)
        self.dialect = engine.dialect.name
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        workers = 1 if is_sqlite(url) else PG_POOL
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimwatch-db")
        # PostgreSQL: the messages stored since the planner's statistics were made (read at the
        # first batch); ``_analyze_if_grown``
        self._growth: planner.Growth | None = None

    @classmethod
    async def open(cls, url: str, *, upgrade: bool = True) -> Store:
        store = cls(create_engine_for(url), url)
        try:
            if upgrade:
                await store._guard(store._call(migrate.upgrade, store.engine))
            else:
                await store._guard(store._call(lambda e: e.connect().close(), store.engine))
        except BaseException:
            await store.close()
            raise
        return store

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self.engine.dispose)
        self._executor.shutdown(wait=True)

    async def upgrade(self) -> tuple[str | None, str | None]:
        """Apply pending migrations; returns (revision before, revision after)."""
        return await self._guard(self._call(migrate.upgrade, self.engine))

    async def revision(self) -> str | None:
        return await self._guard(self._call(migrate.current_revision, self.engine))

    def _call(self, fn: Callable[..., T], *args: object) -> Awaitable[T]:
        return asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def _guard(self, awaitable: Awaitable[T]) -> T:
        try:
            return await awaitable
        except OperationalError as exc:
            raise StorageUnavailable(f"{self.safe_url}: {_short(exc)}") from exc
        except (OSError, ConnectionError) as exc:
            raise StorageUnavailable(f"{self.safe_url}: {exc}") from exc
        except DBAPIError as exc:
            raise StorageError(f"{self.safe_url}: {_short(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StorageError(f"{self.safe_url}: {exc}") from exc

    def _transaction(self, fn: Callable[[Session], T], writes: bool = False) -> T:
        # SQLite: a transaction that reads, then writes what it read (claiming an alert, storing
        # a batch) takes the write lock at BEGIN, so another process writing in between makes it
        # wait (busy timeout) instead of failing at once on a stale snapshot
        bind = self._writer if writes else self.engine
        with Session(bind, expire_on_commit=False) as session, session.begin():
            return fn(session)

    async def run(self, fn: Callable[[Session], T], *, writes: bool = False) -> T:
        """Run ``fn`` with a session inside one transaction, on the worker thread (``writes``:
        it writes after reading; see ``_transaction``)."""
        return await self._guard(self._call(self._transaction, fn, writes))

    # -- messages ---------------------------------------------------------------------------

    async def ingest(self, batch: Sequence[tuple[Message, Classification | None]]) -> list[IngestResult]:
        """Store a batch: new messages are inserted, a changed text is an edit (the old version
        is kept), a deletion marks the message. A message already stored unchanged is a no-op."""
        if not batch:
            return []
        return await self.run(lambda s: _ingest(s, batch), writes=True)

    async def ingest_then(self, batch: Sequence[tuple[Message, Classification | None]],
                          then: Callable[[Any, list[IngestResult]], T]) -> tuple[list[IngestResult], T]:
        """Store a batch and run ``then(tx, results)`` (an ``IncidentTx``) in the same
        transaction, then mark the messages processed: all of it lands, or none of it. The
        transaction is first run unguarded (no savepoint per message); if ``then`` raises
        ``RetryGuarded`` it is rolled back and run again, guarded."""
        def fn(s: Session, guarded: bool) -> tuple[list[IngestResult], T]:
            # new rows go in processed already (all of this commits together); rows revised
            # by an edit were set back to unprocessed and are marked again below
            results = _ingest(s, batch, processed=True)
            _incidents_lock(s)
            tx = IncidentTx(s, (r.pk for r in results if r.pk is not None and r.status == "new"), guarded)
            out = then(tx, results)
            tx.finish()
            pks = [r.pk for r in results if r.pk is not None and r.status != "new"]
            from sqlalchemy import update

            for i in range(0, len(pks), _IN_CHUNK):
                s.execute(update(MessageRow).where(MessageRow.pk.in_(pks[i:i + _IN_CHUNK]))  # type: ignore[union-attr]
                          .values(processed=True))
            return results, out

        try:
            done = await self.run(lambda s: fn(s, False), writes=True)
        except RetryGuarded:
            done = await self.run(lambda s: fn(s, True), writes=True)
        await self._analyze_if_grown(sum(1 for r in done[0] if r.status == "new"))
        return done

    async def _analyze_if_grown(self, added: int) -> None:
        """PostgreSQL: ``ANALYZE`` the tables once the messages stored have doubled since the
        planner's statistics were made (``storage.planner``), in a transaction of its own after
        the batch's. The batch is stored whatever happens here: a failure is logged, not raised
        (the caller would take the batch for lost and store it again)."""
        if self.dialect != "postgresql" or not added:
            return
        try:
            if self._growth is None:
                self._growth = planner.Growth(await self.run(planner.estimated_messages))
            if self._growth.add(added):
                self._growth.analyzed()  # tried once a doubling, whether or not it succeeds
                await self.run(planner.analyze)
        except StorageError as exc:
            log.warning("planner statistics not updated: %s", exc)

    async def in_tx(self, fn: Callable[[IncidentTx], T]) -> T:
        """Run ``fn(tx)`` with an ``IncidentTx`` in one transaction."""
        def locked(s: Session) -> T:
            _incidents_lock(s)
            tx = IncidentTx(s)
            out = fn(tx)
            tx.finish()
            return out

        return await self.run(locked)

    async def next_due(self) -> datetime | None:
        """When the earliest pending claim check is due. A read of committed rows: it does not
        wait for the incidents lock (on PostgreSQL one statement less a batch)."""
        return await self.run(incident_queries.next_due)

    async def stored_hashes(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[str | None, bool]]:
        """(text hash, deleted) of the messages already stored, for the keys given."""
        if not keys:
            return {}

        def fn(s: Session) -> dict[tuple[str, str], tuple[str | None, bool]]:
            c = _table(MessageRow).c
            rows = stored_by_keys(s, list(dict.fromkeys(keys)), c.source, c.msg_id, c.text_hash, c.deleted)
            return {(src, mid): (h, d) for src, mid, h, d in rows}

        return await self.run(fn)

    async def get_message(self, source: str, msg_id: str) -> StoredMessage | None:
        def fn(s: Session) -> StoredMessage | None:
            row = s.execute(
                select(MessageRow).where(MessageRow.source == source, MessageRow.msg_id == msg_id)
            ).scalar_one_or_none()
            if row is None:
                return None
            edits = s.execute(
                select(func.count()).select_from(MessageEditRow).where(MessageEditRow.message_pk == row.pk)
            ).scalar_one()
            return _stored(row, edits)

        return await self.run(fn)

    async def message_history(self, source: str, msg_id: str) -> list[str]:
        """Earlier texts of a message, oldest first, then the current one."""

        def fn(s: Session) -> list[str]:
            row = s.execute(
                select(MessageRow).where(MessageRow.source == source, MessageRow.msg_id == msg_id)
            ).scalar_one_or_none()
            if row is None:
                return []
            olds = s.execute(
                select(MessageEditRow.text).where(MessageEditRow.message_pk == row.pk).order_by(
                    MessageEditRow.id
                )
            ).scalars().all()
            return [*olds, row.text]

        return await self.run(fn)

    async def find_messages(self, query: messages.MessageQuery) -> list[messages.MessageView]:
        """Stored messages with their statements (``claimwatch messages``)."""
        return await self.run(lambda s: messages.find_messages(s, query))

    async def count_messages(self, source: str | None = None) -> int:
        def fn(s: Session) -> int:
            query = select(func.count()).select_from(MessageRow)
            if source is not None:
                query = query.where(MessageRow.source == source)
            return int(s.execute(query).scalar_one())

        return await self.run(fn)

    async def message_keys(self, source: str | None = None) -> list[tuple[str, str]]:
        def fn(s: Session) -> list[tuple[str, str]]:
            query = select(MessageRow.source, MessageRow.msg_id).order_by(MessageRow.pk)
            if source is not None:
                query = query.where(MessageRow.source == source)
            return [(a, b) for a, b in s.execute(query).all()]

        return await self.run(fn)

    async def unprocessed(self, limit: int = 500) -> list[tuple[int, Message]]:
        """Messages stored but not yet through incidents and alerts (after a crash)."""

        def fn(s: Session) -> list[tuple[int, Message]]:
            rows = s.execute(
                select(MessageRow).where(MessageRow.processed.is_(False))  # type: ignore[attr-defined]
                .order_by(MessageRow.date, MessageRow.pk).limit(limit)
            ).scalars().all()
            return [(r.pk or 0, _row_message(r)) for r in rows]

        return await self.run(fn)

    async def mark_processed(self, pks: Sequence[int]) -> None:
        if not pks:
            return

        def fn(s: Session) -> None:
            from sqlalchemy import update

            for i in range(0, len(pks), _IN_CHUNK):
                s.execute(update(MessageRow).where(MessageRow.pk.in_(pks[i:i + _IN_CHUNK]))
                       .values(processed=True))

        await self.run(fn)

    # -- cursors and state ------------------------------------------------------------------

    async def get_cursor(self, source: str) -> str | None:
        def fn(s: Session) -> str | None:
            row = s.get(CursorRow, source)
            return row.position if row else None

        return await self.run(fn)

    async def set_cursor(self, source: str, position: str) -> None:
        def fn(s: Session) -> None:
            row = s.get(CursorRow, source)
            if row is None:
                s.add(CursorRow(source=source, position=position, updated_at=utcnow()))
            else:
                row.position = position
                row.updated_at = utcnow()

        await self.run(fn)

    async def get_state(self, key: str) -> dict[str, Any] | None:
        def fn(s: Session) -> dict[str, Any] | None:
            row = s.get(StateRow, key)
            return dict(row.value) if row else None

        return await self.run(fn)

    async def set_state(self, key: str, value: dict[str, Any]) -> None:
        def fn(s: Session) -> None:
            row = s.get(StateRow, key)
            if row is None:
                s.add(StateRow(key=key, value=value, updated_at=utcnow()))
            else:
                row.value = value
                row.updated_at = utcnow()

        await self.run(fn)

    # -- sources ----------------------------------------------------------------------------

    async def upsert_source(self, handle: str, *, role: str, network: str, watch: str) -> None:
        def fn(s: Session) -> None:
            row = _source_row(s, handle)
            row.role, row.network, row.watch = role, network, watch

        await self.run(fn, writes=True)

    async def source_event(self, handle: str, *, state: str | None = None, error: str | None = None,
                           message_at: datetime | None = None, polled: bool = False,
                           retry_at: datetime | None = None, seen: int = 0,
                           peer_id: int | None = None) -> None:
        """Record a watcher's health: a poll, new messages, an error, a state change."""

        def fn(s: Session) -> None:
            row = _source_row(s, handle)
            now = utcnow()
            if state is not None:
                row.state = state
            if error is not None:
                row.last_error, row.last_error_at = error[:2000], now
            if message_at is not None and (row.last_message_at is None or message_at > row.last_message_at):
                row.last_message_at = message_at
            if polled:
                row.last_poll_at = now
            row.retry_at = retry_at
            row.messages_seen += seen
            if peer_id is not None:
                row.peer_id = peer_id

        await self.run(fn, writes=True)

    async def sources(self) -> list[SourceHealth]:
        def fn(s: Session) -> list[SourceHealth]:
            rows = s.execute(select(SourceRow).order_by(SourceRow.handle)).scalars().all()
            return [
                SourceHealth(r.handle, r.role, r.network, r.watch, r.state, r.last_message_at, r.last_poll_at,
                             r.last_error, r.last_error_at, r.retry_at, r.messages_seen, r.peer_id)
                for r in rows
            ]

        return await self.run(fn)

    # -- alerts -----------------------------------------------------------------------------

    async def add_alert(self, alert: AlertValue) -> bool:
        """Store an alert in the outbox unless its key was ever raised. True if it is new."""

        def fn(s: Session) -> bool:
            return add_alert_row(s, alert)

        try:
            return await self.run(fn)
        except StorageError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return False  # raced with another instance: the other one raised it
            raise

    async def alerts(self, kind: str | None = None) -> list[AlertValue]:
        def fn(s: Session) -> list[AlertValue]:
            query = select(AlertRow).order_by(AlertRow.id)
            if kind:
                query = query.where(AlertRow.kind == kind)
            return [alert_value(r) for r in s.execute(query).scalars().all()]

        return await self.run(fn)

    async def alert_keys(self) -> set[str]:
        def fn(s: Session) -> set[str]:
            return set(s.execute(select(AlertRow.key)).scalars().all())

        return await self.run(fn)


    # -- incidents (the queries live in storage.incident_queries) -----------------------------------

    async def list_incidents(self, status: str | None = None, since: datetime | None = None,
                             limit: int | None = None, newest_first: bool = False) -> list[IncidentValue]:
        """Incidents (``IncidentValue``), oldest event first unless ``newest_first``."""
        return await self.run(lambda s: incident_queries.list_incidents(s, status, since, limit, newest_first))

    async def get_incident(self, incident_id: int) -> IncidentValue | None:
        """One incident (``IncidentValue``) with its links and history, or None."""
        return await self.run(lambda s: incident_queries.get_incident(s, incident_id))

    async def incident_messages(self, incident_ids: Sequence[int]) -> dict[int, list[IncidentMessage]]:
        """The evidence of each incident: its linked messages (``IncidentMessage``), oldest first."""
        return await self.run(lambda s: incident_queries.incident_messages(s, incident_ids))

    async def actor_states(self) -> dict[str, ActorState]:
        """Every actor recorded (``ActorState``), known and discovered."""
        return await self.run(incident_queries.actor_states)

    async def claims_by_actor(self) -> dict[str, tuple[int, int]]:
        return await self.run(incident_queries.claims_by_actor)

    async def learned_aliases(self) -> list[tuple[str, str]]:
        """Aliases taught in chat: (alias, actor id)."""
        return await self.run(incident_queries.learned_aliases)

    async def teach_alias(self, alias: str, actor_id: str, name: str, kind: str, known: bool) -> None:
        await self.run(lambda s: incident_writes.teach_alias(s, alias, actor_id, name, kind, known))

    async def mark_known(self, actor_id: str) -> None:
        await self.run(lambda s: incident_writes.mark_known(s, actor_id))

    # -- the web view (the queries live in storage.views) ------------------------------------

    async def filter_choices(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
        """The places, claimants and statuses a filter form offers."""
        return await self.run(views.filter_choices)

    async def incident_page(self, f: views.IncidentFilter, limit: int, offset: int
                            ) -> tuple[int, list[IncidentValue], dict[int, list[IncidentMessage]]]:
        """One page of the incidents ``f`` keeps: (how many in all, the incidents, their messages)."""
        def fn(s: Session) -> tuple[int, list[IncidentValue], dict[int, list[IncidentMessage]]]:
            total, ids = views.incident_ids(s, f, limit, offset)
            return total, views.incidents_by_ids(s, ids), incident_queries.incident_messages(s, ids)

        return await self.run(fn)

    async def incident_shown(self, incident_id: int
                             ) -> tuple[list[IncidentValue], dict[int, list[views.ShownMessage]]]:
        """One incident with its history and the messages shown on its page ([] if unknown)."""
        return await self.run(lambda s: (views.incidents_by_ids(s, [incident_id], with_history=True),
                                         views.shown_messages(s, [incident_id])))

    async def map_points(self, f: views.IncidentFilter) -> list[views.MapPoint]:
        return await self.run(lambda s: views.map_points(s, f))

    async def timeline(self, f: views.IncidentFilter) -> list[views.TimelineDay]:
        return await self.run(lambda s: views.timeline(s, f))

    # -- the outbox (the queries live in storage.outbox) ------------------------------------

    async def claim_alert(self, owner: str, now: datetime) -> outbox.Claim:
        """Claim the oldest undelivered alert for ``owner`` (see ``storage.outbox``)."""
        return await self.run(lambda s: outbox.claim_next(s, owner, now), writes=True)

    async def alert_message_id(self, key: str) -> int | None:
        """The Telegram message id an alert was sent as (to reply to it), or None."""
        return await self.run(lambda s: outbox.message_id_of(s, key))

    async def mark_alert_sent(self, alert_id: int, chat_id: int, message_id: int | None, at: datetime) -> None:
        await self.run(lambda s: outbox.mark_sent(s, alert_id, chat_id, message_id, at))

    async def mark_alert_retry(self, alert_id: int, error: str, next_at: datetime, counts: bool) -> None:
        await self.run(lambda s: outbox.mark_retry(s, alert_id, error, next_at, counts))

    async def mark_alert_dead(self, alert_id: int, error: str) -> None:
        await self.run(lambda s: outbox.mark_dead(s, alert_id, error))

    async def mark_alert_unrouted(self, alert_id: int) -> None:
        await self.run(lambda s: outbox.mark_unrouted(s, alert_id))

    async def alert_chats_done(self, alert_id: int) -> dict[int, str]:
        """Per chat of a routed alert, what came of it (sent, muted, refused)."""
        return await self.run(lambda s: outbox.chats_done(s, alert_id))

    async def alert_chats_sent(self, alert_id: int) -> list[tuple[int, int | None]]:
        return await self.run(lambda s: outbox.chats_sent(s, alert_id))

    async def mark_alert_chat(self, alert_id: int, chat_id: int, status: str, message_id: int | None,
                              at: datetime, error: str | None = None) -> None:
        await self.run(lambda s: outbox.mark_chat(s, alert_id, chat_id, status, message_id, at, error))

    async def alert_message_id_in_chat(self, key: str, chat_id: int) -> int | None:
        return await self.run(lambda s: outbox.message_id_in_chat(s, key, chat_id))

    async def release_alert(self, alert_id: int, error: str) -> None:
        """Give a claimed alert back unsent (see ``storage.outbox.release``)."""
        await self.run(lambda s: outbox.release(s, alert_id, error))

    async def alert_parts(self, alert_id: int) -> outbox.PartsSent | None:
        """The parts of a long alert and those already sent, or None."""
        return await self.run(lambda s: outbox.load_parts(s, alert_id))

    async def save_alert_parts(self, alert_id: int, progress: outbox.PartsSent) -> None:
        await self.run(lambda s: outbox.save_parts(s, alert_id, progress))

    async def outbox_counts(self) -> dict[str, int]:
        """Alerts per delivery status."""
        return await self.run(outbox.counts)

    async def outbox_errors(self) -> list[tuple[str, str]]:
        """(alert key, last error) of the latest failed deliveries."""
        return await self.run(outbox.recent_errors)


def _short(exc: DBAPIError) -> str:
    return str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]


def _row_message(r: MessageRow) -> Message:
    return Message(source=r.source, id=r.msg_id, date=r.date, text=r.text, url=r.url, title=r.title,
                   edited=r.edited_at, deleted=r.deleted, forwarded_from=r.forwarded_from,
                   reply_to=r.reply_to)


def _stored(r: MessageRow, edits: int) -> StoredMessage:
    return StoredMessage(pk=r.pk or 0, message=_row_message(r), lang=r.lang,
                         stances=tuple(x for x in r.stances.split(",") if x), edits=edits,
                         processed=r.processed)


_PG_INCIDENTS_LOCK = 0x636C_6D03


def _incidents_lock(s: Session) -> None:
    """On PostgreSQL, instances link their own messages to the shared incidents: one at a time
    (a transaction-scoped advisory lock), so two of them never both create the incident for one
    event, nor both record a new actor or raise one alert. Linking a batch takes milliseconds;
    storing the messages, before it, runs in parallel. SQLite has one writer anyway."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_INCIDENTS_LOCK})


def _source_row(s: Session, handle: str) -> SourceRow:
    """The row of a source, created if missing. Instances starting together on one database
    all register the configured sources: INSERT ... ON CONFLICT DO NOTHING, so the second is a
    no-op instead of a unique-key error that stopped the daemon at start."""
    from sqlalchemy.dialects import postgresql, sqlite

    row = s.execute(select(SourceRow).where(SourceRow.handle == handle)).scalar_one_or_none()
    if row is not None:
        return row  # every poll after the first: one statement
    table = _table(SourceRow)
    if s.get_bind().dialect.name == "postgresql":
        s.execute(postgresql.insert(table).values(handle=handle).on_conflict_do_nothing(index_elements=["handle"]))
    else:
        s.execute(sqlite.insert(table).values(handle=handle).on_conflict_do_nothing(index_elements=["handle"]))
    return s.execute(select(SourceRow).where(SourceRow.handle == handle)).scalar_one()
