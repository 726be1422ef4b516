"""Incidents, corroboration and alert rules, end to end through `claimwatch replay`.

Each scenario is a small archive written from the seed events of the domain reference."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from storage import Store
from storage.incident_queries import list_incidents

from .helpers import rec, run_cli, write_jsonl


def replay(capsys: pytest.CaptureFixture[str], tmp_path: Path, records: list[dict[str, Any]],
           until: str = "+48h", db: str | None = None, name: str = "in.jsonl") -> list[dict[str, Any]]:
    path = write_jsonl(tmp_path / name, records)
    out = tmp_path / f"{name}.alerts"
    db = db or f"sqlite:///{tmp_path}/db.sqlite"
    r = run_cli(capsys, "replay", str(path), "--db", db, "--alerts-out", str(out), "--until", until, "--quiet")
    assert r.code == 0, r.err
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def incidents(db: str) -> list[Any]:
    async def go() -> list[Any]:
        store = await Store.open(db)
        try:
            return await store.run(lambda s: list_incidents(s, None, None))
        finally:
            await store.close()

    return asyncio.run(go())


def test_front_group_spelled_five_ways_gives_one_alert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spellings = ["Sayara Thora Al-Ashrin", "Saraya Ashreen Thani", "Saraya Thorat al-Ashrin", "Saraya Thurat Al-Ashrin",
                 "Saraya Shuhada Thawar Ashreen al-Thani"]
    records = [rec("t.me/sabreenS1", str(i), f"2020-07-11T1{i}:00:00+00:00",
                   f"{name} claimed responsibility for burning a US supply convoy in Diwaniyah.")
               for i, name in enumerate(spellings)]
    alerts = replay(capsys, tmp_path, records)
    fronts = [a for a in alerts if a["kind"] == "new_front_group"]
    assert len(fronts) == 1
    assert fronts[0]["key"] == "new_front_group:saraya-thawrat-al-ashrin"
    assert fronts[0]["actor"] == "Saraya Thawrat al-Ashrin"
    assert "Sayara Thora Al-Ashrin" in fronts[0]["text"] and "Known facade group" in fronts[0]["text"]


def test_unknown_group_spelled_several_ways_gives_one_alert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        rec("t.me/sabreenS1", "1", "2024-02-05T10:00:00+00:00",
            "A group calling itself Saraya Ahrar al-Furat claimed responsibility for a rocket attack on the Conoco gas field."),
        rec("t.me/almaalomah", "2", "2024-02-05T10:20:00+00:00",
            "تبنت سرايا أحرار الفرات استهداف حقل كونيكو بالصواريخ"),
        rec("t.me/sabreenS1", "3", "2024-02-05T11:00:00+00:00",
            "Sarayat Ahrar el-Furat claimed the rocket attack on the Conoco field, its second statement said."),
    ]
    alerts = replay(capsys, tmp_path, records)
    fronts = [a for a in alerts if a["kind"] == "new_front_group"]
    assert len(fronts) == 1, fronts
    assert "Name not in the gazetteer" in fronts[0]["text"]
    r = run_cli(capsys, "groups", "--db", f"sqlite:///{tmp_path}/db.sqlite", "--new", "--format", "json")
    [group] = json.loads(r.out)
    assert not group["known"] and len(group["spellings"]) == 3


def test_core_factions_and_umbrellas_never_alert_as_front_groups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts = replay(capsys, tmp_path, [
        rec("t.me/x", "1", "2024-01-01T10:00:00+00:00", "Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport."),
        rec("t.me/x", "2", "2024-01-02T10:00:00+00:00", "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Harir."),
    ], until="+1h")
    assert [a for a in alerts if a["kind"] == "new_front_group"] == []


def test_dormant_facade_brand_alerts_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = "Saraya Awliya al-Dam claimed responsibility for the rocket attack on {}."
    alerts = replay(capsys, tmp_path, [
        rec("t.me/x", "1", "2020-08-24T10:00:00+00:00", claim.format("a convoy in Diwaniyah")),
        rec("t.me/x", "2", "2020-09-01T10:00:00+00:00", claim.format("Erbil airport")),
        rec("t.me/x", "3", "2021-02-15T20:00:00+00:00", claim.format("Erbil airport")),  # 167 days: still active
        rec("t.me/x", "4", "2024-05-30T10:00:00+00:00", claim.format("Haifa")),  # years later: brought back
    ], until="+1h")
    fronts = [a["key"] for a in alerts if a["kind"] == "new_front_group"]
    assert fronts == ["new_front_group:saraya-awliya-al-dam", "new_front_group:saraya-awliya-al-dam:2024-05-30"]


IRI_CLAIM = "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة الاحتلال الأمريكي في حقل العمر بطائرة مسيرة."


def relayed_claim() -> list[dict[str, Any]]:
    return [
        rec("t.me/elamharbi", "1", "2024-02-01T10:00:00+00:00", IRI_CLAIM),
        rec("t.me/sabreenS1", "2", "2024-02-01T10:02:00+00:00", "عاجل | " + IRI_CLAIM),
        rec("t.me/almaalomah", "3", "2024-02-01T10:05:00+00:00", IRI_CLAIM + " #المقاومة"),
        rec("t.me/Tasnimnews", "4", "2024-02-01T11:00:00+00:00",
            "مقاومت اسلامی عراق مسئولیت حمله پهپادی به میدان نفتی العمر را بر عهده گرفت."),
    ]


def test_claim_relayed_by_aligned_channels_is_uncorroborated_after_the_window(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert [a for a in replay(capsys, tmp_path, relayed_claim(), until="+22h", name="a.jsonl")
            if a["kind"] == "uncorroborated_claim"] == []
    alerts = replay(capsys, tmp_path, relayed_claim(), until="+23h", db=f"sqlite:///{tmp_path}/b.db", name="b.jsonl")
    unc = [a for a in alerts if a["kind"] == "uncorroborated_claim"]
    assert len(unc) == 1
    assert unc[0]["at"] == "2024-02-02T10:00:00+00:00"
    for relay in ("t.me/sabreenS1", "t.me/almaalomah", "t.me/Tasnimnews"):
        assert relay in unc[0]["text"]
    [incident] = incidents(f"sqlite:///{tmp_path}/b.db")
    assert incident.status == "uncorroborated" and incident.grade == "weak"


def test_official_confirmation_before_the_window_means_no_alert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    confirm = rec("x.com/CENTCOM", "9", "2024-02-01T20:28:00+00:00",
                  "Rockets and a one-way drone targeted Mission Support Site Green Village today. No US troops were injured.")
    alerts = replay(capsys, tmp_path, [*relayed_claim(), confirm])
    assert [a for a in alerts if a["kind"] in ("uncorroborated_claim", "claim_corroborated")] == []
    [incident] = incidents(f"sqlite:///{tmp_path}/db.sqlite")
    assert incident.status == "corroborated" and incident.grade == "confirmed"
    assert any("official of another side" in r for r in incident.reasons)


def test_confirmation_after_the_window_sends_one_follow_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = rec("x.com/CENTCOM", "9", "2024-02-03T12:00:00+00:00",
               "On Feb. 1, a one-way attack drone struck Mission Support Site Green Village, Syria. No injuries.")
    alerts = replay(capsys, tmp_path, [*relayed_claim(), late])
    kinds = [a["kind"] for a in alerts]
    assert kinds.count("uncorroborated_claim") == 1 and kinds.count("claim_corroborated") == 1
    assert kinds.index("uncorroborated_claim") < kinds.index("claim_corroborated")


def test_relays_and_reports_of_the_claim_never_corroborate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = rec("https://news.example.org/rss", "n1", "2024-02-01T15:00:00+00:00",
               "The Islamic Resistance in Iraq said it targeted the US base at the al-Omar oil field with a drone, in a "
               "statement that could not be independently verified.")
    alerts = replay(capsys, tmp_path, [*relayed_claim(), news])
    assert [a["kind"] for a in alerts if a["kind"] == "uncorroborated_claim"] == ["uncorroborated_claim"]


def test_event_denial_does_not_corroborate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    denial = rec("x.com/OIRSpox", "d", "2024-02-01T14:00:00+00:00",
                 "Reports of an attack on Coalition forces at the al-Omar oil field today are not true.")
    alerts = replay(capsys, tmp_path, [*relayed_claim(), denial])
    [unc] = [a for a in alerts if a["kind"] == "uncorroborated_claim"]
    assert "Denied by" in unc["text"]
    [incident] = incidents(f"sqlite:///{tmp_path}/db.sqlite")
    assert incident.status == "denied"


def test_deleted_claim_reissued_under_the_umbrella_keeps_one_incident(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, [
        rec("t.me/sabreenS1", "1", "2023-10-18T08:00:00+00:00", "تشكيل الوارثين يعلن استهداف قاعدة حرير في أربيل بطائرة مسيرة."),
        rec("t.me/sabreenS1", "1", "2023-10-18T08:00:00+00:00", "", deleted=True, edited="2023-10-18T09:30:00+00:00"),
        rec("t.me/elamharbi", "7", "2023-10-18T10:00:00+00:00",
            "المقاومة الإسلامية في العراق تعلن استهداف قاعدة حرير في أربيل بطائرة مسيرة."),
    ], until="+1h")
    [incident] = incidents(db)
    claims = [link for link in incident.links if link.role == "claim"]
    assert {c.subject_id for c in claims} == {"tashkil-al-waritheen", "islamic-resistance-in-iraq"}
    waritheen = next(c for c in claims if c.subject_id == "tashkil-al-waritheen")
    assert waritheen.withdrawn and waritheen.superseded


def test_report_quoting_claim_denial_and_attribution_links_one_incident(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, [
        rec("https://news.example.org/rss", "1", "2024-01-29T09:30:00+00:00",
            "The Islamic Resistance in Iraq claimed the drone strike on Tower 22. Iran denied any role in the attack on "
            "Tower 22. The Pentagon blamed Iran-backed militias for the attack on Tower 22."),
    ], until="+1h")
    [incident] = incidents(db)
    assert sorted(link.role for link in incident.links) == ["attribution", "claim", "denial"]


def test_two_attacks_on_one_base_a_week_apart_are_two_incidents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    claim = "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Ain al-Asad air base."
    replay(capsys, tmp_path, [
        rec("t.me/x", "1", "2024-01-10T10:00:00+00:00", claim),
        rec("t.me/x", "2", "2024-01-17T10:00:00+00:00", claim + " Again."),
    ], until="+1h")
    assert len(incidents(db)) == 2


def test_late_claim_by_a_new_brand_matches_the_earlier_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Front groups claimed 3-4 days after the attack (Taji, 11 -> 15 March 2020)."""
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, [
        rec("x.com/OIRSpox", "1", "2020-03-11T19:00:00+00:00", "Eighteen rockets hit Camp Taji tonight, killing three coalition members."),
        rec("t.me/x", "2", "2020-03-15T10:00:00+00:00", "عصبة الثائرين.. تشكيل جديد يتبنى قصف معسكر التاجي بصواريخ الكاتيوشا"),
    ], until="+1h")
    [incident] = incidents(db)
    assert {link.role for link in incident.links} == {"report", "claim"}
    assert incident.status == "corroborated"


