"""outcome indicators: sheets (fichas), their values and versions, populations

Revision ID: 0005_indicators
Revises: 0004_personal_data
Create Date: 2026-12-01 13:36:59.391215

Adds `indicator` (the sheet) with its links to components, programs and the commitments meant
to move it, `indicator_value` (aggregates per territory and period, every version kept) and
`population` (per territory and year, the denominator of rates). New tables only: no batch
copy of an existing table, so no data of earlier revisions is touched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_indicators"
down_revision = "0004_personal_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("code_key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("definition", sa.Text(), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("numerator_description", sa.Text(), nullable=True),
        sa.Column("denominator_description", sa.Text(), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("periodicity", sa.String(length=20), nullable=False),
        sa.Column("aggregation", sa.String(length=20), nullable=False),
        sa.Column("scale", sa.Float(), nullable=False),
        sa.Column("population_denominator", sa.Boolean(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("by_sex", sa.Boolean(), nullable=False),
        sa.Column("age_bands", sa.String(length=300), nullable=True),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "aggregation = 'ratio' OR NOT population_denominator",
            name=op.f("ck_indicator_population_ratio"),
        ),
        sa.CheckConstraint("scale > 0", name=op.f("ck_indicator_scale_gt_0")),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_indicator_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("code_key", name=op.f("uq_indicator_code_key")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "population",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("cluster_key", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "cluster_key = coalesce(cluster_id, 0)", name=op.f("ck_population_cluster_key")
        ),
        sa.CheckConstraint("population > 0", name=op.f("ck_population_population_gt_0")),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["cluster.id"],
            name=op.f("fk_population_cluster_id_cluster"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population")),
        sa.UniqueConstraint("cluster_key", "year", name=op.f("uq_population_cluster_key")),
    )
    with op.batch_alter_table("population", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_population_cluster_id"), ["cluster_id"], unique=False)

    op.create_table(
        "indicator_component",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_indicator_component_component_id_component"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_component_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "indicator_id", "component_id", name=op.f("pk_indicator_component")
        ),
    )
    with op.batch_alter_table("indicator_component", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_component_component_id"), ["component_id"], unique=False
        )

    op.create_table(
        "indicator_program",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_program_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["program.id"],
            name=op.f("fk_indicator_program_program_id_program"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("indicator_id", "program_id", name=op.f("pk_indicator_program")),
    )
    with op.batch_alter_table("indicator_program", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_program_program_id"), ["program_id"], unique=False
        )

    op.create_table(
        "indicator_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("cluster_key", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=30), nullable=False),
        sa.Column("numerator", sa.Float(), nullable=True),
        sa.Column("denominator", sa.Float(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("cut_off", sa.Date(), nullable=True),
        sa.Column("data_version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "cluster_key = coalesce(cluster_id, 0)", name=op.f("ck_indicator_value_cluster_key")
        ),
        sa.CheckConstraint("data_version >= 1", name=op.f("ck_indicator_value_data_version_ge_1")),
        sa.CheckConstraint(
            "denominator IS NULL OR denominator > 0",
            name=op.f("ck_indicator_value_denominator_gt_0"),
        ),
        sa.CheckConstraint("months BETWEEN 1 AND 12", name=op.f("ck_indicator_value_months")),
        sa.CheckConstraint(
            "numerator IS NULL OR numerator >= 0", name=op.f("ck_indicator_value_numerator_ge_0")
        ),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_indicator_value_period")),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["cluster.id"],
            name=op.f("fk_indicator_value_cluster_id_cluster"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_value_indicator_id_indicator"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_value")),
        sa.UniqueConstraint(
            "indicator_id",
            "cluster_key",
            "period_start",
            "sex",
            "age_band",
            "data_version",
            name=op.f("uq_indicator_value_indicator_id"),
        ),
    )
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_value_cluster_id"), ["cluster_id"], unique=False
        )
        batch_op.create_index(
            "ix_indicator_value_series",
            [
                "is_current",
                "sex",
                "age_band",
                "indicator_id",
                "cluster_key",
                "year",
                "period_start",
                "months",
                "numerator",
                "denominator",
                "value",
            ],
            unique=False,
        )

    op.create_table(
        "indicator_commitment",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_indicator_commitment_commitment_id_commitment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_commitment_indicator_id_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "indicator_id", "commitment_id", name=op.f("pk_indicator_commitment")
        ),
    )
    with op.batch_alter_table("indicator_commitment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_commitment_commitment_id"), ["commitment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("indicator_commitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_commitment_commitment_id"))

    op.drop_table("indicator_commitment")
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_index("ix_indicator_value_series")
        batch_op.drop_index(batch_op.f("ix_indicator_value_cluster_id"))

    op.drop_table("indicator_value")
    with op.batch_alter_table("indicator_program", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_program_program_id"))

    op.drop_table("indicator_program")
    with op.batch_alter_table("indicator_component", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_component_component_id"))

    op.drop_table("indicator_component")
    with op.batch_alter_table("population", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_population_cluster_id"))

    op.drop_table("population")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_partner_id"))

    op.drop_table("indicator")
