"""The pipeline: watcher → classifiers → storage → incidents and alert rules → sinks.

One call of ``feed`` handles a batch. Each message has an error boundary: a message that breaks
a stage is logged once with its source and id, counted, and the rest go on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from classifiers.types import Classification
from storage import AlertValue, IngestResult, Store
from storage.ingest import text_hash
from watchers.archive import effective_time
from watchers.errors import DropMessage, StorageError, StorageUnavailable
from watchers.message import Message

log = logging.getLogger("claimwatch.pipeline")


class Classifier(Protocol):
    """Labels one message. Pure: no I/O; may raise for a message it cannot handle."""

    def classify(self, text: str, date: datetime | None = None, source: str | None = None) -> Classification: ...


class IncidentEngine(Protocol):
    """Links stored messages to incidents and decides alerts.

    ``process_in`` sees each ingested message once (with its classification) inside the
    transaction that stored it (with ``timers``, it first raises, before each message, the
    alerts due before its time, as ``sweep`` would); ``sweep(now)`` raises the alerts whose
    time has come; ``next_due`` says when the next one is due (None if none). Both return alerts
    already recorded in the store (so each key is raised once). One bad message never fails the
    batch.
    """

    def process_in(self, tx: Any, items: Sequence[tuple[IngestResult, Classification | None]],
                   now: datetime, timers: bool = False) -> list[AlertValue]: ...

    async def sweep(self, now: datetime) -> list[AlertValue]: ...

    async def next_due(self) -> datetime | None: ...


@dataclass(frozen=True)
class Ahead:
    """A message's classification worked out before its batch is fed (replay classifies ahead in
    worker processes): the classification, or that the classifier dropped it or failed on it."""

    classification: Classification | None = None
    dropped: bool = False
    error: str | None = None  # "TypeName: text" of what the classifier raised
    trace: str = ""

    def result(self) -> Classification | None:
        if self.dropped:
            raise DropMessage("dropped by the classifier")
        if self.error is not None:
            raise AheadError(self.error, self.trace)
        return self.classification


class AheadError(Exception):
    """The classifier raised on a message in a worker process; ``reason`` names what it raised."""

    def __init__(self, reason: str, trace: str) -> None:
        super().__init__(reason)
        self.reason, self.trace = reason, trace


def stored_as_is(message: Message, stored: dict[tuple[str, str], tuple[str | None, bool]]) -> bool:
    """Whether ``message`` is stored with the same text (``stored``: ``Store.stored_hashes``)."""
    known = stored.get(message.key)
    return known is not None and known[0] == text_hash(message.full_text)


class AlertSinkLike(Protocol):
    name: str

    async def emit(self, alert: AlertValue) -> None: ...


@dataclass
class Stats:
    """Counters for the one-line summary and for /metrics."""

    counts: Counter[str] = field(default_factory=Counter)
    alerts: Counter[str] = field(default_factory=Counter)
    stances: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    stage_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def summary(self) -> str:
        c = self.counts
        parts = [
            f"{c['read']} messages read",
            f"{c['new']} new",
            f"{c['edited']} edited",
            f"{c['deleted']} deleted",
            f"{c['duplicate']} already stored",
            "statements: " + (", ".join(f"{k} {v}" for k, v in sorted(self.stances.items())) or "none"),
            "alerts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.alerts.items())) or "none"),
            f"{c['errors']} failed",
        ]
        return ", ".join(parts)


class Pipeline:
    """Drives batches through the stages and hands alerts to the sinks."""

    def __init__(self, store: Store, classifier: Classifier, engine: IncidentEngine,
                 sinks: Sequence[AlertSinkLike] = ()) -> None:
        self.store = store
        self.classifier = classifier
        self.engine = engine
        self.sinks = list(sinks)
        self.stats = Stats()
        # told of each message that cannot be classified or stored, with why (replay reports it
        # as a rejected record naming its file and line); without it, it is logged and counted
        self.reject: Callable[[Message, str], None] | None = None

    def _failed(self, message: Message, reason: str) -> None:
        if self.reject is not None:
            self.stats.counts["rejected"] += 1
            self.reject(message, reason)
        else:
            self.stats.counts["errors"] += 1
            log.error("%s/%s: %s; message skipped", message.source, message.id, reason)

    def _classify(self, message: Message) -> Classification | None:
        if message.deleted:
            return None
        return self.classifier.classify(message.full_text, message.date, message.source)

    async def feed(self, batch: Sequence[Message], now: datetime,
                   ahead: Sequence[Ahead | None] | None = None, timers: bool = False) -> list[AlertValue]:
        """Process one batch; returns the alerts raised (already stored and emitted). ``ahead``,
        when given, holds one entry per message: its classification worked out already, or None
        (classified here). ``timers`` (replay, on its simulated clock): the timers due before each
        message stored fire before it, at their due time, in the batch's transaction."""
        self.stats.counts["read"] += len(batch)
        # a poll returns the newest page every time: what is stored unchanged needs no classifying
        stored = await self.store.stored_hashes([m.key for m in batch])
        started = time.perf_counter()
        classified: list[tuple[Message, Classification | None]] = []
        unchanged = 0
        for position, message in enumerate(batch):
            known = stored.get(message.key)
            if not message.deleted and stored_as_is(message, stored):
                unchanged += 1  # stored as it is: nothing to classify, store or link
                continue
            if known is not None and message.deleted and known[1]:
                unchanged += 1  # a deletion already recorded
                continue
            done = ahead[position] if ahead is not None else None
            try:
                classified.append((message, self._classify(message) if done is None else done.result()))
            except DropMessage:
                self.stats.counts["dropped"] += 1
            except AheadError as exc:
                if self.reject is None:
                    log.error("classify failed for %s/%s\n%s", message.source, message.id, exc.trace)
                self._failed(message, f"cannot be classified: {exc.reason}")
            except Exception as exc:
                if self.reject is None:
                    log.exception("classify failed for %s/%s", message.source, message.id)
                self._failed(message, f"cannot be classified: {type(exc).__name__}: {exc}")
        self.stats.counts["duplicate"] += unchanged
        t1 = time.perf_counter()
        self.stats.stage_seconds["classify"] += t1 - started
        results, alerts = await self._store_and_link(classified, now, timers)
        self.stats.stage_seconds["store_and_incidents"] += time.perf_counter() - t1
        for result, (_, cls) in zip(results, classified, strict=False):
            self.stats.counts[result.status] += 1
            if result.status in ("new", "edited"):
                self.stats.by_source[result.message.source] += 1
            if cls is not None and result.status in ("new", "edited"):
                for statement in cls.statements:
                    self.stats.stances[statement.stance] += 1
        await self.emit(alerts)
        return alerts

    async def _store_and_link(self, classified: list[tuple[Message, Classification | None]],
                              now: datetime, timers: bool = False) -> tuple[list[IngestResult], list[AlertValue]]:
        """Store the batch and link it to incidents in one transaction; if the batch fails,
        retry one message at a time so only the bad one is lost (with ``timers``, the timers
        due before each fire first, each in a transaction of its own, as between batches)."""
        if not classified:
            return [], []
        def link(tx: Any, results: list[IngestResult]) -> list[AlertValue]:
            # results come back one per input record, in order: pair them by position (a batch
            # may hold a message and its own deletion, which share a key)
            return self.engine.process_in(tx, [(r, c) for r, (_, c) in zip(results, classified, strict=True)], now,
                                          timers)

        try:
            return await self.store.ingest_then(classified, link)
        except StorageUnavailable:
            raise
        except StorageError as exc:
            if len(classified) == 1:
                self._failed(classified[0][0], f"not stored: {exc}")
                return [], []
            log.info("batch of %d failed to store (%s); retrying one by one", len(classified), exc)
            results: list[IngestResult] = []
            alerts: list[AlertValue] = []
            for item in classified:
                if timers:
                    alerts.extend(await self._sweep_before(effective_time(item[0])))
                r, a = await self._store_and_link([item], now)
                results.extend(r)
                alerts.extend(a)
            return results, alerts

    async def sweep(self, now: datetime) -> list[AlertValue]:
        alerts = await self.engine.sweep(now)
        await self.emit(alerts)
        return alerts

    async def sweep_until(self, limit: datetime, inclusive: bool = False) -> list[AlertValue]:
        """Fire every timer due before ``limit`` (or at it, ``inclusive``), each at its due time
        and in a transaction of its own (the simulated clock of a replay); returns the alerts
        raised (already stored and emitted)."""
        alerts = await self._sweep_before(limit, inclusive)
        await self.emit(alerts)
        return alerts

    async def _sweep_before(self, limit: datetime, inclusive: bool = False) -> list[AlertValue]:
        alerts: list[AlertValue] = []
        due = await self.engine.next_due()
        while due is not None and (due < limit or (inclusive and due == limit)):
            alerts.extend(await self.engine.sweep(due))
            due = await self.engine.next_due()
        return alerts

    async def emit(self, alerts: Sequence[AlertValue]) -> None:
        for alert in alerts:
            self.stats.alerts[alert.kind] += 1
            for sink in self.sinks:
                try:
                    await sink.emit(alert)
                except Exception:
                    self.stats.counts["sink_errors"] += 1
                    log.exception("sink %s failed on alert %s", sink.name, alert.key)
