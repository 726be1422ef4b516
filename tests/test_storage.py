"""The storage contract: one suite, run against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import inspect

from storage import AlertValue, Store
from storage.engine import create_engine_for
from storage.migrate import current_revision, head_revision, upgrade
from watchers.message import Message

T0 = datetime(2024, 1, 28, 6, 40, tzinfo=UTC)


def msg(mid: str, text: str = "hello", source: str = "t.me/sabreenS1", **kw: object) -> Message:
    return Message(source=source, id=mid, date=kw.pop("date", T0), text=text, **kw)  # type: ignore[arg-type]


def test_migration_from_empty_database(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        assert current_revision(engine) is None
        before, after = upgrade(engine)
        assert before is None and after == head_revision()
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            link_indexes = {ix["name"] for ix in inspect(conn).get_indexes("incident_links")}
        # the links of a party since a time: a statement's candidates by who is linked (0007)
        assert "ix_incident_links_subject_at" in link_indexes
        assert {"messages", "message_edits", "statements", "actors", "actor_aliases", "places", "incidents",
                "incident_links", "alerts", "cursors", "sources", "claim_checks"} <= tables
        # a second upgrade is a no-op and keeps data
        assert upgrade(engine) == (after, after)
    finally:
        engine.dispose()


async def test_upgrade_keeps_data(db_url: str) -> None:
    st = await Store.open(db_url)
    await st.ingest([(msg("1"), None)])
    await st.close()
    st = await Store.open(db_url)  # opening again runs the (empty) upgrade
    assert await st.count_messages() == 1
    await st.close()


async def test_insert_is_idempotent(store: Store) -> None:
    first = await store.ingest([(msg("1"), None), (msg("2"), None)])
    assert [r.status for r in first] == ["new", "new"]
    assert all(r.pk for r in first)
    again = await store.ingest([(msg("1"), None), (msg("2"), None)])
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert [r.pk for r in again] == [r.pk for r in first]
    assert await store.count_messages() == 2


async def test_same_id_in_two_sources_is_two_messages(store: Store) -> None:
    await store.ingest([(msg("1"), None), (msg("1", source="t.me/almaalomah"), None)])
    assert await store.count_messages() == 2


async def test_changed_text_is_an_edit_with_history(store: Store) -> None:
    await store.ingest([(msg("7", "first version"), None)])
    edited_at = T0 + timedelta(minutes=5)
    result = await store.ingest([(msg("7", "second version", edited=edited_at), None)])
    assert result[0].status == "edited"
    assert result[0].previous_text == "first version"
    stored = await store.get_message("t.me/sabreenS1", "7")
    assert stored is not None
    assert stored.message.text == "second version"
    assert stored.message.edited == edited_at
    assert stored.edits == 1
    assert await store.message_history("t.me/sabreenS1", "7") == ["first version", "second version"]
    assert await store.count_messages() == 1


async def test_edit_within_one_batch(store: Store) -> None:
    result = await store.ingest([(msg("8", "a"), None), (msg("8", "b"), None)])
    assert [r.status for r in result] == ["new", "edited"]
    assert await store.message_history("t.me/sabreenS1", "8") == ["a", "b"]


async def test_deletion_marks_and_keeps_the_message(store: Store) -> None:
    await store.ingest([(msg("9", "claim text"), None)])
    result = await store.ingest([(msg("9", "", deleted=True), None)])
    assert result[0].status == "deleted"
    stored = await store.get_message("t.me/sabreenS1", "9")
    assert stored is not None and stored.message.deleted
    assert stored.message.text == "claim text"  # the text is kept
    again = await store.ingest([(msg("9", "", deleted=True), None)])
    assert again[0].status == "duplicate"
    unknown = await store.ingest([(msg("404", "", deleted=True), None)])
    assert unknown[0].status == "unknown_deletion"


async def test_datetimes_come_back_aware_utc(store: Store) -> None:
    await store.ingest([(msg("10", date=datetime(2024, 1, 28, 9, 40, tzinfo=UTC)), None)])
    stored = await store.get_message("t.me/sabreenS1", "10")
    assert stored is not None
    assert stored.message.date.tzinfo is not None
    assert stored.message.date == datetime(2024, 1, 28, 9, 40, tzinfo=UTC)


async def test_cursors(store: Store) -> None:
    assert await store.get_cursor("t.me/sabreenS1") is None
    await store.set_cursor("t.me/sabreenS1", "41235")
    await store.set_cursor("t.me/sabreenS1", "41240")
    await store.set_cursor("t.me/almaalomah", "9")
    assert await store.get_cursor("t.me/sabreenS1") == "41240"
    assert await store.get_cursor("t.me/almaalomah") == "9"


async def test_alert_keys_are_raised_once(store: Store) -> None:
    alert = AlertValue(key="new_front_group:x", kind="new_front_group", at=T0, text="t", sources=("u",))
    assert await store.add_alert(alert) is True
    assert await store.add_alert(alert) is False
    alerts = await store.alerts()
    assert [a.key for a in alerts] == ["new_front_group:x"]
    assert alerts[0].status == "pending"


async def test_state_and_sources(store: Store) -> None:
    await store.set_state("mutes", {"claim_denied": "2024-01-01T00:00:00+00:00"})
    assert await store.get_state("mutes") == {"claim_denied": "2024-01-01T00:00:00+00:00"}
    await store.upsert_source("t.me/sabreenS1", role="relay", network="muqawama", watch="tme")
    await store.source_event("t.me/sabreenS1", state="ok", message_at=T0, polled=True, seen=3)
    await store.source_event("t.me/sabreenS1", error="HTTP 502")
    [health] = await store.sources()
    assert health.role == "relay" and health.state == "ok" and health.messages_seen == 3
    assert health.last_message_at == T0 and health.last_error == "HTTP 502"


async def test_unprocessed_until_marked(store: Store) -> None:
    results = await store.ingest([(msg("1"), None), (msg("2"), None)])
    assert [m.id for _, m in await store.unprocessed()] == ["1", "2"]
    await store.mark_processed([r.pk for r in results if r.pk][:1])
    assert [m.id for _, m in await store.unprocessed()] == ["2"]


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "mysql://x/y", "not a url"])
def test_bad_database_urls_are_config_errors(url: str) -> None:
    from watchers.errors import ConfigError

    with pytest.raises(ConfigError):
        create_engine_for(url)


async def test_upgrade_from_an_older_revision_keeps_data(db_url: str) -> None:
    """A database left at revision 0001 with data in it is brought to head on open."""
    from alembic import command

    from storage.migrate import alembic_config

    engine = create_engine_for(db_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        with engine.begin() as conn:
            from sqlalchemy import text

            conn.execute(text(
                "INSERT INTO messages (source, msg_id, date, text, deleted, stances, processed, stored_at) "
                "VALUES ('t.me/x', '1', '2024-01-01 00:00:00', 'kept', false, '', true, '2024-01-01 00:00:00')"))
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()
    store = await Store.open(db_url)
    try:
        assert await store.revision() == head_revision()
        stored = await store.get_message("t.me/x", "1")
        assert stored is not None and stored.message.text == "kept"
    finally:
        await store.close()


async def test_instances_registering_the_same_sources_together_do_not_collide(db_url: str) -> None:
    """Two instances start at once and both register the configured sources (this stopped one of
    them at start with a unique-key error)."""
    import asyncio

    first, second = await Store.open(db_url), await Store.open(db_url)
    try:
        for i in range(30):
            await asyncio.gather(first.upsert_source(f"t.me/channel{i}", role="relay", network="n", watch="tme"),
                                 second.upsert_source(f"t.me/channel{i}", role="relay", network="n", watch="tme"),
                                 second.source_event(f"t.me/channel{i}", state="ok", seen=1))
        handles = [h.handle for h in await first.sources()]
        assert sorted(handles) == sorted(f"t.me/channel{i}" for i in range(30))
        assert all(h.messages_seen == 1 for h in await first.sources())
    finally:
        await first.close()
        await second.close()


async def test_incident_history_written_at_the_end_survives_a_message_rolled_back(store: Store) -> None:
    """An incident transaction holds its history notes until it ends (one insert a batch). A
    message that fails in its savepoint after they were written (its own read of history wrote
    them) undoes only its own: the notes of the messages before it are in the history."""
    from storage.incident_changes import IncidentUpdate, NewIncident
    from storage.incident_queries import get_incident
    from storage.incident_tx import IncidentTx

    def batch(s: object) -> int:
        tx = IncidentTx(s, guarded=True)  # type: ignore[arg-type]
        with tx.boundary():
            ids, _ = tx.apply([NewIncident(ref=-1, event_time=T0, time_precision="day", place_id=None, place=None,
                                           lat=None, lon=None, geo_precision="unknown", cell=None, target=None,
                                           weapon=None, description=None, origin="auto", at=T0)])
        incident = ids[-1]
        with pytest.raises(RuntimeError), tx.boundary():
            tx.apply([IncidentUpdate(incident, "", "", [], T0 + timedelta(minutes=1), "a note that is undone")])
            assert tx.get_incident(incident) is not None  # writes the notes held, inside the savepoint
            raise RuntimeError("this message fails")
        with tx.boundary():
            tx.apply([IncidentUpdate(incident, "", "", [], T0 + timedelta(minutes=2), "a later note")])
        tx.finish()
        return incident

    incident = await store.run(batch)
    found = await store.run(lambda s: get_incident(s, incident))
    assert found is not None
    assert [change for _, change in found.history] == ["created (auto)", "a later note"]


async def test_the_next_due_check_follows_checks_settled_and_made_pending_again(store: Store) -> None:
    """A replay asks the transaction when the next check is due after each one it settles; the
    answer kept in memory follows every change of a check's state, back to pending included."""
    from storage.incident_changes import CheckState, CheckUpsert, NewIncident
    from storage.incident_tx import IncidentTx

    due = T0 + timedelta(days=1)

    def batch(s: object) -> list[object]:
        tx = IncidentTx(s, guarded=True)  # type: ignore[arg-type]
        ids, _ = tx.apply([NewIncident(ref=-1, event_time=T0, time_precision="day", place_id=None, place=None,
                                       lat=None, lon=None, geo_precision="unknown", cell=None, target=None,
                                       weapon=None, description=None, origin="auto", at=T0)])
        incident = ids[-1]
        tx.apply([CheckUpsert(incident, "saraya-test", "Saraya Test", T0, due)])
        seen: list[object] = [tx.next_due()]
        tx.apply([CheckState(incident, "saraya-test", "alerted")])
        seen.append(tx.next_due())
        tx.apply([CheckState(incident, "saraya-test", "pending")])
        seen.append(tx.next_due())
        tx.finish()
        return seen

    assert await store.run(batch) == [due, None, due]


