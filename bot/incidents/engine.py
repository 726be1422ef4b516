"""The incident engine: links statements to incidents, keeps their status, and raises alerts.

For each stance-bearing message: read candidate incidents (indexed by time, place, grid cell
and subject), score them (``matching``), decide, then write every change and alert in one
transaction. Each alert key is raised once, across restarts and re-runs (the store refuses a
known key). Claimants and front groups live in ``claimants``, the status rules in ``rules``, due
checks in ``due``, the switches and windows in ``policy``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.config import Config
from bot.incidents import render
from bot.incidents.claimants import Claimants
from bot.incidents.due import check_due
from bot.incidents.matching import (
    Match,
    Matcher,
    Route,
    Window,
    is_retaliation,
    tells_new_wave,
)
from bot.incidents.places import Places
from bot.incidents.policy import Policy
from bot.incidents.reading import Reader
from bot.incidents.rules import Rules
from bot.registry import Registry, SourceInfo
from classifiers.dates import resolve_event_date
from classifiers.fingerprint import near_duplicate, simhash
from classifiers.gazetteer import Gazetteer
from classifiers.names import slug
from classifiers.normalize import normalize, normalize_cased, tokens
from classifiers.sentences import clean_body
from classifiers.types import ActorRef, Classification, PlaceRef, Statement
from storage import AlertValue, IngestResult, Store
from storage.incidents import (
    Change,
    CheckUpsert,
    IncidentTx,
    IncidentUpdate,
    IncidentValue,
    LinkValue,
    MarkSuperseded,
    MergeIncident,
    NewIncident,
    NewLink,
    RetryGuarded,
    WithdrawMessage,
)
from watchers.archive import effective_time
from watchers.message import Message

log = logging.getLogger("claimwatch.incidents")


CELL = 0.5  # degrees: the grid used to find nearby incidents
MERGE_SPAN = timedelta(hours=36)  # a placeless incident this close to a placed one may be the same event


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
        self.policy = Policy(config, gazetteer)
        self.places = Places(gazetteer)
        self.claimants = Claimants(gazetteer, registry, self.policy, outbox_status)
        self.matcher = Matcher(self.places, self.claimants, self.policy)
        self.reader = Reader(gazetteer, self.places, self.claimants, self.matcher)
        self.rules = Rules(self.policy, self.claimants, outbox_status)
        self.failures = 0

    @property
    def muted(self) -> dict[str, datetime]:
        """Alert kinds muted in chat, until when."""
        return self.policy.muted

    def reset_cache(self) -> None:
        self.claimants.reset()

    # -- the pipeline interface -------------------------------------------------------------

    def process_in(self, tx: IncidentTx, items: Sequence[tuple[IngestResult, Classification | None]],
                   now: datetime, timers: bool = False) -> list[AlertValue]:
        """Handle a batch inside an open transaction; one message's failure is rolled back to
        its savepoint, logged with its source and id, and the rest go on. In an unguarded
        transaction (no savepoints) a failure raises ``RetryGuarded`` instead, with the memory
        of claimants as it was at the start, and the store runs the batch again guarded.

        ``timers`` (a replay on its simulated clock): the checks due before a message's time are
        settled before it, in this transaction, at their due time, as ``sweep`` between batches
        would have (a batch may then span due timers and raise the alerts of one cut at each).
        The checks the batch's own claims schedule are not among them: the replay keeps a batch
        shorter than the shortest corroboration window."""
        if not tx.guarded:
            memory = self.claimants.snapshot()
            try:
                return self._process_all(tx, items, now, timers)
            except Exception as exc:
                self.claimants.restore(memory)
                raise RetryGuarded(f"{type(exc).__name__}: {exc}") from exc
        return self._process_all(tx, items, now, timers)

    def _process_all(self, tx: IncidentTx, items: Sequence[tuple[IngestResult, Classification | None]],
                     now: datetime, timers: bool) -> list[AlertValue]:
        alerts: list[AlertValue] = []
        due = tx.next_due() if timers else None
        if due is not None and items:
            # the checks falling due inside the batch: what they read of their incidents, at once
            tx.prefetch_checks(tx.due_checks(max(effective_time(result.message) for result, _ in items)))
        for result, cls in items:
            while due is not None and due < effective_time(result.message):
                alerts.extend(self.sweep_in(tx, due))
                due = tx.next_due()
            if not _needs_linking(result, cls):
                continue  # most messages: no savepoint, no statement to the database
            if not tx.guarded:
                alerts.extend(self._process_one(tx, result, cls, now))
                continue
            try:
                with tx.boundary():
                    alerts.extend(self._process_one(tx, result, cls, now))
            except Exception:
                self.claimants.reset()  # its changes were rolled back: read the actors again
                self.failures += 1
                log.exception("incident processing failed for %s/%s; message kept, not linked",
                              result.message.source, result.message.id)
        return alerts

    async def next_due(self) -> datetime | None:
        return await self.store.next_due()

    async def sweep(self, now: datetime) -> list[AlertValue]:
        return await self.store.in_tx(lambda tx: self.sweep_in(tx, now))

    def sweep_in(self, tx: IncidentTx, now: datetime) -> list[AlertValue]:
        alerts: list[AlertValue] = []
        checks = tx.due_checks(now)
        tx.prefetch_checks(checks)
        for check in checks:
            alerts.extend(check_due(tx, self.rules, check, check.due_at if self.simulated else now))
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
        at = effective_time(msg) if self.simulated else now
        outlet = self.registry.lookup(msg.forwarded_from) if msg.forwarded_from else self.registry.lookup(msg.source)
        fp = simhash(msg.full_text)
        statements: list[Statement] = list(cls.statements)
        report_only = not statements
        if report_only or cls.outlet_report is not None:
            # the story without dateline and photo caption ("... on March 3, 2024. (Jane Doe/AFP)"):
            # a report dated in its text ("On Feb. 1, ...") is of that day, not of its publication
            story = clean_body(msg.full_text)
            norm = normalize(story)
            when = resolve_event_date(norm, msg.date)
        if report_only:
            # where the classifier reads the attack ("sites in Syria", not "Iran-linked"), else the
            # most precise place the report gives
            place = (cls.outlet_report.place if cls.outlet_report is not None and cls.outlet_report.place is not None
                     else self._finest(cls))
            weapons = [m.id for m in self.gz.scan(tokens(norm), tokens(normalize_cased(story)), frozenset({"weapon"}))]
            # the state whose strike it tells in its own voice, if any ("US carries out air strikes")
            striker = cls.outlet_report.subject if cls.outlet_report is not None else None
            if striker is not None and "airstrike" in weapons:
                # a state's strike from the air, whatever attack on its forces the story names first
                # ("drone and rocket attacks ... prompting retaliatory airstrikes in eastern Syria")
                weapons.insert(0, "airstrike")
            # the forces it tells attacked: a report of attacks on a state's forces is not its strike
            statements = [Statement(stance="report", place=place, event_date=when, subject=striker,
                                    weapon=weapons[0] if weapons else None,
                                    target=None if striker is not None else self.reader.forces_hit(msg))]
        read: list[tuple[int | None, Statement]] = [
            (None if report_only else idx, self.reader.read(st, msg, cls)) for idx, st in enumerate(statements)]
        # a story whose headline's news is a warrant, a plan or a record tells its attacks in
        # passing: its statements may join an incident, never open one
        own_reports = [st for _, st in read] if report_only else []
        read.extend((None, st) for st in self.reader.thwarted(read, msg))
        if not report_only and cls.outlet_report is not None:
            # the article tells the event in its own voice beside the statements it quotes: the
            # outlet's report, at the claim's place when its sentence names none
            own = replace(cls.outlet_report, place=cls.outlet_report.place or self._finest(cls), event_date=when)
            read.append((None, self.reader.own_strike(self.reader.continental(own), msg, cls)))
            own_reports.append(read[-1][1])
        # the headline and deed tests read English words: they are asked of English news items only
        # (a post without a headline, a channel or a tweet, is itself the news, in any language)
        headed = cls.lang == "en" and bool((msg.title or "").strip())
        news = not headed or self.reader.headline_news(msg)
        # a story whose headline's news is a state's strike in answer to an attack tells that attack
        # as its cause: its blames and reports of it may join the attack's incident, not open one
        striking = self.reader.strike_headline(msg) if headed else None
        alerts: list[AlertValue] = []
        # a message's claims first: the event it claims is where its blame and denials of that
        # place belong (statements of one message at one place are one event)
        seen: dict[str, int] = {}
        for idx, st in sorted(read, key=lambda p: p[1].stance != "claim"):
            if st.stance == "skip":
                continue  # a report of a strike that names only the place of the attack it answers
            if st.stance == "attribution" and st.subject is None:
                continue  # a blame that names no one links nothing
            # a statement opens an incident only in a story whose headline's news is a deed (a
            # report the reader made of a claim, blame or interception is the deed's own word)
            voiced = st.stance != "report" or any(st is r for r in own_reports)
            opens = (news or not voiced) and (st.stance == "report" or not headed or self.reader.tells_deed(st))
            opens = opens and not self.reader.answered(st, striking)
            alerts.extend(self._statement(tx, result.pk, msg, st, cls, idx, outlet, fp, at, seen, opens))
        return alerts

    def _finest(self, cls: Classification) -> PlaceRef | None:
        """The most precise place a message names (a base before its city before its province),
        the first named of equally precise ones."""
        return min(cls.places, key=lambda p: self.places.level(p.id), default=None)  # min keeps the first of a tie

    def _statement(self, tx: IncidentTx, pk: int, msg: Message, st: Statement, cls: Classification,
                   idx: int | None, outlet: SourceInfo, fp: int, at: datetime,
                   seen: dict[str, int] | None = None, opens: bool = True) -> list[AlertValue]:
        w = self.matcher.window(st, msg.date)
        subject = st.subject
        if st.stance == "claim" and subject is not None:
            subject = self.claimants.resolve(tx, subject)
        matches = self._matches(tx, st, subject, w, self.reader.route(st, msg, cls), self.reader.answers(st, msg),
                                st.stance == "attribution" and is_retaliation(msg.full_text),
                                tells_new_wave(msg.full_text), self.reader.downing(msg))
        chosen = self.matcher.choose(matches, st)
        striker = self.matcher.striker(st, subject)
        if striker is not None and self.matcher.coarse(st) and (
                chosen is None or not self.matcher.strikers(chosen.incident)):
            chosen = self._own_strike_elsewhere(tx, st, subject, w, cls, striker) or chosen
        place = st.place
        earlier = (seen or {}).get(place.id) if place is not None and st.stance != "claim" else None
        if place is not None and earlier is not None and (chosen is None or chosen.incident.id != earlier):
            found = tx.lean_incident(earlier)
            if found is not None and not (st.weapon and found.weapon and st.weapon != found.weapon):
                chosen = Match(found, 1.0, (f"same message and place as its claim ({place.name})",), False)
        party = self.claimants.side(st.subject.id) if st.subject is not None else None
        earlier = (seen or {}).get(f"actor:{party}") if place is None and party and st.stance != "claim" else None
        if earlier is not None and (chosen is None or chosen.incident.id != earlier):
            # a blame or denial with no place of its own, about the party this message has claiming
            # ("Maersk denied a claim by the Houthis that they struck its vessel"): the claimed event
            found = tx.lean_incident(earlier)
            if found is not None:
                chosen = Match(found, 1.0, ("same message and party as its claim",), False)
        voice = self.claimants.voice(st, outlet)
        if st.evidence and (voice is not outlet or st.stance == "report"):
            # the speaker's (or the outlet's reporting) own sentence inside the article, so it is
            # not a near-duplicate of the claim beside it
            fp = simhash(st.evidence)
        changes: list[Change] = []
        incident: IncidentValue | None = None
        if chosen is not None:
            incident = chosen.incident
            ref = incident.id
            score, reasons = chosen.score, list(chosen.reasons)
            rivals = [m for m in matches if m.incident.id != incident.id]
            ambiguous = bool(rivals) and chosen.score - max(m.score for m in rivals) < 0.05
            if ambiguous:
                second = max(rivals, key=lambda m: m.score)
                reasons.append(f"close second: incident #{second.incident.id} ({second.score:.2f})")
            if chosen.finer and st.place is not None and self.matcher.places_incident(incident, st):
                changes.append(self._refine(ref, st.place, at))
        else:
            if st.place is None and st.stance != "claim":
                return []  # a denial or attribution we cannot place stays on its message only
            if not opens:
                return []  # it tells no attack of its own: it may join one, never open one
            if w.precision == "day" and msg.date - w.event_time > self.policy.claim_lookback:
                return []  # a report or claim dated weeks back recalls an old event: it opens nothing
            ambiguous = False
            score, reasons = 1.0, ["new incident"]
            ref = self._open(tx, st, w, at)
        link = LinkValue(
            role=st.stance, source=msg.source, source_role=voice.role, network=voice.network,
            bloc=self.registry.bloc(voice.network), at=at, message_pk=pk, statement_idx=idx,
            stance_detail=st.denial_of, speaker_id=st.speaker.id if st.speaker else None,
            speaker=st.speaker.name if st.speaker else None, subject_id=st.subject.id if st.subject else None,
            subject=st.subject.name if st.subject else None,
            subject_as_written=st.subject.as_written if st.subject else None, fingerprint=fp,
            killed=st.killed, wounded=st.wounded, casualties=st.casualties, score=round(score, 3),
            reasons=tuple(reasons), ambiguous=ambiguous, url=msg.url, excerpt=msg.full_text[:280],
        )
        alerts: list[AlertValue] = []
        claimant = st.subject if st.stance == "claim" else None
        if claimant is not None:
            claimant, actor_changes, front_alert = self.claimants.claim(tx, claimant, st, msg, cls, voice, at, ref)
            link = replace(link, subject_id=claimant.id, subject=claimant.name, speaker_id=claimant.id,
                           speaker=claimant.name)
            changes.extend(actor_changes)
            if front_alert:
                alerts.append(front_alert)
        changes.append(NewLink(incident=ref, message_pk=pk, link=link))
        if incident and any(near_duplicate(f, fp) for f in tx.fingerprints_from(incident.id, link.source, link.role)):
            return []  # the same source posting the same text again adds nothing
        if st.place is not None:
            changes.extend(self._absorb(tx, ref, incident, st, claimant, w, at))
        merged = any(isinstance(c, MergeIncident) for c in changes)
        if merged:  # the absorbed incidents' links and checks count from now on
            tx.apply([c for c in changes if isinstance(c, MergeIncident)])
            changes = [c for c in changes if not isinstance(c, MergeIncident)]
        old_links = tx.load_links(ref) if incident or merged else []
        links = [*old_links, link]
        incident_checks = tx.checks_for(ref) if incident or merged else []
        if claimant is not None:
            self._superseding(ref, claimant, old_links, at, changes)
            checkable = self._checkable(st, incident, w, msg.date)
            if checkable and not self.claimants.is_state(claimant) and not any(
                    c.claimant_id == claimant.id for c in incident_checks):
                window = self.policy.window(msg.source, st.place)
                changes.append(CheckUpsert(ref, claimant.id, claimant.name, at, at + window))
        current = tx.lean_incident(ref) if merged else incident
        alerts.extend(self.rules.status_changes(ref, current, links, incident_checks, at, changes))
        changes.extend(alerts)
        _ids, raised = tx.apply(changes)
        if claimant is not None:
            self.claimants.remember_claim(claimant, at)
        if seen is not None and st.stance == "claim" and st.place is not None:
            seen.setdefault(st.place.id, ref)
        if seen is not None and claimant is not None:
            seen.setdefault(f"actor:{self.claimants.side(claimant.id)}", ref)
        return raised

    def _own_strike_elsewhere(self, tx: IncidentTx, st: Statement, subject: ActorRef | None, w: Window,
                              cls: Classification, striker: ActorRef) -> Match | None:
        """A state's strike placed only by a country that holds none of its strikes ("a Syrian depot
        used by Iran", "after attacks in Iraq"): the country may be the sponsor's or that of the
        attacks it answers. When another place the message names meets that state's own strike
        of the window ("... in Syria"), as the state's own claim tells it, the statement is that
        strike, not a new one nor an incident no state claims."""
        side = self.claimants.side(striker.id)
        here = st.place.id if st.place is not None else None
        for p in sorted(cls.places, key=lambda p: (self.places.level(p.id), cls.places.index(p))):
            if p.id == here:
                continue
            alt = replace(st, place=p)
            found = [m for m in self._matches(tx, alt, subject, w)
                     if any(lk.role == "claim" and self.claimants.side(lk.subject_id) == side for lk in m.incident.links)]
            best = self.matcher.choose(found, alt)
            if best is not None:
                return Match(best.incident, best.score, (*best.reasons, f"its own strike, placed by {p.name}"), False)
        return None

    def _checkable(self, st: Statement, incident: IncidentValue | None, w: Window, published: datetime) -> bool:
        """Whether a claim can go uncorroborated. One whose incident has no place the gazetteer
        knows gives nothing to corroborate: no report can be placed at a name without coordinates,
        and "attacks on US interests on Friday" names no one event that a report could confirm (on
        a day of several attacks, saying none confirmed it would be wrong). One dated in its text
        more than ``claim_lookback`` before it was published recalls an old event (background in a
        feature), not an attack to watch for."""
        if w.precision == "day" and published - w.event_time > self.policy.claim_lookback:
            return False
        known = self.gz.places
        return bool((st.place and st.place.id in known) or (incident and incident.place_id and incident.place_id in known))

    def _matches(self, tx: IncidentTx, st: Statement, subject: ActorRef | None, w: Window,
                 route: Route | None = None, answers: bool = False, blames_answered: bool = False,
                 new_wave: bool = False, downing: bool = False) -> list[Match]:
        place = st.place
        entry = self.gz.places.get(place.id) if place else None
        if self.matcher.coarse(st):
            cands = tx.candidates(w.t0, w.t1, [], [], [], any_place=True)
        else:
            assert place is not None
            place_ids = [place.id, *(r for r, _ in entry.related), *self.places.ancestors(place.id)] if entry \
                else [place.id]
            cells = cells_near(entry.lat, entry.lon) if entry else []
            subjects = [a.id for a in (subject, st.speaker) if a is not None]
            cands = tx.candidates(w.t0, w.t1, place_ids, cells, subjects)
        return [m for m in (self.matcher.score(c, st, subject, w, route, answers, blames_answered, new_wave, downing)
                                 for c in cands)
                if m is not None]

    def _open(self, tx: IncidentTx, st: Statement, w: Window, at: datetime) -> int:
        place = st.place
        entry = self.gz.places.get(place.id) if place else None
        new = NewIncident(
            ref=-1, event_time=w.event_time, time_precision=w.precision, place_id=place.id if place else None,
            place=place.name if place else None, lat=entry.lat if entry else None, lon=entry.lon if entry else None,
            geo_precision=("exact" if entry and entry.kind == "base" else entry.kind if entry else "unknown"),
            cell=cell_of(entry.lat, entry.lon) if entry else None, target=st.target, weapon=st.weapon,
            description=render.describe_claim(st) if st.stance in ("claim", "report") else None,
            origin="auto", at=at,
        )
        ids, _ = tx.apply([new])
        return ids[new.ref]

    def _refine(self, ref: int, place: PlaceRef, at: datetime) -> IncidentUpdate:
        """A statement naming the site inside the incident's area: the incident is there."""
        entry = self.gz.places.get(place.id)
        fields: dict[str, object] = {"place_id": place.id, "place": place.name}
        if entry is not None:
            fields.update({"lat": entry.lat, "lon": entry.lon, "cell": cell_of(entry.lat, entry.lon),
                           "geo_precision": "exact" if entry.kind == "base" else entry.kind})
        return IncidentUpdate(ref, "", "", [], at, f"place refined to {place.name}", fields=fields)

    def _absorb(self, tx: IncidentTx, ref: int, incident: IncidentValue | None, st: Statement,
                claimant: ActorRef | None, w: Window, at: datetime) -> list[Change]:
        """Placeless incidents this placed statement turns out to be about merge into ``ref``."""
        start = (incident.event_time if incident else w.event_time) - MERGE_SPAN
        end = (incident.event_time if incident else w.event_time) + self.policy.claim_lookback
        side = self.claimants.side
        here_claimants = {side(lk.subject_id) for lk in (incident.links if incident else ()) if lk.role == "claim"}
        if claimant is not None:
            here_claimants.add(side(claimant.id))
        here_claimants = {x for x in here_claimants if x is not None and not self.claimants.is_generic(x)}
        weapon = st.weapon or (incident.weapon if incident else None)
        out: list[Change] = []
        for other in tx.candidates(start, end, [], [], [], any_place=True, placeless=True):
            if other.id == ref or other.place_id is not None:
                continue
            theirs = {side(lk.subject_id) for lk in other.links if lk.role == "claim" and lk.subject_id
                      and not self.claimants.is_generic(lk.subject_id)}
            if weapon and other.weapon and weapon != other.weapon:
                continue
            if theirs and here_claimants and not theirs & here_claimants:
                continue
            if not theirs and not here_claimants:
                continue  # two unclaimed reports: nothing says they are one event
            if not theirs & here_claimants and not (weapon and weapon == other.weapon):
                continue  # neither the claimant nor the weapon says it is this event
            states = {self.claimants.is_state(self.gz.actors[x].ref()) for x in theirs | here_claimants
                      if x in self.gz.actors}
            if len(states) > 1:
                continue
            out.append(MergeIncident(other.id, ref, at))
        return out

    def _superseding(self, ref: int, claimant: ActorRef, old_links: list[LinkValue], at: datetime,
                     changes: list[Change]) -> None:
        """A withdrawn claim of the same bloc is superseded by this one (a brand re-issuing it)."""
        bloc = self.claimants.bloc_of(claimant)
        for old in old_links:
            if old.role == "claim" and old.withdrawn and not old.superseded and old.subject_id != claimant.id and (
                    self.claimants.bloc_of_id(old.subject_id) in (bloc, None)):
                changes.append(MarkSuperseded(ref, claimant.id))
                changes.append(IncidentUpdate(ref, "", "", [], at, f"claim by {old.subject} superseded by {claimant.name}"))

    def _withdraw(self, tx: IncidentTx, pk: int, msg: Message, now: datetime) -> list[AlertValue]:
        at = effective_time(msg) if self.simulated else now
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
            a = self.rules.assess(links, inc)
            after: list[Change] = [IncidentUpdate(incident_id, a.status, a.grade, list(a.reasons), at, None)]
            withdrawn = {lk.subject_id for lk in links if lk.role == "claim" and lk.withdrawn}
            live = [lk for lk in links if lk.role == "claim" and not lk.withdrawn and lk.subject_id not in withdrawn]
            if live and live[0].subject_id:
                after.append(MarkSuperseded(incident_id, live[0].subject_id))
            tx.apply(after)
        return []


__all__ = ["IncidentEngine", "cell_of", "cells_near", "slug"]
