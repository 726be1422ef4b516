"""Stage 2b: the structures around the wording, as cues for the statements stage.

- Reported speech: a party reports ("X said", "X says", "X claimed", "according to X", "X: ...",
  a headline ending "– X") an attack whose doer the sentence names ("Y struck", "an Israeli
  strike", "the attack by Y", "was fired by Y", «على يد Y», "launched from <group>"): X's claim
  when X is Y (or X's own forces: "our aircraft", "troops"), X's blame of Y otherwise. With two
  speech verbs, the one nearest before the attack governs it; a party behind another speaker
  ("..., experts say") or inside a phrase of place governs none. A pronoun reporter ("it said")
  is the party of the sentence before ("the group said": the one group the message names); a
  state's body without its state ("the ministry said", "state media reported") speaks for the
  state the sentence names that did not do the attack.
- A state's or army's own channel announcing its own action needs no "said": the channel speaks.
- A relayed communiqué (Amaq, "soldiers of the Caliphate", "#IS statement:", "<group> official
  statement:") reporting an attack is the group's claim.
- "X claims/claimed/claiming ... <attack>", "<attack> claimed by X": X's claim.
An outlet's own voice ("An Israeli strike killed 10") makes no statement. Negation and modality
in the words before the attack ("none of our forces took part", "will strike") cancel it.
Word lists: ``data/frames.toml``. Pure: no I/O after loading.
"""

from __future__ import annotations

import re

from classifiers.cues import Cue, a_name
from classifiers.denials import denied_span
from classifiers.events import comma_before, events_of, named_as_place, punctuated, same_party
from classifiers.figures import NUM
from classifiers.framewords import FrameWords, title_words, words_for
from classifiers.gazetteer import Gazetteer, Mention
from classifiers.normalize import normalize, tokens
from classifiers.rules import Rule
from classifiers.sentences import Sentence
from classifiers.speakers import (
    ACCORDING,
    AR_OFFICE_LINKS,
    AR_RELAY,
    AR_RIGHTS,
    COMPLEMENTISERS,
    SAID,
    after_speech,
    clause_initial,
    governs,
    headline_speaker,
    inverted,
    opening_party,
    parties,
    relayed,
    report_noun,
    reported_after,
    tail_speaker,
    verb_first,
)
from classifiers.statements import ARMED, STATE, Call
from classifiers.types import ActorRef
from classifiers.unnamed import reported_description

_NEVER = re.compile("(?!)")
# the count before a toll's noun: "the strikes claimed at least one life", "claimed 10 lives"
_COUNT = re.compile(rf"{NUM} (?:more )?")
# "Hezbollah: ...", "..., sources say: ...": a colon that is not a link's or a clock's
_RETWEET = re.compile(r"^(?:RT )?@\w+:\s*|https?://\S+")
# (written to open on the colon, which it then looks behind: the regex engine skips to the colons)
_HEAD_COLON = re.compile(r"[:：](?<![\d/][:：])(?!//|\d)")
_ITS_BODY = re.compile(r"(?<!\w)(?:its|their) (?:\w+ )?(?:ministry|military|army|spokesman|spokesperson|command|office|"
                       r"officials|government|statement) (?:said|says|announced|stated|added|confirmed)(?!\w)")
_DONE_BY_OTHERS = re.compile(r"(?<!\w)(?:(?:killed|wounded|injured|hit|struck|targeted|destroyed) by (?:the )?(?:\w+ )?"
                             r"(?:air ?strikes?|strikes?|planes?|jets?|warplanes?|shelling|bombing|raids?|aircraft|drones?)|"
                             # "four dead and three wounded after the bombing of Rafidhi airstrikes": the toll of
                             # the enemy's air raids (the group has no aircraft)
                             r"(?:dead|killed|wounded|injured|martyred) (?:\w+ ){0,3}?(?:after|in|during|from) (?:the )?"
                             r"(?:bombing of )?(?:\w+ ){0,2}?(?:air ?strikes?|warplanes?|air raids?|aerial bombardment))"
                             r"(?!\w)")
# a province's civil business in its own media (the Hisba burns cigarettes, an office destroys
# expired food): no attack, whatever the verb
_CIVIL = re.compile(r"(?<!\w)(?:cigarettes?|tobacco|expired|food|foodstuffs?|products|goods|alcohol|drugs|narcotics|"
                    r"confiscat\w*|hisba|hisbah|zakat|dawah|da wah|distribut\w*|inspection|lessons?|sermons?|"
                    r"curricul\w*|market|prices|bakery|bakeries|harvest|livestock)(?!\w)")
_DRILL = re.compile(r"(?<!\w)(?:(?:in|during|as part of) (?:an?|the|its|their) (?:\w+ ){0,3}?(?:exercise|exercises|drill|drills|"
                    r"test|tests|training)|live fire (?:exercise|drill)s?|test fired|test fires|test firing|test launch\w*)(?!\w)")
_FIGHTING = re.compile(r"(?<!\w)(?:kill\w*|attack\w*|martyrdom|istishhad\w*|inghimas\w*|operations?|explosive\w*|"
                       r"vbied\w*|svbied\w*|ied|clash\w*|ambush\w*|target\w*|strik\w*|struck|shell\w*|assault\w*|"
                       r"raid\w*|soldiers|fighters|apostates?|army|forces|militia\w*|"
                       # "Russian jets bombed a market in Idlib": the market is where the attack fell
                       r"bomb\w*|airstrik\w*|warplanes?|jets|missiles?|rockets?|mortars?|barrel bombs?)(?!\w)")
_AIR = frozenset({"planes", "jets", "warplanes", "airstrikes", "strikes", "aircraft", "helicopters", "drones", "shelling",
                  "artillery", "forces", "troops", "army"})
# a headline's tail naming a state's forces without the state: ": army", " - defence ministry"
_FORCES_TAIL = re.compile(r"(?::|\s[–—-])\s*(?:the )?(?:army|military|armed forces|defen[cs]e ministry|"
                          r"ministry of defen[cs]e|military sources|army spokesman|military spokesman)$")
_PRONOUN = re.compile(r"(?<!\w)(?:it|he|she|they|the group|its (?:\w+ )?(?:ministry|military|army|spokesman|command|office)|the militia|the movement|the organi[sz]ation|the ministry|"
                      r"the army|the military|the statement|the spokesman|the spokesperson|a spokesman|a spokesperson|"
                      r"the official|(?<!health )(?<!medical )(?<!hospital )(?<!local )(?<!rescue )officials|the agency|the command|the idf|(?<!what )we|il|elle|ils|elles|وي|او|افزود|واضاف|واضافت|وتابع|وتابعت|واوضح|"
                      r"واوضحت|واكد|واكدت|البيان|المتحدث|واشار|واشارت)(?!\w)")


# a French incise with its pronoun: «..., a-t-il affirmé», «..., ont-ils indiqué», «..., précise-t-elle»
_INCISE = re.compile(r"(?<!\w)(?:(?:a|ont|avait|avaient) (?:t )?(?:il|elle|ils|elles) \w+|\w+ (?:t )?(?:il|elle|ils|elles))$")


# communiqué words a news story also uses of the group in the third person (not "Amaq", "Wilayat",
# "soldiers of the Caliphate", "istishhadi": those only a relay writes)
_FIGHTERS_WORDS = r"islamic state fighters|is fighters|isis fighters|mujahideen|mujahidin"
_THIRD_PERSON = re.compile(r"(?:" + _FIGHTERS_WORDS + r"|crusaders?|apostates|rafid\w*|murtad\w*|nusayri\w*|safawi|sahwa\w*)")
_FIGHTERS = re.compile(_FIGHTERS_WORDS)
_FIGHTERS_BY = re.compile(r"(?:\bby|between|hands of)(?: the| \d+)?\W*$")


def _fighters_act(fw: FrameWords, norm: str, m: re.Match[str]) -> bool:
    """Whether the group's fighters named at ``m`` do the deed: its subject ("fighters take the
    villages of ..."), its agent ("plane shot down by Islamic State fighters") or a side of the
    clashes ("clashes between IS fighters and ..."), not only the ones fought or told of."""
    return bool(fw.event.search(" ".join(norm[m.end():].split()[:3]))
                or _FIGHTERS_BY.search(norm[max(m.start() - 16, 0):m.start()]))