def test_related_places_match_tower_22_and_rukban(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, [
        rec("x.com/CENTCOM", "1", "2024-01-28T16:00:00+00:00",
            "Three U.S. service members were killed and 25 wounded in a one-way attack drone strike on Tower 22 in Jordan."),
        rec("t.me/elamharbi", "2", "2024-01-29T08:00:00+00:00",
            "هاجم مجاهدو المقاومة الإسلامية في العراق قاعدة الركبان داخل الحدود الأردنية بالطيران المسير."),
    ], until="+1h")
    [incident] = incidents(db)
    claim = next(link for link in incident.links if link.role == "claim")
    assert incident.place == "Tower 22" and incident.status == "corroborated"
    assert any("related place" in r for r in claim.reasons)


def test_incidents_command_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, relayed_claim(), until="+25h")
    table = run_cli(capsys, "incidents", "--db", db)
    assert "uncorroborated" in table.out and "Islamic Resistance in Iraq" in table.out
    as_json = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "json").out)
    assert as_json[0]["claimants"][0]["channel"] == "t.me/elamharbi"
    assert set(as_json[0]["claimants"][0]["relays"]) >= {"t.me/sabreenS1"}
    csv_out = run_cli(capsys, "incidents", "--db", db, "--format", "csv").out.splitlines()
    assert csv_out[0].startswith("event_id_cnty,event_date,year") and "Air/drone strike" in csv_out[1]
    geo = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "geojson").out)
    assert geo["features"][0]["geometry"]["coordinates"] == [40.55, 35.0]
    only = json.loads(run_cli(capsys, "incidents", "--db", db, "--status", "corroborated", "--format", "json").out)
    assert only == []


