"""The one-shot commands: replay, check, db upgrade, incidents, messages, groups (``classify`` is
bot/classify_command.py, which needs none of the storage these import)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import build_app
from bot.config import Config
from bot.durations import format_duration, parse_since, parse_when
from bot.incidents.views import format_groups, format_incident, format_incidents
from bot.progress import Progress
from bot.replay import run_replay
from bot.sinks import JsonlSink, StdoutSink
from storage import Store
from watchers.archive import Rejects, detect_format, expand_paths
from watchers.errors import ConfigError, InputError

log = logging.getLogger("claimwatch")

EXIT_OK, EXIT_USAGE, EXIT_REJECTED = 0, 2, 3


MAX_REJECT_LINES = 1000  # a file of a million bad lines should not bury the terminal


def _print_reject(rejects: Rejects, progress: Progress | None = None) -> Callable[[str], None]:
    def report(reason: str) -> None:
        if rejects.count <= MAX_REJECT_LINES:
            if progress is not None:
                progress.clear()  # the line goes above the progress line, not into it
            print(f"claimwatch: rejected: {reason}", file=sys.stderr)

    return report


def _report_rejects(rejects: Rejects, total_good: int) -> int:
    """Each rejected record has had its line on stderr as it happened: this adds the count."""
    if not rejects.count:
        return EXIT_OK
    shown = f" (the first {MAX_REJECT_LINES} shown)" if rejects.count > MAX_REJECT_LINES else ""
    print(f"claimwatch: {rejects.count} input record(s) rejected{shown}", file=sys.stderr)
    return EXIT_USAGE if total_good == 0 else EXIT_REJECTED


def _check_paths(paths: list[Path]) -> list[Path]:
    """When no path named on the command line can be read, that is one line and exit 2, before
    anything is stored (a bad path among good ones is a rejected input: the summary names it, exit 3).
    Returns the files a progress estimate can measure."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p, _fmt in expand_paths([path], Rejects()))
            continue
        try:
            if not path.exists():
                raise InputError(f"{path}: no such file or directory")
            detect_format(path)  # raises InputError naming the file and what it is not
            files.append(path)
        except InputError as exc:
            errors.append(str(exc))
    if errors and len(errors) == len(paths):
        raise InputError(errors[0] + (f" (and {len(errors) - 1} more path(s) like it)" if len(errors) > 1 else ""))
    return files


async def replay(args: argparse.Namespace, config: Config) -> int:
    paths = [Path(p) for p in args.paths]
    if args.until:
        try:
            parse_when(args.until, datetime.now().astimezone())  # validate the form early
        except ValueError as exc:
            raise InputError(f"--until: {exc}") from exc
    files = _check_paths(paths)
    sinks: list[Any] = []
    if args.alerts_out:
        try:
            sinks.append(JsonlSink(args.alerts_out))
        except OSError as exc:
            raise InputError(f"--alerts-out {args.alerts_out}: {exc.strerror or exc}") from exc
    if not args.quiet:
        sinks.append(StdoutSink(web_url=config.web.public_url))
    delivery = None
    if args.deliver:
        from bot.delivery.service import DeliveryService

        delivery = DeliveryService.from_config(config)
        if delivery is None:
            raise ConfigError("--deliver needs [telegram_bot] chat_id or routes, and the token in the environment variable "
                              f"{config.telegram_bot.token_env}", path=config.path, key="telegram_bot")
    progress = Progress.for_stderr(sys.stderr, args.quiet, files)
    # with a progress line on the terminal, the line is erased before an alert prints
    shown = [_ClearFirst(s, progress) if progress and isinstance(s, StdoutSink) else s for s in sinks]
    app = await build_app(config, simulated=True, sinks=shown, deliver=delivery is not None)
    try:
        rejects = Rejects()
        rejects.report = _print_reject(rejects, progress)
        outcome = await run_replay(app.pipeline, paths, until=args.until, horizon=_horizon(config),
                                   rejects=rejects, progress=progress.update if progress else None)
        if delivery is not None:
            await _drain(delivery, app.store, progress)
    finally:
        if progress:
            progress.clear()
        for sink in sinks:
            await sink.close()
        if delivery is not None:
            await delivery.close()
        await app.close()
    stats = app.pipeline.stats
    good = stats.counts["read"] - stats.counts["rejected"]
    files_note = "" if not outcome.newest else f", newest {outcome.newest.isoformat()}"
    until = f", clock advanced to {outcome.until.isoformat()}" if outcome.until else ""
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in sorted(stats.stage_seconds.items()))
    skipped = outcome.rejects.skipped
    hint = "" if args.verbose else ", --verbose names them"
    skipped_note = f"; {len(skipped)} file(s) skipped (not an archive format or hidden{hint})" if skipped else ""
    print(f"replay: {stats.summary()}; {outcome.rejects.count} rejected{skipped_note}; {outcome.seconds:.2f}s "
          f"({stages}){files_note}{until}")
    if args.verbose:
        for reason in skipped:
            print(f"replay: skipped {reason}", file=sys.stderr)
    if outcome.rejects.unreadable and good == 0:
        return _report_rejects(outcome.rejects, 0)
    return _report_rejects(outcome.rejects, good)


