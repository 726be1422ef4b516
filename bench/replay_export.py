"""Replay a generated Telegram Desktop export of N messages; report messages/s and peak memory.

    .venv/bin/python bench/replay_export.py 100000 1000000

Each size runs `claimwatch replay` in a child process on a fresh SQLite database, so the peak RSS
(ru_maxrss of the child) is the replay's own. The export mixes realistic kinds of text: militia
claims (Arabic), relays, official statements and denials (English), and chatter, with new ids and
times, so the whole pipeline (parse, classify, store, incidents, alerts) does real work.
Memory must stay flat as the export grows: the export is streamed, batches are bounded.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One message in ten carries a statement, as in the relay channels this tool follows; claims
# spread over every place of the gazetteer and over time, so incidents grow as real ones do.
STANCE_TEXTS = [
    "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة الاحتلال الأمريكي في {place} بطائرة مسيرة، وأصابت هدفها بشكل مباشر.",
    "عاجل | تبنت سرايا أولياء الدم استهداف رتل للدعم اللوجستي في {place}",
    "Reports of an attack on Coalition forces at {place} are not true.",
    "The Pentagon blamed Kataib Hezbollah for the attack on {place}.",
    "Rockets landed near {place}, no casualties were reported, the coalition said.",
]
CHATTER = [
    "صباح الخير من بغداد، الجو حار اليوم",
    "Football: the referee denied him a penalty in the final minutes.",
    "تشييع مهيب لشهداء الحشد الشعبي في كربلاء المقدسة",
    "Breaking: markets fall as oil prices rise in early trading",
    "عاجل | انفجار يهز منطقة الكرادة وسط بغداد",
    "Protesters gathered in Tahrir Square demanding jobs and services",
    "مؤتمر صحفي لرئيس الوزراء حول الموازنة العامة",
    "Weather: dust storm expected across Anbar and Salah al-Din",
    "الحشد الشعبي ينظم حملة للتبرع بالدم في النجف",
]


def _places() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from classifiers.gazetteer import load_gazetteer

    return [p.name for p in load_gazetteer().places.values()]


def message_text(i: int, places: list[str]) -> str:
    if i % 10 == 0:
        k = i // 10
        return STANCE_TEXTS[k % len(STANCE_TEXTS)].format(place=places[(k * 7) % len(places)]) + f" #{i}"
    return CHATTER[i % len(CHATTER)] + f" #{i}"


def write_export(path: Path, n: int) -> None:
    start = 1_600_000_000
    places = _places()
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"name": "bench", "type": "public_channel", "id": 777, "messages": [\n')
        for i in range(n):
            text = message_text(i, places)
            record = {"id": i + 1, "type": "message", "date": "2020-09-13T00:00:00",
                      "date_unixtime": str(start + i * 60), "from": "bench", "from_id": "channel777",
                      "text": [{"type": "bold", "text": "·"}, text] if i % 3 == 0 else text, "text_entities": []}
            fh.write(("," if i else "") + json.dumps(record, ensure_ascii=False) + "\n")
        fh.write("]}\n")


def run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "result.json"
        write_export(export, n)
        db = Path(tmp) / "bench.db"
        started = time.perf_counter()
        child = subprocess.run([sys.executable, "-m", "bot", "replay", str(export), "--db", f"sqlite:///{db}",
                                "--quiet", "--alerts-out", str(Path(tmp) / "alerts.jsonl")],
                               cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if child.returncode != 0:
            raise SystemExit(f"replay failed ({child.returncode}): {child.stderr[-2000:]}")
        summary = child.stdout.strip().splitlines()[-1]
        return {"messages": n, "seconds": seconds, "per_second": n / seconds, "peak_rss_mb": peak_mb,
                "export_mb": export.stat().st_size / 2**20, "summary": summary}  # type: ignore[dict-item]


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [100_000, 1_000_000]
    for n in sizes:
        # a fresh interpreter per size, so ru_maxrss is that size's own peak
        if os.environ.get("BENCH_CHILD") != str(n) and len(sizes) > 1:
            out = subprocess.run([sys.executable, __file__, str(n)], env={**os.environ, "BENCH_CHILD": str(n)},
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip())
            continue
        r = run(n)
        print(f"{r['messages']:>9,} messages  {r['export_mb']:7.1f} MB export  {r['seconds']:8.1f} s  "
              f"{r['per_second']:8.0f} msg/s  peak RSS {r['peak_rss_mb']:6.1f} MB")
        print(f"          {r['summary']}")


if __name__ == "__main__":
    main()
