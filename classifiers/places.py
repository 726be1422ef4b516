"""Where a statement's attack happened: the gazetteer places of its sentence (the site before the
country), or, when the gazetteer knows none, the name as written after "in", "near", «في»
("in the village of Kfar Kila", "near #Khanasir"). Pure: no I/O.
"""

from __future__ import annotations

import re

from classifiers.cues import Cue
from classifiers.gazetteer import LOCATIVE, Gazetteer
from classifiers.names import display_name
from classifiers.normalize import normalize
from classifiers.sentences import Sentence
from classifiers.types import PlaceRef

_SPECIFIC = {"base": 0, "site": 0, "town": 1, "village": 1, "crossing": 1, "city": 2, "district": 3, "province": 4,
             "region": 5, "sea": 5, "country": 6}

# a capitalised name (or a hashtag) after a preposition of place, in the text as written
_LATIN_PLACE = re.compile(
    r"(?<![\w#])(?:in|near|at|outside|inside|around|on|over|of|off)\s+(?:the\s+)?"
    r"(?:(?:town|village|city|area|region|district|province|governorate|outskirts|camp|neighbou?rhood|suburb|vicinity|"
    r"countryside)\s+of\s+)?"
    r"(?P<name>(?:(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+)?#?(?:al-|el-|Al-|Al |El-)?[A-Z][\w'’\-]+(?:\s+(?:al-|el-|Al-|Al |of |El-)?#?[A-Z][\w'’\-]+){0,3})")
# Arabic: a name after a word that says a place follows ("in the town of", "near", "north of"),
# not after a bare «في» (which precedes anything)
_ARABIC_PLACE = re.compile(
    r"(?:(?<=\s)|^)(?:في |ب)?(?:بلدة|مدينة|قرية|ريف|محافظة|منطقة|مخيم|حي|قضاء|ناحية|قرب|بالقرب من|شمال|جنوب|شرق|غرب|"
    r"شمالي|جنوبي|شرقي|غربي)\s+(?P<name>[\u0621-\u064a]{3,}(?:\s+(?:ال)[\u0621-\u064a]{2,})?)")
_NOT_PLACE = frozenset((
    "the January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January Breaking Response Retaliation Coordination Addition "
    "Statement Photos Photo Video Videos Report Reports Amaq IDF IS ISIS US UN The This That These Those A An "
    "His Her Their Its Our We It They He She I Total Order Light Support Cooperation Accordance Particular Recent "
    "Addition Following Defense Defence Hamas Hezbollah Israel Israeli Islamic State Daesh ISIL Taliban "
    "Clashes Clash Fears Fear Attack Attacks Strike Strikes Raid Raids War Battle Battles Operation Operations Response "
    "Retaliation Breaking News Update Live Latest Pictures Watch Read Full Article More Details Security Forces Army "
    "Military Police Government President Minister Ministry Spokesman Prime Officials Official Sources Media Twitter "
    "Telegram Christmas Day Eve Week Weekend Morning Evening Night Afternoon Today Yesterday Tomorrow RT "
    "عدد عدة اطار ظل اعقاب سياق حين وقت اليوم امس الوقت هذا هذه ذلك تلك بيان الساعات الايام اثناء خلال ما"
).split())


def places_of(gz: Gazetteer, s: Sentence, cue: Cue, message_places: list[PlaceRef], cut: int | None,
              many: bool) -> list[tuple[PlaceRef | None, str | None]]:
    """The places of one statement: (the gazetteer place, which links incidents; a finer place
    the text names that the gazetteer does not know). ``cut`` is the token where "in response to
    ..." starts: the places after it belong to the attack answered, not to this one. ``many``: one
    claim naming several bases is one statement per base."""
    # a state's name that is also the sentence's party ("Iran rejected ...", «أعلنت الولايات المتحدة»)
    # is the state speaking, not where: it is a place only after a word of place ("in Iran", «في العراق»)
    parties = {(m.start, m.end) for m in s.mentions if m.kind == "actor"}
    speaking = {m.id for m in s.mentions if m.kind == "place" and (m.start, m.end) in parties
                and not (m.start > 0 and s.toks[m.start - 1] in LOCATIVE)}
    found = [gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))
             for m in s.mentions if m.kind == "place" and (cut is None or m.start < cut or m.start < cue.start)
             and m.id not in speaking]
    chosen = found or [p for p in message_places if p.id not in speaking][:1]
    if not chosen:
        # the gazetteer knows no place of this message (one it knows is what links incidents)
        return [(None, written_place(s, cut, gz))]
    sites = list({p.id: p for p in chosen if p.kind in ("base", "town", "crossing")}.values())
    bases = [p for p in sites if p.kind == "base"]
    if len(sites) > 1 and many:
        return [(p, None) for p in (bases if len(bases) > 1 else sites)]
    if bases:
        return [(bases[0], None)]
    if sites:
        return [(sites[0], None)]
    # the most precise of them, or a finer place the message names elsewhere inside it
    wide = gz.most_specific(chosen, message_places) or chosen[0]
    return [(wide, _finer(s, wide, cut, gz) if found else None)]


