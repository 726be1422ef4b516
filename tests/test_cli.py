"""The command line as a user meets it: exit codes, one-line errors, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage import Store

from .conftest import FIXTURES
from .helpers import rec, run_cli, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
GOOD = rec("t.me/sabreenS1", "1", "2024-01-28T06:40:00+00:00", "hello")


def test_replay_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "replay", str(tmp_path / "nope.jsonl"), "--db", f"sqlite:///{tmp_path}/db.sqlite")
    assert r.code == 2
    assert f"{tmp_path / 'nope.jsonl'}: no such file or directory" in r.err
    assert "Traceback" not in r.err


def test_replay_unknown_format_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n")
    r = run_cli(capsys, "replay", str(path), "--db", f"sqlite:///{tmp_path}/db.sqlite")
    assert r.code == 2
    assert f"{path}: not a format claimwatch reads" in r.err


def test_replay_malformed_line_keeps_good_records_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n{broken\n" +
                     json.dumps({**GOOD, "id": "2"}).encode() + b"\n" +
                     b'{"source": "s", "id": "3", "date": "2024-01-28T07:00:00+00:00", "text": "\xff"}\n' +
                     json.dumps({**GOOD, "id": "4", "date": None}).encode() + b"\n")
    db = f"sqlite:///{tmp_path}/db.sqlite"
    r = run_cli(capsys, "replay", str(path), "--db", db, "--quiet")
    assert r.code == 3
    assert "3 input record(s) rejected" in r.err
    assert f"{path}:2: malformed JSON" in r.err
    assert f"{path}:4: invalid UTF-8" in r.err
    assert "Traceback" not in r.err

    async def count() -> int:
        store = await Store.open(db)
        try:
            return await store.count_messages()
        finally:
            await store.close()

    import asyncio

    assert asyncio.run(count()) == 2


def test_replay_one_bad_path_among_good_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [GOOD])
    r = run_cli(capsys, "replay", str(good), str(tmp_path / "missing.json"), "--db",
                f"sqlite:///{tmp_path}/db.sqlite", "--quiet")
    assert r.code == 3
    assert "missing.json: no such file or directory" in r.err


def test_replay_bad_until(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [GOOD])
    r = run_cli(capsys, "replay", str(good), "--db", f"sqlite:///{tmp_path}/db.sqlite", "--until", "+2 days")
    assert r.code == 2
    assert "--until" in r.err and "not a WHEN" in r.err and "+48h" in r.err


def test_config_unknown_key_names_file_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[alerts]\nuncorroborated_afer = "24h"\n')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 2
    assert r.err.strip() == f"claimwatch: error: {cfg}: alerts.uncorroborated_afer: unknown key"


def test_config_bad_value_and_syntax(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[alerts]\nuncorroborated_after = "soon"\n')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 2 and "alerts.uncorroborated_after: 'soon' is not a duration" in r.err
    cfg.write_text('[alerts\n')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 2 and "TOML syntax error" in r.err and "line 1" in r.err
    cfg.write_text('[[sources]]\nhandle = "t.me/x"\nwatch = "carrier-pigeon"\n')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 2 and "sources[0].watch: 'carrier-pigeon' is not one of" in r.err


def test_config_refuses_a_token_in_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[telegram_bot]\nchat_id = -100123\ntoken = "123456:SECRET-TOKEN-VALUE"\n')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 2
    assert "telegram_bot.token" in r.err and "environment" in r.err
    assert "SECRET-TOKEN-VALUE" not in r.err


def test_check_reports_sources_and_sinks(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_TEST_TOKEN", "123456:ABCDEFSECRET")
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'''
[storage]
url = "sqlite:///{tmp_path}/c.db"
[telegram_bot]
token_env = "CW_TEST_TOKEN"
chat_id = -1001234567890
api_base = "http://127.0.0.1:9"
[[sources]]
handle = "t.me/sabreenS1"
watch = "tme"
poll = "90s"
[[sources]]
handle = "https://feeds.example.org/rss"
watch = "rss"
url = "https://feeds.example.org/rss"
role = "media"
''')
    r = run_cli(capsys, "check", "--config", str(cfg))
    assert r.code == 0, r.err
    assert "source t.me/sabreenS1: watch=tme role=relay network=muqawama poll=90s" in r.out
    assert "source https://feeds.example.org/rss: watch=rss role=media" in r.out
    assert "sink telegram: chat -1001234567890 via http://127.0.0.1:9; token set" in r.out
    assert "ABCDEFSECRET" not in r.out + r.err


def test_check_without_config_runs_on_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = run_cli(capsys, "check")
    assert r.code == 0
    assert "config: built-in defaults: valid" in r.out
    assert (tmp_path / "claimwatch.db").exists()


def test_db_upgrade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/u.db"
    r = run_cli(capsys, "db", "upgrade", "--db", db)
    from storage.migrate import head_revision

    assert r.code == 0 and f"empty -> {head_revision()}" in r.out
    r = run_cli(capsys, "db", "upgrade", "--db", db)
    assert r.code == 0 and "(current)" in r.out


def test_classify_streams_one_line_per_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    lines = [
        {"id": "a", "text": "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Ain al-Asad."},
        {"id": "b", "text": "Nice weather in Erbil today."},
        {"id": "c", "text": "نفت إيران أي دور لها في الهجوم على القاعدة الأمريكية في الأردن"},
    ]
    data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines) + "{bad\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    r = run_cli(capsys, "classify")
    out = [json.loads(x) for x in r.out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", None]
    assert out[0]["stances"] == ["claim"] and out[0]["places"][0]["name"] == "Ain al-Asad Air Base"
    assert out[1]["stances"] == []
    assert out[2]["stances"] == ["denial"] and out[2]["statements"][0]["denial_of"] == "responsibility"
    assert r.code == 3 and "<stdin>:4: malformed JSON" in r.err


def test_classify_loads_neither_storage_nor_the_daemon() -> None:
    """`claimwatch classify` (the scorer runs it once per batch) pays for the classifier alone:
    not for SQLAlchemy, Alembic, the incident layer, the web or Telegram layers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    heavy = ("sqlalchemy", "alembic", "storage", "bot.incidents.engine", "bot.app", "aiohttp", "telethon", "apscheduler")
    script = ("import sys; from bot.cli import main; code = main(['classify']); "
              f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})), code, file=sys.stderr)")
    line = json.dumps({"id": "a", "text": "The Islamic Resistance in Iraq claimed a drone attack on Ain al-Asad."})
    done = subprocess.run([sys.executable, "-c", script], input=line + "\n", capture_output=True, text=True, env=env)
    assert json.loads(done.stdout)["stances"] == ["claim"]
    assert done.stderr.strip().splitlines()[-1] == "[] 0"


