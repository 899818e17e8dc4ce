"""Self-check step for the Qt layer: the platform plugin loads and a dialog renders.

Appended to SELF_CHECK_STEPS by main.py (the core never names `ui`). In a bundle this is the
step that catches missing Qt plugins, the usual way a frozen Qt program fails to start.
"""

from __future__ import annotations

import sys

from pazos_desktop.selfcheck import SelfCheckContext


def check_qt(ctx: SelfCheckContext) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from pazos_desktop.paths import resource_path
    from pazos_desktop.startup import Recovery, StartupProblem

    from .recovery_dialog import RecoveryDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    icon = QIcon(str(resource_path("icons", "pazos.png")))
    problem = StartupProblem("self_check", "self-check", [Recovery.QUIT], None)
    dialog = RecoveryDialog(problem)
    image = dialog.grab().toImage()
    summary = f"PySide6 {pyside_version}, {app.platformName()}, {image.width()}×{image.height()} px"
    broken = icon.isNull() or image.isNull() or image.width() < 100
    # Qt must delete the widget now, before the application: left to Python's exit, the
    # teardown order crashed (bus errors, "shared QObject was deleted directly").
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del dialog, icon
    if broken:
        raise RuntimeError(summary)
    return summary
