"""Fixtures of the window tests (test modules load them with `pytest_plugins`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
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
def window(qtbot, sample_db_path, prefs, recorder):
    win = open_window(qtbot, sample_db_path, prefs)
    yield win
    close_window(win)


@pytest.fixture
def empty_window(qtbot, db_path, prefs, recorder):
    win = open_window(qtbot, db_path, prefs)
    yield win
    close_window(win)
