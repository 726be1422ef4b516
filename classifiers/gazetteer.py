"""The gazetteers (actors, places, weapons, targets) loaded from the data files, and the
matcher that finds their mentions in text.

Matching is by token sequence over normalised text: a dict from an alias's first token to the
aliases starting with it, longest first, so a message is scanned once whatever the gazetteer
size. Short all-capital aliases (KH, SAD, IS, US) only match where the text has them in capitals.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from math import asin, cos, radians, sin, sqrt
from typing import Any

from classifiers.normalize import edit_distance, name_key, name_skeleton, normalize, normalize_cased, tokens
from classifiers.types import ActorRef, PlaceRef


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    parent: str | None
    members: tuple[str, ...]
    speaks_for: str | None
    first_seen: date | None
    aliases: tuple[str, ...]

    def ref(self, as_written: str | None = None) -> ActorRef:
        return ActorRef(self.id, self.name, True, self.kind, self.parent, as_written)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    id: str
    name: str
    kind: str
    lat: float
    lon: float
    precision: str
    country: str | None
    region: str | None
    related: tuple[tuple[str, float], ...]

    def ref(self, as_written: str | None = None) -> PlaceRef:
        return PlaceRef(self.id, self.name, self.lat, self.lon, self.kind, as_written)


@dataclass(frozen=True, slots=True)
class Collision:
    key: str
    candidates: tuple[str, ...]
    default: str
    in_claim: str | None
    before: tuple[tuple[date, str], ...]
    note: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer entry found in text: token span [start, end) of the normalised text."""

    kind: str  # actor | place | weapon | target
    id: str
    start: int
    end: int
    alias: str


@dataclass
class _Alias:
    tokens: tuple[str, ...]
    kind: str
    id: str
    exact_case: tuple[str, ...] | None  # the tokens as cased, when it must match case-sensitively


_CAPS = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


