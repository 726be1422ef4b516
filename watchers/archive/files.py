"""Saved feeds (streamed when large) and saved t.me/s pages (read whole)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from watchers.archive.base import Rejects
from watchers.errors import InputError, RecordError
from watchers.feed import FeedError, parse_feed, stream_feed
from watchers.message import Message
from watchers.tme_page import parse_tme_page

MAX_SMALL_FILE = 64 * 1024 * 1024  # a saved t.me/s page (a real one is well under 1 MiB)
WHOLE_FEED = 4 * 1024 * 1024  # larger saved feeds are streamed (feedparser holds ~16x a document)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SMALL_FILE:
            raise InputError(f"{path}: larger than {MAX_SMALL_FILE // 2**20} MiB, not a saved feed or page")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc


def read_feed_file(path: Path, rejects: Rejects) -> Iterator[Message]:
    """A saved feed. Up to WHOLE_FEED bytes it is parsed whole (feedparser's tolerance of broken
    XML applies); a larger one must be well-formed and is streamed, so memory holds the messages
    (feeds list newest first, so they are sorted before replay) but never feedparser's copy of
    the document: a 60 MB feed peaks near 4 times its size instead of 16."""
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    good: list[Message] = []
    with handle:
        try:
            items = parse_feed(handle.read(), str(path)).items if size <= WHOLE_FEED else stream_feed(handle, str(path))
            for item in items:
                if isinstance(item, RecordError):
                    rejects.add(item)
                else:
                    item.extra["where"] = _item_where(item, path)
                    good.append(item)
        except FeedError as exc:
            raise InputError(str(exc)) from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    good.sort(key=lambda m: (m.date, m.id))  # feeds list newest first
    yield from good


def _item_where(message: Message, path: Path) -> str:
    return f"{path}: item {message.id}"


def read_tme_file(path: Path, rejects: Rejects) -> Iterator[Message]:
    raw = _read(path)
    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from exc
    page = parse_tme_page(html)
    good: list[Message] = []
    for index, post in enumerate(page.posts, start=1):
        where = f"{path}: post {index} ({post.channel}/{post.id})"
        try:
            message = post.to_message()
        except ValueError as exc:
            rejects.add(RecordError(where, str(exc)))
            continue
        message.extra["where"] = where
        good.append(message)
    if page.cut is not None:
        rejects.add(RecordError(f"{path}: post {len(page.posts) + 1} ({page.cut.channel}/{page.cut.id})",
                                "the saved page ends inside this post (cut off mid-tag); it is not read"))
    good.sort(key=lambda m: (m.date, m.id))
    yield from good
