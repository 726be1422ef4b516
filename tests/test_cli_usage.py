"""The command line as a new user meets it: version, help, WHEN forms, usage errors, missing
databases, directory skips, the progress line, and `messages`."""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import STATUSES, _parser, main

from .helpers import Run, rec, run_cli, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CLAIM = "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Ain al-Asad air base."


def usage(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """argparse's own errors leave through SystemExit."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    captured = capsys.readouterr()
    return Run(int(exited.value.code or 0), captured.out, captured.err)


def _iso(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).replace(microsecond=0).isoformat()


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = f"sqlite:///{tmp_path}/demo.db"
    r = run_cli(capsys, "replay", str(EXAMPLES), "--db", db, "--quiet", "--until", "+48h")
    assert r.code == 0, r.err
    return db


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    r = usage(capsys, "--version")
    assert r.code == 0 and r.out.strip() == "claimwatch 0.1.0"


def _walk(parser: argparse.ArgumentParser, name: str = "claimwatch") -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                found.extend(_walk(child, f"{name} {sub}"))
    return found


def test_every_command_and_option_has_help() -> None:
    parsers = _walk(_parser())
    names = {name for name, _ in parsers}
    assert {"claimwatch incidents import", "claimwatch incidents show", "claimwatch messages"} <= names
    for name, parser in parsers:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                assert all(choice.help for choice in action._choices_actions), name
                continue
            assert action.help, f"{name} {action.option_strings or action.dest} has no help text"


def test_help_names_when_forms_statuses_and_the_import_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    text = usage(capsys, "incidents", "--help").out
    assert "import" in text and "show" in text
    assert all(status in text for status in STATUSES)
    assert "3d" in text and "2024-01-30" in text  # the WHEN forms of --since
    text = usage(capsys, "replay", "--help").out
    assert "+48h" in text and "--alerts-out" in text


def test_statuses_are_the_ones_the_rules_give() -> None:
    import inspect

    from bot.incidents import status

    given = set(__import__("re").findall(r'"(\w+)"', " ".join(
        line for line in inspect.getsource(status.assess).splitlines() if "status = " in line)))
    assert given == set(STATUSES)


def test_bad_status_is_one_line_naming_the_valid_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = usage(capsys, "incidents", "--status", "bogus", "--db", f"sqlite:///{tmp_path}/x.db")
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1
    assert "'bogus' is not a status" in r.err and all(s in r.err for s in STATUSES)


def test_until_tomorrow_names_the_accepted_forms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [rec("t.me/a", "1", _iso(1), "hello")])
    r = run_cli(capsys, "replay", str(path), "--db", f"sqlite:///{tmp_path}/x.db", "--until", "tomorrow")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert "'tomorrow' is not a WHEN" in r.err and "+48h" in r.err and "+00:00" in r.err


@pytest.mark.parametrize("since", ["3d", "-3d", "72h"])
def test_since_counts_back_from_now(tmp_path: Path, capsys: pytest.CaptureFixture[str], since: str) -> None:
    db = f"sqlite:///{tmp_path}/x.db"
    path = write_jsonl(tmp_path / "in.jsonl", [
        rec("t.me/elamharbi", "old", _iso(10), CLAIM),
        rec("t.me/elamharbi", "new", _iso(1), CLAIM.replace("Ain al-Asad air base", "Erbil airport")),
    ])
    assert run_cli(capsys, "replay", str(path), "--db", db, "--quiet").code == 0
    r = run_cli(capsys, "messages", "--db", db, "--since", since, "--format", "json")
    assert r.code == 0, r.err
    assert [m["id"] for m in json.loads(r.out)] == ["new"]
    r = run_cli(capsys, "incidents", "--db", db, "--since", since, "--format", "json")
    assert r.code == 0, r.err
    incidents = json.loads(r.out)
    assert len(incidents) == 1 and "Erbil" in json.dumps(incidents)
    r = run_cli(capsys, "messages", "--db", db, "--since", "last week")
    assert r.code == 2 and "'last week' is not a WHEN" in r.err and "-3d" in r.err


@pytest.mark.parametrize("command", [["incidents"], ["groups"], ["messages"], ["incidents", "show", "1"]])
def test_read_only_command_on_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    r = run_cli(capsys, *command, "--db", f"sqlite:///{missing}")
    assert r.code == 2
    assert r.err == f"claimwatch: error: no database at {missing} (give --db URL, or replay or run first)\n"
    assert not missing.exists()


def test_missing_input_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "replay", str(tmp_path / "nope.jsonl"), "--db", f"sqlite:///{tmp_path}/x.db")
    assert r.code == 2
    assert r.err == f"claimwatch: error: {tmp_path / 'nope.jsonl'}: no such file or directory\n"
    assert r.out == "" and not (tmp_path / "x.db").exists()


def test_directory_replay_counts_and_names_skipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [rec("t.me/a", "1", _iso(2), "hello")])
    (folder / "notes.txt").write_text("my notes\n")
    (folder / ".hidden.jsonl").write_text("{}\n")
    db = f"sqlite:///{tmp_path}/x.db"
    r = run_cli(capsys, "replay", str(folder), "--db", db, "--quiet")
    assert r.code == 0
    assert "1 messages read" in r.out and "2 file(s) skipped" in r.out and "--verbose names them" in r.out
    assert "notes.txt" not in r.err
    r = run_cli(capsys, "replay", str(folder), "--db", db, "--quiet", "--verbose")
    assert f"replay: skipped {folder / 'notes.txt'}: not a format claimwatch reads" in r.err
    assert f"replay: skipped {folder / '.hidden.jsonl'}: hidden" in r.err


def test_canonical_jsonl_ignores_unknown_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [rec("t.me/a", "1", _iso(2), "hello", views=12, reactions=[1])])
    db = f"sqlite:///{tmp_path}/x.db"
    r = run_cli(capsys, "replay", str(path), "--db", db, "--quiet")
    assert r.code == 0 and "0 rejected" in r.out, r.err
    r = run_cli(capsys, "messages", "--db", db, "--format", "json")
    assert json.loads(r.out)[0]["text"] == "hello"


def _replay_on_pty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> str:
    """Runs a replay with stderr on a pseudo-terminal; returns what the terminal received."""
    path = write_jsonl(tmp_path / "in.jsonl", [rec("t.me/a", str(i), _iso(3 - i / 1000), f"message {i}")
                                               for i in range(300)])
    import bot.progress

    monkeypatch.setattr(bot.progress, "REDRAW_SECONDS", 0.0)  # redraw at every message: the count reaches 300
    master, slave = pty.openpty()
    terminal = os.fdopen(slave, "w", encoding="utf-8")
    before = sys.stderr
    monkeypatch.setattr(sys, "stderr", terminal)
    try:
        code = main(["replay", str(path), "--db", f"sqlite:///{tmp_path}/p{len(extra)}.db", *extra])
    finally:
        monkeypatch.setattr(sys, "stderr", before)
        terminal.close()
    assert code == 0
    received = b""
    while select.select([master], [], [], 0)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return received.decode()


def test_progress_line_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    shown = _replay_on_pty(tmp_path, monkeypatch)
    assert "\rreplay: " in shown and "300 messages, " in shown and "/s, " in shown and "elapsed" in shown
    assert shown.endswith("\r")  # erased before the summary, which goes to stdout
    assert _replay_on_pty(tmp_path, monkeypatch, "--quiet") == ""
    r = run_cli(capsys, "replay", str(tmp_path / "in.jsonl"), "--db", f"sqlite:///{tmp_path}/q.db")
    assert r.code == 0 and r.err == ""  # not a terminal: nothing


def test_progress_estimate_from_bytes_read(tmp_path: Path) -> None:
    from bot.progress import ByteMeter

    path = tmp_path / "big.jsonl"
    path.write_bytes(b"x" * 100_000)
    meter = ByteMeter([path])
    assert meter.read() == 0
    with path.open("rb", buffering=0) as handle:
        handle.read(25_000)
        assert meter.read() == 25_000
    assert meter.read() == 100_000  # closed after being read: counted whole


def test_check_and_run_agree_on_a_missing_token(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CW_NO_TOKEN", raising=False)
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[storage]\nurl = "sqlite:///{tmp_path}/c.db"\n[telegram_bot]\ntoken_env = "CW_NO_TOKEN"\n'
                   'chat_id = -100123\n')
    check = run_cli(capsys, "check", "--config", str(cfg))
    run = run_cli(capsys, "run", "--config", str(cfg))
    assert check.code == run.code == 2
    assert "telegram_bot.chat_id: alerts go to chat -100123 but the environment variable CW_NO_TOKEN" in check.err
    assert run.err.strip() == check.err.strip()


def test_check_reports_stdout_when_run_would_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "check", "--db", f"sqlite:///{tmp_path}/c.db")
    assert (tmp_path / "c.db").exists()  # check opens (and creates) the database run would use
    assert r.code == 0
    assert "sink telegram: disabled" in r.out and "sink stdout: enabled" in r.out


def test_messages_filters(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "messages", "--db", demo_db, "--stance", "denial", "--format", "json")
    denials = json.loads(r.out)
    assert r.code == 0 and len(denials) == 2
    assert all("denial" in m["stances"] and any(s["stance"] == "denial" for s in m["statements"]) for m in denials)
    r = run_cli(capsys, "messages", "--db", demo_db, "--source", "t.me/elamharbi", "--format", "json")
    rows = json.loads(r.out)
    assert rows and {m["source"] for m in rows} == {"t.me/elamharbi"}
    assert [m["date"] for m in rows] == sorted((m["date"] for m in rows), reverse=True)
    r = run_cli(capsys, "messages", "--db", demo_db, "--grep", "kharab", "--format", "json")
    assert json.loads(r.out) and all("kharab" in (m["text"] + (m["title"] or "")).lower() for m in json.loads(r.out))
    r = run_cli(capsys, "messages", "--db", demo_db, "--grep", "100%_no_such")
    assert r.code == 0 and len(r.out.splitlines()) == 1  # the header only
    r = run_cli(capsys, "messages", "--db", demo_db, "--stance", "claim")
    assert r.code == 0 and "CLAIM by Islamic Resistance in Iraq" in r.out


def test_groups_csv(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    r = run_cli(capsys, "groups", "--db", demo_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    thawrat = [row for row in rows if row["name"] == "Saraya Thawrat al-Ashrin"]
    assert r.code == 0 and thawrat and "سرايا ثورة العشرين" in thawrat[0]["spellings"]


def test_acled_csv_uses_acled_types_actors_and_admin1(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    r = run_cli(capsys, "incidents", "--db", demo_db, "--format", "csv")
    rows = {row["location"]: row for row in csv.DictReader(io.StringIO(r.out))}
    kharab = rows["Kharab al-Jir"]
    assert (kharab["event_type"], kharab["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert kharab["actor1"] == "Islamic Resistance in Iraq" and kharab["actor2"] == "United States"
    assert (kharab["country"], kharab["iso"], kharab["admin1"]) == ("Syria", "760", "Al Hasakeh")
    convoy = rows["Diwaniyah"]
    assert convoy["target"] == "supply convoy" and convoy["actor2"] == ""  # a convoy is not an actor
    assert (convoy["country"], convoy["iso"], convoy["admin1"]) == ("Iraq", "368", "Al-Qadissiya")
    allowed = {"", "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
               "Suicide bomb", "Armed clash", "Grenade"}
    assert {row["sub_event_type"] for row in rows.values()} <= allowed


def test_json_errors_are_one_line_with_the_column_in_the_record(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"source": "t.me/a", "id": "1", "text": "x",}\n')
    export = tmp_path / "result.json"
    export.write_text('{"name": "x", "type": "public_channel", "id": 1, "messages": [{"id": 1, "type": "message", '
                      '"date": "2024-01-01T00:00:00", "text": "hi"}, {"id": 2,, ]}')
    r = run_cli(capsys, "replay", str(jsonl), str(export), "--db", f"sqlite:///{tmp_path}/x.db", "--quiet")
    lines = r.err.strip().splitlines()
    assert f"claimwatch: rejected: {jsonl}:1: malformed JSON at column 45: Expecting property name enclosed in double " \
        "quotes" in lines
    assert f"claimwatch: rejected: {export}: after message 1: JSON syntax error: invalid object key (must be a string)" \
        in lines
    assert len(lines) == 3 and "at at" not in r.err  # two rejects and the count


def test_check_and_run_agree_on_a_web_view_off_loopback_without_token(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CW_NO_WEB_TOKEN", raising=False)
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[storage]\nurl = "sqlite:///{tmp_path}/c.db"\n[web]\nenabled = true\nlisten = "0.0.0.0:8080"\n'
                   'token_env = "CW_NO_WEB_TOKEN"\n')
    check = run_cli(capsys, "check", "--config", str(cfg))
    run = run_cli(capsys, "run", "--config", str(cfg))
    assert check.code == run.code == 2
    assert "web.token_env" in check.err and run.err.strip() == check.err.strip()
