"""What the acta and the attendance sheet show, as plain text rows (the writers run no query).

Every value is already formatted for the export's language: dates dd/mm/aaaa, labels translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import Person, run_of
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Component,
    Contact,
    Partner,
    commitment_cluster,
)
from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.domain.meetings import (
    Presence,
    acta_label,
    acta_title,
    attendance_file_name,
    meeting_status_label,
    meeting_type_label,
    minutes_file_name,
    series_label,
    with_series,
)
from pazos_desktop.domain.vocabulary import STATUS_LABELS
from pazos_desktop.i18n import N_, translate
from pazos_desktop.services.meetings.editing import load
from pazos_desktop.services.meetings.followup import list_followups
from pazos_desktop.services.personal_data.attendance import (
    SheetDataProtection,
    sheet_data_protection,
)
from pazos_desktop.services.settings import habeas_data_notice


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
    commitment_id: int | None = None
    due_date: str = ""


@dataclass
class AgreedRow:
    activity: str
    responsible: str
    cluster: str
    component: str
    due_date: str
    id: int | None = None


# The acta's two commitment tables, as its PDF and the window's preview show them.
FOLLOWUP_COLUMNS = (N_("No."), N_("ID"), N_("Compromiso"), N_("Responsable"),
                    N_("Fecha límite"), N_("Estado reportado"), N_("Avance / comentario"))  # fmt: skip
AGREED_COLUMNS = (N_("No."), N_("ID"), N_("Actividad"), N_("Responsable"), N_("Clúster"),
                  N_("Componente"), N_("Fecha límite"))  # fmt: skip


def followup_cells(rows: list[FollowupRow]) -> list[list[str]]:
    """The follow-up table's rows, numbered, under FOLLOWUP_COLUMNS."""
    return [
        [
            str(i),
            str(f.commitment_id or ""),
            f.commitment,
            f.responsible,
            f.due_date,
            f.status,
            f.report,
        ]  # fmt: skip
        for i, f in enumerate(rows, 1)
    ]


def agreed_cells(rows: list[AgreedRow]) -> list[list[str]]:
    """The agreed commitments' rows, numbered, under AGREED_COLUMNS."""
    return [
        [str(i), str(a.id or ""), a.activity, a.responsible, a.cluster, a.component, a.due_date]
        for i, a in enumerate(rows, 1)
    ]


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
    title: str = ""  # "ACTA No. 007 DE 2026"
    body: str = ""  # the series: "Comité técnico", "Mesa de clúster 3"
    approval: str = ""  # "Aprobada el 14/03/2026 a las 10:20 por ana" (empty for a draft)

    @property
    def named(self) -> str:
        """ "Acta No. 003 de 2026 — Comité técnico": each body numbers its own actas, so the
        number alone does not say which acta (page header, PDF title). A property, not a field:
        snapshots stored before it read back unchanged."""
        return with_series(self.acta, self.body)


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
    next_time: str = ""
    chair: PersonRow = field(default_factory=lambda: PersonRow(""))
    secretary: PersonRow = field(default_factory=lambda: PersonRow(""))
    prepared_by: str = ""
    reviewed_by: str = ""
    prepared: PersonRow = field(default_factory=lambda: PersonRow(""))
    reviewed: PersonRow = field(default_factory=lambda: PersonRow(""))
    approver: PersonRow = field(default_factory=lambda: PersonRow(""))


@dataclass
class AttendanceDoc:
    header: MeetingHeader
    file_name: str
    expected: list[PersonRow] = field(default_factory=list)
    # None: up to 10, as many as the last page of names still holds; a number: exactly that.
    blank_rows: int | None = None
    # The personal-data notice printed on every page (Ley 1581 de 2012): the short notice of
    # the policy version in force, else the one typed in the settings (or ours).
    notice: str = ""
    # Who has no valid authorisation on file, and the policy version (personal_data).
    data_protection: SheetDataProtection | None = None


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def approval_line(meeting: Meeting, lang: str, person: Person | None = None) -> str:
    """When the acta was approved in the program (local time) and by whom: the person
    approving (name and position), known when the acta is frozen. A login is never printed:
    without a person the line names no one."""
    if meeting.status != "approved" or meeting.approved_at is None:
        return ""
    local = meeting.approved_at.replace(tzinfo=dt.UTC).astimezone()
    when = {"date": format_date(local.date()), "time": local.strftime("%H:%M")}
    if person is None or person.name != meeting.approved_by:
        return translate(N_("Aprobada el {date} a las {time}"), lang).format(**when)
    who = ", ".join(filter(None, (person.name, person.position)))
    return translate(N_("Aprobada el {date} a las {time} por {who}"), lang).format(**when, who=who)


