"""The web view's queries (storage/views.py) on every backend: SQLite, and PostgreSQL when
CLAIMWATCH_TEST_PG is set. The database is filled by replaying examples/ through the pipeline."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Store
from storage.incidents import incident_messages, list_incidents
from storage.views import IncidentFilter, filter_choices, incident_ids, map_points, shown_messages, timeline

from .helpers import arun_cli

ROOT = Path(__file__).resolve().parent.parent


async def test_view_queries_agree_with_the_incidents(store: Store, db_url: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    run = await arun_cli(capsys, "replay", str(ROOT / "examples"), "--db", db_url, "--until", "+48h", "--quiet")
    assert run.code == 0, run.err
    incidents = await store.run(lambda s: list_incidents(s, None, None))
    assert len(incidents) >= 4

    points = await store.run(lambda s: map_points(s, IncidentFilter()))
    assert [p.id for p in points] == [i.id for i in incidents if i.lat is not None]
    for p, i in zip(points, [i for i in incidents if i.lat is not None], strict=True):
        assert p.event_time == i.event_time.astimezone(UTC).strftime("%Y-%m-%d %H:%M") and p.status == i.status
        claims = [lk.subject for lk in i.links if lk.role == "claim" and lk.subject]
        assert p.claimant == (min(claims) if claims else None)

    days = await store.run(lambda s: timeline(s, IncidentFilter()))
    per_day = Counter((i.event_time.astimezone(UTC).date(), i.status) for i in incidents)
    assert {(d.day, st): n for d in days for st, n in d.statuses} == dict(per_day)
    claim_days = Counter(lk.at.astimezone(UTC).date() for i in incidents for lk in i.links if lk.role == "claim")
    assert {d.day: d.claims for d in days if d.claims} == dict(claim_days)

    since = datetime(2024, 1, 1, tzinfo=UTC)
    f = IncidentFilter(since=since, statuses=("corroborated", "uncorroborated"))
    expected = sorted(i.id for i in incidents if i.event_time >= since and i.status in f.statuses)
    total, ids = await store.run(lambda s: incident_ids(s, f))
    assert total == len(expected) and sorted(ids) == expected
    assert sorted(p.id for p in await store.run(lambda s: map_points(s, f))) == expected
    assert sum(n for d in await store.run(lambda s: timeline(s, f)) for _, n in d.statuses) == len(expected)

    by_actor = IncidentFilter(actor="islamic-resistance-in-iraq")
    _, ids = await store.run(lambda s: incident_ids(s, by_actor))
    assert ids and all(any(lk.subject_id == "islamic-resistance-in-iraq" or lk.speaker_id == "islamic-resistance-in-iraq"
                           for lk in i.links) for i in incidents if i.id in ids)

    ids = [i.id for i in incidents]
    evidence = await store.run(lambda s: incident_messages(s, ids))
    shown = await store.run(lambda s: shown_messages(s, ids))
    for i in incidents:
        assert [m.evidence for m in shown[i.id]] == evidence[i.id]  # the contract's entries, in its order
        assert len(shown[i.id]) == len(i.links) and all(m.text for m in shown[i.id])

    actors, places, sources = await store.run(filter_choices)
    assert ("islamic-resistance-in-iraq", "Islamic Resistance in Iraq") in actors
    assert {p for p, _ in places} == {i.place_id for i in incidents if i.place_id}
    assert "x.com/CENTCOM" in sources
