"""Where a statement's attack happened: the gazetteer places of its sentence (the site before the
country), or, when the gazetteer knows none, the name as written after "in", "near", «في»
("in the village of Kfar Kila", "near #Khanasir"). A known town is shown as the text spells it
("Beit Hanoun", «الصقلاوية»), the gazetteer's entry still links incidents. Pure: no I/O.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from classifiers.cues import Cue
from classifiers.gazetteer import LOCATIVE, Gazetteer, Mention
from classifiers.names import display_name
from classifiers.normalize import normalize, tokens
from classifiers.sentences import Sentence
from classifiers.types import PlaceRef

# settlements and provinces, which a text names by its own transliteration ("Beit Hanoun" for Bayt
# Hanun, "Ninawa" for Nineveh); a country, a region or sea, and a base, airport or crossing (its
# official name: "Harir Air Base" for "the Harir base") keep the gazetteer's name
_POINTS = frozenset({"town", "village", "city", "province"})
# name particles inside a longer name: "Maroun El Ras", "Ayta ash Shab", "Umm al Qura"
_PARTICLES = frozenset("al el ash as ad an ar at az ed es er ez bin ibn bint abu um umm de du la le del di".split())


@dataclass(frozen=True, slots=True)
class _Words:
    where_before: frozenset[str]
    modifiers: re.Pattern[str]
    owned: re.Pattern[str]
    site_nouns: str
    arabic_heads: frozenset[str]
    not_heads: frozenset[str]
    arabic_generic: frozenset[str]
    aimed: frozenset[str]
    speech: re.Pattern[str]
    speech_at: frozenset[str]
    answered: re.Pattern[str]
    area_of: frozenset[str]
    named: re.Pattern[str]
    origin: re.Pattern[str]
    origin_before: frozenset[str]
    blame: frozenset[str]
    attacks: frozenset[str]
    of_fr: frozenset[str]
    destination: re.Pattern[str]
    after_place: frozenset[str]
    between: frozenset[str]
    kind_of_attack: frozenset[str]
    not_where: re.Pattern[str]
    not_names: frozenset[str]
    common_words: frozenset[str]
    adjective_country: dict[str, str]
    speaks: frozenset[str]
    group_words: frozenset[str]
    adjective_places: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("placewords.toml").read_text("utf-8"))
    modifiers = re.compile(r"[-\u2010\u2011](?:" + "|".join(map(re.escape, raw["compound_modifiers"])) + r")\b", re.I)
    nouns = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in raw["site_nouns"]), key=len, reverse=True))
    def norm(key: str) -> frozenset[str]:
        return frozenset(t for w in raw[key] for t in tokens(normalize(w)))
    owned = re.compile(r"['\u2019]s\s+(?:" + "|".join(map(re.escape, raw["owned"])) + r")\b", re.I)
    origin = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["origin_words"]) + r")(?!\w)")
    named = re.compile(r"(?:[-\u2013][A-Z][\w]+)?\s+(?:" + "|".join(map(re.escape, raw["named_things"])) + r")\b", re.I)
    attacks = "|".join(re.escape(normalize(w)) for w in raw["attacks"])
    answered = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["answered"]) + r")\s+(?:\S+\s+){0,4}?(?:"
                          + attacks + r")(?!\w)")
    speech = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["speech_nouns"]) + r")$")
    return _Words(
        where_before=norm("where_before"), modifiers=modifiers, owned=owned, site_nouns=nouns,
        arabic_heads=frozenset(raw["arabic_name_heads"]), not_heads=frozenset(raw["not_place_heads"]),
        arabic_generic=frozenset(raw["arabic_generic"]), aimed=norm("aimed"), speech=speech, speech_at=norm("speech_at"),
        answered=answered, area_of=norm("area_of"), named=named, origin=origin, origin_before=norm("origin_before"),
        blame=norm("blame"), attacks=norm("attacks"), of_fr=norm("of_fr"),
        destination=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["destination"]) + r")$"),
        after_place=norm("after_place"), between=norm("between"), kind_of_attack=norm("kind_of_attack"),
        not_where=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["not_where"]) + r")$"),
        not_names=frozenset(w.lower() for w in raw["not_names"]), common_words=norm("common_words"),
        adjective_country={normalize(k): v for k, v in raw["adjective_country"].items()}, speaks=norm("speaks"), group_words=norm("group_words"),
        adjective_places=re.compile(r"(?<!\w)(" + "|".join(map(re.escape, raw["adjective_country"])) + r")\s+(?:"
                                    + "|".join(re.escape(normalize(w)) for w in raw["adjective_places"]) + r")(?!\w)"))


# how precise a place of each kind is (the gazetteer's own order: a base before its town ... a country)
_SPECIFIC = {"base": 0, "site": 0, "crossing": 0, "town": 1, "village": 1, "city": 2, "district": 3, "province": 3,
             "region": 4, "country": 5, "sea": 5}

# a capitalised name (or a hashtag) after a preposition of place, in the text as written; the
# named group "strong" is a word that says a place follows ("the village of", "near")
_NAME = (r"(?P<name>(?:(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|"
         r"southwest)(?:ern)?\s+)?#?(?:al-|el-|Al-|Al |El-|as-|ash-|ad-|an-|ar-|at-|az-|ad-|ed-|es-|ez-)?[A-Z][\w'’`\-]+"
         r"(?:\s+(?:al-|el-|Al-|Al |of |El-|(?:ash|as|ad|an|ar|at|az|ed|es|ez)-|(?:al|el|ash|as|ad|an|ar|at|az|ed|es|ez|ibn|bin|abu|"
         r"umm?)\s+)?#?[A-Z][\w'’`\-]+){0,3})")
_AREA_OF = (r"(?:town|village|city|area|region|district|province|governorate|outskirts|camp|neighbou?rhood|suburb|"
            r"vicinity|countryside|municipality|hamlet|towns|villages|areas)\s+of\s+")
_LATIN_PLACE = re.compile(
    r"(?<![\w#])(?:(?P<near>near|outside|around)|in|at|inside|on|over|off|into)\s+(?:the\s+)?"
    r"(?P<strong>" + _AREA_OF + r")?[\"“']?" + _NAME)
# "toward the Israeli city of Eilat", "the town of Qibya": a word of area and "of" say a place follows
_OF_PLACE = re.compile(r"(?<![\w#])" + _AREA_OF + r"(?:the\s+)?[\"“']?" + _NAME)
# "along the Lebanon border", "on the border with Lebanon", "the northern border with Lebanon"
_BORDER = re.compile(
    r"(?<!\w)(?:along|on|near|across|at|by|over)\s+(?:the\s+)?(?P<name>(?:(?:northern|southern|eastern|western)\s+)?"
    r"(?:border|boundary|frontier)\s+with\s+[A-Z][\w\-]+|[A-Z][\w]+(?:[-\u2013][A-Z][\w]+)?\s+(?:border|frontier)|"
    r"[A-Z][\w]+(?:\s[A-Z][\w]+)?['\u2019]s\s+(?:(?:northern|southern|eastern|western)\s+)?(?:border|frontier))")
# Arabic: a name after a word that says a place follows ("in the town of", "near", "north of"),
# not after a bare «في» (which precedes anything)
_ARABIC_PLACE = re.compile(
    r"(?:(?<=\s)|^)(?:في |ب)?(?:(?:بلدة|مدينة|قرية|ريف|محافظة|منطقة|مخيم|حي|قضاء|ناحية|قرب|بالقرب من|شمال|جنوب|شرق|غرب|"
    r"شمالي|جنوبي|شرقي|غربي|قاعدة|مطار|معسكر|ثكنة|مستوطنة|ميناء)\s+){1,2}"
    r"(?P<name>[\u0621-\u064a]{2,}(?:\s+(?:ال)[\u0621-\u064a]{2,}|\s+[\u0621-\u064a]{3,})?)")
# Persian: a name after «روستای» (the village of), «شهر», «منطقه», «حوالی» (around) ...; one word
# (a zero-width non-joiner keeps «خربت‌الجیر» one word), not a preposition or an adjective after it
_PERSIAN_PLACE = re.compile(
    r"(?:(?<=\s)|^)(?:در |به )?(?:روستای|روستا|شهر|شهرستان|استان|منطقه|منطقه\u200cی|حوالی|نزدیکی|اطراف|شهرک|اردوگاه)\s+"
    r"(?P<name>[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]{2,})")
_NOT_PLACE = frozenset((
    "the January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January Breaking Response Retaliation Coordination Addition "
    "Statement Photos Photo Video Videos Report Reports Amaq IDF IS ISIS US UN The This That These Those A An "
    "His Her Their Its Our We It They He She I Total Order Light Support Cooperation Accordance Particular Recent "
    "Addition Following Defense Defence Hamas Hezbollah Israel Israeli Islamic State Daesh ISIL Taliban "
    "Clashes Clash Fears Fear Attack Attacks Strike Strikes Raid Raids War Battle Battles Operation Operations Response "
    "Retaliation Breaking News Update Live Latest Pictures Watch Read Full Article More Details Security Forces Army "
    "Military Police Government President Minister Ministry Spokesman Prime Officials Official Sources Media Twitter "
    "Telegram Christmas Day Eve Week Weekend Morning Evening Night Afternoon Today Yesterday Tomorrow RT "
    "Air Navy Naval Coalition Regime Enemy Terrorist Terrorists Militia Militias Rebels Soldiers Troops Forces "
    "عدد عدة اطار ظل اعقاب سياق حين وقت اليوم امس الوقت هذا هذه ذلك تلك بيان الساعات الايام اثناء خلال ما"
).split())


def _marked(s: Sentence, i: int, end: int | None = None) -> bool:
    """A word before token ``i`` says that a place follows: "in Iraq", "an attack on Israel",
    "drones over Riyadh", "toward the State of Israel", «فوق الرياض»; or, for a name ending at
    token ``end``, a word of area or of attack right after it: "a Damascus neighbourhood", "the
    #Baghdad bombing" (the city is where, not its government speaking)."""
    if end is not None and end < len(s.toks) and (s.toks[end] in _words().after_place or (
            s.toks[end] in _words().kind_of_attack and end + 1 < len(s.toks) and s.toks[end + 1] in _words().after_place)):
        return True  # "the Baghdad bombing", "the #Ankara terrorist attack"
    if i >= 2 and s.toks[i - 1] in _words().between:
        # "in south #Riyadh", "in the northern Baghdad district"
        j = i - 2 if s.toks[i - 2] in ("a", "an", "the") else i - 1
        if _marked(s, j):
            return True
    if i <= 0:
        return False
    before = s.toks[i - 1]
    if before in LOCATIVE or before in _words().where_before:
        return True
    if before == "a" and s.starts and s.original[s.starts[i - 1]:s.starts[i - 1] + 1] in ("à", "À"):
        return True  # French «à Bagdad» (normalised "a", the English article)
    if before in _words().of_fr and i >= 2 and (s.toks[i - 2] in LOCATIVE or s.toks[i - 2] in _words().area_of
                                                 or _words().attacks.intersection(s.toks[max(i - 3, 0):i - 1])):
        return True  # «près de Damas», «au sud de Bagdad», «l'attentat (suicide) de Bagdad» (not «le gouvernement de Bagdad»)
    if before in _words().aimed and i >= 2:
        # "an attack on Israel", "an attack by the Houthis on Saudi Arabia" (not "blamed it on Israel")
        attack = next((k for k in range(i - 2, max(i - 8, -1), -1) if s.toks[k] in _words().attacks), None)
        return attack is not None and not any(t in _words().blame for t in s.toks[:attack])  # "an attack on Israel", "strikes against Syria" (not "blamed it on Israel")
    if before != "of" or i < 2:
        return False
    if s.toks[i - 2] in _words().area_of:
        return True
    # "toward the State of Israel" (not "The State of Israel rejects ...")
    if i < 3 or s.toks[i - 2] != "state":
        return False
    j = i - 4 if s.toks[i - 3] == "the" else i - 3
    return j >= 0 and (s.toks[j] in LOCATIVE or s.toks[j] in _words().where_before or s.toks[j] in _words().aimed)


