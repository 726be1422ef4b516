"""The classifier: one message in, its language, statements, actors, places and new names out.

A cheap whole-message gate first (most messages carry no stance wording at all). A message past
it goes through the stages, each a module with one job, the per-call state (``Call``) passed to
each explicitly:

1. ``sentences``: dateline and time stamps stripped, sentences cut, each normalised and scanned
   for gazetteer mentions;
2. ``cues`` and ``frames``: the stance wording of ``data/phrases.toml``, then the structures
   around it (reported speech, a state's own action, a relayed communiqué, negation scope);
3. ``speakers``: who speaks and who is blamed, with the speaker carried across sentences (and
   ``people``: a person named once with his group, "X, a Hamas commander", is that group later);
4. ``statements``: a cue made into statements (denial kind, place, weapon, figures, date);
5. ``resolve``: the statements of the message checked against each other.

Pure: no I/O after the data files are loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from classifiers.cues import Cue, applicable, find_cues, told_by_another
from classifiers.denials import about_attack, denial_kind, denial_words, denied_span, persian
from classifiers.events import punctuated, same_party
from classifiers.frames import communique_claimant, frame_cues, frame_gate
from classifiers.framewords import load_frames, words_for
from classifiers.gazetteer import Gazetteer, Mention, load_gazetteer
from classifiers.lang import detect_language
from classifiers.learned import StanceModel, load_model, refine
from classifiers.names import extract_group_names, slug
from classifiers.normalize import normalize
from classifiers.people import members, naming
from classifiers.places import (
    Where,
    answered_at,
    event_places,
    fire_targets,
    first_told,
    government_seat,
    message_borders,
    message_written,
    report_place,
    struck_by,
    told_among,
)
from classifiers.placewords import place_words
from classifiers.resolve import resolve
from classifiers.rules import load_rules
from classifiers.sentences import Sentence, clean_body, prepare, split_sentences
from classifiers.speakers import SAID, opening_party, parties, reporter
from classifiers.statements import ARMED, STATE, Call, MessageFacts, build
from classifiers.types import ActorRef, Classification, PlaceRef, Statement

__all__ = ["Classifier", "classify", "default_classifier", "split_sentences"]

# weapons whose use is an attack ("accused the regime of using chlorine gas", «باستخدام قنابل عنقودية»): a
# message naming one is on the topic of attacks and names a deed (word parts, matched anywhere)
_WEAPONS = (r"chemical|chlorine|sarin|nerve agent|phosphorus|barrel bomb|cluster bomb|cluster munition|"
            r"كيماوي|كيمياوي|كيميايي|الكلور|السارين|براميل|عنقودي")
_TOPIC = re.compile(
    r"attack|strike|raid|bomb|rocket|drone|missile|explos|blast|shell|kill|dead|wounded|injur|casualt|involve|responsib|"
    r"role|base|convoy|troops|forces|soldier|clash|airstrike|incident|responsab|captur|seiz|hijack|execut|overran|"
    r"massacre|kidnap|abduct|hostage|assassinat|eliminat|infiltrat|ambush|launched|launches|fired|firing|struck|shot down|downed|"
    r"opened fire|opens fire|open fire|destroy|demolish|gunfire|tank fire|artillery|mortar|sniper|"
    r"هجوم|هجمات|قصف|استهداف|غاره|غارات|ضربه|انفجار|صاروخ|صواريخ|مسيره|طايره|قتل|مقتل|اصابه|قاعده|رتل|دور|علاقه|مسووليه|"
    r"ضربات|اشتباك|اغتيال|سيطر|اعدام|تفجير|ضلوع|تورط|مجزر|خطف|اختطاف|ذبح|"
    r"استهدف|هاجم|قذيف|قذايف|هاون|مدفعي|اعدم|اقتحم|توغل|قنابل|" + _WEAPONS + "|"
    r"حمله|انفجار|موشك|پهپاد|كشته|نقش|دخالت|پايگاه|بمباران|شليك|مسيول|اصابت|سرنگون|منهدم|"
    r"attaque|frappe|attentat|roquette|drone|explosion|mort|tues|blesses|implication|bilan|base|convoi|tirs|bombard|"
    r"abattu|neutralis|pilonn")
# "to strike new partnerships", "a hunger strike", "workers on strike": no attack
_NOT_VIOLENT = re.compile(r"(?<!\w)(?:strik\w* (?:a |an |the |new |\w+ )?(?:deals?|partnerships?|agreements?|balance|"
                          r"bargains?|tone|chord|pose|compromise|accord)|(?:hunger|general|labou?r|workers|rail|teachers|"
                          r"doctors|nurses) strikes?|on strike|strike action)(?!\w)")
# the words of violence, in whole words (Latin script, Persian) and as parts of Arabic words: a core
# that both lists below share, then what each adds
_CORE_WORDS = (r"attack\w*|strikes?|airstrikes?|raids?|bomb\w*|rockets?|drones?|missiles?|explos\w*|blasts?|shell\w*|"
               r"kill\w*|dead|deaths?|wounded|injur\w*|casualt\w*|shot|fired|ambush\w*|assassinat\w*|struck|hit|convoy|"
               r"downed|seiz\w*|hijack\w*|captur\w*|overran|overrun|hostilities|fighting|clashes|targeted|targeting|"
               r"attaque\w*|frappes?|tues?|morts?|blesses|attentat\w*|tirs?|roquettes?|obus|bombard\w*|embuscade\w*|"
               r"حمله|حملات|موشك\w*|پهپاد\w*|كشته|انفجار")
_CORE_PARTS = (r"هجوم|هجمات|قصف|استهداف|غاره|غارات|ضربه|ضربات|انفجار|تفجير|صاروخ|صواريخ|مسير|قتل|مقتل|قتلي|اصاب|جرحي|"
               r"اغتيال|اعتداء|كمين|اشتباك|عمليه|الهجوم|القصف|الغارات")


def _violence_words(words: str, parts: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + _CORE_WORDS + "|" + words + r")(?!\w)|(?:" + _CORE_PARTS + "|" + parts + ")")


# an attack or the blame of one, for a denial that names neither (the words of blame count: "denied any
# involvement")
_VIOLENCE = _violence_words(r"massacre|shooting|troops|shelling|raid\w*|shot down|took over|taken over|soldiers|"
                            r"involvement|responsib\w*|implication|responsab\w*|دخالت|مسيول\w*",
                            r"مجزره|المسوول|مسوولي|علاقت|ضلوع|تورط")
# Persian «حمله» (an attack) is Arabic «حملة» (a campaign: «حملة اعتقالات», «حملة التطعيم») once normalised;
# a military or air campaign («حملة عسكرية», «حملات جوية») is still one
_CAMPAIGN = re.compile(r"(?<!\w)(?:حمله|حملات)(?!\w)(?! (?:ال)?(?:عسكريه|جويه)(?!\w))")


def _violent(norm: str) -> bool:
    text = _NOT_VIOLENT.sub(" ", norm)
    return _VIOLENCE.search(text if persian(text) else _CAMPAIGN.sub(" ", text)) is not None


# the deeds of violence themselves, without the words of blame ("responsibility", «مسؤولية», «تورط»)
_DEEDS = _violence_words(r"massacre\w*|shooting\w*|firing|murder\w*|gunm[ae]n|hostages?|kidnap\w*|abduct\w*|execut\w*|"
                         r"beheading\w*|violence|war crimes?|genocide|ترور\w*",
                         r"مجزر|عمليات|خطف|اختطاف|ذبح|اعدام|جريم|جرائم|ارهاب|عبوه|مفخخ|انتحاري|اقتحام|هاجم|استهدف|قذيف|"
                         r"قذايف|هاون|رصاص|نار|دمار|تدمير|حرب|معارك|قتال|اعدم|سيطر|فظايع|عدوان|غزو|atrocit|aggression|"
                         r"invasion|incursion|" + _WEAPONS)


def _deeds(call: Call) -> bool:
    """Whether the message names a deed of violence (asked once a message, for its blames): a
    word of the list above or an attack verb or noun of the frames of its language."""
    if call.has_deeds is None:
        norm = _NOT_VIOLENT.sub(" ", call.facts.norm)
        fw = words_for(norm, call.lang)
        call.has_deeds = bool(_DEEDS.search(norm) or (fw is not None and (
            fw.attack_verb.search(norm) or fw.attack_noun.search(norm))))
    return call.has_deeds


_SELF_NAMING = ("itself", "نفسه", "نفسها", "به نام")


@dataclass(frozen=True, slots=True)
class Gate:
    """What the whole-message gate found: quiet (with its actors and places), or which stages
    the sentences need."""

    quiet: bool
    rules: bool
    actors: tuple[ActorRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()


# a state answering an attack with its own strike: "US retaliates in Iraq after ..."
_ANSWERS = frozenset({"retaliates", "retaliated", "retaliate"})
# "attacks on US forces", "a drone against American troops": the party after these is the one hit
_HIT_PARTY = frozenset({"on", "against", "at", "targeting", "targeted", "hit", "struck", "attacked"})

# a state's word that says nothing else: "the Pentagon says", "the ministry said", "according to the Pentagon",
# "confirmed by the Pentagon"
_SPEECH_AFTER = frozenset({"said", "says", "announced", "announces", "confirmed", "confirms", "stated", "added", "told",
                           # the state's word as a noun: "The Pentagon announcement coincided with ...", "a Pentagon
                           # statement", "Pentagon spokesman Pat Ryder"
                           "announcement", "statement", "spokesman", "spokeswoman", "spokesperson"})
_SPEECH_BEFORE = frozenset({"said", "says", "according"})


_DOWNED = re.compile(r"(?<!\w)(?:(?:had |has |have |was |were )?(?:been )?(?:shot down|downed|intercepted)|crashed)(?!\w)")
_DOWNED_BEFORE = re.compile(r"(?:shot down|downed|intercepted)(?: \w+){0,2}$")


def _downed(s: Sentence, m: Mention) -> bool:
    """Whether the weapon named at ``m`` is what was shot down or intercepted ("a U.S. MQ-9 Reaper drone had been
    shot down off Yemen", "shot down a drone"): another event's object, not the weapon of the message's attack."""
    after = " ".join(s.toks[m.end:m.end + 5])
    before = " ".join(s.toks[max(m.start - 4, 0):m.start])
    return bool(_DOWNED.match(after) or _DOWNED_BEFORE.search(before))


def _speaking_states(sentences: list[Sentence], resolve_actor: Callable[[Mention], ActorRef]) -> list[ActorRef]:
    """The states (and their bodies) that speak somewhere in the message as the subject of a verb of
    saying right after their name ("The Pentagon says ...") or after "said"/"according to" before it."""
    out: list[ActorRef] = []
    for s in sentences:
        for m in s.mentions:
            ref = resolve_actor(m) if m.kind == "actor" else None
            if ref is None or ref.kind not in STATE:
                continue
            after = s.toks[m.end] if m.end < len(s.toks) else ""
            k = m.start - 1 - (m.start > 1 and s.toks[m.start - 1] == "the")  # "said the Pentagon"
            k -= k > 0 and s.toks[k] == "to" and s.toks[k - 1] == "according"
            # "..., said the Pentagon", "according to the Pentagon" (not "a commander says US strikes ...")
            inverted = k >= 0 and (s.toks[k] == "according" or (s.toks[k] in _SPEECH_BEFORE and punctuated(s, k))
                                   # "the incident, confirmed by the Pentagon on Sunday, ..."
                                   or (s.toks[k] == "by" and k > 0 and s.toks[k - 1] in _SPEECH_AFTER))
            if after in _SPEECH_AFTER or inverted:
                out.append(ref)
    return out


class Classifier:
    """Classifies messages against a gazetteer and the stance rules (built-ins by default)."""

    def __init__(self, gazetteer: Gazetteer | None = None, learned: bool = False) -> None:
        self.gz = gazetteer or load_gazetteer()
        self.rules = load_rules()
        # the later stages' word lists compile on first use (~0.3 s): with the rules instead, so
        # the first messages past the gate do not pay for them (the place words' file is read then too)
        load_frames()
        denial_words()
        place_words()
        # the learned layer over the rules (classifiers/learned.py), on request only: cross-validated
        # over the labelled folds 0-3 it no longer beats the rules (bench/eval_real.py; README,
        # "Judgement on real text"), so the rules answer alone by default
        self.model: StanceModel | None = load_model() if learned else None
        self._sentence_cache: dict[str, Sentence] = {}

    def learn_alias(self, name: str, actor_id: str) -> bool:
        """Teach the gazetteer a spelling (``/alias``). False if the actor is unknown."""
        if actor_id not in self.gz.actors:
            return False
        self.gz.add_learned_alias(name, actor_id)
        self._sentence_cache.clear()
        return True

    def sentence(self, text: str) -> Sentence:
        cached = self._sentence_cache.get(text)
        if cached is not None:
            return cached
        result = prepare(self.gz, text)
        self._remember(text, result)
        return result

    def _remember(self, text: str, result: Sentence) -> None:
        if len(self._sentence_cache) >= 4096:
            # relays repeat a statement within minutes; a small cache catches that, a large one
            # only holds memory
            self._sentence_cache.clear()
        self._sentence_cache[text] = result

    def cues(self, s: Sentence, call: Call, rules: bool = True) -> tuple[list[Cue], bool]:
        """Stage 2 for one sentence: the rules' cues (unless the gate showed none can fire) and
        the structural frames."""
        cues, report = find_cues(s, self.rules, call.lang, self.gz.is_site) if rules else ([], False)
        return told_by_another(frame_cues(self.gz, s, cues, call)), report

    def gate(self, text: str, lang: str, when: date | None, own: ActorRef | None = None) -> Gate:
        """Most messages hold no stance wording at all: one pass over the whole text finds its
        actors and places and shows that no rule can fire (no rule or report pattern of any
        language matches, even with its lookarounds removed; no group self-naming) and no frame
        either. A message only a frame can speak in skips the rules sentence by sentence."""
        whole = self._sentence_cache.get(text) or prepare(self.gz, text)
        gate = self._gate(whole, text, lang, when, own)
        if len(text) <= 600 and (not gate.quiet or self.model is not None) and text not in self._sentence_cache:
            # kept for the sentence stage (a message of one sentence is its own sentence) and the
            # learned layer, which read it again; not for a quiet message, done with it here: the
            # cache's sentences outlive the garbage collector's young generations, and most
            # messages are quiet, so their sentences were most of what its collections walked
            self._remember(text, whole)
        return gate

    def _gate(self, whole: Sentence, text: str, lang: str, when: date | None, own: ActorRef | None) -> Gate:
        """The gate's answer for the whole message prepared (``gate``)."""
        for lr in applicable(text, self.rules, lang):
            # the trigger words are a cheap first test; the gate (every rule at once) decides
            if lr.trigger.search(whole.norm) and lr.gate.search(whole.norm):
                return Gate(quiet=False, rules=True)
            if lr.report_gate is not None and (lr.report_trigger is None or lr.report_trigger.search(whole.norm)) \
                    and lr.report_gate.search(whole.norm):
                return Gate(quiet=False, rules=True)
        if any(w in whole.norm for w in _SELF_NAMING):
            return Gate(quiet=False, rules=True)
        if frame_gate(whole, text, lang, own):
            return Gate(quiet=False, rules=False)
        actors, places = self._collect((whole,), when)
        return Gate(quiet=True, rules=False, actors=tuple(actors.values()), places=tuple(places.values()))

    def quiet(self, text: str, lang: str, when: date | None, own: ActorRef | None = None,
              ) -> tuple[tuple[ActorRef, ...], tuple[PlaceRef, ...]] | None:
        """The gate's actors and places of a quiet message; None when it needs the sentences."""
        gate = self.gate(text, lang, when, own)
        return (gate.actors, gate.places) if gate.quiet else None

    def _collect(self, sentences: Iterable[Sentence], when: date | None) -> tuple[dict[str, ActorRef], dict[str, PlaceRef]]:
        """The actors and places a message names, each once, in order of first mention (not a
        capital standing for its government: "Washington's resolve")."""
        actors: dict[str, ActorRef] = {}
        places: dict[str, PlaceRef] = {}
        for s in sentences:
            for m in s.mentions:
                if m.kind == "actor":
                    ref = self.gz.actor_ref(m.id, m.alias, when, False)
                    actors.setdefault(ref.id, ref)
                elif m.kind == "place" and m.id not in places and not government_seat(s, m):
                    places[m.id] = self.gz.places[m.id].ref(m.alias)
        return actors, places

    def classify(self, text: str, date: datetime | None = None, source: str | None = None,
                 source_actor: str | None = None, learned: bool = True) -> Classification:
        """Classify one message. ``source_actor`` is the actor the source speaks for, if any
        (used for first-person statements that do not name their author). ``learned=False``
        gives the rules' answer alone."""
        body = clean_body(text)
        result = self._classify_rules(text, date, source, source_actor, body)
        if self.model is None or not learned:
            return result
        own = self.gz.actors[source_actor].ref() if source_actor in self.gz.actors else None
        # the rules' whole-message pass has normalised short texts already (cached by text)
        norm = self.sentence(body).norm if len(body) <= 600 else None
        return refine(self.model, self.gz, text, result, source, own, date.date() if date else None,
                      lambda toks: denial_kind(" ".join(toks)), norm=norm, known=self._known)

    def _known(self, text: str) -> tuple[list[str], list[str], list[Mention]] | None:
        """The tokens and mentions of a text the rules have prepared already (a look-up only: a
        sentence the rules never saw is cheaper for the learned layer to prepare itself)."""
        s = self._sentence_cache.get(text)
        return (s.cased, s.toks, s.mentions) if s is not None else None

    def _classify_rules(self, text: str, date: datetime | None, source: str | None,
                        source_actor: str | None, body: str | None = None) -> Classification:
        lang = detect_language(text) if text.strip() else "und"
        when = date.date() if date else None
        own = self.gz.actors[source_actor].ref() if source_actor in self.gz.actors else None
        body = clean_body(text) if body is None else body
        gate = self.gate(body, lang, when, own)
        if gate.quiet:
            return Classification(lang=lang, actors=gate.actors, places=gate.places)
        sentences = [self.sentence(p) for p in split_sentences(body)]
        all_actors, places = self._collect(sentences, when)
        call = Call(
            lang=lang, when=when, date=date, own=own,
            facts=MessageFacts(" ".join(s.norm_punct for s in sentences), date),
            armed=[a for a in all_actors.values() if a.kind in ARMED],
            states=[a for a in all_actors.values() if a.kind in STATE],
            # not the weapon of an attack another one answered ("the strikes followed a drone attack")
            weapon=next((m.id for s in sentences for m in s.mentions if m.kind == "weapon"
                         and not answered_at(s, m.start) and not _downed(s, m)), None),
            target=next((m.id for s in sentences for m in s.mentions if m.kind == "target"
                         and not answered_at(s, m.start) and not told_among(s, m.start)), None),
        )
        call.locate = lambda: Where(*event_places(self.gz, sentences), message_borders(sentences),
                                    first_told(self.gz, sentences), fire_targets(sentences), struck_by(self.gz, sentences))
        call.locate_written = lambda: message_written(self.gz, sentences)
        if own is not None and own.kind in STATE | ARMED:
            call.reporters.append(own)  # an army's own channel speaks in every post
        call.communique = communique_claimant(self.gz, call.facts.norm, body, lang, list(all_actors.values()))
        new_names: dict[str, ActorRef] = {}
        statements: list[Statement] = []
        report = False
        own_report: Sentence | None = None
        # a denial or a blame about bread prices is not about an attack: the message must say
        # something of attacks, or name a place, weapon or target of the gazetteer
        on_topic: bool | None = None
        people: dict[str, str] = {}  # the persons named with their group so far ("X, a Hamas commander")
        for k, s in enumerate(sentences):
            if people:
                s = naming(self.gz, s, people)  # "X planned the attack": the group's deed
            cues, rep = self.cues(s, call, gate.rules)
            if any(c.rule.stance != "claim" for c in cues):
                if on_topic is None:
                    on_topic = bool(_TOPIC.search(call.facts.norm)) or any(
                        m.kind in ("weapon", "target") or (m.kind == "place" and self.gz.is_site(m.id))
                        for x in sentences for m in x.mentions)
                if not on_topic:
                    # a denial whose own words name an attack stands ("dismissed claims of a direct hit")
                    cues = [c for c in cues if c.rule.stance == "claim" or (
                        c.rule.stance == "denial" and self._denied_words(s, c) is True)]
                else:
                    if any(c.rule.stance == "denial" for c in cues):
                        cues = [c for c in cues if c.rule.stance != "denial" or self._denies_attack(s, c, call)]
                    if any(c.rule.stance == "attribution" for c in cues) and not _deeds(call):
                        # «تحمل الحكومة الحوثيين مسؤولية إيصال جهود الهدنة إلى طريق مسدود»: a blame in a
                        # message that names no deed of violence at all (responsibility alone is none)
                        cues = [c for c in cues if c.rule.stance != "attribution"]
            report = report or rep
            if rep and not cues and own_report is None and not any(m.kind == "actor" for m in s.mentions):
                own_report = s  # the event told in the outlet's voice: no stance, no party named
            named = self._named(s, cues, when, all_actors, new_names)
            done: set[str] = set()
            found_here: list[Statement] = []
            # a frame's blame comes after the rules' and stands only where they found none
            for cue in sorted(cues, key=lambda c: (_frame_blame(c), c.start, c.rule.lang != lang)):
                second = False
                if cue.rule.stance in done:
                    # several cues of one claim or denial in a sentence are one statement; not a
                    # second party's claim in the outlet's aside ("Kyiv says it downed five jets,
                    # as Moscow claims it took a town")
                    second = cue.rule.stance == "claim" and lang == "en" and _aside_claim(s, cue, cues)
                    if not second:
                        continue
                if _frame_blame(cue) and any(st.stance == "attribution" for st in found_here):
                    continue
                found = build(self.gz, s, cue, call, named)
                if second:
                    found = [st for st in found if st.speaker is not None and not any(
                        x.stance == "claim" and x.speaker is not None and same_party(x.speaker, st.speaker)
                        for x in found_here)]
                if found and cue.rule.stance != "attribution":
                    done.add(cue.rule.stance)
                found_here.extend(found)
            found_here += self._coordinated(s, found_here, call)
            statements.extend(found_here)
            if k < len(sentences) - 1 or call.pending:
                # the speaker the next sentence inherits (after the last one, only a state's action
                # told in the outlet's voice is built still: ``_pending_claims``)
                call.carried = self._carry(s, found_here, call)
                call.carried_group = self._last_group(s, found_here, call) or call.carried_group
            if lang == "en" and k < len(sentences) - 1:
                people.update(members(self.gz, s))
        statements += self._pending_claims(statements, call, sentences)
        statements = resolve(self.gz, statements, sentences, call, all_actors)
        return Classification(
            lang=lang,
            statements=tuple(statements),
            actors=tuple(all_actors.values()),
            places=tuple(places.values()),
            new_actor_names=tuple(r.name for r in new_names.values()),
            event_report=report and not statements,
            outlet_report=self._outlet_report(own_report) if statements and own_report is not None
            else Statement(stance="report", place=report_place(self.gz, sentences), subject=self._striker(call, sentences))
            if report and not statements else None,
        )

    @staticmethod
    def _striker(call: Call, sentences: list[Sentence]) -> ActorRef | None:
        """The state whose strike a report with no statement tells in the outlet's voice ("US carries
        out two air strikes in Syria"): the report is of that state's strike, not of another's. The
        state must be written before the deed as its doer, not as the party hit ("strikes by
        Islamists on US bases", "militants have injured dozens of US soldiers"), or be the subject of
        a verb of answering ("US retaliates in Iraq after three US troops wounded in attack")."""
        for s, cue in call.pending:
            doer = cue.speaker
            if doer is None or doer.kind not in STATE:
                continue
            if any(m.kind == "actor" and m.id == doer.id and m.end <= cue.start
                   and not (m.start > 0 and s.toks[m.start - 1] in _HIT_PARTY) for m in s.mentions):
                return doer
        for s in sentences:
            for m in s.mentions:
                if m.kind == "actor" and m.end < len(s.toks) and s.toks[m.end] in _ANSWERS:
                    ref = next((r for r in call.states if r.id == m.id), None)
                    if ref is not None:
                        return ref
        return None

    def _outlet_report(self, s: Sentence) -> Statement:
        """The incident a message with statements also tells in its own voice ("ISIS claims the
        attack || On Thursday, an explosion rocked Kabul"): its most precise place, weapon, target."""
        def rank(m: Mention) -> tuple[bool, bool, int]:
            kind = self.gz.places[m.id].kind
            return not self.gz.is_site(m.id), kind in ("country", "province", "region", "sea"), m.start

        places = sorted((m for m in s.mentions if m.kind == "place"), key=rank)
        weapon = next((m.id for m in s.mentions if m.kind == "weapon"), None)
        target = next((m.id for m in s.mentions if m.kind == "target"), None)
        place = self.gz.places[places[0].id].ref(places[0].alias) if places else None
        return Statement(stance="report", place=place, weapon=weapon, target=target, evidence=s.original)

    @staticmethod
    def _denied_words(s: Sentence, cue: Cue) -> bool | None:
        """Whether the words a denial denies name an attack (``about_attack``)."""
        lo, hi = denied_span(len(s.toks), cue.start, cue.end, s.toks)
        window = s.toks[lo:cue.end] if hi <= cue.start else s.toks[cue.start:hi]
        return about_attack(" ".join(window))

    @staticmethod
    def _denies_attack(s: Sentence, cue: Cue, call: Call) -> bool:
        """A denial of a death, an election rumour, a deal or a base under a hospital is not
        about an attack: the denied words must name one ("denies reports of a drone attack"),
        or, when they name nothing ("X denied the reports"), the sentence or a short message must."""
        named = Classifier._denied_words(s, cue)
        if named is not None:
            return named
        return _violent(s.norm) or (len(call.facts.norm) < 400 and _violent(call.facts.norm))

    def _pending_claims(self, statements: list[Statement], call: Call, sentences: list[Sentence]) -> list[Statement]:
        """A state's action told in the outlet's voice is its claim when the message also has the
        state speaking ("U.S. Strikes Iran-Backed Groups in Iraq || ..., officials said"), of the
        attack or of anything else ("US forces struck two depots in Syria. The Pentagon says they were
        used by Iran's proxies")."""
        out: list[Statement] = []
        claimed = {st.speaker.id for st in statements if st.stance == "claim" and st.speaker}
        speaking: list[ActorRef] | None = None
        for s, cue in call.pending:
            doer = cue.speaker
            if doer is None or doer.id in claimed:
                continue
            if speaking is None:
                speaking = _speaking_states(sentences, lambda m: self.gz.actor_ref(m.id, m.alias, call.when, False)) \
                    if call.lang == "en" else []
            if any(r.id == doer.id or r.parent == doer.id or doer.parent == r.id for r in (*call.reporters, *speaking)):
                out.extend(build(self.gz, s, cue, call, []))
                claimed.add(doer.id)
        return out

    def _named(self, s: Sentence, cues: list[Cue], when: date | None, all_actors: dict[str, ActorRef],
               new_names: dict[str, ActorRef]) -> list[ActorRef]:
        """Group names a claim sentence gives ("a group calling itself X"): known or new."""
        out: list[ActorRef] = []
        if not (any(c.rule.stance == "claim" for c in cues) or any(w in s.norm for w in _SELF_NAMING)):
            return out
        for name in extract_group_names(s.cased_norm, s.original):
            known = self._known_around(s, name, when) or self._resolve_with_suffixes(name, when)
            if known is not None:
                all_actors.setdefault(known.id, known)
                out.append(known)
                continue
            ref = ActorRef(slug(name), name, False, "unknown", None, name)
            new_names.setdefault(ref.id, ref)
            all_actors.setdefault(ref.id, ref)
            out.append(ref)
        if not out:
            # «أصدر فصيل ألوية X بيانا يعلن فيه تبنيه»: the claim's author, named but not as a new group
            for name in extract_group_names(s.cased_norm, s.original, issuers=True):
                ref = self._resolve_with_suffixes(name, when) or ActorRef(slug(name), name, False, "unknown", None, name)
                all_actors.setdefault(ref.id, ref)
                out.append(ref)
        return out

    def _coordinated(self, s: Sentence, found: list[Statement], call: Call) -> list[Statement]:
        """"Hamas, Hezbollah say Iran helped plan the attack", "Hamas and Islamic Jihad said they
        fired ...": each party joined to the speaker as the subject of the speech verb says it too
        (one statement per party)."""
        if call.lang != "en" or not any(st.stance in ("claim", "attribution") and st.speaker for st in found):
            return []
        ok = parties(self.gz, s, call.when, False, written=False)
        out: list[Statement] = []
        for st in found:
            if st.stance not in ("claim", "attribution") or st.speaker is None:
                continue
            for k, (m, r) in enumerate(ok):
                if r.id != st.speaker.id or not k or m.end >= len(s.toks) or not SAID.fullmatch(s.toks[m.end]):
                    continue
                other_m, other = ok[k - 1]
                between = [t for t in s.toks[other_m.end:m.start] if t != "the"]
                if other.kind not in ARMED | STATE or same_party(other, r) or not (
                        between == ["and"] or (not between and _comma_before(s, m.start))):
                    continue  # not "SOMALIA: al-Shabaab claims ...": a dateline
                first = other_m.start
                while first and s.toks[first - 1] in ("the", "both"):
                    first -= 1
                if first and not punctuated(s, first):
                    continue  # "the strike hit Israel and Hezbollah said ...": Israel is no speaker
                if st.subject is not None and same_party(other, st.subject) and st.stance == "attribution":
                    continue
                extra = replace(st, speaker=other, subject=other if st.stance == "claim" else st.subject)
                if extra not in found and extra not in out:
                    out.append(extra)
        return out

    def _carry(self, s: Sentence, found: list[Statement], call: Call) -> ActorRef | None:
        """The speaker the next sentence inherits: this sentence's, else its reported party, else
        the one inherited already ("The group said ...", «وأضاف البيان»)."""
        for st in reversed(found):
            if st.speaker is not None:
                return st.speaker
        if not any(m.kind == "actor" for m in s.mentions):
            return call.carried
        ok = parties(self.gz, s, call.when, False, written=False)
        said = reporter(s, ok)
        if said is None and call.lang in ("fr", "fa", "en"):
            # «Le Hezbollah a publié un communiqué. Il dément ...»: the subject the pronoun points back to
            said = opening_party(s, ok)
        return said or call.carried

    def _last_group(self, s: Sentence, found: list[Statement], call: Call) -> ActorRef | None:
        """The armed group a later "the group" points back to: the one this sentence blames, else
        the last armed group it names."""
        for st in reversed(found):
            if st.stance == "attribution" and st.subject is not None and st.subject.kind in ARMED:
                return st.subject
        if not any(m.kind == "actor" for m in s.mentions):
            return None
        named = [r for _, r in parties(self.gz, s, call.when, False, written=False) if r.kind in ARMED]
        return named[-1] if named else None

    def _known_around(self, s: Sentence, name: str, when: date | None) -> ActorRef | None:
        """"al-Qaeda in the Arabian Peninsula claimed ...": a name the patterns capture inside a known
        actor's longer name ("the Arabian Peninsula") is that actor, not a new group."""
        bare = normalize(name)
        if not bare:
            return None
        for m in s.mentions:
            # (as characters: "al-Muslimin" is captured inside "wal-Muslimin")
            if m.kind == "actor" and bare in (span := " ".join(s.toks[m.start:m.end])) and len(span) > len(bare):
                return self.gz.actor_ref(m.id, m.alias, when, True)
        return None

    def _resolve_with_suffixes(self, name: str, when: date | None) -> ActorRef | None:
        """"#BreakingNews Hamas claims ...": a known name at the end of the words captured wins."""
        words = name.split()
        for start in range(len(words)):
            known = self.gz.resolve_actor(" ".join(words[start:]), when, in_claim=True)
            if known is not None and not (start and known.kind in ("state", "official")):
                return known  # a group named after a country ("Kataib Ahrar al-Iraq") is not that state
        return None


def _comma_before(s: Sentence, pos: int) -> bool:
    """Whether a comma alone stands between the word at token ``pos`` and the one before."""
    gap = s.gap(pos)
    return gap is not None and gap.strip() == ","


def _aside_claim(s: Sentence, cue: Cue, cues: list[Cue]) -> bool:
    """Whether a claim cue stands in an aside (", as ...", ", while ...") after an earlier claim
    cue of the sentence, with its own reporting verb: another party's claim."""
    from classifiers.frames import aside_start
    first = min((c.start for c in cues if c.rule.stance == "claim"), default=cue.start)
    return first < aside_start(s, first) <= cue.start


def _frame_blame(cue: Cue) -> bool:
    return cue.rule.speaker == "frame" and cue.rule.stance == "attribution"


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    return Classifier()


def classify(text: str, date: datetime | None = None, source: str | None = None,
             source_actor: str | None = None) -> Classification:
    """Classify with the built-in gazetteer and rules."""
    return default_classifier().classify(text, date, source, source_actor)
