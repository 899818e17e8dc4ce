"""Long work with a progress dialog that can be cancelled; other features reuse it.

    def job(progress, cancelled):
        for i, item in enumerate(items):
            if cancelled():
                return None
            progress(i, len(items), item.name)
            ...
        return result

    run_with_progress(parent, tr("Exportando"), job, success=show_done)

`job` runs on the operations worker thread (open a session with `ops.db.session()` inside it
when it needs one); `progress(done, total, text)` may be called from that thread as often as
wanted: the dialog is updated on the UI thread. When the user cancels, `cancelled()` turns
True; the job should stop and return; `success` is then not called (`on_cancel` is).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from . import errors
from . import operations as ops_module

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
Job = Callable[[ProgressCallback, CancelCheck], Any]


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (queued signal)."""

    changed = Signal(int, int, str)


class ProgressRun:
    """One long job: its dialog, its cancel flag."""

    def __init__(self, parent: QWidget | None, title: str, job: Job):
        self.job = job
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(title, _cancel_text(), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick jobs finish before it appears
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self.relay = _Relay()
        self.relay.changed.connect(self._show)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.relay.changed.emit(int(done), int(total), str(text))

    def _show(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.dialog.setLabelText(text)

    def work(self) -> Any:
        return self.job(self.progress, self.cancelled)


def _cancel_text() -> str:
    return _tr("Cancelar")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Progress", text)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    job: Job,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    ops: ops_module.Operations | None = None,
) -> ProgressRun:
    """Start `job(progress, cancelled)` on the worker with a cancellable dialog; returns at once."""
    ops = ops or ops_module.default()
    run = ProgressRun(parent, title, job)

    def finished(result):
        was_cancelled = run.cancelled()
        run.dialog.canceled.disconnect()  # closing a QProgressDialog emits canceled()
        run.dialog.close()
        if was_cancelled:
            if on_cancel:
                on_cancel()
        elif success:
            success(result)

    def failed(exc):
        run.dialog.canceled.disconnect()
        run.dialog.close()
        (failure or (lambda e: errors.show_error(parent, e)))(exc)

    ops.submit(run.work, finished, failed, parent)
    return run