def _written_at(s: Sentence, m: Mention) -> tuple[str, int]:
    """A mention as written and where it is in the sentence (-1 if not found): of the name's
    occurrences, the one nearest the mention's token ("to Gaza ... the Israel-Gaza war")."""
    span = (m.start, m.end)
    cached = s.written.located.get(span)
    if cached is not None:
        return cached
    written = s.written.get(span, m.alias)
    about = _char(s, m.start, len(s.original)) if s.starts else 0
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
    return m.start > 0 and bool(_words().destination.search(" ".join(s.toks[max(m.start - 4, 0):m.start])))


def _describes(gz: Gazetteer, s: Sentence, m: Mention) -> bool:
    """"a Norway-flagged tanker", "Iran-linked sites", "a ship bound for Mumbai": the place
    describes a thing, it is not where; nor is a GeoNames town that is a person's name owning an army ("#Assad's army")."""
    if _destination(s, m):
        return True
    written, at = _written_at(s, m)
    if at < 0:
        return False
    if _words().modifiers.match(s.original, at + len(written)) or s.original.startswith("|", at + len(written)):
        return True  # "#Russia|n generals": a tweet's way of writing the adjective
    entry = gz.places.get(m.id)
    return entry is not None and entry.precision == "generated" and bool(
        _words().owned.match(s.original, at + len(written)))


