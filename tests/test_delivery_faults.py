"""Delivery when Telegram (or what stands in front of it) answers badly: a set-up fault pauses
delivery and keeps every alert; a malformed answer never escapes the sender; a long alert's parts
are each valid HTML and none is sent twice."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import AsyncIterator

import pytest

from bot.delivery.botapi import BotApi
from bot.delivery.format import split_message, utf16_len
from bot.delivery.service import DeliveryService
from storage import AlertValue, Store
from storage.outbox import counts

from .botapi_server import BAD_ANSWERS, TOKEN, FakeBotApi, _balanced
from .test_delivery import CHAT, T0, FakeTime, add, service


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = await FakeBotApi().start()
    yield server
    await server.stop()


def firsts(api: FakeBotApi) -> list[str]:
    return [t.split("\n")[0].rsplit(": ", 1)[-1] for t in api.texts()]


@pytest.mark.parametrize("fault", ["401", "404", "chat-not-found", "kicked"])
async def test_a_set_up_fault_keeps_every_alert_and_all_arrive_once_fixed(
        store: Store, api: FakeBotApi, caplog: pytest.LogCaptureFixture, fault: str) -> None:
    await add(store, 3)
    if fault == "kicked":
        api.dead_chats.add(CHAT)
    else:
        api.script.extend([fault] * 3)
    svc = service(api)
    with caplog.at_level(logging.INFO, logger="claimwatch.delivery"):
        await svc.drain(store)
        await svc.drain(store)  # tried again (the daemon does so with backoff): still refused
        await svc.drain(store)
    assert api.delivered == []
    assert await store.run(counts) == {"pending": 3}  # nothing dead, nothing skipped
    assert svc.problem() is not None and svc.problem().startswith("paused: sendMessage: ")  # type: ignore[union-attr]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "delivery paused" in errors[0].getMessage()  # one ERROR line, not one a try
    assert "3 alert(s) kept in the outbox" in errors[0].getMessage()
    assert TOKEN not in caplog.text
    api.dead_chats.clear()  # the operator fixes it
    await svc.drain(store)
    assert firsts(api) == ["Alert 0", "Alert 1", "Alert 2"]
    assert await store.run(counts) == {"sent": 3} and svc.problem() is None


async def test_a_wrong_token_then_a_restart_with_the_right_one_delivers_everything_once(
        store: Store, api: FakeBotApi) -> None:
    await add(store, 4)
    wrong = DeliveryService(BotApi(api.url, "999:WRONG"), CHAT, None, None)
    await wrong.drain(store)
    await wrong.close()
    assert api.delivered == [] and await store.run(counts) == {"pending": 4}
    assert "Unauthorized" in (wrong.problem() or "")
    right = service(api)  # the restart with the right token
    await right.drain(store)
    await right.close()
    assert firsts(api) == [f"Alert {i}" for i in range(4)]
    again = service(api)
    await again.drain(store)  # and another restart sends nothing twice
    assert len(api.delivered) == 4


async def test_malformed_answers_never_escape_the_sender_and_nothing_is_lost(store: Store, api: FakeBotApi) -> None:
    bad = ["429-soon", "429-infinity", "429-negative", "429-huge", "params-string", "code-string", "html-200",
           "json-list", "deep-json", "garbage", "500"]
    await add(store, 3)
    api.script.extend(bad)
    time = FakeTime()
    svc = service(api, time)
    await svc.drain(store, max_wait=10 * 3600)
    assert firsts(api) == ["Alert 0", "Alert 1", "Alert 2"]  # each once, in order
    assert await store.run(counts) == {"sent": 3}
    assert all(math.isfinite(s) and 0 < s <= 3600 for s in time.slept), time.slept
    assert len(time.slept) == len(bad)


async def test_every_bad_answer_is_an_error_of_the_delivery_tree() -> None:
    from bot.delivery.botapi import check_response
    from watchers.errors import DeliveryError, RetryAfter

    for name, (status, body) in BAD_ANSWERS.items():
        with pytest.raises(DeliveryError if name != "429-huge" and not name.startswith("429") else RetryAfter):
            check_response("sendMessage", status, body.encode())


async def test_the_sender_is_supervised(store: Store, api: FakeBotApi, monkeypatch: pytest.MonkeyPatch,
                                        caplog: pytest.LogCaptureFixture) -> None:
    """An unexpected error inside the sender is logged at ERROR, shown on /healthz, and the
    sender carries on: the alert arrives."""
    import bot.delivery.service as mod

    real = mod.render_html
    calls = {"n": 0}

    def flaky(*args: object) -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("boom")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(mod, "render_html", flaky)
    await add(store, 1)
    svc = DeliveryService(BotApi(api.url, TOKEN), CHAT, None, None)
    stop = asyncio.Event()
    seen: list[str | None] = []
    with caplog.at_level(logging.ERROR):
        task = asyncio.create_task(svc.run(store, stop))
        for _ in range(100):
            seen.append(svc.problem())
            if api.delivered:
                break
            await asyncio.sleep(0.05)
        stop.set()
        await task
    await svc.close()
    assert len(api.delivered) == 1
    assert "RuntimeError: boom" in next(p for p in seen if p)
    assert "delivery failed unexpectedly" in caplog.text


async def test_an_alert_refused_for_its_content_is_dead_and_the_rest_go_on(store: Store, api: FakeBotApi) -> None:
    await add(store, 2)
    api.script.extend(["too-long"])
    svc = service(api)
    await svc.drain(store)
    assert [a.status for a in await store.alerts()] == ["dead", "sent"]
    assert svc.problem() is None


def blockquote_alert() -> str:
    lines = "\n".join(f"line {i}: a claim &amp; its relay, quoted in full" for i in range(400))
    return f"<b>NEW FRONT GROUP</b>: x\n<blockquote>{lines}</blockquote>\n<a href=\"https://t.me/x/1\">source 1</a>"


def test_each_part_of_a_long_alert_is_valid_html_on_its_own() -> None:
    html_text = blockquote_alert()
    parts = split_message(html_text)
    assert len(parts) >= 3
    for part in parts:
        assert utf16_len(part) <= 4096 and _balanced(part), part[:80]
    assert parts[1].startswith("<blockquote>") and parts[0].endswith("</blockquote>")
    import html
    import re

    def visible(text: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", text))

    assert "\n".join(visible(p) for p in parts) == visible(html_text)  # nothing lost, nothing doubled


async def test_a_refused_part_is_resent_alone_and_no_part_arrives_twice(store: Store, api: FakeBotApi,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    text = "NEW FRONT GROUP: Saraya X\n" + "\n".join(f"Claim {i}: drone attack <near> the base & more"
                                                     for i in range(300))
    await store.add_alert(AlertValue(key="k:1", kind="new_front_group", at=T0, text=text))
    api.script.extend(["ok", "500"])  # the first part is accepted, the second fails
    time = FakeTime()
    first = service(api, time)
    assert await first.deliver_next(store) > 0  # type: ignore[operator]
    assert len(api.delivered) == 1
    api.script.extend(["parse"])  # after the restart the HTML of the next part is refused once
    await service(api, time).drain(store)  # a restart: it goes on from the second part
    texts = [d["text"] for d in api.delivered]
    assert len(texts) == len(set(texts)) >= 3  # no part twice
    assert "parse_mode" not in api.delivered[1] and all(d.get("parse_mode") == "HTML" for d in api.delivered[2:])
    assert all(d["reply_parameters"]["message_id"] == api.delivered[0]["message_id"] for d in api.delivered[1:])
    [alert] = await store.alerts()
    assert alert.status == "sent" and alert.telegram_message_id == api.delivered[0]["message_id"]
    assert await store.get_state("outbox_parts:1") is None  # the progress is dropped once sent
    seen = "\n".join(t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for t in api.texts())
    for i in range(300):
        assert seen.count(f"Claim {i}: drone attack <near> the base & more") == 1


async def test_a_migration_answer_that_loops_is_retried_not_followed_forever(store: Store, api: FakeBotApi) -> None:
    api.migrate[CHAT] = -1005
    api.migrate[-1005] = CHAT  # a broken proxy bouncing the chat between two ids
    await add(store, 1)
    time = FakeTime()
    svc = service(api, time)
    assert (await svc.deliver_next(store) or 0) > 0  # gave up this try, will retry with backoff
    assert len(api.requests) <= 4
    assert [a.status for a in await store.alerts()] == ["failed"]


async def test_an_unknown_bad_request_is_retried_then_dead_so_it_cannot_hold_the_outbox(
        store: Store, api: FakeBotApi) -> None:
    from bot.delivery.service import BAD_REQUEST_TRIES

    await add(store, 2)
    api.script.extend(["bad-request"] * BAD_REQUEST_TRIES)
    time = FakeTime()
    await service(api, time).drain(store)
    alerts = await store.alerts()
    assert [a.status for a in alerts] == ["dead", "sent"]
    assert alerts[0].attempts == BAD_REQUEST_TRIES and "BUTTON_DATA_INVALID" in (alerts[0].last_error or "")
    assert len(time.slept) == BAD_REQUEST_TRIES - 1 and sum(time.slept) < 60
    assert firsts(api) == ["Alert 1"]
