"""component ids after the seeded five on a PostgreSQL server

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 10:00:00

Revision 0001 seeds the five components with explicit ids 1-5. SQLite then gives a new row
max + 1, but a PostgreSQL sequence stays at 1, so the sixth component collided with the
first. This moves the sequence past the seeded rows; it changes nothing on SQLite.
"""

from __future__ import annotations

from pazos_desktop.migration_ops import reset_sequences

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    reset_sequences("component")


def downgrade() -> None:
    pass  # a sequence past the rows is right at every revision
