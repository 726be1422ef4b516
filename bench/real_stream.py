"""Replay a real news stream and compare its incidents with the events it reported.

    .venv/bin/python bench/real_stream.py [--keep DIR]

Reads ../shared/corpus/rss/rss_link_db_2023Q4_iraq_syria_core.jsonl (892 news items, Oct-Dec 2023),
converts it to canonical JSONL (title -> title, description -> text, feed -> source, link -> id and
url, date_published -> date), replays it with bench/real_stream.toml (the feeds' roles and networks)
and compares the incidents with bench/real_stream_events.toml, the attacks on US forces in Iraq and
Syria and the US strikes in response, written from public sources, with the stream items that report
each of them and the items that report no real attack or strike (both judged by hand).

Prints, message by message, per listed event the incidents its reports landed in (one, or a split
over several, each stray incident with the event's messages in it); the incidents that merge two
listed events; the incidents made only of items reporting no real attack ("not a real event"); the
other incidents (real events outside the list). Then the older, kinder figure that decides by place
and date alone which incidents are an event, and the alerts, judged by place and date.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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
from watchers.text import html_to_text  # noqa: E402

SHARED = Path(os.environ.get("CLAIMWATCH_SHARED", "/work/shared"))
CORPUS = SHARED / "corpus" / "rss" / "rss_link_db_2023Q4_iraq_syria_core.jsonl"


def canonical(src: Path, dst: Path) -> int:
    """The corpus as canonical JSONL, one message per news item (items without a link are skipped)."""
    n = 0
    with src.open(encoding="utf-8") as fh, dst.open("w", encoding="utf-8") as out:
        for line in fh:
            item = json.loads(line)
            if not item.get("link") or not item.get("date_published"):
                continue
            # as the feed watcher reads a description: block elements are line breaks (a live blog's
            # summary, its links and its first paragraph are not one sentence)
            text = html_to_text(item.get("description") or "")
            record = {"source": item.get("feed") or "unknown-feed", "id": item["link"], "url": item["link"],
                      "date": item["date_published"], "title": item.get("title") or "", "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def load_gold() -> dict[str, Any]:
    return tomllib.loads((ROOT / "bench" / "real_stream_events.toml").read_text("utf-8"))


def load_events() -> list[dict[str, Any]]:
    return list(load_gold()["event"])


def by_messages(events: list[dict[str, Any]], found: list[dict[str, Any]], not_events: set[str]) -> dict[str, Any]:
    """The incidents of each listed event, read from the messages claimwatch linked.

    An event is in an incident when the incident holds one of the items reporting it, unless that
    item also reports another listed event whose home is that incident (the 25 Dec US strikes and the
    Erbil attack are mostly reported together: such an item in the strikes' incident is no split of the
    attack). An event's home is the incident holding most of the items that report it alone (then most
    of its items)."""
    urls = {i["id"]: {m["url"] for m in i["messages"]} for i in found}
    reports = [set(e.get("reports", ())) for e in events]
    home: list[int | None] = []
    for n, rep in enumerate(reports):
        alone = rep - set().union(*(r for k, r in enumerate(reports) if k != n))
        held = [(len(urls[i["id"]] & alone), len(urls[i["id"]] & rep), i["id"]) for i in found]
        best = max(held, default=(0, 0, 0))
        home.append(best[2] if best[1] else None)

    def holds(inc: int, n: int) -> bool:
        return any(not any(home[k] == inc and u in reports[k] for k in range(len(events)) if k != n)
                   for u in urls[inc] & reports[n])

    per_event = []
    for n, ev in enumerate(events):
        linked = set().union(*urls.values()) & reports[n]
        incs = sorted((i["id"] for i in found if holds(i["id"], n)),
                      key=lambda i: (i != home[n], -len(urls[i] & reports[n])))
        per_event.append({"what": ev["what"], "date": str(ev["date"]), "reports": len(reports[n]),
                          "linked": len(linked), "home": home[n], "incidents": incs})
    merges = {i["id"]: [n for n in range(len(events)) if holds(i["id"], n)] for i in found}
    merges = {k: v for k, v in merges.items() if len(v) > 1}
    listed = {i for e in per_event for i in e["incidents"]}
    not_real = [i["id"] for i in found if i["id"] not in listed and urls[i["id"]] and urls[i["id"]] <= not_events]
    other = [i["id"] for i in found if i["id"] not in listed and i["id"] not in not_real]
    return {"events": per_event, "merges": merges, "not_real": not_real, "other": other}


def print_by_messages(res: dict[str, Any], events: list[dict[str, Any]], found: list[dict[str, Any]],
                      not_events: set[str]) -> None:
    by_id = {i["id"]: i for i in found}
    reports = [set(e.get("reports", ())) for e in events]

    def where(i: dict[str, Any]) -> str:
        return f"#{i['id']} {i['place'] or '-'}"

    print("BY MESSAGE: the incidents holding the stream items that report each listed event "
          "(msgs: the event's items in it / all its messages)")
    print(f"{'EVENT':44}  {'DATE':10}  LINKED   INCIDENTS")
    for n, e in enumerate(res["events"]):
        incs = e["incidents"]
        label = ("not reported" if not e["reports"] else "missed" if not incs
                 else "one" if len(incs) == 1 else f"split in {len(incs)}")
        print(f"{e['what'][:44]:44}  {e['date']:10}  {e['linked']:>2}/{e['reports']:<3}  {label}"
              + (": " if incs else "")
              + ", ".join(f"{where(by_id[i])} ({len({m['url'] for m in by_id[i]['messages']} & reports[n])}"
                          f"/{by_id[i]['message_count']} msgs)" for i in incs))
        for i in incs:
            if i != e["home"]:
                for u in sorted({m["url"] for m in by_id[i]["messages"]} & reports[n]):
                    print(f"{'':60}stray {where(by_id[i])}: {u}")
    print("\nincidents merging listed events:")
    for i, ns in res["merges"].items():
        print(f"  {where(by_id[i])}: " + "; ".join(events[n]["what"] for n in ns))
    print(f"\nincidents made only of items reporting no real attack or strike (not a real event): "
          f"{len(res['not_real'])}")
    for i in res["not_real"]:
        first = by_id[i]["messages"][0]["url"] if by_id[i]["messages"] else ""
        print(f"  {where(by_id[i])} {by_id[i]['event_time'][:10]} ({by_id[i]['message_count']} msgs): {first}")
    mixed = [i for i in res["other"] if {m["url"] for m in by_id[i]["messages"]} & not_events]
    print(f"\nother incidents (real events outside the list): {len(res['other'])}, "
          f"{len(mixed)} of them also holding items that report no real attack")
    one = sum(1 for e in res["events"] if len(e["incidents"]) == 1)
    split = sum(1 for e in res["events"] if len(e["incidents"]) > 1)
    reported = sum(1 for e in res["events"] if e["reports"])
    missed = sum(1 for e in res["events"] if e["reports"] and not e["incidents"])
    print(f"\nby message: listed events: {len(events)}; reported in the stream: {reported}; exactly one "
          f"incident: {one}; split: {split}; missed: {missed}; "
          f"incidents merging two or more: {len(res['merges'])}; not a real event: {len(res['not_real'])}; "
          f"other: {len(res['other'])}\n")


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
    gold = load_gold()
    events = list(gold["event"])
    not_events = set(gold.get("not_events", ()))
    places = Places(load_gazetteer())
    print(f"{n} items replayed; {len(found)} incidents; {len(alerts)} alerts\n")
    links = {json.loads(x)["url"] for x in jsonl.read_text("utf-8").splitlines()}
    unknown = (not_events | {u for e in events for u in e.get("reports", ())}) - links
    if unknown:
        print(f"WARNING: {len(unknown)} judged links are not in the stream: {sorted(unknown)[:3]}\n")
    res = by_messages(events, found, not_events)
    print_by_messages(res, events, found, not_events)
    print("BY PLACE AND DATE (older figure, kinder: an incident about a listed event placed elsewhere is "
          "'no listed event', not a split)")
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
    print(f"\nby place and date: listed events: {len(events)}; covered by the stream: {covered}; one incident "
          f"each: {one} ({covered_share:.0%} of covered); incidents with no listed event: {stray}; merging two: {merged}")
    print(f"by message: exactly one incident: {sum(1 for e in res['events'] if len(e['incidents']) == 1)}; "
          f"split: {sum(1 for e in res['events'] if len(e['incidents']) > 1)}; merging: {len(res['merges'])}; "
          f"not a real event: {len(res['not_real'])}; other: {len(res['other'])}")
    return {"events": len(events), "covered": covered, "one": one, "stray": stray, "merged": merged,
            "alerts": len(alerts), "by_message": res}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="keep the database and files in DIR")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"real_stream: {CORPUS}: not found (../shared/corpus beside the checkout, or CLAIMWATCH_SHARED)")
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        report(Path(args.keep))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report(Path(tmp))
