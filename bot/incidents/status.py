"""Status and grade of an incident from its links: the corroboration rules.

A claim is corroborated when a source outside the claimant's bloc reports the event: an
official of the other side is the strongest. Relays of the claim never corroborate it, nor do
near-duplicates of the claim text from anyone, nor a report that only repeats the claim. A denial
of the event contradicts; a denial of responsibility or figures by a third party concedes the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from classifiers.fingerprint import near_duplicate
from storage.incidents import LinkValue

CONFIRMING_ROLES = ("report", "attribution")


@dataclass(frozen=True, slots=True)
class Assessment:
    status: str
    grade: str
    reasons: tuple[str, ...]
    corroborating: tuple[LinkValue, ...]
    event_denials: tuple[LinkValue, ...]
    claimant_blocs: frozenset[str]
    competing: bool
    inflated: bool


def assess(links: list[LinkValue] | tuple[LinkValue, ...], claimant_bloc: dict[str, str], uncorroborated: bool = False,
           imported: bool = False) -> Assessment:
    """``claimant_bloc`` maps a claimant's actor id to its bloc (from the registry)."""
    live = [link for link in links if not link.withdrawn]
    claims = [link for link in live if link.role == "claim"]
    blocs = {link.bloc for link in claims} | {claimant_bloc[c.subject_id] for c in claims
                                             if c.subject_id and c.subject_id in claimant_bloc}
    claim_prints = [c.fingerprint for c in claims]

    def independent(link: LinkValue) -> bool:
        # a near-duplicate of the claim's text is a relay of it; a denial never is, even when it
        # stands in the claim's own sentence ("..., an assertion denied by the IDF")
        return (link.bloc not in blocs and link.source_role != "relay"
                and (link.role == "denial" or not any(near_duplicate(link.fingerprint, fp) for fp in claim_prints)))

    corroborating = []
    for link in live:
        if not independent(link):
            continue
        if link.role in CONFIRMING_ROLES:
            corroborating.append(link)
        elif link.role == "denial" and link.stance_detail in ("figures", "location"):
            corroborating.append(link)  # the event happened; its toll or place is disputed
        elif (link.role == "denial" and link.stance_detail == "responsibility" and claims
              and link.subject_id not in {c.subject_id for c in claims}):
            corroborating.append(link)  # a third party denying its own role concedes the event
    event_denials = [link for link in live if link.role == "denial" and link.stance_detail == "event"
                     and link.bloc not in blocs]
    claimant_sets = {claimant_bloc.get(c.subject_id or "", c.bloc) for c in claims}
    competing = len(claimant_sets) > 1
    official = [link for link in corroborating if link.source_role == "official"]
    networks = {link.network for link in corroborating}
    if imported:
        networks.add("imported dataset")
    inflated = _inflated(claims, [link for link in live if link.source_role == "official" and link.bloc not in blocs])

    reasons: list[str] = []
    if not claims:
        status = "denied" if event_denials and not corroborating else "reported"
    elif (event_denials and (corroborating or imported)) or competing:
        status = "contested"
    elif corroborating or imported:
        status = "corroborated"
    elif event_denials:
        status = "denied"
    elif uncorroborated:
        status = "uncorroborated"
    else:
        status = "claimed"

    if competing:
        reasons.append("competing claims by " + ", ".join(sorted({c.subject or "?" for c in claims})))
    if official:
        reasons.append("event confirmed by an official of another side: " + ", ".join(sorted({o.source for o in official})))
    elif networks:
        reasons.append(f"reported by {len(networks)} independent network(s): " + ", ".join(sorted(networks)))
    if event_denials:
        reasons.append("event denied by " + ", ".join(sorted({d.speaker or d.source for d in event_denials})))
    relays = {c.source for c in claims}
    if claims and not corroborating and not imported:
        reasons.append(f"only the claimant's network carried it ({len(relays)} source(s))")
    if inflated:
        reasons.append("claimed casualties exceed the official figure")

    if status == "contested":
        grade = "contested"
    elif official and not event_denials:
        grade = "confirmed"
    elif len(networks) >= 2:
        grade = "fair"
    elif event_denials and not corroborating:
        grade = "discounted"
    else:
        grade = "weak"
    return Assessment(status, grade, tuple(reasons), tuple(corroborating), tuple(event_denials),
                      frozenset(blocs), competing, inflated)


def _inflated(claims: list[LinkValue], official: list[LinkValue]) -> bool:
    claimed = [c.killed for c in claims if c.killed is not None] + [c.casualties for c in claims if c.casualties]
    stated = [o.killed for o in official if o.killed is not None]
    if not claimed or not stated:
        return False
    return min(claimed) > max(stated)
