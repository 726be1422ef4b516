"""Every incident shows its evidence (``messages``), and known incidents come back in from the
files ``incidents`` writes: JSON, GeoJSON and CSV, idempotently, linking what was replayed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import rec, run_cli, write_jsonl

CLAIM = "The Islamic Resistance in Iraq claimed responsibility for a drone attack on the US base at Harir."


def coverage() -> list[dict[str, Any]]:
    return [
        rec("t.me/elamharbi", "41", "2024-03-04T10:00:00+00:00", CLAIM),
        rec("t.me/sabreenS1", "77", "2024-03-04T10:03:00+00:00", "عاجل | " + CLAIM),
        rec("x.com/CENTCOM", "9", "2024-03-04T18:00:00+00:00",
            "A one-way attack drone targeted U.S. and Coalition forces at Harir Air Base today. No injuries."),
    ]


def replay(capsys: pytest.CaptureFixture[str], tmp_path: Path, records: list[dict[str, Any]], db: str,
           name: str = "in.jsonl") -> None:
    path = write_jsonl(tmp_path / name, records)
    r = run_cli(capsys, "replay", str(path), "--db", db, "--until", "+30h", "--quiet")
    assert r.code == 0, r.err


def test_json_lists_each_incident_s_messages_in_time_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, list(reversed(coverage())), db)
    [incident] = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "json").out)
    messages = incident["messages"]
    assert [(m["source"], m["id"], m["role"]) for m in messages] == [
        ("t.me/elamharbi", "41", "claim"), ("t.me/sabreenS1", "77", "claim"), ("x.com/CENTCOM", "9", "report")]
    first = messages[0]
    assert first["url"] == "https://t.me/elamharbi/41" and first["date"] == "2024-03-04T10:00:00+00:00"
    assert first["speaker"] == first["subject"] == "Islamic Resistance in Iraq"
    assert isinstance(first["score"], float) and first["reasons"]
    assert any("same place" in r for r in messages[2]["reasons"])
    assert incident["message_count"] == 3


def test_csv_and_geojson_carry_the_message_count_and_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, coverage(), db)
    import csv
    import io

    [row] = list(csv.DictReader(io.StringIO(run_cli(capsys, "incidents", "--db", db, "--format", "csv").out)))
    assert row["messages"] == "3"
    assert row["source_urls"].split() == ["https://t.me/elamharbi/41", "https://t.me/sabreenS1/77",
                                          "https://x.com/CENTCOM/9"]
    geo = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "geojson").out)
    props = geo["features"][0]["properties"]
    assert props["message_count"] == 3 and len(props["messages"]) == 3
    assert props["source_urls"][0] == "https://t.me/elamharbi/41"


def test_show_prints_one_incident_with_its_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, coverage(), db)
    table = run_cli(capsys, "incidents", "show", "1", "--db", db)
    assert table.code == 0
    assert "incident #1" in table.out and "3 message(s)" in table.out
    assert "t.me/sabreenS1" in table.out and "https://x.com/CENTCOM/9" in table.out
    as_json = json.loads(run_cli(capsys, "incidents", "show", "#1", "--db", db, "--format", "json").out)
    assert as_json["id"] == 1 and [m["id"] for m in as_json["messages"]] == ["41", "77", "9"]
    missing = run_cli(capsys, "incidents", "show", "7", "--db", db)
    assert missing.code == 2 and "no incident 7" in missing.err
    bad = run_cli(capsys, "incidents", "show", "x", "--db", db)
    assert bad.code == 2 and "'x' is not an incident id" in bad.err


def test_json_export_imports_into_a_fresh_database_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, coverage(), db)
    exported = tmp_path / "incidents.json"
    exported.write_text(run_cli(capsys, "incidents", "--db", db, "--format", "json").out, encoding="utf-8")
    again = run_cli(capsys, "incidents", "import", str(exported), "--db", db)
    assert again.code == 0 and "0 incident(s) imported" in again.out and "1 already stored" in again.out
    fresh = f"sqlite:///{tmp_path}/fresh.sqlite"
    first = run_cli(capsys, "incidents", "import", str(exported), "--db", fresh)
    assert first.code == 0 and "1 incident(s) imported" in first.out
    second = run_cli(capsys, "incidents", "import", str(exported), "--db", fresh)
    assert "0 incident(s) imported" in second.out
    [incident] = json.loads(run_cli(capsys, "incidents", "--db", fresh, "--format", "json").out)
    assert incident["place"] == "Harir Air Base" and incident["origin"] == "import"
    assert incident["event_time"].startswith("2024-03-04")


def test_geojson_export_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    replay(capsys, tmp_path, coverage(), db)
    exported = tmp_path / "incidents.geojson"
    exported.write_text(run_cli(capsys, "incidents", "--db", db, "--format", "geojson").out, encoding="utf-8")
    fresh = f"sqlite:///{tmp_path}/fresh.sqlite"
    r = run_cli(capsys, "incidents", "import", str(exported), "--db", fresh)
    assert r.code == 0 and "1 incident(s) imported" in r.out
    [incident] = json.loads(run_cli(capsys, "incidents", "--db", fresh, "--format", "json").out)
    assert (incident["lat"], incident["lon"]) == (36.53, 44.35)
    broken = tmp_path / "broken.geojson"
    broken.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": None, "properties": {"event_time": "2024-03-05"}}]}), encoding="utf-8")
    r = run_cli(capsys, "incidents", "import", str(broken), "--db", fresh)
    assert r.code == 2 and f"{broken}: feature 1: needs a known place" in r.err


def test_import_after_a_replay_links_the_stored_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/db.sqlite"
    claims = coverage()[:2]
    replay(capsys, tmp_path, claims, db)  # only the claimant's network: uncorroborated after 24 h
    known = tmp_path / "known.csv"
    known.write_text("date,place,description,sources\n2024-03-04,Harir,Drone attack on Harir air base,"
                     "https://example.org/dataset\n", encoding="utf-8")
    r = run_cli(capsys, "incidents", "import", str(known), "--db", db)
    assert r.code == 0 and "1 stored incident(s) linked" in r.out
    [incident] = json.loads(run_cli(capsys, "incidents", "--db", db, "--format", "json").out)
    assert incident["origin"] == "import" and incident["status"] == "corroborated"
    assert [m["id"] for m in incident["messages"]] == ["41", "77"]
    assert run_cli(capsys, "incidents", "import", str(known), "--db", db).out.startswith(
        "incidents import: 0 incident(s) imported")
