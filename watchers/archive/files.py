"""Small archive formats read whole: saved feeds and saved t.me/s pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from watchers.archive.base import Rejects
from watchers.errors import InputError, RecordError
from watchers.feed import FeedError, parse_feed
from watchers.message import Message
from watchers.tme_page import parse_tme_page

MAX_SMALL_FILE = 64 * 1024 * 1024


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SMALL_FILE:
            raise InputError(f"{path}: larger than {MAX_SMALL_FILE // 2**20} MiB, not a saved feed or page")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc


def read_feed_file(path: Path, rejects: Rejects) -> Iterator[Message]:
    try:
        feed = parse_feed(_read(path), str(path))
    except FeedError as exc:
        raise InputError(str(exc)) from exc
    good: list[Message] = []
    for item in feed.items:
        if isinstance(item, RecordError):
            rejects.add(item)
        else:
            good.append(item)
    good.sort(key=lambda m: (m.date, m.id))  # feeds list newest first
    yield from good


def read_tme_file(path: Path, rejects: Rejects) -> Iterator[Message]:
    raw = _read(path)
    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from exc
    page = parse_tme_page(html)
    good: list[Message] = []
    for index, post in enumerate(page.posts, start=1):
        try:
            good.append(post.to_message())
        except ValueError as exc:
            rejects.add(RecordError(f"{path}: post {index} ({post.channel}/{post.id})", str(exc)))
    good.sort(key=lambda m: (m.date, m.id))
    yield from good
