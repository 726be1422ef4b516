"""The JSON behind the pages beyond ``incident_dict`` (``incidents --format json``): an incident with
its messages' text, compact map points, and the daily timeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.incidents.views import incident_dict
from bot.web.filters import STATUSES
from storage.incidents import IncidentValue
from storage.views import MapPoint, ShownMessage, TimelineDay


def shown_message_dict(m: ShownMessage) -> dict[str, Any]:
    """The contract's ``messages`` entry, with the text and what else the incident page shows."""
    return {**m.evidence.contract_dict(), "title": m.title, "text": m.text, "stance_detail": m.stance_detail,
            "source_role": m.source_role, "subject_as_written": m.subject_as_written, "withdrawn": m.evidence.withdrawn,
            "deleted": m.deleted}


def incident_detail_json(inc: IncidentValue, shown: Sequence[ShownMessage]) -> dict[str, Any]:
    """``/api/incidents/ID``: the same object, each message with its text."""
    out = incident_dict(inc, [m.evidence for m in shown])
    out["messages"] = [shown_message_dict(m) for m in shown]
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