async def test_claims_counted_at_the_end_survive_a_message_rolled_back(store: Store) -> None:
    """An incident transaction counts an actor's claims in memory and writes them when it ends.
    A message that fails in its savepoint after they were written (its own read of the actors
    wrote them) undoes only its own claim: the actor has the claims of the others."""
    from storage.incident_changes import ActorSeen
    from storage.incident_tx import IncidentTx

    def seen(minutes: int) -> ActorSeen:
        return ActorSeen("saraya-test", "Saraya Test", "unknown", False, None, "Saraya Test",
                         T0 + timedelta(minutes=minutes), None, claim=True)

    def batch(s: object) -> None:
        tx = IncidentTx(s, guarded=True)  # type: ignore[arg-type]
        for minutes in (0, 1):
            with tx.boundary():
                tx.apply([seen(minutes)])
        with pytest.raises(RuntimeError), tx.boundary():
            tx.apply([seen(5)])
            assert tx.actor_states()["saraya-test"].claims == 3  # written, inside the savepoint
            raise RuntimeError("this message fails")
        with tx.boundary():
            tx.apply([seen(2)])
        tx.finish()

    await store.run(batch)
    actor = (await store.actor_states())["saraya-test"]
    assert (actor.claims, actor.last_claim_at) == (3, T0 + timedelta(minutes=2))


