"""Server time of the web view's map and timeline data for 10,000 incidents (target: < 1 s each).

    .venv/bin/python bench/web_view.py [10000]

Fills a fresh SQLite database with N incidents over two years at every gazetteer place (through
the change records the engine writes: a claim on each, a report or a denial on most, figures on
some, statuses of every kind), serves the view on loopback, and times each endpoint five times
over HTTP (median and worst, body size). With /usr/bin/chromium present it also loads the map
page headless and reads back how many markers the page drew and how long drawing them took.
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from bot.config import Config, StorageConfig
from bot.incidents.engine import cell_of
from bot.web.app import make_app, start
from bot.web.evidence import Highlighter
from bot.web.serve import default_classifier
from classifiers.gazetteer import load_gazetteer
from storage import Store
from storage.incidents import IncidentUpdate, LinkValue, NewIncident, NewLink, apply_changes
from watchers.message import Message

START = datetime(2023, 1, 1, tzinfo=UTC)
STATUSES = ("claimed", "corroborated", "contested", "denied", "uncorroborated", "reported")
CHROMIUM = Path("/usr/bin/chromium")
HAVE_CHROMIUM = CHROMIUM.exists()


async def fill(store: Store, n: int) -> None:
    places = [p for p in load_gazetteer().places.values() if p.lat is not None]
    rng = random.Random(7)
    for first in range(0, n, 1000):
        count = min(1000, n - first)
        messages, plans = [], []
        for i in range(first, first + count):
            p = places[i % len(places)]
            when = START + timedelta(days=730) * rng.random()
            lat, lon = p.lat + rng.uniform(-0.3, 0.3), p.lon + rng.uniform(-0.3, 0.3)
            status = rng.choice(STATUSES)
            killed = rng.choice([None, None, 1, 2, 5, 12, 40])
            roles = ["claim", "denial" if status in ("denied", "contested") else "report"][: rng.choice([1, 2, 2])]
            for j, role in enumerate(roles):
                messages.append(Message(f"t.me/bench{j}", f"{i}-{j}", when + timedelta(hours=j + 1),
                                        f"bench message {i} {role}", url=f"https://t.me/bench{j}/{i}"))
            plans.append((i, p, when, lat, lon, status, killed, roles))
        results = await store.ingest([(m, None) for m in messages])
        pks = {r.message.key: r.pk for r in results}
        changes: list[object] = []
        for i, p, when, lat, lon, status, killed, roles in plans:
            ref = -(i + 1)
            changes.append(NewIncident(ref, when, "day", p.id, p.name, lat, lon, "exact", cell_of(lat, lon), None,
                                       "drone", None, "auto", when))
            for j, role in enumerate(roles):
                at = when + timedelta(hours=j + 1)
                link = LinkValue(role=role, source=f"t.me/bench{j}", source_role="media", network=f"bench{j}",
                                 bloc=f"bench{j}", at=at, message_pk=pks[(f"t.me/bench{j}", f"{i}-{j}")],
                                 statement_idx=0, speaker_id="islamic-resistance-in-iraq",
                                 speaker="Islamic Resistance in Iraq", subject_id="islamic-resistance-in-iraq",
                                 subject="Islamic Resistance in Iraq", killed=killed if role == "claim" else None,
                                 score=0.9, reasons=("same place",))
                changes.append(NewLink(ref, link.message_pk, link))
            changes.append(IncidentUpdate(ref, status, "weak", ["bench"], when, f"status new -> {status}",
                                          corroborated_at=when + timedelta(hours=3) if status == "corroborated" else None))
        await store.run(lambda s, c=changes: apply_changes(s, c))  # type: ignore[misc]


async def timed(http: aiohttp.ClientSession, url: str, runs: int = 5) -> tuple[float, float, int]:
    seconds, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        async with http.get(url) as resp:
            body = await resp.read()
            assert resp.status == 200, (url, resp.status, body[:200])
        seconds.append(time.perf_counter() - started)
        size = len(body)
    return statistics.median(seconds), max(seconds), size


def browser(url: str, profile: str) -> str:
    out = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,900",
                          "--virtual-time-budget=30000", "--dump-dom", url],
                         capture_output=True, text=True, timeout=180)
    tag = re.search(r'<canvas id="map"[^>]*>', out.stdout)
    return tag.group(0) if tag else "(no map canvas in the DOM)"


async def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(storage=StorageConfig(f"sqlite:///{tmp}/web.db"))
        store = await Store.open(config.storage.url)
        try:
            started = time.perf_counter()
            await fill(store, n)
            print(f"filled {n:,} incidents in {time.perf_counter() - started:.1f}s")
            view = await start(make_app(store, Highlighter(default_classifier(config))), "127.0.0.1", 0)
            try:
                async with aiohttp.ClientSession() as http:
                    for path in ("api/map", "api/timeline", "api/map?status=corroborated", "api/timeline?since=2024-01-01",
                                 "api/incidents", "api/incidents/1", "", "timeline", "incidents/1", "groups"):
                        median, worst, size = await timed(http, view.url + path)
                        print(f"GET /{path:30} median {median * 1000:7.1f} ms  worst {worst * 1000:7.1f} ms  "
                              f"{size / 1024:8.1f} KiB")
                if HAVE_CHROMIUM:
                    started = time.perf_counter()
                    tag = await asyncio.to_thread(browser, view.url, f"{tmp}/profile")
                    print(f"chromium, map page with {n:,} incidents: {tag} "
                          f"(whole headless run {time.perf_counter() - started:.1f}s)")
            finally:
                await view.close()
        finally:
            await store.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
