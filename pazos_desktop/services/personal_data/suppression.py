"""Suppress one person (supresión, art. 8 e) and 15, Ley 1581): their name, e-mail, phone and
position are replaced everywhere they appear by a neutral label, counts and links kept.

Everywhere: the contact, meeting attendees, chair and secretary, the commitments they are
responsible for (the link stays, the contact now carries the label), free texts that mention
them, rights requests, and the history's old/new values. Rows are changed with plain UPDATEs
so the history listener does not copy the old values into new history rows; each changed
record's `version` is bumped, so an editor left open cannot save the old name back. Approved
minutes are changed too (see docs/manual/11-datos-personales.md: the signed acta is kept in the
entity's archive).

Afterwards `purge_freed_pages` rewrites the SQLite file (checkpoint, VACUUM, truncated WAL) so
no old page keeps the text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.db.models.personal_data import (
    ContactAuthorisation,
    DataSuppression,
    RightsRequest,
)
from pazos_desktop.db.models.register import Base, Commitment, Contact, HistoryEntry
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import N_, _, ngettext
from pazos_desktop.services.commitments.editing import search_key
from pazos_desktop.services.common import get_or_fail
from pazos_desktop.services.personal_data.scrub import Person, clean

log = logging.getLogger(__name__)

LABEL = "Persona suprimida n.º {id}"  # stored text: the database's language, Spanish
REASON = "Supresión de datos personales (Ley 1581 de 2012)"


@dataclass(frozen=True)
class TextTarget:
    """Columns of typed text that may mention people; `exact` columns hold one value (an
    e-mail, a phone): a whole match empties them instead of writing the label."""

    table: str
    columns: tuple[str, ...]
    exact: tuple[str, ...] = ()
    json: bool = False  # the column holds a JSON document: its strings are scrubbed
    place: str = N_("Otros textos")


# ONE line per table that holds text about people (contacts are not free text: another
# contact with the same name may be another person, so only this contact's row changes). A
# table added later joins the suppression here.
TEXT_TARGETS: tuple[TextTarget, ...] = (
    TextTarget("partner", ("notes", "address", "email", "phone"), ("email", "phone"), place=N_("Entidades")),
    TextTarget("commitment", ("title", "description", "notes"), place=N_("Compromisos")),
    TextTarget("progress_update", ("comment", "source_ref"), place=N_("Avances")),
    TextTarget("program", ("description",), place=N_("Programas")),
    TextTarget(
        "meeting",
        ("objective", "place", "next_place", "chair_name", "secretary_name", "prepared_by", "reviewed_by"),
        place=N_("Reuniones"),
    ),
    # Names of attendees are matched in _structured (a homonym linked to another contact stays).
    TextTarget("meeting_attendee", ("email", "phone"), ("email", "phone"), place=N_("Asistentes a reuniones")),
    TextTarget("meeting_agenda_item", ("title", "development"), place=N_("Reuniones")),
    TextTarget("meeting_decision", ("text",), place=N_("Reuniones")),
    TextTarget("meeting_followup", ("comment",), place=N_("Reuniones")),
    TextTarget("contact_authorisation", ("evidence_ref", "notes"), place=N_("Autorizaciones")),
    TextTarget(
        "rights_request",
        ("requester_name", "requester_contact", "description", "extension_reason", "answer"),
        place=N_("Solicitudes de derechos"),
    ),
    TextTarget("history_entry", ("old_value", "new_value", "reason"), place=N_("Historial de cambios")),
    TextTarget("app_setting", ("value",), place=N_("Configuración")),
    # An approved acta's stored content; its stored PDF is drawn again from it (apply_plan).
    TextTarget("meeting_snapshot", ("content",), json=True, place=N_("Actas aprobadas")),
    # The reporting cycle: evidence described, reports' remarks, a closed period's kept report
    # (its lists name the contacts who answer for commitments). The files' own bytes are not
    # text: a person's data export lists the marked evidence to review by hand.
    TextTarget("evidence", ("name", "description"), place=N_("Evidencia")),
    TextTarget("partner_report", ("sent_to", "remark"), place=N_("Reportes de los aliados")),
    TextTarget("partner_report_remark", ("remark",), place=N_("Reportes de los aliados")),
    TextTarget("period_closure", ("reason", "reopen_reason"), place=N_("Periodos cerrados")),
    TextTarget("period_closure", ("frozen_report",), json=True, place=N_("Periodos cerrados")),
)  # fmt: skip

PERSON_FIELDS = ("name", "position", "email", "phone")
MEETING_ROLES = (("chair_contact_id", "chair_name", "chair_position"), ("secretary_contact_id", "secretary_name", "secretary_position"))  # fmt: skip
POSITION_FIELDS = {"position", "chair_position", "secretary_position"}


@dataclass
class Change:
    table: str
    key: dict  # primary key column -> value
    values: dict
    place: str


@dataclass
class SuppressionPlan:
    contact_id: int
    name: str
    partner_name: str
    label: str
    already: bool
    changes: list[Change] = field(default_factory=list)
    responsible_for: int = 0  # commitments whose responsible becomes the label (link kept)
    approved_minutes: int = 0  # approved actas whose text changes

    def places(self) -> dict[str, int]:
        """Translated place -> number of records changed there."""
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[_(change.place)] = counts.get(_(change.place), 0) + 1
        return counts


# --- who the person is ------------------------------------------------------------------------


def _person(session: Session, contact: Contact, label: str) -> tuple[Person, set[int], set[int]]:
    """Every name, e-mail, phone and position this contact was ever recorded with, and the
    attendee rows and meetings that belonged to them (also rows since deleted)."""
    cid = str(contact.id)
    attendees = set(
        session.scalars(select(MeetingAttendee.id).where(MeetingAttendee.contact_id == contact.id))
    )
    attendees |= _history_ids(session, "meeting_attendee", "contact_id", cid)
    meetings = set()
    for id_col, _name, _pos in MEETING_ROLES:
        meetings |= set(
            session.scalars(select(Meeting.id).where(getattr(Meeting, id_col) == contact.id))
        )
        meetings |= _history_ids(session, "meeting", id_col, cid)
    values = {f: {getattr(contact, f)} for f in PERSON_FIELDS}
    for row in session.execute(
        select(HistoryEntry.field, HistoryEntry.old_value, HistoryEntry.new_value).where(
            HistoryEntry.entity == "contact",
            HistoryEntry.entity_id == contact.id,
            HistoryEntry.field.in_(PERSON_FIELDS),
        )
    ):
        values[row.field] |= {row.old_value, row.new_value}
    for a in session.scalars(select(MeetingAttendee).where(MeetingAttendee.id.in_(attendees))):
        for f in PERSON_FIELDS:
            values[f].add(getattr(a, f))
    person = Person(
        names=clean(values["name"]),
        emails=clean(values["email"]),
        phones=clean(values["phone"]),
        positions=clean(values["position"]),
        label=label,
    )
    return person, attendees, meetings


def _history_ids(session: Session, entity: str, field_name: str, value: str) -> set[int]:
    query = select(HistoryEntry.entity_id).where(
        HistoryEntry.entity == entity,
        HistoryEntry.field == field_name,
        or_(HistoryEntry.old_value == value, HistoryEntry.new_value == value),
    )
    return set(session.scalars(query))


# --- the plan: every change, computed without writing -----------------------------------------


def plan_suppression(session: Session, contact_id: int) -> SuppressionPlan:
    contact = get_or_fail(session, Contact, contact_id, _("El contacto"))
    label = LABEL.format(id=contact.id)
    already = session.scalar(
        select(DataSuppression.id).where(DataSuppression.contact_id == contact_id)
    )
    plan = SuppressionPlan(
        contact.id, contact.name, contact.partner.name, label, already is not None
    )
    person, attendees, meetings = _person(session, contact, label)
    changes: dict[tuple, Change] = {}
    _structured(session, contact, person, attendees, changes)
    _history_of_the_person(session, contact, person, attendees, meetings, changes)
    for target in TEXT_TARGETS:
        _scrub_target(session, target, person, changes)
    plan.changes = list(changes.values())
    plan.responsible_for = session.scalar(
        select(_count()).where(Commitment.contact_id == contact_id)
    )
    touched = {c.key["id"] for c in plan.changes if c.table == "meeting"} | _meetings_of_children(
        session, plan.changes
    )
    if touched:
        plan.approved_minutes = session.scalar(
            select(_count()).where(Meeting.id.in_(touched), Meeting.status == "approved")
        )
    return plan


def _count():
    from sqlalchemy import func

    return func.count()


def _meetings_of_children(session: Session, changes: list[Change]) -> set[int]:
    found: set[int] = set()
    for name in ("meeting_attendee", "meeting_agenda_item", "meeting_decision", "meeting_followup"):
        ids = [c.key["id"] for c in changes if c.table == name]
        if ids:
            table = _table(name)
            found |= set(session.scalars(select(table.c.meeting_id).where(table.c.id.in_(ids))))
    return found


def _table(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def _merge(changes: dict, table: str, key: dict, values: dict, place: str) -> None:
    ident = (table, tuple(sorted(key.items())))
    if ident in changes:
        changes[ident].values.update(values)
    else:
        changes[ident] = Change(table, key, dict(values), place)


def _structured(session, contact: Contact, person: Person, attendees: set[int], changes) -> None:
    """The person's own fields: replaced whatever they hold (a position is not free text)."""
    blank = {"position": None, "email": None, "phone": None}
    _merge(
        changes,
        "contact",
        {"id": contact.id},
        {"name": person.label, **blank, "archived": True},
        N_("Contactos"),
    )
    rows = session.execute(
        select(MeetingAttendee.id, MeetingAttendee.name, MeetingAttendee.contact_id)
    ).all()
    for row in rows:
        if row.id in attendees or (row.contact_id is None and person.matches(row.name)):
            _merge(
                changes,
                "meeting_attendee",
                {"id": row.id},
                {"name": person.label, **blank},
                N_("Asistentes a reuniones"),
            )
    for id_col, name_col, pos_col in MEETING_ROLES:
        query = select(Meeting.id, getattr(Meeting, id_col), getattr(Meeting, name_col))
        for mid, linked, name in session.execute(query):
            if linked == contact.id or (linked is None and person.matches(name)):
                _merge(
                    changes,
                    "meeting",
                    {"id": mid},
                    {name_col: person.label, pos_col: None},
                    N_("Reuniones"),
                )
    for rid in session.scalars(
        select(RightsRequest.id).where(RightsRequest.contact_id == contact.id)
    ):
        _merge(
            changes,
            "rights_request",
            {"id": rid},
            {"requester_name": person.label, "requester_contact": None},
            N_("Solicitudes de derechos"),
        )
    open_auth = select(ContactAuthorisation.id).where(
        ContactAuthorisation.contact_id == contact.id, ContactAuthorisation.revoked_on.is_(None)
    )
    today = run_of(session).today
    for aid in session.scalars(open_auth):  # suppression ends the processing: authorisation revoked
        _merge(changes, "contact_authorisation", {"id": aid}, {"revoked_on": today}, N_("Autorizaciones"))  # fmt: skip


