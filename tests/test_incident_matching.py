"""Incidents on the way real coverage arrives: one replay per matching rule, written by the
project after the shape of real coverage (a police report first, a late undated claim by a new
name, aligned relays, the other side's official; one article with a claim and a confirmation; a
facade's long name; placeless statements; a state's retaliation; two attacks days apart)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import rec, run_cli, write_jsonl


def replay(capsys: pytest.CaptureFixture[str], tmp_path: Path, records: list[dict[str, Any]],
           until: str = "+48h", config: str | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Alerts raised and incidents (``incidents --format json``) after replaying ``records``."""
    path = write_jsonl(tmp_path / "in.jsonl", records)
    db = f"sqlite:///{tmp_path}/db.sqlite"
    out = tmp_path / "alerts.jsonl"
    extra = []
    if config is not None:
        (tmp_path / "c.toml").write_text(config, encoding="utf-8")
        extra = ["--config", str(tmp_path / "c.toml")]
    r = run_cli(capsys, "replay", str(path), "--db", db, "--alerts-out", str(out), "--until", until, "--quiet", *extra)
    assert r.code == 0, r.err
    alerts = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    incidents = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "json").out)
    return alerts, incidents


NEW_NAME_CLAIM = "A group calling itself Saraya al-Mukhtar claimed responsibility for a drone attack on the American base at Harir."


def test_city_report_late_undated_claim_relays_and_official_are_one_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://police.example/rss", "p1", "2024-03-01T22:00:00+00:00",
            "Erbil police said a drone exploded near the city on Friday night. No casualties were reported."),
        rec("t.me/saraya_mukhtar", "1", "2024-03-04T10:00:00+00:00", NEW_NAME_CLAIM),
        rec("t.me/sabreenS1", "2", "2024-03-04T10:05:00+00:00", "عاجل | " + NEW_NAME_CLAIM),
        rec("x.com/OIRSpox", "3", "2024-03-04T14:00:00+00:00",
            "A one-way drone attacked Harir Air Base on March 1. No injuries and no damage."),
    ])
    [incident] = incidents
    assert [m["id"] for m in incident["messages"]] == ["p1", "1", "2", "3"]
    assert incident["place"] == "Harir Air Base"  # refined from the city the police named
    assert incident["status"] == "corroborated" and incident["grade"] == "confirmed"
    assert [a["kind"] for a in alerts] == ["new_front_group"]


def test_report_first_corroborates_the_claim_that_lands_later(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://police.example/rss", "p1", "2024-03-01T22:00:00+00:00",
            "Erbil police said a drone exploded near the city on Friday night. No casualties were reported."),
        rec("t.me/elamharbi", "1", "2024-03-02T08:00:00+00:00",
            "The Islamic Resistance in Iraq claimed responsibility for a drone attack on the occupation base at Harir."),
    ])
    assert incident["status"] == "corroborated"
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_one_article_with_a_claim_and_an_official_s_word_corroborates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-04T12:00:00+00:00",
            "The Islamic Resistance in Iraq claimed a drone attack on Harir air base. The Pentagon said Iran-backed "
            "militias were behind the attack."),
    ])
    assert incident["status"] == "corroborated" and incident["grade"] == "confirmed"
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_an_outlet_repeating_the_claim_in_its_own_words_does_not_corroborate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("t.me/elamharbi", "1", "2024-03-04T10:00:00+00:00",
            "The Islamic Resistance in Iraq claimed responsibility for a drone attack on the occupation base at Harir."),
        rec("https://wire.example/rss", "w1", "2024-03-04T12:00:00+00:00",
            "The Islamic Resistance in Iraq said it targeted a US base at Harir with a drone, in a statement that "
            "could not be verified."),
    ])
    assert incident["status"] == "uncorroborated"
    assert [a["kind"] for a in alerts].count("uncorroborated_claim") == 1


def test_a_known_facade_under_its_long_name_alerts_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, _ = replay(capsys, tmp_path, [
        rec("t.me/x", "1", "2024-03-04T12:00:00+00:00",
            "Saraya Awliya al-Dam al-Islamiya claimed responsibility for the rocket attack on Erbil airport."),
        rec("t.me/x", "2", "2024-03-06T12:00:00+00:00",
            "Saraya Awliya al-Dam claimed responsibility for the rocket attack on Ain al-Asad."),
    ], until="+1h")
    fronts = [a for a in alerts if a["kind"] == "new_front_group"]
    assert [a["key"] for a in fronts] == ["new_front_group:saraya-awliya-al-dam"]


PLACED_REPORT = rec("x.com/CENTCOM", "c1", "2024-03-04T09:00:00+00:00",
                    "A one-way attack drone targeted U.S. forces at Ain al-Asad Air Base this morning. No injuries.")
PLACELESS_CLAIM = rec("t.me/elamharbi", "e1", "2024-03-04T11:00:00+00:00",
                      "The Islamic Resistance in Iraq claimed responsibility for a drone attack on US forces in Iraq.")


@pytest.mark.parametrize("order", ["report first", "claim first"])
def test_a_placeless_claim_is_the_placed_event_of_its_window(order: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    claim = dict(PLACELESS_CLAIM)
    if order == "claim first":
        claim["date"] = "2024-03-04T08:30:00+00:00"
    alerts, incidents = replay(capsys, tmp_path, [PLACED_REPORT, claim])
    [incident] = incidents
    assert incident["place"] == "Ain al-Asad Air Base" and incident["status"] == "corroborated"
    assert {m["role"] for m in incident["messages"]} == {"report", "claim"}
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_a_state_s_retaliation_is_a_claim_of_the_strike_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, incidents = replay(capsys, tmp_path, [
        rec("t.me/elamharbi", "1", "2024-03-04T10:00:00+00:00",
            "The Islamic Resistance in Iraq claimed responsibility for a drone attack on the occupation base at Harir."),
        rec("x.com/OIRSpox", "2", "2024-03-04T14:00:00+00:00",
            "A one-way drone attacked Harir Air Base today. No injuries."),
        rec("x.com/CENTCOM", "3", "2024-03-05T02:00:00+00:00",
            "U.S. forces conducted a strike in Iraq on a facility used by Kataib Hezbollah in response to the attack "
            "on Harir Air Base."),
    ])
    attack, strike = sorted(incidents, key=lambda i: i["id"])
    assert [m["id"] for m in attack["messages"]] == ["1", "2"] and attack["status"] == "corroborated"
    assert [m["id"] for m in strike["messages"]] == ["3"]
    assert strike["place"] != "Harir Air Base" and strike["weapon"] == "airstrike"
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_two_attacks_on_one_base_three_days_apart_stay_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Ain al-Asad air base."
    report = "A one-way attack drone targeted U.S. forces at Ain al-Asad Air Base. No injuries."
    _, incidents = replay(capsys, tmp_path, [
        rec("t.me/elamharbi", "1", "2024-03-04T10:00:00+00:00", claim),
        rec("x.com/CENTCOM", "2", "2024-03-04T18:00:00+00:00", report),
        rec("t.me/elamharbi", "3", "2024-03-07T10:00:00+00:00", claim + " Again, our drones."),
        rec("x.com/CENTCOM", "4", "2024-03-07T18:00:00+00:00", report + " A second attack."),
    ], until="+1h")
    assert [[m["id"] for m in i["messages"]] for i in incidents] == [["1", "2"], ["3", "4"]]


LATE = rec("t.me/x", "9", "2024-03-10T10:00:00+00:00", NEW_NAME_CLAIM)


def test_an_undated_claim_finds_its_event_within_the_lookback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = [rec("x.com/OIRSpox", str(i), f"2024-03-0{d}T20:00:00+00:00",
                   f"A one-way drone attacked Harir Air Base today, the {n} attack this week. No injuries.")
               for i, (d, n) in enumerate([(4, "first"), (8, "second")])]
    _, incidents = replay(capsys, tmp_path, [*reports, LATE], until="+1h")
    assert [[m["id"] for m in i["messages"]] for i in incidents] == [["0"], ["1", "9"]]  # the most recent event


def test_claim_lookback_is_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = rec("x.com/OIRSpox", "1", "2024-03-06T20:00:00+00:00", "A one-way drone attacked Harir Air Base today.")
    _, incidents = replay(capsys, tmp_path, [report, LATE], until="+1h",
                          config='[incidents]\nclaim_lookback = "2d"\n')
    assert len(incidents) == 2


def test_a_score_at_the_threshold_matches() -> None:
    from datetime import UTC, datetime

    from bot.incidents.matching import THRESHOLD, Match, Matcher
    from classifiers.types import PlaceRef, Statement
    from storage.incidents import IncidentValue

    t = datetime(2024, 3, 4, tzinfo=UTC)
    inc = IncidentValue(1, t, "message", "harir", "Harir", 36.5, 44.3, "exact", None, None, None, "reported", "weak",
                        (), "auto", t, t, None)
    st = Statement(stance="claim", place=PlaceRef("harir", "Harir", 36.5, 44.3, "base"))
    score = 0.15 + 0.3  # 0.44999999999999996 in floating point
    assert score < THRESHOLD
    matcher = Matcher.__new__(Matcher)
    matcher.places = type("P", (), {"level": staticmethod(lambda _p: 0)})()  # type: ignore[assignment]
    assert matcher.choose([Match(inc, score, (), False)], st) is not None


def test_one_state_s_officials_announce_one_strike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The White House, the Pentagon and a later article naming another site of the operation:
    one strike, and a retaliation that names the attacked base and its city is not placed there."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-05T02:00:00+00:00",
            "The US military carried out air strikes in Syria in response to attacks on American troops, the White "
            "House said."),
        rec("https://paper.example/rss", "p1", "2024-03-05T03:00:00+00:00",
            "The Pentagon said U.S. warplanes struck a weapons depot near Abu Kamal in retaliation for drone attacks "
            "on Erbil air base in Erbil."),
        rec("https://paper.example/rss", "p2", "2024-03-07T09:00:00+00:00",
            "The Pentagon said U.S. forces struck two sites in Mayadin on March 5."),
    ])
    [strike] = incidents
    assert [m["id"] for m in strike["messages"]] == ["w1", "p1", "p2"]
    assert strike["place"] not in ("Erbil Air Base", "Erbil")