class _ClearFirst:
    """A stdout sink that erases the progress line first."""

    def __init__(self, sink: StdoutSink, progress: Progress) -> None:
        self.sink, self.progress, self.name = sink, progress, sink.name

    async def emit(self, alert: Any) -> None:
        self.progress.clear()
        await self.sink.emit(alert)

    async def close(self) -> None:
        await self.sink.close()


async def _drain(delivery: Any, store: Store, progress: Progress | None) -> None:
    """``--deliver``: send the outbox, with the progress line counting alerts sent meanwhile."""
    if progress is None:
        await delivery.drain(store)
        return
    import asyncio

    shown = Progress(progress.stream, None, label="delivering")
    task = asyncio.ensure_future(delivery.drain(store))
    try:
        while not task.done():
            shown.update(delivery.sent, "alert(s) sent", force=True)
            await asyncio.wait([task], timeout=0.5)
        await task
    finally:
        task.cancel()
        shown.clear()


def _horizon(config: Config) -> Any:
    windows = [config.alerts.uncorroborated_after, *config.alerts.uncorroborated_after_by_region.values(),
               *(s.uncorroborated_after for s in config.sources if s.uncorroborated_after)]
    return min(windows)


async def check(args: argparse.Namespace, config: Config) -> int:
    """What ``run`` would do with this config; exit 2 exactly when ``run`` would refuse to start."""
    from bot.preflight import fatal_problems, run_sinks
    from bot.registry import Registry
    from bot.watch_telegram import readiness

    print(f"config: {config.path or 'built-in defaults'}: valid")
    store = await Store.open(config.storage.url)
    try:
        revision = await store.revision()
        messages = await store.count_messages()
        health = {h.handle: h for h in await store.sources()}
    finally:
        await store.close()
    print(f"database: {store.safe_url}: reachable, schema {revision}, {messages} messages")
    registry = Registry.builtin(config)
    for source in config.sources:
        info = registry.lookup(source.handle)
        h = health.get(source.handle)
        state = f"{h.state}, last message {h.last_message_at.isoformat() if h and h.last_message_at else 'never'}" \
            if h else "never polled"
        if h and h.last_error:
            state += f", last error: {h.last_error}"
        note = ""
        if source.watch == "telegram":
            why = readiness(config)
            note = f"not watched: {why}" if why else f"session {config.telegram.session}"
        print(f"source {source.handle}: watch={source.watch} role={info.role} network={info.network} "
              f"poll={int(source.poll.total_seconds())}s; {state}{'; ' + note if note else ''}")
    for name, description in run_sinks(config):
        print(f"sink {name}: {description}")
    window = format_duration(config.alerts.uncorroborated_after)
    print(f"alerts: {', '.join(config.alerts.kinds)}; uncorroborated after {window}")
    problems = fatal_problems(config)
    for problem in problems:
        print(f"claimwatch: error: {problem}", file=sys.stderr)
    return EXIT_USAGE if problems else EXIT_OK


