#!/usr/bin/env python3
"""Builds ``classifiers/data/stance_model.json`` from ``../shared/labelled`` folds 0-3.

    .venv/bin/python tools/build_model.py [--labelled ../shared/labelled] [--out classifiers/data/stance_model.json]

Deterministic: the same labelled set and the same rules give the same bytes (fixed example order,
a seeded shuffle, weights rounded to six places, keys sorted). Fold 4 is never read here: it is the
test fold (``bench/eval_real.py`` scores it once).

The models are plain logistic regressions trained by AdaGrad with L2 on binary features (see
``classifiers/learned.py`` for the features). Stance thresholds are chosen on out-of-fold
predictions inside the training folds, so a fold held out by ``bench/eval_real.py`` never chooses
its own thresholds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifiers.classify import Classifier  # noqa: E402
from classifiers.learned import (  # noqa: E402
    MODEL_FILE,
    LinearModel,
    Prepared,
    StanceModel,
    actor_candidates,
    all_sentence_features,
    message_features,
    place_candidates,
    prepare,
    ranker_features,
    stance_scores,
)
from classifiers.types import STANCES, ActorRef, Classification  # noqa: E402

DEV_FOLDS = (0, 1, 2, 3)


def load_score(labelled: Path) -> Any:
    """The scorer shipped with the labelled set (its name normalisation and metrics)."""
    spec = importlib.util.spec_from_file_location("labelled_score", labelled / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Example:
    """One labelled message with everything the models need, computed once."""

    id: str
    fold: int
    lang: str
    gold: dict[str, Any]
    message: dict[str, Any]
    text: str
    source: str | None
    own: ActorRef | None
    when: Any
    rules: Classification
    prepared: Prepared
    feats: list[list[str]]  # per sentence
    labels: list[set[str]]  # per sentence: the stances whose gold evidence overlaps it
    focus: list[int]  # per gold statement: the sentence its evidence starts in (-1: not found)


def full_text(m: dict[str, Any]) -> str:
    title, text = m.get("title") or "", m.get("text") or ""
    return f"{title}\n{text}" if title and text else (title or text)


def source_actors() -> dict[str, str]:
    """Handle -> actor id, from the built-in source registry (what `classify` passes)."""
    import tomllib
    raw = tomllib.loads((ROOT / "bot" / "data" / "sources.toml").read_text("utf-8"))
    return {s["handle"]: s["actor"] for s in raw.get("source", []) if s.get("actor")}


def load_examples(labelled: Path, folds: Sequence[int], classifier: Classifier) -> list[Example]:
    keep = set(folds)
    msgs = [json.loads(x) for x in (labelled / "messages.jsonl").read_text("utf-8").splitlines() if x.strip()]
    gold = [json.loads(x) for x in (labelled / "gold.jsonl").read_text("utf-8").splitlines() if x.strip()]
    actors = source_actors()
    gz = classifier.gz
    out = []
    for m, g in zip(msgs, gold, strict=True):
        if g["fold"] not in keep:
            continue
        text = full_text(m)
        date = datetime.fromisoformat(m["date"]) if m.get("date") else None
        source = m.get("source") or None
        actor = actors.get(source or "")
        own = gz.actors[actor].ref() if actor in gz.actors else None
        rules = classifier.classify(text, date, source, actor, learned=False)
        p = prepare(text, gz, rules.lang)
        labels: list[set[str]] = [set() for _ in p.sentences]
        focus = []
        for st in g["statements"]:
            a = text.find(st["evidence"] or "\0")
            b = a + len(st["evidence"] or "")
            hit = [i for i, s in enumerate(p.sentences) if a >= 0 and s.start < b and a < s.end]
            for i in hit:
                labels[i].add(st["stance"])
            focus.append(hit[0] if hit else -1)
        out.append(Example(m["id"], g["fold"], g.get("lang", ""), g, m, text, source, own,
                           date.date() if date else None, rules, p, all_sentence_features(p, rules, source, own, gz),
                           labels, focus))
    return out


# -- training ----------------------------------------------------------------------------------

def train_lr(rows: Sequence[Sequence[str]], labels: Sequence[int], c: float = 1.0,
             balanced: bool = False, min_count: int = 2) -> LinearModel:
    """L2 logistic regression (liblinear, deterministic) over binary features."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, int] = {}
    for feats in rows:
        for f in feats:
            seen[f] = seen.get(f, 0) + 1
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for feats in rows:
        for f in feats:
            if seen[f] >= min_count:  # a feature seen once says more about that message than about the class
                indices.append(vocab.setdefault(f, len(vocab)))
        indptr.append(len(indices))
    if not vocab or len(set(labels)) < 2:
        return LinearModel({}, -5.0 if not any(labels) else 5.0)
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    lr = LogisticRegression(C=c, solver="liblinear", class_weight="balanced" if balanced else None,
                            random_state=0, max_iter=1000)
    lr.fit(x, np.array(labels))
    names = sorted(vocab, key=vocab.__getitem__)
    return LinearModel({n: float(w) for n, w in zip(names, lr.coef_[0], strict=True)}, float(lr.intercept_[0]))


MARGIN = 0.02


