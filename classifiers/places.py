"""Where a statement's attack happened: the gazetteer places of its sentence (the site before the
country), or, when the gazetteer knows none, the name as written after "in", "near", «في»
("in the village of Kfar Kila", "near #Khanasir"). A known town is shown as the text spells it
("Beit Hanoun", «الصقلاوية»), the gazetteer's entry still links incidents. Pure: no I/O.

The words and patterns that say where are in ``placewords``; names the gazetteer does not know, as
written, are found by ``written``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from classifiers.cues import Cue
from classifiers.gazetteer import LOCATIVE, Gazetteer, Mention
from classifiers.names import display_name
from classifiers.normalize import normalize
from classifiers.placewords import BORDER, NOT_PLACE, SPECIFIC, place_words
from classifiers.sentences import Sentence
from classifiers.types import PlaceRef
from classifiers.written import (
    PROVINCE_OF,
    adjective_country,
    after_locative,
    candidates,
    char_at,
    distance,
    nearest_name,
    title_case,
    written_place,
)

# settlements and provinces, which a text names by its own transliteration ("Beit Hanoun" for Bayt
# Hanun, "Ninawa" for Nineveh); a country, a region or sea, and a base, airport or crossing (its
# official name: "Harir Air Base" for "the Harir base") keep the gazetteer's name
_POINTS = frozenset({"town", "village", "city", "province"})
# Amaq's news opens on the place of the operation it reports ("Wilayat Halab - Amaq", «دمشق - أعماق»)
_AMAQ = frozenset({"amaq", "aamaq", "amaaq", "a3maq", "اعماق"})
# name particles inside a longer name: "Maroun El Ras", "Ayta ash Shab", "Umm al Qura"
_PARTICLES = frozenset("al el ash as ad an ar at az ed es er ez bin ibn bint abu um umm de du la le del di".split())


def _marked(s: Sentence, i: int, end: int | None = None) -> bool:
    """A word before token ``i`` says that a place follows: "in Iraq", "an attack on Israel",
    "drones over Riyadh", "toward the State of Israel", «فوق الرياض»; or, for a name ending at
    token ``end``, a word of area or of attack right after it: "a Damascus neighbourhood", "the
    #Baghdad bombing" (the city is where, not its government speaking)."""
    if end is not None and end < len(s.toks) and (s.toks[end] in place_words().after_place or (
            s.toks[end] in place_words().kind_of_attack and end + 1 < len(s.toks) and s.toks[end + 1] in place_words().after_place)):
        return True  # "the Baghdad bombing", "the #Ankara terrorist attack"
    if end is not None and end < len(s.toks) and s.toks[end] in _AMAQ and i == 0:
        return True  # "Damascus - Amaq News Agency: ...": the group's agency datelines its news where it was
    if i >= 1 and s.toks[i - 1] in place_words().between and not (i >= 2 and s.toks[i - 2] in PROVINCE_OF):
        # "in south #Riyadh", "in the northern Baghdad district", "clashes west #Baghdad": a city
        # with a direction is where, not its government speaking (not "#WilayatSouthBaghdad", a province of IS)
        return True
    if _in_clitic(s, i):
        return True  # «مركز أبحاث بدمشق»: the Arabic «ب» glued to the name is «في»
    if i <= 0:
        return False
    before = s.toks[i - 1]
    if before in LOCATIVE or before in place_words().where_before:
        return True
    if before == "a" and s.starts and s.original[s.starts[i - 1]:s.starts[i - 1] + 1] in ("à", "À"):
        return True  # French «à Bagdad» (normalised "a", the English article)
    if before in place_words().of_fr and i >= 2 and (s.toks[i - 2] in LOCATIVE or s.toks[i - 2] in place_words().area_of
                                                 or place_words().attacks.intersection(s.toks[max(i - 3, 0):i - 1])):
        return True  # «près de Damas», «au sud de Bagdad», «l'attentat (suicide) de Bagdad» (not «le gouvernement de Bagdad»)
    if before in place_words().aimed and i >= 2:
        # "an attack on Israel", "an attack by the Houthis on Saudi Arabia" (not "blamed it on Israel")
        attack = next((k for k in range(i - 2, max(i - 8, -1), -1) if s.toks[k] in place_words().attacks), None)
        return attack is not None and not any(t in place_words().blame for t in s.toks[:attack])  # "an attack on Israel", "strikes against Syria" (not "blamed it on Israel")
    if before != "of" or i < 2:
        return False
    if s.toks[i - 2] in place_words().area_of:
        return True
    # "toward the State of Israel" (not "The State of Israel rejects ...")
    if i < 3 or s.toks[i - 2] != "state":
        return False
    j = i - 4 if s.toks[i - 3] == "the" else i - 3
    return j >= 0 and (s.toks[j] in LOCATIVE or s.toks[j] in place_words().where_before or s.toks[j] in place_words().aimed)


def _in_clitic(s: Sentence, i: int) -> bool:
    """Token ``i`` is a name behind the Arabic preposition «ب» (in), alone or after «و» or «ف»
    («بدمشق», «وبدمشق»): the gazetteer peeled it to find the name."""
    tok = s.toks[i]
    if tok[:1] not in ("ب", "و", "ف") or tok.isascii():
        return False
    for m in s.mentions:
        if m.start == i and m.kind == "place":
            first = m.alias.split()[0] if m.alias else ""
            # (not a name that is also a common word: «بالبرج» is "in the tower")
            return bool(first) and m.alias not in place_words().common_words and tok != first and tok.endswith(first) and tok[:len(tok) - len(first)] in _IN_CLITICS
    return False


# «ب» (in), after «و» (and) or «ف» (so): «بدمشق», «وبدمشق» (not «ل», for, nor «و» alone)
_IN_CLITICS = frozenset({"ب", "وب", "فب"})


# what may follow a tweet's closing hashtags: more hashtags, links, handles, punctuation
_TAGS_TO_END = re.compile(r"(?:[\s.,;:!?\u2026|]*(?:#\w+|https?://\S+|@\w+))*[\s.,;:!?\u2026|]*")


def _trailing_tag(s: Sentence, m: Mention) -> bool:
    """"... hit a gathering of the militia #Baghdad https://...": a capital among a tweet's closing
    hashtags tags where, it does not speak for its government."""
    if "#" not in s.original:
        return False
    written, at = _written_at(s, m)
    if at < 1 or s.original[at - 1] != "#":
        return False
    return _TAGS_TO_END.fullmatch(s.original, at + len(written)) is not None


def _written_at(s: Sentence, m: Mention) -> tuple[str, int]:
    """A mention as written and where it is in the sentence (-1 if not found): of the name's
    occurrences, the one nearest the mention's token ("to Gaza ... the Israel-Gaza war")."""
    span = (m.start, m.end)
    cached = s.written.located.get(span)
    if cached is not None:
        return cached
    written = s.written.get(span, m.alias)
    about = char_at(s, m.start, len(s.original)) if s.starts else 0
    found = _occurrences(written, s.original)
    located = written, min(found, key=lambda at: abs(at - about)) if found else -1
    s.written.located[span] = located
    return located


def _occurrences(word: str, text: str) -> list[int]:
    """Where ``word`` starts in ``text``, left to right without overlaps (as ``re.finditer`` of
    the escaped word finds them, without a compiled pattern per word)."""
    if not word:
        return list(range(len(text) + 1))
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


