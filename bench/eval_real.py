#!/usr/bin/env python3
"""Judgement on real text: the classifier scored on ``../shared/labelled`` with its own ``score.py``.

    .venv/bin/python bench/eval_real.py [--labelled ../shared/labelled] [--cv-only] [--by-lang]

Prints, with score.py's metrics (per class, macro-F1, speaker, denial kind, place, new names):
- **cross-validated over folds 0-3**: for each of the four folds, the learned layer is trained on the
  other three (thresholds chosen inside them) by ``tools/build_model.py``'s own code and scored on it;
  the four held-out parts are scored together. Rules alone are scored on the same messages.
- **fold 4 once**: rules alone, and with the shipped model (``classifiers/data/stance_model.json``,
  trained on folds 0-3 only). Only figures are printed for fold 4, never its texts or its errors.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import build_model as bm  # noqa: E402

from classifiers.denials import denial_kind  # noqa: E402
from classifiers.learned import StanceModel, load_model, refine  # noqa: E402
from classifiers.types import Classification  # noqa: E402


def predict(examples: Sequence[bm.Example], model: StanceModel | None, gz: Any) -> list[dict[str, Any]]:
    out = []
    for e in examples:
        result: Classification = e.rules
        if model is not None:
            result = refine(model, gz, e.text, e.rules, e.source, e.own, e.when,
                            lambda toks: denial_kind(" ".join(toks)))
        out.append(result.contract_dict(e.id))
    return out


def subject_accuracy(score: Any, pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]]) -> tuple[int, int]:
    """score.py leaves the subject out: the same test as its speaker's, on the subject lists."""
    hit = total = 0
    for g, p in pairs:
        for gs in g["statements"]:
            if gs.get("subject"):
                total += 1
                same = [x for x in p.get("statements") or [] if x.get("stance") == gs["stance"]]
                hit += any(score.name_match(x.get("subject"), gs["subject"]) for x in same)
    return hit, total


def report(score: Any, title: str, examples: Sequence[bm.Example], preds: Sequence[dict[str, Any]],
           by_lang: bool) -> dict[str, Any]:
    pairs = [(e.gold, p) for e, p in zip(examples, preds, strict=True)]
    r = score.metrics(pairs)
    r["subject"] = subject_accuracy(score, pairs)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        score.table(title, r)
        print("  subject accuracy         " + score.fmt_ratio(*r["subject"]))
        firm = [(g, p) for g, p in pairs if not g.get("doubtful")]
        score.table(title + ", firm labels only", score.metrics(firm))
        if by_lang:
            for lang in sorted({e.gold.get("lang") for e in examples}):
                sub = [(g, p) for g, p in pairs if g.get("lang") == lang]
                if len(sub) >= 20:
                    score.table(f"{title}, lang {lang}", score.metrics(sub))
    print(buf.getvalue(), end="")
    return r


def summary(r: dict[str, Any]) -> str:
    def ratio(x: Sequence[int]) -> str:
        return f"{x[0] / x[1]:.2f}" if x[1] else "n/a"
    cls = " ".join(f"{c} P/R {r[c][0]:.2f}/{r[c][1]:.2f}" for c in ("claim", "denial", "attribution"))
    return (f"macro-F1 {r['macro']:.2f} ({cls}); speaker {ratio(r['speaker'])}; subject {ratio(r['subject'])}; "
            f"denial kind {ratio(r['denial_of'])}; place {ratio(r['place'])}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labelled", default=str(ROOT.parent / "shared" / "labelled"))
    ap.add_argument("--cv-only", action="store_true", help="skip the fold-4 figures")
    ap.add_argument("--by-lang", action="store_true", help="also per language")
    a = ap.parse_args(argv)
    labelled = Path(a.labelled)
    if not (labelled / "gold.jsonl").is_file():
        print(f"eval_real: no labelled set at {labelled}", file=sys.stderr)
        return 2
    score = bm.load_score(labelled)
    classifier = bm.build_classifier()
    gz = classifier.gz
    dev = bm.load_examples(labelled, bm.DEV_FOLDS, classifier)

    oof: list[dict[str, Any]] = [{}] * len(dev)
    for k in bm.DEV_FOLDS:
        train = [e for e in dev if e.fold != k]
        model = bm.fit(train, gz, score)
        idx = [i for i, e in enumerate(dev) if e.fold == k]
        for i, p in zip(idx, predict([dev[i] for i in idx], model, gz), strict=True):
            oof[i] = p
    lines = []
    r = report(score, "rules alone, folds 0-3", dev, predict(dev, None, gz), a.by_lang)
    lines.append("folds 0-3, rules alone:        " + summary(r))
    r = report(score, "rules + learned layer, cross-validated over folds 0-3", dev, oof, a.by_lang)
    lines.append("folds 0-3, rules + learned CV: " + summary(r))
    if not a.cv_only:
        test = bm.load_examples(labelled, (4,), classifier)
        r = report(score, "rules alone, fold 4", test, predict(test, None, gz), a.by_lang)
        lines.append("fold 4, rules alone:           " + summary(r))
        shipped = load_model()
        if shipped is not None:
            r = report(score, "rules + shipped learned layer, fold 4", test, predict(test, shipped, gz), a.by_lang)
            lines.append("fold 4, rules + learned:       " + summary(r))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
