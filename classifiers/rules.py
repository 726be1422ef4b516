"""Loads the stance rules of ``data/phrases.toml`` into compiled patterns."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from classifiers.normalize import normalize
from classifiers.prefilter import AnyOf, any_of_words
from classifiers.tables import tables


@dataclass(frozen=True, slots=True)
class Rule:
    stance: str
    regex: re.Pattern[str]
    speaker: str
    subject: str | None
    kind: str | None
    needs: str | None
    fixed: str | None
    fixed_subject: str | None
    lang: str
    place_after: bool = False
    subject_optional: bool = False  # an explicit blame stands even when the one blamed is not known


@dataclass(frozen=True, slots=True)
class Block:
    stances: frozenset[str]
    regex: re.Pattern[str]
    scope: str
    # the block does not hold where these words end right before its span ("the group Israel|
    # blamed for": an object relative clause, not a headline's passive)
    unless_before: re.Pattern[str] | None = None


class Substrings:
    """Plain substrings, one of which must occur (a trigger list): ``search`` as a pattern's. The
    words are searched as one pattern shaped as a trie of their characters ("respon(?:se to|ding
    to)|..."): at each position of the text the regex engine then follows one branch per letter,
    where an alternation of whole words tries every word (and a substring test per word scans
    the text once per word); about three times faster on real messages."""

    __slots__ = ("_any", "_last", "pattern", "words")

    def __init__(self, words: list[str]) -> None:
        self.words = tuple(words)
        self.pattern = "|".join(re.escape(w) for w in words) if words else "(?!)"
        self._any = re.compile(any_of_words(words))
        self._last: tuple[str, bool] | None = None  # the last text searched, and the answer

    def search(self, text: str) -> bool:
        last = self._last
        if last is not None and last[0] is text:
            # the same text again: a message of one sentence is read whole by the gate, then as its
            # sentence by the cues
            return last[1]
        found = self._any.search(text) is not None
        self._last = (text, found)
        return found


_ANYTHING = AnyOf([""])  # matches every text


@dataclass(frozen=True, slots=True)
class LanguageRules:
    lang: str
    trigger: Substrings
    rules: tuple[Rule, ...]
    blocks: tuple[Block, ...]
    report: re.Pattern[str] | None
    report_trigger: Substrings | None = None
    # every rule in one test, lookarounds removed: it matches wherever any rule could match
    # in a sentence of the text, so a message it does not match is quiet; the same for reports
    gate: AnyOf = _ANYTHING
    report_gate: AnyOf | None = None
    # the report pattern's alternatives as they are (lookarounds kept): ``search`` says what the
    # pattern's own does, skipping each alternative whose words are absent
    report_any: AnyOf | None = None
    # the blocks' literals, in their order: a block none of whose literals a sentence holds
    # blocks nothing there and is not searched
    block_gate: AnyOf = _ANYTHING


def _skip_class(pattern: str, i: int) -> int:
    """The index just past the character class that starts at ``pattern[i] == "["``."""
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The characters that shape ``pattern`` from ``start`` on ("(", ")", "|") with their index;
    escapes and character classes are passed over."""
    i, n = start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _skip_class(pattern, i)
            continue
        if ch in "()|":
            yield i, ch
        i += 1


def _group_end(pattern: str, i: int) -> int:
    """The index of the ")" that closes the group opening at ``pattern[i]`` (the end if none)."""
    depth = 0
    for j, ch in _structure(pattern, i):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(pattern)


def without_lookarounds(pattern: str) -> str:
    """``pattern`` with every lookahead and lookbehind removed. The result matches at least
    wherever the original does, and also across a sentence boundary where a lookbehind like
    ``(?<!not )`` would see the previous sentence's last word (the gate must never miss)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = _group_end(pattern, i) + 1
            continue
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern[i] == "[":
            end = _skip_class(pattern, i)
            out.append(pattern[i:end])
            i = end
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]): the text
    holds a match of the pattern exactly where it holds one of some alternative, and each
    alternative searched alone may be skipped by its own literals (the report pattern is one
    alternation of eight forms, none holding a word all of them do). The pattern whole when it
    refers to a group (a back-reference) or sets flags for all of it."""
    if re.search(r"\\\d|\(\?P=|\(\?[aiLmsux]+\)", pattern):
        return [pattern]
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in _structure(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _gate(patterns: list[str]) -> AnyOf:
    """The patterns without lookarounds, as one test (what their union's search would say)."""
    return AnyOf(without_lookarounds(p) for p in patterns)


def _norm_pattern(pattern: str) -> str:
    return normalize(pattern)


def load_rules() -> dict[str, LanguageRules]:
    """The stance rules of every language (built once per process with the other tables:
    ``classifiers.tables``)."""
    return tables().rules


def build_rules() -> dict[str, LanguageRules]:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("phrases.toml").read_text("utf-8"))
    out: dict[str, LanguageRules] = {}
    for lang, section in raw.items():
        triggers = [normalize(t) if t.strip() else t for t in section.get("triggers", [])]
        # keep a trailing space in a trigger ("not ", "hit "): it is part of the word boundary
        triggers = [t + " " if orig.endswith(" ") and not t.endswith(" ") else t
                    for t, orig in zip(triggers, section.get("triggers", []), strict=True)]
        trigger = Substrings(triggers)
        rules = tuple(
            Rule(
                stance=r["stance"], regex=re.compile(_norm_pattern(r["re"])), speaker=r.get("speaker", "before"),
                subject=r.get("subject"), kind=r.get("kind"), needs=r.get("needs"), fixed=r.get("fixed"),
                fixed_subject=r.get("fixed_subject"), lang=lang, place_after=r.get("place_after", False),
                subject_optional=r.get("subject_optional", False),
            )
            for r in section.get("rule", [])
        )
        blocks = tuple(
            Block(frozenset(b["stance"]), re.compile(_norm_pattern(b["re"])), b.get("scope", "span"),
                  re.compile(_norm_pattern(b["unless_before"]) + "$") if "unless_before" in b else None)
            for b in section.get("block", [])
        )
        report_raw = section.get("report", {}).get("re")
        report = re.compile(_norm_pattern(report_raw)) if report_raw else None
        words = [normalize(w) for w in section.get("report", {}).get("triggers", [])]
        report_trigger = Substrings(words) if words else None
        out[lang] = LanguageRules(lang, trigger, rules, blocks, report, report_trigger,
                                  _gate([r.regex.pattern for r in rules]),
                                  _gate(alternatives(report.pattern)) if report is not None else None,
                                  AnyOf(alternatives(report.pattern)) if report is not None else None,
                                  AnyOf(b.regex.pattern for b in blocks))
    return out
