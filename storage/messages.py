"""Look-ups of stored messages with their classification (``claimwatch messages``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.tables import MessageRow, StatementRow


@dataclass(frozen=True, slots=True)
class StatementView:
    """One claim, denial or attribution of a stored message."""

    stance: str
    speaker: str | None
    subject: str | None
    denial_of: str | None
    target: str | None
    place: str | None
    weapon: str | None
    killed: int | None
    wounded: int | None
    event_date: str | None
    incident: int | None


@dataclass(frozen=True, slots=True)
class MessageView:
    """A stored message as an analyst looks it up: its keys, text and labels."""

    source: str
    id: str
    date: datetime
    url: str | None
    title: str | None
    text: str
    lang: str | None
    stances: tuple[str, ...]
    edited: datetime | None
    deleted: bool
    statements: tuple[StatementView, ...]


@dataclass(frozen=True, slots=True)
class MessageQuery:
    """What to look for; every field left empty matches everything."""

    source: str | None = None
    stance: str | None = None  # claim | denial | attribution | "none" (messages without a stance)
    since: datetime | None = None
    grep: str | None = None
    limit: int | None = 100


def find_messages(s: Session, q: MessageQuery) -> list[MessageView]:
    """Messages matching ``q``, newest first."""
    query = select(MessageRow)
    if q.source:
        query = query.where(MessageRow.source == q.source)
    if q.since:
        query = query.where(MessageRow.date >= q.since)
    if q.stance == "none":
        query = query.where(MessageRow.stances == "")
    elif q.stance:
        # stances is a comma-joined set ("claim,denial"): match the whole word only
        st: str = q.stance
        query = query.where(or_(MessageRow.stances == st, MessageRow.stances.startswith(f"{st},"),
                                MessageRow.stances.endswith(f",{st}"), MessageRow.stances.contains(f",{st},")))
    if q.grep:
        query = query.where(MessageRow.text.icontains(q.grep, autoescape=True))
    query = query.order_by(MessageRow.date.desc(), MessageRow.pk.desc())
    if q.limit:
        query = query.limit(q.limit)
    rows = s.execute(query).scalars().all()
    statements: dict[int, list[StatementView]] = defaultdict(list)
    pks = [r.pk for r in rows if r.pk is not None]
    if pks:
        found = s.execute(select(StatementRow).where(StatementRow.message_pk.in_(pks))
                          .order_by(StatementRow.message_pk, StatementRow.idx)).scalars().all()
        for row in found:
            statements[row.message_pk].append(StatementView(
                row.stance, row.speaker, row.subject, row.denial_of, row.target, row.place, row.weapon, row.killed,
                row.wounded, row.event_date, row.incident_id))
    return [MessageView(r.source, r.msg_id, r.date, r.url, r.title, r.text, r.lang,
                        tuple(x for x in r.stances.split(",") if x), r.edited_at, r.deleted,
                        tuple(statements.get(r.pk or 0, ()))) for r in rows]
