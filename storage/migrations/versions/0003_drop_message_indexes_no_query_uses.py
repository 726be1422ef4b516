"""message indexes no query uses

Drops two indexes every message insert paid for and no query used: ``ix_messages_text_hash``
(the hash is only read by message key; a random-order index cost ~27 µs per insert at 300k
messages, most of the insert) and ``ix_messages_source`` (the unique (source, msg_id) index
answers lookups by source).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 07:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain DROP INDEX on both databases: no table is rebuilt
    op.drop_index('ix_messages_text_hash', table_name='messages')
    op.drop_index('ix_messages_source', table_name='messages')


def downgrade() -> None:
    op.create_index('ix_messages_source', 'messages', ['source'], unique=False)
    op.create_index('ix_messages_text_hash', 'messages', ['text_hash'], unique=False)
