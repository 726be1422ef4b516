"""Incidents, their links, claim checks and actors: the queries and the batch of changes the
incident engine applies in one transaction. Plain values in, plain values out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from storage.incident_values import ActorState, CheckValue, IncidentMessage, IncidentValue, LinkValue
from storage.store import add_alert_row, utcnow
from storage.tables import (
    ActorAliasRow,
    ActorRow,
    AlertRow,
    ClaimCheckRow,
    IncidentEventRow,
    IncidentLinkRow,
    IncidentRow,
    MessageRow,
    StatementRow,
)
from storage.values import AlertValue

__all__ = ["ActorState", "CheckValue", "IncidentMessage", "IncidentValue", "LinkValue"]

INCIDENT_MARK = "{incident}"  # in an alert's text, replaced by the incident id once it has one


# -- changes --------------------------------------------------------------------------------

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


# -- reading ----------------------------------------------------------------------------------

def _incident(r: IncidentRow, links: Iterable[LinkValue] = (),
              history: Iterable[tuple[datetime, str]] = ()) -> IncidentValue:
    return IncidentValue(
        id=r.id or 0, event_time=r.event_time, time_precision=r.time_precision, place_id=r.place_id, place=r.place,
        lat=r.lat, lon=r.lon, geo_precision=r.geo_precision, target=r.target, weapon=r.weapon,
        description=r.description, status=r.status, grade=r.grade, reasons=tuple(r.reasons or ()), origin=r.origin,
        first_seen=r.first_seen, updated_at=r.updated_at, corroborated_at=r.corroborated_at,
        links=tuple(links), history=tuple(history),
    )


def _link(r: IncidentLinkRow, url: str | None = None, excerpt: str | None = None) -> LinkValue:
    return LinkValue(
        role=r.role, source=r.source, source_role=r.source_role, network=r.network, bloc=r.bloc, at=r.at,
        message_pk=r.message_pk, statement_idx=r.statement_idx, stance_detail=r.stance_detail,
        speaker_id=r.speaker_id, speaker=r.speaker, subject_id=r.subject_id, subject=r.subject,
        subject_as_written=r.subject_as_written, fingerprint=r.fingerprint, killed=r.killed, wounded=r.wounded,
        casualties=r.casualties, withdrawn=r.withdrawn, superseded=r.superseded, score=r.score,
        reasons=tuple(r.reasons or ()), ambiguous=r.ambiguous, url=url, excerpt=excerpt,
    )


_LINK_COLUMNS = (
    IncidentLinkRow.incident_id, IncidentLinkRow.role, IncidentLinkRow.source, IncidentLinkRow.source_role,
    IncidentLinkRow.network, IncidentLinkRow.bloc, IncidentLinkRow.at, IncidentLinkRow.message_pk,
    IncidentLinkRow.statement_idx, IncidentLinkRow.stance_detail, IncidentLinkRow.speaker_id, IncidentLinkRow.speaker,
    IncidentLinkRow.subject_id, IncidentLinkRow.subject, IncidentLinkRow.subject_as_written,
    IncidentLinkRow.fingerprint, IncidentLinkRow.killed, IncidentLinkRow.wounded, IncidentLinkRow.casualties,
    IncidentLinkRow.withdrawn, IncidentLinkRow.superseded, IncidentLinkRow.score, IncidentLinkRow.ambiguous,
)


_LINK_FIELDS = tuple(c.key for c in _LINK_COLUMNS)


def _links_for(s: Session, ids: Sequence[int], with_text: bool = False) -> dict[int, list[LinkValue]]:
    """Links of incidents as plain values (Core tuples: no ORM objects on this hot path)."""
    out: dict[int, list[LinkValue]] = defaultdict(list)
    if not ids:
        return out
    # the matcher's reasons (JSON) are for people reading an incident, not for the hot path
    columns: tuple[Any, ...] = _LINK_COLUMNS + ((IncidentLinkRow.reasons, MessageRow.url, MessageRow.text)
                                                if with_text else ())
    query = select(*columns).where(IncidentLinkRow.incident_id.in_(ids)).order_by(IncidentLinkRow.id)  # type: ignore[attr-defined]
    if with_text:
        query = query.join(MessageRow, MessageRow.pk == IncidentLinkRow.message_pk)
    for row in s.execute(query).all():
        values = list(row)
        url = excerpt = None
        reasons: tuple[str, ...] = ()
        if with_text:
            text = values.pop()
            url = values.pop()
            reasons = tuple(values.pop() or ())
            excerpt = (text or "")[:280]
        fields = dict(zip(_LINK_FIELDS, values, strict=True))
        incident_id = fields.pop("incident_id")
        out[incident_id].append(LinkValue(**fields, reasons=reasons, url=url, excerpt=excerpt))
    return out


def incident_messages(s: Session, incident_ids: Sequence[int]) -> dict[int, list[IncidentMessage]]:
    """The messages linked to each incident, oldest first (by the message's own date), one entry
    per linked statement."""
    out: dict[int, list[IncidentMessage]] = {i: [] for i in incident_ids}
    ids = list(dict.fromkeys(incident_ids))
    for i in range(0, len(ids), 400):
        query = (select(IncidentLinkRow.incident_id, MessageRow.source, MessageRow.msg_id, MessageRow.url,
                        MessageRow.date, IncidentLinkRow.role, IncidentLinkRow.speaker, IncidentLinkRow.subject,
                        IncidentLinkRow.score, IncidentLinkRow.reasons, IncidentLinkRow.withdrawn)
                 .join(MessageRow, MessageRow.pk == IncidentLinkRow.message_pk)
                 .where(IncidentLinkRow.incident_id.in_(ids[i:i + 400]))  # type: ignore[attr-defined]
                 .order_by(MessageRow.date, IncidentLinkRow.id))
        for (incident_id, source, msg_id, url, date, role, speaker, subject, score, reasons,
             withdrawn) in s.execute(query).all():
            out[incident_id].append(IncidentMessage(
                incident_id=incident_id, source=source, id=msg_id, url=url, date=date, role=role, speaker=speaker,
                subject=subject, score=float(score or 0.0), reasons=tuple(reasons or ()), withdrawn=bool(withdrawn)))
    return out


def candidates(s: Session, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
               subject_ids: Sequence[str], limit: int = 40, any_place: bool = False) -> list[IncidentValue]:
    """Incidents in [t0, t1] at one of the places or grid cells, or linked to one of the subjects;
    with ``any_place``, every incident in the window, newest first (for a statement that names no
    place or only a country). The event_time index bounds the scan, so cost does not grow with
    history. Each candidate carries only stub links: one per (role, subject) with the time of its
    first link; ``load_links`` reads the full links of the one incident chosen."""
    where = [IncidentRow.event_time >= t0, IncidentRow.event_time <= t1]
    alternatives = []
    if place_ids:
        alternatives.append(IncidentRow.place_id.in_(place_ids))  # type: ignore[union-attr]
    if cells:
        alternatives.append(IncidentRow.cell.in_(cells))  # type: ignore[union-attr]
    if subject_ids:
        # correlated, so it is asked only of the incidents in the time window, through the
        # link's incident index (an IN (subquery) read every link of the subject ever stored)
        alternatives.append(exists().where(
            IncidentLinkRow.incident_id == IncidentRow.id,
            IncidentLinkRow.subject_id.in_(subject_ids),  # type: ignore[union-attr]
            IncidentLinkRow.at >= t0,
        ))
    query = select(IncidentRow).where(*where)
    if any_place:
        query = query.order_by(IncidentRow.event_time.desc(), IncidentRow.id.desc())  # type: ignore[attr-defined]
    elif alternatives:
        query = query.where(or_(*alternatives)).order_by(IncidentRow.event_time, IncidentRow.id)
    else:
        return []
    rows = s.execute(query.limit(limit)).scalars().all()
    ids = [r.id for r in rows if r.id is not None]
    stubs: dict[int, list[LinkValue]] = defaultdict(list)
    if ids:
        for incident_id, role, subject_id, first in s.execute(
            select(IncidentLinkRow.incident_id, IncidentLinkRow.role, IncidentLinkRow.subject_id,
                   func.min(IncidentLinkRow.at))
            .where(IncidentLinkRow.incident_id.in_(ids), IncidentLinkRow.subject_id.is_not(None),  # type: ignore[attr-defined, union-attr]
                   IncidentLinkRow.withdrawn.is_(False))  # type: ignore[attr-defined]
            .group_by(IncidentLinkRow.incident_id, IncidentLinkRow.role, IncidentLinkRow.subject_id)
            .order_by(IncidentLinkRow.incident_id, IncidentLinkRow.subject_id, IncidentLinkRow.role)
        ).all():
            stubs[incident_id].append(LinkValue(role=role, source="", source_role="", network="", bloc="", at=first,
                                                message_pk=0, subject_id=subject_id))
    return [_incident(r, stubs.get(r.id or 0, ())) for r in rows]


def incidents_between(s: Session, t0: datetime, t1: datetime) -> list[IncidentValue]:
    """Incidents with their event in [t0, t1], without links (to find one already recorded)."""
    rows = s.execute(select(IncidentRow).where(IncidentRow.event_time >= t0, IncidentRow.event_time <= t1)
                     .order_by(IncidentRow.event_time, IncidentRow.id)).scalars().all()
    return [_incident(r) for r in rows]


REPORT_NETWORKS = 25


def load_links(s: Session, incident_id: int) -> list[LinkValue]:
    """The links the corroboration rules need, bounded however many channels relayed an event:
    the first link of each (role, network, subject, denial kind, withdrawn) and every link that
    states figures. Five hundred relays of one report cost five hundred rows once, not per message."""
    firsts = (select(func.min(IncidentLinkRow.id))
              .where(IncidentLinkRow.incident_id == incident_id, IncidentLinkRow.role != "report")
              .group_by(IncidentLinkRow.role, IncidentLinkRow.network, IncidentLinkRow.subject_id,
                        IncidentLinkRow.stance_detail, IncidentLinkRow.withdrawn))
    # independent reports only need counting up to a few networks: 25 settle any grade
    reports = (select(func.min(IncidentLinkRow.id).label("first"))
               .where(IncidentLinkRow.incident_id == incident_id, IncidentLinkRow.role == "report")
               .group_by(IncidentLinkRow.network).order_by("first").limit(REPORT_NETWORKS))
    query = (select(*_LINK_COLUMNS).where(
        IncidentLinkRow.incident_id == incident_id,
        or_(IncidentLinkRow.id.in_(firsts), IncidentLinkRow.id.in_(select(reports.subquery().c.first)),
            IncidentLinkRow.killed.is_not(None), IncidentLinkRow.casualties.is_not(None)))
        .order_by(IncidentLinkRow.id))
    return [LinkValue(**{k: v for k, v in zip(_LINK_FIELDS, row, strict=True) if k != "incident_id"})
            for row in s.execute(query).all()]


def fingerprints_from(s: Session, incident_id: int, source: str, role: str) -> list[int]:
    """What one source already said on an incident (to drop its re-posts)."""
    return [f for (f,) in s.execute(select(IncidentLinkRow.fingerprint).where(
        IncidentLinkRow.incident_id == incident_id, IncidentLinkRow.source == source, IncidentLinkRow.role == role)).all()]


def claim_links_by_source(s: Session, incident_id: int) -> list[LinkValue]:
    """The first claim link of each source (for naming every relay in an alert), oldest first."""
    firsts = (select(func.min(IncidentLinkRow.id)).where(IncidentLinkRow.incident_id == incident_id,
                                                       IncidentLinkRow.role == "claim")
              .group_by(IncidentLinkRow.source))
    links: list[LinkValue] = []
    query = (select(*_LINK_COLUMNS, MessageRow.url).join(MessageRow, MessageRow.pk == IncidentLinkRow.message_pk)
             .where(IncidentLinkRow.id.in_(firsts)).order_by(IncidentLinkRow.id))
    for row in s.execute(query).all():
        values = dict(zip((*_LINK_FIELDS, "url"), row, strict=True))
        values.pop("incident_id")
        links.append(LinkValue(**values))
    return links


def lean_incident(s: Session, incident_id: int) -> IncidentValue | None:
    row = s.get(IncidentRow, incident_id)
    return _incident(row, load_links(s, incident_id)) if row is not None else None


def get_incident(s: Session, incident_id: int) -> IncidentValue | None:
    row = s.get(IncidentRow, incident_id)
    if row is None:
        return None
    links = _links_for(s, [incident_id], with_text=True)
    history = s.execute(select(IncidentEventRow.at, IncidentEventRow.change)
                        .where(IncidentEventRow.incident_id == incident_id).order_by(IncidentEventRow.id)).all()
    return _incident(row, links.get(incident_id, ()), [(a, c) for a, c in history])


def list_incidents(s: Session, status: str | None, since: datetime | None, limit: int | None = None,
                   newest_first: bool = False) -> list[IncidentValue]:
    query = select(IncidentRow)
    if status:
        query = query.where(IncidentRow.status == status)
    if since:
        query = query.where(IncidentRow.event_time >= since)
    order = (IncidentRow.event_time.desc(), IncidentRow.id.desc()) if newest_first else (  # type: ignore[attr-defined]
        IncidentRow.event_time, IncidentRow.id)
    query = query.order_by(*order)
    if limit:
        query = query.limit(limit)
    rows = s.execute(query).scalars().all()
    links = _links_for(s, [r.id for r in rows if r.id is not None], with_text=True)
    return [_incident(r, links.get(r.id or 0, ())) for r in rows]


def links_of_message(s: Session, message_pk: int) -> list[tuple[int, LinkValue]]:
    rows = s.execute(select(IncidentLinkRow).where(IncidentLinkRow.message_pk == message_pk)).scalars().all()
    return [(r.incident_id, _link(r)) for r in rows]


def checks_for(s: Session, incident_id: int) -> list[CheckValue]:
    rows = s.execute(select(ClaimCheckRow).where(ClaimCheckRow.incident_id == incident_id)
                     .order_by(ClaimCheckRow.id)).scalars().all()
    return [_check(r) for r in rows]


def _check(r: ClaimCheckRow) -> CheckValue:
    return CheckValue(r.id or 0, r.incident_id, r.claimant_id, r.claimant, r.claimed_at, r.due_at, r.state)


def due_checks(s: Session, now: datetime, limit: int = 500) -> list[CheckValue]:
    rows = s.execute(select(ClaimCheckRow).where(ClaimCheckRow.state == "pending", ClaimCheckRow.due_at <= now)
                     .order_by(ClaimCheckRow.due_at, ClaimCheckRow.id).limit(limit)).scalars().all()
    return [_check(r) for r in rows]


def next_due(s: Session) -> datetime | None:
    value = s.execute(select(func.min(ClaimCheckRow.due_at)).where(ClaimCheckRow.state == "pending")).scalar_one()
    return value  # type: ignore[no-any-return]


def actor_states(s: Session) -> dict[str, ActorState]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for actor_id, alias in s.execute(select(ActorAliasRow.actor_id, ActorAliasRow.alias).order_by(ActorAliasRow.id)).all():
        aliases[actor_id].append(alias)
    out = {}
    for r in s.execute(select(ActorRow)).scalars().all():
        out[r.id] = ActorState(r.id, r.name, r.kind, r.parent, r.known, r.first_seen, r.last_claim_at, r.claims,
                               tuple(aliases.get(r.id, ())))
    return out


def learned_aliases(s: Session) -> list[tuple[str, str]]:
    """Aliases taught in chat: (alias, actor id)."""
    return [(a, i) for a, i in s.execute(select(ActorAliasRow.alias, ActorAliasRow.actor_id)
                                         .where(ActorAliasRow.origin == "taught")).all()]


# -- writing ----------------------------------------------------------------------------------

def apply_changes(s: Session, changes: Sequence[Change]) -> tuple[dict[int, int], list[AlertValue]]:
    """Apply changes in order. Returns the ids given to new incidents (by ref) and the alerts
    that were new (an alert whose key was raised before is skipped)."""
    ids: dict[int, int] = {}
    raised: list[AlertValue] = []

    def real(ref: int) -> int:
        return ids.get(ref, ref)

    for change in changes:
        if isinstance(change, NewIncident):
            row = IncidentRow(
                event_time=change.event_time, time_precision=change.time_precision, place_id=change.place_id,
                place=change.place, lat=change.lat, lon=change.lon, geo_precision=change.geo_precision,
                cell=change.cell, target=change.target, weapon=change.weapon, description=change.description,
                origin=change.origin, first_seen=change.at, updated_at=change.at, status="claimed", grade="weak",
                reasons=[],
            )
            s.add(row)
            s.flush()
            ids[change.ref] = row.id or 0
            s.add(IncidentEventRow(incident_id=row.id or 0, at=change.at, change=f"created ({change.origin})"))
        elif isinstance(change, NewLink):
            incident_id = real(change.incident)
            lv = change.link
            exists = s.execute(select(IncidentLinkRow.id).where(
                IncidentLinkRow.incident_id == incident_id, IncidentLinkRow.message_pk == change.message_pk,
                IncidentLinkRow.role == lv.role,
                IncidentLinkRow.statement_idx == lv.statement_idx if lv.statement_idx is not None
                else IncidentLinkRow.statement_idx.is_(None),  # type: ignore[union-attr]
            )).first()
            if exists is not None:
                continue  # reprocessing after a crash: the link is already there
            s.add(IncidentLinkRow(
                incident_id=incident_id, message_pk=change.message_pk, statement_idx=lv.statement_idx, role=lv.role,
                stance_detail=lv.stance_detail, speaker_id=lv.speaker_id, speaker=lv.speaker,
                subject_id=lv.subject_id, subject=lv.subject, subject_as_written=lv.subject_as_written,
                source=lv.source, source_role=lv.source_role, network=lv.network, bloc=lv.bloc,
                fingerprint=lv.fingerprint, at=lv.at, killed=lv.killed, wounded=lv.wounded,
                casualties=lv.casualties, withdrawn=lv.withdrawn, superseded=lv.superseded, score=lv.score,
                reasons=list(lv.reasons), ambiguous=lv.ambiguous, linked_at=utcnow(),
            ))
        elif isinstance(change, IncidentUpdate):
            row_u = s.get(IncidentRow, real(change.incident))
            if row_u is None:
                continue
            if change.status:  # an update without a status only adds its note to the history
                row_u.status, row_u.grade, row_u.reasons = change.status, change.grade, list(change.reasons)
            row_u.updated_at = max(row_u.updated_at, change.at)
            if change.corroborated_at and row_u.corroborated_at is None:
                row_u.corroborated_at = change.corroborated_at
            for key, value in change.fields.items():
                setattr(row_u, key, value)
            if change.change:
                s.add(IncidentEventRow(incident_id=row_u.id or 0, at=change.at, change=change.change))
        elif isinstance(change, MergeIncident):
            _merge(s, change.source, real(change.into), change.at)
        elif isinstance(change, WithdrawMessage):
            s.execute(update(IncidentLinkRow).where(IncidentLinkRow.message_pk == change.message_pk)
                      .values(withdrawn=True))
        elif isinstance(change, MarkSuperseded):
            s.execute(update(IncidentLinkRow).where(
                IncidentLinkRow.incident_id == real(change.incident), IncidentLinkRow.role == "claim",
                IncidentLinkRow.withdrawn.is_(True), IncidentLinkRow.subject_id != change.by,  # type: ignore[attr-defined]
            ).values(superseded=True))
        elif isinstance(change, CheckUpsert):
            incident_id = real(change.incident)
            row_c = s.execute(select(ClaimCheckRow).where(
                ClaimCheckRow.incident_id == incident_id, ClaimCheckRow.claimant_id == change.claimant_id,
            )).scalar_one_or_none()
            if row_c is None:
                s.add(ClaimCheckRow(incident_id=incident_id, claimant_id=change.claimant_id, claimant=change.claimant,
                                    claimed_at=change.claimed_at, due_at=change.due_at))
            elif change.due_at < row_c.due_at and row_c.state == "pending":
                row_c.due_at, row_c.claimed_at = change.due_at, change.claimed_at
        elif isinstance(change, CheckState):
            s.execute(update(ClaimCheckRow).where(ClaimCheckRow.incident_id == real(change.incident),
                                                  ClaimCheckRow.claimant_id == change.claimant_id)
                      .values(state=change.state))
        elif isinstance(change, ActorSeen):
            _actor_seen(s, change)
        elif isinstance(change, AlertValue):
            alert = change
            if alert.incident is not None:
                from dataclasses import replace

                incident_id = real(alert.incident)
                alert = replace(alert, incident=incident_id, text=alert.text.replace(INCIDENT_MARK, str(incident_id)))
            if add_alert_row(s, alert):
                raised.append(alert)
    s.flush()
    return ids, raised


def _merge(s: Session, source: int, into: int, at: datetime) -> None:
    if source == into or s.get(IncidentRow, source) is None or s.get(IncidentRow, into) is None:
        return
    s.flush()
    s.execute(update(IncidentLinkRow).where(IncidentLinkRow.incident_id == source).values(incident_id=into))
    s.execute(update(StatementRow).where(StatementRow.incident_id == source).values(incident_id=into))
    s.execute(update(AlertRow).where(AlertRow.incident_id == source).values(incident_id=into))
    s.execute(update(IncidentEventRow).where(IncidentEventRow.incident_id == source).values(incident_id=into))
    held = set(s.execute(select(ClaimCheckRow.claimant_id).where(ClaimCheckRow.incident_id == into)).scalars().all())
    for check in s.execute(select(ClaimCheckRow).where(ClaimCheckRow.incident_id == source)).scalars().all():
        if check.claimant_id in held:
            s.delete(check)  # the claimant's check on the surviving incident stands
        else:
            check.incident_id = into
    s.flush()
    s.execute(delete(IncidentRow).where(IncidentRow.id == source))
    s.add(IncidentEventRow(incident_id=into, at=at, change=f"merged incident #{source} into this one"))


def _actor_seen(s: Session, change: ActorSeen) -> None:
    row = s.get(ActorRow, change.id)
    if row is None:
        row = ActorRow(id=change.id, name=change.name, kind=change.kind, parent=change.parent, known=change.known,
                       first_seen=change.at)
        s.add(row)
        s.flush()
    if change.claim:
        row.claims += 1
        if row.last_claim_at is None or change.at > row.last_claim_at:
            row.last_claim_at = change.at
    if change.alias:
        from classifiers.normalize import name_key

        exists = s.execute(select(ActorAliasRow.id).where(ActorAliasRow.actor_id == change.id,
                                                          ActorAliasRow.alias == change.alias)).first()
        if exists is None:
            s.add(ActorAliasRow(actor_id=change.id, alias=change.alias, norm=name_key(change.alias),
                                origin="seen", first_seen=change.at, first_message=change.message))


def teach_alias(s: Session, alias: str, actor_id: str, name: str, kind: str, known: bool) -> None:
    """Record an alias taught in chat; if the alias was a discovered actor of its own, fold it in."""
    from classifiers.names import slug
    from classifiers.normalize import name_key

    if s.get(ActorRow, actor_id) is None:
        s.add(ActorRow(id=actor_id, name=name, kind=kind, known=known, first_seen=utcnow()))
        s.flush()
    existing = s.execute(select(ActorAliasRow).where(ActorAliasRow.actor_id == actor_id,
                                                      ActorAliasRow.alias == alias)).scalar_one_or_none()
    if existing is not None:
        existing.origin = "taught"
    else:
        s.add(ActorAliasRow(actor_id=actor_id, alias=alias, norm=name_key(alias), origin="taught", first_seen=utcnow()))
    stray = s.get(ActorRow, slug(alias))
    if stray is not None and not stray.known and stray.id != actor_id:
        s.execute(update(ActorAliasRow).where(ActorAliasRow.actor_id == stray.id).values(actor_id=actor_id))
        s.execute(update(IncidentLinkRow).where(IncidentLinkRow.subject_id == stray.id)
                  .values(subject_id=actor_id, subject=name))
        s.execute(delete(ActorRow).where(ActorRow.id == stray.id))


def mark_known(s: Session, actor_id: str) -> None:
    """``/known NAME``: a discovered name is no longer new."""
    s.execute(update(ActorRow).where(ActorRow.id == actor_id).values(known=True))


def claims_by_actor(s: Session) -> dict[str, tuple[int, int]]:
    """Per claimant: (incidents claimed, of which corroborated or contested with corroboration)."""
    rows = s.execute(
        select(IncidentLinkRow.subject_id, IncidentRow.id, IncidentRow.status)
        .join(IncidentRow, IncidentRow.id == IncidentLinkRow.incident_id)
        .where(IncidentLinkRow.role == "claim", IncidentLinkRow.withdrawn.is_(False))  # type: ignore[attr-defined]
    ).all()
    seen: dict[str, dict[int, str]] = defaultdict(dict)
    for subject_id, incident_id, status in rows:
        if subject_id:
            seen[subject_id][incident_id] = status
    return {k: (len(v), sum(1 for st in v.values() if st in ("corroborated", "contested"))) for k, v in seen.items()}


class IncidentTx:
    """The incident engine's view of one open transaction: the reads it needs, ``apply`` for
    its changes, and ``boundary`` (a SAVEPOINT) so one message's failure undoes only its own
    changes. The session itself stays inside ``storage``."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def candidates(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                   subject_ids: Sequence[str], any_place: bool = False) -> list[IncidentValue]:
        return candidates(self._s, t0, t1, place_ids, cells, subject_ids, any_place=any_place)

    def incidents_between(self, t0: datetime, t1: datetime) -> list[IncidentValue]:
        return incidents_between(self._s, t0, t1)

    def checks_for(self, incident_id: int) -> list[CheckValue]:
        return checks_for(self._s, incident_id)

    def load_links(self, incident_id: int) -> list[LinkValue]:
        return load_links(self._s, incident_id)

    def fingerprints_from(self, incident_id: int, source: str, role: str) -> list[int]:
        return fingerprints_from(self._s, incident_id, source, role)

    def lean_incident(self, incident_id: int) -> IncidentValue | None:
        return lean_incident(self._s, incident_id)

    def claim_links_by_source(self, incident_id: int) -> list[LinkValue]:
        return claim_links_by_source(self._s, incident_id)

    def get_incident(self, incident_id: int) -> IncidentValue | None:
        return get_incident(self._s, incident_id)

    def due_checks(self, now: datetime) -> list[CheckValue]:
        return due_checks(self._s, now)

    def next_due(self) -> datetime | None:
        return next_due(self._s)

    def links_of_message(self, message_pk: int) -> list[tuple[int, LinkValue]]:
        return links_of_message(self._s, message_pk)

    def actor_states(self) -> dict[str, ActorState]:
        return actor_states(self._s)

    def apply(self, changes: Sequence[Change]) -> tuple[dict[int, int], list[AlertValue]]:
        return apply_changes(self._s, changes)

    def boundary(self) -> Any:
        return self._s.begin_nested()