def test_a_generic_description_and_the_group_s_own_claim_are_one_claim(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-04T10:00:00+00:00",
            "Iran-backed militias claimed responsibility for another drone attack on U.S. troops in Syria."),
        rec("t.me/elamharbi", "1", "2024-03-04T16:00:00+00:00",
            "The Islamic Resistance in Iraq claimed a drone attack on the American occupation forces in Syria."),
    ])
    [incident] = incidents
    assert [m["id"] for m in incident["messages"]] == ["w1", "1"]
    assert incident["status"] != "contested"  # the description is not a rival claimant
    assert [a["actor"] for a in alerts if a["kind"] == "uncorroborated_claim"] == ["Islamic Resistance in Iraq"]


def test_a_strike_following_an_attack_is_not_placed_where_the_attack_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, incidents = replay(capsys, tmp_path, [
        rec("https://police.example/rss", "p1", "2024-03-04T06:00:00+00:00",
            "Erbil police said a drone exploded near the city on Monday. No casualties were reported."),
        rec("https://tv.example/rss", "t1", "2024-03-05T13:00:00+00:00",
            "The Pentagon said U.S. forces carried out airstrikes against militants in Iraq following an attack on an "
            "air base in Erbil that injured three U.S. service members."),
    ])
    attack, strike = sorted(incidents, key=lambda i: i["id"])
    assert [m["id"] for m in attack["messages"]] == ["p1"] and {m["id"] for m in strike["messages"]} == {"t1"}
    assert strike["place"] not in ("Erbil", "Erbil Air Base") and strike["weapon"] == "airstrike"


def test_a_report_dated_weeks_back_opens_no_incident(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-03-04T06:00:00+00:00",
            "A look back: on 2 February a drone hit Ain al-Asad air base, the first of many."),
    ])
    assert incidents == []


def test_a_claim_naming_no_place_weapon_or_target_raises_no_uncorroborated_alert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-04T10:00:00+00:00",
            "The Islamic State group claimed responsibility on Friday for an explosion that killed four people."),
    ], until="+72h")
    assert incident["claimants"] and [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_a_claim_dated_weeks_back_opens_no_incident(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-03-05T10:00:00+00:00",
            "On 2 February the Islamic Resistance in Iraq claimed a drone attack on Ain al-Asad air base."),
    ], until="+72h")
    assert incidents == [] and [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []


def test_a_message_s_blame_at_its_claim_s_place_joins_the_claimed_event(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-05T02:00:00+00:00",
            "The Pentagon said U.S. forces struck a weapons depot near Abu Kamal."),
        rec("https://paper.example/rss", "p1", "2024-03-05T09:00:00+00:00",
            "The Pentagon said Iran was behind the attacks on U.S. troops in Deir ez-Zor. The Pentagon said U.S. "
            "forces struck a weapons depot in Deir ez-Zor."),
    ])
    [strike] = incidents
    assert [m["id"] for m in strike["messages"]] == ["w1", "p1", "p1"]


# -- false uncorroborated alerts seen on a real news stream (issue #12) -----------------------------

def _uncorroborated(alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a for a in alerts if a["kind"] == "uncorroborated_claim"]


MARKET_CLAIM = "Afghanistan: Islamic State claims responsibility for a blast that killed five at a Kabul market"


def test_an_outlet_telling_the_event_beside_the_claim_corroborates_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "told").mkdir()
    (tmp_path / "alone").mkdir()
    alerts, [incident] = replay(capsys, tmp_path / "told", [
        rec("https://paper.example/rss", "p1", "2024-03-06T08:00:00+00:00",
            MARKET_CLAIM + "\nOn Tuesday, a blast rocked a crowded market in western Kabul, a district that has been "
            "attacked many times before."),
    ], until="+72h")
    assert [m["role"] for m in incident["messages"]] == ["claim", "report"]
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []
    # the claim alone, with no sentence of the outlet's own: nothing corroborates it
    alerts, [incident] = replay(capsys, tmp_path / "alone", [
        rec("https://paper.example/rss", "p1", "2024-03-06T08:00:00+00:00", MARKET_CLAIM),
    ], until="+72h")
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Islamic State"]


def test_a_state_s_word_that_its_forces_were_attacked_corroborates_the_group_s_claim(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://news.example/rss", "n1", "2024-03-05T06:00:00+00:00",
            "Coalition troops targeted at Ain al-Asad: US official\nA drone was fired at Ain al-Asad air base on "
            "Monday, a US defence official said. The Islamic Resistance in Iraq claimed the attack."),
    ], until="+72h")
    [incident] = incidents  # the US official's word is a report of the attack, not a US strike of its own
    assert [c["actor"] for c in incident["claimants"]] == ["Islamic Resistance in Iraq"]
    assert {m["role"] for m in incident["messages"]} == {"claim", "report"}
    assert incident["status"] == "corroborated" and incident["grade"] == "confirmed"
    assert _uncorroborated(alerts) == []


def test_a_placeless_claim_days_later_does_not_join_a_placed_event_by_its_actor_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blame = rec("https://wire.example/rss", "w1", "2024-03-01T11:00:00+00:00",
                "Iraq's military said gunmen killed nine soldiers in an ambush in Diyala province on Friday and "
                "blamed the Islamic State.")
    (tmp_path / "later").mkdir()
    (tmp_path / "same-day").mkdir()
    alerts, incidents = replay(capsys, tmp_path / "later", [
        blame, rec("https://asia.example/rss", "a1", "2024-03-03T18:00:00+00:00",
                   "Islamic State claims responsibility for deadly Philippine bombing"),
    ], until="+72h")
    diyala = next(i for i in incidents if i["place"] == "Diyala")
    assert [m["id"] for m in diyala["messages"]] == ["w1"]  # a bombing elsewhere, two days on
    assert _uncorroborated(alerts) == []
    # the group's placeless claim of the same day is the ambush it was blamed for
    _, incidents = replay(capsys, tmp_path / "same-day", [
        blame, rec("https://wire.example/rss", "w2", "2024-03-01T16:00:00+00:00",
                   "The Islamic State claimed responsibility for the ambush."),
    ], until="+72h")
    [diyala] = incidents
    assert [m["id"] for m in diyala["messages"]] == ["w1", "w2"]


def test_a_feature_naming_groups_in_passing_raises_no_uncorroborated_alert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, _ = replay(capsys, tmp_path, [
        rec("https://journal.example/rss", "f1", "2024-03-06T05:00:00+00:00",
            "Jihadists Hide Among Giraffes in East Africa's Wildlife Reserves\nThe U.S. and its partners battle "
            "al-Shabaab and Islamic State fighters across a vast landscape of savannah, poaching and coups."),
    ], until="+72h")
    assert _uncorroborated(alerts) == []


def test_a_denial_of_the_victims_in_the_claim_s_own_sentence_concedes_the_attack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Hezbollah said its missiles hit soldiers, an assertion the army denied": the army disputes
    who was hit, not that the attack happened, and its denial is its own word, not a relay of the
    claim, even inside the claim's sentence."""
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-03-06T08:00:00+00:00",
            "Hezbollah fighters fired anti-tank missiles at vehicles near Metula on Sunday, wounding six people. "
            "Hezbollah had claimed the wounded were soldiers, an assertion denied by the Israeli military."),
    ], until="+72h")
    assert {m["role"] for m in incident["messages"]} == {"claim", "denial"}
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []


def test_a_claim_naming_no_place_raises_no_uncorroborated_alert_even_with_a_target(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Attacks on US interests on Friday": on a day of several attacks no report can be matched
    to it, so saying none confirmed it would be a guess."""
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "w1", "2024-03-09T21:00:00+00:00",
            "Kataib Hezbollah claimed Friday's attacks on US forces, a security official from the group said."),
    ], until="+72h")
    assert [c["actor"] for c in incident["claimants"]] == ["Kataib Hezbollah"]
    assert _uncorroborated(alerts) == []
    # the same claim at a base can be checked, and goes unconfirmed
    (tmp_path / "placed").mkdir()
    alerts, _ = replay(capsys, tmp_path / "placed", [
        rec("https://wire.example/rss", "w1", "2024-03-09T21:00:00+00:00",
            "Kataib Hezbollah claimed Friday's drone attack on US forces at Ain al-Asad, a security official from "
            "the group said."),
    ], until="+72h")
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Kataib Hezbollah"]


KIRKUK_CLAIM = "The Islamic State claimed responsibility for the shooting in Kirkuk, its Amaq agency said."


def test_an_outlet_s_report_of_the_dead_corroborates_the_claim_in_the_same_or_a_later_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Gunman kills three in Kirkuk": the outlet's own count of the dead at a place is its report
    of the attack, whether it comes before the claim, or beside it in the claim's article."""
    for case in ("before", "beside", "alone"):
        (tmp_path / case).mkdir()
    alerts, [incident] = replay(capsys, tmp_path / "before", [
        rec("https://paper.example/rss", "p1", "2024-03-06T21:00:00+00:00",
            "Gunman kills three in Kirkuk market shooting\nPolice sealed off the old market on Wednesday evening."),
        rec("https://wire.example/rss", "w1", "2024-03-07T09:00:00+00:00", KIRKUK_CLAIM),
    ], until="+72h")
    assert [m["role"] for m in incident["messages"]] == ["report", "claim"]
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []
    alerts, [incident] = replay(capsys, tmp_path / "beside", [
        rec("https://wire.example/rss", "w1", "2024-03-07T09:00:00+00:00",
            "Two killed in Kirkuk in market shooting\nPolice are hunting the gunman as a man claiming to be from the "
            "Islamic State released a video saying he carried out the attack."),
    ], until="+72h")
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []
    alerts, _ = replay(capsys, tmp_path / "alone", [
        rec("https://wire.example/rss", "w1", "2024-03-07T09:00:00+00:00", KIRKUK_CLAIM),
    ], until="+72h")
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Islamic State"]


def test_a_state_s_strikes_named_only_by_country_do_not_join_the_attack_they_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The drone attack at Erbil air base and "US airstrikes in Iraq in response" the same day are
    two events: with only the country to go by, the weapon tells them apart, so the group's later
    claim finds the attack (not a US strike) and the outlet's report of the wounded corroborates it."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-05T02:00:00+00:00",
            "A drone attack wounded three US service members at Erbil air base on Monday."),
        rec("https://wire.example/rss", "s2", "2024-03-05T06:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in "
            "Iraq used by Kataib Hezbollah in response to the drone attack that wounded three US troops, the White "
            "House said."),
        rec("https://wire.example/rss", "s3", "2024-03-05T10:00:00+00:00",
            "Kataib Hezbollah claimed the drone attack on Erbil air base."),
    ], until="+72h")
    attack = next(i for i in incidents if i["place"] == "Erbil Air Base")
    assert [m["id"] for m in attack["messages"]] == ["s1", "s3"]
    assert [c["actor"] for c in attack["claimants"]] == ["Kataib Hezbollah"]
    assert attack["status"] == "corroborated" and _uncorroborated(alerts) == []
    [strike] = [i for i in incidents if i is not attack]
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]


