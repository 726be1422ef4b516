"""Storing a batch of messages: new ones in one multi-row INSERT, edits and deletions as
revisions, each with its classification's statements. Runs inside the store's transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, String, Table, select
from sqlalchemy.orm import Session

from classifiers.types import Classification
from storage.rows import utcnow
from storage.tables import MessageEditRow, MessageRow, StatementRow
from storage.values import IngestResult
from watchers.message import Message

_IN_CHUNK = 400  # keys per IN (...) query: under SQLite's variable limit on every build


def stored_by_keys(s: Session, keys: Sequence[tuple[str, str]], *columns: Any) -> list[Any]:
    """``columns`` of the stored messages among ``keys`` (source, msg_id), in one statement built
    once: the keys go as one parameter (a JSON array on SQLite, two arrays on PostgreSQL) joined to
    the unique (source, msg_id) index. An OR of one ``source = ? AND msg_id IN (...)`` per source
    was a new statement for every batch, compiled each time (about 5 ms a batch of 75 sources),
    and limited to 400 keys by SQLite's variables; a row-value IN makes SQLite scan the index."""
    if not keys:
        return []
    dialect = s.get_bind().dialect.name
    query = _by_keys(dialect, tuple(c.key for c in columns))
    if dialect == "postgresql":
        params: dict[str, Any] = {"sources": [k[0] for k in keys], "ids": [k[1] for k in keys]}
    else:
        params = {"keys": json.dumps(keys, ensure_ascii=False)}
    return list(s.connection().execute(query, params).all())


@lru_cache(maxsize=16)
def _by_keys(dialect: str, names: tuple[str, ...]) -> Select[Any]:
    from sqlalchemy import Text, and_, bindparam, func
    from sqlalchemy.dialects.postgresql import ARRAY

    m = _table(MessageRow)
    if dialect == "postgresql":
        k = func.unnest(bindparam("sources", type_=ARRAY(Text)), bindparam("ids", type_=ARRAY(Text))) \
            .table_valued("source", "msg_id").render_derived(name="k")
        on = and_(m.c.source == k.c.source, m.c.msg_id == k.c.msg_id)
    else:
        # json_each is the outer loop (the planner's choice, checked with EXPLAIN QUERY PLAN): one
        # search of the unique index a key
        k = func.json_each(bindparam("keys", type_=Text)).table_valued("value").alias("k")
        on = and_(m.c.source == func.json_extract(k.c.value, "$[0]"), m.c.msg_id == func.json_extract(k.c.value, "$[1]"))
    return select(*(m.c[n] for n in names)).select_from(k.join(m, on))


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _statement_dicts(pk: int, cls: Classification) -> list[dict[str, Any]]:
    rows = []
    for idx, st in enumerate(cls.statements):
        rows.append({
            "message_pk": pk, "idx": idx, "stance": st.stance,
            "speaker_id": st.speaker.id if st.speaker else None, "speaker": st.speaker.name if st.speaker else None,
            "subject_id": st.subject.id if st.subject else None, "subject": st.subject.name if st.subject else None,
            "subject_as_written": st.subject.as_written if st.subject else None,
            "denial_of": st.denial_of, "target": st.target,
            "place_id": st.place.id if st.place else None, "place": st.place.name if st.place else None,
            "weapon": st.weapon, "killed": st.killed, "wounded": st.wounded,
            "event_date": st.event_date.isoformat() if st.event_date else None, "incident_id": None,
        })
    return rows


def _apply_classification(row: MessageRow, cls: Classification | None) -> None:
    if cls is not None:
        row.lang = cls.lang
        row.stances = ",".join(cls.stances)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


