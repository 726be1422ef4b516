"""Claims whose corroboration window ran out: ``uncorroborated_claim``, or the quiet note that
they were corroborated meanwhile."""

from __future__ import annotations

from datetime import datetime

from bot.durations import format_duration
from bot.incidents import render
from bot.incidents.kinds import AlertKind
from bot.incidents.rules import Rules
from storage import AlertValue
from storage.incidents import Change, CheckState, CheckValue, IncidentTx, IncidentUpdate


def check_due(tx: IncidentTx, rules: Rules, check: CheckValue, at: datetime) -> list[AlertValue]:
    """Settle one due check inside ``tx``; returns the alerts that were new."""
    incident = tx.lean_incident(check.incident_id)
    if incident is None:
        return []
    links = list(incident.links)
    a = rules.assess(links, incident)
    changes: list[Change] = []
    generic = rules.claimants.is_generic
    if generic(check.claimant_id) and any(lk.role == "claim" and lk.subject_id and not generic(lk.subject_id)
                                          for lk in links):
        # "Iran-backed militias claimed" and the group's own claim: the group's check speaks for both
        _ids, raised = tx.apply([CheckState(check.incident_id, check.claimant_id, "named")])
        return raised
    if a.corroborating or incident.origin == "import":
        changes.append(CheckState(check.incident_id, check.claimant_id, "corroborated"))
    else:
        changes.append(CheckState(check.incident_id, check.claimant_id, "alerted"))
        if incident.status == "claimed":
            changes.append(IncidentUpdate(check.incident_id, "uncorroborated", a.grade, list(a.reasons), at,
                                          "status claimed -> uncorroborated after "
                                          f"{format_duration(at - check.claimed_at)}"))
        if rules.policy.enabled(AlertKind.UNCORROBORATED_CLAIM, at):
            every_claim = tx.claim_links_by_source(check.incident_id)
            claims = [lk for lk in every_claim if lk.subject_id == check.claimant_id]
            first = min(claims, key=lambda lk: lk.at) if claims else None
            if first is not None:
                text = render.uncorroborated(
                    claimant=check.claimant, window=format_duration(check.due_at - check.claimed_at), claim=first,
                    claims=every_claim, place=incident.place, weapon=incident.weapon,
                    target=incident.target, event_time=incident.event_time, denials=a.event_denials,
                    incident=incident.id)
                changes.append(AlertValue(
                    status=rules.outbox_status,
                    key=f"uncorroborated_claim:{check.incident_id}:{check.claimant_id}",
                    kind=AlertKind.UNCORROBORATED_CLAIM.value,
                    at=at, incident=check.incident_id, actor=check.claimant, text=text,
                    sources=tuple(dict.fromkeys(lk.url or lk.source for lk in claims)),
                ))
    _ids, raised = tx.apply(changes)
    return raised
