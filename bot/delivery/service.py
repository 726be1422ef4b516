"""Delivery of stored alerts to a Telegram chat, in order, exactly once per acknowledgement."""

from __future__ import annotations

import asyncio
import logging
import random
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.config import Config
from bot.delivery.botapi import BotApi, ChatMigrated, ParseEntities
from bot.delivery.format import render_html, split_message
from bot.delivery.pacing import Pacing
from bot.logs import register_secret
from storage import AlertValue, Store
from storage.incidents import get_incident
from storage.outbox import claim_next, mark_dead, mark_retry, mark_sent, message_id_of
from watchers.errors import DeliveryDead, DeliveryError, RetryAfter, StorageUnavailable

log = logging.getLogger("claimwatch.delivery")

BACKOFF_MAX = 300.0
CHAT_STATE = "telegram_chat"


def backoff(attempts: int, rng: random.Random | None = None) -> float:
    """Exponential with full jitter: 1, 2, 4 ... up to five minutes."""
    base = min(BACKOFF_MAX, 2.0 ** max(0, attempts - 1))
    return (rng or random).uniform(base / 2, base)


class WakeSink:
    """An alert sink that wakes the sender the moment an alert is stored (no polling delay)."""

    name = "wake"

    def __init__(self, delivery: DeliveryService) -> None:
        self.delivery = delivery

    async def emit(self, alert: AlertValue) -> None:
        self.delivery.wakeup.set()


