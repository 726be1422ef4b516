"""Writing incidents: the engine's batch of changes, applied in order inside the caller's
transaction, and the actor changes taught in chat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam, case, delete, func, insert, or_, select, update
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
from storage.incident_values import CheckValue
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


@dataclass
class Deferred:
    """Writes held back until something reads what they change (``flush_deferred``): a batch's
    links, status updates of incidents, states of claim checks settled and spellings of actors
    seen, each a statement a message or a due check, go in with one executemany each (on
    PostgreSQL one round trip instead of one a message).

    ``updates``: per incident, one UPDATE that does what those applied since the last flush
    would have done in turn (the latest status, the latest time, the first corroboration);
    only incidents in ``alive`` are held (known to exist in this transaction, so the update
    hits its row and its history note stands). ``links`` and ``aliases``: the inserts, in
    order. ``states``: the checks' new states, in order (a check's state is read from the
    database only by the reads of checks, which write these first)."""

    alive: set[int] = field(default_factory=set)
    updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)

    def holds(self, ids: Iterable[int]) -> bool:
        """Whether a status update, a link or a check's state of one of the incidents ``ids`` is held."""
        wanted = set(ids)
        return any(i in self.updates for i in wanted) or any(v["incident_id"] in wanted for v in self.links) or any(
            v["b_incident_id"] in wanted for v in self.states)

    def hold_update(self, incident_id: int, change: IncidentUpdate) -> None:
        held = self.updates.setdefault(incident_id, {"b_id": incident_id, "b_at": change.at})
        if held["b_at"] < change.at:
            held["b_at"] = change.at
        if change.status:
            held.update(b_status=change.status, b_grade=change.grade, b_reasons=list(change.reasons))
        if change.corroborated_at is not None and held.get("b_corroborated_at") is None:
            held["b_corroborated_at"] = change.corroborated_at


def flush_deferred(s: Session, deferred: Deferred | None, updates: bool = True, spellings: bool = True,
                   links: bool = True, states: bool = True) -> None:
    """Write what ``deferred`` holds: the links, the updates (one executemany per statement
    shape), the checks' states and the spellings (each flag false leaves its kind held: a read
    of links needs only the links, a read of checks only their states)."""
    if deferred is None:
        return
    if links and deferred.links:  # in the order they were applied: the same ids as one at a time
        s.connection().execute(_NEW_LINK, deferred.links)
        deferred.links.clear()
    if states and deferred.states:  # in order: a check settled twice ends as the last one left it
        s.connection().execute(_CHECK_STATE, deferred.states)
        deferred.states.clear()
    if updates and deferred.updates:
        shapes: dict[tuple[bool, bool], list[dict[str, Any]]] = {}
        for held in deferred.updates.values():
            shapes.setdefault(("b_status" in held, "b_corroborated_at" in held), []).append(held)
        conn = s.connection()
        for (status, corroborated), rows in shapes.items():
            conn.execute(_incident_update((), status, corroborated), rows)
        deferred.updates.clear()
    if spellings and deferred.aliases:
        s.connection().execute(_insert_ignoring(s.get_bind().dialect.name, _ALIASES.name, ("actor_id", "alias")),
                               deferred.aliases)
        deferred.aliases.clear()


