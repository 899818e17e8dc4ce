"""Fixtures of the window tests (test modules load them with `pytest_plugins`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import real_names
from PySide6.QtCore import QSettings
from real_names import real_names_template_for
from window_support import TODAY, Recorder, close_window, open_window

from tests.conftest import copy_database, sample_template_for
from ui import interaction
from ui.prefs import Preferences


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    """The interaction seam, recording: every message, question, file chooser and error."""
    rec = Recorder()
    monkeypatch.setattr(interaction, "current", rec)
    return rec


@pytest.fixture
def prefs(tmp_path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def sample_template(migrated_template, tmp_path_factory) -> Path:
    return sample_template_for(TODAY, migrated_template, tmp_path_factory)


@pytest.fixture
def sample_db_path(sample_template, tmp_path) -> Path:
    return copy_database(sample_template, tmp_path / "sample.sqlite")


@pytest.fixture
def meetings_view(qtbot, sample_db_path, prefs, recorder):
    """The meeting list alone on a copy of the sample, with scratch preferences."""
    from conftest import database_on

    from ui import views
    from ui.jobs import operations
    from ui.meetings.view import MeetingsView

    database = database_on(sample_db_path, TODAY)
    ops = operations.Operations(database)
    ctx = views.ViewContext(ops=ops, prefs=prefs, window=None)
    widget = MeetingsView(ctx)
    qtbot.addWidget(widget)
    widget.shown_errors = recorder.shown
    widget.refresh()
    qtbot.waitUntil(lambda: ops.idle and widget.panel.model.rowCount() > 0)
    yield widget
    ops.shutdown()
    database.dispose()


@pytest.fixture(scope="session")
def real_names_template(sample_template, tmp_path_factory) -> Path:
    """The sample plus the real names (tests/real_names.py), built once per run."""
    return real_names_template_for(TODAY, sample_template, tmp_path_factory)


@pytest.fixture
def real_names_db_path(real_names_template, tmp_path) -> Path:
    return copy_database(real_names_template, tmp_path / "real_names.sqlite")


@pytest.fixture
def real_names_ids(real_names_template) -> dict:
    """The ids of the real names' records (the long partner, the meeting of 60…)."""
    return real_names.real_names_ids(TODAY)


@pytest.fixture
def real_window(qtbot, real_names_db_path, prefs, recorder):
    """A real main window on the real names."""
    win = open_window(qtbot, real_names_db_path, prefs)
    yield win
    close_window(win)


@pytest.fixture
def window(qtbot, sample_db_path, prefs, recorder):
    win = open_window(qtbot, sample_db_path, prefs)
    yield win
    close_window(win)


@pytest.fixture
def empty_window(qtbot, db_path, prefs, recorder):
    win = open_window(qtbot, db_path, prefs)
    yield win
    close_window(win)