def _history_of_the_person(session, contact, person, attendees, meetings, changes) -> None:
    """Old/new values of the person's fields in the history of their own records."""
    linked = [("contact", {contact.id}), ("meeting_attendee", attendees), ("meeting", meetings)]
    fields = set(PERSON_FIELDS) | POSITION_FIELDS | {"chair_name", "secretary_name"}
    for entity, ids in linked:
        if not ids:
            continue
        query = select(
            HistoryEntry.id, HistoryEntry.field, HistoryEntry.old_value, HistoryEntry.new_value
        ).where(
            HistoryEntry.entity == entity,
            HistoryEntry.entity_id.in_(ids),
            HistoryEntry.field.in_(fields),
        )
        for hid, field_name, old, new in session.execute(query):
            own = entity == "contact" or field_name in PERSON_FIELDS
            values = {}
            for column, value in (("old_value", old), ("new_value", new)):
                if value is None:
                    continue
                if own or value in person.positions or person.matches(value):
                    values[column] = person.label
            if values:
                _merge(changes, "history_entry", {"id": hid}, values, N_("Historial de cambios"))


def _scrub_target(session, target: TextTarget, person: Person, changes) -> None:
    table = _table(target.table)
    if table is None:
        return  # not in this schema (yet)
    columns = [table.c[c] for c in target.columns if c in table.c]
    keys = list(table.primary_key.columns)
    query = select(*keys, *columns)
    needles = person.needles()
    if not target.json and needles:
        query = query.where(
            or_(*[col.icontains(n, autoescape=True) for col in columns for n in needles])
        )
    for row in session.execute(query):
        mapping = row._mapping
        key = {k.name: mapping[k.name] for k in keys}
        pending = changes.get((target.table, tuple(sorted(key.items()))))
        values = {}
        for col in columns:
            current = (
                pending.values.get(col.name, mapping[col.name]) if pending else mapping[col.name]
            )
            new = _scrubbed(person, target, col.name, current)
            if new != current:
                values[col.name] = new
        if values:
            _merge(changes, target.table, key, values, target.place)


