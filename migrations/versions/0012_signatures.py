"""approved actas signed with digital certificates: the signed versions, the stamps' places

Revision ID: 0012_signatures
Revises: 0011_people_roles
Create Date: 2026-12-07 10:00:00

Adds the table `acta_signature`: one row per digital signature of an approved acta, keyed to
the approved version it signs (`meeting_snapshot`), holding the bytes that signature appended
to the file (an incremental update: the approved PDF followed by every increment, in order, is
the signed file) and the SHA-256 of the whole file as it stood after it. The approved PDF and
its recorded SHA-256 are not touched. Also `meeting_snapshot.sign_places`: where each signer's
block was drawn on the approved PDF (JSON), for the visible stamp; NULL for actas approved
before this revision (the program then finds the blocks by drawing the acta again).

Self-contained: it needs only `meeting` and `meeting_snapshot` (revisions 0002 and 0006).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pazos_desktop.migration_ops import batch_alter_table

revision = "0012_signatures"
down_revision = "0011_people_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meeting_snapshot", sa.Column("sign_places", sa.Text(), nullable=True))
    op.create_table(
        "acta_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("signer_name", sa.String(length=300), nullable=False),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("timestamped", sa.Boolean(), nullable=False),
        sa.Column("external", sa.Boolean(), nullable=False),
        sa.Column("increment", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["meeting_snapshot.id"],
            name=op.f("fk_acta_signature_snapshot_id_meeting_snapshot"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_acta_signature_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acta_signature")),
        sa.UniqueConstraint("snapshot_id", "seq", name=op.f("uq_acta_signature_snapshot_id")),
    )
    op.create_index(
        op.f("ix_acta_signature_meeting_id"), "acta_signature", ["meeting_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_acta_signature_meeting_id"), table_name="acta_signature")
    op.drop_table("acta_signature")
    with batch_alter_table("meeting_snapshot") as batch_op:
        batch_op.drop_column("sign_places")
