"""Archive readers: every format of the contract, recognised from content, merged in time order."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchers.archive import Rejects, detect_format, open_archives
from watchers.archive.tgexport import read_tg_export
from watchers.tme_page import parse_tme_page

from .conftest import FIXTURES

ARCH = FIXTURES / "archives"
TME = FIXTURES / "tme_preview"


def read(*paths: Path) -> tuple[list, Rejects]:  # type: ignore[type-arg]
    rejects = Rejects()
    return list(open_archives(list(paths), rejects)), rejects


def test_formats_are_recognised_from_content(tmp_path: Path) -> None:
    # misleading names on purpose: the content decides
    renamed = tmp_path / "feed.txt"
    renamed.write_bytes((ARCH / "feed.atom").read_bytes())
    assert detect_format(renamed) == "feed"
    assert detect_format(ARCH / "export_single.json") == "telegram_export"
    assert detect_format(ARCH / "export_account.json") == "telegram_export"
    assert detect_format(ARCH / "canonical.jsonl") == "jsonl"
    assert detect_format(TME / "full.html") == "tme_page"


def test_single_chat_export_with_entity_lists() -> None:
    messages, rejects = read(ARCH / "export_single.json")
    assert rejects.count == 0
    assert [m.id for m in messages] == ["41235", "41236", "41237"]  # the service message is skipped
    first = messages[0]
    assert first.source == "t.me/c/1369427437"
    assert first.text == "عاجل | استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة #عين_الأسد بطائرة مسيرة المصدر"
    assert first.date == datetime(2024, 1, 28, 9, 40, tzinfo=UTC)  # from date_unixtime
    second = messages[1]
    assert second.edited == datetime(2024, 1, 28, 10, 0, tzinfo=UTC)
    assert second.forwarded_from == "المقاومة الإسلامية في العراق"
    assert second.reply_to == "41235"


def test_old_export_without_unixtime_reads_local_time_as_utc() -> None:
    messages, rejects = read(ARCH / "export_old.json")
    assert rejects.count == 0
    assert [m.text for m in messages] == ["first", "second part"]
    assert messages[0].date == datetime(2020, 7, 11, 21, 10, tzinfo=UTC)


def test_whole_account_export_gives_each_chat_its_source() -> None:
    messages, _ = read(ARCH / "export_account.json")
    assert [(m.source, m.text) for m in messages] == [
        ("t.me/c/2001", "A one"), ("t.me/c/2003", "C nine"), ("t.me/c/2002", "B one"), ("t.me/c/2001", "A two")]


def test_export_is_streamed(tmp_path: Path) -> None:
    # a generator: reading the first message does not parse the rest of the file
    path = tmp_path / "big.json"
    with path.open("w") as fh:
        fh.write('{"name": "x", "type": "public_channel", "id": 5, "messages": [')
        fh.write(",".join(json.dumps({"id": i, "type": "message", "date_unixtime": str(1700000000 + i),
                                      "text": "t"}) for i in range(2000)))
        fh.write("]}")
    rejects = Rejects()
    stream = read_tg_export(path, rejects)
    assert next(stream).id == "0"


def test_feed_files_rss_and_atom() -> None:
    messages, rejects = read(ARCH / "feed.atom")
    assert rejects.count == 0
    assert [m.title for m in messages] == ["Earlier entry", "Later entry"]  # oldest first
    assert messages[0].source == "https://atom.example.org/feed.atom"
    assert messages[0].edited == datetime(2024, 1, 29, 10, 30, tzinfo=UTC)
    assert messages[1].text == "Second entry"  # HTML summary to text


def test_tme_page_real_saved_page() -> None:
    page = parse_tme_page((TME / "full.html").read_text("utf-8"))
    assert page.channel == "topwar_official"
    assert len(page.posts) == 12
    ids = [int(p.id) for p in page.posts]
    assert ids == sorted(ids)
    assert page.before is not None
    forwarded = [p for p in page.posts if p.forwarded_from]
    assert forwarded and forwarded[0].forwarded_from == "t.me/yaremshooter"
    first = parse_tme_page((TME / "message_text.html").read_text("utf-8")).posts[0]
    assert first.id == "70991"
    assert first.date == datetime(2023, 2, 28, 8, 48, 1, tzinfo=UTC)
    assert first.views == "33.4K"
    assert first.text.startswith("Неопознанный летающий объект замечен в 160 – 200 км от Петербурга\n\nПо данным")
    assert "\n\nИсточник, близкий к Смольному" in first.text


def test_tme_file_replays_as_canonical_messages() -> None:
    messages, rejects = read(TME / "full.html")
    assert rejects.count == 0
    assert all(m.source == "t.me/topwar_official" for m in messages)
    assert messages[0].url == f"https://t.me/topwar_official/{messages[0].id}"


def test_truncated_tme_page_keeps_complete_posts(tmp_path: Path) -> None:
    html = (TME / "full.html").read_text("utf-8")
    cut = html[: html.index('data-post="topwar_official/70998"') + 200]
    page = parse_tme_page(cut)
    assert 0 < len(page.posts) < 12
    assert all(p.complete for p in page.posts)


def test_merge_across_files_in_time_order() -> None:
    messages, _ = read(ARCH / "canonical.jsonl", ARCH / "export_single.json")
    dates = [m.date for m in messages]
    assert dates == sorted(dates)
    assert [m.id for m in messages][:3] == ["41235", "1", "41236"]


def test_directory_reads_every_known_file_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an archive")
    (tmp_path / "a.jsonl").write_bytes((ARCH / "canonical.jsonl").read_bytes())
    (tmp_path / "b.atom").write_bytes((ARCH / "feed.atom").read_bytes())
    messages, rejects = read(tmp_path)
    assert rejects.count == 0
    assert len(messages) == 4


@pytest.mark.parametrize("bad_line, reason", [
    (b'{"source": "s", "id": "1", "text": "no date"}', "missing 'date'"),
    (b'{"source": "s", "id": "1", "date": "2024-01-01T00:00:00", "text": "x"}', "no UTC offset"),
    (b'{"source": "s", "id": "1", "date": "yesterday", "text": "x"}', "bad 'date'"),
    (b'{"source": "s", "date": "2024-01-01T00:00:00+00:00", "text": "x"}', "missing or empty 'id'"),
    (b'{not json', "malformed JSON"),
    (b'{"source": "s", "id": "1", "date": "2024-01-01T00:00:00+00:00", "text": "\xff\xfe"}', "invalid UTF-8"),
    (b'[1, 2]', "expected a JSON object"),
])
def test_bad_jsonl_records_are_rejected_with_file_and_line(tmp_path: Path, bad_line: bytes, reason: str) -> None:
    path = tmp_path / "in.jsonl"
    good = b'{"source": "s", "id": "ok", "date": "2024-01-01T00:00:00+00:00", "text": "fine"}'
    path.write_bytes(good + b"\n" + bad_line + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n")
    messages, rejects = read(path)
    assert [m.id for m in messages] == ["ok", "ok2"]
    assert rejects.count == 1
    assert rejects.first[0].startswith(f"{path}:2: ")
    assert reason in rejects.first[0]


def test_export_with_broken_json_keeps_records_before_the_break(tmp_path: Path) -> None:
    text = (ARCH / "export_old.json").read_text()
    broken = tmp_path / "broken.json"
    broken.write_text(text[: text.index('{"id": 6')] + '{"id": 6, "type": "message", "da')
    messages, rejects = read(broken)
    assert [m.id for m in messages] == ["5"]
    assert rejects.count == 1 and "JSON syntax error" in rejects.first[0]


def test_export_message_without_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nodate.json"
    path.write_text(json.dumps({"name": "x", "type": "public_channel", "id": 1, "messages": [
        {"id": 1, "type": "message", "text": "no date"},
        {"id": 2, "type": "message", "date_unixtime": "1700000000", "text": "ok"}]}))
    messages, rejects = read(path)
    assert [m.id for m in messages] == ["2"]
    assert "message 1 (id 1): message has no date" in rejects.first[0]
