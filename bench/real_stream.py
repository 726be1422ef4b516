"""Replay a real news stream and compare its incidents with the events it reported.

    .venv/bin/python bench/real_stream.py [--keep DIR]

Reads ../shared/corpus/rss/rss_link_db_2023Q4_iraq_syria_core.jsonl (892 news items, Oct-Dec 2023),
converts it to canonical JSONL (title -> title, description -> text, feed -> source, link -> id and
url, date_published -> date), replays it with bench/real_stream.toml (the feeds' roles and networks)
and compares the incidents with bench/real_stream_events.toml, the attacks on US forces in Iraq and
Syria and the US strikes in response, written from public sources. Prints, per listed event, the
incidents it became; the incidents that are no listed event; the alerts, each marked right or not.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import re
import sys
import tempfile
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli import main  # noqa: E402
from bot.incidents.places import Places  # noqa: E402
from classifiers.gazetteer import load_gazetteer  # noqa: E402
from storage import Store  # noqa: E402

SHARED = Path(os.environ.get("CLAIMWATCH_SHARED", "/work/shared"))
CORPUS = SHARED / "corpus" / "rss" / "rss_link_db_2023Q4_iraq_syria_core.jsonl"
_TAG = re.compile(r"<[^>]+>")


def canonical(src: Path, dst: Path) -> int:
    """The corpus as canonical JSONL, one message per news item (items without a link are skipped)."""
    n = 0
    with src.open(encoding="utf-8") as fh, dst.open("w", encoding="utf-8") as out:
        for line in fh:
            item = json.loads(line)
            if not item.get("link") or not item.get("date_published"):
                continue
            text = html.unescape(_TAG.sub(" ", item.get("description") or "")).strip()
            record = {"source": item.get("feed") or "unknown-feed", "id": item["link"], "url": item["link"],
                      "date": item["date_published"], "title": item.get("title") or "", "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def load_events() -> list[dict[str, Any]]:
    data = tomllib.loads((ROOT / "bench" / "real_stream_events.toml").read_text("utf-8"))
    return list(data["event"])


def event_matches(ev: dict[str, Any], inc: dict[str, Any], places: Places) -> bool:
    day = ev["date"] if isinstance(ev["date"], date) else date.fromisoformat(str(ev["date"]))
    when = datetime.fromisoformat(inc["event_time"])
    # an incident dated by its text ("on Thursday") is of that day; one timed by its first
    # message may be reported up to two days after the event
    late = timedelta(hours=36 if inc.get("time_precision") == "day" else 60)
    if not (datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=12) <= when
            <= datetime(day.year, day.month, day.day, tzinfo=UTC) + late):
        return False
    is_strike = ev["kind"] == "us_strike"
    claimants = [c["actor"] for c in inc["claimants"]]
    if is_strike and claimants and not any(c in STATE_NAMES for c in claimants):
        return False  # a US strike is claimed by the US
    if not is_strike and any(c in STATE_NAMES or c in OTHER_STATES for c in claimants):
        return False  # an attack on US forces is claimed by a group, not by a state
    if inc.get("weapon") and (inc["weapon"] == "airstrike") != is_strike:
        return False  # its weapon says whether it is a strike or an attack
    if inc["place_id"] is None:
        # a placeless incident of the right time and kind that says what happened (a weapon, or
        # US forces as the target): time alone does not make a claim of elsewhere this event
        return bool(inc.get("weapon") or inc.get("target") == "US forces")
    return any(places.relate(inc["place_id"], p) is not None or places.relate(p, inc["place_id"]) is not None
               for p in ev["places"])


STATE_NAMES = {"US Central Command", "Pentagon", "United States", "CJTF-OIR", "Coalition (CJTF-OIR)"}
OTHER_STATES = {a.name for a in load_gazetteer().actors.values() if a.kind in ("state", "official")} - STATE_NAMES


async def incidents(db: str) -> list[dict[str, Any]]:
    from bot.incidents.views import incident_dict

    store = await Store.open(db)
    try:
        rows = await store.list_incidents()
        evidence = await store.incident_messages([r.id for r in rows])
    finally:
        await store.close()
    return [incident_dict(r, evidence.get(r.id, ())) for r in rows]


def report(work: Path) -> dict[str, Any]:
    jsonl = work / "stream.jsonl"
    n = canonical(CORPUS, jsonl)
    db = f"sqlite:///{work}/stream.db"
    alerts_path = work / "alerts.jsonl"
    code = main(["replay", str(jsonl), "--db", db, "--config", str(ROOT / "bench" / "real_stream.toml"),
                 "--alerts-out", str(alerts_path), "--until", "+48h", "--quiet"])
    if code not in (0, 3):
        raise SystemExit(f"replay failed with {code}")
    found = asyncio.run(incidents(db))
    alerts = [json.loads(x) for x in alerts_path.read_text("utf-8").splitlines()]
    events = load_events()
    places = Places(load_gazetteer())
    print(f"{n} items replayed; {len(found)} incidents; {len(alerts)} alerts\n")
    print(f"{'EVENT':44}  {'DATE':10}  INCIDENTS")
    one = covered = 0
    for ev in events:
        hits = [i for i in found if event_matches(ev, i, places)]
        if hits:
            covered += 1
        if len(hits) == 1:
            one += 1
        label = "one" if len(hits) == 1 else ("missed" if not hits else f"split in {len(hits)}")
        print(f"{ev['what'][:44]:44}  {ev['date']!s:10}  {label}: "
              + ", ".join(f"#{i['id']} {i['place'] or '-'} ({i['message_count']} msgs)" for i in hits))
    print("\nincidents that are no listed event, or merge two:")
    stray = merged = 0
    for i in found:
        evs = [e for e in events if event_matches(e, i, places)]
        if len(evs) != 1:
            stray += not evs
            merged += len(evs) > 1
            first = i["messages"][0] if i["messages"] else {}
            print(f"  #{i['id']} {i['event_time'][:16]} {i['place'] or '-'}: "
                  f"{'no listed event' if not evs else 'merges ' + ', '.join(e['what'] for e in evs)}; "
                  f"{i['message_count']} msgs; first: {first.get('url', '')}")
    print("\nalerts:")
    by_id = {i["id"]: i for i in found}
    for a in alerts:
        inc = by_id.get(a["incident"])
        evs = [e for e in events if inc and event_matches(e, inc, places)]
        print(f"  {a['kind']:22} #{a['incident']} {a['actor'] or ''}: "
              f"{'listed event: ' + evs[0]['what'] if evs else 'NO LISTED EVENT'}")
    covered_share = one / covered if covered else 0.0
    print(f"\nlisted events: {len(events)}; covered by the stream: {covered}; one incident each: {one} "
          f"({covered_share:.0%} of covered); incidents with no listed event: {stray}; merging two: {merged}")
    return {"events": len(events), "covered": covered, "one": one, "stray": stray, "merged": merged,
            "alerts": len(alerts)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="keep the database and files in DIR")
    args = parser.parse_args()
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        report(Path(args.keep))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report(Path(tmp))