# a user's handle or a link: "RT @Jazrawi_Saraqib:", "@_SalmanHashimi" name an account, not where
_HANDLE = re.compile(r"@\w+|https?://\S+")


def _in_handle(s: Sentence, m: Mention) -> bool:
    """The mention is a word of a handle or a link ("RT @Jazrawi_Saraqib:"), not a place named."""
    if "@" not in s.original and "http" not in s.original:
        return False
    _, at = _written_at(s, m)
    return at >= 0 and any(h.start() <= at < h.end() for h in _HANDLE.finditer(s.original))


def _destination(s: Sentence, m: Mention) -> bool:
    """"a vessel sailing toward Israel", "a ship bound for Mumbai": where it was going, not where
    it was hit."""
    return m.start > 0 and bool(place_words().destination.search(" ".join(s.toks[max(m.start - 4, 0):m.start])))


def _describes(gz: Gazetteer, s: Sentence, m: Mention) -> bool:
    """"a Norway-flagged tanker", "Iran-linked sites", "a ship bound for Mumbai": the place
    describes a thing, it is not where; nor is a GeoNames town that is a person's name owning an army ("#Assad's army")."""
    if _destination(s, m):
        return True
    written, at = _written_at(s, m)
    if at < 0:
        return False
    if place_words().modifiers.match(s.original, at + len(written)) or s.original.startswith("|", at + len(written)):
        return True  # "#Russia|n generals": a tweet's way of writing the adjective
    entry = gz.places.get(m.id)
    return entry is not None and entry.precision == "generated" and bool(
        place_words().owned.match(s.original, at + len(written)))


# a ship's noun right before a town's name, or a warship's right after it: the ship's name ("the
# landing ship, the Novocherkassk", "Novocherkassk landing ship"), not where it was (not "a tanker
# off Yemen", "a vessel near Hodeidah", "a Haifa ship")
_WARSHIP_WORDS = "landing ship|warship|frigate|cruiser|corvette|destroyer|submarine"
_WARSHIPS = f"(?:{_WARSHIP_WORDS})"
_SHIPS = f"(?:{_WARSHIP_WORDS}|ship|vessel)"
_SHIP_BEFORE = re.compile(r"(?i:\b" + _SHIPS + r"),?\s+(?:the\s+)?[\"“'‘]?$")
_SHIP_AFTER = re.compile(r"[\"”'’]?\s+(?i:" + _WARSHIPS + r")\b")


def _ship_name(gz: Gazetteer, s: Sentence, m: Mention) -> bool:
    """"the landing ship Novocherkassk", "the Moskva cruiser": a warship named after a town is no
    place (not "a Red Sea ship attack")."""
    if gz.places[m.id].kind not in _POINTS:
        return False
    written, at = _written_at(s, m)
    return at >= 0 and (_SHIP_BEFORE.search(s.original, 0, at) is not None
                        or _SHIP_AFTER.match(s.original, at + len(written)) is not None)


def _fired_toward(s: Sentence, i: int) -> bool:
    """Token ``i`` follows "toward", "into" ("toward northern Israel", "into Israeli territory")."""
    if i >= 2 and s.toks[i - 1] in place_words().between:
        i -= 1  # "toward northern Israel"
    return i >= 1 and s.toks[i - 1] in place_words().fired_toward


def _weak(s: Sentence, m: Mention, cue: int | None = None) -> bool:
    """A place that says little of where, left out when the sentence names another: "Ansar
    al-Sharia in Libya claims ..." (after the name of the party speaking, just before the
    ``cue``, and "in": which branch of the party speaks), "since the start of the Gaza war" (the name
    of a war, a truce, talks). (Where the speaker spoke, "a press conference in Baghdad", is no place
    of the attack at all: ``_spoken_at``.)"""
    if cue is not None and m.start >= 2 and m.end <= cue <= m.end + 2 and s.toks[m.start - 1] in ("in", "of", "في") and any(
            o.kind == "actor" and o.end == m.start - 1 for o in s.mentions):
        return True  # the party that speaks, just before its words (not "a convoy of US forces in X")
    if _province_of(s, m.start) or (m.end < len(s.toks) and s.toks[m.end] in place_words().speaks):
        # "#WilayatRaqqah", a group's province; "Shuhada Yarmouk", a brigade's name; "Tel Aviv says it
        # hit ...", a city that speaks for its government
        return True
    written, at = _written_at(s, m)
    return at >= 0 and bool(place_words().named.match(s.original, at + len(written)))


def _province_of(s: Sentence, i: int) -> bool:
    """Token ``i`` names a jihadist group's province ("Wilayat Sinai", "#WilayatArRaqqah") or is a
    word of a brigade's name ("Liwa Shuhada al-Yarmouk", "Liwa al-Quds")."""
    if i >= 2 and (s.toks[i - 1] in _PARTICLES or s.toks[i - 1] in place_words().between):
        i -= 1  # "Wilayat al-Furat", "#WilayatNorthBaghdad"
    return i > 0 and (s.toks[i - 1] in PROVINCE_OF or s.toks[i - 1] in place_words().group_words)


def _common_word(s: Sentence, m: Mention) -> bool:
    """«صور» (pictures) for Tyre: a place's Arabic name that is also a common word counts only after
    a word that says a place follows («في صور», «مدينة صور»)."""
    return m.alias in place_words().common_words and not _marked(s, m.start)


def _not_where(s: Sentence, m: Mention) -> bool:
    """"the war in Gaza", "in solidarity with Gaza", "born in Kuwait", "visited the Nevatim
    base": a place the words before it name for another reason than an attack there; "Liwa",
    "Shuhada": a GeoNames town that is a word of a brigade's name."""
    if s.toks[m.start] in place_words().group_words:
        return True
    if (m.end < len(s.toks) and s.toks[m.end] in _MISSION) or (m.start > 0 and s.toks[m.start - 1] in _MISSION):
        return True  # "near the Oman consulate in Giza", «سفارة إيران في بغداد»: whose mission, not where
    return m.start > 0 and bool(place_words().not_where.search(" ".join(s.toks[max(m.start - 4, 0):m.start])))


_MISSION = frozenset({"embassy", "embassies", "consulate", "consulates", "سفاره", "السفاره", "قنصليه", "القنصليه"})


def _spoken_at(s: Sentence, m: Mention) -> bool:
    """"told a press conference in Baghdad", «في مؤتمر صحفي في بغداد», "a press conference with
    Netanyahu in Tel Aviv": where the speaker spoke (not "targeted a generals' meeting in Latakia":
    the meeting was attacked there)."""
    # (the Arabic «ب» glued to the name is the «في»: «في ندوة بطهران»)
    if m.start >= 1 and _in_clitic(s, m.start):
        end = m.start
    elif m.start >= 2 and s.toks[m.start - 1] in place_words().speech_at:
        end = m.start - 1
    else:
        return False
    window = " ".join(s.toks[max(end - 8, 0):end])
    said = place_words().speech_with.search(window)
    if said is None:
        return False
    # the words before the speech ("targeted a generals' meeting in Latakia" was an attack there)
    at = end - len(window[said.start():].split())
    words = s.toks[max(at - 6, 0):at + 2]
    return not any(w in place_words().where_before or w in place_words().attacks or w in place_words().aimed for w in words)


