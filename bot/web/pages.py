"""HTML pages. Every piece of text that came from outside (messages, names, places, sources,
the query) goes through ``esc``; the map and the timeline are drawn by ``static/app.js``."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from bot.web.evidence import Segment
from bot.web.filters import STATUSES, filter_query

NAV = (("map", "/", "Map"), ("timeline", "/timeline", "Timeline"), ("incidents", "/incidents", "Incidents"),
       ("groups", "/groups", "Groups"))


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _href(url: str | None) -> str | None:
    """Only http(s) links are made clickable (a ``javascript:`` URL in a feed stays text)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def layout(page: str, title: str, body: str, query: Mapping[str, str], form: str = "") -> str:
    carry = filter_query(query)
    here = ' class="here"'
    nav = " ".join(f'<a href="{esc(path + carry)}"{here if key == page else ""}>{label}</a>'
                   for key, path, label in NAV)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · claimwatch</title><link rel="stylesheet" href="/static/app.css">'
        f'</head><body data-page="{esc(page)}"><header><strong class="brand">claimwatch</strong>'
        f'<nav>{nav}</nav></header>{form}<main>{body}</main>'
        '<script src="/static/app.js"></script></body></html>\n'
    )


def filter_form(action: str, query: Mapping[str, str], choices: tuple[Sequence[tuple[str, str]],
                Sequence[tuple[str, str]], Sequence[str]]) -> str:
    actors, places, sources = choices
    chosen = {s for s in query.get("status", "").split(",") if s}

    def select(name: str, options: Sequence[tuple[str, str]], label: str) -> str:
        current = query.get(name, "")
        items = [f'<option value="">any {esc(label)}</option>']
        known = {value for value, _ in options}
        if current and current not in known:
            items.append(f'<option value="{esc(current)}" selected>{esc(current)}</option>')
        items += [f'<option value="{esc(v)}"{" selected" if v == current else ""}>{esc(text)}</option>'
                  for v, text in options]
        return f'<label>{esc(label)} <select name="{name}">{"".join(items)}</select></label>'

    boxes = "".join(f'<label class="status s-{s}"><input type="checkbox" name="status" value="{s}"'
                    f'{" checked" if s in chosen else ""}> {s}</label>' for s in STATUSES)
    return (
        f'<form class="filters" method="get" action="{esc(action)}">'
        f'<label>from <input type="date" name="since" value="{esc(query.get("since", ""))}"></label>'
        f'<label>to <input type="date" name="until" value="{esc(query.get("until", ""))}"></label>'
        f'<span class="statuses">{boxes}</span>'
        + select("actor", actors, "actor") + select("place", places, "place")
        + select("source", [(s, s) for s in sources], "source")
        + f'<button type="submit">Apply</button> <a href="{esc(action)}">clear</a></form>'
    )


def legend() -> str:
    return '<ul class="legend">' + "".join(f'<li class="s-{s}"><span></span>{s}</li>' for s in STATUSES) + "</ul>"


def map_page() -> str:
    return (f'<section class="map"><canvas id="map" width="1200" height="640" aria-label="incident map"></canvas>'
            f'<div id="map-info" class="info" hidden></div></section>'
            f'<p id="map-summary" class="summary">loading…</p>{legend()}'
            '<p class="notice">Country boundaries: Natural Earth (public domain). Marker size: the largest killed '
            'figure any source gave. Scroll to zoom, drag to pan, click a marker for its incident.</p>')


def timeline_page() -> str:
    return ('<section class="timeline"><canvas id="timeline" width="1200" height="360" aria-label="incidents per day">'
            '</canvas></section><p id="timeline-summary" class="summary">loading…</p>'
            f'{legend()}<ul class="legend marks"><li class="m-claim"><span></span>claims</li>'
            '<li class="m-denial"><span></span>denials</li><li class="m-corroboration"><span></span>corroborations</li>'
            '</ul><p class="notice">Bars: incidents per day by event date, stacked by status. Marks under the axis: '
            'claims and denials on the day they were published, incidents on the day they were first corroborated. '
            'Drag across the chart to choose a date range.</p>')


def incidents_page(rows: Sequence[dict[str, Any]], total: int, offset: int, limit: int,
                   query: Mapping[str, str]) -> str:
    lines = []
    for d in rows:
        claimants = ", ".join(c["actor"] or "?" for c in d["claimants"])
        denials = ", ".join(f'{x["by"]} ({x["kind"]})' for x in d["denials"])
        lines.append(
            f'<tr><td><a href="/incidents/{d["id"]}">#{d["id"]}</a></td><td>{esc(d["event_time"][:16])}</td>'
            f'<td>{esc(d["place"] or "?")}</td><td><span class="badge s-{esc(d["status"])}">{esc(d["status"])}</span></td>'
            f'<td>{esc(d["grade"])}</td><td>{esc(claimants)}</td><td>{esc(denials)}</td>'
            f'<td>{len(d["messages"])}</td></tr>')
    more = ""
    if offset + limit < total:
        nxt = {k: v for k, v in query.items() if k != "token"} | {"offset": str(offset + limit)}
        more = f'<p><a href="/incidents?{esc(urlencode(nxt))}">next {limit}</a></p>'
    return (f'<h1>Incidents</h1><p class="summary">{total} incident(s), newest first; {offset + 1 if rows else 0}'
            f'–{offset + len(rows)} shown</p><table class="list"><thead><tr><th>#</th><th>event (UTC)</th><th>place</th>'
            '<th>status</th><th>grade</th><th>claimants</th><th>denials</th><th>messages</th></tr></thead>'
            f'<tbody>{"".join(lines)}</tbody></table>{more}')


def _text(segments: Sequence[Segment]) -> str:
    return "".join(f"<mark>{esc(t)}</mark>" if marked else esc(t) for t, marked in segments)


