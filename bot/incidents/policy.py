"""Which alerts are on (``[alerts] kinds``, chat mutes) and how long a claim waits for
corroboration (per source, per region, the default)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config import Config
from bot.incidents.kinds import AlertKind
from classifiers.gazetteer import Gazetteer
from classifiers.types import PlaceRef


class Policy:
    """The alert switches and windows of one deployment."""

    def __init__(self, config: Config, gazetteer: Gazetteer) -> None:
        self.config = config
        self.gz = gazetteer
        self.kinds = {AlertKind(k) for k in config.alerts.kinds}
        if AlertKind.UNCORROBORATED_CLAIM in self.kinds:
            self.kinds.add(AlertKind.CLAIM_CORROBORATED)  # the follow-up belongs to the uncorroborated alert
        self.muted: dict[str, datetime] = {}
        self._source_windows = {s.handle: s.uncorroborated_after for s in config.sources if s.uncorroborated_after}

    def enabled(self, kind: AlertKind, at: datetime) -> bool:
        if kind not in self.kinds:
            return False
        until = self.muted.get(kind.value)
        return until is None or at >= until

    def window(self, source: str, place: PlaceRef | None) -> timedelta:
        """How long a claim waits for independent corroboration before it alerts."""
        if source in self._source_windows:
            return self._source_windows[source]
        entry = self.gz.places.get(place.id) if place else None
        if entry and entry.region and entry.region in self.config.alerts.uncorroborated_after_by_region:
            return self.config.alerts.uncorroborated_after_by_region[entry.region]
        return self.config.alerts.uncorroborated_after

    @property
    def claim_lookback(self) -> timedelta:
        return self.config.incidents.claim_lookback
