"""The view as a user starts it: `claimwatch serve` in a subprocess (off loopback: with the token,
and stopping on SIGTERM), and `claimwatch run` with `[web] enabled`, whose alerts link the incident page."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from .botapi_server import TOKEN as BOT_TOKEN
from .botapi_server import FakeBotApi
from .test_daemon import World, free_port, post, start, until
from .web_servers import Channel, FakeFeeds, FakeTme, rss

ROOT = Path(__file__).resolve().parent.parent
WEB_TOKEN = "web-token-for-tests-42"


async def serve(tmp: Path, *argv: str, env: dict[str, str] | None = None) -> tuple[asyncio.subprocess.Process, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", *argv, cwd=tmp, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=asyncio.subprocess.PIPE, stderr=open(tmp / "serve.err", "ab"))
    assert proc.stdout is not None
    line = (await asyncio.wait_for(proc.stdout.readline(), timeout=30)).decode()
    assert " on http://" in line, (tmp / "serve.err").read_text()
    return proc, line


async def stop(proc: asyncio.subprocess.Process) -> int:
    proc.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(proc.wait(), timeout=20)


async def test_serve_off_loopback_checks_the_token_on_every_request(web_demo_db: str, tmp_path: Path) -> None:
    port = free_port()
    proc, _ = await serve(tmp_path, "--db", web_demo_db, "--listen", f"0.0.0.0:{port}", "--log-level", "INFO",
                          env={"CLAIMWATCH_WEB_TOKEN": WEB_TOKEN})
    try:
        async with aiohttp.ClientSession() as http:
            for path in ("/", "/api/incidents", "/static/app.js"):
                async with http.get(f"http://127.0.0.1:{port}{path}") as resp:
                    assert resp.status == 401
            async with http.get(f"http://127.0.0.1:{port}/api/incidents?token={WEB_TOKEN}") as resp:
                assert resp.status == 200
            async with http.get(f"http://127.0.0.1:{port}/",
                                headers={"Authorization": f"Bearer {WEB_TOKEN}"}) as resp:
                assert resp.status == 200 and "default-src 'self'" in resp.headers["Content-Security-Policy"]
    finally:
        code = await stop(proc)
    err = (tmp_path / "serve.err").read_text()
    assert code == 0, err
    assert "GET /api/incidents 401" in err and "GET /api/incidents 200" in err
    assert WEB_TOKEN not in err


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    tme, feeds, bot = await FakeTme().start(), await FakeFeeds().start(), await FakeBotApi().start()
    tme.channels["sabreenS1"] = Channel("sabreenS1")
    feeds.body = rss([("n0", "Markets steady in Baghdad", datetime(2024, 2, 1, 8, tzinfo=UTC))])
    yield World(tme, feeds, bot, tmp_path, f"sqlite:///{tmp_path}/daemon.db")
    await tme.stop()
    await feeds.stop()
    await bot.stop()


async def test_run_serves_the_view_and_alerts_link_their_incident_page(world: World) -> None:
    port = free_port()
    post(world, 1)
    config = world.config(extra=f'[web]\nenabled = true\nlisten = "127.0.0.1:{port}"\n'
                                'public_url = "https://view.example.org"\n')
    proc = await start(config, world.tmp)
    try:
        await until(lambda: _delivered(world.bot))  # the claim goes uncorroborated after 3s
        sent = world.bot.delivered[0]["text"]
        assert '<a href="https://view.example.org/incidents/1">incident #1</a>' in sent
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/api/incidents/1") as resp:
                assert resp.status == 200
                incident = await resp.json()
            async with http.get(f"http://127.0.0.1:{port}/incidents/1") as resp:
                assert resp.status == 200 and "Incident #1" in await resp.text()
        assert incident["status"] == "uncorroborated" and incident["messages"][0]["source"] == "t.me/sabreenS1"
    finally:
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), timeout=20)
    err = (world.tmp / "d.err").read_text()
    assert code == 0, err
    assert f"web view on http://127.0.0.1:{port}/" in err and BOT_TOKEN not in err


async def _delivered(bot: FakeBotApi) -> bool:
    return len(bot.delivered) >= 1
