"""Delivery of stored alerts to the Telegram chats their routes choose, in order, exactly once per
acknowledgement in each chat.

One alert at a time, oldest first, goes to each of its chats in turn, so each chat receives its
alerts strictly in order. A chat's acknowledgement is stored the moment it comes (``alert_chats``):
after a retry or a restart the alert goes only to the chats that have not acknowledged it."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.backoff import Backoff, BackoffConfig, sleep_or_stop
from bot.config import Config
from bot.delivery.botapi import BadRequest, BotApi, ChatMigrated, ParseEntities
from bot.delivery.format import plain_text, render_html, split_message
from bot.delivery.pacing import Pacing
from bot.delivery.routing import MUTE_PREFIX, Route, Router
from bot.logs import register_secret
from storage import AlertValue, Store
from storage.outbox import PartsSent
from watchers.errors import DeliveryDead, DeliveryError, DeliverySetup, RetryAfter, StorageUnavailable

log = logging.getLogger("claimwatch.delivery")

CHAT_STATE = "telegram_chat"  # {"from": old, "to": new}: the chat_id group became a supergroup
MIGRATED_STATE = "telegram_chats"  # {"old": new, ...}: the same for every routed chat
RETRY = BackoffConfig(first=1.0, cap=300.0)  # one alert refused for a passing reason (5xx, network)
SETUP = BackoffConfig(first=5.0, cap=300.0)  # the set-up refused (token, chat): until it is fixed
BAD_REQUEST_TRIES = 5  # an unknown 4xx for one alert: about 15 s of retries, then it is dead


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
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, owner: str | None = None,
                 router: Router | None = None) -> None:
        self.api = api
        self.router = router or Router.single(chat_id, thread_id)
        self.migrated: dict[int, int] = {}
        self.refused: dict[int, str] = {}  # routed chats that refuse the bot, with why
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
        self.paused: str | None = None  # why Telegram refuses the set-up, while it does
        self.crashed: str | None = None  # the last unexpected error of the sender loop
        self.retry = Backoff(RETRY)
        self.setup = Backoff(SETUP)
        self._chat_loaded = False
        self.web_url = ""  # [web] public_url: alerts link their incident's page

    @classmethod
    def from_config(cls, config: Config, session: Any = None) -> DeliveryService | None:
        bot = config.telegram_bot
        token = bot.token()
        if not bot.enabled or token is None:
            return None
        register_secret(token)
        pacing = Pacing(bot.per_chat_per_minute, bot.per_second) if (bot.per_chat_per_minute or bot.per_second) else None
        owner = f"{config.daemon.instance or 'default'}@{socket.gethostname()}"
        router = Router.from_config(bot)
        service = cls(BotApi(bot.api_base, token, session), router.routes[0].chat_id, bot.message_thread_id, pacing,
                      owner=owner, router=router)
        service.web_url = config.web.public_url
        return service

    async def close(self) -> None:
        await self.api.close()

    async def _load_chat(self, store: Store) -> None:
        if not self._chat_loaded:
            state = await store.get_state(CHAT_STATE)
            if state and state.get("from") and state.get("to"):
                self.migrated[int(state["from"])] = int(state["to"])  # the group became a supergroup earlier
            self.migrated.update({int(k): int(v) for k, v in (await store.get_state(MIGRATED_STATE) or {}).items()})
            self.chat_id = self.migrated.get(self.chat_id, self.chat_id)
            self._chat_loaded = True

    def chat_of(self, route: Route) -> int:
        """The chat a route sends to now (a group that became a supergroup has a new id)."""
        return self.migrated.get(route.chat_id, route.chat_id)

    async def _muted(self, store: Store, chat: int, kind: str, now: datetime) -> bool:
        mutes = await store.get_state(f"{MUTE_PREFIX}{chat}") or {}
        until = mutes.get(kind)
        return bool(until) and datetime.fromisoformat(str(until)) > now

    async def deliver_next(self, store: Store) -> float | None:
        """Claim and try the oldest undelivered alert. Returns None when the outbox is empty, 0
        after a send or a final failure, or the seconds to wait before it is due again (or
        before another sender's claim on it runs out, or before the set-up is tried again)."""
        await self._load_chat(store)
        now = self._clock()
        claim = await store.claim_alert(self.owner, now)
        if claim.alert is None:
            return claim.wait
        alert = claim.alert
        alert_id = alert.id or 0
        incident_id = alert.incident
        incident = await store.get_incident(incident_id) if incident_id else None
        routes = self.router.routes_for(alert, incident)
        if not routes:
            log.info("alert %s: no route wants it (kept in the database as unrouted)", alert.key)
            await store.mark_alert_unrouted(alert_id)
            return 0.0
        html = render_html(alert, incident, self.web_url)
        done = await store.alert_chats_done(alert_id)
        try:
            for route in routes:
                await self._deliver_to(store, alert, html, route, done, now)
        except RetryAfter as exc:
            error, wait = str(exc), exc.seconds
            self.last_error = error
            log.warning("alert %s: Telegram asks to wait %.0fs", alert.key, wait)
            await store.mark_alert_retry(alert_id, error, now + timedelta(seconds=wait), False)
            return wait
        except DeliverySetup as exc:
            return await self._pause(store, alert_id, str(exc))
        except BadRequest as exc:
            if alert.attempts + 1 < BAD_REQUEST_TRIES:
                return await self._retry(store, alert, str(exc), now)
            return await self._dead(store, alert, f"{exc} ({BAD_REQUEST_TRIES} tries)")
        except DeliveryDead as exc:
            return await self._dead(store, alert, str(exc))
        except DeliveryError as exc:
            return await self._retry(store, alert, str(exc), now)
        acks = await store.alert_chats_sent(alert_id)
        sent_chat, sent_id = acks[0] if acks else (self.chat_of(routes[0]), None)
        await store.mark_alert_sent(alert_id, sent_chat, sent_id, self._clock())
        self.sent += 1
        if self.paused is not None:
            log.info("delivery resumed: Telegram accepts alerts again")
            self.paused = None
            self.setup.reset()
        return 0.0

    async def _deliver_to(self, store: Store, alert: AlertValue, html: str, route: Route, done: dict[int, str],
                          now: datetime) -> None:
        """Send ``alert`` to one route's chat unless it is done (or muted) there; raises as ``_send``."""
        alert_id, reply_key, chat = alert.id or 0, alert.reply_to_key, self.chat_of(route)
        if route.chat_id in done or chat in done:
            return
        if await self._muted(store, route.chat_id, alert.kind, now):
            await store.mark_alert_chat(alert_id, chat, "muted", None, now)
            done[chat] = "muted"
            return
        reply_to = await store.alert_message_id_in_chat(reply_key, chat) if reply_key else None
        try:
            message_id = await self._send(store, alert, html, reply_to, route)
        except DeliverySetup as exc:
            if len(self.router.routes) < 2 or "unauthorized" in str(exc).lower():
                raise  # the token, or the one chat there is: delivery pauses until it is fixed
            # one desk's chat refuses (the bot was removed, the chat is gone): the other desks go on
            error = str(exc)
            if self.refused.get(chat) != error:
                log.error("chat %s refuses alerts: %s; its alerts are kept as refused, the other chats go on",
                          chat, error)
            self.refused[chat] = error
            await store.mark_alert_chat(alert_id, chat, "refused", None, self._clock(), error)
            done[chat] = "refused"
            return
        self.refused.pop(chat, None)
        chat = self.chat_of(route)  # a send may have followed the chat to its supergroup
        await store.mark_alert_chat(alert_id, chat, "sent", message_id, self._clock())
        done[chat] = "sent"
        log.info("alert %s sent to chat %s as message %s", alert.key, chat, message_id)

    async def _dead(self, store: Store, alert: AlertValue, error: str) -> float:
        alert_id = alert.id or 0
        self.last_error, self.dead = error, self.dead + 1
        log.error("alert %s refused by Telegram: %s (kept in the database as dead; the next alerts go on)",
                  alert.key, error)
        await store.mark_alert_dead(alert_id, error)
        return 0.0

    async def _retry(self, store: Store, alert: AlertValue, error: str, now: datetime) -> float:
        alert_id = alert.id or 0
        self.last_error = error
        delay = self.retry.delay(alert.attempts + 1)
        log.warning("alert %s: %s; retrying in %.1fs", alert.key, error, delay)
        await store.mark_alert_retry(alert_id, error, now + timedelta(seconds=delay), True)
        return delay

    async def _pause(self, store: Store, alert_id: int, error: str) -> float:
        """A set-up fault (token, chat, rights): no alert is at fault, so none is marked; the
        claim is given back, one ERROR line says why, and the set-up is tried again later."""
        self.last_error = error
        delay = self.setup.fail()
        if self.paused != error:
            pending = (await store.outbox_counts()).get("pending", 0)
            log.error("delivery paused: Telegram refuses the set-up ([telegram_bot] token or chat_id): %s; "
                      "%d alert(s) kept in the outbox, retrying with backoff until it is fixed", error, pending)
        else:
            log.info("delivery still paused (%s); next try in %.0fs", error, delay)
        self.paused = error
        await store.release_alert(alert_id, error)
        return delay

    def problem(self) -> str | None:
        """For /healthz: why alerts are not going out, or None."""
        if self.paused is not None:
            return f"paused: {self.paused}"
        if self.refused:
            return "; ".join(f"chat {chat} refuses: {error}" for chat, error in sorted(self.refused.items()))
        return self.crashed

    async def _send(self, store: Store, alert: AlertValue, html: str, reply_to: int | None, route: Route) -> int | None:
        """Send every part not yet accepted. A long alert's parts and the ids of those accepted
        are recorded as they go, so a resend (after a refused part, a 429, a crash) goes on from
        the first part not accepted and never repeats one."""
        alert_id = alert.id or 0
        progress = await store.alert_parts(alert_id)
        if progress is None:
            progress = PartsSent(tuple(split_message(html)))
            if len(progress.parts) > 1:
                first = progress
                await store.save_alert_parts(alert_id, first)
        ids = list(progress.message_ids)
        for index in range(len(ids), len(progress.parts)):
            target = reply_to if index == 0 else ids[0]
            message_id = await self._send_part(store, alert, progress.parts[index], target, route)
            ids.append(message_id)
            if len(progress.parts) > 1 and index + 1 < len(progress.parts):
                done = PartsSent(progress.parts, tuple(ids))
                await store.save_alert_parts(alert_id, done)
        return ids[0] if ids else None

    async def _send_part(self, store: Store, alert: AlertValue, part: str, target: int | None,
                         route: Route) -> int | None:
        plain = False
        migrations = 0
        while True:
            chat = self.chat_of(route)
            params: dict[str, Any] = {"chat_id": chat, "text": plain_text(part) if plain else part,
                                      "link_preview_options": {"is_disabled": True}}
            if not plain:
                params["parse_mode"] = "HTML"
            if route.thread_id is not None:
                params["message_thread_id"] = route.thread_id
            if target:
                params["reply_parameters"] = {"message_id": target, "allow_sending_without_reply": True}
            if self.pacing is not None:
                await self.pacing.acquire()
            try:
                result = await self.api.call("sendMessage", **params)
            except ParseEntities:
                if plain:
                    raise DeliveryDead("Telegram refused the plain text too") from None
                log.warning("alert %s: HTML refused, resending this part as plain text", alert.key)
                plain = True
                continue
            except ChatMigrated as exc:
                migrations += 1
                if exc.new_chat_id == chat or migrations > 2:  # a loop, not a migration
                    raise DeliveryError(f"chat {chat}: migrated again to {exc.new_chat_id}") from None
                log.warning("chat %s became supergroup %s; switching", chat, exc.new_chat_id)
                self.migrated[route.chat_id] = exc.new_chat_id
                if chat == self.chat_id:
                    await store.set_state(CHAT_STATE, {"from": chat, "to": exc.new_chat_id})
                    self.chat_id = exc.new_chat_id
                await store.set_state(MIGRATED_STATE, {str(k): v for k, v in self.migrated.items()})
                continue
            message_id = result.get("message_id") if isinstance(result, dict) else None
            return message_id if isinstance(message_id, int) and not isinstance(message_id, bool) else None

    async def drain(self, store: Store, max_wait: float = 600.0) -> None:
        """Deliver until the outbox is empty, waiting out 429s and backoffs up to ``max_wait``;
        a set-up fault ends it at once (the alerts stay in the outbox for the next run)."""
        waited = 0.0
        while True:
            delay = await self.deliver_next(store)
            if delay is None or self.paused is not None:
                return
            if delay > 0:
                if waited + delay > max_wait:
                    log.error("delivery gave up waiting after %.0fs; undelivered alerts stay in the outbox", waited)
                    return
                await self._sleep(delay)
                waited += delay

    async def run(self, store: Store, stop: asyncio.Event, may_send: Callable[[], bool] = lambda: True) -> None:
        """The daemon's sender, supervised: deliver, then sleep until woken by a new alert or due
        again; anything unexpected is logged at ERROR, shown on /healthz and retried with
        backoff, never the end of delivery. ``may_send`` gates it (only the leader delivers)."""
        crashes = Backoff(BackoffConfig(first=1.0, cap=60.0))
        while not stop.is_set():
            # clear before looking: an alert raised while we look sets it again, so it is never missed
            self.wakeup.clear()
            delay: float | None
            if not may_send():
                delay = 2.0
            else:
                try:
                    delay = await self.deliver_next(store)
                    crashes.reset()
                    self.crashed = None
                except StorageUnavailable as exc:
                    delay = crashes.fail()
                    log.warning("delivery paused: %s; retrying in %.0fs", exc, delay)
                except Exception as exc:
                    delay = crashes.fail()
                    self.crashed = f"{type(exc).__name__}: {exc}"
                    log.exception("delivery failed unexpectedly; retrying in %.0fs", delay)
            if delay == 0.0:
                continue
            if self.paused is not None:  # a new alert cannot fix the set-up: sleep the backoff out
                await sleep_or_stop(stop, delay or 0.0)
            else:
                await sleep_or_stop(stop, 30.0 if delay is None else min(delay, 30.0), self.wakeup)
