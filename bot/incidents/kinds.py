"""The alert kinds: one list for the config (``[alerts] kinds``) and the rules that raise them."""

from __future__ import annotations

from enum import StrEnum


class AlertKind(StrEnum):
    NEW_FRONT_GROUP = "new_front_group"
    UNCORROBORATED_CLAIM = "uncorroborated_claim"
    CLAIM_CORROBORATED = "claim_corroborated"  # the follow-up of an uncorroborated_claim alert
    CLAIM_DENIED = "claim_denied"
    COMPETING_CLAIMS = "competing_claims"
    FIGURES_DISPUTED = "figures_disputed"


# names older configs used for a kind
OLD_NAMES = {"corroborated": AlertKind.CLAIM_CORROBORATED}
