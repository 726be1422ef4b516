"""What analysts read: incident tables, JSON, ACLED-like CSV, GeoJSON; the groups list."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bot.countries import COUNTRIES
from classifiers.gazetteer import Gazetteer, load_gazetteer
from storage.incidents import ActorState, IncidentMessage, IncidentValue, LinkValue

# ACLED's own event and sub-event types (ACLED Codebook, "Event types"); a weapon the message does not
# name gives no sub-event type rather than a guessed one.
_SUB_EVENT = {"drone": ("Explosions/Remote violence", "Air/drone strike"),
              "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
              "rocket": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
              "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
              "artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
              "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
              "suicide_attack": ("Explosions/Remote violence", "Suicide bomb"),
              "small_arms": ("Battles", "Armed clash")}
# First-level divisions (the gazetteer's places of kind "province") as ACLED spells them in its Iraq
# and Syria data; any other province is written as the gazetteer names it, without "Governorate".
_ADMIN1 = {"anbar": "Al Anbar", "baghdad-governorate": "Baghdad", "basra-governorate": "Basrah",
           "nineveh-governorate": "Ninewa", "erbil-governorate": "Erbil", "sulaymaniyah-governorate": "Sulaymaniyah",
           "duhok-governorate": "Duhok", "halabja-governorate": "Halabja", "kirkuk-governorate": "Kirkuk",
           "diyala-governorate": "Diyala", "salah-al-din-governorate": "Salah al-Din", "babil-governorate": "Babil",
           "karbala-governorate": "Kerbala", "najaf-governorate": "Najaf", "wasit-governorate": "Wassit",
           "maysan-governorate": "Missan", "dhi-qar-governorate": "Thi-Qar", "muthanna-governorate": "Muthanna",
           "qadisiyah-governorate": "Al-Qadissiya", "damascus-governorate": "Damascus",
           "rif-dimashq-governorate": "Rural Damascus", "aleppo-governorate": "Aleppo", "idlib-governorate": "Idleb",
           "hama-governorate": "Hama", "homs-governorate": "Homs", "latakia-governorate": "Lattakia",
           "tartus-governorate": "Tartous", "raqqa-governorate": "Ar-Raqqa", "deir-ez-zor-governorate": "Deir-ez-Zor",
           "hasakah-governorate": "Al Hasakeh", "daraa-governorate": "Dar'a", "suwayda-governorate": "As-Sweida",
           "quneitra-governorate": "Quneitra"}


_GEO_PRECISION = {"exact": 1, "base": 1, "town": 1, "city": 1, "crossing": 1, "province": 3, "region": 3}


def _live(links: Sequence[LinkValue], role: str) -> list[LinkValue]:
    return [lk for lk in links if lk.role == role]


def incident_dict(inc: IncidentValue, messages: Sequence[IncidentMessage] = ()) -> dict[str, Any]:
    """One incident as ``incidents --format json`` gives it (CONTRACT.md, "Incidents"), with its
    evidence: every linked message, oldest first."""
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
        "message_count": len({(m.source, m.id) for m in messages}),
        "messages": [m.contract_dict() for m in messages],
    }


def _target_actor(target: str | None) -> str | None:
    """The actor a target names ("US forces" -> United States), or None: ``actor2`` holds actors only,
    never a convoy or a base."""
    if not target:
        return None
    from classifiers.normalize import normalize, tokens

    gz = load_gazetteer()
    found = gz.scan(tokens(normalize(target)), tokens(target), frozenset({"actor"}))
    return gz.actors[found[0].id].name if found and found[0].id in gz.actors else None


def _admin1(gz: Gazetteer, place_id: str | None) -> str:
    """The province a place lies in (walking up its parents), as ACLED spells it; empty if none."""
    seen: set[str] = set()
    while place_id and place_id not in seen and place_id in gz.places:
        seen.add(place_id)
        entry = gz.places[place_id]
        if entry.kind == "province":
            name: str = _ADMIN1.get(entry.id, entry.name.removesuffix(" Governorate").removesuffix(" Province"))
            return name
        place_id = entry.parent
    return ""


def _acled_row(inc: IncidentValue, messages: Sequence[IncidentMessage]) -> dict[str, Any]:
    d = incident_dict(inc, messages)
    gz = load_gazetteer()
    entry = gz.places.get(inc.place_id or "")
    official = [f["killed"] for f in d["figures"] if f["official"] and f["killed"] is not None]
    claimed = [f["killed"] for f in d["figures"] if not f["official"] and f["killed"] is not None]
    fatalities = min(official) if official else (min(claimed) if claimed else 0)
    notes = "; ".join([inc.description or "", *inc.reasons])
    event_type, sub_event = _SUB_EVENT.get(inc.weapon or "", ("Explosions/Remote violence", ""))
    claimants = sorted(d["claimants"], key=lambda c: c["first_claim"])
    actors = [c["actor"] for c in claimants if c["actor"]] or sorted({a["blames"] for a in d["attributions"] if a["blames"]})
    country, iso = COUNTRIES.get(entry.country if entry and entry.country else "", ("", ""))
    admin1 = _admin1(gz, inc.place_id)
    return {
        "event_id_cnty": f"CW{inc.id}", "event_date": inc.event_time.date().isoformat(),
        "year": inc.event_time.year, "time_precision": 1 if inc.time_precision in ("day", "message") else 2,
        "disorder_type": "Political violence", "event_type": event_type, "sub_event_type": sub_event,
        "actor1": actors[0] if actors else "", "assoc_actor_1": "; ".join(actors[1:]),
        "actor2": _target_actor(inc.target) or "", "iso": iso, "region": "Middle East" if country else "",
        "country": country, "admin1": admin1,
        "location": inc.place or "", "latitude": inc.lat if inc.lat is not None else "",
        "longitude": inc.lon if inc.lon is not None else "",
        "geo_precision": _GEO_PRECISION.get(inc.geo_precision, 2), "source": "; ".join(d["sources"][:5]),
        "notes": notes, "fatalities": fatalities, "target": inc.target or "", "status": inc.status, "grade": inc.grade,
        "denials": "; ".join(f"{x['by']} ({x['kind']})" for x in d["denials"]),
        "attributions": "; ".join(f"{x['by']} blames {x['blames']}" for x in d["attributions"]),
        "messages": d["message_count"],
        "source_urls": " ".join(_message_urls(messages)),
    }


def _message_urls(messages: Sequence[IncidentMessage]) -> list[str]:
    """Each linked message's address once, oldest first (its source/id when it has no URL)."""
    return list(dict.fromkeys(m.url or f"{m.source}/{m.id}" for m in messages))


def format_incidents(rows: Sequence[IncidentValue], fmt: str,
                     messages: dict[int, list[IncidentMessage]] | None = None) -> str:
    """``rows`` in a format of ``incidents --format``; ``messages`` is each incident's evidence
    (``Store.incident_messages``)."""
    evidence = messages or {}
    if fmt == "json":
        return json.dumps([incident_dict(r, evidence.get(r.id, ())) for r in rows], ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        fields = list(_acled_row(rows[0], evidence.get(rows[0].id, ())).keys()) if rows else ["event_id_cnty"]
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for r in rows:
            writer.writerow(_acled_row(r, evidence.get(r.id, ())))
        return out.getvalue()
    if fmt == "geojson":
        features = []
        for r in rows:
            if r.lat is None or r.lon is None:
                continue
            props = incident_dict(r, evidence.get(r.id, ()))
            props["source_urls"] = _message_urls(evidence.get(r.id, ()))
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


def format_incident(inc: IncidentValue, messages: Sequence[IncidentMessage], fmt: str) -> str:
    """``incidents show ID``: one incident with its evidence, as a table or as JSON."""
    if fmt == "json":
        return json.dumps(incident_dict(inc, messages), ensure_ascii=False, indent=2) + "\n"
    d = incident_dict(inc, messages)
    lines = [f"incident #{inc.id}: {inc.event_time.strftime('%Y-%m-%d %H:%M')} UTC ({inc.time_precision}), "
             f"{inc.place or 'place unknown'}",
             f"status {inc.status}, grade {inc.grade}; {inc.weapon or 'weapon ?'}, {inc.target or 'target ?'}"]
    lines += [f"  - {reason}" for reason in inc.reasons]
    if d["claimants"]:
        lines.append("claimed by " + ", ".join(c["actor"] or "?" for c in d["claimants"]))
    lines.append(f"{d['message_count']} message(s):")
    lines.append(f"  {'DATE':16}  {'ROLE':11}  {'SOURCE':28}  {'ID':12}  {'SCORE':>5}  SPEAKER / SUBJECT / REASONS")
    for m in messages:
        who = " / ".join(x for x in (m.speaker, m.subject) if x) or "-"
        lines.append(f"  {m.date.strftime('%Y-%m-%d %H:%M'):16}  {m.role + (' (x)' if m.withdrawn else ''):11}  "
                     f"{m.source[:28]:28}  {m.id[:12]:12}  {m.score:>5.2f}  {who}; {', '.join(m.reasons)}")
        if m.url:
            lines.append(f"  {'':16}  {'':11}  {m.url}")
    return "\n".join(lines) + "\n"


def group_rows(states: dict[str, ActorState], rates: dict[str, tuple[int, int]], only_new: bool) -> list[dict[str, Any]]:
    """The groups list (discovered groups first, then by first seen) as the JSON of ``groups``."""
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
    return rows


def format_groups(states: dict[str, ActorState], rates: dict[str, tuple[int, int]], only_new: bool, fmt: str) -> str:
    rows = group_rows(states, rates, only_new)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id", "name"])
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "spellings": "; ".join(r["spellings"])})
        return out.getvalue()
    lines = [f"{'GROUP':32}  {'KIND':8}  {'KNOWN':5}  {'FIRST SEEN':16}  {'CLAIMS':>6}  {'CORR.':>5}  SPELLINGS"]
    for r in rows:
        rate = "-" if r["corroboration_rate"] is None else f"{r['corroboration_rate']:.0%}"
        lines.append(f"{r['name'][:32]:32}  {r['kind'][:8]:8}  {'yes' if r['known'] else 'NEW':5}  "
                     f"{(r['first_seen'] or '')[:16]:16}  {r['claims']:>6}  {rate:>5}  {'; '.join(r['spellings'])}")
    return "\n".join(lines) + "\n"