def _weak(s: Sentence, m: Mention, cue: int | None = None) -> bool:
    """A place that says little of where, left out when the sentence names another: "Ansar
    al-Sharia in Libya claims ..." (after the name of the party speaking, just before the
    ``cue``, and "in": which branch of the party speaks), "since the start of the Gaza war" (the name of a war, a truce, talks), "a press
    conference in Baghdad" (where the speaker spoke)."""
    if cue is not None and m.start >= 2 and m.end <= cue <= m.end + 2 and s.toks[m.start - 1] in ("in", "of", "في") and any(
            o.kind == "actor" and o.end == m.start - 1 for o in s.mentions):
        return True  # the party that speaks, just before its words (not "a convoy of US forces in X")
    if _spoken_at(s, m) or _province_of(s, m.start) or (m.end < len(s.toks) and s.toks[m.end] in _words().speaks):
        # where the speaker spoke; "#WilayatRaqqah", a group's province; "Shuhada Yarmouk", a brigade's
        # name; "Tel Aviv says it hit ...", a city that speaks for its government
        return True
    written, at = _written_at(s, m)
    return at >= 0 and bool(_words().named.match(s.original, at + len(written)))


def _province_of(s: Sentence, i: int) -> bool:
    """Token ``i`` names a jihadist group's province ("Wilayat Sinai", "#WilayatArRaqqah") or is a
    word of a brigade's name ("Liwa Shuhada al-Yarmouk", "Liwa al-Quds")."""
    if i >= 2 and s.toks[i - 1] in _PARTICLES:
        i -= 1
    return i > 0 and (s.toks[i - 1] in _PROVINCE_OF or s.toks[i - 1] in _words().group_words)


def _common_word(s: Sentence, m: Mention) -> bool:
    """«صور» (pictures) for Tyre: a place's Arabic name that is also a common word counts only after
    a word that says a place follows («في صور», «مدينة صور»)."""
    return m.alias in _words().common_words and not _marked(s, m.start)


def _not_where(s: Sentence, m: Mention) -> bool:
    """"the war in Gaza", "in solidarity with Gaza", "born in Kuwait", "visited the Nevatim
    base": a place the words before it name for another reason than an attack there; "Liwa",
    "Shuhada": a GeoNames town that is a word of a brigade's name."""
    if s.toks[m.start] in _words().group_words:
        return True
    return m.start > 0 and bool(_words().not_where.search(" ".join(s.toks[max(m.start - 4, 0):m.start])))


