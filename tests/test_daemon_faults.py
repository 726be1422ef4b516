"""`claimwatch run` with a broken set-up: a wrong token, a missing one, a zero poll, watchers that
keep failing. What the operator sees: the exit code and its one stderr line, /healthz, the log."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from storage import Store
from storage.outbox import counts

from . import test_daemon
from .botapi_server import TOKEN
from .helpers import arun_cli, run_cli
from .test_daemon import ROOT, World, _count, free_port, post, until

world = test_daemon.world  # the same loopback t.me, feeds and Bot API as the daemon tests


async def start_with(config: Path, tmp: Path, name: str, token: str | None) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k != "CW_TEST_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    if token is not None:
        env["CW_TEST_TOKEN"] = token
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config), cwd=tmp, env=env,
        stdout=open(tmp / f"{name}.out", "ab"), stderr=open(tmp / f"{name}.err", "ab"))


async def outbox(db: str) -> dict[str, int]:
    store = await Store.open(db)
    try:
        return await store.run(counts)
    finally:
        await store.close()


async def test_a_wrong_token_pauses_delivery_on_healthz_and_a_restart_with_the_right_one_sends_all_once(
        world: World) -> None:
    wrong = "654321:WRONG-token-ALSO-SECRET"
    port = free_port()
    config = world.config(http_port=port)
    for i in range(1, 3):
        post(world, i)
    proc = await start_with(config, world.tmp, "wrong", wrong)
    try:
        async def pending() -> bool:
            try:
                return (await outbox(world.db)).get("pending", 0) == 2
            except Exception:
                return False

        await until(pending)  # both alerts raised and kept
        async with aiohttp.ClientSession() as http:
            async def paused() -> bool:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                        return resp.status == 503 and "delivery: paused: sendMessage: Unauthorized" in await resp.text()
                except aiohttp.ClientError:
                    return False

            await until(paused)
        await asyncio.sleep(2)  # the set-up is tried again meanwhile: still one ERROR line
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), timeout=20) == 0
    err = (world.tmp / "wrong.err").read_text()
    errors = [line for line in err.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "delivery paused" in errors[0] and "2 alert(s) kept in the outbox" in errors[0], err
    assert wrong not in err and TOKEN not in err
    assert world.bot.delivered == [] and await outbox(world.db) == {"pending": 2}
    proc = await start_with(config, world.tmp, "right", TOKEN)  # the operator fixes the token
    try:
        await until(lambda: _texts(world, 2))
        await asyncio.sleep(2)  # anything doubled would arrive now
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), timeout=20) == 0
    assert len(world.bot.delivered) == 2 and len({d["text"] for d in world.bot.delivered}) == 2
    assert await outbox(world.db) == {"sent": 2}


async def _texts(world: World, n: int) -> bool:
    return len(world.bot.delivered) >= n


async def test_run_refuses_a_chat_without_its_token_like_check(world: World, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CW_TEST_TOKEN", raising=False)
    config = world.config()
    post(world, 1)
    r = await arun_cli(capsys, "check", "--config", str(config))
    assert r.code == 2
    line = (f"claimwatch: error: {config}: telegram_bot.chat_id: alerts go to chat -100424242 but the environment "
            "variable CW_TEST_TOKEN holding the bot token is not set (set it, or remove chat_id and routes to print "
            "alerts instead)")
    assert r.err.strip().splitlines() == [line]
    r = await arun_cli(capsys, "run", "--config", str(config))
    assert r.code == 2
    assert r.err.strip().splitlines() == [line]  # the same line as check
    assert not await _count(world.db, 1)  # nothing read
    assert await outbox(world.db) == {}  # and no alert stored as skipped


def test_a_zero_poll_is_refused_naming_file_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[[sources]]\nhandle = "t.me/x"\nwatch = "tme"\npoll = "0s"\n')
    r = run_cli(capsys, "check", "--config", str(config))
    assert r.code == 2
    assert r.err.strip().splitlines() == [f"claimwatch: error: {config}: sources[0].poll: '0s' is shorter than "
                                          "the minimum 1s"]


async def test_healthz_names_a_watcher_failing_longer_than_its_threshold(tmp_path: Path, sqlite_url: str) -> None:
    """A feed whose server refuses connections and a t.me channel that answers 404: /healthz
    stays 200 through a blip and turns 503, naming each, once they fail past the threshold."""
    from bot.app import build_app
    from bot.config import Config
    from bot.daemon import _task_check
    from bot.health import Health
    from bot.watch import SourceRunner
    from watchers.rss import FeedSource
    from watchers.tme import TmeSource

    from .web_servers import FakeTme

    tme = await FakeTme().start()  # knows no channel: every page is a 404
    app = await build_app(Config(), simulated=False, store=await Store.open(sqlite_url), deliver=False)
    now = [0.0]
    async with aiohttp.ClientSession() as http:
        sources = [FeedSource("https://down.example.org/rss", f"http://127.0.0.1:{free_port()}/rss", http),
                   TmeSource("t.me/nochannel", tme.url, http)]
        runners = [SourceRunner(s, timedelta(seconds=10), app.pipeline, app.store, random.Random(1),
                                clock=lambda: now[0]) for s in sources]
        stop = asyncio.Event()
        idle = asyncio.create_task(stop.wait())  # stands in for each running watcher task
        health = Health({f"watcher {r.source.handle}": _task_check(idle, r.problem) for r in runners})
        runner = await health.serve(f"127.0.0.1:{free_port()}")
        port = runner.addresses[0][1]
        try:
            async def healthz() -> tuple[int, str]:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    return resp.status, await resp.text()

            for r in runners:
                await r.poll_once()
            now[0] = 59.0  # failing, but not yet past max(3 polls, 60 s)
            assert (await healthz())[0] == 200
            for r in runners:
                await r.poll_once()
            now[0] = 61.0
            status, text = await healthz()
            assert status == 503
            assert "watcher https://down.example.org/rss: failing for 61s" in text
            assert "watcher t.me/nochannel: unavailable for 61s" in text
        finally:
            stop.set()
            await idle
            await runner.cleanup()
            for s in sources:
                await s.close()
            await app.close()
            await tme.stop()
