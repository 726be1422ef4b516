"""Token buckets: Telegram allows about 20 messages a minute into one group and 30 a second
overall. ``now`` and ``sleep`` are injectable so tests move time instead of waiting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class TokenBucket:
    def __init__(self, rate_per_second: float, capacity: float,
                 now: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.rate = rate_per_second
        self.capacity = capacity
        self.tokens = capacity
        self._now, self._sleep = now, sleep
        self._stamp = now()

    def _refill(self) -> None:
        now = self._now()
        self.tokens = min(self.capacity, self.tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def acquire(self) -> float:
        """Take one token, waiting as long as needed; returns the seconds waited."""
        waited = 0.0
        self._refill()
        while self.tokens < 1:
            delay = (1 - self.tokens) / self.rate
            await self._sleep(delay)
            waited += delay
            self._refill()
        self.tokens -= 1
        return waited


class Pacing:
    """Per-chat and overall buckets together; ``None`` rates switch pacing off."""

    def __init__(self, per_chat_per_minute: float, per_second: float) -> None:
        self.chat = TokenBucket(per_chat_per_minute / 60.0, max(1.0, per_chat_per_minute / 20)) \
            if per_chat_per_minute > 0 else None
        self.overall = TokenBucket(per_second, max(1.0, per_second)) if per_second > 0 else None

    async def acquire(self) -> None:
        if self.overall is not None:
            await self.overall.acquire()
        if self.chat is not None:
            await self.chat.acquire()
