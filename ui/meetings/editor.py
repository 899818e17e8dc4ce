"""The meeting editor: tabs for general data, attendance, agenda and development, commitments
agreed, follow-up and decisions; save, approve, reopen with a reason, export the PDFs.

Build-only constructor (tests); `open_meeting_editor()` shows it. Approved minutes open
read-only: the core refuses edits anyway, the screen says so before anyone types.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop import parsing
from pazos_desktop.errors import ValidationError
from pazos_desktop.meetings_domain import MeetingType, meeting_status_label, meeting_type_label
from pazos_desktop.services import meetings
from pazos_desktop.services.meetings import MeetingData

from .. import errors
from ..widgets import DateField, typed_or_text
from .actions import Choices, export_document
from .commitments_tabs import AgreedTab, FollowupTab
from .parts import AgendaTab, AttendanceTab, DecisionsTab

TEXT_FIELDS = ("place", "link", "chair_name", "chair_position", "secretary_name",
               "secretary_position", "next_place", "prepared_by", "prepared_position",
               "reviewed_by", "reviewed_position", "approver_name", "approver_position")  # fmt: skip
DATE_FIELDS = ("date", "next_date")
TIME_FIELDS = ("start_time", "end_time", "next_time")


def parse_time(text: str) -> dt.time | None | str:
    """The core's time parser (09:30, 9.30, 930); the text itself when it is not a time."""
    return typed_or_text(parsing.parse_time, text)


