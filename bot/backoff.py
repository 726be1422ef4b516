"""The one backoff of every supervised loop, and the one interruptible sleep.

The pattern of aiogram's ``utils/backoff.py``: the delay grows by ``factor`` from ``first`` up to
``cap`` after each failure, is spread by ``jitter`` (so a hundred sources failing together do not
retry in the same second), and goes back to ``first`` after a success.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class BackoffConfig:
    """``first`` seconds after the first failure, times ``factor`` after each next one, at most
    ``cap``; each delay is drawn within ``jitter`` (a fraction) below the nominal value."""

    first: float = 1.0
    cap: float = 300.0
    factor: float = 2.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        if not (0 < self.first <= self.cap and self.factor >= 1 and 0 <= self.jitter < 1):
            raise ValueError(f"bad backoff {self}")


@dataclass
class Backoff:
    """Failure counter with its delay. ``fail()`` returns the seconds to wait now; ``reset()``
    after a success. ``failures`` is how many failed in a row (0 when healthy)."""

    config: BackoffConfig = field(default_factory=BackoffConfig)
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def nominal(self, failures: int | None = None) -> float:
        n = self.failures if failures is None else failures
        c = self.config
        if n <= 0:
            return 0.0
        # capped before the power so a long outage never overflows a float
        return min(c.cap, c.first * c.factor ** min(n - 1, 64))

    def delay(self, failures: int | None = None) -> float:
        """The jittered delay for ``failures`` failures in a row, without counting one."""
        base = self.nominal(failures)
        return base * self.rng.uniform(1.0 - self.config.jitter, 1.0)

    def fail(self) -> float:
        self.failures += 1
        return self.delay()

    def reset(self) -> None:
        self.failures = 0


async def sleep_or_stop(stop: asyncio.Event, seconds: float, *wake: asyncio.Event) -> bool:
    """Sleep ``seconds`` unless ``stop`` (or any of ``wake``) is set first. Returns True when
    stopped. Never raises TimeoutError."""
    if stop.is_set():
        return True
    events = (stop, *wake)
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=max(0.0, seconds), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
    return stop.is_set()
