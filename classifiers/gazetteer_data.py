"""Gazetteer entries from data: the built-in files and the user's own (config tables or files).

One reader for both, so a user's ``[[actors]]``/``[[places]]`` entry takes exactly the keys of a
built-in one. Every problem is reported as a ``GazetteerDataError`` that names the entry (its table,
its number and its id) and the key, e.g. ``[[actors]] #2 (id "x"): unknown key "alias"``; the bot
adds the file name and turns it into a config error (exit 2).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from classifiers.gazetteer import ActorEntry, Collision, Gazetteer, PlaceEntry
from classifiers.normalize import name_key

ACTOR_KINDS = ("core", "facade", "umbrella", "jihadist", "axis", "state", "official", "relay", "generic", "monitor")
PLACE_KINDS = ("country", "region", "sea", "province", "city", "town", "base", "site", "crossing")
_ACTOR_KEYS = frozenset({"id", "name", "kind", "parent", "members", "speaks_for", "first_seen", "aliases", "bare", "sources",
                         "note", "parent_note"})
_PLACE_KEYS = frozenset({"id", "name", "kind", "lat", "lon", "precision", "country", "region", "province", "parent",
                         "aliases", "related", "sources", "note", "code", "ambiguous"})
_ALIAS_ONLY = frozenset({"id", "aliases", "sources", "note"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")


class GazetteerDataError(ValueError):
    """A bad gazetteer entry: ``key`` names the entry and the key, ``message`` what is wrong."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


@dataclass(frozen=True)
class Extension:
    """User entries, checked against the gazetteer they extend."""

    actors: tuple[ActorEntry, ...] = ()
    places: tuple[tuple[PlaceEntry, tuple[str, ...]], ...] = ()
    aliases: tuple[tuple[str, str, str], ...] = ()  # (kind, id, alias) added to an existing entry

    def __bool__(self) -> bool:
        return bool(self.actors or self.places or self.aliases)

    def __add__(self, other: Extension) -> Extension:
        return Extension(self.actors + other.actors, self.places + other.places, self.aliases + other.aliases)


class _Entry:
    def __init__(self, item: Any, table: str, number: int, allowed: frozenset[str]) -> None:
        self.label = f"[[{table}]] #{number}"
        if not isinstance(item, dict):
            raise GazetteerDataError(self.label, "must be a table")
        self.item = item
        raw_id = item.get("id")
        if not isinstance(raw_id, str) or not _ID.match(raw_id):
            raise GazetteerDataError(self.label, f'"id" must be a lower-case id such as "my-group", got {raw_id!r}')
        self.id = raw_id
        self.label = f'{self.label} (id "{raw_id}")'
        for key in item:
            if key not in allowed:
                raise self.fail(f'unknown key "{key}"')

    def fail(self, message: str) -> GazetteerDataError:
        return GazetteerDataError(self.label, message)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None:
            if required:
                raise self.fail(f'"{key}" is required')
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f'"{key}" must be a non-empty string, got {value!r}')
        return value.strip()

    def choice(self, key: str, choices: tuple[str, ...], default: str | None) -> str:
        value = self.text(key) or default
        if value not in choices:
            raise self.fail(f'"{key}" {value!r} is not one of {", ".join(choices)}')
        return value

    def number(self, key: str, low: float, high: float) -> float:
        value = self.item.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f'"{key}" must be a number, got {value!r}')
        if not low <= value <= high:
            raise self.fail(f'"{key}" {value} is out of range ({low:g} to {high:g})')
        return float(value)

    def aliases(self, key: str = "aliases") -> tuple[str, ...]:
        raw = self.item.get(key, [])
        groups = raw.items() if isinstance(raw, dict) else [("", raw)]
        out: list[str] = []
        for lang, values in groups:
            where = f'"{key}.{lang}"' if lang else f'"{key}"'
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise self.fail(f"{where} must be a list of names (or a table of such lists by language)")
            out.extend(v.strip() for v in values)
        return tuple(out)


def parse_actor(item: Any, number: int, table: str = "actor") -> ActorEntry:
    e = _Entry(item, table, number, _ACTOR_KEYS)
    first_seen = e.item.get("first_seen")
    if first_seen is not None and not isinstance(first_seen, date):
        try:
            first_seen = date.fromisoformat(str(first_seen))
        except ValueError:
            raise e.fail(f'"first_seen" {first_seen!r} is not a date (YYYY-MM-DD)') from None
    members = e.item.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        raise e.fail('"members" must be a list of actor ids')
    return ActorEntry(id=e.id, name=e.text("name", True) or e.id, kind=e.choice("kind", ACTOR_KINDS, None),
                      parent=e.text("parent"), members=tuple(members), speaks_for=e.text("speaks_for"),
                      first_seen=first_seen, aliases=e.aliases(), bare=e.aliases("bare"))