def meeting_header(meeting: Meeting, lang: str, person: Person | None = None) -> MeetingHeader:
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
        title=acta_title(meeting.number, meeting.year, lang),
        body=series_label(meeting.series, lang),
        approval=approval_line(meeting, lang, person),
    )


def minutes_document(session: Session, meeting_id: int, lang: str = "es") -> MinutesDoc:
    meeting = load(session, meeting_id)
    doc = MinutesDoc(
        header=meeting_header(meeting, lang, run_of(session).person),
        file_name=minutes_file_name(meeting.number, meeting.year, meeting.series),
        agenda=[AgendaEntry(i.title, i.development or "") for i in meeting.agenda_items],
        decisions=[d.text for d in meeting.decisions],
        followups=_followups(session, meeting_id, lang),
        agreed=list_agreed(session, meeting_id, lang),
        next_date=format_date(meeting.next_date),
        next_place=meeting.next_place or "",
        next_time=_time(meeting.next_time),
        chair=_signer(meeting, "chair"),
        secretary=_signer(meeting, "secretary"),
        prepared_by=meeting.prepared_by or "",
        reviewed_by=meeting.reviewed_by or "",
        prepared=_person(meeting, meeting.prepared_by, meeting.prepared_position),
        reviewed=_person(meeting, meeting.reviewed_by, meeting.reviewed_position),
        approver=_approver(meeting),
    )
    _split_attendees(meeting, doc)
    return doc


def _approver(meeting: Meeting) -> PersonRow:
    """Who signs "Aprobó": as typed, else the chair (who approves the acta, customarily)."""
    if meeting.approver_name:
        return _person(meeting, meeting.approver_name, meeting.approver_position)
    return _signer(meeting, "chair")


def _signer(meeting: Meeting, role: str) -> PersonRow:
    """Chair or secretary with their entity: the contact's partner, else the attendance list."""
    name = getattr(meeting, f"{role}_name") or ""
    row = _person(meeting, name, getattr(meeting, f"{role}_position"))
    contact = getattr(meeting, f"{role}_contact_id")
    if contact is not None:
        found = next((a for a in meeting.attendees if a.contact_id == contact), None)
        row.entity = (found.entity if found else "") or row.entity
    return row


def _person(meeting: Meeting, name: str | None, position: str | None) -> PersonRow:
    """Name and position as typed; entity and missing position from the attendance list."""
    name = name or ""
    same = next((a for a in meeting.attendees if name and a.name == name), None)
    return PersonRow(
        name,
        (same.entity if same else "") or "",
        position or (same.position if same else "") or "",
    )


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
        rows.append(
            FollowupRow(
                f.title,
                _responsible(f.partner_name, f.contact_name),
                status,
                "\n".join(filter(None, report)),
                commitment_id=f.commitment_id,
                due_date=format_date(f.due_date),
            )
        )
    return rows


def _responsible(partner: str, contact: str | None) -> str:
    """The partner's full name (an acta is read by people who do not know the acronyms)."""
    return f"{partner} — {contact}" if contact else partner


def list_agreed(session: Session, meeting_id: int, lang: str = "es") -> list[AgreedRow]:
    """The commitments agreed at a meeting, in the order they were agreed.

    Plain column queries, not ORM objects: an acta may carry hundreds of commitments.
    """
    component = Component.name_en if lang == "en" else Component.name_es
    query = (
        select(
            Commitment.id,
            Commitment.title,
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
            responsible=_responsible(partner, contact),
            cluster=everywhere if all_clusters else ", ".join(clusters.get(cid, [])),
            component=component_name,
            due_date=format_date(due),
            id=cid,
        )
        for cid, title, partner, contact, component_name, due, all_clusters in rows
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
    session: Session, meeting_id: int, lang: str = "es", blank_rows: int | None = None
) -> AttendanceDoc:
    """Everyone expected (all attendees registered, whatever their presence), plus blanks."""
    meeting = load(session, meeting_id)
    protection = sheet_data_protection(session, list(meeting.attendees), meeting.date)
    return AttendanceDoc(
        header=meeting_header(meeting, lang),
        file_name=attendance_file_name(meeting.number, meeting.year, meeting.series),
        expected=[PersonRow(a.name, a.entity or "", a.position or "") for a in meeting.attendees],
        blank_rows=blank_rows,
        notice=_sheet_notice(protection, session, lang),
        data_protection=protection,
    )


def _sheet_notice(protection: SheetDataProtection, session: Session, lang: str) -> str:
    if not protection.notice:
        return habeas_data_notice(session, lang)
    if not protection.policy_version:
        return protection.notice
    version = translate(N_("Política de tratamiento de datos, versión {v}."), lang)
    return f"{protection.notice} {version.format(v=protection.policy_version)}"
