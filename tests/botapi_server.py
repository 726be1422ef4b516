"""A loopback stand-in for the Telegram Bot API: records every request and answers from a
script of behaviours (ok, 429 with retry_after, 5xx, parse error, migration, 403, garbage, and
the malformed answers in BAD_ANSWERS)."""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.loopback import serve

TOKEN = "123456:TEST-token-DO-NOT-LEAK"


@dataclass
class FakeBotApi:
    token: str = TOKEN
    requests: list[dict[str, Any]] = field(default_factory=list)
    delivered: list[dict[str, Any]] = field(default_factory=list)
    script: deque[str] = field(default_factory=deque)  # behaviours for the next sendMessage calls
    updates: list[dict[str, Any]] = field(default_factory=list)
    dead_chats: set[int] = field(default_factory=set)
    migrate: dict[int, int] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering a sendMessage (a slow Telegram)
    _ids: Any = field(default_factory=lambda: itertools.count(1000))
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> FakeBotApi:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner, self.url = await serve(app)
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        body = await request.json() if request.can_read_body else {}
        self.requests.append({"method": method, **body})
        if method == "getUpdates":
            offset = body.get("offset", 0)
            pending = [u for u in self.updates if u["update_id"] >= offset]
            return web.json_response({"ok": True, "result": pending})
        if method != "sendMessage":
            return web.json_response({"ok": True, "result": True})
        if self.delay:
            await asyncio.sleep(self.delay)
        behaviour = self.script.popleft() if self.script else "ok"
        if behaviour in BAD_ANSWERS:
            status, body = BAD_ANSWERS[behaviour]
            return web.Response(status=status, text=body, content_type="application/json")
        if behaviour == "429":
            return web.json_response({"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
                                      "parameters": {"retry_after": 3}}, status=429)
        if behaviour == "500":
            return web.Response(status=502, text="<html>Bad Gateway</html>")
        if behaviour == "garbage":
            return web.Response(status=200, text="not json at all")
        chat = body.get("chat_id")
        if chat in self.migrate:
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: group chat was "
                                      "upgraded to a supergroup chat", "parameters": {"migrate_to_chat_id": self.migrate[chat]}},
                                     status=400)
        if chat in self.dead_chats:
            return web.json_response({"ok": False, "error_code": 403, "description": "Forbidden: bot was kicked from "
                                      "the group chat"}, status=403)
        if body.get("parse_mode") == "HTML" and (behaviour == "parse" or not _balanced(body.get("text", ""))):
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: can't parse "
                                      "entities: unsupported start tag"}, status=400)
        text = body.get("text", "")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: message is too long"},
                                     status=400)
        message_id = next(self._ids)
        self.delivered.append({**body, "message_id": message_id, "at": time.time()})
        return web.json_response({"ok": True, "result": {"message_id": message_id, "chat": {"id": chat}, "text": text}})

    def texts(self) -> list[str]:
        """What a reader sees: the delivered texts with HTML rendered to plain text."""
        out = []
        for d in self.delivered:
            text = d["text"]
            if d.get("parse_mode") == "HTML":
                text = html.unescape(re.sub(r"<[^>]+>", "", text))
            out.append(text)
        return out


# what a broken proxy or a confused Bot API might answer: (HTTP status, raw body)
BAD_ANSWERS: dict[str, tuple[int, str]] = {
    "401": (401, '{"ok":false,"error_code":401,"description":"Unauthorized"}'),
    "404": (404, '{"ok":false,"error_code":404,"description":"Not Found"}'),
    "chat-not-found": (400, '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}'),
    "429-soon": (429, '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":"soon"}}'),
    "429-infinity": (429, '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":Infinity}}'),
    "429-negative": (429, '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":-40}}'),
    "429-huge": (429, '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":1e300}}'),
    "params-string": (400, '{"ok":false,"error_code":400,"description":"Bad Request","parameters":"retry_after=5"}'),
    "code-string": (500, '{"ok":false,"error_code":"five hundred","description":["not","a","string"]}'),
    "html-200": (200, "<html><body>Welcome to the captive portal</body></html>"),
    "json-list": (200, "[1, 2, 3]"),
    "deep-json": (502, "[" * 100_000),
    "bad-request": (400, '{"ok":false,"error_code":400,"description":"Bad Request: BUTTON_DATA_INVALID"}'),
    "too-long": (400, '{"ok":false,"error_code":400,"description":"Bad Request: message is too long"}'),
}

_TAG = re.compile(r"<(/?)([a-z]+)[^>]*>")
_ALLOWED = {"b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler"}


def _balanced(text: str) -> bool:
    """What Telegram's parser refuses: unknown tags, unbalanced tags, stray '<' or bad entities."""
    stack = []
    for match in _TAG.finditer(text):
        closing, name = match.groups()
        if name not in _ALLOWED:
            return False
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    stripped = _TAG.sub("", text)
    if "<" in stripped or ">" in stripped:
        return False
    if re.search(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", stripped):
        return False
    return not stack


def update(update_id: int, user_id: int, text: str, chat_id: int = -100777) -> dict[str, Any]:
    return {"update_id": update_id, "message": {"message_id": update_id, "date": 0, "chat": {"id": chat_id, "type": "supergroup"},
                                                "from": {"id": user_id, "is_bot": False, "first_name": "u"}, "text": text}}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
