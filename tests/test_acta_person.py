"""A person approves, not an account (finding 6): the run context carries a `Person` (name,
position, login); the approval, "Elaboró"/"Revisó" left blank, the history's "who" and the
approval line name the person; the login is never printed on a document; the command line
takes the person from --persona/--cargo or PAZOS_PERSON/PAZOS_POSITION."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from pazos_desktop.cli import main
from pazos_desktop.clock import Person, make_person, run_of
from pazos_desktop.documents import actas
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.services.history.readable import meeting_history
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings.listing import new_meeting_template
from tests.meetings_fixtures import (  # noqa: F401
    TODAY,
    meeting_data,
    sample_db,
    sample_template,
    world,
)
from tests.pdf_support import poppler_pages

SECRETARY = Person("Luz Dary Ortiz Muñoz", "Secretaria técnica de la mesa", "root")


def _as(session, person: Person | None) -> None:
    session.info["run"] = replace(run_of(session), person=person)


def test_the_person_approves_and_the_login_is_never_printed(session, world, tmp_path):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, number=3))
    _as(session, SECRETARY)
    approved = actas.approve_meeting(session, made.id)
    assert approved.approved_by == "Luz Dary Ortiz Muñoz"
    assert (approved.prepared_by, approved.prepared_position) == (
        "Luz Dary Ortiz Muñoz",
        "Secretaria técnica de la mesa",
    )  # left blank: the person approving prepared and reviewed it
    assert approved.reviewed_by == "Luz Dary Ortiz Muñoz"
    text = " ".join(poppler_pages(export_minutes(session, TODAY.year, 3, tmp_path / "a.pdf")))
    line = " ".join(text.split())
    assert "por Luz Dary Ortiz Muñoz, Secretaria técnica de la mesa" in line
    assert "pytest" not in line and "root" not in line
    approval = next(h for h in meeting_history(session, made.id) if h.action == "Aprobación")
    assert approval.actor == "Luz Dary Ortiz Muñoz"


def test_without_a_person_the_history_keeps_the_login_and_the_acta_names_no_one(
    session,
    world,  # noqa: F811
    tmp_path,
):
    made = meetings.create_meeting(session, meeting_data(world, number=4, prepared_by="Marta"))
    approved = actas.approve_meeting(session, made.id)
    assert approved.approved_by == "pytest"  # the history's fallback
    assert approved.prepared_by == "Marta" and not approved.reviewed_by
    text = " ".join(poppler_pages(export_minutes(session, TODAY.year, 4, tmp_path / "b.pdf")))
    assert "Aprobada el" in text
    assert "pytest" not in text  # a login is never printed on a document


def test_a_new_acta_is_prepared_by_the_person(session, world):  # noqa: F811
    meetings.create_meeting(session, meeting_data(world, prepared_by="Otra persona"))
    _as(session, SECRETARY)
    draft = new_meeting_template(session, TODAY)
    assert (draft.prepared_by, draft.prepared_position) == (SECRETARY.name, SECRETARY.position)


def test_make_person_trims_and_bounds_what_was_typed():
    assert make_person("   ") is None
    person = make_person("  Luz   Dary ", " Secretaria ", "luz")
    assert person == Person("Luz Dary", "Secretaria", "luz")
    assert len(make_person("x" * 500).name) == 200


@pytest.mark.sqlite_only  # the command is given the database file's path
def test_the_command_line_names_the_person(sample_db, tmp_path, monkeypatch):  # noqa: F811
    path = str(sample_db.path)
    sample_db.dispose()
    out = tmp_path / "libro.xlsx"
    args = ["--db", path, "--persona", "Jhon Jairo Mosquera Valencia", "--cargo", "Enlace"]
    assert main([*args, "export", "workbook", "--out", str(out)]) == 0
    assert _generated_by(out) == "Jhon Jairo Mosquera Valencia"
    monkeypatch.setenv("PAZOS_PERSON", "Ana Lucía Peña-Caicedo")
    assert main(["--db", path, "export", "workbook", "--out", str(out)]) == 0
    assert _generated_by(out) == "Ana Lucía Peña-Caicedo"


def _generated_by(path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    meta = next(ws for ws in book.worksheets if ws.sheet_state == "veryHidden")
    return next(str(b) for a, b in meta.iter_rows(values_only=True) if a == "generated_by")