def test_import_known_incidents_and_match_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    known = tmp_path / "known.csv"
    known.write_text("date,place,description,sources\n2024-02-01,al-Omar oil field,Drone attack on MSS Green Village,"
                     "https://example.org/acled\nnot-a-date,Harir,bad row,\n2024-02-02,,no place,\n", encoding="utf-8")
    r = run_cli(capsys, "incidents", "import", str(known), "--db", db)
    assert r.code == 3 and "1 incident(s) imported" in r.out
    assert f"{known}:3: 'date'" in r.err and f"{known}:4: needs a known place" in r.err
    alerts = replay(capsys, tmp_path, relayed_claim(), db=db)
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []
    [incident] = incidents(db)
    assert incident.origin == "import" and incident.status == "corroborated"


async def test_two_instances_linking_one_event_at_once_make_one_incident(db_url: str) -> None:
    """Instances link their own channels' messages to the shared incidents. The claim and its relay
    arrive at two instances in the same instant: one incident per event, not one per instance."""
    from datetime import UTC, datetime, timedelta

    from bot.app import build_app
    from bot.config import Config, StorageConfig
    from watchers.message import Message

    config = Config(storage=StorageConfig(db_url))
    first = await build_app(config, simulated=False, sinks=[])
    second = await build_app(config, simulated=False, sinks=[])
    places = ["Ain al-Asad", "Harir", "Erbil airport", "al-Tanf", "Conoco gas field", "Rumeilan", "Shaddadi",
              "Victoria base"]
    t0 = datetime(2024, 1, 20, 8, tzinfo=UTC)
    try:
        for i, place in enumerate(places):
            at = t0 + timedelta(days=10 * i)
            text = f"The Islamic Resistance in Iraq claimed responsibility for a drone attack on {place}."
            claim = Message("t.me/elamharbi", f"c{i}", at, text)
            relay = Message("t.me/sabreenS1", f"r{i}", at + timedelta(minutes=1), text)
            await asyncio.gather(first.pipeline.feed([claim], at), second.pipeline.feed([relay], at))
        found = await first.store.run(lambda s: list_incidents(s, None, None))
        assert len(found) == len(places), [(x.place, x.id) for x in found]
    finally:
        await first.close()
        await second.close()


