"""ORM mapping of the schema. Change it only together with a new Alembic revision."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# The column defaults serve rows written outside any action; sessions stamp rows with their
# run's time (history.install), so the rows of one action share one moment.
from pazos_desktop.clock import utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Optimistic concurrency: every UPDATE checks and bumps `version`."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class AppSetting(Base):
    """Key/value settings that belong to the database (organisation name, document codes...)."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Component(Versioned, Base):
    __tablename__ = "component"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[int] = mapped_column(Integer, unique=True)
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    description_es: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)


class Cluster(Versioned, Base):
    __tablename__ = "cluster"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    neighbourhoods: Mapped[list[Neighbourhood]] = relationship(
        back_populates="cluster", order_by="Neighbourhood.name"
    )


class Neighbourhood(Versioned, Base):
    __tablename__ = "neighbourhood"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    comuna: Mapped[str | None] = mapped_column(String(100))
    # DANE DIVIPOLA codes, as text: leading zeros are part of the code ("05001" is Medellín).
    department_code: Mapped[str | None] = mapped_column(String(2))
    municipality_code: Mapped[str | None] = mapped_column(String(5))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="SET NULL"), index=True
    )
    cluster: Mapped[Cluster | None] = relationship(back_populates="neighbourhoods")


class Partner(Versioned, Base):
    __tablename__ = "partner"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    acronym: Mapped[str | None] = mapped_column(String(50))
    # Folded acronym: unique like the name, so "sidoc" cannot sit beside "SIDOC".
    acronym_key: Mapped[str | None] = mapped_column(String(50), unique=True, index=True)
    type: Mapped[str] = mapped_column(String(30))
    nit: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    agreement_ref: Mapped[str | None] = mapped_column(String(200))
    agreement_start: Mapped[dt.date | None] = mapped_column(Date)
    agreement_end: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="partner", order_by="Contact.name"
    )


class Contact(Versioned, Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(100))
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    partner: Mapped[Partner] = relationship(back_populates="contacts")


class Program(Versioned, Base):
    __tablename__ = "program"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    lead_partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="RESTRICT"), index=True
    )
    component_id: Mapped[int | None] = mapped_column(
        ForeignKey("component.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)
    lead_partner: Mapped[Partner | None] = relationship()
    component: Mapped[Component | None] = relationship()


commitment_cluster = Table(
    "commitment_cluster",
    Base.metadata,
    Column(
        "commitment_id",
        ForeignKey("commitment.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "cluster_id",
        ForeignKey("cluster.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Commitment(Versioned, Base):
    __tablename__ = "commitment"
    __table_args__ = (
        CheckConstraint("target_quantity IS NULL OR target_quantity >= 0", name="target_ge_0"),
        CheckConstraint("achieved_quantity >= 0", name="achieved_ge_0"),
        CheckConstraint("amount_cop IS NULL OR amount_cop >= 0", name="amount_ge_0"),
        CheckConstraint(
            "start_date IS NULL OR due_date IS NULL OR due_date >= start_date",
            name="due_after_start",
        ),
        Index("ix_commitment_status_due", "status", "due_date"),
        Index("ix_commitment_component_status", "component_id", "status", "all_clusters"),
        # Who reports each period (services/reporting/states.py): a covering index, so the
        # partners of twelve periods are found without reading the commitments' rows.
        Index("ix_commitment_reporting", "partner_id", "status", "start_date", "due_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="RESTRICT"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    # Indexed with status and all_clusters below: a covering index for the summaries.
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id", ondelete="RESTRICT"))
    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("program.id", ondelete="SET NULL"), index=True
    )
    all_clusters: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(100))
    target_quantity: Mapped[float | None] = mapped_column(Float)
    achieved_quantity: Mapped[float] = mapped_column(Float, default=0, nullable=False)
    amount_cop: Mapped[int | None] = mapped_column(BigInteger)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # The meeting whose minutes agreed this commitment (None when entered by hand).
    origin_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    # Folded copy of title/description/notes: accent-insensitive search in plain SQL LIKE.
    search_key: Mapped[str] = mapped_column(Text, default="", nullable=False)

    partner: Mapped[Partner] = relationship()
    contact: Mapped[Contact | None] = relationship()
    component: Mapped[Component] = relationship()
    program: Mapped[Program | None] = relationship()
    clusters: Mapped[list[Cluster]] = relationship(
        secondary=commitment_cluster, order_by="Cluster.name"
    )
    progress_updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="commitment",
        order_by="ProgressUpdate.date",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ProgressUpdate(Base):
    __tablename__ = "progress_update"
    __table_args__ = (
        CheckConstraint(
            "achieved_quantity IS NULL OR achieved_quantity >= 0", name="achieved_ge_0"
        ),
        Index("ix_progress_update_commitment_date", "commitment_id", "date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitment.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    achieved_quantity: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str | None] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    source_ref: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    commitment: Mapped[Commitment] = relationship(back_populates="progress_updates")


class HistoryEntry(Base):
    """One changed field of one record (or one whole create/delete), written automatically."""

    __tablename__ = "history_entry"
    __table_args__ = (Index("ix_history_entry_entity", "entity", "entity_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
