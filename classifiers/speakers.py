"""Stage 3: who speaks and who is blamed. Given a cue, the actor mentions around it are read by
where they stand (before, after, inside the cue), by the reporting frame of the sentence ("...,
X said", "according to X", "X: ..."), and by the headline. Pure: no I/O.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date
from itertools import compress, pairwise

from classifiers.cues import Cue
from classifiers.events import comma_before, fa_object, named_as_place, opposed, punctuated
from classifiers.framewords import load_frames, other_speakers, title_words
from classifiers.gazetteer import Gazetteer, Mention
from classifiers.normalize import normalize, tokens
from classifiers.prefilter import word_start
from classifiers.sentences import Sentence
from classifiers.types import ActorRef
from classifiers.unnamed import legislator

WINDOW = 14  # tokens between a cue and its speaker

SAID = re.compile(
    r"(?<!\w)(?:said|says|say|told|tells|stated|states|announced|announces|added|adds|tweeted|wrote|reported|reports|"
    r"confirmed|confirms|claimed|claims|insisted|alleged|alleges|noted|explained|spokesman|spokesperson|spokeswoman|"
    r"statement|quoted|believe|believes|assess|assesses|assessed|"
    r"(?:و|ف)?(?:قال|قالت|يقول|تقول|ذكر|ذكرت|اعلن|اعلنت|افاد|افادت|اكد|اكدت|اضاف|اضافت|اوضح|اوضحت|صرح|صرحت|بيان|"
    r"بيانا|بيانه|بيانها|اصدر|اصدرت)|"
    r"a declare|a affirme|a indique|a precise|a annonce|a ajoute|a assure|a souligne|a confirme|a rapporte|a dit|"
    r"ont declare|ont affirme|ont indique|ont precise|ont annonce|ont ajoute|ont assure|ont dit|"
    r"affirme|affirment|indique|indiquent|annonce|annoncent|estime|estiment|dit|disent|"
    r"گفت|اعلام كرد)(?!\w)"
)
# «قال إن», «أضاف أن»: a party after these is inside the reported clause, not the one who speaks
COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "that", "que", "qu", "كه"})
# the speech verbs a speaker may follow in English ("..., said the ministry"); "says if Hezbollah" is no such
# (French: «..., a indiqué l'armée», «..., précise le communiqué»)
INVERTED = re.compile(r"said|says|told|tells|added|adds|stated|reported|announced|announces|tweeted|wrote|confirmed|confirms|"
                      r"(?:a|ont|avait|avaient) (?:declare|affirme|indique|precise|annonce|ajoute|assure|souligne|confirme|"
                      r"rapporte|dit|explique)(?!\w)|(?:declare|affirme|indique|precise|annonce|ajoute|assure|souligne|"
                      r"confirme|rapporte|explique)(?:nt)?(?!\w)")
_FRENCH_SPEECH = re.compile(r"(?:(?:a|ont|avait|avaient) )?(?:declare|affirme|indique|precise|annonce|ajoute|assure|"
                            r"souligne|confirme|rapporte|dit|explique|estime)(?:nt)?|disent")
# «..., a affirmé le porte-parole (militaire) des Houthis»: the words a French speaker after its verb
# may stand behind (an article, an office, «de»), the party at their end speaks
_OFFICE_LINKS = frozenset({"l", "la", "le", "les", "un", "une", "des", "du", "de", "d", "militaire", "militaires",
                           "officiel", "officielle"})
# the words between an Arabic office and the party it serves: «قائد عسكري في», «المتحدث الرسمي باسم»
AR_OFFICE_LINKS = frozenset({"في", "باسم", "عسكري", "ميداني", "بارز", "كبير", "رفيع", "الرسمي", "رسمي", "العام",
                              # «المتحدث العسكري باسم الحوثيين», «المكتب الإعلامي ل»
                              "العسكري", "الميداني", "الاعلامي", "اعلامي",
                              # the body a spokesman serves named bare before his own name («وقال الناطق باسم
                              # الوزارة إيغور كوناشينكوف إن ...», «المتحدث بلسان الجيش أفيخاي أدرعي»): the man speaks
                              "بلسان", "الوزاره", "الحركه", "التنظيم", "الجماعه"})
# the time or adverb an incise may put between its verb and its subject: «a indiqué jeudi le Pentagone»
_FR_ADVERBS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir",
                         "matin", "aussi", "egalement", "encore", "ensuite", "enfin", "pour", "sa", "part", "plus",
                         "tard", "cependant", "toutefois"})
ACCORDING = re.compile(word_start("according to", "quoted by", "cited by", "selon", "وفق", "بحسب", "حسب", "وفقا ل", "نقلا عن",
                                  "به گزارش", "به نقل از", "به گفته", "بنا بر", "بنابر", end=r"(?!\w)"))
# a report relayed from the one quoted: «ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن ...», "Reuters quoted a US
# official as saying ...", "AFP, citing a security source, said ...": the one quoted speaks, not the agency
_AR_QUOTING = r"(?:و|ف)?(?:نقل|نقلت|ينقل|تنقل|نقلا|ونقلا)(?: \w+){0,5}? عن"
AR_RELAY = re.compile(r"(?<!\w)" + _AR_QUOTING + r"(?!\w)")  # (the Arabic verb of quoting alone)
_RELAYED = re.compile(r"(?<!\w)(?:" + _AR_QUOTING + r"|quoted|quoting|quotes|"
                      r"(?:cited|citing|cites)(?=(?: \w+){1,4}? (?:officials?|sources?|spokesm[ae]n|spokeswoman|"
                      r"spokesperson|ministry|military|army)\b))(?!\w)(?! by\b)")
_SPEAKING = frozenset({"state", "official", "core", "facade", "umbrella", "jihadist", "axis"})
_COUNTRY_OF = _SPEAKING - {"state", "official"} | {"monitor"}  # the parties a country's name may stand before
# «بحسب ناشطين فإن ...»: the clause an "according to" reports opens with these
_AR_THEN = frozenset({"فان", "فانه", "فانها", "فانهم"})
_BACKED = frozenset({"backed", "aligned", "affiliated", "linked", "supported", "sponsored", "allied", "funded", "led", "based"})


def governs(s: Sentence, mention_end: int, verb: int) -> bool:
    """Whether the party ending at ``mention_end`` can be the subject of the speech verb at token
    ``verb``: no other speaker stands between ("... Syria and Iraq, experts say")."""
    others = other_speakers()
    between = s.toks[mention_end:verb]
    if any(t in others for t in between):
        return False
    if between and between[-1] in _PRONOUNS:
        return False  # "attacks two Syrian facilities it says ...": the pronoun is the verb's subject
    if len(between) >= 2 and between[-2] == "the" and between[-1] in _GROUP_HEADS:
        return False  # "fired rockets at Israeli positions, the group said": the group named before speaks
    titles = title_words()
    if len(between) == 2 and between[1] in _MINISTRY:
        return True  # "Lebanon's health ministry said": the state's own ministry
    if (between and between[-1] in titles and all(t in titles or t in _OFFICE_LINKS for t in between)
            and mention_end >= 2 and s.toks[mention_end - 2] in titles and not punctuated(s, mention_end)):
        return True  # «le ministère syrien de la Défense a affirmé»: the office's portfolio after its state
    if any(t in titles and not all(x in titles for x in between[:k]) for k, t in enumerate(between)):
        return False  # "... from a Houthi-controlled area, officials said": not the Houthis' officials
    if between and (between[0] in titles or between[0] in _BARE_FORCES) and punctuated(s, mention_end):
        return False  # "... by Iranian-backed militia, officials say", "Israel strikes Lebanon, military says"
    if 0 < len(between) <= 3 and punctuated(s, mention_end) and _unknown_name(s, mention_end, verb):
        return False  # "... attacks by Iran-backed militias, Austin said": a name the gazetteer lacks speaks
    # "... used by Kataib Hezbollah in Syria, officials said": a party inside a phrase of place is
    # not the subject ("Hezbollah in a statement said" is)
    for k, t in enumerate(between):
        if t in _PREPOSITIONS:
            rest = [x for x in between[k + 1:] if x not in _ARTICLES]
            if not rest or rest[0] not in _SAYING:
                return False
    return True


_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
_BARE_FORCES = frozenset({"military", "army"})  # a state's forces named without it after a comma
# a verb right after a party that follows "says": the party opens a clause ("says X was behind")
_CLAUSE_VERBS = frozenset({"was", "were", "is", "are", "had", "has", "have", "carried", "launched", "fired", "attacked",
                           "struck", "targeted", "killed", "used", "did", "will", "would"})


def _unknown_name(s: Sentence, lo: int, hi: int) -> bool:
    """Whether the English words from token ``lo`` to ``hi`` are one capitalised name and nothing else
    (a person the gazetteer does not know: "Austin", "John Kirby")."""
    words = s.cased[lo:hi]
    return len(s.cased) == len(s.toks) and all(w.isascii() and w[:1].isupper() and w[1:].islower() for w in words) \
        and not any(t in title_words() for t in s.toks[lo:hi])
_GROUP_HEADS = frozenset({"group", "militia", "movement", "organisation", "organization", "faction"})
# an office one word after its state ("the Lebanese health ministry", "Iraq's oil minister")
_MINISTRY = frozenset({"ministry", "minister"})
_PREPOSITIONS = frozenset({"in", "near", "at", "from", "against", "into", "inside", "by", "with", "for", "of"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that"})
_SAYING = frozenset({"statement", "statements", "comments", "remarks", "interview", "briefing", "post", "tweet",
                     "message", "speech", "video", "press", "communique", "declaration", "declarations", "propos",
                     "entretien"})


def actor(gz: Gazetteer, m: Mention, when: date | None, in_claim: bool, s: Sentence | None = None) -> ActorRef:
    ref = gz.actor_ref(m.id, m.alias, when, in_claim)
    if s is not None and (m.start, m.end) in s.written:
        ref = replace(ref, as_written=s.written[(m.start, m.end)])
    return ref


# "a pro-Iran group", "pro-Turkish factions": the armed men the party is said to back
_PRO_GROUPS = frozenset({"group", "groups", "militia", "militias", "faction", "factions", "fighters", "forces",
                         "paramilitary", "paramilitaries", "militants", "gunmen", "armed"})
_VERB_OBJECT = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "it", "them"})


def _backer(s: Sentence, m: Mention) -> bool:
    """"Iran-backed militias", "Iran linked groups": the party is a modifier. "The Pentagon linked
    the attack to ...": the same word is the party's verb, with its object after it. "A pro-Iran
    group", "pro-Iranian militias": the party is what the group is for, not the doer ("pro-Assad
    regime sources" still speak for the regime)."""
    if m.start > 0 and s.toks[m.start - 1] == "pro" and m.end < len(s.toks) and s.toks[m.end] in _PRO_GROUPS:
        return True
    if not (m.end < len(s.toks) and s.toks[m.end] in _BACKED):
        return False
    return not (m.end + 1 < len(s.toks) and s.toks[m.end + 1] in _VERB_OBJECT)


_POSTED = frozenset({"mission", "missions", "ambassador", "ambassadors", "envoy", "envoys", "representative",
                     "delegation", "embassy"})


def _address(gz: Gazetteer, s: Sentence, m: Mention) -> bool:
    """A country named as where: after a locative ("in Iraq") or right after a place inside it
    ("Sinai, Egypt", "#Maiduguri #Nigeria"; not after another party: «آمریکا ایران را ...», nor after
    a place elsewhere: "claimed the strike on Tower 22, Iran denied any role" is Iran speaking)."""
    if named_as_place(s, m):
        return True
    country = next((p.id for p in s.mentions if p.kind == "place" and p.start == m.start), None)
    if country is None:
        return False
    parties = {(a.start, a.end) for a in s.mentions if a.kind == "actor"}
    return any(p.kind == "place" and p.end == m.start and (p.start, p.end) not in parties
               and gz.within(p.id, country) for p in s.mentions)


def _host(s: Sentence, m: Mention) -> bool:
    """"Iran's mission to the United Nations", "the Iraqi ambassador to Washington": the body a
    mission is posted to is no party; the state that sends it is."""
    at = m.start - 1 if m.start > 0 and s.toks[m.start - 1] == "the" else m.start
    return at >= 2 and s.toks[at - 1] == "to" and s.toks[at - 2] in _POSTED


def parties(gz: Gazetteer, s: Sentence, when: date | None, in_claim: bool, written: bool = True,
            ) -> list[tuple[Mention, ActorRef]]:
    """The actors of a sentence that can be a party: "USA-backed PKK", "Iran-aligned groups": the
    backer is a modifier, not a party. ``written=False`` skips finding each one's spelling in the
    original (a search per mention, dear on sentences that make no statement). Found once per
    sentence and question (the frames, the speaker, the blamed and the carried speaker all ask)."""
    key = ("parties", when, in_claim, written)
    found: tuple[tuple[Mention, ActorRef], ...] | None = s.derived.get(key)
    if found is None:
        found = s.derived[key] = tuple(_parties(gz, s, when, in_claim, written))
    return list(found)  # the callers' own copy


def _parties(gz: Gazetteer, s: Sentence, when: date | None, in_claim: bool, written: bool,
             ) -> list[tuple[Mention, ActorRef]]:
    found = [(m, _member(s, m, actor(gz, m, when, in_claim, s if written else None))) for m in s.mentions
             if m.kind == "actor" and not _backer(s, m) and not _host(s, m)]
    if s.norm.isascii():
        found = [(m, r) for k, (m, r) in enumerate(found) if not (
            r.kind == "state" and k + 1 < len(found) and _country_of(s, m, found[k + 1])) and not (
            r.kind == "state" and _tag(s, m)) and not (k + 1 < len(found) and _alliance_of(s, m, found[k + 1][0]))]
    titled = _titled(gz, s, when, in_claim)
    return sorted(found + titled, key=lambda x: x[0].start) if titled else found


_ALLY = frozenset({"ally", "allies", "member", "members", "partner", "partners"})


def _alliance_of(s: Sentence, m: Mention, n: Mention) -> bool:
    """"a drone flown by NATO ally Turkey", "coalition partner Jordan": the alliance names what the
    party after it belongs to; the party is the one named after."""
    return n.start == m.end + 1 and s.toks[m.end] in _ALLY


def _tag(s: Sentence, m: Mention) -> bool:
    """"Iraq: ISIS attacks hit Baghdad", "#Libya- reports of a car bomb ...": a country alone opening a
    tweet before a colon or a dash says where the news is from, not who speaks ("Iraqi army:",
    "Kremlin:" speak)."""
    tag = _TAG.match(s.original)
    at = 2 if tag is not None and tag.group(1) else 0  # past a retweet's "RT @handle:"
    return tag is not None and (m.start, m.end) == (at, at + 1) and any(
        p.kind == "place" and (p.start, p.end) == (at, at + 1) for p in s.mentions)


_TAG = re.compile(r"(RT @\w+: ?)?\W*\w+(?: ?[-–—] | ?:(?!//))")


def _country_of(s: Sentence, m: Mention, group: tuple[Mention, ActorRef]) -> bool:
    """"Iraq's Kataeb Hezbollah vows ...", "Yemen's Iran-aligned Houthi movement", "Syria's White Helmets": a
    state named right before an armed group or a monitor (past its backer at most) is its country, not a party."""
    n, ref = group
    if ref.kind not in _COUNTRY_OF or n.start < m.end or punctuated(s, n.start):
        return False
    # (the backer's own words, "Iran-aligned", are no party: only they may stand between)
    return all(t in _BACKED or t == "pro" or any(o.kind == "actor" and o.start <= i < o.end for o in s.mentions)
               for i, t in enumerate(s.toks[m.end:n.start], m.end))


# «المرصد السوري لحقوق الإنسان», «اللجنة السورية لحقوق الإنسان»: an organisation's name, not a state's office
AR_RIGHTS = frozenset({"لحقوق", "للدفاع", "لرصد", "لتوثيق", "للتوثيق"})


def _member(s: Sentence, m: Mention, ref: ActorRef) -> ActorRef:
    """A state named with a legislator's title ("US senator", «سيناتور أمريكي»): the legislator,
    who speaks for himself."""
    if ref.kind != "state":
        return ref
    for fw in load_frames().values():
        if not fw.legislators:
            continue
        if fw.lang == "ar":
            if m.start and s.toks[m.start - 1] in fw.legislators:
                return legislator(s, fw, m.start - 1, m.end, ref) or ref
        elif m.end < len(s.toks) and s.toks[m.end] in fw.legislators:
            return legislator(s, fw, m.start, m.end + 1, ref) or ref
    return ref


def _titled(gz: Gazetteer, s: Sentence, when: date | None, in_claim: bool) -> list[tuple[Mention, ActorRef]]:
    """A state's office named by its adjective ("the Turkish prime minister", «سيناتور أمريكي»)
    where the gazetteer has no name for the whole: the state."""
    covered = {i for m in s.mentions if m.kind == "actor" for i in range(m.start, m.end)}
    out: list[tuple[Mention, ActorRef]] = []
    toks = s.toks
    for fw in load_frames().values():
        if not fw.titles or not fw.demonyms or fw.demonyms.keys().isdisjoint(toks):
            continue
        before = fw.lang in ("ar", "fa", "fr")  # the office stands before the adjective in Arabic, French
        # the demonyms among the words, picked in C (most words are none, and this runs on every
        # sentence past the gate that names a state's adjective)
        for i, tok in compress(enumerate(toks), map(fw.demonyms.__contains__, toks)):
            name = fw.demonyms[tok]
            if i in covered:
                continue
            if before:
                near = (toks[i - 1] if i else "", " ".join(toks[max(i - 2, 0):i]))
            else:
                near = (toks[i + 1] if i + 1 < len(toks) else "", " ".join(toks[i + 1:i + 3]))
            if not any(w in fw.titles for w in near) and not (
                    not before and i + 2 < len(toks) and toks[i + 2] in _MINISTRY):
                continue
            if fw.lang == "ar" and i + 1 < len(toks) and toks[i + 1] in AR_RIGHTS:
                continue  # «اللجنة السورية لحقوق الإنسان», «المنظمة المصرية لحقوق الإنسان»: no state's office
            if tok == "us" and (i >= len(s.cased) or s.cased[i] != "US"):
                continue  # "us" the pronoun
            ref = gz.resolve_actor(name, when, in_claim)
            if ref is not None:
                office = _office(toks, fw.titles, i, before)
                person = legislator(s, fw, *office, ref) if fw.legislators else None
                out.append((Mention("actor", ref.id, i, i + 1, tok), person or ref))
                covered.add(i)  # once (French inherits the English words)
    return out


def _office(toks: list[str], titles: frozenset[str], i: int, before: bool) -> tuple[int, int]:
    """The tokens of a state's adjective at ``i`` and the office it qualifies ("US senator",
    "Turkish prime minister", «سيناتور أمريكي»)."""
    if before:
        return (i - 1, i + 1) if i and toks[i - 1] in titles else (max(i - 2, 0), i + 1)
    if i + 1 < len(toks) and toks[i + 1] in titles:
        return i, i + 2
    return i, min(i + 3, len(toks))


def pick(gz: Gazetteer, s: Sentence, cue: Cue, side: str, when: date | None, in_claim: bool,
         accept: frozenset[str] | None, exclude: set[str]) -> ActorRef | None:
    refs = parties(gz, s, when, in_claim)
    ok = [(m, r) for m, r in refs if r.id not in exclude and (accept is None or r.kind in accept)]
    before = [(m, r) for m, r in ok if m.end <= cue.start and cue.start - m.end <= WINDOW]
    # "after" counts from the cue's first word: a verb-first cue («حملت X Y المسؤولية») spans its actors
    after = [(m, r) for m, r in ok if m.start >= cue.start + 1 and m.start - cue.end <= WINDOW]
    inside = [(m, r) for m, r in ok if m.start >= cue.start and m.end <= cue.end]
    if side == "before":
        # ", blaming Iran ...", "while accusing ...": the participle's subject is the sentence's own
        # ("Israel said Mossad foiled a Hezbollah attack, blaming Iran"), not the party named last
        if _participle_clause(s, cue):
            head = opening_party(s, ok)
            if head is not None and any(r is head and m.end <= cue.start for m, r in ok):
                return head
        # not the party fought ("the coalition against the Houthis struck the port")
        if before and opposed(s, before[-1][0]):
            return None
        # nor an attack's target ("US strikes on Iraq over a drone attack blamed on ..."), nor the
        # country of a place ("#ISIS faction in N. #Sinai #Egypt claimed ...")
        speakers = [(m, r) for m, r in before if not (m.start > 0 and s.toks[m.start - 1] in _TARGET_BEFORE)
                    and not (r.kind == "state" and _address(gz, s, m))]
        return speakers[-1][1] if speakers else None
    if side == "after":
        return after[0][1] if after else None
    if side == "next":  # after the cue's last word: "in response to attacks on X by Y" blames Y
        # not a country fire came from ("in response to launches from Lebanon"): a place, no party
        following = [(m, r) for m, r in after if m.start >= cue.end]
        if following and following[0][1].kind in ("state", "official") and s.toks[following[0][0].start - 1] == "from" \
                and any(p.kind == "place" and p.start == following[0][0].start for p in s.mentions):
            return None
        return following[0][1] if following else None
    if side == "agent":  # the passive's agent right after "by": "were carried out by three drones" names no one
        near = [(m, r) for m, r in after if cue.end <= m.start <= cue.end + 3]
        if len(near) > 1 and near[1][0].start == near[0][0].end and near[0][1].kind in ("state", "generic") and not (
                punctuated(s, near[1][0].start)):
            return near[1][1]  # "by Yemen's Houthi rebels": the group, not its country
        return near[0][1] if near else None
    if side == "inside":
        if inside:
            return inside[0][1]
        # not the target after the cue ("hold accountable those responsible for attacks on coalition forces")
        after = [(m, r) for m, r in after if not (m.start > 0 and s.toks[m.start - 1] in _TARGET_BEFORE)]
        return after[0][1] if after else None
    if side == "within":  # only a party inside the cue's own words ("condemned the Turkish strike")
        # (not a state named as where, "Kurdish targets in Syria and Iraq", nor a backer, "Iran-linked")
        inside = [(m, r) for m, r in inside if not (r.kind == "state" and named_as_place(s, m)) and not _backer(s, m)]
        return inside[0][1] if inside else None
    if side == "either":
        # Arabic puts the verb first (VSO) or the subject first (SVO): an actor right before
        # the verb is its subject, otherwise the first actor after it that is not its object
        # (not across a word that opens a new clause: «... في العراق وسوريا , بينما أعلنت وزارة الدفاع الروسية
        # تحرير ...»: the party named before closes the clause before)
        if before and cue.start - before[-1][0].end <= 1 and not (
                cue.start - before[-1][0].end == 1 and s.toks[cue.start - 1] in _AR_CLAUSE_OPENERS):
            return before[-1][1]
        after = [(m, r) for m, r in after if not arabic_object(s, m)]
        if after:
            return after[0][1]
        # not a party behind a comma, before another subject («اختطاف 14 من قوات الأمن الإيرانية، وجماعة
        # سنية تعلن مسؤوليتها»: the group the text does not name speaks, not Iran)
        if before and any(punctuated(s, i) for i in range(before[-1][0].end, cue.start + 1)) and s.toks[cue.start - 1] not in (
                _AR_CLAUSE_OPENERS) and not s.norm.isascii():
            return None
        if len(before) > 1:
            # «صرح الكرملين بأن واشنطن تهرب ... لا يوجد إثبات على الهجوم»: the party whose speech verb
            # opens the report speaks, not the one its report names last
            opener = reporter(s, before)
            if opener is not None:
                return opener
        return before[-1][1] if before else None
    if side == "first":
        # Persian marks the object with «را» after it: the first party of the clause that is not one
        fa = load_frames().get("fa")
        subjects = [(m, r) for m, r in ok if not (fa is not None and fa_object(s, fa, m))]
        if len(subjects) < len(ok) and not any(m.end <= cue.start for m, _ in subjects):
            return None  # only the object is named: «مواضع کتائب حزب الله را ... بمباران کردند»
        told = [r for m, r in subjects if _reported_by(s, m) or _fa_speaks(s, m)]
        if in_claim and told and any(m.end <= cue.start and r.id != told[0].id and r.parent != told[0].id
                                     and not _reported_by(s, m) and not _fa_speaks(s, m) for m, r in subjects):
            # «به گفته پنتاگون، کتائب حزب الله ... حمله کرد», «ارتش اسرائیل اعلام کرد حزب الله ... را هدف
            # قرار داد»: one party's word of another's attack
            return None
        ok = subjects
        if ok and ok[0][0].end <= cue.start:
            return ok[0][1]
        return pick(gz, s, cue, "said", when, in_claim, accept, exclude)
    if side == "said":
        # not a target or place before the cue ("US strikes on Iraq over an attack blamed on ...")
        before = [(m, r) for m, r in before if not (m.start > 0 and s.toks[m.start - 1] in _TARGET_BEFORE | _IN)]
        return _clause_reporter(s, ok, cue) or reporter(s, ok) or (before[-1][1] if before else None)
    if side == "reported":  # only a party the sentence reports: the one before is the one blamed
        return reporter(s, ok)
    if side == "opening":
        # "The Department of Defense released footage of strikes ... in response to attacks from X":
        # the party reported, else the sentence's subject whose action answers, else the one before
        said = reporter(s, ok) or opening_party(s, ok)
        return said if said is not None and said.kind in _SPEAKING else (before[-1][1] if before else None)
    return None


_BUT = frozenset({"but", "while", "whereas", "although", "though"})


def _clause_reporter(s: Sentence, ok: list[tuple[Mention, ActorRef]], cue: Cue) -> ActorRef | None:
    """"IS claimed the bombing, but the Taliban said the reports were false": where a clause opened by
    ", but", ", while" (or "whereas", "although") holds its own "X said" before the cue, X speaks the cue,
    not the first speaker of the sentence."""
    if not s.norm.isascii():
        return None
    opener = max((i for i in range(cue.start) if s.toks[i] in _BUT and punctuated(s, i)), default=-1)
    if opener < 0:
        return None
    for said in SAID.finditer(s.norm, s.starts[opener]):
        pos = bisect.bisect_right(s.starts, said.start()) - 1
        if pos >= cue.start:
            break
        prior = [r for m, r in ok if opener < m.start and 0 <= pos - m.end <= 3 and governs(s, m.end, pos)]
        if prior:
            return prior[-1]
    return None


def _participle_clause(s: Sentence, cue: Cue) -> bool:
    """Whether the cue opens an English participle clause after a comma, "while" or "as" ("championed
    the airstrikes ... as holding Iran responsible for ...")."""
    word = s.toks[cue.start]
    if not (word.endswith("ing") and word.isascii()) or cue.start == 0:
        return False
    return s.toks[cue.start - 1] in ("while", "as") or _comma_before(s, cue.start)


_AND = frozenset({"and", "et", "و"})
_AR_CLAUSE_OPENERS = frozenset({"بينما", "فيما", "حين", "عندما", "اذ", "حيث", "ثم", "بعدما", "كما", "لكن", "وبينما"})
_TARGET_BEFORE = frozenset({"on", "against", "at", "targeting"})
_IN = frozenset({"in", "into", "near", "over"})
_ADVERBS = frozenset({"also", "have", "has", "both", "jointly", "later", "separately"})


def coordinated(gz: Gazetteer, s: Sentence, cue: Cue, speaker: ActorRef | None, when: date | None,
                accept: frozenset[str] | None) -> list[ActorRef]:
    """The parties named with ``speaker`` as one subject of the cue's verb: "Hamas, Hezbollah say
    ...", "Hamas and Islamic Jihad denied ..." (right before the verb), «نفت حماس والجهاد ...»
    (right after an Arabic verb). Only a list joined by commas or "and", with nothing else between."""
    if speaker is None or speaker.kind == "unnamed":
        return []
    ok = [(m, r) for m, r in parties(gz, s, when, False, written=False) if accept is None or r.kind in accept]
    # the verb the list is the subject of: the cue's own, or the speech verb of a frame's report
    verbs = {cue.start} | {s.token_at(x.start()) for x in SAID.finditer(s.norm)}
    at = next((k for k, (m, r) in enumerate(ok) if r.id == speaker.id and (
        m.end in verbs or (m.end + 1 in verbs and s.toks[m.end] in _ADVERBS))), None)
    after = [(m, r) for m, r in ok if m.start - 1 in verbs]
    if at is not None:
        chain, step = ok[at::-1], -1  # the subject before its verb, read from the verb back
    elif after and after[0][1].id == speaker.id and not s.norm.isascii():
        chain, step = ok[ok.index(after[0]):], 1  # «نفت حماس والجهاد»: after the Arabic verb
    else:
        return []
    out: list[ActorRef] = []
    first = chain[0][0]  # the list's first name in the text, once the loop is done
    for (m, _), (n, r) in pairwise(chain):
        lo, hi = (n.end, m.start) if step < 0 else (m.end, n.start)
        between = s.toks[lo:hi]
        if len(between) > 1 or (between and between[0] not in _AND) or (step > 0 and not between and not (
                s.toks[n.start][0] == "و" and not n.alias.startswith("و"))):
            break
        if not between and step < 0 and not _comma_before(s, m.start):
            break  # "Lebanon's Hezbollah", "Islamic State Hezbollah": no list without a comma
        if r.id != speaker.id and all(r.id != x.id for x in out) and r.kind != "generic":
            out.append(r)
        first = n
    if out and step < 0 and not _opens_clause(s, first.start):
        return []  # "... from Houthi-held parts of Yemen, US Central Command said": a clause ends at the comma
    return out


def _opens_clause(s: Sentence, pos: int) -> bool:
    """Whether the name at token ``pos`` opens its clause (behind an article at most)."""
    if pos and s.toks[pos - 1] in ("the", "le", "la", "les", "l"):
        pos -= 1
    return clause_initial(s, pos)


def _comma_before(s: Sentence, pos: int) -> bool:
    """Whether a comma stands between the word at token ``pos`` and the one before it."""
    gap = s.gap(pos)
    return gap is not None and ("," in gap or "،" in gap)


def _fa_speaks(s: Sentence, m: Mention) -> bool:
    """Whether a Persian party is the subject of the speech verb right after it («پنتاگون اعلام کرد»)."""
    fa = load_frames().get("fa")
    return fa is not None and m.end < len(s.toks) and fa.speech.match(s.norm, s.starts[m.end]) is not None


def _reported_by(s: Sentence, m: Mention) -> bool:
    """Whether a party is named as the source of a report: "according to X", «به گفته X»."""
    lo = s.starts[max(m.start - 4, 0)] if s.starts else 0
    hits = list(ACCORDING.finditer(s.norm, lo, s.starts[m.start] if s.starts else 0))
    return bool(hits) and bisect.bisect_right(s.starts, hits[-1].end() - 1) - 1 >= m.start - 1


# the words before the party a speaker fights or takes ground from
_AR_FOUGHT = frozenset({"ضد", "سيطره", "قبضه"})


def arabic_object(s: Sentence, m: Mention) -> bool:
    """Whether an Arabic party is named as what was hit: after a target noun («قصفت مقرا لكتائب
    حزب الله», «مواقع الحشد») or with the possessive «ل» of one («... لتنظيم الدولة»)."""
    if m.start == 0 or s.norm.isascii():
        return False
    prev, tok = s.toks[m.start - 1], s.toks[m.start]
    ar = load_frames().get("ar")
    if ar is not None and prev in ar.target_nouns:
        return True
    if prev in _AR_FOUGHT:
        return True  # «تحرير الموصل من سيطرة تنظيم داعش», «بعد القتال ضد التنظيم»: the party fought
    return tok.startswith("ل") and not m.alias.startswith("ل") and ar is not None and any(
        t in ar.target_nouns for t in s.toks[max(m.start - 3, 0):m.start])


def relayed(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> tuple[ActorRef, int] | None:
    """The party an agency quotes («نقلت رويترز عن مسؤول أمريكي قوله», "quoted a US official as
    saying", "citing a security source") and the first token after the verb of quoting."""
    for found in _RELAYED.finditer(s.norm):
        pos = bisect.bisect_right(s.starts, found.end() - 1)
        near = reported_after(s, ok, pos)
        if near:
            return near[0], pos
    return None


def reporter(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> ActorRef | None:
    """The party a sentence reports: "X: ...", "according to X", "X said", "..., said X"."""
    head = headline_speaker(s, ok)
    if head is not None:
        return head
    quoted = relayed(s, ok)
    if quoted is not None:
        return quoted[0]
    for marker in ACCORDING.finditer(s.norm):
        pos = bisect.bisect_left(s.starts, marker.end())
        near = reported_after(s, ok, pos)
        if near:
            return near[0]
    for said in SAID.finditer(s.norm):
        pos = bisect.bisect_right(s.starts, said.start()) - 1
        if report_noun(s, pos):
            continue
        end = bisect.bisect_right(s.starts, said.end() - 1)
        prior = [r for m, r in ok if 0 <= pos - m.end <= 3 and governs(s, m.end, pos)]
        french = _FRENCH_SPEECH.fullmatch(said.group(0)) is not None
        if prior and s.norm.isascii() and inverted(s, ok, said.group(0), pos, end, french):
            prior = []  # "... by Kataib Hezbollah, said the Pentagon": the party after the verb speaks
        if prior:
            return prior[-1]
        if verb_first(s, said.group(0), pos) or not s.norm.isascii():
            # "..., said the Pentagon", «وقال الجيش»: the speaker after the verb ("Medics said the
            # Russian raids hit ..." has its speaker before the verb)
            following = after_speech(s, ok, pos, end, french)
            if following:
                return following[0]
    return tail_speaker(s, ok)


def inverted(s: Sentence, ok: list[tuple[Mention, ActorRef]], verb: str, pos: int, end: int, french: bool) -> bool:
    """Whether the speech verb ``verb`` at tokens ``pos``..``end`` has its subject after it although a
    party stands right before it: "... by Kataib Hezbollah, said the Pentagon", «... des cibles du
    Hamas, a annoncé l'armée israélienne»."""
    if not pos or not INVERTED.match(verb):
        return False
    if french:
        return french_inverted(s, ok, pos, end)
    return verb_first(s, verb, pos) and any(0 <= m.start - pos - 1 <= 2 for m, _ in ok)


def reported_after(s: Sentence, ok: list[tuple[Mention, ActorRef]], pos: int) -> list[ActorRef]:
    """The parties an "according to" at token ``pos`` names: within three words ("according to
    the Pentagon", «به گفته پنتاگون»), or after the words of its statement or office ("according to a
    statement by the military", «selon un communiqué de l'armée israélienne»)."""
    titles = title_words()
    out = []
    for m, r in ok:
        between = s.toks[pos:m.start]
        if any(t in COMPLEMENTISERS or t in _AR_THEN for t in between) or any(
                comma_before(s, k) for k in range(pos + 1, m.start + 1)):
            # «بحسب ناشطين فإن قوات النظام قصفت», "according to Kurdish officials, Kataib Hezbollah fired ...":
            # the party is inside the clause reported
            continue
        if 0 <= m.start - pos <= 3 or (m.start > pos and len(between) <= 6 and any(
                t in _SAYING or t in titles for t in between) and all(
                t in _SAYING or t in titles or t in _ARTICLES or t in _OFFICE_LINKS or t in ("by", "of") for t in between)):
            out.append(r)
    return out


def opening_party(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> ActorRef | None:
    """The party that opens the sentence as its subject, behind nothing but articles and an
    office ("Hezbollah issued ...", «Le porte-parole militaire des Houthis s'est exprimé», «ناصر
    کنعانی ... واکنش نشان داد»): the one a pronoun of the next sentence («Il dément», «وی افزود»)
    or an incise of its own («..., a-t-elle indiqué») points back to."""
    if not ok:
        return None
    m, r = ok[0]
    titles = title_words()
    before = s.toks[:m.start]
    if len(before) <= 5 and all(t in titles or t in _ARTICLES or t in _OFFICE_LINKS for t in before):
        return r
    return None


_FR_SUBJECT = frozenset({"l", "le", "la", "les", "un", "une", "des", "du", "ce", "cette", "son", "sa", "ses", "leur",
                         "leurs", "plusieurs", "deux", "trois"})


def french_inverted(s: Sentence, ok: list[tuple[Mention, ActorRef]], pos: int, end: int) -> bool:
    """Whether a French speech verb after a comma has its subject after it, as an incise does
    («..., précise l'armée», «..., a indiqué le Pentagone»); not «X, dans un communiqué, a indiqué
    que ...», whose subject stands before."""
    if end >= len(s.toks) or not clause_initial(s, pos):
        return False
    while end < len(s.toks) - 1 and s.toks[end] in _FR_ADVERBS:
        end += 1
    return s.toks[end] in _FR_SUBJECT or any(m.start == end for m, _ in ok)


def after_speech(s: Sentence, ok: list[tuple[Mention, ActorRef]], pos: int, end: int, offices: bool,
                 ) -> list[ActorRef]:
    """The parties that follow the speech verb at tokens ``pos``..``end`` as its subject: within
    two words of it ("said the Pentagon", «وقال الجيش», «a indiqué l'armée»), not inside a clause
    it opens («وأضاف أن حزب الله ...»); with ``offices`` (French) also at the end of an office
    named before them («a affirmé le porte-parole militaire des Houthis»)."""
    titles = title_words()
    out = []
    for m, r in ok:
        if m.start < end or any(t in COMPLEMENTISERS or t in _AR_THEN for t in s.toks[pos + 1:m.start]):
            continue
        if _quoted_after(s, end, m.start):
            continue  # «قال : "النظام اقتحم الحي"»: the party opens the words quoted, it does not speak them
        if s.norm.isascii() and m.end < len(s.toks) and s.toks[m.end] in _CLAUSE_VERBS and not punctuated(s, m.end):
            continue  # ", says Kataib Hezbollah was behind the attacks": the clause's subject, not the speaker
        # «المركز الإعلامي ل - "قسد"»: the clitic «ل» written apart from a quoted name is that name's
        start = m.start - 1 if m.start > end and s.toks[m.start - 1] == "ل" else m.start
        between = [t for t in s.toks[end:start] if not (offices and t in _FR_ADVERBS)]
        if start - pos - 1 <= 2 or (offices and len(between) <= 6 and (len(between) <= 1 or any(
                t in titles for t in between)) and all(t in titles or t in _OFFICE_LINKS for t in between)) or (
                # «وقال قائد سلاح الجو العراقي»: an Arabic office of several words before its state's adjective
                # «وقال قائد عسكري في قوات سوريا الديمقراطية», «المتحدث الرسمي باسم التحالف»
                len(between) <= 4 and not s.norm.isascii() and any(t in titles for t in between)
                and all(t in titles or t in AR_OFFICE_LINKS for t in between)):
            out.append(r)
    return out


def _quoted_after(s: Sentence, end: int, at: int) -> bool:
    """A colon between token ``end - 1`` (a speech verb) and token ``at`` (not the quotation marks
    around a name: «وقال "فيلق الشام" إنه ...»)."""
    if end <= 0 or at >= len(s.toks):
        return False
    if not s.punct_aligned:
        return False  # cannot tell
    # the gaps from the verb to the word at ``at`` (the words between hold no colon)
    return any(":" in gap for gap in s.gaps[end:at + 1])


# "..., reports say", "a report claims": the noun that speaks, as "experts" would (no party before it speaks)
_REPORT_NOUNS = frozenset({"report", "reports"})
_NOUN_SPEAKS = frozenset({"say", "says", "said", "claim", "claims", "claimed", "suggest", "suggests", "suggested",
                          "show", "shows", "showed", "indicate", "indicates", "indicated"})


def report_noun(s: Sentence, pos: int) -> bool:
    """Whether the speech word at token ``pos`` is the noun "report(s)" before the verb it is the
    subject of ("... ambush by Islamic State group, reports say") or before "of" ("#Syria Reports of a
    massacre by ..."): not a verb the party before speaks."""
    return s.toks[pos] in _REPORT_NOUNS and pos + 1 < len(s.toks) and (
        s.toks[pos + 1] in _NOUN_SPEAKS or s.toks[pos + 1] == "of")  # "#Syria Reports of massacre by ..."


# the present of a speech verb before its subject only after a comma (a headline's "..., says Iran"; not
# "U.S. Says Iran Drone Struck ...", whose abbreviation leaves a dot before the verb)
_PRESENT = re.compile(r"(?:says|tells|adds|announces|confirms)(?!\w)")


def verb_first(s: Sentence, verb: str, pos: int) -> bool:
    """Whether the English speech verb ``verb`` at token ``pos`` can have its subject after it: a
    past tense opening a clause (", said the Pentagon"), a present one after a comma (", says Iran")."""
    if not INVERTED.match(verb):
        return False
    if pos + 1 < len(s.toks) and s.toks[pos + 1] in _PRONOUNS:
        return False  # ", says it targeted Hamas commanders": the pronoun is the subject, not the party after it
    if _PRESENT.match(verb):
        return pos > 0 and "," in _gap(s, pos)
    return clause_initial(s, pos)


def _gap(s: Sentence, pos: int) -> str:
    return s.gap(pos) or ""


def clause_initial(s: Sentence, pos: int) -> bool:
    """Whether the word at token ``pos`` opens a sentence or follows punctuation (", said X",
    "\" said X"), as an English verb before its subject does."""
    if pos <= 0:
        return True
    gap = s.gap(pos)
    if gap is None:
        return True  # cannot tell: the old reading
    if gap.strip() == "." and pos >= 2 and len(s.toks[pos - 1]) == 1 and s.gap(pos - 1) == ".":
        return False  # "The U.S. said ...", "the U.N. said": an initialism's full stop opens no clause
    if gap.strip() in (")", "]"):
        return False  # "Coalition (CJTF-OIR) said ...": a closing parenthesis ends an aside of its subject
    return bool(gap.strip())


def headline_speaker(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> ActorRef | None:
    """"Security Media Cell: ...", "IDF: ...", "#IS statement: ..." and «قوات سوريا الديمقراطية: ...»:
    a short head before an early colon that ends with the actor (a link's "https:" is no head)."""
    colon = s.original.find(":")
    if colon < 2 or colon > 80 or s.original[colon + 1:colon + 3] == "//":
        return None
    head_tokens = len(tokens(normalize(s.original[:colon])))
    if head_tokens > 8 or _DATELINE.fullmatch(s.original[:colon]):
        return None  # (nor a dateline: "YATER, Lebanon: Residents said ..." is where the story was written)
    # "IDF:", "#IS statement:", "Hezbollah MP:"; not "Israel-Hamas war live:"
    # a name the gazetteer read across the colon ("Amaq: news ..." as "Amaq News") heads it too
    # not a party after a preposition ("Hamas attack on Israel:", "War in Ukraine:"): the head is a topic
    heads = [r for m, r in ok if ((m.end <= head_tokens and (m.end == head_tokens or (
        head_tokens - m.end <= 2 and all(t in _HEAD_WORDS for t in s.toks[m.end:head_tokens])))) or (
        m.start < head_tokens < m.end)) and not (m.start > 0 and s.toks[m.start - 1] in _HEAD_TOPIC)]
    return heads[-1] if heads else None


# a news item's dateline: a town in capitals and its country ("UNITED NATIONS, United States:")
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]+, [A-Z][\w.'’ -]+")
_HEAD_TOPIC = frozenset({"on", "against", "at", "in", "into", "over", "from", "to", "targeting"})


_HEAD_WORDS = frozenset({"statement", "official", "officials", "spokesman", "spokesperson", "media", "sources", "source",
                         "says", "said", "mp", "leader", "chief", "minister", "ministry", "army", "military", "forces",
                         "agency", "news", "office", "command", "commander", "commanders", "bayan", "بيان", "مصدر", "المتحدث"})
_TAIL = re.compile(r"(?::|\s[–—|-])\s+([^:–—|]{2,60})$")


def tail_speaker(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> ActorRef | None:
    """A headline ending ": ministry", "– spokesman", "- Pentagon": the actor in that tail."""
    m = _TAIL.search(s.original.rstrip(" .…"))
    if m is None:
        return None
    tail_tokens = len(tokens(normalize(m.group(1))))
    first = len(s.toks) - tail_tokens
    # the tail is the speaker's name and its office ("- ex Pentagon chief", ": Syrian state media"), not
    # a phrase that mentions a party ("Assad warrant: hope for Syrian chemical attack survivors")
    # (and its country's name: ": Syria's White Helmets")
    named = {i for o in s.mentions if o.kind == "actor" for i in range(o.start, o.end)}
    tails = [r for mn, r in ok if first <= mn.start <= first + 2 and len(s.toks) - mn.end <= 3 and all(
        w in _TAIL_WORDS or i in named for i, w in [*enumerate(s.toks[first:mn.start], first),
                                                   *enumerate(s.toks[mn.end:], mn.end)])]
    return tails[0] if tails else None


_TAIL_WORDS = _HEAD_WORDS | frozenset({
    "the", "a", "an", "ex", "former", "top", "senior", "state", "tv", "television", "radio", "report", "reports",
    "citing", "claims", "told", "sources", "spokeswoman", "secretary", "envoy", "ambassador", "officer", "general",
    "defence", "defense", "foreign", "health", "interior", "security", "government", "president", "pm", "s",
    "afp", "reuters", "ap", "upi", "ani", "dpa", "xinhua", "tass", "anadolu"})  # "...: Pentagon - AFP"
