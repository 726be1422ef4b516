"""The supervised runner and the Telethon watcher, with Telethon's own types built offline."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, build_app
from bot.config import Config, StorageConfig
from bot.watch import SourceRunner
from bot.watch_telegram import TelegramRunner
from watchers.base import Poll
from watchers.errors import SourceError
from watchers.message import Message

CHANNEL_ID = 1369427437
HANDLE = "t.me/sabreenS1"
T0 = datetime(2024, 2, 1, 10, tzinfo=UTC)


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    cw = await build_app(Config(storage=StorageConfig(f"sqlite:///{tmp_path}/w.db")), simulated=False, sinks=[])
    yield cw
    await cw.close()


class Healthy:
    def __init__(self) -> None:
        self.handle = "https://ok.example.org/rss"
        self.n = 0

    async def poll(self, cursor: str | None) -> Poll:
        self.n += 1
        return Poll([Message(self.handle, f"i{self.n}", T0 + timedelta(minutes=self.n), f"item {self.n}")], str(self.n))

    async def close(self) -> None:
        return None


class Broken:
    handle = "https://broken.example.org/rss"
    calls = 0

    async def poll(self, cursor: str | None) -> Poll:
        self.calls += 1
        raise SourceError("HTTP 502 forever")

    async def close(self) -> None:
        return None


async def test_one_source_failing_forever_does_not_stop_another(app: App) -> None:
    ok = SourceRunner(Healthy(), timedelta(seconds=0.02), app.pipeline, app.store, random.Random(1))
    bad_source = Broken()
    from bot.backoff import BackoffConfig

    # the supervisor's backoff, shortened for the test
    bad = SourceRunner(bad_source, timedelta(seconds=0.02), app.pipeline, app.store, random.Random(2),
                       backoff=BackoffConfig(first=0.01, cap=0.05))
    stop = asyncio.Event()
    tasks = [asyncio.create_task(ok.run(stop)), asyncio.create_task(bad.run(stop))]
    for _ in range(500):
        if await app.store.count_messages("https://ok.example.org/rss") >= 5 and bad_source.calls >= 2:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.gather(*tasks)
    assert await app.store.count_messages("https://ok.example.org/rss") >= 5
    assert bad_source.calls >= 2 and bad.stats.state == "failing"
    health = {h.handle: h for h in await app.store.sources()}
    assert health["https://broken.example.org/rss"].last_error == "HTTP 502 forever"
    assert health["https://ok.example.org/rss"].state == "ok"


async def test_cursor_advances_only_after_the_messages_are_stored(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = SourceRunner(Healthy(), timedelta(seconds=60), app.pipeline, app.store, random.Random(1))

    async def failing_feed(*args: Any, **kw: Any) -> Any:
        from watchers.errors import StorageUnavailable

        raise StorageUnavailable("disk full")

    monkeypatch.setattr(app.pipeline, "feed", failing_feed)
    delay = await runner.poll_once()
    assert delay > 0 and await app.store.get_cursor("https://ok.example.org/rss") is None
    monkeypatch.undo()
    await runner.poll_once()
    assert await app.store.get_cursor("https://ok.example.org/rss") == "2"


def tl_message(i: int, text: str, edited: datetime | None = None) -> Any:
    from telethon import types

    return types.Message(id=i, peer_id=types.PeerChannel(CHANNEL_ID), date=T0 + timedelta(minutes=i), message=text,
                         post=True, edit_date=edited)


class FakeClient:
    """Telethon's client surface, over a list of Telethon's own ``types.Message``."""

    def __init__(self, messages: list[Any], flood_first: int = 0) -> None:
        self.messages = messages
        self.handlers: list[tuple[Any, Any]] = []
        self.flood_first = flood_first
        self.resolved = 0
        self.iterations = 0

    async def get_entity(self, entity: Any) -> Any:
        from telethon import types

        self.resolved += 1
        return types.Channel(id=CHANNEL_ID, title="Sabereen", photo=types.ChatPhotoEmpty(), date=T0, username="sabreenS1")

    async def iter_messages(self, entity: Any, limit: int | None = None, *, min_id: int = 0,
                            reverse: bool = False) -> AsyncIterator[Any]:
        from telethon import errors

        self.iterations += 1
        if self.flood_first:
            self.flood_first -= 1
            raise errors.FloodWaitError(request=None, capture=42)
        chosen = [m for m in self.messages if m.id > min_id]
        chosen.sort(key=lambda m: m.id, reverse=not reverse)
        if limit is not None:
            chosen = chosen[:limit]
        for m in chosen:
            yield m

    def add_event_handler(self, callback: Any, event: Any = None) -> None:
        self.handlers.append((callback, event))

    async def connect(self) -> None:
        return None

    async def is_user_authorized(self) -> bool:
        return True

    async def disconnect(self) -> None:
        return None


async def test_new_post_edit_and_deletion_reach_the_pipeline(app: App) -> None:
    from telethon import TelegramClient, events, types

    client = FakeClient([])
    runner = TelegramRunner(client, [HANDLE], app.pipeline, app.store, timedelta(minutes=15))
    await runner.resolve_all()
    runner.source.attach(runner.emit)
    offline = TelegramClient(None, 1, "1")

    new = events.NewMessage.build(types.UpdateNewChannelMessage(tl_message(7, "first text"), pts=1, pts_count=1))
    new._set_client(offline)
    edit = events.MessageEdited.build(types.UpdateEditChannelMessage(
        tl_message(7, "corrected text", edited=T0 + timedelta(hours=1)), pts=2, pts_count=1))
    edit._set_client(offline)
    gone = events.MessageDeleted.build(types.UpdateDeleteChannelMessages(channel_id=CHANNEL_ID, messages=[7], pts=3,
                                                                          pts_count=1))
    await runner.source.on_new(new, runner.emit)
    await runner.source.on_new(edit, runner.emit)
    await runner.source.on_deleted(gone, runner.emit)
    stored = await app.store.get_message(HANDLE, "7")
    assert stored is not None
    assert stored.message.text == "corrected text" and stored.edits == 1 and stored.message.deleted
    assert stored.message.url == "https://t.me/sabreenS1/7"
    assert await app.store.get_cursor(HANDLE) == "7"
    assert app.pipeline.stats.counts["new"] == 1 and app.pipeline.stats.counts["edited"] == 1
    assert app.pipeline.stats.counts["deleted"] == 1
    assert [type(e).__name__ for _, e in client.handlers] == ["NewMessage", "MessageEdited", "MessageDeleted"]


async def test_restart_fills_a_gap_of_500_exactly_once_in_order(app: App) -> None:
    history = [tl_message(i, f"post {i}") for i in range(1, 601)]
    client = FakeClient(history)
    await app.store.set_cursor(HANDLE, "100")
    await app.store.source_event(HANDLE, peer_id=CHANNEL_ID)
    runner = TelegramRunner(client, [HANDLE], app.pipeline, app.store, timedelta(minutes=15))
    await runner.resolve_all()
    assert client.resolved == 0  # the stored id is used: no username resolution
    assert await runner.sync_once() == 500
    assert await runner.sync_once() == 0  # a second pass finds nothing new
    keys = await app.store.message_keys(HANDLE)
    assert [k[1] for k in keys] == [str(i) for i in range(101, 601)]
    assert await app.store.get_cursor(HANDLE) == "600"


async def test_flood_wait_is_waited_out_and_remembered(app: App) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    client = FakeClient([tl_message(i, f"post {i}") for i in range(1, 4)], flood_first=1)
    await app.store.set_cursor(HANDLE, "0")
    runner = TelegramRunner(client, [HANDLE], app.pipeline, app.store, timedelta(minutes=15), sleep=sleep)
    stop = asyncio.Event()

    async def stopper() -> None:
        while await app.store.count_messages(HANDLE) < 3:
            await asyncio.sleep(0.01)
        stop.set()

    await asyncio.wait_for(asyncio.gather(runner.run(stop), stopper()), timeout=10)
    assert 42.0 in slept
    assert await app.store.count_messages(HANDLE) == 3
    [health] = [h for h in await app.store.sources() if h.handle == HANDLE]
    assert "flood wait of 42s" in (health.last_error or "")
    # a restart during the wait waits out what is left instead of asking again
    await app.store.source_event(HANDLE, state="flood-wait", retry_at=datetime.now(UTC) + timedelta(seconds=30))
    again = TelegramRunner(FakeClient([]), [HANDLE], app.pipeline, app.store, timedelta(minutes=15), sleep=sleep)
    await again.wait_out_floods()
    assert 25 < slept[-1] <= 30


async def test_joining_is_optional_and_paced(app: App) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    class Joining(FakeClient):
        def __init__(self) -> None:
            super().__init__([])
            self.requests: list[Any] = []

        async def __call__(self, request: Any) -> Any:
            self.requests.append(request)
            return None

    client = Joining()
    handles = [HANDLE, "t.me/other"]
    await app.store.source_event("t.me/other", peer_id=CHANNEL_ID + 1)
    runner = TelegramRunner(client, handles, app.pipeline, app.store, timedelta(minutes=15), sleep=sleep, join=True)
    await runner.resolve_all()
    assert [type(r).__name__ for r in client.requests] == ["JoinChannelRequest", "JoinChannelRequest"]
    assert slept.count(30.0) == 2
    again = TelegramRunner(client, handles, app.pipeline, app.store, timedelta(minutes=15), sleep=sleep, join=True)
    await again.resolve_all()
    assert len(client.requests) == 2  # joined channels are remembered


class CursorSource:
    """A source that honours its cursor: a poll returns every post after it, as t.me and feeds do."""

    handle = "https://feed.example.org/rss"

    def __init__(self) -> None:
        self.posts: list[Message] = []

    def post(self, text: str) -> None:
        n = len(self.posts) + 1
        self.posts.append(Message(self.handle, f"p{n}", T0 + timedelta(minutes=n), text))

    async def poll(self, cursor: str | None) -> Poll:
        after = int(cursor or 0)
        return Poll(self.posts[after:], str(len(self.posts)))

    async def close(self) -> None:
        return None


async def test_a_full_database_is_waited_out_and_nothing_is_lost(app: App, caplog: pytest.LogCaptureFixture) -> None:
    """A real SQLITE_FULL ("database or disk is full", by capping the file's page count): the
    runner says so, keeps its cursor and what is stored, and stores everything once there is room."""
    from sqlalchemy import event, text

    engine = app.store.engine
    channel = CursorSource()
    runner = SourceRunner(channel, timedelta(seconds=60), app.pipeline, app.store, random.Random(1))
    channel.post("first post")
    await runner.poll_once()
    assert await app.store.count_messages() == 1
    pages = await app.store.run(lambda s: int(s.execute(text("PRAGMA page_count")).scalar_one()))
    cap = [pages]

    @event.listens_for(engine, "connect")
    def _cap(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {cap[0]}")

    engine.dispose()  # every connection from now on has the cap
    channel.post("a long post " + "padding " * 4000)
    channel.post("a third post")
    with caplog.at_level("WARNING"):
        delay = await runner.poll_once()
    assert delay > 0 and runner.stats.state == "waiting for database"
    assert "database unavailable" in caplog.text and "full" in caplog.text
    assert await app.store.get_cursor(channel.handle) == "1"  # not moved past what was not stored
    assert await app.store.count_messages() == 1  # what was stored is still there

    cap[0] = 1_000_000  # room again
    engine.dispose()
    await runner.poll_once()
    assert runner.stats.state == "ok"
    assert await app.store.count_messages() == 3
    assert await app.store.get_cursor(channel.handle) == "3"
