"""The incident engine's view of one open transaction (``IncidentTx``): the session stays in
``storage``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from storage import incident_queries as q
from storage.incident_changes import (
    Change,
    IncidentUpdate,
    MarkSuperseded,
    MergeIncident,
    NewLink,
    WithdrawMessage,
)
from storage.incident_values import ActorState, CheckValue, IncidentValue, LinkValue
from storage.incident_writes import apply_changes
from storage.values import AlertValue


class RetryGuarded(Exception):
    """Raised by the engine when a message fails in an unguarded transaction: the store rolls
    the whole batch back and runs it again with a savepoint per message (``IncidentTx.guarded``)."""


class IncidentTx:
    """The incident engine's view of one open transaction: the reads it needs, ``apply`` for
    its changes, and ``boundary`` (a SAVEPOINT) so one message's failure undoes only its own
    changes. The session itself stays inside ``storage``.

    The candidates read in a transaction are kept until a change of this transaction touches
    them: the statements of one batch look at the same days, so most candidates are read once
    a batch instead of once a statement (every write goes through ``apply``, which forgets what
    it touches; a savepoint rolled back forgets everything).

    ``guarded``: ``boundary`` takes a savepoint. A batch is first run unguarded (two statements
    fewer a message, which on PostgreSQL are two round trips): a failure there raises
    ``RetryGuarded`` and the batch runs again, guarded, from its start."""

    def __init__(self, session: Session, new_messages: Iterable[int] = (), guarded: bool = True) -> None:
        self._s = session
        self.guarded = guarded
        # messages stored in this transaction: none is linked yet (until ``apply`` links it)
        self._unlinked = set(new_messages)
        self._read: dict[int, IncidentValue] = {}  # candidates as they stand in this transaction

    def candidates(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                   subject_ids: Sequence[str], any_place: bool = False, placeless: bool = False) -> list[IncidentValue]:
        ids = q.candidate_ids(self._s, t0, t1, place_ids, cells, subject_ids, any_place=any_place, placeless=placeless)
        missing = [i for i in ids if i not in self._read]
        if missing:
            self._read.update(q.incidents_with_stubs(self._s, missing))
        return [self._read[i] for i in ids if i in self._read]

    def incidents_between(self, t0: datetime, t1: datetime) -> list[IncidentValue]:
        return q.incidents_between(self._s, t0, t1)

    def checks_for(self, incident_id: int) -> list[CheckValue]:
        return q.checks_for(self._s, incident_id)

    def load_links(self, incident_id: int) -> list[LinkValue]:
        return q.load_links(self._s, incident_id)

    def fingerprints_from(self, incident_id: int, source: str, role: str) -> list[int]:
        return q.fingerprints_from(self._s, incident_id, source, role)

    def lean_incident(self, incident_id: int) -> IncidentValue | None:
        return q.lean_incident(self._s, incident_id)

    def claim_links_by_source(self, incident_id: int) -> list[LinkValue]:
        return q.claim_links_by_source(self._s, incident_id)

    def get_incident(self, incident_id: int) -> IncidentValue | None:
        return q.get_incident(self._s, incident_id)

    def due_checks(self, now: datetime) -> list[CheckValue]:
        return q.due_checks(self._s, now)

    def next_due(self) -> datetime | None:
        return q.next_due(self._s)

    def links_of_message(self, message_pk: int) -> list[tuple[int, LinkValue]]:
        return q.links_of_message(self._s, message_pk)

    def actor_states(self) -> dict[str, ActorState]:
        return q.actor_states(self._s)

    def apply(self, changes: Sequence[Change]) -> tuple[dict[int, int], list[AlertValue]]:
        try:
            return apply_changes(self._s, changes, self._unlinked)
        finally:
            self._forget(changes)

    def _forget(self, changes: Sequence[Change]) -> None:
        for change in changes:
            if isinstance(change, (NewLink, IncidentUpdate, MarkSuperseded)):
                self._read.pop(change.incident, None)
            elif isinstance(change, MergeIncident):
                self._read.pop(change.source, None)
                self._read.pop(change.into, None)
            elif isinstance(change, WithdrawMessage):
                self._read.clear()  # its links may be on any incident

    @contextmanager
    def boundary(self) -> Iterator[None]:
        """A savepoint: what runs inside either lands with the transaction or is undone alone
        (unguarded: nothing; a failure inside must fail the transaction)."""
        if not self.guarded:
            yield
            return
        try:
            with self._s.begin_nested():
                yield
        except BaseException:
            self._read.clear()  # rolled back: what was read since may no longer be so
            raise

