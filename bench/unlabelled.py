"""The real texts nobody labelled: what a rule change does on text none of the rules was written from.

    .venv/bin/python bench/unlabelled.py run OUT.json     # classify every unlabelled text, save the outputs
    .venv/bin/python bench/unlabelled.py diff A.json B.json [POOL]   # print every text whose output changed

Reads ../shared/corpus and leaves out every text that shares a run of 40 characters with a message of
../shared/labelled (any fold, so fold 4 is never read through it): the Arabic news paragraphs of the Baly et
al. split (pool ``baly``), the news-feed items (``rss``), the army's Telegram posts (``idf``), the pro-ISIS
tweets (``tweets``), the AuSTR authority tweets and rumours and the ANS headlines (``austr``); about 33,000
texts, each read as the other benchmarks read it (``bench/real_corpora.py``: a feed item's HTML as the feed
watcher turns it into text). A rule change is judged by reading every output ``diff`` prints against the
labelling guide (../shared/labelled/GUIDE.md); the texts are third-party and stay outside the project, and so
do the outputs.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import SHARED, arabic_authorities, arabic_news, available, idf, news, tweets
from watchers.message import Message

LABELLED = SHARED.parent / "labelled"
WINDOW = 40
STEP = 7  # windows of the candidate text checked every STEP characters: any 40-character run shared is found
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


def texts() -> Iterator[tuple[str, Message]]:
    """(pool, message) for every unlabelled text, read as the benchmarks read the corpora, in a fixed order."""
    labelled = _labelled_windows()
    seen: set[str] = set()
    pools: list[tuple[str, Iterable[Message]]] = [
        ("baly", arabic_news()),
        *(("rss", news(path.name)) for path in sorted((SHARED / "rss").glob("*.jsonl"))),
        ("idf", idf()), ("tweets", tweets()), ("austr", arabic_authorities())]
    for pool, messages in pools:
        for m in messages:
            flat = _flat(m.full_text)
            if len(flat) < 20 or flat in seen:
                continue
            seen.add(flat)
            if not any(flat[i:i + WINDOW] in labelled for i in range(0, max(1, len(flat) - WINDOW + 1), STEP)):
                yield pool, m


def run(out: Path) -> None:
    from bot.registry import Registry
    from classifiers.classify import Classifier

    classifier, registry = Classifier(learned=False), Registry.builtin()
    result: dict[str, Any] = {}
    for pool, m in texts():
        found = classifier.classify(m.full_text, m.date, m.source, registry.lookup(m.source).actor, learned=False)
        result[f"{pool}:{m.id}"] = {"text": m.full_text, "statements": found.contract_dict(m.id)["statements"]}
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{len(result):,} texts, {sum(1 for v in result.values() if v['statements']):,} with statements -> {out}")


def _short(st: dict[str, Any]) -> str:
    kind = f"[{st['denial_of']}]" if st.get("denial_of") else ""
    return f"{st['stance']}:{st.get('speaker')}>{st.get('subject')}@{st.get('place')}{kind}"


def _outputs(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SystemExit(f"unlabelled: {path}: not the output of 'unlabelled.py run' ({e})") from None
    if not isinstance(data, dict):
        raise SystemExit(f"unlabelled: {path}: not the output of 'unlabelled.py run' (no object of texts)")
    return data


def diff(a_path: Path, b_path: Path, pool: str | None) -> None:
    a, b = _outputs(a_path), _outputs(b_path)
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
