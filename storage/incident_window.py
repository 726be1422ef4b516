"""The candidate read answered from memory (``Window``): what one transaction knows of the
incidents of a few days, kept as its own writes change them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from math import inf

from sqlalchemy.orm import Session

from storage import incident_queries as q
from storage.incident_changes import Change, IncidentUpdate, NewIncident, NewLink

# a window read for one statement covers the day after it too: the next statements of a batch,
# later in time, ask about windows inside it
AHEAD = timedelta(days=1)
# a window is read for a statement whose window starts this close to the previous statement's,
# after as many such reads in a row (statements days apart in a dense history, one every week over
# ten years, would read a window for every one: more rows than it saves)
CLOSE = timedelta(days=1)
CLOSE_READS = 2
# the widest span kept (an undated claim looks back a week): a statement about an event further
# off asks the database, and the span kept stays as it is
SPAN = timedelta(days=21)
# the most incidents kept: a span denser than this (years of history in a few weeks) is asked of
# the database a statement at a time, as before
ROWS = 2000


class Window:
    """The incidents whose event is in [t0, t1] as ``candidate_times`` sees them: each one's
    time, place and grid cell, and per subject the latest time of its links. ``times`` answers
    that read for a window inside [t0, t1] without a statement (``None``: outside it, or the span
    is too dense to keep). ``changed`` keeps it as ``IncidentTx.apply`` leaves the rows: an
    incident created, a link inserted or held, a place refined; a merge or a withdrawal drops
    the whole (the transaction forgets it). ``widen`` reads the days it lacks when a statement
    asks past it."""

    def __init__(self, s: Session, t0: datetime, t1: datetime) -> None:
        self.t0, self.t1 = t0, t1
        self.dense = False
        # (event time, id) in order, each incident's place and cell, the incidents at a place or
        # in a cell, and per subject the latest link of it on each incident
        self.order: list[tuple[datetime, int]] = []
        self.rows: dict[int, tuple[datetime, str | None, str | None]] = {}
        self.places: dict[str, set[int]] = {}
        self.cells: dict[str, set[int]] = {}
        self.subjects: dict[str, dict[int, datetime]] = {}
        self._read(s, t0, t1)

    def widen(self, s: Session, t0: datetime, t1: datetime) -> list[tuple[datetime, datetime]]:
        """The window made [t0, t1] (around the one kept): only the days not kept are read (the
        incidents kept are as the database has them: ``changed``), so a window that follows a
        replay day by day reads each day once, not its whole span again each time. Returns the
        spans read."""
        spans = [(a, b) for a, b in ((t0, self.t0), (self.t1, t1)) if a < b]
        self.t0, self.t1 = min(t0, self.t0), max(t1, self.t1)
        for a, b in spans:
            self._read(s, a, b)
        return spans

    def _read(self, s: Session, t0: datetime, t1: datetime) -> None:
        """The incidents of [t0, t1] not kept yet, with the latest link of each subject on them;
        the whole window dense (nothing kept) once it holds more than ``ROWS``."""
        if self.dense:
            return
        found = q.window_incidents(s, t0, t1, ROWS + 1)
        # an incident at a bound of the span kept is kept already
        rows = [r for r in found if r[0] not in self.rows]
        if len(found) > ROWS or len(self.rows) + len(rows) > ROWS:
            self.dense = True
            self.order, self.rows, self.places, self.cells, self.subjects = [], {}, {}, {}, {}
            return
        for i, at, place_id, cell in rows:
            self._add(i, at, place_id, cell)
        self.order.sort()
        fresh = {r[0] for r in rows}
        for incident_id, subject_id, at in q.window_subjects(s, t0, t1):
            if incident_id in fresh:
                self.subjects.setdefault(subject_id, {})[incident_id] = at

    def _add(self, incident_id: int, at: datetime, place_id: str | None, cell: str | None) -> None:
        self.order.append((at, incident_id))
        self.rows[incident_id] = (at, place_id, cell)
        if place_id is not None:
            self.places.setdefault(place_id, set()).add(incident_id)
        if cell is not None:
            self.cells.setdefault(cell, set()).add(incident_id)

    def covers(self, t0: datetime, t1: datetime) -> bool:
        return self.t0 <= t0 and t1 <= self.t1

    def times(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
              subject_ids: Sequence[str], any_place: bool) -> list[tuple[int, datetime]] | None:
        """``candidate_times`` (not ``placeless``) from memory: the same incidents in the same
        order, or None when this window cannot tell."""
        if self.dense or not self.covers(t0, t1):
            return None
        if any_place:  # the newest of the window
            inside = self.order[bisect_left(self.order, (t0,)):bisect_right(self.order, (t1, inf))]
            return [(i, at) for at, i in reversed(inside[-q.CANDIDATES:])]
        at_places = [found for found in (*(self.places.get(p) for p in place_ids),
                                         *(self.cells.get(c) for c in cells)) if found]
        linked = [found for found in (self.subjects.get(s) for s in subject_ids) if found]
        lo, hi = bisect_left(self.order, (t0,)), bisect_right(self.order, (t1, inf))
        if sum(map(len, at_places)) + sum(map(len, linked)) > hi - lo:
            # the statement's days hold fewer incidents than its places (a country: every incident
            # there in the span kept) and parties: those days are read, in order, each incident
            # tested, instead of those sets (which grow with the span kept)
            out: list[tuple[int, datetime]] = []
            for at, i in self.order[lo:hi]:
                if any(i in found for found in at_places) or any(
                        i in subject and subject[i] >= t0 for subject in linked):
                    out.append((i, at))
                    if len(out) == q.CANDIDATES:
                        break
            return out
        ids: set[int] = set()
        for found in at_places:
            ids |= found
        for subject in linked:  # a link of the subject since the window opened
            ids.update(i for i, at in subject.items() if at >= t0)
        kept = sorted((at, i) for at, i in ((self.rows[i][0], i) for i in ids) if t0 <= at <= t1)
        return [(i, at) for at, i in kept[:q.CANDIDATES]]

    def changed(self, changes: Sequence[Change], ids: dict[int, int], linked: Sequence[tuple[int, NewLink]]) -> None:
        for change in changes:
            if isinstance(change, NewIncident) and change.ref in ids:
                at = change.event_time.astimezone(UTC)
                if self.t0 <= at <= self.t1:
                    self._add(ids[change.ref], at, change.place_id, change.cell)
                    self.order.sort()
            elif isinstance(change, IncidentUpdate) and ("place_id" in change.fields or "cell" in change.fields):
                incident_id = ids.get(change.incident, change.incident)
                if incident_id in self.rows:
                    at, place_id, cell = self.rows[incident_id]
                    self.places.get(place_id or "", set()).discard(incident_id)
                    self.cells.get(cell or "", set()).discard(incident_id)
                    self.order.remove((at, incident_id))
                    self._add(incident_id, at, _text(change.fields.get("place_id", place_id)),
                              _text(change.fields.get("cell", cell)))
                    self.order.sort()
        for incident_id, link in linked:
            subject_id = link.link.subject_id
            if incident_id in self.rows and subject_id is not None:
                latest = self.subjects.setdefault(subject_id, {})
                at = link.link.at.astimezone(UTC)
                if incident_id not in latest or latest[incident_id] < at:
                    latest[incident_id] = at


def _text(value: object) -> str | None:
    return None if value is None else str(value)
