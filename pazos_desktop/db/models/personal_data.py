"""ORM mapping of personal-data records (Ley 1581 de 2012). Imported by `models`.

A contact's authorisations (date, means, purposes, policy version, evidence, revocation), the
versions of the data-processing policy, the entity's list of purposes, the holders' rights
requests, and the register of suppressed people (re-applied when an older backup is restored).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pazos_desktop.clock import utcnow
from pazos_desktop.db.models.register import Base, Versioned

authorisation_purpose = Table(
    "authorisation_purpose",
    Base.metadata,
    Column(
        "authorisation_id",
        ForeignKey("contact_authorisation.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "purpose_id",
        ForeignKey("data_purpose.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class DataPolicy(Versioned, Base):
    """One version of the política de tratamiento: the current one is the latest in force."""

    __tablename__ = "data_policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_label: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    effective_on: Mapped[dt.date] = mapped_column(Date, index=True)
    text: Mapped[str | None] = mapped_column(Text)
    notice: Mapped[str] = mapped_column(Text)  # the short notice printed on attendance sheets
    url: Mapped[str | None] = mapped_column(String(300))


class DataPurpose(Versioned, Base):
    """A purpose of the processing (finalidad), from the list the entity configures."""

    __tablename__ = "data_purpose"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class ContactAuthorisation(Versioned, Base):
    """Proof of a contact's prior, express and informed authorisation (art. 9, Ley 1581)."""

    __tablename__ = "contact_authorisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    granted_on: Mapped[dt.date] = mapped_column(Date)
    means: Mapped[str] = mapped_column(String(30))
    policy_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_policy.id", ondelete="RESTRICT"), index=True
    )
    evidence_ref: Mapped[str | None] = mapped_column(String(300))
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    purposes: Mapped[list[DataPurpose]] = relationship(
        secondary=authorisation_purpose, order_by="DataPurpose.sort_order"
    )
    policy: Mapped[DataPolicy | None] = relationship()


class RightsRequest(Versioned, Base):
    """A holder's consulta or reclamo (arts. 14-15, Ley 1581); the due date is computed."""

    __tablename__ = "rights_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    type: Mapped[str] = mapped_column(String(20))
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    requester_name: Mapped[str] = mapped_column(String(200))
    requester_contact: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    extended: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text)


class DataSuppression(Base):
    """Who was suppressed, when and by whom: no personal data, only the contact's id."""

    __tablename__ = "data_suppression"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(Integer, unique=True)
    suppressed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("rights_request.id", ondelete="SET NULL")
    )
