"""The classifier: one message in, its language, statements, actors, places and new names out.

Per sentence: normalise, find gazetteer mentions, find stance cues with the rules of the
sentence's script (Arabic script: Arabic and Persian rules; Latin: English and French), drop cues
a block overlaps, then give each cue its speaker and subject from the mentions around it.
Pure: no I/O after the data files are loaded.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from classifiers.dates import resolve_event_date
from classifiers.figures import Figures, extract_figures
from classifiers.gazetteer import Gazetteer, Mention, load_gazetteer
from classifiers.lang import detect_language
from classifiers.names import as_written, extract_group_names, slug
from classifiers.normalize import normalize, normalize_cased, tokens
from classifiers.rules import LanguageRules, Rule, load_rules
from classifiers.types import ActorRef, Classification, PlaceRef, Statement

ARMED = frozenset({"core", "facade", "umbrella", "jihadist", "axis"})
STATE = frozenset({"state", "official"})
WINDOW = 14  # tokens between a cue and its speaker

_NEGATED = re.compile(r"(?<!\w)(?:no|not|never|did not|didnt|denied|denies|without|لم|لا|ليس|نفت|نفي|ينفي|هيچ|نه|aucun|aucune|pas)(?!\w)")
_SENTENCE = re.compile(r"(?<=[.!?؟;؛])\s+(?=[^\s\da-z])|\n+|(?<=[.!?؟])(?=[\u0600-\u06ff])")
_SAID = re.compile(
    r"(?<!\w)(?:said|says|say|told|stated|announced|added|according to|tweeted|wrote|reported|quoted|spokesman|spokesperson|"
    r"قال|قالت|ذكر|ذكرت|اعلن|اعلنت|وفق|بحسب|حسب|افاد|افادت|اكد|اكدت|selon|a declare|a affirme|گفت|اعلام كرد|به گزارش)(?!\w)"
)
_LOCATION = re.compile(r"territor|soil|inside jordan|outside jordan|(?:did not|didnt) (?:occur|happen|take place) (?:in|on|inside)|"
                       r"not (?:in|on) (?:jordan|its)|داخل الاراضي|خارج|داخل الاردن|لم يقع داخل|sur son (?:sol|territoire)|"
                       r"hors de|خاك اردن")
_FIGURES = re.compile(r"exaggerat|inflat|figure|toll|casualt|number of|numbers|مبالغ|ارقام|حصيله|اعداد|chiffre|bilan|exager|"
                      r"reports? (?:\w+ ){0,5}?(?:killed|dead|deaths|wounded|injured)|اغراق")
_EVENT = re.compile(r"no (?:reports? of (?:an? )?)?(?:attack|explosion|strike)|did not (?:take place|happen|occur)|never happened|"
                    r"no such|rumou?r|fabricat|controlled detonation|accident|(?:reports?|claims?) (?:of|about) (?:an? |the )?"
                    r"(?:attack|strike|drone|rocket)|شايعات|اشاعات|لم ترد انباء|لا صحه لانباء|انباء عن|مزاعم|شايعه|"
                    r"انجام نشده|fausses|informations|تعرض (?:\w+ ){0,3}?(?:لاي|لهجوم|لقصف)|الانباء|الاخبار")


class _MessageFacts:
    """Message-level figures and date, computed only if a statement needs them (most messages
    carry no statement, and these regexes are the costliest part of a quiet message)."""

    def __init__(self, norm: str, date: datetime | None) -> None:
        self._norm, self._date = norm, date
        self._figures: Figures | None = None
        self._event_date: date | None = None
        self._dated = False

    @property
    def figures(self) -> Figures:
        if self._figures is None:
            self._figures = extract_figures(self._norm)
        return self._figures

    @property
    def event_date(self) -> date | None:
        if not self._dated:
            self._event_date, self._dated = resolve_event_date(self._norm, self._date), True
        return self._event_date


@dataclass(slots=True)
class _Cue:
    rule: Rule
    start: int  # token index
    end: int


@dataclass(slots=True)
class _Sentence:
    original: str
    norm: str  # lower-case tokens joined by single spaces
    norm_punct: str  # normalised with punctuation, for figures
    cased_norm: str
    toks: list[str]
    starts: list[int]
    mentions: list[Mention]
    written: dict[tuple[int, int], str]


def split_sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCE.split(text)) if s]


def _applicable(sentence: str, rules: dict[str, LanguageRules]) -> list[LanguageRules]:
    out = []
    if re.search(r"[\u0600-\u06ff]", sentence):
        out += [rules[k] for k in ("ar", "fa") if k in rules]
    if re.search(r"[A-Za-z]", sentence):
        out += [rules[k] for k in ("en", "fr") if k in rules]
    return out


class Classifier:
    """Classifies messages against a gazetteer and the stance rules (built-ins by default)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gz = gazetteer or load_gazetteer()
        self.rules = load_rules()
        self._sentence_cache: dict[str, _Sentence] = {}

    def learn_alias(self, name: str, actor_id: str) -> bool:
        """Teach the gazetteer a spelling (``/alias``). False if the actor is unknown."""
        if actor_id not in self.gz.actors:
            return False
        self.gz.add_learned_alias(name, actor_id)
        self._sentence_cache.clear()
        return True

    # -- per sentence ---------------------------------------------------------------------

    def _sentence(self, text: str) -> _Sentence:
        cached = self._sentence_cache.get(text)
        if cached is not None:
            return cached
        cased_norm = normalize_cased(text)
        cased = tokens(cased_norm)
        toks = [t.lower() for t in cased]
        starts, pos = [], 0
        for tok in toks:
            starts.append(pos)
            pos += len(tok) + 1
        mentions = self.gz.scan(toks, cased)
        written = {(m.start, m.end): as_written(" ".join(cased[m.start:m.end]), text)
                   for m in mentions if m.kind in ("actor", "place")}
        result = _Sentence(text, " ".join(toks), cased_norm.lower(), cased_norm, toks, starts, mentions, written)
        if len(self._sentence_cache) > 50_000:
            self._sentence_cache.clear()
        self._sentence_cache[text] = result
        return result

    def _cues(self, s: _Sentence) -> tuple[list[_Cue], bool]:
        cues: list[_Cue] = []
        report = False
        for lr in _applicable(s.original, self.rules):
            if lr.report is not None and not report and lr.report.search(s.norm) and not _NEGATED.search(s.norm):
                report = True  # "no base came under fire" reports nothing
            if not lr.trigger.search(s.norm):
                continue
            spans = [(m.start(), m.end(), b.stances) for b in lr.blocks if b.scope == "span"
                     for m in b.regex.finditer(s.norm)]
            blocked = {st for b in lr.blocks if b.scope == "sentence" and b.regex.search(s.norm) for st in b.stances}
            for rule in lr.rules:
                if rule.stance in blocked:
                    continue
                for m in rule.regex.finditer(s.norm):
                    if any(m.start() < e and b < m.end() and rule.stance in st for b, e, st in spans):
                        continue
                    start = bisect.bisect_right(s.starts, m.start()) - 1
                    end = max(start + 1, bisect.bisect_left(s.starts, m.end()))
                    cues.append(_Cue(rule, max(start, 0), end))
        return cues, report

    # -- actors around a cue ------------------------------------------------------------------

    def _actor(self, m: Mention, when: date | None, in_claim: bool, s: _Sentence | None = None) -> ActorRef:
        ref = self.gz.actor_ref(m.id, m.alias, when, in_claim)
        if s is not None and (m.start, m.end) in s.written:
            ref = replace(ref, as_written=s.written[(m.start, m.end)])
        return ref

    def _pick(self, s: _Sentence, cue: _Cue, side: str, when: date | None, in_claim: bool,
              accept: frozenset[str] | None, exclude: set[str]) -> ActorRef | None:
        actors = [m for m in s.mentions if m.kind == "actor"]
        refs = [(m, self._actor(m, when, in_claim, s)) for m in actors]
        ok = [(m, r) for m, r in refs if r.id not in exclude and (accept is None or r.kind in accept)]
        before = [(m, r) for m, r in ok if m.end <= cue.start and cue.start - m.end <= WINDOW]
        # "after" counts from the cue's first word: a verb-first cue («حملت X Y المسؤولية») spans its actors
        after = [(m, r) for m, r in ok if m.start >= cue.start + 1 and m.start - cue.end <= WINDOW]
        inside = [(m, r) for m, r in ok if m.start >= cue.start and m.end <= cue.end]
        if side == "before":
            return before[-1][1] if before else None
        if side == "after":
            return after[0][1] if after else None
        if side == "inside":
            return inside[0][1] if inside else (after[0][1] if after else None)
        if side == "either":
            return after[0][1] if after else (before[-1][1] if before else None)
        if side == "first":
            return ok[0][1] if ok and ok[0][0].end <= cue.start else None
        if side == "said":
            for said in _SAID.finditer(s.norm):
                pos = bisect.bisect_right(s.starts, said.start()) - 1
                near = sorted(ok, key=lambda mr: min(abs(mr[0].end - pos), abs(mr[0].start - pos - 1)))
                if near and min(abs(near[0][0].end - pos), abs(near[0][0].start - pos - 1)) <= 4:
                    return near[0][1]
            return before[-1][1] if before else None
        return None

    # -- the message ----------------------------------------------------------------------

    def classify(self, text: str, date: datetime | None = None, source: str | None = None,
                 source_actor: str | None = None) -> Classification:
        """Classify one message. ``source_actor`` is the actor the source speaks for, if any
        (used for first-person statements that do not name their author)."""
        lang = detect_language(text) if text.strip() else "und"
        sentences = [self._sentence(p) for p in split_sentences(text)]
        when = date.date() if date else None
        own = self.gz.actors[source_actor].ref() if source_actor in self.gz.actors else None

        all_actors: dict[str, ActorRef] = {}
        places: dict[str, PlaceRef] = {}
        new_names: dict[str, ActorRef] = {}
        for s in sentences:
            for m in s.mentions:
                if m.kind == "actor":
                    ref = self._actor(m, when, False, s)
                    all_actors.setdefault(ref.id, ref)
                elif m.kind == "place":
                    places.setdefault(m.id, self.gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias)))
        armed_in_message = [a for a in all_actors.values() if a.kind in ARMED]

        msg_norm = normalize(text[:4000]) if len(sentences) > 1 else (sentences[0].norm_punct if sentences else "")
        lazy = _MessageFacts(msg_norm, date)
        msg_weapon = next((m.id for s in sentences for m in s.mentions if m.kind == "weapon"), None)
        msg_target = next((m.id for s in sentences for m in s.mentions if m.kind == "target"), None)
        msg_places = [p for p in places.values()]

        statements: list[Statement] = []
        report = False
        for s in sentences:
            cues, rep = self._cues(s)
            report = report or rep
            has_claim = any(c.rule.stance == "claim" for c in cues)
            sentence_new: list[ActorRef] = []
            if has_claim or "itself" in s.norm or "نفسه" in s.norm or "نفسها" in s.norm or "به نام" in s.norm:
                for name in extract_group_names(s.cased_norm, s.original):
                    known = self.gz.resolve_actor(name, when, in_claim=True)
                    if known is not None:
                        all_actors.setdefault(known.id, known)
                        sentence_new.append(known)
                        continue
                    ref = ActorRef(slug(name), name, False, "unknown", None, name)
                    new_names.setdefault(ref.id, ref)
                    all_actors.setdefault(ref.id, ref)
                    sentence_new.append(ref)
            done: set[str] = set()
            for cue in sorted(cues, key=lambda c: c.start):
                if cue.rule.stance in done:
                    continue  # several cues of one claim or denial in a sentence are one statement
                found = self._statements(s, cue, when, date, own, armed_in_message, sentence_new,
                                         lazy, msg_weapon, msg_target, msg_places)
                if found and cue.rule.stance != "attribution":
                    done.add(cue.rule.stance)
                statements.extend(found)
        statements = _dedupe(statements)
        statements = self._fill_denial_subjects(statements, armed_in_message)
        return Classification(
            lang=lang,
            statements=tuple(statements),
            actors=tuple(all_actors.values()),
            places=tuple(places.values()),
            new_actor_names=tuple(r.name for r in new_names.values()),
            event_report=report and not statements,
        )

    def _statements(self, s: _Sentence, cue: _Cue, when: date | None, date: datetime | None, own: ActorRef | None,
                    armed: list[ActorRef], named: list[ActorRef], facts: _MessageFacts,
                    msg_weapon: str | None, msg_target: str | None, msg_places: list[PlaceRef]) -> list[Statement]:
        rule = cue.rule
        stance = rule.stance
        in_claim = stance == "claim"
        accept: frozenset[str] | None = None
        if rule.needs == "armed":
            accept = ARMED
        elif rule.needs == "state":
            accept = STATE
        elif stance == "claim":
            accept = ARMED | STATE | frozenset({"relay"})
        speaker: ActorRef | None = None
        if rule.fixed and rule.fixed in self.gz.actors:
            speaker = self._pick(s, cue, rule.speaker, when, in_claim, accept, set()) if rule.speaker == "said" else None
            speaker = speaker or self.gz.actors[rule.fixed].ref()
        elif stance == "claim" and named and rule.needs is None:
            speaker = named[0]
        elif rule.speaker == "source":
            speaker = own
        else:
            speaker = self._pick(s, cue, rule.speaker, when, in_claim, accept, set())
        if speaker is not None and speaker.kind == "relay" and stance == "claim":
            entry = self.gz.actors.get(speaker.id)
            if entry and entry.speaks_for:
                speaker = self.gz.actors[entry.speaks_for].ref(speaker.as_written)
            else:
                # a relay "reports" a claim: the claimant is the armed group named nearby
                speaker = self._pick(s, cue, "either", when, True, ARMED, set()) or (armed[0] if armed else None)
        if speaker is None:
            if rule.needs is not None:
                return []
            if stance == "claim":
                speaker = armed[0] if armed else own
            elif rule.speaker in ("said", "before", "either"):
                speaker = own
        subject: ActorRef | None = None
        if stance == "claim":
            subject = speaker
        elif stance == "attribution":
            if rule.fixed_subject and rule.fixed_subject in self.gz.actors:
                subject = self.gz.actors[rule.fixed_subject].ref()
            else:
                exclude = {speaker.id} if speaker else set()
                subject = self._pick(s, cue, rule.subject or "after", when, False, None, exclude)
            if subject is None:
                return []
        denial_kind = None
        if stance == "denial":
            denial_kind = rule.kind or _denial_kind(s.norm)
            if denial_kind == "responsibility":
                subject = speaker
        sentence_places = [self.gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))
                           for m in s.mentions if m.kind == "place"]
        chosen = sentence_places or (msg_places[:1] if stance == "claim" else msg_places[:1])
        bases = [p for p in chosen if p.kind == "base"]
        if len(bases) > 1 and stance == "claim":
            targets: list[PlaceRef | None] = list({p.id: p for p in bases}.values())
        elif bases:
            targets = [bases[0]]
        else:
            targets = [chosen[0]] if chosen else [None]
        weapon = next((m.id for m in s.mentions if m.kind == "weapon"), None) or msg_weapon
        target = next((m.id for m in s.mentions if m.kind == "target"), None) or msg_target
        figs = extract_figures(s.norm_punct)
        if figs.killed is None and figs.wounded is None and figs.casualties is None and stance == "claim":
            figs = facts.figures
        event_date = resolve_event_date(s.norm_punct, date) or facts.event_date
        evidence = s.original[:200]
        return [
            Statement(stance=stance, speaker=speaker, subject=subject, denial_of=denial_kind, target=target, place=p,
                      weapon=weapon, killed=figs.killed, wounded=figs.wounded, casualties=figs.casualties,
                      event_date=event_date, evidence=evidence)
            for p in targets
        ]

    def _fill_denial_subjects(self, statements: list[Statement], armed: list[ActorRef]) -> list[Statement]:
        """A denial of an event, its figures or its location is about whoever claimed it."""
        claimants = [st.subject for st in statements if st.stance == "claim" and st.subject]
        out = []
        for st in statements:
            if st.stance == "denial" and st.denial_of != "responsibility" and st.subject is None:
                pick = next((c for c in claimants if not st.speaker or c.id != st.speaker.id), None)
                if pick is None:
                    pick = next((a for a in armed if not st.speaker or a.id != st.speaker.id), None)
                st = replace(st, subject=pick)
            out.append(st)
        return out


def _denial_kind(norm: str) -> str:
    if _LOCATION.search(norm):
        return "location"
    if _FIGURES.search(norm):
        return "figures"
    if _EVENT.search(norm):
        return "event"
    return "responsibility"


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    out = []
    for st in statements:
        key = (st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None,
               st.place.id if st.place else None)
        if key in seen:
            continue
        # a statement without a place is redundant next to the same one with a place
        if st.place is None and any(k[:3] == key[:3] for k in seen):
            continue
        seen.add(key)
        out.append(st)
    return [st for st in out if st.place is not None or not any(
        o.place is not None and o.stance == st.stance and o.speaker == st.speaker and o.subject == st.subject for o in out)]


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    return Classifier()


def classify(text: str, date: datetime | None = None, source: str | None = None,
             source_actor: str | None = None) -> Classification:
    """Classify with the built-in gazetteer and rules."""
    return default_classifier().classify(text, date, source, source_actor)
