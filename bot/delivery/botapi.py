"""A small Telegram Bot API client on aiohttp, translating errors where they enter.

    RetryAfter        429 with parameters.retry_after: wait, not a failure
    ChatMigrated      400 with parameters.migrate_to_chat_id: switch chat ids, resend
    ParseEntities     400 "can't parse entities": resend as plain text
    DeliverySetup     401, 403, 404, 400 "chat not found" or "not enough rights": the set-up is
                      wrong, not the alert: delivery pauses and retries, the outbox stays
    DeliveryDead      400 that refuses this alert's text ("message is too long", "text is
                      empty") even as plain text: this alert is kept as dead, the rest go on
    BadRequest        any other 4xx: retried with backoff a few times, then this alert is dead
    DeliveryError     5xx, network errors, garbage: retry with backoff

The token is part of every request URL, so URLs are never logged or put in an exception unmasked.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from typing import Any

import aiohttp

from watchers.errors import DeliveryDead, DeliveryError, DeliverySetup, RetryAfter

log = logging.getLogger("claimwatch.delivery")

MAX_BODY = 1 << 20  # a Bot API answer is a few KB; more is not the Bot API
MAX_RETRY_AFTER = 3600.0
UNKNOWN_RETRY_AFTER = 30.0
SETUP_CODES = (401, 403, 404)
SETUP_PHRASES = ("chat not found", "not enough rights", "have no rights", "need administrator rights",
                 "chat_write_forbidden", "chat_admin_required", "thread not found", "bot is not a member",
                 "bot was blocked", "kicked", "deactivated", "peer_id_invalid", "unauthorized")
ALERT_PHRASES = ("message is too long", "text is too long", "text must be non-empty", "message text is empty",
                 "entities too long", "too many entities")


class ChatMigrated(DeliveryError):
    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat migrated to {new_chat_id}")
        self.new_chat_id = new_chat_id


class ParseEntities(DeliveryError):
    """Telegram could not parse the HTML: send the text plain."""


class BadRequest(DeliveryError):
    """Another 4xx: not known to be the set-up's fault nor the alert's. Retried a few times,
    then the alert is kept as dead so it cannot hold the ordered outbox for ever."""


class BotApi:
    """``call(method, **params)`` returns the ``result`` or raises from the tree above."""

    def __init__(self, api_base: str, token: str, session: aiohttp.ClientSession | None = None,
                 timeout: float = 30.0) -> None:
        self.api_base = api_base.rstrip("/")
        self._token = token
        self._session = session
        self._own_session = session is None
        self.timeout = timeout

    def _url(self, method: str) -> str:
        return f"{self.api_base}/bot{self._token}/{method}"

    def masked(self, text: str) -> str:
        return text.replace(self._token, "***") if self._token else text

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self._own_session = True
        return self._session

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()

    async def get_updates(self, offset: int, poll_seconds: int) -> Any:
        """Long poll: Telegram holds the request up to ``poll_seconds``."""
        return await self._request("getUpdates", poll_seconds + 10,
                                   {"offset": offset, "timeout": poll_seconds, "allowed_updates": ["message"]})

    async def call(self, method: str, **params: Any) -> Any:
        return await self._request(method, self.timeout, params)

    async def _request(self, method: str, seconds: float, params: dict[str, Any]) -> Any:
        session = await self._http()
        try:
            async with session.post(self._url(method), json=params,
                                    timeout=aiohttp.ClientTimeout(total=seconds)) as resp:
                status = resp.status
                raw = await resp.content.read(MAX_BODY)
        except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as exc:
            raise DeliveryError(f"{method}: network error: {self.masked(type(exc).__name__ + ': ' + str(exc))}") from None
        return check_response(method, status, raw, self.masked)


def check_response(method: str, status: int, raw: bytes, masked: Callable[[str], str] = str) -> Any:
    """The ``result`` of a Bot API answer, or the error from the tree above. Anything the
    answer holds is checked before it is used: whatever comes back, only a DeliveryError
    (or a subclass) leaves this function."""
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        body = None
    if not isinstance(body, dict):
        what = "not JSON" if body is None else "not a JSON object"
        if status in SETUP_CODES:  # a wrong api_base answers 404 with an HTML page
            raise DeliverySetup(f"{method}: HTTP {status}, {what} (check api_base and the token)")
        raise DeliveryError(f"{method}: HTTP {status}, {what} ({len(raw)} bytes)")
    if body.get("ok") is True:
        return body.get("result")
    description = masked(_text(body.get("description")) or f"HTTP {status}")[:300]
    parameters = body.get("parameters")
    if not isinstance(parameters, dict):
        parameters = {}  # seen as a string: ignore it rather than fail on it
    code = body.get("error_code")
    if not isinstance(code, int) or isinstance(code, bool):
        code = status
    if code == 429 or "retry_after" in parameters:
        raise RetryAfter(retry_seconds(parameters.get("retry_after")), f"{method}: {description}")
    if "migrate_to_chat_id" in parameters:
        new_chat = parameters["migrate_to_chat_id"]
        if isinstance(new_chat, int) and not isinstance(new_chat, bool):
            raise ChatMigrated(new_chat)
        raise DeliveryError(f"{method}: {description} (unreadable migrate_to_chat_id)")
    low = description.lower()
    if code == 400 and "parse entities" in low:
        raise ParseEntities(f"{method}: {description}")
    if code in SETUP_CODES or any(phrase in low for phrase in SETUP_PHRASES):
        raise DeliverySetup(f"{method}: {description}")
    if code == 400 and any(phrase in low for phrase in ALERT_PHRASES):
        raise DeliveryDead(f"{method}: {description}")
    if 400 <= code < 500:
        raise BadRequest(f"{method}: {description}")
    raise DeliveryError(f"{method}: {description}")


def retry_seconds(value: Any) -> float:
    """``retry_after`` as a sane number of seconds: a number within [1, MAX_RETRY_AFTER]; what is
    not a finite positive number (``"soon"``, ``Infinity``, -5, null) waits UNKNOWN_RETRY_AFTER."""
    try:
        seconds = float(value)
    except (TypeError, ValueError, OverflowError):
        return UNKNOWN_RETRY_AFTER
    if not math.isfinite(seconds) or seconds <= 0:
        return UNKNOWN_RETRY_AFTER
    return min(max(seconds, 1.0), MAX_RETRY_AFTER)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else json.dumps(value)[:200])
