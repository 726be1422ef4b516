"""Stage 2b: the structures around the wording, as cues for the statements stage.

- Reported speech: a party reports ("X said", "X says", "according to X", "X: ...", a headline
  ending "– X") an attack whose doer the sentence names ("Y struck", "an Israeli strike", "the
  attack by Y", "was fired by Y"): X's claim when X is Y (or X's own forces: "our aircraft",
  "troops"), X's blame of Y otherwise. A pronoun reporter ("it said", "the ministry added")
  is the party of the sentence before.
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
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from classifiers.cues import Cue
from classifiers.gazetteer import Gazetteer, Mention
from classifiers.normalize import normalize
from classifiers.rules import Rule
from classifiers.sentences import Sentence
from classifiers.speakers import ACCORDING, INVERTED, SAID, headline_speaker, parties, tail_speaker
from classifiers.statements import ARMED, STATE, Call
from classifiers.types import ActorRef

_NEVER = re.compile("(?!)")
# "Hezbollah: ...", "..., sources say: ...": a colon that is not a link's or a clock's
_RETWEET = re.compile(r"^(?:RT )?@\w+:\s*|https?://\S+")
_HEAD_COLON = re.compile(r"(?<![\d/])[:：](?!//|\d)")
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "any", "another", "latest", "deadly", "new", "such"})
_LINK = frozenset({"it", "they", "we", "had", "has", "have", "that", "also", "then", "later", "reportedly",
                   "allegedly", "on", "in", "from", "and", "its", "their", "the", "fighters", "forces", "militants",
                   "members", "gunmen", "troops", "jets", "drones", "planes", "aircraft", "warplanes", "army",
                   "military", "navy", "which", "who", "s"})
_VICTIM = frozenset({"under", "in", "by", "from", "of", "after", "amid", "during", "against", "a", "an"})
# "an Israeli drone strike", "the IS suicide attack": words between a party and its attack noun
_MODIFIERS = frozenset({"drone", "drones", "rocket", "missile", "air", "suicide", "car", "artillery", "naval", "ground",
                        "military", "terror", "terrorist", "deadly", "fresh", "new", "latest", "retaliatory", "mortar",
                        "svbied", "vbied", "ied", "sniper", "cross", "border", "precision", "militia", "militant",
                        "army", "forces", "jets", "warplanes", "helicopter", "gunship", "tank", "commando", "قوات"})
# after an attack verb these words say it has no object: a participle or a plural noun
_NO_OBJECT = frozenset({"in", "near", "along", "across", "including", "and", "or", "of", "for", "inside", "around", "from",
                        "were", "was", "are", "is", "have", "had", "that", "which", "with", "during", "after", "amid",
                        "since", "last", "yesterday", "earlier", "this", "today", "overnight", "when", "while", "as"})
_ITS_BODY = re.compile(r"(?<!\w)(?:its|their) (?:\w+ )?(?:ministry|military|army|spokesman|spokesperson|command|office|"
                       r"officials|government|statement) (?:said|says|announced|stated|added|confirmed)(?!\w)")
_DONE_BY_OTHERS = re.compile(r"(?<!\w)(?:killed|wounded|injured|hit|struck|targeted|destroyed) by (?:the )?(?:\w+ )?"
                             r"(?:air ?strikes?|strikes?|planes?|jets?|warplanes?|shelling|bombing|raids?|aircraft|drones?)"
                             r"(?!\w)")
_AIR = frozenset({"planes", "jets", "warplanes", "airstrikes", "strikes", "aircraft", "helicopters", "drones", "shelling",
                  "artillery", "forces", "troops", "army"})
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got"})
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PRONOUN = re.compile(r"(?<!\w)(?:it|he|she|they|the group|its (?:\w+ )?(?:ministry|military|army|spokesman|command|office)|the militia|the movement|the organi[sz]ation|the ministry|"
                      r"the army|the military|the statement|the spokesman|the spokesperson|a spokesman|a spokesperson|"
                      r"the official|officials|the agency|the command|the idf|we|واضاف|واضافت|وتابع|وتابعت|واوضح|"
                      r"واوضحت|واكد|واكدت|البيان|المتحدث|واشار|واشارت)(?!\w)")


@dataclass(frozen=True, slots=True)
class FrameWords:
    """One language's structural words, compiled."""

    lang: str
    speech: re.Pattern[str]
    according: re.Pattern[str]
    attack_verb: re.Pattern[str]
    attack_noun: re.Pattern[str]
    own_forces: re.Pattern[str]
    negation: re.Pattern[str]
    modality: re.Pattern[str]
    communique: re.Pattern[str]
    relay_heads: re.Pattern[str]
    event: re.Pattern[str]
    claim_verb: re.Pattern[str]
    claim_not: re.Pattern[str]
    demonyms: dict[str, str]
    gate: re.Pattern[str]  # anything a frame is anchored on
    # the same lists as token sets, for the whole-message gate (a set lookup per word is far
    # cheaper than a regex over the text; a multi-word entry counts by its first word)
    words: dict[str, TokenSet] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TokenSet:
    """A word list as one-word entries, "*" stems and multi-word phrases (by first word)."""

    exact: frozenset[str]
    stems: tuple[str, ...]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    arabic: bool
    stem_rx: re.Pattern[str] | None = None

    @classmethod
    def of(cls, words: list[str], arabic: bool) -> TokenSet:
        exact: set[str] = set()
        stems: list[str] = []
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for word in words:
            toks = tuple(normalize(word.rstrip("*")).split())
            if not toks:
                continue
            if len(toks) > 1:
                phrases.setdefault(toks[0], []).append(toks)
            elif word.endswith("*"):
                stems.append(toks[0])
            else:
                exact.add(toks[0])
        clitic = "(?:و|ف|ب|ل)?" if arabic else ""
        stem_rx = re.compile(rf"(?<!\w){clitic}(?:{'|'.join(map(re.escape, stems))})") if stems else None
        return cls(frozenset(exact), tuple(stems), {k: tuple(v) for k, v in phrases.items()}, arabic, stem_rx)

    def _at(self, toks: list[str], i: int, tok: str) -> bool:
        if tok in self.exact or (self.stems and tok.startswith(self.stems)):
            return True
        for phrase in self.phrases.get(tok, ()):
            if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                return True
        return False

    def any_in(self, toks: list[str], words: frozenset[str] | None = None, norm: str | None = None) -> bool:
        """Whether any entry occurs in ``toks`` (``words``: the same as a set; ``norm``: joined)."""
        words = frozenset(toks) if words is None else words
        if self.arabic:
            words = words | {t[1:] for t in words if len(t) > 3 and t[0] in "وفبل"}
        if not self.exact.isdisjoint(words):
            return True
        if self.stem_rx is not None and self.stem_rx.search(norm if norm is not None else " ".join(toks)):
            return True
        if self.phrases and not words.isdisjoint(self.phrases):
            for i, tok in enumerate(toks):
                if self.arabic and len(tok) > 3 and tok[0] in "وفبل" and tok not in self.phrases:
                    tok = tok[1:]
                for phrase in self.phrases.get(tok, ()):
                    if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                        return True
        return False