def apply_changes(s: Session, changes: Sequence[Change], unlinked: set[int] | None = None,
                  linked: list[tuple[int, NewLink]] | None = None,
                  spellings: set[tuple[str, str]] | None = None,
                  notes: list[dict[str, Any]] | None = None,
                  checks: dict[int, list[CheckValue]] | None = None,
                  claims: dict[str, tuple[int, datetime | None]] | None = None,
                  deferred: Deferred | None = None,
                  pending: dict[int, CheckValue] | None = None,
                  fresh: dict[int, set[tuple[int, str, int | None]]] | None = None,
                  ) -> tuple[dict[int, int], list[AlertValue]]:
    """Apply changes in order. Returns the ids given to new incidents (by ref) and the alerts
    that were new (an alert whose key was raised before is skipped). ``unlinked``: messages
    known to have no link yet (stored in this transaction), whose first link needs no check that
    it is already there; each leaves the set when it is linked. ``linked`` is given each link
    inserted, with its incident's id (a link already there is not). ``spellings``: (actor id,
    alias) pairs known to be stored, whose insert is left out; each one stored is added.
    ``notes``: the caller's history notes not yet inserted; this call's notes are added to it
    for the caller to insert later with ``flush_history`` (without it they go in before this
    returns). A merge inserts them first, since it moves history between incidents. ``checks``:
    the claim checks of incidents as the caller holds them: a check upserted on one of those is
    found there, not read, and the list is kept as the database now has it. ``claims``: the
    actors known stored, with the claims counted for them and not yet written (``flush_claims``):
    a claim of one of those is added there instead of an UPDATE a claim. ``deferred``: links,
    status updates and spellings are held there for the caller to write later
    (``flush_deferred``). ``pending``: every pending check (by id), as the caller holds them, kept
    as the database now has them (a merge, which moves and deletes checks, is left to the caller:
    it must read them again). ``fresh``: per message of ``unlinked`` linked since, the (incident,
    role, statement) of its links: every link it has, so a further one is known there or not, not
    asked of the database (a merge, which moves links, empties it; so must a rollback)."""
    ids: dict[int, int] = {}
    raised: list[AlertValue] = []
    history: list[dict[str, Any]] = [] if notes is None else notes

    def real(ref: int) -> int:
        return ids.get(ref, ref)

    conn = s.connection()
    for change in changes:
        if isinstance(change, NewIncident):
            new_id = conn.execute(_NEW_INCIDENT, [dict(
                event_time=change.event_time, time_precision=change.time_precision, place_id=change.place_id,
                place=change.place, lat=change.lat, lon=change.lon, geo_precision=change.geo_precision,
                cell=change.cell, target=change.target, weapon=change.weapon, description=change.description,
                origin=change.origin, first_seen=change.at, updated_at=change.at, status="claimed", grade="weak",
                reasons=[], corroborated_at=None)]).scalar_one()
            ids[change.ref] = new_id
            if deferred is not None:
                deferred.alive.add(new_id)
            history.append({"incident_id": new_id, "at": change.at, "change": f"created ({change.origin})"})
        elif isinstance(change, NewLink):
            incident_id = real(change.incident)
            lv = change.link
            key = (incident_id, lv.role, lv.statement_idx)
            if unlinked is not None and change.message_pk in unlinked:
                unlinked.discard(change.message_pk)
                if fresh is not None:
                    fresh[change.message_pk] = {key}
            elif fresh is not None and change.message_pk in fresh:
                if key in fresh[change.message_pk]:
                    continue  # linked so before, in this transaction
                fresh[change.message_pk].add(key)
            else:
                flush_deferred(s, deferred)  # the links held are part of what it asks
                if conn.execute(_LINK_EXISTS if lv.statement_idx is not None else _LINK_EXISTS_WHOLE, {
                        "incident_id": incident_id, "message_pk": change.message_pk, "role": lv.role,
                        "statement_idx": lv.statement_idx}).first() is not None:
                    continue  # reprocessing after a crash: the link is already there
            values = dict(
                incident_id=incident_id, message_pk=change.message_pk, statement_idx=lv.statement_idx, role=lv.role,
                stance_detail=lv.stance_detail, speaker_id=lv.speaker_id, speaker=lv.speaker,
                subject_id=lv.subject_id, subject=lv.subject, subject_as_written=lv.subject_as_written,
                source=lv.source, source_role=lv.source_role, network=lv.network, bloc=lv.bloc,
                fingerprint=lv.fingerprint, at=lv.at, killed=lv.killed, wounded=lv.wounded,
                casualties=lv.casualties, withdrawn=lv.withdrawn, superseded=lv.superseded, score=lv.score,
                reasons=list(lv.reasons), ambiguous=lv.ambiguous, linked_at=utcnow(),
            )
            if deferred is not None:
                deferred.links.append(values)
            else:
                conn.execute(_NEW_LINK, [values])
            if linked is not None:
                linked.append((incident_id, change))
        elif isinstance(change, IncidentUpdate):
            incident_id = real(change.incident)
            if deferred is not None and not change.fields and incident_id in deferred.alive:
                deferred.hold_update(incident_id, change)  # the row is there: its note stands
                if change.change:
                    history.append({"incident_id": incident_id, "at": change.at, "change": change.change})
                continue
            params: dict[str, Any] = {f"v_{k}": v for k, v in change.fields.items()}
            params.update(b_id=incident_id, b_at=change.at, b_corroborated_at=change.corroborated_at)
            if change.status:  # an update without a status only adds its note to the history
                params.update(b_status=change.status, b_grade=change.grade, b_reasons=list(change.reasons))
            statement = _incident_update(tuple(sorted(change.fields)), bool(change.status),
                                         change.corroborated_at is not None)
            if conn.execute(statement, params).rowcount == 0:
                continue
            if change.change:
                history.append({"incident_id": incident_id, "at": change.at, "change": change.change})
        elif isinstance(change, MergeIncident):
            if fresh is not None:
                fresh.clear()  # links move to another incident: their messages are asked again
            flush_deferred(s, deferred)
            if deferred is not None:
                deferred.alive.discard(change.source)
            flush_history(s, history)
            _merge(s, change.source, real(change.into), change.at, history)
        elif isinstance(change, WithdrawMessage):
            flush_deferred(s, deferred)
            s.execute(update(IncidentLinkRow).where(IncidentLinkRow.message_pk == change.message_pk)
                      .values(withdrawn=True))
        elif isinstance(change, MarkSuperseded):
            flush_deferred(s, deferred)
            s.execute(update(IncidentLinkRow).where(
                IncidentLinkRow.incident_id == real(change.incident), IncidentLinkRow.role == "claim",
                IncidentLinkRow.withdrawn.is_(True), IncidentLinkRow.subject_id != change.by,  # type: ignore[attr-defined]
            ).values(superseded=True))
        elif isinstance(change, CheckUpsert):
            if deferred is not None and (checks is None or real(change.incident) not in checks):
                flush_deferred(s, deferred, updates=False, spellings=False, links=False)  # it reads a state
            _upsert_check(conn, change, real(change.incident), checks, pending)
        elif isinstance(change, CheckState):
            incident_id = real(change.incident)
            state = {"b_incident_id": incident_id, "b_claimant_id": change.claimant_id, "b_state": change.state}
            if deferred is not None:
                deferred.states.append(state)
            else:
                conn.execute(_CHECK_STATE, state)
            kept = checks.get(incident_id) if checks is not None else None
            if kept is not None:  # as the database now has them
                kept[:] = [replace(c, state=change.state) if c.claimant_id == change.claimant_id else c for c in kept]
            if pending is not None and change.state != "pending":  # (back to pending: the caller reads them again)
                for c in [c for c in pending.values()
                          if c.incident_id == incident_id and c.claimant_id == change.claimant_id]:
                    del pending[c.id]
        elif isinstance(change, ActorSeen):
            _actor_seen(s, conn, change, spellings, claims, deferred)
        elif isinstance(change, AlertValue):
            alert = change
            if alert.incident is not None:
                incident_id = real(alert.incident)
                alert = replace(alert, incident=incident_id, text=alert.text.replace(INCIDENT_MARK, str(incident_id)))
            if add_alert_row(conn, alert):
                raised.append(alert)
    if notes is None:
        flush_history(s, history)
    s.flush()
    return ids, raised


