"""Stage 5: the statements of a message resolved against each other: duplicates merged, a relay's
"attributed to the group" of the group's own claim dropped, a casualty claim met by "no one was
killed" turned into a denial of the figures, denials given the claimant as subject. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace

from classifiers.figures import extract_figures
from classifiers.gazetteer import Gazetteer
from classifiers.sentences import Sentence
from classifiers.speakers import parties, reporter
from classifiers.statements import STATE, Call
from classifiers.types import ActorRef, Statement
from classifiers.unnamed import UNNAMED


def resolve(gz: Gazetteer, statements: list[Statement], sentences: list[Sentence], call: Call,
            actors: dict[str, ActorRef]) -> list[Statement]:
    statements = dedupe(statements)
    claimed = {st.subject.id for st in statements if st.stance == "claim" and st.subject}
    relays = claimed | {a.id for a in actors.values() if a.kind == "relay"}
    # "Amaq claims the attack was carried out by the group"
    statements = [st for st in statements if not (
        st.stance == "attribution" and st.subject and st.subject.id in claimed
        and (st.speaker is None or st.speaker.kind == UNNAMED or st.speaker.id in relays))]
    # a party blaming itself is no blame: its speaker and its party blamed were read from one name
    statements = [st for st in statements if not (
        st.stance == "attribution" and st.speaker is not None and st.subject is not None and st.speaker.id == st.subject.id)]
    statements = effect_disputes(gz, statements, sentences, call)
    return fill_denial_subjects(statements, call.armed)


def dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str | None, str | None, str | None, str | None]] = set()
    out = []
    for st in statements:
        key = (st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None,
               st.place.id if st.place else None, st.place_written)
        if key in seen:
            continue
        # a statement without a place is redundant next to the same one with a place (a place
        # as written, "the village of Kfar Zeita", is one)
        if st.place is None and st.place_written is None and any(k[:3] == key[:3] for k in seen):
            continue
        seen.add(key)
        out.append(st)
    out = [st for st in out if st.place is not None or st.place_written is not None or not any(
        (o.place is not None or o.place_written is not None) and o.stance == st.stance and o.speaker == st.speaker
        and o.subject == st.subject for o in out)]
    # a blame whose speaker the text left unread is redundant next to the same blame with its speaker
    # ("the bombing was blamed on the PKK by Turkish officials": one rule reads the agent, one does not)
    return [st for st in out if not (st.stance == "attribution" and st.speaker is None and st.subject is not None and any(
        o.stance == "attribution" and o.speaker is not None and o.subject is not None and o.subject.id == st.subject.id
        and o.speaker.id != o.subject.id for o in out))]


# "the Pentagon said no ship was hit", "no aircraft was lost": the claimed damage denied
_NOTHING_HIT = re.compile(r"(?<!\w)no (?:\w+ )?(?:ship|ships|vessel|vessels|warship|warships|aircraft|plane|planes|jet|jets|"
                          r"drone|drones|helicopter|tank|tanks|base|bases|troops|personnel|soldiers?) (?:was |were |had been |"
                          r"has been )?(?:hit|struck|damaged|lost|downed|shot down|harmed|injured|hurt)(?!\w)")


def effect_disputes(gz: Gazetteer, statements: list[Statement], sentences: list[Sentence], call: Call) -> list[Statement]:
    """A claim of casualties met, in the same message, by another party's "no one was killed"
    is a denial of the figures (a dispute over the effect, not over the event)."""
    claims = [st for st in statements if st.stance == "claim"]
    if not claims or any(st.stance == "denial" for st in statements):
        return statements
    claimants = {c.subject.id for c in claims if c.subject}
    for s in sentences:
        figs = extract_figures(s.norm_punct)
        if not figs.none_reported and not _NOTHING_HIT.search(s.norm):
            continue
        # a party that says so ("..., the ministry said"), not the last one named: "launches from
        # Lebanon were identified, no injuries were reported" is an incident report
        speaker = reporter(s, [(m, r) for m, r in parties(gz, s, call.when, False)
                               if r.kind in STATE and r.id not in claimants])
        if speaker is None or speaker.id in claimants:
            continue
        statements.append(Statement(stance="denial", speaker=speaker, subject=claims[0].subject,
                                    denial_of="figures", place=claims[0].place, killed=0,
                                    evidence=s.original[:200]))
        break
    return statements


def fill_denial_subjects(statements: list[Statement], armed: list[ActorRef]) -> list[Statement]:
    """A denial of an event, its figures or its location is about whoever claimed it."""
    claimants = [st.subject for st in statements if st.stance == "claim" and st.subject]
    out = []
    for st in statements:
        if st.stance == "denial" and st.denial_of != "responsibility" and st.subject is None:
            if st.denial_of == "figures" and st.speaker is not None and any(c.id == st.speaker.id for c in claimants):
                # a party that claims the strike and denies its harm denies its own toll
                chosen: ActorRef | None = st.speaker
            else:
                chosen = next((c for c in claimants if not st.speaker or c.id != st.speaker.id), None)
            if chosen is None:
                chosen = next((a for a in armed if not st.speaker or a.id != st.speaker.id), None)
            if chosen is None and st.denial_of == "figures":
                chosen = st.speaker  # "no civilians were killed by the air strikes": the denier's own
            st = replace(st, subject=chosen)
        out.append(st)
    return out
