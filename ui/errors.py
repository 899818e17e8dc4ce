"""The one way errors reach the user: logged, then a dialog with the message, "copy details"
and where the log is.

`setup_logging()` sets up the rotating log; `install_hooks()` hooks `sys.excepthook` and
`threading.excepthook`, so an exception in a slot or a thread is logged and shown instead of
vanishing (a windowed build has no stderr). `show_error(parent, exc)` is what every view and
the job pipeline use; the dialog itself is shown through the interaction seam
(`ui.interaction.error`), which tests replace with a recorder.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

log = logging.getLogger("pazos")
_log_file: Path | None = None


def setup_logging(folder: Path | None = None) -> Path | None:
    """The core's rotating log (5 x 1 MB, set up once for the process); None if unwritable."""
    global _log_file
    from pazos_desktop.logs import setup_logging as core_setup

    _log_file = core_setup(folder)
    return _log_file


def log_file() -> Path | None:
    return _log_file


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def user_message(exc: BaseException) -> str:
    """The core's PazosError carries a translated message; anything else is unexpected."""
    from pazos_desktop.errors import PazosError

    if isinstance(exc, PazosError):
        return exc.message
    return tr("Ocurrió un error inesperado. No se guardó nada de la última acción.")


def details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the one way: user errors plainly, others logged with a traceback."""
    from pazos_desktop.errors import PazosError

    detail = details(exc)
    if isinstance(exc, PazosError):
        log.info("user error: %s", exc.message)
    else:
        log.error("unexpected error\n%s", detail)
    from ui import interaction

    interaction.error(parent, user_message(exc), detail)


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    exc.__traceback__ = tb
    _show_later(exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _show_later(args.exc_value)


def _show_later(exc: BaseException) -> None:
    """Dialogs belong to the UI thread: from another thread, log now and show from the loop."""
    app = QApplication.instance()
    if app is None:
        log.error("unexpected error\n%s", details(exc))
    elif QThread.currentThread() is not app.thread():
        QTimer.singleShot(0, app, lambda: show_error(app.activeWindow(), exc))
    else:
        show_error(app.activeWindow(), exc)


def install_hooks() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