def _alternation(words: list[str], arabic: bool) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        star = w.endswith("*")
        body = re.escape(normalize(w.rstrip("*"))).replace(r"\ ", " ")
        if not body:
            continue
        parts.append(body + (r"\w*" if star else ""))
    if not parts:
        return "(?!)"
    clitic = r"(?:و|ف|ب|ل)?" if arabic else ""
    return rf"(?<!\w){clitic}(?:{'|'.join(parts)})(?!\w)"


@lru_cache(maxsize=1)
def load_frames() -> dict[str, FrameWords]:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("frames.toml").read_text("utf-8"))
    out: dict[str, FrameWords] = {}
    for lang, section in raw.items():
        arabic = lang in ("ar", "fa")

        def rx(key: str, section: dict[str, list[str]] = section, arabic: bool = arabic) -> re.Pattern[str]:
            return re.compile(_alternation(section.get(key, []), arabic))

        gate_words = (section.get("attack_verbs", []) + section.get("communique", [])
                      + section.get("claim_verbs", []) + section.get("relay_heads", []))
        out[lang] = FrameWords(
            lang=lang, speech=rx("speech"), according=rx("according"), attack_verb=rx("attack_verbs"),
            attack_noun=rx("attack_nouns"), own_forces=rx("own_forces"), negation=rx("negation"),
            modality=rx("modality"), communique=rx("communique"), relay_heads=rx("relay_heads"), event=rx("event"),
            claim_verb=rx("claim_verbs"), claim_not=rx("claim_not"),
            demonyms={normalize(k): v for k, v in section.get("demonyms", {}).items()},
            gate=re.compile(_alternation(gate_words, arabic)),
            words={key: TokenSet.of(section.get(key, []), arabic) for key in (
                "communique", "claim_verbs", "event", "speech", "according", "relay_heads", "attack_verbs",
                "attack_nouns")},
        )
    return out


