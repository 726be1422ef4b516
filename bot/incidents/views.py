"""What analysts read: incident tables, JSON, ACLED-like CSV, GeoJSON; the groups list; imports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.incidents.engine import cell_of
from classifiers.gazetteer import load_gazetteer
from classifiers.normalize import name_key
from storage import Store
from storage.incidents import ActorState, IncidentValue, LinkValue, NewIncident, apply_changes
from watchers.errors import InputError

_SUB_EVENT = {"drone": "Air/drone strike", "airstrike": "Air/drone strike", "rocket": "Shelling/artillery/missile attack",
              "missile": "Shelling/artillery/missile attack", "artillery": "Shelling/artillery/missile attack",
              "ied": "Remote explosive/landmine/IED", "suicide_attack": "Suicide bomb", "small_arms": "Armed clash"}
_GEO_PRECISION = {"exact": 1, "base": 1, "town": 1, "city": 1, "crossing": 1, "province": 3, "region": 3}


def _live(links: Sequence[LinkValue], role: str) -> list[LinkValue]:
    return [lk for lk in links if lk.role == role]


def incident_dict(inc: IncidentValue) -> dict[str, Any]:
    claims = _live(inc.links, "claim")
    claimed_at = min((c.at for c in claims), default=None)
    claimants: dict[str, dict[str, Any]] = {}
    for c in claims:
        entry = claimants.setdefault(c.subject_id or "?", {
            "actor": c.subject, "as_written": c.subject_as_written, "first_claim": c.at.isoformat(),
            "channel": c.source, "delay_hours": round((c.at - inc.event_time).total_seconds() / 3600, 1),
            "withdrawn": c.withdrawn, "superseded": c.superseded, "relays": [],
        })
        if c.source != entry["channel"]:
            entry["relays"].append(c.source)
        entry["withdrawn"] = entry["withdrawn"] and c.withdrawn
    figures = []
    for lk in inc.links:
        if lk.killed is not None or lk.wounded is not None or lk.casualties is not None:
            figures.append({"source": lk.source, "role": lk.role, "source_role": lk.source_role,
                            "official": lk.source_role == "official", "killed": lk.killed, "wounded": lk.wounded,
                            "killed_or_wounded": lk.casualties, "at": lk.at.isoformat()})
    return {
        "id": inc.id,
        "event_time": inc.event_time.isoformat(),
        "time_precision": inc.time_precision,
        "place": inc.place,
        "place_id": inc.place_id,
        "lat": inc.lat,
        "lon": inc.lon,
        "geo_precision": inc.geo_precision,
        "target": inc.target,
        "weapon": inc.weapon,
        "description": inc.description,
        "status": inc.status,
        "grade": inc.grade,
        "reasons": list(inc.reasons),
        "origin": inc.origin,
        "first_claim_at": claimed_at.isoformat() if claimed_at else None,
        "claimants": list(claimants.values()),
        "competing_claims": len({c.subject_id for c in claims if not c.withdrawn}) > 1,
        "denials": [{"by": d.speaker or d.source, "kind": d.stance_detail, "source": d.source, "at": d.at.isoformat()}
                    for d in _live(inc.links, "denial")],
        "attributions": [{"by": a.speaker or a.source, "blames": a.subject, "source": a.source, "at": a.at.isoformat()}
                         for a in _live(inc.links, "attribution")],
        "reports": [{"source": r.source, "network": r.network, "role": r.source_role, "at": r.at.isoformat()}
                    for r in _live(inc.links, "report")],
        "figures": figures,
        "inflation": any("casualties exceed" in r for r in inc.reasons),
        "sources": sorted({lk.url or lk.source for lk in inc.links}),
        "history": [{"at": at.isoformat(), "change": change} for at, change in inc.history],
    }


def _acled_row(inc: IncidentValue) -> dict[str, Any]:
    d = incident_dict(inc)
    gz = load_gazetteer()
    entry = gz.places.get(inc.place_id or "")
    official = [f["killed"] for f in d["figures"] if f["official"] and f["killed"] is not None]
    claimed = [f["killed"] for f in d["figures"] if not f["official"] and f["killed"] is not None]
    fatalities = min(official) if official else (min(claimed) if claimed else 0)
    notes = "; ".join([inc.description or "", *inc.reasons])
    return {
        "event_id_cnty": f"CW{inc.id}", "event_date": inc.event_time.date().isoformat(),
        "year": inc.event_time.year, "time_precision": 1 if inc.time_precision in ("day", "message") else 2,
        "event_type": "Explosions/Remote violence", "sub_event_type": _SUB_EVENT.get(inc.weapon or "", "Remote violence"),
        "actor1": "; ".join(c["actor"] or "" for c in d["claimants"]), "actor2": inc.target or "",
        "country": {"IQ": "Iraq", "SY": "Syria", "JO": "Jordan", "IL": "Israel", "SA": "Saudi Arabia"}.get(
            entry.country if entry and entry.country else "", ""),
        "location": inc.place or "", "latitude": inc.lat if inc.lat is not None else "",
        "longitude": inc.lon if inc.lon is not None else "",
        "geo_precision": _GEO_PRECISION.get(inc.geo_precision, 2), "source": "; ".join(d["sources"][:5]),
        "notes": notes, "fatalities": fatalities, "status": inc.status, "grade": inc.grade,
        "denials": "; ".join(f"{x['by']} ({x['kind']})" for x in d["denials"]),
        "attributions": "; ".join(f"{x['by']} blames {x['blames']}" for x in d["attributions"]),
    }


def format_incidents(rows: Sequence[IncidentValue], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([incident_dict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        fields = list(_acled_row(rows[0]).keys()) if rows else ["event_id_cnty"]
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for r in rows:
            writer.writerow(_acled_row(r))
        return out.getvalue()
    if fmt == "geojson":
        features = []
        for r in rows:
            if r.lat is None or r.lon is None:
                continue
            props = incident_dict(r)
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
                             "properties": {k: v for k, v in props.items() if k not in ("lat", "lon")}})
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n"
    lines = [f"{'ID':>5}  {'EVENT':16}  {'STATUS':14}  {'GRADE':10}  {'PLACE':28}  CLAIMANTS / DENIALS / ATTRIBUTIONS"]
    for r in rows:
        d = incident_dict(r)
        who = ", ".join(c["actor"] + (" (withdrawn)" if c["withdrawn"] else "") for c in d["claimants"]) or "-"
        extra = []
        if d["denials"]:
            extra.append("denied by " + ", ".join(f"{x['by']} ({x['kind']})" for x in d["denials"]))
        if d["attributions"]:
            extra.append("; ".join(f"{x['by']} blames {x['blames']}" for x in d["attributions"]))
        lines.append(f"{r.id:>5}  {r.event_time.strftime('%Y-%m-%d %H:%M'):16}  {r.status:14}  {r.grade:10}  "
                     f"{(r.place or '?')[:28]:28}  {who}{' | ' + ' | '.join(extra) if extra else ''}")
    return "\n".join(lines) + "\n"


def format_groups(states: dict[str, ActorState], rates: dict[str, tuple[int, int]], only_new: bool, fmt: str) -> str:
    rows: list[dict[str, Any]] = []
    for st in sorted(states.values(), key=lambda a: (a.known, a.first_seen or datetime.min.replace(tzinfo=UTC), a.id)):
        if only_new and st.known:
            continue
        claimed, corroborated = rates.get(st.id, (0, 0))
        rows.append({
            "id": st.id, "name": st.name, "kind": st.kind, "known": st.known, "parent": st.parent,
            "spellings": list(st.aliases), "first_seen": st.first_seen.isoformat() if st.first_seen else None,
            "last_claim": st.last_claim_at.isoformat() if st.last_claim_at else None, "claims": st.claims,
            "incidents_claimed": claimed,
            "corroboration_rate": round(corroborated / claimed, 2) if claimed else None,
        })
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{'GROUP':32}  {'KIND':8}  {'KNOWN':5}  {'FIRST SEEN':16}  {'CLAIMS':>6}  {'CORR.':>5}  SPELLINGS"]
    for r in rows:
        rate = "-" if r["corroboration_rate"] is None else f"{r['corroboration_rate']:.0%}"
        lines.append(f"{r['name'][:32]:32}  {r['kind'][:8]:8}  {'yes' if r['known'] else 'NEW':5}  "
                     f"{(r['first_seen'] or '')[:16]:16}  {r['claims']:>6}  {rate:>5}  {'; '.join(r['spellings'])}")
    return "\n".join(lines) + "\n"


def _parse_import(path: Path) -> list[tuple[str, dict[str, Any]]]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from exc
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from exc
        items = data.get("incidents", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise InputError(f"{path}: expected a list of incidents")
        return [(f"{path}: record {i + 1}", item) for i, item in enumerate(items)]
    reader = csv.DictReader(io.StringIO(text))
    return [(f"{path}:{i + 2}", dict(row)) for i, row in enumerate(reader)]


async def import_incidents(store: Store, path: Path) -> tuple[int, list[str]]:
    """Import known incidents (CSV or JSON: date, place or lat/lon, description, sources)."""
    gz = load_gazetteer()
    by_key = {name_key(alias): pid for pid, p in gz.places.items() for alias in (p.name,)}
    for key_alias, pid in list(by_key.items()):
        by_key.setdefault(key_alias, pid)
    changes: list[NewIncident] = []
    rejected: list[str] = []
    now = datetime.now(UTC)
    for where, item in _parse_import(path):
        if not isinstance(item, dict):
            rejected.append(f"{where}: not an object")
            continue
        raw_date = str(item.get("date") or item.get("event_date") or "").strip()
        try:
            when = datetime.fromisoformat(raw_date)
        except ValueError:
            rejected.append(f"{where}: 'date' {raw_date!r} is not an ISO date")
            continue
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
        precision = "day" if len(raw_date) <= 10 else "message"
        if precision == "day":
            when = when.replace(hour=12)
        place_name = str(item.get("place") or item.get("location") or "").strip() or None
        place_id = None
        if place_name:
            from classifiers.normalize import normalize, tokens

            toks = tokens(normalize(place_name))
            found = [m for m in gz.scan(toks, tokens(place_name), frozenset({"place"}))]
            place_id = found[0].id if found else None
        lat, lon = item.get("lat", item.get("latitude")), item.get("lon", item.get("longitude"))
        try:
            lat_f = float(lat) if lat not in (None, "") else None
            lon_f = float(lon) if lon not in (None, "") else None
        except (TypeError, ValueError):
            rejected.append(f"{where}: lat/lon must be numbers")
            continue
        entry = gz.places.get(place_id or "")
        if lat_f is None and entry:
            lat_f, lon_f = entry.lat, entry.lon
        if lat_f is None or lon_f is None:
            rejected.append(f"{where}: needs a known place or lat and lon")
            continue
        sources = item.get("sources") or ""
        if isinstance(sources, str):
            sources = [s for s in sources.replace(",", ";").split(";") if s.strip()]
        description = str(item.get("description") or item.get("notes") or "")
        if sources:
            description += " [sources: " + "; ".join(str(s).strip() for s in sources) + "]"
        changes.append(NewIncident(
            ref=-(len(changes) + 1), event_time=when, time_precision=precision, place_id=place_id,
            place=entry.name if entry else place_name, lat=lat_f, lon=lon_f,
            geo_precision="exact" if entry and entry.kind == "base" else (entry.kind if entry else "coordinates"),
            cell=cell_of(lat_f, lon_f), target=item.get("target") or None, weapon=item.get("weapon") or None,
            description=description.strip() or None, origin="import", at=now,
        ))
    if changes:
        from storage.incidents import IncidentUpdate

        updates = [IncidentUpdate(c.ref, "reported", "fair", ["listed in an imported dataset"], now, None)
                   for c in changes]
        await store.run(lambda s: apply_changes(s, [*changes, *updates]))
    return len(changes), rejected