def best_thresholds(probs: Sequence[float], ruled: Sequence[bool], labels: Sequence[int]) -> tuple[float, float]:
    """The pair (alone, with the rules) that maximises F1: a stance is kept when the model's
    probability reaches ``alone``, or reaches ``with_rules`` where the rules found it too. Ties go to
    the higher thresholds (fewer statements). (1.01, 0.0) is the rules alone."""
    grid = [0.0] + [i / 40 for i in range(1, 40)] + [1.01]
    def f1_of(alone: float, with_rules: float) -> float:
        tp = fp = fn = 0
        for p, r, y in zip(probs, ruled, labels, strict=True):
            keep = p >= alone or (r and p >= with_rules)
            tp += keep and y
            fp += keep and not y
            fn += (not keep) and y
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    rules_alone = f1_of(1.01, 0.0)
    best, pair = -1.0, (0.5, 0.5)
    for alone in grid:
        for with_rules in [g for g in grid if g <= alone]:
            f1 = f1_of(alone, with_rules)
            if f1 > best + 1e-9 or (abs(f1 - best) <= 1e-9 and (alone, with_rules) > pair):
                best, pair = f1, (alone, with_rules)
    # the model decides a stance only where it beats the rules by more than choosing among ~860
    # threshold pairs on the same predictions can gain by chance
    return pair if best >= rules_alone + MARGIN else (1.01, 0.0)


def _stance_labels(examples: Sequence[Example], stance: str) -> list[int]:
    return [1 if stance in e.gold["stances"] else 0 for e in examples]


def fit_stance(examples: Sequence[Example], c: float = 0.3) -> tuple[dict[str, LinearModel], dict[str, LinearModel]]:
    """Sentence-level models (a sentence is positive when a gold statement's evidence overlaps
    it) and message-level ones."""
    rows = [f for e in examples for f in e.feats]
    sentence = {s: train_lr(rows, [1 if s in lab else 0 for e in examples for lab in e.labels], c=c, balanced=True)
                for s in STANCES}
    whole = [message_features(e.feats) for e in examples]
    message = {s: train_lr(whole, _stance_labels(examples, s), c=c, balanced=True) for s in STANCES}
    return sentence, message


def message_probs(models: tuple[dict[str, LinearModel], dict[str, LinearModel]], e: Example) -> dict[str, float]:
    shim = StanceModel(models[0], models[1], dict.fromkeys(STANCES, (0.5, 0.5)), LinearModel({}), LinearModel({}),
                       LinearModel({}))
    return {s: v[0] for s, v in stance_scores(shim, e.feats).items()}


def choose_thresholds(examples: Sequence[Example]) -> dict[str, tuple[float, float]]:
    """Out-of-fold predictions over the folds present, then the F1-best threshold per stance."""
    folds = sorted({e.fold for e in examples})
    probs: dict[str, list[float]] = {s: [] for s in STANCES}
    labels: dict[str, list[int]] = {s: [] for s in STANCES}
    ruled: dict[str, list[bool]] = {s: [] for s in STANCES}
    for k in folds:
        train = [e for e in examples if e.fold != k]
        test = [e for e in examples if e.fold == k]
        models = fit_stance(train)
        for e in test:
            mp = message_probs(models, e)
            for s in STANCES:
                probs[s].append(mp[s])
        for s in STANCES:
            labels[s] += _stance_labels(test, s)
            ruled[s] += [s in e.rules.stances for e in test]
    return {s: best_thresholds(probs[s], ruled[s], labels[s]) for s in STANCES}


def _ranker_rows(examples: Sequence[Example], gz: Any, score: Any, what: str) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for e in examples:
        for st, focus in zip(e.gold["statements"], e.focus, strict=True):
            if focus < 0:
                continue
            if what == "place":
                want = st.get("place") or []
                if not want:
                    continue
                cands = place_candidates(e.prepared, gz, e.rules, st["stance"], focus)
                # the most specific name the gold gives: the broader ones it also accepts (the
                # country) would teach the ranker to prefer countries over the village attacked
                ys = [1 if any(score.place_match(n, want[:1]) for n in (c.ref.name, c.ref.as_written)) else 0
                      for c in cands]
            else:
                if what == "subject" and st["stance"] != "attribution":
                    continue
                want = st.get(what) or []
                if not want:
                    continue
                own = e.own if what == "speaker" else None
                cands = actor_candidates(e.prepared, gz, e.rules, st["stance"], focus, own, e.when, role=what)
                ys = [1 if any(score.name_match(n, want) for n in (c.ref.name, c.ref.as_written)) else 0 for c in cands]
            if not any(ys) or all(ys):
                continue  # nothing to rank
            for c, y in zip(cands, ys, strict=True):
                rows.append(ranker_features(c, st["stance"]))
                labels.append(y)
    return rows, labels


def fit(examples: Sequence[Example], gz: Any, score: Any) -> StanceModel:
    """The whole layer from these examples (thresholds from their own out-of-fold predictions)."""
    thresholds = choose_thresholds(examples)
    sentence, message = fit_stance(examples)
    models = {}
    for what in ("speaker", "subject", "place"):
        rows, labels = _ranker_rows(examples, gz, score, what)
        models[what] = train_lr(rows, labels)
    return StanceModel(sentence, message, thresholds, models["speaker"], models["subject"], models["place"])


def build_classifier() -> Classifier:
    return Classifier(learned=False)


def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labelled", default=str(ROOT.parent / "shared" / "labelled"))
    ap.add_argument("--out", default=str(ROOT / "classifiers" / "data" / MODEL_FILE))
    a = ap.parse_args(argv)
    labelled = Path(a.labelled)
    if not (labelled / "gold.jsonl").is_file():
        print(f"build_model: no labelled set at {labelled} (gold.jsonl missing)", file=sys.stderr)
        return 2
    score = load_score(labelled)
    classifier = build_classifier()
    examples = load_examples(labelled, DEV_FOLDS, classifier)
    model = fit(examples, classifier.gz, score)
    Path(a.out).write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True, indent=0) + "\n", "utf-8")
    sizes = {s: len(model.stance[s].weights) for s in STANCES}
    cuts = ", ".join(f"{s} {model.thresholds[s][0]:.2f}/{model.thresholds[s][1]:.2f}" for s in STANCES)
    log(f"wrote {a.out}: {len(examples)} messages of folds 0-3; thresholds {cuts}; weights {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
