"""Small helpers shared by tests: run the CLI in-process, write canonical JSONL, read a
classification as (stance, speaker, subject) triples or its denials."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from classifiers.classify import Classifier


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def rec(source: str, mid: str, date: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"source": source, "id": mid, "date": date, "text": text, "url": f"https://{source}/{mid}", **extra}


async def arun_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """The CLI from inside an async test (it runs its own event loop, so on a thread)."""
    import asyncio

    code = await asyncio.to_thread(main, list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def stances(classifier: Classifier, text: str, source: str | None = None,
            source_actor: str | None = None) -> set[tuple[str, str | None, str | None]]:
    """(stance, speaker id, subject id) of each statement the rules find."""
    result = classifier.classify(text, None, source, source_actor, learned=False)
    return {(st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None)
            for st in result.statements}


def denials(classifier: Classifier, text: str, source_actor: str | None = None) -> list[tuple[Any, ...]]:
    """(speaker id, subject id, denial kind) of each denial the rules find."""
    result = classifier.classify(text, None, None, source_actor, learned=False)
    return [(st.speaker.id if st.speaker else None, st.subject.id if st.subject else None, st.denial_of)
            for st in result.statements if st.stance == "denial"]
