"""Loopback stand-ins for t.me/s web previews and news feeds, with their failure modes."""

from __future__ import annotations

import html
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.loopback import serve

FIXTURES = Path(__file__).parent / "fixtures"


def post_html(channel: str, post_id: int, text: str, when: datetime, edited: bool = False,
              forwarded: str | None = None) -> str:
    """One post in the markup of the real saved pages (tests/fixtures/tme_preview)."""
    fwd = (f'<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from&nbsp;<a '
           f'class="tgme_widget_message_forwarded_from_name" href="https://t.me/{forwarded}/1"><span dir="auto">'
           f'{forwarded}</span></a></div>') if forwarded else ""
    body = "<br/>".join(html.escape(line) for line in text.split("\n"))
    meta = "edited " if edited else ""
    return f'''
<div class="tgme_widget_message_wrap js-widget_message_wrap">
  <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="{channel}/{post_id}">
    <div class="tgme_widget_message_bubble">{fwd}
      <div class="tgme_widget_message_text js-message_text" dir="auto">{body}</div>
      <div class="tgme_widget_message_footer compact js-message_footer">
        <div class="tgme_widget_message_info short js-message_info">
          <span class="tgme_widget_message_views">1.2K</span><span class="copyonly"> views</span><span
          class="tgme_widget_message_meta">{meta}<a class="tgme_widget_message_date" href="https://t.me/{channel}/{post_id}"><time
          datetime="{when.isoformat()}" class="time">00:00</time></a></span>
        </div>
      </div>
    </div>
  </div>
</div>'''


@dataclass
class Channel:
    name: str
    posts: dict[int, tuple[str, datetime, bool]] = field(default_factory=dict)
    preview: bool = True

    def add(self, post_id: int, text: str, when: datetime | None = None, edited: bool = False) -> None:
        self.posts[post_id] = (text, when or datetime(2024, 2, 1, tzinfo=UTC) + timedelta(minutes=post_id), edited)

    def page(self, before: int | None, size: int = 20) -> str:
        ids = sorted(i for i in self.posts if before is None or i < before)[-size:]
        items = "".join(post_html(self.name, i, *self.posts[i]) for i in ids)
        more = (f'<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/{self.name}?before={ids[0]}" '
                f'class="tme_messages_more js-messages_more" data-before="{ids[0]}"></a></div>') if ids and ids[0] > min(self.posts) else ""
        return (f'<html><head><link rel="canonical" href="/s/{self.name}"></head><body><div class="tgme_channel_info">'
                f'</div><section class="tgme_channel_history js-message_history">{more}{items}</section></body></html>')


@dataclass
class FakeTme:
    channels: dict[str, Channel] = field(default_factory=dict)
    script: deque[str] = field(default_factory=deque)  # "429", "500", "truncate" for the next requests
    requests: list[str] = field(default_factory=list)
    url: str = ""
    _runner: Any = None

    async def start(self) -> FakeTme:
        app = web.Application()
        app.router.add_get("/s/{name}", self.preview)
        app.router.add_get("/{name}", self.profile)
        self._runner, self.url = await serve(app)
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def preview(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.requests.append(str(request.rel_url))
        behaviour = self.script.popleft() if self.script else "ok"
        if behaviour == "429":
            return web.Response(status=429, headers={"Retry-After": "7"})
        if behaviour == "500":
            return web.Response(status=503, text="busy")
        channel = self.channels.get(name)
        if channel is None or not channel.preview:
            raise web.HTTPFound(f"/{name}")  # t.me sends channels without a preview to the profile page
        before = request.query.get("before")
        body = channel.page(int(before) if before else None)
        if behaviour == "truncate":
            body = body[: len(body) * 2 // 3]
        return web.Response(text=body, content_type="text/html")

    async def profile(self, request: web.Request) -> web.Response:
        return web.Response(text="<html><body>tgme_page</body></html>", content_type="text/html")


def rss(items: list[tuple[str, str, datetime]], title: str = "Feed") -> bytes:
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>https://news.example.org/{g}</link><guid>{g}</guid>"
        f"<pubDate>{d.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate><description>{html.escape(t)}</description></item>"
        for g, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://news.example.org/</link>{entries}</channel></rss>").encode()


@dataclass
class FakeFeeds:
    """Routes: /feed (ETag-aware), /old (301 to /feed), /gone (410), /broken, /bomb, /huge, /flaky."""

    body: bytes = b""
    etag: str = '"v1"'
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    flaky: deque[int] = field(default_factory=deque)
    url: str = ""
    _runner: Any = None

    async def start(self) -> FakeFeeds:
        app = web.Application()
        app.router.add_get("/feed", self.feed)
        app.router.add_get("/old", _route(self._moved))
        app.router.add_get("/gone", _route(lambda: self._status(410)))
        app.router.add_get("/broken", _route(lambda: self._bytes(b"<rss><channel><item><title>oops</ti")))
        app.router.add_get("/notfeed", _route(lambda: self._bytes(b"<html><body>a news site, not a feed</body></html>")))
        app.router.add_get("/bomb", _route(lambda: self._bytes(BOMB)))
        app.router.add_get("/huge", self.huge)
        app.router.add_get("/flaky", self.flaky_feed)
        self._runner, self.url = await serve(app)
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def feed(self, request: web.Request) -> web.Response:
        self.requests.append(("feed", request.headers.get("If-None-Match")))
        if request.headers.get("If-None-Match") == self.etag:
            return web.Response(status=304)
        return web.Response(body=self.body, content_type="application/rss+xml", headers={"ETag": self.etag})

    async def _moved(self) -> web.Response:
        raise web.HTTPMovedPermanently("/feed")

    async def _status(self, status: int) -> web.Response:
        return web.Response(status=status)

    async def _bytes(self, body: bytes) -> web.Response:
        return web.Response(body=body, content_type="application/xml")

    async def huge(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await resp.prepare(request)
        chunk = b"<!-- " + b"x" * 65536 + b" -->"
        try:
            for _ in range(20 * 16):  # 20 MB, streamed without a Content-Length
                await resp.write(chunk)
        except (ConnectionResetError, RuntimeError):
            pass
        return resp

    async def flaky_feed(self, request: web.Request) -> web.Response:
        status = self.flaky.popleft() if self.flaky else 200
        if status != 200:
            return web.Response(status=status)
        return web.Response(body=self.body, content_type="application/rss+xml")


def _route(make: Any) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        response: web.StreamResponse = await make()
        return response

    return handler


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><guid>1</guid></item></channel></rss>"""