def test_a_message_that_fails_linking_is_kept_unlinked_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch runs without a savepoint per message; when one message fails it is run again with
    them: the others land as they would have (the front group before the failure alerts once,
    from the claimants' memory as it was at the start of the batch), the bad one stays unlinked."""
    from bot.incidents.engine import IncidentEngine

    real = IncidentEngine._process_one
    calls: list[str] = []

    def failing(self: IncidentEngine, tx: Any, result: Any, cls: Any, now: Any) -> Any:
        calls.append(result.message.id)
        if result.message.id == "2":
            raise RuntimeError("broken on purpose")
        return real(self, tx, result, cls, now)

    monkeypatch.setattr(IncidentEngine, "_process_one", failing)
    records = [
        rec("t.me/sabreenS1", "1", "2024-02-05T10:00:00+00:00",
            "A group calling itself Saraya Ahrar al-Furat claimed responsibility for a rocket attack on the Conoco gas field."),
        rec("t.me/sabreenS1", "2", "2024-02-05T10:10:00+00:00",
            "Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport."),
        rec("t.me/sabreenS1", "3", "2024-02-05T11:00:00+00:00",
            "Sarayat Ahrar el-Furat claimed the rocket attack on the Conoco field, its second statement said."),
    ]
    db = f"sqlite:///{tmp_path}/db.sqlite"
    alerts = replay(capsys, tmp_path, records, until="+1h", db=db)
    assert calls == ["1", "2", "1", "2", "3"]  # unguarded until "2" failed, then the batch again, guarded
    assert [a["key"] for a in alerts if a["kind"] == "new_front_group"] == ["new_front_group:saraya-ahrar-al-furat"]
    [incident] = incidents(db)
    assert sorted(lk.message_pk for lk in incident.links) == [1, 3]
    r = run_cli(capsys, "messages", "--db", db, "--format", "json")
    assert len(json.loads(r.out)) == 3  # the failing message is stored all the same


def _count_statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the stores opened from now on run, in order (the answers kept in memory
    are not compared with the database: that comparison would ask it each time)."""
    from sqlalchemy import Engine, event

    import storage.store
    from storage.incident_tx import IncidentTx

    monkeypatch.setattr(IncidentTx, "verify", False)
    executed: list[str] = []
    real = storage.store.create_engine_for

    def counted(url: str) -> Engine:
        engine = real(url)
        event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: executed.append(statement))
        return engine

    monkeypatch.setattr(storage.store, "create_engine_for", counted)
    return executed


def test_a_batch_of_statements_reads_its_candidates_in_a_few_statements(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty channels relaying claims of one morning: the incidents of those days are read once
    for the batch (and kept as it links), not once for each statement's candidates (on
    PostgreSQL a round trip and a plan each). The links land as before (``verify``, on in the
    other tests, compares every answer with the database's)."""
    executed = _count_statements(monkeypatch)
    texts = ["Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport.",
             "The Islamic Resistance in Iraq claimed a rocket attack on Ain al-Asad air base."]
    records = [rec(f"t.me/relay{i}", "1", f"2024-01-01T10:{i:02d}:00+00:00", texts[i % 2]) for i in range(30)]
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, records, until="+1h", db=db)
    found = incidents(db)
    assert sorted(len(i.links) for i in found) == [15, 15]
    # the first statements of the batch ask the database; the rest are answered by one window read
    window_reads = [s for s in executed if s.startswith("SELECT") and "incidents.event_time >=" in s]
    assert len(window_reads) <= 6, len(window_reads)


