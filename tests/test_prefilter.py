"""The rules' gate tested by literals first must answer exactly as the union of the patterns."""

from __future__ import annotations

import re
from itertools import product
from types import SimpleNamespace

import pytest

from classifiers.figures import extract_figures
from classifiers.prefilter import AnyOf, _longest_trie, _scanner, conditions, necessary, word_start
from classifiers.rules import Substrings, alternatives, load_rules, without_lookarounds

PATTERNS = [
    r"claim(?:ed|s|ing)? (?:full |sole |the )?(?:responsibility|credit)",
    r"(?:took|takes|has taken) (?:full )?responsibility",
    r"(?:claimed|claims) (?:\w+ ){0,3}?(?:attack|strike)s?",
    r"(?:was|were) (?:carried out|launched) by",
    r"(?:denied|denies|deny)(?= ?$| rt(?!\w))",
    r"\w+ said",
    r"no (?:\w+ ){0,2}?(?:were|was) (?:killed|hurt)",
    r"[0-9]+ rockets?",
]
TEXTS = [
    "the group claimed responsibility for the attack",
    "they claims sole credit",
    "the militia has taken full responsibility for it",
    "a faction claimed two separate drone strikes on the base",
    "the strike was launched by the army",
    "the ministry denies",
    "the ministry denies rt",
    "officials said nothing",
    "no soldiers were killed in the shelling",
    "12 rockets fell near the airport",
    "reclaimed land near the river",
    "the weather was mild on tuesday",
    "",
    "claimed",
    "responsibility",
]


def test_literals_every_match_must_hold() -> None:
    # "claimed " and "claims " share "claim"; "attack" would do as well
    assert necessary(r"(?:claimed|claims) (?:\w+ ){0,3}?attack") in ({"claim"}, {"attack"})
    assert necessary(r"(?:did not|never) (?:strike|attack)|denied") == {"never", "did not", "denied"}
    assert necessary(r"(?:was|were) (?:carried out|launched) by") is not None
    assert necessary(r"\w+") is None  # nothing fixed to look for: the pattern always runs


def test_gate_answers_as_the_union() -> None:
    gate = AnyOf(PATTERNS)
    union = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
    for text in TEXTS:
        assert gate.search(text) == bool(union.search(text)), text
    assert not AnyOf([]).search("anything at all")
    assert AnyOf([""]).search("")


def test_shipped_rules_gate_as_their_union() -> None:
    sentences = [t for t in TEXTS if t] + [
        "the spokesman dismissed the reports as baseless lies",
        "hezbollah said its fighters targeted an israeli position",
        "نفت الحركة مسؤوليتها عن الهجوم",
        "le groupe a revendique l attaque",
    ]
    for lr in load_rules().values():
        union = re.compile("|".join(f"(?:{without_lookarounds(r.regex.pattern)})" for r in lr.rules))
        for text in sentences:
            assert lr.gate.search(text) == bool(union.search(text)), (lr.lang, text)


def test_trigger_words_are_substrings() -> None:
    words = Substrings(["claim", "not ", "ed by "])
    assert words.search("it was reclaimed")  # inside a word, as the pattern matched
    assert words.search("carried by ")
    assert not words.search("it is not")  # "not " needs its space
    assert not Substrings([]).search("claim")


def test_a_rule_that_matches_is_never_skipped() -> None:
    sentences = [t for t in TEXTS if t] + ["the army denied that it struck the convoy",
                                           "the ministry blamed the militia for the attack"]
    matched = 0
    for lr in load_rules().values():
        for i, rule in enumerate(lr.rules):
            for text in sentences:
                if rule.regex.search(text):
                    matched += 1
                    assert lr.gate.may_match(i, text), (lr.lang, rule.regex.pattern, text)
    assert matched >= 5
    en = load_rules()["en"]
    skipped = [i for i in range(len(en.rules)) if not en.gate.may_match(i, "the weather was mild")]
    assert len(skipped) > len(en.rules) // 2  # the point: most rules need no search at all


def test_every_fixed_part_of_a_sequence_is_a_condition() -> None:
    # one of the first words and one of the last: a text needs both before the pattern runs
    assert conditions(r"(?:attack|strike)(?: \w+){0,4}? (?:never|nothing)") == [("attack", "strike"),
                                                                              (" never", " nothing")]
    # "claimed by" implies "claim": only the rarer set is kept; single letters never count
    assert conditions(r"claim(?:ed|s)? (?:\w+ )?(?:was )?claimed by") == [("claimed by",)]
    assert conditions(r"\w+") == []
    assert conditions(r"(?i)rocket fired") == []  # a literal read off a caseless pattern is not what it matches


def test_a_pattern_whose_second_part_is_absent_is_not_searched() -> None:
    gate = AnyOf([r"(?:rockets?|drones?) (?:\w+ ){0,4}?(?:landed|struck)", r"\w+ said"])
    # "rocket" is there, none of "landed", "struck": the first pattern is not searched
    assert gate.candidates("a rocket display at the fair, he said", 2) == [1]
    assert gate.candidates("a rocket swiftly landed, he said", 2) == [0, 1]
    assert not gate.may_match(0, "drones flew over the hills")
    assert gate.may_match(0, "two drones later struck a depot")
    for text in ("a rocket display at the fair", "two drones later struck a depot", "rockets landed", "nothing"):
        union = re.compile(gate.pattern)
        assert gate.search(text) == bool(union.search(text)), text