def test_python_m_bot_and_debug_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bot", "replay", str(tmp_path / "x.jsonl"), "--db",
                           f"sqlite:///{tmp_path}/d.db"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 or "rejected" in done.stderr


def test_replay_of_the_examples_prints_alerts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "alerts.jsonl"
    r = run_cli(capsys, "replay", str(ROOT / "examples"), "--db", f"sqlite:///{tmp_path}/demo.db",
                "--alerts-out", str(out), "--until", "+48h")
    assert r.code == 0, r.err
    alerts = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(a["kind"], a["actor"]) for a in alerts] == [
        ("new_front_group", "Saraya Thawrat al-Ashrin"),
        ("uncorroborated_claim", "Islamic Resistance in Iraq"),
        ("uncorroborated_claim", "Islamic Resistance in Iraq"),
    ]
    assert "NEW FRONT GROUP: Saraya Thawrat al-Ashrin" in r.out
    assert "Kharab al-Jir" in alerts[1]["text"] and "US-led coalition, denying the event" in alerts[1]["text"]
    assert "Al-Shaddadi" in alerts[2]["text"]
    assert alerts[1]["at"] == "2023-11-06T19:40:00+00:00"  # claim time + 24h, simulated
    assert r.out.strip().splitlines()[-1].startswith("replay: 18 messages read")


def test_fixture_tme_pages_replay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "replay", str(FIXTURES / "tme_preview" / "full.html"), "--db", f"sqlite:///{tmp_path}/t.db",
                "--quiet")
    assert r.code == 0
    assert "12 messages read, 12 new" in r.out
