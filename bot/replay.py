"""Replay: archived messages through the live pipeline, on a simulated clock.

Timers fire exactly when due in simulated time: inside a batch, the timers due before a message
fire before it (in the batch's transaction, ``Pipeline.feed`` with ``timers``), so the alerts
(and their ``at``) do not depend on batch size, and the same input gives the same alerts. A batch
spans less than the shortest corroboration window, so the checks its own claims schedule fall
due after it. Cutting a batch at each due timer instead gave batches of ~40 messages once claims
were as dense as their checks (a 40,000-message replay: ~975 batches and as many sweeps).

A long replay classifies ahead in worker processes (classification is pure): chunks of the
stream are sent to a pool while this process stores and links the batches before them, in the
stream's order, so the results are those of classifying in line; when the workers fall behind,
this process classifies the chunks queued furthest ahead itself instead of waiting idle.
``CLAIMWATCH_REPLAY_WORKERS`` sets the number of workers: unset or ``auto``, one less than the
CPUs, at most ``MAX_WORKERS`` (storing and linking in this process is then the slower side; on an
idle 2-core machine one worker
made a 10,000-message replay 1.4x faster on SQLite and 1.2x on PostgreSQL); 0, none (classify in
line: the choice for a machine whose other cores are busy); N, N workers. None on one CPU or for a
stream of fewer than ``AHEAD_AFTER`` messages.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import AsyncGenerator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import aclosing
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, islice
from pathlib import Path

from bot.clock import SimulatedClock
from bot.pipeline import Ahead, Classifier, Pipeline, stored_as_is
from watchers.archive import Rejects, effective_time, open_archives
from watchers.errors import DropMessage, RecordError
from watchers.message import Message

log = logging.getLogger("claimwatch.replay")

BATCH = 500
AHEAD_AFTER = 1000  # a shorter stream is classified in line: starting workers costs more than they save
AHEAD_CHUNK = 100  # messages a worker classifies per task
WORKERS_ENV = "CLAIMWATCH_REPLAY_WORKERS"
MAX_WORKERS = 2  # with auto: each costs about 90 MB of its own


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
    batch: list[Message] = []
    batch_start: datetime | None = None
    newest: datetime | None = None
    ahead: list[Ahead | None] = []

    async def flush() -> None:
        nonlocal batch, batch_start, ahead
        if batch:
            await pipeline.feed(batch, clock.now(), ahead, timers=True)
            batch, batch_start, ahead = [], None, []

    read = 0
    stream = classify_ahead(pipeline, open_archives(paths, rejects), replay_workers())
    async with aclosing(stream):  # the workers stop however the loop ends
        async for message, done in stream:
            read += 1
            if progress is not None:
                progress(read)
            at = effective_time(message)
            if batch and (len(batch) >= BATCH or (batch_start is not None and at - batch_start >= horizon)):
                await flush()
            if batch_start is None:
                batch_start = at
            batch.append(message)
            ahead.append(done)
            clock.advance(at)
            newest = at if newest is None or at > newest else newest
    await flush()
    if newest is not None:
        # a feed fires the timers before the messages it stores: those before the last messages
        # read, when nothing after them was stored, are fired here
        await pipeline.sweep_until(newest)
    end: datetime | None = None
    if until:
        end = parse_when(until, newest)
        await pipeline.sweep_until(end, inclusive=True)
        clock.advance(end)
    return ReplayOutcome(rejects=rejects, newest=newest, until=end, seconds=time.perf_counter() - started)


def replay_workers() -> int:
    """Worker processes that classify ahead: ``CLAIMWATCH_REPLAY_WORKERS`` (unset or ``auto``: one
    less than the CPUs, up to ``MAX_WORKERS``; 0: none)."""
    value = os.environ.get(WORKERS_ENV, "").strip() or "auto"
    if value != "auto":
        try:
            return max(0, int(value))
        except ValueError:
            log.warning("%s=%r is not a number; classifying in line", WORKERS_ENV, value)
            return 0
    return max(0, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))


async def classify_ahead(pipeline: Pipeline, messages: Iterator[Message],
                         workers: int) -> AsyncGenerator[tuple[Message, Ahead | None], None]:
    """Each message of ``messages`` in order, with its classification when a worker process
    worked it out ahead (None: the pipeline classifies it in line). Messages already stored
    with the same text, and deletions, are not sent: the pipeline classifies nothing for them.
    Workers are forked from this process (they share its loaded classifier); if the pool
    breaks, the rest is classified in line."""
    first = list(islice(messages, AHEAD_AFTER)) if workers else []
    if len(first) < AHEAD_AFTER or not _can_fork():
        for message in first:
            yield message, None
        for message in messages:
            yield message, None
        return
    stream: Iterator[Message] = chain(first, messages)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(pipeline.classifier,))
    pending: deque[_Chunk] = deque()
    # chunks in flight: two batches ahead, so the workers go on while a whole batch is stored
    depth = 2 * BATCH // AHEAD_CHUNK + workers
    broken = False
    try:
        while True:
            # refilled a batch's worth of chunks at a time: which of them are stored is one read
            # (on PostgreSQL one round trip and a join of the keys), not one a chunk
            refill = [] if broken or len(pending) > depth - BATCH // AHEAD_CHUNK else list(
                islice(stream, AHEAD_CHUNK * (depth - len(pending))))
            stored = await pipeline.store.stored_hashes([m.key for m in refill]) if refill else {}
            for start in range(0, len(refill), AHEAD_CHUNK):
                part = refill[start:start + AHEAD_CHUNK]
                wanted = [not m.deleted and not stored_as_is(m, stored) for m in part]
                items = [(m.full_text, m.date, m.source) for m, w in zip(part, wanted, strict=True) if w]
                try:
                    future = pool.submit(_classify_chunk, items) if items else None
                except RuntimeError:  # the pool broke (a worker died): the rest is classified here
                    log.warning("classifying workers stopped; classifying in line")
                    broken, future = True, None
                    wanted = [False] * len(part)
                pending.append(_Chunk(part, wanted, items, future))
            if not pending:
                break
            chunk = pending.popleft()
            results: Iterator[Ahead] = iter(())
            if chunk.future is not None:
                started = time.perf_counter()
                _classify_while_waiting(chunk, pending, pipeline.classifier)
                try:
                    classified: list[Ahead] = await asyncio.wrap_future(chunk.future)
                    results = iter(classified)
                except Exception as exc:  # a worker died: this chunk is classified in line
                    log.warning("classifying workers stopped (%s); classifying in line", exc)
                    chunk.wanted = [False] * len(chunk.messages)
                    broken = True
                pipeline.stats.stage_seconds["classify"] += time.perf_counter() - started
            for message, w in zip(chunk.messages, chunk.wanted, strict=True):
                yield message, next(results) if w else None
            if broken:
                for chunk in pending:
                    for message in chunk.messages:
                        yield message, None
                pending.clear()
                for message in stream:
                    yield message, None
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Chunk:
    """Messages of the stream sent to the workers together: which of them are classified
    (``wanted``), the arguments sent for those, and their classifications to come (None:
    nothing to classify)."""

    messages: list[Message]
    wanted: list[bool]
    items: Sequence[tuple[str, datetime | None, str]]
    future: Future[list[Ahead]] | None


def _classify_while_waiting(head: _Chunk, pending: deque[_Chunk], classifier: Classifier) -> None:
    """Until the workers have classified ``head``, this process classifies the chunks queued
    furthest ahead that no worker has started yet (taken back from the pool), then ``head``
    itself if still unstarted, instead of waiting idle. Nothing else runs meanwhile (a batch is
    stored only once its messages are yielded), and classifying is pure: a chunk gets the same
    results here as in a worker."""
    for chunk in [*reversed(pending), head]:
        if head.future is None or head.future.done():
            return
        if chunk.future is not None and chunk.future.cancel():
            done: Future[list[Ahead]] = Future()
            done.set_result(_classify_with(classifier, chunk.items))
            chunk.future = done


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


_worker_classifier: Classifier | None = None


def _start_worker(classifier: Classifier) -> None:
    # forked: the classifier comes from the parent's memory, not through a pickle
    global _worker_classifier
    _worker_classifier = classifier
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _classify_chunk(items: Sequence[tuple[str, datetime | None, str]]) -> list[Ahead]:
    assert _worker_classifier is not None
    return _classify_with(_worker_classifier, items)


def _classify_with(classifier: Classifier, items: Sequence[tuple[str, datetime | None, str]]) -> list[Ahead]:
    out: list[Ahead] = []
    for text, date, source in items:
        try:
            out.append(Ahead(classifier.classify(text, date, source)))
        except DropMessage:
            out.append(Ahead(dropped=True))
        except Exception as exc:
            out.append(Ahead(error=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc()))
    return out
