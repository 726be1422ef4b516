"""Attacks a sentence names and who did them: the doer of an attack verb ("Houthi gunmen from
Yemen had fired", "was fired by X"), the party an attack noun belongs to ("an Israeli strike",
"the attack by X"), an army's own forces on its own channel; negation, modality, the passive,
participles and infinitives read before deciding. Pure: no I/O."""

from __future__ import annotations

import re

from classifiers.framewords import FrameWords
from classifiers.gazetteer import Mention
from classifiers.normalize import normalize, tokens
from classifiers.sentences import Sentence
from classifiers.types import ActorRef

_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "any", "another", "latest", "deadly", "new", "such", "more", "further", "several", "multiple",
                          "repeated", "renewed", "recent", "fresh",
                          "la", "le", "les", "l", "un", "une", "des", "cette", "ce", "ces", "sa", "son", "ses"})
_VICTIM = frozenset({"under", "in", "by", "from", "of", "after", "amid", "during", "against", "a", "an"})
# "an Israeli drone strike", "the IS suicide attack": words between a party and its attack noun
_MODIFIERS = frozenset({"drone", "drones", "rocket", "missile", "air", "suicide", "car", "artillery", "naval", "ground",
                        "military", "terror", "terrorist", "deadly", "fresh", "new", "latest", "retaliatory", "mortar",
                        "svbied", "vbied", "ied", "sniper", "cross", "border", "precision", "militia", "militant",
                        "army", "forces", "jets", "warplanes", "helicopter", "gunship", "tank", "commando", "قوات",
                        # "SAA aerial bombardment on ...", "Iraqi aircraft shelling on ...", "Russian midnight
                        # airstrikes", "Turkish heavy shelling"
                        "aerial", "aircraft", "warplane", "plane", "planes", "helicopters", "midnight", "overnight",
                        "night", "dawn", "heavy", "intense", "fierce", "massive", "savage", "indiscriminate"})
# after an attack verb these words say it has no object: a participle or a plural noun
_NO_OBJECT = frozenset({"in", "near", "along", "across", "including", "and", "or", "of", "for", "inside", "around", "from",
                        "were", "was", "are", "is", "have", "had", "that", "which", "with", "during", "after", "amid",
                        "since", "last", "yesterday", "earlier", "this", "today", "overnight", "when", "while", "as"})
# words that open a clause or a noun phrase of their own between a party and a verb: «قالت
# الوزارة إن الصاروخ أطلقه ...» (the ministry is not the subject of «أطلقه»)
_CLAUSE = frozenset({"a", "an", "the", "this", "that", "which", "who", "but", "while", "as", "after",
                     "la", "le", "les", "l", "un", "une", "des", "que", "qui",
                     "ان", "انه", "انها", "بان", "بانه", "الذي", "التي", "الذين", "لكن", "بينما", "بعد"})
_TOWARDS = frozenset({"ضد", "علي", "الي", "في", "نحو", "باتجاه", "داخل", "قرب", "بحق"})
_ARMED = frozenset({"core", "facade", "umbrella", "jihadist", "axis", "generic"})
# prepositions after which a verb's "-ed" form is an adjective of the noun that follows
_BEFORE_ADJECTIVE = frozenset({"aboard", "onboard", "on", "onto", "into", "inside", "near"})
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got"})
_RA = "را"  # Persian marks the definite object with «را» after it
# "attacked by mistake": "by" says how, not who
_BY_MANNER = frozenset({"mistake", "accident", "error", "chance", "far", "night", "day", "air", "sea", "land", "hand",
                        "phone", "surprise"})
_RELATIVE = frozenset({"who", "that", "which", "whose"})
# a party's verb whose object is the one a relative clause after it tells of ("Iraq arrests men who fired")
_SEIZED = frozenset({"arrest", "arrests", "arrested", "detain", "detains", "detained", "nab", "nabs", "nabbed",
                     "catch", "catches", "caught", "sentence", "sentences", "sentenced", "charge", "charges",
                     "charged", "convict", "convicts", "convicted", "jail", "jails", "jailed", "identify",
                     "identifies", "identified", "hunt", "hunts", "hunted", "names", "named", "blames", "blamed"})
_AIRCRAFT = frozenset({"plane", "planes", "jet", "jets", "drone", "drones", "helicopter", "helicopters", "aircraft",
                       "uav", "uavs", "warplane", "warplanes"})
_HURT = frozenset({"killed", "wounded", "injured", "hurt", "dead"})
# verbs of hurt that are attacks only with their agent ("were injured by Kataib Hezbollah")
_HURT_BY = frozenset({"wounded", "injured"})
# the taken and the murdered: in the passive only its agent names a doer ("was murdered in captivity" none,
# "was abducted by Hamas" Hamas); an army's post does not tell its own deed so
_TAKEN = frozenset({"abducted", "kidnapped", "murdered"})
_ON_TARGET = frozenset({"on", "upon", "against", "targeting"})
_INTO = frozenset({"into"})
# "#Iraq|i army", "#Russia|n soldiers": a tweet's hashtag with its adjective's ending cut off by a bar
_SUFFIX = frozenset({"i", "n", "ian", "ish", "s"})


def bare_ending(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is an adjective's ending cut off a hashtag by a bar ("#Iraq|i", "#Russia|n")."""
    return s.toks[k] in _SUFFIX and "|" in _gap(s, k)


def _suffixes(s: Sentence, t: int) -> int:
    """How many bare adjective endings ("#Russia|n") stand in the four words before token ``t``."""
    return sum(1 for k in range(max(t - 4, 1), t) if bare_ending(s, k))


def _agent_at(s: Sentence, fw: FrameWords, i: int, ok: list[tuple[Mention, ActorRef]] | None = None) -> int:
    """The length of the passive's agent phrase ("by", «على يد») at token ``i``; 0 if none. With
    ``ok``, "from" counts too when an armed group follows ("launched from the Houthi group")."""
    for phrase in fw.agents:
        if tuple(s.toks[i:i + len(phrase)]) == phrase:
            return len(phrase)
    for phrase in fw.armed_agents:
        size = len(phrase)
        if not ok:
            break
        if tuple(s.toks[i:i + size]) == phrase:
            near = [r for mn, r in ok if i + size <= mn.start <= i + size + 3]
            if near and near[0].kind in _ARMED:
                return size
    return 0


def _head(found: list[tuple[Mention, ActorRef]], s: Sentence | None = None) -> list[ActorRef]:
    """The parties after "by", the head first: in "by Yemen's Houthi militia" (possessive, or a
    state's adjective before a group) the doer is the second of two adjacent names; not across a
    comma ("by Iranian-backed militia, US officials said")."""
    refs = [r for _, r in found]
    if len(found) > 1 and found[1][0].start == found[0][0].end and found[0][1].kind in ("state", "generic") and not (
            s is not None and punctuated(s, found[1][0].start)):
        refs = refs[1:2] + refs[:1] + refs[2:]
    return refs


_LOCATIVE = frozenset({"in", "near", "across", "inside", "throughout", "into", "off", "outside"})


def _a_city(s: Sentence, m: Mention, r: ActorRef) -> bool:
    """Whether a state's mention is its capital's name, another place at the same words ("Damascus"
    for Syria), not the country's own name ("Syria strikes", "#USA strike"). A state's country place
    has the state's id without "-government" (``tests/test_gazetteer.py`` keeps it so)."""
    country = r.id.removesuffix("-government")
    return r.kind == "state" and any(p.kind == "place" and p.start == m.start and p.end == m.end and p.id != country
                                     for p in s.mentions)


def named_as_place(s: Sentence, m: Mention) -> bool:
    """Whether a state is named as a place ("attacks on US personnel in Iraq and Syria", "US troops
    in Iraq, Syria attacked"): a place of the gazetteer at its words, after "in", "across" ... (a
    list of places counts)."""
    if not any(p.kind == "place" and p.start == m.start for p in s.mentions):
        return False
    i = m.start - 1
    while i >= 0 and m.start - i <= 4 and (s.toks[i] in _PLACE_BEFORE or any(
            p.kind == "place" and p.start <= i < p.end for p in s.mentions)):
        i -= 1
    return i >= 0 and s.toks[i] in _LOCATIVE


# "in Iraq and Syria", "in central Ankara", "in the southern Gaza Strip": still where, not who
_PLACE_BEFORE = frozenset({"and", "the", "central", "northern", "southern", "eastern", "western", "north", "south", "east",
                           "west", "downtown", "northeastern", "northwestern", "southeastern", "southwestern"})


def _gap(s: Sentence, i: int) -> str:
    """The characters between token ``i - 1`` and token ``i`` ("" at the edges or when the
    punctuated text does not split into the sentence's tokens)."""
    return s.gap(i) or ""


def punctuated(s: Sentence, pos: int) -> bool:
    """Whether punctuation stands right before the word at token ``pos`` ("militia, US officials")."""
    return bool(_gap(s, pos).strip())


def comma_before(s: Sentence, pos: int) -> bool:
    """Whether a comma stands right before the word at token ``pos`` ("Yasser Hanoun, a ...")."""
    return "," in _gap(s, pos)


def _ar_target(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether an Arabic party is named as a target: after «مواقع», «مقرات», «أهداف» ..., or as the
    group of the object before it («قتل انغماسيا من تنظيم داعش», «عشرة عناصر من التنظيم»)."""
    return mn.start > 0 and (s.toks[mn.start - 1] in fw.target_nouns or (
        s.toks[mn.start - 1] == "من" and mn.start >= 2 and s.toks[mn.start - 2] not in fw.doer_nouns))


def _ar_adjective_of_object(s: Sentence, fw: FrameWords, mn: Mention, end: int) -> bool:
    """Whether an Arabic state's adjective after a verb qualifies its object («استهدفوا دبابة
    إسرائيلية», «قصفت مواقع تركية»), not its subject («قصفت الطائرات الروسية»: the forces' adjective)."""
    if mn.alias not in fw.demonyms or mn.start <= end:
        return False
    before = s.toks[mn.start - 1]
    # «قصفت طائرات حربية روسية», «شنت المقاتلات الحربية الروسية»: the forces' own adjective between
    return before not in fw.doer_nouns and not (before in _AR_MILITARY and s.toks[mn.start - 2] in fw.doer_nouns)


# «نفذه انتحاري من تنظيم داعش», «على يد عناصر من التنظيم»: after a passive's agent or a relative's doer, a
# member of a party is that party (not the target group of an object, «قتل انغماسيا من تنظيم داعش»)
_AR_MEMBERS = frozenset({"انتحاري", "انتحاريا", "انتحاريون", "انتحاريين", "انتحاريان", "مسلح", "مسلحا", "مسلحون",
                         "مسلحين", "عنصر", "عنصرا", "عناصر", "عنصران", "عنصرين", "قناص", "قناصا", "مقاتل", "مقاتلا",
                         "مقاتلون", "مقاتلين", "خليه", "خلايا", "افراد", "اعضاء", "عضو", "عضوا", "متشددون", "متشددين"})


# what ends the clause of a verb before a second one joined to it: another clause («أن», a relative), a report
_AR_CLAUSE_BREAKS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "التي", "الذي", "الذين", "اللذين",
                               "اللتين", "بينما", "فيما", "حيث", "لكن", "ولكن", "بعد", "بعدما", "قبل", "اذ", "عندما"})


def _coordinated_subject(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], t: int) -> ActorRef | bool:
    """The subject of an Arabic attack verb joined by «و» to an earlier verb of the same subject
    («إن القوات الروسية تشارك في القتال وتنفذ غارات كثيفة», «قوات النظام اقتحمت البلدة وقصفت أحياءها»):
    the party right before the first verb, which agrees with the second in person, number and gender;
    False when there is none (not past another party, another clause or a report)."""
    word = s.toks[t]
    if word[:1] != "و" or len(word) < 4:
        return False
    verb = word[1:]
    parties = [(mn, r) for mn, r in ok if mn.end < t - 1 and t - mn.end <= 10]
    if not parties:
        return False
    mn, r = parties[-1]
    first = s.toks[mn.end]
    if first.startswith("ال") or fw.attack_noun.fullmatch(first) or (_ar_target(s, fw, mn) and not _ar_member(s, mn)):
        return False
    if verb.endswith("وا"):
        agrees = first.endswith("وا")
    elif verb[:1] in ("ت", "ي"):
        agrees = first[:1] == verb[:1] and len(first) > 3
    elif verb.endswith("ت"):
        # «تقدمت ... واستهدفت», not a plural noun («عمليات»)
        agrees = first.endswith("ت") and not first.endswith("ات") and len(first) > 3
    else:
        agrees = False
    # a party between is only the first verb's object («الطائرات الروسية تدعم قوات النظام وتقصف القرى»)
    if not agrees or any(m.kind == "actor" and mn.end <= m.start < t and not (m.start == mn.end + 1 and m.end == t)
                         for m in s.mentions):
        return False
    between = s.toks[mn.end:t]
    if any(w in _AR_CLAUSE_BREAKS or fw.speech.fullmatch(w) for w in between):
        return False
    return r


def _ar_member(s: Sentence, mn: Mention) -> bool:
    """Whether an Arabic party is named as the group of a member before it («انتحاري من تنظيم داعش»)."""
    return mn.start >= 2 and s.toks[mn.start - 1] == "من" and s.toks[mn.start - 2] in _AR_MEMBERS


_AR_MILITARY = frozenset({"حربيه", "الحربيه", "مسيره", "المسيره", "مقاتله", "المقاتله", "حكوميه", "الحكوميه",
                          "النظاميه", "نظاميه", "خاصه", "الخاصه", "بحريه", "البحريه", "جويه", "الجويه", "بريه", "البريه"})


# "the coalition against ISIS attacks ...", "forces fighting the Houthis struck ...": the party is
# the object of the words before it, not the doer of the verb after it
_OPPOSED = frozenset({"against", "fighting", "versus", "vs", "countering", "combating", "combatting", "battling",
                      "anti"})


def opposed(s: Sentence, m: Mention) -> bool:
    """English: a party right after "against", "fighting", "anti-" (an article between allowed)."""
    i = m.start - 1
    if i >= 0 and s.toks[i] in ("the", "a", "an"):
        i -= 1
    return i >= 0 and s.toks[i] in _OPPOSED


# what "attack" and "strike" name before them when they say a kind of vessel, aircraft or formation
_PLATFORMS = {"attack": frozenset({"submarine", "submarines"}),
              "strike": frozenset({"group", "groups", "fighter", "fighters"})}
# "interceptors were launched toward a suspicious aerial target", "... following a false identification":
# air defence answering an alarm, no attack (not "interceptors were launched at the hostile aircraft")
_INTERCEPTORS = frozenset({"interceptor", "interceptors"})
_ALARM = frozenset({"suspicious", "false", "identification"})


def _false_alarm(s: Sentence, t: int) -> bool:
    return bool(_INTERCEPTORS.intersection(s.toks[max(t - 4, 0):t])) and bool(_ALARM.intersection(s.toks[t:]))


def _platform(s: Sentence, end: int) -> bool:
    """Whether the attack word ending at ``end`` names a kind of vessel or unit ("an attack submarine",
    "two carrier strike groups", "F-35 strike fighters"), neither a verb nor an attack."""
    return end < len(s.toks) and s.toks[end] in _PLATFORMS.get(s.toks[end - 1], ())


# the words an army's post calls the enemy it killed: "four terrorists were killed"
_ENEMY = frozenset({"terrorists", "terrorist", "militants", "operatives", "gunmen", "insurgents"})
# "continue to strike", "began to target": an attack under way, not a purpose ("used to conduct attacks")
_UNDER_WAY = frozenset({"continue", "continues", "continued", "continuing", "began", "begin", "begins", "started",
                        "start", "starts", "proceeded", "went", "managed", "succeeded"})


def _purpose(s: Sentence, t: int) -> bool:
    """An infinitive names a purpose or a plan ("used by Hamas to conduct attacks"), not a deed,
    unless a verb before it says the attack goes on ("troops continue to eliminate terrorists")."""
    return t > 0 and s.toks[t - 1] == "to" and not (t > 1 and s.toks[t - 2] in _UNDER_WAY)


_USED = frozenset({"used", "using", "employed"})
_MEANS = frozenset({"munitions", "munition", "missiles", "missile", "rockets", "rocket", "bombs", "bomb", "drones", "drone",
                    "shells", "artillery", "jets", "aircraft", "helicopters", "weapons", "explosives", "ammunition",
                    "torpedoes", "guns", "tanks", "interceptors", "fire"})


def _with_means(s: Sentence, t: int) -> bool:
    """Whether the verb at ``t`` is the infinitive after a weapon its doer used ("IDF naval vessels used
    precise munitions to target ..."): the doer stands further back than a verb's subject usually does."""
    if t < 3 or s.toks[t - 1] != "to":
        return False
    k = next((i for i in range(t - 2, max(t - 6, 0) - 1, -1) if s.toks[i] in _USED), None)
    return k is not None and k > 0 and s.toks[k - 1] not in ("was", "were", "is", "are", "be", "been", "being") \
        and bool(_MEANS.intersection(s.toks[k + 1:t - 1]))


def same_party(a: ActorRef, b: ActorRef) -> bool:
    return a.id == b.id or a.parent == b.id or b.parent == a.id or (a.parent is not None and a.parent == b.parent)


def _subject_of(s: Sentence, fw: FrameWords, doer_end: int, verb: int) -> bool:
    """Whether the party ending at ``doer_end`` is the subject of the verb at ``verb``: the words
    between are links ("Houthi gunmen from Yemen had fired", "Hezbollah said it struck"), not a
    clause of their own ("Iran says an Israeli strike")."""
    between = s.toks[doer_end:verb]
    if between in (["who"], ["that"]):
        return True  # "the Daeshites who killed ...": the relative clause's subject
    if _placed_forces(fw, between):
        return True  # "IDF soldiers operating in the area killed", "US forces stationed in Syria struck"
    core = between
    while len(core) > 2 and core[-1] in _TENSE:
        core = core[:-1]  # "Houthi small boats that had been attacking": the clause's tense, its subject before
    if 2 <= len(core) <= (4 if core is between else 5) and core[-1] in _RELATIVE and not any(
            w in _CLAUSE or fw.speech.fullmatch(w) for w in core[:-1]):
        # "a Hezbollah terrorist cell that launched", "the Hamas commander who planned"; not "Iraq arrests
        # men who fired", "troops killed gunmen who fired": the party's own verb has the clause's subject as object
        return not any(w in _SEIZED or fw.attack_verb.fullmatch(w) for w in core[:-1])
    # "Turkey claims suspects planned attacks": a claim verb with a subject of its own after it opens
    # a clause like "said" (not "Russia claims killed 34", "claims: repelled ... and killed")
    claimed = next((i for i, w in enumerate(between) if fw.claim_verb.fullmatch(w)), None)
    if claimed is not None and claimed + 1 < len(between) and not fw.attack_verb.fullmatch(between[claimed + 1]) \
            and between[claimed + 1] not in ("it", "they", "we", "to", "that"):
        return False
    if not any(fw.speech.fullmatch(w) for w in between):
        return not any(w in _CLAUSE for w in between)
    while len(between) > 1 and between[-1] in _AUXILIARIES:
        between = between[:-1]  # "the groups say they have attacked"
    return bool(between) and (between[-1] in ("it", "they", "we") or bool(fw.own_forces.fullmatch(between[-1])))


# an army's own headline in the participle: "Terrorist Infrastructure Eliminated in Lebanon"
_OWN_PARTICIPLES = frozenset({"eliminated", "struck", "destroyed", "dismantled", "targeted", "neutralized",
                              "neutralised", "raided", "demolished"})
_PROJECTILES = frozenset({"rocket", "rockets", "missile", "missiles", "drone", "drones", "uav", "uavs", "projectile",
                          "projectiles", "shell", "shells", "mortar", "mortars", "launch", "launches", "interceptor"})


def _own_headline_participle(s: Sentence, fw: FrameWords, t: int, end: int) -> bool:
    """Whether the verb at ``t`` is a participle with its object before it and no auxiliary, as an
    army's own posts head their news ("Hezbollah Military Compounds Struck in Southern Lebanon"):
    the army did it, like "... were struck". Not a projectile that struck ("a rocket launched from
    Gaza struck in Ashkelon"), nor a participle inside a clause ("the terrorist who struck")."""
    if s.toks[t] not in _OWN_PARTICIPLES or t == 0 or s.toks[t - 1] in _PROJECTILES:
        return False
    if fw.own_forces.fullmatch(s.toks[t - 1]) or any(m.kind == "actor" and m.end == t for m in s.mentions):
        return False  # "IDF artillery struck in ...": the active verb, its subject right before it
    if any(w in _PROJECTILES or w in ("who", "which", "that") or fw.speech.fullmatch(w) for w in s.toks[:t]):
        return False
    return end >= len(s.toks) or s.toks[end] in _WHERE or s.toks[end] in ("by", "overnight", "today", "during")


# a reduced relative that only says where the forces are: "IDF soldiers operating in the area killed"
_PLACED = frozenset({"operating", "stationed", "deployed", "based", "positioned", "patrolling", "serving", "fighting"})
_WHERE = frozenset({"in", "near", "at", "along", "around", "inside", "outside", "on", "across"})


def _placed_forces(fw: FrameWords, between: list[str]) -> bool:
    """Whether the words between a party and its verb are its forces and where they are
    ("soldiers operating in the area", "troops stationed near the border"): no clause of their own."""
    i = 0
    while i < len(between) and fw.own_forces.fullmatch(between[i]):
        i += 1
    rest = between[i:]
    return (2 <= len(rest) <= 7 and rest[0] in _PLACED and rest[1] in _WHERE
            and not any(fw.speech.fullmatch(w) or fw.attack_verb.fullmatch(w) or w in ("who", "which", "that", "and")
                        for w in rest[2:]))


# verbs that tell an attack only with an attack as their object ("ordered the strikes")
# "led" only as "led the/a ..." (not "US-led"), and only before an attack: "led a number of operations"
_NEEDS_ATTACK = frozenset({"ordered", "directed", "directs", "planned", "plans", "commanded", "led"})
# verbs of doing that tell an attack only with an attack noun as their object or, in the passive, subject
_CARRY = frozenset({"conducted", "conducts", "conduct", "conducting", "carried", "carries", "carry", "carrying"})
_FIRE = re.compile(r"(?<!\w)(?:launch(?:es)?|fire|rockets?|missiles?|shells?|shooting)(?!\w)")


def _carries_attack(s: Sentence, fw: FrameWords, t: int, end: int) -> bool:
    """Whether "conducted", "carried out" at ``t`` tells an attack: an attack or a launch its object or
    subject ("conducted strikes", "launches were carried out"), or in a relative clause of an attack
    ("the operation in the hospital, in which the troops are conducting searches"); not "conducted a
    situational assessment", "carried out an emergency landing", "carry out scans"."""
    lo = max(t - 6, 0)
    which = next((i for i in range(t - 1, lo - 1, -1) if s.toks[i] == "which"), None)
    if which is not None:
        lo = max(which - 12, 0)  # the antecedent, with its own phrases of where and against whom
    near = " ".join(s.toks[lo:end + 6])
    return bool(fw.attack_noun.search(near) or _FIRE.search(near))
_AUXILIARIES = frozenset({"have", "has", "had", "also", "successfully", "then"})
_TENSE = frozenset({"have", "has", "had", "been"})


def _backed_by(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether a Persian party is named as a backer: «گروه‌های مورد حمایت ایران», «وابسته به ایران»
    (the language's ``backers`` in data/frames.toml)."""
    return any(mn.start >= len(b) and tuple(s.toks[mn.start - len(b):mn.start]) == b for b in fw.backers)


def _fa_modifier(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether a Persian party is the reporter («به گفته پنتاگون», «پنتاگون اعلام کرد») or a backer («گروه‌های مورد
    حمایت ایران»), not a doer."""
    if _backed_by(s, fw, mn):
        return True
    if mn.end < len(s.toks) and fw.speech.match(s.norm, s.starts[mn.end]):
        return True  # «ارتش اسرائیل اعلام کرد ...»: the party that speaks
    lo = s.starts[max(mn.start - 3, 0)] if s.starts else 0
    hits = list(fw.according.finditer(s.norm, lo, s.starts[mn.start] if s.starts else 0))
    return bool(hits) and s.token_at(hits[-1].end() - 1) >= mn.start - 1


# after a party these say it is inside the object's phrase («مواضع کتائب حزب الله در عراق را»)
_FA_LINKS = frozenset(normalize(w) for w in (_RA, "در", "از", "به", "با", "نزدیک", "و"))


def fa_object(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether a Persian party is inside the object's phrase: «را» right after it, or after a phrase
    of place it opens when it does not open its clause («مواضع حزب الله در جنوب لبنان را ...», not
    «حزب الله از جنوب لبنان حیفا را ...»)."""
    if _fa_attacked(s, mn):
        return True
    if mn.end >= len(s.toks) or s.toks[mn.end] not in _FA_LINKS:
        return False
    if s.toks[mn.end] == _RA:
        return True
    rest = s.toks[mn.end:mn.end + 8]
    return _RA in rest and _KE not in rest[:rest.index(_RA)] and not _fa_clause_start(s, fw, mn)


# «به مواضع کتائب حزب الله ... حمله کرد»: the party after «به» or «علیه», alone or after a target's noun,
# is what was attacked
_FA_AGAINST = frozenset(normalize(w) for w in ("به", "علیه", "بر ضد", "ضد"))
_FA_TARGET_NOUNS = frozenset(normalize(w) for w in (
    "مواضع", "موضع", "پایگاه", "پایگاه‌های", "پایگاههای", "های", "مقر", "مقرهای", "مقر‌های", "نیروهای", "انبار",
    "انبارهای", "تاسیسات", "مراکز", "مرکز", "اهداف", "شبه‌نظامیان", "گروه‌های", "گروه", "شبه", "نظامیان"))


def _fa_attacked(s: Sentence, mn: Mention) -> bool:
    """Whether a Persian party is the object of «به» or «علیه» («به مواضع کتائب حزب الله»)."""
    i = mn.start - 1
    while i >= 0 and mn.start - i <= 3 and s.toks[i] in _FA_TARGET_NOUNS:
        i -= 1
    return i >= 0 and s.toks[i] in _FA_AGAINST


def _fa_opens_clause(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether a Persian party opens its clause as the subject, with the object and its «را» after
    it («به گفته پنتاگون، کتائب حزب الله پایگاه عین الاسد را هدف قرار داد», «ارتش اسرائیل اعلام کرد
    حزب الله پایگاه‌ها را هدف قرار داد»): it stands at the clause's start and a noun of its own (not
    «را» or a preposition) follows it."""
    return mn.end < len(s.toks) and s.toks[mn.end] not in _FA_LINKS and _fa_clause_start(s, fw, mn)


def _fa_clause_start(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """Whether a Persian party stands first in the sentence, after a comma, «که» or a speech verb."""
    if mn.start == 0 or s.toks[mn.start - 1] == _KE:
        return True
    if any(m.end() == s.starts[mn.start] - 1 for m in fw.speech.finditer(s.norm, 0, s.starts[mn.start])):
        return True
    gap = s.gap(mn.start)
    return gap is not None and bool(gap.strip())


# «أطلق»: fired, only when what is fired follows; not «أطلق سراحه» (released), «أطلق عليه» (named),
# «أطلقت حملة/برنامجا» (launched)
_AR_LAUNCH = frozenset({"اطلق", "اطلقت", "اطلقوا", "يطلق", "تطلق", "يطلقون", "واطلق", "واطلقت", "واطلقوا", "ويطلق",
                        "وتطلق", "فاطلق", "فاطلقت"})
_AR_FIRED = re.compile(r"(?:ال|ب|بال)?(?:صاروخ|صواريخ|قذيف|قذاي|نار|نيران|رصاص|طلقات|مسير|طاير|رشق|صلي|قنبل|هاون|"
                       r"غراد|كاتيوشا|مقذوف|زخ)")


# «استعاد»: retook, only with ground or control after it; not «استعاد عافيته», «استعادة الثقة»
_AR_RETOOK = frozenset({"استعاد", "استعادت", "استعادوا", "يستعيد", "تستعيد", "يستعيدون", "واستعاد", "واستعادت",
                        "واستعادوا"})
_AR_GROUND = re.compile(r"(?:ال)?(?:سيطر|مناطق|منطق|بلد|قري|مدين|حي|احياء|مواقع|موقع|تل|تلال|مطار|قاعد|معبر|"
                        r"حاجز|نقاط|نقط|بعض|كامل|جميع|اجزاء|السد|سد)")
# «المناطق التي سيطرت عليها النصرة»: the resumptive pronoun makes it a relative clause telling who
# holds a place, no attack
_AR_HELD = frozenset({"عليها", "عليه", "عليهم", "عليهما"})


def _ar_launch_of_nothing(s: Sentence, t: int, end: int) -> bool:
    """Whether an Arabic «أطلق» fires nothing (no weapon, fire or shot in the four words after it),
    «استعاد» retakes no ground, or «سيطر عليها» only tells who holds a place."""
    tok = s.toks[t]
    if tok in _AR_LAUNCH:
        return not any(_AR_FIRED.match(w) for w in s.toks[end:end + 4])
    if tok in _AR_RETOOK:
        return not any(_AR_GROUND.match(w) for w in s.toks[end:end + 3])
    return "سيطر" in tok and end < len(s.toks) and s.toks[end] in _AR_HELD


_AR_STRIKES = re.compile(r"(?:ال)?(?:غاره|غارات|غارتين|ضربه|ضربات|ضربتين|قصف|هجوم|هجمات|تفجير|تفجيرات|انفجار|قذيفه|"
                         r"قذايف|صاروخ|صواريخ|عبوه|مفخخه|عمليه|اعتداء)(?:ا)?")


def _ar_noun_subject(s: Sentence, fw: FrameWords, t: int) -> bool:
    """Whether an Arabic verb's subject is an attack noun shortly before it («ضربات جوية في ليبيا
    استهدفت تنظيم داعش», «تفجيرا انتحاريا استهدف»), no party between: the party after the verb is
    then its object."""
    named = {i for m in s.mentions if m.kind == "actor" for i in range(m.start, m.end)}
    for i in range(t - 1, max(t - 5, -1), -1):
        if i in named or s.toks[i] in _CLAUSE:
            return False
        if _AR_STRIKES.fullmatch(s.toks[i]):
            return True
    return False


def _ar_apart(s: Sentence, fw: FrameWords, mn: Mention, verb: int) -> bool:
    """Whether an Arabic party before a verb stands apart from it: the source after «بحسب», «وفقا ل»
    («وفقا للمرصد السوري , قصفت طائرات روسية»), or a comma between them."""
    lo = s.starts[max(mn.start - 3, 0)] if s.starts else 0
    hits = list(fw.according.finditer(s.norm, lo, s.starts[mn.start] if s.starts else 0))
    if hits and s.token_at(hits[-1].end() - 1) >= mn.start - 1:
        return True
    if not s.punct_aligned or verb >= len(s.toks):
        return False
    # the gaps from the party's last word to the verb (the words between hold no comma)
    return any("," in gap or "،" in gap for gap in s.gaps[mn.end:verb + 1])


_KE = normalize("که")
_PAUSES = frozenset(":;,–—")
_HEAD_PAUSES = frozenset(":–—")  # not "|": "#Iraq|i army" in tweets
_COMMA = frozenset(",،")


_DASH_TAIL = re.compile(r"\s[–—-]\s+([^:–—|]{2,60})$")


def _dash_tail(s: Sentence) -> int:
    """The first token of a headline's tail after a dash ("US warship attacked – Pentagon"); -1 if none."""
    if "–" not in s.original and "—" not in s.original and " - " not in s.original:
        return -1
    m = _DASH_TAIL.search(s.original.rstrip(" .…"))
    return len(s.toks) - len(tokens(normalize(m.group(1)))) if m else -1


def _pause(s: Sentence, i: int, pauses: frozenset[str] = _PAUSES) -> bool:
    """Whether a colon, comma or dash stands between token ``i - 1`` and token ``i``."""
    return any(ch in pauses for ch in _gap(s, i))


_COUNT_WORDS = frozenset({"the", "a", "an", "of", "dozens", "scores", "hundreds", "several", "many", "more", "than",
                          "over", "about", "nearly", "almost", "at", "least", "some", "two", "three", "four", "five",
                          "six", "seven", "eight", "nine", "ten"})


_PARTICLES = frozenset({"down", "out", "up", "off"})
_OBJECT_PREPOSITIONS = frozenset({"from", "against", "on", "at", "with", "over"})


def _first_conjunct(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]],
                    before: list[tuple[Mention, ActorRef]], t: int) -> tuple[list[tuple[Mention, ActorRef]], int]:
    """The parties that can be the subject of the verb at ``t`` and the verb they are the subject
    of: when the party before it is the object of a verb it is joined to ("Hamas terrorists invaded
    Israel and carried out a massacre"), the subject of that first verb, and that verb."""
    mn = before[-1][0]
    between = s.toks[mn.end:t]
    joined = (bool(between) and between[-1] == "and") or (not between and punctuated(s, t))
    if not joined or len(between) > 5 or mn.start == 0 or any(
            w.endswith("ed") or fw.attack_verb.fullmatch(w) or fw.speech.fullmatch(w) for w in between[:-1]):
        return before, t  # "... targeted US troops and fired": the troops' words may stand between
    verb = mn.start - 1
    # "killed 19 Iraqi soldiers and destroyed", "killed dozens of Iraqi troops and ...": past the count
    while verb > 0 and (s.toks[verb] in _COUNT_WORDS or s.toks[verb].isdigit()):
        verb -= 1
    if s.toks[verb] in _OBJECT_PREPOSITIONS:
        # "recaptured the district from IS and killed 75 militants": the party after a preposition is
        # the first verb's object too
        verb = next((v for v in range(verb - 1, max(verb - 6, -1), -1) if fw.attack_verb.fullmatch(s.toks[v]) or (
            s.toks[v].endswith(("ed", "ing")) and s.toks[v] not in _PASSIVE_LIKE)), verb)
    word = s.toks[verb]
    if word in _PARTICLES and verb > 0 and fw.attack_verb.fullmatch(" ".join(s.toks[verb - 1:verb + 1])):
        # "claimed to have shot down an Israeli drone and launched five attacks": the phrasal verb's own
        # subject launched them, not the drone's owner
        verb, word = verb - 1, s.toks[verb - 1] + " " + word
    if not (fw.attack_verb.fullmatch(word) or (word.endswith(("ed", "ing")) and word not in _PASSIVE_LIKE)):
        return before, t
    # "struck Hamas headquarters and killed ...", "a strike on Hamas, dismantling Hamas, killing ...": the
    # subject of the first verb, if it has one of its own (not itself an object)
    first = [(m, r) for m, r in ok if m.end <= verb and verb - m.end <= 5]
    if first and first[-1][0].start > 0 and s.toks[first[-1][0].start - 1] in ("on", "against", "at"):
        return [], verb
    return first, verb


def _object_of_verb(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], at: int, joined: bool = False) -> bool:
    """Whether the forces named at token ``at`` are the object of an attack verb before them
    ("militias targeted US troops and fired ...": the troops did not fire)."""
    named = {i for m, _ in ok for i in range(m.start, m.end)}
    i, reach = at - 1, 3
    while i >= 0 and at - i <= reach:
        if i in named or s.toks[i] in ("the", "a", "an", "its", "their"):
            i -= 1
        elif joined and s.toks[i] == "and" and i - 1 in named:
            # "struck Hezbollah and Syrian army targets": the second object joined to the first
            i, reach = i - 1, reach + 3
        else:
            break
    return i >= 0 and i < at - 0 and bool(fw.attack_verb.fullmatch(s.toks[i]))


# the words between a party and its attack noun besides the modifiers: "Hamas' brutal terrorist attacks"
_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my", "your"})
# what an attack hits, whose owner follows "of" ("barracks of the Iraqi army", "positions belonging to the regime")
_HIT_PLACES = frozenset({"barracks", "positions", "position", "headquarters", "base", "bases", "checkpoint",
                         "checkpoints", "convoy", "convoys", "vehicles", "vehicle", "humvee", "humvees", "tanks", "tank",
                         "camp", "camps", "posts", "post", "depot", "depots", "fortifications", "gatherings"})


def _owner_of_target(s: Sentence, mn: Mention) -> bool:
    """Whether the party at ``mn`` owns a target named before it: "barracks of the (Safavid) army",
    "a Humvee belonging to the army" (not "soldiers of the Caliphate", who act)."""
    for k in range(mn.start - 1, max(mn.start - 4, 0), -1):  # past an article and an epithet at most
        if s.toks[k] == "of":
            return s.toks[k - 1] in _HIT_PLACES
        if s.toks[k] == "to" and k >= 2 and s.toks[k - 1] == "belonging":
            return s.toks[k - 2] in _HIT_PLACES
    return False
_EPITHETS = frozenset({"brutal", "barbaric", "murderous", "heinous", "cowardly", "recent", "continued", "ongoing",
                       "repeated", "renewed", "terror", "terrorist", "october", "7", "7th"})
# adjectives before a word that make it a noun ("terror targets", "air strikes"); not a weapon, which
# can be the verb's subject ("Houthi missile hits containership")
_NOUN_BEFORE = frozenset({"terror", "terrorist", "military", "militia", "air", "suicide", "car", "cross", "border",
                          "retaliatory", "precision", "deadly", "fresh", "new", "latest", "naval", "ground", "failed",
                          "several", "multiple", "repeated", "dozens", "nuclear", "atomic", "hydrogen", "dirty",
                          "roadside", "main", "powerful"})
_OF = frozenset({"of", "with"})
# a preposition before a weapon's word and an attack's: "hit in drone attack", "killed after rocket
# strikes" (no subject stands between a preposition and its verb)
_PREPOSITIONS = frozenset({"in", "after", "during", "amid", "following", "since", "before", "from", "by"})
# verbs of taking ground: the party after their "from" holds it
_TAKEN_FROM = frozenset({"capture", "capturing", "liberate", "liberating", "retake", "retaking", "recapture", "recapturing",
                         "free", "freeing", "seize", "seizing", "clear", "clearing", "expel", "expelling", "drive",
                         "driving", "oust", "ousting", "wrest", "wresting", "reclaim", "reclaiming", "take", "taking"})
_NOUN_LIKE = frozenset({"targets", "target", "strikes", "strike", "attacks", "attack", "raids", "bombs", "bomb", "shells",
                        "hits", "launches"})


# prepositions that a verb never follows: the word after them is the noun
_PREP_BEFORE_NOUN = _PREPOSITIONS | frozenset({"about", "over", "despite", "upon", "against", "for", "on", "at", "into",
                                               "under", "without", "through", "near"})
# what a state "targets" that is no place or force: sanctions on programs, funds, trade
_NOT_KINETIC = frozenset({"program", "programs", "programme", "programmes", "finances", "financing", "funding", "funds",
                          "assets", "banks", "exports", "revenue", "revenues", "sanctions", "smuggling", "procurement",
                          "accounts", "companies", "firms", "officials", "individuals", "entities", "network", "networks"})
_TARGETS = frozenset({"targets", "target", "targeted", "targeting"})


def _not_kinetic(s: Sentence, end: int) -> bool:
    """Whether what a verb of targeting takes is no place or force: "US targets Iran missile, drone
    programs", "sanctions targeting Hamas financiers' networks", "targets Houthi funding" (a financial
    or diplomatic measure). Only where the sentence names no weapon fired at it: a "network" of tunnels
    can be struck."""
    window = s.toks[end:end + 5]
    return bool(_NOT_KINETIC.intersection(window)) and ("sanctions" in s.toks or not any(
        w in ("tunnel", "tunnels", "infrastructure", "site", "sites") for w in window))


# what is made, sold or stored of a weapon: "shells production", "strikes stockpile"
_SUPPLY = frozenset({"production", "supply", "supplies", "shortage", "shortages", "stockpile", "stockpiles", "stocks",
                     "output", "deliveries", "manufacturing", "factory", "factories", "plant", "sales", "exports"})


# words before a place's name that make the place's attack word a noun
_BEFORE_A_NOUN = frozenset({"about", "the", "a", "an", "of", "over", "for", "after", "since", "following", "in", "on"})


def _a_noun(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], t: int) -> bool:
    """Whether a verb form that is also a noun is the noun: after a modifier ("terror targets",
    "drone strikes") or after a party that is itself an attack's object ("struck Hezbollah targets")."""
    if s.toks[t] not in _NOUN_LIKE or t == 0:
        return False
    if s.toks[t - 1] in _NOUN_BEFORE or s.toks[t - 1] in _OF or s.toks[t - 1].isdigit():
        return True  # "terror targets", "failed launches", "550 launches": the noun
    if s.toks[t - 1] in _PREP_BEFORE_NOUN:
        return True  # "deeply concerned about attack on medics", "outrage over strikes": no verb after a preposition
    if t + 1 < len(s.toks) and s.toks[t + 1] in _SUPPLY:
        return True  # "US to quadruple shells production": the noun of what is made, no shelling
    if t >= 2 and s.toks[t - 1] in _MODIFIERS and (s.toks[t - 2] in _OF or s.toks[t - 2] in _DETERMINERS
                                                  or s.toks[t - 2] in _PREPOSITIONS or s.toks[t - 2].isdigit()):
        # "thousands of artillery shells", "with 50 mortar shells", "college hit in drone attack": the
        # weapon's noun, not "artillery shells the town"
        return True
    if any(m.kind == "place" and m.end == t for m in s.mentions) and (
            t + 1 == len(s.toks) or punctuated(s, t + 1) or s.toks[t + 1] in _NO_OBJECT):
        return True  # "destroyed Russian ship in Crimea attack": a place's attack with no object, the noun
    place = next((m for m in s.mentions if m.kind == "place" and m.end == t), None)
    if place is not None and place.start > 0 and s.toks[place.start - 1] in _BEFORE_A_NOUN:
        # "a statement about Damascus attacks targeting Shia militias": a capital's attacks, the noun (not
        # "about USA strike on ...": a state's own name says who struck)
        named = [(m, r) for m, r in ok if (m.start, m.end) == (place.start, place.end)]
        if named and all(_a_city(s, m, r) for m, r in named):
            return True
    owner = [m for m, _ in ok if m.end == t]
    return bool(owner) and _object_of_verb(s, fw, ok, owner[0].start, joined=True)


# what a party is "responsible for" or "behind" when it is an attack (not "terror activity", a region, funds)
_HARM = re.compile(r"(?<!\w)(?:atrocit\w*|aggression|bloodshed|deaths?|massacres?|violence|bombardment|attacks?|"
                   r"strikes?|airstrikes?|bombings?|shelling|rocket fire|launch|launches|"
                   r"killings?|murders?|kidnapping|abduction|infiltration|ambush|shootings?|explosions?|blasts?|"
                   r"raids?|invasion|assassinations?|killed|fired|launched|downing|hijacking|seizure)(?!\w)")


def _clause_end(s: Sentence, start: int, most: int) -> int:
    """The first token after ``start`` that follows punctuation, at most ``most`` tokens on."""
    for i in range(start + 1, min(start + most, len(s.toks))):
        if punctuated(s, i):
            return i
    return min(start + most, len(s.toks))
_INTRUSION = frozenset({"infiltrated", "infiltrates"})
_PASSIVE_LIKE = frozenset({"backed", "aligned", "affiliated", "linked", "based", "led", "supported", "allied"})


def _blocked(s: Sentence, fw: FrameWords, start_tok: int, anchor: int) -> bool:
    """Negation in the few words before an anchor ("did not strike"), modality or purpose a
    little further ("would respond double to any Israeli attacks", "a mission to counter
    Houthi attacks")."""
    lo = s.starts[max(start_tok, 0)] if s.starts else 0
    wide = s.starts[max(start_tok - 3, 0)] if s.starts else 0
    if fw.negation.search(s.norm, lo, anchor):
        return True
    # "Tzahiban planned and commanded the infiltration": a deed planned and done (not "planned to strike");
    # "the Iraqi Counter-Terrorism Service said Hezbollah carried out ...": a body's name, no purpose
    return any(not (m.group(0) == "planned" and s.norm.startswith(" and ", m.end()))
               and not (m.group(0) == "counter" and s.norm.startswith(" terror", m.end()))
               for m in fw.modality.finditer(s.norm, wide, anchor))


# "attacks on US bases in Iraq and Syria by ...": the words of a target phrase an attack noun's
# agent may stand behind; a participle ("bases used by"), a verb or a clause ends it
_TARGET_LINKS = frozenset({"on", "against", "at", "in", "near", "inside", "across", "along", "and", "the", "a", "an",
                           "its", "their", "of", "two", "three", "several", "us", "u", "s", "american", "israeli", "coalition",
                           "military", "bases", "base", "troops", "forces", "personnel", "positions", "posts", "sites",
                           "ships", "shipping", "vessels", "vessel", "ship", "tanker", "towns", "town", "villages",
                           "facilities", "installations", "interests", "assets", "targets",
                           "communities", "civilians", "soldiers", "outposts", "embassy", "northern", "southern",
                           "eastern", "western", "north", "south", "east", "west", "commercial", "merchant", "navy",
                           "warships", "warship", "red", "sea", "region"})


_PARTICIPLES = frozenset({"used", "run", "owned", "held", "operated", "controlled", "occupied", "manned", "built",
                          "belonging", "housing", "hosting", "linked", "associated", "affiliated", "backed",
                          # a reaction's agent ("a raid denounced by Damascus") is who reacts, not who raided
                          "condemned", "denounced", "slammed", "decried", "deplored", "criticised", "criticized",
                          "protested", "rejected", "welcomed", "praised", "hailed"})


def _own_participle(s: Sentence, i: int) -> bool:
    """Whether the word at token ``i`` is a participle with an agent of its own ("facilities used
    by ...", "a base run by ..."), not the attack's own verb ("the attack carried out by ...")."""
    return s.toks[i] in _PARTICIPLES


def _target_phrase_end(s: Sentence, end: int) -> int:
    """Where the "by" of an attack noun at ``end`` may stand when a target phrase follows it
    ("attacks on US bases in Iraq and Syria by Iranian-backed militia"): past the phrase's words and
    the places it names, at most ten words; ``end`` itself when no "on"/"against" opens one."""
    if end >= len(s.toks) or s.toks[end] not in ("on", "against"):
        return end
    places = {i for m in s.mentions if m.kind in ("place", "target") for i in range(m.start, m.end)}
    i = end
    while i < min(end + 10, len(s.toks)) and (s.toks[i] in _TARGET_LINKS or i in places or s.toks[i].isdigit()):
        i += 1
    return i + 1 if i < len(s.toks) and s.toks[i] == "by" else end


# a person an attacker is, after the adjective of his country ("carried out by Iraqi istishhadi")
_PERSONS = frozenset({"istishhadi", "inghimasi", "bomber", "suicide", "brother", "mujahid", "martyr", "national",
                      "nationals", "citizen", "citizens", "man", "woman", "youth", "teen", "teenager", "attacker"})
# what may follow a past form with no object: the words of _NO_OBJECT, a place's "at"/"on", a link
_NOTHING_HIT = _NO_OBJECT | {"at", "on", "https", "http"}


def _nationality(s: Sentence, fw: FrameWords, mn: Mention) -> bool:
    """A state's adjective before a person ("by Iraqi istishhadi", "by a Saudi bomber"): where the
    attacker comes from, not the state as the doer."""
    return (mn.end == mn.start + 1 and s.toks[mn.start] in fw.demonyms and mn.end < len(s.toks)
            and s.toks[mn.end] in _PERSONS)


# what a party loses, named right after it: "Iraqi forces hummer destroyed"
_MATERIEL = frozenset({"hummer", "hummers", "humvee", "humvees", "tank", "tanks", "vehicle", "vehicles", "bulldozer",
                       "bulldozers", "truck", "trucks", "bmp", "apc", "technical", "helicopter", "drone", "jet", "plane",
                       "boat", "checkpoint", "barracks", "headquarters"})


def _owned_participle(s: Sentence, ok: list[tuple[Mention, ActorRef]], t: int, end: int) -> bool:
    """"9 Iraqi hummers of Iraqi Army destroyed": a party after "of" right before a past form with
    no object after it is the owner of what was hit ("members of Hezbollah attacked the patrol" has
    its object and stays Hezbollah's deed)."""
    after_nothing = end >= len(s.toks) or punctuated(s, end) or s.toks[end] in _NOTHING_HIT
    if t > 0 and s.toks[t - 1] in _MATERIEL and after_nothing and any(mn.end == t - 1 for mn, _ in ok):
        return True  # "Iraqi forces hummer destroyed & 3 soldiers killed": the party's vehicle, what it lost
    before = [mn for mn, _ in ok if mn.end == t]
    if not before or before[0].start == 0:
        return False
    first = before[0].start
    if s.toks[first - 1] == "the" and first >= 2:
        first -= 1
    return s.toks[first - 1] == "of" and (end >= len(s.toks) or punctuated(s, end) or s.toks[end] in _NOTHING_HIT)


# «عملية السلام», «العملية السياسية», «عملية الإجلاء»: the processes «عملية» names that are no military operation
_AR_PROCESSES = frozenset({"السلام", "سلام", "السياسيه", "سياسيه", "التسويه", "تسويه", "الانتقال", "الانتقاليه",
                           "انتقاليه", "الانتخابيه", "انتخابيه", "التفاوض", "التفاوضيه", "الدستوريه", "الاصلاح",
                           "المصالحه", "الاعمار", "الاجلاء", "اجلاء", "تبادل", "التبادل", "الاقتراع", "التصويت",
                           "جراحيه", "الجراحيه", "التسجيل", "الاحصاء", "الانسحاب", "السحب", "التسليم", "الاغاثه"})

# «مقاتليه», «عناصرها»: a party's own fighters as the subject a complementiser puts before its verb
_AR_OWN_FIGHTERS = frozenset({"مقاتليه", "مقاتليها", "مقاتليهم", "مقاتلينا", "عناصره", "عناصرها", "عناصرهم", "عناصرنا",
                              "مجاهديه", "مجاهديها", "مجاهدينا", "جنوده", "جنودها", "جنودنا", "قواته", "قواتها", "قواتنا"})
# what follows «قتلوا» read as the passive: where, when, how or by whom they were killed
# prepositions that take a verbal noun, never a verb: «إثر قصف», «جراء قصف», «عقب هجوم», «بعد استهداف»
_AR_NOUN_AFTER = frozenset({"اثر", "جراء", "عقب", "بعد", "خلال", "نتيجه", "بسبب", "اثناء", "اعقاب", "لدي"})
_AR_PASSIVE_NEXT = frozenset({"في", "خلال", "جراء", "اثر", "علي", "بعد", "قبل", "اثناء", "عندما", "حين", "بنيران",
                              "بقصف", "بغاره", "بغارات", "بانفجار", "برصاص", "وجرح", "واصيب", "واصيبوا", "او", "من",
                              "منذ", "داخل", "قرب", "بالقرب", "عند", "اليوم", "امس"})


# the forces named without an owner («الغارات التي نفذتها القوات»): not the speaker's own for being the agent
_AR_BARE_FORCES = frozenset({"القوات", "الجيش", "الطيران", "الطايرات", "المقاتلات", "المدفعيه", "الوحدات", "المسيرات",
                             "مقاتلو", "مقاتلي", "مجاهدو", "مجاهدي", "الطيران الحربي", "سلاح الجو", "انه", "انها",
                             "بانه", "بانها"})
# «أفاد التنظيم أنه قتل 12 جنديا», «قال الجيش إنه قتل عشرات المسلحين»: the speaker's pronoun after «أن» before
# «قتل» with fighters as its object (after a count at most) is the one who killed; «أنه قتل في الغارة», «أنه قتل 5
# أشخاص» stay the passive (he was killed; five people were killed)
_AR_SPEAKER_PRONOUNS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم"})
_AR_FIGHTERS_KILLED = frozenset({"جنديا", "جنديين", "جنود", "عسكريا", "عسكريين", "مسلحا", "مسلحين", "مسلحي", "ارهابيا",
                                 "ارهابيين", "ارهابيي", "عنصرا", "عنصرين", "عناصر", "مقاتلا", "مقاتلين", "مقاتلي",
                                 "قياديا", "قياديين", "قيادات", "انتحاريا", "انتحاريين", "متمردا", "متمردين",
                                 "جهاديا", "جهاديين", "داعشيا", "دواعش", "عشرات", "العشرات"})
_AR_COUNTS = frozenset({"اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عده", "نحو",
                        "حوالي", "اكثر", "من"})


def _pronoun_killed_fighters(s: Sentence, fw: FrameWords, t: int, end: int) -> bool:
    """«أفادت داعش أنها قتلت 10 جنود عراقيين»: the speaker's own deed, the fighters its object."""
    if fw.lang != "ar" or t == 0 or s.toks[t - 1] not in _AR_SPEAKER_PRONOUNS or punctuated(s, end):
        return False
    # a party's speech verb before the pronoun (not «يبدو أنه», «رغم أنه», nor a verb lost in a word glued to
    # the one before: «... إيرانأفادت داعش أنها»)
    if not any(fw.speech.match(s.norm, s.starts[k]) for k in range(max(t - 8, 0), t)):
        return False
    following = s.toks[end:end + 3]
    while following and (following[0].isdigit() or following[0] in _AR_COUNTS):
        following = following[1:]
    return bool(following) and following[0] in _AR_FIGHTERS_KILLED


def _own_fighters_killed(s: Sentence, fw: FrameWords, t: int, end: int) -> bool:
    """«قال التنظيم إن مقاتليه قتلوا جنديين»: after a party's own fighters, «قتلوا» with an object
    after it is their deed («إن عناصره قتلوا في غارة» stays the passive: its men were killed)."""
    if fw.lang != "ar" or t == 0 or s.toks[t - 1] not in _AR_OWN_FIGHTERS or end >= len(s.toks):
        return False
    return s.toks[end] not in _AR_PASSIVE_NEXT and not punctuated(s, end)


# what may stand between a force and its verb: its vessel or craft, an adverb, where it was
_PROGRESSIVE_AUX = frozenset({"is", "are", "was", "were", "be", "been", "have", "has", "had"})
_FORCE_HEADS = frozenset({"destroyer", "destroyers", "warship", "warships", "frigate", "frigates", "cruiser", "ship",
                          "vessel", "carrier", "submarine", "gunship", "gunships", "also", "successfully", "then", "later",
                          "in", "over", "off", "near", "the",
                          # "our troops on the ground, in the air and at sea continued to strike"
                          "on", "at", "and", "ground", "land", "air", "sea"})


def _between_subject(s: Sentence, t: int) -> int:
    """How many words before the verb at ``t`` are the force's own head, an adverb or where it
    was ("destroyer in the Red Sea also"): the own forces named before them still did the deed."""
    places = {i for m in s.mentions if m.kind == "place" for i in range(m.start, m.end)}
    # and the progressive's auxiliaries: "the troops have been targeting ..."
    heads = _FORCE_HEADS | _PROGRESSIVE_AUX if s.toks[t].endswith("ing") else _FORCE_HEADS
    k = t - 1
    while k >= 0 and t - k <= 8 and (s.toks[k] in heads or k in places):
        k -= 1
    return t - 1 - k


# a verb of striking that needs no object after a force ("the IDF struck in Syria", "IDF helicopters are
# currently striking in Lebanese territory"), and the words that may stand between them
_STRIKING = frozenset({"struck", "strikes", "strike", "striking", "fired", "fires", "firing"})
_ADVERBS = frozenset({"currently", "now", "also", "again", "then"})
_PROGRESSIVE = _ADVERBS | {"is", "are", "was", "were"}


def _striking_in(s: Sentence, fw: FrameWords, t: int) -> bool:
    """Whether the verb of striking at ``t``, with no object after it, is the active verb of the
    force or party right before it ("IDF artillery struck in Lebanon"), not a headline's passive
    ("Hezbollah targets struck in Lebanon") nor "were struck in"."""
    if t == 0 or s.toks[t] not in _STRIKING:
        return False
    skip = _PROGRESSIVE if s.toks[t].endswith("ing") else _ADVERBS
    k = t - 1
    while k > 0 and s.toks[k] in skip:
        k -= 1
    return bool(fw.own_forces.fullmatch(s.toks[k])) or any(
        m.kind == "actor" and m.end == k + 1 for m in s.mentions)


_FROM_WHERE = frozenset({"from", "toward", "towards", "into", "at", "on", "in", "near", "over", "across"})
_HEDGES = frozenset({"most", "likely", "probably", "reportedly", "apparently", "allegedly", "also", "then"})


def _launched_at_own(s: Sentence, ok: list[tuple[Mention, ActorRef]], own: ActorRef, end: int) -> bool:
    """Whether a passive launch on an army's own channel went toward the army's side ("anti-tank
    missiles were launched toward an IDF post", "... toward Kibbutz Manara in northern Israel"): the
    enemy's fire, not the army's deed (not "shells were fired toward the sources of the launches")."""
    if s.toks[end - 1] not in ("launched", "fired"):
        return False
    at = next((i for i in range(end, min(end + 7, len(s.toks))) if s.toks[i] in _TOWARD), None)
    if at is None:
        return False
    return any(at < m.start <= at + 5 and same_party(r, own) for m, r in ok) or bool(
        _HOME.intersection(s.toks[at + 1:at + 4]))


# "brigades for operational activities", "during IDF activity in the area, a soldier was injured": what
# the forces were about when something else happened, no attack they report
_CIRCUMSTANCE = frozenset({"for", "during"})
_TOWARD = frozenset({"toward", "towards", "at", "into"})
# the home front a launch is aimed at: "toward Kibbutz Manara", "at the community of Shtula"
_HOME = frozenset({"kibbutz", "moshav", "community", "communities", "residents", "civilians"})


def _passive_before(s: Sentence, t: int) -> bool:
    """Whether an auxiliary of the passive stands before the verb at ``t``, past hedges ("was most
    likely launched", "were reportedly fired")."""
    k = t - 1
    while k > 0 and s.toks[k] in _HEDGES:
        k -= 1
    return k >= 0 and _auxiliary(s, k)


def _auxiliary(s: Sentence, k: int) -> bool:
    """Whether the word at token ``k`` is an auxiliary of the passive: not "IS", the group's name
    ("ISIS says IS attacked a mine sweeper")."""
    return s.toks[k] in _PASSIVE and not any(m.kind == "actor" and m.start <= k < m.end for m in s.mentions)


def _agent_past_where(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], end: int) -> ActorRef | bool:
    """The agent of a passive after the phrase of where ("the rockets were fired from Lebanon by
    Hezbollah", "launched toward Kiryat Shmona by the Hezbollah terrorist organization"); False when
    none (not past a comma, a clause or a second verb)."""
    if end >= len(s.toks) or s.toks[end] not in _FROM_WHERE:
        return False
    for k in range(end + 1, min(end + 7, len(s.toks))):
        if punctuated(s, k) or s.toks[k] in _RELATIVE or fw.attack_verb.fullmatch(s.toks[k]) or _own_participle(s, k):
            return False  # nor "launched from depots used by the Iraqi army": the depots' users
        if s.toks[k] == "by":
            found = _head([(mn, r) for mn, r in ok if k < mn.start <= k + 3], s)
            return found[0] if found else False
    return False


# the verbs of finding an enemy before striking it ("identified a terrorist cell and struck it")
_FOUND = frozenset({"identified", "located", "spotted", "detected", "tracked", "found", "encountered", "surrounded"})


def _finder(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], t: int) -> ActorRef | bool | None:
    """The subject of a verb of finding that the attack verb at ``t`` is joined to by "and" ("IDF
    soldiers identified a terrorist cell near the hospital and struck it", "the troops located and
    destroyed a tunnel shaft"): a party, None for the speaker's own forces, False when none."""
    if t < 2 or s.toks[t - 1] != "and":
        return False
    v = next((i for i in range(t - 2, max(t - 16, -1), -1) if s.toks[i] in _FOUND or punctuated(s, i + 1)
              or s.toks[i] in _RELATIVE), None)
    if v is None or s.toks[v] not in _FOUND or punctuated(s, v + 1):
        return False
    j = v
    while j > 0 and s.toks[j - 1] in _AUXILIARIES:
        j -= 1  # "IDF soldiers have identified"
    named = [r for mn, r in ok if mn.end == j]
    if named:
        return named[-1]
    if j > 0 and fw.own_forces.fullmatch(s.toks[j - 1]):
        owner = [r for mn, r in ok if mn.end == j - 1]  # "IDF soldiers", "Peshmerga forces"
        return owner[-1] if owner else None
    return False


def events_of(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], own: ActorRef | None = None,
            ) -> list[tuple[int, int, ActorRef | None, bool]]:
    """Attacks the sentence names with their doer: a party, None for the speaker's own forces
    ("our aircraft struck", "troops eliminated"); attacks with no doer named are left out. The
    flag marks an infinitive ("used by Hamas to conduct attacks"): a purpose, not a report."""
    arabic = fw.lang in ("ar", "fa")
    # a war monitor counts and reports, it never attacks: "According to the SOHR, JAN carried out
    # the massacre" (an unknown name between) is no deed of the monitor's
    ok = [(mn, r) for mn, r in ok if r.kind != "monitor"]
    # nor is a state whose adjective says where an attacker comes from ("by Iraqi istishhadi")
    ok = [(mn, r) for mn, r in ok if not (r.kind == "state" and _nationality(s, fw, mn))]
    found: list[tuple[int, int, ActorRef | None, bool]] = []
    for m in fw.attack_verb.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        if _blocked(s, fw, t - 5, m.start()):
            continue
        if fw.lang == "ar" and _ar_launch_of_nothing(s, t, end):
            continue
        if not arabic and _platform(s, end):
            continue  # "two carrier strike groups", "an attack submarine": no verb
        if s.toks[t] in _NEEDS_ATTACK and not fw.attack_noun.search(" ".join(s.toks[end:end + 6])):
            continue  # "it had ordered staff to leave": an order, a plan, no attack
        if s.toks[t] in _CARRY and not _carries_attack(s, fw, t, end):
            continue  # "conducted a situational assessment", "carried out an emergency landing": no attack done
        if not arabic and _a_noun(s, fw, ok, t):
            continue  # "struck Hezbollah terror targets": a noun, not the verb "targets"
        if not arabic and s.toks[t] in _TARGETS and _not_kinetic(s, end):
            continue  # "US targets Iran missile, drone programs": sanctions, no attack
        if not arabic and s.toks[t].endswith("ing") and punctuated(s, t):
            continue  # "..., striking the operatives": a participle clause, no doer of its own
        if s.toks[t] in ("responsible", "behind") and not _HARM.search(" ".join(s.toks[end:_clause_end(s, end, 6)])):
            continue  # "responsible for setting up blockades", "for the Hajir region": no attack
        if not arabic and s.toks[t].endswith("ed") and _owned_participle(s, ok, t, end):
            continue  # "9 hummers of Iraqi Army destroyed": what the party lost, not its deed
        doer: ActorRef | bool | None = False  # False: none found
        agent = _agent_at(s, fw, end, ok)
        if agent:
            after = _head([(mn, r) for mn, r in ok if end + agent - 1 < mn.start <= end + agent + 3], s)
            if after:
                doer = after[0]
            elif not arabic and not (end + 1 < len(s.toks) and s.toks[end + 1] in _BY_MANNER):
                continue  # "trucks of Iraqi forces destroyed by an explosive device": a participle, no doer named
        elif not arabic and _passive_before(s, t):
            doer = _agent_past_where(s, fw, ok, end)
        if doer is False and s.toks[t] in _HURT_BY:
            continue  # "two soldiers were injured in the battle": only "injured by X" names a doer
        if doer is False and s.toks[t] in _TAKEN and _passive_before(s, t):
            continue  # "the hostage was murdered in captivity": no doer named, and no deed of the army's
        verb = s.toks[t][1:] if s.toks[t][:1] in ("و", "ف") and s.toks[t][1:] in fw.passive_alike else s.toks[t]
        if doer is False and verb in fw.passive_alike and fw.lang == "ar":
            # «قتل ثلاثة مدنيين على يد عناصر التنظيم»: the agent after the count of the dead
            later = next((i for i in range(end + 1, min(end + 4, len(s.toks))) if _agent_at(s, fw, i)
                          and fw.agents[0] != ("by",)), None)
            if later is not None and agent == 0:
                size = _agent_at(s, fw, later)
                found_after = _head([(mn, r) for mn, r in ok if later + size - 1 < mn.start <= later + size + 3], s)
                if found_after:
                    doer = found_after[0]
        if doer is False and s.toks[t] in fw.passive_alike and not (t > 0 and (
                s.toks[t - 1] == "من" or (s.toks[t - 1] in fw.own_after and not s.toks[t - 1].startswith("ال")
                                          and s.toks[t - 1].endswith(("ه", "ها", "نا")))
                or _own_fighters_killed(s, fw, t, end) or _pronoun_killed_fighters(s, fw, t, end))):
            # «جنود قتلوا في ...»: read as the passive, its doer only an agent («على أيدي»); not the verbal
            # noun after «تمكنت من» nor after the speaker's own forces («وحداته قتلت»)
            continue
        # not "boats that had been attacking a ship", "were firing": the progressive is active
        passive = t > 0 and _auxiliary(s, t - 1) and s.toks[t] not in ("behind", "responsible") and not (
            not arabic and s.toks[t].endswith("ing"))
        if not passive and own is not None and not arabic:
            passive = _own_headline_participle(s, fw, t, end)
        if doer is False and passive and not arabic:
            # "Hezbollah launch posts from which rockets were fired": the party the relative
            # "from which" points back to launched them
            rel = next((i for i in range(max(t - 8, 1), t) if s.toks[i - 1] == "from" and s.toks[i] in ("which", "where")),
                       None)
            if rel is not None:
                owners = [r for mn, r in ok if mn.end <= rel - 1 and rel - 1 - mn.end <= 10]
                if owners:
                    found.append((t, end, owners[-1], False))
                    continue
        if doer is False and passive:
            # "Hezbollah compounds were struck": the party named is the target; on an army's own
            # channel the unnamed doer is the army ("terrorists were eliminated")
            if own is not None and (s.toks[t] not in ("killed", "kills", "kill") or _ENEMY.intersection(s.toks[max(t - 4, 0):t])) \
                    and not _launched_at_own(s, ok, own, end) and not _false_alarm(s, t):
                # "four terrorists were killed" (not "two soldiers were killed": the army's own dead)
                found.append((t, end, None, False))
            continue
        if doer is False and t > 0 and s.toks[t - 1] in _DETERMINERS and not (
                s.toks[t - 1] == "that" and s.toks[t].endswith("ed")):
            continue  # "an Israeli strike": a noun, read below (not "a cell that launched")
        if doer is False and arabic and t > 0 and s.toks[t - 1] in _AR_NOUN_AFTER:
            continue  # «قتلى من قوات النظام إثر قصف روسي»: a verbal noun after its preposition, read below
        if doer is False and not arabic and t > 0 and s.toks[t - 1] in _BEFORE_ADJECTIVE and s.toks[t].endswith("ed"):
            continue  # "chanting aboard hijacked ship", "near destroyed tanks": an adjective, no deed (not "footage of
            # destroyed tanks", a relay of its own deed)
        if doer is False and s.toks[t] in ("shot", "downed") and t > 0 and s.toks[t - 1] in _AIRCRAFT:
            continue  # "Iraqi reconnaissance plane shot down near Fallujah": a headline's passive
        if doer is False and s.toks[t] in _HURT and any(w.isdigit() for w in s.toks[max(t - 4 - _suffixes(s, t), 0):t]):
            continue  # "25 Iraqi soldiers killed": a count of the dead, not who killed
        if doer is False and not arabic and s.toks[t] in _HURT and _pause(s, end, _COMMA):
            continue  # "Lebanese soldier killed, 16 others wounded": a headline's toll, no one kills
        if doer is False and not arabic and end < len(s.toks) and s.toks[t].endswith("ed") and (
                _pause(s, end, _HEAD_PAUSES) or end == _dash_tail(s)
                or (s.toks[end].isdigit() and s.toks[end + 1:end + 2] == ["times"])):
            continue  # "US warship attacked – Pentagon", "troops attacked 13 times": no object, a participle
        if doer is False and not arabic and ((end < len(s.toks) and s.toks[end] in _NO_OBJECT and not (
                s.toks[end - 1] == "control" and s.toks[end] == "of") and not _striking_in(s, fw, t)) or (
                end >= len(s.toks) and s.toks[t] in ("killed", "hit", "struck", "targeted", "destroyed"))):
            continue  # "fighters killed in clashes", "Hezbollah terror targets in Lebanon": no active verb
        if doer is False and fw.lang == "ar":
            doer = _coordinated_subject(s, fw, ok, t)
        if doer is False and fw.lang == "fa":
            # subject-object-verb: the party before «را» is the object; the subject opens the clause
            before = [(mn, r) for mn, r in ok if mn.end <= t and t - mn.end <= 14 and not _fa_modifier(s, fw, mn)
                      and not _fa_attacked(s, mn) and (_RA not in s.toks[mn.end:t] or _fa_opens_clause(s, fw, mn))]
            if before:
                doer = before[0][1]
        elif doer is False:
            # Arabic puts the subject right before the verb or after it («القوات ... بعبوة ناسفة
            # استهدفت»: the charge targeted, not the forces named four words before)
            reach = 1 if arabic else (8 if _with_means(s, t) else 5)
            before = [(mn, r) for mn, r in ok if 0 <= t - mn.end <= reach and mn.end <= t
                      and not (not arabic and mn.start > 0 and s.toks[mn.start - 1] in _POSSESSIVES)
                      # "the strike on Kataib Hezbollah positions killed three": the party hit, not who killed;
                      # "drones crossed into Egyptian airspace and bombed": where they went, not who bombed
                      and not (not arabic and (_ON_TARGET | _INTO).intersection(s.toks[max(mn.start - 2, 0):mn.start]))
                      # "burn down barracks of the Iraqi army and destroy two Humvees": the owner of what is hit
                      and not (not arabic and _owner_of_target(s, mn))]
            if before and not arabic and before[-1][0].start and s.toks[before[-1][0].start - 1] == "from" and any(
                    p.kind == "place" and p.start == before[-1][0].start for p in s.mentions):
                before = before[:-1]  # "fire from Lebanon launched", "gunmen from Syria fired": where from, not who
            elif before and not arabic and named_as_place(s, before[-1][0]):
                before = []  # "US troops in Iraq, Syria attacked 13 times": a place, and no doer named
            elif before and not arabic and opposed(s, before[-1][0]):
                before = []  # "the coalition against ISIS attacks ...": ISIS is fought, not the doer
            if before and not arabic:
                before, t_subject = _first_conjunct(s, fw, ok, before, t)
            else:
                t_subject = t
            if before and _subject_of(s, fw, before[-1][0].end, t_subject) and not (
                    arabic and _ar_apart(s, fw, before[-1][0], t)) and not any(
                    _pause(s, i, _HEAD_PAUSES) and not any(fw.speech.fullmatch(w) or fw.claim_verb.fullmatch(w)
                                                           for w in s.toks[before[-1][0].end:i])
                    for i in range(before[-1][0].end, t + 1)):
                # not "Syria: drone attack kills 80" nor "Syria war: drone attack ...": the head before a colon
                doer = before[-1][1]
        if doer is False and fw.lang == "ar" and t > 0 and fw.own_forces.fullmatch(s.toks[t - 1]):
            doer = None  # «أن مقاتليها استهدفوا دبابة إسرائيلية»: the own forces right before the verb did it
        if doer is False and arabic and fw.lang != "fa" and not _ar_noun_subject(s, fw, t):
            after = _head([(mn, r) for mn, r in ok if end <= mn.start <= end + 2 and not _ar_target(s, fw, mn)
                           and not _ar_adjective_of_object(s, fw, mn, end)])
            if after:
                doer = after[0]
        if doer is False and fw.own_after and not s.toks[t].endswith("وا") and (
                " ".join(s.toks[end:end + 2]) in fw.own_after or (end < len(s.toks) and s.toks[end] in fw.own_after)):
            doer = None  # «أغار سلاح الجو على هدف»: the own forces after a verb in the singular did it
        if doer is False:
            # "a Navy destroyer in the Red Sea also took down ...": past the force's vessel, where it was, an adverb
            # "troops continue to strike": what stands between is counted from "continue"
            base = t - 2 if t > 1 and s.toks[t - 1] == "to" and s.toks[t - 2] in _UNDER_WAY else t
            extra = 0 if arabic else _between_subject(s, base)
            lo = s.starts[max(base - 3 - extra, 0)] if s.starts else 0
            owns = list(fw.own_forces.finditer(s.norm, lo, m.start()))
            reach = extra + (t - base) + 2
            if owns and s.token_at(owns[-1].end() - 1) >= t - reach and not _object_of_verb(
                    s, fw, ok, s.token_at(owns[-1].start())):
                doer = None
        if doer is False and not arabic:
            doer = _finder(s, fw, ok, t)
        if doer is None and s.toks[t] in _INTRUSION:
            continue  # "a hostile aircraft infiltrated", "we infiltrated a rally": only a party named intrudes
        if doer is not False:
            found.append((t, end, doer if isinstance(doer, ActorRef) else None, _purpose(s, t)))
    for m in fw.attack_noun.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        if _blocked(s, fw, t - 4, m.start()):
            continue
        if fw.lang == "ar" and end < len(s.toks) and s.toks[end] in _AR_PROCESSES and s.toks[end - 1].endswith("عمليه"):
            continue  # «المنسق الخاص للأمم المتحدة لعملية السلام»: the peace process, no operation of the UN's
        if not arabic and _platform(s, end):
            continue  # "an attack submarine", "F-35 strike fighters": no attack
        # not "Syria: drone attack kills 80" (the head that speaks, a colon before the noun)
        adjective = [r for mn, r in ok if (mn.end == t or (t - 3 <= mn.end < t and all(
            w in _MODIFIERS or w in _EPITHETS for w in s.toks[mn.end:t]))) and not _pause(s, mn.end)
            # not "its Syria strikes", "their Iraq raids": after a possessive the name says where
            and not (not arabic and mn.start > 0 and s.toks[mn.start - 1] in _POSSESSIVES)
            # nor "the Damascus attacks", "the Kabul bombing": a capital's name right before the noun is its city
            and not (not arabic and mn.end == t and _a_city(s, mn, r))]
        # Persian puts the agent between the noun's phrase and its verb: «حمله به پایگاه عین الاسد توسط Y
        # انجام شد»; not past a clause or an object of its own
        reach = end + 4 if fw.lang != "fa" else next(
            (i for i in range(end, min(end + 9, len(s.toks))) if s.toks[i] in (_RA, _KE)), min(end + 9, len(s.toks)))
        if fw.lang == "en":
            reach = max(reach, _target_phrase_end(s, end))
        by_at = next((i for i in range(end, min(reach, len(s.toks))) if _agent_at(s, fw, i, ok)), None)
        if by_at is not None and not arabic and any(_own_participle(s, i) for i in range(end, by_at)):
            by_at = None  # "strikes against facilities used by the IRGC": the facilities' users, not the strikes' doer
        if by_at is not None and s.toks[by_at] == "from" and not _TAKEN_FROM.isdisjoint(s.toks[end:by_at]):
            by_at = None  # "an operation to capture Sirte from ISIS": the party the town is taken from, not the doer
        size = _agent_at(s, fw, by_at, ok) if by_at is not None else 0
        by = _head([(mn, r) for mn, r in ok if by_at + size - 1 < mn.start <= by_at + size + 3
                    # "martyrdom operation by an Iraqi ansari on a PKK convoy": the party after "on" was hit
                    and not _ON_TARGET.intersection(s.toks[by_at + size:mn.start])
                    and not (fw.lang == "ar" and mn.start > by_at + size + 1 and (
                        (_ar_target(s, fw, mn) and not _ar_member(s, mn))
                        or any(w in _TOWARDS for w in s.toks[by_at + size:mn.start])))],
                   s) if by_at is not None else []
        # «غارة التحالف», «هجوم لداعش»; not «عملية ضد القوات الأميركية» (the target)
        # and not «استهداف رتل أمريكي» (an adjective after another noun qualifies that noun)
        # «غارة جوية أمريكية», «ضربات جوية للتحالف»: past the noun's own adjectives
        near = end
        while arabic and near < min(end + 2, len(s.toks)) and s.toks[near] in fw.manner:
            near += 1
        after = [r for mn, r in ok if mn.start == near or (
            near == end and mn.start == end + 1 and s.toks[end] not in _TOWARDS
            # «قصف الطائرات الروسية»: a state's adjective after the forces' noun (not «استهداف رتل أمريكي»)
            and (mn.alias not in fw.demonyms or s.toks[end] in fw.doer_nouns)
            and s.toks[end] not in fw.target_nouns  # not «قصف مواقع النظام»: the party whose positions were hit
            and not fw.according.fullmatch(s.toks[end]))  # nor «هجوم , بحسب المرصد»: the one who reports it
            ] if arabic else []
        doers = by or adjective or after
        if doers and ((own is None and s.toks[t] in ("activity", "activities")) or (
                own is not None and same_party(doers[0], own))) and not _CIRCUMSTANCE.isdisjoint(s.toks[max(t - 4, 0):t]):
            # "during routine IDF activity near Tubas, a device detonated": no attack of its own told (in the
            # channel's voice, or under a head that names its speaker, "IDF: ... during IDF activity")
            continue
        if doers:
            found.append((t, end, doers[0], False))
        elif fw.lang == "ar" and by_at is not None and by_at + size < len(s.toks) and fw.own_forces.fullmatch(
                s.toks[by_at + size]) and s.toks[by_at + size] not in _AR_BARE_FORCES:
            # «بعد غارة نفذتها طائراتها», «الغارات التي شنتها مقاتلاتنا»: the speaker's own forces the agent
            found.append((t, end, None, False))
        elif own is not None and t > 0 and s.toks[t - 1] not in _VICTIM and not fw.negation.search(s.norm) and (
                _CIRCUMSTANCE.isdisjoint(s.toks[max(t - 3, 0):t])) and not _HURT.intersection(s.toks[max(t - 6, 0):t]) and (
                any(same_party(r, own) for mn, r in ok if mn.end <= t and t - mn.end <= 6 and mn.alias not in fw.demonyms)
                or fw.own_forces.search(s.norm, s.starts[max(t - 6, 0)], m.start())):
            # "IDF troops are continuing the operation in ...": not "killed in a drone strike",
            # "came under fire", "two soldiers were killed during operational activity", "calling up
            # brigades for operational activities"
            found.append((t, end, None, False))
    return sorted(found, key=lambda f: f[0])
