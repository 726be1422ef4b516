"""``claimwatch classify``: JSON lines of messages on stdin, one classification per line on stdout.

A module of its own because it needs the classifier alone: importing bot/commands.py loads the
storage, incident and delivery layers (SQLAlchemy, Alembic), about half a second the scorer's
per-run start-up does not need to pay.
"""

from __future__ import annotations

import argparse
import json
import sys

from bot.config import Config
from watchers.archive.jsonl import parse_jsonl_line
from watchers.errors import RecordError

EXIT_OK, EXIT_USAGE, EXIT_REJECTED = 0, 2, 3


async def classify(args: argparse.Namespace, config: Config) -> int:
    from bot.registry import Registry
    from classifiers.classify import Classifier

    classifier = Classifier(config.gazetteer.build())
    registry = Registry.builtin(config)
    rejected: list[str] = []
    count = good = 0
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        if not raw.strip():
            continue
        count += 1
        where = f"<stdin>:{number}"
        try:
            line = raw.decode("utf-8")
            message = parse_jsonl_line(line, where)
            actor = registry.lookup(message.source).actor if message.source else None
            date = message.date if message.date.year > 1970 else None
            result = classifier.classify(message.full_text, date, message.source or None, actor)
            out.write(json.dumps(result.contract_dict(message.id or None), ensure_ascii=False) + "\n")
            good += 1
        except UnicodeDecodeError as exc:
            rejected.append(f"{where}: invalid UTF-8 at byte {exc.start}")
            out.write(json.dumps({"id": None, "error": rejected[-1]}) + "\n")
        except RecordError as exc:
            rejected.append(str(exc))
            out.write(json.dumps({"id": None, "error": str(exc)}, ensure_ascii=False) + "\n")
    out.flush()
    if rejected:
        print(f"claimwatch: {len(rejected)} input record(s) rejected; first: " + " | ".join(rejected[:5]),
              file=sys.stderr)
        return EXIT_USAGE if good == 0 else EXIT_REJECTED
    return EXIT_OK
