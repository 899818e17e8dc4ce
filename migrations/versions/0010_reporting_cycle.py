"""the reporting cycle: partners' reports per period, remarks, stored files, closed periods

Revision ID: 0010_reporting_cycle
Revises: 0009_invisible_characters
Create Date: 2026-12-07 06:19:33.212248

Adds `reporting_period` (the office's own periods), `partner_report` (one partner's report for
one period, its state and dates) with `partner_report_remark` (the coordination's remark per
commitment when a report goes back), `stored_file` and `stored_file_chunk` (files kept in the
database a chunk at a time: evidence and returned sheets), `evidence` (a file proving a
progress update) and `period_closure` with `period_closure_cluster` (closed periods). New
tables only, referring to tables every earlier revision has (partner, commitment,
progress_update, cluster): no batch copy of an existing table, no data of earlier revisions
touched, and the downgrade drops exactly these tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_reporting_cycle"
down_revision = "0009_invisible_characters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Who reports each period: a covering index of the commitments (no rows read).
    op.create_index(
        "ix_commitment_reporting",
        "commitment",
        ["partner_id", "status", "start_date", "due_date"],
        unique=False,
    )
    op.create_table(
        "period_closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=200), nullable=True),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopened_by", sa.String(length=200), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("frozen_report", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "period_end >= period_start", name=op.f("ck_period_closure_end_after_start")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_closure")),
    )
    with op.batch_alter_table("period_closure", schema=None) as batch_op:
        batch_op.create_index(
            "ix_period_closure_dates", ["period_start", "period_end"], unique=False
        )

    op.create_table(
        "reporting_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "end_date >= start_date", name=op.f("ck_reporting_period_end_after_start")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporting_period")),
        sa.UniqueConstraint("code", name=op.f("uq_reporting_period_code")),
    )
    op.create_table(
        "partner_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("sent_to", sa.String(length=500), nullable=True),
        sa.Column("sent_file", sa.String(length=300), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("received_file", sa.String(length=300), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "period_end >= period_start", name=op.f("ck_partner_report_end_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_report_partner_id_partner"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_report")),
        sa.UniqueConstraint(
            "period_code", "partner_id", name=op.f("uq_partner_report_period_code")
        ),
    )
    with op.batch_alter_table("partner_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_report_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partner_report_period_code"), ["period_code"], unique=False
        )

    op.create_table(
        "period_closure_cluster",
        sa.Column("closure_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closure_id"],
            ["period_closure.id"],
            name=op.f("fk_period_closure_cluster_closure_id_period_closure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["cluster.id"],
            name=op.f("fk_period_closure_cluster_cluster_id_cluster"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("closure_id", "cluster_id", name=op.f("pk_period_closure_cluster")),
    )
    with op.batch_alter_table("period_closure_cluster", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_period_closure_cluster_cluster_id"), ["cluster_id"], unique=False
        )

    op.create_table(
        "stored_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("size >= 0", name=op.f("ck_stored_file_size_ge_0")),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["partner_report.id"],
            name=op.f("fk_stored_file_report_id_partner_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_file")),
    )
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stored_file_report_id"), ["report_id"], unique=False)

    op.create_table(
        "stored_file_chunk",
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["stored_file.id"],
            name=op.f("fk_stored_file_chunk_file_id_stored_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("file_id", "seq", name=op.f("pk_stored_file_chunk")),
    )
    op.create_table(
        "partner_report_remark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_partner_report_remark_commitment_id_commitment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["partner_report.id"],
            name=op.f("fk_partner_report_remark_report_id_partner_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_report_remark")),
        sa.UniqueConstraint(
            "report_id", "commitment_id", name=op.f("uq_partner_report_remark_report_id")
        ),
    )
    with op.batch_alter_table("partner_report_remark", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_report_remark_commitment_id"), ["commitment_id"], unique=False
        )

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("progress_update_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["stored_file.id"],
            name=op.f("fk_evidence_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["progress_update_id"],
            ["progress_update.id"],
            name=op.f("fk_evidence_progress_update_id_progress_update"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("file_id", name=op.f("uq_evidence_file_id")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_progress_update_id"), ["progress_update_id"], unique=False
        )


def downgrade() -> None:
    op.drop_index("ix_commitment_reporting", table_name="commitment")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_progress_update_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("partner_report_remark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_report_remark_commitment_id"))

    op.drop_table("partner_report_remark")
    op.drop_table("stored_file_chunk")
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stored_file_report_id"))

    op.drop_table("stored_file")
    with op.batch_alter_table("period_closure_cluster", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_closure_cluster_cluster_id"))

    op.drop_table("period_closure_cluster")
    with op.batch_alter_table("partner_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_report_period_code"))
        batch_op.drop_index(batch_op.f("ix_partner_report_partner_id"))

    op.drop_table("partner_report")
    op.drop_table("reporting_period")
    with op.batch_alter_table("period_closure", schema=None) as batch_op:
        batch_op.drop_index("ix_period_closure_dates")

    op.drop_table("period_closure")
