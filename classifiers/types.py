"""The labels the classifiers produce: frozen values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

STANCES = ("claim", "denial", "attribution")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor named in a message: resolved to the gazetteer, or new (``known`` false)."""

    id: str
    name: str
    known: bool
    kind: str = "unknown"
    parent: str | None = None
    as_written: str | None = None

    def contract_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "known": self.known}


@dataclass(frozen=True, slots=True)
class PlaceRef:
    id: str
    name: str
    lat: float | None
    lon: float | None
    kind: str = "place"
    as_written: str | None = None

    def contract_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Statement:
    """One claim, denial or attribution, with its own speaker."""

    stance: str
    speaker: ActorRef | None = None
    subject: ActorRef | None = None
    denial_of: str | None = None
    target: str | None = None
    place: PlaceRef | None = None
    weapon: str | None = None
    killed: int | None = None
    wounded: int | None = None
    casualties: int | None = None  # killed and wounded given as one number; not in the contract
    event_date: date | None = None
    evidence: str = field(default="", compare=False)
    # a place the gazetteer does not know, as the text writes it ("the village of Kfar Kila"),
    # alone or finer than ``place`` ("the Al-Zahra area of Homs"): shown to users as the place,
    # never used to link incidents (it has no coordinates)
    place_written: str | None = None

    def contract_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "speaker": self.speaker.name if self.speaker else None,
            "subject": self.subject.name if self.subject else None,
            "denial_of": self.denial_of,
            "target": self.target,
            "place": self.place_written or (self.place.name if self.place else None),
            "weapon": self.weapon,
            "killed": self.killed,
            "wounded": self.wounded,
            "event_date": self.event_date.isoformat() if self.event_date else None,
        }


@dataclass(frozen=True, slots=True)
class Classification:
    """Everything the classifiers say about one message."""

    lang: str
    statements: tuple[Statement, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    new_actor_names: tuple[str, ...] = ()
    event_report: bool = False  # a neutral incident report: none of the stances, still evidence
    # beside the statements, the incident told in the outlet's own voice (a sentence with no stance
    # and no party named): a report the engine links next to them
    outlet_report: Statement | None = None

    @property
    def stances(self) -> tuple[str, ...]:
        found = {s.stance for s in self.statements}
        return tuple(s for s in STANCES if s in found)

    def contract_dict(self, message_id: str | None) -> dict[str, Any]:
        return {
            "id": message_id,
            "lang": self.lang,
            "stances": list(self.stances),
            "statements": [s.contract_dict() for s in self.statements],
            "actors": [a.contract_dict() for a in self.actors],
            "places": [p.contract_dict() for p in self.places],
            "new_actor_names": list(self.new_actor_names),
        }

