"""Alert messages for Telegram: HTML with every piece of outside text escaped, split into
messages of at most 4096 characters (counted in UTF-16 units, as Telegram counts) on line
boundaries."""

from __future__ import annotations

import html

from storage.incidents import IncidentValue
from storage.values import AlertValue

LIMIT = 4096
_HEAD = {"new_front_group": "🆕 NEW FRONT GROUP", "uncorroborated_claim": "⚠️ UNCORROBORATED CLAIM",
         "claim_corroborated": "✅ CLAIM CORROBORATED", "claim_denied": "🚫 CLAIM DENIED",
         "competing_claims": "⚔️ COMPETING CLAIMS", "figures_disputed": "🔢 FIGURES DISPUTED"}


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def render_html(alert: AlertValue, incident: IncidentValue | None = None) -> str:
    """The alert as Telegram HTML. The plain text carries the facts; the head, the incident's
    corroboration status and the links are marked up around it."""
    lines = alert.text.splitlines() or [alert.kind]
    head = _HEAD.get(alert.kind, alert.kind.replace("_", " ").upper())
    first = lines[0].split(":", 1)[-1].strip() if ":" in lines[0] else lines[0]
    out = [f"<b>{esc(head)}</b>: {esc(first)}"]
    for line in lines[1:]:
        if line.startswith("Incident #"):
            continue
        label, sep, rest = line.partition(": ")
        if sep and len(label) <= 24:
            out.append(f"<b>{esc(label)}</b>: {esc(rest)}")
        else:
            out.append(esc(line))
    if incident is not None:
        out.append(f"<b>Status</b>: {esc(incident.status)}, grade {esc(incident.grade)}")
        for reason in incident.reasons[:3]:
            out.append(f"• {esc(reason)}")
        excerpt = next((lk.excerpt for lk in incident.links if lk.role == "claim" and lk.excerpt), None)
        if excerpt and alert.kind in ("uncorroborated_claim", "new_front_group"):
            out.append(f"<blockquote>{esc(excerpt)}</blockquote>")
    links = [f'<a href="{html.escape(u, quote=True)}">source {i}</a>' for i, u in enumerate(alert.sources[:5], 1)
             if u.startswith(("http://", "https://"))]
    tail = " · ".join([*links, f"incident #{alert.incident}" if alert.incident else ""]).strip(" ·")
    if tail:
        out.append(tail)
    return "\n".join(out)


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split on line boundaries so that each part is at most ``limit`` UTF-16 units; a single
    line longer than the limit is cut on character boundaries (never inside a surrogate pair)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while utf16_len(line) > limit:
            cut = _cut(line, limit)
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if utf16_len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def _cut(line: str, limit: int) -> int:
    cut = len(line)
    units = 0
    for i, ch in enumerate(line):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            cut = i
            break
    # never cut inside an entity (&amp;) or a tag (<a href=...>): back off to its start
    amp, semi = line.rfind("&", 0, cut), line.rfind(";", 0, cut)
    if amp > semi and cut - amp <= 10:
        cut = amp
    lt, gt = line.rfind("<", 0, cut), line.rfind(">", 0, cut)
    if lt > gt:
        cut = lt
    return max(cut, 1)