class DeliveryService:
    """Sends the outbox to the configured chat. ``drain`` for replay, ``run`` for the daemon."""

    def __init__(self, api: BotApi, chat_id: int, thread_id: int | None, pacing: Pacing | None,
                 clock: Callable[[], datetime] | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, owner: str | None = None) -> None:
        self.api = api
        # who holds an outbox lease: the same instance after a restart takes its own claim back
        self.owner = owner or f"default@{socket.gethostname()}"
        self.chat_id = chat_id
        self.thread_id = thread_id
        self.pacing = pacing
        self._clock = clock or (lambda: datetime.now(UTC))
        self._sleep = sleep
        self.wakeup = asyncio.Event()
        self.sent = 0
        self.dead = 0
        self.last_error: str | None = None
        self._chat_loaded = False

    @classmethod
    def from_config(cls, config: Config, session: Any = None) -> DeliveryService | None:
        bot = config.telegram_bot
        token = bot.token()
        if not bot.enabled or token is None:
            return None
        register_secret(token)
        pacing = Pacing(bot.per_chat_per_minute, bot.per_second) if (bot.per_chat_per_minute or bot.per_second) else None
        owner = f"{config.daemon.instance or 'default'}@{socket.gethostname()}"
        return cls(BotApi(bot.api_base, token, session), bot.chat_id or 0, bot.message_thread_id, pacing, owner=owner)

    async def close(self) -> None:
        await self.api.close()

    async def _load_chat(self, store: Store) -> None:
        if not self._chat_loaded:
            state = await store.get_state(CHAT_STATE)
            if state and state.get("from") == self.chat_id and state.get("to"):
                self.chat_id = int(state["to"])  # the group became a supergroup earlier
            self._chat_loaded = True

    async def deliver_next(self, store: Store) -> float | None:
        """Claim and try the oldest undelivered alert. Returns None when the outbox is empty, 0
        after a send or a final failure, or the seconds to wait before it is due again (or
        before another sender's claim on it runs out)."""
        await self._load_chat(store)
        now = self._clock()
        claim = await store.run(lambda s: claim_next(s, self.owner, now), writes=True)
        if claim.alert is None:
            return claim.wait
        alert = claim.alert
        incident_id, reply_key = alert.incident, alert.reply_to_key
        incident = await store.run(lambda s: get_incident(s, incident_id)) if incident_id else None
        reply_to = await store.run(lambda s: message_id_of(s, reply_key)) if reply_key else None
        try:
            message_id = await self._send(store, alert, render_html(alert, incident), reply_to)
        except RetryAfter as exc:
            error, wait = str(exc), exc.seconds
            self.last_error = error
            log.warning("alert %s: Telegram asks to wait %.0fs", alert.key, wait)
            await store.run(lambda s: mark_retry(s, alert.id or 0, error, now + timedelta(seconds=wait), False))
            return wait
        except DeliveryDead as exc:
            error = str(exc)
            self.last_error, self.dead = error, self.dead + 1
            log.error("alert %s cannot be delivered to chat %s: %s (kept in the database as dead)",
                      alert.key, self.chat_id, error)
            await store.run(lambda s: mark_dead(s, alert.id or 0, error))
            return 0.0
        except DeliveryError as exc:
            error = str(exc)
            self.last_error = error
            delay = backoff(alert.attempts + 1)
            log.warning("alert %s: %s; retrying in %.1fs", alert.key, error, delay)
            await store.run(lambda s: mark_retry(s, alert.id or 0, error, now + timedelta(seconds=delay), True))
            return delay
        await store.run(lambda s: mark_sent(s, alert.id or 0, self.chat_id, message_id, self._clock()))
        self.sent += 1
        log.info("alert %s sent to chat %s as message %s", alert.key, self.chat_id, message_id)
        return 0.0

    async def _send(self, store: Store, alert: AlertValue, html: str, reply_to: int | None) -> int | None:
        parts = split_message(html)
        first_id: int | None = None
        plain = False
        index = 0
        while index < len(parts):
            params: dict[str, Any] = {"chat_id": self.chat_id, "text": parts[index],
                                      "link_preview_options": {"is_disabled": True}}
            if not plain:
                params["parse_mode"] = "HTML"
            if self.thread_id is not None:
                params["message_thread_id"] = self.thread_id
            target = reply_to if index == 0 else first_id
            if target:
                params["reply_parameters"] = {"message_id": target, "allow_sending_without_reply": True}
            if self.pacing is not None:
                await self.pacing.acquire()
            try:
                result = await self.api.call("sendMessage", **params)
            except ParseEntities:
                if plain:
                    raise DeliveryError("Telegram refused the plain text too") from None
                log.warning("alert %s: HTML refused, resending as plain text", alert.key)
                plain = True
                parts = split_message(alert.text)
                index = 0
                continue
            except ChatMigrated as exc:
                log.warning("chat %s became supergroup %s; switching", self.chat_id, exc.new_chat_id)
                await store.set_state(CHAT_STATE, {"from": self.chat_id, "to": exc.new_chat_id})
                self.chat_id = exc.new_chat_id
                continue
            if first_id is None and isinstance(result, dict):
                first_id = result.get("message_id")
            index += 1
        return first_id

    async def drain(self, store: Store, max_wait: float = 600.0) -> None:
        """Deliver until the outbox is empty, waiting out 429s and backoffs up to ``max_wait``."""
        waited = 0.0
        while True:
            delay = await self.deliver_next(store)
            if delay is None:
                return
            if delay > 0:
                if waited + delay > max_wait:
                    log.error("delivery gave up waiting after %.0fs; undelivered alerts stay in the outbox", waited)
                    return
                await self._sleep(delay)
                waited += delay

    async def run(self, store: Store, stop: asyncio.Event, may_send: Callable[[], bool] = lambda: True) -> None:
        """The daemon's sender: deliver, then sleep until woken by a new alert or due again.
        ``may_send`` gates it (only the leader instance delivers)."""
        while not stop.is_set():
            # clear before looking: an alert raised while we look sets it again, so it is never missed
            self.wakeup.clear()
            if not may_send():
                delay: float | None = 2.0
            else:
                try:
                    delay = await self.deliver_next(store)
                except StorageUnavailable as exc:
                    log.warning("delivery paused: %s", exc)
                    delay = 5.0
            if delay == 0.0:
                continue
            timeout = 30.0 if delay is None else min(delay, 30.0)
            waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wakeup.wait())]
            await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            for w in waiters:
                w.cancel()
