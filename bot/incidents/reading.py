"""How the engine reads a message's statements before matching them: a state's strike "in response
to" an attack is placed without the attack it answers, hearsay of a group's attack is the outlet's
report, an attacked state's word that it thwarted the attack is its report, a victim's count of its
dead is a report, an interception is placed where the weapons were sent, and a statement of a strike
in response is flagged for the matcher. Pure: no storage."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from bot.incidents.claimants import Claimants
from bot.incidents.matching import (
    AIMED,
    INTERCEPTION,
    Matcher,
    Route,
    answered_places,
    attacked_at,
    is_retaliation,
)
from bot.incidents.places import LEVEL, Places
from classifiers.gazetteer import Gazetteer
from classifiers.normalize import normalize, normalize_cased, tokens
from classifiers.sentences import clean_body
from classifiers.types import Classification, PlaceRef, Statement
from watchers.message import Message

# "..., reports say", "a war monitor said", "pro-government media say": others tell the attack
HEARSAY = re.compile(r"\b(?:reports?|media|monitors?|observatory|sources|residents|witnesses)"
                     r"\s+(?:say|says|said|reported)\b", re.IGNORECASE)
# the group's own voice: its claim, statement or announcement
OWN_WORD = re.compile(r"claim|responsib|\bsaid it\b|\bsays it\b|\bannounc|\bstatement\b", re.IGNORECASE)
THWARTED = re.compile(r"\bthwart(?:ed|s)?\b|\bintercept(?:ed|s)?\b|\bshot down\b|\bfoiled\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# a headline's first deed, and the words that make what follows it background ("after", "in response to")
HEADLINE_DEED = re.compile(r"\b(?:attack(?:s|ed)?|strikes?|struck|airstrikes?|air strikes?|hits?|raids?|bomb\w*|shell\w*)\b",
                           re.IGNORECASE)
# "new attacks on bases", "attacks against US troops", "troops attacked": attacks that hit someone
ATTACKS_ON = re.compile(r"attacks?\s+(?:on|against|targeting)\b|attacked\b", re.IGNORECASE)
BACKGROUND = re.compile(r"\b(?:after|following|amid|since|in response to|retaliat\w*)\b", re.IGNORECASE)
# words that tell something was done to someone: an attack, its weapon, its dead ("rockets hit base",
# "three killed in blast", "US downs drones"); a headline or a statement with none of them tells no deed
DEED = re.compile(r"\b(?:attack\w*|strik(?:e|es|ing)|struck|air\s*strikes?|hits?|raid\w*|bomb\w*|shell\w*|"
                  r"kill\w*|dead|deaths?|die[sd]?|blasts?|explo\w*|rockets?|drones?|missiles?|shot\s+down|"
                  r"shoots?\s+down|downs|intercept\w*|targeted|targeting|ambush\w*|fire[sd]?\s+(?:on|at)|injur\w*|"
                  r"wound\w*|stab\w*|knif\w*|gunm[ae]n|shoot\w*|shot|responsib\w*|operations?)\b", re.IGNORECASE)
# what makes a headline's deed the cause of its news, not the news ("Fury ... after Hamas terrorists launch
# brutal attack", "Lebanon braced ... amid strikes"): a retaliation is itself a deed
# a headline counting attacks since a day ("Pentagon confirms 55 attacks on US troops ... since Oct. 17",
# "US targets were attacked at least 10 times since Thursday"): a tally, not one attack
TALLY = re.compile(r"\b(?:\d+|dozens of|scores of)\s+(?:\w+\s+)?(?:attacks|strikes)\b.*\bsince\b|"
                   r"\b(?:attacked|struck|hit|targeted)\s+(?:at least\s+|more than\s+)?\d+\s+times\s+since\b",
                   re.IGNORECASE)
# or what makes it a wish or a plan, not a deed done ("US senator calls for bombing Iran")
CAUSE = re.compile(r"\b(?:after|following|amid|since|in response to|calls? for|urges?|vows?|threatens?|plans?)\b",
                   re.IGNORECASE)


class Reader:
    """Reads statements for linking, with the gazetteer, places, claimants and matcher of an engine."""

    def __init__(self, gz: Gazetteer, places: Places, claimants: Claimants, matcher: Matcher) -> None:
        self.gz = gz
        self.places = places
        self.claimants = claimants
        self.matcher = matcher

    def read(self, st: Statement, msg: Message, cls: Classification) -> Statement:
        """A statement as the engine links it (each step below, in this order)."""
        st = self.attacks_headline(self.listed_country(self.continental(st)), msg, cls)
        return self.interception(self.victim_report(self.hearsay(self.own_strike(st, msg, cls)), msg), msg, cls)

    def attacks_headline(self, st: Statement, msg: Message, cls: Classification) -> Statement:
        """A state's claim told only below a headline whose news is attacks ("Pentagon confirms
        new attacks on bases in Syria, Iraq after latest US airstrikes" || "The overnight airstrikes
        ... have been met with retaliation attacks. US troops were hit four times"), in a story that
        tells the state's own forces attacked: the strike is background to the news. The state's
        word is its report of the attacks on its forces, not of its strike: no weapon, and not the
        strike's place (the attacks' place is not told by the claim)."""
        actor = st.subject or st.speaker
        title = (msg.title or "").strip()
        if st.stance != "claim" or not title or actor is None or not self.claimants.is_state(actor):
            return st
        side = self.claimants.side(actor.id)
        if any(x.stance == "claim" and x.evidence and x.evidence.strip() in title
               and (who := x.subject or x.speaker) is not None and self.claimants.side(who.id) == side
               for x in cls.statements):
            return st  # the headline's own claim ("US strikes militias after attacks on troops")
        first = HEADLINE_DEED.search(title)
        if first is None or not ATTACKS_ON.match(title, first.start()) or BACKGROUND.search(title, 0, first.start()):
            return st  # the headline's news is no attack on anyone ("US Attacks Eastern Syria"), or one the strike answers
        hit = self.forces_hit(msg)
        owner = self.gz.resolve_actor(hit) if hit else None
        if owner is None or self.claimants.side(owner.id) != side:
            return st
        return replace(st, stance="report", subject=None, speaker=st.speaker or actor, weapon=None, place=None)

    def strike_headline(self, msg: Message) -> str | None:
        """The side of the state whose strike a headline tells as its news, when the story tells
        the strike as the answer to an attack ("US fighter aircraft strike Hezbollah targets in
        Iraq after attacks on bases", "In First, US Deployed AC-130 Gunship To Attack Pro-Iran
        Militants In Iraq" over "... in response to fresh attacks by Iranian-backed militia
        fighters"): the state is the doer of the headline's first deed, not the party hit ("U.S.
        forces attacked at Iraq airbase"), the party written nearest before it ("Iran accuses
        Israel of ... missile strike": Israel's strike)."""
        title = (msg.title or "").strip()
        first = HEADLINE_DEED.search(title) if title else None
        if first is None or ATTACKS_ON.match(title, first.start()) or BACKGROUND.search(title, 0, first.start()):
            return None
        if not is_retaliation(msg.full_text):
            return None
        toks = tokens(normalize(title))
        before = len(tokens(normalize(title[:first.start()])))
        # the party written nearest before the deed ("Iran accuses Israel of ... strike": Israel)
        doer = max((m for m in self.gz.scan(toks, tokens(normalize_cased(title)), frozenset({"actor"}))
                    if m.end <= before), key=lambda m: m.start, default=None)
        if doer is None or doer.id not in self.gz.actors or attacked_at(toks, doer.start, doer.end):
            return None
        ref = self.gz.actors[doer.id].ref()
        return self.claimants.side(ref.id) if self.claimants.is_state(ref) else None

    def answered(self, st: Statement, striking: str | None) -> bool:
        """A statement of the attack a strike answers, in a story whose headline's news is that
        strike (``strike_headline``): a blame of someone other than the striking state, or a report
        of no airstrike and no striker ("Ain al-Asad air base was attacked by a close-range
        ballistic missile"). The story tells that attack as the strike's cause: such a statement
        may join the attack's incident, never open one."""
        if striking is None or st.stance not in ("attribution", "report") or self.matcher.striker(st) is not None:
            return False
        if st.stance == "report":
            return st.weapon != "airstrike"
        return st.subject is not None and self.claimants.side(st.subject.id) != striking

    def headline_news(self, msg: Message) -> bool:
        """Whether a message's headline tells a deed (an attack, a strike, its weapon or its dead)
        as its news: "Drone attack on Syrian military academy in Homs leaves 7 dead" does, "France
        issues arrest warrant for Syria's Bashar al-Assad", "Iran Looks to Houthi Proxies to
        Escalate Fight With Israel" and "Fury as flags are burned ... after Hamas launched its
        attack" do not (their attack is what the story is about, or its cause). A message without
        headline tells its news in its text."""
        title = (msg.title or "").strip()
        if not title:
            return True
        if TALLY.search(title):
            return False  # a count of attacks over weeks is many events, none of them the news
        deed = DEED.search(title)
        cause = CAUSE.search(title)
        return deed is not None and (cause is None or deed.start() < cause.start())

    def tells_deed(self, st: Statement) -> bool:
        """Whether a statement tells something was done: a weapon, a target, a count of dead or
        wounded, a day, or a word of a deed in its sentence. A blame read from "hope is pinned on
        the opening of the crossing ... from Egypt" tells none."""
        return bool(st.weapon or st.target or st.killed or st.wounded or st.casualties or st.event_date
                    or DEED.search(st.evidence or ""))

    def listed_country(self, st: Statement) -> Statement:
        """A statement whose country is one of a list ("attacks on US bases in Iraq and Syria by
        Iranian-backed militia", "groups who attacked troops in Iraq, Syria") tells attacks across
        several countries, not one event in either: placed in none of them."""
        if st.place is None or not st.evidence or self.places.level(st.place.id) != LEVEL["country"]:
            return st
        toks = tokens(normalize(st.evidence))
        found = [m for m in self.gz.scan(toks, tokens(normalize_cased(st.evidence)), frozenset({"place"}))
                 if self.places.level(m.id) == LEVEL["country"]]
        listed = any(a.id != b.id and st.place.id in (a.id, b.id) and (
            b.start == a.end or (b.start == a.end + 1 and toks[a.end] in ("and", "or")))
            for a, b in pairwise(found))
        return replace(st, place=None) if listed else st

    def continental(self, st: Statement) -> Statement:
        """A statement placed only in a region of many countries ("four new attacks on US troops in
        the Middle East", "a US Navy vessel operating in the Middle East region") is placed nowhere:
        it meets an event by its weapon or its party, not by lying in the same dozen countries
        (an Israeli raid in Jenin is "in the Middle East" too)."""
        if st.place is not None and self.places.continental(st.place.id):
            return replace(st, place=None)
        return st

    def forces_hit(self, msg: Message) -> str | None:
        """The forces a message tells attacked ("attacks on US troops", "American troops were hit"),
        as the gazetteer's target, if any."""
        text = msg.full_text
        toks = tokens(normalize(text))
        return next((m.id for m in self.gz.scan(toks, tokens(normalize_cased(text)), frozenset({"target"}))
                     if attacked_at(toks, m.start, m.end)), None)

    def own_strike(self, st: Statement, msg: Message, cls: Classification) -> Statement:
        """A state announcing a strike "in response to" an attack claims the strike, not the
        attack: the attacked base (any base the text names), its city and province, and its
        weapon belong to the other event. A report of such a strike is placed the same way."""
        strike_report = st.stance == "report" and (st.weapon == "airstrike" or self.matcher.striker(st) is not None)
        if not strike_report and (st.stance != "claim" or not self.claimants.is_state(st.subject or st.speaker)):
            return st
        if not is_retaliation(msg.full_text):
            return st
        bases = [p.id for p in cls.places if self.places.level(p.id) == 0]
        answered = answered_places(msg.full_text, list(cls.places))

        def attacked(place_id: str) -> bool:
            return place_id in answered or any(place_id == b or self.places.relate(place_id, b) is not None
                                               or self.places.relate(b, place_id) is not None for b in bases)

        place = st.place
        if place is not None and attacked(place.id):
            others = [p for p in cls.places if not attacked(p.id)]
            place = min(others, key=lambda p: self.places.level(p.id)) if others else None
        if strike_report and place is None and self.matcher.striker(st) is not None:
            # a state's strike told with only the places of what it answers: the state's strike of
            # its window, wherever that was (its striker finds it)
            return replace(st, place=None)
        if strike_report:
            return replace(st, place=place) if place is not None else replace(st, place=None, stance="skip")
        return replace(st, place=place, weapon="airstrike", target=None)

    def hearsay(self, st: Statement) -> Statement:
        """A group's attack told on others' word ("killed in an ambush by the Islamic State group,
        reports say", "..., a war monitor said"), with nothing of the group's own voice (no claim,
        no statement, no "said it"): the outlet's report of the attack, not the group's claim."""
        actor = st.subject or st.speaker
        if st.stance != "claim" or actor is None or self.claimants.is_state(actor) or not st.evidence:
            return st
        if not HEARSAY.search(st.evidence) or OWN_WORD.search(st.evidence):
            return st
        return replace(st, stance="report", subject=None, speaker=None)

    def thwarted(self, read: list[tuple[int | None, Statement]], msg: Message) -> list[Statement]:
        """A group's claim of an attack on a state's side, in an article where that state says it
        thwarted or intercepted the attack ("... Toward Israel. The Israeli military said it had
        thwarted a batch of aerial threats"): the state's word is its report of the attack, at the
        claim's place, as its word in a sentence of its own would be."""
        claims = [st for _, st in read if st.stance == "claim" and st.place is not None and st.subject is not None
                  and not self.claimants.is_state(st.subject)]
        if not claims:
            return []
        out: list[Statement] = []
        for sentence in SENTENCE_END.split(clean_body(msg.full_text)):
            if not THWARTED.search(sentence) or any(sentence.strip() in (c.evidence or "") for c in claims):
                continue
            found = self.gz.scan(tokens(normalize(sentence)), tokens(normalize_cased(sentence)), frozenset({"actor"}))
            states = [self.gz.actors[m.id].ref(m.alias) for m in found if m.id in self.gz.actors
                      and self.claimants.is_state(self.gz.actors[m.id].ref())]
            for claim in claims:
                assert claim.subject is not None
                mine = self.claimants.side(claim.subject.id)
                speaker = next((a for a in states if self.claimants.side(a.id) != mine), None)
                if speaker is not None:
                    out.append(Statement(stance="report", speaker=speaker, place=claim.place, weapon=claim.weapon,
                                         event_date=claim.event_date, evidence=sentence.strip()))
            if out:
                break
        return out

    def victim_report(self, st: Statement, msg: Message) -> Statement:
        """A party's word that its own forces were attacked ("coalition forces targeted in Iraq,
        a US official said") is its report of the attack, not its claim: the target names the
        speaker's own side. As a report it corroborates the attacker's claim."""
        actor = st.subject or st.speaker
        if st.stance != "claim" or not st.target or actor is None:
            return st
        owner = self.gz.resolve_actor(st.target)
        if owner is None or self.claimants.side(owner.id) != self.claimants.side(actor.id):
            return st
        # the target's words must be written as the party attacked, not as the doer ("US forces struck")
        text = st.evidence or msg.full_text
        toks = tokens(normalize(text))
        spans = [(m.start, m.end) for m in self.gz.scan(toks, tokens(normalize_cased(text)), frozenset({"target"}))
                 if m.id == st.target]
        if not any(attacked_at(toks, a, b) for a, b in spans):
            return st
        return replace(st, stance="report", subject=None, speaker=st.speaker or actor)

    def interception(self, st: Statement, msg: Message, cls: Classification) -> Statement:
        """A state's word that it shot down or intercepted drones or missiles ("a US destroyer shot
        down 14 drones launched from Houthi-controlled areas") is its report of the launcher's
        attack, not a strike of its own: as a report it corroborates the launcher's claim. Its
        subject is the launcher (the first armed party the message names besides the speaker's
        side), so the launcher's claim finds it when it comes later."""
        actor = st.subject or st.speaker
        if st.stance != "claim" or not self.claimants.is_state(actor):
            return st
        if not INTERCEPTION.search(st.evidence or msg.full_text):
            return st
        who = st.speaker or actor
        own = self.claimants.side(who.id) if who is not None else None
        launcher = next((a for a in cls.actors if a.known and not self.claimants.is_state(a)
                         and not self.claimants.is_generic(a.id) and self.claimants.side(a.id) != own), None)
        report = replace(st, stance="report", subject=launcher, speaker=st.speaker or actor)
        aimed = self.aimed_at(msg.full_text)
        return replace(report, place=aimed) if aimed is not None else report

    def aimed_at(self, text: str) -> PlaceRef | None:
        """The place launches were sent at ("missiles fired toward Israel", "drones targeting
        Eilat"): where the attack was, not where the weapons were downed."""
        norm = normalize(text)
        toks, cased = tokens(norm), tokens(normalize_cased(text))
        for m in self.gz.scan(toks, cased, frozenset({"place"})):
            before = toks[max(0, m.start - 3):m.start]
            if any(w in AIMED for w in before[-2:]) or before[-3:-1] in (["headed", "for"], ["bound", "for"]):
                return self.gz.places[m.id].ref(m.alias)
        return None

    def route(self, st: Statement, msg: Message, cls: Classification) -> Route | None:
        """Weapons downed over a sea were sent somewhere else: the statement may meet the claim of
        a launcher the message names (any armed party other than the speaker's side)."""
        entry = self.gz.places.get(st.place.id) if st.place is not None else None
        if entry is None or entry.kind != "sea" or not INTERCEPTION.search(st.evidence or msg.full_text):
            return None
        own = self.claimants.side(st.speaker.id) if st.speaker else None
        launchers = frozenset(x for a in cls.actors if a.known and not self.claimants.is_state(a)
                              and (x := self.claimants.side(a.id)) and x != own)
        if st.subject is not None and st.stance == "attribution":
            launchers |= {x for x in (self.claimants.side(st.subject.id),) if x}
        return Route(launchers) if launchers else None

    def downing(self, msg: Message) -> bool:
        """The message's headline (a post's first line) tells weapons shot down or intercepted ("US
        fighter jet shoots down armed Turkish drone over Syria"): its statements are of that."""
        head = (msg.title or "").strip() or (msg.text or "").strip().split("\n", 1)[0]
        return _intercepted(head)

    def answers(self, st: Statement, msg: Message) -> bool:
        """The statement is of a strike in response to an attack: a state's claim of its strike, or
        a report of an airstrike, in a message that says what it answers."""
        state_claim = st.stance == "claim" and self.claimants.is_state(st.subject or st.speaker)
        strike_report = st.stance == "report" and (st.weapon == "airstrike" or self.matcher.striker(st) is not None)
        return (state_claim or strike_report) and is_retaliation(msg.full_text)


@lru_cache(maxsize=64)
def _intercepted(text: str) -> bool:
    # asked for each statement of a message: its headline is searched once
    return bool(INTERCEPTION.search(text))
