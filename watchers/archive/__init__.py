"""Archive readers: recognise a file's format from its content and stream its messages.

``open_archives`` merges every path (files and directories) into one stream in time order.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import count
from pathlib import Path

from watchers.archive.base import ArchiveReader, Rejects
from watchers.archive.files import read_feed_file, read_tme_file
from watchers.archive.jsonl import read_jsonl
from watchers.archive.tgexport import read_tg_export
from watchers.errors import InputError
from watchers.feed import looks_like_feed
from watchers.message import Message
from watchers.tme_page import looks_like_tme_page

__all__ = ["READERS", "Rejects", "detect_format", "effective_time", "expand_paths", "open_archives"]

READERS: dict[str, ArchiveReader] = {
    "jsonl": read_jsonl,
    "telegram_export": read_tg_export,
    "feed": read_feed_file,
    "tme_page": read_tme_file,
}

REORDER_WINDOW = 4096


def effective_time(message: Message) -> datetime:
    """When a record happened: a revision record (a later edit or deletion of a message) at the
    time of the revision, anything else at its date. An export's edited message is its final
    state, posted at its date."""
    if message.extra.get("revision") and message.edited and message.edited > message.date:
        return message.edited
    return message.date


def detect_format(path: Path) -> str:
    """Name the format of ``path`` from its first bytes. Raises InputError if none fits."""
    try:
        with path.open("rb") as handle:
            head_bytes = handle.read(65536)
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    head = head_bytes.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not head:
        raise InputError(f"{path}: empty file")
    if head.startswith("{"):
        first_line = head.split("\n", 1)[0].strip()
        try:
            first = json.loads(first_line)
        except (json.JSONDecodeError, RecursionError):
            first = None
        if isinstance(first, dict):
            if ("messages" in first or "chats" in first) and "text" not in first:
                return "telegram_export"  # an export written on one line
            return "jsonl"
        if '"messages"' in head or '"chats"' in head or '"about"' in head or '"personal_information"' in head:
            return "telegram_export"
        return "jsonl"  # a JSONL file whose first line is malformed: rejected line by line
    if head.startswith("<"):
        if looks_like_feed(head):
            return "feed"
        if looks_like_tme_page(head):
            return "tme_page"
    raise InputError(f"{path}: not a format claimwatch reads (canonical JSONL, Telegram export JSON, "
                     "RSS/Atom, saved t.me/s page)")


def expand_paths(paths: Iterable[Path], rejects: Rejects) -> list[tuple[Path, str]]:
    """Files to read with their format. Missing paths and unknown files named directly are
    rejected; unknown files inside a directory are skipped and listed in ``rejects.skipped``."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    rejects.skipped.append(f"{child}: hidden")
                    continue
                try:
                    found.append((child, detect_format(child)))
                except InputError as exc:
                    rejects.skipped.append(str(exc))
        elif not path.exists():
            rejects.add_unreadable(f"{path}: no such file or directory")
        else:
            try:
                found.append((path, detect_format(path)))
            except InputError as exc:
                rejects.add_unreadable(str(exc))
    return found


def _sorted_within(stream: Iterator[Message], window: int) -> Iterator[Message]:
    """Re-order a nearly sorted stream with a bounded heap (memory stays at ``window``)."""
    heap: list[tuple[object, int, Message]] = []
    seq = count()
    for message in stream:
        heapq.heappush(heap, (effective_time(message), next(seq), message))
        if len(heap) > window:
            yield heapq.heappop(heap)[2]
    while heap:
        yield heapq.heappop(heap)[2]


def _guarded(path: Path, fmt: str, rejects: Rejects) -> Iterator[Message]:
    try:
        yield from READERS[fmt](path, rejects)
    except InputError as exc:
        rejects.add_unreadable(str(exc))


def _keyed(stream: Iterator[Message], index: int) -> Iterator[tuple[datetime, int, int, Message]]:
    # a function, not a generator expression in a loop: ``index`` is bound per file here, so
    # (time, file, position) is unique and two messages are never compared themselves
    for n, message in enumerate(stream):
        yield effective_time(message), index, n, message


def open_archives(paths: Iterable[Path], rejects: Rejects, window: int = REORDER_WINDOW) -> Iterator[Message]:
    """All messages of all paths, merged oldest first (ties keep path order, then file order)."""
    files = expand_paths(paths, rejects)
    streams = [_keyed(_sorted_within(_guarded(p, fmt, rejects), window), index)
               for index, (p, fmt) in enumerate(files)]
    for _date, _index, _n, message in heapq.merge(*streams):
        yield message
