"""The quiet-message gate: a message the gate lets through as quiet must be one no rule fires on."""

from __future__ import annotations

import re

import pytest

from bench.corpus_eval import load
from classifiers.classify import Classifier
from classifiers.rules import load_rules, without_lookarounds
from classifiers.sentences import prepare, split_sentences


@pytest.mark.parametrize(("pattern", "loose"), [
    (r"(?<!not )(?<!never )claim(?:ed|s)? responsibility", r"claim(?:ed|s)? responsibility"),
    (r"(?<!\w)(?:denied|x)(?! (?:him|[)]a)(?!\w)) (?:that)(?!\w)", r"(?:denied|x) (?:that)"),
    (r"(?:(?<!the )(?<!a ))(?:claimed|claims)", r"(?:)(?:claimed|claims)"),
    (r"a[(?=]b\(?=c", r"a[(?=]b\(?=c"),  # a class and an escaped parenthesis are not lookarounds
])
def test_lookarounds_are_removed_and_nothing_else(pattern: str, loose: str) -> None:
    assert without_lookarounds(pattern) == loose
    re.compile(loose)


def test_gate_matches_every_sentence_a_rule_matches() -> None:
    """Over the labelled corpus: wherever a rule or report pattern fires in a sentence, the
    language's gate fires on the whole message."""
    classifier = Classifier()
    checked = 0
    for item in load():
        sentences = [prepare(classifier.gz, p) for p in split_sentences(item["text"])]
        whole = " ".join(s.norm for s in sentences)
        for lr in load_rules().values():
            for s in sentences:
                if any(r.regex.search(s.norm) for r in lr.rules):
                    checked += 1
                    assert lr.gate.search(whole), (item["id"], lr.lang)
                if lr.report is not None and lr.report.search(s.norm):
                    assert lr.report_gate is not None and lr.report_gate.search(whole), (item["id"], lr.lang)
    assert checked > 150


def test_a_claim_after_a_sentence_ending_in_not_is_still_found() -> None:
    """In the whole message the claim reads "not claimed responsibility", which the rule's own
    lookbehind refuses; in its sentence it is a claim, and the quiet path must not swallow it."""
    text = "Nobody would say who did not. Claimed responsibility: Kataib Hezbollah, in a statement on Telegram."
    result = Classifier().classify(text)
    assert [st.stance for st in result.statements] == ["claim"]
    assert result.statements[0].speaker is not None
    assert result.statements[0].speaker.id == "kataib-hezbollah"
