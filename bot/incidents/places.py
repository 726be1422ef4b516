"""Where two statements' places meet: the same site, related sites, one inside the other, or near.

Coverage names one event at different levels: a claim names the base, a police report the city,
a wire story the province or only the country. Containment comes from the gazetteer
(``Gazetteer.ancestors``: nearest first). A gazetteer without it still says, per place, its
province and country: the chain is derived from those fields, so matching works either way.

Reports also place by side: "strikes in eastern Syria" names the area that holds Deir ez-Zor and
Abu Kamal. The gazetteer's directional regions ("eastern Syria", "northern Iraq") have no members,
so a place counts as inside one when it lies in the outer part of its country on that side: beyond
the middle band (``SIDE_BAND`` of the country's span either side of its middle, the span taken
from the gazetteer's places in it). Deir ez-Zor and Abu Kamal are in eastern Syria, Erbil and
Kirkuk in northern Iraq; Ain al-Asad is in western Iraq, not northern. The region is a coarse
level: it only ever meets a site as an area holding it, never as the site itself.
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
RELATED_PAIRS = 100_000  # place pairs whose relation is remembered
SIDE_BAND = 0.15  # of a country's span: a place this close to its middle is on no side of it
# the directional regions' ids: "east-syria" is the eastern side of "syria" (tools/build_places.py)
SIDES = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}
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
        self._sides = _sides_of(gz)
        self._spans: dict[str, tuple[float, float, float, float]] | None = None
        self._chains: dict[str, tuple[str, ...]] = {}
        self._related: dict[tuple[str, str], PlaceMatch | None] = {}
        # "the Middle East", "South Asia": regions that hold countries
        self._continental = frozenset(e.parent for e in gz.places.values() if e.kind == "country" and e.parent)

    def entry(self, place_id: str | None) -> PlaceEntry | None:
        return self.gz.places.get(place_id or "")

    def level(self, place_id: str | None) -> int:
        entry = self.entry(place_id)
        return LEVEL.get(entry.kind, 1) if entry else 5

    def continental(self, place_id: str | None) -> bool:
        """A region that holds countries ("the Middle East"): it says no more of where an attack
        was than no place at all, and everything in a dozen countries lies inside it."""
        return place_id in self._continental

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """The places containing ``place_id``, nearest first (province, the sides of its country
        it lies on, then country)."""
        cached = self._chains.get(place_id)
        if cached is not None:
            return cached
        chain: tuple[str, ...] = self.gz.ancestors(place_id) if self._native else self._fallback.get(place_id, ())
        entry = self.entry(place_id)
        if entry is not None and entry.kind not in ("region", "country", "sea"):
            out: list[str] = []
            for area in chain:
                out.extend(self._on_sides(entry, area))
                out.append(area)
            chain = tuple(out)
        self._chains[place_id] = chain
        return chain

    def _on_sides(self, entry: PlaceEntry, area_id: str) -> list[str]:
        """The directional regions of ``area_id`` that ``entry`` lies in."""
        sides = self._sides.get(area_id, ())
        if not sides:
            return []
        if self._spans is None:
            self._spans = self._measure()
        span = self._spans.get(area_id)
        if span is None:
            return []
        lat0, lat1, lon0, lon1 = span
        out = []
        for region_id, (dlat, dlon) in sides:
            lo, hi, at = (lat0, lat1, entry.lat) if dlat else (lon0, lon1, entry.lon)
            sign = dlat or dlon
            if (at - (lo + hi) / 2) * sign > SIDE_BAND * (hi - lo):
                out.append(region_id)
        return out

    def _measure(self) -> dict[str, tuple[float, float, float, float]]:
        """Per area with sides, the extent (lat min, lat max, lon min, lon max) of its places."""
        spans: dict[str, tuple[float, float, float, float]] = {}
        for pid, p in self.gz.places.items():
            if p.kind in ("region", "country", "sea"):
                continue
            chain = self.gz.ancestors(pid) if self._native else self._fallback.get(pid, ())
            for area in chain:
                if area in self._sides:
                    a0, a1, o0, o1 = spans.get(area, (p.lat, p.lat, p.lon, p.lon))
                    spans[area] = (min(a0, p.lat), max(a1, p.lat), min(o0, p.lon), max(o1, p.lon))
        return spans

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
        """None when the two places cannot be one event's place. Remembered per pair (every
        candidate of every statement asks, and the answer depends on the gazetteer alone)."""
        key = (statement_place, incident_place)
        if key in self._related:
            return self._related[key]
        found = self._relate(statement_place, incident_place)
        if len(self._related) >= RELATED_PAIRS:
            self._related.clear()  # bounded: a long run meets many pairs, each cheap to work out again
        self._related[key] = found
        return found

    def _relate(self, statement_place: str, incident_place: str) -> PlaceMatch | None:
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


def _sides_of(gz: Gazetteer) -> dict[str, tuple[tuple[str, tuple[int, int]], ...]]:
    """Per area, its directional regions and their directions ("syria": east-syria is (0, 1))."""
    out: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for pid, p in gz.places.items():
        side, _, area = pid.partition("-")
        if p.kind == "region" and side in SIDES and area and p.parent == area and area in gz.places:
            out.setdefault(area, []).append((pid, SIDES[side]))
    return {k: tuple(v) for k, v in out.items()}


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
