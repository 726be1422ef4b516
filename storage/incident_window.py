"""The candidate read answered from memory (``Window``): what one transaction knows of the
incidents of a few days, kept as its own writes change them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from storage import incident_queries as q
from storage.incident_changes import Change, IncidentUpdate, NewIncident, NewLink

# a window read for one statement covers the days after it too: the next statements of a batch,
# later in time, ask about windows inside it
AHEAD = timedelta(days=7)
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
    the whole (the transaction forgets it)."""

    def __init__(self, s: Session, t0: datetime, t1: datetime) -> None:
        self.t0, self.t1 = t0, t1
        rows = q.window_incidents(s, t0, t1, ROWS + 1)
        self.dense = len(rows) > ROWS
        self.rows: dict[int, tuple[datetime, str | None, str | None]] = {}
        self.subjects: dict[int, dict[str, datetime]] = {}
        if self.dense:
            return
        self.rows = {i: (at, place_id, cell) for i, at, place_id, cell in rows}
        for incident_id, subject_id, at in q.window_subjects(s, t0, t1):
            self.subjects.setdefault(incident_id, {})[subject_id] = at

    def covers(self, t0: datetime, t1: datetime) -> bool:
        return self.t0 <= t0 and t1 <= self.t1

    def times(self, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
              subject_ids: Sequence[str], any_place: bool) -> list[tuple[int, datetime]] | None:
        """``candidate_times`` (not ``placeless``) from memory: the same incidents in the same
        order, or None when this window cannot tell."""
        if self.dense or not self.covers(t0, t1):
            return None
        if not any_place and not (place_ids or cells or subject_ids):
            return []
        inside = [(at, i) for i, (at, _, _) in self.rows.items() if t0 <= at <= t1]
        if any_place:
            inside.sort(reverse=True)
            return [(i, at) for at, i in inside[:q.CANDIDATES]]
        places, grid, subjects = set(place_ids), set(cells), set(subject_ids)
        found = [(at, i) for at, i in inside if self._meets(i, places, grid, subjects, t0)]
        found.sort()
        return [(i, at) for at, i in found[:q.CANDIDATES]]

    def _meets(self, incident_id: int, places: set[str], grid: set[str], subjects: set[str], t0: datetime) -> bool:
        _, place_id, cell = self.rows[incident_id]
        if place_id in places or cell in grid:
            return True
        # a link of one of the subjects since the window opened
        latest = self.subjects.get(incident_id)
        return latest is not None and any(x in latest and latest[x] >= t0 for x in subjects)

    def changed(self, changes: Sequence[Change], ids: dict[int, int], linked: Sequence[tuple[int, NewLink]]) -> None:
        for change in changes:
            if isinstance(change, NewIncident) and change.ref in ids:
                at = change.event_time.astimezone(UTC)
                if self.t0 <= at <= self.t1:
                    self.rows[ids[change.ref]] = (at, change.place_id, change.cell)
            elif isinstance(change, IncidentUpdate) and ("place_id" in change.fields or "cell" in change.fields):
                incident_id = ids.get(change.incident, change.incident)
                if incident_id in self.rows:
                    at, place_id, cell = self.rows[incident_id]
                    self.rows[incident_id] = (at, _text(change.fields.get("place_id", place_id)),
                                              _text(change.fields.get("cell", cell)))
        for incident_id, link in linked:
            subject_id = link.link.subject_id
            if incident_id in self.rows and subject_id is not None:
                latest = self.subjects.setdefault(incident_id, {})
                at = link.link.at.astimezone(UTC)
                if subject_id not in latest or latest[subject_id] < at:
                    latest[subject_id] = at


def _text(value: object) -> str | None:
    return None if value is None else str(value)
