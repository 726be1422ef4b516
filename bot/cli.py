"""The ``claimwatch`` command line (see CONTRACT.md for commands, flags and exit codes).

Exit codes: 0 done; 2 usage, config or input error (one line on stderr); 3 some input records
rejected (every good one processed); 1 anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from bot.config import Config, load_config
from bot.durations import SINCE_FORMS, UNTIL_FORMS
from bot.gazetteer_cache import install as install_gazetteer_cache
from bot.logs import register_secret, setup_logging
from watchers.errors import ClaimwatchError, ConfigError, InputError, StorageError

log = logging.getLogger("claimwatch")

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3

# The statuses bot/incidents/status.py gives an incident (tests/test_cli.py checks they agree).
STATUSES = ("claimed", "uncorroborated", "corroborated", "contested", "denied", "reported")
STANCES = ("claim", "denial", "attribution", "none")
READ_ONLY = ("incidents", "groups", "messages", "serve")

DB_HELP = "database URL, e.g. sqlite:///claimwatch.db or postgresql://user@host/db (default: [storage] url)"
SINCE_HELP = f"only what happened since WHEN: {SINCE_FORMS}"


class Parser(argparse.ArgumentParser):
    """argparse with the contract's error shape: one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("claimwatch")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _status(value: str) -> str:
    if value not in STATUSES:
        raise argparse.ArgumentTypeError(f"{value!r} is not a status; valid: {', '.join(STATUSES)}")
    return value


def _common(suppress: bool = False) -> Parser:
    """The options every command takes. ``suppress``: for nested commands, so that an option given
    before the nested command name is not reset to its default by the nested parser."""
    default = argparse.SUPPRESS if suppress else None
    common = Parser(add_help=False)
    common.add_argument("--config", metavar="FILE", default=default,
                        help="TOML config; config.example.toml documents every key (default: built-in defaults)")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="tracebacks on errors, and debug logs")
    common.add_argument("--log-format", choices=("text", "json"), default=argparse.SUPPRESS if suppress else "text",
                        help="log lines as text or as JSON objects (default: text)")
    common.add_argument("--log-level", default=default, metavar="LEVEL",
                        help="DEBUG, INFO or WARNING (default: WARNING; INFO for run)")
    return common


def _db(p: argparse.ArgumentParser, suppress: bool = False) -> None:
    p.add_argument("--db", metavar="URL", help=DB_HELP, default=argparse.SUPPRESS if suppress else None)


def _parser() -> argparse.ArgumentParser:
    common, nested = _common(), _common(suppress=True)
    parser = Parser(prog="claimwatch", description="Claims, denials and attributions of attacks, from public "
                    "channels and feeds. 'claimwatch COMMAND --help' describes each command.")
    parser.add_argument("--version", action="version", version=f"claimwatch {version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    sub.add_parser("run", parents=[common], help="the daemon: watchers, pipeline, scheduler, delivery, chat commands",
                   description="Runs until SIGTERM or SIGINT.")

    p = sub.add_parser("replay", parents=[common], help="replay archived messages on a simulated clock",
                       description="Feeds archived messages, merged in time order across all PATHs, through the "
                       "pipeline on a simulated clock, and prints the alerts raised and a summary. A progress line "
                       "shows on stderr when it is a terminal (not with --quiet).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="canonical JSONL, Telegram export JSON, RSS/Atom, "
                   "saved t.me/s page, or a directory of them")
    _db(p)
    p.add_argument("--alerts-out", metavar="FILE", help="also write every alert raised to FILE, one JSON object a line")
    p.add_argument("--until", metavar="WHEN", help=f"advance the clock to WHEN after the input ends and fire every "
                   f"timer due by then: {UNTIL_FORMS}")
    p.add_argument("--deliver", action="store_true", help="also send the alerts to the configured Telegram chat(s)")
    p.add_argument("--quiet", action="store_true", help="print neither alerts nor progress, only the summary")
    p.add_argument("--verbose", action="store_true", help="also name each file of a directory that was skipped")

    sub.add_parser("classify", parents=[common], help="classify canonical JSONL from stdin, one result a line",
                   description="Reads canonical messages (JSONL) on stdin and writes one classification a line on "
                   "stdout; stores nothing. Only 'text' is required.")

    p = sub.add_parser("check", parents=[common], help="validate the config, open the database, report sources and sinks",
                       description="Exits 0 when 'run' would start with this config, 2 (with the reasons) when it "
                       "would not.")
    _db(p)

    sub.add_parser("login", parents=[common], help="interactive Telegram login for the MTProto watcher")

    p = sub.add_parser("incidents", parents=[common], help="list incidents; 'incidents show ID', 'incidents import FILE'",
                       description="Incidents with their claims, denials, attributions, figures, status and grade.")
    _db(p)
    p.add_argument("--status", type=_status, metavar="STATUS", help=f"only this status: {', '.join(STATUSES)}")
    p.add_argument("--since", metavar="WHEN", help=SINCE_HELP + " (by event time)")
    p.add_argument("--format", choices=("table", "json", "csv", "geojson"), default="table",
                   help="table (default), json, csv (ACLED-like columns) or geojson")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    q = actions.add_parser("show", parents=[nested], help="one incident with its messages in time order")
    q.add_argument("id", metavar="ID", help="incident number (12 or #12)")
    _db(q, suppress=True)
    q.add_argument("--format", choices=("table", "json"), default=argparse.SUPPRESS, help="table (default) or json")
    q = actions.add_parser("import", parents=[nested], help="import known incidents from CSV, JSON or GeoJSON",
                           description="Reads back what 'incidents --format csv|json|geojson' writes; importing the "
                           "same file twice adds nothing.")
    q.add_argument("file", metavar="FILE", help="CSV, JSON or GeoJSON file")
    _db(q, suppress=True)

    p = sub.add_parser("messages", parents=[common], help="stored messages with their classification",
                       description="Looks up stored messages, newest first, with their stances and actors.")
    _db(p)
    p.add_argument("--source", metavar="S", help="only this source (t.me/NAME, x.com/NAME or a feed URL)")
    p.add_argument("--stance", choices=STANCES, help="only messages with this stance ('none': without any)")
    p.add_argument("--since", metavar="WHEN", help=SINCE_HELP + " (by message date)")
    p.add_argument("--grep", metavar="TEXT", help="only messages whose text contains TEXT (case-insensitive)")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N messages (default 100; 0: all)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")

    p = sub.add_parser("groups", parents=[common], help="actors, known and discovered, with every spelling seen")
    _db(p)
    p.add_argument("--new", action="store_true", help="only groups the gazetteer does not know")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="table (default), json or csv")

    p = sub.add_parser("serve", parents=[common], help="the read-only web view: map, timeline, incidents, groups",
                       description="Serves the web view and its JSON endpoints from the database; never writes to it.")
    _db(p)
    p.add_argument("--listen", metavar="HOST:PORT", help="where to listen (default [web] listen, 127.0.0.1:8080)")

    p = sub.add_parser("db", parents=[common], help="database maintenance: 'db upgrade' applies schema migrations")
    p.add_argument("action", choices=("upgrade",), help="upgrade: apply schema migrations; data is kept")
    _db(p)
    return parser


