"""Latency from a message entering the pipeline to its alert arriving at the Bot API.

    .venv/bin/python bench/delivery_latency.py [N]

A loopback aiohttp server answers sendMessage at once and stamps each arrival; the pipeline and
the delivery service run as in the daemon (the sender is woken by each new alert), pacing off.
Each message is a claim by a group nobody has named before, so each raises one new_front_group
alert. Prints p50, p99 and max over N alerts (default 1,000).
"""

from __future__ import annotations

import asyncio
import itertools
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_app
from bot.config import BotConfig, Config, StorageConfig
from bot.delivery.botapi import BotApi
from bot.delivery.service import DeliveryService, WakeSink
from tests.loopback import serve
from watchers.message import Message

CONSONANTS = "bdfgjklmnrstz"
INTERVAL = 0.05
NAME = re.compile(r"Liwa [A-Z][a-z]+ [A-Z][a-z]+")


def word(i: int) -> str:
    letters = []
    for _ in range(4):
        letters.append(CONSONANTS[i % len(CONSONANTS)])
        i //= len(CONSONANTS)
    return "".join(c + v for c, v in zip(letters, "aiua", strict=True)).capitalize()


async def main(n: int) -> None:
    arrivals: dict[str, float] = {}
    ids = itertools.count(1)

    async def send(request: web.Request) -> web.Response:
        body = await request.json()
        found = NAME.search(body["text"])
        if found:
            arrivals[found.group(0)] = time.perf_counter()
        return web.json_response({"ok": True, "result": {"message_id": next(ids)}})

    app = web.Application()
    app.router.add_post("/bot{token}/sendMessage", send)
    runner, api_url = await serve(app)
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(storage=StorageConfig(f"sqlite:///{tmp}/l.db"),
                        telegram_bot=BotConfig(chat_id=-100, api_base=api_url))
        service = DeliveryService(BotApi(config.telegram_bot.api_base, "1:bench"), -100, None, None)
        cw = await build_app(config, simulated=False, sinks=[])
        cw.pipeline.sinks.append(WakeSink(service))
        stop = asyncio.Event()
        sender = asyncio.create_task(service.run(cw.store, stop))
        started: dict[str, float] = {}
        from classifiers.gazetteer import load_gazetteer

        bases = [p.name for p in load_gazetteer().places.values() if p.kind == "base"]
        base = datetime.now(UTC) - timedelta(days=5 * n)
        for i in range(n):
            name = f"Liwa {word(i)} {word(i * 7919 + 13)}"
            text = f"{name} claimed responsibility for a drone attack on {bases[i % len(bases)]}."
            started[name] = time.perf_counter()
            await cw.pipeline.feed([Message("t.me/bench", str(i), base + timedelta(days=5 * i), text)],
                                   datetime.now(UTC))
            # a steady 20 alert-raising messages a second (a busy day brings a few a minute):
            # this measures latency, not a flood
            await asyncio.sleep(max(0.0, started[name] + INTERVAL - time.perf_counter()))
        deadline = time.perf_counter() + 60
        while len(arrivals) < n and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        raised = sum(cw.pipeline.stats.alerts.values())
        stop.set()
        await sender
        await service.close()
        await cw.close()
    await runner.cleanup()
    lat = sorted(arrivals[k] - started[k] for k in started if k in arrivals)
    print(f"{n} messages at {1 / INTERVAL:.0f}/s raised {raised} alerts ({n - raised} names were clustered with an "
          f"earlier one); {len(lat)} arrived")
    q = statistics.quantiles(lat, n=100)
    print(f"{len(lat)} alerts: p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms "
          "(message into the pipeline -> sendMessage arriving at the loopback Bot API)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
