"""The MTProto watcher (Telethon user account): new posts, edits and deletions as they happen,
and gap filling from each channel's cursor with ``iter_messages(min_id=..., reverse=True)``.

Telethon objects are converted to canonical messages here and go no further. Telethon errors
are translated at this edge: FloodWaitError becomes RetryAfter with its seconds.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from watchers.errors import RetryAfter, SourceError, SourceGone
from watchers.message import Message

log = logging.getLogger("claimwatch.watchers.telegram")

Emit = Callable[[list[Message]], Awaitable[None]]


class ChannelClient(Protocol):
    """The part of ``telethon.TelegramClient`` the watcher uses (fakes satisfy it in tests)."""

    async def get_entity(self, entity: Any) -> Any: ...

    def iter_messages(self, entity: Any, limit: int | None = None, *, min_id: int = 0,
                      reverse: bool = False) -> AsyncIterator[Any]: ...

    def add_event_handler(self, callback: Callable[[Any], Awaitable[None]], event: Any = None) -> None: ...


def channel_id_of(chat_id: int) -> int:
    """Telethon marks channel ids as -100<id>; the stored peer id is the bare channel id."""
    text = str(chat_id)
    return int(text[4:]) if text.startswith("-100") else abs(chat_id)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _forwarded(msg: Any) -> str | None:
    fwd = getattr(msg, "fwd_from", None)
    if fwd is None:
        return None
    peer = getattr(fwd, "from_id", None)
    channel = getattr(peer, "channel_id", None)
    if channel is not None:
        return f"t.me/c/{channel}"
    user = getattr(peer, "user_id", None)
    if user is not None:
        return f"tg://user?id={user}"
    return getattr(fwd, "from_name", None)


def to_message(msg: Any, handle: str) -> Message:
    """A Telethon ``types.Message`` as a canonical message of ``handle`` (t.me/NAME).

    Uses ``msg.message`` (the raw text): ``msg.text`` needs a connected client."""
    name = handle.split("/", 1)[1] if "/" in handle else handle
    reply = getattr(getattr(msg, "reply_to", None), "reply_to_msg_id", None)
    date = _aware(msg.date) or datetime.now(UTC)
    return Message(
        source=handle,
        id=str(msg.id),
        date=date,
        text=msg.message or "",
        url=f"https://t.me/{name}/{msg.id}",
        edited=_aware(getattr(msg, "edit_date", None)),
        forwarded_from=_forwarded(msg),
        reply_to=str(reply) if reply else None,
        extra={"views": getattr(msg, "views", None), "media": type(msg.media).__name__ if msg.media else None},
    )


def translate(exc: Exception, what: str) -> Exception:
    """Telethon's errors into the project's tree (FloodWait keeps its seconds)."""
    from telethon import errors

    if isinstance(exc, errors.FloodWaitError):
        return RetryAfter(float(exc.seconds), f"{what}: Telegram flood wait of {exc.seconds}s")
    if isinstance(exc, errors.ChannelPrivateError | errors.UsernameNotOccupiedError | errors.UsernameInvalidError):
        return SourceGone(f"{what}: {type(exc).__name__}")
    if isinstance(exc, errors.RPCError):
        return SourceError(f"{what}: {type(exc).__name__}: {exc}")
    if isinstance(exc, ConnectionError | OSError):
        return SourceError(f"{what}: {type(exc).__name__}: {exc}")
    return exc


class TelegramSource:
    """Channels followed through one Telethon client."""

    def __init__(self, client: ChannelClient, handles: list[str]) -> None:
        self.client = client
        self.handles = handles
        self.peers: dict[str, int] = {}  # handle -> bare channel id
        self._by_peer: dict[int, str] = {}

    def remember(self, handle: str, peer_id: int) -> None:
        self.peers[handle] = peer_id
        self._by_peer[peer_id] = handle

    async def resolve(self, handle: str) -> int:
        """Resolve a username once (the caller stores the id: bursts of resolutions get accounts banned)."""
        if handle in self.peers:
            return self.peers[handle]
        name = handle.split("/", 1)[1]
        try:
            entity = await self.client.get_entity(int(name) if name.lstrip("-").isdigit() else name)
        except Exception as exc:
            raise translate(exc, f"resolving {handle}") from exc
        peer_id = int(entity.id)
        self.remember(handle, peer_id)
        return peer_id

    async def join(self, peer_id: int) -> None:
        from telethon import functions, types

        try:
            await self.client(functions.channels.JoinChannelRequest(types.PeerChannel(peer_id)))  # type: ignore[operator]
        except Exception as exc:
            raise translate(exc, f"joining {peer_id}") from exc

    async def fill_gap(self, handle: str, after_id: int, limit: int | None = None) -> list[Message]:
        """Every post after ``after_id``, oldest first."""
        from telethon import types

        peer = types.PeerChannel(self.peers[handle])
        out: list[Message] = []
        try:
            async for msg in self.client.iter_messages(peer, limit, min_id=after_id, reverse=True):
                if getattr(msg, "id", 0) > after_id and msg.__class__.__name__ == "Message":
                    out.append(to_message(msg, handle))
        except Exception as exc:
            raise translate(exc, f"filling {handle} after {after_id}") from exc
        return out

    def attach(self, emit: Emit) -> None:
        """Register handlers for new posts, edits and deletions of the resolved channels."""
        from telethon import events

        chats = [int(f"-100{p}") for p in self.peers.values()]
        self.client.add_event_handler(lambda ev: self.on_new(ev, emit), events.NewMessage(chats=chats))
        self.client.add_event_handler(lambda ev: self.on_new(ev, emit), events.MessageEdited(chats=chats))
        self.client.add_event_handler(lambda ev: self.on_deleted(ev, emit), events.MessageDeleted(chats=chats))

    def handle_of(self, chat_id: int | None) -> str | None:
        return self._by_peer.get(channel_id_of(chat_id)) if chat_id is not None else None

    async def on_new(self, event: Any, emit: Emit) -> None:
        """A new post or an edit (an edit carries ``edit_date`` and its new text)."""
        handle = self.handle_of(event.chat_id)
        if handle is None:
            return
        try:
            message = to_message(event.message, handle)
        except Exception:
            log.exception("%s: could not read message %s", handle, getattr(event.message, "id", "?"))
            return
        await emit([message])

    async def on_deleted(self, event: Any, emit: Emit) -> None:
        """Telegram sends ids only, and not always (Telethon says deletions are not 100% reliable)."""
        handle = self.handle_of(getattr(event, "chat_id", None))
        if handle is None:
            return
        now = datetime.now(UTC)
        await emit([Message(source=handle, id=str(i), date=now, text="", deleted=True, edited=now,
                            extra={"revision": True}) for i in event.deleted_ids])
