"""Known incidents from a file: ``claimwatch incidents import FILE``.

Reads CSV (``date,place,description,sources`` or ACLED-like columns), the JSON list that
``incidents --format json`` writes, and the GeoJSON that ``--format geojson`` writes. An incident
with the same date, place and description as one stored is the same incident (importing twice
adds nothing). Each imported incident takes over the stored incidents it turns out to be (same
day, same or nearby place), so the messages already linked count for it whatever the order.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.incidents.engine import IncidentEngine, cell_of
from classifiers.gazetteer import Gazetteer
from classifiers.normalize import normalize, tokens
from storage.incidents import Change, IncidentTx, IncidentUpdate, IncidentValue, MergeIncident, NewIncident
from watchers.errors import InputError

_SOURCES = re.compile(r"\s*\[sources: [^\]]*\]\s*$")


@dataclass(frozen=True, slots=True)
class KnownIncident:
    """One incident read from a file, with where it came from (for error lines)."""

    where: str
    event_time: datetime
    time_precision: str
    place_id: str | None
    place: str | None
    lat: float
    lon: float
    geo_precision: str
    target: str | None
    weapon: str | None
    description: str | None

    def key(self) -> tuple[str, str, str]:
        return _key(self.event_time, self.place_id or self.place, self.description)


def _key(when: datetime, place: str | None, description: str | None) -> tuple[str, str, str]:
    """Same date, same place, same description: the same incident."""
    text = _SOURCES.sub("", description or "")
    return when.date().isoformat(), normalize(place or ""), " ".join(normalize(text).split())


def read_known(path: Path, gz: Gazetteer) -> tuple[list[KnownIncident], list[str]]:
    """The incidents of a file, and one line per record rejected (naming the file and record)."""
    found: list[KnownIncident] = []
    rejected: list[str] = []
    for where, item in _records(path):
        if not isinstance(item, dict):
            rejected.append(f"{where}: not an object")
            continue
        try:
            found.append(_known(where, item, gz))
        except ValueError as exc:
            rejected.append(f"{where}: {exc}")
    return found, rejected


def _records(path: Path) -> list[tuple[str, Any]]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from exc
    if text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from exc
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            features = data.get("features")
            if not isinstance(features, list):
                raise InputError(f"{path}: GeoJSON without a 'features' list")
            return [(f"{path}: feature {i + 1}", _from_feature(f)) for i, f in enumerate(features)]
        items = data.get("incidents", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise InputError(f"{path}: expected a list of incidents")
        return [(f"{path}: record {i + 1}", item) for i, item in enumerate(items)]
    reader = csv.DictReader(io.StringIO(text))
    return [(f"{path}:{i + 2}", dict(row)) for i, row in enumerate(reader)]


def _from_feature(feature: Any) -> Any:
    if not isinstance(feature, dict):
        return feature
    props = dict(feature.get("properties") or {})
    geometry = feature.get("geometry") or {}
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if geometry.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2:
        props.setdefault("lon", coords[0])
        props.setdefault("lat", coords[1])
    return props


def _known(where: str, item: dict[str, Any], gz: Gazetteer) -> KnownIncident:
    raw_date = str(item.get("date") or item.get("event_date") or item.get("event_time") or "").strip()
    try:
        when = datetime.fromisoformat(raw_date)
    except ValueError:
        raise ValueError(f"'date' {raw_date!r} is not an ISO date") from None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    precision = str(item.get("time_precision") or ("day" if len(raw_date) <= 10 else "message"))
    if precision not in ("day", "message"):
        precision = "day"
    if len(raw_date) <= 10:
        when = when.replace(hour=12)
    place_name = str(item.get("place") or item.get("location") or "").strip() or None
    place_id = item.get("place_id") if item.get("place_id") in gz.places else None
    if place_id is None and place_name:
        mentions = gz.scan(tokens(normalize(place_name)), tokens(place_name), frozenset({"place"}))
        place_id = mentions[0].id if mentions else None
    lat, lon = item.get("lat", item.get("latitude")), item.get("lon", item.get("longitude"))
    try:
        lat_f = float(lat) if lat not in (None, "") else None
        lon_f = float(lon) if lon not in (None, "") else None
    except (TypeError, ValueError):
        raise ValueError("lat/lon must be numbers") from None
    entry = gz.places.get(place_id or "")
    if (lat_f is None or lon_f is None) and entry:
        lat_f, lon_f = entry.lat, entry.lon
    if lat_f is None or lon_f is None:
        raise ValueError("needs a known place or lat and lon")
    sources = item.get("sources") or ""
    if isinstance(sources, str):
        sources = [s for s in sources.replace(",", ";").split(";") if s.strip()]
    description = str(item.get("description") or item.get("notes") or "").strip()
    if sources and not _SOURCES.search(description):
        description += " [sources: " + "; ".join(str(s).strip() for s in sources) + "]"
    return KnownIncident(
        where=where, event_time=when, time_precision=precision, place_id=place_id,
        place=entry.name if entry else place_name, lat=lat_f, lon=lon_f,
        geo_precision="exact" if entry and entry.kind == "base" else (entry.kind if entry else "coordinates"),
        target=str(item.get("target") or "") or None, weapon=str(item.get("weapon") or "") or None,
        description=description.strip() or None,
    )


def import_known_in(tx: IncidentTx, engine: IncidentEngine, known: list[KnownIncident],
                    now: datetime) -> tuple[int, int, int]:
    """Store the known incidents not stored yet and merge into each the stored incidents it is.
    Returns (created, already stored, stored incidents merged)."""
    created = same = merged = 0
    for item in known:
        day = item.event_time.replace(hour=12, minute=0, second=0, microsecond=0)
        around = tx.incidents_between(day - timedelta(hours=36), day + timedelta(hours=36))
        if any(_key(x.event_time, x.place_id or x.place, x.description) == item.key() or
               _key(x.event_time, x.place, x.description) == item.key() for x in around):
            same += 1
            continue
        new = NewIncident(
            ref=-1, event_time=item.event_time, time_precision=item.time_precision, place_id=item.place_id,
            place=item.place, lat=item.lat, lon=item.lon, geo_precision=item.geo_precision,
            cell=cell_of(item.lat, item.lon), target=item.target, weapon=item.weapon,
            description=item.description, origin="import", at=now,
        )
        ids, _ = tx.apply([new])
        ref = ids[new.ref]
        created += 1
        absorbed = [x for x in around if x.origin == "auto" and _same_event(engine, item, x)]
        changes: list[Change] = [MergeIncident(x.id, ref, now) for x in absorbed]
        merged += len(absorbed)
        tx.apply(changes)
        incident = tx.lean_incident(ref)
        assert incident is not None
        checks = tx.checks_for(ref)
        after: list[Change] = []
        engine.rules.status_changes(ref, incident, list(incident.links), checks, now, after)
        if not incident.links:
            after = [IncidentUpdate(ref, "reported", "fair", ["listed in an imported dataset"], now, None)]
        tx.apply(after)  # an import raises no alerts: its status and checks only
    return created, same, merged


def _same_event(engine: IncidentEngine, item: KnownIncident, stored: IncidentValue) -> bool:
    """A stored incident of the same day at the same, a related, a containing or a nearby place."""
    if abs((stored.event_time - item.event_time).total_seconds()) > 36 * 3600:
        return False
    if item.weapon and stored.weapon and item.weapon != stored.weapon:
        return False
    if item.place_id and stored.place_id:
        return engine.places.relate(stored.place_id, item.place_id) is not None
    if stored.lat is None or stored.lon is None:
        return False
    from classifiers.gazetteer import haversine_km

    return haversine_km(item.lat, item.lon, stored.lat, stored.lon) <= 30
