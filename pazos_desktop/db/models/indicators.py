"""ORM mapping of outcome indicators: their sheets (fichas), values and populations.

Imported by `models`. A value is an aggregate a partner or an office reports for one indicator,
territory and period (never an individual participant's record). A corrected figure is a new
row (`data_version` + 1); the earlier one stays, with `is_current` False.

The municipality is stored as `cluster_id` NULL. `cluster_key` (0 for the municipality, else
the cluster id, checked by the database) lets the unique keys treat the municipality as one
territory: SQL compares NULLs as all different.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pazos_desktop.db.models.register import Base, Commitment, Component, Program, Versioned


def _link(name: str, other: str, other_delete: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column("indicator_id", ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
        Column(
            f"{other}_id",
            ForeignKey(f"{other}.id", ondelete=other_delete),
            primary_key=True,
            index=True,
        ),
    )


indicator_component = _link("indicator_component", "component", "RESTRICT")
indicator_program = _link("indicator_program", "program", "CASCADE")
# A deleted commitment simply stops contributing.
indicator_commitment = _link("indicator_commitment", "commitment", "CASCADE")


class Indicator(Versioned, Base):
    """An indicator sheet (ficha): what is measured, how, and what it should reach."""

    __tablename__ = "indicator"
    __table_args__ = (
        CheckConstraint("scale > 0", name="scale_gt_0"),
        CheckConstraint(
            "aggregation = 'ratio' OR NOT population_denominator", name="population_ratio"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30))
    code_key: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(20))
    numerator_description: Mapped[str | None] = mapped_column(Text)
    denominator_description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(300))
    periodicity: Mapped[str] = mapped_column(String(20))
    aggregation: Mapped[str] = mapped_column(String(20))
    scale: Mapped[float] = mapped_column(Float, default=1.0, nullable=False)
    # The denominator is the territory's population of the year (rates per 100,000).
    population_denominator: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    direction: Mapped[str] = mapped_column(String(10))
    by_sex: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    age_bands: Mapped[str | None] = mapped_column(String(300))  # "0-13; 14-17; 18-28"
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_year: Mapped[int | None] = mapped_column(Integer)
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)

    components: Mapped[list[Component]] = relationship(
        secondary=indicator_component, order_by="Component.code"
    )
    programs: Mapped[list[Program]] = relationship(
        secondary=indicator_program, order_by="Program.name"
    )
    commitments: Mapped[list[Commitment]] = relationship(
        secondary=indicator_commitment, order_by="Commitment.id"
    )


class IndicatorValue(Versioned, Base):
    """One reported figure (a total, or one sex / age band) of one version."""

    __tablename__ = "indicator_value"
    __table_args__ = (
        UniqueConstraint(
            "indicator_id", "cluster_key", "period_start", "sex", "age_band", "data_version"
        ),
        CheckConstraint("cluster_key = coalesce(cluster_id, 0)", name="cluster_key"),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("data_version >= 1", name="data_version_ge_1"),
        CheckConstraint("months BETWEEN 1 AND 12", name="months"),
        CheckConstraint("numerator IS NULL OR numerator >= 0", name="numerator_ge_0"),
        CheckConstraint("denominator IS NULL OR denominator > 0", name="denominator_gt_0"),
        # Every figure the dashboard and the report aggregate (current totals), in the order
        # they group it: the aggregation reads this index only, in order, never the table.
        Index(
            "ix_indicator_value_series",
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
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="RESTRICT"), index=True
    )
    cluster_key: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)  # of period_start: grouped by, indexed
    months: Mapped[int] = mapped_column(Integer)  # length of the period (1, 3 or 12)
    sex: Mapped[str] = mapped_column(String(1), default="", nullable=False)  # "" = total
    age_band: Mapped[str] = mapped_column(String(30), default="", nullable=False)  # "" = total
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(300))
    cut_off: Mapped[dt.date | None] = mapped_column(Date)
    data_version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)


class Population(Versioned, Base):
    """Inhabitants of a territory in a year: the denominator of rates per 100,000."""

    __tablename__ = "population"
    __table_args__ = (
        UniqueConstraint("cluster_key", "year"),
        CheckConstraint("cluster_key = coalesce(cluster_id, 0)", name="cluster_key"),
        CheckConstraint("population > 0", name="population_gt_0"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="RESTRICT"), index=True
    )
    cluster_key: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    year: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
