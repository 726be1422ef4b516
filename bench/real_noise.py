"""Precision on real noise: classify the 17,410 pro-ISIS tweets and the 733 full-day news items
of ../shared/corpus; count the messages that got any stance and print a fixed random sample of
30 of them for a person to judge. The sample leaves out every text that is also in
../shared/labelled (any fold): the learned layer was trained on folds 0-3, and fold 4 is for
scoring only, so a judge must not read it.

    .venv/bin/python bench/real_noise.py [--sample 30] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import SHARED, available, news, tweets
from classifiers.classify import Classifier


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not available():
        raise SystemExit("../shared/corpus is not beside this checkout")
    classifier = Classifier()
    rng = random.Random(args.seed)
    labelled = SHARED.parent / "labelled" / "messages.jsonl"
    seen: set[str] = set()
    if labelled.exists():
        for m in map(json.loads, labelled.open(encoding="utf-8")):
            seen |= {_key(m.get("text") or ""), _key(m.get("title") or "")}
    seen.discard("")
    hits_all = []
    for name, stream in (("tweets", tweets()), ("news 2023 full days", news())):
        total = 0
        hits = []
        stances: Counter[str] = Counter()
        for message in stream:
            total += 1
            result = classifier.classify(message.full_text, message.date, message.source)
            if result.stances:
                hits.append((name, message, result))
                stances.update(result.stances)
        print(f"{name}: {total} messages, {len(hits)} with any stance ({len(hits) / total:.1%}); "
              f"{dict(sorted(stances.items()))}")
        hits_all.extend(h for h in hits if _key(h[1].text) not in seen and _key(h[1].full_text) not in seen
                        and _key(h[1].title or "") not in seen)
    print(f"\nsample of {args.sample} (seed {args.seed}) among the {len(hits_all)} not in the labelled set:")
    for name, message, result in rng.sample(hits_all, min(args.sample, len(hits_all))):
        text = " ".join(message.full_text.split())[:260]
        sts = "; ".join(f"{s.stance}:{s.speaker.name if s.speaker else '?'}"
                        + (f"->{s.subject.name}" if s.stance == "attribution" and s.subject else "")
                        + (f"@{s.place.name}" if s.place else "") for s in result.statements)
        print(f"- [{name}] {message.date.date()} {text}\n    => {sts}")


if __name__ == "__main__":
    main()