def incident_page(d: dict[str, Any], texts: Sequence[Sequence[Segment]]) -> str:
    facts = [("event", f'{d["event_time"][:16]} UTC ({d["time_precision"]})'),
             ("place", d["place"] or "unknown"),
             ("coordinates", f'{d["lat"]:.4f}, {d["lon"]:.4f} ({d["geo_precision"]})' if d["lat"] is not None else "none"),
             ("weapon", d["weapon"] or "not stated"), ("target", d["target"] or "not stated"),
             ("origin", d["origin"])]
    if d["description"]:
        facts.append(("description", d["description"]))
    facts_html = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts)
    reasons = "".join(f"<li>{esc(r)}</li>" for r in d["reasons"]) or "<li>none recorded</li>"
    claimants = "".join(
        f'<li><a href="/?actor={quote(c["actor"] or "")}">{esc(c["actor"])}</a>'
        f'{" (written «" + esc(c["as_written"]) + "»)" if c["as_written"] and c["as_written"] != c["actor"] else ""}'
        f', first claim {esc(c["first_claim"][:16])} in {esc(c["channel"])}'
        f'{", withdrawn" if c["withdrawn"] else ""}</li>' for c in d["claimants"]) or "<li>none</li>"
    figures = "".join(
        f'<tr><td>{esc(f["source"])}</td><td>{esc(f["role"])}</td><td>{esc(f["source_role"])}</td>'
        f'<td>{esc(f["killed"] if f["killed"] is not None else "")}</td>'
        f'<td>{esc(f["wounded"] if f["wounded"] is not None else "")}</td>'
        f'<td>{esc(f["killed_or_wounded"] if f["killed_or_wounded"] is not None else "")}</td>'
        f'<td>{esc(f["at"][:16])}</td></tr>' for f in d["figures"])
    figures_html = (f'<table class="list"><thead><tr><th>source</th><th>role</th><th>source kind</th><th>killed</th>'
                    f'<th>wounded</th><th>killed or wounded</th><th>at</th></tr></thead><tbody>{figures}</tbody></table>'
                    if figures else "<p>No source gave figures.</p>")
    messages = []
    for m, segments in zip(d["messages"], texts, strict=True):
        href = _href(m["url"])
        link = f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">original</a>' if href else esc(m["url"] or "")
        who = " · ".join(p for p in (
            f'speaker <b>{esc(m["speaker"])}</b>' if m["speaker"] else "",
            f'subject <b>{esc(m["subject"])}</b>' if m["subject"] else "",
            f'{esc(m["stance_detail"])} denied' if m.get("stance_detail") and m["role"] == "denial" else "") if p)
        title = f'<p class="title">{esc(m["title"])}</p>' if m.get("title") else ""
        flags = (" (withdrawn)" if m.get("withdrawn") else "") + (" (deleted at the source)" if m.get("deleted") else "")
        messages.append(
            f'<li class="message r-{esc(m["role"])}"><div class="meta"><time>{esc(m["date"][:16])}</time> '
            f'<span class="source">{esc(m["source"])}</span> <span class="role">{esc(m["role"])}</span>{esc(flags)} '
            f'{who} · score {m["score"]:.2f}'
            f'{" (" + esc(", ".join(m["reasons"])) + ")" if m["reasons"] else ""} · {link}</div>'
            f'{title}<p class="text" dir="auto">{_text(segments)}</p></li>')
    day = d["event_time"][:10]
    links = [f'<a href="/api/incidents/{d["id"]}">JSON</a>',
             f'<a href="/timeline?{esc(urlencode({"since": day, "until": day}))}">that day on the timeline</a>']
    if d["place_id"]:
        links.insert(1, f'<a href="/?{esc(urlencode({"place": d["place_id"]}))}">this place on the map</a>')
    history = "".join(f'<li><time>{esc(h["at"][:16])}</time> {esc(h["change"])}</li>' for h in d["history"])
    return (
        f'<h1>Incident #{d["id"]} <span class="badge s-{esc(d["status"])}">{esc(d["status"])}</span> '
        f'<span class="grade">grade {esc(d["grade"])}</span></h1>'
        f'<p class="links">{" · ".join(links)}</p>'
        f'<div class="columns"><section><h2>Facts</h2><table class="facts">{facts_html}</table>'
        f'<h2>Why this grade</h2><ul>{reasons}</ul><h2>Claimants</h2><ul>{claimants}</ul></section>'
        f'<section><h2>Figures by source</h2>{figures_html}'
        f'<h2>History</h2><ul class="history">{history}</ul></section></div>'
        f'<h2>Messages ({len(d["messages"])}, oldest first)</h2><ol class="messages">{"".join(messages)}</ol>'
    )


def groups_page(rows: Sequence[dict[str, Any]]) -> str:
    lines = []
    new = ' <span class="badge new">NEW</span>'
    for r in rows:
        rate = "–" if r["corroboration_rate"] is None else f'{r["corroboration_rate"]:.0%}'
        lines.append(
            f'<tr class="{"known" if r["known"] else "new"}"><td><a href="/?actor={quote(r["id"])}">{esc(r["name"])}</a>'
            f'{"" if r["known"] else new}</td><td>{esc(r["kind"])}</td>'
            f'<td>{esc("; ".join(r["spellings"]))}</td><td>{esc((r["first_seen"] or "")[:16])}</td>'
            f'<td>{r["claims"]}</td><td>{r["incidents_claimed"]}</td><td>{rate}</td></tr>')
    return ('<h1>Groups</h1><p class="summary">Discovered groups (not in the gazetteer) first, then by first seen.</p>'
            '<table class="list"><thead><tr><th>group</th><th>kind</th><th>spellings seen</th><th>first seen</th>'
            '<th>claims</th><th>incidents claimed</th><th>corroborated</th></tr></thead>'
            f'<tbody>{"".join(lines)}</tbody></table>')


def error_page(status: int, reason: str) -> str:
    title = {400: "Bad request", 401: "Token required", 404: "Not found", 405: "Method not allowed"}.get(status, "Error")
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{status} {esc(title)} · claimwatch'
            f'</title><link rel="stylesheet" href="/static/app.css"></head><body><main><h1>{status} {esc(title)}</h1>'
            f'<p class="reason">{esc(reason)}</p><p><a href="/">map</a></p></main></body></html>\n')