def parse_place(item: Any, number: int, table: str = "place") -> tuple[PlaceEntry, tuple[str, ...], str | None]:
    """A place entry, its aliases and the ISO country code it declares for itself (countries)."""
    e = _Entry(item, table, number, _PLACE_KEYS)
    related = e.item.get("related", [])
    if not isinstance(related, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str)
                                                and isinstance(r.get("km"), int | float) for r in related):
        raise e.fail('"related" must be a list of { id = "...", km = N }')
    parent = e.text("parent") or e.text("province")
    entry = PlaceEntry(id=e.id, name=e.text("name", True) or e.id, kind=e.choice("kind", PLACE_KINDS, None),
                       lat=e.number("lat", -90, 90), lon=e.number("lon", -180, 180),
                       precision=e.text("precision") or "approx", country=e.text("country") or e.text("code"),
                       region=e.text("region"),
                       related=tuple((r["id"], float(r["km"])) for r in related), parent=parent)
    return entry, e.aliases(), e.text("code")


def parse_extension(gz: Gazetteer, actors: Any, places: Any, actor_table: str = "actors",
                    place_table: str = "places") -> Extension:
    """Check user entries against ``gz``: ids new (or an existing id with only ``aliases``, which
    adds spellings to it), parents and speaks_for known, kinds and coordinates valid."""
    if not isinstance(actors, list):
        raise GazetteerDataError(f"[[{actor_table}]]", "must be an array of tables")
    if not isinstance(places, list):
        raise GazetteerDataError(f"[[{place_table}]]", "must be an array of tables")
    new_actors: list[ActorEntry] = []
    new_places: list[tuple[PlaceEntry, tuple[str, ...]]] = []
    extra: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for kind, items, table, known in (("actor", actors, actor_table, gz.actors), ("place", places, place_table, gz.places)):
        for number, item in enumerate(items, 1):
            if isinstance(item, dict) and set(item) <= _ALIAS_ONLY:
                e = _Entry(item, table, number, _ALIAS_ONLY)
                if e.id not in known:
                    raise e.fail(f'no {kind} "{e.id}" in the gazetteer to add aliases to '
                                 f'(a new {kind} needs "name" and "kind")')
                extra.extend((kind, e.id, alias) for alias in e.aliases())
                continue
            if kind == "actor":
                actor = parse_actor(item, number, table)
                entry_id, label = actor.id, f'[[{table}]] #{number} (id "{actor.id}")'
            else:
                place, aliases, _ = parse_place(item, number, table)
                entry_id, label = place.id, f'[[{table}]] #{number} (id "{place.id}")'
            if entry_id in known:
                raise GazetteerDataError(label, f'id "{entry_id}" is already in the gazetteer (an entry with only '
                                                f'"id" and "aliases" adds spellings to it)')
            if (kind, entry_id) in seen:
                raise GazetteerDataError(label, f'duplicate id "{entry_id}"')
            seen.add((kind, entry_id))
            if kind == "actor":
                new_actors.append(actor)
            else:
                new_places.append((place, aliases))
    actor_ids = set(gz.actors) | {a.id for a in new_actors}
    for a in new_actors:
        for key, value in (("parent", a.parent), ("speaks_for", a.speaks_for)):
            if value is not None and value not in actor_ids:
                raise GazetteerDataError(_label(actor_table, actors, a.id), f'"{key}" "{value}" is not a known actor id')
        for member in a.members:
            if member not in actor_ids:
                raise GazetteerDataError(_label(actor_table, actors, a.id), f'"members" "{member}" is not a known actor id')
    place_ids = set(gz.places) | {p.id for p, _ in new_places}
    for p, _ in new_places:
        if p.parent is not None and p.parent not in place_ids:
            raise GazetteerDataError(_label(place_table, places, p.id), f'"parent" "{p.parent}" is not a known place id')
        for other, _km in p.related:
            if other not in place_ids:
                raise GazetteerDataError(_label(place_table, places, p.id), f'"related" "{other}" is not a known place id')
    return Extension(tuple(new_actors), tuple(new_places), tuple(extra))


def _label(table: str, items: list[Any], entry_id: str) -> str:
    number = next(i for i, item in enumerate(items, 1) if isinstance(item, dict) and item.get("id") == entry_id)
    return f'[[{table}]] #{number} (id "{entry_id}")'


