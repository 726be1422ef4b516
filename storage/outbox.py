"""The alert outbox: the queries delivery uses. Every alert is stored before it is sent; the
Telegram message id is recorded the moment Telegram acknowledges, so a restart never resends an
acknowledged alert. On PostgreSQL the next alert is claimed with FOR UPDATE SKIP LOCKED."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from storage.store import alert_value
from storage.tables import AlertRow
from storage.values import AlertValue

DELIVERABLE = ("pending", "failed")


def next_alert(s: Session) -> AlertValue | None:
    """The oldest alert not yet delivered nor dead (strict order: later ones wait behind it)."""
    query = (select(AlertRow).where(AlertRow.status.in_(DELIVERABLE))  # type: ignore[attr-defined]
             .order_by(AlertRow.id).limit(1))
    if s.bind is not None and s.bind.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    row = s.execute(query).scalar_one_or_none()
    return alert_value(row) if row else None


def mark_sent(s: Session, alert_id: int, chat_id: int, message_id: int | None, at: datetime) -> None:
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
        status="sent", chat_id=chat_id, telegram_message_id=message_id, sent_at=at, last_error=None,
        attempts=AlertRow.attempts + 1))


def mark_retry(s: Session, alert_id: int, error: str, next_at: datetime, counts: bool) -> None:
    values = {"status": "failed", "last_error": error[:1000], "next_attempt_at": next_at}
    if counts:
        values["attempts"] = AlertRow.attempts + 1  # type: ignore[assignment]
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(**values))


def mark_dead(s: Session, alert_id: int, error: str) -> None:
    s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
        status="dead", last_error=error[:1000], attempts=AlertRow.attempts + 1))


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
