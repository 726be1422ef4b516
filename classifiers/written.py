"""Places the gazetteer does not know, as the sentence writes them: a name after "in", "near",
"the village of", «بلدة», a site's noun ("the Ramim barracks") or a bare hashtag ("#Huwaysis"), with
the words that say a name is no place (a party, a month, an epithet, a body). Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from classifiers.gazetteer import LOCATIVE, NAME_HEADS, Gazetteer
from classifiers.names import display_name
from classifiers.normalize import normalize
from classifiers.placewords import (
    ARABIC_PLACE,
    BORDER,
    LATIN_PLACE,
    NOT_PLACE,
    OF_PLACE,
    PERSIAN_PLACE,
    place_words,
)
from classifiers.sentences import Sentence
from classifiers.types import PlaceRef


def char_at(s: Sentence, token: int, length: int) -> int:
    """About where token ``token`` starts in the sentence as written (offsets in ``norm`` and in
    the original differ a little); the end for a token past the last."""
    if token >= len(s.starts):
        return length
    return int(length * s.starts[token] / max(len(s.norm), 1))


def distance(at: int, near: int) -> int:
    """How far a place is from the attack's words: one after them is nearer than one before."""
    return at - near if at >= near else 2 * (near - at)


# words of area that end a name as written but are no name alone ("the Hamad Area" is Hamad)
_AREA_WORDS = frozenset("Mount Lake River Camp Valley Hill Hills Mountain Mountains Village Town City District Province "
                        "Governorate Area Region Outskirts Countryside Neighborhood Neighbourhood Suburb".split())

# a direction after a town's name starts the words that place it ("Muhanah west of Makhmur",
# "#Hamidiyyah NW of #Fallujah"): it ends the name
_DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Northeast Northwest Southeast Southwest "
                        "North-East North-West South-East South-West NE NW SE SW N S E W".split())

_NOT_NAME_WORDS = _DIRECTIONS | _AREA_WORDS | NOT_PLACE

# a word glued to the next sentence's first word ("LebanonA", "AreaMaglan")
_GLUED = re.compile(r"^([A-Za-z][a-z]+)[A-Z].*$")

# (the -ish adjectives by name: "Rmeish", "Binnish", "Arish" are towns)
_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ean|ese)|(?:Turk|Brit|Jew|Engl|Ir|Scott|Span|Swed|Dan|Pol|Finn|Flem)ish|"
                      r"Iraqi|Israeli|Saudi|Yemeni|Qatari|Omani|Kuwaiti|Emirati|Pakistani|"
                      r"Afghani?|Bahraini|Somali|Houthi|Azeri|Kurdish|American|African|Yemen's|Syria's|Iraq's|Lebanon's)$")


# "#Huwaysis", "#Tahtuh", "#DeirEzZour": in a tweet a place is often only a hashtag
_HASHTAG = re.compile(r"#([A-Z][a-z]+(?:_?[A-Z][a-z]+){0,2})(?![\w])")
_TAG_AFTER_LOCATIVE = re.compile(r"(?<![\w#])(?:in|near|outside|around)\s+#([a-z][a-z]+(?:_[a-z]+){0,3})(?![\w])")
# "Wilayat Sinai", "#WilayatHalab": a jihadist group's province, which names its branch, not where
# (not the Arabic «ولاية», which is any state's: «ولاية تكساس»)
PROVINCE_OF = frozenset({"wilayat", "wilaya", "wilayah"})
# a word of event glued to a hashtag's place: "#AnkaraBombing", "#BrusselsAttacks"
_CAMEL_EVENT = re.compile(r"(?<=[a-z])(?:Bombings?|Attacks?|Blasts?|Massacre|Explosions?|Shooting|Raids?|Strikes?)$")
_NOT_TAGS = frozenset("breaking breakingnews amaq amaqagency aamaq isis islamicstate is isil daesh urgent update news "
                      "latest video photo photos terrormonitor alert syria iraq photoreport infographic".split())
# "#Baridah area", "#Tal_Dhahab village": a hashtag a word of area follows names a place
_TAG_AREA = re.compile(r"\s+(?i:area|village|district|neighbou?rhood|region|town|countryside|outskirts)\b")


