"""The one backoff of every supervised loop: grows, is capped, is jittered, resets after success."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.backoff import Backoff, BackoffConfig, sleep_or_stop


def test_delays_grow_to_the_cap_with_jitter_and_reset_after_success() -> None:
    backoff = Backoff(BackoffConfig(first=5.0, cap=60.0, jitter=0.5), random.Random(7))
    delays = [backoff.fail() for _ in range(10)]
    nominal = [5.0, 10.0, 20.0, 40.0, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0]
    assert all(n / 2 <= d <= n for d, n in zip(delays, nominal, strict=True))
    assert len(set(delays[4:])) > 1  # jittered: a hundred failing loops do not retry together
    assert backoff.failures == 10
    backoff.reset()
    assert backoff.failures == 0 and 2.5 <= backoff.fail() <= 5.0


def test_a_long_outage_never_overflows() -> None:
    backoff = Backoff(BackoffConfig(first=1.0, cap=300.0))
    for _ in range(5000):
        delay = backoff.fail()
    assert 150.0 <= delay <= 300.0


def test_a_nonsense_config_is_refused() -> None:
    with pytest.raises(ValueError):
        BackoffConfig(first=0.0)
    with pytest.raises(ValueError):
        BackoffConfig(first=10.0, cap=1.0)


async def test_sleep_or_stop_returns_at_once_on_stop_or_wake() -> None:
    stop, wake = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()
    started = loop.time()
    asyncio.get_running_loop().call_later(0.05, wake.set)
    assert await sleep_or_stop(stop, 30.0, wake) is False
    loop.call_later(0.05, stop.set)
    assert await sleep_or_stop(stop, 30.0) is True
    assert loop.time() - started < 5.0
    assert await sleep_or_stop(stop, 30.0) is True  # already stopped: no wait at all
