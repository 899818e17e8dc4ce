"""What the acta and the attendance sheet show, as plain text rows (the writers run no query).

Every value is already formatted for the export's language: dates dd/mm/aaaa, labels translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import STATUS_LABELS, format_date, format_quantity
from ..i18n import N_, translate
from ..meetings_domain import (
    Presence,
    acta_label,
    attendance_file_name,
    meeting_status_label,
    meeting_type_label,
    minutes_file_name,
)
from ..models import Cluster, Commitment, Component, Contact, Partner, commitment_cluster
from ..models_meetings import Meeting
from .meeting_followup import list_followups
from .meetings import load
from .personal_data.attendance import SheetDataProtection, sheet_data_protection


@dataclass
class PersonRow:
    name: str
    entity: str = ""
    position: str = ""


@dataclass
class AgendaEntry:
    title: str
    development: str = ""


@dataclass
class FollowupRow:
    commitment: str
    responsible: str
    status: str
    report: str = ""


@dataclass
class AgreedRow:
    activity: str
    responsible: str
    cluster: str
    component: str
    due_date: str
    id: int | None = None


@dataclass
class MeetingHeader:
    """The lines every document of a meeting starts with."""

    lang: str
    acta: str
    number: int
    year: int
    type_label: str
    status_label: str
    draft: bool
    date: str
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    link: str = ""
    objective: str = ""
    clusters: str = ""


@dataclass
class MinutesDoc:
    header: MeetingHeader
    file_name: str
    present: list[PersonRow] = field(default_factory=list)
    guests: list[PersonRow] = field(default_factory=list)
    excused: list[PersonRow] = field(default_factory=list)
    absent: list[PersonRow] = field(default_factory=list)
    agenda: list[AgendaEntry] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    followups: list[FollowupRow] = field(default_factory=list)
    agreed: list[AgreedRow] = field(default_factory=list)
    next_date: str = ""
    next_place: str = ""
    chair: PersonRow = field(default_factory=lambda: PersonRow(""))
    secretary: PersonRow = field(default_factory=lambda: PersonRow(""))
    prepared_by: str = ""
    reviewed_by: str = ""


@dataclass
class AttendanceDoc:
    header: MeetingHeader
    file_name: str
    expected: list[PersonRow] = field(default_factory=list)
    blank_rows: int = 10
    # Ley 1581: the policy's short notice, and who has no valid authorisation (personal_data).
    data_protection: SheetDataProtection | None = None


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def meeting_header(meeting: Meeting, lang: str) -> MeetingHeader:
    return MeetingHeader(
        lang=lang,
        acta=acta_label(meeting.number, meeting.year, lang),
        number=meeting.number,
        year=meeting.year,
        type_label=meeting_type_label(meeting.type, lang),
        status_label=meeting_status_label(meeting.status, lang),
        draft=meeting.status != "approved",
        date=format_date(meeting.date),
        start_time=_time(meeting.start_time),
        end_time=_time(meeting.end_time),
        place=meeting.place or "",
        link=meeting.link or "",
        objective=meeting.objective or "",
        clusters=", ".join(c.name for c in meeting.clusters),
    )


def minutes_document(session: Session, meeting_id: int, lang: str = "es") -> MinutesDoc:
    meeting = load(session, meeting_id)
    doc = MinutesDoc(
        header=meeting_header(meeting, lang),
        file_name=minutes_file_name(meeting.number, meeting.year),
        agenda=[AgendaEntry(i.title, i.development or "") for i in meeting.agenda_items],
        decisions=[d.text for d in meeting.decisions],
        followups=_followups(session, meeting_id, lang),
        agreed=list_agreed(session, meeting_id, lang),
        next_date=format_date(meeting.next_date),
        next_place=meeting.next_place or "",
        chair=PersonRow(meeting.chair_name or "", "", meeting.chair_position or ""),
        secretary=PersonRow(meeting.secretary_name or "", "", meeting.secretary_position or ""),
        prepared_by=meeting.prepared_by or "",
        reviewed_by=meeting.reviewed_by or "",
    )
    _split_attendees(meeting, doc)
    return doc


def _split_attendees(meeting: Meeting, doc: MinutesDoc) -> None:
    """Present members, guests, excused and absent go in separate lists, as actas show them."""
    for a in meeting.attendees:
        row = PersonRow(a.name, a.entity or "", a.position or "")
        if a.presence == Presence.EXCUSED:
            doc.excused.append(row)
        elif a.presence == Presence.ABSENT:
            doc.absent.append(row)
        elif a.is_guest:
            doc.guests.append(row)
        else:
            doc.present.append(row)


def _status_text(status: str | None, lang: str) -> str:
    return translate(STATUS_LABELS.get(status, status or ""), lang) if status else ""


def _followups(session: Session, meeting_id: int, lang: str) -> list[FollowupRow]:
    rows = []
    for f in list_followups(session, meeting_id):
        report = [f.comment or ""]
        if f.reported_achieved is not None:
            label = translate(N_("Avance: {value}"), lang)
            report.insert(0, label.format(value=format_quantity(f.reported_achieved)))
        status = _status_text(f.reported_status, lang) or translate(N_("Sin reporte"), lang)
        rows.append(FollowupRow(f.title, f.responsible, status, "\n".join(filter(None, report))))
    return rows


def list_agreed(session: Session, meeting_id: int, lang: str = "es") -> list[AgreedRow]:
    """The commitments agreed at a meeting, in the order they were agreed.

    Plain column queries, not ORM objects: an acta may carry hundreds of commitments.
    """
    component = Component.name_en if lang == "en" else Component.name_es
    query = (
        select(
            Commitment.id,
            Commitment.title,
            Partner.acronym,
            Partner.name,
            Contact.name,
            component,
            Commitment.due_date,
            Commitment.all_clusters,
        )
        .join(Partner, Partner.id == Commitment.partner_id)
        .join(Component, Component.id == Commitment.component_id)
        .outerjoin(Contact, Contact.id == Commitment.contact_id)
        .where(Commitment.origin_meeting_id == meeting_id)
        .order_by(Commitment.id)
    )
    rows = session.execute(query).all()
    clusters = _cluster_names(session, meeting_id)
    everywhere = translate(N_("Todos"), lang)
    return [
        AgreedRow(
            activity=title,
            responsible=f"{acronym or partner} — {contact}" if contact else acronym or partner,
            cluster=everywhere if all_clusters else ", ".join(clusters.get(cid, [])),
            component=component_name,
            due_date=format_date(due),
            id=cid,
        )
        for cid, title, acronym, partner, contact, component_name, due, all_clusters in rows
    ]


def _cluster_names(session: Session, meeting_id: int) -> dict[int, list[str]]:
    query = (
        select(commitment_cluster.c.commitment_id, Cluster.name)
        .join(Cluster, Cluster.id == commitment_cluster.c.cluster_id)
        .join(Commitment, Commitment.id == commitment_cluster.c.commitment_id)
        .where(Commitment.origin_meeting_id == meeting_id)
        .order_by(Cluster.name)
    )
    names: dict[int, list[str]] = {}
    for commitment_id, name in session.execute(query):
        names.setdefault(commitment_id, []).append(name)
    return names


def attendance_document(
    session: Session, meeting_id: int, lang: str = "es", blank_rows: int = 10
) -> AttendanceDoc:
    """Everyone expected (all attendees registered, whatever their presence), plus blanks."""
    meeting = load(session, meeting_id)
    return AttendanceDoc(
        header=meeting_header(meeting, lang),
        file_name=attendance_file_name(meeting.number, meeting.year),
        expected=[PersonRow(a.name, a.entity or "", a.position or "") for a in meeting.attendees],
        blank_rows=blank_rows,
        data_protection=sheet_data_protection(session, list(meeting.attendees), meeting.date),
    )