def _spoken_at(s: Sentence, m: Mention) -> bool:
    """"told a press conference in Baghdad", «في مؤتمر صحفي في بغداد»: where the speaker spoke (not
    "targeted a generals' meeting in Latakia": the meeting was attacked there)."""
    if m.start < 2 or s.toks[m.start - 1] not in _words().speech_at:
        return False
    said = _words().speech.search(" ".join(s.toks[max(m.start - 5, 0):m.start - 1]))
    if said is None:
        return False
    words = s.norm[:s.starts[m.start - 1]].split()[-8:] if s.starts else []
    return not any(w in _words().where_before or w in _words().attacks or w in _words().aimed for w in words)


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
    if follows and follows.group(1) not in _NOT_PLACE and m.end < len(s.toks) and not any(
            o.start == m.end for o in s.mentions) and not _title_case(s.original):
        return True  # "the terrorist Hatem Alramery": a first name, not the town
    i = m.start - 1
    if i >= 1 and s.cased[i].lower() in _PARTICLES:
        i -= 1
    if i < 0:
        return False
    prev = s.cased[i]
    if not prev[:1].isupper() or prev in _NOT_PLACE or prev.lower() in LOCATIVE or any(
            o.start <= i < o.end for o in s.mentions if o is not m):
        return False
    # the words touch as written: "Amaq Agency: Palmyra ..." and "#Syria #Palmyra" are two names
    return at > 0 and bool(re.search(re.escape(prev) + r"(?:\s+[a-zA-Z]{1,4})?\s+$", s.original[:at]))


def _response_span(cue: Cue, cut: int | None, n: int) -> tuple[int, int] | None:
    """The tokens of "in response to ..." (the attack answered, not this one): from the words to
    the end of the sentence, or to the cue when the clause opens the sentence."""
    if cut is None:
        return None
    return (cut, cue.start) if cut < cue.start else (cut, n)


def places_of(gz: Gazetteer, s: Sentence, cue: Cue, message_places: list[PlaceRef], cut: int | None,
              many: bool, origins: list[PlaceRef] | None = None, not_places: frozenset[tuple[int, int]] = frozenset(),
              borders: list[str] | None = None) -> list[tuple[PlaceRef | None, str | None]]:
    """The places of one statement: (the gazetteer place, which links incidents; a finer place
    the text names that the gazetteer does not know, or a known town's own spelling). ``cut`` is
    the token where "in response to ..." starts: the places of that clause belong to the attack
    answered, not to this one. ``many``: one claim naming several bases is one statement per base.
    ``origins``: the message's places fire came from, where "the sources of the fire" are.
    ``not_places``: spans read as places that the statement takes as a party (a French blame's «aux
    États-Unis»). ``borders``: the borders the message names, for a sentence that speaks of "the
    border" without naming it."""
    # a state's name that is also the sentence's party ("Iran rejected ...", «أعلنت الولايات المتحدة»)
    # is the state speaking, not where: it is a place only after a word of place ("in Iran", «في العراق»)
    parties = {(m.start, m.end) for m in s.mentions if m.kind == "actor"}
    speaking = {m.id for m in s.mentions if m.kind == "place" and (m.start, m.end) in parties
                and not _marked(s, m.start, m.end)}
    span = _response_span(cue, cut, len(s.toks))
    titled = _title_case(s.original)
    # «Bagdad a attribué la frappe ... à Bagdad»: in French the capital that speaks may be named again
    # after «à» as the place (the scan reads it there as a place alone)
    again = {m.id for m in s.mentions if m.kind == "place" and m.id in speaking and (m.start, m.end) not in parties
             and m.start and s.toks[m.start - 1] == "a" and (m.start, m.end) not in not_places}
    kept = [m for m in s.mentions if m.kind == "place" and not (span and span[0] <= m.start < span[1])
            and (m.id not in speaking or (m.id in again and (m.start, m.end) not in parties) or _marked(s, m.start, m.end))
            and (m.start, m.end) not in not_places and not _describes(gz, s, m) and not _spoken_at(s, m)
            and not _in_handle(s, m) and not _not_where(s, m) and not _common_word(s, m)]
    # "drones launched from Yemen toward Eilat": where the fire came from is not where it struck,
    # unless the strike is on "the sources of the fire"
    origin = None if _words().origin.search(s.norm) else _words().origin_before
    weak = {id(m) for m in kept if _inside_name(gz, s, m, titled) or _weak(s, m, cue.start) or (
        origin is not None and m.start > 0 and s.toks[m.start - 1] in origin)}
    near = _cue_offset(s, cue)
    if any(id(m) not in weak for m in kept):
        # "Ansar al-Sharia in Libya shot down a jet over Derna", "a Liberia-flagged ship off Yemen"
        kept = [m for m in kept if id(m) not in weak]
    elif kept:
        # "#WilayatRaqqah: a raid in #Ain_Issa": only weak known places, and a name the sentence
        # marks as a place that the gazetteer does not know: that name is shown (the known one links)
        marked = [c for c in _candidates(s, span, gz) if c[2] or _after_locative(s.original, c[0])]
        written = _nearest(marked, near) if marked else None
        shown = {normalize(s.written.get((m.start, m.end), m.alias)) for m in kept}
        if written is not None and normalize(written) not in shown:
            return [(gz.places[kept[0].id].ref(s.written.get((kept[0].start, kept[0].end), kept[0].alias)), written)]
    found = [(m.start, gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))) for m in kept]
    if not found:
        # the gazetteer knows no place of this sentence: a name the sentence marks as a place
        # ("in the area of Kfarkela") before the message's place (the headline's country);
        # the message's place still links incidents
        written = written_place(s, span, gz, near)
        blamed = {m.id for m in s.mentions if m.kind == "place" and (m.start, m.end) in not_places}
        first = [p for p in message_places if p.id not in speaking and p.id not in blamed][:1]
        if origins and _words().origin.search(s.norm):
            first = origins[:1]
        taken = gz.most_specific(first, message_places) if first else None
        if written is None and borders and _BORDER_WORD.search(s.norm):
            # "clashes across the border" in a message about "the boundary with Lebanon"
            written = borders[0]
        if (written is None or _words().adjective_places.fullmatch(normalize(written))) and (
                taken is None or written is not None):
            # "in a Crimean port": the country, not the words as written
            taken, written = _adjective_country(gz, s, span) or taken, None
        return [(taken, written or (_shown(taken) if taken else None))]

    def nearest(refs: list[tuple[int, PlaceRef]]) -> PlaceRef:
        # among places as precise as each other, the one nearest the attack's words (one after
        # them before one before them): "struck a compound in X ... earlier, fire from Y"
        return min(refs, key=lambda r: (r[0] - cue.start if r[0] >= cue.start else 2 * (cue.start - r[0]), r[0]))[1]

    sites = list({p.id: (at, p) for at, p in reversed(found) if p.kind in ("base", "town", "crossing")}.values())
    sites.sort(key=lambda r: r[0])
    bases = [r for r in sites if r[1].kind == "base"]
    if len(sites) > 1 and many:
        return [(p, _shown(p)) for _, p in (bases if len(bases) > 1 else sites)]
    if bases or sites:
        site = nearest(bases or sites)
        at = next(a for a, p in found if p.id == site.id)
        return [(site, _nearer(s, site, at, span, gz, near) or _shown(site))]
    # the most precise of them, or a finer place the message names elsewhere inside it
    level = min(_SPECIFIC.get(p.kind, 5) for _, p in found)
    best = nearest([r for r in found if _SPECIFIC.get(r[1].kind, 5) == level])
    if best.kind not in ("town", "village", "city", "base", "site", "crossing"):
        # "attacked 19 positions in Israel ... on Israel's northern border": a finer place this
        # sentence names goes before one another sentence names inside the area (another attack's)
        own = _finer(s, best, span, gz) or _marked_inside(s, best, span, gz, near)
        if own is not None and own.isascii():
            return [(best, own)]  # (an Arabic name as written: the gazetteer's own place first)
    wide = gz.most_specific([best], message_places) or best
    if wide.kind in ("town", "village", "city", "base", "site", "crossing"):
        return [(wide, _finer(s, wide, span, gz) or _shown(wide))]
    return [(wide, _finer(s, wide, span, gz) or _marked_inside(s, wide, span, gz, near) or _shown(wide))]


