"""Replay: deterministic, idempotent, resumable, and driven by the simulated clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import rec, run_cli, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _replay(capsys: pytest.CaptureFixture[str], db: str, out: Path, *paths: str, until: str = "+48h") -> list[str]:
    r = run_cli(capsys, "replay", *paths, "--db", db, "--alerts-out", str(out), "--until", until, "--quiet")
    assert r.code == 0, r.err
    return out.read_text(encoding="utf-8").splitlines()


def test_same_input_gives_byte_identical_alerts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _replay(capsys, f"sqlite:///{tmp_path}/a.db", tmp_path / "a.jsonl", str(EXAMPLES))
    b = _replay(capsys, f"sqlite:///{tmp_path}/b.db", tmp_path / "b.jsonl", str(EXAMPLES))
    assert a == b
    assert a and (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_replaying_into_the_same_database_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path}/same.db"
    first = _replay(capsys, db, tmp_path / "1.jsonl", str(EXAMPLES))
    r = run_cli(capsys, "replay", str(EXAMPLES), "--db", db, "--alerts-out", str(tmp_path / "2.jsonl"),
                "--until", "+48h", "--quiet")
    assert first
    assert (tmp_path / "2.jsonl").read_text() == ""
    assert "0 new" in r.out and "18 already stored" in r.out


def test_stopping_halfway_and_resuming_gives_the_same_alerts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = _replay(capsys, f"sqlite:///{tmp_path}/whole.db", tmp_path / "whole.jsonl", str(EXAMPLES))
    # the first half: every record up to the end of 2023, with the clock stopped there
    half_dir = tmp_path / "half"
    half_dir.mkdir()
    for name in ("telegram_channels.jsonl", "officials.jsonl"):
        lines = [x for x in (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
                 if json.loads(x)["date"] < "2023-11-06T00:00:00"]
        (half_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path}/resumed.db"
    part1 = _replay(capsys, db, tmp_path / "p1.jsonl", str(half_dir), until="+1h")
    part2 = _replay(capsys, db, tmp_path / "p2.jsonl", str(EXAMPLES))
    assert part1 + part2 == whole


def test_uncorroborated_alert_fires_only_after_the_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة الاحتلال الأمريكي في حقل العمر بطائرة مسيرة."
    path = write_jsonl(tmp_path / "c.jsonl", [
        rec("t.me/elamharbi", "1", "2024-02-01T10:00:00+00:00", claim),
        rec("t.me/sabreenS1", "9", "2024-02-01T10:02:00+00:00", "عاجل | " + claim),
        rec("t.me/almaalomah", "5", "2024-02-01T10:30:00+00:00", claim),
    ])
    before = _replay(capsys, f"sqlite:///{tmp_path}/a.db", tmp_path / "a.jsonl", str(path), until="+23h")
    assert before == []
    after = _replay(capsys, f"sqlite:///{tmp_path}/b.db", tmp_path / "b.jsonl", str(path), until="+24h")
    assert len(after) == 1
    alert = json.loads(after[0])
    assert alert["kind"] == "uncorroborated_claim" and alert["at"] == "2024-02-02T10:00:00+00:00"
    assert "t.me/sabreenS1" in alert["text"] and "t.me/almaalomah" in alert["text"]


def test_edits_and_deletions_in_canonical_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "e.jsonl", [
        rec("t.me/x", "1", "2024-02-01T10:00:00+00:00", "first"),
        rec("t.me/x", "1", "2024-02-01T10:00:00+00:00", "second", edited="2024-02-01T11:00:00+00:00"),
        rec("t.me/x", "2", "2024-02-01T10:30:00+00:00", "to delete"),
        rec("t.me/x", "2", "2024-02-01T10:30:00+00:00", "", deleted=True, edited="2024-02-01T12:00:00+00:00"),
    ])
    r = run_cli(capsys, "replay", str(path), "--db", f"sqlite:///{tmp_path}/e.db", "--quiet")
    assert r.code == 0
    assert "2 new, 1 edited, 1 deleted" in r.out


def test_what_linking_keeps_in_memory_is_what_the_database_gives(db_url: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An incident's links, fingerprints and checks are read once a transaction and kept up to
    date by its own changes: each answer kept is the one the database gives."""
    import storage.incident_tx as itx

    compared: list[bool] = []
    monkeypatch.setattr(itx, "_same", lambda kept, read: compared.append(repr(kept) == repr(read)))
    assert _replay(capsys, db_url, tmp_path / "a.jsonl", str(EXAMPLES))
    assert compared and all(compared), compared
