"""Routing: alerts of two kinds and two regions reach the right chats of a loopback Bot API, once
each, in order per chat; a mute set in one chat silences that chat's route only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import parse_config
from bot.delivery.commands import Commands
from storage import Store
from watchers.errors import ConfigError

from .botapi_server import TOKEN, FakeBotApi
from .helpers import arun_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRONT, SYRIA, IRAQ, YEMEN, EVERYTHING = -1001, -1002, -1003, -1004, -1005
ADMIN = 4242


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = await FakeBotApi().start()
    yield server
    await server.stop()


def _config(tmp_path: Path, api: FakeBotApi) -> Path:
    path = tmp_path / "routes.toml"
    path.write_text(f'''
[telegram_bot]
token_env = "CW_ROUTE_TOKEN"
api_base = "{api.url}"
admins = [{ADMIN}]
per_chat_per_minute = 0
per_second = 0
chat_id = {EVERYTHING}             # the single chat of old configs: still gets everything

[[telegram_bot.routes]]
chat_id = {FRONT}
kinds = ["new_front_group"]

[[telegram_bot.routes]]
chat_id = {SYRIA}
kinds = ["uncorroborated_claim"]
regions = ["Syria"]

[[telegram_bot.routes]]
chat_id = {IRAQ}
regions = ["IQ"]

[[telegram_bot.routes]]
chat_id = {YEMEN}
regions = ["Yemen"]
''', encoding="utf-8")
    return path


def _by_chat(api: FakeBotApi) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for request in api.delivered:
        out.setdefault(request["chat_id"], []).append(request["text"].split("\n", 1)[0] + " | " +
                                                      request["text"].split("\n", 2)[1])
    return out


async def test_alerts_reach_the_chats_their_routes_choose_once_in_order(
        tmp_path: Path, api: FakeBotApi, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_ROUTE_TOKEN", TOKEN)
    db = f"sqlite:///{tmp_path}/r.db"
    r = await arun_cli(capsys, "replay", str(EXAMPLES), "--config", str(_config(tmp_path, api)), "--db", db,
                       "--until", "+48h", "--deliver", "--quiet")
    assert r.code == 0, r.err
    chats = _by_chat(api)
    front = [t for t in chats[EVERYTHING] if "NEW FRONT GROUP" in t]
    uncorroborated = [t for t in chats[EVERYTHING] if "UNCORROBORATED" in t]
    assert len(front) == 1 and len(uncorroborated) == 2 and len(chats[EVERYTHING]) == 3
    assert chats[FRONT] == front  # one kind
    assert chats[SYRIA] == uncorroborated  # the other kind, in Syria, in the order raised
    assert "Kharab al-Jir" in chats[SYRIA][0] and "Al-Shaddadi" in chats[SYRIA][1]
    assert chats[IRAQ] == front  # the Diwaniyah convoy is in Iraq; both claims are in Syria
    assert YEMEN not in chats
    # once each: a second drain (a restart) sends nothing again
    sent = len(api.delivered)
    r = await arun_cli(capsys, "replay", str(EXAMPLES), "--config", str(_config(tmp_path, api)), "--db", db,
                       "--deliver", "--quiet")
    assert r.code == 0 and len(api.delivered) == sent


async def test_mute_acts_on_the_route_of_the_chat_it_comes_from(
        tmp_path: Path, api: FakeBotApi, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_ROUTE_TOKEN", TOKEN)
    db = f"sqlite:///{tmp_path}/m.db"
    config = parse_config({"telegram_bot": {"chat_id": EVERYTHING, "admins": [ADMIN],
                                            "routes": [{"chat_id": SYRIA, "regions": ["SY"]}]}})
    store = await Store.open(db)
    try:
        commands = Commands(store, config.telegram_bot.admins, routed_chats=frozenset(config.telegram_bot.chat_ids()))
        answer = await commands.handle(ADMIN, "/mute uncorroborated_claim 1000d", chat=SYRIA)
        assert answer and "muted in this chat" in answer
        status = await commands.handle(ADMIN, "/status", chat=SYRIA)
        assert status and "Muted in this chat" in status and "uncorroborated_claim" in status
        assert "Muted" not in (await commands.handle(ADMIN, "/status", chat=EVERYTHING) or "")
    finally:
        await store.close()
    r = await arun_cli(capsys, "replay", str(EXAMPLES), "--config", str(_config(tmp_path, api)), "--db", db,
                       "--until", "+48h", "--deliver", "--quiet")
    assert r.code == 0, r.err
    chats = _by_chat(api)
    assert SYRIA not in chats  # muted there ...
    assert sum("UNCORROBORATED" in t for t in chats[EVERYTHING]) == 2  # ... and nowhere else


def test_route_config_errors_name_the_key() -> None:
    with pytest.raises(ConfigError, match=r"telegram_bot.routes\[0\].chat_id: every route needs"):
        parse_config({"telegram_bot": {"routes": [{"kinds": ["new_front_group"]}]}})
    with pytest.raises(ConfigError, match=r"telegram_bot.routes\[0\].kinds: 'bogus' is not one of"):
        parse_config({"telegram_bot": {"routes": [{"chat_id": 1, "kinds": ["bogus"]}]}})
    with pytest.raises(ConfigError, match=r"telegram_bot.routes\[1\].chat_id: chat 1 has two routes"):
        parse_config({"telegram_bot": {"routes": [{"chat_id": 1}, {"chat_id": 1}]}})
    with pytest.raises(ConfigError, match=r"telegram_bot.routes\[0\].region: unknown key"):
        parse_config({"telegram_bot": {"routes": [{"chat_id": 1, "region": ["SY"]}]}})


async def test_progress_line_while_deliver_waits(tmp_path: Path, api: FakeBotApi,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import os
    import pty
    import select
    import sys

    from bot.cli import main

    monkeypatch.setenv("CW_ROUTE_TOKEN", TOKEN)
    master, slave = pty.openpty()
    terminal = os.fdopen(slave, "w", encoding="utf-8")
    before = sys.stderr
    monkeypatch.setattr(sys, "stderr", terminal)
    try:
        code = await asyncio.to_thread(main, ["replay", str(EXAMPLES), "--config", str(_config(tmp_path, api)), "--db",
                                              f"sqlite:///{tmp_path}/p.db", "--until", "+48h", "--deliver"])
    finally:
        monkeypatch.setattr(sys, "stderr", before)
        terminal.close()
    shown = b""
    while select.select([master], [], [], 0)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert code == 0
    assert "\rdelivering: " in shown.decode() and "alert(s) sent" in shown.decode()


async def test_a_chat_that_refuses_the_bot_does_not_stop_the_other_routes(
        tmp_path: Path, api: FakeBotApi, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_ROUTE_TOKEN", TOKEN)
    api.dead_chats.add(FRONT)  # 403: the bot was removed from that desk's group
    r = await arun_cli(capsys, "replay", str(EXAMPLES), "--config", str(_config(tmp_path, api)), "--db",
                       f"sqlite:///{tmp_path}/f.db", "--until", "+48h", "--deliver", "--quiet")
    assert r.code == 0, r.err
    chats = _by_chat(api)
    assert FRONT not in chats and len(chats[EVERYTHING]) == 3 and len(chats[SYRIA]) == 2 and len(chats[IRAQ]) == 1
    assert r.err.count(f"chat {FRONT} refuses alerts") == 1  # one line, not one per alert
