"""The words of a message that carry its statement, found again for display.

The classifier keeps the sentence a statement came from (``Statement.evidence``) but the
database does not, so the incident page classifies the few messages it shows once more: the
classifier is pure and deterministic, so the same text gives the same statements.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from classifiers.types import Classification

log = logging.getLogger("claimwatch.web")

Segment = tuple[str, bool]  # a piece of the text, and whether it is the statement's evidence


class ClassifierLike(Protocol):
    """Classifies a message's text as the pipeline did (source-aware)."""

    def classify(self, text: str, date: datetime | None = None, source: str | None = None) -> Classification: ...


class Highlighter:
    """Splits a message's text around its statement's evidence. The classifier is built on first
    use, off the event loop (loading the gazetteers takes about a second)."""

    def __init__(self, factory: Callable[[], ClassifierLike]) -> None:
        self._factory = factory
        self._classifier: ClassifierLike | None = None
        self._lock = asyncio.Lock()

    async def classifier(self) -> ClassifierLike:
        async with self._lock:
            if self._classifier is None:
                self._classifier = await asyncio.to_thread(self._factory)
            return self._classifier

    async def segments(self, text: str, title: str | None, date: datetime, source: str,
                       statement_idx: int | None) -> list[Segment]:
        if statement_idx is None or not text:
            return [(text, False)]
        classifier = await self.classifier()
        full = f"{title}\n{text}" if title and text else (title or text)
        try:
            result = classifier.classify(full, date, source)
        except Exception:  # display only: a text the classifier trips on is shown unmarked
            log.exception("re-classifying %s for display failed", source)
            return [(text, False)]
        if statement_idx >= len(result.statements):
            return [(text, False)]
        return split_on(text, result.statements[statement_idx].evidence)


def split_on(text: str, evidence: str) -> list[Segment]:
    """``text`` in pieces with the first occurrence of ``evidence`` marked."""
    evidence = evidence.strip()
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return [(text, False)]
    end = at + len(evidence)
    return [piece for piece in ((text[:at], False), (text[at:end], True), (text[end:], False)) if piece[0]]
