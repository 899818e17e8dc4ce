"""The history as people read it: labels, formatted values, names for ids, one line per
created record; per commitment, per partner (its contacts too) and per meeting."""

from __future__ import annotations

import datetime as dt

from pazos_desktop.documents import actas
from pazos_desktop.services import partners
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import ProgressData
from pazos_desktop.services.history.readable import (
    commitment_history,
    field_spec,
    meeting_history,
    partner_history,
)
from pazos_desktop.services.meetings import editing as meetings
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401


def _changes(rows) -> list[str]:
    return [r.change for r in rows]


def test_commitment_changes_read_as_labels_and_values(db, session, world):  # noqa: F811
    session.commit()  # the world is in; each action below is its own session
    with db.session() as s:
        made = commitments.save_commitment(s, commitment(world["partners"][0], world))
    with db.session() as s:
        commitments.add_progress(
            s, ProgressData(made.id, TODAY, achieved_quantity=15, status="completed")
        )
    with db.session() as s:
        data = commitments.get_commitment(s, made.id)
        data.partner_id, data.contact_id = world["partners"][1], None
        data.due_date = dt.date(2031, 12, 31)
        data.all_clusters = True
        commitments.save_commitment(s, data)
    with db.session() as s:
        rows = commitment_history(s, made.id)
    changes = _changes(rows)
    assert "Logrado: 0 → 15" in changes
    assert "Estado: En ejecución → Cumplido" in changes
    assert "Entidad responsable: Fundación SIDOC → Pastoral Social Palmira" in changes
    assert any(c.startswith("Fecha límite: ") and c.endswith(" → 31/12/2031") for c in changes)
    assert "Todos los clústeres: No → Sí" in changes
    created = rows[-1]
    assert created.action == "Creación" and created.change.startswith("Entidad responsable: ")
    assert "Compromiso: Talleres de paz" in created.change and "_id" not in created.change
    assert rows[0].actor == "pytest" and rows[0].when.count("/") == 2


def test_partner_history_includes_its_contacts(db, session, world):  # noqa: F811
    session.commit()
    partner_id = world["partners"][0]
    with db.session() as s:
        contact = partners.list_contacts(s, partner_id)[0]
        contact.position = "Coordinadora"
        partners.save_contact(s, contact)
        partners.set_archived(s, partner_id, True)
    with db.session() as s:
        rows = partner_history(s, partner_id)
    changes = _changes(rows)
    assert changes[0] == "Archivada: No → Sí" and rows[0].action == "Archivado"
    assert "Contacto: Cargo: Enlace → Coordinadora" in changes
    assert any(c.startswith("Contacto: Nombre: Ana Gómez") for c in changes)


def test_meeting_history_has_its_attendees_and_approval(db, session, world):  # noqa: F811
    session.commit()
    with db.session() as s:
        made = meetings.create_meeting(s, meeting_data(world))
    with db.session() as s:
        data = meetings.get_meeting(s, made.id)
        data.attendees = data.attendees[:1]
        meetings.save_meeting(s, data)
    with db.session() as s:
        actas.approve_meeting(s, made.id)
    with db.session() as s:
        rows = meeting_history(s, made.id)
    changes = _changes(rows)
    assert "Estado del acta: Borrador → Aprobada" in changes
    assert any(c.startswith("Asistente: Nombre: Invitada") for c in changes)
    assert changes[-1].startswith("Tipo de reunión: ")  # the acta's creation, one line


def test_one_function_finds_how_a_field_is_shown():
    assert field_spec("commitment", "achieved_quantity").label == "Logrado"
    assert field_spec("meeting_attendee", "sort_order") is None  # hidden
    assert field_spec("commitment", "nuevo_campo").label == "nuevo_campo"  # shown, raw


def test_an_acta_is_named_with_its_series(db, session, world):  # noqa: F811
    """Numbers repeat across series: the history names the body as well as the number."""
    session.commit()
    with db.session() as s:
        mesa = meetings.create_meeting(
            s, meeting_data(world, type="cluster", series="Mesa de clúster 3")
        )
    with db.session() as s:
        made = commitments.save_commitment(
            s, commitment(world["partners"][0], world, origin_meeting_id=mesa.id)
        )
    with db.session() as s:
        acta = meetings.get_meeting(s, mesa.id).label
        created = meeting_history(s, mesa.id)[-1].change
        origin = commitment_history(s, made.id)[-1].change
    assert "Serie (numeración): Mesa de clúster 3" in created
    assert f"Acordado en: {acta} (Mesa de clúster 3)" in origin
