"""Before the first PDF export with empty header settings the window offers to fill them; a
PDF with characters its fonts cannot draw asks before it is written."""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.services.settings import OFFERED, all_settings, missing_document_settings
from pazos_desktop.writers.pdf.glyphs import GlyphProblem
from tests.pdf_support import write_png
from ui import interaction
from ui.dialogs import document_checks
from ui.dialogs.document_checks import SAVE, SKIP, DocumentSettingsDialog, prepare_export


@pytest.fixture
def run(db):
    """The window's `ops.run`, synchronously."""

    def run(fn, done):
        with db.session() as session:
            result = fn(session)
        done(result)

    return run


def test_dialog_shows_what_is_missing_and_returns_stored_values(qtbot, db, tmp_path):
    with db.session() as s:
        values = all_settings(s)
    assert set(missing_document_settings(values)) == {"org_logo", "doc_code", "doc_approval_date"}
    dialog = DocumentSettingsDialog(None, values)
    qtbot.addWidget(dialog)
    dialog.fields["doc_code"].setText("GDS-F-014")
    dialog.fields["org_logo"].setText(str(write_png(tmp_path / "logo.png", 40, 10)))
    dialog.fields["doc_approval_date"].setText("14/03/2025")
    chosen = dialog.values()
    assert chosen["doc_code"] == "GDS-F-014" and chosen["doc_approval_date"] == "2025-03-14"
    dialog.fields["doc_approval_date"].setText("32/13/2025")
    assert dialog.values() is None and "dd/mm/aaaa" in dialog.error.text()
    grabbed = dialog.grab()
    assert not grabbed.isNull()


def test_offered_once_saved_then_never_again(qtbot, db, run, tmp_path, monkeypatch):
    shown, done = [], []
    logo = str(write_png(tmp_path / "logo.png", 40, 10))

    def answer(dialog):
        shown.append(dialog)
        dialog.fields["doc_code"].setText("PZ-01")
        dialog.fields["org_logo"].setText(logo)
        dialog.fields["doc_approval_date"].setText(dt.date(2025, 3, 14).strftime("%d/%m/%Y"))
        return SAVE

    monkeypatch.setattr(document_checks, "runner", answer)
    prepare_export(run, None, lambda: done.append(1))
    assert len(shown) == 1 and done == [1]
    with db.session() as s:
        values = all_settings(s)
    assert values["doc_code"] == "PZ-01" and values[OFFERED] == "1"
    assert values["doc_approval_date"] == "2025-03-14"
    prepare_export(run, None, lambda: done.append(2))
    assert len(shown) == 1 and done == [1, 2]  # not offered again


def test_skip_and_cancel(qtbot, db, run, monkeypatch):
    done = []
    monkeypatch.setattr(document_checks, "runner", lambda dialog: None)
    prepare_export(run, None, lambda: done.append("cancel"))
    assert done == []  # cancelled: no export, asked again next time
    monkeypatch.setattr(document_checks, "runner", lambda dialog: SKIP)
    prepare_export(run, None, lambda: done.append("skip"))
    assert done == ["skip"]
    with db.session() as s:
        values = all_settings(s)
    assert values[OFFERED] == "1" and values["doc_code"] == ""


def test_characters_the_pdf_cannot_draw_are_asked_about(qtbot, db, run, monkeypatch):
    monkeypatch.setattr(document_checks, "runner", lambda dialog: SKIP)
    done = []
    recorder = interaction.Recorder(answer=False)
    monkeypatch.setattr(interaction, "current", recorder)  # the seam answers the question
    problem = GlyphProblem("Compromiso 7", "Título", "🦄")
    prepare_export(run, None, lambda: done.append(1), problems=lambda s: [problem])
    assert done == [] and "Compromiso 7, Título: «🦄»" in recorder.questions[0]
    recorder.answer = True
    prepare_export(run, None, lambda: done.append(1), problems=lambda s: [problem])
    assert done == [1]