async def test_candidates_are_found_by_place_cell_or_linked_party_within_the_window(store: Store) -> None:
    """A statement's candidate incidents: those in its time window at one of its places or grid
    cells, or linked to one of its parties since the window opened; none outside the window, and
    the read in time order (each way in is its own indexed read, joined)."""
    from storage.incident_changes import NewIncident, NewLink
    from storage.incident_queries import candidate_ids
    from storage.incident_tx import IncidentTx
    from storage.incident_values import LinkValue

    (stored,) = await store.ingest([(msg("77"), None)])
    assert stored.pk is not None
    pk = stored.pk

    def new(ref: int, hours: int, place: str | None, cell: str | None) -> NewIncident:
        at = T0 + timedelta(hours=hours)
        return NewIncident(ref=ref, event_time=at, time_precision="day", place_id=place, place=place, lat=None,
                           lon=None, geo_precision="exact", cell=cell, target=None, weapon=None, description=None,
                           origin="auto", at=at)

    def fill(s: object) -> dict[str, int]:
        tx = IncidentTx(s)  # type: ignore[arg-type]
        ids, _ = tx.apply([new(-1, 1, "ain-al-asad", "c1"), new(-2, 2, "erbil", "c9"), new(-3, 3, None, "c1"),
                           new(-4, 4, None, None), new(-5, 24 * 30, "ain-al-asad", "c1")])
        link = LinkValue(role="claim", source="t.me/x", source_role="claimant", network="n", bloc="b",
                         at=T0 + timedelta(hours=4), message_pk=pk, subject_id="islamic-resistance-in-iraq")
        tx.apply([NewLink(ids[-4], pk, link)])
        tx.finish()
        return {"asad": ids[-1], "erbil": ids[-2], "cell": ids[-3], "linked": ids[-4], "later": ids[-5]}

    ids = await store.run(fill)
    t0, t1 = T0, T0 + timedelta(days=7)

    got = await store.run(lambda s: candidate_ids(s, t0, t1, ["ain-al-asad"], ["c1"], ["islamic-resistance-in-iraq"]))
    assert got == [ids["asad"], ids["cell"], ids["linked"]]  # in time order; not Erbil, not a month later
    assert await store.run(lambda s: candidate_ids(s, t0, t1, ["erbil"], [], [])) == [ids["erbil"]]
    assert await store.run(lambda s: candidate_ids(s, t0, t1, [], [], ["islamic-resistance-in-iraq"])) == [ids["linked"]]
    assert await store.run(lambda s: candidate_ids(s, t0, t1, [], ["c1"], [])) == [ids["asad"], ids["cell"]]