def _cue_offset(s: Sentence, cue: Cue) -> int | None:
    """Where the cue's words are in the sentence as written."""
    return _char(s, cue.start, len(s.original)) if s.starts else None


def _char(s: Sentence, token: int, length: int) -> int:
    """About where token ``token`` starts in the sentence as written (offsets in ``norm`` and in
    the original differ a little); the end for a token past the last."""
    if token >= len(s.starts):
        return length
    return int(length * s.starts[token] / max(len(s.norm), 1))


def _shown(p: PlaceRef) -> str | None:
    """A known town or site as a Latin text spells it ("Beit Hanoun" for Bayt Hanun, "Juhor ad-Dik"),
    when that differs from the gazetteer's name; None otherwise. An Arabic or Persian spelling is
    not shown: the gazetteer's English name reads better to analysts than a bare «القاهرة»."""
    if p.kind not in _POINTS or not p.as_written:
        return None
    written = display_name(p.as_written).lstrip("#")
    if re.search(r"[\u0600-\u06ff]", written) or written.islower():
        return None  # another script, or the spelling was not found: only the gazetteer's key is left
    if normalize(written) == normalize(p.name):
        return None
    return written


def _finer(s: Sentence, wide: PlaceRef, span: tuple[int, int] | None, gz: Gazetteer) -> str | None:
    """"in the Al-Zahra area of #Homs", "in Kfar Kila, southern Lebanon": a name the gazetteer
    does not know, written just before the city or country it does know, is the finer place."""
    name = written_place(s, span, gz)
    shown = wide.as_written or wide.name
    if name is None or normalize(name) == normalize(shown):
        return None
    at, there = s.original.find(name), s.original.find(shown)
    if at < 0 or there < 0 or not 0 < there - (at + len(name)) <= 40:
        return None
    between = s.original[at + len(name):there].lower()
    return name if re.search(r"\b(?:of|in|near|outside|area|district|countryside|province|outskirts)\b|,", between) else None


