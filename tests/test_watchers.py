"""Live watchers against loopback servers: t.me/s previews and feeds, with their failures."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from watchers.errors import RetryAfter, SourceError, SourceGone
from watchers.rss import FeedSource
from watchers.tme import TmeSource

from .conftest import FIXTURES
from .loopback import serve
from .web_servers import Channel, FakeFeeds, FakeTme, rss


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
async def tme() -> AsyncIterator[FakeTme]:
    server = await FakeTme().start()
    yield server
    await server.stop()


@pytest.fixture
async def feeds() -> AsyncIterator[FakeFeeds]:
    server = await FakeFeeds().start()
    yield server
    await server.stop()


def channel(name: str, n: int) -> Channel:
    ch = Channel(name)
    for i in range(1, n + 1):
        ch.add(i, f"post {i}\nsecond line")
    return ch


async def test_first_poll_reads_the_newest_page(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["sabreen"] = channel("sabreen", 45)
    poll = await TmeSource("t.me/sabreen", tme.url, http).poll(None)
    assert [m.id for m in poll.messages] == [str(i) for i in range(26, 46)]
    assert poll.cursor == "45"
    first = poll.messages[0]
    assert first.source == "t.me/sabreen" and first.text == "post 26\nsecond line"
    assert first.url == "https://t.me/sabreen/26" and first.extra["views"] == "1.2K"


async def test_pages_back_to_the_cursor(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["sabreen"] = channel("sabreen", 70)
    poll = await TmeSource("t.me/sabreen", tme.url, http).poll("12")
    assert [m.id for m in poll.messages] == [str(i) for i in range(11, 71)]  # one page overlaps the cursor
    assert {m.id for m in poll.messages} >= {str(i) for i in range(13, 71)}
    assert [r for r in tme.requests if "before" in r] == ["/s/sabreen?before=51", "/s/sabreen?before=31"]
    assert poll.cursor == "70"


async def test_edits_are_seen(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["sabreen"] = ch = channel("sabreen", 5)
    source = TmeSource("t.me/sabreen", tme.url, http)
    await source.poll(None)
    ch.add(3, "post 3 corrected", edited=True)
    poll = await source.poll("5")
    edited = next(m for m in poll.messages if m.id == "3")
    assert edited.text == "post 3 corrected" and edited.extra["edited_mark"] is True


async def test_channel_without_preview_is_gone(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["private"] = Channel("private", preview=False)
    with pytest.raises(SourceGone, match="no public web preview"):
        await TmeSource("t.me/private", tme.url, http).poll(None)


async def test_429_and_5xx(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["sabreen"] = channel("sabreen", 3)
    source = TmeSource("t.me/sabreen", tme.url, http)
    tme.script.extend(["429", "500"])
    with pytest.raises(RetryAfter) as info:
        await source.poll(None)
    assert info.value.seconds == 7
    with pytest.raises(SourceError, match="HTTP 503"):
        await source.poll(None)
    assert len((await source.poll(None)).messages) == 3


async def test_truncated_page_gives_the_complete_posts(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    tme.channels["sabreen"] = channel("sabreen", 20)
    tme.script.append("truncate")
    poll = await TmeSource("t.me/sabreen", tme.url, http).poll(None)
    assert 0 < len(poll.messages) < 20
    assert all(m.text.startswith("post ") for m in poll.messages)


async def test_real_saved_page_through_the_watcher(tme: FakeTme, http: aiohttp.ClientSession) -> None:
    from aiohttp import web

    real = (FIXTURES / "tme_preview" / "full.html").read_text(encoding="utf-8")

    async def page(request: web.Request) -> web.Response:
        return web.Response(text=real, content_type="text/html")

    app = web.Application()
    app.router.add_get("/s/topwar_official", page)
    runner, url = await serve(app)
    try:
        poll = await TmeSource("t.me/topwar_official", url, http).poll(None)
    finally:
        await runner.cleanup()
    assert len(poll.messages) == 12 and poll.cursor == "71008"


T = datetime(2024, 2, 1, 10, tzinfo=UTC)


async def test_conditional_get_costs_nothing(feeds: FakeFeeds, http: aiohttp.ClientSession) -> None:
    feeds.body = rss([("a", "Item A", T), ("b", "Item B", T + timedelta(hours=1))])
    source = FeedSource("https://news.example.org/rss", f"{feeds.url}/feed", http)
    first = await source.poll(None)
    assert [m.title for m in first.messages] == ["Item A", "Item B"]
    assert json.loads(first.cursor or "{}")["etag"] == '"v1"'
    again = await source.poll(first.cursor)
    assert again.not_modified and again.messages == [] and again.cursor == first.cursor
    assert feeds.requests[-1] == ("feed", '"v1"')


async def test_items_in_another_order_come_out_oldest_first(feeds: FakeFeeds, http: aiohttp.ClientSession) -> None:
    feeds.body = rss([("c", "C", T + timedelta(hours=2)), ("a", "A", T), ("b", "B", T + timedelta(hours=1))])
    poll = await FeedSource("h", f"{feeds.url}/feed", http).poll(None)
    assert [m.id for m in poll.messages] == ["a", "b", "c"]


async def test_moved_feed_is_followed_and_reported(feeds: FakeFeeds, http: aiohttp.ClientSession) -> None:
    feeds.body = rss([("a", "A", T)])
    source = FeedSource("h", f"{feeds.url}/old", http)
    poll = await source.poll(None)
    assert len(poll.messages) == 1 and poll.note and "moved permanently" in poll.note


async def test_dead_malformed_hostile_and_huge_feeds(feeds: FakeFeeds, http: aiohttp.ClientSession) -> None:
    with pytest.raises(SourceGone, match="410"):
        await FeedSource("h", f"{feeds.url}/gone", http).poll(None)
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        await FeedSource("h", f"{feeds.url}/notfeed", http).poll(None)
    broken = await FeedSource("h", f"{feeds.url}/broken", http).poll(None)  # tolerant: what parses, parses
    assert all(m.source == "h" for m in broken.messages)
    with pytest.raises(SourceError, match="XML bomb"):
        await FeedSource("h", f"{feeds.url}/bomb", http).poll(None)
    with pytest.raises(SourceError, match="byte limit"):
        await FeedSource("h", f"{feeds.url}/huge", http).poll(None)
