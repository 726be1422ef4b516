"""Row helpers the store and the incident writes share (here, not in ``store``, so neither
imports the other)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Table, bindparam, insert, select
from sqlalchemy.orm import Session

from storage.tables import AlertRow
from storage.values import AlertValue


def utcnow() -> datetime:
    return datetime.now(UTC)


def add_alert_row(conn: Session | Connection, alert: AlertValue) -> bool:
    """Store an alert unless its key was raised before (one Core statement each way)."""
    if conn.execute(_ALERT_KEY, {"key": alert.key}).first() is not None:
        return False
    conn.execute(_NEW_ALERT, [dict(
        key=alert.key, kind=alert.kind, at=alert.at, incident_id=alert.incident, actor=alert.actor,
        text=alert.text, sources=list(alert.sources), payload=dict(alert.payload),
        reply_to_key=alert.reply_to_key, status=alert.status, next_attempt_at=alert.at, attempts=0,
    )])
    return True


_ALERTS: Table = AlertRow.__table__  # type: ignore[attr-defined]
_ALERT_KEY = select(_ALERTS.c.id).where(_ALERTS.c.key == bindparam("key")).limit(1)
_NEW_ALERT = insert(_ALERTS)


def alert_value(r: AlertRow) -> AlertValue:
    return AlertValue(
        key=r.key, kind=r.kind, at=r.at, text=r.text, incident=r.incident_id, actor=r.actor,
        sources=tuple(r.sources or ()), payload=dict(r.payload or {}), reply_to_key=r.reply_to_key,
        status=r.status, attempts=r.attempts, next_attempt_at=r.next_attempt_at, last_error=r.last_error,
        telegram_message_id=r.telegram_message_id, chat_id=r.chat_id, id=r.id,
    )