def words_for(text: str, lang: str) -> FrameWords | None:
    frames = load_frames()
    if lang in frames:
        return frames[lang]
    if _ARABIC.search(text):
        return frames.get("ar")
    return frames.get("en")


_RULES = {stance: Rule(stance, _NEVER, "frame", None, None, None, None, None, "frame")
          for stance in ("claim", "attribution")}


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
    if (w["communique"].any_in(toks, bag, norm) or w["claim_verbs"].any_in(toks, bag, norm)) and w["event"].any_in(
            toks, bag, norm):
        return True
    own_voice = own is not None and own.kind in STATE | ARMED
    if not own_voice and not any(m.kind == "actor" for m in whole.mentions) and not any(
            t in fw.demonyms for t in toks):
        return False
    if not own_voice and not (_HEAD_COLON.search(_RETWEET.sub("", text)) or " – " in text or " — " in text
                              or w["speech"].any_in(toks, bag, norm) or w["according"].any_in(toks, bag, norm)
                              or w["relay_heads"].any_in(toks, bag, norm)):
        return False
    return w["attack_verbs"].any_in(toks, bag, norm) or w["attack_nouns"].any_in(toks, bag, norm)


def communique_claimant(gz: Gazetteer, norm: str, text: str, lang: str, actors: list[ActorRef]) -> ActorRef | None:
    """The group whose communiqué a message relays (Amaq, Wilayat, "soldiers of the Caliphate"),
    if it also reports an attack; None otherwise."""
    fw = words_for(text, lang)
    if fw is None or not fw.communique.search(norm) or not fw.event.search(norm):
        return None
    jihadist = [a for a in actors if a.kind == "jihadist"]
    if jihadist:
        return jihadist[0]
    entry = gz.actors.get("islamic-state")
    return entry.ref() if entry is not None else None


def _same(a: ActorRef, b: ActorRef) -> bool:
    return a.id == b.id or a.parent == b.id or b.parent == a.id or (a.parent is not None and a.parent == b.parent)


def _demonym_mentions(gz: Gazetteer, s: Sentence, fw: FrameWords) -> list[Mention]:
    """"an Israeli strike", «القصف التركي»: adjectives of parties the gazetteer has as names."""
    if not fw.demonyms:
        return []
    covered = {i for m in s.mentions if m.kind == "actor" for i in range(m.start, m.end)}
    out = []
    for i, tok in enumerate(s.toks):
        name = fw.demonyms.get(tok)
        if name is None and i + 1 < len(s.toks):
            name = fw.demonyms.get(f"{tok} {s.toks[i + 1]}")
        if name is None or i in covered:
            continue
        if tok == "us" and (i >= len(s.cased) or s.cased[i] != "US"):
            continue  # "us" the pronoun
        ref = gz.resolve_actor(name)
        if ref is not None:
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
    if not (w["attack_verbs"].any_in(s.toks) or w["attack_nouns"].any_in(s.toks) or w["claim_verbs"].any_in(s.toks)
            or w["relay_heads"].any_in(s.toks) or w["communique"].any_in(s.toks)) or not (
            fw.gate.search(s.norm) or fw.attack_noun.search(s.norm)):
        return _communique_claim(s, fw, out, has, call, [])
    extra = _demonym_mentions(gz, s, fw)
    ok = parties(gz, s, call.when, False, written=False)
    if extra:
        from classifiers.speakers import actor
        ok = sorted(ok + [(m, actor(gz, m, call.when, False)) for m in extra], key=lambda x: x[0].start)
    if "claim" not in has:
        claim = _claim_verb(s, fw, ok, call)
        if claim is not None:
            out.append(claim)
            has.add("claim")
    if "claim" not in has:
        relay = _relay_head(s, fw, ok)
        if relay is not None:
            out.append(relay)
            has.add("claim")
    scope = [0]
    reporter = _reporter(s, fw, ok, call, scope)
    if reporter is None:
        reporter, scope[0] = call.communique, 0
    own_voice = reporter is None and call.own is not None and call.own.kind in STATE | ARMED
    if reporter is not None:
        call.reporters.append(reporter)
    events = _events(s, fw, ok, call.own if own_voice else None)
    for start, end, doer, infinitive in events:
        speaker = reporter if start >= scope[0] else None
        if speaker is None and call.own is not None and call.own.kind in STATE | ARMED:
            speaker = call.own  # the channel's own voice: an army's post about its strikes
        if speaker is None and doer is not None and doer.kind in STATE | ARMED and not infinitive:
            # "US strikes Iran-backed sites in Syria" over "..., the Pentagon said": the state's
            # own action is its claim when the message reports it speaking (decided at the end)
            call.pending.append((s, Cue(_RULES["claim"], start, end, speaker=doer, subject=doer)))
            continue
        if speaker is None or (doer is None and speaker.kind not in STATE | ARMED):
            continue
        if doer is None or _same(speaker, doer):
            if "claim" in has:
                continue
            out.append(Cue(_RULES["claim"], start, end, speaker=speaker, subject=speaker))
            has.add("claim")
        elif "attribution" not in has and not infinitive:
            out.append(Cue(_RULES["attribution"], start, end, speaker=speaker, subject=doer))
            has.add("attribution")
    return _communique_claim(s, fw, out, has, call, events)


def _communique_claim(s: Sentence, fw: FrameWords, out: list[Cue], has: set[str], call: Call,
                      events: list[tuple[int, int, ActorRef | None, bool]]) -> list[Cue]:
    """A relayed communiqué reporting an attack with no other doer named is the group's claim."""
    if "claim" in has or call.communique is None or "attribution" in has:
        return out
    if fw.event.search(s.norm) and not fw.negation.search(s.norm) and not _DONE_BY_OTHERS.search(s.norm) and not any(
            t in fw.demonyms and i + 1 < len(s.toks) and s.toks[i + 1] in _AIR for i, t in enumerate(s.toks)):
        # not "3 children killed by Russian airstrikes": the relay reports another party's attack
        out.append(Cue(_RULES["claim"], 0, len(s.toks), speaker=call.communique, subject=call.communique))
        has.add("claim")
    return out


