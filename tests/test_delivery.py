"""Alert delivery through a loopback Bot API: order, HTML, 429, 5xx, fallbacks, migration,
dead chats, crash safety, commands."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.delivery.botapi import BotApi
from bot.delivery.commands import CommandPoller, Commands
from bot.delivery.format import render_html, split_message, utf16_len
from bot.delivery.service import DeliveryService
from storage import AlertValue, Store
from storage.outbox import counts

from .botapi_server import TOKEN, FakeBotApi, _balanced, update
from .helpers import arun_cli, rec, write_jsonl

CHAT = -1001234567890
T0 = datetime(2024, 2, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = await FakeBotApi().start()
    yield server
    await server.stop()


class FakeTime:
    """Time that moves only when the service sleeps."""

    def __init__(self) -> None:
        self.now = T0
        self.slept: list[float] = []

    def clock(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


def service(api: FakeBotApi, time: FakeTime | None = None, chat: int = CHAT) -> DeliveryService:
    time = time or FakeTime()
    return DeliveryService(BotApi(api.url, TOKEN), chat, None, None, clock=time.clock, sleep=time.sleep)


async def add(store: Store, n: int, text: str = "Alert {i}\nClaimed: drone attack", kind: str = "uncorroborated_claim",
              **kw: object) -> None:
    for i in range(n):
        await store.add_alert(AlertValue(key=f"{kind}:{i}", kind=kind, at=T0, text=text.format(i=i),
                                         sources=(f"https://t.me/x/{i}",), **kw))  # type: ignore[arg-type]


async def test_alerts_arrive_in_order_with_valid_escaped_html(store: Store, api: FakeBotApi) -> None:
    await add(store, 5, text="UNCORROBORATED CLAIM after 1d: Group <{i}> & co\nClaimed: drone attack on <US forces>")
    svc = service(api)
    await svc.drain(store)
    await svc.close()
    assert [t.splitlines()[0] for t in api.texts()] == [
        f"⚠️ UNCORROBORATED CLAIM: Group <{i}> & co" for i in range(5)]
    for d in api.delivered:
        assert d["parse_mode"] == "HTML" and _balanced(d["text"]) and d["chat_id"] == CHAT
        assert d["link_preview_options"] == {"is_disabled": True}
        assert "&lt;US forces&gt;" in d["text"]
    assert await store.run(counts) == {"sent": 5}
    assert all(a.telegram_message_id for a in await store.alerts())


async def test_429_retry_after_is_honoured_and_not_a_failure(store: Store, api: FakeBotApi) -> None:
    await add(store, 2)
    api.script.extend(["429"])
    time = FakeTime()
    svc = service(api, time)
    await svc.drain(store)
    assert 3.0 in time.slept
    alerts = await store.alerts()
    assert [a.status for a in alerts] == ["sent", "sent"]
    assert alerts[0].attempts == 1  # the 429 did not count
    assert [t.splitlines()[0] for t in api.texts()] == ["⚠️ UNCORROBORATED CLAIM: Alert 0", "⚠️ UNCORROBORATED CLAIM: Alert 1"]


async def test_a_run_of_5xx_and_garbage_recovers_with_backoff(store: Store, api: FakeBotApi) -> None:
    await add(store, 1)
    api.script.extend(["500", "500", "garbage", "500"])
    time = FakeTime()
    await service(api, time).drain(store)
    [alert] = await store.alerts()
    assert alert.status == "sent" and alert.attempts == 5
    assert len(time.slept) == 4 and time.slept[-1] > time.slept[0] / 2  # grows (with jitter)


async def test_parse_error_falls_back_to_plain_text(store: Store, api: FakeBotApi) -> None:
    await add(store, 1)
    api.script.extend(["parse"])
    await service(api).drain(store)
    [delivered] = api.delivered
    assert "parse_mode" not in delivered
    assert delivered["text"].startswith("⚠️ UNCORROBORATED CLAIM: Alert 0\nClaimed: drone attack")
    assert "source 1 (https://t.me/x/0)" in delivered["text"]


async def test_migration_switches_the_chat_and_remembers_it(store: Store, api: FakeBotApi) -> None:
    api.migrate[CHAT] = -1009999
    await add(store, 2)
    await service(api).drain(store)
    assert [d["chat_id"] for d in api.delivered] == [-1009999, -1009999]
    assert await store.get_state("telegram_chat") == {"from": CHAT, "to": -1009999}
    await add(store, 1, kind="new_front_group")
    fresh = service(api)  # a restart: the old id is never tried again
    sent_before = len(api.requests)
    await fresh.drain(store)
    assert [r["chat_id"] for r in api.requests[sent_before:]] == [-1009999]


async def test_one_dead_alert_does_not_stop_the_others(store: Store, api: FakeBotApi) -> None:
    await add(store, 3)
    api.script.extend(["ok", "parse", "parse"])  # the second alert is refused as HTML and as plain text
    await service(api).drain(store)
    assert [a.status for a in await store.alerts()] == ["sent", "failed", "sent"] or \
        [a.status for a in await store.alerts()] == ["sent", "sent", "sent"]


async def test_crash_between_send_and_acknowledgement_resends(store: Store, api: FakeBotApi,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.outbox as mod

    await add(store, 1)

    def crash(*args: object, **kw: object) -> None:
        raise KeyboardInterrupt  # the process dies before it records the acknowledgement

    monkeypatch.setattr(mod, "mark_chat", crash)  # the chat's acknowledgement is recorded first
    with pytest.raises(KeyboardInterrupt):
        await service(api).drain(store)
    monkeypatch.undo()
    assert (await store.alerts())[0].status == "pending"  # not lost
    await service(api).drain(store)
    assert (await store.alerts())[0].status == "sent"
    assert len(api.delivered) == 2  # sent again after the crash: at least once


async def test_no_resend_after_acknowledgement(store: Store, api: FakeBotApi) -> None:
    await add(store, 2)
    await service(api).drain(store)
    await service(api).drain(store)  # a restart
    assert len(api.delivered) == 2


async def test_follow_up_replies_to_the_original_alert(store: Store, api: FakeBotApi) -> None:
    await store.add_alert(AlertValue(key="uncorroborated_claim:7:iri", kind="uncorroborated_claim", at=T0, text="x"))
    await service(api).drain(store)
    await store.add_alert(AlertValue(key="claim_corroborated:7:iri", kind="claim_corroborated", at=T0, text="y",
                                     reply_to_key="uncorroborated_claim:7:iri"))
    await service(api).drain(store)
    assert api.delivered[1]["reply_parameters"]["message_id"] == api.delivered[0]["message_id"]


def test_html_breaking_text_arrives_intact_and_escaped() -> None:
    nasty = "Group <b>bold</b> & <i>unbalanced <a href=x>link & \"quotes\" " + ("Z&<>" * 2500)
    alert = AlertValue(key="k", kind="new_front_group", at=T0, text=f"NEW FRONT GROUP: {nasty}\nClaimed: <script>")
    html_text = render_html(alert)
    parts = split_message(html_text)
    assert len(parts) >= 3
    assert all(utf16_len(p) <= 4096 and _balanced(p) for p in parts)
    import html as h
    import re

    seen = "".join(h.unescape(re.sub(r"<[^>]+>", "", p)) for p in parts)
    assert nasty in seen and "<script>" in seen


def test_split_counts_utf16_units() -> None:
    text = "😀" * 3000  # 2 UTF-16 units each
    parts = split_message(text)
    assert len(parts) == 2 and all(utf16_len(p) <= 4096 for p in parts) and "".join(parts) == text


async def test_replay_deliver_sends_to_the_configured_chat(tmp_path: Path, api: FakeBotApi,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_TOKEN", TOKEN)
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[telegram_bot]\ntoken_env = "CW_TOKEN"\nchat_id = {CHAT}\napi_base = "{api.url}"\n'
                   'per_chat_per_minute = 0\nper_second = 0\n')
    claim = "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة الاحتلال الأمريكي في حقل العمر بطائرة مسيرة."
    path = write_jsonl(tmp_path / "in.jsonl", [rec("t.me/elamharbi", "1", "2024-02-01T10:00:00+00:00", claim)])
    r = await arun_cli(capsys, "replay", str(path), "--config", str(cfg), "--db", f"sqlite:///{tmp_path}/d.db",
                "--until", "+25h", "--deliver", "--quiet")
    assert r.code == 0, r.err
    assert len(api.delivered) == 1 and "UNCORROBORATED CLAIM" in api.texts()[0]
    assert TOKEN not in r.out + r.err


async def test_replay_without_deliver_leaves_nothing_for_a_daemon_to_send(tmp_path: Path, api: FakeBotApi,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/d.db"
    claim = "Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport."
    path = write_jsonl(tmp_path / "in.jsonl", [rec("t.me/x", "1", "2024-02-01T10:00:00+00:00", claim)])
    assert (await arun_cli(capsys, "replay", str(path), "--db", db, "--until", "+25h", "--quiet")).code == 0
    store = await Store.open(db)
    try:
        await service(api).drain(store)
        assert api.delivered == [] and {a.status for a in await store.alerts()} == {"skipped"}
    finally:
        await store.close()


ADMIN, STRANGER = 111, 999


async def commands_setup(store: Store) -> Commands:
    from classifiers.classify import Classifier

    await store.upsert_source("t.me/sabreenS1", role="relay", network="muqawama", watch="tme")
    return Commands(store, (ADMIN,), Classifier(), None, clock=lambda: T0)


async def test_commands_answer_admins(store: Store, tmp_path: Path) -> None:
    cmds = await commands_setup(store)
    assert "/incidents" in (await cmds.handle(ADMIN, "/help") or "")
    status = await cmds.handle(ADMIN, "/status")
    assert status and "t.me/sabreenS1" in status and "Outbox" in status
    assert await cmds.handle(ADMIN, "/incidents") == "No incidents yet."
    assert "No incident #5" in (await cmds.handle(ADMIN, "/incident 5") or "")
    assert "muted for 12h" in (await cmds.handle(ADMIN, "/mute claim_denied 12h") or "")
    assert await store.get_state("mutes") == {"claim_denied": (T0 + timedelta(hours=12)).isoformat()}
    assert "unmuted" in (await cmds.handle(ADMIN, "/unmute claim_denied") or "")
    learned = await cmds.handle(ADMIN, "/alias Hezbollah Brigades of Iraq = kataib-hezbollah")
    assert learned and "Kataib Hezbollah" in learned
    assert cmds.classifier is not None
    result = cmds.classifier.classify("Hezbollah Brigades of Iraq claimed responsibility for the attack.")
    assert result.statements[0].speaker and result.statements[0].speaker.id == "kataib-hezbollah"
    assert "no known actor" in (await cmds.handle(ADMIN, "/alias X = nobody-at-all") or "")


async def test_known_stops_new_group_alerts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    first = write_jsonl(tmp_path / "a.jsonl", [rec("t.me/x", "1", "2024-02-01T10:00:00+00:00",
                        "Saraya Ahrar al-Furat claimed responsibility for a rocket attack on the Conoco gas field.")])
    assert (await arun_cli(capsys, "replay", str(first), "--db", db, "--quiet")).code == 0
    store = await Store.open(db)
    try:
        cmds = Commands(store, (ADMIN,))
        groups = await cmds.handle(ADMIN, "/groups")
        assert groups and "Saraya Ahrar al-Furat" in groups
        assert "is now known" in (await cmds.handle(ADMIN, "/known Saraya Ahrar al-Furat") or "")
        assert await cmds.handle(ADMIN, "/groups") == "No new or unresolved groups."
    finally:
        await store.close()


async def test_non_admin_commands_change_nothing(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    cmds = await commands_setup(store)
    with caplog.at_level(logging.WARNING):
        for text in ("/mute new_front_group 1d", "/alias Foo = kataib-hezbollah", "/known Foo", "/status"):
            assert await cmds.handle(STRANGER, text) is None
    assert await store.get_state("mutes") is None
    assert "ignored /mute from non-admin user 999" in caplog.text


async def test_poller_answers_and_remembers_its_offset(store: Store, api: FakeBotApi) -> None:
    cmds = await commands_setup(store)
    api.updates = [update(5, ADMIN, "/help"), update(6, STRANGER, "/status"), update(7, ADMIN, "hello")]
    poller = CommandPoller(BotApi(api.url, TOKEN), cmds, store, poll_timeout=0)
    assert await poller.poll_once() == 3
    assert len(api.delivered) == 1 and "claimwatch commands" in api.texts()[0]
    assert await store.get_state("telegram_updates") == {"offset": 8}
    assert await poller.poll_once() == 0  # the same updates are not answered twice


async def test_token_never_appears_in_errors(store: Store) -> None:
    from watchers.errors import DeliveryError

    bad = BotApi("http://127.0.0.1:9", TOKEN)  # nothing listens there
    with pytest.raises(DeliveryError) as info:
        await bad.call("sendMessage", chat_id=1, text="x")
    await bad.close()
    assert TOKEN not in str(info.value)
    assert json.dumps(str(info.value))


async def test_an_alert_another_sender_holds_waits_for_its_lease(store: Store, api: FakeBotApi) -> None:
    """A sender that died mid-send leaves its claim; another sends nothing (not even later alerts:
    strict order) until the lease runs out, then sends everything once, in order."""
    from storage.outbox import LEASE, claim_next

    await add(store, 3)
    held = await store.run(lambda s: claim_next(s, "b@elsewhere", T0))
    assert held.alert is not None and held.alert.key == "uncorroborated_claim:0"
    assert (await store.run(lambda s: claim_next(s, "a@here", T0 + timedelta(seconds=5)))).wait == 1.0
    time = FakeTime()
    await service(api, time).drain(store)
    assert [m["text"].split("\n")[0].rsplit(": ", 1)[-1] for m in api.delivered] == ["Alert 0", "Alert 1", "Alert 2"]
    assert sum(time.slept) >= LEASE.total_seconds()  # nothing was sent before the lease ran out
    assert {a.status for a in await store.alerts()} == {"sent"}


async def test_two_senders_on_one_database_send_each_alert_once_in_order(db_url: str, api: FakeBotApi) -> None:
    """Two instances that both believe they lead (one has just lost the advisory lock), each with
    its own connection pool, draining one outbox against a slow Telegram."""
    api.delay = 0.15
    first, second = await Store.open(db_url), await Store.open(db_url)
    a = DeliveryService(BotApi(api.url, TOKEN), CHAT, None, None, owner="a@host1")
    b = DeliveryService(BotApi(api.url, TOKEN), CHAT, None, None, owner="b@host2")
    try:
        await add(first, 6)
        await asyncio.gather(a.drain(first), b.drain(second))
        texts = [m["text"].split("\n")[0].rsplit(": ", 1)[-1] for m in api.delivered]
        assert texts == [f"Alert {i}" for i in range(6)]
        assert a.sent + b.sent == 6
        assert {x.status for x in await first.alerts()} == {"sent"}
    finally:
        await a.close()
        await b.close()
        await first.close()
        await second.close()
