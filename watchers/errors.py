"""The one exception tree of claimwatch.

Every package raises from this tree; third-party errors (aiohttp, telethon, SQLAlchemy,
ijson, feedparser) are translated where they enter, with ``raise ... from exc``::

    ClaimwatchError
    ├── ConfigError            bad config file or key; the CLI exits 2
    ├── InputError             an archive path that cannot be read at all; exit 2
    ├── RecordError            one bad record inside a readable archive; counted, exit 3
    ├── DropMessage            a stage decided to drop one message; not an error
    ├── StorageError           the database failed (unreachable, disk full, constraint)
    │   └── StorageUnavailable the database cannot be reached now; retry later
    └── SourceError            a watcher's source failed
        ├── RetryAfter         the remote asked us to wait ``seconds`` (429, FloodWait)
        ├── SourceGone         permanent: moved, no preview, not found
        └── DeliveryError      a sink failed to deliver an alert
            ├── DeliverySetup  the set-up is wrong (token, chat, rights): pause, keep the outbox
            └── DeliveryDead   this alert can never be sent (refused for its content)

The tree lives in ``watchers`` because that is the lowest package: ``classifiers``,
``storage`` and ``bot`` all import from here and never the other way round.
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base of every error claimwatch raises on purpose."""


class ConfigError(ClaimwatchError):
    """The config is wrong. ``str()`` names the file, the key and what is wrong."""

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None) -> None:
        where = ": ".join(p for p in (path, key) if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.key = key


class InputError(ClaimwatchError):
    """An input path cannot be read at all (missing, unreadable, unknown format)."""


class RecordError(ClaimwatchError):
    """One record in an archive is malformed; the reader skips it and goes on.

    ``where`` is the file plus the line number or record index, e.g. ``a.jsonl:12``.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class DropMessage(ClaimwatchError):
    """Raised by a pipeline stage to drop the current message without counting an error."""


class StorageError(ClaimwatchError):
    """The database failed."""


class StorageUnavailable(StorageError):
    """The database cannot be reached or written right now (down, locked, disk full)."""


class SourceError(ClaimwatchError):
    """A watcher's source or a delivery endpoint failed."""


class RetryAfter(SourceError):
    """The remote asked us to wait; waiting is not a failure."""

    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds:g}s")
        self.seconds = seconds


class SourceGone(SourceError):
    """The source is permanently unavailable (moved, no public preview, 404, 410)."""


class DeliveryError(SourceError):
    """A sink could not deliver an alert this time."""


class DeliverySetup(DeliveryError):
    """The destination refuses every alert until an operator fixes the set-up (wrong token,
    unknown chat, bot removed from the chat). Not the alert's fault: nothing is marked dead."""


class DeliveryDead(DeliveryError):
    """Telegram refuses this alert for what it is (its text), however often it is sent."""