def test_a_placeless_denial_of_a_group_s_claim_joins_the_claim_it_denies(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"The Houthis claimed a missile attack on a tanker ...; Maersk denied the claim, saying the
    ship was not hit by Houthi drones": the denial names no place the gazetteer knows and another
    weapon, but it is about the claim beside it, not another event."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://ship.example/rss", "m1", "2024-03-08T09:00:00+00:00",
            "Shipping firm says its tanker was not hit\nThe Houthis claimed a missile attack on a tanker off Hodeidah "
            "on Friday. Maersk denied the claim, saying the ship was not hit by Houthi drones."),
    ], until="+72h")
    [incident] = incidents
    assert [m["role"] for m in incident["messages"]] == ["claim", "denial"]


EILAT_CLAIM = ("Houthis say they sent a swarm of drones at Eilat\nThe Houthi movement on Saturday claimed responsibility "
               "for a drone attack on the Israeli port city of Eilat.")
DOWNED_AT_SEA = ("US warship downs a dozen drones over Red Sea\nA US Navy destroyer on Saturday shot down 12 attack drones "
                 "over the Red Sea that were launched from Houthi-held parts of Yemen, US Central Command said.")


def test_drones_shot_down_at_sea_corroborate_the_launcher_s_claim_on_the_city_they_were_sent_at(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The other side's word that it downed the launcher's drones over the Red Sea is its report of
    the attack the launcher claims on Eilat: where they fell is on the way, not another event. It
    says nothing of another group's claim on Eilat that day."""
    (tmp_path / "houthis").mkdir()
    (tmp_path / "other").mkdir()
    alerts, incidents = replay(capsys, tmp_path / "houthis", [
        rec("https://paper.example/rss", "h1", "2024-03-09T06:00:00+00:00", EILAT_CLAIM),
        rec("https://wire.example/rss", "c1", "2024-03-09T20:00:00+00:00", DOWNED_AT_SEA),
    ], until="+72h")
    [incident] = incidents
    assert incident["place"] == "Eilat" and [c["actor"] for c in incident["claimants"]] == ["Houthis"]
    assert incident["status"] == "corroborated" and incident["grade"] == "confirmed"
    assert _uncorroborated(alerts) == []
    alerts, incidents = replay(capsys, tmp_path / "other", [
        rec("https://paper.example/rss", "i1", "2024-03-09T06:00:00+00:00",
            "The Islamic Resistance in Iraq claimed a drone attack on Eilat on Saturday."),
        rec("https://wire.example/rss", "c1", "2024-03-09T20:00:00+00:00", DOWNED_AT_SEA),
    ], until="+72h")
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Islamic Resistance in Iraq"]


def test_missiles_downed_on_their_way_are_placed_where_they_were_sent(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"A destroyer shot down missiles fired toward Israel": a state's interception is its report of
    the launcher's attack, placed at the target, not at the Iraqi bases another sentence names."""
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "b1", "2024-03-09T05:00:00+00:00",
            "US downs missiles fired from Yemen\nThe Pentagon said drone attacks on US bases in Iraq have increased, "
            "while a US destroyer shot down three cruise missiles launched by the Houthis toward Israel."),
    ], until="+72h")
    assert incident["place"] == "Israel"
    assert incident["claimants"] == [] and _uncorroborated(alerts) == []


EMBASSY_REPORT = rec("https://wire.example/rss", "r1", "2024-03-08T06:00:00+00:00",
                     "Rockets struck near the US embassy in Baghdad early on Friday, security sources said.")
FRIDAY_CLAIM = rec("https://wire.example/rss", "k1", "2024-03-09T20:00:00+00:00",
                   "Kataib Hezbollah claimed Friday's attacks on US interests, a security official from the group said.")


def test_a_claim_of_a_day_s_attacks_with_no_place_joins_the_one_event_of_that_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Kataib Hezbollah claimed Friday's attacks on US interests": on a day the stream reports one
    attack (or one besides an ambush blamed on another group), the claim is that attack's, not an
    orphan; on a day of two, it names neither."""
    for case in ("one", "blamed", "two"):
        (tmp_path / case).mkdir()
    _, incidents = replay(capsys, tmp_path / "one", [EMBASSY_REPORT, FRIDAY_CLAIM], until="+72h")
    [embassy] = incidents
    assert [m["id"] for m in embassy["messages"]] == ["r1", "k1"]
    _, incidents = replay(capsys, tmp_path / "blamed", [
        EMBASSY_REPORT,
        rec("https://wire.example/rss", "b1", "2024-03-08T09:00:00+00:00",
            "The Syrian Observatory for Human Rights blamed the Islamic State for an ambush near Palmyra on Friday."),
        FRIDAY_CLAIM], until="+72h")
    embassy = next(i for i in incidents if i["place"] == "US Embassy Baghdad")
    assert [m["id"] for m in embassy["messages"]] == ["r1", "k1"]
    _, incidents = replay(capsys, tmp_path / "two", [
        EMBASSY_REPORT,
        rec("https://wire.example/rss", "r2", "2024-03-08T09:00:00+00:00",
            "A drone attack targeted Ain al-Asad air base on Friday, security sources said."),
        FRIDAY_CLAIM], until="+72h")
    assert sorted(len(i["messages"]) for i in incidents) == [1, 1, 1]


def test_strikes_in_eastern_syria_are_one_event_and_not_the_attack_they_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"US strikes two sites in eastern Syria in retaliation" after "a US base at Kharab al-Jir was
    attacked": eastern Syria holds both Abu Kamal and the base, but a strike in response is not
    the attack it answers; the later report of the strike near Abu Kamal is the same strike."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "a1", "2024-03-07T16:00:00+00:00",
            "On Thursday, a US base at Kharab al-Jir in Syria was attacked for the second time in two days."),
        rec("https://wire.example/rss", "s1", "2024-03-08T02:00:00+00:00",
            "US strikes two sites in Syria\nThe US military launched airstrikes early Friday on two facilities in "
            "eastern Syria used by Iran's Revolutionary Guard, the Pentagon said, in retaliation for attacks on US "
            "forces."),
        rec("https://tv.example/rss", "s2", "2024-03-08T05:00:00+00:00",
            "US airstrikes hit a weapons depot near Abu Kamal early on Friday, a war monitor said."),
    ], until="+72h")
    attack = next(i for i in incidents if i["place"] == "Kharab al-Jir")
    assert [m["id"] for m in attack["messages"]] == ["a1"]
    [strike] = [i for i in incidents if i is not attack]
    assert [m["id"] for m in strike["messages"]] == ["s1", "s2"]
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]
    assert alerts == []


def test_a_strike_after_troops_were_wounded_is_not_placed_where_they_were(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Biden ordered airstrikes after three US service members were injured in a drone attack in
    northern Iraq" and, under a headline already saying "in retaliation", "after a drone attack
    ... in Erbil": northern Iraq and Erbil are where the attack was, so the strike stays in Iraq.
    The report naming no other place than the attack's is still the US strike of that night (its
    striker finds it), not nothing."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "r1", "2024-03-04T20:00:00+00:00",
            "Kataib Hezbollah claimed a drone attack on Erbil air base on Monday that wounded three US service members."),
        rec("https://wire.example/rss", "s1", "2024-03-05T02:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in Iraq "
            "used by Kataib Hezbollah, the White House said."),
        rec("https://mag.example/rss", "s2", "2024-03-05T09:00:00+00:00",
            "Biden orders strikes on militias\nPresident Biden ordered airstrikes against Iran-backed militia groups "
            "after three US service members were injured in a drone attack in northern Iraq."),
        rec("https://post.example/rss", "s3", "2024-03-05T10:00:00+00:00",
            "US hits militias in Iraq in retaliation for attacks\nPresident Biden ordered the strikes after a drone "
            "attack by Kataib Hezbollah injured three service members in Erbil, US officials said."),
    ], until="+72h")
    attack = next(i for i in incidents if i["place"] == "Erbil Air Base")
    assert [c["actor"] for c in attack["claimants"]] == ["Kataib Hezbollah"]
    [strike] = [i for i in incidents if i is not attack]
    assert strike["place"] == "Iraq" and [c["actor"] for c in strike["claimants"]] == ["United States"]
    assert [m["id"] for m in strike["messages"]] == ["s1", "s2", "s3"]


def test_drones_shot_down_at_sea_before_the_launcher_claims_meet_its_claim_all_the_same(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CENTCOM's word that it downed a dozen drones over the Red Sea often comes before the Houthis
    claim their attack on Eilat: the claim joins the interception's incident, which moves to the
    city the drones were sent at, and is corroborated; another group's claim on Eilat is not."""
    (tmp_path / "houthis").mkdir()
    (tmp_path / "other").mkdir()
    alerts, incidents = replay(capsys, tmp_path / "houthis", [
        rec("https://wire.example/rss", "c1", "2024-03-09T05:00:00+00:00", DOWNED_AT_SEA),
        rec("https://paper.example/rss", "h1", "2024-03-09T09:00:00+00:00", EILAT_CLAIM),
    ], until="+72h")
    [incident] = incidents
    assert [(m["id"], m["role"]) for m in incident["messages"]] == [("c1", "report"), ("c1", "attribution"),
                                                                      ("h1", "claim")]
    assert incident["place"] == "Eilat" and [c["actor"] for c in incident["claimants"]] == ["Houthis"]
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []
    alerts, incidents = replay(capsys, tmp_path / "other", [
        rec("https://wire.example/rss", "c1", "2024-03-09T05:00:00+00:00", DOWNED_AT_SEA),
        rec("https://paper.example/rss", "i1", "2024-03-09T09:00:00+00:00",
            "The Islamic Resistance in Iraq claimed a drone attack on Eilat on Saturday."),
    ], until="+72h")
    assert len(incidents) == 2
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Islamic Resistance in Iraq"]


def test_a_blame_for_missiles_told_in_the_body_does_not_open_an_incident_at_the_headline_s_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A post headed "US bases hit by drones in Syria" whose body is about missiles from Yemen
    downed in the Red Sea, with "an official says the missiles were launched by the Houthis": the
    blame is of the missiles, placed at sea, so a later claim of a drone attack on a US base in
    Syria joins the drone attack on the garrison at al-Tanf instead of an incident in "Syria"."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "r1", "2024-03-13T18:00:00+00:00",
            "Drones target US troops at al-Tanf\nTwo drones were shot down near the al-Tanf garrison in Syria on "
            "Wednesday, with minor injuries to coalition forces."),
        rec("https://blog.example/rss", "b1", "2024-03-14T20:00:00+00:00",
            "US bases hit by drones in Syria as tensions climb\nA US Navy destroyer in the Red Sea intercepted several "
            "missiles launched from Yemen. A US official says the missiles were launched by the Houthis."),
        rec("https://paper.example/rss", "c1", "2024-03-17T12:00:00+00:00",
            "The Islamic Resistance in Iraq claimed a drone attack on a US base in Syria."),
    ], until="+72h")
    tanf = next(i for i in incidents if i["place"] == "Al-Tanf Garrison")
    assert [m["id"] for m in tanf["messages"]] == ["r1", "c1"]
    assert [c["actor"] for c in tanf["claimants"]] == ["Islamic Resistance in Iraq"]
    [sea] = [i for i in incidents if i is not tanf]
    assert sea["place"] == "Red Sea" and [m["id"] for m in sea["messages"]] == ["b1"]
    assert _uncorroborated(alerts) == []


def test_reports_of_one_strike_meet_where_they_say_it_was_not_where_its_words_point(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three outlets' reports of one US strike, none with a speaker: "Iran-linked sites in
    Syria" is in Syria, not in Iran; a photo caption's "in Oslo" is not where either. All three
    are the strike the Pentagon announced."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-04-10T02:00:00+00:00",
            "US strikes two sites in eastern Syria\nUS fighter jets struck two facilities near Mayadin used by "
            "Iran's Revolutionary Guard, the Pentagon said."),
        rec("https://paper.example/rss", "r1", "2024-04-10T05:00:00+00:00",
            "US strikes Iran-linked sites in Syria after attacks on American troops"),
        rec("https://daily.example/rss", "r2", "2024-04-10T06:00:00+00:00",
            "US, Citing Attacks on Its Troops, Conducts New Strikes in Eastern Syria\n"
            "The defence secretary at a news conference in Oslo on March 3, 2024. (Per Olsen/AFP via Getty Images)"),
    ], until="+72h")
    [strike] = incidents
    assert [m["id"] for m in strike["messages"]] == ["s1", "r1", "r2"]
    assert alerts == []


def test_a_foiled_plot_or_a_threat_opens_no_incident_but_a_thwarted_drone_attack_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reports of an attack that did not happen (a plot foiled by the police, a militia's threat, a
    lull in attacks) are no event; a drone attack thwarted by air defences happened."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-05-02T09:00:00+00:00",
            "Terror attack on a synagogue in Lyon foiled by police\nA man who allegedly plotted an attack on the "
            "synagogue was arrested, prosecutors said."),
        rec("https://paper.example/rss", "p2", "2024-05-02T10:00:00+00:00",
            "Militia threatens new attacks on US bases\nThe faction threatened to launch drone strikes against "
            "American troops at Ain al-Asad."),
        rec("https://paper.example/rss", "p3", "2024-05-02T11:00:00+00:00",
            "Houthis slow down their attacks on ships in the Red Sea\nThe militia slowed down its attacks on "
            "commercial ships in the Red Sea over the past day."),
        rec("https://wire.example/rss", "w1", "2024-05-02T12:00:00+00:00",
            "US troops thwart drone attack\nThe US military thwarted a drone attack on its troops at Harir air base "
            "on Thursday, officials said."),
    ])
    assert [[m["id"] for m in i["messages"]] for i in incidents] == [["w1"]]
    assert alerts == []


def test_a_report_of_a_state_s_strike_joins_that_state_s_strike_not_another_s(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Israel's jets and US jets both strike in eastern Syria within a day. The Pentagon's strike
    near Mayadin is not Israel's, and the outlets' reports of "US air strikes in Syria" (one naming
    a US drone lost off Yemen in passing) are the US strike: the striker's side says which event
    a country-level report of a strike is, not the country or a weapon named in passing."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "i1", "2024-04-14T02:00:00+00:00",
            "Israeli jets strike sites in Syria\nIsraeli fighter jets struck military infrastructure in eastern Syria "
            "overnight in response to rocket fire, the army said."),
        rec("https://paper.example/rss", "s1", "2024-04-14T23:00:00+00:00",
            "US strikes Iran-linked sites in eastern Syria\nThe United States carried out airstrikes on two facilities "
            "near Mayadin used by Iran's Revolutionary Guard on Sunday, Defense Secretary Lloyd Austin said."),
        rec("https://daily.example/rss", "r1", "2024-04-14T23:30:00+00:00",
            "US carries out two air strikes against Iran-aligned groups in Syria"),
        rec("https://post.example/rss", "r2", "2024-04-15T01:00:00+00:00",
            "U.S. strikes Iranian site in Syria amid attacks on troops\nThe announcement came as a US MQ-9 Reaper "
            "drone was shot down off the coast of Yemen."),
    ], until="+72h")
    israel = next(i for i in incidents if [c["actor"] for c in i["claimants"]] == ["Israel"])
    assert [m["id"] for m in israel["messages"]] == ["i1"]
    [us] = [i for i in incidents if i is not israel]
    assert [m["id"] for m in us["messages"]] == ["s1", "r1", "r2"]
    assert [c["actor"] for c in us["claimants"]] == ["United States"]
    assert alerts == []


def test_a_state_s_strike_placed_by_the_sponsor_s_or_the_attacks_country_is_its_strike_elsewhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Pentagon's strike near Mayadin, then an outlet's "US hits Syrian arms depot used by Iran"
    (read at Iran) and a paper's US strike read at Gaza from "as Israeli troops push into Gaza":
    each message also names Syria, where the US strike of that day is, so both are that
    strike. A US strike on Yemen the same day names no place of it and stays its own event."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-04-14T23:00:00+00:00",
            "US strikes two sites in eastern Syria\nUS fighter jets struck two facilities near Mayadin used by "
            "Iran's Revolutionary Guard on Sunday, the Pentagon said."),
        rec("https://daily.example/rss", "r1", "2024-04-15T01:00:00+00:00",
            "US hits Syrian arms depot used by Iran after attacks on its troops\nAmerican jets bombed a Syrian "
            "ammunition depot on Sunday in response to attacks on US soldiers in Iraq and Syria."),
        rec("https://paper.example/rss", "c1", "2024-04-15T03:00:00+00:00",
            "U.S. strikes Syrian militias as Israeli troops push into Gaza\nThe strikes were the first US response to "
            "a series of attacks on US personnel in Iraq and Syria by Iranian-backed militias, the Pentagon said."),
        rec("https://post.example/rss", "y1", "2024-04-15T04:00:00+00:00",
            "US strikes Houthi radar sites in Yemen\nUS warplanes struck three Houthi radar sites in Yemen on Monday, "
            "the Pentagon said."),
    ], until="+72h")
    syria = next(i for i in incidents if any(m["id"] == "s1" for m in i["messages"]))
    assert [m["id"] for m in syria["messages"] if m["role"] != "attribution"] == ["s1", "r1", "c1"]
    assert [c["actor"] for c in syria["claimants"]] == ["United States"]
    yemen = next(i for i in incidents if any(m["id"] == "y1" for m in i["messages"]))
    assert yemen is not syria and [m["id"] for m in yemen["messages"]] == ["y1"]
    assert alerts == []


