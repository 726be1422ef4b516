"""Alert messages for Telegram: HTML with every piece of outside text escaped, split into
messages of at most 4096 characters (counted in UTF-16 units, as Telegram counts) on line
boundaries, each part valid HTML on its own."""

from __future__ import annotations

import html
import re

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


def render_html(alert: AlertValue, incident: IncidentValue | None = None, web_url: str = "") -> str:
    """The alert as Telegram HTML. The plain text carries the facts; the head, the incident's
    corroboration status and the links are marked up around it. With ``web_url`` (``[web]
    public_url``) the incident links to its page in the web view."""
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
    incident_ref = f"incident #{alert.incident}" if alert.incident else ""
    if incident_ref and web_url:
        incident_ref = f'<a href="{html.escape(f"{web_url}/incidents/{alert.incident}", quote=True)}">{incident_ref}</a>'
    tail = " · ".join([*links, incident_ref]).strip(" ·")
    if tail:
        out.append(tail)
    return "\n".join(out)


_ATOM = re.compile(r"<[^<>]*>|&#?\w{1,10};|\n|.", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split Telegram HTML into parts of at most ``limit`` UTF-16 units, each valid on its own:
    cut after a line where one fits (else between characters, never inside a tag, an entity or
    a surrogate pair); a tag open at a cut (a multi-line <blockquote>, a <b>) is closed at the
    end of the part and opened again, with its attributes, at the start of the next. Parts with
    no visible text are left out (Telegram refuses an empty message)."""
    atoms = _ATOM.findall(text)
    parts: list[str] = []
    stack: list[tuple[str, str]] = []  # open tags: (name, the opening tag as written)
    i = 0
    while i < len(atoms):
        prefix = "".join(tag for _, tag in stack)
        used = utf16_len(prefix)
        current = list(stack)
        j = i
        line_end: tuple[int, list[tuple[str, str]]] | None = None
        while j < len(atoms):
            after = _apply(current, atoms[j])
            if used + utf16_len(atoms[j]) + utf16_len(_closers(after)) > limit:
                break
            used += utf16_len(atoms[j])
            current = after
            j += 1
            if atoms[j - 1] == "\n":
                line_end = (j, current)
        if j == len(atoms):
            end, end_stack = j, current
        elif line_end is not None:
            end, end_stack = line_end
        elif j > i:
            end, end_stack = j, current
        else:  # the reopened tags alone fill a part: drop them rather than loop forever
            end, end_stack = i + 1, _apply([], atoms[i])
            prefix = ""
        body = "".join(atoms[i:end]).rstrip("\n")
        part = prefix + body + _closers(end_stack)
        if html.unescape(_STRIP.sub("", part)).strip():
            parts.append(part)
        stack, i = end_stack, end
    return parts or [text[:limit]]


_STRIP = re.compile(r"<[^<>]*>")
_LINK = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.DOTALL)


def plain_text(part: str) -> str:
    """A part of Telegram HTML as the plain text a reader would see (for a resend without
    parse_mode when Telegram refuses the markup); a link keeps its address after its label."""
    linked = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", part)
    return html.unescape(_STRIP.sub("", linked))


def _apply(stack: list[tuple[str, str]], atom: str) -> list[tuple[str, str]]:
    if not (atom.startswith("<") and atom.endswith(">") and len(atom) > 2):
        return stack
    match = _TAG_NAME.match(atom)
    if match is None or atom.endswith("/>"):
        return stack
    name = match.group(1).lower()
    if atom.startswith("</"):
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                return stack[:k]
        return stack
    return [*stack, (name, atom)]


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))
