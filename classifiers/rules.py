"""Loads the stance rules of ``data/phrases.toml`` into compiled patterns."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from classifiers.normalize import normalize


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


@dataclass(frozen=True, slots=True)
class Block:
    stances: frozenset[str]
    regex: re.Pattern[str]
    scope: str


@dataclass(frozen=True, slots=True)
class LanguageRules:
    lang: str
    trigger: re.Pattern[str]
    rules: tuple[Rule, ...]
    blocks: tuple[Block, ...]
    report: re.Pattern[str] | None
    report_trigger: re.Pattern[str] | None = None


def _norm_pattern(pattern: str) -> str:
    return normalize(pattern)


@lru_cache(maxsize=1)
def load_rules() -> dict[str, LanguageRules]:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("phrases.toml").read_text("utf-8"))
    out: dict[str, LanguageRules] = {}
    for lang, section in raw.items():
        triggers = [normalize(t) if t.strip() else t for t in section.get("triggers", [])]
        # keep a trailing space in a trigger ("not ", "hit "): it is part of the word boundary
        triggers = [t + " " if orig.endswith(" ") and not t.endswith(" ") else t
                    for t, orig in zip(triggers, section.get("triggers", []), strict=True)]
        trigger = re.compile("|".join(re.escape(t) for t in triggers)) if triggers else re.compile("(?!)")
        rules = tuple(
            Rule(
                stance=r["stance"], regex=re.compile(_norm_pattern(r["re"])), speaker=r.get("speaker", "before"),
                subject=r.get("subject"), kind=r.get("kind"), needs=r.get("needs"), fixed=r.get("fixed"),
                fixed_subject=r.get("fixed_subject"), lang=lang, place_after=r.get("place_after", False),
            )
            for r in section.get("rule", [])
        )
        blocks = tuple(
            Block(frozenset(b["stance"]), re.compile(_norm_pattern(b["re"])), b.get("scope", "span"))
            for b in section.get("block", [])
        )
        report_raw = section.get("report", {}).get("re")
        report = re.compile(_norm_pattern(report_raw)) if report_raw else None
        words = [normalize(w) for w in section.get("report", {}).get("triggers", [])]
        report_trigger = re.compile("|".join(re.escape(w) for w in words)) if words else None
        out[lang] = LanguageRules(lang, trigger, rules, blocks, report, report_trigger)
    return out
