"""``claimwatch run``: every configured watcher, the pipeline, the scheduler, delivery and chat
commands, until SIGTERM or SIGINT.

Lifecycle: signals only set the stop event; on stop, intake stops (each watcher finishes the poll
it is in), the outbox is flushed within ``[daemon] drain_timeout``, parts close in reverse order,
and one summary line is logged. The exit code is 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
import zlib
from collections.abc import Callable
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from typing import Any

import aiohttp

from bot.app import App, build_app
from bot.backoff import Backoff, BackoffConfig, sleep_or_stop
from bot.config import Config, SourceConfig
from bot.delivery.commands import CommandPoller, Commands
from bot.delivery.service import DeliveryService, WakeSink
from bot.health import Health
from bot.leader import Leadership
from bot.registry import Registry
from bot.sinks import StdoutSink
from bot.systemd import Notifier
from bot.watch import SourceRunner
from storage import Store
from watchers.base import PolledSource
from watchers.errors import DeliveryError, StorageError, StorageUnavailable
from watchers.rss import FeedSource
from watchers.tme import TmeSource

log = logging.getLogger("claimwatch.daemon")


def assigned(source: SourceConfig, config: Config) -> bool:
    """Sources are shared among instances by their ``instance`` key, else by a stable hash."""
    d = config.daemon
    if not d.instances:
        return True
    if source.instance:
        return source.instance == d.instance
    return d.instances[zlib.crc32(source.handle.encode()) % len(d.instances)] == d.instance


async def open_store(url: str, stop: asyncio.Event) -> Store | None:
    """Open the database, retrying while it is unreachable (a daemon waits, it does not die)."""
    backoff = Backoff(BackoffConfig(first=1.0, cap=60.0))
    while not stop.is_set():
        try:
            return await Store.open(url)
        except StorageUnavailable as exc:
            delay = backoff.fail()
            log.warning("database unavailable (%s); retrying in %.0fs", exc, delay)
            await sleep_or_stop(stop, delay)
    return None


def preflight(config: Config) -> None:
    """What ``run`` refuses before it starts (exit 2, the reason on stderr); ``check`` reports the
    same problems (bot/preflight.py)."""
    from bot.preflight import fatal_problems

    problems = fatal_problems(config)
    if problems:
        raise problems[0]


PolledFactory = Callable[[SourceConfig, Config, aiohttp.ClientSession], PolledSource]

# the polled watcher kinds: `watch = "..."` in [[sources]] to the class that polls it
POLLED: dict[str, PolledFactory] = {
    "tme": lambda source, config, http: TmeSource(source.handle, config.tme.base_url, http),
    "rss": lambda source, config, http: FeedSource(source.handle, source.url, http),
}


class Daemon:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.stop = asyncio.Event()
        self.notifier = Notifier()
        self.started = time.monotonic()
        self.tasks: dict[str, asyncio.Task[Any]] = {}
        self.runners: list[SourceRunner] = []
        self.app: App | None = None
        self.delivery: DeliveryService | None = None
        self.leader: Leadership | None = None
        self.http: aiohttp.ClientSession | None = None
        self.sweeps = 0
        self.closing = AsyncExitStack()  # what start opened, closed in reverse order

    def request_stop(self, signame: str) -> None:
        if not self.stop.is_set():
            log.info("%s received: stopping", signame)
        self.stop.set()

    async def sweep(self) -> None:
        """The scheduler's job: raise the alerts whose time has come (leader only)."""
        if self.app is None or (self.leader and not self.leader.is_leader):
            return
        try:
            await self.app.pipeline.sweep(datetime.now(UTC))
            self.sweeps += 1
        except StorageUnavailable as exc:
            log.warning("sweep skipped: %s", exc)

    async def start(self) -> bool:
        config = self.config
        preflight(config)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.request_stop, sig.name)
        store = await open_store(config.storage.url, self.stop)
        if store is None:
            return False
        self.closing.push_async_callback(store.close)
        self.http = aiohttp.ClientSession()
        self.closing.push_async_callback(self.http.close)
        self.delivery = DeliveryService.from_config(config, self.http)
        if self.delivery is not None:
            self.closing.push_async_callback(self.delivery.close)
        sinks: list[Any] = [WakeSink(self.delivery)] if self.delivery else [StdoutSink(web_url=config.web.public_url)]
        self.app = await build_app(config, simulated=False, sinks=sinks, store=store, deliver=self.delivery is not None)
        self.leader = Leadership(store, config.daemon.instance)
        enabled, disabled = self._start_watchers(store)
        if store.dialect == "postgresql":  # on SQLite the one instance leads; nothing to elect
            self.tasks["leader"] = asyncio.create_task(self.leader.run(self.stop))
        if self.delivery is not None:
            leader = self.leader
            self.tasks["delivery"] = asyncio.create_task(
                self.delivery.run(store, self.stop, may_send=lambda: leader.is_leader))
            bot = config.telegram_bot
            if bot.commands and bot.admins:
                routed = frozenset(bot.chat_ids()) if bot.routes else frozenset()
                commands = Commands(store, bot.admins, self.app.classifier, self.app.engine, routed_chats=routed)
                poller = CommandPoller(self.delivery.api, commands, store)
                self.tasks["commands"] = asyncio.create_task(poller.run(self.stop))
            else:
                disabled.append("chat commands (no [telegram_bot] admins)")
        else:
            disabled.append("Telegram delivery (no [telegram_bot] chat_id); alerts go to stdout")
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self.scheduler.add_job(self.sweep, "interval", seconds=config.daemon.sweep_every.total_seconds(), id="sweep",
                               coalesce=True, max_instances=1, next_run_time=datetime.now(UTC))
        self.scheduler.start()
        self.closing.callback(self.scheduler.shutdown, wait=False)
        if config.daemon.http:
            runner = await self._health().serve(config.daemon.http)
            self.closing.push_async_callback(runner.cleanup)
        if config.web.enabled:
            from bot.app import SourceAwareClassifier
            from bot.web.serve import open_view

            app = self.app
            view = await open_view(config, store, classifier=lambda: SourceAwareClassifier(app.classifier, app.registry))
            self.closing.push_async_callback(view.close)
        else:
            disabled.append("web view ([web] enabled = false)")
        if self.notifier.watchdog_seconds:
            self.tasks["watchdog"] = asyncio.create_task(self._watchdog())
        log.info("claimwatch running on %s: %s", store.safe_url, "; ".join(enabled) or "no live sources")
        for item in disabled:
            log.info("not enabled: %s", item)
        self.notifier.notify("READY=1", f"STATUS=watching {len(enabled)} source group(s)")
        return True

    def _start_watchers(self, store: Store) -> tuple[list[str], list[str]]:
        """A supervised task per polled source of this instance, and one for the MTProto
        channels; returns what is enabled and what is not, with why."""
        assert self.app is not None and self.http is not None
        config = self.config
        registry = Registry.builtin(config)
        enabled: list[str] = []
        disabled: list[str] = []
        for source in config.sources:
            factory = POLLED.get(source.watch)
            if factory is None:
                continue
            if not assigned(source, config):
                disabled.append(f"{source.handle} (another instance's)")
                continue
            runner = SourceRunner(factory(source, config, self.http), source.poll, self.app.pipeline, store)
            self.runners.append(runner)
            self.tasks[f"watcher {source.handle}"] = asyncio.create_task(runner.run(self.stop))
            enabled.append(f"{source.handle} ({source.watch}, {registry.lookup(source.handle).role})")
        telegram = [s.handle for s in config.sources if s.watch == "telegram" and assigned(s, config)]
        if telegram:
            from bot.watch_telegram import TelegramRunner, make_client, readiness

            why = readiness(config)
            if why:
                disabled.append(f"MTProto watcher for {len(telegram)} channel(s): {why}")
            else:
                tg = TelegramRunner(make_client(config), telegram, self.app.pipeline, store, config.telegram.backfill,
                                    join=config.telegram.join)
                self.tasks["watcher telegram"] = asyncio.create_task(tg.run(self.stop))
                enabled.append(f"{len(telegram)} Telegram channel(s) over MTProto")
        return enabled, disabled

    async def _watchdog(self) -> None:
        assert self.notifier.watchdog_seconds
        while not self.stop.is_set():
            self.notifier.notify("WATCHDOG=1")
            await sleep_or_stop(self.stop, self.notifier.watchdog_seconds / 2)

    def _health(self) -> Health:
        health = Health()

        async def database() -> str | None:
            assert self.app is not None
            try:
                await self.app.store.revision()
                return None
            except StorageError as exc:
                return str(exc)

        async def scheduler() -> str | None:
            return None if self.scheduler.running else "not running"

        health.checks["database"] = database
        health.checks["scheduler"] = scheduler
        runners = {f"watcher {r.source.handle}": r for r in self.runners}
        for name, task in self.tasks.items():
            extra = runners[name].problem if name in runners else None
            if name == "delivery" and self.delivery is not None:
                extra = self.delivery.problem
            health.checks[name] = _task_check(task, extra)
        health.metrics = self._metrics
        return health

    async def _metrics(self) -> list[tuple[str, str, dict[str, str], float]]:
        assert self.app is not None
        stats = self.app.pipeline.stats
        out: list[tuple[str, str, dict[str, str], float]] = []
        for source, n in sorted(stats.by_source.items()):
            out.append(("claimwatch_messages_total", "counter", {"source": source}, n))
        for stance, n in sorted(stats.stances.items()):
            out.append(("claimwatch_statements_total", "counter", {"stance": stance}, n))
        for kind, n in sorted(stats.alerts.items()):
            out.append(("claimwatch_alerts_raised_total", "counter", {"kind": kind}, n))
        try:
            outbox = await self.app.store.outbox_counts()
        except StorageError:
            outbox = {}
        for status, n in sorted(outbox.items()):
            out.append(("claimwatch_alerts", "gauge", {"state": status}, n))
        out.append(("claimwatch_outbox_depth", "gauge", {}, outbox.get("pending", 0) + outbox.get("failed", 0)))
        for stage, seconds in sorted(stats.stage_seconds.items()):
            out.append(("claimwatch_stage_seconds_total", "counter", {"stage": stage}, seconds))
        for runner in self.runners:
            labels = {"source": runner.source.handle}
            out.append(("claimwatch_watcher_polls_total", "counter", labels, runner.stats.polls))
            out.append(("claimwatch_watcher_errors_total", "counter", labels, runner.stats.errors))
            out.append(("claimwatch_watcher_up", "gauge", labels, 1.0 if runner.stats.state == "ok" else 0.0))
        out.append(("claimwatch_failed_messages_total", "counter", {}, stats.counts["errors"]))
        out.append(("claimwatch_leader", "gauge", {}, 1.0 if self.leader and self.leader.is_leader else 0.0))
        out.append(("claimwatch_uptime_seconds", "gauge", {}, time.monotonic() - self.started))
        return out

    async def shutdown(self) -> None:
        """Stop intake (each watcher finishes its poll), flush the outbox, stop the other
        tasks, then close what start opened in reverse order; one summary line."""
        self.notifier.notify("STOPPING=1")
        timeout = self.config.daemon.drain_timeout.total_seconds()
        watchers = [t for name, t in self.tasks.items() if name.startswith("watcher")]
        _done, pending = await asyncio.wait(watchers, timeout=timeout) if watchers else (set(), set())
        for task in pending:
            task.cancel()
        if self.delivery is not None and self.app is not None and (self.leader is None or self.leader.is_leader):
            try:
                await asyncio.wait_for(self.delivery.drain(self.app.store, max_wait=timeout), timeout=timeout)
            except (TimeoutError, StorageError, DeliveryError) as exc:
                log.warning("outbox not fully flushed at stop (%s): the rest is sent on the next start", exc)
        rest = [t for name, t in self.tasks.items() if not name.startswith("watcher")]
        await asyncio.wait(rest, timeout=5) if rest else None
        for task in rest:
            task.cancel()
        summary = self.summary()
        await self.closing.aclose()
        log.info("%s", summary)

    def summary(self) -> str:
        ran = int(time.monotonic() - self.started)
        stats = self.app.pipeline.stats if self.app else None
        sent = self.delivery.sent if self.delivery else 0
        failing = sum(1 for r in self.runners if r.stats.state not in ("ok", "starting"))
        parts = [f"claimwatch stopped after {ran // 3600}h{ran % 3600 // 60:02d}m{ran % 60:02d}s"]
        if stats:
            parts.append(stats.summary())
        parts.append(f"{sent} alert(s) delivered, {self.sweeps} sweep(s), {len(self.runners)} polled source(s), "
                     f"{failing} failing")
        return "; ".join(parts)


def _task_check(task: asyncio.Task[Any], problem: Callable[[], str | None] | None = None) -> Any:
    """A task's health: stopped (it should run until the daemon stops), or the part's own
    word on what is wrong (a watcher failing past its threshold, delivery paused)."""
    async def check() -> str | None:
        if not task.done():
            return problem() if problem is not None else None
        if task.cancelled():
            return "cancelled"
        exc = task.exception()
        return f"stopped: {type(exc).__name__}: {exc}" if exc else "stopped"

    return check


async def run_daemon(config: Config) -> int:
    preflight(config)  # before anything opens: a refused config leaves nothing to close
    daemon = Daemon(config)
    try:
        if await daemon.start():
            await daemon.stop.wait()
    finally:
        await daemon.shutdown()
    return 0