def _ship_owner(gz: Gazetteer, o: Mention) -> bool:
    """A monitor's name before a town is a longer name, not a party: shipping lines are monitors and
    their name heads their ships' names ("the Maersk Hangzhou", "MSC Clara")."""
    entry = gz.actors.get(o.id) if o.kind == "actor" else None
    return entry is not None and entry.kind == "monitor"


def _inside_name(gz: Gazetteer, s: Sentence, m: Mention, titled: bool) -> bool:
    """"the Maersk Hangzhou", "Queen Rania", "Maroun El Ras", "Rasm al-Naphl": a GeoNames town
    that is only a word of a longer capitalised name is not that town."""
    entry = gz.places.get(m.id)
    first = s.cased[m.start]
    if entry is None or entry.precision != "generated" or titled or not (first[:1].isupper() or first in _PARTICLES):
        return False
    written, at = _written_at(s, m)
    after = s.original[at + len(written):] if at >= 0 else ""
    if re.match(r"\s+(?i:al|el|ash|as|ad|an|ar|at|az|ed|es|ez)[-\s][A-Z]", after):
        return True  # "Rasm al-Naphl": the town is the first word of a longer name
    follows = re.match(r" ([A-Z][a-z]+)\b", after)
    if follows and follows.group(1) not in NOT_PLACE and m.end < len(s.toks) and not any(
            o.start == m.end for o in s.mentions) and not title_case(s.original):
        return True  # "the terrorist Hatem Alramery": a first name, not the town
    i = m.start - 1
    if i >= 1 and s.cased[i].lower() in _PARTICLES:
        i -= 1
    if i < 0:
        return False
    prev = s.cased[i]
    if not prev[:1].isupper() or prev in NOT_PLACE or prev.lower() in LOCATIVE or any(
            o.start <= i < o.end for o in s.mentions if o is not m and not _ship_owner(gz, o)):
        return False
    # the words touch as written: "Amaq Agency: Palmyra ..." and "#Syria #Palmyra" are two names
    return at > 0 and _touching(s.original[:at], prev)


def _touching(head: str, word: str) -> bool:
    """Whether ``head`` ends with ``word`` and spaces, a short word of Latin letters at most between
    them ("Maroun El "): what ``re.search(re.escape(word) + r"(?:\\s+[a-zA-Z]{1,4})?\\s+$", head)`` says,
    without a pattern compiled for each word (most words are new to the regex module's cache)."""
    body = head.rstrip()
    if body == head:
        return False  # no space at the end
    if body.endswith(word):
        return True
    parts = body.rsplit(None, 1)
    return len(parts) == 2 and 1 <= len(parts[1]) <= 4 and parts[1].isascii() and parts[1].isalpha() \
        and parts[0].endswith(word)


def _response_span(at: int, cut: int | None, n: int) -> tuple[int, int] | None:
    """The tokens of "in response to ..." (the attack answered, not this one): from the words to
    the end of the sentence, or to the statement's words (token ``at``) when the clause opens the sentence."""
    if cut is None:
        return None
    return (cut, at) if cut < at else (cut, n)


# "the missiles", "these drones", "the two rockets", "the Iranian drone": a weapon told before
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "both"})


def told_before(s: Sentence) -> str | None:
    """The weapon this sentence names with a definite word, as one told before ("A U.S. official
    says the missiles were launched by the Houthis"): the gazetteer's id, or None."""
    for m in s.mentions:
        if m.kind == "weapon" and m.start and (s.toks[m.start - 1] in _DEFINITE or (
                m.start >= 2 and s.toks[m.start - 2] in _DEFINITE and not any(o.end == m.start for o in s.mentions))):
            return m.id
    return None


@dataclass(frozen=True, slots=True)
class Told:
    """The sentence that first names a weapon, the weapon's token there, and the places the
    message names after it (finer places of that attack: "the Conoco base" under "drones hit Syria")."""

    sentence: Sentence
    at: int
    later: list[PlaceRef]


def first_told(gz: Gazetteer, sentences: list[Sentence]) -> dict[str, Told]:
    """Per weapon, where the message first names it: what a later "the missiles" refers back to."""
    out: dict[str, Told] = {}
    for k, s in enumerate(sentences):
        for m in s.mentions:
            if m.kind == "weapon" and m.id not in out:
                # the places said to be where after it ("Iran-backed" is none)
                later = {x.id: gz.places[x.id].ref(t.written.get((x.start, x.end), x.alias)) for t in sentences[k + 1:]
                         for x in t.mentions if x.kind == "place" and _tier(gz, t, x, title_case(t.original)) in (0, 1)}
                out[m.id] = Told(s, m.start, list(later.values()))
    return out


@dataclass(frozen=True, slots=True)
class Where:
    """Where a message's attacks are, for statements whose own sentence names no place."""

    places: list[PlaceRef]  # the places a statement naming none takes, best first
    origins: list[PlaceRef]  # the places fire came from ("launches from Lebanon")
    borders: list[str]  # borders the message names ("the boundary with Lebanon")
    told: dict[str, Told]  # per weapon, where the message first names it: what a later "the missiles" refers back to
    aimed: frozenset[str] = frozenset()  # countries named only as where fire went ("launches toward Israel")
    # per place, the parties the message names as striking it ("Israeli jets strike south Lebanon")
    struck: dict[str, frozenset[str]] = field(default_factory=dict)