def extend(gz: Gazetteer, ext: Extension) -> Gazetteer:
    """A new gazetteer: ``gz`` (untouched) plus the extension's entries."""
    out = gz.view()
    if not ext:
        return out
    for actor in ext.actors:
        out.add_actor(actor)
    out.link_voices()
    for place, aliases in ext.places:
        out.add_place(_with_country(out, place), aliases)
    for kind, entry_id, alias in ext.aliases:
        out.add_alias(alias, kind, entry_id)
    return out


def _with_country(gz: Gazetteer, place: PlaceEntry) -> PlaceEntry:
    """Fill ``country`` and ``region`` from the nearest ancestor that has them."""
    if place.country and place.region:
        return place
    country, region = place.country, place.region
    parent = gz.places.get(place.parent or "")
    while parent is not None and not (country and region):
        country, region = country or parent.country, region or parent.region
        parent = gz.places.get(parent.parent or "")
    if (country, region) == (place.country, place.region):
        return place
    from dataclasses import replace

    return replace(place, country=country, region=region)


# -- the built-in gazetteer ------------------------------------------------------------------


def _read(name: str) -> str:
    return resources.files("classifiers").joinpath("data").joinpath(name).read_text("utf-8")


def build_builtin() -> Gazetteer:
    gz = Gazetteer()
    actors = tomllib.loads(_read("actors.toml"))
    for number, item in enumerate(actors.get("actor", []), 1):
        gz.add_actor(parse_actor(item, number))
    gz.link_voices()
    for item in actors.get("collision", []):
        before = tuple(sorted((date.fromisoformat(str(k)) if not isinstance(k, date) else k, v)
                              for k, v in item.get("before", {}).items()))
        rule = Collision(name_key(item["alias"]), tuple(item["candidates"]), item["default"],
                         item.get("in_claim"), before, item.get("note", ""))
        for alias in [item["alias"], *item.get("also", [])]:
            gz.collisions[name_key(alias)] = rule
            gz.add_alias(alias, "actor", item["default"])
    places = tomllib.loads(_read("places.toml"))
    codes: dict[str, str] = {}
    pending: list[tuple[PlaceEntry, tuple[str, ...]]] = []
    for number, item in enumerate(places.get("place", []), 1):
        place, aliases, code = parse_place(item, number)
        if code:
            codes[code] = place.id
        pending.append((place, aliases))
    cased: set[str] = set()
    for row in json.loads(_read("places_generated.json"))["places"]:
        # tools/build_places.py: GeoNames cities and towns, directional regions
        pid, name, kind, lat, lon, parent, aliases, exact = row
        pending.append((PlaceEntry(pid, name, kind, lat, lon, "generated", None, None, (), parent), tuple(aliases)))
        if exact:
            cased.add(pid)
    for place, _ in pending:
        if place.parent is None and place.country in codes and codes[place.country] != place.id:
            # the older entries give only their country code: the country is their parent
            from dataclasses import replace

            place = replace(place, parent=codes[place.country])
        gz.places[place.id] = place
    for place, aliases in pending:
        # a one-word Latin town name from GeoNames matches only as written ("Homs", not "homs")
        gz.add_place(_with_country(gz, gz.places[place.id]), aliases, exact_single_words=place.id in cased)
    for lang, names in tomllib.loads(_read("exonyms.toml")).items():
        # French and Persian names the GeoNames import leaves out ("Damas", "Beyrouth")
        if not isinstance(names, dict):
            continue  # the list of foreign spellings (exonyms())
        for pid, extra in names.items():
            if pid not in gz.places:
                raise ValueError(f"exonyms.toml: [{lang}] {pid}: no such place in the gazetteer")
            for alias in extra:
                gz.add_alias(alias, "place", pid)
    lexicon = tomllib.loads(_read("lexicon.toml"))
    for weapon, words in lexicon.get("weapons", {}).items():
        for word in words:
            gz.add_alias(word, "weapon", weapon)
    for target, words in lexicon.get("targets", {}).items():
        for word in words:
            gz.add_alias(word, "target", target)
    return gz


def acronyms() -> frozenset[str]:
    """The actors' names written in capitals ("IDF", "SOHR", "CENTCOM"): a head of that shape before a
    colon speaks, it is no dateline ("BEIRUT:"). Built with the compiled tables (``classifiers.tables``)."""
    actors = tomllib.loads(_read("actors.toml"))
    return frozenset(name for actor in actors["actor"] for names in (actor.get("aliases") or {}).values()
                     for name in names if name.isascii() and name.isupper() and " " not in name)


def exonyms() -> frozenset[str]:
    """exonyms.toml's ``foreign`` spellings, casefolded with their accents ("beyrouth", "khan younès"):
    another language's name for a place, not a Latin text's variant of its English one."""
    return frozenset(name.casefold() for name in tomllib.loads(_read("exonyms.toml"))["foreign"])
