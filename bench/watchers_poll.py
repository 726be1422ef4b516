"""500 t.me/s channels and 500 feeds on loopback, polled by one claimwatch process.

    .venv/bin/python bench/watchers_poll.py [--sources 500] [--interval 30] [--cycles 3]

The servers run in a child process, so the CPU measured is the poller's own. Reports CPU seconds
and peak memory per poll cycle, and how late polls started against their schedule (the schedule
holds when lateness stays well under the interval).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import resource
import socket
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(port: int, sources: int) -> None:
    from aiohttp import web

    from classifiers.gazetteer import load_gazetteer
    from tests.web_servers import Channel, rss

    places = [p.name for p in load_gazetteer().places.values()]
    chatter = ["Morning prayers at the shrine drew thousands", "Power cuts again in the south, say residents",
               "Exchange rate steady at the market today", "Football: Zawraa beat Shorta in the derby",
               "Students protest delays to exam results"]
    channels = {}
    for c in range(sources):
        ch = Channel(f"chan{c}")
        for i in range(1, 21):
            if i % 10 == 0:  # one post in ten is a claim, about places across the gazetteer
                text = f"The Islamic Resistance in Iraq claimed a drone attack on {places[(c * 7 + i) % len(places)]}."
            else:
                text = f"{chatter[(c + i) % len(chatter)]} ({c}/{i})"
            ch.add(i, text, datetime(2024, 2, 1, tzinfo=UTC) + timedelta(days=c % 60, minutes=i))
        channels[f"chan{c}"] = ch.page(None)
    base = datetime(2024, 2, 1, tzinfo=UTC)
    feeds = {f: rss([(f"f{f}-{i}", f"Feed {f} item {i}", base + timedelta(hours=i)) for i in range(20)])
             for f in range(sources)}

    async def tme(request: web.Request) -> web.Response:
        return web.Response(text=channels[request.match_info["name"]], content_type="text/html")

    async def feed(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=feeds[int(request.match_info["n"])], content_type="application/rss+xml",
                            headers={"ETag": '"v1"'})

    app = web.Application()
    app.router.add_get("/s/{name}", tme)
    app.router.add_get("/feed/{n}", feed)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


async def poll(port: int, sources: int, interval: float, cycles: int) -> None:
    import aiohttp

    from bot.app import build_app
    from bot.config import Config, StorageConfig
    from bot.watch import SourceRunner
    from watchers.rss import FeedSource
    from watchers.tme import TmeSource

    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        app = await build_app(Config(storage=StorageConfig(f"sqlite:///{tmp}/w.db")), simulated=False, sinks=[])
        lateness: list[float] = []
        cpu: list[float] = []
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as http:
            runners = [SourceRunner(TmeSource(f"t.me/chan{c}", base, http), timedelta(seconds=interval), app.pipeline,
                                    app.store, random.Random(c)) for c in range(sources)]
            runners += [SourceRunner(FeedSource(f"{base}/feed/{f}", f"{base}/feed/{f}", http), timedelta(seconds=interval),
                                     app.pipeline, app.store, random.Random(10_000 + f)) for f in range(sources)]

            async def scheduled(runner: SourceRunner, offset: float, start: float) -> None:
                for k in range(cycles):
                    due = start + offset + k * interval
                    await asyncio.sleep(max(0.0, due - time.monotonic()))
                    lateness.append(time.monotonic() - due)
                    await runner.poll_once()

            start = time.monotonic() + 1
            rng = random.Random(7)
            tasks = [asyncio.create_task(scheduled(r, rng.uniform(0, interval), start)) for r in runners]
            for k in range(cycles):
                before = resource.getrusage(resource.RUSAGE_SELF)
                await asyncio.sleep(max(0.0, start + (k + 1) * interval - time.monotonic()))
                after = resource.getrusage(resource.RUSAGE_SELF)
                cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                print(f"cycle {k + 1}: {cpu[-1]:5.1f} s CPU for {len(runners)} polls "
                      f"({cpu[-1] / interval:.0%} of one core), peak RSS {after.ru_maxrss / 1024:.0f} MB", flush=True)
            await asyncio.gather(*tasks)
        stored = await app.store.count_messages()
        await app.close()
    lat = sorted(lateness)
    print(f"{len(lat)} polls; start lateness p50 {statistics.median(lat) * 1000:.0f} ms, "
          f"p99 {lat[int(len(lat) * 0.99)] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms; {stored} messages stored")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--interval", type=float, default=30.0)
    parser.add_argument("--cycles", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    server = multiprocessing.Process(target=serve, args=(port, args.sources), daemon=True)
    server.start()
    time.sleep(3)
    try:
        asyncio.run(poll(port, args.sources, args.interval, args.cycles))
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