def places_of(gz: Gazetteer, s: Sentence, cue: Cue | int, message: Callable[[], Where], cut: int | None,
              many: bool, not_places: frozenset[tuple[int, int]] = frozenset(),
              told: str | None = None, named_only: bool = False,
              blame: bool = False, elsewhere: Callable[[], tuple[str, ...]] | None = None,
              own: str | None = None, party: str | None = None) -> list[tuple[PlaceRef | None, str | None]]:
    """The places of one statement: (the gazetteer place, which links incidents; a finer place
    the text names that the gazetteer does not know, or a known town's own spelling). ``cue``: the
    statement's words (or the token where they start). ``cut`` is
    the token where "in response to ..." starts: the places of that clause belong to the attack
    answered, not to this one. ``many``: one claim naming several bases is one statement per base.
    ``message``: the message's places (``Where``), asked for only when the sentence names no place
    it can take or only an area (working them out is a pass over every sentence of the message):
    its places fire came from, where "the sources of the fire" are; its borders, for a sentence that
    speaks of "the border" without naming it; where it first names the weapon this sentence calls
    "the missiles" (``told``, the weapon): a sentence naming no place of its own takes that
    sentence's place before the message's first place (the headline's may be another attack's).
    ``not_places``: spans read as places that the statement takes as a party (a French blame's «aux
    États-Unis»). ``named_only``:
    only a place this sentence names where (none when it names none: no name from elsewhere, no
    country of an adjective). ``blame``: the statement is an attribution, whose own clause after its
    words names where when it names a place after a deed. ``elsewhere``: the names other sentences
    mark as places that the gazetteer does not know, for a message naming no place it knows (asked
    for only then). ``own``: the country of the party whose strike a claim tells, which is not where
    it struck when named as where the other side's fire went ("struck launchers aimed toward Israeli
    territory"). ``party``: the party whose deed the statement tells (the claimant, the one blamed): a
    sentence naming no place does not take one the message names as struck by another party ("Israeli
    jets strike south Lebanon" for Hezbollah's fire at an army post)."""
    cue_at = cue if isinstance(cue, int) else cue.start
    # a state's name that is also the sentence's party ("Iran rejected ...", «أعلنت الولايات المتحدة»)
    # is the state speaking, not where: it is a place only after a word of place ("in Iran", «في العراق»)
    parties = {(m.start, m.end) for m in s.mentions if m.kind == "actor"}
    speaking = {m.id for m in s.mentions if m.kind == "place" and ((m.start, m.end) in parties or _verb_before(s, m))
                and not _marked(s, m.start, m.end)}
    span = _response_span(cue_at, cut, len(s.toks))
    # "Tel Aviv says it hit a post in Lebanon, while the group says it fired at Israeli positions":
    # the places of the other party's clause are its attack's
    clause = _own_clause(s, cue_at)
    others = {m.id for m in s.mentions if m.kind == "place" and not clause[0] <= m.start < clause[1]}
    titled = title_case(s.original)
    # «Bagdad a attribué la frappe ... à Bagdad»: in French the capital that speaks may be named again
    # after «à» as the place (the scan reads it there as a place alone)
    again = {m.id for m in s.mentions if m.kind == "place" and m.id in speaking and (m.start, m.end) not in parties
             and m.start and s.toks[m.start - 1] == "a" and (m.start, m.end) not in not_places}
    # "struck a launcher used to fire toward the area of Kiryat Shmona": where the other side's fire
    # went in the striker's own country, not where it struck
    at_own = [m for m in s.mentions if m.kind == "place" and own is not None and gz.within(m.id, own)
              and _fire_at_own(s, m.start)]
    # ... and the area that places it ("toward the area of Margaliot in northern Israel")
    at_own += [m for m in s.mentions if m.kind == "place" and own is not None and gz.within(m.id, own) and m.start >= 2
               and s.toks[m.start - 1] in ("in", ",") and any(o.end == m.start - 1 for o in at_own)]
    kept = [m for m in s.mentions if m.kind == "place" and not (span and span[0] <= m.start < span[1])
            and clause[0] <= m.start < clause[1]
            and (m.id not in speaking or (m.id in again and (m.start, m.end) not in parties) or _marked(s, m.start, m.end))
            and (m.start, m.end) not in not_places and not _describes(gz, s, m) and not _spoken_at(s, m)
            and not _in_handle(s, m) and not _not_where(s, m) and not _common_word(s, m) and not _seat_mood(s, m)
            and not _government_speaks(s, m) and m not in at_own and not _ship_name(gz, s, m)]
    if not kept and speaking and "#" in s.original and written_place(s, span, gz) is None:
        # "... hit a gathering of the militia #Baghdad https://...": with no other place, a capital
        # among a tweet's closing hashtags tags where (it does not speak for its government)
        kept = [m for m in s.mentions if m.kind == "place" and m.id in speaking and _trailing_tag(s, m)
                and not (span and span[0] <= m.start < span[1]) and (m.start, m.end) not in not_places][:1]
    # "drones launched from Yemen toward Eilat": where the fire came from is not where it struck,
    # unless the strike is on "the sources of the fire"
    origin = None if place_words().origin.search(s.norm) else place_words().origin_before
    fired_at: set[str] = set()
    if origin is None and not blame:
        # "struck the launch posts from which rockets were fired toward northern Israel": where the
        # fire landed is not where its sources were struck (the message's "launches from Lebanon"
        # is); the blame of that fire keeps it
        fired_at = {m.id for m in kept if _fired_toward(s, m.start)}
        kept = [m for m in kept if not _fired_toward(s, m.start)]
    weak = {id(m) for m in kept if _inside_name(gz, s, m, titled) or _weak(s, m, cue_at) or (
        origin is not None and m.start > 0 and s.toks[m.start - 1] in origin)}
    near = _cue_offset(s, cue_at)
    if any(id(m) not in weak for m in kept):
        # "Ansar al-Sharia in Libya shot down a jet over Derna", "a Liberia-flagged ship off Yemen"
        kept = [m for m in kept if id(m) not in weak]
    elif kept:
        # "#WilayatRaqqah: a raid in #Ain_Issa": only weak known places, and a name the sentence
        # marks as a place that the gazetteer does not know: that name is shown (the known one links)
        marked = [c for c in candidates(s, span, gz) if c[2] or after_locative(s.original, c[0])]
        written = nearest_name(marked, near) if marked else None
        shown = {normalize(s.written.get((m.start, m.end), m.alias)) for m in kept}
        if written is not None and normalize(written) not in shown:
            return [(gz.places[kept[0].id].ref(s.written.get((kept[0].start, kept[0].end), kept[0].alias)), written)]
    found = [(m.start, gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))) for m in kept]
    in_clause = [(at, p) for at, p in found if blame and cue_at <= at <= cue_at + 15 and any(
        t in place_words().attacks or t in _DEEDS for t in s.toks[cue_at:at])]
    other_attack: set[str] = set()
    if in_clause:
        # (the places the sentence names outside that clause are the other attack's: the region the
        # clause names is not made finer by them, "locations in Syria" for "its forces in the Middle East")
        other_attack = {p.id for _, p in found} - {p.id for _, p in in_clause}
        # "... targeted locations in Syria, tied to Iran, which supports groups that Washington blames
        # for attacks on its forces in the Middle East": the blame's own clause names where (not
        # "officials in Bor say ...": there no attack follows the words before another place)
        found = in_clause
    told_at = message().told.get(told) if told and not found else None
    if not found and told_at is not None and told_at.sentence is not s:
        # "A US Navy ship downed missiles launched from Yemen. An official says the missiles were
        # fired by the Houthis" (under a headline of drones in Syria): where the sentence that told
        # of them names (made finer only by the places named after it: the headline's may be
        # another attack's), before the message's first place
        at_told = Where(told_at.later, message().origins, message().borders, {})
        there = places_of(gz, told_at.sentence, told_at.at, lambda: at_told, None, many, named_only=True)
        if any(p is not None for p, _ in there):
            return there
    if not found and named_only:
        return []
    if not found:
        # the gazetteer knows no place of this sentence: a name the sentence marks as a place
        # ("in the area of Kfarkela") before the message's place (the headline's country);
        # the message's place still links incidents
        written = written_place(s, span, gz, near)
        fired_here = {normalize(s.written.get((m.start, m.end), m.alias)) for m in at_own}  # (the same names as written)
        fired_here |= _other_names(s, clause, gz)
        if written is not None and normalize(written) in fired_here:
            written = None
        blamed = {m.id for m in s.mentions if m.kind == "place" and (m.start, m.end) in not_places}
        message_places, origins, borders = message().places, message().origins, message().borders
        # the places the message names as struck by another party ("Israeli jets strike south Lebanon",
        # for Hezbollah's fire at an army post): another attack's
        struck = {p.id for p in message_places if party is not None and party not in message().struck.get(p.id, (party,))}
        foreign = others | struck
        takeable = [p for p in message_places if p.id not in speaking and p.id not in blamed and p.id not in fired_at
                    and p.id not in others
                    and not (own is not None and gz.within(p.id, own) and p.id in message().aimed)
                    and all(p.id != m.id for m in at_own)]
        # "missiles fired from southern Lebanon ... vehicles near Dovev were hit": where the fire came
        # from is not where it struck, for a sentence naming no place of its own either
        from_ids = {o.id for o in origins}
        first = ([p for p in takeable if p.id not in from_ids] or takeable)[:1]
        if origins and place_words().origin.search(s.norm):
            first = origins[:1]
        if first and first[0].id in struck:
            first = []  # (not the next place down the message's list: a party's adjective, "Iran-backed", or a region's mood)
        taken = gz.most_specific(first, [p for p in message_places if p.id not in foreign]) if first else None
        if written is None and borders and _BORDER_WORD.search(s.norm):
            # "clashes across the border" in a message about "the boundary with Lebanon"
            written = borders[0]
        if (written is None or place_words().adjective_places.fullmatch(normalize(written))) and (
                taken is None or written is not None):
            # "in a Crimean port": the country, not the words as written
            taken, written = adjective_country(gz, s, span) or taken, None
        if taken is None and written is None and elsewhere is not None and (
                names := [n for n in elsewhere() if normalize(n) not in fired_here]):
            # "A cell entered a depot in the area of Matmoura. Jets then struck the depot": with no
            # place of the gazetteer in the message, the village another sentence marks as a place
            written = names[0]
        return [(taken, written or (_shown(taken) if taken else None))]

    def nearest(refs: list[tuple[int, PlaceRef]]) -> PlaceRef:
        # among places as precise as each other, the one nearest the attack's words (one after
        # them before one before them): "struck a compound in X ... earlier, fire from Y"
        return min(refs, key=lambda r: (r[0] - cue_at if r[0] >= cue_at else 2 * (cue_at - r[0]), r[0]))[1]

    sites = list({p.id: (at, p) for at, p in reversed(found) if p.kind in ("base", "town", "crossing")}.values())
    sites.sort(key=lambda r: r[0])
    bases = [r for r in sites if r[1].kind == "base"]
    if len(sites) > 1 and many:
        return [(p, _shown(p)) for _, p in (bases if len(bases) > 1 else sites)]
    if bases or sites:
        site = nearest(bases or sites)
        at = next(a for a, p in found if p.id == site.id)
        # "in al-Barida, east of al-Qaryatain": a name the gazetteer does not know just before the town
        return [(site, _nearer(s, site, at, span, gz, near) or _finer(s, site, span, gz, _DIRECTION_OF) or _shown(site))]
    # the most precise of them, or a finer place the message names elsewhere inside it
    level = min(SPECIFIC.get(p.kind, 5) for _, p in found)
    best = nearest([r for r in found if SPECIFIC.get(r[1].kind, 5) == level])
    listed = _listed_first(gz, s, kept, found, best)
    if listed is not None:
        best = listed
    if best.kind not in ("town", "village", "base", "site", "crossing"):
        # "attacked 19 positions in Israel ... on Israel's northern border": a finer place this
        # sentence names goes before one another sentence names inside the area (another attack's);
        # inside a city too ("#Halab: ... points in the village of #Tel_Sabaine")
        own = _finer(s, best, span, gz) or _marked_inside(s, best, span, gz, near)
        if own is not None and (own.isascii() or _ar_settlement(s, own) or _ar_placed(s, own)):
            # (an Arabic name as written only after «بلدة», «قرية», «حي»: «بلدة الشيخ بحر بريف إدلب»
            # is the town, not Idlib's countryside; or placed by a direction from the known one: «منطقة
            # الفرافرة غرب القاهرة»; other Arabic names: the gazetteer's own place first)
            return [(best, own)]
    wide = gz.most_specific([best], (p for p in _message_places(message) if p.id not in other_attack)) or best
    if wide.kind in ("town", "village", "city", "base", "site", "crossing"):
        return [(wide, _finer(s, wide, span, gz) or _shown(wide))]
    return [(wide, _finer(s, wide, span, gz) or _marked_inside(s, wide, span, gz, near) or _shown(wide))]


# "launchers used to fire rockets at central Israel", "rockets ready to be launched into Israel", "the
# attack against Israel": the other side's fire toward a country; "crossed into Israeli territory" is
# where a drone was downed
_FIRE_WORDS = frozenset("fire fired firing fires launch launched launches launching aimed attack attacks invasion".split())
# "toward the State of Israel", "toward the area of Margaliot", "toward the city of Sderot"
_FIRE_AREAS = frozenset("state area areas city town community communities village villages region".split())
_ENTERED = frozenset("crossed crossing infiltrated infiltrate infiltrating infiltration entered entering".split())


def _own_clause(s: Sentence, at: int) -> tuple[int, int]:
    """The tokens of the clause of the statement whose words are at token ``at``: the whole sentence,
    unless a word of contrast before another party's verb of saying opens a clause of its own ("...,
    while the group says it fired at Israeli positions", «بينما أعلنت وزارة الدفاع ...», «في حين قال
    ...»): then from the contrast before ``at`` to the one after it. A clause before the statement's
    is another party's only when a party speaks in it too ("Tel Aviv says it hit ...", not "A car
    bomb hit Kirkuk, while IS claimed the blast": the event the claim is about)."""
    words = place_words()
    start, end = 0, len(s.toks)
    for k, tok in enumerate(s.toks):
        if tok not in words.contrast or (tok == "حين" and (k == 0 or s.toks[k - 1] != "في")):
            continue
        if not any(_says(t) for t in s.toks[k + 1:k + 6]):
            continue  # "killed while patrolling in Ramadi": the same attack
        if k <= at:
            if not any(_says(t) for t in s.toks[start:k]):
                continue  # "A car bomb hit Kirkuk, while IS claimed the blast": the clause before tells the event, no party's word
            start = k - 1 if tok == "حين" else k
        else:
            end = k - 1 if tok == "حين" else k
            break
    return start, end


def _says(tok: str) -> bool:
    """A verb of saying, the Arabic one after «و» too («وقال», «وأعلنت»)."""
    says = place_words().clause_speaks
    return tok in says or (tok[:1] == "و" and tok[1:] in says)


def _other_names(s: Sentence, clause: tuple[int, int], gz: Gazetteer) -> set[str]:
    """The names the sentence writes as places outside the statement's clause (``_own_clause``),
    normalised: another party's places, not to be taken as written."""
    if clause == (0, len(s.toks)):
        return set()
    lo, hi = (char_at(s, t, len(s.original)) for t in clause)
    return {normalize(c[1]) for c in candidates(s, None, gz) if not lo <= c[0] < hi} | {
        normalize(s.written.get((m.start, m.end), m.alias)) for m in s.mentions
        if m.kind == "place" and not clause[0] <= m.start < clause[1]}


def _fire_at_own(s: Sentence, i: int) -> bool:
    """Token ``i`` names a country after "toward", "at", "against", "into" that follow a word of
    fire or launch: where the other side's fire went ("launchers aimed toward Israeli territory")."""
    if i >= 3 and s.toks[i - 1] == "of" and s.toks[i - 2] in _FIRE_AREAS:
        i -= 3 if s.toks[i - 3] == "the" else 2  # "toward the State of Israel", "toward the area of Kiryat Shmona"
    if i >= 2 and s.toks[i - 1] in place_words().between:
        i -= 1  # "at central Israel"
    if i < 2 or s.toks[i - 1] not in ("toward", "towards", "at", "against", "into"):
        return False
    before = s.toks[max(i - 7, 0):i - 1]
    return not _FIRE_WORDS.isdisjoint(before) and _ENTERED.isdisjoint(before)


