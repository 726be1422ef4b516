"""RSS 2.0 / Atom parsing into canonical messages (saved files and live polls alike).

feedparser is tolerant by design; we add the checks it does not make: a hard size cap is the
caller's job, entity expansion is refused here (XML bombs), and items without a usable time or
key are reported, not guessed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from watchers.errors import RecordError, SourceError
from watchers.message import Message
from watchers.text import html_to_text

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FeedError(SourceError):
    """The body is not a feed at all, or is hostile."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's own address (as it names itself) and its items, each a message or an error."""

    link: str | None
    title: str | None
    items: list[Message | RecordError]


def looks_like_feed(head: str) -> bool:
    low = head[:4096].lower()
    return "<rss" in low or "<feed" in low or "<rdf:rdf" in low


def parse_feed(body: bytes, where: str, source: str | None = None,
               headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse a feed body. ``source`` defaults to the feed's self link, then its site link.

    Raises FeedError for a body with entity declarations (billion laughs and external
    entities) or one feedparser cannot read as a feed at all.
    """
    if _ENTITY_DECL.search(body[:65536]):
        raise FeedError(f"{where}: refuses a feed that declares XML entities (possible XML bomb)")
    parsed: Any = feedparser.parse(body, response_headers=headers or {}, sanitize_html=False,
                                   resolve_relative_uris=False)
    feed = parsed.get("feed", {})
    if not parsed.get("version") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        raise FeedError(f"{where}: not an RSS or Atom feed ({reason or 'no feed elements'})")
    self_link = None
    for link in feed.get("links", []) or []:
        if link.get("rel") == "self" and link.get("href"):
            self_link = link["href"]
    name = source or self_link or feed.get("link") or where
    items: list[Message | RecordError] = []
    for index, entry in enumerate(parsed.get("entries", [])):
        items.append(_entry_to_message(entry, name, f"{where}: item {index + 1}"))
    return ParsedFeed(link=self_link or feed.get("link"), title=feed.get("title"), items=items)


def _entry_to_message(entry: Any, source: str, where: str) -> Message | RecordError:
    key = entry.get("id") or entry.get("guid") or entry.get("link")
    if not key:
        return RecordError(where, "item has neither guid nor link")
    # dict.get: FeedParserDict.get maps missing keys to others (with a DeprecationWarning)
    published = dict.get(entry, "published_parsed")
    updated = dict.get(entry, "updated_parsed")
    stamp = published or updated or dict.get(entry, "created_parsed")
    if not stamp:
        return RecordError(where, "item has no publication date")
    date = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    edited = None
    if updated and published and updated != published:
        edited = datetime.fromtimestamp(calendar.timegm(updated), tz=UTC)
    return Message(
        source=source,
        id=str(key),
        date=date,
        text=html_to_text(summary),
        url=entry.get("link"),
        title=html_to_text(entry.get("title") or "") or None,
        edited=edited,
    )


def iter_feed_messages(feed: ParsedFeed) -> Iterator[Message]:
    for item in feed.items:
        if isinstance(item, Message):
            yield item
