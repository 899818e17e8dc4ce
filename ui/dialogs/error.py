"""The error dialog: the message, a "copy details" button and where the log is (shown through
the interaction seam, `ui.interaction.error`; `ui.errors.show_error` is the one way there)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.logs import current_log_file
from ui.fit import FittedDialog


class ErrorDialog(FittedDialog):
    """Message, a "copy details" button and where the log is."""

    def __init__(self, parent: QWidget | None, message: str, detail: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PAZOS Coordinación: error"))
        self.detail = detail
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        log_file = current_log_file()
        where = str(log_file) if log_file else self.tr("(no disponible)")
        log_label = QLabel(self.tr("Registro de errores: {path}").replace("{path}", where))
        log_label.setWordWrap(True)
        log_label.setTextInteractionFlags(log_label.textInteractionFlags() | _selectable())
        layout.addWidget(log_label)
        self.detail_box = QPlainTextEdit(detail)
        self.detail_box.setReadOnly(True)
        self.detail_box.setVisible(False)
        layout.addWidget(self.detail_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Aceptar"))
        copy = QPushButton(self.tr("Copiar detalles"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.detail)
        self.detail_box.setVisible(True)


def _selectable():
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse
