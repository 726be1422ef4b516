"""Writing incidents: the engine's batch of changes, applied in order inside the caller's
transaction, and the actor changes taught in chat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from storage.incident_changes import (
    INCIDENT_MARK,
    ActorSeen,
    Change,
    CheckState,
    CheckUpsert,
    IncidentUpdate,
    MarkSuperseded,
    MergeIncident,
    NewIncident,
    NewLink,
    WithdrawMessage,
)
from storage.rows import add_alert_row, utcnow
from storage.tables import (
    ActorAliasRow,
    ActorRow,
    AlertRow,
    ClaimCheckRow,
    IncidentEventRow,
    IncidentLinkRow,
    IncidentRow,
    StatementRow,
)
from storage.values import AlertValue


def apply_changes(s: Session, changes: Sequence[Change]) -> tuple[dict[int, int], list[AlertValue]]:
    """Apply changes in order. Returns the ids given to new incidents (by ref) and the alerts
    that were new (an alert whose key was raised before is skipped)."""
    ids: dict[int, int] = {}
    raised: list[AlertValue] = []
    history: list[dict[str, Any]] = []

    def real(ref: int) -> int:
        return ids.get(ref, ref)

    for change in changes:
        if isinstance(change, NewIncident):
            new_id = s.execute(insert(_INCIDENTS).returning(_INCIDENTS.c.id), [dict(
                event_time=change.event_time, time_precision=change.time_precision, place_id=change.place_id,
                place=change.place, lat=change.lat, lon=change.lon, geo_precision=change.geo_precision,
                cell=change.cell, target=change.target, weapon=change.weapon, description=change.description,
                origin=change.origin, first_seen=change.at, updated_at=change.at, status="claimed", grade="weak",
                reasons=[], corroborated_at=None)]).scalar_one()
            ids[change.ref] = new_id
            history.append({"incident_id": new_id, "at": change.at, "change": f"created ({change.origin})"})
        elif isinstance(change, NewLink):
            incident_id = real(change.incident)
            lv = change.link
            exists = s.execute(select(_LINKS.c.id).where(
                _LINKS.c.incident_id == incident_id, _LINKS.c.message_pk == change.message_pk,
                _LINKS.c.role == lv.role,
                _LINKS.c.statement_idx == lv.statement_idx if lv.statement_idx is not None
                else _LINKS.c.statement_idx.is_(None),
            ).limit(1)).first()
            if exists is not None:
                continue  # reprocessing after a crash: the link is already there
            s.execute(insert(_LINKS), [dict(
                incident_id=incident_id, message_pk=change.message_pk, statement_idx=lv.statement_idx, role=lv.role,
                stance_detail=lv.stance_detail, speaker_id=lv.speaker_id, speaker=lv.speaker,
                subject_id=lv.subject_id, subject=lv.subject, subject_as_written=lv.subject_as_written,
                source=lv.source, source_role=lv.source_role, network=lv.network, bloc=lv.bloc,
                fingerprint=lv.fingerprint, at=lv.at, killed=lv.killed, wounded=lv.wounded,
                casualties=lv.casualties, withdrawn=lv.withdrawn, superseded=lv.superseded, score=lv.score,
                reasons=list(lv.reasons), ambiguous=lv.ambiguous, linked_at=utcnow(),
            )])
        elif isinstance(change, IncidentUpdate):
            incident_id = real(change.incident)
            values: dict[str, Any] = dict(change.fields)
            if change.status:  # an update without a status only adds its note to the history
                values.update(status=change.status, grade=change.grade, reasons=list(change.reasons))
            values["updated_at"] = case((_INCIDENTS.c.updated_at < change.at, change.at),
                                        else_=_INCIDENTS.c.updated_at)
            if change.corroborated_at:
                values["corroborated_at"] = func.coalesce(_INCIDENTS.c.corroborated_at, change.corroborated_at)
            if s.execute(update(_INCIDENTS).where(_INCIDENTS.c.id == incident_id).values(**values)).rowcount == 0:
                continue
            if change.change:
                history.append({"incident_id": incident_id, "at": change.at, "change": change.change})
        elif isinstance(change, MergeIncident):
            _flush_history(s, history)
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
            checks = _table(ClaimCheckRow)
            found = s.execute(select(checks.c.id, checks.c.due_at, checks.c.state).where(
                checks.c.incident_id == incident_id, checks.c.claimant_id == change.claimant_id)).first()
            if found is None:
                s.execute(insert(checks), [dict(incident_id=incident_id, claimant_id=change.claimant_id,
                                                claimant=change.claimant, claimed_at=change.claimed_at,
                                                due_at=change.due_at, state="pending")])
            elif change.due_at < found.due_at and found.state == "pending":
                s.execute(update(checks).where(checks.c.id == found.id)
                          .values(due_at=change.due_at, claimed_at=change.claimed_at))
        elif isinstance(change, CheckState):
            s.execute(update(ClaimCheckRow).where(ClaimCheckRow.incident_id == real(change.incident),
                                                  ClaimCheckRow.claimant_id == change.claimant_id)
                      .values(state=change.state))
        elif isinstance(change, ActorSeen):
            _actor_seen(s, change)
        elif isinstance(change, AlertValue):
            alert = change
            if alert.incident is not None:
                incident_id = real(alert.incident)
                alert = replace(alert, incident=incident_id, text=alert.text.replace(INCIDENT_MARK, str(incident_id)))
            if add_alert_row(s, alert):
                raised.append(alert)
    _flush_history(s, history)
    s.flush()
    return ids, raised


def _flush_history(s: Session, history: list[dict[str, Any]]) -> None:
    """The history notes of a batch go in with one executemany."""
    if history:
        s.execute(insert(_table(IncidentEventRow)), history)
        history.clear()


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
    """One statement for an actor seen before (the claim counted), two for a new one; the
    spelling is inserted unless the actor already has it (ON CONFLICT DO NOTHING)."""
    from classifiers.normalize import name_key

    actors, aliases = _table(ActorRow), _table(ActorAliasRow)
    counted = 0
    if change.claim:
        counted = s.execute(update(actors).where(actors.c.id == change.id).values(
            claims=actors.c.claims + 1,
            last_claim_at=case((or_(actors.c.last_claim_at.is_(None), actors.c.last_claim_at < change.at), change.at),
                               else_=actors.c.last_claim_at))).rowcount
    if not counted:
        _insert_missing(s, actors, dict(
            id=change.id, name=change.name, kind=change.kind, parent=change.parent, known=change.known,
            first_seen=change.at, last_claim_at=change.at if change.claim else None, claims=1 if change.claim else 0,
        ), ["id"])
    if change.alias:
        _insert_missing(s, aliases, dict(actor_id=change.id, alias=change.alias, norm=name_key(change.alias),
                                         origin="seen", first_seen=change.at, first_message=change.message),
                        ["actor_id", "alias"])


def _insert_missing(s: Session, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, in the dialect's words."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    s.execute(dialect.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys))


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


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


# Core statements on the tables, not the mapped classes: no ORM objects to build, track and
# flush on the linking path (a claim costs a few statements, not a few flushes)
_INCIDENTS = _table(IncidentRow)
_LINKS = _table(IncidentLinkRow)
