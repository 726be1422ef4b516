"""Stage 4: one cue becomes statements: its speaker and subject (stage 3), the denial kind read
from the denial's own words, the place, weapon, target, figures and date. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from classifiers.cues import Cue
from classifiers.dates import ANSWERED, OTHER_EVENT, resolve_event_date
from classifiers.events import comma_before, same_party
from classifiers.figures import Figures, extract_figures
from classifiers.gazetteer import Gazetteer
from classifiers.places import Where, answered_at, past_deeds_at, places_of, struck_after, told_among, told_before
from classifiers.sentences import Sentence
from classifiers.speakers import SAID, coordinated, governs, parties, pick
from classifiers.types import ActorRef, Statement
from classifiers.unnamed import UNNAMED, person_speaker, written_speaker

ARMED = frozenset({"core", "facade", "umbrella", "jihadist", "axis"})
STATE = frozenset({"state", "official"})


class MessageFacts:
    """Message-level figures and date, computed only if a statement needs them (most messages
    carry no statement, and these regexes are the costliest part of a quiet message)."""

    def __init__(self, norm: str, when: datetime | None) -> None:
        self.norm = norm
        self._date = when
        self._figures: Figures | None = None
        self._event_date: date | None = None
        self._dated = False
        self._answer_date: date | None = None
        self._answer_dated = False

    @property
    def figures(self) -> Figures:
        if self._figures is None:
            self._figures = extract_figures(self.norm)
        return self._figures

    @property
    def event_date(self) -> date | None:
        if not self._dated:
            self._event_date, self._dated = resolve_event_date(self.norm, self._date), True
        return self._event_date

    @property
    def answer_date(self) -> date | None:
        """The message's date for a claim of a strike answering another attack: not the day of the
        attack answered or of an event the message names in passing ("... against US troops, which
        happened Tuesday"), which a blame of that attack may still take."""
        if not self._answer_dated:
            self._answer_date, self._answer_dated = resolve_event_date(self.norm, self._date, OTHER_EVENT), True
        return self._answer_date


@dataclass(slots=True)
class Call:
    """What one ``classify`` call knows about its message, passed to every stage explicitly."""

    lang: str
    when: date | None
    date: datetime | None
    own: ActorRef | None  # the actor the source speaks for (source registry)
    facts: MessageFacts
    armed: list[ActorRef] = field(default_factory=list)
    states: list[ActorRef] = field(default_factory=list)  # the states and state bodies the message names
    weapon: str | None = None
    target: str | None = None
    # where the message's attacks are, read on the first statement whose own sentence names no place
    # it can take (most messages past the gate build no statement, most statements need none): see ``where``
    locate: Callable[[], Where] | None = None
    _where: Where | None = None
    # the names the message marks as places that the gazetteer does not know, read only for a
    # statement in a message that names no place it knows (rare): see ``written``
    locate_written: Callable[[], tuple[str, ...]] | None = None
    _written: tuple[str, ...] | None = None
    carried: ActorRef | None = None  # the speaker of the previous sentence, for "the group", "it", «وأضاف»
    # the armed group the sentences before named last ("The Pentagon blamed Kataib Hezbollah. The group
    # denied it": the group is Kataib Hezbollah, not the Pentagon that spoke)
    carried_group: ActorRef | None = None
    communique: ActorRef | None = None  # the group whose communiqué the message relays
    reporters: list[ActorRef] = field(default_factory=list)  # every party a sentence reports
    # a state's action in the outlet's voice ("US strikes sites in Syria"): its claim if it speaks too
    pending: list[tuple[Sentence, Cue]] = field(default_factory=list)
    has_deeds: bool | None = None  # whether the message names a deed of violence (asked for its blames)

    def where(self) -> Where:
        """The message's places for a statement whose own sentence names none (computed once)."""
        if self._where is None:
            self._where = self.locate() if self.locate is not None else Where([], [], [], {})
        return self._where

    def written(self) -> tuple[str, ...]:
        """The names the message's sentences mark as places ("the area of Matmoura") that the
        gazetteer does not know, first named first (computed once, when first asked: reading every
        sentence for them was a twentieth of the classifier's time, for an answer few messages need)."""
        if self._written is None:
            self._written = self.locate_written() if self.locate_written is not None else ()
        return self._written


_ANAPHOR = re.compile(r"(?<!\w)(?:the group|the militia|the faction|the organization|it|them|la milice|le groupe|"
                      r"ce groupe|cette milice|ces groupes|ces milices|cette faction|le mouvement|ce mouvement)(?!\w)")
_RESPONSE = re.compile(r"(?<!\w)(?:in response to|in retaliation for|retaliation for|in revenge for|in reprisal for|to avenge|ردا علي|رداً علي|ردا على|en represailles|"
                       r"en riposte|در پاسخ به|در تلافي)(?!\w)")


def _after_while(s: Sentence, at: int) -> bool:
    """A claim's words (token ``at``) come after "while", "whereas": "Tel Aviv says it hit a post in
    Lebanon, while the group says it launched rockets at three positions" (the clause before is
    another party's deed; not "a while ago")."""
    return any(s.toks[k] in ("while", "whereas") and s.toks[k - 1] != "a" for k in range(1, at))


def _country(gz: Gazetteer, actor_id: str) -> bool:
    """The actor is a state whose id is its country's place ("israel", "russia")."""
    place = gz.places.get(actor_id)
    return place is not None and place.kind == "country"


# the state whose forces a state-forces cue names by its first word ("Israeli jets struck ...")
_FORCES_OF = {"us": "united-states", "u": "united-states", "american": "united-states", "israeli": "israel"}


def _second_verb(s: Sentence, cue: Cue) -> bool:
    """Whether an English cue is the second verb of its subject after a clause of the first one's
    (", but denied", ", and rejected"): a speech verb and a comma before "but" or "and"."""
    if cue.start < 2 or not s.norm.isascii() or s.toks[cue.start - 1] not in ("but", "and"):
        return False
    return comma_before(s, cue.start - 1) and any(
        s.token_at(m.start()) < cue.start - 2 for m in SAID.finditer(s.norm, 0, s.starts[cue.start - 1]))


def _first_subject(gz: Gazetteer, s: Sentence, cue: Cue, when: date | None) -> ActorRef | None:
    """The party right before the sentence's first speech verb ("Iran said ..., but denied")."""
    said = SAID.search(s.norm)
    if said is None:
        return None
    pos = s.token_at(said.start())
    prior = [r for m, r in parties(gz, s, when, False) if 0 <= pos - m.end <= 3 and governs(s, m.end, pos)]
    return prior[-1] if prior else None


def build(gz: Gazetteer, s: Sentence, cue: Cue, call: Call, named: list[ActorRef]) -> list[Statement]:
    """The statements one cue makes (several when one claim names several bases)."""
    from classifiers.denials import about_attack, denial_kind

    rule = cue.rule
    stance = rule.stance
    in_claim = stance == "claim"
    when = call.when
    own = call.own
    accept: frozenset[str] | None = None
    if rule.needs == "armed":
        accept = ARMED
    elif rule.needs == "state":
        accept = STATE
    elif rule.needs == "armed_or_state":
        accept = ARMED | STATE
    elif rule.needs == "party":  # any party that fights, "rebels" too, named in the sentence
        accept = ARMED | STATE | frozenset({"generic"})
    elif stance == "claim":
        accept = ARMED | STATE | frozenset({"relay", "generic"})
    speaker: ActorRef | None = None
    # «قالت اللجنة إن تنظيم القاعدة أمر بتنفيذ التفجير»: the party before the words is the one blamed; only a
    # party the sentence reports speaks, else the description that speaks (read below), else no one blames
    reported_only = rule.speaker == "said" and rule.subject == "before" and rule.lang == "ar"
    # "Hezbollah has been blamed for the attack": a passive names no accuser; only a party the
    # sentence reports ("..., Israeli officials said") or a description of one blames, else no one named
    passive = rule.speaker == "passive"
    if rule.speaker == "frame":
        speaker = cue.speaker
    elif rule.fixed and rule.fixed in gz.actors:
        if rule.needs == "state":
            # "US forces struck ..." is a state's claim only when the state says so; a tweet
            # that a US strike hit a bakery is someone else's report
            from classifiers.speakers import parties, reporter
            # the sentence's reporter among all its parties: "according to Hezbollah, Israeli jets
            # struck ..." is Hezbollah's report, no state's claim
            said = reporter(s, parties(gz, s, when, in_claim))
            if said is not None and said.kind not in STATE:
                said = None
            forces = _FORCES_OF.get(s.toks[cue.start]) if cue.start < len(s.toks) else None
            if said is not None and forces is not None and forces in gz.actors and not (
                    said.id == forces or said.parent == forces):
                # "Syrian state media: Israeli jets struck ...", "Iraqi officials said US drones hit
                # ...": another state's word of these forces' strike is its blame (the frames'), no claim
                said = None
            # an army's or a ministry's own channel tells its own forces' strike; "US forces conducted a
            # strike in Baghdad" posted by Iraq's or Israel's channel is another state's strike (its
            # blame, the frames')
            speaker = said or (own if own is not None and own.kind in STATE
                               and same_party(own, gz.actors[rule.fixed].ref()) else None)
            if speaker is None:
                return []
        else:
            speaker = gz.actors[rule.fixed].ref()
    elif stance == "claim" and named and rule.needs is None:
        speaker = named[0]
    elif stance == "denial" and rule.speaker == "said" and own is not None and own.kind in STATE | ARMED and _unreported(
            gz, s, when):
        speaker = own  # "no damage was caused to the hospital" in an army's own post: the army says it
    elif rule.speaker == "source":
        if rule.needs == "claimant" and (own is None or own.kind not in ARMED | STATE):
            return []  # "we hit our peaks": weak first person with no claimant behind the channel
        speaker = own
        if speaker is None:
            # «الجيش الإسرائيلي: قصفنا مواقع لحماس»: the head before the colon says "we", not the party hit
            from classifiers.speakers import headline_speaker, parties
            head = headline_speaker(s, parties(gz, s, when, in_claim))
            if head is not None and head.kind in ARMED | STATE:
                speaker = head
    else:
        speaker = pick(gz, s, cue, "reported" if reported_only or passive else rule.speaker, when, in_claim, accept,
                       set())
        if speaker is None and stance == "claim" and rule.speaker == "before":
            said = pick(gz, s, cue, "before", when, in_claim, None, set())
            if said is not None and said.kind == "monitor":
                return []  # "SOHR claims that 135 soldiers were killed ...": a monitor's count, no one's claim
        if speaker is not None and stance == "claim" and rule.speaker == "before" and rule.needs == "state":
            nearest = pick(gz, s, cue, "before", when, in_claim, None, set())
            if nearest is not None and nearest.kind in ARMED and nearest.id != speaker.id:
                # "The Pentagon said Kataib Hezbollah carried out the drone strike": the group nearer the
                # verb did it; the state farther back reports it (its blame, the frames'), claims nothing
                return []
        if speaker is not None and rule.speaker == "before" and stance != "claim" and _second_verb(s, cue):
            # "Mehdi Hosseini Matin said UK interests could be affected ..., but denied any Iranian
            # involvement": the subject of the first verb denies, not the party inside its clause
            speaker = _first_subject(gz, s, cue, when) or call.carried or own
        if stance == "denial" and rule.speaker == "before" and _GROUP_BEFORE.search(
                " ".join(s.toks[max(cue.start - 3, 0):cue.start])):
            # "Turkey blamed the PKK for the Ankara bombing, but the group denied involvement": the
            # group is the armed party named before, not the capital of the bombing
            speaker = pick(gz, s, cue, "before", when, in_claim, ARMED, set()) or speaker
        if rule.needs == "state" and speaker is not None:
            from classifiers.speakers import parties, reporter
            said = reporter(s, parties(gz, s, when, in_claim, written=False))
            if said is None or not (said.id == speaker.id or said.parent == speaker.id or speaker.parent == said.id):
                # "US conducts airstrike on ...", «وكانت طائرات التحالف شنت غارات» in the outlet's voice (or a
                # witness's, «قال سامر وهو طالب إن قوات التحالف شنت غارات»): the state's claim only if the message
                # has the state speaking (decided at the end of the message)
                from classifiers.frames import frame_rule
                call.pending.append((s, Cue(frame_rule("claim"), cue.start, cue.end, speaker=speaker, subject=speaker)))
                return []
    if stance == "claim" and speaker is not None and speaker.kind == UNNAMED:
        # "US senator says American jets struck ...": a claim is a party's, never a description's (it
        # would read as a new group): the legislator's state, as before he had a name of his own
        speaker = gz.actors[speaker.parent].ref(speaker.as_written) if speaker.parent in gz.actors else None
    if speaker is not None and speaker.kind == "relay" and stance != "claim":
        entry = gz.actors.get(speaker.id)
        if entry and entry.speaks_for:
            speaker = gz.actors[entry.speaks_for].ref(speaker.as_written)  # "Amaq denies ..." is IS denying
        elif entry and entry.parent in gz.actors and gz.actors[entry.parent].kind == "state":
            # "..., Iranian state media said": a state's media blames and denies for its state
            speaker = gz.actors[entry.parent].ref(speaker.as_written)
    if speaker is not None and speaker.kind == "relay" and stance == "claim":
        entry = gz.actors.get(speaker.id)
        if entry and entry.speaks_for:
            speaker = gz.actors[entry.speaks_for].ref(speaker.as_written)
        else:
            # a relay "reports" a claim: the claimant is the armed group named nearby
            speaker = pick(gz, s, cue, "either", when, True, ARMED, set()) or (call.armed[0] if call.armed else None)
    if speaker is None and stance == "attribution" and rule.speaker == "after" and rule.subject == "before":
        # «اتهمت كتائب حزب الله واشنطن، وحمّلتها مسؤولية القصف»: the pronoun is the party named last, the
        # verb's subject the one the sentence opened with
        from classifiers.speakers import parties
        earlier = [r for m, r in parties(gz, s, when, False) if m.end <= cue.start]
        if len(earlier) >= 2 and earlier[0].id != earlier[-1].id:
            speaker = earlier[0]
        elif rule.lang == "ar":
            # «بعدما حمّلتها المعارضة مسؤولية الاغتيال»: a description after the verb blames; the party
            # named before is the pronoun, the one blamed, never its own accuser. A bare description
            # blames only a party named («تتهمه المعارضة بارتكاب جرائم حرب»: whom, the text does not say);
            # a state's body («تتهمه الحكومة التركية») is its state
            written = written_speaker(gz, s, cue, call.lang)
            if written is not None and (earlier or written.kind != UNNAMED):
                speaker = written
    if speaker is None and rule.speaker in ("before", "after", "either") and stance != "claim":
        # «"Ces informations sont fausses", a indiqué le Centcom»: the speaker follows the quote (not the
        # party before a pronoun object, «حركة حماس ... حمّلها»: that one is blamed, only a reporter speaks)
        pronoun = rule.speaker == "after" and rule.subject == "before" and rule.lang == "ar"
        speaker = pick(gz, s, cue, "reported" if pronoun else "said", when, in_claim, accept, set())
    if (rule.lang == "ar" and call.carried_group is not None and (speaker is None or speaker is call.carried)
            and (accept is None or call.carried_group.kind in accept) and _ar_group_anaphor(s, cue)):
        # «اتهمت واشنطن حركة حماس بتنفيذ الهجوم. ونفت الحركة أي علاقة لها»: "the movement" is the group
        # named before, not the party the sentence before spoke for
        speaker = call.carried_group
    if speaker is None and call.carried is not None and (accept is None or call.carried.kind in accept) and any(
            tok in _SUBJECT_PRONOUNS for tok in s.toks[max(cue.start - 2, 0):cue.start + 1]):
        # «Les Houthis ont publié un communiqué. Ils affirment avoir frappé ...»: the pronoun is the
        # party carried from the sentence before
        speaker = call.carried
    if speaker is None:
        if rule.needs in ("armed", "state", "armed_or_state", "party"):
            return []
        if stance == "claim":
            if call.carried_group is not None and _GROUP_SUBJECT.match(s.norm):
                speaker = call.carried_group  # "The IDF said Hezbollah fired ... . The group said it targeted ...": Hezbollah
            elif call.carried is not None and call.carried.kind in ARMED | STATE and _OPENS_WITH_PRONOUN.match(s.norm):
                speaker = call.carried  # "The army said it struck ... . It added that its jets hit ...": the army
            else:
                # "The army said its jets struck Hezbollah targets": not a group the attack hit
                speaker = next((a for a in call.armed if not _hit_here(s, cue, a)), None) or own
        elif rule.speaker in ("said", "reported", "opening", "before", "either", "first"):
            speaker = call.carried or own
            if call.carried_group is not None and _GROUP_SUBJECT.match(s.norm) and (
                    accept is None or call.carried_group.kind in accept):
                speaker = call.carried_group
            if speaker is not None and speaker is call.carried and stance == "attribution" and rule.lang == "ar":
                # «أكد المرصد ... . أدانت رئاسة المجلس التنفيذي القصف التركي»: the description the verb
                # has for its own subject speaks, not the party carried from a sentence before
                speaker = written_speaker(gz, s, cue, call.lang, own_verb=True) or speaker
            from classifiers.speakers import parties
            if (stance == "attribution" and speaker is not None and speaker is call.carried and own is not None
                    and own.kind in STATE | ARMED and own.id != speaker.id and rule.subject == "before" and any(
                        r.id == speaker.id for m, r in parties(gz, s, when, False) if m.end <= cue.start)):
                # "Ismail served in Hezbollah's military wing. Ismail planned rocket launches" in an army's
                # post: the party carried from the sentence before is the one blamed here, by the channel
                speaker = own
    if speaker is None and stance == "attribution" and rule.speaker == "reported":
        speaker = person_speaker(s, cue, call.lang)  # "Lindsey Graham said Iran was behind the attack"
    if speaker is None and stance == "attribution" and (rule.subject == "agent" or rule.speaker == "reported"):
        return []  # "missiles apparently launched by Houthi rebels" in the outlet's voice: no one blames
    subject: ActorRef | None = None
    blamed_at: tuple[int, int] | None = None
    if stance == "claim":
        subject = speaker
    elif rule.speaker == "frame":
        subject = cue.subject
    elif stance == "attribution":
        if rule.fixed_subject and rule.fixed_subject in gz.actors:
            subject = gz.actors[rule.fixed_subject].ref()
        else:
            exclude = {speaker.id} if speaker else set()
            if rule.subject == "within" and rule.lang == "ar":
                # «أدانت سوريا الهجوم التركي»: the adjective the cue ends on names the one blamed
                subject = _demonym_inside(gz, s, cue, call, exclude)
            if subject is None:
                subject = pick(gz, s, cue, rule.subject or "after", when, False, None, exclude)
            if subject is None and speaker is not None and rule.speaker == "before":
                subject = _antecedent(gz, s, cue, speaker, when)
            if subject is None and rule.subject in ("inside", "within"):
                subject = _demonym_inside(gz, s, cue, call, exclude)
            if subject is None and _ANAPHOR.search(s.norm[s.starts[min(cue.end, len(s.starts) - 1)]:]
                                                   if s.starts else ""):
                # "... which Washington blamed on the group": the armed group named before
                subject = pick(gz, s, cue, "before", when, False, ARMED, exclude)
            if subject is None and cue.end and s.toks[cue.end - 1] in _DATIVE:
                # «a attribué la frappe ... aux États-Unis»: a state after «à», «aux» is read as a place
                subject, blamed_at = _dative(gz, s, cue, speaker, when)
            if subject is None and speaker is not None and rule.speaker == "either" and not _accuses_unnamed(
                    s, cue, speaker, rule.lang):
                # «... وتتهم واشنطن»: the verb carries its subject; the actor after it is the
                # one blamed, and the speaker is whoever the sentence is about
                from classifiers.speakers import actor
                first = [m for m in s.mentions if m.kind == "actor" and m.end <= cue.start]
                subject = speaker
                speaker = actor(gz, first[0], when, False, s) if first else own
        if subject is None and speaker is None and rule.subject_optional:
            # "An official blamed militants for the attack", «اتهم مصدر أمني مسلحين ...»: neither party
            # is in the gazetteer, but the text describes who blames
            speaker = written_speaker(gz, s, cue, call.lang) if _accuses_described(s, cue, call.lang) else None
        if subject is None and (not rule.subject_optional or speaker is None):
            return []  # "the accused", "bear responsibility for them": no one blames anyone
        if subject is None and about_attack(" ".join(s.toks[max(cue.start - 6, 0):cue.end + 12])) is not True:
            return []  # "the bank said, blaming mainly a shock to tourism": a blame no attack is near
    kind = None
    if stance == "denial":
        from classifiers.speakers import parties
        if speaker is None:
            # «وتنفي الحكومة ...», "A security source denied ...": no party of the gazetteer speaks, the
            # description the text gives its speaker does (before the denied words are read: whose
            # deed is denied depends on who denies). A claim needs a party: it may be a new group.
            speaker = written_speaker(gz, s, cue, call.lang)
        agent: ActorRef | None = None
        if rule.subject == "before":
            # "The Pentagon said Israel was not behind the strike": the party before the words is
            # the one cleared, the reporter the denier; with neither a party nor a pronoun there
            # ("civilians not involved in the fighting") nobody denies anything
            agent = pick(gz, s, cue, "before", when, False, ARMED | STATE, set())
            if agent is None and not _SUBJECT_BEFORE.search(" ".join(s.toks[max(cue.start - 2, 0):cue.start])):
                return []
        elif rule.subject == "next":
            # "... were likely Somali, not Houthi rebels": the party right after "not" is cleared
            agent = next((r for m, r in parties(gz, s, when, False, written=False)
                          if cue.end <= m.start <= cue.end + 1 and r.kind in ARMED | STATE), None)
            if agent is None:
                return []
        elif rule.subject == "agent":
            # "... was not carried out by Yemeni Houthis, the Pentagon said": the agent is the one cleared
            agent = pick(gz, s, cue, "agent", when, False, ARMED | STATE, set())
            if agent is None:
                return []
        kind, subject, speaker = _denied(gz, s, cue, call, speaker, rule.kind or denial_kind(s.norm, call.facts.norm),
                                         rule.kind is not None, agent)
    if speaker is None and stance == "attribution":
        speaker = written_speaker(gz, s, cue, call.lang)  # (after the subject: see the denial's below)
        if speaker is None and reported_only:
            return []  # «وأشارت الصحيفة إن ولاية سيناء دبر الهجمات»: an outlet's word, no party's
    response = _RESPONSE.search(s.norm)
    cut = s.token_at(response.start()) if response and stance == "claim" else None
    if cut is None and stance == "claim" and (after := struck_after(s.norm)) is not None:
        cut = s.token_at(after)  # "Israel strikes Syria after drone attack on Eilat"
    if cut is None and stance == "claim" and (past := past_deeds_at(s.norm)) is not None:
        cut = s.token_at(past)  # "struck X, who was involved in attacks against Israel": his past deeds'
    answers = cut is not None  # (the strike answers another attack, or tells the past deeds of the man struck)
    if cut is None and stance == "claim" and _after_while(s, cue.start):
        cut = 0  # "X says it hit Lebanon, while the group says it fired at ...": the places before are X's
    told = told_before(s)
    targets = places_of(gz, s, cue, call.where, cut, many=stance == "claim",
                        not_places=frozenset({blamed_at}) if blamed_at else frozenset(),
                        told=told, blame=stance == "attribution", elsewhere=call.written,
                        own=subject.id if stance == "claim" and subject is not None and _country(gz, subject.id) else None,
                        party=subject.id if stance in ("claim", "attribution") and subject is not None else None)
    weapon = next((m.id for m in s.mentions if m.kind == "weapon"), None) or call.weapon
    # (not the target of an attack the statement's answers or follows: "US strikes ... amid attacks on American troops")
    target = next((m.id for m in s.mentions if m.kind == "target" and not (
        stance == "claim" and (answered_at(s, m.start) or told_among(s, m.start)))), None) or call.target
    figs = extract_figures(s.norm_punct)
    if figs.killed is None and figs.wounded is None and figs.casualties is None and stance == "claim":
        figs = call.facts.figures
    if answers and stance == "claim":
        # a strike that answers another attack: the day of the attack answered ("in response to
        # Tuesday's attack") is not the strike's, nor, elsewhere in the message, the day of an event
        # named in passing ("... against US troops, which happened Tuesday")
        event_date = resolve_event_date(s.norm_punct, call.date, (ANSWERED,)) or call.facts.answer_date
    else:
        event_date = resolve_event_date(s.norm_punct, call.date) or call.facts.event_date
    evidence = s.original[:200]
    found = [
        Statement(stance=stance, speaker=speaker, subject=subject, denial_of=kind, target=target,
                  place=p, place_written=finer,
                  weapon=weapon, killed=figs.killed, wounded=figs.wounded, casualties=figs.casualties,
                  event_date=event_date, evidence=evidence)
        for p, finer in targets
    ]
    if stance == "claim":
        return found
    # "Hamas, Hezbollah say Iran helped plan ...", «نفت حماس والجهاد ...»: each party of the subject
    # speaks (of its own deed where the first one denies its own)
    own_deed = subject is not None and speaker is not None and subject.id == speaker.id
    partners = coordinated(gz, s, cue, speaker, when, accept)
    return found + [replace(st, speaker=p, subject=p if own_deed else st.subject) for p in partners
                    if subject is None or own_deed or p.id != subject.id for st in found]


# the heads of an object relative clause: "Islamic Jihad, the group Israel blamed for ...",
# "Kataib Hezbollah, which Washington blames for ..."
_RELATIVE_HEADS = (("which",), ("whom",), ("that",), ("the", "group"), ("the", "groups"), ("a", "group"),
                   ("the", "militia"), ("the", "militias"), ("the", "faction"), ("the", "movement"),
                   ("the", "organization"), ("the", "organisation"))


def _hit_here(s: Sentence, cue: Cue, party: ActorRef) -> bool:
    """The party is named in this sentence only inside the cue or right after it: the object of the
    attack the cue tells ("said its jets struck Hezbollah targets"), not its unnamed speaker (a
    hashtag at the end of a tweet may still name the claimant)."""
    at = [m.start for m in s.mentions if m.kind == "actor" and m.id == party.id]
    return bool(at) and all(cue.start <= pos <= cue.end + 3 and pos > 0 and (
        s.toks[pos - 1] in _HIT_WORDS
        or (pos > 1 and (s.toks[pos - 1] in _DETERMINERS or s.toks[pos - 1].isdigit()) and s.toks[pos - 2] in _HIT_WORDS))
        for pos in at)


_DETERMINERS = frozenset({"a", "an", "the", "two", "three", "several", "dozens", "multiple"})
# the words right before the party an attack hits ("struck Hezbollah targets", "attacks on Hamas")
_HIT_WORDS = frozenset({"struck", "hit", "hits", "targeted", "targeting", "attacked", "bombed", "shelled", "raided",
                        "killed", "killing", "striking", "on", "against",
                        # «قصفنا مواقع لحماس»: the positions, bases and gatherings of the party hit
                        "مواقع", "موقع", "مقرات", "مقر", "اهداف", "تجمعات", "تجمع", "معاقل", "ضد", "علي"})


# what may stand right after an Arabic accuser before its charge that is no accused («اتهمت حماس اليوم ...»)
_NO_ACCUSED = frozenset({"في", "امس", "اليوم", "ايضا", "كذلك", "مجددا", "رسميا", "صراحه", "علنا", "علانيه"})


def _accuses_unnamed(s: Sentence, cue: Cue, speaker: ActorRef, lang: str) -> bool:
    """«اتهمت حماس جهات مجهولة بتفجير ...», «اتهم الجيش مسلحين بقصف الحي»: the party right after the
    verb is its subject and an accused the gazetteer does not know follows it, so the party accuses and
    no one is named as blamed; not «... وتتهم واشنطن بالوقوف وراء الهجوم», whose party is the accused."""
    if lang != "ar" or not _opens_clause(s, cue.start):
        return False  # «تحالف القوى يتهم كتائب حزب الله ...»: the subject stands before, the party after is accused
    after = [m for m in s.mentions if m.kind == "actor" and m.start == cue.end]
    if not after:
        return False
    end = after[0].end
    if end >= len(s.toks):
        return False
    nxt = s.toks[end]
    # not «يتهم كتائب حزب الله ورساليون بـ...»: a second accused joined to the first
    return not nxt.startswith(("ب", "و")) and nxt not in _NO_ACCUSED


def _accuses_described(s: Sentence, cue: Cue, lang: str) -> bool:
    """Whether the blame describes the one it blames as a party ("blamed armed groups for",
    «اتهم مصدر أمني مسلحين بـ»): words of the language's ``unnamed_accused`` in the cue or the few
    words after it, not "blamed a gas leak for the explosion"."""
    from classifiers.framewords import words_for

    fw = words_for(s.original, lang)
    return fw is not None and any(t in fw.unnamed_accused for t in s.toks[cue.start:cue.end + 5])


# the particles an Arabic verb opening its clause may follow («وقد اتهمت ...», «فيما اتهم ...»)
_CLAUSE_PARTICLES = frozenset({"قد", "وقد", "لقد", "كما", "فيما", "بينما", "حيث", "بعدما", "عندما", "ثم", "كذلك", "فقد"})


def _opens_clause(s: Sentence, pos: int) -> bool:
    """Whether the Arabic verb at token ``pos`` opens its clause: first in the sentence, with «و» or
    «ف» on it, after a particle or after punctuation (its subject follows it)."""
    if pos == 0 or s.toks[pos][:1] in ("و", "ف") or s.toks[pos - 1] in _CLAUSE_PARTICLES:
        return True
    from classifiers.speakers import clause_initial
    return s.punct_aligned and clause_initial(s, pos)


def _antecedent(gz: Gazetteer, s: Sentence, cue: Cue, speaker: ActorRef, when: date | None) -> ActorRef | None:
    """The party an object relative clause points back to when the blamer stands inside it:
    "Kataib Hezbollah, which Washington blames for the attacks" blames Kataib Hezbollah."""
    from classifiers.speakers import parties

    found = parties(gz, s, when, False, written=False)
    blamer = [m for m, r in found if m.end <= cue.start and cue.start - m.end <= 3 and r.id == speaker.id]
    if not blamer:
        return None
    at = blamer[-1].start
    while at > 0 and s.toks[at - 1] in ("the", "its", "their"):
        at -= 1  # "which the US blames"
    head = next((h for h in _RELATIVE_HEADS if at >= len(h) and tuple(s.toks[at - len(h):at]) == h), None)
    if head is None:
        return None
    at -= len(head)
    while at > 0 and s.toks[at - 1] in _GROUP_WORDS:
        at -= 1  # "Kataib Hezbollah, a group that ..."
    before = [r for m, r in found if m.end == at and r.id != speaker.id]
    return before[-1] if before else None


_GROUP_WORDS = frozenset({"a", "an", "the", "group", "groups", "militia", "militias", "faction", "factions", "movement",
                          "organization", "organisation", "militant", "armed", "terrorist", "paramilitary"})


def _demonym_inside(gz: Gazetteer, s: Sentence, cue: Cue, call: Call, exclude: set[str]) -> ActorRef | None:
    """A party the cue's own words name by its adjective ("have Iranian fingerprints all over them")."""
    from classifiers.frames import demonym_mentions
    from classifiers.framewords import words_for
    from classifiers.speakers import actor

    fw = words_for(s.original, call.lang)
    if fw is None:
        return None
    for m in demonym_mentions(gz, s, fw):
        if cue.start <= m.start and m.end <= cue.end and not (m.end < len(s.toks) and s.toks[m.end] in _LINKED):
            # (not "strikes on Iranian-linked targets": the party the targets are linked to)
            ref = actor(gz, m, call.when, False)
            if ref.id not in exclude:
                return ref
    return None


_DATIVE = frozenset({"a", "au", "aux"})
_LINKED = frozenset({"linked", "backed", "aligned", "affiliated", "supported", "sponsored", "allied", "funded"})
_GROUP_BEFORE = re.compile(r"(?<!\w)the (?:group|militia|movement|organi[sz]ation|faction|militants|rebels|insurgents)"
                           r"(?: (?:has|have|had|also|quickly|swiftly|later|again))*$")
_SPEECH = frozenset({"said", "says", "say", "told", "added", "stated", "insisted", "insists"})
_SUBJECT_BEFORE = re.compile(r"(?<!\w)(?:it|they|we|i|he|she)(?: (?:said|says|insisted|insists|added|stressed))?$")
_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "وي", "او"})


