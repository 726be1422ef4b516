"""The compiled word tables of the data files, built together once per process: the stance rules
(``data/phrases.toml``, with the prefilters read off them), the frames' word lists
(``data/frames.toml``), the denials' (``data/denials.toml``), the casualty figures' patterns and the
actors' names written in capitals (``data/actors.toml``).

Building them is most of a classifier's start-up: some 500 regular expressions, each parsed and
compiled by ``re`` in Python, and the literals of every rule read off its parsed pattern (~2.5 s
of CPU on this project's machines). What they are built into is plain values and compiled
patterns, so a process may read them back from the previous one's build (bot/ does:
``bot.gazetteer_cache``); ``classifiers/`` itself only builds them (no I/O of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from classifiers.denials import DenialWords
    from classifiers.figures import FigurePatterns
    from classifiers.framewords import FrameWords
    from classifiers.rules import LanguageRules


@dataclass(frozen=True, slots=True)
class Tables:
    """Every compiled table of the data files."""

    rules: dict[str, LanguageRules]
    frames: dict[str, FrameWords]
    denials: DenialWords
    figures: FigurePatterns
    acronyms: frozenset[str]  # actors written in capitals, no dateline before a colon (sentences.strip_dateline)


Loader = Callable[[Callable[[], Tables]], Tables]
_loader: Loader | None = None


def build_tables() -> Tables:
    """The tables built from the data files."""
    from classifiers.denials import build_denial_words
    from classifiers.figures import build_figure_patterns
    from classifiers.framewords import build_frames
    from classifiers.gazetteer_data import acronyms
    from classifiers.rules import build_rules

    return Tables(build_rules(), build_frames(), build_denial_words(), build_figure_patterns(), acronyms())


def use_loader(load: Loader | None) -> None:
    """How this process gets the tables: ``load(build_tables)`` (which may read them back from an
    earlier build instead of calling it); None to build them. Set before the first use."""
    global _loader
    _loader = load
    tables.cache_clear()


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The tables of this process (built, or read back by the loader)."""
    return _loader(build_tables) if _loader is not None else build_tables()
