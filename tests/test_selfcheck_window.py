"""The self-check's window layer: every view and every editor is checked, and a Qt module
missing from a bundle fails the view that imports it (by name), not the whole program."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

import ui
from ui.editors import EDITORS
from ui.selfcheck.editor_samples import Samples
from ui.selfcheck.window import EDITOR_STEPS, VIEW_STEPS
from ui.views import VIEWS

ROOT = Path(__file__).resolve().parent.parent
# Base classes, never shown themselves: each of their subclasses is registered instead.
ABSTRACT = {"ui.dialogs.editor:EditorDialog", "ui.fit:FittedDialog"}


def dialog_classes() -> set[str]:
    """Every QDialog subclass defined in ui/, as "module:Class"."""
    found = set()
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == info.name:
                found.add(f"{info.name}:{name}")
    return found - ABSTRACT


def test_every_dialog_of_the_window_is_in_the_editor_registry():
    registered = {spec.target for spec in EDITORS}
    assert dialog_classes() - registered == set(), "add them to ui/editors.py"
    assert len(registered) == len(EDITORS)


def test_every_editor_argument_has_a_sample_value():
    missing = [
        (spec.key, arg)
        for spec in EDITORS
        for arg in spec.args
        if arg not in ("ops", "parent") and not hasattr(Samples, f"load_{arg}")
    ]
    assert missing == []


def test_one_step_per_view_and_per_editor_in_their_order():
    assert [s.name for s in VIEW_STEPS] == [f"check_view_{v.key}" for v in VIEWS]
    assert [s.name for s in EDITOR_STEPS] == [f"check_editor_{e.key}" for e in EDITORS]


# main.py as the bundle runs it, with only the steps the window needs and QtCharts missing,
# as it was from the bundle when the spec excluded it.
WITHOUT_CHARTS = """
import runpy, sys
sys.modules["PySide6.QtCharts"] = None
from pazos_desktop.selfcheck import runner as selfcheck
selfcheck.SELF_CHECK_STEPS[:] = [
    "pazos_desktop.selfcheck.runner:check_migrations", "pazos_desktop.selfcheck.runner:check_sample_data",
]
sys.argv = ["main.py", "self-check", "--report", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""


def test_a_qt_module_missing_from_the_bundle_fails_the_view_that_needs_it(tmp_path):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)}
    env.pop("PAZOS_LANG", None)
    report = tmp_path / "self-check.txt"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_CHARTS, str(report)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    text = report.read_text(encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[FALLÓ] check_view_dashboard: Vista Panel: ModuleNotFoundError" in text
    assert "PySide6.QtCharts" in text
    assert "[correcto] check_view_commitments: vista Compromisos construida" in text
    assert "[correcto] check_editor_meeting: editor Reunión y acta abierto" in text
    assert f"Vistas comprobadas ({len(VIEWS) - 1}/{len(VIEWS)}): Compromisos, " in text
    # The window opened on the dashboard, as the frozen program did: that step fails too.
    assert "Autocomprobación: FALLARON check_window, check_view_dashboard." in text
    assert "Traceback" not in result.stderr


def test_the_qt_catalog_check_fails_without_qtbase_es(tmp_path):
    from PySide6.QtCore import QLibraryInfo

    from ui.selfcheck.steps import qtbase_catalogs

    with pytest.raises(RuntimeError, match="falta qtbase_es.qm en"):
        qtbase_catalogs(tmp_path)
    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert "«Cancel» → «Cancelar»" in qtbase_catalogs(qt)
