"""The progress dialog of the job pipeline (ui/jobs/operations.py: `ops.job`).

Our own small dialog rather than QProgressDialog: QProgressDialog arms its own timer when
created and on each `setValue`, and shows itself when it fires, even after the work ended and
the dialog was closed; after a quick export the finished dialog ("100 %", a dead Cancelar)
came back over the result message. Here one single-shot timer decides whether the dialog
appears at all (work shorter than `DELAY_MS` never shows it), and `finish()` stops that timer,
hides and deletes the dialog before the job's result is handed on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.fit import FittedDialog

DELAY_MS = 400  # quicker work finishes before anything appears


class ProgressWindow(FittedDialog):
    """What a job is doing, how far it is, and its Cancelar button."""

    def __init__(self, parent: QWidget | None, title: str, job):
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.label = QLabel(title)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 30)
        self.label.setMinimumHeight(self.fontMetrics().height() * 2)  # a long text's 2nd line
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancelar"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        job.relay.changed.connect(self.report)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._appear)
        self.timer.start(DELAY_MS)

    def _appear(self) -> None:
        if not self.job.finished:
            self.show()

    def report(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 0))
        if total > 0:
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def reject(self) -> None:
        """Cancelar, Esc or ✕: ask the job to stop; the dialog goes when the job ends."""
        self.job.cancel()
        self.label.setText(self.tr("Cancelando…"))
        self.cancel_button.setEnabled(False)

    def finish(self) -> None:
        self.timer.stop()
        self.job.relay.changed.disconnect(self.report)
        self.hide()
        self.deleteLater()
