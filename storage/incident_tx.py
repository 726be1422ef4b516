"""The incident engine's view of one open transaction (``IncidentTx``): the session stays in
``storage``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from storage import incident_queries as q
from storage.incident_changes import (
    Change,
    CheckState,
    IncidentUpdate,
    MarkSuperseded,
    MergeIncident,
    NewIncident,
    NewLink,
    WithdrawMessage,
)
from storage.incident_values import ActorState, CheckValue, IncidentValue, LinkValue
from storage.incident_window import AHEAD, CLOSE, CLOSE_READS, SPAN, Window
from storage.incident_writes import Deferred, apply_changes, flush_claims, flush_deferred, flush_history
from storage.values import AlertValue

# the most links read with a window for their fingerprints (a window of busier incidents reads
# them an incident and source at a time, as it comes)
LINK_ROWS = 5000
# the placeless incidents read for one window and the days after it: the next statements of a
# batch, later in time, ask about windows inside it
PLACELESS_AHEAD = timedelta(days=7)

K = TypeVar("K")
V = TypeVar("V")


class RetryGuarded(Exception):
    """Raised by the engine when a message fails in an unguarded transaction: the store rolls
    the whole batch back and runs it again with a savepoint per message (``IncidentTx.guarded``)."""


class IncidentTx:
    """The incident engine's view of one open transaction: the reads it needs, ``apply`` for
    its changes, and ``boundary`` (a SAVEPOINT) so one message's failure undoes only its own
    changes. The session itself stays inside ``storage``.

    The candidates read in a transaction are kept, and a change of this transaction to one is
    made to it in memory as well (a new status, a link's stub), or it is forgotten (a place
    refined, a stub of a new subject): the statements of one batch look at the same days, so
    most candidates are read once a batch instead of once a statement (every write goes through
    ``apply``; a savepoint rolled back forgets everything).

    ``guarded``: ``boundary`` takes a savepoint. A batch is first run unguarded (two statements
    fewer a message, which on PostgreSQL are two round trips): a failure there raises
    ``RetryGuarded`` and the batch runs again, guarded, from its start."""

    # set by tests: every answer from memory is compared with the database's
    verify = False

    def __init__(self, session: Session, new_messages: Iterable[int] = (), guarded: bool = True) -> None:
        self._s = session
        self.guarded = guarded
        # messages stored in this transaction: none is linked yet (until ``apply`` links it)
        self._unlinked = set(new_messages)
        # of those, the ones linked since, with the (incident, role, statement) of every link
        # (``apply_changes``): a message's next statement is linked without asking the database
        # whether that link is there already (on PostgreSQL a round trip, and the held writes
        # flushed before it)
        self._fresh: dict[int, set[tuple[int, str, int | None]]] = {}
        self._read: dict[int, IncidentValue] = {}  # candidates as they stand in this transaction
        # the rules' links, a source's recent fingerprints and the claim checks of the incidents
        # read in this transaction, kept up to date by ``apply`` (a statement that joins an
        # incident reads all three, and the next statement of the batch on it as well)
        self._links: dict[int, list[LinkValue]] = {}
        self._fingerprints: dict[tuple[int, str, str], list[int]] = {}
        self._checks: dict[int, list[CheckValue]] = {}
        # the first claim link of each source (``claim_links_by_source``) of incidents read in this
        # transaction: forgotten when a claim from a new source is linked (its url is the stored
        # message's)
        self._by_source: dict[int, list[LinkValue]] = {}
        # every pending check (by id), read once by ``next_due`` and kept up to date by ``apply``:
        # a replay asks when the next is due after each sweep, and which are due before each
        # (None: not read, or forgotten after a merge or a rollback)
        self._pending: dict[int, CheckValue] | None = None
        # incidents created in this transaction: their links, fingerprints and checks are all
        # written through ``apply``, so they are known from the start, never read
        self._created: set[int] = set()
        # incidents whose recent fingerprints were all read with the window (``_fingerprints``
        # holds every (source, role) of theirs with a link)
        self._printed: set[int] = set()
        # the incidents without a place in [from, to] (``placeless_between``), kept like the rest
        self._placeless: tuple[datetime, datetime, list[tuple[datetime, int]]] | None = None
        # (actor id, alias) stored: not inserted again. SQLite only: on PostgreSQL an insert that
        # ON CONFLICT leaves out still takes a number from the sequence, and leaving the statement
        # out would number the aliases stored after it otherwise
        self._spellings: set[tuple[str, str]] | None = set() if session.get_bind().dialect.name == "sqlite" else None
        # history notes of this transaction not inserted yet: nothing on the linking path reads
        # them, so they go in with one statement when the transaction ends (``finish``) instead
        # of one a message; a read of history (``get_incident``) inserts them first
        self._notes: list[dict[str, Any]] = []
        # the actors known stored in this transaction, with the claims counted for them and not
        # written yet (most claims of a batch are by a few actors: one UPDATE each at the end)
        self._claims: dict[str, tuple[int, datetime | None]] = {}
        # the event time of incidents seen in this transaction (it never changes)
        self._times: dict[int, datetime] = {}
        # the incidents of the days the statements ask about, kept to answer candidate reads
        # without a statement each (on PostgreSQL a round trip and a plan each)
        self._window: Window | None = None
        # the start of the previous candidate read's window, and how many reads in a row started
        # close to the one before: a window is read only for statements close together in time
        # (a stream's batch), where it serves the next ones
        self._asked: datetime | None = None
        self._close = 0
        # the claim checks and recent fingerprints of a window's incidents are read with it where
        # each statement is a round trip (PostgreSQL); on SQLite a statement is a call, and
        # reading every link of the window cost more than the reads it saved (0.14 s for 0.07 s
        # on a 10k replay)
        self._round_trips = session.get_bind().dialect.name != "sqlite"
        # unguarded, the links, status updates and actors' spellings wait until a read needs them
        # or the transaction ends (guarded, a savepoint rolled back would have to forget its share)
        self._deferred = None if guarded else Deferred()

    def _flush(self, ids: Iterable[int] | None = None) -> None:
        """Write the deferred changes before a read that sees them: all of them, or if ``ids``
        are given, the links and status updates when one of those incidents has one held."""
        held = self._deferred
        if held is not None and (ids is None or held.holds(ids)):
            flush_deferred(self._s, held, spellings=ids is None)

    def _flush_links(self) -> None:
        flush_deferred(self._s, self._deferred, updates=False, spellings=False, states=False)

    def _flush_states(self) -> None:
        """Write the checks' states held, before a read of checks."""
        flush_deferred(self._s, self._deferred, updates=False, spellings=False, links=False)

    def candidates(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                   subject_ids: Sequence[str], any_place: bool = False, placeless: bool = False) -> list[IncidentValue]:
        if placeless and any_place:
            ids = self._placeless_ids(t0, t1)
        else:
            ids = self._candidate_ids(t0, t1, place_ids, cells, subject_ids, any_place, placeless)
        missing = [i for i in ids if i not in self._read]
        if self.verify:
            self._flush()
            kept = [i for i in ids if i in self._read]
            _same([self._read[i] for i in kept], list(q.incidents_with_stubs(self._s, kept).values()))
        if missing:
            self._flush(missing)
            self._read.update(q.incidents_with_stubs(self._s, missing))
        found = [i for i in ids if i in self._read]
        if self._deferred is not None:
            self._deferred.alive.update(found)
        return [self._read[i] for i in found]

    def _candidate_ids(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                       subject_ids: Sequence[str], any_place: bool, placeless: bool) -> list[int]:
        """``candidate_ids``, with the incidents that links held (not inserted yet) make
        candidates by their subject: most statements of a batch are by the same few parties."""
        kept = None if placeless else self._window_times(t0, t1, place_ids, cells, subject_ids, any_place)
        if kept is not None:
            self._times.update(kept)
            if self.verify:
                self._flush_links()
                _same(kept, q.candidate_times(self._s, t0, t1, place_ids, cells, subject_ids, any_place=any_place))
            return [i for i, _ in kept]
        found = q.candidate_times(self._s, t0, t1, place_ids, cells, subject_ids, any_place=any_place,
                                  placeless=placeless)
        self._times.update(found)
        held = self._deferred
        extra = {v["incident_id"] for v in held.links if v["subject_id"] in subject_ids and v["at"] >= t0} \
            if held is not None and subject_ids and not any_place else set()
        if extra and (placeless or not extra <= self._times.keys()):
            self._flush_links()  # whether it is a candidate is not known here: ask the database
            return self._candidate_ids(t0, t1, place_ids, cells, subject_ids, any_place, placeless)
        times = dict(found)
        times.update((i, self._times[i]) for i in extra if t0 <= self._times[i] <= t1)
        ids = sorted(times, key=lambda i: (times[i], i))[:q.CANDIDATES] if len(times) > len(found) else [
            i for i, _ in found]
        if self.verify and extra:
            self._flush_links()
            _same(ids, q.candidate_ids(self._s, t0, t1, place_ids, cells, subject_ids, any_place=any_place,
                                       placeless=placeless))
        return ids

    def _window_times(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                      subject_ids: Sequence[str], any_place: bool) -> list[tuple[int, datetime]] | None:
        """``candidate_times`` from the window kept, read first (with the days ahead) when this
        one is not inside it; None, for the database to answer, for a window too far from the one
        kept (an event dated weeks back) or one not close to the previous read's (statements days
        apart, each in a history of many incidents: a window read for each would read more than
        it saves)."""
        t0, t1 = t0.astimezone(UTC), t1.astimezone(UTC)
        held = self._window
        if held is None or not held.covers(t0, t1):
            asked, self._asked = self._asked, t0
            self._close = self._close + 1 if asked is not None and abs(t0 - asked) <= CLOSE else 0
            if self._close < CLOSE_READS:
                return None
            start, end = t0, t1 + AHEAD
            widen = False
            if held is not None and max(end, held.t1) - min(start, held.t0) <= SPAN:
                start, end = min(start, held.t0), max(end, held.t1)  # both, in one span
                widen = not held.dense
            elif held is not None and t0 < held.t0:
                return None  # time goes forward in a replay: keep the later span
            if end - start > SPAN:
                return None
            if self._deferred is not None and self._deferred.links:
                self._flush_links()  # the links held make candidates too
            if widen and held is not None:
                spans = held.widen(self._s, start, end)  # the days it lacks, not the whole span again
            else:
                held = self._window = Window(self._s, start, end)
                spans = [(start, end)]
            if self._round_trips:
                self._checks_of(held, spans)
                self._fingerprints_of(held, spans)
        return held.times(t0, t1, place_ids, cells, subject_ids, any_place)

    def _fingerprints_of(self, window: Window, spans: Sequence[tuple[datetime, datetime]]) -> None:
        """The recent fingerprints of the window's incidents in ``spans`` (the days just read),
        read with it (one statement a span, not one for each incident and source a statement
        joins), unless their links are too many."""
        for t0, t1 in spans:
            fresh = {i for i, (at, _, _) in window.rows.items()
                     if t0 <= at <= t1 and i not in self._printed and i not in self._created}
            if not fresh:
                continue
            found = q.window_fingerprints(self._s, t0, t1, LINK_ROWS)
            if found is None:
                continue
            for key, recent in found.items():
                if key[0] in fresh:
                    self._fingerprints[key] = recent
            # a key kept before holds the same (``_linked`` keeps each up to date)
            self._printed |= fresh

    def _checks_of(self, window: Window, spans: Sequence[tuple[datetime, datetime]]) -> None:
        """The claim checks of the window's incidents in ``spans`` (the days just read), read
        with it (one statement a span, not one for each incident a statement joins):
        ``checks_for`` then answers them from memory. The checks' states held are written first, so
        what is read is what the transaction has."""
        for t0, t1 in spans:
            fresh: dict[int, list[CheckValue]] = {
                i: [] for i, (at, _, _) in window.rows.items() if t0 <= at <= t1 and i not in self._checks}
            if not fresh:
                continue
            self._flush_states()
            for check in q.window_checks(self._s, t0, t1):
                if check.incident_id in fresh:
                    fresh[check.incident_id].append(check)
            self._checks.update(fresh)

    def _placeless_ids(self, t0: datetime, t1: datetime, limit: int = q.CANDIDATES) -> list[int]:
        """``candidate_ids`` of the incidents without a place in [t0, t1], from the ones kept when
        the window is inside what was read."""
        held = self._placeless
        if held is None or not (held[0] <= t0 and t1 <= held[1]):
            held = self._placeless = (t0, t1 + PLACELESS_AHEAD, q.placeless_between(self._s, t0, t1 + PLACELESS_AHEAD))
        found = [i for at, i in held[2] if t0 <= at <= t1][:limit]
        if self.verify:
            _same(found, q.candidate_ids(self._s, t0, t1, [], [], [], limit, any_place=True, placeless=True))
        return found

    def _placed(self, changes: Sequence[Change], ids: dict[int, int]) -> None:
        """The placeless incidents kept, after ``changes``: a new one without a place joins them,
        one given a place leaves."""
        held = self._placeless
        if held is None:
            return
        for change in changes:
            if isinstance(change, NewIncident) and change.place_id is None and change.ref in ids:
                at = change.event_time.astimezone(UTC)
                if held[0] <= at <= held[1]:
                    held[2].append((at, ids[change.ref]))
                    held[2].sort(reverse=True)
            elif isinstance(change, IncidentUpdate) and "place_id" in change.fields:
                if change.fields["place_id"] is None:
                    self._placeless = None
                    return
                held[2][:] = [(at, i) for at, i in held[2] if i != change.incident]

    def incidents_between(self, t0: datetime, t1: datetime) -> list[IncidentValue]:
        self._flush()
        return q.incidents_between(self._s, t0, t1)

    def checks_for(self, incident_id: int) -> list[CheckValue]:
        return self._kept(self._checks, incident_id, incident_id, lambda: self._checks_read(incident_id), links=False)

    def _checks_read(self, incident_id: int) -> list[CheckValue]:
        self._flush_states()
        return q.checks_for(self._s, incident_id)

    def load_links(self, incident_id: int) -> list[LinkValue]:
        return self._kept(self._links, incident_id, incident_id, lambda: q.load_links(self._s, incident_id))

    def fingerprints_from(self, incident_id: int, source: str, role: str) -> list[int]:
        if incident_id in self._created or incident_id in self._printed:  # no link from this source yet
            self._fingerprints.setdefault((incident_id, source, role), [])
        return self._kept(self._fingerprints, (incident_id, source, role), incident_id,
                          lambda: q.fingerprints_from(self._s, incident_id, source, role))

    def _kept(self, kept: dict[K, list[V]], key: K, incident_id: int, read: Callable[[], list[V]],
              links: bool = True) -> list[V]:
        """What this transaction read (and wrote) before, else read now (after writing the links
        held for ``incident_id`` when ``read`` sees links) and kept; with ``verify`` every answer
        from memory is compared with the database's. These reads see links or claim checks, never
        an incident's row: its status update stays held (most statements joining an incident
        from a new source would otherwise write the last one's, an UPDATE a statement)."""
        found = kept.get(key)
        if found is None:
            held = self._deferred
            if links and held is not None and any(v["incident_id"] == incident_id for v in held.links):
                self._flush_links()
            found = kept[key] = read()
        elif self.verify:
            self._flush([incident_id])
            _same(found, read())
        return list(found)

    def lean_incident(self, incident_id: int) -> IncidentValue | None:
        """The incident with the rules' links: its row from the candidates kept when it is one
        (else read), its links as ``load_links`` keeps them (a due check's incident is often one
        the batch read or linked to, and the next check or statement on it needs them again)."""
        row = self._read.get(incident_id)
        if row is None:
            self._flush([incident_id])
            row = q.incident_alone(self._s, incident_id)
            if row is None:
                return None
            if self._deferred is not None:
                self._deferred.alive.add(incident_id)  # its row is there: a status update may be held
        found = replace(row, links=tuple(self.load_links(incident_id)))
        if self.verify:
            self._flush([incident_id])
            _same(found, q.lean_incident(self._s, incident_id))
        return found

    def claim_links_by_source(self, incident_id: int) -> list[LinkValue]:
        found = self._by_source.get(incident_id)
        if found is None:
            self._flush([incident_id])
            found = self._by_source[incident_id] = q.claim_links_by_source(self._s, incident_id)
        elif self.verify:
            self._flush([incident_id])
            _same(found, q.claim_links_by_source(self._s, incident_id))
        return list(found)

    def prefetch_checks(self, checks: Sequence[CheckValue]) -> None:
        """What settling ``checks`` reads of their incidents (``lean_incident``'s row and links,
        ``claim_links_by_source``), read for all of them at once where each statement is a round
        trip (PostgreSQL): one statement of each kind instead of one a check. A kind missing for
        one incident only is left to the check (the same statement; the claim links may not be
        asked at all). Kept like the rest of what the transaction read."""
        if not self._round_trips:
            return
        ids = list(dict.fromkeys(c.incident_id for c in checks))
        rows = [i for i in ids if i not in self._read]
        links = [i for i in ids if i not in self._links]
        claims = [i for i in ids if i not in self._by_source]
        if len(rows) < 2 and len(links) < 2 and len(claims) < 2:
            return
        self._flush()  # the reads see what the transaction holds
        if len(rows) > 1:
            found = q.incidents_with_stubs(self._s, rows)
            self._read.update(found)
            if self._deferred is not None:
                self._deferred.alive.update(found)  # their rows are there: status updates may be held
        if len(links) > 1:
            self._links.update(q.links_of_incidents(self._s, links))
        if len(claims) > 1:
            self._by_source.update(q.claim_links_of_incidents(self._s, claims))

    def get_incident(self, incident_id: int) -> IncidentValue | None:
        self._flush()
        flush_history(self._s, self._notes)
        return q.get_incident(self._s, incident_id)

    def due_checks(self, now: datetime, limit: int = 500) -> list[CheckValue]:
        """The pending checks due at ``now``, earliest first (from the pending checks kept, once
        ``next_due`` has read them)."""
        if self._pending is None:
            self._flush_states()
            return q.due_checks(self._s, now, limit)
        due = sorted((c for c in self._pending.values() if c.due_at <= now), key=lambda c: (c.due_at, c.id))[:limit]
        if self.verify:
            self._flush_states()
            _same(due, q.due_checks(self._s, now, limit))
        return due

    def next_due(self) -> datetime | None:
        """When the earliest pending check is due, as this transaction leaves them: all pending
        checks are read once (the states held written first), then kept."""
        if self._pending is None:
            self._flush_states()
            self._pending = {c.id: c for c in q.pending_checks(self._s)}
        found = min((c.due_at for c in self._pending.values()), default=None)
        if self.verify:
            self._flush_states()
            _same(found, q.next_due(self._s))
        return found

    def links_of_message(self, message_pk: int) -> list[tuple[int, LinkValue]]:
        self._flush()
        return q.links_of_message(self._s, message_pk)

    def actor_states(self) -> dict[str, ActorState]:
        self._flush()
        flush_claims(self._s, self._claims)
        return q.actor_states(self._s)

    def apply(self, changes: Sequence[Change]) -> tuple[dict[int, int], list[AlertValue]]:
        linked: list[tuple[int, NewLink]] = []
        try:
            out = apply_changes(self._s, changes, self._unlinked, linked, self._spellings, self._notes, self._checks,
                                self._claims, self._deferred, self._pending, self._fresh)
        except BaseException:
            self._clear()  # the transaction or its savepoint will be rolled back
            raise
        self._seed(changes, out[0])
        self._forget(changes)
        self._placed(changes, out[0])
        if self._window is not None:
            self._window.changed(changes, out[0], linked)
        for incident_id, change in linked:
            self._stub(incident_id, change.link)
        for new_id in out[0].values():
            self._created.add(new_id)
            self._links[new_id], self._checks[new_id] = [], []
        for incident_id, change in linked:
            self._linked(incident_id, change)
        return out

    def _seed(self, changes: Sequence[Change], ids: dict[int, int]) -> None:
        """Incidents created: kept as the database now has them (no link yet), so the next
        statement about the same event finds them without reading them back."""
        for change in changes:
            if isinstance(change, NewIncident) and change.ref in ids:
                self._times[ids[change.ref]] = change.event_time.astimezone(UTC)
                at = change.at.astimezone(UTC)
                self._read[ids[change.ref]] = IncidentValue(
                    id=ids[change.ref], event_time=change.event_time.astimezone(UTC),
                    time_precision=change.time_precision, place_id=change.place_id, place=change.place,
                    lat=change.lat, lon=change.lon, geo_precision=change.geo_precision, target=change.target,
                    weapon=change.weapon, description=change.description, status="claimed", grade="weak",
                    reasons=(), origin=change.origin, first_seen=at, updated_at=at, corroborated_at=None)

    def _forget(self, changes: Sequence[Change]) -> None:
        for change in changes:
            if isinstance(change, IncidentUpdate):
                self._updated(change)
            elif isinstance(change, MarkSuperseded):
                self._read.pop(change.incident, None)
                self._links.pop(change.incident, None)
                self._by_source.pop(change.incident, None)
            elif isinstance(change, CheckState):  # ``apply_changes`` keeps ``_checks`` as it is now, as an upsert
                if change.state == "pending":
                    self._pending = None  # a check made pending again: ``apply_changes`` keeps no copy of it
            elif isinstance(change, (MergeIncident, WithdrawMessage)):
                self._clear()  # links move or change on any number of incidents

    def _updated(self, change: IncidentUpdate) -> None:
        """A candidate kept, as the update left its row (``apply_changes``): the status when one
        is given, the later of the two times, the first corroboration. A place refined is
        forgotten (rare; read again)."""
        kept = self._read.get(change.incident)
        if kept is None:
            return
        if change.fields:
            del self._read[change.incident]
            return
        at = change.at.astimezone(UTC)
        new = replace(kept, updated_at=at if kept.updated_at < at else kept.updated_at)
        if change.status:
            new = replace(new, status=change.status, grade=change.grade, reasons=tuple(change.reasons))
        if change.corroborated_at is not None and kept.corroborated_at is None:
            new = replace(new, corroborated_at=change.corroborated_at.astimezone(UTC))
        self._read[change.incident] = new

    def _stub(self, incident_id: int, link: LinkValue) -> None:
        """A candidate kept, with a link inserted: its stubs (``incidents_with_stubs``) keep the
        first time of each (role, subject). A subject new on it is forgotten (unless it has no
        stub yet): where its stub goes depends on the database's collation."""
        kept = self._read.get(incident_id)
        if kept is None or link.subject_id is None or link.withdrawn:
            return
        stubs = list(kept.links)
        at = link.at.astimezone(UTC)
        if not stubs:  # its first stub: nothing to order it among
            self._read[incident_id] = replace(kept, links=(LinkValue(
                role=link.role, source="", source_role="", network="", bloc="", at=at, message_pk=0,
                subject_id=link.subject_id),))
            return
        for k, stub in enumerate(stubs):
            if (stub.role, stub.subject_id) == (link.role, link.subject_id):
                if at < stub.at:
                    stubs[k] = replace(stub, at=at)
                    self._read[incident_id] = replace(kept, links=tuple(stubs))
                return
        del self._read[incident_id]

    def _linked(self, incident_id: int, change: NewLink) -> None:
        """A link inserted: the rules' links and the fingerprints of the incident, as the
        database would now give them (``load_links``, ``fingerprints_from``)."""
        lv = change.link
        claims = self._by_source.get(incident_id)
        if claims is not None and lv.role == "claim" and all(x.source != lv.source for x in claims):
            del self._by_source[incident_id]  # a source's first claim: read again when asked
        links = self._links.get(incident_id)
        if links is not None:
            # the row as read back: in UTC, without the reasons, url and excerpt the reads leave out
            row = replace(lv, at=lv.at.astimezone(UTC), message_pk=change.message_pk, score=float(lv.score),
                          reasons=(), url=None, excerpt=None)
            if lv.role == "report":
                networks = {x.network for x in links if x.role == "report"}
                first = lv.network not in networks and len(networks) < q.REPORT_NETWORKS
            else:
                first = not any(x.role != "report" and _group(x) == _group(lv) for x in links)
            if first:  # the first link of its group, and the newest link: last in id order
                links.append(row)
        recent = self._fingerprints.get((incident_id, lv.source, lv.role))
        if recent is None and (incident_id in self._created or incident_id in self._printed):
            recent = self._fingerprints[(incident_id, lv.source, lv.role)] = []
        if recent is not None:
            recent.insert(0, lv.fingerprint)
            del recent[q.RECENT_TEXTS:]

    def _clear(self) -> None:
        self._read.clear()
        self._links.clear()
        self._fingerprints.clear()
        self._checks.clear()
        self._by_source.clear()
        self._fresh.clear()  # (a rollback may have undone their links)
        self._pending = None
        self._created.clear()
        self._printed.clear()
        self._placeless = None
        self._window = None
        if self._spellings is not None:
            self._spellings.clear()
        if self._deferred is not None:
            self._deferred.alive.clear()  # what it holds is still to be written

    def finish(self) -> None:
        """Write what this transaction still holds (history notes, claims counted); called
        before commit."""
        self._flush()
        flush_history(self._s, self._notes)
        flush_claims(self._s, self._claims)

    @contextmanager
    def boundary(self) -> Iterator[None]:
        """A savepoint: what runs inside either lands with the transaction or is undone alone
        (unguarded: nothing; a failure inside must fail the transaction)."""
        if not self.guarded:
            yield
            return
        # what is held before: a flush inside the savepoint that is rolled back undoes it too
        held, claims = list(self._notes), dict(self._claims)
        try:
            with self._s.begin_nested():
                yield
        except BaseException:
            self._clear()  # rolled back: what was read since may no longer be so
            self._notes[:] = held
            self._claims.clear()
            self._claims.update(claims)
            raise


def _group(link: LinkValue) -> tuple[object, ...]:
    """What ``load_links`` keeps one link of (besides reports, one per network)."""
    return (link.role, link.network, link.subject_id, link.stance_detail, link.withdrawn, link.killed, link.wounded,
            link.casualties)


def _same(kept: object, read: object) -> None:
    if repr(kept) != repr(read):
        raise AssertionError(f"kept in memory {kept!r}, the database has {read!r}")

