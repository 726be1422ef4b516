"""Matching cost per message as the number of stored incidents grows (1,000 vs 100,000).

    .venv/bin/python bench/incident_matching.py [1000 100000]

Fills a fresh SQLite database with N incidents spread over ten years and every gazetteer place
(through the same change records the engine writes), then times the engine on 500 new claims
landing in the last 1,000 hours of that history (as a live stream's claims do). With the event_time
/ place / grid-cell indexes the candidate lookup reads a few rows whatever N is; a scan would grow
with N. (Until the tenth session the claims were spread over the whole history, so a batch of 50
spanned a year at 100,000 incidents and a few days at 1,000: the ratio measured the spread of a
batch, 2 more SQL statements a claim, not the size of the history.)

Each size is measured three times in fresh databases after a warm-up run (the first claims of a
process pay for building the classifier's tables), and the median is printed. The claims that
join an incident already stored do more work than those that open one (its links are read, its
status and checks updated), and denser history has more of them: the share is printed beside
the time, so that a ratio above 1 can be told from a lookup that grows with N.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event
from sqlalchemy import text as sql

from bot.app import build_app
from bot.config import Config, StorageConfig
from bot.incidents.engine import cell_of
from classifiers.gazetteer import load_gazetteer
from storage.incident_changes import NewIncident
from storage.incident_writes import apply_changes
from watchers.message import Message

START = datetime(2015, 1, 1, tzinfo=UTC)


def span_for(n: int, fixed: bool) -> timedelta:
    # constant density (one incident an hour across all places) isolates the lookup's scaling;
    # a fixed ten-year span shows the cost of denser history as well
    return timedelta(days=3650) if fixed else timedelta(hours=n)


async def fill(store, n: int, span: timedelta) -> None:  # type: ignore[no-untyped-def]
    places = list(load_gazetteer().places.values())
    rng = random.Random(1)
    batch = []
    for i in range(n):
        p = places[i % len(places)]
        when = START + span * rng.random()
        batch.append(NewIncident(-(i + 1), when, "day", p.id, p.name, p.lat, p.lon, "exact", cell_of(p.lat, p.lon),
                                 None, "drone", None, "import", when))
        if len(batch) == 5000:
            await store.run(lambda s, b=batch: apply_changes(s, b))
            batch = []
    if batch:
        await store.run(lambda s, b=batch: apply_changes(s, b))


async def measure(n: int, fixed: bool) -> tuple[float, float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(storage=StorageConfig(f"sqlite:///{tmp}/m.db"))
        app = await build_app(config, simulated=True)
        try:
            span = span_for(n, fixed)
            await fill(app.store, n, span)
            places = [p.name for p in load_gazetteer().places.values() if p.kind == "base"]
            rng = random.Random(2)
            messages = []
            # the claims land in the last 1,000 hours of the history, as a live stream's do: at constant
            # density their neighbourhood is the same for every N, and only the older history grows
            recent = min(span, timedelta(hours=1_000))
            for i in range(500):
                when = START + span - recent * rng.random()
                text = (f"The Islamic Resistance in Iraq claimed responsibility for a drone attack on "
                        f"{places[i % len(places)]}.")
                messages.append(Message("t.me/bench", str(i), when, text))
            messages.sort(key=lambda m: m.date)
            statements = [0]

            def count(*_: object) -> None:
                statements[0] += 1

            event.listen(app.store.engine, "before_cursor_execute", count)
            started, cpu = time.perf_counter(), time.process_time()
            for i in range(0, len(messages), 50):
                await app.pipeline.feed(messages[i:i + 50], messages[min(i + 49, len(messages) - 1)].date)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            event.remove(app.store.engine, "before_cursor_execute", count)
            stored = await app.store.run(lambda s: s.execute(sql("SELECT count(*) FROM incidents")).scalar_one())
            joined = 1 - (stored - n) / len(messages)  # the claims that opened no incident of their own
            return wall / len(messages), cpu / len(messages), statements[0] / len(messages), joined
        finally:
            await app.close()


def median_of(runs: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return tuple(statistics.median(r[k] for r in runs) for k in range(4))  # type: ignore[return-value]


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [1_000, 100_000]
    asyncio.run(measure(sizes[0], False))  # warm-up: the classifier's tables, the first connections
    for fixed in (False, True):
        label = "ten-year span (denser history)" if fixed else "constant density (one incident an hour)"
        print(label)
        results = {}
        for n in sizes:
            results[n] = median_of([asyncio.run(measure(n, fixed)) for _ in range(3)])
            wall, cpu, statements, joined = results[n]
            print(f"  {n:>8,} incidents stored: {wall * 1000:6.2f} ms per claim "
                  f"(classify, store, match, link, alert); CPU {cpu * 1000:.2f} ms; {statements:.1f} SQL statements; "
                  f"{joined:.0%} of the claims joined a stored incident (median of 3)")
        if len(sizes) >= 2:
            print(f"  ratio {sizes[-1]:,} / {sizes[0]:,}: {results[sizes[-1]][0] / results[sizes[0]][0]:.2f}x wall, "
                  f"{results[sizes[-1]][1] / results[sizes[0]][1]:.2f}x CPU")


if __name__ == "__main__":
    main()