def _reporter(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], call: Call,
              scope: list[int]) -> ActorRef | None:
    """The party the sentence reports, by its frame; a pronoun reporter is the one carried.
    ``scope[0]`` is set to the first token the report covers."""
    head = headline_speaker(s, ok)
    if head is not None:
        return head
    for marker in fw.according.finditer(s.norm):
        pos = s.token_at(marker.end() - 1) + 1
        near = [r for m, r in ok if 0 <= m.start - pos <= 3]
        if near:
            return near[0]
    speech = list(fw.speech.finditer(s.norm)) or list(SAID.finditer(s.norm)) or list(ACCORDING.finditer(s.norm))
    for said in speech:
        pos = s.token_at(said.start())
        prior = [(m, r) for m, r in ok if 0 <= pos - m.end <= 3]
        if prior:
            if pos < len(s.toks) - 4:
                # "X says <clause>": X reports what follows, not what came before it ("Israeli
                # shelling kills a woman as Hezbollah says one of its fighters was killed")
                scope[0] = prior[-1][0].start
            return prior[-1][1]
        if fw.lang != "en" or INVERTED.match(said.group(0)):
            following = [r for m, r in ok if 0 <= m.start - pos - 1 <= 2]
            if following:
                return following[0]
    tail = tail_speaker(s, ok)
    if tail is not None:
        return tail
    if speech and ok and _ITS_BODY.search(s.norm):
        return ok[0][1]  # "Turkey has carried out an airstrike ..., its defence ministry said"
    if speech and _PRONOUN.search(s.norm):
        return call.carried or call.own
    return None


def _subject_of(s: Sentence, fw: FrameWords, doer_end: int, verb: int) -> bool:
    """Whether the party ending at ``doer_end`` is the subject of the verb at ``verb``: the words
    between are links ("Houthi gunmen from Yemen had fired", "Hezbollah said it struck"), not a
    clause of their own ("Iran says an Israeli strike")."""
    between = s.toks[doer_end:verb]
    if not any(fw.speech.fullmatch(w) for w in between):
        return not any(w in ("a", "an", "the", "this", "that", "which", "who", "but", "while", "as", "after")
                       for w in between)
    return bool(between) and (between[-1] in ("it", "they", "we") or bool(fw.own_forces.fullmatch(between[-1])))


def _blocked(s: Sentence, fw: FrameWords, start_tok: int, anchor: int) -> bool:
    """Negation in the few words before an anchor ("did not strike"), modality or purpose a
    little further ("would respond double to any Israeli attacks", "a mission to counter
    Houthi attacks")."""
    lo = s.starts[max(start_tok, 0)] if s.starts else 0
    wide = s.starts[max(start_tok - 3, 0)] if s.starts else 0
    return bool(fw.negation.search(s.norm, lo, anchor) or fw.modality.search(s.norm, wide, anchor))


