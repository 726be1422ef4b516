"""Replay: archived messages through the live pipeline, on a simulated clock.

Timers fire exactly when due in simulated time: a batch never spans a due timer, so the alerts
(and their ``at``) do not depend on batch size, and the same input gives the same alerts.
While a batch is stored and linked on the database thread, the messages after it are read and
classified (the classifier is pure: each gets the classification it would have got in its turn),
so that waiting on the database, PostgreSQL's round trips most, overlaps the classifier's work.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import SimulatedClock
from bot.pipeline import Pipeline
from watchers.archive import Rejects, effective_time, open_archives
from watchers.errors import RecordError
from watchers.message import Message

log = logging.getLogger("claimwatch.replay")

BATCH = 500
SWITCH_INTERVAL = 0.0002  # seconds, while classifying ahead (see ``_Reader.classify_ahead``)


@dataclass
class ReplayOutcome:
    rejects: Rejects
    newest: datetime | None
    until: datetime | None
    seconds: float


async def run_replay(pipeline: Pipeline, paths: Iterable[Path], *, until: str | None,
                     horizon: timedelta, clock: SimulatedClock | None = None,
                     rejects: Rejects | None = None,
                     progress: Callable[[int], None] | None = None) -> ReplayOutcome:
    """Feed every message of ``paths`` in time order, firing due timers in between; ``progress``
    is called with the count of messages read after each one."""
    from bot.durations import parse_when

    clock = clock or SimulatedClock()
    rejects = rejects or Rejects()
    found = rejects

    def reject(message: Message, reason: str) -> None:
        # a record the readers accepted but the pipeline could not keep is rejected like any other
        found.add(RecordError(str(message.extra.get("where") or f"{message.source}/{message.id}"), reason))

    pipeline.reject = reject
    started = time.perf_counter()
    engine = pipeline.engine
    batch: list[Message] = []
    batch_start: datetime | None = None
    newest: datetime | None = None
    due = await engine.next_due()

    reader = _Reader(iter(open_archives(paths, rejects)))

    async def flush() -> datetime | None:
        nonlocal batch, batch_start
        if batch:
            feeding = asyncio.ensure_future(pipeline.feed(batch, clock.now()))
            # while the batch is stored and linked on the database thread, the messages after it
            # are classified here (not when the last batch held messages stored already: a
            # replay of what is stored would classify what it then skips)
            try:
                if not pipeline.unchanged_last:
                    await reader.classify_ahead(feeding, pipeline.classify_ahead)
            except BaseException:
                feeding.cancel()
                raise
            await feeding
            batch, batch_start = [], None
        return await engine.next_due()

    async def fire_until(limit: datetime, inclusive: bool) -> datetime | None:
        nonlocal due
        while due is not None and (due < limit or (inclusive and due == limit)):
            clock.advance(due)
            await pipeline.sweep(due)
            due = await engine.next_due()
        return due

    for read, message in enumerate(reader, start=1):
        if progress is not None:
            progress(read)
        at = effective_time(message)
        if batch and (
            len(batch) >= BATCH
            or (due is not None and at > due)
            or (batch_start is not None and at - batch_start >= horizon)
        ):
            due = await flush()
        await fire_until(at, inclusive=False)
        if batch_start is None:
            batch_start = at
        batch.append(message)
        clock.advance(at)
        newest = at if newest is None or at > newest else newest
    due = await flush()
    end: datetime | None = None
    if until:
        end = parse_when(until, newest)
        await fire_until(end, inclusive=True)
        clock.advance(end)
    return ReplayOutcome(rejects=rejects, newest=newest, until=end, seconds=time.perf_counter() - started)


class _Reader:
    """The archive's messages in order, with those read ahead (to classify them) given first.
    An error the archive raises while reading ahead is raised where that message would have
    been read."""

    def __init__(self, messages: Iterator[Message]) -> None:
        self._messages = messages
        self._ahead: deque[Message] = deque()
        self._error: BaseException | None = None
        self._done = False

    def __iter__(self) -> Iterator[Message]:
        return self

    def __next__(self) -> Message:
        if self._ahead:
            return self._ahead.popleft()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return next(self._messages)

    async def classify_ahead(self, busy: asyncio.Future[Any], classify: Callable[[Message], None]) -> None:
        """Read and classify up to ``BATCH`` messages ahead while ``busy`` runs, one at a time,
        letting the event loop run between them. Meanwhile the interpreter switches threads
        more often: the database thread, back from each statement, waits for the interpreter
        lock at most that long (the default 5 ms a statement would cost more than it saves)."""
        interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            while not busy.done() and len(self._ahead) < BATCH and not self._done and self._error is None:
                try:
                    message = next(self._messages)
                except StopIteration:
                    self._done = True
                    break
                except Exception as exc:
                    self._error = exc
                    break
                self._ahead.append(message)
                classify(message)
                await asyncio.sleep(0)
        finally:
            sys.setswitchinterval(interval)
