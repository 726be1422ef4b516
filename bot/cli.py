"""The ``claimwatch`` command line (see CONTRACT.md for commands, flags and exit codes).

Exit codes: 0 done; 2 usage, config or input error (one line on stderr); 3 some input records
rejected (every good one processed); 1 anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Config, load_config
from bot.logs import register_secret, setup_logging
from watchers.errors import ClaimwatchError, ConfigError, InputError, StorageError

log = logging.getLogger("claimwatch")

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="TOML config (default: built-in defaults)")
    common.add_argument("--debug", action="store_true", help="tracebacks and debug logs")
    common.add_argument("--log-format", choices=("text", "json"), default="text")
    common.add_argument("--log-level", default=None, help="DEBUG, INFO, WARNING (default WARNING; INFO for run)")

    parser = argparse.ArgumentParser(prog="claimwatch", description="Claims, denials and attributions "
                                     "of attacks, from public channels and feeds.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", parents=[common], help="the daemon")

    p = sub.add_parser("replay", parents=[common], help="replay archived messages on a simulated clock")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", metavar="URL")
    p.add_argument("--alerts-out", metavar="FILE")
    p.add_argument("--until", metavar="WHEN")
    p.add_argument("--deliver", action="store_true", help="also send alerts to the configured chat")
    p.add_argument("--quiet", action="store_true", help="do not print alerts, only the summary")

    sub.add_parser("classify", parents=[common], help="classify canonical JSONL from stdin")

    sub.add_parser("check", parents=[common], help="validate config, open the database, report sources")

    sub.add_parser("login", parents=[common], help="interactive Telegram login for the MTProto watcher")

    p = sub.add_parser("incidents", parents=[common],
                       help="list incidents; 'incidents show ID'; 'incidents import FILE'")
    p.add_argument("action", nargs="*", metavar="show ID | import FILE")
    p.add_argument("--db", metavar="URL")
    p.add_argument("--status")
    p.add_argument("--since", metavar="WHEN")
    p.add_argument("--format", choices=("table", "json", "csv", "geojson"), default="table")

    p = sub.add_parser("groups", parents=[common], help="actors, known and discovered")
    p.add_argument("--db", metavar="URL")
    p.add_argument("--new", action="store_true", help="only groups not in the gazetteer")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("serve", parents=[common], help="the read-only web view: map, timeline, incidents, groups")
    p.add_argument("--db", metavar="URL")
    p.add_argument("--listen", metavar="HOST:PORT", help="default [web] listen, 127.0.0.1:8080")

    p = sub.add_parser("db", parents=[common], help="database maintenance")
    p.add_argument("action", choices=("upgrade",))
    p.add_argument("--db", metavar="URL")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    level = args.log_level or ("DEBUG" if args.debug else ("INFO" if args.command == "run" else "WARNING"))
    setup_logging(level, args.log_format)
    try:
        config = load_config(args.config)
        register_secret(config.telegram_bot.token())
        config = config.with_db(getattr(args, "db", None))
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


def _fail(args: argparse.Namespace, exc: Exception, code: int, prefix: str = "error") -> int:
    if args.debug:
        logging.getLogger("claimwatch").exception("failed")
    from bot.logs import redact

    print(f"claimwatch: {prefix}: {redact(str(exc))}", file=sys.stderr)
    return code


async def _dispatch(args: argparse.Namespace, config: Config) -> int:
    from bot import commands

    if args.command == "replay":
        return int(await commands.replay(args, config))
    if args.command == "classify":
        return await commands.classify(args, config)
    if args.command == "check":
        return await commands.check(args, config)
    if args.command == "db":
        return await commands.db_upgrade(args, config)
    if args.command == "incidents":
        if args.action:
            if args.action[0] == "show" and len(args.action) == 2:
                return await commands.incidents_show(args, config, args.action[1])
            if args.action[0] != "import" or len(args.action) != 2:
                raise InputError("usage: claimwatch incidents [show ID | import FILE] [--db URL]")
            return await commands.incidents_import(args, config, Path(args.action[1]))
        return await commands.incidents(args, config)
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
