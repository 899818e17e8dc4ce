"""The meeting list (filter by year, type, cluster, partner) and a new meeting's starting point."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee, meeting_cluster
from pazos_desktop.db.models.register import Commitment, Contact
from pazos_desktop.domain.meetings import acta_label
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.data import AgendaItemData, AttendeeData, MeetingData
from pazos_desktop.services.meetings.followup import meeting_before


@dataclass
class MeetingFilter:
    year: int | None = None
    type: str | None = None
    cluster_id: int | None = None
    partner_id: int | None = None
    status: str | None = None


@dataclass
class MeetingRow:
    id: int
    year: int
    number: int
    type: str
    date: dt.date
    place: str
    status: str
    attendees: int = 0
    agreed: int = 0
    label: str = field(default="", compare=False)
    series: str = ""


def list_meetings(session: Session, f: MeetingFilter | None = None) -> list[MeetingRow]:
    """Newest first, with how many attended and how many commitments each agreed."""
    f = f or MeetingFilter()
    present = (
        select(func.count())
        .where(MeetingAttendee.meeting_id == Meeting.id, MeetingAttendee.presence == "present")
        .scalar_subquery()
    )
    agreed = (
        select(func.count()).where(Commitment.origin_meeting_id == Meeting.id).scalar_subquery()
    )
    query = _filtered(select(Meeting, present, agreed), f).order_by(
        Meeting.date.desc(), Meeting.id.desc()
    )
    return [_row(m, n_present, n_agreed) for m, n_present, n_agreed in session.execute(query)]


def _filtered(query, f: MeetingFilter):
    if f.year is not None:
        query = query.where(Meeting.year == f.year)
    if f.type:
        query = query.where(Meeting.type == f.type)
    if f.status:
        query = query.where(Meeting.status == f.status)
    if f.cluster_id is not None:
        query = query.where(
            Meeting.id.in_(
                select(meeting_cluster.c.meeting_id).where(
                    meeting_cluster.c.cluster_id == f.cluster_id
                )
            )
        )
    if f.partner_id is not None:
        # A partner "was at" a meeting when one of its contacts is on the attendance list.
        query = query.where(
            Meeting.id.in_(
                select(MeetingAttendee.meeting_id)
                .join(Contact, Contact.id == MeetingAttendee.contact_id)
                .where(Contact.partner_id == f.partner_id)
            )
        )
    return query


def _row(m: Meeting, n_present: int, n_agreed: int) -> MeetingRow:
    return MeetingRow(
        id=m.id,
        year=m.year,
        number=m.number,
        type=m.type,
        date=m.date,
        place=m.place or m.link or "",
        status=m.status,
        attendees=n_present,
        agreed=n_agreed,
        label=acta_label(m.number, m.year),
        series=m.series,
    )


def meeting_years(session: Session) -> list[int]:
    return list(session.scalars(select(Meeting.year).distinct().order_by(Meeting.year.desc())))


def new_meeting_template(session: Session, on: dt.date) -> MeetingData:
    """A new meeting's form, pre-filled from the previous one: type, place, chair, secretary,
    clusters, the people expected, and the customary first items of the agenda."""
    draft = MeetingData(date=on, agenda=_opening_items())
    last = meeting_before(session, on + dt.timedelta(days=1))
    if last is not None:
        _carry_over(draft, last, on)
    person = run_of(session).person  # who makes the acta prepares it ("Elaboró")
    if person is not None:
        draft.prepared_by, draft.prepared_position = person.name, person.position or None
    return draft


def _carry_over(draft: MeetingData, last: Meeting, on: dt.date) -> None:
    """What the previous meeting leaves to the next: the same body, people and place."""
    for name in ("type", "place", "link", "start_time", "end_time", "prepared_by",
                 "prepared_position", "reviewed_by", "reviewed_position", "approver_name",
                 "approver_position"):  # fmt: skip
        setattr(draft, name, getattr(last, name))
    for role in ("chair", "secretary"):
        for part in ("contact_id", "name", "position"):
            setattr(draft, f"{role}_{part}", getattr(last, f"{role}_{part}"))
    draft.series = last.series  # the same body: its next consecutive
    draft.cluster_ids = [c.id for c in last.clusters]
    draft.attendees = [
        AttendeeData(
            a.name, a.entity, a.position, a.contact_id, a.email, a.phone, "present", a.is_guest
        )
        for a in last.attendees
    ]
    if last.next_date and last.next_date >= on:
        draft.date = last.next_date
    draft.place = last.next_place or draft.place
    draft.start_time = last.next_time or draft.start_time


def _opening_items() -> list[AgendaItemData]:
    return [
        AgendaItemData(_("Verificación de asistencia y quórum")),
        AgendaItemData(_("Revisión de los compromisos de la reunión anterior")),
    ]
