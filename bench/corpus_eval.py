"""Scoring the classifier against the labelled corpus in tests/corpus (shared by the evaluation
script and the regression test)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from classifiers.classify import Classifier
from classifiers.names import same_group
from classifiers.normalize import normalize
from classifiers.types import Statement

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
CLASSES = ("claim", "denial", "attribution")


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    speaker: list[bool] = field(default_factory=list)
    subject: list[bool] = field(default_factory=list)
    denial_kind: list[bool] = field(default_factory=list)
    place: list[bool] = field(default_factory=list)
    names_tp: int = 0
    names_fp: int = 0
    names_fn: int = 0
    errors: list[str] = field(default_factory=list)
    messages: int = 0

    def prf(self, cls: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[cls], self.fp[cls], self.fn[cls]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def macro_f1(self) -> float:
        return sum(self.prf(c)[2] for c in CLASSES) / len(CLASSES)

    @staticmethod
    def rate(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0


def load(paths: list[Path] | None = None) -> list[dict[str, Any]]:
    items = []
    for path in paths or sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def _name(st: Statement, attr: str) -> str | None:
    actor = getattr(st, attr)
    return actor.name if actor else None


def _align(gold: list[list[Any]], pred: list[Statement]) -> list[tuple[list[Any] | None, Statement | None]]:
    pairs: list[tuple[list[Any] | None, Statement | None]] = []
    left = list(pred)
    todo = list(gold)
    for rule in ("exact", "speaker", "stance"):
        for g in list(todo):
            for p in left:
                same_stance = p.stance == g[0]
                same_speaker = _name(p, "speaker") == g[1]
                same_place = (p.place.name if p.place else None) == g[2]
                ok = {"exact": same_stance and same_speaker and same_place,
                      "speaker": same_stance and same_speaker, "stance": same_stance}[rule]
                if ok:
                    pairs.append((g, p))
                    left.remove(p)
                    todo.remove(g)
                    break
    for g in todo:
        pairs.append((g, left.pop(0) if left else None))
    pairs.extend((None, p) for p in left)
    return pairs


def evaluate(items: list[dict[str, Any]], classifier: Classifier | None = None) -> Scores:
    classifier = classifier or Classifier()
    scores = Scores()
    for item in items:
        scores.messages += 1
        date = datetime.fromisoformat(item["date"]) if item.get("date") else None
        source = item.get("source")
        from bot.registry import Registry

        actor = Registry.builtin().lookup(source).actor if source else None
        result = classifier.classify(item["text"], date, source, actor)
        gold = item["gold"]
        gold_set = {g[0] for g in gold}
        pred_set = set(result.stances)
        for cls in CLASSES:
            if cls in gold_set and cls in pred_set:
                scores.tp[cls] += 1
            elif cls in pred_set:
                scores.fp[cls] += 1
                scores.errors.append(f"{item['id']}: extra {cls}")
            elif cls in gold_set:
                scores.fn[cls] += 1
                scores.errors.append(f"{item['id']}: missed {cls}")
        for g, p in _align(gold, list(result.statements)):
            scores.confusion[(g[0] if g else "none", p.stance if p else "none")] += 1
            if g is None or p is None or g[0] != p.stance:
                continue
            ok = _name(p, "speaker") == g[1]
            scores.speaker.append(ok)
            if not ok:
                scores.errors.append(f"{item['id']}: {g[0]} speaker {_name(p, 'speaker')!r} != {g[1]!r}")
            if g[0] == "attribution" and len(g) > 4 and g[4]:
                good = _name(p, "subject") == g[4]
                scores.subject.append(good)
                if not good:
                    scores.errors.append(f"{item['id']}: blamed {_name(p, 'subject')!r} != {g[4]!r}")
            if g[0] == "denial":
                good = p.denial_of == g[3]
                scores.denial_kind.append(good)
                if not good:
                    scores.errors.append(f"{item['id']}: denial of {p.denial_of!r} != {g[3]!r}")
            if g[2] is not None:
                good = (p.place.name if p.place else None) == g[2]
                scores.place.append(good)
                if not good:
                    scores.errors.append(f"{item['id']}: place {p.place.name if p.place else None!r} != {g[2]!r}")
        gold_names = list(item.get("new", []))
        for name in result.new_actor_names:
            match = next((g for g in gold_names if normalize(g) == normalize(name) or same_group(g, name)), None)
            if match is not None:
                scores.names_tp += 1
                gold_names.remove(match)
            else:
                scores.names_fp += 1
                scores.errors.append(f"{item['id']}: extra new name {name!r}")
        scores.names_fn += len(gold_names)
        scores.errors.extend(f"{item['id']}: missed new name {g!r}" for g in gold_names)
    return scores


def report(scores: Scores) -> str:
    lines = [f"{scores.messages} messages", "", f"{'class':12} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for cls in CLASSES:
        p, r, f = scores.prf(cls)
        lines.append(f"{cls:12} {p:6.3f} {r:6.3f} {f:6.3f} {scores.tp[cls] + scores.fn[cls]:8}")
    lines.append(f"{'macro-F1':12} {'':6} {'':6} {scores.macro_f1:6.3f}")
    labels = [*CLASSES, "none"]
    lines += ["", "confusion (rows gold statements, columns predicted)",
              f"{'':12}" + "".join(f"{c:>12}" for c in labels)]
    for g in labels:
        lines.append(f"{g:12}" + "".join(f"{scores.confusion[(g, p)]:12}" for p in labels))
    n_names = scores.names_tp + scores.names_fp
    names_p = scores.names_tp / n_names if n_names else 0.0
    names_r = scores.names_tp / (scores.names_tp + scores.names_fn) if scores.names_tp + scores.names_fn else 0.0
    lines += [
        "",
        f"speaker accuracy     {scores.rate(scores.speaker):.3f}  ({len(scores.speaker)} matched statements)",
        f"blamed-party accuracy {scores.rate(scores.subject):.3f}  ({len(scores.subject)} attributions)",
        f"denial-kind accuracy {scores.rate(scores.denial_kind):.3f}  ({len(scores.denial_kind)} denials)",
        f"place accuracy       {scores.rate(scores.place):.3f}  ({len(scores.place)} statements with a place)",
        f"new names            precision {names_p:.3f}  recall {names_r:.3f}",
    ]
    return "\n".join(lines)
