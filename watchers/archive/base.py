"""What every archive reader promises, and where rejected records go."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from watchers.errors import RecordError
from watchers.message import Message

log = logging.getLogger("claimwatch.archive")


@dataclass
class Rejects:
    """Counts rejected records and keeps the first few reasons for the summary; ``report``,
    when set, is told each one as it happens (the CLI prints one stderr line per record)."""

    keep: int = 10
    count: int = 0
    first: list[str] = field(default_factory=list)
    unreadable: int = 0
    report: Callable[[str], None] | None = None
    skipped: list[str] = field(default_factory=list)  # files of a directory that are not archives, with why

    def add(self, error: RecordError | str) -> None:
        self.count += 1
        text = str(error)
        if self.report is not None:
            self.report(text)
        else:
            log.debug("rejected %s", text)
        if len(self.first) < self.keep:
            self.first.append(text)

    def add_unreadable(self, reason: str) -> None:
        self.unreadable += 1
        self.add(reason)


class ArchiveReader(Protocol):
    """Reads one archive file.

    Yields canonical messages in the file's order; never raises for one bad record (it goes to
    ``rejects`` with the file and line or record index); raises InputError only when the file
    cannot be read at all.
    """

    def __call__(self, path: Path, rejects: Rejects) -> Iterator[Message]: ...