def _dative(gz: Gazetteer, s: Sentence, cue: Cue, speaker: ActorRef | None, when: date | None,
            ) -> tuple[ActorRef | None, tuple[int, int] | None]:
    """The party a French attribution names after «à»/«aux» when the scan read its name as a place:
    the last one of the clause, not the speaker («Bagdad a attribué la frappe ... à Bagdad aux
    États-Unis»: the strike at Baghdad, blamed on the United States)."""
    from classifiers.speakers import clause_initial

    found: tuple[ActorRef | None, tuple[int, int] | None] = (None, None)
    for m in s.mentions:
        if m.kind != "place" or m.start < cue.end - 1 or m.start == 0:
            continue
        if any(clause_initial(s, k) for k in range(cue.end, m.start + 1)):
            break  # past the clause
        if s.toks[m.start - 1] not in _DATIVE and not (m.start > 1 and s.toks[m.start - 2] in _DATIVE
                                                        and s.toks[m.start - 1] == "l"):
            continue
        ref = gz.resolve_actor(m.alias, when)
        if ref is not None and ref.kind in STATE | ARMED and (speaker is None or not (
                ref.id == speaker.id or ref.parent == speaker.id or speaker.parent == ref.id)):
            found = ref, (m.start, m.end)
    return found


_OPENS_WITH_PRONOUN = re.compile(r"(?:it|they|he|she|the group|the movement|the militia|the army|the military) ")
# the Arabic nouns by which a sentence points back to an armed group named before («الحركة», «التنظيم»)
_AR_GROUP_NOUNS = frozenset({"الحركه", "الجماعه", "التنظيم", "الكتايب", "الحزب", "الفصيل", "الميليشيا", "المليشيا",
                             "الميليشيات", "المليشيات", "الفصايل", "الجبهه", "الهييه", "الحركتان"})


