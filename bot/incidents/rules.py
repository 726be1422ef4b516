"""The alert rules that follow an incident's status: corroboration follow-ups, competing claims,
denials of a claim, disputed figures. Each returns the changes and alerts; nothing is written here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.incidents import render
from bot.incidents.claimants import Claimants
from bot.incidents.kinds import AlertKind
from bot.incidents.policy import Policy
from bot.incidents.status import Assessment, assess
from storage import AlertValue
from storage.incidents import Change, CheckState, CheckValue, IncidentUpdate, IncidentValue, LinkValue


class Rules:
    """Status, grade and the alerts that follow from them."""

    def __init__(self, policy: Policy, claimants: Claimants, outbox_status: str) -> None:
        self.policy = policy
        self.claimants = claimants
        self.outbox_status = outbox_status

    def claimant_blocs(self, links: Sequence[LinkValue]) -> dict[str, str]:
        out = {}
        for link in links:
            if link.role == "claim" and link.subject_id:
                bloc = self.claimants.bloc_of_id(link.subject_id)
                if bloc:
                    out[link.subject_id] = bloc
        # "Iran-backed militias claimed" describes the group that claimed: not a rival claimant
        named = {b for k, b in out.items() if not self.claimants.is_generic(k)}
        if len(named) == 1:
            for link in links:
                if link.role == "claim" and self.claimants.is_generic(link.subject_id):
                    out[link.subject_id or ""] = next(iter(named))
        return out

    def assess(self, links: Sequence[LinkValue], incident: IncidentValue | None,
               uncorroborated: bool = False) -> Assessment:
        return assess(list(links), self.claimant_blocs(links), uncorroborated=uncorroborated,
                      imported=bool(incident and incident.origin == "import"))

    def status_changes(self, ref: int, incident: IncidentValue | None, links: list[LinkValue],
                       checks: list[CheckValue], at: datetime, changes: list[Change]) -> list[AlertValue]:
        was_uncorroborated = any(c.state == "alerted" for c in checks)
        a = self.assess(links, incident, uncorroborated=was_uncorroborated)
        before = (incident.status, incident.grade) if incident else ("", "")
        note = None
        if (a.status, a.grade) != before:
            note = f"status {before[0] or 'new'} -> {a.status}, grade {before[1] or 'none'} -> {a.grade}"
        corroborated_at = at if a.corroborating else None
        changes.append(IncidentUpdate(ref, a.status, a.grade, list(a.reasons), at, note, corroborated_at))
        alerts: list[AlertValue] = []
        if a.corroborating or (incident and incident.origin == "import"):
            for check in checks:
                if check.state == "pending":
                    changes.append(CheckState(ref, check.claimant_id, "corroborated"))
                elif check.state == "alerted":
                    changes.append(CheckState(ref, check.claimant_id, "followed_up"))
                    if self.policy.enabled(AlertKind.CLAIM_CORROBORATED, at):
                        alerts.append(AlertValue(
                            status=self.outbox_status,
                            key=f"claim_corroborated:{check.incident_id}:{check.claimant_id}",
                            kind=AlertKind.CLAIM_CORROBORATED.value,
                            at=at, incident=ref, actor=check.claimant,
                            text=render.corroborated(claimant=check.claimant, incident=ref,
                                                     by=a.corroborating, grade=a.grade),
                            sources=tuple(sorted({c.url or c.source for c in a.corroborating})),
                            reply_to_key=f"uncorroborated_claim:{check.incident_id}:{check.claimant_id}",
                        ))
        if ref > 0:
            alerts.extend(self._incident_alerts(ref, links, a, at))
        return alerts

    def _incident_alerts(self, ref: int, links: list[LinkValue], a: Assessment, at: datetime) -> list[AlertValue]:
        alerts: list[AlertValue] = []
        if a.competing and self.policy.enabled(AlertKind.COMPETING_CLAIMS, at):
            alerts.append(AlertValue(key=f"competing_claims:{ref}", kind=AlertKind.COMPETING_CLAIMS.value, at=at,
                                     incident=ref, status=self.outbox_status,
                                     text=render.simple("competing_claims", ref, [a.reasons[0]])))
        denials = [lk for lk in links if lk.role == "denial" and lk.bloc not in a.claimant_blocs]
        if denials and any(lk.role == "claim" for lk in links) and self.policy.enabled(AlertKind.CLAIM_DENIED, at):
            d = denials[-1]
            alerts.append(AlertValue(key=f"claim_denied:{ref}:{d.speaker_id or d.source}",
                                     kind=AlertKind.CLAIM_DENIED.value, status=self.outbox_status,
                                     at=at, incident=ref, actor=d.speaker,
                                     text=render.simple("claim_denied", ref, [f"{d.speaker or d.source} denied "
                                                        f"({d.stance_detail})", d.excerpt or ""])))
        if a.inflated and self.policy.enabled(AlertKind.FIGURES_DISPUTED, at):
            alerts.append(AlertValue(key=f"figures_disputed:{ref}", kind=AlertKind.FIGURES_DISPUTED.value, at=at,
                                     incident=ref, status=self.outbox_status,
                                     text=render.simple("figures_disputed", ref,
                                                        [r for r in a.reasons if "casualties" in r] or ["figures"])))
        return alerts
