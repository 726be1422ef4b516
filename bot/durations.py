"""Durations (``90m``, ``24h``, ``3d``) and the ``WHEN`` of the contract."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from watchers.message import parse_datetime

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
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


def parse_when(text: str, newest: datetime | None) -> datetime:
    """ISO 8601 with an offset, or ``+DURATION`` counted from ``newest``."""
    if text.startswith("+"):
        if newest is None:
            raise ValueError(f"{text!r} is relative to the newest message, and there was none")
        return newest + parse_duration(text[1:])
    return parse_datetime(text)