# a reply opens on the handles it answers, with no colon after them ("@a @b text"; "@a: text" quotes a)
_REPLY = re.compile(r"^\s*(?:@\w+\s+)+(?![:\s])")
_GROUP = re.compile(r"(?<!\w)(?:the group|the militia|the movement|the organi[sz]ation|the faction|الجماعه|الحركه|"
                    r"التنظيم|الفصيل|الحزب|الكتايب|الهييه|الجبهه|الفصايل|الميليشيا|المليشيا|الكتيبه|السرايا|اللواء)(?!\w)")


_RULES = {stance: Rule(stance, _NEVER, "frame", None, None, None, None, None, "frame")
          for stance in ("claim", "attribution")}


def not_claimed(fw: FrameWords, rest: str) -> bool:
    """Whether the words after a "claimed" make it no claim: "claimed the lives of", and a toll
    after its count ("the strikes claimed at least one life", "claimed 10 lives")."""
    rest = rest.lstrip()
    count = _COUNT.match(rest)
    return bool(fw.claim_not.match(rest) or (count and fw.claim_not.match(rest[count.end():])))


def frame_rule(stance: str) -> Rule:
    """The rule of a cue whose speaker and subject a frame has decided."""
    return _RULES[stance]


def frame_gate(whole: Sentence, text: str, lang: str, own: ActorRef | None) -> bool:
    """Whether any frame could fire somewhere in the message (the cheapest tests first): a
    communiqué marker or a claim verb; else a party named (or the channel's own) and an attack
    word, with a reporting word unless the channel speaks for a state or group."""
    fw = words_for(text, lang)
    if fw is None:
        return False
    toks, w, norm = whole.toks, fw.words, whole.norm
    bag = frozenset(toks)
    if (w["communique or claim_verbs"].any_in(toks, bag, norm) or (
            fw.lang == "ar" and _AR_WEAK_COMMUNIQUE.search(norm) and any(m.kind == "actor" for m in whole.mentions))
            ) and w["event"].any_in(toks, bag, norm):
        return True
    # (a relay channel's post reports in its group's voice: «المقاومة الإسلامية تستهدف ...» needs no «قالت»)
    own_voice = own is not None and own.kind in STATE | ARMED | {"relay"}
    if not own_voice and not any(m.kind == "actor" for m in whole.mentions) and fw.demonyms.keys().isdisjoint(toks):
        return False
    # (a text with no colon at all has no head colon: the retweet prefix and links need not be cut then)
    if not own_voice and not (((":" in text or "：" in text) and _HEAD_COLON.search(_RETWEET.sub("", text)))
                              or "– " in text or "— " in text
                              or " - " in text  # "US jets strike a depot - Pentagon"
                              or w["speech or according or relay_heads"].any_in(toks, bag, norm)):
        return False
    return w["attack_verbs or attack_nouns"].any_in(toks, bag, norm)


_AR_WEAK_COMMUNIQUE = re.compile(r"(?<!\w)(?:استشهادي|استشهاديه|ولايه|ولايات)(?!\w)")
# «هجوم من ولاية سيناء», «تنظيم ولاية سيناء»: an outlet naming the province as the doer, in no communiqué's
# idiom (a relay heads its news «#ولاية_سيناء» or tells of «جنود الخلافة في ولاية سيناء»)
_AR_OUTLETS_PROVINCE = re.compile(r"(?<!\w)(?:من|تنظيم|لتنظيم|جماعه|لجماعه) ولايه \w+")


def communique_claimant(gz: Gazetteer, norm: str, text: str, lang: str, actors: list[ActorRef]) -> ActorRef | None:
    """The group whose communiqué a message relays (Amaq, Wilayat, "soldiers of the Caliphate"),
    if it also reports an attack; None otherwise."""
    fw = words_for(text, lang)
    if fw is None or not fw.event.search(norm):
        return None
    if fw.lang == "ar":
        norm = _AR_OUTLETS_PROVINCE.sub(" ", norm)
    if _REPLY.match(text):
        return None  # "@someone I hope the rafidi militias ...": a reply's chatter relays no communiqué
    markers = list(fw.communique.finditer(norm))
    if markers and (all(_THIRD_PERSON.fullmatch(m.group(0)) for m in markers) if len(norm) > 400 else all(
            _FIGHTERS.fullmatch(m.group(0)) and not _fighters_act(fw, norm, m) for m in markers)):
        # a news story's "ISIS fighters", "the crusaders": the group told of, no communiqué relayed; a short
        # post's "Islamic State fighters" relay one only as the subject of the deed ("... fighters take the
        # villages of", not "the US and its allies battle al Qaeda and Islamic State fighters at ...")
        return None
    jihadist = [a for a in actors if a.kind == "jihadist"]
    if not fw.communique.search(norm):
        # «عملية استشهادية», «ولاية» are any outlet's words: the group's communiqué only where it is named
        return jihadist[0] if jihadist and fw.lang == "ar" and _AR_WEAK_COMMUNIQUE.search(norm) else None
    if jihadist:
        return jihadist[0]
    entry = gz.actors.get("islamic-state")
    return entry.ref() if entry is not None else None


def demonym_mentions(gz: Gazetteer, s: Sentence, fw: FrameWords) -> list[Mention]:
    """"an Israeli strike", «القصف التركي»: adjectives of parties the gazetteer has as names."""
    if not fw.demonyms or (fw.demonyms.keys().isdisjoint(s.toks) and fw.demonym_heads.isdisjoint(s.toks)):
        return []
    covered = {i for m in s.mentions if m.kind == "actor" for i in range(m.start, m.end)}
    out = []
    for i, tok in enumerate(s.toks):
        name = fw.demonyms.get(tok)
        if name is None and i + 1 < len(s.toks) and tok in fw.demonym_heads:
            name = fw.demonyms.get(f"{tok} {s.toks[i + 1]}")
        if name is None or i in covered:
            continue
        if tok == "us" and (i >= len(s.cased) or s.cased[i] != "US"):
            continue  # "us" the pronoun
        ref = gz.resolve_actor(name)
        if ref is None:
            continue
        if fw.lang == "ar":
            # the adjective follows its noun: «حزب الله اللبناني» is the group's, «الطائرات الأمريكية» a party;
            # «اللجنة السورية لحقوق الإنسان» names an organisation, no party of the state
            if not any(m.kind == "actor" and m.end == i for m in s.mentions) and not (
                    i + 1 < len(s.toks) and s.toks[i + 1] in AR_RIGHTS):
                out.append(Mention("actor", ref.id, i, i + 1, tok))
        elif not any(m.kind == "actor" and i < m.start <= i + 3 and not any(punctuated(s, k) for k in range(i + 1, m.start + 1))
                     for m in s.mentions):
            # not "the Lebanese militant group Hezbollah", "Yemeni Houthi rebels": the group's adjective
            # (but "Iranian fingerprints, the Pentagon said": a comma ends the phrase)
            out.append(Mention("actor", ref.id, i, i + 1, tok))
    return out