def _marked_inside(s: Sentence, wide: PlaceRef, span: tuple[int, int] | None, gz: Gazetteer,
                   near: int | None) -> str | None:
    """"struck a compound in the area of Ayta ash Shab ... in southern Lebanon": a name the
    sentence marks as a place by a word that says so ("the area of", "the village of", "near",
    «بلدة»), when the gazetteer knows only the country or province around it."""
    found = [c for c in _candidates(s, span, gz) if c[2]]
    if not found:
        return None
    shown = normalize(wide.as_written or wide.name)
    found = [c for c in found if normalize(c[1]) != shown]
    return _nearest(found, near) if found else None


def _distance(at: int, near: int) -> int:
    """How far a place is from the attack's words: one after them is nearer than one before."""
    return at - near if at >= near else 2 * (near - at)


def _nearer(s: Sentence, site: PlaceRef, token: int, span: tuple[int, int] | None, gz: Gazetteer,
            near: int | None) -> str | None:
    """"struck the Ramim barracks ... and targeted sites in the Kfar Shuba hills": a site the
    gazetteer does not know, marked as a place by a word that says so, nearer the attack's words
    than the known one, is the place shown (the known one still links incidents)."""
    if near is None:
        return None
    here = _distance(_char(s, token, len(s.original)), near)
    known = normalize(site.as_written or site.name)
    closer = [c for c in _candidates(s, span, gz) if c[2] and c[1].isascii() and _distance(c[0], near) < here
              and known not in normalize(c[1]) and normalize(c[1]) not in known]
    return _nearest(closer, near) if closer else None


# words of area that end a name as written but are no name alone ("the Hamad Area" is Hamad)
_AREA_WORDS = frozenset("Mount Lake River Camp Valley Hill Hills Mountain Mountains Village Town City District Province "
                        "Governorate Area Region Outskirts Countryside Neighborhood Neighbourhood Suburb".split())

# a word glued to the next sentence's first word ("LebanonA", "AreaMaglan")
_GLUED = re.compile(r"^([A-Za-z][a-z]+)[A-Z].*$")

_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish)|Iraqi|Israeli|Saudi|Yemeni|Qatari|Omani|Kuwaiti|Emirati|Pakistani|"
                      r"Afghani?|Bahraini|Somali|Houthi|Azeri|Kurdish|American|African|Yemen's|Syria's|Iraq's|Lebanon's)$")


# "#Huwaysis", "#Tahtuh", "#DeirEzZour": in a tweet a place is often only a hashtag
_HASHTAG = re.compile(r"#([A-Z][a-z]+(?:[A-Z][a-z]+){0,2})(?![\w])")
_TAG_AFTER_LOCATIVE = re.compile(r"(?<![\w#])(?:in|near|outside|around)\s+#([a-z][a-z]+(?:_[a-z]+){0,3})(?![\w])")
# "Wilayat Sinai", "#WilayatHalab": a jihadist group's province, which names its branch, not where
# (not the Arabic «ولاية», which is any state's: «ولاية تكساس»)
_PROVINCE_OF = frozenset({"wilayat", "wilaya", "wilayah"})
# a word of event glued to a hashtag's place: "#AnkaraBombing", "#BrusselsAttacks"
_CAMEL_EVENT = re.compile(r"(?<=[a-z])(?:Bombings?|Attacks?|Blasts?|Massacre|Explosions?|Shooting|Raids?|Strikes?)$")
_NOT_TAGS = frozenset("breaking breakingnews amaq amaqagency aamaq isis islamicstate is isil daesh urgent update news "
                      "latest video photo photos terrormonitor alert syria iraq".split())


