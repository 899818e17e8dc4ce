"""Meeting services: numbering, editing, approval locks, reopening with a reason, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.documents import actas
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.services.commitments.editing import get_commitment, save_commitment
from pazos_desktop.services.history.stored import history_for
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401


def test_numbers_are_consecutive_per_year(session, world):  # noqa: F811
    a = meetings.create_meeting(session, meeting_data(world, dt.date(2026, 2, 1)))
    b = meetings.create_meeting(session, meeting_data(world, dt.date(2026, 3, 1)))
    c = meetings.create_meeting(session, meeting_data(world, dt.date(2027, 1, 10)))
    assert (a.number, b.number, c.number) == (1, 2, 1)
    assert b.label == "Acta No. 002 de 2026"
    assert meetings.find_meeting(session, 2027, 1).id == c.id


def test_explicit_number_taken_is_refused(session, world):  # noqa: F811
    meetings.create_meeting(session, meeting_data(world, number=7))
    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(session, meeting_data(world, number=7))
    assert f"Acta No. 007 de {TODAY.year}" in err.value.fields["number"]
    # The savepoint rolled back only the duplicate: the next free number follows 7.
    assert meetings.create_meeting(session, meeting_data(world)).number == 8


def test_attendees_filled_from_contacts_and_chair(session, world):  # noqa: F811
    data = meeting_data(world, chair_contact_id=world["contacts"][1])
    made = meetings.create_meeting(session, data)
    first = made.attendees[0]
    assert (first.name, first.entity, first.position) == (
        f"Ana Gómez {world['partners'][0]}",
        "Fundación SIDOC",
        "Enlace",
    )
    assert made.chair_name == f"Luis Muñoz {world['partners'][0]}"
    assert made.chair_position == "Enlace"


def test_children_are_synced_in_place(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    kept = made.agenda[0].id
    made.agenda.insert(0, meetings.AgendaItemData("Nuevo primero"))
    made.decisions = []
    saved = meetings.save_meeting(session, made)
    assert [a.title for a in saved.agenda] == ["Nuevo primero", "Verificación de asistencia"]
    assert saved.agenda[1].id == kept
    assert saved.decisions == []
    assert saved.version == made.version + 1


def test_validation_reports_every_field(session, world):  # noqa: F811
    data = meeting_data(world, type="fiesta", end_time=dt.time(8, 0))
    data.attendees.append(meetings.AttendeeData(name="  "))
    data.agenda.append(meetings.AgendaItemData(""))
    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(session, data)
    fields = err.value.fields
    assert {"type", "end_time"} <= set(fields)
    data = meeting_data(world)
    data.attendees.append(meetings.AttendeeData(name="  "))
    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(session, data)
    assert "attendees.4.name" in err.value.fields


def test_stale_version_is_refused(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    meetings.save_meeting(session, meetings.get_meeting(session, made.id))
    with pytest.raises(ConflictError):
        meetings.save_meeting(session, made)


def test_approved_minutes_refuse_every_edit(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    approved = actas.approve_meeting(session, made.id)
    assert approved.approved and approved.approved_by == "pytest"
    edits = [
        lambda: meetings.save_meeting(session, approved),
        lambda: meetings.delete_meeting(session, made.id),
        lambda: actas.approve_meeting(session, made.id),
        lambda: fu.prefill_followups(session, made.id),
        lambda: fu.record_followup(
            session, made.id, fu.FollowupData(world["commitments"][0], comment="x")
        ),
        lambda: fu.add_agreed_commitment(session, made.id, commitment(world["partners"][0], world)),
    ]
    for edit in edits:
        with pytest.raises(PazosError, match="aprobada y no se puede modificar"):
            edit()


def test_approval_needs_attendance_and_agenda(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, attendees=[], agenda=[]))
    with pytest.raises(ValidationError) as err:
        actas.approve_meeting(session, made.id)
    assert set(err.value.fields) == {"attendees", "agenda"}


def test_reopen_needs_a_reason_and_is_in_the_history(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    actas.approve_meeting(session, made.id)
    with pytest.raises(ValidationError):
        actas.reopen_meeting(session, made.id, "   ")
    reopened = actas.reopen_meeting(session, made.id, "Corregir el nombre de una asistente")
    assert not reopened.approved
    rows = history_for(session, "meeting", made.id)
    status_rows = [r for r in rows if r.field == "status"]
    assert [(r.action, r.new_value) for r in status_rows[:2]] == [
        ("reopen", "draft"),
        ("approve", "approved"),
    ]
    assert status_rows[0].reason == "Corregir el nombre de una asistente"
    assert status_rows[0].action_label == "Reapertura"
    assert session.info.get("reason") is None
    reopened.place = "Otra sala"
    assert meetings.save_meeting(session, reopened).place == "Otra sala"


def test_agreed_commitments_carry_the_meeting_as_origin(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    data = commitment(world["partners"][1], world, "Jornada de conciliación", start_date=None)
    saved = fu.add_agreed_commitment(session, made.id, data)
    assert saved.origin_meeting_id == made.id
    assert saved.start_date == made.date
    # Editing it later from the register keeps its origin.
    saved.title = "Jornada de conciliación en equidad"
    assert save_commitment(session, saved).origin_meeting_id == made.id


def test_suggestions_come_from_previous_meeting_and_invited_partners(session, world):  # noqa: F811
    first = meetings.create_meeting(session, meeting_data(world, dt.date(2026, 2, 1), attendees=[]))
    from_first = fu.add_agreed_commitment(
        session, first.id, commitment(world["partners"][1], world, "Mural del barrio")
    )
    closed = commitment(world["partners"][0], world, "Ya cumplido", status="completed")
    save_commitment(session, closed)
    only_first_partner = [meetings.AttendeeData(contact_id=world["contacts"][0])]
    second = meetings.create_meeting(
        session, meeting_data(world, dt.date(2026, 3, 1), attendees=only_first_partner)
    )
    suggested = fu.suggest_followups(session, second.id)
    ids = [s.commitment_id for s in suggested]
    assert ids == [from_first.id, world["commitments"][0]]
    assert suggested[0].reason == "Acordado en el Acta No. 001 de 2026"
    assert suggested[1].reason == "Entidad invitada"
    rows = fu.prefill_followups(session, second.id)
    assert [r.commitment_id for r in rows] == ids
    assert fu.suggest_followups(session, second.id) == []


def test_followup_becomes_a_meeting_progress_update(session, world):  # noqa: F811
    # Held today: what a meeting reports cannot be dated before the commitment existed (it was
    # entered today) nor after today.
    made = meetings.create_meeting(session, meeting_data(world, day=TODAY, number=7))
    target = world["commitments"][0]
    report = fu.FollowupData(
        target, reported_status="completed", reported_achieved=12, comment="ok"
    )
    row = fu.record_followup(session, made.id, report)
    update = session.get(ProgressUpdate, row.progress_update_id)
    assert (update.source, update.source_ref, update.date) == (
        "meeting",
        f"Acta No. 007 de {TODAY.year}",
        made.date,
    )
    assert get_commitment(session, target).status == "completed"
    # Correcting the report corrects the same update, not a second one.
    report.reported_status, report.comment = "in_progress", "corregido"
    fu.record_followup(session, made.id, report)
    updates = session.scalars(select(ProgressUpdate).where(ProgressUpdate.commitment_id == target))
    assert [(u.status, u.comment) for u in updates] == [("in_progress", "corregido")]
    assert session.get(Commitment, target).status == "in_progress"
    fu.remove_followup(session, made.id, target)
    assert fu.list_followups(session, made.id) == []
    assert session.get(ProgressUpdate, row.progress_update_id) is None


def test_deleting_a_draft_keeps_its_commitments(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    agreed = fu.add_agreed_commitment(session, made.id, commitment(world["partners"][0], world))
    meetings.delete_meeting(session, made.id)
    session.expire_all()
    assert get_commitment(session, agreed.id).origin_meeting_id is None
