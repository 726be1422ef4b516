"""The classifier: one message in, its language, statements, actors, places and new names out.

Per sentence: normalise, find gazetteer mentions, find stance cues with the rules of the
sentence's script (Arabic script: Arabic and Persian rules; Latin: English and French), drop cues
a block overlaps, then give each cue its speaker and subject from the mentions around it.
Pure: no I/O after the data files are loaded.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import accumulate

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
    r"(?<!\w)(?:said|says|say|told|stated|announced|added|tweeted|wrote|reported|spokesman|spokesperson|"
    r"قال|قالت|ذكر|ذكرت|اعلن|اعلنت|افاد|افادت|اكد|اكدت|a declare|a affirme|a indique|a precise|a annonce|"
    r"گفت|اعلام كرد)(?!\w)"
)
_ACCORDING = re.compile(r"(?<!\w)(?:according to|quoted by|selon|وفق|بحسب|حسب|وفقا ل|به گزارش|به نقل از)(?!\w)")
_RESPONSE = re.compile(r"(?<!\w)(?:in response to|in retaliation for|retaliation for|ردا علي|رداً علي|ردا على|en represailles|"
                       r"en riposte|در پاسخ به|در تلافي)(?!\w)")
_TOPIC = re.compile(
    r"attack|strike|raid|bomb|rocket|drone|missile|explos|blast|shell|killed|dead|wounded|injur|casualt|involve|responsib|"
    r"role|base|convoy|troops|forces|soldier|clash|airstrike|incident|responsab|"
    r"هجوم|هجمات|قصف|استهداف|غاره|غارات|ضربه|انفجار|صاروخ|صواريخ|مسيره|طايره|قتل|مقتل|اصابه|قاعده|رتل|دور|علاقه|مسووليه|"
    r"حمله|انفجار|موشك|پهپاد|كشته|نقش|دخالت|پايگاه|"
    r"attaque|frappe|attentat|roquette|drone|explosion|mort|tues|blesses|implication|bilan|base|convoi")
_AIRSTRIKE = re.compile(r"airstrike|air strike|air raid|غاره|غارات|ضربه جويه|ضربات جويه|حمله هوايي|حملات هوايي|frappe aerienne|"
                        r"frappes aeriennes|raid aerien|carried out any|conducted|conduct")
_LOCATION = re.compile(r"territor|soil|inside jordan|outside jordan|(?:did not|didnt) (?:occur|happen|take place) (?:in|on|inside)|"
                       r"not (?:in|on) (?:jordan|its)|لم يقع داخل|لم يقع في الاراضي|خارج (?:الاراضي|حدود|اراضي)|"
                       r"sur son (?:sol|territoire)|eu lieu sur son|hors de (?:son|ses)|خاك اردن|داخل خاك")
_FIGURES = re.compile(r"exaggerat|inflat|figure|toll|casualt|number of|numbers|no damage|direct hit|مبالغ|ارقام|حصيله|اعداد|"
                      r"chiffre|bilan|exager|(?:la )?mort de|morts|tues|blesses|"
                      r"reports? (?:\w+ ){0,5}?(?:killed|dead|deaths|wounded|injured)|(?:تقارير|انباء|اخبار|الانباء) (?:عن )?"
                      r"(?:مقتل|اصابه|سقوط قتلي|قتلي|جرحي)|كشته|زخمي|تلفات|اغراق")
_EVENT = re.compile(r"no (?:reports? of (?:an? )?)?(?:attack|explosion|strike)|did not (?:take place|happen|occur)|never happened|"
                    r"no such|rumou?r|fabricat|controlled detonation|accident|(?:reports?|claims?) (?:of|about) (?:an? |the )?"
                    r"(?:attack|strike|drone|rocket|clashes|fighting|explosions?)|شايعات|اشاعات|لم ترد انباء|لا صحه لانباء|انباء عن|مزاعم|شايعه|"
                    r"انجام نشده|fausses|informations|تعرض (?:\w+ ){0,3}?(?:لاي|لهجوم|لقصف)|الانباء|الاخبار|سقوط اي|لم تسقط|"
                    r"خبر حمله|كنترل شده|toute attaque|aucune attaque|took place|no attack|came under|مجرد شايعات")


_BACKED = frozenset({"backed", "aligned", "affiliated", "linked", "supported", "sponsored", "allied", "funded"})
_ANAPHOR = re.compile(r"(?<!\w)(?:the group|the militia|the faction|the organization|it|them|la milice|le groupe)(?!\w)")


class _MessageFacts:
    """Message-level figures and date, computed only if a statement needs them (most messages
    carry no statement, and these regexes are the costliest part of a quiet message)."""

    def __init__(self, norm: str, when: datetime | None) -> None:
        self.norm = norm
        self._norm, self._date = norm, when
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


class _Written:
    """The original spelling of a mention, found only when a statement or alias needs it (a
    regex search per mention is too dear to pay for every word of every message)."""

    def __init__(self, original: str, cased: list[str]) -> None:
        self._original, self._cased = original, cased
        self._found: dict[tuple[int, int], str] = {}

    def get(self, span: tuple[int, int], default: str) -> str:
        if span not in self._found:
            self._found[span] = as_written(" ".join(self._cased[span[0]:span[1]]), self._original)
        return self._found.get(span, default)

    def __contains__(self, span: tuple[int, int]) -> bool:
        return 0 <= span[0] < span[1] <= len(self._cased)

    def __getitem__(self, span: tuple[int, int]) -> str:
        return self.get(span, "")


@dataclass(slots=True)
class _Cue:
    rule: Rule
    start: int  # token index
    end: int


class _Sentence:
    """A sentence prepared once: its normal forms, tokens and gazetteer mentions."""

    __slots__ = ("_starts", "cased_norm", "mentions", "norm", "norm_punct", "original", "toks", "written")

    def __init__(self, original: str, norm: str, norm_punct: str, cased_norm: str, toks: list[str],
                 mentions: list[Mention], written: _Written) -> None:
        self.original = original
        self.norm = norm  # lower-case tokens joined by single spaces
        self.norm_punct = norm_punct  # normalised with punctuation, for figures
        self.cased_norm = cased_norm
        self.toks = toks
        self.mentions = mentions
        self.written = written
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """The offset in ``norm`` of every token (only sentences with a cue need them)."""
        if self._starts is None:
            toks = self.toks
            self._starts = list(accumulate((len(t) + 1 for t in toks[:-1]), initial=0)) if toks else []
        return self._starts


_ABBREVIATIONS = {"col", "gen", "maj", "lt", "brig", "capt", "cpt", "sgt", "dr", "mr", "mrs", "ms", "st", "no", "vs",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
                  "gov", "sen", "rep", "adm", "cmdr"}


def split_sentences(text: str) -> list[str]:
    """Sentences, not split after titles and abbreviations ("Col. Joel Harper", "Jan. 28")."""
    parts = [p for p in _SENTENCE.split(text) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if out:
            last = out[-1].rsplit(None, 1)[-1].rstrip(".").lower() if out[-1].endswith(".") else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                out[-1] = f"{out[-1]} {part}"
                continue
        out.append(part)
    return out


def _applicable(sentence: str, rules: dict[str, LanguageRules], lang: str | None = None) -> list[LanguageRules]:
    """The rules of the message's language when it has some; otherwise those of its scripts."""
    if lang in rules:
        return [rules[lang]]
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
        self._lang: str | None = None  # the language of the message being classified

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
        result = self._prepare(text)
        if len(self._sentence_cache) >= 4096:
            # relays repeat a statement within minutes; a small cache catches that, a large one
            # only holds memory
            self._sentence_cache.clear()
        self._sentence_cache[text] = result
        return result

    def _prepare(self, text: str) -> _Sentence:
        cased_norm = normalize_cased(text)
        cased = tokens(cased_norm)
        toks = [t.lower() for t in cased]
        mentions = self.gz.scan(toks, cased)
        written = _Written(text, cased)
        return _Sentence(text, " ".join(toks), cased_norm.lower(), cased_norm, toks, mentions, written)

    def _cues(self, s: _Sentence) -> tuple[list[_Cue], bool]:
        cues: list[_Cue] = []
        report = False
        for lr in _applicable(s.original, self.rules, self._lang):
            if (lr.report is not None and not report
                    and (lr.report_trigger is None or lr.report_trigger.search(s.norm))
                    and lr.report.search(s.norm) and not _NEGATED.search(s.norm)):
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
                    if rule.place_after and not any(
                            mn.kind == "place" and start < mn.start <= end + 5 for mn in s.mentions):
                        continue
                    cues.append(_Cue(rule, max(start, 0), end))
        others = [c for c in cues if c.rule.stance in ("denial", "attribution")]
        if others:
            # "X denied that its forces carried out any airstrike", "X blamed Y for the strike that
            # hit its headquarters": the claim wording is reported inside the denial or the blame
            cues = [c for c in cues if c.rule.stance != "claim" or not (
                (c.rule.needs is not None and any(o.start < c.start for o in others))
                or any(0 <= c.start - o.start <= 12 for o in others if o.rule.stance == "denial"))]
        return cues, report

    # -- actors around a cue ------------------------------------------------------------------

    def _actor(self, m: Mention, when: date | None, in_claim: bool, s: _Sentence | None = None) -> ActorRef:
        ref = self.gz.actor_ref(m.id, m.alias, when, in_claim)
        if s is not None and (m.start, m.end) in s.written:
            ref = replace(ref, as_written=s.written[(m.start, m.end)])
        return ref

    def _pick(self, s: _Sentence, cue: _Cue, side: str, when: date | None, in_claim: bool,
              accept: frozenset[str] | None, exclude: set[str]) -> ActorRef | None:
        # "USA-backed PKK", "Iran-aligned groups": the backer is a modifier, not a party
        actors = [m for m in s.mentions if m.kind == "actor"
                  and not (m.end < len(s.toks) and s.toks[m.end] in _BACKED)]
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
            # Arabic puts the verb first (VSO) or the subject first (SVO): an actor right before
            # the verb is its subject, otherwise the first actor after it
            if before and cue.start - before[-1][0].end <= 1:
                return before[-1][1]
            return after[0][1] if after else (before[-1][1] if before else None)
        if side == "first":
            if ok and ok[0][0].end <= cue.start:
                return ok[0][1]
            return self._pick(s, cue, "said", when, in_claim, accept, exclude)
        if side == "said":
            head = self._headline_speaker(s, ok)
            if head is not None:
                return head
            for marker in _ACCORDING.finditer(s.norm):
                pos = bisect.bisect_left(s.starts, marker.end())
                near = [r for m, r in ok if 0 <= m.start - pos <= 2]
                if near:
                    return near[0]
            for said in _SAID.finditer(s.norm):
                pos = bisect.bisect_right(s.starts, said.start()) - 1
                prior = [r for m, r in ok if 0 <= pos - m.end <= 3]
                if prior:
                    return prior[-1]
                following = [r for m, r in ok if 0 <= m.start - pos - 1 <= 2]
                if following:
                    return following[0]
            return before[-1][1] if before else None
        return None

    @staticmethod
    def _headline_speaker(s: _Sentence, ok: list[tuple[Mention, ActorRef]]) -> ActorRef | None:
        """"Security Media Cell: ..." and «قوات سوريا الديمقراطية: ...»: the actor before an early colon."""
        colon = s.original.find(":")
        if colon < 2 or colon > 80:
            return None
        head_tokens = len(tokens(normalize(s.original[:colon])))
        heads = [r for m, r in ok if m.end <= head_tokens]
        return heads[-1] if heads else None

    # -- the message ----------------------------------------------------------------------

    def classify(self, text: str, date: datetime | None = None, source: str | None = None,
                 source_actor: str | None = None) -> Classification:
        """Classify one message. ``source_actor`` is the actor the source speaks for, if any
        (used for first-person statements that do not name their author)."""
        lang = detect_language(text) if text.strip() else "und"
        self._lang = lang
        when = date.date() if date else None
        quiet = self._quiet(text, when)
        if quiet is not None:
            return Classification(lang=lang, actors=quiet[0], places=quiet[1])
        sentences = [self._sentence(p) for p in split_sentences(text)]
        own = self.gz.actors[source_actor].ref() if source_actor in self.gz.actors else None

        all_actors, places = self._collect((m for s in sentences for m in s.mentions), when)
        new_names: dict[str, ActorRef] = {}
        armed_in_message = [a for a in all_actors.values() if a.kind in ARMED]

        msg_norm = " ".join(s.norm_punct for s in sentences)
        lazy = _MessageFacts(msg_norm, date)
        msg_weapon = next((m.id for s in sentences for m in s.mentions if m.kind == "weapon"), None)
        msg_target = next((m.id for s in sentences for m in s.mentions if m.kind == "target"), None)
        msg_places = [p for p in places.values()]

        statements: list[Statement] = []
        report = False
        # a denial or a blame about bread prices is not about an attack: the message must say
        # something of attacks, or name a place, weapon or target of the gazetteer
        on_topic: bool | None = None
        for s in sentences:
            cues, rep = self._cues(s)
            if any(c.rule.stance != "claim" for c in cues):
                if on_topic is None:
                    on_topic = bool(_TOPIC.search(msg_norm)) or any(
                        m.kind in ("place", "weapon", "target") for x in sentences for m in x.mentions)
                if not on_topic:
                    cues = [c for c in cues if c.rule.stance == "claim"]
            report = report or rep
            has_claim = any(c.rule.stance == "claim" for c in cues)
            sentence_new: list[ActorRef] = []
            if has_claim or "itself" in s.norm or "نفسه" in s.norm or "نفسها" in s.norm or "به نام" in s.norm:
                for name in extract_group_names(s.cased_norm, s.original):
                    known = self._resolve_with_suffixes(name, when)
                    if known is not None:
                        all_actors.setdefault(known.id, known)
                        sentence_new.append(known)
                        continue
                    ref = ActorRef(slug(name), name, False, "unknown", None, name)
                    new_names.setdefault(ref.id, ref)
                    all_actors.setdefault(ref.id, ref)
                    sentence_new.append(ref)
            done: set[str] = set()
            for cue in sorted(cues, key=lambda c: (c.start, c.rule.lang != lang)):
                if cue.rule.stance in done:
                    continue  # several cues of one claim or denial in a sentence are one statement
                found = self._statements(s, cue, when, date, own, armed_in_message, sentence_new,
                                         lazy, msg_weapon, msg_target, msg_places)
                if found and cue.rule.stance != "attribution":
                    done.add(cue.rule.stance)
                statements.extend(found)
        statements = _dedupe(statements)
        claimed = {st.subject.id for st in statements if st.stance == "claim" and st.subject}
        relays = claimed | {a.id for a in all_actors.values() if a.kind == "relay"}
        statements = [st for st in statements if not (
            st.stance == "attribution" and st.subject and st.subject.id in claimed
            and (st.speaker is None or st.speaker.id in relays))]  # "Amaq claims the attack was carried out by the group"
        statements = self._effect_disputes(statements, sentences, when)
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
            accept = ARMED | STATE | frozenset({"relay", "generic"})
        speaker: ActorRef | None = None
        if rule.fixed and rule.fixed in self.gz.actors:
            if rule.needs == "state":
                # "US forces struck ..." is a state's claim only when the state says so; a tweet
                # that a US strike hit a bakery is someone else's report
                speaker = self._pick(s, cue, "said", when, in_claim, accept, set()) or (
                    own if own is not None and own.kind in STATE else None)
                if speaker is None:
                    return []
            else:
                speaker = self.gz.actors[rule.fixed].ref()
        elif stance == "claim" and named and rule.needs is None:
            speaker = named[0]
        elif rule.speaker == "source":
            if rule.needs == "claimant" and (own is None or own.kind not in ARMED | STATE):
                return []  # "we hit our peaks": weak first person with no claimant behind the channel
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
        if speaker is None and rule.speaker in ("before", "after", "either") and stance != "claim":
            # «"Ces informations sont fausses", a indiqué le Centcom»: the speaker follows the quote
            speaker = self._pick(s, cue, "said", when, in_claim, accept, set())
        if speaker is None:
            if rule.needs in ("armed", "state"):
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
                if subject is None and _ANAPHOR.search(s.norm[s.starts[min(cue.end, len(s.starts) - 1)]:]
                                                       if s.starts else ""):
                    # "... which Washington blamed on the group": the armed group named before
                    subject = self._pick(s, cue, "before", when, False, ARMED, exclude)
                if subject is None and speaker is not None and rule.speaker == "either":
                    # «... وتتهم واشنطن»: the verb carries its subject; the actor after it is the
                    # one blamed, and the speaker is whoever the sentence is about
                    first = [m for m in s.mentions if m.kind == "actor" and m.end <= cue.start]
                    subject = speaker
                    speaker = self._actor(first[0], when, False, s) if first else own
            if subject is None:
                return []
        denial_kind = None
        if stance == "denial":
            denial_kind = rule.kind or _denial_kind(s.norm, facts.norm)
            if denial_kind == "responsibility":
                subject = speaker
        response = _RESPONSE.search(s.norm)
        cut = bisect.bisect_right(s.starts, response.start()) - 1 if response and stance == "claim" else None
        sentence_places = [self.gz.places[m.id].ref(s.written.get((m.start, m.end), m.alias))
                           for m in s.mentions if m.kind == "place" and (cut is None or m.start < cut or m.start < cue.start)]
        chosen = sentence_places or msg_places[:1]
        sites = list({p.id: p for p in chosen if p.kind in ("base", "town", "crossing")}.values())
        bases = [p for p in sites if p.kind == "base"]
        if len(sites) > 1 and stance == "claim":
            # one statement naming several bases is one claim per base (and per incident)
            targets: list[PlaceRef | None] = list(bases if len(bases) > 1 else sites)
        elif bases:
            targets = [bases[0]]
        elif sites:
            targets = [sites[0]]
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

    def _quiet(self, text: str, when: date | None) -> tuple[tuple[ActorRef, ...], tuple[PlaceRef, ...]] | None:
        """Most messages hold no stance wording at all: one pass over the whole text finds its
        actors and places and shows that no rule can fire (no rule or report pattern of any
        language matches, even with its lookarounds removed; no group self-naming). Returns None
        when the message needs the sentence-by-sentence path."""
        whole = self._sentence(text) if len(text) <= 600 else self._prepare(text)
        for lr in _applicable(text, self.rules, self._lang):
            # the trigger words are a cheap first test; the gate (every rule at once) decides
            if lr.trigger.search(whole.norm) and lr.gate.search(whole.norm):
                return None
            if lr.report_gate is not None and (lr.report_trigger is None or lr.report_trigger.search(whole.norm)) \
                    and lr.report_gate.search(whole.norm):
                return None
        if "itself" in whole.norm or "نفسه" in whole.norm or "نفسها" in whole.norm or "به نام" in whole.norm:
            return None
        actors, places = self._collect(whole.mentions, when)
        return tuple(actors.values()), tuple(places.values())

    def _collect(self, mentions: Iterable[Mention], when: date | None) -> tuple[dict[str, ActorRef], dict[str, PlaceRef]]:
        """The actors and places a message names, each once, in order of first mention."""
        actors: dict[str, ActorRef] = {}
        places: dict[str, PlaceRef] = {}
        for m in mentions:
            if m.kind == "actor":
                ref = self.gz.actor_ref(m.id, m.alias, when, False)
                actors.setdefault(ref.id, ref)
            elif m.kind == "place":
                places.setdefault(m.id, self.gz.places[m.id].ref(m.alias))
        return actors, places

    def _effect_disputes(self, statements: list[Statement], sentences: list[_Sentence],
                         when: date | None) -> list[Statement]:
        """A claim of casualties met, in the same message, by another party's "no one was killed"
        is a denial of the figures (a dispute over the effect, not over the event)."""
        claims = [st for st in statements if st.stance == "claim"]
        if not claims or any(st.stance == "denial" for st in statements):
            return statements
        claimants = {c.subject.id for c in claims if c.subject}
        for s in sentences:
            figs = extract_figures(s.norm_punct)
            if not figs.none_reported:
                continue
            cue = _Cue((claims[0].speaker and _FAKE_RULE) or _FAKE_RULE, 0, len(s.toks))
            speaker = self._pick(s, _Cue(_FAKE_RULE, len(s.toks), len(s.toks)), "said", when, False, STATE, claimants)
            if speaker is None or speaker.id in claimants:
                continue
            _ = cue
            statements.append(Statement(stance="denial", speaker=speaker, subject=claims[0].subject,
                                        denial_of="figures", place=claims[0].place, killed=0,
                                        evidence=s.original[:200]))
            break
        return statements

    def _resolve_with_suffixes(self, name: str, when: date | None) -> ActorRef | None:
        """"#BreakingNews Hamas claims ...": a known name at the end of the words captured wins."""
        words = name.split()
        for start in range(len(words)):
            known = self.gz.resolve_actor(" ".join(words[start:]), when, in_claim=True)
            if known is not None:
                return known
        return None

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


_FAKE_RULE = Rule("denial", re.compile("(?!)"), "said", None, "figures", None, None, None, "en")


def _denial_kind(norm: str, message_norm: str = "") -> str:
    """Location, then figures, then the denier's own strike (responsibility), then the event;
    a short denial ("Those reports are not true.") is read with the rest of its message."""
    for text in (norm, message_norm):
        if not text:
            continue
        if _LOCATION.search(text):
            return "location"
        if _FIGURES.search(text):
            return "figures"
        if _AIRSTRIKE.search(text):
            return "responsibility"
        if _EVENT.search(text):
            return "event"
        if _RESPONSIBILITY.search(text):
            return "responsibility"
    return "responsibility"


_RESPONSIBILITY = re.compile(r"involv|role|responsib|connection|behind|carry|carried|دور|علاقه|مسووليه|نقش|دخالت|implication")


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
