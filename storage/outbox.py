"""The alert outbox: the queries delivery uses. Every alert is stored before it is sent; the
Telegram message id is recorded the moment Telegram acknowledges, so a restart never resends an
acknowledged alert.

A sender claims the oldest undelivered alert with a lease (``lease_owner``, ``lease_until``)
before it sends. The claim reads the row FOR UPDATE SKIP LOCKED on PostgreSQL, so two instances
that both believe they lead (one just lost its advisory lock) never claim one alert together,
and a lease held by another sender makes the others wait (strict order: nothing later is sent
around it) until it is released or runs out, as it does when its holder died mid-send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.rows import alert_value, utcnow
from storage.tables import AlertChatRow, AlertRow, StateRow
from storage.values import AlertValue

DELIVERABLE = ("pending", "failed")
LEASE = timedelta(seconds=120)  # longer than one send with its retries inside the Bot API client
LEASE_POLL = 1.0  # seconds between looks at an alert another sender holds


@dataclass(frozen=True, slots=True)
class Claim:
    """What the sender may do now: send ``alert`` (claimed), or wait ``wait`` seconds, or
    nothing (both None: the outbox is empty)."""

    alert: AlertValue | None = None
    wait: float | None = None


def claim_next(s: Session, owner: str, now: datetime, lease: timedelta = LEASE) -> Claim:
    """Claim the oldest undelivered alert for ``owner``, unless it is not due yet or another
    sender holds it."""
    oldest = s.execute(select(func.min(AlertRow.id)).where(AlertRow.status.in_(DELIVERABLE))).scalar_one()  # type: ignore[attr-defined]
    if oldest is None:
        return Claim()
    query = select(AlertRow).where(AlertRow.id == oldest, AlertRow.status.in_(DELIVERABLE))  # type: ignore[attr-defined]
    if s.bind is not None and s.bind.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    row = s.execute(query).scalar_one_or_none()
    if row is None:
        return Claim(wait=LEASE_POLL)  # another sender is claiming it this instant, or just sent it
    if row.lease_owner not in (None, owner) and row.lease_until is not None and row.lease_until > now:
        # look again soon: the holder usually finishes in well under a second
        return Claim(wait=min(LEASE_POLL, (row.lease_until - now).total_seconds()))
    if row.status == "failed" and row.next_attempt_at is not None and row.next_attempt_at > now:
        return Claim(wait=(row.next_attempt_at - now).total_seconds())
    row.lease_owner, row.lease_until = owner, now + lease
    s.flush()
    return Claim(alert=alert_value(row))


def mark_sent(s: Session, alert_id: int, chat_id: int, message_id: int | None, at: datetime) -> None:
    _forget_parts(s, alert_id)
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
        status="sent", chat_id=chat_id, telegram_message_id=message_id, sent_at=at, last_error=None,
        attempts=AlertRow.attempts + 1, lease_owner=None, lease_until=None))


def mark_retry(s: Session, alert_id: int, error: str, next_at: datetime, counts: bool) -> None:
    values = {"status": "failed", "last_error": error[:1000], "next_attempt_at": next_at, "lease_owner": None,
              "lease_until": None}
    if counts:
        values["attempts"] = AlertRow.attempts + 1  # type: ignore[assignment]
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(**values))


def mark_dead(s: Session, alert_id: int, error: str) -> None:
    _forget_parts(s, alert_id)
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
        status="dead", last_error=error[:1000], attempts=AlertRow.attempts + 1, lease_owner=None, lease_until=None))


def release(s: Session, alert_id: int, error: str) -> None:
    """Give the claim back untouched (status, attempts and due time stay): the set-up failed,
    not this alert."""
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
        last_error=error[:1000], lease_owner=None, lease_until=None))


@dataclass(frozen=True, slots=True)
class PartsSent:
    """A long alert's parts as first rendered, and the Telegram message ids of those already
    accepted (in order): a resend goes on from the first part not accepted."""

    parts: tuple[str, ...]
    message_ids: tuple[int | None, ...] = ()


def _parts_key(alert_id: int) -> str:
    return f"outbox_parts:{alert_id}"


def load_parts(s: Session, alert_id: int) -> PartsSent | None:
    row = s.get(StateRow, _parts_key(alert_id))
    if row is None:
        return None
    value: dict[str, Any] = dict(row.value)
    return PartsSent(tuple(value.get("parts", ())), tuple(value.get("ids", ())))


def save_parts(s: Session, alert_id: int, progress: PartsSent) -> None:
    value = {"parts": list(progress.parts), "ids": list(progress.message_ids)}
    row = s.get(StateRow, _parts_key(alert_id))
    if row is None:
        s.add(StateRow(key=_parts_key(alert_id), value=value, updated_at=utcnow()))
    else:
        row.value, row.updated_at = value, utcnow()


def _forget_parts(s: Session, alert_id: int) -> None:
    s.execute(delete(StateRow).where(StateRow.key == _parts_key(alert_id)))  # type: ignore[arg-type]


def message_id_of(s: Session, key: str) -> int | None:
    return s.execute(select(AlertRow.telegram_message_id).where(AlertRow.key == key)).scalar_one_or_none()


def counts(s: Session) -> dict[str, int]:
    rows = s.execute(select(AlertRow.status, func.count()).group_by(AlertRow.status)).all()
    return {status: n for status, n in rows}


def recent_errors(s: Session, limit: int = 5) -> list[tuple[str, str]]:
    rows = s.execute(select(AlertRow.key, AlertRow.last_error).where(
        or_(AlertRow.status == "failed", AlertRow.status == "dead"), AlertRow.last_error.is_not(None))  # type: ignore[union-attr]
        .order_by(AlertRow.id.desc()).limit(limit)).all()  # type: ignore[union-attr]
    return [(k, e) for k, e in rows]


def chats_done(s: Session, alert_id: int) -> dict[int, str]:
    """The chats an alert has reached (or may never reach), with their status: sent, dead, muted."""
    rows = s.execute(select(AlertChatRow.chat_id, AlertChatRow.status).where(AlertChatRow.alert_id == alert_id)).all()
    return {chat: status for chat, status in rows}


def chats_sent(s: Session, alert_id: int) -> list[tuple[int, int | None]]:
    """The chats that acknowledged an alert with its message id there, in the order they did."""
    rows = s.execute(select(AlertChatRow.chat_id, AlertChatRow.telegram_message_id).where(
        AlertChatRow.alert_id == alert_id, AlertChatRow.status == "sent").order_by(AlertChatRow.id)).all()
    return [(chat, message_id) for chat, message_id in rows]


def mark_chat(s: Session, alert_id: int, chat_id: int, status: str, message_id: int | None, at: datetime,
              error: str | None = None) -> None:
    """Record the outcome in one chat the moment it is known (Telegram acknowledged, or muted there).
    The parts progress of a long alert belongs to the chat being sent to: it starts again for the next."""
    s.add(AlertChatRow(alert_id=alert_id, chat_id=chat_id, status=status, telegram_message_id=message_id,
                       error=error[:1000] if error else None, at=at))
    _forget_parts(s, alert_id)
    s.flush()


def message_id_in_chat(s: Session, key: str, chat_id: int) -> int | None:
    """The Telegram message id of alert ``key`` in ``chat_id`` (a follow-up replies to it)."""
    found = s.execute(select(AlertChatRow.telegram_message_id).join(AlertRow, AlertRow.id == AlertChatRow.alert_id)
                      .where(AlertRow.key == key, AlertChatRow.chat_id == chat_id)).scalar_one_or_none()
    if found is not None:
        return int(found)
    # alerts sent before per-chat records existed carry their one chat on the alert itself
    row = s.execute(select(AlertRow.telegram_message_id, AlertRow.chat_id).where(AlertRow.key == key)).first()
    return row[0] if row is not None and row[1] in (None, chat_id) else None


def mark_unrouted(s: Session, alert_id: int) -> None:
    """No route wants the alert: it stays in the database, out of the queue."""
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(status="unrouted", lease_owner=None,
                                                                      lease_until=None))
