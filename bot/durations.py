"""Durations (``90m``, ``24h``, ``3d``) and the ``WHEN`` of the contract."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from watchers.message import parse_datetime

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    """``"90m"`` → 90 minutes. Raises ValueError naming the accepted forms."""
    match = _DURATION.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a duration (use e.g. 90s, 90m, 24h, 3d, 2w)")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2)])


def format_duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit in ("w", "d", "h", "m"):
        if seconds and seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


UNTIL_FORMS = ("ISO 8601 with an offset (2024-01-30T00:00:00+00:00) or +DURATION counted from the newest "
               "message replayed (+48h, +3d, +90m)")
SINCE_FORMS = ("ISO 8601 with an offset (2024-01-30T00:00:00+00:00), a date (2024-01-30, midnight UTC), or "
               "a DURATION back from now (3d, -3d, 12h, 90m)")


def parse_when(text: str, newest: datetime | None) -> datetime:
    """``--until``: ISO 8601 with an offset, or ``+DURATION`` counted from ``newest``.

    Raises ValueError naming the accepted forms."""
    if text.startswith("+"):
        try:
            span = parse_duration(text[1:])
        except ValueError:
            raise ValueError(f"{text!r} is not a WHEN: use {UNTIL_FORMS}") from None
        if newest is None:
            raise ValueError(f"{text!r} is relative to the newest message, and there was none")
        return newest + span
    try:
        return parse_datetime(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a WHEN: use {UNTIL_FORMS}") from None


def parse_since(text: str, now: datetime) -> datetime:
    """``--since``: a point in time, or a span back from ``now`` (``3d`` and ``-3d`` both mean
    the last three days: a look-up always looks back). Raises ValueError naming the forms."""
    body = text.strip()
    if _DURATION.match(body.lstrip("-")):
        return now - parse_duration(body.lstrip("-"))
    if _DATE.match(body):
        return datetime.fromisoformat(body).replace(tzinfo=UTC)
    try:
        return parse_datetime(body)
    except ValueError:
        raise ValueError(f"{text!r} is not a WHEN: use {SINCE_FORMS}") from None
