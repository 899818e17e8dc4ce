"""actas as signed in Colombia: approved actas frozen, signature fields, numbering per series

Revision ID: 0006_acta_series_snapshot
Revises: 0005_indicators
Create Date: 2026-12-01 14:00:00

Adds to `meeting` the next meeting's time, the positions of who prepared and reviewed the acta,
who signs it as approved ("Aprobó") and the SHA-256 of the PDF frozen at approval; and the
table `meeting_snapshot`, the approved acta's content and PDF, kept when it is reopened.

Numbering per series: `meeting.series` (the body whose consecutive an acta takes), filled with
each existing meeting's type, and the unique consecutive moves from (year, number) to (series,
year, number). Numbers already given stay as they are (they were unique across all series).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_acta_series_snapshot"
down_revision = "0005_indicators"
branch_labels = None
depends_on = None

NEW_COLUMNS = [
    ("next_time", sa.Time()),
    ("prepared_position", sa.String(length=200)),
    ("reviewed_position", sa.String(length=200)),
    ("approver_name", sa.String(length=200)),
    ("approver_position", sa.String(length=200)),
    ("approved_pdf_sha256", sa.String(length=64)),
]


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        for name, kind in NEW_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    op.create_table(
        "meeting_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=True),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("page_size", sa.String(length=10), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopened_by", sa.String(length=200), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_snapshot_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_snapshot")),
    )
    with op.batch_alter_table("meeting_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_snapshot_meeting_id"), ["meeting_id"], unique=False
        )
    _series_up()


def _series_up() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("series", sa.String(length=100), nullable=False, server_default="")
        )
    op.execute("UPDATE meeting SET series = type")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint("uq_meeting_year", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_meeting_series"), ["series", "year", "number"]
        )


def _series_down() -> None:
    # Two series may hold the same number in one year: those numbers move past the year's
    # highest, so the single numbering of revision 0002 stays unique.
    op.execute(
        """
        UPDATE meeting SET number = number + 1000 * (
            SELECT count(*) FROM meeting AS other
            WHERE other.year = meeting.year AND other.number = meeting.number
              AND other.id < meeting.id
        )
        """
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint("uq_meeting_series", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_meeting_year"), ["year", "number"])
        batch_op.drop_column("series")


def downgrade() -> None:
    _series_down()
    with op.batch_alter_table("meeting_snapshot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_snapshot_meeting_id"))
    op.drop_table("meeting_snapshot")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        for name, _kind in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