@dataclass
class Gazetteer:
    """Actors, places, weapons and targets, with a scanner over token sequences."""

    actors: dict[str, ActorEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    collisions: dict[str, Collision] = field(default_factory=dict)
    _index: dict[str, list[_Alias]] = field(default_factory=lambda: defaultdict(list))
    _actor_keys: dict[str, str] = field(default_factory=dict)
    _actor_skeletons: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    # -- building ------------------------------------------------------------------------

    def add_alias(self, alias: str, kind: str, entry_id: str) -> None:
        toks = tuple(tokens(normalize(alias)))
        if not toks:
            return
        exact = tuple(tokens(normalize_cased(alias))) if _CAPS.match(alias.strip()) else None
        item = _Alias(toks, kind, entry_id, exact)
        bucket = self._index[toks[0]]
        if any(a.tokens == toks and a.kind == kind and a.id == entry_id for a in bucket):
            return
        bucket.append(item)
        bucket.sort(key=lambda a: -len(a.tokens))
        if kind == "actor":
            key = name_key(alias)
            if key and exact is None:
                self._actor_keys.setdefault(key, entry_id)
            skel = "".join(name_skeleton(alias))
            if len(skel) >= 5 and exact is None:
                self._actor_skeletons[skel[:2]].append((skel, entry_id))

    def add_learned_alias(self, alias: str, actor_id: str) -> None:
        """An alias taught at run time (``/alias NAME = ACTOR``) or stored in the database."""
        if actor_id in self.actors:
            self.add_alias(alias, "actor", actor_id)

    # -- scanning ------------------------------------------------------------------------

    def scan(self, toks: list[str], cased: list[str], kinds: frozenset[str] | None = None) -> list[Mention]:
        """Longest non-overlapping mentions of gazetteer entries in ``toks`` (lower-cased tokens;
        ``cased`` holds the same tokens with their case, for the capital-only aliases)."""
        found: list[Mention] = []
        index = self._index
        n = len(toks)
        covered = 0  # tokens before this are inside a mention already found
        # the positions where some alias starts (a comprehension runs the dict lookups in one
        # tight loop; most tokens start none)
        for i in [k for k, tok in enumerate(toks) if tok in index]:
            if i < covered:
                continue
            best: _Alias | None = None
            for alias in index[toks[i]]:
                size = len(alias.tokens)
                if size <= n - i and tuple(toks[i:i + size]) == alias.tokens:
                    if kinds is not None and alias.kind not in kinds:
                        continue
                    if alias.exact_case is not None and tuple(cased[i:i + size]) != alias.exact_case:
                        continue
                    best = alias
                    break
            if best is None:
                continue
            size = len(best.tokens)
            # one span can name several kinds (an actor and a target): report each kind once
            for alias in index[toks[i]]:
                if alias.tokens == best.tokens and (kinds is None or alias.kind in kinds):
                    if alias.exact_case is not None and tuple(cased[i:i + size]) != alias.exact_case:
                        continue
                    found.append(Mention(alias.kind, alias.id, i, i + size, " ".join(best.tokens)))
            covered = i + size
        return found

    # -- resolving free names --------------------------------------------------------------

    def resolve_actor(self, name: str, when: date | None = None, in_claim: bool = False) -> ActorRef | None:
        """Resolve a name as written to a gazetteer actor, or None if it is not one."""
        key = name_key(name)
        if not key:
            return None
        actor_id = self._collide(key, when, in_claim) or self._actor_keys.get(key)
        if actor_id is None:
            skel = "".join(name_skeleton(name))
            if len(skel) >= 6:
                for candidate, cid in self._actor_skeletons.get(skel[:2], ()):
                    if abs(len(candidate) - len(skel)) <= 1 and edit_distance(candidate, skel, 1) <= 1:
                        actor_id = cid
                        break
        if actor_id is None:
            return None
        return self.actors[actor_id].ref(name)

    def actor_ref(self, actor_id: str, as_written: str | None, when: date | None, in_claim: bool) -> ActorRef:
        """A mention found by ``scan``, with collisions applied."""
        chosen = actor_id
        if self.collisions:
            key = name_key(as_written or "")
            chosen = self._collide(key, when, in_claim) or actor_id
        return self.actors[chosen].ref(as_written)

    def _collide(self, key: str, when: date | None, in_claim: bool) -> str | None:
        rule = self.collisions.get(key)
        if rule is None:
            return None
        if when is not None:
            for limit, actor_id in rule.before:
                if when < limit:
                    return actor_id
        if in_claim and rule.in_claim:
            return rule.in_claim
        return rule.default

    def place_distance(self, a: str, b: str) -> float | None:
        pa, pb = self.places.get(a), self.places.get(b)
        if pa is None or pb is None:
            return None
        for other, km in pa.related:
            if other == b:
                return km
        return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


def _aliases(raw: Any) -> list[str]:
    if isinstance(raw, dict):
        return [a for values in raw.values() for a in values]
    return list(raw or [])


def _date(raw: Any) -> date | None:
    if raw is None:
        return None
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("classifiers").joinpath("data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The built-in gazetteer (loaded once per process)."""
    gz = Gazetteer()
    actors = _read("actors.toml")
    for item in actors.get("actor", []):
        aliases = _aliases(item.get("aliases"))
        entry = ActorEntry(
            id=item["id"], name=item["name"], kind=item["kind"], parent=item.get("parent"),
            members=tuple(item.get("members", ())), speaks_for=item.get("speaks_for"),
            first_seen=_date(item.get("first_seen")), aliases=tuple(aliases),
        )
        gz.actors[entry.id] = entry
        for alias in [entry.name, *aliases]:
            gz.add_alias(alias, "actor", entry.id)
    for item in actors.get("collision", []):
        before = tuple(sorted((_date(k), v) for k, v in item.get("before", {}).items()))
        rule = Collision(name_key(item["alias"]), tuple(item["candidates"]), item["default"],
                         item.get("in_claim"), before, item.get("note", ""))  # type: ignore[arg-type]
        for alias in [item["alias"], *item.get("also", [])]:
            gz.collisions[name_key(alias)] = rule
            gz.add_alias(alias, "actor", item["default"])
    places = _read("places.toml")
    for item in places.get("place", []):
        entry_p = PlaceEntry(
            id=item["id"], name=item["name"], kind=item.get("kind", "place"), lat=float(item["lat"]),
            lon=float(item["lon"]), precision=item.get("precision", "approx"), country=item.get("country"),
            region=item.get("region"),
            related=tuple((r["id"], float(r["km"])) for r in item.get("related", [])),
        )
        gz.places[entry_p.id] = entry_p
        for alias in [entry_p.name, *_aliases(item.get("aliases"))]:
            gz.add_alias(alias, "place", entry_p.id)
    lexicon = _read("lexicon.toml")
    for weapon, words in lexicon.get("weapons", {}).items():
        for word in words:
            gz.add_alias(word, "weapon", weapon)
    for target, words in lexicon.get("targets", {}).items():
        for word in words:
            gz.add_alias(word, "target", target)
    return gz
