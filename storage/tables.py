"""The tables. Rows never leave ``storage``: the store converts them to plain values.

Every datetime column holds aware UTC values (SQLModel stores them as UTC and rejects naive ones).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlalchemy.engine.interfaces import Dialect
from sqlmodel import Field, SQLModel
from sqlmodel.sql.sqltypes import UTCDateTime


class SourceRow(SQLModel, table=True):
    """A source seen or configured, with its role, network and health."""

    __tablename__ = "sources"
    id: int | None = Field(default=None, primary_key=True)
    handle: str = Field(unique=True, index=True, max_length=512)
    role: str = Field(default="media", max_length=32)
    network: str = Field(default="", max_length=128)
    watch: str = Field(default="none", max_length=32)
    peer_id: int | None = Field(default=None, sa_type=BigInteger)
    state: str = Field(default="unknown", max_length=32)
    last_message_at: datetime | None = None
    last_poll_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    last_error_at: datetime | None = None
    retry_at: datetime | None = None
    messages_seen: int = 0


class MessageRow(SQLModel, table=True):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("source", "msg_id", name="uq_messages_source_msg"),)
    pk: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=512)  # the unique (source, msg_id) index serves lookups by source
    msg_id: str = Field(max_length=512)
    date: datetime = Field(index=True)
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, max_length=2048)
    forwarded_from: str | None = Field(default=None, max_length=512)
    reply_to: str | None = Field(default=None, max_length=512)
    edited_at: datetime | None = None
    deleted: bool = False
    deleted_at: datetime | None = None
    lang: str | None = Field(default=None, max_length=8)
    stances: str = Field(default="", max_length=64)
    text_hash: str | None = Field(default=None, max_length=40)  # read by key only: no index
    processed: bool = Field(default=False, index=True)
    stored_at: datetime


class MessageEditRow(SQLModel, table=True):
    """An earlier version of a message, kept when a changed text arrives."""

    __tablename__ = "message_edits"
    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="messages.pk", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text))
    edited_at: datetime | None = None
    replaced_at: datetime


class StatementRow(SQLModel, table=True):
    """One claim, denial or attribution found in a message."""

    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_stance_subject", "stance", "subject_id"),)
    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="messages.pk", index=True)
    idx: int = 0
    stance: str = Field(max_length=16)
    speaker_id: str | None = Field(default=None, max_length=128)
    speaker: str | None = Field(default=None, max_length=512)
    subject_id: str | None = Field(default=None, max_length=128)
    subject: str | None = Field(default=None, max_length=512)
    subject_as_written: str | None = Field(default=None, max_length=512)
    denial_of: str | None = Field(default=None, max_length=16)
    target: str | None = Field(default=None, max_length=256)
    place_id: str | None = Field(default=None, max_length=128)
    place: str | None = Field(default=None, max_length=256)
    weapon: str | None = Field(default=None, max_length=32)
    killed: int | None = None
    wounded: int | None = None
    event_date: str | None = Field(default=None, max_length=10)
    incident_id: int | None = Field(default=None, foreign_key="incidents.id", index=True)


class ActorRow(SQLModel, table=True):
    """An actor: from the gazetteer (known) or discovered in a claim (not known)."""

    __tablename__ = "actors"
    id: str = Field(primary_key=True, max_length=128)
    name: str = Field(max_length=512)
    kind: str = Field(default="unknown", max_length=32)
    parent: str | None = Field(default=None, max_length=128)
    known: bool = False
    first_seen: datetime | None = None
    last_claim_at: datetime | None = None
    claims: int = 0


class ActorAliasRow(SQLModel, table=True):
    """A spelling of an actor: from the gazetteer, seen in a message, or taught in chat."""

    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias", name="uq_alias_actor_alias"),)
    id: int | None = Field(default=None, primary_key=True)
    actor_id: str = Field(foreign_key="actors.id", index=True, max_length=128)
    alias: str = Field(max_length=512)
    norm: str = Field(index=True, max_length=512)
    origin: str = Field(default="seen", max_length=16)
    first_seen: datetime | None = None
    first_message: str | None = Field(default=None, max_length=1100)


class PlaceRow(SQLModel, table=True):
    __tablename__ = "places"
    id: str = Field(primary_key=True, max_length=128)
    name: str = Field(max_length=256)
    kind: str = Field(default="place", max_length=32)
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, max_length=64)


class IncidentRow(SQLModel, table=True):
    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_place_time", "place_id", "event_time"),
                      Index("ix_incidents_cell_time", "cell", "event_time"))
    id: int | None = Field(default=None, primary_key=True)
    event_time: datetime = Field(index=True)
    time_precision: str = Field(default="day", max_length=16)
    place_id: str | None = Field(default=None, max_length=128)
    place: str | None = Field(default=None, max_length=256)
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = Field(default="unknown", max_length=16)
    cell: str | None = Field(default=None, max_length=32)
    target: str | None = Field(default=None, max_length=256)
    weapon: str | None = Field(default=None, max_length=32)
    description: str | None = Field(default=None, sa_column=Column(Text))
    status: str = Field(default="claimed", max_length=16, index=True)
    grade: str = Field(default="weak", max_length=16)
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    origin: str = Field(default="auto", max_length=16)
    first_seen: datetime
    updated_at: datetime
    corroborated_at: datetime | None = None


class IncidentLinkRow(SQLModel, table=True):
    """A message (and statement) linked to an incident, with the matcher's score and reasons.

    ``role`` is claim, denial, attribution or report. ``source``, ``network`` and ``bloc`` say who
    published it (forwards count as their origin); ``fingerprint`` finds relays of one text.
    """

    __tablename__ = "incident_links"
    # who is linked to an incident, in what role and since when, read from the index alone (the
    # candidates' stub links: a claimed incident may hold hundreds of links)
    __table_args__ = (Index("ix_incident_links_incident_role_subject", "incident_id", "role", "subject_id", "at",
                            "withdrawn"),
                      # the links of a party since a time: a statement's candidates by who is linked
                      Index("ix_incident_links_subject_at", "subject_id", "at"))
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incidents.id", index=True)
    message_pk: int = Field(foreign_key="messages.pk", index=True)
    statement_idx: int | None = None
    role: str = Field(max_length=24)
    stance_detail: str | None = Field(default=None, max_length=24)
    speaker_id: str | None = Field(default=None, max_length=128)
    speaker: str | None = Field(default=None, max_length=512)
    subject_id: str | None = Field(default=None, max_length=128)
    subject: str | None = Field(default=None, max_length=512)
    subject_as_written: str | None = Field(default=None, max_length=512)
    source: str = Field(max_length=512)
    source_role: str = Field(default="media", max_length=16)
    network: str = Field(default="", max_length=128)
    bloc: str = Field(default="", max_length=128)
    fingerprint: int = Field(default=0, sa_type=BigInteger)
    at: datetime
    killed: int | None = None
    wounded: int | None = None
    casualties: int | None = None
    withdrawn: bool = False
    superseded: bool = False
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    ambiguous: bool = False
    linked_at: datetime


class ClaimCheckRow(SQLModel, table=True):
    """One claim (a claimant on an incident) waiting for independent corroboration."""

    __tablename__ = "claim_checks"
    __table_args__ = (UniqueConstraint("incident_id", "claimant_id", name="uq_check_incident_claimant"),
                      Index("ix_claim_checks_state_due", "state", "due_at"))
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incidents.id")
    claimant_id: str = Field(max_length=128)
    claimant: str = Field(max_length=512)
    claimed_at: datetime
    due_at: datetime
    state: str = Field(default="pending", max_length=16)  # pending | alerted | corroborated | followed_up


class IncidentEventRow(SQLModel, table=True):
    """The history of an incident: each change of status, grade or membership."""

    __tablename__ = "incident_history"
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incidents.id", index=True)
    at: datetime
    change: str = Field(sa_column=Column(Text, nullable=False))


class AlertRow(SQLModel, table=True):
    """An alert raised, and the outbox state of its delivery."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_status_next", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=512)
    kind: str = Field(max_length=64, index=True)
    at: datetime
    incident_id: int | None = Field(default=None, foreign_key="incidents.id")
    actor: str | None = Field(default=None, max_length=512)
    text: str = Field(sa_column=Column(Text, nullable=False))
    sources: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    reply_to_key: str | None = Field(default=None, max_length=512)
    status: str = Field(default="pending", max_length=16)  # pending | sent | failed | dead | skipped
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    chat_id: int | None = Field(default=None, sa_type=BigInteger)
    telegram_message_id: int | None = Field(default=None, sa_type=BigInteger)
    sent_at: datetime | None = None
    # the sender that has claimed the alert and until when: another instance leaves it alone
    # until the lease runs out (a sender that died mid-send)
    lease_owner: str | None = Field(default=None, max_length=256)
    lease_until: datetime | None = None


