"""Canonical JSONL archives: one message object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from watchers.archive.base import Rejects
from watchers.errors import InputError, RecordError
from watchers.message import Message


def read_jsonl(path: Path, rejects: Rejects) -> Iterator[Message]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                rejects.add(RecordError(where, f"invalid UTF-8 at byte {exc.start}"))
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                rejects.add(RecordError(where, _json_error(exc)))
                continue
            except RecursionError:
                rejects.add(RecordError(where, "JSON nested too deeply"))
                continue
            try:
                message = Message.from_dict(data, where)
            except RecordError as exc:
                rejects.add(exc)
                continue
            message.extra["where"] = where
            if message.edited is not None or message.deleted:
                # the contract: a later record with the same key is an edit or a deletion
                message.extra["revision"] = True
            yield message


def parse_jsonl_line(line: str, where: str) -> Message:
    """Parse one line for ``classify``: only ``text`` is required there."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(where, _json_error(exc)) from exc
    except RecursionError:
        raise RecordError(where, "JSON nested too deeply") from None
    return Message.from_dict(data, where, require_source=False)


def _json_error(exc: json.JSONDecodeError) -> str:
    """``malformed JSON at column 70: Expecting ...``: the column within the record's line (an
    error at the line's end would otherwise be reported as column 1 of a next line)."""
    column = min(exc.pos, len(exc.doc.rstrip("\r\n"))) + 1
    return f"malformed JSON at column {column}: {exc.msg}"
