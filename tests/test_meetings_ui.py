"""The meeting screens offscreen: list, editor tabs, read-only approved minutes, saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.meetings_fixtures import TODAY, sample_db, sample_template  # noqa: F401
from ui import prefs, views
from ui.jobs import operations
from ui.meetings.view import MeetingsView

pytest_plugins = ["window_fixtures"]  # recorder, meetings_view


@pytest.fixture
def view(meetings_view):
    return meetings_view


def _open(qtbot, view, row: int):
    view.panel.table.selectRow(row)
    view.open_selected()
    qtbot.waitUntil(lambda: view.last_editor is not None and view.ops.idle)
    return view.last_editor


def test_list_filters_by_year(qtbot, view):
    assert view.panel.model.rowCount() >= 6
    view.year.setCurrentIndex(view.year.findData(TODAY.year))
    qtbot.waitUntil(lambda: view.ops.idle)
    assert {r.year for r in view.panel.model.rows} == {TODAY.year}


def test_approved_minutes_open_read_only(qtbot, view, artifacts):
    editor = _open(qtbot, view, view.panel.model.rowCount() - 1)
    assert editor.data.approved
    assert not editor.buttons["save"].isEnabled() and editor.buttons["reopen"].isEnabled()
    assert editor.fields["place"].isReadOnly()
    editor.resize(1000, 650)
    editor.grab().save(str(artifacts / "meetings_editor.png"))


def test_edit_and_save_a_draft(qtbot, view):
    editor = _open(qtbot, view, 0)
    assert not editor.data.approved
    editor.fields["place"].setText("Sala nueva")
    editor.save()
    qtbot.waitUntil(lambda: view.ops.idle and editor.data.place == "Sala nueva")
    editor.fields["start_time"].setText("25:99")
    editor.save()
    assert "25:99" in editor.error.text()
    assert view.shown_errors == []


# --- as secretaries work ---------------------------------------------------------------------


@pytest.fixture
def window_view(qtbot, sample_db, tmp_path, recorder):  # noqa: F811
    """The list in a window that keeps drafts in `tmp_path` (the user's data folder)."""
    from types import SimpleNamespace

    ops = operations.Operations(sample_db)
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    window = SimpleNamespace(data_folder=tmp_path / "datos")
    ctx = views.ViewContext(ops=ops, prefs=prefs.Preferences(settings), window=window)
    widget = MeetingsView(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: ops.idle and widget.panel.model.rowCount() > 0)
    yield widget
    ops.shutdown()


def _draft_row(view) -> int:
    return next(i for i, r in enumerate(view.panel.model.rows) if r.status == "draft")


def test_closing_with_unsaved_edits_asks_first(qtbot, view, recorder):
    editor = _open(qtbot, view, _draft_row(view))
    editor.fields["place"].setText("Otra sala")
    recorder.answer = False  # "Seguir editando"
    editor.reject()
    assert editor.isVisible() and "cambios sin guardar" in recorder.questions[-1]
    recorder.answer = True
    editor.close()  # the ✕ asks the same
    assert not editor.isVisible() and len(recorder.questions) == 2


def test_a_draft_is_kept_while_typing_and_offered_back(qtbot, window_view, recorder, tmp_path):
    from pazos_desktop.services.meetings.drafts import Drafts

    view = window_view
    editor = _open(qtbot, view, _draft_row(view))
    meeting_id = editor.data.id
    editor.fields["place"].setText("Sala del borrador")
    editor.agenda.add()
    editor.keeper.keep()  # what the timer does every few seconds
    qtbot.waitUntil(lambda: view.ops.idle)
    drafts = Drafts(tmp_path / "datos", view.ops.db.describe())
    assert drafts.load(f"meeting-{meeting_id}")["form"]["fields"]["place"] == "Sala del borrador"
    editor.hide()  # the program "crashes": no save, no discard
    editor.deleteLater()
    recorder.answer = True  # "Recuperar"
    reopened = _open(qtbot, view, _draft_row(view))
    qtbot.waitUntil(lambda: reopened.fields["place"].text() == "Sala del borrador")
    assert "borrador" in recorder.questions[-1] and reopened.is_dirty()
    reopened.save()
    qtbot.waitUntil(lambda: view.ops.idle and reopened.data.place == "Sala del borrador")
    assert drafts.load(f"meeting-{meeting_id}") is None  # saved: the draft is gone


def test_approve_asks_and_a_future_meeting_is_refused(qtbot, view, recorder):
    import datetime as dt

    editor = _open(qtbot, view, _draft_row(view))
    recorder.answer = False
    editor.approve()
    assert "¿Aprobar el " in recorder.questions[-1] and not editor.data.approved
    editor.reject()
    # A new acta dated tomorrow (an acta keeps its year: on 31 December a draft cannot move).
    view.last_editor = None
    view.new_record()
    qtbot.waitUntil(lambda: view.last_editor is not None and view.ops.idle)
    editor = view.last_editor
    editor.fields["date"].set_date(TODAY + dt.timedelta(days=1))
    editor.save()
    qtbot.waitUntil(lambda: view.ops.idle and editor.data.id is not None)
    assert editor.data.date > TODAY
    recorder.answer = True
    editor.approve()
    qtbot.waitUntil(lambda: view.ops.idle)
    assert not editor.data.approved and "aprueba el día de la reunión" in editor.error.text()


def test_agreed_commitments_are_full_commitments(qtbot, view, recorder):
    from ui.meetings.commitments_tabs import AgreedCommitmentEditor

    editor = _open(qtbot, view, _draft_row(view))
    tab = editor.agreed
    before = len(tab.rows)
    tab.add()
    qtbot.waitUntil(lambda: isinstance(tab.last_editor, AgreedCommitmentEditor))
    form = tab.last_editor
    form.title.setText("Ferias de empleo juvenil")
    form.partner.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.ops.idle)
    form.contact.setCurrentIndex(form.contact.count() - 1)
    form.component.setCurrentIndex(2)
    form.clusters.list.item(0).setCheckState(Qt.CheckState.Checked)
    form.clusters.list.item(1).setCheckState(Qt.CheckState.Checked)
    form.unit.setText("ferias")
    form.target.setText("4")
    form.save()
    qtbot.waitUntil(lambda: view.ops.idle and len(tab.rows) == before + 1)
    row = next(r for r in tab.rows if r.activity == "Ferias de empleo juvenil")
    assert "," in row.cluster and " — " in row.responsible  # two clusters, a contact
    tab.table.setCurrentCell(tab.rows.index(row), 0)
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()
    tab.remove()
    qtbot.waitUntil(lambda: view.ops.idle and len(tab.rows) == before)
    assert "Quitar" in recorder.questions[-1] or "¿Quitar" in recorder.questions[-1]


def test_followup_pruned_and_ordered_keeps_what_was_typed(qtbot, view, recorder):
    editor = _open(qtbot, view, _draft_row(view))
    tab = editor.followup
    tab.prefill()
    qtbot.waitUntil(lambda: view.ops.idle)
    if len(tab.rows) < 3:
        pytest.skip("the sample meeting has too few open commitments to follow up")
    second = tab.rows[1].commitment_id
    tab.table.item(1, 5).setText("Dicho en la mesa")
    tab.table.setCurrentCell(1, 0)
    tab.move(-1)
    qtbot.waitUntil(lambda: view.ops.idle and tab.rows[0].commitment_id == second)
    assert tab.table.item(0, 5).text() == "Dicho en la mesa"  # typed, not yet recorded
    tab.record()
    qtbot.waitUntil(lambda: view.ops.idle)
    before = len(tab.rows)
    tab.prune()
    qtbot.waitUntil(lambda: view.ops.idle and len(tab.rows) < before)
    assert tab.rows[0].commitment_id == second and tab.rows[0].comment == "Dicho en la mesa"
    assert all(r.reported_status or r.reported_achieved is not None or r.comment for r in tab.rows)