async def test_a_window_widened_reads_only_the_days_it_lacks(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch whose statements move on day by day widens the window of incidents it keeps: the
    days it lacks are read, not its whole span again (a replay reads each day once, however long
    the span kept), and every answer is the database's (``verify``; also asked here), with the
    incidents at the bound of the span kept, those created in the batch and links since."""
    import storage.incident_queries as q
    from storage.incident_changes import CheckUpsert, NewIncident, NewLink
    from storage.incident_tx import IncidentTx
    from storage.incident_values import LinkValue

    (stored,) = await store.ingest([(msg("78"), None)])
    assert stored.pk is not None
    pk = stored.pk

    def new(ref: int, at: datetime, place: str | None) -> NewIncident:
        return NewIncident(ref=ref, event_time=at, time_precision="day", place_id=place, place=place, lat=None,
                           lon=None, geo_precision="exact", cell=None, target=None, weapon=None, description=None,
                           origin="auto", at=at)

    def link(at: datetime, subject: str) -> LinkValue:
        return LinkValue(role="claim", source="t.me/x", source_role="claimant", network="n", bloc="b", at=at,
                         message_pk=pk, subject_id=subject)

    def fill(s: object) -> None:
        # an incident every six hours for ten days (on the bounds of the spans read below too),
        # every other one claimed by a party and checked
        tx = IncidentTx(s)  # type: ignore[arg-type]
        for k in range(40):
            at = T0 + timedelta(hours=6 * k)
            ids, _ = tx.apply([new(-1, at, "ain-al-asad" if k % 3 else None)])
            if k % 2:
                tx.apply([NewLink(ids[-1], pk, link(at, "islamic-resistance-in-iraq")),
                          CheckUpsert(ids[-1], "islamic-resistance-in-iraq", "IRI", at, at + timedelta(days=1))])
        tx.finish()

    await store.run(fill)
    spans: list[tuple[datetime, datetime]] = []
    real = q.window_incidents

    def window_incidents(s: object, t0: datetime, t1: datetime, limit: int) -> object:
        spans.append((t0, t1))
        return real(s, t0, t1, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(q, "window_incidents", window_incidents)

    def batch(s: object) -> list[tuple[list[int], list[int]]]:
        tx = IncidentTx(s)  # type: ignore[arg-type]
        answers = []
        for hours in range(0, 24 * 7, 6):
            t0, t1 = T0 + timedelta(hours=hours), T0 + timedelta(hours=hours + 12)
            if hours == 24 * 3:  # created in the batch, in a span not read yet, and linked
                ids, _ = tx.apply([new(-1, T0 + timedelta(days=5, hours=1), "ain-al-asad")])
                tx.apply([NewLink(ids[-1], pk, link(t0, "islamic-resistance-in-iraq"))])
            for places, subjects, any_place in (([], [], True), (["ain-al-asad"], [], False),
                                                ([], ["islamic-resistance-in-iraq"], False)):
                kept = [c.id for c in tx.candidates(t0, t1, places, [], subjects, any_place=any_place)]
                answers.append((kept, q.candidate_ids(s, t0, t1, places, [], subjects, any_place=any_place)))  # type: ignore[arg-type]
        tx.finish()
        return answers

    answers = await store.run(batch)
    assert all(kept == read for kept, read in answers)
    assert any(kept for kept, _ in answers)
    assert len(spans) >= 3  # the window was read, then widened
    # each day read once: every span read starts where the one before it ended
    for (_, end), (start, _) in pairwise(spans):
        assert start >= end, spans


def test_the_tables_are_analyzed_each_time_the_messages_stored_double() -> None:
    from storage.planner import FIRST, Growth

    fresh = Growth(0)
    assert not fresh.add(FIRST - 1) and fresh.add(1)
    fresh.analyzed()
    assert fresh.known == FIRST and not fresh.add(FIRST - 1) and fresh.add(1)
    assert not Growth(1_000_000).add(5000)  # statistics of a large database stand


async def test_a_store_growing_fast_gets_planner_statistics(store: Store) -> None:
    from sqlalchemy import text

    from storage.planner import FIRST

    for k in range(0, FIRST + 200, 400):
        await store.ingest_then([(msg(str(k + i)), None) for i in range(400)], lambda tx, results: None)
    assert await store.count_messages() >= FIRST
    if store.dialect == "postgresql":  # analyzed once past FIRST: the planner knows the rows (SQLite: nothing to do)
        estimate = await store.run(lambda s: s.execute(text(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass('messages')")).scalar())
        assert estimate is not None and estimate >= FIRST


async def test_checks_settled_in_an_unguarded_batch_are_held_and_read_as_settled(store: Store) -> None:
    """An unguarded transaction holds the states of the checks it settles (one executemany when
    something reads checks, or at the end): every read of checks in it sees them settled (the
    kept checks, the next due, a claim upserted on a check settled), and they are in the database
    after it."""
    from storage import incident_queries as q
    from storage.incident_changes import CheckState, CheckUpsert, NewIncident
    from storage.incident_tx import IncidentTx

    due = T0 + timedelta(days=1)

    def new(tx: IncidentTx) -> int:
        ids, _ = tx.apply([NewIncident(ref=-1, event_time=T0, time_precision="day", place_id=None, place=None,
                                       lat=None, lon=None, geo_precision="unknown", cell=None, target=None,
                                       weapon=None, description=None, origin="auto", at=T0)])
        return ids[-1]

    def earlier(s: object) -> int:
        tx = IncidentTx(s)  # type: ignore[arg-type]
        incident = new(tx)
        tx.apply([CheckUpsert(incident, "saraya-a", "Saraya A", T0, due)])
        tx.finish()
        return incident

    first = await store.run(earlier)

    def batch(s: object) -> tuple[list[object], int]:
        tx = IncidentTx(s, guarded=False)  # type: ignore[arg-type]
        seen: list[object] = [tx.next_due()]
        # settled, then claimed again sooner: the upsert reads the check's state (settled, so it stands)
        tx.apply([CheckState(first, "saraya-a", "alerted")])
        assert tx._deferred is not None and tx._deferred.states  # held, not written yet
        tx.apply([CheckUpsert(first, "saraya-a", "Saraya A", T0, due - timedelta(hours=12))])
        seen.append(tx.next_due())
        second = new(tx)
        tx.apply([CheckUpsert(second, "saraya-a", "Saraya A", T0, due), CheckUpsert(second, "saraya-b", "Saraya B", T0, due)])
        seen.append([c.state for c in tx.checks_for(second)])
        tx.apply([CheckState(second, "saraya-b", "corroborated")])
        seen.append([c.state for c in tx.checks_for(second)])  # from memory, as settled
        seen.append(tx.next_due())
        seen.append([c.claimant_id for c in tx.due_checks(due)])
        tx.finish()
        return seen, second

    seen, second = await store.run(batch)
    assert seen == [due, None, ["pending", "pending"], ["pending", "corroborated"], due, ["saraya-a"]]
    stored = await store.run(lambda s: [(c.incident_id, c.claimant_id, c.state, c.due_at)
                                        for i in (first, second) for c in q.checks_for(s, i)])
    assert stored == [(first, "saraya-a", "alerted", due), (second, "saraya-a", "pending", due),
                      (second, "saraya-b", "corroborated", due)]


async def test_a_batch_is_stored_when_its_planner_statistics_fail(store: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    from storage import planner

    def refused(s: object) -> None:
        raise OperationalError("ANALYZE", {}, Exception("canceling statement due to lock timeout"))

    monkeypatch.setattr(planner, "analyze", refused)
    monkeypatch.setattr(planner, "FIRST", 2)
    results, _ = await store.ingest_then([(msg("1"), None), (msg("2"), None)], lambda tx, results: None)
    assert [r.status for r in results] == ["new", "new"] and await store.count_messages() == 2


def _statements(store: Store) -> list[str]:
    """Every SQL statement the store's engine runs from now on (appended as they run)."""
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


async def test_due_checks_read_their_incidents_at_once_with_the_same_answers(store: Store) -> None:
    """The checks of a batch read what they need of their incidents (row, the rules' links, the
    first claim of each source) with one statement of each kind: the same answers as one read an
    incident, kept as the transaction's own links change them (a claim from a new source is read
    again). Asked on both databases (the store does it only where a statement is a round trip)."""
    from storage import incident_queries as q
    from storage.incident_changes import CheckUpsert, NewIncident, NewLink
    from storage.incident_tx import IncidentTx
    from storage.incident_values import LinkValue

    stored = await store.ingest([(msg(str(k), url=f"https://t.me/x/{k}"), None) for k in range(40)])
    pks = [r.pk for r in stored if r.pk is not None]
    due = T0 + timedelta(days=1)

    def link(role: str, k: int, source: str, network: str, subject: str | None = None) -> LinkValue:
        return LinkValue(role=role, source=source, source_role="outlet", network=network, bloc="b",
                         at=T0 + timedelta(minutes=k), message_pk=pks[k], subject_id=subject, fingerprint=k)

    def fill(s: object) -> list[int]:
        tx = IncidentTx(s)  # type: ignore[arg-type]
        ids, _ = tx.apply([NewIncident(ref=-r, event_time=T0, time_precision="day", place_id=None, place=None,
                                       lat=None, lon=None, geo_precision="unknown", cell=None, target=None,
                                       weapon=None, description=None, origin="auto", at=T0) for r in (1, 2, 3)])
        a, b, c = ids[-1], ids[-2], ids[-3]
        links = [NewLink(a, pks[0], link("claim", 0, "t.me/a", "n1", "saraya-a")),
                 NewLink(a, pks[1], link("claim", 1, "t.me/a", "n1", "saraya-a")),
                 NewLink(a, pks[2], link("claim", 2, "t.me/b", "n2", "saraya-b")),
                 NewLink(a, pks[3], link("denial", 3, "t.me/c", "n3", "saraya-a")),
                 NewLink(b, pks[4], link("claim", 4, "t.me/a", "n1", "saraya-a"))]
        # more report networks than the rules read (25)
        links += [NewLink(a, pks[k], link("report", k, f"site{k}", f"net{k}")) for k in range(5, 35)]
        tx.apply([*links, CheckUpsert(a, "saraya-a", "Saraya A", T0, due), CheckUpsert(a, "saraya-b", "Saraya B", T0, due),
                  CheckUpsert(b, "saraya-a", "Saraya A", T0, due), CheckUpsert(c, "saraya-a", "Saraya A", T0, due)])
        tx.finish()
        return [a, b, c]

    ids = await store.run(fill)
    a = ids[0]

    def one_at_a_time(s: object) -> tuple[object, object]:
        return ({i: q.load_links(s, i) for i in ids},  # type: ignore[arg-type]
                {i: q.claim_links_by_source(s, i) for i in ids})  # type: ignore[arg-type]

    links, claims = await store.run(one_at_a_time)
    assert len(links[a]) == 3 + 25 and [lk.source for lk in claims[a]] == ["t.me/a", "t.me/b"]  # type: ignore[index]
    assert await store.run(lambda s: q.links_of_incidents(s, ids)) == links
    assert await store.run(lambda s: q.claim_links_of_incidents(s, ids)) == claims

    seen = _statements(store)

    def settle(s: object) -> tuple[list[object], list[object], int]:
        tx = IncidentTx(s, guarded=False)  # type: ignore[arg-type]
        tx.verify = False  # (its reads would be counted)
        tx._round_trips = True
        checks = tx.due_checks(due)
        before = len(seen)
        tx.prefetch_checks(checks)
        read = len(seen) - before
        answers: list[object] = [(tx.lean_incident(c.incident_id), tx.claim_links_by_source(c.incident_id))
                                 for c in checks]
        assert len(seen) - before == read  # from memory
        tx._flush()
        found: list[object] = [(q.lean_incident(s, c.incident_id), q.claim_links_by_source(s, c.incident_id))  # type: ignore[arg-type]
                               for c in checks]
        tx.apply([NewLink(a, pks[35], link("claim", 35, "t.me/d", "n4", "saraya-b"))])
        answers.append(tx.claim_links_by_source(a))  # a new source: read again
        tx._flush()
        found.append(q.claim_links_by_source(s, a))  # type: ignore[arg-type]
        tx.finish()
        return answers, found, read

    answers, found, read = await store.run(settle)
    assert read == 3 and len(answers) == 5
    assert answers == found
    assert [lk.source for lk in answers[-1]] == ["t.me/a", "t.me/b", "t.me/d"]  # type: ignore[attr-defined]


async def test_a_message_stored_in_the_batch_is_linked_again_without_asking_the_database(store: Store) -> None:
    """A message stored in this transaction has only the links the transaction gave it: its next
    statements' links are known there or not (no read of links, no held writes flushed before it).
    The same link twice is stored once, as when the database was asked."""
    from dataclasses import replace

    from storage import incident_queries as q
    from storage.incident_changes import NewIncident, NewLink
    from storage.incident_tx import IncidentTx
    from storage.incident_values import LinkValue

    (stored,) = await store.ingest([(msg("1"), None)])
    assert stored.pk is not None
    pk = stored.pk
    seen = _statements(store)

    def batch(s: object) -> tuple[int, list[str]]:
        tx = IncidentTx(s, [pk], guarded=False)  # type: ignore[arg-type]
        ids, _ = tx.apply([NewIncident(ref=-1, event_time=T0, time_precision="day", place_id=None, place=None,
                                       lat=None, lon=None, geo_precision="unknown", cell=None, target=None,
                                       weapon=None, description=None, origin="auto", at=T0)])
        before = len(seen)
        report = LinkValue(role="report", source="t.me/x", source_role="outlet", network="n", bloc="b", at=T0,
                           message_pk=pk)
        for lv in (report, report, replace(report, role="claim", statement_idx=0), replace(report, statement_idx=1)):
            tx.apply([NewLink(ids[-1], pk, lv)])
        asked = seen[before:]
        tx.finish()
        return ids[-1], asked

    incident, asked = await store.run(batch)
    assert asked == []  # held, and nothing read
    stored_links = await store.run(lambda s: q.links_of_message(s, pk))
    assert sorted((i, lk.role, str(lk.statement_idx)) for i, lk in stored_links) == [
        (incident, "claim", "0"), (incident, "report", "1"), (incident, "report", "None")]