def _upsert_check(conn: Connection, change: CheckUpsert, incident_id: int,
                  checks: dict[int, list[CheckValue]] | None, pending: dict[int, CheckValue] | None = None) -> None:
    """A claimant's check on an incident: inserted, or brought forward when it was due later
    (``pending``, every pending check, kept as the database has them)."""
    kept = checks.get(incident_id) if checks is not None else None
    if kept is not None:
        check: Any = next((c for c in kept if c.claimant_id == change.claimant_id), None)
    else:
        check = conn.execute(_CHECK_FIND, {"incident_id": incident_id, "claimant_id": change.claimant_id}).first()
    if check is None:
        new_id = conn.execute(_NEW_CHECK, dict(incident_id=incident_id, claimant_id=change.claimant_id,
                                               claimant=change.claimant, claimed_at=change.claimed_at,
                                               due_at=change.due_at, state="pending")).scalar_one()
        new = CheckValue(new_id, incident_id, change.claimant_id, change.claimant,  # as read back: in UTC
                         change.claimed_at.astimezone(UTC), change.due_at.astimezone(UTC), "pending")
        if kept is not None:
            kept.append(new)
        if pending is not None:
            pending[new_id] = new
    elif change.due_at < check.due_at and check.state == "pending":
        conn.execute(update(_CHECKS).where(_CHECKS.c.id == check.id)
                     .values(due_at=change.due_at, claimed_at=change.claimed_at))
        if kept is not None:
            kept[kept.index(check)] = replace(check, claimed_at=change.claimed_at.astimezone(UTC),
                                              due_at=change.due_at.astimezone(UTC))
        if pending is not None:  # it was pending: it is held there
            pending[check.id] = replace(pending[check.id], claimed_at=change.claimed_at.astimezone(UTC),
                                        due_at=change.due_at.astimezone(UTC))


