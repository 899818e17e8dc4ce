"""The meeting screens offscreen: list, editor tabs, read-only approved minutes, saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tests.meetings_fixtures import TODAY, sample_db, sample_template  # noqa: F401
from ui import interaction, operations, prefs, views
from ui.meetings.view import MeetingsView


@pytest.fixture
def recorder(monkeypatch) -> interaction.Recorder:
    rec = interaction.Recorder()
    monkeypatch.setattr(interaction, "current", rec)
    return rec


@pytest.fixture
def view(qtbot, sample_db, tmp_path, recorder):  # noqa: F811
    ops = operations.Operations(sample_db)
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    ctx = views.ViewContext(ops=ops, prefs=prefs.Preferences(settings), window=None)
    widget = MeetingsView(ctx)
    qtbot.addWidget(widget)
    widget.shown_errors = recorder.shown
    widget.refresh()
    qtbot.waitUntil(lambda: ops.idle and widget.panel.model.rowCount() > 0)
    yield widget
    ops.shutdown()


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
