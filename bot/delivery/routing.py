"""Which chats an alert goes to: ``[[telegram_bot.routes]]``, each with the kinds, actors, regions
and sources it wants (an empty list wants all). A desk that follows Syria does not get Yemen.

A route that names regions gets only alerts whose incident has a place in one of them: an alert
with no known place goes to the routes that do not filter by region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.config import BotConfig, RouteConfig
from bot.countries import COUNTRIES
from classifiers.gazetteer import load_gazetteer
from storage import AlertValue
from storage.incidents import IncidentValue

MUTE_PREFIX = "mutes:"  # + chat id: the state {kind: until} that /mute in that chat sets

# the config's alert kind names where the alert's own differ
_KIND = {"corroborated": "claim_corroborated"}


@dataclass(frozen=True, slots=True)
class Route:
    chat_id: int
    thread_id: int | None
    kinds: frozenset[str]
    actors: frozenset[str]
    regions: frozenset[str]
    sources: frozenset[str]

    @classmethod
    def of(cls, config: RouteConfig) -> Route:
        def low(values: Sequence[str]) -> frozenset[str]:
            return frozenset(v.strip().lower().rstrip("/") for v in values)

        return cls(config.chat_id, config.message_thread_id, frozenset(_KIND.get(k, k) for k in config.kinds),
                   low(config.actors), low(config.regions), low(config.sources))


def _place_names(incident: IncidentValue | None) -> set[str]:
    """Every name a route may use for the incident's place: its own, its region, and those of the
    province and country it lies in (the gazetteer's parents), country code and name."""
    if incident is None or not incident.place_id:
        return set()
    places = load_gazetteer().places
    names: set[str] = set()
    seen: set[str] = set()
    place_id: str | None = incident.place_id
    while place_id and place_id in places and place_id not in seen:  # the place and every place it lies in
        seen.add(place_id)
        entry = places[place_id]
        names.update((entry.id, entry.name, entry.region or "", entry.country or ""))
        if entry.country in COUNTRIES:
            names.add(COUNTRIES[entry.country][0])
        place_id = entry.parent
    return {n.lower() for n in names if n}


def _actors(alert: AlertValue, incident: IncidentValue | None) -> set[str]:
    names = {alert.actor or "", str(alert.payload.get("actor_id") or "")}
    for link in incident.links if incident else ():
        if link.role in ("claim", "attribution"):
            names.update((link.subject or "", link.subject_id or ""))
    return {n.lower() for n in names if n}


def _sources(alert: AlertValue, incident: IncidentValue | None) -> set[str]:
    found = {s.lower().rstrip("/") for s in alert.sources}
    found.update(link.source.lower().rstrip("/") for link in (incident.links if incident else ()))
    # an alert lists message URLs (https://t.me/x/12): the handle t.me/x is what a route names
    for url in list(found):
        bare = url.split("://", 1)[-1]
        found.add(bare)
        if bare.startswith(("t.me/", "x.com/")):
            found.add("/".join(bare.split("/")[:2]))
    return found


class Router:
    """Chooses the routes of each alert; pure (the gazetteer is loaded once)."""

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = tuple(routes)

    @classmethod
    def from_config(cls, bot: BotConfig) -> Router:
        return cls([Route.of(r) for r in bot.all_routes()])

    @classmethod
    def single(cls, chat_id: int, thread_id: int | None = None) -> Router:
        return cls([Route(chat_id, thread_id, frozenset(), frozenset(), frozenset(), frozenset())])

    def routes_for(self, alert: AlertValue, incident: IncidentValue | None) -> list[Route]:
        chosen = []
        for route in self.routes:
            if route.kinds and alert.kind not in route.kinds:
                continue
            if route.actors and not route.actors & _actors(alert, incident):
                continue
            if route.regions and not route.regions & _place_names(incident):
                continue
            if route.sources and not route.sources & _sources(alert, incident):
                continue
            chosen.append(route)
        return chosen
