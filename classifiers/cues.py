"""Stage 2: stance cues in one sentence. The wording rules of ``data/phrases.toml`` for the
sentence's language (or its scripts), minus what a block covers (negation, modality, sport...),
plus whether the sentence reports an incident in a neutral voice. Pure: no I/O.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from classifiers.rules import LanguageRules, Rule
from classifiers.sentences import Sentence
from classifiers.types import ActorRef

_NEGATED = re.compile(r"(?<!\w)(?:no|not|never|did not|didnt|denied|denies|without|لم|لا|ليس|نفت|نفي|ينفي|هيچ|نه|aucun|aucune|pas)(?!\w)")
# an attack plotted, threatened or slowed down is no event a report tells; one foiled or thwarted
# neither, unless drones or rockets were launched ("thwarted a drone attack on its troops")
_UNREAL = re.compile(r"(?<!\w)(?:plot(?:ted|ting|s)?|plann(?:ed|ing)|plans?|threat(?:en|ens|ened)?|vow(?:s|ed)?|would|could|"
                     r"will|intend(?:s|ed)?|to stop|slow(?:ed|s)? down|warn(?:s|ed)?)(?!\w)")
_FOILED = re.compile(r"(?<!\w)(?:foil(?:ed|s)?|thwart(?:ed|s)?|prevent(?:ed|s)?|averted)(?!\w)")
_LAUNCHED = re.compile(r"(?<!\w)(?:drones?|rockets?|missiles?|mortars?|uavs?|projectiles?)(?!\w)")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(slots=True)
class Cue:
    """A rule that matched: token span [start, end) of its sentence."""

    rule: Rule
    start: int
    end: int
    speaker: ActorRef | None = None  # a frame has decided the speaker ...
    subject: ActorRef | None = None  # ... and the subject


def applicable(text: str, rules: dict[str, LanguageRules], lang: str | None = None) -> list[LanguageRules]:
    """The rules of the message's language when it has some; otherwise those of its scripts."""
    if lang in rules:
        return [rules[lang]]
    out = []
    if _ARABIC.search(text):
        out += [rules[k] for k in ("ar", "fa") if k in rules]
    if _LATIN.search(text):
        out += [rules[k] for k in ("en", "fr") if k in rules]
    return out


def _unreal(norm: str) -> bool:
    return bool(_UNREAL.search(norm) or (_FOILED.search(norm) and not _LAUNCHED.search(norm)))


def find_cues(s: Sentence, rules: dict[str, LanguageRules], lang: str | None,
              is_site: Callable[[str], bool] | None = None) -> tuple[list[Cue], bool]:
    """The cues of ``s`` and whether it reports an incident (an un-negated report pattern)."""
    cues: list[Cue] = []
    report = False
    for lr in applicable(s.original, rules, lang):
        if (lr.report is not None and not report
                and (lr.report_trigger is None or lr.report_trigger.search(s.norm))
                and (lr.report_any.search(s.norm) if lr.report_any is not None else lr.report.search(s.norm))
                and not _NEGATED.search(s.norm) and not (lr.lang == "en" and _unreal(s.norm))):
            report = True  # "no base came under fire", "an attack on the synagogue was foiled" report nothing
        if not lr.trigger.search(s.norm):
            continue
        # the rules' matches first (a rule whose gate literals are absent cannot match: the gate
        # holds each rule without its lookarounds, in order): most sentences past the trigger have
        # none, and then the blocks need not be searched at all
        ordered = lr.rules
        matched = [(ordered[i], found) for i in lr.gate.candidates(s.norm, len(ordered))
                   if (found := list(ordered[i].regex.finditer(s.norm)))]
        if not matched:
            continue
        may = lr.block_gate.may_match
        spans = [(m.start(), m.end(), b.stances) for j, b in enumerate(lr.blocks) if b.scope == "span"
                 and may(j, s.norm) for m in b.regex.finditer(s.norm)
                 if (b.unless_before is None or not b.unless_before.search(s.norm, 0, m.start()))
                 and not (b.stances == _BLAME_ONLY and _ends_in_a_name(s, m.start(), m.end()))]
        blocked = {st for j, b in enumerate(lr.blocks) if b.scope == "sentence" and may(j, s.norm)
                   and _outside_names(s, b.regex) for st in b.stances}
        for rule, found in matched:
            if rule.stance in blocked:
                continue
            for m in found:
                if any(m.start() < e and b < m.end() and rule.stance in st for b, e, st in spans):
                    continue
                start = bisect.bisect_right(s.starts, m.start()) - 1
                end = max(start + 1, bisect.bisect_left(s.starts, m.end()))
                if a_name(s, start, end):
                    continue  # the cue is a place's name: "in the city of Hit" hits nothing
                # a curated site (Gazetteer.is_site), not any of the thousands of towns or a country
                if rule.place_after and not any(
                        mn.kind == "place" and start < mn.start <= end + 5 and (is_site is None or is_site(mn.id))
                        for mn in s.mentions):
                    continue
                cues.append(Cue(rule, max(start, 0), end))
    return drop_reported_claims(cues), report


