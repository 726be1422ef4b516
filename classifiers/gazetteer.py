"""The gazetteers (actors, places, weapons, targets) loaded from the data files, and the
matcher that finds their mentions in text.

Matching is by token sequence over normalised text: a dict from an alias's first token to the
aliases starting with it, longest first, so a message is scanned once whatever the gazetteer
size. Short all-capital or mixed-case aliases (KH, SAD, IS, US, MoD, LeT) only match where the
text writes them the same way. An Arabic token that is not an alias start is tried again without
its proclitic (و ف ب ل ك, لل → ال), so «وحزب الله» and «بالجيش الإسرائيلي» still match.

Bodies speak for their principal: an entry with ``speaks_for`` (an army, a ministry, a state news
agency, a group's armed wing) resolves to the entry it speaks for, so users see "Israel" for the
IDF and "United States" for CENTCOM. Places nest: ``parent`` links a base to its province and a
province to its country, and ``ancestors``/``within`` answer containment.

``load_gazetteer()`` builds the built-in gazetteer once per process and hands out a view of it:
views share the tables until one of them is changed (a learned alias, a config extension), which
copies them first, so two classifiers never see each other's changes.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import compress
from math import asin, cos, radians, sin, sqrt

from classifiers.normalize import name_key, name_skeleton, normalize_cased, tokens, within_one_edit
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
    principal: ActorRef | None = None  # whom it speaks for (speaks_for, resolved when the gazetteer is built)
    # short names that name the actor only with no adjective after them («النظام», not «النظام الإيراني»)
    bare: tuple[str, ...] = ()

    def ref(self, as_written: str | None = None) -> ActorRef:
        """The reference a mention resolves to: the principal's when the entry speaks for one."""
        p = self.principal
        if p is not None:
            return ActorRef(p.id, p.name, True, p.kind, p.parent, as_written)
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
    parent: str | None = None

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


@dataclass(frozen=True, slots=True)
class _Alias:
    tokens: tuple[str, ...]
    kind: str
    id: str
    exact_case: tuple[str, ...] | None  # the tokens as cased, when it must match case-sensitively
    bare: bool = False  # only where no Arabic adjective (a word with the article) follows


@dataclass(slots=True)
class _Bucket:
    """The aliases that start with one token, by their whole token tuple, and the lengths among
    them longest first: a scan looks up one tuple per length instead of walking every alias that
    starts with "al" or "south"."""

    by_tokens: dict[tuple[str, ...], list[_Alias]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    # the second tokens of the aliases of two tokens or more: most words that start an alias ("the",
    # "in", "al") are followed by none of them, and then only the one-token aliases need a look-up
    # (one shared empty set for the four buckets in five that have none: an empty set is 200 bytes)
    seconds: frozenset[str] | set[str] = field(default_factory=lambda: _NO_SECONDS)

    def copy(self) -> _Bucket:
        seconds = set(self.seconds) if self.seconds else _NO_SECONDS
        return _Bucket({k: list(v) for k, v in self.by_tokens.items()}, list(self.lengths), seconds)


_NO_SECONDS: frozenset[str] = frozenset()


# all capitals (KH, U.S., IS-K) or a short mixed-case abbreviation (MoD, LeT, TaK): the lower-case
# word is something else ("let", "mod", "tak")
# a town whose name opens with a word English uses as a preposition ("In Salah", "At Tall", "As Suwayda")
# is that town only as written, capital first: "attacked a patrol in Salah al-Din" is no Algerian town
_PREPOSITION_NAMES = frozenset({"In", "At", "On", "An", "As"})
_CAPS = re.compile(r"^[A-Z][A-Z.\-]{0,5}$|^(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,5}$")
_CLITIC_FIRST = frozenset("وفبلك")
# particles with the article's letters, no adjective after a bare name («وأشار المرصد إلى ...»; not the
# relative «النظام الذي ...», which names any system as often)
_NOT_ADJECTIVES = frozenset({"الي", "الا"})
_ONE = (1,)
_PLAIN = re.compile(r"[A-Za-z][a-z]*(?: [A-Za-z][a-z]*)*")  # what normalize_cased leaves as it is
_SITES = frozenset({"base", "site", "crossing", "town", "city"})
# the first word of many Levantine place names: "Kfar Zeita" is not the town Zeita when the whole
# name is unknown (a GeoNames town after one of these words is left unmatched)
_NAME_HEADS = frozenset("kfar kafr kefar tal tall tell deir dayr beit bayt bait ain ayn umm abu ras khan bir jabal jebel "
                        "wadi qasr nahr sheikh shaykh hay hayy mazraat kafar كفر تل دير بيت عين ام ابو راس خان بير جبل "
                        "وادي قصر نهر شيخ حي مزرعه".split())
NAME_HEADS = _NAME_HEADS  # (read by the names a sentence writes: "Ras #Baalbek" is one name)
# the article between a name's first word and the rest: "Deir al-Balah", "Ras el-Ain", "Tall as-Sultan"
_PARTICLES = frozenset("al el ad an ar as ash at az ed es ez".split())
PARTICLES = _PARTICLES  # (read by a sentence's place candidates: "Ayta ash-Shab" is one name)
# words after which a name is where, not who: "in Iraq", «في العراق», "au Liban", «در عراق»
LOCATIVE = frozenset("in near at inside outside around across into towards toward en au aux dans pres "
                     "في قرب داخل الى إلى عند نحو در نزدیک".split())
_PRECISION = {"base": 0, "site": 0, "crossing": 0, "town": 1, "city": 2, "province": 3, "region": 4, "country": 5, "sea": 5}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))


