"""Replay never aborted by one record: each bad record is one stderr line naming its file and
line or record, the good ones are all kept, the exit code is 3 (2 when nothing was good)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store
from watchers.archive import Rejects, open_archives

from .helpers import Run, arun_cli, rec, write_jsonl

GOOD = "2024-02-01T10:00:00+00:00"


async def replay(capsys: pytest.CaptureFixture[str], db: str, *paths: Path) -> Run:
    return await arun_cli(capsys, "replay", *map(str, paths), "--db", db, "--quiet")


async def kept(db: str) -> list[tuple[str, str]]:
    store = await Store.open(db)
    try:
        return sorted(await store.message_keys())
    finally:
        await store.close()


def problem_lines(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert all(line.startswith("claimwatch: ") for line in lines), err  # no log lines, no tracebacks
    return lines


async def test_two_files_with_messages_at_the_same_time_keep_both_in_path_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # two exports of one channel (the same key, once each) and messages of other channels at
    # the same instants
    a = write_jsonl(tmp_path / "a.jsonl", [rec("t.me/a", str(i), GOOD, f"a{i}") for i in range(3)]
                    + [rec("t.me/same", "1", GOOD, "from a")])
    b = write_jsonl(tmp_path / "b.jsonl", [rec("t.me/b", str(i), GOOD, f"b{i}") for i in range(3)]
                    + [rec("t.me/same", "1", GOOD, "from a")])
    merged = [m.text for m in open_archives([a, b], Rejects())]
    assert merged == ["a0", "a1", "a2", "from a", "b0", "b1", "b2", "from a"]
    assert [m.text for m in open_archives([b, a], Rejects())][:4] == ["b0", "b1", "b2", "from a"]
    db = f"sqlite:///{tmp_path}/m.db"
    r = await replay(capsys, db, a, b)
    assert r.code == 0 and r.err == ""
    assert "8 messages read, 7 new" in r.out


@pytest.mark.parametrize("field", ["date", "edited"])
async def test_dates_that_overflow_in_utc_are_rejected_one_line_each(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str) -> None:
    bad = ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+05:00"]
    records = [rec("t.me/x", "1", GOOD, "good one")]
    for i, value in enumerate(bad, start=2):
        records.append(rec("t.me/x", str(i), value if field == "date" else GOOD, "bad",
                           **({"edited": value} if field == "edited" else {})))
    records.append(rec("t.me/x", "9", GOOD, "good two"))
    path = write_jsonl(tmp_path / "d.jsonl", records)
    db = f"sqlite:///{tmp_path}/d.db"
    r = await replay(capsys, db, path)
    assert r.code == 3
    lines = problem_lines(r.err)
    assert lines[:2] == [f"claimwatch: rejected: {path}:{n}: bad '{field}': time '{v}' is out of range once "
                         "converted to UTC" for n, v in zip((2, 3), bad, strict=True)]
    assert lines[2:] == ["claimwatch: 2 input record(s) rejected"]
    assert await kept(db) == [("t.me/x", "1"), ("t.me/x", "9")]


async def test_a_jsonl_line_nested_100000_deep_is_one_rejected_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps(rec("t.me/x", "1", GOOD, "fine"))
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + good.replace('"1"', '"2"') + "\n")
    db = f"sqlite:///{tmp_path}/deep.db"
    r = await replay(capsys, db, path)
    assert r.code == 3
    assert problem_lines(r.err) == [f"claimwatch: rejected: {path}:2: JSON nested too deeply",
                                    "claimwatch: 1 input record(s) rejected"]
    assert await kept(db) == [("t.me/x", "1"), ("t.me/x", "2")]


def export(messages: list[object], **top: object) -> str:
    return json.dumps({"name": "Chan", "type": "public_channel", "id": 42, **top, "messages": messages})


def tg(mid: int, text: object, unix: int = 1706800000) -> dict[str, object]:
    return {"id": mid, "type": "message", "date": "2024-02-01T15:06:40", "date_unixtime": str(unix), "text": text}


async def test_an_export_text_list_holding_a_list_or_a_number_rejects_that_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "result.json"
    path.write_text(export([tg(1, ["ok ", {"type": "bold", "text": "bold"}]), tg(2, ["x", ["nested"]]),
                            tg(3, ["x", 5]), tg(4, "fine"), tg(5, "far future", unix=10**13)]))
    db = f"sqlite:///{tmp_path}/t.db"
    r = await replay(capsys, db, path)
    assert r.code == 3
    lines = problem_lines(r.err)
    assert lines[0] == (f"claimwatch: rejected: {path}: message 2 (id 2): bad 'text': text item 2 is list, "
                        "not a string or an entity")
    assert lines[1].startswith(f"claimwatch: rejected: {path}: message 3 (id 3): bad 'text': text item 2 is int")
    assert lines[2].startswith(f"claimwatch: rejected: {path}: message 5 (id 5): bad date")
    assert lines[3:] == ["claimwatch: 3 input record(s) rejected"]
    assert await kept(db) == [("t.me/c/42", "1"), ("t.me/c/42", "4")]


async def test_an_export_nested_deeply_is_rejected_by_record_index(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """200 KB of brackets: ijson's own prefixes would need memory growing with the square of the
    depth (gigabytes); here the record is rejected by its index and the rest is read."""
    depth = 100_000
    deep = "[" * depth + "]" * depth
    body = export([tg(1, "before"), json.loads("{}"), tg(3, "after")], about="x")
    body = body.replace("{}", '{"id": 2, "type": "message", "date_unixtime": "1706800000", "text": ' + deep + "}")
    body = body.replace('"about": "x"', '"about": ' + deep)  # deep outside any message: skipped quietly
    path = tmp_path / "result.json"
    path.write_text(body)
    assert path.stat().st_size > 200_000
    db = f"sqlite:///{tmp_path}/n.db"
    r = await replay(capsys, db, path)
    assert r.code == 3
    assert problem_lines(r.err) == [f"claimwatch: rejected: {path}: message 2: nested deeper than 32 levels",
                                    "claimwatch: 1 input record(s) rejected"]
    assert await kept(db) == [("t.me/c/42", "1"), ("t.me/c/42", "3")]


async def test_a_saved_page_cut_mid_post_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = (Path(__file__).parent / "fixtures" / "tme_preview" / "full.html").read_text(encoding="utf-8")
    last = full.rfind('data-post="')
    cut = full[:full.index(">", full.index("tgme_widget_message_text", last)) + 40]  # inside the last post's text
    path = tmp_path / "page.html"
    path.write_text(cut, encoding="utf-8")
    post = full[last:].split('"')[1]
    db = f"sqlite:///{tmp_path}/p.db"
    r = await replay(capsys, db, path)
    assert r.code == 3
    lines = problem_lines(r.err)
    assert len(lines) == 2 and lines[1] == "claimwatch: 1 input record(s) rejected"
    assert lines[0].startswith(f"claimwatch: rejected: {path}: post ") and f"({post})" in lines[0]
    assert "cut off" in lines[0]
    whole = await replay(capsys, f"sqlite:///{tmp_path}/w.db", Path(__file__).parent / "fixtures" / "tme_preview" / "full.html")
    assert len(await kept(db)) == int(whole.out.split(" messages read")[0].rsplit(" ", 1)[-1]) - 1


FEED_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>N</title>'
             '<link>https://news.example.org/</link>')


def feed_item(i: int) -> str:
    return (f"<item><title>Item {i} &amp; more</title><link>https://news.example.org/{i}</link><guid>g{i}</guid>"
            f"<pubDate>Thu, 01 Feb 2024 {i % 24:02d}:00:00 GMT</pubDate><description>&lt;p&gt;Body {i}&lt;/p&gt;"
            "</description></item>")


async def test_a_large_feed_is_streamed_with_the_same_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import watchers.archive.files as files
    import watchers.feed as feed

    path = tmp_path / "feed.xml"
    path.write_text(FEED_HEAD + "".join(feed_item(i) for i in range(30, 0, -1)) + "</channel></rss>")
    whole = await replay(capsys, f"sqlite:///{tmp_path}/whole.db", path)
    monkeypatch.setattr(files, "WHOLE_FEED", 0)  # stream it, in chunks of 7 items
    monkeypatch.setattr(feed, "CHUNK_ITEMS", 7)
    streamed = await replay(capsys, f"sqlite:///{tmp_path}/streamed.db", path)
    assert whole.code == streamed.code == 0 and "30 new" in streamed.out
    a, b = await Store.open(f"sqlite:///{tmp_path}/whole.db"), await Store.open(f"sqlite:///{tmp_path}/streamed.db")
    try:
        for i in (1, 17, 30):
            one, two = await a.get_message("https://news.example.org/", f"g{i}"), await b.get_message(
                "https://news.example.org/", f"g{i}")
            assert one is not None and two is not None and one.message.text == two.message.text == f"Body {i}"
            assert one.message.date == two.message.date
    finally:
        await a.close()
        await b.close()
    # cut part way: the items before the break are kept, the break is one line
    path.write_text(FEED_HEAD + "".join(feed_item(i) for i in range(1, 11)) + "<item><title>broken</ti")
    r = await replay(capsys, f"sqlite:///{tmp_path}/cut.db", path)
    assert r.code == 3 and "10 new" in r.out
    lines = problem_lines(r.err)
    assert len(lines) == 2 and lines[0].startswith(f"claimwatch: rejected: {path}: line 1: XML syntax error")


BOMB_AFTER_COMMENT = ('<?xml version="1.0"?><!-- ' + "x" * 100_000 + ' --><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
                      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>t</title>'
                      "<item><guid>1</guid><title>&b;</title><pubDate>Thu, 01 Feb 2024 10:00:00 GMT</pubDate></item>"
                      "</channel></rss>").encode()


async def test_a_feed_declaring_entities_after_a_long_comment_is_refused(tmp_path: Path, http_feed: str) -> None:
    """The DOCTYPE sits past the first 64 KiB: defusedxml reads the whole body, live or saved."""
    import io

    from watchers.errors import SourceError
    from watchers.feed import FeedError, parse_feed, stream_feed
    from watchers.rss import FeedSource

    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(BOMB_AFTER_COMMENT, "saved.xml")
    with pytest.raises(FeedError, match="declares XML entities"):
        list(stream_feed(io.BytesIO(BOMB_AFTER_COMMENT), "saved.xml"))
    import aiohttp

    async with aiohttp.ClientSession() as http:
        with pytest.raises(SourceError, match="declares XML entities"):
            await FeedSource("h", http_feed, http).poll(None)


@pytest.fixture
async def http_feed() -> AsyncIterator[str]:
    from .web_servers import FakeFeeds

    feeds = await FakeFeeds().start()
    feeds.body = BOMB_AFTER_COMMENT
    yield f"{feeds.url}/feed"
    await feeds.stop()


@pytest.mark.pg
async def test_a_record_the_database_refuses_is_rejected_not_failed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], own_pg_database: object) -> None:
    db = own_pg_database.url  # type: ignore[attr-defined]
    path = write_jsonl(tmp_path / "nul.jsonl", [rec("t.me/x", "1", GOOD, "a\u0000b"), rec("t.me/x", "2", GOOD, "ok")])
    r = await replay(capsys, db, path)
    assert r.code == 3, r.err
    lines = problem_lines(r.err)
    assert lines[0].startswith(f"claimwatch: rejected: {path}:1: not stored: ") and "NUL" in lines[0]
    assert lines[1:] == ["claimwatch: 1 input record(s) rejected"]
    assert "0 failed" in r.out and "1 rejected" in r.out
    assert await kept(db) == [("t.me/x", "2")]
