"""The attendance sheet for the room: rows of at least 1.3 cm, a cédula column, the
personal-data notice (Ley 1581) on every page and a column to tick the authorisation."""

from __future__ import annotations

from reportlab.lib.units import cm

from pazos_desktop.documents.meeting_pdfs import export_attendance
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.settings import set_setting
from tests.meetings_fixtures import TODAY, meeting_data, world  # noqa: F401
from tests.pdf_support import poppler_pages, render_png, words_with_boxes


def test_rows_room_notice_and_authorisation(session, world, tmp_path, artifacts):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, number=3))
    path = export_attendance(session, made.year, 3, tmp_path / "planilla.pdf", blank_rows=25)
    pages = poppler_pages(path)
    assert len(pages) >= 2
    for page in pages:
        assert "Ley 1581 de 2012" in page and "Alcaldía de Palmira" in page
    text = " ".join(pages)
    for header in ("Cédula o documento", "Autoriza el tratamiento de sus datos", "Firma"):
        assert header in text
    assert text.count("☐ Sí ☐ No") == 3 + 25
    words = words_with_boxes(path, 1)
    # The table's "No." heading: the lowest one (the page header names the acta's "No." too).
    left = max((w for w in words if w[0] == "No."), key=lambda w: w[2])[1]
    numbers = sorted((w[2], int(w[0])) for w in words if w[0].isdigit() and abs(w[1] - left) < 8)
    gaps = [b[0] - a[0] for a, b in zip(numbers, numbers[1:], strict=False)]
    assert len(gaps) >= 4 and min(gaps) >= 1.3 * cm  # room to write and sign
    render_png(path, artifacts / "attendance", 1, 1, dpi=70)


def test_notice_from_the_settings(session, world, tmp_path):  # noqa: F811
    set_setting(session, "habeas_data_notice", "Aviso propio de la Alcaldía sobre sus datos.")
    made = meetings.create_meeting(session, meeting_data(world, number=4))
    path = export_attendance(session, made.year, 4, tmp_path / "p.pdf")
    assert all("Aviso propio de la Alcaldía" in page for page in poppler_pages(path))


def test_english_notice(session, world, tmp_path):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, number=5))
    path = export_attendance(session, made.year, 5, tmp_path / "en.pdf", lang="en")
    text = " ".join(poppler_pages(path))
    assert "Law 1581 of 2012" in text and "ID number" in text and "☐ Yes ☐ No" in text
    assert TODAY.year