def test_an_ambush_told_on_a_monitor_s_word_is_a_report_and_no_strike_joins_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Soldiers killed in an ambush by the Islamic State group, reports say" is the wire's report
    of the ambush on a war monitor's word, not the group's claim: no claim waits for
    corroboration. A US strike in the same region that evening is not the ambush, by its striker
    and its weapon; a feature on "strikes by militants on US bases" is no US strike."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "a1", "2024-05-08T09:00:00+00:00",
            "18 soldiers killed in desert ambush by Islamic State group in eastern Syria, reports say\nGunmen of the "
            "Islamic State group ambushed an army convoy overnight in eastern Syria, killing 18 soldiers, a war "
            "monitor said."),
        rec("https://paper.example/rss", "s1", "2024-05-08T22:00:00+00:00",
            "US strikes Iran-linked depot\nDrone and rocket attacks on US forces have gone on for weeks, prompting "
            "retaliatory airstrikes in eastern Syria on Wednesday."),
        rec("https://mag.example/rss", "f1", "2024-05-08T23:00:00+00:00",
            "Strikes by militants on US bases in Syria raise fears of escalation\nMilitias have continued to strike "
            "US bases in Syria in recent weeks."),
    ], until="+72h")
    ambush = next(i for i in incidents if any(m["id"] == "a1" for m in i["messages"]))
    assert [m["id"] for m in ambush["messages"]] == ["a1"] and ambush["claimants"] == []
    strike = next(i for i in incidents if any(m["id"] == "s1" for m in i["messages"]))
    assert strike is not ambush and strike["place"] == "eastern Syria"  # "retaliatory airstrikes in eastern Syria"
    assert not any(m["subject"] == "United States" for i in incidents for m in i["messages"] if m["id"] == "f1")
    assert alerts == []


def test_a_claim_the_attacked_state_says_it_thwarted_is_corroborated_in_the_same_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"The Houthis say they fired missiles and drones toward Eilat || The Israeli military said it had
    thwarted a salvo of aerial threats": the attacked side's word that it stopped the attack is its
    report of it, so the claim does not wait for corroboration."""
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "h1", "2024-05-10T21:00:00+00:00",
            "Yemen's Houthis Say They Fired Missiles and Drones Toward Eilat\nThe Israeli military said it had thwarted "
            "a salvo of aerial threats over the Red Sea but did not say where they came from."),
    ], until="+72h")
    assert [(m["id"], m["role"]) for m in incident["messages"]] == [("h1", "claim"), ("h1", "report")]
    assert incident["status"] == "corroborated"
    assert _uncorroborated(alerts) == []



def test_a_state_s_later_word_on_its_strike_naming_no_new_place_or_date_joins_that_strike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two days after its strikes a president explains them ("the strike in Iraq was meant to
    deter ..."), naming no new place, date or weapon: that is the strike of the last days, not a
    new one (a group claiming one place again 36 h later is another attack; a state's own word
    on its strike is not)."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-05T03:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in Iraq "
            "used by Kataib Hezbollah on Monday, the White House said."),
        rec("https://mag.example/rss", "s2", "2024-03-06T18:00:00+00:00",
            "President Joe Biden said the US military hit targets in Iraq to keep militias from striking "
            "American personnel again.", title="Biden Says Iraq Raid Was Meant to Stop Attacks on US Troops"),
    ], until="+72h")
    [strike] = incidents
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]
    assert [m["id"] for m in strike["messages"]][:2] == ["s1", "s2"]


def test_a_state_s_blame_in_its_strike_s_story_is_not_about_another_state_s_strike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Turkey strikes in northern Iraq; two days later a story of US strikes "in retaliation"
    carries the Pentagon's blame of Iran-backed militias for a drone attack in northern Iraq. The
    blame is of the attack the US answers, not of Turkey's strike there (a state's strike and a
    group's attack are two events)."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "t1", "2024-03-02T16:00:00+00:00",
            "Turkish jets hit Kurdish militant targets in northern Iraq\nTurkish warplanes struck PKK targets in "
            "northern Iraq on Saturday, the Turkish defence ministry said."),
        rec("https://paper.example/rss", "u1", "2024-03-04T20:00:00+00:00",
            "US strikes militia sites in retaliation for attack on troops\nThe Pentagon blamed Iran-backed militias "
            "for a drone attack in northern Iraq that wounded three American service members."),
    ], until="+72h")
    turkish = next(i for i in incidents if any(c["actor"] == "Turkey" for c in i["claimants"]))
    assert [m["id"] for m in turkish["messages"]] == ["t1"]


def test_a_placed_claim_joins_the_placed_event_and_brings_its_placeless_twin_along(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A police report places a church bombing at its city; a first claim names no place (a bare
    headline), a later one only the country. The country-level claim joins the city's event rather
    than the placeless claim's incident, which merges into it: one event, corroborated, no alert."""
    alerts, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-07-07T03:00:00+00:00",
            "Four killed in blast at church service in Marawi\nA bomb exploded during a Sunday service at a "
            "university hall in Marawi, killing four people, police said."),
        rec("https://wire.example/rss", "c1", "2024-07-07T17:00:00+00:00",
            "Islamic State claims responsibility for deadly church bombing"),
        rec("https://daily.example/rss", "c2", "2024-07-07T20:00:00+00:00",
            "Islamic State claims church bombing\nIslamic State militants claimed responsibility for the bombing "
            "of a church service in the Philippines on Sunday that killed four people."),
    ], until="+72h")
    [incident] = incidents
    assert sorted(m["id"] for m in incident["messages"]) == ["c1", "c2", "p1"]
    assert incident["place"] == "Marawi" and incident["status"] == "corroborated"
    assert [a for a in alerts if a["kind"] == "uncorroborated_claim"] == []



def test_a_toll_the_strikes_claimed_is_no_claim_but_a_report_of_the_strike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """US strikes in Iraq; hours later a paper tells that they "claimed at least two lives": a
    toll, not anybody's claim of an attack (neither Iraq's nor the militias'), so the story is a
    report of the US strike and joins it, with no claimant but the United States."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-05T03:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in Iraq "
            "used by Kataib Hezbollah on Monday, the White House said."),
        rec("https://daily.example/rss", "r1", "2024-03-05T20:00:00+00:00",
            "US air strikes targeting pro-Iranian militias south of Baghdad claimed at least two lives on Tuesday.",
            title="Deadly US raids in Iraq"),
    ], until="+72h")
    [strike] = incidents
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]
    assert [(m["id"], m["role"]) for m in strike["messages"]][:2] == [("s1", "claim"), ("r1", "report")]


def test_a_state_s_later_word_naming_the_country_joins_its_strike_placed_at_a_city(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """US strikes in Iraq, which a report then places at a city (Baghdad); the president's word
    two days on names only Iraq: that country holds the strike's city, so it is still that strike
    (a state's later word on its own strike), not a new one."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-05T03:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in Iraq "
            "used by Kataib Hezbollah on Monday, the White House said."),
        rec("https://daily.example/rss", "r1", "2024-03-05T09:00:00+00:00",
            "One of the US strikes hit a militia headquarters in Baghdad, residents said.",
            title="US strikes hit Baghdad"),
        rec("https://mag.example/rss", "s2", "2024-03-06T18:00:00+00:00",
            "President Joe Biden said the US military hit targets in Iraq to keep militias from striking "
            "American personnel again.", title="Biden Says Iraq Raid Was Meant to Stop Attacks on US Troops"),
    ], until="+72h")
    [strike] = incidents
    assert strike["place"] == "Baghdad"
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]
    assert [m["id"] for m in strike["messages"]][:3] == ["s1", "r1", "s2"]


def test_footage_of_a_strike_dated_in_wire_style_joins_that_strike_not_the_next(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A paper tells the US strike in eastern Syria after the drone attacks it answers (its first
    weapon is the attackers' drone: the strike is still from the air); four days later the US
    strikes again there. A video report on the fifth day dates the strike it shows "on Mar. 4",
    wire style: it is the first strike (an airstrike by the US), not the second."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "a1", "2024-03-04T22:00:00+00:00",
            "Drone and rocket attacks on American troops have gone on for weeks, prompting another round of "
            "retaliatory airstrikes in eastern Syria.", title="US Strikes Iran-Linked Depot in Syria"),
        rec("https://wire.example/rss", "b1", "2024-03-08T21:00:00+00:00",
            "The United States conducted airstrikes on two sites in eastern Syria on Sunday, the Pentagon said.",
            title="US carries out new air strikes in eastern Syria"),
        rec("https://tv.example/rss", "v1", "2024-03-09T12:00:00+00:00",
            "The Defense Department released video of a reported airstrike on a weapons depot in Syria on Mar. 4.",
            title="Military video shows airstrike on a weapons depot in Syria"),
    ], until="+72h")
    first = next(i for i in incidents if "a1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in first["messages"]] == ["a1", "v1"]
    assert first["weapon"] == "airstrike"


def test_a_state_s_footage_of_its_recent_strikes_joins_them_and_a_new_strike_does_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Pentagon announces strikes near Abu Kamal; two and a half days later it releases
    footage of its recent airstrikes in Syria: a later word on those strikes, though it names
    the weapon (a state's second claim of a place 36 h on would be a new strike). A new round of
    airstrikes announced the same way stays a strike of its own."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-03T22:00:00+00:00",
            "The United States carried out airstrikes on two sites near Abu Kamal in eastern Syria, "
            "the Pentagon said.", title="US strikes Iran-linked sites in eastern Syria"),
        rec("https://daily.example/rss", "f1", "2024-03-06T08:00:00+00:00",
            "The Department of Defense released footage this week of recent airstrikes it carried out on sites in "
            "Syria used by Iran's proxies.", title="WATCH: US releases footage of strikes on Iranian targets in Syria"),
        rec("https://paper.example/rss", "n1", "2024-03-06T09:00:00+00:00",
            "The Pentagon said US jets carried out new airstrikes on a depot in Syria used by Iran's proxies.",
            title="US launches new airstrikes in Syria"),
    ], until="+72h")
    first = next(i for i in incidents if "s1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in first["messages"]] == ["s1", "f1"]
    assert any([m["id"] for m in i["messages"]] == ["n1"] for i in incidents)


def test_a_report_s_place_is_not_that_of_the_event_it_follows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Drones attack Ain al-Asad; the next morning a paper tells the attacks on US bases in Iraq
    "as tensions rise following a deadly explosion near a hospital in Gaza City": Gaza is where the event
    it follows happened, not where the drones struck, so the report joins the attack in Iraq (a
    toll "killed following an air strike" is still of the strike itself)."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "a1", "2024-03-04T20:00:00+00:00",
            "Two drones attacked Ain al-Asad air base in western Iraq on Monday, causing minor injuries to US troops.",
            title="Drones attack US troops at Ain al-Asad"),
        rec("https://news.example/rss", "r1", "2024-03-05T08:00:00+00:00",
            "US troops suffered minor injuries in drone attacks on bases in Iraq, as tensions rise following a "
            "deadly explosion near a hospital in Gaza City.", title="US downs drones aimed at its troops in Iraq as tensions soar"),
    ], until="+72h")
    [attack] = incidents
    assert [m["id"] for m in attack["messages"]] == ["a1", "r1"]
    assert attack["place"] == "Ain al-Asad Air Base"


def test_attacks_the_news_tells_after_a_strike_are_not_that_strike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The US strikes a depot in eastern Syria; the next day the news is new attacks on US troops
    "after Syria strike", "after latest US airstrikes" (the strike is background: no blame of Syria,
    no second claim of the strike), and a paper tells drones hitting a convoy in Iraq. None of them is
    the strike: a report of attacks on a state's forces is not that state's own strike."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-04T22:00:00+00:00",
            "The United States carried out an airstrike on a weapons depot near Abu Kamal in eastern Syria, the "
            "Pentagon said.", title="US strikes Iran-linked depot in eastern Syria"),
        rec("https://daily.example/rss", "e1", "2024-03-06T01:00:00+00:00", "",
            title="Pentagon reports three new attacks on American troops in the region after Syria strike"),
        rec("https://paper.example/rss", "a1", "2024-03-06T08:00:00+00:00",
            "Drones and explosives targeted a convoy and two air bases.", title="US troops face more attacks in Iraq"),
        rec("https://blog.example/rss", "g1", "2024-03-06T11:00:00+00:00",
            "The overnight Pentagon airstrikes on militia targets in eastern Syria have already been met with "
            "retaliation attacks. American troops were hit three times by Iran-backed groups, officials said.",
            title="Pentagon confirms fresh attacks on bases in Syria and Iraq after latest US airstrikes"),
    ], until="+72h")
    strike = next(i for i in incidents if "s1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in strike["messages"]] == ["s1"]
    assert not any(c["actor"] == "Syria" for i in incidents for c in i["claimants"])


def test_a_report_placed_only_in_the_middle_east_is_no_raid_in_jenin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"New attacks on US troops in the Middle East" says nothing of where: it does not join an
    Israeli raid in Jenin a few hours before for lying in the same region."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "j1", "2024-03-05T20:00:00+00:00",
            "The Israeli army said its forces killed two gunmen during a raid in Jenin."),
        rec("https://daily.example/rss", "e1", "2024-03-06T01:00:00+00:00",
            "The Pentagon said there had been four new attacks on American troops in the Middle East.",
            title="Pentagon reports new attacks on US troops in the Middle East"),
    ], until="+72h")
    raid = next(i for i in incidents if "j1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in raid["messages"]] == ["j1"]


def test_a_blame_of_attacks_across_two_countries_is_no_one_attack_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Drones hit a base in Iraq; two days later the US strikes sites in Syria, "after a series of
    attacks on US bases in Iraq and Syria by Iranian-backed militias": that blame (and a claim placed
    only by "troops in Iraq, Syria") tells many attacks, not the one in Iraq, so neither joins it."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "a1", "2024-03-04T20:00:00+00:00",
            "Drones attacked a base housing US troops in Iraq on Monday, causing minor injuries.",
            title="Drone attack injures US troops in Iraq"),
        rec("https://wire.example/rss", "s1", "2024-03-06T23:00:00+00:00",
            "It follows a series of recent attacks on US bases in Iraq and Syria by Iranian-backed militias, "
            "officials say.", title="US strikes Syria sites used by Iran-linked groups"),
        rec("https://tv.example/rss", "s2", "2024-03-06T23:30:00+00:00",
            "US aircraft carried out strikes in Syria on sites used by the groups, the military said.",
            title="US strikes back at Iran-backed groups who attacked troops in Iraq, Syria: Pentagon"),
    ], until="+72h")
    attack = next(i for i in incidents if "a1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in attack["messages"]] == ["a1"]


def test_a_story_whose_headline_tells_no_attack_opens_no_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A feature whose news is a debate or a warrant ("Parliament weighs the future of troops in
    Syria", "Court issues warrant for militia commander") names attacks only as its background:
    the outlet's report read from it opens no incident. A story whose headline is the attack
    ("Drone attack on base in eastern Syria") opens one."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://mag.example/rss", "f1", "2024-05-02T08:00:00+00:00",
            "Lawmakers debated the deployment after a year of drone and rocket attacks on bases in Syria by "
            "Iran-backed militias.", title="Parliament weighs the future of troops in Syria"),
        rec("https://paper.example/rss", "f2", "2024-05-02T09:00:00+00:00",
            "The commander is accused over rocket attacks on a base in Iraq in 2019.",
            title="Court issues warrant for militia commander"),
        rec("https://wire.example/rss", "a1", "2024-05-03T09:00:00+00:00",
            "A drone struck a base housing US troops in eastern Syria on Friday, causing no casualties.",
            title="Drone attack on base in eastern Syria"),
    ], until="+72h")
    assert [[m["id"] for m in i["messages"]] for i in incidents] == [["a1"]]


def test_a_statement_telling_no_deed_opens_no_incident(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A blame read from "hopes are pinned on the reopening of the Rafah crossing to let fuel into
    Gaza from Egypt" names no weapon, target, dead, day or deed: it opens no incident. A blame of a
    rocket attack at a place still does."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "o1", "2024-05-02T08:00:00+00:00",
            "All hopes are pinned on the reopening of the Rafah crossing to let fuel into Gaza from Egypt.",
            title="Aid agencies plead for a ceasefire"),
        rec("https://wire.example/rss", "b1", "2024-05-02T10:00:00+00:00",
            "Israel blamed Hamas for the rocket attack on Sderot on Thursday.",
            title="Israel blames Hamas for rocket attack on Sderot"),
    ], until="+72h")
    assert [[m["id"] for m in i["messages"]] for i in incidents] == [["b1"]]


def test_a_blame_in_a_story_whose_news_is_a_wish_opens_no_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Senator calls for strikes on Iran", blaming Tehran for the rocket attacks on US troops in
    Iraq: the story's news is a wish, its blame is of attacks in general, and it opens no incident
    of its own. The same blame under a headline telling the attack ("Rockets hit base housing US
    troops in Iraq") opens one."""
    blame = "The senator blamed Tehran for the rocket attacks on US troops in Iraq and the harassment of ships."
    _, incidents = replay(capsys, tmp_path, [
        rec("https://tv.example/rss", "w1", "2024-05-02T08:00:00+00:00", blame, title="Senator calls for strikes on Iran"),
    ])
    assert incidents == []
    (tmp_path / "news").mkdir()
    _, incidents = replay(capsys, tmp_path / "news", [
        rec("https://tv.example/rss", "n1", "2024-05-02T08:00:00+00:00", blame,
            title="Rockets hit base housing US troops in Iraq"),
    ])
    assert [{m["id"] for m in i["messages"]} for i in incidents] == [{"n1"}]


def test_a_claim_in_a_headline_whose_news_is_a_record_opens_no_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Ukrainian sniper claims world record for picking off a Russian soldier with a rifle": the
    headline's news is a record, not an attack (no deed in it), so its claim opens no incident. The
    same words posted without a headline (a channel's post) are the claim itself and open one."""
    claim = "Ukrainian sniper claims world record for picking off a Russian soldier with a rifle from 2 miles away"
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "r1", "2024-05-02T08:00:00+00:00",
            "The shot beat the earlier record by a few hundred metres.", title=claim),
    ])
    assert incidents == []
    (tmp_path / "post").mkdir()
    _, incidents = replay(capsys, tmp_path / "post", [rec("t.me/channel", "p1", "2024-05-02T08:00:00+00:00", claim)])
    assert [{m["id"] for m in i["messages"]} for i in incidents] == [{"p1"}]


def test_a_headline_counting_attacks_since_a_day_opens_no_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Pentagon counts 40 attacks on US forces in Iraq since October": a tally of many attacks, none
    of them the news; the outlet's report of it opens no incident."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "t1", "2024-05-02T08:00:00+00:00",
            "Drones and rockets have struck bases housing US troops in Iraq dozens of times in recent weeks.",
            title="Pentagon counts 40 attacks on US forces in Iraq since October"),
    ])
    assert incidents == []


@pytest.mark.parametrize("text", [
    "تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش في ريف حمص.",  # no weapon, no target word, no day
    "IS fighters take control of the Shattat block in Yarmouk Camp in southern Damascus.",  # a capture
])
def test_a_channels_claim_without_a_weapon_or_an_english_deed_word_still_opens_an_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    # a post has no headline: the claim is its news, in any language, whatever words it uses
    alerts, incidents = replay(capsys, tmp_path, [rec("t.me/amaq_relay", "1", "2024-03-04T10:00:00+00:00", text)])
    assert len(incidents) == 1 and [m["id"] for m in incidents[0]["messages"]] == ["1"]
    assert [a["kind"] for a in alerts] == ["uncorroborated_claim"]


@pytest.mark.parametrize(("title", "text"), [
    ("Irak : une base abritant des soldats américains visée par des drones",
     "La Résistance islamique en Irak a revendiqué une attaque de drones contre la base d'Aïn al-Asad."),
    ("استهداف قاعدة عين الأسد بطائرات مسيرة",
     "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد بطائرة مسيرة."),
])
def test_a_news_item_headed_in_another_language_still_opens_its_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str, text: str) -> None:
    # the words that tell a headline's news is an attack are English: another language's headline is
    # not read as "no attack in the news"
    _, incidents = replay(capsys, tmp_path, [
        rec("https://journal.example/rss", "f1", "2024-03-04T10:00:00+00:00", text, title=title)])
    assert len(incidents) == 1 and [m["id"] for m in incidents[0]["messages"]] == ["f1"]