@lru_cache(maxsize=4096)
def _title_case(text: str) -> bool:
    """A headline in Title Case capitalises every word: capitals say nothing of names there."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _site_pattern() -> re.Pattern[str]:
    return _site_re(_words().site_nouns)


@lru_cache(maxsize=1)
def _site_re(nouns: str) -> re.Pattern[str]:
    # "the Ramim barracks", "Karmardi village": capitalised words just before a site's noun
    return re.compile(r"(?<![\w#'’])(?P<name>(?:[A-Z][A-Za-z\-]+\s+){1,3}?(?:" + nouns + r"))\b")


def _candidates(s: Sentence, span: tuple[int, int] | None, gz: Gazetteer | None) -> list[tuple[int, str, bool]]:
    """Names the sentence marks as places, with where they start and whether a word says so
    ("the village of", "near", «بلدة», "... barracks") rather than a bare "in", "at", "on"."""
    text = s.original
    titled = _title_case(text)
    lo = hi = -1
    if span is not None and s.starts:
        # not the words of "in response to ..." (token offsets of norm and original differ a little)
        lo, hi = (_char(s, t, len(text)) for t in span)
    # "The Islamic Resistance in Iraq": a name inside an actor's name is not a place
    in_actors = [" ".join(s.toks[m.start:m.end]) for m in s.mentions if m.kind == "actor"]
    # "Ansar al-Sharia in #Libya": the branch of a party, not where (see _qualifies)
    branches = [s.written.get((m.start, m.end), m.alias) for m in s.mentions if m.kind == "actor"]
    out: list[tuple[int, str, bool]] = []
    for pattern in (_BORDER, _LATIN_PLACE, _OF_PLACE, _ARABIC_PLACE, _PERSIAN_PLACE, _site_pattern()):
        for m in pattern.finditer(text):
            if lo <= m.start() < hi or _words().speech.search(normalize(text[max(m.start() - 40, 0):m.start()]).strip()):
                continue  # in "in response to ...", or where a speaker spoke ("a news conference in Baghdad")
            if pattern in (_LATIN_PLACE, _OF_PLACE) and any(text[:m.start()].rstrip().endswith(b) for b in branches if b):
                continue
            before = normalize(text[max(m.start("name") - 40, 0):m.start("name")]).strip()
            if _words().destination.search(before) or _words().not_where.search(before):
                continue  # "a tanker bound for Eilat": where it was going; "the war in Gaza"
            if pattern is _BORDER:
                out.append((m.start("name"), display_name(m.group("name")), True))
                continue
            raw = m.group("name")
            written = normalize(raw)
            if in_actors and any(normalize(m.group(0)) in a or a in written or written in a for a in in_actors):
                continue
            if titled and "#" not in raw:
                continue
            name = display_name(raw.replace("#", "").replace("_", " "))
            if _words().modifiers.search(name):
                continue  # "an attack on India-bound ships": a ship's destination, not where
            words = name.split()
            glued = next((k for k, w in enumerate(words) if _GLUED.match(w) and "#" not in raw), None)
            if glued is not None:
                # "the Hamad AreaMaglan soldiers": a post that lost the break after its title
                words = [*words[:glued], _GLUED.sub(r"\1", words[glued])]
            if pattern is _ARABIC_PLACE or pattern is _PERSIAN_PLACE:
                generic = _words().arabic_generic
                while words and words[0] in generic:
                    words = words[1:]  # «في العاصمة المنامة» is Manama
                if len(words) == 2 and (words[1] in generic or (words[0] not in _words().arabic_heads and (
                        not words[1].startswith("ال")))):
                    words = words[:1]  # «مدينة الرمادي غرب»: the second word is not the name's
            if any(w.lower() in _words().not_names for w in words):
                continue  # "apostate #Rafidi army", "an #Inghimasi op": a party's epithet, not a place
            cut = next((k for k in range(1, len(words) - 1) if words[k] in _AREA_WORDS and words[k + 1] == "of"), None)
            if cut is not None:
                words = words[:cut]  # "as-Sayyidah Zainab Region of Damascus" is as-Sayyidah Zainab
            while words and (words[-1] in _NOT_PLACE or words[-1] in _AREA_WORDS):
                words.pop()  # "the Hamad Area", "Karmardi Village", "Mount" alone
            if words and words[-1] in _words().not_heads:
                continue  # "in the Aerial Control Unit", "at the Home Front Command": a body, not a place
            if not words or words[-1] in _NOT_PLACE or all(w in _NOT_PLACE for w in words):
                continue
            if pattern not in (_LATIN_PLACE, _OF_PLACE, _ARABIC_PLACE, _PERSIAN_PLACE) and words[0].endswith("ing"):
                continue  # "Targeting barracks", "Shelling positions": a verb, not a name
            if pattern not in (_LATIN_PLACE, _OF_PLACE, _ARABIC_PLACE, _PERSIAN_PLACE) and any(
                    w in _NOT_PLACE or _DEMONYM.match(w) for w in words[:-1]):
                continue  # "the US base", "an Israeli army position": whose, not where
            name = " ".join(words)
            if len(name) < 3 or (_DEMONYM.match(words[0].split("-")[0]) and (len(words) == 1 or "-" in words[0])):
                continue
            if gz is not None and gz.resolve_actor(name) is not None:
                continue  # "in Hezbollah", "near ISIS": a party, not a place
            strong = pattern is not _LATIN_PLACE or bool(m.group("strong") or m.group("near"))
            out.append((m.start("name"), name, strong))
    for m in _TAG_AFTER_LOCATIVE.finditer(text):
        # "near #karm_alkawadeea": after a word of place a hashtag is a name, however it is written
        name = m.group(1).replace("_", " ")
        if lo <= m.start() < hi or name[:1].isupper() or name.lower() in _words().not_names or (
                gz is not None and gz.resolve_actor(name) is not None):
            continue  # capitalised ones are read by the patterns above
        out.append((m.start(1) - 1, name, True))
    for m in _HASHTAG.finditer(text):
        name = _CAMEL_EVENT.sub("", m.group(1))  # "#AnkaraBombing" names Ankara
        if name.lower() in _words().not_names or name.startswith(("Wilay", "Breaking")) or name.endswith("Agency") \
                or name == "Assad":
            continue
        if _words().owned.match(text, m.end()) or any(text[:m.start()].rstrip().endswith(f"{b} in") for b in branches if b):
            continue  # "#Assad's army", "Ansar al-Sharia in #Libya"
        if lo <= m.start() < hi or name in _NOT_PLACE or _DEMONYM.match(name) or name.lower() in _NOT_TAGS or (
                gz is not None and gz.resolve_actor(name) is not None):
            continue
        out.append((m.start(), name, False))
    return out


def _after_locative(text: str, at: int) -> bool:
    """The name at ``at`` follows "in", "at", "near" ... ("in #Huwaysis region"), not a bare hashtag."""
    before = [w for w in text[max(at - 16, 0):at].lower().split() if w not in ("the", "a")]
    return bool(before) and before[-1] in LOCATIVE


def _nearest(found: list[tuple[int, str, bool]], near: int | None) -> str:
    """The name nearest the attack's words, one after them before one before them."""
    if near is None:
        return min(found)[1]
    return min(found, key=lambda c: _distance(c[0], near))[1]


