"""The t.me/s/<channel> web-preview watcher (no login).

Each poll reads the newest page and pages back with ``?before=`` until it reaches the cursor
(the newest post id already stored), so a pause loses nothing within ``max_pages``. Posts on the
newest page are always returned, so edits ("edited" mark, changed text) are seen.
"""

from __future__ import annotations

import logging

import aiohttp

from watchers.base import Poll
from watchers.errors import SourceError, SourceGone
from watchers.http import fetch
from watchers.message import Message
from watchers.tme_page import TmePost, parse_tme_page

log = logging.getLogger("claimwatch.watchers.tme")


class TmeSource:
    def __init__(self, handle: str, base_url: str, session: aiohttp.ClientSession, max_pages: int = 20,
                 first_pages: int = 1) -> None:
        if not handle.startswith("t.me/"):
            raise ValueError(f"{handle}: a t.me/NAME handle is needed")
        self.handle = handle
        self.channel = handle.split("/", 1)[1]
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.max_pages = max_pages
        self.first_pages = first_pages

    async def _page(self, before: int | None) -> tuple[list[TmePost], int | None]:
        url = f"{self.base_url}/s/{self.channel}" + (f"?before={before}" if before else "")
        resp = await fetch(self.session, url)
        final = resp.url.split("?", 1)[0].rstrip("/")
        if "/s/" not in final:
            raise SourceGone(f"{self.handle}: no public web preview (t.me redirected to {final})")
        try:
            html = resp.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{url}: not UTF-8 ({exc.reason})") from exc
        page = parse_tme_page(html)
        if not page.posts and "tgme_channel_info" not in html and "tgme_widget_message" not in html:
            raise SourceError(f"{url}: not a channel preview page")
        before_id = int(page.before) if page.before and page.before.isdigit() else None
        return page.posts, before_id

    async def poll(self, cursor: str | None) -> Poll:
        last = int(cursor) if cursor and cursor.isdigit() else None
        posts, before = await self._page(None)
        collected = {int(p.id): p for p in posts if p.id.isdigit()}
        pages = 1
        limit = self.max_pages if last is not None else self.first_pages
        while before and pages < limit and collected and (last is None or min(collected) > last + 1):
            older, before = await self._page(min(collected))
            pages += 1
            if not older:
                break
            collected.update({int(p.id): p for p in older if p.id.isdigit()})
        if last is not None and collected and min(collected) > last + 1 and pages >= limit:
            log.warning("%s: more than %d pages since post %s; the oldest of the gap are not on the preview",
                        self.handle, limit, last)
        messages: list[Message] = []
        rejected: list[str] = []
        for post_id in sorted(collected):
            post = collected[post_id]
            try:
                messages.append(post.to_message())
            except ValueError as exc:
                rejected.append(f"{self.handle}/{post_id}: {exc}")
        newest = max(collected) if collected else last
        return Poll(messages, str(newest) if newest is not None else cursor, rejected=rejected)

    async def close(self) -> None:
        return None
