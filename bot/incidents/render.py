"""Plain-text renderings of alerts (the contract's ``text``). HTML for Telegram is built from the
same facts in ``bot.delivery.format``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from classifiers.types import Statement
from storage.incidents import INCIDENT_MARK, LinkValue


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


ROLE_WORDS = {"claimant": "claimant's channel", "relay": "relay", "official": "official",
              "media": "media", "monitor": "monitor"}


def source_name(source: str) -> str:
    """A source as a reader recognises it: a feed URL without its scheme."""
    return source.split("://", 1)[-1].rstrip("/")


def provenance(source: str, role: str | None, network: str | None, relaying: bool = False) -> str:
    """``t.me/x (relay, muqawama network)``: the source, then its role and network in words. A source
    that is its own network (anything not in the registry, every feed by default) names no network:
    a URL or the handle repeated as a network tells the reader nothing. ``relaying``: the source
    carries another's claim, and a claimant role there is the forwarded channel's (a forward keeps
    the role and network of its origin)."""
    words = ["relaying the claimant" if relaying and role == "claimant" else ROLE_WORDS.get(role or "", role or "media")]
    if network and network != source and source_name(network) != source_name(source) and "://" not in network:
        words.append(f"{network} network")
    return f"{source_name(source)} ({', '.join(words)})"


WEAPON_WORDS = {"drone": "drone attack", "rocket": "rocket attack", "missile": "missile attack", "artillery": "shelling",
                "airstrike": "airstrike", "ied": "IED attack", "suicide_attack": "suicide attack",
                "small_arms": "armed attack", "other": "attack"}


def describe_claim(st: Statement) -> str:
    what = WEAPON_WORDS.get(st.weapon or "", "attack")
    parts = [what]
    if st.target:
        parts.append(f"on {st.target}")
    if st.place:
        parts.append(f"at {st.place.name}" + (f" («{st.place.as_written}»)" if st.place.as_written and
                                               st.place.as_written.lower() != st.place.name.lower() else ""))
    if st.event_date:
        parts.append(f"on {st.event_date.isoformat()}")
    figures = []
    if st.killed is not None:
        figures.append(f"{st.killed} killed")
    if st.wounded is not None:
        figures.append(f"{st.wounded} wounded")
    if st.casualties is not None:
        figures.append(f"{st.casualties} killed or wounded")
    if figures:
        parts.append("(claimed: " + ", ".join(figures) + ")")
    return " ".join(parts)


def new_front_group(*, written: str, canonical: str, known: bool, parent: str | None, spellings: Sequence[str],
                    claim: Statement, source: str, source_role: str, network: str, at: datetime, url: str | None,
                    likely_parent: str | None, reactivated_after: str | None) -> str:
    head = "NEW FRONT GROUP" if not reactivated_after else "FRONT GROUP BACK"
    lines = [f"{head}: {canonical}" + (f" (written «{written}»)" if written and written != canonical else "")]
    if known:
        lines.append("Known facade group" + (f" of {parent}" if parent else "") +
                     (f", claiming again after {reactivated_after} of silence" if reactivated_after else
                      ", first claim seen by this deployment"))
    else:
        lines.append("Name not in the gazetteer")
    others = [s for s in spellings if s != written]
    if others:
        lines.append("Other spellings seen: " + "; ".join(others))
    lines.append("Claimed: " + describe_claim(claim))
    lines.append(f"Appeared in: {provenance(source, source_role, network)} at {_when(at)}")
    if likely_parent:
        lines.append(f"Likely parent: {likely_parent}")
    lines.append(f"Incident #{INCIDENT_MARK}" + (f" · {url}" if url else ""))
    return "\n".join(lines)


def uncorroborated(*, claimant: str, window: str, claim: LinkValue, claims: Sequence[LinkValue], place: str | None,
                   weapon: str | None, target: str | None, event_time: datetime, denials: Sequence[LinkValue],
                   incident: int) -> str:
    written = claim.subject_as_written
    head = claimant + (f" («{written}»)" if written and written.lower() != claimant.lower() else "")
    lines = [f"UNCORROBORATED CLAIM after {window}: {head}"]
    what = " ".join(p for p in [WEAPON_WORDS.get(weapon or "", "attack"), f"on {target}" if target else "",
                                f"at {place}" if place else ""] if p)
    lines.append(f"Claimed: {what}; event {event_time.date().isoformat()}; first claim {_when(claim.at)} in "
                 f"{provenance(claim.source, claim.source_role, claim.network)}")
    relays = {c.source: c for c in sorted(claims, key=lambda c: c.source) if c.source != claim.source}
    if relays:
        lines.append("Relayed by: " + "; ".join(provenance(c.source, c.source_role, c.network, relaying=True)
                                                for c in relays.values()))
    if denials:
        lines.append("Denied by: " + "; ".join(
            f"{d.speaker or source_name(d.source)}, denying {DENIAL_WORDS.get(d.stance_detail or '', 'it')}"
            f"{'' if not d.speaker else ', in ' + provenance(d.source, d.source_role, d.network)}" for d in denials))
    lines.append("No source outside the claimant's network has reported the event.")
    urls = [c.url for c in claims if c.url][:3]
    lines.append(f"Incident #{incident}" + ("" if not urls else " · " + " ".join(urls)))
    return "\n".join(lines)


DENIAL_WORDS = {"event": "the event", "responsibility": "responsibility", "figures": "the figures",
                "location": "the location"}


def corroborated(*, claimant: str, incident: int, by: Sequence[LinkValue], grade: str) -> str:
    who = "; ".join(sorted({(f"{b.speaker} in " if b.speaker else "") + provenance(b.source, b.source_role, b.network)
                            for b in by}))
    return (f"CLAIM NOW CORROBORATED: {claimant}\nIndependent report(s): {who}\nGrade: {grade}\n"
            f"Incident #{incident}")


def simple(kind: str, incident: int, lines: Sequence[str]) -> str:
    return "\n".join([kind.replace("_", " ").upper() + ": " + lines[0], *lines[1:], f"Incident #{incident}"])
