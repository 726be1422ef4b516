"""What a polled watcher promises, and the result of one poll."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from watchers.message import Message


@dataclass
class Poll:
    """Messages from one poll, oldest first, and the cursor to store once they are stored."""

    messages: list[Message] = field(default_factory=list)
    cursor: str | None = None
    not_modified: bool = False
    rejected: list[str] = field(default_factory=list)
    note: str | None = None  # something a person should read once (a feed that moved)


class PolledSource(Protocol):
    """One source polled on a schedule.

    ``poll(cursor)`` returns what is new since ``cursor`` (plus the current state of recent
    items, so edits are seen), oldest first; it never raises for one bad record (those go to
    ``Poll.rejected``) and raises ``SourceError`` subclasses when the source itself fails:
    ``RetryAfter`` to wait, ``SourceGone`` when it will not come back soon.
    """

    handle: str

    async def poll(self, cursor: str | None) -> Poll: ...

    async def close(self) -> None: ...