def written_place(s: Sentence, span: tuple[int, int] | None = None, gz: Gazetteer | None = None,
                  near: int | None = None) -> str | None:
    """A place the gazetteer does not know, as the sentence writes it: the first one, or the one
    nearest the character offset ``near`` (the attack's words); none in the tokens ``span``."""
    found = _candidates(s, span, gz)
    if not found:
        return None
    if near is None:
        # the patterns' order first (a name after a word of place before a bare hashtag)
        return found[0][1]
    # a name after "in", "near", "the village of" before a bare hashtag or capitalised word ("#Killed")
    marked = [c for c in found if c[2] or _after_locative(s.original, c[0])]
    return _nearest(marked or found, near)


def _adjective_country(gz: Gazetteer, s: Sentence, span: tuple[int, int] | None) -> PlaceRef | None:
    """"rockets fired toward Israeli territory", "a Crimean port": the country an adjective names
    before a word of place (not "an Israeli strike", the strike's party)."""
    for m in _words().adjective_places.finditer(s.norm):
        at = s.token_at(m.start())
        pid = _words().adjective_country.get(m.group(1))
        if pid in gz.places and not (span and span[0] <= at < span[1]):
            return gz.places[pid].ref(m.group(1))
    return None


_BORDER_WORD = re.compile(r"(?<!\w)(?:border|boundary|frontier)(?!\w)")


def message_borders(sentences: list[Sentence]) -> list[str]:
    """The borders a message names, as written ("along the Lebanon border", "the boundary with
    Lebanon"), first named first."""
    return [display_name(m.group("name")) for s in sentences if _BORDER_WORD.search(s.norm)
            for m in _BORDER.finditer(s.original)]


def answered_at(s: Sentence, token: int) -> bool:
    """Token ``token`` is in the words of an attack another one answered: "the strikes followed a
    drone attack on Erbil air base", "in retaliation for rocket fire on ..." (from those words on)."""
    at = _answered(s.norm)
    return at is not None and token >= s.token_at(at)


@lru_cache(maxsize=4096)
def _answered(norm: str) -> int | None:
    """Where the words of an attack another one answered start in ``norm`` (asked once per place
    named in a sentence: searched once)."""
    response = _words().answered.search(norm)
    after = struck_after(norm)
    found = [at for at in (response.start() if response is not None else None, after) if at is not None]
    return min(found) if found else None


# "Israel strikes Syria after drone attack on Eilat": after a strike, "after" and an attack name the
# attack answered (not a bare "after": "IS claimed it a day after the bombing in Kabul" is the same one)
_STRUCK_AFTER = re.compile(r"(?<!\w)(?:strikes|strike|struck|hits|hit|bombs|bombed|pounds|pounded|shells|shelled|"
                           r"retaliates|retaliated|responds|responded)\s+(?:\S+\s+){0,4}?(?P<after>after)\s+"
                           r"(?:\S+\s+){0,4}?(?:attack|attacks|strike|strikes|raid|rocket|rockets|drone|missile|shelling|"
                           r"bombing|fire)(?!\w)")


def struck_after(norm: str) -> int | None:
    """Where "after ..." starts in "X struck Y after an attack on Z", or None."""
    m = _STRUCK_AFTER.search(norm)
    return m.start("after") if m is not None else None


def event_places(gz: Gazetteer, sentences: list[Sentence]) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """The message's places, each once, in the order a statement whose own sentence names none
    should take them: those a word marks as where ("in Iraq", "near the Red Sea", "the city of
    Damascus") before the others ("the Gaza war"). None from an "in response to ...", "the strikes
    followed an attack on ..." clause (the attack answered), a hyphen compound ("Iran-linked") or a longer name ("the Maersk Hangzhou").
    Second, the places fire came from ("launches from Lebanon"), for "struck the sources of the fire"."""
    tiers: tuple[dict[str, PlaceRef], ...] = ({}, {}, {})  # marked, bare, weak
    origins: dict[str, PlaceRef] = {}
    for s in sentences:
        titled = _title_case(s.original)
        for m in s.mentions:
            if m.kind != "place" or answered_at(s, m.start) or _destination(s, m) or _in_handle(s, m) or _not_where(s, m) \
                    or _common_word(s, m):
                continue
            ref = gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))
            weak = _describes(gz, s, m) or _inside_name(gz, s, m, titled) or _weak(s, m)
            tiers[2 if weak else 0 if _marked(s, m.start, m.end) else 1].setdefault(m.id, ref)
            if not weak and m.start and s.toks[m.start - 1] in _words().origin_before:
                origins.setdefault(m.id, ref)
    ordered: dict[str, PlaceRef] = {}
    for tier in tiers:
        for pid, ref in tier.items():
            ordered.setdefault(pid, ref)
    # within a tier, a site or town before an area: "Tower 22: ... the attack was in Syria"
    tier_of = {pid: k for k in (2, 1, 0) for pid in tiers[k]}
    rank = {pid: k for k, pid in enumerate(ordered)}
    return sorted(ordered.values(), key=lambda p: (tier_of[p.id], _SPECIFIC.get(p.kind, 5) > 1, rank[p.id])), list(
        origins.values())
