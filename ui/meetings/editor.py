"""The meeting editor: tabs for general data, attendance, agenda and development, commitments
agreed, follow-up, decisions and history; save, approve (after asking), reopen with a reason,
export the PDFs, the approved acta's digital signatures (Firmas…: ui/meetings/signatures.py).

As secretaries work: it asks before discarding unsaved edits (Esc, Cerrar, ✕); while they
type, a draft of the form is kept every few seconds in the user's data folder
(`pazos_desktop.services.meetings.drafts`) and offered back when the acta is opened again after a crash. It
opens at any screen size (no fixed minimum; the general tab scrolls). Build-only constructor
(tests); `open_meeting_editor()` shows it. Approved minutes open read-only: the core refuses
edits anyway, the screen says so before anyone types.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
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
from pazos_desktop.documents import actas
from pazos_desktop.domain.meetings import MeetingType, meeting_status_label, meeting_type_label
from pazos_desktop.errors import ValidationError
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings.data import MeetingData
from ui import errors, interaction
from ui.fit import FitScrollArea, FittedDialog
from ui.meetings.actions import Choices, export_document
from ui.meetings.commitments_tabs import AgreedTab, FollowupTab
from ui.meetings.drafts import DRAFT_MS, DraftKeeper
from ui.meetings.parts import AgendaTab, AttendanceTab, DecisionsTab
from ui.meetings.signatures import open_signatures
from ui.models.rows import RowsModel
from ui.views.detail import history_columns, history_table
from ui.widgets import DateField, typed_or_text

TEXT_FIELDS = ("place", "link", "chair_name", "chair_position", "secretary_name",
               "secretary_position", "next_place", "prepared_by", "prepared_position",
               "reviewed_by", "reviewed_position", "approver_name", "approver_position")  # fmt: skip
DATE_FIELDS = ("date", "next_date")
TIME_FIELDS = ("start_time", "end_time", "next_time")


def parse_time(text: str) -> dt.time | None | str:
    """The core's time parser (09:30, 9.30, 930); the text itself when it is not a time."""
    return typed_or_text(parsing.parse_time, text)


