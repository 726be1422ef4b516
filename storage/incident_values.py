"""The values incident queries return: frozen, plain, no rows or sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class LinkValue:
    role: str
    source: str
    source_role: str
    network: str
    bloc: str
    at: datetime
    message_pk: int
    statement_idx: int | None = None
    stance_detail: str | None = None
    speaker_id: str | None = None
    speaker: str | None = None
    subject_id: str | None = None
    subject: str | None = None
    subject_as_written: str | None = None
    fingerprint: int = 0
    killed: int | None = None
    wounded: int | None = None
    casualties: int | None = None
    withdrawn: bool = False
    superseded: bool = False
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    ambiguous: bool = False
    url: str | None = None
    excerpt: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentValue:
    id: int
    event_time: datetime
    time_precision: str
    place_id: str | None
    place: str | None
    lat: float | None
    lon: float | None
    geo_precision: str
    target: str | None
    weapon: str | None
    description: str | None
    status: str
    grade: str
    reasons: tuple[str, ...]
    origin: str
    first_seen: datetime
    updated_at: datetime
    corroborated_at: datetime | None
    links: tuple[LinkValue, ...] = ()
    history: tuple[tuple[datetime, str], ...] = ()


@dataclass(frozen=True, slots=True)
class IncidentMessage:
    """One message linked to an incident, as its evidence: the message's own keys (``source``,
    ``id``), which statement of it linked (``role``, ``speaker``, ``subject``) and why (``score``,
    ``reasons``)."""

    incident_id: int
    source: str
    id: str
    url: str | None
    date: datetime
    role: str
    speaker: str | None
    subject: str | None
    score: float
    reasons: tuple[str, ...]
    withdrawn: bool = False

    def contract_dict(self) -> dict[str, Any]:
        """The ``messages`` entry of CONTRACT.md ("Incidents")."""
        from watchers.message import format_datetime

        return {"source": self.source, "id": self.id, "url": self.url, "date": format_datetime(self.date),
                "role": self.role, "speaker": self.speaker, "subject": self.subject, "score": round(self.score, 3),
                "reasons": list(self.reasons), **({"withdrawn": True} if self.withdrawn else {})}


@dataclass(frozen=True, slots=True)
class CheckValue:
    id: int
    incident_id: int
    claimant_id: str
    claimant: str
    claimed_at: datetime
    due_at: datetime
    state: str


@dataclass(frozen=True, slots=True)
class ActorState:
    id: str
    name: str
    kind: str
    parent: str | None
    known: bool
    first_seen: datetime | None
    last_claim_at: datetime | None
    claims: int
    aliases: tuple[str, ...]
