"""Which incident a statement is about: its time window, the candidates, their scores.

Real coverage names one event in many ways: a claim names the base, a police report the city, a
wire story only the country or no place; a front group claims three days later without a date; a
state announces its strike "in response to" the attack. The rules here:

- places meet by identity, relation, containment or distance (``bot.incidents.places``);
- an undated claim looks back ``[incidents] claim_lookback`` and prefers the most recent event;
  undated reports are of the last two and a half days (attacks on one base three days apart stay two);
- a claimant does not claim one attack twice days apart: a second claim of the same place by the
  same group more than 36 h after its first is a new attack (a state's undated word on its strike
  of the last days, naming no other place and no weapon, is that strike);
- a statement without a place (or with only a country) joins the best candidate of its window
  that nothing contradicts (another claimant, another weapon) rather than opening an orphan;
  a claim that meets it only by its actor also needs the target or the time (within a day) to agree;
- a state's claim is of its own strike: it never joins an attack claimed by a group, nor the
  reverse; a strike "in response to" an attack (claimed by the state or reported as an airstrike)
  never joins an unclaimed incident at a base either: that is the attack it answers, reported
  before anyone claimed it ("US strikes in eastern Syria" after "the attack on Kharab al-Jir");
  a state's blame of a group in the story of its strike "in response" is of the attack answered,
  never of another state's own strike;
- nor does such a strike join an incident no state is told to have struck and no report calls a
  strike from the air ("six soldiers were killed in an attack"): it answers that attack; a blame in
  its story meets an attack days before by a weapon or an actor, not by the country alone; a
  group's claim does not join a strike the reports tell as a state's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache

from bot.incidents.claimants import Claimants
from bot.incidents.places import Places
from bot.incidents.policy import Policy
from classifiers.types import ActorRef, PlaceRef, Statement
from storage.incidents import IncidentValue

THRESHOLD = 0.45
ONLY_EVENT = "the one event of the day it names"
PLACELESS_MIN = 0.3  # a statement without a place joins a candidate this good rather than open an orphan
EPSILON = 1e-6  # scores are sums of tenths: 0.45 may come out as 0.44999999999999996
SAME_CLAIMANT_GAP = timedelta(hours=36)
AERIAL = frozenset({"airstrike", "drone"})  # a state's strike from the air, by aircraft or by drones
REPORT_DELAY = 2.5  # days: an undated report is of an event of the last two days or so
OTHER_DELAY = 4.0  # days: denials and attributions come later
RETALIATION = re.compile(
    r"retaliat|in response to|in responding to|response to (the |an |recent )?attack|self.defen[cs]e|for the attack"
    r"|followed an? (earlier |recent )?(attack|exchange)|after (they|militants|the militants) (launched|fired|attacked)"
    r"|(following|after) (an?|the) (\w+[ -]){0,2}attacks? (on|against|by|that|in)"
    r"|follows? an? (\w+[ -]){0,3}(attack|bombing)"
    r"|after (\w+[ .-]+){1,5}(were |was |are )?(injured|wounded|killed|hurt)( in\b|(?=\n|$))"
    r"|رد[اًا]* على|ردا على|انتقام|تلافی|پاسخ به|en représailles|en riposte|en réponse", re.IGNORECASE)


# "new airstrikes in Iraq", "fresh strikes", "another round of strikes", "a second wave": the text tells
# its strike as one after a strike already known
NEW_WAVE = re.compile(r"\b(?:new|fresh|another|further|renewed|more)\s+(?:round\s+of\s+|wave\s+of\s+)?(?:\w+\s+)?"
                      r"(?:air\s?strikes?|strikes?|raids?|bombing)\b|\b(?:second|third|fourth|\d+(?:st|nd|rd|th))\s+"
                      r"(?:round|wave)\b", re.IGNORECASE)

# "released footage of the strikes", "video shows the airstrike": a later word on strikes done
SHOWN = re.compile(r"(?<!\w)(?:releas\w*|publish\w*|shows?|showing|aired) (?:\w+ ){0,3}?(?:footage|videos?|clips?|images)"
                   r"(?!\w)|(?<!\w)(?:footage|videos?|clips?) (?:\w+ ){0,2}?(?:of|shows?|showing)(?!\w)", re.IGNORECASE)

# "shot down 14 drones", "downs missiles", "intercepted drones launched from Yemen", «اعتراض
# صاروخ», «أسقطت طائرة مسيرة», «رهگیری پهپاد», "a intercepté des drones": a party defending against
# another's launches, not striking on its own
INTERCEPTION = re.compile(
    r"(?<!\w)(?:shot|shoots|shoot|shooting) down|(?<!\w)(?:downs|downed|downing) (?:\w+ ){0,4}?(?:drones?|missiles?|rockets?"
    r"|uavs?|projectiles?|aerial)|(?<!\w)intercept(?:s|ed|ing|ion)?(?!\w)|اعتراض|اسقاط|أسقط|اسقط|رهگیری|سرنگون"
    r"|abattu|intercept[ée]", re.IGNORECASE)

# "fired toward Israel", "drones targeting Eilat", «باتجاه ايلات», "en direction d'Eilat": the place
# named after these words is where launches were sent
AIMED = frozenset({"toward", "towards", "targeting", "targetting", "باتجاه", "نحو", "به", "سمت", "direction", "vers"})


@dataclass(frozen=True, slots=True)
class Route:
    """A statement about weapons downed on their way (over a sea): where they fell is not where
    they were sent, so its place may meet the target's place of a claim by one of ``launchers``
    (the sides the message names besides the speaker's)."""

    launchers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Window:
    """When a statement says its event happened, and the span of candidate incidents."""

    event_time: datetime
    precision: str  # "day" (the text gives a date) or "message" (the message's own time)
    t0: datetime
    t1: datetime


@dataclass(frozen=True, slots=True)
class Match:
    incident: IncidentValue
    score: float
    reasons: tuple[str, ...]
    finer: bool  # the statement's place is more precise than the incident's


class Matcher:
    """Scores candidate incidents for one statement."""

    def __init__(self, places: Places, claimants: Claimants, policy: Policy) -> None:
        self.places = places
        self.claimants = claimants
        self.policy = policy

    def window(self, st: Statement, msg_date: datetime) -> Window:
        if st.event_date is not None:
            at = datetime.combine(st.event_date, time(12, 0), tzinfo=UTC)
            return Window(at, "day", at - timedelta(hours=36), at + timedelta(hours=36))
        back = timedelta(days=self._claim_limit(st)) if st.stance == "claim" else timedelta(days=OTHER_DELAY)
        return Window(msg_date, "message", msg_date - back, msg_date + timedelta(hours=12))

    def _claim_limit(self, st: Statement) -> float:
        """Days an undated claim looks back: a group may claim days later, a state announces its
        own strike within hours (a state's claim does not reach back to last week's attack)."""
        if self.claimants.is_state(st.subject or st.speaker):
            return REPORT_DELAY
        return self.policy.claim_lookback.total_seconds() / 86400

    def coarse(self, st: Statement) -> bool:
        """No place, or only a province, region, sea or country: candidates are looked up by time."""
        return st.place is None or self.places.level(st.place.id) >= 2

    def score(self, inc: IncidentValue, st: Statement, subject: ActorRef | None, w: Window,
              route: Route | None = None, answers: bool = False, blames_answered: bool = False,
              new_wave: bool = False, downing: bool = False) -> Match | None:
        """``answers``: the statement is of a strike in response to an attack; ``blames_answered``:
        it is a blame in a message telling a strike in response to an attack; ``new_wave``: its
        message tells the strike as a new one (``NEW_WAVE``); ``downing``: its message's headline
        tells weapons shot down (``INTERCEPTION``)."""
        if answers and (self._attack_at_base(inc) or self._no_strike(inc)):
            return None
        reasons: list[str] = []
        score = 0.0
        finer = False
        en_route = False
        if st.place is not None and inc.place_id is not None:
            related = self.places.relate(st.place.id, inc.place_id)
            if related is None and self._one_strike(inc, st, subject):
                related = self.places.same_region(st.place.id, inc.place_id)
            if related is None and route is not None and self._launched_by(inc, route):
                en_route = True
                score += 0.05
                reasons.append(f"downed on the way ({st.place.name}) to {inc.place or inc.place_id}")
            elif related is None and self._downed_on_the_way(inc, st, subject):
                # the same meeting the other way round: the interception came first, at sea
                en_route = finer = True
                score += 0.05
                reasons.append(f"downed on the way ({inc.place or inc.place_id}) to {st.place.name}")
            elif related is None:
                return None
            else:
                score += related.score
                reasons.append(related.reason)
                finer = related.finer
        elif st.place is not None or inc.place_id is not None:
            score += 0.05
            reasons.append("place known on one side only")
            finer = st.place is not None
        timing = self._timing(inc, st, w)
        if timing is None:
            return None
        score += timing[0]
        reasons.append(timing[1])
        striker = self.striker(st, subject)
        if st.weapon and inc.weapon:
            if st.weapon == inc.weapon:
                score += 0.1
                reasons.append(f"same weapon ({st.weapon})")
            elif striker is not None and self.claimants.side(striker.id) in self.strikers(inc) and (
                    st.stance == "report" or {st.weapon, inc.weapon} <= AERIAL):
                # one state's strike from the air, by jets here and by drones there, or an outlet's
                # report naming a drone in passing (its weapon is the first the text names): the
                # striker says which event it is, not the weapon. Unless the text tells its strike
                # as new ("US forces conduct new airstrikes in Iraq", the day after a gunship's
                # strike there): by other means than the strike known, it is the next wave
                if new_wave:
                    return None
                score -= 0.1
                reasons.append(f"different weapon ({st.weapon} vs {inc.weapon}), same striker")
            elif striker is None and st.stance == "report" and {st.weapon, inc.weapon} <= AERIAL and self.strikers(inc):
                # a report of a strike from the air that names no striker ("AC-130 gunship conducts
                # response airstrike"), at a state's own strike: jets, gunships and drones are all
                # that state's strike from the air (a striker named otherwise is ``_another_side``)
                score -= 0.1
                reasons.append(f"different weapon ({st.weapon} vs {inc.weapon}), a strike from the air")
            elif striker is not None and {st.weapon, inc.weapon} <= AERIAL and self._struck_from_air(inc):
                # "a drone strike hit a vehicle of a pro-Iran group", by no one's word: a state's
                # strike from the air, as those it hit tell it, may be the one the state announces
                score -= 0.1
                reasons.append(f"different weapon ({st.weapon} vs {inc.weapon}), a strike no one claims")
            elif striker is not None and not self.strikers(inc):
                return None  # a state's strike is not an unclaimed attack by other means (an ambush, a drone)
            elif (self.coarse(st) or inc.place_id is None) and not (st.place and st.place.id == inc.place_id):
                # with only a country to go by, the weapon is what says which event it is: a
                # state's airstrikes in Iraq are not the drone attack on a base in Iraq they answer
                return None
            else:
                score -= 0.2
                reasons.append(f"different weapon ({st.weapon} vs {inc.weapon})")
        claimants = {lk.subject_id for lk in inc.links if lk.role == "claim" and lk.subject_id}
        side = self.claimants.side
        actors = {side(a.id) for a in (subject, st.subject, st.speaker) if a}
        if actors & {side(lk.subject_id) for lk in inc.links if lk.subject_id}:
            score += 0.2
            reasons.append("same actor")
        if downing and not en_route and not any(r.startswith("same actor") for r in reasons) \
                and self._downed_elsewhere(inc, st):
            return None
        if (st.place is None or inc.place_id is None or en_route) and not self._placeless_agree(
                inc, st, reasons, timing[0], w):
            return None
        if st.stance == "claim" and subject is not None and claimants:
            if self._contradicts(inc, subject, claimants, w, placeless=self.coarse(st) or inc.place_id is None,
                                 later_word=self._later_word(inc, st, subject, w, finer)):
                return None
        if striker is not None and self._another_side(inc, striker):
            return None
        if striker is None and not downing and self._own_forces_hit(inc, st):
            # (in a story of a drone shot down as it neared the state's troops, the troops "targeted"
            # and the state's shooting it down are one event)
            return None
        if blames_answered and st.subject is not None and st.speaker is not None \
                and self._blames_another(inc, st.speaker, st.subject):
            return None
        if blames_answered and self.coarse(st) and timing[0] < 0.3 - EPSILON \
                and not any(r.startswith(("same weapon", "same actor")) for r in reasons):
            return None  # a blame in a strike's story, meeting an attack days before by its country alone
        if st.stance == "claim" and subject is not None and not self.claimants.is_state(subject) \
                and self.strikers(inc) and not claimants:
            return None  # a group's claim is not a state's strike the reports tell
        return Match(inc, score, tuple(reasons), finer)

    def striker(self, st: Statement, subject: ActorRef | None = None) -> ActorRef | None:
        """The state whose strike the statement is of: a state's claim, or a report telling a
        state's strike in the outlet's voice ("US carries out two air strikes in Syria")."""
        actor = (subject or st.subject) if st.stance == "claim" else st.subject if st.stance == "report" else None
        return actor if actor is not None and self.claimants.is_state(actor) else None

    def places_incident(self, inc: IncidentValue, st: Statement) -> bool:
        """Whether the statement's finer place may become the incident's. A blame of a party other
        than the state whose strike the incident is ("US strikes in Iraq ... after the drone attack
        on Erbil air base it blamed on Kataib Hezbollah") is placed where the attack it blames
        happened: that place is not the strike's, which answers the attack from elsewhere."""
        theirs = self.strikers(inc)
        if st.stance != "attribution" or not theirs:
            return True
        return st.subject is not None and self.claimants.side(st.subject.id) in theirs

    def strikers(self, inc: IncidentValue) -> set[str]:
        """The sides whose own strike the incident is: the states that claim it or that its
        reports tell as the striker."""
        actors = self.claimants.gz.actors
        side = self.claimants.side
        return {x for lk in inc.links if lk.subject_id and lk.role in ("claim", "report")
                and lk.subject_id in actors and self.claimants.is_state(actors[lk.subject_id].ref())
                and (x := side(lk.subject_id)) is not None}

    def _another_side(self, inc: IncidentValue, striker: ActorRef) -> bool:
        """A state's strike is not another state's strike, nor an attack a group claims, even on
        the same day in the same country: the sides must agree."""
        mine = self.claimants.side(striker.id)
        theirs = self.strikers(inc)
        if theirs and mine not in theirs:
            return True
        actors = self.claimants.gz.actors
        generic = self.claimants.is_generic
        return any(lk.role == "claim" and lk.subject_id and not generic(lk.subject_id)
                   and not (lk.subject_id in actors and self.claimants.is_state(actors[lk.subject_id].ref()))
                   for lk in inc.links)

    def _own_forces_hit(self, inc: IncidentValue, st: Statement) -> bool:
        """A report of attacks on a state's forces ("the Pentagon confirmed new attacks on US troops")
        is not that state's own strike: the one side attacks, the other is hit."""
        if st.stance != "report" or not st.target or st.weapon == "airstrike":
            return False  # a report of an airstrike tells the strike, whatever attacks it answers
        owner = self.claimants.gz.resolve_actor(st.target)
        return owner is not None and self.claimants.side(owner.id) in self.strikers(inc)

    def _blames_another(self, inc: IncidentValue, speaker: ActorRef, blamed: ActorRef) -> bool:
        """A state's blame of a group, in its strike's story ("US strikes ... in retaliation for the
        drone attack in northern Iraq it blamed on Iran-backed militias"), is of the attack answered,
        not of another state's own strike there that week (a state's strike and a group's attack
        are two events)."""
        theirs = self.strikers(inc)
        side = self.claimants.side
        return (bool(theirs) and self.claimants.is_state(speaker) and not self.claimants.is_state(blamed)
                and side(speaker.id) not in theirs and side(blamed.id) not in theirs)

    def _struck_from_air(self, inc: IncidentValue) -> bool:
        """An incident only reported, by no one claimed or blamed, that hit no forces the reports
        name and lies at no base: a strike from the air on whoever was there, not an attack on a
        state's forces (those are told as attacks on troops, or at their base)."""
        if inc.target or (inc.place_id is not None and self.places.level(inc.place_id) == 0):
            return False
        return all(lk.role == "report" and not lk.subject_id for lk in inc.links)

    def _no_strike(self, inc: IncidentValue) -> bool:
        """An incident no state claims or is told to have struck, and no report tells as a strike
        from the air ("six soldiers were killed in an attack in northern Iraq"): by all that is
        known of it an attack, not a strike; a state's strike in answer to an attack is not it."""
        return not self.strikers(inc) and inc.weapon not in AERIAL

    def _attack_at_base(self, inc: IncidentValue) -> bool:
        """An incident at a base that no state claims and no report calls an airstrike: an attack
        on the forces there (bases are where strikes are answered from, not what they hit)."""
        if inc.place_id is None or self.places.level(inc.place_id) != 0 or inc.weapon == "airstrike":
            return False
        actors = self.claimants.gz.actors
        return not any(lk.role == "claim" and lk.subject_id in actors
                       and self.claimants.is_state(actors[lk.subject_id].ref()) for lk in inc.links)

    def _launched_by(self, inc: IncidentValue, route: Route) -> bool:
        """The incident is claimed by a side the interception names as the launcher."""
        side = self.claimants.side
        return any(lk.role == "claim" and side(lk.subject_id) in route.launchers for lk in inc.links)

    def _downed_on_the_way(self, inc: IncidentValue, st: Statement, subject: ActorRef | None) -> bool:
        """A launcher's claim meets an incident at a sea that holds a report of its side's weapons
        downed there (an interception report's subject is the launcher)."""
        entry = self.places.entry(inc.place_id)
        if st.stance != "claim" or subject is None or self.claimants.is_state(subject) or entry is None \
                or entry.kind != "sea":
            return False
        side = self.claimants.side
        return any(lk.role == "report" and lk.subject_id and side(lk.subject_id) == side(subject.id)
                   for lk in inc.links)

    def _blamed_on_another(self, inc: IncidentValue, st: Statement) -> bool:
        """Someone blames the incident on a party other than the claimant (and not a mere
        description): it is not the claimant's event for want of anything better."""
        side, generic = self.claimants.side, self.claimants.is_generic
        mine = side(st.subject.id) if st.subject else None
        return any(lk.role == "attribution" and lk.subject_id and not generic(lk.subject_id)
                   and side(lk.subject_id) != mine for lk in inc.links)

    def _placeless_agree(self, inc: IncidentValue, st: Statement, reasons: list[str], timing: float,
                         w: Window) -> bool:
        """When one side has no place, time alone does not make two statements one event: the
        weapon must agree, or the actor. A claim joined by its actor alone also needs its target or
        its time to agree (the same day, or dates that meet): a group claims many attacks, and its
        claim of a bombing elsewhere two days later is not the attack it was blamed for. So does a
        blame naming no place and no weapon: a party is blamed for many events, and "Iraq condemns
        US strikes" a day after one US strike in Iraq may be of the next."""
        if any(r.startswith("same weapon") for r in reasons):
            return True
        if not any(r.startswith("same actor") for r in reasons):
            if (st.stance == "claim" and st.place is None and st.weapon is None and w.precision == "day"
                    and inc.time_precision == "day" and timing >= 0.3 - EPSILON
                    and not (st.target and inc.target and st.target != inc.target)
                    and not self._blamed_on_another(inc, st)):
                # "Friday's attacks on US interests", claimed with no place and no weapon: the event
                # of that day, when it is the only one (``choose``)
                reasons.append(ONLY_EVENT)
                return True
            return False
        if st.stance != "claim" and not (st.stance == "attribution" and st.place is None and st.weapon is None):
            return True
        same_target = bool(st.target and inc.target and st.target == inc.target)
        dates_meet = w.precision == "day" and inc.time_precision == "day"
        return same_target or dates_meet or timing >= 0.3 - EPSILON

    def _downed_elsewhere(self, inc: IncidentValue, st: Statement) -> bool:
        """A drone shot down somewhere in a country ("US fighter jet shoots down armed Turkish drone
        over Syria") is not an attack no one claims at a site in it ("drone attack on a military
        academy in Homs") for the weapon and the day: the downed weapon was on its way, and where it
        fell is told only by the country. Without an actor in common, it meets no finer incident
        but a base: drones downed as they neared the troops there are the attack on it ("US shoots
        down drones targeting its troops in Iraq")."""
        if not self.coarse(st) or inc.place_id is None or (st.place is not None and st.place.id == inc.place_id):
            return False
        if self.places.level(inc.place_id) == 0:
            return False
        if st.place is not None and self.places.level(inc.place_id) >= self.places.level(st.place.id):
            return False
        return not any(lk.role == "claim" for lk in inc.links)

    def _one_strike(self, inc: IncidentValue, st: Statement, subject: ActorRef | None) -> bool:
        """A state announcing strikes names several sites of one operation ("near Abu Kamal and
        Mayadin", later "in Deir ez-Zor"): its claim may be of the same side's strike elsewhere
        in the region."""
        claims = [lk for lk in inc.links if lk.role == "claim" and lk.subject_id]
        actor = subject or st.subject or st.speaker
        if st.stance != "claim" or actor is None or not self.claimants.is_state(actor):
            return False
        side = self.claimants.side(actor.id)
        return any(self.claimants.side(lk.subject_id) == side for lk in claims)

    def _timing(self, inc: IncidentValue, st: Statement, w: Window) -> tuple[float, str] | None:
        gap = abs((w.event_time - inc.event_time).total_seconds()) / 86400
        if w.precision == "day" and inc.time_precision == "day":
            if gap > 1.01:
                return None
            return (0.3, "same day") if gap < 0.5 else (0.2, "next day")
        delay = (w.event_time - inc.event_time).total_seconds() / 86400
        if st.stance == "claim":
            limit = self._claim_limit(st)
        elif st.stance == "report":
            limit = REPORT_DELAY
        else:
            limit = OTHER_DELAY
        early = -1.0 if w.precision == "day" or inc.time_precision == "day" else -0.5
        if delay < early or delay > limit:
            return None
        if abs(delay) <= 1:
            points = 0.3
        elif delay <= 4:
            points = 0.15
        else:
            points = 0.1
        return points, (f"{delay * 24:.0f} h after the event" if delay >= 0 else "just before")

    def _later_word(self, inc: IncidentValue, st: Statement, subject: ActorRef, w: Window, finer: bool) -> bool:
        """A state's undated word on a strike it already claimed here or inside the place it names
        (the Iraq strike, once a report placed it in Baghdad), naming no finer place and no
        weapon of its own, or showing footage of its strikes ("the Pentagon released footage this
        week of its recent airstrikes in Syria") ("Biden says the Iraq strike was meant to deter attacks", two days on): its
        strike of the last days, not a new one (a group's second claim of a place 36 h on is)."""
        return (self.claimants.is_state(subject) and w.precision == "message" and not finer
                and (st.weapon is None or bool(SHOWN.search(st.evidence or "")))
                and (st.place is None or st.place.id == inc.place_id
                     or (inc.place_id is not None and self.places.within(inc.place_id, st.place.id)))
                and self.claimants.side(subject.id) in self.strikers(inc))

    def _contradicts(self, inc: IncidentValue, subject: ActorRef, claimants: set[str], w: Window,
                     placeless: bool, later_word: bool = False) -> bool:
        state = self.claimants.is_state(subject)
        # "Iran-backed militias" describes whichever group claimed: it contradicts no group
        generic = self.claimants.is_generic
        others = {c for c in claimants if self.claimants.side(c) != self.claimants.side(subject.id)
                  and not generic(c) and not generic(subject.id)}
        for other in claimants:
            entry = self.claimants.gz.actors.get(other)
            other_state = self.claimants.is_state(entry.ref()) if entry else False
            if other_state != state:
                return True  # a state's strike and a group's attack are two events
        if placeless and others:
            return True  # without a place, another group's incident is not this one
        first = min((lk.at for lk in inc.links if lk.role == "claim" and lk.subject_id == subject.id), default=None)
        return (first is not None and w.precision == "message" and w.event_time - first > SAME_CLAIMANT_GAP
                and not later_word)

    def choose(self, matches: list[Match], st: Statement) -> Match | None:
        """The best match if it is good enough; the most recent event wins a tie."""
        if not matches:
            return None
        best = sorted(matches, key=lambda m: (-round(m.score, 6), -m.incident.event_time.timestamp()))[0]
        if ONLY_EVENT in best.reasons and len(matches) > 1:
            return None  # a claim of "Friday's attacks" on a day of several events names none of them
        if st.place is not None and best.incident.place_id is None:
            # a placed statement joins the placed event its place meets rather than an incident
            # opened without a place, which then merges into that event (``Engine._absorb``)
            placed = [m for m in matches if m.incident.place_id is not None and m.score >= (
                PLACELESS_MIN if self.coarse(st) else THRESHOLD) - EPSILON]
            if placed:
                return max(placed, key=lambda m: (round(m.score, 6), m.incident.event_time.timestamp()))
        floor = PLACELESS_MIN if (self.coarse(st) or best.incident.place_id is None) else THRESHOLD
        return best if best.score >= floor - EPSILON else None

# "attacks on US forces", "militants targeted the coalition", «استهداف القوات الأمريكية»,
# "attaque contre les forces américaines": the party named after these words is the one attacked
_ATTACKED_AFTER = frozenset({
    "on", "against", "targeting", "targeted", "attacked", "attacking", "struck", "hit", "hitting", "housing", "hosting",
    "wounding", "injuring", "killing", "ambushed", "shelled", "bombed", "contre", "visant", "ciblant", "استهداف", "استهدف",
    "استهدفت", "باستهداف", "على", "ضد", "هاجم", "هاجمت", "مهاجمه", "به"})
# "US forces were attacked", "coalition forces targeted in Iraq and Syria" (a headline's passive),
# "troops came under fire": the party named before these words is the one attacked
_AUXILIARY = frozenset({"was", "were", "is", "are", "been", "being", "have", "has", "had", "came", "come", "comes",
                        "again", "twice", "repeatedly", "reportedly", "ont", "ete", "a"})
_ATTACKED = frozenset({"attacked", "targeted", "hit", "struck", "shelled", "bombed", "ambushed", "wounded", "injured",
                       "killed", "under", "attaquees", "attaques", "ciblees", "visees", "تعرضت", "تعرض"})
_HEAD_NOUNS = frozenset({"troops", "forces", "soldiers", "personnel", "service", "members", "servicemembers", "base",
                         "bases", "convoy", "convoys", "positions", "facilities", "troupes", "soldats"})
_SITE_OF = frozenset({("used", "by"), ("home", "to"), ("occupied", "by"), ("utilisee", "par"), ("utilisees", "par")})
_NO_OBJECT = frozenset({"in", "at", "near", "by", "on", "with", "across", "overnight", "today", "yesterday", "late",
                        "early", "multiple", "several", "from", "and", "while", "during", "after", "twice", "again",
                        "en", "pres", "par"})


def attacked_at(toks: list[str], start: int, end: int) -> bool:
    """Whether the party named by ``toks[start:end]`` is written as the one attacked: after an
    attack word ("attacks on US forces"), or before a passive ("US forces were targeted",
    "coalition forces targeted in Iraq"), not as the doer ("US forces struck a depot")."""
    if start > 0 and toks[start - 1] in _ATTACKED_AFTER:
        return True
    if start > 1 and ((toks[start - 1] in ("the", "its", "al", "les", "des") and toks[start - 2] in _ATTACKED_AFTER)
                      or (toks[start - 2], toks[start - 1]) in _SITE_OF):
        return True  # "attacks on the coalition", "the airbase used by US forces"
    k = end
    while k < len(toks) and toks[k] in _HEAD_NOUNS:
        k += 1  # "coalition troops", "US service members"
    aux = False
    while k < len(toks) and toks[k] in _AUXILIARY:
        aux = True
        k += 1
    if k >= len(toks) or toks[k] not in _ATTACKED:
        return False
    # an active verb takes an object ("struck a depot"); a passive is followed by where, when or by
    # whom, or by how often ("attacked 4 times")
    after = toks[k + 1:k + 3]
    return aux or not after or after[0] in _NO_OBJECT or after[-1] in ("times", "fois", "مرات")


# "retaliatory airstrikes", "a self-defense strike": the cue describes the strike itself
_STRIKE_ITSELF = re.compile(r"(?:retaliatory|self.defen[cs]e)\W+(?:\w+\W+)?(?:air\W?)?(?:strikes?|raids?|bombing)",
                            re.IGNORECASE)


# each statement of a message asks these of its whole text (a news item's runs to pages): the
# answers for the last texts are kept, so a message is searched once, not once a statement
@lru_cache(maxsize=64)
def is_retaliation(text: str) -> bool:
    return bool(RETALIATION.search(text))


@lru_cache(maxsize=64)
def tells_new_wave(text: str) -> bool:
    """The text tells its strike as one after a strike already known (``NEW_WAVE``)."""
    return bool(NEW_WAVE.search(text))


def answered_places(text: str, places: list[PlaceRef]) -> set[str]:
    """The places a retaliation names only after a cue, in the cue's sentence ("strikes in
    Iraq following an attack on an air base in Erbil"): where the answered attack was. Each cue
    counts: a headline's "after troops wounded" names no place, its lead's "after a drone attack
    ... at Irbil air base" does."""
    low = text.lower()
    out = set()
    for cue in RETALIATION.finditer(text):
        if _STRIKE_ITSELF.match(text, cue.start()):
            continue  # "retaliatory airstrikes in eastern Syria": the place of the strike, not of what it answers
        end = min((i for i in (low.find(". ", cue.end()), low.find("\n", cue.end())) if i >= 0), default=len(low))
        for p in places:
            written = (p.as_written or p.name).lower()
            if written and written in low[cue.end():end] and written not in low[:cue.start()]:
                out.add(p.id)
    return out
