"""Reading incidents, their links, claim checks and actors: plain values out (Core tuples on the
hot paths, no ORM objects kept)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, Select, Table, bindparam, func, or_, select, union
from sqlalchemy.orm import Session

from storage.incident_values import ActorState, CheckValue, IncidentMessage, IncidentValue, LinkValue
from storage.tables import (
    ActorAliasRow,
    ActorRow,
    ClaimCheckRow,
    IncidentEventRow,
    IncidentLinkRow,
    IncidentRow,
    MessageRow,
)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


# Core rows, not mapped objects: a candidate read per statement builds no ORM identity
_INCIDENTS = _table(IncidentRow)
_LINKS = _table(IncidentLinkRow)
_MESSAGES = _table(MessageRow)
_HISTORY = _table(IncidentEventRow)
_CHECKS = _table(ClaimCheckRow)
_ACTORS = _table(ActorRow)
_ALIASES = _table(ActorAliasRow)


_INCIDENT_FIELDS = tuple(_INCIDENTS.c.keys())


def _incident(r: Any, links: Iterable[LinkValue] = (),
              history: Iterable[tuple[datetime, str]] = ()) -> IncidentValue:
    # a Core row's values by name in one pass (its attribute access costs a microsecond a column,
    # and every candidate of every statement comes through here); a mapped row by its attributes
    v = dict(zip(r._fields, r, strict=True)) if isinstance(r, Row) else {k: getattr(r, k) for k in _INCIDENT_FIELDS}
    return IncidentValue(
        id=v["id"] or 0, event_time=v["event_time"], time_precision=v["time_precision"], place_id=v["place_id"],
        place=v["place"], lat=v["lat"], lon=v["lon"], geo_precision=v["geo_precision"], target=v["target"],
        weapon=v["weapon"], description=v["description"], status=v["status"], grade=v["grade"],
        reasons=tuple(v["reasons"] or ()), origin=v["origin"], first_seen=v["first_seen"],
        updated_at=v["updated_at"], corroborated_at=v["corroborated_at"], links=tuple(links), history=tuple(history),
    )


def _link(r: Any, url: str | None = None, excerpt: str | None = None) -> LinkValue:
    return LinkValue(
        role=r.role, source=r.source, source_role=r.source_role, network=r.network, bloc=r.bloc, at=r.at,
        message_pk=r.message_pk, statement_idx=r.statement_idx, stance_detail=r.stance_detail,
        speaker_id=r.speaker_id, speaker=r.speaker, subject_id=r.subject_id, subject=r.subject,
        subject_as_written=r.subject_as_written, fingerprint=r.fingerprint, killed=r.killed, wounded=r.wounded,
        casualties=r.casualties, withdrawn=r.withdrawn, superseded=r.superseded, score=r.score,
        reasons=tuple(r.reasons or ()), ambiguous=r.ambiguous, url=url, excerpt=excerpt,
    )


_LINK_COLUMNS = (
    _LINKS.c.incident_id, _LINKS.c.role, _LINKS.c.source, _LINKS.c.source_role,
    _LINKS.c.network, _LINKS.c.bloc, _LINKS.c.at, _LINKS.c.message_pk,
    _LINKS.c.statement_idx, _LINKS.c.stance_detail, _LINKS.c.speaker_id, _LINKS.c.speaker,
    _LINKS.c.subject_id, _LINKS.c.subject, _LINKS.c.subject_as_written,
    _LINKS.c.fingerprint, _LINKS.c.killed, _LINKS.c.wounded, _LINKS.c.casualties,
    _LINKS.c.withdrawn, _LINKS.c.superseded, _LINKS.c.score, _LINKS.c.ambiguous,
)


_LINK_FIELDS = tuple(c.key for c in _LINK_COLUMNS)


def _links_for(s: Session, ids: Sequence[int], with_text: bool = False) -> dict[int, list[LinkValue]]:
    """Links of incidents as plain values (Core tuples: no ORM objects on this hot path)."""
    out: dict[int, list[LinkValue]] = defaultdict(list)
    if not ids:
        return out
    # the matcher's reasons (JSON) are for people reading an incident, not for the hot path
    columns: tuple[Any, ...] = _LINK_COLUMNS + ((_LINKS.c.reasons, _MESSAGES.c.url, _MESSAGES.c.text)
                                                if with_text else ())
    query = select(*columns).where(_LINKS.c.incident_id.in_(ids)).order_by(_LINKS.c.id)
    if with_text:
        query = query.join(_MESSAGES, _MESSAGES.c.pk == _LINKS.c.message_pk)
    for row in s.execute(query).all():
        values = list(row)
        url = excerpt = None
        reasons: tuple[str, ...] = ()
        if with_text:
            text = values.pop()
            url = values.pop()
            reasons = tuple(values.pop() or ())
            excerpt = (text or "")[:280]
        fields = dict(zip(_LINK_FIELDS, values, strict=True))
        incident_id = fields.pop("incident_id")
        out[incident_id].append(LinkValue(**fields, reasons=reasons, url=url, excerpt=excerpt))
    return out


def incident_messages(s: Session, incident_ids: Sequence[int]) -> dict[int, list[IncidentMessage]]:
    """The messages linked to each incident, oldest first (by the message's own date), one entry
    per linked statement."""
    out: dict[int, list[IncidentMessage]] = {i: [] for i in incident_ids}
    ids = list(dict.fromkeys(incident_ids))
    for i in range(0, len(ids), 400):
        query = (select(_LINKS.c.incident_id, _MESSAGES.c.source, _MESSAGES.c.msg_id, _MESSAGES.c.url,
                        _MESSAGES.c.date, _LINKS.c.role, _LINKS.c.speaker, _LINKS.c.subject,
                        _LINKS.c.score, _LINKS.c.reasons, _LINKS.c.withdrawn)
                 .join(_MESSAGES, _MESSAGES.c.pk == _LINKS.c.message_pk)
                 .where(_LINKS.c.incident_id.in_(ids[i:i + 400]))
                 .order_by(_MESSAGES.c.date, _LINKS.c.id))
        for (incident_id, source, msg_id, url, date, role, speaker, subject, score, reasons,
             withdrawn) in s.execute(query).all():
            out[incident_id].append(IncidentMessage(
                incident_id=incident_id, source=source, id=msg_id, url=url, date=date, role=role, speaker=speaker,
                subject=subject, score=float(score or 0.0), reasons=tuple(reasons or ()), withdrawn=bool(withdrawn)))
    return out


CANDIDATES = 40  # the most a candidate read returns


def candidates(s: Session, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
               subject_ids: Sequence[str], limit: int = CANDIDATES, any_place: bool = False,
               placeless: bool = False) -> list[IncidentValue]:
    """Incidents in [t0, t1] at one of the places or grid cells, or linked to one of the subjects;
    with ``any_place``, every incident in the window, newest first (for a statement that names no
    place or only a country). The event_time index bounds the scan, so cost does not grow with
    history. Each candidate carries only stub links: one per (role, subject) with the time of its
    first link; ``load_links`` reads the full links of the one incident chosen. ``placeless``:
    only the incidents without a place (those a placed statement may absorb)."""
    found = incidents_with_stubs(s, candidate_ids(s, t0, t1, place_ids, cells, subject_ids, limit, any_place, placeless))
    return list(found.values())


def candidate_ids(s: Session, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                  subject_ids: Sequence[str], limit: int = CANDIDATES, any_place: bool = False,
                  placeless: bool = False) -> list[int]:
    """The ids of ``candidates``, in its order (one indexed read)."""
    return [i for i, _ in candidate_times(s, t0, t1, place_ids, cells, subject_ids, limit, any_place, placeless)]


def candidate_times(s: Session, t0: datetime, t1: datetime, place_ids: Sequence[str], cells: Sequence[str],
                    subject_ids: Sequence[str], limit: int = CANDIDATES, any_place: bool = False,
                    placeless: bool = False) -> list[tuple[int, datetime]]:
    """(id, event time) of ``candidates``, in its order."""
    if not any_place and not (place_ids or cells or subject_ids):
        return []
    query = _candidates_query(bool(place_ids), bool(cells), bool(subject_ids), any_place, placeless, limit)
    return [(i, at) for i, at in s.connection().execute(query, {
        "t0": t0, "t1": t1, "place_ids": list(place_ids), "cells": list(cells),
        "subject_ids": list(subject_ids)}).all()]


def placeless_between(s: Session, t0: datetime, t1: datetime) -> list[tuple[datetime, int]]:
    """(event time, id) of every incident without a place in [t0, t1], newest first (the order
    of ``candidate_ids`` with ``placeless``, without its limit)."""
    return [(at, i) for at, i in s.connection().execute(_PLACELESS, {"t0": t0, "t1": t1}).all()]


def window_incidents(s: Session, t0: datetime, t1: datetime,
                     limit: int) -> list[tuple[int, datetime, str | None, str | None]]:
    """(id, event time, place id, cell) of the incidents in [t0, t1], at most ``limit``: what
    ``candidate_times`` tests of each."""
    return [(i, at, place_id, cell) for i, at, place_id, cell in s.connection().execute(
        _WINDOW, {"t0": t0, "t1": t1, "limit": limit}).all()]


def window_subjects(s: Session, t0: datetime, t1: datetime) -> list[tuple[int, str, datetime]]:
    """(incident id, subject id, latest link time) of the links with a subject (withdrawn too, as
    ``candidate_times`` counts them) of the incidents in [t0, t1]."""
    return [(i, subject_id, at) for i, subject_id, at in s.connection().execute(
        _WINDOW_SUBJECTS, {"t0": t0, "t1": t1}).all()]


_WINDOW = (select(_INCIDENTS.c.id, _INCIDENTS.c.event_time, _INCIDENTS.c.place_id, _INCIDENTS.c.cell)
           .where(_INCIDENTS.c.event_time >= bindparam("t0"), _INCIDENTS.c.event_time <= bindparam("t1"))
           .limit(bindparam("limit")))
_WINDOW_SUBJECTS = (select(_LINKS.c.incident_id, _LINKS.c.subject_id, func.max(_LINKS.c.at))
                    .join_from(_LINKS, _INCIDENTS, _LINKS.c.incident_id == _INCIDENTS.c.id)
                    .where(_INCIDENTS.c.event_time >= bindparam("t0"), _INCIDENTS.c.event_time <= bindparam("t1"),
                           _LINKS.c.subject_id.is_not(None))
                    .group_by(_LINKS.c.incident_id, _LINKS.c.subject_id))


_PLACELESS = (select(_INCIDENTS.c.event_time, _INCIDENTS.c.id)
              .where(_INCIDENTS.c.event_time >= bindparam("t0"), _INCIDENTS.c.event_time <= bindparam("t1"),
                     _INCIDENTS.c.place_id.is_(None))
              .order_by(_INCIDENTS.c.event_time.desc(), _INCIDENTS.c.id.desc()))


def incidents_with_stubs(s: Session, ids: Sequence[int]) -> dict[int, IncidentValue]:
    """The incidents ``ids`` (in that order) with the stub links ``candidates`` describes."""
    if not ids:
        return {}
    rows: dict[int, Any] = {}
    stubs: dict[int, list[LinkValue]] = defaultdict(list)
    # one statement: each incident's row once per stub (once, stubs None, if it has none)
    for row in s.connection().execute(_WITH_STUBS, {"ids": list(ids)}).all():
        rows[row.id] = row
        if row.stub_role is not None:
            stubs[row.id].append(LinkValue(role=row.stub_role, source="", source_role="", network="", bloc="",
                                           at=row.stub_first, message_pk=0, subject_id=row.stub_subject))
    return {i: _incident(rows[i], stubs.get(i, ())) for i in ids if i in rows}


# The statements of the linking path are built once, with bound parameters: building a SELECT
# and its cache key per call cost more Python than running it
@lru_cache(maxsize=64)
def _candidates_query(places: bool, cells: bool, subjects: bool, any_place: bool, placeless: bool,
                      limit: int) -> Select[Any]:
    c = _INCIDENTS.c
    window = [c.event_time >= bindparam("t0"), c.event_time <= bindparam("t1")]
    if placeless:
        window.append(c.place_id.is_(None))
    if any_place:
        return select(c.id, c.event_time).where(*window).order_by(c.event_time.desc(), c.id.desc()).limit(limit)
    # one indexed read per way in, joined: asked as one OR, every incident of the window was tested
    # against each (its links probed for the subjects), so the cost grew with the density of history
    parts: list[Select[Any]] = []
    if places:
        parts.append(select(c.id, c.event_time).where(c.place_id.in_(bindparam("place_ids", expanding=True)), *window))
    if cells:
        parts.append(select(c.id, c.event_time).where(c.cell.in_(bindparam("cells", expanding=True)), *window))
    if subjects:
        # the subjects' links since the window opened (ix_incident_links_subject_at), then their incidents
        parts.append(select(c.id, c.event_time).join_from(_LINKS, _INCIDENTS, _LINKS.c.incident_id == c.id)
                     .where(_LINKS.c.subject_id.in_(bindparam("subject_ids", expanding=True)),
                            _LINKS.c.at >= bindparam("t0"), *window))
    if len(parts) == 1:
        one = parts[0].distinct().subquery()
        return select(one.c.id, one.c.event_time).order_by(one.c.event_time, one.c.id).limit(limit)
    found = union(*parts).subquery()
    return select(found.c.id, found.c.event_time).order_by(found.c.event_time, found.c.id).limit(limit)


_STUBS = (select(_LINKS.c.incident_id, _LINKS.c.role, _LINKS.c.subject_id, func.min(_LINKS.c.at).label("first"))
          .where(_LINKS.c.incident_id.in_(bindparam("ids", expanding=True)), _LINKS.c.subject_id.is_not(None),
                 _LINKS.c.withdrawn.is_(False))
          .group_by(_LINKS.c.incident_id, _LINKS.c.role, _LINKS.c.subject_id)).subquery()
_WITH_STUBS = (select(_INCIDENTS, _STUBS.c.role.label("stub_role"), _STUBS.c.subject_id.label("stub_subject"),
                      _STUBS.c.first.label("stub_first"))
               .outerjoin(_STUBS, _STUBS.c.incident_id == _INCIDENTS.c.id)
               .where(_INCIDENTS.c.id.in_(bindparam("ids", expanding=True)))
               .order_by(_INCIDENTS.c.id, _STUBS.c.role, _STUBS.c.subject_id))


def incidents_between(s: Session, t0: datetime, t1: datetime) -> list[IncidentValue]:
    """Incidents with their event in [t0, t1], without links (to find one already recorded)."""
    rows = s.execute(select(_INCIDENTS).where(_INCIDENTS.c.event_time >= t0, _INCIDENTS.c.event_time <= t1)
                     .order_by(_INCIDENTS.c.event_time, _INCIDENTS.c.id)).all()
    return [_incident(r) for r in rows]


REPORT_NETWORKS = 25


def load_links(s: Session, incident_id: int) -> list[LinkValue]:
    """The links the corroboration rules need, bounded however many channels relayed an event:
    the first link of each (role, network, subject, denial kind, withdrawn, figures stated) and of
    the first 25 report networks. The rules read networks, subjects and the lowest and highest
    figures, so four hundred claims of one group, each with its toll, cost a few rows, not four
    hundred per message."""
    return [LinkValue(**{k: v for k, v in zip(_LINK_FIELDS, row, strict=True) if k != "incident_id"})
            for row in s.connection().execute(_LOAD_LINKS, {"incident_id": incident_id}).all()]


def _load_links_query() -> Select[Any]:
    incident: Any = bindparam("incident_id")
    firsts = (select(func.min(_LINKS.c.id))
              .where(_LINKS.c.incident_id == incident, _LINKS.c.role != "report")
              .group_by(_LINKS.c.role, _LINKS.c.network, _LINKS.c.subject_id, _LINKS.c.stance_detail,
                        _LINKS.c.withdrawn, _LINKS.c.killed, _LINKS.c.wounded, _LINKS.c.casualties))
    # independent reports only need counting up to a few networks: 25 settle any grade
    reports = (select(func.min(_LINKS.c.id).label("first"))
               .where(_LINKS.c.incident_id == incident, _LINKS.c.role == "report")
               .group_by(_LINKS.c.network).order_by("first").limit(REPORT_NETWORKS))
    return (select(*_LINK_COLUMNS).where(
        _LINKS.c.incident_id == incident,
        or_(_LINKS.c.id.in_(firsts), _LINKS.c.id.in_(select(reports.subquery().c.first))))
        .order_by(_LINKS.c.id))


_LOAD_LINKS = _load_links_query()


def links_of_incidents(s: Session, ids: Sequence[int]) -> dict[int, list[LinkValue]]:
    """``load_links`` of each incident of ``ids`` (every one a key, [] without links), in one
    statement: the due checks of a batch ask it of many incidents."""
    out: dict[int, list[LinkValue]] = {i: [] for i in ids}
    if ids:
        for row in s.connection().execute(_LINKS_OF_INCIDENTS, {"ids": list(ids)}).all():
            fields = dict(zip(_LINK_FIELDS, row, strict=True))
            out[fields.pop("incident_id")].append(LinkValue(**fields))
    return out


def _links_of_incidents_query() -> Select[Any]:
    """``_LOAD_LINKS`` with its groups taken per incident, for many: the same rows for each, in
    the same order (its first 25 report networks numbered within the incident)."""
    ids: Any = bindparam("ids", expanding=True)
    firsts = (select(func.min(_LINKS.c.id))
              .where(_LINKS.c.incident_id.in_(ids), _LINKS.c.role != "report")
              .group_by(_LINKS.c.incident_id, _LINKS.c.role, _LINKS.c.network, _LINKS.c.subject_id,
                        _LINKS.c.stance_detail, _LINKS.c.withdrawn, _LINKS.c.killed, _LINKS.c.wounded,
                        _LINKS.c.casualties))
    first = func.min(_LINKS.c.id)
    reports = (select(first.label("first"),
                      func.row_number().over(partition_by=_LINKS.c.incident_id, order_by=first).label("n"))
               .where(_LINKS.c.incident_id.in_(ids), _LINKS.c.role == "report")
               .group_by(_LINKS.c.incident_id, _LINKS.c.network)).subquery()
    return (select(*_LINK_COLUMNS).where(
        _LINKS.c.incident_id.in_(ids),
        or_(_LINKS.c.id.in_(firsts), _LINKS.c.id.in_(select(reports.c.first).where(reports.c.n <= REPORT_NETWORKS))))
        .order_by(_LINKS.c.id))


_LINKS_OF_INCIDENTS = _links_of_incidents_query()
# a re-post comes soon after the post: the source's latest texts on the incident are enough
RECENT_TEXTS = 50
_FINGERPRINTS = select(_LINKS.c.fingerprint).where(
    _LINKS.c.incident_id == bindparam("incident_id"), _LINKS.c.source == bindparam("source"),
    _LINKS.c.role == bindparam("role")).order_by(_LINKS.c.id.desc()).limit(RECENT_TEXTS)


def fingerprints_from(s: Session, incident_id: int, source: str, role: str) -> list[int]:
    """What one source already said on an incident (to drop its re-posts)."""
    return [f for (f,) in s.connection().execute(
        _FINGERPRINTS, {"incident_id": incident_id, "source": source, "role": role}).all()]


def claim_links_by_source(s: Session, incident_id: int) -> list[LinkValue]:
    """The first claim link of each source (for naming every relay in an alert), oldest first."""
    links: list[LinkValue] = []
    for row in s.connection().execute(_CLAIM_LINKS_BY_SOURCE, {"incident_id": incident_id}).all():
        values = dict(zip((*_LINK_FIELDS, "url"), row, strict=True))
        values.pop("incident_id")
        links.append(LinkValue(**values))
    return links


def claim_links_of_incidents(s: Session, ids: Sequence[int]) -> dict[int, list[LinkValue]]:
    """``claim_links_by_source`` of each incident of ``ids`` (every one a key), in one statement."""
    out: dict[int, list[LinkValue]] = {i: [] for i in ids}
    if ids:
        for row in s.connection().execute(_CLAIM_LINKS_OF_INCIDENTS, {"ids": list(ids)}).all():
            values = dict(zip((*_LINK_FIELDS, "url"), row, strict=True))
            out[values.pop("incident_id")].append(LinkValue(**values))
    return out


# built once (an alert for each uncorroborated claim asks it)
_FIRST_CLAIMS = (select(func.min(_LINKS.c.id)).where(_LINKS.c.incident_id == bindparam("incident_id"),
                                                     _LINKS.c.role == "claim")
                 .group_by(_LINKS.c.source))
_CLAIM_LINKS_BY_SOURCE = (select(*_LINK_COLUMNS, _MESSAGES.c.url).join(_MESSAGES, _MESSAGES.c.pk == _LINKS.c.message_pk)
                          .where(_LINKS.c.id.in_(_FIRST_CLAIMS)).order_by(_LINKS.c.id))


_CLAIM_LINKS_OF_INCIDENTS = (
    select(*_LINK_COLUMNS, _MESSAGES.c.url).join(_MESSAGES, _MESSAGES.c.pk == _LINKS.c.message_pk)
    .where(_LINKS.c.id.in_(select(func.min(_LINKS.c.id))
                           .where(_LINKS.c.incident_id.in_(bindparam("ids", expanding=True)), _LINKS.c.role == "claim")
                           .group_by(_LINKS.c.incident_id, _LINKS.c.source)))
    .order_by(_LINKS.c.id))


_INCIDENT_ROW = select(_INCIDENTS).where(_INCIDENTS.c.id == bindparam("id"))


def _incident_row(s: Session, incident_id: int) -> Any:
    return s.connection().execute(_INCIDENT_ROW, {"id": incident_id}).first()


def incident_alone(s: Session, incident_id: int) -> IncidentValue | None:
    """The incident's row, without links."""
    row = _incident_row(s, incident_id)
    return _incident(row) if row is not None else None


def lean_incident(s: Session, incident_id: int) -> IncidentValue | None:
    row = _incident_row(s, incident_id)
    return _incident(row, load_links(s, incident_id)) if row is not None else None


def get_incident(s: Session, incident_id: int) -> IncidentValue | None:
    row = _incident_row(s, incident_id)
    if row is None:
        return None
    links = _links_for(s, [incident_id], with_text=True)
    history = s.execute(select(_HISTORY.c.at, _HISTORY.c.change)
                        .where(_HISTORY.c.incident_id == incident_id).order_by(_HISTORY.c.id)).all()
    return _incident(row, links.get(incident_id, ()), [(a, c) for a, c in history])


def list_incidents(s: Session, status: str | None, since: datetime | None, limit: int | None = None,
                   newest_first: bool = False) -> list[IncidentValue]:
    query = select(_INCIDENTS)
    if status:
        query = query.where(_INCIDENTS.c.status == status)
    if since:
        query = query.where(_INCIDENTS.c.event_time >= since)
    order = (_INCIDENTS.c.event_time.desc(), _INCIDENTS.c.id.desc()) if newest_first else (
        _INCIDENTS.c.event_time, _INCIDENTS.c.id)
    query = query.order_by(*order)
    if limit:
        query = query.limit(limit)
    rows = s.execute(query).all()
    links = _links_for(s, [r.id for r in rows if r.id is not None], with_text=True)
    return [_incident(r, links.get(r.id or 0, ())) for r in rows]


def links_of_message(s: Session, message_pk: int) -> list[tuple[int, LinkValue]]:
    rows = s.execute(select(_LINKS).where(_LINKS.c.message_pk == message_pk)).all()
    return [(r.incident_id, _link(r)) for r in rows]


def checks_for(s: Session, incident_id: int) -> list[CheckValue]:
    rows = s.connection().execute(_CHECKS_OF, {"incident_id": incident_id}).all()
    return [_check(r) for r in rows]


_CHECKS_OF = select(_CHECKS).where(_CHECKS.c.incident_id == bindparam("incident_id")).order_by(_CHECKS.c.id)


def window_fingerprints(s: Session, t0: datetime, t1: datetime,
                        limit: int) -> dict[tuple[int, str, str], list[int]] | None:
    """``fingerprints_from`` of every (incident, source, role) with a link, for the incidents in
    [t0, t1]; None when their links are more than ``limit``."""
    rows = s.connection().execute(_WINDOW_FINGERPRINTS, {"t0": t0, "t1": t1, "limit": limit + 1}).all()
    if len(rows) > limit:
        return None
    out: dict[tuple[int, str, str], list[int]] = {}
    for incident_id, source, role, fingerprint in rows:  # newest first, as fingerprints_from
        recent = out.setdefault((incident_id, source, role), [])
        if len(recent) < RECENT_TEXTS:
            recent.append(fingerprint)
    return out


_WINDOW_FINGERPRINTS = (
    select(_LINKS.c.incident_id, _LINKS.c.source, _LINKS.c.role, _LINKS.c.fingerprint)
    .join_from(_LINKS, _INCIDENTS, _LINKS.c.incident_id == _INCIDENTS.c.id)
    .where(_INCIDENTS.c.event_time >= bindparam("t0"), _INCIDENTS.c.event_time <= bindparam("t1"))
    .order_by(_LINKS.c.id.desc()).limit(bindparam("limit")))


def window_checks(s: Session, t0: datetime, t1: datetime) -> list[CheckValue]:
    """The claim checks of the incidents in [t0, t1], each incident's in ``checks_for``'s order."""
    return [_check(r) for r in s.connection().execute(_WINDOW_CHECKS, {"t0": t0, "t1": t1}).all()]


_WINDOW_CHECKS = (select(_CHECKS).join_from(_CHECKS, _INCIDENTS, _CHECKS.c.incident_id == _INCIDENTS.c.id)
                  .where(_INCIDENTS.c.event_time >= bindparam("t0"), _INCIDENTS.c.event_time <= bindparam("t1"))
                  .order_by(_CHECKS.c.incident_id, _CHECKS.c.id))


def _check(r: Any) -> CheckValue:
    return CheckValue(r.id or 0, r.incident_id, r.claimant_id, r.claimant, r.claimed_at, r.due_at, r.state)


def due_checks(s: Session, now: datetime, limit: int = 500) -> list[CheckValue]:
    rows = s.execute(select(_CHECKS).where(_CHECKS.c.state == "pending", _CHECKS.c.due_at <= now)
                     .order_by(_CHECKS.c.due_at, _CHECKS.c.id).limit(limit)).all()
    return [_check(r) for r in rows]


def pending_checks(s: Session) -> list[CheckValue]:
    """Every pending check, in the order ``due_checks`` gives them."""
    rows = s.connection().execute(_PENDING).all()
    return [_check(r) for r in rows]


_PENDING = select(_CHECKS).where(_CHECKS.c.state == "pending").order_by(_CHECKS.c.due_at, _CHECKS.c.id)


def next_due(s: Session) -> datetime | None:
    value = s.execute(select(func.min(_CHECKS.c.due_at)).where(_CHECKS.c.state == "pending")).scalar_one()
    return value  # type: ignore[no-any-return]


def actor_states(s: Session) -> dict[str, ActorState]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for actor_id, alias in s.execute(select(_ALIASES.c.actor_id, _ALIASES.c.alias).order_by(_ALIASES.c.id)).all():
        aliases[actor_id].append(alias)
    out = {}
    for r in s.execute(select(_ACTORS)).all():
        out[r.id] = ActorState(r.id, r.name, r.kind, r.parent, r.known, r.first_seen, r.last_claim_at, r.claims,
                               tuple(aliases.get(r.id, ())))
    return out


def learned_aliases(s: Session) -> list[tuple[str, str]]:
    """Aliases taught in chat: (alias, actor id)."""
    return [(a, i) for a, i in s.execute(select(_ALIASES.c.alias, _ALIASES.c.actor_id)
                                         .where(_ALIASES.c.origin == "taught")).all()]



def claims_by_actor(s: Session) -> dict[str, tuple[int, int]]:
    """Per claimant: (incidents claimed, of which corroborated or contested with corroboration)."""
    rows = s.execute(
        select(_LINKS.c.subject_id, _INCIDENTS.c.id, _INCIDENTS.c.status)
        .join(_INCIDENTS, _INCIDENTS.c.id == _LINKS.c.incident_id)
        .where(_LINKS.c.role == "claim", _LINKS.c.withdrawn.is_(False))
    ).all()
    seen: dict[str, dict[int, str]] = defaultdict(dict)
    for subject_id, incident_id, status in rows:
        if subject_id:
            seen[subject_id][incident_id] = status
    return {k: (len(v), sum(1 for st in v.values() if st in ("corroborated", "contested"))) for k, v in seen.items()}
