"""The changes the incident engine decides, applied in order by ``storage.incident_writes``:
plain mutable records (``ref`` numbers stand for incidents not yet given an id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from storage.incident_values import LinkValue
from storage.values import AlertValue

INCIDENT_MARK = "{incident}"  # in an alert's text, replaced by the incident id once it has one


@dataclass
class NewIncident:
    """``ref`` is a negative number other changes use until the row has an id."""

    ref: int
    event_time: datetime
    time_precision: str
    place_id: str | None
    place: str | None
    lat: float | None
    lon: float | None
    geo_precision: str
    cell: str | None
    target: str | None
    weapon: str | None
    description: str | None
    origin: str
    at: datetime


@dataclass
class NewLink:
    incident: int
    message_pk: int
    link: LinkValue


@dataclass
class IncidentUpdate:
    incident: int
    status: str
    grade: str
    reasons: list[str]
    at: datetime
    change: str | None
    corroborated_at: datetime | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class WithdrawMessage:
    message_pk: int


@dataclass
class MarkSuperseded:
    """Withdrawn claims on an incident by other claimants are superseded by ``by``'s claim."""

    incident: int
    by: str


@dataclass
class CheckUpsert:
    incident: int
    claimant_id: str
    claimant: str
    claimed_at: datetime
    due_at: datetime


@dataclass
class CheckState:
    incident: int
    claimant_id: str
    state: str


@dataclass
class ActorSeen:
    id: str
    name: str
    kind: str
    known: bool
    parent: str | None
    alias: str | None
    at: datetime
    message: str | None
    claim: bool


@dataclass
class MergeIncident:
    """Everything linked to incident ``source`` moves to ``into``, and ``source`` is deleted: the
    two turned out to be one event (a placeless claim and the placed report of it; an auto
    incident and the known incident imported later)."""

    source: int
    into: int
    at: datetime


Change = (MergeIncident | NewIncident | NewLink | IncidentUpdate | WithdrawMessage | MarkSuperseded | CheckUpsert
          | CheckState | ActorSeen | AlertValue)

