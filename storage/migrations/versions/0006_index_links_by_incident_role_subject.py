"""an index of links by incident, role and subject

The candidate incidents of a statement carry stub links: the first time each (role, subject)
was linked. A claimed incident may hold hundreds of links (relays, a group's repeated claims),
and reading them from the table per candidate grew with the incident; this index answers the
grouping from itself.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 17:30:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_incident_links_incident_role_subject', 'incident_links',
                    ['incident_id', 'role', 'subject_id', 'at', 'withdrawn'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_incident_links_incident_role_subject', table_name='incident_links')
