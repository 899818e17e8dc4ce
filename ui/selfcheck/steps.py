"""Self-check steps of the Qt layer: the platform plugin loads, a dialog renders, Qt's own
Spanish catalog is where Qt looks for it, then the window walk (ui/selfcheck/window.py).

main.py appends "ui.selfcheck.steps:STEPS" to SELF_CHECK_STEPS (the core never names `ui`). In a
bundle these are the steps that catch missing Qt plugins and modules, the usual ways a frozen
Qt program fails: a Qt module left out of the bundle fails the view that imports it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from pazos_desktop.selfcheck.runner import SelfCheckContext

log = logging.getLogger("pazos.selfcheck.qt")


def tr(text: str) -> str:
    return QCoreApplication.translate("SelfCheck", text)


def delete_now(widget) -> None:
    """Qt must delete widgets now, before the application: left to Python's exit, the
    teardown order crashed (bus errors, "shared QObject was deleted directly")."""
    widget.hide()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def check_qt(ctx: SelfCheckContext) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from pazos_desktop.i18n import get_language
    from pazos_desktop.paths import resource_path
    from pazos_desktop.safety.startup import Recovery, StartupProblem
    from ui.safety.recovery_dialog import RecoveryDialog
    from ui.translations import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _log_qt_messages(ctx)
    apply_language(get_language())  # the Qt steps report in the language of the core's
    icon = QIcon(str(resource_path("icons", "pazos.png")))
    problem = StartupProblem("self_check", "self-check", [Recovery.QUIT], None)
    dialog = RecoveryDialog(problem)
    image = dialog.grab().toImage()
    summary = f"PySide6 {pyside_version}, {app.platformName()}, {image.width()}×{image.height()} px"
    broken = icon.isNull() or image.isNull() or image.width() < 100
    delete_now(dialog)
    del dialog, icon
    if broken:
        raise RuntimeError(summary)
    return summary


def _log_qt_messages(ctx: SelfCheckContext) -> None:
    """Qt's own warnings go to the log while the self-check runs, not between its lines on the
    console (the offscreen plugin warns about every dialog shown); errors stay errors there."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind, _context, message: str) -> None:
        log.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

    previous = qInstallMessageHandler(handler)
    ctx.on_close(lambda: qInstallMessageHandler(previous))


# A text of Qt's own buttons, as qtbase looks it up (context, source): "Cancelar" in Spanish.
QT_BUTTON = ("QPlatformTheme", "Cancel")


def check_qt_translations(ctx: SelfCheckContext) -> str:
    """qtbase_es.qm (Yes/No, OK/Cancel, file dialogs in Spanish) where Qt itself looks."""
    from PySide6.QtCore import QLibraryInfo

    return qtbase_catalogs(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))


def qtbase_catalogs(folder: Path) -> str:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not (folder / "qtbase_es.qm").is_file() or not translator.load("qtbase_es", str(folder)):
        raise RuntimeError(tr("falta qtbase_es.qm en {path}").format(path=folder))
    cancel = translator.translate(*QT_BUTTON)
    if cancel != "Cancelar":
        raise RuntimeError(tr("qtbase_es.qm no traduce «Cancel» ({text})").format(text=cancel))
    english = (folder / "qtbase_en.qm").is_file()
    return tr("qtbase_es.qm en {path} («Cancel» → «Cancelar»); qtbase_en.qm: {en}").format(
        path=folder, en=tr("presente") if english else tr("no está")
    )


# Strings, not imports: a window module that cannot be imported (a Qt module missing from the
# bundle) is then reported as that entry's failure while the other steps still run.
STEPS = [
    check_qt,
    check_qt_translations,
    "ui.selfcheck.window:check_window",
    "ui.selfcheck.window:VIEW_STEPS",
    "ui.selfcheck.window:EDITOR_STEPS",
]