@lru_cache(maxsize=4096)
def title_case(text: str) -> bool:
    """A headline in Title Case capitalises every word: capitals say nothing of names there."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _site_pattern() -> re.Pattern[str]:
    return _site_re(place_words().site_nouns)


@lru_cache(maxsize=1)
def _site_re(nouns: str) -> re.Pattern[str]:
    # "the Ramim barracks", "Karmardi village": capitalised words just before a site's noun
    return re.compile(r"(?<![\w#'’])(?P<name>(?:[A-Z][A-Za-z\-]+(?:['’][A-Za-z]+)*\s+){1,3}?(?:" + nouns + r"))\b")


def candidates(s: Sentence, span: tuple[int, int] | None, gz: Gazetteer | None) -> tuple[tuple[int, str, bool], ...]:
    """Names the sentence marks as places, with where they start and whether a word says so
    ("the village of", "near", «بلدة», "... barracks") rather than a bare "in", "at", "on".
    Found once per sentence and span (a statement's place, the message's places and the finer
    name of a known place all ask); the gazetteer is the one the sentence was prepared with."""
    key = ("place candidates", span, gz is None)
    found: tuple[tuple[int, str, bool], ...] | None = s.derived.get(key)
    if found is None:
        found = s.derived[key] = tuple(_candidates(s, span, gz))
    return found


# the last word of a road's named point: "the Yitzhar Junction", "the Kerem Shalom Crossing"
_ROAD_POINT = re.compile(r"\s(?i:junction|checkpoint|crossing|roundabout|intersection)$")
# the letters Persian writes and Arabic does not (pe, che, zhe, gaf, keheh, Farsi yeh)
_PERSIAN_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_MISSION_AFTER = re.compile(r"\s*(?i:embassy|embassies|consulate|consulates)\b")
_FORCES_AFTER = re.compile(r"\s*(?i:army|armies|forces|militants|militia|militias|troops|fighters|loyalists|gunmen)\b")


def _candidates(s: Sentence, span: tuple[int, int] | None, gz: Gazetteer | None) -> list[tuple[int, str, bool]]:
    text = s.original
    titled = title_case(text)
    lo = hi = -1
    if span is not None and s.starts:
        # not the words of "in response to ..." (token offsets of norm and original differ a little)
        lo, hi = (char_at(s, t, len(text)) for t in span)
    # "The Islamic Resistance in Iraq": a name inside an actor's name is not a place
    in_actors = [" ".join(s.toks[m.start:m.end]) for m in s.mentions if m.kind == "actor"]
    # "Ansar al-Sharia in #Libya": the branch of a party, not where (see _qualifies)
    branches = [s.written.get((m.start, m.end), m.alias) for m in s.mentions if m.kind == "actor"]
    out: list[tuple[int, str, bool]] = []

    def take(pattern: re.Pattern[str], m: re.Match[str]) -> tuple[int, str, bool] | None:
        if lo <= m.start() < hi or place_words().speech.search(normalize(text[max(m.start() - 40, 0):m.start()]).strip()):
            return None  # in "in response to ...", or where a speaker spoke ("a news conference in Baghdad")
        if (pattern is OF_PLACE or (pattern is LATIN_PLACE and m.group(0)[:2].lower() == "in")) and any(
                text[:m.start()].rstrip().endswith(b) for b in branches if b):
            return None
        before = normalize(text[max(m.start("name") - 40, 0):m.start("name")]).strip()
        if place_words().destination.search(before) or place_words().not_where.search(before):
            return None  # "a tanker bound for Eilat": where it was going; "the war in Gaza"
        if _MISSION_AFTER.match(text, m.end("name")):
            return None  # "near #Oman consulate in #Giza": whose mission, not where
        if _FORCES_AFTER.match(text, m.end("name")):
            return None  # "an attack on #Heftar army militants in #Benghazi": whose forces, not where
        if pattern is BORDER:
            return m.start("name"), display_name(m.group("name")), True
        raw = m.group("name")
        parts = raw.split()
        start = m.start("name")
        owner = next((k for k in range(len(parts) - 1) if parts[k].endswith(("'s", "\u2019s"))), None)
        if owner is not None:
            parts = parts[owner + 1:]  # "in #Baqubah's #Shaftah area": the name after the owner's
            start += raw.find(" " + parts[0]) + 1
        tag = next((k for k in range(1, len(parts)) if parts[k].startswith("#")), None)
        if tag is not None and parts[tag - 1].lower().strip("-") not in NAME_HEADS and any(
                p.lstrip("#")[:1].isupper() and p.lstrip("#") not in _NOT_NAME_WORDS for p in parts[:tag]):
            parts = parts[:tag]  # "in Dawrah #Baghdad": a hashtag starts another name (not "Ras #Baalbek", "East #Qalamun")
        raw = " ".join(parts)
        written = normalize(raw)
        if in_actors and any(_words_in(normalize(m.group(0)), a) or _words_in(a, written) or _words_in(written, a)
                             for a in in_actors):
            return None
        if titled and "#" not in raw and not (pattern is OF_PLACE or (pattern is LATIN_PLACE and m.group("strong"))):
            return None  # (a word of area and "of" say a name follows in a headline too: "on the Edges of al-Bardah")
        name = display_name(raw.replace("#", "").replace("_", " "))
        if place_words().modifiers.search(name):
            return None  # "an attack on India-bound ships": a ship's destination, not where
        words = name.split()
        glued = next((k for k, w in enumerate(words) if _GLUED.match(w) and "#" not in raw), None)
        if glued is not None:
            # "the Hamad AreaMaglan soldiers": a post that lost the break after its title
            words = [*words[:glued], _GLUED.sub(r"\1", words[glued])]
        if pattern is ARABIC_PLACE or pattern is PERSIAN_PLACE:
            generic = place_words().arabic_generic
            if words and words[0] in place_words().arabic_kind:
                return None  # «قاعدة خلفية لهجماتهم»: what kind of base, and no name
            while words and words[0] in generic:
                words = words[1:]  # «في العاصمة المنامة» is Manama
            if len(words) == 2 and "_" not in raw and (words[1] in generic or (words[0] not in place_words().arabic_heads and (
                    not words[1].startswith("ال")))):
                words = words[:1]  # «مدينة الرمادي غرب»: the second word is not the name's (a hashtag's «#البو_عيثة» is)
        if any(_epithet(w) for w in words):
            return None  # "apostate #Rafidi army", "an #Inghimasi op": a party's epithet, not a place
        cut = next((k for k in range(1, len(words) - 1) if words[k] in _AREA_WORDS and words[k + 1] == "of"), None)
        if cut is not None:
            words = words[:cut]  # "as-Sayyidah Zainab Region of Damascus" is as-Sayyidah Zainab
        cut = next((k for k in range(1, len(words)) if words[k] in _DIRECTIONS), None)
        if cut is not None:
            words = words[:cut]  # "#Hamidiyyah NW of #Fallujah", "Zuba` Southwest #Baghdad": the town before the direction
        while words and (words[-1] in NOT_PLACE or words[-1] in _AREA_WORDS):
            words.pop()  # "the Hamad Area", "Karmardi Village", "Mount" alone
        if words and words[-1] in place_words().not_heads:
            return None  # "in the Aerial Control Unit", "at the Home Front Command": a body, not a place
        if not words or words[-1] in NOT_PLACE or all(w in NOT_PLACE for w in words):
            return None
        if pattern not in (LATIN_PLACE, OF_PLACE, ARABIC_PLACE, PERSIAN_PLACE) and words[0].endswith("ing"):
            return None  # "Targeting barracks", "Shelling positions": a verb, not a name
        if pattern not in (LATIN_PLACE, OF_PLACE, ARABIC_PLACE, PERSIAN_PLACE) and any(
                w in NOT_PLACE or _DEMONYM.match(w) for w in words[:-1]):
            return None  # "the US base", "an Israeli army position": whose, not where
        name = " ".join(words)
        if len(name) < 3 or (_DEMONYM.match(words[0].split("-")[0]) and (len(words) == 1 or "-" in words[0])) or (
                len(words) > 1 and _DEMONYM.match(words[-1])):  # "in the South American country"
            return None
        if gz is not None and gz.resolve_actor(name) is not None:
            return None  # "in Hezbollah", "near ISIS": a party, not a place
        # "at the Beit Einun Junction": a road's point, named so, is a place as surely as "the village of" says
        strong = pattern is not LATIN_PLACE or bool(m.group("strong") or m.group("near")) or _ROAD_POINT.search(name) is not None
        return start, name, strong

    # «في شهر تشرين الأول»: the Persian «شهر» (city) is the Arabic month; Persian words of place are
    # read only in a text with Persian letters
    persian = _PERSIAN_LETTERS.search(text) is not None
    for pattern in (BORDER, LATIN_PLACE, OF_PLACE, ARABIC_PLACE, PERSIAN_PLACE, _site_pattern()):
        if pattern is PERSIAN_PLACE and not persian:
            continue
        at = 0
        while (m := pattern.search(text, at)) is not None:
            found = take(pattern, m)
            if found is not None:
                out.append(found)
            if found is None and pattern in (LATIN_PLACE, OF_PLACE) and m.start("name") > m.start():
                # "on the Assadists at Shair Oilfield": a name refused may hide a place inside it
                at = m.start("name")
            else:
                at = m.end()
    for m in _TAG_AFTER_LOCATIVE.finditer(text):
        # "near #karm_alkawadeea": after a word of place a hashtag is a name, however it is written
        name = m.group(1).replace("_", " ")
        if lo <= m.start() < hi or name[:1].isupper() or _epithet(name) or (
                name in place_words().between) or (
                gz is not None and gz.resolve_actor(name) is not None):
            continue  # capitalised ones are read by the patterns above
        out.append((m.start(1) - 1, name, True))
    for m in _HASHTAG.finditer(text):
        name = _CAMEL_EVENT.sub("", m.group(1)).replace("_", " ")  # "#AnkaraBombing" names Ankara; "#Tal_Hamis"
        if _epithet(name) or name.startswith(("Wilay", "Breaking")) or name.endswith("Agency") \
                or name == "Assad":
            continue
        if place_words().owned.match(text, m.end()) or any(text[:m.start()].rstrip().endswith(f"{b} in") for b in branches if b):
            continue  # "#Assad's army", "Ansar al-Sharia in #Libya"
        if lo <= m.start() < hi or name in NOT_PLACE or _DEMONYM.match(name) or name.lower() in _NOT_TAGS or (
                gz is not None and gz.resolve_actor(name) is not None):
            continue
        area = bool(_TAG_AREA.match(text, m.end()))
        if "_" in m.group(1) and not area:
            continue  # "#Caliphate_News", "#Caravan_Of_Martyrs": such a tag names a place only before a word of area
        out.append((m.start(), name, area))
    return out


def _epithet(word: str) -> bool:
    """A party's epithet or a kind of attack, not a place ("#Rafidi", "Inghimasi"), however
    accented ("Inghimāsī", "Istishhādī")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    return folded in place_words().not_names


def _words_in(part: str, whole: str) -> bool:
    """``part`` is whole words of ``whole`` ("in iraq" of "islamic resistance in iraq"; the party
    "is" is no part of "taridish", nor "isis" of "tisisat")."""
    at = whole.find(part)
    while at >= 0:
        end = at + len(part)
        if (at == 0 or not whole[at - 1].isalnum()) and (end == len(whole) or not whole[end].isalnum()):
            return True
        at = whole.find(part, at + 1)
    return False


def after_locative(text: str, at: int) -> bool:
    """The name at ``at`` follows "in", "at", "near" ... ("in #Huwaysis region"), not a bare hashtag."""
    before = [w for w in text[max(at - 16, 0):at].lower().split() if w not in ("the", "a")]
    return bool(before) and before[-1] in LOCATIVE


def nearest_name(found: Sequence[tuple[int, str, bool]], near: int | None) -> str:
    """The name nearest the attack's words, one after them before one before them."""
    if near is None:
        return min(found)[1]
    return min(found, key=lambda c: distance(c[0], near))[1]


def written_place(s: Sentence, span: tuple[int, int] | None = None, gz: Gazetteer | None = None,
                  near: int | None = None) -> str | None:
    """A place the gazetteer does not know, as the sentence writes it: the first one, or the one
    nearest the character offset ``near`` (the attack's words); none in the tokens ``span``."""
    found = candidates(s, span, gz)
    if not found:
        return None
    if near is None:
        # the patterns' order first (a name after a word of place before a bare hashtag)
        return found[0][1]
    # a name after "in", "near", "the village of" before a bare hashtag or capitalised word ("#Killed")
    marked = [c for c in found if c[2] or after_locative(s.original, c[0])]
    return nearest_name(marked or found, near)


def adjective_country(gz: Gazetteer, s: Sentence, span: tuple[int, int] | None) -> PlaceRef | None:
    """"rockets fired toward Israeli territory", "a Crimean port": the country an adjective names
    before a word of place (not "an Israeli strike", the strike's party)."""
    for m in place_words().adjective_places.finditer(s.norm):
        at = s.token_at(m.start())
        pid = place_words().adjective_country.get(m.group(1))
        if pid in gz.places and not (span and span[0] <= at < span[1]):
            return gz.places[pid].ref(m.group(1))
    return None
