"""Approved means frozen: the approved acta's PDF is stored with its SHA-256 (in the history),
and every later export is that document whatever happens to its commitments; reopening keeps
the approved version and the reason."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select

from pazos_desktop.db.models.meetings import MeetingSnapshot
from pazos_desktop.documents import actas
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.services.commitments.editing import get_commitment, save_commitment
from pazos_desktop.services.history.stored import history_for
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.settings import set_setting
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401
from tests.pdf_support import pdf_pages

YEAR = TODAY.year


def _approved_acta(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, number=5))
    agreed = fu.add_agreed_commitment(
        session, made.id, commitment(world["partners"][0], world, "Talleres de proyecto de vida")
    )
    fu.record_followup(
        session,
        made.id,
        fu.FollowupData(world["commitments"][1], reported_status="in_progress", comment="Va bien"),
    )
    actas.approve_meeting(session, made.id)
    return made, agreed


def test_edits_after_approval_do_not_change_the_approved_acta(session, world, tmp_path):  # noqa: F811
    made, agreed = _approved_acta(session, world)
    first = export_minutes(session, YEAR, 5, tmp_path / "antes.pdf").read_bytes()
    english = export_minutes(session, YEAR, 5, tmp_path / "en.pdf", lang="en").read_bytes()
    a4 = export_minutes(session, YEAR, 5, tmp_path / "a4.pdf", page_size="a4").read_bytes()
    # Everything the acta printed changes afterwards: commitments, settings, the follow-up's.
    later = get_commitment(session, agreed.id)
    later.title, later.due_date = "Título cambiado después", TODAY + dt.timedelta(days=300)
    save_commitment(session, later)
    other = get_commitment(session, world["commitments"][1])
    other.title = "Otro título cambiado"
    save_commitment(session, other)
    set_setting(session, "org_name", "Otra organización")
    again = export_minutes(session, YEAR, 5, tmp_path / "despues.pdf").read_bytes()
    assert again == first  # byte for byte
    assert export_minutes(session, YEAR, 5, tmp_path / "en2.pdf", lang="en").read_bytes() == english
    assert export_minutes(session, YEAR, 5, tmp_path / "a42.pdf", page_size="a4").read_bytes() == a4
    text = " ".join(pdf_pages(again))
    assert "Talleres de proyecto de vida" in text and "Título cambiado" not in text
    assert "Otro título" not in text and "Otra organización" not in text
    assert "Minutes No. 005" in " ".join(pdf_pages(english))


def test_the_pdf_hash_is_in_the_history(session, world, tmp_path):  # noqa: F811
    made, _agreed = _approved_acta(session, world)
    pdf = export_minutes(session, YEAR, 5, tmp_path / "acta.pdf").read_bytes()
    digest = hashlib.sha256(pdf).hexdigest()
    rows = [r for r in history_for(session, "meeting", made.id) if r.field == "approved_pdf_sha256"]
    assert [(r.action, r.old_value, r.new_value) for r in rows] == [("approve", None, digest)]


def test_reopening_keeps_the_approved_version_and_the_reason(session, world, tmp_path):  # noqa: F811
    made, agreed = _approved_acta(session, world)
    approved_pdf = export_minutes(session, YEAR, 5, tmp_path / "a.pdf").read_bytes()
    current = meetings.get_meeting(session, made.id)
    actas.reopen_meeting(session, made.id, "Faltó un asistente", current.version)
    snapshot = session.scalars(select(MeetingSnapshot)).one()
    assert snapshot.pdf == approved_pdf and snapshot.reopen_reason == "Faltó un asistente"
    assert snapshot.reopened_by == "pytest"
    later = get_commitment(session, agreed.id)
    later.title = "Título corregido"
    save_commitment(session, later)
    draft = " ".join(pdf_pages(export_minutes(session, YEAR, 5, tmp_path / "b.pdf")))
    assert "Título corregido" in draft and "BORRADOR" in draft  # a draft shows the live data
    rows = history_for(session, "meeting", made.id)
    reopened = [r for r in rows if r.action == "reopen" and r.field == "approved_pdf_sha256"]
    assert reopened and reopened[0].reason == "Faltó un asistente"
    assert reopened[0].old_value == hashlib.sha256(approved_pdf).hexdigest()
    actas.approve_meeting(session, made.id)
    snapshots = session.scalars(select(MeetingSnapshot).order_by(MeetingSnapshot.id)).all()
    assert len(snapshots) == 2 and snapshots[0].pdf == approved_pdf
    final = " ".join(pdf_pages(export_minutes(session, YEAR, 5, tmp_path / "c.pdf")))
    assert "Título corregido" in final and "BORRADOR" not in final


def test_a_damaged_stored_pdf_is_refused(session, world, tmp_path):  # noqa: F811
    import pytest

    from pazos_desktop.errors import PazosError

    _approved_acta(session, world)
    snapshot = session.scalars(select(MeetingSnapshot)).one()
    snapshot.pdf = snapshot.pdf[:-10] + b"0123456789"
    session.flush()
    with pytest.raises(PazosError, match="SHA-256"):
        export_minutes(session, YEAR, 5, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
