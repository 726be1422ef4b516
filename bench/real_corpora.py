"""Load the real third-party corpora of ../shared/corpus as canonical messages (for benchmarks
only: tests never depend on these files, and nothing from them is copied into the project)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from watchers.message import Message, parse_datetime
from watchers.text import html_to_text


def _shared() -> Path:
    """``shared`` beside the checkout: the project root's parent, or further up for a git worktree
    (``/work/wt/name`` sits two levels below the folder that holds ``shared``)."""
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parent.parent.parent / "shared"


SHARED = _shared() / "corpus"


def available() -> bool:
    return SHARED.exists()


def tweets() -> Iterator[Message]:
    path = SHARED / "tweets" / "how_isis_uses_twitter_tweets_isis_all.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            try:
                date = datetime.strptime(row["time_iso"], "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
            except (KeyError, ValueError):
                continue
            yield Message(source=f"x.com/{row['username']}", id=str(i), date=date, text=row["tweets"])


def news(name: str = "rss_link_db_2023_fullday_replay.jsonl") -> Iterator[Message]:
    for line in (SHARED / "rss" / name).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        try:
            date = parse_datetime(item["date_published"])
        except (KeyError, ValueError, TypeError):
            continue
        # as the feed watcher reads an item (watchers/feed.py): its HTML as the visible text
        yield Message(source=item["feed"], id=item["link"], date=date, text=html_to_text(item.get("description") or ""),
                      title=html_to_text(item.get("title") or "") or None, url=item["link"])


def idf() -> Iterator[Message]:
    path = SHARED / "official" / "idf_telegram_2023-10_2024-02.csv"
    text = path.read_text(encoding="utf-8", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    for i, row in enumerate(reader):
        body = next((row[k] for k in row if k and k.lower() in ("text", "message", "content")), None)
        if not body:
            continue
        yield Message(source="t.me/idfofficial", id=str(i), date=datetime(2024, 1, 1, tzinfo=UTC), text=body)


# the Arabic corpora carry no dates: one fixed day, as for the army's posts
_UNDATED = datetime(2017, 1, 1, tzinfo=UTC)


def arabic_news() -> Iterator[Message]:
    """The paragraphs of the Arabic news articles in the Baly et al. split (claims about the Syrian war)."""
    path = SHARED / "stance" / "austr" / "ArabicFC_Baly2018_dev_split.txt"
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        text = (parts[3] if len(parts) >= 5 and parts[0].strip().isdigit() else line).strip()
        if text:
            yield Message(source="news", id=f"baly-{i}", date=_UNDATED, text=text)


def arabic_authorities() -> Iterator[Message]:
    """The AuSTR authority tweets and the rumours they answer, and the ANS Arabic headline pairs."""
    for name in ("ECIR2023_data_AuSTR_ECIR2023.tsv", "SNAM_data_AuSTR_SNAM.tsv"):
        with (SHARED / "stance" / "austr" / name).open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
                for column in ("evidence_text", "rumor_text"):
                    if row.get(column):
                        yield Message(source="x.com/authority", id=f"{name}#{i}:{column}", date=_UNDATED,
                                      text=row[column].strip())
    for path in sorted((SHARED / "stance" / "ans").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                for column in ("s1", "s2", "claim"):
                    if row.get(column):
                        yield Message(source="news", id=f"{path.name}#{i}:{column}", date=_UNDATED, text=row[column].strip())
