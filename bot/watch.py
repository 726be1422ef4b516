"""Runs polled sources under a supervisor: poll on schedule with jitter, store what arrives,
advance the cursor only after the messages are stored, back off on failure, never stop the daemon.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.backoff import Backoff, BackoffConfig, sleep_or_stop
from bot.pipeline import Pipeline
from storage import Store
from watchers.base import PolledSource
from watchers.errors import RetryAfter, SourceError, SourceGone, StorageUnavailable

log = logging.getLogger("claimwatch.watchers")

BACKOFF = BackoffConfig(first=5.0, cap=1800.0)  # 5 s, 10 s, 20 s ... up to 30 minutes
GONE_RETRY = 6 * 3600.0
FAILING_MIN = 60.0  # /healthz names a watcher failing longer than max(3 polls, this)


@dataclass
class SourceStats:
    polls: int = 0
    messages: int = 0
    errors: int = 0
    last_error: str | None = None
    state: str = "starting"
    failing_since: float | None = None  # monotonic seconds of the first failure in a row


def jittered(base: float, rng: random.Random, spread: float = 0.1) -> float:
    return float(base * rng.uniform(1 - spread, 1 + spread))


class SourceRunner:
    """One polled source: ``run(stop)`` until stopped. ``poll_once`` is one cycle (tests call it)."""

    def __init__(self, source: PolledSource, interval: timedelta, pipeline: Pipeline, store: Store,
                 rng: random.Random | None = None, backoff: BackoffConfig = BACKOFF,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.source = source
        self.interval = interval.total_seconds()
        self.pipeline = pipeline
        self.store = store
        self.rng = rng or random.Random()
        self.stats = SourceStats()
        self.backoff = Backoff(backoff, self.rng)
        self._clock = clock

    @property
    def failures(self) -> int:
        return self.backoff.failures

    def problem(self) -> str | None:
        """For /healthz: what is wrong when the source has failed for longer than its
        threshold (three polls, at least FAILING_MIN seconds), else None."""
        since = self.stats.failing_since
        if since is None:
            return None
        threshold = max(3 * self.interval, FAILING_MIN)
        failing_for = self._clock() - since
        if failing_for <= threshold:
            return None
        return f"{self.stats.state} for {failing_for:.0f}s: {self.stats.last_error}"

    def _failed(self) -> float:
        if self.stats.failing_since is None:
            self.stats.failing_since = self._clock()
        return self.backoff.fail()

    async def poll_once(self) -> float:
        """Poll, store, advance the cursor. Returns the seconds to wait before the next poll."""
        handle = self.source.handle
        try:
            cursor = await self.store.get_cursor(handle)
            result = await self.source.poll(cursor)
            for reason in result.rejected:
                log.warning("%s: record rejected: %s", handle, reason)
            if result.messages:
                now = datetime.now(UTC)
                for i in range(0, len(result.messages), 200):
                    await self.pipeline.feed(result.messages[i:i + 200], now)
            if result.cursor is not None and result.cursor != cursor:
                await self.store.set_cursor(handle, result.cursor)  # only after the messages are stored
            newest = max((m.date for m in result.messages), default=None)
            await self.store.source_event(handle, state="ok", polled=True, message_at=newest, seen=len(result.messages),
                                          error=result.note)
            self.stats.polls += 1
            self.stats.messages += len(result.messages)
            self.stats.state = "ok"
            self.stats.failing_since = None
            self.backoff.reset()
            return jittered(self.interval, self.rng)
        except RetryAfter as exc:
            self.stats.last_error = str(exc)
            log.warning("%s: asked to wait %.0fs (%s)", handle, exc.seconds, exc)
            await self._record("waiting", str(exc), exc.seconds)
            return exc.seconds
        except SourceGone as exc:
            self._failed()
            self.stats.errors += 1
            self.stats.last_error = str(exc)
            if self.stats.state != "unavailable":
                log.error("%s: unavailable: %s; retrying every %.0f h", handle, exc, GONE_RETRY / 3600)
            await self._record("unavailable", str(exc), GONE_RETRY)
            return GONE_RETRY
        except StorageUnavailable as exc:
            delay = self.backoff.fail()  # the database's fault, named on /healthz by its own check
            log.warning("%s: database unavailable (%s); the cursor stays, retrying in %.0fs", handle, exc, delay)
            self.stats.state = "waiting for database"
            return delay
        except SourceError as exc:
            delay = self._failed()
            self.stats.errors += 1
            self.stats.last_error = str(exc)
            log.warning("%s: %s; retrying in %.0fs (failure %d)", handle, exc, delay, self.failures)
            await self._record("failing", str(exc), delay)
            return delay
        except Exception as exc:
            delay = self._failed()
            self.stats.errors += 1
            self.stats.last_error = f"{type(exc).__name__}: {exc}"
            log.exception("%s: unexpected error; retrying in %.0fs", handle, delay)
            await self._record("failing", self.stats.last_error, delay)
            return delay

    async def _record(self, state: str, error: str, retry_in: float) -> None:
        self.stats.state = state
        try:
            await self.store.source_event(self.source.handle, state=state, error=error, polled=True,
                                          retry_at=datetime.now(UTC) + timedelta(seconds=retry_in))
        except StorageUnavailable:
            pass

    async def run(self, stop: asyncio.Event) -> None:
        # spread the first polls so a hundred sources do not fire in the same second
        await sleep_or_stop(stop, self.rng.uniform(0, min(self.interval, 10.0)))
        while not stop.is_set():
            delay = await self.poll_once()
            await sleep_or_stop(stop, delay)
        await self.source.close()