def frame_cues(gz: Gazetteer, s: Sentence, cues: list[Cue], call: Call) -> list[Cue]:
    """``cues`` (the rules' own) with the frames' cues added where the rules found none."""
    fw = words_for(s.original, call.lang)
    if fw is None:
        return cues
    # a rule that needs an armed or state speaker may find none: it does not stop the frames
    has = {c.rule.stance for c in cues if c.rule.needs is None}
    out = list(cues)
    w = fw.words
    toks, bag = s.toks, frozenset(s.toks)  # one set of the words for every list
    if not w["attack_verbs or attack_nouns or claim_verbs or relay_heads or communique"].any_in(toks, bag, s.norm) or not (
            fw.gate.search(s.norm) or fw.attack_noun.search(s.norm)):
        return _communique_claim(s, fw, out, has, call, [])
    ok = parties(gz, s, call.when, False, written=False)
    extra = [m for m in demonym_mentions(gz, s, fw) if not any(mn.start == m.start for mn, _ in ok)]
    if extra:
        from classifiers.speakers import actor
        ok = sorted(ok + [(m, actor(gz, m, call.when, False)) for m in extra], key=lambda x: x[0].start)
    if "claim" not in has:
        claim = _claim_verb(gz, s, fw, ok, call)
        if claim is not None and any(lo - 1 <= claim.start < hi for lo, hi in (
                denied_span(len(s.toks), c.start, c.end, s.toks) for c in cues if c.rule.stance == "denial")):
            claim = None  # "rejected as false US claims that they attacked the tanker": the claim is denied, not made
        if claim is not None:
            out.append(claim)
            has.add("claim")
    if "claim" not in has and "denial" not in has:
        # "Amaq news agency denies the claim that ...": a relayed denial, not a relayed claim
        relay = _relay_head(s, fw, ok)
        if relay is not None:
            out.append(relay)
            has.add("claim")
    scope = [0]
    voices: list[tuple[int, ActorRef]] = []
    reporter = _reporter(s, fw, ok, call, scope, voices)
    if reporter is None and fw.lang == "ar" and call.communique is None:
        reporter = _unnamed_reporter(s, fw, scope)
    # the sentence's attacks, read here only where the channel has no voice of its own (``call.own`` is
    # None): the same reading as below, where ``own_voice`` is then false too, so it is kept for it
    plain: list[tuple[int, int, ActorRef | None, bool]] | None = None
    if reporter is None and fw.lang == "en" and call.communique is None and call.own is None and not (
            _body_speaks(s, fw, list(fw.speech.finditer(s.norm)))):
        # "..., a local governor said", "– church officials": a described speaker reports (a state's body
        # without its state is read above, for the state it speaks for)
        plain = _events(gz, s, fw, ok)
        reporter = reported_description(gz, s, fw, any(d is not None and d.kind in STATE for _, _, d, _ in plain))
    if reporter is None:
        reporter, scope[0] = call.communique, 0
    own_voice = reporter is None and call.own is not None and call.own.kind in STATE | ARMED
    if reporter is not None and reporter.known:
        call.reporters.append(reporter)
    events = plain if plain is not None else _events(gz, s, fw, ok, call.own if own_voice else None)
    if events and fw.lang in ("en", "fr") and _CIVIL.search(s.norm) and not _FIGHTING.search(s.norm):
        events = []  # "the Inspection Office destroys expired food": no attack, whatever the verb
    if events and fw.lang == "en" and _DRILL.search(s.norm):
        events = []  # "fired lethal munitions from an unmanned vessel in an exercise": a drill, no attack
    # not a relative clause's denial ("... fired by Islamic Jihad, which rejected the accusation"):
    # the one blamed denies; the blame stands as the speaker told it
    denied = [denied_span(len(s.toks), c.start, c.end, s.toks) for c in cues if c.rule.stance == "denial"
              and not (fw.lang == "en" and c.start > 0 and s.toks[c.start - 1] in _RELATIVE)]
    # "the explosion was not caused by a US airstrike": the agent of the attack before the denial is denied
    agent_denied = [c.start for c in cues if c.rule.stance == "denial" and c.end > c.start
                    and s.toks[c.end - 1] in ("by", "of")]
    stop = aside_start(s, scope[0]) if reporter is not None and fw.lang == "en" else len(s.toks)
    # "the Pentagon said it is investigating reports of an attack ... by X": no one speaks of X yet
    unconfirmed = fw.lang == "en" and _UNCONFIRMED.search(s.norm) is not None
    framed = False
    for start, end, doer, infinitive in events:
        if fw.lang == "en" and _background_strike(s, fw, start):
            continue
        if any(0 < at - start <= 4 for at in agent_denied):
            continue
        if any(lo - 1 <= start < hi for lo, hi in denied):
            # "said reports of two soldiers killed were false", "... that X captured the crossing -
            # Y denies": the deed is denied, not told
            continue
        speaker = reporter if start >= scope[0] else None
        nearer = [(pos, r) for pos, r in voices if pos < start]
        if unconfirmed or (start >= stop and not any(pos >= stop for pos, _ in nearer)):
            speaker = None  # the outlet's aside after the report, unless a party speaks in it
        if speaker is not None and nearer:
            # "Iraqi officials said Turkey's ministry announced its jets struck ...": the speech
            # verb nearest before the attack governs it
            speaker = max(nearer, key=lambda v: v[0])[1]
        if speaker is not None and speaker.id == UNNAMED_PEOPLE:
            continue  # «قال شهود إن طائرات إسرائيلية قصفت»: witnesses and activists are no party (the guide)
        if speaker is None and call.own is not None and call.own.kind in STATE | ARMED:
            speaker = call.own  # the channel's own voice: an army's post about its strikes
        if speaker is None and doer is not None and _relays(call.own, doer) and not infinitive:
            # «المقاومة الإسلامية في العراق تستهدف قاعدة ...» posted by a relay channel (Sabereen): the
            # relay carries the group's own word, as a relay named in the text does (below)
            speaker = doer
        if speaker is None and doer is not None and doer.kind in STATE | ARMED and not infinitive:
            # "US strikes Iran-backed sites in Syria" over "..., the Pentagon said": the state's
            # own action is its claim when the message reports it speaking (decided at the end)
            call.pending.append((s, Cue(_RULES["claim"], start, end, speaker=doer, subject=doer)))
            continue
        if speaker is None or (doer is None and speaker.kind not in STATE | ARMED | {"generic"}):
            continue
        if doer is None and speaker is call.communique and _warplanes_act(s):
            continue  # "#Nusayri warplanes conducted several air raids on #Raqqah": the relay's group flies none
        if doer is not None and not same_party(speaker, doer) and (
                (speaker.kind in ARMED and any(t in _REPELLED for t in s.toks[max(start - 3, 0):start]))
                or (speaker.kind in STATE and any(t in _REPELLED_IN_BATTLE for t in s.toks[max(start - 3, 0):start]))):
            # "Dawlah repelled an attack by the Sahwat": the group's own battle, its claim, not a
            # blame of its enemy
            if "claim" not in has:
                out.append(Cue(_RULES["claim"], start, end, speaker=speaker, subject=speaker))
                has.add("claim")
            continue
        if doer is not None and _relays(speaker, doer) and not infinitive:
            # «الميادين: المقاومة الإسلامية تستهدف قاعدة التنف»: a relay carries the group's own
            # word, so the attack it reports is the group's claim, not the relay's blame
            speaker = doer
        if doer is None and speaker is call.own and any(
                d is not None and e < start and not same_party(speaker, d) for _, e, d, _ in events):
            continue  # "US forces conducted a strike in Baghdad, killing ..." on Iraq's channel: the US killed
        if doer is None or same_party(speaker, doer):
            if "claim" in has:
                continue
            out.append(Cue(_RULES["claim"], start, end, speaker=speaker, subject=speaker))
            has.add("claim")
        elif not framed and not infinitive and (s.toks[start] not in ("activity", "activities")
                                                 or "against" in s.toks[end:end + 5]):
            # not "responsible for Hamas terrorist activities": no attack named ("activities against
            # Israeli civilians" are attacks)
            # added even next to a rule's blame: the classifier builds it only if that blame
            # names no one ("Lebanon says Israeli strike kills ...": the rule finds no party)
            out.append(Cue(_RULES["attribution"], start, end, speaker=speaker, subject=doer))
            has.add("attribution")
            framed = True
    if reporter is not None and reporter.kind in STATE and call.communique is not None and not same_party(
            reporter, call.communique) and not fw.claim_verb.search(s.norm):
        return out  # «قال الناطق باسم الداخلية إن الشرطة قتلت انغماسيا من داعش»: a state reports, it relays no communiqué
    return _communique_claim(s, fw, out, has, call, events)


def _events(gz: Gazetteer, s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]],
            own: ActorRef | None = None) -> list[tuple[int, int, ActorRef | None, bool]]:
    """The sentence's attacks (``events_of``), but for a capital standing before an attack noun as its doer."""
    return [e for e in events_of(s, fw, ok, own) if not _city_named(gz, s, fw, e[0], e[2])]


def _city_named(gz: Gazetteer, s: Sentence, fw: FrameWords, start: int, doer: ActorRef | None) -> bool:
    """"#Baghdad suicide bombing", "the Damascus blast": a state's capital right before an attack
    noun says where it was, not who did it (the state's own name may: "Israel strike kills ...";
    and the capital right before a verb is its state: "Moscow strikes Kyiv")."""
    if doer is None or doer.kind != "state":
        return False
    verb = fw.attack_verb.match(s.norm, s.starts[start]) is not None
    return any(m.kind == "place" and start - 3 <= m.end <= start and gz.places[m.id].kind == "city" and (
        # "the Ankara blast": a noun after its article, whatever else the word may be
        not verb or m.end < start or (m.start > 0 and s.toks[m.start - 1] in _ARTICLE)) and any(
        a.kind == "actor" and a.id == doer.id and (a.start, a.end) == (m.start, m.end) for a in s.mentions)
        for m in s.mentions)


_ARTICLE = frozenset({"the", "a", "an", "this", "that", "last"})


_RELATIVE = frozenset({"which", "who"})
_AFTER = frozenset({"after", "following", "since"})
_STRIKES = frozenset({"strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "bombing", "bombings"})
_ATTACKS = frozenset({"attack", "attacks", "attacked"})


def _background_strike(s: Sentence, fw: FrameWords, start: int) -> bool:
    """A strike named as a noun right after "after" ("Pentagon confirms 4 new attacks on US troops
    after Syria strike", "... new attacks on bases after latest US airstrikes"), in a sentence that
    tells attacks before it: the news is the attacks; the strike they follow is background."""
    if s.toks[start] not in _STRIKES:
        return False
    k = next((i for i in range(start - 1, max(start - 5, -1), -1) if s.toks[i] in _AFTER), None)
    if k is None or k == 0 or any(punctuated(s, i) for i in range(k, start)):
        return False
    # the attacks are the news, not a state's strikes ("ordered the strikes after a drone attack
    # by Kataib Hezbollah": the strikes answer the attack, whose doer is blamed)
    return bool(_ATTACKS.intersection(s.toks[:k]))

_CIVIL_BODY = frozenset({"health", "medical", "hospital", "municipal", "civil", "local", "rescue", "emergency"})
# the bodies written without an article, in a headline's tail only
_BARE_OFFICIAL = frozenset({"official", "senior official", "defense official", "defence official", "military official",
                            "security official", "military", "army"})
# a state's forces speaking of their own attack: "Israel strikes Syria following rocket attacks, military says"
_FORCES_BODIES = frozenset({"military", "army", "the military", "the army"})
# the peoples, faiths and sides whose officials speak for no state of the gazetteer
_NOT_STATE = frozenset({"kurdish", "kurd", "yazidi", "druze", "sunni", "shiite", "shia", "tribal", "rebel", "opposition",
                        "militia", "insurgent", "separatist", "palestinian", "baloch", "tuareg", "pashtun"})
# a state's forces repelling an assault fight it (not "thwart a plot", "able to thwart attacks": no battle fought)
_REPELLED_IN_BATTLE = frozenset({"repelled", "repulsed"})
_REPELLED = frozenset({"repel", "repels", "repelled", "repelling", "repulse", "repulses", "repulsed", "repulsing",
                       "foil", "foils", "foiled", "thwart", "thwarts", "thwarted", "fought", "fend", "fends", "fended",
                       # «قالت الحركة إن مقاتليها صدوا هجوما لقوات النظام», «تصدوا لهجوم شنه داعش»
                       "صد", "صدت", "صدوا", "يصد", "تصد", "يصدون", "تصدي", "تصدت", "تصدوا", "يتصدي", "تتصدي",
                       "يتصدون", "افشل", "افشلت", "افشلوا", "احبط", "احبطت", "احبطوا", "يحبط", "تحبط", "يحبطون"})
_UNCONFIRMED = re.compile(r"(?<!\w)(?:investigating|looking into|aware of|checking) (?:the |these |those |initial |media )?"
                          r"reports?(?!\w)")
# a clause the outlet adds after a report ("X warned of a wider war, as Hezbollah and Israel step up
# attacks"): what it tells is not the reported party's word
_ASIDE = frozenset({"as", "while", "whereas", "amid", "meanwhile"})


def aside_start(s: Sentence, start: int) -> int:
    """The token where an English report that starts at ``start`` gives way to the outlet's aside
    (", as ...", ", while ..."); the sentence's end when none."""
    for i in range(start + 1, len(s.toks)):
        if s.toks[i] in _ASIDE and clause_initial(s, i) and i + 1 < len(s.toks) and s.toks[i + 1] not in ("well", "part"):
            return i
        if s.toks[i] == "and" and _new_attack_clause(s, i + 1):
            return i
    return len(s.toks)


# "X said it had launched drones at ... and Israeli air strikes hit south Lebanon": after "and", another
# attack noun with a verb of its own opens the outlet's next clause, not more of the report
_AIR_WORDS = frozenset({"air", "drone", "artillery", "missile", "rocket", "naval", "retaliatory"})
_CLAUSE_STRIKES = frozenset({"strikes", "airstrikes", "raids", "shelling", "shells", "bombardment", "warplanes", "jets",
                             "aircraft", "drones"})
_STRUCK = frozenset({"hit", "struck", "pounded", "targeted", "killed", "bombed", "shelled", "rocked", "battered"})


def _new_attack_clause(s: Sentence, i: int) -> bool:
    """Whether the words from ``i`` open a clause whose subject is an attack noun (after a party's name or
    adjective, capitalised, or none) and whose verb follows it: "Israeli air strikes hit ...", "US warplanes
    pounded ..."."""
    j = i
    while j < len(s.toks) and j - i < 3 and s.toks[j] not in _CLAUSE_STRIKES:
        j += 1
    return (j < len(s.toks) - 1 and s.toks[j] in _CLAUSE_STRIKES and s.toks[j + 1] in _STRUCK
            and all(t in _AIR_WORDS or (k < len(s.cased) and s.cased[k][:1].isupper()) for k, t in enumerate(s.toks[i:j], i)))


# a relayed communiqué's air strikes are always another party's: the groups that relay communiqués fly
# no aircraft ("#Amaq: airstrikes kill dozens of children near Mosul")
_AIR_EVENT = frozenset({"airstrike", "airstrikes", "air"})


def _event_word(s: Sentence, fw: FrameWords) -> bool:
    """Whether the sentence has a word of the group's own attack outside the names of places ("a
    tour of the city of Hit" names a town, not a hit), not after a threat or a condition."""
    for m in fw.event.finditer(s.norm):
        t = s.token_at(m.start())
        if s.toks[t] in _AIR_EVENT:
            continue
        if fw.threat.search(s.norm, s.starts[max(t - 4, 0)], m.start()):
            continue
        if not a_name(s, t, s.token_at(m.end() - 1) + 1):
            return True
    return False


def _communique_claim(s: Sentence, fw: FrameWords, out: list[Cue], has: set[str], call: Call,
                      events: list[tuple[int, int, ActorRef | None, bool]]) -> list[Cue]:
    """A relayed communiqué reporting an attack with no other doer named is the group's claim."""
    if "claim" in has or call.communique is None or "attribution" in has or "denial" in has:
        # "Amaq denies the claim that its commander was killed": a relayed denial claims nothing
        return out
    if fw.lang == "ar" and _state_spokesman(s):
        return out  # «قال الناطق باسم الداخلية إن الشرطة تمكنت من قتل انغماسي»: a state's word, no communiqué
    if _event_word(s, fw) and not fw.negation.search(s.norm) and not _DONE_BY_OTHERS.search(s.norm) and not any(
            t in fw.demonyms and i + 1 < len(s.toks) and s.toks[i + 1] in _AIR and "by" in s.toks[max(i - 2, 0):i]
            for i, t in enumerate(s.toks)) and not (_CIVIL.search(s.norm) and not _FIGHTING.search(s.norm)) and not (
            _attacked_group(s, call.communique, fw)) and not _fight_of_others(s, call.communique) and not (
            _ground_taken_by_others(s)):
        # not "3 children killed by Russian airstrikes": the relay reports another party's attack;
        # not a province office burning cigarettes or expired food
        out.append(Cue(_RULES["claim"], 0, len(s.toks), speaker=call.communique, subject=call.communique))
        has.add("claim")
    return out


_TAKES = frozenset({"capture", "captures", "captured", "seize", "seizes", "seized", "retake", "retakes", "retook",
                    "recapture", "recaptures", "recaptured"})
_TAKES_CONTROL = frozenset({"take", "takes", "took"})
_PASSIVE_AUX = frozenset({"and", "was", "were", "been", "is", "are", "being"})
_OTHER_SIDES = frozenset({"opposition", "factions", "rebels", "regime", "militias", "army", "sdf", "ypg", "peshmerga",
                          "vso", "sahwat", "fsa", "pkk"})


# the same in Arabic: «#وكالة_أعماق فصائل المعارضة السورية تسيطر على قرية ...» (not «مقاتلو الدولة الإسلامية يسيطرون»)
_AR_TAKES = frozenset({"سيطر", "سيطرت", "سيطروا", "يسيطر", "تسيطر", "يسيطرون"})
_AR_OTHER_SIDES = frozenset({"المعارضه", "فصائل", "الفصائل", "النظام", "الجيش", "قسد", "البيشمركه", "الوحدات", "الصحوات",
                             "الحشد", "الميليشيات", "المليشيات", "الثوار", "مسلحي", "مسلحو"})
_AR_OWN_SIDE = frozenset({"الدوله", "الخلافه", "المجاهدين", "المجاهدون", "مجاهدي", "مجاهدو"})


def _ground_taken_by_others(s: Sentence) -> bool:
    """"#AmaqAgency Syrian opposition factions supported by U.S. aircraft capture Yeniyapan village": a relay
    telling another side taking ground, not the group's own deed (not "#IslamicState forces capture ...")."""
    for v, tok in enumerate(s.toks):
        if tok in _AR_TAKES:
            before_ar = s.toks[max(v - 5, 0):v]
            if _AR_OTHER_SIDES.intersection(before_ar) and not _AR_OWN_SIDE.intersection(before_ar):
                return True
            continue
        if tok not in _TAKES and not (tok in _TAKES_CONTROL and s.toks[v + 1:v + 2] in (["control"], ["over"])):
            continue
        if (v > 0 and (s.toks[v - 1].isdigit() or s.toks[v - 1] in _PASSIVE_AUX)) or s.toks[v + 1:v + 2] == ["by"]:
            continue  # "100 regime soldiers killed and 5 captured": the group's captives, a passive
        before = s.toks[max(v - 7, 0):v]
        if _OTHER_SIDES.intersection(before) and not _OWN_SIDE.search(" ".join(before)):
            return True
    return False


_BETWEEN = re.compile(r"(?<!\w)(?:clash|clashes|fighting|battles?|infighting|fights?) between(?!\w)")
# the group's own names in its relays' idiom: a side of the fight it tells
_OWN_SIDE = re.compile(r"(?<!\w)(?:khilafah?|caliphate|dawlah?|mujahid\w*|islamic state|isis|isil|is|daesh|"
                       r"soldiers of)(?!\w)")


def _fight_of_others(s: Sentence, group: ActorRef) -> bool:
    """"Footage of the clashes between #Kurdish murtaddeen and rafidi gangs": a relay in the group's
    idiom telling a fight between two others, not the group's own battle (not "clashes between
    soldiers of the #Khilafah and Nusayris", "between #ISIS & SAA")."""
    found = _BETWEEN.search(s.norm)
    if found is None:
        return False
    sides = s.norm[found.end():found.end() + 80]
    at = s.token_at(found.end() - 1) + 1
    return not _OWN_SIDE.search(sides) and not any(
        m.kind == "actor" and m.id == group.id and at <= m.start <= at + 10 for m in s.mentions)


_WARPLANES = frozenset({"warplane", "warplanes", "jets", "aircraft", "helicopters", "bombers"})
# air attacks: a jihadist group relaying them is their target, never their author
# what warplanes do in a relay's present-tense headline or its account of a raid ("#U.S. #aircraft #bomb 4
# #petrol #stations", "#Nusayri warplanes conducted several air raids")
_WARPLANES_DO = frozenset({"carried", "targeted", "hit", "hits", "bomb", "bombs", "bombard", "bombards", "strike", "strikes",
                           "target", "targets", "conduct", "conducts", "conducted", "launch", "launches", "launched",
                           "shell", "shells", "raid", "pound", "pounds", "pounded"})
_AIR_STRIKES = frozenset({"bombed", "bombarded", "bombardment", "bombardments", "airstrike", "airstrikes", "raids", "raided",
                          "shelled", "shelling", "struck"})


def _attacked_group(s: Sentence, group: ActorRef, fw: FrameWords) -> bool:
    """Whether a relayed report tells an air attack on the group, not one by it: "bombed #ISIS
    positions", "aerial bombardment on #ISIS positions", "#Warplane carried out 4 raids"; or names
    the group as the object of an attack ("... to attack the Islamic State mujahideen", "fighting
    against the Islamic State")."""
    for m in s.mentions:
        if m.kind != "actor" or m.id != group.id:
            continue
        if any(w in _AIR_STRIKES for w in s.toks[max(m.start - 2, 0):m.start]):
            return True
        verb = m.start - 1
        while verb > 0 and s.toks[verb] in ("the", "a", "an") and not punctuated(s, verb + 1):
            verb -= 1
        if 0 < verb < m.start - 1 or (verb == m.start - 1 >= 1):
            if s.toks[verb - 1] in ("to", "and") and fw.attack_verb.fullmatch(s.toks[verb]) and not any(
                    punctuated(s, i) for i in range(verb, m.start + 1)):
                return True  # "... to attack the Islamic State mujahideen": the group attacked, no attack by it
    if _AIR_ONLY.search(s.norm) and not fw.attack_verb.search(_AIR_ONLY.sub(" ", s.norm)):
        return True  # "Crusader favorite: destroying mosque using so-called precision airstrikes": the group has no jets
    return _warplanes_act(s)


def _warplanes_act(s: Sentence) -> bool:
    """Whether warplanes are the subject of an attack verb: "#Warplane carried out 4 raids"."""
    return any(w in _WARPLANES and s.toks[i + 1:i + 2] and s.toks[i + 1] in _AIR_STRIKES | _WARPLANES_DO
               for i, w in enumerate(s.toks))


_AIR_ONLY = re.compile(r"(?<!\w)(?:\w+ )?(?:airstrikes?|air strikes?|air raids?)(?!\w)")


def _topic_head(s: Sentence, ok: list[tuple[Mention, ActorRef]]) -> bool:
    """«سوريا: مقتل مدنيين في غارة ...», «غزة وإسرائيل: ...»: an Arabic headline's head of bare country
    names is its topic, as a news site files it, not a party speaking (a party speaks with a body or an
    office: «الجيش السوري: ...», «الخارجية الإيرانية: ...»)."""
    colon = s.original.find(":")
    if colon < 0:
        return False  # the head ends at a dash ("Syria - ..."), not at a filing colon
    head_tokens = len(tokens(normalize(s.original[:colon])))
    covered = {i for m, r in ok if r.kind in STATE and m.end <= head_tokens for i in range(m.start, m.end)}
    places = {i for p in s.mentions if p.kind == "place" for i in range(p.start, p.end)}
    return bool(covered) and all(i in places or s.toks[i] == "و" for i in range(head_tokens))


def _reporter(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], call: Call,
              scope: list[int], voices: list[tuple[int, ActorRef]] | None = None) -> ActorRef | None:
    """The party the sentence reports, by its frame; a pronoun reporter is the one carried.
    ``scope[0]`` is set to the first token the report covers; ``voices`` gets every speech verb
    that opens a clause with the party that speaks it ("X said Y announced ..."), by position."""
    head = headline_speaker(s, ok)
    if head is not None and not (fw.lang == "ar" and _topic_head(s, ok)):
        return head
    for marker in fw.according.finditer(s.norm):
        pos = s.token_at(marker.end() - 1) + 1
        near = reported_after(s, ok, pos)
        if near:
            return near[0]
    quoted = relayed(s, ok)
    if quoted is not None:
        scope[0] = quoted[1]
        return quoted[0]
    if fw.lang == "ar" and _relayed_unnamed(s) is not None:
        return None  # «ونقلت وكالة الأناضول عن شهود عيان أن ...»: the witnesses speak (read after), not the agency
    # "X claims (that) Y struck ...": a claim verb reports too (X's own attack is its claim)
    claims = [m for m in fw.claim_verb.finditer(s.norm) if not not_claimed(fw, s.norm[m.end():])]
    speech = sorted(list(fw.speech.finditer(s.norm)) + claims, key=lambda m: m.start()) or [
        m for m in SAID.finditer(s.norm) if not (m.group(0).startswith("claim") and not_claimed(fw, s.norm[m.end():]))
    ] or list(ACCORDING.finditer(s.norm))
    found: ActorRef | None = None
    for k, said in enumerate(speech):
        pos = s.token_at(said.start())
        if report_noun(s, pos):
            continue  # "..., reports say": the reports speak, not the party before them
        # not "praises Hamas attack, says ...": a party before its attack noun names the attack, not who speaks
        prior = [(m, r) for m, r in ok if 0 <= pos - m.end <= 3 and governs(s, m.end, pos)
                 and not any(fw.attack_noun.fullmatch(w) for w in s.toks[m.end:pos])]
        if prior and fw.lang in ("en", "fr") and inverted(s, ok, said.group(0), pos, s.token_at(said.end() - 1) + 1,
                                                          fw.lang == "fr"):
            prior = []  # "... by Kataib Hezbollah, said the Pentagon": the party after the verb speaks
        if prior and fw.lang == "ar" and ACCORDING.fullmatch(said.group(0)):
            prior = []  # «قصفت الطائرات الروسية المدينة، بحسب ناشطين»: the party before «بحسب» did the deed
        if prior:
            after = s.token_at(said.end() - 1) + 1
            # "..., the military said, adding that ...": a comma after the verb closes the report,
            # which told what came before it
            telling = pos < len(s.toks) - 4 and not (fw.lang == "en" and after < len(s.toks) and punctuated(s, after))
            if found is None and telling:
                # "X says <clause>": X reports what follows, not what came before it ("Israeli
                # shelling kills a woman as Hezbollah says one of its fighters was killed")
                scope[0] = prior[-1][0].start
            if telling and voices is not None:
                voices.append((pos, prior[-1][1]))
            found = found or prior[-1][1]
            continue
        if fw.lang != "en" or verb_first(s, said.group(0), pos):
            # «أفاد ناشطون بغارات روسية»: a state's adjective behind another word qualifies a noun, it does not speak
            # nor a party after «ل» («أفاد شهود بهجوم لتنظيم داعش»: the attack's, a genitive)
            # (not an office's own words: «قائد القوات الجوية العراقية»)
            said_end = s.token_at(said.end() - 1) + 1
            titles = title_words()  # (cached: the frames are read once, on the first message past the gate)
            speaking = ok if fw.lang != "ar" else [(m, r) for m, r in ok if not (
                m.start > said_end and _of_attack(s, fw, m.start - 1)
                and not all(t in titles or t in AR_OFFICE_LINKS for t in s.toks[said_end:m.start]))]
            following = after_speech(s, speaking, pos, s.token_at(said.end() - 1) + 1, fw.lang == "fr")
            if following:
                if fw.lang != "en" and voices is not None:
                    voices.append((pos, following[0]))
                if found is None and k == 0 and fw.lang == "ar" and pos < len(s.toks) - 4:
                    # «أطلق جنود الاحتلال الرصاص ... في وقت أعلنت حركة حماس ...»: the first party that
                    # speaks, late in the sentence, reports what follows its verb, not the attack told before it
                    scope[0] = pos
                found = found or following[0]
    if found is not None:
        return found
    if fw.lang == "en" and speech:
        # "Hezbollah fires rockets at Israel, says it is responding to strikes": a headline's second verb
        # after a comma has the first one's subject
        subject = opening_party(s, ok)
        for said in speech:
            pos = s.token_at(said.start())
            if subject is not None and subject.kind in STATE | ARMED and s.toks[pos] in _SAYS and comma_before(s, pos) \
                    and pos + 1 < len(s.toks) and (s.toks[pos + 1] in _CLAUSE_OPENERS or any(
                        m.start == pos + 1 for m, _ in ok)) and any(
                        start < pos and doer is not None and same_party(doer, subject)
                        for start, _, doer, _ in events_of(s, fw, ok)):
                return subject  # (only where the first verb tells the subject's own attack)
    tail = tail_speaker(s, ok)
    if tail is not None:
        return tail
    if fw.lang == "en" and _FORCES_TAIL.search(s.original.rstrip(" .…").lower()):
        # "Turkey hits PKK hideouts in Iraq: defence ministry": the army of the state that struck
        for _, _, doer, infinitive in events_of(s, fw, ok):
            if doer is not None and doer.kind in STATE and not infinitive:
                return doer
    if speech and ok and _ITS_BODY.search(s.norm):
        return ok[0][1]  # "Turkey has carried out an airstrike ..., its defence ministry said"
    if speech and fw.lang in ("fr", "fa") and _INCISE.search(s.norm):
        # «L'armée israélienne a frappé ..., a-t-elle indiqué»: the sentence's own subject, else the one carried
        subject = opening_party(s, ok)
        if subject is not None and subject.kind in STATE | ARMED:
            return subject
    if speech and (call.carried or call.own) and _pronoun_speaks(s, speech):
        return call.carried or call.own
    if speech and _GROUP.search(s.norm) and len({a.id for a in call.armed}) == 1:
        return call.armed[0]  # "Hezbollah fighters attacked .... The group said it fired ...": the one group named
    if speech:
        body = _body_speaks(s, fw, speech)
        if body is not None:
            return _body_state(s, fw, ok, call, own_deed=not (fw.lang == "ar" and _SOURCES.match(body)),
                               forces=fw.lang == "en" and body in _FORCES_BODIES)
    if fw.lang == "en" and _body_tail(s, fw) and any(d is not None for _, _, d, _ in events_of(s, fw, ok)):
        # "Israel strikes Syria's main airports – state media", "... : foreign ministry": a headline's tail
        # naming a state's body, as "..., state media says" does (when the headline tells a party's attack)
        return _body_state(s, fw, ok, call)
    return None


def _pronoun_speaks(s: Sentence, speech: list[re.Match[str]]) -> bool:
    """Whether a pronoun or a body standing for a party already named is the subject of a speech verb
    ("it said", "the group added", "said the spokesman", «وأضاف» the verb itself), not a word elsewhere in the
    sentence ("placed on high alert by officials after Hamas attacked Israel and experts told ...")."""
    verbs = [(s.token_at(m.start()), s.token_at(m.end() - 1) + 1) for m in speech]
    for p in _PRONOUN.finditer(s.norm):
        first, last = s.token_at(p.start()), s.token_at(p.end() - 1) + 1
        if any(0 <= start - last <= 3 or 0 <= first - end <= 2 or start <= first < end for start, end in verbs):
            return True
    return False


_SAYS = frozenset({"says", "say", "said"})
_CLAUSE_OPENERS = frozenset({"it", "they", "its", "their", "that", "the", "this", "these"})
# a headline's tail after a dash or colon: "– state media", ": foreign ministry", "- officials"
_BODY_TAIL = re.compile(r"(?::|\s[–—-])\s*((?:the )?[a-z ]{2,40})$")


def _body_tail(s: Sentence, fw: FrameWords) -> bool:
    """Whether the sentence ends with a headline's tail that is a state's body alone ("– state media")."""
    tail = _BODY_TAIL.search(s.original.rstrip(" .…").lower())
    if tail is None:
        return False
    words = normalize(tail.group(1)).strip()
    # (a body written without its article: "– defense minister")
    return words.split(" ")[0] not in _CIVIL_BODY | _NOT_STATE and (
        fw.bodies.fullmatch(words) is not None or fw.bodies.fullmatch("the " + words) is not None)


# «الناطق باسم الداخلية», «المتحدث باسم الجيش»: the spokesman of a state's body, its state not named
_AR_SPOKESMAN = frozenset({"الناطق", "ناطق", "المتحدث", "متحدث", "الناطقه", "ناطقه", "المتحدثه", "متحدثه"})
_AR_STATE_BODIES = frozenset({"الداخليه", "الدفاع", "الجيش", "الشرطه", "الحكومه", "القوات", "الامن", "الاستخبارات"})


def _state_spokesman(s: Sentence) -> bool:
    """Whether an Arabic sentence is told by the spokesman of a state's body («قال الناطق باسم الداخلية العميد
    سعد معن إن الشرطة تمكنت من قتل انغماسي»): the state reports its own deed and relays no communiqué of the
    group it fought, whose word («انغماسي») it only repeats."""
    toks = s.toks
    for i, tok in enumerate(toks[:-2]):
        if (tok[1:] if tok[:1] in "وف" else tok) in _AR_SPOKESMAN and toks[i + 1] in ("باسم", "الرسمي"):
            rest = [t for t in toks[i + 2:i + 5] if t not in ("باسم", "وزاره")]
            if rest and rest[0] in _AR_STATE_BODIES:
                return True
    return False


def _of_attack(s: Sentence, fw: FrameWords, i: int) -> bool:
    """Token ``i`` is an attack noun («بغارات», «بهجوم») or one of its forces or adjectives («طائرات»,
    «جوية»): a party right after it is the attack's («بغارات روسية», «بهجوم لتنظيم داعش»)."""
    word = s.toks[i]
    return bool(fw.attack_noun.fullmatch(word) or (word[:1] == "ب" and fw.attack_noun.fullmatch(word[1:]))
                or word in fw.doer_nouns or word in fw.manner)


# «قال شهود», «أفاد ناشطون», «قال سكان محليون», «بحسب ناشطين»: people the text names as no party. Their word
# of a named party's attack is no one's statement (the guide's parties are the sides and their voices; its
# labels give witnesses', activists' and residents' reports no stance), but it is theirs: the outlet's
# sentence does not become the doer's claim. One activist named («الناشط سامر الإدلبي») and a local
# media office («مركز إدلب الإعلامي») speak as written. Not «مصادر» («قالت مصادر محلية»,
# «أكدت المصادر الميدانية»): whose sources they are the text mostly does not say (tried: one false blame on
# the blind check for three right ones on unlabelled text)
_AR_UNNAMED = frozenset({"شهود", "الشهود", "ناشطون", "ناشطين", "الناشطون", "الناشطين", "نشطاء", "النشطاء", "ناشط",
                         "الناشط", "ناشطه", "الناشطه",
                         "سكان", "السكان", "اهالي", "الاهالي", "مسعفون", "مسعفين", "اطباء", "تنسيقيات", "تنسيقيه",
                         "معارضون", "مراقبون"})
UNNAMED_PEOPLE = "unnamed-people"
_AR_ONE_ACTIVIST = frozenset({"ناشط", "الناشط", "ناشطه", "الناشطه"})
_AR_OFFICIAL = frozenset({"امنيه", "امني", "عسكريه", "عسكري", "رسميه", "رسمي", "حكوميه", "حكومي", "الامنيه",
                          "العسكريه", "الرسميه", "الحكوميه", "حكومه", "الحكومه", "بالجيش", "الجيش", "الشرطه",
                          "بالشرطه", "مسوول", "مسووله", "دبلوماسيه", "دبلوماسي", "استخباراتيه", "استخباري"})
_AR_SAYS_WHAT = frozenset({"ما", "لما"})
# «وفقا لما ذكره نشطاء اليوم الاثنين»: the day they spoke, no word of the speaker's
_AR_WHEN = frozenset({"اليوم", "امس", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "الليله",
                      "صباح", "مساء", "فجر"})
# «نقلت الوكالة عن شهود عيان القول إن ...»: the saying relayed, no word of who says it
_AR_SAYING = frozenset({"القول", "قولهم", "قولهما", "قوله", "قولها"})
_AR_TO = frozenset({"ل", "لوكاله", "لقناه", "لصحيفه", "لموقع", "لشبكه", "له", "لها"})


def _relayed_unnamed(s: Sentence) -> int | None:
    """The token of the unnamed people an agency relays («ونقلت الوكالة عن شهود عيان القول إن ...», «نقلت شبكة شام
    عن ناشطين أن ...»), if it relays such."""
    for found in AR_RELAY.finditer(s.norm):
        at = s.token_at(found.end() - 1) + 1
        if at < len(s.toks) and s.toks[at] in _AR_UNNAMED:
            return at
    return None


# «بحسب ما أفاد به مركز إدلب الإعلامي», «وقال مكتب حمص الإعلامي»: a local media office of the opposition, which
# speaks as activists do, named as written (an office of a party the gazetteer knows, «المكتب الإعلامي لجيش
# الإسلام», is that party's, found before)
_AR_MEDIA_HEADS = frozenset({"مركز", "المركز", "مكتب", "المكتب"})
_AR_THEREOF = frozenset({"به", "بها"})


def _media_office(toks: list[str], i: int) -> int | None:
    """The end of a media office's name that opens at token ``i`` («مركز إدلب الإعلامي», «المكتب الإعلامي في
    داريا»), if one does."""
    word = toks[i][1:] if toks[i][:1] in "وف" and toks[i][1:] in _AR_MEDIA_HEADS else toks[i]
    if word not in _AR_MEDIA_HEADS:
        return None
    for k in range(i + 1, min(i + 4, len(toks))):
        if toks[k] == "الاعلامي":
            return k + 1
        if toks[k] in COMPLEMENTISERS or toks[k] in _AR_SAYS_WHAT:
            return None
    return None


def _unnamed_reporter(s: Sentence, fw: FrameWords, scope: list[int]) -> ActorRef | None:
    """The unnamed people an Arabic sentence reports («قال شهود عيان إن ...», «أفادت مصادر محلية بأن ...»,
    «بحسب ناشطين», «وفق ما ذكرت مصادر ميدانية»), as written; ``scope[0]`` set to the first token the report
    covers (the whole sentence for «بحسب»: the report may follow the attack it tells)."""
    toks = s.toks
    for i, tok in enumerate(toks):
        word = tok[1:] if tok[:1] in "وفل" and tok[1:] in _AR_UNNAMED else tok
        media = _media_office(toks, i)
        if word not in _AR_UNNAMED and media is None:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if nxt in _AR_OFFICIAL or (i + 2 < len(toks) and toks[i + 2] in _AR_OFFICIAL and nxt in ("في", "ب")):
            continue  # a state's own sources
        back = 4 if media is not None else 3  # «بحسب ما أفاد به مركز ...»
        prev = [t for t in toks[max(i - back, 0):i] if t not in _AR_SAYS_WHAT and t not in _AR_THEREOF]
        lo = s.starts[max(i - back, 0)]
        said = (fw.speech.search(s.norm, lo, s.starts[i]) is not None and bool(prev) and fw.speech.fullmatch(
            prev[-1]) is not None) or _relayed_unnamed(s) == i
        according = fw.according.search(s.norm, lo, s.starts[i]) is not None
        if not said and not according:
            continue
        if media is not None:
            scope[0] = 0 if according else i
            written = s.written.get((i, media), " ".join(toks[i:media]))
            return ActorRef("unnamed", written, False, "unnamed", None, written)
        end = i + 1
        while end < len(toks) and end <= i + 3 and toks[end] not in COMPLEMENTISERS and toks[end] not in _AR_TO and (
                toks[end] not in _AR_WHEN) and toks[end] not in _AR_SAYING and (
                not fw.attack_verb.fullmatch(toks[end])) and toks[end] not in ("في", "من", "علي", "الي", "عن"):
            if not (toks[end].startswith("ال") or toks[end] in ("عيان", "محليه", "ميدانيه", "طبيه", "اهليه", "مطلعه",
                                                            "معارضه", "اعلاميون", "حقوقيون", "حقوقيه", "محلي", "محليون",
                                                            "محليين", "ميدانيون", "ميدانيين")):
                break
            end += 1
        told = end < len(toks) and toks[end].startswith("ب") and fw.attack_noun.fullmatch(toks[end][1:]) is not None
        if said and not according and not told and not any(t in COMPLEMENTISERS for t in toks[end:end + 6]):
            continue  # «قال شهود» with no clause after it (nor «أفاد ناشطون بقصف ...», the attack told)
        scope[0] = 0 if according else i
        written = s.written.get((i, end), " ".join(toks[i:end]))
        # one activist the text names («الناشط سامر الإدلبي») speaks as a person; people it leaves unnamed
        # (witnesses, activists, residents) are no party: the labels give their word no stance
        who = "unnamed" if word in _AR_ONE_ACTIVIST else UNNAMED_PEOPLE
        return ActorRef(who, written, False, "unnamed", None, written)
    return None


# «مصدر أمني», «مصادر عسكرية»: an Arabic paragraph's unnamed sources are mostly the local side's, not
# the striking state's own
_SOURCES = re.compile(r"مصدر|مصادر")


def _relays(channel: ActorRef | None, doer: ActorRef) -> bool:
    """Whether a relay channel carries this armed party's word: its own group's (Amaq, IS's), or any
    group but a jihadist one for a relay with no group of its own (the axis's relays report IS's attacks,
    they do not carry its claims)."""
    if channel is None or channel.kind != "relay" or doer.kind not in ARMED:
        return False
    if channel.parent is not None:
        return same_party(channel, doer)
    return doer.kind != "jihadist"


def _body_speaks(s: Sentence, fw: FrameWords, speech: list[re.Match[str]]) -> str | None:
    """The state's body without its state that is the subject of a speech verb, if any: "the
    ministry said", "..., said the army", «وقالت وزارة الدفاع»."""
    for body in fw.bodies.finditer(s.norm):
        first, last = s.token_at(body.start()), s.token_at(body.end() - 1) + 1
        if fw.lang == "en" and first > 0 and s.toks[first - 1] in _CIVIL_BODY:
            continue  # "..., health officials said": the civil authority where the attack fell, no party named
        if fw.lang == "en" and first > 0 and s.toks[first - 1] in _NOT_STATE:
            continue  # "Kurdish officials said Turkish forces shelled ...": a people's or faction's body, no state's
        if fw.lang == "en" and body.group(0) in _BARE_OFFICIAL and not (
                first > 0 and punctuated(s, first) and last >= len(s.toks) - 2):
            continue  # "..., official says" ends a headline; "After Decades, Official Admits Iran Aided ..." names whose later
        for said in speech:
            pos = s.token_at(said.start())
            if 0 <= pos - last <= 2 and governs(s, last, pos):
                return body.group(0)
            if 1 <= first - pos <= 2 and (fw.lang != "en" or verb_first(s, said.group(0), pos)):
                return body.group(0)
    return None


def _body_state(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], call: Call,
                own_deed: bool = True, forces: bool = False) -> ActorRef | None:
    """The state a body named without its state speaks for ("..., the ministry said", "officials
    said", "state media reported"): the state the sentence names that did no attack in it, else one
    the message names; else (``own_deed``) a state that is the subject of its own attack verb
    ("America struck ..., officials said"). An attack noun's adjective ("an Israeli strike, the
    ministry said") is the other side's report."""
    events = events_of(s, fw, ok)
    doers = [d for _, _, d, _ in events if d is not None]
    if forces:
        # "the military said", "..., army says": a state's forces report their own attack first
        for start, end, doer, infinitive in events:
            if doer is not None and doer.kind in STATE and not infinitive and any(
                    same_party(r, doer) and m.end == start for m, r in ok) and _verb_use(s, fw, ok, end):
                return doer
    for r in [r for m, r in ok if r.kind in STATE and not named_as_place(s, m)]:
        if not any(same_party(r, d) for d in doers):
            return r
    for start, _, doer, infinitive in events if own_deed else []:
        if doer is not None and doer.kind in STATE and not infinitive and not fw.attack_noun.fullmatch(s.toks[start]):
            if any(same_party(r, doer) and m.end <= start for m, r in ok):
                return doer
    placed = {r.id for m, r in ok if named_as_place(s, m)}
    for r in call.states:
        if not any(same_party(r, d) for d in doers) and r.id not in placed:
            return r
    return None


def _verb_use(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], end: int) -> bool:
    """Whether an attack word right after its doer ("Israel strikes ...") is the verb: an object follows
    it (a party or a place named, or a target's word), not another verb ("Israel strikes kill 10")."""
    if end >= len(s.toks):
        return False
    return any(m.start == end for m in s.mentions) or any(m.start == end for m, _ in ok) or s.toks[end] in _OBJECTS


_OBJECTS = frozenset({"targets", "sites", "positions", "posts", "bases", "militants", "fighters", "hideouts", "the", "a", "an",
                      "several", "two", "three", "dozens"})


def _claim_verb(gz: Gazetteer, s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], call: Call) -> Cue | None:
    """"ISIS claims to have captured ...", "#Taliban Claims To Have Overrun ...", "as they claim",
    "the bombing claimed by al-Shabaab": a claim by the party named."""
    for m in fw.claim_verb.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        if fw.lang == "ar" and s.toks[t] in _AR_ALLEGED:
            continue  # «قتل شاب بنار الاحتلال بزعم محاولته تنفيذ عملية»: what it alleges of another, no deed it claims
        rest = s.norm[m.end():m.end() + 160]
        if not_claimed(fw, rest) or not (fw.event.search(rest) or fw.event.search(s.norm[:m.start()])):
            continue
        told = fw.event.search(rest)
        if told is not None and fw.modality.search(rest, 0, told.start()):
            continue  # "Russia claims Syria is preparing to recapture Raqqa": a plan, no attack
        lo = s.starts[max(t - 3, 0)] if s.starts else 0
        if fw.negation.search(s.norm[lo:m.start()]):
            continue
        claimant: ActorRef | None = None
        if end < len(s.toks) and s.toks[end] == "by":
            after = [r for mn, r in ok if end < mn.start <= end + 3]
            claimant = after[0] if after else None
        else:
            # not "operations against ISIS claim ...": the party attacked does not claim
            before = [r for mn, r in ok if 0 <= t - mn.end <= 3 and mn.end <= t
                      and not (mn.start > 0 and s.toks[mn.start - 1] in _AGAINST)]
            if not before and s.toks[end:end + 1] in (["they"], ["it"]):
                # "reports on SDF operations against ISIS claim they have taken ...": the doer of the
                # operations a little further back
                before = [r for mn, r in ok if 0 <= t - mn.end <= 6 and mn.end <= t
                          and not (mn.start > 0 and s.toks[mn.start - 1] in _AGAINST)]
            claimant = before[-1] if before else None
            if claimant is None and re.search(r"(?<!\w)(?:they|the group|it)(?!\w)", s.norm[lo:m.start()]):
                claimant = call.carried if call.carried is not None and call.carried.kind in ARMED else (
                    call.armed[0] if call.armed else None)
        if claimant is None or claimant.kind not in ARMED | STATE:
            continue
        if fw.lang == "fa" and any(mn.start >= end and not same_party(r, claimant) and "را" not in s.toks[mn.end:mn.end + 2]
                                   for mn, r in ok):
            continue  # «آمریکا ادعا کرد که کتائب حزب الله پشت حمله است»: another party's deed, a blame
        events = _events(gz, s, fw, ok)
        if any(doer is not None and start >= end and not same_party(doer, claimant) for start, _, doer, _ in events):
            continue  # "the government claimed the Daeshites killed ...": another's attack, a blame
        if _against_itself(s, ok, claimant, end):
            continue  # "Pentagon admits more attacks on US bases": the attacks it suffered
        if (end >= len(s.toks) - 1 or punctuated(s, end)) and (fw.modality.search(s.norm, 0, m.start()) or any(
                doer is not None and start < t and not same_party(doer, claimant) for start, _, doer, _ in events)):
            # "Trump will destroy NATO if re-elected, Esper claims": a forecast, another's deed (also before
            # the clause goes on: "an Israeli strike killed 45, the health ministry claimed, while ...")
            continue
        return Cue(_RULES["claim"], t, end, speaker=claimant, subject=claimant)
    return None


# «بزعم», «وبزعم»: "on the claim that", a pretext the party gives for its deed against another
_AR_ALLEGED = frozenset({"بزعم", "وبزعم", "لزعم"})
_ON = frozenset({"on", "against", "at", "targeting"})
_AGAINST = frozenset({"against", "targeting"})


def _against_itself(s: Sentence, ok: list[tuple[Mention, ActorRef]], claimant: ActorRef, end: int) -> bool:
    """Whether the attack after a claim verb is aimed at the claimant ("admits attacks on US
    bases", "acknowledged strikes against its forces")."""
    for i in range(end, min(end + 6, len(s.toks))):
        if s.toks[i] in _ON:
            if any(same_party(r, claimant) for mn, r in ok if i < mn.start <= i + 2):
                return True
            if s.toks[i + 1:i + 2] in (["its"], ["their"], ["our"]):
                return True
    return False


# what a group releases that is not its words: "Hamas releases two more hostages"
_RELEASED_PEOPLE = frozenset({"hostage", "hostages", "captive", "captives", "prisoner", "prisoners", "detainee", "detainees",
                              "abductee", "abductees", "women", "children", "civilians", "soldiers", "israelis", "americans",
                              "foreigners", "thai", "nationals", "elderly"})


def _relay_head(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]]) -> Cue | None:
    """"Ahrar official statement: We ...", "#IS releases ...": the group's own words relayed."""
    for m in fw.relay_heads.finditer(s.norm):
        t = s.token_at(m.start())
        before = [r for mn, r in ok if 0 <= t - mn.end <= 1 and mn.end <= t]
        if _RELEASED_PEOPLE.intersection(s.toks[t + 1:t + 5]):
            continue  # "Hamas releases two hostages taken in the October 7 attack": people freed, no words relayed
        if before and before[-1].kind in ARMED and fw.event.search(s.norm):
            return Cue(_RULES["claim"], t, t + 1, speaker=before[-1], subject=before[-1])
    return None
