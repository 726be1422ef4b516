"""The filters the map, the timeline and the lists share, read from the URL query.

A bad value is a ``FilterError`` naming the parameter and what is wrong; the view answers 400
with that reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from storage.views import IncidentFilter
from watchers.errors import InputError

STATUSES = ("claimed", "corroborated", "contested", "denied", "uncorroborated", "reported")
FILTER_KEYS = ("since", "until", "status", "actor", "place", "source")
# keys a page may carry besides the filters (paging; the access token, never echoed back)
OTHER_KEYS = frozenset({"limit", "offset", "token"})
MAX_TEXT = 200


class FilterError(InputError):
    """A filter in the query is malformed; ``str()`` says which and why."""


def _when(name: str, raw: str, end: bool) -> datetime:
    """A date (the whole day: ``until`` includes it) or an ISO datetime with an offset."""
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return start + timedelta(days=1) if end else start
        value = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise FilterError(f"{name}: {raw!r} is not a date (YYYY-MM-DD) or an ISO 8601 time") from exc
    if value.tzinfo is None:
        raise FilterError(f"{name}: {raw!r} needs an offset (e.g. +00:00)")
    return value.astimezone(UTC)


def parse_filter(query: Mapping[str, str], allowed: frozenset[str] = OTHER_KEYS) -> IncidentFilter:
    for key in query:
        if key not in FILTER_KEYS and key not in allowed:
            raise FilterError(f"{key}: unknown parameter (filters: {', '.join(FILTER_KEYS)})")
    values = {k: query.get(k, "").strip() for k in FILTER_KEYS}
    for key, value in values.items():
        if len(value) > MAX_TEXT:
            raise FilterError(f"{key}: longer than {MAX_TEXT} characters")
    since = _when("since", values["since"], end=False) if values["since"] else None
    until = _when("until", values["until"], end=True) if values["until"] else None
    if since and until and since >= until:
        raise FilterError(f"since ({values['since']}) is not before until ({values['until']})")
    statuses = tuple(dict.fromkeys(s.strip() for s in values["status"].split(",") if s.strip()))
    for status in statuses:
        if status not in STATUSES:
            raise FilterError(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    return IncidentFilter(since=since, until=until, statuses=statuses, actor=values["actor"] or None,
                          place=values["place"] or None, source=values["source"] or None)


def page_number(query: Mapping[str, str], name: str, default: int, most: int) -> int:
    raw = query.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > most:
        raise FilterError(f"{name}: {raw!r} is not a whole number from 0 to {most}")
    return int(raw)


def filter_query(query: Mapping[str, str]) -> str:
    """The filters of a query as a query string (``?...`` or empty), to carry between pages."""
    kept = [(k, query[k]) for k in FILTER_KEYS if query.get(k)]
    return "?" + urlencode(kept) if kept else ""
