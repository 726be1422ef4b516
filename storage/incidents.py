"""The incident storage in one import: the values, the changes the engine decides and its
transaction view (what ``bot/`` uses), and the session-level reads and writes (for ``storage``
itself, benches and tests; ``bot/`` goes through the store's typed methods). Reading lives in
``incident_queries``, writing in ``incident_writes``."""

from storage.incident_changes import (
    INCIDENT_MARK,
    ActorSeen,
    Change,
    CheckState,
    CheckUpsert,
    IncidentUpdate,
    MarkSuperseded,
    MergeIncident,
    NewIncident,
    NewLink,
    WithdrawMessage,
)
from storage.incident_queries import (
    actor_states,
    claims_by_actor,
    get_incident,
    incident_messages,
    learned_aliases,
    list_incidents,
)
from storage.incident_tx import IncidentTx, RetryGuarded
from storage.incident_values import ActorState, CheckValue, IncidentMessage, IncidentValue, LinkValue
from storage.incident_writes import apply_changes, mark_known, teach_alias

__all__ = ["INCIDENT_MARK", "ActorSeen", "ActorState", "Change", "CheckState", "CheckUpsert", "CheckValue",
           "IncidentMessage", "IncidentTx", "IncidentUpdate", "IncidentValue", "LinkValue", "MarkSuperseded",
           "MergeIncident", "NewIncident", "NewLink", "RetryGuarded", "WithdrawMessage", "actor_states", "apply_changes",
           "claims_by_actor", "get_incident", "incident_messages", "learned_aliases", "list_incidents", "mark_known",
           "teach_alias"]