# the words of a strike between its party and the place it hit ("Israeli jets strike south Lebanon",
# "Israel conducted airstrikes in Gaza", "Hamas' October 7 attack on Israel")
_STRIKES = frozenset("strike strikes struck pound pounds pounded hit hits bomb bombs bombed shell shells shelled "
                     "attack attacks attacked raid raids raided airstrike airstrikes bombing bombings shelling "
                     "bombardment offensive invasion".split())


def struck_by(gz: Gazetteer, sentences: list[Sentence]) -> dict[str, frozenset[str]]:
    """Per place, the parties the message names as striking it: a party (or its country's adjective,
    "Israeli jets") a few words before a word of a strike a few words before the place ("Israeli jets
    strike south Lebanon after a Hezbollah attack"; not "rockets fired from Lebanon", where fire came from)."""
    words = place_words()
    adjectives = words.adjective_country
    out: dict[str, set[str]] = {}
    for s in sentences:
        for m in s.mentions:
            if m.kind != "place" or m.start < 2 or s.toks[m.start - 1] in words.origin_before:
                continue
            hit = next((k for k in range(m.start - 1, max(m.start - 5, 0) - 1, -1) if s.toks[k] in _STRIKES), None)
            if hit is None or answered_at(s, hit):
                continue
            # (a party as the statements name it: the army speaks for its state, "IDF" is Israel)
            parties = [(o.start, (ref := gz.actors[o.id].ref()).id, ref.parent) for o in s.mentions
                       if o.kind == "actor" and o.id in gz.actors and hit - 4 <= o.start and o.end <= hit]
            parties += [(k, adjectives[s.toks[k]], None) for k in range(max(hit - 4, 0), hit) if s.toks[k] in adjectives]
            if parties:
                _, party, parent = max(parties, key=lambda r: r[0])
                out.setdefault(m.id, set()).update(i for i in (party, parent) if i)
    return {pid: frozenset(ids) for pid, ids in out.items()}


def fire_targets(sentences: list[Sentence]) -> frozenset[str]:
    """The places a message names only as where the other side's fire went ("rockets launched
    toward the State of Israel"): not where a strike of the country named there was."""
    aimed: set[str] = set()
    other: set[str] = set()
    for s in sentences:
        for m in s.mentions:
            if m.kind == "place":
                (aimed if _fire_at_own(s, m.start) else other).add(m.id)
    return frozenset(aimed - other)


def _message_places(message: Callable[[], Where]) -> Iterator[PlaceRef]:
    """The message's places, worked out only once iterated (``most_specific`` reads them for an
    area only: a city or a town is as precise as a statement's place gets from elsewhere)."""
    yield from message().places


_AR_SETTLEMENT = re.compile(r"(?:^|\s)[وفب]?(?:بلدة|قرية|حي|مخيم|بلدات|قرى)\s+$")


# «غرب», «جنوب غربي», «في شمال»: a direction between a name and the known place it is placed by
_AR_DIRECTION = re.compile(r"\s*(?:في\s+)?(?:(?:شمال|جنوب|شرق|غرب)ي?\s*){1,2}(?:مدينة\s+|محافظة\s+)?")


def _ar_placed(s: Sentence, name: str) -> bool:
    """An Arabic name as written right before a direction («منطقة الفرافرة غرب القاهرة»): a place
    the text locates by the known one after it."""
    at = _find_written(s, name)
    return at >= 0 and _AR_DIRECTION.match(s.original, at + len(name)) is not None


def _find_written(s: Sentence, name: str) -> int:
    """Where a name as shown is in the sentence, a hashtag's «_» for its spaces too («#الشيخ_أحمد»)."""
    at = s.original.find(name)
    return s.original.find(name.replace(" ", "_")) if at < 0 and " " in name else at


def _ar_settlement(s: Sentence, name: str) -> bool:
    """An Arabic name as written right after a word of a town, village or quarter («بلدة», «قرية», «حي»)."""
    at = _find_written(s, name)
    # (a tweet's hashtag after the word: «قرب قرية #الصالحية بريف #السفيرة»)
    return at > 0 and _AR_SETTLEMENT.search(s.original[max(at - 12, 0):at].removesuffix("#")) is not None


# the deeds a blame's own clause tells of, before the place it names ("fired by Houthi rebels in Yemen")
_DEEDS = frozenset("fired launched shelled bombed attacked targeted struck killed hit shelling".split())


_LIST_WORDS = re.compile(r"^\W*(?:and|or|as well as|&amp;|&)?\W*(?:the\s+)?"
                         r"(?:(?:northern|southern|eastern|western|central)\s+(?:(?:and|or)\s+)?)*$", re.I)


def _listed_first(gz: Gazetteer, s: Sentence, kept: list[Mention], found: list[tuple[int, PlaceRef]],
                  best: PlaceRef) -> PlaceRef | None:
    """"attacked US bases in Syria as well as western and northern Iraq": of two places a list
    names, neither inside the other, the first is the statement's (not the more precise second)."""
    by_start = {m.start: m for m in kept}
    at = next((k for k, (_, p) in enumerate(found) if p.id == best.id), None)
    if at is None or at == 0:
        return None
    _, a2 = _written_at(s, by_start[found[at][0]])
    for k in range(at - 1, -1, -1):
        start, p = found[k]
        prev = by_start[start]
        if p.kind in ("base", "site", "crossing", "town", "village") or gz.within(best.id, p.id) or gz.within(p.id, best.id):
            continue
        w1, a1 = _written_at(s, prev)
        if a1 < 0 or a2 < 0 or a2 <= a1:
            continue
        if _LIST_WORDS.match(s.original[a1 + len(w1):a2]):
            return p
    return None


def _cue_offset(s: Sentence, at: int) -> int | None:
    """Where the statement's words (token ``at``) are in the sentence as written."""
    return char_at(s, at, len(s.original)) if s.starts else None


def _shown(p: PlaceRef) -> str | None:
    """A known town or site as a Latin text spells it ("Beit Hanoun" for Bayt Hanun, "Juhor ad-Dik"),
    when that differs from the gazetteer's name; None otherwise. An Arabic or Persian spelling is
    not shown: the gazetteer's English name reads better to analysts than a bare «القاهرة»."""
    if not p.as_written or (p.kind not in _POINTS and not (p.kind == "base" and _TOWN_OF_BASE.fullmatch(p.as_written))):
        return None
    written = display_name(p.as_written).lstrip("#")
    if re.search(r"[\u0600-\u06ff]", written) or written.islower():
        return None  # another script, or the spelling was not found: only the gazetteer's key is left
    if normalize(written) == normalize(p.name) or written.casefold() in _exonyms():
        return None  # the same name, or another language's name for it («Beyrouth»): the gazetteer's
    return written


# a base named by its town alone, as the text spells it ("#Shadadi", "Ain al-Assad", "Qayyara"): the
# town is shown so (a base's own word, "the Harir base", "T4", keeps the gazetteer's official name)
_TOWN_OF_BASE = re.compile(r"#?(?!.*\b(?i:base|bases|air|airbase|airfield|airport|aerodrome|camp|garrison|field|oilfield|"
                           r"ab|fob|zone|area|tower|site|complex)\b)[A-Z][a-z]+(?:[-\s](?:[Aa]l|[Aa]s|[Aa]sh|[Ee]l)?-?[A-Z]?[a-z]+)*")


