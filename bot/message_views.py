"""``claimwatch messages``: stored messages with their classification, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from storage.messages import MessageView
from watchers.message import format_datetime

EXCERPT = 100


def message_dict(m: MessageView) -> dict[str, Any]:
    """The JSON shape: the canonical message keys, then its labels."""
    return {
        "source": m.source, "id": m.id, "date": format_datetime(m.date), "url": m.url, "title": m.title,
        "text": m.text, "edited": format_datetime(m.edited) if m.edited else None, "deleted": m.deleted,
        "lang": m.lang, "stances": list(m.stances),
        "statements": [asdict(st) for st in m.statements],
    }


def _statement_line(st: Any) -> str:
    parts = [st.stance.upper()]
    if st.speaker:
        parts.append(f"by {st.speaker}")
    if st.stance == "attribution" and st.subject:
        parts.append(f"blames {st.subject}")
    elif st.stance == "denial" and st.denial_of:
        parts.append(f"denies {st.denial_of}")
    details = [x for x in (st.weapon, st.target and f"on {st.target}", st.place and f"at {st.place}",
                           st.event_date, st.killed is not None and f"{st.killed} killed",
                           st.incident and f"incident #{st.incident}") if x]
    return " ".join(parts) + (f": {', '.join(str(d) for d in details)}" if details else "")


def format_messages(rows: Sequence[MessageView], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([message_dict(m) for m in rows], ensure_ascii=False, indent=2) + "\n"
    lines = [f"{'DATE':16}  {'SOURCE/ID':36}  {'LANG':4}  {'STANCES':20}  TEXT"]
    for m in rows:
        text = " ".join(f"{m.title or ''} {m.text}".split())
        if len(text) > EXCERPT:
            text = text[:EXCERPT - 1] + "…"
        flags = " (deleted)" if m.deleted else (" (edited)" if m.edited else "")
        key = f"{m.source}/{m.id}"
        lines.append(f"{m.date.strftime('%Y-%m-%d %H:%M'):16}  {key[:36]:36}  {(m.lang or '-'):4}  "
                     f"{(','.join(m.stances) or '-')[:20]:20}  {text}{flags}")
        lines.extend(f"{'':62}↳ {_statement_line(st)}" for st in m.statements)
    return "\n".join(lines) + "\n"
