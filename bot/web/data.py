"""The JSON behind every page: incidents (the ``incidents --format json`` objects, with their
``messages``), compact map points, the daily timeline, and the groups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.incidents.views import incident_dict
from bot.web.filters import STATUSES
from storage.incidents import IncidentValue
from storage.views import IncidentMessage, MapPoint, TimelineDay


def message_dict(m: IncidentMessage, with_text: bool = False) -> dict[str, Any]:
    """A linked message in the contract's shape (``incidents --format json``)."""
    out: dict[str, Any] = {
        "source": m.source, "id": m.id, "url": m.url, "date": m.date.isoformat(), "role": m.role,
        "speaker": m.speaker, "subject": m.subject, "score": round(m.score, 2), "reasons": list(m.reasons),
    }
    if with_text:
        out.update({"title": m.title, "text": m.text, "stance_detail": m.stance_detail, "source_role": m.source_role,
                    "withdrawn": m.withdrawn, "deleted": m.deleted})
    return out


def incident_json(inc: IncidentValue, messages: Sequence[IncidentMessage], with_text: bool = False) -> dict[str, Any]:
    out = incident_dict(inc)
    out["messages"] = [message_dict(m, with_text) for m in messages]
    return out


def map_json(points: Sequence[MapPoint]) -> dict[str, Any]:
    """Columns rather than objects: 10,000 markers in one small document the browser reads at once."""
    index = {s: i for i, s in enumerate(STATUSES)}
    return {
        "count": len(points),
        "statuses": list(STATUSES),
        "id": [p.id for p in points],
        "lat": [round(p.lat, 4) for p in points],  # 10 m: a marker needs no more, the page loads less
        "lon": [round(p.lon, 4) for p in points],
        "status": [index.get(p.status, len(STATUSES) - 1) for p in points],
        "fatalities": [p.fatalities for p in points],
        "time": [p.event_time for p in points],
        "place": [p.place for p in points],
        "claimant": [p.claimant for p in points],
    }


def timeline_json(days: Sequence[TimelineDay]) -> dict[str, Any]:
    return {
        "statuses": list(STATUSES),
        "days": [{"day": d.day.isoformat(), "counts": dict(d.statuses), "claims": d.claims, "denials": d.denials,
                  "corroborations": d.corroborations} for d in days],
        "incidents": sum(n for d in days for _, n in d.statuses),
    }
