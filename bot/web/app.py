"""The aiohttp application: pages, JSON endpoints, static files, and the guards around them.

Guards, outermost first: security headers on every answer (a Content-Security-Policy that
allows only this origin), errors as pages or JSON (400 with the reason, 401, 404, 405), and the
access token when one is set (compared in constant time; never logged). Only GET and HEAD are
routed: the view writes nothing.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from bot.incidents.views import group_rows, incident_dict
from bot.web import pages
from bot.web.data import incident_detail_json, map_json, timeline_json
from bot.web.evidence import Highlighter, Segment
from bot.web.filters import FilterError, page_number, parse_filter
from storage import Store
from storage.views import (
    IncidentFilter,
)

log = logging.getLogger("claimwatch.web")

STATIC = Path(__file__).parent / "static"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".txt": "text/plain"}
TOKEN_COOKIE = "claimwatch_token"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY"}
HIGHLIGHT_MOST = 200  # messages re-classified for one incident page; the rest are shown unmarked

STORE: web.AppKey[Store] = web.AppKey("store", Store)
TOKEN: web.AppKey[str] = web.AppKey("token", str)
HIGHLIGHTER: web.AppKey[Highlighter] = web.AppKey("highlighter", Highlighter)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class WebView:
    """A running view: where it listens, and the runner to clean up."""

    url: str
    runner: web.AppRunner

    async def close(self) -> None:
        await self.runner.cleanup()


class AccessLog(AbstractAccessLogger):
    """Method, path without the query (it may hold the token), status and time."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status, time * 1000)


def _query(request: web.Request) -> dict[str, str]:
    # a checkbox group sends status=a&status=b: joined, as status=a,b would be
    return {key: ",".join(request.query.getall(key)) for key in request.query}


def _is_api(request: web.Request) -> bool:
    return request.path.startswith("/api/")


def _error(request: web.Request, status: int, reason: str) -> web.Response:
    if _is_api(request):
        return web.json_response({"error": reason, "status": status}, status=status)
    return web.Response(status=status, text=pages.error_page(status, reason), content_type="text/html")


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    response: web.StreamResponse
    try:
        response = await _checked(request, handler)
    except FilterError as exc:
        response = _error(request, 400, str(exc))
    except web.HTTPMethodNotAllowed:
        response = _error(request, 405, f"{request.method} is not allowed: this view is read-only (GET only)")
        response.headers["Allow"] = "GET, HEAD"
    except web.HTTPNotFound as exc:
        response = _error(request, 404, exc.text if exc.text and not exc.text.startswith("404") else
                          f"nothing at {request.path}")
    response.headers.update(HEADERS)
    return response


async def _checked(request: web.Request, handler: Handler) -> web.StreamResponse:
    token = request.app.get(TOKEN, "")
    if not token:
        return await handler(request)
    given, from_query = _token_of(request)
    if given is None or not hmac.compare_digest(given.encode(), token.encode()):
        refused = _error(request, 401, "a valid access token is required: send it as 'Authorization: Bearer …' "
                         "or open the page once with ?token=…")
        refused.headers["WWW-Authenticate"] = 'Bearer realm="claimwatch"'
        return refused
    response = await handler(request)
    if from_query and not _is_api(request):
        # the page's own requests (data, static files, links) then carry it without the query
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict", path="/")
    return response


def _token_of(request: web.Request) -> tuple[str | None, bool]:
    auth = request.headers.get("Authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if "X-Claimwatch-Token" in request.headers:
        return request.headers["X-Claimwatch-Token"], False
    if "token" in request.query:
        return request.query["token"], True
    return request.cookies.get(TOKEN_COOKIE), False


def _filter(request: web.Request, extra: frozenset[str] = frozenset({"token"})) -> tuple[dict[str, str], IncidentFilter]:
    query = _query(request)
    return query, parse_filter(query, extra)


def _json(data: Any) -> web.Response:
    return web.Response(text=json.dumps(data, ensure_ascii=False), content_type="application/json",
                        headers={"Cache-Control": "no-store"})


def _html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store"})


async def _form(request: web.Request, action: str, query: dict[str, str]) -> str:
    choices = await request.app[STORE].filter_choices()
    return pages.filter_form(action, query, choices)


# -- pages ------------------------------------------------------------------------------------

async def map_view(request: web.Request) -> web.Response:
    query, _ = _filter(request)
    return _html(pages.layout("map", "Map", pages.map_page(), query, await _form(request, "/", query)))


async def timeline_view(request: web.Request) -> web.Response:
    query, _ = _filter(request)
    return _html(pages.layout("timeline", "Timeline", pages.timeline_page(), query,
                              await _form(request, "/timeline", query)))


async def _incident_list(request: web.Request) -> tuple[dict[str, str], int, int, int, list[dict[str, Any]]]:
    query, f = _filter(request, frozenset({"token", "limit", "offset"}))
    limit = page_number(query, "limit", 100, 1000) or 100
    offset = page_number(query, "offset", 0, 10_000_000)
    total, incidents, messages = await request.app[STORE].incident_page(f, limit, offset)
    return query, total, offset, limit, [incident_dict(inc, messages.get(inc.id, ())) for inc in incidents]


async def incidents_view(request: web.Request) -> web.Response:
    query, total, offset, limit, rows = await _incident_list(request)
    return _html(pages.layout("incidents", "Incidents", pages.incidents_page(rows, total, offset, limit, query), query,
                              await _form(request, "/incidents", query)))


async def _one_incident(request: web.Request) -> tuple[Any, list[Any]]:
    raw = request.match_info["id"]
    incident_id = int(raw) if raw.isdigit() and len(raw) < 12 else -1
    found, messages = await request.app[STORE].incident_shown(incident_id)
    if not found:
        raise web.HTTPNotFound(text=f"no incident #{raw}")
    return found[0], messages.get(incident_id, [])


async def incident_view(request: web.Request) -> web.Response:
    parse_filter(_query(request))  # a bad query is still a 400, here too
    incident, messages = await _one_incident(request)
    data = incident_detail_json(incident, messages)
    highlighter = request.app[HIGHLIGHTER]
    texts: list[list[Segment]] = []
    for n, m in enumerate(messages):
        if n < HIGHLIGHT_MOST:
            texts.append(await highlighter.segments(m.text, m.title, m.evidence.date, m.evidence.source,
                                                    m.statement_idx))
        else:
            texts.append([(m.text, False)])
    body = pages.incident_page(data, texts)
    return _html(pages.layout("incident", f"Incident #{incident.id}", body, {}))


async def groups_view(request: web.Request) -> web.Response:
    query = _query(request)
    parse_filter(query)
    return _html(pages.layout("groups", "Groups", pages.groups_page(await _groups(request)), query))


async def _groups(request: web.Request) -> list[dict[str, Any]]:
    store = request.app[STORE]
    states = await store.actor_states()
    rates = await store.claims_by_actor()
    return group_rows(states, rates, only_new=False)


# -- JSON -------------------------------------------------------------------------------------

async def api_map(request: web.Request) -> web.Response:
    _, f = _filter(request)
    return _json(map_json(await request.app[STORE].map_points(f)))


async def api_timeline(request: web.Request) -> web.Response:
    _, f = _filter(request)
    return _json(timeline_json(await request.app[STORE].timeline(f)))


async def api_incidents(request: web.Request) -> web.Response:
    _, total, _, _, rows = await _incident_list(request)
    response = _json(rows)
    response.headers["X-Total-Count"] = str(total)
    return response


async def api_incident(request: web.Request) -> web.Response:
    parse_filter(_query(request))
    incident, messages = await _one_incident(request)
    return _json(incident_detail_json(incident, messages))


async def api_groups(request: web.Request) -> web.Response:
    parse_filter(_query(request))
    return _json(await _groups(request))


async def static(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    path = STATIC / name
    if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        raise web.HTTPNotFound(text=f"no static file {name}")
    return web.Response(body=path.read_bytes(), content_type=STATIC_TYPES[path.suffix], charset="utf-8",
                        headers={"Cache-Control": "max-age=300"})


def make_app(store: Store, highlighter: Highlighter, token: str | None = None) -> web.Application:
    """The view over ``store``. With ``token``, every request must carry it."""
    app = web.Application(middlewares=[guard])
    app[STORE] = store
    app[HIGHLIGHTER] = highlighter
    if token:
        app[TOKEN] = token
    routes = [
        ("/", map_view), ("/timeline", timeline_view), ("/incidents", incidents_view),
        (r"/incidents/{id}", incident_view), ("/groups", groups_view),
        ("/api/map", api_map), ("/api/timeline", api_timeline), ("/api/incidents", api_incidents),
        (r"/api/incidents/{id}", api_incident), ("/api/groups", api_groups), (r"/static/{name}", static),
    ]
    for path, handler in routes:
        app.router.add_get(path, handler)
    return app


def runner_options() -> dict[str, Any]:
    """How the view's runner logs requests: ``AccessLog``, never aiohttp's (which logs the query)."""
    return {"access_log_class": AccessLog, "access_log": logging.getLogger("claimwatch.web.access"),
            "shutdown_timeout": 5.0}  # a stop does not wait a minute for a browser's open request


async def start(app: web.Application, host: str, port: int) -> WebView:
    runner = web.AppRunner(app, **runner_options())
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        from watchers.errors import ConfigError

        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", key="web.listen") from exc
    sockets = getattr(site._server, "sockets", None) or []
    bound = sockets[0].getsockname()[1] if sockets else port  # port 0: the one the kernel picked
    shown = f"[{host}]" if ":" in host else host
    return WebView(f"http://{shown}:{bound}/", runner)
