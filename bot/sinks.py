"""Alert sinks that need no network: a JSONL file and standard output.

A sink promises to write each alert it is given once, in the order given; it raises
DeliveryError for a failure it cannot absorb.
"""

from __future__ import annotations

import json
import sys
from typing import Protocol, TextIO

from storage.values import AlertValue


class AlertSink(Protocol):
    """Receives alerts as they are raised."""

    name: str

    async def emit(self, alert: AlertValue) -> None: ...

    async def close(self) -> None: ...


class JsonlSink:
    """One alert per line, in the contract's JSON shape; byte-identical for identical input."""

    name = "jsonl"

    def __init__(self, path: str) -> None:
        self.path = path
        self._handle: TextIO = open(path, "w", encoding="utf-8")

    async def emit(self, alert: AlertValue) -> None:
        self._handle.write(json.dumps(alert.contract_dict(), ensure_ascii=False, sort_keys=False) + "\n")
        self._handle.flush()

    async def close(self) -> None:
        self._handle.close()


class StdoutSink:
    """The plain-text rendering of each alert, for a person at a terminal."""

    name = "stdout"

    def __init__(self, stream: TextIO | None = None, web_url: str = "") -> None:
        self.stream = stream or sys.stdout
        self.web_url = web_url  # [web] public_url: the alert names its incident's page there

    async def emit(self, alert: AlertValue) -> None:
        bar = "─" * 72
        page = f"{self.web_url}/incidents/{alert.incident}\n" if self.web_url and alert.incident else ""
        self.stream.write(f"{bar}\n{alert.text}\n{page}")
        self.stream.flush()

    async def close(self) -> None:
        return None
