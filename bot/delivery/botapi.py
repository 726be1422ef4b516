"""A small Telegram Bot API client on aiohttp, translating errors where they enter.

    RetryAfter        429 with parameters.retry_after: wait, not a failure
    ChatMigrated      400 with parameters.migrate_to_chat_id: switch chat ids, resend
    ParseEntities     400 "can't parse entities": resend as plain text
    DeliveryDead      403 (blocked, kicked) or 400 "chat not found": never retry
    DeliveryError     5xx, network errors, garbage: retry with backoff

The token is part of every request URL, so URLs are never logged or put in an exception unmasked.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

from watchers.errors import DeliveryDead, DeliveryError, RetryAfter

log = logging.getLogger("claimwatch.delivery")


class ChatMigrated(DeliveryError):
    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat migrated to {new_chat_id}")
        self.new_chat_id = new_chat_id


class ParseEntities(DeliveryError):
    """Telegram could not parse the HTML: send the text plain."""


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
                raw = await resp.read()
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise DeliveryError(f"{method}: network error: {self.masked(type(exc).__name__ + ': ' + str(exc))}") from None
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise DeliveryError(f"{method}: HTTP {status}, not JSON ({len(raw)} bytes)") from None
        if not isinstance(body, dict):
            raise DeliveryError(f"{method}: HTTP {status}, unexpected body")
        if body.get("ok") is True:
            return body.get("result")
        description = self.masked(str(body.get("description") or f"HTTP {status}"))
        parameters = body.get("parameters") or {}
        code = body.get("error_code", status)
        if code == 429 or "retry_after" in parameters:
            raise RetryAfter(float(parameters.get("retry_after", 1)), f"{method}: {description}")
        if "migrate_to_chat_id" in parameters:
            raise ChatMigrated(int(parameters["migrate_to_chat_id"]))
        low = description.lower()
        if code == 400 and "parse entities" in low:
            raise ParseEntities(f"{method}: {description}")
        if code in (401, 403, 404) or "chat not found" in low or "bot was blocked" in low or "kicked" in low:
            raise DeliveryDead(f"{method}: {description}")
        raise DeliveryError(f"{method}: {description}")