def test_figures_skip_patterns_whose_words_are_absent() -> None:
    # the same figures whatever the words that let each pattern run
    assert extract_figures("the blast killed 14 people and wounded 30").killed == 14
    assert extract_figures("the blast killed 14 people and wounded 30").wounded == 30
    assert extract_figures("un attentat faisant 9 morts").killed == 9
    assert extract_figures("the parade drew 14 people and 30 horses") == extract_figures("no figure here at all")


def test_a_block_that_matches_is_never_skipped() -> None:
    sentences = [t for t in TEXTS if t] + ["the army did not strike the convoy", "the team will strike back in the final",
                                           "officials may have attacked the depot", "لم تهاجم القوات القاعدة"]
    searched = skipped = 0
    for lr in load_rules().values():
        for j, block in enumerate(lr.blocks):
            for text in sentences:
                if block.regex.search(text):
                    assert lr.block_gate.may_match(j, text), (lr.lang, block.regex.pattern, text)
                searched += 1
                skipped += not lr.block_gate.may_match(j, text)
    assert skipped > searched // 2  # most sentences hold none of a block's words


def test_a_pattern_cut_into_its_alternatives() -> None:
    assert alternatives(r"a|b(?:c|d)|[|x]|\|y") == ["a", "b(?:c|d)", "[|x]", r"\|y"]
    assert alternatives(r"(a)b|\1") == [r"(a)b|\1"]  # a back-reference ties the alternatives
    assert alternatives(r"(?i)rocket|drone") == [r"(?i)rocket|drone"]  # flags for the whole pattern


def test_report_alternatives_answer_as_the_report_pattern() -> None:
    sentences = [t for t in TEXTS if t] + [
        "two rockets later landed near the base", "the drone show was cancelled", "gunmen killed three guards",
        "the gunman wanted to kill", "explosions were heard in the capital", "سقوط صواريخ على القاعدة",
        "une attaque contre la base", "des drones ont ete abattus", "the team lost the final"]
    for lr in load_rules().values():
        if lr.report is None or lr.report_any is None:
            continue
        assert len(lr.report_any.pattern) > 0
        for text in sentences:
            assert lr.report_any.search(text) == bool(lr.report.search(text)), (lr.lang, text)
    en = load_rules()["en"]
    assert en.report_any is not None and len(alternatives(en.report.pattern if en.report else "")) > 1


def test_a_pattern_is_parsed_once_for_all_its_literal_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    """A gate reads each pattern once (its literals, its other sets, the index's sets), with the
    answers it gave when each read parsed the pattern again."""
    import classifiers.prefilter as pf

    pattern = r"(?:claimed|claims) (?:\w+ ){0,3}?(?:rocket|drone) attacks? on (?:troops|bases)"
    pf._reading.cache_clear()
    parses: list[str] = []
    real_parse = pf._p.parse

    def counting(p: str, *args: object) -> object:
        parses.append(p)
        return real_parse(p, *args)

    monkeypatch.setattr(pf, "_p", SimpleNamespace(parse=counting))  # the prefilter's parses, not re.compile's
    gate = AnyOf([pattern])
    assert parses == [pattern]
    assert necessary(pattern) == frozenset({"claim"})
    assert conditions(pattern) == [("claim",), ("drone", "rocket"), ("bases", "troops"), (" attack",)]
    assert gate.search("they claimed the drone attack on troops") and not gate.search("claims of a drone")
    assert conditions(r"(?i)claimed (?:attack|strike)") == []  # a literal read under a flag is not what it matches


def test_the_literal_scan_finds_the_longest_word_at_every_position() -> None:
    # overlapping words ("claims" and "sattack" in "claimsattack"), a word inside another, a newline
    # and characters the pattern syntax gives a meaning to: the scan opens on the words' first
    # characters and finds each position's longest word, as a lookahead tried at every position does
    words = sorted({"claim", "claims", "sattack", "attack", "ack", "a-b", "]x", "^y", "نفي", "نفت", "\nz"})
    scan = re.compile(_scanner(words))
    slow = re.compile("(?=(" + _longest_trie(words) + "))")
    for text in ("claimsattack a-b ]x ^y", "hamas claims the attack", "نفت الحركه", "a\nz ]]x", "", "zzz"):
        assert scan.findall(text) == slow.findall(text)
    assert scan.findall("claimsattack") == ["claims", "sattack", "attack", "ack"]


def test_word_start_matches_as_the_alternation_behind_a_word_boundary() -> None:
    words = ("said", "says", "say", "according to", "وفق", "وفقا ل", "اخر")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)|ab")
    fast = re.compile(word_start(*words, end=r"(?!\w)", bare=("ab",)))
    pieces = ("said", "says", "say", "s", "according to", "accord", "وفقا ل", "وفق", "و", "x", " ", "_", "ab", "1")
    for n in range(1, 4):
        for parts in product(pieces, repeat=n):
            text = "".join(parts)
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