def _ingest(s: Session, batch: Sequence[tuple[Message, Classification | None]],
            processed: bool = False) -> list[IngestResult]:
    """New messages go in with one multi-row INSERT ... RETURNING (Core, no ORM objects: this is
    the hot path of every replay); edits and deletions, rare, go through the ORM."""
    from sqlalchemy import insert

    keys = list(dict.fromkeys(m.key for m, _ in batch))
    dialect = s.get_bind().dialect.name
    existing: dict[tuple[str, str], MessageRow] = {}
    # which keys are stored (a Core read of the key column); rows to revise, rare in a stream of
    # new messages, are then loaded whole
    c = _table(MessageRow).c
    found: list[int] = [pk for (pk,) in stored_by_keys(s, keys, c.pk)]
    for i in range(0, len(found), _IN_CHUNK):
        rows = s.execute(select(MessageRow).where(MessageRow.pk.in_(found[i:i + _IN_CHUNK]))).scalars().all()
        existing.update({(r.source, r.msg_id): r for r in rows})
    now = utcnow()
    results: list[IngestResult | None] = []
    fresh: dict[tuple[str, str], tuple[int, dict[str, Any], Classification | None]] = {}
    later: list[tuple[int, Message, Classification | None]] = []  # revisions of messages new in this batch
    for message, cls in batch:
        if message.key in fresh:
            later.append((len(results), message, cls))
            results.append(None)
            continue
        row = existing.get(message.key)
        if row is None:
            if message.deleted:
                results.append(IngestResult(message, None, "unknown_deletion"))
                continue
            fresh[message.key] = (len(results), {
                "source": message.source, "msg_id": message.id, "date": message.date, "text": message.text,
                "title": message.title, "url": message.url, "forwarded_from": message.forwarded_from,
                "reply_to": message.reply_to, "edited_at": message.edited, "deleted": False, "deleted_at": None,
                "lang": cls.lang if cls else None, "stances": ",".join(cls.stances) if cls else "",
                "text_hash": text_hash(message.full_text), "processed": processed, "stored_at": now,
            }, cls)
            results.append(IngestResult(message, None, "new"))
            continue
        results.append(_revise(s, row, message, cls, now))
    if fresh:
        entries = list(fresh.values())
        # the Table, not the mapped class: an ORM bulk insert costs twice as much per row
        messages = _table(MessageRow)
        new_rows = [values for _, values, _ in entries]
        returned: list[Any]
        if dialect == "postgresql":
            returned = list(s.connection().execute(_pg_insert_messages(), _by_column(new_rows)).all())
        else:
            returned = list(s.execute(
                insert(messages).returning(messages.c.source, messages.c.msg_id, messages.c.pk), new_rows).all())
        pks = {(src, mid): pk for src, mid, pk in returned}
        statements: list[dict[str, Any]] = []
        for position, values, cls in entries:
            pk = pks[(values["source"], values["msg_id"])]
            old = results[position]
            assert old is not None
            results[position] = IngestResult(old.message, pk, "new")
            if cls is not None and cls.statements:
                statements.extend(_statement_dicts(pk, cls))
        if statements:
            s.execute(insert(_table(StatementRow)), statements)
    for position, message, cls in later:
        row = s.execute(select(MessageRow).where(MessageRow.source == message.source,
                                                 MessageRow.msg_id == message.id)).scalar_one()
        results[position] = _revise(s, row, message, cls, now)
    s.flush()
    return [r for r in results if r is not None]


@lru_cache(maxsize=1)
def _pg_insert_messages() -> Any:
    """INSERT of a batch of messages on PostgreSQL, RETURNING their keys: one parameter a column,
    an array of the batch's values, unnested into rows. The statement is the same for every batch
    (prepared once by the server), and one round trip inserts the batch: a multi-row VALUES was a
    new statement of ~17 placeholders a row for each batch (re-parsed, ~55 µs a row), and an
    executemany one INSERT a row on the server (~100 µs a row) and a SELECT after for the keys."""
    from sqlalchemy import Text, bindparam, func, insert
    from sqlalchemy.dialects.postgresql import ARRAY

    messages = _table(MessageRow)
    columns = [c for c in messages.c if c is not messages.c.pk]
    # text arrays unbounded: a cast to VARCHAR(n) would cut a value too long, where the INSERT's
    # own conversion rejects it (the batch is then retried one message at a time)
    rows = func.unnest(*(bindparam(c.key, type_=ARRAY(Text if _is_text(c.type) else c.type)) for c in columns)) \
        .table_valued(*(c.key for c in columns), with_ordinality="n").render_derived(name="r")
    # in the batch's order, so the keys (pk) are given in that order, as one INSERT a row did
    in_order = select(*(rows.c[c.key] for c in columns)).order_by(rows.c.n)
    return insert(messages).from_select([c.key for c in columns], in_order) \
        .returning(messages.c.source, messages.c.msg_id, messages.c.pk)


def _is_text(type_: Any) -> bool:
    return isinstance(getattr(type_, "impl_instance", type_), String)


def _by_column(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {key: [row[key] for row in rows] for key in rows[0]}


def _revise(s: Session, row: MessageRow, message: Message, cls: Classification | None,
            now: datetime) -> IngestResult:
    """A record for a message already stored: a deletion, an edit, or the same text again."""
    from sqlalchemy import delete, insert

    if message.deleted:
        if row.deleted:
            return IngestResult(message, row.pk, "duplicate")
        row.deleted, row.deleted_at = True, message.edited or now
        return IngestResult(message, row.pk, "deleted")
    if message.text == row.text and (message.title or None) == (row.title or None):
        return IngestResult(message, row.pk, "duplicate")
    s.add(MessageEditRow(message_pk=row.pk or 0, text=row.text, title=row.title, edited_at=row.edited_at,
                         replaced_at=now))
    previous = row.text
    row.text, row.title = message.text, message.title
    row.edited_at = message.edited or now
    row.text_hash = text_hash(message.full_text)
    row.processed = False
    _apply_classification(row, cls)
    s.execute(delete(StatementRow).where(StatementRow.message_pk == row.pk))
    if cls is not None and cls.statements:
        s.execute(insert(StatementRow), _statement_dicts(row.pk or 0, cls))
    return IngestResult(message, row.pk, "edited", previous_text=previous)
