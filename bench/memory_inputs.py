"""Peak memory of replaying hostile-sized inputs: a large saved RSS feed and a small Telegram
export whose messages are nested deeply.

    .venv/bin/python bench/memory_inputs.py            # a 60 MB feed and a 200 KB nested export
    .venv/bin/python bench/memory_inputs.py --feed-mb 20

The script writes both files to a temporary directory, runs `claimwatch replay --quiet` on each
in a child process on a fresh SQLite database, and reports the child's peak RSS (ru_maxrss),
its wall time, exit code and summary line. Before the streaming reader a 60 MB feed peaked at
980 MB (about 16 times its size, feedparser's copy of the document) and the nested export grew
past 24 GB (ijson's prefixes grow with the square of the depth).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY = ("Rockets landed near the base at dawn, the coalition said; no casualties were reported. "
        "Local sources said three launchers were found in a field east of the town. ") * 3


def write_feed(path: Path, megabytes: float) -> int:
    """An RSS 2.0 feed listing items newest first, as feeds do, until it reaches the size."""
    target = int(megabytes * 1_000_000)
    start = datetime(2024, 2, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench</title>'
                  "<link>https://news.example.org/</link>\n")
        size, n = 0, 0
        while size < target:
            when = start - timedelta(minutes=n)
            item = (f"<item><title>Item {n}: attack reported near the base</title>"
                    f"<link>https://news.example.org/{n}</link><guid>bench-{n}</guid>"
                    f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>"
                    f"<description>{html.escape('<p>' + BODY + f' #{n}</p>')}</description></item>\n")
            out.write(item)
            size += len(item.encode())
            n += 1
        out.write("</channel></rss>\n")
    return n


def write_nested_export(path: Path, kilobytes: int) -> int:
    """A single-chat export of a few normal messages and one whose text is an array nested as
    deep as the size allows (about half the file is opening brackets)."""
    depth = kilobytes * 1000 // 2
    normal = [{"id": i, "type": "message", "date": "2024-02-01T10:00:00", "date_unixtime": str(1706781600 + i),
               "text": f"message {i}"} for i in range(1, 4)]
    head = json.dumps({"name": "Bench", "type": "public_channel", "id": 7, "messages": normal})[:-2]
    with path.open("w", encoding="utf-8") as out:
        out.write(head + ', {"id": 4, "type": "message", "date_unixtime": "1706781700", "text": ')
        out.write("[" * depth + "]" * depth)
        out.write("}]}")
    return depth


def replay(path: Path, db: Path) -> tuple[float, float, int, str]:
    """(peak RSS MB of the child, wall seconds, exit code, its summary and last stderr line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "replay", str(path), "--db", f"sqlite:///{db}",
                                 "--quiet"], stdout=out, stderr=err, env=env, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        lines = (out.read().decode().strip().splitlines() or [""])[-1:] + err.read().decode().strip().splitlines()[-1:]
    return usage.ru_maxrss / 1024, wall, proc.returncode, " | ".join(lines)[:300]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feed-mb", type=float, default=60.0)
    parser.add_argument("--export-kb", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        export = work / "nested.json"
        depth = write_nested_export(export, args.export_kb)
        mb, wall, code, summary = replay(export, work / "export.db")
        print(f"nested export: {export.stat().st_size / 1000:.0f} KB, depth {depth:,}: peak RSS {mb:.0f} MB, "
              f"{wall:.1f}s, exit {code}\n    {summary}")
        feed = work / "feed.xml"
        items = write_feed(feed, args.feed_mb)
        mb, wall, code, summary = replay(feed, work / "feed.db")
        print(f"RSS feed: {feed.stat().st_size / 1e6:.1f} MB, {items:,} items: peak RSS {mb:.0f} MB, "
              f"{wall:.1f}s, exit {code}\n    {summary}")


if __name__ == "__main__":
    main()
