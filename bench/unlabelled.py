"""The real texts nobody labelled: what a rule change does on text none of the rules was written from.

    .venv/bin/python bench/unlabelled.py run OUT.json     # classify every unlabelled text, save the outputs
    .venv/bin/python bench/unlabelled.py diff A.json B.json [POOL]   # print every text whose output changed

Reads ../shared/corpus and leaves out every text that shares a run of 40 characters with a message of
../shared/labelled (any fold, so fold 4 is never read through it): the Arabic news paragraphs of the Baly et
al. split (pool ``baly``), the news-feed items (``rss``), the army's Telegram posts (``idf``), the pro-ISIS
tweets (``tweets``), the AuSTR authority tweets and rumours and the ANS headlines (``austr``); about 32,800
texts. A rule change is judged by reading every output ``diff`` prints against the labelling guide
(../shared/labelled/GUIDE.md); the texts are third-party and stay outside the project, and so do the outputs.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import SHARED, available

LABELLED = SHARED.parent / "labelled"
WINDOW = 40
STEP = 7  # windows of the candidate text checked every STEP characters: any 40-character run shared is found
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def _labelled_windows() -> set[str]:
    windows: set[str] = set()
    for line in (LABELLED / "messages.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        for text in (m.get("text") or "", m.get("title") or ""):
            flat = _flat(text)
            windows.update(flat[i:i + WINDOW] for i in range(max(1, len(flat) - WINDOW + 1)))
    return windows


def texts() -> Iterator[tuple[str, dict[str, Any]]]:
    """(pool, canonical message) for every unlabelled text, in a fixed order."""
    csv.field_size_limit(1 << 30)
    labelled = _labelled_windows()
    seen: set[str] = set()

    def fresh(text: str) -> bool:
        flat = _flat(text)
        if flat in seen or len(flat) < 20:
            return False
        seen.add(flat)
        return not any(flat[i:i + WINDOW] in labelled for i in range(0, max(1, len(flat) - WINDOW + 1), STEP))

    for n, line in enumerate((SHARED / "stance/austr/ArabicFC_Baly2018_dev_split.txt").open(encoding="utf-8")):
        parts = line.rstrip("\n").split("\t")
        text = (parts[3] if len(parts) >= 5 and parts[0].strip().isdigit() else line).strip()
        if len(text) >= 60 and fresh(text):
            yield "baly", {"source": "news", "id": f"B{n}", "text": text}
    for path in sorted((SHARED / "rss").glob("*.jsonl")):
        for n, line in enumerate(path.open(encoding="utf-8")):
            item = json.loads(line)
            title = html.unescape(_TAGS.sub(" ", item.get("title") or "")).strip()
            text = html.unescape(_TAGS.sub(" ", item.get("description") or "")).strip()
            if fresh(f"{title} {text}"):
                yield "rss", {"source": item.get("feed") or "rss", "id": f"{path.stem}#{n}", "title": title, "text": text,
                              "date": item.get("date_published")}
    with (SHARED / "official/idf_telegram_2023-10_2024-02.csv").open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            text = re.sub(r"^\d\d:\d\d", "", (row.get("Text") or "").strip()).strip()
            if len(text) >= 30 and fresh(text):
                yield "idf", {"source": "t.me/idfofficial", "id": f"I{n}", "text": text}
    with gzip.open(SHARED / "tweets/how_isis_uses_twitter_tweets_isis_all.csv.gz", "rt", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            text = (row.get("tweets") or "").strip()
            when = (row.get("time_iso") or "").replace(" ", "T")
            if fresh(text):
                yield "tweets", {"source": "x.com/" + row["username"], "id": f"T{n}", "text": text,
                                 "date": f"{when}:00+00:00" if when else None}
    for name in ("ECIR2023_data_AuSTR_ECIR2023.tsv", "SNAM_data_AuSTR_SNAM.tsv"):
        with (SHARED / "stance/austr" / name).open(encoding="utf-8") as fh:
            for n, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
                for column in ("evidence_text", "rumor_text"):
                    text = (row.get(column) or "").strip()
                    if fresh(text):
                        yield "austr", {"source": "x.com/authority", "id": f"{name}#{n}:{column}", "text": text}
    for path in sorted((SHARED / "stance/ans").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for n, row in enumerate(csv.DictReader(fh)):
                for column in ("s1", "s2", "claim"):
                    text = (row.get(column) or "").strip()
                    if fresh(text):
                        yield "austr", {"source": "news", "id": f"{path.name}#{n}:{column}", "text": text}


def run(out: Path) -> None:
    from bot.registry import Registry
    from classifiers.classify import Classifier

    classifier, registry = Classifier(learned=False), Registry.builtin()
    result: dict[str, Any] = {}
    for pool, m in texts():
        title, body = m.get("title") or "", m.get("text") or ""
        text = f"{title}\n{body}" if title and body else (title or body)
        date = datetime.fromisoformat(m["date"]) if m.get("date") else None
        actor = registry.lookup(m["source"]).actor
        found = classifier.classify(text, date, m["source"], actor, learned=False).contract_dict(m["id"])
        result[f"{pool}:{m['id']}"] = {"text": text, "statements": found["statements"]}
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{len(result):,} texts, {sum(1 for v in result.values() if v['statements']):,} with statements -> {out}")


def _short(st: dict[str, Any]) -> str:
    kind = f"[{st['denial_of']}]" if st.get("denial_of") else ""
    return f"{st['stance']}:{st.get('speaker')}>{st.get('subject')}@{st.get('place')}{kind}"


def diff(a_path: Path, b_path: Path, pool: str | None) -> None:
    a = json.loads(a_path.read_text(encoding="utf-8"))
    b = json.loads(b_path.read_text(encoding="utf-8"))
    changed = 0
    for key, before in a.items():
        after = b.get(key)
        if after is None or before["statements"] == after["statements"] or (pool and not key.startswith(pool + ":")):
            continue
        changed += 1
        print(f"\n## {key} " + before["text"][:500].replace("\n", " / "))
        print("   A  " + " | ".join(_short(s) for s in before["statements"]))
        print("   B  " + " | ".join(_short(s) for s in after["statements"]))
    print(f"\n{changed} of {len(a):,} texts changed")


def main(argv: list[str]) -> int:
    if not available():
        print("unlabelled: ../shared/corpus is not beside this checkout", file=sys.stderr)
        return 2
    if len(argv) == 2 and argv[0] == "run":
        run(Path(argv[1]))
    elif len(argv) in (3, 4) and argv[0] == "diff":
        diff(Path(argv[1]), Path(argv[2]), argv[3] if len(argv) == 4 else None)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