def _declitic(tok: str, index: dict[str, _Bucket]) -> str | None:
    """The alias start hidden behind an Arabic proclitic, or None."""
    for _ in range(2):  # وبالجيش → بالجيش → الجيش
        if len(tok) < 4 or tok[0] not in _CLITIC_FIRST:
            return None
        tok = "ال" + tok[2:] if tok.startswith("لل") else tok[1:]
        if tok in index:
            return tok
    return None


@dataclass
class Gazetteer:
    """Actors, places, weapons and targets, with a scanner over token sequences."""

    actors: dict[str, ActorEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    collisions: dict[str, Collision] = field(default_factory=dict)
    _index: dict[str, _Bucket] = field(default_factory=dict)
    _actor_keys: dict[str, str] = field(default_factory=dict)
    _actor_skeletons: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    _shared: bool = False  # the tables belong to another gazetteer too: copy before changing them
    _ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # -- views and layers --------------------------------------------------------------------

    def view(self) -> Gazetteer:
        """A gazetteer over the same tables that copies them on its first change."""
        return Gazetteer(self.actors, self.places, self.collisions, self._index, self._actor_keys,
                         self._actor_skeletons, True, self._ancestors)

    def with_aliases(self, pairs: Iterable[tuple[str, str]]) -> Gazetteer:
        """A new gazetteer with learned aliases (name, actor id) layered over this one."""
        out = self.view()
        for alias, actor_id in pairs:
            out.add_learned_alias(alias, actor_id)
        return out

    def _own(self) -> None:
        if not self._shared:
            return
        self.actors, self.places, self.collisions = dict(self.actors), dict(self.places), dict(self.collisions)
        index = {k: v.copy() for k, v in self._index.items()}
        skeletons: dict[str, list[tuple[str, str]]] = defaultdict(list)
        skeletons.update((k, list(v)) for k, v in self._actor_skeletons.items())
        self._index, self._actor_keys, self._actor_skeletons = index, dict(self._actor_keys), skeletons
        self._ancestors = {}
        self._shared = False

    # -- building ------------------------------------------------------------------------

    def add_alias(self, alias: str, kind: str, entry_id: str, exact_case: bool = False, bare: bool = False) -> None:
        """Index ``alias``; ``exact_case`` makes it match only as cased (as the short capitals do);
        ``bare`` only where no adjective follows it."""
        self._own()
        # not normalize(): its cache is for message text; plain words ("Khan Yunis") it would not change
        cased = alias if _PLAIN.fullmatch(alias) else normalize_cased(alias)
        toks = tuple(tokens(cased.lower()))
        if not toks:
            return
        exact = tuple(tokens(cased)) if exact_case or _CAPS.match(alias.strip()) else None
        bucket = self._index.get(toks[0])
        if bucket is None:
            bucket = self._index[toks[0]] = _Bucket()
        same = bucket.by_tokens.setdefault(toks, [])
        if len(toks) > 1:
            if not isinstance(bucket.seconds, set):
                bucket.seconds = set()
            bucket.seconds.add(toks[1])
        for k, a in enumerate(same):
            if a.kind != kind or a.id != entry_id:
                continue
            if a.exact_case is None or a.exact_case == exact:
                return
            if exact is None:
                # "ISWAP" then "Iswap": the alias that takes any case covers both; not the same
                # spelling again ("Homs" kept to its capital, as a one-word town is)
                if tuple(tokens(cased)) != a.exact_case:
                    same[k] = _Alias(toks, kind, entry_id, None, bare)
                return
            # "TAK" then "TaK": each casing is kept (the scan takes the one the text writes)
        same.append(_Alias(toks, kind, entry_id, exact, bare))
        if len(toks) not in bucket.lengths:
            bucket.lengths.append(len(toks))
            bucket.lengths.sort(reverse=True)
        if kind == "actor":
            key = name_key(alias)
            if key and exact is None:
                self._actor_keys.setdefault(key, entry_id)
            skel = "".join(name_skeleton(alias))
            if len(skel) >= 5 and exact is None:
                self._actor_skeletons[skel[:2]].append((skel, entry_id))

    def add_actor(self, entry: ActorEntry) -> None:
        """Add an actor; call ``link_voices`` once its principal is in too."""
        self._own()
        self.actors[entry.id] = entry
        for alias in (entry.name, *entry.aliases):
            self.add_alias(alias, "actor", entry.id)
        for alias in entry.bare:
            self.add_alias(alias, "actor", entry.id, bare=True)

    def link_voices(self) -> None:
        """Resolve every ``speaks_for`` chain into the entry's ``principal``."""
        self._own()
        for actor_id, entry in list(self.actors.items()):
            voice = self.voice(actor_id)
            principal = None if voice.id == actor_id else ActorRef(voice.id, voice.name, True, voice.kind, voice.parent)
            if principal != entry.principal:
                self.actors[actor_id] = replace(entry, principal=principal)

    def add_place(self, entry: PlaceEntry, aliases: Iterable[str] = (), exact_single_words: bool = False) -> None:
        self._own()
        self.places[entry.id] = entry
        self._ancestors.clear()
        for alias in (entry.name, *aliases):
            exact = alias.isascii() and ((exact_single_words and " " not in alias.strip())
                                         or alias.split(" ", 1)[0] in _PREPOSITION_NAMES)
            self.add_alias(alias, "place", entry.id, exact)

    def add_learned_alias(self, alias: str, actor_id: str) -> None:
        """An alias taught at run time (``/alias NAME = ACTOR``) or stored in the database; it
        changes this gazetteer only (a view copies the shared tables first)."""
        if actor_id in self.actors:
            self.add_alias(alias, "actor", actor_id)

    # -- scanning ------------------------------------------------------------------------

    def scan(self, toks: list[str], cased: list[str], kinds: frozenset[str] | None = None,
             grave_a: bool = False) -> list[Mention]:
        """Longest non-overlapping mentions of gazetteer entries in ``toks`` (lower-cased tokens;
        ``cased`` holds the same tokens with their case, for the capital-only aliases). ``grave_a``:
        the text writes the French «à», so a token "a" may be that preposition of place (accents are
        gone from ``toks``: «à Bagdad» and «Bagdad a attribué» both read "a")."""
        found: list[Mention] = []
        index = self._index
        n = len(toks)
        covered = 0  # tokens before this are inside a mention already found
        # the positions where some alias starts (a comprehension runs the dict lookups in one
        # tight loop; most tokens start none)
        if "".join(toks).isascii():  # no Arabic letters, so no proclitics to peel (one C-speed test)
            starts = list(compress(enumerate(toks), map(index.__contains__, toks)))  # all in C
        else:
            starts = [(k, tok) for k, tok in enumerate(toks) if tok in index or tok[0] in _CLITIC_FIRST]
            if any(tok not in index for _, tok in starts):
                bare = [(k, tok if tok in index else _declitic(tok, index)) for k, tok in starts]
                starts = [(k, tok) for k, tok in bare if tok is not None]
        for i, first in starts:
            if i < covered:
                continue
            bucket = index[first]
            # no alias of two tokens or more starts with these two: only the one-token one can match,
            # if there is one ("the", "in", "al" start many aliases and are none)
            lengths: list[int] | tuple[int, ...]
            if i + 1 < n and toks[i + 1] in bucket.seconds:
                lengths = bucket.lengths
            elif bucket.lengths[-1] == 1:
                lengths = _ONE
            else:
                continue
            for size in lengths:
                if size > n - i:
                    continue
                key = (first, *toks[i + 1:i + size]) if size > 1 else (first,)
                aliases = bucket.by_tokens.get(key)
                if aliases is None:
                    continue
                # one span can name several kinds (an actor and a target): each is reported
                hits = [a for a in aliases if (kinds is None or a.kind in kinds)
                        and (a.exact_case is None or tuple(cased[i:i + size]) == a.exact_case)
                        # «النظام» alone, not «النظام الإيراني», «النظام العالمي»: an adjective names another
                        and not (a.bare and i + size < n and toks[i + size].startswith("ال")
                                 and toks[i + size] not in _NOT_ADJECTIVES)
                        and not (a.kind == "place" and self._generated(a.id) and (
                            (i and toks[i - 1] in _NAME_HEADS)
                            # "Deir al-Balah": a head word and a particle before it
                            or (i >= 2 and toks[i - 1] in _PARTICLES and toks[i - 2] in _NAME_HEADS)
                            # "Ras #Baalbek", "Tall Abyad": a GeoNames town named by a name's first
                            # word alone ("Ras") is that word of a longer name
                            or (size == 1 and first in _NAME_HEADS and i + 1 < n)))
                        # "In Salah al-Din province" opening a sentence: the longer name after the
                        # preposition wins over the town named "In Salah"
                        and not (a.exact_case and a.exact_case[0] in _PREPOSITION_NAMES
                                 and self._reaches_past(toks, i + 1, i + size))]
                if len(hits) > 1 and i and (toks[i - 1] in LOCATIVE or (grave_a and toks[i - 1] == "a") or (
                        toks[i - 1] == "the" and i >= 2 and toks[i - 2] in LOCATIVE)) and any(
                        a.kind == "place" for a in hits):
                    # "militias in Iraq claim ...", "a patrol in the Kurdistan Region": after a word of place
                    # (and its article) a state's name is the place
                    hits = [a for a in hits if a.kind != "actor"]
                if hits:
                    alias_text = " ".join(key)
                    found += [Mention(a.kind, a.id, i, i + size, alias_text) for a in hits]
                    covered = i + size
                    break
        return found

    def _reaches_past(self, toks: list[str], start: int, end: int) -> bool:
        """Whether an alias starting at token ``start`` runs past token ``end``."""
        bucket = self._index.get(toks[start]) if start < len(toks) else None
        if bucket is None:
            return False
        return any(start + size > end and start + size <= len(toks)
                   and tuple(toks[start:start + size]) in bucket.by_tokens for size in bucket.lengths)

    # -- resolving free names --------------------------------------------------------------

    def generated(self, place_id: str) -> bool:
        """The place comes from the generated GeoNames list, not the curated one."""
        return self._generated(place_id)

    def _generated(self, place_id: str) -> bool:
        entry = self.places.get(place_id)
        return entry is not None and entry.precision == "generated"

    def voice(self, actor_id: str) -> ActorEntry:
        """The entry an actor speaks for (the state for its army, the group for its agency),
        or the actor itself."""
        entry = self.actors[actor_id]
        for _ in range(4):
            if entry.speaks_for is None or entry.speaks_for not in self.actors:
                break
            entry = self.actors[entry.speaks_for]
        return entry

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
                    if abs(len(candidate) - len(skel)) <= 1 and within_one_edit(candidate, skel):
                        actor_id = cid
                        break
        if actor_id is None:
            return None
        return self.actors[actor_id].ref(name)

    def actor_ref(self, actor_id: str, as_written: str | None, when: date | None, in_claim: bool) -> ActorRef:
        """A mention found by ``scan``, with collisions and ``speaks_for`` applied."""
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

    # -- places: containment and distance --------------------------------------------------

    def ancestors(self, place_id: str) -> tuple[str, ...]:
        """The places containing ``place_id``, nearest first (a base: its province, its country,
        the region), excluding itself; () for an unknown id."""
        cached = self._ancestors.get(place_id)
        if cached is not None:
            return cached
        chain: list[str] = []
        entry = self.places.get(place_id)
        while entry is not None and entry.parent and entry.parent not in chain and entry.parent != place_id:
            chain.append(entry.parent)
            entry = self.places.get(entry.parent)
        out = tuple(chain)
        self._ancestors[place_id] = out
        return out

    def most_specific(self, places: Iterable[PlaceRef], elsewhere: Iterable[PlaceRef] = ()) -> PlaceRef | None:
        """The most precise of several places (a base before its town, a town before its
        province, a province before its country or a sea), the first named among equals. When
        that is an area, a more precise place named ``elsewhere`` (the message's other sentences)
        inside it is preferred: "... in Syria" after a headline naming Kharab al-Jir."""
        best: PlaceRef | None = None
        for ref in places:
            if best is None or _PRECISION.get(ref.kind, 5) < _PRECISION.get(best.kind, 5):
                best = ref
        if best is not None and _PRECISION.get(best.kind, 5) >= _PRECISION["province"]:
            inner = self.most_specific([r for r in elsewhere if r.id != best.id and self.within(r.id, best.id)])
            if inner is not None:
                return inner
        return best

    def is_site(self, place_id: str) -> bool:
        """A place of the curated gazetteer that attacks are reported at (a base, a crossing, a
        town or city of places.toml): naming one says a text is about the conflict. Countries,
        regions and the thousands of towns from GeoNames say nothing of the kind ("Jordan",
        "Manhattan")."""
        entry = self.places.get(place_id)
        return entry is not None and entry.precision != "generated" and entry.kind in _SITES

    def within(self, place_id: str, area_id: str) -> bool:
        """True if ``place_id`` is ``area_id`` or lies inside it."""
        return place_id == area_id or area_id in self.ancestors(place_id)

    def place_distance(self, a: str, b: str) -> float | None:
        pa, pb = self.places.get(a), self.places.get(b)
        if pa is None or pb is None:
            return None
        for other, km in pa.related:
            if other == b:
                return km
        return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


_builder: Callable[[], Gazetteer] | None = None


def use_builder(build: Callable[[], Gazetteer] | None) -> None:
    """How this process gets the built-in gazetteer: ``build()`` instead of building it from the
    data files (bot/ reads it back from the previous process's build: ``bot.gazetteer_cache``);
    None to build it. Set before the first use."""
    global _builder
    _builder = build
    _builtin.cache_clear()


@lru_cache(maxsize=1)
def _builtin() -> Gazetteer:
    from classifiers.gazetteer_data import build_builtin

    built = (_builder or build_builtin)()
    # the gazetteer is some 150,000 objects that live as long as the process: each full collection
    # of the cyclic garbage collector walked them all (5-10% of classifying real streams). Moved out
    # of its generations once, after a collection so no garbage of the start-up is kept with them
    gc.collect()
    gc.freeze()
    return built


def load_gazetteer() -> Gazetteer:
    """The built-in gazetteer: built once per process; each call returns a view of its own."""
    return _builtin().view()