class MeetingEditor(FittedDialog):
    saved = Signal(object)  # the meeting saved (or approved, reopened)
    changed = Signal()  # its commitment lists changed (the list's counts follow)

    def __init__(
        self, ops, parent: QWidget | None, data: MeetingData, choices: Choices, drafts=None
    ):
        super().__init__(parent)
        self.ops, self.data, self.choices = ops, data, choices
        self.keeper = DraftKeeper(self, drafts)
        outer = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
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
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 38)
        self.set_data(data)
        self.draft_timer = QTimer(self)
        self.draft_timer.timeout.connect(self.keeper.keep)
        self.draft_timer.start(DRAFT_MS)

    def _build_tabs(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.tabs.addTab(FitScrollArea(self._general_tab()), self.tr("General"))
        self.attendance = AttendanceTab()
        self.attendance.set_contacts(self.choices.contacts)
        self.agenda = AgendaTab()
        self.agreed = AgreedTab(self.ops)
        self.followup = FollowupTab(self.ops)
        self.decisions = DecisionsTab()
        self.history_model = RowsModel(history_columns(self), self)
        for part in (self.agreed, self.followup):
            part.changed.connect(self.changed)
        self.tabs.addTab(self.attendance, self.tr("Asistencia"))
        self.tabs.addTab(self.agenda, self.tr("Orden del día y desarrollo"))
        self.tabs.addTab(self.agreed, self.tr("Compromisos acordados"))
        self.tabs.addTab(self.followup, self.tr("Seguimiento"))
        self.tabs.addTab(self.decisions, self.tr("Decisiones"))
        history = history_table(self, self.history_model, self.tr("Historial del acta"))
        self.tabs.addTab(history, self.tr("Historial"))

    def _general_tab(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Tipo de reunión"))
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
            left.addRow(labels[key], self._field(key, labels[key]))
        self.objective = QPlainTextEdit()
        self.objective.setAccessibleName(self.tr("Objetivo"))
        self.objective.setTabChangesFocus(True)  # Tab leaves the box instead of typing a tab
        self.objective.setMinimumHeight(self.fontMetrics().height() * 4)
        left.addRow(self.tr("Objetivo"), self.objective)
        for key in ("chair_name", "chair_position", "secretary_name", "secretary_position",
                    "next_date", "next_time", "next_place", "prepared_by", "prepared_position",
                    "reviewed_by", "reviewed_position", "approver_name",
                    "approver_position"):  # fmt: skip
            right.addRow(labels[key], self._field(key, labels[key]))
        self.clusters = QListWidget()
        self.clusters.setAccessibleName(self.tr("Clústeres"))
        self.clusters.setMaximumHeight(self.fontMetrics().height() * 7)
        for label, cluster_id in self.choices.clusters:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, cluster_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.clusters.addItem(item)
        right.addRow(self.tr("Clústeres"), self.clusters)
        return page

    def _field(self, key: str, label: str) -> QWidget:
        widget = DateField() if key in DATE_FIELDS else QLineEdit()
        if key in TIME_FIELDS:
            widget.setPlaceholderText(self.tr("hh:mm"))
        widget.setAccessibleName(label)
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
            ("signatures", self.tr("Firmas…"), self.signatures),
            ("approve", self.tr("Aprobar acta…"), self.approve),
            ("reopen", self.tr("Reabrir…"), self.reopen),
            ("save", self.tr("Guardar"), self.save),
            ("close", self.tr("Cerrar"), self.reject),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)  # Enter in a field does not press a button
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
            if key == "signatures":
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
        self.agreed.load(data.id, data.approved, data.date)
        self.followup.load(data.id, data.approved)
        self._load_history()
        self._show_state()
        self.clean_state = self.form_state()

    def _load_history(self) -> None:
        if self.data.id is None:
            self.history_model.set_rows([])
            return
        from pazos_desktop.services.history.readable import meeting_history

        meeting_id = self.data.id
        self.ops.run(lambda s: meeting_history(s, meeting_id), self.history_model.set_rows)

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
        for key in ("minutes", "attendance", "signatures"):
            self.buttons[key].setEnabled(data.id is not None)

    def form_state(self) -> dict:
        """Everything the form holds, as typed (JSON-ready): for "unsaved edits?" and drafts."""
        return {
            "type": self.type.currentData(),
            "series": self.series.currentText(),  # as typed: a new series has no key yet
            "fields": {key: widget.text() for key, widget in self.fields.items()},
            "objective": self.objective.toPlainText(),
            "clusters": self._checked_clusters(),
            "attendees": [_plain(a) for a in self.attendance.values()],
            "agenda": [_plain(a) for a in self.agenda.values()],
            "decisions": [_plain(d) for d in self.decisions.values()],
        }

    def set_form_state(self, state: dict) -> None:
        """Put a kept draft back into the form (what was typed, valid or not)."""
        from pazos_desktop.services.meetings.data import AgendaItemData, AttendeeData, DecisionData

        self.type.setCurrentIndex(max(0, self.type.findData(state.get("type"))))
        if self.data.id is None and state.get("series"):  # a saved acta keeps its series
            self.series.setEditText(state["series"])
        for key, text in state.get("fields", {}).items():
            if key in self.fields:
                self.fields[key].setText(text)
        self.objective.setPlainText(state.get("objective", ""))
        wanted = set(state.get("clusters", []))
        for i in range(self.clusters.count()):
            item = self.clusters.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.attendance.set_values([AttendeeData(**a) for a in state.get("attendees", [])])
        self.agenda.set_values([AgendaItemData(**a) for a in state.get("agenda", [])])
        self.decisions.set_values([DecisionData(**d) for d in state.get("decisions", [])])

    def is_dirty(self) -> bool:
        return not self.data.approved and self.form_state() != self.clean_state

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
        was_new = self.data.id is None
        self.set_data(data)
        self.keeper.discard(new=was_new)
        self.saved.emit(data)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.fields.values()))
        else:
            errors.show_error(self, exc)

    def save(self) -> None:
        if self.data.approved:
            return
        try:
            data = self.collect()
        except ValidationError as exc:
            self._failed(exc)
            return
        self._run(lambda s: meetings.save_meeting(s, data))

    def approve(self) -> None:
        """Ask first; unsaved edits are saved with the approval, in one step."""
        if self.data.id is None or self.data.approved:
            return
        question = self.tr(
            "¿Aprobar el {acta}? Una vez aprobada queda bloqueada: para corregirla habrá que "
            "reabrirla indicando el motivo."
        ).format(acta=self.data.label)
        if self.is_dirty():
            question += "\n" + self.tr("Los cambios sin guardar se guardan al aprobar.")
        if not interaction.confirm(
            self, self.tr("Aprobar acta"), question, self.tr("Aprobar"), self.tr("Cancelar")
        ):
            return
        try:
            data = self.collect() if self.is_dirty() else None
        except ValidationError as exc:
            self._failed(exc)
            return
        meeting_id, version = self.data.id, self.data.version

        def work(session):
            if data is not None:
                version_now = meetings.save_meeting(session, data).version
            else:
                version_now = version
            return actas.approve_meeting(session, meeting_id, version_now)

        self._run(work)

    def reopen(self) -> None:
        reason = interaction.ask_text(
            self,
            self.tr("Reabrir acta"),
            self.tr("Motivo de la reapertura (queda en el historial):"),
        )
        if reason is not None:
            meeting_id, version = self.data.id, self.data.version
            self._run(lambda s: actas.reopen_meeting(s, meeting_id, reason, version))

    def signatures(self) -> None:
        """The approved acta's digital signatures: list, sign, verify (a dialog of its own)."""
        if self.data.id is not None:
            self.last_signatures = open_signatures(self.ops, self, self.data.id)
            self.last_signatures.panel.changed.connect(self._load_history)

    def export(self, kind: str) -> None:
        if self.data.id is not None:
            export_document(
                self.ops, self, kind, self.data.year, self.data.number, self.data.series
            )

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.type.setFocus()  # the first field, not a button

    _shown_once = False

    def reject(self) -> None:
        """Esc, Cerrar or ✕: ask before unsaved edits are lost; the kept draft goes too."""
        if self.is_dirty() and not interaction.confirm(
            self,
            self.tr("Descartar cambios"),
            self.tr("El acta tiene cambios sin guardar. ¿Desea descartarlos?"),
            self.tr("Descartar"),
            self.tr("Seguir editando"),
        ):
            return
        self.draft_timer.stop()
        self.keeper.discard()
        super().reject()


def _plain(item) -> dict:
    from dataclasses import asdict

    return asdict(item)


def open_meeting_editor(
    ops, parent, data: MeetingData, choices: Choices, drafts=None
) -> MeetingEditor:
    editor = MeetingEditor(ops, parent, data, choices, drafts)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    editor.keeper.offer()
    return editor
