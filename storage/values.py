"""Plain values the store returns: frozen dataclasses, never rows or sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from watchers.message import Message

IngestStatus = Literal["new", "edited", "deleted", "duplicate", "unknown_deletion"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing one message did. ``previous_text`` is set for edits."""

    message: Message
    pk: int | None
    status: IngestStatus
    previous_text: str | None = None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    pk: int
    message: Message
    lang: str | None
    stances: tuple[str, ...]
    edits: int
    processed: bool


@dataclass(frozen=True, slots=True)
class AlertValue:
    """An alert as raised and as kept in the outbox."""

    key: str
    kind: str
    at: datetime
    text: str
    incident: int | None = None
    actor: str | None = None
    sources: tuple[str, ...] = ()
    payload: dict[str, Any] = field(default_factory=dict, compare=False)
    reply_to_key: str | None = None
    status: str = "pending"
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    telegram_message_id: int | None = None
    chat_id: int | None = None
    id: int | None = None

    def contract_dict(self) -> dict[str, Any]:
        """The JSONL alert of the contract (``--alerts-out``)."""
        from watchers.message import format_datetime

        return {
            "kind": self.kind,
            "key": self.key,
            "at": format_datetime(self.at),
            "incident": self.incident,
            "actor": self.actor,
            "text": self.text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class SourceHealth:
    handle: str
    role: str
    network: str
    watch: str
    state: str
    last_message_at: datetime | None
    last_poll_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    retry_at: datetime | None
    messages_seen: int
    peer_id: int | None = None
