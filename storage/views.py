"""Read-only queries for the web view: map points, the daily timeline, and an incident's messages.

Each takes an ``IncidentFilter`` (the view's shared filters) and returns frozen values. They read
columns, not ORM rows, so 10,000 incidents cost one pass each (``bench/web_view.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String, exists, func, or_, select
from sqlalchemy.orm import Session

from storage.incident_values import IncidentMessage, IncidentValue
from storage.tables import IncidentLinkRow, IncidentRow, MessageRow

_IN_CHUNK = 400


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents a view shows. Empty fields do not filter. ``until`` is exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    statuses: tuple[str, ...] = ()
    actor: str | None = None  # an actor id or name: claimant, speaker or party blamed
    place: str | None = None  # a place id or name
    source: str | None = None  # a message source that is linked to the incident


@dataclass(frozen=True, slots=True)
class MapPoint:
    id: int
    event_time: str  # UTC, to the minute: "YYYY-MM-DD HH:MM"
    lat: float
    lon: float
    status: str
    place: str | None
    fatalities: int | None  # the largest killed (or killed-or-wounded) figure any source gave
    claimant: str | None


@dataclass(frozen=True, slots=True)
class TimelineDay:
    day: date
    statuses: tuple[tuple[str, int], ...]  # incidents by status whose event falls on the day
    claims: int  # claim messages published that day
    denials: int
    corroborations: int  # incidents first corroborated that day


@dataclass(frozen=True, slots=True)
class ShownMessage:
    """A linked message as the incident page shows it: the evidence entry of the contract
    (``IncidentMessage``, its ``messages`` shape) and what a reader needs besides."""

    evidence: IncidentMessage
    title: str | None
    text: str
    statement_idx: int | None  # which statement of the message linked (to find its sentence again)
    stance_detail: str | None
    source_role: str
    subject_as_written: str | None
    deleted: bool


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _conditions(f: IncidentFilter) -> list[Any]:
    where: list[Any] = []
    if f.since:
        where.append(IncidentRow.event_time >= f.since)
    if f.until:
        where.append(IncidentRow.event_time < f.until)
    if f.statuses:
        where.append(IncidentRow.status.in_(f.statuses))  # type: ignore[attr-defined]
    if f.place:
        where.append(or_(IncidentRow.place_id == f.place, func.lower(IncidentRow.place) == f.place.lower()))
    if f.actor:
        name = f.actor.lower()
        where.append(exists().where(
            IncidentLinkRow.incident_id == IncidentRow.id,
            or_(IncidentLinkRow.subject_id == f.actor, IncidentLinkRow.speaker_id == f.actor,
                func.lower(IncidentLinkRow.subject) == name, func.lower(IncidentLinkRow.speaker) == name)))
    if f.source:
        where.append(exists().where(IncidentLinkRow.incident_id == IncidentRow.id, IncidentLinkRow.source == f.source))
    return where


def incident_ids(s: Session, f: IncidentFilter, limit: int | None = None, offset: int = 0,
                 newest_first: bool = True) -> tuple[int, list[int]]:
    """The number of incidents the filter keeps, and the ids of one page of them."""
    where = _conditions(f)
    total = s.execute(select(func.count()).select_from(IncidentRow).where(*where)).scalar_one()
    order = (IncidentRow.event_time.desc(), IncidentRow.id.desc()) if newest_first else (  # type: ignore[attr-defined]
        IncidentRow.event_time, IncidentRow.id)
    query = select(IncidentRow.id).where(*where).order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return int(total), [i for (i,) in s.execute(query).all()]


def _utc_text(s: Session, column: Any, length: int) -> Any:
    """A UTC time as text in SQL, cut to the day (10) or the minute (16): grouping and formatting
    10,000 rows in the database costs a few milliseconds, turning them into datetimes far more."""
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD" if length == 10 else "YYYY-MM-DD HH24:MI",
                            type_=String)
    return func.substr(column, 1, length, type_=String)  # SQLite keeps 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC


def _core(s: Session) -> Any:
    # Core execution on the session's connection: ORM row handling was two thirds of the map's time
    return s.connection()


def _kept_ids(f: IncidentFilter) -> Any:
    return select(IncidentRow.id).where(*_conditions(f)).scalar_subquery()


def map_points(s: Session, f: IncidentFilter) -> list[MapPoint]:
    """Incidents with coordinates, oldest first, with their largest stated toll and first claimant."""
    figures = (select(IncidentLinkRow.incident_id.label("iid"),
                      func.max(func.coalesce(IncidentLinkRow.killed, IncidentLinkRow.casualties)).label("toll"),
                      func.min(IncidentLinkRow.subject).filter(IncidentLinkRow.role == "claim").label("claimant"))
               .group_by(IncidentLinkRow.incident_id).subquery())
    # one joined query: measured 200 ms against 330 ms for two (10,000 incidents, bench/web_view.py)
    query = (select(IncidentRow.id, _utc_text(s, IncidentRow.event_time, 16), IncidentRow.lat, IncidentRow.lon,
                    IncidentRow.status, IncidentRow.place, figures.c.toll, figures.c.claimant)
             .outerjoin(figures, figures.c.iid == IncidentRow.id)
             .where(IncidentRow.lat.is_not(None), IncidentRow.lon.is_not(None), *_conditions(f))  # type: ignore[union-attr]
             .order_by(IncidentRow.event_time, IncidentRow.id))
    return [MapPoint(*row) for row in _core(s).execute(query).all()]


def timeline(s: Session, f: IncidentFilter) -> list[TimelineDay]:
    """Per UTC day: incidents by status (by event time), and the claims, denials and first
    corroborations of those incidents on the day they were published. Days with nothing are left out."""
    where = _conditions(f)
    day = _utc_text(s, IncidentRow.event_time, 10)
    statuses: dict[str, dict[str, int]] = defaultdict(dict)
    for d, status, n in _core(s).execute(select(day, IncidentRow.status, func.count()).where(*where)
                                  .group_by(day, IncidentRow.status)).all():
        statuses[d][status] = n
    corroborated = _utc_text(s, IncidentRow.corroborated_at, 10)
    corroborations: dict[str, int] = dict(_core(s).execute(select(corroborated, func.count())
                                    .where(IncidentRow.corroborated_at.is_not(None), *where)  # type: ignore[union-attr]
                                    .group_by(corroborated)).all())
    said = _utc_text(s, IncidentLinkRow.at, 10)
    marks_query = (select(said, IncidentLinkRow.role, func.count())
                   .where(IncidentLinkRow.role.in_(("claim", "denial")))  # type: ignore[attr-defined]
                   .group_by(said, IncidentLinkRow.role))
    if where:
        marks_query = marks_query.where(IncidentLinkRow.incident_id.in_(_kept_ids(f)))  # type: ignore[attr-defined]
    marks = {(d, role): n for d, role, n in _core(s).execute(marks_query).all()}
    days = set(statuses) | set(corroborations) | {d for d, _ in marks}
    return [TimelineDay(date.fromisoformat(d), tuple(sorted(statuses[d].items())) if d in statuses else (),
                        marks.get((d, "claim"), 0), marks.get((d, "denial"), 0), corroborations.get(d, 0))
            for d in sorted(days)]


_SHOWN_COLUMNS: tuple[Any, ...] = (
    IncidentLinkRow.incident_id, MessageRow.source, MessageRow.msg_id, MessageRow.url, MessageRow.date,
    IncidentLinkRow.role, IncidentLinkRow.speaker, IncidentLinkRow.subject, IncidentLinkRow.score,
    IncidentLinkRow.reasons, IncidentLinkRow.withdrawn, MessageRow.title, MessageRow.text, IncidentLinkRow.statement_idx,
    IncidentLinkRow.stance_detail, IncidentLinkRow.source_role, IncidentLinkRow.subject_as_written, MessageRow.deleted,
)


def shown_messages(s: Session, ids: Sequence[int]) -> dict[int, list[ShownMessage]]:
    """Every message linked to each incident with its text, oldest first (one entry per statement
    linked, in the order of ``storage.incidents.incident_messages``)."""
    out: dict[int, list[ShownMessage]] = defaultdict(list)
    unique = list(dict.fromkeys(ids))
    for i in range(0, len(unique), _IN_CHUNK):
        rows = s.execute(
            select(*_SHOWN_COLUMNS)
            .join(MessageRow, MessageRow.pk == IncidentLinkRow.message_pk)
            .where(IncidentLinkRow.incident_id.in_(unique[i:i + _IN_CHUNK]))  # type: ignore[attr-defined]
            .order_by(MessageRow.date, IncidentLinkRow.id)).all()
        for r in rows:
            evidence = IncidentMessage(incident_id=r[0], source=r[1], id=r[2], url=r[3], date=_aware(r[4]), role=r[5],
                                       speaker=r[6], subject=r[7], score=float(r[8] or 0), reasons=tuple(r[9] or ()),
                                       withdrawn=bool(r[10]))
            out[r[0]].append(ShownMessage(evidence, title=r[11], text=r[12] or "", statement_idx=r[13],
                                          stance_detail=r[14], source_role=r[15], subject_as_written=r[16],
                                          deleted=bool(r[17])))
    return out


def filter_choices(s: Session) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """What the filter form offers: actors (id, name) and places (id, name) seen on incidents,
    and the sources linked to them."""
    actors = s.execute(select(IncidentLinkRow.subject_id, func.min(IncidentLinkRow.subject))
                       .where(IncidentLinkRow.subject_id.is_not(None))  # type: ignore[union-attr]
                       .group_by(IncidentLinkRow.subject_id)).all()
    places = s.execute(select(IncidentRow.place_id, func.min(IncidentRow.place))
                       .where(IncidentRow.place_id.is_not(None)).group_by(IncidentRow.place_id)).all()  # type: ignore[union-attr]
    sources = s.execute(select(IncidentLinkRow.source).distinct()).scalars().all()
    return (sorted(((a, n or a) for a, n in actors), key=lambda x: x[1].lower()),
            sorted(((p, n or p) for p, n in places), key=lambda x: x[1].lower()), sorted(sources))


def incidents_by_ids(s: Session, ids: Sequence[int], with_history: bool = False) -> list[IncidentValue]:
    """The incidents with these ids, in the order given, with their links (and history)."""
    from storage.incident_queries import _incident, _links_for
    from storage.tables import IncidentEventRow

    unique = list(dict.fromkeys(ids))
    rows: dict[int, IncidentRow] = {}
    links: dict[int, list[Any]] = {}
    history: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for i in range(0, len(unique), _IN_CHUNK):
        chunk = unique[i:i + _IN_CHUNK]
        rows.update({r.id or 0: r for r in s.execute(select(IncidentRow).where(IncidentRow.id.in_(chunk))).scalars()})  # type: ignore[union-attr]
        links.update(_links_for(s, chunk, with_text=True))
        if with_history:
            for incident_id, at, change in s.execute(
                    select(IncidentEventRow.incident_id, IncidentEventRow.at, IncidentEventRow.change)
                    .where(IncidentEventRow.incident_id.in_(chunk)).order_by(IncidentEventRow.id)).all():  # type: ignore[attr-defined]
                history[incident_id].append((at, change))
    return [_incident(rows[i], links.get(i, ()), history.get(i, ())) for i in unique if i in rows]
