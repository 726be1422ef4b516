"""Row helpers the store and the incident writes share (here, not in ``store``, so neither
imports the other)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from storage.tables import AlertRow
from storage.values import AlertValue


def utcnow() -> datetime:
    return datetime.now(UTC)


def add_alert_row(s: Session, alert: AlertValue) -> bool:
    """Store an alert unless its key was raised before (one Core statement each way)."""
    table: Table = AlertRow.__table__  # type: ignore[attr-defined]
    if s.execute(select(table.c.id).where(table.c.key == alert.key).limit(1)).first() is not None:
        return False
    s.execute(insert(table), [dict(
        key=alert.key, kind=alert.kind, at=alert.at, incident_id=alert.incident, actor=alert.actor,
        text=alert.text, sources=list(alert.sources), payload=dict(alert.payload),
        reply_to_key=alert.reply_to_key, status=alert.status, next_attempt_at=alert.at, attempts=0,
    )])
    return True


def alert_value(r: AlertRow) -> AlertValue:
    return AlertValue(
        key=r.key, kind=r.kind, at=r.at, text=r.text, incident=r.incident_id, actor=r.actor,
        sources=tuple(r.sources or ()), payload=dict(r.payload or {}), reply_to_key=r.reply_to_key,
        status=r.status, attempts=r.attempts, next_attempt_at=r.next_attempt_at, last_error=r.last_error,
        telegram_message_id=r.telegram_message_id, chat_id=r.chat_id, id=r.id,
    )