class AlertChatRow(SQLModel, table=True):
    """The delivery of one alert to one chat its routes chose: a restart resends to no chat that
    acknowledged it, and a follow-up replies to the original in the same chat."""

    __tablename__ = "alert_chats"
    __table_args__ = (UniqueConstraint("alert_id", "chat_id", name="uq_alert_chats_alert_chat"),)
    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alerts.id")
    chat_id: int = Field(sa_type=BigInteger)
    status: str = Field(max_length=16)  # sent | muted | refused (the chat refused the bot)
    telegram_message_id: int | None = Field(default=None, sa_type=BigInteger)
    error: str | None = Field(default=None, sa_column=Column(Text))
    at: datetime


class CursorRow(SQLModel, table=True):
    """How far a watcher has read a source; advanced only after the messages are stored."""

    __tablename__ = "cursors"
    source: str = Field(primary_key=True, max_length=512)
    position: str = Field(max_length=512)
    updated_at: datetime


class StateRow(SQLModel, table=True):
    """Small named values: a migrated chat id, mutes, the getUpdates offset."""

    __tablename__ = "state"
    key: str = Field(primary_key=True, max_length=256)
    value: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    updated_at: datetime


class FastUTCDateTime(UTCDateTime):
    """SQLModel's ``UTCDateTime`` with the same values in and out, converted in one call on
    SQLite. There a value is text without an offset, and SQLModel parses it, then sets UTC with
    ``datetime.replace`` (1.5 us a value, Python 3.11): every candidate of every statement of a
    replay carries several. The text with "+00:00" appended parses to the same aware datetime in
    C, about four times faster."""

    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        usual = super().result_processor(dialect, coltype)
        if dialect.name != "sqlite" or usual is None:
            return usual

        def process(value: Any) -> Any:
            # the storage format "2024-01-31 09:30:00.000000" (anything else the usual way:
            # "2024-01-31+00:00" would parse, to a naive datetime)
            if type(value) is str and len(value) == 26 and value[10] == " ":
                return datetime.fromisoformat(value + "+00:00")
            return usual(value)

        return process


def _fast_datetimes() -> None:
    # SQLModel gives every ``datetime`` field its UTCDateTime; the subclass only converts faster
    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            if type(column.type) is UTCDateTime:
                column.type = FastUTCDateTime()


_fast_datetimes()
