"""The labelled corpus: the classifier must stay above the floor the project promises."""

from __future__ import annotations

from bench.corpus_eval import CLASSES, Scores, evaluate, load


def test_corpus_is_what_the_issue_asks_for() -> None:
    items = load()
    assert len(items) >= 250
    langs = {i["id"].split("-")[0] for i in items}
    assert langs == {"en", "ar", "fa", "fr"}
    negatives = [i for i in items if not i["gold"]]
    assert len(negatives) >= 60
    stances = {g[0] for i in items for g in i["gold"]}
    kinds = {g[3] for i in items for g in i["gold"] if g[0] == "denial"}
    assert stances == set(CLASSES)
    assert kinds == {"responsibility", "event", "figures", "location"}
    assert sum(1 for i in items if len(i["gold"]) >= 3) >= 3  # reports quoting several parties


def test_classifier_meets_the_floor() -> None:
    scores: Scores = evaluate(load())
    assert scores.macro_f1 >= 0.90, scores.errors
    assert scores.rate(scores.speaker) >= 0.85, scores.errors
    assert scores.rate(scores.denial_kind) >= 0.85, scores.errors