def test_relays_joining_incidents_of_an_earlier_batch_read_them_with_the_window(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    """Relays of two claims linked in an earlier replay: a status held for an incident is not
    written before each read of its links; on PostgreSQL (a statement a round trip) the later
    batch reads the incidents' claim checks and their sources' recent texts (re-posts are dropped
    by them) with the days it reads, a statement each, not once for every relay joining them."""
    texts = ["Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport.",
             "The Islamic Resistance in Iraq claimed a rocket attack on Ain al-Asad air base."]
    db = db_url
    first = [rec(f"t.me/first{i}", "1", f"2024-01-01T09:0{i}:00+00:00", texts[i]) for i in range(2)]
    replay(capsys, tmp_path, first, until="+1m", db=db, name="first.jsonl")
    executed = _count_statements(monkeypatch)
    relays = [rec(f"t.me/relay{i}", "1", f"2024-01-01T10:{i:02d}:00+00:00", texts[i % 2]) for i in range(20)]
    replay(capsys, tmp_path, relays, until="+1h", db=db, name="relays.jsonl")
    during = list(executed)
    assert sorted(len(i.links) for i in incidents(db)) == [11, 11]
    fingerprint_reads = [s for s in during if s.startswith("SELECT") and "incident_links.fingerprint" in s]
    check_reads = [s for s in during if s.startswith("SELECT claim_checks.id")]
    status_updates = [s for s in during if s.startswith("UPDATE incidents SET status")]
    assert len(status_updates) <= 6, len(status_updates)
    if not db.startswith("sqlite"):
        # the first statements of the batch read them one by one, the rest are read with the window
        assert len(fingerprint_reads) <= 6, len(fingerprint_reads)
        assert len(check_reads) <= 6, len(check_reads)


def test_a_batch_of_claims_on_one_incident_is_written_in_a_few_statements(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty channels relaying one claim within the hour: thirty links on one incident, written
    together (a replay's cost is its statements; on PostgreSQL each is a round trip), not a link
    insert and a status update for every message."""
    executed = _count_statements(monkeypatch)
    records = [rec(f"t.me/relay{i}", "1", f"2024-01-01T10:{i:02d}:00+00:00",
                   "Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport.") for i in range(30)]
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, records, until="+1h", db=db)
    [incident] = incidents(db)
    assert len(incident.links) == 30
    link_inserts = [s for s in executed if s.startswith("INSERT INTO incident_links")]
    status_updates = [s for s in executed if s.startswith("UPDATE incidents SET status")]
    assert len(link_inserts) <= 2 and len(status_updates) <= 2, (len(link_inserts), len(status_updates))
