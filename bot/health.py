"""The local HTTP endpoint (off by default, loopback only): /healthz and /metrics.

/healthz is 200 when every part is alive and 503 naming the failing parts otherwise.
/metrics is the Prometheus text format, written by prometheus_client (bot/metrics.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

log = logging.getLogger("claimwatch.health")

Check = Callable[[], Awaitable[str | None]]  # None when healthy, else what is wrong


@dataclass
class Health:
    checks: dict[str, Check] = field(default_factory=dict)
    metrics: Callable[[], Awaitable[list[tuple[str, str, dict[str, str], float]]]] | None = None

    async def healthz(self, _: web.Request) -> web.Response:
        failing = {}
        for name, check in self.checks.items():
            try:
                problem = await asyncio.wait_for(check(), timeout=5)
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if problem:
                failing[name] = problem
        if failing:
            body = "failing: " + "; ".join(f"{k}: {v}" for k, v in sorted(failing.items())) + "\n"
            return web.Response(status=503, text=body)
        return web.Response(text="ok: " + ", ".join(sorted(self.checks)) + "\n")

    async def metrics_view(self, _: web.Request) -> web.Response:
        from bot.metrics import CONTENT_TYPE, render

        body = render((await self.metrics()) if self.metrics else [])
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE, "X-Content-Type-Options": "nosniff"})

    async def serve(self, listen: str) -> web.AppRunner:
        host, _, port = listen.rpartition(":")
        host = host.strip("[]") or "127.0.0.1"
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError(f"{listen}: the health endpoint listens on loopback only")
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics_view)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host, int(port)).start()
        log.info("health and metrics on http://%s:%s/", host, port)
        return runner