async def db_upgrade(args: argparse.Namespace, config: Config) -> int:
    store = await Store.open(config.storage.url, upgrade=False)
    try:
        before, after = await store.upgrade()
    finally:
        await store.close()
    print(f"database schema: {before or 'empty'} -> {after}" if before != after else f"database schema: {after} (current)")
    return EXIT_OK


def _since(args: argparse.Namespace) -> datetime | None:
    if not args.since:
        return None
    try:
        return parse_since(args.since, datetime.now(UTC))
    except ValueError as exc:
        raise InputError(f"--since: {exc}") from exc


async def incidents(args: argparse.Namespace, config: Config) -> int:
    since = _since(args)
    store = await Store.open(config.storage.url)
    try:
        rows = await store.list_incidents(args.status, since)
        evidence = await store.incident_messages([r.id for r in rows])
    finally:
        await store.close()
    sys.stdout.write(format_incidents(rows, args.format, evidence))
    return EXIT_OK


async def incidents_show(args: argparse.Namespace, config: Config, ref: str) -> int:
    """``incidents show ID``: one incident with the messages it is made of."""
    try:
        incident_id = int(ref.lstrip("#"))
    except ValueError as exc:
        raise InputError(f"incidents show: {ref!r} is not an incident id") from exc
    if args.format not in ("table", "json"):
        raise InputError(f"incidents show: --format {args.format} (use table or json)")
    store = await Store.open(config.storage.url)
    try:
        incident = await store.get_incident(incident_id)
        evidence = await store.incident_messages([incident_id]) if incident else {}
    finally:
        await store.close()
    if incident is None:
        raise InputError(f"incidents show: no incident {incident_id} in {store.safe_url}")
    sys.stdout.write(format_incident(incident, evidence.get(incident_id, []), args.format))
    return EXIT_OK


async def messages(args: argparse.Namespace, config: Config) -> int:
    from bot.message_views import format_messages
    from storage.messages import MessageQuery

    if args.limit < 0:
        raise InputError("--limit: must be 0 (all) or more")
    query = MessageQuery(source=args.source, stance=args.stance, since=_since(args), grep=args.grep,
                         limit=args.limit or None)
    store = await Store.open(config.storage.url)
    try:
        rows = await store.find_messages(query)
    finally:
        await store.close()
    sys.stdout.write(format_messages(rows, args.format))
    return EXIT_OK


async def incidents_import(args: argparse.Namespace, config: Config, path: Path) -> int:
    from bot.incidents.engine import IncidentEngine
    from bot.incidents.known import import_known_in, read_known
    from bot.registry import Registry
    gz = config.gazetteer.build()  # the user's own places too
    known, rejected = read_known(path, gz)
    store = await Store.open(config.storage.url)
    try:
        engine = IncidentEngine(store, config, Registry.builtin(config), gz, simulated=True)
        now = datetime.now(UTC)
        created, same, merged = await store.in_tx(lambda tx: import_known_in(tx, engine, known, now))
    finally:
        await store.close()
    print(f"incidents import: {created} incident(s) imported from {path}, {same} already stored, "
          f"{merged} stored incident(s) linked to them; {len(rejected)} rejected")
    if rejected:
        print("claimwatch: " + " | ".join(rejected[:5]), file=sys.stderr)
        return EXIT_USAGE if created == 0 else EXIT_REJECTED
    return EXIT_OK


async def groups(args: argparse.Namespace, config: Config) -> int:
    store = await Store.open(config.storage.url)
    try:
        states = await store.actor_states()
        rates = await store.claims_by_actor()
    finally:
        await store.close()
    sys.stdout.write(format_groups(states, rates, only_new=args.new, fmt=args.format))
    return EXIT_OK