@lru_cache(maxsize=1)
def _exonyms() -> frozenset[str]:
    from classifiers.gazetteer_data import exonyms

    return exonyms()


# a city's possessive before a name: "#Hasakah's #Tal_Baydar"
_OWNED_AREA = re.compile(r"['\u2019]s\s+")
# ... and a word of area after that name ("Tahtuh neighborhood"; not "Sadr City", "the Grand Mosque")
_AREA_AFTER = re.compile(r"\s+(?i:area|district|neighbou?rhood|province|governorate|countryside|village|town|suburb|"
                         r"region|quarter|camp)\b")


# "X, east of Y", "X hills west to #Y", "X 20 km north of the town of Y": X placed by Y
_DIRECTION_OF = re.compile(r"^[\s,]*(?:(?:hills?|area|village|region|district|neighbou?rhood|outskirts)\s+)?(?:\d+\s*km\s+)?"
                           r"(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|"
                           r"western|ne|nw|se|sw|n|s|e|w)\s+(?:of|to|from)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?#?$",
                           re.I)


def _finer(s: Sentence, wide: PlaceRef, span: tuple[int, int] | None, gz: Gazetteer,
           between_words: re.Pattern[str] | None = None) -> str | None:
    """"in the Al-Zahra area of #Homs", "in Kfar Kila, southern Lebanon": a name the gazetteer
    does not know, written just before the city or country it does know, is the finer place."""
    shown = wide.as_written or wide.name
    for m in s.mentions:
        if m.kind != "place" or m.id != wide.id:
            continue
        written, there = _written_at(s, m)
        if there < 0:  # "#DeirEzzor" read as "Deir Ezzor"
            written = written.replace(" ", "")
            there = s.original.find(written)
        owned = _OWNED_AREA.match(s.original, there + len(written)) if there >= 0 else None
        if owned is not None:
            # "in #Hasakah's #Tal_Baydar area", "Deir Ezzor's Jubaila district": the city owns the finer place
            inside = [c for c in candidates(s, span, gz) if c[0] in (owned.end(), owned.end() + 1)
                      and _AREA_AFTER.match(s.original, s.original.find(c[1].split()[-1], c[0]) + len(c[1].split()[-1]))]
            if inside:
                return inside[0][1]
    name = written_place(s, span, gz)
    if name is None or normalize(name) == normalize(shown):
        return None
    at = s.original.find(name)
    there = s.original.find(shown, at + len(name)) if at >= 0 else -1  # (not "#WilayatDimashq" before it)
    if there < 0 and at >= 0 and " " in shown:
        there = s.original.find("#" + shown.replace(" ", ""), at + len(name))  # "in #Dughaym, #DeirEzzor"
    if at < 0 or there < 0 or not 0 < there - (at + len(name)) <= 40:
        return None
    between = s.original[at + len(name):there].lower()
    if between_words is not None:
        return name if between_words.match(between) else None
    if place_words().speaks.intersection(between.split()):
        return None  # "Free Whores of #Kurdistan' claims responsibility of #Ankara": a clause between them
    return name if re.search(r"\b(?:of|in|near|outside|area|district|countryside|province|outskirts)\b|,", between) or (
        _AR_DIRECTION.fullmatch(between)) else None


def _marked_inside(s: Sentence, wide: PlaceRef, span: tuple[int, int] | None, gz: Gazetteer,
                   near: int | None) -> str | None:
    """"struck a compound in the area of Ayta ash Shab ... in southern Lebanon": a name the
    sentence marks as a place by a word that says so ("the area of", "the village of", "near",
    «بلدة»), when the gazetteer knows only the country or province around it."""
    found = [c for c in candidates(s, span, gz) if c[2]]
    if not found:
        return None
    shown = normalize(wide.as_written or wide.name)
    # (not "Khan Yunis-24hr" or "Gaza" for Khan Yunis or Gaza City: the known place written otherwise)
    found = [c for c in found if normalize(c[1]) not in shown and not (
        normalize(c[1]).startswith(shown) and normalize(c[1])[len(shown):].strip()[:1].isdigit())]
    if wide.kind == "city":
        # inside a city, not a name holding another known place ("the town of Horlivka, an area of
        # Ukraine's Donetsk region": Donetsk is the region around it; "Palmyra airport" is finer)
        known = [" ".join(s.toks[m.start:m.end]) for m in s.mentions if m.kind == "place" and m.id != wide.id]
        found = [c for c in found if not any(k in normalize(c[1]) for k in known)]
    return nearest_name(found, near) if found else None


def _nearer(s: Sentence, site: PlaceRef, token: int, span: tuple[int, int] | None, gz: Gazetteer,
            near: int | None) -> str | None:
    """"struck the Ramim barracks ... and targeted sites in the Kfar Shuba hills": a site the
    gazetteer does not know, marked as a place by a word that says so, nearer the attack's words
    than the known one, is the place shown (the known one still links incidents)."""
    if near is None:
        return None
    here = distance(char_at(s, token, len(s.original)), near)
    known = normalize(site.as_written or site.name)
    closer = [c for c in candidates(s, span, gz) if c[2] and c[1].isascii() and distance(c[0], near) < here
              and known not in normalize(c[1]) and normalize(c[1]) not in known]
    return nearest_name(closer, near) if closer else None


def message_written(gz: Gazetteer, sentences: list[Sentence]) -> tuple[str, ...]:
    """The names the message's sentences mark as places by a word that says so ("the area of
    Matmoura", "near Kibbutz Nir Am") that the gazetteer does not know, first named first."""
    return tuple(dict.fromkeys(c[1] for s in sentences for c in sorted(candidates(s, None, gz)) if c[2] and c[1].isascii()))


_BORDER_WORD = re.compile(r"(?<!\w)(?:border|boundary|frontier)(?!\w)")


def message_borders(sentences: list[Sentence]) -> list[str]:
    """The borders a message names, as written ("along the Lebanon border", "the boundary with
    Lebanon"), first named first."""
    return [display_name(m.group("name")) for s in sentences if _BORDER_WORD.search(s.norm)
            for m in BORDER.finditer(s.original)]


_AMID = re.compile(r"(?<!\w)amid (?:\w+ ){0,3}?(?:attacks|strikes|rocket fire|drone attacks|assaults)(?: (?:on|against))?(?!\w)")


def told_among(s: Sentence, token: int) -> bool:
    """Token ``token`` is in "amid attacks on ...": the attacks a strike is told among ("US strikes Iranian facility
    in Syria amid attacks on American troops"), not its target."""
    for m in _AMID.finditer(s.norm):
        if s.token_at(m.end() - 1) < token <= s.token_at(m.end() - 1) + 3:
            return True
    return False


def answered_at(s: Sentence, token: int) -> bool:
    """Token ``token`` is in the words of an attack another one answered: "the strikes followed a
    drone attack on Erbil air base", "in retaliation for rocket fire on ..." (from those words on)."""
    at = _answered(s.norm)
    return at is not None and token >= s.token_at(at)


