"""Chat commands by getUpdates long polling. Only ``[telegram_bot] admins`` are answered; anyone
else is ignored (and logged), and nothing they send changes anything.

/status  /incidents [N]  /incident ID  /groups  /known NAME  /alias NAME = ACTOR
/mute KIND DURATION  /unmute KIND  /help
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from bot.backoff import Backoff, BackoffConfig, sleep_or_stop
from bot.delivery.botapi import BotApi
from bot.delivery.format import split_message
from bot.delivery.routing import MUTE_PREFIX
from bot.durations import format_duration, parse_duration
from classifiers.classify import Classifier
from classifiers.names import slug
from storage import Store
from watchers.errors import DeliveryError, RetryAfter, StorageUnavailable

log = logging.getLogger("claimwatch.commands")

OFFSET_STATE = "telegram_updates"
MUTE_STATE = "mutes"

HELP = """<b>claimwatch commands</b>
/status: sources, last message per source, outbox, last errors
/incidents [N]: the N latest incidents (default 10)
/incident ID: one incident with its claims, denials and attributions
/groups: new and unresolved groups
/known NAME: mark a discovered name as known (no more new-group alerts for it)
/alias NAME = ACTOR: teach a spelling of a known actor (id or name)
/mute KIND DURATION: silence an alert kind (e.g. /mute claim_denied 12h)
/unmute KIND
/help"""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def esc(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=False)


class Commands:
    """Parses and answers commands. ``handle`` is what the poller and the tests call."""

    def __init__(self, store: Store, admins: tuple[int, ...], classifier: Classifier | None = None,
                 engine: Any = None, clock: Callable[[], datetime] | None = None,
                 routed_chats: frozenset[int] = frozenset()) -> None:
        self.store = store
        # with [[telegram_bot.routes]], /mute, /unmute and /status act on the route of the chat they
        # come from; with the single chat_id, as before, a mute stops the alert kind being raised
        self.routed_chats = routed_chats
        self._chat: int | None = None
        self.admins = set(admins)
        self.classifier = classifier
        self.engine = engine
        self._clock = clock or (lambda: datetime.now(UTC))

    def _mute_state(self) -> str:
        if self._chat is not None and self._chat in self.routed_chats:
            return f"{MUTE_PREFIX}{self._chat}"
        return MUTE_STATE

    async def handle(self, user_id: int | None, text: str, chat: int | None = None) -> str | None:
        """The HTML answer to one message from ``chat``, or None when it is ignored."""
        self._chat = chat
        if not text.startswith("/"):
            return None
        command, _, rest = text.strip().partition(" ")
        command = command.split("@", 1)[0].lower()
        if user_id not in self.admins:
            log.warning("ignored %s from non-admin user %s", command, user_id)
            return None
        handler: Callable[[str], Awaitable[str]] | None = getattr(self, "cmd_" + command[1:], None)
        if handler is None:
            return f"Unknown command {esc(command)}. /help lists them."
        try:
            return await handler(rest.strip())
        except ValueError as exc:
            return f"⚠️ {esc(exc)}"

    async def cmd_help(self, _: str) -> str:
        return HELP

    cmd_start = cmd_help

    async def cmd_status(self, _: str) -> str:
        sources = await self.store.sources()
        outbox = await self.store.outbox_counts()
        errors = await self.store.outbox_errors()
        lines = ["<b>Status</b>"]
        for src in sources:
            last = src.last_message_at.strftime("%Y-%m-%d %H:%M") if src.last_message_at else "never"
            err = f" · last error: {esc(src.last_error)[:120]}" if src.last_error else ""
            lines.append(f"• {esc(src.handle)} ({esc(src.watch)}, {esc(src.state)}): last message {last}{err}")
        if not sources:
            lines.append("no sources configured")
        lines.append("<b>Outbox</b>: " + (", ".join(f"{esc(k)} {v}" for k, v in sorted(outbox.items())) or "empty"))
        for key, error in errors:
            lines.append(f"• {esc(key)}: {esc(error)[:160]}")
        mutes = await self.store.get_state(self._mute_state()) or {}
        if mutes:
            label = "Muted in this chat" if self._mute_state() != MUTE_STATE else "Muted"
            lines.append(f"<b>{label}</b>: " + ", ".join(f"{esc(k)} until {esc(v)}" for k, v in mutes.items()))
        return "\n".join(lines)

    async def cmd_incidents(self, arg: str) -> str:
        n = int(arg) if arg.isdigit() else 10
        if not 1 <= n <= 50:
            raise ValueError("N must be between 1 and 50")
        rows = await self.store.list_incidents(limit=n, newest_first=True)
        if not rows:
            return "No incidents yet."
        lines = [f"<b>Latest {len(rows)} incidents</b>"]
        for inc in rows:
            claimants = ", ".join(sorted({lk.subject or "?" for lk in inc.links if lk.role == "claim"})) or "unclaimed"
            lines.append(f"#{inc.id} {inc.event_time:%Y-%m-%d} {esc(inc.place or '?')}: {esc(claimants)} · "
                         f"{esc(inc.status)}/{esc(inc.grade)}")
        return "\n".join(lines)

    async def cmd_incident(self, arg: str) -> str:
        if not arg.lstrip("#").isdigit():
            raise ValueError("usage: /incident ID")
        inc = await self.store.get_incident(int(arg.lstrip("#")))
        if inc is None:
            return f"No incident #{esc(arg)}."
        lines = [f"<b>Incident #{inc.id}</b> {inc.event_time:%Y-%m-%d %H:%M} UTC, {esc(inc.place or 'place unknown')}",
                 f"<b>Status</b>: {esc(inc.status)}, grade {esc(inc.grade)}"]
        lines += [f"• {esc(r)}" for r in inc.reasons]
        for link in inc.links:
            who = link.speaker or link.source
            what = {"claim": "claims", "denial": f"denies ({link.stance_detail})", "attribution": f"blames {link.subject}",
                    "report": "reports"}.get(link.role, link.role)
            flag = " (withdrawn)" if link.withdrawn else ""
            lines.append(f"{esc(who)} {esc(what)}{flag} · {esc(link.source)} {link.at:%m-%d %H:%M}")
        return "\n".join(lines)

    async def cmd_groups(self, _: str) -> str:
        states = await self.store.actor_states()
        new = [a for a in states.values() if not a.known]
        if not new:
            return "No new or unresolved groups."
        lines = ["<b>New and unresolved groups</b>"]
        for actor in sorted(new, key=lambda a: a.first_seen or datetime.min.replace(tzinfo=UTC)):
            seen = actor.first_seen.strftime("%Y-%m-%d") if actor.first_seen else "?"
            lines.append(f"• {esc(actor.name)} (first seen {seen}, {actor.claims} claim(s)): "
                         f"{esc('; '.join(actor.aliases))}")
        return "\n".join(lines)

    async def cmd_known(self, arg: str) -> str:
        if not arg:
            raise ValueError("usage: /known NAME")
        actor_id = slug(arg)
        states = await self.store.actor_states()
        name = states[actor_id].name if actor_id in states else arg
        await self.store.teach_alias(arg, actor_id, name, "facade", True)
        await self._mark_known(actor_id)
        self._reload()
        return f"{esc(name)} is now known: no more new-group alerts for it."

    async def _mark_known(self, actor_id: str) -> None:
        await self.store.mark_known(actor_id)

    async def cmd_alias(self, arg: str) -> str:
        name, sep, actor = arg.partition("=")
        name, actor = name.strip(), actor.strip()
        if not sep or not name or not actor:
            raise ValueError("usage: /alias NAME = ACTOR")
        gz = self.classifier.gz if self.classifier else None
        target = None
        if gz is not None:
            target = gz.actors.get(actor) or next((a for a in gz.actors.values() if a.name.lower() == actor.lower()), None)
            if target is None:
                found = gz.resolve_actor(actor)
                target = gz.actors.get(found.id) if found else None
        if target is None:
            raise ValueError(f"no known actor {actor!r} (give its id or canonical name)")
        await self.store.teach_alias(name, target.id, target.name, target.kind, True)
        if self.classifier is not None:
            self.classifier.learn_alias(name, target.id)
        self._reload()
        return f"Learned: «{esc(name)}» is {esc(target.name)}."

    async def cmd_mute(self, arg: str) -> str:
        kind, _, duration = arg.partition(" ")
        if not kind or not duration:
            raise ValueError("usage: /mute KIND DURATION")
        until = self._clock() + parse_duration(duration.strip())
        key = self._mute_state()
        mutes = await self.store.get_state(key) or {}
        mutes[kind] = until.isoformat()
        await self.store.set_state(key, mutes)
        if self.engine is not None and key == MUTE_STATE:
            self.engine.muted[kind] = until
        length = format_duration(parse_duration(duration.strip()))
        where = " in this chat" if key != MUTE_STATE else ""
        return f"{esc(kind)} muted{where} for {length} (until {until:%Y-%m-%d %H:%M} UTC)."

    async def cmd_unmute(self, arg: str) -> str:
        key = self._mute_state()
        mutes = await self.store.get_state(key) or {}
        if arg not in mutes:
            return f"{esc(arg)} was not muted."
        del mutes[arg]
        await self.store.set_state(key, mutes)
        if self.engine is not None and key == MUTE_STATE:
            self.engine.muted.pop(arg, None)
        return f"{esc(arg)} unmuted."

    def _reload(self) -> None:
        if self.engine is not None:
            self.engine.reset_cache()


class CommandPoller:
    """Long-polls getUpdates and answers; the offset is stored so a restart skips nothing and
    repeats nothing."""

    def __init__(self, api: BotApi, commands: Commands, store: Store, poll_timeout: int = 30,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.api, self.commands, self.store = api, commands, store
        self.poll_timeout = poll_timeout
        self._sleep = sleep

    async def poll_once(self) -> int:
        state = await self.store.get_state(OFFSET_STATE) or {}
        offset = int(state.get("offset", 0))
        updates = await self.api.get_updates(offset, self.poll_timeout)
        if not isinstance(updates, list):
            updates = []  # the Bot API answers a list; anything else is nothing to answer
        for upd in updates:
            if not isinstance(upd, dict) or not isinstance(upd.get("update_id"), int):
                continue
            offset = max(offset, upd["update_id"] + 1)
            message = _dict(upd.get("message"))
            text = message.get("text")
            text = text if isinstance(text, str) else ""
            user = _dict(message.get("from")).get("id")
            chat = _dict(message.get("chat")).get("id")
            try:
                answer = await self.commands.handle(user, text, chat)
            except StorageUnavailable as exc:
                answer = f"⚠️ database unavailable: {esc(exc)}"
            if answer and chat is not None:
                for part in split_message(answer):
                    await self.api.call("sendMessage", chat_id=chat, text=part, parse_mode="HTML",
                                        link_preview_options={"is_disabled": True})
        if updates:
            await self.store.set_state(OFFSET_STATE, {"offset": offset})
        return len(updates)

    async def run(self, stop: asyncio.Event) -> None:
        """Supervised like every loop: a failure is logged and retried with jittered backoff."""
        backoff = Backoff(BackoffConfig(first=2.0, cap=60.0))
        while not stop.is_set():
            try:
                await self.poll_once()
                backoff.reset()
                continue
            except RetryAfter as exc:
                delay = exc.seconds
            except (DeliveryError, StorageUnavailable) as exc:
                delay = backoff.fail()
                log.warning("getUpdates failed (%s); retrying in %.0fs", exc, delay)
            except Exception:
                delay = backoff.fail()
                log.exception("chat commands failed unexpectedly; retrying in %.0fs", delay)
            await sleep_or_stop(stop, delay)
