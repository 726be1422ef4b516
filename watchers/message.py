"""The canonical message: what every watcher and archive reader produces.

A message is identified everywhere by (``source``, ``id``). A later record with the same key
is an edit (``edited`` set) or a deletion (``deleted`` true) of the earlier one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from watchers.errors import RecordError

# a message dated outside these years is a broken record, and windows added to it (a day, a
# year of history) must not overflow datetime's range
MIN_YEAR, MAX_YEAR = 1900, 9000


def parse_datetime(value: str) -> datetime:
    """Parse ISO 8601 *with an offset* (``Z`` accepted) into an aware UTC datetime.

    Raises ValueError for a naive or malformed value: a time without an offset is ambiguous
    and the canonical format forbids it.
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError(f"time {value!r} has no UTC offset")
    try:
        utc = parsed.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        raise ValueError(f"time {value!r} is out of range once converted to UTC") from None
    if not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise ValueError(f"time {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return utc


def format_datetime(value: datetime) -> str:
    """Render an aware datetime as ISO 8601 in UTC with an explicit ``+00:00``."""
    return value.astimezone(UTC).isoformat()


@dataclass(frozen=True, slots=True)
class Message:
    """One message from one source, in the canonical form of the contract."""

    source: str
    id: str
    date: datetime
    text: str
    url: str | None = None
    title: str | None = None
    edited: datetime | None = None
    deleted: bool = False
    forwarded_from: str | None = None
    reply_to: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.id)

    @property
    def full_text(self) -> str:
        """Title and body together, as the classifiers read them."""
        if self.title and self.text:
            return f"{self.title}\n{self.text}"
        return self.title or self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "id": self.id,
            "date": format_datetime(self.date),
            "text": self.text,
            "url": self.url,
            "title": self.title,
            "edited": format_datetime(self.edited) if self.edited else None,
            "deleted": self.deleted,
            "forwarded_from": self.forwarded_from,
            "reply_to": self.reply_to,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any, where: str, *, require_source: bool = True) -> Message:
        """Validate one canonical record. Raises RecordError naming ``where`` and the field."""
        if not isinstance(data, dict):
            raise RecordError(where, f"expected a JSON object, got {type(data).__name__}")
        # fields the contract does not name ("views", "reactions" ...) are ignored: exporters add them
        source = data.get("source")
        if require_source and (not isinstance(source, str) or not source.strip()):
            raise RecordError(where, "missing or empty 'source'")
        raw_id = data.get("id")
        if isinstance(raw_id, int) and not isinstance(raw_id, bool):
            raw_id = str(raw_id)
        if require_source and (not isinstance(raw_id, str) or not raw_id):
            raise RecordError(where, "missing or empty 'id' (a string)")
        text = data.get("text")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise RecordError(where, "'text' must be a string")
        raw_date = data.get("date")
        if raw_date is None and require_source:
            raise RecordError(where, "missing 'date'")
        date: datetime | None = None
        if raw_date is not None:
            if not isinstance(raw_date, str):
                raise RecordError(where, "'date' must be an ISO 8601 string with an offset")
            try:
                date = parse_datetime(raw_date)
            except ValueError as exc:
                raise RecordError(where, f"bad 'date': {exc}") from exc
        edited = data.get("edited")
        edited_at: datetime | None = None
        if edited is not None:
            try:
                edited_at = parse_datetime(str(edited))
            except ValueError as exc:
                raise RecordError(where, f"bad 'edited': {exc}") from exc
        deleted = data.get("deleted", False)
        if not isinstance(deleted, bool):
            raise RecordError(where, "'deleted' must be true or false")
        for name in ("url", "title", "forwarded_from", "reply_to"):
            value = data.get(name)
            if value is not None and not isinstance(value, str | int):
                raise RecordError(where, f"'{name}' must be a string or null")
        return cls(
            source=(source or "").strip(),
            id=str(raw_id or ""),
            date=date or datetime(1970, 1, 1, tzinfo=UTC),
            text=text,
            url=data.get("url"),
            title=data.get("title"),
            edited=edited_at,
            deleted=deleted,
            forwarded_from=_opt_str(data.get("forwarded_from")),
            reply_to=_opt_str(data.get("reply_to")),
        )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
