"""Who claimed: a claimant resolved across its spellings, its record in the actors table, and the
``new_front_group`` alert, once per group and activation.

A group is one group under every name it is written with: a known facade's long or alternative
name resolves to the facade, and an unknown name joins a known group or an earlier unknown name
when the spellings are one name (``same_group``). The alert key is the group's id, so one group
alerts once whichever spelling came first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.durations import format_duration
from bot.incidents import render
from bot.incidents.kinds import AlertKind
from bot.incidents.policy import Policy
from bot.registry import Registry, SourceInfo
from classifiers.gazetteer import Gazetteer
from classifiers.names import cluster_tokens, same_group
from classifiers.normalize import name_key
from classifiers.types import ActorRef, Classification, Statement
from storage import AlertValue
from storage.incidents import ActorSeen, ActorState, Change, IncidentTx
from watchers.message import Message

FRONT_KINDS = frozenset({"facade"})
STATE_KINDS = frozenset({"state", "official"})
OWN_VOICE_KINDS = STATE_KINDS | {"monitor"}
# words a group's long name adds to its short one («al-Islamiya», "in Iraq")
_TRAILING = {"al islamiya", "al islamiyah", "islamiya", "islamiyah", "al islamiyya", "الاسلاميه",
             "in iraq", "fi al iraq", "في العراق", "al iraqiya", "العراقيه"}


@dataclass(frozen=True)
class Memory:
    """A copy of what ``Claimants`` keeps in memory."""

    actors: dict[str, ActorState] | None
    by_key: dict[tuple[str, ...], str]
    by_variant: dict[str, set[str]]
    order: dict[str, int]


class Claimants:
    """Resolves claimants and decides front-group alerts; keeps the actors it has seen in memory
    (read once per process from the store, updated as claims are linked)."""

    def __init__(self, gz: Gazetteer, registry: Registry, policy: Policy, outbox_status: str) -> None:
        self.gz = gz
        self.registry = registry
        self.policy = policy
        self.outbox_status = outbox_status
        self._actors: dict[str, ActorState] | None = None
        self._by_key: dict[tuple[str, ...], str] = {}  # clustering key of a spelling -> actor id
        self._by_variant: dict[str, set[str]] = {}  # a key token or it less one letter -> actor ids
        self._order: dict[str, int] = {}  # actor id -> when first indexed (the first match wins)

    # -- memory ---------------------------------------------------------------------------

    def actors(self, tx: IncidentTx) -> dict[str, ActorState]:
        if self._actors is None:
            self._actors = tx.actor_states()
            self._by_key, self._by_variant, self._order = {}, {}, {}
            for state in self._actors.values():
                for spelling in (state.name, *state.aliases):
                    self._index(spelling, state.id)
        return self._actors

    def reset(self) -> None:
        """Forget what is in memory: read again from the store at the next claim (after a
        message's changes were rolled back, the store is the truth)."""
        self._actors = None
        self._by_key, self._by_variant, self._order = {}, {}, {}

    def snapshot(self) -> Memory:
        """What is in memory, for ``restore`` (a batch run again from its start)."""
        return Memory(None if self._actors is None else dict(self._actors), dict(self._by_key),
                      {k: set(v) for k, v in self._by_variant.items()}, dict(self._order))

    def restore(self, memory: Memory) -> None:
        self._actors = None if memory.actors is None else dict(memory.actors)
        self._by_key = dict(memory.by_key)
        self._by_variant = {k: set(v) for k, v in memory.by_variant.items()}
        self._order = dict(memory.order)

    def _index(self, spelling: str, actor_id: str) -> None:
        key = cluster_tokens(spelling)
        if not key:
            return
        self._by_key.setdefault(key, actor_id)
        self._order.setdefault(actor_id, len(self._order))
        for token in key:
            for variant in _variants(token):
                self._by_variant.setdefault(variant, set()).add(actor_id)

    def _similar(self, written: str, actors: dict[str, ActorState]) -> str | None:
        """The first group (in the order they were seen) with a spelling ``same_group`` takes for
        ``written``. Only the groups sharing a token within one letter are compared (two tokens
        one edit apart share a one-letter deletion), so a new name costs the same whether a
        dozen or thousands of names were seen before."""
        found: set[str] = set()
        for token in cluster_tokens(written):
            for variant in _variants(token):
                found |= self._by_variant.get(variant, set())
        for actor_id in sorted(found, key=lambda a: self._order.get(a, 0)):
            state = actors.get(actor_id)
            if state is not None and any(same_group(written, x) for x in (state.name, *state.aliases)):
                return actor_id
        return None

    # -- what kind of actor ------------------------------------------------------------------

    def is_state(self, actor: ActorRef | None) -> bool:
        """A state or its officials (their claims are of their own strikes)."""
        if actor is None or not actor.known:
            return False
        kind = self.gz.actors[actor.id].kind if actor.id in self.gz.actors else actor.kind
        return kind in STATE_KINDS

    def is_generic(self, actor_id: str | None) -> bool:
        """A description, not a name ("Iran-backed militias"): an outlet's word for whoever claimed."""
        entry = self.gz.actors.get(actor_id or "")
        return entry is not None and entry.kind == "generic"

    def side(self, actor_id: str | None) -> str | None:
        """Whose claim it is: the state itself for a state's officials (the Pentagon, CENTCOM and
        the White House announce one US strike), the actor otherwise."""
        if not actor_id:
            return None
        seen = {actor_id}
        entry = self.gz.actors.get(actor_id)
        while entry is not None and entry.kind in STATE_KINDS and entry.parent and entry.parent not in seen:
            parent = self.gz.actors.get(entry.parent)
            if parent is None or parent.kind not in STATE_KINDS:
                break
            seen.add(parent.id)
            entry = parent
        return entry.id if entry is not None else actor_id

    def bloc_of(self, actor: ActorRef | None) -> str | None:
        if actor is None:
            return None
        network = self.registry.actor_network(actor.id, actor.kind, actor.known)
        return self.registry.bloc(network) if network else None

    def bloc_of_id(self, actor_id: str | None) -> str | None:
        if not actor_id:
            return None
        entry = self.gz.actors.get(actor_id)
        ref = entry.ref() if entry else ActorRef(actor_id, actor_id, False)
        return self.bloc_of(ref)

    def voice(self, st: Statement, outlet: SourceInfo) -> SourceInfo:
        """Who speaks in a statement, for independence: a named speaker with a known network
        (a military, a ministry, a group) speaks for that network even inside someone else's
        article; otherwise the outlet (or the channel a forward came from) does."""
        speaker = st.speaker
        if speaker is None or not speaker.known or outlet.role in ("official", "claimant"):
            return outlet
        kind = self.gz.actors[speaker.id].kind if speaker.id in self.gz.actors else speaker.kind
        network = self.registry.actor_network(speaker.id, speaker.kind, speaker.known)
        if network is None and kind in OWN_VOICE_KINDS:
            # a state, an official body or a monitor no network is configured for speaks for itself
            # ("Maersk says its vessel was targeted by a Houthi missile", inside an outlet's article
            # that also relays the Houthi claim)
            network = speaker.id
        if network is None or network == outlet.network:
            return outlet
        role = "official" if kind in STATE_KINDS else kind if kind in ("relay", "monitor") else "claimant"
        return SourceInfo(outlet.handle, role, network, speaker.id, True)

    # -- resolving a claimant ------------------------------------------------------------------

    def resolve(self, tx: IncidentTx, subject: ActorRef) -> ActorRef:
        """The group a claimant names: a known actor under a long or alternative name, an unknown
        name seen before under another spelling, or the name itself."""
        if subject.known:
            return subject
        written = subject.as_written or subject.name
        known = self._known_by_long_name(written)
        if known is not None:
            return known
        actors = self.actors(tx)
        found = self._by_key.get(cluster_tokens(written))
        if found is None:  # a spelling not seen before: compare it with the groups of similar spellings
            found = self._similar(written, actors)
        if found is not None and found in actors:
            state = actors[found]
            if state.known and found in self.gz.actors:
                return self.gz.actors[found].ref(written)
            return ActorRef(state.id, state.name, False, "unknown", None, written)
        return subject

    def _known_by_long_name(self, written: str) -> ActorRef | None:
        """«Saraya Awliya al-Dam al-Islamiya» is Saraya Awliya al-Dam: drop words a long name adds."""
        words = name_key(written).split()
        for cut in (1, 2):
            if len(words) - cut < 2:
                break
            tail = " ".join(words[-cut:])
            if tail not in _TRAILING:
                continue
            found = self.gz.resolve_actor(" ".join(words[:-cut]))
            if found is not None and found.kind in (*FRONT_KINDS, "core", "umbrella"):
                return replace(found, as_written=written)
        return None

    # -- recording a claim and the front-group alert ---------------------------------------------

    def claim(self, tx: IncidentTx, subject: ActorRef, st: Statement, msg: Message, cls: Classification,
              origin: SourceInfo, at: datetime, ref: int) -> tuple[ActorRef, list[Change], AlertValue | None]:
        actors = self.actors(tx)
        written = subject.as_written or subject.name
        subject = self.resolve(tx, subject)
        state = actors.get(subject.id)
        kind = subject.kind if subject.known else "unknown"
        changes: list[Change] = [ActorSeen(subject.id, subject.name, kind, subject.known, subject.parent, written, at,
                                           msg.url or f"{msg.source}/{msg.id}", claim=True)]
        spellings = list(state.aliases) if state else []
        if written not in spellings:
            spellings.append(written)
        self._index(written, subject.id)
        self._index(subject.name, subject.id)
        actors[subject.id] = ActorState(subject.id, subject.name, kind, subject.parent, subject.known,
                                        state.first_seen if state else at, state.last_claim_at if state else None,
                                        (state.claims if state else 0), tuple(spellings))
        alert = None
        is_front = not subject.known or subject.kind in FRONT_KINDS
        if is_front and self.policy.enabled(AlertKind.NEW_FRONT_GROUP, at):
            last = state.last_claim_at if state else None
            dormant = self.policy.config.alerts.front_group_dormant_after
            if last is None or at - last >= dormant:
                key = f"new_front_group:{subject.id}" if last is None else \
                    f"new_front_group:{subject.id}:{at.date().isoformat()}"
                parent = self.gz.actors[subject.parent].name if subject.parent in self.gz.actors else None
                text = render.new_front_group(
                    written=written, canonical=subject.name, known=subject.known, parent=parent,
                    spellings=spellings, claim=st, source=msg.source, source_role=origin.role,
                    network=origin.network, at=at, url=msg.url, likely_parent=self._likely_parent(subject, cls, origin),
                    reactivated_after=format_duration(at - last) if last else None,
                )
                alert = AlertValue(key=key, kind=AlertKind.NEW_FRONT_GROUP.value, at=at, text=text, incident=ref,
                                   status=self.outbox_status,
                                   actor=subject.name, sources=tuple(u for u in [msg.url or msg.source] if u),
                                   payload={"written": written, "known": subject.known, "spellings": spellings,
                                            "actor_id": subject.id, "parent": parent})
        return subject, changes, alert

    def _likely_parent(self, subject: ActorRef, cls: Classification, origin: SourceInfo) -> str | None:
        if subject.known and subject.parent in self.gz.actors:
            return f"{self.gz.actors[subject.parent].name} (gazetteer)"
        umbrellas = [a for a in cls.actors if a.known and a.kind in ("umbrella", "core") and a.id != subject.id]
        if umbrellas:
            return f"{umbrellas[0].name} (named in the same message)"
        if origin.role in ("relay", "claimant") and origin.network:
            return f"the {origin.network} network (first relayed by its channel {origin.handle})"
        return None

    def remember_claim(self, subject: ActorRef | None, at: datetime) -> None:
        if subject is None or self._actors is None or subject.id not in self._actors:
            return
        state = self._actors[subject.id]
        if state.last_claim_at is None or at > state.last_claim_at:
            self._actors[subject.id] = replace(state, last_claim_at=at, claims=state.claims + 1)


def _variants(token: str) -> set[str]:
    """The token and every form of it one letter shorter: two tokens within one edit of each
    other always share one."""
    return {token, *(token[:i] + token[i + 1:] for i in range(len(token)))}
