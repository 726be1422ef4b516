"""The incident engine: links statements to incidents, keeps their status, and raises alerts.

For each stance-bearing message: read candidate incidents (indexed by time, place, grid cell
and subject), score them, decide, then write every change and alert in one transaction. Each
alert key is raised once, across restarts and re-runs (the store refuses a known key).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from bot.config import Config
from bot.durations import format_duration
from bot.incidents import render
from bot.incidents.status import assess
from bot.registry import Registry, SourceInfo
from classifiers.fingerprint import near_duplicate, simhash
from classifiers.gazetteer import Gazetteer
from classifiers.names import same_group, slug
from classifiers.types import ActorRef, Classification, PlaceRef, Statement
from storage import AlertValue, IngestResult, Store
from storage.incidents import (
    ActorSeen,
    ActorState,
    Change,
    CheckState,
    CheckUpsert,
    CheckValue,
    IncidentTx,
    IncidentUpdate,
    IncidentValue,
    LinkValue,
    MarkSuperseded,
    NewIncident,
    NewLink,
    WithdrawMessage,
)
from watchers.archive import effective_time
from watchers.message import Message

log = logging.getLogger("claimwatch.incidents")

FRONT_KINDS = frozenset({"facade"})
THRESHOLD = 0.45
CELL = 0.5  # degrees: the grid used to find nearby incidents


def _needs_linking(result: IngestResult, cls: Classification | None) -> bool:
    """A stored message the engine must look at: a deletion (its links are withdrawn), or a new
    or edited message with a statement, or an event report that names a place."""
    if result.pk is None:
        return False
    if result.status == "deleted":
        return True
    if result.status not in ("new", "edited") or cls is None:
        return False
    return bool(cls.statements) or bool(cls.event_report and cls.places)


def cell_of(lat: float, lon: float) -> str:
    return f"{math.floor(lat / CELL)}:{math.floor(lon / CELL)}"


def cells_near(lat: float, lon: float) -> list[str]:
    y, x = math.floor(lat / CELL), math.floor(lon / CELL)
    return [f"{y + dy}:{x + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


@dataclass
class _Match:
    incident: IncidentValue
    score: float
    reasons: list[str]


class IncidentEngine:
    """Implements ``bot.pipeline.IncidentEngine`` over a store."""

    def __init__(self, store: Store, config: Config, registry: Registry, gazetteer: Gazetteer,
                 simulated: bool, outbox_status: str = "pending") -> None:
        self.store = store
        self.config = config
        self.registry = registry
        self.gz = gazetteer
        self.simulated = simulated
        # "pending": a sender will deliver the alerts; "skipped": recorded only (a replay without
        # --deliver must not leave old alerts for a later daemon to flood the chat with)
        self.outbox_status = outbox_status
        self.kinds = set(config.alerts.kinds)
        if "uncorroborated_claim" in self.kinds:
            self.kinds.add("claim_corroborated")  # the follow-up belongs to the uncorroborated alert
        self.muted: dict[str, datetime] = {}
        self.failures = 0
        self._actors: dict[str, ActorState] | None = None
        self._source_windows = {s.handle: s.uncorroborated_after for s in config.sources if s.uncorroborated_after}

    # -- state ----------------------------------------------------------------------------------

    def _actors_in(self, tx: IncidentTx) -> dict[str, ActorState]:
        if self._actors is None:
            self._actors = tx.actor_states()
        return self._actors

    def reset_cache(self) -> None:
        self._actors = None

    def enabled(self, kind: str, at: datetime) -> bool:
        if kind not in self.kinds:
            return False
        until = self.muted.get(kind)
        return until is None or at >= until

    def _bloc_of_actor(self, actor: ActorRef | None) -> str | None:
        if actor is None:
            return None
        network = self.registry.actor_network(actor.id, actor.kind, actor.known)
        return self.registry.bloc(network) if network else None

    # -- the pipeline interface -------------------------------------------------------------

    def process_in(self, tx: IncidentTx, items: Sequence[tuple[IngestResult, Classification | None]],
                   now: datetime) -> list[AlertValue]:
        """Handle a batch inside an open transaction; one message's failure is rolled back to
        its savepoint, logged with its source and id, and the rest go on."""
        alerts: list[AlertValue] = []
        for result, cls in items:
            if not _needs_linking(result, cls):
                continue  # most messages: no savepoint, no statement to the database
            snapshot = dict(self._actors) if self._actors is not None else None
            try:
                with tx.boundary():
                    alerts.extend(self._process_one(tx, result, cls, now))
            except Exception:
                self._actors = snapshot
                self.failures += 1
                log.exception("incident processing failed for %s/%s; message kept, not linked",
                              result.message.source, result.message.id)
        return alerts

    async def next_due(self) -> datetime | None:
        return await self.store.in_tx(lambda tx: tx.next_due())

    async def sweep(self, now: datetime) -> list[AlertValue]:
        return await self.store.in_tx(lambda tx: self.sweep_in(tx, now))

    def sweep_in(self, tx: IncidentTx, now: datetime) -> list[AlertValue]:
        alerts: list[AlertValue] = []
        for check in tx.due_checks(now):
            alerts.extend(self._check_due(tx, check, now))
        return alerts

    # -- one message --------------------------------------------------------------------------

    def _process_one(self, tx: IncidentTx, result: IngestResult, cls: Classification | None,
                     now: datetime) -> list[AlertValue]:
        msg = result.message
        if result.pk is None or not _needs_linking(result, cls):
            return []
        if result.status == "deleted":
            return self._withdraw(tx, result.pk, msg, now)
        assert cls is not None
        at = self._at(msg, now)
        origin = self.registry.lookup(msg.forwarded_from) if msg.forwarded_from else self.registry.lookup(msg.source)
        fp = simhash(msg.full_text)
        statements: list[Statement] = list(cls.statements)
        report_only = not statements
        if report_only:
            place = next((p for p in cls.places if p.kind == "base"), cls.places[0])
            statements = [Statement(stance="report", place=place)]
        alerts: list[AlertValue] = []
        for idx, st in enumerate(statements):
            alerts.extend(self._statement(tx, result.pk, msg, cls, st, None if report_only else idx, origin, fp, at))
        return alerts

    def _at(self, msg: Message, now: datetime) -> datetime:
        return effective_time(msg) if self.simulated else now

    def _statement(self, tx: IncidentTx, pk: int, msg: Message, cls: Classification, st: Statement,
                   idx: int | None, origin: SourceInfo, fp: int, at: datetime) -> list[AlertValue]:
        event_time, precision = self._event_time(st, msg)
        if precision == "day":
            t0, t1 = event_time - timedelta(hours=36), event_time + timedelta(hours=36)
        else:
            t0, t1 = event_time - timedelta(days=4), event_time + timedelta(hours=12)
        place = st.place
        entry = self.gz.places.get(place.id) if place else None
        place_ids = [place.id, *(r for r, _ in entry.related)] if place and entry else []
        cells = cells_near(entry.lat, entry.lon) if entry else []
        subjects = [a.id for a in (st.subject, st.speaker) if a is not None and place is None]
        cands = tx.candidates(t0, t1, place_ids, cells, subjects)
        matches = sorted((m for m in (self._score(c, st, event_time, precision) for c in cands) if m),
                         key=lambda m: (-m.score, m.incident.id))
        changes: list[Change] = []
        ref: int
        incident: IncidentValue | None = None
        ambiguous = len(matches) > 1 and matches[0].score - matches[1].score < 0.05
        if matches and matches[0].score >= THRESHOLD:
            incident, score, reasons = matches[0].incident, matches[0].score, matches[0].reasons
            ref = incident.id
            if ambiguous:
                reasons = [*reasons, f"close second: incident #{matches[1].incident.id} ({matches[1].score:.2f})"]
        else:
            if place is None and st.stance != "claim":
                return []  # a denial or attribution we cannot place stays on its message only
            if st.stance == "report" and (entry is None or entry.kind != "base"):
                return []  # "an explosion in Karrada" alone is not an attack on anyone: join, never open
            ref = -1
            score, reasons = 1.0, ["new incident"]
            changes.append(NewIncident(
                ref=ref, event_time=event_time, time_precision=precision, place_id=place.id if place else None,
                place=place.name if place else None, lat=entry.lat if entry else None, lon=entry.lon if entry else None,
                geo_precision=("exact" if entry and entry.kind == "base" else entry.kind if entry else "unknown"),
                cell=cell_of(entry.lat, entry.lon) if entry else None, target=st.target, weapon=st.weapon,
                description=render.describe_claim(st) if st.stance in ("claim", "report") else None,
                origin="auto", at=at,
            ))
        link = LinkValue(
            role=st.stance, source=msg.source, source_role=origin.role, network=origin.network,
            bloc=self.registry.bloc(origin.network), at=at, message_pk=pk, statement_idx=idx,
            stance_detail=st.denial_of, speaker_id=st.speaker.id if st.speaker else None,
            speaker=st.speaker.name if st.speaker else None, subject_id=st.subject.id if st.subject else None,
            subject=st.subject.name if st.subject else None,
            subject_as_written=st.subject.as_written if st.subject else None, fingerprint=fp,
            killed=st.killed, wounded=st.wounded, casualties=st.casualties, score=round(score, 3),
            reasons=tuple(reasons), ambiguous=ambiguous, url=msg.url, excerpt=msg.full_text[:280],
        )
        alerts: list[AlertValue] = []
        subject = st.subject
        if st.stance == "claim" and subject is not None:
            subject, actor_changes, front_alert = self._claimant(tx, subject, st, msg, cls, origin, at, ref)
            link = replace(link, subject_id=subject.id, subject=subject.name, speaker_id=subject.id, speaker=subject.name)
            changes.extend(actor_changes)
            if front_alert:
                alerts.append(front_alert)
        changes.append(NewLink(incident=ref, message_pk=pk, link=link))
        if incident and any(near_duplicate(f, fp) for f in tx.fingerprints_from(incident.id, link.source, link.role)):
            return []  # the same source posting the same text again adds nothing
        old_links = tx.load_links(incident.id) if incident else []
        links = [*old_links, link]
        incident_checks = tx.checks_for(incident.id) if incident else []
        if st.stance == "claim" and subject is not None:
            # a withdrawn claim of the same bloc is superseded by this one (a brand re-issuing it)
            bloc = self._bloc_of_actor(subject)
            for old in old_links:
                if old.role == "claim" and old.withdrawn and not old.superseded and old.subject_id != subject.id and (
                        self._bloc_of_actor(ActorRef(old.subject_id or "", "", True)) in (bloc, None)):
                    changes.append(MarkSuperseded(ref, subject.id))
                    note = f"claim by {old.subject} superseded by {subject.name}"
                    changes.append(IncidentUpdate(ref, "", "", [], at, note))
            window = self._window(msg.source, place)
            if not any(c.claimant_id == subject.id for c in incident_checks):
                changes.append(CheckUpsert(ref, subject.id, subject.name, at, at + window))
        alerts.extend(self._status_changes(ref, incident, links, incident_checks, at, changes))
        changes.extend(alerts)
        _ids, raised = tx.apply(changes)
        if st.stance == "claim":
            self._remember_claim(subject, at)
        return raised

    def _event_time(self, st: Statement, msg: Message) -> tuple[datetime, str]:
        if st.event_date is not None:
            return datetime.combine(st.event_date, time(12, 0), tzinfo=UTC), "day"
        return msg.date, "message"

    def _score(self, inc: IncidentValue, st: Statement, when: datetime, precision: str) -> _Match | None:
        reasons: list[str] = []
        score = 0.0
        if st.place is not None and inc.place_id is not None:
            if st.place.id == inc.place_id:
                score += 0.5
                reasons.append(f"same place ({inc.place})")
            else:
                km = self.gz.place_distance(st.place.id, inc.place_id)
                if km is None:
                    return None
                related = any(r == inc.place_id for r, _ in (self.gz.places[st.place.id].related
                                                             if st.place.id in self.gz.places else ()))
                if related:
                    score += 0.4
                    reasons.append(f"related place ({st.place.name} ~ {inc.place}, {km:.0f} km)")
                elif km <= 30:
                    score += 0.3
                    reasons.append(f"{km:.0f} km from {inc.place}")
                elif km <= 60:
                    score += 0.15
                    reasons.append(f"{km:.0f} km from {inc.place}")
                else:
                    return None
        elif st.place is not None or inc.place_id is not None:
            score += 0.05
            reasons.append("place known on one side only")
        gap = abs((when - inc.event_time).total_seconds()) / 86400
        if precision == "day" and inc.time_precision == "day":
            if gap > 1.01:
                return None
            score += 0.3 if gap < 0.5 else 0.2
            reasons.append("same day" if gap < 0.5 else "next day")
        else:
            delay = (when - inc.event_time).total_seconds() / 86400
            if delay < -0.5 or delay > 4:
                return None
            score += 0.3 if abs(delay) <= 1 else 0.15
            reasons.append(f"{delay * 24:.0f} h after the event" if delay >= 0 else "just before")
        if st.weapon and inc.weapon:
            if st.weapon == inc.weapon:
                score += 0.1
                reasons.append(f"same weapon ({st.weapon})")
            else:
                score -= 0.2
                reasons.append(f"different weapon ({st.weapon} vs {inc.weapon})")
        actors = {a.id for a in (st.subject, st.speaker) if a}
        if actors & {link.subject_id for link in inc.links if link.subject_id}:
            score += 0.2
            reasons.append("same actor")
        return _Match(inc, score, reasons)

    def _window(self, source: str, place: PlaceRef | None) -> timedelta:
        if source in self._source_windows:
            return self._source_windows[source]
        entry = self.gz.places.get(place.id) if place else None
        if entry and entry.region and entry.region in self.config.alerts.uncorroborated_after_by_region:
            return self.config.alerts.uncorroborated_after_by_region[entry.region]
        return self.config.alerts.uncorroborated_after

    # -- claimants and front groups ------------------------------------------------------------------

    def _claimant(self, tx: IncidentTx, subject: ActorRef, st: Statement, msg: Message, cls: Classification,
                  origin: SourceInfo, at: datetime, ref: int) -> tuple[ActorRef, list[Change], AlertValue | None]:
        actors = self._actors_in(tx)
        written = subject.as_written or subject.name
        if not subject.known:
            cluster = next((a for a in actors.values() if not a.known and any(
                same_group(written, alias) for alias in (a.name, *a.aliases))), None)
            if cluster is not None:
                subject = ActorRef(cluster.id, cluster.name, False, "unknown", None, written)
        state = actors.get(subject.id)
        kind = subject.kind if subject.known else "unknown"
        changes: list[Change] = [ActorSeen(subject.id, subject.name, kind, subject.known, subject.parent, written, at,
                                           msg.url or f"{msg.source}/{msg.id}", claim=True)]
        spellings = list(state.aliases) if state else []
        if written not in spellings:
            spellings.append(written)
        actors[subject.id] = ActorState(subject.id, subject.name, kind, subject.parent, subject.known,
                                        state.first_seen if state else at, state.last_claim_at if state else None,
                                        (state.claims if state else 0), tuple(spellings))
        alert = None
        is_front = not subject.known or subject.kind in FRONT_KINDS
        if is_front and self.enabled("new_front_group", at):
            last = state.last_claim_at if state else None
            dormant = self.config.alerts.front_group_dormant_after
            if last is None or at - last >= dormant:
                key = f"new_front_group:{subject.id}" if last is None else \
                    f"new_front_group:{subject.id}:{at.date().isoformat()}"
                parent = self.gz.actors[subject.parent].name if subject.parent in self.gz.actors else None
                text = render.new_front_group(
                    written=written, canonical=subject.name, known=subject.known, parent=parent,
                    spellings=spellings, claim=st, source=msg.source, source_role=origin.role,
                    network=origin.network, at=at, url=msg.url, likely_parent=self._likely_parent(subject, cls, origin),
                    reactivated_after=format_duration(at - last) if last else None,
                )
                alert = AlertValue(key=key, kind="new_front_group", at=at, text=text, incident=ref,
                                   status=self.outbox_status,
                                   actor=subject.name, sources=tuple(u for u in [msg.url or msg.source] if u),
                                   payload={"written": written, "known": subject.known, "spellings": spellings,
                                            "actor_id": subject.id, "parent": parent})
        return subject, changes, alert

    def _likely_parent(self, subject: ActorRef, cls: Classification, origin: SourceInfo) -> str | None:
        if subject.known and subject.parent in self.gz.actors:
            return f"{self.gz.actors[subject.parent].name} (gazetteer)"
        umbrellas = [a for a in cls.actors if a.known and a.kind in ("umbrella", "core") and a.id != subject.id]
        if umbrellas:
            return f"{umbrellas[0].name} (named in the same message)"
        if origin.role in ("relay", "claimant") and origin.network:
            return f"the {origin.network} network (first relayed by its channel {origin.handle})"
        return None

    def _remember_claim(self, subject: ActorRef | None, at: datetime) -> None:
        if subject is None or self._actors is None or subject.id not in self._actors:
            return
        state = self._actors[subject.id]
        if state.last_claim_at is None or at > state.last_claim_at:
            self._actors[subject.id] = replace(state, last_claim_at=at, claims=state.claims + 1)

    # -- status, checks and follow-ups ---------------------------------------------------------------

    def _claimant_blocs(self, links: Sequence[LinkValue]) -> dict[str, str]:
        out = {}
        for link in links:
            if link.role == "claim" and link.subject_id:
                known = link.subject_id in self.gz.actors
                kind = self.gz.actors[link.subject_id].kind if known else "unknown"
                bloc = self._bloc_of_actor(ActorRef(link.subject_id, link.subject or "", known, kind))
                if bloc:
                    out[link.subject_id] = bloc
        return out

    def _status_changes(self, ref: int, incident: IncidentValue | None, links: list[LinkValue],
                        checks: list[CheckValue], at: datetime, changes: list[Change]) -> list[AlertValue]:
        was_uncorroborated = any(c.state == "alerted" for c in checks)
        a = assess(links, self._claimant_blocs(links), uncorroborated=was_uncorroborated,
                   imported=bool(incident and incident.origin == "import"))
        before = (incident.status, incident.grade) if incident else ("", "")
        note = None
        if (a.status, a.grade) != before:
            note = f"status {before[0] or 'new'} -> {a.status}, grade {before[1] or 'none'} -> {a.grade}"
        corroborated_at = at if a.corroborating else None
        changes.append(IncidentUpdate(ref, a.status, a.grade, list(a.reasons), at, note, corroborated_at))
        alerts: list[AlertValue] = []
        if a.corroborating or (incident and incident.origin == "import"):
            for check in checks:
                if check.state == "pending":
                    changes.append(CheckState(ref, check.claimant_id, "corroborated"))
                elif check.state == "alerted":
                    changes.append(CheckState(ref, check.claimant_id, "followed_up"))
                    if self.enabled("claim_corroborated", at):
                        alerts.append(AlertValue(
                            status=self.outbox_status,
                            key=f"claim_corroborated:{check.incident_id}:{check.claimant_id}", kind="claim_corroborated",
                            at=at, incident=check.incident_id, actor=check.claimant,
                            text=render.corroborated(claimant=check.claimant, incident=check.incident_id,
                                                     by=a.corroborating, grade=a.grade),
                            sources=tuple(sorted({c.url or c.source for c in a.corroborating})),
                            reply_to_key=f"uncorroborated_claim:{check.incident_id}:{check.claimant_id}",
                        ))
        if ref > 0:
            if a.competing and self.enabled("competing_claims", at):
                alerts.append(AlertValue(key=f"competing_claims:{ref}", kind="competing_claims", at=at, incident=ref,
                                         status=self.outbox_status,
                                         text=render.simple("competing_claims", ref, [a.reasons[0]])))
            denials = [lk for lk in links if lk.role == "denial" and lk.bloc not in a.claimant_blocs]
            if denials and any(lk.role == "claim" for lk in links) and self.enabled("claim_denied", at):
                d = denials[-1]
                alerts.append(AlertValue(key=f"claim_denied:{ref}:{d.speaker_id or d.source}", kind="claim_denied",
                                         status=self.outbox_status,
                                         at=at, incident=ref, actor=d.speaker,
                                         text=render.simple("claim_denied", ref, [f"{d.speaker or d.source} denied "
                                                            f"({d.stance_detail})", d.excerpt or ""])))
            if a.inflated and self.enabled("figures_disputed", at):
                alerts.append(AlertValue(key=f"figures_disputed:{ref}", kind="figures_disputed", at=at, incident=ref,
                                         status=self.outbox_status,
                                         text=render.simple("figures_disputed", ref, [r for r in a.reasons
                                                                                      if "casualties" in r] or ["figures"])))
        return alerts

    def _check_due(self, tx: IncidentTx, check: CheckValue, now: datetime) -> list[AlertValue]:
        at = check.due_at if self.simulated else now
        incident = tx.lean_incident(check.incident_id)
        if incident is None:
            return []
        links = list(incident.links)
        a = assess(links, self._claimant_blocs(links), imported=incident.origin == "import")
        changes: list[Change] = []
        if a.corroborating or incident.origin == "import":
            changes.append(CheckState(check.incident_id, check.claimant_id, "corroborated"))
        else:
            changes.append(CheckState(check.incident_id, check.claimant_id, "alerted"))
            if incident.status == "claimed":
                changes.append(IncidentUpdate(check.incident_id, "uncorroborated", a.grade, list(a.reasons), at,
                                              "status claimed -> uncorroborated after "
                                              f"{format_duration(at - check.claimed_at)}"))
            if self.enabled("uncorroborated_claim", at):
                every_claim = tx.claim_links_by_source(check.incident_id)
                claims = [lk for lk in every_claim if lk.subject_id == check.claimant_id]
                first = min(claims, key=lambda lk: lk.at) if claims else None
                if first is not None:
                    text = render.uncorroborated(
                        claimant=check.claimant, window=format_duration(check.due_at - check.claimed_at), claim=first,
                        claims=every_claim, place=incident.place, weapon=incident.weapon,
                        target=incident.target, event_time=incident.event_time, denials=a.event_denials,
                        incident=incident.id)
                    changes.append(AlertValue(
                        status=self.outbox_status,
                        key=f"uncorroborated_claim:{check.incident_id}:{check.claimant_id}", kind="uncorroborated_claim",
                        at=at, incident=check.incident_id, actor=check.claimant, text=text,
                        sources=tuple(dict.fromkeys(lk.url or lk.source for lk in claims)),
                    ))
        _ids, raised = tx.apply(changes)
        return raised

    def _withdraw(self, tx: IncidentTx, pk: int, msg: Message, now: datetime) -> list[AlertValue]:
        at = self._at(msg, now)
        affected = tx.links_of_message(pk)
        if not affected:
            return []
        changes: list[Change] = [WithdrawMessage(pk)]
        for incident_id in sorted({i for i, _ in affected}):
            changes.append(IncidentUpdate(incident_id, "", "", [], at, f"message {msg.source}/{msg.id} deleted"))
        tx.apply(changes)
        # the status with the withdrawn links; a live claim of the same bloc supersedes the withdrawn one
        for incident_id in sorted({i for i, _ in affected}):
            inc = tx.get_incident(incident_id)
            if inc is None:
                continue
            links = list(inc.links)
            a = assess(links, self._claimant_blocs(links), imported=inc.origin == "import")
            after: list[Change] = [IncidentUpdate(incident_id, a.status, a.grade, list(a.reasons), at, None)]
            withdrawn = {lk.subject_id for lk in links if lk.role == "claim" and lk.withdrawn}
            live = [lk for lk in links if lk.role == "claim" and not lk.withdrawn and lk.subject_id not in withdrawn]
            if live and live[0].subject_id:
                after.append(MarkSuperseded(incident_id, live[0].subject_id))
            tx.apply(after)
        return []


__all__ = ["IncidentEngine", "cell_of", "cells_near", "slug"]