def flush_claims(s: Session, claims: dict[str, tuple[int, datetime | None]]) -> None:
    """The claims counted in memory go in with one executemany (the actors stay known stored)."""
    counted = [actor_id for actor_id, (n, _) in claims.items() if n]
    if counted:
        s.connection().execute(_ACTOR_CLAIMED, [{"b_id": actor_id, "b_n": claims[actor_id][0],
                                                 "b_at": claims[actor_id][1]} for actor_id in counted])
        claims.update((actor_id, (0, None)) for actor_id in counted)


def flush_history(s: Session, history: list[dict[str, Any]]) -> None:
    """History notes go in with one executemany (and leave the list)."""
    if history:
        s.connection().execute(_NEW_HISTORY, history)
        history.clear()


def _merge(s: Session, source: int, into: int, at: datetime, history: list[dict[str, Any]]) -> None:
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
    history.append({"incident_id": into, "at": at, "change": f"merged incident #{source} into this one"})


def _actor_seen(s: Session, conn: Connection, change: ActorSeen, spellings: set[tuple[str, str]] | None,
                claims: dict[str, tuple[int, datetime | None]] | None, deferred: Deferred | None = None) -> None:
    """One statement for an actor seen before (the claim counted), two for a new one, none for
    one ``claims`` holds (the claim is added there); the spelling is inserted unless the actor
    already has it (ON CONFLICT DO NOTHING; no statement when ``spellings`` says it is stored)."""
    from classifiers.normalize import name_key

    if claims is not None and change.id in claims:
        if change.claim:
            n, latest = claims[change.id]
            claims[change.id] = (n + 1, change.at if latest is None or latest < change.at else latest)
    else:
        counted = 0
        if change.claim:
            counted = conn.execute(_ACTOR_CLAIMED, {"b_id": change.id, "b_at": change.at, "b_n": 1}).rowcount
        if not counted:
            _insert_missing(s, _ACTORS, dict(
                id=change.id, name=change.name, kind=change.kind, parent=change.parent, known=change.known,
                first_seen=change.at, last_claim_at=change.at if change.claim else None,
                claims=1 if change.claim else 0,
            ), ("id",))
        if claims is not None:
            claims[change.id] = (0, None)  # stored now: its next claims are counted in memory
    if change.alias and (spellings is None or (change.id, change.alias) not in spellings):
        values = dict(actor_id=change.id, alias=change.alias, norm=name_key(change.alias), origin="seen",
                      first_seen=change.at, first_message=change.message)
        if deferred is not None:
            deferred.aliases.append(values)  # nothing reads the spellings before ``flush_deferred``
        else:
            _insert_missing(s, _ALIASES, values, ("actor_id", "alias"))
        if spellings is not None:
            spellings.add((change.id, change.alias))