def _ar_group_anaphor(s: Sentence, cue: Cue) -> bool:
    """Whether the subject of an Arabic cue is a group noun pointing back: right after the verb
    («ونفت الحركة»), or right before it («الحركة نفت»)."""
    def group(at: int) -> bool:
        tok = s.toks[at] if 0 <= at < len(s.toks) else ""
        return tok in _AR_GROUP_NOUNS or (tok[:1] in ("و", "ف") and tok[1:] in _AR_GROUP_NOUNS)

    # (not a name of its own: «ونفى الحزب الحاكم», «الجماعة الإسلامية»)
    named = cue.end + 1 < len(s.toks) and s.toks[cue.end + 1].startswith("ال")
    return (group(cue.end) and not named) or group(cue.start - 1)


# a sentence whose subject is an armed group named before by its kind ("The group denied ...")
_GROUP_SUBJECT = re.compile(r"(?:the|but the|however the) (?:group|militia|movement|faction|organisation|organization) ")


def _unreported(gz: Gazetteer, s: Sentence, when: date | None) -> bool:
    """Whether no party is reported speaking in ``s`` (no "X said", "according to X", "X: ...")."""
    from classifiers.speakers import parties, reporter
    return reporter(s, parties(gz, s, when, False, written=False)) is None


def _denied(gz: Gazetteer, s: Sentence, cue: Cue, call: Call, speaker: ActorRef | None, kind: str,
            fixed: bool, agent: ActorRef | None = None) -> tuple[str, ActorRef | None, ActorRef | None]:
    """The denial's kind, subject and speaker, read from the words it denies (``_denied_kind``);
    the author of the denied report is not its denier."""
    from classifiers.denials import denied_parties
    from classifiers.frames import demonym_mentions
    from classifiers.framewords import words_for
    from classifiers.speakers import actor, headline_speaker, parties

    ok = parties(gz, s, call.when, False, written=False)
    if speaker is not None:
        # "..., the Pentagon said", "Jordan said the strike took place outside ...": the denier's own
        # "X said" is no report the denial denies
        ok = [(m, r) for m, r in ok if not (r.id == speaker.id and m.end < len(s.toks) and s.toks[m.end] in _SPEECH)]
    fw = words_for(s.original, call.lang)
    demonyms = [(m.start, actor(gz, m, call.when, False)) for m in demonym_mentions(gz, s, fw)] if fw else []
    found = denied_parties(s, cue.start, cue.end, ok, demonyms, fw is not None and fw.lang == "fr")
    doer, accuser, own, role = found.doer, found.accuser, found.own, found.role
    if accuser is not None and speaker is not None and speaker.id == accuser.id and cue.rule.speaker == "said" and (
            headline_speaker(s, ok) is None):
        # ("Pentagon: Reports that US troops were killed are false": the head speaks, it wrote no report)
        # "The Houthi claims of a hit are false, the Pentagon said": "claims" is no speech of the Houthis
        speaker = pick(gz, s, cue, "said", call.when, False, None, {accuser.id}) or (
            call.own if call.own is not None and call.own.id != accuser.id else None)
    kind, subject = _denied_kind(s, cue, speaker, kind, fixed, doer, accuser, own, role)
    if agent is not None and kind == "responsibility":
        subject = agent
    return kind, subject, speaker