_NAME_BEFORE = frozenset({"of", "in", "near", "at", "from", "to", "outside", "around"})
_BLAME_ONLY = frozenset({"attribution"})


def _outside_names(s: Sentence, regex: re.Pattern[str]) -> bool:
    """Whether ``regex`` matches the sentence outside the actors' names: the sport of "league" is
    not in "the League of the Righteous denied any role"."""
    for m in regex.finditer(s.norm):
        first = bisect.bisect_right(s.starts, m.start()) - 1
        last = bisect.bisect_right(s.starts, m.end() - 1) - 1
        if not any(mn.kind == "actor" and mn.start <= first and last < mn.end for mn in s.mentions):
            return True
    return False


def _ends_in_a_name(s: Sentence, start: int, end: int) -> bool:
    """Whether the characters [start, end) end inside an actor's name that opens after ``start``:
    "blamed Islamic State of| Iraq and the Levant for ...", "accused the Army of| the Mujahideen of
    ...": the "of" of a name is no complement of the blame (a block reads it as one)."""
    first = bisect.bisect_right(s.starts, start) - 1
    last = bisect.bisect_right(s.starts, end - 1) - 1
    return any(mn.kind == "actor" and first < mn.start <= last < mn.end - 1 for mn in s.mentions)


def a_name(s: Sentence, start: int, end: int) -> bool:
    """Whether a one-word cue is a name: a place the gazetteer found there, or a word written with
    a capital after "of", "in", "near" in a sentence that is not in title case ("the city of Hit")."""
    if any(mn.kind == "place" and mn.start <= start and end <= mn.end for mn in s.mentions):
        return True
    if end - start != 1 or start == 0 or s.toks[start - 1] not in _NAME_BEFORE:
        return False
    word = s.cased[start]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    capitals = sum(1 for w in s.cased if w[:1].isupper())
    return capitals * 2 < len(s.cased)  # "US Forces Hit Base" is a headline in title case


def drop_reported_claims(cues: list[Cue]) -> list[Cue]:
    """"X denied that its forces carried out any airstrike", "X blamed Y for the strike that hit
    its headquarters": claim wording reported inside a denial or a blame is not a claim."""
    others = [c for c in cues if c.rule.stance in ("denial", "attribution")]
    if not others:
        return cues
    return [c for c in cues if c.rule.stance != "claim" or not (
        (c.rule.needs is not None and any(o.start < c.start for o in others))
        or any(0 <= c.start - o.start <= 12 for o in others if o.rule.stance == "denial"))]


def told_by_another(cues: list[Cue]) -> list[Cue]:
    """"The Pentagon said Kataib Hezbollah attacked the base in Erbil": the deed a rule reads as the
    doer's own claim (its name before the attack verb) is another party's blame when a frame found
    that party telling it. The frame's attribution stands; the doer claimed nothing here."""
    told = [(c.start, c.end) for c in cues if c.rule.stance == "attribution" and c.rule.speaker == "frame"
            and c.speaker is not None and c.subject is not None and c.speaker.id != c.subject.id]
    if not told:
        return cues
    return [c for c in cues if not (c.rule.stance == "claim" and c.rule.speaker == "before" and c.rule.needs == "armed" and c.speaker is None
                                    and any(lo < c.end and c.start < hi for lo, hi in told))]