@lru_cache(maxsize=4096)
def _answered(norm: str) -> int | None:
    """Where the words of an attack another one answered start in ``norm``, or those of the past
    deeds of the man struck ("who was involved in attacks against Israel") (asked once per place
    named in a sentence: searched once)."""
    response = next((m for m in place_words().answered.finditer(norm)
                     if not (m.group(0).startswith("following ") and _TOLL_BEFORE.search(norm, 0, m.start()))), None)
    after = struck_after(norm)
    found = [at for at in (response.start() if response is not None else None, after, past_deeds_at(norm)) if at is not None]
    return min(found) if found else None


def past_deeds_at(norm: str) -> int | None:
    """Where the past deeds of the man struck start in ``norm`` ("... struck X, who was involved in
    attacks against Israel"), or None."""
    m = place_words().past_deeds.search(norm)
    return m.start() if m is not None else None


# "killed following an air strike on a camp": the toll of that attack, not another one answering it
_TOLL_BEFORE = re.compile(r"(?<!\w)(?:killed|dead|died|wounded|injured|hurt|casualties)(?:\s+\S+){0,6}\s+$")


# "Israel strikes Syria after drone attack on Eilat": after a strike, "after" and an attack name the
# attack answered (not a bare "after": "IS claimed it a day after the bombing in Kabul" is the same one)
_STRUCK_AFTER = re.compile(r"(?<!\w)(?:strikes|strike|airstrikes|airstrike|struck|hits|hit|bombs|bombed|pounds|pounded|shells|shelled|"
                           r"retaliates|retaliated|responds|responded)\s+(?:\S+\s+){0,4}?(?P<after>after)\s+"
                           r"(?:\S+\s+){0,4}?(?:attack|attacks|strike|strikes|raid|rocket|rockets|drone|missile|shelling|"
                           r"bombing|fire)(?!\w)")


def struck_after(norm: str) -> int | None:
    """Where "after ..." starts in "X struck Y after an attack on Z", or None."""
    m = _STRUCK_AFTER.search(norm)
    return m.start("after") if m is not None else None


def government_seat(s: Sentence, m: Mention) -> bool:
    """"test Washington's resolve", "a Washington-Tehran confrontation", "if targeted by Washington":
    a capital that stands for its government, not where (it is, when a word marks it: "in Moscow",
    "drones over Kyiv", "the Ankara bombing", but not "a new willingness in Washington")."""
    return m.kind == "place" and m.id in place_words().seats and (not _marked(s, m.start, m.end) or _seat_mood(s, m))


def _government_speaks(s: Sentence, m: Mention) -> bool:
    """"Baghdad said", "an angry response from Baghdad", "condemned by Damascus", «بغداد تدين»: a
    capital that speaks, answers or condemns is its government, not where an attack happened (it
    is, when a word marks it: "a rocket attack in Baghdad", "strikes on Damascus")."""
    if m.kind != "place" or m.id not in place_words().capitals or _marked(s, m.start, m.end):
        return False
    if m.end < len(s.toks) and (s.toks[m.end] in place_words().speaks or s.toks[m.end] in place_words().speaks_before):
        return True  # "Baghdad said", «طهران تنفي» (an Arabic headline puts the city first)
    return m.start >= 2 and s.toks[m.start - 1] in ("from", "by") and s.toks[m.start - 2] in place_words().government_voice


def _verb_before(s: Sentence, m: Mention) -> bool:
    """«أعلنت دمشق», «تتهم واشنطن»: a city right after an Arabic verb of saying speaks for its
    government (the verb comes first in Arabic)."""
    return m.start > 0 and s.toks[m.start - 1] in place_words().speaks_before


def _seat_mood(s: Sentence, m: Mention) -> bool:
    """"a new willingness in Washington", "alarm in Tehran": a mood in a capital is its government's."""
    return (m.id in place_words().seats and m.start > 1 and s.toks[m.start - 1] == "in"
            and s.toks[m.start - 2] in place_words().seat_moods)


def _tier(gz: Gazetteer, s: Sentence, m: Mention, titled: bool) -> int | None:
    """How a mention says where: 0 marked as a place ("in Iraq"), 1 bare, 2 weak ("Iran-linked",
    "the Gaza war"); None for no place of an attack (an answered attack's, a destination, a handle,
    where the speaker spoke)."""
    if m.kind != "place" or answered_at(s, m.start) or _destination(s, m) or _in_handle(s, m) or _not_where(s, m) \
            or _common_word(s, m) or government_seat(s, m) or _government_speaks(s, m) or _verb_before(s, m) \
            or _spoken_at(s, m) or _ship_name(gz, s, m):
        return None
    if _describes(gz, s, m) or _inside_name(gz, s, m, titled) or _weak(s, m):
        return 2
    return 0 if _marked(s, m.start, m.end) else 1


def _tiered(gz: Gazetteer, sentences: list[Sentence]) -> Iterator[tuple[Sentence, Mention, int, PlaceRef]]:
    """Each place mention that says where an attack may be, with its tier (``_tier``) and its
    place as written, in the order of the text."""
    for s in sentences:
        titled = title_case(s.original)
        for m in s.mentions:
            how = _tier(gz, s, m, titled)
            if how is not None:
                yield s, m, how, gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))


def event_places(gz: Gazetteer, sentences: list[Sentence]) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """The message's places, each once, in the order a statement whose own sentence names none
    should take them: those a word marks as where ("in Iraq", "near the Red Sea", "the city of
    Damascus") before the others ("the Gaza war"). None from an "in response to ...", "the strikes
    followed an attack on ..." clause (the attack answered), a hyphen compound ("Iran-linked") or a longer name ("the Maersk Hangzhou").
    Second, the places fire came from ("launches from Lebanon"), for "struck the sources of the fire"."""
    tiers: tuple[dict[str, PlaceRef], ...] = ({}, {}, {})  # marked, bare, weak
    origins: dict[str, PlaceRef] = {}
    for s, m, how, ref in _tiered(gz, sentences):
        tiers[how].setdefault(m.id, ref)
        if how < 2 and m.start and s.toks[m.start - 1] in place_words().origin_before:
            origins.setdefault(m.id, ref)
    ordered: dict[str, PlaceRef] = {}
    for tier in tiers:
        for pid, ref in tier.items():
            ordered.setdefault(pid, ref)
    # within a tier, a site or town before an area: "Tower 22: ... the attack was in Syria"
    tier_of = {pid: k for k in (2, 1, 0) for pid in tiers[k]}
    rank = {pid: k for k, pid in enumerate(ordered)}
    return sorted(ordered.values(), key=lambda p: (tier_of[p.id], SPECIFIC.get(p.kind, 5) > 1, rank[p.id])), list(
        origins.values())


def report_place(gz: Gazetteer, sentences: list[Sentence]) -> PlaceRef | None:
    """Where a report with no statement places its event: the most precise place the message
    names as where (a base before its town before its province before its country), leaving out
    what names no place of an attack ("Washington's resolve", an answered attack) and, while
    another place is named, what only describes ("Iran-linked sites", "the Gaza war")."""
    ranked = [((how == 2, SPECIFIC.get(ref.kind, 5), k), ref) for k, (_, _, how, ref) in enumerate(_tiered(gz, sentences))]
    return min(ranked, key=lambda r: r[0])[1] if ranked else None
