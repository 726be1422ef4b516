"""Evaluate the classifier on the labelled corpus (tests/corpus).

    .venv/bin/python bench/eval_classifier.py [--errors] [--lang en|ar|fa|fr]

Prints per-class precision, recall and F1, the confusion matrix, speaker, blamed-party,
denial-kind and place accuracy, and new-name precision and recall; --errors lists each mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus_eval import CORPUS, evaluate, load, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--lang")
    args = parser.parse_args()
    paths = [CORPUS / f"{args.lang}.jsonl"] if args.lang else None
    scores = evaluate(load(paths))
    print(report(scores))
    if args.errors:
        print("\nmistakes:")
        for error in scores.errors:
            print("  " + error)


if __name__ == "__main__":
    main()
