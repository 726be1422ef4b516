"""Precision on real noise: classify the 17,410 pro-ISIS tweets and the 733 full-day news items
of ../shared/corpus; count the messages that got any stance and print a fixed random sample of
30 of them for a person to judge.

    .venv/bin/python bench/real_noise.py [--sample 30] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import available, news, tweets
from classifiers.classify import Classifier


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not available():
        raise SystemExit("../shared/corpus is not beside this checkout")
    classifier = Classifier()
    rng = random.Random(args.seed)
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
        hits_all.extend(hits)
    print(f"\nsample of {args.sample} (seed {args.seed}):")
    for name, message, result in rng.sample(hits_all, min(args.sample, len(hits_all))):
        text = " ".join(message.full_text.split())[:260]
        sts = "; ".join(f"{s.stance}:{s.speaker.name if s.speaker else '?'}"
                        + (f"->{s.subject.name}" if s.stance == "attribution" and s.subject else "")
                        + (f"@{s.place.name}" if s.place else "") for s in result.statements)
        print(f"- [{name}] {message.date.date()} {text}\n    => {sts}")


if __name__ == "__main__":
    main()
