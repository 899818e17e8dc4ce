"""The editor's commitment tabs: commitments agreed at the meeting, follow-up of earlier ones."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain import Status, format_quantity, status_label
from pazos_desktop.parsing import parse_number
from pazos_desktop.services import meeting_followup as fu
from pazos_desktop.services.commitments import CommitmentData
from pazos_desktop.services.minutes import list_agreed

from ..widgets import DateField, setup_table, typed_or_text
from .actions import Choices


def _fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class AgreedTab(QWidget):
    """The commitments born at this meeting, and a short form to add one."""

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops, self.meeting_id, self.locked = ops, None, False
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Actividad"),
                self.tr("Responsable"),
                self.tr("Clúster"),
                self.tr("Componente"),
                self.tr("Fecha límite"),
            ]
        )
        setup_table(self.table, self.tr("Compromisos acordados"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((300, 220, 180, 140)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.title, self.partner = QLineEdit(), QComboBox()
        self.component, self.cluster, self.due = QComboBox(), QComboBox(), DateField()
        form.addRow(self.tr("Actividad"), self.title)
        form.addRow(self.tr("Entidad responsable"), self.partner)
        form.addRow(self.tr("Componente"), self.component)
        form.addRow(self.tr("Clúster"), self.cluster)
        form.addRow(self.tr("Fecha límite"), self.due)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.hint = QLabel()
        self.add_button = QPushButton(self.tr("Agregar compromiso"))
        self.add_button.clicked.connect(lambda _=False: self.add())
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)

    def set_choices(self, choices: Choices) -> None:
        for combo, items in (
            (self.partner, choices.partners),
            (self.component, choices.components),
            (self.cluster, choices.clusters),
        ):
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)

    def load(self, meeting_id: int | None, locked: bool) -> None:
        self.meeting_id, self.locked = meeting_id, locked
        ready = meeting_id is not None and not locked
        for widget in (self.title, self.partner, self.component, self.cluster, self.due):
            widget.setEnabled(ready)
        self.add_button.setEnabled(ready)
        self.hint.setText(
            "" if meeting_id else self.tr("Guarde la reunión para agregar compromisos.")
        )
        if meeting_id is not None:
            self.ops.run(lambda s: list_agreed(s, meeting_id), success=self.show_rows, parent=self)
        else:
            self.show_rows([])

    def show_rows(self, rows) -> None:
        _fill_table(
            self.table,
            [[r.activity, r.responsible, r.cluster, r.component, r.due_date] for r in rows],
        )

    def add(self) -> None:
        due = self.due.value()
        data = CommitmentData(
            partner_id=self.partner.currentData(),
            component_id=self.component.currentData(),
            cluster_ids=[c for c in [self.cluster.currentData()] if c is not None],
            title=self.title.text(),
            due_date=due if not isinstance(due, str) else None,
            status=Status.IN_PROGRESS.value,
        )
        meeting_id = self.meeting_id

        def added(_result) -> None:
            self.title.clear()
            self.due.clear()
            self.load(meeting_id, self.locked)

        self.ops.run(
            lambda s: fu.add_agreed_commitment(s, meeting_id, data), success=added, parent=self
        )


class FollowupTab(QWidget):
    """Earlier commitments reviewed at this meeting: what was reported for each."""

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops, self.meeting_id, self.rows = ops, None, []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Compromiso"),
                self.tr("Responsable"),
                self.tr("Estado actual"),
                self.tr("Estado reportado"),
                self.tr("Avance"),
                self.tr("Comentario"),
            ]
        )
        setup_table(self.table, self.tr("Seguimiento a compromisos anteriores"))
        for column, width in enumerate((240, 170, 110, 130, 70)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.hint = QLabel()
        self.prefill_button = QPushButton(self.tr("Traer compromisos pendientes"))
        self.prefill_button.setToolTip(
            self.tr("Los abiertos de la reunión anterior y de las entidades invitadas")
        )
        self.prefill_button.clicked.connect(lambda _=False: self.prefill())
        self.record_button = QPushButton(self.tr("Registrar lo reportado"))
        self.record_button.clicked.connect(lambda _=False: self.record())
        row.addWidget(self.hint, 1)
        row.addWidget(self.prefill_button)
        row.addWidget(self.record_button)
        layout.addLayout(row)

    def load(self, meeting_id: int | None, locked: bool) -> None:
        self.meeting_id, self.locked = meeting_id, locked
        for button in (self.prefill_button, self.record_button):
            button.setEnabled(meeting_id is not None and not locked)
        self.hint.setText(
            "" if meeting_id else self.tr("Guarde la reunión para hacer el seguimiento.")
        )
        if meeting_id is not None:
            self.ops.run(
                lambda s: fu.list_followups(s, meeting_id), success=self.show_rows, parent=self
            )
        else:
            self.show_rows([])

    def show_rows(self, rows: list[fu.FollowupData]) -> None:
        self.rows = rows
        _fill_table(
            self.table,
            [[r.title, r.responsible, status_label(r.current_status), "", "", ""] for r in rows],
        )
        for i, r in enumerate(rows):
            combo = QComboBox()
            combo.addItem(self.tr("(sin reporte)"), None)
            for value in Status:
                combo.addItem(status_label(value), value.value)
            combo.setCurrentIndex(max(0, combo.findData(r.reported_status)))
            combo.setEnabled(not self.locked)
            self.table.setCellWidget(i, 3, combo)
            achieved = "" if r.reported_achieved is None else format_quantity(r.reported_achieved)
            self.table.setItem(i, 4, QTableWidgetItem(achieved))
            self.table.setItem(i, 5, QTableWidgetItem(r.comment or ""))
        triggers = QTableWidget.EditTrigger
        self.table.setEditTriggers(
            triggers.NoEditTriggers if self.locked else triggers.AllEditTriggers
        )

    def prefill(self) -> None:
        meeting_id = self.meeting_id
        self.ops.run(
            lambda s: fu.prefill_followups(s, meeting_id), success=self.show_rows, parent=self
        )

    def reports(self) -> list[fu.FollowupData]:
        """Rows whose reported status, progress or comment differ from what is saved."""
        changed = []
        for i, r in enumerate(self.rows):
            status = self.table.cellWidget(i, 3).currentData()
            achieved = typed_or_text(parse_number, self.table.item(i, 4).text())
            comment = self.table.item(i, 5).text().strip() or None
            if (status, achieved, comment) != (r.reported_status, r.reported_achieved, r.comment):
                changed.append(fu.FollowupData(r.commitment_id, status, achieved, comment))
        return changed

    def record(self) -> None:
        meeting_id, reports = self.meeting_id, self.reports()

        def work(session):
            for report in reports:
                fu.record_followup(session, meeting_id, report)
            return fu.list_followups(session, meeting_id)

        self.ops.run(work, success=self.show_rows, parent=self)
