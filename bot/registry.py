"""The source registry: who a source is (role, network, the actor it speaks for).

Built-in entries come from ``bot/data/sources.toml``; ``[[sources]]`` in the config overrides
them key by key. A source that is neither configured nor built in is ``media`` with a network of
its own (so it counts as independent of everyone else).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from bot.config import Config


@dataclass(frozen=True, slots=True)
class SourceInfo:
    handle: str
    role: str
    network: str
    actor: str | None = None
    known: bool = False


class Registry:
    """Looks sources up and says which networks may corroborate which."""

    def __init__(self, data: dict[str, Any], config: Config | None = None) -> None:
        self._sources: dict[str, SourceInfo] = {}
        for item in data.get("source", []):
            info = SourceInfo(item["handle"], item["role"], item["network"], item.get("actor"), True)
            self._sources[_key(info.handle)] = info
        for src in config.sources if config else ():
            base = self._sources.get(_key(src.handle))
            self._sources[_key(src.handle)] = SourceInfo(
                handle=src.handle,
                role=src.role or (base.role if base else "media"),
                network=src.network or (base.network if base else src.handle),
                actor=base.actor if base else None,
                known=True,
            )
        self._aligned: dict[str, str] = {}
        for group, networks in data.get("aligned", {}).items():
            for network in networks:
                self._aligned[network] = group
        self._actor_networks: dict[str, str] = dict(data.get("actor_networks", {}))

    @classmethod
    def builtin(cls, config: Config | None = None) -> Registry:
        text = resources.files("bot").joinpath("data").joinpath("sources.toml").read_text("utf-8")
        return cls(tomllib.loads(text), config)

    def lookup(self, handle: str) -> SourceInfo:
        found = self._sources.get(_key(handle))
        if found is not None:
            return found
        return SourceInfo(handle, "media", handle, None, False)

    def bloc(self, network: str) -> str:
        """Networks in one aligned group share a bloc; any other network is its own bloc."""
        return self._aligned.get(network, network)

    def actor_network(self, actor_id: str | None, kind: str | None, known: bool) -> str | None:
        if actor_id is None:
            return None
        if actor_id in self._actor_networks:
            return self._actor_networks[actor_id]
        if not known:
            return self._actor_networks.get("_unknown")
        if kind == "facade":
            return self._actor_networks.get("_facade")
        return None

    def sources(self) -> list[SourceInfo]:
        return sorted(self._sources.values(), key=lambda s: s.handle)


def _key(handle: str) -> str:
    return handle.strip().rstrip("/").lower()
