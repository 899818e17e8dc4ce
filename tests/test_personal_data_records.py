"""Authorisations, policy versions, rights requests, the person's export and the attendance
sheet's marks, through the services and the command line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pazos_desktop.cli import main
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents.meeting_pdfs import export_attendance
from pazos_desktop.documents.person_export import export_person
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.personal_data import authorisations as auth
from pazos_desktop.services.personal_data import policies, requests
from tests import factories
from tests.meetings_fixtures import *  # noqa: F403  (sample_db, sample_template)
from tests.meetings_fixtures import TODAY

DAY = dt.timedelta(days=1)


@pytest.fixture
def people(session) -> dict:
    p = factories.partner(session)
    ana = factories.contact(session, p.id, "Ana Gómez", email="ana@sidoc.example")
    luis = factories.contact(session, p.id, "Luis Muñoz")
    policy = policies.save_policy(
        session, policies.PolicyData("1.0", "Política", TODAY - 100 * DAY, "Aviso corto de prueba.")
    )
    purposes = [x.id for x in policies.list_purposes(session)]
    return {"partner": p, "ana": ana, "luis": luis, "policy": policy, "purposes": purposes}


def _authorise(session, people, contact, **kw) -> auth.AuthorisationData:
    values = dict(
        contact_id=contact.id,
        granted_on=TODAY - 5 * DAY,
        means="written_form",
        purpose_ids=people["purposes"][:2],
        policy_id=people["policy"].id,
    )
    return auth.save_authorisation(session, auth.AuthorisationData(**(values | kw)))


def test_the_migration_seeds_a_purposes_list_the_entity_can_change(session):
    names = [p.name for p in policies.list_purposes(session)]
    assert (
        len(names) == 4 and "Registrar la asistencia y elaborar las actas de las reuniones" in names
    )
    retired = policies.list_purposes(session)[0]
    retired.active = False
    policies.save_purpose(session, retired)
    assert len(policies.list_purposes(session, active_only=True)) == 3
    with pytest.raises(ValidationError, match="ya existe"):
        policies.save_purpose(session, policies.PurposeData(name=names[1].upper()))


def test_the_current_policy_is_the_latest_in_force(session, people):
    later = policies.save_policy(
        session, policies.PolicyData("2.0", "Política", TODAY + 10 * DAY, "Aviso 2.")
    )
    assert policies.current_policy(session).version_label == "1.0"
    assert policies.current_policy(session, TODAY + 10 * DAY).id == later.id
    with pytest.raises(ValidationError, match="ya existe la versión"):
        policies.save_policy(session, policies.PolicyData("2.0", "X", TODAY, "Y"))


def test_authorisation_rules(session, people):
    ana = people["ana"]
    cases = [
        ({"granted_on": TODAY + DAY}, "granted_on", "posterior a hoy"),
        ({"revoked_on": TODAY - 6 * DAY}, "revoked_on", "anterior a la autorización"),
        ({"purpose_ids": []}, "purpose_ids", "al menos una"),
        ({"granted_on": TODAY - 200 * DAY}, "policy_id", "rige desde"),
        ({"means": "telepatía"}, "means", "elija uno"),
        ({"granted_on": "31/02/2026"}, "granted_on", "dd/mm/aaaa"),
    ]
    for change, field, words in cases:
        with pytest.raises(ValidationError) as info:
            _authorise(session, people, ana, **change)
        assert words in info.value.fields[field], change


def test_states_follow_the_latest_authorisation(session, people):
    ana, luis = people["ana"], people["luis"]
    states = auth.states_for(session, [ana.id, luis.id])
    assert states[ana.id].state == states[luis.id].state == "none"
    first = _authorise(session, people, ana, granted_on=TODAY - 20 * DAY)
    assert auth.states_for(session, [ana.id])[ana.id].valid
    auth.revoke(session, first.id)
    assert auth.states_for(session, [ana.id])[ana.id].state == "revoked"
    _authorise(session, people, ana)  # authorised again later
    assert auth.states_for(session, [ana.id])[ana.id].valid
    lacking = auth.list_contact_states(session, only_lacking=True)
    assert [r.name for r in lacking] == ["Luis Muñoz"]
    assert lacking[0].auth.label() == "Sin autorización"


def test_the_signed_attendance_sheet_authorises_those_who_ticked_it(session, people):
    ana, luis = people["ana"], people["luis"]
    _authorise(session, people, ana)
    meeting = meetings.create_meeting(
        session,
        meetings.MeetingData(
            type="cluster",
            date=TODAY - DAY,
            attendees=[
                meetings.AttendeeData(name=ana.name, contact_id=ana.id),
                meetings.AttendeeData(name=luis.name, contact_id=luis.id),
            ],
        ),
    )
    result = auth.record_signed_sheet(session, meeting.id, [ana.id, luis.id])
    assert result.created == ["Luis Muñoz"] and result.already == ["Ana Gómez"]
    made = auth.authorisations_of(session, luis.id)[0]
    assert made.means == "attendance_sheet" and made.granted_on == TODAY - DAY
    assert made.evidence_ref == f"Planilla de asistencia — Acta No. 001 de {TODAY.year}"
    assert len(made.purpose_ids) == 4
    other = factories.contact(session, people["partner"].id, "Otra Persona")
    with pytest.raises(ValidationError, match="no está en la planilla"):
        auth.record_signed_sheet(session, meeting.id, [other.id])


def test_rights_requests_rules_and_overdue(session, people):
    ana = people["ana"]
    base = dict(type="query", requester_name=ana.name, description="¿Qué datos tienen?")
    late = requests.save_request(
        session, requests.RequestData(**base, received_on=TODAY - 30 * DAY, contact_id=ana.id)
    )
    fresh = requests.save_request(session, requests.RequestData(**base, received_on=TODAY))
    overdue = requests.overdue_requests(session)
    assert [r.id for r in overdue] == [late.id]
    assert overdue[0].due_on == requests.due_date("query", TODAY - 30 * DAY)
    assert overdue[0].days_left < 0
    rows = {r.id: r for r in requests.list_requests(session)}
    assert not rows[fresh.id].overdue and rows[fresh.id].days_left > 0
    for change, field in [
        ({"extended": True}, "extension_reason"),
        ({"status": "answered"}, "answered_on"),
        ({"received_on": TODAY + DAY}, "received_on"),
    ]:
        with pytest.raises(ValidationError) as info:
            requests.save_request(
                session, requests.RequestData(**(base | {"received_on": TODAY} | change))
            )
        assert field in info.value.fields
    late = requests.get_request(session, late.id)
    late.status, late.answered_on, late.answer = "answered", TODAY, "Enviamos sus datos."
    requests.save_request(session, late)
    assert requests.overdue_requests(session) == []


def test_export_one_person_as_json_and_pdf(session, people, tmp_path):
    ana = people["ana"]
    _authorise(session, people, ana, evidence_ref="Formato firmado")
    out = export_person(session, ana.id, tmp_path / "ana.json")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["law"] == "Ley 1581 de 2012"
    assert record["contact"]["email"] == "ana@sidoc.example"
    assert record["authorisations"][0]["evidence"] == "Formato firmado"
    assert any(h["entity"] == "contact" and h["field"] == "name" for h in record["history"])
    pdf = export_person(session, ana.id, tmp_path / "ana.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "DATOS PERSONALES REGISTRADOS" in text and "ana@sidoc.example" in text
    assert "Formato escrito" in text and "Superintendencia de Industria y Comercio" in text
    with pytest.raises(PazosError, match=r"\.pdf"):
        export_person(session, ana.id, tmp_path / "ana.txt")


def test_the_attendance_sheet_marks_who_lacks_an_authorisation(sample_db, tmp_path):
    with sample_db.session() as s:
        series = s.scalars(
            select(Meeting.series).where(Meeting.number == 1, Meeting.year == TODAY.year)
        ).first()
        meeting = meetings.find_meeting(s, TODAY.year, 1, series)
        ids = {a.contact_id for a in meetings.get_meeting(s, meeting.id).attendees}
        states = auth.states_for(s, [i for i in ids if i])
        lacking = [
            a.name
            for a in meetings.get_meeting(s, meeting.id).attendees
            if not a.contact_id or not states[a.contact_id].valid
        ]
        path = export_attendance(s, TODAY.year, 1, tmp_path / "planilla.pdf", series=series)
        notice = policies.current_policy(s).notice
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert lacking, "the sample has attendees without authorisation"
    for name in lacking:
        assert f"{name} (*)" in text
    assert " ".join(notice.split())[:60] in text
    assert "Sin autorización vigente" in text


def test_personal_data_commands(sample_db, tmp_path, capsys):
    db = ["--db", sample_db.url, "personal-data"]
    assert main([*db, "requests", "--overdue"]) == 0
    assert "VENCIDA" in capsys.readouterr().out
    assert main([*db, "contacts", "--without-authorisation"]) == 0
    assert "Sin autorización" in capsys.readouterr().out
    out = tmp_path / "persona.json"
    assert main([*db, "export", "--contact", "2", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["contact"]["id"] == 2
    assert main([*db, "suppress", "--contact", "2"]) == 1  # no terminal: --yes needed
    assert "confirme con --yes" in capsys.readouterr().err
    assert main([*db, "suppress", "--contact", "2", "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "Copia de seguridad previa" in printed and "Persona suprimida n.º 2" in printed