class MeetingEditor(QDialog):
    saved = Signal(object)

    def __init__(self, ops, parent: QWidget | None, data: MeetingData, choices: Choices):
        super().__init__(parent)
        self.ops, self.data, self.choices = ops, data, choices
        self.setMinimumSize(900, 620)
        outer = QVBoxLayout(self)
        self.status = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addWidget(self.error)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self._build_tabs()
        outer.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.set_data(data)

    def _build_tabs(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.attendance = AttendanceTab()
        self.attendance.set_contacts(self.choices.contacts)
        self.agenda = AgendaTab()
        self.agreed = AgreedTab(self.ops)
        self.agreed.set_choices(self.choices)
        self.followup = FollowupTab(self.ops)
        self.decisions = DecisionsTab()
        self.tabs.addTab(self.attendance, self.tr("Asistencia"))
        self.tabs.addTab(self.agenda, self.tr("Orden del día y desarrollo"))
        self.tabs.addTab(self.agreed, self.tr("Compromisos acordados"))
        self.tabs.addTab(self.followup, self.tr("Seguimiento"))
        self.tabs.addTab(self.decisions, self.tr("Decisiones"))

    def _general_tab(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.type = QComboBox()
        for value in MeetingType:
            self.type.addItem(meeting_type_label(value), value.value)
        left.addRow(self.tr("Tipo de reunión"), self.type)
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.setAccessibleName(self.tr("Serie (numeración)"))
        self.series.setToolTip(
            self.tr(
                "Cada cuerpo numera sus actas: el comité técnico, cada mesa. Elija la serie o "
                "escriba el nombre de otra; no cambia después de crear el acta."
            )
        )
        for label, key in self.choices.series:
            self.series.addItem(label, key)
        left.addRow(self.tr("Serie (numeración)"), self.series)
        labels = {
            "date": self.tr("Fecha"), "start_time": self.tr("Hora de inicio"),
            "end_time": self.tr("Hora de finalización"), "place": self.tr("Lugar"),
            "link": self.tr("Enlace (si es virtual)"), "chair_name": self.tr("Preside"),
            "chair_position": self.tr("Cargo de quien preside"),
            "secretary_name": self.tr("Secretario(a)"),
            "secretary_position": self.tr("Cargo del secretario(a)"),
            "next_date": self.tr("Próxima reunión: fecha"),
            "next_time": self.tr("Próxima reunión: hora"),
            "next_place": self.tr("Próxima reunión: lugar"), "prepared_by": self.tr("Elaboró"),
            "prepared_position": self.tr("Cargo de quien elaboró"),
            "reviewed_by": self.tr("Revisó"),
            "reviewed_position": self.tr("Cargo de quien revisó"),
            "approver_name": self.tr("Aprobó (si no es quien preside)"),
            "approver_position": self.tr("Cargo de quien aprobó"),
        }  # fmt: skip
        for key in ("date", "start_time", "end_time", "place", "link"):
            left.addRow(labels[key], self._field(key))
        self.objective = QPlainTextEdit()
        self.objective.setAccessibleName(self.tr("Objetivo"))
        left.addRow(self.tr("Objetivo"), self.objective)
        for key in ("chair_name", "chair_position", "secretary_name", "secretary_position",
                    "next_date", "next_time", "next_place", "prepared_by", "prepared_position",
                    "reviewed_by", "reviewed_position", "approver_name",
                    "approver_position"):  # fmt: skip
            right.addRow(labels[key], self._field(key))
        self.clusters = QListWidget()
        self.clusters.setAccessibleName(self.tr("Clústeres"))
        for label, cluster_id in self.choices.clusters:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, cluster_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.clusters.addItem(item)
        right.addRow(self.tr("Clústeres"), self.clusters)
        return page

    def _field(self, key: str) -> QWidget:
        widget = DateField() if key in DATE_FIELDS else QLineEdit()
        if key in TIME_FIELDS:
            widget.setPlaceholderText(self.tr("hh:mm"))
        widget.setAccessibleName(key)
        self.fields[key] = widget
        return widget

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("minutes", self.tr("Exportar PDF…"), lambda: self.export("minutes")),
            (
                "attendance",
                self.tr("Imprimir planilla de asistencia…"),
                lambda: self.export("attendance"),
            ),
            ("approve", self.tr("Aprobar acta"), self.approve),
            ("reopen", self.tr("Reabrir…"), self.reopen),
            ("save", self.tr("Guardar"), self.save),
            ("close", self.tr("Cerrar"), self.reject),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
            if key == "attendance":
                row.addStretch(1)
        return row

    # --- data in and out ----------------------------------------------------------------------

    def set_data(self, data: MeetingData) -> None:
        self.data = data
        self.type.setCurrentIndex(max(0, self.type.findData(data.type)))
        self._show_series(data.series or data.type)
        for key in TEXT_FIELDS:
            self.fields[key].setText(getattr(data, key) or "")
            self.fields[key].setCursorPosition(0)  # show the start of long places
        for key in DATE_FIELDS:
            self.fields[key].set_date(getattr(data, key))
        for key in TIME_FIELDS:
            value = getattr(data, key)
            self.fields[key].setText(value.strftime("%H:%M") if value else "")
        self.objective.setPlainText(data.objective or "")
        for i in range(self.clusters.count()):
            item = self.clusters.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in data.cluster_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.attendance.set_values(data.attendees)
        self.agenda.set_values(data.agenda)
        self.decisions.set_values(data.decisions)
        self.agreed.load(data.id, data.approved)
        self.followup.load(data.id, data.approved)
        self._show_state()

    def _show_state(self) -> None:
        data, locked = self.data, self.data.approved
        title = data.label if data.id else self.tr("Nueva reunión")
        self.setWindowTitle(title)
        state = meeting_status_label(data.status)
        note = self.tr(" — solo lectura; reábrala para corregirla") if locked else ""
        self.status.setText(f"<b>{title}</b> · {state}{note}")
        for widget in [*self.fields.values(), self.objective]:
            widget.setReadOnly(locked)
        self.type.setEnabled(not locked)
        self.series.setEnabled(data.id is None)  # its number belongs to the series
        self.clusters.setEnabled(not locked)
        for part in (self.attendance, self.agenda, self.decisions):
            part.set_read_only(locked)
        self.buttons["save"].setEnabled(not locked)
        self.buttons["approve"].setEnabled(not locked and data.id is not None)
        self.buttons["reopen"].setEnabled(locked)
        for key in ("minutes", "attendance"):
            self.buttons[key].setEnabled(data.id is not None)

    def collect(self) -> MeetingData:
        """The form as MeetingData; text that is not a date or a time stops here."""
        values, problems = {}, []
        for key in DATE_FIELDS + TIME_FIELDS:
            widget = self.fields[key]
            value = widget.value() if key in DATE_FIELDS else parse_time(widget.text())
            if isinstance(value, str):
                problems.append(
                    self.tr("«{text}» no es una fecha u hora válida.").replace("{text}", value)
                )
            values[key] = None if isinstance(value, str) else value
        if problems:
            raise ValidationError({"input": "\n".join(problems)})
        for key in TEXT_FIELDS:
            values[key] = self.fields[key].text()
        old = self.data
        return MeetingData(
            **values,
            type=self.type.currentData(),
            series=self._chosen_series() if old.id is None else old.series,
            objective=self.objective.toPlainText(),
            chair_contact_id=old.chair_contact_id,
            secretary_contact_id=old.secretary_contact_id,
            cluster_ids=self._checked_clusters(),
            attendees=self.attendance.values(),
            agenda=self.agenda.values(),
            decisions=self.decisions.values(),
            number=old.number if old.id is None else None,
            id=old.id,
            version=old.version,
        )

    def _show_series(self, key: str) -> None:
        index = self.series.findData(key)
        if index < 0:
            self.series.addItem(key, key)
            index = self.series.count() - 1
        self.series.setCurrentIndex(index)

    def _chosen_series(self) -> str | None:
        """The key of the series chosen, or the name typed for a new one."""
        text = self.series.currentText().strip()
        index = self.series.findText(text)
        if index >= 0:
            return self.series.itemData(index)
        return text or None

    def _checked_clusters(self) -> list[int]:
        return [
            self.clusters.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.clusters.count())
            if self.clusters.item(i).checkState() == Qt.CheckState.Checked
        ]

    # --- actions ------------------------------------------------------------------------------

    def _run(self, fn, reason: str | None = None) -> None:
        self.error.clear()
        self.ops.run(fn, success=self._done, failure=self._failed, parent=self, reason=reason)

    def _done(self, data: MeetingData) -> None:
        self.set_data(data)
        self.saved.emit(data)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.fields.values()))
        else:
            errors.show_error(self, exc)

    def save(self) -> None:
        try:
            data = self.collect()
        except ValidationError as exc:
            self._failed(exc)
            return
        self._run(lambda s: meetings.save_meeting(s, data))

    def approve(self) -> None:
        meeting_id, version = self.data.id, self.data.version
        self._run(lambda s: meetings.approve_meeting(s, meeting_id, version))

    def reopen(self) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reabrir acta"),
            self.tr("Motivo de la reapertura (queda en el historial):"),
        )
        if ok:
            meeting_id, version = self.data.id, self.data.version
            self._run(lambda s: meetings.reopen_meeting(s, meeting_id, reason, version))

    def export(self, kind: str) -> None:
        if self.data.id is not None:
            export_document(
                self.ops, self, kind, self.data.year, self.data.number, self.data.series
            )


def open_meeting_editor(ops, parent, data: MeetingData, choices: Choices) -> MeetingEditor:
    editor = MeetingEditor(ops, parent, data, choices)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor
