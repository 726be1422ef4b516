"""RSS 2.0 / Atom parsing into canonical messages (saved files and live polls alike).

feedparser is tolerant by design; we add the checks it does not make: a hard size cap is the
caller's job, the whole body goes through defusedxml first so a DTD declaring entities is refused
wherever it sits (XML bombs, external entities), and items without a usable time or key are
reported, not guessed. feedparser holds about 16 times a document in memory, so a large saved
feed is streamed instead (``stream_feed``): defusedxml's iterparse cuts it into chunks of items,
each parsed by feedparser inside a copy of the feed's header, so the messages are the same as a
whole-document parse would give.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml.ElementTree as safe_xml
import feedparser
from defusedxml import DefusedXmlException

from watchers.errors import RecordError, SourceError
from watchers.message import Message
from watchers.text import html_to_text

CHUNK_ITEMS = 200  # items handed to feedparser at a time when streaming
MAX_HEADER = 64 * 1024  # a feed's own elements (title, links) before its first item
_ITEM_TAGS = {"item", "entry"}
_SHELLS = {  # root local name -> the element the items sit in, opened and closed
    "rss": ('<rss version="2.0"><channel>', "</channel></rss>"),
    "feed": ('<feed xmlns="http://www.w3.org/2005/Atom">', "</feed>"),
    "RDF": ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">',
            "</rdf:RDF>"),
}


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
    guard_xml(body, where)
    return _parse(body, where, source, headers)


class _Discard:
    """A parser target that builds nothing: the guard only needs the parser to see the DTD."""

    def start(self, tag: str, attrs: dict[str, str]) -> None: ...
    def end(self, tag: str) -> None: ...
    def data(self, data: str) -> None: ...
    def close(self) -> None: ...


def guard_xml(body: bytes, where: str) -> None:
    """Refuse a body whose DTD declares entities or points outside (defusedxml). A body that is
    not well-formed XML stops the check where it breaks: a DTD can only come before that, and
    feedparser's tolerant mode that reads such a body expands no declared entities."""
    parser = safe_xml.DefusedXMLParser(target=_Discard(), forbid_dtd=False)
    try:
        for start in range(0, len(body), 1 << 16):
            parser.feed(body[start:start + (1 << 16)])
        parser.close()
    except DefusedXmlException as exc:
        raise FeedError(f"{where}: refuses a feed that declares XML entities (possible XML bomb): {exc}") from None
    except (ParseError, ValueError):
        return
    except LookupError:  # an encoding expat does not know: fall back to looking for a declaration
        if b"<!entity" in body.lower():
            raise FeedError(f"{where}: refuses a feed that declares XML entities (possible XML bomb)") from None


def _parse(body: bytes, where: str, source: str | None, headers: dict[str, str] | None,
           first_item: int = 1) -> ParsedFeed:
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
    for index, entry in enumerate(parsed.get("entries", []), start=first_item):
        items.append(_entry_to_message(entry, name, f"{where}: item {index}"))
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


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def stream_feed(handle: IO[bytes], where: str) -> Iterator[Message | RecordError]:
    """The items of a saved feed of any size, read CHUNK_ITEMS at a time: memory holds one chunk
    and the feed's header, never the document. Raises FeedError for a body that is not a feed or
    declares entities; a syntax error part way is one RecordError naming its line (the items
    before it are kept)."""
    root_kind: str | None = None
    header: list[bytes] = []
    header_size = 0
    chunk: list[bytes] = []
    parents: list[Element] = []
    seen_item = False
    count = 0

    def flush() -> Iterator[Message | RecordError]:
        nonlocal count
        assert root_kind is not None
        opening, closing = _SHELLS[root_kind]
        body = b"".join([opening.encode(), *header, *chunk, closing.encode()])
        feed = _parse(body, where, None, None, first_item=count + 1)
        count += len(chunk)
        chunk.clear()
        yield from feed.items

    try:
        for event, elem in safe_xml.iterparse(handle, events=("start", "end"), forbid_dtd=False):
            name = _local(elem.tag)
            if event == "start":
                if root_kind is None:
                    if name not in _SHELLS:
                        raise FeedError(f"{where}: not an RSS or Atom feed (root element <{name}>)")
                    root_kind = name
                parents.append(elem)
                continue
            parents.pop()
            parent = parents[-1] if parents else None
            if name in _ITEM_TAGS:
                seen_item = True
                chunk.append(tostring(elem))
                if parent is not None:
                    parent.remove(elem)  # the tree keeps nothing of an item once it is copied
                if len(chunk) >= CHUNK_ITEMS:
                    yield from flush()
            elif not seen_item and parent is not None and _local(parent.tag) in ("channel", "feed") \
                    and header_size < MAX_HEADER and not len(elem):
                text = tostring(elem)
                header.append(text)
                header_size += len(text)
    except DefusedXmlException as exc:
        raise FeedError(f"{where}: refuses a feed that declares XML entities (possible XML bomb): {exc}") from None
    except LookupError as exc:
        raise FeedError(f"{where}: {exc}") from None
    except ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        if root_kind is None:
            raise FeedError(f"{where}: not well-formed XML at line {line}") from None
        if chunk:
            yield from flush()
        yield RecordError(f"{where}: line {line}", f"XML syntax error ({exc}); the rest of the file is not read")
        return
    if root_kind is None:
        raise FeedError(f"{where}: empty feed")
    if chunk:
        yield from flush()
