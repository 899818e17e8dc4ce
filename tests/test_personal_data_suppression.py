"""Suppressing one person: replaced everywhere by a label, counts and links kept, and nothing
of them left in the SQLite file, its WAL, or a backup restored afterwards."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.db.models.register import Commitment, Contact
from pazos_desktop.documents import actas
from pazos_desktop.documents.suppression import suppress_contact
from pazos_desktop.domain.text import fold
from pazos_desktop.safety import backup
from pazos_desktop.safety.restore import restore
from pazos_desktop.services import partners
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.personal_data import authorisations as auth
from pazos_desktop.services.personal_data import policies, requests
from pazos_desktop.services.personal_data.purge import purge_freed_pages
from pazos_desktop.services.personal_data.suppression import plan_suppression
from tests.meetings_fixtures import *  # noqa: F403  (sample_db, sample_template)
from tests.meetings_fixtures import TODAY

NAME, EMAIL, PHONE = (
    "Ximena Bustamante Arboleda",
    "ximena.bustamante@correo.example",
    "316 482 9051",
)
POSITION = "Coordinadora psicosocial de la mesa"


def _unique_contact(session) -> Contact:
    """A contact of the sample with attendances and commitments, whose name and e-mail no
    other contact shares (a homonym would rightly keep their own name)."""
    names = dict(session.execute(select(Contact.name, func.count()).group_by(Contact.name)).all())
    attended = dict(
        session.execute(
            select(MeetingAttendee.contact_id, func.count()).group_by(MeetingAttendee.contact_id)
        ).all()
    )
    owns = dict(
        session.execute(
            select(Commitment.contact_id, func.count()).group_by(Commitment.contact_id)
        ).all()
    )
    ranked = sorted(
        (c for c in session.scalars(select(Contact)) if names[c.name] == 1),
        key=lambda c: (attended.get(c.id, 0) > 0, owns.get(c.id, 0), attended.get(c.id, 0)),
    )
    return ranked[-1]


def _mention_everywhere(session, contact: Contact) -> dict:
    """Rename the contact (the old values go to the history), then mention them in texts."""
    old = {"name": contact.name, "email": contact.email}
    data = partners.get_contact(session, contact.id)
    data.name, data.email, data.phone, data.position = NAME, EMAIL, PHONE, POSITION
    partners.save_contact(session, data)
    owned = session.scalars(select(Commitment.id).where(Commitment.contact_id == contact.id)).all()
    c = commitments.get_commitment(session, owned[0])
    c.notes = f"Confirmado por {NAME} ({EMAIL}, tel. 3164829051)."
    commitments.save_commitment(session, c)
    policy = policies.current_policy(session)  # the sample's
    auth.save_authorisation(
        session,
        auth.AuthorisationData(
            contact_id=contact.id,
            granted_on=TODAY - dt.timedelta(days=10),
            means="email",
            purpose_ids=[p.id for p in policies.list_purposes(session)],
            policy_id=policy.id,
            evidence_ref=f"Correo de {EMAIL}",
        ),
    )
    requests.save_request(
        session,
        requests.RequestData(
            type="suppression",
            received_on=TODAY,
            requester_name=NAME,
            requester_contact=EMAIL,
            description=f"{NAME} pide suprimir sus datos.",
            contact_id=contact.id,
        ),
    )
    meeting = meetings.create_meeting(
        session,
        meetings.MeetingData(
            type="technical_committee",
            date=TODAY - dt.timedelta(days=3),
            objective=f"Presentación de {NAME.upper()}",
            chair_contact_id=contact.id,
            prepared_by=NAME,
            attendees=[meetings.AttendeeData(name=NAME, contact_id=contact.id)],
            agenda=[meetings.AgendaItemData("Informe", f"Intervino {NAME}; correo {EMAIL}.")],
            decisions=[meetings.DecisionData(f"{NAME} enviará el informe.")],
        ),
    )
    actas.approve_meeting(session, meeting.id)
    return old | {"meeting_id": meeting.id}


def _raw_bytes(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(str(path) + suffix)
        if part.exists():
            found += part.read_bytes()
    return found.lower()


def _needles(old: dict) -> list[str]:
    return [NAME, fold(NAME), EMAIL, "3164829051", "316 482 9051", old["name"], old["email"]]


@pytest.mark.sqlite_only
def test_a_suppressed_person_is_nowhere_in_the_database_file(sample_db):
    with sample_db.session() as s:
        contact = _unique_contact(s)
        cid = contact.id
        old = _mention_everywhere(s, contact)
        before = {
            "attendees": s.scalar(select(func.count()).select_from(MeetingAttendee)),
            "owned": s.scalar(select(func.count()).where(Commitment.contact_id == cid)),
            "meetings": s.scalar(select(func.count()).select_from(Meeting)),
        }
    raw = _raw_bytes(sample_db.path)
    assert all(n.lower().encode() in raw for n in _needles(old)), "the test data is not there"

    with sample_db.session() as s:
        plan = plan_suppression(s, cid)
        places = plan.places()
        assert places["Contactos"] == 1 and places["Historial de cambios"] > 3
        assert places["Asistentes a reuniones"] >= 1 and plan.approved_minutes >= 1
        assert plan.responsible_for == before["owned"]
    with sample_db.session() as s:
        result = suppress_contact(s, cid)
    purge_freed_pages(sample_db.engine)

    raw = _raw_bytes(sample_db.path)
    left = [n for n in _needles(old) if n.lower().encode() in raw]
    assert left == [], f"still in the file: {left}"
    assert not Path(str(sample_db.path) + "-wal").exists() or (
        Path(str(sample_db.path) + "-wal").stat().st_size == 0
    )
    with sample_db.session() as s:
        assert s.scalar(select(func.count()).select_from(MeetingAttendee)) == before["attendees"]
        assert s.scalar(select(func.count()).where(Commitment.contact_id == cid)) == before["owned"]
        assert s.scalar(select(func.count()).select_from(Meeting)) == before["meetings"]
        meeting = meetings.get_meeting(s, old["meeting_id"])
        assert meeting.status == "approved" and meeting.chair_name == result.label
        assert [a.name for a in meeting.attendees] == [result.label]
        assert partners.get_contact(s, cid).name == result.label
        assert partners.get_contact(s, cid).archived
        assert auth.authorisations_of(s, cid)[0].revoked_on == TODAY
    con = sqlite3.connect(sample_db.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_an_approved_acta_is_drawn_again_without_the_person(sample_db, tmp_path):
    """The frozen acta follows the suppression: its stored content and PDF name the label,
    its new fingerprint is on the meeting, and a later export gives those bytes."""
    from pypdf import PdfReader

    from pazos_desktop.documents.meeting_pdfs import export_minutes
    from pazos_desktop.services.meetings.snapshots import current_snapshot

    with sample_db.session() as s:
        contact = _unique_contact(s)
        cid = contact.id
        old = _mention_everywhere(s, contact)
        approved = meetings.get_meeting(s, old["meeting_id"])
        before = current_snapshot(s, approved.id).pdf_sha256
    with sample_db.session() as s:
        label = suppress_contact(s, cid).label
    with sample_db.session() as s:
        snapshot = current_snapshot(s, approved.id)
        assert snapshot.pdf_sha256 != before
        assert s.get(Meeting, approved.id).approved_pdf_sha256 == snapshot.pdf_sha256
        assert NAME not in snapshot.content and label in snapshot.content
        path = export_minutes(
            s, approved.year, approved.number, tmp_path / "acta.pdf", series=approved.series
        )
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert NAME not in text and EMAIL not in text and label in text
    assert path.read_bytes() == snapshot.pdf  # the stored, re-fingerprinted document


@pytest.mark.sqlite_only
def test_restoring_an_older_backup_suppresses_the_person_again(sample_db):
    with sample_db.session() as s:
        contact = _unique_contact(s)
        cid = contact.id
        old = _mention_everywhere(s, contact)
    older = backup.before(sample_db, "manual")
    assert NAME.lower().encode() in older.read_bytes().lower()  # a backup keeps what it had
    with sample_db.session() as s:
        suppress_contact(s, cid)
    purge_freed_pages(sample_db.engine)
    sample_db.dispose()

    restore(sample_db.path, older)

    raw = _raw_bytes(sample_db.path)
    assert [n for n in _needles(old) if n.lower().encode() in raw] == []
    with sample_db.session() as s:
        assert partners.get_contact(s, cid).name.startswith("Persona suprimida")


def test_suppressing_twice_is_refused(sample_db):
    from pazos_desktop.errors import PazosError

    with sample_db.session() as s:
        cid = _unique_contact(s).id
        suppress_contact(s, cid)
    with sample_db.session() as s, pytest.raises(PazosError, match="ya fueron suprimidos"):
        suppress_contact(s, cid)
