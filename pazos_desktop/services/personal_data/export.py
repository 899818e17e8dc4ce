"""One person's data (derecho a conocer, art. 8 a), Ley 1581): the contact, authorisations,
attendances, roles, responsibilities, requests and the history entries that name them.

`gather_person` returns plain text rows in the export's language (the PDF for the person) and
`as_json` the same record with stored values (the entity's file). `documents.person_export` writes either
through `files.atomic_write`, by the target's suffix.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.db.models.register import Commitment, Contact, HistoryEntry, Partner
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.meetings import acta_name, meeting_type_label, presence_label
from pazos_desktop.domain.vocabulary import STATUS_LABELS
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.services.common import get_or_fail
from pazos_desktop.services.personal_data import authorisations as auth
from pazos_desktop.services.personal_data import requests as req
from pazos_desktop.services.personal_data.summary import summarise
from pazos_desktop.services.personal_data.suppression import MEETING_ROLES, _person
from pazos_desktop.services.reporting.evidence import marked_for_person

HISTORY_LIMIT = 2000  # a person named in more entries gets the newest ones and a note


@dataclass
class PersonRecord:
    contact: dict
    authorisations: list[dict] = field(default_factory=list)
    attendances: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    responsibilities: list[dict] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    # Evidence files marked as holding personal data that may hold this person's.
    evidence: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)  # as stored (the entity's JSON file)
    history_cut: bool = False
    records: list[dict] = field(default_factory=list)  # the history per record, for the person
    generated_at: str = ""
    generated: str = ""  # generated_at as people read it: "07/12/2026 06:16"
    lang: str = "es"


def gather_person(session: Session, contact_id: int, lang: str = "es") -> PersonRecord:
    contact = get_or_fail(session, Contact, contact_id, _("El contacto"))
    person, attendees, meetings = _person(session, contact, "")
    record = PersonRecord(contact=_contact(contact), lang=lang)
    now = run_of(session).local_now
    record.generated_at = now.isoformat(timespec="seconds")
    record.generated = now.strftime("%d/%m/%Y %H:%M")
    record.authorisations = [
        _authorisation(a, lang) for a in auth.authorisations_of(session, contact_id)
    ]
    record.attendances = _attendances(session, contact_id, lang)
    record.roles = _roles(session, contact_id, lang)
    record.responsibilities = _responsibilities(session, contact_id, lang)
    record.requests = [_request(r, lang) for r in req.list_requests(session, contact_id=contact_id)]
    names = sorted(n for n in person.names if n)  # every name they were recorded with
    record.evidence = [_evidence(e) for e in marked_for_person(session, contact_id, names)]
    entries, record.history_cut = _history(session, contact_id, person, attendees, meetings)
    record.history = [_stored(e) for e in entries]
    record.records = summarise(session, entries, lang)
    return record


def _evidence(e) -> dict:
    return {
        "id": e.id,
        "name": e.name,
        "date": e.date.isoformat(),
        "commitment": e.commitment_title,
        "partner": e.partner_name,
        "description": e.description,
        "sha256": e.sha256,
    }


def _contact(c: Contact) -> dict:
    return {
        "id": c.id,
        "name": c.name,
        "position": c.position,
        "email": c.email,
        "phone": c.phone,
        "partner": c.partner.name,
        "archived": c.archived,
        "created_at": c.created_at.isoformat(timespec="seconds") if c.created_at else None,
    }


def _authorisation(a: auth.AuthorisationData, lang: str) -> dict:
    return {
        "granted_on": a.granted_on.isoformat() if a.granted_on else None,
        "means": a.means,
        "means_label": translate(auth.MEANS_LABELS.get(a.means, a.means), lang),
        "policy_version": a.policy_label,
        "purposes": a.purpose_names,
        "evidence": a.evidence_ref,
        "revoked_on": a.revoked_on.isoformat() if a.revoked_on else None,
    }


def _attendances(session, contact_id: int, lang: str) -> list[dict]:
    query = (
        select(Meeting, MeetingAttendee)
        .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
        .where(MeetingAttendee.contact_id == contact_id)
        .order_by(Meeting.date, Meeting.id)
    )
    return [
        {
            "acta": acta_name(m.number, m.year, m.series, lang),
            "date": m.date.isoformat(),
            "type": meeting_type_label(m.type, lang),
            "presence": presence_label(a.presence, lang),
            "recorded_as": " — ".join(v for v in (a.name, a.position, a.entity) if v),
        }
        for m, a in session.execute(query)
    ]


def _roles(session, contact_id: int, lang: str) -> list[dict]:
    out = []
    names = {"chair_contact_id": N_("Preside"), "secretary_contact_id": N_("Secretaría")}
    for id_col, _name, _pos in MEETING_ROLES:
        query = select(Meeting).where(getattr(Meeting, id_col) == contact_id).order_by(Meeting.date)
        for m in session.scalars(query):
            out.append(
                {
                    "acta": acta_name(m.number, m.year, m.series, lang),
                    "date": m.date.isoformat(),
                    "role": translate(names[id_col], lang),
                }
            )
    return sorted(out, key=lambda r: r["date"])


def _responsibilities(session, contact_id: int, lang: str) -> list[dict]:
    query = (
        select(
            Commitment.id, Commitment.title, Partner.name, Commitment.status, Commitment.due_date
        )
        .join(Partner, Partner.id == Commitment.partner_id)
        .where(Commitment.contact_id == contact_id)
        .order_by(Commitment.due_date, Commitment.id)
    )
    return [
        {
            "id": cid,
            "title": title,
            "partner": partner,
            "status": translate(STATUS_LABELS.get(status, status), lang),
            "due_date": due.isoformat() if due else None,
        }
        for cid, title, partner, status, due in session.execute(query)
    ]


def _request(r: req.RequestRow, lang: str) -> dict:
    return {
        "id": r.id,
        "type": translate(req.TYPE_LABELS.get(r.type, r.type), lang),
        "received_on": r.received_on.isoformat(),
        "due_on": r.due_on.isoformat(),
        "status": translate(req.STATUS_LABELS.get(r.status, r.status), lang),
        "answered_on": r.answered_on.isoformat() if r.answered_on else None,
    }


def _history(session, contact_id, person, attendees, meetings) -> tuple[list[HistoryEntry], bool]:
    """Entries of the person's own records, and entries whose values mention them."""
    h = HistoryEntry
    linked = [(h.entity == "contact") & (h.entity_id == contact_id)]
    if attendees:
        linked.append((h.entity == "meeting_attendee") & h.entity_id.in_(attendees))
    needles = person.needles()
    mentions = [
        col.icontains(n, autoescape=True) for col in (h.old_value, h.new_value) for n in needles
    ]
    query = select(h).where(or_(*linked, *mentions)).order_by(h.at.desc(), h.id.desc())
    rows = []
    for e in session.scalars(query.limit(HISTORY_LIMIT * 4)):
        mine = (e.entity == "contact" and e.entity_id == contact_id) or (
            e.entity == "meeting_attendee" and e.entity_id in attendees
        )
        if mine or person.matches(e.old_value) or person.matches(e.new_value):
            rows.append(e)
    del meetings  # their history is found by the mentions (names, e-mails, phones)
    return rows[:HISTORY_LIMIT], len(rows) > HISTORY_LIMIT


def _stored(e: HistoryEntry) -> dict:
    return {
        "at": e.at.isoformat(timespec="seconds"),
        "actor": e.actor,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "action": e.action,
        "field": e.field,
        "old": e.old_value,
        "new": e.new_value,
        "reason": e.reason,
    }


def as_json(record: PersonRecord) -> str:
    body = {"law": "Ley 1581 de 2012", "format": "pazos-personal-data/1"} | asdict(record)
    return json.dumps(body, ensure_ascii=False, indent=2)


def format_iso(value: str | None) -> str:
    return format_date(dt.date.fromisoformat(value)) if value else ""
