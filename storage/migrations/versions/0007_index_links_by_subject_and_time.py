"""an index of links by subject and time

A statement's candidate incidents are those in its time window at its places or grid cells, or
linked to its speaker or subject. Asked as one OR, the subject's part ran as a probe of the links
of every incident in the window, so a claim's cost grew with the density of history (100 times the
incidents in ten years: 4.6 times the read). Asked as a union of three indexed reads, the subject's
part starts from this index: the links of those parties since the window opened.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 08:20:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_incident_links_subject_at', 'incident_links', ['subject_id', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_incident_links_subject_at', table_name='incident_links')
