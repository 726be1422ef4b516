"""Row helpers the store and the incident writes share (here, not in ``store``, so neither
imports the other)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Table, bindparam, exists, insert, select
from sqlalchemy.orm import Session

from storage.tables import AlertRow
from storage.values import AlertValue


def utcnow() -> datetime:
    return datetime.now(UTC)


def add_alert_row(conn: Session | Connection, alert: AlertValue) -> bool:
    """Store an alert unless its key was raised before; whether it was stored. One statement
    (``INSERT ... SELECT ... WHERE NOT EXISTS``): a read of the key and then the insert were two,
    on PostgreSQL two round trips an alert. A key raised before inserts no row, so it takes no
    number from the id sequence either."""
    return conn.execute(_NEW_ALERT, dict(
        key=alert.key, kind=alert.kind, at=alert.at, incident_id=alert.incident, actor=alert.actor,
        text=alert.text, sources=list(alert.sources), payload=dict(alert.payload),
        reply_to_key=alert.reply_to_key, status=alert.status, next_attempt_at=alert.at, attempts=0,
    )).first() is not None


_ALERTS: Table = AlertRow.__table__  # type: ignore[attr-defined]
_ALERT_FIELDS = ("key", "kind", "at", "incident_id", "actor", "text", "sources", "payload", "reply_to_key", "status",
                 "attempts", "next_attempt_at")
_NEW_ALERT = insert(_ALERTS).from_select(
    _ALERT_FIELDS, select(*(bindparam(name, type_=_ALERTS.c[name].type) for name in _ALERT_FIELDS))
    .where(~exists().where(_ALERTS.c.key == bindparam("key", type_=_ALERTS.c.key.type)))).returning(_ALERTS.c.id)


def alert_value(r: AlertRow) -> AlertValue:
    return AlertValue(
        key=r.key, kind=r.kind, at=r.at, text=r.text, incident=r.incident_id, actor=r.actor,
        sources=tuple(r.sources or ()), payload=dict(r.payload or {}), reply_to_key=r.reply_to_key,
        status=r.status, attempts=r.attempts, next_attempt_at=r.next_attempt_at, last_error=r.last_error,
        telegram_message_id=r.telegram_message_id, chat_id=r.chat_id, id=r.id,
    )
