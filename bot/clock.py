"""The simulated clock of ``replay`` (``run`` reads the real time; the pipeline is given ``now``)."""

from __future__ import annotations

from datetime import UTC, datetime


class SimulatedClock:
    """Advanced by the replay driver to each message's time and then to ``--until``."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(1970, 1, 1, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, to: datetime) -> None:
        if to > self._now:
            self._now = to