def _insert_missing(s: Session, table: Table, values: dict[str, Any], keys: tuple[str, ...]) -> None:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, in the dialect's words."""
    s.connection().execute(_insert_ignoring(s.get_bind().dialect.name, table.name, keys), values)


@lru_cache(maxsize=16)
def _insert_ignoring(dialect_name: str, table_name: str, keys: tuple[str, ...]) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    table = {_ACTORS.name: _ACTORS, _ALIASES.name: _ALIASES}[table_name]
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))


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


# Core statements on the tables, not the mapped classes, built once with bound parameters: no
# ORM objects to build, track and flush, no statement and cache key to build per claim
_INCIDENTS = _table(IncidentRow)
_LINKS = _table(IncidentLinkRow)
_CHECKS = _table(ClaimCheckRow)
_ACTORS = _table(ActorRow)
_ALIASES = _table(ActorAliasRow)
_NEW_INCIDENT = insert(_INCIDENTS).returning(_INCIDENTS.c.id)
_NEW_LINK = insert(_LINKS)
_NEW_HISTORY = insert(_table(IncidentEventRow))
_NEW_CHECK = insert(_CHECKS).returning(_CHECKS.c.id)
_LINK_EXISTS = select(_LINKS.c.id).where(
    _LINKS.c.incident_id == bindparam("incident_id"), _LINKS.c.message_pk == bindparam("message_pk"),
    _LINKS.c.role == bindparam("role"), _LINKS.c.statement_idx == bindparam("statement_idx")).limit(1)
_LINK_EXISTS_WHOLE = select(_LINKS.c.id).where(
    _LINKS.c.incident_id == bindparam("incident_id"), _LINKS.c.message_pk == bindparam("message_pk"),
    _LINKS.c.role == bindparam("role"), _LINKS.c.statement_idx.is_(None)).limit(1)
# a claim check settled: one a claim (an ORM update, evaluated against the session's objects,
# cost more Python than running it; a merge, which loads checks as objects, writes only their
# incident)
_CHECK_STATE = update(_CHECKS).where(
    _CHECKS.c.incident_id == bindparam("b_incident_id"), _CHECKS.c.claimant_id == bindparam("b_claimant_id")).values(
    state=bindparam("b_state"))
_CHECK_FIND = select(_CHECKS.c.id, _CHECKS.c.due_at, _CHECKS.c.state).where(
    _CHECKS.c.incident_id == bindparam("incident_id"), _CHECKS.c.claimant_id == bindparam("claimant_id"))
_ACTOR_AT: Any = bindparam("b_at", type_=_ACTORS.c.last_claim_at.type)
_ACTOR_CLAIMED = update(_ACTORS).where(_ACTORS.c.id == bindparam("b_id")).values(
    claims=_ACTORS.c.claims + bindparam("b_n", type_=_ACTORS.c.claims.type),
    last_claim_at=case((or_(_ACTORS.c.last_claim_at.is_(None), _ACTORS.c.last_claim_at < _ACTOR_AT), _ACTOR_AT),
                       else_=_ACTORS.c.last_claim_at))


@lru_cache(maxsize=64)
def _incident_update(fields: tuple[str, ...], status: bool, corroborated: bool) -> Any:
    c = _INCIDENTS.c
    at: Any = bindparam("b_at", type_=c.updated_at.type)
    values: dict[str, Any] = {k: bindparam(f"v_{k}", type_=c[k].type) for k in fields}
    if status:
        values.update(status=bindparam("b_status", type_=c.status.type), grade=bindparam("b_grade", type_=c.grade.type),
                      reasons=bindparam("b_reasons", type_=c.reasons.type))
    values["updated_at"] = case((c.updated_at < at, at), else_=c.updated_at)
    if corroborated:
        values["corroborated_at"] = func.coalesce(c.corroborated_at,
                                                  bindparam("b_corroborated_at", type_=c.corroborated_at.type))
    return update(_INCIDENTS).where(c.id == bindparam("b_id")).values(**values)
