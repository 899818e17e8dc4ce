"""The detail pane of a commitment: its summary, progress updates and change history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_cop, format_date, format_quantity
from pazos_desktop.domain.vocabulary import source_label, status_label
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.search import commitment_rows
from pazos_desktop.services.history.readable import commitment_history
from ui.fit import FitScrollArea
from ui.models.rows import Column, RowsModel
from ui.people import access
from ui.reporting.evidence import EvidencePanel
from ui.widgets import setup_table


def history_columns(widget: QWidget) -> list[Column]:
    """The columns of every history tab (services/history/readable.ReadableChange rows)."""
    return [
        Column(widget.tr("Cuándo"), lambda h: h.when),
        Column(widget.tr("Quién"), lambda h: h.actor),
        Column(widget.tr("Acción"), lambda h: h.action),
        Column(widget.tr("Cambio"), lambda h: h.change, tooltip=lambda h: h.change),
        Column(widget.tr("Motivo"), lambda h: h.reason, tooltip=lambda h: h.reason or None),
    ]


def history_table(widget: QWidget, model: RowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    setup_table(table, name)
    header = table.horizontalHeader()
    for column, width in enumerate((115, 90, 100, 420)):
        header.resizeSection(column, width)
    return table


class CommitmentDetail(QWidget):
    edit_requested = Signal(int)
    progress_requested = Signal(int)

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.commitment_id: int | None = None
        self.generation = 0
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        self.summary = QLabel(self.tr("Elija un compromiso para ver su detalle."))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A long title or program name on a small screen scrolls instead of being cut off.
        summary = FitScrollArea(self.summary)
        summary.setMinimumWidth(260)
        layout.addWidget(summary, 1)
        buttons = QHBoxLayout()
        self.edit_button = access.needs(QPushButton(self.tr("Editar…")), "edit_register")
        self.progress_button = access.needs(QPushButton(self.tr("Añadir avance…")), "edit_register")
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.progress_button.clicked.connect(lambda: self._emit(self.progress_requested))
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.progress_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.progress_model = RowsModel(self._progress_columns(), self)
        self.history_model = RowsModel(self._history_columns(), self)
        self.progress_table = self._table(self.progress_model, self.tr("Avances"))
        self.history_table = history_table(self, self.history_model, self.tr("Historial"))
        self.evidence = EvidencePanel(ops, self)
        self.tabs.addTab(self.progress_table, self.tr("Avances"))
        self.tabs.addTab(self.evidence, self.tr("Evidencia"))
        self.tabs.addTab(self.history_table, self.tr("Historial"))
        outer.addWidget(self.tabs, 3)
        self._enable(False)

    def _table(self, model, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        setup_table(table, name)
        return table

    def _progress_columns(self) -> list[Column]:
        return [
            Column(self.tr("Fecha"), lambda p: format_date(p.date)),
            Column(self.tr("Logrado"), lambda p: format_quantity(p.achieved_quantity), True),
            Column(self.tr("Estado"), lambda p: status_label(p.status) if p.status else ""),
            Column(self.tr("Origen"), lambda p: source_label(p.source)),
            Column(self.tr("Comentario"), lambda p: p.comment or "", tooltip=lambda p: p.comment),
        ]

    def _history_columns(self) -> list[Column]:
        return history_columns(self)

    def _emit(self, signal) -> None:
        if self.commitment_id is not None:
            signal.emit(self.commitment_id)

    def _enable(self, on: bool) -> None:
        self.edit_button.setEnabled(on)
        self.progress_button.setEnabled(on)

    def show_commitment(self, commitment_id: int | None) -> None:
        self.commitment_id = commitment_id
        self.generation += 1
        gen = self.generation
        self.evidence.show_commitment(commitment_id)
        if commitment_id is None:
            self.summary.setText(self.tr("Elija un compromiso para ver su detalle."))
            self.progress_model.set_rows([])
            self.history_model.set_rows([])
            self._enable(False)
            return

        def work(session):
            rows = commitment_rows(session, [commitment_id])
            return (
                rows[0] if rows else None,
                commitments.list_progress(session, commitment_id),
                commitment_history(session, commitment_id),
            )

        self.ops.read(work, lambda r: self._loaded(gen, *r), parent=self)

    def _loaded(self, gen, row, progress, changes) -> None:
        if gen != self.generation:
            return
        if row is None:
            self.show_commitment(None)
            return
        self.summary.setText(self._summary(row))
        self.progress_model.set_rows(progress)
        self.history_model.set_rows(changes)
        for table in (self.progress_table, self.history_table):  # "Cuándo", "Quién" in sight
            table.horizontalScrollBar().setValue(0)
        self._enable(True)

    def _summary(self, row) -> str:
        from html import escape

        lines = [
            f"<b>{escape(row.title)}</b>",
            escape(row.partner_name)
            + (f" — {escape(row.contact_name)}" if row.contact_name else ""),
            self.tr("Estado: {s}").format(s=escape(status_label(row.effective_status))),
            self.tr("Fecha límite: {d}").format(d=format_date(row.due_date) or "—"),
        ]
        if row.amount_cop is not None:
            lines.append(self.tr("Valor: {v}").format(v=format_cop(row.amount_cop)))
        if row.program_name:
            lines.append(self.tr("Programa: {p}").format(p=escape(row.program_name)))
        return "<br>".join(lines)