# the report a denial denies is the other party's claim of its own deed, not an accusation aimed at the denier
_CLAIM_WORD = re.compile(r"(?<!\w)(?:claim|claims|claimed|assertion|assertions|boast|boasts)(?!\w)")


def _denied_kind(s: Sentence, cue: Cue, speaker: ActorRef | None, kind: str, fixed: bool, doer: ActorRef | None,
                 accuser: ActorRef | None, own: bool, role: bool) -> tuple[str, ActorRef | None]:
    """A deed of the denier's own party ("denies claims of Russian strikes") is its responsibility
    denied; a responsibility denial is the denier's own unless it names another party's role
    ("rules out any Iranian involvement"); an event or its figures belong to the doer the denied
    report names ("reports the town was captured by X"), else to the party whose report is denied
    ("the Pentagon claim that ...")."""
    from classifiers.denials import denial_words, denied_span, says_responsibility
    from classifiers.events import same_party

    if own or (doer is not None and speaker is not None and same_party(doer, speaker)):
        return ("responsibility" if kind == "event" and not fixed else kind), speaker
    other = doer or accuser
    lo, hi = denied_span(len(s.toks), cue.start, cue.end, s.toks)
    # «L'EI affirme avoir tué 50 soldats, ce que dément l'armée»: the words before are the first
    # speaker's, so their "avoir tué" names no role of the denier's
    before = hi <= cue.start
    if kind == "responsibility" and not fixed and other is not None and not role and (
            s.toks[cue.start] == "ce" or not says_responsibility(s.norm)) and (
            denial_words().attack.search(" ".join(s.toks[lo:hi] if before else s.toks[cue.start + 1:cue.end + 20]))):
        # "rebutted the Houthi claim that a warship was struck", "denied Hezbollah's claim that it
        # destroyed a tank": the deed another party reported, not the denier's role, is denied
        return "event", other
    if kind == "responsibility" and not fixed and doer is not None and accuser is not None and doer.id == accuser.id and (
            speaker is None or not same_party(doer, speaker)) and _CLAIM_WORD.search(" ".join(s.toks[cue.start:cue.end + 8])):
        # "denied a claim by the Houthis that they carried out a drone strike on its vessel": the
        # claimant's own deed is what is denied, not a role of the denier's ("carried" is no role here)
        return "event", doer
    if kind == "responsibility":
        return kind, doer if doer is not None and role else speaker
    if doer is None and accuser is not None and not (speaker is not None and same_party(accuser, speaker)):
        doer = accuser
    return kind, doer
