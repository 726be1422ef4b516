"""The words and patterns that say where, read once from ``data/placewords.toml``: shared by the
place of a statement (``places``) and the names the gazetteer does not know (``written``). Pure: no I/O
beyond the package's own data file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from classifiers.normalize import normalize, tokens


@dataclass(frozen=True, slots=True)
class PlaceWords:
    where_before: frozenset[str]
    modifiers: re.Pattern[str]
    owned: re.Pattern[str]
    site_nouns: str
    arabic_heads: frozenset[str]
    not_heads: frozenset[str]
    arabic_generic: frozenset[str]
    arabic_kind: frozenset[str]
    aimed: frozenset[str]
    speech: re.Pattern[str]
    speech_with: re.Pattern[str]
    speech_at: frozenset[str]
    answered: re.Pattern[str]
    past_deeds: re.Pattern[str]
    area_of: frozenset[str]
    named: re.Pattern[str]
    origin: re.Pattern[str]
    origin_before: frozenset[str]
    fired_toward: frozenset[str]
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
    speaks_before: frozenset[str]
    seats: frozenset[str]
    seat_moods: frozenset[str]
    capitals: frozenset[str]
    government_voice: frozenset[str]
    group_words: frozenset[str]
    adjective_places: re.Pattern[str]
    contrast: frozenset[str]
    clause_speaks: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
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
    past_deeds = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["past_deeds"]) + r")(?!\w)")
    speech = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["speech_nouns"]) + r")$")
    # "a press conference with Netanyahu in Tel Aviv", "a speech to his followers on Friday in Beirut"
    speech_with = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["speech_nouns"])
                             + r")(?: (?:with|alongside|to|before)(?: \S+){1,4}?)?(?: on \S+)?$|(?<!\w)(?:"
                             + "|".join(re.escape(normalize(w)) for w in raw["speech_verbs"]) + r")(?: (?:"
                             + "|".join(re.escape(normalize(w)) for w in raw["speech_subjects"]) + r")(?: \S+){0,2})?$")
    return PlaceWords(
        where_before=norm("where_before"), modifiers=modifiers, owned=owned, site_nouns=nouns,
        arabic_heads=frozenset(raw["arabic_name_heads"]), not_heads=frozenset(raw["not_place_heads"]),
        arabic_generic=frozenset(raw["arabic_generic"]), arabic_kind=frozenset(raw["arabic_kind"]), aimed=norm("aimed"),
        speech=speech, speech_with=speech_with, speech_at=norm("speech_at"),
        answered=answered, past_deeds=past_deeds, area_of=norm("area_of"), named=named, origin=origin, origin_before=norm("origin_before"), fired_toward=norm("fired_toward"),
        blame=norm("blame"), attacks=norm("attacks"), of_fr=norm("of_fr"),
        destination=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["destination"]) + r")$"),
        after_place=norm("after_place"), between=norm("between"), kind_of_attack=norm("kind_of_attack"),
        not_where=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(w)) for w in raw["not_where"]) + r")$"),
        not_names=frozenset(w.lower() for w in raw["not_names"]), common_words=norm("common_words"),
        adjective_country={normalize(k): v for k, v in raw["adjective_country"].items()}, speaks=norm("speaks"),
        speaks_before=norm("speaks_before"), seats=frozenset(raw["seats"]),
        seat_moods=frozenset(raw["seat_moods"]), capitals=frozenset(raw["capitals"]),
        government_voice=norm("government_voice"),
        group_words=norm("group_words"), contrast=norm("contrast"),
        clause_speaks=norm("speaks") | norm("speaks_before") | norm("clause_speaks"),
        adjective_places=re.compile(r"(?<!\w)(" + "|".join(map(re.escape, raw["adjective_country"])) + r")\s+(?:"
                                    + "|".join(re.escape(normalize(w)) for w in raw["adjective_places"]) + r")(?!\w)"))


# how precise a place of each kind is (the gazetteer's own order: a base before its town ... a country)
SPECIFIC = {"base": 0, "site": 0, "crossing": 0, "town": 1, "village": 1, "city": 2, "district": 3, "province": 3,
             "region": 4, "country": 5, "sea": 5}

# a capitalised name (or a hashtag) after a preposition of place, in the text as written; the
# named group "strong" is a word that says a place follows ("the village of", "in the village Tal
# Hamis", "near", "adjacent to", "30 km from")
_NAME = (r"(?P<name>(?:(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|"
         r"southwest)(?:ern)?\s+)?#?(?:Mt\.?\s+|[Mm]ount\s+|(?:umm?|abu|tal|tel|tall|ain|ayn|deir|kafr|kfar|bir|ras|khan|beit|"
         r"jabal|jebel|wadi)\s+)?(?:al-|el-|Al-|Al |El-|as-|ash-|ad-|an-|ar-|at-|az-|ad-|ed-|es-|ez-)?[A-Z][\w'’`\-]+"
         r"(?:\s+(?:al-|el-|Al-|Al |of |El-|(?:ash|as|ad|an|ar|at|az|ed|es|ez)-|(?:al|el|ash|as|ad|an|ar|at|az|ed|es|ez|ibn|bin|abu|"
         r"umm?)\s+)?#?[A-Z][\w'’`\-]+){0,3})")
# (in any case: a tweet writes "the Edges of al-Bardah", "the Surroundings of #Dumayr")
_AREA_OF = (r"(?i:town|village|city|area|region|district|province|governorate|outskirts|camp|neighbou?rhood|suburb|"
            r"vicinity|countryside|municipality|hamlet|towns|villages|areas|mountains?|hills?|edges|surroundings)\s+(?i:of)\s+")
LATIN_PLACE = re.compile(
    r"(?:(?P<near>(?<![\w#])(?:near|outside|around|adjacent\s+to)|(?<=\d)\s?(?i:km|kilometers|kilometres|miles)\s+"
    r"(?:(?i:north|south|east|west|northeast|northwest|southeast|southwest)\s+)?(?:of|from))"
    r"|(?<![\w#])(?:in|at|inside|on|over|off|into))\s+(?:the\s+)?"
    r"(?P<strong>" + _AREA_OF + r"|(?i:village|town|hamlet)\s+(?=[#A-Z]))?[\"“']?" + _NAME)
# "toward the Israeli city of Eilat", "the town of Qibya": a word of area and "of" say a place follows
OF_PLACE = re.compile(r"(?<![\w#])" + _AREA_OF + r"(?:the\s+)?[\"“']?" + _NAME)
# "along the Lebanon border", "on the border with Lebanon", "the northern border with Lebanon"
BORDER = re.compile(
    r"(?<!\w)(?:along|on|near|across|at|by|over)\s+(?:the\s+)?(?P<name>(?:(?:northern|southern|eastern|western)\s+)?"
    r"(?:border|boundary|frontier)\s+with\s+[A-Z][\w\-]+|[A-Z][\w]+(?:[-\u2013][A-Z][\w]+)?\s+(?:border|frontier)|"
    r"[A-Z][\w]+(?:\s[A-Z][\w]+)?['\u2019]s\s+(?:(?:northern|southern|eastern|western)\s+)?(?:border|frontier))")
# Arabic: a name after a word that says a place follows ("in the town of", "near", "north of"),
# not after a bare «في» (which precedes anything); in a tweet, a hashtag («مدينة #البغدادي», «#الشيخ_زويد»)
ARABIC_PLACE = re.compile(
    r"(?:(?<=\s)|^)(?:في |ب)?(?:(?:بلدة|مدينة|قرية|ريف|محافظة|منطقة|مخيم|حي|قضاء|ناحية|قرب|بالقرب من|شمال|جنوب|شرق|غرب|"
    r"شمالي|جنوبي|شرقي|غربي|قاعدة|مطار|معسكر|ثكنة|مستوطنة|ميناء)\s+){1,2}"
    r"(?P<name>#[\u0621-\u064a]{2,}(?:_[\u0621-\u064a]{2,})*|[\u0621-\u064a]{2,}(?:\s+(?:ال)[\u0621-\u064a]{2,}|\s+[\u0621-\u064a]{3,})?)")
# Persian: a name after «روستای» (the village of), «شهر», «منطقه», «حوالی» (around) ...; one word
# (a zero-width non-joiner keeps «خربت‌الجیر» one word), not a preposition or an adjective after it
PERSIAN_PLACE = re.compile(
    r"(?:(?<=\s)|^)(?:در |به )?(?:روستای|روستا|شهر|شهرستان|استان|منطقه|منطقه\u200cی|حوالی|نزدیکی|اطراف|شهرک|اردوگاه)\s+"
    r"(?P<name>[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]{2,})")
NOT_PLACE = frozenset((
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