def _events(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], own: ActorRef | None = None,
            ) -> list[tuple[int, int, ActorRef | None, bool]]:
    """Attacks the sentence names with their doer: a party, None for the speaker's own forces
    ("our aircraft struck", "troops eliminated"); attacks with no doer named are left out. The
    flag marks an infinitive ("used by Hamas to conduct attacks"): a purpose, not a report."""
    arabic = fw.lang in ("ar", "fa")
    found: list[tuple[int, int, ActorRef | None, bool]] = []
    for m in fw.attack_verb.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        if _blocked(s, fw, t - 5, m.start()):
            continue
        doer: ActorRef | bool | None = False  # False: none found
        if end < len(s.toks) and s.toks[end] == "by":
            after = [r for mn, r in ok if end < mn.start <= end + 4]
            if after:
                doer = after[0]
        passive = t > 0 and s.toks[t - 1] in _PASSIVE
        if doer is False and passive:
            # "Hezbollah compounds were struck": the party named is the target; on an army's own
            # channel the unnamed doer is the army ("terrorists were eliminated")
            if s.toks[t] not in ("killed", "kills", "kill") and own is not None:
                found.append((t, end, None, False))
            continue
        if doer is False and t > 0 and s.toks[t - 1] in _DETERMINERS:
            continue  # "an Israeli strike": a noun, read below
        if doer is False and not arabic and ((end < len(s.toks) and s.toks[end] in _NO_OBJECT) or (
                end >= len(s.toks) and s.toks[t] in ("killed", "hit", "struck", "targeted", "destroyed"))):
            continue  # "fighters killed in clashes", "Hezbollah terror targets in Lebanon": no active verb
        if doer is False:
            before = [(mn, r) for mn, r in ok if 0 <= t - mn.end <= 5 and mn.end <= t]
            if before and _subject_of(s, fw, before[-1][0].end, t):
                doer = before[-1][1]
        if doer is False and arabic:
            after = [r for mn, r in ok if end <= mn.start <= end + 2]
            if after:
                doer = after[0]
        if doer is False:
            lo = s.starts[max(t - 3, 0)] if s.starts else 0
            owns = list(fw.own_forces.finditer(s.norm, lo, m.start()))
            if owns and s.token_at(owns[-1].end() - 1) >= t - 2:
                doer = None
        if doer is not False:
            found.append((t, end, doer if isinstance(doer, ActorRef) else None, t > 0 and s.toks[t - 1] == "to"))
    for m in fw.attack_noun.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        if _blocked(s, fw, t - 4, m.start()):
            continue
        adjective = [r for mn, r in ok if mn.end == t or (mn.end == t - 1 and s.toks[t - 1] in _MODIFIERS)]
        by_at = next((i for i in range(end, min(end + 4, len(s.toks))) if s.toks[i] == "by"), None)
        by = [r for mn, r in ok if by_at < mn.start <= by_at + 4] if by_at is not None else []
        after = [r for mn, r in ok if mn.start in (end, end + 1)] if arabic else []
        doers = by or adjective or after
        if doers:
            found.append((t, end, doers[0], False))
        elif own is not None and t > 0 and s.toks[t - 1] not in _VICTIM and not fw.negation.search(s.norm) and (
                any(_same(r, own) for mn, r in ok if mn.end <= t and t - mn.end <= 6 and mn.alias not in fw.demonyms)
                or fw.own_forces.search(s.norm, s.starts[max(t - 6, 0)], m.start())):
            # "IDF troops are continuing the operation in ...": not "killed in a drone strike",
            # "came under fire"
            found.append((t, end, None, False))
    return sorted(found, key=lambda f: f[0])


def _claim_verb(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]], call: Call) -> Cue | None:
    """"ISIS claims to have captured ...", "#Taliban Claims To Have Overrun ...", "as they claim",
    "the bombing claimed by al-Shabaab": a claim by the party named."""
    for m in fw.claim_verb.finditer(s.norm):
        t, end = s.token_at(m.start()), s.token_at(m.end() - 1) + 1
        rest = s.norm[m.end():m.end() + 160]
        if fw.claim_not.match(rest.lstrip()) or not (fw.event.search(rest) or fw.event.search(s.norm[:m.start()])):
            continue
        lo = s.starts[max(t - 3, 0)] if s.starts else 0
        if fw.negation.search(s.norm[lo:m.start()]):
            continue
        claimant: ActorRef | None = None
        if end < len(s.toks) and s.toks[end] == "by":
            after = [r for mn, r in ok if end < mn.start <= end + 3]
            claimant = after[0] if after else None
        else:
            before = [r for mn, r in ok if 0 <= t - mn.end <= 3 and mn.end <= t]
            claimant = before[-1] if before else None
            if claimant is None and re.search(r"(?<!\w)(?:they|the group|it)(?!\w)", s.norm[lo:m.start()]):
                claimant = call.carried if call.carried is not None and call.carried.kind in ARMED else (
                    call.armed[0] if call.armed else None)
        if claimant is None or claimant.kind not in ARMED | STATE:
            continue
        return Cue(_RULES["claim"], t, end, speaker=claimant, subject=claimant)
    return None


def _relay_head(s: Sentence, fw: FrameWords, ok: list[tuple[Mention, ActorRef]]) -> Cue | None:
    """"Ahrar official statement: We ...", "#IS releases ...": the group's own words relayed."""
    for m in fw.relay_heads.finditer(s.norm):
        t = s.token_at(m.start())
        before = [r for mn, r in ok if 0 <= t - mn.end <= 1 and mn.end <= t]
        if before and before[-1].kind in ARMED and fw.event.search(s.norm):
            return Cue(_RULES["claim"], t, t + 1, speaker=before[-1], subject=before[-1])
    return None
