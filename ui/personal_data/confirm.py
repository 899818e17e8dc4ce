"""The suppression's confirmation (what will happen, named) and the signed attendance sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.services.personal_data.suppression import SuppressionPlan, describe_plan
from ui import interaction
from ui.fit import FittedDialog
from ui.widgets import fill_combo


class SuppressDialog(FittedDialog):
    """Lists every place the person's data will be replaced; the button stays disabled until
    the user ticks that it cannot be undone."""

    def __init__(self, parent: QWidget | None, plan: SuppressionPlan, backups: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suprimir los datos de una persona"))
        layout = QVBoxLayout(self)
        self.text = QLabel("\n".join(describe_plan(plan, backups)))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.understood = QCheckBox(self.tr("Entiendo que la supresión no se puede deshacer"))
        layout.addWidget(self.understood)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.go = self.buttons.addButton(
            self.tr("Suprimir los datos"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go.setEnabled(False)
        self.understood.toggled.connect(self.go.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)


class SignedSheetDialog(FittedDialog):
    """Choose a meeting, tick who ticked the habeas-data box on its signed sheet."""

    def __init__(self, ops, parent: QWidget | None, meetings: list[tuple[str, int]]):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Registrar la planilla firmada"))
        layout = QVBoxLayout(self)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Reunión"))
        fill_combo(self.meeting, meetings)
        layout.addWidget(QLabel(self.tr("Reunión:")))
        layout.addWidget(self.meeting)
        layout.addWidget(
            QLabel(self.tr("Marque a quienes marcaron la casilla de autorización en la planilla:"))
        )
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Asistentes"))
        layout.addWidget(self.people, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        self.record = buttons.addButton(
            self.tr("Registrar autorizaciones"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.record.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.meeting.currentIndexChanged.connect(lambda _i: self.load())
        self.setMinimumSize(520, 420)
        self.load()

    def load(self) -> None:
        from pazos_desktop.services.personal_data.authorisations import sheet_people

        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            self.people.clear()
            return
        self.ops.read(lambda s: sheet_people(s, meeting_id), self._show, parent=self)

    def _show(self, people) -> None:
        self.people.clear()
        for p in people:
            item = QListWidgetItem(f"{p.name} — {p.entity} ({p.auth.label()})")
            item.setData(Qt.ItemDataRole.UserRole, p.contact_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            if p.auth.valid:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.people.addItem(item)

    def ticked(self) -> list[int]:
        return [
            self.people.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        from pazos_desktop.services.personal_data.authorisations import record_signed_sheet

        meeting_id, ids = self.meeting.currentData(), self.ticked()
        if meeting_id is None or not ids:
            return
        self.ops.run(lambda s: record_signed_sheet(s, meeting_id, ids), self._saved, parent=self)

    def _saved(self, result) -> None:
        self.result_label.setText(
            self.tr("Autorizaciones registradas: {n}. Evidencia: {ref}")
            .replace("{n}", str(len(result.created)))
            .replace("{ref}", result.evidence)
        )
        self.load()


def confirm_suppression(parent, plan, backups: int) -> bool:
    """Through the interaction seam (tests answer with its recorder)."""
    text = "\n".join(describe_plan(plan, backups))
    return interaction.confirm_dialog(SuppressDialog(parent, plan, backups), text)