STRIKE_ON_CAR = ("A drone strike hit a car carrying militia fighters near Abu Ghraib, west of Baghdad, on Tuesday, "
                 "killing one of the men inside, security sources said.")
SELF_DEFENCE = ("US forces struck militants in Iraq in self-defence after an attack on an air base, US officials "
                "said.")


def test_a_drone_strike_on_a_pro_iran_group_is_no_strike_of_iran(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"A drone strike hit a car of a pro-Iran group": the group is for Iran, Iran is not the doer.
    The report names no striker (before, Iran's own strike, which no US claim could join)."""
    _, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "d1", "2024-03-05T08:00:00+00:00",
            STRIKE_ON_CAR.replace("militia fighters", "members of a pro-Iran group"),
            title="Drone strike on pro-Iran group in Iraq kills one"),
    ])
    assert [m["subject"] for m in incident["messages"]] == [None]


def test_a_state_s_strike_joins_the_unclaimed_drone_strike_its_targets_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Security sources tell a drone strike on a militia car near a town; hours later the US says it
    struck militants in Iraq in self-defence: the strike no one claimed, on no one's forces and at no
    base, is the one the US announces (a gunship or a drone, it is a strike from the air). An
    unclaimed drone attack on troops at a base stays an attack, which no state's strike joins."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://base.example/rss", "b1", "2024-03-05T06:00:00+00:00",
            "A drone attacked US troops at Harir air base on Tuesday, causing no injuries.",
            title="Drone attack on Harir air base"),
        rec("https://wire.example/rss", "d1", "2024-03-05T08:00:00+00:00", STRIKE_ON_CAR,
            title="Drone strike hits militia car near Abu Ghraib"),
        rec("https://wire.example/rss", "s1", "2024-03-05T16:00:00+00:00", SELF_DEFENCE,
            title="US says it struck militants in Iraq in self-defence"),
    ])
    assert sorted([m["id"] for m in i["messages"]] for i in incidents) == [["b1"], ["d1", "s1"]]
    strike = next(i for i in incidents if i["place"] == "Abu Ghraib")
    assert [c["actor"] for c in strike["claimants"]] == ["United States"]


def test_a_report_of_a_response_airstrike_naming_no_striker_joins_the_state_s_strike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After the drone strike on the militia car and the US word that it struck in self-defence, a
    paper headlines "AC-130 gunship carries out response airstrike after missile attack on US
    troops in Iraq" under a photo caption: no striker named, an airstrike where the others said a
    drone; it is the same state's strike from the air, not a strike of its own."""
    _, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "d1", "2024-03-05T08:00:00+00:00", STRIKE_ON_CAR,
            title="Drone strike hits militia car near Abu Ghraib"),
        rec("https://wire.example/rss", "s1", "2024-03-05T16:00:00+00:00", SELF_DEFENCE,
            title="US says it struck militants in Iraq in self-defence"),
        rec("https://paper.example/rss", "p1", "2024-03-05T20:00:00+00:00",
            "An AC-130 gunship in a photo released by the Air Force.",
            title="AC-130 gunship carries out response airstrike after missile attack on US troops in Iraq"),
    ])
    assert [m["id"] for m in incident["messages"]] == ["d1", "s1", "p1"]


GUNSHIP_STORY = ("The US sent an AC-130 gunship over Iraq in response to fresh attacks by Iran-backed militia "
                 "fighters who attacked an air base west of Baghdad housing US troops. The attack happened on "
                 "Monday night, the Pentagon said. Ain al-Asad air base was hit by a close-range ballistic "
                 "missile that injured eight people.")


def test_the_attack_a_strike_story_answers_joins_that_attack_and_opens_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A story whose headline's news is a state's strike ("US sends AC-130 gunship to strike pro-Iran
    militants in Iraq") tells the attack it answers as its cause, with a blame and the base: those
    may join the attack's incident, never open one (before, the blame placed by "an air base west
    of Baghdad" opened an incident at Baghdad, beside the attack reported at Ain al-Asad)."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "a1", "2024-03-04T21:00:00+00:00",
            "A ballistic missile struck Ain al-Asad air base in western Iraq on Monday night, injuring eight US "
            "troops.", title="Missile attack on Ain al-Asad air base injures US troops"),
        rec("https://blog.example/rss", "g1", "2024-03-06T08:00:00+00:00", GUNSHIP_STORY,
            title="In first, US sends AC-130 gunship to strike pro-Iran militants in Iraq"),
    ], until="+72h")
    assert [i["place"] for i in incidents] == ["Ain al-Asad Air Base"]
    (tmp_path / "alone").mkdir()
    _, alone = replay(capsys, tmp_path / "alone", [
        rec("https://blog.example/rss", "g1", "2024-03-06T08:00:00+00:00", GUNSHIP_STORY,
            title="In first, US sends AC-130 gunship to strike pro-Iran militants in Iraq")], until="+72h")
    assert alone == []


def test_a_blame_of_the_striker_in_a_strike_story_still_opens_its_incident(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Iran accuses Israel of killing a top official in a missile strike in Syria", with Israel
    bracing for retaliation: the blame is of the headline's strike itself, not of an attack it
    answers, and opens its incident."""
    _, [incident] = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "i1", "2024-03-05T11:00:00+00:00",
            "The Iranian official was said to be involved in arming Hezbollah. Israeli officials said they were "
            "preparing for possible retaliation.",
            title="Iran accuses Israel of killing top official in missile strike in Syria"),
    ])
    assert [m["id"] for m in incident["messages"]] == ["i1"]


def test_a_follow_up_dated_by_the_day_it_was_said_joins_the_attack_of_the_day_it_tells(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rockets hit the US embassy in Baghdad early Friday; six days later "Iraq said Thursday it had
    arrested several of the attackers. The rockets were fired early Friday at the US embassy. The
    attack caused no casualties, and a US spokesman said Iran-aligned militias were behind it":
    Thursday is when Iraq spoke, Friday when the rockets flew, so the blame joins the Friday attack
    (before, it opened an incident of its own on Thursday)."""
    _, [incident] = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "e1", "2024-03-08T03:00:00+00:00",
            "Rockets hit the US embassy compound in Baghdad early Friday, causing minor damage, Iraqi security "
            "officials said.", title="Rockets hit US embassy in Baghdad"),
        rec("https://paper.example/rss", "f1", "2024-03-14T09:00:00+00:00",
            "Iraq said Thursday it had arrested several of the attackers. The rockets were fired early Friday at "
            "the US embassy. The attack caused no casualties, and a US spokesman said Iran-aligned militias were "
            "behind it.",
            title="Iraq arrests men who fired rockets at US embassy"),
    ], until="+72h")
    assert [m["id"] for m in incident["messages"]] == ["e1", "f1"]


SHIP_CLAIM = ("Yemen's Houthis say they hit a container ship with missiles in the Gulf of Aden\nThe Houthi military "
              "spokesman said the group fired two naval missiles at a vessel it said was bound for Israel.")


def test_a_shipping_line_s_word_that_its_ship_was_hit_corroborates_the_claim(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ship's operator is no party to the war: its word that a Houthi missile hit its ship, in an
    outlet that also relays the Houthi claim, is an independent report of the attack."""
    (tmp_path / "told").mkdir()
    (tmp_path / "alone").mkdir()
    alerts, [incident] = replay(capsys, tmp_path / "told", [
        rec("https://houthi-relay.example/rss", "c1", "2024-02-06T09:00:00+00:00", SHIP_CLAIM),
        rec("https://paper.example/rss", "p1", "2024-02-06T15:00:00+00:00",
            "Hapag-Lloyd says its ship was struck by a Houthi missile in the Gulf of Aden\nThe German shipping line "
            "said on Tuesday that no crew member was hurt."),
    ], until="+72h")
    assert [(m["id"], m["role"], m["speaker"]) for m in incident["messages"]] == [
        ("c1", "claim", "Houthis"), ("p1", "attribution", "Hapag-Lloyd")]
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []
    # the claim alone: nothing independent tells the attack
    alerts, [incident] = replay(capsys, tmp_path / "alone", [
        rec("https://houthi-relay.example/rss", "c1", "2024-02-06T09:00:00+00:00", SHIP_CLAIM),
    ], until="+72h")
    assert [a["actor"] for a in _uncorroborated(alerts)] == ["Houthis"]


def test_a_shipping_line_s_word_inside_the_article_relaying_the_claim_corroborates_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alerts, [incident] = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "p1", "2024-02-06T15:00:00+00:00",
            SHIP_CLAIM + " CMA CGM said one of its vessels was targeted by a Houthi missile in the Gulf of Aden but was "
            "not damaged."),
    ], until="+72h")
    assert {m["role"] for m in incident["messages"]} == {"claim", "attribution"}
    assert incident["status"] == "corroborated" and _uncorroborated(alerts) == []


def test_a_blame_in_the_story_of_a_strike_does_not_move_the_strike_to_the_attacked_base(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"The Pentagon blamed Kataib Hezbollah for the drone attack on Erbil air base that prompted
    the strikes": the blame is placed where the attack was; the US strike it answers stays in Iraq
    (it hit the group's sites elsewhere), not at the base it was launched to avenge."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "s1", "2024-03-05T02:00:00+00:00",
            "US strikes Kataib Hezbollah sites in Iraq\nThe United States carried out airstrikes on three sites in Iraq "
            "used by Kataib Hezbollah, the White House said."),
        rec("https://news.example/rss", "s2", "2024-03-05T22:00:00+00:00",
            "US airstrikes in Iraq after drone attack\nThe Pentagon blamed Kataib Hezbollah for the drone attack on "
            "Erbil air base that prompted the American airstrikes in Iraq, in retaliation for the attack."),
    ], until="+72h")
    strike = next(i for i in incidents if [c["actor"] for c in i["claimants"]] == ["United States"])
    assert strike["place"] == "Iraq"


def test_a_placeless_blame_a_day_after_a_state_s_strike_is_not_that_strike_on_the_actor_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gunship's strike near Abu Ghraib on Tuesday; on Wednesday afternoon "Iraq condemns US
    strikes that killed Iran-aligned fighters", with no place and no weapon: the US strikes many
    times, and the next wave came overnight. Naming the US alone a day on, it is not Tuesday's
    strike (a group's claim by its name alone is held to the same)."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "r1", "2024-03-05T08:00:00+00:00",
            "BAGHDAD: A drone strike hit a vehicle belonging to a pro-Iran group on the motorway through Abu Ghraib on "
            "Tuesday, killing one of its occupants, security sources said."),
        rec("https://wire.example/rss", "c1", "2024-03-05T16:00:00+00:00",
            "US forces struck militants in Iraq in self-defence after an attack on an airbase, US officials said"),
        rec("https://wire.example/rss", "a1", "2024-03-06T13:00:00+00:00",
            "Iraq condemns US strikes that killed Iran-aligned fighters"),
    ], until="+72h")
    first = next(i for i in incidents if "r1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in first["messages"]] == ["r1", "c1"]


def test_new_airstrikes_by_other_means_the_next_day_are_a_new_wave(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gunship's strike near Abu Ghraib on Tuesday, claimed by the US; on Wednesday evening "US
    forces conduct new airstrikes in Iraq in response to attacks on troops": the outlet tells a
    new wave, by jets, not the drone and gunship strike of the day before."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "r1", "2024-03-05T08:00:00+00:00",
            "BAGHDAD: A drone strike hit a vehicle belonging to a pro-Iran group on the motorway through Abu Ghraib on "
            "Tuesday, killing one of its occupants, security sources said."),
        rec("https://wire.example/rss", "c1", "2024-03-05T16:00:00+00:00",
            "US forces struck militants in Iraq in self-defence after an attack on an airbase, US officials said"),
        rec("https://paper.example/rss", "n1", "2024-03-06T19:30:00+00:00",
            "US Forces Conduct New Airstrikes in Iraq in Response to Attacks on Troops\nAn MQ-9 Reaper drone flies "
            "during a training mission in Nevada. (Photo agency)"),
    ], until="+72h")
    first = next(i for i in incidents if "r1" in [m["id"] for m in i["messages"]])
    assert "n1" not in [m["id"] for m in first["messages"]]
    assert any([m["id"] for m in i["messages"]] == ["n1"] for i in incidents)


def test_a_drone_shot_down_over_the_country_is_not_the_drone_attack_on_a_city_in_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A drone attack kills dozens at a military college in Homs; the same afternoon a US jet shoots
    down an armed Turkish drone "over Syria" that came near American troops. The downing names only
    the country and the weapon of the Homs attack: it is not that attack. Its reports, the one of the
    US shooting it down and the one of the drone nearing US troops, are one event, placed at
    Hasakah once a report names the town."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "h1", "2024-03-05T13:00:00+00:00",
            "Armed drones struck a graduation ceremony at a military college in Homs on Tuesday, killing dozens, "
            "Syrian state media reported.", title="Drone attack on military college in Homs kills dozens"),
        rec("https://news.example/rss", "t1", "2024-03-05T17:30:00+00:00",
            "A US F-16 shot down a Turkish drone carrying air-to-surface missiles that had been circling near US ground "
            "forces in northeast Syria.", title="US fighter jet shoots down armed Turkish drone over Syria"),
        rec("https://paper.example/rss", "t2", "2024-03-05T19:45:00+00:00",
            "American forces shot down a Turkish drone on Tuesday that came too close to US troops on the ground in "
            "Syria, officials said.", title="US shoots down Turkish drone after it came too close to troops in Syria"),
        rec("https://wire.example/rss", "t3", "2024-03-06T08:30:00+00:00",
            "A US warplane shot down a Turkish drone near Hasakah in northeast Syria on Tuesday, US officials said.",
            title="US shoots down Turkey's drone over Syria near Hasakah"),
    ], until="+72h")
    homs = next(i for i in incidents if i["place"] == "Homs")
    assert [m["id"] for m in homs["messages"]] == ["h1"]
    [downing] = [i for i in incidents if i is not homs]
    assert [m["id"] for m in downing["messages"]] == ["t1", "t2", "t3"] and downing["place"] == "Hasakah"


def test_a_strike_that_follows_a_bombing_in_a_city_is_not_placed_in_that_city(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A suicide bombing outside a ministry in Ankara; that night "Turkey carries out airstrikes on PKK
    targets in northern Iraq ... The raids, which follow a PKK suicide bombing in Ankara", and two
    days later more strikes "after a suicide attack in Ankara": Ankara is where the bombing the
    strikes answer happened, not where the jets struck. The strikes are in northern Iraq; the
    bombing is another incident, in Ankara."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "b1", "2024-03-03T09:00:00+00:00",
            "A suicide bomb attack outside the interior ministry in Ankara wounded two police officers on Sunday, "
            "officials said.", title="Suicide bomb attack hits interior ministry in Ankara"),
        rec("https://paper.example/rss", "s1", "2024-03-03T23:00:00+00:00",
            "The raids, which follow a PKK suicide bombing in Ankara, continue Turkey's campaign against the group in "
            "the Kurdish region of Iraq.", title="Turkey carries out airstrikes on PKK targets in northern Iraq"),
        rec("https://news.example/rss", "s2", "2024-03-05T20:00:00+00:00",
            "Turkish warplanes hit Kurdish positions for the second time in three days after a suicide attack in Ankara.",
            title="Turkey launches more strikes on PKK targets in northern Iraq"),
    ], until="+72h")
    ankara = next(i for i in incidents if i["place"] == "Ankara")
    assert [m["id"] for m in ankara["messages"]] == ["b1"]
    strikes = [i for i in incidents if i is not ankara]
    assert strikes and all(i["place"] == "northern Iraq" for i in strikes)


def test_strikes_in_answer_to_an_attack_on_a_state_s_soldiers_are_not_that_attack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Militants kill soldiers of a state in a region, reported by two outlets; the next day the
    state's ministry announces strikes on the group there "in retaliation": the attack (by the
    group, on the state's forces) and the strikes (the state's, claimed by it) are two events,
    though both are told in the same region within two days."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "a1", "2024-05-11T15:00:00+00:00",
            "Four Turkish soldiers killed in northern Iraq\nFour Turkish soldiers were killed and two wounded in an "
            "attack in northern Iraq on Saturday, the Defence Ministry said."),
        rec("https://tv.example/rss", "a2", "2024-05-11T19:00:00+00:00",
            "Attack kills four Turkish soldiers in northern Iraq\nFour Turkish soldiers died on Saturday when "
            "militants attacked their post in northern Iraq, the ministry said."),
        rec("https://wire.example/rss", "s1", "2024-05-12T18:00:00+00:00",
            "Turkey steps up airstrikes on Kurdish militants in northern Iraq\nTurkish warplanes hit Kurdish militant "
            "targets in northern Iraq in retaliation for the deaths of four Turkish soldiers, the ministry said."),
        rec("https://news.example/rss", "s2", "2024-05-12T21:00:00+00:00",
            "Turkey strikes Kurdish militants in northern Iraq\nTurkey intensified its airstrikes against Kurdish "
            "militants in northern Iraq in retaliation for the killing of its soldiers."),
    ], until="+72h")
    groups = sorted(sorted(m["id"] for m in i["messages"]) for i in incidents)
    assert ["a1", "a2"] in groups and ["s1", "s2"] in groups


def test_a_group_s_claim_does_not_join_a_state_s_strike_nobody_claimed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Outlets report US jets striking a militia depot near Abu Kamal; the same day the Islamic State
    claims an attack on the regime's forces near Abu Kamal. Same town, same day, two events: the
    group's claim is not of the strike the reports tell as a state's."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://wire.example/rss", "u1", "2024-07-02T06:00:00+00:00",
            "A US airstrike hit a weapons depot of an Iran-backed militia near Abu Kamal in eastern Syria overnight, "
            "killing three fighters.", title="US airstrike hits militia depot near Abu Kamal"),
        rec("https://t.me/s/amaq_relay_example", "c1", "2024-07-02T11:00:00+00:00",
            "Islamic State fighters attacked positions of the Syrian regime army near Abu Kamal, killing five "
            "soldiers, the Islamic State said in a statement."),
    ], until="+72h")
    groups = sorted(sorted(m["id"] for m in i["messages"]) for i in incidents)
    assert not any({"u1", "c1"} <= set(g) for g in groups)


def test_a_blame_in_a_strike_story_does_not_meet_an_older_attack_by_its_country_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Militants kill six Turkish soldiers in northern Iraq; two days later the US strikes a militia
    in Iraq in response to a drone attack on its troops, blaming the militia for that attack. The
    blame is of the attack the strike answers, placed only by the country: it does not join the
    older attack on the Turkish soldiers, which shares nothing with it but Iraq."""
    _, incidents = replay(capsys, tmp_path, [
        rec("https://paper.example/rss", "a1", "2024-08-01T15:00:00+00:00",
            "Six Turkish soldiers were killed in an attack in northern Iraq on Thursday, the ministry said.",
            title="Six Turkish soldiers killed in northern Iraq"),
        rec("https://wire.example/rss", "s1", "2024-08-03T02:00:00+00:00",
            "The United States carried out strikes on three sites used by Kataib Hezbollah and affiliated groups in "
            "Iraq, in response to a drone attack that wounded three US troops. Washington blamed Kataib Hezbollah "
            "for the attack in Iraq.", title="US strikes militia in Iraq after drone attack wounds US troops"),
    ], until="+72h")
    attack = next(i for i in incidents if "a1" in [m["id"] for m in i["messages"]])
    assert [m["id"] for m in attack["messages"]] == ["a1"]
