"""RSS/Atom feeds: news sites, official feeds, and X accounts through Nitter or RSSHub bridges.

Conditional GET with the ETag and Last-Modified the feed gave (kept in the cursor), a body size
cap, feedparser off the event loop, entity declarations refused (XML bombs), and one clear log
line when a feed moves for good.
"""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp

from watchers.base import Poll
from watchers.errors import RecordError, SourceError
from watchers.feed import FeedError, parse_feed
from watchers.http import fetch
from watchers.message import Message

log = logging.getLogger("claimwatch.watchers.rss")


class FeedSource:
    def __init__(self, handle: str, url: str, session: aiohttp.ClientSession, max_bytes: int = 5 * 2**20) -> None:
        self.handle = handle
        self.url = url
        self.session = session
        self.max_bytes = max_bytes
        self.moved_to: str | None = None

    async def poll(self, cursor: str | None) -> Poll:
        state = json.loads(cursor) if cursor else {}
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            headers["If-Modified-Since"] = state["modified"]
        resp = await fetch(self.session, self.url, headers=headers, max_bytes=self.max_bytes)
        note = None
        permanent = [loc for status, loc in resp.history if status in (301, 308)]
        if permanent and resp.url != self.url and self.moved_to != resp.url:
            self.moved_to = resp.url
            note = f"{self.handle}: feed moved permanently to {resp.url}; update its url in the config"
            log.warning("%s", note)
        if resp.status == 304:
            return Poll([], cursor, not_modified=True, note=note)
        try:
            feed = await asyncio.to_thread(parse_feed, resp.body, self.url, self.handle,
                                           {k.lower(): v for k, v in resp.headers.items()})
        except FeedError as exc:
            raise SourceError(str(exc)) from exc
        messages = sorted((i for i in feed.items if isinstance(i, Message)), key=lambda m: (m.date, m.id))
        rejected = [str(i) for i in feed.items if isinstance(i, RecordError)]
        new_state = {"etag": resp.headers.get("ETag") or resp.headers.get("Etag"),
                     "modified": resp.headers.get("Last-Modified")}
        return Poll(messages, json.dumps({k: v for k, v in new_state.items() if v}), rejected=rejected, note=note)

    async def close(self) -> None:
        return None