def _finer(s: Sentence, wide: PlaceRef, cut: int | None, gz: Gazetteer) -> str | None:
    """"in the Al-Zahra area of #Homs", "in Kfar Kila, southern Lebanon": a name the gazetteer
    does not know, written just before the city or country it does know, is the finer place."""
    name = written_place(s, cut, gz)
    shown = wide.as_written or wide.name
    if name is None or normalize(name) == normalize(shown):
        return None
    at, there = s.original.find(name), s.original.find(shown)
    if at < 0 or there < 0 or not 0 < there - (at + len(name)) <= 40:
        return None
    between = s.original[at + len(name):there].lower()
    return name if re.search(r"\b(?:of|in|near|outside|area|district|countryside|province|outskirts)\b|,", between) else None


_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish)|Iraqi|Israeli|Saudi|Yemeni|Qatari|Omani|Kuwaiti|Emirati|Pakistani|"
                      r"Afghani?|Bahraini|Somali|Houthi|Azeri|Kurdish|American|African|Yemen's|Syria's|Iraq's|Lebanon's)$")


# "#Huwaysis", "#Tahtuh": in a tweet a place is often only a hashtag
_HASHTAG = re.compile(r"#([A-Z][a-z]+(?:[A-Z][a-z]+)?)(?![\w])")
_NOT_TAGS = frozenset("breaking breakingnews amaq amaqagency aamaq isis islamicstate is isil daesh urgent update news "
                      "latest video photo photos terrormonitor alert syria iraq".split())


def _title_case(text: str) -> bool:
    """A headline in Title Case capitalises every word: capitals say nothing of names there."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def written_place(s: Sentence, cut: int | None = None, gz: Gazetteer | None = None) -> str | None:
    """A place the gazetteer does not know, as the sentence writes it."""
    text = s.original
    titled = _title_case(text)
    if cut is not None and s.starts:
        # keep the words before "in response to" (token offsets of norm and original differ a little)
        ratio = s.starts[min(cut, len(s.starts) - 1)] / max(len(s.norm), 1)
        text = text[:max(int(len(text) * ratio), 1)]
    # "The Islamic Resistance in Iraq": a name inside an actor's name is not a place
    in_actors = [" ".join(s.toks[m.start:m.end]) for m in s.mentions if m.kind == "actor"]
    for pattern in (_LATIN_PLACE, _ARABIC_PLACE):
        for m in pattern.finditer(text):
            written = normalize(m.group("name"))
            if in_actors and any(normalize(m.group(0)) in a or a in written or written in a for a in in_actors):
                continue
            if titled and "#" not in m.group("name"):
                continue
            name = display_name(m.group("name").replace("#", ""))
            words = name.split()
            while words and words[-1] in _NOT_PLACE:
                words.pop()
            if not words or words[-1] in _NOT_PLACE or all(w in _NOT_PLACE for w in words):
                continue
            name = " ".join(words)
            if len(name) < 3 or (_DEMONYM.match(words[0].split("-")[0]) and (len(words) == 1 or "-" in words[0])):
                continue
            if gz is not None and gz.resolve_actor(name) is not None:
                continue  # "in Hezbollah", "near ISIS": a party, not a place
            return name
    for m in _HASHTAG.finditer(text):
        name = m.group(1)
        if name in _NOT_PLACE or _DEMONYM.match(name) or name.lower() in _NOT_TAGS or (
                gz is not None and gz.resolve_actor(name) is not None):
            continue
        return name
    return None
