"""Where two statements' places meet: the same site, related sites, one inside the other, or near.

Coverage names one event at different levels: a claim names the base, a police report the city,
a wire story the province or only the country. Containment comes from the gazetteer
(``Gazetteer.ancestors``: nearest first). A gazetteer without it still says, per place, its
province and country: the chain is derived from those fields, so matching works either way.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from classifiers.gazetteer import Gazetteer, PlaceEntry, haversine_km

# how coarse a place is: a statement at a coarser level says less about where it happened
LEVEL = {"base": 0, "crossing": 0, "town": 1, "city": 1, "place": 1, "province": 2, "region": 3, "sea": 3,
         "country": 4}
COUNTRY_NAMES = {"IQ": "Iraq", "SY": "Syria", "JO": "Jordan", "IL": "Israel", "SA": "Saudi Arabia",
                 "IR": "Iran", "LB": "Lebanon", "YE": "Yemen", "TR": "Turkey"}


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """How a statement's place relates to an incident's: a score part and the reason shown."""

    score: float
    reason: str
    finer: bool  # the statement's place is more precise than the incident's (refine the incident)


class Places:
    """Containment and distance over the gazetteer's places."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self._native = callable(getattr(gz, "ancestors", None))
        self._fallback = {} if self._native else _fallback_chains(gz)

    def entry(self, place_id: str | None) -> PlaceEntry | None:
        return self.gz.places.get(place_id or "")

    def level(self, place_id: str | None) -> int:
        entry = self.entry(place_id)
        return LEVEL.get(entry.kind, 1) if entry else 5

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """The places containing ``place_id``, nearest first (province, then country)."""
        if self._native:
            found: tuple[str, ...] = self.gz.ancestors(place_id)
            return found
        return self._fallback.get(place_id, ())

    def within(self, place_id: str, area_id: str) -> bool:
        return area_id in self.ancestors(place_id)

    def country(self, place_id: str | None) -> str | None:
        """The country code of a place (a country place is its own country)."""
        entry = self.entry(place_id)
        if entry is None:
            return None
        if entry.kind == "country":
            return entry.country or _code_of(entry)
        return entry.country

    def relate(self, statement_place: str, incident_place: str) -> PlaceMatch | None:
        """None when the two places cannot be one event's place."""
        a, b = self.entry(statement_place), self.entry(incident_place)
        if a is None or b is None:
            return None
        if a.id == b.id:
            return PlaceMatch(0.5, f"same place ({b.name})", False)
        for other, km in a.related:
            if other == b.id:
                return PlaceMatch(0.4, f"related place ({a.name} ~ {b.name}, {km:.0f} km)",
                                  self.level(a.id) < self.level(b.id))
        if self.within(b.id, a.id) or self._same_country_level(a, b, coarse=a):
            # the statement names an area that holds the incident's site: it says less, not otherwise
            return PlaceMatch(0.3 if LEVEL.get(a.kind, 1) <= 2 else 0.2, f"{b.name} is in {a.name}", False)
        if self.within(a.id, b.id) or self._same_country_level(b, a, coarse=b):
            return PlaceMatch(0.3 if LEVEL.get(b.kind, 1) <= 2 else 0.2, f"{a.name} is in {b.name}", True)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km <= 80 and 1 in (LEVEL.get(a.kind, 1), LEVEL.get(b.kind, 1)) and self._same_province(a.id, b.id):
            # "a drone exploded near Erbil" and "the attack on Harir": a city and a site of its province
            return PlaceMatch(0.3, f"{a.name} and {b.name} are in one province ({km:.0f} km)",
                              self.level(a.id) < self.level(b.id))
        if km <= 30:
            return PlaceMatch(0.3, f"{km:.0f} km from {b.name}", self.level(a.id) < self.level(b.id))
        if km <= 60:
            return PlaceMatch(0.15, f"{km:.0f} km from {b.name}", self.level(a.id) < self.level(b.id))
        return None

    def same_region(self, a: str, b: str) -> PlaceMatch | None:
        """Both places lie in one region of the gazetteer (eastern Syria, Anbar): weak, and only
        for what names several sites of one operation."""
        ea, eb = self.entry(a), self.entry(b)
        region_a, region_b = getattr(ea, "region", None), getattr(eb, "region", None)
        if ea is None or eb is None or not region_a or region_a != region_b:
            return None
        return PlaceMatch(0.1, f"{ea.name} and {eb.name} are in one region ({region_a})", False)

    def _same_province(self, a: str, b: str) -> bool:
        def province(p: str) -> str | None:
            return next((x for x in self.ancestors(p) if self.level(x) == 2 or self.level(x) == 1), None)

        pa, pb = province(a), province(b)
        return pa is not None and pa == pb

    def _same_country_level(self, site: PlaceEntry, other: PlaceEntry, coarse: PlaceEntry) -> bool:
        """``coarse`` is a country and ``other`` lies in it (a gazetteer may lack the country row
        in its chains while still giving each place its country code)."""
        return coarse.kind == "country" and other.country is not None and other.country == self.country(coarse.id)


def _code_of(entry: PlaceEntry) -> str | None:
    for code, name in COUNTRY_NAMES.items():
        if name.lower() == entry.name.lower():
            return code
    return None


@lru_cache(maxsize=1)
def _raw_places() -> tuple[tuple[str, str | None, str | None], ...]:
    """(id, province, country) of each built-in place, read from the classifier's data file."""
    text = resources.files("classifiers").joinpath("data").joinpath("places.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return tuple((p["id"], p.get("province"), p.get("country")) for p in data.get("place", []))


def _fallback_chains(gz: Gazetteer) -> dict[str, tuple[str, ...]]:
    countries = {(p.country or _code_of(p)): pid for pid, p in gz.places.items() if p.kind == "country"}
    chains: dict[str, tuple[str, ...]] = {}
    for pid, province, country in _raw_places():
        chain = [x for x in (province,) if x and x in gz.places and x != pid]
        if country and country in countries and countries[country] != pid:
            chain.append(countries[country])
        chains[pid] = tuple(chain)
    return chains
