"""The acta as signed in Colombia, read back from the PDF (pdftotext): title form, draft mark
on every page, approval line, signature blocks, next meeting's time, full partner names,
numbered follow-up rows with ID and due date, the attendance sheet annexed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from reportlab.lib.units import cm

from pazos_desktop.documents import actas
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401
from tests.pdf_support import poppler_pages, render_png, words_with_boxes

YEAR = TODAY.year


@pytest.fixture
def acta(session, world):  # noqa: F811
    """Acta No. 007 with a chair from the register, positions, next meeting, four follow-ups of
    commitments with one title and forty commitments agreed (several pages)."""
    data = meeting_data(
        world,
        number=7,
        chair_contact_id=world["contacts"][0],
        secretary_name="Marta Ríos",
        secretary_position="Profesional universitaria",
        next_date=dt.date(YEAR, 12, 30),
        next_time=dt.time(10, 30),
        next_place="Concejo Municipal",
        prepared_by="Marta Ríos",
        prepared_position="Profesional universitaria",
        reviewed_by="Jorge Cano",
        reviewed_position="Coordinador PAZOS",
        approver_name="Paola Muñoz",
        approver_position="Secretaria de Seguridad y Convivencia",
    )
    data.attendees.append(
        meetings.AttendeeData(name="Marta Ríos", entity="Alcaldía de Palmira", position="Apoyo")
    )
    made = meetings.create_meeting(session, data)
    same_title = []
    for k in range(4):
        due = TODAY + dt.timedelta(days=10 + k)
        c = fu.save_commitment(
            session,
            commitment(
                world["partners"][k % 2], world, "Talleres de proyecto de vida", due_date=due
            ),
        )
        same_title.append((c.id, due))
        fu.record_followup(session, made.id, fu.FollowupData(c.id, reported_status="in_progress"))
    for i in range(40):
        fu.add_agreed_commitment(
            session,
            made.id,
            commitment(
                world["partners"][i % 2],
                world,
                f"Acuerdo {i:02d}",
                contact_id=world["contacts"][(i % 2) * 2],
            ),
        )
    return meetings.get_meeting(session, made.id), same_title


def test_draft_acta_title_mark_and_contents(session, acta, world, tmp_path):  # noqa: F811
    made, same_title = acta
    path = export_minutes(session, YEAR, 7, tmp_path / "borrador.pdf")
    pages = poppler_pages(path)
    assert len(pages) >= 3
    assert f"ACTA No. 007 DE {YEAR}" in pages[0]
    for page in pages:  # a loose page of a draft cannot pass for the final acta
        assert "BORRADOR" in page
    text = " ".join(pages)
    assert "Ver planilla de asistencia anexa" in text
    assert f"Fundación SIDOC — Ana Gómez {world['partners'][0]}" in text  # full name + contact
    assert "SIDO —" not in text  # never the acronym
    assert re.search(r"Hora: 10:30", text) and f"Fecha: 30/12/{YEAR}" in text
    # Four follow-ups with one title: each row has its number, the commitment's ID, its date.
    layout = "\n".join(_layout_lines(path))
    for number, (cid, due) in enumerate(same_title, 1):
        row = rf"^\s*{number}\s+{cid}\s+Talleres de proyecto.*{due.strftime('%d/%m/%Y')}"
        assert re.search(row, layout, re.M), (number, cid)
    for role in ("Preside", "Secretaría técnica", "Elaboró", "Revisó", "Aprobó"):
        assert role in text
    assert "Profesional universitaria" in text and "Coordinador PAZOS" in text
    assert "Secretaria de Seguridad y Convivencia" in text


def _layout_lines(path) -> list[str]:
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.splitlines()


def test_signature_blocks_leave_three_centimetres_to_sign(session, acta, tmp_path, artifacts):
    path = export_minutes(session, YEAR, 7, tmp_path / "firmas.pdf")
    last = len(poppler_pages(path))
    words = words_with_boxes(path, last)
    for role, name in (("Preside", "Ana"), ("Elaboró", "Marta"), ("Aprobó", "Paola")):
        label = next(w for w in words if w[0] == role)
        below = [w for w in words if w[0] == name and w[2] > label[4] and abs(w[1] - label[1]) < 5]
        assert below, role
        assert below[0][2] - label[4] >= 3 * cm, role  # room between the role and the name
    signed = next(w for w in words if w[0] == "Ana")
    entity = [w for w in words if w[0] == "SIDOC" and w[2] > signed[4]]
    assert entity  # the chair's entity under the name
    render_png(path, artifacts / "acta_signatures", last, last, dpi=80)


def test_approved_acta_says_who_and_when_and_has_no_mark(session, acta, tmp_path):
    made, _ = acta
    actas.approve_meeting(session, made.id)
    path = export_minutes(session, YEAR, 7, tmp_path / "aprobada.pdf")
    pages = poppler_pages(path)
    assert all("BORRADOR" not in page for page in pages)
    approved = re.search(r"Aprobada el (\d\d/\d\d/\d{4}) a las \d\d:\d\d", pages[0])
    assert approved and approved[1] == TODAY.strftime("%d/%m/%Y")
    assert "pytest" not in pages[0]  # no person known: the login is never printed


def test_english_acta(session, acta, tmp_path):
    path = export_minutes(session, YEAR, 7, tmp_path / "en.pdf", lang="en")
    pages = poppler_pages(path)
    assert f"MINUTES No. 007 OF {YEAR}" in pages[0]
    assert all("DRAFT" in page for page in pages)
    text = " ".join(pages)
    for label in ("Prepared by", "Reviewed by", "Approved by", "See the attendance sheet"):
        assert label in text
