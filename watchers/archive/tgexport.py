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
from watchers.message import Message

_MESSAGE_PREFIXES = {"messages.item", "chats.list.item.messages.item", "left_chats.list.item.messages.item"}
_CHAT_PREFIXES = {"": "", "chats.list.item": "chats.list.item", "left_chats.list.item": "left_chats.list.item"}


def read_tg_export(path: Path, rejects: Rejects) -> Iterator[Message]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    with handle:
        chat: dict[str, Any] = {}
        index = 0
        builder: Any = None
        build_prefix = ""
        try:
            for prefix, event, value in ijson.parse(handle, use_float=True):
                if builder is not None:
                    builder.event(event, value)
                    if prefix == build_prefix and event == "end_map":
                        index += 1
                        record = builder.value
                        builder = None
                        try:
                            message = _to_message(record, chat, f"{path}: message {index}")
                        except RecordError as exc:
                            rejects.add(exc)
                            continue
                        if message is not None:
                            yield message
                    continue
                if prefix in _MESSAGE_PREFIXES and event == "start_map":
                    builder = ijson.ObjectBuilder()
                    builder.event(event, value)
                    build_prefix = prefix
                    continue
                parent, _, key = prefix.rpartition(".")
                if parent in _CHAT_PREFIXES and key in ("name", "type", "id") and event in (
                    "string", "number"
                ):
                    if key == "name" and parent != "":
                        chat = {}
                    chat[key] = value
                elif parent in ("chats.list", "left_chats.list") and event == "start_map":
                    chat = {}
        except ijson.JSONError as exc:
            rejects.add(RecordError(f"{path}: after message {index}", f"JSON syntax error: {exc}"))
        except UnicodeDecodeError as exc:
            rejects.add(RecordError(f"{path}: after message {index}", f"invalid UTF-8: {exc.reason}"))


def flatten_text(text: Any) -> str:
    """``text`` is a string or a list of strings and entity objects with a ``text`` field."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text if p is not None)
    raise TypeError(f"text is {type(text).__name__}")


def _stamp(record: dict[str, Any], unix_key: str, local_key: str) -> datetime | None:
    unix = record.get(unix_key)
    if unix not in (None, ""):
        return datetime.fromtimestamp(int(unix), tz=UTC)
    local = record.get(local_key)
    if local:
        # Old exports carry only the exporting machine's local time with no offset. We read it
        # as UTC: wrong by the exporter's offset, but stable and documented.
        return datetime.fromisoformat(str(local)).replace(tzinfo=UTC)
    return None


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
        extra={"chat_name": chat.get("name"), "chat_type": chat.get("type")},
    )
