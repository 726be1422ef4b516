"""Runs the MTProto watcher: connects the Telethon client, resolves channels once (ids are
stored), fills gaps from the stored cursors on start and every ``[telegram] backfill``, and feeds
new posts, edits and deletions as they arrive. A FloodWait is slept out and remembered (in the
sources table), so a restart does not hammer Telegram either."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.backoff import Backoff, sleep_or_stop
from bot.config import Config
from bot.pipeline import Pipeline
from bot.watch import BACKOFF
from storage import Store
from watchers.errors import RetryAfter, SourceError, SourceGone, StorageUnavailable
from watchers.message import Message
from watchers.telegram import TelegramSource

log = logging.getLogger("claimwatch.watchers.telegram")

RESOLVE_PAUSE = 2.0  # seconds between username resolutions: bursts have led to long bans
MAX_GAP = 5000
JOIN_PAUSE = 30.0


def readiness(config: Config) -> str | None:
    """Why the MTProto watcher cannot run, or None if it can."""
    tg = config.telegram
    missing = [name for name in (tg.api_id_env, tg.api_hash_env) if not os.environ.get(name)]
    if missing:
        return f"set {' and '.join(missing)} in the environment"
    if not os.environ.get(tg.api_id_env, "").isdigit():
        return f"{tg.api_id_env} must be the numeric api_id"
    if not Path(tg.session).exists():
        return f"no session file {tg.session} (run 'claimwatch login')"
    return None


def make_client(config: Config) -> Any:
    from telethon import TelegramClient

    tg = config.telegram
    api_hash = os.environ[tg.api_hash_env]
    from bot.logs import register_secret

    register_secret(api_hash)
    return TelegramClient(tg.session, int(os.environ[tg.api_id_env]), api_hash, flood_sleep_threshold=60)


class TelegramRunner:
    def __init__(self, client: Any, handles: list[str], pipeline: Pipeline, store: Store,
                 backfill_every: timedelta, sleep: Callable[[float], Any] = asyncio.sleep, join: bool = False) -> None:
        self.client = client
        self.source = TelegramSource(client, handles)
        self.pipeline = pipeline
        self.store = store
        self.backfill_every = backfill_every.total_seconds()
        self._sleep = sleep
        self._cursors: dict[str, int] = {}
        self.join = join
        self._lock = asyncio.Lock()
        self._attached = False

    async def emit(self, messages: list[Message]) -> None:
        """Store first, then advance the cursor (deletions do not move it)."""
        if not messages:
            return
        async with self._lock:
            await self.pipeline.feed(messages, datetime.now(UTC))
            for handle in {m.source for m in messages}:
                ids = [int(m.id) for m in messages if m.source == handle and not m.deleted and m.id.isdigit()]
                if ids and max(ids) > self._cursors.get(handle, 0):
                    self._cursors[handle] = max(ids)
                    await self.store.set_cursor(handle, str(max(ids)))
                newest = max((m.date for m in messages if m.source == handle), default=None)
                await self.store.source_event(handle, state="ok", message_at=newest, seen=len(ids))

    async def wait_out_floods(self) -> None:
        """A FloodWait remembered from before a restart is waited out before any request."""
        now = datetime.now(UTC)
        waits = [h.retry_at for h in await self.store.sources()
                 if h.handle in self.source.handles and h.retry_at and h.retry_at > now and h.state == "flood-wait"]
        if waits:
            seconds = (max(waits) - now).total_seconds()
            log.warning("waiting out a Telegram flood wait: %.0fs left from before the restart", seconds)
            await self._sleep(seconds)

    async def resolve_all(self) -> None:
        stored = {h.handle: h.peer_id for h in await self.store.sources() if h.peer_id}
        for handle in self.source.handles:
            if stored.get(handle):
                self.source.remember(handle, int(stored[handle] or 0))
                continue
            try:
                peer = await self.source.resolve(handle)
            except SourceGone as exc:
                log.error("%s: cannot follow: %s", handle, exc)
                await self.store.source_event(handle, state="unavailable", error=str(exc))
                continue
            await self.store.source_event(handle, peer_id=peer, state="resolved")
            await self._sleep(RESOLVE_PAUSE)
        if self.join:
            await self.join_all()

    async def join_all(self) -> None:
        """Join the channels the account has not joined (updates only come for joined ones),
        one at a time with a pause: accounts that join in bursts get flood waits or bans."""
        joined = {h.handle for h in await self.store.sources() if h.state == "joined"}
        for handle, peer in self.source.peers.items():
            if handle in joined:
                continue
            try:
                await self.source.join(peer)
            except RetryAfter:
                raise
            except SourceError as exc:
                log.warning("%s: could not join: %s", handle, exc)
                continue
            await self.store.source_event(handle, state="joined")
            log.info("%s: joined", handle)
            await self._sleep(JOIN_PAUSE)

    async def sync_once(self) -> int:
        """Fill every channel's gap since its cursor, oldest first. Returns messages fed."""
        fed = 0
        for handle in list(self.source.peers):
            cursor = self._cursors.get(handle)
            if cursor is None:
                stored = await self.store.get_cursor(handle)
                cursor = int(stored) if stored and stored.isdigit() else None
            if cursor is None:
                # a channel seen for the first time: start from now, not from its whole history
                latest = await self.source.fill_gap(handle, 0, limit=1)
                if latest:
                    await self.emit(latest)
                    fed += len(latest)
                continue
            self._cursors[handle] = cursor
            missed = await self.source.fill_gap(handle, cursor, limit=MAX_GAP)
            for i in range(0, len(missed), 200):
                await self.emit(missed[i:i + 200])
            fed += len(missed)
            if missed:
                log.info("%s: filled a gap of %d message(s) after %s", handle, len(missed), cursor)
        return fed

    async def _flood(self, exc: RetryAfter) -> None:
        until = datetime.now(UTC) + timedelta(seconds=exc.seconds)
        for handle in self.source.handles:
            await self.store.source_event(handle, state="flood-wait", error=str(exc), retry_at=until)
        log.warning("%s; sleeping it out", exc)
        await self._sleep(exc.seconds)

    async def run(self, stop: asyncio.Event) -> None:
        """Supervised: a failure anywhere (connecting, resolving, filling gaps) is logged and
        retried with the watchers' jittered backoff; only a session that is not logged in stops
        it (no retry can fix that)."""
        backoff = Backoff(BACKOFF)
        try:
            while not stop.is_set():
                try:
                    await self._connected(stop, backoff)
                    return
                except RetryAfter as exc:
                    await self._flood(exc)
                except (SourceError, StorageUnavailable) as exc:
                    delay = backoff.fail()
                    log.warning("telegram watcher failed (%s); retrying in %.0fs", exc, delay)
                    await sleep_or_stop(stop, delay)
                except Exception:
                    delay = backoff.fail()
                    log.exception("telegram watcher failed unexpectedly; retrying in %.0fs", delay)
                    await sleep_or_stop(stop, delay)
        finally:
            disconnect = getattr(self.client, "disconnect", None)
            if disconnect is not None:
                result = disconnect()
                if asyncio.iscoroutine(result):
                    await result

    async def _connected(self, stop: asyncio.Event, backoff: Backoff) -> None:
        await self.wait_out_floods()
        await self.client.connect()
        if not await self.client.is_user_authorized():
            log.error("Telegram session is not logged in: run 'claimwatch login'; MTProto watcher stopped")
            return
        while True:
            try:
                await self.resolve_all()
                break
            except RetryAfter as exc:
                await self._flood(exc)
        if not self._attached:
            self.source.attach(self.emit)
            self._attached = True
        while not stop.is_set():
            try:
                await self.sync_once()
                backoff.reset()
                delay = self.backfill_every
            except RetryAfter as exc:
                await self._flood(exc)
                continue
            except (SourceError, StorageUnavailable) as exc:
                delay = backoff.fail()
                log.warning("telegram gap fill failed (%s); retrying in %.0fs", exc, delay)
            await sleep_or_stop(stop, delay)