def _scrubbed(person: Person, target: TextTarget, column: str, value):
    if not isinstance(value, str):
        return value
    if target.json:
        return person.scrub_json(value)
    new = person.scrub(value)
    if column in target.exact and new != value and new.strip() == person.label:
        return None
    return new


# --- applying ---------------------------------------------------------------------------------

Redraw = Callable[[Session, list[int]], None]


@dataclass
class SuppressionResult:
    contact_id: int
    label: str
    records: int
    places: dict[str, int]


def apply_suppression(
    session: Session, contact_id: int, request_id: int | None, redraw: Redraw
) -> SuppressionResult:
    """Apply the plan in the session's transaction (the caller backs up and commits first);
    `redraw` draws approved actas' stored PDFs again (`documents.suppression` passes it)."""
    plan = plan_suppression(session, contact_id)
    if plan.already:
        raise PazosError(_("Los datos de este contacto ya fueron suprimidos."))
    apply_plan(session, plan, redraw)
    run = run_of(session)
    session.execute(
        insert(DataSuppression.__table__).values(
            contact_id=contact_id, suppressed_at=run.utc, actor=run.who, request_id=request_id
        )
    )
    session.execute(
        insert(HistoryEntry.__table__).values(
            at=run.utc, actor=run.who, entity="contact", entity_id=contact_id,
            action="suppress", reason=REASON,
        )
    )  # fmt: skip
    log.info("personal data of contact %s suppressed (%d records)", contact_id, len(plan.changes))
    return SuppressionResult(contact_id, plan.label, len(plan.changes), plan.places())


