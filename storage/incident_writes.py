"""Writing incidents: the engine's batch of changes, applied in order inside the caller's
transaction, and the actor changes taught in chat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import delete, select, update
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

