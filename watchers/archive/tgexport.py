"""Telegram Desktop "Export chat history" JSON (``result.json``), streamed with ijson.

Handles a single-chat export (``{"name", "type", "id", "messages": [...]}``) and the whole-account
export (``chats.list`` and ``left_chats.list``). Memory does not grow with the file: each message
object is built on its own from parser events and dropped after it is yielded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ijson

from watchers.archive.base import Rejects
from watchers.errors import InputError, RecordError
from watchers.message import MAX_YEAR, MIN_YEAR, Message

_MESSAGE_PREFIXES = {"messages.item", "chats.list.item.messages.item", "left_chats.list.item.messages.item"}
_CHAT_PREFIXES = {"", "chats.list.item", "left_chats.list.item"}
_CHAT_LISTS = {"chats.list.item", "left_chats.list.item"}  # a chat object starts here
_SCALARS = {"string", "number", "integer", "double", "boolean", "null"}
MAX_RECORD_DEPTH = 32  # a real message nests 4 levels (text entities); deeper is a broken or hostile file
_SHALLOW = 8  # prefixes are only needed this deep (chats.list.item.messages.item is 5)


def read_tg_export(path: Path, rejects: Rejects) -> Iterator[Message]:
    """Streams the export with ijson's prefix-free events and tracks the path itself: ijson's
    own prefixes are strings as long as the nesting is deep, so a file of nested brackets costs
    memory growing with the square of its depth. Here memory stays flat: a message nested more
    than MAX_RECORD_DEPTH levels is rejected with its index and skipped without being built."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    with handle:
        chat: dict[str, Any] = {}
        index = 0
        path_parts: list[str] = []  # the containers we are in, as ijson names them ("item" in arrays)
        depth = 0
        builder: Any = None
        build_depth = 0  # depth of the message object being built
        skipping = False  # inside a message nested too deeply: its events are dropped
        try:
            for event, value in ijson.basic_parse(handle, use_float=True):
                if event in ("start_map", "start_array"):
                    prefix = ".".join(path_parts) if depth < _SHALLOW else None
                    depth += 1
                    if depth <= _SHALLOW:
                        path_parts.append("item" if event == "start_array" else "")
                    if builder is None and not skipping and event == "start_map" and prefix in _MESSAGE_PREFIXES:
                        builder, build_depth = ijson.ObjectBuilder(), depth
                    elif builder is None and not skipping and event == "start_map" and prefix in _CHAT_LISTS:
                        chat = {}
                    if builder is not None and depth - build_depth >= MAX_RECORD_DEPTH:
                        index += 1
                        rejects.add(RecordError(f"{path}: message {index}",
                                                f"nested deeper than {MAX_RECORD_DEPTH} levels"))
                        builder, skipping = None, True
                elif event in ("end_map", "end_array"):
                    if depth <= _SHALLOW and path_parts:
                        path_parts.pop()
                    depth -= 1
                elif event == "map_key" and depth <= _SHALLOW:
                    path_parts[-1] = value
                if builder is not None:
                    builder.event(event, value)
                    if event == "end_map" and depth == build_depth - 1:
                        index += 1
                        record, builder = builder.value, None
                        try:
                            message = _to_message(record, chat, f"{path}: message {index}")
                        except RecordError as exc:
                            rejects.add(exc)
                            continue
                        if message is not None:
                            yield message
                    continue
                if skipping:
                    skipping = depth >= build_depth
                    continue
                if event in _SCALARS and depth <= _SHALLOW and path_parts:
                    key = path_parts[-1]
                    parent = ".".join(path_parts[:-1])
                    if parent in _CHAT_PREFIXES and key in ("name", "type", "id") and event != "null":
                        chat[key] = value
        except ijson.JSONError as exc:
            # yajl's message spans three lines (the text and a caret): keep its first line only
            reason = str(exc).strip().split("\n", 1)[0].removeprefix("parse error: ")
            rejects.add(RecordError(f"{path}: after message {index}", f"JSON syntax error: {reason}"))
        except UnicodeDecodeError as exc:
            rejects.add(RecordError(f"{path}: after message {index}", f"invalid UTF-8: {exc.reason}"))


def flatten_text(text: Any) -> str:
    """``text`` is a string or a list of strings and entity objects with a ``text`` field."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        pieces = []
        for number, piece in enumerate(text, start=1):
            if isinstance(piece, str):
                pieces.append(piece)
            elif isinstance(piece, dict) and isinstance(piece.get("text", ""), str):
                pieces.append(piece.get("text", ""))
            elif piece is not None:
                raise TypeError(f"text item {number} is {type(piece).__name__}, not a string or an entity")
        return "".join(pieces)
    raise TypeError(f"text is {type(text).__name__}")


def _stamp(record: dict[str, Any], unix_key: str, local_key: str) -> datetime | None:
    unix = record.get(unix_key)
    stamp: datetime | None = None
    if unix not in (None, ""):
        stamp = datetime.fromtimestamp(int(unix), tz=UTC)
    elif record.get(local_key):
        # Old exports carry only the exporting machine's local time with no offset. We read it
        # as UTC: wrong by the exporter's offset, but stable and documented.
        stamp = datetime.fromisoformat(str(record[local_key])).replace(tzinfo=UTC)
    if stamp is not None and not MIN_YEAR <= stamp.year <= MAX_YEAR:
        raise ValueError(f"{stamp.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return stamp


def _to_message(record: Any, chat: dict[str, Any], where: str) -> Message | None:
    if not isinstance(record, dict):
        raise RecordError(where, "message is not an object")
    if record.get("type", "message") != "message":
        return None  # service messages (joins, pins) carry no statements
    msg_id = record.get("id")
    if msg_id is None:
        raise RecordError(where, "message has no 'id'")
    try:
        date = _stamp(record, "date_unixtime", "date")
        edited = _stamp(record, "edited_unixtime", "edited")
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecordError(f"{where} (id {msg_id})", f"bad date: {exc}") from exc
    if date is None:
        raise RecordError(f"{where} (id {msg_id})", "message has no date")
    try:
        text = flatten_text(record.get("text", ""))
    except TypeError as exc:
        raise RecordError(f"{where} (id {msg_id})", f"bad 'text': {exc}") from exc
    chat_id = str(chat.get("id", "unknown")).removeprefix("-100")
    source = f"t.me/c/{chat_id}"
    reply = record.get("reply_to_message_id")
    return Message(
        source=source,
        id=str(msg_id),
        date=date,
        text=text,
        url=f"https://t.me/c/{chat_id}/{msg_id}",
        edited=edited,
        forwarded_from=record.get("forwarded_from"),
        reply_to=str(reply) if reply is not None else None,
        extra={"chat_name": chat.get("name"), "chat_type": chat.get("type"), "where": where},
    )
