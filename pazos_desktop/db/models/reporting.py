"""ORM mapping of the reporting cycle: each partner's report per period and its state, the
coordination's remarks when a report goes back, the files kept in the database (evidence, the
returned sheets), the office's own periods, and closed periods. Imported by `models`.

Files are stored in chunks (`stored_file_chunk`) rather than one value: they are written and
read a chunk at a time on every driver, never whole in memory, and backups, the shared server
and transfers carry them like any other row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pazos_desktop.db.models.register import Base, Cluster, Versioned


class ReportingPeriod(Versioned, Base):
    """A period the office defined itself (custom frequency); months and quarters need none."""

    __tablename__ = "reporting_period"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="end_after_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)


class PartnerReport(Versioned, Base):
    """One partner's report for one period: its stored state and when each step happened.

    No row means *Pendiente*; *Vencido* is derived from the due date. The period's code and
    dates are kept with the row, so a later change of frequency leaves past reports as they
    were."""

    __tablename__ = "partner_report"
    __table_args__ = (
        UniqueConstraint("period_code", "partner_id"),
        CheckConstraint("period_end >= period_start", name="end_after_start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    period_code: Mapped[str] = mapped_column(String(20), index=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="RESTRICT"), index=True
    )
    state: Mapped[str] = mapped_column(String(20))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    sent_to: Mapped[str | None] = mapped_column(String(500))
    sent_file: Mapped[str | None] = mapped_column(String(300))
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    received_file: Mapped[str | None] = mapped_column(String(300))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    remark: Mapped[str | None] = mapped_column(Text)  # the coordination's, when sent back
    remarks: Mapped[list[ReportRemark]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True
    )


class ReportRemark(Base):
    """The coordination's remark on one commitment of a report sent back."""

    __tablename__ = "partner_report_remark"
    __table_args__ = (UniqueConstraint("report_id", "commitment_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("partner_report.id", ondelete="CASCADE"))
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True
    )
    remark: Mapped[str] = mapped_column(Text)
    report: Mapped[PartnerReport] = relationship(back_populates="remarks")


class StoredFile(Base):
    """A file kept in the database (its bytes in `stored_file_chunk`): an evidence file, or a
    returned sheet as it came in (`report_id`)."""

    __tablename__ = "stored_file"
    __table_args__ = (CheckConstraint("size >= 0", name="size_ge_0"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str | None] = mapped_column(String(200))
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner_report.id", ondelete="CASCADE"), index=True
    )


class StoredChunk(Base):
    __tablename__ = "stored_file_chunk"
    file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_file.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Evidence(Versioned, Base):
    """A file that proves a progress update (medio de verificación)."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    progress_update_id: Mapped[int] = mapped_column(
        ForeignKey("progress_update.id", ondelete="CASCADE"), index=True
    )
    file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_file.id", ondelete="RESTRICT"), unique=True
    )
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    # Ley 1581: attendance lists and photos often hold personal data, of minors too.
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(200))


period_closure_cluster = Table(
    "period_closure_cluster",
    Base.metadata,
    Column("closure_id", ForeignKey("period_closure.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "cluster_id",
        ForeignKey("cluster.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class PeriodClosure(Versioned, Base):
    """A period closed once presented, for every cluster (no clusters linked) or some.

    Reopening keeps the row and says who, when and why. `frozen_report` is the coordination
    report of the period as it was when closed (JSON): reports of a closed period read it, so
    they give the same figures every time."""

    __tablename__ = "period_closure"
    __table_args__ = (
        CheckConstraint("period_end >= period_start", name="end_after_start"),
        Index("ix_period_closure_dates", "period_start", "period_end"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    period_code: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(200))
    reopened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str | None] = mapped_column(String(200))
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    frozen_report: Mapped[str | None] = mapped_column(Text)
    clusters: Mapped[list[Cluster]] = relationship(
        secondary=period_closure_cluster, order_by="Cluster.name"
    )
