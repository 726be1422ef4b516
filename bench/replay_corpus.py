"""End-to-end replay throughput on the real corpora, SQLite and PostgreSQL, with peak memory.

    .venv/bin/python bench/replay_corpus.py 10000 100000 1000000 [--pg URL]

Builds canonical JSONL from ../shared/corpus (the pro-ISIS tweets, the news items, the IDF
channel posts) repeated with new ids and times up to N, then runs `claimwatch replay` in a child
process per size and database (peak RSS is the child's). Reports messages per second from
watcher to stored incidents and alerts, and the stage split from the summary.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.real_corpora import available, idf, news, tweets  # noqa: E402
from watchers.message import format_datetime  # noqa: E402


def write_corpus(path: Path, n: int) -> None:
    base = list(tweets()) + list(news()) + list(news("rss_link_db_2023Q4_iraq_syria_core.jsonl")) + list(idf())
    start = min(m.date for m in base)
    with path.open("w", encoding="utf-8") as fh:
        for k, m in enumerate(islice(cycle(base), n)):
            lap = k // len(base)
            record = {"source": m.source, "id": f"{m.id}#{lap}", "date": format_datetime(start + timedelta(seconds=30 * k)),
                      "text": m.text, "title": m.title, "url": m.url}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_one(corpus: Path, db: str) -> tuple[float, float, str]:
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-m", "bot", "replay", str(corpus), "--db", db, "--quiet"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if child.returncode not in (0, 3):
        raise SystemExit(f"replay failed: {child.stderr[-1500:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, child.stdout.strip().splitlines()[-1]


def main() -> None:
    args = sys.argv[1:]
    pg = None
    if "--pg" in args:
        pg = args[args.index("--pg") + 1]
        args = args[:args.index("--pg")] + args[args.index("--pg") + 2:]
    sizes = [int(a) for a in args] or [10_000, 100_000]
    if not available():
        raise SystemExit("../shared/corpus is not beside this checkout")
    for n in sizes:
        if os.environ.get("BENCH_CHILD") is None and (len(sizes) > 1 or pg):
            # a fresh interpreter per size and database, so ru_maxrss is that run's own
            for target in ["sqlite", *(["pg"] if pg else [])]:
                env = {**os.environ, "BENCH_CHILD": target}
                cmd = [sys.executable, __file__, str(n)] + (["--pg", pg] if target == "pg" else [])
                print(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.strip())
            continue
        target = os.environ.get("BENCH_CHILD", "sqlite")
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            write_corpus(corpus, n)
            if target == "pg" and pg:
                import psycopg

                name = f"claimwatch_bench_{os.getpid()}"
                with psycopg.connect(pg, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]
                    conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
                db = pg.rsplit("/", 1)[0] + "/" + name
            else:
                db = f"sqlite:///{tmp}/bench.db"
            seconds, rss, summary = run_one(corpus, db)
            if target == "pg" and pg:
                with psycopg.connect(pg, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
        print(f"{target:6} {n:>9,} messages  {seconds:8.1f} s  {n / seconds:7.0f} msg/s  peak RSS {rss:6.1f} MB")
        print(f"       {summary}")


if __name__ == "__main__":
    main()
