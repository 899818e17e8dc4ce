"""ORM mapping of meetings (reuniones) and their minutes (actas). Imported by `models`.

The meeting is the unit of editing and of optimistic concurrency: its children (attendees,
agenda items, decisions, follow-ups) are saved through it, and every save bumps its `version`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pazos_desktop.db.models.register import Base, Cluster, Versioned

meeting_cluster = Table(
    "meeting_cluster",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "cluster_id",
        ForeignKey("cluster.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


def _children(cls_name: str):
    return relationship(
        cls_name,
        back_populates="meeting",
        order_by=f"{cls_name}.sort_order",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Meeting(Versioned, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        # The consecutive is unique per series (the body: comité técnico, each mesa) and year:
        # "Acta No. 007 de 2026" of the comité técnico.
        UniqueConstraint("series", "year", "number"),
        CheckConstraint("number >= 1", name="number_ge_1"),
        CheckConstraint(
            "start_time IS NULL OR end_time IS NULL OR end_time >= start_time",
            name="end_after_start",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(30))
    # The body whose consecutive this acta takes: a meeting type's key (its own series by
    # default) or a name typed by the user ("Mesa de clúster 3"). Fixed once created.
    series: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(300))
    link: Mapped[str | None] = mapped_column(String(500))
    objective: Mapped[str | None] = mapped_column(Text)
    chair_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    chair_name: Mapped[str | None] = mapped_column(String(200))
    chair_position: Mapped[str | None] = mapped_column(String(200))
    secretary_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    secretary_name: Mapped[str | None] = mapped_column(String(200))
    secretary_position: Mapped[str | None] = mapped_column(String(200))
    next_date: Mapped[dt.date | None] = mapped_column(Date)
    next_place: Mapped[str | None] = mapped_column(String(300))
    next_time: Mapped[dt.time | None] = mapped_column(Time)
    prepared_by: Mapped[str | None] = mapped_column(String(200))
    prepared_position: Mapped[str | None] = mapped_column(String(200))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_position: Mapped[str | None] = mapped_column(String(200))
    # Who signs "Aprobó" on paper (the chair, usually); `approved_by` is who approved it here.
    approver_name: Mapped[str | None] = mapped_column(String(200))
    approver_position: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), index=True)
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    # SHA-256 of the PDF frozen at approval (MeetingSnapshot): its change is in the history.
    approved_pdf_sha256: Mapped[str | None] = mapped_column(String(64))

    clusters: Mapped[list[Cluster]] = relationship(
        secondary=meeting_cluster, order_by="Cluster.name"
    )
    attendees: Mapped[list[MeetingAttendee]] = _children("MeetingAttendee")
    agenda_items: Mapped[list[MeetingAgendaItem]] = _children("MeetingAgendaItem")
    decisions: Mapped[list[MeetingDecision]] = _children("MeetingDecision")
    followups: Mapped[list[MeetingFollowup]] = _children("MeetingFollowup")
    snapshots: Mapped[list[MeetingSnapshot]] = relationship(
        back_populates="meeting",
        order_by="MeetingSnapshot.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class MeetingAttendee(Base):
    """A contact of a partner, or a guest typed by hand; name/entity/position are copied so
    the minutes keep saying what they said when the contact later changes."""

    __tablename__ = "meeting_attendee"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(100))
    presence: Mapped[str] = mapped_column(String(20))
    is_guest: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    meeting: Mapped[Meeting] = relationship(back_populates="attendees")


class MeetingAgendaItem(Base):
    __tablename__ = "meeting_agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    title: Mapped[str] = mapped_column(String(500))
    development: Mapped[str | None] = mapped_column(Text)
    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class MeetingDecision(Base):
    __tablename__ = "meeting_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    text: Mapped[str] = mapped_column(Text)
    meeting: Mapped[Meeting] = relationship(back_populates="decisions")


class MeetingFollowup(Base):
    """What was reported at a meeting about an earlier commitment (and the progress update
    it became)."""

    __tablename__ = "meeting_followup"
    __table_args__ = (UniqueConstraint("meeting_id", "commitment_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    reported_status: Mapped[str | None] = mapped_column(String(20))
    reported_achieved: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)
    progress_update_id: Mapped[int | None] = mapped_column(
        ForeignKey("progress_update.id", ondelete="SET NULL"), index=True
    )
    meeting: Mapped[Meeting] = relationship(back_populates="followups")


class MeetingSnapshot(Base):
    """The acta as approved: its content (every language) and its PDF, never changed again.

    Later exports of the approved acta come from here, whatever happened to its commitments,
    attendees' contacts or the settings since. Reopening keeps the row and says why.
    """

    __tablename__ = "meeting_snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(5))
    page_size: Mapped[str] = mapped_column(String(10))
    content: Mapped[str] = mapped_column(Text)  # JSON: the documents and the header settings
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    reopened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str | None] = mapped_column(String(200))
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    # Where each signer's block was drawn (JSON: role -> page and box), for the visible stamp.
    sign_places: Mapped[str | None] = mapped_column(Text)
    meeting: Mapped[Meeting] = relationship(back_populates="snapshots")
    signatures: Mapped[list[ActaSignature]] = relationship(
        back_populates="snapshot",
        order_by="ActaSignature.seq",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ActaSignature(Base):
    """One digital signature of an approved acta: the bytes it appended to the file.

    Signatures are incremental updates, so the signed file is the snapshot's PDF followed by
    every increment in `seq` order, and the approved PDF (and its SHA-256) never changes.
    `pdf_sha256` is that of the whole file as it stood after this signature. `meeting_id`
    repeats the snapshot's meeting so the meeting's history finds its signatures.
    """

    __tablename__ = "acta_signature"
    __table_args__ = (UniqueConstraint("snapshot_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("meeting_snapshot.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))  # a SIGNER_ROLES key (domain/meetings.py)
    signer_name: Mapped[str] = mapped_column(String(300))  # the certificate's holder
    issuer: Mapped[str] = mapped_column(String(300))
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC, as signed
    timestamped: Mapped[bool] = mapped_column(Boolean, default=False)
    external: Mapped[bool] = mapped_column(Boolean, default=False)  # signed in another program
    increment: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[MeetingSnapshot] = relationship(back_populates="signatures")