def _relative_since(argv: Sequence[str]) -> list[str]:
    """``--since -3d``: argparse would take ``-3d`` for an option; glue it to its flag."""
    out: list[str] = []
    for item in argv:
        if out and out[-1] == "--since" and re.match(r"^-\d", item):
            out[-1] = f"--since={item}"
        else:
            out.append(item)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(_relative_since(sys.argv[1:] if argv is None else argv))
    install_gazetteer_cache()  # the built gazetteer read back from the previous process's build
    args.debug = getattr(args, "debug", False)
    level = getattr(args, "log_level", None) or (
        "DEBUG" if args.debug else ("INFO" if args.command == "run" else "WARNING"))
    setup_logging(level, getattr(args, "log_format", "text"))
    try:
        config = load_config(getattr(args, "config", None))
        register_secret(config.telegram_bot.token())
        config = config.with_db(getattr(args, "db", None))
        if args.command in READ_ONLY and getattr(args, "action", None) != "import":
            _require_database(config)
        return asyncio.run(_dispatch(args, config))
    except KeyboardInterrupt:
        return 130
    except (ConfigError, InputError) as exc:
        return _fail(args, exc, EXIT_USAGE)
    except StorageError as exc:
        return _fail(args, exc, EXIT_BUG, prefix="database error")
    except ClaimwatchError as exc:
        return _fail(args, exc, EXIT_BUG)
    except Exception as exc:
        if args.debug:
            raise
        print(f"claimwatch: internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
              file=sys.stderr)
        return EXIT_BUG


def _require_database(config: Config) -> None:
    """A read-only command never creates a database: a mistyped path would show an empty one."""
    from storage.engine import sqlite_file

    name = sqlite_file(config.storage.url)
    if name is not None and not Path(name).exists():
        raise InputError(f"no database at {name} (give --db URL, or replay or run first)")


def _fail(args: argparse.Namespace, exc: Exception, code: int, prefix: str = "error") -> int:
    if args.debug:
        logging.getLogger("claimwatch").exception("failed")
    from bot.logs import redact

    print(f"claimwatch: {prefix}: {redact(str(exc))}", file=sys.stderr)
    return code


async def _dispatch(args: argparse.Namespace, config: Config) -> int:
    if args.command == "classify":
        # the classifier alone: bot.commands would load storage and the incident layer first
        from bot.classify_command import classify

        return await classify(args, config)
    from bot import commands

    if args.command == "replay":
        return int(await commands.replay(args, config))
    if args.command == "check":
        return await commands.check(args, config)
    if args.command == "db":
        return await commands.db_upgrade(args, config)
    if args.command == "incidents":
        if args.action == "import":
            return await commands.incidents_import(args, config, Path(args.file))
        if args.action == "show":
            return await commands.incidents_show(args, config, str(args.id))
        return await commands.incidents(args, config)
    if args.command == "messages":
        return await commands.messages(args, config)
    if args.command == "groups":
        return await commands.groups(args, config)
    if args.command == "serve":
        from bot.web.serve import serve

        return await serve(config, args.listen)
    if args.command == "run":
        from bot.daemon import run_daemon

        return int(await run_daemon(config))
    if args.command == "login":
        from bot.login import login

        return int(await login(config))
    raise InputError(f"unknown command {args.command}")
