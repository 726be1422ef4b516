"""Replay: deterministic, idempotent, resumable, and driven by the simulated clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _stored(capsys: pytest.CaptureFixture[str], db: str) -> tuple[str, str]:
    messages = run_cli(capsys, "messages", "--db", db, "--format", "json")
    incidents = run_cli(capsys, "incidents", "--db", db, "--format", "json")
    assert messages.code == 0 and incidents.code == 0
    return messages.out, incidents.out


@pytest.fixture
def submitted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replay classifies ahead in worker processes from the second message on, in chunks of 4;
    the list counts the chunks sent to them."""
    import bot.replay as replay

    sent: list[int] = []

    class Counted(replay.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            sent.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(replay, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(replay, "AHEAD_AFTER", 2)
    monkeypatch.setattr(replay, "AHEAD_CHUNK", 4)
    return sent


def test_classifying_ahead_in_worker_processes_gives_the_same_results(db_url: str, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      submitted: list[int]) -> None:
    inline_db = f"sqlite:///{tmp_path}/inline.db"
    monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", "0")
    inline = _replay(capsys, inline_db, tmp_path / "inline.jsonl", str(EXAMPLES))
    assert submitted == []
    monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", "2")
    ahead = _replay(capsys, db_url, tmp_path / "ahead.jsonl", str(EXAMPLES))
    assert sum(submitted) == 18  # every message of examples/ went to a worker
    assert ahead == inline and inline
    assert _stored(capsys, db_url) == _stored(capsys, inline_db)
    # replayed again, what is stored as it is goes to no worker
    submitted.clear()
    r = run_cli(capsys, "replay", str(EXAMPLES), "--db", db_url, "--quiet")
    assert r.code == 0 and "18 already stored" in r.out
    assert submitted == []


def test_when_the_workers_fall_behind_the_replay_classifies_queued_chunks_itself(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        submitted: list[int]) -> None:
    """A worker slower than storing: rather than wait on it, the replay process takes back the
    chunks no worker has started and classifies them itself, with the same results."""
    import os
    import time

    import bot.replay as replay

    inline_db = f"sqlite:///{tmp_path}/inline.db"
    monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", "0")
    inline = _replay(capsys, inline_db, tmp_path / "inline.jsonl", str(EXAMPLES))

    here: list[int] = []
    classify_with = replay._classify_with
    replaying = os.getpid()

    def slow_in_workers(classifier, items):  # type: ignore[no-untyped-def]
        if os.getpid() != replaying:  # a worker (forked with this patch)
            time.sleep(0.5)
        else:
            here.append(len(items))
        return classify_with(classifier, items)

    monkeypatch.setattr(replay, "_classify_with", slow_in_workers)
    monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", "1")
    ahead = _replay(capsys, db_url, tmp_path / "ahead.jsonl", str(EXAMPLES))
    assert sum(submitted) == 18 and 0 < sum(here) < 18  # some chunks done by the worker, some here
    assert ahead == inline and inline
    assert _stored(capsys, db_url) == _stored(capsys, inline_db)


def test_a_message_a_worker_cannot_classify_is_rejected_and_the_rest_go_on(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str],
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           submitted: list[int]) -> None:
    from classifiers.classify import Classifier

    real = Classifier.classify

    def fragile(self: Classifier, text: str, *args: object, **kwargs: object) -> object:
        if "Ninevah" in text:
            raise ValueError("no such province")
        return real(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Classifier, "classify", fragile)
    path = write_jsonl(tmp_path / "f.jsonl", [
        rec("t.me/x", str(n), f"2024-02-01T10:{n:02d}:00+00:00", "Ninevah road reopened" if n == 5 else f"note {n}")
        for n in range(12)
    ])
    runs = []
    for workers in ("0", "1"):
        monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", workers)
        runs.append(run_cli(capsys, "replay", str(path), "--db", f"sqlite:///{tmp_path}/{workers}.db", "--quiet"))
    assert sum(submitted) == 12
    inline, ahead = runs
    assert ahead.code == inline.code == 3
    assert "f.jsonl:6" in ahead.err and "cannot be classified: ValueError: no such province" in ahead.err
    assert ahead.err == inline.err
    assert "11 new" in ahead.out and ahead.out.split("; ")[:2] == inline.out.split("; ")[:2]


@pytest.mark.parametrize(("value", "cpus", "expected"), [
    (None, 2, 1), ("auto", 2, 1), (None, 8, 2), (None, 1, 0), ("0", 4, 0), ("3", 2, 3), ("many", 4, 0)])
def test_workers_classify_ahead_by_default_with_a_core_to_spare(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                                                cpus: int, expected: int) -> None:
    """Unset, a replay uses one less than the CPUs (at most two); 0 turns the workers off."""
    from bot import replay

    if value is None:
        monkeypatch.delenv("CLAIMWATCH_REPLAY_WORKERS", raising=False)
    else:
        monkeypatch.setenv("CLAIMWATCH_REPLAY_WORKERS", value)
    monkeypatch.setattr(replay.os, "cpu_count", lambda: cpus)
    assert replay.replay_workers() == expected


IRI_CLAIM = "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة الاحتلال الأمريكي في حقل العمر بطائرة مسيرة."


def _claims_then_the_next_day(tmp_path: Path) -> Path:
    """Three claims on Feb. 1 whose checks fall due at 10:00, 11:00 and 12:00 on Feb. 2, and on
    Feb. 2, between those times: a confirmation of the first claim after its window, and one of
    the third before its window ends."""
    return write_jsonl(tmp_path / "due.jsonl", [
        rec("t.me/elamharbi", "1", "2024-02-01T10:00:00+00:00", IRI_CLAIM),
        rec("t.me/x", "2", "2024-02-01T11:00:00+00:00",
            "Kataib Hezbollah claimed responsibility for a drone attack on Erbil airport."),
        rec("t.me/x", "3", "2024-02-01T12:00:00+00:00",
            "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Ain al-Asad air base."),
        rec("t.me/x", "4", "2024-02-02T10:00:00+00:00", "note"),
        rec("x.com/CENTCOM", "5", "2024-02-02T10:30:00+00:00",
            "On Feb. 1, a one-way attack drone struck Mission Support Site Green Village, Syria. No injuries."),
        rec("x.com/CENTCOM", "6", "2024-02-02T11:30:00+00:00",
            "On Feb. 1, a one-way attack drone struck Al Asad Air Base, Iraq. No injuries."),
        rec("t.me/x", "7", "2024-02-02T12:30:00+00:00", "note"),
    ])


async def _one_at_a_time(db: str, path: Path, until: str) -> list[tuple[object, ...]]:
    """The alerts of feeding ``path`` a message at a time, the due timers fired between them
    each in a transaction of its own, then up to ``until``."""
    from bot.app import build_app
    from bot.config import Config
    from bot.durations import parse_when
    from watchers.archive import Rejects, effective_time, open_archives

    app = await build_app(Config().with_db(db), simulated=True, deliver=False)
    try:
        engine, at = app.pipeline.engine, None
        for message in open_archives([path], Rejects()):
            at = effective_time(message)
            while (due := await engine.next_due()) is not None and due < at:
                await app.pipeline.sweep(due)
            await app.pipeline.feed([message], at)
        assert at is not None
        end = parse_when(until, at)
        while (due := await engine.next_due()) is not None and due <= end:
            await app.pipeline.sweep(due)
        return [(a.key, a.kind, a.incident, a.at, a.text) for a in await app.store.alerts()]
    finally:
        await app.close()


async def _alerts(db: str) -> list[tuple[object, ...]]:
    from storage import Store

    store = await Store.open(db)
    try:
        return [(a.key, a.kind, a.incident, a.at, a.text) for a in await store.alerts()]
    finally:
        await store.close()


def test_a_batch_spanning_due_timers_raises_the_alerts_of_one_message_at_a_time(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages of Feb. 2 go in one batch across three due timers: each timer fires before
    the first message after it, at its due time, so the late confirmation follows the first
    claim's alert and the early one prevents the third's, as fed a message at a time."""
    import asyncio

    from bot.pipeline import Pipeline

    batches: list[int] = []
    feed = Pipeline.feed

    async def counted(self: Pipeline, batch: Any, *args: Any, **kwargs: Any) -> Any:
        batches.append(len(batch))
        return await feed(self, batch, *args, **kwargs)

    path = _claims_then_the_next_day(tmp_path)
    expected = asyncio.run(_one_at_a_time(f"sqlite:///{tmp_path}/one.db", path, "+1h"))
    monkeypatch.setattr(Pipeline, "feed", counted)
    r = run_cli(capsys, "replay", str(path), "--db", db_url, "--until", "+1h", "--quiet")
    assert r.code == 0, r.err
    assert batches == [3, 4]  # the day of the claims, then the next day whole (its 24 hours cut it)
    assert asyncio.run(_alerts(db_url)) == expected
    assert [(kind, str(at)) for _, kind, _, at, _ in expected] == [
        ("uncorroborated_claim", "2024-02-02 10:00:00+00:00"), ("claim_corroborated", "2024-02-02 10:30:00+00:00"),
        ("uncorroborated_claim", "2024-02-02 11:00:00+00:00")]
    assert _stored(capsys, db_url) == _stored(capsys, f"sqlite:///{tmp_path}/one.db")