def apply_plan(session: Session, plan: SuppressionPlan, redraw: Redraw) -> None:
    session.flush()
    for change in plan.changes:
        table = _table(change.table)
        values = dict(change.values)
        if "version" in table.c:
            values["version"] = table.c.version + 1
        where = [table.c[k] == v for k, v in change.key.items()]
        session.execute(update(table).where(*where).values(**values))
    for change in plan.changes:  # the folded search copy of a commitment's texts
        if change.table == "commitment":
            c = Commitment.__table__.c
            title, description, notes = session.execute(
                select(c.title, c.description, c.notes).where(c.id == change.key["id"])
            ).one()
            session.execute(
                update(Commitment.__table__)
                .where(c.id == change.key["id"])
                .values(search_key=search_key(title, description, notes))
            )
    session.expire_all()  # ORM objects loaded before must not hide the rows written here
    snapshots = [c.key["id"] for c in plan.changes if c.table == "meeting_snapshot"]
    if snapshots:
        redraw(session, snapshots)  # the stored PDF from the scrubbed content
        session.expire_all()


def suppressed_ids(session: Session) -> set[int]:
    return set(session.scalars(select(DataSuppression.contact_id)))


def describe_plan(plan, backups: int) -> list[str]:
    """What a suppression will do, line by line (the window shows the same lines)."""
    lines = [
        _(
            "Se reemplazarán el nombre, el correo electrónico, el teléfono y el cargo de «{name}» "
            "({partner}) por «{label}» en todos los lugares donde aparecen, conservando los "
            "conteos y los vínculos:"
        ).format(name=plan.name, partner=plan.partner_name, label=plan.label)
    ]
    lines += [f"  {place}: {n}" for place, n in sorted(plan.places().items())]
    if plan.responsible_for:
        lines.append(
            ngettext(
                "{n} compromiso a su cargo conserva su vínculo (el responsable será «{label}»).",
                "{n} compromisos a su cargo conservan su vínculo (el responsable será «{label}»).",
                plan.responsible_for,
            ).format(n=plan.responsible_for, label=plan.label)
        )
    if plan.approved_minutes:
        lines.append(
            ngettext(
                "{n} acta aprobada cambia también; el acta firmada se conserva en el archivo de la entidad.",
                "{n} actas aprobadas cambian también; las actas firmadas se conservan en el archivo de la entidad.",
                plan.approved_minutes,
            ).format(n=plan.approved_minutes)
        )  # fmt: skip
    if backups:
        lines.append(
            ngettext(
                "{n} copia de seguridad anterior conserva los datos hasta que la rotación la "
                "elimine; si se restaura, la supresión se vuelve a aplicar.",
                "{n} copias de seguridad anteriores conservan los datos hasta que la rotación las "
                "elimine; si se restaura una, la supresión se vuelve a aplicar.",
                backups,
            ).format(n=backups)
        )
    lines.append(_("Antes se hará una copia de seguridad. La supresión no se puede deshacer."))
    return lines
