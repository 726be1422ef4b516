"""Replay: archived messages through the live pipeline, on a simulated clock.

Timers fire exactly when due in simulated time: a batch never spans a due timer, so the alerts
(and their ``at``) do not depend on batch size, and the same input gives the same alerts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.clock import SimulatedClock
from bot.pipeline import Pipeline
from watchers.archive import Rejects, effective_time, open_archives
from watchers.errors import RecordError
from watchers.message import Message

log = logging.getLogger("claimwatch.replay")

BATCH = 500


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

    async def flush() -> datetime | None:
        nonlocal batch, batch_start
        if batch:
            await pipeline.feed(batch, clock.now())
            batch, batch_start = [], None
        return await engine.next_due()

    async def fire_until(limit: datetime, inclusive: bool) -> datetime | None:
        nonlocal due
        while due is not None and (due < limit or (inclusive and due == limit)):
            clock.advance(due)
            await pipeline.sweep(due)
            due = await engine.next_due()
        return due

    for read, message in enumerate(open_archives(paths, rejects), start=1):
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
